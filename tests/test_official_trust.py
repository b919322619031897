"""Regression tests for issue 20: trust on the official-record path.

A damaged cache, hostile records, and files that must never be lost. Each
``test_d<N>_...`` test fails on the code before the fix of defect N; the
``test_minor_...`` tests cover the minor issues. Permission problems and a
full disk are simulated by monkeypatching (the tests run as root).
"""

from __future__ import annotations

import csv
import errno
import io
import os
import random
import re
import shutil
import threading
import warnings
from collections.abc import Callable
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest

import unga_teach as ut
from unga_teach import fileio
from unga_teach.cli import main
from unga_teach.errors import DataFileError
from unga_teach.lesson import lesson_cells
from unga_teach.official import cache as official_cache
from unga_teach.official import read as official_read
from unga_teach.validation import validate_official

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "fixtures" / "undl_sample.csv"
EXTRA = ROOT / "tests" / "fixtures" / "undl_extra.csv"
MIDEAST = "A/RES/79/9901"  # undl_id 9990201, lines 999-1191 of the extra fixture
OCEANS = "A/RES/78/9902"  # undl_id 9990202
VOTE_KEY = ["undl_id", "iso3", "vote", "symbol", "draft", "resolution"]

from record_isolation import isolated_record  # noqa: E402, F401  (a fixture)

pytestmark = pytest.mark.usefixtures("isolated_record")


# ----------------------------------------------------------------------- helpers
def _rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        return header, list(reader)


