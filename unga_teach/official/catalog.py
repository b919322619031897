"""Every recorded vote of an official file, found by symbol, draft or record id.

:class:`VoteCatalog` is built once per installed file (held by
:data:`unga_teach.record.STATE`) from the tidy frame of the reader. It keeps
one row per vote (``undl_id``, symbol, draft, session, date, totals, course
id) and, for each vote, the *range* of its rows in the frame: the rows of
one vote are taken with a slice, never by copying or filtering the whole
frame (the real file has about 950,000 rows).

Titles, agenda titles and subjects are not part of the tidy frame (the reader
skips those columns to save memory). :meth:`VoteCatalog.texts` reads them
once, on first need (search, a vote's card), and keeps them in a small
file next to the reader's cache (``undl-<key>.titles.feather``).

Examples
--------
>>> import tempfile, pathlib
>>> from unga_teach.official.read import load_all
>>> p = pathlib.Path(tempfile.mkdtemp()) / "ga.csv"
>>> _ = p.write_text(
...     "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,title,total_yes,"
...     "total_no,total_abstentions,total_non_voting,total_ms\\n"
...     "1,FRA,FRANCE,Y,1990-01-01,44,A/RES/44/1,A/44/L.1,Peace,1.0,0.0,0.0,1.0,2.0\\n"
...     "1,SUN,USSR,X,1990-01-01,44,A/RES/44/1,A/44/L.1,Peace,1.0,0.0,0.0,1.0,2.0\\n")
>>> frame, _ = load_all(p, cache=False, progress=False)
>>> cat = VoteCatalog(frame, str(p), cache=False)
>>> cat.find("a/res/44/1"), cat.find("A/44/L.1"), cat.find("1")
(1, 1, 1)
>>> cat.rows(1)["iso3"].astype(str).tolist()
['FRA', 'SUN']
>>> cat.texts().loc[1, "title"]
'Peace'
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .codes import DL_RECORD, TOTAL_COLUMNS

#: Per-vote columns of :attr:`VoteCatalog.votes`.
CATALOG_COLUMNS: list[str] = [
    "undl_id", "symbol", "draft", "session", "date", *TOTAL_COLUMNS, "link", "course_id",
    "start", "stop",
]

#: Text columns read for :meth:`VoteCatalog.texts`.
TEXT_COLUMNS: list[str] = ["title", "agenda_title", "subjects", "meeting"]

_TITLE_TAIL = re.compile(r"\s*:\s*resolution\s*/\s*adopted by the General Assembly\s*",
                         re.IGNORECASE)
_RECORD_LINK = re.compile(r"^(?:https?://)?digitallibrary\.un\.org/record/(\d+)\S*$",
                          re.IGNORECASE)


def norm_symbol(text: object) -> str:
    """A symbol or draft without spaces, in upper case (how symbols are compared).

    Examples
    --------
    >>> norm_symbol(" a/res/79/ 1 ")
    'A/RES/79/1'
    """
    return re.sub(r"\s+", "", str(text)).upper()


def clean_title(title: object) -> str:
    """The title without the Library's "resolution / adopted by the General Assembly".

    Examples
    --------
    >>> clean_title("Peace in Ukraine : resolution / adopted by the General Assembly")
    'Peace in Ukraine'
    """
    if title is None or (isinstance(title, float) and np.isnan(title)):
        return ""
    return _TITLE_TAIL.sub(" ", str(title)).strip()


class VoteCatalog:
    """One row per recorded vote of an official file, and where its rows are.

    Parameters
    ----------
    frame : pandas.DataFrame
        The tidy frame of every row (``read.load_all``); kept by reference.
    path : str
        The official file (for :meth:`texts`).
    cache : bool, default True
        Keep the titles read by :meth:`texts` in the cache folder.
    """

    def __init__(self, frame: pd.DataFrame, path: str, *, cache: bool = True) -> None:
        self.frame = frame
        self.path = path
        self.cache = cache
        self._texts: pd.DataFrame | None = None
        self._problems: dict[int, str] | None = None
        ids = frame["undl_id"].to_numpy()
        n = len(ids)
        starts = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1]]) if n else np.array([], int)
        if n and len(np.unique(ids[starts])) != len(starts):
            # rows of one vote are not together: one stable sort of row numbers (4 bytes a row)
            self.order: np.ndarray | None = np.argsort(ids, kind="stable").astype(np.int64)
            sorted_ids = ids[self.order]
            starts = np.flatnonzero(np.r_[True, sorted_ids[1:] != sorted_ids[:-1]])
            first_rows = self.order[starts]
        else:
            self.order = None
            first_rows = starts
        stops = np.r_[starts[1:], n].astype(np.int64)
        per_vote = ["undl_id", "symbol", "draft", "session", "date", *TOTAL_COLUMNS,
                    "source_url"]
        votes = frame.iloc[first_rows][per_vote].reset_index(drop=True)
        for col in ("symbol", "draft", "session", "source_url"):
            values = votes[col].astype(object)
            votes[col] = values.where(values.notna(), "").astype(str).str.strip()
        votes["undl_id"] = votes["undl_id"].astype("int64")
        link = votes.pop("source_url")
        votes["link"] = link.where(link.str.startswith(("http://", "https://")),
                                   DL_RECORD + votes["undl_id"].astype(str))
        votes["course_id"] = ""
        votes["start"] = starts.astype(np.int64)
        votes["stop"] = stops
        from .read import course_votes  # the course's own matching rules

        with contextlib.suppress(Exception):  # a file with no course vote is fine
            found = course_votes(frame)
            course = votes["undl_id"].map(found).astype(object)
            votes["course_id"] = course.where(course.notna(), "").astype(str)
        self.votes = votes[CATALOG_COLUMNS]
        self._position = pd.Series(np.arange(len(votes)), index=votes["undl_id"].to_numpy())
        self._by_symbol: dict[str, int] = {}
        self._by_draft: dict[str, int] = {}
        # newest first, so that a symbol used twice names the latest vote
        for row in votes.sort_values("date", ascending=False, kind="stable").itertuples():
            if row.symbol:
                self._by_symbol.setdefault(norm_symbol(row.symbol), int(row.undl_id))
            if row.draft:
                self._by_draft.setdefault(norm_symbol(row.draft), int(row.undl_id))
        counts = votes["symbol"].map(norm_symbol).value_counts()
        self._shared = {s for s, c in counts.items() if c > 1 and s}

    def __len__(self) -> int:
        return len(self.votes)

    def find(self, ref: object) -> int | None:
        """The ``undl_id`` of the vote named by symbol, draft, record id or link, or ``None``."""
        if isinstance(ref, (int, np.integer)) and not isinstance(ref, bool):
            return int(ref) if int(ref) in self._position.index else None
        if not isinstance(ref, str) or not ref.strip():
            return None
        text = ref.strip()
        link = _RECORD_LINK.match(text)
        if link:
            text = link.group(1)
        if text.isdigit():
            uid = int(text)
            return uid if uid in self._position.index else None
        key = norm_symbol(text)
        bare = key.removeprefix("A/").removeprefix("RES/")
        for candidate in (key, "A/" + bare, "A/RES/" + bare):
            for table in (self._by_symbol, self._by_draft):
                if candidate in table:
                    return table[candidate]
        return None

    def vote(self, undl_id: int) -> pd.Series:
        """The catalog row of one vote (see :data:`CATALOG_COLUMNS`)."""
        return self.votes.iloc[int(self._position[int(undl_id)])]

    def vote_id(self, undl_id: int) -> str:
        """The id the tools use for a vote: its course id, else its symbol, else its record id."""
        row = self.vote(undl_id)
        if row["course_id"]:
            return str(row["course_id"])
        symbol = str(row["symbol"])
        if symbol and norm_symbol(symbol) not in self._shared:
            return symbol
        return str(int(row["undl_id"]))

    def vote_ids(self) -> list[str]:
        """:meth:`vote_id` of every vote, in the order of :attr:`votes` (for search)."""
        votes = self.votes
        symbols = votes["symbol"].astype(str)
        own = symbols.ne("") & ~symbols.map(norm_symbol).isin(self._shared)
        ids = np.where(votes["course_id"].ne("").to_numpy(dtype=bool),
                       votes["course_id"].astype(str).to_numpy(dtype=object),
                       np.where(own.to_numpy(dtype=bool), symbols.to_numpy(dtype=object),
                                votes["undl_id"].astype(str).to_numpy(dtype=object)))
        return [str(i) for i in ids]

    def problems(self) -> dict[int, str]:
        """``undl_id`` -> why the file does not show that vote whole (built once).

        A vote is shown whole when its rows match its own totals: as many
        rows as ``total_ms``, and as many yes, no, abstain and non-voting rows
        as ``total_yes`` ... ``total_non_voting``, the rule the course votes
        follow (:func:`unga_teach.official.course.refusal_reason`). A file cut
        off at a line end loses the end of its last vote: that vote is listed
        here. Blank totals cannot be checked (the votes of the first sessions
        have none): such a vote is not listed, and its totals are counted from
        its rows (:meth:`counted_totals`).
        """
        if self._problems is None:
            self._problems = self._find_problems()
        return self._problems

    def counted_totals(self, undl_id: int) -> dict[str, int]:
        """The totals of one vote counted from its rows (``total_yes`` ... ``total_ms``)."""
        counts = self.rows(undl_id)["vote"].astype(str).value_counts()
        out = {col: int(counts.get(v, 0)) for col, v in zip(
            TOTAL_COLUMNS[:4], ("yes", "no", "abstain", "non_voting"), strict=True)}
        out[TOTAL_COLUMNS[4]] = len(self.rows(undl_id))
        return out

    def _find_problems(self) -> dict[int, str]:
        n_votes = len(self.votes)
        if not n_votes:
            return {}
        sizes = (self.votes["stop"] - self.votes["start"]).to_numpy()
        codes = np.asarray(self.frame["vote"].array.codes, dtype=np.int64)
        if self.order is not None:
            codes = codes[self.order]
        vote_of_row = np.repeat(np.arange(n_votes), sizes)
        width = 6  # code -1 (blank) and the five vote values
        counts = np.bincount(vote_of_row * width + codes + 1,
                             minlength=n_votes * width).reshape(n_votes, width)
        found: dict[int, list[str]] = {}
        checks = [(TOTAL_COLUMNS[4], sizes, "rows")]
        checks += [(col, counts[:, i + 1], f"{v!r} rows") for i, (col, v) in enumerate(zip(
            TOTAL_COLUMNS[:4], ("yes", "no", "abstain", "non_voting"), strict=True))]
        ids = self.votes["undl_id"].to_numpy()
        for col, counted, what in checks:
            total = self.votes[col]
            given = total.notna().to_numpy()
            expected = total.fillna(0).to_numpy(dtype=np.int64)
            for i in np.flatnonzero(given & (counted != expected)):
                found.setdefault(int(ids[i]), []).append(
                    f"{int(counted[i])} {what} but {col} says {int(expected[i])}")
        return {uid: "; ".join(why) for uid, why in found.items()}

    def rows(self, undl_id: int) -> pd.DataFrame:
        """The frame's rows of one vote (a slice of the frame, in file order)."""
        row = self.vote(undl_id)
        start, stop = int(row["start"]), int(row["stop"])
        if self.order is None:
            return self.frame.iloc[start:stop]
        return self.frame.iloc[np.sort(self.order[start:stop])]

    # ------------------------------------------------------------------ texts
    def texts(self) -> pd.DataFrame:
        """Title, agenda title, subjects and meeting record of every vote, by ``undl_id``.

        Read from the file once (a second pass over the text columns only),
        then kept in memory and in the cache folder. A file without these
        columns gives empty texts.
        """
        if self._texts is None:
            self._texts = self._load_texts()
        return self._texts

    def _texts_cache(self) -> Path | None:
        if not self.cache:
            return None
        try:
            from .cache import cache_file

            arrow = cache_file(self.path)
        except Exception:  # a cache that cannot be used only costs speed
            return None
        return arrow.with_name(arrow.name.removesuffix(".arrow") + ".texts-2.feather")

    def _load_texts(self) -> pd.DataFrame:
        cached = self._texts_cache()
        if cached is not None and cached.is_file():
            with contextlib.suppress(Exception):
                table = pd.read_feather(cached)
                return table.set_index("undl_id")
        table = read_texts(Path(self.path))
        if table is None:
            table = pd.DataFrame({"undl_id": self.votes["undl_id"]})
        table = table.set_index("undl_id").reindex(self.votes["undl_id"].to_numpy())
        for col in TEXT_COLUMNS:
            values = table[col].astype(object) if col in table else pd.Series(
                "", index=table.index, dtype=object)
            table[col] = values.where(values.notna(), "").astype(str).str.strip()
        table = table[TEXT_COLUMNS]
        table.index.name = "undl_id"
        if cached is not None:
            with contextlib.suppress(Exception):
                tmp = cached.with_suffix(".tmp")
                table.reset_index().to_feather(tmp)
                tmp.replace(cached)
        return table


