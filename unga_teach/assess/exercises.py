"""The course's coding exercises: a bank of faded examples, checked from the data.

Each exercise is one :class:`Exercise` in a module of ``unga_teach/assess/bank/``
(one module per notebook). It holds the prompt, the *scaffold* (the code a
learner starts from, with ``...`` blanks, which the notebook cell shows), the
reference *solution*, how to compute the right value from the data when the
check runs, and hints for typical wrong values. A notebook cell holds only the
scaffold, so no answer is ever in a learner's notebook; :func:`unga_teach.check`
checks the learner's value.

Rules for a scaffold (tested): every ``...`` is the whole right-hand side of an
assignment, so an unfilled cell runs; the cell ends with
``ut.check("ID", name)``.

Examples
--------
>>> ex = exercise("01-present-and-voting")
>>> ex.notebook, ex.kind
('01', 'count')
>>> ex.scaffold.splitlines()[-1]
'ut.check("01-present-and-voting", present_and_voting)'
>>> exercise_ids("01")[:1]
['01-present-and-voting']
"""

from __future__ import annotations

import difflib
import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..errors import UngaTeachError
from .compare import KINDS

__all__ = ["Exercise", "TypicalError", "exercise", "exercise_bank", "exercise_ids"]


@dataclass(frozen=True)
class TypicalError:
    """A typical wrong value and the hint it earns.

    Attributes
    ----------
    value : callable
        Computes the wrong value from the data (called when the check runs).
    hint : str
        What the learner probably did, aimed at the idea, not at the answer.
    """

    value: Callable[[], Any]
    hint: str


@dataclass(frozen=True)
class Exercise:
    """One checked coding exercise.

    Attributes
    ----------
    id : str
        ``"NN-short-name"``; ``NN`` is the notebook (``"01a"`` for the primer).
    notebook : str
        The notebook number.
    title : str
        A few words, shown on the card.
    prompt : str
        What to compute, in a sentence (for the answer keys).
    kind : str
        The kind of answer (see :data:`unga_teach.assess.compare.KINDS`).
    expected : callable
        Computes the right value from the data when the check runs, so it
        follows the official record when one is in use.
    scaffold : str
        The exercise cell's code: ``...`` blanks, ending with ``ut.check``.
    solution : str
        The scaffold solved (same last line).
    explanation : str
        Why the solution is right; shown after a right answer and with the
        solution.
    hint : str
        The general hint for a wrong value that is not a typical one.
    typical : tuple of TypicalError
        Typical wrong values, each with its own hint.
    skills : tuple of str
        The skills practised (``"mask"``, ``"isin"``, ``"value_counts"``,
        ``"groupby"``, ``"crosstab"``, ``"align"``, ``"chart"``, ...).
    options : dict
        Passed to :func:`unga_teach.assess.compare.compare` (``tol``,
        ``zero_fill``, ``index_name``).
    minutes : int
        A newcomer's time for it: about 5 for one blank to fill, 10-15 for
        several lines of one's own (the notebooks' estimated times add these up).
    """

    id: str
    notebook: str
    title: str
    prompt: str
    kind: str
    expected: Callable[[], Any]
    scaffold: str
    solution: str
    explanation: str
    hint: str
    typical: tuple[TypicalError, ...] = ()
    skills: tuple[str, ...] = ()
    options: dict[str, Any] = field(default_factory=dict)
    minutes: int = 5

    def __post_init__(self) -> None:
        where = f"exercise {self.id!r}"
        if not self.id.startswith(self.notebook + "-"):
            raise UngaTeachError(f"{where}: the id must start with its notebook "
                                 f"{self.notebook!r} and '-'.")
        if self.kind not in KINDS:
            raise UngaTeachError(f"{where}: kind {self.kind!r} is not one of "
                                 f"{', '.join(KINDS)}.")
        for name in ("title", "prompt", "scaffold", "solution", "explanation", "hint"):
            if not str(getattr(self, name)).strip():
                raise UngaTeachError(f"{where}: {name} is empty.")
        last = [ln for ln in self.scaffold.strip().splitlines() if ln.strip()][-1]
        if not last.startswith(f'ut.check("{self.id}", '):
            raise UngaTeachError(f"{where}: the scaffold must end with "
                                 f'ut.check("{self.id}", <name>).')
        if self.solution.strip().splitlines()[-1] != last:
            raise UngaTeachError(f"{where}: the solution must end with the scaffold's "
                                 "ut.check line.")


@cache
def _bank() -> tuple[Exercise, ...]:
    """Every exercise, from the modules of ``unga_teach/assess/bank`` in name order."""
    from . import bank

    found: list[Exercise] = []
    for info in sorted(pkgutil.iter_modules(bank.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{bank.__name__}.{info.name}")
        found.extend(getattr(module, "EXERCISES", ()))
    ids = [e.id for e in found]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise UngaTeachError(f"The exercise bank uses these ids twice: {', '.join(twice)}.")
    return tuple(found)


def exercise_bank(notebook: str | None = None) -> list[Exercise]:
    """The exercises of the course, in bank order (optionally one notebook's).

    Parameters
    ----------
    notebook : str, optional
        ``"01"``, ``"01a"``, ... ``"06"``.

    Returns
    -------
    list of Exercise

    Examples
    --------
    >>> all(e.notebook == "03" for e in exercise_bank("03"))
    True
    """
    return [e for e in _bank() if notebook is None or e.notebook == notebook]


def exercise_ids(notebook: str | None = None) -> list[str]:
    """The ids of :func:`exercise_bank`.

    Examples
    --------
    >>> "01-present-and-voting" in exercise_ids()
    True
    """
    return [e.id for e in exercise_bank(notebook)]


def exercise(exercise_id: str) -> Exercise:
    """Return one exercise by id, with close matches for a mistyped id.

    Raises
    ------
    UngaTeachError
        If no exercise has that id.

    Examples
    --------
    >>> exercise("01-present-and-votin")
    Traceback (most recent call last):
    ...
    unga_teach.errors.UngaTeachError: No exercise '01-present-and-votin'. Did you mean ...
    """
    if not isinstance(exercise_id, str) or not exercise_id.strip():
        raise UngaTeachError(f"An exercise id is a string such as '03-count-no', got "
                             f"{exercise_id!r}.")
    ids = exercise_ids()
    ref = exercise_id.strip()
    if ref in ids:
        return _bank()[ids.index(ref)]
    close = difflib.get_close_matches(ref, ids, n=3, cutoff=0.5)
    hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    raise UngaTeachError(f"No exercise {ref!r}.{hint} The ids are listed by "
                         "ut.exercise_ids().")
