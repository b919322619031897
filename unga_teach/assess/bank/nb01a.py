"""Exercises of notebook 01a · A pandas primer on the course's own data.

Each practises one pandas idea on the 2026 votes, after a worked example on a
similar case: a mask with ``isin`` and ``value_counts`` (the BRICS members'
votes), ``groupby`` (known votes per regional group), ``pd.crosstab``
(regional group by vote) and a first Altair bar chart (the official tally, in
the course's vote colours). The typical wrong values are the course's honesty
rule broken: unknown rows dropped, the rows of the data taken for the official
tally.

Examples
--------
>>> [e.id for e in EXERCISES]
['01a-brics-votes', '01a-known-by-group', '01a-group-crosstab', '01a-official-chart']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from ...categories import VOTE_COLORS, VOTE_ORDER
from ..exercises import Exercise, TypicalError
from .common import known, totals, votes

if TYPE_CHECKING:
    from pandas.api.typing import DataFrameGroupBy

__all__ = ["EXERCISES"]

#: The bloc of the first exercise and the five states of its worked example.
BLOC = "BRICS"
P5 = ("CHN", "FRA", "GBR", "RUS", "USA")
#: The official categories, in the course's order (no "unknown": the tally has none).
OFFICIAL = ("yes", "no", "abstain", "non_voting")

_GROUPS = """\
import pandas as pd

votes = ut.load_votes("2026")
members = ut.load_members()[["iso3", "un_regional_group"]]
votes = votes.merge(members, on="iso3")
"""


def _in(frame: pd.DataFrame, codes: Any) -> pd.DataFrame:
    return frame[frame["iso3"].astype(str).isin(list(codes))]


def _bloc_counts(frame: pd.DataFrame) -> pd.Series:
    from ...groups import group_members

    return _in(frame, group_members(BLOC))["vote"].value_counts()


def _with_groups(frame: pd.DataFrame) -> pd.DataFrame:
    from ...members import load_members

    members = load_members()[["iso3", "un_regional_group"]]
    return frame.merge(members, on="iso3")


def _by_group() -> DataFrameGroupBy:
    return _with_groups(votes()).groupby("un_regional_group")


def _unknown_by_group() -> pd.Series:
    frame = _with_groups(votes())
    return (~frame["known"]).groupby(frame["un_regional_group"]).sum()


def _crosstab(frame: pd.DataFrame, **how: Any) -> pd.DataFrame:
    return pd.crosstab(frame["un_regional_group"], frame["vote"], **how)


def _official() -> pd.Series:
    t = totals("2026")
    return pd.Series({v: t[v] for v in OFFICIAL})


def _bar_chart(counts: pd.Series) -> Any:
    """A bar chart of ``counts`` (vote -> number) in the course's colours, as the worked
    example draws one (a typical wrong chart: the right colours, the wrong bars)."""
    import altair as alt

    frame = pd.DataFrame({"vote": [str(k) for k in counts.index],
                          "states": [int(n) for n in counts.to_numpy()]})
    scale = alt.Scale(domain=list(VOTE_ORDER), range=[VOTE_COLORS[v] for v in VOTE_ORDER])
    return alt.Chart(frame).mark_bar().encode(x="vote:N", y="states:Q",
                                              color=alt.Color("vote:N", scale=scale))


_CHART_SETUP = """\
import altair as alt
import pandas as pd

t = ut.load_resolutions().set_index("id").loc["2026"]
official = pd.DataFrame({
    "vote": ["yes", "no", "abstain", "non_voting"],
    "states": [int(t["yes"]), int(t["no"]), int(t["abstain"]), int(t["non_voting"])],
})
colours = alt.Scale(domain=list(ut.VOTE_ORDER),
                    range=[ut.VOTE_COLORS[v] for v in ut.VOTE_ORDER])
"""

EXERCISES = (
    Exercise(
        id="01a-brics-votes",
        notebook="01a",
        title="the 2026 votes of the BRICS members, counted",
        prompt="With a mask made by isin, keep the rows of the BRICS members in the 2026 "
               "votes and count their votes with value_counts().",
        kind="series",
        expected=lambda: _bloc_counts(votes()),
        scaffold="""\
votes = ut.load_votes("2026")
brics = ut.group_members("BRICS")   # the ISO codes of the BRICS members

# Your turn: keep the rows of the BRICS members, then count their votes
brics_votes = ...
ut.check("01a-brics-votes", brics_votes)
""",
        solution="""\
votes = ut.load_votes("2026")
brics = ut.group_members("BRICS")   # the ISO codes of the BRICS members

# Your turn: keep the rows of the BRICS members, then count their votes
brics_votes = votes[votes["iso3"].isin(brics)]["vote"].value_counts()
ut.check("01a-brics-votes", brics_votes)
""",
        explanation="votes['iso3'].isin(brics) is True on the rows of the BRICS members; "
                    "votes[...] keeps those rows, and value_counts() counts each vote, "
                    "unknown included: a member whose vote has no source is still a "
                    "member.",
        hint="Do it in the order of the worked example: a mask with .isin on the iso3 "
             "column, the rows it keeps, their vote column, then .value_counts().",
        typical=(
            TypicalError(lambda: votes()["vote"].value_counts(),
                         "these are the votes of all member states. Keep the BRICS rows "
                         "first, with votes[mask]."),
            TypicalError(lambda: _bloc_counts(known()),
                         "the unknown rows are missing. A member whose vote has no source "
                         "is still a member: count it as unknown, never drop it."),
            TypicalError(lambda: _in(votes(), P5)["vote"].value_counts(),
                         "these are the five permanent members of the worked example. Use "
                         "the list `brics`."),
            TypicalError(lambda: pd.Series(0, index=list(OFFICIAL)),
                         "no row matched. ut.group_members gives ISO codes such as 'BRA': "
                         "compare them with the iso3 column, not with the names."),
        ),
        skills=("mask", "isin", "value_counts", "select"),
        options={"index_name": "vote"},
    ),
    Exercise(
        id="01a-known-by-group",
        notebook="01a",
        title="the number of known 2026 votes in each regional group",
        prompt="Group the 2026 votes by UN regional group and count the known votes in "
               "each group (the known column is True for a known vote).",
        kind="series",
        expected=lambda: _by_group()["known"].sum(),
        scaffold=_GROUPS + """
