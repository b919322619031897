"""An instructor's CSV in the course schema: one test per kind of bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

import unga_teach as ut
from unga_teach.errors import DataFileError

HEADER = "resolution,iso3,vote,source_url\n"
GOOD = "2026,UKR,yes,https://example.org/a\n"


def write(tmp_path: Path, text: str | bytes, name: str = "votes.csv") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_good_file_reads_every_row(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + GOOD + "ES-11/7,Russia,against,https://example.org/b\n")
    frame = ut.read_votes_csv(path)
    assert frame[["resolution", "iso3", "vote"]].values.tolist() == [
        ["2026", "UKR", "yes"], ["ES-11/7", "RUS", "no"],
    ]


def test_missing_column(tmp_path: Path) -> None:
    path = write(tmp_path, "resolution,iso3,vote\n2026,UKR,yes\n")
    with pytest.raises(DataFileError, match=r"votes\.csv, line 1: missing column\(s\) source_url"):
        ut.read_votes_csv(path)


def test_unknown_vote_value(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + GOOD + "2026,FRA,maybe,https://example.org\n")
    with pytest.raises(DataFileError, match=r"line 3: vote 'maybe' is not accepted\. Accepted"):
        ut.read_votes_csv(path)


def test_unknown_country_suggests(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "2026,Frnace,yes,https://example.org\n")
    with pytest.raises(DataFileError, match=r"line 2: country 'Frnace'.*Did you mean: France"):
        ut.read_votes_csv(path)


def test_duplicate_row(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + GOOD + "2026,Ukraine,no,https://example.org\n")
    with pytest.raises(DataFileError, match=r"line 3: duplicate row: Ukraine .* line 2"):
        ut.read_votes_csv(path)


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="empty"):
        ut.read_votes_csv(write(tmp_path, ""))
    with pytest.raises(DataFileError, match="no data rows"):
        ut.read_votes_csv(write(tmp_path, HEADER, "header_only.csv"))


def test_wrong_encoding(tmp_path: Path) -> None:
    path = write(tmp_path, (HEADER + "2026,Côte d'Ivoire,yes,https://example.org\n").encode("latin-1"))
    with pytest.raises(DataFileError, match=r"line 2: the file is not UTF-8"):
        ut.read_votes_csv(path)


def test_wrong_delimiter(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER.replace(",", ";") + GOOD.replace(",", ";"))
    with pytest.raises(DataFileError, match=r"line 1: the columns are separated by semicolons"):
        ut.read_votes_csv(path)


def test_missing_source(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "2026,UKR,yes,\n")
    with pytest.raises(DataFileError, match=r"line 2: source_url '' is not a web address"):
        ut.read_votes_csv(path)


def test_ragged_row(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "2026,UKR,yes,https://a,extra\n")
    with pytest.raises(DataFileError, match=r"line 2: expected 4 fields but found 5"):
        ut.read_votes_csv(path)


def test_unknown_resolution(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "ES-11/99,UKR,yes,https://a\n")
    with pytest.raises(DataFileError, match=r"line 2: resolution 'ES-11/99'"):
        ut.read_votes_csv(path)


def test_observer_cannot_vote(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "2026,Holy See,yes,https://a\n")
    with pytest.raises(DataFileError, match="observer state and cannot vote"):
        ut.read_votes_csv(path)


def test_bom_and_crlf_are_fine(tmp_path: Path) -> None:
    path = write(tmp_path, ("\ufeff" + HEADER + GOOD).replace("\n", "\r\n").encode("utf-8"))
    assert len(ut.read_votes_csv(path)) == 1


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="file not found"):
        ut.read_votes_csv(tmp_path / "nope.csv")
