"""One renderer for every table a learner reads: ``ut.show_table(frame)``.

:func:`show_table` turns a DataFrame or a Series (a ``value_counts()``, say)
into a :class:`Table`: an object the notebook displays as an accessible HTML
table (``_repr_html_``) and a terminal as aligned text (``__repr__``). The
table

- is left-aligned and wraps text at spaces, so nothing a learner must read is
  cut off with "…" (ids, dates, numbers and short codes never wrap);
- escapes every cell, header and caption; shows http(s) addresses as
  "source" links whose text is the host (``news.un.org``), any other address
  as plain text;
- shows votes as coloured labels with their name, dates as ``24 Feb 2026``,
  shares as percentages (``89.9%``), other fractions to two decimals, lists as
  comma-separated text, and no dtype footer and no index unless the index has
  a name;
- sorts names as a reader expects, ignoring accents and case (``Türkiye``
  sorts as ``turkiye``: after Tunisia, before Turkmenistan and Tuvalu), see
  :func:`name_sort_key`;
- folds a long table: the first rows stay visible and the rest sit in a
  ``<details>`` element ("Show all 193 rows") that needs no script.

Why plain HTML and not itables (measured with itables 2.9.1)
-------------------------------------------------------------
JupyterLab 4 sanitises the HTML of every *untrusted* output, and a notebook
is untrusted whenever its outputs were not produced in the reader's own
session: executed by nbval, downloaded, or handed out by an instructor. The
sanitiser removes ``<script>``, ``<style>`` and ``id`` attributes but keeps
``style`` attributes (``text-align``, ``white-space``, ``word-break``,
``overflow-wrap``, ``width`` ...) and ``<details>``/``<summary>``.

- itables' offline mode embeds a 619 KB script bundle (``dt_bundle.js``) in
  the notebook, and each of its tables is an *empty* ``<table id=...>`` that
  a ``<script type="module">`` fills in. Untrusted, the learner sees an empty
  table; nbval's saved outputs would be unreadable too.
- ``itables.widget.ITable`` adds anywidget and needs a running kernel: a saved
  notebook shows no table at all until it is run again.
- This module's tables use inline styles only, so they look the same trusted
  or not, in JupyterLab, in an exported HTML file and in the browser test,
  and they make no network request. The price: no live filter box and no
  paging (both need a script). Long tables are folded instead, and the
  browser's or JupyterLab's find (Ctrl+F) searches them.

Examples
--------
>>> import pandas as pd
>>> t = show_table(pd.DataFrame({"name": ["Tuvalu", "Türkiye", "Turkmenistan"],
...                              "share": [0.5, 0.25, 1.0]}), caption="Demo", sort_by="name")
>>> t.frame["name"].tolist()
['Türkiye', 'Turkmenistan', 'Tuvalu']
>>> print(t)
Demo (3 rows)
State          Share
Türkiye        25.0%
Turkmenistan  100.0%
Tuvalu         50.0%
>>> "<caption" in t._repr_html_() and "dtype" not in t._repr_html_()
True
"""

from __future__ import annotations

import datetime
import math
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

from .categories import VOTE_COLORS, VOTE_LABELS
from .errors import UngaTeachError
from .html import escape, link, safe_url, vote_badge
from .labels import COLUMN_LABELS, column_label, shown_by_default, value_word

__all__ = ["Table", "TableError", "name_sort_key", "show_table"]

#: Columns that hold a country's name: re-sorted the way a reader expects when
#: the table arrives sorted letter by letter (codepoint order).
NAME_COLUMNS: tuple[str, ...] = ("name", "country", "state", "speaker_state", "name_a")

#: Column labels used when the caller gives none (one mapping, in :mod:`unga_teach.labels`).
DEFAULT_LABELS: dict[str, str] = COLUMN_LABELS

#: Text columns whose longest value is at most this long never wrap (ids, codes, dates).
NOWRAP_MAX = 16

#: At most this many rows are sent to the notebook (HTML or text); a longer table
#: says how many rows are not shown (100,000 rows would be about 28 MB of HTML).
MAX_SHOWN_ROWS = 2000

#: ``decimals`` accepts whole numbers from 0 to this.
MAX_DECIMALS = 12

#: A word longer than this (a URL in a note) may break anywhere rather than widen the table.
LONG_WORD = 30

