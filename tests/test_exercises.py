"""The exercise bank and ``ut.check``: every exercise is solvable, checked and leak-free.

For every exercise of the bank:

* the reference solution, run on its own, makes ``ut.check`` say Correct;
* the scaffold, run unfilled, says "Not yet: replace the ..." and never raises;
* ``None``, a value of the wrong type and each typical wrong value fail, a
  typical value with its own hint;
* every ``...`` of the scaffold is the whole right-hand side of an assignment
  (so an unfilled cell runs);
* its notebook has exactly one exercise cell for it, holding the scaffold, and
  no notebook source or stored output holds a line of its solution.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

import unga_teach as ut
from unga_teach.assess.check import CheckResult, reset_attempts
from unga_teach.assess.exercises import exercise, exercise_bank

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
BANK = exercise_bank()
IDS = [e.id for e in BANK]


def _run(source: str) -> CheckResult:
    """Run a cell's code with only ``ut`` defined; return the value of its last line."""
    tree = ast.parse(source)
    last = tree.body.pop()
    assert isinstance(last, ast.Expr), "the cell must end with the ut.check(...) expression"
    namespace: dict = {"ut": ut}
    exec(compile(tree, "<exercise>", "exec"), namespace)
    return eval(compile(ast.Expression(last.value), "<exercise>", "eval"), namespace)


def _notebook_cells() -> dict[str, list[dict]]:
    out = {}
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        out[path.name] = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return out


CELLS = _notebook_cells()


def _notebook_file(number: str) -> str:
    return next(name for name in CELLS if name.startswith(number + "_"))


@pytest.fixture(autouse=True)
def _fresh_attempts():
    reset_attempts()
    yield
    reset_attempts()


@pytest.mark.parametrize("ex_id", IDS)
def test_reference_solution_is_correct(ex_id: str) -> None:
    result = _run(exercise(ex_id).solution)
    assert isinstance(result, CheckResult)
    assert bool(result), result.message
    assert repr(result).startswith("Correct")


@pytest.mark.parametrize("ex_id", IDS)
def test_unfilled_scaffold_runs_and_says_not_yet(ex_id: str) -> None:
    result = _run(exercise(ex_id).scaffold)
    assert not result
    assert repr(result).startswith("Not yet: replace the ...")
    assert "Show a solution" not in result._repr_html_()


