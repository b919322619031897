"""Interactive explorers for the notebooks (ipywidgets 8).

Every builder returns a widget and never displays it: put the call last in a
cell. Child widgets are attributes (``w.country``, ``w.result_html``, ...), so a
test, or a curious learner, can drive a widget from code by setting ``.value``
or calling ``.click()``. Callbacks never fail silently: an error is shown, in
plain words, in the widget's ``error_html`` area. Text from data is always
HTML-escaped.

Examples
--------
>>> import unga_teach as ut
>>> calc = ut.majority_calculator()
>>> calc.yes.value = 10
>>> calc.simple_passes
False
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable
from typing import Any, ParamSpec, TypeVar

import ipywidgets as widgets
import pandas as pd

from .categories import VOTE_LABELS, VOTE_ORDER
from .errors import UngaTeachError, UnknownCountryError, UnknownResolutionError
from .html import SafeHTML, escape, html_table, link, vote_badge
from .types import MajorityRule

__all__ = [
    "CountryExplorer",
    "GroupExplorer",
    "MajorityCalculator",
    "ParagraphExplorer",
    "VoteComparer",
    "country_explorer",
    "group_explorer",
    "majority_calculator",
    "paragraph_explorer",
    "vote_comparer",
]

_log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")

#: Number of UN member states (every one can cast a vote).
MEMBERS = 193

UNKNOWN_TEXT = "unknown — no source found"

#: The one plain line shown under a table of votes that contains an unknown one.
UNKNOWN_RULE = ("unknown: no published source gives this state's vote yet; the course never "
                "guesses (see data/README.md)")
#: The same for tables of several states.
UNKNOWN_RULE_MANY = ("unknown: no published source gives these states' votes yet; the course "
                     "never guesses (see data/README.md)")

#: What each confidence level means, in plain words (shown with every vote).
#: (data/README.md, "How we decide what a vote was", defines them in full).
CONFIDENCE_WORDS = {
    "official": "official: the UN's own record",
    "confirmed": "confirmed: a copy of the UN record, or lists that agree with the totals",
    "reported": "reported: one credible source",
    "derived": "derived: worked out from other sources; see the source",
    "low": "low: one weak source with known errors; unsettled",
    "disputed": "disputed: sources disagree",
    "none": "none: no source",
}


def _unknown_rule(text: str) -> SafeHTML:
    """The plain line that says what 'unknown' means (escaped)."""
    return SafeHTML(f'<p class="ut-unknown-rule"><small>{escape(text)}</small></p>')


def _confidence_text(confidence: Any, vote: str) -> str:
    """The confidence level of a vote, one short word (``none`` for an unknown vote).

    The words are explained once under each table by :func:`_confidence_key`.
    """
    level = _text(confidence) or "none"
    if vote == "unknown":
        level = "none"
    return level


def _confidence_key(levels: Iterable[Any]) -> SafeHTML:
    """One small line under a table: what each "How sure" word in it means (escaped)."""
    found = [str(lvl) for lvl in levels]
    seen = [lvl for lvl in CONFIDENCE_WORDS if lvl in set(found)]
    seen += sorted(set(found) - set(seen))
    text = "; ".join(
        CONFIDENCE_WORDS.get(lvl, lvl).replace(": ", " = ", 1) for lvl in seen)
    return SafeHTML(f'<p class="ut-confidence-key"><small>How sure: {escape(text)}</small></p>')


# --------------------------------------------------------------------------- helpers


def _friendly_error(exc: BaseException) -> SafeHTML:
    """Return an escaped, plain-words message for an exception raised in a callback."""
    if isinstance(exc, UngaTeachError):
        text = str(exc)
    else:
        text = (
            f"Something went wrong while updating this widget ({type(exc).__name__}: {exc}). "
            "Run the cell again; if this happens again, tell your instructor."
        )
    return SafeHTML(
        '<div role="alert" style="color:#8a1c00;background:#fff4ef;border-left:4px solid '
        f'#D55E00;padding:4px 8px">⚠ {escape(text)}</div>'
    )


def _notice(text: str) -> SafeHTML:
    """An escaped informational message (not an error)."""
    return SafeHTML(
        '<div role="status" style="background:#f3f7fb;border-left:4px solid #0072B2;'
        f'padding:4px 8px">{escape(text)}</div>'
    )


def _fmt_date(value: Any) -> str:
    if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return ""
    try:
        return f"{pd.Timestamp(value):%d %b %Y}".replace(" ", "\u00a0")  # never broken
    except (TypeError, ValueError):
        return str(value)


def _text(value: Any) -> str:
    """Data value as plain text; missing values become ``""``."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value)


