"""How groups of states voted: regional groups, M49 regions or named groups.

Examples
--------
>>> list(GROUP_COLUMNS)
['un_regional_group', 'm49_region']
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from ..categories import MEMBER_STATE_COUNT, RECORDED_VOTES, VOTE_LABELS, VOTE_ORDER
from ..groups import GROUPINGS, group_sets
from ..notebook import offline_chart
from ..types import ResolutionRef
from ..votes import load_votes
from .style import (
    SOURCES_HINT,
    confidence_summary,
    described_table,
    inline_data,
    second_line_labels,
    stack_votes,
    state_names,
    text_color,
    vote_color,
    vote_name,
    wrap_lines,
)

#: Grouping columns of the member table accepted by :func:`group_chart`.
GROUP_COLUMNS: dict[str, str] = GROUPINGS


def _group_counts(resolution: ResolutionRef, by: str | Sequence[str]) -> tuple[str, pd.DataFrame]:
    title, groups = group_sets(by)
    votes = load_votes(resolution)
    vote_of = dict(zip(votes["iso3"].astype(str), votes["vote"].astype(str), strict=True))
    known_how = dict(zip(votes["iso3"].astype(str), votes["confidence"].astype(str),
                         strict=True))
    rows = []
    for name, iso3s in groups:
        known = sum(1 for i in iso3s if vote_of.get(i, "unknown") != "unknown")
        for v in VOTE_ORDER:
            states = [i for i in iso3s if vote_of.get(i) == v]
            rows.append(
                {
                    "group": name,
                    "members": len(iso3s),
                    "known_of": f"{known} of {len(iso3s)}",
                    "vote": v,
                    "label": VOTE_LABELS[v],
                    "count": len(states),
                    "share": len(states) / len(iso3s) if iso3s else float("nan"),
                    "states": state_names(states),
                    "how_known": confidence_summary(known_how.get(i, "none") for i in states),
                    "sources": SOURCES_HINT,
                }
            )
    return title, pd.DataFrame(rows)


def group_table(
    resolution: ResolutionRef = "2026", by: str | Sequence[str] = "un_regional_group"
) -> pd.DataFrame:
    """The numbers behind :func:`group_chart`: one row per group.

    Returns
    -------
    pandas.DataFrame
        ``group``, ``members``, ``known`` (members with a known vote), one
        count column per vote category (``unknown`` included), ``cohesion``
        (agreement index over the known yes/no/abstain votes, see
        :func:`unga_teach.cohesion`; ``NaN`` when withheld) and
        ``cohesion_note`` (``"too few known (10 of 54)"`` when the cohesion
        is withheld because fewer than two thirds of the members' votes are
        known, see :mod:`unga_teach.withheld`; else ``""``).

    Examples
    --------
    >>> t = group_table("ES-11/7").set_index("group")
    >>> cols = ["members", "known", "yes", "no", "abstain", "non_voting", "unknown"]
    >>> t.loc["African States", cols].tolist()
    [54, 54, 13, 8, 24, 9, 0]
    >>> t = group_table("2026").set_index("group")
    >>> t.loc["African States", "cohesion_note"]
    'too few known (10 of 54)'
    >>> t["cohesion"].isna().tolist()
    [True, True, False, True, False]
    """
    from ..analysis import agreement_index
    from ..withheld import withheld_note, withhold

    _, counts = _group_counts(resolution, by)
    wide = counts.pivot_table(index="group", columns="vote", values="count", sort=False)
    wide = wide.reindex(columns=list(VOTE_ORDER)).astype("int64")
    order = list(dict.fromkeys(counts["group"]))
    wide = wide.reindex(order)
    out = pd.DataFrame({"group": order})
    out["members"] = counts.drop_duplicates("group").set_index("group")["members"].reindex(
        order).to_numpy()
    out["known"] = wide[list(RECORDED_VOTES)].sum(axis=1).to_numpy()  # a sourced vote
    for v in VOTE_ORDER:
        out[v] = wide[v].to_numpy()
    out["cohesion"] = [
        float(withhold(agreement_index(int(r.yes), int(r.no), int(r.abstain)), int(r.known),
                       int(r.members)))
        for r in out.itertuples()
    ]
    out["cohesion_note"] = [withheld_note(int(k), int(m))
                            for k, m in zip(out["known"], out["members"], strict=True)]
    return described_table(out, _group_description(resolution, by, out))


def _group_description(
    resolution: ResolutionRef, by: str | Sequence[str], table: pd.DataFrame
) -> str:
    parts = []
    for r in table.itertuples(index=False):
        bits = [f"{getattr(r, v)} {VOTE_LABELS[v].split(' (')[0].lower()}"
                for v in VOTE_ORDER if getattr(r, v)]
        if r.cohesion_note:
            how = f"cohesion withheld, {r.cohesion_note}"
        elif pd.isna(r.cohesion):
            how = "no cohesion (no known yes, no or abstain)"
        else:
            how = f"cohesion {r.cohesion:.2f}"
        parts.append(f"{r.group} ({r.known} of {r.members} members known; {how}): "
                     f"{', '.join(bits)}")
    what = GROUP_COLUMNS.get(by, "group") if isinstance(by, str) else "group"
    return (
        f"Stacked bar chart of the votes on {vote_name(resolution)} by {what}, counting "
        "member states; unknown means no source names the state's vote. "
        + "; ".join(parts) + "."
    )


@offline_chart
def group_chart(
    resolution: ResolutionRef = "2026", by: str | Sequence[str] = "un_regional_group"
) -> alt.LayerChart:
    """How each group of states voted: stacked bars of member-state counts.

    Parameters
    ----------
    resolution : str, default "2026"
    by : str or list of str, default "un_regional_group"
        ``"un_regional_group"``, ``"m49_region"``, or a list of group codes
        such as ``["EU", "BRICS", "AU"]`` (a state can be in several).

    Returns
    -------
    altair.LayerChart
        One bar per group, stacked in vote order, ``unknown`` (grey) last.

    Examples
    --------
    >>> spec = group_chart("2026", by="m49_region").to_dict()
    >>> spec["layer"][0]["encoding"]["color"]["scale"]["range"][0]
    '#0072B2'
    """
    title, counts = _group_counts(resolution, by)
    order = list(dict.fromkeys(counts["group"]))
    counts = stack_votes(counts, "group")
    base = alt.Chart(inline_data(counts)).encode(
        y=alt.Y("group:N", sort=order, title=title,
                axis=alt.Axis(labelLimit=260, labelExpr=second_line_labels(
                    {g: f"{k} known" for g, k in zip(counts["group"], counts["known_of"],
                                                         strict=True)}))),
    )
    bars = base.mark_bar(height=22).encode(
        x=alt.X("start:Q", title="Member states"),
        x2="end:Q",
        color=vote_color(),
        tooltip=[
            alt.Tooltip("group:N", title=title),
            alt.Tooltip("label:N", title="Vote"),
            alt.Tooltip("count:Q", title="States"),
            alt.Tooltip("share:Q", title="Share of the group", format=".0%"),
            alt.Tooltip("members:Q", title="Members of the group"),
            alt.Tooltip("known_of:N", title="Members whose vote is known"),
            alt.Tooltip("states:N", title="Who"),
            alt.Tooltip("how_known:N", title="Confidence"),
            alt.Tooltip("sources:N", title="Sources"),
        ],
    )
    text = base.transform_filter("datum.count >= 3").mark_text(fontSize=10).encode(
        x="mid:Q", text="count:Q", color=text_color()
    )
    n_known = int((load_votes(resolution)["vote"] != "unknown").sum())
    chart = alt.layer(bars, text).properties(
        width=480,
        height=alt.Step(30),
        title=alt.TitleParams(
            wrap_lines(f"Votes by {title if title != 'Group' else 'group'} on "
                       f"{vote_name(resolution)}", 85),
            subtitle=f"Counts of member states; grey = no sourced vote yet "
            f"({MEMBER_STATE_COUNT - n_known} of {MEMBER_STATE_COUNT} states).",
            anchor="start",
        ),
    )
    table = group_table(resolution, by)
    chart.description = table.attrs["description"]
    return chart
