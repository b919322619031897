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

from ..analysis import group_iso3
from ..categories import MEMBER_STATE_COUNT, VOTE_LABELS, VOTE_ORDER
from ..errors import UngaTeachError
from ..members import load_members
from ..notebook import offline_chart
from ..types import ResolutionRef
from ..votes import load_votes
from .style import (
    SOURCES_HINT,
    confidence_summary,
    described_table,
    inline_data,
    stack_votes,
    state_names,
    text_color,
    vote_color,
    vote_name,
    wrap_lines,
)

#: Grouping columns of the member table accepted by :func:`group_chart`.
GROUP_COLUMNS: dict[str, str] = {
    "un_regional_group": "UN regional group",
    "m49_region": "UN M49 region",
}


def _grouping(by: str | Sequence[str]) -> tuple[str, list[tuple[str, list[str]]]]:
    """Return (axis title, [(group name, member iso3 list), ...])."""
    members = load_members()
    if isinstance(by, str):
        if by not in GROUP_COLUMNS:
            raise UngaTeachError(
                f"by={by!r} is not accepted. Use 'un_regional_group', 'm49_region', or a list "
                "of group codes such as ['EU', 'BRICS', 'AU'] (see unga_teach.group_names())."
            )
        col = members[by].astype(str)
        if by == "un_regional_group":
            from ..groups import REGIONAL_GROUPS

            names = [g for g in REGIONAL_GROUPS if g in set(col)]
        else:
            names = sorted(set(col))
        return GROUP_COLUMNS[by], [
            (g, sorted(members.loc[col == g, "iso3"].astype(str))) for g in names
        ]
    groups = list(dict.fromkeys(by))
    if not groups:
        raise UngaTeachError("by is an empty list: give group codes such as ['EU', 'AU'].")
    return "Group", [(str(g), group_iso3(str(g))) for g in groups]


def _group_counts(resolution: ResolutionRef, by: str | Sequence[str]) -> tuple[str, pd.DataFrame]:
    title, groups = _grouping(by)
    votes = load_votes(resolution)
    vote_of = dict(zip(votes["iso3"].astype(str), votes["vote"].astype(str), strict=True))
    known_how = dict(zip(votes["iso3"].astype(str), votes["confidence"].astype(str),
                         strict=True))
    rows = []
    for name, iso3s in groups:
        for v in VOTE_ORDER:
            states = [i for i in iso3s if vote_of.get(i) == v]
            rows.append(
                {
                    "group": name,
                    "members": len(iso3s),
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
        ``group``, ``members``, one count column per vote category
        (``unknown`` included) and ``cohesion`` (agreement index over the
        known yes/no/abstain votes, see :func:`unga_teach.cohesion`).

    Examples
    --------
    >>> t = group_table("ES-11/7").set_index("group")
    >>> cols = ["members", "yes", "no", "abstain", "non_voting", "unknown"]
    >>> t.loc["African States", cols].tolist()
    [54, 13, 8, 24, 9, 0]
    """
    from ..analysis import agreement_index

    _, counts = _group_counts(resolution, by)
    wide = counts.pivot_table(index="group", columns="vote", values="count", sort=False)
    wide = wide.reindex(columns=list(VOTE_ORDER)).astype("int64")
    order = list(dict.fromkeys(counts["group"]))
    wide = wide.reindex(order)
    out = pd.DataFrame({"group": order})
    out["members"] = counts.drop_duplicates("group").set_index("group")["members"].reindex(
        order).to_numpy()
    for v in VOTE_ORDER:
        out[v] = wide[v].to_numpy()
    out["cohesion"] = [
        agreement_index(int(r.yes), int(r.no), int(r.abstain)) for r in out.itertuples()
    ]
    return described_table(out, _group_description(resolution, by, out))


def _group_description(
    resolution: ResolutionRef, by: str | Sequence[str], table: pd.DataFrame
) -> str:
    parts = []
    for r in table.itertuples(index=False):
        bits = [f"{getattr(r, v)} {VOTE_LABELS[v].split(' (')[0].lower()}"
                for v in VOTE_ORDER if getattr(r, v)]
        parts.append(f"{r.group} ({r.members} members): {', '.join(bits)}")
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
        y=alt.Y("group:N", sort=order, title=title, axis=alt.Axis(labelLimit=260)),
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
