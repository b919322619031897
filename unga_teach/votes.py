"""Per-country votes, in long format, with their sources.

A vote is a fact only with a source: states with no sourced row are
``unknown``, never guessed. Vote columns are ordered categoricals
(yes, no, abstain, non_voting, unknown).

Examples
--------
>>> import unga_teach as ut
>>> v = ut.load_votes("2026")
>>> len(v)
193
>>> sorted(v.loc[v["vote"] == "no", "iso3"])[:3]
['BDI', 'BFA', 'BLR']
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from os import PathLike
from typing import Any

import pandas as pd

from . import record
from ._paths import data_file
from .categories import CONFIDENCE_DTYPE, CONFIDENCE_ORDER, RECORDED_VOTES, VOTE_DTYPE
from .course_votes import series_ids
from .csvio import read_table
from .errors import DataFileError, UnknownCountryError
from .members import find_country, load_members
from .resolutions import VoteRef, resolve_resolution, resolve_vote, resolve_votes
from .types import ResolutionRef

VOTE_COLUMNS = ["resolution", "iso3", "vote", "confidence", "source_url", "note"]
OUTPUT_COLUMNS = ["resolution", "iso3", "name", "vote", "confidence", "source_url", "note", "known"]

#: Spellings accepted in an instructor's CSV, mapped to our vote values.
VOTE_SYNONYMS: dict[str, str] = {
    "yes": "yes",
    "y": "yes",
    "in favour": "yes",
    "in favor": "yes",
    "no": "no",
    "n": "no",
    "against": "no",
    "abstain": "abstain",
    "a": "abstain",
    "abstention": "abstain",
    "abstained": "abstain",
    "non_voting": "non_voting",
    "non-voting": "non_voting",
    "non voting": "non_voting",
    "x": "non_voting",
    "absent": "non_voting",
    "did not vote": "non_voting",
}


def check_vote_rows(table: pd.DataFrame, path: str, *, allow_names: bool,
                    problems: list[str] | None = None) -> pd.DataFrame:
    """Check vote rows read by :func:`read_table` and normalise their values.

    Checks the resolution, the country (an ISO3 code unless ``allow_names``;
    a member state), the vote, the confidence (when the column is filled) and
    duplicates.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`unga_teach.csvio.read_table` (with ``line_number``).
    path : str
        The file, for messages.
    allow_names : bool
        Accept country names and other codes in ``iso3``.
    problems : list of str, optional
        When given, every bad row is described here (with its line) and left
        out of the result; otherwise the first bad row raises.

    Raises
    ------
    DataFileError
        The first bad row, when ``problems`` is not given.
    """
    members = set(load_members()["iso3"].astype(str))
    has_confidence = "confidence" in table.columns
    out_iso: list[str] = []
    out_vote: list[str] = []
    out_res: list[str] = []
    keep: list[int] = []
    seen: dict[tuple[str, str], int] = {}
    for i, row in enumerate(table.itertuples(index=False)):
        line = int(row.line_number)
        try:
            rid, iso3, vote, name = _check_row(row, path, line, members,
                                               allow_names=allow_names,
                                               has_confidence=has_confidence)
            key = (rid, iso3)
            if key in seen:
                raise DataFileError(
                    f"duplicate row: {name} already has a vote on {rid} at line {seen[key]}.",
                    path=path,
                    line=line,
                )
        except DataFileError as exc:
            if problems is None:
                raise
            problems.append(str(exc))
            continue
        seen[key] = line
        keep.append(i)
        out_res.append(rid)
        out_iso.append(iso3)
        out_vote.append(vote)
    checked = table.iloc[keep].copy()
    checked["resolution"] = out_res
    checked["iso3"] = out_iso
    checked["vote"] = out_vote
    return checked


def _check_row(row: Any, path: str, line: int, members: set[str], *, allow_names: bool,
               has_confidence: bool) -> tuple[str, str, str, str]:
    """Check one vote row; return its (resolution id, iso3, vote, name) or raise."""
    try:
        rid = resolve_resolution(row.resolution)
    except ValueError as exc:
        raise DataFileError(f"resolution {row.resolution!r}: {exc}", path=path, line=line) from None
    raw_country = str(row.iso3)
    try:
        country = find_country(raw_country)
    except UnknownCountryError as exc:
        raise DataFileError(f"country {raw_country!r}: {exc}", path=path, line=line) from None
    if country.iso3 != raw_country and not allow_names:
        raise DataFileError(
            f"iso3 {raw_country!r} is not an ISO3 code; did you mean {country.iso3!r}?",
            path=path,
            line=line,
        )
    if country.iso3 not in members:
        raise DataFileError(
            f"{country.name} is a non-member observer state and cannot vote.",
            path=path,
            line=line,
        )
    if has_confidence and row.confidence and row.confidence not in CONFIDENCE_ORDER[:-1]:
        raise DataFileError(
            f"confidence {row.confidence!r} is not accepted. Accepted: "
            + ", ".join(CONFIDENCE_ORDER[:-1]) + ".",
            path=path,
            line=line,
        )
    vote = VOTE_SYNONYMS.get(str(row.vote).strip().lower())
    if vote is None:
        raise DataFileError(
            f"vote {row.vote!r} is not accepted. Accepted: {', '.join(RECORDED_VOTES)} "
            "(also Y/N/A/X, 'in favour', 'against', 'abstention'). Leave a state out "
            "when its vote is unknown.",
            path=path,
            line=line,
        )
    return rid, country.iso3, vote, country.name


def read_votes_csv(path: str | PathLike[str], *, confidence: str = "reported") -> pd.DataFrame:
    """Read and check a votes CSV in the course schema (for example an instructor's).

    Required columns: ``resolution``, ``iso3`` (ISO3 code or a country name),
    ``vote``, ``source_url``. Optional: ``confidence``, ``note``.

    Parameters
    ----------
    path : path-like
        The CSV file (UTF-8, comma-separated).
    confidence : str, default "reported"
        Confidence given to rows that have none.

    Returns
    -------
    pandas.DataFrame
        Columns ``resolution, iso3, vote, confidence, source_url, note``; one
        row per line of the file. No row is dropped.

    Raises
    ------
    DataFileError
        With the file, line and value: missing column, unknown vote value,
        unknown country (with close matches), duplicate row, missing source,
        empty file, wrong encoding or wrong delimiter.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "mine.csv"
    >>> _ = p.write_text("resolution,iso3,vote,source_url\\n2026,Ukraine,yes,https://example.org\\n")
    >>> read_votes_csv(p)[["resolution", "iso3", "vote"]].values.tolist()
    [['2026', 'UKR', 'yes']]
    """
    name = str(path)
    table = read_table(path, ["resolution", "iso3", "vote", "source_url"],
                       optional=["confidence", "note"])
    for row in table.itertuples(index=False):
        if not str(row.source_url).startswith(("http://", "https://")):
            raise DataFileError(
                f"source_url {row.source_url!r} is not a web address. Every vote needs a "
                "source (http:// or https://).",
                path=name,
                line=int(row.line_number),
            )
        if row.confidence and row.confidence not in CONFIDENCE_ORDER:
            raise DataFileError(
                f"confidence {row.confidence!r} is not accepted. Accepted: "
                + ", ".join(CONFIDENCE_ORDER[:-1]) + ".",
                path=name,
                line=int(row.line_number),
            )
    checked = check_vote_rows(table, name, allow_names=True)
    checked["confidence"] = checked["confidence"].replace("", confidence)
    return checked[VOTE_COLUMNS].reset_index(drop=True)


@cache
def _shipped_votes() -> pd.DataFrame:
    path = data_file("votes.csv")
    table = read_table(path, VOTE_COLUMNS)
    return check_vote_rows(table, str(path), allow_names=False)[VOTE_COLUMNS]


def shipped_votes() -> pd.DataFrame:
    """The shipped, sourced vote rows of ``data/votes.csv``, whatever record is in use.

    Returns
    -------
    pandas.DataFrame
        ``resolution, iso3, vote, confidence, source_url, note`` as plain
        strings; one row per line of the file.

    Raises
    ------
    DataFileError
        The first bad row of the file (with its line).

    Examples
    --------
    >>> len(shipped_votes()) == len(shipped_votes().drop_duplicates(["resolution", "iso3"]))
    True
    """
    return _shipped_votes().copy()


def known_votes() -> pd.DataFrame:
    """All sourced vote rows (shipped, or official where an official record is in use).

    Returns
    -------
    pandas.DataFrame
        ``resolution, iso3, vote, confidence, source_url, note`` with plain
        string columns; only rows that have a source.

    Examples
    --------
    >>> kv = known_votes()
    >>> bool(kv.duplicated(["resolution", "iso3"]).any())
    False
    """
    return record.derived("known_votes", _known_votes).copy()


def _known_votes() -> pd.DataFrame:
    shipped = _shipped_votes()
    official = record.official_votes()
    if official is None or official.empty:
        return shipped
    covered = set(official["resolution"].unique())
    keep = shipped[~shipped["resolution"].isin(covered)]
    return pd.concat([keep, official[VOTE_COLUMNS]], ignore_index=True)


def _full_grid(rows: pd.DataFrame, ids: list[str]) -> pd.DataFrame:
    members = load_members()[["iso3", "name"]]
    grid = pd.MultiIndex.from_product([ids, members["iso3"].astype(str)],
                                      names=["resolution", "iso3"]).to_frame(index=False)
    merged = grid.merge(rows, on=["resolution", "iso3"], how="left", validate="one_to_one")
    merged = merged.merge(members.astype({"iso3": str}), on="iso3", how="left")
    merged["known"] = merged["vote"].notna()
    merged["vote"] = merged["vote"].fillna("unknown").astype(VOTE_DTYPE)
    merged["confidence"] = merged["confidence"].fillna("none").astype(CONFIDENCE_DTYPE)
    for col in ("source_url", "note"):
        merged[col] = merged[col].fillna("").astype("string")
    merged["name"] = merged["name"].astype("string")
    merged["resolution"] = pd.Categorical(merged["resolution"], categories=ids, ordered=True)
    return merged[OUTPUT_COLUMNS]


def load_votes(resolution: ResolutionRef | Iterable[ResolutionRef] | None = None,
               ) -> pd.DataFrame:
    """Load every member state's vote on one resolution, or on several, or on all of them.

    Parameters
    ----------
    resolution : str or list of str, optional
        An id, symbol or draft (see :func:`resolve_resolution`); with an
        official record in use, any recorded vote of the file (adopted symbol,
        draft or UN Digital Library record id, see
        :func:`unga_teach.resolve_vote`). A list (or a
        :func:`unga_teach.search_votes` result) gives those votes, in that
        order. ``None`` returns all resolutions of the course series, oldest
        first.

    Returns
    -------
    pandas.DataFrame
        One row per member state (193) per resolution: ``resolution``,
        ``iso3``, ``name``, ``vote`` (ordered categorical, ``unknown`` where
        no source exists), ``confidence``, ``source_url``, ``note``,
        ``known``. A vote known only from the official file has one row per
        state the file lists for it (the members of that day, with historical
        codes such as ``SUN`` kept), ``confidence == "official"`` and
        ``source_url`` the record's address.

    Raises
    ------
    UnknownResolutionError
        For a vote that is not in the data (without an official file, the
        message says where to get it), or the procedural motion (which has
        totals only).

    Examples
    --------
    >>> v = load_votes("ES-11/7")
    >>> v["vote"].value_counts().loc[["yes", "no", "abstain", "non_voting", "unknown"]].tolist()
    [93, 18, 65, 17, 0]
    >>> list(v["vote"].cat.categories)
    ['yes', 'no', 'abstain', 'non_voting', 'unknown']
    >>> load_votes(["ES-11/7", "2026"])["resolution"].cat.categories.tolist()
    ['ES-11/7', '2026']
    """
    ids = _series_ids()
    if resolution is None:
        wanted = ids
    elif isinstance(resolution, (str, int, VoteRef)):
        return _one_vote(resolve_vote(resolution))
    else:
        votes = resolve_votes(resolution)
        if all(v.course for v in votes):
            for v in votes:
                _check_recorded(v, ids)
            wanted = [v.id for v in votes]
        else:
            frames = [_one_vote(v) for v in votes]
            out = pd.concat(frames, ignore_index=True)
            out["resolution"] = pd.Categorical(out["resolution"].astype(str),
                                               categories=[v.id for v in votes], ordered=True)
            return out
    key = ("votes_grid", tuple(wanted))
    return record.derived(key, lambda: _votes_grid(tuple(wanted))).copy()


def _check_recorded(vote: VoteRef, ids: list[str]) -> None:
    if vote.id not in ids:
        from .errors import procedural_vote_error

        raise procedural_vote_error(vote.id, ids)


def _one_vote(vote: VoteRef) -> pd.DataFrame:
    ids = _series_ids()
    if vote.course:
        _check_recorded(vote, ids)
        key = ("votes_grid", (vote.id,))
        return record.derived(key, lambda: _votes_grid((vote.id,))).copy()
    return record.derived(("official_vote", vote.undl_id),
                          lambda: _official_vote_rows(vote)).copy()


def _official_vote_rows(vote: VoteRef) -> pd.DataFrame:
    """The rows of a vote known only from the official file, in the loader's schema."""
    from .official.codes import HISTORICAL_CODES

    catalog = record.official_catalog()
    rows = catalog.rows(vote.undl_id)
    link = str(catalog.vote(vote.undl_id)["link"])
    iso3 = rows["iso3"].astype(str).to_numpy()
    names = dict(zip(load_members()["iso3"].astype(str), load_members()["name"], strict=True))
    ms_names = rows["ms_name"].astype(object).to_numpy()
    out = pd.DataFrame({
        "resolution": vote.id,
        "iso3": pd.Series(iso3, dtype=str),
        "name": pd.Series(
            [names.get(c) or (HISTORICAL_CODES[c][0] if c in HISTORICAL_CODES else
                              str(m or c).title()) for c, m in zip(iso3, ms_names, strict=True)],
            dtype="string"),
        "vote": pd.Series(rows["vote"].astype(str).to_numpy()).astype(VOTE_DTYPE),
        "confidence": pd.Series(["official"] * len(rows)).astype(CONFIDENCE_DTYPE),
        "source_url": pd.Series([link] * len(rows), dtype="string"),
        "note": pd.Series(rows["note"].astype(object).to_numpy()).fillna("").astype("string"),
    })
    out["known"] = True
    out = out.sort_values("iso3", kind="stable")
    out["resolution"] = pd.Categorical(out["resolution"], categories=[vote.id], ordered=True)
    return out[OUTPUT_COLUMNS].reset_index(drop=True)


def _votes_grid(wanted: tuple[str, ...]) -> pd.DataFrame:
    rows = record.derived("known_votes", _known_votes)
    rows = rows[rows["resolution"].isin(wanted)]
    return _full_grid(rows, list(wanted))


def _series_ids() -> list[str]:
    return series_ids()
