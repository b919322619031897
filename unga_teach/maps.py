"""A world map of one vote, drawn offline, with Crimea inside Ukraine as the UN draws it.

The map inlines ``data/maps/countries-110m.json``: world-atlas 2.0.2 (ISC
licence, Natural Earth data) with one change made by ``tools/build_map.py``:
Crimea is moved from Russia's shape into Ukraine's, following General
Assembly resolution 68/262 (contested by Russia), with a dashed line at the
isthmus and its own tooltip. It needs no internet.

Member states are coloured by vote with the fixed vote colours; ``unknown``
(no source) is light grey and counted separately. A hollow symbol marks a
vote that is not read off a UN record (reported by one source, derived from
a statement or the totals, low confidence); its legend sits in the empty
South Pacific of the world map and says that no symbol means a UN record.
The world map leaves the symbols of Europe and the Caribbean to the zoomed
insets, where they do not crowd each other. The 28 member states too small
for a 1:110m map are drawn as dots, spread apart where they would overlap,
with a thin line to their true place. Shapes that are not UN member states
(Taiwan, Western Sahara, Greenland, ...) have a pale fill and dashed outline.
Two zoomed insets, Europe and the Caribbean, sit under the world map; the
vote legend is above it. The whole map is 780 px wide and under 600 px tall,
so it fits a 1366x768 laptop screen with its legends.
Because a map hides small states, :func:`vote_map_table` gives the same
facts as text.

Examples
--------
>>> import unga_teach as ut
>>> t = ut.vote_map_table("2026")
>>> len(t), int((~t["on_map"]).sum())
(193, 28)
"""

from __future__ import annotations

import copy
import json
import math
from dataclasses import dataclass
from functools import cache
from typing import Any

import altair as alt
import pandas as pd

from ._paths import data_dir
from .categories import MEMBER_STATE_COUNT, VOTE_LABELS, VOTE_ORDER
from .charts import inline_data, vote_color, vote_name, wrap_lines
from .errors import DataFileError
from .members import load_members
from .notebook import offline_chart
from .types import ResolutionRef
from .votes import load_votes

#: ISO numeric ids removed from the map: Antarctica (no state, and large).
DROPPED_SHAPES: tuple[str, ...] = ("010",)

#: Fill and outline of shapes that are not UN member states.
NON_MEMBER_FILL = "#F3F3F3"
NON_MEMBER_STROKE = "#8C8C8C"

#: Names of the topology and of the per-state vote facts in the chart's ``datasets``
#: (named, not inline: Altair deep-copies inline data on every method call).
TOPOLOGY_DATASET = "world-110m"
FACTS_DATASET = "vote-facts"

#: Votes not read off a UN record get a hollow symbol: confidence -> (shape, legend label).
#: ``official`` and ``confirmed`` (a UN record) get none; ``unknown`` is grey, no symbol.
CONFIDENCE_MARKS: dict[str, tuple[str, str]] = {
    "reported": ("circle", "reported by one source"),
    "derived": ("diamond", "derived from a statement or the totals"),
    "low": ("triangle-up", "low (one weak source)"),
    "disputed": ("cross", "disputed"),
}

#: Plain words for each confidence level, for tooltips and the table.
CONFIDENCE_WORDS: dict[str, str] = {
    "official": "official: a UN record",
    "confirmed": "confirmed: a copy of the UN record",
    "reported": "reported by one source (not yet a UN record)",
    "derived": "derived from a statement or the totals (not a roll call)",
    "low": "low: one weak source; treat as unsettled",
    "disputed": "disputed: sources disagree",
    "none": "no source: unknown",
}

#: Shown on every map: how borders are drawn.
BOUNDARY_NOTE = (
    "Borders: Natural Earth 1:110m (world-atlas 2.0.2), except Crimea, which is drawn as "
    "part of Ukraine following General Assembly resolution 68/262 (contested by Russia); "
    "a dashed line marks the isthmus. Other disputed areas (Kashmir, Western Sahara, "
    "the Golan Heights, Kosovo, Northern Cyprus, Somaliland, Taiwan, the Falkland Islands) "
    "are drawn as Natural Earth draws them. The map implies no view on any border."
)

CRIMEA_NOTE = (
    "Crimea is drawn as part of Ukraine, following resolution 68/262 (contested by "
    "Russia); dashed line: the isthmus."
)


