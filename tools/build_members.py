"""Build and check ``data/members.csv``: the 193 UN member states and 2 observer states.

Maintainer tool, not part of the installed package. The list of states, their
UN short names, M49 regions and UN regional groups is curated by hand in this
file (``STATES`` below). Libraries are only used as a cross-check:

* ``pycountry`` (ISO 3166-1) for the alpha-2 code and the numeric code;
* ``country_converter`` (its bundled ``country_data.tsv``) for the ISO codes,
  the UN M49 code and region, and its list of UN members.

Where a library disagrees with the curated value, the curated (UN) value is
written and the disagreement is printed.

The representative point (``lon``, ``lat``) comes from the Natural Earth 4.1.0
geometry in the npm package ``world-atlas@2.0.2``. Get it with::

    cd /tmp && npm pack world-atlas@2.0.2 && mkdir -p world-atlas \
        && tar xzf world-atlas-2.0.2.tgz -C world-atlas

For each state we take the finest file that has its ISO numeric id
(``countries-10m.json``, then ``50m``, then ``110m``), decode the TopoJSON arcs,
pick the polygon with the largest area and use that polygon's centroid. A state
that is in none of the three files gets its capital's coordinates (see
``CAPITALS``) and a note. ``has_shape_110m`` says whether the 1:110m file (the
one shipped in ``data/maps/``) has a geometry with the state's id.

Run from the repository root::

    python tools/build_members.py --atlas /tmp/world-atlas/package \
        [--dossier ../shared/research/votes]
    python tools/build_members.py --check      # check the existing CSV only

Sources: https://www.un.org/en/about-us/member-states (members),
https://www.un.org/en/about-us/non-member-states (observers),
https://www.un.org/dgacm/en/content/regional-groups (regional groups),
https://unstats.un.org/unsd/methodology/m49/ (M49 regions).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT_CSV = ROOT / "data" / "members.csv"
MAP_110M = ROOT / "data" / "maps" / "countries-110m.json"
#: The pristine upstream copy that tools/build_map.py builds MAP_110M from (Crimea moved).
MAP_110M_UPSTREAM = ROOT / "tools" / "maps" / "world-atlas-2.0.2" / "countries-110m.json"

from unga_teach.members import MEMBER_COLUMNS  # noqa: E402

COLUMNS = MEMBER_COLUMNS  # the loader's schema is the one source of truth

MEMBERS_URL = "https://www.un.org/en/about-us/member-states"
OBSERVERS_URL = "https://www.un.org/en/about-us/non-member-states"

#: M49 sub-region code used in ``STATES`` -> (region, sub-region). In the
#: Americas and in Sub-Saharan Africa M49 has a further "intermediate region"
#: level (Caribbean, Western Africa, ...); we stop at the sub-region.
SUBREGIONS: dict[str, tuple[str, str]] = {
    "NAF": ("Africa", "Northern Africa"),
    "SSA": ("Africa", "Sub-Saharan Africa"),
    "LAC": ("Americas", "Latin America and the Caribbean"),
    "NAM": ("Americas", "Northern America"),
    "CAS": ("Asia", "Central Asia"),
    "EAS": ("Asia", "Eastern Asia"),
    "SEA": ("Asia", "South-eastern Asia"),
    "SAS": ("Asia", "Southern Asia"),
    "WAS": ("Asia", "Western Asia"),
    "EEU": ("Europe", "Eastern Europe"),
    "NEU": ("Europe", "Northern Europe"),
    "SEU": ("Europe", "Southern Europe"),
    "WEU": ("Europe", "Western Europe"),
    "ANZ": ("Oceania", "Australia and New Zealand"),
    "MEL": ("Oceania", "Melanesia"),
    "MIC": ("Oceania", "Micronesia"),
    "POL": ("Oceania", "Polynesia"),
}

#: Regional-group code used in ``STATES`` -> name used by DGACM.
GROUPS: dict[str, str] = {
    "AFR": "African States",
    "APG": "Asia-Pacific States",
    "EEG": "Eastern European States",
    "LAC": "Latin American and Caribbean States",
    "WEOG": "Western European and other States",
    "-": "none",
}

#: Expected number of states per regional group (members only).
GROUP_COUNTS: dict[str, int] = {
    "African States": 54,
    "Asia-Pacific States": 54,
    "Eastern European States": 23,
    "Latin American and Caribbean States": 33,
    "Western European and other States": 29,
}

# iso3|iso2|iso_num|UN short name|M49 sub-region code|regional group code|status
# status: M = member, O = non-member observer State.
STATES_TABLE = """
AFG|AF|004|Afghanistan|SAS|APG|M
ALB|AL|008|Albania|SEU|EEG|M
DZA|DZ|012|Algeria|NAF|AFR|M
AND|AD|020|Andorra|SEU|WEOG|M
AGO|AO|024|Angola|SSA|AFR|M
ATG|AG|028|Antigua and Barbuda|LAC|LAC|M
ARG|AR|032|Argentina|LAC|LAC|M
ARM|AM|051|Armenia|WAS|EEG|M
AUS|AU|036|Australia|ANZ|WEOG|M
AUT|AT|040|Austria|WEU|WEOG|M
AZE|AZ|031|Azerbaijan|WAS|EEG|M
BHS|BS|044|Bahamas|LAC|LAC|M
BHR|BH|048|Bahrain|WAS|APG|M
BGD|BD|050|Bangladesh|SAS|APG|M
BRB|BB|052|Barbados|LAC|LAC|M
BLR|BY|112|Belarus|EEU|EEG|M
BEL|BE|056|Belgium|WEU|WEOG|M
BLZ|BZ|084|Belize|LAC|LAC|M
BEN|BJ|204|Benin|SSA|AFR|M
BTN|BT|064|Bhutan|SAS|APG|M
BOL|BO|068|Bolivia (Plurinational State of)|LAC|LAC|M
BIH|BA|070|Bosnia and Herzegovina|SEU|EEG|M
BWA|BW|072|Botswana|SSA|AFR|M
BRA|BR|076|Brazil|LAC|LAC|M
BRN|BN|096|Brunei Darussalam|SEA|APG|M
BGR|BG|100|Bulgaria|EEU|EEG|M
BFA|BF|854|Burkina Faso|SSA|AFR|M
BDI|BI|108|Burundi|SSA|AFR|M
CPV|CV|132|Cabo Verde|SSA|AFR|M
KHM|KH|116|Cambodia|SEA|APG|M
CMR|CM|120|Cameroon|SSA|AFR|M
CAN|CA|124|Canada|NAM|WEOG|M
CAF|CF|140|Central African Republic|SSA|AFR|M
TCD|TD|148|Chad|SSA|AFR|M
CHL|CL|152|Chile|LAC|LAC|M
CHN|CN|156|China|EAS|APG|M
COL|CO|170|Colombia|LAC|LAC|M
COM|KM|174|Comoros|SSA|AFR|M
COG|CG|178|Congo|SSA|AFR|M
CRI|CR|188|Costa Rica|LAC|LAC|M
CIV|CI|384|Côte d'Ivoire|SSA|AFR|M
HRV|HR|191|Croatia|SEU|EEG|M
CUB|CU|192|Cuba|LAC|LAC|M
CYP|CY|196|Cyprus|WAS|APG|M
CZE|CZ|203|Czechia|EEU|EEG|M
PRK|KP|408|Democratic People's Republic of Korea|EAS|APG|M
COD|CD|180|Democratic Republic of the Congo|SSA|AFR|M
DNK|DK|208|Denmark|NEU|WEOG|M
DJI|DJ|262|Djibouti|SSA|AFR|M
DMA|DM|212|Dominica|LAC|LAC|M
DOM|DO|214|Dominican Republic|LAC|LAC|M
ECU|EC|218|Ecuador|LAC|LAC|M
EGY|EG|818|Egypt|NAF|AFR|M
SLV|SV|222|El Salvador|LAC|LAC|M
GNQ|GQ|226|Equatorial Guinea|SSA|AFR|M
ERI|ER|232|Eritrea|SSA|AFR|M
EST|EE|233|Estonia|NEU|EEG|M
SWZ|SZ|748|Eswatini|SSA|AFR|M
ETH|ET|231|Ethiopia|SSA|AFR|M
FJI|FJ|242|Fiji|MEL|APG|M
FIN|FI|246|Finland|NEU|WEOG|M
FRA|FR|250|France|WEU|WEOG|M
GAB|GA|266|Gabon|SSA|AFR|M
GMB|GM|270|Gambia|SSA|AFR|M
GEO|GE|268|Georgia|WAS|EEG|M
DEU|DE|276|Germany|WEU|WEOG|M
GHA|GH|288|Ghana|SSA|AFR|M
GRC|GR|300|Greece|SEU|WEOG|M
GRD|GD|308|Grenada|LAC|LAC|M
GTM|GT|320|Guatemala|LAC|LAC|M
GIN|GN|324|Guinea|SSA|AFR|M
GNB|GW|624|Guinea-Bissau|SSA|AFR|M
GUY|GY|328|Guyana|LAC|LAC|M
HTI|HT|332|Haiti|LAC|LAC|M
HND|HN|340|Honduras|LAC|LAC|M
HUN|HU|348|Hungary|EEU|EEG|M
ISL|IS|352|Iceland|NEU|WEOG|M
IND|IN|356|India|SAS|APG|M
IDN|ID|360|Indonesia|SEA|APG|M
IRN|IR|364|Iran (Islamic Republic of)|SAS|APG|M
IRQ|IQ|368|Iraq|WAS|APG|M
IRL|IE|372|Ireland|NEU|WEOG|M
ISR|IL|376|Israel|WAS|WEOG|M
ITA|IT|380|Italy|SEU|WEOG|M
JAM|JM|388|Jamaica|LAC|LAC|M
JPN|JP|392|Japan|EAS|APG|M
JOR|JO|400|Jordan|WAS|APG|M
KAZ|KZ|398|Kazakhstan|CAS|APG|M
KEN|KE|404|Kenya|SSA|AFR|M
KIR|KI|296|Kiribati|MIC|APG|M
KWT|KW|414|Kuwait|WAS|APG|M
KGZ|KG|417|Kyrgyzstan|CAS|APG|M
LAO|LA|418|Lao People's Democratic Republic|SEA|APG|M
LVA|LV|428|Latvia|NEU|EEG|M
LBN|LB|422|Lebanon|WAS|APG|M
LSO|LS|426|Lesotho|SSA|AFR|M
LBR|LR|430|Liberia|SSA|AFR|M
LBY|LY|434|Libya|NAF|AFR|M
LIE|LI|438|Liechtenstein|WEU|WEOG|M
LTU|LT|440|Lithuania|NEU|EEG|M
LUX|LU|442|Luxembourg|WEU|WEOG|M
MDG|MG|450|Madagascar|SSA|AFR|M
MWI|MW|454|Malawi|SSA|AFR|M
MYS|MY|458|Malaysia|SEA|APG|M
MDV|MV|462|Maldives|SAS|APG|M
MLI|ML|466|Mali|SSA|AFR|M
MLT|MT|470|Malta|SEU|WEOG|M
MHL|MH|584|Marshall Islands|MIC|APG|M
MRT|MR|478|Mauritania|SSA|AFR|M
MUS|MU|480|Mauritius|SSA|AFR|M
MEX|MX|484|Mexico|LAC|LAC|M
FSM|FM|583|Micronesia (Federated States of)|MIC|APG|M
MCO|MC|492|Monaco|WEU|WEOG|M
MNG|MN|496|Mongolia|EAS|APG|M
MNE|ME|499|Montenegro|SEU|EEG|M
MAR|MA|504|Morocco|NAF|AFR|M
MOZ|MZ|508|Mozambique|SSA|AFR|M
MMR|MM|104|Myanmar|SEA|APG|M
NAM|NA|516|Namibia|SSA|AFR|M
NRU|NR|520|Nauru|MIC|APG|M
NPL|NP|524|Nepal|SAS|APG|M
NLD|NL|528|Netherlands (Kingdom of the)|WEU|WEOG|M
NZL|NZ|554|New Zealand|ANZ|WEOG|M
NIC|NI|558|Nicaragua|LAC|LAC|M
NER|NE|562|Niger|SSA|AFR|M
NGA|NG|566|Nigeria|SSA|AFR|M
MKD|MK|807|North Macedonia|SEU|EEG|M
NOR|NO|578|Norway|NEU|WEOG|M
OMN|OM|512|Oman|WAS|APG|M
PAK|PK|586|Pakistan|SAS|APG|M
PLW|PW|585|Palau|MIC|APG|M
PAN|PA|591|Panama|LAC|LAC|M
PNG|PG|598|Papua New Guinea|MEL|APG|M
PRY|PY|600|Paraguay|LAC|LAC|M
PER|PE|604|Peru|LAC|LAC|M
PHL|PH|608|Philippines|SEA|APG|M
POL|PL|616|Poland|EEU|EEG|M
PRT|PT|620|Portugal|SEU|WEOG|M
QAT|QA|634|Qatar|WAS|APG|M
KOR|KR|410|Republic of Korea|EAS|APG|M
MDA|MD|498|Republic of Moldova|EEU|EEG|M
ROU|RO|642|Romania|EEU|EEG|M
RUS|RU|643|Russian Federation|EEU|EEG|M
RWA|RW|646|Rwanda|SSA|AFR|M
KNA|KN|659|Saint Kitts and Nevis|LAC|LAC|M
LCA|LC|662|Saint Lucia|LAC|LAC|M
VCT|VC|670|Saint Vincent and the Grenadines|LAC|LAC|M
WSM|WS|882|Samoa|POL|APG|M
SMR|SM|674|San Marino|SEU|WEOG|M
STP|ST|678|Sao Tome and Principe|SSA|AFR|M
SAU|SA|682|Saudi Arabia|WAS|APG|M
SEN|SN|686|Senegal|SSA|AFR|M
SRB|RS|688|Serbia|SEU|EEG|M
SYC|SC|690|Seychelles|SSA|AFR|M
SLE|SL|694|Sierra Leone|SSA|AFR|M
SGP|SG|702|Singapore|SEA|APG|M
SVK|SK|703|Slovakia|EEU|EEG|M
SVN|SI|705|Slovenia|SEU|EEG|M
SLB|SB|090|Solomon Islands|MEL|APG|M
SOM|SO|706|Somalia|SSA|AFR|M
ZAF|ZA|710|South Africa|SSA|AFR|M
SSD|SS|728|South Sudan|SSA|AFR|M
ESP|ES|724|Spain|SEU|WEOG|M
LKA|LK|144|Sri Lanka|SAS|APG|M
SDN|SD|729|Sudan|NAF|AFR|M
SUR|SR|740|Suriname|LAC|LAC|M
SWE|SE|752|Sweden|NEU|WEOG|M
CHE|CH|756|Switzerland|WEU|WEOG|M
SYR|SY|760|Syrian Arab Republic|WAS|APG|M
TJK|TJ|762|Tajikistan|CAS|APG|M
THA|TH|764|Thailand|SEA|APG|M
TLS|TL|626|Timor-Leste|SEA|APG|M
TGO|TG|768|Togo|SSA|AFR|M
TON|TO|776|Tonga|POL|APG|M
TTO|TT|780|Trinidad and Tobago|LAC|LAC|M
TUN|TN|788|Tunisia|NAF|AFR|M
TUR|TR|792|Türkiye|WAS|WEOG|M
TKM|TM|795|Turkmenistan|CAS|APG|M
TUV|TV|798|Tuvalu|POL|APG|M
UGA|UG|800|Uganda|SSA|AFR|M
UKR|UA|804|Ukraine|EEU|EEG|M
ARE|AE|784|United Arab Emirates|WAS|APG|M
GBR|GB|826|United Kingdom of Great Britain and Northern Ireland|NEU|WEOG|M
TZA|TZ|834|United Republic of Tanzania|SSA|AFR|M
USA|US|840|United States of America|NAM|WEOG|M
URY|UY|858|Uruguay|LAC|LAC|M
UZB|UZ|860|Uzbekistan|CAS|APG|M
VUT|VU|548|Vanuatu|MEL|APG|M
VEN|VE|862|Venezuela (Bolivarian Republic of)|LAC|LAC|M
VNM|VN|704|Viet Nam|SEA|APG|M
YEM|YE|887|Yemen|WAS|APG|M
ZMB|ZM|894|Zambia|SSA|AFR|M
ZWE|ZW|716|Zimbabwe|SSA|AFR|M
VAT|VA|336|Holy See|SEU|-|O
PSE|PS|275|State of Palestine|WAS|-|O
"""

#: Notes about membership and regional groups (our own wording).
GROUP_NOTES: dict[str, str] = {
    "USA": (
        "attends meetings of the Western European and other States Group as an observer "
        "and is counted with that group for elections"
    ),
    "TUR": (
        "takes part in both the Western European and other States Group and the Asia-Pacific "
        "Group; counted with the Western European and other States Group for elections"
    ),
    "ISR": (
        "geographically in Western Asia but a member of the Western European and other "
        "States Group in New York (full member since 2004)"
    ),
    "KIR": (
        "counted in the Asia-Pacific Group as on the DGACM list; for many years Kiribati "
        "belonged to no regional group"
    ),
    "CYP": "geographically in Western Asia (M49); member of the Asia-Pacific Group",
    "VAT": "non-member observer State; not part of any UN regional group",
    "PSE": (
        "non-member observer State since 2012 (GA resolution 67/19); takes part in the "
        "Asia-Pacific Group's work but, as it is not a member state, no group is counted here"
    ),
}

#: Notes about how Natural Earth draws a state (our own wording).
SHAPE_NOTES: dict[str, str] = {
    "CYP": "Natural Earth draws Northern Cyprus as a separate shape without an id",
    "SOM": "Natural Earth draws Somaliland as a separate shape without an id",
    "SRB": "Natural Earth draws Kosovo as a separate shape without an id",
    "MAR": "Natural Earth draws Western Sahara (732) as a separate shape",
    "KIR": "the point is on Kiritimati, Kiribati's largest island, far east of the capital",
    "UKR": (
        "Natural Earth 4.1.0 draws Crimea as part of Russia, contrary to GA resolution "
        "68/262; Ukraine's shape (and point) leave Crimea out"
    ),
    "RUS": "Natural Earth 4.1.0 draws Crimea inside Russia's shape (not the UN position)",
}

#: Capital (name, lon, lat) for states absent from every world-atlas file. With
#: world-atlas 2.0.2 every UN member and observer state is in countries-10m.json
#: (Tuvalu only there), so this is empty; the build stops if a
#: state is missing and not listed here.
CAPITALS: dict[str, tuple[str, float, float]] = {}

#: Names in the dossier's free-text ``country`` columns that are not UN short
#: names but clearly mean one state.
DOSSIER_ALIASES: dict[str, str] = {"Venezuela": "VEN"}

#: Labels in the dossier's ``country`` columns that are not a state.
DOSSIER_NON_STATES = {
    "(President of the General Assembly)",
    "(motion for division)",
    "European Union (EU + 26 member states; Hungary did not align)",
}


@dataclass(frozen=True)
class State:
    iso3: str
    iso2: str
    iso_num: str
    name: str
    subregion_code: str
    group_code: str
    status: str

    @property
    def region(self) -> str:
        return SUBREGIONS[self.subregion_code][0]

    @property
    def subregion(self) -> str:
        return SUBREGIONS[self.subregion_code][1]

    @property
    def group(self) -> str:
        return GROUPS[self.group_code]


def parse_states(table: str = STATES_TABLE) -> list[State]:
    """Parse the curated table and check its shape."""
    states: list[State] = []
    for lineno, line in enumerate(table.strip().splitlines(), start=1):
        parts = line.split("|")
        if len(parts) != 7:
            raise ValueError(f"STATES_TABLE line {lineno}: expected 7 fields: {line!r}")
        iso3, iso2, num, name, sub, group, status = parts
        if sub not in SUBREGIONS or group not in GROUPS or status not in {"M", "O"}:
            raise ValueError(f"STATES_TABLE line {lineno}: bad code in {line!r}")
        states.append(
            State(iso3, iso2, num, name, sub, group, "member" if status == "M" else "observer")
        )
    return states


# ---------------------------------------------------------------------------
# TopoJSON decoding and geometry


Ring = list[tuple[float, float]]
Polygon = list[Ring]  # first ring is the outer boundary, the others are holes


def decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Return every arc as absolute (lon, lat) points (undo quantisation and deltas)."""
    transform = topo.get("transform")
    arcs: list[list[tuple[float, float]]] = []
    for arc in topo["arcs"]:
        if transform is None:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points: list[tuple[float, float]] = []
        for p in arc:
            x += p[0]
            y += p[1]
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(indexes: Sequence[int], arcs: list[list[tuple[float, float]]]) -> Ring:
    """Stitch arcs into one ring; a negative index ``~i`` means arc ``i`` reversed."""
    ring: Ring = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def geometry_polygons(
    geometry: dict[str, Any], arcs: list[list[tuple[float, float]]]
) -> list[Polygon]:
    if geometry["type"] == "Polygon":
        return [[ring_points(r, arcs) for r in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[ring_points(r, arcs) for r in poly] for poly in geometry["arcs"]]
    return []


def _ring_moments(ring: Ring, lon0: float) -> tuple[float, float, float]:
    """Signed area and first moments of a ring in a sinusoidal projection.

    The sinusoidal projection (x = (lon - lon0) * cos(lat), y = lat) is
    equal-area, so areas compare fairly between the tropics and high latitudes.
    Units are square degrees at the equator.
    """
    pts = [((lon - lon0) * math.cos(math.radians(lat)), lat) for lon, lat in ring]
    area2 = cx6 = cy6 = 0.0
    for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area2 += cross
        cx6 += (x1 + x2) * cross
        cy6 += (y1 + y2) * cross
    return area2 / 2, cx6 / 6, cy6 / 6


def unwrap(ring: Ring) -> Ring:
    """Remove jumps of 360 degrees in longitude (rings that cross the antimeridian).

    Natural Earth cuts most shapes at 180 degrees, but a few rings in the TopoJSON
    (Fiji, Russia's Chukotka) still jump from +180 to -180 between two points.
    """
    out: Ring = []
    shift = 0.0
    prev: float | None = None
    for lon, lat in ring:
        if prev is not None:
            step = lon + shift - prev
            if step > 180:
                shift -= 360
            elif step < -180:
                shift += 360
        out.append((lon + shift, lat))
        prev = lon + shift
    return out


def polygon_area_centroid(polygon: Polygon) -> tuple[float, tuple[float, float]]:
    """Area (outer ring minus holes) and centroid (lon, lat) of one polygon.

    Works whatever the winding order of the rings: each ring is first turned
    to a positive area, then holes are subtracted.
    """
    polygon = [unwrap(ring) for ring in polygon]
    lons = [lon for lon, _ in polygon[0]]
    lon0 = (min(lons) + max(lons)) / 2
    area = mx = my = 0.0
    for i, ring in enumerate(polygon):
        a, sx, sy = _ring_moments(ring, lon0)
        factor = (1.0 if a >= 0 else -1.0) * (1.0 if i == 0 else -1.0)
        area += factor * a
        mx += factor * sx
        my += factor * sy
    if area <= 0:
        lon, lat = polygon[0][0]
        return 0.0, (lon, lat)
    lat = my / area
    lon = lon0 + (mx / area) / max(math.cos(math.radians(lat)), 1e-9)
    lon = (lon + 180) % 360 - 180
    return area, (lon, lat)


def _crossings(rings: Sequence[Ring], lat: float) -> list[float]:
    """Longitudes where the parallel ``lat`` crosses the rings' edges, sorted."""
    xs: list[float] = []
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > lat) != (y2 > lat):
                xs.append(x1 + (lat - y1) * (x2 - x1) / (y2 - y1))
    return sorted(xs)


