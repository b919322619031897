"""The official UN file: reading, checks, cache, official record, comparison, agreement."""

from __future__ import annotations

import csv
import gzip
import importlib.util
import io
import itertools
import os
import threading
import warnings
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import unga_teach as ut
from unga_teach import official as undl
from unga_teach import record
from unga_teach.categories import VOTE_DTYPE
from unga_teach.errors import DataFileError, UngaTeachError
from unga_teach.official import cache as undl_cache
from unga_teach.official import read as undl_read
from unga_teach.votes import shipped_votes

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "undl_sample.csv"
COMPLETE = ["68/262", "ES-11/1", "ES-11/7", "ES-11/8", "ES-11/9"]


from record_isolation import isolated_record  # noqa: E402, F401  (a fixture)

pytestmark = pytest.mark.usefixtures("isolated_record")


# ----------------------------------------------------------------------- helpers
def _rows() -> tuple[list[str], list[list[str]]]:
    with FIXTURE.open(encoding="utf-8", newline="") as fh:
        table = list(csv.reader(fh))
    return table[0], table[1:]


def _write(path: Path, header: list[str], rows: list[list[str]], *, newline: str = "\n",
           bom: bool = False) -> Path:
    buf = io.StringIO()
    csv.writer(buf, lineterminator=newline).writerows([header, *rows])
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buf.getvalue().encode("utf-8"))
    return path


def _set(rows: list[list[str]], header: list[str], undl_id: str, code: str, **values: str) -> None:
    for row in rows:
        if row[header.index("undl_id")] == undl_id and row[header.index("ms_code")] == code:
            for col, value in values.items():
                row[header.index(col)] = value
            return
    raise AssertionError(f"no row {undl_id} {code}")


def _id_of(symbol: str) -> str:
    header, rows = _rows()
    return next(r[0] for r in rows if r[header.index("resolution")] == symbol)


def _triples(frame: pd.DataFrame) -> set[tuple[str, str, str]]:
    return set(zip(frame["resolution"].astype(str), frame["iso3"].astype(str),
                   frame["vote"].astype(str), strict=True))


# ------------------------------------------------------------------------ reading
def test_fixture_reproduces_the_shipped_complete_votes() -> None:
    course = undl.read_undl(FIXTURE)
    shipped = shipped_votes()
    shipped = shipped[shipped["resolution"].isin(COMPLETE)]
    assert sorted(course["resolution"].unique()) == sorted(COMPLETE)
    assert len(course) == 5 * 193
    assert _triples(course) == _triples(shipped)


def test_fixture_is_reproducible_from_the_tool() -> None:
    spec = importlib.util.spec_from_file_location("make_undl_fixture",
                                                  ROOT / "tools" / "make_undl_fixture.py")
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    header, rows = _rows()
    assert header == tool.COLUMNS == undl.UNDL_COLUMNS
    assert rows == tool.build_rows(), "run: python tools/make_undl_fixture.py"


def test_read_undl_schema() -> None:
    course = undl.read_undl(FIXTURE)
    assert list(course.columns) == undl.UNDL_OUTPUT_COLUMNS
    assert course["vote"].dtype == VOTE_DTYPE
    assert set(course["confidence"].astype(str)) == {"official"}
    for col in undl.TOTAL_COLUMNS:
        assert course[col].dtype == np.int16
    assert pd.api.types.is_datetime64_any_dtype(course["date"])
    es7 = course[course["resolution"] == "ES-11/7"]
    assert set(es7["source_url"]) == {"https://digitallibrary.un.org/record/4076672"}
    assert set(es7["symbol"]) == {"A/RES/ES-11/7"}
    assert es7["total_yes"].iloc[0] == 93
    assert es7.loc[es7["iso3"] == "FRA", "ms_name"].item() == "FRANCE"
    # blank ms_vote (68/262 in the fixture) is non-voting
    assert (course.loc[course["resolution"] == "68/262", "vote"] == "non_voting").sum() == 24
    assert course.loc[(course["resolution"] == "ES-11/9") & (course["iso3"] == "VEN"),
                      "note"].item() == "[fixture] example vote note"


def test_all_keeps_every_row_and_historical_codes() -> None:
    frame = undl.read_undl(FIXTURE, resolutions="all")
    assert len(frame) == sum(1 for _ in FIXTURE.open(encoding="utf-8")) - 1
    assert "A/RES/40/9001" in set(frame["resolution"].astype(str))
    old = frame[frame["symbol"] == "A/RES/40/9001"].set_index("iso3")
    for code in ("SUN", "YUG", "CSK", "DDR", "YMD", "YAR", "ZAR", "BUR", "ROM"):
        assert code in old.index  # kept under the code as given, never dropped
    assert old.loc["SUN", "current_iso3"] == "RUS"
    assert old.loc["ZAR", "current_iso3"] == "COD"
    assert old.loc["ROM", "current_iso3"] == "ROU"
    assert pd.isna(old.loc["YUG", "current_iso3"])
    assert old.loc["DEU", "ms_name"] == "GERMANY, FEDERAL REPUBLIC OF"
    hist = undl.historical_codes(frame).set_index("code")
    assert set(hist.index) == {"SUN", "YUG", "CSK", "DDR", "YMD", "YAR", "ZAR", "BUR", "ROM"}
    assert hist.loc["SUN", "successor"] == "RUS"
    assert hist.loc["YUG", "successor"] == ""
    assert hist.loc["CSK", "rows"] == 2


