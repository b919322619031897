"""The fixed vote categories, their order, labels and colour-blind-safe colours.

One place defines them; every loader, chart and table uses them, so "unknown"
is always shown and always last.
"""

from __future__ import annotations

import pandas as pd

#: Member states of the United Nations (every vote's roll call has one row each).
MEMBER_STATE_COUNT = 193

#: Vote values in display order. ``unknown`` means no source was found.
VOTE_ORDER: tuple[str, ...] = ("yes", "no", "abstain", "non_voting", "unknown")

#: The four positions a state can actually take in a recorded vote.
RECORDED_VOTES: tuple[str, ...] = VOTE_ORDER[:4]

#: Human labels for the vote values.
VOTE_LABELS: dict[str, str] = {
    "yes": "Yes",
    "no": "No",
    "abstain": "Abstain",
    "non_voting": "Non-voting",
    "unknown": "Unknown (no source)",
}

#: Okabe-Ito colours (safe for the common forms of colour blindness); unknown is
#: the only grey, so "no data" never looks like a position.
VOTE_COLORS: dict[str, str] = {
    "yes": "#0072B2",
    "no": "#D55E00",
    "abstain": "#E69F00",
    "non_voting": "#CC79A7",
    "unknown": "#D9D9D9",
}

#: How a vote row is known, best first (see data/README.md).
CONFIDENCE_ORDER: tuple[str, ...] = (
    "official",
    "confirmed",
    "reported",
    "derived",
    "low",
    "disputed",
    "none",
)

#: Source tiers, most authoritative first (see data/README.md, "How we decide what a
#: vote was"). ``un_record_copy`` is a third party's copy of a UN record (a public
#: reproduction of the UN Digital Library voting records, a site reproducing a UN
#: press release): the UN's content without the UN's guarantee.
SOURCE_TIER_ORDER: tuple[str, ...] = (
    "un_record",
    "un_record_copy",
    "wire_agency",
    "government",
    "media",
    "other",
)

#: Ordered categorical dtype for vote columns.
VOTE_DTYPE = pd.CategoricalDtype(list(VOTE_ORDER), ordered=True)

#: Ordered categorical dtype for confidence columns (``none`` for unknown votes).
CONFIDENCE_DTYPE = pd.CategoricalDtype(list(CONFIDENCE_ORDER), ordered=True)


def vote_label(value: str) -> str:
    """Return the display label of a vote value.

    Examples
    --------
    >>> vote_label("non_voting")
    'Non-voting'
    """
    return VOTE_LABELS[value]
