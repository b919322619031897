"""The cache of parsed official files (one folder, a few files per UN file).

The parsed file is stored as Parquet in ``$UNGA_TEACH_CACHE`` (default
``$XDG_CACHE_HOME/unga_teach`` or ``~/.cache/unga_teach``; a relative
``XDG_CACHE_HOME`` is ignored, as the XDG specification says), in two files:
one row per state per vote (code, vote, name, note: small integer category
codes, plus the vote's position when the rows of a vote are not contiguous)
and one row per vote (symbol, draft, session, date, link, totals, number of
rows). Rebuilding the tidy frame from them is a few array copies.

The key is a SHA-256 of the file's size, its modification time (ns), its
first and last MiB and the cache format version: a few milliseconds for any
file. A SHA-256 of all 360 MB would cost about 0.4 s on every load. Size +
mtime catch every download, copy or edit of the file; a new version of the UN
file adds votes, so its size differs even when an unzip or ``cp -p`` keeps an
old mtime, and the first and last MiB are a further check. Not caught: an
edit in the middle of the file that keeps both its size and its mtime (only
done on purpose). The last four files used are kept; a cache file that
cannot be read is ignored and rebuilt. A cache folder that cannot be used
only costs speed: the file is read without it and the caller is told why
(:class:`CacheStatus`).

Public handles: :func:`cache_dir`, :func:`cache_usage`, :func:`clear_cache`
(``unga-teach cache`` and ``unga-teach cache --clear``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..categories import VOTE_DTYPE
from ..errors import CacheError, DataFileError
from .columns import categorical, code_dtype
from .tidy import N_ROWS, PER_VOTE_COLUMNS, ROW_COLUMNS

#: Bump when the cached frame's layout changes: old cache files are then ignored.
CACHE_FORMAT = 4
_CACHE_PREFIX = "undl-"
_CACHE_KEEP = 4
_SAMPLE = 1 << 20


# --------------------------------------------------------------------------- paths
def cache_dir() -> Path:
    """Folder of the cache: ``$UNGA_TEACH_CACHE``, else the user's cache folder.

    The user's cache folder is ``$XDG_CACHE_HOME/unga_teach`` when that
    variable holds an absolute path (a relative one is ignored, as the XDG
    specification says), else ``~/.cache/unga_teach``.

    Raises
    ------
    CacheError
        No variable is set and there is no home directory.

    Examples
    --------
    >>> cache_dir().name == "unga_teach" or "UNGA_TEACH_CACHE" in os.environ
    True
    """
    env = os.environ.get("UNGA_TEACH_CACHE", "").strip()
    try:
        if env:
            return Path(env).expanduser().absolute()
        base = os.environ.get("XDG_CACHE_HOME", "").strip()
        if base and Path(base).expanduser().is_absolute():
            return Path(base).expanduser() / "unga_teach"
        return Path.home() / ".cache" / "unga_teach"
    except (RuntimeError, KeyError, OSError):
        raise CacheError(
            "there is no cache folder: no home directory was found and neither "
            "UNGA_TEACH_CACHE nor XDG_CACHE_HOME is set. Set UNGA_TEACH_CACHE to a folder "
            "you can write to, or read without the cache (cache=False, --no-cache)."
        ) from None


@dataclass(frozen=True)
class CacheStatus:
    """What a read did with the cache.

    Attributes
    ----------
    action : str
        ``"read"`` (a cached copy was used), ``"written"`` (the file was parsed
        and cached), ``"off"`` (``cache=False``) or ``"not written"`` (the file
        was parsed but the cache could not be written: see ``reason``).
    file : pathlib.Path or None
        The cache file read or written; ``None`` for ``off`` and ``not written``.
    reason : str
        Why the cache was not written (empty otherwise).

    Examples
    --------
    >>> str(CacheStatus("not written", None, "the disk is full"))
    'not used: the disk is full (the file was read without it)'
    """

    action: str
    file: Path | None = None
    reason: str = ""

    def __str__(self) -> str:
        if self.action in {"read", "written"}:
            return f"{self.action}: {self.file}"
        if self.action == "off":
            return "off"
        return f"not used: {self.reason} (the file was read without it)"


@dataclass(frozen=True)
class CacheUsage:
    """Where the cache is and how big it is (see :func:`cache_usage`)."""

    folder: Path
    entries: int
    size_bytes: int

    def __str__(self) -> str:
        return (f"{self.folder} ({self.entries} cached file(s), "
                f"{self.size_bytes / 1e6:.1f} MB)")


def _entries(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.glob(f"{_CACHE_PREFIX}*") if p.is_file()] \
            if folder.is_dir() else []
    except OSError as exc:
        raise CacheError(f"cannot list the cache folder {folder}: "
                         f"{exc.strerror or exc}") from None


def cache_usage() -> CacheUsage:
    """Where the cache is, how many official files it holds and its size.

    Examples
    --------
    >>> cache_usage().entries >= 0
    True
    """
    folder = cache_dir()
    files = _entries(folder)
    size = 0
    for p in files:
        with contextlib.suppress(OSError):
            size += p.stat().st_size
    rows = [p for p in files if p.name.endswith(".rows.parquet")]
    return CacheUsage(folder, len(rows), size)


def clear_cache() -> int:
    """Delete every cached official file; return the number of files deleted.

    Only files this package wrote (``undl-*`` in :func:`cache_dir`) are
    deleted; the folder itself stays.

    Raises
    ------
    CacheError
        A file cannot be deleted (with the reason).

    Examples
    --------
    >>> clear_cache() >= 0
    True
    """
    removed = 0
    for p in _entries(cache_dir()):
        try:
            p.unlink(missing_ok=True)
        except OSError as exc:
            raise CacheError(f"cannot delete {p}: {exc.strerror or exc}") from None
        removed += 1
    return removed


def cache_key(path: str | PathLike[str]) -> str:
    """Return the cache key of a file (see the module docstring for the design).

    SHA-256 over the cache format, the file size, its mtime in nanoseconds and
    its first and last MiB: a few milliseconds for any size of file.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "f.csv"
    >>> _ = p.write_text("a,b\\n1,2\\n")
    >>> len(cache_key(p))
    64
    """
    p = Path(path)
    try:
        st = p.stat()
        digest = hashlib.sha256(
            f"undl-cache-{CACHE_FORMAT}|{st.st_size}|{st.st_mtime_ns}|".encode())
        with p.open("rb") as fh:
            digest.update(fh.read(_SAMPLE))
            if st.st_size > _SAMPLE:
                fh.seek(max(_SAMPLE, st.st_size - _SAMPLE))
                digest.update(fh.read(_SAMPLE))
    except OSError as exc:
        raise DataFileError(f"cannot read the file: {exc.strerror or exc}.",
                            path=str(p)) from None
    return digest.hexdigest()


def cache_file(path: str | PathLike[str]) -> Path:
    """Where the Parquet cache of ``path`` is (or will be) stored.

    Two files: ``undl-<key>.rows.parquet`` (returned; one row per state per
    vote, a few small integer and categorical columns) and
    ``undl-<key>.votes.parquet`` (one row per vote: symbol, date, totals, ...).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "f.csv"
    >>> _ = p.write_text("a,b\\n1,2\\n")
    >>> cache_file(p).name.endswith(".rows.parquet")
    True
    """
    return cache_dir() / f"{_CACHE_PREFIX}{cache_key(path)[:40]}.rows.parquet"


# ------------------------------------------------------------------------ cache
def _cache_parts(rows_file: Path) -> tuple[Path, Path]:
    return rows_file, rows_file.with_name(rows_file.name.replace(".rows.", ".votes."))


_META_KEY = b"unga_teach"



def _in_order_of_appearance(values: pd.Categorical) -> bool:
    """Whether every category is used, in order of first appearance (no missing values)."""
    codes = np.asarray(values.codes)
    if not len(codes) or codes.min() < 0:
        return False
    running = np.maximum.accumulate(codes)
    return bool(codes[0] == 0 and np.all(codes[1:] <= running[:-1] + 1)
                and running[-1] == len(values.categories) - 1)


def _to_arrow(frame: pd.DataFrame, text_ok: bool = False) -> Any:
    """A pyarrow table with categoricals stored as plain integer codes.

    The categories go in the schema metadata: integer columns decode several
    times faster than dictionary columns, which keeps the cached load short.
    With ``text_ok`` (the per-vote table: one row per vote) a categorical
    whose categories are in order of appearance is stored as its text
    instead: encoding a few thousand strings again is faster than building
    the categories from JSON.
    """
    import json

    import pyarrow as pa

    arrays, names, cats, text = [], [], {}, []
    for col in frame.columns:
        values = frame[col]
        if isinstance(values.dtype, pd.CategoricalDtype):
            cat_values = values.array
            categories = [str(c) for c in values.cat.categories.to_numpy(dtype=object)]
            if (text_ok and not values.cat.ordered and values.cat.categories.dtype == "str"
                    and _in_order_of_appearance(cat_values)):
                arrays.append(pa.array(categories, type=pa.string()).take(
                    pa.array(np.asarray(cat_values.codes))))
                text.append(col)
            else:
                cats[col] = {"categories": categories, "ordered": bool(values.cat.ordered)}
                arrays.append(pa.array(
                    values.cat.codes.to_numpy().astype(code_dtype(len(categories)))))
        else:
            arrays.append(pa.Array.from_pandas(values))
        names.append(col)
    meta = {"format": CACHE_FORMAT, "categoricals": cats, "text": text}
    return pa.table(arrays, names=names).replace_schema_metadata(
        {_META_KEY: json.dumps(meta).encode("utf-8")})


def _from_arrow(table: Any) -> pd.DataFrame:
    """Inverse of :func:`_to_arrow`; raises ``ValueError`` on anything inconsistent."""
    import json

    meta = json.loads(table.schema.metadata[_META_KEY])
    if meta.get("format") != CACHE_FORMAT:
        raise ValueError("old cache format")
    cats = meta["categoricals"]
    text = set(meta["text"])
    out: dict[str, Any] = {}
    for col, column in zip(table.column_names, table.columns, strict=True):
        if col in cats:
            codes = column.to_numpy()
            categories = cats[col]["categories"]
            if len(codes) and (codes.min() < -1 or codes.max() >= len(categories)):
                raise ValueError(f"bad codes in {col}")
            dtype = pd.CategoricalDtype(pd.Index(categories, dtype="str"),
                                        ordered=cats[col]["ordered"])
            out[col] = pd.Categorical.from_codes(codes, dtype=dtype, validate=False)
        elif col in text:
            out[col] = categorical(column)
        else:
            out[col] = column.to_pandas()
    return pd.DataFrame(out, copy=False)


def read_cache(rows_file: Path) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """The per-row and per-vote tables cached in ``rows_file``, or ``None``.

    ``None`` when there is no usable entry: missing, damaged, of an old
    format, or in a folder that cannot be read. Never raises.
    """
    rows_path, votes_path = _cache_parts(rows_file)
    try:
        if not (rows_path.is_file() and votes_path.is_file()):
            return None
    except OSError:  # a folder we may not look into: read the file itself
        return None
    try:
        import pyarrow.parquet as pq

        rows = _from_arrow(pq.read_table(rows_path))
        votes = _from_arrow(pq.read_table(votes_path))
        if not set(ROW_COLUMNS) <= set(rows.columns) or "undl_id" not in votes.columns:
            return None
        if set(PER_VOTE_COLUMNS) - set(rows.columns) - set(votes.columns):
            return None
        if rows["vote"].dtype != VOTE_DTYPE:
            return None
        if "v" in rows.columns:
            if int(rows["v"].max()) >= len(votes) or int(rows["v"].min()) < 0:
                return None
        elif N_ROWS not in votes.columns or int(votes[N_ROWS].sum()) != len(rows) \
                or int(votes[N_ROWS].min()) < 0:
            return None
    except Exception:  # any damage: ignore the files and rebuild them
        return None
    with contextlib.suppress(OSError):
        os.utime(rows_path)  # most recently used
    return rows, votes


def write_cache(rows: pd.DataFrame, votes: pd.DataFrame, rows_file: Path) -> str | None:
    """Write a cache entry; return ``None`` when written, else the reason it was not.

    A read-only or full disk only costs speed: the caller reads without the
    cache and says so.
    """
    import pyarrow.parquet as pq

    rows_path, votes_path = _cache_parts(rows_file)
    tag = f".{os.getpid()}.{threading.get_ident()}.tmp"
    tmp_rows, tmp_votes = rows_path.with_name(rows_path.name + tag), \
        votes_path.with_name(votes_path.name + tag)
    try:
        rows_path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(_to_arrow(votes, text_ok=True), tmp_votes)
        pq.write_table(_to_arrow(rows), tmp_rows)
        os.replace(tmp_votes, votes_path)
        os.replace(tmp_rows, rows_path)  # last: the rows file marks a complete entry
    except OSError as exc:
        for tmp in (tmp_rows, tmp_votes):
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
        return f"cannot write the cache in {rows_path.parent}: {exc.strerror or exc}"
    with contextlib.suppress(OSError):  # keep the most recently used entries
        entries = sorted(rows_path.parent.glob(f"{_CACHE_PREFIX}*.rows.parquet"),
                         key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in entries[_CACHE_KEEP:]:
            for part in _cache_parts(stale):
                part.unlink(missing_ok=True)
    return None

