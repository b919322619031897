"""Build and check ``data/groups.csv``: membership of the blocs used in class.

Maintainer tool, not part of the installed package. The member lists are
curated by hand below, by UN short name, and converted to ISO3 codes with
``data/members.csv`` (so a misspelt name or a state that is not a UN member or
observer stops the build). Only UN member states and the two observer states
can be rows; bloc members that are not states of that kind (the EU and the AU
in the G20, Montserrat in CARICOM, the Sahrawi Republic in the AU) are
described in ``data/groups_README.md`` instead.

Run from the repository root, after ``tools/build_members.py``::

    python tools/build_groups.py          # write data/groups.csv and check it
    python tools/build_groups.py --check  # check the existing file only

Output columns: ``group,group_name,iso3,as_of,source_url,note``, one row per
(group, state), sorted by group then iso3.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEMBERS_CSV = ROOT / "data" / "members.csv"
OUT_CSV = ROOT / "data" / "groups.csv"

COLUMNS = ["group", "group_name", "iso3", "as_of", "source_url", "note"]

#: Date at which every list below is meant to be right: the day of the vote the
#: course is about.
AS_OF = "2026-02-24"


@dataclass(frozen=True)
class Group:
    code: str
    name: str
    source_url: str
    expected: int  # rows expected (UN members and observer states only)
    members: tuple[str, ...]  # UN short names, as in data/members.csv
    notes: dict[str, str] = field(default_factory=dict)  # UN short name -> note
    as_of: str = AS_OF


GROUPS: tuple[Group, ...] = (
    Group(
        code="EU",
        name="European Union",
        source_url="https://european-union.europa.eu/principles-countries-history/eu-countries_en",
        expected=27,
        members=(
            "Austria",
            "Belgium",
            "Bulgaria",
            "Croatia",
            "Cyprus",
            "Czechia",
            "Denmark",
            "Estonia",
            "Finland",
            "France",
            "Germany",
            "Greece",
            "Hungary",
            "Ireland",
            "Italy",
            "Latvia",
            "Lithuania",
            "Luxembourg",
            "Malta",
            "Netherlands (Kingdom of the)",
            "Poland",
            "Portugal",
            "Romania",
            "Slovakia",
            "Slovenia",
            "Spain",
            "Sweden",
        ),
    ),
    Group(
        code="NATO",
        name="North Atlantic Treaty Organization",
        source_url="https://www.nato.int/cps/en/natohq/topics_52044.htm",
        expected=32,
        members=(
            "Albania",
            "Belgium",
            "Bulgaria",
            "Canada",
            "Croatia",
            "Czechia",
            "Denmark",
            "Estonia",
            "Finland",
            "France",
            "Germany",
            "Greece",
            "Hungary",
            "Iceland",
            "Italy",
            "Latvia",
            "Lithuania",
            "Luxembourg",
            "Montenegro",
            "Netherlands (Kingdom of the)",
            "North Macedonia",
            "Norway",
            "Poland",
            "Portugal",
            "Romania",
            "Slovakia",
            "Slovenia",
            "Spain",
            "Sweden",
            "Türkiye",
            "United Kingdom of Great Britain and Northern Ireland",
            "United States of America",
        ),
        notes={
            "Finland": "joined 2023-04-04",
            "Sweden": "joined 2024-03-07",
            "Iceland": "founding member with no armed forces of its own",
        },
    ),
    Group(
        code="G7",
        name="Group of Seven",
        # The G7 has no secretariat or website of its own; this is a member
        # government's (Canada, 2025 presidency) page on the group.
        source_url=(
            "https://www.international.gc.ca/world-monde/international_relations-"
            "relations_internationales/g7/index.aspx?lang=eng"
        ),
        expected=7,
        members=(
            "Canada",
            "France",
            "Germany",
            "Italy",
            "Japan",
            "United Kingdom of Great Britain and Northern Ireland",
            "United States of America",
        ),
    ),
    Group(
        code="G20",
        name="Group of Twenty",
        source_url="https://g20.org/about-g20/",
        expected=19,
        members=(
            "Argentina",
            "Australia",
            "Brazil",
            "Canada",
            "China",
            "France",
            "Germany",
            "India",
            "Indonesia",
            "Italy",
            "Japan",
            "Mexico",
            "Republic of Korea",
            "Russian Federation",
            "Saudi Arabia",
            "South Africa",
            "Türkiye",
            "United Kingdom of Great Britain and Northern Ireland",
            "United States of America",
        ),
    ),
    Group(
        code="BRICS",
        name="BRICS",
        # The chair's site for 2026 (India); BRICS has no permanent secretariat.
        source_url="https://www.brics2026.gov.in/",
        expected=10,
        members=(
            "Brazil",
            "Russian Federation",
            "India",
            "China",
            "South Africa",
            "Egypt",
            "Ethiopia",
            "Iran (Islamic Republic of)",
            "United Arab Emirates",
            "Indonesia",
        ),
        notes={
            "South Africa": "joined in 2010-2011, turning BRIC into BRICS",
            "Egypt": "full member since 2024-01-01",
            "Ethiopia": "full member since 2024-01-01",
            "Iran (Islamic Republic of)": "full member since 2024-01-01",
            "United Arab Emirates": "full member since 2024-01-01",
            "Indonesia": "full member since 2025-01-06",
        },
    ),
    Group(
        code="AU",
        name="African Union",
        source_url="https://au.int/en/member_states/countryprofiles2",
        expected=54,  # 55 AU members; the Sahrawi Republic is not a UN member
        members=(
            "Algeria",
            "Angola",
            "Benin",
            "Botswana",
            "Burkina Faso",
            "Burundi",
            "Cabo Verde",
            "Cameroon",
            "Central African Republic",
            "Chad",
            "Comoros",
            "Congo",
            "Côte d'Ivoire",
            "Democratic Republic of the Congo",
            "Djibouti",
            "Egypt",
            "Equatorial Guinea",
            "Eritrea",
            "Eswatini",
            "Ethiopia",
            "Gabon",
            "Gambia",
            "Ghana",
            "Guinea",
            "Guinea-Bissau",
            "Kenya",
            "Lesotho",
            "Liberia",
            "Libya",
            "Madagascar",
            "Malawi",
            "Mali",
            "Mauritania",
            "Mauritius",
            "Morocco",
            "Mozambique",
            "Namibia",
            "Niger",
            "Nigeria",
            "Rwanda",
            "Sao Tome and Principe",
            "Senegal",
            "Seychelles",
            "Sierra Leone",
            "Somalia",
            "South Africa",
            "South Sudan",
            "Sudan",
            "Togo",
            "Tunisia",
            "Uganda",
            "United Republic of Tanzania",
            "Zambia",
            "Zimbabwe",
        ),
        notes={
            "Burkina Faso": "member; participation suspended since January 2022 (coup)",
            "Guinea": (
                "member; its 2021 suspension was lifted in January 2026 after the "
                "presidential election"
            ),
            "Gabon": "member; 2023 suspension lifted in April 2025",
            "Guinea-Bissau": "member; participation suspended since November 2025 (coup)",
            "Madagascar": "member; participation suspended since October 2025 (coup)",
            "Mali": "member; participation suspended since June 2021 (coup)",
            "Morocco": "left the OAU in 1984 and joined the AU in 2017",
            "Niger": "member; participation suspended since August 2023 (coup)",
            "Sudan": "member; participation suspended since October 2021 (coup)",
        },
    ),
    Group(
        code="ASEAN",
        name="Association of Southeast Asian Nations",
        source_url="https://asean.org/member-states/",
        expected=11,
        members=(
            "Brunei Darussalam",
            "Cambodia",
            "Indonesia",
            "Lao People's Democratic Republic",
            "Malaysia",
            "Myanmar",
            "Philippines",
            "Singapore",
            "Thailand",
            "Timor-Leste",
            "Viet Nam",
        ),
        notes={
            "Timor-Leste": "admitted as the 11th member on 2025-10-26",
            "Myanmar": (
                "member; since 2021 ASEAN summits have invited only a non-political "
                "representative of Myanmar"
            ),
        },
    ),
    Group(
        code="OIC",
        name="Organisation of Islamic Cooperation",
        source_url="https://www.oic-oci.org/states/?lan=en",
        expected=57,
        members=(
            "Afghanistan",
            "Albania",
            "Algeria",
            "Azerbaijan",
            "Bahrain",
            "Bangladesh",
            "Benin",
            "Brunei Darussalam",
            "Burkina Faso",
            "Cameroon",
            "Chad",
            "Comoros",
            "Côte d'Ivoire",
            "Djibouti",
            "Egypt",
            "Gabon",
            "Gambia",
            "Guinea",
            "Guinea-Bissau",
            "Guyana",
            "Indonesia",
            "Iran (Islamic Republic of)",
            "Iraq",
            "Jordan",
            "Kazakhstan",
            "Kuwait",
            "Kyrgyzstan",
            "Lebanon",
            "Libya",
            "Malaysia",
            "Maldives",
            "Mali",
            "Mauritania",
            "Morocco",
            "Mozambique",
            "Niger",
            "Nigeria",
            "Oman",
            "Pakistan",
            "Qatar",
            "Saudi Arabia",
            "Senegal",
            "Sierra Leone",
            "Somalia",
            "State of Palestine",
            "Sudan",
            "Suriname",
            "Syrian Arab Republic",
            "Tajikistan",
            "Togo",
            "Tunisia",
            "Türkiye",
            "Turkmenistan",
            "Uganda",
            "United Arab Emirates",
            "Uzbekistan",
            "Yemen",
        ),
        notes={
            "Syrian Arab Republic": "suspended in 2012; membership restored in March 2025",
        },
    ),
    Group(
        code="CSTO",
        name="Collective Security Treaty Organization",
        source_url="https://en.odkb-csto.org/",
        expected=6,
        members=(
            "Armenia",
            "Belarus",
            "Kazakhstan",
            "Kyrgyzstan",
            "Russian Federation",
            "Tajikistan",
        ),
        notes={
            "Armenia": "still formally a member, but froze its participation in February 2024",
        },
    ),
    Group(
        code="LAS",
        name="League of Arab States",
        source_url="https://www.lasportal.org/en/aboutlas/Pages/CountryData.aspx",
        expected=22,
        members=(
            "Algeria",
            "Bahrain",
            "Comoros",
            "Djibouti",
            "Egypt",
            "Iraq",
            "Jordan",
            "Kuwait",
            "Lebanon",
            "Libya",
            "Mauritania",
            "Morocco",
            "Oman",
            "Qatar",
            "Saudi Arabia",
            "Somalia",
            "State of Palestine",
            "Sudan",
            "Syrian Arab Republic",
            "Tunisia",
            "United Arab Emirates",
            "Yemen",
        ),
        notes={
            "Syrian Arab Republic": "suspended in November 2011; readmitted in May 2023",
        },
    ),
    Group(
        code="CARICOM",
        name="Caribbean Community",
        source_url="https://caricom.org/member-states-and-associate-members/",
        expected=14,  # 15 full members; Montserrat is a British territory
        members=(
            "Antigua and Barbuda",
            "Bahamas",
            "Barbados",
            "Belize",
            "Dominica",
            "Grenada",
            "Guyana",
            "Haiti",
            "Jamaica",
            "Saint Kitts and Nevis",
            "Saint Lucia",
            "Saint Vincent and the Grenadines",
            "Suriname",
            "Trinidad and Tobago",
        ),
        notes={
            "Bahamas": "full member of the Community but not of its common market (CSME)",
        },
    ),
    Group(
        code="GCC",
        name="Gulf Cooperation Council",
        source_url="https://www.gcc-sg.org/en/AboutUs/Pages/default.aspx",
        expected=6,
        members=(
            "Bahrain",
            "Kuwait",
            "Oman",
            "Qatar",
            "Saudi Arabia",
            "United Arab Emirates",
        ),
    ),
)


def load_members(path: Path = MEMBERS_CSV) -> dict[str, dict[str, str]]:
    """Rows of data/members.csv keyed by UN short name."""
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["name"]: row for row in csv.DictReader(fh)}


def build_rows(members: dict[str, dict[str, str]]) -> tuple[list[dict[str, str]], list[str]]:
    rows: list[dict[str, str]] = []
    errors: list[str] = []
    for group in GROUPS:
        if len(set(group.members)) != len(group.members):
            dupes = [n for n, c in Counter(group.members).items() if c > 1]
            errors.append(f"{group.code}: listed twice: {dupes}")
        for name in group.notes:
            if name not in group.members:
                errors.append(f"{group.code}: note for {name!r}, which is not in the list")
        for name in group.members:
            member = members.get(name)
            if member is None:
                errors.append(f"{group.code}: {name!r} is not a UN short name in members.csv")
                continue
            notes = []
            if member["status"] == "observer":
                notes.append("observer state at the UN; a full member of this bloc")
            if name in group.notes:
                notes.append(group.notes[name])
            rows.append(
                {
                    "group": group.code,
                    "group_name": group.name,
                    "iso3": member["iso3"],
                    "as_of": group.as_of,
                    "source_url": group.source_url,
                    "note": "; ".join(notes),
                }
            )
    rows.sort(key=lambda r: (r["group"], r["iso3"]))
    return rows, errors


def check_rows(rows: Sequence[dict[str, str]], members: dict[str, dict[str, str]]) -> list[str]:
    errors: list[str] = []
    by_iso3 = {m["iso3"]: m for m in members.values()}
    expected = {g.code: g for g in GROUPS}
    counts = Counter(r["group"] for r in rows)
    for code, group in expected.items():
        if counts.get(code, 0) != group.expected:
            errors.append(f"{code}: {counts.get(code, 0)} rows, expected {group.expected}")
    for code in counts:
        if code not in expected:
            errors.append(f"unknown group {code!r}")
    pairs = Counter((r["group"], r["iso3"]) for r in rows)
    errors += [f"duplicate row {pair}" for pair, n in pairs.items() if n > 1]
    if [(r["group"], r["iso3"]) for r in rows] != sorted(pairs):
        errors.append("rows are not sorted by group then iso3")
    for r in rows:
        where = f"{r['group']}/{r['iso3']}"
        member = by_iso3.get(r["iso3"])
        if member is None:
            errors.append(f"{where}: iso3 not in members.csv")
            continue
        curated = expected.get(r["group"])
        if curated is not None and (r["group_name"], r["source_url"]) != (
            curated.name,
            curated.source_url,
        ):
            errors.append(f"{where}: group_name or source_url differs from the curated group")
        if not r["source_url"].startswith("https://"):
            errors.append(f"{where}: source_url must be an https URL")
        if len(r["as_of"]) != 10 or r["as_of"][4] != "-" or r["as_of"][7] != "-":
            errors.append(f"{where}: as_of {r['as_of']!r} is not an ISO date")
        is_observer = member["status"] == "observer"
        if is_observer != r["note"].startswith("observer state"):
            errors.append(f"{where}: observer states (only) must have 'observer state' in note")
    return errors


def cross_check_coco(rows: Sequence[dict[str, str]]) -> None:
    """Print where country_converter's EU27/G7/G20 columns differ from our lists.

    Its G20 column also marks every EU member (the EU is a G20 member), so EU
    states that are not G20 members in their own right are ignored there.
    Differences are printed, never used.
    """
    try:
        from importlib.resources import files

        text = files("country_converter").joinpath("country_data.tsv").read_text("utf-8")
    except ModuleNotFoundError:
        print("country_converter is not installed; skipping that cross-check")
        return
    table = [r for r in csv.DictReader(text.splitlines(), delimiter="\t") if not r["obsolete"]]
    ours: dict[str, set[str]] = {}
    for r in rows:
        ours.setdefault(r["group"], set()).add(r["iso3"])
    eu = ours.get("EU", set())
    for column, code in (("EU27", "EU"), ("G7", "G7"), ("G20", "G20")):
        theirs = {r["ISO3"] for r in table if r[column]}
        mine = ours.get(code, set())
        if code == "G20":
            theirs -= eu - mine
        if theirs == mine:
            print(f"country_converter {column}: same {len(mine)} states as {code}")
        else:
            print(
                f"country_converter {column} DISAGREES with {code}: only theirs "
                f"{sorted(theirs - mine)}, only ours {sorted(mine - theirs)}"
            )


def write_rows(rows: Sequence[dict[str, str]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != COLUMNS:
            sys.exit(f"error: {path} has columns {reader.fieldnames}, expected {COLUMNS}")
        return list(reader)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--members", type=Path, default=MEMBERS_CSV)
    parser.add_argument("--out", type=Path, default=OUT_CSV)
    parser.add_argument("--check", action="store_true", help="only check the existing CSV")
    args = parser.parse_args(argv)

    members = load_members(args.members)
    errors: list[str] = []
    if not args.check:
        rows, errors = build_rows(members)
        if errors:
            for line in errors:
                print("ERROR", line)
            print("not written")
            return 1
        write_rows(rows, args.out)
        print(f"wrote {len(rows)} rows to {args.out}")
    rows = read_rows(args.out)
    cross_check_coco(rows)
    errors = check_rows(rows, members)
    for code, n in sorted(Counter(r["group"] for r in rows).items()):
        print(f"  {code:8} {n:3}")
    for line in errors:
        print("ERROR", line)
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
