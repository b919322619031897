"""Which record the loaders use: the shipped, sourced data, or the official UN file.

By default the course uses the shipped data. After
``unga_teach.use_official_record(path)`` (or with the environment variable
``UNGA_TEACH_UNDL`` naming the file), rows from the UN Digital Library's
"General Assembly Voting Data" replace the shipped rows for every course vote
the file shows whole (see :mod:`unga_teach.official.course`).

The state lives in one object, :data:`STATE` (a :class:`RecordState`), for
the life of the Python process (one notebook kernel). It changes only through
:func:`install`, :func:`use_shipped` and :func:`reset`; each change also
empties the tables derived from the record (:meth:`RecordState.derived`), so
nothing stale is kept. ``UNGA_TEACH_UNDL`` is read once, on the first
question asked (a loader call, :func:`current_record` or ``setup_notebook``).

A bad ``UNGA_TEACH_UNDL`` never stops the course: the shipped data is used,
labelled as shipped, and the reason is given once as a warning on the first
loader call, in ``current_record().warning`` and in the set-up report. An
explicit ``use_official_record(path)`` with a bad file raises instead.

Nothing is read at import time. This module imports the official reader only
to resolve ``UNGA_TEACH_UNDL``; the reader never imports the loaders.

Examples
--------
>>> import unga_teach as ut
>>> ut.current_record().kind in {"shipped", "official"}
True
"""

from __future__ import annotations

import datetime as _dt
import os
import types
import warnings
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

import pandas as pd

from .errors import UngaTeachError

ENV_VAR = "UNGA_TEACH_UNDL"

T = TypeVar("T")


@dataclass(frozen=True)
class RecordInfo:
    """The record in use, as a learner should see it (see :func:`current_record`).

    Attributes
    ----------
    kind : str
        ``"shipped"`` (the course's sourced data only) or ``"official"``
        (official UN rows for ``resolutions``, shipped data for the others).
    path : str or None
        The official file in use (or the one that could not be used).
    file_date : str or None
        The official file's modification date, ``YYYY-MM-DD``.
    resolutions : tuple of str
        Course votes whose rows come from the official file.
    refused : dict
        Course votes the file has but does not show whole, with the reason;
        they keep the shipped rows.
    warning : str or None
        What went wrong, in plain words (``None`` when all is well).
    """

    kind: str
    path: str | None = None
    file_date: str | None = None
    resolutions: tuple[str, ...] = ()
    refused: Mapping[str, str] = field(default_factory=dict)
    warning: str | None = None

    def __str__(self) -> str:
        if self.kind == "official":
            date = f", dated {self.file_date}" if self.file_date else ""
            text = (f"Record in use: the official UN file {self.path}{date} for "
                    f"{', '.join(self.resolutions)}; the shipped course data for the other "
                    "votes.")
        else:
            text = "Record in use: the shipped course data (every vote with its source)."
        if self.warning:
            text += f"\nWarning: {self.warning}"
        return text

    __repr__ = __str__


class RecordState:
    """The record in use and the tables derived from it (one per process).

    Lifetime: created empty at import; ``UNGA_TEACH_UNDL`` is resolved on
    the first question; :func:`install`, :func:`use_shipped` and
    :func:`reset` replace the state and empty :attr:`derived_tables`.
    """

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        """Back to the start: shipped data, ``UNGA_TEACH_UNDL`` not yet read."""
        self.rows: pd.DataFrame | None = None
        self.path: str | None = None
        self.accepted: tuple[str, ...] = ()
        self.refused: dict[str, str] = {}
        self.warning: str | None = None
        self.warned = False
        self.env_checked = False
        self.derived_tables: dict[Any, Any] = {}
        #: every row of the official file (the reader's tidy frame), for any vote
        self.frame: pd.DataFrame | None = None
        self.cache = True

    def derived(self, key: Any, build: Callable[[], T]) -> T:
        """A table derived from the record, built once per record."""
        if key not in self.derived_tables:
            self.derived_tables[key] = build()
        return self.derived_tables[key]


#: The one record state of this process.
STATE = RecordState()


def _file_date(path: str | None) -> str | None:
    if not path:
        return None
    try:
        mtime = os.stat(path).st_mtime
    except OSError:
        return None
    return _dt.date.fromtimestamp(mtime).isoformat()


def _compose_warning(path: str, refused: Mapping[str, str], notes: Iterable[str],
                     used: bool) -> str | None:
    parts = []
    if refused:
        listed = "; ".join(f"{rid}: {why}" for rid, why in refused.items())
        parts.append(f"the official file {path} does not show these votes whole, so their "
                     f"shipped rows are kept: {listed}.")
    if not used:
        parts.append(f"no course vote of {path} could be used: the course uses its shipped "
                     "data.")
    parts += [str(n) for n in notes]
    return " ".join(parts) or None


