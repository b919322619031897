"""Support over the series of Ukraine resolutions, 2014-2026, with chosen states and groups.

Examples
--------
>>> trend_table()["resolution"].iloc[-1]
'2026'
"""

from __future__ import annotations

from collections.abc import Iterable

import altair as alt
import pandas as pd

from ..analysis import group_iso3, votes_by_state, voting_member
from ..categories import MEMBER_STATE_COUNT, RECORDED_VOTES, VOTE_COLORS, VOTE_LABELS, VOTE_ORDER
from ..members import Country, chart_name
from ..notebook import offline_chart
from ..resolutions import load_resolutions
from ..types import CountryRef
from ..votes import load_votes
from .style import (
    described_table,
    inline_data,
    short_label,
    stack_votes,
    vote_color,
    vote_name,
    wrap_lines,
)


def _official_series() -> pd.DataFrame:
    res = load_resolutions(include_procedural=False)
    out = pd.DataFrame(
        {
            "resolution": res["id"].astype(str),
            "date": res["date"],
            "title": res["title"].astype(str),
            "source": res["source_url"].fillna("").astype(str),
        }
    )
    for v in RECORDED_VOTES:
        out[v] = res[v].astype("int64").to_numpy()
    out["present_and_voting"] = out["yes"] + out["no"]
    out["yes_share_of_present_and_voting"] = out["yes"] / out["present_and_voting"]
    out["x"] = [short_label(r) for r in out["resolution"]]
    out["confidence"] = "official totals (UN record)"
    # A new segment of the share line after every gap of more than a year.
    gaps = out["date"].diff().dt.days.fillna(0) > 366
    out["segment"] = gaps.cumsum().astype(int)
    out["position"] = range(len(out))
    return out


def _time_axis(off: pd.DataFrame) -> tuple[list[str], dict[str, str]]:
    """The x categories of the trend chart, with a gap column wherever a year or more passed.

    The votes are not evenly spaced in time (2014, then 2022-2023, then
    2025-2026); an equal-spaced axis would hide that, so each long gap gets
    its own labelled column. Returns the domain and ``{gap label: text}``.
    """
    domain: list[str] = []
    gaps: dict[str, str] = {}
    previous = None
    for x, date in zip(off["x"], off["date"], strict=True):
        if previous is not None and (date - previous).days > 366:
            years = round((date - previous).days / 365.25)
            label = f"··· {years} years ···"
            gaps[label] = f"{years} years with no vote in this series"
            domain.append(label)
        domain.append(x)
        previous = date
    return domain, gaps


def _country_list(countries: Iterable[CountryRef] | None) -> list[Country]:
    if countries is None:
        return []
    if isinstance(countries, str):
        countries = [countries]
    found: list[Country] = []
    for c in countries:
        state = voting_member(c)
        if state.iso3 not in [s.iso3 for s in found]:
            found.append(state)
    return found


def _group_list(groups: Iterable[str] | None) -> list[str]:
    if groups is None:
        return []
    if isinstance(groups, str):
        groups = [groups]
    return list(dict.fromkeys(str(g) for g in groups))


def trend_table(
    countries: Iterable[CountryRef] | None = None, groups: Iterable[str] | None = None
) -> pd.DataFrame:
    """The numbers behind :func:`trend_chart`: one row per resolution, oldest first.

    Returns
    -------
    pandas.DataFrame
        ``resolution`` (short id), ``date`` (a date), official ``yes``,
        ``no``, ``abstain``, ``non_voting``, ``present_and_voting``,
        ``yes_share_of_present_and_voting``; then one column per chosen state
        (its vote label, "Unknown (no source)" when not sourced) and per
        chosen group (counts "yes/no/abstain/non-voting/unknown"); the full
        ``title`` last.

    Examples
    --------
    >>> t = trend_table(countries=["Brazil"])
    >>> t[["resolution", "yes", "Brazil"]].tail(1).values.tolist()
    [['2026', 107, 'Abstain']]
    """
    states = _country_list(countries)
    group_list = _group_list(groups)
    off = _official_series().drop(columns=["x", "confidence", "segment", "position", "source"])
    out = off.assign(date=off["date"].dt.date)
    ids = out["resolution"].tolist()
    if states:
        by_state = votes_by_state(ids, [s.iso3 for s in states])
        for s in states:
            out[s.name] = [VOTE_LABELS[v] for v in by_state[s.iso3]]
    if group_list:
        votes = load_votes()
        for g in group_list:
            members = set(group_iso3(g))
            sub = votes[votes["iso3"].isin(members)]
            counts = sub.groupby("resolution", observed=False)["vote"].value_counts()
            out[f"{g} (yes/no/abstain/non-voting/unknown)"] = [
                "/".join(str(int(counts.get((r, v), 0))) for v in VOTE_ORDER) for r in ids
            ]
    # Short id and date first; the long titles last, so rows stay one line high.
    out = out[[c for c in out.columns if c != "title"] + ["title"]]
    return described_table(out, _trend_description(out, states, group_list))


