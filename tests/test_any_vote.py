"""Issue 13: any recorded vote of the official file through the same tools.

Runs on ``tests/fixtures/undl_extra.csv`` (``tools/make_undl_extra_fixture.py``):
the sample fixture plus three synthetic votes that are not in the course
(A/RES/79/9901, A/RES/ES-10/9903 found by its draft too, A/RES/78/9902),
each with a full 193-state roll call.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import altair as alt
import pandas as pd
import pytest

import unga_teach as ut
from unga_teach import record

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "undl_extra.csv"
MIDEAST = "A/RES/79/9901"
ES10 = "A/RES/ES-10/9903"
OCEANS = "A/RES/78/9902"
OLD = "A/RES/40/9001"  # historical codes (SUN, YUG ...), 16 states


from record_isolation import isolated_record  # noqa: E402, F401  (a fixture)

pytestmark = pytest.mark.usefixtures("isolated_record")


@pytest.fixture
def official(isolated_record: None) -> None:  # noqa: F811  (after the isolation)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ut.use_official_record(FIXTURE)


# ------------------------------------------------------------------ the fixture
def test_fixture_votes_are_synthetic_complete_and_add_up() -> None:
    raw = pd.read_csv(FIXTURE, dtype=str, keep_default_na=False)
    synthetic = raw[raw["resolution"].isin([MIDEAST, ES10, OCEANS])]
    assert synthetic["title"].str.contains("SYNTHETIC TEST VOTE").all()
    for _, rows in synthetic.groupby("undl_id"):
        assert len(rows) == 193 == rows["ms_code"].nunique()
        counts = rows["ms_vote"].replace("", "X").value_counts()
        first = rows.iloc[0]
        for letter, col in (("Y", "total_yes"), ("N", "total_no"), ("A", "total_abstentions"),
                            ("X", "total_non_voting")):
            assert int(counts.get(letter, 0)) == int(float(first[col]))
    assert synthetic["date"].str[:4].nunique() == 2 and synthetic["session"].nunique() == 3


# -------------------------------------------------------------- without a file
def test_without_a_file_a_non_course_vote_gives_one_clear_message() -> None:
    for call in (lambda: ut.load_votes(MIDEAST), lambda: ut.resolution_info(MIDEAST),
                 lambda: ut.tally(MIDEAST), lambda: ut.tally_chart(MIDEAST),
                 lambda: ut.resolve_vote(9990201)):
        with pytest.raises(ut.UnknownResolutionError) as info:
            call()
        text = str(info.value)
        assert "https://digitallibrary.un.org/record/4060887" in text
        assert "use_official_record" in text and "UNGA_TEACH_UNDL" in text
        assert "General Assembly Voting Data" in text


def test_without_a_file_course_ids_keep_working() -> None:
    assert ut.resolve_vote("A/ES-11/L.17") == ut.VoteRef("2026", True, None, "")
    assert len(ut.load_votes("ES-11/7")) == 193
    assert ut.load_votes()["resolution"].cat.categories.tolist() == ut.series()


def test_search_without_a_file_searches_the_course_and_says_how_to_get_more() -> None:
    with pytest.warns(UserWarning, match="4060887"):
        found = ut.search_votes("Ukraine")
    assert set(found["record"]) == {"course"}
    assert found["date"].is_monotonic_decreasing
    assert "use_official_record" in found.attrs["note"]
    assert list(found.columns[:3]) == ["id", "symbol", "draft"]


# ----------------------------------------------------------------- resolving
@pytest.mark.usefixtures("official")
@pytest.mark.parametrize("ref", [MIDEAST, "a/res/79/9901", "A/79/L.9901", 9990201, "9990201",
                                 "https://digitallibrary.un.org/record/9990201"])
def test_any_vote_is_found_by_symbol_draft_or_record_id(ref: object) -> None:
    vote = ut.resolve_vote(ref)
    assert (vote.id, vote.course, vote.undl_id) == (MIDEAST, False, 9990201)


@pytest.mark.usefixtures("official")
def test_course_votes_stay_course_votes_even_by_record_id() -> None:
    assert ut.resolve_vote("4076672").id == "ES-11/7"  # the file's record of ES-11/7
    assert ut.resolve_vote("ES-11/7").course
    assert ut.resolve_vote("A/ES-10/L.9903").id == ES10


@pytest.mark.usefixtures("official")
def test_an_unknown_vote_with_a_file_points_to_search() -> None:
    with pytest.raises(ut.UnknownResolutionError, match="search_votes"):
        ut.load_votes("A/RES/12/345")


# ------------------------------------------------------------------- loaders
@pytest.mark.usefixtures("official")
def test_load_votes_of_a_non_course_vote() -> None:
    v = ut.load_votes(MIDEAST)
    assert len(v) == 193 and isinstance(v.index, pd.RangeIndex)
    assert list(v.columns) == list(ut.load_votes("2026").columns)
    assert set(v["confidence"].astype(str)) == {"official"}
    assert set(v["source_url"]) == {"https://digitallibrary.un.org/record/9990201"}
    assert v["known"].all()
    info = ut.resolution_info(MIDEAST)
    counts = v["vote"].value_counts()
    assert [int(counts[k]) for k in ("yes", "no", "abstain", "non_voting")] == [
        info["yes"], info["no"], info["abstain"], info["non_voting"]]
    v.loc[0, "name"] = "changed"
    assert ut.load_votes(MIDEAST).loc[0, "name"] != "changed"  # a copy


@pytest.mark.usefixtures("official")
def test_a_historical_vote_keeps_the_states_of_its_time() -> None:
    v = ut.load_votes(OLD).set_index("iso3")
    assert len(v) == 16 and v.loc["SUN", "name"] == "Union of Soviet Socialist Republics"


@pytest.mark.usefixtures("official")
def test_load_votes_of_a_selection() -> None:
    v = ut.load_votes(["2026", MIDEAST])
    assert v["resolution"].cat.categories.tolist() == ["2026", MIDEAST]
    assert v.groupby("resolution", observed=True).size().tolist() == [193, 193]


@pytest.mark.usefixtures("official")
def test_resolution_info_of_a_non_course_vote() -> None:
    info = ut.resolution_info("A/79/L.9901")
    assert info["title"].startswith("[SYNTHETIC TEST VOTE")
    assert "adopted by the General Assembly" not in info["title"]
    assert (info["session"], info["draft"], info["record"]) == ("79", "A/79/L.9901", "official")
    assert info["date"] == pd.Timestamp("2024-12-10")
    assert info["source_url"] == "https://digitallibrary.un.org/record/9990201"
    assert info["agenda_title"] == "The situation in the Middle East"
    assert "MIDDLE EAST" in info["subjects"]
    assert "no statements" in repr(info)
    assert "<script" not in info._repr_html_()


@pytest.mark.usefixtures("official")
def test_statements_paragraphs_conflicts_of_a_non_course_vote_are_empty() -> None:
    for loader in (ut.load_statements, ut.load_paragraphs, ut.load_conflicts):
        frame = loader(MIDEAST)
        assert frame.empty and list(frame.columns) == list(loader().columns)


@pytest.mark.usefixtures("official")
def test_tally_of_a_non_course_vote() -> None:
    t = ut.tally(MIDEAST).set_index("vote")
    info = ut.resolution_info(MIDEAST)
    assert int(t.loc["yes", "known"]) == info["yes"] and int(t.loc["unknown", "known"]) == 0


# -------------------------------------------------------------------- search
@pytest.mark.usefixtures("official")
def test_search_by_year_session_subject_and_text() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no warning with a file
        assert ut.search_votes(year=2024)["id"].tolist() == [MIDEAST, ES10]
    assert ut.search_votes(session="ES-10")["id"].tolist() == [ES10]
    assert ut.search_votes(session=78)["id"].tolist() == [OCEANS]
    assert ut.search_votes(subject="middle east", year=2024)["id"].tolist() == [MIDEAST, ES10]
    assert ut.search_votes("ocean observation")["id"].tolist() == [OCEANS]
    every = ut.search_votes()
    assert every["date"].is_monotonic_decreasing
    assert {"ES-11/7", MIDEAST, OLD} <= set(every["id"])
    assert every.set_index("id").loc["ES-11/7", "record"] == "course"
    row = every.set_index("id").loc[MIDEAST]
    assert row["link"] == "https://digitallibrary.un.org/record/9990201"
    assert int(row["yes"]) == ut.resolution_info(MIDEAST)["yes"]


def test_search_rejects_a_bad_year() -> None:
    with pytest.raises(ut.UngaTeachError, match="year"):
        ut.search_votes(year="last year")


# ----------------------------------------------------------- analysis, charts
@pytest.mark.usefixtures("official")
def test_analysis_accepts_any_vote() -> None:
    assert int(ut.transitions("2026", MIDEAST)["count"].sum()) == 193
    assert int(ut.transition_crosstab(MIDEAST, ES10).loc["total", "total"]) == 193
    assert 0 <= ut.cohesion("EU", MIDEAST) <= 1
    pairs = ut.agreement_pairs(["France", "USA"], [MIDEAST, ES10, "2026"])
    assert len(pairs) > 0
    h = ut.vote_history("France", resolutions=[MIDEAST, OLD, "2026"])
    assert h["resolution"].tolist() == [OLD, MIDEAST, "2026"]


@pytest.mark.usefixtures("official")
def test_every_chart_and_table_accepts_any_vote() -> None:
    sel = ut.search_votes(subject="middle east")
    built = [ut.tally_chart(MIDEAST), ut.group_chart(MIDEAST), ut.vote_map(MIDEAST),
             ut.shift_chart("2026", MIDEAST), ut.shift_chart(MIDEAST, ES10),
             ut.agreement_chart(["France", "USA", "China"], resolutions=sel),
             ut.tally_chart(OLD)]
    assert all(isinstance(c, alt.TopLevelMixin) for c in built)
    for table in (ut.tally_table(MIDEAST), ut.group_table(MIDEAST), ut.vote_map_table(MIDEAST),
                  ut.shift_table("2026", MIDEAST),
                  ut.agreement_table(["France", "USA"], resolutions=sel)):
        assert len(table) > 0 and table.attrs["description"]
    old_map = ut.vote_map_table(OLD)
    assert len(old_map) == 193 and "not in this vote's record" in old_map.attrs["description"]
    assert "Union of Soviet Socialist Republics" in old_map.attrs["description"]


# ------------------------------------------------------------------- widgets
@pytest.mark.usefixtures("official")
def test_country_explorer_takes_a_selection() -> None:
    sel = ut.search_votes(subject="middle east", year=2024)
    w = ut.country_explorer("France", votes=sel)
    assert w.history["resolution"].tolist() == [ES10, MIDEAST]
    assert "official UN voting record" in w.result_html.value
    assert "No statement by France on these votes" in w.result_html.value
    w.country.value = "Brazil"
    assert w.iso3 == "BRA" and not w.error_html.value


@pytest.mark.usefixtures("official")
def test_group_explorer_takes_a_selection_and_any_vote() -> None:
    w = ut.group_explorer("EU", votes=[MIDEAST, ES10])
    assert w.resolution.value == MIDEAST and int(w.counts["count"].sum()) == 27
    assert "No statements or paragraphs" in w.result_html.value
    w.resolution.value = ES10
    assert not w.error_html.value and ES10 in w.members_html.value
    one = ut.group_explorer("G7", OCEANS)
    assert one.resolution.value == OCEANS and "2026" in [v for _, v in one.resolution.options]


@pytest.mark.usefixtures("official")
def test_vote_comparer_takes_a_selection_and_any_vote() -> None:
    w = ut.vote_comparer(votes=ut.search_votes(year=2024))
    assert (w.res_a.value, w.res_b.value) == (MIDEAST, ES10)
    assert int(w.table["count"].sum()) == 193 and w.chart_spec is not None
    w.res_b.value = MIDEAST
    assert "same vote" in w.table_html.value
    mixed = ut.vote_comparer("2026", OCEANS)
    assert int(mixed.table["count"].sum()) == 193 and not mixed.error_html.value
    assert "No statements or paragraphs" in mixed.table_html.value


def test_a_selection_without_a_file_gives_the_clear_message() -> None:
    with pytest.raises(ut.UnknownResolutionError, match="4060887"):
        ut.country_explorer("France", votes=[MIDEAST])


@pytest.mark.usefixtures("official")
def test_the_whole_frame_is_held_by_the_record_state() -> None:
    assert record.STATE.frame is not None and len(record.STATE.frame) == 1576
    assert isinstance(record.STATE.frame["iso3"].dtype, pd.CategoricalDtype)
    ut.use_official_record(None)
    assert record.STATE.frame is None
    with pytest.raises(ut.UnknownResolutionError, match="4060887"):
        ut.load_votes(MIDEAST)