#: The output width the fixed layouts are planned for (an 800 px notebook area
#: less the prompt column; wider areas scale up, as widths are percentages), and
#: rough text widths at JupyterLab's 13 px font.
TARGET_PX = 680.0
CHAR_PX = 7.2
HEAD_CHAR_PX = 8.0
BADGE_CHAR_PX = 8.0
BADGE_PAD_PX = 14.0
PAD_PX = 18.0

_TABLE_CSS = ("border-collapse:collapse;margin:4px 0 12px 0;width:auto;max-width:100%;"
              "table-layout:auto")
_FIXED_CSS = ("border-collapse:collapse;margin:4px 0 12px 0;width:{width};max-width:100%;"
              "table-layout:fixed")
_CAPTION_CSS = "caption-side:top;text-align:left;font-weight:600;padding:2px 0 6px 0"
_SUMMARY_CSS = "cursor:pointer;font-weight:600;margin:2px 0 6px 0"
_CELL_CSS = "vertical-align:top;padding:3px 8px"
_HEAD_CSS = "vertical-align:bottom;padding:3px 8px;border-bottom:1px solid #888"


class TableError(UngaTeachError):
    """What was given to :func:`show_table` cannot be shown as a table."""


def name_sort_key(text: Any) -> str:
    """Return the key that sorts a name as a reader expects: accents and case ignored.

    The text is decomposed (Unicode NFKD), its combining accents dropped and
    the rest case-folded, so "Türkiye" sorts as "turkiye" and "Côte d'Ivoire"
    as "cote d'ivoire". A missing value gives ``""``.

    Parameters
    ----------
    text : object
        A name; converted with ``str``.

    Returns
    -------
    str

    Examples
    --------
    >>> name_sort_key("Türkiye"), name_sort_key("Côte d'Ivoire")
    ('turkiye', "cote d'ivoire")
    >>> sorted(["Tuvalu", "Türkiye", "Turkmenistan", "Tunisia"], key=name_sort_key)
    ['Tunisia', 'Türkiye', 'Turkmenistan', 'Tuvalu']
    """
    if _is_missing(text):
        return ""
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _is_missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _label(column: str) -> str:
    return column_label(column)


def _host(url: str) -> str:
    host = urlsplit(url.strip()).hostname or ""
    return host.removeprefix("www.")


# ------------------------------------------------------------------------ columns
@dataclass
class _Column:
    name: str
    label: str
    kind: str  # text, link, vote, date, percent, float, int, bool, list
    decimals: int = 2
    nowrap: bool = False
    breakable: bool = False  # long unbreakable words may break anywhere

    @property
    def numeric(self) -> bool:
        return self.kind in ("percent", "float", "int")

    def css(self) -> str:
        parts = [f"text-align:{'right' if self.numeric else 'left'}", _CELL_CSS]
        if self.nowrap:
            parts.append("white-space:nowrap")
        else:
            parts.append("white-space:normal;word-break:normal")
            if self.breakable:
                parts.append("overflow-wrap:anywhere")
        return ";".join(parts)

    def text(self, value: Any) -> str:
        """The cell as plain text (for ``__repr__`` and for width estimates)."""
        if _is_missing(value):
            return "" if self.kind in ("text", "link", "vote", "list") else "—"
        if self.kind == "date":
            stamp = pd.Timestamp(value)
            return f"{stamp.day} {stamp:%b %Y}"
        if self.kind == "percent":
            return f"{float(value):.{self.decimals}%}"
        if self.kind == "float":
            return f"{float(value):.{self.decimals}f}"
        if self.kind == "int":
            return str(int(value))
        if self.kind == "bool":
            return "yes" if bool(value) else "no"
        if self.kind == "list":
            return ", ".join(str(v) for v in value)
        if self.kind == "vote":
            text = str(value)
            return "" if not text else VOTE_LABELS.get(text, text)
        if self.kind == "link":
            safe = safe_url(value)
            return (_host(safe) or safe) if safe else str(value)
        return value_word(self.name, value)

    def html(self, value: Any) -> str:
        """The cell as escaped HTML."""
        if self.kind == "vote" and not _is_missing(value) and str(value):
            badge = str(vote_badge(str(value)))
            if not self.nowrap:
                badge = badge.replace("white-space:nowrap", "white-space:normal")
            return badge
        if self.kind == "link" and not _is_missing(value):
            return link(value, self.text(value))
        text = escape(self.text(value))
        if not self.nowrap and "_" in text:  # "security_guarantees" may break after "_"
            text = text.replace("_", "_<wbr>")
        return text


