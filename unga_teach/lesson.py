"""A ready lesson notebook for one recorded vote: :func:`make_lesson`.

An instructor who wants to teach another vote than the course's runs::

    unga-teach lesson A/RES/68/262 --out lesson_68_262.ipynb

or, in Python, ``ut.make_lesson("A/RES/68/262", "lesson_68_262.ipynb")``. The
notebook follows the style of the course's notebook 03: a title, objectives and
time, the date and totals of the vote, the arithmetic of "present and voting",
the tally chart, the map with its text table, regional groups and blocs, the
country explorer, a comparison with a related vote, three self-checks and key
points with blanks for the instructor.

The numbers in its text are read from the record when the notebook is made.
Its code cells are one-line calls to the package, so the charts and tables are
drawn from the record when the notebook runs. The self-checks are built at run
time by :func:`lesson_check` from the vote's numbers: no answer is written in
the notebook.

Examples
--------
>>> q = lesson_check("ES-11/1", "share")
>>> q.choices.value is None, q.feedback.value
(True, '')
>>> [c.id for c in lesson_cells("68/262")][:3]
['title', 'objectives', 'setup']
"""

from __future__ import annotations

import os
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .assess.self_checks import Question
from .errors import UngaTeachError
from .lesson_text import about_section, md_code, md_link, md_text

__all__ = ["LESSON_CHECKS", "lesson_cells", "lesson_check", "lesson_questions", "make_lesson",
           "related_votes"]

#: The self-checks of a lesson, in the order the notebook asks them.
LESSON_CHECKS: tuple[str, ...] = ("present", "share", "abstentions")

#: The blocs shown next to the regional groups (as in notebook 03).
LESSON_BLOCS: tuple[str, ...] = ("EU", "NATO", "G7", "AU", "ASEAN", "BRICS")

#: Where the official voting data is published.
UNDL_RECORD_URL = "https://digitallibrary.un.org/record/4060887"

_SETUP = "import unga_teach as ut\nut.setup_notebook()"
_KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


# --------------------------------------------------------------------------- the vote
@dataclass(frozen=True)
class _Vote:
    """What a lesson needs to know about its vote, read from the record."""

    ref: str  # what the generated cells pass to ut.* (a course id or a symbol)
    label: str  # how the text names the vote
    title: str
    date: pd.Timestamp
    session: str
    draft: str
    yes: int
    no: int
    abstain: int
    non_voting: int
    members: int
    source_url: str
    note: str
    course: bool  # a vote of the course data (works without an official file)
    agenda: str = ""  # the agenda title (official record only)
    subjects: str = ""  # the UN Library's subjects, "|"-separated (official record only)
    meeting: str = ""  # the meeting record's symbol, e.g. A/79/PV.1 (official record only)
    totals_counted: bool = False  # the record gives no totals: counted from its rows

    @property
    def present(self) -> int:
        return self.yes + self.no

    @property
    def voted(self) -> int:
        return self.yes + self.no + self.abstain

    @property
    def day(self) -> str:
        if pd.isna(self.date):
            return "date not recorded"
        return f"{self.date.day} {self.date:%B %Y}"


def _text(value: Any) -> str:
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value).strip()


