"""Notebook 00 · Start here: its text and cells."""

from __future__ import annotations

import unga_teach as ut  # noqa: F401  (some builders ask the package what it exports)
from unga_teach.analysis import votes_needed  # noqa: F401

from .cells import code, first_cell, md
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
            "explain how the course marks a vote that no source has confirmed.",
        ]),
        md("what", f"""
            ## What this course is about

            On **{v.date}**, the fourth anniversary of Russia's full-scale invasion of
            Ukraine, the United Nations General Assembly adopted a resolution titled
            **"{v.title}"**. The result was **{v.yes} in favour, {v.no} against and
            {v.abstain} abstaining**; {v.non_voting} of the {v.members} member states did
            not vote.

            Over seven short notebooks you will find out:

            - how the General Assembly takes decisions, and why abstentions do not count
              toward a majority;
            - what the resolution says, and what it no longer says compared with 2025;
            - how each state voted, as far as the public record shows;
            - why states voted as they did, in their own words;
            - how support for Ukraine's texts has moved since 2014;
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
            ut.show_table(ut.load_resolutions(include_procedural=False), ["id", "date", "title", "yes", "no", "abstain", "non_voting"])
            """),
        md("series-read", """
            Each row is one recorded vote of the General Assembly on Ukraine, from
            resolution 68/262 in 2014 to the vote of 2026 (id `2026`). The columns `yes`,
            `no` and `abstain` are the official totals; `non_voting` counts the member
            states that were not recorded as casting any vote.

            **Try it:** change `"yes"` to `"note"` in the list of columns and run the cell
            again. The notes say where each total comes from.
            """),
        md("widget", """
            ## Your first widget

            Widgets are small interactive panels. The one below shows how one state voted
            across the whole series. Type a country's name (common names such as
            "Ivory Coast" or "UK" work too) and watch the panel update.
            """),
        code("country-explorer", "ut.country_explorer()"),
        md("unknown", f"""
            ## Known, unknown, and why it matters

            The official totals for 2026 are certain. The list of *which* state cast
            *which* vote is not yet complete: the UN's own per-country record was not
            available when the course was built, so the country-by-country data comes
            from press reports that name some states and not others. For the 2026 vote
            the data names **{F.known26} of the {v.members} member states**.

            A state whose vote no source confirms is shown as **unknown**, in grey. It is
            never guessed, and it is never counted as a yes, a no or an abstention.
            Every known vote also says **how sure** we are of it (for example `confirmed`
            from a copy of the UN record, or `reported` by one source). The rule is written
            once, in [How we decide what a vote was](../data/README.md#how-we-decide-what-a-vote-was).
            Notebook 06 shows how an instructor can load the official UN record, which
            fills the gaps.
            """),
        md("quiz1-intro", "## Check your understanding\n\nPick an answer and press **Check**. A wrong answer gets a hint; a right one gets the explanation."),
        code("quiz1", 'ut.self_check("00-restart-and-run-all")'),
        code("quiz2", 'ut.self_check("00-unconfirmed-vote")'),
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
            - **Self-checks.** At least two per notebook. They are not graded.
            """),
        *footer("00", [
            "Run a cell with Shift + Enter; restart the kernel and run all when in doubt.",
            f"The 2026 resolution was adopted {v.yes}-{v.no}-{v.abstain}, with {v.non_voting} "
            "member states not voting.",
            "Every vote and statement in the course data carries a source link.",
            "A vote no source confirms is shown as unknown, never guessed.",
        ]),
    ]
