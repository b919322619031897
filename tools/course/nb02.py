"""Notebook 02 · The resolution of 24 February 2026: its text and cells."""

from __future__ import annotations

import unga_teach as ut  # noqa: F401  (some builders ask the package what it exports)
from unga_teach.analysis import votes_needed  # noqa: F401

from .cells import code, exercise, first_cell, md
from .facts import facts, pct, quote, src  # noqa: F401
from .series import ENTRY, SERIES, footer, header, series_table, total_minutes  # noqa: F401

G = "../docs/glossary.md"


# ============================================= 02 · The resolution of 24 February 2026
def cells() -> list:
    F = facts()
    v, m = F.v26, F.motion
    p = F.paragraphs.set_index("paragraph_id")
    n_pp = int((F.paragraphs["part"] == "preambular").sum())
    n_op = int((F.paragraphs["part"] == "operative").sum())
    betsa = F.stmt("S003")
    cosponsor_url = "https://www.trtworld.com:443/article/3e0d884ade84"
    initiators_url = ("https://babel.ua/news/125173-genasambleya-oon-uhvalila-rezolyuciyu-"
                      "z-zaklikom-pripiniti-vogon-v-ukrajini-ssha-utrimalis")
    op1 = str(p.loc["OP1", "reported_wording"])
    return [
        *header("02", "What the text says, what it left out, and a lesson in procedure.", [
            "say who drafted and presented the 2026 text, and what is not known about its "
            "sponsors;",
            "tell a preambular paragraph from an operative one, and explain why the "
            "difference matters;",
            "select and count the paragraphs of the text with a mask and value_counts;",
            "summarise each reported paragraph and what changed from the 2025 text (ES-11/7);",
            "explain what a motion for division is, why it is not an amendment, and what "
            "happens when one is carried or rejected.",
        ]),
        first_cell(),
        md("doc", f"""
            ## The document

            The draft was circulated as **{v.draft}**, its
            [draft symbol]({G}#draft-symbol): an "L" document is a draft; the adopted text
            gets a resolution symbol, its [adopted symbol]({G}#adopted-symbol). The course
            calls this resolution simply `2026`. Before you run the next cell, predict why.
            """),
        code("quiz-why", 'ut.self_check("02-why-2026")'),
        md("doc-run", "Now run the cell to see what the data records about the vote."),
        code("info", """
            ut.resolution_info("2026")
            """),
        md("doc-read", """
            Two things to notice:

            - The **adopted symbol is not confirmed** by any source found, so the course
              calls the resolution simply `2026` rather than print a symbol that might be
              wrong.
            - **The full text was not available** to the course authors. What follows is
              the text **as reported** by the UN's own news service and by news agencies,
              which quote some phrases and describe the rest. Reports describe a short
              text; it may contain paragraphs they do not mention.
            """),
        md("who", f"""
            ## Who drafted and presented it

            The draft was initiated by **Ukraine**, with **Latvia** as co-initiator
            ([source]({initiators_url})). Ukraine's Deputy Minister for Foreign Affairs,
            **{betsa["speaker"]}**, presented it to the Assembly ({src("S003", "UN News")}).

            Reports put the number of **co-sponsors at 46** ([TRT]({cosponsor_url})), but
            no list of them was found, and it is unclear whether the figure counts Ukraine
            itself. The course therefore does not name any sponsor beyond the two
            initiators.
            """),
        md("anatomy", f"""
            ## The anatomy of a resolution

            An Assembly resolution has two parts:

            - **[Preambular paragraphs]({G}#preambular-paragraph)** (PP) set the scene.
              They usually begin with words such as *Recalling*, *Reaffirming* or
              *Expressing concern*. They state principles and facts as the Assembly sees
              them, but they ask nobody to do anything.
            - **[Operative paragraphs]({G}#operative-paragraph)** (OP) are the decisions
              and requests. They begin with verbs such as *Calls for*, *Demands* or
              *Decides*, and they are numbered.

            The preamble is not decoration: it is where a text says who did what and on
            which principles a settlement should rest. In 2026 one of the two paragraphs
            the United States wanted to vote on separately was preambular.
            """),
        code("quiz-part", 'ut.self_check("02-operative-paragraph")'),
        md("paras", f"""
            ## Paragraph by paragraph

            The data holds {n_pp + n_op} reported paragraphs of the 2026 text. The labels
            (PP1, OP1, ...) follow the order in which reports describe the text; only PP2
            and OP2 are numbered by the sources themselves.
            """),
        code("paragraphs", """
            ut.show_table(ut.load_paragraphs(),
                          {"paragraph_id": "Paragraph", "part": "Part",
                           "summary": "Summary (our words)",
                           "reported_wording": "Reported wording"},
                          caption="The 2026 text, as reported")
            """),
        md("paras-read", f"""
            The summaries are in our words. Where a report quotes the text, the quotation is
            in the column *Reported wording*; the operative call for a ceasefire, for
            example, is reported as "{op1}" ([TRT]({p.loc["OP1", "wording_source_url"]})).

            You can walk through the text one paragraph at a time with the explorer below:
            for each paragraph, decide whether it *states* something or *asks* for
            something, and check your answer against its part.
            """),
        code("explorer", "ut.paragraph_explorer()"),
        md("mask-intro", """
            ## Working with the paragraph table

            The table above is a pandas DataFrame, `ut.load_paragraphs("2026")`, one row
            per paragraph. To pick rows, compare a column with a value: the result is a
            **mask**, one `True` or `False` per row. Putting the mask in square brackets
            keeps the rows where it is `True`. The worked example picks the preambular
            paragraphs.
            """),
        code("mask-example", """
            paragraphs = ut.load_paragraphs("2026")

            # Worked example: True for each preambular paragraph, then keep those rows
            is_preambular = paragraphs["part"] == "preambular"
            print(is_preambular.tolist())
            ut.show_table(paragraphs[is_preambular], ["paragraph_id", "part", "summary"])
            """),
        md("ex-mask-intro", """
            **Your turn:** a mask that is `True` for the **operative** paragraphs. The
            cell checks the mask itself (one `True` or `False` per row).
            """),
        exercise("02-operative-mask"),
        md("quoted-intro", """
            Two masks can be combined: `mask_a & mask_b` is `True` where both are. Use that
            in a cell of your own to answer the next question (the column
            `reported_wording` is empty, `""`, where no report quotes the paragraph).
            """),
        code("quiz-quoted", 'ut.self_check("02-quoted-preamble")'),
        md("compare", f"""
            ## What changed from 2025

            A year earlier, on 24 February 2025, the Assembly adopted a Ukrainian text,
            **ES-11/7** ("{F.v25.title}"), by {F.v25.result}. Press reports comparing
            the two texts say the 2026 text has no demand for Russian withdrawal, no
            "aggression" wording and no paragraph on accountability. The data records these
            2025 elements as rows of `ut.load_paragraphs(None)`, whose `resolution` is
            `ES-11/7`.

            How many of them were preambular, and how many operative? `value_counts()`
            counts the rows of each value of a column. The worked example counts the parts
            of the 2026 text.
            """),
        code("counts-example", """
            paragraphs = ut.load_paragraphs("2026")

            # Worked example: how many 2026 paragraphs of each part (a Series indexed by part)
            counts_2026 = paragraphs["part"].value_counts()
            ut.show_table(counts_2026)
            """),
        md("ex-dropped-intro", """
            **Your turn, in two lines:** from `ut.load_paragraphs(None)`, keep the ES-11/7
            rows with a mask, then count them by part.
            """),
        exercise("02-dropped-by-part"),
        md("compare-table", "Now read the ES-11/7 elements themselves."),
        code("compare-2025", """
            elements_2025 = ut.load_paragraphs(None).query("resolution == 'ES-11/7'")
            ut.show_table(elements_2025,
                          {"paragraph_id": "Element", "part": "Part",
                           "summary": "Summary (our words)", "note": "Note"},
                          caption="Elements of ES-11/7 (2025) that reports say the 2026 text "
                                  "dropped")
            """),
        md("compare-read", f"""
            Read the *Note* column: these comparisons come from press reports, not from a
            side-by-side reading of the two documents, and the part of each element is
            assigned from reports or by drafting convention. Treat them as well-sourced
            leads to check against the official texts.

            The 2026 text drew **{v.yes}** votes in favour, against **{F.v25.yes}** for
            ES-11/7. It is tempting to conclude that the text without the withdrawal and
            "aggression" language *caused* the higher support. The vote alone cannot show
            that: governments, circumstances and negotiations had also changed. Notebook 05
            looks at who moved.

            Some 2026 paragraphs carry a note comparing them with ES-11/7 (the column
            `compare_es11_7`). The worked example lists their ids: a mask, then one column
            turned into a list.
            """),
        code("compared-example", """
            paragraphs = ut.load_paragraphs("2026")

            # Worked example: the ids of the 2026 paragraphs compared with ES-11/7
            compared = paragraphs[paragraphs["compare_es11_7"] != ""]
            print(compared["paragraph_id"].tolist())
            """),
        md("motion-intro", """
            ## A lesson in procedure: the US motion for division

            Before the vote on the whole text, the **United States** asked for separate
            votes on two paragraphs. Which ones? Find out from the data before you read on.

            **Your turn, in two or three lines of your own:** the column
            `targeted_by_us_motion` is `True` for the paragraphs the United States wanted
            to vote on separately. Make a list of their ids.
            """),
        exercise("02-us-motion-paragraphs"),
        md("motion", f"""
            The two paragraphs were **PP2** (the Assembly's commitment to Ukraine's
            sovereignty and territorial integrity within its internationally recognised
            borders) and **OP2** (a comprehensive, just and lasting peace in line with
            international law, including the UN Charter).

            Asking for separate votes on parts of a text is a **[motion for
            division]({G}#motion-for-division)**. Before you read how it works, predict what
            happens in the case below.
            """),
        code("quiz-motion", 'ut.self_check("02-motion-for-division")'),
        md("motion-how", f"""
            The US request was a motion for division, not an
            [amendment]({G}#amendment):

            - an **amendment** changes the words of a text; it is itself put to a vote;
            - a **motion for division** asks for parts of a text to be voted on
              separately. When another state objects, the Assembly first votes on the
              motion. If it is carried, each part is then voted on: a part that fails is
              deleted, and what remains is put to the vote as a whole.

            Ukraine objected. Deputy Minister {betsa["speaker"]} warned:
            {quote("S003", who=False)}. So the Assembly voted on the motion itself. The
            United States gave its own reasons in its explanation of vote, which notebook
            04 reads.
            """),
        code("motion-totals", """
            m = ut.resolution_info("2026-division")
            print(m["title"])
            print(f"yes {m['yes']}, no {m['no']}, abstain {m['abstain']}, "
                  f"non-voting {m['non_voting']}")
            present = m["yes"] + m["no"]
            print("present and voting:", present, "| adopted:", ut.passes(int(m["yes"]), int(m["no"])))
            """, golden=True),
        md("motion-read", f"""
            The motion was rejected: **{m.yes} in favour, {m.no} against, {m.abstain}
            abstaining**. Notice how many states stayed out of it: {m.abstain} abstained and
            {m.non_voting} did not vote at all, so only {m.present} were present and voting.

            Because the motion failed, PP2 and OP2 stayed in the text without separate
            votes, and the Assembly voted on the draft as a whole. The United States then
            **abstained**.

            There is one more gap: **no per-country record** of the motion vote was found,
            and the UN's official voting data does not include votes on motions or
            paragraphs. We know how many states voted each way, not which ones.
            """),
        *footer("02", [
            "Ukraine drafted the text with Latvia as co-initiator; Deputy Foreign Minister "
            "Mariana Betsa presented it. The list of co-sponsors was not found.",
            "Preambular paragraphs state principles; operative paragraphs ask for action.",
            "A mask (a column compared with a value) picks rows; value_counts counts them.",
            "As reported, the text calls for a full and unconditional ceasefire, a just and "
            "lasting peace in line with the Charter, and exchanges and returns of prisoners "
            "and deported civilians.",
            "Reports say it drops ES-11/7's withdrawal demand, 'aggression' wording and "
            "accountability paragraph; the official texts were not compared.",
            f"The US motion for division on PP2 and OP2 was rejected {m.yes}-{m.no}-{m.abstain}; "
            "it was a procedural motion, not an amendment.",
        ]),
    ]
