"""The group explorer: how the members of a bloc or UN regional group voted."""

from __future__ import annotations

import logging

import ipywidgets as widgets
import pandas as pd

from ..categories import VOTE_LABELS, VOTE_ORDER
from ..errors import UngaTeachError
from ..html import escape, html_table, link, vote_badge
from ..widget_text import TextHTML
from .panel import (
    UNKNOWN_RULE_MANY,
    UNKNOWN_TEXT,
    Panel,
    confidence_key,
    confidence_text,
    plain_text,
    table_rows,
    unknown_rule_note,
)
from .vote_menus import official_note, resolution_options, series_id, vote_menu, vote_selection

__all__ = ["GroupExplorer", "group_explorer"]

_log = logging.getLogger(__name__)


class GroupExplorer(Panel):
    """How the members of a bloc or UN regional group voted (see :func:`group_explorer`).

    Attributes
    ----------
    group, resolution : ipywidgets.Dropdown
        The group code (or regional group name) and the resolution id.
    result_html : ipywidgets.HTML
        Counts per vote category (unknown included) and the cohesion value.
    members_html : ipywidgets.HTML
        Each member and its vote.
    error_html : ipywidgets.HTML
    counts : pandas.DataFrame
        ``vote``, ``label``, ``count`` for the current choice.
    cohesion_value : float or None
    """

    css_class = "ut-group-explorer"

    def __init__(self, initial: str = "EU", resolution: object = "2026", *,
                 votes: object = None) -> None:
        super().__init__()
        from ..groups import REGIONAL_GROUPS, group_names

        self.votes: list[str] | None = vote_selection(votes)
        if self.votes is not None and resolution == "2026" and "2026" not in self.votes:
            resolution = self.votes[0]

        names = group_names()
        blocs = sorted(k for k in names if k not in REGIONAL_GROUPS)
        options = [(f"{code} — {names[code]}", code) for code in blocs]
        options += [(f"{g} (UN regional group)", g) for g in REGIONAL_GROUPS]
        by_key = {value.casefold(): value for _, value in options}
        key = str(initial).strip().casefold()
        if key not in by_key:
            raise UngaTeachError(
                f"Unknown group {initial!r}. Accepted: {', '.join(blocs)}, "
                f"or a UN regional group: {', '.join(REGIONAL_GROUPS)}."
            )
        self.group = widgets.Dropdown(options=options, value=by_key[key], description="Group:",
                                      layout=widgets.Layout(width="min(560px, 100%)"))
        menu = vote_menu(self.votes, [resolution])
        self.resolution = widgets.Dropdown(options=resolution_options(menu),
                                           value=series_id(resolution, menu),
                                           description="Resolution:",
                                           layout=widgets.Layout(width="min(560px, 100%)"))
        self.result_html = TextHTML("")
        self.members_html = TextHTML("")
        self.counts: pd.DataFrame | None = None
        self.cohesion_value: float | None = None
        update = self._guard(self.update)
        self.group.observe(lambda _change: update(), names="value")
        self.resolution.observe(lambda _change: update(), names="value")
        self.children = [self.group, self.resolution, self.error_html, self.result_html,
                         self.members_html]
        update()

    def update(self) -> None:
        """Recompute the tables for the current group and resolution."""
        from ..groups import group_members
        from ..votes import load_votes

        code = str(self.group.value)
        rid = str(self.resolution.value)
        label = str(self.group.label)
        self.counts = None
        self.cohesion_value = None
        members = group_members(code)
        votes = load_votes(rid)
        sub = votes[votes["iso3"].isin(members)].copy()
        counts = sub["vote"].astype(str).value_counts()
        self.counts = pd.DataFrame({
            "vote": list(VOTE_ORDER),
            "label": [VOTE_LABELS[v] for v in VOTE_ORDER],
            "count": [int(counts.get(v, 0)) for v in VOTE_ORDER],
        })
        n = len(sub)
        shown = table_rows({
            "vote": [vote_badge(v) for v in VOTE_ORDER],
            "count": self.counts["count"],
            "share": [f"{c / n:.0%}" if n else "—" for c in self.counts["count"]],
        })
        parts: list[str] = [html_table(shown, {"vote": "Vote", "count": "Members",
                                                "share": "Share"},
                                       caption=f"{label}: how its {n} members voted on {rid}")]
        parts.append(self._cohesion_html(code, rid))
        parts.append(official_note([rid]))
        self.result_html.value = "".join(parts)

        order = {v: i for i, v in enumerate(VOTE_ORDER)}
        sub["_order"] = sub["vote"].astype(str).map(order)
        sub = sub.sort_values(["_order", "name"])
        table = table_rows({
            "name": sub["name"].astype(str).tolist(),
            "vote": [vote_badge(v) if v != "unknown" else vote_badge("unknown", UNKNOWN_TEXT)
                     for v in sub["vote"].astype(str)],
            "confidence": [confidence_text(c, v) for c, v in
                           zip(sub["confidence"].astype(str), sub["vote"].astype(str),
                               strict=True)],
            "source": [link(u, "source") if plain_text(u) else "no source found"
                       for u in sub["source_url"]],
        })
        has_unknown = bool((sub["vote"].astype(str) == "unknown").any())
        table_levels = [r["confidence"] for r in table]
        self.members_html.value = html_table(
            table, {"name": "Member state", "vote": "Vote", "confidence": "How sure",
                    "source": "Source"},
            caption=f"Members of {label} and their votes on {rid}") + confidence_key(
            table_levels) + (unknown_rule_note(UNKNOWN_RULE_MANY) if has_unknown else "")

    def _cohesion_html(self, code: str, rid: str) -> str:
        try:
            from ..analysis import cohesion

            result = cohesion(code, rid)
            value = float(result)
        except Exception as exc:  # optional figure: say why it is missing, keep the rest
            _log.debug("cohesion unavailable", exc_info=True)
            return f"<p>Cohesion: not available ({escape(exc)}).</p>"
        if pd.isna(value) and str(result) != "nan":  # withheld: the value says why
            return (f"<p>Cohesion: withheld, {escape(str(result))} <small>(see "
                    "<code>help(ut.cohesion)</code>)</small>.</p>")
        if pd.isna(value):
            return "<p>Cohesion: not available (no member's vote is known).</p>"
        self.cohesion_value = value
        return (f"<p>Cohesion: <b>{value:.2f}</b> <small>(1 means every member whose vote is "
                "known voted the same way; see <code>help(ut.cohesion)</code>)</small></p>")


def group_explorer(initial: str = "EU", resolution: object = "2026", *,
                   votes: object = None) -> GroupExplorer:
    """Explore how the members of a bloc or UN regional group voted.

    Parameters
    ----------
    initial : str, default "EU"
        A bloc code (any case) or a UN regional group name.
    resolution : str, default "2026"
        A resolution of the series (id, symbol or draft).

    Returns
    -------
    GroupExplorer
        A VBox; see its attributes ``group``, ``resolution``, ``result_html``,
        ``members_html``, ``counts``, ``error_html``.

    Raises
    ------
    UngaTeachError
        For an unknown group or resolution.

    Examples
    --------
    >>> w = group_explorer("EU", "2026")
    >>> int(w.counts["count"].sum())
    27
    >>> w.group.value = "G7"
    >>> int(w.counts["count"].sum())
    7
    """
    return GroupExplorer(initial, resolution, votes=votes)
