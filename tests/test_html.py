"""unga_teach.html: escaping, safe links, vote badges and accessible tables."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from unga_teach.categories import VOTE_COLORS, VOTE_LABELS, VOTE_ORDER
from unga_teach.html import SafeHTML, _luminance, escape, html_table, link, vote_badge

SCRIPT = "<script>alert(1)</script>"
ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"


# ----------------------------------------------------------------------------- escape
@pytest.mark.parametrize("value", [None, float("nan"), pd.NA, pd.NaT])
def test_escape_missing_values_give_empty_text(value: object) -> None:
    assert escape(value) == ""


def test_escape_escapes_markup_and_both_quotes() -> None:
    assert escape(SCRIPT) == ESCAPED_SCRIPT
    assert escape("a \"b\" & 'c'") == "a &quot;b&quot; &amp; &#x27;c&#x27;"


def test_escape_converts_other_values() -> None:
    assert escape(12) == "12"
    assert escape(1.5) == "1.5"


def test_escape_keeps_safe_html() -> None:
    assert escape(SafeHTML("<b>x</b>")) == "<b>x</b>"


@given(st.text())
def test_escape_never_leaves_markup_characters(text: str) -> None:
    out = escape(text)
    assert not set(out) & set("<>\"'")
    assert _unescape(out) == text


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)


# ------------------------------------------------------------------------------- link
@pytest.mark.parametrize(
    "url",
    ["https://news.un.org/en/story/2026/02/1167032", "http://example.org/a?b=1&c=2",
     "HTTPS://EXAMPLE.ORG/"],
)
def test_link_makes_web_addresses_links(url: str) -> None:
    out = link(url, "UN News")
    assert out.startswith('<a href="')
    assert 'target="_blank"' in out and 'rel="noopener noreferrer"' in out
    assert ">UN News</a>" in out
    assert isinstance(out, SafeHTML)


def test_link_escapes_the_address_and_text() -> None:
    out = link('https://example.org/?q="><script>', SCRIPT)
    assert "<script>" not in out
    assert 'href="https://example.org/?q=&quot;&gt;&lt;script&gt;"' in out
    assert ESCAPED_SCRIPT in out


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
     "data:text/html,<script>alert(1)</script>", "ftp://example.org/x", "/relative/path",
     "example.org", "", None, float("nan"), "https://", "https://exa mple.org",
     "https://example.org/\nx", "vbscript:msgbox(1)"],
)
def test_link_leaves_anything_else_as_plain_text(url: object) -> None:
    out = link(url, "the source")
    assert "<a" not in out and "href" not in out
    assert out == "the source"


def test_link_without_text_shows_the_address_escaped() -> None:
    assert ">https://example.org/</a>" in link("https://example.org/")
    assert link("javascript:alert('x')") == "javascript:alert(&#x27;x&#x27;)"


@given(st.text())
def test_link_only_ever_links_http_addresses(url: str) -> None:
    out = link(url, "x")
    if "<a " in out:
        href = re.search(r'href="([^"]*)"', out)
        assert href is not None
        assert href.group(1).lower().startswith(("http://", "https://"))
    assert "<script" not in out.lower()


# ------------------------------------------------------------------------- vote_badge
@pytest.mark.parametrize("vote", VOTE_ORDER)
def test_badge_has_the_label_text_and_colour(vote: str) -> None:
    out = vote_badge(vote)
    assert f">{VOTE_LABELS[vote]}</span>" in out
    assert VOTE_COLORS[vote] in out
    assert f'title="Vote: {VOTE_LABELS[vote]}"' in out


@pytest.mark.parametrize("vote", VOTE_ORDER)
def test_badge_text_has_enough_contrast(vote: str) -> None:
    out = vote_badge(vote)
    text = re.search(r"color:(#[0-9A-F]{6})", out).group(1)  # type: ignore[union-attr]
    bg, fg = _luminance(VOTE_COLORS[vote]), _luminance(text)
    ratio = (max(bg, fg) + 0.05) / (min(bg, fg) + 0.05)
    assert ratio >= 4.5


@pytest.mark.parametrize("value", [None, float("nan"), pd.NA])
def test_badge_for_a_missing_vote_is_unknown(value: object) -> None:
    assert ">Unknown (no source)</span>" in vote_badge(value)


def test_badge_escapes_unexpected_values_and_labels() -> None:
    assert ESCAPED_SCRIPT in vote_badge(SCRIPT)
    assert "<script>" not in vote_badge(SCRIPT)
    out = vote_badge("unknown", label=SCRIPT)
    assert ESCAPED_SCRIPT in out and "<script>" not in out


# ------------------------------------------------------------------------- html_table
def test_table_has_caption_and_column_headers() -> None:
    t = html_table(pd.DataFrame({"a": [1], "b": [2]}), {"a": "First", "b": "Second"},
                   caption="What it shows")
    assert "<caption>What it shows</caption>" in t
    assert '<th scope="col">First</th><th scope="col">Second</th>' in t
    assert "<td>1</td><td>2</td>" in t


def test_table_escapes_every_cell_header_and_caption() -> None:
    df = pd.DataFrame({SCRIPT: [SCRIPT], "ok": ["a & b"]})
    t = html_table(df, caption=SCRIPT)
    assert "<script>" not in t
    assert t.count(ESCAPED_SCRIPT) == 3
    assert "a &amp; b" in t


def test_table_keeps_safe_cells_from_row_dicts() -> None:
    rows = [{"state": SCRIPT, "vote": vote_badge("no"), "src": link("https://e.org", "s")}]
    t = html_table(rows)
    assert '<span class="ut-vote ut-vote-no"' in t
    assert '<a href="https://e.org"' in t
    assert ESCAPED_SCRIPT in t and "<script>" not in t


def test_table_keeps_safe_cells_in_object_columns_only() -> None:
    badge = vote_badge("yes")
    kept = html_table(pd.DataFrame({"v": pd.Series([badge], dtype=object)}))
    assert '<span class="ut-vote' in kept
    # a plain string column (pandas 3 converts str subclasses) is escaped: safe, never raw
    lost = html_table(pd.DataFrame({"v": [str(badge)]}))
    assert "<span" not in lost.split("<tbody>")[1]


def test_table_shows_missing_values_as_empty_cells() -> None:
    t = html_table(pd.DataFrame({"a": [None, float("nan")]}))
    assert t.count("<td></td>") == 2


def test_table_selects_and_orders_columns() -> None:
    t = html_table(pd.DataFrame({"a": [1], "b": [2], "c": [3]}), ["c", "a"])
    assert '<th scope="col">c</th><th scope="col">a</th>' in t
    assert "<td>2</td>" not in t


def test_table_unknown_column_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match="no column"):
        html_table(pd.DataFrame({"a": [1]}), ["b"])
    with pytest.raises(KeyError, match="no column"):
        html_table([{"a": 1}], ["b"])


def test_empty_row_list_gives_an_empty_table() -> None:
    t = html_table([], ["a"], caption="none")
    assert '<th scope="col">a</th>' in t and "<tbody></tbody>" in t
