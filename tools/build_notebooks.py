
"""Build the course notebooks 00-06 from this script, then execute them.

The notebooks are generated, never edited by hand: change the text here and
run the script again, so the prose can be reviewed as Python and every number
and quotation in it is read from the package's data when the script runs.

    python tools/build_notebooks.py              # build, execute, keep golden outputs
    python tools/build_notebooks.py --no-execute # prose only: keep stored golden outputs
    python tools/build_notebooks.py --only 03    # one notebook

What the script guarantees:

* one function per notebook, returning its cells; every cell has a fixed id;
* the first code cell of every notebook is ``import unga_teach as ut`` and
  ``ut.setup_notebook()``;
* quotations come only from ``ut.load_statements()["quote"]``, with the
  speaker and the ``source_url`` of the same row (see :func:`quote`);
* numbers in the prose come from the loaders (see :class:`Facts`);
* after execution (nbclient, no widget state), only the cells tagged
  ``nbval-check-output`` keep their outputs and execution counts, so nbval
  checks the headline numbers and nothing else is stored.

``notebooks/README.md`` (the map of the series) is written from the same
table as the map in notebook 00.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# The notebooks are built from the shipped data: an instructor's official file
# must not leak into the committed golden outputs.
os.environ.pop("UNGA_TEACH_UNDL", None)

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

import unga_teach as ut
from unga_teach.analysis import votes_needed

ROOT = Path(__file__).resolve().parent.parent
NB_DIR = ROOT / "notebooks"
GOLDEN_TAG = "nbval-check-output"
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
FIRST_CELL = "import unga_teach as ut\nut.setup_notebook()"
ASSIGNMENT = "07_assignment.ipynb"


# --------------------------------------------------------------------------- facts
@dataclass(frozen=True)
class Totals:
    """Official totals of one vote, as in ``ut.load_resolutions()``."""

    id: str
    title: str
    date: str
    draft: str
    yes: int
    no: int
    abstain: int
    non_voting: int
    members: int

    @property
    def present(self) -> int:
        """Members present and voting: yes + no."""
        return self.yes + self.no

    @property
    def voted(self) -> int:
        """States that took part: yes + no + abstain."""
        return self.yes + self.no + self.abstain

    @property
    def yes_share(self) -> str:
        """Yes as a share of those present and voting, e.g. '89.9%'."""
        return f"{100 * self.yes / self.present:.1f}%"

    @property
    def result(self) -> str:
        return f"{self.yes}-{self.no}-{self.abstain}"


def _totals(rid: str) -> Totals:
    r = ut.resolution_info(rid)
    return Totals(
        id=rid,
        title=str(r["title"]),
        date=f"{r['date']:%-d %B %Y}",
        draft=str(r["draft"] or ""),
        yes=int(r["yes"]),
        no=int(r["no"]),
        abstain=int(r["abstain"]),
        non_voting=int(r["non_voting"]),
        members=int(r["total_members"]),
    )


class Facts:
    """Every number the prose states, read from the loaders when the script runs."""

    def __init__(self) -> None:
        self.v26 = _totals("2026")
        self.motion = _totals("2026-division")
        self.v25 = _totals("ES-11/7")
        self.v25us = _totals("ES-11/8")
        self.v14 = _totals("68/262")
        self.v22 = _totals("ES-11/1")
        self.v25kids = _totals("ES-11/9")
        res = ut.load_resolutions(include_procedural=False)
        self.max_yes = _totals(str(res.loc[res["yes"].idxmax(), "id"]))
        self.min_yes = _totals(str(res.loc[res["yes"].idxmin(), "id"]))
        t = ut.transitions("ES-11/1", "ES-11/7")
        left = t[(t["from_vote"] == "yes") & (t["to_vote"] != "yes")]
        left_yes = left.set_index("to_vote")["count"]
        self.left_yes_22_25 = {str(k): int(c) for k, c in left_yes.items()}
        self.series = ut.series()
        members = ut.load_members(include_observers=True)
        self.members = int((members["status"] == "member").sum())
        self.observers = int((members["status"] == "observer").sum())
        cov = ut.coverage().set_index("resolution")
        self.cov = cov
        c26 = cov.loc["2026"]
        self.known26 = int(c26["known"])
        self.unknown26 = int(c26["unknown"])
        self.known26_by = {
            v: int(c26[f"known_{v}"]) for v in ("yes", "no", "abstain", "non_voting")}
        conf = ut.load_votes("2026")
        self.derived26 = int((conf["confidence"] == "derived").sum())
        low = conf[conf["confidence"] == "low"]
        self.low26 = len(low)
        self.low26_names = sorted(low["name"].astype(str))
        derived_iso = set(conf.loc[conf["confidence"] == "derived", "iso3"].astype(str))
        assert derived_iso <= set(ut.group_members("EU")), derived_iso
        assert set(low["source_url"].astype(str)) == set(
            ut.load_conflicts("2026").query("iso3 == 'SYR'")["source_url"].astype(str))
        self.complete = [str(r) for r in cov.index[cov["status"] == "complete"]]
        self.partial = [str(r) for r in cov.index[cov["status"] == "partial"]]
        self.partial = [str(r) for r in cov.index[cov["status"] == "partial"]]
        votes26 = ut.load_votes("2026")
        self.against26 = sorted(votes26.loc[votes26["vote"] == "no", "name"].astype(str))
        self.statements = ut.load_statements().set_index("statement_id")
        self.paragraphs = ut.load_paragraphs()
        self.eu_members = len(ut.group_members("EU"))
        self.eu_cohesion = ut.cohesion("EU", "2026")
        asean = ut.group_table("2026", by=["ASEAN"]).iloc[0]

        @dataclass(frozen=True)
        class _Group:
            members: int
            known: int
            cohesion: float

        self.asean = _Group(int(asean["members"]),
                            int(asean[["yes", "no", "abstain", "non_voting"]].sum()),
                            float(asean["cohesion"]))
        assert self.asean.known < self.asean.members / 2 and self.asean.cohesion == 1.0
        assert self.eu_cohesion == ut.cohesion("EU", "ES-11/7")
        # smallest number of no votes that defeats 107 yes, under each rule (notebook 01)
        self.defeat_simple = next(n for n in range(400) if not ut.passes(self.v26.yes, n))
        self.defeat_two_thirds = next(
            n for n in range(400) if not ut.passes(self.v26.yes, n, rule="two_thirds"))
        # what-if used in notebook 01: every abstainer votes no instead
        self.whatif_no = self.v26.no + self.v26.abstain
        self.checks()

    def checks(self) -> None:
        """Stop the build if the data no longer says what the prose says."""
        v = self.v26
        assert (v.yes, v.no, v.abstain, v.non_voting) == (107, 12, 51, 23), v
        assert v.members == self.members == 193
        assert (self.motion.yes, self.motion.no, self.motion.abstain) == (11, 69, 62)
        assert len(self.against26) == v.no
        assert votes_needed(v.present) == 60
        assert votes_needed(v.present, "two_thirds") == 80
        assert ut.passes(v.yes, self.whatif_no)
        assert not ut.passes(v.yes, self.whatif_no, rule="two_thirds")
        hist = {}
        for c in ("USA", "ISR", "HUN", "IDN", "SYR", "CHN", "IND"):
            h = ut.vote_history(c)
            hist[c] = dict(zip(h["resolution"], h["vote"].astype(str), strict=True))
        assert [hist["USA"][r] for r in ("ES-11/6", "ES-11/7", "ES-11/8", "ES-11/9", "2026")] == [
            "yes", "no", "abstain", "yes", "abstain"]
        assert [hist["ISR"][r] for r in ("ES-11/7", "ES-11/8", "ES-11/9", "2026")] == [
            "no", "abstain", "yes", "yes"]
        assert [hist["HUN"][r] for r in ("ES-11/7", "ES-11/8", "2026")] == [
            "no", "abstain", "abstain"]
        assert [hist["IDN"][r] for r in ("ES-11/7", "2026")] == ["yes", "abstain"]
        assert hist["SYR"]["2026"] == "unknown"
        assert [hist["SYR"][r] for r in ("ES-11/7", "ES-11/8", "ES-11/9")] == [
            "abstain", "abstain", "non_voting"]
        assert {hist["SYR"][r] for r in self.series[:7]} == {"no"}
        assert set(hist["IND"].values()) == {"abstain"}
        assert "2026" in self.partial and "ES-11/7" in self.complete
        left = self.left_yes_22_25
        assert left["abstain"] + left["non_voting"] > left["no"] + left["unknown"]

    def stmt(self, sid: str):
        return self.statements.loc[sid]


F: Facts  # set in main()


def quote(sid: str, who: bool = True) -> str:
    """A short attributed quotation from ``ut.load_statements()``, with its source.

    Only the ``quote`` field of a statement row is ever put in quotation marks.
    With ``who=False`` the speaker is left out (the sentence already names them).
    """
    row = F.stmt(sid)
    text = str(row["quote"] or "")
    if not text:
        raise ValueError(f"statement {sid} has no recorded quotation")
    link = f"[source]({row['source_url']})"
    if who:
        return f'"{text}" ({row["speaker"]}, {row["speaker_state"]}; {link})'
    return f'"{text}" ({link})'


def src(sid: str, label: str = "source") -> str:
    """A markdown link to a statement's source."""
    return f"[{label}]({F.stmt(sid)['source_url']})"


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%"


