"""The shipped world map: Crimea inside Ukraine, nothing else changed, and the map chart."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

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
