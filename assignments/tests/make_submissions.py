"""Make three test submissions for the UNGA assignment from the generated student notebook.

Run it after ``otter assign`` to dry-run the grading before you release the
assignment (see docs/instructors.md)::

    python assignments/tests/make_submissions.py assignments/dist submissions

It writes, from ``assignments/dist/student/unga_assignment.ipynb``:

- ``solution.ipynb``: every answer cell filled with the master solution
  (taken from ``assignments/dist/autograder/unga_assignment.ipynb``);
- ``wrong.ipynb``: four typical mistakes, so a known partial score;
- ``erroring.ipynb``: one answer cell raises an exception and one question is
  left unanswered; it must still be graded (a score, not a crash).

The expected autograder scores are in :data:`EXPECTED_SCORES`. Because the
submissions are built from the *generated* student notebook, they stay in
sync with the master notebook: only the answer cells listed below are
hand-written.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
from pathlib import Path

NOTEBOOK = "unga_assignment.ipynb"

#: Points of the autograded questions (q7, the memo, is graded by hand).
POINTS = {"q1": 4, "q2": 3, "q3": 3, "q4": 3, "q5": 3, "q6": 2}
TOTAL = sum(POINTS.values())

#: Answers of the wrong submission: realistic mistakes, one per question.
WRONG_ANSWERS = {
    # counts abstentions as "present and voting": public tests pass, both hidden tests fail
    "q1": """official = ut.load_resolutions().set_index("id")
tally_2026 = official.loc["2026", ["yes", "no", "abstain", "non_voting"]].astype(int)
present_and_voting = tally_2026["yes"] + tally_2026["no"] + tally_2026["abstain"]
needed_simple = present_and_voting // 2 + 1
needed_two_thirds = math.ceil(2 * present_and_voting / 3)
passes_two_thirds = bool(tally_2026["yes"] >= needed_two_thirds)
tally_2026""",
    # rows and columns swapped: the table test fails, stayed_yes is still right
    "q3": """before = ut.load_votes("ES-11/7").set_index("iso3")["vote"]
after = votes_2026.set_index("iso3")["vote"]
shift = pd.crosstab(after, before)
stayed_yes = shift.loc["yes", "yes"]
shift""",
    # compares every resolution, non-voting and unknown included: both hidden tests fail
    "q4": """il_votes = votes_all[votes_all["iso3"] == "ISR"].set_index("resolution")["vote"]
both = us_votes.notna() & il_votes.notna()
n_compared = int(both.sum())
agreement_us_il = float((us_votes[both] == il_votes[both]).mean())
n_compared, agreement_us_il""",
    # a line chart: the public test fails, the hidden one passes
    "q6": """tally_table = tally_2026.rename_axis("vote").reset_index(name="states")
chart_2026 = alt.Chart(tally_table).mark_line().encode(x="vote:N", y="states:Q")
chart_2026""",
}

#: Answers of the erroring submission: q3 raises, q6 is left as handed out.
ERROR_ANSWERS = {
    # a typo in the resolution id: ut.load_votes raises UnknownResolutionError
    "q3": """before = ut.load_votes("ES-11/07").set_index("iso3")["vote"]
after = votes_2026.set_index("iso3")["vote"]
shift = pd.crosstab(before, after)
stayed_yes = shift.loc["yes", "yes"]
shift""",
    "q6": None,  # None: keep the student notebook's "..." cell
}

EXPECTED_SCORES = {
    "solution": float(TOTAL),
    # q1 2/4, q2 3/3, q3 2/3, q4 1/3, q5 3/3, q6 1/2
    "wrong": 12.0,
    # q3 0/3 (the cell raises), q6 0/2 (not answered), the rest full
    "erroring": float(TOTAL - POINTS["q3"] - POINTS["q6"]),
}

MEMO = (
    "The United States abstained (reported, "
    "https://www.freemalaysiatoday.com/category/world/2026/02/25/"
    "on-invasion-anniversary-un-says-ukraine-cannot-be-divided)."
)

_CHECK = re.compile(r"""grader\.check\(\s*["'](q\d+)["']\s*\)""")


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _tags(cell: dict) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def answer_cells(nb: dict, tag: str) -> dict[str, int]:
    """Map each autograded question to the index of its answer cell.

    The answer cell of question ``qN`` is the last code cell tagged ``tag``
    before the ``grader.check("qN")`` cell.
    """
    found: dict[str, int] = {}
    last: int | None = None
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        if tag in _tags(cell):
            last = i
            continue
        match = _CHECK.search(_source(cell))
        if match and last is not None:
            found[match.group(1)] = last
            last = None
    return found


def _set_source(cell: dict, text: str) -> None:
    cell["source"] = text
    cell["outputs"] = []
    cell["execution_count"] = None


def fill(student: dict, autograder: dict, overrides: dict[str, str | None]) -> dict:
    """Return a copy of ``student`` with every answer filled.

    Answers come from the solution cells of ``autograder`` unless ``overrides``
    names the question: a string replaces the answer, ``None`` leaves the
    student cell unanswered.
    """
    nb = copy.deepcopy(student)
    student_cells = answer_cells(nb, "otter_answer_cell")
    solution_cells = answer_cells(autograder, "otter_assign_solution_cell")
    if set(student_cells) != set(solution_cells) or not student_cells:
        raise ValueError(
            f"answer cells do not match: student {sorted(student_cells)}, "
            f"autograder {sorted(solution_cells)}"
        )
    unknown = set(overrides) - set(student_cells)
    if unknown:
        raise ValueError(f"no answer cell for {sorted(unknown)}")
    for question, index in student_cells.items():
        if question in overrides:
            text = overrides[question]
            if text is None:
                continue
        else:
            text = _source(autograder["cells"][solution_cells[question]])
        _set_source(nb["cells"][index], text)
    for cell in nb["cells"]:  # the memo (manually graded)
        if cell["cell_type"] == "markdown" and "otter_answer_cell" in _tags(cell):
            cell["source"] = MEMO
    return nb


def make_submissions(dist: str | Path, out: str | Path) -> dict[str, Path]:
    """Write solution.ipynb, wrong.ipynb and erroring.ipynb into ``out``."""
    dist, out = Path(dist), Path(out)
    student = json.loads((dist / "student" / NOTEBOOK).read_text(encoding="utf-8"))
    autograder = json.loads((dist / "autograder" / NOTEBOOK).read_text(encoding="utf-8"))
    out.mkdir(parents=True, exist_ok=True)
    made = {}
    for name, overrides in [("solution", {}), ("wrong", WRONG_ANSWERS),
                            ("erroring", ERROR_ANSWERS)]:
        path = out / f"{name}.ipynb"
        nb = fill(student, autograder, overrides)
        path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        made[name] = path
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", help="the folder otter assign wrote (e.g. assignments/dist)")
    parser.add_argument("out", help="folder for the three submissions (e.g. submissions)")
    args = parser.parse_args(argv)
    for name, path in make_submissions(args.dist, args.out).items():
        print(f"{path}  (expected score {EXPECTED_SCORES[name]:g} / {TOTAL})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
