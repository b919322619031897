"""Cross-checks of the curated codes against ``pycountry`` and ``country_converter``.

Where a library disagrees with the curated value, the curated (UN) value is
kept and the disagreement is printed and returned.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from importlib.metadata import version

from .states import State


def cross_check_pycountry(states: Sequence[State]) -> list[str]:
    """Compare codes (and, for information, names) with pycountry."""
    import pycountry

    problems: list[str] = []
    names: list[str] = []
    for s in states:
        rec = pycountry.countries.get(alpha_3=s.iso3)
        if rec is None:
            problems.append(f"pycountry: no record for {s.iso3} ({s.name})")
            continue
        if rec.alpha_2 != s.iso2:
            problems.append(f"pycountry: {s.iso3} alpha_2 {rec.alpha_2} != UN list {s.iso2}")
        if rec.numeric != s.iso_num:
            problems.append(f"pycountry: {s.iso3} numeric {rec.numeric} != UN list {s.iso_num}")
        if rec.name != s.name:
            names.append(f"{s.iso3}: pycountry {rec.name!r} / UN {s.name!r}")
    print(f"pycountry {version('pycountry')}: {len(problems)} code disagreement(s)")
    for line in problems:
        print("  DISAGREES", line)
    print(f"pycountry: {len(names)} name(s) differ from the UN short name (UN name kept):")
    for line in names:
        print("  name", line)
    return problems


def _coco_table() -> list[dict[str, str]]:
    """Read country_converter's bundled data as plain strings.

    ``country_converter.CountryConverter()`` 1.3.2 fails under pandas 3 (the
    ISO2 code "NA" of Namibia is read as a missing value), so the TSV is read
    directly with the csv module.
    """
    from importlib.resources import files

    text = files("country_converter").joinpath("country_data.tsv").read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter="\t"))


def cross_check_coco(states: Sequence[State]) -> list[str]:
    """Compare codes, M49 regions and UN membership with country_converter."""
    try:
        rows = _coco_table()
    except ModuleNotFoundError:
        print("country_converter is not installed; skipping that cross-check")
        return []
    current = [r for r in rows if not r.get("obsolete")]
    by_iso3 = {r["ISO3"]: r for r in current}
    intermediate = {
        "Eastern Africa": "Sub-Saharan Africa",
        "Middle Africa": "Sub-Saharan Africa",
        "Southern Africa": "Sub-Saharan Africa",
        "Western Africa": "Sub-Saharan Africa",
        "Caribbean": "Latin America and the Caribbean",
        "Central America": "Latin America and the Caribbean",
        "South America": "Latin America and the Caribbean",
    }
    continent = {"America": "Americas"}
    problems: list[str] = []
    for s in states:
        rec = by_iso3.get(s.iso3)
        if rec is None:
            problems.append(f"country_converter: no record for {s.iso3}")
            continue
        num = rec["ISOnumeric"].zfill(3)
        checks = [
            ("ISO2", rec["ISO2"], s.iso2),
            ("ISOnumeric", num, s.iso_num),
            ("UNcode", rec["UNcode"].zfill(3), s.iso_num),
            ("continent", continent.get(rec["continent"], rec["continent"]), s.region),
            ("UNregion", intermediate.get(rec["UNregion"], rec["UNregion"]), s.subregion),
        ]
        for label, theirs, ours in checks:
            # country_converter's ISO2 column is a regex for GR/EL and GB/UK
            matches = re.fullmatch(theirs, ours) if theirs.startswith("^") else theirs == ours
            if not matches:
                problems.append(
                    f"country_converter: {s.iso3} {label} {theirs!r} != UN list {ours!r}"
                )
        is_member = bool(rec.get("UNmember"))
        if is_member != (s.status == "member"):
            problems.append(
                f"country_converter: {s.iso3} UNmember={rec.get('UNmember')!r} "
                f"but UN list status is {s.status}"
            )
    un_ours = {s.iso3 for s in states if s.status == "member"}
    un_theirs = {r["ISO3"] for r in current if r.get("UNmember")}
    for iso3 in sorted(un_theirs - un_ours):
        problems.append(f"country_converter: lists {iso3} as a UN member; the UN list does not")
    print(f"country_converter {version('country_converter')}: {len(problems)} disagreement(s)")
    for line in problems:
        print("  DISAGREES", line)
    return problems