def _quotation(quote: str, attribution: str, url: str) -> SafeHTML:
    """A quotation in quotation marks, with its attribution and source link."""
    return SafeHTML(
        '<blockquote style="margin:4px 0 4px 12px;padding-left:8px;border-left:3px solid #999">'
        f"“{escape(quote)}”<br><small>— {escape(attribution)} "
        f"({link(url, 'source') if url else 'no source recorded'})</small></blockquote>"
    )


def _rows(columns: dict[str, Any]) -> list[dict[str, Any]]:
    """Column lists -> list of row dicts for :func:`html_table`.

    Row dicts keep :class:`SafeHTML` cells (badges, links) as they are; a
    pandas 3 DataFrame would turn them into plain strings, which get escaped.
    """
    names = list(columns)
    values = [list(v) for v in columns.values()]
    return [dict(zip(names, row, strict=True)) for row in zip(*values, strict=True)]


def _in_kernel() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipywidgets
        return False
    ip = get_ipython()
    return ip is not None and getattr(ip, "kernel", None) is not None


def _show_chart(out: widgets.Output, chart: Any) -> None:
    """Render ``chart`` into ``out`` when running in a kernel (no-op in plain Python)."""
    if not _in_kernel():
        return
    from IPython.display import display

    out.clear_output(wait=True)
    with out:
        display(chart)


def _show_spec(out: widgets.Output, spec: dict[str, Any]) -> None:
    """Draw a ready Vega-Lite 5 spec into ``out`` (no re-validation; kernel only).

    The spec was validated when its template was built, so the redraw costs a
    few milliseconds instead of a full Altair validation.
    """
    if not _in_kernel():
        return
    from IPython.display import display

    out.clear_output(wait=True)
    with out:
        display({"application/vnd.vegalite.v5+json": spec, "text/plain": "<shift chart>"},
                raw=True)


def _resolution_options(votes: list[str] | None = None) -> list[tuple[str, str]]:
    """Menu entries: the course series, or the chosen votes (any recorded vote)."""
    from .resolutions import load_resolutions, resolution_info

    if votes is not None:
        options = []
        for rid in votes:
            info = resolution_info(rid)
            options.append((f"{info['label']} — {info['title']}", rid))
        return options
    frame = load_resolutions(include_procedural=False)
    return [(f"{label} — {title}", str(rid)) for rid, label, title in
            zip(frame["id"], frame["label"], frame["title"], strict=True)]


def _series_id(ref: object, allowed: list[str] | None = None) -> str:
    """Resolve ``ref`` to a vote with a roll call (not the procedural motion).

    Any recorded vote of the official file is accepted (see
    :func:`unga_teach.resolve_vote`); with ``allowed``, it must be one of them.
    """
    from .resolutions import resolve_vote, series

    vote = resolve_vote(ref)
    ids = series()
    if vote.course and vote.id not in ids:
        raise UnknownResolutionError(
            f"{ref} (a procedural vote: official totals only, no per-country record)", ids
        )
    if allowed is not None and vote.id not in allowed:
        raise UngaTeachError(f"{vote.id} is not one of the votes offered here: "
                             f"{', '.join(allowed)}.")
    return vote.id


def _vote_selection(votes: object) -> list[str] | None:
    """The ids of a selection of votes (a list, or a search_votes result), or None."""
    if votes is None:
        return None
    from .analysis import resolution_ids

    ids = resolution_ids(votes)  # type: ignore[arg-type]
    for rid in ids:
        _series_id(rid)
    return ids


def _menu(votes: list[str] | None, wanted: Iterable[object]) -> list[str] | None:
    """The votes of a menu: ``votes``, or the series plus any other vote asked for."""
    if votes is not None:
        return votes
    from .resolutions import series

    ids = series()
    extra = [rid for rid in (_series_id(w) for w in wanted) if rid not in ids]
    return ids + list(dict.fromkeys(extra)) if extra else None


