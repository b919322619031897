"""Write ``tests/fixtures/undl_extra.csv``: the sample fixture plus 3 synthetic recent votes.

Maintainer tool, not part of the installed package. The file has every row
of ``tests/fixtures/undl_sample.csv`` (see ``tools/make_undl_fixture.py``)
followed by three **made-up** votes that are not in the course, with full
roll calls of the 193 current member states whose counts match their
``total_*`` columns:

* A/RES/79/9901 (draft A/79/L.9901), 10 December 2024, session 79, subject
  "MIDDLE EAST SITUATION";
* A/RES/ES-10/9903 (draft A/ES-10/L.9903), 18 September 2024, session ES-10,
  subject "MIDDLE EAST SITUATION|PALESTINE QUESTION";
* A/RES/78/9902 (draft A/78/L.9902), 2 November 2023, session 78, subject
  "OCEANS--OBSERVATION".

Their symbols do not exist, their votes are invented by a fixed rule, and
every title says "SYNTHETIC TEST VOTE - not a real resolution" and ends with
"[test fixture]".

Run from the repository root::

    python tools/make_undl_extra_fixture.py [--out tests/fixtures/undl_extra.csv]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_undl_fixture
from make_undl_fixture import FIXTURE_MARK, build_rows, fmt_total, read_data

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "tests" / "fixtures" / "undl_extra.csv"

#: (undl_id, symbol, draft, date, session, title, agenda title, subjects, pattern)
SYNTHETIC_VOTES = [
    (9990201, "A/RES/79/9901", "A/79/L.9901", "2024-12-10", "79",
     "Peaceful settlement in the Middle East", "The situation in the Middle East",
     "MIDDLE EAST SITUATION", "YYYYNAYYXY"),
    (9990203, "A/RES/ES-10/9903", "A/ES-10/L.9903", "2024-09-18", "ES-10",
     "Protection of civilians in the Middle East", "Illegal Israeli actions in Occupied "
     "East Jerusalem and the rest of the Occupied Palestinian Territory",
     "MIDDLE EAST SITUATION|PALESTINE QUESTION", "YYAYYNYAYX"),
    (9990202, "A/RES/78/9902", "A/78/L.9902", "2023-11-02", "78",
     "Ocean observation for sustainable development", "Oceans and the law of the sea",
     "OCEANS--OBSERVATION", "YYYYYYYAYY"),
]


def synthetic_rows() -> list[list[str]]:
    """The rows of the synthetic votes: one per current member state each."""
    members = sorted((r["iso3"], r["name"]) for r in read_data("members.csv")
                     if r["status"] == "member")
    out: list[list[str]] = []
    for undl_id, symbol, draft, date, session, title, agenda, subjects, pattern in \
            SYNTHETIC_VOTES:
        letters = [pattern[(i * 7 + undl_id) % len(pattern)] for i in range(len(members))]
        count = Counter(letters)
        totals = [fmt_total(count[k]) for k in ("Y", "N", "A", "X")] + [fmt_total(len(members))]
        full_title = (f"[SYNTHETIC TEST VOTE - not a real resolution] {title} : resolution / "
                      f"adopted by the General Assembly{FIXTURE_MARK}")
        for (iso3, name), letter in zip(members, letters, strict=True):
            out.append([
                str(undl_id), iso3, name.upper(), letter, date, session, symbol, draft, "",
                "", full_title, agenda, subjects, "", *totals,
                f"https://digitallibrary.un.org/record/{undl_id}",
            ])
    return out


def all_rows() -> list[list[str]]:
    """The sample fixture's rows followed by the synthetic votes."""
    return build_rows() + synthetic_rows()


if __name__ == "__main__":
    sys.exit(make_undl_fixture.main(default_out=DEFAULT_OUT, rows=all_rows))