def read_texts(path: Path) -> pd.DataFrame | None:
    """``undl_id`` and the text columns (first row of each vote) of an official file.

    Returns ``None`` when the file has none of :data:`TEXT_COLUMNS`. Bytes
    that are not UTF-8 are replaced with U+FFFD (the reader accepted the file).
    """
    import pyarrow as pa
    import pyarrow.csv as pacsv

    from .parse import check_header, is_gzip

    gz = is_gzip(path)
    _, mapping = check_header(path, gz)
    wanted = [c for c in TEXT_COLUMNS if c in mapping]
    if not wanted:
        return None
    include = [mapping["undl_id"]] + [mapping[c] for c in wanted]
    # bytes, decoded below: a title that is not valid UTF-8 is shown with U+FFFD, never fails
    text = pa.dictionary(pa.int32(), pa.binary())
    types: dict[str, Any] = {mapping["undl_id"]: pa.int64()}
    types.update({mapping[c]: text for c in wanted})
    source: Any = (pa.input_stream(str(path), compression="gzip") if gz
                   else pa.OSFile(str(path), mode="r"))
    try:
        table = pacsv.read_csv(
            source,
            read_options=pacsv.ReadOptions(block_size=1 << 24),
            parse_options=pacsv.ParseOptions(newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(include_columns=include, column_types=types,
                                                 strings_can_be_null=False),
        )
    finally:
        source.close()
    ids = table.column(mapping["undl_id"]).to_numpy()
    _, first = np.unique(ids, return_index=True)
    table = table.take(pa.array(first))
    out = pd.DataFrame({"undl_id": table.column(mapping["undl_id"]).to_numpy()})
    for col in wanted:
        out[col] = [None if b is None else b.decode("utf-8", "replace")
                    for b in table.column(mapping[col]).cast(pa.binary()).to_pylist()]
    return out
