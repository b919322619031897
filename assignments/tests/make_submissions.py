"""Make four test submissions for the UNGA assignment from the generated student notebook.

Run it after ``otter assign`` to dry-run the grading before you release the
assignment (see docs/instructors/assignment.md)::

    python assignments/tests/make_submissions.py assignments/dist submissions

It writes, from ``assignments/dist/student/unga_assignment.ipynb``:

- ``solution.ipynb``: every answer cell filled with the master solution
  (taken from ``assignments/dist/autograder/unga_assignment.ipynb``): full marks;
- ``mistakes.ipynb``: the typical mistakes (abstentions counted as present and
  voting, known votes taken for the official tally, the course's agreement
  rule instead of the half rule, ...): at most 40 % of the autograded points;
- ``shape_only.ipynb``: every answer of the right type and size, every value
  wrong: all public tests pass, and it scores at most 10 % (here 0);
- ``erroring.ipynb``: one answer cell raises an exception and one question is
  left unanswered; it must still be graded (a score, not a crash).

The expected autograder scores are in :data:`EXPECTED_BY_QUESTION` and
:data:`EXPECTED_SCORES`. Because the submissions are built from the
*generated* student notebook, they stay in sync with the master notebook:
only the answer cells listed below are hand-written.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
from pathlib import Path

NOTEBOOK = "unga_assignment.ipynb"

#: Points of the autograded questions. Each question's public test is worth 0
#: points; its hidden tests carry all of them (see the master notebook's
#: ``points`` lists, one value per test case).
POINTS = {"q1": 4, "q2": 3, "q3": 4, "q4": 3, "q5": 3, "q6": 4, "q7": 3}
TOTAL = sum(POINTS.values())

#: Points of the questions graded by hand: two short readings and the policy memo.
MANUAL_POINTS = {"q3b": 2, "q6b": 2, "q8": 8}
MANUAL_TOTAL = sum(MANUAL_POINTS.values())

#: Answers of the "typical mistakes" submission: realistic mistakes, one per question
#: (q5 is right). The comments give the score each one gets.
MISTAKES_ANSWERS = {
    # counts abstentions as present and voting (the course's first misconception): 0/4
    "q1": """official = ut.load_resolutions().set_index("id")
tally_2026 = official.loc["2026", ["yes", "no", "abstain", "non_voting"]].astype(int)
present_and_voting = int(tally_2026["yes"] + tally_2026["no"] + tally_2026["abstain"])
needed_simple = present_and_voting // 2 + 1
needed_two_thirds = math.ceil(2 * present_and_voting / 3)
passes_two_thirds = bool(tally_2026["yes"] >= needed_two_thirds)
tally_2026""",
    # shift() puts NaN in the first row, so the first resolution counts as a change: 1/3
    "q2": """bra_votes = votes_all[votes_all["iso3"] == "BRA"].set_index("resolution")["vote"]
bra_votes = bra_votes.astype(str)
bra_changed = list(bra_votes.index[bra_votes != bra_votes.shift()])
bra_votes""",
    # rows and columns swapped, axes not named; the mask and stayed_yes are right: 2/4
    "q3": """in_group = members["un_regional_group"] == "African States"
before = ut.load_votes("ES-11/7").set_index("iso3")["vote"]
after = votes_2026.set_index("iso3")["vote"]
shift_africa = pd.crosstab(after[in_group], before[in_group])
stayed_yes = int(shift_africa.loc["yes", "yes"])
shift_africa""",
    # the course's rule (abstain against yes is a disagreement), not the half rule: 1/3
    "q4": """positions = ["yes", "no", "abstain"]
mex_votes = votes_all[votes_all["iso3"] == "MEX"].set_index("resolution")["vote"].astype(str)
compared = bra_votes.isin(positions) & mex_votes.isin(positions)
n_compared = int(compared.sum())
agreement_half = float((bra_votes[compared] == mex_votes[compared]).mean())
n_compared, agreement_half""",
    # the known yes votes taken as the floor, the unknown ones all as yes: 1/4
    "q6": """groups = ["African States", "Asia-Pacific States"]
vote = votes_2026.set_index("iso3")["vote"].astype(str)
in_groups = members["un_regional_group"].isin(groups).reindex(vote.index)
known_yes_in = int(((vote == "yes") & in_groups).sum())
unknown_in = int(((vote == "unknown") & in_groups).sum())
unknown_out = int(((vote == "unknown") & ~in_groups).sum())
unplaced_yes = int(tally_2026["yes"] - (vote == "yes").sum())
yes_low = known_yes_in
yes_high = known_yes_in + unknown_in
yes_low, yes_high""",
    # the known votes taken for the official tally, with an unknown bar, default colours: 0/3
    "q7": """known_counts = votes_2026["vote"].astype(str).value_counts()
chart_data = known_counts.rename_axis("vote").reset_index(name="states")
chart_2026 = alt.Chart(chart_data).mark_bar().encode(x="vote:N", y="states:Q")
chart_2026""",
}

#: Answers of the "right shape, wrong values" submission: every public test
#: passes, every value the hidden tests check is wrong.
SHAPE_ONLY_ANSWERS = {
    "q1": """official = ut.load_resolutions().set_index("id")
tally_2026 = official.loc["ES-11/7", ["yes", "no", "abstain", "non_voting"]].astype(int)
present_and_voting = int(tally_2026["yes"] + tally_2026["no"])
needed_simple = present_and_voting // 2 + 1
needed_two_thirds = math.ceil(2 * present_and_voting / 3)
passes_two_thirds = False
tally_2026""",
    "q2": """bra_votes = votes_all[votes_all["iso3"] == "MEX"].set_index("resolution")["vote"]
