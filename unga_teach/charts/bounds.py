"""Known votes and their possible range, by group: a bar and a line per vote.

Examples
--------
>>> t = vote_bounds_table("2026", by=["EU"])
>>> t[["group", "vote", "known", "low", "high"]].values.tolist()[0]
['EU', 'yes', 26, 26, 26]
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from ..bounds import vote_bounds
from ..categories import RECORDED_VOTES, VOTE_LABELS
from ..groups import group_sets
from ..resolutions import resolution_info
from ..types import ResolutionRef
from ..votes import load_votes
from .style import (
    SOURCES_HINT,
    confidence_summary,
    described_table,
    inline_data,
    second_line_labels,
    vote_color,
    vote_name,
    wrap_lines,
)

#: Width of one vote's panel, in px (four panels and the group names fit 800 px).
PANEL_WIDTH = 112


def vote_bounds_table(resolution: ResolutionRef = "2026", *,
                      by: str | Sequence[str] = "un_regional_group") -> pd.DataFrame:
    """The numbers behind :func:`vote_bounds_chart`: :func:`unga_teach.vote_bounds` and more.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`unga_teach.vote_bounds`, then ``label`` (the
        vote's display label), ``possible`` (``"3 to 47"``, or the one
        number when settled) and ``how_known`` (how the ``known`` votes are
        sourced, e.g. ``"26 derived"``).

    Examples
    --------
    >>> t = vote_bounds_table("2026").set_index(["group", "vote"])
    >>> t.loc[("African States", "yes"), "possible"]
    '3 to 47'
    >>> t.loc[("African States", "no"), "possible"]
    '6'
    """
    out = vote_bounds(resolution, by=by)
    description = out.attrs["description"]
    out["label"] = [VOTE_LABELS[str(v)] for v in out["vote"]]
    out["possible"] = [str(lo) if lo == hi else f"{lo} to {hi}"
                       for lo, hi in zip(out["low"], out["high"], strict=True)]
    out["how_known"] = _how_known(resolution, by)
    return described_table(out, description)


def _how_known(resolution: ResolutionRef, by: str | Sequence[str]) -> list[str]:
    """For each (group, vote) row, in order: how its known votes are sourced."""
    info = resolution_info(resolution)
    conf: dict[str, tuple[str, str]] = {}
    if info["kind"] == "resolution":
        votes = load_votes(info["id"])
        conf = {str(i): (str(v), str(c)) for i, v, c in
                zip(votes["iso3"], votes["vote"], votes["confidence"], strict=True)}
    out = []
    for _, iso3s in group_sets(by)[1]:
        for v in RECORDED_VOTES:
            levels = [conf[i][1] for i in iso3s if i in conf and conf[i][0] == v]
            out.append(confidence_summary(levels) if levels else "no known vote")
    return out


def vote_bounds_chart(resolution: ResolutionRef = "2026", *,
                      by: str | Sequence[str] = "un_regional_group") -> alt.HConcatChart:
    """Known votes (bar) and the range the official totals allow (line), by group.

    One panel per vote (yes, no, abstain, non-voting), one row per group. The
    coloured bar counts the group's members known to have cast that vote;
    the black line runs from the smallest to the largest count possible once
    the unknown votes are placed (see :func:`unga_teach.vote_bounds`). A short
    line means the group's count is nearly settled; a long one, that the known
    votes say little about the group.

    Parameters
    ----------
    resolution : str, default "2026"
    by : str or list of str, default "un_regional_group"
        As for :func:`unga_teach.vote_bounds`.

    Returns
    -------
    altair.HConcatChart

    Examples
    --------
    >>> spec = vote_bounds_chart("2026").to_dict()
    >>> len(spec["hconcat"])
    4
    """
    table = vote_bounds_table(resolution, by=by)
    order = list(dict.fromkeys(table["group"]))
    data = table.copy()
    data["vote"] = data["vote"].astype(str)
    data["known_of"] = [f"{k} of {m}" for k, m in zip(data["n_known"], data["members"],
                                                       strict=True)]
    data["sources"] = SOURCES_HINT
    longest = max((len(g) for g in order), default=10)
    label_limit = min(230, 7 * longest + 10)
    tips = [
        alt.Tooltip("group:N", title="Group"),
        alt.Tooltip("label:N", title="Vote"),
        alt.Tooltip("known:Q", title="Known to have cast it"),
        alt.Tooltip("possible:N", title="Possible count"),
        alt.Tooltip("known_of:N", title="Members whose vote is known"),
        alt.Tooltip("how_known:N", title="Confidence"),
        alt.Tooltip("sources:N", title="Sources"),
    ]
    top = max(1, int(data["high"].max()))  # one scale for every panel: lengths compare
    panels = []
    for i, v in enumerate(RECORDED_VOTES):
        sub = data[data["vote"] == v]
        y = alt.Y("group:N", sort=order, title=None,
                  axis=alt.Axis(labelLimit=label_limit, labelExpr=second_line_labels(
                      {g: f"{k} known" for g, k in zip(data["group"], data["known_of"],
                                                       strict=True)})) if i == 0
                  else alt.Axis(labels=False, ticks=False))
        x = alt.X("known:Q", title="Member states", scale=alt.Scale(domain=[0, top], nice=True))
        base = alt.Chart(inline_data(sub)).encode(y=y)
        bar = base.mark_bar(height=16).encode(
            x=x, color=vote_color(legend=i == 0, legend_columns=5), tooltip=tips)
        rule = base.mark_rule(color="black", strokeWidth=2).encode(
            x="low:Q", x2="high:Q", tooltip=tips)
        ends = [base.mark_tick(color="black", thickness=2, size=12).encode(
            x=f"{end}:Q", tooltip=tips) for end in ("low", "high")]
        panels.append(alt.layer(bar, rule, *ends).properties(
            width=PANEL_WIDTH, height=alt.Step(28),
            title=alt.TitleParams(VOTE_LABELS[v], anchor="middle", fontSize=13)))
    return alt.hconcat(
        *panels, spacing=10,
        title=alt.TitleParams(
            wrap_lines(f"Known votes and what the unknown votes could still be, on "
                       f"{vote_name(resolution)}", 85),
            subtitle=wrap_lines("Bar: members known to have cast the vote. Line: the smallest "
                                "to largest count the official totals allow.", 110),
            anchor="start", fontSize=15,
        ),
        description=table.attrs["description"],
    )
