"""Notebook 01 · How the General Assembly votes: its text and cells."""

from __future__ import annotations

import unga_teach as ut  # noqa: F401  (some builders ask the package what it exports)
from unga_teach.analysis import votes_needed

from .cells import code, exercise, first_cell, md
from .facts import facts, pct, quote, src  # noqa: F401
from .series import ENTRY, SERIES, footer, header, series_table, total_minutes  # noqa: F401

G = "../docs/glossary.md"
EEAS_URL = ("https://eeas.europa.eu/delegations/un-new-york/eu-statement-%E2%80%93-un-general-"
            "assembly-11th-emergency-special-session-ukraine_en")


# =============================================== 01 · How the General Assembly votes
def cells() -> list:
    F = facts()
    v = F.v26
    left = v.members - v.yes
    return [
        *header("01", "The rules that turned 107 votes into an adopted resolution.", [
            "explain 'one state, one vote' and who may vote in the General Assembly;",
            "compute, from the official totals, who is present and voting, the yes share "
            "and the votes a majority needs, and explain why abstentions do not count;",
            "tell abstaining from not voting, and say why not voting is not always a choice "
            "(Article 19);",
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

            Two **[non-member observer states]({G}#observer-state)**, the Holy See and the
            State of Palestine, take part in the Assembly's debates but cannot vote. Run the
            cell to see them counted.
            """),
        code("members", """
            states = ut.load_members(include_observers=True)
            ut.show_table(states["status"].value_counts(), {"status": "Status", "count": "States"})
            """),
        md("present-voting", f"""
            ## "Present and voting"

            The Charter says decisions are taken by a majority of the members **[present
            and voting]({G}#present-and-voting)**. The Assembly's rules of procedure (rule
            86) define that phrase narrowly: the members casting a **yes** or a **no**. A
            state that [abstains]({G}#abstention) is present but is treated as *not voting*.

            Every state in a [recorded vote]({G}#recorded-vote) therefore ends up in one of
            four groups:

            | Group | What it means | Counts toward the majority? |
            |---|---|---|
            | Yes | votes in favour | yes |
            | No | votes against | yes |
            | Abstain | present, chooses neither | **no** |
            | Non-voting | not recorded as casting any vote | **no** |
            """),
        md("non-voting-q", """
            ### Abstaining or not voting?

            An abstention is a position the record shows: the state pressed the abstain
            button. [Non-voting](../docs/glossary.md#non-voting) is different. Before you read
            on, answer this question.
            """),
        code("quiz-non-voting", 'ut.self_check("01-non-voting")'),
        md("article-19", f"""
            A state is recorded as non-voting for different reasons, and the record does
            not say which:

            - **a choice:** a delegation can stay out of the hall, or sit without pressing a
              button, so as not to take sides at all (a *strategic absence*);
            - **an absence** for other reasons, such as a delegation that is not there that
              day;
            - **no vote at all:** under **[Article 19]({G}#article-19)** of the Charter, a
              member whose unpaid contributions equal or exceed what it owed for the two
              preceding full years has no vote in the Assembly, unless the Assembly accepts
              that the failure to pay is beyond its control. Such a state is recorded as
              not voting, whatever it thinks of the text.

            Venezuela is a case in the course data. Run the cell: it was recorded as not
            voting on every text from 2022 on, and the data's notes for ES-11/3 and ES-11/4
            record press reports that it had lost its vote over unpaid contributions.
            """),
        code("venezuela", """
            ut.show_table(ut.vote_history("VEN"), ["resolution", "date", "vote", "confidence"])
            """),
        md("article-19-read", """
            This is why the course says that **not voting is not a recorded position**: it
            never reads a non-vote as a yes, a no or an abstention, and it never guesses
            the reason. Where a reason matters, look for a source that gives it.
            """),
        md("count-intro", """
            ## Counting from the official totals

            The official totals of each vote are in `ut.load_resolutions()`, one row per
            vote. The worked example below picks the 2026 row and computes how many member
            states were recorded as not voting, then compares it with the record. Read it,
            run it, and see how each line works.
            """),
        code("count-example", """
            t = ut.load_resolutions().set_index("id").loc["2026"]
            members = int(t["total_members"])
            yes, no, abstain = int(t["yes"]), int(t["no"]), int(t["abstain"])

            # Worked example: the states recorded as not voting are the members left over
            not_voting = members - (yes + no + abstain)
            print("not voting:", not_voting, "| the record says:", int(t["non_voting"]))
            """),
        md("ex-present-intro", """
            **Your turn.** The exercise cell below starts from the same totals. Replace the
            `...` with the number of states **present and voting** in 2026, written as a
            sum of the names `yes`, `no` and `abstain` (the ones you need), and run it. The
            card under the cell says *Correct* or *Not yet* with a hint; after a first try
            it offers a worked solution.
            """),
        exercise("01-present-and-voting"),
        md("majorities", f"""
            ## Which majority?

            There are two majorities:

            - a **[simple majority]({G}#simple-majority)** for most questions: more yes than
              no;
            - a **[two-thirds majority]({G}#two-thirds-majority)** for "important
              questions": yes must be at least two thirds of yes + no. Article 18(2) of
              the Charter lists them: among others, recommendations on international peace
              and security, elections to the Councils, the admission of new members, the
              suspension of a member's rights and privileges, expulsion, and budgetary
              questions. Under Article 18(3) the Assembly may add other categories by a
              simple majority.

            The place to check which majority applied to a vote is the verbatim record of
            its meeting. **For 2026, the course's sources do not say which did.** They give the totals (UN News,
            the UN press release as reproduced online, news agencies), not the rule
            announced in the hall. To find it, read the verbatim record of the meeting of
            24 February 2026 in the UN Digital Library: a document whose symbol begins
            `A/ES-11/PV.` (the [EU delegation's statement]({EEAS_URL}) places the vote at
            the 23rd plenary meeting of the resumed session; the course has not read the
            record itself). As you will compute, the text passed under either rule.

            Keep one thing apart: the 2022 vote that suspended Russia's rights of
            membership in the **Human Rights Council** (ES-11/3) also needed two thirds,
            but not because of Article 18(2). That article covers the rights of UN
            membership; the two-thirds rule for suspending a member of the Human Rights
            Council comes from the resolution that created the Council, resolution 60/251
            of 2006.

            The share that decides a vote is the yes votes divided by those present and
            voting. The worked example computes it for the 2025 vote, ES-11/7.
            """),
        code("share-example", """
            r = ut.load_resolutions().set_index("id").loc["ES-11/7"]
            yes_2025, no_2025 = int(r["yes"]), int(r["no"])

            # Worked example (2025, ES-11/7): yes as a share of those present and voting
            share_2025 = yes_2025 / (yes_2025 + no_2025)
            print(f"ES-11/7: {yes_2025} yes of {yes_2025 + no_2025} present and voting;",
                  f"share {share_2025:.3f}")
            """),
        md("ex-share-intro", """
            **Your turn:** the same share for 2026. A share is a number between 0 and 1,
            not a percentage.
            """),
        exercise("01-yes-share"),
        md("needed-intro", """
            How many yes votes does a majority need? Under the simple rule, yes must be
            more than no, so more than half of those present and voting. The worked example
            computes that number for 2026 and checks it against the package's helper
            `ut.votes_needed`.
            """),
        code("needed-example", """
            t = ut.load_resolutions().set_index("id").loc["2026"]
            present = int(t["yes"]) + int(t["no"])

            # Worked example: more than half of `present`, as a whole number of votes
            needed_simple = present // 2 + 1
            print("fewest yes votes for a simple majority:", needed_simple)
            print("the package says:", ut.votes_needed(present))
            """),
        md("ex-needed-intro", """
            **Your turn, in a line or two of your own:** the fewest yes votes that reach a
            two-thirds majority of the same `present`.
            """),
        exercise("01-two-thirds-needed"),
        md("majority-helper", """
            The package does this arithmetic in one call, `ut.passes(yes, no, rule=...)`.
            Run the cell to see the 2026 vote under both rules.
            """),
        code("majority-2026", """
            yes, no, abstain, non_voting = 107, 12, 51, 23
            print(f"present and voting: {yes} + {no} = {yes + no}")
            print(f"not counted: {abstain} abstaining, {non_voting} not voting")
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
            calculator says, under each rule, whether the proposal passes and why. The
            result hides again whenever a number changes, so each prediction gets its own
            check. **Reset** brings back the 2026 result.

            **Your task.** Start from the 2026 result, and suppose nobody changes from yes:
            the {v.yes} yes votes stay.

            1. **Under the simple rule**, how many *no* votes would it take to defeat the
               text? Work it out on paper first (remember: a tie is a rejection). Then set
               **Abstain** to 0, type your number into the **No** box, press **Show
               result**, and read what the calculator says.
            2. **Under the two-thirds rule**, what is the smallest number of no votes that
               defeats {v.yes} yes? Write your prediction down, type it in, and check it.
               Then try one fewer.
            """),
        code("calculator", "ut.majority_calculator(predict=True)"),
        md("calc-read", f"""
            <details><summary>After both parts: what the first part shows (open it after
            trying)</summary>

            Under the simple rule, {v.yes} yes votes are defeated only by at least {v.yes}
            no votes. But with {v.yes} yes, only {v.members} − {v.yes} = {left} member
            states are left. **The question has no possible answer**: if nobody changes from
            yes, the text cannot be defeated under the simple rule, and the calculator keeps
            your number and says why instead of giving a result. Under the two-thirds rule
            the bar for yes is higher, so far fewer no votes are enough, and the calculator
            shows you how many.

            </details>

            Now a new case: the same reasoning with other numbers.
            """),
        code("quiz-calc", 'ut.self_check("01-defeat-two-thirds")'),
        md("recorded", f"""
            ## Recorded votes

            Many Assembly decisions are taken **without a vote**, by consensus, when no
            state asks for one. When a state requests a **[recorded vote]({G}#recorded-vote)**,
            each delegation presses a button, the result appears on the board in the hall,
            and the official record lists how every member state voted. That per-country
            record is what the course analyses.

            Before or after the vote, delegations may give an **[explanation of
            vote]({G}#explanation-of-vote)**: a short speech saying why they voted as they
            did. Notebook 04 is built on these.
            """),
        md("ufp", f"""
            ## Why this question is in the Assembly at all: "Uniting for Peace"

            Under the Charter, the **Security Council** has the primary responsibility for
            international peace and security, and its five permanent members (China,
            France, Russia, the United Kingdom and the United States) each hold a
            **[veto]({G}#veto)** over its substantive decisions. What happens when a veto
            blocks the Council? Predict before you read on.
            """),
        code("quiz-ufp", 'ut.self_check("01-uniting-for-peace")'),
        md("ufp-377", f"""
            In 1950 the Assembly adopted resolution **377 A (V), "[Uniting for
            Peace]({G}#uniting-for-peace)"**. It says that when the Council, because the
            permanent members are not unanimous, fails to act on a threat to the peace,
            the Assembly can take up the matter at once and recommend collective measures.
            If the Assembly is not in session, it can meet in an **[emergency special
            session]({G}#emergency-special-session)** at short notice, called by the
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
            ut.show_table(ut.load_resolutions(include_procedural=False),
                          ["id", "date", "session", "title"])
            """),
        md("session-read", """
            The `session` column shows that every vote since 2022 belongs to the emergency
            special session `ES-11`. The 2014 resolution 68/262 was adopted in the regular
            session (the 68th).
            """),
        md("binding-q", """
            ## Binding or not?

            Before you read this section, predict the answer to the question below.
            """),
        code("quiz-binding", 'ut.self_check("01-recommendation")'),
        md("binding", f"""
            Assembly resolutions on questions like this one are
            **[recommendations]({G}#recommendation)**. They do not create legal obligations
            the way some Security Council decisions do, and no state is forced to act on
            them.

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
        md("checks", """
            ## Check your understanding

            One more transfer question, on numbers the notebook has not used.
            """),
        code("quiz1", 'ut.self_check("01-simple-majority")'),
        *footer("01", [
            f"Each of the {F.members} member states has one vote; observer states cannot vote.",
            "A majority is counted among members present and voting: yes + no. Abstentions "
            "and non-voting states are left out.",
            "Not voting is not a recorded position: it may be a choice, an absence, or no "
            "vote at all (Article 19, arrears); the record does not say which.",
            f"In 2026, {v.yes} of {v.present} present and voting ({v.yes_share}) was enough "
            "under either rule; which rule applied is in the meeting record, not in the "
            "course's sources.",
            f"With {v.yes} yes, the text could not have been defeated under the simple rule "
            f"unless states changed from yes: only {left} states were left.",
            "Abstaining instead of voting no can decide the outcome under a two-thirds rule.",
            "Uniting for Peace (377 A (V), 1950) lets the Assembly act when a veto blocks the "
            "Council; the 11th emergency special session was called by Council resolution "
            "2623 (2022).",
            "Assembly resolutions are recommendations with political, not legal, force.",
        ]),
    ]
