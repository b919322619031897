"""The map of the series: titles, times, summaries and the navigation links."""

from __future__ import annotations

from dataclasses import dataclass

from .cells import md

ASSIGNMENT = "07_assignment.ipynb"

# ------------------------------------------------------------------- the series map
@dataclass(frozen=True)
class Entry:
    number: str
    file: str
    title: str
    minutes: int
    summary: str


SERIES: list[Entry] = [
    Entry("00", "00_start_here.ipynb", "Start here", 25,
          "How the course works: running cells, using widgets, a first checked exercise, "
          "checking your setup."),
    Entry("01", "01_how_the_assembly_votes.ipynb", "How the General Assembly votes", 50,
          "One state, one vote; 'present and voting'; non-voting and Article 19; the "
          "majority arithmetic in code; recorded votes; Uniting for Peace."),
    Entry("01a", "01a_pandas_primer.ipynb", "A pandas primer on the course's own data", 40,
          "Rows, columns and masks, counting and grouping, a crosstab and a first chart, "
          "on the 2026 votes; unknown rows counted, never dropped."),
    Entry("02", "02_the_resolution.ipynb", "The resolution of 24 February 2026", 50,
          "Who drafted it, what each paragraph says (masks and value_counts on the "
          "paragraph table), what changed since 2025, the US motion for division."),
    Entry("03", "03_the_vote.ipynb", "The vote", 75,
          "The tally and its arithmetic, the map, regional groups and blocs, and what the "
          "record does not yet show."),
    Entry("04", "04_positions_and_explanations.ipynb", "Positions and explanations of vote", 55,
          "What the United States, Ukraine, Russia, China, the EU and others said, sorted "
          "by argument."),
    Entry("05", "05_change_over_time.ipynb", "Change over time, 2014-2026", 90,
          "Support across eleven votes, who moved and how, bloc cohesion and agreement "
          "between states."),
    Entry("06", "06_sources_and_evidence.ipynb", "How do we know? Sources and evidence", 50,
          "Official records and press reports, conflicting claims, and loading the "
          "official UN voting data."),
]
ENTRY = {e.number: e for e in SERIES}


#: How a notebook's time is estimated (stated in every notebook; tests/test_course_times.py
#: recomputes it from the committed notebook).
READING_WORDS_PER_MINUTE = 150
MINUTES_PER_CODE_CELL = 1
ESTIMATE_METHOD = (
    "for a newcomer who does every exercise; estimated from the notebook itself: reading "
    f"at {READING_WORDS_PER_MINUTE} words a minute, {MINUTES_PER_CODE_CELL} minute to run "
    "and read each code cell, and each exercise's own time (5 minutes for a blank to fill, "
    "up to 15 for several lines of your own), rounded up to 5 minutes"
)


def estimate_minutes(cells) -> int:
    """The estimated time of a notebook's cells (see :data:`ESTIMATE_METHOD`)."""
    import math
    import re

    from unga_teach.assess.exercises import exercise

    words = sum(len(c.source.split()) for c in cells if c.cell_type == "markdown")
    minutes = words / READING_WORDS_PER_MINUTE
    for c in cells:
        if c.cell_type != "code":
            continue
        if "exercise" in c.metadata.get("tags", []):
            found = re.search(r'ut\.check\("([^"]+)"', c.source)
            minutes += exercise(found.group(1)).minutes if found else 5
        else:
            minutes += MINUTES_PER_CODE_CELL
    return 5 * math.ceil(minutes / 5)


def header(number: str, subtitle: str, objectives: list[str]) -> list:
    e = ENTRY[number]
    objs = "\n".join(f"- {o}" for o in objectives)
    return [
        md("title", f"""
            # {e.number} · {e.title}

            *{subtitle}*

            **Estimated time:** {e.minutes} minutes ({ESTIMATE_METHOD})

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


