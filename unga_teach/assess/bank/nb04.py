"""Exercises of notebook 04 · Positions and explanations of vote.

Examples
--------
>>> [e.id for e in EXERCISES]
['04-sovereignty-speakers', '04-speaker-votes', '04-negotiations-by-vote']
>>> sorted(_speakers_with("sovereignty"))
['China', 'Ghana', 'Ukraine']
"""

from __future__ import annotations

import pandas as pd

from ..exercises import Exercise, TypicalError

__all__ = ["EXERCISES"]

UNKNOWN = "Unknown"
NOT_A_STATE = "not a member state"


def _statements() -> pd.DataFrame:
    """``ut.load_statements("2026")`` with a ``vote`` column: the vote cast, "Unknown" for a
    state with no sourced vote, "not a member state" for the other speakers."""
    from ...statements import load_statements

    frame = load_statements("2026")
    is_state = frame["speaker_iso3"].fillna("").astype(str) != ""
    vote = frame["vote_cast"].fillna("").astype(str).replace("", UNKNOWN)
    frame["vote"] = vote.where(is_state, NOT_A_STATE)
    return frame


def _tags() -> pd.DataFrame:
    return _statements().explode("themes")


def _speakers_with(theme: str) -> list[str]:
    tags = _tags()
    return sorted(tags.loc[tags["themes"] == theme, "speaker_state"].astype(str).unique())


def _speaker_votes() -> pd.Series:
    return _statements().drop_duplicates("speaker_state")["vote"].value_counts()


def _statement_votes() -> pd.Series:
    return _statements()["vote"].value_counts()


def _raw_speaker_votes() -> pd.Series:
    frame = _statements().drop_duplicates("speaker_state")
    return frame["vote_cast"].fillna("").astype(str).value_counts()


def _by_vote(theme: str) -> pd.Series:
    tags = _tags()
    return tags[tags["themes"] == theme].groupby("vote").size()


_SETUP = """\
statements = ut.load_statements("2026")
# the vote column of the statements table: "Unknown" for a state with no sourced vote,
# "not a member state" for the EU and the President of the General Assembly
is_state = statements["speaker_iso3"].fillna("") != ""
vote = statements["vote_cast"].fillna("").replace("", "Unknown")
statements["vote"] = vote.where(is_state, "not a member state")
"""

_SETUP_TAGS = _SETUP + """tags = statements.explode("themes")      # one row per statement and theme
"""

EXERCISES = (
    Exercise(
        id="04-sovereignty-speakers",
        notebook="04",
        title="the speakers whose 2026 statement is tagged sovereignty",
        prompt="List the speakers (speaker_state) of the 2026 statements tagged "
               "'sovereignty', each once.",
        kind="labels",
        expected=lambda: _speakers_with("sovereignty"),
        scaffold=_SETUP_TAGS + """
# Your turn: the speakers of the statements tagged "sovereignty" (a mask, then a column)
sovereignty_speakers = ...
ut.check("04-sovereignty-speakers", sovereignty_speakers)
""",
        solution=_SETUP_TAGS + """
# Your turn: the speakers of the statements tagged "sovereignty" (a mask, then a column)
sovereignty_speakers = tags.loc[tags["themes"] == "sovereignty", "speaker_state"]
ut.check("04-sovereignty-speakers", sovereignty_speakers)
""",
        explanation="After explode, a mask on the themes column keeps the statements with "
                    "that tag, and their speaker_state column names the speakers. They "
                    "voted differently or have no known vote: a theme says what an "
                    "argument is about, not which way it points.",
        hint="Keep the rows of `tags` whose themes value is 'sovereignty' (a mask), then "
             "take their speaker_state column.",
        typical=(
            TypicalError(lambda: _speakers_with("charter"),
                         "those are the speakers of the worked example's theme, 'charter'. "
                         "Change the tag."),
            TypicalError(lambda: sorted(_statements()["speaker_state"].astype(str).unique()),
                         "that is every speaker. Keep only the rows tagged 'sovereignty'."),
        ),
        skills=("mask", "select"),
        minutes=8,
    ),
    Exercise(
        id="04-speaker-votes",
        notebook="04",
        title="the votes of the speakers of 2026, one count per speaker",
        prompt="Count the speakers of the 2026 statements by their vote (the `vote` "
               "column), counting each speaker once.",
        kind="series",
        expected=_speaker_votes,
        scaffold=_SETUP + """
# Your turn, in one or two lines: keep one row per speaker (.drop_duplicates on
# the speaker_state column), then count the values of its vote column.
speaker_votes = ...
ut.check("04-speaker-votes", speaker_votes)
""",
        solution=_SETUP + """
# Your turn, in one or two lines: keep one row per speaker (.drop_duplicates on
# the speaker_state column), then count the values of its vote column.
speakers = statements.drop_duplicates("speaker_state")
speaker_votes = speakers["vote"].value_counts()
ut.check("04-speaker-votes", speaker_votes)
""",
        explanation="Some speakers made several statements (the United States two, "
                    "Ukraine three), so counting statements over-counts them. One row per "
                    "speaker, then value_counts.",
        hint="First one row per speaker: statements.drop_duplicates('speaker_state'). Then "
             "value_counts on the vote column.",
        typical=(
            TypicalError(_statement_votes,
                         "that counts statements, as the worked example did: the United "
                         "States and Ukraine made several. Keep one row per speaker first."),
            TypicalError(_raw_speaker_votes,
                         "you counted the raw vote_cast column, whose blanks mix unknown "
                         "votes with speakers that are not member states. Use `vote`."),
        ),
        skills=("value_counts", "select"),
        options={"index_name": "vote"},
        minutes=8,
    ),
    Exercise(
        id="04-negotiations-by-vote",
        notebook="04",
        title="the number of statements tagged negotiations, by vote",
        prompt="For each vote, count the 2026 statements tagged 'negotiations' (a Series "
               "indexed by vote, from a groupby).",
        kind="series",
        expected=lambda: _by_vote("negotiations"),
        scaffold=_SETUP_TAGS + """
# Your turn, in two lines of your own: keep the rows tagged "negotiations",
# then count them by vote with .groupby("vote").size().
negotiations_by_vote = ...
ut.check("04-negotiations-by-vote", negotiations_by_vote)
""",
        solution=_SETUP_TAGS + """
# Your turn, in two lines of your own: keep the rows tagged "negotiations",
# then count them by vote with .groupby("vote").size().
negotiations = tags[tags["themes"] == "negotiations"]
negotiations_by_vote = negotiations.groupby("vote").size()
ut.check("04-negotiations-by-vote", negotiations_by_vote)
""",
        explanation="A mask keeps the statements with the tag; groupby('vote').size() "
                    "counts them per vote. 'negotiations' appears in explanations of yes, "
                    "no and abstain: the same theme is used on every side.",
        hint="Two steps: the mask (themes == 'negotiations'), then .groupby('vote').size() "
             "on the rows it keeps.",
        typical=(
            TypicalError(lambda: _by_vote("charter"),
                         "that is the worked example's theme, 'charter'. Change the tag."),
            TypicalError(lambda: _tags().groupby("vote").size(),
                         "that counts every tag of every statement. Keep only the rows "
                         "tagged 'negotiations' first."),
        ),
        skills=("groupby", "mask"),
        options={"index_name": "vote"},
        minutes=10,
    ),
)