def _is_list_column(values: pd.Series) -> bool:
    present = [v for v in values if not _is_missing_scalar(v)]
    return bool(present) and all(isinstance(v, (list, tuple)) for v in present)


def _is_missing_scalar(value: Any) -> bool:
    return not isinstance(value, (list, tuple)) and _is_missing(value)


def _kind(name: str, values: pd.Series, percent: set[str], links: set[str]) -> str:
    dtype = values.dtype
    if name in links or (name == "url" or name.endswith("_url")):
        return "link"
    if pd.api.types.is_bool_dtype(dtype):
        return "bool"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "date"
    if pd.api.types.is_integer_dtype(dtype):
        return "int"
    if pd.api.types.is_float_dtype(dtype):
        lowered = name.lower()
        if name in percent or "share" in lowered or "percent" in lowered:
            return "percent"
        return "float"
    if _is_list_column(values):
        return "list"
    present = {str(v) for v in values if not _is_missing_scalar(v)} - {""}
    if "vote" in name.lower() and present and present <= set(VOTE_COLORS):
        return "vote"
    if present and all(isinstance(v, (pd.Timestamp, datetime.date))
                       for v in values if not _is_missing_scalar(v)):
        return "date"
    return "text"


def _columns(frame: pd.DataFrame, labels: Mapping[str, str], percent: set[str],
             links: set[str], decimals: Mapping[str, int]) -> list[_Column]:
    cols = []
    for name in frame.columns:
        key = str(name)
        kind = _kind(key, frame[name], percent, links)
        default = 1 if kind == "percent" else 2  # "89.9%", "0.73"
        col = _Column(key, labels.get(key, _label(key)), kind, decimals.get(key, default))
        texts = [col.text(v) for v in frame[name]]
        longest = max((len(t) for t in texts), default=0)
        col.nowrap = kind in ("date", "percent", "float", "int", "bool", "vote", "link") or (
            kind == "text" and longest <= NOWRAP_MAX
        )
        col.breakable = any(len(word) > LONG_WORD for t in texts for word in t.split())
        cols.append(col)
    return cols


# -------------------------------------------------------------------------- Table
@dataclass(frozen=True)
class _Layout:
    table_css: str
    col_widths: list[str] | None


