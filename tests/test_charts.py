"""Chart specs: fixed vote colours, tooltips, titles, descriptions, inline data only."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import altair as alt
import pandas as pd
import pytest

import unga_teach as ut
from unga_teach.categories import VOTE_COLORS, VOTE_LABELS, VOTE_ORDER
from unga_teach.errors import UngaTeachError

TITLE_2026 = "Support for lasting peace in Ukraine"
TITLE_ES_11_7 = "Advancing a comprehensive, just and lasting peace in Ukraine"

#: name -> (chart builder, table builder, a title the chart must name)
CASES: dict[str, tuple[Callable[[], Any], Callable[[], pd.DataFrame], str]] = {
    "tally": (lambda: ut.tally_chart("2026"), lambda: ut.tally_table("2026"), TITLE_2026),
    "tally_two_thirds": (
        lambda: ut.tally_chart("ES-11/3", rule="two_thirds"),
        lambda: ut.tally_table("ES-11/3", rule="two_thirds"),
        "Suspension of the rights of membership",
    ),
    "group_regional": (lambda: ut.group_chart("2026"), lambda: ut.group_table("2026"),
                       TITLE_2026),
    "group_m49": (lambda: ut.group_chart("2026", by="m49_region"),
                  lambda: ut.group_table("2026", by="m49_region"), TITLE_2026),
    "trend": (lambda: ut.trend_chart(), lambda: ut.trend_table(), TITLE_2026),
    "trend_states": (
        lambda: ut.trend_chart(countries=["USA", "Brazil"], groups=["African States"]),
        lambda: ut.trend_table(countries=["USA", "Brazil"], groups=["African States"]),
        "Territorial integrity of Ukraine",
    ),
    "shift": (lambda: ut.shift_chart(), lambda: ut.shift_table(), TITLE_ES_11_7),
    "agreement": (lambda: ut.agreement_chart(["USA", "FRA", "RUS", "IND"]),
                  lambda: ut.agreement_table(["USA", "FRA", "RUS", "IND"]),
                  "resolutions on Ukraine"),
    "map": (lambda: ut.vote_map("2026"), lambda: ut.vote_map_table("2026"), TITLE_2026),
    "bounds": (lambda: ut.vote_bounds_chart("2026"), lambda: ut.vote_bounds_table("2026"),
               TITLE_2026),
}


@pytest.fixture(scope="module")
def built() -> dict[str, tuple[Any, dict, pd.DataFrame]]:
    out = {}
    for name, (make_chart, make_table, _) in CASES.items():
        chart = make_chart()
        out[name] = (chart, chart.to_dict(), make_table())  # to_dict validates the spec
    return out


def walk(node: Any, path: str = "") -> Iterator[tuple[str, Any, Any]]:
    """Yield (path, key, value) for every dict entry in a nested spec."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield path, key, value
            yield from walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk(value, f"{path}/{i}")


def vote_colour_scales(spec: dict) -> list[dict]:
    """Every colour (or stroke) encoding's scale that is about vote values."""
    scales = []
    for _, key, value in walk(spec):
        if key in ("color", "stroke") and isinstance(value, dict) and "scale" in value:
            scale = value["scale"]
            if "unknown" in (scale.get("domain") or []):
                scales.append(scale)
    return scales


def titles(spec: dict) -> str:
    texts = []
    for _, key, value in walk(spec):
        if key == "title":
            if isinstance(value, str):
                texts.append(value)
            elif isinstance(value, dict):
                for part in ("text", "subtitle"):
                    item = value.get(part, "")
                    texts.extend(item if isinstance(item, list) else [item])
    return " ".join(texts)


@pytest.mark.parametrize("name", list(CASES))
def test_fixed_vote_colour_scale(built: dict, name: str) -> None:
    _, spec, _ = built[name]
    scales = vote_colour_scales(spec)
    assert scales, f"{name}: no vote colour scale"
    for scale in scales:
        assert scale["domain"] == list(VOTE_ORDER)
        assert scale["range"] == [VOTE_COLORS[v] for v in VOTE_ORDER]


@pytest.mark.parametrize("name", list(CASES))
def test_legend_and_axis_labels_come_from_vote_labels(built: dict, name: str) -> None:
    _, spec, _ = built[name]
    exprs = [v for _, k, v in walk(spec) if k == "labelExpr"]
    assert exprs, f"{name}: no labelExpr for vote labels"
    for label in VOTE_LABELS.values():
        assert any(label in e for e in exprs)


