"""Who votes with whom: a state's agreement with reference states, year by year.

:func:`affinity` is the standard "voting affinity" measure of the
international relations literature: for each year (or session), the share of
recorded votes on which a state voted the same way as a reference state such
as the United States, Russia or China. :func:`affinity_chart` draws it and
:func:`affinity_table` is the chart's text-table twin.

The rule (the same as :func:`unga_teach.agreement` and
:func:`unga_teach.official.agreement_matrix`, which computes it):

* a vote counts for a pair of states only if **both** cast yes, no or
  abstain on it (with ``include_abstain=False``: only if both cast yes or
  no);
* the agreement is the share of those votes on which the two cast the same
  vote; an abstention is a position of its own (yes against abstain is a
  disagreement, abstain with abstain an agreement);
* non-voting, and votes with no source (``unknown``), are left out; they are
  never counted as agreement or disagreement;
* a year with no comparable vote (a state not yet a member, or fewer than
  ``min_votes`` comparable votes) keeps its row, with ``agreement`` ``NaN``.

Some studies count an abstention against a yes or a no as half an agreement;
``agreement_matrix`` has no such option, so neither has :func:`affinity`.
``include_abstain=False`` gives the other common index, on yes and no votes
only.

With an official UN file in use (:func:`unga_teach.use_official_record`) the
measure covers every recorded vote in that file; states that no longer exist
count for the state that continues them (the USSR for Russia, Zaire for the
Democratic Republic of the Congo: the file's ``current_iso3``). Without one it
covers only the course's votes on Ukraine, and the result says so.

Examples
--------
>>> import unga_teach as ut
>>> ut.use_official_record(None)
>>> a = ut.affinity("Ukraine", against=["Russia", "Poland"])
>>> a.attrs["record"]
'course'
>>> a.query("year == 2022")[["reference", "agreement", "votes"]].values.tolist()
[['RUS', 0.0, 5], ['POL', 1.0, 5]]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from .analysis import voting_member
from .errors import UngaTeachError
from .members import Country, chart_name
from .notebook import offline_chart
from .types import CountryRef

if TYPE_CHECKING:  # altair is imported by affinity_chart only (it takes seconds to import)
    import altair as alt

#: Columns of :func:`affinity` (the period column is named after ``by``).
AFFINITY_COLUMNS: tuple[str, ...] = ("state", "reference", "year", "agreement", "votes")

#: The reference states drawn by default.
DEFAULT_REFERENCES: tuple[str, ...] = ("USA", "RUS", "CHN")

#: Line colours of the reference states: the Okabe-Ito colours the vote scale
#: does not use (black, bluish green, sky blue), so a reference line is never
#: mistaken for a vote colour. A dash pattern and a point shape tell them
#: apart too.
REFERENCE_COLORS: tuple[str, ...] = ("#000000", "#009E73", "#56B4E9")
_DASHES: tuple[list[int], ...] = ([1, 0], [6, 3], [2, 2])
_SHAPES: tuple[str, ...] = ("circle", "square", "triangle-up")
_MAX_CHART_REFERENCES = len(REFERENCE_COLORS) * len(_DASHES)

Period = Literal["year", "session"]

_OFFICIAL_FILE_HINT = (
    "the full record of every recorded vote since 1946 is the UN Digital Library's "
    "'General Assembly Voting Data' (https://digitallibrary.un.org/record/4060887): set it "
    "with ut.use_official_record(path) or UNGA_TEACH_UNDL."
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
    what record they come from. With an official file: every recorded vote in
    it (the whole file is read once per record, from its cache); without:
    the course series.
    """
    from . import record

    full = record.official_frame()
    if full is not None:
        summary = record.derived(("affinity", "summary"), lambda: _summary(full))
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
        return out, {"record": "official", "path": str(record.STATE.path), **summary}
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
    info = {"record": "course", "path": None,
            **_summary_of(pd.to_datetime(used["date"]), used["session"].astype(str),
                          len(used))}
    return out, info


def _summary(full: pd.DataFrame) -> dict[str, Any]:
    """Votes, first and last date, years and sessions of the official file (once per record)."""
    first = full.drop_duplicates("undl_id")
    return _summary_of(first["date"], first["session"].astype(str), len(first))


