"""The course's self-check questions, kept in a question bank, not in the notebooks.

Every self-check of the course is one entry of the question bank,
``unga_teach/assess/questions/nbNN.toml`` (one file per notebook): id, notebook,
prompt, options, answer, explanation, and a hint for each wrong option.
Options are shown in a fixed shuffled order, seeded by the question's id (or
its ``seed``), so the right option's place says nothing and is the same on
every run. A notebook cell names the question only::

    ut.self_check("03-share-of-present")

so the answer and its explanation never appear in a notebook a learner reads.
Numbers in a question are read from the data when it is built: the bank holds
templates such as ``{v26.yes}`` (the names are listed in :data:`FIELDS`).

Examples
--------
>>> from unga_teach.assess.self_checks import self_check
>>> q = self_check("01-simple-majority")
>>> q.choices.value is None, q.feedback.value
(True, '')
>>> q.choices.value = q.choices.options[0]
>>> q.check_button.click()
>>> "Hint:" in q.feedback.value
True
"""

from __future__ import annotations

import difflib
import random
import string
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import ipywidgets as widgets

from ..errors import UngaTeachError
from .quizzes import MatchingQuiz, Quiz, matching_quiz, quiz

__all__ = [
    "FIELDS", "Question", "SelfCheckSet", "self_check", "self_check_ids", "self_check_questions",
    "shuffled_options",
]

#: The question bank shipped with the package: one ``nbNN.toml`` per notebook.
BANK_DIR = Path(__file__).with_name("questions")

#: Template names a question may use, e.g. ``{v26.yes}`` (all read from the loaders).
FIELDS: dict[str, str] = {
    "v26": "the 2026 vote: yes, no, abstain, non_voting, members, present (yes + no), voted "
           "(yes + no + abstain), yes_share (of present, '89.9%'), yes_share_of_members, "
           "yes_share_of_voted, result ('107-12-51'), title",
    "v22": "ES-11/1 (March 2022), same attributes as v26",
    "v25": "ES-11/7 (February 2025), same attributes as v26",
    "motion": "the 2026 US motion for division, same attributes as v26",
    "calc": "majority arithmetic for 2026: needed_simple, needed_two_thirds, defeat_simple, "
            "defeat_two_thirds (fewest no votes that defeat the 2026 yes votes), "
            "last_passing_no, last_passing_total (yes + last_passing_no), double_yes",
    "moved": "states that left the yes column from ES-11/1 to ES-11/7: left_yes, abstain, "
             "non_voting, no, unknown",
    "text": "reported wording: op1 (operative paragraph 1 of the 2026 text)",
    "usa_isr": "the votes of the United States and Israel, as phrases ('voted yes', 'did not "
               "vote'): usa_68_262, isr_68_262, usa_es11_5, isr_es11_5",
}

_KINDS = ("choice", "matching")


# --------------------------------------------------------------------------- facts
def _totals(ref: str) -> SimpleNamespace:
    from ..resolutions import resolution_info

    r = resolution_info(ref)
    yes, no, abstain = int(r["yes"]), int(r["no"]), int(r["abstain"])
    members = int(r["total_members"])
    present, voted = yes + no, yes + no + abstain
    return SimpleNamespace(
        yes=yes, no=no, abstain=abstain, non_voting=int(r["non_voting"]), members=members,
        present=present, voted=voted, title=str(r["title"]), result=f"{yes}-{no}-{abstain}",
        yes_share=f"{100 * yes / present:.1f}%",
        yes_share_of_members=f"{100 * yes / members:.1f}%",
        yes_share_of_voted=f"{100 * yes / voted:.1f}%",
    )


def _calc() -> SimpleNamespace:
    from ..analysis import passes, votes_needed

    v = _totals("2026")
    defeat_simple = next(n for n in range(1000) if not passes(v.yes, n))
    defeat_two = next(n for n in range(1000) if not passes(v.yes, n, rule="two_thirds"))
    return SimpleNamespace(
        needed_simple=votes_needed(v.present), needed_two_thirds=votes_needed(v.present,
                                                                              "two_thirds"),
        defeat_simple=defeat_simple, defeat_two_thirds=defeat_two,
        last_passing_no=defeat_two - 1, last_passing_total=v.yes + defeat_two - 1,
        double_yes=2 * v.yes,
    )


def _moved() -> SimpleNamespace:
    from ..analysis import transitions

    t = transitions("ES-11/1", "ES-11/7")
    left = t[(t["from_vote"].astype(str) == "yes") & (t["to_vote"].astype(str) != "yes")]
    counts = {str(k): int(c) for k, c in zip(left["to_vote"], left["count"], strict=True)}
    return SimpleNamespace(left_yes=sum(counts.values()),
                           **{k: counts.get(k, 0) for k in ("no", "abstain", "non_voting",
                                                           "unknown")})


