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
    return pd.Categorical.from_codes(codes.astype(code_dtype(len(categories)), copy=False),
                                     dtype=pd.CategoricalDtype(categories), validate=False)


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