@pytest.mark.parametrize("name", list(CASES))
def test_tooltips_present(built: dict, name: str) -> None:
    _, spec, _ = built[name]
    tooltips = [v for _, k, v in walk(spec) if k == "tooltip" and v]
    assert tooltips, f"{name}: no tooltip"


@pytest.mark.parametrize("name", list(CASES))
def test_title_names_the_vote(built: dict, name: str) -> None:
    _, spec, _ = built[name]
    assert CASES[name][2] in titles(spec)


@pytest.mark.parametrize("name", list(CASES))
def test_description_is_alt_text_and_matches_the_table(built: dict, name: str) -> None:
    chart, spec, table = built[name]
    assert isinstance(spec.get("description"), str) and len(spec["description"]) > 80
    assert chart.description == spec["description"]
    assert table.attrs["description"] == spec["description"]
    assert isinstance(table, pd.DataFrame) and len(table) > 0


@pytest.mark.parametrize("name", list(CASES))
def test_data_is_inline_no_urls_and_valid_json(built: dict, name: str) -> None:
    _, spec, _ = built[name]
    urls = [(p, v) for p, k, v in walk(spec) if k == "url"]
    assert urls == [], urls
    json.dumps(spec, allow_nan=False)  # NaN would be invalid JSON for Vega


@pytest.mark.parametrize("name", list(CASES))
def test_spec_compiles_to_vega(built: dict, name: str) -> None:
    vlc = pytest.importorskip("vl_convert")
    _, spec, _ = built[name]
    vega = vlc.vegalite_to_vega(json.dumps(spec), vl_version="5.8")
    assert vega["marks"]


def _dataset_rows(spec: dict) -> list[dict]:
    rows: list[dict] = []
    for values in spec.get("datasets", {}).values():
        if isinstance(values, list):
            rows.extend(r for r in values if isinstance(r, dict))
    return rows


def test_unknown_is_shown_for_2026(built: dict) -> None:
    for name in ("tally", "group_regional", "group_m49", "map"):
        _, spec, _ = built[name]
        rows = _dataset_rows(spec)
        unknown = [r for r in rows if r.get("vote") == "unknown"]
        assert unknown, name
    _, spec, _ = built["tally"]
    cover = [r for r in _dataset_rows(spec) if r.get("vote") == "unknown" and "known" in r]
    n_unknown = int((ut.load_votes("2026")["vote"] == "unknown").sum())
    assert cover and cover[0]["known"] == n_unknown > 0 and cover[0]["official"] is None


def test_tally_chart_shows_the_majority_arithmetic(built: dict) -> None:
    _, spec, table = built["tally"]
    rows = _dataset_rows(spec)
    threshold = [r for r in rows if "needed" in r]
    assert threshold == [{"row": "Present and voting: 119", "needed": 60,
                          "text": "simple majority: 60 of 119"}]
    not_counted = {r["vote"] for r in rows if str(r.get("row", "")).startswith("Not counted")}
    assert not_counted == {"abstain", "non_voting"}
    subtitle = " ".join(spec["vconcat"][0]["title"]["subtitle"])
    assert "a simple majority needs 60; passes." in subtitle
    assert table.set_index("vote").loc["yes", "counted"]
    _, spec3, _ = built["tally_two_thirds"]
    assert [r["needed"] for r in _dataset_rows(spec3) if "needed" in r] == [78]  # 2/3 of 117


def test_group_chart_counts_every_member(built: dict) -> None:
    _, _, table = built["group_regional"]
    assert int(table["members"].sum()) == 193
    assert (table[list(VOTE_ORDER)].sum(axis=1) == table["members"]).all()


def test_group_chart_with_blocs() -> None:
    chart = ut.group_chart("ES-11/7", by=["EU", "BRICS", "African States"])
    spec = chart.to_dict()
    groups = {r["group"] for r in _dataset_rows(spec) if "group" in r}
    assert groups == {"EU", "BRICS", "African States"}
    assert spec["layer"][0]["encoding"]["y"]["sort"] == ["EU", "BRICS", "African States"]
    table = ut.group_table("ES-11/7", by=["EU"]).set_index("group")
    assert int(table.loc["EU", "yes"]) + int(table.loc["EU", "unknown"]) <= 27


def test_group_chart_bad_by() -> None:
    with pytest.raises(UngaTeachError, match="un_regional_group"):
        ut.group_chart("2026", by="continent")
    with pytest.raises(UngaTeachError, match="Unknown group"):
        ut.group_chart("2026", by=["Narnia"])