def test_selection_by_list() -> None:
    frame = undl.read_undl(FIXTURE, resolutions=["A/RES/40/9001", "ES-11/7"])
    assert set(frame["symbol"].astype(str)) == {"A/RES/40/9001", "A/RES/ES-11/7"}
    with pytest.raises(UngaTeachError, match="not accepted"):
        undl.read_undl(FIXTURE, resolutions="everything")


def test_bom_and_crlf_read_the_same(tmp_path: Path) -> None:
    header, rows = _rows()
    variant = _write(tmp_path / "bom_crlf.csv", header, rows, newline="\r\n", bom=True)
    a = undl.read_undl(FIXTURE, resolutions="all", cache=False)
    b = undl.read_undl(variant, resolutions="all", cache=False)
    pd.testing.assert_frame_equal(a, b)


def test_gzip_reads_the_same(tmp_path: Path) -> None:
    gz = tmp_path / "sample.csv.gz"
    gz.write_bytes(gzip.compress(FIXTURE.read_bytes()))
    a = undl.read_undl(FIXTURE, resolutions="all", cache=False)
    b = undl.read_undl(gz, resolutions="all", cache=False)
    pd.testing.assert_frame_equal(a, b)
    # gzip is recognised by its content, not its name
    renamed = tmp_path / "sample_gz.csv"
    renamed.write_bytes(gz.read_bytes())
    pd.testing.assert_frame_equal(a, undl.read_undl(renamed, resolutions="all", cache=False))


def test_columns_are_read_by_name_and_optional_ones_may_be_missing(tmp_path: Path) -> None:
    header, rows = _rows()
    drop = {header.index(c) for c in ("vote_note", "undl_link", "title", "subjects")}
    order = [i for i in range(len(header)) if i not in drop][::-1]  # reversed order
    path = _write(tmp_path / "lean.csv", [header[i] for i in order],
                  [[r[i] for i in order] for r in rows])
    frame = undl.read_undl(path)
    assert _triples(frame) == _triples(undl.read_undl(FIXTURE))
    es8 = frame[frame["resolution"] == "ES-11/8"]
    assert set(es8["source_url"]) == {"https://digitallibrary.un.org/record/4076673"}
    assert set(frame["note"]) == {""}


def test_the_2026_vote_is_found_by_draft_or_by_date(tmp_path: Path) -> None:
    header, _ = _rows()

    def row(code: str, vote: str, symbol: str, draft: str) -> list[str]:
        values = {"undl_id": "9995000", "ms_code": code, "ms_name": code, "ms_vote": vote,
                  "date": "2026-02-24", "session": "ES-11", "resolution": symbol,
                  "draft": draft, "total_yes": "107.0", "total_no": "12.0",
                  "total_abstentions": "51.0", "total_non_voting": "23.0",
                  "total_ms": "193.0", "undl_link": "https://digitallibrary.un.org/record/9995000"}
        return [values.get(c, "") for c in header]

    for symbol, draft in (("A/RES/ES-11/10", "A/ES-11/L.17"), ("A/RES/ES-11/10", ""),
                          ("", "A/ES-11/L.17")):
        path = _write(tmp_path / "v2026.csv", header,
                      [row("UKR", "Y", symbol, draft), row("RUS", "N", symbol, draft)])
        frame = undl.read_undl(path, cache=False)
        assert set(frame["resolution"]) == {"2026"}, (symbol, draft)
        assert dict(zip(frame["iso3"], frame["vote"].astype(str), strict=True)) == {
            "UKR": "yes", "RUS": "no"}


def test_two_records_for_one_course_vote_is_an_error(tmp_path: Path) -> None:
    header, rows = _rows()
    es7 = [r[:] for r in rows if r[header.index("resolution")] == "A/RES/ES-11/7"]
    for r in es7:
        r[header.index("undl_id")] = "9998888"
    path = _write(tmp_path / "twice.csv", header, rows + es7)
    with pytest.raises(DataFileError, match="two voting records match the course vote ES-11/7"):
        undl.read_undl(path, cache=False)


# ------------------------------------------------------------------- bad files
def test_missing_file() -> None:
    with pytest.raises(DataFileError, match="file not found"):
        undl.read_undl("/no/such/ga_voting.csv")


def test_missing_column(tmp_path: Path) -> None:
    header, rows = _rows()
    i = header.index("ms_vote")
    path = _write(tmp_path / "nocol.csv", header[:i] + header[i + 1:],
                  [r[:i] + r[i + 1:] for r in rows])
    with pytest.raises(DataFileError, match=r"missing column\(s\) ms_vote.*Required: undl_id"):
        undl.read_undl(path)


