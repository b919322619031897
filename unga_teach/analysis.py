"""Counting and comparing votes: tallies, majorities, shifts, agreement, cohesion.

Every function takes and returns plain pandas objects and never guesses a vote:
a state with no sourced vote is ``unknown`` and is never counted as a
position.

Examples
--------
>>> import unga_teach as ut
>>> ut.tally("2026").set_index("vote").loc["no", "known"]
np.int64(12)
>>> ut.passes(107, 12)
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from numbers import Integral

import pandas as pd

from .categories import MEMBER_STATE_COUNT, RECORDED_VOTES, VOTE_DTYPE, VOTE_LABELS, VOTE_ORDER
from .errors import UngaTeachError
from .members import Country, find_country, load_members
from .resolutions import resolution_info, resolve_vote, series
from .types import CountryRef, MajorityRule, ResolutionRef
from .votes import load_votes

#: Majority rules accepted by :func:`passes` and :func:`majority_explanation`.
MAJORITY_RULES: dict[str, str] = {
    "simple": "a simple majority (Charter art. 18(3))",
    "two_thirds": "a two-thirds majority (Charter art. 18(2))",
}

#: The vote values that count as a position when comparing states (non-voting
#: and unknown are left out; an abstention is a position).
POSITIONS: tuple[str, ...] = ("yes", "no", "abstain")

TALLY_COLUMNS = ["vote", "label", "known", "official", "missing"]


# --------------------------------------------------------------------------- tally
def tally(resolution: ResolutionRef = "2026") -> pd.DataFrame:
    """Count the votes of one resolution: known from sources vs the official totals.

    Parameters
    ----------
    resolution : str, default "2026"
        An id, symbol or draft (see :func:`unga_teach.resolve_resolution`).
        The procedural motion ``"2026-division"`` works too: it has official
        totals but no per-country record, so every state is ``unknown``.

    Returns
    -------
    pandas.DataFrame
        One row per category of :data:`~unga_teach.VOTE_ORDER`:

        - ``vote``: ordered categorical (yes, no, abstain, non_voting, unknown);
        - ``label``: the display label;
        - ``known``: member states whose vote in this category has a source.
          On the ``unknown`` row it is the number of states with **no**
          sourced vote, so the column always sums to the 193 members;
        - ``official``: the official total (``<NA>`` on the ``unknown`` row);
        - ``missing``: ``official - known``, the official votes whose states
          the data cannot name yet (``<NA>`` on the ``unknown`` row).

    Examples
    --------
    >>> t = tally("2026").set_index("vote")
    >>> t.loc["yes", ["known", "official", "missing"]].tolist()
    [42, 107, 65]
    >>> int(t["known"].sum()), int(t["official"].sum())
    (193, 193)
    >>> tally("ES-11/7")["missing"].fillna(0).eq(0).all()
    np.True_
    """
    info = resolution_info(resolution)
    total = int(info["total_members"])
    if info["kind"] == "resolution":
        votes = load_votes(info["id"])
        counts = votes["vote"].value_counts().reindex(list(VOTE_ORDER), fill_value=0)
    else:  # a motion: official totals only
        counts = pd.Series(0, index=list(VOTE_ORDER))
        counts["unknown"] = total
    official = pd.array([int(info[v]) for v in RECORDED_VOTES] + [pd.NA], dtype="Int64")
    known = counts.to_numpy().astype("int64")
    frame = pd.DataFrame(
        {
            "vote": pd.Categorical(list(VOTE_ORDER), dtype=VOTE_DTYPE),
            "label": [VOTE_LABELS[v] for v in VOTE_ORDER],
            "known": known,
            "official": official,
        }
    )
    frame["missing"] = frame["official"] - frame["known"]
    return frame[TALLY_COLUMNS]


# ----------------------------------------------------------------------- majority
def _check_count(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise UngaTeachError(
            f"{name} must be a whole number of votes (an int such as 107), got {value!r}."
        )
    if value < 0:
        raise UngaTeachError(f"{name} cannot be negative, got {value}.")
    return int(value)


def _check_rule(rule: object) -> MajorityRule:
    if rule == "simple":
        return "simple"
    if rule == "two_thirds":
        return "two_thirds"
    raise UngaTeachError(
        f"Unknown majority rule {rule!r}. Accepted: 'simple' (more yes than no) or "
        "'two_thirds' (yes at least two thirds of yes + no)."
    )


def votes_needed(present_and_voting: int, rule: MajorityRule = "simple") -> int:
    """Return the smallest number of yes votes that passes, for a given yes + no.

    Parameters
    ----------
    present_and_voting : int
        Yes plus no votes (abstentions and non-voting states are not counted).
    rule : {"simple", "two_thirds"}
        See :func:`passes`.

    Returns
    -------
    int
        ``floor(n / 2) + 1`` for a simple majority, ``ceil(2n / 3)`` for two
        thirds, and 1 when nobody is present and voting (a proposal needs at
        least one yes).

    Examples
    --------
    >>> votes_needed(119), votes_needed(119, "two_thirds"), votes_needed(120, "two_thirds")
    (60, 80, 80)
    """
    n = _check_count("present_and_voting", present_and_voting)
    rule = _check_rule(rule)
    if n == 0:
        return 1
    if rule == "simple":
        return n // 2 + 1
    return -(-2 * n // 3)  # ceil(2n/3) in integers


def passes(yes: int, no: int, rule: MajorityRule = "simple") -> bool:
    """Return True if a General Assembly proposal with these votes is adopted.

    The Charter counts only the **members present and voting** (art. 18),
    which the Assembly's rules of procedure define as the members casting a
    yes or a no vote; abstaining members count as not voting (rule 86).
    Abstentions and absent states therefore never enter the arithmetic.

    - ``rule="simple"`` ("a majority of the members present and voting",
      art. 18(3)): adopted when ``yes > no``. A tie is a rejection: an equally
      divided vote is regarded as rejected (rule 95).
    - ``rule="two_thirds"`` ("a two-thirds majority of the members present
      and voting", art. 18(2), for important questions): adopted when
      ``yes >= 2/3 * (yes + no)``, i.e. ``3 * yes >= 2 * (yes + no)``,
      computed in integers (80 yes to 40 no passes, exactly two thirds; 79 to
      40 fails).
    - With no member present and voting (``0, 0``) nothing is adopted, under
      either rule: a proposal needs at least one yes vote.

    Which rule applies is decided for each vote (the Assembly decides what is
    an "important question"); this function only does the arithmetic.

    Parameters
    ----------
    yes, no : int
        Non-negative whole numbers of votes.
    rule : {"simple", "two_thirds"}, default "simple"

    Raises
    ------
    UngaTeachError
        For a negative or non-integer count, or an unknown rule.

    Examples
    --------
    >>> passes(107, 12), passes(50, 50), passes(0, 0)
    (True, False, False)
    >>> passes(80, 40, rule="two_thirds"), passes(79, 40, rule="two_thirds")
    (True, False)
    >>> passes(-1, 3)
    Traceback (most recent call last):
    ...
    unga_teach.errors.UngaTeachError: no cannot be negative, got -1.
    """
    yes = _check_count("yes", yes)
    no = _check_count("no", no)
    rule = _check_rule(rule)
    if yes == 0:
        return False
    if rule == "simple":
        return yes > no
    return 3 * yes >= 2 * (yes + no)


def majority_explanation(
    yes: int,
    no: int,
    abstain: int = 0,
    non_voting: int = 0,
    rule: MajorityRule = "simple",
) -> str:
    """Explain in plain English whether a vote passes, and why.

    Parameters
    ----------
    yes, no, abstain, non_voting : int
        Non-negative whole numbers of votes or states.
    rule : {"simple", "two_thirds"}, default "simple"
        See :func:`passes`.

    Returns
    -------
    str
        One or two sentences with the arithmetic.

    Examples
    --------
    >>> print(majority_explanation(107, 12, 51, 23))
    107 yes vs 12 no: 119 present and voting; a simple majority needs 60; passes.
    The 51 abstentions and 23 non-voting states are not counted.
    >>> print(majority_explanation(79, 40, rule="two_thirds"))
    79 yes vs 40 no: 119 present and voting; a two-thirds majority needs 80; fails.
    >>> print(majority_explanation(0, 0, 5))
    0 yes vs 0 no: nobody present and voting; nothing can be adopted; fails.
    The 5 abstentions are not counted.
    """
    yes = _check_count("yes", yes)
    no = _check_count("no", no)
    abstain = _check_count("abstain", abstain)
    non_voting = _check_count("non_voting", non_voting)
    rule = _check_rule(rule)
    present = yes + no
    outcome = "passes" if passes(yes, no, rule) else "fails"
    kind = "a simple majority" if rule == "simple" else "a two-thirds majority"
    if present == 0:
        text = (
            f"{yes} yes vs {no} no: nobody present and voting; nothing can be adopted; {outcome}."
        )
    else:
        needed = votes_needed(present, rule)
        text = (
            f"{yes} yes vs {no} no: {present} present and voting; {kind} needs {needed}; "
            f"{outcome}."
        )
        if rule == "simple" and yes == no:
            text += " A tie is a rejection."
    left_out = []
    if abstain:
        left_out.append(f"{abstain} abstention" + ("s" if abstain != 1 else ""))
    if non_voting:
        left_out.append(f"{non_voting} non-voting state" + ("s" if non_voting != 1 else ""))
    if left_out:
        verb = "is" if (len(left_out) == 1 and (abstain == 1 or non_voting == 1)) else "are"
        text += f" The {' and '.join(left_out)} {verb} not counted."
    return text


# -------------------------------------------------------------------- transitions
def _vote_column(resolution: ResolutionRef) -> pd.Series:
    """Vote of every member state on one resolution, indexed by iso3."""
    frame = load_votes(resolution)
    return frame.set_index(frame["iso3"].astype(str))["vote"]


def transitions(a: ResolutionRef, b: ResolutionRef) -> pd.DataFrame:
    """How each member state's vote moved from resolution ``a`` to resolution ``b``.

    Parameters
    ----------
    a, b : str
        Resolution ids, symbols or drafts, e.g. ``"ES-11/7"`` and ``"2026"``.

    Returns
    -------
    pandas.DataFrame
        Long format, all 25 combinations of :data:`~unga_teach.VOTE_ORDER`
        (zero rows included): ``from_vote`` and ``to_vote`` (ordered
        categoricals, ``unknown`` included), ``count`` and ``states`` (sorted
        list of ISO3 codes). ``count`` sums to the 193 member states.

    Examples
    --------
    >>> t = transitions("ES-11/7", "2026")
    >>> int(t["count"].sum())
    193
    >>> row = t[(t["from_vote"] == "yes") & (t["to_vote"] == "no")]
    >>> int(row["count"].iloc[0])
    0
    """
    from . import record

    key = ("transitions", resolve_vote(a).id, resolve_vote(b).id)
    out = record.derived(key, lambda: _transitions(a, b)).copy()  # built once per record
    out["states"] = [list(s) for s in out["states"]]
    return out


def _transitions(a: ResolutionRef, b: ResolutionRef) -> pd.DataFrame:
    va = _vote_column(a)
    vb = _vote_column(b).reindex(va.index, fill_value="unknown")  # not in b's record
    pairs = pd.DataFrame({"from_vote": va.astype(str), "to_vote": vb.astype(str)})
    grouped = pairs.groupby(["from_vote", "to_vote"]).groups
    groups = {key: sorted(idx) for key, idx in grouped.items()}
    rows = []
    for f in VOTE_ORDER:
        for t in VOTE_ORDER:
            states = groups.get((f, t), [])
            rows.append({"from_vote": f, "to_vote": t, "count": len(states), "states": states})
    out = pd.DataFrame(rows)
    out["from_vote"] = out["from_vote"].astype(VOTE_DTYPE)
    out["to_vote"] = out["to_vote"].astype(VOTE_DTYPE)
    out["count"] = out["count"].astype("int64")
    return out


def transition_crosstab(a: ResolutionRef, b: ResolutionRef) -> pd.DataFrame:
    """The transitions of :func:`transitions` as a 5 x 5 table with totals.

    Rows are the votes on ``a``, columns the votes on ``b``; the ``total``
    row and column hold the margins (193 in the corner).

    Examples
    --------
    >>> x = transition_crosstab("ES-11/7", "2026")
    >>> int(x.loc["total", "total"])
    193
    >>> int(x.loc["no", "total"])
    18
    """
    t = transitions(a, b)
    wide = pd.DataFrame(0, index=list(VOTE_ORDER), columns=list(VOTE_ORDER), dtype="int64")
    for f, to, n in zip(t["from_vote"], t["to_vote"], t["count"], strict=True):
        wide.loc[str(f), str(to)] = int(n)
    wide.index = pd.Index(list(wide.index), name=f"vote on {resolve_vote(a).id}")
    wide.columns = pd.Index(list(wide.columns), name=f"vote on {resolve_vote(b).id}")
    wide["total"] = wide.sum(axis=1)
    wide.loc["total"] = wide.sum(axis=0)
    return wide


# ---------------------------------------------------------------------- agreement
def voting_member(country: object) -> Country:
    """Return a member state (one that can vote), or say why an observer cannot.

    Examples
    --------
    >>> voting_member("Türkiye").iso3
    'TUR'
    """
    found = country if isinstance(country, Country) else find_country(str(country))
    if not found.is_member:
        raise UngaTeachError(
            f"{found.name} is a non-member observer state: it cannot vote, so it has no votes "
            f"to compare. Choose one of the {MEMBER_STATE_COUNT} member states."
        )
    return found


def resolution_ids(resolutions: Iterable[ResolutionRef] | None) -> list[str]:
    """Resolve ids, symbols or drafts to vote ids (``None``: the course series, oldest first).

    With an official record in use, any recorded vote of the file is accepted
    (see :func:`unga_teach.resolve_vote`); a :func:`unga_teach.search_votes`
    result is accepted as it is.

    Examples
    --------
    >>> resolution_ids(["A/RES/ES-11/7", "2026", "ES-11/7"])
    ['ES-11/7', '2026']
    """
    if resolutions is None:
        return series()
    if isinstance(resolutions, pd.DataFrame) and "id" in resolutions.columns:
        resolutions = resolutions["id"].tolist()
    if isinstance(resolutions, str):
        resolutions = [resolutions]
    ids: list[str] = []
    course: set[str] = set()
    for ref in resolutions:
        vote = resolve_vote(ref)
        if vote.id not in ids:
            ids.append(vote.id)
        if vote.course:
            course.add(vote.id)
    if not ids:
        raise UngaTeachError("resolutions is empty: give at least one resolution, or None for all.")
    allowed = set(series())
    for rid in ids:
        if rid in course and rid not in allowed:
            raise UngaTeachError(
                f"{rid} is a procedural vote with official totals only; no state's vote on it "
                f"is recorded. Use resolutions from: {', '.join(series())}."
            )
    return ids


def votes_by_state(ids: list[str], iso3s: Iterable[str]) -> dict[str, list[str]]:
    """Each state's votes on ``ids`` (in that order), from a single load.

    Examples
    --------
    >>> votes_by_state(["ES-11/1", "ES-11/7"], ["USA"])
    {'USA': ['yes', 'no']}
    """
    wanted = set(iso3s)
    votes = load_votes() if set(ids) <= set(series()) else load_votes(ids)
    votes = votes[votes["iso3"].isin(wanted)]
    vote_of = {
        (str(r), str(i)): str(v)
        for r, i, v in zip(votes["resolution"], votes["iso3"], votes["vote"], strict=True)
    }
    # a state missing from an official vote's record (not a member then) is unknown there
    return {iso3: [vote_of.get((r, iso3), "unknown") for r in ids] for iso3 in wanted}


def _compare(vote_a: list[str], vote_b: list[str]) -> tuple[list[bool], list[object]]:
    """Which resolutions are comparable, and whether the two votes are the same."""
    compared = [x in POSITIONS and y in POSITIONS for x, y in zip(vote_a, vote_b, strict=True)]
    same = [(x == y) if c else pd.NA for x, y, c in zip(vote_a, vote_b, compared, strict=True)]
    return compared, same


def agreement_detail(
    a: CountryRef, b: CountryRef, resolutions: Iterable[ResolutionRef] | None = None
) -> pd.DataFrame:
    """Compare two states' votes resolution by resolution.

    Parameters
    ----------
    a, b : str
        Member states, by name or code (see :func:`unga_teach.find_country`).
    resolutions : list of str, optional
        Resolutions to compare; default: the whole series, oldest first.

    Returns
    -------
    pandas.DataFrame
        One row per resolution: ``resolution``, ``date``, ``vote_a``,
        ``vote_b`` (ordered categoricals), ``compared`` (True when both votes
        are known and both are yes, no or abstain) and ``same`` (the two
        votes are identical; ``<NA>`` when not compared).
        ``attrs["a"]`` and ``attrs["b"]`` hold the two ISO3 codes.

    Examples
    --------
    >>> d = agreement_detail("France", "Germany", ["ES-11/1", "ES-11/7"])
    >>> d[["resolution", "vote_a", "vote_b", "compared", "same"]].values.tolist()
    [['ES-11/1', 'yes', 'yes', True, True], ['ES-11/7', 'yes', 'yes', True, True]]
    """
    ca, cb = voting_member(a), voting_member(b)
    ids = resolution_ids(resolutions)
    by_state = votes_by_state(ids, [ca.iso3, cb.iso3])
    vote_a, vote_b = by_state[ca.iso3], by_state[cb.iso3]
    compared, same = _compare(vote_a, vote_b)
    info = pd.DataFrame({"resolution": ids})
    info["date"] = [resolution_info(r)["date"] for r in ids]
    info["vote_a"] = pd.Categorical(vote_a, dtype=VOTE_DTYPE)
    info["vote_b"] = pd.Categorical(vote_b, dtype=VOTE_DTYPE)
    info["compared"] = compared
    info["same"] = pd.array(same, dtype="boolean")
    info.attrs["a"] = ca.iso3
    info.attrs["b"] = cb.iso3
    return info


def agreement(
    a: CountryRef, b: CountryRef, resolutions: Iterable[ResolutionRef] | None = None
) -> float:
    """Share of identical votes between two member states.

    Definition: among the resolutions where **both** states' votes are
    known and both voted yes, no or abstain, the share on which they cast the
    same vote. An abstention counts as a position (yes/abstain is a
    disagreement); a resolution where either state did not vote, or where
    either vote has no source yet (``unknown``), is left out. Use
    :func:`agreement_detail` to see the resolutions and how many were
    compared.

    Parameters
    ----------
    a, b : str
        Member states, by name or code.
    resolutions : list of str, optional
        Default: the whole series (2014-2026).

    Returns
    -------
    float
        In [0, 1]; ``nan`` when no resolution can be compared. Symmetric:
        ``agreement(a, b) == agreement(b, a)``.

    Examples
    --------
    >>> agreement("Russia", "Belarus", ["ES-11/1", "ES-11/7"])
    1.0
    >>> agreement("Ukraine", "Russia", ["ES-11/1", "ES-11/7"])
    0.0
    """
    detail = agreement_detail(a, b, resolutions)
    n = int(detail["compared"].sum())
    if n == 0:
        return float("nan")
    return float(detail["same"].sum()) / n


def agreement_pairs(
    countries: Sequence[CountryRef], resolutions: Iterable[ResolutionRef] | None = None
) -> pd.DataFrame:
    """Pairwise agreement between several member states (every ordered pair).

    Parameters
    ----------
    countries : list of str
        Member states, by name or code (duplicates are dropped).
    resolutions : list of str, optional
        Default: the whole series.

    Returns
    -------
    pandas.DataFrame
        ``a``, ``b`` (ISO3), ``name_a``, ``name_b``, ``agreement`` (float,
        ``nan`` when nothing is comparable), ``compared`` (resolutions
        compared) and ``same`` (identical votes among them).

    Examples
    --------
    >>> p = agreement_pairs(["FRA", "RUS"], ["ES-11/1"])
    >>> p[["a", "b", "agreement", "compared"]].values.tolist()
    [['FRA', 'FRA', 1.0, 1], ['FRA', 'RUS', 0.0, 1], ['RUS', 'FRA', 0.0, 1], ['RUS', 'RUS', 1.0, 1]]
    """
    states: list[Country] = []
    for c in countries:
        found = voting_member(c)
        if found.iso3 not in [s.iso3 for s in states]:
            states.append(found)
    if not states:
        raise UngaTeachError("countries is empty: give at least one member state.")
    ids = resolution_ids(resolutions)
    by_state = votes_by_state(ids, [s.iso3 for s in states])
    rows = []
    for sa in states:
        for sb in states:
            compared, flags = _compare(by_state[sa.iso3], by_state[sb.iso3])
            n = sum(compared)
            same = sum(1 for f in flags if f is True)
            rows.append(
                {
                    "a": sa.iso3,
                    "b": sb.iso3,
                    "name_a": sa.name,
                    "name_b": sb.name,
                    "agreement": same / n if n else float("nan"),
                    "compared": n,
                    "same": same,
                }
            )
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------- cohesion
def group_iso3(group: str) -> list[str]:
    """Members of a bloc or a UN regional group (regional groups need no groups.csv).

    Examples
    --------
    >>> len(group_iso3("EU")), "HUN" in group_iso3("EU")
    (27, True)
    """
    from .groups import REGIONAL_GROUPS, group_members

    if not isinstance(group, str) or not group.strip():
        raise UngaTeachError(f"group must be a group code such as 'EU', got {group!r}.")
    regional = {g.casefold(): g for g in REGIONAL_GROUPS}
    key = group.strip().casefold()
    if key in regional:
        m = load_members()
        return sorted(m.loc[m["un_regional_group"] == regional[key], "iso3"].astype(str))
    return group_members(group)


def agreement_index(yes: int, no: int, abstain: int) -> float:
    """Hix-Noury-Roland agreement index of one group on one vote.

    ``AI = (max(Y, N, A) - (Y + N + A - max(Y, N, A)) / 2) / (Y + N + A)``:
    1 when all members vote the same way, 0 when the votes are split equally
    over yes, no and abstain; ``nan`` with no votes.

    Examples
    --------
    >>> agreement_index(10, 0, 0), agreement_index(1, 1, 1), agreement_index(3, 1, 0)
    (1.0, 0.0, 0.625)
    """
    y = _check_count("yes", yes)
    n = _check_count("no", no)
    a = _check_count("abstain", abstain)
    total = y + n + a
    if total == 0:
        return float("nan")
    top = max(y, n, a)
    return (top - (total - top) / 2) / total


def cohesion_detail(group: str, resolution: ResolutionRef = "2026") -> pd.Series:
    """The counts behind :func:`cohesion` for one group and one resolution.

    Returns
    -------
    pandas.Series
        ``group``, ``resolution``, ``members``, ``known`` (members with a
        known vote, non-voting included), ``min_known`` (the known votes the
        group needs, see :mod:`unga_teach.withheld`), ``yes``, ``no``,
        ``abstain``, ``non_voting``, ``unknown``, ``cohesion`` (the agreement
        index over the known yes/no/abstain votes, or a withheld ``NaN``) and
        ``cohesion_note`` (``"too few known (10 of 54)"`` when withheld,
        else ``""``).

    Examples
    --------
    >>> d = cohesion_detail("Eastern European States", "ES-11/7")
    >>> int(d["members"]), int(d["known"]), int(d["unknown"])
    (23, 23, 0)
    >>> d = cohesion_detail("African States", "2026")
    >>> int(d["known"]), int(d["min_known"]), d["cohesion_note"]
    (10, 36, 'too few known (10 of 54)')
    """
    from .withheld import min_known, withheld_note, withhold

    rid = resolve_vote(resolution).id
    members = group_iso3(group)
    votes = load_votes(rid)
    votes = votes[votes["iso3"].isin(members)]
    counts = votes["vote"].value_counts().reindex(list(VOTE_ORDER), fill_value=0)
    n = len(members)
    known = int(sum(counts[v] for v in RECORDED_VOTES))  # members with a sourced vote
    out: dict[str, object] = {"group": group, "resolution": rid, "members": n, "known": known,
                              "min_known": min_known(n)}
    out.update({v: int(counts[v]) for v in VOTE_ORDER})
    index = agreement_index(int(counts["yes"]), int(counts["no"]), int(counts["abstain"]))
    out["cohesion"] = withhold(index, known, n)
    out["cohesion_note"] = withheld_note(known, n)
    return pd.Series(out)


def cohesion(group: str, resolution: ResolutionRef = "2026") -> float:
    """How united a group voted: the Hix-Noury-Roland agreement index.

    Counts the group's member states that voted yes (Y), no (N) and abstain
    (A) **with a known, sourced vote**, then
    ``AI = (max(Y, N, A) - (Y + N + A - max(Y, N, A)) / 2) / (Y + N + A)``.
    It is 1 when every counted member cast the same vote and 0 when the votes
    are spread equally over the three positions. Non-voting states and states
    whose vote is unknown are left out (see :func:`cohesion_detail` for the
    counts).

    **Withheld when too few votes are known.** If fewer than two thirds of
    the group's members have a known vote, the index would describe a
    handful of states, not the group, so it is not given: the result is a
    :class:`~unga_teach.withheld.Withheld` value, a ``NaN`` that prints its
    reason, e.g. ``too few known (10 of 54)`` (``math.isnan`` is True, so
    tables show no number). The rule is in :mod:`unga_teach.withheld`.

    Parameters
    ----------
    group : str
        A bloc code such as ``"EU"`` or a UN regional group such as
        ``"African States"`` (see :func:`unga_teach.group_members`).
    resolution : str, default "2026"

    Returns
    -------
    float
        In [0, 1]; ``nan`` when no member has a known yes/no/abstain vote,
        a withheld ``nan`` when too few members' votes are known.

    Examples
    --------
    >>> round(cohesion("Western European and other States", "ES-11/7"), 3)  # 27 yes, 2 no
    0.897
    >>> round(cohesion("African States", "ES-11/7"), 3)  # 13 yes, 8 no, 24 abstain
    0.3
    >>> cohesion("African States", "2026")  # 10 of 54 known
    too few known (10 of 54)
    >>> round(cohesion("Eastern European States", "2026"), 3)  # 21 of 23 known
    0.625
    """
    value = cohesion_detail(group, resolution)["cohesion"]
    return value if isinstance(value, float) else float(value)


# ------------------------------------------------------------------------ history
def _grid_for(votes: pd.DataFrame, ids: list[str], iso3: str) -> pd.DataFrame:
    """``votes`` with an ``unknown`` row for ``iso3`` on each vote that does not list it."""
    have = set(votes.loc[votes["iso3"] == iso3, "resolution"].astype(str))
    missing = [r for r in ids if r not in have]
    if missing:
        extra = pd.DataFrame({"resolution": missing, "iso3": iso3, "vote": "unknown",
                              "confidence": "none", "source_url": ""})
        votes = pd.concat([votes.astype({"resolution": str}), extra], ignore_index=True)
    votes = votes.copy()
    votes["resolution"] = pd.Categorical(votes["resolution"].astype(str), categories=ids,
                                         ordered=True)
    return votes.sort_values("resolution", kind="stable")


def vote_history(country: CountryRef, *,
                 resolutions: Iterable[ResolutionRef] | None = None) -> pd.DataFrame:
    """One state's vote on every resolution of the series (or on chosen votes), oldest first.

    Parameters
    ----------
    country : str
        A member state, by name or code.
    resolutions : list of str, optional
        The votes to show (any vote :func:`unga_teach.resolve_vote` accepts,
        or a :func:`unga_teach.search_votes` result), sorted by date. ``None``:
        the course series. A vote whose record does not list the state (not
        a member then) shows ``unknown``.

    Returns
    -------
    pandas.DataFrame
        ``resolution``, ``date``, ``title``, ``vote`` (ordered categorical,
        ``unknown`` where no source was found), ``label``, ``confidence``,
        ``source_url``.

    Examples
    --------
    >>> h = vote_history("Brazil")
    >>> h[["resolution", "vote"]].head(2).values.tolist()
    [['68/262', 'abstain'], ['ES-11/1', 'yes']]
    >>> len(h) == len(h["resolution"].unique())
    True
    """
    state = voting_member(country)
    if resolutions is None:
        votes = load_votes()
    else:
        ids = resolution_ids(resolutions)
        ids.sort(key=lambda r: pd.Timestamp(resolution_info(r)["date"]))
        votes = _grid_for(load_votes(ids), ids, state.iso3)
    mine = votes[votes["iso3"] == state.iso3]
    res = []
    for rid in mine["resolution"].astype(str):
        info = resolution_info(rid)
        res.append({"resolution": rid, "date": info["date"], "title": info["title"]})
    out = pd.DataFrame(res)
    out["vote"] = mine["vote"].to_numpy()
    out["vote"] = out["vote"].astype(VOTE_DTYPE)
    out["label"] = [VOTE_LABELS[str(v)] for v in out["vote"]]
    out["confidence"] = mine["confidence"].to_numpy()
    out["source_url"] = mine["source_url"].to_numpy()
    out.attrs["iso3"] = state.iso3
    out.attrs["name"] = state.name
    return out.reset_index(drop=True)
