"""Which votes an explorer offers: its menus, and the note for official-only votes.

An explorer shows the course series, or a selection of votes (a list, or a
:func:`unga_teach.search_votes` result). These helpers check a selection,
build the menu entries and say when a vote is known only from the official
UN record.

Examples
--------
>>> series_id("A/RES/ES-11/7")
'ES-11/7'
>>> vote_menu(None, ["2026"]) is None
True
>>> official_note(["2026"])
''
"""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import UngaTeachError, UnknownResolutionError
from ..html import escape

__all__ = ["official_note", "resolution_options", "series_id", "vote_menu", "vote_selection"]


def resolution_options(votes: list[str] | None = None) -> list[tuple[str, str]]:
    """Menu entries: the course series, or the chosen votes (any recorded vote)."""
    from ..resolutions import load_resolutions, resolution_info

    if votes is not None:
        options = []
        for rid in votes:
            info = resolution_info(rid)
            options.append((f"{info['label']} — {info['title']}", rid))
        return options
    frame = load_resolutions(include_procedural=False)
    return [(f"{label} — {title}", str(rid)) for rid, label, title in
            zip(frame["id"], frame["label"], frame["title"], strict=True)]


def series_id(ref: object, allowed: list[str] | None = None) -> str:
    """Resolve ``ref`` to a vote with a roll call (not the procedural motion).

    Any recorded vote of the official file is accepted (see
    :func:`unga_teach.resolve_vote`); with ``allowed``, it must be one of them.
    """
    from ..resolutions import resolve_vote, series

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


def vote_selection(votes: object) -> list[str] | None:
    """The ids of a selection of votes (a list, or a search_votes result), or None."""
    if votes is None:
        return None
    from ..analysis import resolution_ids

    ids = resolution_ids(votes)  # type: ignore[arg-type]
    for rid in ids:
        series_id(rid)
    return ids


def vote_menu(votes: list[str] | None, wanted: Iterable[object]) -> list[str] | None:
    """The votes of a menu: ``votes``, or the series plus any other vote asked for."""
    if votes is not None:
        return votes
    from ..resolutions import series

    ids = series()
    extra = [rid for rid in (series_id(w) for w in wanted) if rid not in ids]
    return ids + list(dict.fromkeys(extra)) if extra else None


def _official_only(ids: Iterable[str]) -> list[str]:
    """The votes among ``ids`` known only from the official UN file."""
    from ..resolutions import resolve_vote

    return [rid for rid in ids if not resolve_vote(rid).course]


def official_note(ids: Iterable[str]) -> str:
    """A sentence for votes known only from the official file ("" when there are none)."""
    only = _official_only(ids)
    if not only:
        return ""
    which = escape(", ".join(only))
    return (f"<p><small>{which}: known only from the official UN voting record (every vote "
            "there has the UN record as its source). No statements or paragraphs are recorded "
            "for this vote in the course data.</small></p>")