# ------------------------------------------------------------------ topology
@cache
def _topology() -> dict[str, Any]:
    """The shipped topology without the ``land`` object and Antarctica (cached)."""
    path = data_dir() / "maps" / "countries-110m.json"
    try:
        topo = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataFileError("the world map file is missing.", path=str(path)) from None
    except json.JSONDecodeError as exc:
        raise DataFileError(
            f"the world map file is not valid JSON: {exc}.", path=str(path)
        ) from None
    missing = {"countries", "crimea", "crimea_boundary"} - set(topo.get("objects", {}))
    if missing:
        raise DataFileError(
            f"the world map file lacks the objects {sorted(missing)}; rebuild it with "
            "tools/build_map.py.", path=str(path)
        )
    topo = copy.deepcopy(topo)
    topo["objects"].pop("land", None)
    countries = topo["objects"]["countries"]
    countries["geometries"] = [
        g for g in countries["geometries"] if g.get("id") not in DROPPED_SHAPES
    ]
    return topo


def world_topology() -> dict[str, Any]:
    """Return a copy of the TopoJSON used by :func:`vote_map`.

    Objects: ``countries`` (Crimea inside Ukraine, id ``"804"``), ``crimea``
    (the peninsula alone, for its tooltip) and ``crimea_boundary`` (the
    isthmus line).

    Examples
    --------
    >>> topo = world_topology()
    >>> sorted(topo["objects"])
    ['countries', 'crimea', 'crimea_boundary']
    >>> any(g.get("id") == "250" for g in topo["objects"]["countries"]["geometries"])
    True
    """
    return copy.deepcopy(_topology())


