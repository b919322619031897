"""Data the exercise checkers read, always through the package's loaders.

Every function reads the data when it is called (never at import), so a check
follows the official record when one is in use.

Examples
--------
>>> totals("2026")["yes"]
107
>>> votes("2026")["vote"].astype(str).eq("no").sum()
np.int64(12)
"""

from __future__ import annotations

import pandas as pd

__all__ = ["every_vote", "known", "totals", "votes"]


def totals(resolution: str = "2026") -> dict[str, int]:
    """The official totals of a vote: yes, no, abstain, non_voting, total_members.

    Examples
    --------
    >>> t = totals("ES-11/1")
    >>> t["yes"] + t["no"] + t["abstain"] + t["non_voting"] == t["total_members"]
    True
    """
    from ...resolutions import resolution_info

    info = resolution_info(resolution)
    return {k: int(info[k]) for k in ("yes", "no", "abstain", "non_voting", "total_members")}


def votes(resolution: str = "2026") -> pd.DataFrame:
    """``ut.load_votes(resolution)``: one row per member state."""
    from ...votes import load_votes

    return load_votes(resolution)


def known(resolution: str = "2026") -> pd.DataFrame:
    """The rows of :func:`votes` whose vote is not ``unknown``."""
    frame = votes(resolution)
    return frame[frame["vote"].astype(str) != "unknown"]


def every_vote() -> pd.DataFrame:
    """``ut.load_votes()``: every vote of the series, one row per state and vote."""
    from ...votes import load_votes

    return load_votes()
