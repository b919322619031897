"""Exercises of notebook 05 · Change over time, 2014-2026.

The hardest of the series: each asks for several lines of one's own.

Examples
--------
>>> [e.id for e in EXERCISES]
['05-crosstab-african', '05-agreement-pair', '05-known-changes-by-group', '05-share-chart']
"""

from __future__ import annotations

import pandas as pd

from ..exercises import Exercise, TypicalError
from .common import every_vote, votes

__all__ = ["EXERCISES"]

_POSITIONS = ("yes", "no", "abstain")


def _vote_of(resolution: str) -> pd.Series:
    frame = votes(resolution)
    return frame.set_index(frame["iso3"].astype(str))["vote"].astype(str)


def _african() -> list[str]:
    from ...members import load_members

    m = load_members()
    return m.loc[m["un_regional_group"] == "African States", "iso3"].astype(str).tolist()


def _crosstab(only: list[str] | None) -> pd.DataFrame:
    a, b = _vote_of("ES-11/1"), _vote_of("ES-11/7")
    if only is not None:
        a, b = a[a.index.isin(only)], b[b.index.isin(only)]
    return pd.crosstab(a, b)


def _pair(x: str, y: str, positions: tuple[str, ...] = _POSITIONS) -> float:
    every = every_vote()
    a = every[every["iso3"] == x].set_index("resolution")["vote"].astype(str)
    b = every[every["iso3"] == y].set_index("resolution")["vote"].astype(str)
    both = a.isin(positions) & b.isin(positions)
    return float((a[both] == b[both]).mean())


def _raw_pair(x: str, y: str) -> float:
    every = every_vote()
    a = every[every["iso3"] == x].set_index("resolution")["vote"].astype(str)
    b = every[every["iso3"] == y].set_index("resolution")["vote"].astype(str)
    return float((a == b).mean())


def _changes_by_group(known_only: bool = True) -> pd.Series:
    from ...members import load_members

    before, after = _vote_of("ES-11/7"), _vote_of("2026")
    changed = before != after
    if known_only:
        changed &= after != "unknown"
    group = load_members().set_index("iso3")["un_regional_group"].astype(str)
    return changed.groupby(group.reindex(changed.index)).sum()


def _as_chart(values: pd.Series, category: str = "vote") -> object:
    """A plain bar chart of ``values`` (a typical wrong chart)."""
    import altair as alt

    frame = pd.DataFrame({category: [str(k) for k in values.index],
                          "value": values.to_numpy()})
    return alt.Chart(frame).mark_bar().encode(x=category, y="value")


def _shares(denominator: str) -> pd.Series:
    from ...resolutions import load_resolutions

    r = load_resolutions(include_procedural=False).set_index("id")
    whole = {"present": r["yes"] + r["no"], "voted": r["yes"] + r["no"] + r["abstain"],
             "members": r["total_members"]}[denominator]
    return (r["yes"] / whole).rename(index=str)


