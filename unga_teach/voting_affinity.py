"""Who votes with whom: a state's agreement with reference states, year by year.

:func:`affinity` is the "voting affinity" measure of the international
relations literature: for each year (or session), the share of recorded votes
on which a state voted the same way as a reference state such as the United
States, Russia or China, **with the number of votes it rests on**, and beside
it a chance-corrected measure, Cohen's kappa. :func:`affinity_table` is the
same in one row per period; :func:`unga_teach.affinity_chart` draws it.

Which votes count (``votes=``)
------------------------------
By default only **contested** votes count: votes on which the losing side
held at least 10% (:data:`CONTESTED_SHARE`) of the yes and no votes, the
General Assembly's "present and voting" (abstentions are not counted in it).
``votes="all"`` counts every recorded vote; a list of votes (or a
:func:`unga_teach.search_votes` result) counts only those.

Why the default is not "all": most General Assembly texts are adopted by
large majorities, so over all votes a state that often votes no alone seems
to "disagree" with nearly everyone, and two states that vote yes on nearly
everything seem close. The raw share then mostly counts lopsided votes, and
can rank the pairs backwards. A made-up example (``tests/test_affinity_trap.py``
writes it as a record): state A votes no alone on 100 texts that B and C
adopt, and on 20 contested texts A and B vote together against C. Over all
120 votes B agrees with C 83% of the time and with A 17%; over the 20
contested votes, with A 100% and with C 0%. See
``docs/instructors/any_vote.md``.

The rule (the same as :func:`unga_teach.agreement` and
:func:`unga_teach.official.agreement_matrix`):

* a vote counts for a pair of states only if **both** cast yes, no or
  abstain on it (with ``include_abstain=False``: only if both cast yes or
  no); the number of such votes is ``votes``, the *n* of every figure;
* the agreement is the share of those votes on which the two cast the same
  vote; an abstention is a position of its own (yes against abstain is a
  disagreement, abstain with abstain an agreement);
* non-voting, and votes with no source (``unknown``), are left out; they are
  never counted as agreement or disagreement;
* a year with no comparable vote (a state not yet a member, no contested
  vote, or fewer than ``min_votes`` comparable votes) keeps its row, with
  ``agreement`` and ``kappa`` ``NaN``.

How kappa reads: Cohen's kappa compares the agreement with the agreement two
states would reach by chance if each kept its own mix of yes, no and abstain
but cast them independently: ``kappa = (agreement - chance) / (1 - chance)``.
1 is the same vote every time, 0 agreement no more often than that chance
(for example two states that both vote yes on almost everything), below 0
less often than chance. It is ``NaN`` when chance is 1 (both states cast one
and the same position on every vote compared).

With an official UN file in use (:func:`unga_teach.use_official_record`) the
measure covers the recorded votes in that file; states that no longer exist
count for the state that continues them (the USSR for Russia, Zaire for the
Democratic Republic of the Congo: the file's ``current_iso3``). Without one it
covers only the course's votes on Ukraine, and the result says so.

Examples
--------
>>> import unga_teach as ut
>>> ut.use_official_record(None)
>>> a = ut.affinity("Ukraine", against=["Russia", "Poland"], votes="all")
>>> a.attrs["record"], a.attrs["votes_counted"]
('course', 11)
>>> a.query("year == 2022")[["reference", "agreement", "votes"]].values.tolist()
[['RUS', 0.0, 5], ['POL', 1.0, 5]]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Literal, TypeAlias

import numpy as np
import pandas as pd

from .analysis import voting_member
from .errors import UngaTeachError
from .members import Country
from .types import CountryRef

#: Columns of :func:`affinity` (the period column is named after ``by``).
AFFINITY_COLUMNS: tuple[str, ...] = ("state", "reference", "year", "agreement", "kappa", "votes")

#: The reference states drawn by default.
DEFAULT_REFERENCES: tuple[str, ...] = ("USA", "RUS", "CHN")

#: A vote is contested when the losing side holds at least this share of the
#: yes and no votes ("present and voting"; abstentions are not counted).
CONTESTED_SHARE: float = 0.10

#: The fewest votes compared for a figure to be drawn by
#: :func:`unga_teach.affinity_chart`; :func:`affinity` keeps smaller ones
#: (with their n) and its description flags them.
MIN_SHARED_VOTES: int = 5

Period = Literal["year", "session"]
#: ``"contested"``, ``"all"``, or a selection of votes (a list, a search result).
VoteSelection: TypeAlias = Literal["contested", "all"] | Sequence[object] | pd.DataFrame

_OFFICIAL_FILE_HINT = (
    "the full record of every recorded vote since 1946 is the UN Digital Library's "
    "'General Assembly Voting Data' (https://digitallibrary.un.org/record/4060887): set it "
    "with ut.use_official_record(path) or UNGA_TEACH_UNDL."
)

_CONTESTED_RULE = (
    f"contested: the losing side had at least {CONTESTED_SHARE:.0%} of the yes and no votes"
)


# ------------------------------------------------------------------ the states
def _as_list(refs: CountryRef | Iterable[CountryRef] | None, what: str) -> list[object]:
    if refs is None:
        return []
    if isinstance(refs, (str, Country)):
        return [refs]
    try:
        return list(refs)
    except TypeError:
        raise UngaTeachError(
            f"{what} must be a state (a name or code such as 'USA') or a list of states, "
            f"not {refs!r}."
        ) from None


def _members(refs: list[object]) -> list[Country]:
    found: list[Country] = []
    for ref in refs:
        state = voting_member(ref)  # UnknownCountryError with suggestions; observers refused
        if state.iso3 not in [s.iso3 for s in found]:
            found.append(state)
    return found


def _resolve_states(
    state: CountryRef | Sequence[CountryRef], against: CountryRef | Iterable[CountryRef]
) -> tuple[list[Country], list[Country]]:
    states = _members(_as_list(state, "state"))
    if not states:
        raise UngaTeachError("state is empty: give a member state, e.g. 'Brazil'.")
    refs = _members(_as_list(against, "against"))
    if not refs:
        raise UngaTeachError(
            "against is empty: give at least one reference state to compare with, e.g. "
            "against=('USA', 'RUS', 'CHN')."
        )
    clash = [s for s in states if s.iso3 in {r.iso3 for r in refs}]
    if clash:
        raise UngaTeachError(
            f"{clash[0].name} is both the state and a reference state: a state always votes "
            "with itself. Remove it from against (references given: "
            f"{', '.join(r.name for r in refs)})."
        )
    return states, refs


# -------------------------------------------------------------- the votes used
def _record_votes(codes: list[str]) -> tuple[pd.DataFrame, dict[str, Any]]:
    """The votes of ``codes`` in the record in use, with each vote's year and session.

    Returns the rows (``iso3``, ``vote``, ``key``, ``year``, ``session``) and
    what record they come from, with ``info["votes"]``: one row per recorded
    vote (index: the key; ``year``, ``session``, ``yes``, ``no``). With an
    official file: every recorded vote in it (the whole file is read once per
    record, from its cache); without: the course series.
    """
    from . import record

    full = record.official_frame()
    if full is not None:
        table = record.derived(("affinity", "votes"), lambda: _official_votes(full))
        current = full["current_iso3"]
        mask = current.isin(codes).to_numpy(dtype=bool, na_value=False)
        rows = full.loc[mask, ["undl_id", "vote", "date", "session"]]
        out = pd.DataFrame({  # codes and votes stay categorical (no string copies)
            "iso3": current[mask].array,
            "vote": rows["vote"].array,
            "key": rows["undl_id"].to_numpy(),
            "year": rows["date"].dt.year.to_numpy(),
            "session": rows["session"].astype(str).to_numpy(),
        })
        return out, {"record": "official", "path": str(record.STATE.path), **table}
    from .resolutions import load_resolutions
    from .votes import load_votes

    every = load_votes()
    res = load_resolutions(include_procedural=False).set_index("id")
    used = res.loc[res.index.isin(set(every["resolution"].astype(str)))]
    votes = every[every["iso3"].isin(codes).to_numpy()]
    rid = votes["resolution"].astype(str)
    dates = pd.to_datetime(res["date"])
    out = pd.DataFrame({
        "iso3": votes["iso3"].astype(str).to_numpy(),
        "vote": votes["vote"].astype(str).to_numpy(),
        "key": rid.to_numpy(),
        "year": rid.map(dates.dt.year).to_numpy(),
        "session": rid.map(res["session"].astype(str)).to_numpy(),
    })
    per_vote = pd.DataFrame({
        "date": pd.to_datetime(used["date"]), "session": used["session"].astype(str),
        "yes": pd.to_numeric(used["yes"], errors="coerce").to_numpy(dtype=float),
        "no": pd.to_numeric(used["no"], errors="coerce").to_numpy(dtype=float),
    }, index=used.index.astype(str))
    return out, {"record": "course", "path": None, **_summary_of(per_vote)}


def _official_votes(full: pd.DataFrame) -> dict[str, Any]:
    """One row per recorded vote of the official file, and its summary (once per record).

    ``yes`` and ``no`` are the file's totals when it gives them (not both
    zero), otherwise they are counted from the vote's rows.
    """
    ids = full["undl_id"].to_numpy()
    new = np.r_[True, ids[1:] != ids[:-1]] if len(ids) else np.zeros(0, dtype=bool)
    first = np.flatnonzero(new)
    if len(np.unique(ids[first])) == len(first):  # the rows of each vote are together
        codes = np.cumsum(new) - 1
    else:  # factorize numbers the votes in order of first appearance: a row starts a
        # vote exactly where its code passes every code before it
        codes = pd.factorize(ids)[0]
        new = np.r_[True, codes[1:] > np.maximum.accumulate(codes)[:-1]]
        first = np.flatnonzero(new)
    keys, n = ids[first], len(first)
    given = [pd.to_numeric(full[c].iloc[first], errors="coerce").to_numpy(
        dtype=float, na_value=np.nan) if c in full.columns else np.full(n, np.nan)
        for c in ("total_yes", "total_no")]
    use_given = ~np.isnan(given[0]) & ~np.isnan(given[1]) & (given[0] + given[1] > 0)
    counted = [np.zeros(n), np.zeros(n)]
    if not use_given.all():  # count the roll call only when the file gives no totals
        position = _lookup(full["vote"], {"yes": 0, "no": 1})
        both = np.bincount(codes[position >= 0] * 2 + position[position >= 0],
                           minlength=2 * n).reshape(n, 2).astype(float)
        counted = [both[:, 0], both[:, 1]]
    first_rows = full[["date", "session"]].iloc[first]
    per_vote = pd.DataFrame({
        "date": first_rows["date"].to_numpy(),
        "session": first_rows["session"].astype(str).to_numpy(),
        "yes": np.where(use_given, given[0], counted[0]),
        "no": np.where(use_given, given[1], counted[1]),
    }, index=pd.Index(keys))
    return _summary_of(per_vote)


def _summary_of(per_vote: pd.DataFrame) -> dict[str, Any]:
    dates = pd.to_datetime(per_vote["date"])
    per_vote = per_vote.assign(year=dates.dt.year.astype("Int64"))
    return {
        "recorded_votes": len(per_vote),
        "first": dates.min(),
        "last": dates.max(),
        "year": _ordered_periods(dates, per_vote["session"], "year"),
        "session": _ordered_periods(dates, per_vote["session"], "session"),
        "votes": per_vote,
    }


def _ordered_periods(dates: pd.Series, sessions: pd.Series, by: str) -> list[object]:
    if by == "year":
        return [int(y) for y in sorted(pd.unique(dates.dt.year.dropna()))]
    first = pd.Series(dates.to_numpy()).groupby(sessions.to_numpy()).min()
    return [str(s) for s in first.sort_values(kind="stable").index]


def contested_mask(yes: Any, no: Any) -> np.ndarray:
    """Which votes are contested: the losing side has at least :data:`CONTESTED_SHARE`.

    The losing side is the smaller of the yes and the no votes; the share is
    of yes plus no (those present and voting). A vote with neither yes nor
    no is not contested.

    Examples
    --------
    >>> contested_mask([107, 170, 93, 0], [12, 2, 93, 0]).tolist()
    [True, False, True, False]
    """
    y = np.asarray(yes, dtype=float)
    n = np.asarray(no, dtype=float)
    present = y + n
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.minimum(y, n) / present
    return np.asarray((present > 0) & (share >= CONTESTED_SHARE - 1e-12), dtype=bool)


def _selected(votes: object, info: dict[str, Any]) -> tuple[set[Any], str, str]:
    """The keys of the votes counted, the selection's name and a phrase that says it."""
    table: pd.DataFrame = info["votes"]
    total = len(table)
    if isinstance(votes, str):
        choice = votes.strip().lower()
        if choice == "all":
            return set(table.index), "all", f"all {total:,} recorded votes"
        if choice == "contested":
            keys = table.index[contested_mask(table["yes"], table["no"])]
            return (set(keys), "contested",
                    f"the {len(keys):,} contested votes of {total:,} recorded votes "
                    f"({_CONTESTED_RULE})")
        raise UngaTeachError(
            f"votes={votes!r} is not accepted: give 'contested' (the default), 'all', or a "
            "list of votes such as ['ES-11/7', 'A/RES/79/1'] or a ut.search_votes(...) result."
        )
    if isinstance(votes, (bytes, int, float)) or votes is None \
            or not isinstance(votes, (Iterable, pd.DataFrame)):
        raise UngaTeachError(
            f"votes={votes!r} is not accepted: give 'contested', 'all', or a list of votes.")
    keys = _chosen_keys(votes, info)
    return keys, "chosen", f"the {len(keys):,} votes chosen (of {total:,} recorded votes)"


