"""``ut.check``: check a learner's value for one exercise, with a hint when it is wrong.

The right value is computed from the data when the check runs (so it follows
the official record when one is in use); it is never written in a notebook.
A wrong value gets a hint aimed at the idea, a typical wrong value its own
hint, a value of the wrong type or shape a sentence saying what was expected,
and an unfilled exercise (``answer = ...``) a reminder to fill it in. Nothing
raises. After a first real attempt the card offers a folded worked solution.

Examples
--------
>>> import unga_teach as ut
>>> r = ut.check("01-present-and-voting", ...)
>>> bool(r), str(r).splitlines()[0]
(False, 'Not yet: replace the ... with your code, then run the cell again.')
>>> r = ut.check("01-present-and-voting", 119)
>>> bool(r), repr(r).startswith("Correct")
(True, True)
>>> print(ut.check("01-present-and-voting", "119"))
Not yet: expected a single whole number, got a piece of text ('119').
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..errors import UngaTeachError
from ..html import SafeHTML, escape, html_details
from .compare import compare, has_blank
from .exercises import Exercise, exercise

__all__ = ["CheckResult", "check", "reset_attempts"]

_COLOURS = {"correct": "#0072B2", "not-yet": "#D55E00", "blank": "#777777"}


class _Attempts:
    """How many real (filled) attempts each exercise has had in this kernel."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def add(self, exercise_id: str) -> int:
        self.counts[exercise_id] = self.counts.get(exercise_id, 0) + 1
        return self.counts[exercise_id]


#: The attempts of this kernel (reset with :func:`reset_attempts`).
ATTEMPTS = _Attempts()


def reset_attempts() -> None:
    """Forget every attempt (the solution is offered again only after a new one)."""
    ATTEMPTS.counts.clear()


@dataclass(frozen=True)
class CheckResult:
    """The outcome of :func:`check`; ``bool(result)`` is True only when right.

    Attributes
    ----------
    exercise_id : str
    status : str
        ``"correct"``, ``"not-yet"`` or ``"blank"`` (an unfilled exercise).
    message : str
        The one-line verdict with its hint.
    explanation : str
        Why the solution is right (shown after a right answer).
    solution : str
        The worked solution; offered (folded) only after a real attempt.
    attempts : int
        Real attempts so far, this one included.
    """

    exercise_id: str
    status: str
    message: str
    explanation: str = ""
    solution: str = ""
    attempts: int = 0

    def __bool__(self) -> bool:
        return self.status == "correct"

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return self.message

    def _repr_html_(self) -> str:
        colour = _COLOURS[self.status]
        head, _, rest = self.message.partition(":")
        parts = [f'<div class="ut-check ut-check-{self.status}" role="status" '
                 f'style="border-left:4px solid {colour};padding:4px 10px;margin:4px 0;'
                 f'line-height:1.4"><strong>{escape(head)}</strong>{escape(":" + rest)}']
        if self.status == "correct" and self.explanation:
            parts.append(f'<div style="margin-top:4px">{escape(self.explanation)}</div>')
        if self.status != "blank" and self.solution and self.attempts >= 1:
            label = ("Compare with a worked solution" if self.status == "correct"
                     else "Stuck? Show a solution")
            body = SafeHTML(
                f'<pre style="white-space:pre-wrap;margin:4px 0"><code>'
                f"{escape(self.solution)}</code></pre>"
                + ("" if self.status == "correct" else
                   f"<div>{escape(self.explanation)}</div>"))
            parts.append(html_details(label, body))
        parts.append("</div>")
        return "".join(parts)


def _verdict(ex: Exercise, value: Any) -> tuple[str, str]:
    """(status, message) for ``value``; never raises on the learner's value."""
    try:
        expected = ex.expected()
    except UngaTeachError as exc:  # the data cannot give this exercise's value
        return "not-yet", f"Not yet: this exercise cannot be checked here ({exc})"
    first = compare(ex.kind, value, expected, **ex.options)
    if first.ok:
        return "correct", f"Correct: {ex.title}."
    if first.problem:
        return "not-yet", f"Not yet: {first.problem}."
    for typical in ex.typical:
        try:
            wrong = typical.value()
        except UngaTeachError:  # pragma: no cover - a typical value the data cannot give
            continue
        if compare(ex.kind, value, wrong, **ex.options).ok:
            return "not-yet", f"Not yet: {typical.hint}"
    if ex.kind == "share" and compare("number", value, 100 * expected, tol=0.05).ok:
        return "not-yet", ("Not yet: that looks like a percentage. A share is a number "
                           "between 0 and 1: divide by the total, do not multiply by 100.")
    if ex.kind == "frame" and hasattr(value, "T") and compare(
            "frame", value.T, expected, **ex.options).ok:
        return "not-yet", ("Not yet: rows and columns are swapped. The first argument of "
                           "pd.crosstab gives the rows, the second the columns.")
    return "not-yet", f"Not yet: {ex.hint}"


def check(exercise_id: str, value: Any) -> CheckResult:
    """Check a learner's value for one exercise of the course.

    Parameters
    ----------
    exercise_id : str
        The exercise, e.g. ``"03-count-no"`` (the cell's last line names it).
    value : object
        What the learner computed. ``...`` (the blank) is reported as not
        filled in yet.

    Returns
    -------
    CheckResult
        Shown in a notebook as a small card beginning "Correct" or "Not yet";
        ``bool()`` is True only when the value is right. After a first real
        attempt the card has a folded "Show a solution".

    Raises
    ------
    UngaTeachError
        Only for an exercise id that does not exist (with close matches);
        never for the learner's value.

    Examples
    --------
    >>> import pandas as pd
    >>> print(check("01-present-and-voting", pd.DataFrame()))
    Not yet: expected a single whole number, got a DataFrame.
    """
    ex = exercise(exercise_id)
    if has_blank(value):
        return CheckResult(ex.id, "blank",
                           "Not yet: replace the ... with your code, then run the cell again.")
    status, message = _verdict(ex, value)
    attempts = ATTEMPTS.add(ex.id)
    return CheckResult(ex.id, status, message, ex.explanation, ex.solution, attempts)