def _trend_description(table: pd.DataFrame, states: list, groups: list[str]) -> str:
    first, last = table.iloc[0], table.iloc[-1]
    text = (
        f"Chart of the {len(table)} UN General Assembly resolutions on Ukraine from "
        f"{first['date']:%Y} to {last['date']:%Y}: official yes, no, abstain and non-voting "
        f"counts, and the yes share of the members present and voting, from "
        f"{first['yes_share_of_present_and_voting']:.0%} ({first['resolution']}) to "
        f"{last['yes_share_of_present_and_voting']:.0%} ({last['resolution']}). "
        f"Yes votes ranged from {int(table['yes'].min())} to {int(table['yes'].max())}."
    )
    if states:
        text += " Rows show the vote of " + ", ".join(s.name for s in states) + " on each."
    if groups:
        text += " Bars show how the members of " + ", ".join(groups) + " voted on each."
    return text


@offline_chart
def trend_chart(
    countries: Iterable[CountryRef] | None = None, groups: Iterable[str] | None = None
) -> alt.VConcatChart:
    """Support over the series of Ukraine resolutions, 2014-2026.

    Panels: official yes/no/abstain/non-voting counts per resolution; the
    yes share of the members present and voting (with the simple and
    two-thirds thresholds); optionally one row per chosen state with its
    vote, and one panel per chosen group with its members' votes. Unknown
    votes are drawn as "Unknown (no source)".

    Parameters
    ----------
    countries : list of str, optional
        Member states, by name or code.
    groups : list of str, optional
        Group codes (``"EU"``) or UN regional groups.

    Examples
    --------
    >>> spec = trend_chart(countries=["USA", "Brazil"]).to_dict()
    >>> len(spec["vconcat"])
    3
    """
    states = _country_list(countries)
    group_list = _group_list(groups)
    off = _official_series()
    x_domain, gap_text = _time_axis(off)
    long = off.melt(
        id_vars=["resolution", "x", "title", "present_and_voting", "confidence", "source"],
        value_vars=list(RECORDED_VOTES), var_name="vote", value_name="count",
    )
    long["label"] = long["vote"].map(VOTE_LABELS)
    long = stack_votes(long, "x")
    x_enc = alt.X("x:N", title=None, scale=alt.Scale(domain=x_domain),
                  axis=alt.Axis(labelAngle=-40, labelColor=alt.ExprRef(
                      "indexof(datum.label, '···') >= 0 ? '#777777' : '#000000'")))
    gap_frame = pd.DataFrame({"x": list(gap_text), "text": list(gap_text.values())})
    gap_band = alt.Chart(inline_data(gap_frame)).mark_rect(
        color="#EEEEEE", strokeDash=[3, 3], stroke="#AAAAAA"
    ).encode(x=x_enc, tooltip=alt.Tooltip("text:N", title="Gap"))
    counts_bars = alt.Chart(inline_data(long)).mark_bar().encode(
        x=x_enc,
        y=alt.Y("start:Q", title="Member states (official)",
                scale=alt.Scale(domain=[0, MEMBER_STATE_COUNT])),
        y2="end:Q",
        color=vote_color(),
        tooltip=[
            alt.Tooltip("resolution:N", title="Resolution"),
            alt.Tooltip("title:N", title="Title"),
            alt.Tooltip("label:N", title="Vote"),
            alt.Tooltip("count:Q", title="Official total"),
            alt.Tooltip("confidence:N", title="Confidence"),
            alt.Tooltip("source:N", title="Source"),
        ],
    )
    counts = alt.layer(gap_band, counts_bars).properties(
        width=560, height=200, title=alt.TitleParams(
            "Official totals", anchor="start", fontSize=13,
            subtitle="Grey columns: years with no vote (the axis is in order, not to scale)."))

    share = off[["resolution", "x", "title", "yes", "no", "yes_share_of_present_and_voting",
                 "segment", "position", "confidence", "source"]]
    share_base = alt.Chart(inline_data(share)).encode(x=x_enc)
    share_line = share_base.mark_line(color=VOTE_COLORS["yes"], point=True).encode(
        y=alt.Y("yes_share_of_present_and_voting:Q", title="Yes share of present and voting",
                scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%")),
        detail="segment:N",  # the line breaks at each gap
        order="position:Q",
        tooltip=[
            alt.Tooltip("resolution:N", title="Resolution"),
            alt.Tooltip("title:N", title="Title"),
            alt.Tooltip("yes:Q", title="Yes"),
            alt.Tooltip("no:Q", title="No"),
            alt.Tooltip("yes_share_of_present_and_voting:Q", title="Yes share", format=".1%"),
            alt.Tooltip("confidence:N", title="Confidence"),
            alt.Tooltip("source:N", title="Source"),
        ],
    )
    thresholds = pd.DataFrame(
        {"y": [0.5, 2 / 3], "text": ["simple majority (more than 50%)", "two thirds"]}
    )
    rules = alt.Chart(inline_data(thresholds)).mark_rule(
        color="#555555", strokeDash=[4, 3]
    ).encode(y="y:Q", tooltip=alt.Tooltip("text:N", title="Threshold"))
    rule_labels = alt.Chart(inline_data(thresholds)).mark_text(
        align="left", x=4, dy=-6, fontSize=10, color="#333333"
    ).encode(y="y:Q", text="text:N")
    share_chart = alt.layer(gap_band, rules, rule_labels, share_line).properties(
        width=560, height=140,
        title=alt.TitleParams("Yes votes as a share of yes + no", anchor="start", fontSize=13),
    )
    panels: list = [counts, share_chart]

    ids = off["resolution"].tolist()
    x_of = dict(zip(off["resolution"], off["x"], strict=True))
    if states:
        by_state = votes_by_state(ids, [s.iso3 for s in states])
        votes = load_votes()
        conf = {
            (str(r), str(i)): (str(c), str(u))
            for r, i, c, u in zip(votes["resolution"], votes["iso3"], votes["confidence"],
                                  votes["source_url"], strict=True)
        }
        rows = []
        for s in states:
            for rid, v in zip(ids, by_state[s.iso3], strict=True):
                c, u = conf[(rid, s.iso3)]
                rows.append({"country": chart_name(s.name), "resolution": rid, "x": x_of[rid],
                             "vote": v, "label": VOTE_LABELS[v], "confidence": c, "source": u})
        strip_data = inline_data(pd.DataFrame(rows))
        strip = alt.Chart(strip_data).mark_square(size=260, opacity=1).encode(
            x=x_enc,
            y=alt.Y("country:N", sort=[chart_name(s.name) for s in states], title=None,
                    axis=alt.Axis(labelLimit=220)),
            color=vote_color(),
            tooltip=[
                alt.Tooltip("country:N", title="State"),
                alt.Tooltip("resolution:N", title="Resolution"),
                alt.Tooltip("label:N", title="Vote"),
                alt.Tooltip("confidence:N", title="Confidence"),
                alt.Tooltip("source:N", title="Source"),
            ],
        ).properties(width=560, height=alt.Step(26), title=alt.TitleParams(
            "How each chosen state voted", anchor="start", fontSize=13))
        panels.append(strip)
    if group_list:
        votes = load_votes()
        rows = []
        for g in group_list:
            members = group_iso3(g)
            sub = votes[votes["iso3"].isin(members)]
            for rid in ids:
                counts_g = sub.loc[sub["resolution"] == rid, "vote"].astype(str).value_counts()
                for v in VOTE_ORDER:
                    rows.append({"group": g, "resolution": rid, "x": x_of[rid], "vote": v,
                                 "label": VOTE_LABELS[v], "count": int(counts_g.get(v, 0)),
                                 "members": len(members)})
        gframe = pd.DataFrame(rows)
        gframe["key"] = gframe["group"] + "|" + gframe["x"]
        gframe = stack_votes(gframe, "key")
        for col in ("start", "end"):
            gframe[col] = gframe[col] / gframe["members"]
        gframe["share"] = gframe["count"] / gframe["members"]
        group_panel = alt.Chart(inline_data(gframe)).mark_bar().encode(
            x=x_enc,
            y=alt.Y("start:Q", title="Share of members", axis=alt.Axis(format="%"),
                    scale=alt.Scale(domain=[0, 1])),
            y2="end:Q",
            color=vote_color(),
            row=alt.Row("group:N", title=None, sort=group_list,
                        header=alt.Header(labelAngle=0, labelAlign="left", labelFontSize=12)),
            tooltip=[
                alt.Tooltip("group:N", title="Group"),
                alt.Tooltip("resolution:N", title="Resolution"),
                alt.Tooltip("label:N", title="Vote"),
                alt.Tooltip("count:Q", title="Member states"),
                alt.Tooltip("share:Q", title="Share of the group", format=".0%"),
                alt.Tooltip("members:Q", title="Members of the group"),
            ],
        ).properties(width=560, height=90, title=alt.TitleParams(
            "How each chosen group's members voted", anchor="start", fontSize=13))
        panels.append(group_panel)
    table = trend_table(countries, groups)
    first, last = off.iloc[0], off.iloc[-1]
    return alt.vconcat(
        *panels,
        title=alt.TitleParams(
            f"UN General Assembly votes on Ukraine, {first['date']:%Y}–{last['date']:%Y}",
            subtitle=[*wrap_lines(f"From {vote_name(first['resolution'])}"),
                      *wrap_lines(f"to {vote_name(last['resolution'])}")],
            anchor="start", fontSize=15,
        ),
        description=table.attrs["description"],
    ).resolve_scale(color="shared")
