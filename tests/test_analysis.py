"""Tallies, majorities, transitions, agreement and cohesion: unit and property tests."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import unga_teach as ut
from unga_teach.analysis import (
    agreement_detail,
    agreement_index,
    agreement_pairs,
    cohesion_detail,
    majority_explanation,
    transition_crosstab,
    votes_needed,
)
from unga_teach.categories import VOTE_ORDER
from unga_teach.errors import UngaTeachError, UnknownCountryError

SERIES = ut.series()
MEMBERS = sorted(ut.load_members()["iso3"].astype(str))
PROPERTY = settings(max_examples=30, deadline=None)


# ------------------------------------------------------------------------ tally
@pytest.mark.parametrize("rid", SERIES)
def test_tally_sums_to_193_and_matches_official_totals(rid: str) -> None:
    t = ut.tally(rid)
    assert t["vote"].astype(str).tolist() == list(VOTE_ORDER)
    assert list(t.columns) == ["vote", "label", "known", "official", "missing"]
    assert int(t["known"].sum()) == 193
    assert int(t["official"].sum()) == 193
    unknown = t.set_index("vote").loc["unknown"]
    assert t["official"].isna().tolist() == [False] * 4 + [True]
    positions = t.iloc[:4]
    # never more named states than the official total, and every gap is an unknown state
    assert (positions["missing"] >= 0).all(), positions
    assert int(positions["missing"].sum()) == int(unknown["known"])


def test_tally_counts_unknown_as_no_position() -> None:
    votes = ut.load_votes("2026")
    t = ut.tally("2026").set_index("vote")
    for v in VOTE_ORDER:
        assert int(t.loc[v, "known"]) == int((votes["vote"] == v).sum())
    assert int(t.loc["unknown", "known"]) == int((~votes["known"]).sum())
    assert t.loc["yes", "official"] == 107 and t.loc["no", "official"] == 12


def test_tally_of_the_motion_has_totals_but_no_names() -> None:
    t = ut.tally("2026-division").set_index("vote")
    assert int(t.loc["unknown", "known"]) == 193
    assert t.loc[["yes", "no", "abstain", "non_voting"], "official"].tolist() == [11, 69, 62, 51]


def test_tally_bad_resolution() -> None:
    with pytest.raises(ut.UnknownResolutionError):
        ut.tally("ES-11/99")


# --------------------------------------------------------------------- majority
@pytest.mark.parametrize(
    ("yes", "no", "rule", "expected"),
    [
        (0, 0, "simple", False),  # nobody present and voting
        (0, 0, "two_thirds", False),
        (50, 50, "simple", False),  # a tie is a rejection (rule 95)
        (51, 50, "simple", True),
        (1, 0, "simple", True),
        (1, 0, "two_thirds", True),
        (0, 1, "simple", False),
        (80, 40, "two_thirds", True),  # exactly two thirds of 120 passes
        (79, 40, "two_thirds", False),  # 79/119 = 66.4 %
        (2, 1, "two_thirds", True),
        (93, 24, "two_thirds", True),  # ES-11/3 (HRC suspension)
        (107, 12, "simple", True),
        (107, 12, "two_thirds", True),
        (11, 69, "simple", False),  # the 2026 US motion for division
    ],
)
def test_passes_edge_cases(yes: int, no: int, rule: str, expected: bool) -> None:
    assert ut.passes(yes, no, rule=rule) is expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((-1, 3), "no"),
        ((3, -1), "no cannot be negative"),
        ((1.5, 3), "whole number"),
        ((True, 3), "whole number"),
        (("107", 12), "whole number"),
        ((None, 12), "whole number"),
    ],
)
def test_passes_rejects_bad_counts(args: tuple, message: str) -> None:
    yes, no = args
    if message == "no":  # the first argument is negative
        message = "yes cannot be negative"
    with pytest.raises(UngaTeachError, match=message):
        ut.passes(yes, no)


def test_passes_rejects_unknown_rule() -> None:
    with pytest.raises(UngaTeachError, match=r"Accepted: 'simple'.*'two_thirds'"):
        ut.passes(10, 2, rule="majority")


def test_passes_accepts_numpy_integers() -> None:
    import numpy as np

    assert ut.passes(np.int64(107), np.int64(12)) is True


def test_majority_explanation_text() -> None:
    text = majority_explanation(107, 12, 51, 23)
    assert text.startswith("107 yes vs 12 no: 119 present and voting; a simple majority needs 60;")
    assert "passes" in text and "51 abstentions and 23 non-voting states are not counted" in text
    assert "fails" in majority_explanation(50, 50) and "tie" in majority_explanation(50, 50)
    assert "needs 80" in majority_explanation(79, 40, rule="two_thirds")
    assert "1 abstention is not counted" in majority_explanation(3, 1, 1)


def test_official_results_of_the_series_pass() -> None:
    for r in ut.load_resolutions(include_procedural=False).itertuples():
        assert ut.passes(int(r.yes), int(r.no)), r.id


counts = st.integers(min_value=0, max_value=400)


@PROPERTY
@given(yes=counts, no=counts)
def test_simple_majority_is_more_yes_than_no(yes: int, no: int) -> None:
    assert ut.passes(yes, no) is (yes > no)


@PROPERTY
@given(yes=counts, no=counts)
def test_two_thirds_is_exact_integer_arithmetic(yes: int, no: int) -> None:
    result = ut.passes(yes, no, rule="two_thirds")
    assert result is (yes > 0 and 3 * yes >= 2 * (yes + no))
    if result:  # two thirds is stricter than a simple majority
        assert ut.passes(yes, no)
        assert ut.passes(yes + 1, no, rule="two_thirds")
        if no:
            assert ut.passes(yes, no - 1, rule="two_thirds")


@PROPERTY
@given(present=st.integers(min_value=1, max_value=400),
       rule=st.sampled_from(["simple", "two_thirds"]))
def test_votes_needed_is_the_threshold(present: int, rule: str) -> None:
    need = votes_needed(present, rule)
    assert ut.passes(need, present - need, rule=rule)
    if need > 1:
        assert not ut.passes(need - 1, present - need + 1, rule=rule)


@PROPERTY
@given(yes=counts, no=counts, abstain=counts, nv=counts,
       rule=st.sampled_from(["simple", "two_thirds"]))
def test_explanation_agrees_with_passes(yes: int, no: int, abstain: int, nv: int,
                                        rule: str) -> None:
    text = majority_explanation(yes, no, abstain, nv, rule=rule)
    outcome = "passes" if ut.passes(yes, no, rule=rule) else "fails"
    assert f"; {outcome}." in text
    assert text.startswith(f"{yes} yes vs {no} no")


# ------------------------------------------------------------------ transitions
def test_transitions_shape_and_totals() -> None:
    t = ut.transitions("ES-11/7", "2026")
    assert len(t) == 25
    assert list(t["from_vote"].cat.categories) == list(VOTE_ORDER)
    assert t["from_vote"].cat.ordered and t["to_vote"].cat.ordered
    assert int(t["count"].sum()) == 193
    assert (t["count"] == t["states"].map(len)).all()
    everyone = sorted(s for states in t["states"] for s in states)
    assert everyone == MEMBERS


@PROPERTY
@given(a=st.sampled_from(SERIES), b=st.sampled_from(SERIES))
def test_transitions_preserve_counts(a: str, b: str) -> None:
    t = ut.transitions(a, b)
    assert int(t["count"].sum()) == 193
    margin_a = t.groupby("from_vote", observed=False)["count"].sum()
    margin_b = t.groupby("to_vote", observed=False)["count"].sum()
    ta = ut.tally(a).set_index("vote")["known"]
    tb = ut.tally(b).set_index("vote")["known"]
    assert margin_a.astype(int).tolist() == ta.astype(int).tolist()
    assert margin_b.astype(int).tolist() == tb.astype(int).tolist()
    if a == b:  # a vote compared with itself stays on the diagonal
        off = t[t["from_vote"].astype(str) != t["to_vote"].astype(str)]
        assert int(off["count"].sum()) == 0


def test_transition_crosstab_margins() -> None:
    x = transition_crosstab("ES-11/7", "2026")
    assert int(x.loc["total", "total"]) == 193
    assert list(x.index[:5]) == list(VOTE_ORDER)
    assert int(x.loc["no", "total"]) == 18  # 18 no votes on ES-11/7


# -------------------------------------------------------------------- agreement
def test_agreement_definition_examples() -> None:
    # both abstaining is agreement: abstain counts as a position
    d = agreement_detail("India", "China", ["ES-11/1"])
    assert d["vote_a"].astype(str).tolist() == ["abstain"]
    assert d["vote_b"].astype(str).tolist() == ["abstain"]
    assert ut.agreement("India", "China", ["ES-11/1"]) == 1.0
    assert ut.agreement("Ukraine", "Russia", ["ES-11/1"]) == 0.0


def test_agreement_excludes_non_voting_and_unknown() -> None:
    votes = ut.load_votes()
    nv = votes[(votes["vote"] == "non_voting")].iloc[0]
    rid, iso3 = str(nv["resolution"]), str(nv["iso3"])
    d = agreement_detail(iso3, "RUS", [rid])
    assert not bool(d["compared"].iloc[0]) and d["same"].isna().all()
    assert math.isnan(ut.agreement(iso3, "RUS", [rid]))
    unknown = votes[(votes["vote"] == "unknown")].iloc[0]
    assert math.isnan(ut.agreement(str(unknown["iso3"]), "FRA", [str(unknown["resolution"])]))


def test_agreement_count_of_compared_votes() -> None:
    d = agreement_detail("USA", "France")
    assert len(d) == len(SERIES)
    n = int(d["compared"].sum())
    assert 0 < n <= len(SERIES)
    assert ut.agreement("USA", "France") == pytest.approx(int(d["same"].sum()) / n)
    p = agreement_pairs(["USA", "France"]).set_index(["a", "b"])
    assert int(p.loc[("USA", "FRA"), "compared"]) == n


def test_agreement_bad_input() -> None:
    with pytest.raises(UnknownCountryError, match="Did you mean"):
        ut.agreement("Frnace", "Germany")
    with pytest.raises(UngaTeachError, match="observer state"):
        ut.agreement("Holy See", "Italy")
    with pytest.raises(UngaTeachError, match="procedural"):
        ut.agreement("France", "Italy", ["2026-division"])
    with pytest.raises(ut.UnknownResolutionError):
        ut.agreement("France", "Italy", ["ES-11/42"])


@PROPERTY
@given(a=st.sampled_from(MEMBERS), b=st.sampled_from(MEMBERS),
       res=st.lists(st.sampled_from(SERIES), min_size=1, max_size=5, unique=True))
def test_agreement_symmetric_and_bounded(a: str, b: str, res: list[str]) -> None:
    ab, ba = ut.agreement(a, b, res), ut.agreement(b, a, res)
    if math.isnan(ab):
        assert math.isnan(ba)
        return
    assert ab == ba
    assert 0.0 <= ab <= 1.0
    if a == b:
        assert ab == 1.0


# --------------------------------------------------------------------- cohesion
def test_agreement_index_formula() -> None:
    assert agreement_index(27, 0, 0) == 1.0
    assert agreement_index(1, 1, 1) == 0.0
    assert agreement_index(3, 1, 0) == pytest.approx((3 - 0.5) / 4)
    assert math.isnan(agreement_index(0, 0, 0))


@PROPERTY
@given(y=st.integers(0, 60), n=st.integers(0, 60), a=st.integers(0, 60))
def test_agreement_index_bounds(y: int, n: int, a: int) -> None:
    ai = agreement_index(y, n, a)
    if y + n + a == 0:
        assert math.isnan(ai)
    else:
        assert 0.0 <= ai <= 1.0
        assert ai == agreement_index(n, a, y)  # order of categories does not matter


def test_cohesion_of_the_eu_on_es_11_1_is_unanimous() -> None:
    assert ut.cohesion("EU", "ES-11/1") == 1.0


def test_cohesion_uses_only_known_positions() -> None:
    d = cohesion_detail("Eastern European States", "2026")
    assert int(d["members"]) == 23
    assert sum(int(d[v]) for v in VOTE_ORDER) == 23
    assert int(d["unknown"]) > 0 and int(d["non_voting"]) > 0  # both are left out
    expected = agreement_index(int(d["yes"]), int(d["no"]), int(d["abstain"]))
    assert ut.cohesion("Eastern European States", "2026") == pytest.approx(expected)


def test_cohesion_withheld_when_too_few_known() -> None:
    d = cohesion_detail("African States", "2026")
    assert int(d["members"]) == 54
    assert sum(int(d[v]) for v in VOTE_ORDER) == 54
    assert math.isnan(ut.cohesion("African States", "2026"))
    assert d["cohesion_note"] == f"too few known ({int(d['known'])} of 54)"


@PROPERTY
@given(group=st.sampled_from(list(ut.REGIONAL_GROUPS)), rid=st.sampled_from(SERIES))
def test_cohesion_bounded(group: str, rid: str) -> None:
    value = ut.cohesion(group, rid)
    assert math.isnan(value) or 0.0 <= value <= 1.0


def test_cohesion_unknown_group() -> None:
    with pytest.raises(UngaTeachError, match="Unknown group"):
        ut.cohesion("Warsaw Pact", "2026")


# ---------------------------------------------------------------------- history
def test_vote_history() -> None:
    h = ut.vote_history("Brazil")
    assert h["resolution"].tolist() == SERIES
    assert list(h.columns) == ["resolution", "date", "title", "vote", "label", "confidence",
                               "source_url"]
    assert list(h["vote"].cat.categories) == list(VOTE_ORDER)
    assert h["date"].is_monotonic_increasing
    known = h[h["vote"] != "unknown"]
    assert known["source_url"].str.startswith("http").all()
    unknown = h[h["vote"] == "unknown"]
    assert (unknown["confidence"].astype(str) == "none").all()


def test_vote_history_rejects_observers() -> None:
    with pytest.raises(UngaTeachError, match="observer"):
        ut.vote_history("Palestine")