@dataclass
class Table:
    """A table ready to show: HTML in a notebook, aligned text elsewhere.

    Made by :func:`show_table`; display it by making it the last expression
    of a cell.

    Attributes
    ----------
    frame : pandas.DataFrame
        The rows and columns shown, in display order, with their raw values.
    labels : dict
        Column name -> header text.
    caption : str or None
        What the table shows (a ``<caption>``).
    fold_after, preview_rows : int
        A table longer than ``fold_after`` rows shows ``preview_rows`` rows
        and folds the rest under "Show all N rows".
    """

    frame: pd.DataFrame
    labels: dict[str, str]
    caption: str | None = None
    fold_after: int = 25
    preview_rows: int = 10
    percent: set[str] = field(default_factory=set)
    links: set[str] = field(default_factory=set)
    decimals: dict[str, int] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.frame)

    @property
    def folded(self) -> bool:
        """True when the table is long enough to be folded."""
        return len(self.frame) > self.fold_after

    def _cols(self) -> list[_Column]:
        return _columns(self.frame, self.labels, self.percent, self.links, self.decimals)

    @property
    def _shown(self) -> pd.DataFrame:
        """The rows sent to the notebook (at most :data:`MAX_SHOWN_ROWS`)."""
        return self.frame.iloc[:MAX_SHOWN_ROWS]

    def _not_shown(self) -> str:
        """A line saying how many rows are not shown, or ""."""
        hidden = len(self.frame) - MAX_SHOWN_ROWS
        if hidden <= 0:
            return ""
        return (f"{hidden:,} more row(s) not shown: the table has {len(self.frame):,} rows and "
                f"at most {MAX_SHOWN_ROWS:,} are displayed. Filter or sort it first, or read "
                "them all from .frame.")

    def _title(self) -> str:
        n = len(self.frame)
        rows = f"{n} row" + ("" if n == 1 else "s")
        return f"{self.caption} ({rows})" if self.caption else f"({rows})"

    # ---------------------------------------------------------------- text
    def __repr__(self) -> str:
        cols = self._cols()
        cells = [[c.text(v) for c, v in zip(cols, row, strict=True)]
                 for row in self._shown.itertuples(index=False, name=None)]
        widths = [max([len(c.label)] + [len(r[i]) for r in cells]) for i, c in enumerate(cols)]

        def line(values: Sequence[str]) -> str:
            out = [v.rjust(w) if c.numeric else v.ljust(w)
                   for c, v, w in zip(cols, values, widths, strict=True)]
            return "  ".join(out).rstrip()

        lines = [self._title(), line([c.label for c in cols])]
        lines += [line(r) for r in cells]
        if not cells:
            lines.append("(no rows)")
        if self._not_shown():
            lines.append(self._not_shown())
        return "\n".join(lines)

    # ---------------------------------------------------------------- HTML
    def _table_html(self, cols: list[_Column], rows: list[tuple[Any, ...]], caption: str | None,
                    layout: _Layout) -> str:
        parts = [f'<table class="ut-table" style="{layout.table_css}">']
        if caption:
            parts.append(f'<caption style="{_CAPTION_CSS}">{escape(caption)}</caption>')
        if layout.col_widths:
            parts.append("<colgroup>")
            parts.extend(f'<col style="width:{w}">' for w in layout.col_widths)
            parts.append("</colgroup>")
        parts.append("<thead><tr>")
        parts.extend(
            f'<th scope="col" style="text-align:{"right" if c.numeric else "left"};{_HEAD_CSS}">'
            f"{escape(c.label)}</th>"
            for c in cols
        )
        parts.append("</tr></thead><tbody>")
        styles = [c.css() for c in cols]
        for row in rows:
            parts.append("<tr>")
            parts.extend(f'<td style="{s}">{c.html(v)}</td>'
                         for c, s, v in zip(cols, styles, row, strict=True))
            parts.append("</tr>")
        if not rows:
            parts.append(f'<tr><td colspan="{max(len(cols), 1)}" style="text-align:left;'
                         f'{_CELL_CSS}">No rows.</td></tr>')
        parts.append("</tbody></table>")
        return "".join(parts)

    def _layout(self, cols: list[_Column]) -> _Layout:
        """Column widths: the browser's own when the table fits, ours when text must wrap.

        A browser's automatic layout gives a long text column (a summary)
        too little room next to short columns that must not wrap, so a table
        wider than :data:`TARGET_PX` gets fixed widths: every unwrappable
        column its full width, each wrapping column at least its longest word,
        and the rest shared by how much text each holds. A folded table
        always gets fixed widths, so its two halves line up.
        """
        full = self._full_widths(cols)
        if sum(full) <= TARGET_PX:  # nothing needs to wrap
            if not self.folded:
                return _Layout(_TABLE_CSS, None)
            return _Layout(_FIXED_CSS.format(width=f"{sum(full):.0f}px"),
                           [f"{w:.0f}px" for w in full])
        if sum(w for c, w in zip(cols, full, strict=True) if c.nowrap) > TARGET_PX / 2:
            for c in cols:  # too little room left for text: let vote labels wrap too
                if c.kind == "vote":
                    c.nowrap = False
        wrap = [i for i, c in enumerate(cols) if not c.nowrap]
        need = [w if c.nowrap else self._longest_word_px(c)
                for c, w in zip(cols, full, strict=True)]
        spare = TARGET_PX - sum(need)
        if spare < 0 or not wrap:
            return _Layout(_TABLE_CSS, None)  # too many columns: let the browser decide
        # more than in proportion to its text: one long column (a summary) gets most room
        weights = {i: min(max(self._mean_len(cols[i]), 1.0), 200.0) ** 1.5 for i in wrap}
        total_weight = sum(weights.values())
        widths = list(need)
        for i in wrap:
            widths[i] += spare * weights[i] / total_weight
        return _Layout(_FIXED_CSS.format(width="100%"),
                       [f"{100 * w / TARGET_PX:.1f}%" for w in widths])

    def _texts(self, col: _Column) -> list[str]:
        return [col.text(v) for v in self._shown[col.name]]

    @staticmethod
    def _head_px(col: _Column) -> float:
        return max((len(w) for w in col.label.split()), default=0) * HEAD_CHAR_PX

    def _full_widths(self, cols: list[_Column]) -> list[float]:
        """Each column's width in px if nothing wrapped (header words may wrap)."""
        out = []
        for c in cols:
            longest = max((len(t) for t in self._texts(c)), default=0)
            if c.kind == "vote":
                text_px = longest * BADGE_CHAR_PX + BADGE_PAD_PX
            else:
                text_px = longest * CHAR_PX
            out.append(max(text_px, self._head_px(c)) + PAD_PX)
        return out

    def _longest_word_px(self, col: _Column) -> float:
        word = max((len(w) for t in self._texts(col) for w in t.replace("_", "_ ").split()),
                   default=0)
        if col.kind == "vote":
            return max(word * BADGE_CHAR_PX + BADGE_PAD_PX, self._head_px(col)) + PAD_PX
        return max(word * CHAR_PX, self._head_px(col)) + PAD_PX

    def _mean_len(self, col: _Column) -> float:
        texts = self._texts(col)
        return sum(len(t) for t in texts) / len(texts) if texts else 0.0

    def to_html(self) -> str:
        """Return the table as HTML (what the notebook shows)."""
        cols = self._cols()
        rows = list(self._shown.itertuples(index=False, name=None))
        n = len(self.frame)
        layout = self._layout(cols)
        more = self._not_shown()
        note = f'<p class="ut-table-more">{escape(more)}</p>' if more else ""
        if not self.folded:
            table = self._table_html(cols, rows, self.caption or None, layout)
            return f'<div class="ut-table-wrap">{table}{note}</div>'
        k = self.preview_rows
        head = (f"{self.caption}: " if self.caption else "") + f"the first {k} of {n} rows"
        rest = f"Rows {k + 1} to {len(rows)} of {n}"
        summary = f"Show all {n} rows" if not more else f"Show {len(rows)} of the {n:,} rows"
        return (
            '<div class="ut-table-wrap">'
            + self._table_html(cols, rows[:k], head, layout)
            + f'<details><summary style="{_SUMMARY_CSS}">{summary}</summary>'
            + self._table_html(cols, rows[k:], rest, layout)
            + "</details>" + note + "</div>"
        )

    def _repr_html_(self) -> str:
        return self.to_html()


