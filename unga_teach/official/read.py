"""Read the UN Digital Library's "General Assembly Voting Data" file: :func:`read_undl`.

This module never imports the course loaders (:mod:`unga_teach.votes`): the
loaders ask :mod:`unga_teach.record`, which asks this reader.
"""

from __future__ import annotations

import contextlib
import os
import re
import warnings
from collections.abc import Iterable, Sequence
from os import PathLike
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import CacheError, DataFileError, UngaTeachError
from . import cache as _cache
from .columns import cat_mask
from .parse import check_header, check_last_link, check_tail, is_gzip, parse_csv
from .tidy import assemble, normalise


def _check_path(p: Path) -> None:
    try:
        if p.is_dir():
            raise DataFileError(
                "this is a folder, not a file. Give the path of the CSV (or .csv.gz) file "
                "inside it.",
                path=str(p),
            )
        if p.exists() and not p.is_file():
            raise DataFileError(
                "this is not a regular file (a device such as /dev/null, a pipe or a socket). "
                "Give the path of the CSV (or .csv.gz) file.",
                path=str(p),
            )
        if not p.is_file():
            raise DataFileError(
                "file not found. Download 'General Assembly Voting Data' from "
                "https://digitallibrary.un.org/record/4060887 and give the path of the CSV "
                "(or .csv.gz) file.",
                path=str(p),
            )
        if not os.access(p, os.R_OK):
            raise DataFileError(
                "cannot read the file: permission denied. Check its permissions "
                "(chmod u+r) or copy it to a folder of yours.",
                path=str(p),
            )
    except OSError as exc:
        raise DataFileError(f"cannot open the file: {exc.strerror or exc}.",
                            path=str(p)) from None


def load_all(path: str | PathLike[str], *, cache: bool,
             progress: bool) -> tuple[pd.DataFrame, _cache.CacheStatus]:
    """Every row of an official file as a tidy frame, and what was done with the cache.

    A cache that cannot be used (no folder, not writable) only costs speed:
    the file is read without it and the status says why. A cached copy that
    does not match its source (damaged, or written for another file: see
    :func:`unga_teach.official.cache.load_cache`) is rebuilt from the file,
    and the status says so (``reason`` starts with ``rebuilt from the file``).
    """
    p = Path(path).expanduser()
    _check_path(p)
    cache_path: Path | None = None
    key = ""
    status = _cache.CacheStatus("off")
    if cache:
        try:
            cache_path, key = _cache.cache_entry(p)
        except CacheError as exc:
            status = _cache.CacheStatus("not written", None, str(exc))
    frame, damaged = (_cache.load_cache(cache_path, key) if cache_path is not None
                      else (None, ""))
    if frame is not None:
        return frame, _cache.CacheStatus("read", cache_path)
    gz = is_gzip(p)
    columns, mapping = check_header(p, gz)
    if not gz:
        check_tail(p, columns)
    raw = parse_csv(p, gz, mapping, progress, columns)
    _release_arrow_memory()  # the parser's scratch memory, before numpy asks for its own
    if (gz and raw.num_rows and columns[-1].strip().lower() == "undl_link"
            and "undl_link" in raw.column_names):
        check_last_link(p, str(raw.column("undl_id")[-1].as_py()),
                        str(raw.column("undl_link")[-1].as_py()).strip())
    parts = normalise(raw, p)
    del raw  # its memory stays with pyarrow's pool, for the cache write (3 ms to return it)
    frame = assemble(*parts)
    del parts
    if cache_path is not None:
        # the writer keeps a frame of its own: pandas then copies a column before the
        # caller changes it in place, so the cache gets the values as read (copy on write)
        problem = _cache.write_cache(frame.copy(deep=False), cache_path, key=key,
                                     background=True)
        rebuilt = f"rebuilt from the file: {damaged}" if damaged else ""
        status = (_cache.CacheStatus("written", cache_path, rebuilt) if problem is None
                  else _cache.CacheStatus("not written", None,
                                          f"{rebuilt}; {problem}" if rebuilt else problem))
    return frame, status


def _release_arrow_memory() -> None:
    """Hand pyarrow's freed memory back to the system (its pool keeps it otherwise).

    numpy allocates outside that pool, so memory kept there only raises the peak.
    """
    import pyarrow as pa

    with contextlib.suppress(Exception):
        pa.default_memory_pool().release_unused()


def future_dates(frame: pd.DataFrame, today: pd.Timestamp | None = None) -> list[str]:
    """A warning for each vote dated after ``today`` (a damaged or edited file).

    Examples
    --------
    >>> f = pd.DataFrame({"undl_id": [1], "symbol": ["A/RES/1"],
    ...                   "date": pd.to_datetime(["2099-01-01"])})
    >>> future_dates(f, pd.Timestamp("2026-03-01"))[0][:40]
    '1 vote(s) dated after 2026-03-01, e.g. A'
    """
    today = pd.Timestamp.today().normalize() if today is None else today
    dates = frame["date"].to_numpy()  # numpy: a tenth of pandas' time on a million rows
    limit = np.datetime64((today + pd.Timedelta(days=1)).to_datetime64())
    after = dates > limit  # NaT compares False
    if not after.any():
        return []
    late = frame.loc[after]
    votes = late.drop_duplicates("undl_id")
    first = votes.iloc[0]
    return [f"{len(votes)} vote(s) dated after {today:%Y-%m-%d}, e.g. {first['symbol']} on "
            f"{pd.Timestamp(first['date']):%Y-%m-%d}: a date in the future means the file is "
            "damaged or was edited. Check its date column."]


