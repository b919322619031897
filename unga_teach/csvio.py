"""Reading CSV files with specific, friendly errors.

Used for the shipped data and for CSVs an instructor loads. Problems are
reported with the file name, the line and the value, never as a traceback from
inside pandas, and no row is ever dropped silently.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from os import PathLike
from pathlib import Path

import pandas as pd

from .errors import DataFileError

_OTHER_DELIMITERS = {";": "semicolons", "\t": "tabs", "|": "pipes"}


def read_csv_text(path: str | PathLike[str]) -> str:
    """Return the text of a UTF-8 CSV file (a BOM is accepted).

    Raises
    ------
    DataFileError
        If the file is missing, empty or not UTF-8.
    """
    p = Path(path)
    if not p.is_file():
        raise DataFileError("file not found.", path=str(p))
    raw = p.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataFileError(
            f"the file is not UTF-8 text (byte {raw[exc.start]:#04x} at position {exc.start}). "
            "Save it as 'CSV UTF-8' (in Excel: File > Save As > CSV UTF-8) and load it again.",
            path=str(p),
            line=line,
        ) from None
    if not text.strip():
        raise DataFileError("the file is empty; expected a header line and data rows.", path=str(p))
    return text


def read_table(
    path: str | PathLike[str],
    required: Sequence[str],
    *,
    optional: Sequence[str] = (),
) -> pd.DataFrame:
    """Read a comma-separated file as strings and check its columns.

    Parameters
    ----------
    path : path-like
        The CSV file.
    required : sequence of str
        Columns that must be present.
    optional : sequence of str
        Columns that may be present; missing ones are added empty.

    Returns
    -------
    pandas.DataFrame
        All columns as strings (empty string for blank cells), with a
        ``line_number`` column holding each row's line number in the file.

    Raises
    ------
    DataFileError
        Missing file, empty file, wrong encoding, wrong delimiter, missing
        columns or a row with the wrong number of fields.

    Examples
    --------
    >>> from unga_teach._paths import data_file
    >>> t = read_table(data_file("resolutions.csv"), ["id", "yes"])
    >>> int(t.loc[t["id"] == "2026", "yes"].iloc[0])
    107
    """
    name = str(path)
    text = read_csv_text(path)
    header = text.splitlines()[0]
    if "," not in header and len(required) > 1:
        for delim, label in _OTHER_DELIMITERS.items():
            if delim in header:
                raise DataFileError(
                    f"the columns are separated by {label}, not commas. Save the file "
                    "as comma-separated values (CSV) and load it again.",
                    path=name,
                    line=1,
                )
    reader = csv.reader(io.StringIO(text, newline=""))
    columns = [c.strip() for c in next(reader)]
    missing = [c for c in required if c not in columns]
    if missing:
        raise DataFileError(
            f"missing column(s) {', '.join(missing)}. The header has: {', '.join(columns)}. "
            f"Required: {', '.join(required)}.",
            path=name,
            line=1,
        )
    records: list[list[str]] = []
    lines: list[int] = []
    try:
        for row in reader:
            line_no = reader.line_num
            if not row or all(not cell.strip() for cell in row):
                continue
            if len(row) != len(columns):
                raise DataFileError(
                    f"expected {len(columns)} fields but found {len(row)}: {row!r}. "
                    "Check for an unquoted comma or a missing field.",
                    path=name,
                    line=line_no,
                )
            records.append([cell.strip() for cell in row])
            lines.append(line_no)
    except csv.Error as exc:
        raise DataFileError(f"malformed CSV: {exc}.", path=name, line=reader.line_num) from None
    if not records:
        raise DataFileError("the file has a header but no data rows.", path=name)
    frame = pd.DataFrame(records, columns=columns, dtype="string").astype(object)
    for col in optional:
        if col not in frame.columns:
            frame[col] = ""
    frame["line_number"] = lines
    return frame