# --------------------------------------------------------------------- show_table
def _as_frame(data: Any, index: bool | None) -> pd.DataFrame:
    if isinstance(data, pd.Series):
        value_name = "count" if data.name is None else str(data.name)
        index_name = data.index.name if data.index.name is not None else "value"
        if value_name == index_name:
            value_name = "value"
        frame = data.rename(value_name).to_frame()
        frame.index.name = index_name
        return frame.reset_index()
    if not isinstance(data, pd.DataFrame):
        if isinstance(data, Sequence) and not isinstance(data, (str, bytes)) and (
            all(isinstance(r, Mapping) for r in data)
        ):
            return pd.DataFrame([{_valid_text(k): _valid_text(v) if isinstance(v, str) else v
                                  for k, v in r.items()} for r in data])
        raise TableError(
            f"show_table needs a pandas DataFrame, a Series or a list of dicts; "
            f"got {type(data).__name__}."
        )
    frame = data
    if isinstance(frame.columns, pd.MultiIndex):
        frame = frame.copy(deep=False)
        frame.columns = [" ".join(str(p) for p in c if str(p)) for c in frame.columns]
    _no_repeated_columns([str(c) for c in frame.columns])
    named = any(n is not None for n in frame.index.names)
    if index or (index is None and named):
        taken = {str(c) for c in frame.columns}
        names: list[str] = []
        for i, n in enumerate(frame.index.names):
            name = str(n) if n is not None else ("index" if frame.index.nlevels == 1
                                                 else f"level {i + 1}")
            while name in taken:  # an index level named like a column: keep both
                name = f"{name} (index)"
            taken.add(name)
            names.append(name)
        frame = frame.rename_axis(names).reset_index()
    return frame


