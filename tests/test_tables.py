"""ut.show_table: escaped, wrapping, never truncated, reader-sorted, folded, rounded tables."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import unga_teach as ut
from unga_teach.errors import UngaTeachError
from unga_teach.tables import Table, TableError, name_sort_key, show_table

SCRIPT = "<script>alert(1)</script>"
LONG = ("A summary long enough that pandas would cut it off with an ellipsis at its "
        "default column width, which is exactly what a learner must never see. ") * 3


def _body(t: Table) -> str:
    return t._repr_html_()


# ----------------------------------------------------------------------- escaping
def test_every_cell_header_and_caption_is_escaped() -> None:
    frame = pd.DataFrame({SCRIPT: [SCRIPT], "note": ["a & b"]})
    html = _body(show_table(frame, caption=SCRIPT))
    assert "<script" not in html.lower()
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 3
    assert "a &amp; b" in html


def test_only_http_addresses_become_links_with_the_host_as_text() -> None:
    frame = pd.DataFrame({"source_url": ["https://www.news.un.org/en/story/1",
                                         "javascript:alert(1)", "ftp://example.org/x", ""]})
    html = _body(show_table(frame))
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs == ["https://www.news.un.org/en/story/1"]
    assert ">news.un.org</a>" in html
    assert 'target="_blank"' in html and 'rel="noopener noreferrer"' in html
    assert "javascript:alert(1)" in html  # shown as text, never as a link
    assert "<th scope=\"col\" style=\"text-align:left;" in html and ">Source</th>" in html


def test_links_option_marks_other_address_columns() -> None:
    frame = pd.DataFrame({"where": ["https://example.org/a"]})
    assert 'href="https://example.org/a"' in _body(show_table(frame, links=["where"]))
    assert "href" not in _body(show_table(frame))


# ------------------------------------------------------------------------ reading
def test_long_text_is_never_truncated_and_wraps() -> None:
    t = show_table(pd.DataFrame({"id": ["ES-11/1"], "summary": [LONG]}))
    html, text = _body(t), repr(t)
    assert LONG.strip() in html and LONG.strip() in text
    assert "…" not in html and "..." not in html and "…" not in text
    summary_cell = re.findall(r'<td style="([^"]*)">', html)[1]
    assert "white-space:normal" in summary_cell and "word-break:normal" in summary_cell
    assert "text-align:left" in summary_cell


def test_ids_dates_and_numbers_do_not_wrap() -> None:
    frame = pd.DataFrame({"resolution": ["ES-11/1"], "date": [pd.Timestamp("2022-03-02")],
                          "yes": [141]})
    html = _body(show_table(frame))
    cells = re.findall(r'<td style="([^"]*)">([^<]*)</td>', html)
    assert [c[1] for c in cells] == ["ES-11/1", "2 Mar 2022", "141"]
    assert all("white-space:nowrap" in c[0] for c in cells)
    assert "text-align:right" in cells[2][0]  # numbers line up on the right
    import datetime

    plain_dates = show_table(pd.DataFrame({"date": [datetime.date(2014, 3, 27)]}))
    assert "27 Mar 2014" in repr(plain_dates)


def test_no_dtype_footer_and_no_index_column() -> None:
    counts = ut.load_sources()["tier"].value_counts(sort=False)
    t = show_table(counts)
    html, text = _body(t), repr(t)
    for out in (html, text):
        assert "dtype" not in out and "Name:" not in out
    assert list(t.frame.columns) == ["tier", "count"]
    plain = show_table(pd.DataFrame({"a": [1, 2]}, index=[5, 9]))
    assert list(plain.frame.columns) == ["a"]  # an unnamed index is not shown
    named = show_table(pd.DataFrame({"a": [1]}, index=pd.Index(["FRA"], name="iso3")))
    assert list(named.frame.columns) == ["iso3", "a"]


def test_fractions_are_rounded_and_shares_are_percentages() -> None:
    frame = pd.DataFrame({"cohesion": [0.659091], "share_known": [0.409326],
                          "agreement": [1 / 3]})
    t = show_table(frame)
    text = repr(t)
    assert "0.66" in text and "40.9%" in text and "0.33" in text
    assert "0.659" not in text and "0.4093" not in text
    custom = repr(show_table(frame, percent=["agreement"], decimals={"cohesion": 1}))
    assert "33.3%" in custom and "0.7" in custom


def test_missing_numbers_show_a_dash_and_missing_text_is_empty() -> None:
    t = show_table(pd.DataFrame({"share": [float("nan")], "note": [pd.NA]}, dtype=object)
                   .astype({"share": "float64", "note": "string"}))
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", _body(t))
    assert cells == ["—", ""]


def test_votes_show_as_labelled_badges_and_lists_as_text() -> None:
    frame = pd.DataFrame({"vote": ["yes", "unknown", ""], "themes": [["a", "b"], [], ["c"]]})
    html = _body(show_table(frame))
    assert ">Yes</span>" in html and ">Unknown (no source)</span>" in html
    assert html.count('class="ut-vote') == 2  # an empty vote is not "unknown"
    assert ">a, b</td>" in html


# ----------------------------------------------------------------------- ordering
def test_name_sort_key_ignores_accents_and_case() -> None:
    assert name_sort_key("Türkiye") == "turkiye"
    assert name_sort_key("CÔTE D'IVOIRE") == "cote d'ivoire"
    assert name_sort_key(None) == ""


def test_turkiye_sorts_as_a_reader_expects() -> None:
    names = ["Tuvalu", "Turkmenistan", "Türkiye", "Tunisia", "Côte d'Ivoire", "Croatia"]
    t = show_table(pd.DataFrame({"name": names}), sort_by="name")
    order = t.frame["name"].tolist()
    assert order == ["Côte d'Ivoire", "Croatia", "Tunisia", "Türkiye", "Turkmenistan", "Tuvalu"]
    assert order.index("Türkiye") < order.index("Tuvalu")


def test_a_table_sorted_letter_by_letter_is_resorted_for_readers() -> None:
    t = show_table(ut.vote_map_table("2026"), ["name", "vote"])
    order = t.frame["name"].tolist()
    assert order.index("Türkiye") < order.index("Turkmenistan") < order.index("Tuvalu")
    assert order == sorted(order, key=name_sort_key)
    kept = show_table(pd.DataFrame({"name": ["b", "a"]}))  # a deliberate order is kept
    assert kept.frame["name"].tolist() == ["b", "a"]


# ------------------------------------------------------------------------ folding
def test_long_tables_are_folded_and_nothing_is_dropped() -> None:
    t = show_table(ut.vote_map_table("2026"), {"name": "State", "vote": "Vote"},
                   caption="Votes")
    html = _body(t)
    assert t.folded and len(t) == 193
    assert html.count("<details>") == 1 and "Show all 193 rows</summary>" in html
    before, after = html.split("<details>")
    assert before.count("<tr>") == 1 + 10  # header + the first 10 rows
    assert after.count("<tr>") == 1 + 183  # header again + every other row
    assert "Votes: the first 10 of 193 rows" in before
    # both halves share the same column widths, so they line up
    assert re.findall(r"<colgroup>.*?</colgroup>", before) == \
        re.findall(r"<colgroup>.*?</colgroup>", after)
    short = show_table(pd.DataFrame({"a": range(25)}))
    assert not short.folded and "<details>" not in _body(short)


def test_no_script_and_no_style_element() -> None:
    html = _body(show_table(ut.load_statements("2026"), ["speaker_state", "summary", "source_url"]))
    assert "<script" not in html and "<style" not in html  # sanitised outputs look the same


# --------------------------------------------------------------------- bad input
def test_unknown_column_is_a_clear_error() -> None:
    with pytest.raises(TableError, match=r"no column 'nope'.*it has a") as info:
        show_table(pd.DataFrame({"a": [1]}), ["nope"])
    assert isinstance(info.value, UngaTeachError)
    with pytest.raises(TableError, match="no column 'zz'"):
        show_table(pd.DataFrame({"a": [1]}), sort_by="zz")


@pytest.mark.parametrize("data", [42, "text", None, [1, 2]])
def test_not_a_table_is_a_clear_error(data: object) -> None:
    with pytest.raises(TableError, match="needs a pandas DataFrame"):
        show_table(data)  # type: ignore[arg-type]


@pytest.mark.parametrize(("kw", "match"), [({"fold_after": 0}, "fold_after"),
                                           ({"preview_rows": 30}, "must not exceed"),
                                           ({"preview_rows": 2.5}, "preview_rows")])
def test_bad_fold_numbers_are_clear_errors(kw: dict, match: str) -> None:
    with pytest.raises(TableError, match=match):
        show_table(pd.DataFrame({"a": [1]}), **kw)


def test_empty_table_says_so() -> None:
    t = show_table(pd.DataFrame({"a": pd.Series([], dtype="int64")}))
    assert "No rows." in _body(t) and "(no rows)" in repr(t)


def test_list_of_dicts_is_accepted() -> None:
    t = show_table([{"state": "France", "vote": "yes"}])
    assert ">France</td>" in _body(t)


def test_text_repr_is_aligned_and_has_the_caption() -> None:
    t = show_table(pd.DataFrame({"name": ["A", "Bb"], "n": [1, 10]}), {"name": "State", "n": "N"},
                   caption="Demo")
    assert repr(t).splitlines() == ["Demo (2 rows)", "State   N", "A       1", "Bb     10"]


def test_exported_from_the_package() -> None:
    assert ut.show_table is show_table and ut.Table is Table and ut.name_sort_key is name_sort_key


# ------------------------------------------------------------ default labels (issue 21)
#: The package's own frames: each reads well with show_table(frame) and no rename dict.
PACKAGE_FRAMES = {
    "tally_table": lambda: ut.tally_table("2026"),
    "vote_map_table": lambda: ut.vote_map_table("2026"),
    "group_table": lambda: ut.group_table("2026"),
    "trend_table": lambda: ut.trend_table(),
    "shift_table": lambda: ut.shift_table("ES-11/7", "2026"),
    "agreement_table": lambda: ut.agreement_table(["USA", "FRA"]),
    "coverage": lambda: ut.coverage(),
    "vote_history": lambda: ut.vote_history("United States"),
    "load_votes": lambda: ut.load_votes("2026"),
    "load_sources": lambda: ut.load_sources(),
    "load_conflicts": lambda: ut.load_conflicts("2026"),
    "load_statements": lambda: ut.load_statements("2026"),
    "load_resolutions": lambda: ut.load_resolutions(),
    "load_members": lambda: ut.load_members(),
    "value_counts": lambda: ut.load_members(include_observers=True)["status"].value_counts(),
}


@pytest.mark.parametrize("name", PACKAGE_FRAMES)
def test_package_frames_get_readable_distinct_headers(name: str) -> None:
    from unga_teach.labels import COLUMN_LABELS, REPEATS

    data = PACKAGE_FRAMES[name]()
    t = show_table(data)
    labels = list(t.labels.values())
    assert len(labels) == len(set(labels)), f"{name}: two columns share a header: {labels}"
    for column, label in t.labels.items():
        assert "_" not in label, f"{name}: {column!r} is headed {label!r}"
        assert column in COLUMN_LABELS, f"{name}: {column!r} has no label in labels.py"
    frame = data if isinstance(data, pd.DataFrame) else data.reset_index()
    for column, repeated in REPEATS.items():
        if column in frame.columns and repeated in frame.columns:
            assert column not in t.labels  # a pure repeat is left out by default


def test_tally_table_reads_without_a_rename_dict() -> None:
    t = ut.show_table(ut.tally_table("2026"))
    assert t.labels["share_of_present_and_voting"] == "Share of present and voting"
    assert "label" not in t.labels and t.labels["vote"] == "Vote"
    assert "Share of present and voting" in _body(t)


def test_explicit_labels_and_columns_still_win() -> None:
    t = ut.show_table(ut.tally_table("2026"), {"label": "Position", "known": "Known"})
    assert t.labels == {"label": "Position", "known": "Known"}
    t = ut.show_table(ut.tally_table("2026"), ["vote", "label"])
    assert list(t.labels) == ["vote", "label"]


def test_stored_codes_read_as_words() -> None:
    t = show_table(pd.DataFrame({"confidence": ["none", "reported"],
                                 "outcome": ["not_located", "rejected"],
                                 "note": ["none", "x"]}))
    body = _body(t)
    assert "not_located" not in body and "not located" in body
    assert ">no source</td>" in body and ">none</td>" in body  # only coded columns change
    assert "not located" in repr(t)
