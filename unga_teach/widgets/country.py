"""The country explorer: one state's votes, groups and statements."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import pandas as pd

from ..errors import UnknownCountryError
from ..html import escape, html_table, link, vote_badge
from ..widget_text import TextHTML
from .panel import (
    UNKNOWN_RULE,
    UNKNOWN_TEXT,
    Panel,
    confidence_key,
    confidence_text,
    fmt_date,
    notice_box,
    plain_text,
    quotation,
    table_rows,
    unknown_rule_note,
)
from .vote_menus import official_note, vote_selection

__all__ = ["CountryExplorer", "country_explorer"]


class CountryExplorer(Panel):
    """One state's votes, group memberships and statements (see :func:`country_explorer`).

    Attributes
    ----------
    country : ipywidgets.Combobox
        Type-ahead of UN names; common names and ISO codes are accepted too.
    result_html : ipywidgets.HTML
        The state's votes, groups and statements.
    error_html : ipywidgets.HTML
        Friendly messages (unknown country, errors).
    iso3 : str or None
        The state shown, or None.
    history : pandas.DataFrame or None
        The state's vote history as shown (from :func:`unga_teach.vote_history`).
    """

    css_class = "ut-country-explorer"

    def __init__(self, initial: str | None = "Ghana", *, votes: object = None) -> None:
        super().__init__()
        from ..members import load_members

        #: the votes shown (None: the course series)
        self.votes: list[str] | None = vote_selection(votes)

        names = sorted(load_members()["name"].astype(str))
        self.country = widgets.Combobox(
            options=names,
            value="",
            placeholder="Type a country, e.g. Türkiye, Turkey, UK or FRA, then press Enter",
            description="Country:",
            ensure_option=False,
            continuous_update=False,
            layout=widgets.Layout(width="min(560px, 100%)"),
        )
        self.result_html = TextHTML("")
        self.iso3: str | None = None
        self.history: pd.DataFrame | None = None
        self._syncing = False
        self.country.observe(self._guard(self._on_change), names="value")
        self.children = [self.country, self.error_html, self.result_html]
        if initial:
            self.country.value = initial

    def _on_change(self, change: dict[str, Any]) -> None:
        if self._syncing:
            return
        self._show(change["new"])

    def _show(self, text: str) -> None:
        from ..members import find_country

        text = (text or "").strip()
        self.iso3 = None
        self.history = None
        if not text:
            self.result_html.value = ""
            return
        try:
            country = find_country(text)
        except UnknownCountryError as exc:
            msg = f"No state matches '{text}'."
            if exc.suggestions:
                msg += f" Did you mean {' or '.join(exc.suggestions)}?"
            else:
                msg += " Try the UN name (Türkiye), a common name (Turkey, UK) or a code (FRA)."
            self.result_html.value = ""
            self.error_html.value = notice_box(msg)
            return
        if self.country.value != country.name:
            self._syncing = True
            try:
                self.country.value = country.name
            finally:
                self._syncing = False
        self.iso3 = country.iso3
        parts = [f"<h3>{escape(country.name)} ({escape(country.iso3)})</h3>"]
        if country.is_member:
            parts.append(self._votes_section(country.iso3, country.name))
        else:
            parts.append(
                f"<p>{escape(country.name)} is a non-member observer state of the United "
                "Nations: it takes part in debates but cannot vote in the General Assembly.</p>"
            )
        parts.append(self._groups_section(country.iso3, country.name))
        parts.append(self._statements_section(country.iso3, country.name))
        self.result_html.value = "".join(parts)

    def _votes_section(self, iso3: str, name: str) -> str:
        from ..analysis import vote_history

        hist = (vote_history(iso3) if self.votes is None
                else vote_history(iso3, resolutions=self.votes)).reset_index(drop=True)
        self.history = hist
        rows = []
        for rec in hist.itertuples(index=False):
            vote = plain_text(rec.vote) or "unknown"
            known = vote != "unknown"
            rows.append({
                "date": fmt_date(rec.date),
                "resolution": plain_text(rec.resolution),
                "title": plain_text(rec.title),
                "vote": vote_badge(vote) if known else vote_badge("unknown", UNKNOWN_TEXT),
                "confidence": confidence_text(rec.confidence, vote),
                "source": link(rec.source_url, "source") if known and plain_text(rec.source_url)
                else "no source found",
            })
        n_known = int((hist["vote"].astype(str) != "unknown").sum()) if len(hist) else 0
        return (
            "<h4>Votes</h4>"
            + html_table(
                rows,
                {"date": "Date", "resolution": "Resolution", "title": "Title", "vote": "Vote",
                 "confidence": "How sure", "source": "Source"},
                caption=(f"How {name} voted on each resolution of the series "
                         if self.votes is None else f"How {name} voted on the chosen votes ")
                + f"({n_known} of {len(hist)} votes known from a source)",
            )
            + confidence_key(r["confidence"] for r in rows)
            + (unknown_rule_note(UNKNOWN_RULE) if n_known < len(hist) else "")
            + (official_note(self.votes) if self.votes is not None else "")
        )

    def _groups_section(self, iso3: str, name: str) -> str:
        from ..groups import load_groups
        from ..members import load_members

        members = load_members(include_observers=True)
        regional = members.loc[members["iso3"] == iso3, "un_regional_group"]
        region = plain_text(regional.iloc[0]) if len(regional) else ""
        parts = ["<h4>Groups</h4>"]
        parts.append(
            f"<p>UN regional group: <b>{escape(region)}</b></p>" if region
            else "<p>UN regional group: none (observer states are not in a regional group).</p>"
        )
        groups = load_groups()
        mine = groups[groups["iso3"] == iso3]
        if mine.empty:
            all_codes = ", ".join(sorted(groups["group"].astype(str).unique()))
            parts.append(f"<p>{escape(name)} belongs to none of the blocs in the course data "
                         f"({escape(all_codes)}).</p>")
        else:
            mine = mine.sort_values("group")
            table = table_rows({
                "group": mine["group"].astype(str),
                "name": mine["group_name"].astype(str),
                "as_of": [fmt_date(d) for d in mine["as_of"]],
                "source": [link(u, "source") for u in mine["source_url"]],
            })
            parts.append(html_table(
                table, {"group": "Group", "name": "Name", "as_of": "Membership as of",
                        "source": "Source"},
                caption=f"Blocs and organisations {name} belongs to"))
        return "".join(parts)

    def _statements_section(self, iso3: str, name: str) -> str:
        from ..statements import load_statements

        st = load_statements()
        st = st[st["speaker_iso3"].astype(str) == iso3].sort_values(["date", "statement_id"])
        if self.votes is not None:
            st = st[st["resolution"].astype(str).isin(self.votes)]
        parts = ["<h4>Statements</h4>"]
        if st.empty and self.votes is not None:
            parts.append(f"<p>No statement by {escape(name)} on these votes is recorded in the "
                         "course data.</p>")
            return "".join(parts)
        if st.empty:
            parts.append(f"<p>No statement by {escape(name)} is recorded in the course data.</p>")
            return "".join(parts)
        for rec in st.itertuples(index=False):
            speaker = plain_text(rec.speaker)
            role = plain_text(rec.role)
            state = plain_text(rec.speaker_state)
            date = fmt_date(rec.date)
            vote = plain_text(rec.vote_cast)
            rid = plain_text(rec.resolution)
            about = "the 2026 resolution" if rid == "2026" else rid
            head = f"{date} · on {about} · {speaker}"
            head += f", {role}" if role else ""
            item = [f"<p><b>{escape(head)}</b>"]
            if vote:
                item.append(f" — voted {vote_badge(vote)}")
            item.append("</p>")
            summary = plain_text(rec.summary)
            url = plain_text(rec.source_url)
            if summary:
                item.append(f"<p>{escape(summary)} <small><i>(summary in our words)</i></small>")
                if not plain_text(rec.quote):
                    item.append(f" <small>({link(url, 'source') if url else 'no source'})</small>")
                item.append("</p>")
            quote = plain_text(rec.quote)
            if quote:
                who = ", ".join(p for p in (speaker, role, state, date) if p)
                item.append(quotation(quote, who, url))
            parts.append('<div class="ut-statement" style="margin-bottom:8px">'
                         + "".join(item) + "</div>")
        return "".join(parts)


def country_explorer(initial: str | None = "Ghana", *, votes: object = None,
                     ) -> CountryExplorer:
    """Explore one state: its votes on the series (or chosen votes), its groups, its statements.

    Type a name in the box and press Enter. UN names, common names ("Turkey",
    "UK", "Ivory Coast") and ISO codes are accepted; unknown text gives a
    "Did you mean ...?" message.

    Parameters
    ----------
    initial : str or None, default "Ghana"
        The state shown first (any accepted name); None starts empty. The
        default is a state whose 2026 vote has a source (Ghana: reported yes),
        so the first screen shows a vote, not a gap.
    votes : list of str, optional
        The votes to show instead of the course series: any votes
        :func:`unga_teach.resolve_vote` accepts, or a
        :func:`unga_teach.search_votes` result (for example all 2024 votes
        on the Middle East, with an official record in use).

    Returns
    -------
    CountryExplorer
        A VBox; see its attributes ``country``, ``result_html``, ``error_html``.

    Examples
    --------
    >>> w = country_explorer("Turkey")
    >>> w.country.value, w.iso3
    ('Türkiye', 'TUR')
    >>> w.country.value = "Frnace"
    >>> "Did you mean France?" in w.error_html.value
    True
    """
    return CountryExplorer(initial, votes=votes)