def install(rows: pd.DataFrame, path: str, *, accepted: Iterable[str] = (),
            refused: Mapping[str, str] | None = None, notes: Iterable[str] = (),
            frame: pd.DataFrame | None = None, cache: bool = True) -> None:
    """Make the loaders use checked official rows (from :mod:`unga_teach.official.course`).

    Parameters
    ----------
    rows : pandas.DataFrame
        Official rows in the course schema, for the ``accepted`` votes.
    path : str
        The official file.
    accepted : iterable of str
        Course ids taken from the file.
    refused : mapping, optional
        Course ids in the file that are not used, with the reason.
    notes : iterable of str
        Other things to tell the user.
    frame : pandas.DataFrame, optional
        Every row of the file (the reader's tidy frame, kept by reference):
        makes every recorded vote of the file usable (:func:`official_catalog`).
    cache : bool, default True
        Whether the titles of the file's votes may be kept in the cache folder.
    """
    accepted = tuple(accepted) or tuple(pd.unique(rows["resolution"].astype(str)))
    refused = dict(refused or {})
    STATE.clear()
    STATE.env_checked = True
    STATE.path = path
    STATE.accepted = accepted if len(rows) else ()
    STATE.rows = rows if len(rows) else None
    STATE.refused = refused
    STATE.frame = frame
    STATE.cache = cache
    STATE.warning = _compose_warning(path, refused, notes, used=bool(len(rows)))


def use_shipped(warning: str | None = None, path: str | None = None) -> None:
    """Make the loaders use the shipped data only (with an optional warning)."""
    STATE.clear()
    STATE.env_checked = True
    STATE.warning = warning
    STATE.path = path


def reset() -> None:
    """Forget everything, so that ``UNGA_TEACH_UNDL`` is read again (for tests)."""
    STATE.clear()


def _resolve_env() -> None:
    if STATE.env_checked:
        return
    STATE.env_checked = True
    path = os.environ.get(ENV_VAR, "").strip()
    if not path:
        return
    from .official.course import load_course_rows

    try:
        checked = load_course_rows(path)
    except UngaTeachError as exc:
        use_shipped(
            f"{ENV_VAR} is set to {path}, which cannot be used: "
            f"{' '.join(str(exc).split())} The course uses its shipped data instead.",
            path,
        )
        return
    install(checked.rows, path, accepted=checked.accepted, refused=checked.refused,
            notes=checked.notes, frame=checked.frame)


def _outside_the_package() -> int:
    """The ``stacklevel`` of the first caller outside this package (the learner's cell)."""
    import sys

    package = os.path.dirname(os.path.abspath(__file__))
    frame: types.FrameType | None = sys._getframe(1)
    level = 1
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(package):
        frame = frame.f_back
        level += 1
    return level


def official_votes() -> pd.DataFrame | None:
    """The official rows the loaders use, or ``None`` (loaders call this).

    On the first call after a problem (a bad ``UNGA_TEACH_UNDL``, votes the
    file does not show whole) the problem is issued once as a
    :class:`UserWarning`.
    """
    _resolve_env()
    if STATE.warning and not STATE.warned:
        STATE.warned = True
        warnings.warn(STATE.warning, UserWarning, stacklevel=_outside_the_package())
    return STATE.rows


def official_source() -> str | None:
    """Path of the official file in use, or ``None``."""
    _resolve_env()
    return STATE.path if STATE.rows is not None else None


def official_frame() -> pd.DataFrame | None:
    """Every row of the official file in use (the reader's tidy frame), or ``None``."""
    official_votes()
    return STATE.frame


def official_catalog() -> Any:
    """The :class:`~unga_teach.official.catalog.VoteCatalog` of the file in use, or ``None``.

    Built once per installed file, on first use (a loader asked for a vote
    that is not a course vote, or :func:`unga_teach.search_votes`).
    """
    frame = official_frame()
    if frame is None or STATE.path is None:
        return None
    path = STATE.path

    def build() -> Any:
        from .official.catalog import VoteCatalog

        return VoteCatalog(frame, path, cache=STATE.cache)

    return STATE.derived("vote_catalog", build)


def derived(key: Any, build: Callable[[], T]) -> T:
    """A table derived from the record in use, built once per record (for the loaders)."""
    official_votes()
    return STATE.derived(key, build)


def current_record() -> RecordInfo:
    """Which record the course uses now, in plain words, with any warning.

    Returns
    -------
    RecordInfo
        ``kind`` (``"shipped"`` or ``"official"``), the official file's path
        and date, the votes it supplies, the votes it could not supply and
        why, and ``warning``. Printing it gives one or two plain sentences.

    Examples
    --------
    >>> import unga_teach as ut
    >>> ut.use_official_record(None)
    >>> print(ut.current_record())
    Record in use: the shipped course data (every vote with its source).
    """
    _resolve_env()
    official = STATE.rows is not None
    return RecordInfo(
        kind="official" if official else "shipped",
        path=STATE.path,
        file_date=_file_date(STATE.path) if official else None,
        resolutions=STATE.accepted if official else (),
        refused=dict(STATE.refused),
        warning=STATE.warning,
    )