# --------------------------------------------------------------------- cell helpers
def _unindent(text: str) -> str:
    """Remove the source indentation of the first line from every line that has it.

    Unlike ``textwrap.dedent`` this also works when an f-string inserts lines
    with no indentation (a list or a table built elsewhere).
    """
    lines = text.strip("\n").splitlines()
    first = next((ln for ln in lines if ln.strip()), "")
    indent = first[: len(first) - len(first.lstrip())]
    out = [ln[len(indent):] if ln.startswith(indent) else ln.lstrip() if not ln.strip() else ln
           for ln in lines]
    return "\n".join(ln.rstrip() for ln in out)


def md(cell_id: str, text: str):
    return new_markdown_cell(_unindent(text), id=cell_id)


def code(cell_id: str, source: str, *, golden: bool = False):
    cell = new_code_cell(_unindent(source), id=cell_id)
    if golden:
        cell.metadata["tags"] = [GOLDEN_TAG]
    return cell


def first_cell():
    return code("setup", FIRST_CELL)


# ------------------------------------------------------------------- the series map
@dataclass(frozen=True)
class Entry:
    number: str
    file: str
    title: str
    minutes: int
    summary: str


SERIES: list[Entry] = [
    Entry("00", "00_start_here.ipynb", "Start here", 15,
          "How the course works: running cells, using widgets, checking your setup."),
    Entry("01", "01_how_the_assembly_votes.ipynb", "How the General Assembly votes", 20,
          "One state, one vote; 'present and voting'; recorded votes; Uniting for Peace."),
    Entry("02", "02_the_resolution.ipynb", "The resolution of 24 February 2026", 20,
          "Who drafted it, what each paragraph says, what changed since 2025, the US "
          "motion for division."),
    Entry("03", "03_the_vote.ipynb", "The vote", 25,
          "The tally and its arithmetic, the map, regional groups and blocs, and what the "
          "record does not yet show."),
    Entry("04", "04_positions_and_explanations.ipynb", "Positions and explanations of vote", 25,
          "What the United States, Ukraine, Russia, China, the EU and others said, sorted "
          "by argument."),
    Entry("05", "05_change_over_time.ipynb", "Change over time, 2014-2026", 25,
          "Support across eleven votes, who moved and how, bloc cohesion and agreement "
          "between states."),
    Entry("06", "06_sources_and_evidence.ipynb", "How do we know? Sources and evidence", 20,
          "Official records and press reports, conflicting claims, and loading the "
          "official UN voting data."),
]
ENTRY = {e.number: e for e in SERIES}


def header(number: str, subtitle: str, objectives: list[str]) -> list:
    e = ENTRY[number]
    objs = "\n".join(f"- {o}" for o in objectives)
    return [
        md("title", f"""
            # {e.number} · {e.title}

            *{subtitle}*

            **Estimated time:** {e.minutes} minutes

            {nav(number)}
            """),
        md("objectives", f"""
            ## Learning objectives

            By the end of this notebook you will be able to:

            {objs}
            """),
    ]


def nav(number: str) -> str:
    i = [e.number for e in SERIES].index(number)
    parts = []
    if i > 0:
        p = SERIES[i - 1]
        parts.append(f"← Previous: [{p.number} · {p.title}]({p.file})")
    if i + 1 < len(SERIES):
        n = SERIES[i + 1]
        parts.append(f"Next: [{n.number} · {n.title}]({n.file}) →")
    else:
        parts.append(f"Next: [07 · Assignment]({ASSIGNMENT}) →")
    return " | ".join(parts)


def footer(number: str, points: list[str]) -> list:
    pts = "\n".join(f"- {p}" for p in points)
    return [
        md("key-points", f"""
            ## Key points

            {pts}
            """),
        md("nav-bottom", f"""
            ---
            {nav(number)}
            """),
    ]


def series_table() -> str:
    rows = ["| # | Notebook | What you will do | Time |", "|---|---|---|---|"]
    for e in SERIES:
        rows.append(f"| {e.number} | [{e.title}]({e.file}) | {e.summary} | {e.minutes} min |")
    rows.append(f"| 07 | [Assignment]({ASSIGNMENT}) | A guided analysis ending with a short "
                "policy memo (graded). | see the notebook |")
    return "\n".join(rows)


def total_minutes() -> int:
    return sum(e.minutes for e in SERIES)


