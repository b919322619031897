"""Write ``tests/fixtures/undl_sample.csv``: a small file in the official UN format.

Maintainer tool, not part of the installed package. The fixture has the
columns, order and conventions of the UN Digital Library's "General Assembly
Voting Data" file (record 4060887): float totals ("100.0"), upper-case names,
``X`` or blank for non-voting, ISO dates. Its rows are **not** official data:

* every row of ``data/votes.csv`` for the resolutions we ship complete
  (68/262, ES-11/1, ES-11/7, ES-11/8, ES-11/9), so that importing the fixture
  must reproduce the shipped votes exactly;
* two made-up votes from the 1980s with historical codes (SUN, YUG, CSK, DDR,
  YMD, YAR, ZAR, BUR, ROM), whose symbols (A/RES/40/9001, A/RES/44/9002) do
  not exist and whose titles say "FIXTURE ROW - not a real resolution".

Every title ends with "[test fixture]". Record ids are the real Digital
Library ids where ``data/resolutions.csv`` cites them (ES-11/7, ES-11/8) and
made-up ids from 9990001 otherwise.

Run from the repository root::

    python tools/make_undl_fixture.py [--out tests/fixtures/undl_sample.csv]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "tests" / "fixtures" / "undl_sample.csv"

COLUMNS = [
    "undl_id", "ms_code", "ms_name", "ms_vote", "date", "session", "resolution", "draft",
    "committee_report", "meeting", "title", "agenda_title", "subjects", "vote_note",
    "total_yes", "total_no", "total_abstentions", "total_non_voting", "total_ms", "undl_link",
]

#: The resolutions whose per-country record we ship complete.
COMPLETE = ["68/262", "ES-11/1", "ES-11/7", "ES-11/8", "ES-11/9"]

LETTER = {"yes": "Y", "no": "N", "abstain": "A", "non_voting": "X"}
FIXTURE_MARK = " [test fixture]"

#: made-up historical votes: (undl_id, symbol, draft, date, session, [(code, name, vote)])
HISTORICAL_VOTES = [
    (9990101, "A/RES/40/9001", "A/40/L.9001", "1985-12-10", "40", [
        ("SUN", "UNION OF SOVIET SOCIALIST REPUBLICS", "N"),
        ("UKR", "UKRAINIAN SSR", "N"),
        ("BLR", "BYELORUSSIAN SSR", "N"),
        ("YUG", "YUGOSLAVIA", "A"),
        ("CSK", "CZECHOSLOVAKIA", "N"),
        ("DDR", "GERMAN DEMOCRATIC REPUBLIC", "N"),
        ("DEU", "GERMANY, FEDERAL REPUBLIC OF", "Y"),
        ("YMD", "DEMOCRATIC YEMEN", "N"),
        ("YAR", "YEMEN ARAB REPUBLIC", "A"),
        ("ZAR", "ZAIRE", "Y"),
        ("BUR", "BURMA", "A"),
        ("ROM", "ROMANIA", "X"),
        ("USA", "UNITED STATES", "Y"),
        ("FRA", "FRANCE", "Y"),
        ("GBR", "UNITED KINGDOM", "Y"),
        ("CHN", "CHINA", "A"),
    ]),
    (9990102, "A/RES/44/9002", "A/44/L.9002", "1989-12-15", "44", [
        ("SUN", "UNION OF SOVIET SOCIALIST REPUBLICS", "Y"),
        ("UKR", "UKRAINIAN SSR", "Y"),
        ("BLR", "BYELORUSSIAN SSR", "Y"),
        ("YUG", "YUGOSLAVIA", "Y"),
        ("CSK", "CZECHOSLOVAKIA", "Y"),
        ("DDR", "GERMAN DEMOCRATIC REPUBLIC", ""),
        ("DEU", "GERMANY, FEDERAL REPUBLIC OF", "A"),
        ("YMD", "DEMOCRATIC YEMEN", "Y"),
        ("YAR", "YEMEN ARAB REPUBLIC", "Y"),
        ("ZAR", "ZAIRE", "A"),
        ("BUR", "BURMA", "Y"),
        ("ROM", "ROMANIA", "Y"),
        ("USA", "UNITED STATES", "N"),
        ("FRA", "FRANCE", "A"),
        ("GBR", "UNITED KINGDOM", "N"),
        ("CHN", "CHINA", "Y"),
    ]),
]


def read_data(name: str) -> list[dict[str, str]]:
    """The rows of a shipped ``data/`` CSV file, as dicts."""
    with (ROOT / "data" / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def fmt_total(n: int) -> str:
    """A total as the official file writes it (``"107.0"``)."""
    return f"{float(n):.1f}"


def build_rows() -> list[list[str]]:
    """All fixture rows (without the header), in file order."""
    members = {r["iso3"]: r["name"] for r in read_data("members.csv") if r["status"] == "member"}
    resolutions = {r["id"]: r for r in read_data("resolutions.csv")}
    votes = read_data("votes.csv")
    out: list[list[str]] = []
    fake_id = 9990001
    for rid in COMPLETE:
        res = resolutions[rid]
        rows = sorted((v for v in votes if v["resolution"] == rid), key=lambda v: v["iso3"])
        if len(rows) != int(res["total_members"]):
            raise SystemExit(f"{rid}: {len(rows)} rows in data/votes.csv, not complete")
        counts = Counter(v["vote"] for v in rows)
        for v in ("yes", "no", "abstain", "non_voting"):
            if counts[v] != int(res[v]):
                raise SystemExit(f"{rid}: {counts[v]} {v} rows, official {res[v]}")
        found = re.search(r"digitallibrary\.un\.org/record/(\d+)", res["source_url"])
        if found:
            undl_id = int(found.group(1))
        else:
            undl_id, fake_id = fake_id, fake_id + 1
        session = res["session"]
        title = f"{res['title']} : resolution / adopted by the General Assembly{FIXTURE_MARK}"
        agenda = "[fixture] agenda item"
        totals = [fmt_total(int(res[c]))
                  for c in ("yes", "no", "abstain", "non_voting", "total_members")]
        for v in rows:
            letter = LETTER[v["vote"]]
            if letter == "X" and rid == "68/262":
                letter = ""  # the file leaves some non-votes blank
            note = ""
            if rid == "ES-11/9" and v["iso3"] == "VEN":
                note = "[fixture] example vote note"
            out.append([
                str(undl_id), v["iso3"], members[v["iso3"]].upper(), letter, res["date"],
                session, res["symbol"], res["draft"], "", "", title, agenda,
                "UKRAINE--POLITICAL CONDITIONS", note, *totals,
                f"https://digitallibrary.un.org/record/{undl_id}",
            ])
    for undl_id, symbol, draft, date, session, states in HISTORICAL_VOTES:
        count = Counter("X" if s[2] in ("X", "") else s[2] for s in states)
        totals = [fmt_total(count[k]) for k in ("Y", "N", "A", "X")] + [fmt_total(len(states))]
        title = ("[FIXTURE ROW - not a real resolution] Example vote with historical member "
                 f"codes : resolution / adopted by the General Assembly{FIXTURE_MARK}")
        for code, name, letter in states:
            out.append([
                str(undl_id), code, name, letter, date, session, symbol, draft, "", "",
                title, "[fixture] agenda item", "[FIXTURE]--HISTORICAL CODES", "", *totals,
                f"https://digitallibrary.un.org/record/{undl_id}",
            ])
    return out


def write_fixture(out: Path = DEFAULT_OUT, rows: list[list[str]] | None = None) -> Path:
    """Write the fixture (LF line ends, no BOM) and return its path.

    ``rows`` defaults to :func:`build_rows`; another fixture passes its own.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(build_rows() if rows is None else rows)
    return out


def main(argv: list[str] | None = None, *, default_out: Path = DEFAULT_OUT,
         rows: Callable[[], list[list[str]]] = build_rows) -> int:
    """Command line: write the fixture made by ``rows`` (default: this one)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=default_out)
    args = parser.parse_args(argv)
    path = write_fixture(args.out, rows())
    n = sum(1 for _ in path.open(encoding="utf-8")) - 1
    print(f"wrote {path} ({n} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