def _vote(symbol: object) -> _Vote:
    """Resolve ``symbol`` and read its title, date and totals from the record."""
    from .resolutions import resolution_info

    if not isinstance(symbol, str | int) or not str(symbol).strip():
        raise UngaTeachError(f"make_lesson needs a vote symbol such as 'A/RES/68/262' or "
                             f"'ES-11/1', got {symbol!r}.")
    info = resolution_info(symbol)
    rid = _text(info.get("id"))
    if _text(info.get("kind")) == "procedural":
        raise UngaTeachError(
            f"{symbol!r} is a procedural motion: the record has its totals but no roll call "
            "of the member states, so there is no map or explorer to teach from. Choose a "
            "recorded vote on a resolution.")
    course = _text(info.get("record")) != "official"
    symbol_text = _text(info.get("symbol"))
    confirmed = bool(info.get("symbol_confirmed", True))
    if symbol_text and confirmed:
        label = symbol_text
    elif _text(info.get("draft")):
        label = f"{_text(info.get('draft'))} (draft)"
    else:
        label = rid
    return _Vote(
        ref=rid, label=label, title=_text(info.get("title")) or label,
        date=pd.Timestamp(info.get("date")), session=_text(info.get("session")),
        draft=_text(info.get("draft")),
        yes=int(info["yes"]), no=int(info["no"]), abstain=int(info["abstain"]),
        non_voting=int(info["non_voting"]), members=int(info["total_members"]),
        source_url=_text(info.get("source_url")), note=_text(info.get("note")), course=course,
        agenda=_text(info.get("agenda_title")), subjects=_text(info.get("subjects")),
        meeting=_text(info.get("meeting")),
        totals_counted=bool(info.get("totals_counted", False)),
    )


def related_votes(symbol: object) -> pd.DataFrame:
    """Other recorded votes related to this one, oldest first.

    For a vote of the course, the other resolutions of the course series (all
    on Ukraine). For another vote of the official record, the votes that share
    its agenda title or one of its subjects, when the record has them.

    Parameters
    ----------
    symbol : str
        The vote (course id, adopted symbol or draft symbol).

    Returns
    -------
    pandas.DataFrame
        ``vote`` (what to pass to the other functions), ``date``, ``title``,
        ``yes``, ``no``, ``abstain``, ``non_voting``, ``related_by``. Empty when
        the record names no related vote.

    Examples
    --------
    >>> r = related_votes("ES-11/1")
    >>> r["vote"].iloc[0], "ES-11/1" in set(r["vote"])
    ('68/262', False)
    """
    v = _vote(symbol)
    columns = ["vote", "date", "title", "yes", "no", "abstain", "non_voting", "related_by"]
    if v.course:
        from .resolutions import load_resolutions

        r = load_resolutions(include_procedural=False)
        r = r[r["id"].astype(str) != v.ref]
        out = pd.DataFrame({
            "vote": r["id"].astype(str), "date": r["date"].dt.date,
            "title": r["title"].astype(str),
            **{c: r[c].astype("int64") for c in ("yes", "no", "abstain", "non_voting")},
            "related_by": "the course series on Ukraine",
        })
        return out[columns].reset_index(drop=True)
    return _official_related(v, columns)


#: At most this many related votes of the official record (the nearest in time).
MAX_RELATED = 10


def _official_related(v: _Vote, columns: list[str]) -> pd.DataFrame:
    """Votes of the official record with the same agenda title or a shared subject."""
    from .search import search_votes

    found = []
    searches: list[tuple[str, str | None, str | None]] = (
        [("the same agenda item", v.agenda, None)] if v.agenda else [])
    searches += [(f"subject: {s.strip().lower()}", None, s.strip())
                 for s in v.subjects.split("|") if s.strip()]
    for why, text, subject in searches:
        hits = search_votes(text, subject=subject)
        if not hits.empty:
            found.append(hits.assign(related_by=why))
    if not found:
        return pd.DataFrame(columns=columns)
    hits = pd.concat(found, ignore_index=True)
    hits = hits[hits["id"].astype(str) != v.ref]
    hits = hits.groupby("id", sort=False, as_index=False).agg(
        {**{c: "first" for c in ("date", "title", "yes", "no", "abstain", "non_voting")},
         "related_by": lambda s: "; ".join(dict.fromkeys(s))})
    dates = pd.to_datetime(hits["date"])
    hits = hits.assign(_gap=(dates - v.date).abs()).nsmallest(MAX_RELATED, "_gap")
    hits = hits.assign(date=pd.to_datetime(hits["date"]).dt.date).sort_values(
        ["date", "id"], kind="stable")
    return hits.rename(columns={"id": "vote"})[columns].reset_index(drop=True)


