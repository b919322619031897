"""The vote comparer: how states moved between two votes, as a table and a chart."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

import ipywidgets as widgets
import pandas as pd

from ..errors import UngaTeachError
from ..html import SafeHTML, escape, html_table, vote_badge
from ..widget_text import TextHTML
from .panel import (
    CONFIDENCE_WORDS,
    UNKNOWN_RULE_MANY,
    Panel,
    friendly_error,
    table_rows,
    unknown_rule_note,
)
from .vote_menus import official_note, resolution_options, series_id, vote_menu, vote_selection

__all__ = ["VoteComparer", "vote_comparer"]

_log = logging.getLogger(__name__)


def _in_kernel() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipywidgets
        return False
    ip = get_ipython()
    return ip is not None and getattr(ip, "kernel", None) is not None


def _show_spec(out: widgets.Output, spec: dict[str, Any]) -> None:
    """Draw a ready Vega-Lite 5 spec into ``out`` (no re-validation; kernel only).

    The spec was validated when its template was built, so the redraw costs a
    few milliseconds instead of a full Altair validation.
    """
    if not _in_kernel():
        return
    from IPython.display import display

    out.clear_output(wait=True)
    with out:
        display({"application/vnd.vegalite.v5+json": spec, "text/plain": "<shift chart>"},
                raw=True)


def _states_cell(value: Any, names: dict[str, str]) -> SafeHTML:
    """State names (from ISO3 codes) for a transitions row; long lists fold away."""
    if isinstance(value, str):
        codes = [value] if value else []
    elif isinstance(value, Iterable):
        codes = [str(v) for v in value]
    else:
        codes = []
    shown = sorted(names.get(c, c) for c in codes)
    text = escape(", ".join(shown))
    if len(shown) <= 12:
        return SafeHTML(text)
    return SafeHTML(f"<details><summary>show {len(shown)} states</summary>{text}</details>")


def _confidence_summary(value: Any, a: str, b: str,
                        sure: dict[str, dict[str, str]]) -> str:
    """'ES-11/7: 93 confirmed; 2026: 80 reported, 3 derived' for a transitions row."""
    if isinstance(value, str):
        codes = [value] if value else []
    elif isinstance(value, Iterable):
        codes = [str(v) for v in value]
    else:
        codes = []
    parts = []
    for rid in dict.fromkeys((a, b)):
        counts: dict[str, int] = {}
        for code in codes:
            level = sure[rid].get(code, "none")
            counts[level] = counts.get(level, 0) + 1
        order = {lvl: i for i, lvl in enumerate(CONFIDENCE_WORDS)}
        text = ", ".join(f"{n} {'no source' if lvl == 'none' else lvl}" for lvl, n in
                         sorted(counts.items(), key=lambda kv: order.get(kv[0], 99)))
        parts.append(f"{rid}: {text}")
    return "; ".join(parts)


class VoteComparer(Panel):
    """How states moved between two votes of the series (see :func:`vote_comparer`).

    Attributes
    ----------
    res_a, res_b : ipywidgets.Dropdown
    table_html : ipywidgets.HTML
        The transitions table.
    chart : altair.Chart or None
        The shift chart for the current pair.
    chart_output : ipywidgets.Output
        Where the chart is drawn in a notebook.
    table : pandas.DataFrame or None
        :func:`unga_teach.transitions` for the current pair.
    error_html : ipywidgets.HTML
    """

    css_class = "ut-vote-comparer"

    def __init__(self, res_a: object = "ES-11/7", res_b: object = "2026", *,
                 votes: object = None) -> None:
        super().__init__()
        self.votes: list[str] | None = vote_selection(votes)
        default_pair = (res_a, res_b) == ("ES-11/7", "2026")
        if self.votes is not None and default_pair and not {"ES-11/7", "2026"} <= set(
                self.votes):
            res_a, res_b = self.votes[0], self.votes[min(1, len(self.votes) - 1)]
        menu = vote_menu(self.votes, [res_a, res_b])
        options = resolution_options(menu)
        layout = widgets.Layout(width="min(560px, 100%)")
        self.res_a = widgets.Dropdown(options=options, value=series_id(res_a, menu),
                                      description="From:", layout=layout)
        self.res_b = widgets.Dropdown(options=options, value=series_id(res_b, menu),
                                      description="To:", layout=layout)
        self.table_html = TextHTML("")
        self.chart_output = widgets.Output()
        self.chart_spec: dict[str, Any] | None = None
        self.table: pd.DataFrame | None = None
        update = self._guard(self.update)
        self.res_a.observe(lambda _change: update(), names="value")
        self.res_b.observe(lambda _change: update(), names="value")
        self.children = [self.res_a, self.res_b, self.error_html, self.chart_output,
                         self.table_html]
        update()

    def update(self) -> None:
        """Recompute the table and chart for the selected pair."""
        from ..analysis import transitions

        a, b = str(self.res_a.value), str(self.res_b.value)
        self.table = None
        self.chart_spec = None
        table = transitions(a, b).reset_index(drop=True)
        self.table = table
        from_v = table["from_vote"].astype(str)
        to_v = table["to_vote"].astype(str)
        known = (from_v != "unknown") & (to_v != "unknown")
        changed = int(table.loc[known & (from_v != to_v), "count"].sum())
        same = int(table.loc[known & (from_v == to_v), "count"].sum())
        unknown = int(table.loc[~known, "count"].sum())
        from ..members import member_names
        from ..votes import load_votes

        names = member_names()
        sure = {rid: dict(zip(v["iso3"].astype(str), v["confidence"].astype(str), strict=True))
                for rid, v in ((a, load_votes(a)), (b, load_votes(b)))}
        nonzero = table[table["count"] > 0]
        shown = table_rows({
            "from": [vote_badge(v) for v in nonzero["from_vote"].astype(str)],
            "to": [vote_badge(v) for v in nonzero["to_vote"].astype(str)],
            "count": nonzero["count"].astype(int).tolist(),
            "states": [_states_cell(s, names) for s in nonzero["states"]],
            "sure": [_confidence_summary(s, a, b, sure) for s in nonzero["states"]],
        })
        note = ("<p>Both menus show the same vote: every state keeps its position.</p>"
                if a == b else "")
        self.table_html.value = (
            note
            + f"<p>From {escape(a)} to {escape(b)}: <b>{changed}</b> states changed position, "
            f"<b>{same}</b> kept it, and for <b>{unknown}</b> at least one of the two votes is "
            "unknown (no source).</p>"
            + html_table(shown, {"from": f"Vote on {a}", "to": f"Vote on {b}",
                                 "count": "States", "states": "Which states",
                                 "sure": "How sure (confidence of the votes)"},
                         caption=f"How states moved from {a} to {b} (combinations with no "
                                 "state are left out)")
            + (unknown_rule_note(UNKNOWN_RULE_MANY) if unknown else "")
            + official_note(dict.fromkeys((a, b)))
            + "<p><small>Each state's sources: type its name in "
              "<code>ut.country_explorer()</code>.</small></p>"
        )
        try:
            from .. import charts

            self.chart_spec = charts.shift_chart_spec(a, b)
        except Exception as exc:  # the table above says the same; keep it
            self.last_error = exc
            _log.debug("shift chart failed", exc_info=True)
            self.error_html.value = friendly_error(UngaTeachError(
                f"The chart could not be drawn ({type(exc).__name__}: {exc}); the table "
                "below has the same information."))
            return
        _show_spec(self.chart_output, self.chart_spec)

    @property
    def chart(self) -> Any:
        """The current shift chart as an Altair chart (built on access), or None."""
        if self.chart_spec is None:
            return None
        import altair as alt

        from ..notebook import ensure_offline_renderer

        ensure_offline_renderer()
        return alt.LayerChart.from_dict(self.chart_spec, validate=False)


def vote_comparer(res_a: object = "ES-11/7", res_b: object = "2026", *,
                  votes: object = None) -> VoteComparer:
    """Compare two votes of the series: who moved from which vote to which.

    Parameters
    ----------
    res_a, res_b : str
        Two resolutions of the series (id, symbol or draft).

    Returns
    -------
    VoteComparer
        A VBox; see its attributes ``res_a``, ``res_b``, ``table_html``,
        ``table``, ``chart``, ``chart_output``, ``error_html``.

    Raises
    ------
    UngaTeachError
        For a reference that is not a resolution of the series.

    Examples
    --------
    >>> w = vote_comparer("ES-11/7", "2026")
    >>> int(w.table["count"].sum())
    193
    >>> w.res_a.value = "ES-11/1"
    >>> "ES-11/1" in w.table_html.value
    True
    """
    return VoteComparer(res_a, res_b, votes=votes)
