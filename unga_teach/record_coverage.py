"""How much of each official tally the data can name, country by country.

Examples
--------
>>> import unga_teach as ut
>>> cov = ut.coverage()
>>> cov.loc[cov["resolution"] == "ES-11/7", "status"].item()
'complete'
"""

from __future__ import annotations

import pandas as pd

from . import record
from .categories import RECORDED_VOTES
from .resolutions import load_resolutions
from .votes import known_votes


def coverage() -> pd.DataFrame:
    """Known versus official counts per vote category, for every resolution.

    Returns
    -------
    pandas.DataFrame
        One row per resolution: ``resolution``, ``date``, for each category
        ``known_<v>`` and ``official_<v>`` (v in yes, no, abstain,
        non_voting), ``known`` and ``unknown`` (states with / without a
        sourced vote), ``share_known``, ``status`` (``complete`` or
        ``partial``) and ``record`` (``shipped`` or ``official`` when an
        official UN file is in use for that vote).

    Examples
    --------
    >>> c = coverage().set_index("resolution")
    >>> int(c.loc["2026", "official_yes"]), int(c.loc["2026", "known_no"])
    (107, 12)
    >>> bool((c["known"] + c["unknown"] == 193).all())
    True
    """
    res = load_resolutions(include_procedural=False)
    rows = known_votes()
    counts = (
        rows.groupby(["resolution", "vote"]).size().unstack(fill_value=0)
        .reindex(columns=list(RECORDED_VOTES), fill_value=0)
    )
    official = record.official_votes()
    official_ids = set() if official is None else set(official["resolution"].unique())
    out = []
    for r in res.itertuples(index=False):
        rid = str(r.id)
        known = counts.loc[rid] if rid in counts.index else pd.Series(0, index=list(RECORDED_VOTES))
        entry: dict[str, object] = {"resolution": rid, "date": r.date}
        for v in RECORDED_VOTES:
            entry[f"known_{v}"] = int(known[v])
            entry[f"official_{v}"] = int(getattr(r, v))
        n_known = int(known.sum())
        entry["known"] = n_known
        entry["unknown"] = int(r.total_members) - n_known
        entry["share_known"] = round(n_known / int(r.total_members), 3)
        entry["status"] = "complete" if n_known == int(r.total_members) else "partial"
        entry["record"] = "official" if rid in official_ids else "shipped"
        out.append(entry)
    return pd.DataFrame(out)