# ============================================================== 00 · Start here
def nb00() -> list:
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

            The report above should start with **OK**. It lists the versions of the main
            libraries and how charts are drawn. If it says *check the warnings below*, each
            warning names the problem and the command that fixes it (usually a package to
            install or update, then a kernel restart or a page reload). Charts are drawn by
            JupyterLab itself, so the course works without an internet connection.
            """),
        md("first-code", """
            ## Your first code cell

            The course package gives you ready-made functions. The one below lists the
            votes the course follows, oldest first, with their official totals. Run it.
            """),
        code("series", """
            ut.load_resolutions(include_procedural=False)[["id", "date", "title", "yes", "no", "abstain", "non_voting"]]
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
            Notebook 06 shows how an instructor can load the official UN record, which
            fills the gaps.
            """),
        md("quiz1-intro", "## Check your understanding\n\nPick an answer; the feedback explains it."),
        code("quiz1", """
            ut.quiz(
                "You want to run every cell of a notebook again from a clean state. What do you do?",
                [
                    "Press Shift + Enter on the last cell",
                    "Kernel → Restart Kernel and Run All Cells",
                    "Save the notebook and reopen it",
                ],
                "Kernel → Restart Kernel and Run All Cells",
                "Restarting the kernel forgets every variable, so each cell runs from the top "
                "in order, exactly as a new reader would run it. Reopening a notebook keeps the "
                "old kernel running.",
            )
            """),
        code("quiz2", """
            ut.quiz(
                "A press report lists your country's vote, but no source in the course data "
                "confirms it. How does the course show that state's vote?",
                ["As a yes, because most states voted yes", "As unknown", "As non-voting"],
                "As unknown",
                "Unknown means 'no source found'. Non-voting is a real position in the record "
                "(the state was not recorded as voting); unknown is a gap in our evidence.",
            )
            """),
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


# =============================================== 01 · How the General Assembly votes
def nb01() -> list:
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
            ut.load_members(include_observers=True)["status"].value_counts()
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
            **no** instead.
            """),
        code("what-if", f"""
            yes, no = {v.yes}, {v.no} + {v.abstain}
            print(f"present and voting: {{yes}} + {{no}} = {{yes + no}}")
            print("passes by a simple majority:", ut.passes(yes, no))
            print("passes by a two-thirds majority:", ut.passes(yes, no, rule="two_thirds"))
            """),
        md("what-if-read", f"""
            With {F.whatif_no} votes against, the text would still have passed by a simple
            majority, but it would have **failed** a two-thirds majority: {v.yes} is less
            than two thirds of {v.yes + F.whatif_no}. The choice between abstaining and
            voting no can decide the outcome.
            """),
        md("calc", """
            ## Try it: the majority calculator

            Move the sliders for yes, no and abstain. The calculator shows, under each rule,
            whether the proposal passes and why.

            **Your task:** start from the 2026 result. How many *no* votes would it take to
            defeat the text under the simple rule if nobody changed from yes? And under the
            two-thirds rule? Write your two numbers down before you check them.
            """),
        code("calculator", "ut.majority_calculator()"),
        code("quiz-calc", f"""
            ut.quiz(
                "With {v.yes} yes votes, what is the smallest number of no votes that would "
                "defeat the text under a two-thirds majority?",
                ["{F.defeat_two_thirds}", "{votes_needed(v.present)}", "{F.defeat_simple}", "{2 * v.yes}"],
                "{F.defeat_two_thirds}",
                "With {F.defeat_two_thirds - 1} no, {v.yes} yes is still at least two thirds of "
                "{v.yes + F.defeat_two_thirds - 1}; with {F.defeat_two_thirds} no it falls short. "
                "Under the simple rule it takes {F.defeat_simple} no votes: a tie is a rejection.",
            )
            """),
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
            ut.load_resolutions(include_procedural=False)[["id", "date", "session", "title"]]
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
        code("quiz1", """
            ut.quiz(
                "A proposal gets 60 yes, 50 no and 80 abstentions. Under a simple majority, "
                "what happens?",
                [
                    "It fails: 60 is less than half of the 190 states that took part",
                    "It passes: 60 yes is more than 50 no",
                    "It fails: abstentions count as no",
                ],
                "It passes: 60 yes is more than 50 no",
                "Only yes and no votes count ('present and voting'): 60 of 110. Abstentions are "
                "left out of the arithmetic entirely.",
            )
            """),
        code("quiz2", """
            ut.quiz(
                "Why could the General Assembly hold an emergency special session on Ukraine "
                "in 2022?",
                [
                    "Because the Assembly can overrule any Security Council veto",
                    "Because, under 'Uniting for Peace', a matter the Council cannot act on owing "
                    "to a veto can be taken up by the Assembly",
                    "Because Ukraine asked the Secretary-General to convene it",
                ],
                "Because, under 'Uniting for Peace', a matter the Council cannot act on owing "
                "to a veto can be taken up by the Assembly",
                "The Assembly does not overrule the veto: it makes its own recommendations. The "
                "session was called by Security Council resolution 2623 (2022), a procedural "
                "decision to which the veto does not apply.",
            )
            """),
        code("quiz3", """
            ut.quiz(
                "Which statement about the 2026 resolution is correct?",
                [
                    "It obliges every member state to implement a ceasefire",
                    "It is a recommendation: not legally binding, but a public record of "
                    "states' positions",
                    "It is binding only on the states that voted yes",
                ],
                "It is a recommendation: not legally binding, but a public record of "
                "states' positions",
                "Assembly resolutions on questions of peace and security are recommendations. "
                "Their weight is political: they record where governments stand.",
            )
            """),
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