bra_votes = bra_votes.astype(str)
bra_changed = ["68/262"]
bra_votes""",
    "q3": """in_group = members["un_regional_group"] == "Asia-Pacific States"
before = ut.load_votes("ES-11/7").set_index("iso3")["vote"]
after = votes_2026.set_index("iso3")["vote"]
shift_africa = pd.crosstab(before[in_group], after[in_group], rownames=["2026"],
                           colnames=["ES-11/7"])
stayed_yes = 100
shift_africa""",
    "q4": """positions = ["yes", "no", "abstain"]
mex_votes = votes_all[votes_all["iso3"] == "MEX"].set_index("resolution")["vote"].astype(str)
compared = bra_votes == "yes"
n_compared = int(compared.sum())
agreement_half = 0.0
n_compared, agreement_half""",
    "q5": """n_known = 150
n_unknown = 43
unknown_by_group = pd.Series([43], index=["African States"])
unknown_by_group""",
    "q6": """groups = ["African States", "Asia-Pacific States"]
vote = votes_2026.set_index("iso3")["vote"].astype(str)
in_groups = members["un_regional_group"].eq("Eastern European States").reindex(vote.index)
known_yes_in = 100
unknown_in = 100
unknown_out = 100
unplaced_yes = 100
yes_low = 150
yes_high = 190
yes_low, yes_high""",
    "q7": """chart_data = pd.DataFrame({"vote": ["yes", "no", "abstain", "non_voting"],
                           "states": [50, 50, 50, 43]})
chart_2026 = alt.Chart(chart_data).mark_bar().encode(x="vote:N", y="states:Q")
chart_2026""",
}

#: Answers of the erroring submission: q3 raises, q7 is left as handed out.
ERROR_ANSWERS = {
    # a typo in the resolution id: ut.load_votes raises UnknownResolutionError
    "q3": """in_group = members["un_regional_group"] == "African States"
before = ut.load_votes("ES-11/07").set_index("iso3")["vote"]
after = votes_2026.set_index("iso3")["vote"]
shift_africa = pd.crosstab(before[in_group], after[in_group], rownames=["ES-11/7"],
                           colnames=["2026"])
stayed_yes = int(shift_africa.loc["yes", "yes"])
shift_africa""",
    "q7": None,  # None: keep the student notebook's "..." cell
}

#: The submissions the dry run grades, with their answers.
SUBMISSIONS = {
    "solution": {},
    "mistakes": MISTAKES_ANSWERS,
    "shape_only": SHAPE_ONLY_ANSWERS,
    "erroring": ERROR_ANSWERS,
}

#: The autograder's score of each submission, question by question.
EXPECTED_BY_QUESTION = {
    "solution": {q: float(p) for q, p in POINTS.items()},
    "mistakes": {"q1": 0.0, "q2": 1.0, "q3": 2.0, "q4": 1.0, "q5": 3.0, "q6": 1.0, "q7": 0.0},
    "shape_only": {q: 0.0 for q in POINTS},
    # q3: only the mask, computed before the line that raises (1/4); q7: 0/3
    "erroring": {**{q: float(p) for q, p in POINTS.items()}, "q3": 1.0, "q7": 0.0},
}

#: Total autograded score of each submission (out of TOTAL). The issue's bar:
#: typical mistakes at most 40 %, right shape but wrong values at most 10 %.
EXPECTED_SCORES = {name: sum(scores.values()) for name, scores in EXPECTED_BY_QUESTION.items()}

#: The written answers put in every submission (hand-graded, so the same for all).
MEMO = (
    "To: the UN desk of a foreign ministry. The United States abstained (reported, "
    "https://www.freemalaysiatoday.com/category/world/2026/02/25/"
    "on-invasion-anniversary-un-says-ukraine-cannot-be-divided)."
)
WRITTEN_ANSWERS = {
    "q3b": "Most African votes of 2026 are unknown, so the table describes the known few only.",
    "q6b": "The bounds rule out 'only a handful': at least yes_low yes votes came from the groups.",
    "q8": MEMO,
}

_HEADING = re.compile(r"^#+\s*Question\s+(\d+b?)\b", re.M)
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
    question = None
    for cell in nb["cells"]:  # the written answers (graded by hand)
        if cell["cell_type"] != "markdown":
            continue
        heading = _HEADING.search(_source(cell))
        if heading:
            question = "q" + heading.group(1)
        elif "otter_answer_cell" in _tags(cell):
            if question not in WRITTEN_ANSWERS:
                raise ValueError(f"no written answer for the answer cell after {question!r}")
            cell["source"] = WRITTEN_ANSWERS[question]
    return nb


def make_submissions(dist: str | Path, out: str | Path) -> dict[str, Path]:
    """Write one notebook per entry of :data:`SUBMISSIONS` into ``out``."""
    dist, out = Path(dist), Path(out)
    student = json.loads((dist / "student" / NOTEBOOK).read_text(encoding="utf-8"))
    autograder = json.loads((dist / "autograder" / NOTEBOOK).read_text(encoding="utf-8"))
    out.mkdir(parents=True, exist_ok=True)
    made = {}
    for name, overrides in SUBMISSIONS.items():
        path = out / f"{name}.ipynb"
        nb = fill(student, autograder, overrides)
        path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        made[name] = path
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", help="the folder otter assign wrote (e.g. assignments/dist)")
    parser.add_argument("out", help="folder for the four submissions (e.g. submissions)")
    args = parser.parse_args(argv)
    for name, path in make_submissions(args.dist, args.out).items():
        print(f"{path}  (expected autograded score {EXPECTED_SCORES[name]:g} / {TOTAL})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
