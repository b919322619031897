"""Notebook 04 · Positions and explanations of vote: its text and cells."""

from __future__ import annotations

import unga_teach as ut  # noqa: F401  (some builders ask the package what it exports)
from unga_teach.analysis import votes_needed  # noqa: F401

from .cells import code, first_cell, md
from .facts import facts, pct, quote, src  # noqa: F401
from .series import ENTRY, SERIES, footer, header, series_table, total_minutes  # noqa: F401


# ========================================== 04 · Positions and explanations of vote
def cells() -> list:
    F = facts()
    s = F.stmt
    return [
        *header("04", "Why states voted as they did, in their own terms.", [
            "summarise the main positions on the 2026 text, each in its own terms and with "
            "its source;",
            "sort arguments by theme: sovereignty, ceasefire, negotiations, inclusiveness, "
            "procedure;",
            "tell a vote from an explanation of vote, and a quotation from a summary;",
            "notice which positions are not explained in the public record.",
        ]),
        first_cell(),
        md("intro", """
            ## Votes and explanations of vote

            A vote is a single button. An **explanation of vote** is what a delegation says
            before or after pressing it, from the floor of the Assembly or in a statement
            issued by its government. It is the best evidence of *why* a state voted as it
            did, but it is also a public argument, written to persuade. Read each one as the
            state's own account.

            The course data holds the statements found for each vote. Summaries are in our
            words; quotations are short and exactly as reported. Run the cell to list the
            statements about the 2026 vote.
            """),
        code("statements", """
            ut.show_table(ut.load_statements("2026"), {"speaker_state": "State", "speaker": "Speaker", "vote_cast": "Vote", "summary": "Summary (our words)", "source_url": "Source"}, caption="Statements about the 2026 vote")
            """),
        md("positions", f"""
            ## The main positions

            **United States: abstained.** Deputy Permanent Representative
            {s("S001")["speaker"]} said the United States welcomed the call for a ceasefire
            but judged some of the wording {quote("S001", who=False)}. She ended:
            {quote("S002", who=False)}. Before the vote, the United States had sought
            separate votes on two paragraphs (notebook 02).

            **Ukraine: presented the text.** Deputy Foreign Minister
            {s("S003")["speaker"]} argued against the motion for division:
            {quote("S003", who=False)}. After the vote, Foreign Minister
            {s("S005")["speaker"]} wrote: {quote("S005", who=False)}.

            **Russian Federation: voted against.** Deputy Permanent Representative
            {s("S006")["speaker"]} argued that a Ukraine seeking lasting peace should
            pursue diplomacy and solutions acceptable to both sides, with durable security
            guarantees for Russia and Ukraine, instead of starting yet more politicised
            votes (our paraphrase of her words as reported in Russian; {src("S006")}).

            **China: abstained.** Counsellor {s("S007")["speaker"]} said the abstention was
            consistent with China's established position: respect for the sovereignty and
            territorial integrity of every state and for the Charter, attention to
            legitimate security concerns, support for the negotiations, and a call to deal
            with root causes and build a balanced security architecture in Europe
            ({src("S007")}).

            **European Union: supported the text.** Speaking for the EU and 26 of its
            member states, {s("S008")["speaker"]} described Russia's invasion as
            {quote("S008", who=False)}.

            **Hungary: abstained**, the only EU member not to vote yes. Hungarian officials
            called it {quote("S012", who=False)}.

            **Israel: voted yes**, while the United States abstained. Foreign Minister
            {s("S014")["speaker"]} instructed Israel's mission to vote in favour, reversing
            Israel's vote against the Ukrainian text of February 2025. No direct quotation
            was recorded ({src("S014")}).

            **Indonesia: abstained.** Three days after the vote, a foreign ministry
            spokesperson tied the abstention to how the text was drafted:
            {quote("S013", who=False)}.
            """),
        md("others", f"""
            ### Other voices in the data

            - **France** (yes), opposing the motion for division: {quote("S009", who=False)}.
            - **United Kingdom** (yes), Minister {s("S010")["speaker"]}: {quote("S010", who=False)}.
            - **The President of the General Assembly**, {s("S011")["speaker"]}, in remarks
              read on her behalf: {quote("S011", who=False)}.
            - **Slovakia** (yes) announced its vote a day early, while also endorsing the
              US-led peace initiative ({src("S015")}).
            """),
        md("gaps", """
            ### What the record does not say

            Many abstainers gave **no public explanation** that the course could find. That
            includes large states such as India, Brazil and South Africa. An abstention
            without an explanation can mean many things: caution, a balance between
            partners, a procedural objection, or a wish to stay out of it. Do not fill the
            silence with a guess.

            Ukraine's **own** 2026 vote is not stated in any source found, so the data
            records it as unknown. As the sponsor it very probably voted yes, but that is an
            inference, and the course does not record inferences as votes.
            """),
        md("themes", """
            ## Sorting arguments by theme

            Explanations of vote draw on a small set of recurring arguments. The course
            tags each statement with one or more themes; five matter most here:

            | Theme | The argument in short |
            |---|---|
            | **sovereignty** | Ukraine's sovereignty and borders are not negotiable; force must not change borders. |
            | **ceasefire** | The killing should stop first: a ceasefire as the immediate goal. |
            | **negotiations** | The text should help, not hinder, the talks under way. |
            | **inclusiveness** | Everyone affected should have a say in drafting and in a settlement. |
            | **procedure** | How the text was handled: separate votes, who drafted it, the vote itself. |

            **Your task:** before running the next cell, re-read the positions above and
            write down one theme for each of the United States, Ukraine, China and
            Indonesia. Then run it and compare with the tags (the Themes column of the
            table).
            """),
        code("theme-tags", """
            ut.show_table(ut.load_statements("2026"), {"speaker_state": "State", "speaker": "Speaker", "vote_cast": "Vote", "themes": "Themes"}, caption="The themes of each statement")
            """),
        code("theme-counts", """
            ut.show_table(ut.load_statements("2026").explode("themes")["themes"].value_counts(), {"themes": "Theme", "count": "Statements"})
            """),
        md("theme-read", """
            <details>
            <summary><b>After you have compared:</b> what the tags show (open it once you have written your four themes)</summary>

            A statement can carry several themes: the United States' explanation is about
            procedure, negotiations *and* the ceasefire. Notice also that states on opposite
            sides use the same theme: "negotiations" appears in explanations of yes votes,
            abstentions and a no. A theme tells you what an argument is about, not which way
            it points.

            </details>
            """),
        md("checks", "## Check your understanding"),
        code("quiz1", 'ut.self_check("04-indonesia-theme")'),
        code("quiz2", 'ut.self_check("04-us-reason")'),
        md("match-intro", """
            ### Who said it?

            Match each quotation to its speaker. All of them are in the course data with
            their sources.
            """),
        code("quiz-match", 'ut.self_check("04-who-said-it")'),
        *footer("04", [
            "An explanation of vote is a state's own public account of its vote: evidence of "
            "its reasons, and an argument in its own right.",
            "The United States welcomed the ceasefire call but abstained over wording it "
            "said would distract from negotiations; Ukraine argued that the principles in "
            "PP2 and OP2 were not negotiable.",
            "Russia voted against, calling for diplomacy and security guarantees for both "
            "sides instead of another Assembly vote; China abstained in line with "
            "its established position; Indonesia pointed to inclusiveness.",
            "Israel voted yes while the United States abstained; Hungary was the only EU "
            "member not to vote yes.",
            "Many abstainers gave no public reason; silence is not evidence of a motive.",
        ]),
    ]
