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
  JupyterLab 4's built-in Vega-Lite 5.6 renderer draws;
- renders offline whether or not ``ut.setup_notebook()`` ran
  (:func:`unga_teach.notebook.ensure_offline_renderer`).

One module per concept: :mod:`~unga_teach.charts.style` (colours, labels,
shared helpers), :mod:`~unga_teach.charts.tally`,
:mod:`~unga_teach.charts.groups`, :mod:`~unga_teach.charts.trend`,
:mod:`~unga_teach.charts.shift`, :mod:`~unga_teach.charts.agreement`,
:mod:`~unga_teach.charts.bounds` and :mod:`~unga_teach.charts.affinity`.
Every public name is importable from here, as before the split.

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

from .affinity import affinity_chart
from .agreement import agreement_chart, agreement_table
from .bounds import vote_bounds_chart, vote_bounds_table
from .groups import GROUP_COLUMNS, group_chart, group_table
from .shift import shift_chart, shift_chart_spec, shift_table
from .style import (
    SOURCES_HINT,
    inline_data,
    vote_color,
    vote_color_scale,
    vote_label_expr,
    vote_name,
    wrap_lines,
)
from .tally import tally_chart, tally_table
from .trend import trend_chart, trend_table

__all__ = [
    "GROUP_COLUMNS",
    "SOURCES_HINT",
    "affinity_chart",
    "agreement_chart",
    "agreement_table",
    "group_chart",
    "group_table",
    "inline_data",
    "shift_chart",
    "shift_chart_spec",
    "shift_table",
    "tally_chart",
    "tally_table",
    "trend_chart",
    "trend_table",
    "vote_bounds_chart",
    "vote_bounds_table",
    "vote_color",
    "vote_color_scale",
    "vote_label_expr",
    "vote_name",
    "wrap_lines",
]