# Your turn: the number of known votes in each regional group
known_per_group = ...
ut.check("01a-known-by-group", known_per_group)
""",
        solution=_GROUPS + """
# Your turn: the number of known votes in each regional group
known_per_group = votes.groupby("un_regional_group")["known"].sum()
ut.check("01a-known-by-group", known_per_group)
""",
        explanation="groupby('un_regional_group') splits the 193 rows into the five "
                    "groups; ['known'].sum() adds up the True values of each group, that "
                    "is, counts its known votes.",
        hint="Start from the worked example's groupby, pick the known column, and add "
             "its True values up: .sum() counts True.",
        typical=(
            TypicalError(lambda: _by_group().size(),
                         "that counts every member state of each group, known vote or "
                         "not. Pick the known column and add up its True values."),
            TypicalError(lambda: _by_group()["known"].mean(),
                         "that is the share of known votes in each group (a number between "
                         "0 and 1). The question asks how many: .sum(), not .mean()."),
            TypicalError(_unknown_by_group,
                         "that counts the unknown votes of each group. The known column is "
                         "True for a known vote."),
        ),
        skills=("groupby",),
        options={"index_name": "regional group"},
    ),
    Exercise(
        id="01a-group-crosstab",
        notebook="01a",
        title="the crosstab of regional group by 2026 vote",
        prompt="Make the crosstab of the 2026 votes with one row per UN regional group "
               "and one column per vote.",
        kind="frame",
        expected=lambda: _crosstab(_with_groups(votes())),
        scaffold=_GROUPS + """
# Your turn: one row per regional group, one column per vote
table = ...
ut.check("01a-group-crosstab", table)
""",
        solution=_GROUPS + """
# Your turn: one row per regional group, one column per vote
table = pd.crosstab(votes["un_regional_group"], votes["vote"])
ut.check("01a-group-crosstab", table)
""",
        explanation="pd.crosstab(rows, columns) counts the rows of the data for each pair "
                    "of values: here each regional group's yes, no, abstain, non-voting "
                    "and unknown votes. Each row adds up to the group's members.",
        hint="pd.crosstab takes two columns of the same table: the first gives the rows "
             "(the regional group), the second the columns (the vote).",
        typical=(
            TypicalError(lambda: _crosstab(_with_groups(known())),
                         "the unknown column is missing or empty. Keep every row: most "
                         "groups' votes are largely unknown, and the table must say so."),
            TypicalError(lambda: pd.crosstab(votes()["confidence"], votes()["vote"]),
                         "that is the worked example's table (confidence by vote). Put the "
                         "regional group in the rows."),
            TypicalError(lambda: _crosstab(_with_groups(votes()), margins=True),
                         "the All row and column are totals, not a group or a vote: leave "
                         "margins out."),
            TypicalError(lambda: _crosstab(_with_groups(votes()), normalize="index"),
                         "those are each group's shares (normalize). The question asks for "
                         "the number of rows in each cell."),
        ),
        skills=("crosstab",),
    ),
    Exercise(
        id="01a-official-chart",
        notebook="01a",
        title="a bar chart of the official 2026 tally in the course's vote colours",
        prompt="Draw the official 2026 tally (yes, no, abstain, non-voting) as an Altair "
               "bar chart, one bar per vote, coloured with the course's vote colours.",
        kind="chart",
        expected=_official,
        scaffold=_CHART_SETUP + """
# Your turn: a bar chart of `official`, one bar per vote, coloured with `colours`
chart = ...
ut.check("01a-official-chart", chart)
""",
        solution=_CHART_SETUP + """
# Your turn: a bar chart of `official`, one bar per vote, coloured with `colours`
chart = alt.Chart(official).mark_bar().encode(
    x=alt.X("vote:N", sort=list(ut.VOTE_ORDER)), y="states:Q",
    color=alt.Color("vote:N", scale=colours, title="Vote"))
ut.check("01a-official-chart", chart)
""",
        explanation="alt.Chart(official) names the data, mark_bar() draws bars, and encode "
                    "maps the vote column to x and to the colour (with the course's scale) "
                    "and the number of states to y. These are the official totals: the "
                    "result of the vote, unlike the rows of the data.",
        hint="Follow the worked example: alt.Chart(data).mark_bar().encode(x=..., y=..., "
             "color=...), with the data `official`, its columns vote and states, and the "
             "colour scale `colours`.",
        typical=(
            TypicalError(lambda: _bar_chart(votes()["vote"].value_counts()),
                         "your bars are the rows of the data (with unknown), not the "
                         "official tally. Chart the frame `official`."),
            TypicalError(lambda: _bar_chart(known()["vote"].value_counts()
                                            .reindex(list(OFFICIAL))),
                         "your bars are the known votes only, not the official tally: most "
                         "yes and abstain votes are not yet in the data. Chart `official`."),
        ),
        skills=("chart",),
        options={"colors": VOTE_COLORS},
        minutes=8,
    ),
)
