"""TopoJSON decoding and each state's representative point (``lon``, ``lat``).

The point comes from the Natural Earth 4.1.0 geometry in the npm package
``world-atlas@2.0.2``: for each state the finest file that has its ISO numeric
id (``countries-10m.json``, then ``50m``, then ``110m``), the polygon with the
largest area, and that polygon's centroid (moved onto the shape if it falls
outside it). A state in none of the three files gets its capital (``CAPITALS``).
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .states import State

#: Capital (name, lon, lat) for states absent from every world-atlas file. With
#: world-atlas 2.0.2 every UN member and observer state is in countries-10m.json
#: (Tuvalu only there), so this is empty; the build stops if a
#: state is missing and not listed here.
CAPITALS: dict[str, tuple[str, float, float]] = {}


Ring = list[tuple[float, float]]
Polygon = list[Ring]  # first ring is the outer boundary, the others are holes


def decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Return every arc as absolute (lon, lat) points (undo quantisation and deltas)."""
    transform = topo.get("transform")
    arcs: list[list[tuple[float, float]]] = []
    for arc in topo["arcs"]:
        if transform is None:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points: list[tuple[float, float]] = []
        for p in arc:
            x += p[0]
            y += p[1]
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(indexes: Sequence[int], arcs: list[list[tuple[float, float]]]) -> Ring:
    """Stitch arcs into one ring; a negative index ``~i`` means arc ``i`` reversed."""
    ring: Ring = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def geometry_polygons(
    geometry: dict[str, Any], arcs: list[list[tuple[float, float]]]
) -> list[Polygon]:
    if geometry["type"] == "Polygon":
        return [[ring_points(r, arcs) for r in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[ring_points(r, arcs) for r in poly] for poly in geometry["arcs"]]
    return []


def _ring_moments(ring: Ring, lon0: float) -> tuple[float, float, float]:
    """Signed area and first moments of a ring in a sinusoidal projection.

    The sinusoidal projection (x = (lon - lon0) * cos(lat), y = lat) is
    equal-area, so areas compare fairly between the tropics and high latitudes.
    Units are square degrees at the equator.
    """
    pts = [((lon - lon0) * math.cos(math.radians(lat)), lat) for lon, lat in ring]
    area2 = cx6 = cy6 = 0.0
    for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area2 += cross
        cx6 += (x1 + x2) * cross
        cy6 += (y1 + y2) * cross
    return area2 / 2, cx6 / 6, cy6 / 6


def unwrap(ring: Ring) -> Ring:
    """Remove jumps of 360 degrees in longitude (rings that cross the antimeridian).

    Natural Earth cuts most shapes at 180 degrees, but a few rings in the TopoJSON
    (Fiji, Russia's Chukotka) still jump from +180 to -180 between two points.
    """
    out: Ring = []
    shift = 0.0
    prev: float | None = None
    for lon, lat in ring:
        if prev is not None:
            step = lon + shift - prev
            if step > 180:
                shift -= 360
            elif step < -180:
                shift += 360
        out.append((lon + shift, lat))
        prev = lon + shift
    return out


def polygon_area_centroid(polygon: Polygon) -> tuple[float, tuple[float, float]]:
    """Area (outer ring minus holes) and centroid (lon, lat) of one polygon.

    Works whatever the winding order of the rings: each ring is first turned
    to a positive area, then holes are subtracted.
    """
    polygon = [unwrap(ring) for ring in polygon]
    lons = [lon for lon, _ in polygon[0]]
    lon0 = (min(lons) + max(lons)) / 2
    area = mx = my = 0.0
    for i, ring in enumerate(polygon):
        a, sx, sy = _ring_moments(ring, lon0)
        factor = (1.0 if a >= 0 else -1.0) * (1.0 if i == 0 else -1.0)
        area += factor * a
        mx += factor * sx
        my += factor * sy
    if area <= 0:
        lon, lat = polygon[0][0]
        return 0.0, (lon, lat)
    lat = my / area
    lon = lon0 + (mx / area) / max(math.cos(math.radians(lat)), 1e-9)
    lon = (lon + 180) % 360 - 180
    return area, (lon, lat)


def _crossings(rings: Sequence[Ring], lat: float) -> list[float]:
    """Longitudes where the parallel ``lat`` crosses the rings' edges, sorted."""
    xs: list[float] = []
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > lat) != (y2 > lat):
                xs.append(x1 + (lat - y1) * (x2 - x1) / (y2 - y1))
    return sorted(xs)


