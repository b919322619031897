"""ut.affinity, ut.affinity_table and ut.affinity_chart (issue 13): who votes with whom.

Behaviour only: the speed is measured by benchmarks/bench_issue13.py, never
asserted here.
"""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path

import altair as alt
import numpy as np
import pandas as pd
import pytest

import unga_teach as ut
from unga_teach.categories import VOTE_COLORS
from unga_teach.errors import UngaTeachError, UnknownCountryError

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "undl_sample.csv"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from record_isolation import isolated_record  # noqa: E402, F401  (a fixture)

pytestmark = pytest.mark.usefixtures("isolated_record")

POSITIONS = ("yes", "no", "abstain")


def naive_affinity(votes: pd.DataFrame, state: str, ref: str, include_abstain: bool = True
                   ) -> dict[int, tuple[float, int]]:
    """The rule written out the slow, obvious way: ``{year: (agreement, votes)}``.

    ``votes`` has ``iso3``, ``vote``, ``key`` (one per recorded vote) and ``year``.
    """
    allowed = set(POSITIONS if include_abstain else ("yes", "no"))
    wide = votes[votes["iso3"].isin([state, ref])].pivot_table(
        index=["year", "key"], columns="iso3", values="vote", aggfunc="first", observed=True)
    out: dict[int, tuple[float, int]] = {}
    for year, part in wide.groupby(level="year"):
        if state not in part or ref not in part:
            out[int(year)] = (float("nan"), 0)
            continue
        a, b = part[state].astype(object), part[ref].astype(object)
        both = a.isin(allowed) & b.isin(allowed)
        n = int(both.sum())
        out[int(year)] = (float((a[both] == b[both]).mean()) if n else float("nan"), n)
    return out