def _comparison(v: _Vote) -> tuple[str, str] | None:
    """The pair (earlier, later) to compare: this vote and the latest related vote before
    it, else the first related vote after it; None when the record names no related vote."""
    r = related_votes(v.ref)
    if r.empty:
        return None
    dates = pd.to_datetime(r["date"])
    before = r[dates <= v.date]
    if not before.empty:
        return str(before["vote"].iloc[-1]), v.ref
    return v.ref, str(r["vote"].iloc[0])


# --------------------------------------------------------------------------- self-checks
def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "0.0%"


def _distinct(right: str, wrong: dict[str, str]) -> tuple[tuple[str, ...], dict[str, str]]:
    """The options (right first, then the wrong ones that differ from it) and their hints."""
    hints = {o: h for o, h in wrong.items() if o != right}
    options = [right, *hints]
    return tuple(sorted(options, key=lambda o: (len(o), o))), hints


def _question(v: _Vote, kind: str) -> Question:
    qid = f"lesson-{kind}"
    if kind == "present":
        right = f"{v.members - v.present} states"
        options, hints = _distinct(right, {
            f"{v.non_voting} states": "Those are the states that did not vote at all. Which "
                                      "states cast a vote but still do not count?",
            f"{v.abstain} states": "Abstaining states are left out, but they are not the only "
                                   "ones.",
            f"{v.members - v.yes} states": "That leaves out the no votes too. Does a no vote "
                                           "count towards the majority arithmetic?",
        })
        return Question(
            id=qid, notebook="lesson", kind="choice",
            prompt=(f"In this vote ({v.yes} yes, {v.no} no, {v.abstain} abstentions, "
                    f"{v.non_voting} not voting), how many of the {v.members} member states "
                    "were NOT counted as present and voting?"),
            options=options, answer=right, hints=hints,
            explanation=(f"Only yes and no votes count: {v.yes} + {v.no} = {v.present} present "
                         f"and voting. The other {v.abstain} + {v.non_voting} states "
                         "(abstaining or not voting) are left out of the majority."))
    if kind == "share":
        right = _pct(v.yes, v.present)
        options, hints = _distinct(right, {
            _pct(v.yes, v.voted): "That divides by every state that voted, abstentions "
                                  "included. Do abstentions count?",
            _pct(v.yes, v.members): "That divides by the whole membership. Does the majority "
                                    "count every member?",
            _pct(v.no, v.present): "That is the share of the no votes.",
        })
        return Question(
            id=qid, notebook="lesson", kind="choice",
            prompt=("What share of the states present and voting voted yes? (Present and "
                    "voting = yes + no.)"),
            options=options, answer=right, hints=hints,
            explanation=(f"{v.yes} of {v.present} present and voting is {right}. Of all "
                         f"{v.members} members it would be {_pct(v.yes, v.members)}: both "
                         "are correct, they answer different questions."))
    if kind == "abstentions":
        from .analysis import passes

        adopted = "Still adopted: yes would outnumber no"
        tie = "Rejected: a tie"
        rejected = "Rejected: no would outnumber yes"
        new_no = v.no + v.abstain
        right = adopted if passes(v.yes, new_no) else tie if v.yes == new_no else rejected
        options = (adopted, tie, rejected)
        hints = {o: "Add the abstentions to the no votes and compare with the yes votes; "
                    "under a simple majority a tie is a rejection." for o in options
                 if o != right}
        return Question(
            id=qid, notebook="lesson", kind="choice",
            prompt=(f"Suppose the {v.abstain} abstaining states had all voted no, and nothing "
                    "else changed. Under a simple majority, what would the result have been?"),
            options=options, answer=right, hints=hints,
            explanation=(f"{v.yes} yes against {v.no} + {v.abstain} = {new_no} no: "
                         f"{'yes outnumbers no' if v.yes > new_no else 'no is not beaten'}. "
                         "Abstaining is not the same as voting no: it lowers the number "
                         "present and voting instead of adding to the no side."))
    raise UngaTeachError(f"No lesson self-check {kind!r}. Use one of: "
                         f"{', '.join(LESSON_CHECKS)}.")


