"""UN member states and observer states, and finding a country by any name.

Examples
--------
>>> import unga_teach as ut
>>> len(ut.load_members())
193
>>> ut.find_country("Ivory Coast").iso3
'CIV'
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import pandas as pd

from ._paths import data_file
from .csvio import read_table
from .errors import UnknownCountryError

MEMBER_COLUMNS = [
    "iso3",
    "iso2",
    "iso_num",
    "name",
    "m49_region",
    "m49_subregion",
    "un_regional_group",
    "status",
    "lon",
    "lat",
    "has_shape_110m",
    "source_url",
    "note",
]

#: Common names and abbreviations that the UN short names and ISO codes do not
#: cover. Keys are matched after normalisation (case, accents, punctuation).
COMMON_NAMES: dict[str, str] = {
    "turkey": "TUR",
    "turkiye": "TUR",
    "uk": "GBR",
    "u k": "GBR",
    "britain": "GBR",
    "great britain": "GBR",
    "united kingdom": "GBR",
    "england": "GBR",
    "us": "USA",
    "u s": "USA",
    "usa": "USA",
    "u s a": "USA",
    "united states": "USA",
    "america": "USA",
    "russia": "RUS",
    "dprk": "PRK",
    "north korea": "PRK",
    "korea dpr": "PRK",
    "south korea": "KOR",
    "korea": "KOR",
    "rok": "KOR",
    "korea republic of": "KOR",
    "ivory coast": "CIV",
    "cote divoire": "CIV",
    "iran": "IRN",
    "syria": "SYR",
    "vietnam": "VNM",
    "laos": "LAO",
    "lao pdr": "LAO",
    "bolivia": "BOL",
    "venezuela": "VEN",
    "tanzania": "TZA",
    "moldova": "MDA",
    "micronesia": "FSM",
    "netherlands": "NLD",
    "holland": "NLD",
    "the netherlands": "NLD",
    "czech republic": "CZE",
    "swaziland": "SWZ",
    "macedonia": "MKD",
    "fyrom": "MKD",
    "cape verde": "CPV",
    "drc": "COD",
    "dr congo": "COD",
    "congo kinshasa": "COD",
    "democratic republic of congo": "COD",
    "congo brazzaville": "COG",
    "republic of the congo": "COG",
    "republic of congo": "COG",
    "burma": "MMR",
    "east timor": "TLS",
    "vatican": "VAT",
    "vatican city": "VAT",
    "holy see": "VAT",
    "palestine": "PSE",
    "state of palestine": "PSE",
    "brunei": "BRN",
    "sao tome": "STP",
    "st kitts and nevis": "KNA",
    "saint kitts": "KNA",
    "st lucia": "LCA",
    "st vincent and the grenadines": "VCT",
    "saint vincent": "VCT",
    "uae": "ARE",
    "emirates": "ARE",
    "ksa": "SAU",
    "car": "CAF",
    "bosnia": "BIH",
    "bih": "BIH",
    "gambia": "GMB",
    "the gambia": "GMB",
    "bahamas": "BHS",
    "the bahamas": "BHS",
    "china": "CHN",
    "prc": "CHN",
    "peoples republic of china": "CHN",
    "kyrgyzstan": "KGZ",
    "belarus": "BLR",
    "byelorussia": "BLR",
    "eswatini": "SWZ",
}


@dataclass(frozen=True)
class Country:
    """A UN member or observer state, as returned by :func:`find_country`."""

    iso3: str
    iso2: str
    iso_num: str
    name: str
    status: str

    @property
    def is_member(self) -> bool:
        """True for the 193 member states; observers cannot vote."""
        return self.status == "member"

    def __str__(self) -> str:
        return f"{self.name} ({self.iso3})"


@cache
def _members_all() -> pd.DataFrame:
    path = data_file("members.csv")
    table = read_table(path, MEMBER_COLUMNS)
    frame = table.drop(columns="line_number")
    for col in ("lon", "lat"):
        frame[col] = pd.to_numeric(frame[col])
    frame["has_shape_110m"] = frame["has_shape_110m"].str.lower().eq("true")
    for col in ("iso3", "iso2", "iso_num", "name", "m49_region", "m49_subregion",
                "un_regional_group", "status", "source_url", "note"):
        frame[col] = frame[col].astype("string")
    return frame.reset_index(drop=True)


def load_members(*, include_observers: bool = False) -> pd.DataFrame:
    """Load the UN member states (and, on request, the two observer states).

    Parameters
    ----------
    include_observers : bool, default False
        Add the Holy See and the State of Palestine, which are non-member
        observer states and cannot vote (``status == "observer"``).

    Returns
    -------
    pandas.DataFrame
        One row per state: ``iso3``, ``iso2``, ``iso_num`` (zero-padded string,
        "004"), ``name`` (UN short name), ``m49_region``, ``m49_subregion``,
        ``un_regional_group``, ``status``, ``lon``/``lat`` (a representative
        point), ``has_shape_110m`` (drawn on the 1:110m world map),
        ``source_url``, ``note``.

    Examples
    --------
    >>> m = load_members()
    >>> len(m), m["iso3"].is_unique
    (193, True)
    >>> m.loc[m["iso3"] == "AFG", "iso_num"].item()
    '004'
    >>> len(load_members(include_observers=True))
    195
    """
    frame = _members_all()
    if not include_observers:
        frame = frame[frame["status"] == "member"]
    return frame.reset_index(drop=True).copy()


def _normalise(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    ascii_text = ascii_text.casefold().replace("&", " and ").replace("'", "").replace("’", "")
    ascii_text = re.sub(r"[^a-z0-9]+", " ", ascii_text).strip()
    return re.sub(r"^the ", "", ascii_text)


@cache
def _alias_index() -> dict[str, str]:
    """Map every accepted normalised name or code to an ISO3 code."""
    index: dict[str, str] = {}
    frame = _members_all()
    for row in frame.itertuples(index=False):
        for key in (row.iso3, row.iso2, row.iso_num, str(int(row.iso_num)), row.name):
            index.setdefault(_normalise(str(key)), str(row.iso3))
        # "Bolivia (Plurinational State of)" -> "bolivia"; "Netherlands (Kingdom of the)"
        short = re.sub(r"\s*\(.*\)\s*$", "", str(row.name))
        index.setdefault(_normalise(short), str(row.iso3))
    known = set(frame["iso3"].astype(str))
    try:  # pycountry's official and common names, where they are UN states
        import pycountry

        for rec in pycountry.countries:
            if rec.alpha_3 in known:
                for attr in ("name", "official_name", "common_name"):
                    value = getattr(rec, attr, None)
                    if value:
                        index.setdefault(_normalise(value), rec.alpha_3)
    except ImportError:  # pragma: no cover - pycountry is a dependency
        pass
    for alias, iso3 in COMMON_NAMES.items():
        index[_normalise(alias)] = iso3
    return index


def find_country(text: str) -> Country:
    """Find a UN member or observer state from a code or name.

    Accepts ISO3 ("TUR"), ISO2 ("TR"), ISO numeric ("792" or "4" for "004"),
    the UN short name ("Türkiye") and common names ("Turkey", "UK", "DPRK",
    "Ivory Coast", "russia"), in any case and with or without accents.

    Parameters
    ----------
    text : str
        What the learner typed.

    Returns
    -------
    Country
        ``iso3``, ``iso2``, ``iso_num``, ``name`` and ``status``.

    Raises
    ------
    UnknownCountryError
        No state matches; the message suggests close matches.

    Examples
    --------
    >>> find_country("Turkey").name
    'Türkiye'
    >>> find_country("dprk").iso3
    'PRK'
    >>> find_country("Frnace")
    Traceback (most recent call last):
    ...
    unga_teach.errors.UnknownCountryError: ... Did you mean: France? ...
    """
    if not isinstance(text, str) or not text.strip():
        raise UnknownCountryError(str(text))
    exact = _countries().get(text) or _countries_by_name().get(text)
    if exact is not None:  # fast path: loaders look up every row by its ISO3 code
        return exact
    index = _alias_index()
    key = _normalise(text)
    iso3 = index.get(key)
    if iso3 is None:
        frame = _members_all().set_index("iso3")
        close = difflib.get_close_matches(key, list(index), n=6, cutoff=0.6)
        names: list[str] = []
        for match in close:
            name = str(frame.loc[index[match], "name"])
            if name not in names:
                names.append(name)
        raise UnknownCountryError(text, names[:3])
    return _countries()[iso3]


@cache
def _countries_by_name() -> dict[str, Country]:
    """Every state by its exact UN short name (what the explorer's menu offers)."""
    return {c.name: c for c in _countries().values()}


@cache
def _countries() -> dict[str, Country]:
    """Every state as a :class:`Country`, by ISO3 (built once: loaders look up every row)."""
    frame = _members_all()
    return {
        str(iso3): Country(iso3=str(iso3), iso2=str(iso2), iso_num=str(num), name=str(name),
                           status=str(status))
        for iso3, iso2, num, name, status in zip(
            frame["iso3"], frame["iso2"], frame["iso_num"], frame["name"], frame["status"],
            strict=True)
    }


@cache
def _name_map() -> dict[str, str]:
    frame = _members_all()
    return dict(zip(frame["iso3"].astype(str), frame["name"].astype(str), strict=True))


def member_names() -> dict[str, str]:
    """Map ISO3 codes to UN short names (members and observers).

    Examples
    --------
    >>> member_names()["CIV"]
    "Côte d'Ivoire"
    """
    return dict(_name_map())


#: Short names for chart labels, where the UN short name is too long for an axis or legend
#: (an axis cuts it: "United Kingdom of Great Britai…"). Tables, tooltips and text keep
#: the UN name; these are the names the UN itself uses in short lists and maps.
CHART_NAMES: dict[str, str] = {
    "Bolivia (Plurinational State of)": "Bolivia",
    "Democratic People's Republic of Korea": "DPR Korea",
    "Democratic Republic of the Congo": "DR Congo",
    "Iran (Islamic Republic of)": "Iran",
    "Lao People's Democratic Republic": "Lao PDR",
    "Micronesia (Federated States of)": "Micronesia",
    "Netherlands (Kingdom of the)": "Netherlands",
    "Russian Federation": "Russia",
    "Saint Vincent and the Grenadines": "St Vincent and Grenadines",
    "Syrian Arab Republic": "Syria",
    "United Kingdom of Great Britain and Northern Ireland": "United Kingdom",
    "United Republic of Tanzania": "Tanzania",
    "United States of America": "United States",
    "Venezuela (Bolivarian Republic of)": "Venezuela",
}


def chart_name(name: str) -> str:
    """The name a chart label shows: :data:`CHART_NAMES`, else the UN name itself.

    Examples
    --------
    >>> chart_name("United Kingdom of Great Britain and Northern Ireland")
    'United Kingdom'
    >>> chart_name("France")
    'France'
    """
    return CHART_NAMES.get(name, name)


def country_name(iso3: str) -> str:
    """Return the UN short name for an ISO3 code.

    Examples
    --------
    >>> country_name("GBR")
    'United Kingdom of Great Britain and Northern Ireland'
    """
    return find_country(iso3).name