def use_file(path: Path) -> None:
    """Use an official file (a warning about course votes it lacks is expected)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        ut.use_official_record(path)


def course_votes_with_year() -> pd.DataFrame:
    votes = ut.load_votes()
    res = ut.load_resolutions().set_index("id")
    rid = votes["resolution"].astype(str)
    return pd.DataFrame({"iso3": votes["iso3"].astype(str), "vote": votes["vote"].astype(str),
                         "key": rid, "year": rid.map(res["date"].dt.year)})


# ------------------------------------------------------------ the course series
def test_course_series_result_is_tidy_and_complete() -> None:
    a = ut.affinity("Ukraine")
    assert a.columns.tolist() == ["state", "reference", "year", "agreement", "kappa", "votes"]
    assert a["reference"].unique().tolist() == ["USA", "RUS", "CHN"]
    years = sorted(ut.load_resolutions(include_procedural=False)["date"].dt.year.unique())
    # every (reference, year) is there, none dropped: 3 references x 5 years
    assert len(a) == 3 * len(years)
    assert a["year"].drop_duplicates().tolist() == [int(y) for y in years]
    assert a["votes"].dtype == np.int64 and a["agreement"].dtype == np.float64
    assert a.attrs["record"] == "course"
    assert a.attrs["recorded_votes"] == 11
    # the default counts contested votes only: 5 of the course's 11
    assert (a.attrs["votes"], a.attrs["votes_counted"]) == ("contested", 5)
    assert "5 contested votes of 11" in a.attrs["description"]
    assert "digitallibrary.un.org/record/4060887" in a.attrs["note"]
    assert "course" in a.attrs["description"] and "abstention counts" in a.attrs["rule"]


def test_unknown_vote_year_is_nan_not_dropped_nor_zero() -> None:
    # Ukraine's 2026 vote has no source yet: the 2026 row stays, with no comparable vote.
    assert ut.load_votes("2026").set_index("iso3").loc["UKR", "vote"] == "unknown"
    a = ut.affinity("Ukraine", against=["Russia", "Poland"])
    row = a[(a["year"] == 2026) & (a["reference"] == "RUS")]
    assert len(row) == 1
    assert np.isnan(row["agreement"].iloc[0]) and row["votes"].iloc[0] == 0


def test_matches_the_slow_rule_and_ut_agreement() -> None:
    votes = course_votes_with_year()
    res = ut.load_resolutions(include_procedural=False)
    for state, ref in [("BRA", "USA"), ("IND", "RUS"), ("CHN", "RUS"), ("HUN", "USA")]:
        a = ut.affinity(state, against=ref, votes="all").set_index("year")
        slow = naive_affinity(votes, state, ref)
        for year, (share, n) in slow.items():
            assert a.loc[year, "votes"] == n
            assert a.loc[year, "agreement"] == pytest.approx(share, nan_ok=True)
            ids = res.loc[res["date"].dt.year == year, "id"].tolist()
            assert ut.agreement(state, ref, ids) == pytest.approx(share, nan_ok=True)


def test_yes_no_only_option_and_min_votes() -> None:
    votes = course_votes_with_year()
    with_abstain = ut.affinity("Brazil", against="USA", votes="all").set_index("year")
    yes_no = ut.affinity("Brazil", against="USA", include_abstain=False,
                         votes="all").set_index("year")
    assert (yes_no["votes"] <= with_abstain["votes"]).all()
    for year, (share, n) in naive_affinity(votes, "BRA", "USA", include_abstain=False).items():
        assert yes_no.loc[year, "votes"] == n
        assert yes_no.loc[year, "agreement"] == pytest.approx(share, nan_ok=True)
    assert "abstentions, non-voting and unknown votes are left out" in yes_no.attrs["rule"]
    strict = ut.affinity("Brazil", against="USA", min_votes=3, votes="all").set_index("year")
    assert strict.index.tolist() == with_abstain.index.tolist()  # rows kept
    thin = with_abstain["votes"] < 3
    assert strict.loc[thin, "agreement"].isna().all()
    assert (strict.loc[thin, "votes"] == with_abstain.loc[thin, "votes"]).all()
    pd.testing.assert_series_equal(strict.loc[~thin, "agreement"],
                                   with_abstain.loc[~thin, "agreement"])


def test_by_session_in_time_order() -> None:
    a = ut.affinity("Ukraine", against="USA", by="session")
    assert a.columns.tolist() == ["state", "reference", "session", "agreement", "kappa",
                                  "votes"]
    assert a["session"].tolist() == ["68", "ES-11"]
    assert a["votes"].sum() == ut.affinity("Ukraine", against="USA")["votes"].sum()


def test_several_states_and_names_accepted() -> None:
    a = ut.affinity(["Türkiye", "UK"], against=("United States", "russia"))
    assert a["state"].unique().tolist() == ["TUR", "GBR"]
    assert a["reference"].unique().tolist() == ["USA", "RUS"]
    assert a.attrs["names"]["GBR"].startswith("United Kingdom")


# ------------------------------------------------------------------- bad input
def test_unknown_state_suggests() -> None:
    with pytest.raises(UnknownCountryError, match="Did you mean: France"):
        ut.affinity("Frnace")
    with pytest.raises(UnknownCountryError, match="Did you mean: France"):
        ut.affinity("Brazil", against=["USA", "Frnace"])


def test_reference_equal_to_state_refused() -> None:
    with pytest.raises(UngaTeachError, match="both the state and a reference state"):
        ut.affinity("Russia", against=("USA", "RUS"))


@pytest.mark.parametrize("against", [(), [], None])
def test_empty_against_refused(against: object) -> None:
    with pytest.raises(UngaTeachError, match="against is empty"):
        ut.affinity("Brazil", against=against)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"by": "decade"}, "by must be 'year' or 'session'"),
        ({"min_votes": 0}, "min_votes must be a whole number"),
        ({"min_votes": 2.5}, "min_votes must be a whole number"),
        ({"against": 5}, "against must be a state"),
    ],
)
def test_other_bad_options(kwargs: dict, message: str) -> None:
    with pytest.raises(UngaTeachError, match=message):
        ut.affinity("Brazil", **kwargs)


def test_observer_refused() -> None:
    with pytest.raises(UngaTeachError, match="observer"):
        ut.affinity("Holy See")


# ----------------------------------------------------------- the official file
def test_official_file_every_recorded_vote_and_successor_codes() -> None:
    use_file(FIXTURE)
    a = ut.affinity("Ukraine", against=["Russia", "USA"], votes="all")
    assert a.attrs["record"] == "official"
    assert a.attrs["recorded_votes"] == 7
    assert str(FIXTURE) in a.attrs["note"]
    assert a["year"].drop_duplicates().tolist() == [1985, 1989, 2014, 2022, 2025]
    rus = a[a["reference"] == "RUS"].set_index("year")
    # the USSR's votes of 1985 and 1989 count for Russia (current_iso3)
    assert rus.loc[1985, "votes"] == 1 and rus.loc[1985, "agreement"] == 1.0
    assert rus.loc[1989, "votes"] == 1 and rus.loc[1989, "agreement"] == 1.0
    usa = a[a["reference"] == "USA"].set_index("year")
    # 2025: ES-11/7 yes/no, ES-11/8 abstain/abstain, ES-11/9 yes/yes
    assert usa.loc[1985, "agreement"] == 0.0 and usa.loc[2025, "votes"] == 3
    assert usa.loc[2025, "agreement"] == pytest.approx(2 / 3)


def test_official_file_state_absent_in_a_year_is_nan() -> None:
    use_file(FIXTURE)
    full = ut.read_undl(FIXTURE, resolutions="all")
    present_1985 = set(full.loc[full["date"].dt.year == 1985, "current_iso3"].dropna())
    absent = next(c for c in ("BRA", "IND", "ZAF", "MEX") if c not in present_1985)
    a = ut.affinity(absent, against="USA", votes="all").set_index("year")
    assert 1985 in a.index
    assert np.isnan(a.loc[1985, "agreement"]) and a.loc[1985, "votes"] == 0
    assert "no comparable vote" in a.attrs["description"]


def test_official_file_matches_agreement_matrix_per_year() -> None:
    use_file(FIXTURE)
    full = ut.read_undl(FIXTURE, resolutions="all")
    frame = full.assign(iso3=full["current_iso3"])
    a = ut.affinity("Ukraine", against=["Belarus", "USA"], votes="all")
    for year, part in frame.groupby(full["date"].dt.year):
        m = ut.agreement_matrix(part, countries=["UKR", "BLR", "USA"])
        got = a[a["year"] == year].set_index("reference")["agreement"]
        assert got["BLR"] == pytest.approx(m.loc["UKR", "BLR"], nan_ok=True)
        assert got["USA"] == pytest.approx(m.loc["UKR", "USA"], nan_ok=True)


def test_synthetic_official_file_against_the_slow_rule(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from make_synthetic_undl import write_synthetic

    path = write_synthetic(tmp_path / "synthetic.csv", n_votes=240, seed=13)
    use_file(path)  # no course vote in it: a warning says so
    full = ut.read_undl(path, resolutions="all")
    votes = pd.DataFrame({"iso3": full["current_iso3"].astype(str),
                          "vote": full["vote"].astype(str), "key": full["undl_id"],
                          "year": full["date"].dt.year})
    a = ut.affinity("Russia", against=["USA", "China", "Serbia"], include_abstain=False,
                    votes="all")
    assert a.attrs["record"] == "official" and a.attrs["recorded_votes"] == 240
    for ref in ("USA", "CHN", "SRB"):
        got = a[a["reference"] == ref].set_index("year")
        slow = naive_affinity(votes, "RUS", ref, include_abstain=False)
        assert got.index.tolist() == sorted(slow)
        for year, (share, n) in slow.items():
            assert got.loc[year, "votes"] == n
            assert got.loc[year, "agreement"] == pytest.approx(share, nan_ok=True)


# --------------------------------------------------------------- chart and table
def _walk(spec: object) -> list[object]:
    found = [spec]
    if isinstance(spec, dict):
        for v in spec.values():
            found += _walk(v)
    elif isinstance(spec, list):
        for v in spec:
            found += _walk(v)
    return found


@pytest.fixture
def years_file(tmp_path: Path) -> Path:
    """A seeded random record: 8 votes in each of three sessions (2023, 2024, 2025)."""
    from test_affinity_trap import random_votes, write_roll_calls

    path = write_roll_calls(tmp_path / "years.csv",
                            random_votes({"78": 2023, "79": 2024, "ES-11": 2025}, 8))
    use_file(path)
    return path


def course_chart(*args: object, **kwargs: object) -> alt.VConcatChart:
    """A chart of the course series, whose thin periods are left out with a warning."""
    with pytest.warns(UserWarning, match="fewer than 5 votes compared"):
        return ut.affinity_chart(*args, **kwargs)  # type: ignore[arg-type]


def test_chart_rules() -> None:
    chart = course_chart("Brazil", votes="all")
    spec = chart.to_dict()
    text = json.dumps(spec)
    assert not [d for d in _walk(spec) if isinstance(d, dict) and "url" in d]
    assert "http" not in text.replace("https://vega.github.io/schema", "")
    table = ut.affinity_table("Brazil", votes="all")
    assert chart.description == table.attrs["description"] == spec["description"]
    assert "Brazil" in chart.description and "per year" in chart.description
    panel = spec["vconcat"][0]
    assert panel["width"] <= 640
    layer = panel["layer"][0]["encoding"]
    colors = layer["color"]["scale"]["range"]
    assert not set(colors) & set(VOTE_COLORS.values())
    assert layer["color"]["legend"]["orient"] == "bottom"
    assert layer["strokeDash"]["scale"]["domain"] == layer["color"]["scale"]["domain"]
    subtitle = " ".join(spec["title"]["subtitle"])
    assert "all 11 recorded votes, of the course on Ukraine only" in subtitle
    assert all(len(line) <= 110 for line in spec["title"]["subtitle"])
    assert all(len(line) <= 80 for line in spec["title"]["text"])
    # the unknown 2026 vote of Ukraine is a gap (null), never a zero
    ukr = course_chart("Ukraine", against="Russia", votes="all").to_dict()
    values = [row for rows in ukr["datasets"].values() for row in rows]
    row_2026 = next(v for v in values if v["year"] == 2026)
    assert row_2026["agreement"] is None and row_2026["votes"] == 0
    # the years with no vote in the series (2015-2021, 2024) break the line too, and so do
    # the years with fewer than 5 votes compared (2014, 2023, 2025: n kept in the data)
    empty = sorted({v["year"] for v in values if v["agreement"] is None})
    assert empty == [2014, *range(2015, 2022), 2023, 2024, 2025, 2026]
    assert {v["year"]: v["votes"] for v in values if v["votes"]} == {
        2014: 1, 2022: 5, 2023: 1, 2025: 3}
    assert len(ut.affinity("Ukraine", against="Russia")) == 5  # not in affinity's result


def test_chart_official_subtitle_and_session_axis(years_file: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)  # 8 votes a session: nothing left out
        spec = ut.affinity_chart(["Ukraine", "Belarus"], against=["USA", "RUS"],
                                 by="session", votes="all").to_dict()
    assert "Counted: all 24 recorded votes, in the official UN file" in " ".join(
        spec["title"]["subtitle"])
    assert len(spec["vconcat"]) == 2
    x = spec["vconcat"][0]["layer"][0]["encoding"]["x"]
    assert x["field"] == "session" and x["sort"] == ["78", "79", "ES-11"]


def test_chart_reference_limit() -> None:
    many = ["USA", "RUS", "CHN", "FRA", "GBR", "DEU", "JPN", "IND", "ZAF", "MEX"]
    with pytest.raises(UngaTeachError, match="at most 9 reference states"):
        ut.affinity_chart("Brazil", against=many, votes="all", by="session")
    spec = course_chart("Brazil", against=many[:9], votes="all", by="session").to_dict()
    enc = spec["vconcat"][0]["layer"][0]["encoding"]
    styles = {(c, json.dumps(d)) for c, d in zip(enc["color"]["scale"]["range"],
                                                 enc["strokeDash"]["scale"]["range"],
                                                 strict=True)}
    assert len(styles) == 9  # every line differs by colour or dash


def test_table_for_show_table() -> None:
    t = ut.affinity_table("Ukraine", against=["Russia", "Poland"], votes="all")
    assert t.columns.tolist() == [
        "state", "year", "Russian Federation: agreement share", "Russian Federation: kappa",
        "Russian Federation: votes compared", "Poland: agreement share", "Poland: kappa",
        "Poland: votes compared"]
    assert (t["state"] == "Ukraine").all() and len(t) == 5
    html = ut.show_table(t, caption="Agreement")._repr_html_()
    assert "100" in html and "%" in html


def test_charts_render_within_800_px(years_file: Path) -> None:
    """Drawn by headless Vega (as JupyterLab's renderer would): the SVG width."""
    vlc = pytest.importorskip("vl_convert")
    import re

    many = ["USA", "RUS", "CHN", "FRA", "GBR", "DEU", "JPN", "IND", "ZAF"]
    charts = {
        "official, by year": ut.affinity_chart("Ukraine", votes="all"),
        "two states, nine references, by session": ut.affinity_chart(
            ["Brazil", "Central African Republic"], against=many, by="session", votes="all"),
        "kappa": ut.affinity_chart("Ukraine", votes="all", measure="kappa"),
    }
    ut.use_official_record(None)
    charts["course"] = course_chart("Saint Vincent and the Grenadines", votes="all")
    for name, chart in charts.items():
        svg = vlc.vegalite_to_svg(json.dumps(chart.to_dict()), vl_version="5.8")
        match = re.search(r'<svg[^>]*\bwidth="([\d.]+)"', svg)
        assert match, name
        assert float(match.group(1)) <= 800, f"{name}: {match.group(1)} px"
