"""Every difference between the shipped votes and the official UN file.

Examples
--------
>>> COMPARE_KINDS[0]
'different vote'
"""

from __future__ import annotations

from os import PathLike

import pandas as pd

from ..course_votes import load_resolutions
from ..members import load_members
from ..votes import shipped_votes
from .codes import historical_codes
from .read import course_table, load_all, select_votes

COMPARE_COLUMNS: list[str] = [
    "resolution", "iso3", "name", "shipped_vote", "official_vote",
    "shipped_confidence", "shipped_source", "kind", "detail",
]

#: Kinds of difference reported by :func:`compare_with_official`.
COMPARE_KINDS: tuple[str, ...] = (
    "different vote",
    "missing in shipped data",
    "missing in official file",
    "not a member state",
    "totals differ",
)

# ------------------------------------------------------------------- comparison
def compare_with_official(
    path: str | PathLike[str], *, cache: bool = True, progress: bool = False
) -> pd.DataFrame:
    """List every difference between the shipped votes and the official UN file.

    Only the course votes that the file covers are compared (version 5 of the
    file ends on 30 December 2025, so it has no 2026 vote). The shipped data
    is compared as shipped, whatever record is in use.

    Parameters
    ----------
    path : path-like
        The official CSV file (see :func:`read_undl`).
    cache : bool, default True
        Use and fill the cache (see :func:`cache_dir`).
    progress : bool, default False
        Show a progress bar while a new file is read.

    Returns
    -------
    pandas.DataFrame
        One row per difference: ``resolution``, ``iso3``, ``name``,
        ``shipped_vote`` (``unknown`` where we have no source),
        ``official_vote``, ``shipped_confidence``, ``shipped_source``,
        ``kind`` and ``detail``. Kinds: ``different vote``; ``missing in
        shipped data`` (we have no sourced vote; the file has one);
        ``missing in official file`` (a member state has no row in the file);
        ``not a member state`` (a row of the file for a code that is not a
        current member: an error in the file or in our member list); ``totals
        differ`` (the file's totals differ from ``data/resolutions.csv`` or
        from the file's own rows; ``iso3`` is empty and the two vote columns
        hold the counts). Empty when everything agrees.
        ``attrs["covered"]`` and ``attrs["not_covered"]`` list the course
        votes found and not found in the file; ``attrs["historical_codes"]``
        lists (as records) the codes of the whole file that are not current
        members (see :func:`historical_codes`).

    Examples
    --------
    A file with one row, France voting no on ES-11/7 (it voted yes):

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "ga.csv"
    >>> _ = p.write_text(
    ...     "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,total_yes,"
    ...     "total_no,total_abstentions,total_non_voting,total_ms\\n"
    ...     "4076672,FRA,FRANCE,N,2025-02-24,ES-11,A/RES/ES-11/7,A/ES-11/L.10,"
    ...     "93.0,18.0,65.0,17.0,193.0\\n")
    >>> d = compare_with_official(p, cache=False)
    >>> d.loc[d["kind"] == "different vote", ["iso3", "shipped_vote", "official_vote"]]
      iso3 shipped_vote official_vote
    0  FRA          yes            no
    >>> int((d["kind"] == "missing in official file").sum())
    192
    """
    all_rows, _ = load_all(path, cache=cache, progress=progress)
    course = select_votes(all_rows, "course")
    shipped = shipped_votes()
    res = course_table()
    totals_ref = load_resolutions(include_procedural=False).set_index("id")
    members = load_members()[["iso3", "name"]].astype(str)
    member_set = set(members["iso3"])
    name_of = dict(zip(members["iso3"], members["name"], strict=True))
    covered = [r for r in res["id"].astype(str) if r in set(course["resolution"])]
    rows: list[dict[str, object]] = []

    for rid in covered:
        off = course[course["resolution"] == rid]
        ship = shipped[shipped["resolution"] == rid].set_index("iso3")
        off_iso = off["iso3"].astype(str)
        for r in off.loc[~off_iso.isin(member_set).to_numpy()].itertuples(index=False):
            rows.append({
                "resolution": rid, "iso3": str(r.iso3), "name": str(r.ms_name),
                "shipped_vote": "", "official_vote": str(r.vote),
                "shipped_confidence": "", "shipped_source": "",
                "kind": "not a member state",
                "detail": f"the file has a row for {r.iso3} ({r.ms_name}), which is not a "
                          "current member state",
            })
        off_vote = dict(zip(off_iso, off["vote"].astype(str), strict=True))
        for iso3 in members["iso3"]:
            official = off_vote.get(iso3)
            if iso3 in ship.index:
                srow = ship.loc[iso3]
                s_vote, s_conf = str(srow["vote"]), str(srow["confidence"])
                s_src = str(srow["source_url"])
            else:
                s_vote, s_conf, s_src = "unknown", "none", ""
            if official is None:
                kind = "missing in official file"
                detail = "no row for this member state in the file"
            elif s_vote == "unknown":
                kind, detail = "missing in shipped data", "the shipped data has no sourced vote"
            elif s_vote != official:
                kind, detail = "different vote", f"shipped {s_vote}, official {official}"
            else:
                continue
            rows.append({
                "resolution": rid, "iso3": iso3, "name": name_of[iso3],
                "shipped_vote": s_vote, "official_vote": official or "",
                "shipped_confidence": s_conf, "shipped_source": s_src,
                "kind": kind, "detail": detail,
            })
        # totals: the file's columns vs data/resolutions.csv, and vs the file's own rows
        ref = totals_ref.loc[rid]
        counts = off["vote"].astype(str).value_counts()
        first = off.iloc[0]
        pairs = [("yes", "total_yes"), ("no", "total_no"), ("abstain", "total_abstentions"),
                 ("non_voting", "total_non_voting"), ("total_members", "total_ms")]
        for ours, theirs in pairs:
            file_total = first[theirs]
            shipped_total = int(ref[ours])
            file_total_s = "" if pd.isna(file_total) else str(int(file_total))
            if file_total_s != str(shipped_total):
                rows.append({
                    "resolution": rid, "iso3": "", "name": f"total {ours}",
                    "shipped_vote": str(shipped_total), "official_vote": file_total_s,
                    "shipped_confidence": "", "shipped_source": str(ref["source_url"]),
                    "kind": "totals differ",
                    "detail": f"{theirs} in the file is {file_total_s or 'empty'}; "
                              f"data/resolutions.csv has {shipped_total}",
                })
            counted = len(off) if ours == "total_members" else int(counts.get(ours, 0))
            if file_total_s and counted != int(file_total):
                rows.append({
                    "resolution": rid, "iso3": "", "name": f"total {ours}",
                    "shipped_vote": str(shipped_total), "official_vote": file_total_s,
                    "shipped_confidence": "", "shipped_source": str(ref["source_url"]),
                    "kind": "totals differ",
                    "detail": f"{theirs} in the file is {file_total_s} but the file has "
                              f"{counted} such rows",
                })
    out = pd.DataFrame(rows, columns=COMPARE_COLUMNS)
    order = {r: i for i, r in enumerate(res["id"].astype(str))}
    kind_order = {k: i for i, k in enumerate(COMPARE_KINDS)}
    out = out.sort_values(
        ["resolution", "kind", "iso3"],
        key=lambda s: s.map(order) if s.name == "resolution" else
        (s.map(kind_order) if s.name == "kind" else s),
        kind="stable",
    ).reset_index(drop=True)
    for col in COMPARE_COLUMNS:
        out[col] = out[col].astype("string")
    out.attrs["covered"] = covered
    out.attrs["not_covered"] = [r for r in res["id"].astype(str) if r not in covered]
    hist = historical_codes(all_rows)
    hist["first_date"] = hist["first_date"].astype(str)
    hist["last_date"] = hist["last_date"].astype(str)
    out.attrs["historical_codes"] = hist.to_dict("records")
    return out