@pytest.mark.parametrize("ex_id", IDS)
def test_every_blank_is_a_whole_right_hand_side(ex_id: str) -> None:
    tree = ast.parse(exercise(ex_id).scaffold)
    blanks = [n for n in ast.walk(tree) if isinstance(n, ast.Constant) and n.value is Ellipsis]
    whole = [n.value for n in ast.walk(tree) if isinstance(n, ast.Assign)
             and isinstance(n.value, ast.Constant) and n.value.value is Ellipsis]
    assert blanks, "a scaffold has at least one ... blank"
    assert len(blanks) == len(whole), "every ... must be the whole value of an assignment"
    blank_names = {t.id for n in ast.walk(tree) if isinstance(n, ast.Assign)
                   and isinstance(n.value, ast.Constant) and n.value.value is Ellipsis
                   for t in n.targets if isinstance(t, ast.Name)}
    body = tree.body[:-1]
    used = {n.id for stmt in body for n in ast.walk(stmt)
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    assert not (blank_names & used), (
        f"a line other than ut.check uses a blank name: {sorted(blank_names & used)}")


@pytest.mark.parametrize("ex_id", IDS)
def test_none_and_wrong_type_fail_with_a_message(ex_id: str) -> None:
    for value in (None, object(), "not an answer"):
        result = ut.check(ex_id, value)
        assert not result
        assert repr(result).startswith("Not yet")
        assert len(result.message) > len("Not yet: ")
    result = ut.check(ex_id, None)
    assert "None" in result.message or "expected" in result.message


@pytest.mark.parametrize("ex_id", IDS)
def test_typical_wrong_values_get_their_hint(ex_id: str) -> None:
    ex = exercise(ex_id)
    for typical in ex.typical:
        result = ut.check(ex_id, typical.value())
        assert not result, f"a typical wrong value passes: {typical.hint}"
        assert typical.hint in result.message


@pytest.mark.parametrize("ex_id", IDS)
def test_solution_offered_only_after_an_attempt(ex_id: str) -> None:
    first = ut.check(ex_id, ...)
    assert "solution" not in first._repr_html_().lower()
    wrong = ut.check(ex_id, None)
    html = wrong._repr_html_()
    assert "Show a solution" in html and "<details" in html


@pytest.mark.parametrize("ex_id", IDS)
def test_one_exercise_cell_holds_the_scaffold(ex_id: str) -> None:
    ex = exercise(ex_id)
    cells = [c for c in CELLS[_notebook_file(ex.notebook)]
             if c["cell_type"] == "code" and "exercise" in c["metadata"].get("tags", [])
             and f'ut.check("{ex_id}",' in "".join(c["source"])]
    assert len(cells) == 1, f"{len(cells)} exercise cells for {ex_id}"
    assert "".join(cells[0]["source"]).strip() == ex.scaffold.strip()
    assert not cells[0].get("outputs")


def test_every_exercise_cell_is_in_the_bank() -> None:
    for name, cells in CELLS.items():
        for c in cells:
            if "exercise" in c["metadata"].get("tags", []):
                source = "".join(c["source"])
                assert any(f'ut.check("{i}",' in source for i in IDS), (name, source[:80])


def _blank_names(scaffold: str) -> set[str]:
    return {t.id for n in ast.walk(ast.parse(scaffold)) if isinstance(n, ast.Assign)
            and isinstance(n.value, ast.Constant) and n.value.value is Ellipsis
            for t in n.targets if isinstance(t, ast.Name)}


@pytest.mark.parametrize("ex_id", IDS)
def test_no_solution_line_in_any_notebook(ex_id: str) -> None:
    """The lines that fill a blank (``name = <the answer>``) appear in no notebook."""
    ex = exercise(ex_id)
    blanks = _blank_names(ex.scaffold)
    secret = [ln.strip() for ln in ex.solution.splitlines()
              if ln.split("=")[0].strip() in blanks and "=" in ln]
    assert secret, "the solution must fill the scaffold's blanks"
    for name, cells in CELLS.items():
        for c in cells:
            text = "".join(c["source"]) + json.dumps(c.get("outputs", []))
            for line in secret:
                assert line not in text, f"{name} shows a solution line of {ex_id}: {line!r}"


def test_check_rejects_an_unknown_id_with_close_matches() -> None:
    with pytest.raises(ut.UngaTeachError, match="Did you mean"):
        ut.check("01-present-and-votin", 1)


def test_the_series_practises_every_graded_skill() -> None:
    skills = {s for e in BANK for s in e.skills}
    wanted = {"mask", "isin", "value_counts", "groupby", "crosstab", "align", "chart"}
    assert wanted <= skills, f"missing skills: {sorted(wanted - skills)}"


def test_enough_exercises_in_every_notebook() -> None:
    by_notebook = {}
    for e in BANK:
        by_notebook[e.notebook] = by_notebook.get(e.notebook, 0) + 1
    for number in ("01", "02", "03", "04", "05", "06"):
        assert by_notebook.get(number, 0) >= 2, f"notebook {number}: fewer than 2 exercises"
    assert by_notebook.get("01a", 0) >= 4, "the pandas primer needs at least 4 exercises"
    assert len(BANK) >= 15


def test_solutions_command_writes_every_notebook_solved(tmp_path: Path) -> None:
    from unga_teach.assess.solutions import notebooks_dir
    from unga_teach.cli import main

    out = tmp_path / "solved"
    assert main(["solutions", str(out)]) == 0
    written = sorted(p.name for p in out.glob("*.ipynb"))
    assert written == sorted(CELLS)
    solved = 0
    for name in written:
        for c in json.loads((out / name).read_text(encoding="utf-8"))["cells"]:
            if "exercise" in c["metadata"].get("tags", []):
                source = "".join(c["source"])
                ex_id = source.split('ut.check("')[1].split('"')[0]
                assert source.strip() == exercise(ex_id).solution.strip()
                solved += 1
    assert solved == len(IDS)
    # never over existing files without --force, never into the learners' folder
    assert main(["solutions", str(out)]) == 2
    assert main(["solutions", str(out), "--force"]) == 0
    assert main(["solutions", str(notebooks_dir()), "--force"]) == 2