# ============================================= 02 · The resolution of 24 February 2026
def nb02() -> list:
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
            "summarise each reported paragraph and what changed from the 2025 text (ES-11/7);",
            "explain what a motion for division is, why it is not an amendment, and why the "
            "US motion failed.",
        ]),
        first_cell(),
        md("doc", f"""
            ## The document

            The draft was circulated as **{v.draft}** (an "L" document is a draft; the
            adopted text gets a resolution symbol). Run the cell to see what the data
            records about it.
            """),
        code("info", """
            ut.resolution_info("2026")[["title", "date", "session", "draft", "symbol_confirmed", "note"]]
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
        md("anatomy", """
            ## The anatomy of a resolution

            An Assembly resolution has two parts:

            - **Preambular paragraphs** (PP) set the scene. They usually begin with words
              such as *Recalling*, *Reaffirming* or *Expressing concern*. They state
              principles and facts as the Assembly sees them, but they ask nobody to do
              anything.
            - **Operative paragraphs** (OP) are the decisions and requests. They begin with
              verbs such as *Calls for*, *Demands* or *Decides*, and they are numbered.

            The preamble is not decoration: it is where a text says who did what and on
            which principles a settlement should rest. In 2026 one of the two paragraphs
            the United States wanted to vote on separately was preambular.
            """),
        md("paras", f"""
            ## Paragraph by paragraph

            The data holds {n_pp + n_op} reported paragraphs of the 2026 text: {n_pp}
            preambular and {n_op} operative. The labels (PP1, OP1, ...) follow the order in
            which reports describe the text; only PP2 and OP2 are numbered by the sources
            themselves.
            """),
        code("paragraphs", """
            ut.load_paragraphs()[["paragraph_id", "part", "summary", "reported_wording"]]
            """),
        md("paras-read", f"""
            The summaries are in our words. Where a report quotes the text, the quotation is
            in `reported_wording`; the operative call for a ceasefire, for example, is
            reported as "{op1}" ([TRT]({p.loc["OP1", "wording_source_url"]})).

            **Your task:** use the explorer below to walk through the text. For each
            paragraph, decide whether it *states* something or *asks* for something, and
            check your answer against its part (preambular or operative). Note which two
            paragraphs the United States wanted to vote on separately.
            """),
        code("explorer", "ut.paragraph_explorer()"),
        md("compare", f"""
            ## What changed from 2025

            A year earlier, on 24 February 2025, the Assembly adopted a Ukrainian text,
            **ES-11/7** ("{F.v25.title}"), by {F.v25.result}. Press reports comparing
            the two texts say the 2026 text has no demand for Russian withdrawal, no
            "aggression" wording and no paragraph on accountability. The data records the
            2025 elements for comparison:
            """),
        code("compare-2025", """
            ut.load_paragraphs(None).query("resolution == 'ES-11/7'")[["paragraph_id", "part", "summary", "note"]]
            """),
        md("compare-read", f"""
            Read the `note` column: these comparisons come from press reports, not from a
            side-by-side reading of the two documents. Treat them as well-sourced leads to
            check against the official texts.

            The 2026 text drew **{v.yes}** votes in favour, against **{F.v25.yes}** for
            ES-11/7. It is tempting to conclude that the softer wording *caused* the higher
            support. The vote alone cannot show that: governments, circumstances and
            negotiations had also changed. Notebook 05 looks at who moved.
            """),
        md("motion", f"""
            ## A lesson in procedure: the US motion for division

            Before the vote on the whole text, the **United States** asked for separate
            votes on two paragraphs: **PP2** (the Assembly's commitment to Ukraine's
            sovereignty and territorial integrity within its internationally recognised
            borders) and **OP2** (a comprehensive, just and lasting peace in line with
            international law, including the UN Charter).

            This was a **motion for division**, not an amendment:

            - an **amendment** changes the words of a text; it is itself put to a vote;
            - a **motion for division** asks for parts of a text to be voted on
              separately. When another state objects, the Assembly first votes on the
              motion. If it is carried, each part is then voted on, and a part that fails
              is deleted.

            Ukraine objected. Deputy Minister {betsa["speaker"]} warned:
            {quote("S003", who=False)}. So the Assembly voted on the motion itself.
            """),
        code("motion-totals", """
            m = ut.resolution_info("2026-division")
            print(m["title"])
            print(f"yes {m['yes']}, no {m['no']}, abstain {m['abstain']}, non-voting {m['non_voting']}")
            print("present and voting:", m["yes"] + m["no"], "| adopted:", ut.passes(int(m["yes"]), int(m["no"])))
            """, golden=True),
        md("motion-read", f"""
            The motion was rejected: **{m.yes} in favour, {m.no} against, {m.abstain}
            abstaining**. Notice how many states stayed out of it: {m.abstain} abstained and
            {m.non_voting} did not vote at all, so only {m.present} were present and voting.

            Because the motion failed, PP2 and OP2 stayed in the text without separate
            votes, and the Assembly voted on the draft as a whole. The United States then
            **abstained**; its explanation is in notebook 04.

            There is one more gap: **no per-country record** of the motion vote was found,
            and the UN's official voting data does not include votes on motions or
            paragraphs. We know how many states voted each way, not which ones.
            """),
        md("checks", "## Check your understanding"),
        code("quiz1", f"""
            ut.quiz(
                "The 2026 text calls for {op1}. Which part of the resolution is that in?",
                ["A preambular paragraph", "An operative paragraph", "The title"],
                "An operative paragraph",
                "'Calls for' asks for action, so it is operative (OP1 in the course data). "
                "Preambular paragraphs state principles and concerns without asking for anything.",
            )
            """),
        code("quiz2", """
            ut.quiz(
                "What did the United States propose on 24 February 2026?",
                [
                    "An amendment deleting the ceasefire paragraph",
                    "A motion for division: separate votes on PP2 and OP2",
                    "A rival draft resolution",
                ],
                "A motion for division: separate votes on PP2 and OP2",
                "A motion for division changes no words: it asks for parts of a text to be voted "
                "on separately, so that they could be deleted. It was rejected 11-69-62.",
            )
            """),
        code("quiz3", """
            ut.quiz(
                "Why does the course call the resolution '2026' and not by a symbol such as "
                "A/RES/ES-11/10?",
                [
                    "Because the UN has not given it a symbol",
                    "Because no source found confirms the adopted symbol, and the course prints "
                    "only what a source supports",
                    "Because symbols are only given to binding resolutions",
                ],
                "Because no source found confirms the adopted symbol, and the course prints "
                "only what a source supports",
                "The adopted text certainly has a symbol; the course simply has no source for it "
                "yet. Printing a likely symbol as fact would be a guess.",
            )
            """),
        *footer("02", [
            "Ukraine drafted the text with Latvia as co-initiator; Deputy Foreign Minister "
            "Mariana Betsa presented it. The list of co-sponsors was not found.",
            "Preambular paragraphs state principles; operative paragraphs ask for action.",
            "As reported, the text calls for a full and unconditional ceasefire, a just and "
            "lasting peace in line with the Charter, and exchanges and returns of prisoners "
            "and deported civilians.",
            "Reports say it drops ES-11/7's withdrawal demand, 'aggression' wording and "
            "accountability paragraph; the official texts were not compared.",
            f"The US motion for division on PP2 and OP2 was rejected {m.yes}-{m.no}-{m.abstain}; "
            "it was a procedural motion, not an amendment.",
        ]),
    ]


# ==================================================================== 03 · The vote
def nb03() -> list:
    v = F.v26
    k = F.known26_by
    return [
        *header("03", "107-12-51: the tally, the map, the groups, and the gaps.", [
            "compute the tally of the 2026 vote and explain its arithmetic;",
            "read the world map of the vote and its text table;",
            "compare how UN regional groups and blocs voted;",
            "tell apart what the record shows and what it does not yet show.",
        ]),
        first_cell(),
        md("headline", """
            ## The headline numbers

            The official totals, as announced in the hall and reported by the UN:
            """),
        code("totals", """
            totals = ut.load_resolutions().set_index("id").loc["2026", ["yes", "no", "abstain", "non_voting", "total_members"]]
            print(totals.to_string())
            """, golden=True),
        md("arith", f"""
            ## The arithmetic

            - **{v.voted} states voted** ({v.yes} + {v.no} + {v.abstain}), so
              **{v.non_voting} did not** ({v.members} − {v.voted}).
            - **{v.present} were present and voting** ({v.yes} + {v.no}). The {v.yes} yes
              votes are {v.yes_share} of them.
            - Measured against all {v.members} members, the yes votes are
              {pct(v.yes, v.members)}: a clear majority of those voting, and a narrower one
              of the whole membership.

            Both ways of reading the result are correct; they answer different questions.
            Be wary of any report that mixes them.
            """),
        md("tally-intro", """
            The tally table sets the official totals beside what the course data can
            attribute to named states (`known`). `missing` is the number of official votes
            whose states no source names yet; `unknown` counts the states with no sourced
            vote.
            """),
        code("tally", """
            print(ut.tally_table("2026").to_string(index=False))
            """, golden=True),
        code("tally-chart", 'ut.tally_chart("2026")'),
        md("against", f"""
            ## The {v.no} against

            This is the only category the data knows completely. Every list consulted gives
            the same {v.no} names, read from the voting board in the hall:
            """),
        code("against-list", """
            votes = ut.load_votes("2026")
            print(", ".join(sorted(votes.loc[votes["vote"] == "no", "name"])))
            """, golden=True),
        md("map-intro", f"""
            ## The map

            The map colours each member state by its vote. Grey means **unknown**: no
            source found, not a position. Small states that do not show at this scale
            appear as dots. Hover over a country for its name and vote. The table under the
            map gives the same information as text, for all {v.members} member states: scroll past
            it to continue.
            """),
        code("map", 'ut.vote_map("2026")'),
        code("map-table", 'ut.vote_map_table("2026")'),
        md("map-read", f"""
            **Look closely:** which regions are mostly grey? Those are the gaps in the
            press record, not regions that stayed away. Which votes are certain
            everywhere? (Compare with the list of the {v.no} against.)
            """),
        md("groups", """
            ## Regional groups and blocs

            For elections and seats, UN member states are organised in five **regional
            groups**: African, Asia-Pacific, Eastern European, Latin American and
            Caribbean, and Western European and other States. Political **blocs** such as
            the European Union, NATO, the African Union or BRICS cut across them.

            The chart shows how each regional group voted, as far as the data knows.
            """),
        code("group-chart", 'ut.group_chart("2026")'),
        code("group-table", 'ut.group_table("2026")'),
        md("blocs", """
            The same view for some political blocs. A state can belong to several, so the
            bars overlap: Germany is in the EU, NATO and the G7.
            """),
        code("bloc-chart", 'ut.group_chart("2026", by=["EU", "NATO", "G7", "AU", "ASEAN", "BRICS"])'),
        code("bloc-table", 'ut.group_table("2026", by=["EU", "NATO", "G7", "AU", "ASEAN", "BRICS"])'),
        md("groups-read", f"""
            Read the unknown share of each bar before comparing groups: a group that looks
            less supportive may simply be less reported.

            **Your task:** use the group explorer to look at the European Union
            ({F.eu_members} members). How many voted yes? Which member did not, and how
            did it vote? Then try the African Union and the Association of Southeast Asian
            Nations (ASEAN): how much of each is known?
            """),
        code("group-explorer", "ut.group_explorer()"),
        md("coverage-intro", """
            ## What is known and what is not

            The coverage table compares, for the 2026 vote, the number of states the data
            can name in each category with the official totals.
            """),
        code("coverage-2026", """
            cov = ut.coverage().set_index("resolution").loc["2026"]
            print(cov.drop("date").to_string())
            """, golden=True),
        md("coverage-read", f"""
            The data names **{F.known26} of {v.members}** states: all {k["no"]} against,
            {k["yes"]} of the {v.yes} in favour, {k["abstain"]} of the {v.abstain}
            abstentions and {k["non_voting"]} of the {v.non_voting} non-voting states. The
            other **{F.unknown26}** are unknown. The totals are certain; the attribution is
            partial. Notebook 06 explains why, and how the official record would complete
            it.
            """),
        md("country", """
            ## One state at a time

            **Your task:** pick three states, one you expect voted yes, one you expect
            abstained, and one you are unsure about. Check each in the explorer, and look
            at its source link. Was each vote what you expected? Is any of them unknown?
            """),
        code("country-explorer", "ut.country_explorer()"),
        md("checks", "## Check your understanding"),
        code("quiz1", f"""
            ut.quiz(
                "What share of the states present and voting supported the 2026 resolution?",
                ["{pct(v.yes, v.members)} ({v.yes} of {v.members})", "{v.yes_share} ({v.yes} of {v.present})",
                 "{pct(v.yes, v.voted)} ({v.yes} of {v.voted})"],
                "{v.yes_share} ({v.yes} of {v.present})",
                "Present and voting means yes + no: {v.yes} + {v.no} = {v.present}. The other "
                "figures divide by all members ({v.members}) or by all who voted including "
                "abstentions ({v.voted}).",
            )
            """),
        code("quiz2", """
            ut.quiz(
                "On the map, a state is grey. What can you conclude?",
                [
                    "It did not vote",
                    "It abstained",
                    "No source in the course data confirms its vote",
                ],
                "No source in the course data confirms its vote",
                "Grey is 'unknown': a gap in the evidence. A state that did not vote has its own "
                "colour (non-voting).",
            )
            """),
        code("quiz3", f"""
            ut.quiz(
                "Which category of the 2026 vote does the course data know completely?",
                ["Yes", "No", "Abstain", "Non-voting"],
                "No",
                "All {v.no} states that voted against are named, and every list agrees. The "
                "other categories are partly unknown.",
            )
            """),
        *footer("03", [
            f"{v.yes}-{v.no}-{v.abstain}, with {v.non_voting} not voting: {v.voted} of "
            f"{v.members} members voted.",
            f"{v.yes} of {v.present} present and voting is {v.yes_share}; of all members it "
            f"is {pct(v.yes, v.members)}.",
            f"The {v.no} against are known by name; the data names {F.known26} of "
            f"{v.members} states in all.",
            "Unknown (grey) is a gap in the evidence, not a vote.",
            "Compare groups only after looking at how much of each is known.",
        ]),
    ]


# ========================================== 04 · Positions and explanations of vote
def nb04() -> list:
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
            ut.load_statements("2026")[["speaker_state", "speaker", "vote_cast", "themes", "summary"]]
            """),
        md("positions", f"""
            ## The main positions

            **United States: abstained.** Deputy Permanent Representative
            {s("S001")["speaker"]} said the United States welcomed the call for a ceasefire
            but judged some of the wording {quote("S001", who=False)}. The US mission added:
            {quote("S002", who=False)}. Before the vote, the United States had sought
            separate votes on two paragraphs (notebook 02).

            **Ukraine: presented the text.** Deputy Foreign Minister
            {s("S003")["speaker"]} argued against the motion for division:
            {quote("S003", who=False)}. After the vote, Foreign Minister
            {s("S005")["speaker"]} wrote: {quote("S005", who=False)}.

            **Russian Federation: voted against.** Deputy Permanent Representative
            {s("S006")["speaker"]} argued that a Ukraine seeking lasting peace should
            pursue diplomacy and solutions acceptable to both sides, with durable security
            guarantees for Russia and Ukraine, {quote("S006", who=False)}.

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
            Indonesia. Then compare with the tags (each statement's themes are listed in
            brackets).
            """),
        code("theme-tags", """
            ut.load_statements("2026")[["speaker_state", "vote_cast", "themes"]]
            """),
        code("theme-counts", """
            ut.load_statements("2026").explode("themes")["themes"].value_counts()
            """),
        md("theme-read", """
            A statement can carry several themes: the United States' explanation is about
            procedure, negotiations *and* the ceasefire. Notice also that states on opposite
            sides use the same theme: "negotiations" appears in explanations of yes votes,
            abstentions and a no. A theme tells you what an argument is about, not which way
            it points.
            """),
        md("checks", "## Check your understanding"),
        code("quiz1", """
            ut.quiz(
                "Indonesia abstained in 2026. Which theme best fits its explanation?",
                ["sovereignty", "ceasefire", "negotiations", "inclusiveness", "procedure"],
                "inclusiveness",
                "Indonesia's spokesperson said it emphasised 'the inclusiveness of the process', "
                "pointing to how the text was drafted (the course also tags it 'procedure').",
            )
            """),
        code("quiz2", """
            ut.quiz(
                "The United States abstained. What reason did it give?",
                [
                    "It opposed a ceasefire",
                    "It welcomed the ceasefire call, but said some wording would distract from "
                    "ongoing negotiations",
                    "It objected that the text did not mention Russia",
                ],
                "It welcomed the ceasefire call, but said some wording would distract from "
                "ongoing negotiations",
                "The US explanation combines three themes: ceasefire (welcomed), negotiations "
                "(the wording could distract from them) and procedure (its motion for separate "
                "votes had failed).",
            )
            """),
        md("match-intro", """
            ### Who said it?

            Match each quotation to its speaker. All of them are in the course data with
            their sources.
            """),
        *match_quiz_cells(),
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


