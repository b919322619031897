"""The paragraphs of the 2026 text, as reported, and what the US motion targeted.

Examples
--------
>>> import unga_teach as ut
>>> p = ut.load_paragraphs()
>>> sorted(p.loc[p["targeted_by_us_motion"], "paragraph_id"])
['OP2', 'PP2']
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from ._paths import data_file
from .csvio import read_table
from .types import ResolutionRef

PARAGRAPH_COLUMNS = [
    "paragraph_id",
    "resolution",
    "part",
    "position",
    "summary",
    "reported_wording",
    "wording_source_url",
    "targeted_by_us_motion",
    "motion_outcome",
    "compare_es11_7",
    "source_url",
    "note",
]


@cache
def _paragraphs() -> pd.DataFrame:
    frame = read_table(data_file("paragraphs.csv"), PARAGRAPH_COLUMNS).drop(columns="line_number")
    frame["targeted_by_us_motion"] = frame["targeted_by_us_motion"].str.lower().eq("true")
    frame["position"] = pd.to_numeric(frame["position"], errors="coerce").astype("Int64")
    for col in PARAGRAPH_COLUMNS:
        if col not in ("targeted_by_us_motion", "position"):
            frame[col] = frame[col].astype("string")
    return frame


def load_paragraphs(resolution: ResolutionRef | None = "2026") -> pd.DataFrame:
    """Load the reported paragraphs of a text (by default the 2026 resolution).

    Parameters
    ----------
    resolution : str or None, default "2026"
        ``None`` returns every row, including the comparable 2025 (ES-11/7)
        elements.

    Returns
    -------
    pandas.DataFrame
        ``paragraph_id`` (PP1.., OP1..), ``resolution``, ``part``
        (preambular/operative), ``position``, ``summary`` (our words),
        ``reported_wording`` (only what reports quote), ``wording_source_url``,
        ``targeted_by_us_motion``, ``motion_outcome``, ``compare_es11_7``,
        ``source_url``, ``note``.

    Examples
    --------
    >>> load_paragraphs()["part"].unique().tolist()
    ['preambular', 'operative']
    """
    frame = _paragraphs()
    if resolution is not None:
        from .resolutions import resolve_vote  # any vote: a non-course vote has no rows

        frame = frame[frame["resolution"] == resolve_vote(resolution).id]
        frame = frame.sort_values("position")
    return frame.reset_index(drop=True).copy()
