"""Shared look of the charts: the vote colours, labels, titles and tooltip helpers.

Every chart module of :mod:`unga_teach.charts` draws votes with
:func:`vote_color` (one fixed, colour-blind-safe scale, ``unknown`` always
grey), inlines its data with :func:`inline_data` (no URLs) and wraps long
titles with :func:`wrap_lines`.

Examples
--------
>>> vote_color_scale().to_dict()["range"][-1] == VOTE_COLORS["unknown"]
True
"""

from __future__ import annotations

import json
import textwrap
from collections import Counter
from collections.abc import Iterable
from typing import Any, Literal

import altair as alt
import pandas as pd

from ..categories import VOTE_COLORS, VOTE_LABELS, VOTE_ORDER
from ..members import member_names
from ..resolutions import resolution_info
from ..types import ResolutionRef
from ..votes import load_votes

_ORDER_INDEX = {v: i for i, v in enumerate(VOTE_ORDER)}


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
    field: str = "vote", title: str = "Vote", legend: bool = True, legend_columns: int = 5,
    legend_orient: Literal["bottom", "top"] = "bottom",
) -> alt.Color:
    """Colour encoding of a vote field with the fixed scale and labelled legend.

    The legend sits under the chart (or above it, ``legend_orient="top"``), in
    one row (a legend on the right would push the chart past an 800-px
    notebook area).

    Examples
    --------
    >>> vote_color().to_dict()["legend"]["orient"]
    'bottom'
    """
    return alt.Color(
        f"{field}:N",
        scale=vote_color_scale(),
        title=title,
        legend=alt.Legend(labelExpr=vote_label_expr(), orient=legend_orient,
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


def second_line_labels(second: dict[str, str]) -> str:
    """A Vega ``labelExpr`` that adds a second line under chosen axis labels.

    Used to put "10 of 54 known" under each group's name, so every group
    figure on a chart says how much of the group it rests on.

    Examples
    --------
    >>> second_line_labels({"EU": "27 of 27 known"})
    'datum.value === "EU" ? ["EU", "27 of 27 known"] : (datum.value)'
    """
    expr = "datum.value"
    for label, line in second.items():
        expr = (f"datum.value === {json.dumps(label)} ? "
                f"[{json.dumps(label)}, {json.dumps(line)}] : ({expr})")
    return expr


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


def short_label(rid: str) -> str:
    """A short axis label for a vote: its id and month.

    Examples
    --------
    >>> short_label("ES-11/7")
    'ES-11/7 (Feb 2025)'
    """
    info = resolution_info(rid)
    return f"{rid} ({info['date']:%b %Y})"


def described_table(frame: pd.DataFrame, description: str) -> pd.DataFrame:
    """A chart's text table: ``frame`` renumbered, with ``attrs["description"]`` set.

    Examples
    --------
    >>> described_table(pd.DataFrame({"a": [1]}), "One row.").attrs["description"]
    'One row.'
    """
    frame = frame.reset_index(drop=True)
    frame.attrs["description"] = description
    return frame


def state_names(iso3s: Iterable[str], limit: int = 40) -> str:
    """Names of states, comma-separated, for tooltips (long lists shortened).

    Examples
    --------
    >>> state_names(["FRA", "BRA"])
    'Brazil, France'
    """
    m = member_names()
    names = sorted(m.get(i, i) for i in iso3s)
    if len(names) > limit:
        return ", ".join(names[:limit]) + f", … and {len(names) - limit} more"
    return ", ".join(names)


def confidence_by_state(resolution: ResolutionRef) -> dict[str, str]:
    """``{iso3: confidence}`` for one vote (``none`` when unknown).

    Examples
    --------
    >>> len(confidence_by_state("2026"))
    193
    """
    votes = load_votes(resolution)
    return dict(zip(votes["iso3"].astype(str), votes["confidence"].astype(str), strict=True))


def confidence_summary(levels: Iterable[str]) -> str:
    """How a set of votes is known, in words: ``"23 derived, 16 reported"``.

    Examples
    --------
    >>> confidence_summary(["reported", "derived", "reported", "none"])
    '2 reported, 1 derived, 1 no source'
    """
    from ..categories import CONFIDENCE_ORDER

    counts = Counter(str(level) for level in levels)  # a plain count: called per table row
    parts = [f"{counts[c]} {'no source' if c == 'none' else c}"
             for c in CONFIDENCE_ORDER if c in counts]
    return ", ".join(parts) if parts else "none"


#: Tooltip line saying where the per-state sources are.
SOURCES_HINT = "per state: vote_map_table() or load_votes() (source_url)"


#: Votes whose colour is light enough to need dark text on top.
_DARK_TEXT_VOTES = ("abstain", "non_voting", "unknown")


def text_color(field: str = "vote") -> Any:
    """Black text on light vote colours, white on dark ones.

    Examples
    --------
    >>> text_color()["value"], text_color()["condition"]["value"]
    ('white', 'black')
    """
    test = " || ".join(f"datum.{field} === '{v}'" for v in _DARK_TEXT_VOTES)
    return alt.condition(test, alt.value("black"), alt.value("white"))


def stack_votes(frame: pd.DataFrame, by: str, value: str = "count") -> pd.DataFrame:
    """Add ``start``/``end`` columns stacking ``value`` in vote order within ``by``.

    Examples
    --------
    >>> f = pd.DataFrame({"g": ["a", "a"], "vote": ["no", "yes"], "count": [2, 3]})
    >>> stack_votes(f, "g")[["vote", "start", "end"]].values.tolist()
    [['yes', 0, 3], ['no', 3, 5]]
    """
    frame = frame.copy()
    frame["order"] = frame["vote"].map(_ORDER_INDEX)
    frame = frame.sort_values([by, "order"], kind="stable")
    frame["end"] = frame.groupby(by, sort=False)[value].cumsum()
    frame["start"] = frame["end"] - frame[value]
    frame["mid"] = (frame["start"] + frame["end"]) / 2
    return frame
