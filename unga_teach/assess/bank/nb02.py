"""Exercises of notebook 02 · The resolution: the paragraph table, with masks and counts.

Each exercise reads ``ut.load_paragraphs`` (the text as reported); the expected
values are computed from it when the check runs.

Examples
--------
>>> [e.id for e in EXERCISES]
['02-operative-mask', '02-dropped-by-part', '02-us-motion-paragraphs']
"""

from __future__ import annotations

import pandas as pd

from ..exercises import Exercise, TypicalError

__all__ = ["EXERCISES"]


def _paragraphs(resolution: str | None = "2026") -> pd.DataFrame:
    from ...paragraphs import load_paragraphs

    return load_paragraphs(resolution)


def _mask(part: str) -> pd.Series:
    frame = _paragraphs()
    return frame["part"] == part


def _dropped() -> pd.DataFrame:
    frame = _paragraphs(None)
    return frame[frame["resolution"] == "ES-11/7"]


def _ids(frame: pd.DataFrame) -> list[str]:
    return [str(i) for i in frame["paragraph_id"]]


def _us_paragraphs() -> list[str]:
    frame = _paragraphs()
    return _ids(frame[frame["targeted_by_us_motion"].astype(bool)])


EXERCISES = (
    Exercise(
        id="02-operative-mask",
        notebook="02",
        title="a mask that marks the operative paragraphs of the 2026 text",
        prompt="Make a mask (a Series of True and False, one per row of "
               "ut.load_paragraphs('2026')) that is True for the operative paragraphs.",
        kind="series",
        expected=lambda: _mask("operative"),
        scaffold="""\
paragraphs = ut.load_paragraphs("2026")

# Your turn: True for each operative paragraph, False for the others
is_operative = ...
ut.check("02-operative-mask", is_operative)
""",
        solution="""\
paragraphs = ut.load_paragraphs("2026")

# Your turn: True for each operative paragraph, False for the others
is_operative = paragraphs["part"] == "operative"
ut.check("02-operative-mask", is_operative)
""",
        explanation="Comparing a column with a value gives one True or False per row: the "
                    "mask. paragraphs[is_operative] then keeps the rows where it is True.",
        hint="Compare the column 'part' with the word the data uses for operative "
             "paragraphs, as the worked example does for the preambular ones.",
        typical=(
            TypicalError(lambda: _mask("preambular"),
                         "your mask marks the preambular paragraphs, like the worked "
                         "example. Which word does the column 'part' use for the others?"),
        ),
        skills=("mask",),
        options={"index_name": "row (one True or False per paragraph)"},
    ),
    Exercise(
        id="02-dropped-by-part",
        notebook="02",
        title="the ES-11/7 elements reported as dropped, counted by part",
        prompt="From ut.load_paragraphs(None), keep the rows of ES-11/7 (the 2025 elements "
               "that reports say the 2026 text dropped) and count them by part with "
               "value_counts.",
        kind="series",
        expected=lambda: _dropped()["part"].value_counts(),
        scaffold="""\
all_paragraphs = ut.load_paragraphs(None)  # the 2026 text and the ES-11/7 elements

# Your turn, in two lines: keep the rows whose resolution is "ES-11/7",
# then count those rows by their part (preambular or operative)
dropped = ...
dropped_by_part = ...
ut.check("02-dropped-by-part", dropped_by_part)
""",
        solution="""\
all_paragraphs = ut.load_paragraphs(None)  # the 2026 text and the ES-11/7 elements

# Your turn, in two lines: keep the rows whose resolution is "ES-11/7",
# then count those rows by their part (preambular or operative)
dropped = all_paragraphs[all_paragraphs["resolution"] == "ES-11/7"]
dropped_by_part = dropped["part"].value_counts()
ut.check("02-dropped-by-part", dropped_by_part)
""",
        explanation="A mask on the column 'resolution' keeps the ES-11/7 rows; "
                    "value_counts on their 'part' counts each part once. The parts of these "
                    "elements come from press descriptions (see the Note column), not from "
                    "the documents.",
        hint="First a mask: all_paragraphs['resolution'] == 'ES-11/7' inside the square "
             "brackets keeps those rows. Then value_counts on the column 'part' of what "
             "you kept.",
        typical=(
            TypicalError(lambda: _paragraphs(None)["part"].value_counts(),
                         "you counted every row, the 2026 paragraphs too. Keep only the "
                         "ES-11/7 rows first."),
            TypicalError(lambda: _paragraphs()["part"].value_counts(),
                         "those are the parts of the 2026 text, the worked example. The "
                         "task counts the ES-11/7 elements."),
            TypicalError(lambda: _dropped()["part"].value_counts(normalize=True),
                         "those are shares (normalize=True). The task asks for counts."),
        ),
        skills=("mask", "value_counts"),
        options={"index_name": "part"},
        minutes=8,
    ),
    Exercise(
        id="02-us-motion-paragraphs",
        notebook="02",
        title="the paragraphs the United States wanted to vote on separately",
        prompt="From ut.load_paragraphs('2026'), list the paragraph ids of the rows whose "
               "column targeted_by_us_motion is True.",
        kind="labels",
        expected=_us_paragraphs,
        scaffold="""\
paragraphs = ut.load_paragraphs("2026")

# Your turn, in two or three lines of your own: use the column
# "targeted_by_us_motion" (True or False) to keep the paragraphs the United States
# wanted to vote on separately, and make a list of their ids ("paragraph_id").
us_paragraphs = ...
ut.check("02-us-motion-paragraphs", us_paragraphs)
""",
        solution="""\
paragraphs = ut.load_paragraphs("2026")

# Your turn, in two or three lines of your own: use the column
# "targeted_by_us_motion" (True or False) to keep the paragraphs the United States
# wanted to vote on separately, and make a list of their ids ("paragraph_id").
targeted = paragraphs[paragraphs["targeted_by_us_motion"]]
us_paragraphs = targeted["paragraph_id"].tolist()
ut.check("02-us-motion-paragraphs", us_paragraphs)
""",
        explanation="A column of True and False is already a mask: "
                    "paragraphs[paragraphs['targeted_by_us_motion']] keeps those rows, and "
                    ".tolist() turns their ids into a list.",
        hint="A column that holds True and False can be used as a mask as it is. Keep those "
             "rows, then take their 'paragraph_id' column and .tolist() it.",
        typical=(
            TypicalError(lambda: _ids(_paragraphs()),
                         "that is every paragraph of the text. Keep only the rows where "
                         "targeted_by_us_motion is True."),
            TypicalError(lambda: _ids(_paragraphs()[~_paragraphs()["targeted_by_us_motion"]]),
                         "those are the paragraphs the motion left alone: the mask is the "
                         "wrong way round."),
        ),
        skills=("mask", "select"),
        minutes=10,
    ),
)