def _inside(rings: Sequence[Ring], lon: float, lat: float) -> bool:
    """Even-odd test: inside the outer ring and outside every hole."""
    return sum(1 for x in _crossings(rings, lat) if x < lon) % 2 == 1


def representative_point(polygons: Iterable[Polygon]) -> tuple[float, float, str]:
    """Centroid of the largest polygon (by equal-area area), with a note if adjusted.

    * A shape whose area is zero after quantisation (the Holy See at 1:10m)
      gets the mean of its vertices.
    * If the centroid falls outside the polygon (a curved country such as
      Viet Nam, or an atoll whose centroid is in the lagoon), the point is moved
      to the middle of the widest stretch of the polygon along the centroid's
      parallel, so that a dot lands on the state's own territory.
    """
    best: tuple[float, tuple[float, float], Polygon] | None = None
    for polygon in polygons:
        area, centroid = polygon_area_centroid(polygon)
        if best is None or area > best[0]:
            best = (area, centroid, polygon)
    if best is None:
        raise ValueError("no polygon")
    area, (lon, lat), polygon = best
    rings = [unwrap(ring) for ring in polygon]
    if area == 0:
        pts = rings[0][:-1] if rings[0][0] == rings[0][-1] else rings[0]
        mean_lon = sum(p[0] for p in pts) / len(pts)
        mean_lat = sum(p[1] for p in pts) / len(pts)
        return (mean_lon + 180) % 360 - 180, mean_lat, "zero-area shape; mean of its vertices"
    for candidate in (lon, lon + 360, lon - 360):
        if _inside(rings, candidate, lat):
            return lon, lat, ""
    xs = _crossings(rings, lat)
    segments = list(zip(xs[0::2], xs[1::2], strict=False))
    if not segments:
        return lon, lat, ""
    west, east = max(segments, key=lambda seg: seg[1] - seg[0])
    mid = ((west + east) / 2 + 180) % 360 - 180
    return mid, lat, "centroid falls outside the shape; moved along its parallel onto the shape"


