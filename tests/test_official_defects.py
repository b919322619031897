"""Regression tests for issue 11: trust defects around the official record and validate.

Each test fails on the code before the fix. Permission problems are simulated
by monkeypatching (the tests run as root, for whom mode 000 is readable).
"""

from __future__ import annotations

import csv
import gzip
import importlib
import io
import pkgutil
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

import unga_teach
import unga_teach as ut
from unga_teach import _paths, record
from unga_teach.cli import main
from unga_teach.errors import CacheError, DataFileError
from unga_teach.official import cache as official_cache

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "undl_sample.csv"

from record_isolation import isolated_record  # noqa: E402, F401  (a fixture)

pytestmark = pytest.mark.usefixtures("isolated_record")


# ----------------------------------------------------------------------- helpers
def _clear_loader_caches() -> None:
    """Empty every functools cache of the package (the loaders read data/ once)."""
    for info in pkgutil.walk_packages(unga_teach.__path__, "unga_teach."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if callable(value) and hasattr(value, "cache_clear") \
                    and getattr(value, "__module__", "") == info.name:
                value.cache_clear()
    record.STATE.derived_tables.clear()


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private copy of data/ that the loaders read instead of the shipped one."""
    copy = tmp_path / "data"
    shutil.copytree(ROOT / "data", copy)
    _clear_loader_caches()
    monkeypatch.setattr(_paths, "data_dir", lambda: copy)
    yield copy
    monkeypatch.undo()
    _clear_loader_caches()


def _edit_csv(path: Path, edit) -> None:  # type: ignore[no-untyped-def]
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    rows = edit(rows)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def _remove_cited_source(data: Path) -> str:
    with (data / "votes.csv").open(encoding="utf-8") as fh:
        url = next(csv.DictReader(fh))["source_url"]
    _edit_csv(data / "sources.csv", lambda rows: [r for r in rows if r[1] != url])
    return url


def _flip_68_262(data: Path) -> None:
    def edit(rows: list[list[str]]) -> list[list[str]]:
        for r in rows[1:]:
            if r[0] == "68/262" and r[1] == "FRA":
                r[2] = "no"
        return rows
    _edit_csv(data / "votes.csv", edit)


def _set_env(monkeypatch: pytest.MonkeyPatch, value: str | None) -> None:
    if value is None:
        monkeypatch.delenv("UNGA_TEACH_UNDL", raising=False)
    else:
        monkeypatch.setenv("UNGA_TEACH_UNDL", value)
    record.reset()


def _error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ") and "Traceback" not in err
    return lines[0]


# ------------------------------------------------- 1. validate checks the shipped data
@pytest.mark.parametrize("official", [None, str(FIXTURE)], ids=["no-file", "official-file"])
@pytest.mark.parametrize("corrupt", [_remove_cited_source, _flip_68_262],
                         ids=["source-row-removed", "68/262-flipped"])
def test_validate_always_checks_the_shipped_data(data_copy: Path, monkeypatch, capsys,
                                                 official: str | None, corrupt) -> None:
    corrupt(data_copy)
    _set_env(monkeypatch, official)
    assert main(["validate"]) == 1
    out = capsys.readouterr().out
    assert "shipped data:" in out and "problem(s)" in out
    if official:  # the official file is checked too, and reported on its own
        assert f"ok: the official file {official} passed every check." in out


def test_validate_reports_a_bad_official_file_separately(monkeypatch, capsys) -> None:
    _set_env(monkeypatch, "/no/such/ga.csv")
    assert main(["validate"]) == 1
    out = capsys.readouterr().out
    assert "ok: the shipped data passed every check." in out
    assert "official file /no/such/ga.csv: 1 problem(s)" in out and "file not found" in out


# ------------------------------------------- 2. a file cut off exactly at a line end
def _cut_at_line_end(tmp_path: Path) -> Path:
    data = FIXTURE.read_bytes()[:145_423]
    assert data.endswith(b"\n")
    path = tmp_path / "cut.csv"
    path.write_bytes(data)
    return path


def test_a_file_cut_at_a_line_end_never_turns_known_votes_unknown(tmp_path: Path,
                                                                  capsys) -> None:
    path = _cut_at_line_end(tmp_path)
    assert main(["import", str(path)]) == 0
    captured = capsys.readouterr()
    assert "refused" in captured.out and "ES-11/7" in captured.out
    assert "warning:" in captured.err and "ES-11/7" in captured.err
    cov = ut.coverage().set_index("resolution")
    assert cov.loc["ES-11/7", "record"] == "shipped"
    assert cov.loc["ES-11/7", "unknown"] == 0


def test_use_official_record_refuses_an_incomplete_vote(tmp_path: Path) -> None:
    path = _cut_at_line_end(tmp_path)
    with pytest.warns(UserWarning, match="ES-11/7"):
        ut.use_official_record(path)
    info = ut.current_record()
    assert "ES-11/7" in info.refused
    assert "ES-11/7" not in info.resolutions
    assert info.kind == "official" and "68/262" in info.resolutions
    votes = ut.load_votes("ES-11/7")
    assert votes["known"].all()
    assert "official" not in set(votes["confidence"].astype(str))
    assert any("ES-11/7 refused" in p for p in ut.validate())


def test_counts_that_differ_from_the_totals_are_refused(tmp_path: Path) -> None:
    with FIXTURE.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    header = rows[0]
    for r in rows[1:]:
        if r[header.index("resolution")] == "A/RES/ES-11/8" and r[1] == "FRA":
            r[header.index("ms_vote")] = "N"
    path = tmp_path / "flip.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    with pytest.warns(UserWarning, match="ES-11/8"):
        ut.use_official_record(path)
    assert "total_yes" in ut.current_record().refused["ES-11/8"]


# ----------------------------------------- 3. a bad UNGA_TEACH_UNDL: one behaviour
def test_setup_notebook_reports_a_bad_environment_variable(monkeypatch) -> None:
    _set_env(monkeypatch, "/nonexistent.csv")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = ut.setup_notebook()
    assert not report.ok
    assert "file not found" in (report.record_warning or "")
    assert "file not found" in repr(report)
    with pytest.warns(UserWarning, match="nonexistent"):  # then once on the first loader call
        ut.load_votes("2026")
    for _ in range(2):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert len(ut.load_votes("2026")) == 193
            assert ut.tally_table("2026") is not None
    assert ut.current_record().kind == "shipped"


# ------------------------------------------------------ 4. errors, not tracebacks
def test_gzip_corrupted_early(tmp_path: Path, capsys) -> None:
    data = bytearray(gzip.compress(FIXTURE.read_bytes()))
    data[12] ^= 0xFF
    data[13] ^= 0xFF
    path = tmp_path / "bad.csv.gz"
    path.write_bytes(bytes(data))
    with pytest.raises(DataFileError, match="damaged"):
        ut.read_undl(path, cache=False)
    assert main(["import", str(path)]) == 2
    assert "damaged" in _error_line(capsys.readouterr().err)


def test_gzip_corrupted_late_is_not_called_cut_off(tmp_path: Path) -> None:
    data = bytearray(gzip.compress(FIXTURE.read_bytes()))
    middle = len(data) // 2
    data[middle] ^= 0xFF
    data[middle + 1] ^= 0xFF
    path = tmp_path / "late.csv.gz"
    path.write_bytes(bytes(data))
    with pytest.raises(DataFileError) as err:
        ut.read_undl(path, cache=False)
    assert "damaged" in str(err.value) and "it was cut off" not in str(err.value)
    truncated = tmp_path / "cut.csv.gz"
    truncated.write_bytes(gzip.compress(FIXTURE.read_bytes())[: middle])
    with pytest.raises(DataFileError, match="cut off"):
        ut.read_undl(truncated, cache=False)


def test_unreadable_file(tmp_path: Path, monkeypatch, capsys) -> None:
    """Simulated: as root a mode-000 file is readable, so ``os.access`` says no."""
    path = tmp_path / "ga.csv"
    path.write_bytes(FIXTURE.read_bytes())
    real_access = official_cache.os.access
    monkeypatch.setattr("os.access",
                        lambda p, mode, **k: False if Path(p) == path else real_access(p, mode))
    with pytest.raises(DataFileError, match="permission denied"):
        ut.read_undl(path)
    assert main(["import", str(path)]) == 2
    assert "permission denied" in _error_line(capsys.readouterr().err)


def test_cache_key_permission_error_is_a_data_file_error(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "ga.csv"
    path.write_bytes(FIXTURE.read_bytes())

    def denied(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(DataFileError, match="Permission denied"):
        official_cache.cache_key(path)


def test_unwritable_cache_folder(tmp_path: Path, monkeypatch, capsys) -> None:
    """Simulated: a cache folder we may neither look into nor write (mode 000 as a user)."""
    cache = tmp_path / "cache"
    real_is_file = Path.is_file

    def is_file(self):  # type: ignore[no-untyped-def]
        if cache in self.parents:
            raise PermissionError(13, "Permission denied", str(self))
        return real_is_file(self)

    def open_sink(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "is_file", is_file)
    monkeypatch.setattr(official_cache, "_open_sink", open_sink)
    frame = ut.read_undl(FIXTURE)
    assert len(frame) == 5 * 193
    assert frame.attrs["cache"].startswith("not used")
    assert main(["import", str(FIXTURE)]) == 0
    out = capsys.readouterr().out
    assert "cache: not used: cannot write the cache" in out
    assert "undl-" not in out  # no cache path that was never written


def test_no_home_and_no_cache_variables(monkeypatch, capsys) -> None:
    monkeypatch.delenv("UNGA_TEACH_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    with pytest.raises(CacheError, match="UNGA_TEACH_CACHE"):
        ut.cache_dir()
    assert len(ut.read_undl(FIXTURE)) == 5 * 193  # read without the cache
    assert main(["import", str(FIXTURE)]) == 0
    assert "cache: not used: there is no cache folder" in capsys.readouterr().out
    assert main(["cache"]) == 2
    assert "no cache folder" in _error_line(capsys.readouterr().err)


# ------------------------------------------------------- 5. categorical columns
def test_an_invalid_confidence_fails_validate(data_copy: Path, capsys) -> None:
    def edit(rows: list[list[str]]) -> list[list[str]]:
        rows[1][3] = "certain"
        return rows
    _edit_csv(data_copy / "votes.csv", edit)
    assert main(["validate"]) == 1
    out = capsys.readouterr().out
    assert "'certain'" in out and "line 2" in out
    with pytest.raises(DataFileError, match="confidence 'certain'"):
        ut.load_votes("2026")


@pytest.mark.parametrize(("name", "column", "value"), [
    ("sources.csv", "tier", "blog"),
    ("members.csv", "status", "candidate"),
    ("resolutions.csv", "kind", "motion"),
    ("conflicts.csv", "outcome", "maybe"),
    ("statements.csv", "vote_cast", "yess"),
])
def test_every_categorical_column_is_checked(data_copy: Path, name: str, column: str,
                                             value: str) -> None:
    def edit(rows: list[list[str]]) -> list[list[str]]:
        rows[1][rows[0].index(column)] = value
        return rows
    _edit_csv(data_copy / name, edit)
    problems = ut.validate()
    assert any(p.startswith(f"{name}: {column} not one of") and repr(value) in p
               for p in problems), problems


# --------------------------------------------------------------------- the minor ones
def test_validate_collects_every_row_problem(data_copy: Path, capsys) -> None:
    def edit(rows: list[list[str]]) -> list[list[str]]:
        rows[1][2] = "maybe"
        rows[2][1] = "XXX"
        return rows
    _edit_csv(data_copy / "votes.csv", edit)
    assert main(["validate"]) == 1
    out = capsys.readouterr().out
    assert "line 2" in out and "line 3" in out


def test_a_huge_line_gives_a_short_message(tmp_path: Path) -> None:
    header = FIXTURE.read_text(encoding="utf-8").splitlines()[0]
    path = tmp_path / "huge.csv"
    path.write_text(header + "\n" + "x" * 50_000_000 + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        ut.read_undl(path, cache=False)
    assert len(str(err.value)) < 600


def test_latin1_gives_a_line_and_advice(tmp_path: Path) -> None:
    data = FIXTURE.read_bytes().replace(b"FRANCE", "FRANÇE".encode("latin-1"))
    path = tmp_path / "latin1.csv"
    path.write_bytes(data)
    line = next(i for i, raw in enumerate(data.split(b"\n"), start=1) if b"FRAN\xc7E" in raw)
    with pytest.raises(DataFileError, match="UTF-8") as err:
        ut.read_undl(path, cache=False)
    assert err.value.line == line


def test_row_length_error_has_its_line(tmp_path: Path) -> None:
    lines = FIXTURE.read_bytes().split(b"\n")
    lines[500] += b",extra"
    path = tmp_path / "ragged.csv"
    path.write_bytes(b"\n".join(lines))
    with pytest.raises(DataFileError, match="21 fields instead of 20") as err:
        ut.read_undl(path, cache=False)
    assert err.value.line == 501
    gz = tmp_path / "ragged.csv.gz"
    gz.write_bytes(gzip.compress(path.read_bytes()))
    with pytest.raises(DataFileError) as err:
        ut.read_undl(gz, cache=False)
    assert err.value.line == 501


def test_a_directory_is_not_file_not_found(tmp_path: Path, capsys) -> None:
    with pytest.raises(DataFileError, match="folder, not a file"):
        ut.read_undl(tmp_path)
    assert main(["import", str(tmp_path)]) == 2
    assert "folder" in _error_line(capsys.readouterr().err)


def test_a_future_date_warns(tmp_path: Path, capsys) -> None:
    data = FIXTURE.read_text(encoding="utf-8").replace("1985-12-10", "2099-12-10")
    path = tmp_path / "future.csv"
    path.write_text(data, encoding="utf-8")
    with pytest.warns(UserWarning, match="2099-12-10"):
        ut.read_undl(path, resolutions="all", cache=False)
    assert main(["import", str(path), "--no-cache"]) == 0
    assert "warning:" in capsys.readouterr().err


def test_a_relative_xdg_cache_home_is_ignored(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("UNGA_TEACH_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert ut.cache_dir() == Path.home() / ".cache" / "unga_teach"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert ut.cache_dir() == tmp_path / "xdg" / "unga_teach"


# ----------------------------------------------------------------- cache handles
def test_cache_command_and_clear(capsys, tmp_path: Path) -> None:
    ut.read_undl(FIXTURE)
    assert main(["cache"]) == 0
    out = capsys.readouterr().out
    assert str(tmp_path / "cache") in out and "1 cached file(s)" in out
    assert main(["cache", "--clear"]) == 0
    assert "1 file(s) deleted" in capsys.readouterr().out  # one Arrow file per entry
    assert ut.clear_cache() == 0
    assert not list((tmp_path / "cache").glob("undl-*"))


def test_old_parquet_caches_are_ignored_and_cleaned(tmp_path: Path) -> None:
    """Format 4 kept two Parquet files per entry: never read, deleted by the next write."""
    folder = tmp_path / "cache"
    folder.mkdir()
    old = [folder / f"undl-{'0' * 40}.rows.parquet", folder / f"undl-{'0' * 40}.votes.parquet"]
    for p in old:
        p.write_bytes(b"PAR1 old")
    assert ut.clear_cache() == 2 and not any(p.exists() for p in old)
    for p in old:
        p.write_bytes(b"PAR1 old")
    frame = ut.read_undl(FIXTURE, resolutions="all")
    assert frame.attrs["cache"].startswith("written: ") and frame.attrs["cache"].endswith(".arrow")
    assert official_cache.cache_usage().entries == 1  # waits for the write under way
    assert not any(p.exists() for p in old)


def test_current_record_says_which_record(tmp_path: Path) -> None:
    assert ut.current_record().kind == "shipped"
    assert "shipped course data" in str(ut.current_record())
    ut.use_official_record(FIXTURE)
    info = ut.current_record()
    assert info.kind == "official" and info.path == str(FIXTURE)
    assert info.file_date and len(info.file_date) == 10
    assert "ES-11/7" in info.resolutions and info.warning is None
    assert str(FIXTURE) in str(info)


def test_derived_tables_live_as_long_as_the_record() -> None:
    ut.load_votes("2026")
    assert record.STATE.derived_tables
    ut.use_official_record(FIXTURE)
    assert not record.STATE.derived_tables
    assert isinstance(ut.load_votes("ES-11/7"), pd.DataFrame)
    ut.use_official_record(None)
    assert not record.STATE.derived_tables
