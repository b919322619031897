"""Build the shipped world map, with Crimea drawn inside Ukraine as the UN draws it.

Reads the pristine upstream file ``tools/maps/world-atlas-2.0.2/countries-110m.json``
(npm ``world-atlas@2.0.2``, Natural Earth 4.1.0 at 1:110m, checked by SHA-256)
and writes ``data/maps/countries-110m.json``, which ``unga_teach.maps`` draws.

Natural Earth draws Crimea by de facto control: in the 1:110m file it is one
polygon of Russia's MultiPolygon (id ``643``), a ring of two arcs: the coast,
and the line across the isthmus that it shares with Ukraine (id ``804``).
General Assembly resolution 68/262 (2014) affirms Ukraine's territorial
integrity within its internationally recognised borders, and UN maps draw
Crimea inside Ukraine. The build therefore:

1. removes the Crimea polygon from Russia's MultiPolygon;
2. joins it to Ukraine's ring: the shared isthmus arc in Ukraine's ring is
   replaced by Crimea's coast, so Ukraine becomes one polygon with Crimea;
3. adds two objects next to ``countries``: ``crimea`` (the Crimea polygon
   alone, id ``UA-43``, for its own tooltip) and ``crimea_boundary`` (the
   isthmus line alone, drawn dashed).

Every other geometry and every arc is kept exactly (no re-quantisation), so
the other 175 countries are unchanged; ``tests/test_maps.py`` checks that, and
that this script reproduces the shipped file byte for byte. Pure Python,
no dependencies.

Run from the repository root::

    .venv/bin/python tools/build_map.py            # write data/maps/countries-110m.json
    .venv/bin/python tools/build_map.py --check    # fail if the shipped file differs
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
UPSTREAM = ROOT / "tools" / "maps" / "world-atlas-2.0.2" / "countries-110m.json"
UPSTREAM_SHA256 = "2516c915867c7baf18ddec727aec46c315541a07cfb3d79a6559b05d5e94eee8"
OUT = ROOT / "data" / "maps" / "countries-110m.json"

RUSSIA, UKRAINE = "643", "804"
#: A box around the Crimean peninsula (lon/lat); the polygon moved must lie inside it.
CRIMEA_BOX = (32.0, 44.0, 37.0, 46.5)
CRIMEA_ID = "UA-43"  # ISO 3166-2 code of the Autonomous Republic of Crimea
CRIMEA_NAME = "Crimea"
CRIMEA_STATUS = (
    "part of Ukraine under General Assembly resolution 68/262 (2014); "
    "occupied by Russia since 2014"
)
BOUNDARY_NAME = "Boundary of Crimea at the isthmus (line of Russian occupation since 2014)"


def decode_arc(topo: dict[str, Any], index: int) -> list[tuple[float, float]]:
    """The longitude/latitude points of arc ``index`` (negative: reversed, ``~i``)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    x = y = 0
    points = []
    for dx, dy in topo["arcs"][index if index >= 0 else ~index]:
        x += dx
        y += dy
        points.append((x * sx + tx, y * sy + ty))
    return points if index >= 0 else points[::-1]


def _in_box(points: list[tuple[float, float]], box: tuple[float, float, float, float]) -> bool:
    x0, y0, x1, y1 = box
    return all(x0 <= x <= x1 and y0 <= y <= y1 for x, y in points)


def _arc_id(index: int) -> int:
    return index if index >= 0 else ~index


def build(upstream: dict[str, Any]) -> dict[str, Any]:
    """Return the shipped topology built from the pristine upstream one."""
    topo = copy.deepcopy(upstream)
    geoms = {g.get("id"): g for g in topo["objects"]["countries"]["geometries"]}
    russia, ukraine = geoms[RUSSIA], geoms[UKRAINE]
    if russia["type"] != "MultiPolygon" or ukraine["type"] != "Polygon":
        raise SystemExit("unexpected geometry types for Russia/Ukraine: is this world-atlas 2.0.2?")
    ukraine_arcs = {_arc_id(a) for a in ukraine["arcs"][0]}
    found = []
    for k, polygon in enumerate(russia["arcs"]):
        ring = polygon[0]
        points = [p for a in ring for p in decode_arc(topo, a)]
        shared = [a for a in ring if _arc_id(a) in ukraine_arcs]
        if len(polygon) == 1 and shared and _in_box(points, CRIMEA_BOX):
            found.append((k, ring, shared))
    if len(found) != 1 or len(found[0][2]) != 1:
        raise SystemExit(f"expected one Crimea polygon in Russia sharing one arc, found {found}")
    k, ring, (isthmus,) = found[0]
    # Rotate Crimea's ring to start just after the isthmus arc: the rest is the coast,
    # which runs from the isthmus arc's end back to its start.
    i = ring.index(isthmus)
    coast = ring[i + 1:] + ring[:i]
    # Ukraine's ring runs along the isthmus the other way (~isthmus): replace it by the coast.
    u_ring = ukraine["arcs"][0]
    j = u_ring.index(~isthmus)
    ukraine["arcs"] = [u_ring[:j] + coast + u_ring[j + 1:]]
    del russia["arcs"][k]
    topo["objects"]["crimea"] = {
        "type": "GeometryCollection",
        "geometries": [{"type": "Polygon", "arcs": [ring], "id": CRIMEA_ID,
                        "properties": {"name": CRIMEA_NAME, "status": CRIMEA_STATUS}}],
    }
    topo["objects"]["crimea_boundary"] = {
        "type": "GeometryCollection",
        "geometries": [{"type": "LineString", "arcs": [isthmus],
                        "properties": {"name": BOUNDARY_NAME}}],
    }
    return topo


def dumps(topo: dict[str, Any]) -> str:
    """Compact JSON, as upstream writes it."""
    return json.dumps(topo, separators=(",", ":"), ensure_ascii=False)


def read_upstream(path: Path = UPSTREAM) -> dict[str, Any]:
    """Read the pristine upstream file, checking that it is the published one."""
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != UPSTREAM_SHA256:
        raise SystemExit(f"{path} is not world-atlas 2.0.2's countries-110m.json ({digest})")
    topo: dict[str, Any] = json.loads(data)
    return topo


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="file to write or check")
    parser.add_argument("--check", action="store_true", help="only check the shipped file")
    args = parser.parse_args(argv)
    text = dumps(build(read_upstream()))
    if args.check:
        same = args.out.is_file() and args.out.read_text(encoding="utf-8") == text
        print(f"{args.out}: {'up to date' if same else 'DIFFERS from the build'}")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(text.encode()) / 1000:.1f} KB): Crimea moved from "
          f"{RUSSIA} to {UKRAINE}; objects {', '.join(json.loads(text)['objects'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