def lesson_questions(symbol: object) -> list[Question]:
    """The lesson's self-check questions for a vote, with the answers (for instructors).

    Examples
    --------
    >>> qs = lesson_questions("68/262")
    >>> [q.answer for q in qs][:2]
    ['82 states', '90.1%']
    """
    v = _vote(symbol)
    return [_question(v, kind) for kind in LESSON_CHECKS]


def lesson_check(symbol: object, kind: str) -> Any:
    """Build one self-check of a lesson from the vote's numbers (not displayed).

    Parameters
    ----------
    symbol : str
        The vote (course id, adopted symbol or draft symbol).
    kind : {"present", "share", "abstentions"}
        ``present``: how many states were not counted as present and voting;
        ``share``: the yes share of those present and voting; ``abstentions``:
        the result had every abstaining state voted no.

    Returns
    -------
    Quiz
        Nothing is selected and no answer is shown until the learner presses
        **Check**; a wrong option shows a hint.

    Raises
    ------
    UngaTeachError
        For an unknown vote or kind.

    Examples
    --------
    >>> q = lesson_check("68/262", "abstentions")
    >>> len(q.choices.options)
    3
    >>> lesson_check("68/262", "tally")
    Traceback (most recent call last):
    ...
    unga_teach.errors.UngaTeachError: No lesson self-check 'tally'. Use one of: ...
    """
    if kind not in LESSON_CHECKS:
        raise UngaTeachError(f"No lesson self-check {kind!r}. Use one of: "
                             f"{', '.join(LESSON_CHECKS)}.")
    return _question(_vote(symbol), kind).build()


# --------------------------------------------------------------------------- the cells
def _unindent(text: str) -> str:
    """Remove the first line's indentation from every line that has it.

    Unlike ``textwrap.dedent`` this also works when an f-string inserts lines
    with no indentation (a list built elsewhere).
    """
    lines = text.strip("\n").splitlines()
    first = next((ln for ln in lines if ln.strip()), "")
    indent = first[: len(first) - len(first.lstrip())]
    return "\n".join((ln[len(indent):] if ln.startswith(indent) else ln).rstrip()
                     for ln in lines)


def _md(cell_id: str, text: str) -> Any:
    from nbformat.v4 import new_markdown_cell

    return new_markdown_cell(_unindent(text), id=cell_id)


def _code(cell_id: str, source: str) -> Any:
    from nbformat.v4 import new_code_cell

    return new_code_cell(_unindent(source), id=cell_id)


def _majority_lines(v: _Vote) -> str:
    from .analysis import passes, votes_needed

    simple = votes_needed(v.present)
    two = votes_needed(v.present, "two_thirds")
    ok_simple = "enough" if passes(v.yes, v.no) else "not enough"
    ok_two = "enough" if passes(v.yes, v.no, "two_thirds") else "not enough"
    rule = ""
    if re.search(r"two[- ]thirds", v.note, re.IGNORECASE):
        rule = ("The course's source notes that this vote needed a **two-thirds majority** "
                "(see the note on the vote's card above).")
    else:
        rule = ("Which rule applied is decided for each vote, and the voting record does not "
                "say. The meeting record of the day (the verbatim record, symbol ending in "
                "`/PV.`) does. *Instructor: the rule that applied was ____________.*")
    return textwrap.dedent(f"""\
        - **{v.present} states were present and voting**: {v.yes} yes + {v.no} no.
          Abstentions are not counted (the rules of procedure treat an abstaining state as
          not voting), and neither are the {v.non_voting} states that did not vote.
        - **A simple majority** of {v.present} is {simple} votes: the {v.yes} yes votes were
          {ok_simple}.
        - **A two-thirds majority**, needed for "important questions" (Charter,
          article 18), is {two} votes: the {v.yes} yes votes were {ok_two}.

        {rule}""")


