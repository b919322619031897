"""Notebook 00 · Start here: its text and cells."""

from __future__ import annotations

import unga_teach as ut  # noqa: F401  (some builders ask the package what it exports)
from unga_teach.analysis import votes_needed  # noqa: F401

from .cells import code, exercise, first_cell, md
from .facts import facts, pct, quote, src  # noqa: F401
from .series import ENTRY, SERIES, footer, header, series_table, total_minutes  # noqa: F401


# ============================================================== 00 · Start here
def cells() -> list:
    F = facts()
    v = F.v26
    return [
        *header("00", "A short course on one vote at the United Nations, and the evidence behind it.", [
            "run a code cell and use an interactive widget;",
            "check that your environment is ready for the course;",
            "say what the course covers and find your way through the notebooks;",
            "fill in a checked exercise and read its feedback;",
            "explain how the course shows a vote for which its data has no source.",
        ]),
        md("what", f"""
            ## What this course is about

            On **{v.date}**, the fourth anniversary of Russia's full-scale invasion of
            Ukraine, the United Nations General Assembly adopted a resolution titled
            **"{v.title}"**. The result was **{v.yes} in favour, {v.no} against and
            {v.abstain} abstaining**; {v.non_voting} of the {v.members} member states did
            not vote.

            In the notebooks that follow you will find out:

            - how the General Assembly takes decisions, and why abstentions do not count
              toward a majority;
            - what the resolution says, and what it no longer says compared with 2025;
            - how each state voted, as far as the public record shows;
            - why states voted as they did, in their own words;
            - how the yes votes on the Ukraine-related texts have moved since 2014 (one of
              them, ES-11/8 of 2025, was drafted by the United States, and the data records
              Ukraine as abstaining on it);
            - how we know any of this, and how sure we can be.

            Everything you see is computed from a small, documented data set shipped with
            the course package `unga_teach`. Every vote and every statement in it carries
            a source link.
            """),
        md("how-cells", """
            ## How to run a cell

            A notebook is made of **cells**. This one is a *markdown* cell: text to read.
            The grey boxes are *code* cells: Python that you run.

            - Click a code cell and press **Shift + Enter** to run it and move to the next.
            - Use **Run → Run All Cells** to run the whole notebook from the top.
            - If something looks stuck or confused, use **Kernel → Restart Kernel and
              Run All Cells**. That starts again from a clean state.

            Run the cell below now. It loads the course package under the short name `ut`
            and checks your environment. Every notebook in the course starts with the
            same cell.
            """),
        first_cell(),
        md("env", """
            ### Reading the environment check

            The report above should say **Ready: charts and widgets work.** If it says
            *Not ready*, each problem listed names the command that fixes it (usually a
            package to install or update, then a kernel restart or a page reload). The
            versions of the main libraries are folded away under *For instructors*. Charts
            are drawn by JupyterLab itself, so the course works without an internet
            connection.
            """),
        md("first-code", """
            ## Your first code cell

            The course package gives you ready-made functions. The one below lists the
            votes the course follows, oldest first, with their official totals. Run it.
            """),
        code("series", """
            ut.show_table(ut.load_resolutions(include_procedural=False),
                          ["id", "date", "title", "yes", "no", "abstain", "non_voting"])
            """),
        md("series-read", """
            Each row is one recorded vote of the General Assembly on Ukraine, from
            resolution 68/262 in 2014 to the vote of 2026 (id `2026`). The columns `yes`,
            `no` and `abstain` are the official totals; `non_voting` counts the member
            states that were not recorded as casting any vote.

            **Try it:** change `"yes"` to `"note"` in the list of columns and run the cell
            again. The notes say where each total comes from.
            """),
        md("exercises", """
            ## How the exercises work

            In every notebook you will write a little code yourself. An **exercise** is a
            code cell with a blank, `...`, for you to fill in. It always ends with a line
            such as `ut.check("00-first-check", took_part)`, which checks your value
            against one computed from the course data when the cell runs. No answer is
            written in the notebook.

            1. Read the **worked example** at the top of the cell: it solves a similar
               case.
            2. Replace the `...` with your own code, and run the cell (Shift + Enter).
            3. Read the card under the cell. **Correct** means your value is right, and
               says why. **Not yet** comes with a hint aimed at the idea, not at the
               answer: change your code and run the cell again.
            4. Stuck? After your first real try, the card offers **Show a solution**. Open
               it, read it, then close it and write the code yourself.

            Run the cell below once as it is, with the `...` still in it, to see what an
            unfilled exercise says. Then fill it in: how many states took part in the
            2026 vote, by voting yes, no or abstain?
            """),
        exercise("00-first-check"),
        md("widget", """
            ## Your first widget

            Widgets are small interactive panels. The one below shows how one state voted
            across the whole series; it opens on Kenya. Type another country's name (common
            names such as "Ivory Coast" or "UK" work too) and watch the panel update.
            """),
        code("country-explorer", 'ut.country_explorer("Kenya")'),
        md("ukraine-hint", """
            If you try Ukraine, look at its 2026 entry: the section *Known, unknown, and why
            it matters* below explains it.
            """),
        md("unknown", f"""
            ## Known, unknown, and why it matters

            The official totals for 2026 are certain. The list of *which* state cast
            *which* vote is not yet complete: the UN's own per-country record was not
            available when the course was built, so the country-by-country data comes
            from press reports that name some states and not others. For the 2026 vote
            the data names **{F.known26} of the {v.members} member states**.

            Before you read how the course shows the others, answer this question: pick an
            answer and press **Check**.
            """),
        code("quiz2", 'ut.self_check("00-unconfirmed-vote")'),
        md("unknown-how", """
            A state for which the course data has no source is shown as
            **[unknown](../docs/glossary.md#unknown)**, in grey. It is never guessed, and it
            is never counted as a yes, a no or an abstention. Every known vote also carries
            a **[confidence level](../docs/glossary.md#confidence-level)** saying how sure
            we are of it: for example `reported` (one credible source) or `confirmed` (a
            copy of the UN record, or lists that agree with the official totals). The rule
            is written once, in
            [How we decide what a vote was](../data/README.md#how-we-decide-what-a-vote-was).
            Notebook 06 shows how an instructor can load the official UN record, which
            fills the gaps.

            **Ukraine's own 2026 vote** is one of the unknown ones, which you may have seen
            in the explorer. That is not a slip: no source found by the course says how
            Ukraine voted on the text it drafted. The UN's per-country record of the 2026
            vote was not available, and the reports that list states by name do not give
            Ukraine's own vote. The course does not assume that a drafter voted for its own
            text, so the vote stays unknown until a source gives it. Ukraine's earlier votes
            hold a surprise of their own: on ES-11/8 (2025), the text drafted by the United
            States, the UN record has Ukraine abstaining.
            """),
        md("quiz1-intro", """
            ## Check your understanding

            Pick an answer and press **Check**. A wrong answer gets a hint; a right one gets
            the explanation.
            """),
        code("quiz1", 'ut.self_check("00-restart-and-run-all")'),
        md("map", f"""
            ## The map of the course

            {series_table()}

            Total: about {total_minutes()} minutes, plus the assignment. The notebooks
            build on each other, but each one runs on its own.
            """),
        md("conventions", """
            ## Conventions used in every notebook

            - **Colours.** Yes, no, abstain, non-voting and unknown always have the same
              colours, chosen to be readable with the common forms of colour blindness.
              Every chart also has a text table next to it.
            - **Sources.** Positions are presented in each state's own terms. Quotations
              are short, in quotation marks, attributed, and linked to where they were
              published; everything else is a summary in our own words.
            - **Exercises and self-checks.** Exercises (`ut.check`) ask you to write code;
              self-checks ask you to pick an answer. Neither is graded.
            - **Words.** Terms in bold with a link are defined in the
              [glossary](../docs/glossary.md).
            """),
        *footer("00", [
            "Run a cell with Shift + Enter; restart the kernel and run all when in doubt.",
            f"The 2026 resolution was adopted {v.yes}-{v.no}-{v.abstain}, with {v.non_voting} "
            "member states not voting.",
            "Every vote and statement in the course data carries a source link.",
            "An exercise: fill the ..., run the cell, read Correct or Not yet and its hint.",
            "A vote for which the course data has no source is shown as unknown, never "
            "guessed.",
        ]),
    ]
