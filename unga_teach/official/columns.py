"""Categorical helpers for the official reader: fast per-category work on many rows.

A column of the UN file has about a million rows but a few hundred distinct
values; these helpers work on the distinct values and gather by code.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd


def categorical(column: Any) -> pd.Categorical:
    """A pandas categorical from a pyarrow string column (categories in order of appearance)."""

    found = dictionary_codes(column)
    if found is None:
        return pd.Categorical.from_codes(np.empty(0, dtype=np.int8),
                                         dtype=pd.CategoricalDtype(pd.Index([], dtype="str")))
    codes, dictionary = found
    categories = pd.Index(pd.array(dictionary, dtype="str"))
    return pd.Categorical.from_codes(codes.astype(code_dtype(len(categories)), copy=False),
                                     dtype=pd.CategoricalDtype(categories), validate=False)


def dictionary_codes(column: Any) -> tuple[np.ndarray, Any] | None:
    """The codes (``int32``) and the dictionary of a pyarrow text column, ``None`` if empty.

    A dictionary column whose chunks have different dictionaries (as
    :func:`~unga_teach.official.parse.parse_csv` returns them, one per block
    of the file) is unified first; a plain text column is encoded. Equal
    values have equal codes; the dictionary is in order of first appearance.
    """
    import pyarrow as pa

    encoded = column if pa.types.is_dictionary(column.type) else column.dictionary_encode()
    chunks = encoded.chunks
    if not chunks:
        return None
    dictionary = chunks[-1].dictionary
    if not all(_same_array(chunk.dictionary, dictionary) for chunk in chunks[:-1]):
        encoded = pa.table({"c": encoded}).unify_dictionaries().column(0)
        chunks = encoded.chunks
        dictionary = chunks[-1].dictionary
    codes = np.concatenate([chunk.indices.to_numpy(zero_copy_only=False) for chunk in chunks])
    return codes, dictionary


def _same_array(a: Any, b: Any) -> bool:
    """Whether two pyarrow arrays are equal (shared buffers: no comparison of values)."""
    if len(a) != len(b):
        return False
    addresses = [[buf.address if buf is not None else 0 for buf in x.buffers()] for x in (a, b)]
    return (addresses[0] == addresses[1] and a.offset == b.offset) or a.equals(b)


def numbers_at(column: Any, rows: np.ndarray) -> np.ndarray:
    """``column.take(rows).to_numpy()`` for increasing ``rows`` of a chunked number column.

    Chunk by chunk, in numpy: pyarrow's take first joins the chunks into one
    array, a copy of the whole column (several MB of new memory for a few
    thousand values). Missing values become NaN.
    """
    out = np.empty(len(rows), dtype=np.float64)
    start = 0
    for chunk in column.chunks:
        m = len(chunk)
        lo, hi = np.searchsorted(rows, (start, start + m))
        if hi > lo:
            out[lo:hi] = chunk.to_numpy(zero_copy_only=False)[rows[lo:hi] - start]
        start += m
    return out


# ------------------------------------------------------------------ categoricals
def str_dtype(categories: Sequence[str] | Any) -> pd.CategoricalDtype:
    return pd.CategoricalDtype(pd.Index(categories, dtype="str"))


def recode(values: Any, fn: Any, dtype: Any = None) -> pd.Categorical:
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
    return pd.Categorical.from_codes(_lookup(lut, codes), dtype=str_dtype(uniq),
                                     validate=False)


#: what Python's ``str.strip()`` removes from ASCII text
_ASCII_SPACE = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"


def clean_text(values: pd.Categorical, *, upper: bool = False,
               blank_is_missing: bool = False) -> pd.Categorical:
    """Categories stripped (and upper-cased), blank ones missing if asked: like :func:`recode`.

    The usual case, categories that are already clean, is found by pyarrow
    in one pass over the categories and returns ``values`` unchanged; any
    other case goes through :func:`recode` with Python's ``str.strip``.

    Examples
    --------
    >>> list(clean_text(pd.Categorical([" a", "b"])).categories)
    ['a', 'b']
    >>> list(clean_text(pd.Categorical(["fra", ""]), upper=True, blank_is_missing=True))
    ['FRA', nan]
    """
    cats = values.categories
    if not values.ordered and cats.dtype == "str" and len(cats):
        import pyarrow as pa
        import pyarrow.compute as pc

        text = pa.array(cats.array)
        if pc.all(pc.string_is_ascii(text)).as_py():  # Python and pyarrow agree on ASCII
            clean = pc.ascii_trim(text, _ASCII_SPACE)
            if upper:
                clean = pc.ascii_upper(clean)
            if pc.all(pc.equal(clean, text)).as_py() and not (
                    blank_is_missing and pc.any(pc.equal(text, "")).as_py()):
                return values

    def fix(c: Any) -> str | None:
        out = str(c).strip()
        out = out.upper() if upper else out
        return out or None if blank_is_missing else out

    return recode(values, fix)


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


def take(values: Any, idx: np.ndarray) -> Any:
    """Rows ``idx`` of a column (categoricals stay categoricals, nullable stay nullable)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        codes = values.cat.codes if isinstance(values, pd.Series) else values.codes
        return pd.Categorical.from_codes(np.asarray(codes)[idx], dtype=values.dtype,
                                         validate=False)
    if isinstance(values.dtype, pd.api.extensions.ExtensionDtype):
        return pd.array(values).take(idx)
    return np.asarray(values)[idx]


def first_row(mask: np.ndarray) -> int:
    return int(np.flatnonzero(mask)[0])


_MEMBERS: list[Any] = [None, set()]

def code_dtype(n: int) -> Any:
    return np.int8 if n < 2**7 else np.int16 if n < 2**15 else np.int32


def cat_mask(values: pd.Series, pred: Any) -> np.ndarray:
    """``pred`` of every row of a categorical column, evaluated once per category."""
    lut = np.array([bool(pred(c)) for c in values.cat.categories.to_numpy(dtype=object)]
                   + [False])
    return lut[values.cat.codes.to_numpy()]

