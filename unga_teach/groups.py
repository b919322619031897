"""Bloc and organisation memberships used in class (EU, NATO, BRICS, ...).

Examples
--------
>>> import unga_teach as ut
>>> len(ut.group_members("EU"))
27
"""

from __future__ import annotations

from collections.abc import Iterable
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


#: Columns of the member table that split the member states into groups, with
#: their display titles (accepted as ``by`` by the group tables and charts).
GROUPINGS: dict[str, str] = {
    "un_regional_group": "UN regional group",
    "m49_region": "UN M49 region",
}


def group_sets(by: object) -> tuple[str, list[tuple[str, list[str]]]]:
    """Split the member states into the groups named by ``by``.

    Parameters
    ----------
    by : str or list of str
        ``"un_regional_group"``, ``"m49_region"`` (every member state in
        exactly one group), or a list of bloc codes or UN regional groups
        such as ``["EU", "BRICS", "AU"]`` (blocs overlap; a state can be in
        several or in none).

    Returns
    -------
    tuple
        ``(title, [(group name, sorted ISO3 codes of its members), ...])``;
        the title names the grouping for an axis.

    Raises
    ------
    UngaTeachError
        For an unknown grouping or group, or an empty list.

    Examples
    --------
    >>> title, groups = group_sets("un_regional_group")
    >>> title, [(name, len(iso3s)) for name, iso3s in groups][:2]
    ('UN regional group', [('African States', 54), ('Asia-Pacific States', 54)])
    >>> [(name, len(iso3s)) for name, iso3s in group_sets(["EU", "eu", "BRICS"])[1]]
    [('EU', 27), ('BRICS', 10)]
    >>> group_sets("continent")
    Traceback (most recent call last):
    ...
    unga_teach.errors.UngaTeachError: by='continent' is not accepted. Use 'un_regional_group', \
'm49_region', or a list of group codes such as ['EU', 'BRICS', 'AU'] \
(see unga_teach.group_names()).
    """
    from .members import load_members

    if isinstance(by, str):
        if by not in GROUPINGS:
            raise UngaTeachError(
                f"by={by!r} is not accepted. Use 'un_regional_group', 'm49_region', or a list "
                "of group codes such as ['EU', 'BRICS', 'AU'] (see unga_teach.group_names())."
            )
        members = load_members()
        col = members[by].astype(str)
        present = set(col)
        names = ([g for g in REGIONAL_GROUPS if g in present] if by == "un_regional_group"
                 else sorted(present))
        return GROUPINGS[by], [
            (g, sorted(members.loc[col == g, "iso3"].astype(str))) for g in names
        ]
    if not isinstance(by, Iterable) or isinstance(by, (bytes, dict)):
        raise UngaTeachError(
            f"by must be 'un_regional_group', 'm49_region' or a list of group codes, "
            f"got {type(by).__name__} {by!r}."
        )
    by = list(by)
    if not by:
        raise UngaTeachError("by is an empty list: give group codes such as ['EU', 'AU'].")
    seen: dict[str, tuple[str, list[str]]] = {}
    for g in by:
        if not isinstance(g, str) or not g.strip():
            raise UngaTeachError(f"Each group in by must be a group code such as 'EU', got {g!r}.")
        iso3s = group_members(g)
        key = g.strip().casefold()
        if key not in seen:
            seen[key] = (g.strip(), iso3s)
    return "Group", list(seen.values())
