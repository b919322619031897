"""vote_bounds: hand-computed cases, a brute-force check, invariants on the real data;
the withholding rule for cohesion (unga_teach.withheld)."""

from __future__ import annotations

import itertools
import math
import pickle

import pandas as pd
import pytest

import unga_teach as ut
import unga_teach.bounds as bounds_mod
from unga_teach.bounds import bounds_for, vote_bounds
from unga_teach.categories import RECORDED_VOTES
from unga_teach.errors import UngaTeachError
from unga_teach.withheld import Withheld, min_known, too_few_known, withheld_note, withhold

# A made-up Assembly of ten states, two groups and one overlapping bloc.
VOTES = {"A": "yes", "B": "no", "C": "unknown", "D": "unknown", "E": "yes",
         "F": "unknown", "G": "abstain", "H": "yes", "I": "unknown", "J": "non_voting"}
OFFICIAL = {"yes": 5, "no": 2, "abstain": 2, "non_voting": 1}
GROUPS = [("G1", ["A", "B", "C", "D"]), ("G2", ["E", "F", "G", "H", "I", "J"]),
          ("B3", ["C", "D", "F"])]


@pytest.fixture
def toy(monkeypatch: pytest.MonkeyPatch) -> pd.DataFrame:
    monkeypatch.setattr(bounds_mod, "group_sets", lambda by: ("Group", GROUPS))
    monkeypatch.setattr(bounds_mod, "_votes_of", lambda r: (dict(VOTES), dict(OFFICIAL)))
    return vote_bounds("2026", by=["toy"]).set_index(["group", "vote"])


def test_hand_computed_bounds(toy: pd.DataFrame) -> None:
    # unplaced: yes 5-3=2, no 2-1=1, abstain 2-1=1, non_voting 1-1=0; 4 unknown states
    expected = {
        # G1: 2 unknown inside, 2 outside
        ("G1", "yes"): (1, 1, 3), ("G1", "no"): (1, 1, 2),
        ("G1", "abstain"): (0, 0, 1), ("G1", "non_voting"): (0, 0, 0),
        # G2: 2 unknown inside, 2 outside
        ("G2", "yes"): (2, 2, 4), ("G2", "no"): (0, 0, 1),
        ("G2", "abstain"): (1, 1, 2), ("G2", "non_voting"): (1, 1, 1),
        # B3 overlaps both: 3 unknown inside, 1 outside, so one unplaced yes must be in it
        ("B3", "yes"): (0, 1, 2), ("B3", "no"): (0, 0, 1),
        ("B3", "abstain"): (0, 0, 1), ("B3", "non_voting"): (0, 0, 0),
    }
    for key, (known, low, high) in expected.items():
        assert toy.loc[key, ["known", "low", "high"]].tolist() == [known, low, high], key
    assert toy.loc[("G1", "yes"), ["members", "n_known"]].tolist() == [4, 2]
    assert toy.loc[("B3", "yes"), ["members", "n_known"]].tolist() == [3, 0]


def test_bounds_are_the_exact_min_and_max_of_every_possible_record(toy: pd.DataFrame) -> None:
    """Brute force: place the unknown votes every way the official totals allow."""
    unknown = [s for s, v in VOTES.items() if v == "unknown"]
    seen: dict[tuple[str, str], list[int]] = {}
    for combo in itertools.product(RECORDED_VOTES, repeat=len(unknown)):
        full = VOTES | dict(zip(unknown, combo, strict=True))
        if any(list(full.values()).count(v) != OFFICIAL[v] for v in RECORDED_VOTES):
            continue
        for name, members in GROUPS:
            for v in RECORDED_VOTES:
                seen.setdefault((name, v), []).append(sum(full[m] == v for m in members))
    for key, counts in seen.items():
        assert (toy.loc[key, "low"], toy.loc[key, "high"]) == (min(counts), max(counts)), key