def _official_only(ids: Iterable[str]) -> list[str]:
    """The votes among ``ids`` known only from the official UN file."""
    from .resolutions import resolve_vote

    return [rid for rid in ids if not resolve_vote(rid).course]


def _official_note(ids: Iterable[str]) -> str:
    """A sentence for votes known only from the official file ("" when there are none)."""
    only = _official_only(ids)
    if not only:
        return ""
    which = escape(", ".join(only))
    return (f"<p><small>{which}: known only from the official UN voting record (every vote "
            "there has the UN record as its source). No statements or paragraphs are recorded "
            "for this vote in the course data.</small></p>")


class _Panel(widgets.VBox):
    """A VBox with an ``error_html`` area and a guard that shows callback errors there."""

    #: CSS class on the panel's root element: a stable hook for browser tests and styling.
    css_class = "ut-panel"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.add_class("ut-panel")
        self.add_class(self.css_class)
        self.error_html = widgets.HTML("")
        self.error_html.add_class("ut-error")
        #: The last exception caught in a callback (for instructors and tests).
        self.last_error: BaseException | None = None

    def _guard(self, fn: Callable[P, R]) -> Callable[P, R | None]:
        """Wrap a callback: clear the error area, run, show any exception in plain words."""

        @functools.wraps(fn)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R | None:
            self.error_html.value = ""
            try:
                return fn(*args, **kwargs)
            except Exception as exc:  # shown to the learner instead of the log console
                self.last_error = exc
                _log.debug("widget callback failed", exc_info=True)
                self.error_html.value = _friendly_error(exc)
                return None

        return wrapper


# --------------------------------------------------------------------------- country