MATCH_IDS = ("S001", "S003", "S008", "S013")
MATCH_DISTRACTOR = "S007"  # a speaker with no recorded quotation in the set


def _speaker(sid: str) -> str:
    row = F.stmt(sid)
    return f"{row['speaker_state']} ({row['speaker']})"


def match_quiz_cells() -> list:
    """The quote-matching self-check: quotations and speakers read from the data.

    Uses ``ut.matching_quiz`` when the package exports it, otherwise one
    ``ut.quiz`` per quotation.
    """
    pairs = [(str(F.stmt(sid)["quote"]), _speaker(sid)) for sid in MATCH_IDS]
    if "matching_quiz" in dir(ut):
        lines = "\n".join(f"        {q!r}: {w!r}," for q, w in pairs)
        source = (
            "ut.matching_quiz(\n"
            '    "Match each quotation to its speaker.",\n'
            f"    {{\n{lines}\n    }},\n"
            '    "Each quotation is in ut.load_statements(\\"2026\\") with its source_url. The "\n'
            '    "EU and Ukraine appeal to principles, the United States to the negotiations and "\n'
            '    "Indonesia to the drafting process.",\n'
            f"    extra_choices=[{_speaker(MATCH_DISTRACTOR)!r}],\n"
            ")"
        )
        return [code("quiz-match", source)]
    speakers = [w for _, w in pairs]
    cells = []
    for i, (q, who) in enumerate(pairs[:2], start=1):
        source = (
            "ut.quiz(\n"
            f"    {('Who said: ' + chr(34) + q + chr(34) + '?')!r},\n"
            f"    {speakers!r},\n"
            f"    {who!r},\n"
            "    'The statement and its source_url are in ut.load_statements(\"2026\").',\n"
            ")"
        )
        cells.append(code(f"quiz-match-{i}", source))
    return cells