def test_bounds_for_formula() -> None:
    assert bounds_for(3, 44, 70, 65) == (3, 47)
    assert bounds_for(0, 5, 2, 6) == (4, 5)
    assert bounds_for(6, 44, 70, 0) == (6, 6)  # every "no" is placed: settled
    assert bounds_for(2, 0, 9, 4) == (2, 2)  # nothing unknown in the group
    assert bounds_for(1, 3, 0, -2) == (1, 1)  # a negative remainder counts as 0


def test_african_group_2026() -> None:
    b = vote_bounds("2026").set_index(["group", "vote"])
    rows = {v: b.loc[("African States", v), ["known", "low", "high"]].tolist()
            for v in RECORDED_VOTES}
    assert rows == {"yes": [3, 3, 47], "no": [6, 6, 6], "abstain": [1, 1, 29],
                    "non_voting": [0, 0, 21]}
    assert b.loc[("African States", "yes"), ["members", "n_known"]].tolist() == [54, 10]


def test_columns_and_order() -> None:
    b = vote_bounds("2026", by=["EU", "AU"])
    assert list(b.columns) == ["group", "vote", "members", "n_known", "known", "low", "high"]
    assert b["vote"].astype(str).tolist() == list(RECORDED_VOTES) * 2
    assert b["group"].tolist() == ["EU"] * 4 + ["AU"] * 4
    assert "African" not in b.attrs["description"] and "AU (10 of 54" in b.attrs["description"]


CASES = [(rid, by) for rid in [*ut.series(), "2026-division"]
         for by in ("un_regional_group", "m49_region", ["EU", "AU", "BRICS", "NATO", "ASEAN"])]


@pytest.mark.parametrize(("rid", "by"), CASES)
def test_invariants_on_the_real_data(rid: str, by: object) -> None:
    b = vote_bounds(rid, by=by)  # type: ignore[arg-type]
    assert (b["low"] <= b["known"]).all() and (b["known"] <= b["high"]).all()
    assert (b["high"] <= b["members"]).all() and (b["n_known"] <= b["members"]).all()
    official = ut.tally(rid).set_index("vote")["official"]
    if isinstance(by, str):  # a partition of the 193: the official totals lie in between
        sums = b.groupby("vote", observed=True)[["low", "high"]].sum()
        for v in RECORDED_VOTES:
            assert sums.loc[v, "low"] <= int(official[v]) <= sums.loc[v, "high"], (rid, v)
        assert b.drop_duplicates("group")["members"].sum() == ut.tally(rid)["known"].sum()
    if int(ut.tally(rid).set_index("vote").loc["unknown", "known"]) == 0:  # complete record
        assert (b["low"] == b["known"]).all() and (b["high"] == b["known"]).all()


def test_bad_input() -> None:
    with pytest.raises(UngaTeachError, match="un_regional_group"):
        vote_bounds("2026", by="continent")
    with pytest.raises(UngaTeachError, match="Unknown group"):
        vote_bounds("2026", by=["Narnia"])
    with pytest.raises(UngaTeachError, match="empty"):
        vote_bounds("2026", by=[])
    with pytest.raises(UngaTeachError, match="list of group codes"):
        vote_bounds("2026", by=7)  # type: ignore[arg-type]
    with pytest.raises(UngaTeachError):
        vote_bounds("A/RES/99/999")


# ------------------------------------------------------------------- withholding
def test_threshold_is_two_thirds() -> None:
    assert pytest.approx(2 / 3) == ut.MIN_KNOWN_SHARE
    assert [min_known(n) for n in (54, 23, 29, 11, 3, 0)] == [36, 16, 20, 8, 2, 0]
    assert too_few_known(35, 54) and not too_few_known(36, 54)
    assert withheld_note(35, 54) == "too few known (35 of 54)" and withheld_note(36, 54) == ""
    with pytest.raises(UngaTeachError, match="cannot be more"):
        too_few_known(5, 4)
    with pytest.raises(UngaTeachError, match="whole number"):
        min_known(-1)


