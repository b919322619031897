"""Notebook 05 · Change over time: its text and cells."""

from __future__ import annotations

import unga_teach as ut  # noqa: F401  (some builders ask the package what it exports)
from unga_teach.analysis import votes_needed  # noqa: F401

from .cells import code, first_cell, md
from .facts import facts, pct, quote, src  # noqa: F401
from .series import ENTRY, SERIES, footer, header, series_table, total_minutes  # noqa: F401


# ======================================================== 05 · Change over time
def cells() -> list:
    F = facts()
    v, v25, v14, v22 = F.v26, F.v25, F.v14, F.v22
    n = len(F.series)
    return [
        *header("05", "Eleven votes, twelve years: who moved, and how far.", [
            "describe how support for Ukraine's texts changed from 2014 to 2026, and why "
            "the votes are not strictly comparable;",
            "trace one state's votes across the series and spot a change of position;",
            "read a transition table between two votes;",
            "measure how united a bloc voted and how often two states agree, and say what "
            "unknown votes do to those measures.",
        ]),
        first_cell(),
        md("series", f"""
            ## The series

            The course follows **{n} recorded votes**, from resolution 68/262 on the
            territorial integrity of Ukraine ({v14.date}) to the vote of {v.date}. Run the
            cell for the official totals of each.
            """),
        code("trend-table", 'ut.show_table(ut.trend_table(), {"resolution": "Vote", "date": "Date", "title": "Title", "yes": "Yes", "no": "No", "abstain": "Abstain", "non_voting": "Non-voting", "yes_share_of_present_and_voting": "Yes share of present and voting"})'),
        code("trend-chart", "ut.trend_chart()"),
        md("series-read", f"""
            A few landmarks:

            - **March 2014**, on Crimea ({v14.id}, "{v14.title}"): {v14.result}
              ({v14.non_voting} not voting).
            - **March 2022**, a week into the full-scale invasion (ES-11/1): {v22.result}.
            - **October 2022** ({F.max_yes.id}, "{F.max_yes.title}"): {F.max_yes.result},
              the most yes votes in the series.
            - **February 2025** (ES-11/7): {v25.result}, with {v25.abstain} abstentions.
            - **December 2025** ({F.min_yes.id}, "{F.min_yes.title}"): {F.min_yes.result},
              the fewest yes votes, with {F.min_yes.non_voting} states not voting.
            - **February 2026**: {v.result}.

            **A caution.** These are different texts on different questions: territorial
            integrity, humanitarian access, suspension from the Human Rights Council,
            reparations, peace. A drop in support may reflect the question as much as the
            mood. Compare like with like, and read the titles.
            """),
        md("movers", """
            ## Who moved, and how

            `ut.vote_history` shows one state's vote on every resolution in the series.
            Unknown means no source was found for that vote, not that the state stayed
            away.
            """),
        code("usa", 'ut.show_table(ut.vote_history("United States"), ["resolution", "date", "vote", "confidence", "source_url"])'),
        md("usa-read", f"""
            The **United States** voted yes on every text through 2023 for which its vote
            is known. In February 2025 it voted **no** on Ukraine's text (ES-11/7) and
            abstained on its own text as amended by European states (ES-11/8). In December
            2025 it voted **yes** on the return of Ukrainian children ({F.v25kids.id}), and
            in 2026 it **abstained**. Its explanations in 2025 and 2026 centred on the
            negotiations it was leading ({src("S016", "2025")}, {src("S001", "2026")}).
            A change of vote is not always a change of policy: the texts differ, and the
            United States voted differently on texts only months apart.
            """),
        code("israel", 'ut.show_table(ut.vote_history("Israel"), ["resolution", "date", "vote", "confidence", "source_url"])'),
        md("israel-read", f"""
            **Israel** voted **no** on ES-11/7 in February 2025, abstained on ES-11/8 the
            same day, voted yes on {F.v25kids.id} in December 2025, and voted **yes** in
            2026, when the United States abstained. Notebook 04 has the source.

            **Your task:** check two more states the same way: Hungary (in the cell below)
            and Indonesia (change the name and run it again). For each, write one
            sentence: "From ... to ..., it moved from ... to ...". Then pick a state of your
            own.
            """),
        code("your-state", 'ut.show_table(ut.vote_history("Hungary"), ["resolution", "date", "vote", "confidence", "source_url"])'),
        md("transitions-intro", """
            ## Transitions between two votes

            A **transition table** shows, for every state, its vote on one resolution
            against its vote on another. ES-11/7 (2025) was a Ukrainian text of a similar
            kind to 2026's, and its record is complete, so it is the natural comparison.
            """),
        code("transitions", """
            t = ut.transitions("ES-11/7", "2026")
            ut.show_table(t[t["count"] > 0], {"from_vote": "Vote on ES-11/7 (2025)", "to_vote": "Vote in 2026", "count": "States"})
            """),
        code("shift-chart", 'ut.shift_chart("ES-11/7", "2026")'),
        code("shift-table", 'ut.show_table(ut.shift_table("ES-11/7", "2026").query("count > 0"), {"from_vote": "ES-11/7 (2025)", "to_vote": "2026", "count": "States", "names": "Which states"})'),
        md("transitions-read", """
            Read the rows into `unknown` first: they are the states whose 2026 vote is not
            yet known, and they hide most of the movement. Of the changes that *are* known,
            which direction dominates, towards yes or away from it?
            """),
        md("cohesion-intro", """
            ## Bloc cohesion

            How united was a bloc? The course uses the **agreement index** of Hix, Noury
            and Roland: 1 when all members vote the same way, 0 when their votes are split
            evenly between yes, no and abstain. Only known yes, no and abstain votes are
            counted; non-voting and unknown states are left out, so with partial data the
            index describes the known votes only.
            """),
        code("cohesion", """
            for group in ["EU", "NATO", "African States", "Western European and other States"]:
                print(f"{group:35} ES-11/7: {ut.cohesion(group, 'ES-11/7'):.2f}   2026: {ut.cohesion(group, '2026'):.2f}")
            """),
        md("cohesion-read", f"""
            The European Union is a good test case. On ES-11/7 Hungary voted **no** while
            the other members voted yes; in 2026 Hungary **abstained**. Yet the EU's index
            is the same both times ({F.eu_cohesion:.2f}). The index measures how united a
            group is, not in which direction the dissenter moved: one member out of line
            counts the same whether it votes no or abstains.

            **Think about it:** for 2026 the Association of Southeast Asian Nations scores
            a perfect {F.asean.cohesion:.2f}, but only {F.asean.known} of its
            {F.asean.members} members have a known vote. What would you need before calling
            ASEAN united? Try `ut.cohesion("ASEAN", "ES-11/7")`, where every vote is known.
            """),
        md("agreement-intro", """
            ## Agreement between states

            **Agreement** is the share of votes on which two states voted the same way,
            counted over the resolutions where both votes are known and both voted yes, no
            or abstain (an abstention counts as a position).
            """),
        code("agreement", """
            print(f"United States and Israel:         {ut.agreement('USA', 'ISR'):.2f}")
            print(f"United States and United Kingdom: {ut.agreement('USA', 'GBR'):.2f}")
            print(f"China and India:                  {ut.agreement('CHN', 'IND'):.2f}")
            """),
        code("agreement-chart", 'ut.agreement_chart(["USA", "GBR", "FRA", "ISR", "HUN", "CHN", "IND", "BRA", "RUS"])'),
        code("agreement-table", 'ut.show_table(ut.agreement_table(["USA", "GBR", "FRA", "ISR", "HUN", "CHN", "IND", "BRA", "RUS"]), {"name_a": "State", "name_b": "Other state", "agreement": "Agreement", "compared": "Votes compared", "same": "Same vote"})'),
        md("agreement-read", """
            Two states with a high agreement did not necessarily vote together for the same
            reasons; and two states with few known votes in common can show an extreme
            score from very little evidence. The table says how many votes each figure
            rests on.
            """),
        md("comparer", """
            ## Try it: the vote comparer

            Pick any two votes of the series. The comparer shows the transitions and the
            shift chart. **Your task:** compare ES-11/1 (March 2022) with ES-11/7 (February
            2025), two votes whose records are complete. Which transition is the largest
            after "stayed yes"?
            """),
        code("vote-comparer", "ut.vote_comparer()"),
        md("checks", "## Check your understanding"),
        code("quiz1", 'ut.self_check("05-us-2025-2026")'),
        code("quiz2", 'ut.self_check("05-unknown-in-transitions")'),
        code("quiz3", 'ut.self_check("05-safest-conclusion")'),
        *footer("05", [
            f"Yes votes ranged from {F.min_yes.yes} ({F.min_yes.id}) to {F.max_yes.yes} "
            f"({F.max_yes.id}); 2026 had {v.yes}. The texts differ, so compare with care.",
            "The United States moved from yes (through 2023) to no (ES-11/7, February 2025) "
            "to abstain (2026), with a yes on the December 2025 text in between; Israel "
            "moved from no (ES-11/7) to yes (2026).",
            "Transition tables keep unknown votes as their own category: they add up to all "
            "193 members.",
            "Cohesion and agreement count only known yes, no and abstain votes; check how "
            "much each figure rests on.",
        ]),
    ]
