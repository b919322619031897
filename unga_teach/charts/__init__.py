"""Altair charts of the votes, each with a text table that says the same thing.

Every ``*_chart`` function returns an Altair chart (it never displays it) and
has a ``*_table`` twin returning a DataFrame, for learners who cannot read the
chart and for checking the numbers. Every chart:

- names the vote(s) in its title;
- carries a plain-English ``description`` (usable as alt text), also in
  ``chart.description`` and in the table's ``attrs["description"]``;
- colours votes with one fixed, colour-blind-safe scale
  (:func:`vote_color_scale`), ``unknown`` included and always grey;
- has tooltips and inline data only (no URLs), and stays within what
  JupyterLab 4's built-in Vega-Lite 5.6 renderer draws.

Examples
--------
>>> import unga_teach as ut
>>> chart = ut.tally_chart("2026")
>>> "Support for lasting peace in Ukraine" in " ".join(chart.to_dict()["title"]["text"])
True
>>> ut.tally_table("2026").attrs["description"] == chart.description
True
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

import altair as alt
import pandas as pd

from .analysis import (
    agreement_pairs,
    group_iso3,
    majority_explanation,
    passes,
    resolution_ids,
    tally,
    transitions,
    votes_by_state,
    votes_needed,
    voting_member,
)
from .categories import RECORDED_VOTES, VOTE_COLORS, VOTE_LABELS, VOTE_ORDER
from .errors import UngaTeachError
from .members import Country, load_members, member_names
from .resolutions import load_resolutions, resolution_info, series
from .types import CountryRef, MajorityRule, ResolutionRef
from .votes import load_votes

#: Grouping columns of the member table accepted by :func:`group_chart`.
GROUP_COLUMNS: dict[str, str] = {
    "un_regional_group": "UN regional group",
    "m49_region": "UN M49 region",
}

_ORDER_INDEX = {v: i for i, v in enumerate(VOTE_ORDER)}


# --------------------------------------------------------------------- helpers
def inline_data(frame: pd.DataFrame) -> alt.InlineData:
    """Inline a DataFrame as plain JSON records (missing values become ``null``).

    Altair 5.5 with pandas 3 writes ``NaN`` (invalid JSON) for a missing value
    in a string column; going through :meth:`pandas.DataFrame.to_json` avoids
    that. Dates become ISO strings.

    Examples
    --------
    >>> inline_data(pd.DataFrame({"a": ["x", None]})).to_dict()["values"]
    [{'a': 'x'}, {'a': None}]
    """
    records = json.loads(frame.to_json(orient="records", date_format="iso"))
    return alt.InlineData(values=records)


def vote_color_scale() -> alt.Scale:
    """The one colour scale for votes: fixed domain order and Okabe-Ito colours.

    Examples
    --------
    >>> vote_color_scale().to_dict()["domain"]
    ['yes', 'no', 'abstain', 'non_voting', 'unknown']
    """
    return alt.Scale(domain=list(VOTE_ORDER), range=[VOTE_COLORS[v] for v in VOTE_ORDER])


def vote_label_expr(field: str = "datum.value") -> str:
    """A Vega expression turning a vote value into its label (for legends and axes).

    Examples
    --------
    >>> vote_label_expr().startswith("datum.value === 'yes' ? 'Yes'")
    True
    """
    expr = field
    for value in reversed(VOTE_ORDER):
        label = VOTE_LABELS[value].replace("'", "\\'")
        expr = f"{field} === '{value}' ? '{label}' : ({expr})"
    return expr


def vote_color(
    field: str = "vote", title: str = "Vote", legend: bool = True, legend_columns: int = 5
) -> alt.Color:
    """Colour encoding of a vote field with the fixed scale and labelled legend.

    The legend sits under the chart, in one row (a legend on the right would
    push the chart past an 800-px notebook area).

    Examples
    --------
    >>> vote_color().to_dict()["legend"]["orient"]
    'bottom'
    """
    return alt.Color(
        f"{field}:N",
        scale=vote_color_scale(),
        title=title,
        legend=alt.Legend(labelExpr=vote_label_expr(), orient="bottom",
                          titleOrient="left" if legend_columns > 1 else "top",
                          labelLimit=200, columns=legend_columns)
        if legend else None,
    )


def wrap_lines(text: str, width: int = 110) -> list[str]:
    """Split a title or note into lines of at most ``width`` characters.

    Vega-Lite never wraps a title; a long line would widen the chart past
    the notebook area. About 110 characters of 12-px text fit in 720 px.

    Examples
    --------
    >>> wrap_lines("one two three", width=8)
    ['one two', 'three']
    """
    return textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False)


def vote_name(resolution: ResolutionRef) -> str:
    """A short name for a vote, for titles: title, symbol or draft, date.

    The adopted symbol of the 2026 resolution is not confirmed, so it is
    named by its draft.

    Examples
    --------
    >>> vote_name("2026")
    '“Support for lasting peace in Ukraine” (draft A/ES-11/L.17, 24 Feb 2026)'
    >>> vote_name("ES-11/7")
    '“Advancing a comprehensive, just and lasting peace in Ukraine” (A/RES/ES-11/7, 24 Feb 2025)'
    """
    info = resolution_info(resolution)
    if bool(info["symbol_confirmed"]) and str(info["symbol"] or ""):
        ref = str(info["symbol"])
    elif str(info["draft"] or ""):
        ref = f"draft {info['draft']}"
    else:
        ref = str(info["id"])
    date = info["date"]
    return f"“{info['title']}” ({ref}, {date.day} {date:%b %Y})"


def _short_label(rid: str) -> str:
    info = resolution_info(rid)
    return f"{rid} ({info['date']:%b %Y})"


def _table(frame: pd.DataFrame, description: str) -> pd.DataFrame:
    frame = frame.reset_index(drop=True)
    frame.attrs["description"] = description
    return frame


def _names(iso3s: Iterable[str], limit: int = 40) -> str:
    """Names of states, comma-separated, for tooltips (long lists shortened)."""
    m = member_names()
    names = sorted(m.get(i, i) for i in iso3s)
    if len(names) > limit:
        return ", ".join(names[:limit]) + f", … and {len(names) - limit} more"
    return ", ".join(names)


def _how_known(resolution: ResolutionRef) -> dict[str, str]:
    """``{iso3: confidence}`` for one vote (``none`` when unknown)."""
    votes = load_votes(resolution)
    return dict(zip(votes["iso3"].astype(str), votes["confidence"].astype(str), strict=True))


def _vote_facts(ids: Sequence[str], iso3s: Iterable[str]) -> dict[tuple[str, str], tuple[str, str]]:
    """``{(resolution, iso3): (confidence, source_url)}`` for the chosen votes.

    A state missing from an official vote's record gets ``("none", "no source")``.
    """
    wanted = set(iso3s)
    votes = load_votes() if set(ids) <= set(series()) else load_votes(list(ids))
    votes = votes[votes["iso3"].isin(wanted) & votes["resolution"].isin(list(ids))]
    missing = {(str(r), i): ("none", "no source") for r in ids for i in wanted}
    return missing | {
        (str(r), str(i)): (str(c), str(u) if isinstance(u, str) and u else "no source")
        for r, i, c, u in zip(votes["resolution"], votes["iso3"], votes["confidence"],
                              votes["source_url"], strict=True)
    }


def _confidence_summary(levels: Iterable[str]) -> str:
    """How a set of votes is known, in words: ``"23 derived, 16 reported"``.

    Examples
    --------
    >>> _confidence_summary(["reported", "derived", "reported", "none"])
    '2 reported, 1 derived, 1 no source'
    """
    from .categories import CONFIDENCE_ORDER

    counts = pd.Series(list(levels), dtype=object).value_counts()
    parts = [f"{int(counts[c])} {'no source' if c == 'none' else c}"
             for c in CONFIDENCE_ORDER if c in counts.index]
    return ", ".join(parts) if parts else "none"


#: Tooltip line saying where the per-state sources are.
SOURCES_HINT = "per state: vote_map_table() or load_votes() (source_url)"


#: Votes whose colour is light enough to need dark text on top.
_DARK_TEXT_VOTES = ("abstain", "non_voting", "unknown")


def _text_color(field: str = "vote") -> Any:
    """Black text on light vote colours, white on dark ones."""
    test = " || ".join(f"datum.{field} === '{v}'" for v in _DARK_TEXT_VOTES)
    return alt.condition(test, alt.value("black"), alt.value("white"))


def _stack(frame: pd.DataFrame, by: str, value: str = "count") -> pd.DataFrame:
    """Add ``start``/``end`` columns stacking ``value`` in vote order within ``by``."""
    frame = frame.copy()
    frame["order"] = frame["vote"].map(_ORDER_INDEX)
    frame = frame.sort_values([by, "order"], kind="stable")
    frame["end"] = frame.groupby(by, sort=False)[value].cumsum()
    frame["start"] = frame["end"] - frame[value]
    frame["mid"] = (frame["start"] + frame["end"]) / 2
    return frame


# ----------------------------------------------------------------------- tally
def tally_table(resolution: ResolutionRef = "2026", rule: MajorityRule = "simple") -> pd.DataFrame:
    """The numbers behind :func:`tally_chart`, with the majority arithmetic.

    Returns
    -------
    pandas.DataFrame
        :func:`unga_teach.tally` plus ``counted`` (True for yes and no, the
        votes of the members present and voting) and
        ``share_of_present_and_voting`` (official yes or no over yes + no).
        ``attrs["description"]`` holds the chart's description.

    Examples
    --------
    >>> t = tally_table("2026").set_index("vote")
    >>> t.loc[["yes", "no", "abstain"], "counted"].tolist()
    [True, True, False]
    >>> round(float(t.loc["yes", "share_of_present_and_voting"]), 3)
    0.899
    """
    frame = tally(resolution)
    info = resolution_info(resolution)
    frame["counted"] = frame["vote"].isin(["yes", "no"])
    present = int(info["yes"]) + int(info["no"])
    share = [
        (float(o) / present if present and c else float("nan"))
        for o, c in zip(frame["official"].fillna(0), frame["counted"], strict=True)
    ]
    frame["share_of_present_and_voting"] = share
    return _table(frame, _tally_description(resolution, rule))


def _tally_description(resolution: ResolutionRef, rule: MajorityRule) -> str:
    info = resolution_info(resolution)
    t = tally(resolution).set_index("vote")
    y, n, a, nv = (int(info[v]) for v in RECORDED_VOTES)
    adopted = "adopted" if passes(y, n, rule) else "rejected"
    known = int(t["known"].sum() - t.loc["unknown", "known"])
    text = (
        f"Bar chart of the official result of the UN General Assembly vote on "
        f"{vote_name(resolution)}: {adopted}. "
        + majority_explanation(y, n, a, nv, rule)
        + f" A second panel compares, for each vote category, how many states the sources "
        f"name with the official total: {known} of {int(info['total_members'])} member "
        f"states have a sourced vote and {int(t.loc['unknown', 'known'])} are unknown."
    )
    return text


def tally_chart(
    resolution: ResolutionRef = "2026", rule: MajorityRule = "simple"
) -> alt.VConcatChart:
    """The result of a vote, with the majority arithmetic and the data coverage.

    Top panel: the official totals. The yes and no votes (the members
    *present and voting*) form one bar, with a line at the number of yes
    votes needed; abstentions and non-voting states form a separate bar
    marked "not counted". Bottom panel: for each category, the official
    total (pale bar) against the states the sources name (solid bar), and
    the states whose vote is unknown (grey).

    Parameters
    ----------
    resolution : str, default "2026"
    rule : {"simple", "two_thirds"}, default "simple"
        The majority drawn (see :func:`unga_teach.passes`).

    Returns
    -------
    altair.VConcatChart

    Examples
    --------
    >>> spec = tally_chart("2026").to_dict()
    >>> spec["vconcat"][0]["layer"][0]["encoding"]["color"]["scale"]["domain"][-1]
    'unknown'
    """
    info = resolution_info(resolution)
    y, n, a, nv = (int(info[v]) for v in RECORDED_VOTES)
    present = y + n
    needed = votes_needed(present, rule)
    counted_row = f"Present and voting: {present}"
    other_row = f"Not counted: {a + nv}"
    official = pd.DataFrame(
        {
            "vote": list(RECORDED_VOTES),
            "label": [VOTE_LABELS[v] for v in RECORDED_VOTES],
            "count": [y, n, a, nv],
            "row": [counted_row, counted_row, other_row, other_row],
            "counted": ["yes (present and voting)"] * 2
            + ["no (abstentions and absent states are not counted)"] * 2,
            "confidence": "official totals (UN record)",
            "source": str(info["source_url"]),
        }
    )
    official = _stack(official, "row")
    official["share"] = [
        (c / present if present and v in ("yes", "no") else float("nan"))
        for c, v in zip(official["count"], official["vote"], strict=True)
    ]
    rows_sort = [counted_row, other_row]
    x_total = alt.Scale(domain=[0, int(info["total_members"])])
    base = alt.Chart(inline_data(official)).encode(
        y=alt.Y("row:N", sort=rows_sort, title=None, axis=alt.Axis(labelLimit=220)),
    )
    bars = base.mark_bar(height=34).encode(
        x=alt.X("start:Q", scale=x_total, title="Member states (official totals)"),
        x2="end:Q",
        color=vote_color(),
        tooltip=[
            alt.Tooltip("label:N", title="Vote"),
            alt.Tooltip("count:Q", title="Official total"),
            alt.Tooltip("counted:N", title="Counted for the majority"),
            alt.Tooltip("share:Q", title="Share of present and voting", format=".1%"),
            alt.Tooltip("confidence:N", title="Confidence"),
            alt.Tooltip("source:N", title="Source"),
        ],
    )
    labels = base.transform_filter("datum.count >= 6").mark_text(
        fontWeight="bold", align="right", dx=-5
    ).encode(x=alt.X("end:Q", scale=x_total), text="count:Q", color=_text_color())
    kind = "simple majority" if rule == "simple" else "two-thirds majority"
    threshold = pd.DataFrame(
        {"row": [counted_row], "needed": [needed], "text": [f"{kind}: {needed} of {present}"]}
    )
    rule_mark = alt.Chart(inline_data(threshold)).mark_tick(
        color="black", thickness=3, size=50, opacity=1
    ).encode(
        x=alt.X("needed:Q", scale=x_total),
        y=alt.Y("row:N", sort=rows_sort),
        tooltip=[alt.Tooltip("text:N", title="Yes votes needed")],
    )
    rule_text = alt.Chart(inline_data(threshold)).mark_text(
        align="left", dx=-2, dy=-32, fontSize=11, fontWeight="bold"
    ).encode(x=alt.X("needed:Q", scale=x_total), y=alt.Y("row:N", sort=rows_sort), text="text:N")
    top = alt.layer(bars, labels, rule_mark, rule_text).properties(
        width=520, height=110,
        title=alt.TitleParams(
            "Official result: only yes and no votes count",
            subtitle=[
                part if part.endswith(".") else part + "."
                for part in majority_explanation(y, n, a, nv, rule).split(". ")
            ],
            fontSize=13, anchor="start",
        ),
    )

    t = tally(resolution)
    cover = pd.DataFrame(
        {
            "vote": t["vote"].astype(str),
            "label": t["label"],
            "known": t["known"].astype(int),
            "official": [None if pd.isna(o) else int(o) for o in t["official"]],
        }
    )
    official_counts = [None if pd.isna(o) else int(o) for o in t["official"]]
    cover["text"] = [
        (f"{k} states with no sourced vote" if v == "unknown" else f"{k} of {o} named")
        for v, k, o in zip(cover["vote"], cover["known"], official_counts, strict=True)
    ]
    cover["bar_end"] = [
        max(k, o or 0) for k, o in zip(cover["known"], official_counts, strict=True)
    ]
    y_cat = alt.Y(
        "vote:N", sort=list(VOTE_ORDER), title=None,
        axis=alt.Axis(labelExpr=vote_label_expr(), labelLimit=220),
    )
    # Room on the right for the longest label ("115 states with no sourced vote").
    x_cov = alt.Scale(domain=[0, max(int(cover["bar_end"].max()), 1) * 1.45], nice=False)
    known_how = _how_known(resolution)
    votes_now = load_votes(resolution)
    cover["how_known"] = [
        _confidence_summary(known_how[i] for i in votes_now.loc[votes_now["vote"] == v, "iso3"])
        for v in cover["vote"]
    ]
    cover["sources"] = SOURCES_HINT
    tips = [
        alt.Tooltip("label:N", title="Vote"),
        alt.Tooltip("known:Q", title="States named by sources"),
        alt.Tooltip("official:Q", title="Official total"),
        alt.Tooltip("text:N", title="Coverage"),
        alt.Tooltip("how_known:N", title="Confidence"),
        alt.Tooltip("sources:N", title="Sources"),
    ]
    cov_base = alt.Chart(inline_data(cover)).encode(y=y_cat)
    official_bars = cov_base.transform_filter("isValid(datum.official)").mark_bar(
        opacity=0.3, height=18
    ).encode(
        x=alt.X("official:Q", scale=x_cov, title="Member states",
                axis=alt.Axis(values=list(range(0, int(cover["bar_end"].max()) + 1, 20)))),
        color=vote_color(legend=False),
        tooltip=tips,
    )
    known_bars = cov_base.mark_bar(height=10).encode(
        x=alt.X("known:Q", scale=x_cov), color=vote_color(legend=False), tooltip=tips
    )
    cov_text = cov_base.mark_text(align="left", dx=4, fontSize=11).encode(
        x=alt.X("bar_end:Q", scale=x_cov), text="text:N"
    )
    bottom = alt.layer(official_bars, known_bars, cov_text).properties(
        width=520, height=150,
        title=alt.TitleParams(
            "Which states' votes the course data can name",
            subtitle="Pale bar: official total. Solid bar: states named by a source. "
            "Grey: no source yet.",
            fontSize=13, anchor="start",
        ),
    )
    chart = alt.vconcat(
        top, bottom,
        title=alt.TitleParams(
            wrap_lines(f"UN General Assembly vote on {vote_name(resolution)}", 72),
            fontSize=15, anchor="start",
        ),
        description=_tally_description(resolution, rule),
    ).resolve_scale(color="independent")  # one legend (top); same fixed scale below
    return chart


# ----------------------------------------------------------------------- groups
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
            from .groups import REGIONAL_GROUPS

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
                    "states": _names(states),
                    "how_known": _confidence_summary(known_how.get(i, "none") for i in states),
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
    from .analysis import agreement_index

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
    return _table(out, _group_description(resolution, by, out))


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
    counts = _stack(counts, "group")
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
        x="mid:Q", text="count:Q", color=_text_color()
    )
    n_known = int((load_votes(resolution)["vote"] != "unknown").sum())
    chart = alt.layer(bars, text).properties(
        width=480,
        height=alt.Step(30),
        title=alt.TitleParams(
            wrap_lines(f"Votes by {title if title != 'Group' else 'group'} on "
                       f"{vote_name(resolution)}", 85),
            subtitle=f"Counts of member states; grey = no sourced vote yet "
            f"({193 - n_known} of 193 states).",
            anchor="start",
        ),
    )
    table = group_table(resolution, by)
    chart.description = table.attrs["description"]
    return chart


# ------------------------------------------------------------------------ trend
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
    out["x"] = [_short_label(r) for r in out["resolution"]]
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
    return _table(out, _trend_description(out, states, group_list))


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
    long = _stack(long, "x")
    x_enc = alt.X("x:N", title=None, scale=alt.Scale(domain=x_domain),
                  axis=alt.Axis(labelAngle=-40, labelColor=alt.ExprRef(
                      "indexof(datum.label, '···') >= 0 ? '#777777' : '#000000'")))
    gap_frame = pd.DataFrame({"x": list(gap_text), "text": list(gap_text.values())})
    gap_band = alt.Chart(inline_data(gap_frame)).mark_rect(
        color="#EEEEEE", strokeDash=[3, 3], stroke="#AAAAAA"
    ).encode(x=x_enc, tooltip=alt.Tooltip("text:N", title="Gap"))
    counts_bars = alt.Chart(inline_data(long)).mark_bar().encode(
        x=x_enc,
        y=alt.Y("start:Q", title="Member states (official)", scale=alt.Scale(domain=[0, 193])),
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
                rows.append({"country": s.name, "resolution": rid, "x": x_of[rid], "vote": v,
                             "label": VOTE_LABELS[v], "confidence": c, "source": u})
        strip_data = inline_data(pd.DataFrame(rows))
        strip = alt.Chart(strip_data).mark_square(size=260, opacity=1).encode(
            x=x_enc,
            y=alt.Y("country:N", sort=[s.name for s in states], title=None,
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
        gframe = _stack(gframe, "key")
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


# ------------------------------------------------------------------------ shift
def shift_table(res_a: ResolutionRef = "ES-11/7", res_b: ResolutionRef = "2026") -> pd.DataFrame:
    """The numbers behind :func:`shift_chart`: every from/to combination.

    Returns
    -------
    pandas.DataFrame
        :func:`unga_teach.transitions` plus ``from_label``, ``to_label`` and
        ``names`` (the states' names, comma-separated).

    Examples
    --------
    >>> t = shift_table("ES-11/7", "2026")
    >>> int(t["count"].sum())
    193
    """
    t = transitions(res_a, res_b)
    t["from_label"] = [VOTE_LABELS[str(v)] for v in t["from_vote"]]
    t["to_label"] = [VOTE_LABELS[str(v)] for v in t["to_vote"]]
    t["names"] = [_names(s, limit=1000) for s in t["states"]]
    return _table(t, _shift_description(res_a, res_b, t))


def _shift_description(res_a: ResolutionRef, res_b: ResolutionRef, t: pd.DataFrame) -> str:
    same_known = int(t.loc[(t["from_vote"] == t["to_vote"]) & (t["from_vote"] != "unknown"),
                           "count"].sum())
    unknown = int(t.loc[(t["from_vote"] == "unknown") | (t["to_vote"] == "unknown"),
                        "count"].sum())
    moves = t[(t["from_vote"] != t["to_vote"]) & (t["from_vote"] != "unknown")
              & (t["to_vote"] != "unknown") & (t["count"] > 0)]
    moved = "; ".join(
        f"{int(r.count)} from {VOTE_LABELS[str(r.from_vote)].lower()} to "
        f"{VOTE_LABELS[str(r.to_vote)].lower()}"
        for r in moves.itertuples(index=False)
    )
    text = (
        f"Grid of circles showing how the 193 member states' votes moved from "
        f"{vote_name(res_a)} (rows) to {vote_name(res_b)} (columns); circle size is the "
        f"number of states. {same_known} states cast the same known vote both times"
    )
    text += f"; changes: {moved}." if moved else "; no state is known to have changed."
    if unknown:
        text += f" For {unknown} states at least one of the two votes is unknown (no source)."
    return text


def shift_chart(res_a: ResolutionRef = "ES-11/7", res_b: ResolutionRef = "2026") -> alt.LayerChart:
    """How states' votes moved between two resolutions, as a from/to bubble grid.

    Rows: the vote on ``res_a``; columns: the vote on ``res_b``; circle area:
    the number of states, coloured by their vote on ``res_b``. The diagonal
    (outlined cells) holds states that voted the same way both times.
    ``unknown`` is a row and a column like any other.

    Examples
    --------
    >>> spec = shift_chart("ES-11/7", "2026").to_dict()
    >>> spec["layer"][2]["encoding"]["x"]["sort"][-1]
    'unknown'
    """
    return alt.LayerChart.from_dict(shift_chart_spec(res_a, res_b), validate=False)


#: Placeholders in the cached shift-chart template (private-use characters).
_TOKENS = {k: f"\ue000{k}\ue001" for k in ("A", "B", "VA", "VB", "DESC")}


@cache
def _shift_template() -> str:
    """The shift chart's spec with placeholders, built and validated once."""
    return json.dumps(_build_shift_chart(
        _TOKENS["A"], _TOKENS["B"], _TOKENS["VA"], _TOKENS["VB"], _TOKENS["DESC"]
    ).to_dict(), ensure_ascii=False)


def shift_chart_spec(
    res_a: ResolutionRef = "ES-11/7", res_b: ResolutionRef = "2026"
) -> dict[str, Any]:
    """The Vega-Lite spec of :func:`shift_chart`, built fast from a cached template.

    Widgets use it to redraw in a few milliseconds: the chart's structure is
    built and validated once; each call fills in the names and the data.

    Examples
    --------
    >>> spec = shift_chart_spec("ES-11/7", "2026")
    >>> sum(r["count"] for r in spec["datasets"]["transitions"])
    193
    """
    t = shift_table(res_a, res_b)
    values = {
        "A": str(resolution_info(res_a)["id"]),
        "B": str(resolution_info(res_b)["id"]),
        "VA": vote_name(res_a),
        "VB": vote_name(res_b),
        "DESC": str(t.attrs["description"]),
    }
    how_a, how_b = _how_known(res_a), _how_known(res_b)
    text = _shift_template()
    for key, token in _TOKENS.items():
        text = text.replace(token, json.dumps(values[key])[1:-1])
    spec: dict[str, Any] = json.loads(text)
    data = pd.DataFrame(
        {
            "from_vote": t["from_vote"].astype(str),
            "to_vote": t["to_vote"].astype(str),
            "from_label": t["from_label"],
            "to_label": t["to_label"],
            "count": t["count"].astype(int),
            "names": [_names(s, limit=30) for s in t["states"]],
            "diagonal": (t["from_vote"].astype(str) == t["to_vote"].astype(str)).to_numpy(),
            "how_known": [
                f"{values['A']}: {_confidence_summary(how_a[i] for i in s)}; "
                f"{values['B']}: {_confidence_summary(how_b[i] for i in s)}"
                for s in t["states"]
            ],
            "sources": SOURCES_HINT,
        }
    )
    spec["datasets"] = {"transitions": json.loads(data.to_json(orient="records"))}
    return spec


def _build_shift_chart(
    name_a: str, name_b: str, vote_name_a: str, vote_name_b: str, description: str
) -> alt.LayerChart:
    x = alt.X("to_vote:N", sort=list(VOTE_ORDER), title=f"Vote on {name_b}",
              axis=alt.Axis(labelExpr=vote_label_expr(), labelAngle=0, orient="top",
                            labelLimit=120))
    y = alt.Y("from_vote:N", sort=list(VOTE_ORDER), title=f"Vote on {name_a}",
              axis=alt.Axis(labelExpr=vote_label_expr(), labelLimit=140))
    tips = [
        alt.Tooltip("from_label:N", title=f"Vote on {name_a}"),
        alt.Tooltip("to_label:N", title=f"Vote on {name_b}"),
        alt.Tooltip("count:Q", title="States"),
        alt.Tooltip("names:N", title="Who"),
        alt.Tooltip("how_known:N", title="Confidence"),
        alt.Tooltip("sources:N", title="Sources"),
    ]
    cells = alt.Chart().mark_rect(
        fill="#F7F7F7", stroke="white", strokeWidth=2
    ).encode(x=x, y=y, tooltip=tips)
    diagonal = alt.Chart().transform_filter("datum.diagonal").mark_rect(
        filled=False, stroke="#666666", strokeWidth=1.5
    ).encode(x=x, y=y, tooltip=tips)
    bubbles = alt.Chart().transform_filter("datum.count > 0").mark_circle(
        opacity=0.9, stroke="#333333", strokeWidth=0.5
    ).encode(
        x=x, y=y,
        size=alt.Size("count:Q", scale=alt.Scale(range=[0, 3600], domain=[0, 193]),
                      legend=None),
        color=vote_color(field="to_vote", title=f"Vote on {name_b}"),
        tooltip=tips,
    )
    labels = alt.Chart().transform_filter("datum.count > 0").mark_text(
        fontSize=12, fontWeight="bold", align="left", baseline="top", dx=-41, dy=-31,
        color="#222222",
    ).encode(x=x, y=y, text="count:Q", tooltip=tips)
    return alt.layer(cells, diagonal, bubbles, labels, data=alt.Data(name="transitions")
                     ).properties(
        width=alt.Step(90), height=alt.Step(70),
        title=alt.TitleParams(
            f"How votes moved from {name_a} to {name_b}",
            subtitle=[f"Rows: {vote_name_a}", f"Columns: {vote_name_b}",
                      "Outlined cells: same vote both times. Grey: no source for a vote."],
            anchor="start",
        ),
        description=description,
        datasets={"transitions": []},
    )


# -------------------------------------------------------------------- agreement
def agreement_table(
    countries: Sequence[CountryRef], resolutions: Iterable[ResolutionRef] | None = None
) -> pd.DataFrame:
    """The numbers behind :func:`agreement_chart`: each pair of states once.

    Returns
    -------
    pandas.DataFrame
        ``a``, ``b``, ``name_a``, ``name_b``, ``agreement`` (share of
        identical votes, ``nan`` when nothing is comparable), ``compared``
        and ``same`` (see :func:`unga_teach.agreement`).

    Examples
    --------
    >>> t = agreement_table(["France", "Russia", "China"], ["ES-11/1", "ES-11/7"])
    >>> t[["a", "b", "agreement", "compared"]].values.tolist()
    [['FRA', 'RUS', 0.0, 2], ['FRA', 'CHN', 0.0, 2], ['RUS', 'CHN', 0.0, 2]]
    """
    pairs = agreement_pairs(countries, resolutions)
    order = list(dict.fromkeys(pairs["a"]))
    rank = {c: i for i, c in enumerate(order)}
    keep = [rank[a] < rank[b] for a, b in zip(pairs["a"], pairs["b"], strict=True)]
    out = pairs[keep]
    ids = resolution_ids(resolutions)
    return _table(out, _agreement_description(pairs, ids))


def _resolutions_phrase(ids: list[str]) -> str:
    if ids == series():
        first, last = resolution_info(ids[0])["date"], resolution_info(ids[-1])["date"]
        return f"the {len(ids)} UN General Assembly resolutions on Ukraine, {first:%Y}–{last:%Y}"
    if len(ids) <= 3:
        return " and ".join(vote_name(r) for r in ids)
    return f"{len(ids)} UN General Assembly votes ({', '.join(ids)})"


def _agreement_description(pairs: pd.DataFrame, ids: list[str]) -> str:
    order = list(dict.fromkeys(pairs["a"]))
    rank = {c: i for i, c in enumerate(order)}
    bits = []
    for r in pairs.itertuples(index=False):
        if rank[r.a] < rank[r.b]:
            share = "no comparable vote" if r.compared == 0 else f"{r.agreement:.0%}"
            bits.append(f"{r.name_a} and {r.name_b}: {share} of {r.compared} compared")
    return (
        f"Heatmap of how often pairs of states cast the same vote on "
        f"{_resolutions_phrase(ids)}, counting only resolutions where both votes are "
        "known and both voted yes, no or abstain; beside it, each state's votes. "
        + ("; ".join(bits) + "." if bits else "Only one state was chosen.")
    )


def agreement_chart(
    countries: Sequence[CountryRef], resolutions: Iterable[ResolutionRef] | None = None
) -> alt.HConcatChart:
    """A heatmap of pairwise agreement, next to the votes it is computed from.

    Left: share of identical votes for every pair of states (the number of
    resolutions compared is in the tooltip and in the cell). Right: each
    state's vote on each resolution, with the fixed vote colours.

    Parameters
    ----------
    countries : list of str
        Two or more member states, by name or code.
    resolutions : list of str, optional
        Default: the whole series.

    Examples
    --------
    >>> spec = agreement_chart(["USA", "FRA", "RUS"]).to_dict()
    >>> spec["hconcat"][1]["encoding"]["color"]["scale"]["domain"][0]
    'yes'
    """
    pairs = agreement_pairs(countries, resolutions)
    ids = resolution_ids(resolutions)
    order = list(dict.fromkeys(pairs["name_a"]))
    data = pairs.copy()
    data["agreement"] = [None if pd.isna(v) else float(v) for v in data["agreement"]]
    data["text"] = [
        "n/a" if c == 0 else f"{v:.0%}" for v, c in zip(pairs["agreement"], pairs["compared"],
                                                       strict=True)
    ]
    data["dark"] = [bool(c) and v >= 0.55 for v, c in zip(pairs["agreement"],
                                                         pairs["compared"], strict=True)]
    tips = [
        alt.Tooltip("name_a:N", title="State"),
        alt.Tooltip("name_b:N", title="Compared with"),
        alt.Tooltip("agreement:Q", title="Agreement", format=".0%"),
        alt.Tooltip("compared:Q", title="Resolutions compared"),
        alt.Tooltip("same:Q", title="Identical votes"),
    ]
    # Fit 800 px: names (up to 150 px) + heatmap + 16 px + the votes strip + padding.
    strip_step = 24
    room = 800 - 10 - 175 - 16 - strip_step * len(ids) - 10  # 175: names, ticks, padding
    step = int(max(18, min(48, room // max(len(order), 1))))
    axis_x = alt.X("name_b:N", sort=order, title=None,
                   axis=alt.Axis(labelAngle=-40, labelLimit=150))
    axis_y = alt.Y("name_a:N", sort=order, title=None, axis=alt.Axis(labelLimit=150))
    heat = alt.Chart(inline_data(data)).mark_rect(stroke="white").encode(
        x=axis_x, y=axis_y,
        color=alt.Color("agreement:Q", title="Agreement",
                        scale=alt.Scale(domain=[0, 1], scheme="greens"),
                        legend=alt.Legend(format="%", orient="bottom")),
        tooltip=tips,
    )
    heat_text = alt.Chart(inline_data(data)).mark_text(fontSize=11 if step >= 30 else 8).encode(
        x=axis_x, y=axis_y, text="text:N",
        color=alt.condition("datum.dark", alt.value("white"), alt.value("black")),
        tooltip=tips,
    )
    heatmap = alt.layer(heat, heat_text).properties(
        width=alt.Step(step), height=alt.Step(step),
        title=alt.TitleParams("Share of identical votes", anchor="start", fontSize=13,
                              subtitle="Tooltip: how many resolutions were compared"),
    )
    states = list(dict.fromkeys(pairs["a"]))
    by_state = votes_by_state(ids, states)
    names = dict(zip(pairs["a"], pairs["name_a"], strict=True))
    x_label = {r: _short_label(r) for r in ids}
    facts = _vote_facts(ids, states)
    rows = [
        {"country": names[s], "resolution": r, "x": x_label[r], "vote": v,
         "label": VOTE_LABELS[v], "confidence": facts[(r, s)][0], "source": facts[(r, s)][1]}
        for s in states for r, v in zip(ids, by_state[s], strict=True)
    ]
    strip_data = inline_data(pd.DataFrame(rows))
    strip = alt.Chart(strip_data).mark_square(size=min(200, step * step * 0.5), opacity=1).encode(
        x=alt.X("x:N", sort=[x_label[r] for r in ids], title=None,
                axis=alt.Axis(labelAngle=-90)),  # a slanted label would widen the chart
        # Same rows as the heatmap beside it, so the names are not repeated.
        y=alt.Y("country:N", sort=order, title=None, axis=alt.Axis(labels=False, ticks=False)),
        color=vote_color(),
        tooltip=[
            alt.Tooltip("country:N", title="State"),
            alt.Tooltip("resolution:N", title="Resolution"),
            alt.Tooltip("label:N", title="Vote"),
            alt.Tooltip("confidence:N", title="Confidence"),
            alt.Tooltip("source:N", title="Source"),
        ],
    ).encode(color=vote_color(legend_columns=1)).properties(
        width=alt.Step(strip_step), height=alt.Step(step),
                 title=alt.TitleParams("Their votes", anchor="start", fontSize=13))
    return alt.hconcat(
        heatmap, strip, spacing=16,
        title=alt.TitleParams(
            "How often these states voted the same way",
            subtitle=wrap_lines(f"On {_resolutions_phrase(ids)}; non-voting and unknown votes "
                                "are left out, an abstention counts as a position."),
            anchor="start", fontSize=15,
        ),
        description=_agreement_description(pairs, ids),
    ).resolve_scale(color="independent")
