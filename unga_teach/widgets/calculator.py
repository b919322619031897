"""The majority calculator: would a text pass with these votes?"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ..categories import MEMBER_STATE_COUNT
from ..errors import UngaTeachError
from ..html import SafeHTML, escape, html_table
from ..types import MajorityRule
from ..widget_text import TextHTML
from .panel import Panel, notice_box

__all__ = ["MEMBERS", "MajorityCalculator", "majority_calculator"]

#: Number of UN member states (every one can cast a vote).
MEMBERS = MEMBER_STATE_COUNT


class MajorityCalculator(Panel):
    """Would a text pass with these votes? (see :func:`majority_calculator`).

    Attributes
    ----------
    yes, no, abstain : ipywidgets.BoundedIntText
        Labelled number boxes (a screen reader names each one; sliders' handles
        have no accessible name in ipywidgets).
    non_voting_html : ipywidgets.HTML
        193 minus the votes and abstentions.
    verdict : ipywidgets.HTML
        The result under the simple and the two-thirds rule, with the reason.
    notice_html : ipywidgets.HTML
        Says why the numbers cannot happen when yes + no + abstain is more than
        the 193 members (the numbers typed are kept; no result is shown).
    impossible : bool
        True while yes + no + abstain is more than the members.
    error_html : ipywidgets.HTML
    check_button : ipywidgets.Button
        "Show result" (``predict=True`` only; hidden otherwise).
    reset_button : ipywidgets.Button
        Puts the numbers back to the starting values.
    predict : bool
        True when the verdict waits for **Show result**.
    revealed : bool
        Whether the verdict for the current numbers is shown.
    simple_passes, two_thirds_passes : bool or None
        None while the verdict is hidden.
    """

    css_class = "ut-majority-calculator"

    #: What the verdict area says while a prediction waits for "Show result".
    WAITING = ("Type the votes of your prediction, then press Show result to see whether "
               "the text would pass under each rule.")

    def __init__(self, yes: int = 107, no: int = 12, abstain: int = 51, *,
                 predict: bool = False) -> None:
        super().__init__()
        values = {"yes": yes, "no": no, "abstain": abstain}
        for name, value in values.items():
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise UngaTeachError(f"{name} must be a whole number from 0 to {MEMBERS}, "
                                     f"not {value!r}.")
        if sum(values.values()) > MEMBERS:
            raise UngaTeachError(
                f"yes + no + abstain = {sum(values.values())}, but the Assembly has only "
                f"{MEMBERS} members.")
        style = {"description_width": "80px"}
        layout = widgets.Layout(width="220px")
        self.yes = widgets.BoundedIntText(value=yes, min=0, max=MEMBERS, description="Yes",
                                     style=style, layout=layout)
        self.no = widgets.BoundedIntText(value=no, min=0, max=MEMBERS, description="No",
                                    style=style, layout=layout)
        self.abstain = widgets.BoundedIntText(value=abstain, min=0, max=MEMBERS,
                                         description="Abstain", style=style, layout=layout)
        self.non_voting_html = TextHTML("")
        self.notice_html = TextHTML("")
        self.verdict = TextHTML("")
        self.verdict.add_class("ut-verdict")
        self.simple_passes: bool | None = None
        self.two_thirds_passes: bool | None = None
        self.predict = bool(predict)
        self.revealed = not self.predict
        self._initial = (yes, no, abstain)
        self.impossible = False
        self._resetting = False
        self.check_button = widgets.Button(
            description="Show result", button_style="primary",
            tooltip="Show whether the text passes with these votes",
            layout=widgets.Layout(display=None if self.predict else "none"))
        self.reset_button = widgets.Button(
            description=f"Reset to {yes}-{no}-{abstain}",
            tooltip=f"Put the numbers back to {yes} yes, {no} no, {abstain} abstaining")
        self.check_button.on_click(self._guard(lambda _b: self.show_result()))
        self.reset_button.on_click(self._guard(lambda _b: self.reset()))
        handler = self._guard(self._on_change)
        for box in (self.yes, self.no, self.abstain):
            box.observe(handler, names="value")
        buttons = widgets.HBox([self.check_button, self.reset_button])
        self.children = [self.yes, self.no, self.abstain, self.non_voting_html,
                         self.notice_html, buttons, self.error_html, self.verdict]
        self._guard(self.update)()

    def show_result(self) -> None:
        """Reveal the verdict for the current numbers (the Show result button)."""
        self.revealed = True
        self.update()

    def reset(self) -> None:
        """Put the numbers back to the starting values (the Reset button).

        With ``predict=True`` the verdict is hidden again.
        """
        self._resetting = True
        try:
            for box, value in zip((self.yes, self.no, self.abstain), self._initial,
                                  strict=True):
                box.value = value
        finally:
            self._resetting = False
        self.revealed = not self.predict
        self.update()

    def _on_change(self, change: dict[str, Any]) -> None:
        if self._resetting:
            return
        if self.predict:
            self.revealed = False  # a new prediction: hide the old verdict
        self.update()

    def impossible_message(self) -> str:
        """Why the current numbers cannot happen ("" when they can).

        The numbers typed are kept as they are: the message names the limit
        instead of changing a number behind the learner's back.

        Examples
        --------
        >>> w = MajorityCalculator(107, 0, 0)
        >>> w.no.value = 107
        >>> print(w.impossible_message())  # doctest: +NORMALIZE_WHITESPACE
        These numbers cannot happen: 107 yes + 107 no + 0 abstaining = 214, but the
        Assembly has 193 members. With 107 yes, only 86 states are left to vote no or
        abstain. No result is shown until the total is 193 or less.
        """
        yes, no, abstain = self.yes.value, self.no.value, self.abstain.value
        total = yes + no + abstain
        if total <= MEMBERS:
            return ""
        return (f"These numbers cannot happen: {yes} yes + {no} no + {abstain} abstaining "
                f"= {total}, but the Assembly has {MEMBERS} members. With {yes} yes, only "
                f"{max(MEMBERS - yes, 0)} states are left to vote no or abstain. No result "
                f"is shown until the total is {MEMBERS} or less.")

    def update(self) -> None:
        """Recompute the verdict for the current numbers."""
        from ..analysis import majority_explanation, passes

        yes, no, abstain = self.yes.value, self.no.value, self.abstain.value
        non_voting = MEMBERS - yes - no - abstain
        self.simple_passes = None
        self.two_thirds_passes = None
        problem = self.impossible_message()
        self.impossible = bool(problem)
        self.notice_html.value = notice_box(problem) if problem else ""
        if problem:
            self.non_voting_html.value = (
                f"<p>Non-voting: <b>none possible</b> <small>({yes} + {no} + {abstain} is "
                f"more than the {MEMBERS} members)</small></p>")
            self.verdict.value = ""
            return
        self.non_voting_html.value = (
            f"<p>Non-voting: <b>{non_voting}</b> <small>({MEMBERS} members − {yes} yes − {no} "
            f"no − {abstain} abstaining)</small></p>")
        if not self.revealed:
            self.verdict.value = notice_box(self.WAITING)
            return
        rows = []
        rules: tuple[tuple[MajorityRule, str], ...] = (
            ("simple", "Simple majority"), ("two_thirds", "Two-thirds majority"))
        for rule, name in rules:
            ok = bool(passes(yes, no, rule=rule))
            reason = majority_explanation(yes, no, abstain, non_voting, rule=rule)
            if rule == "simple":
                self.simple_passes = ok
            else:
                self.two_thirds_passes = ok
            mark = "✓ adopted" if ok else "✗ not adopted"
            rows.append({"rule": name,
                         "result": SafeHTML(f'<b style="white-space:nowrap">{escape(mark)}</b>'),
                         "why": reason})
        self.verdict.value = html_table(
            rows, {"rule": "Rule", "result": "Result", "why": "Why"},
            caption=f"{yes} yes, {no} no, {abstain} abstaining, {non_voting} not voting")


def majority_calculator(yes: int = 107, no: int = 12, abstain: int = 51, *,
                        predict: bool = False) -> MajorityCalculator:
    """Try vote counts and see whether a text passes, by simple and two-thirds majority.

    Abstentions and states that do not vote are not counted among those
    "present and voting". Non-voting is 193 minus the rest. Numbers whose
    total is more than 193 cannot happen: they are kept as typed, no result
    is shown, and a notice says why (with so many yes, how many states are
    left).
    **Reset** puts the numbers back to the starting values.

    Parameters
    ----------
    yes, no, abstain : int
        Starting values (default: the 2026 vote, 107-12-51).
    predict : bool, default False
        For prediction tasks: the verdict stays hidden until the learner
        presses **Show result**, and hides again when a number changes, so each
        prediction is checked on purpose.

    Returns
    -------
    MajorityCalculator
        A VBox; see its attributes ``yes``, ``no``, ``abstain``, ``verdict``,
        ``non_voting_html``, ``notice_html``, ``check_button``,
        ``reset_button``, ``simple_passes``, ``two_thirds_passes``, ``impossible``.

    Raises
    ------
    UngaTeachError
        If a value is negative or not a whole number, or the total exceeds 193.

    Examples
    --------
    >>> w = majority_calculator(93, 24, 58)
    >>> w.simple_passes, w.two_thirds_passes
    (True, True)
    >>> w.yes.value = 40
    >>> w.two_thirds_passes
    False
    >>> w.reset_button.click()
    >>> w.yes.value, w.two_thirds_passes
    (93, True)
    >>> p = majority_calculator(predict=True)
    >>> p.abstain.value, p.no.value = 0, 60
    >>> p.simple_passes is None and "adopted" not in p.verdict.value
    True
    >>> p.check_button.click()
    >>> p.simple_passes, p.two_thirds_passes
    (True, False)
    >>> p.no.value = 107  # 107 + 107 + 0 is more than 193: kept, and explained
    >>> p.no.value, p.impossible, p.simple_passes
    (107, True, None)
    >>> "only 86 states are left" in p.notice_html.value
    True
    """
    return MajorityCalculator(yes, no, abstain, predict=predict)