def _summary_of(dates: pd.Series, sessions: pd.Series, n_votes: int) -> dict[str, Any]:
    return {
        "recorded_votes": int(n_votes),
        "first": dates.min(),
        "last": dates.max(),
        "year": _ordered_periods(dates, sessions, "year"),
        "session": _ordered_periods(dates, sessions, "session"),
    }


def _ordered_periods(dates: pd.Series, sessions: pd.Series, by: str) -> list[object]:
    if by == "year":
        return [int(y) for y in sorted(pd.unique(dates.dt.year.dropna()))]
    first = pd.Series(dates.to_numpy()).groupby(sessions.to_numpy()).min()
    return [str(s) for s in first.sort_values(kind="stable").index]


# ------------------------------------------------------------------- the measure
_POSITIONS = {"yes": 0, "no": 1, "abstain": 2}


def affinity(
    state: CountryRef | Sequence[CountryRef],
    *,
    against: CountryRef | Iterable[CountryRef] = DEFAULT_REFERENCES,
    by: Period = "year",
    include_abstain: bool = True,
    min_votes: int = 1,
) -> pd.DataFrame:
    """A state's agreement with reference states, per year, over every recorded vote.

    The rule: for each year (or session) and each reference state, among the
    recorded votes on which **both** the state and the reference cast yes, no
    or abstain, the share on which they cast the same vote. An abstention is
    a position of its own (yes against abstain is a disagreement).
    Non-voting and votes with no source (``unknown``) are left out, never
    counted either way. This is :func:`unga_teach.agreement`'s rule,
    computed by :func:`unga_teach.official.agreement_matrix`.

    With an official UN file in use, every recorded vote in the file counts,
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
    by : {"year", "session"}, default "year"
        One row per calendar year, or per General Assembly session
        (``"79"``, emergency special sessions such as ``"ES-11"``), in time
        order.
    include_abstain : bool, default True
        ``False`` compares only votes where both voted yes or no (the
        literature's yes/no index); an abstention then leaves the vote out.
    min_votes : int, default 1
        A year with fewer comparable votes gets ``agreement`` ``NaN`` (its
        row and its ``votes`` count stay).

    Returns
    -------
    pandas.DataFrame
        One row per state, reference and period, for every period with a
        recorded vote (none is dropped): ``state`` and ``reference`` (ISO3),
        ``year`` (int; ``session``, str, with ``by="session"``),
        ``agreement`` (float in [0, 1]; ``NaN`` when there are fewer than
        ``min_votes`` comparable votes, e.g. before the state joined the UN)
        and ``votes`` (the comparable votes). ``attrs``: ``record``
        (``"official"`` or ``"course"``), ``path``, ``recorded_votes`` (votes
        in the record), ``rule`` (the rule in words), ``description`` (a
        plain summary), ``note`` (what the record covers), ``names`` (ISO3 ->
        name), ``by``, ``include_abstain``, ``min_votes``.

    Raises
    ------
    UnknownCountryError
        A state or reference that matches no state (with suggestions).
    UngaTeachError
        An observer state, an empty ``against``, a reference equal to the
        state, a bad ``by`` or ``min_votes``.

    See Also
    --------
    affinity_chart, affinity_table, unga_teach.agreement, unga_teach.agreement_matrix

    Examples
    --------
    >>> import unga_teach as ut
    >>> ut.use_official_record(None)
    >>> a = ut.affinity("Brazil", against="USA")
    >>> a.columns.tolist()
    ['state', 'reference', 'year', 'agreement', 'votes']
    >>> a.head(2)
      state reference  year  agreement  votes
    0   BRA       USA  2014        0.0      1
    1   BRA       USA  2022        0.6      5
    >>> a.attrs["record"], a.attrs["recorded_votes"]
    ('course', 11)
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
    periods = info[by]
    shares, counts = _measure(rows, states, refs, periods, by, include_abstain, int(min_votes))

    n_p = len(periods)
    grid = pd.DataFrame({
        "state": np.repeat([s.iso3 for s in states], len(refs) * n_p),
        "reference": np.tile(np.repeat([r.iso3 for r in refs], n_p), len(states)),
        by: np.tile(np.asarray(periods, dtype=object if by == "session" else np.int64),
                    len(states) * len(refs)),
        "agreement": shares.reshape(-1),
        "votes": counts.reshape(-1).astype(np.int64),
    })
    grid.attrs.update(_attrs(states, refs, info, by, include_abstain, int(min_votes), grid))
    return grid


def _measure(
    rows: pd.DataFrame, states: list[Country], refs: list[Country], periods: list[object],
    by: str, include_abstain: bool, min_votes: int,
) -> tuple[np.ndarray, np.ndarray]:
    """``(agreement, comparable votes)``, each states x references x periods.

    The agreement comes from :func:`agreement_matrix` in one call: each state
    is split into one pseudo-state per period, and each vote is numbered
    within its period (0, 1, 2, ...), so that the matrix is (states x
    periods) by (most votes in a period), not by every vote of the file.
    Pairs of pseudo-states of the same period compare exactly that period's
    votes; the other pairs are never read. ``agreement_matrix`` gives shares
    only, so the comparable votes are counted here from the same positions.
    """
    from .official.agreement import agreement_matrix

    n_s, n_r, n_p = len(states), len(refs), len(periods)
    shares = np.full((n_s, n_r, n_p), np.nan)
    counts = np.zeros((n_s, n_r, n_p), dtype=np.int64)
    period_of = {p: i for i, p in enumerate(periods)}
    p_idx = pd.Series(rows[by].to_numpy()).map(period_of).to_numpy(
        dtype=np.float64, na_value=np.nan)
    usable = ~np.isnan(p_idx)
    if not usable.any():
        return shares, counts
    rows = rows.loc[usable]
    p_idx = p_idx[usable].astype(np.int64)
    order = [s.iso3 for s in states] + [r.iso3 for r in refs]
    state_codes = _lookup(rows["iso3"], {code: i for i, code in enumerate(order)})
    vote_codes, vote_keys = pd.factorize(rows["key"].to_numpy())
    vote_period = np.zeros(len(vote_keys), dtype=np.int64)
    vote_period[vote_codes] = p_idx
    rank = pd.Series(vote_period).groupby(vote_period).cumcount().to_numpy()

    pseudo = pd.DataFrame({
        "iso3": state_codes * n_p + p_idx,  # pseudo-state: state i in period p
        "vote": rows["vote"].to_numpy(),
        "undl_id": rank[vote_codes],  # the vote's number within its period
    })
    matrix = agreement_matrix(pseudo, include_abstain=include_abstain, min_votes=min_votes)
    values = matrix.to_numpy()

    # comparable votes: positions as a states x votes array (-1: no position)
    allowed = _POSITIONS if include_abstain else {"yes": 0, "no": 1}
    position = _lookup(rows["vote"], allowed)
    pos = np.full((len(order), len(vote_keys)), -1, dtype=np.int8)
    has = position >= 0
    pos[state_codes[has], vote_codes[has]] = position[has]
    where = {int(label): k for k, label in enumerate(matrix.index)}
    for i in range(n_s):
        for j in range(n_r):
            both = (pos[i] >= 0) & (pos[n_s + j] >= 0)
            counts[i, j] = np.bincount(vote_period[both], minlength=n_p)
            for p in np.flatnonzero(counts[i, j]):
                # a comparable vote means both pseudo-states are in the matrix
                a, b = where[i * n_p + int(p)], where[(n_s + j) * n_p + int(p)]
                shares[i, j, p] = values[a, b]
    return shares, counts


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


def _rule_text(include_abstain: bool) -> str:
    if include_abstain:
        return ("Agreement: the share of votes on which both states voted yes, no or abstain "
                "and cast the same vote; an abstention counts as a position; non-voting and "
                "unknown votes are left out.")
    return ("Agreement: the share of votes on which both states voted yes or no and cast the "
            "same vote; abstentions, non-voting and unknown votes are left out.")


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
                f"{s.name} with {r.name}: from {lo['agreement']:.0%} ({lo[by]}) to "
                f"{hi['agreement']:.0%} ({hi[by]}), {int(sub['votes'].sum()):,} votes compared"
            )
    gaps = int(grid["agreement"].isna().sum())
    description = (
        f"Line chart of how often {', '.join(s.name for s in states)} voted the same way as "
        f"{', '.join(r.name for r in refs)}, per {by}. {note} {_rule_text(include_abstain)} "
        + "; ".join(parts) + "."
        + (f" {gaps} {by}-rows have no comparable vote (shown as gaps, agreement NaN)."
           if gaps else "")
    )
    return {
        "record": info["record"],
        "path": info["path"],
        "recorded_votes": info["recorded_votes"],
        "rule": _rule_text(include_abstain),
        "note": note if info["record"] == "official" else f"{note} {_OFFICIAL_FILE_HINT}",
        "description": description,
        "names": {c.iso3: c.name for c in [*states, *refs]},
        "by": by,
        "include_abstain": include_abstain,
        "min_votes": min_votes,
    }


# ------------------------------------------------------------ table and chart
def affinity_table(
    state: CountryRef | Sequence[CountryRef],
    *,
    against: CountryRef | Iterable[CountryRef] = DEFAULT_REFERENCES,
    by: Period = "year",
    include_abstain: bool = True,
    min_votes: int = 1,
) -> pd.DataFrame:
    """The numbers behind :func:`affinity_chart`: one row per period, a column pair per reference.

    Returns
    -------
    pandas.DataFrame
        ``state`` (name), ``year`` (or ``session``), then for each reference
        ``"<name>: agreement share"`` (``NaN`` when nothing is comparable)
        and ``"<name>: votes compared"``. ``attrs["description"]`` is the
        chart's text alternative; the other ``attrs`` are :func:`affinity`'s.
        ``ut.show_table`` shows the shares as percentages.

    Examples
    --------
    >>> import unga_teach as ut
    >>> ut.use_official_record(None)
    >>> t = ut.affinity_table("Ukraine", against=["Russia"])
    >>> t.columns.tolist()
    ['state', 'year', 'Russian Federation: agreement share', 'Russian Federation: votes compared']
    >>> t.attrs["description"] == ut.affinity_chart("Ukraine", against=["Russia"]).description
    True
    """
    tidy = affinity(state, against=against, by=by, include_abstain=include_abstain,
                    min_votes=min_votes)
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
            out[f"{names[r]}: votes compared"] = sub["votes"].to_numpy()
        pieces.append(out)
    table = pd.concat(pieces, ignore_index=True)
    table.attrs.update(tidy.attrs)
    return table


def _with_gap_years(data: pd.DataFrame) -> pd.DataFrame:
    """Add empty rows for the years with no recorded vote, so that the lines break there.

    The chart's x axis is in years: a line from 2014 straight to 2022 would
    suggest votes in between. The rows added have no agreement and are not
    drawn; they are not in :func:`affinity`'s result.
    """
    years = data["year"].astype(int)
    missing = sorted(set(range(int(years.min()), int(years.max()) + 1)) - set(years))
    if not missing:
        return data
    keys = data[["state", "reference", "state_name", "reference_name"]].drop_duplicates()
    gaps = keys.merge(pd.DataFrame({"year": missing}), how="cross")
    gaps["agreement"], gaps["votes"] = np.nan, 0
    out = pd.concat([data, gaps[data.columns]], ignore_index=True)
    return out.sort_values(["state", "reference", "year"], kind="stable", ignore_index=True)


@offline_chart
def affinity_chart(
    state: CountryRef | Sequence[CountryRef],
    *,
    against: CountryRef | Iterable[CountryRef] = DEFAULT_REFERENCES,
    by: Period = "year",
    include_abstain: bool = True,
    min_votes: int = 1,
) -> alt.VConcatChart:
    """Line chart of :func:`affinity`: one line per reference state, one panel per state.

    A year with no comparable vote is a gap in the line, never a zero; so is
    a year with no recorded vote at all. Lines differ by colour (Okabe-Ito
    colours the vote scale does not use), dash and point shape; the legend
    is below the chart, which fits 800 px. The subtitle says which record
    is used and the rule. ``chart.description`` is the text alternative
    (also :func:`affinity_table`'s ``attrs["description"]``).

    Parameters
    ----------
    state, against, by, include_abstain, min_votes
        As for :func:`affinity`; at most 9 reference states.

    Examples
    --------
    >>> import unga_teach as ut
    >>> ut.use_official_record(None)
    >>> spec = ut.affinity_chart("Brazil").to_dict()
    >>> spec["vconcat"][0]["layer"][0]["encoding"]["color"]["scale"]["range"]
    ['#000000', '#009E73', '#56B4E9']
    >>> "course" in " ".join(spec["title"]["subtitle"])
    True
    """
    import altair as alt

    from .charts import inline_data, wrap_lines

    tidy = affinity(state, against=against, by=by, include_abstain=include_abstain,
                    min_votes=min_votes)
    names = {code: chart_name(n) for code, n in tidy.attrs["names"].items()}  # short labels
    refs = list(dict.fromkeys(tidy["reference"].astype(str)))
    if len(refs) > _MAX_CHART_REFERENCES:
        raise UngaTeachError(
            f"affinity_chart draws at most {_MAX_CHART_REFERENCES} reference states "
            f"({len(refs)} given); use affinity() or affinity_table() for more."
        )
    ref_names = [names[r] for r in refs]
    n_c = len(REFERENCE_COLORS)
    colors = [REFERENCE_COLORS[i % n_c] for i in range(len(refs))]
    dashes = [_DASHES[(i // n_c + i % n_c) % len(_DASHES)] if len(refs) > n_c else [1, 0]
              for i in range(len(refs))]
    shapes = [_SHAPES[(i // n_c) % len(_SHAPES)] if len(refs) > n_c else _SHAPES[i % 3]
              for i in range(len(refs))]
    data = tidy.copy()
    data["state_name"] = data["state"].map(names)
    data["reference_name"] = data["reference"].map(names)
    if by == "year":
        data = _with_gap_years(data)
    data["agreement"] = [None if pd.isna(v) else float(v) for v in data["agreement"]]
    long_names = max(len(n) for n in ref_names) > 28
    legend = alt.Legend(orient="bottom", title="Agreement with", titleOrient="left",
                        labelLimit=320 if long_names else 220, symbolStrokeWidth=2,
                        columns=min(len(refs), 2 if long_names else 3))
    color = alt.Color("reference_name:N", sort=ref_names, title="Agreement with",
                      scale=alt.Scale(domain=ref_names, range=colors), legend=legend)
    dash = alt.StrokeDash("reference_name:N", sort=ref_names, title="Agreement with",
                          scale=alt.Scale(domain=ref_names, range=dashes), legend=legend)
    shape = alt.Shape("reference_name:N", sort=ref_names, title="Agreement with",
                      scale=alt.Scale(domain=ref_names, range=shapes), legend=legend)
    if by == "year":
        x = alt.X("year:Q", title="Year", scale=alt.Scale(zero=False, nice=False, padding=8),
                  axis=alt.Axis(format="d", tickMinStep=1, labelOverlap=True))
    else:
        order = list(dict.fromkeys(tidy["session"].astype(str)))
        x = alt.X("session:O", title="Session", sort=order,
                  axis=alt.Axis(labelAngle=-90 if len(order) > 12 else 0, labelOverlap=True))
    tips = [
        alt.Tooltip("state_name:N", title="State"),
        alt.Tooltip("reference_name:N", title="Agreement with"),
        alt.Tooltip("year:Q", title="Year", format="d") if by == "year"
        else alt.Tooltip("session:N", title="Session"),
        alt.Tooltip("agreement:Q", title="Agreement", format=".0%"),
        alt.Tooltip("votes:Q", title="Votes compared"),
    ]
    y = alt.Y("agreement:Q", title="Share of votes cast the same way",
              scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%"))
    panels = []
    state_codes = list(dict.fromkeys(tidy["state"].astype(str)))
    many_periods = tidy[by].nunique() > 40
    for code in state_codes:
        base = alt.Chart(inline_data(data[data["state"] == code])).encode(x=x, y=y)
        line = base.mark_line(strokeWidth=2).encode(color=color, strokeDash=dash, tooltip=tips)
        points = base.mark_point(filled=True, size=18 if many_periods else 45, opacity=1).encode(
            color=color, shape=shape, tooltip=tips)
        panels.append(alt.layer(line, points).properties(
            width=600, height=220,
            title=alt.TitleParams(f"{names[code]}", anchor="start", fontSize=13)))
    record_line = (
        f"Over every recorded vote in the official UN file ({tidy.attrs['recorded_votes']:,} "
        "votes)." if tidy.attrs["record"] == "official" else
        f"Over the course's {tidy.attrs['recorded_votes']} votes on Ukraine only, not the full "
        "record (set an official UN file for every recorded vote since 1946)."
    )
    return alt.vconcat(
        *panels,
        title=alt.TitleParams(
            wrap_lines("How often " + ", ".join(names[c] for c in state_codes)
                       + " voted with " + ", ".join(ref_names) + f", per {by}", width=80),
            subtitle=[*wrap_lines(record_line),
                      *wrap_lines(_rule_text(include_abstain)
                                   + " Gaps: no comparable vote, or no vote that year.")],
            anchor="start", fontSize=15,
        ),
        description=tidy.attrs["description"],
    ).resolve_scale(color="shared", strokeDash="shared", shape="shared")
