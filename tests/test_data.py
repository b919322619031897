"""The shipped data: validation, headline facts and loader behaviour."""

from __future__ import annotations

import pandas as pd
import pytest

import unga_teach as ut
from unga_teach.categories import VOTE_ORDER

DOSSIER_AGAINST_2026 = {
    "RUS", "BLR", "BFA", "BDI", "CUB", "PRK", "ERI", "IRN", "MLI", "NIC", "NER", "SDN",
}


def test_validate_passes() -> None:
    assert ut.validate() == []


def test_193_members_and_two_observers() -> None:
    members = ut.load_members()
    assert len(members) == 193
    assert members["iso3"].is_unique and members["iso_num"].is_unique
    everyone = ut.load_members(include_observers=True)
    observers = everyone[everyone["status"] == "observer"]
    assert sorted(observers["iso3"]) == ["PSE", "VAT"]


def test_iso_numeric_codes_keep_leading_zeros() -> None:
    members = ut.load_members().set_index("iso3")
    assert members.loc["AFG", "iso_num"] == "004"
    assert members["iso_num"].str.len().eq(3).all()


def test_2026_categories_sum_to_193_and_never_exceed_official() -> None:
    votes = ut.load_votes("2026")
    counts = votes["vote"].value_counts()
    assert counts.sum() == 193
    assert counts["no"] == 12
    assert counts["yes"] <= 107
    assert counts["abstain"] <= 51
    assert counts["non_voting"] <= 23
    assert counts["unknown"] == 193 - counts[["yes", "no", "abstain", "non_voting"]].sum()


def test_2026_against_is_exactly_the_dossier_twelve() -> None:
    votes = ut.load_votes("2026")
    assert set(votes.loc[votes["vote"] == "no", "iso3"]) == DOSSIER_AGAINST_2026


def test_unknown_is_never_a_guess() -> None:
    votes = ut.load_votes("2026")
    unknown = votes[votes["vote"] == "unknown"]
    assert (unknown["source_url"] == "").all()
    assert (unknown["confidence"] == "none").all()
    known = votes[votes["vote"] != "unknown"]
    assert known["source_url"].str.match(r"https?://").all()
    # Ukraine's own 2026 vote is stated by no source found: it stays unknown.
    assert votes.set_index("iso3").loc["UKR", "vote"] == "unknown"
    # Syria: a report of 'against' was rejected; the vote is unknown.
    assert votes.set_index("iso3").loc["SYR", "vote"] == "unknown"


def test_vote_column_is_ordered_categorical() -> None:
    votes = ut.load_votes("ES-11/7")
    assert isinstance(votes["vote"].dtype, pd.CategoricalDtype)
    assert votes["vote"].cat.ordered
    assert list(votes["vote"].cat.categories) == list(VOTE_ORDER)


def test_complete_votes_match_official_totals() -> None:
    res = ut.load_resolutions(include_procedural=False).set_index("id")
    for rid in ("68/262", "ES-11/1", "ES-11/7", "ES-11/8", "ES-11/9"):
        counts = ut.load_votes(rid)["vote"].value_counts()
        official = res.loc[rid, ["yes", "no", "abstain", "non_voting"]].tolist()
        assert counts[["yes", "no", "abstain", "non_voting"]].tolist() == official, rid
        assert counts["unknown"] == 0


def test_all_votes_long_format() -> None:
    everything = ut.load_votes()
    assert len(everything) == 193 * len(ut.series())
    assert list(everything["resolution"].cat.categories) == ut.series()


def test_coverage_table() -> None:
    cov = ut.coverage().set_index("resolution")
    assert (cov["known"] + cov["unknown"] == 193).all()
    for v in ("yes", "no", "abstain", "non_voting"):
        assert (cov[f"known_{v}"] <= cov[f"official_{v}"]).all()
    assert cov.loc["2026", "status"] == "partial"
    assert cov.loc["ES-11/7", "status"] == "complete"
    assert (cov["record"] == "shipped").all()


def test_resolutions_by_id_and_symbol() -> None:
    assert ut.resolve_resolution("A/RES/ES-11/7") == "ES-11/7"
    assert ut.resolve_resolution("es11-7") == "ES-11/7"
    assert ut.resolve_resolution("A/ES-11/L.17") == "2026"
    assert ut.resolve_resolution("A/RES/68/262") == "68/262"
    assert ut.resolve_resolution("2026-division") == "2026-division"
    res = ut.load_resolutions().set_index("id")
    assert not res.loc["2026", "symbol_confirmed"]
    assert res.loc["2026", "symbol"] in ("", None) or pd.isna(res.loc["2026", "symbol"])
    motion = res.loc["2026-division"]
    assert (motion["kind"], motion["yes"], motion["no"], motion["abstain"]) == (
        "procedural", 11, 69, 62,
    )


def test_unknown_resolution_lists_accepted_ids() -> None:
    with pytest.raises(ut.UnknownResolutionError, match="ES-11/7"):
        ut.resolve_resolution("ES-11/99")


def test_procedural_vote_has_no_roll_call() -> None:
    with pytest.raises(ut.UnknownResolutionError, match="procedural"):
        ut.load_votes("2026-division")


def test_loaders_return_copies() -> None:
    a = ut.load_members()
    a.loc[0, "name"] = "changed"
    assert ut.load_members().loc[0, "name"] != "changed"


def test_groups_statements_paragraphs_conflicts_sources_load() -> None:
    groups = ut.load_groups()
    assert {"EU", "NATO", "G7", "G20", "BRICS", "AU", "ASEAN", "OIC", "CSTO", "LAS",
            "CARICOM"} <= set(groups["group"])
    assert len(ut.group_members("EU")) == 27
    statements = ut.load_statements()
    assert statements["source_url"].str.match(r"https?://").all()
    paragraphs = ut.load_paragraphs()
    assert set(paragraphs.loc[paragraphs["targeted_by_us_motion"], "paragraph_id"]) == {
        "PP2", "OP2",
    }
    conflicts = ut.load_conflicts("2026")
    rejected = conflicts[conflicts["outcome"] == "rejected"]
    assert {"SYR", "SVK"} <= set(rejected["iso3"])
    sources = ut.load_sources()
    assert sources["url"].is_unique
