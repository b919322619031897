"""The official UN record: the Digital Library's "General Assembly Voting Data" file.

The UN Dag Hammarskjöld Library publishes every recorded vote on an adopted
General Assembly resolution since 1946 as one CSV file (record 4060887, about
950,000 rows, 360 MB): one row per member state per resolution, with columns
``undl_id, ms_code, ms_name, ms_vote, date, session, resolution, draft,
committee_report, meeting, title, agenda_title, subjects, vote_note,
total_yes, total_no, total_abstentions, total_non_voting, total_ms,
undl_link``. The course does not ship it; an instructor downloads it and
points the kit at it.

* :func:`read_undl` reads it (plain or ``.gz``) fast with pyarrow into the
  course's tidy schema, checks it, and caches it as Parquet.
* :func:`use_official_record` makes every loader use the official rows for
  the course votes the file covers (``coverage()["record"] == "official"``).
* :func:`compare_with_official` lists every difference between the shipped
  data and the official file.
* :func:`agreement_matrix` computes the agreement between every pair of
  states over any selection of votes, for the course data or the whole file.

Nothing is read at import time.

The cache
---------
The parsed file is stored as Parquet in ``$UNGA_TEACH_CACHE`` (default
``$XDG_CACHE_HOME/unga_teach`` or ``~/.cache/unga_teach``), in two files: one
row per state per vote (code, vote, name, note: small integer category codes,
plus the vote's position when the rows of a vote are not contiguous) and one
row per vote (symbol, draft, session, date, link, totals, number of rows).
Rebuilding the tidy frame from them is a few array copies (``np.repeat`` of
the per-vote values), so a cached load of the full file takes about 30 ms.

The key is a SHA-256 of the file's size, its modification time (ns), its
first and last MiB and the cache format version: a few milliseconds for any
file. A SHA-256 of all 360 MB would cost about 0.4 s on every load, more than
the whole cached load, and a third of the time pandas needs to read the file.
Size + mtime catch every download, copy or edit of the file (an edit that
keeps the size still changes the mtime); a new version of the UN file adds
votes, so its size differs even when an unzip or ``cp -p`` keeps an old
mtime, and the first and last MiB are a further check. Not caught: an edit
in the middle of the file that keeps both its size and its mtime (only done
on purpose). The price: a copy of an unchanged file (new mtime) is parsed
once more. The last four files used
are kept; a cache file that cannot be read is ignored and rebuilt.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import hashlib
import os
import re
import threading
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from os import PathLike
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
import pandas as pd

from . import record
from .categories import CONFIDENCE_DTYPE, VOTE_DTYPE
from .errors import DataFileError, UngaTeachError

#: Columns of the official file, in the documented order (read by name).
UNDL_COLUMNS: list[str] = [
    "undl_id", "ms_code", "ms_name", "ms_vote", "date", "session", "resolution", "draft",
    "committee_report", "meeting", "title", "agenda_title", "subjects", "vote_note",
    "total_yes", "total_no", "total_abstentions", "total_non_voting", "total_ms", "undl_link",
]

#: Columns a file must have to be read.
REQUIRED_COLUMNS: list[str] = [
    "undl_id", "ms_code", "ms_name", "ms_vote", "date", "session", "resolution", "draft",
    "total_yes", "total_no", "total_abstentions", "total_non_voting", "total_ms",
]

#: Columns read when present (the others are never parsed into memory).
OPTIONAL_COLUMNS: list[str] = ["vote_note", "undl_link"]

TOTAL_COLUMNS: list[str] = [
    "total_yes", "total_no", "total_abstentions", "total_non_voting", "total_ms",
]

#: ``ms_vote`` code -> course vote value (blank is non-voting too).
VOTE_CODES: dict[str, str] = {
    "Y": "yes", "N": "no", "A": "abstain", "X": "non_voting", "": "non_voting",
}

#: Columns of the frame :func:`read_undl` returns.
UNDL_OUTPUT_COLUMNS: list[str] = [
    "resolution", "iso3", "vote", "confidence", "source_url", "note",
    "undl_id", "symbol", "draft", "session", "date", "ms_name", "current_iso3",
    *TOTAL_COLUMNS,
]

COMPARE_COLUMNS: list[str] = [
    "resolution", "iso3", "name", "shipped_vote", "official_vote",
    "shipped_confidence", "shipped_source", "kind", "detail",
]

#: Kinds of difference reported by :func:`compare_with_official`.
COMPARE_KINDS: tuple[str, ...] = (
    "different vote",
    "missing in shipped data",
    "missing in official file",
    "not a member state",
    "totals differ",
)

#: Codes of states that no longer exist (or old codes of states that do), with
#: the current member that continues them where there is one. ``None`` means no
#: single successor: the votes are reported under the code as given.
HISTORICAL_CODES: dict[str, tuple[str, str | None, str]] = {
    "SUN": ("Union of Soviet Socialist Republics", "RUS",
            "the Russian Federation continued the USSR's membership in December 1991"),
    "BYS": ("Byelorussian SSR", "BLR", "renamed Belarus in 1991 (same membership)"),
    "CSK": ("Czechoslovakia", None,
            "dissolved at the end of 1992; Czechia and Slovakia were admitted as new members"),
    "DDR": ("German Democratic Republic", None,
            "acceded to the Federal Republic of Germany in 1990; no successor of its own"),
    "YUG": ("Yugoslavia", None,
            "the Socialist Federal Republic dissolved in 1992; its successor states were "
            "admitted separately"),
    "SCG": ("Serbia and Montenegro", "SRB", "Serbia continued the membership in 2006"),
    "YMD": ("Democratic Yemen", None, "merged with the Yemen Arab Republic into Yemen in 1990"),
    "YAR": ("Yemen Arab Republic", None, "merged with Democratic Yemen into Yemen in 1990"),
    "ZAR": ("Zaire", "COD", "renamed the Democratic Republic of the Congo in 1997"),
    "BUR": ("Burma", "MMR", "renamed Myanmar in 1989"),
    "TMP": ("East Timor", "TLS", "old ISO code of Timor-Leste"),
    "ROM": ("Romania", "ROU", "old ISO code of Romania (before 2002)"),
    "DHY": ("Dahomey", "BEN", "renamed Benin in 1975"),
    "HVO": ("Upper Volta", "BFA", "renamed Burkina Faso in 1984"),
}

#: Bump when the cached frame's layout changes: old cache files are then ignored.
CACHE_FORMAT = 4
_CACHE_PREFIX = "undl-"
_CACHE_KEEP = 4
_SAMPLE = 1 << 20
_DL_RECORD = "https://digitallibrary.un.org/record/"


# --------------------------------------------------------------------------- paths
def cache_dir() -> Path:
    """Folder of the Parquet cache: ``$UNGA_TEACH_CACHE`` or the user cache folder.

    Examples
    --------
    >>> cache_dir().name in {"unga_teach"} or "UNGA_TEACH_CACHE" in os.environ
    True
    """
    env = os.environ.get("UNGA_TEACH_CACHE", "").strip()
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    root = Path(base).expanduser() if base else Path.home() / ".cache"
    return root / "unga_teach"


def _is_gzip(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(2) == b"\x1f\x8b"


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
    st = p.stat()
    digest = hashlib.sha256(f"undl-cache-{CACHE_FORMAT}|{st.st_size}|{st.st_mtime_ns}|".encode())
    with p.open("rb") as fh:
        digest.update(fh.read(_SAMPLE))
        if st.st_size > _SAMPLE:
            fh.seek(max(_SAMPLE, st.st_size - _SAMPLE))
            digest.update(fh.read(_SAMPLE))
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


# ------------------------------------------------------------------ reading checks
class _Progress:
    """A binary file wrapper that advances a tqdm bar as bytes are read."""

    def __init__(self, raw: BinaryIO, bar: Any):
        self._raw = raw
        self._bar = bar
        self.closed = False

    def read(self, n: int = -1) -> bytes:
        data = self._raw.read(n)
        self._bar.update(len(data))
        return data

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def close(self) -> None:
        self.closed = True
        self._raw.close()


def _first_line(path: Path, gz: bool) -> bytes:
    opener = gzip.open if gz else open
    try:
        with opener(path, "rb") as fh:  # type: ignore[operator]
            return fh.readline(1 << 16)
    except (OSError, EOFError) as exc:
        raise DataFileError(
            f"cannot read the file ({exc}). If it was downloaded, download it again.",
            path=str(path),
        ) from None


def _check_header(path: Path, gz: bool) -> tuple[list[str], dict[str, str]]:
    """Check the header; return the file's column names and official -> file name map."""
    name = str(path)
    if path.stat().st_size == 0:
        raise DataFileError(
            "the file is empty. Expected the UN Digital Library 'General Assembly Voting "
            "Data' CSV (a header line and one row per state per resolution).",
            path=name,
        )
    raw = _first_line(path, gz)
    if raw.startswith(b"PK\x03\x04"):
        raise DataFileError(
            "this is a zip archive, not the CSV file: unzip it and give the path of the .csv "
            "file inside.",
            path=name,
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DataFileError(
            "the header is not UTF-8 text: is this the CSV file (not the zip or an Excel "
            "workbook)?",
            path=name,
            line=1,
        ) from None
    if not text.strip():
        raise DataFileError("the file is empty (no header line).", path=name, line=1)
    if "," not in text:
        for delim, label in ((";", "semicolons"), ("\t", "tabs"), ("|", "pipes")):
            if delim in text:
                raise DataFileError(
                    f"the columns are separated by {label}, not commas. The UN file is "
                    "comma-separated: use the original download, or save it again as CSV "
                    "(comma-separated).",
                    path=name,
                    line=1,
                )
    columns = next(csv.reader([text.rstrip("\r\n")]))
    mapping: dict[str, str] = {}
    for col in columns:
        key = col.strip().lower()
        if key in UNDL_COLUMNS and key not in mapping:
            mapping[key] = col
    missing = [c for c in REQUIRED_COLUMNS if c not in mapping]
    if missing:
        ignored = [c for c in UNDL_COLUMNS if c not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
        shown = ", ".join(c.strip() for c in columns[:25]) + (" ..." if len(columns) > 25 else "")
        what = (f"missing column(s) {', '.join(missing)}" if len(missing) < len(REQUIRED_COLUMNS)
                else "none of the UN columns found")
        raise DataFileError(
            f"{what}; this is not the UN 'General Assembly "
            f"Voting Data' file. The header has: {shown}. Required: "
            f"{', '.join(REQUIRED_COLUMNS)}; optional: {', '.join(OPTIONAL_COLUMNS)} "
            f"(accepted and ignored: {', '.join(ignored)}).",
            path=name,
            line=1,
        )
    return columns, mapping


def _truncated(path: Path, what: str) -> DataFileError:
    return DataFileError(
        f"the file ends in the middle of {what}: it was cut off (an interrupted download or "
        "copy?). Download it again.",
        path=str(path),
    )


def _check_tail(path: Path, columns: list[str]) -> None:
    """For a plain file, fail when the last line is cut off."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        fh.seek(max(0, size - (1 << 16)))
        tail = fh.read()
    if tail.endswith(b"\n"):
        return
    last = tail.rsplit(b"\n", 1)[-1].decode("utf-8", errors="replace")
    if last.count('"') % 2:
        raise _truncated(path, "a quoted value")
    fields = next(csv.reader([last]), [])
    if len(fields) < len(columns):
        raise _truncated(path, f"a row (its last line has {len(fields)} of {len(columns)} fields)")
    last_col = columns[-1].strip().lower()
    if last_col == "undl_link" and "undl_id" in [c.strip().lower() for c in columns]:
        idx = [c.strip().lower() for c in columns].index("undl_id")
        _check_last_link(path, fields[idx].strip(), fields[-1].strip())


def _check_last_link(path: Path, undl_id: str, link: str) -> None:
    """A cut-off link is a strict prefix of the full one."""
    full = f"{_DL_RECORD}{undl_id}"
    if link and link != full and full.startswith(link):
        raise _truncated(path, "the last row (its undl_link is cut short)")


def _arrow_types(mapping: dict[str, str]) -> tuple[list[str], dict[str, Any]]:
    import pyarrow as pa

    # text is read as plain strings and dictionary-encoded afterwards: pyarrow's CSV
    # dictionary converter takes about three times as long as the whole string read
    wanted = [c for c in REQUIRED_COLUMNS + OPTIONAL_COLUMNS if c in mapping]
    types: dict[str, Any] = {}
    for col in wanted:
        if col in TOTAL_COLUMNS:
            types[mapping[col]] = pa.float64()
        elif col == "undl_id":
            types[mapping[col]] = pa.int64()
        else:
            types[mapping[col]] = pa.string()
    return [mapping[c] for c in wanted], types


def _categorical(column: Any) -> pd.Categorical:
    """A pandas categorical from a pyarrow string column (categories in order of appearance)."""
    import pyarrow as pa

    encoded = column.dictionary_encode()
    chunks = encoded.chunks
    if not chunks:
        return pd.Categorical.from_codes(np.empty(0, dtype=np.int8),
                                         dtype=pd.CategoricalDtype(pd.Index([], dtype="str")))
    dictionary = chunks[-1].dictionary
    if any(len(chunk.dictionary) != len(dictionary) for chunk in chunks):  # not expected
        encoded = pa.table({"c": encoded}).unify_dictionaries().column(0)
        chunks = encoded.chunks
        dictionary = chunks[-1].dictionary
    codes = np.concatenate([chunk.indices.to_numpy(zero_copy_only=False) for chunk in chunks])
    categories = pd.Index(pd.array(dictionary, dtype="str"))
    return pd.Categorical.from_codes(codes.astype(_code_dtype(len(categories)), copy=False),
                                     dtype=pd.CategoricalDtype(categories), validate=False)


def _parse(path: Path, gz: bool, mapping: dict[str, str], progress: bool,
           header: Sequence[str] = ()) -> Any:
    """Parse with pyarrow; return a pyarrow table with the official column names."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    include, types = _arrow_types(mapping)
    name = str(path)

    def run(newlines_in_values: bool) -> Any:
        read_options = pacsv.ReadOptions(block_size=1 << 20)
        parse_options = pacsv.ParseOptions(newlines_in_values=newlines_in_values)
        convert_options = pacsv.ConvertOptions(
            include_columns=include, column_types=types, strings_can_be_null=False
        )
        bar = None
        with contextlib.ExitStack() as stack:
            if progress:
                from tqdm.auto import tqdm

                bar = stack.enter_context(
                    tqdm(total=path.stat().st_size, unit="B", unit_scale=True,
                         desc=f"reading {path.name}", leave=False)
                )
                raw = stack.enter_context(path.open("rb"))
                source: Any = pa.PythonFile(_Progress(raw, bar), mode="r")
                if gz:
                    source = pa.CompressedInputStream(source, "gzip")
            elif gz:
                source = pa.input_stream(str(path), compression="gzip")
            else:  # read block by block (a memory map would count the whole file as RSS)
                source = pa.OSFile(str(path), mode="r")
            stack.callback(source.close)
            return pacsv.read_csv(source, read_options=read_options,
                                  parse_options=parse_options, convert_options=convert_options)

    try:
        try:
            table = run(False)
        except pa.ArrowInvalid as exc:
            if "Expected" not in str(exc) or "columns" not in str(exc):
                raise
            # a quoted value with a line break inside: slower parser, same result
            table = run(True)
    except pa.ArrowInvalid as exc:
        msg = str(exc)
        found = re.search(r"Expected (\d+) columns, got (\d+): (.*)", msg, flags=re.S)
        if found:
            row = found.group(3)
            raise DataFileError(
                f"a row has {found.group(2)} fields instead of {found.group(1)}: {row[:160]!r}. "
                "If it is the last row, the file ends in the middle of a row (cut off): download "
                "it again. Otherwise a value has an unquoted comma.",
                path=name,
                line=None if gz else _line_of(path, row),
            ) from None
        conv = re.search(
            r"In CSV column #(\d+): CSV conversion error to (\w+): invalid value '(.*)'",
            msg, flags=re.S,
        )
        if conv:
            col_no = int(conv.group(1))
            col_name = header[col_no].strip() if col_no < len(header) else f"#{col_no + 1}"
            raise DataFileError(
                f"column {col_name!r} has the value {conv.group(3)!r}, which is not a number.",
                path=name,
            ) from None
        if "Empty CSV" in msg:
            raise DataFileError("the file is empty; expected a header line and data rows.",
                                path=name) from None
        raise DataFileError(f"the file cannot be read as CSV: {msg}", path=name) from None
    except (OSError, EOFError) as exc:
        if gz:
            raise _truncated(path, "the compressed data (the .gz file is incomplete)") from None
        raise DataFileError(f"cannot read the file: {exc}", path=name) from None
    return table.rename_columns([_official_name(c, mapping) for c in table.column_names])


def _line_of(path: Path, text: str) -> int | None:
    """Line number where ``text`` starts in a plain file (error messages only)."""
    import mmap

    needle = text.encode("utf-8")
    if not needle:
        return None
    with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        at = data.find(needle)
        if at < 0:
            return None
        line, pos = 1, 0
        while True:
            nl = data.find(b"\n", pos, at)
            if nl < 0:
                return line
            line, pos = line + 1, nl + 1


def _official_name(col: str, mapping: dict[str, str]) -> str:
    for official, actual in mapping.items():
        if actual == col:
            return official
    return col


# ------------------------------------------------------------------ categoricals
def _str_dtype(categories: Sequence[str] | Any) -> pd.CategoricalDtype:
    return pd.CategoricalDtype(pd.Index(categories, dtype="str"))


def _recode(values: Any, fn: Any, dtype: Any = None) -> pd.Categorical:
    """Apply ``fn`` to the categories of a categorical (fast for many rows).

    ``fn`` returning ``None`` gives a missing value (code -1). When ``fn``
    changes no category, the categorical is returned as it is (no pass over
    the rows).
    """
    cat = values.array if isinstance(values, pd.Series) else values
    if not isinstance(cat, pd.Categorical):
        cat = pd.Series(values).astype("category").array
    categories = cat.categories.to_numpy(dtype=object)
    mapped = [fn(c) for c in categories]
    codes = cat.codes
    if dtype is not None:
        lut = np.array([dtype.categories.get_loc(m) if m is not None else -1 for m in mapped]
                       + [-1], dtype=np.int16)
        return pd.Categorical.from_codes(_lookup(lut, codes), dtype=dtype, validate=False)
    if (not cat.ordered and cat.categories.dtype == "str"
            and all(m is not None and m == c for m, c in zip(mapped, categories, strict=True))):
        return cat  # nothing to change (the usual case: no stray spaces)
    uniq = list(dict.fromkeys(m for m in mapped if m is not None))
    where = {m: i for i, m in enumerate(uniq)}
    lut = np.array([where[m] if m is not None else -1 for m in mapped] + [-1], dtype=np.int32)
    return pd.Categorical.from_codes(_lookup(lut, codes), dtype=_str_dtype(uniq),
                                     validate=False)


def _lookup(lut: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """``lut[codes]`` for category codes (-1 is the last entry of ``lut``).

    pyarrow gathers with the small integer codes as they are; numpy would first
    convert them to a 64-bit index array, which takes longer than the gather.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    codes = np.asarray(codes)
    if not len(codes) or codes.min() < 0:
        return lut[codes]
    return np.array(pc.take(pa.array(lut), pa.array(codes)))  # a writable copy


def _take(values: Any, idx: np.ndarray) -> Any:
    """Rows ``idx`` of a column (categoricals stay categoricals, nullable stay nullable)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        codes = values.cat.codes if isinstance(values, pd.Series) else values.codes
        return pd.Categorical.from_codes(np.asarray(codes)[idx], dtype=values.dtype,
                                         validate=False)
    if isinstance(values.dtype, pd.api.extensions.ExtensionDtype):
        return pd.array(values).take(idx)
    return np.asarray(values)[idx]


def _first_row(mask: np.ndarray) -> int:
    return int(np.flatnonzero(mask)[0])


_MEMBERS: list[Any] = [None, set()]


def _current_members() -> set[str]:
    from .members import _members_all

    table = _members_all()  # cached by members.py: the set is computed once per table
    if _MEMBERS[0] is not table:
        iso3 = table.loc[table["status"] == "member", "iso3"].astype(str)
        _MEMBERS[:] = [table, set(iso3)]
    return set(_MEMBERS[1])


def _successor(code: str, members: set[str]) -> str | None:
    if code in members:
        return code
    known = HISTORICAL_CODES.get(code)
    return known[1] if known else None


#: per-row columns of the cache; the others are per vote when constant within a vote
_ROW_COLUMNS = ["iso3", "vote", "ms_name", "note"]
_VOTE_COLUMNS = ["undl_id", "symbol", "source_url", "draft", "session", "date", *TOTAL_COLUMNS]
#: rows per vote, in the per-vote table when the rows of each vote are contiguous
#: (always in the UN file); otherwise the per-row table has ``v``, the vote's position
_N_ROWS = "n_rows"


def _text_per_vote(column: Any, starts: np.ndarray, boundary: np.ndarray) -> Any:
    """The values at ``starts`` when a text column is constant within each run, else None."""
    import pyarrow.compute as pc

    n = len(column)
    if n > 1:
        same = pc.equal(column.slice(1), column.slice(0, n - 1)).to_numpy(zero_copy_only=False)
        if not bool(np.all(same | boundary[1:])):
            return None
    return column.take(starts)


def _normalise(raw: Any, path: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Check the parsed columns (a pyarrow table); return (per-row table, per-vote table).

    The per-row table has ``iso3``, ``vote``, ``ms_name``, ``note`` and, when
    the rows of a vote are not contiguous, ``v`` (the vote's position in the
    per-vote table); otherwise the per-vote table has ``n_rows``. A per-vote
    column that is not constant within a vote (never the case in the UN file)
    is kept per row.
    """
    name = str(path)
    n = raw.num_rows
    if n == 0:
        raise DataFileError("the file has a header but no data rows.", path=name)
    # pyarrow releases the GIL: encode the per-row text columns on both cores meanwhile
    pool = ThreadPoolExecutor(max_workers=2)
    try:
        return _normalise_checked(raw, path, pool)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _normalise_checked(raw: Any, path: Path, pool: ThreadPoolExecutor,
                       ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`_normalise` with a pool of threads for the pyarrow work."""
    name = str(path)
    n = raw.num_rows
    columns = set(raw.column_names)
    encoded = {col: pool.submit(_categorical, raw.column(col))
               for col in ("ms_vote", "ms_code", "ms_name", "vote_note") if col in columns}

    def cell(col: str, row: int) -> Any:
        return raw.column(col)[row].as_py()

    def where(row: int) -> str:
        return f"row {row + 1}: {cell('ms_code', row)} on {cell('resolution', row)}"

    # ms_vote: Y/N/A/X or blank
    votes = encoded["ms_vote"].result()
    cats = [str(c).strip().upper() for c in votes.categories.to_numpy(dtype=object)]
    bad = [i for i, c in enumerate(cats) if c not in VOTE_CODES]
    if bad:
        row = _first_row(np.isin(votes.codes, bad))
        raise DataFileError(
            f"ms_vote {votes[row]!r} is not a vote code ({where(row)}). Accepted: Y (yes), "
            "N (no), A (abstention), X or blank (non-voting).",
            path=name,
            line=row + 2,
        )
    vote = _recode(votes, lambda c: VOTE_CODES[str(c).strip().upper()], VOTE_DTYPE)
    del votes

    # ms_code: a code on every row
    iso3 = _recode(encoded["ms_code"].result(), lambda c: str(c).strip().upper() or None)
    if (iso3.codes < 0).any():
        row = _first_row(iso3.codes < 0)
        raise DataFileError(
            f"ms_code is empty ({where(row)}, name {cell('ms_name', row)!r}). Every row "
            "needs the state's three-letter code.",
            path=name,
            line=row + 2,
        )

    # undl_id: the voting record, the key of a vote
    id_column = raw.column("undl_id")
    if id_column.null_count:
        row = _first_row(id_column.is_null().to_numpy(zero_copy_only=False))
        raise DataFileError(
            f"undl_id is empty ({where(row)}). Every row needs the voting record's id.",
            path=name,
            line=row + 2,
        )
    ids = id_column.to_numpy().astype(np.int64, copy=False)
    # runs of equal ids; the usual file has one run per vote
    boundary = np.empty(n, dtype=bool)
    boundary[0] = True
    np.not_equal(ids[1:], ids[:-1], out=boundary[1:])
    starts = np.flatnonzero(boundary)
    contiguous = len(pd.unique(ids[starts])) == len(starts)
    if contiguous:
        uniq_ids = ids[starts]
        first = starts
        counts = np.diff(starts, append=n)
        v_codes = np.repeat(np.arange(len(starts), dtype=np.int32), counts)
    else:
        v_codes, uniq_ids = pd.factorize(ids, sort=False)
        # factorize numbers votes in order of first appearance: the running max rises there
        running = np.maximum.accumulate(v_codes)
        first = np.flatnonzero(np.diff(running, prepend=-1) > 0)
    n_votes = len(uniq_ids)

    # one row per state per vote
    n_iso = len(iso3.categories)
    key = v_codes.astype(np.int64) * n_iso + iso3.codes
    if n_votes * n_iso <= 1 << 25:  # a count per (vote, state): fast, at most 256 MB
        key_counts = np.bincount(key, minlength=n_votes * n_iso)
        dup_key = int(np.argmax(key_counts > 1)) if key_counts.max() > 1 else None
    else:
        dup = pd.Series(key).duplicated().to_numpy()
        dup_key = int(key[_first_row(dup)]) if dup.any() else None
    if dup_key is not None:
        rows = np.flatnonzero(key == dup_key)[:2]
        raise DataFileError(
            f"{iso3[rows[0]]} has two rows for the same vote (record {uniq_ids[v_codes[rows[0]]]}, "
            f"{cell('resolution', int(rows[0]))}), at about lines {rows[0] + 2} and "
            f"{rows[1] + 2}. The file must have one row per state per vote.",
            path=name,
            line=int(rows[1]) + 2,
        )
    del key

    id_type = np.int32 if len(uniq_ids) and int(np.max(np.abs(uniq_ids))) < 2**31 else np.int64
    per_vote: dict[str, Any] = {"undl_id": np.asarray(uniq_ids).astype(id_type)}
    per_row: dict[str, Any] = {}

    def constant(check: np.ndarray) -> bool:
        """Whether a per-row array is constant within every vote."""
        if contiguous:
            same = (check[1:] == check[:-1]) | boundary[1:]
            if check.dtype.kind == "f":
                same |= np.isnan(check[1:]) & np.isnan(check[:-1])
            return bool(np.all(same))
        at_first = check[first][v_codes]
        same = (check == at_first) | (pd.isna(check) & pd.isna(at_first)) \
            if check.dtype.kind == "f" else check == at_first
        return bool(np.all(same))

    def put(col: str, values: Any, codes: np.ndarray | None = None) -> None:
        """Store per vote when constant within every vote, else per row."""
        if constant(codes if codes is not None else np.asarray(values)):
            per_vote[col] = _take(values, first)
        else:
            per_row[col] = values

    # totals: floats in the file ("120.0"), integers here
    for col in TOTAL_COLUMNS:
        values = raw.column(col).to_numpy()
        is_constant = constant(values)
        check = values[first] if is_constant else values  # the first bad row starts a vote
        at = first if is_constant else np.arange(n)
        finite = np.isfinite(check)
        off = finite & (check != np.round(check))
        if off.any():
            row = int(at[_first_row(off)])
            raise DataFileError(
                f"{col} is {values[row]!r}, not a whole number ({where(row)}).",
                path=name,
                line=row + 2,
            )
        if finite.all() and np.abs(check).max(initial=0) < 2**15:
            check = check.astype(np.int16)  # counts of states: small integers
        elif finite.all():
            check = check.astype(np.int64)
        (per_vote if is_constant else per_row)[col] = check  # floats: nullable below

    # per-vote text: read once per vote when constant within every vote
    text: dict[str, Any] = {}
    if contiguous:
        found = {col: pool.submit(_text_per_vote, raw.column(col), first, boundary)
                 for col in ("date", "resolution", "draft", "session", "undl_link")
                 if col in columns}
        text = {col: future.result() for col, future in found.items()}
    else:
        text = dict.fromkeys(("date", "resolution", "draft", "session", "undl_link"))

    # dates: ISO
    date_raw = text["date"]
    date_cat = _categorical(date_raw if date_raw is not None else raw.column("date"))
    at = first if date_raw is not None else np.arange(n)
    date_cats = date_cat.categories.to_numpy(dtype=object)
    parsed = pd.to_datetime(pd.Series([str(c).strip() for c in date_cats], dtype=object),
                            format="ISO8601", errors="coerce")
    bad_dates = [i for i, (c, d) in enumerate(zip(date_cats, parsed, strict=True))
                 if str(c).strip() and pd.isna(d)]
    date_codes = np.asarray(date_cat.codes)
    if bad_dates:
        row = int(at[_first_row(np.isin(date_codes, bad_dates))])
        raise DataFileError(
            f"date {cell('date', row)!r} is not a date in the form YYYY-MM-DD ({where(row)}).",
            path=name,
            line=row + 2,
        )
    date_values = pd.DatetimeIndex(parsed).to_numpy()
    date_values = np.concatenate([date_values, np.array(["NaT"], dtype=date_values.dtype)])
    if date_raw is not None:
        per_vote["date"] = date_values[date_codes]
    else:
        put("date", date_values[date_codes], date_codes)

    def strip(c: Any) -> str:
        return str(c).strip()

    def strip_or_none(c: Any) -> str | None:
        return str(c).strip() or None

    # source: the row's link, or the record's address
    for_vote = text.get("undl_link") is not None or "undl_link" not in columns
    link_ids = uniq_ids if for_vote else ids
    if "undl_link" in columns:
        link = _recode(_categorical(text["undl_link"] if for_vote else raw.column("undl_link")),
                       strip_or_none)
        if (link.codes < 0).any():
            link_text = np.where(link.codes < 0, _DL_RECORD + link_ids.astype(str),
                                 np.asarray(link.astype(object)))
            link = pd.Categorical(link_text)
    else:
        link = pd.Categorical(_DL_RECORD + link_ids.astype(str))
    if for_vote:
        per_vote["source_url"] = link
    else:
        put("source_url", link, link.codes)
    del link
    for col, source in (("symbol", "resolution"), ("draft", "draft"), ("session", "session")):
        if text[source] is not None:
            per_vote[col] = _recode(_categorical(text[source]), strip)
        else:
            values = _recode(_categorical(raw.column(source)), strip)
            put(col, values, values.codes)

    note = (_recode(encoded["vote_note"].result(), strip) if "vote_note" in columns
            else pd.Categorical.from_codes(np.zeros(n, dtype=np.int8), categories=[""]))
    rows_table = pd.DataFrame({
        "iso3": iso3, "vote": vote,
        "ms_name": _recode(encoded["ms_name"].result(), strip), "note": note,
        **per_row,
    }, copy=False)
    if contiguous:
        per_vote[_N_ROWS] = counts.astype(np.int32)
    else:
        rows_table.insert(0, "v", v_codes.astype(np.int16 if n_votes < 2**15 else np.int32))
    votes_table = pd.DataFrame(per_vote, copy=False)
    for table in (rows_table, votes_table):
        for col in TOTAL_COLUMNS:
            if col in table and table[col].dtype.kind == "f":
                table[col] = pd.array(table[col].to_numpy(), dtype="Int16")
    return rows_table, votes_table


def _writable(values: Any) -> Any:
    """A column the caller may change in place (arrays from Parquet are read-only)."""
    if isinstance(values, pd.Categorical):
        codes = values._ndarray if hasattr(values, "_ndarray") else None
        if codes is not None and not codes.flags.writeable:
            return pd.Categorical.from_codes(codes.copy(), dtype=values.dtype, validate=False)
        return values
    if isinstance(values, np.ndarray) and not values.flags.writeable:
        return values.copy()
    return values


def _assemble(rows: pd.DataFrame, votes: pd.DataFrame) -> pd.DataFrame:
    """The tidy frame from the per-row and per-vote tables (a few gathers)."""
    n = len(rows)
    if "v" in rows.columns:
        idx = rows["v"].to_numpy().astype(np.intp)

        def expand(values: np.ndarray) -> np.ndarray:
            return values[idx]
    else:
        counts = votes[_N_ROWS].to_numpy()

        def expand(values: np.ndarray) -> np.ndarray:
            return np.repeat(values, counts)  # rows of a vote are contiguous: a few memcpy

    cols: dict[str, Any] = {}
    for col in _VOTE_COLUMNS:
        if col in rows.columns:
            cols[col] = _writable(rows[col].array)
            continue
        values = votes[col].array
        if isinstance(values, pd.arrays.NumpyExtensionArray):
            cols[col] = expand(values.to_numpy())
        elif isinstance(values, pd.Categorical):
            cols[col] = pd.Categorical.from_codes(expand(np.asarray(values.codes)),
                                                  dtype=values.dtype, validate=False)
        elif isinstance(values.dtype, pd.api.extensions.ExtensionDtype):
            cols[col] = values.take(expand(np.arange(len(values))))
        else:
            cols[col] = expand(np.asarray(values))
    members = _current_members()
    iso3 = _writable(rows["iso3"].array)
    current = _recode(iso3, lambda c: _successor(str(c), members))
    if current is iso3:  # every code is a current member's: still its own codes
        current = pd.Categorical.from_codes(np.array(iso3.codes), dtype=iso3.dtype,
                                            validate=False)
    symbol = cols["symbol"]
    if isinstance(symbol, pd.Categorical):  # its own codes: a change of one column stays there
        resolution = pd.Categorical.from_codes(np.array(symbol.codes), dtype=symbol.dtype,
                                               validate=False)
    else:
        resolution = symbol.copy()
    out = {
        "resolution": resolution,
        "iso3": iso3,
        "vote": _writable(rows["vote"].array),
        "confidence": pd.Categorical.from_codes(np.zeros(n, dtype=np.int8),
                                                dtype=CONFIDENCE_DTYPE, validate=False),
        "source_url": cols["source_url"],
        "note": _writable(rows["note"].array),
        "undl_id": cols["undl_id"],
        "symbol": symbol,
        "draft": cols["draft"],
        "session": cols["session"],
        "date": cols["date"],
        "ms_name": _writable(rows["ms_name"].array),
        "current_iso3": current,
        **{col: cols[col] for col in TOTAL_COLUMNS},
    }
    return pd.DataFrame(out, copy=False)  # already in UNDL_OUTPUT_COLUMNS order


# ------------------------------------------------------------------------ cache
def _cache_parts(rows_file: Path) -> tuple[Path, Path]:
    return rows_file, rows_file.with_name(rows_file.name.replace(".rows.", ".votes."))


_META_KEY = b"unga_teach"


def _code_dtype(n: int) -> Any:
    return np.int8 if n < 2**7 else np.int16 if n < 2**15 else np.int32


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
            categorical = values.array
            categories = [str(c) for c in values.cat.categories.to_numpy(dtype=object)]
            if (text_ok and not values.cat.ordered and values.cat.categories.dtype == "str"
                    and _in_order_of_appearance(categorical)):
                arrays.append(pa.array(categories, type=pa.string()).take(
                    pa.array(np.asarray(categorical.codes))))
                text.append(col)
            else:
                cats[col] = {"categories": categories, "ordered": bool(values.cat.ordered)}
                arrays.append(pa.array(
                    values.cat.codes.to_numpy().astype(_code_dtype(len(categories)))))
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
            out[col] = _categorical(column)
        else:
            out[col] = column.to_pandas()
    return pd.DataFrame(out, copy=False)


def _read_cache(rows_file: Path) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    rows_path, votes_path = _cache_parts(rows_file)
    if not (rows_path.is_file() and votes_path.is_file()):
        return None
    try:
        import pyarrow.parquet as pq

        rows = _from_arrow(pq.read_table(rows_path))
        votes = _from_arrow(pq.read_table(votes_path))
        if not set(_ROW_COLUMNS) <= set(rows.columns) or "undl_id" not in votes.columns:
            return None
        if set(_VOTE_COLUMNS) - set(rows.columns) - set(votes.columns):
            return None
        if rows["vote"].dtype != VOTE_DTYPE:
            return None
        if "v" in rows.columns:
            if int(rows["v"].max()) >= len(votes) or int(rows["v"].min()) < 0:
                return None
        elif _N_ROWS not in votes.columns or int(votes[_N_ROWS].sum()) != len(rows) \
                or int(votes[_N_ROWS].min()) < 0:
            return None
    except Exception:  # any damage: ignore the files and rebuild them
        return None
    with contextlib.suppress(OSError):
        os.utime(rows_path)  # most recently used
    return rows, votes


def _write_cache(rows: pd.DataFrame, votes: pd.DataFrame, rows_file: Path) -> None:
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
        entries = sorted(rows_path.parent.glob(f"{_CACHE_PREFIX}*.rows.parquet"),
                         key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in entries[_CACHE_KEEP:]:
            for part in _cache_parts(stale):
                part.unlink(missing_ok=True)
    except OSError:  # a read-only or full disk only costs speed
        for tmp in (tmp_rows, tmp_votes):
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)


def _load_all(path: str | PathLike[str], *, cache: bool, progress: bool) -> pd.DataFrame:
    p = Path(path).expanduser()
    if not p.is_file():
        raise DataFileError(
            "file not found. Download 'General Assembly Voting Data' from "
            "https://digitallibrary.un.org/record/4060887 and give the path of the CSV "
            "(or .csv.gz) file.",
            path=str(p),
        )
    rows_file = cache_file(p) if cache else None
    parts = _read_cache(rows_file) if rows_file is not None else None
    if parts is None:
        gz = _is_gzip(p)
        columns, mapping = _check_header(p, gz)
        if not gz:
            _check_tail(p, columns)
        raw = _parse(p, gz, mapping, progress, columns)
        if (gz and raw.num_rows and columns[-1].strip().lower() == "undl_link"
                and "undl_link" in raw.column_names):
            _check_last_link(p, str(raw.column("undl_id")[-1].as_py()),
                             str(raw.column("undl_link")[-1].as_py()).strip())
        parts = _normalise(raw, p)
        del raw
        if rows_file is not None:
            _write_cache(*parts, rows_file)
    return _assemble(*parts)


# --------------------------------------------------------------- course selection
def _course_table() -> pd.DataFrame:
    from .resolutions import load_resolutions

    res = load_resolutions(include_procedural=False)
    return res[["id", "symbol", "symbol_confirmed", "draft", "date", "session"]]


def _norm(text: object) -> str:
    return re.sub(r"\s+", "", str(text)).upper()


_COURSE_SYMBOL = re.compile(r"A/RES/(68/262|ES-11/\d+)")


def _course_votes(frame: pd.DataFrame) -> dict[int, str]:
    """``undl_id`` -> course id of the course votes in a tidy frame.

    By symbol (A/RES/68/262, A/RES/ES-11/n, resolved with
    :func:`unga_teach.resolve_resolution`), else by draft (A/ES-11/L.17 for the
    2026 vote), else, for a vote whose adopted symbol is not confirmed in
    ``data/resolutions.csv``, by date and session.
    """
    from .resolutions import resolve_resolution

    res = _course_table()
    by_draft = {_norm(d): str(i) for i, d in zip(res["id"], res["draft"], strict=True)
                if isinstance(d, str) and d}
    by_date = {(pd.Timestamp(d), _norm(s)): str(i)
               for i, d, s, ok in zip(res["id"], res["date"], res["session"],
                                      res["symbol_confirmed"], strict=True) if not ok}
    ids = set(res["id"].astype(str))
    cand = _cat_mask(frame["symbol"], lambda c: _COURSE_SYMBOL.fullmatch(_norm(c)) is not None)
    cand |= _cat_mask(frame["draft"], lambda c: _norm(c) in by_draft)
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


def _cat_mask(values: pd.Series, pred: Any) -> np.ndarray:
    """``pred`` of every row of a categorical column, evaluated once per category."""
    lut = np.array([bool(pred(c)) for c in values.cat.categories.to_numpy(dtype=object)]
                   + [False])
    return lut[values.cat.codes.to_numpy()]


_CAT_COLUMNS = ("resolution", "symbol", "draft", "session", "iso3", "source_url", "note",
                "ms_name", "current_iso3")


def _rows_of(frame: pd.DataFrame, undl_ids: Iterable[int]) -> np.ndarray:
    wanted = np.fromiter(undl_ids, dtype=np.int64)
    return np.isin(frame["undl_id"].to_numpy(), wanted)


def _select(frame: pd.DataFrame, resolutions: object) -> pd.DataFrame:
    if isinstance(resolutions, str) and resolutions == "all":
        return frame.reset_index(drop=True)
    if isinstance(resolutions, str) and resolutions == "course":
        found = _course_votes(frame)
        out = frame.loc[_rows_of(frame, found)].copy()
        ids = _course_table()["id"].astype(str).tolist()
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
    from .resolutions import resolve_resolution

    course_wanted: set[str] = set()
    symbols: set[str] = set()
    for ref in wanted:
        symbols.add(_norm(ref))
        with contextlib.suppress(UngaTeachError):
            course_wanted.add(resolve_resolution(ref))
    keep = _cat_mask(frame["symbol"], lambda s: _norm(s) in symbols)
    keep |= _cat_mask(frame["draft"], lambda s: _norm(s) in symbols)
    if course_wanted:
        found = _course_votes(frame)
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
        Use and fill the Parquet cache (see :func:`cache_dir`): the second
        load of the same file takes a fraction of a second.
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
        50 MB in memory).

    Raises
    ------
    DataFileError
        Missing file, empty file, wrong delimiter, missing columns (with the
        list accepted), an unknown vote code (with the line), an empty code,
        two rows for one state on one vote, a non-numeric total, a bad date,
        or a file that was cut off ("download it again").

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
    frame = _load_all(path, cache=cache, progress=progress)
    return _select(frame, resolutions)


# -------------------------------------------------------------- historical codes
def historical_codes(frame: pd.DataFrame) -> pd.DataFrame:
    """States in a :func:`read_undl` frame whose code is not a current member's.

    Parameters
    ----------
    frame : pandas.DataFrame
        From :func:`read_undl` (any selection).

    Returns
    -------
    pandas.DataFrame
        One row per such code: ``code``, ``name_in_file``, ``successor`` (the
        current member that continues it, or empty), ``rows``, ``votes``,
        ``first_date``, ``last_date``, ``note``. Their rows are kept under the
        code as given; nothing is dropped.

    Examples
    --------
    >>> f = pd.DataFrame({"iso3": ["SUN", "FRA"], "ms_name": ["USSR", "FRANCE"],
    ...                   "undl_id": [1, 1], "date": pd.to_datetime(["1990-01-01"] * 2)})
    >>> historical_codes(f)[["code", "successor", "rows"]].values.tolist()
    [['SUN', 'RUS', 1]]
    """
    columns = ["code", "name_in_file", "successor", "rows", "votes", "first_date",
               "last_date", "note"]
    members = _current_members()
    iso = frame["iso3"]
    if isinstance(iso.dtype, pd.CategoricalDtype):
        sub = frame.loc[_cat_mask(iso, lambda c: str(c) not in members)]
    else:
        sub = frame.loc[~iso.astype(str).isin(members).to_numpy()]
    if sub.empty:
        return pd.DataFrame(columns=columns)
    out = []
    for code, group in sub.groupby(sub["iso3"].astype(str), sort=True, observed=True):
        known = HISTORICAL_CODES.get(code)
        names = group["ms_name"].astype(str).value_counts()
        out.append({
            "code": code,
            "name_in_file": str(names.index[0]) if len(names) else "",
            "successor": (known[1] or "") if known else "",
            "rows": len(group),
            "votes": int(group["undl_id"].nunique()),
            "first_date": group["date"].min(),
            "last_date": group["date"].max(),
            "note": known[2] if known else "not a current member state and not a known "
                                           "historical code: check the file",
        })
    return pd.DataFrame(out, columns=columns)


# ------------------------------------------------------------- official record
def _check_course_rows(course: pd.DataFrame, path: str) -> None:
    members = _current_members()
    bad = course.loc[~course["iso3"].astype(str).isin(members)]
    if not bad.empty:
        listed = ", ".join(f"{r.iso3} on {r.resolution}" for r in bad.head(5).itertuples())
        raise DataFileError(
            f"{len(bad)} row(s) of the course votes have a code that is not a current member "
            f"state ({listed}). The official record was not installed; run "
            "`unga-teach compare` to see them.",
            path=path,
        )


def use_official_record(
    path: str | PathLike[str] | None = None, *, cache: bool = True, progress: bool = False
) -> None:
    """Use the official UN file for the course votes it covers (``None``: stop).

    After this call :func:`unga_teach.load_votes`, :func:`unga_teach.coverage`
    and everything built on them use the official rows (confidence
    ``official``, source the UN Digital Library record) for each course vote
    the file contains; the other votes keep the shipped data. The file is read
    with :func:`read_undl` (cached). The environment variable
    ``UNGA_TEACH_UNDL`` does the same at first use.

    Parameters
    ----------
    path : path-like or None
        The official CSV file, or ``None`` to go back to the shipped data.
    cache : bool, default True
        Use and fill the Parquet cache (see :func:`read_undl`).
    progress : bool, default False
        Show a progress bar while a new file is read.

    Raises
    ------
    DataFileError
        The file cannot be read, or a course vote in it has a code that is not
        a current member state (nothing is installed then).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import unga_teach as ut
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "ga.csv"
    >>> _ = p.write_text(
    ...     "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,total_yes,"
    ...     "total_no,total_abstentions,total_non_voting,total_ms\\n"
    ...     "4076672,FRA,FRANCE,Y,2025-02-24,ES-11,A/RES/ES-11/7,A/ES-11/L.10,"
    ...     "93.0,18.0,65.0,17.0,193.0\\n")
    >>> use_official_record(p, cache=False)
    >>> ut.coverage().set_index("resolution").loc[["ES-11/7", "ES-11/8"], "record"].tolist()
    ['official', 'shipped']
    >>> use_official_record(None)   # back to the shipped data
    >>> ut.coverage().set_index("resolution").loc["ES-11/7", "record"]
    'shipped'
    """
    if path is None:
        record.set_official_votes(None)
        return
    _install(read_undl(path, resolutions="course", cache=cache, progress=progress), str(path))


def _install(course: pd.DataFrame, path: str) -> None:
    """Check the course rows of :func:`read_undl` and hand them to the loaders."""
    _check_course_rows(course, path)
    from .votes import VOTE_COLUMNS

    rows = course[VOTE_COLUMNS].copy()
    for col in ("resolution", "iso3", "source_url", "note", "vote"):
        values = rows[col].astype(object)
        rows[col] = values.where(values.notna(), "").astype(str)
    rows["confidence"] = "official"
    record.set_official_votes(rows.reset_index(drop=True), path)


# ------------------------------------------------------------------- comparison
def compare_with_official(
    path: str | PathLike[str], *, cache: bool = True, progress: bool = False
) -> pd.DataFrame:
    """List every difference between the shipped votes and the official UN file.

    Only the course votes that the file covers are compared (version 5 of the
    file ends on 30 December 2025, so it has no 2026 vote). The shipped data
    is compared as shipped, whatever record is in use.

    Parameters
    ----------
    path : path-like
        The official CSV file (see :func:`read_undl`).
    cache : bool, default True
        Use and fill the Parquet cache.
    progress : bool, default False
        Show a progress bar while a new file is read.

    Returns
    -------
    pandas.DataFrame
        One row per difference: ``resolution``, ``iso3``, ``name``,
        ``shipped_vote`` (``unknown`` where we have no source),
        ``official_vote``, ``shipped_confidence``, ``shipped_source``,
        ``kind`` and ``detail``. Kinds: ``different vote``; ``missing in
        shipped data`` (we have no sourced vote; the file has one);
        ``missing in official file`` (a member state has no row in the file);
        ``not a member state`` (a row of the file for a code that is not a
        current member: an error in the file or in our member list); ``totals
        differ`` (the file's totals differ from ``data/resolutions.csv`` or
        from the file's own rows; ``iso3`` is empty and the two vote columns
        hold the counts). Empty when everything agrees.
        ``attrs["covered"]`` and ``attrs["not_covered"]`` list the course
        votes found and not found in the file; ``attrs["historical_codes"]``
        lists (as records) the codes of the whole file that are not current
        members (see :func:`historical_codes`).

    Examples
    --------
    A file with one row, France voting no on ES-11/7 (it voted yes):

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "ga.csv"
    >>> _ = p.write_text(
    ...     "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,total_yes,"
    ...     "total_no,total_abstentions,total_non_voting,total_ms\\n"
    ...     "4076672,FRA,FRANCE,N,2025-02-24,ES-11,A/RES/ES-11/7,A/ES-11/L.10,"
    ...     "93.0,18.0,65.0,17.0,193.0\\n")
    >>> d = compare_with_official(p, cache=False)
    >>> d.loc[d["kind"] == "different vote", ["iso3", "shipped_vote", "official_vote"]]
      iso3 shipped_vote official_vote
    0  FRA          yes            no
    >>> int((d["kind"] == "missing in official file").sum())
    192
    """
    from .members import load_members
    from .votes import _shipped_votes

    all_rows = _load_all(path, cache=cache, progress=progress)
    course = _select(all_rows, "course")
    shipped = _shipped_votes()
    res = _course_table()
    from .resolutions import load_resolutions

    totals_ref = load_resolutions(include_procedural=False).set_index("id")
    members = load_members()[["iso3", "name"]].astype(str)
    member_set = set(members["iso3"])
    name_of = dict(zip(members["iso3"], members["name"], strict=True))
    covered = [r for r in res["id"].astype(str) if r in set(course["resolution"])]
    rows: list[dict[str, object]] = []

    for rid in covered:
        off = course[course["resolution"] == rid]
        ship = shipped[shipped["resolution"] == rid].set_index("iso3")
        off_iso = off["iso3"].astype(str)
        for r in off.loc[~off_iso.isin(member_set).to_numpy()].itertuples(index=False):
            rows.append({
                "resolution": rid, "iso3": str(r.iso3), "name": str(r.ms_name),
                "shipped_vote": "", "official_vote": str(r.vote),
                "shipped_confidence": "", "shipped_source": "",
                "kind": "not a member state",
                "detail": f"the file has a row for {r.iso3} ({r.ms_name}), which is not a "
                          "current member state",
            })
        off_vote = dict(zip(off_iso, off["vote"].astype(str), strict=True))
        for iso3 in members["iso3"]:
            official = off_vote.get(iso3)
            if iso3 in ship.index:
                srow = ship.loc[iso3]
                s_vote, s_conf = str(srow["vote"]), str(srow["confidence"])
                s_src = str(srow["source_url"])
            else:
                s_vote, s_conf, s_src = "unknown", "none", ""
            if official is None:
                kind = "missing in official file"
                detail = "no row for this member state in the file"
            elif s_vote == "unknown":
                kind, detail = "missing in shipped data", "the shipped data has no sourced vote"
            elif s_vote != official:
                kind, detail = "different vote", f"shipped {s_vote}, official {official}"
            else:
                continue
            rows.append({
                "resolution": rid, "iso3": iso3, "name": name_of[iso3],
                "shipped_vote": s_vote, "official_vote": official or "",
                "shipped_confidence": s_conf, "shipped_source": s_src,
                "kind": kind, "detail": detail,
            })
        # totals: the file's columns vs data/resolutions.csv, and vs the file's own rows
        ref = totals_ref.loc[rid]
        counts = off["vote"].astype(str).value_counts()
        first = off.iloc[0]
        pairs = [("yes", "total_yes"), ("no", "total_no"), ("abstain", "total_abstentions"),
                 ("non_voting", "total_non_voting"), ("total_members", "total_ms")]
        for ours, theirs in pairs:
            file_total = first[theirs]
            shipped_total = int(ref[ours])
            file_total_s = "" if pd.isna(file_total) else str(int(file_total))
            if file_total_s != str(shipped_total):
                rows.append({
                    "resolution": rid, "iso3": "", "name": f"total {ours}",
                    "shipped_vote": str(shipped_total), "official_vote": file_total_s,
                    "shipped_confidence": "", "shipped_source": str(ref["source_url"]),
                    "kind": "totals differ",
                    "detail": f"{theirs} in the file is {file_total_s or 'empty'}; "
                              f"data/resolutions.csv has {shipped_total}",
                })
            counted = len(off) if ours == "total_members" else int(counts.get(ours, 0))
            if file_total_s and counted != int(file_total):
                rows.append({
                    "resolution": rid, "iso3": "", "name": f"total {ours}",
                    "shipped_vote": str(shipped_total), "official_vote": file_total_s,
                    "shipped_confidence": "", "shipped_source": str(ref["source_url"]),
                    "kind": "totals differ",
                    "detail": f"{theirs} in the file is {file_total_s} but the file has "
                              f"{counted} such rows",
                })
    out = pd.DataFrame(rows, columns=COMPARE_COLUMNS)
    order = {r: i for i, r in enumerate(res["id"].astype(str))}
    kind_order = {k: i for i, k in enumerate(COMPARE_KINDS)}
    out = out.sort_values(
        ["resolution", "kind", "iso3"],
        key=lambda s: s.map(order) if s.name == "resolution" else
        (s.map(kind_order) if s.name == "kind" else s),
        kind="stable",
    ).reset_index(drop=True)
    for col in COMPARE_COLUMNS:
        out[col] = out[col].astype("string")
    out.attrs["covered"] = covered
    out.attrs["not_covered"] = [r for r in res["id"].astype(str) if r not in covered]
    hist = historical_codes(all_rows)
    hist["first_date"] = hist["first_date"].astype(str)
    hist["last_date"] = hist["last_date"].astype(str)
    out.attrs["historical_codes"] = hist.to_dict("records")
    return out


# -------------------------------------------------------------------- agreement
_POSITION_CODES = {"yes": 0, "no": 1, "abstain": 2, "Y": 0, "N": 1, "A": 2}


def agreement_matrix(
    frame: pd.DataFrame | None = None,
    *,
    resolutions: Iterable[object] | None = None,
    countries: Iterable[object] | None = None,
    include_abstain: bool = True,
    min_votes: int = 1,
) -> pd.DataFrame:
    """Agreement between every pair of states over a selection of votes.

    Same definition as :func:`unga_teach.agreement`: among the votes where
    **both** states voted yes, no or abstain, the share on which they cast the
    same vote. An abstention counts as a position; non-voting and unknown
    votes are left out. Computed for all pairs at once: each position
    (yes, no, abstain) is a states x votes 0/1 matrix X_c, and
    ``agree = sum_c X_c X_c^T``, ``comparable = M M^T`` with ``M = sum_c X_c``,
    the products done as bit counts (all states x all 5,000 votes of the
    official file in a fraction of a second).

    Parameters
    ----------
    frame : pandas.DataFrame, optional
        Long-format votes with ``iso3``, ``vote`` and ``resolution`` (and
        ``undl_id``, used as the vote key when present, so that two records
        sharing a symbol stay apart): :func:`unga_teach.load_votes`,
        :func:`unga_teach.known_votes` or :func:`read_undl` output, filtered
        any way (a session, a decade). Default: the course votes in use
        (:func:`unga_teach.known_votes`).
    resolutions : list of str, optional
        Keep only these values of ``resolution`` (course ids or symbols).
    countries : list of str, optional
        Rows and columns, in this order (codes as in ``frame``, or any name
        :func:`unga_teach.find_country` accepts). Default: every state in the
        selection, sorted by code.
    include_abstain : bool, default True
        ``False`` compares only votes where both voted yes or no.
    min_votes : int, default 1
        Pairs with fewer comparable votes get ``NaN``.

    Returns
    -------
    pandas.DataFrame
        Square, symmetric, index and columns the ISO3 codes; values in [0, 1]
        and ``NaN`` where the two states have fewer than ``min_votes``
        comparable votes. The diagonal is 1 for every state with a comparable
        vote.

    Examples
    --------
    >>> v = pd.DataFrame({
    ...     "resolution": ["r1", "r1", "r1", "r2", "r2", "r2"],
    ...     "iso3": ["FRA", "RUS", "UKR", "FRA", "RUS", "UKR"],
    ...     "vote": ["yes", "no", "yes", "yes", "abstain", "non_voting"]})
    >>> agreement_matrix(v)
          FRA  RUS  UKR
    FRA   1.0  0.0  1.0
    RUS   0.0  1.0  0.0
    UKR   1.0  0.0  1.0
    """
    if frame is None:
        from .votes import known_votes

        frame = known_votes()
    missing = [c for c in ("iso3", "vote") if c not in frame.columns]
    key_col = "undl_id" if "undl_id" in frame.columns else "resolution"
    if key_col not in frame.columns:
        missing.append("resolution")
    if missing:
        raise UngaTeachError(
            f"agreement_matrix needs the column(s) {', '.join(missing)}; got "
            f"{', '.join(map(str, frame.columns))}. Pass load_votes(), known_votes() or "
            "read_undl() output."
        )
    if int(min_votes) < 1:
        raise UngaTeachError(f"min_votes must be at least 1, not {min_votes!r}.")
    if resolutions is not None:
        wanted = _wanted_resolutions(frame, resolutions)
        frame = frame.loc[frame["resolution"].astype(str).isin(wanted).to_numpy()]

    state_codes, states = _codes(frame["iso3"])
    vote_codes, _ = _codes(frame[key_col])
    value = _position_codes(frame["vote"], include_abstain)

    if countries is not None:
        order = _wanted_states(states, countries)
    else:
        seen = np.bincount(state_codes[state_codes >= 0], minlength=len(states)) > 0
        order = sorted(states[i] for i in np.flatnonzero(seen))
    index_of = {s: i for i, s in enumerate(states)}
    pos = np.full(len(states) + 1, -1, dtype=np.int64)
    for new, code in enumerate(order):
        pos[index_of[code]] = new
    rows = pos[state_codes]
    keep = (rows >= 0) & (value >= 0) & (vote_codes >= 0)
    n_states = len(order)
    n_votes = int(vote_codes.max()) + 1 if len(vote_codes) else 1
    n_cat = 3 if include_abstain else 2
    onehot = np.zeros((n_cat, n_states, n_votes), dtype=bool)
    onehot[value[keep], rows[keep], vote_codes[keep]] = True
    agree = sum(_pair_counts(onehot[c]) for c in range(n_cat))
    comparable = _pair_counts(onehot.any(axis=0))
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(comparable >= int(min_votes), agree / comparable, np.nan)
    labels = pd.Index(order, name=None)
    return pd.DataFrame(share, index=labels, columns=labels)


def _pair_counts(x: np.ndarray) -> np.ndarray:
    """``x @ x.T`` for a boolean states x votes matrix, as exact integer counts.

    Bit-packs each state's row into 64-bit words and counts the common bits of
    every pair (``np.bitwise_count``): no floating point and no BLAS threads,
    so the time does not depend on the machine's load (about 20 ms for 200
    states x 5,000 votes).
    """
    n = x.shape[0]
    if not hasattr(np, "bitwise_count"):  # numpy < 2.0
        f = x.astype(np.float64)
        return np.rint(f @ f.T).astype(np.int64)
    packed = np.packbits(x, axis=1)
    pad = (-packed.shape[1]) % 8
    if pad:
        packed = np.pad(packed, ((0, 0), (0, pad)))
    words = np.ascontiguousarray(packed).view(np.uint64)
    out = np.empty((n, n), dtype=np.int64)
    step = max(1, (1 << 22) // max(1, n * words.shape[1]))  # ~32 MB of temporaries
    for start in range(0, n, step):
        block = words[start:start + step, None, :] & words[None, :, :]
        out[start:start + step] = np.bitwise_count(block).sum(axis=2, dtype=np.int64)
    return out


def _codes(values: pd.Series) -> tuple[np.ndarray, list[str]]:
    if isinstance(values.dtype, pd.CategoricalDtype):
        return values.cat.codes.to_numpy().astype(np.int64), [str(c) for c in values.cat.categories]
    if values.dtype.kind in "iu":
        codes, uniques = pd.factorize(values.to_numpy(), sort=False)
    else:
        codes, uniques = pd.factorize(values.astype(str), sort=False)
    return codes.astype(np.int64), [str(u) for u in uniques]


def _position_codes(votes: pd.Series, include_abstain: bool) -> np.ndarray:
    codes, cats = _codes(votes)
    table = {k: v for k, v in _POSITION_CODES.items() if include_abstain or v < 2}
    lut = np.array([table.get(str(c).strip(), -1) for c in cats] + [-1], dtype=np.int64)
    return lut[codes]


def _wanted_resolutions(frame: pd.DataFrame, resolutions: Iterable[object]) -> set[str]:
    from .resolutions import resolve_resolution

    if isinstance(resolutions, str):
        resolutions = [resolutions]
    present = set(frame["resolution"].astype(str).unique())
    wanted: set[str] = set()
    for ref in resolutions:
        text = str(ref)
        if text in present:
            wanted.add(text)
            continue
        try:
            rid = resolve_resolution(ref)
        except UngaTeachError:
            rid = None
        if rid in present:
            wanted.add(rid)
        else:
            raise UngaTeachError(
                f"resolution {ref!r} is not in the votes given ({len(present)} votes, e.g. "
                f"{', '.join(sorted(present)[:4])})."
            )
    return wanted


def _wanted_states(states: list[str], countries: Iterable[object]) -> list[str]:
    from .members import find_country

    if isinstance(countries, str):
        countries = [countries]
    present = set(states)
    out: list[str] = []
    for c in countries:
        code = str(c).strip()
        if code.upper() in present:
            code = code.upper()
        else:
            code = find_country(code).iso3
            if code not in present:
                raise UngaTeachError(f"{c!r} ({code}) has no vote in the selection.")
        if code not in out:
            out.append(code)
    if not out:
        raise UngaTeachError("countries is empty: give at least one state, or None for all.")
    return out


__all__ = [
    "HISTORICAL_CODES",
    "agreement_matrix",
    "cache_dir",
    "cache_file",
    "compare_with_official",
    "historical_codes",
    "read_undl",
    "use_official_record",
]

