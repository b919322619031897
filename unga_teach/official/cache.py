"""The cache of parsed official files (one file per UN file).

The tidy frame of a parsed file is stored as an uncompressed Arrow IPC file
(``undl-<key>.arrow``) in ``$UNGA_TEACH_CACHE`` (default
``$XDG_CACHE_HOME/unga_teach`` or ``~/.cache/unga_teach``; a relative
``XDG_CACHE_HOME`` is ignored, as the XDG specification says). Text columns
are dictionary-encoded (small integer codes and a few thousand distinct
values), so the whole file takes about 35 MB. A cached load maps the file
into memory copy-on-write and wraps its columns without copying or decoding
them: pages are read from disk when they are first used, and a change to the
frame never reaches the file (on Windows, where a mapped file cannot be
deleted, the file is read into memory instead). Only the structure and the
dictionaries are checked on load (a cut-off or foreign file fails to open
and is rebuilt); the codes are not scanned, as that would read the whole
file on every load: the file is only ever written whole under a temporary
name and then renamed into place.

The key is a SHA-256 of the file's size, its modification time (ns), its
first and last MiB and the cache format version: a few milliseconds for any
file. A SHA-256 of all 360 MB would cost about 0.4 s on every load. Size +
mtime catch every download, copy or edit of the file; a new version of the UN
file adds votes, so its size differs even when an unzip or ``cp -p`` keeps an
old mtime, and the first and last MiB are a further check. Not caught: an
edit in the middle of the file that keeps both its size and its mtime (only
done on purpose). The last four files used are kept; a cache file that
cannot be read (damaged, or of an older format such as the Parquet files of
format 4) is ignored and rebuilt. A cache folder that cannot be used only
costs speed: the file is read without it and the caller is told why
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
from .codes import UNDL_OUTPUT_COLUMNS

#: Bump when the cached frame's layout changes: old cache files are then ignored
#: (4 was two Parquet files per entry; 5 is one Arrow IPC file of the tidy frame).
CACHE_FORMAT = 5
_CACHE_SUFFIX = ".arrow"
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
        and its cache file opened; a thread finishes writing it, and anyone
        who asks for it waits for that: see :func:`write_cache`), ``"off"``
        (``cache=False``) or ``"not written"`` (the file was parsed but the
        cache could not be written: see ``reason``).
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
    wait_for_writes()
    files = _entries(folder)
    size = 0
    for p in files:
        with contextlib.suppress(OSError):
            size += p.stat().st_size
    entries = [p for p in files if p.name.endswith(_CACHE_SUFFIX)]
    return CacheUsage(folder, len(entries), size)


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
    folder = cache_dir()
    wait_for_writes()
    for p in _entries(folder):
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
    """Where the cache of ``path`` is (or will be) stored: ``undl-<key>.arrow``.

    One Arrow IPC file holding the tidy frame of :func:`read_undl` with
    ``resolutions="all"``. When that file is being written (see
    :func:`write_cache`), waits until it is complete.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "f.csv"
    >>> _ = p.write_text("a,b\\n1,2\\n")
    >>> cache_file(p).name.endswith(".arrow")
    True
    """
    found = cache_dir() / f"{_CACHE_PREFIX}{cache_key(path)[:40]}{_CACHE_SUFFIX}"
    wait_for_writes(found)  # a write under way: the file is complete when we return
    return found


# ------------------------------------------------------------------------ cache
_META_KEY = b"unga_teach"


def _to_arrow(frame: pd.DataFrame) -> Any:
    """The frame as a pyarrow table without copying its columns.

    Categoricals become dictionary arrays (their codes as indices, missing
    values as nulls), numbers and dates stay as they are, nullable integers
    keep their mask.
    """
    import json

    import pyarrow as pa

    arrays = []
    for col in frame.columns:
        values = frame[col].array
        if isinstance(values, pd.Categorical):
            codes = np.ascontiguousarray(values.codes)
            missing = codes < 0
            count = int(missing.sum())
            # the codes as they are: -1 stays in the slot of a missing value (marked null)
            valid = pa.array(~missing).buffers()[1] if count else None
            indices = pa.Array.from_buffers(pa.from_numpy_dtype(codes.dtype), len(codes),
                                            [valid, pa.py_buffer(codes)], null_count=count)
            dictionary = pa.array(values.categories.array)  # pandas' str: large_string
            arrays.append(pa.DictionaryArray.from_arrays(  # pandas' codes are in range
                indices, dictionary, ordered=bool(values.ordered), safe=False))
        elif isinstance(values, pd.arrays.IntegerArray):
            arrays.append(pa.array(values.to_numpy(dtype=values.dtype.numpy_dtype,
                                                   na_value=0),
                                   mask=np.asarray(values.isna())))
        else:
            array = np.asarray(values)
            if array.dtype.kind == "M":  # the int64 values as they are (NaT included): no copy
                unit = np.datetime_data(array.dtype)[0]
                ticks = np.ascontiguousarray(array).view(np.int64)
                arrays.append(pa.Array.from_buffers(pa.timestamp(unit), len(array),
                                                    [None, pa.py_buffer(ticks)]))
            elif array.dtype.kind in "iuf":
                arrays.append(pa.array(array))
            else:
                raise TypeError(f"column {col!r} of dtype {array.dtype} cannot be cached")
    meta = {"format": CACHE_FORMAT}
    return pa.table(arrays, names=list(frame.columns)).replace_schema_metadata(
        {_META_KEY: json.dumps(meta).encode("utf-8")})


def _view(memory: Any, base: int, array: Any, dtype: Any) -> np.ndarray:
    """The values of a pyarrow array as a numpy view of ``memory`` (writable if it is)."""
    values = array.buffers()[1]
    dtype = np.dtype(dtype)
    offset = values.address - base + array.offset * dtype.itemsize
    if offset < 0:
        raise ValueError("a column outside the cache file")
    return np.frombuffer(memory, dtype=dtype, count=len(array), offset=offset)


def _categories(dictionary: Any, ordered: bool) -> pd.CategoricalDtype:
    """The categorical dtype of a dictionary read from the cache.

    pyarrow checks that the values are distinct and not null (in C++, a
    fraction of what pandas' own check costs on a few thousand strings).
    """
    import pyarrow.compute as pc

    if dictionary.null_count or len(pc.unique(dictionary)) != len(dictionary):
        raise ValueError("a dictionary with repeated or missing values")
    categories = pd.Index(pd.array(dictionary, dtype="str"))
    try:  # pandas' own constructor without its checks (done above)
        return pd.CategoricalDtype._from_fastpath(categories, ordered)  # type: ignore[attr-defined]
    except (AttributeError, TypeError):  # another pandas: the public constructor
        return pd.CategoricalDtype(categories, ordered=ordered)


def _from_arrow(batch: Any, memory: Any, base: int) -> pd.DataFrame:
    """Inverse of :func:`_to_arrow` for a batch read from ``memory`` (no copy of the rows).

    Raises ``ValueError`` (or another exception) on anything inconsistent.
    """
    import json

    import pyarrow as pa

    meta = json.loads(batch.schema.metadata[_META_KEY])
    if meta.get("format") != CACHE_FORMAT:
        raise ValueError("old cache format")
    out: dict[str, Any] = {}
    for col, array in zip(batch.schema.names, batch.columns, strict=True):
        kind = array.type
        if pa.types.is_dictionary(kind):
            indices = array.indices  # -1 where a value is missing (see _to_arrow)
            codes = _view(memory, base, indices, indices.type.to_pandas_dtype())
            dtype = _categories(array.dictionary, kind.ordered)
            if dtype == VOTE_DTYPE:
                dtype = VOTE_DTYPE
            out[col] = pd.Categorical.from_codes(codes, dtype=dtype, validate=False)
        elif pa.types.is_timestamp(kind):
            out[col] = _view(memory, base, array, f"datetime64[{kind.unit}]")
        elif pa.types.is_integer(kind) or pa.types.is_floating(kind):
            values = _view(memory, base, array, kind.to_pandas_dtype())
            if not array.null_count:
                out[col] = values
            elif values.dtype.kind in "iu":  # a nullable integer column (blank totals)
                mask = ~array.is_valid().to_numpy(zero_copy_only=False)
                out[col] = pd.arrays.IntegerArray(values, mask)
            else:
                raise ValueError(f"missing values in {col}")
        else:
            raise ValueError(f"unexpected column {col} of type {kind}")
    return pd.DataFrame(out, copy=False)


def _map(path: Path) -> Any:
    """The bytes of ``path``, mapped copy-on-write (read into memory on Windows)."""
    import mmap

    with path.open("rb") as fh:
        if os.name == "nt":  # a mapped file could not be deleted or replaced
            return bytearray(fh.read())
        return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_COPY)


def read_cache(cache_path: Path) -> pd.DataFrame | None:
    """The tidy frame cached in ``cache_path``, or ``None``.

    ``None`` when there is no usable entry: missing, damaged, of an old
    format, or in a folder that cannot be read. Never raises.
    """
    wait_for_writes(cache_path)
    try:
        if not cache_path.is_file():
            return None
    except OSError:  # a folder we may not look into: read the file itself
        return None
    try:
        import pyarrow as pa
        import pyarrow.ipc as ipc

        memory = _map(cache_path)
        buffer = pa.py_buffer(memory)
        reader = ipc.open_file(buffer)
        if reader.num_record_batches != 1:
            return None
        frame = _from_arrow(reader.get_batch(0), memory, buffer.address)
        if list(frame.columns) != UNDL_OUTPUT_COLUMNS or frame["vote"].dtype != VOTE_DTYPE:
            return None
    except Exception:  # any damage: ignore the file and rebuild it
        return None
    with contextlib.suppress(OSError):
        os.utime(cache_path)  # most recently used
    return frame


#: cache file -> the thread still writing it (see :func:`write_cache`)
_PENDING: dict[Path, threading.Thread] = {}
_PENDING_LOCK = threading.Lock()


def wait_for_writes(cache_path: Path | None = None) -> None:
    """Wait until the cache file ``cache_path`` (default: every one) is written."""
    with _PENDING_LOCK:
        threads = [t for p, t in _PENDING.items() if cache_path is None or p == cache_path]
    for thread in threads:
        thread.join()


def _open_sink(path: Path) -> Any:
    """A new file to write the cache into (fails at once in a folder we may not write)."""
    import pyarrow as pa

    path.parent.mkdir(parents=True, exist_ok=True)
    return pa.OSFile(str(path), "wb")


def _write_ipc(table: Any, sink: Any) -> None:
    """Write ``table`` into ``sink`` as one uncompressed Arrow IPC record batch."""
    import pyarrow.ipc as ipc

    with ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table, max_chunksize=max(1, table.num_rows))


def _prune(folder: Path) -> None:
    """Keep the most recently used entries; delete old formats and abandoned files."""
    import time

    with contextlib.suppress(OSError):
        entries = sorted(folder.glob(f"{_CACHE_PREFIX}*{_CACHE_SUFFIX}"),
                         key=lambda p: p.stat().st_mtime, reverse=True)
        stale = [*entries[_CACHE_KEEP:], *folder.glob(f"{_CACHE_PREFIX}*.parquet")]
        # a write cut short (the process was killed) leaves its .tmp file behind
        stale += [p for p in folder.glob(f"{_CACHE_PREFIX}*.tmp")
                  if p.stat().st_mtime < time.time() - 3600]
        for p in stale:
            p.unlink(missing_ok=True)


def _finish(table: Any, sink: Any, tmp: Path, cache_path: Path, *keep: Any) -> str | None:
    """Write, then rename into place; return the reason when it failed.

    ``keep`` holds the frame the table's columns belong to until the write is
    done: while it lives, pandas copies a column before changing it (copy on
    write), so a change made meanwhile never reaches the cache.
    """
    try:
        try:
            with sink:
                _write_ipc(table, sink)
            os.replace(tmp, cache_path)
        except Exception as exc:  # a full disk, or anything else: no cache, no harm
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            return f"cannot write the cache in {cache_path.parent}: {reason}"
        _prune(cache_path.parent)
        return None
    finally:
        with _PENDING_LOCK:
            if _PENDING.get(cache_path) is threading.current_thread():
                del _PENDING[cache_path]


def write_cache(frame: pd.DataFrame, cache_path: Path, *,
                background: bool = False) -> str | None:
    """Write a cache entry; return ``None`` when written, else the reason it was not.

    A read-only or full disk only costs speed: the caller reads without the
    cache and says so. Older entries beyond the last four used, and files of
    older cache formats, are deleted.

    With ``background``, the file is opened here (a folder that cannot be
    written is reported at once) and written by a thread: the caller gets the
    frame about 25 ms sooner. Whoever asks for that cache file next
    (:func:`cache_file`, :func:`read_cache`, :func:`cache_usage`,
    :func:`clear_cache`) waits for the thread; the interpreter waits for it
    at exit. Should the write itself fail (a disk that fills up meanwhile),
    the next read finds no cache and parses the file again.
    """
    tmp = cache_path.with_name(f"{cache_path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        sink = _open_sink(tmp)
    except OSError as exc:
        return f"cannot write the cache in {cache_path.parent}: {exc.strerror or exc}"
    try:
        table = _to_arrow(frame)
    except BaseException:
        sink.close()
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
    if not background:
        return _finish(table, sink, tmp, cache_path)
    wait_for_writes(cache_path)
    thread = threading.Thread(target=_finish, args=(table, sink, tmp, cache_path, frame),
                              name=f"unga-teach cache {cache_path.name}", daemon=False)
    with _PENDING_LOCK:
        _PENDING[cache_path] = thread
    thread.start()
    return None