def test_not_the_un_file(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("country,vote\nFrance,yes\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"none of the UN columns found.*header has: country"):
        undl.read_undl(path)


def test_unknown_vote_code(tmp_path: Path) -> None:
    header, rows = _rows()
    _set(rows, header, _id_of("A/RES/ES-11/1"), "FRA", ms_vote="Q")
    path = _write(tmp_path / "badvote.csv", header, rows)
    with pytest.raises(DataFileError) as info:
        undl.read_undl(path)
    line = next(n for n, r in enumerate(rows, start=2)
                if r[header.index("ms_vote")] == "Q")
    assert info.value.line == line
    assert info.value.path == str(path)
    assert "'Q'" in str(info.value) and "FRA" in str(info.value)
    assert "Accepted: Y (yes), N (no), A (abstention), X or blank" in str(info.value)


def test_lower_case_and_spaced_codes_are_accepted(tmp_path: Path) -> None:
    header, rows = _rows()
    _set(rows, header, _id_of("A/RES/ES-11/1"), "FRA", ms_vote=" y ")
    path = _write(tmp_path / "lower.csv", header, rows)
    frame = undl.read_undl(path, cache=False)
    assert frame.loc[(frame["resolution"] == "ES-11/1") & (frame["iso3"] == "FRA"),
                     "vote"].item() == "yes"


@pytest.mark.parametrize("cut", [0.5, 0.99])
def test_truncated_file(tmp_path: Path, cut: float) -> None:
    data = FIXTURE.read_bytes()
    path = tmp_path / "cut.csv"
    path.write_bytes(data[: int(len(data) * cut)])
    with pytest.raises(DataFileError, match=r"(?i)ends in the middle of .*download it again"):
        undl.read_undl(path)


def test_truncated_in_the_last_link(tmp_path: Path) -> None:
    data = FIXTURE.read_bytes().rstrip(b"\n")
    path = tmp_path / "cut_link.csv"
    path.write_bytes(data[:-3])  # ".../record/99901" instead of ".../record/9990102"
    with pytest.raises(DataFileError, match="undl_link is cut short"):
        undl.read_undl(path)


def test_no_final_newline_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "no_newline.csv"
    path.write_bytes(FIXTURE.read_bytes().rstrip(b"\n"))
    assert len(undl.read_undl(path, resolutions="all", cache=False)) == 997


def test_truncated_gzip(tmp_path: Path) -> None:
    data = gzip.compress(FIXTURE.read_bytes())
    path = tmp_path / "cut.csv.gz"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(DataFileError, match=r"(?i)compressed data.*download it again"):
        undl.read_undl(path)


@pytest.mark.parametrize(("cut", "expected"), [(3, "undl_link is cut short"),
                                               (60, "fields instead of 20")])
def test_gzip_of_a_truncated_csv(tmp_path: Path, cut: int, expected: str) -> None:
    path = tmp_path / "cut_inside.csv.gz"
    path.write_bytes(gzip.compress(FIXTURE.read_bytes().rstrip(b"\n")[:-cut]))
    with pytest.raises(DataFileError, match=expected):
        undl.read_undl(path)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with pytest.raises(DataFileError, match="the file is empty"):
        undl.read_undl(path)


def test_header_only(tmp_path: Path) -> None:
    header, _ = _rows()
    path = _write(tmp_path / "header.csv", header, [])
    with pytest.raises(DataFileError, match="header but no data rows"):
        undl.read_undl(path)


@pytest.mark.parametrize(("delimiter", "label"), [(";", "semicolons"), ("\t", "tabs")])
def test_wrong_delimiter(tmp_path: Path, delimiter: str, label: str) -> None:
    header, rows = _rows()
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\n").writerows([header, *rows[:5]])
    path = tmp_path / "semi.csv"
    path.write_text(buf.getvalue(), encoding="utf-8")
    with pytest.raises(DataFileError, match=f"separated by {label}, not commas"):
        undl.read_undl(path)


def test_not_a_csv(tmp_path: Path) -> None:
    path = tmp_path / "ga_voting.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.write(FIXTURE, "ga_voting.csv")
    with pytest.raises(DataFileError, match="zip archive"):
        undl.read_undl(path)
    path = tmp_path / "binary.csv"
    path.write_bytes(b"\xff\xfe\x00u\x00n\x00d\x00l\x00\n")
    with pytest.raises(DataFileError, match="not UTF-8"):
        undl.read_undl(path)


def test_ragged_row_inside_the_file(tmp_path: Path) -> None:
    header, rows = _rows()
    rows[10] = rows[10][:8]
    path = _write(tmp_path / "ragged.csv", header, rows)
    with pytest.raises(DataFileError, match="fields instead of 20") as info:
        undl.read_undl(path)
    assert info.value.line == 12
    assert "line 12" in str(info.value)


def test_non_numeric_total(tmp_path: Path) -> None:
    header, rows = _rows()
    _set(rows, header, _id_of("A/RES/ES-11/1"), "FRA", total_yes="many")
    path = _write(tmp_path / "total.csv", header, rows)
    with pytest.raises(DataFileError, match="'total_yes' has the value 'many'"):
        undl.read_undl(path)


def test_fractional_total(tmp_path: Path) -> None:
    header, rows = _rows()
    _set(rows, header, _id_of("A/RES/ES-11/1"), "FRA", total_yes="141.5")
    path = _write(tmp_path / "frac.csv", header, rows)
    with pytest.raises(DataFileError, match="not a whole number"):
        undl.read_undl(path)


def test_duplicate_row(tmp_path: Path) -> None:
    header, rows = _rows()
    path = _write(tmp_path / "dup.csv", header, [*rows, rows[3]])
    with pytest.raises(DataFileError, match="two rows for the same vote"):
        undl.read_undl(path)


def test_empty_code_and_bad_date(tmp_path: Path) -> None:
    header, rows = _rows()
    _set(rows, header, _id_of("A/RES/ES-11/1"), "FRA", ms_code="")
    path = _write(tmp_path / "nocode.csv", header, rows)
    with pytest.raises(DataFileError, match="ms_code is empty"):
        undl.read_undl(path)
    header, rows = _rows()
    _set(rows, header, _id_of("A/RES/ES-11/1"), "FRA", date="2 March 2022")
    path = _write(tmp_path / "baddate.csv", header, rows)
    with pytest.raises(DataFileError, match="not a date in the form YYYY-MM-DD"):
        undl.read_undl(path)


# ------------------------------------------------------------------------- cache
def test_second_load_uses_the_parquet_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "ga.csv"
    path.write_bytes(FIXTURE.read_bytes())
    calls: list[int] = []
    real_parse = undl_read.parse_csv

    def counting(*args, **kwargs):
        calls.append(1)
        return real_parse(*args, **kwargs)

    monkeypatch.setattr(undl_read, "parse_csv", counting)
    first = undl.read_undl(path, resolutions="all")
    cached = undl.cache_file(path)
    assert cached.is_file() and cached.parent == tmp_path / "cache"
    assert len(calls) == 1

    def failing(*args, **kwargs):
        raise AssertionError("the CSV was parsed again")

    monkeypatch.setattr(undl_read, "parse_csv", failing)
    second = undl.read_undl(path, resolutions="all")
    pd.testing.assert_frame_equal(first, second)
    monkeypatch.setattr(undl_read, "parse_csv", real_parse)
    pd.testing.assert_frame_equal(undl.read_undl(path), undl.read_undl(path, cache=False))


def test_cache_equals_a_fresh_parse() -> None:
    fresh = undl.read_undl(FIXTURE, resolutions="all", cache=False)
    undl.read_undl(FIXTURE, resolutions="all")
    cached = undl.read_undl(FIXTURE, resolutions="all")
    pd.testing.assert_frame_equal(fresh, cached)


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    undl.read_undl(FIXTURE, cache=False)
    assert not (tmp_path / "cache").exists()


def test_corrupt_cache_is_ignored_and_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "ga.csv"
    path.write_bytes(FIXTURE.read_bytes())
    expected = undl.read_undl(path, resolutions="all")
    rows_file = undl.cache_file(path)
    rows_file.write_bytes(b"not parquet at all")
    calls: list[int] = []
    real_parse = undl_read.parse_csv
    monkeypatch.setattr(undl_read, "parse_csv",
                        lambda *a, **k: calls.append(1) or real_parse(*a, **k))
    pd.testing.assert_frame_equal(undl.read_undl(path, resolutions="all"), expected)
    assert calls == [1]
    assert undl_cache.read_cache(rows_file) is not None  # rebuilt


def _same_frame(a: pd.DataFrame, b: pd.DataFrame) -> None:
    """Equal by row content, whatever the row order and the categories' order."""
    def norm(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        for col in out.columns:
            if isinstance(out[col].dtype, pd.CategoricalDtype):
                out[col] = out[col].astype(object)
        return out.sort_values(["undl_id", "iso3"]).reset_index(drop=True)

    pd.testing.assert_frame_equal(norm(a), norm(b))


def test_interleaved_votes_read_like_grouped_ones(tmp_path: Path) -> None:
    """Rows of a vote need not be contiguous (the fast path assumes they usually are)."""
    header, rows = _rows()
    grouped = undl.read_undl(_write(tmp_path / "grouped.csv", header, rows), resolutions="all")
    mixed = [r for pair in zip(rows[::2], rows[1::2], strict=False) for r in reversed(pair)]
    mixed += rows[len(mixed):]
    mixed = mixed[1::2] + mixed[::2]  # every vote split into two or more runs
    path = _write(tmp_path / "mixed.csv", header, mixed)
    fresh = undl.read_undl(path, resolutions="all", cache=False)
    _same_frame(fresh, grouped)
    undl.read_undl(path, resolutions="all")
    pd.testing.assert_frame_equal(undl.read_undl(path, resolutions="all"), fresh)  # cached


def test_a_value_that_varies_within_a_vote_is_kept_per_row(tmp_path: Path) -> None:
    header, rows = _rows()
    uid = _id_of("A/RES/ES-11/1")
    _set(rows, header, uid, "FRA", draft=" A/ES-11/L.1 ", session="ES-11x", total_ms="194.0",
         date=" 2022-03-02")
    path = _write(tmp_path / "ga.csv", header, rows)
    fresh = undl.read_undl(path, resolutions="all", cache=False)
    fra = fresh[(fresh["undl_id"] == int(uid)) & (fresh["iso3"] == "FRA")].iloc[0]
    deu = fresh[(fresh["undl_id"] == int(uid)) & (fresh["iso3"] == "DEU")].iloc[0]
    assert fra["draft"] == deu["draft"] == "A/ES-11/L.1"  # stripped: still one value per vote
    assert (fra["session"], deu["session"]) == ("ES-11x", "ES-11")
    assert (fra["total_ms"], deu["total_ms"]) == (194, 193)
    assert fra["date"] == deu["date"]
    undl.read_undl(path, resolutions="all")
    pd.testing.assert_frame_equal(undl.read_undl(path, resolutions="all"), fresh)  # cached


def test_a_cached_frame_can_be_changed_in_place(tmp_path: Path) -> None:
    path = tmp_path / "ga.csv"
    path.write_bytes(FIXTURE.read_bytes())
    undl.read_undl(path, resolutions="all")
    frame = undl.read_undl(path, resolutions="all")  # from the cache
    symbol = frame.loc[0, "symbol"]
    other = next(s for s in frame["symbol"].cat.categories if s != symbol)
    frame.loc[0, "resolution"] = other
    current = frame.loc[0, "current_iso3"]
    frame.loc[0, "iso3"] = frame.loc[1, "iso3"]
    frame.loc[0, "total_ms"] = 1
    assert frame.loc[0, "symbol"] == symbol  # the columns share no memory
    assert frame.loc[0, "current_iso3"] == current
    assert frame.loc[0, "total_ms"] == 1 and frame.loc[1, "total_ms"] != 1
    again = undl.read_undl(path, resolutions="all")  # the cache file is not changed
    assert again.attrs["cache"].startswith("read: ")
    pd.testing.assert_frame_equal(again, undl.read_undl(path, resolutions="all", cache=False))


def test_blanks_survive_the_cache(tmp_path: Path) -> None:
    """A blank date (NaT), blank totals (Int16 <NA>) and a state with no successor (<NA>)."""
    header, rows = _rows()
    uid = _id_of("A/RES/ES-11/1")
    for row in rows:
        if row[header.index("undl_id")] == uid:
            row[header.index("date")] = ""
            row[header.index("total_no")] = ""
    _set(rows, header, uid, "FRA", ms_code="YUG", ms_name="YUGOSLAVIA")
    path = _write(tmp_path / "ga.csv", header, rows)
    fresh = undl.read_undl(path, resolutions="all", cache=False)
    assert fresh["date"].isna().sum() == fresh["total_no"].isna().sum() > 0
    assert str(fresh["total_no"].dtype) == "Int16" and fresh["current_iso3"].isna().any()
    undl.read_undl(path, resolutions="all")
    cached = undl.read_undl(path, resolutions="all")
    assert cached.attrs["cache"].startswith("read: ")
    pd.testing.assert_frame_equal(cached, fresh)


def test_a_change_made_while_the_cache_is_written_never_reaches_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache is written by a thread; the caller may change the frame meanwhile."""
    path = tmp_path / "ga.csv"
    path.write_bytes(FIXTURE.read_bytes())
    gate = threading.Event()
    real_write = undl_cache._write_ipc

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        assert gate.wait(30)
        return real_write(*args, **kwargs)

    monkeypatch.setattr(undl_cache, "_write_ipc", held)
    frame = undl.read_undl(path, resolutions="all")
    assert frame.attrs["cache"].startswith("written: ")
    expected = frame.copy(deep=True)
    frame.loc[0, "total_ms"] = 999
    frame.loc[0, "iso3"] = frame.loc[1, "iso3"]
    frame.loc[0, "date"] = pd.Timestamp("1999-01-01")
    gate.set()
    cached = undl.read_undl(path, resolutions="all")  # waits for the write, then maps it
    assert cached.attrs["cache"].startswith("read: ")
    pd.testing.assert_frame_equal(cached, expected)

    # the same for the frame of every row that the other readers share (load_all)
    gate.clear()
    path.write_bytes(FIXTURE.read_bytes() + b"\n")  # another file, another cache entry
    whole, status = undl_read.load_all(path, cache=True, progress=False)
    assert status.action == "written"
    expected = whole.copy(deep=True)
    whole.loc[0, "total_ms"] = 999
    whole.loc[0, "iso3"] = whole.loc[1, "iso3"]
    gate.set()
    pd.testing.assert_frame_equal(undl.read_undl(path, resolutions="all"), expected)


def test_the_cache_reads_from_memory_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Where a file cannot be mapped (Windows), the cache file is read into memory."""
    path = tmp_path / "ga.csv"
    path.write_bytes(FIXTURE.read_bytes())
    expected = undl.read_undl(path, resolutions="all")
    monkeypatch.setattr(undl_cache, "_map", lambda p: bytearray(p.read_bytes()))
    frame = undl.read_undl(path, resolutions="all")
    assert frame.attrs["cache"].startswith("read: ")
    pd.testing.assert_frame_equal(frame, expected)
    frame.loc[0, "total_ms"] = 1  # still a frame of its own
    assert frame.loc[0, "total_ms"] == 1


def test_a_truncated_cache_file_is_ignored_and_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "ga.csv"
    path.write_bytes(FIXTURE.read_bytes())
    expected = undl.read_undl(path, resolutions="all")
    cached = undl.cache_file(path)
    data = cached.read_bytes()
    for cut in (len(data) // 2, len(data) - 10):
        cached.write_bytes(data[:cut])
        assert undl_cache.read_cache(cached) is None
    frame = undl.read_undl(path, resolutions="all")
    assert frame.attrs["cache"].startswith("written: ")
    pd.testing.assert_frame_equal(frame, expected)


def test_a_changed_file_is_parsed_again(tmp_path: Path) -> None:
    header, rows = _rows()
    path = _write(tmp_path / "ga.csv", header, rows)
    before = undl.read_undl(path)
    key = undl.cache_key(path)
    # same size, different content (an in-place edit of one vote), new mtime
    _set(rows, header, _id_of("A/RES/ES-11/1"), "FRA", ms_vote="N")
    _write(path, header, rows)
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert undl.cache_key(path) != key
    after = undl.read_undl(path)
    fra = (after["resolution"] == "ES-11/1") & (after["iso3"] == "FRA")
    assert after.loc[fra, "vote"].item() == "no"
    assert before.loc[fra, "vote"].item() == "yes"


def test_cache_dir_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("UNGA_TEACH_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert undl.cache_dir() == tmp_path / "xdg" / "unga_teach"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert undl.cache_dir() == Path.home() / ".cache" / "unga_teach"


def test_progress_bar(tmp_path: Path) -> None:
    frame = undl.read_undl(FIXTURE, progress=True, cache=False)
    assert len(frame) == 5 * 193
    gz = tmp_path / "sample.csv.gz"
    gz.write_bytes(gzip.compress(FIXTURE.read_bytes()))
    assert len(undl.read_undl(gz, progress=True, cache=False, resolutions="all")) == 997


# -------------------------------------------------------------- official record
def test_use_official_record_switches_and_back() -> None:
    assert set(ut.coverage()["record"]) == {"shipped"}
    ut.use_official_record(FIXTURE)
    cov = ut.coverage().set_index("resolution")
    assert cov.loc[COMPLETE, "record"].eq("official").all()
    assert cov.loc["2026", "record"] == "shipped"
    assert cov.loc["ES-11/2", "record"] == "shipped"
    assert cov.loc[COMPLETE, "status"].eq("complete").all()
    votes = ut.load_votes("ES-11/7")
    assert set(votes["confidence"].astype(str)) == {"official"}
    assert set(votes["source_url"]) == {"https://digitallibrary.un.org/record/4076672"}
    assert set(ut.load_votes("2026")["confidence"].astype(str)) != {"official"}
    assert record.official_source() == str(FIXTURE)
    assert ut.validate() == []
    ut.use_official_record(None)
    assert set(ut.coverage()["record"]) == {"shipped"}
    assert "official" not in set(ut.load_votes("ES-11/7")["confidence"].astype(str))
    assert record.official_source() is None


def test_environment_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UNGA_TEACH_UNDL", str(FIXTURE))
    record.reset()
    cov = ut.coverage().set_index("resolution")
    assert cov.loc["ES-11/8", "record"] == "official"
    assert record.official_source() == str(FIXTURE)


def test_environment_variable_with_a_bad_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 11.3: one behaviour on every call: a warning once, then shipped data."""
    monkeypatch.setenv("UNGA_TEACH_UNDL", "/no/such/file.csv")
    record.reset()
    with pytest.warns(UserWarning, match="file not found"):
        first = ut.load_votes("2026")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no second warning
        second = ut.load_votes("2026")
        assert set(ut.coverage()["record"]) == {"shipped"}
    pd.testing.assert_frame_equal(first, second)
    info = ut.current_record()
    assert info.kind == "shipped"
    assert "file not found" in (info.warning or "")
    assert "shipped" in str(info)


def test_non_member_code_in_a_course_vote_is_not_installed(tmp_path: Path) -> None:
    header, rows = _rows()
    extra = next(r[:] for r in rows if r[header.index("resolution")] == "A/RES/ES-11/7")
    extra[header.index("ms_code")], extra[header.index("ms_name")] = "SUN", "USSR"
    path = _write(tmp_path / "sun.csv", header, [*rows, extra])
    course = undl.read_undl(path)
    assert "SUN" in set(course["iso3"])  # read, not dropped
    with pytest.raises(DataFileError, match="not a current member state"):
        ut.use_official_record(path)
    assert record.official_votes() is None
    table = ut.compare_with_official(path)
    bad = table[table["kind"] == "not a member state"]
    assert bad[["resolution", "iso3"]].values.tolist() == [["ES-11/7", "SUN"]]


# -------------------------------------------------------------------- comparison
def test_compare_the_fixture_agrees() -> None:
    table = ut.compare_with_official(FIXTURE)
    assert table.empty
    assert list(table.columns) == undl.COMPARE_COLUMNS
    assert table.attrs["covered"] == COMPLETE
    assert "2026" in table.attrs["not_covered"]
    codes = {r["code"] for r in table.attrs["historical_codes"]}
    assert {"SUN", "YUG", "CSK"} <= codes


def test_compare_reports_exactly_the_flipped_vote(tmp_path: Path) -> None:
    header, rows = _rows()
    es7 = _id_of("A/RES/ES-11/7")
    _set(rows, header, es7, "FRA", ms_vote="N")
    # keep the file's own totals consistent with its rows, as the UN file is
    for r in rows:
        if r[0] == es7:
            r[header.index("total_yes")], r[header.index("total_no")] = "92.0", "19.0"
    table = ut.compare_with_official(_write(tmp_path / "flip.csv", header, rows))
    votes = table[table["kind"] == "different vote"]
    assert votes[["resolution", "iso3", "shipped_vote", "official_vote"]].values.tolist() == [
        ["ES-11/7", "FRA", "yes", "no"]]
    fra = votes.iloc[0]
    assert fra["name"] == "France"
    assert fra["shipped_confidence"] != ""
    assert fra["shipped_source"].startswith("http")
    totals = table[table["kind"] == "totals differ"]
    assert set(totals["resolution"]) == {"ES-11/7"}
    assert sorted(totals["name"]) == ["total no", "total yes"]
    assert set(table["kind"]) == {"different vote", "totals differ"}


def test_compare_flipped_vote_with_stale_totals(tmp_path: Path) -> None:
    header, rows = _rows()
    _set(rows, header, _id_of("A/RES/ES-11/8"), "FRA", ms_vote="A")
    table = ut.compare_with_official(_write(tmp_path / "flip.csv", header, rows))
    assert table.loc[table["kind"] == "different vote", ["iso3", "official_vote"]
                     ].values.tolist() == [["FRA", "abstain"]]
    totals = table[table["kind"] == "totals differ"]
    assert totals["detail"].str.contains("but the file has").all()


def test_compare_missing_rows_and_unknown_votes(tmp_path: Path) -> None:
    header, rows = _rows()
    es1 = _id_of("A/RES/ES-11/1")
    rows = [r for r in rows if not (r[0] == es1 and r[1] == "KEN")]
    # a partial vote of the shipped data (2026 at least, found by its draft symbol)
    shipped = shipped_votes()
    cov = ut.coverage().set_index("resolution")
    res = ut.load_resolutions().set_index("id")
    partial = [r for r in cov.index if cov.loc[r, "status"] == "partial"]
    if not partial:
        pytest.skip("every vote is complete in the shipped data")
    rid = partial[0]
    info = res.loc[rid]
    known_votes = shipped[shipped["resolution"] == rid].set_index("iso3")["vote"]
    known = str(known_votes.index[0])
    unknown = next(i for i in ut.load_members()["iso3"] if i not in known_votes.index)
    letter = {"yes": "Y", "no": "N", "abstain": "A", "non_voting": "X"}

    def row(code: str, vote: str) -> list[str]:
        values = {"undl_id": "9997000", "ms_code": code, "ms_name": code, "ms_vote": vote,
                  "date": f"{info['date']:%Y-%m-%d}", "session": str(info["session"]),
                  "resolution": str(info["symbol"]) or "A/RES/ES-11/99",
                  "draft": str(info["draft"]),
                  "total_yes": f"{info['yes']}.0", "total_no": f"{info['no']}.0",
                  "total_abstentions": f"{info['abstain']}.0",
                  "total_non_voting": f"{info['non_voting']}.0", "total_ms": "193.0"}
        return [values.get(c, "") for c in header]

    rows += [row(known, letter[str(known_votes[known])]), row(unknown, "Y")]
    table = ut.compare_with_official(_write(tmp_path / "missing.csv", header, rows))
    miss = table[(table["kind"] == "missing in official file") & (table["resolution"] == "ES-11/1")]
    assert miss["iso3"].tolist() == ["KEN"]
    new = table[table["kind"] == "missing in shipped data"]
    assert new[["resolution", "iso3", "shipped_vote", "official_vote"]].values.tolist() == [
        [rid, unknown, "unknown", "yes"]]
    partial_missing = table[(table["kind"] == "missing in official file")
                            & (table["resolution"] == rid)]
    assert len(partial_missing) == 191
    assert known not in set(partial_missing["iso3"])
    assert set(table["kind"]) <= set(undl.COMPARE_KINDS)
    assert table["resolution"].tolist() == sorted(
        table["resolution"].tolist(), key=ut.series().index)


def test_compare_totals_against_resolutions_csv(tmp_path: Path) -> None:
    header, rows = _rows()
    es8 = _id_of("A/RES/ES-11/8")
    for r in rows:
        if r[0] == es8:
            r[header.index("total_yes")] = "94.0"
    table = ut.compare_with_official(_write(tmp_path / "totals.csv", header, rows))
    assert set(table["kind"]) == {"totals differ"}
    assert set(table["resolution"]) == {"ES-11/8"}
    details = " | ".join(table["detail"])
    assert "data/resolutions.csv has 93" in details
    assert "but the file has 93 such rows" in details


def test_compare_uses_the_shipped_data_even_with_the_official_record(tmp_path: Path) -> None:
    header, rows = _rows()
    _set(rows, header, _id_of("A/RES/ES-11/7"), "FRA", ms_vote="N")
    path = _write(tmp_path / "flip.csv", header, rows)
    ut.use_official_record(path)
    table = ut.compare_with_official(path)
    assert ["ES-11/7", "FRA"] in table.loc[table["kind"] == "different vote",
                                           ["resolution", "iso3"]].values.tolist()


# --------------------------------------------------------------------- agreement
def _reference(frame: pd.DataFrame, include_abstain: bool = True) -> pd.DataFrame:
    """Pairwise agreement, the slow and obvious way."""
    positions = {"yes", "no", "abstain"} if include_abstain else {"yes", "no"}
    states = sorted(frame["iso3"].astype(str).unique())
    votes = {(str(r), str(i)): str(v)
             for r, i, v in zip(frame["resolution"], frame["iso3"], frame["vote"], strict=True)}
    ids = sorted(set(frame["resolution"].astype(str)))
    out = pd.DataFrame(np.nan, index=states, columns=states)
    for a, b in itertools.product(states, states):
        pairs = [(votes.get((r, a)), votes.get((r, b))) for r in ids]
        both = [(x, y) for x, y in pairs if x in positions and y in positions]
        if both:
            out.loc[a, b] = sum(x == y for x, y in both) / len(both)
    return out


def test_agreement_matrix_on_the_course_data_matches_analysis() -> None:
    m = ut.agreement_matrix()
    assert m.shape == (193, 193)
    assert np.allclose(m.to_numpy(), m.to_numpy().T, equal_nan=True)
    diag = np.diag(m.to_numpy())
    assert np.all((diag == 1.0) | np.isnan(diag))
    assert (diag == 1.0).sum() > 150
    for a, b in (("FRA", "RUS"), ("UKR", "BLR"), ("CHN", "IND"), ("USA", "HUN")):
        assert m.loc[a, b] == pytest.approx(ut.agreement(a, b), nan_ok=True)
    sub = ut.agreement_matrix(resolutions=["ES-11/1", "ES-11/7"], countries=["Russia", "FRA"])
    assert list(sub.index) == ["RUS", "FRA"]
    assert sub.loc["RUS", "FRA"] == pytest.approx(ut.agreement("RUS", "FRA",
                                                               ["ES-11/1", "ES-11/7"]))


def test_agreement_matrix_on_the_whole_file() -> None:
    frame = undl.read_undl(FIXTURE, resolutions="all")
    m = undl.agreement_matrix(frame)
    assert "SUN" in m.index and "UKR" in m.index
    ref = _reference(frame)
    pd.testing.assert_frame_equal(m, ref.loc[m.index, m.columns], check_names=False)
    assert m.loc["SUN", "CSK"] == 1.0
    assert m.loc["SUN", "USA"] == 0.0


def test_agreement_matrix_options() -> None:
    v = pd.DataFrame({
        "resolution": ["r1", "r1", "r2", "r2", "r3", "r3"],
        "iso3": ["AAA", "BBB"] * 3,
        "vote": ["yes", "yes", "abstain", "yes", "no", "non_voting"],
    })
    m = undl.agreement_matrix(v)
    assert m.loc["AAA", "BBB"] == 0.5
    assert undl.agreement_matrix(v, include_abstain=False).loc["AAA", "BBB"] == 1.0
    assert np.isnan(undl.agreement_matrix(v, min_votes=3).loc["AAA", "BBB"])
    assert undl.agreement_matrix(v, resolutions=["r1"]).loc["AAA", "BBB"] == 1.0
    with pytest.raises(UngaTeachError, match="not in the votes given"):
        undl.agreement_matrix(v, resolutions=["r9"])
    with pytest.raises(UngaTeachError, match="needs the column"):
        undl.agreement_matrix(v.drop(columns="vote"))
    with pytest.raises(UngaTeachError, match="min_votes"):
        undl.agreement_matrix(v, min_votes=0)


_VOTE = st.sampled_from(["yes", "no", "abstain", "non_voting", "unknown", None])


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 6), st.integers(1, 9), st.data(), st.booleans())
def test_agreement_matrix_equals_the_pairwise_definition(n_states: int, n_votes: int,
                                                         data: st.DataObject,
                                                         include_abstain: bool) -> None:
    rows = []
    for s in range(n_states):
        for r in range(n_votes):
            vote = data.draw(_VOTE)
            if vote is not None:  # None: no row at all
                rows.append((f"r{r}", f"S{s:02d}", vote))
    if not rows:
        return
    frame = pd.DataFrame(rows, columns=["resolution", "iso3", "vote"])
    if data.draw(st.booleans()):
        frame["vote"] = frame["vote"].astype(VOTE_DTYPE)
    m = undl.agreement_matrix(frame, include_abstain=include_abstain)
    ref = _reference(frame, include_abstain)
    pd.testing.assert_frame_equal(m, ref, check_names=False)
    assert np.allclose(m.to_numpy(), m.to_numpy().T, equal_nan=True)
    diag = np.diag(m.to_numpy())
    assert np.all((diag == 1.0) | np.isnan(diag))