def test_shift_chart_includes_unknown_and_totals_193(built: dict) -> None:
    _, spec, table = built["shift"]
    assert int(table["count"].sum()) == 193
    sorts = [v["sort"] for _, k, v in walk(spec) if k in ("x", "y") and isinstance(v, dict)
             and "sort" in v]
    assert list(VOTE_ORDER) in sorts


def test_agreement_chart_tooltip_has_count_compared(built: dict) -> None:
    _, spec, table = built["agreement"]
    fields = {t["field"] for _, k, v in walk(spec) if k == "tooltip" and isinstance(v, list)
              for t in v}
    assert {"agreement", "compared"} <= fields
    assert len(table) == 6  # 4 states -> 6 pairs
    assert table["agreement"].between(0, 1).all()


def test_agreement_chart_rejects_observers() -> None:
    with pytest.raises(UngaTeachError, match="observer"):
        ut.agreement_chart(["France", "Holy See"])


# -------------------------------------------------------------------------- map
def test_map_spec_is_small_enough(built: dict) -> None:
    _, spec, _ = built["map"]
    assert len(json.dumps(spec)) < 200_000


def test_map_uses_the_vendored_topology(built: dict) -> None:
    _, spec, _ = built["map"]
    panels = [spec["vconcat"][0], *spec["vconcat"][1]["hconcat"]]
    assert [p["projection"]["type"] for p in panels] == ["equalEarth"] * 3
    topos = [v for v in spec["datasets"].values() if isinstance(v, dict)]
    assert len(topos) == 1 and topos[0]["type"] == "Topology"
    assert set(topos[0]["objects"]) == {"countries", "crimea", "crimea_boundary"}  # no "land"
    formats = [v for _, k, v in walk(spec) if k == "format"]
    assert {"type": "topojson", "feature": "countries"} in formats
    lookups = [v for _, k, v in walk(spec) if k == "lookup"]
    assert "id" in lookups


def test_map_draws_small_states_as_dots(built: dict) -> None:
    _, spec, table = built["map"]
    dot_rows = [r for r in _dataset_rows(spec) if "px_lon" in r and "iso_num" in r]
    small = set(ut.load_members().set_index("iso3").loc[
        table.loc[~table["on_map"], "iso3"], "iso_num"])
    world_dots = {r["iso_num"] for r in dot_rows}
    assert world_dots == small and len(small) == 28
    lookup = [r for r in _dataset_rows(spec) if "src" in r]
    assert len(lookup) == 193 and all(r["vote"] in VOTE_ORDER for r in lookup)


def test_map_labels_non_members(built: dict) -> None:
    _, spec, _ = built["map"]
    text = json.dumps(spec)
    assert "not a UN member" in text
    assert "observer state, cannot vote" in text
    calcs = [v for _, k, v in walk(spec) if k == "calculate"]
    assert any("'275'" in c for c in calcs)  # Palestine


def test_map_table() -> None:
    t = ut.vote_map_table("2026")
    assert len(t) == 193
    assert {"name", "region", "vote", "confidence", "on_map"} <= set(t.columns)
    assert int((~t["on_map"]).sum()) == 28
    assert set(t.loc[~t["on_map"], "iso3"]) >= {"MLT", "SGP", "TUV"}
    assert t["vote"].astype(str).value_counts()["unknown"] > 0


def test_charts_keep_a_renderer_chosen_on_purpose() -> None:
    before = alt.renderers.active
    try:
        for chosen in ("svg", "html", "mimetype"):
            alt.renderers.enable(chosen)
            ut.tally_chart("2026")
            ut.vote_map("2026")
            assert alt.renderers.active == chosen
    finally:
        alt.renderers.enable(before)


def test_charts_switch_altairs_cdn_default_to_the_offline_renderer() -> None:
    before = alt.renderers.active
    try:
        for make in (lambda: ut.tally_chart("2026"), lambda: ut.vote_map("2026"),
                     lambda: ut.group_chart("2026"), lambda: ut.trend_chart(),
                     lambda: ut.shift_chart(), lambda: ut.agreement_chart(["USA", "FRA"]),
                     lambda: ut.affinity_chart("FRA", against=["USA", "RUS"], votes="all",
                                               by="session")):
            alt.renderers.enable("default")
            make()
            assert alt.renderers.active == "mimetype"
    finally:
        alt.renderers.enable(before)


