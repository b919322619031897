"""Notebook 01 · How the General Assembly votes: its text and cells."""

from __future__ import annotations

import unga_teach as ut  # noqa: F401  (some builders ask the package what it exports)
from unga_teach.analysis import votes_needed

from .cells import code, first_cell, md
from .facts import facts, pct, quote, src  # noqa: F401
from .series import ENTRY, SERIES, footer, header, series_table, total_minutes  # noqa: F401


# =============================================== 01 · How the General Assembly votes
def cells() -> list:
    F = facts()
    v = F.v26
    return [
        *header("01", "The rules that turned 107 votes into an adopted resolution.", [
            "explain 'one state, one vote' and who may vote in the General Assembly;",
            "work out whether a proposal passes under a simple or a two-thirds majority, "
            "and explain why abstentions do not count toward the majority;",
            "describe a recorded vote and the difference between abstaining and not voting;",
            "explain why a question blocked by a veto in the Security Council can come to "
            "the Assembly (Uniting for Peace, emergency special sessions);",
            "distinguish the legal force of an Assembly resolution from its political weight.",
        ]),
        first_cell(),
        md("one-vote", f"""
            ## One state, one vote

            The General Assembly is the one UN organ in which every member state sits.
            Each of the **{F.members} member states** has exactly one vote, whatever its
            population, wealth or military power (UN Charter, Article 18).

            Two **non-member observer states**, the Holy See and the State of Palestine,
            take part in the Assembly's debates but cannot vote. Run the cell to see them
            counted.
            """),
        code("members", """
            ut.show_table(ut.load_members(include_observers=True)["status"].value_counts(), {"status": "Status", "count": "States"})
            """),
        md("present-voting", """
            ## "Present and voting"

            The Charter says decisions are taken by a majority of the members **present
            and voting**. The Assembly's rules of procedure define that phrase narrowly:
            the members casting a **yes** or a **no**. A state that abstains is present but
            is treated as *not voting*.

            Every state in a recorded vote therefore ends up in one of four groups:

            | Group | What it means | Counts toward the majority? |
            |---|---|---|
            | Yes | votes in favour | yes |
            | No | votes against | yes |
            | Abstain | present, chooses neither | **no** |
            | Non-voting | not recorded as voting (absent, or did not press a button) | **no** |

            There are two majorities:

            - a **simple majority** for most questions: more yes than no;
            - a **two-thirds majority** for "important questions" listed in the Charter,
              such as recommendations on international peace and security or suspending a
              member's rights: yes must be at least two thirds of yes + no.

            The Assembly decides, case by case, which rule applies. For the 2026 vote the
            arithmetic is easy to check under both rules.
            """),
        code("majority-2026", """
            yes, no, abstain, non_voting = 107, 12, 51, 23
            print(f"present and voting: {yes} + {no} = {yes + no}; not counted: {abstain} abstaining, {non_voting} not voting")
            print("passes by a simple majority:", ut.passes(yes, no))
            print("passes by a two-thirds majority:", ut.passes(yes, no, rule="two_thirds"))
            """, golden=True),
        md("present-read", f"""
            Only **{v.present} states** ({v.yes} + {v.no}) were present and voting. With
            {v.yes} of them in favour, that is **{v.yes_share}**, far above both
            thresholds ({votes_needed(v.present)} votes for a simple majority,
            {votes_needed(v.present, "two_thirds")} for two thirds).

            Abstaining is therefore a real choice with a real effect: it takes a state out
            of the arithmetic. Try a *what if*: suppose all {v.abstain} abstainers had voted
            **no** instead. **Predict first:** would the text still pass by a simple
            majority? By a two-thirds majority? Write your two answers down, then run the
            cell.
            """),
        code("what-if", f"""
            yes, no = {v.yes}, {v.no} + {v.abstain}
            print(f"present and voting: {{yes}} + {{no}} = {{yes + no}}")
            print("passes by a simple majority:", ut.passes(yes, no))
            print("passes by a two-thirds majority:", ut.passes(yes, no, rule="two_thirds"))
            """),
        md("what-if-read", f"""
            <details><summary>Check your prediction (open it after running the cell)</summary>

            With {F.whatif_no} votes against, the text would still have passed by a simple
            majority, but it would have **failed** a two-thirds majority: {v.yes} is less
            than two thirds of {v.yes + F.whatif_no}. The choice between abstaining and
            voting no can decide the outcome.

            </details>
            """),
        md("calc", f"""
            ## Try it: the majority calculator

            Type the numbers of yes, no and abstain votes, then press **Show result**: the
            calculator says, under each rule, whether the proposal passes and why.
            **Reset** brings back the 2026 result.

            **Your task:** start from the 2026 result. How many *no* votes would it take to
            defeat the text under the simple rule if nobody changed from yes? And under the
            two-thirds rule? Write your two numbers down first. Then type each of your
            numbers into the **No** box (lower the abstentions to make room: the total cannot
            pass {F.members}) and press **Show result**. The result hides again whenever a
            number changes, so each prediction gets its own check.
            """),
        code("calculator", "ut.majority_calculator(predict=True)"),
        code("quiz-calc", 'ut.self_check("01-defeat-two-thirds")'),
        md("recorded", """
            ## Recorded votes

            Many Assembly decisions are taken **without a vote**, by consensus, when no
            state asks for one. When a state requests a **recorded vote**, each delegation
            presses a button, the result appears on the board in the hall, and the official
            record lists how every member state voted. That per-country record is what the
            course analyses.

            Before or after the vote, delegations may give an **explanation of vote**: a
            short speech saying why they voted as they did. Notebook 04 is built on these.
            """),
        md("ufp", """
            ## Why this question is in the Assembly at all: "Uniting for Peace"

            Under the Charter, the **Security Council** has the primary responsibility for
            international peace and security, and its five permanent members (China,
            France, Russia, the United Kingdom and the United States) each hold a **veto**
            over its substantive decisions.

            In 1950 the Assembly adopted resolution **377 A (V), "Uniting for Peace"**. It
            says that when the Council, because the permanent members are not unanimous,
            fails to act on a threat to the peace, the Assembly can take up the matter at
            once and recommend collective measures. If the Assembly is not in session, it
            can meet in an **emergency special session** at short notice, called by the
            Council or by a majority of member states.

            That is what happened in 2022. After Russia vetoed a draft Council resolution
            on its invasion of Ukraine, the Council adopted **resolution 2623 (2022)**
            calling an emergency special session of the Assembly. A decision of that kind
            is procedural, and the veto does not apply to procedural votes. The
            **eleventh emergency special session** opened the next day, 28 February 2022.
            It has been resumed many times since; the vote of 24 February 2026 took place
            in it.
            """),
        code("session", """
            ut.show_table(ut.load_resolutions(include_procedural=False), ["id", "date", "session", "title"])
            """),
        md("session-read", """
            The `session` column shows that every vote since 2022 belongs to the emergency
            special session `ES-11`. The 2014 resolution 68/262 was adopted in the regular
            session (the 68th).
            """),
        md("binding", """
            ## Binding or not?

            Assembly resolutions on questions like this one are **recommendations**. They
            do not create legal obligations the way some Security Council decisions do, and
            no state is forced to act on them.

            They still carry weight:

            - they show, in a public and comparable form, where the world's governments
              stand;
            - they restate principles of the Charter and of international law, which
              governments, courts and scholars cite later;
            - each state's vote becomes part of its diplomatic record, which is why
              governments explain their votes and sometimes revisit them.

            This is why a single vote is worth studying closely, and why states argue hard
            over the wording of a text that will not bind anyone.
            """),
        md("checks", "## Check your understanding"),
        code("quiz1", 'ut.self_check("01-simple-majority")'),
        code("quiz2", 'ut.self_check("01-uniting-for-peace")'),
        code("quiz3", 'ut.self_check("01-recommendation")'),
        *footer("01", [
            f"Each of the {F.members} member states has one vote; observer states cannot vote.",
            "A majority is counted among members present and voting: yes + no. Abstentions "
            "and non-voting states are left out.",
            f"In 2026, {v.yes} of {v.present} present and voting ({v.yes_share}) was enough "
            "under either rule.",
            "Abstaining instead of voting no can decide the outcome under a two-thirds rule.",
            "Uniting for Peace (377 A (V), 1950) lets the Assembly act when a veto blocks the "
            "Council; the 11th emergency special session was called by Council resolution "
            "2623 (2022).",
            "Assembly resolutions are recommendations with political, not legal, force.",
        ]),
    ]
