"""Agreement between every pair of states, for any selection of votes.

Examples
--------
>>> import pandas as pd
>>> v = pd.DataFrame({"resolution": ["r1", "r1"], "iso3": ["FRA", "DEU"],
...                   "vote": ["yes", "yes"]})
>>> float(agreement_matrix(v).loc["FRA", "DEU"])
1.0
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..errors import UngaTeachError

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
        from ..votes import known_votes

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
    comparable = _pair_counts(np.asarray(onehot.any(axis=0)))
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
    from ..course_votes import resolve_resolution

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
        if rid is not None and rid in present:
            wanted.add(rid)
        else:
            raise UngaTeachError(
                f"resolution {ref!r} is not in the votes given ({len(present)} votes, e.g. "
                f"{', '.join(sorted(present)[:4])})."
            )
    return wanted


def _wanted_states(states: list[str], countries: Iterable[object]) -> list[str]:
    from ..members import find_country

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

