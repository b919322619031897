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


