"""Statements and explanations of vote, with themes and short attributed quotes.

Examples
--------
>>> import unga_teach as ut
>>> s = ut.load_statements()
>>> {"sovereignty", "ceasefire"} <= set(ut.statement_themes())
True
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from ._paths import data_file
from .csvio import read_table
from .types import ResolutionRef

STATEMENT_COLUMNS = [
    "statement_id",
    "date",
    "resolution",
    "speaker_state",
    "speaker_iso3",
    "speaker",
    "role",
    "vote_cast",
    "themes",
    "summary",
    "quote",
    "source_url",
    "note",
]

THEMES: tuple[str, ...] = (
    "sovereignty",
    "ceasefire",
    "negotiations",
    "humanitarian",
    "procedure",
    "inclusiveness",
    "charter",
    "accountability",
    "security_guarantees",
    "root_causes",
    "selectivity",
)

#: Columns that may be absent from an older statements.csv (added empty).
OPTIONAL_COLUMNS = ["quote_original", "quote_language"]


@cache
def _statements() -> pd.DataFrame:
    frame = read_table(data_file("statements.csv"), STATEMENT_COLUMNS,
                       optional=OPTIONAL_COLUMNS).drop(columns="line_number")
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d")
    frame["themes"] = [[t for t in str(v).split(";") if t] for v in frame["themes"]]
    for col in STATEMENT_COLUMNS + OPTIONAL_COLUMNS:
        if col not in ("date", "themes"):
            frame[col] = frame[col].astype("string")
    order = STATEMENT_COLUMNS[:STATEMENT_COLUMNS.index("quote") + 1] + OPTIONAL_COLUMNS
    return frame[order + STATEMENT_COLUMNS[STATEMENT_COLUMNS.index("quote") + 1:]]


def load_statements(resolution: ResolutionRef | None = None) -> pd.DataFrame:
    """Load statements and explanations of vote.

    Parameters
    ----------
    resolution : str, optional
        Keep only statements about this vote (id, symbol or draft).

    Returns
    -------
    pandas.DataFrame
        ``statement_id``, ``date``, ``resolution``, ``speaker_state``,
        ``speaker_iso3``, ``speaker``, ``role``, ``vote_cast``, ``themes``
        (a list of theme names), ``summary`` (our words), ``quote`` (a short
        quotation, exactly as reported, or empty), ``quote_original`` and
        ``quote_language`` (when the words were spoken or printed in another
        language: the original words and their language code; ``quote`` is
        then **our translation**, and must be shown as such),
        ``source_url``, ``note``.

    Examples
    --------
    >>> s = load_statements("2026")
    >>> "USA" in set(s["speaker_iso3"])
    True
    >>> chn = s.set_index("speaker_iso3").loc["CHN"]
    >>> str(chn["quote_language"]), str(chn["quote"])[:40]
    ('zh', 'the sovereignty and territorial integrit')
    """
    frame = _statements()
    if resolution is not None:
        from .resolutions import resolve_vote  # any vote: a non-course vote has no rows

        frame = frame[frame["resolution"] == resolve_vote(resolution).id]
    out = frame.reset_index(drop=True).copy()
    out["themes"] = [list(t) for t in out["themes"]]  # no shared lists with the cache
    return out


def statement_themes() -> tuple[str, ...]:
    """Return the theme vocabulary used to tag statements (see data/README.md).

    Examples
    --------
    >>> "selectivity" in statement_themes()
    True
    """
    return THEMES
