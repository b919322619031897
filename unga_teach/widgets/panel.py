"""The frame every explorer shares: an error area, plain-words messages, table cells.

:class:`Panel` is the VBox each explorer builds on: when a callback fails, the
error is shown in plain words in its ``error_html`` area
(:func:`friendly_error`) instead of the log console. The helpers format the
cells of the explorers' tables and the notes under them (dates, missing
values, how sure a vote is, what "unknown" means); every text is escaped.

Examples
--------
>>> from unga_teach.errors import UngaTeachError
>>> "No such vote." in friendly_error(UngaTeachError("No such vote."))
True
>>> plain_text(None), confidence_text("reported", "unknown")
('', 'no source')
>>> table_rows({"a": [1, 2], "b": ["x", "y"]})
[{'a': 1, 'b': 'x'}, {'a': 2, 'b': 'y'}]
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable
from typing import Any, ParamSpec, TypeVar

import ipywidgets as widgets
import pandas as pd

from ..errors import UngaTeachError
from ..html import SafeHTML, escape, link
from ..labels import value_word
from ..widget_text import TextHTML

__all__ = [
    "CONFIDENCE_WORDS",
    "UNKNOWN_RULE",
    "UNKNOWN_RULE_MANY",
    "UNKNOWN_TEXT",
    "Panel",
    "confidence_key",
    "confidence_text",
    "fmt_date",
    "friendly_error",
    "notice_box",
    "plain_text",
    "quotation",
    "table_rows",
    "unknown_rule_note",
]

_log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")

UNKNOWN_TEXT = "unknown — no source found"

#: The one plain line shown under a table of votes that contains an unknown one.
UNKNOWN_RULE = ("unknown: no published source gives this state's vote yet; the course never "
                "guesses (see data/README.md)")
#: The same for tables of several states.
UNKNOWN_RULE_MANY = ("unknown: no published source gives these states' votes yet; the course "
                     "never guesses (see data/README.md)")

#: What each confidence level means, in plain words (shown with every vote).
#: (data/README.md, "How we decide what a vote was", defines them in full).
CONFIDENCE_WORDS = {
    "official": "official: the UN's own record",
    "confirmed": "confirmed: a copy of the UN record, or lists that agree with the totals",
    "reported": "reported: one credible source",
    "derived": "derived: worked out from other sources; see the source",
    "low": "low: one weak source with known errors; unsettled",
    "disputed": "disputed: sources disagree",
    "no source": "no source: the vote is unknown",
}


def unknown_rule_note(text: str) -> SafeHTML:
    """The plain line that says what 'unknown' means (escaped)."""
    return SafeHTML(f'<p class="ut-unknown-rule"><small>{escape(text)}</small></p>')


def confidence_text(confidence: Any, vote: str) -> str:
    """The confidence level of a vote, one short word ("no source" for an unknown vote).

    The words are explained once under each table by :func:`confidence_key`.
    The data's code ``none`` is never shown (see :mod:`unga_teach.labels`).
    """
    level = plain_text(confidence) or "none"
    if vote == "unknown":
        level = "none"
    return value_word("confidence", level)


def confidence_key(levels: Iterable[Any]) -> SafeHTML:
    """One small line under a table: what each "How sure" word in it means (escaped)."""
    found = [str(lvl) for lvl in levels]
    seen = [lvl for lvl in CONFIDENCE_WORDS if lvl in set(found)]
    seen += sorted(set(found) - set(seen))
    text = "; ".join(
        CONFIDENCE_WORDS.get(lvl, lvl).replace(": ", " = ", 1) for lvl in seen)
    return SafeHTML(f'<p class="ut-confidence-key"><small>How sure: {escape(text)}</small></p>')


def friendly_error(exc: BaseException) -> SafeHTML:
    """Return an escaped, plain-words message for an exception raised in a callback."""
    if isinstance(exc, UngaTeachError):
        text = str(exc)
    else:
        text = (
            f"Something went wrong while updating this widget ({type(exc).__name__}: {exc}). "
            "Run the cell again; if this happens again, tell your instructor."
        )
    return SafeHTML(
        '<div role="alert" style="color:#8a1c00;background:#fff4ef;border-left:4px solid '
        f'#D55E00;padding:4px 8px">⚠ {escape(text)}</div>'
    )


def notice_box(text: str) -> SafeHTML:
    """An escaped informational message (not an error)."""
    return SafeHTML(
        '<div role="status" style="background:#f3f7fb;border-left:4px solid #0072B2;'
        f'padding:4px 8px">{escape(text)}</div>'
    )


def fmt_date(value: Any) -> str:
    if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return ""
    try:
        return f"{pd.Timestamp(value):%d %b %Y}".replace(" ", "\u00a0")  # never broken
    except (TypeError, ValueError):
        return str(value)


def plain_text(value: Any) -> str:
    """Data value as plain text; missing values become ``""``."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value)


def quotation(quote: str, attribution: str, url: str) -> SafeHTML:
    """A quotation in quotation marks, with its attribution and source link."""
    return SafeHTML(
        '<blockquote style="margin:4px 0 4px 12px;padding-left:8px;border-left:3px solid #999">'
        f"“{escape(quote)}”<br><small>— {escape(attribution)} "
        f"({link(url, 'source') if url else 'no source recorded'})</small></blockquote>"
    )


def table_rows(columns: dict[str, Any]) -> list[dict[str, Any]]:
    """Column lists -> list of row dicts for :func:`html_table`.

    Row dicts keep :class:`SafeHTML` cells (badges, links) as they are; a
    pandas 3 DataFrame would turn them into plain strings, which get escaped.
    """
    names = list(columns)
    values = [list(v) for v in columns.values()]
    return [dict(zip(names, row, strict=True)) for row in zip(*values, strict=True)]


class Panel(widgets.VBox):
    """A VBox with an ``error_html`` area and a guard that shows callback errors there."""

    #: CSS class on the panel's root element: a stable hook for browser tests and styling.
    css_class = "ut-panel"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.add_class("ut-panel")
        self.add_class(self.css_class)
        self.error_html = TextHTML("")
        self.error_html.add_class("ut-error")
        #: The last exception caught in a callback (for instructors and tests).
        self.last_error: BaseException | None = None

    def _guard(self, fn: Callable[P, R]) -> Callable[P, R | None]:
        """Wrap a callback: clear the error area, run, show any exception in plain words."""

        @functools.wraps(fn)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R | None:
            self.error_html.value = ""
            try:
                return fn(*args, **kwargs)
            except Exception as exc:  # shown to the learner instead of the log console
                self.last_error = exc
                _log.debug("widget callback failed", exc_info=True)
                self.error_html.value = friendly_error(exc)
                return None

        return wrapper
