"""What the unknown votes could be: the range each group's count can take.

The official totals of a vote are known for the whole Assembly, but not every
state's vote is. For each group and each vote category, :func:`vote_bounds`
gives the smallest and largest count that the official totals and the known
rows allow: a learner sees at once whether a group's known votes can be read
as the group's position, or whether the unknown votes could still change it.

For one vote category ``v`` (yes, no, abstain or non-voting) and one group:

- ``known``: the group's members whose vote is known to be ``v``;
- ``unplaced``: the official total of ``v`` minus every member state known
  to have voted ``v`` (the ``v`` votes whose states the data cannot name);
- ``high = known + min(unknown in the group, unplaced)``: at most every
  unknown member of the group cast one of the unplaced ``v`` votes;
- ``low = known + max(0, unplaced - unknown outside the group)``: the
  unplaced ``v`` votes that the unknown states outside the group cannot
  absorb must come from the group.

"Outside the group" is every member state not in it, so the rule works for
overlapping blocs too.

Examples
--------
>>> import unga_teach as ut
>>> b = ut.vote_bounds("2026").set_index(["group", "vote"])
>>> b.loc[("African States", "no"), ["known", "low", "high"]].tolist()
[6, 6, 6]
>>> b.loc[("African States", "yes"), ["known", "low", "high"]].tolist()
[3, 3, 47]
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .analysis import tally
from .categories import RECORDED_VOTES, VOTE_DTYPE
from .groups import group_sets
from .resolutions import resolution_info
from .types import ResolutionRef
from .votes import load_votes

BOUNDS_COLUMNS: tuple[str, ...] = ("group", "vote", "members", "n_known", "known", "low",
                                   "high")


def bounds_for(known: int, unknown_in: int, unknown_out: int, unplaced: int) -> tuple[int, int]:
    """The ``(low, high)`` count of one vote category in one group.

    Parameters
    ----------
    known : int
        Members of the group known to have cast this vote.
    unknown_in, unknown_out : int
        Member states with no known vote, inside and outside the group.
    unplaced : int
        Official total of this vote minus every member state known to have
        cast it (a negative value, which only an error in the data could
        give, counts as 0).

    Examples
    --------
    >>> bounds_for(known=3, unknown_in=44, unknown_out=70, unplaced=65)  # African yes, 2026
    (3, 47)
    >>> bounds_for(known=0, unknown_in=5, unknown_out=2, unplaced=6)  # 4 must be in the group
    (4, 5)
    """
    unplaced = max(0, unplaced)
    high = known + min(unknown_in, unplaced)
    low = known + max(0, unplaced - unknown_out)
    return low, high


def _votes_of(resolution: ResolutionRef) -> tuple[dict[str, str], dict[str, int]]:
    """``({iso3: vote}, {vote: official total})`` over every state that could hold a vote.

    The record's states plus every member state it does not list (an old vote, or a
    motion with no per-state record), those as ``unknown``: a group is never larger
    than the Assembly it is drawn from.
    """
    from .members import load_members

    info = resolution_info(resolution)
    totals = tally(resolution).set_index("vote")["official"]
    official = {v: int(totals[v]) for v in RECORDED_VOTES}
    vote_of: dict[str, str] = {}
    if info["kind"] == "resolution":
        votes = load_votes(info["id"])
        vote_of = dict(zip(votes["iso3"].astype(str), votes["vote"].astype(str), strict=True))
    m = load_members()
    for iso3 in m.loc[m["status"] == "member", "iso3"].astype(str):
        vote_of.setdefault(iso3, "unknown")
    return vote_of, official


def vote_bounds(resolution: ResolutionRef = "2026", *,
                by: str | Sequence[str] = "un_regional_group") -> pd.DataFrame:
    """The smallest and largest count of each vote in each group that the record allows.

    Parameters
    ----------
    resolution : str, default "2026"
        Any vote :func:`unga_teach.resolve_resolution` accepts (the motion
        ``"2026-division"``, with official totals only, works too: every
        state is unknown).
    by : str or list of str, default "un_regional_group"
        What :func:`unga_teach.group_table` takes: ``"un_regional_group"``,
        ``"m49_region"``, or a list of bloc codes or UN regional groups such
        as ``["EU", "AU", "BRICS"]`` (blocs may overlap).

    Returns
    -------
    pandas.DataFrame
        One row per group and vote (yes, no, abstain, non_voting, in that
        order):

        - ``group``; ``vote`` (ordered categorical);
        - ``members``: member states in the group;
        - ``n_known``: members whose vote is known (any category);
        - ``known``: members known to have cast this vote;
        - ``low``, ``high``: the range the count can take, see the module
          docstring. ``low <= known <= high`` always; ``low == high`` when
          the group's count is settled.

        ``attrs["description"]`` says the same in words.

    Raises
    ------
    UngaTeachError
        For an unknown resolution, grouping or group (the messages of
        :func:`unga_teach.group_table`).

    Examples
    --------
    >>> b = vote_bounds("2026", by=["EU"]).set_index("vote")
    >>> b.loc["yes", ["members", "n_known", "known", "low", "high"]].tolist()
    [27, 27, 26, 26, 26]
    >>> b = vote_bounds("2026").set_index(["group", "vote"])
    >>> b.loc[("Eastern European States", "abstain"), ["known", "low", "high"]].tolist()
    [3, 3, 5]
    """
    from .charts.style import described_table

    _, groups = group_sets(by)
    vote_of, official = _votes_of(resolution)
    all_votes = list(vote_of.values())
    known_total = {v: all_votes.count(v) for v in RECORDED_VOTES}
    unknown_total = all_votes.count("unknown")
    rows = []
    for name, iso3s in groups:
        group_votes = [vote_of.get(i, "unknown") for i in iso3s]
        unknown_in = group_votes.count("unknown")
        for v in RECORDED_VOTES:
            known = group_votes.count(v)
            low, high = bounds_for(known, unknown_in, unknown_total - unknown_in,
                                   official[v] - known_total[v])
            rows.append({"group": name, "vote": v, "members": len(iso3s),
                         "n_known": len(iso3s) - unknown_in, "known": known,
                         "low": low, "high": high})
    out = pd.DataFrame(rows, columns=list(BOUNDS_COLUMNS))
    out["vote"] = out["vote"].astype(VOTE_DTYPE)
    for col in BOUNDS_COLUMNS[2:]:
        out[col] = out[col].astype("int64")
    return described_table(out, bounds_description(out, resolution))


def bounds_description(table: pd.DataFrame, resolution: ResolutionRef) -> str:
    """The bounds in words, for a chart's ``description`` and a table's caption.

    Examples
    --------
    >>> text = bounds_description(vote_bounds("2026", by=["EU"]), "2026")
    >>> "EU (27 of 27 members known): yes 26 (settled)" in text
    True
    """
    from .categories import VOTE_LABELS
    from .charts.style import vote_name

    parts = []
    for name, sub in table.groupby("group", sort=False):
        first = sub.iloc[0]
        bits = []
        for r in sub.itertuples(index=False):
            label = VOTE_LABELS[str(r.vote)].lower()
            if r.low == r.high:
                bits.append(f"{label} {r.high} (settled)")
            else:
                bits.append(f"{label} {r.known} known, {r.low} to {r.high} possible")
        parts.append(f"{name} ({first['n_known']} of {first['members']} members known): "
                     + ", ".join(bits))
    return (
        f"Known votes and possible range of each vote by group on {vote_name(resolution)}: "
        "the bar is the number of members known to have cast the vote, the line the "
        "smallest to largest number the official totals allow once the unknown votes are "
        "placed. " + "; ".join(parts) + "."
    )
