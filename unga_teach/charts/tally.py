"""The result of one vote: official totals, the majority arithmetic, data coverage.

Examples
--------
>>> tally_table("2026").attrs["description"] == tally_chart("2026").description
True
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..analysis import majority_explanation, passes, tally, votes_needed
from ..categories import RECORDED_VOTES, VOTE_LABELS, VOTE_ORDER
from ..notebook import offline_chart
from ..resolutions import resolution_info
from ..types import MajorityRule, ResolutionRef
from ..votes import load_votes
from .style import (
    SOURCES_HINT,
    confidence_by_state,
    confidence_summary,
    described_table,
    inline_data,
    stack_votes,
    text_color,
    vote_color,
    vote_label_expr,
    vote_name,
    wrap_lines,
)


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
    return described_table(frame, _tally_description(resolution, rule))


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


@offline_chart
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
    official = stack_votes(official, "row")
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
    ).encode(x=alt.X("end:Q", scale=x_total), text="count:Q", color=text_color())
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
    known_how = confidence_by_state(resolution)
    votes_now = load_votes(resolution)
    cover["how_known"] = [
        confidence_summary(known_how[i] for i in votes_now.loc[votes_now["vote"] == v, "iso3"])
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