# ======================================================== 05 · Change over time
def nb05() -> list:
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
        code("trend-table", "ut.trend_table()"),
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
        code("usa", 'ut.vote_history("United States")[["resolution", "date", "vote", "confidence"]]'),
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
        code("israel", 'ut.vote_history("Israel")[["resolution", "date", "vote", "confidence"]]'),
        md("israel-read", f"""
            **Israel** voted **no** on ES-11/7 in February 2025, abstained on ES-11/8 the
            same day, voted yes on {F.v25kids.id} in December 2025, and voted **yes** in
            2026, when the United States abstained. Notebook 04 has the source.

            **Your task:** check two more states the same way: Hungary (in the cell below)
            and Indonesia (change the name and run it again). For each, write one
            sentence: "From ... to ..., it moved from ... to ...". Then pick a state of your
            own.
            """),
        code("your-state", 'ut.vote_history("Hungary")[["resolution", "date", "vote", "confidence"]]'),
        md("transitions-intro", """
            ## Transitions between two votes

            A **transition table** shows, for every state, its vote on one resolution
            against its vote on another. ES-11/7 (2025) was a Ukrainian text of a similar
            kind to 2026's, and its record is complete, so it is the natural comparison.
            """),
        code("transitions", """
            t = ut.transitions("ES-11/7", "2026")
            t[t["count"] > 0][["from_vote", "to_vote", "count"]]
            """),
        code("shift-chart", 'ut.shift_chart("ES-11/7", "2026")'),
        code("shift-table", 'ut.shift_table("ES-11/7", "2026")'),
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
        code("agreement-table", 'ut.agreement_table(["USA", "GBR", "FRA", "ISR", "HUN", "CHN", "IND", "BRA", "RUS"])'),
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
        code("quiz1", """
            ut.quiz(
                "How did the United States vote on the Ukrainian texts of 2025 (ES-11/7) and "
                "2026?",
                ["Yes, then yes", "No, then abstain", "Abstain, then no", "No, then no"],
                "No, then abstain",
                "ut.vote_history('USA') shows no on ES-11/7 (24 February 2025) and abstain on "
                "2026. It had voted yes on every text through 2023 for which its vote is known.",
            )
            """),
        code("quiz2", """
            ut.quiz(
                "Many states' 2026 votes are unknown. What does that do to a transition table "
                "from ES-11/7 to 2026?",
                [
                    "Nothing: unknown votes are counted as yes",
                    "The unknown states sit in their own column, so some movement cannot be seen "
                    "yet",
                    "The unknown states are dropped, so the table no longer adds up to 193",
                ],
                "The unknown states sit in their own column, so some movement cannot be seen "
                "yet",
                "Transitions always add up to all 193 members. Unknown is kept as its own "
                "category, never guessed and never dropped.",
            )
            """),
        code("quiz3", f"""
            ut.quiz(
                "Support fell from {v22.yes} yes in March 2022 to {v25.yes} in February 2025. "
                "Which conclusion is safest?",
                [
                    "Support for Ukraine halved",
                    "Fewer states voted yes on the 2025 text than on the 2022 one; the texts and "
                    "circumstances differ, so the reasons need other evidence",
                    "States that stopped voting yes now support Russia",
                ],
                "Fewer states voted yes on the 2025 text than on the 2022 one; the texts and "
                "circumstances differ, so the reasons need other evidence",
                "Of the {sum(F.left_yes_22_25.values())} "
                "states that left the yes column, {F.left_yes_22_25['abstain']} abstained, "
                "{F.left_yes_22_25['non_voting']} did not vote and {F.left_yes_22_25['no']} voted no "
                "(ut.transitions('ES-11/1', 'ES-11/7')), on a different text. The numbers show "
                "the change, not its cause.",
            )
            """),
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


