"""Exercises of notebook 06 · How do we know? Sources and evidence.

Examples
--------
>>> [e.id for e in EXERCISES]
['06-sources-by-tier', '06-weak-rows-2026', '06-rejected-by-vote']
"""

from __future__ import annotations

import pandas as pd

from ..exercises import Exercise, TypicalError
from .common import votes

__all__ = ["EXERCISES"]


def _sources() -> pd.DataFrame:
    from ...sources import load_sources

    return load_sources()


def _conflicts() -> pd.DataFrame:
    from ...sources import load_conflicts

    return load_conflicts()


def _names_with(levels: tuple[str, ...]) -> list[str]:
    v = votes("2026")
    return v.loc[v["confidence"].astype(str).isin(levels), "name"].tolist()


def _rejected_by_vote() -> pd.Series:
    c = _conflicts()
    rejected = c[c["outcome"].astype(str) == "rejected"]
    return rejected["resolution"].astype(str).value_counts()


EXERCISES = (
    Exercise(
        id="06-sources-by-tier",
        notebook="06",
        title="the number of sources in each tier",
        prompt="Count the course's sources by tier (a Series indexed by tier).",
        kind="series",
        expected=lambda: _sources()["tier"].astype(str).value_counts(),
        options={"index_name": "tier"},
        scaffold="""
sources = ut.load_sources()

# Worked example: how many sources are in each language?
by_language = sources["language"].value_counts()

# Your turn: how many sources are in each tier?
by_tier = ...
ut.check("06-sources-by-tier", by_tier)
""",
        solution="""
sources = ut.load_sources()

# Worked example: how many sources are in each language?
by_language = sources["language"].value_counts()

# Your turn: how many sources are in each tier?
by_tier = sources["tier"].value_counts()
ut.check("06-sources-by-tier", by_tier)
""",
        explanation="value_counts() on the tier column counts the rows (sources) of each "
                    "tier; ut.load_sources() has one row per source.",
        hint="Same method as the worked example, on another column.",
        typical=(
            TypicalError(lambda: _sources()["tier"].astype(str).value_counts(normalize=True),
                         "those are shares (normalize=True). The exercise asks for the "
                         "number of sources."),
            TypicalError(lambda: _sources()["language"].astype(str).value_counts(),
                         "that is the worked example, by language. Count by tier."),
        ),
        skills=("value_counts",),
        minutes=5,
    ),
    Exercise(
        id="06-weak-rows-2026",
        notebook="06",
        title="the states whose 2026 vote is derived or low-confidence",
        prompt="List the states whose 2026 vote has confidence 'derived' or 'low'.",
        kind="labels",
        expected=lambda: _names_with(("derived", "low")),
        scaffold="""
votes = ut.load_votes("2026")

# Worked example: the states whose 2026 vote rests on one credible report
reported = votes[votes["confidence"] == "reported"]["name"]

# Your turn: the states whose vote is "derived" OR "low" (use .isin with a list)
weak = ...
weak_names = ...
ut.check("06-weak-rows-2026", weak_names)
""",
        solution="""
votes = ut.load_votes("2026")

# Worked example: the states whose 2026 vote rests on one credible report
reported = votes[votes["confidence"] == "reported"]["name"]

# Your turn: the states whose vote is "derived" OR "low" (use .isin with a list)
weak = votes[votes["confidence"].isin(["derived", "low"])]
weak_names = weak["name"]
ut.check("06-weak-rows-2026", weak_names)
""",
        explanation="isin keeps the rows whose value is any of the listed ones: here the "
                    "votes the course holds on the weakest grounds it accepts.",
        hint="A mask with .isin([...]) keeps the rows whose confidence is in the list; "
             "then take the name column of those rows.",
        typical=(
            TypicalError(lambda: _names_with(("derived",)),
                         "that is only the 'derived' rows. The 'low' rows are missing."),
            TypicalError(lambda: _names_with(("low",)),
                         "that is only the 'low' rows. The 'derived' rows are missing."),
            TypicalError(lambda: _names_with(("derived", "low", "none")),
                         "you included the unknown votes (confidence 'none'): those have no "
                         "source at all, so they are not weakly sourced, they are unknown."),
        ),
        skills=("isin", "mask", "select"),
        minutes=8,
    ),
    Exercise(
        id="06-rejected-by-vote",
        notebook="06",
        title="the number of rejected claims for each vote",
        prompt="From ut.load_conflicts() (every vote), count the rejected claims of each "
               "vote: a Series indexed by resolution.",
        kind="series",
        expected=_rejected_by_vote,
        options={"index_name": "resolution"},
        scaffold="""
conflicts = ut.load_conflicts()   # every conflicting claim, for every vote

# Your turn, in two or three lines: keep the claims whose outcome is "rejected",
# then count them for each vote (the resolution column).
rejected_per_vote = ...
ut.check("06-rejected-by-vote", rejected_per_vote)
""",
        solution="""
conflicts = ut.load_conflicts()   # every conflicting claim, for every vote

# Your turn, in two or three lines: keep the claims whose outcome is "rejected",
# then count them for each vote (the resolution column).
rejected = conflicts[conflicts["outcome"] == "rejected"]
rejected_per_vote = rejected["resolution"].value_counts()
ut.check("06-rejected-by-vote", rejected_per_vote)
""",
        explanation="A mask keeps the rejected claims; value_counts (or "
                    "groupby('resolution').size()) counts them per vote. Most rejected "
                    "claims are about the votes with the most press coverage, not the "
                    "votes with the worst record.",
        hint="Two steps: a mask on the outcome column, then a count per resolution.",
        typical=(
            TypicalError(lambda: _conflicts()["resolution"].astype(str).value_counts(),
                         "that counts every claim, whatever its outcome. Keep only the "
                         "rejected ones first."),
            TypicalError(lambda: _conflicts()["outcome"].astype(str).value_counts(),
                         "that counts claims by outcome. The exercise asks for one count "
                         "per vote."),
        ),
        skills=("mask", "value_counts", "groupby"),
        minutes=10,
    ),
)
