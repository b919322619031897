"""The data README documents every table and column and its coverage table is true."""

from __future__ import annotations

import re
from pathlib import Path

import unga_teach as ut
from unga_teach.csvio import read_table

DATA = Path(__file__).resolve().parent.parent / "data"
README = (DATA / "README.md").read_text(encoding="utf-8")


def test_every_table_and_column_is_documented() -> None:
    for csv_path in sorted(DATA.glob("*.csv")):
        assert f"`{csv_path.name}`" in README, csv_path.name
        header = read_table(csv_path, []).columns.drop("line_number")
        for column in header:
            assert f"`{column}`" in README, f"{csv_path.name}: column {column} undocumented"


def test_coverage_table_matches_the_data() -> None:
    block = README.split("<!-- coverage-table -->")[1].split("<!-- /coverage-table -->")[0]
    rows = [line for line in block.strip().splitlines()[2:]]
    documented = {}
    for line in rows:
        cells = [c.strip() for c in line.strip("|").split("|")]
        documented[cells[0]] = cells
    cov = ut.coverage()
    assert set(documented) == set(cov["resolution"])
    for r in cov.itertuples(index=False):
        cells = documented[r.resolution]
        official = f"{r.official_yes}/{r.official_no}/{r.official_abstain}/{r.official_non_voting}"
        known = f"{r.known_yes}/{r.known_no}/{r.known_abstain}/{r.known_non_voting}"
        assert cells[2:6] == [official, known, str(r.known), r.status], r.resolution


def test_terms_of_use_are_stated() -> None:
    assert re.search(r"## Terms of use", README)
    assert "digitallibrary.un.org/record/4060887" in README
    assert (DATA / "maps" / "LICENSE-world-atlas.txt").is_file()


def test_main_readme_coverage_matches_the_data() -> None:
    text = (DATA.parent / "README.md").read_text(encoding="utf-8")
    for r in ut.coverage().itertuples(index=False):
        official = f"{r.official_yes}/{r.official_no}/{r.official_abstain}/{r.official_non_voting}"
        row = next(line for line in text.splitlines() if line.startswith(f"| {r.resolution} |"))
        assert official in row and f"| {r.known}" in row, row
