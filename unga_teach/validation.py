"""Consistency checks over all the shipped data, and over an official file in use.

:func:`validate` always checks the **shipped** files in ``data/`` (whatever
record the loaders use) and collects every problem instead of stopping at
the first; when an official UN file is set (``UNGA_TEACH_UNDL`` or
:func:`unga_teach.use_official_record`) it checks that file too and reports
its problems separately, each starting with ``official file``.

Examples
--------
>>> import unga_teach as ut
>>> ut.validate()
[]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

import pandas as pd

from ._paths import data_file
from .categories import (
    CONFIDENCE_ORDER,
    MEMBER_STATE_COUNT,
    RECORDED_VOTES,
    SOURCE_TIER_ORDER,
    VOTE_ORDER,
)
from .csvio import read_table
from .errors import UngaTeachError
from .official.codes import TOTAL_COLUMNS

#: Allowed values of every categorical column of the shipped files ("" = may be blank).
ALLOWED_VALUES: dict[tuple[str, str], tuple[str, ...]] = {
    ("votes.csv", "vote"): RECORDED_VOTES,
    ("votes.csv", "confidence"): CONFIDENCE_ORDER[:-1],
    ("members.csv", "status"): ("member", "observer"),
    ("members.csv", "un_regional_group"): (
        "African States", "Asia-Pacific States", "Eastern European States",
        "Latin American and Caribbean States", "Western European and other States", "none",
    ),
    ("members.csv", "has_shape_110m"): ("true", "false"),
    ("resolutions.csv", "kind"): ("resolution", "procedural"),
    ("resolutions.csv", "symbol_confirmed"): ("true", "false"),
    ("sources.csv", "tier"): SOURCE_TIER_ORDER,
    ("conflicts.csv", "claimed_vote"): ("", *RECORDED_VOTES),
    ("conflicts.csv", "recorded_vote"): VOTE_ORDER,
    ("conflicts.csv", "outcome"): ("rejected", "accepted", "not_located", "noted"),
    ("statements.csv", "vote_cast"): ("", *RECORDED_VOTES),
    ("paragraphs.csv", "part"): ("preambular", "operative"),
    ("paragraphs.csv", "targeted_by_us_motion"): ("true", "false"),
}

#: At most this many bad values are listed per column.
MAX_LISTED = 10


def check_categories(allowed: dict[tuple[str, str], tuple[str, ...]] | None = None,
                     ) -> list[str]:
    """Check every categorical column of the shipped files against its allowed values.

    Examples
    --------
    >>> check_categories()
    []
    """
    allowed = ALLOWED_VALUES if allowed is None else allowed
    problems: list[str] = []
    by_file: dict[str, list[str]] = {}
    for (name, column) in allowed:
        by_file.setdefault(name, []).append(column)
    for name, columns in by_file.items():
        try:
            table = read_table(data_file(name), columns)
        except UngaTeachError as exc:
            problems.append(f"{name}: {exc}")
            continue
        for column in columns:
            ok = set(allowed[(name, column)])
            bad = table.loc[~table[column].isin(ok), ["line_number", column]]
            listed = [f"line {int(r.line_number)}: {getattr(r, column)!r}"
                      for r in bad.head(MAX_LISTED).itertuples(index=False)]
            if listed:
                more = f" and {len(bad) - MAX_LISTED} more" if len(bad) > MAX_LISTED else ""
                shown = ", ".join(repr(v) for v in allowed[(name, column)])
                problems.append(f"{name}: {column} not one of {shown}: "
                                f"{'; '.join(listed)}{more}")
    return problems


def _load(label: str, loader: Callable[[], Any], problems: list[str]) -> Any:
    """Call a loader; on a data error note it as a problem and return ``None``."""
    try:
        return loader()
    except UngaTeachError as exc:
        problems.append(f"{label}: {' '.join(str(exc).split())}")
        return None


def _shipped_vote_rows(problems: list[str]) -> pd.DataFrame | None:
    """``data/votes.csv`` checked row by row, every bad row noted (and left out)."""
    from .votes import VOTE_COLUMNS, check_vote_rows

    path = _load("votes", lambda: data_file("votes.csv"), problems)
    if path is None:
        return None
    table = _load("votes", lambda: read_table(path, VOTE_COLUMNS), problems)
    if table is None:
        return None
    row_problems: list[str] = []
    rows = check_vote_rows(table, str(path), allow_names=False, problems=row_problems)
    problems += [f"votes: {p}" for p in row_problems]
    no_source = rows.loc[~rows["source_url"].astype(str).str.match(r"https?://")]
    for r in no_source.head(MAX_LISTED).itertuples(index=False):
        problems.append(f"votes: line {int(r.line_number)}: {r.iso3} on {r.resolution} has no "
                        "source URL")
    return rows[VOTE_COLUMNS].reset_index(drop=True)


def validate_shipped() -> list[str]:
    """Check the shipped data in ``data/``; return every problem found.

    Checks: every categorical column holds an allowed value; 193 members
    with unique ISO3/ISO2/numeric codes and 2 observers; every vote row has
    a source URL, a member state, a valid vote and confidence and no
    duplicate; per vote, known counts never exceed the official totals and
    equal them where coverage is complete; official totals add up to the
    membership; groups, statements, conflicts and paragraphs refer to known
    states and votes; conflicts agree with the votes; every cited URL is in
    the sources table.

    Examples
    --------
    >>> validate_shipped()
    []
    """
    from .groups import load_groups
    from .members import load_members
    from .paragraphs import load_paragraphs
    from .resolutions import load_resolutions
    from .sources import load_conflicts, load_sources
    from .statements import THEMES, load_statements

    problems: list[str] = check_categories()
    members = _load("members", lambda: load_members(include_observers=True), problems)
    iso_members: set[str] = set()
    iso_all: set[str] = set()
    if members is not None:
        member_only = members[members["status"] == "member"]
        if len(member_only) != MEMBER_STATE_COUNT:
            problems.append(f"members: expected {MEMBER_STATE_COUNT} member states, "
                            f"found {len(member_only)}")
        if sorted(members.loc[members["status"] == "observer", "iso3"]) != ["PSE", "VAT"]:
            problems.append("members: the observers must be exactly PSE and VAT")
        for col in ("iso3", "iso2", "iso_num", "name"):
            dup = members[col][members[col].duplicated()].tolist()
            if dup:
                problems.append(f"members: duplicate {col}: {dup}")
        if not members["iso_num"].str.fullmatch(r"\d{3}").all():
            problems.append("members: iso_num must be 3-digit zero-padded strings")
        iso_members = set(member_only["iso3"].astype(str))
        iso_all = set(members["iso3"].astype(str))

    res = _load("resolutions", load_resolutions, problems)
    votes = _shipped_vote_rows(problems)
    if res is not None:
        for r in res.itertuples(index=False):
            total = r.yes + r.no + r.abstain + r.non_voting
            if total != r.total_members:
                problems.append(f"resolutions: {r.id} totals add to {total}, "
                                f"not {r.total_members}")
    if res is not None and votes is not None:
        bad_iso = sorted(set(votes["iso3"]) - iso_members) if iso_members else []
        if bad_iso:
            problems.append(f"votes: not member states: {bad_iso}")
        problems += _count_problems(votes, res[res["kind"] == "resolution"])

    groups = _load("groups", load_groups, problems)
    if groups is not None:
        stray = sorted(set(groups["iso3"]) - iso_all)
        if stray:
            problems.append(f"groups: unknown states {stray}")
        if groups.duplicated(["group", "iso3"]).any():
            problems.append("groups: duplicate (group, iso3)")

    res_ids = set(res["id"].astype(str)) if res is not None else set()
    statements = _load("statements", load_statements, problems)
    if statements is not None:
        for s in statements.itertuples(index=False):
            if s.resolution not in res_ids:
                problems.append(f"statements: {s.statement_id} refers to unknown vote "
                                f"{s.resolution}")
            if s.speaker_iso3 and s.speaker_iso3 not in iso_all:
                problems.append(f"statements: {s.statement_id} unknown state {s.speaker_iso3}")
            unknown_themes = set(s.themes) - set(THEMES)
            if unknown_themes or not s.themes:
                problems.append(f"statements: {s.statement_id} themes {s.themes} not in "
                                "vocabulary")
            if bool(s.quote_original) != bool(s.quote_language) or (s.quote_original
                                                                   and not s.quote):
                problems.append(f"statements: {s.statement_id} quote_original needs "
                                "quote_language and quote (our translation), and the reverse")
    conflicts = _load("conflicts", load_conflicts, problems)
    if conflicts is not None:
        recorded = (votes.set_index(["resolution", "iso3"])["vote"] if votes is not None
                    else pd.Series(dtype=str))
        for c in conflicts.itertuples(index=False):
            if c.resolution not in res_ids:
                problems.append(f"conflicts: {c.conflict_id} refers to unknown vote "
                                f"{c.resolution}")
            if c.iso3 and c.iso3 not in iso_all:
                problems.append(f"conflicts: {c.conflict_id} unknown state {c.iso3}")
            if c.iso3 and c.recorded_vote and votes is not None:
                actual = recorded.get((c.resolution, c.iso3), "unknown")
                if c.recorded_vote != actual:
                    problems.append(
                        f"conflicts: {c.conflict_id} says the data records {c.recorded_vote!r} "
                        f"for {c.iso3} on {c.resolution}, but the data has {actual!r}"
                    )
    paragraphs = _load("paragraphs", lambda: load_paragraphs(None), problems)
    if paragraphs is not None and not set(paragraphs["resolution"].astype(str)) <= res_ids:
        problems.append("paragraphs: refer to unknown votes")

    cited: set[str] = set()
    for frame in (votes, statements, conflicts, groups, res):
        if frame is not None:
            cited |= set(frame["source_url"].astype(str))
    cited = {u for u in cited if u}
    sources = _load("sources", load_sources, problems)
    if sources is not None:
        missing = sorted(cited - set(sources["url"].astype(str)))
        if missing:
            problems.append(
                f"sources: {len(missing)} cited URLs are not in sources.csv, e.g. {missing[:3]}"
            )
    return problems


def _count_problems(votes: pd.DataFrame, series: pd.DataFrame) -> list[str]:
    """Known counts against the official totals, per vote."""
    problems: list[str] = []
    for r in series.itertuples(index=False):
        rows = votes[votes["resolution"] == r.id]
        counts = Counter(rows["vote"])
        for v in RECORDED_VOTES:
            if counts[v] > getattr(r, v):
                problems.append(
                    f"votes: {r.id} has {counts[v]} known '{v}', official {getattr(r, v)}"
                )
        if len(rows) == r.total_members:
            for v in RECORDED_VOTES:
                if counts[v] != getattr(r, v):
                    problems.append(f"votes: {r.id} complete but '{v}' {counts[v]} != "
                                    f"official {getattr(r, v)}")
    return problems


def validate_official() -> list[str]:
    """Check the official file in use (if any); every problem starts with ``official file``.

    Reports a file that cannot be used (a bad ``UNGA_TEACH_UNDL``), the
    course votes it does not show whole (refused: their shipped rows stay),
    totals that differ from ``data/resolutions.csv``, the other votes it does
    not show whole (not used) and other votes' totals that are negative,
    partly blank, above the membership or that do not add up. Empty when no
    official file is set.

    Examples
    --------
    >>> import unga_teach as ut
    >>> ut.use_official_record(None)
    >>> validate_official()
    []
    """
    import warnings

    from . import record

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # reported here instead
        info = record.current_record()
    if info.path is None:
        return []
    where = f"official file {info.path}"
    if info.kind != "official":
        return [f"{where}: {info.warning or 'not used'}"]
    problems = [f"{where}: {rid} refused (its shipped rows are kept): {why}"
                for rid, why in info.refused.items()]
    problems += _official_totals(where, info.resolutions)
    problems += _official_other_votes(where)
    return problems


def _official_other_votes(where: str) -> list[str]:
    """Every other vote of the file: shown whole, and totals that are possible.

    A vote outside the course whose rows do not match its own totals (a file
    cut off at a line end) is not used by the loaders (see
    :func:`unga_teach.resolve_vote`); totals that are negative, larger than
    the membership, partly blank (a ``NaN``) or that do not add up are
    reported too. At most :data:`MAX_LISTED` votes are named per kind.
    """
    from . import record

    catalog = record.official_catalog()
    if catalog is None:
        return []
    votes = catalog.votes
    other = votes["course_id"] == ""
    problems: list[str] = []
    incomplete = {uid: why for uid, why in catalog.problems().items()
                  if not catalog.vote(uid)["course_id"]}
    problems += _listed(where, "recorded vote(s) the file does not show whole (not used)",
                        [f"{catalog.vote_id(uid)}: {why}" for uid, why in incomplete.items()])
    import numpy as np

    values = votes.loc[other, TOTAL_COLUMNS].astype("Float64").to_numpy(
        dtype=float, na_value=np.nan)
    ids = votes.loc[other, "undl_id"].to_numpy()
    given = ~np.isnan(values)
    partly = given.any(axis=1) & ~given.all(axis=1)
    low = given & (values < 0)
    high = given & (values > MEMBER_STATE_COUNT)
    sums = values[:, :4].sum(axis=1)
    off = given.all(axis=1) & (sums != values[:, 4])
    bad: list[str] = []
    for i in np.flatnonzero(partly | low.any(axis=1) | high.any(axis=1) | off):
        name = catalog.vote_id(int(ids[i]))
        if partly[i]:
            blank = ", ".join(c for c, ok in zip(TOTAL_COLUMNS, given[i], strict=True) if not ok)
            bad.append(f"{name}: {blank} blank or not a number while other totals are given")
        if low[i].any():
            bad.append(f"{name}: negative "
                       f"{', '.join(c for c, b in zip(TOTAL_COLUMNS, low[i], strict=True) if b)}")
        if high[i].any():
            cols = ", ".join(c for c, b in zip(TOTAL_COLUMNS, high[i], strict=True) if b)
            bad.append(f"{name}: {cols} above the {MEMBER_STATE_COUNT} member states")
        if off[i]:
            bad.append(f"{name}: yes + no + abstentions + non-voting = {int(sums[i])}, "
                       f"total_ms {int(values[i, 4])}")
    problems += _listed(where, "recorded vote(s) with impossible totals", bad)
    return problems


def _listed(where: str, what: str, items: list[str]) -> list[str]:
    """One problem per item, at most :data:`MAX_LISTED`, then how many more."""
    if not items:
        return []
    out = [f"{where}: {what}: {item}" for item in items[:MAX_LISTED]]
    if len(items) > MAX_LISTED:
        out.append(f"{where}: ... and {len(items) - MAX_LISTED} more {what}")
    return out


def _official_totals(where: str, resolutions: Iterable[str]) -> list[str]:
    """The official rows in use against the totals of ``data/resolutions.csv``."""
    from . import record
    from .resolutions import load_resolutions

    rows = record.official_votes()
    if rows is None:
        return []
    totals = load_resolutions(include_procedural=False).set_index("id")
    problems = []
    for rid in resolutions:
        counts = Counter(rows.loc[rows["resolution"] == rid, "vote"])
        for v in RECORDED_VOTES:
            if counts[v] != int(totals.loc[rid, v]):
                problems.append(f"{where}: {rid} has {counts[v]} '{v}', data/resolutions.csv "
                                f"says {int(totals.loc[rid, v])}")
    return problems


def validate(raise_on_error: bool = False) -> list[str]:
    """Check the shipped data, and the official file when one is set.

    The shipped files are always checked, whatever record the loaders use
    (:func:`validate_shipped`); an official file in use is checked too and
    its problems start with ``official file`` (:func:`validate_official`).
    Every problem is collected; nothing stops at the first.

    Parameters
    ----------
    raise_on_error : bool, default False
        Raise :class:`~unga_teach.errors.UngaTeachError` listing the
        problems instead of returning them.

    Returns
    -------
    list of str
        One line per problem; empty when all is well.
    """
    problems = validate_shipped() + validate_official()
    if raise_on_error and problems:
        raise UngaTeachError("Data validation failed:\n- " + "\n- ".join(problems))
    return problems
