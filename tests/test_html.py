"""unga_teach.html: escaping, safe links, vote badges and accessible tables."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from unga_teach.categories import VOTE_COLORS, VOTE_LABELS, VOTE_ORDER
from unga_teach.html import (
    SafeHTML,
    _luminance,
    escape,
    html_card,
    html_details,
    html_fields,
    html_table,
    link,
    vote_badge,
)

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


# ------------------------------------------------------------------------- cards
def test_card_escapes_title_labels_and_values_and_keeps_safe_markup() -> None:
    card = html_card(SCRIPT, [(SCRIPT, SCRIPT), ("Source", link("https://un.org/x", "un.org"))],
                     body=[SCRIPT, html_details("More", SCRIPT)])
    assert "<script>" not in card
    assert card.count(ESCAPED_SCRIPT) == 5
    assert '<a href="https://un.org/x"' in card and '<th scope="row"' in card
    assert "<details><summary" in card and "</details></div>" in card


def test_card_uses_inline_styles_only() -> None:
    card = html_card("t", [("a", "b")], body=html_details("s", "c"))
    assert "<style" not in card and "<script" not in card


@pytest.mark.parametrize("accent", ["red", "#12345", "#12345G", '#000000"><script>', None])
def test_card_accent_must_be_a_colour(accent: object) -> None:
    with pytest.raises(ValueError, match="accent must be a colour"):
        html_card("t", accent=accent)  # type: ignore[arg-type]


def test_details_can_start_open() -> None:
    assert html_details("s", "c", open=True).startswith("<details open>")
    assert isinstance(html_fields([]), SafeHTML)


def test_resolution_info_is_a_card_that_reads_like_a_dict() -> None:
    import unga_teach as ut

    info = ut.resolution_info("2026")
    assert info["title"] == "Support for lasting peace in Ukraine"
    assert int(info["yes"]) == 107 and dict(info)["draft"] == "A/ES-11/L.17"
    assert info.to_series()["id"] == "2026"
    html = info._repr_html_()
    assert html.startswith('<div class="ut-card"')
    assert ">24 February 2026</td>" in html  # one piece, never split over two lines
    assert "107 yes, 12 no, 51 abstain; 23 of 193 members did not vote" in html
    assert "not confirmed by any source found" in html
    assert re.search(r'<a href="https://[^"]+"[^>]*>peacealliancewinnipeg\.ca</a>', html)
    text = repr(info)
    assert text.splitlines()[0] == "Support for lasting peace in Ukraine"
    assert "  Date: 24 February 2026" in text and "dtype" not in text and "Name:" not in text
    motion = ut.resolution_info("2026-division")
    assert "procedural motion" in repr(motion) and "Adopted symbol" not in repr(motion)
