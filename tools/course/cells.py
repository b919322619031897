"""Markdown and code cells with fixed ids, and the setup cell every notebook starts with."""

from __future__ import annotations

from nbformat.v4 import new_code_cell, new_markdown_cell

GOLDEN_TAG = "nbval-check-output"
FIRST_CELL = "import unga_teach as ut\nut.setup_notebook()"

# --------------------------------------------------------------------- cell helpers
def _unindent(text: str) -> str:
    """Remove the source indentation of the first line from every line that has it.

    Unlike ``textwrap.dedent`` this also works when an f-string inserts lines
    with no indentation (a list or a table built elsewhere).
    """
    lines = text.strip("\n").splitlines()
    first = next((ln for ln in lines if ln.strip()), "")
    indent = first[: len(first) - len(first.lstrip())]
    out = [ln[len(indent):] if ln.startswith(indent) else ln.lstrip() if not ln.strip() else ln
           for ln in lines]
    return "\n".join(ln.rstrip() for ln in out)


def md(cell_id: str, text: str):
    return new_markdown_cell(_unindent(text), id=cell_id)


def code(cell_id: str, source: str, *, golden: bool = False):
    cell = new_code_cell(_unindent(source), id=cell_id)
    if golden:
        cell.metadata["tags"] = [GOLDEN_TAG]
    return cell


def first_cell():
    return code("setup", FIRST_CELL)




EXERCISE_TAG = "exercise"
UNDER_THE_HOOD_TAG = "under-the-hood"


def exercise(exercise_id: str):
    """The code cell of one exercise of the bank: its scaffold, tagged ``exercise``.

    The scaffold comes from the package's exercise bank (one source for the
    notebook, the checker, the answer keys and ``unga-teach solutions``).
    """
    from unga_teach.assess.exercises import exercise as bank_exercise

    cell = new_code_cell(bank_exercise(exercise_id).scaffold.strip("\n"),
                         id=f"ex-{exercise_id}")
    cell.metadata["tags"] = [EXERCISE_TAG]
    return cell


def under_the_hood(cell_id: str, source: str):
    """A folded code cell (source hidden until opened) showing what a helper runs."""
    cell = new_code_cell(_unindent(source), id=cell_id)
    cell.metadata["tags"] = [UNDER_THE_HOOD_TAG]
    cell.metadata["jupyter"] = {"source_hidden": True}
    return cell