# --------------------------------------------------------------- course selection
def course_table() -> pd.DataFrame:
    from ..course_votes import load_resolutions

    res = load_resolutions(include_procedural=False)
    return res[["id", "symbol", "symbol_confirmed", "draft", "date", "session"]]


def _norm(text: object) -> str:
    return re.sub(r"\s+", "", str(text)).upper()


_COURSE_SYMBOL = re.compile(r"A/RES/(68/262|ES-11/\d+)")


def course_votes(frame: pd.DataFrame) -> dict[int, str]:
    """``undl_id`` -> course id of the course votes in a tidy frame.

    By symbol (A/RES/68/262, A/RES/ES-11/n, resolved with
    :func:`unga_teach.resolve_resolution`), else by draft (A/ES-11/L.17 for the
    2026 vote), else, for a vote whose adopted symbol is not confirmed in
    ``data/resolutions.csv``, by date and session.
    """
    from ..course_votes import resolve_resolution

    res = course_table()
    by_draft = {_norm(d): str(i) for i, d in zip(res["id"], res["draft"], strict=True)
                if isinstance(d, str) and d}
    by_date = {(pd.Timestamp(d), _norm(s)): str(i)
               for i, d, s, ok in zip(res["id"], res["date"], res["session"],
                                      res["symbol_confirmed"], strict=True) if not ok}
    ids = set(res["id"].astype(str))
    cand = cat_mask(frame["symbol"], lambda c: _COURSE_SYMBOL.fullmatch(_norm(c)) is not None)
    cand |= cat_mask(frame["draft"], lambda c: _norm(c) in by_draft)
    if by_date:
        cand |= frame["date"].isin([d for d, _ in by_date]).to_numpy()
    votes = frame.loc[cand, ["undl_id", "symbol", "draft", "session", "date"]]
    votes = votes.drop_duplicates("undl_id")
    found: dict[int, str] = {}
    for row in votes.itertuples(index=False):
        symbol = _norm(row.symbol)
        rid = None
        if _COURSE_SYMBOL.fullmatch(symbol):
            try:
                rid = resolve_resolution(symbol)
            except UngaTeachError:
                rid = None
        if rid is None:
            rid = by_draft.get(_norm(row.draft))
        if rid is None and not pd.isna(row.date):
            rid = by_date.get((pd.Timestamp(row.date), _norm(row.session)))
        if rid in ids:
            found[int(row.undl_id)] = str(rid)
    seen: dict[str, int] = {}
    for uid, rid in found.items():
        if rid in seen:
            raise DataFileError(
                f"two voting records match the course vote {rid}: {seen[rid]} and {uid}. "
                "Check the file's resolution and draft symbols."
            )
        seen[rid] = uid
    return found


_CAT_COLUMNS = ("resolution", "symbol", "draft", "session", "iso3", "source_url", "note",
                "ms_name", "current_iso3")


def _rows_of(frame: pd.DataFrame, undl_ids: Iterable[int]) -> np.ndarray:
    wanted = np.fromiter(undl_ids, dtype=np.int64)
    return np.isin(frame["undl_id"].to_numpy(), wanted)


def select_votes(frame: pd.DataFrame, resolutions: object) -> pd.DataFrame:
    if isinstance(resolutions, str) and resolutions == "all":
        return frame.reset_index(drop=True)
    if isinstance(resolutions, str) and resolutions == "course":
        found = course_votes(frame)
        out = frame.loc[_rows_of(frame, found)].copy()
        ids = course_table()["id"].astype(str).tolist()
        out["resolution"] = pd.Categorical(out["undl_id"].map(found), categories=ids,
                                           ordered=True)
        for col in _CAT_COLUMNS[1:]:
            out[col] = out[col].cat.remove_unused_categories()
        out["_iso3"] = out["iso3"].astype(str)
        out = out.sort_values(["resolution", "_iso3"], kind="stable").drop(columns="_iso3")
        return out.reset_index(drop=True)
    if isinstance(resolutions, str) or not isinstance(resolutions, Iterable):
        raise UngaTeachError(
            f"resolutions={resolutions!r} is not accepted. Use 'course' (the course votes), "
            "'all' (every vote in the file) or a list of symbols or course ids."
        )
    wanted = [str(r) for r in resolutions]
    from ..course_votes import resolve_resolution

    course_wanted: set[str] = set()
    symbols: set[str] = set()
    for ref in wanted:
        symbols.add(_norm(ref))
        with contextlib.suppress(UngaTeachError):
            course_wanted.add(resolve_resolution(ref))
    keep = cat_mask(frame["symbol"], lambda s: _norm(s) in symbols)
    keep |= cat_mask(frame["draft"], lambda s: _norm(s) in symbols)
    if course_wanted:
        found = course_votes(frame)
        keep |= _rows_of(frame, [u for u, r in found.items() if r in course_wanted])
    out = frame.loc[keep].reset_index(drop=True)
    for col in _CAT_COLUMNS:
        out[col] = out[col].cat.remove_unused_categories()
    return out


