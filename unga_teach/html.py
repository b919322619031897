"""Tiny, safe HTML helpers for the widgets: escaping, tables, links and vote badges.

Everything that comes from data (country names, statements, URLs, an
instructor's CSV) goes through :func:`escape`. The few helpers that build
markup (:func:`link`, :func:`vote_badge`, :func:`html_table`, :func:`html_card`,
:func:`html_details`) return a
:class:`SafeHTML` string, which :func:`escape` and :func:`html_table` pass
through unchanged, so markup can be nested without being escaped twice and
without ever letting raw data through.

Examples
--------
>>> from unga_teach.html import escape, link, vote_badge
>>> escape("<b>Côte d'Ivoire</b>")
'&lt;b&gt;Côte d&#x27;Ivoire&lt;/b&gt;'
>>> link("javascript:alert(1)", "click")
'click'
>>> "Abstain" in vote_badge("abstain")
True
"""

from __future__ import annotations

import html as _html
import math
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

import pandas as pd

from .categories import VOTE_COLORS, VOTE_LABELS

__all__ = ["SafeHTML", "escape", "html_card", "html_details", "html_fields", "html_table", "link",
           "safe_url",
           "vote_badge"]


class SafeHTML(str):
    """A string of markup built by this module: never escaped again.

    Only this module's helpers create it from data, always after escaping.
    Wrap a literal only when you wrote every character of it yourself.

    Examples
    --------
    >>> escape(SafeHTML("<b>bold</b>"))
    '<b>bold</b>'
    """

    __slots__ = ()


def _is_missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def escape(text: Any) -> str:
    """Return ``text`` as HTML-safe text (``&``, ``<``, ``>``, both quotes escaped).

    Parameters
    ----------
    text : object
        Anything; it is converted with ``str``. ``None``, ``NaN`` and
        ``pd.NA`` give ``""``. A :class:`SafeHTML` value is returned as is.

    Returns
    -------
    str

    Examples
    --------
    >>> escape('<script>alert("x")</script>')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
    >>> escape(None), escape(float("nan")), escape(12)
    ('', '', '12')
    """
    if isinstance(text, SafeHTML):
        return text
    if _is_missing(text):
        return ""
    return _html.escape(str(text), quote=True)


