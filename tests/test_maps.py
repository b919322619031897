"""The shipped world map: Crimea inside Ukraine, nothing else changed, and the map chart."""

from __future__ import annotations

import importlib.util
import json
import math
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

import unga_teach as ut
from unga_teach import maps

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "data" / "maps" / "countries-110m.json"
UPSTREAM = ROOT / "tools" / "maps" / "world-atlas-2.0.2" / "countries-110m.json"
CRIMEA_POINT = (34.1, 45.3)  # Simferopol area


def _load(path: Path) -> dict[str, Any]:
    topo: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return topo


def _arc(topo: dict[str, Any], index: int) -> list[tuple[float, float]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    x = y = 0
    pts = []
    for dx, dy in topo["arcs"][index if index >= 0 else ~index]:
        x += dx
        y += dy
        pts.append((x * sx + tx, y * sy + ty))
    return pts if index >= 0 else pts[::-1]


def _rings(topo: dict[str, Any], geom: dict[str, Any]) -> list[list[tuple[float, float]]]:
    polygons = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
    return [[p for a in ring for p in _arc(topo, a)] for poly in polygons for ring in poly]


def _inside(point: tuple[float, float], rings: list[list[tuple[float, float]]]) -> bool:
    """Even-odd rule over all rings (holes included)."""
    x, y = point
    inside = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


def _by_id(topo: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {str(g.get("id", g["properties"]["name"])): g
            for g in topo["objects"]["countries"]["geometries"]}


@pytest.fixture(scope="module")
def shipped() -> dict[str, Any]:
    return _load(SHIPPED)


@pytest.fixture(scope="module")
def upstream() -> dict[str, Any]:
    return _load(UPSTREAM)


def test_crimea_point_is_in_ukraine_not_russia(shipped: dict) -> None:
    geoms = _by_id(shipped)
    assert _inside(CRIMEA_POINT, _rings(shipped, geoms["804"]))
    assert not _inside(CRIMEA_POINT, _rings(shipped, geoms["643"]))
    for key, geom in geoms.items():
        if key != "804":
            assert not _inside(CRIMEA_POINT, _rings(shipped, geom)), key


def test_upstream_draws_crimea_in_russia(upstream: dict) -> None:
    """The reason for the build: Natural Earth puts Crimea in Russia's shape."""
    geoms = _by_id(upstream)
    assert _inside(CRIMEA_POINT, _rings(upstream, geoms["643"]))
    assert not _inside(CRIMEA_POINT, _rings(upstream, geoms["804"]))


def test_every_other_country_is_unchanged(shipped: dict, upstream: dict) -> None:
    new, old = _by_id(shipped), _by_id(upstream)
    assert set(new) == set(old) and len(new) == 177
    for key in old:
        if key not in ("643", "804"):
            assert _rings(shipped, new[key]) == _rings(upstream, old[key]), key
            assert new[key].get("properties") == old[key].get("properties")
    assert shipped["arcs"] == upstream["arcs"] and shipped["transform"] == upstream["transform"]


def test_russia_loses_only_crimea_and_ukraine_gains_it(shipped: dict, upstream: dict) -> None:
    new, old = _by_id(shipped), _by_id(upstream)
    old_ru, new_ru = _rings(upstream, old["643"]), _rings(shipped, new["643"])
    assert len(new_ru) == len(old_ru) - 1 and all(r in old_ru for r in new_ru)
    [crimea] = [r for r in old_ru if r not in new_ru]
    assert _inside(CRIMEA_POINT, [crimea])
    # Ukraine: one ring holding every old Ukraine vertex (but the inner points of the
    # isthmus line, now inside) and every vertex of Crimea.
    [line] = shipped["objects"]["crimea_boundary"]["geometries"]
    isthmus_inner = set(_arc(shipped, line["arcs"][0])[1:-1])
    [ukraine] = _rings(shipped, new["804"])
    assert set(_rings(upstream, old["804"])[0]) - isthmus_inner <= set(ukraine)
    assert set(crimea) - isthmus_inner <= set(ukraine)
    assert not isthmus_inner & set(ukraine)
    assert _inside((31.0, 49.0), [ukraine])  # Kyiv region still inside


def test_crimea_and_isthmus_objects(shipped: dict) -> None:
    [crimea] = shipped["objects"]["crimea"]["geometries"]
    assert crimea["id"] == "UA-43"
    assert "68/262" in crimea["properties"]["status"]
    assert "occupied by Russia since 2014" in crimea["properties"]["status"]
    assert _inside(CRIMEA_POINT, _rings(shipped, crimea))
    [line] = shipped["objects"]["crimea_boundary"]["geometries"]
    assert line["type"] == "LineString"
    lats = [lat for _, lat in _arc(shipped, line["arcs"][0])]
    assert min(lats) > 45.5 and max(lats) < 46.4  # across the isthmus, north of the peninsula


def test_build_reproduces_the_shipped_file() -> None:
    spec = importlib.util.spec_from_file_location("build_map", ROOT / "tools" / "build_map.py")
    assert spec and spec.loader
    build_map = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_map)
    text = build_map.dumps(build_map.build(build_map.read_upstream()))
    assert text == SHIPPED.read_text(encoding="utf-8")


# ------------------------------------------------------------------- the chart
def _walk(node: Any):
    if isinstance(node, dict):
        for key, value in node.items():
            yield key, value
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


@pytest.fixture(scope="module")
def map_spec() -> dict[str, Any]:
    spec: dict[str, Any] = ut.vote_map("2026").to_dict()
    return spec


def test_map_says_crimea_is_drawn_in_ukraine(map_spec: dict) -> None:
    text = json.dumps(map_spec, ensure_ascii=False)
    assert "inside Russia" not in text and "inside Russia" not in maps.BOUNDARY_NOTE
    world_title = map_spec["title"]  # the map's own title, above its legend
    subtitle = " ".join(world_title["subtitle"])
    assert "Crimea is drawn as part of Ukraine" in subtitle and "68/262" in subtitle
    assert "contested by Russia" in subtitle
    for place in ("Kashmir", "Western Sahara"):
        assert place in text  # other disputed areas are named on the map itself
    assert "Crimea" in ut.vote_map_table("2026").attrs["description"]


def test_map_has_crimea_tooltip_and_dashed_isthmus(map_spec: dict) -> None:
    features = [v for v in map_spec["datasets"].values() if isinstance(v, list)
                and v and isinstance(v[0], dict) and v[0].get("type") == "Feature"]
    kinds = {f[0]["geometry"]["type"] for f in features}
    assert kinds == {"Polygon", "LineString"}
    crimea = next(f[0] for f in features if f[0]["geometry"]["type"] == "Polygon")
    assert "occupied by Russia since 2014" in crimea["properties"]["status"]
    dashed = [v for k, v in _walk(map_spec) if k == "mark" and isinstance(v, dict)
              and v.get("type") == "geoshape" and v.get("filled") is False]
    assert dashed and all(m.get("strokeDash") for m in dashed)


def test_map_shows_how_votes_are_known(map_spec: dict) -> None:
    shapes = [v for k, v in _walk(map_spec) if k == "shape" and isinstance(v, dict)
              and v.get("field") == "confidence"]
    assert shapes
    legends = [s["legend"] for s in shapes if s.get("legend")]
    # inside the world map's empty South Pacific, saying what no symbol means
    assert legends and legends[0]["orient"] == "bottom-left"
    assert "UN record" in " ".join(shapes[0]["title"])
    domain = shapes[0]["scale"]["domain"]
    assert domain == ["reported", "derived", "low", "disputed"]
    table = ut.vote_map_table("2026")
    assert {"confidence", "source_url"} <= set(table.columns)
    known = table[table["vote"] != "unknown"]
    assert (known["source_url"].str.startswith("http")).all()
    assert (table.loc[table["vote"] == "unknown", "confidence"] == "none").all()
    tips = {t.get("title") for k, v in _walk(map_spec) if k == "tooltip"
            for t in (v if isinstance(v, list) else [v]) if isinstance(t, dict)}
    assert {"Confidence", "Source"} <= tips


@pytest.mark.parametrize("view", maps.VIEWS, ids=lambda v: v.name)
def test_small_state_dots_do_not_overlap(view: maps.MapView) -> None:
    members = ut.load_members()
    small = members[~members["has_shape_110m"]]
    pts = list(zip(small["iso3"], small["lon"].astype(float), small["lat"].astype(float),
                   strict=True))
    min_distance = math.sqrt(view.dot_size) * 1.6
    placed = maps.spread_points(view, pts, min_distance=min_distance)
    pixels = [view.pixel(*placed[i]) for i, _, _ in pts if view.contains(*placed[i])]
    assert len(pixels) >= 3
    for (x1, y1), (x2, y2) in combinations(pixels, 2):
        assert math.hypot(x1 - x2, y1 - y2) >= min_distance - 1e-6
    # The Lesser Antilles really would overlap at world scale without spreading.
    if view is maps.WORLD:
        raw = [view.pixel(lon, lat) for i, lon, lat in pts if i in ("LCA", "VCT", "GRD")]
        assert min(math.hypot(a[0] - b[0], a[1] - b[1])
                   for a, b in combinations(raw, 2)) < min_distance


def test_insets_show_europe_and_the_caribbean() -> None:
    assert maps.EUROPE.contains(14.4, 35.9) and maps.EUROPE.contains(34.1, 45.3)  # Malta, Crimea
    assert maps.EUROPE.contains(9.5, 47.1)  # Liechtenstein
    assert maps.CARIBBEAN.contains(-61.2, 13.3) and maps.CARIBBEAN.contains(-59.6, 13.2)
    assert sum(v.width for v in maps.VIEWS[1:]) + 10 <= maps.WORLD.width


def test_projection_helper_matches_vega() -> None:
    """The Python Equal Earth placement agrees with Vega's (rendered) one."""
    vlc = pytest.importorskip("vl_convert")
    view = maps.MapView("t", "t", 200, 100, 0.0, 0.0, 30.0)
    spec = {
        "width": 200, "height": 100, "autosize": "none", "padding": 0,
        "data": {"values": [{"lon": 40.0, "lat": 30.0}]},
        "projection": view.projection().to_dict(),
        "mark": {"type": "circle", "size": 4},
        "encoding": {"longitude": {"field": "lon", "type": "quantitative"},
                     "latitude": {"field": "lat", "type": "quantitative"}},
    }
    svg = vlc.vegalite_to_svg(json.dumps(spec), vl_version="5.8")
    import re

    match = re.search(r'translate\(([\d.]+),([\d.]+)\)', svg.split("mark-symbol")[1])
    assert match
    x, y = view.pixel(40.0, 30.0)
    assert abs(float(match.group(1)) - x) < 0.5 and abs(float(match.group(2)) - y) < 0.5


#: A 1366x768 laptop: about 600 px of the notebook area is visible at once.
LAPTOP_MAP_HEIGHT = 600


@pytest.mark.parametrize("resolution", ["2026", "ES-11/7"])
def test_map_with_its_legends_fits_a_laptop_screen(resolution: str) -> None:
    """Draw the map (headless Vega) and measure it: legends included, under 600 px tall."""
    vlc = pytest.importorskip("vl_convert")
    spec = ut.vote_map(resolution).to_dict()
    svg = vlc.vegalite_to_svg(json.dumps(spec), vl_version="5.8")
    import re

    match = re.search(r'<svg[^>]*\bwidth="([\d.]+)" height="([\d.]+)"', svg)
    assert match
    width, height = float(match.group(1)), float(match.group(2))
    assert width <= 800 and height <= LAPTOP_MAP_HEIGHT, (width, height)
    colour_legends = [v["legend"] for k, v in _walk(spec) if k == "color" and isinstance(v, dict)
                      and v.get("legend")]
    assert colour_legends and colour_legends[0]["orient"] == "top"  # above the map
    assert len(spec["vconcat"][1]["hconcat"]) == 2  # the insets are kept


def test_world_map_leaves_the_insets_symbols_to_the_insets() -> None:
    spec = ut.vote_map("2026").to_dict()
    world, insets = spec["vconcat"][0], spec["vconcat"][1]["hconcat"]

    def marked(panel: dict) -> set[str]:
        return {str(r["iso_num"]) for layer in panel["layer"] if "m_lon" in json.dumps(
            layer.get("encoding", {})) for r in _rows(spec, layer)}

    in_world, in_europe = marked(world), marked(insets[0])
    france = "250"
    assert france in in_europe and france not in in_world
    assert in_world  # the rest of the world keeps its symbols


def test_map_symbols_can_be_switched_off() -> None:
    spec = ut.vote_map("2026", confidence=False).to_dict()
    assert not [v for k, v in _walk(spec) if k == "shape" and isinstance(v, dict)]
    assert "confidence=True" in " ".join(spec["title"]["subtitle"])


def _rows(spec: dict, layer: dict) -> list[dict]:
    data = layer.get("data", {})
    if "values" in data:
        return list(data["values"])
    return list(spec["datasets"].get(data.get("name", ""), []))