def _no_repeated_columns(names: list[str]) -> None:
    """Refuse two columns with one name (which of them would a header name?)."""
    seen: set[str] = set()
    repeated = [n for n in names if n in seen or seen.add(n)]  # type: ignore[func-returns-value]
    if repeated:
        raise TableError(f"show_table: the table has more than one column named "
                         f"{', '.join(map(repr, dict.fromkeys(repeated)))}; rename them first "
                         "(e.g. frame.columns = [...]) so each header names one column.")


def _check_decimals(decimals: object) -> dict[str, int]:
    """``decimals`` as a dict of whole numbers from 0 to :data:`MAX_DECIMALS`."""
    if decimals is None:
        return {}
    if not isinstance(decimals, Mapping):
        raise TableError(f"show_table: decimals must be a dict of column -> number of "
                         f"decimals, e.g. {{'share': 1}}; got {decimals!r}.")
    out = {}
    for key, value in decimals.items():
        if isinstance(value, bool) or not isinstance(value, int | np.integer) \
                or not 0 <= int(value) <= MAX_DECIMALS:
            raise TableError(f"show_table: decimals[{str(key)!r}] must be a whole number from 0 "
                             f"to {MAX_DECIMALS}; got {value!r}.")
        out[str(key)] = int(value)
    return out


def _valid_text(value: object) -> str:
    """``str(value)`` with lone surrogates replaced (they cannot be sent as UTF-8)."""
    return str(value).encode("utf-8", "replace").decode("utf-8")


def _without_surrogates(frame: pd.DataFrame) -> pd.DataFrame:
    """Text with lone surrogates (bytes that were not UTF-8) shown with U+FFFD.

    Only object columns can hold them; a column without any is kept as it is.
    """
    def clean(value: Any) -> Any:
        if isinstance(value, str):
            return value.encode("utf-8", "replace").decode("utf-8")
        return value

    def bad(value: Any) -> bool:
        if not isinstance(value, str):
            return False
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False

    columns = [clean(str(c)) for c in frame.columns]
    changed = {}
    for col in frame.columns:
        values = frame[col]
        if values.dtype == object and any(bad(v) for v in values):
            changed[col] = values.map(clean)
    if not changed and columns == [str(c) for c in frame.columns]:
        return frame
    out = frame.assign(**{str(k): v for k, v in changed.items()}) if changed else frame
    out = out.copy(deep=False)
    out.columns = columns
    return out


def _sort(frame: pd.DataFrame, by: Sequence[str]) -> pd.DataFrame:
    def key(values: pd.Series) -> pd.Series:
        if pd.api.types.is_string_dtype(values.dtype) or values.dtype == object:
            return values.map(name_sort_key)
        return values

    return frame.sort_values(list(by), key=key, kind="stable")


def _reader_sorted(frame: pd.DataFrame) -> pd.DataFrame:
    """Re-sort a table that arrives sorted by a name column letter by letter."""
    for name in NAME_COLUMNS:
        if name not in frame.columns or len(frame) < 2:
            continue
        values = frame[name].astype("string").fillna("")
        if values.is_monotonic_increasing:
            return _sort(frame, [name])
        return frame
    return frame


