"""Exercises of notebook 03 · The vote.

Examples
--------
>>> [e.id for e in EXERCISES]
['03-known-by-vote', '03-g20-yes', '03-african-yes-high', '03-african-yes-low']
>>> _bounds("African States", "yes")
(3, 47)
"""

from __future__ import annotations

import pandas as pd

from ..exercises import Exercise, TypicalError
from .common import known, totals, votes

__all__ = ["EXERCISES"]

_AFRICAN = "African States"


def _known_counts() -> pd.Series:
    return known()["vote"].astype(str).value_counts()


def _all_counts() -> pd.Series:
    return votes()["vote"].astype(str).value_counts()


def _official() -> pd.Series:
    t = totals()
    return pd.Series({v: t[v] for v in ("yes", "no", "abstain", "non_voting")})


def _bloc_names(group: str, vote: str | None) -> list[str]:
    from ...groups import group_members

    frame = votes()
    rows = frame[frame["iso3"].isin(group_members(group))]
    if vote is not None:
        rows = rows[rows["vote"].astype(str) == vote]
    return sorted(rows["name"].astype(str))


def _known_yes_names() -> list[str]:
    frame = votes()
    return sorted(frame.loc[frame["vote"].astype(str) == "yes", "name"].astype(str))


def _bounds(group: str, vote: str) -> tuple[int, int]:
    """(low, high) for one vote in one group: :func:`unga_teach.vote_bounds`."""
    from ...bounds import vote_bounds

    b = vote_bounds("2026")
    row = b[(b["group"] == group) & (b["vote"] == vote)].iloc[0]
    return int(row["low"]), int(row["high"])


def _members() -> list[str]:
    from ...groups import group_members

    return group_members(_AFRICAN)


def _group_count(vote: str) -> int:
    """States of the African Group whose 2026 vote is ``vote`` (``unknown`` included)."""
    frame = votes()
    rows = frame[frame["iso3"].isin(_members())]
    return int((rows["vote"].astype(str) == vote).sum())


def _unknown_outside() -> int:
    return int((votes()["vote"].astype(str) == "unknown").sum()) - _group_count("unknown")


def _unplaced_yes() -> int:
    return totals()["yes"] - int((votes()["vote"].astype(str) == "yes").sum())


_SETUP_BOUNDS = """\
votes = ut.load_votes("2026")
official = ut.load_resolutions().set_index("id").loc["2026"]
in_group = votes["iso3"].isin(ut.group_members("African States"))
"""