def lesson_cells(symbol: object, *, record: str | os.PathLike[str] | None = None) -> list[Any]:
    """The cells of the lesson notebook for a vote (see :func:`make_lesson`).

    Examples
    --------
    >>> cells = lesson_cells("ES-11/1")
    >>> cells[2].source
    'import unga_teach as ut\\nut.setup_notebook()'
    """
    v = _vote(symbol)
    r = repr(v.ref)
    pair = _comparison(v)
    title = md_text(v.title)
    label = md_text(v.label)
    counted = (" (counted from the record's rows: the file gives no totals for this vote)"
               if v.totals_counted else "")
    if record is not None:
        record_line = (f"Its second code cell loads the official UN voting file "
                       f"{md_code(os.fspath(record))}; keep that file where the cell says (the "
                       "path is written as seen from this notebook's folder).")
    elif v.course:
        record_line = (
            "It uses the course data shipped with the package, so it runs without any "
            "download; with the official UN voting file set, the same cells use the "
            "official record.")
    else:
        record_line = (
            "It needs the UN Digital Library's *General Assembly Voting Data* file (from "
            f"<{UNDL_RECORD_URL}>): set `UNGA_TEACH_UNDL` to the file before starting "
            "JupyterLab, or run `ut.use_official_record(\"path/to/file.csv\")` after the "
            "first cell.")
    cells = [
        _md("title", f"""
            # Lesson · {title}

            *{label}, {v.day}: {v.yes} in favour, {v.no} against, {v.abstain}
            abstentions; {v.non_voting} of {v.members} member states did not vote{counted}.*

            **Estimated time:** 25 minutes

            This notebook was made by `unga-teach lesson` for one vote of the General
            Assembly. {record_line}
            """),
        _md("objectives", f"""
            ## Learning objectives

            By the end of this notebook you will be able to:

            - state the date and result of the vote on "{title}";
            - explain which states count as "present and voting" and what majority was needed;
            - read the world map of the vote and its text table;
            - compare how UN regional groups and blocs voted;
            - say how the same states voted on a related resolution.
            """),
        _code("setup", _SETUP),
        _md("about", about_section(agenda=v.agenda, subjects=v.subjects, meeting=v.meeting,
                                   record_page=v.source_url, draft=v.draft)),
    ]
    if record is not None:
        cells.append(_code("record", f"ut.use_official_record({os.fspath(record)!r})"))
    cells += [
        _md("vote", """
            ## The vote

            The card gives the vote as the record has it: the title, date, session, draft
            symbol and the official totals, with its source.
            """),
        _code("vote-card", f"ut.resolution_info({r})"),
        _md("arith", f"""
            ## The arithmetic

            {v.voted} states voted ({v.yes} + {v.no} + {v.abstain}); {v.non_voting} of the
            {v.members} members did not.

            {_majority_lines(v)}
            """),
        _md("tally-intro", """
            The tally table sets the official totals beside the states the data can name
            (`known`); `unknown` counts states with no sourced vote, shown and counted
            separately, never guessed.
            """),
        _code("tally", f'ut.show_table(ut.tally_table({r}), {{"label": "Vote", "known": '
                       f'"Known", "official": "Official", "missing": "Missing", '
                       f'"share_of_present_and_voting": "Share of present and voting"}}, '
                       f'caption="Official totals and the states the data can name")'),
        _code("tally-chart", f"ut.tally_chart({r})"),
        _md("map-intro", f"""
            ## The map

            Each member state is coloured by its vote; grey means **unknown** (no source
            found), not a position. Small states appear as dots. The table under the map
            gives the same information as text for all {v.members} member states.
            """),
        _code("map", f"ut.vote_map({r})"),
        _code("map-table", f'ut.show_table(ut.vote_map_table({r}), {{"name": "State", '
                           f'"vote": "Vote", "confidence": "Confidence", '
                           f'"un_regional_group": "UN regional group"}}, '
                           f'caption="How each member state voted")'),
        _md("groups", """
            ## Regional groups and blocs

            The five UN **regional groups** (African, Asia-Pacific, Eastern European, Latin
            American and Caribbean, Western European and other States), then some political
            **blocs**, which overlap. Blocs are shown with their present-day members.
            """),
        _code("group-chart", f"ut.group_chart({r})"),
        _code("group-table", f'ut.show_table(ut.group_table({r}), ["group", "members", '
                             f'"yes", "no", "abstain", "non_voting", "unknown"], '
                             f'caption="Votes by UN regional group (number of states)")'),
        _code("bloc-table", f'ut.show_table(ut.group_table({r}, by={list(LESSON_BLOCS)!r}), '
                            f'["group", "members", "yes", "no", "abstain", "non_voting", '
                            f'"unknown"], caption="Votes by bloc (number of states)")'),
        _md("groups-read", """
            **Your task:** which regional group was most divided? Which bloc voted most
            alike? Read the unknown column first: a group that looks less supportive may
            simply be less reported.
            """),
        _md("country", """
            ## One state at a time

            **Your task:** pick three states: one you expect voted yes, one you expect
            abstained, and one you are unsure about. Check each in the explorer and look at
            its source. Was each vote what you expected?
            """),
        _code("country-explorer", _explorer_call(v, pair)),
    ]
    if pair is not None:
        a, b = (repr(x) for x in pair)
        other = pair[0] if pair[1] == v.ref else pair[1]
        cells += [
            _md("related", f"""
                ## Related votes

                The record has these other votes related to this one. The chart and table
                after the list follow the same states from {md_text(pair[0])} to
                {md_text(pair[1])} ({md_text(other)} is the closest related vote): who
                kept their vote and who moved. {_why_related(v, other)}
                """),
            _code("related-table", f'ut.show_table(ut.related_votes({r}), caption="Related '
                                   f'votes in the record")'),
            _code("shift-chart", f"ut.shift_chart({a}, {b})"),
            _code("shift-table", f'ut.show_table(ut.shift_table({a}, {b}), '
                                 f'caption="How the same states voted on both")'),
            _md("related-read", """
                **Your task:** which states changed their vote between the two? Did more
                states move towards yes or away from it?
                """),
        ]
    else:
        cells.append(_md("related", """
            ## Related votes

            The record names no other vote with the same agenda title or subject, so there
            is nothing to compare with here.
            """))
    cells.append(_md("related-trap", AGREEMENT_TRAP_MD))
    cells += [
        _md("checks", "## Check your understanding"),
        *[_code(f"quiz{i}", f"ut.lesson_check({r}, {kind!r})")
          for i, kind in enumerate(LESSON_CHECKS, start=1)],
        _md("key-points", f"""
            ## Key points

            - {v.yes}-{v.no}-{v.abstain}, with {v.non_voting} not voting: {v.voted} of
              {v.members} members voted.
            - Only yes and no count: {v.present} states were present and voting.
            - Unknown (grey) is a gap in the evidence, not a vote.
            - *Instructor:* the vote mattered because ______________________________.
            - *Instructor:* compared with the related votes, ______________________.
            - *Instructor:* ______________________________________________________.
            """),
        _md("cite", _citation(v)),
    ]
    return cells