def _text() -> SimpleNamespace:
    from ..paragraphs import load_paragraphs

    p = load_paragraphs("2026").set_index("paragraph_id")
    return SimpleNamespace(op1=str(p.loc["OP1", "reported_wording"]))


_PHRASES = {"yes": "voted yes", "no": "voted no", "abstain": "abstained",
            "non_voting": "did not vote", "unknown": "has no sourced vote"}


def _usa_isr() -> SimpleNamespace:
    from ..analysis import vote_history

    out = {}
    for state in ("USA", "ISR"):
        h = vote_history(state)
        votes = dict(zip(h["resolution"].astype(str), h["vote"].astype(str), strict=True))
        for rid in ("68/262", "ES-11/5"):
            key = f"{state.lower()}_{rid.lower().replace('/', '_').replace('-', '')}"
            out[key] = _PHRASES[votes[rid]]
    return SimpleNamespace(**out)


_FACT_BUILDERS: dict[str, Callable[[], SimpleNamespace]] = {
    "v26": lambda: _totals("2026"),
    "v22": lambda: _totals("ES-11/1"),
    "v25": lambda: _totals("ES-11/7"),
    "motion": lambda: _totals("2026-division"),
    "calc": _calc,
    "moved": _moved,
    "text": _text,
    "usa_isr": _usa_isr,
}


class _Facts(dict[str, SimpleNamespace]):
    """The template names, each read from the loaders on first use."""

    def __missing__(self, key: str) -> SimpleNamespace:
        builder = _FACT_BUILDERS.get(key)
        if builder is None:
            raise KeyError(key)
        value = self[key] = builder()
        return value


def _fill(template: str, facts: _Facts, where: str) -> str:
    """Fill ``{name.attr}`` fields; a clear error names the question and the field."""
    for _literal, name, _spec, _conv in string.Formatter().parse(template):
        if name is None:
            continue
        root = name.split(".", 1)[0].split("[", 1)[0]
        if root not in _FACT_BUILDERS or "[" in name or name.count(".") != 1:
            raise UngaTeachError(
                f"{where}: unknown template field {{{name}}}. Use {{name.attribute}} with a "
                f"name from: {', '.join(FIELDS)}.")
    try:
        return template.format_map(facts)
    except (AttributeError, KeyError, ValueError, IndexError) as exc:
        raise UngaTeachError(f"{where}: the template could not be filled ({exc}).") from None


# --------------------------------------------------------------------------- the bank
@dataclass(frozen=True)
class Question:
    """One self-check of the question bank, with its numbers filled in.

    Attributes
    ----------
    id, notebook, kind, prompt, explanation : str
    options : tuple of str
        ``choice``: the options, in the order shown. ``matching``: the speakers
        offered (answers and distractors), alphabetical.
    answer : str or tuple of str
        ``choice``: the right option. ``matching``: the speaker of each quotation.
    hints : dict of str to str
        ``choice``: wrong option -> hint. ``matching``: quotation -> hint.
    quotations : tuple of str
        ``matching`` only: the quotations, in order.
    """

    id: str
    notebook: str
    kind: str
    prompt: str
    options: tuple[str, ...]
    answer: str | tuple[str, ...]
    explanation: str
    hints: dict[str, str] = field(default_factory=dict)
    quotations: tuple[str, ...] = ()

    def build(self) -> Quiz | MatchingQuiz:
        """Build the self-check widget (not displayed)."""
        if self.kind == "matching":
            pairs = dict(zip(self.quotations, self.answer, strict=True))
            extras = [s for s in self.options if s not in set(self.answer)]
            w: Quiz | MatchingQuiz = matching_quiz(self.prompt, pairs, self.explanation,
                                                   extra_choices=extras, hints=self.hints)
        else:
            w = quiz(self.prompt, list(self.options), str(self.answer), self.explanation,
                     hints=self.hints)
        w.add_class("ut-self-check")
        return w


def _read_bank_file(path: Path) -> list[dict[str, Any]]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise UngaTeachError(f"The question bank file {path.name} is not valid TOML: {exc}."
                             ) from None
    entries = data.get("question", [])
    if not isinstance(entries, list):
        raise UngaTeachError(f"{path.name}: [[question]] entries expected.")
    return [dict(e, _file=path.name) for e in entries]