def _write_rows(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _edited(tmp_path: Path, edit: Callable[[dict[str, str]], None], *,
            undl_id: str = "9990201", name: str = "ga.csv") -> Path:
    """The extra fixture with ``edit`` applied to every row of one vote."""
    header, rows = _rows(EXTRA)
    for row in rows:
        if row[0] == undl_id:
            values = dict(zip(header, row, strict=True))
            edit(values)
            row[:] = [values[c] for c in header]
    return _write_rows(tmp_path / name, header, rows)


def _use(path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ut.use_official_record(path)


def _column_offset(data: bytes, column: str) -> tuple[int, np.dtype]:
    """Where the codes (or values) of ``column`` start in a cache file, and their dtype."""
    import pyarrow as pa
    import pyarrow.ipc as ipc

    buffer = pa.py_buffer(data)
    batch = ipc.open_file(buffer).get_batch(0)
    array = batch.column(batch.schema.names.index(column))
    if pa.types.is_dictionary(array.type):
        array = array.indices
    dtype = np.dtype(array.type.to_pandas_dtype())
    return array.buffers()[1].address - buffer.address + array.offset * dtype.itemsize, dtype


def _cached(tmp_path: Path, source: Path = SAMPLE) -> tuple[Path, Path, pd.DataFrame]:
    """A copy of ``source``, its cache file (written) and the frame read without the cache."""
    path = tmp_path / source.name
    if not path.exists():
        shutil.copy(source, path)
    expected = ut.read_undl(path, resolutions="all", cache=False)
    ut.read_undl(path, resolutions="all")
    official_cache.wait_for_writes()
    return path, official_cache.cache_file(path), expected


def _read_quietly(path: Path, **kwargs: object) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ut.read_undl(path, resolutions="all", **kwargs)  # type: ignore[arg-type]


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1, err
    return err


# ------------------------------------------------- 1. compare --csv overwrites files
def test_d1_compare_csv_never_writes_onto_the_file_compared(tmp_path: Path, capsys) -> None:
    path = tmp_path / "r.csv"
    shutil.copy(SAMPLE, path)
    before = path.read_bytes()
    for extra in ([], ["--force"]):
        assert main(["compare", str(path), "--csv", str(path), *extra]) == 2
        assert "the file being compared" in _error(capsys)
        assert path.read_bytes() == before
    link = tmp_path / "link.csv"
    link.symlink_to(path)
    assert main(["compare", str(path), "--csv", str(link), "--force"]) == 2
    assert path.read_bytes() == before


def test_d1_compare_csv_refuses_an_existing_file_unless_forced(tmp_path: Path, capsys) -> None:
    out = tmp_path / "diff.csv"
    out.write_text("mine\n", encoding="utf-8")
    assert main(["compare", str(SAMPLE), "--csv", str(out)]) == 2
    assert "already exists" in _error(capsys) and out.read_text() == "mine\n"
    assert main(["compare", str(SAMPLE), "--csv", str(out), "--force"]) == 0
    assert out.read_text().startswith("resolution,iso3,")
    new = tmp_path / "new.csv"
    assert main(["compare", str(SAMPLE), "--csv", str(new)]) == 0 and new.is_file()


# ------------------------------------- 2. one bad byte in the cache: no traceback
def test_d2_an_out_of_range_vote_code_in_the_cache_is_rebuilt(tmp_path: Path, capsys) -> None:
    path, cached, expected = _cached(tmp_path)
    data = bytearray(cached.read_bytes())
    offset, _ = _column_offset(bytes(data), "vote")
    data[offset] = 0x7F  # code 127 of a five-value dictionary
    cached.write_bytes(bytes(data))
    with pytest.warns(UserWarning, match="cache rebuilt from the file"):
        frame = ut.read_undl(path, resolutions="all")
    pd.testing.assert_frame_equal(frame, expected)
    assert "rebuilt" in frame.attrs["cache"]
    official_cache.wait_for_writes()
    cached.write_bytes(bytes(data))
    assert main(["import", str(path)]) == 0  # every command works, and says so
    assert "rebuilt from the file" in capsys.readouterr().out


def test_d2_the_record_in_use_survives_a_damaged_cache(tmp_path: Path) -> None:
    path, cached, _ = _cached(tmp_path)
    data = bytearray(cached.read_bytes())
    offset, _ = _column_offset(bytes(data), "iso3")
    data[offset:offset + 2] = (30000).to_bytes(2, "little")
    cached.write_bytes(bytes(data))
    _use(path)
    assert ut.current_record().kind == "official"
    assert len(ut.load_votes("ES-11/7")) == 193
    assert "cache rebuilt" in (ut.current_record().warning or "")


# -------------------------------------------- 3. the lesson escapes the record
HOSTILE_TITLE = ('<img src=x onerror="alert(1)"> $\\frac{1}{2}$ ~~struck~~ '
                 "[link](javascript:alert(2)) \u202egnp.exe\u202c")


def _hostile_record(tmp_path: Path) -> Path:
    def edit(v: dict[str, str]) -> None:
        v["title"] = HOSTILE_TITLE
        v["resolution"] = 'A/RES/79/<img src=y onerror="alert(3)">$x$'
        v["draft"] = "A/79/L.1<script>alert(4)</script>"
        v["undl_link"] = "https://digitallibrary.un.org/record/1><img src=q onerror=alert(5)>"

    folder = tmp_path / "x`<img src=z onerror=alert(6)>$y$"
    folder.mkdir()
    return _edited(tmp_path, edit, name=str(folder.relative_to(tmp_path) / "ga`$<b>.csv"))


def _markdown_is_inert(markdown: str) -> None:
    """No live HTML, link, maths or strike-through, and no bidi control."""
    plain = markdown.replace("\\\\", "")  # an escaped backslash escapes nothing after it
    for i, ch in enumerate(plain):
        if ch == "<":  # only autolinks to http(s) addresses
            assert plain.startswith(("<https://", "<http://"), i), plain[i - 40:i + 40]
        if ch in "$~":
            assert plain[i - 1] == "\\", plain[i - 40:i + 40]
    assert not re.search(r"(?<!\\)\]\(\s*javascript", markdown)  # no live link
    for needle in ("<img", "<script", "<javascript", "\u202e", "\u202c"):
        assert needle not in markdown


def test_d3_the_lesson_markdown_escapes_everything_from_the_record(tmp_path: Path) -> None:
    record_file = _hostile_record(tmp_path)
    out = tmp_path / "lesson.ipynb"
    path = ut.make_lesson("9990201", out, record=record_file)
    nb = nbformat.read(path, as_version=4)
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    _markdown_is_inert(markdown)
    assert "&lt;img src=x onerror=\"alert(1)\"&gt;" in markdown  # shown, as text
    assert "\\$\\\\frac" in markdown and "\\~\\~struck" in markdown
    assert "digitallibrary.un.org/record/1>" not in markdown  # not a well-formed http link
    assert "no valid web address" in markdown
    for cell in nb.cells:
        if cell.cell_type == "code":
            compile(cell.source, cell.id, "exec")  # the record's text stays a string


def test_d3_md_link_accepts_only_well_formed_http_addresses() -> None:
    from unga_teach.lesson_text import md_link

    assert md_link("https://digitallibrary.un.org/record/4060887") is not None
    for bad in ("javascript:alert(1)", "https://x.org/a b", "https://x.org/<img>",
                "http://", "https://user:pw@x.org/", "data:text/html,<b>",
                "https://x.org/\u202e", "ftp://x.org/f", "https://x..org/"):
        assert md_link(bad) is None, bad


# ------------------------------------ 4. a flipped byte gives wrong "official" votes
def test_d4_a_yes_turned_no_in_the_cache_is_caught_and_rebuilt(tmp_path: Path) -> None:
    path, cached, expected = _cached(tmp_path)
    data = bytearray(cached.read_bytes())
    offset, dtype = _column_offset(bytes(data), "vote")
    codes = np.frombuffer(bytes(data), dtype=dtype, count=len(expected), offset=offset)
    yes, no = (int(np.flatnonzero(codes == c)[0]) for c in (0, 1))
    data[offset + yes * dtype.itemsize] = 1  # a yes becomes a no ...
    data[offset + no * dtype.itemsize] = 0  # ... and a no a yes: the totals still agree
    cached.write_bytes(bytes(data))
    frame = _read_quietly(path)
    pd.testing.assert_frame_equal(frame, expected)
    assert "checksum" in frame.attrs["cache"]


def test_d4_another_files_cache_entry_is_never_used(tmp_path: Path) -> None:
    path, cached, expected = _cached(tmp_path)
    _, other_cached, _ = _cached(tmp_path, EXTRA)
    shutil.copy(other_cached, cached)  # another record's entry in the right place
    frame = _read_quietly(path)
    pd.testing.assert_frame_equal(frame, expected)
    assert "another file" in frame.attrs["cache"]


def test_d4_fuzz_random_flipped_bytes_never_give_a_traceback_or_a_wrong_vote(
        tmp_path: Path) -> None:
    """A bounded number of flips (one byte each, anywhere in the file): a few seconds."""
    path, cached, expected = _cached(tmp_path)
    original = cached.read_bytes()
    want = expected[VOTE_KEY].astype(str)
    rng = random.Random(20)
    # anywhere, in the column data (the middle of the file), and in the footer (the
    # schema again: a timestamp's unit or a dictionary's order flipped there)
    positions = [rng.randrange(len(original)) for _ in range(10)]
    positions += [rng.randrange(len(original) // 3, len(original) * 2 // 3) for _ in range(10)]
    positions += [rng.randrange(len(original) - 1500, len(original)) for _ in range(10)]
    for pos in positions:
        data = bytearray(original)
        data[pos] ^= rng.randrange(1, 256)
        official_cache.wait_for_writes()
        cached.write_bytes(bytes(data))
        frame = _read_quietly(path)  # never raises
        assert frame[VOTE_KEY].astype(str).equals(want), f"byte {pos}"
        pd.testing.assert_frame_equal(frame, expected)
    official_cache.wait_for_writes()


def test_d4_the_key_and_checksum_are_stored_in_the_entry(tmp_path: Path) -> None:
    import json

    import pyarrow as pa
    import pyarrow.ipc as ipc

    path, cached, _ = _cached(tmp_path)
    schema = ipc.open_file(pa.py_buffer(cached.read_bytes())).schema
    meta = json.loads(schema.metadata[b"unga_teach"])
    assert meta["key"] == official_cache.cache_key(path)
    assert len(meta["checksum"]) == 32 and meta["rows"] > 0


# --------------------------------- 5. a non-course vote cut at a line end
def _cut(tmp_path: Path, lines: int = 1100) -> Path:
    out = tmp_path / "cut.csv"
    with EXTRA.open(encoding="utf-8") as fh:
        out.write_text("".join(fh.readlines()[:lines]), encoding="utf-8")
    return out


def test_d5_a_non_course_vote_cut_at_a_line_end_is_refused(tmp_path: Path, capsys) -> None:
    path = _cut(tmp_path)
    _use(path)
    with pytest.raises(DataFileError, match=r"does not show the vote A/RES/79/9901 whole "
                                            r"\(102 rows but total_ms says 193"):
        ut.load_votes(MIDEAST)
    with pytest.raises(DataFileError, match="whole"):
        ut.group_table(MIDEAST)
    problems = validate_official()
    assert any("not shown whole" in p or "does not show whole" in p for p in problems), problems
    assert any("A/RES/79/9901: 102 rows but total_ms says 193" in p for p in problems)
    out = tmp_path / "x.ipynb"
    assert main(["lesson", MIDEAST, "--record", str(path), "--out", str(out)]) == 2
    assert "whole" in _error(capsys) and not out.exists()
    assert len(ut.load_votes("ES-11/7")) == 193  # the complete votes still work


# --------------------------------------------------------- 6. blank totals become 0
def test_d6_blank_totals_are_counted_from_the_rows(tmp_path: Path) -> None:
    def blank(v: dict[str, str]) -> None:
        for col in ("total_yes", "total_no", "total_abstentions", "total_non_voting",
                    "total_ms"):
            v[col] = ""

    path = _edited(tmp_path, blank)
    header, rows = _rows(EXTRA)
    votes = [r[header.index("ms_vote")] for r in rows if r[0] == "9990201"]
    _use(path)
    info = ut.resolution_info(MIDEAST)
    assert (info["yes"], info["no"], info["total_members"]) == (
        votes.count("Y"), votes.count("N"), len(votes))
    assert info["totals_counted"] and "counted from its rows" in info["note"]
    assert "0 of 0" not in repr(info)
    cells = lesson_cells(MIDEAST)
    title = cells[0].source
    assert f"{votes.count('Y')} in favour" in title and "0 of 0" not in title
    assert "counted from the record's rows" in " ".join(title.split())


# ------------------------------- 7. tracebacks on files that import and validate accept
def test_d7_a_title_that_is_not_utf8_and_a_blank_date(tmp_path: Path) -> None:
    header, rows = _rows(EXTRA)
    for row in rows:
        if row[0] == "9990202":
            row[header.index("date")] = ""
    text = _write_rows(tmp_path / "x.csv", header, rows).read_bytes()
    raw = text.replace(b"Peaceful settlement in the Middle East",
                       b"Peaceful \xff\xfe settlement in the Middle East")
    path = tmp_path / "ga.csv"
    path.write_bytes(raw)
    assert main(["import", str(path)]) == 0
    _use(path)
    assert validate_official() == []
    info = ut.resolution_info(MIDEAST)
    assert "\ufffd" in info["title"]
    lesson_cells(MIDEAST)
    dateless = ut.resolution_info(OCEANS)
    assert pd.isna(dateless["date"]) and "Date: not recorded" in repr(dateless)
    assert "date not recorded" in lesson_cells(OCEANS)[0].source
    dateless._repr_html_()


@pytest.mark.parametrize(("value", "message"), [
    ("-5.0", "negative total_yes"),
    ("NaN", "total_yes blank or not a number"),
    ("900.0", "total_yes above the 193 member states"),
])
def test_d7_validate_checks_the_totals_of_other_votes(tmp_path: Path, value: str,
                                                      message: str) -> None:
    def edit(v: dict[str, str]) -> None:
        v["total_yes"] = value

    _use(_edited(tmp_path, edit, undl_id="9990202"))
    problems = validate_official()
    assert any(message in p and OCEANS in p for p in problems), problems


def test_d7_validate_checks_that_other_totals_add_up(tmp_path: Path) -> None:
    def edit(v: dict[str, str]) -> None:
        v["total_ms"] = "150.0"

    _use(_edited(tmp_path, edit, undl_id="9990202"))
    assert any("total_ms 150" in p for p in validate_official())


# ------------------------------------------------------ 8. writes are atomic
class _DiskFull:
    """A file object that takes 4 KB and then fails as a full disk does."""

    def __init__(self, fh: io.BufferedWriter) -> None:
        self.fh = fh

    def __enter__(self) -> _DiskFull:
        return self

    def __exit__(self, *exc: object) -> None:
        self.fh.close()

    def write(self, data: bytes) -> int:
        self.fh.write(data[:4096])
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name: str) -> object:
        return getattr(self.fh, name)


def _full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.fdopen
    monkeypatch.setattr(fileio.os, "fdopen", lambda fd, *a, **k: _DiskFull(real(fd, *a, **k)))


def test_d8_a_full_disk_never_cuts_the_instructors_lesson(tmp_path: Path, monkeypatch,
                                                          capsys) -> None:
    out = tmp_path / "lesson.ipynb"
    ut.make_lesson("ES-11/1", out)
    before = out.read_bytes()
    with monkeypatch.context() as m:
        _full_disk(m)
        assert main(["lesson", "ES-11/1", "--out", str(out), "--force"]) == 2
        assert "No space left" in _error(capsys)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lesson.ipynb"]


def test_d8_a_failed_write_does_not_block_the_retry(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "lesson.ipynb"
    with monkeypatch.context() as m:
        _full_disk(m)
        with pytest.raises(ut.UngaTeachError, match="No space left"):
            ut.make_lesson("ES-11/1", out)
    assert not out.exists() and not list(tmp_path.iterdir())
    assert ut.make_lesson("ES-11/1", out) == out  # no --force needed
    nbformat.read(out, as_version=4)


def test_d8_compare_csv_is_written_atomically(tmp_path: Path, monkeypatch, capsys) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "diff.csv"
    out.write_text("kept\n", encoding="utf-8")
    _full_disk(monkeypatch)
    assert main(["compare", str(SAMPLE), "--csv", str(out), "--force"]) == 2
    assert "No space left" in _error(capsys)
    assert out.read_text() == "kept\n" and [p.name for p in folder.iterdir()] == ["diff.csv"]


def test_d8_atomic_write_helper(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    ut.atomic_write_text(target, "one", overwrite=False)
    with pytest.raises(ut.OutputPathError, match="already exists"):
        ut.atomic_write_text(target, "two", overwrite=False)
    assert ut.atomic_write_bytes(target, b"two", overwrite=True).read_bytes() == b"two"
    with pytest.raises(ut.OutputPathError, match="does not exist"):
        ut.atomic_write_text(tmp_path / "no" / "b.txt", "x", overwrite=True)


# ------------------------------------------------ 9. a relative --record
def test_d9_a_relative_record_works_from_the_notebooks_folder(tmp_path: Path, monkeypatch,
                                                              capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    (tmp_path / "lessons").mkdir()
    shutil.copy(SAMPLE, tmp_path / "data" / "ga.csv")
    assert main(["lesson", "ES-11/1", "--out", "lessons/x.ipynb",
                 "--record", "data/ga.csv"]) == 0
    out = capsys.readouterr().out
    nb = nbformat.read(tmp_path / "lessons" / "x.ipynb", as_version=4)
    call = next(c.source for c in nb.cells if c.id == "record")
    written = call.removeprefix("ut.use_official_record(").removesuffix(")").strip("'\"")
    seen = Path(written) if Path(written).is_absolute() else tmp_path / "lessons" / written
    assert seen.resolve() == (tmp_path / "data" / "ga.csv").resolve()
    assert written in out  # and the command shows it
    # a record inside the notebook's folder is written relative to it
    shutil.copy(SAMPLE, tmp_path / "lessons" / "ga.csv")
    assert main(["lesson", "ES-11/1", "--out", "lessons/y.ipynb",
                 "--record", "lessons/ga.csv"]) == 0
    nb = nbformat.read(tmp_path / "lessons" / "y.ipynb", as_version=4)
    assert next(c.source for c in nb.cells if c.id == "record") == \
        "ut.use_official_record('ga.csv')"


# ----------------------------------------- 10. the background write and a reader race
def test_d10_a_reader_never_joins_a_writer_that_has_not_started(tmp_path: Path,
                                                                monkeypatch) -> None:
    errors: list[BaseException] = []
    lookers: list[threading.Thread] = []
    real_start = threading.Thread.start

    class Racing(threading.Thread):
        def start(self) -> None:  # another thread looks at the cache just before this starts
            def look() -> None:
                try:
                    official_cache.cache_usage()
                    official_cache.wait_for_writes()
                except BaseException as exc:
                    errors.append(exc)

            other = threading.Thread(target=look)
            lookers.append(other)
            real_start(other)
            other.join(timeout=0.5)  # before the fix it fails at once; after, it waits
            real_start(self)

    monkeypatch.setattr(official_cache.threading, "Thread", Racing)
    path = tmp_path / "ga.csv"
    shutil.copy(SAMPLE, path)
    official_read.load_all(path, cache=True, progress=False)
    for other in lookers:
        other.join(timeout=10)
    official_cache.wait_for_writes()
    assert lookers and errors == []


# ------------------------------------------- 11. cache --clear deletes only our files
def test_d11_cache_clear_keeps_other_files(tmp_path: Path, capsys) -> None:
    ut.read_undl(SAMPLE)
    folder = official_cache.cache_dir()
    official_cache.wait_for_writes()
    mine = [folder / "undl-2026-download.csv", folder / "undl-notes.txt",
            folder / "undl-x.arrow", folder / "undl-1234.tmp"]
    for p in mine:
        p.write_text("my own file\n", encoding="utf-8")
    assert main(["cache"]) == 0 and "1 cached file(s)" in capsys.readouterr().out
    assert main(["cache", "--clear"]) == 0
    assert "1 file(s) deleted" in capsys.readouterr().out
    assert all(p.read_text() == "my own file\n" for p in mine)
    for i in range(6):  # pruning old entries (four are kept) keeps them too
        other = tmp_path / f"v{i}.csv"
        shutil.copy(SAMPLE, other)
        os.utime(other, ns=(10**9, 10**9 * (i + 1)))  # another key for each copy
        ut.read_undl(other)
    official_cache.wait_for_writes()
    assert all(p.exists() for p in mine)


# ---------------------------------------------------- 12. --out follows symlinks
def test_d12_out_refuses_links(tmp_path: Path, capsys) -> None:
    dangling = tmp_path / "dangling.ipynb"
    dangling.symlink_to(tmp_path / "elsewhere.ipynb")
    assert main(["lesson", "ES-11/1", "--out", str(dangling)]) == 2
    assert "symbolic link" in _error(capsys)
    assert not (tmp_path / "elsewhere.ipynb").exists()
    notes = tmp_path / "notes.txt"
    notes.write_text("precious\n", encoding="utf-8")
    link = tmp_path / "lesson.ipynb"
    link.symlink_to(notes)
    for extra in ([], ["--force"]):
        assert main(["lesson", "ES-11/1", "--out", str(link), *extra]) == 2
        _error(capsys)
        assert notes.read_text() == "precious\n"
    real = tmp_path / "real.ipynb"
    ut.make_lesson("ES-11/1", real)
    good = tmp_path / "good.ipynb"
    good.symlink_to(real)
    assert main(["lesson", "68/262", "--out", str(good)]) == 2  # a link: only with --force
    _error(capsys)
    assert main(["lesson", "68/262", "--out", str(good), "--force"]) == 0
    assert good.is_symlink() and "Territorial integrity" in real.read_text()


# ------------------------------------------------------------------- minor issues
def test_minor_cache_on_a_folder_that_cannot_be_listed(monkeypatch, capsys) -> None:
    def denied(path: object) -> object:
        raise PermissionError(errno.EACCES, "Permission denied")

    official_cache.cache_dir().mkdir(parents=True, exist_ok=True)
    monkeypatch.setattr(official_cache.os, "scandir", denied)
    for args in (["cache"], ["cache", "--clear"]):
        assert main(args) == 2
        err = _error(capsys)
        assert "cannot list the cache folder" in err and "0 file(s)" not in err


def test_minor_cache_written_is_not_claimed_when_the_write_failed(monkeypatch,
                                                                 capsys) -> None:
    def full(table: object, sink: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(official_cache, "_write_ipc", full)
    assert main(["import", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "cache: not written" in out and "No space left" in out
    assert "cache: written" not in out


def test_minor_cache_folder_that_is_a_file(tmp_path: Path, monkeypatch, capsys) -> None:
    blocker = tmp_path / "cachefile"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("UNGA_TEACH_CACHE", str(blocker))
    assert main(["import", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "is a file, not a folder" in out and "File exists" not in out
    assert main(["cache"]) == 2 and "is a file, not a folder" in _error(capsys)


@pytest.mark.parametrize(("make", "message"), [
    (lambda t: (t / "d.ipynb").mkdir() or str(t / "d.ipynb"), "is a folder"),
    (lambda t: "", "empty"),
    (lambda t: (t / "f").write_text("x") and str(t / "f" / "x.ipynb"), "is a file, not a folder"),
    (lambda t: str(t / "a" / "b" / "x.ipynb"), "does not exist"),
])
def test_minor_out_messages(tmp_path: Path, capsys, make, message: str) -> None:
    out = make(tmp_path)
    for extra in ([], ["--force"]):
        assert main(["lesson", "ES-11/1", "--out", out, *extra]) == 2
        err = _error(capsys)
        assert message in err and "got '.'" not in err
        assert "--force" not in err or "cannot replace a folder" in err
    assert not (tmp_path / "a").exists()


def test_minor_record_that_is_a_folder(tmp_path: Path, capsys) -> None:
    assert main(["lesson", "ES-11/1", "--record", str(tmp_path),
                 "--out", str(tmp_path / "x.ipynb")]) == 2
    err = _error(capsys)
    assert "is a folder" in err and "does not exist" not in err


def test_minor_import_dev_null_and_double_bom(tmp_path: Path, capsys) -> None:
    assert main(["import", os.devnull]) == 2
    err = _error(capsys)
    assert "not a regular file" in err and "file not found" not in err
    twice = tmp_path / "bom.csv"
    twice.write_bytes(b"\xef\xbb\xbf\xef\xbb\xbf" + SAMPLE.read_bytes())
    assert main(["import", str(twice)]) == 2
    err = _error(capsys)
    assert "two byte order marks" in err and "missing column" not in err


def test_minor_a_nul_file_gives_a_short_escaped_message(tmp_path: Path) -> None:
    path = tmp_path / "nul.csv"
    path.write_bytes(b"\x00" * 300_000)
    with pytest.raises(DataFileError) as info:
        ut.read_undl(path, cache=False)
    message = str(info.value)
    assert len(message) < 1000 and "\x00" not in message and "\\x00" in message


def test_minor_show_table_multiindex_duplicates_decimals() -> None:
    frame = pd.DataFrame({"a": [1, 2]},
                         index=pd.MultiIndex.from_tuples([("x", 1), ("y", 2)], names=["a", None]))
    html = ut.show_table(frame, index=True).to_html()
    assert "A (index)" in html and "Level 2" in html
    with pytest.raises(ut.TableError, match="more than one column named 'a'"):
        ut.show_table(pd.DataFrame([[1, 2]], columns=["a", "a"]))
    for bad in ({"a": "x"}, {"a": -1}, {"a": 10**6}, {"a": True}, 3):
        with pytest.raises(ut.TableError, match="decimals"):
            ut.show_table(pd.DataFrame({"a": [0.5]}), decimals=bad)  # type: ignore[arg-type]


def test_minor_show_table_lone_surrogates_and_huge_frames() -> None:
    from unga_teach.tables import MAX_SHOWN_ROWS

    frame = pd.DataFrame({"name": pd.Series(["x\ud800y"], dtype=object)})
    t = ut.show_table(frame, caption="c\udc80")
    t.to_html().encode("utf-8")
    repr(t).encode("utf-8")
    ut.show_table([{"a": "\ud800"}]).to_html().encode("utf-8")
    big = pd.DataFrame({"n": range(100_000), "text": ["some text"] * 100_000})
    html = ut.show_table(big).to_html()
    assert len(html) < 2_000_000
    assert f"{100_000 - MAX_SHOWN_ROWS:,} more row(s) not shown" in html
    assert "not shown" in repr(ut.show_table(big))