def _chosen_keys(votes: object, info: dict[str, Any]) -> set[Any]:
    from . import record
    from .resolutions import resolve_votes

    refs = resolve_votes(votes)
    if not refs:
        raise UngaTeachError("votes is an empty selection: give at least one vote, or "
                             "votes='contested' or votes='all'.")
    if info["record"] == "course":
        return {r.id for r in refs}
    catalog = record.official_catalog()
    by_course = catalog.votes.set_index("course_id")["undl_id"]
    keys: set[Any] = set()
    for r in refs:
        if r.undl_id is not None:
            keys.add(int(r.undl_id))
        elif r.id in by_course.index:
            keys.add(int(by_course.loc[[r.id]].iloc[0]))
        else:
            raise UngaTeachError(
                f"vote {r.id} is a course vote that the official file {info['path']} does not "
                "hold, so there is no roll call to compare; choose votes of the file "
                "(ut.search_votes(...)).")
    return keys


# ------------------------------------------------------------------- the measure
_POSITIONS = {"yes": 0, "no": 1, "abstain": 2}


def affinity(
    state: CountryRef | Sequence[CountryRef],
    *,
    against: CountryRef | Iterable[CountryRef] = DEFAULT_REFERENCES,
    votes: VoteSelection = "contested",
    by: Period = "year",
    include_abstain: bool = True,
    min_votes: int = 1,
) -> pd.DataFrame:
    """A state's agreement with reference states per year, with kappa and n.

    The rule: for each year (or session) and each reference state, among the
    selected votes on which **both** the state and the reference cast yes,
    no or abstain (``votes``, the n), the share on which they cast the same
    vote (``agreement``), and Cohen's kappa (``kappa``: the agreement beyond
    what chance would give, see the module's notes). An abstention is a
    position of its own (yes against abstain is a disagreement). Non-voting
    and votes with no source (``unknown``) are left out, never counted
    either way. This is :func:`unga_teach.agreement`'s rule.

    With an official UN file in use, the recorded votes in the file count,
    and the votes of states that no longer exist count for the state that
    continues them (the USSR's for Russia). Without one, only the course's
    votes on Ukraine count: ``attrs["record"]`` is ``"course"`` and
    ``attrs["note"]`` says how to get the full record.

    Parameters
    ----------
    state : str or list of str
        A member state (or several), by name or code.
    against : str or list of str, default ("USA", "RUS", "CHN")
        The reference states, by name or code; not empty, and not the state
        itself.
    votes : {"contested", "all"} or list of votes, default "contested"
        Which recorded votes count. ``"contested"``: only votes on which the
        losing side held at least 10% of the yes and no votes
        (:data:`CONTESTED_SHARE`; the totals are the record's). ``"all"``:
        every recorded vote, lopsided ones included (they can rank the pairs
        backwards: see the module's notes). A list of votes (course ids,
        symbols, drafts, record ids) or a :func:`unga_teach.search_votes`
        result: only those, and only the periods they fall in.
    by : {"year", "session"}, default "year"
        One row per calendar year, or per General Assembly session
        (``"79"``, emergency special sessions such as ``"ES-11"``), in time
        order.
    include_abstain : bool, default True
        ``False`` compares only votes where both voted yes or no (the
        literature's yes/no index); an abstention then leaves the vote out.
    min_votes : int, default 1
        A period with fewer comparable votes gets ``agreement`` and
        ``kappa`` ``NaN`` (its row and its ``votes`` count stay).

    Returns
    -------
    pandas.DataFrame
        One row per state, reference and period (none is dropped):
        ``state`` and ``reference`` (ISO3), ``year`` (int; ``session``, str,
        with ``by="session"``), ``agreement`` (float in [0, 1]), ``kappa``
        (float in [-1, 1]) and ``votes`` (the comparable votes: the n of
        both figures). ``attrs``: ``record`` (``"official"`` or
        ``"course"``), ``path``, ``recorded_votes`` (votes in the record),
        ``votes`` (``"contested"``, ``"all"`` or ``"chosen"``),
        ``votes_counted`` (recorded votes selected), ``selection`` (which
        votes count, in words), ``rule``, ``kappa_rule``, ``description``
        (a plain summary, small n flagged), ``note`` (what the record
        covers), ``names`` (ISO3 -> name), ``by``, ``include_abstain``,
        ``min_votes``.

    Raises
    ------
    UnknownCountryError
        A state or reference that matches no state (with suggestions).
    UnknownResolutionError
        A vote of a ``votes`` list that the record does not hold.
    UngaTeachError
        An observer state, an empty ``against``, a reference equal to the
        state, a bad ``votes``, ``by`` or ``min_votes``.

    See Also
    --------
    affinity_chart, affinity_table, unga_teach.agreement, unga_teach.agreement_matrix

    Examples
    --------
    >>> import unga_teach as ut
    >>> ut.use_official_record(None)
    >>> a = ut.affinity("Brazil", against="USA", votes="all")
    >>> a.columns.tolist()
    ['state', 'reference', 'year', 'agreement', 'kappa', 'votes']
    >>> a.head(2)
      state reference  year  agreement  kappa  votes
    0   BRA       USA  2014        0.0    0.0      1
    1   BRA       USA  2022        0.6    0.0      5
    >>> c = ut.affinity("Brazil", against="USA")  # contested votes only
    >>> c.attrs["votes_counted"], c.attrs["recorded_votes"]
    (5, 11)
    >>> ut.affinity("Russia", against="RUS")
    Traceback (most recent call last):
    ...
    unga_teach.errors.UngaTeachError: Russian Federation is both the state and a reference ...
    """
    if by not in ("year", "session"):
        raise UngaTeachError(f"by must be 'year' or 'session', not {by!r}.")
    if isinstance(min_votes, bool) or not isinstance(min_votes, (int, np.integer)) \
            or int(min_votes) < 1:
        raise UngaTeachError(f"min_votes must be a whole number of at least 1, not {min_votes!r}.")
    states, refs = _resolve_states(state, against)
    codes = [s.iso3 for s in states] + [r.iso3 for r in refs]
    rows, info = _record_votes(codes)
    keys, kind, phrase = _selected(votes, info)
    periods = info[by]
    if kind == "chosen":
        table = info["votes"].loc[list(keys)]
        wanted = set(table["year"].dropna().astype(int) if by == "year" else table["session"])
        periods = [p for p in periods if p in wanted]
    rows = rows.loc[rows["key"].isin(keys).to_numpy()]
    shares, kappas, counts = _measure(rows, states, refs, periods, by, include_abstain,
                                      int(min_votes))

    n_p = len(periods)
    grid = pd.DataFrame({
        "state": np.repeat([s.iso3 for s in states], len(refs) * n_p),
        "reference": np.tile(np.repeat([r.iso3 for r in refs], n_p), len(states)),
        by: np.tile(np.asarray(periods, dtype=object if by == "session" else np.int64),
                    len(states) * len(refs)),
        "agreement": shares.reshape(-1),
        "kappa": kappas.reshape(-1),
        "votes": counts.reshape(-1).astype(np.int64),
    })
    info = {**info, "selection_kind": kind, "selection": phrase, "votes_counted": len(keys)}
    grid.attrs.update(_attrs(states, refs, info, by, include_abstain, int(min_votes), grid))
    return grid