@cache
def _raw_bank() -> tuple[dict[str, Any], ...]:
    """The bank as parsed from TOML, checked for shape (no data read yet)."""
    files = sorted(BANK_DIR.glob("nb*.toml")) if BANK_DIR.is_dir() else []
    if not files:
        raise UngaTeachError(f"The question bank {BANK_DIR} is missing; reinstall the "
                             "package.")
    entries: list[dict[str, Any]] = []
    for path in files:
        entries.extend(_read_bank_file(path))
    if not entries:
        raise UngaTeachError(f"The question bank {BANK_DIR} has no [[question]] entry.")
    seen: set[str] = set()
    for i, entry in enumerate(entries, start=1):
        qid = entry.get("id")
        where = f"{entry['_file']}, question {i} ({qid!r})"
        for key in ("id", "notebook", "kind", "prompt", "explanation"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise UngaTeachError(f"{where}: {key!r} must be a non-empty string.")
        qid = str(entry["id"])
        if qid in seen:
            raise UngaTeachError(f"{where}: the id {qid!r} is used twice.")
        seen.add(qid)
        if not qid.startswith(entry["notebook"] + "-"):
            raise UngaTeachError(f"{where}: the id must start with its notebook, "
                                 f"{entry['notebook']!r} + '-'.")
        if entry["kind"] not in _KINDS:
            raise UngaTeachError(f"{where}: kind must be one of {', '.join(_KINDS)}.")
        if entry["kind"] == "choice":
            options = entry.get("option")
            if not isinstance(options, list) or len(options) < 2 or not all(
                    isinstance(o, dict) and isinstance(o.get("text"), str) for o in options):
                raise UngaTeachError(f"{where}: a choice question needs at least two "
                                     "[[question.option]] entries, each with a text.")
            if not isinstance(entry.get("answer"), str):
                raise UngaTeachError(f"{where}: 'answer' must be the text of one option.")
        else:
            if not isinstance(entry.get("statements"), list) or len(entry["statements"]) < 2:
                raise UngaTeachError(f"{where}: a matching question needs at least two "
                                     "statement ids in 'statements'.")
    return tuple(entries)


def shuffled_options(entry: dict[str, Any]) -> list[dict[str, Any]]:
    """A choice question's options in the order learners see them.

    The order is a shuffle seeded by the question's ``seed`` if it has one,
    else by its id: fixed from run to run, unrelated to the order written in
    the bank.

    Examples
    --------
    >>> entry = {"id": "xx-demo", "option": [{"text": t} for t in "abcd"]}
    >>> [o["text"] for o in shuffled_options(entry)] == [o["text"] for o in
    ...     shuffled_options(entry)]
    True
    """
    options = list(entry["option"])
    random.Random(str(entry.get("seed", entry["id"]))).shuffle(options)
    return options


def _render(entry: dict[str, Any], facts: _Facts) -> Question:
    where = f"{entry['_file']}, question {entry['id']!r}"

    def fill(text: str) -> str:
        return _fill(text, facts, where)

    if entry["kind"] == "matching":
        from ..statements import load_statements

        st = load_statements().set_index("statement_id")

        def speaker(sid: str) -> str:
            if sid not in st.index:
                raise UngaTeachError(f"{where}: statement {sid!r} is not in the statements "
                                     "data.")
            row = st.loc[sid]
            return f"{row['speaker_state']} ({row['speaker']})"

        quotes = []
        for sid in entry["statements"]:
            speaker(sid)
            quote = str(st.loc[sid, "quote"] or "")
            if not quote:
                raise UngaTeachError(f"{where}: statement {sid!r} has no recorded quotation.")
            quotes.append(quote)
        answers = tuple(speaker(sid) for sid in entry["statements"])
        extras = [speaker(sid) for sid in entry.get("distractors", [])]
        hints_by_id: Mapping[str, str] = entry.get("hints", {})
        unknown = set(hints_by_id) - set(entry["statements"])
        if unknown:
            raise UngaTeachError(f"{where}: hints for statements not in the question: "
                                 f"{', '.join(sorted(unknown))}.")
        hints = {q: fill(hints_by_id[sid]) for q, sid in
                 zip(quotes, entry["statements"], strict=True) if sid in hints_by_id}
        return Question(
            id=entry["id"], notebook=entry["notebook"], kind="matching",
            prompt=fill(entry["prompt"]),
            options=tuple(sorted(set(answers) | set(extras), key=str.casefold)),
            answer=answers, explanation=fill(entry["explanation"]), hints=hints,
            quotations=tuple(quotes))
    raw_options = shuffled_options(entry)
    options = tuple(fill(o["text"]) for o in raw_options)
    answer = fill(entry["answer"])
    if answer not in options:
        raise UngaTeachError(f"{where}: the answer {answer!r} is not one of the options.")
    hints = {}
    for opt, raw in zip(options, raw_options, strict=True):
        if opt == answer:
            if raw.get("hint"):
                raise UngaTeachError(f"{where}: the right option has a hint; hints are for "
                                     "wrong options.")
            continue
        if not isinstance(raw.get("hint"), str) or not raw["hint"].strip():
            raise UngaTeachError(f"{where}: the wrong option {opt!r} has no hint.")
        hints[opt] = fill(raw["hint"])
    return Question(id=entry["id"], notebook=entry["notebook"], kind="choice",
                    prompt=fill(entry["prompt"]), options=options, answer=answer,
                    explanation=fill(entry["explanation"]), hints=hints)


def self_check_ids(notebook: str | None = None) -> list[str]:
    """The ids in the question bank, in bank order (optionally one notebook's).

    Examples
    --------
    >>> self_check_ids("00")
    ['00-restart-and-run-all', '00-unconfirmed-vote']
    """
    return [e["id"] for e in _raw_bank() if notebook is None or e["notebook"] == notebook]


def self_check_questions(notebook: str | None = None) -> list[Question]:
    """Load the question bank, with numbers filled in from the data (for instructors).

    Parameters
    ----------
    notebook : str, optional
        ``"00"`` ... ``"07"``: only that notebook's questions.

    Returns
    -------
    list of Question
        In bank order. Each has ``prompt``, ``options``, ``answer``,
        ``explanation`` and ``hints``; ``.build()`` makes the widget.

    Raises
    ------
    UngaTeachError
        If the bank is malformed (missing field, answer not among the
        options, a wrong option without a hint, an unknown template field).

    Examples
    --------
    >>> q = self_check_questions("03")[0]
    >>> q.id, q.answer in q.options
    ('03-share-of-present', True)
    """
    facts = _Facts()
    return [_render(e, facts) for e in _raw_bank()
            if notebook is None or e["notebook"] == notebook]


class SelfCheckSet(widgets.VBox):
    """Several self-checks, one after the other (see :func:`self_check`).

    Attributes
    ----------
    checks : list of Quiz or MatchingQuiz
    """

    def __init__(self, checks: list[Quiz | MatchingQuiz]) -> None:
        super().__init__(children=checks)
        self.checks = checks
        self.add_class("ut-self-checks")


def self_check(ref: str) -> Quiz | MatchingQuiz | SelfCheckSet:
    """Build a self-check question of the course from the question bank.

    Parameters
    ----------
    ref : str
        A question id such as ``"03-share-of-present"``, or a notebook number
        such as ``"03"`` for all of that notebook's questions.

    Returns
    -------
    Quiz, MatchingQuiz or SelfCheckSet
        Nothing is selected and no answer or explanation is shown until the
        learner presses **Check**. A wrong choice shows a hint; a right one
        shows the explanation. Not displayed: put the call last in a cell.

    Raises
    ------
    UngaTeachError
        For an id that is not in the bank (with close matches).

    Examples
    --------
    >>> q = self_check("03-share-of-present")
    >>> q.choices.options[0] != q.choices.options[1]
    True
    >>> len(self_check("03").checks) == len(self_check_ids("03"))
    True
    >>> self_check("03-share")
    Traceback (most recent call last):
    ...
    unga_teach.errors.UngaTeachError: No self-check '03-share'. Did you mean ...
    """
    if not isinstance(ref, str) or not ref.strip():
        raise UngaTeachError(f"self_check needs a question id such as '03-share-of-present', "
                             f"got {ref!r}.")
    ref = ref.strip()
    ids = self_check_ids()
    if ref in ids:
        entry = next(e for e in _raw_bank() if e["id"] == ref)
        return _render(entry, _Facts()).build()
    notebooks = sorted({e["notebook"] for e in _raw_bank()})
    if ref in notebooks:
        return SelfCheckSet([q.build() for q in self_check_questions(ref)])
    close = difflib.get_close_matches(ref, ids, n=3, cutoff=0.5)
    close += [i for i in ids if i.startswith(ref) and i not in close][:3]
    hint = f" Did you mean {' or '.join(repr(c) for c in close[:3])}?" if close else ""
    raise UngaTeachError(
        f"No self-check {ref!r}.{hint} Use an id from ut.self_check_ids(), or a notebook "
        f"number ({', '.join(notebooks)}) for all of its questions.")
