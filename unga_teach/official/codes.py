"""The columns of the official UN file, its vote codes, and historical state codes.

Examples
--------
>>> HISTORICAL_CODES["ZAR"][1]
'COD'
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from ..members import load_members
from .columns import cat_mask

#: Address of a voting record in the UN Digital Library (the default source).
DL_RECORD = "https://digitallibrary.un.org/record/"

#: Columns of the official file, in the documented order (read by name).
UNDL_COLUMNS: list[str] = [
    "undl_id", "ms_code", "ms_name", "ms_vote", "date", "session", "resolution", "draft",
    "committee_report", "meeting", "title", "agenda_title", "subjects", "vote_note",
    "total_yes", "total_no", "total_abstentions", "total_non_voting", "total_ms", "undl_link",
]

#: Columns a file must have to be read.
REQUIRED_COLUMNS: list[str] = [
    "undl_id", "ms_code", "ms_name", "ms_vote", "date", "session", "resolution", "draft",
    "total_yes", "total_no", "total_abstentions", "total_non_voting", "total_ms",
]

#: Columns read when present (the others are never parsed into memory).
OPTIONAL_COLUMNS: list[str] = ["vote_note", "undl_link"]

TOTAL_COLUMNS: list[str] = [
    "total_yes", "total_no", "total_abstentions", "total_non_voting", "total_ms",
]

#: ``ms_vote`` code -> course vote value (blank is non-voting too).
VOTE_CODES: dict[str, str] = {
    "Y": "yes", "N": "no", "A": "abstain", "X": "non_voting", "": "non_voting",
}

#: Columns of the frame :func:`read_undl` returns.
UNDL_OUTPUT_COLUMNS: list[str] = [
    "resolution", "iso3", "vote", "confidence", "source_url", "note",
    "undl_id", "symbol", "draft", "session", "date", "ms_name", "current_iso3",
    *TOTAL_COLUMNS,
]

#: Codes of states that no longer exist (or old codes of states that do), with
#: the current member that continues them where there is one. ``None`` means no
#: single successor: the votes are reported under the code as given.
HISTORICAL_CODES: dict[str, tuple[str, str | None, str]] = {
    "SUN": ("Union of Soviet Socialist Republics", "RUS",
            "the Russian Federation continued the USSR's membership in December 1991"),
    "BYS": ("Byelorussian SSR", "BLR", "renamed Belarus in 1991 (same membership)"),
    "CSK": ("Czechoslovakia", None,
            "dissolved at the end of 1992; Czechia and Slovakia were admitted as new members"),
    "DDR": ("German Democratic Republic", None,
            "acceded to the Federal Republic of Germany in 1990; no successor of its own"),
    "YUG": ("Yugoslavia", None,
            "the Socialist Federal Republic dissolved in 1992; its successor states were "
            "admitted separately"),
    "SCG": ("Serbia and Montenegro", "SRB", "Serbia continued the membership in 2006"),
    "YMD": ("Democratic Yemen", None, "merged with the Yemen Arab Republic into Yemen in 1990"),
    "YAR": ("Yemen Arab Republic", None, "merged with Democratic Yemen into Yemen in 1990"),
    "ZAR": ("Zaire", "COD", "renamed the Democratic Republic of the Congo in 1997"),
    "BUR": ("Burma", "MMR", "renamed Myanmar in 1989"),
    "TMP": ("East Timor", "TLS", "old ISO code of Timor-Leste"),
    "ROM": ("Romania", "ROU", "old ISO code of Romania (before 2002)"),
    "DHY": ("Dahomey", "BEN", "renamed Benin in 1975"),
    "HVO": ("Upper Volta", "BFA", "renamed Burkina Faso in 1984"),
}



@cache
def _member_codes() -> frozenset[str]:
    return frozenset(load_members()["iso3"].astype(str))


def current_members() -> set[str]:
    """ISO3 codes of the current member states (a new set each call).

    Examples
    --------
    >>> len(current_members())
    193
    """
    return set(_member_codes())


def successor(code: str, members: set[str]) -> str | None:
    """The current member continuing ``code`` (itself for a member), or ``None``.

    Examples
    --------
    >>> successor("ZAR", current_members()), successor("YUG", current_members())
    ('COD', None)
    """
    if code in members:
        return code
    known = HISTORICAL_CODES.get(code)
    return known[1] if known else None


# -------------------------------------------------------------- historical codes
def historical_codes(frame: pd.DataFrame) -> pd.DataFrame:
    """States in a :func:`read_undl` frame whose code is not a current member's.

    Parameters
    ----------
    frame : pandas.DataFrame
        From :func:`read_undl` (any selection).

    Returns
    -------
    pandas.DataFrame
        One row per such code: ``code``, ``name_in_file``, ``successor`` (the
        current member that continues it, or empty), ``rows``, ``votes``,
        ``first_date``, ``last_date``, ``note``. Their rows are kept under the
        code as given; nothing is dropped.

    Examples
    --------
    >>> f = pd.DataFrame({"iso3": ["SUN", "FRA"], "ms_name": ["USSR", "FRANCE"],
    ...                   "undl_id": [1, 1], "date": pd.to_datetime(["1990-01-01"] * 2)})
    >>> historical_codes(f)[["code", "successor", "rows"]].values.tolist()
    [['SUN', 'RUS', 1]]
    """
    columns = ["code", "name_in_file", "successor", "rows", "votes", "first_date",
               "last_date", "note"]
    members = current_members()
    iso = frame["iso3"]
    if isinstance(iso.dtype, pd.CategoricalDtype):
        sub = frame.loc[cat_mask(iso, lambda c: str(c) not in members)]
    else:
        sub = frame.loc[~iso.astype(str).isin(members).to_numpy()]
    if sub.empty:
        return pd.DataFrame(columns=columns)
    out = []
    for code, group in sub.groupby(sub["iso3"].astype(str), sort=True, observed=True):
        known = HISTORICAL_CODES.get(code)
        names = group["ms_name"].astype(str).value_counts()
        out.append({
            "code": code,
            "name_in_file": str(names.index[0]) if len(names) else "",
            "successor": (known[1] or "") if known else "",
            "rows": len(group),
            "votes": int(group["undl_id"].nunique()),
            "first_date": group["date"].min(),
            "last_date": group["date"].max(),
            "note": known[2] if known else "not a current member state and not a known "
                                           "historical code: check the file",
        })
    return pd.DataFrame(out, columns=columns)