def _measure(
    rows: pd.DataFrame, states: list[Country], refs: list[Country], periods: list[object],
    by: str, include_abstain: bool, min_votes: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(agreement, kappa, comparable votes)``, each states x references x periods.

    The positions are a states x votes array (``-1``: no position); for each
    pair, the votes both cast a position on are counted per period with
    ``np.bincount``: how many (n), how many the same, and how many of each
    position each state cast (for kappa's chance agreement).
    """
    n_s, n_r, n_p = len(states), len(refs), len(periods)
    shares = np.full((n_s, n_r, n_p), np.nan)
    kappas = np.full((n_s, n_r, n_p), np.nan)
    counts = np.zeros((n_s, n_r, n_p), dtype=np.int64)
    period_of = {p: i for i, p in enumerate(periods)}
    p_idx = pd.Series(rows[by].to_numpy()).map(period_of).to_numpy(
        dtype=np.float64, na_value=np.nan)
    usable = ~np.isnan(p_idx)
    if not usable.any():
        return shares, kappas, counts
    rows = rows.loc[usable]
    p_idx = p_idx[usable].astype(np.int64)
    order = [s.iso3 for s in states] + [r.iso3 for r in refs]
    state_codes = _lookup(rows["iso3"], {code: i for i, code in enumerate(order)})
    vote_codes, vote_keys = pd.factorize(rows["key"].to_numpy())
    vote_period = np.zeros(len(vote_keys), dtype=np.int64)
    vote_period[vote_codes] = p_idx
    allowed = _POSITIONS if include_abstain else {"yes": 0, "no": 1}
    position = _lookup(rows["vote"], allowed)
    pos = np.full((len(order), len(vote_keys)), -1, dtype=np.int8)
    has = (position >= 0) & (state_codes >= 0)
    pos[state_codes[has], vote_codes[has]] = position[has]
    for i in range(n_s):
        for j in range(n_r):
            a, b = pos[i], pos[n_s + j]
            both = (a >= 0) & (b >= 0)
            per, av, bv = vote_period[both], a[both], b[both]
            n = np.bincount(per, minlength=n_p).astype(np.int64)
            same = np.bincount(per, weights=(av == bv), minlength=n_p)
            chance = sum(np.bincount(per, weights=(av == c), minlength=n_p)
                         * np.bincount(per, weights=(bv == c), minlength=n_p)
                         for c in set(allowed.values()))
            counts[i, j] = n
            ok = n >= min_votes
            with np.errstate(invalid="ignore", divide="ignore"):
                share = same / n
                p_e = chance / (n.astype(float) ** 2)
                kappa = (share - p_e) / (1.0 - p_e)
            undefined = np.isclose(p_e, 1.0)
            shares[i, j] = np.where(ok, share, np.nan)
            kappas[i, j] = np.where(ok & ~undefined, np.clip(kappa, -1.0, 1.0), np.nan)
    return shares, kappas, counts


def _lookup(values: pd.Series, table: dict[str, int]) -> np.ndarray:
    """``table[value]`` for each value (``-1`` if absent), through the categories if any."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        lut = np.array([table.get(str(c), -1) for c in values.cat.categories] + [-1],
                       dtype=np.int64)
        return lut[values.cat.codes.to_numpy()]
    return np.array([table.get(str(v), -1) for v in values], dtype=np.int64)


def _period_phrase(info: dict[str, Any]) -> str:
    first, last = info["first"], info["last"]
    if pd.isna(first):
        return ""
    return f"{first:%Y}–{last:%Y}" if first.year != last.year else f"{first:%Y}"


def rule_text(include_abstain: bool) -> str:
    """The agreement rule in one sentence (for charts and tables)."""
    if include_abstain:
        return ("Agreement: the share of votes on which both states voted yes, no or abstain "
                "and cast the same vote; an abstention counts as a position; non-voting and "
                "unknown votes are left out.")
    return ("Agreement: the share of votes on which both states voted yes or no and cast the "
            "same vote; abstentions, non-voting and unknown votes are left out.")


#: How kappa reads, in one sentence.
KAPPA_RULE = ("Kappa (Cohen's): agreement beyond chance, where chance is how often the two "
              "would agree casting their own mix of votes at random; 1 always the same, 0 no "
              "more than chance, below 0 less than chance.")


def _attrs(states: list[Country], refs: list[Country], info: dict[str, Any], by: str,
           include_abstain: bool, min_votes: int, grid: pd.DataFrame) -> dict[str, Any]:
    span = _period_phrase(info)
    if info["record"] == "official":
        note = (f"Every recorded vote in the official UN file {info['path']} "
                f"({info['recorded_votes']:,} votes, {span}).")
    else:
        note = (f"Only the course's {info['recorded_votes']} votes on Ukraine ({span}), not "
                "the full record.")
    parts = []
    for s in states:
        for r in refs:
            sub = grid[(grid["state"] == s.iso3) & (grid["reference"] == r.iso3)]
            known = sub.dropna(subset=["agreement"])
            if known.empty:
                parts.append(f"{s.name} with {r.name}: no comparable vote")
                continue
            lo = known.loc[known["agreement"].idxmin()]
            hi = known.loc[known["agreement"].idxmax()]
            parts.append(
                f"{s.name} with {r.name}: from {lo['agreement']:.0%} ({lo[by]}, n={lo['votes']})"
                f" to {hi['agreement']:.0%} ({hi[by]}, n={hi['votes']}), "
                f"{int(sub['votes'].sum()):,} votes compared"
            )
    gaps = int(grid["agreement"].isna().sum())
    few = int(((grid["votes"] > 0) & (grid["votes"] < MIN_SHARED_VOTES)).sum())
    counted = f"Counted: {info['selection']}."
    description = (
        f"Line chart of how often {', '.join(s.name for s in states)} voted the same way as "
        f"{', '.join(r.name for r in refs)}, per {by}. {note} {counted} "
        f"{rule_text(include_abstain)} " + "; ".join(parts) + "."
        + (f" {gaps} {by}-rows have no comparable vote (shown as gaps, agreement NaN)."
           if gaps else "")
        + (f" {few} {by}-rows rest on fewer than {MIN_SHARED_VOTES} votes compared: read "
           "them with care (the chart does not draw them)." if few else "")
    )
    return {
        "record": info["record"],
        "path": info["path"],
        "recorded_votes": info["recorded_votes"],
        "votes": info["selection_kind"],
        "votes_counted": info["votes_counted"],
        "selection": info["selection"],
        "rule": rule_text(include_abstain),
        "kappa_rule": KAPPA_RULE,
        "note": note if info["record"] == "official" else f"{note} {_OFFICIAL_FILE_HINT}",
        "description": description,
        "names": {c.iso3: c.name for c in [*states, *refs]},
        "by": by,
        "include_abstain": include_abstain,
        "min_votes": min_votes,
    }


# ------------------------------------------------------------------------ table
def affinity_table(
    state: CountryRef | Sequence[CountryRef],
    *,
    against: CountryRef | Iterable[CountryRef] = DEFAULT_REFERENCES,
    votes: VoteSelection = "contested",
    by: Period = "year",
    include_abstain: bool = True,
    min_votes: int = 1,
) -> pd.DataFrame:
    """The numbers behind :func:`affinity_chart`: one row per period, columns per reference.

    Parameters
    ----------
    state, against, votes, by, include_abstain, min_votes
        As for :func:`affinity` (contested votes by default).

    Returns
    -------
    pandas.DataFrame
        ``state`` (name), ``year`` (or ``session``), then for each reference
        ``"<name>: agreement share"`` (``NaN`` when nothing is comparable),
        ``"<name>: kappa"`` and ``"<name>: votes compared"`` (the n of
        both). ``attrs["description"]`` is the chart's text alternative; the
        other ``attrs`` are :func:`affinity`'s. ``ut.show_table`` shows the
        shares as percentages.

    Examples
    --------
    >>> import unga_teach as ut
    >>> ut.use_official_record(None)
    >>> t = ut.affinity_table("Ukraine", against=["Russia"], votes="all", by="session")
    >>> t.columns.tolist()  # doctest: +NORMALIZE_WHITESPACE
    ['state', 'session', 'Russian Federation: agreement share', 'Russian Federation: kappa',
     'Russian Federation: votes compared']
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")  # session 68 has one vote: not drawn
    ...     chart = ut.affinity_chart("Ukraine", against=["Russia"], votes="all", by="session")
    >>> t.attrs["description"] == chart.description
    True
    """
    tidy = affinity(state, against=against, votes=votes, by=by,
                    include_abstain=include_abstain, min_votes=min_votes)
    return _wide(tidy)


def _wide(tidy: pd.DataFrame) -> pd.DataFrame:
    by = tidy.attrs["by"]
    names = tidy.attrs["names"]
    refs = list(dict.fromkeys(tidy["reference"]))
    pieces = []
    for code, part in tidy.groupby("state", sort=False):
        out = pd.DataFrame({"state": names[str(code)],
                            by: part.loc[part["reference"] == refs[0], by].to_numpy()})
        for r in refs:
            sub = part[part["reference"] == r]
            out[f"{names[r]}: agreement share"] = sub["agreement"].to_numpy()
            out[f"{names[r]}: kappa"] = sub["kappa"].to_numpy()
            out[f"{names[r]}: votes compared"] = sub["votes"].to_numpy()
        pieces.append(out)
    table = pd.concat(pieces, ignore_index=True)
    table.attrs.update(tidy.attrs)
    return table
