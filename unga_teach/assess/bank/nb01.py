"""Exercises of notebook 01 · How the General Assembly votes.

Examples
--------
>>> [e.id for e in EXERCISES]
['01-present-and-voting', '01-yes-share', '01-two-thirds-needed']
"""

from __future__ import annotations

import math

from ..exercises import Exercise, TypicalError
from .common import totals

__all__ = ["EXERCISES"]

_SETUP = """\
t = ut.load_resolutions().set_index("id").loc["2026"]
yes, no, abstain = int(t["yes"]), int(t["no"]), int(t["abstain"])
"""


def _present() -> int:
    t = totals()
    return t["yes"] + t["no"]


def _voted() -> int:
    t = totals()
    return t["yes"] + t["no"] + t["abstain"]


EXERCISES = (
    Exercise(
        id="01-present-and-voting",
        notebook="01",
        title="the number of states present and voting in 2026",
        prompt="From the official 2026 totals, compute how many states were present and "
               "voting.",
        kind="count",
        expected=_present,
        scaffold=_SETUP + """
# Your turn: how many states were "present and voting"?
present_and_voting = ...
ut.check("01-present-and-voting", present_and_voting)
""",
        solution=_SETUP + """
# Your turn: how many states were "present and voting"?
present_and_voting = yes + no
ut.check("01-present-and-voting", present_and_voting)
""",
        explanation="Present and voting means casting a yes or a no (rule 86 of the "
                    "Assembly's rules of procedure): abstentions and states that did not "
                    "vote are left out.",
        hint="Which of the four groups (yes, no, abstain, non-voting) cast a vote that "
             "counts toward the majority? Re-read the table above.",
        typical=(
            TypicalError(_voted, "you counted the abstentions too. An abstaining state is "
                                 "present, but the rules treat it as not voting."),
            TypicalError(lambda: totals()["total_members"],
                         "that is every member state, including those that abstained or "
                         "did not vote."),
        ),
        skills=("arithmetic",),
    ),
    Exercise(
        id="01-yes-share",
        notebook="01",
        title="the share of yes votes among those present and voting",
        prompt="Compute the yes votes as a share (0 to 1) of those present and voting.",
        kind="share",
        expected=lambda: totals()["yes"] / _present(),
        scaffold=_SETUP + """
# Worked example: the share of all member states that voted yes
share_of_members = yes / 193

# Your turn: the yes votes as a share of those present and voting
share_of_present = ...
ut.check("01-yes-share", share_of_present)
""",
        solution=_SETUP + """
# Worked example: the share of all member states that voted yes
share_of_members = yes / 193

# Your turn: the yes votes as a share of those present and voting
share_of_present = yes / (yes + no)
ut.check("01-yes-share", share_of_present)
""",
        explanation="The majority is measured against those present and voting (yes + "
                    "no), so the share that decides the outcome is yes / (yes + no).",
        hint="A share is a part divided by a whole. Which whole does the majority rule "
             "use?",
        typical=(
            TypicalError(lambda: totals()["yes"] / _voted(),
                         "you divided by yes + no + abstain. Abstentions are not part of "
                         "'present and voting'."),
            TypicalError(lambda: totals()["yes"] / totals()["total_members"],
                         "that is the share of all members, the worked example. The "
                         "majority rule uses those present and voting."),
        ),
        skills=("arithmetic",),
    ),
    Exercise(
        id="01-two-thirds-needed",
        notebook="01",
        title="the fewest yes votes that pass a two-thirds majority in 2026",
        prompt="With the 2026 number of states present and voting, compute the fewest yes "
               "votes that pass a two-thirds majority.",
        kind="count",
        expected=lambda: math.ceil(2 * _present() / 3),
        scaffold=_SETUP + """
present = yes + no

# Your turn, in two or three lines: the fewest yes votes that reach two thirds
# of `present` (yes must be at least two thirds of yes + no).
# Tip: math.ceil rounds up to a whole number.
import math
needed = ...
ut.check("01-two-thirds-needed", needed)
""",
        solution=_SETUP + """
present = yes + no

# Your turn, in two or three lines: the fewest yes votes that reach two thirds
# of `present` (yes must be at least two thirds of yes + no).
# Tip: math.ceil rounds up to a whole number.
import math
needed = math.ceil(2 * present / 3)
ut.check("01-two-thirds-needed", needed)
""",
        explanation="Two thirds of those present and voting, rounded up, because a vote "
                    "cannot be split: ut.votes_needed(present, 'two_thirds') does the "
                    "same.",
        hint="Two thirds of the states present and voting, as a whole number of votes. "
             "Should a fraction be rounded up or down?",
        typical=(
            TypicalError(lambda: math.floor(2 * _present() / 3),
                         "you rounded down. A fraction of a vote does not exist, so the "
                         "count must reach two thirds: round up."),
            TypicalError(lambda: math.ceil(2 * totals()["total_members"] / 3),
                         "that is two thirds of all member states. The rule counts only "
                         "those present and voting."),
            TypicalError(lambda: math.ceil(2 * _voted() / 3),
                         "you counted the abstentions in the total. They are not part of "
                         "'present and voting'."),
        ),
        skills=("arithmetic",),
        minutes=8,
    ),
)