def test_withheld_value_is_nan_with_its_reason() -> None:
    w = withhold(0.4, 10, 54)
    assert isinstance(w, Withheld) and isinstance(w, float) and math.isnan(w)
    assert str(w) == repr(w) == f"{w:.2f}" == "too few known (10 of 54)"
    assert pd.isna(pd.Series([w])).all()
    assert pickle.loads(pickle.dumps(w)).reason == w.reason
    assert withhold(0.625, 21, 23) == 0.625 and type(withhold(0.625, 21, 23)) is float


def test_cohesion_is_withheld_for_the_african_group_in_2026() -> None:
    value = ut.cohesion("African States", "2026")
    assert math.isnan(value) and str(value) == "too few known (10 of 54)"
    d = ut.cohesion_detail("African States", "2026")
    assert (int(d["known"]), int(d["members"]), int(d["min_known"])) == (10, 54, 36)
    assert d["cohesion_note"] == "too few known (10 of 54)"


def test_cohesion_is_shown_when_enough_is_known() -> None:
    d = ut.cohesion_detail("Eastern European States", "2026")
    assert (int(d["known"]), int(d["members"])) == (21, 23) and d["cohesion_note"] == ""
    assert ut.cohesion("Eastern European States", "2026") == pytest.approx(0.625)
    assert ut.cohesion("African States", "ES-11/7") == pytest.approx(0.3)  # complete record


def test_group_table_withholds_and_counts_known() -> None:
    t = ut.group_table("2026").set_index("group")
    assert t.loc["African States", ["members", "known"]].tolist() == [54, 10]
    assert math.isnan(t.loc["African States", "cohesion"])
    assert t.loc["African States", "cohesion_note"] == "too few known (10 of 54)"
    assert t.loc["Eastern European States", "cohesion"] == pytest.approx(0.625)
    assert (t["known"] + t["unknown"] == t["members"]).all()
    for group, row in t.iterrows():
        withheld = too_few_known(int(row["known"]), int(row["members"]))
        assert math.isnan(row["cohesion"]) == withheld, group
        assert bool(row["cohesion_note"]) == withheld, group
    assert "too few known (10 of 54)" in ut.group_chart("2026").description
    text = repr(ut.show_table(t.reset_index()))
    assert "0.40" not in text.split("African States")[1].split("\n")[0]


def test_bounds_chart_and_table() -> None:
    chart = ut.vote_bounds_chart("2026", by=["EU", "AU"])
    table = ut.vote_bounds_table("2026", by=["EU", "AU"])
    assert chart.description == table.attrs["description"]
    assert table.set_index(["group", "vote"]).loc[("AU", "yes"), "possible"] == "3 to 47"
    spec = chart.to_dict()
    assert [p["title"]["text"] for p in spec["hconcat"]] == ["Yes", "No", "Abstain",
                                                             "Non-voting"]


# ---------------------------------------------------------- any official vote
from record_isolation import isolated_record  # noqa: E402, F401  (a fixture)

FIXTURE = __import__("pathlib").Path(__file__).resolve().parent / "fixtures" / "undl_extra.csv"


@pytest.mark.usefixtures("isolated_record")
@pytest.mark.parametrize("rid", ["A/RES/79/9901", "A/RES/40/9001"])
def test_bounds_on_an_official_record(rid: str) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ut.use_official_record(FIXTURE)
    for by in ("un_regional_group", ["EU", "AU"]):
        b = vote_bounds(rid, by=by)
        assert (b["low"] <= b["known"]).all() and (b["known"] <= b["high"]).all(), rid
        assert (b["high"] <= b["members"]).all()
    if rid.startswith("A/RES/40/"):  # historical codes (ZAR, SUN ...) are in no group today
        return
    official = ut.tally(rid).set_index("vote")["official"]
    sums = vote_bounds(rid).groupby("vote", observed=True)[["low", "high"]].sum()
    for v in RECORDED_VOTES:
        assert sums.loc[v, "low"] <= int(official[v]) <= sums.loc[v, "high"], (rid, v)


def test_group_charts_say_how_much_of_each_group_is_known() -> None:
    for chart in (ut.group_chart("2026"), ut.vote_bounds_chart("2026")):
        text = str(chart.to_dict())
        assert "10 of 54 known" in text and "21 of 23 known" in text
