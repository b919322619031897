"""Notebook 05 · Change over time: its text and cells."""

from __future__ import annotations

import unga_teach as ut
from unga_teach.analysis import votes_needed  # noqa: F401

from .cells import code, exercise, first_cell, md, under_the_hood
from .facts import facts, pct, quote, src  # noqa: F401
from .series import ENTRY, SERIES, footer, header, series_table, total_minutes  # noqa: F401

G = "../docs/glossary.md"  # the learners' glossary, linked where a term first appears


# ======================================================== 05 · Change over time
def cells() -> list:
    F = facts()
    v, v25, v14, v22 = F.v26, F.v25, F.v14, F.v22
    n = len(F.series)
    t26 = ut.transitions("ES-11/7", "2026")
    known26 = t26[t26["to_vote"] != "unknown"]
    moved = known26[known26["from_vote"].astype(str) != known26["to_vote"].astype(str)]
    n_moved, n_known = int(moved["count"].sum()), int(known26["count"].sum())
    cov26 = F.cov.loc["2026"]
    return [
        *header("05", "Eleven votes, twelve years: who moved, and how far.", [
            "describe how support for the Ukraine-related texts changed from 2014 to 2026, "
            "and why the votes are not strictly comparable;",
            "trace one state's votes across the series and spot a change of position;",
            "read a transition table between two votes;",
            "measure how united a bloc voted and how often two states agree, and say what "
            "unknown votes do to those measures;",
            "build a transition crosstab, align two states' votes and chart a result "
            "yourself, and test rival explanations of why states moved.",
        ]),
        first_cell(),
        md("series", f"""
            ## The series

            The course follows **{n} recorded votes**, from resolution 68/262 on the
            territorial integrity of Ukraine ({v14.date}) to the vote of {v.date}. Run the
            cell for the official totals of each.
            """),
        code("trend-table", """
            labels = {"resolution": "Vote", "date": "Date", "title": "Title", "yes": "Yes",
                      "no": "No", "abstain": "Abstain", "non_voting": "Non-voting",
                      "yes_share_of_present_and_voting": "Yes share of present and voting"}
            ut.show_table(ut.trend_table(), labels)
            """),
        code("trend-chart", "ut.trend_chart()"),
        md("series-read", f"""
            A few landmarks:

            - **March 2014**, on Crimea ({v14.id}, "{v14.title}"): {v14.result}
              ({v14.non_voting} not voting).
            - **March 2022**, a week into the full-scale invasion (ES-11/1): {v22.result}.
            - **October 2022** ({F.max_yes.id}, "{F.max_yes.title}"): {F.max_yes.result},
              the most yes votes in the series.
            - **February 2025** (ES-11/7): {v25.result}, with {v25.abstain} abstentions.
              The same day the Assembly adopted ES-11/8 ({F.v25us.result}), the text the
              **United States** drafted on a "path to peace", as amended by European states;
              the data records **Ukraine itself as abstaining** on it. It is in the series
              as a text on the war, not as one of Ukraine's own.
            - **December 2025** ({F.min_yes.id}, "{F.min_yes.title}"): {F.min_yes.result},
              the fewest yes votes, with {F.min_yes.non_voting} states not voting.
            - **February 2026**: {v.result}.

            **A caution.** These are different texts on different questions: territorial
            integrity, humanitarian access, suspension from the Human Rights Council,
            reparations, peace, and one US-drafted text. A drop in support may reflect the
            question as much as the mood. Compare like with like, and read the titles.
            The course calls them the *Ukraine-related texts*, not "Ukraine's texts".
            """),
        md("movers", """
            ## Who moved, and how

            `ut.vote_history` shows one state's vote on every resolution in the series.
            Unknown means no source was found for that vote, not that the state stayed
            away.
            """),
        code("usa", """
            history_columns = ["resolution", "date", "vote", "confidence", "source_url"]
            ut.show_table(ut.vote_history("United States"), history_columns)
            """),
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
        code("israel", 'ut.show_table(ut.vote_history("Israel"), history_columns)'),
        md("israel-read", f"""
            **Israel** voted **no** on ES-11/7 in February 2025, abstained on ES-11/8 the
            same day, voted yes on {F.v25kids.id} in December 2025, and voted **yes** in
            2026, when the United States abstained. Notebook 04 has the source.

            **Your task:** check two more states the same way: Hungary (in the cell below)
            and Indonesia (change the name and run it again). For each, write one
            sentence: "From ... to ..., it moved from ... to ...". Then pick a state of your
            own, and answer the question under the cell.
            """),
        code("your-state", 'ut.show_table(ut.vote_history("Hungary"), history_columns)'),
        code("quiz-moved", 'ut.self_check("05-who-moved")'),
        md("transitions-intro", """
            ## Transitions between two votes

            A **[transition table](../docs/glossary.md#transition-table)** shows, for every state, its vote on one resolution
            against its vote on another. ES-11/7 (2025) was a Ukrainian text of a similar
            kind to 2026's, and its record is complete, so it is the natural comparison.
            """),
        code("quiz-unknown", 'ut.self_check("05-unknown-in-transitions")'),
        code("transitions", """
            t = ut.transitions("ES-11/7", "2026")
            labels = {"from_vote": "Vote on ES-11/7 (2025)", "to_vote": "Vote in 2026",
                      "count": "States"}
            ut.show_table(t[t["count"] > 0], labels)
            """),
        code("shift-chart", 'ut.shift_chart("ES-11/7", "2026")'),
        code("shift-table", """
            shifts = ut.shift_table("ES-11/7", "2026").query("count > 0")
            labels = {"from_vote": "ES-11/7 (2025)", "to_vote": "2026", "count": "States",
                      "names": "Which states"}
            ut.show_table(shifts, labels)
            """),
        md("transitions-read", f"""
            Read the rows into `unknown` first: {int(cov26["unknown"])} of the
            {v.members} states have no known 2026 vote, and they hide most of the movement.
            Of the {n_known} states whose 2026 vote is known, **{n_moved} changed** their
            vote since ES-11/7.

            Do not read those {n_moved} as a sample of the whole Assembly. The
            [known]({G}#known) part of the 2026 record is **not random**
            ([missing not at random]({G}#missing-not-at-random)): all {int(cov26["known_no"])} no votes are
            known, but only {int(cov26["known_yes"])} of the {v.yes} yes votes and
            {int(cov26["known_abstain"])} of the {v.abstain} abstentions. States get named
            when the press of some country reports them, which favours the votes someone
            found newsworthy: a surprising change, a neighbour, a large state. So the
            question "of the known changes, which direction dominates?" has an answer for
            the {n_known} known states only; it says nothing reliable about the other
            {int(cov26["unknown"])}. Notebook 03 shows how far the official totals bound what
            the unknown states can have done.
            """),
        md("crosstab-hood", """
            **Under the hood.** `ut.transitions` and `ut.transition_crosstab` are a
            `pd.crosstab` of two Series of votes that share the iso3 index. Open the folded
            cell (click the bar on its left) to see it, and run it: it ends by checking
            that the counts equal the helper's.
            """),
        under_the_hood("crosstab-hood-code", """
            # Under the hood of ut.transition_crosstab("ES-11/7", "2026")
            import pandas as pd

            before = ut.load_votes("ES-11/7").set_index("iso3")["vote"]
            after = ut.load_votes("2026").set_index("iso3")["vote"]
            mine = pd.crosstab(before, after, dropna=False)      # rows: 2025, columns: 2026

            helper = ut.transition_crosstab("ES-11/7", "2026").drop(index="total",
                                                                    columns="total")
            assert (mine.reindex(index=helper.index, columns=helper.columns,
                                 fill_value=0).to_numpy() == helper.to_numpy()).all()
            print(mine.to_string())
            """),
        md("crosstab-task", """
            **Your turn.** Two records that are complete make a cleaner comparison. The cell
            below builds the crosstab of March 2022 (ES-11/1) against February 2025
            (ES-11/7) for every state as a worked example; build the same table for the
            states of the African Group, in a few lines of your own.
            """),
        exercise("05-crosstab-african"),
        md("rival", f"""
            ## Why did states move? Testing rival explanations

            Three explanations are often heard for the moves between February 2025 and
            2026: **region** (some regions moved together), **alignment** (states that
            usually vote with the United States followed its shift to abstention), and
            **sponsorship** (co-sponsors of the text held firm). Each makes a prediction you
            can check, within limits:

            - Region predicts that the known changes cluster in some regional groups. The
              exercise below counts them; then compare each count with how many of the
              group's 2026 votes are known at all (`ut.group_table("2026")`).
            - Alignment predicts that states with high earlier agreement with the United
              States moved toward abstention. Try `ut.agreement(state, "USA",
              ["ES-11/1", "ES-11/2", "ES-11/3", "ES-11/4", "ES-11/5", "ES-11/6"])` for the
              {n_moved} states that moved (the shift table above names them).
            - Sponsorship cannot be tested here: the course has no list of the 2026
              co-sponsors. Saying so is part of the answer.

            Be modest about what you find. Eleven votes on different texts, and a 2026
            record that names {F.known26} of {v.members} states, can show a pattern among
            the known states; they cannot show a cause, and a pattern may reflect which
            states the press covered.
            """),
        exercise("05-known-changes-by-group"),
        md("cohesion-intro", """
            ## Bloc cohesion

            How united was a bloc? The course uses the **[agreement index](../docs/glossary.md#cohesion-index)** of Hix, Noury
            and Roland: 1 when all members vote the same way, 0 when their votes are split
            evenly between yes, no and abstain. Only known yes, no and abstain votes are
            counted; non-voting and unknown states are left out, so with partial data the
            index describes the known votes only.
            """),
        code("cohesion", """
            def cohesion_line(group, vote):
                d = ut.cohesion_detail(group, vote)
                if d["cohesion_note"]:          # withheld: fewer than two thirds known
                    return d["cohesion_note"]
                return f"{d['cohesion']:.2f} ({d['known']} of {d['members']} known)"

            for group in ["EU", "NATO", "African States", "Western European and other States"]:
                print(f"{group:34} ES-11/7: {cohesion_line(group, 'ES-11/7'):24}",
                      f"2026: {cohesion_line(group, '2026')}")
            """),
        md("cohesion-read", f"""
            The European Union is a good test case. On ES-11/7 Hungary voted **no** while
            the other members voted yes; in 2026 Hungary **abstained**. Yet the EU's index
            is the same both times ({F.eu_cohesion:.2f}). The index measures how united a
            group is, not in which direction the dissenter moved: one member out of line
            counts the same whether it votes no or abstains.

            Every figure above comes with the number of members it rests on. The course
            **withholds** an index when fewer than two thirds of a group's members have a
            known vote: the known votes of 2026 are not a random sample (all the no votes
            are known, most yes votes and abstentions are not), so an index of the known
            part would describe the press coverage rather than the group. For 2026 the
            Association of Southeast Asian Nations has only {F.asean.known} of its
            {F.asean.members} votes known: what would you need before calling ASEAN united?
            Try `ut.cohesion("ASEAN", "ES-11/7")`, where every vote is known.
            """),
        code("quiz-cohesion", 'ut.self_check("05-cohesion-too-few")'),
        md("cohesion-hood", """
            **Under the hood.** The index is a short formula. Open the folded cell to see it
            worked by hand for the European Union on ES-11/7 (26 yes, 1 no), and run it: it
            ends by checking the result against `ut.cohesion`.
            """),
        under_the_hood("cohesion-hood-code", """
            # Under the hood of ut.cohesion("EU", "ES-11/7"): the Hix-Noury-Roland index
            votes = ut.load_votes("ES-11/7")
            eu = votes[votes["iso3"].isin(ut.group_members("EU"))]["vote"].astype(str)
            y, n, a = (eu == "yes").sum(), (eu == "no").sum(), (eu == "abstain").sum()
            top = max(y, n, a)                       # the largest camp
            index = (top - (y + n + a - top) / 2) / (y + n + a)
            print(f"yes {y}, no {n}, abstain {a}: ({top} - {y + n + a - top}/2) / {y + n + a}"
                  f" = {index:.3f}")
            assert abs(index - ut.cohesion("EU", "ES-11/7")) < 1e-12
            """),
        md("agreement-intro", """
            ## Agreement between states

            **[Agreement](../docs/glossary.md#agreement)** is the share of votes on which two states voted the same way,
            counted over the resolutions where both votes are known and both voted yes, no
            or abstain (an abstention counts as a position).
            """),
        code("agreement", """
            print(f"United States and Israel:         {ut.agreement('USA', 'ISR'):.2f}")
            print(f"United States and United Kingdom: {ut.agreement('USA', 'GBR'):.2f}")
            print(f"China and India:                  {ut.agreement('CHN', 'IND'):.2f}")
            """),
        md("agreement-hood", """
            **Under the hood, and your worked example.** `ut.agreement` lines up two
            states' votes by resolution and keeps the resolutions where both took a
            position. Open the folded cell to see it for the United States and Israel; the
            exercise after it asks you to do the same for another pair.
            """),
        under_the_hood("agreement-hood-code", """
            # Under the hood of ut.agreement("USA", "ISR")
            every_vote = ut.load_votes()                      # the whole series
            usa = every_vote[every_vote["iso3"] == "USA"].set_index("resolution")["vote"]
            isr = every_vote[every_vote["iso3"] == "ISR"].set_index("resolution")["vote"]
            positions = ["yes", "no", "abstain"]
            both = usa.isin(positions) & isr.isin(positions)  # aligned on the resolution
            mine = (usa[both] == isr[both]).mean()
            print(f"compared {both.sum()} votes, same on {(usa[both] == isr[both]).sum()}:",
                  f"{mine:.3f}")
            assert abs(mine - ut.agreement("USA", "ISR")) < 1e-12
            """),
        exercise("05-agreement-pair"),
        code("agreement-chart", """
            states = ["USA", "GBR", "FRA", "ISR", "HUN", "CHN", "IND", "BRA", "RUS"]
            ut.agreement_chart(states)
            """),
        code("agreement-table", """
            labels = {"name_a": "State", "name_b": "Other state", "agreement": "Agreement",
                      "compared": "Votes compared", "same": "Same vote"}
            ut.show_table(ut.agreement_table(states), labels)
            """),
        md("agreement-read", """
            Two states with a high agreement did not necessarily vote together for the same
            reasons; and two states with few known votes in common can show an extreme
            score from very little evidence. The table says how many votes each figure
            rests on.
            """),
        md("chart-task", """
            ## Your own chart

            The package's charts are Altair charts you can build yourself. The last
            exercise redraws part of the trend chart above in your own code: for each
            vote, the yes votes as a share of those present and voting. Which
            denominator is the right one?
            """),
        exercise("05-share-chart"),
        md("comparer", """
            ## Try it: the vote comparer

            Pick any two votes of the series. The comparer shows the transitions and the
            shift chart. **Your task:** compare ES-11/1 (March 2022) with ES-11/7 (February
            2025), two votes whose records are complete. Which transition is the largest
            after "stayed yes"?
            """),
        code("vote-comparer", "ut.vote_comparer()"),
        md("checks", "## Check your understanding"),
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
            "much each figure rests on. Below two thirds known, the course withholds the "
            "cohesion index.",
            "The known part of the 2026 record is not a random sample: all the no votes are "
            "known, most yes votes and abstentions are not. Known changes describe the "
            "known states only.",
        ]),
    ]
