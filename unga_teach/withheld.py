"""When a group statistic is withheld: too few of the group's votes are known.

A group's cohesion (the agreement index of its members' votes) computed from
a few known votes describes those few states, not the group, and the known
votes of the 2026 resolution are not a random sample of the group (every
"no" is known, most "yes" votes are not). So every group statistic of this
package follows one rule, defined here and nowhere else:

    A group statistic is shown only when at least **two thirds** of the
    group's member states have a known vote (yes, no, abstain or non-voting,
    each with a source). Below that it is *withheld*: the number is ``NaN``
    and the text says "too few known (10 of 54)".

Why two thirds: then the known votes are most of the group, and the unknown
third is smaller than the part the statistic describes; the same share as
the Assembly's own two-thirds majority, so it is easy to remember. The rule
keeps every group of the complete 2014-2025 records and the 2026 groups whose
votes are largely known (Eastern European States, 21 of 23; the EU, 27 of 27)
and withholds those whose known votes are a handful (African States, 10 of
54; ASEAN, 2 of 11). It is a teaching threshold, not a statistical test; a
learner can still compute the index by hand from the counts of
:func:`unga_teach.cohesion_detail`, and :func:`unga_teach.vote_bounds` shows
what the unknown votes could be.

Examples
--------
>>> min_known(54), min_known(23), min_known(27)
(36, 16, 18)
>>> withheld_note(10, 54)
'too few known (10 of 54)'
>>> withheld_note(21, 23)
''
>>> value = withhold(0.4, 10, 54)
>>> value
too few known (10 of 54)
>>> import math
>>> math.isnan(value), f"{value:.2f}"
(True, 'too few known (10 of 54)')
>>> withhold(0.625, 21, 23)
0.625
"""

from __future__ import annotations

import math
from fractions import Fraction

from .errors import UngaTeachError

#: The share of a group's members whose vote must be known before a group
#: statistic (cohesion, agreement index) is shown.
MIN_KNOWN_SHARE = Fraction(2, 3)


def _count(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise UngaTeachError(f"{name} must be a whole number of states (0 or more), "
                             f"got {value!r}.")
    return value


def min_known(members: int) -> int:
    """The fewest known votes a group of ``members`` states needs for a statistic.

    ``ceil(2/3 * members)``; a group with no members needs none.

    Examples
    --------
    >>> [min_known(n) for n in (0, 1, 3, 10, 11, 193)]
    [0, 1, 2, 7, 8, 129]
    """
    members = _count("members", members)
    return math.ceil(MIN_KNOWN_SHARE * members)


def too_few_known(known: int, members: int) -> bool:
    """True when a statistic over this group must be withheld.

    Parameters
    ----------
    known : int
        Member states of the group with a known vote (any category but unknown).
    members : int
        Member states in the group.

    Examples
    --------
    >>> too_few_known(10, 54), too_few_known(36, 54), too_few_known(0, 0)
    (True, False, False)
    """
    known, members = _count("known", known), _count("members", members)
    if known > members:
        raise UngaTeachError(f"known ({known}) cannot be more than members ({members}).")
    return known < min_known(members)


def withheld_note(known: int, members: int) -> str:
    """``"too few known (10 of 54)"`` when withheld, else ``""``.

    Examples
    --------
    >>> withheld_note(2, 11), withheld_note(27, 27)
    ('too few known (2 of 11)', '')
    """
    return f"too few known ({known} of {members})" if too_few_known(known, members) else ""


class Withheld(float):
    """A withheld statistic: ``NaN`` for arithmetic, its reason when printed.

    It is a ``float`` (``math.isnan`` is True, pandas stores it as a missing
    value), so tables and sums treat it as "no number". Printed, formatted
    (``f"{value:.2f}"``) or shown in a notebook it gives its reason, for
    example ``too few known (10 of 54)``. ``reason`` holds that text.

    Examples
    --------
    >>> w = Withheld("too few known (2 of 11)")
    >>> w.reason, str(w), math.isnan(w), w + 1 != w + 1
    ('too few known (2 of 11)', 'too few known (2 of 11)', True, True)
    """

    reason: str

    def __new__(cls, reason: str) -> Withheld:
        obj = super().__new__(cls, "nan")
        obj.reason = str(reason)
        return obj

    def __reduce__(self) -> tuple[type[Withheld], tuple[str]]:
        return (Withheld, (self.reason,))

    def __repr__(self) -> str:
        return self.reason

    def __str__(self) -> str:
        return self.reason

    def __format__(self, spec: str) -> str:
        return self.reason


def withhold(value: float, known: int, members: int) -> float:
    """Return ``value``, or a :class:`Withheld` NaN when too few votes are known.

    Parameters
    ----------
    value : float
        The statistic computed over the known votes.
    known, members : int
        Known votes and member states of the group (see :func:`too_few_known`).

    Examples
    --------
    >>> withhold(1.0, 27, 27), withhold(1.0, 2, 11)
    (1.0, too few known (2 of 11))
    """
    note = withheld_note(known, members)
    return Withheld(note) if note else float(value)
