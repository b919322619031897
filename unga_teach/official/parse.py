"""Checks of the raw official file (header, cut-off end) and the pyarrow CSV parse.

Every problem becomes a :class:`~unga_teach.errors.DataFileError` that says
where (the line when it can be found) and what to do; quoted values are
capped (:func:`quote`) so that a huge line cannot flood the message.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import re
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import DataFileError
from .codes import DL_RECORD, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, TOTAL_COLUMNS, UNDL_COLUMNS


def is_gzip(path: Path) -> bool:
    """Whether the file starts with the gzip magic bytes."""
    try:
        with path.open("rb") as fh:
            return fh.read(2) == b"\x1f\x8b"
    except OSError as exc:
        raise _read_error(path, False, exc) from None



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
    except (OSError, EOFError, zlib.error) as exc:
        if gz:
            raise _read_error(path, gz, exc) from None
        raise DataFileError(
            f"cannot read the file ({exc}). If it was downloaded, download it again.",
            path=str(path),
        ) from None


def check_header(path: Path, gz: bool) -> tuple[list[str], dict[str, str]]:
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
    if raw.startswith(b"\xef\xbb\xbf"):
        raise DataFileError(
            "the file starts with two byte order marks (BOM, bytes EF BB BF): it was saved "
            "twice by an editor. Use the original download, or save it again as UTF-8 (with "
            "one BOM or none).",
            path=name,
            line=1,
        )
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
        shown = ", ".join(_shown_name(c) for c in columns[:25]) + (
            f" ... ({len(columns) - 25} more)" if len(columns) > 25 else "")
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


def check_tail(path: Path, columns: list[str]) -> None:
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
        check_last_link(path, fields[idx].strip(), fields[-1].strip())


def check_last_link(path: Path, undl_id: str, link: str) -> None:
    """A cut-off link is a strict prefix of the full one."""
    full = f"{DL_RECORD}{undl_id}"
    if link and link != full and full.startswith(link):
        raise _truncated(path, "the last row (its undl_link is cut short)")


#: bytes per block of the CSV parse: each block is a chunk with its own dictionaries. 4 MiB
#: measured fastest for parse + checks on the UN file (1 MiB: +20%, more chunks to unify)
_BLOCK = 4 << 20


def _arrow_types(mapping: dict[str, str]) -> tuple[list[str], dict[str, Any]]:
    import pyarrow as pa

    # text is dictionary-encoded while it is read: a few hundred distinct values per
    # column, so the table holds 4-byte indices instead of a million strings (half the
    # memory of a plain string read, for the same parse time)
    text = pa.dictionary(pa.int32(), pa.string())
    wanted = [c for c in REQUIRED_COLUMNS + OPTIONAL_COLUMNS if c in mapping]
    types: dict[str, Any] = {}
    for col in wanted:
        if col in TOTAL_COLUMNS:
            types[mapping[col]] = pa.float64()
        elif col == "undl_id":
            types[mapping[col]] = pa.int64()
        else:
            types[mapping[col]] = text
    return [mapping[c] for c in wanted], types


def parse_csv(path: Path, gz: bool, mapping: dict[str, str], progress: bool,
              header: Sequence[str] = ()) -> Any:
    """Parse with pyarrow; return a pyarrow table with the official column names.

    Text columns are ``dictionary<int32, string>``, each chunk (block of the
    file) with its own dictionary: :func:`~unga_teach.official.columns.dictionary_codes`
    unifies them one column at a time (all at once would hold a second copy of
    every column's indices). Numbers are ``int64`` (``undl_id``) and
    ``float64`` (the totals).
    """
    import pyarrow as pa
    import pyarrow.csv as pacsv

    include, types = _arrow_types(mapping)

    bad_rows: list[str] = []

    def on_bad_row(row: Any) -> str:
        bad_rows.append(str(row.text))
        return "error"

    def run(newlines_in_values: bool) -> Any:
        read_options = pacsv.ReadOptions(block_size=_BLOCK)
        parse_options = pacsv.ParseOptions(newlines_in_values=newlines_in_values,
                                           invalid_row_handler=on_bad_row)
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
            bad_rows.clear()
            table = run(True)
    except pa.ArrowInvalid as exc:
        raise _parse_error(path, gz, str(exc), bad_rows, header) from None
    except (OSError, EOFError, zlib.error) as exc:
        raise _read_error(path, gz, exc) from None
    return table.rename_columns([_official_name(c, mapping) for c in table.column_names])


def _shown_name(column: str) -> str:
    """A column name for a message: as it is when short and printable, else quoted and cut."""
    name = column.strip()
    if len(name) <= 40 and name.isprintable():
        return name
    return quote(name, 40)


def quote(text: object, limit: int = 120) -> str:
    """``repr`` of a value from the file, cut to ``limit`` characters for messages.

    Examples
    --------
    >>> quote("x" * 500, limit=10)
    "'xxxxxxxxxx' ... (490 more characters)"
    """
    value = str(text)
    if len(value) <= limit:
        return repr(value)
    return f"{value[:limit]!r} ... ({len(value) - limit:,} more characters)"


def _read_error(path: Path, gz: bool, exc: BaseException) -> DataFileError:
    """A read error (damaged or cut-off gzip data, permissions, ...) as a DataFileError."""
    text = str(exc)
    if gz and ("Truncated" in text or isinstance(exc, EOFError) or "ended before" in text):
        return _truncated(path, "the compressed data (the .gz file is incomplete)")
    if gz:
        return DataFileError(
            f"the compressed data is damaged ({quote(text, 80)}): the .gz file is corrupt, "
            "not just cut off. Download it again.",
            path=str(path),
        )
    if isinstance(exc, OSError) and exc.strerror:
        text = exc.strerror
    return DataFileError(f"cannot read the file: {quote(text, 200)[1:-1]}.", path=str(path))


def _parse_error(path: Path, gz: bool, msg: str, bad_rows: list[str],
                 header: Sequence[str]) -> DataFileError:
    """The ArrowInvalid message of a failed parse as a DataFileError with its line."""
    name = str(path)
    found = re.search(r"Expected (\d+) columns, got (\d+)", msg)
    if found:
        row = bad_rows[0] if bad_rows else msg.split(": ", 2)[-1]
        return DataFileError(
            f"a row has {found.group(2)} fields instead of {found.group(1)}: "
            f"{quote(row, 160)}. If it is the last row, the file ends in the middle of a row "
            "(cut off): download it again. Otherwise a value has an unquoted comma.",
            path=name,
            line=_line_where(path, gz, lambda raw: raw.rstrip(b"\r\n") == row.encode()),
        )
    if "invalid UTF8" in msg or "UTF8" in msg:
        return DataFileError(
            "the file is not UTF-8 text (it may be Latin-1 or Windows-1252, for example from "
            "Excel). Use the original download, or open it and save it again as "
            "'CSV UTF-8 (comma delimited)'.",
            path=name,
            line=_line_where(path, gz, _not_utf8),
        )
    conv = re.search(
        r"In CSV column #(\d+): (?:Row #\d+: )?CSV conversion error to (\w+): invalid value '(.*)'",
        msg, flags=re.S,
    )
    if conv:
        col_no = int(conv.group(1))
        value = conv.group(3)
        col_name = header[col_no].strip() if col_no < len(header) else f"#{col_no + 1}"

        def has_value(raw: bytes) -> bool:
            fields = next(csv.reader([raw.decode("utf-8", "replace")]), [])
            return col_no < len(fields) and fields[col_no] == value

        return DataFileError(
            f"column {col_name!r} has the value {quote(value)}, which is not a number.",
            path=name,
            line=_line_where(path, gz, has_value),
        )
    if "straddling" in msg or "block" in msg:
        return DataFileError(
            f"a line is longer than {_BLOCK >> 20} MB: this is not the UN voting file, or it is "
            "damaged (a missing line break?). Download it again.",
            path=name,
        )
    if "Empty CSV" in msg:
        return DataFileError("the file is empty; expected a header line and data rows.",
                             path=name)
    return DataFileError(f"the file cannot be read as CSV: {quote(msg, 200)[1:-1]}",
                         path=name)


def _not_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def _line_where(path: Path, gz: bool, test: Any) -> int | None:
    """The 1-based number of the first line for which ``test(bytes)`` holds (errors only).

    Reads the file line by line (plain or gzip): a few seconds at most, and
    only on the way to an error message.
    """
    opener = gzip.open if gz else open
    try:
        with opener(path, "rb") as fh:  # type: ignore[operator]
            for number, raw in enumerate(fh, start=1):
                if number > 1 and test(raw):
                    return number
    except (OSError, EOFError, zlib.error):
        return None
    return None


def _official_name(col: str, mapping: dict[str, str]) -> str:
    for official, actual in mapping.items():
        if actual == col:
            return official
    return col

