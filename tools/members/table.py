"""The rows of ``data/members.csv``: make them, write them, check a written file."""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from unga_teach.members import MEMBER_COLUMNS

from .states import (
    GROUP_COUNTS,
    GROUP_NOTES,
    MEMBERS_URL,
    OBSERVERS_URL,
    SHAPE_NOTES,
    SUBREGIONS,
    State,
)

ROOT = Path(__file__).resolve().parent.parent.parent
MAP_110M = ROOT / "data" / "maps" / "countries-110m.json"

COLUMNS = MEMBER_COLUMNS  # the loader's schema is the one source of truth


def build_rows(
    states: Sequence[State],
    points: dict[str, tuple[float, float, str, str]],
    ids_110m: set[str],
) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for s in sorted(states, key=lambda st: st.iso3):
        lon, lat, origin, how = points[s.iso3]
        has_110m = s.iso_num in ids_110m
        notes: list[str] = []
        if s.iso3 in GROUP_NOTES:
            notes.append(GROUP_NOTES[s.iso3])
        if origin.startswith("capital:"):
            notes.append(
                f"in no world-atlas file; lon/lat is the capital, {origin.split(':', 1)[1]}"
            )
        else:
            if not has_110m:
                notes.append("no shape at 1:110m (draw it as a dot at lon/lat)")
            if origin != "countries-10m.json":
                notes.append(f"lon/lat from {origin}")
        if how:
            notes.append(f"lon/lat: {how}")
        if s.iso3 in SHAPE_NOTES:
            notes.append(SHAPE_NOTES[s.iso3])
        rows.append(
            {
                "iso3": s.iso3,
                "iso2": s.iso2,
                "iso_num": s.iso_num,
                "name": s.name,
                "m49_region": s.region,
                "m49_subregion": s.subregion,
                "un_regional_group": s.group,
                "status": s.status,
                "lon": _fmt(lon),
                "lat": _fmt(lat),
                "has_shape_110m": "true" if has_110m else "false",
                "source_url": MEMBERS_URL if s.status == "member" else OBSERVERS_URL,
                "note": "; ".join(notes),
            }
        )
    return rows


def _fmt(value: float) -> str:
    text = f"{value:.3f}"
    return "0.000" if text == "-0.000" else text


def write_rows(rows: Sequence[dict[str, str]], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def check_csv(path: Path, states: Sequence[State]) -> list[str]:
    """Check a written members.csv; return a list of problems (empty if fine)."""
    errors: list[str] = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header = reader.fieldnames or []
        rows = list(reader)
    if list(header) != COLUMNS:
        errors.append(f"columns are {header}, expected {COLUMNS}")
        return errors
    if len(rows) != 195:
        errors.append(f"{len(rows)} rows, expected 195")
    for col in ("iso3", "iso2", "iso_num", "name"):
        dupes = [v for v, n in Counter(r[col] for r in rows).items() if n > 1]
        if dupes:
            errors.append(f"duplicate {col}: {dupes}")
    status = Counter(r["status"] for r in rows)
    if status != Counter({"member": 193, "observer": 2}):
        errors.append(f"status counts {dict(status)}, expected 193 members and 2 observers")
    observers = sorted(r["iso3"] for r in rows if r["status"] == "observer")
    if observers != ["PSE", "VAT"]:
        errors.append(f"observers are {observers}, expected PSE and VAT")
    curated = {s.iso3: s for s in states}
    pairs = set(SUBREGIONS.values())
    groups = Counter(r["un_regional_group"] for r in rows if r["status"] == "member")
    if dict(groups) != GROUP_COUNTS:
        errors.append(f"regional group counts {dict(groups)}, expected {GROUP_COUNTS}")
    ids_110m: set[str] | None = None
    if MAP_110M.is_file():
        topo = json.loads(MAP_110M.read_text(encoding="utf-8"))
        ids_110m = {str(g["id"]) for g in topo["objects"]["countries"]["geometries"] if "id" in g}
    for r in rows:
        key = r["iso3"]
        s = curated.get(key)
        if s is None:
            errors.append(f"{key}: not in the curated list")
            continue
        expected = (s.iso2, s.iso_num, s.name, s.region, s.subregion, s.group, s.status)
        got = (
            r["iso2"],
            r["iso_num"],
            r["name"],
            r["m49_region"],
            r["m49_subregion"],
            r["un_regional_group"],
            r["status"],
        )
        if got != expected:
            errors.append(f"{key}: {got} differs from the curated {expected}")
        if (r["m49_region"], r["m49_subregion"]) not in pairs:
            errors.append(f"{key}: unknown M49 pair {r['m49_region']}/{r['m49_subregion']}")
        if len(r["iso_num"]) != 3 or not r["iso_num"].isdigit():
            errors.append(f"{key}: iso_num {r['iso_num']!r} is not 3 digits")
        if r["status"] == "observer" and r["un_regional_group"] != "none":
            errors.append(f"{key}: an observer must have un_regional_group 'none'")
        try:
            lon, lat = float(r["lon"]), float(r["lat"])
        except ValueError:
            errors.append(f"{key}: lon/lat not numeric")
        else:
            if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                errors.append(f"{key}: lon/lat out of range")
            if any(len(v.split(".")[-1]) != 3 for v in (r["lon"], r["lat"])):
                errors.append(f"{key}: lon/lat must have 3 decimals")
        if r["has_shape_110m"] not in {"true", "false"}:
            errors.append(f"{key}: has_shape_110m must be true or false")
        elif ids_110m is not None and (r["has_shape_110m"] == "true") != (r["iso_num"] in ids_110m):
            errors.append(f"{key}: has_shape_110m disagrees with {MAP_110M.name}")
        want_url = MEMBERS_URL if r["status"] == "member" else OBSERVERS_URL
        if r["source_url"] != want_url:
            errors.append(f"{key}: source_url should be {want_url}")
        if (
            r["has_shape_110m"] == "false"
            and "1:110m" not in r["note"]
            and "capital" not in r["note"]
        ):
            errors.append(f"{key}: no 110m shape but the note does not say so")
    return errors
