"""Self-check questions built from ipywidgets (no JavaScript, no hidden answers).

The right answer lives only in a private Python attribute: nothing in the
widgets' state marks it before the learner presses **Check**, so it cannot be
read off the page. Feedback says whether the choice is right, with a hint for
the wrong option chosen; the explanation appears only after a right answer.

The course's own questions live in a question bank (``questions/nbNN.toml``) and are
built with :func:`unga_teach.self_check`, so no notebook cell shows an answer.

Examples
--------
>>> from unga_teach.assess.quizzes import quiz
>>> q = quiz("How many states voted no in 2026?", ["12", "18", "51"], "12",
...          "The official record gives 107 yes, 12 no and 51 abstentions.")
>>> q.choices.value = "18"
>>> q.check_button.click()
>>> "Not quite" in q.feedback.value
True
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import Any

import ipywidgets as widgets

from ..errors import UngaTeachError
from ..html import SafeHTML, escape
from ..widget_text import TextHTML

__all__ = ["MatchingQuiz", "Quiz", "matching_quiz", "quiz"]


def _feedback(kind: str, text: str) -> SafeHTML:
    colours = {"right": "#0072B2", "wrong": "#D55E00", "info": "#777777"}
    return SafeHTML(
        f'<div role="status" style="border-left:4px solid {colours[kind]};padding:4px 8px">'
        f"{escape(text)}</div>"
    )


def _check_text(name: str, value: Any, *, allow_empty: bool = False) -> str:
    if not isinstance(value, str) or (not allow_empty and not value.strip()):
        raise UngaTeachError(f"{name} must be a non-empty string, got {value!r}.")
    return value


def _check_hints(hints: Mapping[str, str] | None, options: Sequence[str],
                 answer: str) -> dict[str, str]:
    """Validate ``hints`` (wrong option -> hint); return a copy."""
    if hints is None:
        return {}
    if not isinstance(hints, Mapping):
        raise UngaTeachError(
            f"hints must be a dict of option -> hint, got {type(hints).__name__}.")
    out: dict[str, str] = {}
    for option, hint in hints.items():
        if option not in options:
            raise UngaTeachError(f"hints has a hint for {option!r}, which is not an option.")
        if option == answer:
            raise UngaTeachError(
                f"hints has a hint for the right answer {option!r}: hints are for wrong "
                "options only.")
        out[option] = _check_text(f"the hint for {option!r}", hint)
    return out


def _guarded_click(owner: Any, fn: Any) -> Any:
    """Run ``fn`` on click; show an exception in the feedback area instead of the log."""

    def handler(_button: widgets.Button) -> None:
        try:
            fn()
        except Exception as exc:  # shown to the learner
            from ..widgets.panel import friendly_error

            owner.last_error = exc
            owner.feedback.value = friendly_error(exc)

    return handler


class Quiz(widgets.VBox):
    """A multiple-choice question with a Check button (see :func:`quiz`).

    Attributes
    ----------
    question_html : ipywidgets.HTML
    choices : ipywidgets.RadioButtons
        The options, nothing selected at first.
    check_button : ipywidgets.Button
    feedback : ipywidgets.HTML
    attempts : int
        Number of checks with an option selected.
    solved : bool
        True once the right option has been checked.
    """

    def __init__(
        self,
        question: str,
        options: Sequence[str],
        answer: str | int,
        explanation: str,
        *,
        shuffle: bool = False,
        seed: int | None = None,
        hints: Mapping[str, str] | None = None,
    ) -> None:
        question = _check_text("question", question)
        explanation = _check_text("explanation", explanation, allow_empty=True)
        if isinstance(options, str) or not isinstance(options, Sequence):
            raise UngaTeachError(
                f"options must be a list of strings, got {type(options).__name__}.")
        opts = list(options)  # a copy: the caller's list is never changed
        if len(opts) < 2:
            raise UngaTeachError(f"A question needs at least 2 options, got {len(opts)}.")
        seen: dict[str, str] = {}
        for i, opt in enumerate(opts):
            _check_text(f"options[{i}]", opt)
            key = " ".join(opt.split()).casefold()
            if key in seen:
                raise UngaTeachError(f"options has a duplicate: {opt!r} (same as {seen[key]!r}).")
            seen[key] = opt
        if isinstance(answer, bool) or not isinstance(answer, int | str):
            raise UngaTeachError(
                f"answer must be one of the options or its index, got {answer!r}.")
        if isinstance(answer, int):
            if not 0 <= answer < len(opts):
                raise UngaTeachError(
                    f"answer index {answer} is out of range: there are {len(opts)} options "
                    f"(0 to {len(opts) - 1}).")
            right = opts[answer]
        else:
            if answer not in opts:
                raise UngaTeachError(
                    f"answer {answer!r} is not among the options: "
                    + ", ".join(repr(o) for o in opts) + ".")
            right = answer
        hint_map = _check_hints(hints, opts, right)
        if shuffle:
            random.Random(seed).shuffle(opts)
        super().__init__()
        self._answer = right
        self._explanation = explanation
        self._hints = hint_map
        self.attempts = 0
        self.solved = False
        self.last_error: BaseException | None = None
        self.question_html = TextHTML(f"<p><b>{escape(question)}</b></p>")
        # the description is the control's label for screen readers
        self.choices = widgets.RadioButtons(options=tuple(opts), value=None,
                                            description="Your answer:",
                                            style={"description_width": "initial"},
                                            layout=widgets.Layout(width="auto"))
        self.check_button = widgets.Button(description="Check", button_style="primary",
                                           tooltip="Check your answer")
        self.feedback = TextHTML("")
        self.feedback.add_class("ut-quiz-feedback")
        self.add_class("ut-quiz")
        self.check_button.on_click(_guarded_click(self, self.check))
        self.choices.observe(self._on_select, names="value")
        self.children = [self.question_html, self.choices, self.check_button, self.feedback]

    def _on_select(self, _change: dict[str, Any]) -> None:
        self.feedback.value = ""  # old feedback no longer applies to the new choice

    def check(self) -> bool | None:
        """Check the selected option; return True/False, or None when none is selected."""
        choice = self.choices.value
        if choice is None:
            self.feedback.value = _feedback("info", "Choose an answer first, then press Check.")
            return None
        self.attempts += 1
        if choice == self._answer:
            self.solved = True
            text = "✓ Right."
            if self._explanation.strip():
                text += " " + self._explanation
            self.feedback.value = _feedback("right", text)
            return True
        hint = self._hints.get(choice, "")
        self.feedback.value = _feedback(
            "wrong", f"✗ Not quite: “{choice}” is not the right answer. "
            + (f"Hint: {hint} " if hint else "") + "Try again.")
        return False


def quiz(
    question: str,
    options: Sequence[str],
    answer: str | int,
    explanation: str,
    *,
    shuffle: bool = False,
    seed: int | None = None,
    hints: Mapping[str, str] | None = None,
) -> Quiz:
    """Build a multiple-choice self-check question.

    Notebooks use :func:`unga_teach.self_check` instead, which builds the
    course's questions from the question bank so that no notebook cell shows
    an answer.

    Parameters
    ----------
    question : str
        The question (shown escaped).
    options : list of str
        At least two distinct options. The list is copied, never changed.
    answer : str or int
        The right option, as its text or its index in ``options``.
    explanation : str
        Shown after a right answer (may be empty).
    shuffle : bool, default False
        Show the options in a random order.
    seed : int, optional
        Seed for ``shuffle``, for the same order on every run.
    hints : dict of str to str, optional
        Wrong option -> a hint shown when the learner picks it. A hint
        should point the way without naming the answer.

    Returns
    -------
    Quiz
        A VBox with ``question_html``, ``choices``, ``check_button`` and
        ``feedback``. It is not displayed: put the call last in a cell.

    Raises
    ------
    UngaTeachError
        Fewer than two options, a duplicate option, an answer that is not
        among the options (or an index out of range), a non-string text, or a
        hint for an option that does not exist or for the right answer.

    Examples
    --------
    >>> opts = ["Simple majority", "Two-thirds majority"]
    >>> q = quiz("Which rule did the 2026 text need?", opts, 0, "It was not an important question.")
    >>> q.check_button.click()
    >>> "Choose an answer" in q.feedback.value
    True
    >>> q.choices.value = "Simple majority"
    >>> q.check_button.click()
    >>> q.solved, opts == ["Simple majority", "Two-thirds majority"]
    (True, True)
    >>> q = quiz("2 + 2?", ["4", "5"], "4", "", hints={"5": "Count on your fingers."})
    >>> q.choices.value = "5"
    >>> q.check_button.click()
    >>> "Count on your fingers." in q.feedback.value
    True
    >>> quiz("?", ["a", "b"], "c", "")
    Traceback (most recent call last):
    ...
    unga_teach.errors.UngaTeachError: answer 'c' is not among the options: 'a', 'b'.
    """
    return Quiz(question, options, answer, explanation, shuffle=shuffle, seed=seed, hints=hints)


class MatchingQuiz(widgets.VBox):
    """Match each quotation with its speaker (see :func:`matching_quiz`).

    Attributes
    ----------
    prompt_html : ipywidgets.HTML
    quote_html : list of ipywidgets.HTML
        One per quotation, in the order given.
    dropdowns : list of ipywidgets.Dropdown
        One per quotation; "— choose —" (value ``""``) at first.
    marks : list of ipywidgets.HTML
        Empty until Check; then "✓ right" or "✗ not right" per row.
    check_button : ipywidgets.Button
    feedback : ipywidgets.HTML
    attempts : int
    solved : bool
    """

    _CHOOSE = "— choose —"

    def __init__(
        self,
        prompt: str,
        pairs: Mapping[str, str],
        explanation: str,
        *,
        extra_choices: Sequence[str] = (),
        hints: Mapping[str, str] | None = None,
    ) -> None:
        prompt = _check_text("prompt", prompt)
        explanation = _check_text("explanation", explanation, allow_empty=True)
        if not isinstance(pairs, Mapping):
            raise UngaTeachError(
                f"pairs must be a dict of quotation -> speaker, got {type(pairs).__name__}.")
        items = list(pairs.items())  # a copy
        if len(items) < 2:
            raise UngaTeachError(f"A matching quiz needs at least 2 pairs, got {len(items)}.")
        for quote, speaker in items:
            _check_text("a quotation", quote)
            _check_text(f"the speaker of {quote!r}", speaker)
        extras = [_check_text("extra_choices item", e) for e in extra_choices]
        row_hints: dict[str, str] = {}
        if hints is not None:
            if not isinstance(hints, Mapping):
                raise UngaTeachError(
                    f"hints must be a dict of quotation -> hint, got {type(hints).__name__}.")
            for quote, hint in hints.items():
                if quote not in pairs:
                    raise UngaTeachError(
                        f"hints has a hint for {quote!r}, which is not one of the quotations.")
                row_hints[quote] = _check_text(f"the hint for {quote!r}", hint)
        speakers = sorted({s for _, s in items} | set(extras), key=str.casefold)
        super().__init__()
        self._answers = [speaker for _, speaker in items]
        self._row_hints = [row_hints.get(quote, "") for quote, _ in items]
        self._explanation = explanation
        self.attempts = 0
        self.solved = False
        self.last_error: BaseException | None = None
        self.prompt_html = TextHTML(f"<p><b>{escape(prompt)}</b></p>")
        options = [(self._CHOOSE, ""), *((s, s) for s in speakers)]
        self.quote_html = [TextHTML(f"“{escape(q)}”", layout=widgets.Layout(width="auto"))
                           for q, _ in items]
        # each dropdown's description is its label for screen readers
        self.dropdowns = [widgets.Dropdown(options=options, value="",
                                           description=f"Quotation {i} said by:",
                                           style={"description_width": "initial"},
                                           layout=widgets.Layout(width="auto"))
                          for i in range(1, len(items) + 1)]
        self.marks = [TextHTML("") for _ in items]
        self.check_button = widgets.Button(description="Check", button_style="primary",
                                           tooltip="Check your matches")
        self.feedback = TextHTML("")
        self.feedback.add_class("ut-quiz-feedback")
        self.add_class("ut-matching-quiz")
        self.check_button.on_click(_guarded_click(self, self.check))
        for i, dd in enumerate(self.dropdowns):
            dd.observe(lambda _change, i=i: self._on_select(i), names="value")
        # One grid, so the quotations, menus and marks line up in columns (rows of
        # HBoxes were ragged: each menu started where its quotation ended).
        cells = [w for row in zip(self.quote_html, self.dropdowns, self.marks, strict=True)
                 for w in row]
        self.grid = widgets.GridBox(cells, layout=widgets.Layout(
            grid_template_columns="minmax(0, 3fr) max-content minmax(0, 2fr)",
            grid_gap="6px 12px", align_items="center", width="100%"))
        self.grid.add_class("ut-matching-grid")
        self.children = [self.prompt_html, self.grid, self.check_button, self.feedback]

    def _on_select(self, i: int) -> None:
        self.marks[i].value = ""
        self.feedback.value = ""

    def check(self) -> int | None:
        """Mark each row; return the number right, or None if a row has no choice yet."""
        chosen = [d.value for d in self.dropdowns]
        left = sum(not c for c in chosen)
        if left:
            self.feedback.value = _feedback(
                "info", f"Choose a speaker for every quotation ({left} left), then press Check.")
            return None
        self.attempts += 1
        right = 0
        for mark, got, want, hint in zip(self.marks, chosen, self._answers, self._row_hints,
                                         strict=True):
            ok = got == want
            right += ok
            text = "✓ right" if ok else "✗ not right" + (f". Hint: {hint}" if hint else "")
            mark.value = _feedback("right" if ok else "wrong", text)
        n = len(self._answers)
        if right == n:
            self.solved = True
            text = f"✓ All {n} right."
            if self._explanation.strip():
                text += " " + self._explanation
            self.feedback.value = _feedback("right", text)
        else:
            self.feedback.value = _feedback(
                "wrong", f"{right} of {n} right. Change the rows marked ✗ and check again.")
        return right


def matching_quiz(
    prompt: str,
    pairs: Mapping[str, str],
    explanation: str,
    *,
    extra_choices: Sequence[str] = (),
    hints: Mapping[str, str] | None = None,
) -> MatchingQuiz:
    """Build a quiz that matches quotations (or any items) with their speakers.

    Parameters
    ----------
    prompt : str
        The instruction shown above the rows.
    pairs : dict of str to str
        Quotation -> speaker, at least two. Several quotations may share a
        speaker. The dict is copied, never changed.
    explanation : str
        Shown once every row is right.
    extra_choices : list of str, optional
        Speakers to offer that match no quotation (distractors).
    hints : dict of str to str, optional
        Quotation -> a hint shown next to its row when the row is wrong.

    Returns
    -------
    MatchingQuiz
        A VBox with one Dropdown per quotation (speakers in alphabetical
        order, nothing chosen), ``check_button`` and ``feedback``.

    Examples
    --------
    >>> q = matching_quiz("Who said it?", {"quote one": "Ukraine", "quote two": "China"}, "")
    >>> q.dropdowns[0].value, q.dropdowns[1].value = "China", "China"
    >>> q.check_button.click()
    >>> "1 of 2 right" in q.feedback.value
    True
    """
    return MatchingQuiz(prompt, pairs, explanation, extra_choices=extra_choices, hints=hints)

