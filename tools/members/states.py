"""The curated list of UN member and observer states (``STATES_TABLE``).

The states, their UN short names, M49 regions and UN regional groups are
curated by hand here; libraries are only a cross-check (:mod:`members.crosscheck`).

Sources: https://www.un.org/en/about-us/member-states (members),
https://www.un.org/en/about-us/non-member-states (observers),
https://www.un.org/dgacm/en/content/regional-groups (regional groups),
https://unstats.un.org/unsd/methodology/m49/ (M49 regions).
"""

from __future__ import annotations

from dataclasses import dataclass

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
