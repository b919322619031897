"""The paragraph explorer: the 2026 text paragraph by paragraph, with the US motion."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from ..errors import UngaTeachError
from ..html import escape, link
from ..widget_text import TextHTML
from .panel import Panel, plain_text, quotation

__all__ = ["ParagraphExplorer", "paragraph_explorer"]


class ParagraphExplorer(Panel):
    """Walk the 2026 text paragraph by paragraph (see :func:`paragraph_explorer`).

    Attributes
    ----------
    paragraph : ipywidgets.Dropdown
        The paragraph id (``PP1``, ..., ``OP3``).
    prev_button, next_button : ipywidgets.Button
    position_html, result_html, es11_7_html, error_html : ipywidgets.HTML
    current : pandas.Series or None
        The row of :func:`unga_teach.load_paragraphs` shown.
    """

    css_class = "ut-paragraph-explorer"

    def __init__(self, start: str | None = None) -> None:
        super().__init__()
        from ..paragraphs import load_paragraphs

        self._table = load_paragraphs("2026").reset_index(drop=True)
        ids = self._table["paragraph_id"].astype(str).tolist()
        if not ids:
            raise UngaTeachError("No paragraphs of the 2026 text are in the course data.")
        if start is not None and start not in ids:
            raise UngaTeachError(f"Unknown paragraph {start!r}. Accepted: {', '.join(ids)}.")
        options = [(f"{pid} ({part})", pid) for pid, part in
                   zip(ids, self._table["part"].astype(str), strict=True)]
        self.paragraph = widgets.Dropdown(options=options, value=start or ids[0],
                                          description="Paragraph:")
        self.prev_button = widgets.Button(description="◀ Previous", tooltip="Previous paragraph")
        self.next_button = widgets.Button(description="Next ▶", tooltip="Next paragraph")
        self.position_html = TextHTML("")
        self.result_html = TextHTML("")
        self.es11_7_html = TextHTML(self._es11_7_elements())
        self.current: pd.Series | None = None
        update = self._guard(self.update)
        self.paragraph.observe(lambda _change: update(), names="value")
        self.prev_button.on_click(self._guard(lambda _b: self._step(-1)))
        self.next_button.on_click(self._guard(lambda _b: self._step(+1)))
        nav = widgets.HBox([self.prev_button, self.paragraph, self.next_button,
                            self.position_html])
        self.children = [nav, self.error_html, self.result_html, self.es11_7_html]
        update()

    def _step(self, delta: int) -> None:
        ids = [value for _, value in self.paragraph.options]
        i = ids.index(self.paragraph.value) + delta
        if 0 <= i < len(ids):
            self.paragraph.value = ids[i]

    def update(self) -> None:
        """Show the selected paragraph and set the buttons."""
        from ..resolutions import resolution_info

        ids = [value for _, value in self.paragraph.options]
        i = ids.index(self.paragraph.value)
        self.prev_button.disabled = i == 0
        self.next_button.disabled = i == len(ids) - 1
        self.position_html.value = f"Paragraph {i + 1} of {len(ids)}"
        row = self._table.iloc[i]
        self.current = row
        part = plain_text(row["part"])
        pid = plain_text(row["paragraph_id"])
        parts = [f"<h4>{escape(pid)} — {escape(part)} paragraph</h4>"]
        parts.append(f"<p><b>What it says</b> <small>(our summary)</small>: "
                     f"{escape(plain_text(row['summary']))}</p>")
        wording = plain_text(row["reported_wording"])
        if wording:
            parts.append("<p><b>Reported wording</b> (as quoted in the source):</p>")
            parts.append(quotation(wording, "draft A/ES-11/L.17, as reported",
                                    plain_text(row["wording_source_url"])))
        else:
            parts.append("<p><b>Reported wording:</b> no source found quotes this paragraph; "
                         "the summary above is in our words.</p>")
        targeted = [str(p) for p in
                    self._table.loc[self._table["targeted_by_us_motion"], "paragraph_id"]]
        motion = resolution_info("2026-division")
        totals = (f"{int(motion['yes'])} in favour, {int(motion['no'])} against, "
                  f"{int(motion['abstain'])} abstaining")
        verdict = "rejected" if int(motion["yes"]) <= int(motion["no"]) else "adopted"
        motion_src = link(plain_text(motion["source_url"]), "source")
        if bool(row["targeted_by_us_motion"]):
            outcome = plain_text(row["motion_outcome"]) or (
                f"The motion was {verdict} ({totals}).")
            parts.append(
                "<p><b>US motion for division: targeted.</b> The United States asked for "
                f"separate votes on {escape(' and '.join(targeted))}. {escape(outcome)} "
                f"<small>(official totals of the motion: {escape(totals)}; {motion_src})"
                "</small></p>")
        else:
            parts.append(
                "<p><b>US motion for division:</b> not targeted. The motion concerned "
                f"{escape(' and '.join(targeted))} only and was {verdict} "
                f"({escape(totals)}; {motion_src}).</p>")
        compare = plain_text(row["compare_es11_7"])
        parts.append("<p><b>Compared with ES-11/7 (2025):</b> "
                     + (escape(compare) if compare else "no comparison recorded in the course "
                        "data.") + "</p>")
        note = plain_text(row["note"])
        src = plain_text(row["source_url"])
        parts.append(f"<p><small>Source: {link(src, 'report') if src else 'none recorded'}"
                     + (f". Note: {escape(note)}" if note else "") + "</small></p>")
        self.result_html.value = "".join(parts)

    @staticmethod
    def _es11_7_elements() -> str:
        from ..paragraphs import load_paragraphs

        rows = load_paragraphs("ES-11/7")
        if rows.empty:
            return ""
        items = "".join(
            f"<li>{escape(plain_text(r.summary))} <small>({escape(plain_text(r.part))}; "
            f"{link(plain_text(r.source_url), 'source')})</small></li>"
            for r in rows.itertuples(index=False)
        )
        return ("<details><summary>Elements of ES-11/7 (2025) that reports on the 2026 text "
                f"do not mention</summary><ul>{items}</ul></details>")


def paragraph_explorer(start: str | None = None) -> ParagraphExplorer:
    """Walk the 2026 text paragraph by paragraph, with the US motion for division.

    For each paragraph: its part, our summary, the wording as reported (a
    quotation with its source), whether the US motion for division targeted
    it and what happened, and the comparison with ES-11/7 where known.

    Parameters
    ----------
    start : str, optional
        Paragraph id to show first (default: the first one).

    Returns
    -------
    ParagraphExplorer
        A VBox; see its attributes ``paragraph``, ``prev_button``,
        ``next_button``, ``result_html``, ``error_html``.

    Examples
    --------
    >>> w = paragraph_explorer()
    >>> w.paragraph.value, w.prev_button.disabled
    ('PP1', True)
    >>> w.next_button.click()
    >>> w.paragraph.value, "targeted" in w.result_html.value
    ('PP2', True)
    """
    return ParagraphExplorer(start)