def read_undl(
    path: str | PathLike[str],
    *,
    resolutions: str | Sequence[str] = "course",
    cache: bool = True,
    progress: bool = False,
) -> pd.DataFrame:
    """Read the UN Digital Library's "General Assembly Voting Data" CSV file.

    Parameters
    ----------
    path : path-like
        The CSV file as downloaded from https://digitallibrary.un.org/record/4060887
        (for example ``2026_02_06_ga_voting.csv``), plain or gzip-compressed.
        Columns are read by name; ``vote_note`` and ``undl_link`` may be
        missing; a BOM and Windows line ends are accepted. ``ms_vote`` must
        be Y, N, A, X or blank (case and surrounding spaces are ignored).
    resolutions : {"course", "all"} or list of str, default "course"
        ``"course"``: only the votes of the course (A/RES/68/262,
        A/RES/ES-11/1 to 9, and the 24 February 2026 resolution, found by its
        draft A/ES-11/L.17 or by date and session); the ``resolution`` column
        then holds the course ids (``"ES-11/7"``, ``"2026"``; an ordered
        categorical in series order, like :func:`unga_teach.load_votes`) and
        rows are sorted by vote and ``iso3``. ``"all"``:
        every vote in the file, with ``resolution`` holding the symbol. A list
        of symbols, drafts or course ids selects those votes (``resolution``
        holds the symbol).
    cache : bool, default True
        Use and fill the cache (see :func:`cache_dir`): the second load of
        the same file maps the cached frame from disk in a few milliseconds.
    progress : bool, default False
        Show a progress bar while the file is read.

    Returns
    -------
    pandas.DataFrame
        The course schema ``resolution, iso3, vote, confidence, source_url,
        note`` (``vote`` the ordered categorical yes/no/abstain/non_voting;
        ``confidence`` always ``official``; ``source_url`` the row's
        ``undl_link``; ``note`` its ``vote_note``), then ``undl_id``,
        ``symbol``, ``draft``, ``session``, ``date`` (datetime), ``ms_name``
        (the name at the time, upper case), ``current_iso3`` (the current
        member state: the code itself, the successor of a historical code such
        as ZAR -> COD, or ``<NA>`` for states with no successor such as YUG)
        and the totals as small integers (``int16``; ``Int16`` with ``<NA>``
        if the file has blank totals). ``undl_id`` is ``int32``. ``iso3``
        keeps the code as given: rows of states that no longer exist are never
        dropped. Text columns are categoricals (the full file takes about
        50 MB in memory). ``attrs["cache"]`` says what was done with the
        cache (``read: PATH``, ``written: PATH``, ``off`` or ``not used:
        REASON``); ``attrs["warnings"]`` lists warnings (also issued as
        :class:`UserWarning`), e.g. a vote dated in the future.

    Raises
    ------
    DataFileError
        Missing file, empty file, wrong delimiter, missing columns (with the
        list accepted), an unknown vote code (with the line), an empty code,
        two rows for one state on one vote, a non-numeric total, a bad date,
        a file that was cut off ("download it again") or damaged, a folder,
        a file that cannot be read (permissions), or text that is not UTF-8
        (with the line and the advice to save it as UTF-8). Messages quote
        at most a few hundred characters of the file.

    See Also
    --------
    use_official_record, compare_with_official, agreement_matrix

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "ga.csv"
    >>> _ = p.write_text(
    ...     "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,total_yes,"
    ...     "total_no,total_abstentions,total_non_voting,total_ms\\n"
    ...     "1,FRA,FRANCE,Y,1990-01-01,44,A/RES/44/1,A/44/L.1,1.0,0.0,0.0,1.0,2.0\\n"
    ...     "1,SUN,USSR,X,1990-01-01,44,A/RES/44/1,A/44/L.1,1.0,0.0,0.0,1.0,2.0\\n")
    >>> read_undl(p, resolutions="all", cache=False)[["resolution", "iso3", "vote", "total_ms"]]
       resolution iso3        vote  total_ms
    0  A/RES/44/1  FRA         yes         2
    1  A/RES/44/1  SUN  non_voting         2
    """
    frame, status = load_all(path, cache=cache, progress=progress)
    if status.reason.startswith("rebuilt"):
        warnings.warn(f"{path}: cache {status.reason}", UserWarning, stacklevel=2)
    found = future_dates(frame)
    for message in found:
        warnings.warn(f"{path}: {message}", UserWarning, stacklevel=2)
    out = select_votes(frame, resolutions)
    out.attrs["cache"] = str(status)
    out.attrs["warnings"] = found
    return out