# ------------------------------------------------------------------ sizes
#: The widest calls the notebooks make, on top of CASES.
WIDE_CASES: dict[str, Callable[[], Any]] = {
    "agreement_nb05": lambda: ut.agreement_chart(
        ["USA", "GBR", "FRA", "ISR", "HUN", "CHN", "IND", "BRA", "RUS"]),
    "agreement_16": lambda: ut.agreement_chart(
        ["USA", "FRA", "RUS", "CHN", "IND", "BRA", "HUN", "ZAF", "GBR", "DEU", "JPN", "KEN",
         "NGA", "EGY", "ISR", "TUR"]),
    "trend_5_states_2_groups": lambda: ut.trend_chart(
        countries=["USA", "BRA", "IND", "HUN", "UKR"], groups=["EU", "African States"]),
    "group_blocs": lambda: ut.group_chart("2026", by=["EU", "BRICS", "AU"]),
    "bounds_m49": lambda: ut.vote_bounds_chart("2026", by="m49_region"),
    "map_es_11_7": lambda: ut.vote_map("ES-11/7"),
}

NOTEBOOK_WIDTH = 800  # px: a JupyterLab notebook area on a laptop
LEGEND_SIDE_WIDTH = 200  # what a legend on the right or left adds
DEFAULT_LABEL_LIMIT = 180  # Vega-Lite's default axis labelLimit


def _all_specs(built: dict) -> dict[str, dict]:
    specs = {name: spec for name, (_, spec, _) in built.items()}
    specs.update({name: make().to_dict() for name, make in WIDE_CASES.items()})
    return specs


def _distinct(spec: dict, field: str) -> int:
    values = {r.get(field) for r in _dataset_rows(spec) if field in r}
    return len(values)


def _encodings(view: dict) -> list[dict]:
    encs = [view.get("encoding", {})]
    encs += [layer.get("encoding", {}) for layer in view.get("layer", [])]
    return encs


def _view_width(view: dict, spec: dict) -> float:
    width = view.get("width", 0)
    if isinstance(width, dict) and "step" in width:
        x = next((e["x"] for e in _encodings(view) if "x" in e), {})
        domain = (x.get("scale") or {}).get("domain")
        count = len(domain) if isinstance(domain, list) else _distinct(spec, x.get("field", ""))
        width = width["step"] * count
    extra = 0.0
    for enc in _encodings(view):
        y = enc.get("y")
        if isinstance(y, dict) and "field" in y:
            axis = y.get("axis") or {}
            if y.get("type") == "nominal":
                labels = 0 if axis.get("labels") is False else axis.get(
                    "labelLimit", DEFAULT_LABEL_LIMIT)
            else:
                labels = 40
            extra = max(extra, labels + 10 + (20 if y.get("title") else 0))
        row = enc.get("row")
        if isinstance(row, dict):
            longest = max((len(str(r.get(row["field"], ""))) for r in _dataset_rows(spec)),
                          default=0)
            extra += longest * 8 + 10
    return float(width) + extra


def estimated_width(node: dict, spec: dict) -> float:
    """Width of a chart from its spec: explicit widths and steps, y-axis labels, spacing."""
    if "hconcat" in node:
        parts = [estimated_width(c, spec) for c in node["hconcat"]]
        return sum(parts) + node.get("spacing", 20) * (len(parts) - 1)
    if "vconcat" in node:
        return max(estimated_width(c, spec) for c in node["vconcat"])
    return _view_width(node, spec)


def _title_width(spec: dict) -> float:
    widest = 0.0
    for _, key, value in walk(spec):
        if key == "title" and isinstance(value, dict):
            sizes = {"text": value.get("fontSize", 13),
                     "subtitle": value.get("subtitleFontSize", 12)}
            for part, factor in (("text", 0.6), ("subtitle", 0.55)):
                size = sizes[part]
                lines = value.get(part, [])
                for line in lines if isinstance(lines, list) else [lines]:
                    widest = max(widest, len(str(line)) * size * factor)
    return widest


def _side_legends(spec: dict) -> list[str]:
    """Channels whose legend would sit on the right or left of the chart."""
    found = []
    for _, key, value in walk(spec):
        if key in ("color", "fill", "stroke", "shape", "size", "opacity") and isinstance(
                value, dict) and "field" in value:
            legend = value.get("legend", {})
            if legend is None:
                continue
            if legend.get("orient", "right") in ("right", "left", "top-right", "bottom-right"):
                found.append(f"{key}:{value['field']}")
    return found


def test_every_chart_fits_800_px_with_its_legend(built: dict) -> None:
    for name, spec in _all_specs(built).items():
        assert _side_legends(spec) == [], f"{name}: legend beside the chart"
        width = max(estimated_width(spec, spec), _title_width(spec)) + 10  # 5 px padding a side
        assert width <= NOTEBOOK_WIDTH, f"{name}: about {width:.0f} px wide"


