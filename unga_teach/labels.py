"""The words a learner reads for the package's column names and codes, in one place.

:func:`unga_teach.show_table` heads each column of the package's own tables
(``tally_table``, ``vote_map_table``, ``coverage``, ``load_votes`` ...) with
:data:`COLUMN_LABELS`, so ``ut.show_table(ut.tally_table("2026"))`` needs no
rename dict; labels a caller gives still win. A column that only repeats
another one in other words (``label`` next to ``vote``) is left out unless
asked for (:data:`REPEATS`). Codes stored in the data (``none``,
``not_located``, ``un_record_copy``) are shown in plain words
(:data:`VALUE_WORDS`) wherever the package renders them: tables, widgets,
tooltips. The data files keep the codes.

Examples
--------
>>> column_label("share_of_present_and_voting")
'Share of present and voting'
>>> column_label("some_new_column")
'Some new column'
>>> value_word("confidence", "none"), value_word("outcome", "not_located")
('no source', 'not located')
>>> value_word("tier", "un_record_copy")
'copy of a UN record'
>>> value_word("note", "none")
'none'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

#: Column name -> the header a learner reads (any column not here: "share_known" -> "Share known").
COLUMN_LABELS: dict[str, str] = {
    # states and places
    "name": "State",
    "country": "State",
    "state": "State",
    "speaker_state": "State",
    "name_a": "State",
    "name_b": "Other state",
    "iso3": "ISO3",
    "iso2": "ISO2",
    "iso_num": "ISO numeric",
    "region": "Region",
    "m49_region": "Region (UN M49)",
    "m49_subregion": "Subregion (UN M49)",
    "un_regional_group": "UN regional group",
    "lon": "Longitude",
    "lat": "Latitude",
    "on_map": "Shape on the map",
    "has_shape_110m": "Shape on the map",
    # votes and their counts
    "resolution": "Resolution",
    "vote": "Vote",
    "vote_cast": "Vote",
    "label": "Vote",
    "claimed_vote": "Claimed vote",
    "recorded_vote": "Recorded vote",
    "from_vote": "First vote",
    "to_vote": "Second vote",
    "yes": "Yes",
    "no": "No",
    "abstain": "Abstain",
    "non_voting": "Non-voting",
    "unknown": "Unknown (no source)",
    "known": "Named by a source",
    "official": "Official total",
    "missing": "Not yet named",
    "counted": "Counted for the majority",
    "present_and_voting": "Present and voting",
    "share_of_present_and_voting": "Share of present and voting",
    "yes_share_of_present_and_voting": "Yes share of present and voting",
    "share_known": "Share known",
    "count": "Count",
    "names": "Which states",
    "members": "Members",
    "total_members": "Members then",
    "cohesion": "Cohesion",
    "cohesion_note": "Cohesion withheld",
    "n_known": "Members with a known vote",
    "known_of": "Known of members",
    "min_known": "Known needed",
    "quote_original": "Original words",
    "quote_language": "Original language",
    "agreement": "Agreement",
    "compared": "Votes compared",
    "same": "Same vote",
    "known_yes": "Yes (named)",
    "official_yes": "Yes (official)",
    "known_no": "No (named)",
    "official_no": "No (official)",
    "known_abstain": "Abstain (named)",
    "official_abstain": "Abstain (official)",
    "known_non_voting": "Non-voting (named)",
    "official_non_voting": "Non-voting (official)",
    # resolutions
    "id": "Resolution",
    "symbol": "Symbol",
    "symbol_confirmed": "Symbol confirmed",
    "draft": "Draft",
    "date": "Date",
    "session": "Session",
    "title": "Title",
    "kind": "Kind",
    "year": "Year",
    "link": "Link",
    "record": "Record",
    "status": "Status",
    # sources and how sure
    "confidence": "Confidence",
    "url": "Source",
    "source_url": "Source",
    "wording_source_url": "Source of the wording",
    "source_id": "Source id",
    "publisher": "Publisher",
    "tier": "Source rank",
    "language": "Language",
    "note": "Note",
    "conflict_id": "Conflict",
    "claim": "Claim",
    "outcome": "Outcome",
    "settled_by": "Settled by",
    "assessment": "Assessment",
    # statements and the text
    "statement_id": "Statement",
    "speaker": "Speaker",
    "role": "Role",
    "themes": "Themes",
    "summary": "Summary (our words)",
    "quote": "Quote",
    "paragraph_id": "Paragraph",
    "part": "Part",
    "position": "Position",
    "reported_wording": "Reported wording",
    "targeted_by_us_motion": "Targeted by the US motion",
    "motion_outcome": "Motion outcome",
    "compare_es11_7": "Compared with ES-11/7",
    "group": "Group",
    "group_name": "Group name",
    "as_of": "As of",
}

#: Columns that repeat another column in other words: left out of a table unless asked for
#: (column -> the column it repeats; both must be present).
REPEATS: dict[str, str] = {
    "label": "vote",
    "from_label": "from_vote",
    "to_label": "to_vote",
    "a": "name_a",
    "b": "name_b",
    "states": "names",
    "speaker_iso3": "speaker_state",
}

#: Codes in the data -> plain words, per column (the data files keep the codes).
VALUE_WORDS: dict[str, dict[str, str]] = {
    "confidence": {"none": "no source"},
    "outcome": {"not_located": "not located", "rejected": "rejected", "accepted": "accepted",
                "noted": "noted"},
    "tier": {"un_record": "UN record", "un_record_copy": "copy of a UN record",
             "wire_agency": "wire agency", "government": "government", "media": "media",
             "other": "other"},
    "record": {"shipped": "shipped with the course", "official": "the official record"},
}


def column_label(column: str) -> str:
    """The header of a column: :data:`COLUMN_LABELS`, else the name in words."""
    if column in COLUMN_LABELS:
        return COLUMN_LABELS[column]
    text = column.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def value_word(column: str, value: Any) -> str:
    """A stored code in plain words (:data:`VALUE_WORDS`); any other value as it is."""
    text = str(value)
    return VALUE_WORDS.get(column, {}).get(text, text)


def shown_by_default(columns: Iterable[str]) -> list[str]:
    """The columns a table shows when none are asked for: all but pure repeats.

    Examples
    --------
    >>> shown_by_default(["vote", "label", "known"])
    ['vote', 'known']
    >>> shown_by_default(["label", "known"])
    ['label', 'known']
    """
    names = list(columns)
    present = set(names)
    return [c for c in names if REPEATS.get(c) not in present]