def load_atlas_polygons(path: Path) -> dict[str, list[Polygon]]:
    """Map ISO numeric id -> all polygons with that id in one world-atlas file."""
    topo = json.loads(path.read_text(encoding="utf-8"))
    arcs = decode_arcs(topo)
    result: dict[str, list[Polygon]] = {}
    for geometry in topo["objects"]["countries"]["geometries"]:
        gid = geometry.get("id")
        if gid is None:
            continue
        result.setdefault(str(gid), []).extend(geometry_polygons(geometry, arcs))
    return result


def atlas_points(
    states: Sequence[State], atlas_dir: Path
) -> tuple[dict[str, tuple[float, float, str, str]], set[str]]:
    """Representative point and its source file for every state; ids in the 110m file."""
    scales = ["10m", "50m", "110m"]
    files = {scale: atlas_dir / f"countries-{scale}.json" for scale in scales}
    for path in files.values():
        if not path.is_file():
            sys.exit(f"error: {path} not found; see the docstring for `npm pack world-atlas@2.0.2`")
    by_scale = {scale: load_atlas_polygons(path) for scale, path in files.items()}
    points: dict[str, tuple[float, float, str, str]] = {}
    for state in states:
        for scale in scales:
            polygons = by_scale[scale].get(state.iso_num)
            if polygons:
                lon, lat, how = representative_point(polygons)
                points[state.iso3] = (lon, lat, f"countries-{scale}.json", how)
                break
        else:
            if state.iso3 not in CAPITALS:
                sys.exit(f"error: {state.iso3} is in no world-atlas file; add it to CAPITALS")
            capital, lon, lat = CAPITALS[state.iso3]
            points[state.iso3] = (lon, lat, f"capital:{capital}", "")
    return points, set(by_scale["110m"])