def show_table(
    data: pd.DataFrame | pd.Series | Sequence[Mapping[str, Any]],
    columns: Sequence[str] | Mapping[str, str] | None = None,
    *,
    caption: str | None = None,
    sort_by: str | Sequence[str] | None = None,
    percent: Sequence[str] = (),
    decimals: Mapping[str, int] | None = None,
    links: Sequence[str] = (),
    index: bool | None = None,
    fold_after: int = 25,
    preview_rows: int = 10,
) -> Table:
    """Return a table that a learner can read: wrapped, left-aligned, escaped, never cut off.

    Parameters
    ----------
    data : pandas.DataFrame, pandas.Series or list of dict
        The rows. A Series (e.g. ``value_counts()``) becomes two columns: its
        index and its values.
    columns : list of str or dict, optional
        The columns to show, in order; a dict maps each column to its header
        (e.g. ``{"speaker_state": "State", "summary": "What was said"}``).
        By default all columns but those that only repeat another in other
        words (``label`` next to ``vote``), headed by the package's labels
        (:data:`unga_teach.labels.COLUMN_LABELS`: ``share_of_present_and_voting``
        -> "Share of present and voting"), or the name in words for other
        columns. Labels given here win. Stored codes read as words
        (``none`` -> "no source", :data:`unga_teach.labels.VALUE_WORDS`).
    caption : str, optional
        What the table shows, above it.
    sort_by : str or list of str, optional
        Sort by these columns; text is compared as :func:`name_sort_key`
        (accents and case ignored). By default the given order is kept,
        except that a table sorted letter by letter on a name column
        (``name``, ``country``, ...) is re-sorted the way a reader expects.
    percent : list of str, optional
        Fraction columns to show as percentages; columns whose name contains
        "share" or "percent" are percentages anyway.
    decimals : dict, optional
        Decimals per column (default 2 for fractions, 1 for percentages).
    links : list of str, optional
        Columns holding addresses, besides ``url`` and ``*_url`` columns.
        Only http(s) addresses become links (the text is the host).
    index : bool, optional
        Show the index as the first column. By default only a named index
        (``set_index("iso3")``) is shown.
    fold_after : int, default 25
        A table with more rows shows ``preview_rows`` of them and folds the
        rest under "Show all N rows".
    preview_rows : int, default 10

    Returns
    -------
    Table
        Displays as HTML in a notebook, as aligned text elsewhere.

    Raises
    ------
    TableError
        If ``data`` is not a table, a column is not in it or appears twice,
        or a number is out of range (``decimals`` takes whole numbers from 0
        to 12). A table longer than :data:`MAX_SHOWN_ROWS` rows displays
        that many and says how many are not shown; text that is not valid
        Unicode (lone surrogates) is shown with U+FFFD.

    Examples
    --------
    >>> import unga_teach as ut
    >>> t = ut.show_table(ut.load_statements("2026"),
    ...                   {"speaker_state": "State", "vote_cast": "Vote", "summary": "Summary"},
    ...                   caption="Statements about the 2026 vote")
    >>> list(t.labels.values())
    ['State', 'Vote', 'Summary']
    >>> "…" in t._repr_html_(), 'white-space:normal' in t._repr_html_()
    (False, True)
    >>> counts = ut.load_sources()["tier"].value_counts(sort=False)
    >>> print(ut.show_table(counts, {"tier": "Source tier", "count": "Sources"}))
    (6 rows)
    Source tier     Sources
    ...
    >>> ut.show_table(ut.vote_map_table("2026"), ["name", "vote"]).folded
    True
    >>> list(ut.show_table(ut.tally_table("2026")).labels.values())[:3]
    ['Vote', 'Named by a source', 'Official total']
    """
    for label, value in (("fold_after", fold_after), ("preview_rows", preview_rows)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise TableError(f"show_table: {label} must be a whole number of at least 1; "
                             f"got {value!r}.")
    if preview_rows > fold_after:
        raise TableError(f"show_table: preview_rows ({preview_rows}) must not exceed "
                         f"fold_after ({fold_after}).")
    checked_decimals = _check_decimals(decimals)
    frame = _without_surrogates(_as_frame(data, index))
    available = [str(c) for c in frame.columns]
    _no_repeated_columns(available)
    frame.columns = available
    if columns is None:
        wanted = {c: _label(c) for c in shown_by_default(available)}
    elif isinstance(columns, Mapping):
        wanted = {str(k): str(v) for k, v in columns.items()}
    elif isinstance(columns, str):
        wanted = {columns: _label(columns)}
    else:
        wanted = {str(c): _label(str(c)) for c in columns}
    extra_names = [*([sort_by] if isinstance(sort_by, str) else (sort_by or [])),
                   *percent, *links, *checked_decimals]
    missing = [c for c in [*wanted, *extra_names] if c not in available]
    if missing:
        raise TableError(f"show_table: no column {', '.join(map(repr, dict.fromkeys(missing)))} "
                         f"in the table; it has {', '.join(available) or 'no columns'}.")
    if sort_by is not None:
        frame = _sort(frame, [sort_by] if isinstance(sort_by, str) else list(sort_by))
    else:
        frame = _reader_sorted(frame)
    shown = frame[list(wanted)].reset_index(drop=True)
    return Table(
        frame=shown,
        labels={k: _valid_text(v) for k, v in wanted.items()},
        caption=None if caption is None else _valid_text(caption),
        fold_after=fold_after,
        preview_rows=preview_rows,
        percent={str(c) for c in percent},
        links={str(c) for c in links},
        decimals=checked_decimals,
    )