# ==================================================== 06 · Sources and evidence
def nb06() -> list:
    v = F.v26
    return [
        *header("06", "Official records, press reports, and how to weigh them.", [
            "distinguish the official record of a vote from press reports of it, and rank "
            "sources by how much weight they can bear;",
            "explain how the course settled conflicting claims, with examples;",
            "describe what the 2026 record covers and how the official UN data would "
            "complete it;",
            "assess a press report against the data.",
        ]),
        first_cell(),
        md("record", f"""
            ## The official record and the press

            The record of a recorded vote starts on the **board in the hall**, which shows
            each delegation's button. The UN then publishes it: the meeting record, a press
            release the same day whose annex lists every state's vote, and, months later,
            the UN Digital Library's *General Assembly Voting Data*, a downloadable table
            of every recorded vote since 1946. (Strictly, the press releases are marked as
            not being official records, but they come from the UN itself; the course puts
            them, UN News and UN documents in its top tier.)

            For the 2026 vote, the totals ({v.result}, {v.non_voting} not voting) come from
            UN News, the UN press release and several wire agencies, and they agree. The
            **per-country list** was not available: the annex was not found, and the Voting
            Data had not yet been updated to include February 2026. The course therefore
            builds the list from **press reports** that name individual states, and marks
            everyone else as unknown.
            """),
        md("tiers", """
            ## Source tiers

            Not every source deserves the same trust. The course ranks them:

            1. **un_record**: UN documents, press releases and UN News.
            2. **wire_agency**: Reuters, AP, AFP, EFE, Kyodo, PTI and similar, which report
               from the hall or from the board.
            3. **government**: a state's own statements about its own vote.
            4. **media**: national newspapers and broadcasters.
            5. **other**: everything else, used only with care and never alone for a
               disputed fact.
            """),
        code("sources", """
            ut.load_sources()["tier"].value_counts(sort=False)
            """),
        md("confidence", """
            Each vote row also carries a **confidence** level, best first:

            - `official`: read from a UN record (a press release, or the official file);
            - `confirmed`: the UN's voting record as reproduced by a third party, or a
              complete list that independent sources agree on and that matches the totals;
            - `reported`: stated by one credible source (an agency, a ministry, the media);
            - `derived`: worked out from complete lists and the official totals, or from a
              source's general statement; the row's note says how;
            - `low`: a single low-tier source with known errors, kept but unsettled;
            - `disputed`: sources disagree and none outranks the others;
            - `none`: no source at all, so the vote is unknown.

            Run the cell for the 2026 vote.
            """),
        code("confidence-2026", """
            ut.load_votes("2026")["confidence"].value_counts(sort=False)
            """),
        md("confidence-read", f"""
            The {F.derived26} `derived` rows are EU members: a report that Hungary was the
            only EU member not to vote yes puts the others among the yes votes. The
            {F.low26} `low` rows ({", ".join(F.low26_names)}) rest on a single report whose
            list of votes contains proven errors, as the next section shows. Look at them:
            """),
        code("low-2026", """
            votes = ut.load_votes("2026")
            votes[votes["confidence"] == "low"][["name", "vote", "source_url", "note"]]
            """),
        md("conflicts", """
            ## When sources disagree

            Sources sometimes contradict each other. The course keeps every conflicting
            claim it found, with its source and how it was settled. Here are those about
            the 2026 vote:
            """),
        code("conflicts-2026", """
            ut.load_conflicts("2026")[["country", "claim", "outcome", "recorded_vote", "assessment"]]
            """),
        md("conflicts-read", f"""
            Two cases show the method:

            - **Syria "against".** One report listed Syria among the states voting against.
              Every other list of the {v.no} against, read from the voting board, omits
              Syria, and adding it would make {v.no + 1}, not the official {v.no}. The claim is
              rejected. Syria's actual 2026 vote is still **unknown**: rejecting a claim
              does not tell us the truth, only what it is not. (Syria voted against every
              text from 2014 to 2023, abstained on both texts of February 2025 and did not
              vote in December 2025; check with `ut.vote_history("Syria")`.)
            - **Slovakia "abstained".** The same report listed Slovakia among the
              abstainers. Another report says Slovakia voted yes, a report says Hungary was
              the only EU member not to support the text, and Slovakia's own foreign
              ministry announced a yes vote the day before. Three independent signals
              outweigh one report with known errors.

            The rules behind these decisions: **a UN record outranks everything else;
            independent sources outrank a single one; official totals constrain every list**
            (a list that does not add up is wrong somewhere).
            """),
        md("coverage-intro", """
            ## Coverage across the series

            How complete is the per-country record for each vote?
            """),
        code("coverage", """
            ut.coverage()[["resolution", "date", "known", "unknown", "share_known", "status", "record"]]
            """),
        md("coverage-read", f"""
            The records of {", ".join(F.complete)} are complete; still partial:
            {", ".join(F.partial) or "none"}. The complete records of the 2022-2025 votes come from the UN
            Digital Library's voting records, read through public copies (the notes in
            `ut.load_votes()` name them). For the two February 2025 votes
            they confirmed almost every vote found earlier in the press; the exception,
            Armenia on ES-11/8 (reported as abstaining, recorded as yes), is in the
            conflicts table. That is some reassurance about press-based rows elsewhere,
            and a reminder that even good agencies misread the board.
            """),
        md("official", """
            ## Loading the official UN voting data

            When the UN Digital Library publishes a version of its *General Assembly Voting
            Data* that covers February 2026, an instructor can download the CSV file and
            point the course at it. The course then prefers the official rows everywhere:
            the maps, tables and coverage switch to the complete record.

            In a notebook:

            ```python
            import unga_teach as ut
            ut.use_official_record("/path/to/2026_xx_xx_ga_voting.csv")   # from then on, official rows win
            ut.compare_with_official("/path/to/2026_xx_xx_ga_voting.csv")  # every disagreement with the shipped data
            ```

            For a whole class (for example on a JupyterHub), set the environment variable
            `UNGA_TEACH_UNDL` to the file's path before starting JupyterLab; every notebook
            then uses it automatically.

            The course never downloads anything itself. The cell below does nothing unless
            an official file has been configured through that variable.
            """),
        code("official-compare", """
            import os

            official_file = os.environ.get("UNGA_TEACH_UNDL")
            if official_file:
                display(ut.compare_with_official(official_file))
            else:
                print("No official file configured (UNGA_TEACH_UNDL is not set): the course uses its shipped data.")
            """),
        md("assess", f"""
            ## Assess a report

            Here is an invented news paragraph of the kind you will meet. Check each claim
            against the data, using the functions of this course.

            > *"The General Assembly passed the resolution with {v.yes} votes, a majority of
            > the {v.members} member states. Thirteen countries voted against, including
            > Russia, Belarus and Syria. Slovakia joined Hungary in abstaining, and the {v.abstain}
            > abstentions counted against the text."*

            **Your task:** for each sentence, decide: *supported*, *contradicted* or *not
            checkable* with the course data. Use the cell below as a starting point.
            """),
        code("assess-cell", """
            votes = ut.load_votes("2026").set_index("iso3")
            votes.loc[["RUS", "BLR", "SYR", "SVK", "HUN"], ["name", "vote", "confidence", "source_url"]]
            """),
        md("checks", "## Check your understanding"),
        code("quiz1", f"""
            ut.quiz(
                "The report says 'Thirteen countries voted against, including Russia, Belarus "
                "and Syria'. What does the data say?",
                [
                    "Supported: Syria voted against",
                    "Contradicted: the official total is {v.no} against, and every list of the {v.no} "
                    "omits Syria, whose vote is unknown",
                    "Not checkable",
                ],
                "Contradicted: the official total is {v.no} against, and every list of the {v.no} "
                "omits Syria, whose vote is unknown",
                "Russia and Belarus did vote against; the count and Syria are wrong. The course "
                "keeps this claim in ut.load_conflicts('2026') as rejected.",
            )
            """),
        code("quiz2", f"""
            ut.quiz(
                "'The {v.abstain} abstentions counted against the text.' Supported, contradicted or not "
                "checkable?",
                ["Supported", "Contradicted", "Not checkable"],
                "Contradicted",
                "Abstentions are not counted at all: the majority is taken among members present "
                "and voting (yes + no). See notebook 01.",
            )
            """),
        code("quiz3", """
            ut.quiz(
                "The only source for a state's 2026 vote is a report whose list contains other "
                "proven errors. How does the course record that vote?",
                [
                    "It leaves the state out: the vote is unknown",
                    "It keeps the vote with confidence 'low', flagged as unsettled",
                    "It records the vote as confirmed, since nobody contradicts it",
                ],
                "It keeps the vote with confidence 'low', flagged as unsettled",
                "The claim is not contradicted, so it is kept, but marked 'low' with a note. "
                "An independent second source would settle it; a better-ranked contrary "
                "source would overturn it.",
            )
            """),
        *footer("06", [
            "The official UN record outranks wire agencies, which outrank governments' and "
            "media reports; official totals constrain every list.",
            f"The 2026 totals are certain; the per-country list is partial ({F.known26} of "
            f"{v.members} named) until the UN's voting data covers February 2026.",
            "Rejecting a claim (Syria 'against', Slovakia 'abstained') does not reveal the "
            "true vote; the state stays unknown until a source says otherwise.",
            "`ut.use_official_record(path)` or `UNGA_TEACH_UNDL` switches every notebook to "
            "the official record; nothing is ever downloaded by the course.",
        ]),
    ]


