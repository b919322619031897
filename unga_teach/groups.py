"""Bloc and organisation memberships used in class (EU, NATO, BRICS, ...).

Examples
--------
>>> import unga_teach as ut
>>> len(ut.group_members("EU"))
27
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from ._paths import data_file
from .csvio import read_table
from .errors import UngaTeachError

GROUP_COLUMNS = ["group", "group_name", "iso3", "as_of", "source_url", "note"]

#: UN regional groups, usable wherever a group is accepted.
REGIONAL_GROUPS: tuple[str, ...] = (
    "African States",
    "Asia-Pacific States",
    "Eastern European States",
    "Latin American and Caribbean States",
    "Western European and other States",
)


@cache
def _groups() -> pd.DataFrame:
    frame = read_table(data_file("groups.csv"), GROUP_COLUMNS).drop(columns="line_number")
    frame["as_of"] = pd.to_datetime(frame["as_of"], format="%Y-%m-%d")
    for col in ("group", "group_name", "iso3", "source_url", "note"):
        frame[col] = frame[col].astype("string")
    return frame


def load_groups() -> pd.DataFrame:
    """Load bloc memberships: one row per (group, member state).

    Returns
    -------
    pandas.DataFrame
        ``group`` (short code such as ``"EU"``), ``group_name``, ``iso3``,
        ``as_of`` (the date the list is right for), ``source_url``, ``note``.

    Examples
    --------
    >>> g = load_groups()
    >>> sorted(g["group"].unique())[:3]
    ['ASEAN', 'AU', 'BRICS']
    """
    return _groups().copy()


def group_names() -> dict[str, str]:
    """Map each group code to its full name, plus the UN regional groups.

    Examples
    --------
    >>> group_names()["NATO"]
    'North Atlantic Treaty Organization'
    """
    frame = _groups()
    names = dict(zip(frame["group"].astype(str), frame["group_name"].astype(str), strict=True))
    names.update({g: g for g in REGIONAL_GROUPS})
    return names


def group_members(group: str) -> list[str]:
    """Return the ISO3 codes of a bloc's or UN regional group's members.

    Parameters
    ----------
    group : str
        A bloc code (``"EU"``, ``"nato"``, any case) or a UN regional group
        name (``"African States"``).

    Raises
    ------
    UngaTeachError
        For an unknown group, listing the accepted ones.

    Examples
    --------
    >>> "FRA" in group_members("eu")
    True
    >>> len(group_members("African States"))
    54
    """
    frame = _groups()
    codes = {str(c).casefold(): str(c) for c in frame["group"].unique()}
    key = group.strip().casefold()
    if key in codes:
        members = frame.loc[frame["group"] == codes[key], "iso3"]
        return sorted(members.astype(str))
    regional = {g.casefold(): g for g in REGIONAL_GROUPS}
    if key in regional:
        from .members import load_members

        m = load_members()
        return sorted(m.loc[m["un_regional_group"] == regional[key], "iso3"].astype(str))
    raise UngaTeachError(
        f"Unknown group {group!r}. Accepted: {', '.join(sorted(codes.values()))}, "
        f"or a UN regional group: {', '.join(REGIONAL_GROUPS)}."
    )
