"""Sources (ranked by tier) and the conflicting claims found in them.

Examples
--------
>>> import unga_teach as ut
>>> c = ut.load_conflicts()
>>> bool(((c["iso3"] == "SYR") & (c["resolution"] == "2026")).any())
True
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from ._paths import data_file
from .categories import SOURCE_TIER_ORDER
from .csvio import read_table
from .errors import DataFileError
from .types import ResolutionRef

SOURCE_COLUMNS = ["source_id", "url", "publisher", "tier", "language", "note"]
CONFLICT_COLUMNS = [
    "conflict_id",
    "resolution",
    "iso3",
    "country",
    "claim",
    "claimed_vote",
    "source_url",
    "outcome",
    "recorded_vote",
    "settled_by",
    "assessment",
]

#: Source tiers, most authoritative first (defined in ``categories``).
TIER_ORDER: tuple[str, ...] = SOURCE_TIER_ORDER
TIER_DTYPE = pd.CategoricalDtype(list(TIER_ORDER), ordered=True)


@cache
def _sources() -> pd.DataFrame:
    path = data_file("sources.csv")
    frame = read_table(path, SOURCE_COLUMNS)
    for tier, line in zip(frame["tier"], frame["line_number"], strict=True):
        if tier not in TIER_ORDER:  # say so, never turn it into a missing value
            raise DataFileError(
                f"tier {tier!r} is not accepted. Accepted: {', '.join(TIER_ORDER)} "
                "(see data/README.md).", str(path), int(line))
    frame = frame.drop(columns="line_number")
    frame["tier"] = frame["tier"].astype(TIER_DTYPE)
    for col in ("source_id", "url", "publisher", "language", "note"):
        frame[col] = frame[col].astype("string")
    return frame


@cache
def _conflicts() -> pd.DataFrame:
    frame = read_table(data_file("conflicts.csv"), CONFLICT_COLUMNS).drop(columns="line_number")
    return frame.astype("string")


def load_sources() -> pd.DataFrame:
    """Load every source cited in the data, with its publisher and tier.

    Tiers, most authoritative first: ``un_record`` (a UN site),
    ``un_record_copy`` (a third party's copy of a UN record), ``wire_agency``,
    ``government``, ``media``, ``other``.

    Examples
    --------
    >>> s = load_sources()
    >>> list(s["tier"].cat.categories)
    ['un_record', 'un_record_copy', 'wire_agency', 'government', 'media', 'other']
    """
    return _sources().copy()


def load_conflicts(resolution: ResolutionRef | None = None) -> pd.DataFrame:
    """Load the conflicting claims found in the sources and how each was settled.

    Parameters
    ----------
    resolution : str, optional
        Keep only the conflicts about one vote.

    Examples
    --------
    >>> "SYR" in set(load_conflicts("2026")["iso3"])
    True
    """
    frame = _conflicts()
    if resolution is not None:
        from .resolutions import resolve_vote  # any vote: a non-course vote has no rows

        frame = frame[frame["resolution"] == resolve_vote(resolution).id]
    return frame.reset_index(drop=True).copy()