def test_every_chart_renders_within_800_px(built: dict) -> None:
    """The exact check: draw each chart (headless Vega) and read the SVG width."""
    vlc = pytest.importorskip("vl_convert")
    for name, spec in _all_specs(built).items():
        svg = vlc.vegalite_to_svg(json.dumps(spec), vl_version="5.8")
        match = re.search(r'<svg[^>]*\bwidth="([\d.]+)"', svg)
        assert match, name
        assert float(match.group(1)) <= NOTEBOOK_WIDTH, f"{name}: {match.group(1)} px"


def test_every_chart_has_a_text_alternative(built: dict) -> None:
    for name, spec in _all_specs(built).items():
        text = spec.get("description") or (spec.get("usermeta") or {}).get("description")
        assert isinstance(text, str) and len(text) > 80, name


# ------------------------------------------------------------- confidence
def _tooltip_titles(spec: dict) -> set[str]:
    titles_found = set()
    for _, key, value in walk(spec):
        if key == "tooltip":
            for tip in value if isinstance(value, list) else [value]:
                if isinstance(tip, dict):
                    titles_found.add(str(tip.get("title", tip.get("field"))))
    return titles_found


@pytest.mark.parametrize("name", list(CASES))
def test_every_vote_tooltip_gives_confidence_and_source(built: dict, name: str) -> None:
    _, spec, _ = built[name]
    found = _tooltip_titles(spec)
    assert "Confidence" in found, name
    assert {"Source", "Sources"} & found, name


def test_agreement_strip_tooltip_has_confidence_and_source() -> None:
    spec = ut.agreement_chart(["USA", "HUN"], ["ES-11/7", "2026"]).to_dict()
    rows = [r for r in _dataset_rows(spec) if "confidence" in r]
    hun = {r["resolution"]: r for r in rows if r["country"] == "Hungary"}
    assert hun["ES-11/7"]["confidence"] in ("official", "confirmed")
    assert hun["2026"]["source"].startswith("http")


def test_group_tooltip_counts_derived_votes() -> None:
    table_rows = _dataset_rows(ut.group_chart("2026", by=["EU"]).to_dict())
    yes = next(r for r in table_rows if r.get("vote") == "yes")
    assert "derived" in yes["how_known"]


# ------------------------------------------------------------------ trend
def test_trend_chart_marks_the_gaps_in_time(built: dict) -> None:
    _, spec, _ = built["trend"]
    domains = [v["domain"] for _, k, v in walk(spec) if k == "scale" and isinstance(v, dict)
               and isinstance(v.get("domain"), list) and "68/262 (Mar 2014)" in v["domain"]]
    assert domains
    domain = domains[0]
    assert domain[:3] == ["68/262 (Mar 2014)", "··· 8 years ···", "ES-11/1 (Mar 2022)"]
    assert "··· 2 years ···" in domain
    segments = {r["resolution"]: r["segment"] for r in _dataset_rows(spec) if "segment" in r}
    assert segments["68/262"] != segments["ES-11/1"] != segments["ES-11/7"]


def test_trend_table_puts_short_ids_first_and_titles_last() -> None:
    t = ut.trend_table()
    assert list(t.columns[:2]) == ["resolution", "date"] and t.columns[-1] == "title"
    assert t["resolution"].str.len().max() <= 8


def test_chart_labels_use_short_names_not_cut_official_ones() -> None:
    """Axis and legend labels name the UK, the US and Russia in short (issue 21)."""
    from unga_teach.members import CHART_NAMES

    long_name = "United Kingdom of Great Britain and Northern Ireland"
    specs = [ut.agreement_chart(["GBR", "USA", "RUS"]).to_dict(),
             ut.trend_chart(countries=["GBR", "USA"]).to_dict(),
             ut.affinity_chart("GBR", against=["USA", "RUS"], votes="all",
                               by="session").to_dict()]
    for spec in specs:
        labels = {str(r.get(f)) for r in _dataset_rows(spec)
                  for f in ("name_a", "name_b", "country", "reference_name", "state_name")
                  if f in r}
        assert "United Kingdom" in labels and long_name not in labels
    members = set(ut.load_members(include_observers=True)["name"].astype(str))
    assert set(CHART_NAMES) <= members  # every key is a UN name in the data
    assert max(len(n) for n in CHART_NAMES.values()) <= 26
