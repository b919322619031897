"""Consistency checks over all the shipped data (run by the test suite).

Examples
--------
>>> import unga_teach as ut
>>> ut.validate()
[]
"""

from __future__ import annotations

from collections import Counter

from .categories import RECORDED_VOTES
from .members import load_members
from .resolutions import load_resolutions


def validate(raise_on_error: bool = False) -> list[str]:
    """Check the data and return a list of problems (empty when all is well).

    Checks: 193 members with unique ISO3/ISO2/numeric codes and 2 observers;
    every vote row has a source URL, a member state, a valid vote and no
    duplicate; per vote, known counts never exceed the official totals and
    equal them where coverage is complete; official totals add up to the
    membership; groups, statements, conflicts and paragraphs refer to known
    states and votes; every cited URL is in the sources table.

    Parameters
    ----------
    raise_on_error : bool, default False
        Raise :class:`~unga_teach.errors.UngaTeachError` listing the
        problems instead of returning them.
    """
    from .errors import UngaTeachError
    from .groups import load_groups
    from .paragraphs import load_paragraphs
    from .sources import load_conflicts, load_sources
    from .statements import THEMES, load_statements
    from .votes import known_votes

    problems: list[str] = []
    members = load_members(include_observers=True)
    member_only = members[members["status"] == "member"]
    if len(member_only) != 193:
        problems.append(f"members: expected 193 member states, found {len(member_only)}")
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

    res = load_resolutions()
    for r in res.itertuples(index=False):
        total = r.yes + r.no + r.abstain + r.non_voting
        if total != r.total_members:
            problems.append(f"resolutions: {r.id} totals add to {total}, not {r.total_members}")
    series = res[res["kind"] == "resolution"]

    votes = known_votes()
    if votes.duplicated(["resolution", "iso3"]).any():
        problems.append("votes: duplicate (resolution, iso3) rows")
    bad_iso = sorted(set(votes["iso3"]) - iso_members)
    if bad_iso:
        problems.append(f"votes: not member states: {bad_iso}")
    if not votes["vote"].isin(RECORDED_VOTES).all():
        problems.append("votes: values outside yes/no/abstain/non_voting")
    if not votes["source_url"].astype(str).str.match(r"https?://").all():
        problems.append("votes: rows without a source URL")
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
                    problems.append(f"votes: {r.id} complete but '{v}' {counts[v]} != official")

    groups = load_groups()
    stray = sorted(set(groups["iso3"]) - iso_all)
    if stray:
        problems.append(f"groups: unknown states {stray}")
    if groups.duplicated(["group", "iso3"]).any():
        problems.append("groups: duplicate (group, iso3)")

    res_ids = set(res["id"].astype(str))
    statements = load_statements()
    for s in statements.itertuples(index=False):
        if s.resolution not in res_ids:
            problems.append(f"statements: {s.statement_id} refers to unknown vote {s.resolution}")
        if s.speaker_iso3 and s.speaker_iso3 not in iso_all:
            problems.append(f"statements: {s.statement_id} unknown state {s.speaker_iso3}")
        unknown_themes = set(s.themes) - set(THEMES)
        if unknown_themes or not s.themes:
            problems.append(f"statements: {s.statement_id} themes {s.themes} not in vocabulary")
    conflicts = load_conflicts()
    for c in conflicts.itertuples(index=False):
        if c.resolution not in res_ids:
            problems.append(f"conflicts: {c.conflict_id} refers to unknown vote {c.resolution}")
        if c.iso3 and c.iso3 not in iso_all:
            problems.append(f"conflicts: {c.conflict_id} unknown state {c.iso3}")
    recorded = votes.set_index(["resolution", "iso3"])["vote"]
    for c in conflicts.itertuples(index=False):
        if not c.iso3 or not c.recorded_vote or not _uses_shipped_only():
            continue
        actual = recorded.get((c.resolution, c.iso3), "unknown")
        if c.recorded_vote != actual:
            problems.append(
                f"conflicts: {c.conflict_id} says the data records {c.recorded_vote!r} for "
                f"{c.iso3} on {c.resolution}, but the data has {actual!r}"
            )
    paragraphs = load_paragraphs(None)
    if not set(paragraphs["resolution"].astype(str)) <= res_ids:
        problems.append("paragraphs: refer to unknown votes")

    cited = set(votes["source_url"].astype(str)) | set(statements["source_url"].astype(str))
    cited |= set(conflicts["source_url"].astype(str)) | set(groups["source_url"].astype(str))
    cited |= set(res["source_url"].astype(str))
    cited = {u for u in cited if u}
    listed = set(load_sources()["url"].astype(str))
    missing = sorted(cited - listed)
    if missing and _uses_shipped_only():
        problems.append(
            f"sources: {len(missing)} cited URLs are not in sources.csv, e.g. {missing[:3]}"
        )

    if raise_on_error and problems:
        raise UngaTeachError("Data validation failed:\n- " + "\n- ".join(problems))
    return problems


def _uses_shipped_only() -> bool:
    from . import record

    return record.official_votes() is None
