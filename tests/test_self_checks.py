"""The question bank: every notebook question is in it, none gives its answer away."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import ipywidgets as widgets
import pytest

import unga_teach as ut
from unga_teach.assess import self_checks
from unga_teach.assess.quizzes import MatchingQuiz, Quiz
from unga_teach.assess.self_checks import Question, SelfCheckSet, self_check, self_check_questions
from unga_teach.errors import UngaTeachError

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CALL = re.compile(r"""\bself_check\(\s*["']([^"']+)["']\s*\)""")
BANK = self_check_questions()
IDS = [q.id for q in BANK]


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    src = cell["source"]
    return src if isinstance(src, str) else "".join(src)


def _uses() -> dict[str, list[str]]:
    """Question id -> the notebooks whose code cells call ut.self_check(id)."""
    out: dict[str, list[str]] = {}
    for path in NOTEBOOKS:
        for cell in _cells(path):
            if cell["cell_type"] == "code":
                for qid in CALL.findall(_source(cell)):
                    out.setdefault(qid, []).append(path.name)
    return out


def _all_sources() -> list[tuple[str, str, str]]:
    """(notebook, cell type, source) for every cell of every notebook, outputs included."""
    out = []
    for path in NOTEBOOKS:
        for cell in _cells(path):
            out.append((path.name, cell["cell_type"], _source(cell)))
            for output in cell.get("outputs", []):
                out.append((path.name, "output", json.dumps(output, ensure_ascii=False)))
    return out


def descendants(w: widgets.Widget) -> Iterator[widgets.Widget]:
    yield w
    for child in getattr(w, "children", ()):
        yield from descendants(child)


def visible_strings(w: widgets.Widget) -> list[str]:
    """Every string a learner can see or read from the page (option labels excepted)."""
    out: list[str] = []
    for d in descendants(w):
        for key, value in d.get_state().items():
            if key == "_options_labels":
                continue
            values = value if isinstance(value, list | tuple) else [value]
            out.extend(str(v) for v in values if v is not None)
    return out


# ------------------------------------------------------------------ bank <-> notebooks
def test_the_bank_has_questions_for_every_notebook() -> None:
    assert {q.notebook for q in BANK} == {f"0{i}" for i in range(8)} | {"01a"}
    assert len(IDS) == len(set(IDS))


def test_every_id_a_notebook_uses_exists() -> None:
    missing = {qid: nbs for qid, nbs in _uses().items() if qid not in IDS}
    assert not missing, f"notebooks use ids that are not in the bank: {missing}"


def test_every_bank_entry_is_used_once_in_its_own_notebook() -> None:
    uses = _uses()
    for q in BANK:
        nbs = uses.get(q.id, [])
        assert len(nbs) == 1, f"{q.id} is used {len(nbs)} times: {nbs}"
        assert nbs[0].startswith(q.notebook + "_"), f"{q.id} is used in {nbs[0]}"


def test_no_notebook_builds_a_quiz_by_hand() -> None:
    for nb, kind, src in _all_sources():
        if kind == "code":
            assert not re.search(r"\b(?:matching_)?quiz\(", src), f"{nb}: {src[:80]}"


def test_every_answer_is_one_of_the_options_and_every_wrong_option_has_a_hint() -> None:
    for q in BANK:
        if q.kind == "choice":
            assert q.answer in q.options, q.id
            assert set(q.hints) == set(q.options) - {q.answer}, q.id
        else:
            assert len(q.answer) == len(q.quotations) >= 2, q.id
            assert set(q.answer) <= set(q.options), q.id
            assert set(q.hints) == set(q.quotations), q.id
        assert q.explanation.strip() and "{" not in q.prompt + q.explanation, q.id


def test_hints_do_not_name_the_answer() -> None:
    for q in BANK:
        answers = [q.answer] if isinstance(q.answer, str) else list(q.answer)
        for hint in q.hints.values():
            for answer in answers:
                assert answer.casefold() not in hint.casefold(), (q.id, hint)


def _words(text: str) -> int:
    return len(text.split())


def test_no_notebook_contains_an_answer_or_an_explanation() -> None:
    sources = _all_sources()
    for q in BANK:
        answers = [q.answer] if isinstance(q.answer, str) else list(q.answer)
        raw = next(e for e in self_checks._raw_bank() if e["id"] == q.id)
        for nb, kind, src in sources:
            flat = " ".join(src.split())
            for text in (q.explanation, raw["explanation"]):
                assert " ".join(text.split()) not in flat, f"{nb} shows the explanation of {q.id}"
            for answer in answers:
                # a long answer is a sentence of its own: nowhere in any notebook;
                # a short one ("Contradicted") must not appear as a literal in code
                if _words(answer) >= 4:
                    assert " ".join(answer.split()) not in flat, f"{nb} ({kind}) shows {q.id}"
                if kind == "code":
                    assert repr(answer) not in src and json.dumps(answer) not in src, (nb, q.id)
        if q.kind == "matching":
            for nb, kind, src in sources:
                if kind == "code":
                    assert not any(quote in src for quote in q.quotations), (nb, q.id)


# ---------------------------------------------------------------- the widgets
@pytest.mark.parametrize("qid", IDS)
def test_nothing_is_shown_before_the_learner_acts(qid: str) -> None:
    q = next(x for x in BANK if x.id == qid)
    w = self_check(qid)
    assert isinstance(w, Quiz | MatchingQuiz)
    assert "ut-self-check" in w._dom_classes
    strings = visible_strings(w)
    assert not any(q.explanation in s for s in strings)
    assert not any(h in s for h in q.hints.values() for s in strings)
    assert w.feedback.value == ""
    if isinstance(w, Quiz):
        assert w.choices.value is None and w.choices.index is None
        assert not any(s == q.answer for s in strings)
    else:
        assert all(d.value == "" for d in w.dropdowns)
        assert all(m.value == "" for m in w.marks)


@pytest.mark.parametrize("qid", [q.id for q in BANK if q.kind == "choice"])
def test_a_wrong_option_gives_its_hint_and_the_right_one_the_explanation(qid: str) -> None:
    q = next(x for x in BANK if x.id == qid)
    w = self_check(qid)
    assert isinstance(w, Quiz)
    for option, hint in q.hints.items():
        w.choices.value = option
        w.check_button.click()
        fb = w.feedback.value
        assert "Not quite" in fb and "Hint" in fb and not w.solved
        assert ut.html.escape(hint) in fb
        assert ut.html.escape(q.explanation) not in fb and ut.html.escape(q.answer) not in fb
    w.choices.value = q.answer
    w.check_button.click()
    assert w.solved and ut.html.escape(q.explanation) in w.feedback.value


def test_the_matching_question_marks_rows_with_hints() -> None:
    q = next(x for x in BANK if x.kind == "matching")
    w = self_check(q.id)
    assert isinstance(w, MatchingQuiz)
    wrong = next(s for s in q.options if s not in q.answer)  # the distractor
    for d in w.dropdowns:
        d.value = wrong
    w.check_button.click()
    assert "0 of" in w.feedback.value and not w.solved
    assert all("Hint" in m.value for m in w.marks)
    for d, speaker in zip(w.dropdowns, q.answer, strict=True):
        d.value = speaker
    w.check_button.click()
    assert w.solved and ut.html.escape(q.explanation) in w.feedback.value


def test_a_notebook_number_gives_all_its_checks() -> None:
    w = ut.self_check("01")
    assert isinstance(w, SelfCheckSet)
    assert [c.question_html.value for c in w.checks] == [
        self_check(q).question_html.value for q in ut.self_check_ids("01")]


@pytest.mark.parametrize(("ref", "message"), [
    ("03-share", "Did you mean '03-share-of-present'"),
    ("99", "No self-check '99'"),
    ("", "needs a question id"),
    (None, "needs a question id"),
])
def test_unknown_ids_are_clear_errors(ref: object, message: str) -> None:
    with pytest.raises(UngaTeachError, match=message):
        self_check(ref)  # type: ignore[arg-type]


def _with_bank(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, text: str) -> None:
    path = tmp_path / "nb01.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(self_checks, "BANK_DIR", tmp_path)
    self_checks._raw_bank.cache_clear()


GOOD = '''
[[question]]
id = "01-x"
notebook = "01"
kind = "choice"
prompt = "{v26.yes} yes?"
answer = "a"
explanation = "because"
[[question.option]]
text = "a"
[[question.option]]
text = "b"
hint = "not b"
'''


@pytest.mark.parametrize(("text", "message"), [
    ("this is [not toml", "not valid TOML"),
    ("", "no \\[\\[question\\]\\]"),
    (GOOD.replace('answer = "a"', 'answer = "c"'), "not one of the options"),
    (GOOD.replace('hint = "not b"', ""), "has no hint"),
    (GOOD.replace("{v26.yes}", "{v99.yes}"), "unknown template field"),
    (GOOD.replace("{v26.yes}", "{v26.nothing}"), "could not be filled"),
    (GOOD.replace('id = "01-x"', 'id = "02-x"'), "must start with its notebook"),
    (GOOD + GOOD, "used twice"),
    (GOOD.replace('kind = "choice"', 'kind = "essay"'), "kind must be"),
])
def test_a_broken_bank_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                        text: str, message: str) -> None:
    _with_bank(monkeypatch, tmp_path, text)
    try:
        with pytest.raises(UngaTeachError, match=message):
            self_check_questions()
    finally:
        monkeypatch.undo()
        self_checks._raw_bank.cache_clear()


def test_templates_are_filled_from_the_data(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    _with_bank(monkeypatch, tmp_path, GOOD)
    try:
        (q,) = self_check_questions()
        assert isinstance(q, Question) and q.prompt == "107 yes?"
    finally:
        monkeypatch.undo()
        self_checks._raw_bank.cache_clear()


def test_the_bank_ships_inside_the_package() -> None:
    assert self_checks.BANK_DIR.parent == Path(ut.__file__).parent / "assess"
    assert sorted(p.name for p in self_checks.BANK_DIR.glob("nb*.toml"))


# --------------------------------------------- what the questions say about the data
def _votes(state: str) -> dict[str, str]:
    h = ut.vote_history(state)
    return dict(zip(h["resolution"].astype(str), h["vote"].astype(str), strict=True))


def test_the_facts_the_questions_state_are_still_true() -> None:
    # 03-complete-category: every vote against is known, the other categories are not
    cov = ut.coverage().set_index("resolution").loc["2026"]
    v = ut.resolution_info("2026")
    assert int(cov["known_no"]) == int(v["no"])
    for cat in ("yes", "abstain", "non_voting"):
        assert int(cov[f"known_{cat}"]) < int(v[cat]), cat
    # 06-thirteen-against: Syria's 2026 vote is unknown; 05-us-2025-2026
    assert _votes("SYR")["2026"] == "unknown"
    usa = _votes("USA")
    assert (usa["ES-11/7"], usa["2026"]) == ("no", "abstain")
    assert all(usa[r] == "yes" for r in ("68/262", "ES-11/1", "ES-11/2", "ES-11/6"))


def test_the_assignment_agreement_question_matches_the_rule() -> None:
    # issue 11: the US vote on ES-11/2 is known (yes, UN record); the question now
    # uses two resolutions whose treatment differs
    assert ut.load_votes("ES-11/2").set_index("iso3").loc["USA", "vote"] == "yes"
    q = next(x for x in BANK if x.id == "07-agreement-rule")
    d = ut.agreement_detail("USA", "ISR").set_index("resolution")
    assert not bool(d.loc["68/262", "compared"])
    assert bool(d.loc["ES-11/5", "compared"]) and not bool(d.loc["ES-11/5", "same"])
    assert q.answer == "68/262 is left out of the comparison; ES-11/5 counts as a disagreement"
    assert "did not vote" in q.prompt and "abstained" in q.prompt


# ------------------------------------- the bank as learners see it (issue 17 statistics)
def _choice_questions() -> list[Question]:
    return [q for q in self_check_questions() if q.kind == "choice"]


def test_the_right_option_is_not_in_one_place() -> None:
    qs = _choice_questions()
    positions = [q.options.index(q.answer) for q in qs]
    for pos in set(positions):
        share = positions.count(pos) / len(qs)
        assert share <= 0.40, f"the answer is option {pos + 1} in {share:.0%} of the questions"


def test_the_right_option_is_rarely_the_longest() -> None:
    qs = _choice_questions()
    longest = [q for q in qs if all(len(str(q.answer)) > len(o) for o in q.options
                                    if o != q.answer)]
    share = len(longest) / len(qs)
    assert share <= 0.35, (f"the answer is strictly the longest option in {share:.0%}: "
                           f"{[q.id for q in longest]}")


def test_most_questions_have_four_options() -> None:
    qs = _choice_questions()
    share = sum(len(q.options) >= 4 for q in qs) / len(qs)
    assert share >= 0.60, f"only {share:.0%} of the choice questions have 4+ options"


def test_the_order_is_fixed_from_run_to_run() -> None:
    first = [q.options for q in _choice_questions()]
    self_checks._raw_bank.cache_clear()
    assert [q.options for q in _choice_questions()] == first