# ------------------------------------------------------- the agreement trap (issue 22)
#: The related-vote section's warning before comparing states over many votes:
#: the trap in three sentences, then a worked example (made-up numbers, no record text).
AGREEMENT_TRAP_MD = """
    ### Before you compare states over many votes

    Most General Assembly texts pass by large majorities, so over *all* votes two states
    that vote yes on nearly everything look close, and a state that often votes no alone
    looks far from everyone. Raw agreement then mostly counts these lopsided votes, and it
    can rank two pairs of states in the wrong order. Count only contested votes (the losing
    side had at least 10% of the yes and no votes), give the number of votes compared, and
    read Cohen's kappa beside the share: it discounts the agreement that chance alone gives.

    *Worked example (made-up numbers):* in one year state A votes no alone on 100 texts that
    states B and C adopt, and on 20 contested texts A and B vote together against C. Over
    all 120 votes, B agrees with C 83% of the time and with A 17%; over the 20 contested
    votes, B agrees with A 100% of the time and with C 0%. `ut.affinity(state,
    votes="all")` gives the first reading; `ut.affinity(state)` (contested votes, the
    default) gives the second, each with its n and kappa.
    """


def _why_related(v: _Vote, other: str) -> str:
    """Why the related vote was chosen, as the record links the two."""
    r = related_votes(v.ref)
    hit = r[r["vote"].astype(str) == other]
    if hit.empty:
        return ""
    return (f"It is related by {md_text(hit['related_by'].iloc[0])}; of such votes it is "
            "the nearest in time.")


