"""Exercises of notebook 00 · Start here: one warm-up that shows how a check works.

Examples
--------
>>> [e.id for e in EXERCISES]
['00-first-check']
"""

from __future__ import annotations

from ..exercises import Exercise, TypicalError
from .common import totals

__all__ = ["EXERCISES"]

_SETUP = """\
t = ut.load_resolutions().set_index("id").loc["2026"]
yes, no, abstain = int(t["yes"]), int(t["no"]), int(t["abstain"])

# Worked example: the states that voted no or abstained, added up
no_or_abstain = no + abstain
"""


def _took_part() -> int:
    t = totals()
    return t["yes"] + t["no"] + t["abstain"]


EXERCISES = (
    Exercise(
        id="00-first-check",
        notebook="00",
        title="the number of states that took part in the 2026 vote",
        prompt="From the official 2026 totals, add up the states that took part in the "
               "vote: yes, no or abstain.",
        kind="count",
        expected=_took_part,
        scaffold=_SETUP + """
# Your turn: replace the ... with the states that voted yes, no or abstained
took_part = ...
ut.check("00-first-check", took_part)
""",
        solution=_SETUP + """
# Your turn: replace the ... with the states that voted yes, no or abstained
took_part = yes + no + abstain
ut.check("00-first-check", took_part)
""",
        explanation="A state takes part by pressing yes, no or abstain; the member states "
                    "that are not among them were not recorded as voting at all. Notebook "
                    "01 shows which of these count toward the majority.",
        hint="Follow the worked example above the blank: add up the three names that hold "
             "the yes, no and abstain totals.",
        typical=(
            TypicalError(lambda: totals()["yes"] + totals()["no"],
                         "you left out the abstentions. An abstaining state pressed the "
                         "abstain button, so it took part."),
            TypicalError(lambda: totals()["total_members"],
                         "that is every member state, including those that were not "
                         "recorded as voting at all."),
        ),
        skills=("arithmetic",),
    ),
)