def safe_url(url: Any) -> str | None:
    """Return the stripped URL if it is an http(s) address with a host, else None.

    Examples
    --------
    >>> safe_url(" https://news.un.org/x "), safe_url("javascript:alert(1)")
    ('https://news.un.org/x', None)
    """
    if _is_missing(url):
        return None
    text = str(url).strip()
    if not text or any(ch.isspace() or ord(ch) < 32 for ch in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return text


def link(url: Any, text: Any = None) -> SafeHTML:
    """Return a link that opens in a new tab, or plain text for a non-web address.

    Only ``http://`` and ``https://`` addresses become links; anything else
    (``javascript:``, ``data:``, a file path, an empty value) is shown as
    escaped text, so a bad URL in a CSV can never run code.

    Parameters
    ----------
    url : str
        The address.
    text : str, optional
        The link text; the address itself when omitted.

    Returns
    -------
    SafeHTML

    Examples
    --------
    >>> link("https://news.un.org/en/story/2026/02/1167032", "UN News")  # doctest: +ELLIPSIS
    '<a href="https://news.un.org/en/story/2026/02/1167032" target="_blank" ...>UN News</a>'
    >>> link("javascript:alert(1)", "<b>x</b>")
    '&lt;b&gt;x&lt;/b&gt;'
    >>> link("", "no source")
    'no source'
    """
    label = url if text is None else text
    safe = safe_url(url)
    if safe is None:
        return SafeHTML(escape(label))
    return SafeHTML(
        f'<a href="{escape(safe)}" target="_blank" rel="noopener noreferrer">{escape(label)}</a>'
    )


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _text_colour(background: str) -> str:
    """Black or white, whichever has the higher WCAG contrast on ``background``."""
    lum = _luminance(background)
    return "#000000" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "#FFFFFF"


def vote_badge(vote: Any, label: str | None = None) -> SafeHTML:
    """Return a coloured label for a vote; the text says the vote, not the colour alone.

    Parameters
    ----------
    vote : str
        ``yes``, ``no``, ``abstain``, ``non_voting`` or ``unknown``; a missing
        value counts as ``unknown``. Any other text is shown escaped, in grey.
    label : str, optional
        Text to show instead of the standard label (escaped).

    Returns
    -------
    SafeHTML
        A ``<span>`` with the vote's colour-blind-safe colour, black or white
        text (whichever contrasts more) and a ``title`` for screen readers.

    Examples
    --------
    >>> b = vote_badge("no")
    >>> ">No<" in b and "#D55E00" in b
    True
    >>> "Unknown (no source)" in vote_badge(None)
    True
    >>> "&lt;i&gt;" in vote_badge("<i>")
    True
    """
    key = "unknown" if _is_missing(vote) else str(vote)
    colour = VOTE_COLORS.get(key, VOTE_COLORS["unknown"])
    text = label if label is not None else VOTE_LABELS.get(key, key)
    css_key = key if key in VOTE_COLORS else "other"
    return SafeHTML(
        f'<span class="ut-vote ut-vote-{css_key}" title="Vote: {escape(text)}" '
        f'style="background:{colour};color:{_text_colour(colour)};padding:1px 6px;'
        f'border-radius:3px;white-space:nowrap;font-weight:600">{escape(text)}</span>'
    )


#: Scoped styles for :func:`html_table` (widgets do not get the notebook's table CSS).
_TABLE_STYLE = (
    "<style>.ut-table{border-collapse:collapse;margin:4px 0}"
    ".ut-table th,.ut-table td{text-align:left;padding:2px 8px;vertical-align:top;"
    "border-bottom:1px solid #ddd}.ut-table caption{text-align:left;font-weight:600}</style>"
)


def html_table(
    df: pd.DataFrame | Sequence[Mapping[str, Any]],
    columns: Sequence[str] | Mapping[str, str] | None = None,
    caption: str | None = None,
) -> SafeHTML:
    """Return a table as accessible HTML in which every cell is escaped.

    Parameters
    ----------
    df : pandas.DataFrame or list of dict
        The rows to show (a DataFrame's index is not shown). A list of dicts
        (one per row) keeps :class:`SafeHTML` cells intact without pandas;
        in a DataFrame they survive only in ``object`` columns, because
        pandas 3 turns a column of strings into its string dtype (the cells
        are then escaped: safe, but the markup shows as text).
    columns : list of str or dict, optional
        Columns to show, in order; a dict maps column names to header text.
        By default all columns (for a list of dicts: the first row's keys).
    caption : str, optional
        A ``<caption>`` (escaped) saying what the table shows.

    Returns
    -------
    SafeHTML
        ``<table>`` with ``<th scope="col">`` headers. Cells that are
        :class:`SafeHTML` (from :func:`link` or :func:`vote_badge`) are kept
        as markup; every other cell and header is escaped; missing values are
        empty.

    Raises
    ------
    KeyError
        If a requested column is not in the table.

    Examples
    --------
    >>> import pandas as pd
    >>> t = html_table(pd.DataFrame({"name": ["<b>A</b>"], "n": [1]}), caption="Demo")
    >>> "<caption>Demo</caption>" in t, '<th scope="col">name</th>' in t
    (True, True)
    >>> "<td>&lt;b&gt;A&lt;/b&gt;</td>" in t
    True
    >>> rows = [{"state": "France", "vote": vote_badge("yes")}]
    >>> '<span class="ut-vote ut-vote-yes"' in html_table(rows)
    True
    """
    if isinstance(df, pd.DataFrame):
        available = [str(c) for c in df.columns]
    else:
        records = [dict(r) for r in df]
        available = [str(c) for c in records[0]] if records else []
    if columns is None:
        headers = {c: c for c in available}
    elif isinstance(columns, Mapping):
        headers = {str(k): str(v) for k, v in columns.items()}
    else:
        headers = {str(c): str(c) for c in columns}
    cols = list(headers)
    missing = [c for c in cols if c not in available]
    if missing and (isinstance(df, pd.DataFrame) or records):
        raise KeyError(f"html_table: no column(s) {', '.join(missing)} in the table; "
                       f"it has {', '.join(available)}.")
    if isinstance(df, pd.DataFrame):
        rows: list[tuple[Any, ...]] = list(df[cols].itertuples(index=False, name=None))
    else:
        rows = [tuple(r.get(c) for c in cols) for r in records]
    parts = [_TABLE_STYLE, '<table class="ut-table">']
    if caption is not None:
        parts.append(f"<caption>{escape(caption)}</caption>")
    parts.append("<thead><tr>")
    parts.extend(f'<th scope="col">{escape(h)}</th>' for h in headers.values())
    parts.append("</tr></thead><tbody>")
    for row in rows:
        parts.append("<tr>")
        parts.extend(f"<td>{escape(v)}</td>" for v in row)
        parts.append("</tr>")
    parts.append("</tbody></table>")
    return SafeHTML("".join(parts))


#: Inline styles only: JupyterLab keeps ``style`` attributes in untrusted outputs
#: but drops ``<style>`` elements, so cards look the same trusted or not.
_CARD_CSS = ("border:1px solid #c8c8c8;border-left:5px solid {accent};border-radius:4px;"
             "padding:8px 12px;margin:4px 0;max-width:760px;text-align:left;line-height:1.4")
_CARD_TITLE_CSS = "font-weight:600;font-size:1.1em;margin:0 0 6px 0"
_FIELD_TABLE_CSS = "border-collapse:collapse;margin:0;width:auto;table-layout:auto"
_FIELD_ROW_CSS = "background:none"
_FIELD_KEY_CSS = ("text-align:left;vertical-align:top;padding:2px 14px 2px 0;white-space:nowrap;"
                  "font-weight:600")
_FIELD_VALUE_CSS = ("text-align:left;vertical-align:top;padding:2px 0;white-space:normal;"
                    "word-break:normal;overflow-wrap:anywhere")


def html_details(summary: Any, content: Any, *, open: bool = False) -> SafeHTML:
    """Return a folded section: ``summary`` is always shown, ``content`` on a click.

    Needs no script (``<details>``), so it works in an untrusted notebook.

    Parameters
    ----------
    summary : str
        The line to click (escaped).
    content : str or SafeHTML
        What unfolds; plain text is escaped, :class:`SafeHTML` kept.
    open : bool, default False
        Start unfolded.

    Returns
    -------
    SafeHTML

    Examples
    --------
    >>> html_details("Versions", "<b>x</b>")
    '<details><summary style="cursor:pointer">Versions</summary>&lt;b&gt;x&lt;/b&gt;</details>'
    """
    flag = " open" if open else ""
    return SafeHTML(f'<details{flag}><summary style="cursor:pointer">{escape(summary)}</summary>'
                    f"{escape(content)}</details>")


def html_fields(fields: Sequence[tuple[Any, Any]]) -> SafeHTML:
    """Return label/value pairs as a two-column table with row headers.

    Examples
    --------
    >>> out = html_fields([("Date", "24 February 2026"), ("<i>", link("https://un.org", "UN"))])
    >>> '<th scope="row"' in out and "&lt;i&gt;" in out and '<a href="https://un.org"' in out
    True
    """
    rows = "".join(
        f'<tr style="{_FIELD_ROW_CSS}"><th scope="row" style="{_FIELD_KEY_CSS}">{escape(k)}</th>'
        f'<td style="{_FIELD_VALUE_CSS}">{escape(v)}</td></tr>'
        for k, v in fields
    )
    return SafeHTML(f'<table style="{_FIELD_TABLE_CSS}"><tbody>{rows}</tbody></table>')


def html_card(
    title: Any,
    fields: Sequence[tuple[Any, Any]] = (),
    *,
    body: Any = None,
    accent: str = "#0072B2",
) -> SafeHTML:
    """Return a small card: a title, label/value pairs, then optional extra content.

    Parameters
    ----------
    title : str
        The heading (escaped).
    fields : list of (label, value)
        Shown as a two-column table with row headers; values may be
        :class:`SafeHTML` (links, badges), everything else is escaped.
    body : str or SafeHTML or list of them, optional
        Added after the fields (e.g. a list of warnings, :func:`html_details`).
    accent : str, default "#0072B2"
        The colour of the left border, a ``#RRGGBB`` value (blue: all well;
        the course uses vermilion ``#D55E00`` for a problem).

    Returns
    -------
    SafeHTML

    Raises
    ------
    ValueError
        If ``accent`` is not a ``#RRGGBB`` colour.

    Examples
    --------
    >>> card = html_card("Support for <lasting> peace", [("Date", "24 February 2026")])
    >>> card.startswith('<div class="ut-card"') and "Support for &lt;lasting&gt; peace" in card
    True
    >>> ">24 February 2026</td>" in card
    True
    """
    if not (isinstance(accent, str) and len(accent) == 7 and accent[0] == "#"
            and all(c in "0123456789abcdefABCDEF" for c in accent[1:])):
        raise ValueError(f"html_card: accent must be a colour such as '#0072B2'; got {accent!r}.")
    parts = [f'<div class="ut-card" style="{_CARD_CSS.format(accent=accent)}">',
             f'<div style="{_CARD_TITLE_CSS}">{escape(title)}</div>']
    if fields:
        parts.append(html_fields(fields))
    extras = body if isinstance(body, (list, tuple)) else ([] if body is None else [body])
    parts.extend(escape(part) for part in extras)
    parts.append("</div>")
    return SafeHTML("".join(parts))
