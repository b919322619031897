"""How often pairs of states voted the same way (a heatmap beside their votes).

Examples
--------
>>> agreement_table(["France", "Russia"], ["ES-11/1"])["compared"].tolist()
[1]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import altair as alt
import pandas as pd

from ..analysis import agreement_pairs, resolution_ids, votes_by_state
from ..categories import VOTE_LABELS
from ..members import chart_name
from ..notebook import offline_chart
from ..resolutions import resolution_info, series
from ..types import CountryRef, ResolutionRef
from ..votes import load_votes
from .style import described_table, inline_data, short_label, vote_color, vote_name, wrap_lines


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
    return described_table(out, _agreement_description(pairs, ids))


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


@offline_chart
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
    full = agreement_pairs(countries, resolutions)  # the description keeps the UN names
    pairs = full.copy()
    for col in ("name_a", "name_b"):  # labels: short names ("United Kingdom")
        pairs[col] = [chart_name(str(n)) for n in pairs[col]]
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
    x_label = {r: short_label(r) for r in ids}
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
        description=_agreement_description(full, ids),
    ).resolve_scale(color="independent")
