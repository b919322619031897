"""The recorded votes in the course: resolutions and one procedural vote.

Every vote has a short id (``"2026"``, ``"ES-11/7"``, ``"68/262"``) and can
also be named by its symbol (``"A/RES/ES-11/7"``) or draft (``"A/ES-11/L.17"``).

Examples
--------
>>> import unga_teach as ut
>>> ut.resolve_resolution("a/res/es-11/7")
'ES-11/7'
>>> ut.resolve_resolution("A/ES-11/L.17")
'2026'
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .course_votes import (
    MAIN_RESOLUTION,
    RESOLUTION_COLUMNS,
    course_row,
    load_resolutions,
    resolutions_table,
    resolve_resolution,
    series,
)
from .errors import NO_OFFICIAL_FILE, DataFileError, UnknownResolutionError

#: Public names (the course's own votes are defined in :mod:`unga_teach.course_votes`).
__all__ = [
    "MAIN_RESOLUTION",
    "RESOLUTION_COLUMNS",
    "ResolutionInfo",
    "VoteRef",
    "load_resolutions",
    "official_vote_row",
    "resolution_info",
    "resolve_resolution",
    "resolve_vote",
    "resolve_votes",
    "series",
]


@dataclass(frozen=True)
class VoteRef:
    """A vote every tool can use: a course vote, or a recorded vote of the official file.

    Attributes
    ----------
    id : str
        What the tools call it (the ``resolution`` column of
        :func:`unga_teach.load_votes`): the course id (``"2026"``), else the
        adopted symbol (``"A/RES/79/1"``), else the UN Digital Library record id.
    course : bool
        ``True`` for a vote of the course data (with sources, statements,
        paragraphs); ``False`` for a vote known only from the official file.
    undl_id : int or None
        The UN Digital Library record id (``None`` for a course vote).
    symbol : str
        The adopted symbol ("" when not known).

    Examples
    --------
    >>> resolve_vote("A/RES/ES-11/7")
    VoteRef(id='ES-11/7', course=True, undl_id=None, symbol='A/RES/ES-11/7')
    """

    id: str
    course: bool
    undl_id: int | None = None
    symbol: str = ""

    def __str__(self) -> str:
        return self.id


def resolve_vote(ref: object) -> VoteRef:
    """Find any recorded vote: a course vote, or (with an official file) any vote of the file.

    Course ids, symbols and drafts keep their meaning (see
    :func:`resolve_resolution`). With an official record in use
    (:func:`unga_teach.use_official_record` or ``UNGA_TEACH_UNDL``), every
    other vote of the file is found by adopted symbol (``"A/RES/79/1"``),
    draft symbol (``"A/79/L.1"``) or UN Digital Library record id
    (``4060887``, ``"4060887"`` or the record's address).

    Parameters
    ----------
    ref : str, int or VoteRef

    Returns
    -------
    VoteRef

    Raises
    ------
    UnknownResolutionError
        Nothing matches. Without an official file, the message names the file,
        its download address and how to set it.
    DataFileError
        A vote of the official file that the file does not show whole (its
        rows do not match its own totals, as when the file was cut off):
        such a vote is never used with states missing.

    Examples
    --------
    >>> resolve_vote("es11-7").id
    'ES-11/7'
    >>> import unga_teach as ut
    >>> ut.use_official_record(None)
    >>> try:
    ...     resolve_vote("A/RES/79/1")
    ... except ut.UnknownResolutionError as exc:
    ...     print("digitallibrary.un.org/record/4060887" in str(exc))
    True
    """
    if isinstance(ref, VoteRef):
        return ref
    with contextlib.suppress(UnknownResolutionError):
        rid = resolve_resolution(ref)
        return VoteRef(rid, True, None, str(_symbol_of(rid)))
    from . import record

    catalog = record.official_catalog()
    accepted = resolutions_table()["id"].astype(str).tolist()
    if catalog is None:
        raise UnknownResolutionError(ref, accepted, NO_OFFICIAL_FILE)
    uid = catalog.find(ref)
    if uid is None:
        raise UnknownResolutionError(
            ref, accepted,
            f"Nor does any recorded vote of the official file {record.STATE.path} (by adopted "
            "symbol such as 'A/RES/79/1', draft symbol or UN Digital Library record id). "
            "Find votes with ut.search_votes('words of the title', year=...).")
    row = catalog.vote(uid)
    if row["course_id"]:
        rid = str(row["course_id"])
        return VoteRef(rid, True, None, str(_symbol_of(rid)))
    problem = catalog.problems().get(int(uid))
    if problem:
        raise DataFileError(
            f"the file does not show the vote {catalog.vote_id(uid)} whole ({problem}), so it "
            "is not used: a state missing from the file would silently drop out of every "
            "count. The file may have been cut off: download it again. (`unga-teach "
            "validate` lists every such vote.)", path=str(record.STATE.path))
    return VoteRef(catalog.vote_id(uid), False, int(uid), str(row["symbol"]))


def resolve_votes(refs: object) -> list[VoteRef]:
    """Resolve one vote or a selection of votes (a list, a tuple, a search result).

    A :func:`unga_teach.search_votes` result (a frame with an ``id`` column)
    is accepted as it is. Duplicates are dropped; the order is kept.

    Examples
    --------
    >>> [v.id for v in resolve_votes(["ES-11/7", "A/RES/ES-11/7", "2026"])]
    ['ES-11/7', '2026']
    """
    if isinstance(refs, pd.DataFrame):
        if "id" not in refs.columns:
            raise UnknownResolutionError(
                "a table without an 'id' column", resolutions_table()["id"].astype(str).tolist(),
                "Pass a list of votes or the result of ut.search_votes(...).")
        refs = refs["id"].tolist()
    if isinstance(refs, (str, int, VoteRef)) or not isinstance(refs, Iterable):
        refs = [refs]
    out: list[VoteRef] = []
    for ref in refs:
        vr = resolve_vote(ref)
        if vr.id not in {v.id for v in out}:
            out.append(vr)
    return out


def _symbol_of(rid: str) -> str:
    row = course_row(rid)
    return str(row["symbol"] or "") if bool(row["symbol_confirmed"]) else ""


def official_vote_row(vote: VoteRef) -> pd.Series:
    """The :func:`load_resolutions`-like row of a vote known only from the official file.

    Columns of :func:`load_resolutions` (``kind`` ``"resolution"``, totals
    from the file's ``total_*`` columns, ``source_url`` the record's
    address), then ``undl_id``, ``agenda_title``, ``subjects`` and
    ``record`` (``"official"``). Totals the file leaves blank (old votes)
    are counted from the vote's rows, ``totals_counted`` is then ``True``
    and the note says so: a blank total is never shown as 0. ``date`` is
    ``NaT`` when the file gives none (the card then says "not recorded").
    """
    from . import record

    catalog = record.official_catalog()
    if catalog is None or vote.undl_id is None:
        raise UnknownResolutionError(vote.id, resolutions_table()["id"].astype(str).tolist(),
                                     NO_OFFICIAL_FILE)
    row = catalog.vote(vote.undl_id)
    texts = catalog.texts()
    from .official.catalog import clean_title
    from .official.codes import TOTAL_COLUMNS

    text = texts.loc[vote.undl_id] if vote.undl_id in texts.index else None
    title = clean_title(text["title"]) if text is not None else ""
    blank = [col for col in TOTAL_COLUMNS if pd.isna(row[col])]
    counted = catalog.counted_totals(vote.undl_id) if blank else {}

    def count(col: str) -> int:
        value = row[col]
        return counted[col] if pd.isna(value) else int(value)

    note = ("From the official UN voting record (UN Digital Library). The course data "
            "has no statements, paragraphs or other sources for this vote.")
    if blank:
        note += (f" The file gives no {', '.join(blank)} for this vote: those totals are "
                 "counted from its rows.")
    date = pd.Timestamp(row["date"])
    out = {
        "id": vote.id,
        "kind": "resolution",
        "symbol": str(row["symbol"]),
        "symbol_confirmed": bool(row["symbol"]),
        "draft": str(row["draft"]),
        "date": date,
        "session": str(row["session"]),
        "title": title or f"Recorded vote {row['symbol'] or row['undl_id']}",
        "yes": count("total_yes"),
        "no": count("total_no"),
        "abstain": count("total_abstentions"),
        "non_voting": count("total_non_voting"),
        "total_members": count("total_ms"),
        "source_url": str(row["link"]),
        "note": note,
        "totals_counted": bool(blank),
        "year": int(date.year) if not pd.isna(date) else 0,
        "label": f"{vote.id} ({date:%d %b %Y})" if not pd.isna(date) else vote.id,
        "undl_id": int(row["undl_id"]),
        "agenda_title": str(text["agenda_title"]) if text is not None else "",
        "subjects": str(text["subjects"]) if text is not None else "",
        "meeting": str(text["meeting"]) if text is not None and "meeting" in text else "",
        "record": "official",
    }
    return pd.Series(out, name=vote.id)


class ResolutionInfo(Mapping[str, Any]):
    """One vote of the course, shown as a small card; read its fields like a dict.

    ``info["yes"]``, ``info["date"]`` ... give the columns of
    :func:`load_resolutions`; :meth:`to_series` gives the row itself.

    Examples
    --------
    >>> info = resolution_info("2026")
    >>> info["yes"], info["draft"]
    (np.int64(107), 'A/ES-11/L.17')
    >>> print(info)  # doctest: +ELLIPSIS
    Support for lasting peace in Ukraine
      Vote id: 2026 (resolution)
      Date: 24 February 2026
      ...
      Official result: 107 yes, 12 no, 51 abstain; 23 of 193 members did not vote
      ...
    """

    __slots__ = ("_row",)

    def __init__(self, row: pd.Series):
        self._row = row

    def __getitem__(self, key: str) -> Any:
        return self._row[key]

    def __iter__(self) -> Iterator[str]:
        return iter(str(k) for k in self._row.index)

    def __len__(self) -> int:
        return len(self._row)

    def to_series(self) -> pd.Series:
        """Return the row of :func:`load_resolutions` (a copy)."""
        return self._row.copy()

    def _fields(self) -> list[tuple[str, Any]]:
        r = self._row
        kind = "resolution" if r["kind"] == "resolution" else "procedural motion"
        symbol = str(r["symbol"] or "")
        adopted = symbol if bool(r["symbol_confirmed"]) and symbol else (
            "not confirmed by any source found")
        date = pd.Timestamp(r["date"]) if not pd.isna(r["date"]) else None
        result = (f"{int(r['yes'])} yes, {int(r['no'])} no, {int(r['abstain'])} abstain; "
                  f"{int(r['non_voting'])} of {int(r['total_members'])} members did not vote")
        fields: list[tuple[str, Any]] = [
            ("Vote id", f"{r['id']} ({kind})"),
            ("Date", f"{date.day} {date:%B %Y}" if date is not None else "not recorded"),
            ("Session", str(r["session"] or "")),
            ("Draft", str(r["draft"] or "") or "not recorded"),
            ("Adopted symbol", adopted if r["kind"] == "resolution" else ""),
            ("Official result", result),
            ("Source", str(r["source_url"] or "")),
            ("Note", str(r["note"] or "")),
        ]
        if r.get("record") == "official":
            fields[4:4] = [("Agenda item", str(r.get("agenda_title") or "")),
                           ("Subjects", str(r.get("subjects") or "")),
                           ("Record", f"UN Digital Library record {r['undl_id']}")]
        return [(k, v) for k, v in fields if v]

    def __repr__(self) -> str:
        lines = [str(self._row["title"])]
        lines += [f"  {k}: {v}" for k, v in self._fields()]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from urllib.parse import urlsplit

        from .html import html_card, link

        fields: list[tuple[str, Any]] = []
        for key, value in self._fields():
            if key == "Source":
                host = (urlsplit(value).hostname or value).removeprefix("www.")
                value = link(value, host)
            fields.append((key, value))
        return html_card(str(self._row["title"]), fields)


def resolution_info(ref: object) -> ResolutionInfo:
    """Return one vote as a card that reads like a dict.

    Parameters
    ----------
    ref : str
        An id, symbol or draft symbol (see :func:`resolve_resolution`); with
        an official record in use, any recorded vote of the file (see
        :func:`resolve_vote`): its card has the file's title, date, session,
        totals, draft, record link (``source_url``), ``agenda_title``,
        ``subjects``, ``undl_id`` and ``record == "official"``.

    Returns
    -------
    ResolutionInfo
        Shown as a small card (title, date, session, draft, adopted symbol,
        official result, source, note); ``info["title"]`` and the other
        columns of :func:`load_resolutions` read like a dict.

    Raises
    ------
    UnknownResolutionError
        With the list of accepted ids.

    Examples
    --------
    >>> resolution_info("2026")["title"]
    'Support for lasting peace in Ukraine'
    >>> "<script" in resolution_info("2026")._repr_html_()
    False
    """
    vote = resolve_vote(ref)
    if not vote.course:
        return ResolutionInfo(official_vote_row(vote))
    return ResolutionInfo(course_row(vote.id).copy())
