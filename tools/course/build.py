"""Assemble, execute and write the course notebooks (``python tools/build_notebooks.py``)."""

from __future__ import annotations

import argparse
import importlib
import os
import time
from collections.abc import Callable
from pathlib import Path

import nbformat
from nbformat.v4 import new_notebook

from .cells import FIRST_CELL, GOLDEN_TAG
from .facts import facts, reset_facts
from .series import ASSIGNMENT, ENTRY, SERIES, series_table, total_minutes  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent.parent
NB_DIR = ROOT / "notebooks"
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def language_info() -> dict:
    """The ``language_info`` the Python kernel reports, as JupyterLab stores it on open.

    JupyterLab writes the kernel's ``language_info`` into the notebook when the
    kernel starts, and marks the notebook modified if it differs from what is
    stored. Storing the same value means a learner who only reads a notebook is
    never asked to save it (on the Python the notebooks were built with; another
    Python version still differs in ``version``).
    """
    from ipykernel.ipkernel import IPythonKernel

    return dict(IPythonKernel.language_info)


def notebook_metadata() -> dict:
    return {"kernelspec": dict(KERNELSPEC), "language_info": language_info()}

NUMBERS = ("00", "01", "01a", "02", "03", "04", "05", "06")
BUILDERS: dict[str, Callable[[], list]] = {
    n: importlib.import_module(f"course.nb{n}").cells for n in NUMBERS
}


# ------------------------------------------------------------------------ assembly
def make_notebook(number: str):
    nb = new_notebook(cells=BUILDERS[number]())
    nb.metadata = notebook_metadata()
    ids = [c.id for c in nb.cells]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:  # check before nbformat.validate, which would silently rename them
        raise ValueError(f"notebook {number}: duplicate cell ids {dupes}")
    nbformat.validate(nb)
    codes = [c for c in nb.cells if c.cell_type == "code"]
    if codes[0].source != FIRST_CELL:
        raise ValueError(f"notebook {number}: the first code cell must be the setup cell")
    return nb


def _client_class():
    from nbexec import WidgetSafeClient

    return WidgetSafeClient


def execute(nb, timeout: int = 300):
    """Run a notebook in a fresh kernel from the notebooks folder; return it executed."""
    client = _client_class()(
        nb,
        kernel_name="python3",
        timeout=timeout,
        store_widget_state=False,
        record_timing=False,
        resources={"metadata": {"path": str(NB_DIR)}},
    )
    client.execute()
    return nb


def keep_golden_only(nb) -> None:
    """Keep outputs and counts of golden cells only; clear everything else."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        cell.metadata.pop("execution", None)
        if GOLDEN_TAG in cell.metadata.get("tags", []):
            for out in cell.outputs:
                if out.get("output_type") == "error":
                    raise RuntimeError(f"golden cell {cell.id} raised: {out.get('ename')}")
            continue
        cell.outputs = []
        cell.execution_count = None
    nb.metadata = notebook_metadata()


def carry_golden_outputs(nb, path: Path) -> list[str]:
    """Copy stored golden outputs from the existing file when the cell is unchanged.

    Used with ``--no-execute`` (a prose-only edit). Returns the ids of golden
    cells that are new or changed and therefore have no output.
    """
    old = {}
    if path.exists():
        old = {c.get("id"): c for c in nbformat.read(path, as_version=4).cells}
    stale = []
    for cell in nb.cells:
        if cell.cell_type != "code" or GOLDEN_TAG not in cell.metadata.get("tags", []):
            continue
        prev = old.get(cell.id)
        if prev is not None and prev.source == cell.source and prev.get("outputs"):
            cell.outputs = prev.outputs
            cell.execution_count = prev.execution_count
        else:
            stale.append(cell.id)
    return stale


def write_readme() -> None:
    text = f"""# The notebooks

A course in {len(SERIES) + 1} notebooks on the UN General Assembly vote of 24 February 2026,
"Support for lasting peace in Ukraine". Open them in order in JupyterLab; each one
also runs on its own. Total: about {total_minutes()} minutes, plus the assignment.

{series_table()}

Every notebook starts with the same cell:

```python
import unga_teach as ut
ut.setup_notebook()
```

and has learning objectives, an estimated time, at least two self-checks with
feedback, and key points at the end.

## Changing the course

The notebooks 00-06 and the pandas primer 01a are generated from Python: each
notebook's text is in one file, `tools/course/nbNN.py` (notebook 03's text is in
`tools/course/nb03.py`, the primer's in `tools/course/nb01a.py`). The numbers
and quotations in the text are read from the data by `tools/course/facts.py`, the
titles and times of the series are in `tools/course/series.py`, and the self-check
questions are in the package's question bank. Notebook 07 (the assignment guide) is
written by hand.

1. Edit the text in `tools/course/nbNN.py` (markdown cells are `md(...)`, code cells
   `code(...)`; keep each cell's id).
2. Rebuild: `.venv/bin/python tools/build_notebooks.py` (all notebooks, executed) or
   `.venv/bin/python tools/build_notebooks.py --only 03` (one). A prose-only change can
   use `--no-execute`, which keeps the stored headline outputs.
3. Check: `.venv/bin/python -m pytest notebooks/ tests/test_notebook_hygiene.py`.

**Edits made in JupyterLab are overwritten** by the next rebuild: make lasting changes
in `tools/course/`. A learner's or an instructor's own copy of a notebook is theirs; the
package functions the notebooks call (`ut.…`) are where fixes reach copies that were
already edited.

## For maintainers

The build executes the notebooks headless and keeps the outputs of the cells tagged
`nbval-check-output` only (the headline numbers: the 2026 totals, the 12
against, the 2026 coverage, the majority arithmetic and the motion for division). CI
runs the notebooks with `pytest --nbval-lax`, which compares those cells, so a change
in the data that moves a headline number fails the build until the notebooks are
regenerated. (`tests/test_notebook_hygiene.py` and `tests/test_notebooks_run.py` check
the rest; `benchmarks/bench_notebooks.py` times a headless run.)
"""
    (NB_DIR / "README.md").write_text(text, encoding="utf-8")


def update_root_readme_times() -> None:
    """Set the time column of the README's notebook list from the series (one source)."""
    import re

    path = ROOT / "README.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    for e in SERIES:
        for i, line in enumerate(lines):
            if line.startswith("| [`") and f"(notebooks/{e.file})" in line:
                lines[i] = re.sub(r"\| \d+ min \|$", f"| {e.minutes} min |", line)
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    os.environ.pop("UNGA_TEACH_UNDL", None)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-execute", action="store_true", help="write without executing")
    parser.add_argument("--only", action="append", help="build only these numbers (e.g. 03)")
    args = parser.parse_args(argv)
    reset_facts()
    facts()
    numbers = args.only or list(BUILDERS)
    NB_DIR.mkdir(exist_ok=True)
    for number in numbers:
        entry = ENTRY[number]
        nb = make_notebook(number)
        path = NB_DIR / entry.file
        if args.no_execute:
            stale = carry_golden_outputs(nb, path)
            if stale:
                print(f"{entry.file}: golden cells without output (run without --no-execute): "
                      + ", ".join(stale))
        else:
            start = time.perf_counter()
            execute(nb)
            print(f"{entry.file}: executed in {time.perf_counter() - start:.1f} s")
        keep_golden_only(nb)
        nbformat.validate(nb)
        nbformat.write(nb, path)
        print(f"{entry.file}: {path.stat().st_size / 1024:.1f} KB")
    write_readme()
    update_root_readme_times()
    return 0

