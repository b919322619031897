"""The ``unga-teach`` command line."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest

from unga_teach import official as undl
from unga_teach import record
from unga_teach.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "undl_sample.csv"


from record_isolation import isolated_record  # noqa: E402, F401  (a fixture)

pytestmark = pytest.mark.usefixtures("isolated_record")


def _flipped(tmp_path: Path) -> Path:
    """The fixture with France's vote on ES-11/7 changed from yes to no."""
    with FIXTURE.open(encoding="utf-8", newline="") as fh:
        table = list(csv.reader(fh))
    header = table[0]
    for row in table[1:]:
        if row[header.index("resolution")] == "A/RES/ES-11/7" and row[1] == "FRA":
            row[header.index("ms_vote")] = "N"
    out = tmp_path / "flipped.csv"
    with out.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(table)
    return out


def _one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ")
    assert "Traceback" not in err
    return lines[0]


# ------------------------------------------------------------------------- import
def test_import(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["import", str(FIXTURE)]) == 0
    out = capsys.readouterr().out
    assert "997 rows, 7 recorded votes" in out
    assert "course votes in the file: 68/262, ES-11/1, ES-11/7, ES-11/8, ES-11/9" in out
    assert "official" in out and "shipped" in out
    assert "historical codes: 9 code(s)" in out
    assert "SUN" in out and "YUG" in out
    assert undl.cache_file(FIXTURE).is_file()
    assert f"cache: written: {undl.cache_file(FIXTURE)}" in out


def test_import_gz_without_cache(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    gz = tmp_path / "ga.csv.gz"
    gz.write_bytes(gzip.compress(FIXTURE.read_bytes()))
    assert main(["import", str(gz), "--no-cache", "--no-progress"]) == 0
    assert "997 rows" in capsys.readouterr().out
    assert not (tmp_path / "cache").exists() or not any((tmp_path / "cache").iterdir())


def test_import_writes_nothing_into_the_package(tmp_path: Path) -> None:
    package = ROOT / "unga_teach"
    data = ROOT / "data"
    before = {p: p.stat().st_mtime_ns for p in [*package.rglob("*"), *data.rglob("*")]
              if p.is_file() and "__pycache__" not in p.parts}
    assert main(["import", str(FIXTURE)]) == 0
    after = {p: p.stat().st_mtime_ns for p in [*package.rglob("*"), *data.rglob("*")]
             if p.is_file() and "__pycache__" not in p.parts}
    assert after == before


# ------------------------------------------------------------------------ compare
def test_compare_no_differences(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(FIXTURE)]) == 0
    out = capsys.readouterr().out
    assert "no differences" in out
    assert "not in the file: ES-11/2" in out


def test_compare_with_csv(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_csv = tmp_path / "diff.csv"
    assert main(["compare", str(_flipped(tmp_path)), "--csv", str(out_csv)]) == 0
    out = capsys.readouterr().out
    assert "different vote: 1" in out
    assert "FRA" in out
    with out_csv.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    flips = [r for r in rows if r["kind"] == "different vote"]
    assert [(r["resolution"], r["iso3"], r["shipped_vote"], r["official_vote"])
            for r in flips] == [("ES-11/7", "FRA", "yes", "no")]
    assert list(rows[0]) == undl.COMPARE_COLUMNS


def test_compare_csv_cannot_be_written(capsys: pytest.CaptureFixture[str], tmp_path: Path):
    code = main(["compare", str(FIXTURE), "--csv", str(tmp_path / "no" / "such" / "d.csv")])
    assert code == 2
    assert "cannot write" in _one_error_line(capsys.readouterr().err)


# ----------------------------------------------------------------------- validate
def test_validate_ok(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    assert "ok:" in capsys.readouterr().out


def test_validate_problems(capsys: pytest.CaptureFixture[str],
                           monkeypatch: pytest.MonkeyPatch) -> None:
    import unga_teach.validation

    monkeypatch.setattr(unga_teach.validation, "validate_shipped",
                        lambda: ["votes: one", "members: two"])
    assert main(["validate"]) == 1
    out = capsys.readouterr().out
    assert "shipped data: 2 problem(s)" in out
    assert "  - votes: one" in out and "  - members: two" in out


# --------------------------------------------------------------------------- info
def test_info(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info"]) == 0
    out = capsys.readouterr().out
    assert "unga-teach 0." in out
    assert "pandas" in out and "pyarrow" in out
    assert "data folder:" in out
    assert "official record: none (shipped data)" in out
    assert "ES-11/7" in out and "shipped" in out


def test_info_with_the_environment_variable(capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UNGA_TEACH_UNDL", str(FIXTURE))
    record.reset()
    assert main(["info"]) == 0
    out = capsys.readouterr().out
    assert f"official record: {FIXTURE}" in out
    assert "official" in out.split("official record:")[1]


# ------------------------------------------------------------------------- errors
@pytest.mark.parametrize("command", ["import", "compare"])
def test_missing_file_is_one_error_line(capsys: pytest.CaptureFixture[str], command: str) -> None:
    assert main([command, "/no/such/ga_voting.csv"]) == 2
    captured = capsys.readouterr()
    assert "file not found" in _one_error_line(captured.err)
    assert captured.out == ""


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (b"a;b;c\n1;2;3\n", "semicolons"),
        (b"undl_id,ms_code\n1,FRA\n", "missing column(s)"),
    ],
)
def test_bad_files_are_one_error_line(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                      content: bytes, expected: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    assert main(["import", str(path)]) == 2
    assert expected in _one_error_line(capsys.readouterr().err)


def test_truncated_file_is_one_error_line(capsys: pytest.CaptureFixture[str],
                                          tmp_path: Path) -> None:
    data = FIXTURE.read_bytes()
    path = tmp_path / "cut.csv"
    path.write_bytes(data[: len(data) // 2])
    assert main(["compare", str(path)]) == 2
    assert "download it again" in _one_error_line(capsys.readouterr().err).lower()


def test_bad_environment_variable_is_one_warning_line(capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UNGA_TEACH_UNDL", "/no/such/file.csv")
    record.reset()
    assert main(["info"]) == 0
    captured = capsys.readouterr()
    assert "official record: none (shipped data)" in captured.out
    lines = [line for line in captured.err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("warning: ")
    assert "file not found" in lines[0] and "shipped data" in lines[0]


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert main(["frobnicate"]) == 2
    assert main(["import"]) == 2
    assert "usage: unga-teach" in capsys.readouterr().err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("import", "compare", "validate", "info"):
        assert command in out
