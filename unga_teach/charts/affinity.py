"""Line chart of :func:`unga_teach.affinity`: who votes with whom, year by year.

The chart says which votes it counts (contested votes by default) and how
many, carries each point's n (the votes compared) in its tooltip, and draws
no point that rests on fewer than :data:`~unga_teach.voting_affinity.MIN_SHARED_VOTES`
votes compared: a share of one shared vote is 0% or 100% and means nothing.

Examples
--------
>>> import unga_teach as ut, warnings
>>> ut.use_official_record(None)
>>> with warnings.catch_warnings():
...     warnings.simplefilter("ignore")  # session 68: one vote, not drawn
...     spec = affinity_chart("Brazil", votes="all", by="session").to_dict()
>>> spec["title"]["subtitle"][0].split(", of")[0]
'Counted: all 11 recorded votes'

"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Sequence
from typing import Literal

import altair as alt
import numpy as np
import pandas as pd

from ..errors import UngaTeachError
from ..members import chart_name
from ..notebook import offline_chart
from ..types import CountryRef
from ..voting_affinity import (
    DEFAULT_REFERENCES,
    KAPPA_RULE,
    MIN_SHARED_VOTES,
    Period,
    VoteSelection,
    affinity,
    rule_text,
)
from .style import inline_data, wrap_lines

#: Line colours of the reference states: the Okabe-Ito colours the vote scale
#: does not use (black, bluish green, sky blue), so a reference line is never
#: mistaken for a vote colour. A dash pattern and a point shape tell them
#: apart too.
REFERENCE_COLORS: tuple[str, ...] = ("#000000", "#009E73", "#56B4E9")
_DASHES: tuple[list[int], ...] = ([1, 0], [6, 3], [2, 2])
_SHAPES: tuple[str, ...] = ("circle", "square", "triangle-up")
_MAX_CHART_REFERENCES = len(REFERENCE_COLORS) * len(_DASHES)

Measure = Literal["agreement", "kappa"]


def _with_gap_years(data: pd.DataFrame) -> pd.DataFrame:
    """Add empty rows for the years with no recorded vote, so that the lines break there.

    The chart's x axis is in years: a line from 2014 straight to 2022 would
    suggest votes in between. The rows added have no agreement and are not
    drawn; they are not in :func:`affinity`'s result.
    """
    years = data["year"].astype(int)
    missing = sorted(set(range(int(years.min()), int(years.max()) + 1)) - set(years))
    if not missing:
        return data
    keys = data[["state", "reference", "state_name", "reference_name"]].drop_duplicates()
    gaps = keys.merge(pd.DataFrame({"year": missing}), how="cross")
    gaps["agreement"], gaps["kappa"], gaps["votes"] = np.nan, np.nan, 0
    out = pd.concat([data, gaps[data.columns]], ignore_index=True)
    return out.sort_values(["state", "reference", "year"], kind="stable", ignore_index=True)


def _check_min_votes(min_votes: object) -> int:
    if isinstance(min_votes, bool) or not isinstance(min_votes, (int, np.integer)) \
            or int(min_votes) < MIN_SHARED_VOTES:
        raise UngaTeachError(
            f"affinity_chart draws no point from fewer than {MIN_SHARED_VOTES} votes compared "
            f"(min_votes={min_votes!r}): a share of one or two shared votes is 0% or 100% "
            "and misleads. The numbers of any period, with their n, are in "
            "ut.affinity_table(...)."
        )
    return int(min_votes)


def _hide_thin(tidy: pd.DataFrame, min_votes: int) -> tuple[pd.DataFrame, int]:
    """``tidy`` with the figures of periods under ``min_votes`` set to NaN, and how many."""
    thin = (tidy["votes"] > 0) & (tidy["votes"] < min_votes)
    data = tidy.copy()
    data.loc[thin, ["agreement", "kappa"]] = np.nan
    return data, int(thin.sum())


@offline_chart
def affinity_chart(
    state: CountryRef | Sequence[CountryRef],
    *,
    against: CountryRef | Iterable[CountryRef] = DEFAULT_REFERENCES,
    votes: VoteSelection = "contested",
    by: Period = "year",
    measure: Measure = "agreement",
    include_abstain: bool = True,
    min_votes: int = MIN_SHARED_VOTES,
) -> alt.VConcatChart:
    """Line chart of :func:`affinity`: one line per reference state, one panel per state.

    The subtitle says which votes are counted (contested votes by default)
    and how many, the record used and the rule. Each point's tooltip gives
    the agreement, kappa and n (the votes compared). A period with fewer
    than ``min_votes`` votes compared is not drawn (a :class:`UserWarning`
    says how many were left out); neither is a period with no comparable
    vote or no recorded vote: gaps in the line, never zeros. Lines differ by
    colour (Okabe-Ito colours the vote scale does not use), dash and point
    shape; the legend is below the chart, which fits 800 px.
    ``chart.description`` is the text alternative (also
    :func:`affinity_table`'s ``attrs["description"]``).

    Parameters
    ----------
    state, against, votes, by, include_abstain
        As for :func:`affinity`; at most 9 reference states.
    measure : {"agreement", "kappa"}, default "agreement"
        The share of votes cast the same way, or Cohen's kappa (agreement
        beyond chance, from -1 to 1).
    min_votes : int, default 5
        The fewest votes compared for a point to be drawn; at least
        :data:`~unga_teach.voting_affinity.MIN_SHARED_VOTES`.

    Raises
    ------
    UngaTeachError
        More than 9 references, a ``min_votes`` under the minimum, a bad
        ``measure``, or no period with enough votes compared to draw.

    Examples
    --------
    >>> import unga_teach as ut, warnings
    >>> ut.use_official_record(None)
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter("always")
    ...     spec = ut.affinity_chart("Brazil", votes="all", by="session").to_dict()
    >>> spec["vconcat"][0]["layer"][0]["encoding"]["color"]["scale"]["range"]
    ['#000000', '#009E73', '#56B4E9']
    >>> "fewer than 5 votes compared" in str(w[0].message)
    True
    >>> ut.affinity_chart("Brazil")  # the course's 5 contested votes: too few a year
    Traceback (most recent call last):
    ...
    unga_teach.errors.UngaTeachError: no year has 5 or more ...
    """
    if measure not in ("agreement", "kappa"):
        raise UngaTeachError(f"measure must be 'agreement' or 'kappa', not {measure!r}.")
    min_votes = _check_min_votes(min_votes)
    tidy = affinity(state, against=against, votes=votes, by=by,
                    include_abstain=include_abstain, min_votes=1)
    names = {code: chart_name(n) for code, n in tidy.attrs["names"].items()}  # short labels
    refs = list(dict.fromkeys(tidy["reference"].astype(str)))
    if len(refs) > _MAX_CHART_REFERENCES:
        raise UngaTeachError(
            f"affinity_chart draws at most {_MAX_CHART_REFERENCES} reference states "
            f"({len(refs)} given); use affinity() or affinity_table() for more."
        )
    shown, hidden = _hide_thin(tidy, min_votes)
    if shown[measure].notna().sum() == 0:
        raise UngaTeachError(
            f"no {by} has {min_votes} or more votes compared for these states "
            f"(counted: {tidy.attrs['selection']}; the most in one {by}: "
            f"{int(tidy['votes'].max()) if len(tidy) else 0}). Use votes='all', by='session', "
            "an official UN file with more votes, or read the numbers with their n in "
            "ut.affinity_table(...)."
        )
    if hidden:
        warnings.warn(
            f"affinity_chart: {hidden} point(s) rest on fewer than {min_votes} votes compared "
            "and are not drawn; their numbers, with n, are in ut.affinity_table(...).",
            UserWarning, stacklevel=2)
    return _draw(tidy, shown, names, refs, by, measure, include_abstain, min_votes, hidden)


def _draw(tidy: pd.DataFrame, shown: pd.DataFrame, names: dict[str, str], refs: list[str],
          by: str, measure: str, include_abstain: bool, min_votes: int,
          hidden: int) -> alt.VConcatChart:
    ref_names = [names[r] for r in refs]
    n_c = len(REFERENCE_COLORS)
    colors = [REFERENCE_COLORS[i % n_c] for i in range(len(refs))]
    dashes = [_DASHES[(i // n_c + i % n_c) % len(_DASHES)] if len(refs) > n_c else [1, 0]
              for i in range(len(refs))]
    shapes = [_SHAPES[(i // n_c) % len(_SHAPES)] if len(refs) > n_c else _SHAPES[i % 3]
              for i in range(len(refs))]
    data = shown.copy()
    data["state_name"] = data["state"].map(names)
    data["reference_name"] = data["reference"].map(names)
    if by == "year":
        data = _with_gap_years(data)
    for col in ("agreement", "kappa"):
        data[col] = [None if pd.isna(v) else float(v) for v in data[col]]
    long_names = max(len(n) for n in ref_names) > 28
    legend = alt.Legend(orient="bottom", title="Agreement with", titleOrient="left",
                        labelLimit=320 if long_names else 220, symbolStrokeWidth=2,
                        columns=min(len(refs), 2 if long_names else 3))
    color = alt.Color("reference_name:N", sort=ref_names, title="Agreement with",
                      scale=alt.Scale(domain=ref_names, range=colors), legend=legend)
    dash = alt.StrokeDash("reference_name:N", sort=ref_names, title="Agreement with",
                          scale=alt.Scale(domain=ref_names, range=dashes), legend=legend)
    shape = alt.Shape("reference_name:N", sort=ref_names, title="Agreement with",
                      scale=alt.Scale(domain=ref_names, range=shapes), legend=legend)
    if by == "year":
        x = alt.X("year:Q", title="Year", scale=alt.Scale(zero=False, nice=False, padding=8),
                  axis=alt.Axis(format="d", tickMinStep=1, labelOverlap=True))
    else:
        order = list(dict.fromkeys(tidy["session"].astype(str)))
        x = alt.X("session:O", title="Session", sort=order,
                  axis=alt.Axis(labelAngle=-90 if len(order) > 12 else 0, labelOverlap=True))
    tips = [
        alt.Tooltip("state_name:N", title="State"),
        alt.Tooltip("reference_name:N", title="Agreement with"),
        alt.Tooltip("year:Q", title="Year", format="d") if by == "year"
        else alt.Tooltip("session:N", title="Session"),
        alt.Tooltip("agreement:Q", title="Agreement", format=".0%"),
        alt.Tooltip("kappa:Q", title="Kappa", format=".2f"),
        alt.Tooltip("votes:Q", title="n (votes compared)"),
    ]
    if measure == "agreement":
        y = alt.Y("agreement:Q", title="Share of votes cast the same way",
                  scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%"))
    else:
        y = alt.Y("kappa:Q", title="Kappa (agreement beyond chance)",
                  scale=alt.Scale(domain=[-1, 1]), axis=alt.Axis(format=".1f"))
    panels = []
    state_codes = list(dict.fromkeys(tidy["state"].astype(str)))
    many_periods = tidy[by].nunique() > 40
    for code in state_codes:
        base = alt.Chart(inline_data(data[data["state"] == code])).encode(x=x, y=y)
        line = base.mark_line(strokeWidth=2).encode(color=color, strokeDash=dash, tooltip=tips)
        points = base.mark_point(filled=True, size=18 if many_periods else 45, opacity=1).encode(
            color=color, shape=shape, tooltip=tips)
        panels.append(alt.layer(line, points).properties(
            width=600, height=220,
            title=alt.TitleParams(f"{names[code]}", anchor="start", fontSize=13)))
    a = tidy.attrs
    where = ("in the official UN file" if a["record"] == "official" else
             "of the course on Ukraine only (set an official UN file for the full record)")
    counted = f"Counted: {a['selection']}, {where}."
    n_line = (f"n (votes compared) is in each point's tooltip; points from fewer than "
              f"{min_votes} votes compared are not drawn"
              + (f" ({hidden} left out)." if hidden else "."))
    rule = rule_text(include_abstain) if measure == "agreement" else KAPPA_RULE
    heading = ("How often " if measure == "agreement" else "Agreement beyond chance (kappa): ")
    return alt.vconcat(
        *panels,
        title=alt.TitleParams(
            wrap_lines(heading + ", ".join(names[c] for c in state_codes)
                       + " voted with " + ", ".join(ref_names) + f", per {by}", width=80),
            subtitle=[*wrap_lines(counted), *wrap_lines(n_line),
                      *wrap_lines(rule + " Gaps: no comparable vote, or no vote that "
                                  f"{by}.")],
            anchor="start", fontSize=15,
        ),
        description=a["description"],
    ).resolve_scale(color="shared", strokeDash="shared", shape="shared")