class CountryExplorer(_Panel):
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

    def __init__(self, initial: str | None = "Ukraine", *, votes: object = None) -> None:
        super().__init__()
        from .members import load_members

        #: the votes shown (None: the course series)
        self.votes: list[str] | None = _vote_selection(votes)

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
        self.result_html = widgets.HTML("")
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
        from .members import find_country

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
            self.error_html.value = _notice(msg)
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
        from .analysis import vote_history

        hist = (vote_history(iso3) if self.votes is None
                else vote_history(iso3, resolutions=self.votes)).reset_index(drop=True)
        self.history = hist
        rows = []
        for rec in hist.itertuples(index=False):
            vote = _text(rec.vote) or "unknown"
            known = vote != "unknown"
            rows.append({
                "date": _fmt_date(rec.date),
                "resolution": _text(rec.resolution),
                "title": _text(rec.title),
                "vote": vote_badge(vote) if known else vote_badge("unknown", UNKNOWN_TEXT),
                "confidence": _confidence_text(rec.confidence, vote),
                "source": link(rec.source_url, "source") if known and _text(rec.source_url)
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
            + _confidence_key(r["confidence"] for r in rows)
            + (_unknown_rule(UNKNOWN_RULE) if n_known < len(hist) else "")
            + (_official_note(self.votes) if self.votes is not None else "")
        )

    def _groups_section(self, iso3: str, name: str) -> str:
        from .groups import load_groups
        from .members import load_members

        members = load_members(include_observers=True)
        regional = members.loc[members["iso3"] == iso3, "un_regional_group"]
        region = _text(regional.iloc[0]) if len(regional) else ""
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
            table = _rows({
                "group": mine["group"].astype(str),
                "name": mine["group_name"].astype(str),
                "as_of": [_fmt_date(d) for d in mine["as_of"]],
                "source": [link(u, "source") for u in mine["source_url"]],
            })
            parts.append(html_table(
                table, {"group": "Group", "name": "Name", "as_of": "Membership as of",
                        "source": "Source"},
                caption=f"Blocs and organisations {name} belongs to"))
        return "".join(parts)

    def _statements_section(self, iso3: str, name: str) -> str:
        from .statements import load_statements

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
            speaker = _text(rec.speaker)
            role = _text(rec.role)
            state = _text(rec.speaker_state)
            date = _fmt_date(rec.date)
            vote = _text(rec.vote_cast)
            rid = _text(rec.resolution)
            about = "the 2026 resolution" if rid == "2026" else rid
            head = f"{date} · on {about} · {speaker}"
            head += f", {role}" if role else ""
            item = [f"<p><b>{escape(head)}</b>"]
            if vote:
                item.append(f" — voted {vote_badge(vote)}")
            item.append("</p>")
            summary = _text(rec.summary)
            url = _text(rec.source_url)
            if summary:
                item.append(f"<p>{escape(summary)} <small><i>(summary in our words)</i></small>")
                if not _text(rec.quote):
                    item.append(f" <small>({link(url, 'source') if url else 'no source'})</small>")
                item.append("</p>")
            quote = _text(rec.quote)
            if quote:
                who = ", ".join(p for p in (speaker, role, state, date) if p)
                item.append(_quotation(quote, who, url))
            parts.append('<div class="ut-statement" style="margin-bottom:8px">'
                         + "".join(item) + "</div>")
        return "".join(parts)


def country_explorer(initial: str | None = "Ukraine", *, votes: object = None,
                     ) -> CountryExplorer:
    """Explore one state: its votes on the series (or chosen votes), its groups, its statements.

    Type a name in the box and press Enter. UN names, common names ("Turkey",
    "UK", "Ivory Coast") and ISO codes are accepted; unknown text gives a
    "Did you mean ...?" message.

    Parameters
    ----------
    initial : str or None, default "Ukraine"
        The state shown first (any accepted name); None starts empty.
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


# --------------------------------------------------------------------------- groups


class GroupExplorer(_Panel):
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
        from .groups import REGIONAL_GROUPS, group_names

        self.votes: list[str] | None = _vote_selection(votes)
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
        menu = _menu(self.votes, [resolution])
        self.resolution = widgets.Dropdown(options=_resolution_options(menu),
                                           value=_series_id(resolution, menu),
                                           description="Resolution:",
                                           layout=widgets.Layout(width="min(560px, 100%)"))
        self.result_html = widgets.HTML("")
        self.members_html = widgets.HTML("")
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
        from .groups import group_members
        from .votes import load_votes

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
        shown = _rows({
            "vote": [vote_badge(v) for v in VOTE_ORDER],
            "count": self.counts["count"],
            "share": [f"{c / n:.0%}" if n else "—" for c in self.counts["count"]],
        })
        parts: list[str] = [html_table(shown, {"vote": "Vote", "count": "Members",
                                                "share": "Share"},
                                       caption=f"{label}: how its {n} members voted on {rid}")]
        parts.append(self._cohesion_html(code, rid))
        parts.append(_official_note([rid]))
        self.result_html.value = "".join(parts)

        order = {v: i for i, v in enumerate(VOTE_ORDER)}
        sub["_order"] = sub["vote"].astype(str).map(order)
        sub = sub.sort_values(["_order", "name"])
        table = _rows({
            "name": sub["name"].astype(str).tolist(),
            "vote": [vote_badge(v) if v != "unknown" else vote_badge("unknown", UNKNOWN_TEXT)
                     for v in sub["vote"].astype(str)],
            "confidence": [_confidence_text(c, v) for c, v in
                           zip(sub["confidence"].astype(str), sub["vote"].astype(str),
                               strict=True)],
            "source": [link(u, "source") if _text(u) else "no source found"
                       for u in sub["source_url"]],
        })
        has_unknown = bool((sub["vote"].astype(str) == "unknown").any())
        table_levels = [r["confidence"] for r in table]
        self.members_html.value = html_table(
            table, {"name": "Member state", "vote": "Vote", "confidence": "How sure",
                    "source": "Source"},
            caption=f"Members of {label} and their votes on {rid}") + _confidence_key(
            table_levels) + (_unknown_rule(UNKNOWN_RULE_MANY) if has_unknown else "")

    def _cohesion_html(self, code: str, rid: str) -> str:
        try:
            from .analysis import cohesion

            value = float(cohesion(code, rid))
        except Exception as exc:  # optional figure: say why it is missing, keep the rest
            _log.debug("cohesion unavailable", exc_info=True)
            return f"<p>Cohesion: not available ({escape(exc)}).</p>"
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


# --------------------------------------------------------------------------- paragraphs


class ParagraphExplorer(_Panel):
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
        from .paragraphs import load_paragraphs

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
        self.position_html = widgets.HTML("")
        self.result_html = widgets.HTML("")
        self.es11_7_html = widgets.HTML(self._es11_7_elements())
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
        from .resolutions import resolution_info

        ids = [value for _, value in self.paragraph.options]
        i = ids.index(self.paragraph.value)
        self.prev_button.disabled = i == 0
        self.next_button.disabled = i == len(ids) - 1
        self.position_html.value = f"Paragraph {i + 1} of {len(ids)}"
        row = self._table.iloc[i]
        self.current = row
        part = _text(row["part"])
        pid = _text(row["paragraph_id"])
        parts = [f"<h4>{escape(pid)} — {escape(part)} paragraph</h4>"]
        parts.append(f"<p><b>What it says</b> <small>(our summary)</small>: "
                     f"{escape(_text(row['summary']))}</p>")
        wording = _text(row["reported_wording"])
        if wording:
            parts.append("<p><b>Reported wording</b> (as quoted in the source):</p>")
            parts.append(_quotation(wording, "draft A/ES-11/L.17, as reported",
                                    _text(row["wording_source_url"])))
        else:
            parts.append("<p><b>Reported wording:</b> no source found quotes this paragraph; "
                         "the summary above is in our words.</p>")
        targeted = [str(p) for p in
                    self._table.loc[self._table["targeted_by_us_motion"], "paragraph_id"]]
        motion = resolution_info("2026-division")
        totals = (f"{int(motion['yes'])} in favour, {int(motion['no'])} against, "
                  f"{int(motion['abstain'])} abstaining")
        verdict = "rejected" if int(motion["yes"]) <= int(motion["no"]) else "adopted"
        motion_src = link(_text(motion["source_url"]), "source")
        if bool(row["targeted_by_us_motion"]):
            outcome = _text(row["motion_outcome"]) or (
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
        compare = _text(row["compare_es11_7"])
        parts.append("<p><b>Compared with ES-11/7 (2025):</b> "
                     + (escape(compare) if compare else "no comparison recorded in the course "
                        "data.") + "</p>")
        note = _text(row["note"])
        src = _text(row["source_url"])
        parts.append(f"<p><small>Source: {link(src, 'report') if src else 'none recorded'}"
                     + (f". Note: {escape(note)}" if note else "") + "</small></p>")
        self.result_html.value = "".join(parts)

    @staticmethod
    def _es11_7_elements() -> str:
        from .paragraphs import load_paragraphs

        rows = load_paragraphs("ES-11/7")
        if rows.empty:
            return ""
        items = "".join(
            f"<li>{escape(_text(r.summary))} <small>({escape(_text(r.part))}; "
            f"{link(_text(r.source_url), 'source')})</small></li>"
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


# --------------------------------------------------------------------------- majority


class MajorityCalculator(_Panel):
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
        Says when a number was held back so the total stays at most 193.
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
        self.non_voting_html = widgets.HTML("")
        self.notice_html = widgets.HTML("")
        self.verdict = widgets.HTML("")
        self.verdict.add_class("ut-verdict")
        self.simple_passes: bool | None = None
        self.two_thirds_passes: bool | None = None
        self.predict = bool(predict)
        self.revealed = not self.predict
        self._initial = (yes, no, abstain)
        self._clamping = False
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
        self._clamping = True
        try:
            # lower everything first, so no intermediate total exceeds 193
            for box in (self.yes, self.no, self.abstain):
                box.value = 0
            for box, value in zip((self.yes, self.no, self.abstain), self._initial,
                                     strict=True):
                box.value = value
        finally:
            self._clamping = False
        self.revealed = not self.predict
        self.update()

    def _on_change(self, change: dict[str, Any]) -> None:
        if self._clamping:
            return
        if self.predict:
            self.revealed = False  # a new prediction: hide the old verdict
        owner = change["owner"]
        total = self.yes.value + self.no.value + self.abstain.value
        notice = ""
        if total > MEMBERS:
            allowed = owner.value - (total - MEMBERS)
            self._clamping = True
            try:
                owner.value = allowed
            finally:
                self._clamping = False
            notice = (f"The Assembly has {MEMBERS} members, so yes + no + abstain cannot exceed "
                      f"{MEMBERS}: {owner.description} was set to {allowed}.")
        self.update()
        self.notice_html.value = _notice(notice) if notice else ""

    def update(self) -> None:
        """Recompute the verdict for the current numbers."""
        from .analysis import majority_explanation, passes

        yes, no, abstain = self.yes.value, self.no.value, self.abstain.value
        non_voting = MEMBERS - yes - no - abstain
        self.notice_html.value = ""
        self.simple_passes = None
        self.two_thirds_passes = None
        self.non_voting_html.value = (
            f"<p>Non-voting: <b>{non_voting}</b> <small>({MEMBERS} members − {yes} yes − {no} "
            f"no − {abstain} abstaining)</small></p>")
        if not self.revealed:
            self.verdict.value = _notice(self.WAITING)
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
            rows.append({"rule": name, "result": SafeHTML(f"<b>{escape(mark)}</b>"),
                         "why": reason})
        self.verdict.value = html_table(
            rows, {"rule": "Rule", "result": "Result", "why": "Why"},
            caption=f"{yes} yes, {no} no, {abstain} abstaining, {non_voting} not voting")


def majority_calculator(yes: int = 107, no: int = 12, abstain: int = 51, *,
                        predict: bool = False) -> MajorityCalculator:
    """Try vote counts and see whether a text passes, by simple and two-thirds majority.

    Abstentions and states that do not vote are not counted among those
    "present and voting". Non-voting is 193 minus the rest; when a number
    would push the total over 193, it is held back and a notice says so.
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
        ``reset_button``, ``simple_passes``, ``two_thirds_passes``.

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
    """
    return MajorityCalculator(yes, no, abstain, predict=predict)


# --------------------------------------------------------------------------- comparer


def _states_cell(value: Any, names: dict[str, str]) -> SafeHTML:
    """State names (from ISO3 codes) for a transitions row; long lists fold away."""
    if isinstance(value, str):
        codes = [value] if value else []
    elif isinstance(value, Iterable):
        codes = [str(v) for v in value]
    else:
        codes = []
    shown = sorted(names.get(c, c) for c in codes)
    text = escape(", ".join(shown))
    if len(shown) <= 12:
        return SafeHTML(text)
    return SafeHTML(f"<details><summary>show {len(shown)} states</summary>{text}</details>")


def _confidence_summary(value: Any, a: str, b: str,
                        sure: dict[str, dict[str, str]]) -> str:
    """'ES-11/7: 93 confirmed; 2026: 80 reported, 3 derived' for a transitions row."""
    if isinstance(value, str):
        codes = [value] if value else []
    elif isinstance(value, Iterable):
        codes = [str(v) for v in value]
    else:
        codes = []
    parts = []
    for rid in dict.fromkeys((a, b)):
        counts: dict[str, int] = {}
        for code in codes:
            level = sure[rid].get(code, "none")
            counts[level] = counts.get(level, 0) + 1
        order = {lvl: i for i, lvl in enumerate(CONFIDENCE_WORDS)}
        text = ", ".join(f"{n} {'no source' if lvl == 'none' else lvl}" for lvl, n in
                         sorted(counts.items(), key=lambda kv: order.get(kv[0], 99)))
        parts.append(f"{rid}: {text}")
    return "; ".join(parts)


class VoteComparer(_Panel):
    """How states moved between two votes of the series (see :func:`vote_comparer`).

    Attributes
    ----------
    res_a, res_b : ipywidgets.Dropdown
    table_html : ipywidgets.HTML
        The transitions table.
    chart : altair.Chart or None
        The shift chart for the current pair.
    chart_output : ipywidgets.Output
        Where the chart is drawn in a notebook.
    table : pandas.DataFrame or None
        :func:`unga_teach.transitions` for the current pair.
    error_html : ipywidgets.HTML
    """

    css_class = "ut-vote-comparer"

    def __init__(self, res_a: object = "ES-11/7", res_b: object = "2026", *,
                 votes: object = None) -> None:
        super().__init__()
        self.votes: list[str] | None = _vote_selection(votes)
        default_pair = (res_a, res_b) == ("ES-11/7", "2026")
        if self.votes is not None and default_pair and not {"ES-11/7", "2026"} <= set(
                self.votes):
            res_a, res_b = self.votes[0], self.votes[min(1, len(self.votes) - 1)]
        menu = _menu(self.votes, [res_a, res_b])
        options = _resolution_options(menu)
        layout = widgets.Layout(width="min(560px, 100%)")
        self.res_a = widgets.Dropdown(options=options, value=_series_id(res_a, menu),
                                      description="From:", layout=layout)
        self.res_b = widgets.Dropdown(options=options, value=_series_id(res_b, menu),
                                      description="To:", layout=layout)
        self.table_html = widgets.HTML("")
        self.chart_output = widgets.Output()
        self.chart_spec: dict[str, Any] | None = None
        self.table: pd.DataFrame | None = None
        update = self._guard(self.update)
        self.res_a.observe(lambda _change: update(), names="value")
        self.res_b.observe(lambda _change: update(), names="value")
        self.children = [self.res_a, self.res_b, self.error_html, self.chart_output,
                         self.table_html]
        update()

    def update(self) -> None:
        """Recompute the table and chart for the selected pair."""
        from .analysis import transitions

        a, b = str(self.res_a.value), str(self.res_b.value)
        self.table = None
        self.chart_spec = None
        table = transitions(a, b).reset_index(drop=True)
        self.table = table
        from_v = table["from_vote"].astype(str)
        to_v = table["to_vote"].astype(str)
        known = (from_v != "unknown") & (to_v != "unknown")
        changed = int(table.loc[known & (from_v != to_v), "count"].sum())
        same = int(table.loc[known & (from_v == to_v), "count"].sum())
        unknown = int(table.loc[~known, "count"].sum())
        from .members import member_names
        from .votes import load_votes

        names = member_names()
        sure = {rid: dict(zip(v["iso3"].astype(str), v["confidence"].astype(str), strict=True))
                for rid, v in ((a, load_votes(a)), (b, load_votes(b)))}
        nonzero = table[table["count"] > 0]
        shown = _rows({
            "from": [vote_badge(v) for v in nonzero["from_vote"].astype(str)],
            "to": [vote_badge(v) for v in nonzero["to_vote"].astype(str)],
            "count": nonzero["count"].astype(int).tolist(),
            "states": [_states_cell(s, names) for s in nonzero["states"]],
            "sure": [_confidence_summary(s, a, b, sure) for s in nonzero["states"]],
        })
        note = ("<p>Both menus show the same vote: every state keeps its position.</p>"
                if a == b else "")
        self.table_html.value = (
            note
            + f"<p>From {escape(a)} to {escape(b)}: <b>{changed}</b> states changed position, "
            f"<b>{same}</b> kept it, and for <b>{unknown}</b> at least one of the two votes is "
            "unknown (no source).</p>"
            + html_table(shown, {"from": f"Vote on {a}", "to": f"Vote on {b}",
                                 "count": "States", "states": "Which states",
                                 "sure": "How sure (confidence of the votes)"},
                         caption=f"How states moved from {a} to {b} (combinations with no "
                                 "state are left out)")
            + (_unknown_rule(UNKNOWN_RULE_MANY) if unknown else "")
            + _official_note(dict.fromkeys((a, b)))
            + "<p><small>Each state's sources: type its name in "
              "<code>ut.country_explorer()</code>.</small></p>"
        )
        try:
            from . import charts

            self.chart_spec = charts.shift_chart_spec(a, b)
        except Exception as exc:  # the table above says the same; keep it
            self.last_error = exc
            _log.debug("shift chart failed", exc_info=True)
            self.error_html.value = _friendly_error(UngaTeachError(
                f"The chart could not be drawn ({type(exc).__name__}: {exc}); the table "
                "below has the same information."))
            return
        _show_spec(self.chart_output, self.chart_spec)

    @property
    def chart(self) -> Any:
        """The current shift chart as an Altair chart (built on access), or None."""
        if self.chart_spec is None:
            return None
        import altair as alt

        return alt.LayerChart.from_dict(self.chart_spec, validate=False)


def vote_comparer(res_a: object = "ES-11/7", res_b: object = "2026", *,
                  votes: object = None) -> VoteComparer:
    """Compare two votes of the series: who moved from which vote to which.

    Parameters
    ----------
    res_a, res_b : str
        Two resolutions of the series (id, symbol or draft).

    Returns
    -------
    VoteComparer
        A VBox; see its attributes ``res_a``, ``res_b``, ``table_html``,
        ``table``, ``chart``, ``chart_output``, ``error_html``.

    Raises
    ------
    UngaTeachError
        For a reference that is not a resolution of the series.

    Examples
    --------
    >>> w = vote_comparer("ES-11/7", "2026")
    >>> int(w.table["count"].sum())
    193
    >>> w.res_a.value = "ES-11/1"
    >>> "ES-11/1" in w.table_html.value
    True
    """
    return VoteComparer(res_a, res_b, votes=votes)
