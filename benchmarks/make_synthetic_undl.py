"""Write a synthetic file in the UN Digital Library "General Assembly Voting Data" format.

Benchmark helper, not part of the package. The file has the official columns
and about the official size (by default 4,900 votes x 193 states = 945,700
rows, ~360 MB), with long titles, agenda titles and subjects, float totals,
upper-case names, ``X`` and blank non-votes, and historical codes (SUN, YUG,
CSK, DDR, YMD, YAR, ZAR, BUR, ROM) in the early sessions. The votes are
random but correlated by bloc, so agreement matrices are not trivial. Nothing
in it is real data.

Run from the repository root (the output goes to the temporary folder, outside
the repository: 400 MB)::

    python benchmarks/make_synthetic_undl.py [--out /tmp/undl_synthetic.csv] [--votes 4900]
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = Path(tempfile.gettempdir()) / "undl_synthetic.csv"

COLUMNS = [
    "undl_id", "ms_code", "ms_name", "ms_vote", "date", "session", "resolution", "draft",
    "committee_report", "meeting", "title", "agenda_title", "subjects", "vote_note",
    "total_yes", "total_no", "total_abstentions", "total_non_voting", "total_ms", "undl_link",
]

#: historical code -> (name at the time, current code it replaces in the synthetic file,
#: last year it is used)
HISTORICAL: dict[str, tuple[str, str, int]] = {
    "SUN": ("UNION OF SOVIET SOCIALIST REPUBLICS", "RUS", 1991),
    "YUG": ("YUGOSLAVIA", "SRB", 1991),
    "CSK": ("CZECHOSLOVAKIA", "CZE", 1992),
    "DDR": ("GERMAN DEMOCRATIC REPUBLIC", "SVK", 1990),
    "YMD": ("DEMOCRATIC YEMEN", "YEM", 1989),
    "YAR": ("YEMEN ARAB REPUBLIC", "OMN", 1989),
    "ZAR": ("ZAIRE", "COD", 1997),
    "BUR": ("BURMA", "MMR", 1989),
    "ROM": ("ROMANIA", "ROU", 1976),
}

WORDS = [
    "international", "cooperation", "development", "rights", "question", "situation",
    "implementation", "programme", "measures", "human", "assistance", "peace", "security",
    "nuclear", "weapons", "disarmament", "territories", "occupied", "people",
    "self-determination", "economic", "social", "environment", "sustainable", "convention",
    "protocol", "declaration", "financing", "operations", "report", "committee", "special",
    "regional", "conference", "strengthening", "promotion", "protection", "elimination",
]
SUFFIX = " : resolution / adopted by the General Assembly"


def _members() -> list[tuple[str, str]]:
    """(iso3, upper-case name) of the 193 member states, from the shipped data."""
    with (ROOT / "data" / "members.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["status"] == "member"]
    return [(r["iso3"], r["name"].upper()) for r in rows]


def _phrase(rng: np.random.Generator, n: int) -> str:
    return " ".join(rng.choice(WORDS, size=n)).capitalize()


def write_synthetic(out: Path, n_votes: int = 4900, seed: int = 2026) -> Path:
    """Write the synthetic file and return its path."""
    rng = np.random.default_rng(seed)
    members = _members()
    n_states = len(members)
    # votes correlated by bloc: each state has a bloc and a propensity
    blocs = rng.integers(0, 5, size=n_states)
    state_x = rng.uniform(0.01, 0.12, size=n_states)
    years = np.sort(rng.integers(1946, 2026, size=n_votes))
    out.parent.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(",".join(COLUMNS) + "\n")
        for k in range(n_votes):
            year = int(years[k])
            session = str(max(1, year - 1945))
            number = k % 300 + 1
            symbol = f"A/RES/{session}/{number}"
            undl_id = 100000 + k
            date = f"{year}-{rng.integers(9, 13):02d}-{rng.integers(1, 29):02d}"
            title = _phrase(rng, int(rng.integers(4, 11))) + SUFFIX
            agenda = _phrase(rng, int(rng.integers(3, 9)))
            subjects = "|".join(_phrase(rng, 3).upper() + "--" + _phrase(rng, 2).upper()
                                for _ in range(int(rng.integers(1, 4))))
            bloc_pos = rng.choice(3, size=5, p=[0.7, 0.15, 0.15])  # Y, N, A per bloc
            codes = bloc_pos[blocs]
            flip = rng.random(n_states) < 0.15
            codes = np.where(flip, rng.integers(0, 3, size=n_states), codes)
            codes = np.where(rng.random(n_states) < state_x, 3, codes)
            letters = np.array(["Y", "N", "A", "X"])[codes]
            blank_x = rng.random() < 0.3  # some votes leave non-voting blank
            counts = np.bincount(codes, minlength=4)
            totals = [f"{float(c):.1f}" for c in counts] + [f"{float(n_states):.1f}"]
            for i, (iso3, name) in enumerate(members):
                code, ms_name = iso3, name
                for hist, (hname, replaces, last_year) in HISTORICAL.items():
                    if replaces == iso3 and year <= last_year:
                        code, ms_name = hist, hname
                vote = letters[i]
                if vote == "X" and blank_x:
                    vote = ""
                writer.writerow([
                    undl_id, code, ms_name, vote, date, session, symbol,
                    f"A/{session}/L.{number}", "", f"A/{session}/PV.{number // 3 + 1}",
                    title, agenda, subjects, "", *totals,
                    f"https://digitallibrary.un.org/record/{undl_id}",
                ])
            fh.write(buf.getvalue())
            buf.seek(0)
            buf.truncate()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--votes", type=int, default=4900, help="number of recorded votes")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    path = write_synthetic(args.out, args.votes, args.seed)
    size = path.stat().st_size
    print(f"wrote {path} ({size / 1e6:.0f} MB, {args.votes} votes x 193 states)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