EXERCISES = (
    Exercise(
        id="03-known-by-vote",
        notebook="03",
        title="the known 2026 votes of each kind",
        prompt="Count the states whose 2026 vote is known, by kind of vote (a Series "
               "indexed by vote).",
        kind="series",
        expected=_known_counts,
        scaffold="""\
votes = ut.load_votes("2026")
known = votes[votes["vote"] != "unknown"]

# Your turn: count the rows of `known` by vote (yes, no, abstain, non_voting)
known_counts = ...
ut.check("03-known-by-vote", known_counts)
""",
        solution="""\
votes = ut.load_votes("2026")
known = votes[votes["vote"] != "unknown"]

# Your turn: count the rows of `known` by vote (yes, no, abstain, non_voting)
known_counts = known["vote"].value_counts()
ut.check("03-known-by-vote", known_counts)
""",
        explanation="value_counts counts the rows of each vote among the known rows. Set "
                    "beside the official totals, only the 'no' count matches: the others "
                    "are what sources name so far, not the tally.",
        hint="Pick the vote column of `known` and count how often each value occurs "
             "(.value_counts()).",
        typical=(
            TypicalError(_all_counts,
                         "you counted every row, the 'unknown' ones too. Count the rows "
                         "of `known` only."),
            TypicalError(_official,
                         "those are the official totals. The exercise counts what the "
                         "data can name, which is less."),
        ),
        skills=("value_counts", "mask"),
        options={"index_name": "vote"},
    ),
    Exercise(
        id="03-g20-yes",
        notebook="03",
        title="the G20 members known to have voted yes in 2026",
        prompt="List the names of the G20 member states whose 2026 vote is a known yes.",
        kind="labels",
        expected=lambda: _bloc_names("G20", "yes"),
        scaffold="""\
votes = ut.load_votes("2026")
g20 = ut.group_members("G20")          # ISO codes of the G20's member states

# Your turn, in one or two lines: the names of the G20 members that voted yes.
# Combine a mask on the iso3 column (.isin) with a mask on the vote column (&).
g20_yes = ...
ut.check("03-g20-yes", g20_yes)
""",
        solution="""\
votes = ut.load_votes("2026")
g20 = ut.group_members("G20")          # ISO codes of the G20's member states

# Your turn, in one or two lines: the names of the G20 members that voted yes.
# Combine a mask on the iso3 column (.isin) with a mask on the vote column (&).
g20_yes = votes.loc[votes["iso3"].isin(g20) & (votes["vote"] == "yes"), "name"]
ut.check("03-g20-yes", g20_yes)
""",
        explanation="Two masks combined with &: membership (isin) and the vote. Only known "
                    "yes votes can be listed; the G20 members whose vote is unknown may "
                    "have voted yes too.",
        hint="Keep the rows whose iso3 is in g20 AND whose vote is 'yes', then take the "
             "name column.",
        typical=(
            TypicalError(_known_yes_names,
                         "that is every known yes vote in the world. Keep only the G20 "
                         "members as well (.isin(g20))."),
            TypicalError(lambda: _bloc_names("G20", None),
                         "that is every G20 member. Keep only those whose vote is 'yes' "
                         "as well."),
            TypicalError(lambda: _bloc_names("G7", "yes"),
                         "that is the worked example's G7. Use the G20's members."),
        ),
        skills=("isin", "mask"),
        minutes=8,
    ),
    Exercise(
        id="03-african-yes-high",
        notebook="03",
        title="the largest possible number of yes votes in the African Group",
        prompt="From the official 2026 totals and the known rows, compute the largest "
               "number of yes votes the African Group could have cast.",
        kind="count",
        expected=lambda: _bounds(_AFRICAN, "yes")[1],
        scaffold=_SETUP_BOUNDS + """
# Your turn, in three or four lines of your own (follow the worked example):
# the largest number of yes votes the African Group could have cast.
high = ...
ut.check("03-african-yes-high", high)
""",
        solution=_SETUP_BOUNDS + """
# Your turn, in three or four lines of your own (follow the worked example):
# the largest number of yes votes the African Group could have cast.
known_here = ((votes["vote"] == "yes") & in_group).sum()
unknown_in = ((votes["vote"] == "unknown") & in_group).sum()
unplaced = official["yes"] - (votes["vote"] == "yes").sum()
high = known_here + min(unknown_in, unplaced)
ut.check("03-african-yes-high", high)
""",
        explanation="At most, every unknown state of the group voted yes, but no more yes "
                    "votes can go to the group than the official yes votes no source "
                    "places yet: known + min(unknown in the group, unplaced yes).",
        hint="Start from the group's known yes votes. How many of the group's unknown "
             "states could have voted yes, given the yes votes still unplaced?",
        typical=(
            TypicalError(lambda: _group_count("yes"),
                         "that is only the known yes votes: the group's unknown states "
                         "may have voted yes too."),
            TypicalError(lambda: _group_count("yes") + _unplaced_yes(),
                         "you gave the group every unplaced yes vote, more than it has "
                         "unknown states: take the smaller of the two."),
            TypicalError(lambda: totals()["yes"],
                         "that is the official yes total for the whole Assembly."),
        ),
        skills=("bounds", "mask", "arithmetic"),
        minutes=12,
    ),
    Exercise(
        id="03-african-yes-low",
        notebook="03",
        title="the smallest possible number of yes votes in the African Group",
        prompt="From the official 2026 totals and the known rows, compute the smallest "
               "number of yes votes the African Group could have cast.",
        kind="count",
        expected=lambda: _bounds(_AFRICAN, "yes")[0],
        scaffold=_SETUP_BOUNDS + """
# Your turn, in three or four lines of your own: the smallest number of yes votes
# the African Group could have cast. (The unplaced yes votes must go somewhere:
# how many can the unknown states OUTSIDE the group take?)
low = ...
ut.check("03-african-yes-low", low)
""",
        solution=_SETUP_BOUNDS + """
# Your turn, in three or four lines of your own: the smallest number of yes votes
# the African Group could have cast. (The unplaced yes votes must go somewhere:
# how many can the unknown states OUTSIDE the group take?)
known_here = ((votes["vote"] == "yes") & in_group).sum()
unknown_out = ((votes["vote"] == "unknown") & ~in_group).sum()
unplaced = official["yes"] - (votes["vote"] == "yes").sum()
low = known_here + max(0, unplaced - unknown_out)
ut.check("03-african-yes-low", low)
""",
        explanation="At least the known yes votes; more only if the unplaced yes votes "
                    "cannot all fit among the unknown states outside the group: known + "
                    "max(0, unplaced yes - unknown outside the group). Here they fit, so "
                    "the known yes votes are the floor.",
        hint="The smallest case puts as many unplaced yes votes as possible outside the "
             "group. Do they all fit there?",
        typical=(
            TypicalError(lambda: 0,
                         "the group's known yes votes are certain: the smallest number "
                         "cannot be below them."),
            TypicalError(lambda: _bounds(_AFRICAN, "yes")[1],
                         "that is the largest possible number, the other exercise."),
            TypicalError(lambda: _group_count("yes") + _unplaced_yes() - _unknown_outside(),
                         "max(0, ...) is missing: when the unplaced yes votes fit outside "
                         "the group, nothing is added to the known yes votes."),
        ),
        skills=("bounds", "mask", "arithmetic"),
        minutes=12,
    ),
)