def _decode_arc(topo: dict[str, Any], index: int) -> list[list[float]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    x = y = 0
    points = []
    for dx, dy in topo["arcs"][index if index >= 0 else ~index]:
        x += dx
        y += dy
        points.append([round(x * sx + tx, 6), round(y * sy + ty, 6)])
    return points if index >= 0 else points[::-1]


@cache
def _crimea_features() -> tuple[dict[str, Any], dict[str, Any]]:
    """Crimea and the isthmus line as small GeoJSON features (decoded once).

    Inline GeoJSON, because Vega-Lite cannot read two objects of one TopoJSON
    dataset under the same name.
    """
    topo = _topology()
    [poly] = topo["objects"]["crimea"]["geometries"]
    [line] = topo["objects"]["crimea_boundary"]["geometries"]
    rings = [[p for a in ring for p in _decode_arc(topo, a)] for ring in poly["arcs"]]
    crimea = {"type": "Feature", "properties": dict(poly["properties"]),
              "geometry": {"type": "Polygon", "coordinates": rings}}
    coords = [p for a in line["arcs"] for p in _decode_arc(topo, a)]
    boundary = {"type": "Feature", "properties": dict(line["properties"]),
                "geometry": {"type": "LineString", "coordinates": coords}}
    return crimea, boundary


# ---------------------------------------------------------------- projection
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    """Equal Earth projection of a point, unit scale (as d3-geo, y up).

    Examples
    --------
    >>> x, y = equal_earth(180, 0)
    >>> round(x, 4), y
    (2.7066, 0.0)
    """
    lam, phi = math.radians(lon), math.radians(lat)
    t = math.asin(_M * math.sin(phi))
    t2 = t * t
    t6 = t2 * t2 * t2
    x = lam * math.cos(t) / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    y = t * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, y


@dataclass(frozen=True)
class MapView:
    """One panel of the map: a window on the Equal Earth projection.

    ``lon0``/``lat0`` is the point at the panel's centre; ``scale`` is the
    d3 projection scale (pixels per unit of :func:`equal_earth`).
    """

    name: str
    title: str
    width: int
    height: int
    lon0: float
    lat0: float
    scale: float
    dot_size: int = 45

    def pixel(self, lon: float, lat: float) -> tuple[float, float]:
        """Where a point is drawn in the panel, in pixels from its top-left corner.

        Examples
        --------
        >>> v = MapView("w", "World", 200, 100, 0.0, 0.0, 30.0)
        >>> v.pixel(0, 0)
        (100.0, 50.0)
        """
        rel = (lon - self.lon0 + 180) % 360 - 180
        x, y = equal_earth(rel, lat)
        _, y0 = equal_earth(0, self.lat0)
        return self.width / 2 + self.scale * x, self.height / 2 - self.scale * (y - y0)

    def contains(self, lon: float, lat: float, margin: float = 0) -> bool:
        """True when the point is drawn inside the panel (``margin`` pixels in)."""
        x, y = self.pixel(lon, lat)
        return margin <= x <= self.width - margin and margin <= y <= self.height - margin

    def projection(self) -> alt.Projection:
        """The Vega-Lite projection of this panel (explicit, so dots can be placed)."""
        return alt.Projection(
            type="equalEarth",
            scale=self.scale,
            rotate=[-self.lon0, 0, 0],
            center=[0, self.lat0],
            translate=[self.width / 2, self.height / 2],
            clipExtent=[[0, 0], [self.width, self.height]],
        )


#: The three panels: the world, then Europe and the Caribbean zoomed, side by side
#: (sized so that the whole map, legend included, is about 600 px tall: a laptop screen).
WORLD = MapView("world", "World", 780, 272, 10.0, 10.0, 120.0, dot_size=36)
EUROPE = MapView("europe", "Europe, zoomed", 385, 154, 15.0, 46.6, 370.0, dot_size=48)
CARIBBEAN = MapView("caribbean", "Caribbean, zoomed", 385, 154, -70.0, 15.5, 540.0,
                    dot_size=48)
VIEWS: tuple[MapView, ...] = (WORLD, EUROPE, CARIBBEAN)


def spread_points(
    view: MapView, points: list[tuple[str, float, float]], min_distance: float = 12.0
) -> dict[str, tuple[float, float]]:
    """Move points apart so that no two are drawn closer than ``min_distance`` pixels.

    Points are placed one by one (west to east); a point too close to one
    already placed moves to the nearest free spot on rings around its true
    place (east first). Returns ``{key: (lon, lat)}`` of the drawn places.

    Examples
    --------
    >>> pts = [("a", -61.2, 13.3), ("b", -61.0, 13.9)]
    >>> placed = spread_points(WORLD, pts)
    >>> placed["a"]
    (-61.2, 13.3)
    >>> placed["b"] != (-61.0, 13.9)
    True
    """
    deg_per_px = 180 / (math.pi * view.scale)
    placed: dict[str, tuple[float, float]] = {}
    drawn: list[tuple[float, float]] = []

    def free(lon: float, lat: float) -> bool:
        x, y = view.pixel(lon, lat)
        return all(math.hypot(x - a, y - b) >= min_distance for a, b in drawn)

    for key, lon, lat in sorted(points, key=lambda p: (p[1], p[2], p[0])):
        spot: tuple[float, float] | None = (lon, lat)
        if not free(lon, lat):
            spot = None
            for ring in range(1, 40):
                radius = ring * min_distance * 0.6 * deg_per_px
                for step in range(12):
                    angle = math.radians(-step * 30)  # east, then clockwise (south-east...)
                    cand = (lon + radius * math.cos(angle) / max(math.cos(math.radians(lat)),
                                                                 0.2),
                            lat + radius * math.sin(angle))
                    if free(*cand):
                        spot = (round(cand[0], 3), round(cand[1], 3))
                        break
                if spot:
                    break
        final = spot or (lon, lat)
        placed[key] = final
        drawn.append(view.pixel(*final))
    return placed


# --------------------------------------------------------------------- table
def vote_map_table(resolution: ResolutionRef = "2026") -> pd.DataFrame:
    """The facts of :func:`vote_map` as a table, one row per member state.

    Parameters
    ----------
    resolution : str, default "2026"

    Returns
    -------
    pandas.DataFrame
        ``name``, ``iso3``, ``region`` (UN M49 region), ``un_regional_group``,
        ``vote`` (ordered categorical, ``unknown`` when no source), ``label``,
        ``confidence`` (how the vote is known: ``official``, ``confirmed``,
        ``reported``, ``derived``, ``low``, ``disputed``, or ``none`` when
        unknown), ``source_url``, ``on_map`` (True when the state has a shape
        on the 1:110m map; False for the small states drawn as a dot), sorted
        by name. ``attrs["description"]`` holds the map's description.

    Examples
    --------
    >>> t = vote_map_table("ES-11/7").set_index("iso3")
    >>> str(t.loc["MLT", "vote"]), bool(t.loc["MLT", "on_map"])
    ('yes', False)
    >>> str(vote_map_table("2026").set_index("iso3").loc["UKR", "confidence"])
    'none'
    """
    members = load_members()
    all_votes = load_votes(resolution)
    votes = all_votes[["iso3", "vote", "confidence", "source_url"]]
    frame = members.merge(votes, on="iso3", how="left", validate="one_to_one",
                          suffixes=("_member", ""))
    # an official vote of another time: today's members missing from its record are
    # shown as unknown (never guessed); states of that time that are not members today
    # (SUN, YUG ...) have no shape and are named in the description
    missing = frame["vote"].isna()
    frame["vote"] = frame["vote"].fillna("unknown")
    frame["confidence"] = frame["confidence"].astype(object).where(~missing, "none")
    out = pd.DataFrame(
        {
            "name": frame["name"].astype(str),
            "iso3": frame["iso3"].astype(str),
            "region": frame["m49_region"].astype(str),
            "un_regional_group": frame["un_regional_group"].astype(str),
            "vote": frame["vote"],
            "label": [VOTE_LABELS[str(v)] for v in frame["vote"]],
            "confidence": frame["confidence"].astype(str),
            "source_url": frame["source_url"].fillna("").astype(str),
            "on_map": frame["has_shape_110m"].astype(bool),
        }
    )
    out = out.sort_values("name", key=lambda s: s.str.casefold(), kind="stable")
    out = out.reset_index(drop=True)
    description = _map_description(resolution, out)
    if missing.any():
        description += (f" {int(missing.sum())} of today's member states are not in this "
                        "vote's record (not yet members, or listed under an earlier code): "
                        "they are shown as unknown.")
    former = all_votes.loc[~all_votes["iso3"].isin(set(members["iso3"].astype(str)))]
    if len(former):
        listed = ", ".join(f"{n} ({v})" for n, v in zip(former["name"], former["vote"],
                                                         strict=True))
        description += f" States of that time with no shape on today's map: {listed}."
    out.attrs["description"] = description
    return out


def _non_member_names() -> list[str]:
    member_ids = set(load_members()["iso_num"].astype(str))
    names = []
    for g in _topology()["objects"]["countries"]["geometries"]:
        if g.get("id") not in member_ids and g.get("id") != "275":
            names.append(str(g.get("properties", {}).get("name", "")))
    return names


def _map_description(resolution: ResolutionRef, table: pd.DataFrame) -> str:
    counts = table["vote"].value_counts()
    parts = ", ".join(
        f"{int(counts.get(v, 0))} {VOTE_LABELS[v].split(' (')[0].lower()}" for v in VOTE_ORDER
    )
    conf = table.loc[table["vote"] != "unknown", "confidence"].value_counts()
    marked = ", ".join(f"{int(conf[c])} {c}" for c in CONFIDENCE_MARKS if conf.get(c, 0))
    dots = table.loc[~table["on_map"], "name"].tolist()
    others = _non_member_names()
    text = (
        f"World map (Equal Earth projection) of how the {MEMBER_STATE_COUNT} UN member states "
        f"voted on "
        f"{vote_name(resolution)}, coloured by the vote the sources name: {parts} "
        f"(unknown = no source yet, in light grey). "
    )
    if marked:
        text += (f"A hollow symbol marks the known votes not read off a UN record ({marked}). ")
    return text + (
        f"{len(dots)} member states too small for the map are drawn as dots: "
        f"{', '.join(dots)}. Under the world map, Europe and the Caribbean are shown zoomed. "
        f"Shapes that are not UN member states ({', '.join(others[:5])} and others) have a "
        "pale fill and dashed outline; Palestine is a non-member observer state and cannot "
        "vote. " + BOUNDARY_NOTE
    )


# ----------------------------------------------------------------------- map
def _topo_data(feature: str) -> alt.NamedData:
    return alt.NamedData(name=TOPOLOGY_DATASET,
                         format=alt.DataFormat(type="topojson", feature=feature))


#: Top-level parameters holding the words every layer looks up (kept once in the spec).
_PARAMS = {"sources": "ut_sources", "confidence": "ut_confidence", "labels": "ut_vote_labels"}


def _with_facts(chart: alt.Chart, lookup: alt.NamedData) -> alt.Chart:
    """Join each datum (by ``iso_num`` or topology ``id``) to its state's vote facts."""
    return chart.transform_lookup(
        lookup="iso_num" if chart.data is not alt.Undefined and not isinstance(
            chart.data, alt.NamedData) else "id",
        from_=alt.LookupData(lookup, key="iso_num", fields=list(_FACT_FIELDS)),
    ).transform_calculate(
        label=f"isValid(datum.vote) ? {_PARAMS['labels']}[datum.vote] : null",
        confidence_text=f"{_PARAMS['confidence']}[datum.confidence]",
        source_url=f"isValid(datum.src) ? {_PARAMS['sources']}[datum.src] : ''",
    )


#: The fields of the per-state lookup table joined to every layer (``src``: index of
#: the source URL in the ``ut_sources`` parameter, so each URL is in the spec once).
_FACT_FIELDS = ("name", "vote", "confidence", "src", "region")


def _tips(place_title: str = "Member state") -> list[alt.Tooltip]:
    return [
        alt.Tooltip("name:N", title=place_title),
        alt.Tooltip("label:N", title="Vote"),
        alt.Tooltip("confidence_text:N", title="Confidence"),
        alt.Tooltip("source_url:N", title="Source"),
        alt.Tooltip("region:N", title="Region"),
    ]


def _mark_shape(legend: bool, title: str | list[str] = "Not read off a UN record") -> alt.Shape:
    present = list(CONFIDENCE_MARKS)
    return alt.Shape(
        "confidence:N",
        scale=alt.Scale(domain=present, range=[CONFIDENCE_MARKS[c][0] for c in present]),
        title=title,
        legend=alt.Legend(
            orient="bottom-left", direction="vertical", labelLimit=260, titleLimit=260,
            padding=4, fillColor="white", offset=4,
            symbolStrokeColor="#222222", symbolFillColor="transparent",
            labelExpr=" : ".join(
                f"datum.value === '{c}' ? '{label}'" for c, (_, label) in CONFIDENCE_MARKS.items()
            ) + " : datum.value",
        ) if legend else None,
    )


def _panel(view: MapView, lookup: alt.NamedData, states: pd.DataFrame,
           legend: bool, marks_title: str | list[str] = "",
           show_marks: bool = True) -> alt.LayerChart:
    """All layers of one panel; only the world panel draws the legends.

    The world panel leaves the symbols of the states inside the zoomed
    insets to the insets, where they do not crowd each other.
    """
    clip = view is not WORLD
    others = _with_facts(alt.Chart(_topo_data("countries")), lookup).transform_filter(
        "!isValid(datum.vote)").transform_calculate(
        place="isValid(datum.name) ? datum.name : datum.properties.name",
        status="datum.id === '275' ? 'observer state, cannot vote' : 'not a UN member'",
    ).mark_geoshape(
        fill=NON_MEMBER_FILL, stroke=NON_MEMBER_STROKE, strokeWidth=0.6, strokeDash=[2, 2]
    ).encode(
        tooltip=[alt.Tooltip("place:N", title="Place"), alt.Tooltip("status:N", title="Status")]
    )
    shapes = _with_facts(alt.Chart(_topo_data("countries")), lookup).transform_filter(
        "isValid(datum.vote)").mark_geoshape(
        stroke="white", strokeWidth=0.4 if view is WORLD else 0.7
    ).encode(color=vote_color(legend=legend, legend_orient="top"), tooltip=_tips())
    crimea_feature, boundary_feature = _crimea_features()
    crimea = _with_facts(alt.Chart(alt.InlineData(values=[crimea_feature])).transform_calculate(
        iso_num="'804'"), lookup).transform_calculate(
        place="'Crimea'",
        status="datum.properties.status",
        label="datum.label + ' (Ukraine\\'s vote)'",
    ).mark_geoshape(strokeWidth=0).encode(
        color=vote_color(legend=False),
        tooltip=[alt.Tooltip("place:N", title="Place"), alt.Tooltip("status:N", title="Status"),
                 alt.Tooltip("label:N", title="Vote"),
                 alt.Tooltip("confidence_text:N", title="Confidence"),
                 alt.Tooltip("source_url:N", title="Source")],
    )
    isthmus = alt.Chart(alt.InlineData(values=[boundary_feature])).mark_geoshape(
        filled=False, stroke="#222222", strokeWidth=1.2 if view is WORLD else 1.6,
        strokeDash=[3, 2],
    ).encode(tooltip=alt.Tooltip("properties.name:N", title="Line"))
    layers: list[alt.Chart] = [others, shapes, crimea, isthmus]

    small = states.loc[~states["on_map"], ["iso3", "iso_num", "lon", "lat"]].copy()
    placed = spread_points(view, list(zip(small["iso3"], small["lon"], small["lat"], strict=True)),
                           min_distance=math.sqrt(view.dot_size) * 1.6)
    small["px_lon"] = [placed[i][0] for i in small["iso3"]]
    small["px_lat"] = [placed[i][1] for i in small["iso3"]]
    small = small[[view.contains(lo, la, margin=4)
                   for lo, la in zip(small["px_lon"], small["px_lat"], strict=True)]]
    moved = small[(small["px_lon"] != small["lon"]) | (small["px_lat"] != small["lat"])]
    if len(moved):
        layers.append(alt.Chart(inline_data(moved[["lon", "lat", "px_lon", "px_lat"]]))
                      .mark_rule(color="#555555", strokeWidth=0.7, clip=clip).encode(
            longitude="lon:Q", latitude="lat:Q", longitude2="px_lon:Q", latitude2="px_lat:Q"))
    if len(small):
        dots = _with_facts(alt.Chart(inline_data(small[["iso_num", "px_lon", "px_lat"]])), lookup)
        layers.append(dots.transform_calculate(
            note="'too small for this map: shown as a dot'").mark_circle(
            size=view.dot_size, opacity=1, stroke="#333333", strokeWidth=0.7, clip=clip
        ).encode(longitude="px_lon:Q", latitude="px_lat:Q", color=vote_color(legend=False),
                 tooltip=[*_tips(), alt.Tooltip("note:N", title="Note")]))

    # Hollow symbols for votes not read off a UN record, over a white halo.
    weak = states["confidence"].isin(list(CONFIDENCE_MARKS)) & show_marks
    if view is WORLD:
        weak &= pd.Series([not any(v.contains(lo, la) for v in VIEWS[1:]) for lo, la in
                           zip(states["lon"], states["lat"], strict=True)], index=states.index)
    marks = states.loc[weak, ["iso3", "iso_num", "lon", "lat", "on_map"]].copy()
    on_dot = ~marks["on_map"]
    marks["m_lon"] = [placed[i][0] if d else lo for i, d, lo in
                      zip(marks["iso3"], on_dot, marks["lon"], strict=True)]
    marks["m_lat"] = [placed[i][1] if d else la for i, d, la in
                      zip(marks["iso3"], on_dot, marks["lat"], strict=True)]
    marks["size"] = [view.dot_size * 2.6 if d else view.dot_size * 0.7 for d in on_dot]
    marks = marks[[view.contains(lo, la, margin=2)
                   for lo, la in zip(marks["m_lon"], marks["m_lat"], strict=True)]]
    if len(marks):
        base = _with_facts(alt.Chart(inline_data(marks[["iso_num", "m_lon", "m_lat", "size"]])),
                           lookup).encode(
            longitude="m_lon:Q", latitude="m_lat:Q",
            size=alt.Size("size:Q", scale=None, legend=None),
            tooltip=_tips(),
        )
        halo = base.mark_point(filled=False, stroke="white", strokeWidth=2.6, opacity=0.9,
                               clip=clip).encode(shape=_mark_shape(legend, marks_title))
        symbol = base.mark_point(filled=False, stroke="#222222", strokeWidth=1.1, opacity=1,
                                 clip=clip).encode(shape=_mark_shape(legend, marks_title))
        layers += [halo, symbol]
    panel = alt.layer(*layers).project(**view.projection().to_dict()).properties(
        width=view.width, height=view.height)
    if clip:
        panel = panel.properties(title=alt.TitleParams(view.title, anchor="start", fontSize=12))
    return panel


@offline_chart
def vote_map(resolution: ResolutionRef = "2026", *, confidence: bool = True
             ) -> alt.VConcatChart:
    """A world map of one vote with Europe and the Caribbean zoomed, drawn offline.

    Member states are coloured by vote with the fixed colours (``unknown``
    light grey). Crimea is drawn inside Ukraine (resolution 68/262), with a
    dashed line at the isthmus and its own tooltip. A hollow symbol marks a
    vote not read off a UN record (``reported``, ``derived``, ``low``,
    ``disputed``; its legend is in the world map's empty South Pacific;
    the insets carry the symbols of Europe and the Caribbean). The vote
    legend is above the map. Small states are dots, spread apart where they
    would overlap, with a thin line to their true place. Shapes
    that are not UN member states are pale with a dashed outline. Every
    tooltip gives the vote, its confidence and its source. See
    :func:`vote_map_table` for the same facts as text.

    Parameters
    ----------
    resolution : str, default "2026"
    confidence : bool, default True
        Draw the hollow symbols of the votes not read off a UN record.
        ``False`` draws colours only (the subtitle then says the symbols are
        off; the tooltips still give each vote's confidence).

    Returns
    -------
    altair.VConcatChart
        780 px wide, under 600 px tall with its legends; its spec is about
        150 KB (the inlined topology).

    Examples
    --------
    >>> import json
    >>> spec = vote_map("2026").to_dict()
    >>> len(json.dumps(spec)) < 200_000
    True
    >>> spec["vconcat"][0]["projection"]["type"]
    'equalEarth'
    """
    table = vote_map_table(resolution)
    members = load_members(include_observers=True)
    info = members[["iso3", "iso_num", "lon", "lat", "has_shape_110m", "status"]].merge(
        table.drop(columns="on_map"), on="iso3", how="left"
    )
    members_only = info[info["status"] == "member"]
    urls = sorted(set(members_only["source_url"].dropna()) - {""})
    src = [urls.index(u) if u in urls else None for u in members_only["source_url"]]
    facts = inline_data(pd.DataFrame({
        "iso_num": members_only["iso_num"].astype(str),
        **{c: members_only[c].astype(object) for c in _FACT_FIELDS if c != "src"},
        "src": pd.Series(src, dtype=object, index=members_only.index),
    }))
    states = members_only.assign(on_map=lambda f: f["has_shape_110m"].astype(bool))
    lookup = alt.NamedData(name=FACTS_DATASET)

    n_unknown = int((table["vote"] == "unknown").sum())
    n_marked = int(table["confidence"].isin(list(CONFIDENCE_MARKS)).sum()) if confidence else 0
    marks_title = [f"Not read off a UN record ({n_marked} states):",
                   "(no symbol: a UN record)"] if n_marked else []
    world = _panel(WORLD, lookup, states, legend=True, marks_title=marks_title,
                   show_marks=confidence)
    insets = alt.hconcat(
        _panel(EUROPE, lookup, states, legend=False, show_marks=confidence),
        _panel(CARIBBEAN, lookup, states, legend=False, show_marks=confidence),
        spacing=10,
        title=alt.TitleParams(wrap_lines(BOUNDARY_NOTE, 130), orient="bottom", anchor="start",
                              fontSize=10, fontWeight="normal", color="#333333"),
    )
    unmarked = ("" if confidence or not int(table["confidence"].isin(list(CONFIDENCE_MARKS)).sum())
                else " Symbols for votes not read off a UN record: vote_map(..., confidence=True).")
    chart = alt.vconcat(
        world, insets, spacing=4,
        description=table.attrs["description"],
        title=alt.TitleParams(
            wrap_lines(f"How each member state voted on {vote_name(resolution)}", 108),
            fontSize=12,
            subtitle=[
                *wrap_lines(
                    f"Light grey: no sourced vote yet ({n_unknown} of {MEMBER_STATE_COUNT}). "
                    f"Dots: {int((~table['on_map']).sum())} states too small for the map. "
                    "Dashed outline: not a UN member." + unmarked, 125),
                *wrap_lines(CRIMEA_NOTE, 125),
            ],
            anchor="start",
        ),
    ).resolve_scale(color="shared", shape="shared").resolve_legend(shape="independent")
    chart.params = [
        alt.VariableParameter(name=_PARAMS["sources"], value=urls),
        alt.VariableParameter(name=_PARAMS["confidence"], value=CONFIDENCE_WORDS),
        alt.VariableParameter(name=_PARAMS["labels"], value=VOTE_LABELS),
    ]
    chart.usermeta = {"boundary_note": BOUNDARY_NOTE}
    # Set last: Altair deep-copies chart data on every method call.
    chart.datasets = {TOPOLOGY_DATASET: _topology(), FACTS_DATASET: facts.to_dict()["values"]}
    return chart
