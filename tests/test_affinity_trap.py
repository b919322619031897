"""Issue 22: agreement that does not mislead (``votes=``, kappa, n) on a record that holds the trap.

The synthetic record (written into ``tmp_path`` in the official file's
format): in 2025, the United States votes no alone on 100 texts that every
other state adopts; on 20 contested texts Ukraine votes with the United
States and Russia against them (10 texts each way). Over all votes
raw agreement says Ukraine votes with Russia; over contested votes, with the
United States. Contested votes and all votes must rank the pair in opposite
orders, kappa must not be fooled, and every figure carries its n.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import unga_teach as ut
from unga_teach.errors import UngaTeachError
from unga_teach.voting_affinity import CONTESTED_SHARE, MIN_SHARED_VOTES, contested_mask

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "tools"))

from make_undl_fixture import write_fixture  # noqa: E402
from record_isolation import isolated_record  # noqa: E402, F401  (a fixture)

pytestmark = pytest.mark.usefixtures("isolated_record")

LETTER = {"yes": "Y", "no": "N", "abstain": "A", "non_voting": ""}
N_LOPSIDED, N_CONTESTED = 100, 20
STATE, ALONE, OTHER = "UKR", "USA", "RUS"


def trap_votes() -> list[tuple[int, str, dict[str, str]]]:
    """``(undl_id, date, {iso3: vote})`` for the 120 votes of the trap (every member)."""
    codes = ut.load_members()["iso3"].astype(str).tolist()
    others = [c for c in codes if c not in (STATE, ALONE, OTHER)]
    votes: list[tuple[int, str, dict[str, str]]] = []
    for k in range(N_LOPSIDED):  # the United States alone against everyone
        roll = dict.fromkeys(codes, "yes")
        roll[ALONE] = "no"
        roll[others[k % len(others)]] = "abstain"  # near-unanimous, not quite
        votes.append((8800000 + k, f"2025-{1 + k % 12:02d}-10", roll))
    for k in range(N_CONTESTED):  # split texts: Ukraine and the United States together
        side = "yes" if k % 2 == 0 else "no"
        against = "no" if side == "yes" else "yes"
        roll = {c: ("yes" if i % 3 else "no") for i, c in enumerate(others)}  # ~2/3 yes
        roll.update({STATE: side, ALONE: side, OTHER: against})
        votes.append((8900000 + k, f"2025-{1 + k % 12:02d}-20", roll))
    return votes


def write_roll_calls(path: Path, votes: list[tuple[int, str, str, dict[str, str]]], *,
                     totals: bool = True, interleave: bool = False) -> Path:
    """Write ``(undl_id, date, session, {iso3: vote})`` roll calls in the official file format.

    ``totals=False`` leaves the totals blank (as the real file does for old votes);
    ``interleave=True`` mixes the rows of the votes (each vote's rows are not together).
    """
    members = ut.load_members()
    names = dict(zip(members["iso3"], members["name"], strict=True))
    rows = []
    for uid, date, session, roll in votes:
        counts = pd.Series(list(roll.values())).value_counts()
        given = [f"{int(counts.get(v, 0))}.0" if totals else ""
                 for v in ("yes", "no", "abstain", "non_voting")]
        number = uid % 1000000
        for code, vote in roll.items():
            rows.append([str(uid), code, str(names[code]).upper(), LETTER[vote], date, session,
                         f"A/RES/{session}/{number}", f"A/{session}/L.{number}", "", "",
                         f"[SYNTHETIC TRAP VOTE {uid}] : resolution / adopted by the General "
                         "Assembly", "Synthetic agenda item", "SYNTHETIC", "", *given,
                         f"{len(roll)}.0" if totals else "",
                         f"https://digitallibrary.un.org/record/{uid}"])
    if interleave:
        rows = rows[::2] + rows[1::2]
    return write_fixture(path, rows)


def write_trap(path: Path) -> Path:
    return write_roll_calls(path, [(uid, date, "79", roll) for uid, date, roll in trap_votes()])


def random_votes(sessions: dict[str, int], per_session: int, seed: int = 22
                 ) -> list[tuple[int, str, str, dict[str, str]]]:
    """Seeded random roll calls of every member: ``per_session`` votes in each session (year)."""
    rng = np.random.default_rng(seed)
    codes = ut.load_members()["iso3"].astype(str).tolist()
    bloc = rng.integers(0, 3, size=len(codes))
    out = []
    for s, (session, year) in enumerate(sessions.items()):
        for k in range(per_session):
            stance = rng.choice(["yes", "no", "abstain"], size=3, p=[0.6, 0.25, 0.15])
            picks = np.where(rng.random(len(codes)) < 0.2,
                             rng.choice(["yes", "no", "abstain", "non_voting"], len(codes)),
                             stance[bloc])
            out.append((7000000 + 1000 * s + k, f"{year}-{1 + k % 12:02d}-15", session,
                        dict(zip(codes, (str(v) for v in picks), strict=True))))
    return out


@pytest.fixture
def trap(tmp_path: Path, isolated_record: None) -> Path:  # noqa: F811  (after the isolation)
    path = write_trap(tmp_path / "trap.csv")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # no course vote in it
        ut.use_official_record(path)
    return path


def figures(votes: object) -> pd.DataFrame:
    a = ut.affinity(STATE, against=[ALONE, OTHER], votes=votes)  # type: ignore[arg-type]
    assert len(a) == 2 and a["year"].tolist() == [2025, 2025]
    return a.set_index("reference")


# ---------------------------------------------------------------- the trap itself
def test_the_record_holds_the_trap(trap: Path) -> None:
    raw = pd.read_csv(trap, dtype=str, keep_default_na=False)
    per_vote = raw.drop_duplicates("undl_id")
    yes, no = per_vote["total_yes"].astype(float), per_vote["total_no"].astype(float)
    contested = contested_mask(yes, no)
    assert int(contested.sum()) == N_CONTESTED and len(per_vote) == N_LOPSIDED + N_CONTESTED
    assert (np.minimum(yes, no)[~contested] == 1).all()  # the United States alone
    assert (np.minimum(yes, no)[contested] / (yes + no)[contested] >= CONTESTED_SHARE).all()


def test_all_votes_and_contested_votes_rank_the_pair_in_opposite_orders(trap: Path) -> None:
    every, contested = figures("all"), figures("contested")
    assert every.loc[ALONE, "agreement"] < every.loc[OTHER, "agreement"]
    assert contested.loc[ALONE, "agreement"] > contested.loc[OTHER, "agreement"]
    # the numbers, with their n
    assert every.loc[ALONE, "agreement"] == pytest.approx(20 / 120)
    assert every.loc[OTHER, "agreement"] == pytest.approx(100 / 120)
    assert every["votes"].tolist() == [120, 120]
    assert contested["agreement"].tolist() == [1.0, 0.0]
    assert contested["votes"].tolist() == [20, 20]
    assert contested.attrs["votes_counted"] == 20 and every.attrs["votes_counted"] == 120
    assert contested.attrs["recorded_votes"] == 120


@pytest.mark.parametrize(("totals", "interleave"), [(False, False), (True, True)])
def test_blank_totals_are_counted_and_mixed_rows_are_fine(tmp_path: Path, totals: bool,
                                                          interleave: bool) -> None:
    votes = [(uid, date, "79", roll) for uid, date, roll in trap_votes()]
    use_file = write_roll_calls(tmp_path / "t.csv", votes, totals=totals, interleave=interleave)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        ut.use_official_record(use_file)
    contested = figures("contested")
    assert contested.attrs["votes_counted"] == N_CONTESTED
    assert contested["agreement"].tolist() == [1.0, 0.0]
    assert figures("all")["votes"].tolist() == [120, 120]


def test_the_default_is_contested(trap: Path) -> None:
    default = ut.affinity(STATE, against=[ALONE, OTHER])
    assert default.attrs["votes"] == "contested"
    pd.testing.assert_frame_equal(default.set_index("reference"), figures("contested"))
    assert "20 contested votes of 120 recorded votes" in default.attrs["description"]
    assert "at least 10% of the yes and no votes" in default.attrs["selection"]


def test_kappa_is_not_fooled_by_lopsided_votes(trap: Path) -> None:
    every, contested = figures("all"), figures("contested")
    # over all votes, chance agreement explains Ukraine-Russia's 83%: kappa below 0
    assert every.loc[OTHER, "kappa"] < 0 < every.loc[ALONE, "kappa"]
    # hand computation: Ukraine 110 yes / 10 no, USA 10 yes / 110 no, Russia 110 yes / 10 no
    chance_usa = (110 * 10 + 10 * 110) / 120**2
    chance_rus = (110 * 110 + 10 * 10) / 120**2
    assert every.loc[ALONE, "kappa"] == pytest.approx((20 / 120 - chance_usa) / (1 - chance_usa))
    assert every.loc[OTHER, "kappa"] == pytest.approx(
        (100 / 120 - chance_rus) / (1 - chance_rus))
    assert contested["kappa"].tolist() == [1.0, -1.0]


def test_a_list_of_votes_and_a_search_result(trap: Path) -> None:
    chosen = figures(["A/RES/79/900000", "A/RES/79/900001", "A/79/L.800000"])
    assert chosen["votes"].tolist() == [3, 3] and chosen.attrs["votes"] == "chosen"
    assert chosen.loc[ALONE, "agreement"] == pytest.approx(2 / 3)
    found = ut.search_votes("synthetic trap", year=2025)
    assert len(found) == 120
    assert figures(found)["votes"].tolist() == [120, 120]
    with pytest.raises(UngaTeachError, match="empty selection"):
        ut.affinity(STATE, votes=[])
    with pytest.raises(ut.UnknownResolutionError):
        ut.affinity(STATE, votes=["A/RES/12/345"])


def test_a_list_of_course_votes_without_a_file() -> None:
    a = ut.affinity("Ukraine", against="Russia", votes=["ES-11/1", "es11-2", "A/RES/68/262"])
    assert a["year"].tolist() == [2014, 2022]  # only the periods of the votes chosen
    assert a["votes"].tolist() == [1, 2] and a["agreement"].tolist() == [0.0, 0.0]
    assert a.attrs["selection"] == "the 3 votes chosen (of 11 recorded votes)"


@pytest.mark.parametrize("bad", ["contestd", "", 5, None, b"all", 2.5])
def test_a_bad_votes_option_is_refused(bad: object) -> None:
    with pytest.raises(UngaTeachError, match="votes"):
        ut.affinity(STATE, votes=bad)  # type: ignore[arg-type]


# ----------------------------------------------------------- table, chart, small n
def test_table_has_kappa_and_n_beside_every_share(trap: Path) -> None:
    t = ut.affinity_table(STATE, against=[ALONE, OTHER])
    usa = "United States of America"
    assert [c for c in t.columns if c.startswith(usa)] == [
        f"{usa}: agreement share", f"{usa}: kappa", f"{usa}: votes compared"]
    assert t[f"{usa}: votes compared"].tolist() == [20]


def test_chart_says_which_votes_and_how_many(trap: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # 20 and 120 votes: nothing left out, no warning
        for votes, phrase in (("contested", "Counted: the 20 contested votes of 120"),
                              ("all", "Counted: all 120 recorded votes")):
            spec = ut.affinity_chart(STATE, against=[ALONE, OTHER], votes=votes).to_dict()
            subtitle = " ".join(spec["title"]["subtitle"])
            assert phrase in subtitle and "n (votes compared)" in subtitle
            enc = spec["vconcat"][0]["layer"][0]["encoding"]
            assert {"title": "n (votes compared)", "field": "votes", "type": "quantitative"
                    } in enc["tooltip"]
    kappa = ut.affinity_chart(STATE, against=[ALONE, OTHER], measure="kappa").to_dict()
    y = kappa["vconcat"][0]["layer"][0]["encoding"]["y"]
    assert y["field"] == "kappa" and y["scale"]["domain"] == [-1, 1]


def test_chart_refuses_and_flags_small_n(trap: Path) -> None:
    few = ["A/RES/79/900000", "A/RES/79/900001"]  # two shared votes: 0% or 100% says nothing
    with pytest.raises(UngaTeachError, match=f"no year has {MIN_SHARED_VOTES} or more"):
        ut.affinity_chart(STATE, against=[ALONE, OTHER], votes=few)
    with pytest.raises(UngaTeachError, match="fewer than 5 votes compared"):
        ut.affinity_chart(STATE, against=[ALONE, OTHER], min_votes=1)
    a = ut.affinity(STATE, against=[ALONE, OTHER], votes=few)
    assert a["votes"].tolist() == [2, 2]
    assert "rest on fewer than 5 votes compared" in a.attrs["description"]


def test_chart_leaves_out_thin_periods_with_a_warning() -> None:
    ut.use_official_record(None)  # the course: one vote in session 68
    with pytest.warns(UserWarning, match="fewer than 5 votes compared"):
        spec = ut.affinity_chart("Brazil", against="USA", votes="all", by="session").to_dict()
    values = [r for rows in spec["datasets"].values() for r in rows]
    thin = next(r for r in values if r["session"] == "68")
    assert thin["agreement"] is None and thin["votes"] == 1
    assert "(1 left out)" in " ".join(spec["title"]["subtitle"])
