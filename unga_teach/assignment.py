"""The graded assignment's link to otter-grader, with a plain message when it is missing.

The course itself does not need otter-grader: only the graded assignment
(``assignments/``) does, so otter is an optional extra
(``%pip install "unga-teach[assignment]"`` in a notebook cell, the one way the
course names). A learner who opens the student
notebook in an environment without it gets one plain line saying what to
install, never a traceback, and every ``grader.check(...)`` call repeats that
line instead of failing.

Examples
--------
>>> from unga_teach.assignment import OTTER_MISSING, MissingGrader
>>> g = MissingGrader()
>>> g.check("q1")
otter-grader is not installed, so answers cannot be checked here. ...
>>> "pip install" in OTTER_MISSING
True
"""

from __future__ import annotations

import importlib.util
from typing import Any

__all__ = ["OTTER_MISSING", "MissingGrader", "assignment_grader", "otter_available"]

#: The one line a learner sees when otter-grader is missing.
OTTER_MISSING = (
    "otter-grader is not installed, so answers cannot be checked here. "
    "Run this in a cell of this notebook:  %pip install \"unga-teach[assignment]\"  "
    "then restart the kernel. "
    "You can still answer every question."
)


def otter_available() -> bool:
    """Whether otter-grader can be imported in this environment.

    Examples
    --------
    >>> isinstance(otter_available(), bool)
    True
    """
    return importlib.util.find_spec("otter") is not None


class MissingGrader:
    """Stands in for ``otter.Notebook`` when otter-grader is not installed.

    Every method prints :data:`OTTER_MISSING` and returns ``None``.

    Examples
    --------
    >>> MissingGrader().check_all()
    otter-grader is not installed, ...
    """

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)

        def _explain(*_args: Any, **_kwargs: Any) -> None:
            print(OTTER_MISSING)

        return _explain

    def __repr__(self) -> str:
        return OTTER_MISSING


def assignment_grader(notebook: str) -> Any:
    """Return otter's grader for ``notebook``, or a :class:`MissingGrader` with one plain line.

    Parameters
    ----------
    notebook : str
        The assignment notebook's file name, as ``otter.Notebook`` takes it.

    Returns
    -------
    otter.Notebook or MissingGrader
        With otter-grader installed, ``otter.Notebook(notebook)``; otherwise a
        stand-in whose ``check``/``check_all``/``export`` print what to install
        (the line is also printed once now).

    Examples
    --------
    >>> grader = assignment_grader("unga_assignment.ipynb")  # doctest: +SKIP
    >>> grader.check("q1")  # doctest: +SKIP
    """
    if not otter_available():
        print(OTTER_MISSING)
        return MissingGrader()
    import otter

    return otter.Notebook(notebook)
