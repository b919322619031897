"""The course's votes: the shipped table of resolutions and how a name maps to an id.

This is the lowest layer the loaders and the official-record reader share: it
reads ``data/resolutions.csv`` and resolves ids, symbols and drafts of the
course's votes. It imports nothing of the package but the CSV reader and the
errors, so both :mod:`unga_teach.resolutions` (which adds the official record's
votes) and :mod:`unga_teach.official` can use it without an import cycle.

Examples
--------
>>> resolve_resolution("a/res/es-11/7")
'ES-11/7'
>>> series()[:2]
['68/262', 'ES-11/1']
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import pandas as pd

from ._paths import data_file
from .csvio import read_table
from .errors import UnknownResolutionError

RESOLUTION_COLUMNS = [
    "id",
    "kind",
    "symbol",
    "symbol_confirmed",
    "draft",
    "date",
    "session",
    "title",
    "yes",
    "no",
    "abstain",
    "non_voting",
    "total_members",
    "source_url",
    "note",
]

#: The vote the course is about.
MAIN_RESOLUTION = "2026"


@cache
def resolutions_table() -> pd.DataFrame:
    """The shipped ``data/resolutions.csv``, typed (cached; callers copy before changing).

    Examples
    --------
    >>> resolutions_table()["id"].iloc[0]
    '68/262'
    """
    frame = read_table(data_file("resolutions.csv"), RESOLUTION_COLUMNS).drop(columns="line_number")
    for col in ("yes", "no", "abstain", "non_voting", "total_members"):
        frame[col] = pd.to_numeric(frame[col]).astype("int64")
    frame["symbol_confirmed"] = frame["symbol_confirmed"].str.lower().eq("true")
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d")
    for col in ("id", "kind", "symbol", "draft", "session", "title", "source_url", "note"):
        frame[col] = frame[col].astype("string")
    frame["year"] = frame["date"].dt.year.astype("int64")
    frame["label"] = [
        f"{rid} ({d:%d %b %Y})" if kind == "resolution" else f"{rid} (motion, {d:%d %b %Y})"
        for rid, kind, d in zip(frame["id"], frame["kind"], frame["date"], strict=True)
    ]
    return frame


#: (the table, its rows by id, the ids of its resolutions), rebuilt when the table changes.
_ROWS: list[tuple[pd.DataFrame, dict[str, pd.Series], tuple[str, ...]]] = []


def _indexed() -> tuple[pd.DataFrame, dict[str, pd.Series], tuple[str, ...]]:
    frame = resolutions_table()
    if not _ROWS or _ROWS[0][0] is not frame:
        rows = {str(r): frame.iloc[i] for i, r in enumerate(frame["id"])}
        ids = tuple(str(r) for r, k in zip(frame["id"], frame["kind"], strict=True)
                    if k == "resolution")
        _ROWS[:] = [(frame, rows, ids)]
    return _ROWS[0]


def course_row(rid: str) -> pd.Series:
    """The row of :func:`resolutions_table` of one course vote id (shared; copy to change).

    A dict lookup: widgets ask for the same rows on every interaction, and a
    boolean mask over the table costs about a millisecond each time.

    Examples
    --------
    >>> course_row("ES-11/7")["yes"]
    np.int64(93)
    """
    return _indexed()[1][rid]


def series_ids() -> list[str]:
    """The ids of the resolutions (not motions), oldest first, without copying the table.

    Examples
    --------
    >>> series_ids() == series()
    True
    """
    return list(_indexed()[2])


def load_resolutions(*, include_procedural: bool = True) -> pd.DataFrame:
    """Load the votes covered by the course, oldest first.

    Parameters
    ----------
    include_procedural : bool, default True
        Include the 2026 US motion for division (``kind == "procedural"``),
        which has official totals but no per-country record.

    Returns
    -------
    pandas.DataFrame
        ``id``, ``kind``, ``symbol`` (empty when not confirmed),
        ``symbol_confirmed``, ``draft``, ``date``, ``session``, ``title``,
        official totals ``yes``/``no``/``abstain``/``non_voting``,
        ``total_members``, ``source_url``, ``note``, ``year``, ``label``.

    Examples
    --------
    >>> r = load_resolutions().set_index("id")
    >>> r.loc["2026", ["yes", "no", "abstain", "non_voting"]].tolist()
    [107, 12, 51, 23]
    >>> bool(r.loc["2026", "symbol_confirmed"])
    False
    """
    frame = resolutions_table()
    if not include_procedural:
        frame = frame[frame["kind"] == "resolution"]
    return frame.reset_index(drop=True).copy()


def series() -> list[str]:
    """Return the ids of the resolutions (not motions), oldest first.

    Examples
    --------
    >>> series()[0], series()[-1]
    ('68/262', '2026')
    """
    return load_resolutions(include_procedural=False)["id"].astype(str).tolist()


@lru_cache(maxsize=4096)  # a pure function of the text, called once per row of votes.csv
def _key(text: str) -> str:
    text = text.strip().upper().replace(" ", "")
    text = re.sub(r"^A/RES/", "", text)
    text = re.sub(r"^RES\.?", "", text)
    text = re.sub(r"^ES(\d+)", r"ES-\1", text)
    return text.replace("_", "/").replace("ES-11-", "ES-11/")


@cache
def _lookup() -> dict[str, str]:
    table: dict[str, str] = {}
    for row in resolutions_table().itertuples(index=False):
        rid = str(row.id)
        keys = {rid, str(row.symbol or ""), str(row.draft or "")}
        if row.kind == "resolution" and rid.startswith("ES-11/"):
            keys.add("ES11/" + rid.split("/")[1])
            keys.add("ES-11-" + rid.split("/")[1])
        for key in keys:
            if key and (row.kind == "resolution" or key == rid):
                table.setdefault(_key(key), rid)
    table[_key("68-262")] = "68/262"
    table[_key("latest")] = MAIN_RESOLUTION
    table[_key("2026-02-24")] = MAIN_RESOLUTION
    table[_key("L.17")] = MAIN_RESOLUTION
    return table


def resolve_resolution(ref: object) -> str:
    """Return the short id of a vote named by id, symbol or draft symbol.

    Parameters
    ----------
    ref : str
        ``"2026"``, ``"ES-11/7"``, ``"es11-7"``, ``"A/RES/68/262"``,
        ``"A/ES-11/L.17"``, ``"2026-division"``, ...

    Raises
    ------
    UnknownResolutionError
        With the list of accepted ids.

    Examples
    --------
    >>> resolve_resolution("es11-1")
    'ES-11/1'
    >>> resolve_resolution(2026)
    '2026'
    """
    text = str(ref) if isinstance(ref, int) else ref
    if isinstance(text, str) and text.strip():
        found = _lookup().get(_key(text))
        if found is not None:
            return found
    raise UnknownResolutionError(ref, resolutions_table()["id"].astype(str).tolist())
