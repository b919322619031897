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
deleted, the file is read into memory instead). The file is only ever
written whole under a temporary name and then renamed into place.

Each entry stores the key of its source (below), its number of rows and a
checksum of every column (:func:`checksum`: CRC-32 of the vote and country
codes, 64-bit word sums of the rest, about 5 ms for the whole official file).
:func:`load_cache` checks them, and the range of the vote codes, before any
value is used: an entry that is damaged (a flipped byte, a cut-off file),
of an older format, or copied from another file's entry is never used; it is
rebuilt from the file and the caller says so (``rebuilt from the file: ...``
in :class:`CacheStatus`, a warning from :func:`read_undl`).

The key is a SHA-256 of the file's size, its modification time (ns), its
first and last MiB and the cache format version: a few milliseconds for any
file. A SHA-256 of all 360 MB would cost about 0.4 s on every load. Size +
mtime catch every download, copy or edit of the file; a new version of the UN
file adds votes, so its size differs even when an unzip or ``cp -p`` keeps an
old mtime, and the first and last MiB are a further check. Not caught: an
edit in the middle of the file that keeps both its size and its mtime (only
done on purpose). The last four files used are kept; a cache file that
cannot be read (damaged, or of an older format such as the Parquet files of
format 4) is ignored and rebuilt. Only the names this package writes are
ever deleted (``undl-<40 hex>.arrow``, its titles and their temporary
files). A cache folder that cannot be used only costs speed: the file is
read without it and the caller is told why (:class:`CacheStatus`).