BUILDERS: dict[str, Callable[[], list]] = {
    "00": nb00, "01": nb01, "02": nb02, "03": nb03, "04": nb04, "05": nb05, "06": nb06,
}


# ------------------------------------------------------------------------ assembly
def make_notebook(number: str):
    nb = new_notebook(cells=BUILDERS[number]())
    nb.metadata = {"kernelspec": dict(KERNELSPEC)}
    ids = [c.id for c in nb.cells]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:  # check before nbformat.validate, which would silently rename them
        raise ValueError(f"notebook {number}: duplicate cell ids {dupes}")
    nbformat.validate(nb)
    codes = [c for c in nb.cells if c.cell_type == "code"]
    if codes[0].source != FIRST_CELL:
        raise ValueError(f"notebook {number}: the first code cell must be the setup cell")
    return nb


def _client_class():
    from nbexec import WidgetSafeClient

    return WidgetSafeClient


def execute(nb, timeout: int = 300):
    """Run a notebook in a fresh kernel from the notebooks folder; return it executed."""
    client = _client_class()(
        nb,
        kernel_name="python3",
        timeout=timeout,
        store_widget_state=False,
        record_timing=False,
        resources={"metadata": {"path": str(NB_DIR)}},
    )
    client.execute()
    return nb


def keep_golden_only(nb) -> None:
    """Keep outputs and counts of golden cells only; clear everything else."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        cell.metadata.pop("execution", None)
        if GOLDEN_TAG in cell.metadata.get("tags", []):
            for out in cell.outputs:
                if out.get("output_type") == "error":
                    raise RuntimeError(f"golden cell {cell.id} raised: {out.get('ename')}")
            continue
        cell.outputs = []
        cell.execution_count = None
    nb.metadata = {"kernelspec": dict(KERNELSPEC)}


def carry_golden_outputs(nb, path: Path) -> list[str]:
    """Copy stored golden outputs from the existing file when the cell is unchanged.

    Used with ``--no-execute`` (a prose-only edit). Returns the ids of golden
    cells that are new or changed and therefore have no output.
    """
    old = {}
    if path.exists():
        old = {c.get("id"): c for c in nbformat.read(path, as_version=4).cells}
    stale = []
    for cell in nb.cells:
        if cell.cell_type != "code" or GOLDEN_TAG not in cell.metadata.get("tags", []):
            continue
        prev = old.get(cell.id)
        if prev is not None and prev.source == cell.source and prev.get("outputs"):
            cell.outputs = prev.outputs
            cell.execution_count = prev.execution_count
        else:
            stale.append(cell.id)
    return stale


def write_readme() -> None:
    text = f"""# The notebooks

A course in {len(SERIES) + 1} notebooks on the UN General Assembly vote of 24 February 2026,
"Support for lasting peace in Ukraine". Open them in order in JupyterLab; each one
also runs on its own. Total: about {total_minutes()} minutes, plus the assignment.

{series_table()}

Every notebook starts with the same cell:

```python
import unga_teach as ut
ut.setup_notebook()
```

and has learning objectives, an estimated time, at least two self-checks with
feedback, and key points at the end.

## For maintainers

The notebooks are generated by `tools/build_notebooks.py`: edit the text there, not in
the `.ipynb` files, then run

```bash
.venv/bin/python tools/build_notebooks.py
```

The script writes the notebooks, executes them headless, and keeps the outputs of the
cells tagged `nbval-check-output` only (the headline numbers: the 2026 totals, the
tally, the 12 against, the 2026 coverage, the majority arithmetic and the motion for
division). CI runs the notebooks with `pytest --nbval-lax`, which compares those cells,
so a change in the data that moves a headline number fails the build until the
notebooks are regenerated. (`tests/test_notebook_hygiene.py` and
`tests/test_notebooks_run.py` check the rest; `benchmarks/bench_notebooks.py` times a
headless run.)
"""
    (NB_DIR / "README.md").write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    global F
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-execute", action="store_true", help="write without executing")
    parser.add_argument("--only", action="append", help="build only these numbers (e.g. 03)")
    args = parser.parse_args(argv)
    F = Facts()
    numbers = args.only or list(BUILDERS)
    NB_DIR.mkdir(exist_ok=True)
    for number in numbers:
        entry = ENTRY[number]
        nb = make_notebook(number)
        path = NB_DIR / entry.file
        if args.no_execute:
            stale = carry_golden_outputs(nb, path)
            if stale:
                print(f"{entry.file}: golden cells without output (run without --no-execute): "
                      + ", ".join(stale))
        else:
            start = time.perf_counter()
            execute(nb)
            print(f"{entry.file}: executed in {time.perf_counter() - start:.1f} s")
        keep_golden_only(nb)
        nbformat.validate(nb)
        nbformat.write(nb, path)
        print(f"{entry.file}: {path.stat().st_size / 1024:.1f} KB")
    write_readme()
    return 0


if __name__ == "__main__":
    sys.exit(main())
