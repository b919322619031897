"""From the parsed pyarrow table to the checked tidy frame (and back from the cache).

:func:`normalise` checks the parsed columns and splits them into a per-row
table and a per-vote table (what the cache stores); :func:`assemble` builds
the tidy frame of :func:`unga_teach.read_undl` from the two.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..categories import CONFIDENCE_DTYPE, VOTE_DTYPE
from ..errors import DataFileError
from .codes import DL_RECORD, TOTAL_COLUMNS, VOTE_CODES, current_members, successor
from .columns import categorical, clean_text, dictionary_codes, first_row, numbers_at, recode, take

#: per-row columns of the cache; the others are per vote when constant within a vote
#: per-row columns of the cache; the others are per vote when constant within a vote
ROW_COLUMNS = ["iso3", "vote", "ms_name", "note"]
PER_VOTE_COLUMNS = ["undl_id", "symbol", "source_url", "draft", "session", "date", *TOTAL_COLUMNS]
#: rows per vote, in the per-vote table when the rows of each vote are contiguous
#: (always in the UN file); otherwise the per-row table has ``v``, the vote's position
N_ROWS = "n_rows"


def _text_per_vote(column: Any, starts: np.ndarray, boundary: np.ndarray) -> Any:
    """The values at ``starts`` when a text column is constant within each run, else None."""
    import pyarrow as pa

    if not pa.types.is_dictionary(column.type):
        found = dictionary_codes(column)  # equal values have equal codes
        codes = found[0] if found is not None else np.empty(0, dtype=np.int32)
        if not bool(np.all((codes[1:] == codes[:-1]) | boundary[1:])):
            return None
        return column.take(starts)
    # chunk by chunk: within a chunk equal values have equal indices (one dictionary);
    # where chunks meet, the two values themselves are compared
    pos = 0
    last: Any = None
    for chunk in column.chunks:
        m = len(chunk)
        if not m:
            continue
        idx = chunk.indices.to_numpy(zero_copy_only=False)
        runs = boundary[pos:pos + m]
        if not bool(np.all((idx[1:] == idx[:-1]) | runs[1:])):
            return None
        if pos and not runs[0] and chunk[0].as_py() != last:
            return None
        last = chunk[m - 1].as_py()
        pos += m
    return column.take(starts)


def _numbers_per_vote(column: Any, boundary: Any) -> bool:
    """Whether a float column is constant within each run (``boundary`` as a pyarrow array).

    pyarrow compares the chunks where they are (no copy, no GIL). A column
    with blanks is compared by bits instead, so that a blank equals a blank.
    """
    import pyarrow.compute as pc

    n = len(column)
    if column.null_count:
        bits = column.to_numpy().view(np.int64)
        return bool(np.all((bits[1:] == bits[:-1]) | boundary.to_numpy(zero_copy_only=False)))
    same = pc.equal(column.slice(1), column.slice(0, n - 1))
    return bool(pc.all(pc.or_(same, boundary)).as_py())


def normalise(raw: Any, path: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
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
    """:func:`normalise` with a pool of threads for the pyarrow work."""
    name = str(path)
    n = raw.num_rows
    columns = set(raw.column_names)
    encoded = {col: pool.submit(categorical, raw.column(col))
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
        row = first_row(np.isin(votes.codes, bad))
        raise DataFileError(
            f"ms_vote {votes[row]!r} is not a vote code ({where(row)}). Accepted: Y (yes), "
            "N (no), A (abstention), X or blank (non-voting).",
            path=name,
            line=row + 2,
        )
    vote = recode(votes, lambda c: VOTE_CODES[str(c).strip().upper()], VOTE_DTYPE)
    del votes

    # ms_code: a code on every row
    iso3 = clean_text(encoded["ms_code"].result(), upper=True, blank_is_missing=True)
    if (iso3.codes < 0).any():
        row = first_row(iso3.codes < 0)
        raise DataFileError(
            f"ms_code is empty ({where(row)}, name {cell('ms_name', row)!r}). Every row "
            "needs the state's three-letter code.",
            path=name,
            line=row + 2,
        )

    # undl_id: the voting record, the key of a vote
    id_column = raw.column("undl_id")
    if id_column.null_count:
        row = first_row(id_column.is_null().to_numpy(zero_copy_only=False))
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
        dup_key = int(key[first_row(dup)]) if dup.any() else None
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
            if check.dtype.kind == "f":  # the same bits: NaN equals NaN (-0.0 is not 0.0:
                check = check.view(np.int64)  # then kept per row, with the same values)
            return bool(np.all((check[1:] == check[:-1]) | boundary[1:]))
        at_first = check[first][v_codes]
        same = (check == at_first) | (pd.isna(check) & pd.isna(at_first)) \
            if check.dtype.kind == "f" else check == at_first
        return bool(np.all(same))

    def put(col: str, values: Any, codes: np.ndarray | None = None) -> None:
        """Store per vote when constant within every vote, else per row."""
        if constant(codes if codes is not None else np.asarray(values)):
            per_vote[col] = take(values, first)
        else:
            per_row[col] = values

    # totals: floats in the file ("120.0"), integers here
    import pyarrow as pa

    runs_after_first = pa.array(boundary[1:])
    for col in TOTAL_COLUMNS:
        column = raw.column(col)
        if contiguous and _numbers_per_vote(column, runs_after_first):  # the usual case
            is_constant, check, at = True, numbers_at(column, first), first
        else:
            values = column.to_numpy()
            is_constant = constant(values)
            check = values[first] if is_constant else values  # a bad row starts a vote
            at = first if is_constant else np.arange(n)
        finite = np.isfinite(check)
        off = finite & (check != np.round(check))
        if off.any():
            row = int(at[first_row(off)])
            raise DataFileError(
                f"{col} is {check[first_row(off)]!r}, not a whole number ({where(row)}).",
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
    date_cat = categorical(date_raw if date_raw is not None else raw.column("date"))
    at = first if date_raw is not None else np.arange(n)
    date_text = [str(c).strip() for c in date_cat.categories.to_numpy(dtype=object)]
    parsed = pd.to_datetime(pd.Series(date_text, dtype=object), format="ISO8601",
                            errors="coerce")
    unparsed = parsed.isna().to_numpy() & np.array([bool(c) for c in date_text], dtype=bool)
    bad_dates = np.flatnonzero(unparsed)  # blank is allowed (NaT), anything else must parse
    date_codes = np.asarray(date_cat.codes)
    if len(bad_dates):
        row = int(at[first_row(np.isin(date_codes, bad_dates))])
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

    # source: the row's link, or the record's address
    for_vote = text.get("undl_link") is not None or "undl_link" not in columns
    link_ids = uniq_ids if for_vote else ids
    if "undl_link" in columns:
        link = clean_text(categorical(text["undl_link"] if for_vote
                                      else raw.column("undl_link")), blank_is_missing=True)
        if (link.codes < 0).any():
            link_text = np.where(link.codes < 0, DL_RECORD + link_ids.astype(str),
                                 np.asarray(link.astype(object)))
            link = pd.Categorical(link_text)
    else:
        link = pd.Categorical(DL_RECORD + link_ids.astype(str))
    if for_vote:
        per_vote["source_url"] = link
    else:
        put("source_url", link, link.codes)
    del link
    for col, source in (("symbol", "resolution"), ("draft", "draft"), ("session", "session")):
        if text[source] is not None:
            per_vote[col] = clean_text(categorical(text[source]))
        else:
            values = clean_text(categorical(raw.column(source)))
            put(col, values, values.codes)

    note = (clean_text(encoded["vote_note"].result()) if "vote_note" in columns
            else pd.Categorical.from_codes(np.zeros(n, dtype=np.int8), categories=[""]))
    rows_table = pd.DataFrame({
        "iso3": iso3, "vote": vote,
        "ms_name": clean_text(encoded["ms_name"].result()), "note": note,
        **per_row,
    }, copy=False)
    if contiguous:
        per_vote[N_ROWS] = counts.astype(np.int32)
    else:
        rows_table.insert(0, "v", v_codes.astype(np.int16 if n_votes < 2**15 else np.int32))
    votes_table = pd.DataFrame(per_vote, copy=False)
    for table in (rows_table, votes_table):
        for col in TOTAL_COLUMNS:
            if col in table and table[col].dtype.kind == "f":
                table[col] = pd.array(table[col].to_numpy(), dtype="Int16")
    return rows_table, votes_table


def _writable(values: Any) -> Any:
    """A column the caller may change in place (a read-only array is copied)."""
    if isinstance(values, pd.Categorical):
        codes = values._ndarray if hasattr(values, "_ndarray") else None
        if codes is not None and not codes.flags.writeable:
            return pd.Categorical.from_codes(codes.copy(), dtype=values.dtype, validate=False)
        return values
    if isinstance(values, np.ndarray) and not values.flags.writeable:
        return values.copy()
    return values


def assemble(rows: pd.DataFrame, votes: pd.DataFrame) -> pd.DataFrame:
    """The tidy frame from the per-row and per-vote tables (a few gathers)."""
    n = len(rows)
    if "v" in rows.columns:
        idx = rows["v"].to_numpy().astype(np.intp)

        def expand(values: np.ndarray) -> np.ndarray:
            return values[idx]
    else:
        counts = votes[N_ROWS].to_numpy()

        def expand(values: np.ndarray) -> np.ndarray:
            return np.repeat(values, counts)  # rows of a vote are contiguous: a few memcpy

    cols: dict[str, Any] = {}
    for col in PER_VOTE_COLUMNS:
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
    members = current_members()
    iso3 = _writable(rows["iso3"].array)
    current = recode(iso3, lambda c: successor(str(c), members))
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

