"""Switch the course to the official UN file: :func:`use_official_record`."""

from __future__ import annotations

import warnings
from os import PathLike

from .. import record
from .course import load_course_rows


def use_official_record(
    path: str | PathLike[str] | None = None, *, cache: bool = True, progress: bool = False
) -> None:
    """Use the official UN file for the course votes it shows whole (``None``: stop).

    After this call :func:`unga_teach.load_votes`, :func:`unga_teach.coverage`
    and everything built on them use the official rows (confidence
    ``official``, source the UN Digital Library record) for each course vote
    the file contains **whole**: a row for every member state, and counts
    that match the vote's own ``total_*`` columns. A vote the file does not
    show whole (a file cut off, a damaged row) is refused: its shipped rows
    are kept and a :class:`UserWarning` names it with the reason. The other
    votes keep the shipped data. :func:`unga_teach.current_record` tells which
    record is in use. The file is read with :func:`read_undl` (cached). The
    environment variable ``UNGA_TEACH_UNDL`` does the same at first use.

    Parameters
    ----------
    path : path-like or None
        The official CSV file, or ``None`` to go back to the shipped data.
    cache : bool, default True
        Use and fill the cache (see :func:`read_undl`).
    progress : bool, default False
        Show a progress bar while a new file is read.

    Raises
    ------
    DataFileError
        The file cannot be read, or a course vote in it has a code that is not
        a current member state (nothing is installed then; the record in use
        does not change).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import unga_teach as ut
    >>> rows = ["4076672,FRA,FRANCE,Y,2025-02-24,ES-11,A/RES/ES-11/7,A/ES-11/L.10,"
    ...         "1.0,0.0,0.0,0.0,1.0"]
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "ga.csv"
    >>> _ = p.write_text(
    ...     "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,total_yes,"
    ...     "total_no,total_abstentions,total_non_voting,total_ms\\n" + "\\n".join(rows) + "\\n")
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as w:
    ...     use_official_record(p, cache=False)
    >>> "ES-11/7: the file has rows for 1 of 193 member states" in str(w[0].message)
    True
    >>> ut.coverage().set_index("resolution").loc["ES-11/7", "record"]   # refused: shipped
    'shipped'
    >>> use_official_record(None)   # back to the shipped data
    >>> ut.current_record().kind
    'shipped'
    """
    if path is None:
        record.use_shipped()
        return
    checked = load_course_rows(path, cache=cache, progress=progress)
    record.install(checked.rows, str(path), accepted=checked.accepted,
                   refused=checked.refused, notes=checked.notes, frame=checked.frame,
                   cache=cache)
    if record.STATE.warning:
        record.STATE.warned = True
        warnings.warn(record.STATE.warning, UserWarning, stacklevel=2)