EXERCISES = (
    Exercise(
        id="05-crosstab-african",
        notebook="05",
        title="the African Group's transitions from ES-11/1 to ES-11/7",
        prompt="Build the crosstab of the March 2022 vote (ES-11/1, rows) against the "
               "February 2025 vote (ES-11/7, columns) for the states of the African Group.",
        kind="frame",
        expected=lambda: _crosstab(_african()),
        scaffold="""
import pandas as pd

march_2022 = ut.load_votes("ES-11/1").set_index("iso3")["vote"]
feb_2025 = ut.load_votes("ES-11/7").set_index("iso3")["vote"]

# Worked example: every member state, 2022 votes as rows and 2025 votes as columns
everyone = pd.crosstab(march_2022, feb_2025)

# Your turn, in three or four lines: the same table for the African Group only.
# Tip: ut.load_members() has a un_regional_group column; select the iso3 codes of
# "African States", then keep those states in both Series (.isin on the index).
african_table = ...
ut.check("05-crosstab-african", african_table)
""",
        solution="""
import pandas as pd

march_2022 = ut.load_votes("ES-11/1").set_index("iso3")["vote"]
feb_2025 = ut.load_votes("ES-11/7").set_index("iso3")["vote"]

# Worked example: every member state, 2022 votes as rows and 2025 votes as columns
everyone = pd.crosstab(march_2022, feb_2025)

# Your turn, in three or four lines: the same table for the African Group only.
# Tip: ut.load_members() has a un_regional_group column; select the iso3 codes of
# "African States", then keep those states in both Series (.isin on the index).
members = ut.load_members()
african = members[members["un_regional_group"] == "African States"]["iso3"]
african_2022 = march_2022[march_2022.index.isin(african)]
african_2025 = feb_2025[feb_2025.index.isin(african)]
african_table = pd.crosstab(african_2022, african_2025)
ut.check("05-crosstab-african", african_table)
""",
        explanation="Both records are complete, so every cell is a count of real votes. "
                    "pd.crosstab pairs the two Series by their iso3 index: each state lands "
                    "in the row of its 2022 vote and the column of its 2025 vote.",
        hint="Keep only the African Group's iso3 codes in both Series before the crosstab; "
             "the table should add up to the group's 54 members.",
        typical=(
            TypicalError(lambda: _crosstab(None),
                         "that is the worked example, every member state. Restrict both "
                         "Series to the African Group first."),
        ),
        skills=("crosstab", "isin", "select"),
        minutes=15,
    ),
    Exercise(
        id="05-agreement-pair",
        notebook="05",
        title="the agreement of Serbia and Hungary over the series",
        prompt="By aligning two Series indexed by resolution, compute the share of the "
               "series' votes on which Serbia and Hungary voted the same way, counting only "
               "votes where both voted yes, no or abstain.",
        kind="share",
        expected=lambda: _pair("SRB", "HUN"),
        scaffold="""
every_vote = ut.load_votes()          # the whole series, one row per state and vote

# Your turn, in four to six lines (the folded cell above is your worked example):
# 1. Serbia's votes as a Series indexed by resolution, and the same for Hungary;
# 2. a mask of the resolutions where BOTH voted yes, no or abstain;
# 3. the share of those resolutions where the two votes are the same.
agreement_srb_hun = ...
ut.check("05-agreement-pair", agreement_srb_hun)
""",
        solution="""
every_vote = ut.load_votes()          # the whole series, one row per state and vote

# Your turn, in four to six lines (the folded cell above is your worked example):
# 1. Serbia's votes as a Series indexed by resolution, and the same for Hungary;
# 2. a mask of the resolutions where BOTH voted yes, no or abstain;
# 3. the share of those resolutions where the two votes are the same.
serbia = every_vote[every_vote["iso3"] == "SRB"].set_index("resolution")["vote"]
hungary = every_vote[every_vote["iso3"] == "HUN"].set_index("resolution")["vote"]
positions = ["yes", "no", "abstain"]
both = serbia.isin(positions) & hungary.isin(positions)
agreement_srb_hun = (serbia[both] == hungary[both]).mean()
ut.check("05-agreement-pair", agreement_srb_hun)
""",
        explanation="Indexing both Series by resolution lines the votes up (pandas aligns on "
                    "the index). Votes where either state did not vote, or whose vote is "
                    "unknown, are left out: they are not positions. ut.agreement('SRB', "
                    "'HUN') gives the same number.",
        hint="Compare only the resolutions where both votes are yes, no or abstain, and "
             "take the mean of the True/False comparison.",
        typical=(
            TypicalError(lambda: _raw_pair("SRB", "HUN"),
                         "you compared every resolution, including those where a vote is "
                         "non-voting or unknown. Keep only the votes where both took a "
                         "position (yes, no or abstain)."),
            TypicalError(lambda: _pair("SRB", "HUN", ("yes", "no")),
                         "you left out abstentions. In the course's rule an abstention is a "
                         "position: keep yes, no and abstain."),
        ),
        skills=("align", "mask", "isin"),
        minutes=15,
    ),
    Exercise(
        id="05-known-changes-by-group",
        notebook="05",
        title="the known changes of vote from ES-11/7 to 2026, by regional group",
        prompt="For each UN regional group, count the states whose 2026 vote is known and "
               "differs from their ES-11/7 vote.",
        kind="series",
        expected=_changes_by_group,
        options={"index_name": "regional group"},
        scaffold="""
members = ut.load_members().set_index("iso3")
feb_2025 = ut.load_votes("ES-11/7").set_index("iso3")["vote"].astype(str)
feb_2026 = ut.load_votes("2026").set_index("iso3")["vote"].astype(str)

# Your turn, in three or four lines: a True/False Series, True where the 2026 vote is
# known AND differs from the ES-11/7 vote; then count the True values per regional group
# (groupby members["un_regional_group"]; the Series share the iso3 index).
changed = ...
changes_by_group = ...
ut.check("05-known-changes-by-group", changes_by_group)
""",
        solution="""
members = ut.load_members().set_index("iso3")
feb_2025 = ut.load_votes("ES-11/7").set_index("iso3")["vote"].astype(str)
feb_2026 = ut.load_votes("2026").set_index("iso3")["vote"].astype(str)

# Your turn, in three or four lines: a True/False Series, True where the 2026 vote is
# known AND differs from the ES-11/7 vote; then count the True values per regional group
# (groupby members["un_regional_group"]; the Series share the iso3 index).
changed = (feb_2026 != "unknown") & (feb_2026 != feb_2025)
changes_by_group = changed.groupby(members["un_regional_group"]).sum()
ut.check("05-known-changes-by-group", changes_by_group)
""",
        explanation="groupby aligns the True/False Series with the members' groups on the "
                    "iso3 index and sums the True values. The counts describe the known "
                    "record only: a group with few known 2026 votes shows few changes "
                    "whatever its states did.",
        hint="A state counts when its 2026 vote is not 'unknown' and is not the same as its "
             "ES-11/7 vote; sum those per regional group.",
        typical=(
            TypicalError(lambda: _changes_by_group(known_only=False),
                         "you counted every state whose 2026 vote is unknown as a change. "
                         "An unknown vote is a gap in the record, not a move."),
        ),
        skills=("groupby", "mask", "align"),
        minutes=12,
    ),
    Exercise(
        id="05-share-chart",
        notebook="05",
        title="a bar chart of the yes share of those present and voting, vote by vote",
        prompt="Draw an Altair bar chart with one bar per vote of the series (its id) and "
               "the yes votes as a share of those present and voting.",
        kind="chart",
        expected=lambda: _shares("present"),
        scaffold="""
import altair as alt

votes_table = ut.load_resolutions(include_procedural=False)   # one row per vote

# Worked example: one bar per vote, the number of abstentions
chart_abstain = alt.Chart(votes_table).mark_bar().encode(x="id", y="abstain")

# Your turn, in two or three lines: add a column with the yes votes as a share of
# those PRESENT AND VOTING, then chart it like the example (x: the vote id).
votes_table["yes_share"] = ...
chart_share = ...
ut.check("05-share-chart", chart_share)
""",
        solution="""
import altair as alt

votes_table = ut.load_resolutions(include_procedural=False)   # one row per vote

# Worked example: one bar per vote, the number of abstentions
chart_abstain = alt.Chart(votes_table).mark_bar().encode(x="id", y="abstain")

# Your turn, in two or three lines: add a column with the yes votes as a share of
# those PRESENT AND VOTING, then chart it like the example (x: the vote id).
votes_table["yes_share"] = votes_table["yes"] / (votes_table["yes"] + votes_table["no"])
chart_share = alt.Chart(votes_table).mark_bar().encode(x="id", y="yes_share")
ut.check("05-share-chart", chart_share)
""",
        explanation="The majority is counted among those present and voting, so the share "
                    "that decides each vote is yes / (yes + no). It stays high across the "
                    "series even where the yes count falls: the falls went mostly to "
                    "abstention, which leaves the denominator.",
        hint="One bar per vote id; the height is yes divided by (yes + no), a number "
             "between 0 and 1.",
        typical=(
            TypicalError(lambda: _as_chart(_shares("voted"), "id"),
                         "you divided by yes + no + abstain. Abstentions are not part of "
                         "'present and voting'."),
            TypicalError(lambda: _as_chart(_shares("members"), "id"),
                         "you divided by all members. The majority rule counts only those "
                         "present and voting."),
            TypicalError(lambda: _as_chart(100 * _shares("present"), "id"),
                         "those are percentages. Keep the share between 0 and 1."),
        ),
        skills=("chart", "arithmetic"),
        minutes=12,
    ),
)
