"""Build ``data/votes.csv`` from the research dossier and our own extra research.

Maintainer tool, not part of the installed package. It reads the dossier's
per-vote CSVs (``iso3,country,vote,source_url,note``; a missing state means
"not found") plus the files in ``tools/extra_votes/`` (same format), assigns a
confidence level to every row from what its note and source say, checks the
result, and writes one long table.

Run from the repository root::

    python tools/build_votes.py [--dossier ../shared/research/votes]

Confidence levels (documented in ``data/README.md``):

* ``official``  - read from a UN record (a press.un.org / un.org page).
* ``confirmed`` - the UN Digital Library record as reproduced by a third party,
  or a complete list that two independent sources agree on and that matches the
  official totals.
* ``reported``  - stated by one credible source (wire agency, ministry, media).
* ``low``       - a single low-tier source with known errors.
* ``disputed``  - sources disagree and nothing settles it.
* ``derived``   - worked out from complete lists and the official totals, or
  from a general statement in a source (the note says how); never from
  alliances or past behaviour.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent

#: dossier file -> resolution id used throughout the project
DOSSIER_FILES: dict[str, str] = {
    "2014-03-27_A-RES-68-262.csv": "68/262",
    "2022-03-02_ES-11-1.csv": "ES-11/1",
    "2022-03-24_ES-11-2.csv": "ES-11/2",
    "2022-04-07_ES-11-3.csv": "ES-11/3",
    "2022-10-12_ES-11-4.csv": "ES-11/4",
    "2022-11-14_ES-11-5.csv": "ES-11/5",
    "2023-02-23_ES-11-6.csv": "ES-11/6",
    "2025-02-24_ES-11-7.csv": "ES-11/7",
    "2025-02-24_ES-11-8.csv": "ES-11/8",
    "2026-02-24_support-lasting-peace.csv": "2026",
}

#: our own research, same format: file name -> resolution id
EXTRA_FILES: dict[str, str] = {
    "ES-11-9.csv": "ES-11/9",
    "ES-11-2-additions.csv": "ES-11/2",
    "ES-11-4-additions.csv": "ES-11/4",
    "ES-11-5-additions.csv": "ES-11/5",
    "ES-11-6-additions.csv": "ES-11/6",
    "ES-11-3-additions.csv": "ES-11/3",
    "ES-11-2-resourced.csv": "ES-11/2",
    "ES-11-4-resourced.csv": "ES-11/4",
    "ES-11-5-resourced.csv": "ES-11/5",
    "ES-11-7-resourced.csv": "ES-11/7",
    "2026-additions.csv": "2026",
}

#: Dossier rows that a higher-ranked source replaces. Each one is dropped here and
#: replaced by a row for the same state in an extra file. If the vote differs, the
#: dropped claim is kept in data/conflicts.csv; if it is the same (a "re-sourced"
#: row, e.g. a junk or copy-site address replaced by the UN record), the new row's
#: note names the source it replaces.
SUPERSEDED_FILE = "superseded.csv"

VOTES = ("yes", "no", "abstain", "non_voting")
COLUMNS = ["resolution", "iso3", "vote", "confidence", "source_url", "note"]


def confidence_for(row: dict[str, str], complete: bool) -> str:
    """Return the confidence level for one dossier row (see module docstring)."""
    note = row["note"]
    lowered = note.lower()
    host = urlparse(row["source_url"]).netloc.lower()
    if "LOW CONFIDENCE" in note:
        return "low"
    if "DISPUTED" in note:
        return "disputed"
    if lowered.startswith("derived") or "derived by elimination" in lowered:
        return "derived"
    if host == "un.org" or host.endswith(".un.org"):
        return "official"
    if "un digital library" in lowered or complete:
        return "confirmed"
    return "reported"


def read_official_totals() -> dict[str, tuple[int, int, int, int]]:
    """Official totals per resolution id from ``data/resolutions.csv``."""
    totals: dict[str, tuple[int, int, int, int]] = {}
    with open(ROOT / "data" / "resolutions.csv", encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            if rec["kind"] != "resolution":
                continue
            totals[rec["id"]] = (
                int(rec["yes"]),
                int(rec["no"]),
                int(rec["abstain"]),
                int(rec["non_voting"]),
            )
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dossier",
        type=Path,
        default=ROOT.parent / "shared" / "research" / "votes",
        help="folder with the dossier's per-vote CSVs",
    )
    args = parser.parse_args(argv)

    totals = read_official_totals()
    with open(ROOT / "data" / "members.csv", encoding="utf-8", newline="") as fh:
        members = {r["iso3"] for r in csv.DictReader(fh) if r["status"] == "member"}

    sources: list[tuple[Path, str]] = [(args.dossier / f, rid) for f, rid in DOSSIER_FILES.items()]
    sources += [(ROOT / "tools" / "extra_votes" / f, rid) for f, rid in EXTRA_FILES.items()]

    with open(ROOT / "tools" / "extra_votes" / SUPERSEDED_FILE, encoding="utf-8",
              newline="") as fh:
        superseded = {(r["resolution"], r["iso3"], r["superseded_source_url"])
                      for r in csv.DictReader(fh)}

    out: list[dict[str, str]] = []
    problems: list[str] = []
    by_resolution: dict[str, list[dict[str, str]]] = {}
    seen_where: dict[tuple[str, str], str] = {}
    dropped: set[tuple[str, str, str]] = set()
    for path, rid in sources:
        with open(path, encoding="utf-8", newline="") as fh:
            for line, row in enumerate(csv.DictReader(fh), start=2):
                key = (rid, row["iso3"], row["source_url"])
                if path.parent == args.dossier and key in superseded:
                    dropped.add(key)
                    continue
                by_resolution.setdefault(rid, []).append({**row, "_where": f"{path.name}:{line}"})
    for key in sorted(superseded - dropped):
        problems.append(f"{SUPERSEDED_FILE}: {key} matches no dossier row")
    extra_dir = ROOT / "tools" / "extra_votes"
    for rid, iso3, url in sorted(superseded):
        replaced = any(
            row["iso3"] == iso3 and row["_where"].split(":")[0] in EXTRA_FILES
            for row in by_resolution.get(rid, [])
        )
        if not replaced:
            problems.append(
                f"{SUPERSEDED_FILE}: {rid} {iso3} ({url}) is dropped but no file in "
                f"{extra_dir.name}/ gives a replacement row"
            )
    for rid, rows in by_resolution.items():
        complete = len(rows) == len(members)
        for row in rows:
            where = row["_where"]
            if row["iso3"] not in members:
                problems.append(f"{where}: {row['iso3']!r} is not a UN member state")
            if (rid, row["iso3"]) in seen_where:
                problems.append(
                    f"{where}: {row['iso3']} already has a {rid} vote at "
                    f"{seen_where[(rid, row['iso3'])]}"
                )
            seen_where[(rid, row["iso3"])] = where
            if row["vote"] not in VOTES:
                problems.append(f"{where}: vote {row['vote']!r} not in {VOTES}")
            if not row["source_url"].startswith(("http://", "https://")):
                problems.append(f"{where}: no source URL")
            out.append(
                {
                    "resolution": rid,
                    "iso3": row["iso3"],
                    "vote": row["vote"],
                    "confidence": confidence_for(row, complete),
                    "source_url": row["source_url"],
                    "note": row["note"],
                }
            )
        counts = Counter(r["vote"] for r in rows)
        known = tuple(counts[v] for v in VOTES)
        official = totals[rid]
        if any(k > o for k, o in zip(known, official, strict=True)):
            problems.append(f"{rid}: known {known} exceed official {official}")
        if complete and known != official:
            problems.append(f"{rid}: complete list {known} differs from official {official}")
        print(f"{rid:8} rows={len(rows):3d} known={known} official={official}")

    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1

    ids = list(dict.fromkeys([*DOSSIER_FILES.values(), *EXTRA_FILES.values()]))
    order = {rid: i for i, rid in enumerate(ids)}
    out.sort(key=lambda r: (order[r["resolution"]], r["iso3"]))
    with open(ROOT / "data" / "votes.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(out)
    conf = Counter(r["confidence"] for r in out)
    print(f"wrote {len(out)} rows to data/votes.csv; confidence: {dict(conf)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