# ---------------------------------------------------------------------------
# Cross-checks against the libraries


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


# ---------------------------------------------------------------------------
# Dossier names


def check_dossier_names(states: Sequence[State], dossier: Path) -> list[str]:
    """Every name in the dossier CSVs' ``country`` column must map to one state."""
    by_name = {s.name: s.iso3 for s in states}
    errors: list[str] = []
    seen: Counter[str] = Counter()
    for path in sorted(dossier.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or "country" not in reader.fieldnames:
                continue
            for line, row in enumerate(reader, start=2):
                label = (row.get("country") or "").strip()
                if label in DOSSIER_NON_STATES:
                    continue
                iso3 = (row.get("iso3") or "").strip()
                parts = [label] if iso3 else [p.strip() for p in label.split(";")]
                for part in parts:
                    mapped = by_name.get(part) or DOSSIER_ALIASES.get(part)
                    where = f"{path.name}:{line}"
                    if mapped is None:
                        errors.append(f"{where}: {part!r} maps to no state")
                    elif iso3 and mapped != iso3:
                        errors.append(f"{where}: {part!r} is {mapped} here but {iso3} there")
                    else:
                        seen[part] += 1
    print(f"dossier: {len(seen)} distinct state names checked, {len(errors)} problem(s)")
    for message in errors:
        print("  ERROR", message)
    return errors


# ---------------------------------------------------------------------------
# Build, write and check


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


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--atlas", type=Path, help="unpacked world-atlas@2.0.2 package folder")
    parser.add_argument("--dossier", type=Path, help="the research dossier's votes/ folder")
    parser.add_argument("--out", type=Path, default=OUT_CSV, help="CSV to write or check")
    parser.add_argument("--check", action="store_true", help="only check the existing CSV")
    args = parser.parse_args(argv)

    states = parse_states()
    problems = 0
    if args.dossier:
        problems += len(check_dossier_names(states, args.dossier))

    if not args.check:
        if args.atlas is None:
            parser.error("--atlas is required to build (or use --check)")
        upstream = MAP_110M_UPSTREAM
        if upstream.is_file() and _sha256(upstream) != _sha256(args.atlas / "countries-110m.json"):
            print(f"ERROR {upstream} is not a byte-for-byte copy of the package's file")
            problems += 1
        cross_check_pycountry(states)
        cross_check_coco(states)
        points, ids_110m = atlas_points(states, args.atlas)
        rows = build_rows(states, points, ids_110m)
        write_rows(rows, args.out)
        print(f"wrote {len(rows)} rows to {args.out}")
        missing = [r for r in rows if r["has_shape_110m"] == "false" and r["status"] == "member"]
        print(f"{len(missing)} member states have no shape at 1:110m:")
        for r in missing:
            print(f"  {r['iso3']} {r['iso_num']} {r['name']}")

    errors = check_csv(args.out, states)
    for line in errors:
        print("ERROR", line)
    problems += len(errors)
    print("OK" if problems == 0 else f"{problems} problem(s)")
    return 0 if problems == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
