"""Solution notebooks for instructors: every exercise of the course solved.

The learner notebooks hold only scaffolds (``...`` blanks); the solutions live
in the exercise bank. :func:`write_solutions` copies the course notebooks into
a folder of your choice with each exercise cell (tagged ``exercise``) replaced
by its reference solution, so every ``ut.check`` in them says "Correct". The
command-line twin is ``unga-teach solutions DIR``.

Examples
--------
>>> import tempfile
>>> out = write_solutions(tempfile.mkdtemp())
>>> out[0].name
'00_start_here.ipynb'
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..errors import UngaTeachError
from ..fileio import atomic_write_text
from .exercises import exercise

__all__ = ["course_notebooks", "notebooks_dir", "solve_notebook", "write_solutions"]

_CHECK = re.compile(r'^ut\.check\("([^"]+)",', re.M)
_NOTEBOOK = re.compile(r"^\d\d[a-z]?_.+\.ipynb$")


def notebooks_dir() -> Path:
    """The folder of the course notebooks (in the wheel, or the repository's).

    Examples
    --------
    >>> (notebooks_dir() / "00_start_here.ipynb").is_file()
    True
    """
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "notebooks", here.parent / "notebooks"):
        if (candidate / "00_start_here.ipynb").is_file():
            return candidate
    raise UngaTeachError("The course notebooks were not found next to the package; "
                         "reinstall unga-teach or run from a full checkout.")


def course_notebooks(source: Path | None = None) -> list[Path]:
    """The course's notebook files (``NN_name.ipynb``), in order."""
    folder = notebooks_dir() if source is None else Path(source)
    return sorted(p for p in folder.iterdir() if _NOTEBOOK.match(p.name))


def solve_notebook(nb: object) -> int:
    """Replace each exercise cell of ``nb`` (an nbformat notebook) by its solution.

    Returns the number of cells solved. Outputs are cleared.
    """
    solved = 0
    for cell in nb.cells:  # type: ignore[attr-defined]
        if cell.cell_type != "code" or "exercise" not in cell.metadata.get("tags", []):
            continue
        found = _CHECK.search(cell.source)
        if found is None:
            raise UngaTeachError(f"exercise cell {cell.get('id')!r} has no "
                                 'ut.check("ID", ...) line.')
        cell.source = exercise(found.group(1)).solution.strip("\n")
        cell.outputs, cell.execution_count = [], None
        solved += 1
    return solved


def write_solutions(out_dir: str | os.PathLike[str], *, force: bool = False,
                    source: str | os.PathLike[str] | None = None) -> list[Path]:
    """Write the course notebooks with every exercise solved into ``out_dir``.

    Parameters
    ----------
    out_dir : path
        A folder (created if missing). It must not be the course's own
        notebooks folder: the learner notebooks never hold a solution.
    force : bool, default False
        Replace notebooks already in ``out_dir``; without it an existing file
        is an error and nothing is written.
    source : path, optional
        Where to read the learner notebooks (default: the course's).

    Returns
    -------
    list of Path
        The files written, in course order.

    Raises
    ------
    UngaTeachError
        If ``out_dir`` is the notebooks folder, is a file, or already holds
        one of the notebooks (without ``force``).
    """
    import nbformat

    src = Path(source) if source is not None else notebooks_dir()
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise UngaTeachError(f"{out} is a file; give a folder for the solution notebooks.")
    if out.exists() and out.resolve() == src.resolve():
        raise UngaTeachError(f"{out} is the learners' notebooks folder; solutions must go "
                             "elsewhere (the learner notebooks never hold a solution).")
    notebooks = course_notebooks(src)
    if not notebooks:
        raise UngaTeachError(f"No course notebooks (NN_name.ipynb) in {src}.")
    targets = [out / p.name for p in notebooks]
    clash = [t.name for t in targets if t.exists() or t.is_symlink()]
    if clash and not force:
        raise UngaTeachError(f"{out} already holds {', '.join(clash)}; pass force=True "
                             "(or --force) to replace them.")
    out.mkdir(parents=True, exist_ok=True)
    for path, target in zip(notebooks, targets, strict=True):
        nb = nbformat.read(path, as_version=4)
        solve_notebook(nb)
        atomic_write_text(target, nbformat.writes(nb) + "\n", overwrite=force,
                          what="solution notebook")
    return targets