Public handles: :func:`cache_dir`, :func:`cache_usage`, :func:`clear_cache`
(``unga-teach cache`` and ``unga-teach cache --clear``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import threading
import zlib
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
#: (4 was two Parquet files per entry; 5 is one Arrow IPC file of the tidy frame;
#: 6 adds the source key, the row count and the checksum to its metadata).
CACHE_FORMAT = 6
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
        Why the cache was not written; for ``written``, why a cached copy
        was rebuilt (it did not match its source: see :func:`load_cache`);
        empty otherwise.

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
            extra = f" ({self.reason})" if self.reason else ""
            return f"{self.action}: {self.file}{extra}"
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


#: The names this package writes in the cache folder (and only these are deleted):
#: ``undl-<40 hex>.arrow``, its titles, their temporary files, and format 4's Parquet files.
_OWN_NAME = re.compile(
    r"undl-[0-9a-f]{40}(?:\.arrow|\.titles\.feather|\.titles\.tmp"
    r"|\.arrow\.\d+\.\d+\.tmp|\.(?:rows|votes)\.parquet)")


def _entries(folder: Path) -> list[Path]:
    """The files of ``folder`` that this package wrote (see ``_OWN_NAME``).

    A missing folder has none; a folder that cannot be listed (no permission,
    or a file where the folder should be) raises :class:`CacheError`.
    """
    try:
        with os.scandir(folder) as it:
            return [Path(e.path) for e in it
                    if _OWN_NAME.fullmatch(e.name) and e.is_file(follow_symlinks=False)]
    except FileNotFoundError:
        return []
    except NotADirectoryError:
        raise CacheError(f"the cache folder {folder} is a file, not a folder. Set "
                         "UNGA_TEACH_CACHE to a folder (or unset it).") from None
    except OSError as exc:
        raise CacheError(f"cannot list the cache folder {folder}: "
                         f"{exc.strerror or exc}; nothing was counted or deleted.") from None


def cache_usage() -> CacheUsage:
    """Where the cache is, how many official files it holds and its size.

    Raises
    ------
    CacheError
        The folder cannot be listed (the message says so: it is never
        reported as empty).

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

    Only the names this package writes (``undl-<key>.arrow``, its titles and
    their temporary files, in :func:`cache_dir`) are deleted: any other file
    there, even one called ``undl-...`` (a download of yours), stays; the
    folder itself stays.

    Raises
    ------
    CacheError
        The folder cannot be listed, or a file cannot be deleted (with the
        reason).

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
    return cache_entry(path)[0]


def cache_entry(path: str | PathLike[str]) -> tuple[Path, str]:
    """The cache file of ``path`` (see :func:`cache_file`) and the key of ``path``.

    The key (:func:`cache_key`) is stored inside the entry when it is written
    and compared when it is read (:func:`load_cache`): an entry copied over
    another one is never used for the wrong file.
    """
    key = cache_key(path)
    found = cache_dir() / f"{_CACHE_PREFIX}{key[:40]}{_CACHE_SUFFIX}"
    wait_for_writes(found)  # a write under way: the file is complete when we return
    return found, key


# ------------------------------------------------------------------------ cache
_META_KEY = b"unga_teach"

#: Columns summed byte by byte in order (CRC-32): a swap of two codes, which keeps
#: the sum of a column, is caught there. Every other column is summed word by word
#: (any changed byte is caught: about 2 ms for the whole official file).
ORDERED_COLUMNS: tuple[str, ...] = ("vote", "iso3")

#: A part of the checksum: the column, its Arrow type (a timestamp's unit, a
#: dictionary's order ...), its values (codes of a text column), its dictionary
#: (or None) and its mask of missing values (or None).
_Part = tuple[str, str, np.ndarray, Any, "np.ndarray | None"]


def _dictionary_bytes(dictionary: Any) -> bytes:
    """The strings of a pyarrow string dictionary as bytes (offsets and characters).

    Read from its buffers as they are: a few microseconds for thousands of values.
    """
    import pyarrow as pa

    if dictionary is None:
        return b""
    if not (pa.types.is_string(dictionary.type) or pa.types.is_large_string(dictionary.type)):
        return str(dictionary.to_pylist()).encode("utf-8", "surrogatepass")
    n = len(dictionary)
    width = np.int64 if pa.types.is_large_string(dictionary.type) else np.int32
    bufs = dictionary.buffers()
    offsets = np.frombuffer(bufs[1], dtype=width, count=n + 1,
                            offset=dictionary.offset * np.dtype(width).itemsize)
    start, stop = int(offsets[0]), int(offsets[-1])
    if start < 0 or stop < start or (bufs[2] is None and stop > start):
        raise ValueError("a damaged dictionary")
    chars = b"" if bufs[2] is None else memoryview(bufs[2])[start:stop]
    return bytes((offsets - start).astype(np.int64).tobytes()) + bytes(chars)


def _word_sum(data: np.ndarray) -> bytes:
    """The sum of the bytes of ``data`` as 64-bit words (mod 2**64), its tail and its size."""
    raw = np.ascontiguousarray(data).reshape(-1).view(np.uint8)
    whole = len(raw) // 8 * 8
    total = int(raw[:whole].view(np.uint64).sum(dtype=np.uint64)) if whole else 0
    return total.to_bytes(8, "little") + bytes(raw[whole:]) + len(raw).to_bytes(8, "little")


def checksum(parts: list[_Part]) -> str:
    """A digest of every column of the cached frame (hex), made when it is written.

    Every byte of every column counts, and its Arrow type (a timestamp's
    unit, a dictionary's order): the codes of :data:`ORDERED_COLUMNS`
    through CRC-32 (order matters: two states' votes swapped are caught),
    the values of every other column as a sum of 64-bit words (any changed
    byte is caught), and every dictionary and mask of missing values. About
    5 ms for the whole official file (a CRC-32 of everything would take 35).

    Examples
    --------
    >>> codes = np.array([0, 1, -1], dtype=np.int8)
    >>> checksum([("vote", "int8", codes, None, None)]) == checksum(
    ...     [("vote", "int8", codes[::-1].copy(), None, None)])
    False
    """
    digest = hashlib.blake2b(digest_size=16)
    for name, kind, values, dictionary, mask in parts:
        digest.update(f"{name}\x00{kind}\x00".encode())
        if name in ORDERED_COLUMNS:
            raw = np.ascontiguousarray(values).reshape(-1).view(np.uint8)
            crc = zlib.crc32(raw.data)  # the array's own buffer: no copy
            digest.update(crc.to_bytes(4, "little") + len(raw).to_bytes(8, "little"))
        else:
            digest.update(_word_sum(values))
        if dictionary is not None:
            digest.update(_dictionary_bytes(dictionary))
        if mask is not None:
            digest.update(_word_sum(np.asarray(mask, dtype=np.bool_)))
    return digest.hexdigest()


def _to_arrow(frame: pd.DataFrame) -> tuple[Any, list[_Part]]:
    """The frame as a pyarrow table without copying its columns, and its checksum parts.

    Categoricals become dictionary arrays (their codes as indices, missing
    values as nulls), numbers and dates stay as they are, nullable integers
    keep their mask.
    """
    import pyarrow as pa

    arrays = []
    parts: list[_Part] = []
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
            parts.append((str(col), str(arrays[-1].type), codes, dictionary, None))
        elif isinstance(values, pd.arrays.IntegerArray):
            plain = values.to_numpy(dtype=values.dtype.numpy_dtype, na_value=0)
            mask = np.asarray(values.isna())
            arrays.append(pa.array(plain, mask=mask))
            parts.append((str(col), str(arrays[-1].type), plain, None,
                          mask if mask.any() else None))
        else:
            array = np.asarray(values)
            if array.dtype.kind == "M":  # the int64 values as they are (NaT included): no copy
                unit = np.datetime_data(array.dtype)[0]
                ticks = np.ascontiguousarray(array).view(np.int64)
                arrays.append(pa.Array.from_buffers(pa.timestamp(unit), len(array),
                                                    [None, pa.py_buffer(ticks)]))
                parts.append((str(col), str(arrays[-1].type), ticks, None, None))
            elif array.dtype.kind in "iuf":
                arrays.append(pa.array(array))
                parts.append((str(col), str(arrays[-1].type), array, None, None))
            else:
                raise TypeError(f"column {col!r} of dtype {array.dtype} cannot be cached")
    return pa.table(arrays, names=list(frame.columns)), parts


def _with_meta(table: Any, parts: list[_Part], key: str) -> Any:
    """The table with the metadata checked on load: format, source key, rows, checksum."""
    import json

    meta = {"format": CACHE_FORMAT, "key": key, "rows": table.num_rows,
            "checksum": checksum(parts)}
    return table.replace_schema_metadata({_META_KEY: json.dumps(meta).encode("utf-8")})


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

    Called only once the entry's checksum matched (see :func:`_from_arrow`):
    the dictionary is then byte for byte the one written from pandas'
    categories, which are distinct and not null, so pandas' own checks (and
    a pass of pyarrow over the values) are not needed.
    """
    if dictionary.null_count:
        raise ValueError("a dictionary with missing values")
    categories = pd.Index(pd.array(dictionary, dtype="str"))
    try:  # pandas' own constructor without its checks (see above)
        return pd.CategoricalDtype._from_fastpath(categories, ordered)  # type: ignore[attr-defined]
    except (AttributeError, TypeError):  # another pandas: the public constructor
        return pd.CategoricalDtype(categories, ordered=ordered)


class CacheMismatch(ValueError):
    """A cache entry that does not match its source (see :func:`load_cache`)."""


def _from_arrow(batch: Any, memory: Any, base: int,
                key: str | None = None) -> pd.DataFrame:
    """Inverse of :func:`_to_arrow` for a batch read from ``memory`` (no copy of the rows).

    Checks the format, the source key (when given), the checksum of every
    column (:func:`checksum`, before any value is used) and the range of
    the vote codes. Raises
    :class:`CacheMismatch` (or another exception) on anything inconsistent.
    """
    import json

    import pyarrow as pa

    meta = json.loads(batch.schema.metadata[_META_KEY])
    if meta.get("format") != CACHE_FORMAT:
        raise CacheMismatch("it is of an older cache format")
    if key is not None and meta.get("key") != key:
        raise CacheMismatch("it was written for another file (or another version of it)")
    if meta.get("rows") != batch.num_rows:
        raise CacheMismatch(f"it has {batch.num_rows} rows, {meta.get('rows')} when written")
    batch.validate()  # buffer sizes against lengths, without reading the values
    # first the checksum, before any value is interpreted (a damaged dictionary could
    # otherwise crash pyarrow's own functions): it reads the buffers with numpy only
    views: list[tuple[str, Any, np.ndarray, np.ndarray | None]] = []
    parts: list[_Part] = []
    for col, array in zip(batch.schema.names, batch.columns, strict=True):
        kind = array.type
        mask = None
        if pa.types.is_dictionary(kind):
            indices = array.indices  # -1 where a value is missing (see _to_arrow)
            codes = _view(memory, base, indices, indices.type.to_pandas_dtype())
            parts.append((str(col), str(kind), codes, array.dictionary, None))
        elif pa.types.is_timestamp(kind) or pa.types.is_integer(kind) \
                or pa.types.is_floating(kind):
            dtype = (f"datetime64[{kind.unit}]" if pa.types.is_timestamp(kind)
                     else kind.to_pandas_dtype())
            codes = _view(memory, base, array, dtype)
            if array.null_count:
                mask = ~array.is_valid().to_numpy(zero_copy_only=False)
            parts.append((str(col), str(kind), codes, None, mask))
        else:
            raise ValueError(f"unexpected column {col} of type {kind}")
        views.append((str(col), array, codes, mask))
    if [name for name, _, _, _ in views] != UNDL_OUTPUT_COLUMNS:
        raise CacheMismatch("its columns are not the reader's")
    if checksum(parts) != meta.get("checksum"):
        raise CacheMismatch("its checksum does not match the one stored when it was written")
    out: dict[str, Any] = {}
    for col, array, values, mask in views:
        kind = array.type
        if pa.types.is_dictionary(kind):
            dictionary = array.dictionary
            if col == "vote" and len(values) and (int(values.min()) < -1
                                                  or int(values.max()) >= len(dictionary)):
                raise CacheMismatch("its vote codes are out of range")
            dtype = _categories(dictionary, kind.ordered)
            if dtype == VOTE_DTYPE:
                dtype = VOTE_DTYPE
            out[col] = pd.Categorical.from_codes(values, dtype=dtype, validate=False)
        elif mask is None:
            out[col] = values
        elif values.dtype.kind in "iu":  # a nullable integer column (blank totals)
            out[col] = pd.arrays.IntegerArray(values, mask)
        else:
            raise ValueError(f"missing values in {col}")
    return pd.DataFrame(out, copy=False)


def _map(path: Path) -> Any:
    """The bytes of ``path``, mapped copy-on-write (read into memory on Windows)."""
    import mmap

    with path.open("rb") as fh:
        if os.name == "nt":  # a mapped file could not be deleted or replaced
            return bytearray(fh.read())
        return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_COPY)


def load_cache(cache_path: Path, key: str | None = None) -> tuple[pd.DataFrame | None, str]:
    """The tidy frame cached in ``cache_path`` and, when it is not usable, why.

    Returns ``(frame, "")`` for a good entry, ``(None, "")`` when there is
    none (or the folder cannot be read), and ``(None, reason)`` when the
    entry exists but does not match: damaged, cut off, of an older format,
    written for another source (``key``, see :func:`cache_entry`), a vote
    code out of range, or a checksum (see :func:`checksum`) that differs
    from the one stored when it was written. The caller then rebuilds it from
    the file and says so. Never raises.
    """
    wait_for_writes(cache_path)
    try:
        if not cache_path.is_file():
            return None, ""
    except OSError:  # a folder we may not look into: read the file itself
        return None, ""
    try:
        import pyarrow as pa
        import pyarrow.ipc as ipc

        memory = _map(cache_path)
        buffer = pa.py_buffer(memory)
        reader = ipc.open_file(buffer)
        if reader.num_record_batches != 1:
            return None, "the cached copy was damaged (it has more than one part)"
        frame = _from_arrow(reader.get_batch(0), memory, buffer.address, key)
        if frame["vote"].dtype != VOTE_DTYPE:
            raise CacheMismatch("its vote codes are not the reader's")
    except CacheMismatch as exc:
        return None, f"the cached copy did not match its source: {exc}"
    except Exception as exc:  # any damage: ignore the file and rebuild it
        what = type(exc).__name__
        return None, f"the cached copy was damaged ({what})"
    with contextlib.suppress(OSError):
        os.utime(cache_path)  # most recently used
    return frame, ""


def read_cache(cache_path: Path, key: str | None = None) -> pd.DataFrame | None:
    """The tidy frame cached in ``cache_path``, or ``None`` (see :func:`load_cache`).

    ``None`` when there is no usable entry: missing, damaged, of an old
    format, not matching ``key``, or in a folder that cannot be read. Never
    raises.
    """
    return load_cache(cache_path, key)[0]


#: cache file -> the thread still writing it (see :func:`write_cache`)
_PENDING: dict[Path, threading.Thread] = {}
#: cache file -> why its last background write failed (see :func:`write_outcome`)
_FAILED: dict[Path, str] = {}
_PENDING_LOCK = threading.Lock()


def wait_for_writes(cache_path: Path | None = None) -> None:
    """Wait until the cache file ``cache_path`` (default: every one) is written.

    Every thread in the table was started before it was put there (see
    :func:`write_cache`), so joining it never fails.
    """
    with _PENDING_LOCK:
        threads = [t for p, t in _PENDING.items() if cache_path is None or p == cache_path]
    for thread in threads:
        if thread is not threading.current_thread():
            thread.join()


def write_outcome(cache_path: Path) -> str | None:
    """Wait for the background write of ``cache_path``; ``None`` if it was written, else why not.

    Examples
    --------
    >>> write_outcome(Path("/no/such/undl-x.arrow")) is None
    True
    """
    wait_for_writes(cache_path)
    with _PENDING_LOCK:
        return _FAILED.get(cache_path)


def _open_sink(path: Path) -> Any:
    """A new file to write the cache into (fails at once in a folder we may not write).

    The folder is created if needed; a temporary name of this process and
    thread, opened with an exclusive create, is renamed onto the entry when
    complete (see :func:`_finish`), so a reader never sees a partial entry.
    """
    import pyarrow as pa

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OSError(f"{path.parent} is a file, not a folder (check UNGA_TEACH_CACHE)") from None
    if not path.parent.is_dir():
        raise OSError(f"{path.parent} is not a folder (check UNGA_TEACH_CACHE)")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    os.close(fd)
    return pa.OSFile(str(path), "wb")


def _write_ipc(table: Any, sink: Any) -> None:
    """Write ``table`` into ``sink`` as one uncompressed Arrow IPC record batch."""
    import pyarrow.ipc as ipc

    with ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table, max_chunksize=max(1, table.num_rows))


def _prune(folder: Path) -> None:
    """Keep the most recently used entries; delete old formats and abandoned files.

    Only names this package writes are touched (see ``_OWN_NAME``).
    """
    import time

    with contextlib.suppress(OSError, CacheError):
        own = _entries(folder)
        entries = sorted((p for p in own if p.name.endswith(_CACHE_SUFFIX)),
                         key=lambda p: p.stat().st_mtime, reverse=True)
        stale = [*entries[_CACHE_KEEP:], *(p for p in own if p.name.endswith(".parquet"))]
        stale += [p.with_name(p.name.removesuffix(_CACHE_SUFFIX) + ".titles.feather")
                  for p in entries[_CACHE_KEEP:]]
        # a write cut short (the process was killed) leaves its .tmp file behind
        stale += [p for p in own if p.name.endswith(".tmp")
                  and p.stat().st_mtime < time.time() - 3600]
        for p in stale:
            with contextlib.suppress(OSError):
                p.unlink(missing_ok=True)


def _finish(table: Any, parts: list[_Part], key: str, sink: Any, tmp: Path,
            cache_path: Path, *keep: Any) -> str | None:
    """Compute the checksum, write, then rename into place; return the reason when it failed.

    ``keep`` holds the frame the table's columns belong to until the write is
    done: while it lives, pandas copies a column before changing it (copy on
    write), so a change made meanwhile never reaches the cache.
    """
    reason: str | None = None
    try:
        try:
            table = _with_meta(table, parts, key)
            with sink:
                _write_ipc(table, sink)
            os.replace(tmp, cache_path)
        except Exception as exc:  # a full disk, or anything else: no cache, no harm
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            reason = f"cannot write the cache in {cache_path.parent}: {why}"
            return reason
        _prune(cache_path.parent)
        return None
    finally:
        with _PENDING_LOCK:
            if reason is None:
                _FAILED.pop(cache_path, None)
            else:
                _FAILED[cache_path] = reason
            if _PENDING.get(cache_path) is threading.current_thread():
                del _PENDING[cache_path]


def write_cache(frame: pd.DataFrame, cache_path: Path, *, key: str = "",
                background: bool = False) -> str | None:
    """Write a cache entry; return ``None`` when written, else the reason it was not.

    ``key`` is the source's :func:`cache_key`, stored in the entry with a
    checksum of its vote columns (both checked by :func:`load_cache`). A
    read-only or full disk only costs speed: the caller reads without the
    cache and says so. Older entries beyond the last four used, and files of
    older cache formats, are deleted.

    With ``background``, the file is opened here (a folder that cannot be
    written is reported at once) and written by a thread: the caller gets the
    frame about 25 ms sooner. Whoever asks for that cache file next
    (:func:`cache_file`, :func:`read_cache`, :func:`cache_usage`,
    :func:`clear_cache`) waits for the thread; the interpreter waits for it
    at exit. Should the write itself fail (a disk that fills up meanwhile),
    :func:`write_outcome` says why and the next read parses the file again.
    """
    tmp = cache_path.with_name(f"{cache_path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        sink = _open_sink(tmp)
    except OSError as exc:
        return f"cannot write the cache in {cache_path.parent}: {exc.strerror or exc}"
    try:
        table, parts = _to_arrow(frame)
    except BaseException:
        sink.close()
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
    if not background:
        return _finish(table, parts, key, sink, tmp, cache_path)
    wait_for_writes(cache_path)
    thread = threading.Thread(target=_finish,
                              args=(table, parts, key, sink, tmp, cache_path, frame),
                              name=f"unga-teach cache {cache_path.name}", daemon=False)
    with _PENDING_LOCK:  # started before anyone can see it: join() never meets a new thread
        thread.start()
        _PENDING[cache_path] = thread
    return None
