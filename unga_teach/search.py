"""Find recorded votes by words of the title, year, session or subject: :func:`search_votes`.

With an official record in use (:func:`unga_teach.use_official_record` or
``UNGA_TEACH_UNDL``) every recorded vote of the file is searched; without it,
only the votes of the course, and the result says how to get the full record.

Examples
--------
>>> import unga_teach as ut
>>> ut.use_official_record(None)
>>> import warnings
>>> with warnings.catch_warnings():
...     warnings.simplefilter("ignore")
...     found = search_votes("Ukraine", year=2026)
>>> found["id"].tolist()
['2026']
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable

import numpy as np
import pandas as pd

from . import record
from .errors import NO_OFFICIAL_FILE, UngaTeachError

#: Columns of :func:`search_votes`.
SEARCH_COLUMNS: list[str] = [
    "id", "symbol", "draft", "date", "session", "title", "yes", "no", "abstain",
    "non_voting", "link", "record",
]


def _years(year: object) -> set[int] | None:
    if year is None:
        return None
    values = [year] if isinstance(year, (int, str, np.integer)) else year
    if not isinstance(values, Iterable):
        raise UngaTeachError(f"year={year!r} is not accepted. Give a year such as 2024, or "
                             "a list of years such as [2023, 2024] or range(2020, 2025).")
    out: set[int] = set()
    for v in values:
        try:
            out.add(int(str(v).strip()))
        except ValueError:
            raise UngaTeachError(f"year {v!r} is not a year. Give a year such as 2024, or a "
                                 "list of years.") from None
    return out


def _sessions(session: object) -> set[str] | None:
    if session is None:
        return None
    values = [session] if isinstance(session, (int, str, np.integer)) else session
    if not isinstance(values, Iterable):
        raise UngaTeachError(f"session={session!r} is not accepted. Give a session such as "
                             "79 or 'ES-11', or a list of them.")
    return {re.sub(r"\s+", "", str(v)).upper().removeprefix("A/") for v in values}


def _words(text: object, what: str) -> list[str]:
    if text is None:
        return []
    if not isinstance(text, str):
        raise UngaTeachError(f"{what}={text!r} is not accepted: give words as a string, "
                             "e.g. 'Middle East'.")
    return text.casefold().split()


def _matches(haystack: pd.Series, words: list[str]) -> np.ndarray:
    folded = haystack.fillna("").astype(str).str.casefold()
    keep = np.ones(len(folded), dtype=bool)
    for word in words:
        keep &= folded.str.contains(word, regex=False).to_numpy()
    return keep


def search_votes(text: str | None = None, *, year: int | Iterable[int] | None = None,
                 session: str | int | Iterable[str | int] | None = None,
                 subject: str | None = None) -> pd.DataFrame:
    """The recorded votes that match, newest first.

    Parameters
    ----------
    text : str, optional
        Words that must all appear (any case) in the title, symbol, draft or
        agenda title.
    year : int or list of int, optional
        The year(s) of the vote.
    session : str, int or list, optional
        The session(s): ``79``, ``"ES-11"``.
    subject : str, optional
        Words that must all appear in the UN Library's subjects
        (``"middle east"``). Course votes (no subjects in the course data)
        are matched on their title instead when no official file is used.

    Returns
    -------
    pandas.DataFrame
        ``id`` (what to give to ``load_votes``, ``tally_chart``, the
        explorers...), ``symbol``, ``draft``, ``date``, ``session``,
        ``title``, the official totals ``yes``/``no``/``abstain``/
        ``non_voting``, ``link`` (the record's address) and ``record``
        (``"official"`` or ``"course"``). ``attrs["note"]`` says what was
        searched. Without an official file only the course votes are
        searched and a :class:`UserWarning` says how to get the full record.

    Raises
    ------
    UngaTeachError
        A year or session that cannot be read.

    Examples
    --------
    >>> import unga_teach as ut
    >>> ut.use_official_record(None)
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter("always")
    ...     found = search_votes(session="ES-11")
    >>> found["id"].tolist()[:2], "4060887" in str(w[0].message)
    (['2026', 'ES-11/9'], True)
    """
    words = _words(text, "text")
    subject_words = _words(subject, "subject")
    years, sessions = _years(year), _sessions(session)
    catalog = record.official_catalog()
    if catalog is None:
        table = _course_table()
        haystack = table["title"] + " " + table["symbol"] + " " + table["draft"]
        subject_hay = table["title"]
        note = ("Only the votes of the course were searched. " + NO_OFFICIAL_FILE)
        warnings.warn(note, UserWarning, stacklevel=2)
    else:
        table = _official_table(catalog)
        haystack = (table["title"] + " " + table["symbol"] + " " + table["draft"] + " "
                    + table["agenda_title"])
        subject_hay = table["subjects"]
        note = f"Every recorded vote of the official file {record.STATE.path} was searched."
    keep = _matches(haystack, words) & _matches(subject_hay, subject_words)
    if years is not None:
        keep &= table["date"].dt.year.isin(years).to_numpy()
    if sessions is not None:
        keep &= table["session"].str.upper().str.replace(" ", "").isin(sessions).to_numpy()
    out = table.loc[keep, SEARCH_COLUMNS]
    out = out.sort_values(["date", "id"], ascending=[False, True], kind="stable")
    out = out.reset_index(drop=True)
    out.attrs["note"] = note
    return out


def _course_table() -> pd.DataFrame:
    from .resolutions import load_resolutions

    res = load_resolutions(include_procedural=False)
    table = pd.DataFrame({
        "id": res["id"].astype(str),
        "symbol": res["symbol"].fillna("").astype(str),
        "draft": res["draft"].fillna("").astype(str),
        "date": res["date"],
        "session": res["session"].fillna("").astype(str),
        "title": res["title"].fillna("").astype(str),
        "yes": res["yes"], "no": res["no"], "abstain": res["abstain"],
        "non_voting": res["non_voting"],
        "link": res["source_url"].fillna("").astype(str),
        "record": "course",
    })
    return table


def _official_table(catalog: object) -> pd.DataFrame:
    from .official.catalog import clean_title

    def build() -> pd.DataFrame:
        votes = catalog.votes  # type: ignore[attr-defined]
        texts = catalog.texts()  # type: ignore[attr-defined]
        uid = votes["undl_id"].to_numpy()
        texts = texts.reindex(uid)
        ids = [catalog.vote_id(u) for u in uid]  # type: ignore[attr-defined]

        def total(col: str) -> pd.Series:
            return pd.to_numeric(votes[col], errors="coerce").astype("Int64")

        return pd.DataFrame({
            "id": ids,
            "symbol": votes["symbol"].to_numpy(),
            "draft": votes["draft"].to_numpy(),
            "date": votes["date"].to_numpy(),
            "session": votes["session"].to_numpy(),
            "title": [clean_title(t) for t in texts["title"].fillna("")],
            "yes": total("total_yes").to_numpy(), "no": total("total_no").to_numpy(),
            "abstain": total("total_abstentions").to_numpy(),
            "non_voting": total("total_non_voting").to_numpy(),
            "link": votes["link"].to_numpy(),
            "record": np.where(votes["course_id"].to_numpy() != "", "course", "official"),
            "agenda_title": texts["agenda_title"].fillna("").to_numpy(),
            "subjects": texts["subjects"].fillna("").to_numpy(),
            "undl_id": uid,
        }).astype({"symbol": str, "draft": str, "session": str, "link": str})

    return record.derived("search_table", build)
