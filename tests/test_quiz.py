"""The self-check quizzes: validation, feedback, escaping, and no answer leaks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import ipywidgets as widgets
import pytest

import unga_teach as ut
from unga_teach.assess.quizzes import MatchingQuiz, Quiz, matching_quiz, quiz
from unga_teach.errors import UngaTeachError

QUESTION = "How many states voted no on 24 February 2026?"
RIGHT = "Twelve states"
OPTIONS = ["Eighteen states", RIGHT, "Fifty-one states", "Five states"]
EXPLANATION = "Official record: 107 in favour, 12 against, 51 abstentions."
SCRIPT = "<script>alert(1)</script>"


def make(**kwargs: Any) -> Quiz:
    args: dict[str, Any] = {"question": QUESTION, "options": list(OPTIONS), "answer": RIGHT,
                            "explanation": EXPLANATION}
    args.update(kwargs)
    return quiz(**args)


def descendants(w: widgets.Widget) -> Iterator[widgets.Widget]:
    yield w
    for child in getattr(w, "children", ()):
        yield from descendants(child)


def state_strings(w: widgets.Widget, skip: tuple[str, ...] = ()) -> list[str]:
    """Every string in the synced state of ``w`` and its descendants."""
    out: list[str] = []
    for d in descendants(w):
        for key, value in d.get_state().items():
            if key in skip:
                continue
            values = value if isinstance(value, list | tuple) else [value]
            out.extend(str(v) for v in values if v is not None)
    return out


# -------------------------------------------------------------------------- building
def test_quiz_is_exported_and_returns_a_vbox() -> None:
    # unga_teach.quiz is both a sub-module and the exported function: after the
    # sub-module is imported (as here), ut.quiz(...) must still build a quiz
    q = ut.quiz(QUESTION, OPTIONS, RIGHT, EXPLANATION)
    assert isinstance(q, widgets.VBox) and isinstance(q, Quiz)
    assert q.choices.options == tuple(OPTIONS)
    assert q.choices.value is None and q.choices.index is None


def test_builder_does_not_display(capsys: pytest.CaptureFixture[str]) -> None:
    make()
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("answer", [RIGHT, 1])
def test_answer_as_text_or_index(answer: str | int) -> None:
    q = make(answer=answer)
    q.choices.value = RIGHT
    assert q.check() is True


def test_options_are_not_mutated() -> None:
    opts = list(OPTIONS)
    q = quiz(QUESTION, opts, RIGHT, EXPLANATION, shuffle=True, seed=3)
    assert opts == OPTIONS
    q.choices.value = RIGHT
    q.check_button.click()
    assert opts == OPTIONS
    assert tuple(sorted(q.choices.options)) == tuple(sorted(OPTIONS))


def test_tuple_options_work() -> None:
    q = quiz(QUESTION, tuple(OPTIONS), 1, EXPLANATION)
    assert q.choices.options == tuple(OPTIONS)


def test_shuffle_with_a_seed_is_repeatable_and_index_answer_follows_the_text() -> None:
    a = make(answer=1, shuffle=True, seed=7)
    b = make(answer=1, shuffle=True, seed=7)
    assert a.choices.options == b.choices.options
    orders = {make(shuffle=True, seed=s).choices.options for s in range(20)}
    assert len(orders) > 1
    a.choices.value = RIGHT
    assert a.check() is True


# ------------------------------------------------------------------------ validation
@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"answer": "Thirteen states"}, "not among the options"),
        ({"answer": 4}, "out of range"),
        ({"answer": -1}, "out of range"),
        ({"answer": True}, "one of the options or its index"),
        ({"answer": 1.0}, "one of the options or its index"),
        ({"options": ["only one"], "answer": 0}, "at least 2 options"),
        ({"options": [], "answer": 0}, "at least 2 options"),
        ({"options": ["Yes", "No", "Yes"], "answer": "No"}, "duplicate"),
        ({"options": ["Yes", " yes ", "No"], "answer": "No"}, "duplicate"),
        ({"options": "abc", "answer": "a"}, "list of strings"),
        ({"options": {"a", "b"}, "answer": "a"}, "list of strings"),
        ({"options": ["a", 2], "answer": "a"}, r"options\[1\]"),
        ({"options": ["a", ""], "answer": "a"}, r"options\[1\]"),
        ({"question": ""}, "question"),
        ({"question": None}, "question"),
        ({"explanation": None}, "explanation"),
    ],
)
def test_bad_input_is_a_clear_error(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(UngaTeachError, match=message):
        make(**kwargs)


def test_empty_explanation_is_allowed() -> None:
    q = make(explanation="")
    q.choices.value = RIGHT
    assert q.check() is True
    assert "Right" in q.feedback.value


# -------------------------------------------------------------------------- feedback
def test_check_with_nothing_selected_asks_to_choose() -> None:
    q = make()
    q.check_button.click()
    assert "Choose an answer first" in q.feedback.value
    assert q.attempts == 0 and not q.solved


def test_wrong_answer_says_so_without_a_hint() -> None:
    q = make()
    q.choices.value = "Eighteen states"
    q.check_button.click()
    fb = q.feedback.value
    assert "Not quite" in fb and "Try again" in fb
    assert RIGHT not in fb and EXPLANATION not in fb
    assert q.attempts == 1 and not q.solved


def test_right_answer_shows_the_explanation() -> None:
    q = make()
    q.choices.value = "Eighteen states"
    q.check_button.click()
    q.choices.value = RIGHT
    q.check_button.click()
    assert "Right" in q.feedback.value and EXPLANATION in q.feedback.value
    assert q.attempts == 2 and q.solved


def test_changing_the_choice_clears_old_feedback() -> None:
    q = make()
    q.choices.value = "Eighteen states"
    q.check_button.click()
    q.choices.value = "Five states"
    assert q.feedback.value == ""


def test_no_widget_state_marks_the_answer_before_an_attempt() -> None:
    q = make()
    # the options list contains the answer among the others: that is the question itself
    strings = state_strings(q, skip=("_options_labels",))
    assert not any(RIGHT in s for s in strings)
    assert not any(EXPLANATION in s for s in strings)
    assert q.choices.index is None
    # a wrong attempt reveals nothing either
    q.choices.value = "Five states"
    q.check_button.click()
    strings = state_strings(q, skip=("_options_labels",))
    assert not any(RIGHT in s or EXPLANATION in s for s in strings)


def test_text_is_escaped_everywhere() -> None:
    q = quiz(SCRIPT, [SCRIPT, "b"], 1, SCRIPT)
    assert "<script>" not in q.question_html.value
    q.choices.value = SCRIPT
    q.check_button.click()
    assert "<script>" not in q.feedback.value and "&lt;script&gt;" in q.feedback.value
    q.choices.value = "b"
    q.check_button.click()
    assert "<script>" not in q.feedback.value and "&lt;script&gt;" in q.feedback.value


def test_an_error_in_check_is_shown_in_the_widget(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(self: Quiz) -> None:
        raise RuntimeError("broken <b>")

    monkeypatch.setattr(Quiz, "check", boom)
    q = make()
    q.check_button.click()  # must not raise
    assert "Something went wrong" in q.feedback.value
    assert "&lt;b&gt;" in q.feedback.value
    assert isinstance(q.last_error, RuntimeError)


# --------------------------------------------------------------------- matching quiz
PAIRS = {
    "Weakening or removing this language would send a very dangerous signal": "Ukraine",
    "We believe we are closer to a deal than at any point since this war began":
        "United States of America",
    "politicised and openly provocative": "Russian Federation",
}


def test_matching_quiz_starts_empty_and_does_not_mutate_pairs() -> None:
    pairs = dict(PAIRS)
    q = matching_quiz("Who said it?", pairs, "See the statements table.")
    assert isinstance(q, MatchingQuiz)
    assert pairs == PAIRS
    assert all(d.value == "" and d.label == "— choose —" for d in q.dropdowns)
    assert all(m.value == "" for m in q.marks)
    speakers = [label for label, _ in q.dropdowns[0].options][1:]
    assert speakers == sorted(PAIRS.values(), key=str.casefold)


def test_matching_quiz_needs_every_row_chosen() -> None:
    q = matching_quiz("Who said it?", PAIRS, "")
    q.dropdowns[0].value = "Ukraine"
    q.check_button.click()
    assert "2 left" in q.feedback.value
    assert q.attempts == 0


def test_matching_quiz_marks_rows_and_shows_the_explanation_when_all_right() -> None:
    q = matching_quiz("Who said it?", PAIRS, "All three spoke on 24 February.")
    for d in q.dropdowns:
        d.value = "Ukraine"
    q.check_button.click()
    assert "1 of 3 right" in q.feedback.value
    assert "All three spoke" not in q.feedback.value
    assert "✓" in q.marks[0].value and "✗" in q.marks[1].value
    for d, speaker in zip(q.dropdowns, PAIRS.values(), strict=True):
        d.value = speaker
    assert q.marks[1].value == ""  # a changed row loses its old mark
    q.check_button.click()
    assert q.solved and "All 3 right" in q.feedback.value
    assert "All three spoke" in q.feedback.value


def test_matching_quiz_hides_the_pairing_before_an_attempt() -> None:
    q = matching_quiz("Who said it?", PAIRS, "EXPLANATION-TEXT",
                      extra_choices=["China"])
    for d in q.dropdowns:
        assert d.value == "" and d.index == 0
    strings = state_strings(q, skip=("_options_labels",))
    assert not any("EXPLANATION-TEXT" in s for s in strings)
    assert not any(s in PAIRS.values() for s in strings)
    assert "China" in [label for label, _ in q.dropdowns[0].options]


def test_matching_quiz_escapes_quotes_and_feedback() -> None:
    q = matching_quiz(SCRIPT, {SCRIPT: "A", "x": SCRIPT}, SCRIPT)
    assert "<script>" not in q.prompt_html.value
    assert "<script>" not in q.quote_html[0].value
    q.dropdowns[0].value = "A"
    q.dropdowns[1].value = SCRIPT
    q.check_button.click()
    assert q.solved and "<script>" not in q.feedback.value


@pytest.mark.parametrize(
    ("pairs", "message"),
    [
        ({"only": "one"}, "at least 2 pairs"),
        ([("a", "b"), ("c", "d")], "dict"),
        ({"a": "", "b": "c"}, "speaker"),
        ({"": "x", "b": "c"}, "quotation"),
    ],
)
def test_matching_quiz_validation(pairs: Any, message: str) -> None:
    with pytest.raises(UngaTeachError, match=message):
        matching_quiz("?", pairs, "")


# ------------------------------------------------------------------------ hints
def test_a_wrong_option_shows_its_hint_but_not_the_answer() -> None:
    q = make(hints={"Eighteen states": "Count the states against, not the non-voting ones."})
    q.choices.value = "Eighteen states"
    q.check_button.click()
    fb = q.feedback.value
    assert "Hint: Count the states against" in fb
    assert RIGHT not in fb and EXPLANATION not in fb
    q.choices.value = "Five states"  # no hint for this option: plain feedback
    q.check_button.click()
    assert "Hint" not in q.feedback.value and "Try again" in q.feedback.value


@pytest.mark.parametrize(("hints", "message"), [
    ({"Twelve states": "x"}, "right answer"),
    ({"Ninety states": "x"}, "not an option"),
    ({"Eighteen states": ""}, "hint"),
    (["Eighteen states"], "dict"),
])
def test_bad_hints_are_clear_errors(hints: Any, message: str) -> None:
    with pytest.raises(UngaTeachError, match=message):
        make(hints=hints)


def test_hints_are_escaped() -> None:
    q = make(hints={"Eighteen states": SCRIPT})
    q.choices.value = "Eighteen states"
    q.check_button.click()
    assert "<script>" not in q.feedback.value and "&lt;script&gt;" in q.feedback.value


def test_matching_quiz_row_hints_show_only_on_wrong_rows() -> None:
    quotes = list(PAIRS)
    q = matching_quiz("Who said it?", PAIRS, "", hints={quotes[1]: "Think of the talks."})
    for d in q.dropdowns:
        d.value = "Ukraine"
    q.check_button.click()
    assert "Hint" not in q.marks[0].value  # right row
    assert "Think of the talks." in q.marks[1].value
    with pytest.raises(UngaTeachError, match="not one of the quotations"):
        matching_quiz("?", PAIRS, "", hints={"who?": "x"})


def test_every_quiz_control_has_a_label() -> None:
    q = make()
    assert q.choices.description and q.check_button.description == "Check"
    m = matching_quiz("Who said it?", PAIRS, "")
    assert [d.description for d in m.dropdowns] == [
        f"Quotation {i} said by:" for i in range(1, len(PAIRS) + 1)]


def test_matching_quiz_rows_are_one_grid() -> None:
    """Quotations, menus and marks sit in the columns of one grid, row by row."""
    import ipywidgets as widgets

    m = matching_quiz("Who said it?", PAIRS, "")
    assert isinstance(m.grid, widgets.GridBox) and m.grid in m.children
    assert len(m.grid.layout.grid_template_columns.split(" ")) >= 3
    n = len(PAIRS)
    assert list(m.grid.children) == [w for i in range(n) for w in
                                     (m.quote_html[i], m.dropdowns[i], m.marks[i])]
