"""Find recorded votes by words, year, session or subject: :func:`search_votes`.

Words are matched the way a learner types them: case and accents do not
matter (``"cote"`` finds "Côte d'Ivoire"), a word finds the words it begins
(``"child"`` finds "children") and the words of the same stem (``"Ukraine"``
finds "Ukrainian", ``"countries"`` finds "country"). Titles, agenda titles
and subjects are searched; votes whose title holds the words come first, and
the ``matched`` column says why each vote was found.

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
...     found = search_votes("Ukraine", year=2025)
>>> found[["id", "matched"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
[['ES-11/9', 'title: ukrainian; year 2025'], ['ES-11/7', 'title: ukraine; year 2025']]
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import record
from .errors import NO_OFFICIAL_FILE, UngaTeachError

#: Columns of :func:`search_votes`.
SEARCH_COLUMNS: list[str] = [
    "id", "symbol", "draft", "date", "session", "title", "yes", "no", "abstain",
    "non_voting", "link", "record", "matched",
]

#: The most different words a query may hold (repeated words count once).
MAX_QUERY_WORDS = 24

#: The longest word a query may hold, in characters.
MAX_WORD_LENGTH = 80

#: The fields searched for words, in the order ``matched`` names them.
SEARCHED_FIELDS: tuple[str, ...] = ("title", "agenda_title", "subjects")
_FIELD_NAMES = {"title": "title", "agenda_title": "agenda title", "subjects": "subjects"}

#: Words too common to select anything; left out of a query of several words.
STOP_WORDS = frozenset({"a", "an", "and", "at", "by", "for", "from", "in", "into", "of", "on",
                        "or", "the", "to", "with"})

_WORD = re.compile(r"\w+")
_SESSION = re.compile(r"^(?:A/)?(ES-?|S-?)?(\d{1,3})$")
_IRREGULAR = {"children": "child", "women": "woman", "men": "man", "peoples": "people",
              "countries": "country", "territories": "territory"}


# ------------------------------------------------------------------------- words
def fold(text: str) -> str:
    """Lower case, without accents (NFKD, combining marks dropped).

    Examples
    --------
    >>> fold("Côte d'Ivoire"), fold("TÜRKIYE")
    ("cote d'ivoire", 'turkiye')
    """
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text)
                       if not unicodedata.combining(c))
    return text.casefold()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A word's stem: plural, verb and adjective endings taken off (English, light).

    Two words match when their stems are equal ("Ukraine" and "Ukrainian":
    ``ukrain``) or when one begins the other ("child", "children").

    Examples
    --------
    >>> [stem(w) for w in ("ukraine", "ukrainian", "countries", "country", "syrian", "syria")]
    ['ukrain', 'ukrain', 'countr', 'countr', 'syr', 'syr']
    """
    w = _IRREGULAR.get(word, word)
    if len(w) <= 3 or not w.isalpha():
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("sses", "shes", "ches", "xes", "zes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for ending, keep in (("ians", 3), ("ian", 3), ("ing", 4), ("ed", 4), ("ia", 3)):
        if w.endswith(ending) and len(w) - len(ending) >= keep:
            return w[: -len(ending)]
    if len(w) >= 5 and w[-1] in "ey":
        return w[:-1]
    if len(w) >= 5 and w[-1] == "i" and w[-2] not in "aeiou":
        return w[:-1]
    return w


def _query(text: object, what: str) -> list[str]:
    """The different words of a query, folded, in order; checked and capped."""
    if text is None:
        return []
    if not isinstance(text, str):
        raise UngaTeachError(f"{what}={_short(text)} is not accepted: give words as a string, "
                             "e.g. 'Middle East'.")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise UngaTeachError(
            f"{what} holds a character that is not text (a lone surrogate, "
            f"{text[exc.start]!r} at position {exc.start}): type the words again.") from None
    plain = " ".join(t for t in text.split() if not _is_symbol(t))
    words = list(dict.fromkeys(_WORD.findall(fold(plain))))
    if len(words) > 1:
        words = [w for w in words if w not in STOP_WORDS] or words
    if len(words) > MAX_QUERY_WORDS:
        raise UngaTeachError(
            f"{what} has {len(words):,} different words; at most {MAX_QUERY_WORDS} are "
            "searched. Give the few words that matter, e.g. 'nuclear weapons'.")
    long = next((w for w in words if len(w) > MAX_WORD_LENGTH), None)
    if long is not None:
        raise UngaTeachError(f"{what} holds a word of {len(long):,} characters (at most "
                             f"{MAX_WORD_LENGTH}): {_short(long)}.")
    return words


def _is_symbol(token: str) -> bool:
    return "/" in token and any(c.isdigit() for c in token)


def _symbol_terms(text: object) -> list[str]:
    """Parts of the query that look like a symbol (``A/RES/79/1``, ``ES-11/7``)."""
    if not isinstance(text, str):
        return []
    return list(dict.fromkeys(t.upper() for t in text.split() if _is_symbol(t)))


def _symbol_hits(index: _Index, term: str) -> np.ndarray:
    """Rows whose symbol or draft is ``term`` (``A/`` and ``RES/`` may be left out).

    A term ending in ``/`` matches every symbol it begins (``ES-11/``).
    """
    bare = term.removeprefix("A/").removeprefix("RES/")
    end = "" if term.endswith("/") else " "
    hit = np.zeros(len(index.base), dtype=bool)
    for candidate in dict.fromkeys((term, "A/" + bare, "A/RES/" + bare)):
        hit |= _contains(index.symbols, f" {candidate}{end}")
    return hit


def _short(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


# ------------------------------------------------------------------ filters
def _years(year: object) -> set[int] | None:
    if year is None:
        return None
    values = [year] if isinstance(year, (int, str, np.integer)) else year
    if isinstance(year, (bytes, bytearray, float, dict)) or not isinstance(values, Iterable):
        raise UngaTeachError(f"year={_short(year)} is not accepted. Give a year such as 2024, "
                             "or a list of years such as [2023, 2024] or range(2020, 2025).")
    out: set[int] = set()
    for v in values:
        if isinstance(v, (bool, bytes, bytearray, float)) or v is None:
            raise UngaTeachError(f"year {_short(v)} is not a year. Give a year such as 2024, "
                                 "or a list of years.")
        try:
            y = int(str(v).strip())
        except ValueError:
            raise UngaTeachError(f"year {_short(v)} is not a year. Give a year such as 2024, "
                                 "or a list of years.") from None
        if not 1000 <= y <= 9999:
            raise UngaTeachError(f"year {_short(v)} is not a four-digit year (the General "
                                 "Assembly has voted since 1946).")
        out.add(y)
    if not out:
        raise UngaTeachError("year is an empty list: give at least one year, or leave it out.")
    return out


def _sessions(session: object) -> set[str] | None:
    if session is None:
        return None
    values = [session] if isinstance(session, (int, str, np.integer)) else session
    accepted = ("Give a session such as 79, '79', 'ES-11' (an emergency special session) "
                "or 'S-30' (a special session), or a list of them.")
    if isinstance(session, (bytes, bytearray, float, dict)) or not isinstance(values, Iterable):
        raise UngaTeachError(f"session={_short(session)} is not accepted. {accepted}")
    out: set[str] = set()
    for v in values:
        if isinstance(v, (bool, bytes, bytearray, float)) or v is None \
                or not isinstance(v, (int, str, np.integer)):
            raise UngaTeachError(f"session {_short(v)} is not a session. {accepted}")
        match = _SESSION.match(re.sub(r"\s+", "", str(v)).upper())
        if match is None:
            raise UngaTeachError(f"session {_short(v)} is not a session. {accepted}")
        kind, number = match.groups()
        out.add(f"{kind.rstrip('-')}-{int(number)}" if kind else str(int(number)))
    if not out:
        raise UngaTeachError("session is an empty list: give at least one session, or leave "
                             "it out.")
    return out


def _norm_session(values: pd.Series) -> np.ndarray:
    def one(v: str) -> str:
        match = _SESSION.match("".join(v.split()).upper())
        if match is None:
            return v.upper()
        kind, number = match.groups()
        return f"{kind.rstrip('-')}-{int(number)}" if kind else str(int(number))

    codes, uniques = pd.factorize(values.astype(str).to_numpy(dtype=object))
    table = np.array([one(str(u)) for u in uniques] + [""], dtype=object)
    return table[codes]


# ------------------------------------------------------------------ searching
def search_votes(text: str | None = None, *, year: int | Iterable[int] | None = None,
                 session: str | int | Iterable[str | int] | None = None,
                 subject: str | None = None) -> pd.DataFrame:
    """The recorded votes that match, title matches first, then newest first.

    Parameters
    ----------
    text : str, optional
        Words that must all be found in the title, agenda title or subjects
        (any case, accents ignored; a word finds the words it begins and the
        words of its stem: "Ukraine" finds "Ukrainian"), or a symbol or
        draft (``"A/RES/79/1"``). Repeated words count once; common words
        (the, of, in...) are left out; at most 24 different words.
    year : int or list of int, optional
        The year(s) of the vote.
    session : str, int or list, optional
        The session(s): ``79``, ``"ES-11"``.
    subject : str, optional
        Words that must all be found in the UN Library's subjects
        (``"middle east"``), matched as ``text``. Course votes (no subjects
        in the course data) are matched on their title instead when no
        official file is used.

    Returns
    -------
    pandas.DataFrame
        ``id`` (what to give to ``load_votes``, ``tally_chart``, the
        explorers...), ``symbol``, ``draft``, ``date``, ``session``,
        ``title``, the official totals ``yes``/``no``/``abstain``/
        ``non_voting``, ``link`` (the record's address), ``record``
        (``"official"`` or ``"course"``) and ``matched`` (why the vote was
        found: each field and the words found in it, or the filters).
        Votes with more of the words in their title come first, then the
        newest. ``attrs["note"]`` says what was searched. Without an
        official file only the course votes are searched and a
        :class:`UserWarning` says how to get the full record.

    Raises
    ------
    UngaTeachError
        A year or session that cannot be read (``b"2014"``, ``[None]``),
        text that is not a string or not text, or a query too long.

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
    >>> found["matched"].iloc[0]
    'session ES-11'
    """
    words = _query(text, "text")
    symbols = _symbol_terms(text)  # a symbol is matched whole, not as words
    subject_words = _query(subject, "subject")
    years, sessions = _years(year), _sessions(session)
    catalog = record.official_catalog()
    if catalog is None:
        index = record.derived("search_index_course", lambda: _Index(_course_table()))
        subject_field = "title"
        note = ("Only the votes of the course were searched. " + NO_OFFICIAL_FILE)
        warnings.warn(note, UserWarning, stacklevel=2)
    else:
        index = _official_index(catalog)
        subject_field = "subjects"
        note = f"Every recorded vote of the official file {record.STATE.path} was searched."
    n = len(index.base)
    keep = np.ones(n, dtype=bool)  # the cheap filters first: the words read only what is left
    if years is not None:
        keep &= np.isin(index.year, list(years))
    if sessions is not None:
        keep &= np.isin(index.session, list(sessions))
    for term in symbols:
        keep &= _symbol_hits(index, term)
    title_hits = np.zeros(n, dtype=np.int64)
    matchers = [index.matcher(w) for w in words]
    subject_matchers = [index.matcher(w) for w in subject_words]
    for m in matchers:
        found = np.zeros(n, dtype=bool)
        for field in SEARCHED_FIELDS:
            m.seen[field] = m.hits(index.arrays[field], keep)
            found |= m.seen[field]
        title_hits += m.seen["title"]
        keep &= found
    for m in subject_matchers:
        m.seen[subject_field] = m.hits(index.arrays[subject_field], keep)
        keep &= m.seen[subject_field]
    rows = np.flatnonzero(keep)
    # more words in the title first, then the newest (no date: last), then by id
    order = rows[np.lexsort((index.id_rank[rows], -index.day[rows], -title_hits[rows]))]
    out = index.base.take(order).reset_index(drop=True)
    out["matched"] = index.reasons(order, matchers, symbols, subject_matchers,
                                   subject_field, _filters(years, sessions))
    out.attrs["note"] = note
    return out


def _contains(array: pa.Array, pattern: str) -> np.ndarray:
    return np.asarray(pc.match_substring(array, pattern).to_numpy(zero_copy_only=False),
                      dtype=bool)


def _filters(years: set[int] | None, sessions: set[str] | None) -> str:
    parts = []
    if years is not None:
        parts.append("year " + ", ".join(str(y) for y in sorted(years)))
    if sessions is not None:
        parts.append("session " + ", ".join(sorted(sessions)))
    return "; ".join(parts)


class _Word:
    """One word of a query: what it matches (the words it begins, the words of its stem)."""

    def __init__(self, word: str, forms_of_stem: set[str]) -> None:
        self.word = word
        self.seen: dict[str, np.ndarray] = {}  # field -> the rows it was found in
        if len(word) <= 2:  # "un", "of": whole words only
            self.literal: str | None = f" {word} "
            self.regex: str | None = None
            self.found = re.compile(rf"(?<= ){re.escape(word)}(?= )").findall
            return
        extra = sorted(w for w in forms_of_stem if not w.startswith(word))
        alts = "|".join(re.escape(w) for w in extra)
        self.literal = None if extra else f" {word}"
        self.regex = f" (?:{re.escape(word)}|(?:{alts}) )" if extra else None
        self.found = re.compile(rf"(?<= )(?:{re.escape(word)}\w*" + (
            f"|(?:{alts})(?= ))" if extra else ")")).findall

    def hits(self, array: pa.Array, among: np.ndarray) -> np.ndarray:
        """Which texts of ``array`` (``" word word "`` forms) hold this word.

        Only the rows still ``among`` the matches are looked at when they are
        few (the second word of a query reads far fewer texts than the first).
        """
        rows = np.flatnonzero(among)
        out = np.zeros(len(among), dtype=bool)
        if len(rows) == 0:
            return out
        part = array if len(rows) > len(among) // 2 else array.take(pa.array(rows))
        if self.literal is not None:
            found = pc.match_substring(part, self.literal)
        else:
            found = pc.match_substring_regex(part, self.regex)
        hit = np.asarray(found.to_numpy(zero_copy_only=False), dtype=bool)
        if len(part) == len(among):
            return hit & among
        out[rows] = hit
        return out



class _Index:
    """The votes of a record, and the searched forms of their texts (built once per record).

    For each field, the folded words of each vote (``" word word "``), as an
    Arrow array (searched with ``match_substring``) and a Python list (read
    for ``matched``); every stem and the words that have it; the symbols and
    drafts; each vote's year and normalised session.
    """

    def __init__(self, table: pd.DataFrame) -> None:
        self.base = table[SEARCH_COLUMNS[:-1]].reset_index(drop=True)
        self.words: dict[str, list[str]] = {}
        self.arrays: dict[str, pa.Array] = {}
        self.forms: dict[str, set[str]] = {}
        for field in SEARCHED_FIELDS:
            texts = table[field].fillna("").astype(str).tolist() if field in table \
                else [""] * len(table)
            seen: dict[str, str] = {}  # agenda titles and subjects repeat
            self.words[field] = [seen[t] if t in seen else seen.setdefault(t, self._add(t))
                                 for t in texts]
            self.arrays[field] = pa.array(self.words[field], type=pa.string())
        self.symbols = pa.array(
            [" " + "".join(s.split()).upper() + " " + "".join(d.split()).upper() + " "
             for s, d in zip(table["symbol"].astype(str).tolist(),
                             table["draft"].astype(str).tolist(), strict=True)],
            type=pa.string())
        dates = pd.to_datetime(table["date"])
        self.year = dates.dt.year.fillna(-1).astype(int).to_numpy()
        self.day = (dates - pd.Timestamp("1900-01-01")).dt.days.fillna(-10**9).astype(
            np.int64).to_numpy()
        self.id_rank = pd.Series(table["id"].astype(str).to_numpy()).rank(
            method="dense").to_numpy(dtype=np.int64)
        self.session = _norm_session(table["session"].astype(str))

    def _add(self, text: str) -> str:
        """``" word word "`` of a text; its words join :attr:`forms` under their stem."""
        words = _WORD.findall(fold(text))
        for w in words:
            self.forms.setdefault(stem(w), set()).add(w)
        return " " + " ".join(words) + " " if words else " "

    def matcher(self, word: str) -> _Word:
        return _Word(word, self.forms.get(stem(word), set()))

    def reasons(self, rows: np.ndarray, words: list[_Word], symbols: list[str],
                subject_words: list[_Word], subject_field: str, filters: str) -> list[str]:
        """Why each row matched: each field and the words found in it, then the filters."""
        if not words and not symbols and not subject_words:
            return [filters or "no filter: every vote"] * len(rows)
        tail = ([f"symbol or draft: {', '.join(symbols)}"] if symbols else []) + (
            [filters] if filters else [])
        columns: list[tuple[str, list[list[str]]]] = []
        at = rows.tolist()
        for field in SEARCHED_FIELDS:
            texts = self.words[field]
            found: list[list[str]] = [[] for _ in at]
            for m in words + (subject_words if field == subject_field else []):
                if field in m.seen:
                    for i in np.flatnonzero(m.seen[field][rows]).tolist():
                        found[i] += m.found(texts[at[i]])
            columns.append((_FIELD_NAMES[field], found))
        return ["; ".join([f"{name}: {', '.join(dict.fromkeys(col[i]))}"
                           for name, col in columns if col[i]] + tail)
                for i in range(len(rows))]


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


def _official_index(catalog: object) -> _Index:
    from .official.catalog import clean_title

    def build() -> _Index:
        votes = catalog.votes  # type: ignore[attr-defined]
        texts = catalog.texts()  # type: ignore[attr-defined]
        uid = votes["undl_id"].to_numpy()
        texts = texts.reindex(uid)

        def total(col: str) -> pd.Series:
            return pd.to_numeric(votes[col], errors="coerce").astype("Int64")

        table = pd.DataFrame({
            "id": catalog.vote_ids(),  # type: ignore[attr-defined]
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
        }).astype({"symbol": str, "draft": str, "session": str, "link": str})
        return _Index(table)

    return record.derived("search_index", build)