def _explorer_call(v: _Vote, pair: tuple[str, str] | None) -> str:
    """The explorer, filtered to this vote when the installed explorer can be."""
    import inspect

    from .widgets import country_explorer

    if "votes" in inspect.signature(country_explorer).parameters:
        return f"ut.country_explorer(votes=[{v.ref!r}])"
    return "ut.country_explorer()"


def _citation(v: _Vote) -> str:
    link = md_link(v.source_url)
    source = (f"The totals of this vote: {link}." if link else
              "The record gives no valid web address for this vote (only http and https "
              "addresses are shown)." if v.source_url else "")
    return textwrap.dedent(f"""\
        ## Sources and how to cite

        {source} Each state's vote carries its own source: see the explorer, the map's
        tooltips and {md_code(f"ut.load_votes({v.ref!r})")}.

        When you use the official voting data, cite: United Nations Dag Hammarskjöld
        Library, *General Assembly Voting Data*, United Nations, version N (month year),
        downloaded from <{UNDL_RECORD_URL}>, [download date].""")


def _notebook_metadata() -> dict[str, Any]:
    from ipykernel.ipkernel import IPythonKernel

    return {"kernelspec": dict(_KERNELSPEC), "language_info": dict(IPythonKernel.language_info)}


def _default_path(v: _Vote) -> Path:
    slug = re.sub(r"[^A-Za-z0-9.-]+", "_", v.ref.removeprefix("A/RES/")).strip("_")
    return Path(f"lesson_{slug}.ipynb")