def _inside(rings: Sequence[Ring], lon: float, lat: float) -> bool:
    """Even-odd test: inside the outer ring and outside every hole."""
    return sum(1 for x in _crossings(rings, lat) if x < lon) % 2 == 1


def representative_point(polygons: Iterable[Polygon]) -> tuple[float, float, str]:
    """Centroid of the largest polygon (by equal-area area), with a note if adjusted.

    * A shape whose area is zero after quantisation (the Holy See at 1:10m)
      gets the mean of its vertices.
    * If the centroid falls outside the polygon (a curved country such as
      Viet Nam, or an atoll whose centroid is in the lagoon), the point is moved
      to the middle of the widest stretch of the polygon along the centroid's
      parallel, so that a dot lands on the state's own territory.
    """
    best: tuple[float, tuple[float, float], Polygon] | None = None
    for polygon in polygons:
        area, centroid = polygon_area_centroid(polygon)
        if best is None or area > best[0]:
            best = (area, centroid, polygon)
    if best is None:
        raise ValueError("no polygon")
    area, (lon, lat), polygon = best
    rings = [unwrap(ring) for ring in polygon]
    if area == 0:
        pts = rings[0][:-1] if rings[0][0] == rings[0][-1] else rings[0]
        mean_lon = sum(p[0] for p in pts) / len(pts)
        mean_lat = sum(p[1] for p in pts) / len(pts)
        return (mean_lon + 180) % 360 - 180, mean_lat, "zero-area shape; mean of its vertices"
    for candidate in (lon, lon + 360, lon - 360):
        if _inside(rings, candidate, lat):
            return lon, lat, ""
    xs = _crossings(rings, lat)
    segments = list(zip(xs[0::2], xs[1::2], strict=False))
    if not segments:
        return lon, lat, ""
    west, east = max(segments, key=lambda seg: seg[1] - seg[0])
    mid = ((west + east) / 2 + 180) % 360 - 180
    return mid, lat, "centroid falls outside the shape; moved along its parallel onto the shape"


def load_atlas_polygons(path: Path) -> dict[str, list[Polygon]]:
    """Map ISO numeric id -> all polygons with that id in one world-atlas file."""
    topo = json.loads(path.read_text(encoding="utf-8"))
    arcs = decode_arcs(topo)
    result: dict[str, list[Polygon]] = {}
    for geometry in topo["objects"]["countries"]["geometries"]:
        gid = geometry.get("id")
        if gid is None:
            continue
        result.setdefault(str(gid), []).extend(geometry_polygons(geometry, arcs))
    return result


def atlas_points(
    states: Sequence[State], atlas_dir: Path
) -> tuple[dict[str, tuple[float, float, str, str]], set[str]]:
    """Representative point and its source file for every state; ids in the 110m file."""
    scales = ["10m", "50m", "110m"]
    files = {scale: atlas_dir / f"countries-{scale}.json" for scale in scales}
    for path in files.values():
        if not path.is_file():
            sys.exit(f"error: {path} not found; see the docstring for `npm pack world-atlas@2.0.2`")
    by_scale = {scale: load_atlas_polygons(path) for scale, path in files.items()}
    points: dict[str, tuple[float, float, str, str]] = {}
    for state in states:
        for scale in scales:
            polygons = by_scale[scale].get(state.iso_num)
            if polygons:
                lon, lat, how = representative_point(polygons)
                points[state.iso3] = (lon, lat, f"countries-{scale}.json", how)
                break
        else:
            if state.iso3 not in CAPITALS:
                sys.exit(f"error: {state.iso3} is in no world-atlas file; add it to CAPITALS")
            capital, lon, lat = CAPITALS[state.iso3]
            points[state.iso3] = (lon, lat, f"capital:{capital}", "")
    return points, set(by_scale["110m"])
