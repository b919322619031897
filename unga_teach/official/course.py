"""Check the course votes of an official file before the loaders may use them.

A course vote of the file replaces the shipped rows only when the file shows
it whole: a row for every member state, and counts that match the vote's own
``total_*`` columns. Otherwise the vote is *refused* (the shipped rows stay,
and the reason is reported): a file cut off at a line end must never turn
sourced votes into unknown ones.

Examples
--------
>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "ga.csv"
>>> _ = p.write_text(
...     "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,total_yes,"
...     "total_no,total_abstentions,total_non_voting,total_ms\\n"
...     "4076672,FRA,FRANCE,Y,2025-02-24,ES-11,A/RES/ES-11/7,A/ES-11/L.10,"
...     "93.0,18.0,65.0,17.0,193.0\\n")
>>> checked = load_course_rows(p, cache=False)
>>> len(checked.rows), checked.refused["ES-11/7"][:40]
(0, 'the file has rows for 1 of 193 member st')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from os import PathLike

import pandas as pd

from ..errors import DataFileError
from .codes import current_members
from .read import future_dates, load_all, select_votes

#: The course schema of vote rows (the first columns of :func:`read_undl`).
COURSE_COLUMNS: list[str] = ["resolution", "iso3", "vote", "confidence", "source_url", "note"]

_TOTALS: list[tuple[str, str]] = [
    ("yes", "total_yes"), ("no", "total_no"), ("abstain", "total_abstentions"),
    ("non_voting", "total_non_voting"),
]


@dataclass(frozen=True)
class CourseRows:
    """The checked course votes of one official file.

    Attributes
    ----------
    path : str
        The file.
    rows : pandas.DataFrame
        Rows of the accepted votes, in the course schema (plain strings,
        confidence ``official``).
    accepted : tuple of str
        Course ids whose rows are used.
    refused : dict
        Course id -> why the file's rows for it are not used.
    notes : tuple of str
        Other things to tell the user (a future date, a cache not written).
    frame : pandas.DataFrame or None
        Every row of the file (the reader's tidy frame, not a copy), so that
        any recorded vote can be used (see :mod:`unga_teach.official.catalog`).
    """

    path: str
    rows: pd.DataFrame
    accepted: tuple[str, ...]
    refused: dict[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    frame: pd.DataFrame | None = field(default=None, repr=False)


def refusal_reason(rows: pd.DataFrame, n_members: int) -> str | None:
    """Why the rows of one vote cannot replace the shipped rows, or ``None``.

    Parameters
    ----------
    rows : pandas.DataFrame
        The rows of one vote from :func:`read_undl` (``vote`` and the
        ``total_*`` columns).
    n_members : int
        The number of member states (193).

    Examples
    --------
    >>> r = pd.DataFrame({"iso3": ["FRA", "DEU"], "vote": ["yes", "no"], "total_yes": 1,
    ...                   "total_no": 2, "total_abstentions": 0, "total_non_voting": 0,
    ...                   "total_ms": 3})
    >>> for part in refusal_reason(r, 3).split("; "):
    ...     print(part)
    the file has rows for 2 of 3 member states
    2 rows but total_ms says 3
    1 'no' rows but total_no says 2
    """
    problems: list[str] = []
    n_states = int(rows["iso3"].astype(str).nunique())
    if n_states < n_members:
        problems.append(f"the file has rows for {n_states} of {n_members} member states")
    first = rows.iloc[0]
    total_ms = first["total_ms"]
    if pd.isna(total_ms):
        problems.append("total_ms is empty, so the file cannot show the vote is complete")
    elif len(rows) != int(total_ms):
        problems.append(f"{len(rows)} rows but total_ms says {int(total_ms)}")
    counts = rows["vote"].astype(str).value_counts()
    for vote, column in _TOTALS:
        total = first[column]
        counted = int(counts.get(vote, 0))
        if pd.isna(total):
            problems.append(f"{column} is empty")
        elif counted != int(total):
            problems.append(f"{counted} {vote!r} rows but {column} says {int(total)}")
    return "; ".join(problems) or None


def check_course_votes(course: pd.DataFrame, path: str,
                       notes: tuple[str, ...] = ()) -> CourseRows:
    """Check the course votes of :func:`read_undl` (``resolutions="course"``).

    Raises
    ------
    DataFileError
        A course vote has a row for a code that is not a current member state
        (an error in the file or in our member list): nothing is used then.
    """
    members = current_members()
    bad = course.loc[~course["iso3"].astype(str).isin(members).to_numpy()]
    if not bad.empty:
        listed = ", ".join(f"{r.iso3} on {r.resolution}" for r in bad.head(5).itertuples())
        raise DataFileError(
            f"{len(bad)} row(s) of the course votes have a code that is not a current member "
            f"state ({listed}). The official record was not installed; run "
            "`unga-teach compare` to see them.",
            path=path,
        )
    refused: dict[str, str] = {}
    accepted: list[str] = []
    resolution = course["resolution"].astype(str)
    for rid in pd.unique(resolution):
        reason = refusal_reason(course.loc[(resolution == rid).to_numpy()], len(members))
        if reason is None:
            accepted.append(str(rid))
        else:
            refused[str(rid)] = reason
    keep = course.loc[resolution.isin(accepted).to_numpy(), COURSE_COLUMNS].copy()
    for col in ("resolution", "iso3", "source_url", "note", "vote"):
        values = keep[col].astype(object)
        keep[col] = values.where(values.notna(), "").astype(str)
    keep["confidence"] = "official"
    return CourseRows(path=path, rows=keep.reset_index(drop=True), accepted=tuple(accepted),
                      refused=refused, notes=notes)


def load_course_rows(path: str | PathLike[str], *, cache: bool = True,
                     progress: bool = False) -> CourseRows:
    """Read an official file and check its course votes (see the module docstring).

    Raises
    ------
    DataFileError
        The file cannot be read, or a course vote has a non-member code.
    """
    from dataclasses import replace

    frame, status = load_all(path, cache=cache, progress=progress)
    notes = tuple(f"{path}: {message}" for message in future_dates(frame))
    course = select_votes(frame, "course")
    cache_note = str(status)
    if cache_note.startswith("not used"):
        notes += (f"cache {cache_note}",)
    elif status.reason.startswith("rebuilt"):
        notes += (f"{path}: cache {status.reason}",)
    return replace(check_course_votes(course, str(path), notes), frame=frame)