def make_lesson(symbol: object, path: str | os.PathLike[str] | None = None, *,
                record: str | os.PathLike[str] | None = None,
                overwrite: bool = False) -> Path:
    """Write a lesson notebook for one recorded vote and return its path.

    Parameters
    ----------
    symbol : str
        The vote: a course id (``"ES-11/1"``), an adopted symbol
        (``"A/RES/68/262"``) or a draft symbol (``"A/68/L.39"``).
    path : str or path-like, optional
        Where to write the notebook (default ``lesson_<vote>.ipynb`` in the
        current folder).
    record : str or path-like, optional
        An official UN voting file: it is put in use here (as with
        :func:`unga_teach.use_official_record`, for this session too) to read
        the vote, and the notebook loads it itself with
        ``ut.use_official_record(...)`` after the setup cell, with the path
        as seen from the notebook's folder (relative when the file is inside
        that folder, else absolute), so the notebook runs from its own folder.
        Without it, the vote is read from the record in use, and the notebook
        uses the record in force where it runs (``UNGA_TEACH_UNDL``, or the
        course data).
    overwrite : bool, default False
        Replace an existing file (an instructor's edited lesson is otherwise
        kept) and write through a symbolic link to a notebook. Without it an
        existing file or any link is refused. The notebook is written whole
        or not at all (a temporary file renamed into place: see
        :func:`unga_teach.atomic_write_text`); its folder must exist.

    Returns
    -------
    pathlib.Path
        The notebook written (not executed: it has no outputs).

    Raises
    ------
    UngaTeachError
        For an unknown vote (:class:`~unga_teach.errors.UnknownResolutionError`),
        a procedural motion without a roll call, an empty path, a path that is
        a folder, a link, an existing file, or in a folder that is missing or
        cannot be written (:class:`~unga_teach.fileio.OutputPathError`).

    Examples
    --------
    >>> import tempfile, json
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     out = make_lesson("A/RES/68/262", Path(tmp) / "crimea.ipynb")
    ...     nb = json.loads(out.read_text(encoding="utf-8"))
    >>> nb["cells"][0]["source"][0]
    '# Lesson · Territorial integrity of Ukraine\\n'
    """
    import nbformat
    from nbformat.v4 import new_notebook

    from .fileio import atomic_write_text

    given = _check_record(record)
    if given is not None:
        from .official.install import use_official_record

        use_official_record(given)
    v = _vote(symbol)
    target = _target(path, v, overwrite)
    shown = record_path_for(given, target) if given is not None else None
    nb = new_notebook(cells=lesson_cells(symbol, record=shown))
    nb.metadata = _notebook_metadata()
    nbformat.validate(nb)
    text = nbformat.writes(nb)
    atomic_write_text(target, text if text.endswith("\n") else text + "\n",
                      overwrite=overwrite, follow_symlinks=overwrite, what="notebook")
    return target


def _check_record(record: str | os.PathLike[str] | None) -> Path | None:
    """The official file given with ``record``, checked (a clear error otherwise)."""
    if record is None:
        return None
    if not os.fspath(record).strip():
        raise UngaTeachError("The official file path (record, --record) is empty: give the "
                             "path of the CSV file.")
    p = Path(record).expanduser()
    try:
        if p.is_dir():
            raise UngaTeachError(f"The official file {p} is a folder, not a file: give the "
                                 "path of the CSV (or .csv.gz) file inside it.")
        if not p.exists():
            raise UngaTeachError(f"The official file {p} does not exist.")
    except OSError as exc:
        raise UngaTeachError(f"Cannot use the official file {p}: {exc.strerror or exc}") \
            from None
    return p


def _target(path: str | os.PathLike[str] | None, v: _Vote, overwrite: bool) -> Path:
    """The notebook to write, checked before anything is written (see :mod:`.fileio`)."""
    from .fileio import check_output_path

    if path is not None and not os.fspath(path).strip():
        raise UngaTeachError("The notebook path (path, --out) is empty: give a file name "
                             "ending in .ipynb.")
    target = Path(path).expanduser() if path is not None else _default_path(v)
    if target.suffix != ".ipynb":
        raise UngaTeachError(f"The lesson is a notebook: give a path ending in .ipynb, got "
                             f"{str(target)!r}.")
    real = check_output_path(target, overwrite=overwrite, follow_symlinks=overwrite,
                             what="notebook")
    if real.suffix != ".ipynb":
        raise UngaTeachError(f"{target} is a link to {real}, which is not a notebook: "
                             "refusing to replace it.")
    return real


def record_path_for(record: str | os.PathLike[str], notebook: str | os.PathLike[str]) -> str:
    """``record`` as the notebook writes it: relative inside the notebook's folder, else absolute.

    Examples
    --------
    >>> record_path_for("/data/ga.csv", "/data/lesson.ipynb")
    'ga.csv'
    >>> record_path_for("/data/ga.csv", "/home/me/lesson.ipynb")
    '/data/ga.csv'
    """
    absolute = Path(record).expanduser().absolute()
    folder = Path(notebook).expanduser().absolute().parent
    try:
        return str(absolute.relative_to(folder))
    except ValueError:
        return str(absolute)
