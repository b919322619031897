"""A world map of one vote, drawn offline from the vendored world-atlas topology.

The map inlines ``data/maps/countries-110m.json`` (world-atlas 2.0.2, ISC
licence, Natural Earth data), so it needs no internet. Member states are
coloured by vote with the fixed vote colours; the 28 member states too small
for a 1:110m map are drawn as dots at a representative point; shapes that are
not UN member states (Taiwan, Western Sahara, Greenland, ...) are drawn in a
pale fill with a dashed outline and say so in their tooltip. Because a map
hides small states, :func:`vote_map_table` gives the same facts as text.

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
from functools import cache
from typing import Any

import altair as alt
import pandas as pd

from ._paths import data_dir
from .categories import VOTE_LABELS, VOTE_ORDER
from .charts import inline_data, vote_color, vote_name
from .errors import DataFileError
from .members import load_members
from .votes import load_votes

#: ISO numeric ids removed from the map: Antarctica (no state, and large).
DROPPED_SHAPES: tuple[str, ...] = ("010",)

#: Fill and outline of shapes that are not UN member states.
NON_MEMBER_FILL = "#F3F3F3"
NON_MEMBER_STROKE = "#8C8C8C"


@cache
def _topology() -> dict[str, Any]:
    """The world topology without the ``land`` object and Antarctica (cached)."""
    path = data_dir() / "maps" / "countries-110m.json"
    try:
        topo = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataFileError("the world map file is missing.", path=str(path)) from None
    except json.JSONDecodeError as exc:
        raise DataFileError(
            f"the world map file is not valid JSON: {exc}.", path=str(path)
        ) from None
    topo = copy.deepcopy(topo)
    topo["objects"].pop("land", None)
    countries = topo["objects"]["countries"]
    countries["geometries"] = [
        g for g in countries["geometries"] if g.get("id") not in DROPPED_SHAPES
    ]
    return topo


def world_topology() -> dict[str, Any]:
    """Return a copy of the TopoJSON used by :func:`vote_map` (object ``countries``).

    Examples
    --------
    >>> topo = world_topology()
    >>> sorted(topo["objects"])
    ['countries']
    >>> any(g.get("id") == "250" for g in topo["objects"]["countries"]["geometries"])
    True
    """
    return copy.deepcopy(_topology())


def vote_map_table(resolution: object = "2026") -> pd.DataFrame:
    """The facts of :func:`vote_map` as a table, one row per member state.

    Parameters
    ----------
    resolution : str, default "2026"

    Returns
    -------
    pandas.DataFrame
        ``name``, ``iso3``, ``region`` (UN M49 region), ``un_regional_group``,
        ``vote`` (ordered categorical, ``unknown`` when no source), ``label``,
        ``confidence``, ``on_map`` (True when the state has a shape on the
        1:110m map; False for the small states drawn as a dot), sorted by
        name. ``attrs["description"]`` holds the map's description.

    Examples
    --------
    >>> t = vote_map_table("ES-11/7").set_index("iso3")
    >>> str(t.loc["MLT", "vote"]), bool(t.loc["MLT", "on_map"])
    ('yes', False)
    """
    members = load_members()
    votes = load_votes(resolution)[["iso3", "vote", "confidence"]]
    frame = members.merge(votes, on="iso3", how="left", validate="one_to_one")
    out = pd.DataFrame(
        {
            "name": frame["name"].astype(str),
            "iso3": frame["iso3"].astype(str),
            "region": frame["m49_region"].astype(str),
            "un_regional_group": frame["un_regional_group"].astype(str),
            "vote": frame["vote"],
            "label": [VOTE_LABELS[str(v)] for v in frame["vote"]],
            "confidence": frame["confidence"].astype(str),
            "on_map": frame["has_shape_110m"].astype(bool),
        }
    )
    out = out.sort_values("name", key=lambda s: s.str.casefold(), kind="stable")
    out = out.reset_index(drop=True)
    out.attrs["description"] = _map_description(resolution, out)
    return out


def _non_member_names() -> list[str]:
    member_ids = set(load_members()["iso_num"].astype(str))
    names = []
    for g in _topology()["objects"]["countries"]["geometries"]:
        if g.get("id") not in member_ids and g.get("id") != "275":
            names.append(str(g.get("properties", {}).get("name", "")))
    return names


#: Shown under every map: the borders come from Natural Earth, not from the UN.
BOUNDARY_NOTE = (
    "Borders: Natural Earth 1:110m (world-atlas 2.0.2), which draws some disputed "
    "areas by de facto control: Crimea appears inside Russia's shape, which is not the "
    "position of General Assembly resolution 68/262. The map implies no view on any border."
)


def _map_description(resolution: object, table: pd.DataFrame) -> str:
    counts = table["vote"].value_counts()
    parts = ", ".join(
        f"{int(counts.get(v, 0))} {VOTE_LABELS[v].split(' (')[0].lower()}" for v in VOTE_ORDER
    )
    dots = table.loc[~table["on_map"], "name"].tolist()
    others = _non_member_names()
    return (
        f"World map (Equal Earth projection) of how the 193 UN member states voted on "
        f"{vote_name(resolution)}, coloured by the vote the sources name: {parts} "
        f"(unknown = no source yet, in light grey). {len(dots)} member states too small for "
        f"the map are drawn as dots: {', '.join(dots)}. Shapes that are not UN member states "
        f"({', '.join(others[:5])} and others) have a pale fill and dashed outline; "
        "Palestine is a non-member observer state and cannot vote. " + BOUNDARY_NOTE
    )


def vote_map(resolution: object = "2026") -> alt.LayerChart:
    """A world choropleth of one vote, drawn offline (no URLs in the spec).

    Layers: shapes that are not UN member states (pale, dashed outline,
    tooltip "not a UN member"; Palestine "observer state, cannot vote");
    member states coloured by vote with the fixed colours (``unknown`` in
    light grey); dots for the member states without a shape at 1:110m
    (Malta, Singapore, Tuvalu, ...). Tooltips give the name, the vote and its
    confidence. Equal Earth projection. See :func:`vote_map_table` for the
    same facts as text.

    Parameters
    ----------
    resolution : str, default "2026"

    Returns
    -------
    altair.LayerChart
        Its spec is about 150 KB (the inlined topology).

    Examples
    --------
    >>> import json
    >>> spec = vote_map("2026").to_dict()
    >>> len(json.dumps(spec)) < 200_000
    True
    >>> spec["projection"]["type"]
    'equalEarth'
    """
    table = vote_map_table(resolution)
    members = load_members(include_observers=True)
    info = members[["iso3", "iso_num", "name", "lon", "lat", "has_shape_110m", "status"]].merge(
        table[["iso3", "vote", "label", "confidence", "region"]], on="iso3", how="left"
    )
    info["vote"] = info["vote"].astype(object).where(info["vote"].notna(), None)
    lookup = pd.DataFrame(
        {
            "iso_num": info["iso_num"].astype(str),
            "name": info["name"].astype(str),
            "vote": info["vote"],
            "label": info["label"].astype(object).where(info["label"].notna(), None),
            "confidence": info["confidence"].astype(object).where(info["confidence"].notna(),
                                                                  None),
            "region": info["region"].astype(object).where(info["region"].notna(), None),
        }
    )
    shaped = lookup[info["has_shape_110m"].to_numpy()]
    member_tips = [
        alt.Tooltip("name:N", title="Member state"),
        alt.Tooltip("label:N", title="Vote"),
        alt.Tooltip("confidence:N", title="Confidence"),
        alt.Tooltip("region:N", title="Region"),
    ]
    fields = ["name", "vote", "label", "confidence", "region"]
    others = alt.Chart().transform_lookup(
        lookup="id", from_=alt.LookupData(inline_data(shaped), key="iso_num", fields=fields)
    ).transform_filter("!isValid(datum.vote)").transform_calculate(
        place="isValid(datum.name) ? datum.name : datum.properties.name",
        status="datum.id === '275' ? 'observer state, cannot vote' : 'not a UN member'",
    ).mark_geoshape(
        fill=NON_MEMBER_FILL, stroke=NON_MEMBER_STROKE, strokeWidth=0.6, strokeDash=[2, 2]
    ).encode(
        tooltip=[alt.Tooltip("place:N", title="Place"), alt.Tooltip("status:N", title="Status")]
    )
    states = alt.Chart().transform_lookup(
        lookup="id", from_=alt.LookupData(inline_data(shaped), key="iso_num", fields=fields)
    ).transform_filter("isValid(datum.vote)").mark_geoshape(
        stroke="white", strokeWidth=0.4
    ).encode(color=vote_color(), tooltip=member_tips)
    small = info[(~info["has_shape_110m"]) & (info["status"] == "member")]
    dots_data = pd.DataFrame(
        {
            "name": small["name"].astype(str),
            "vote": small["vote"],
            "label": small["label"].astype(str),
            "confidence": small["confidence"].astype(str),
            "region": small["region"].astype(str),
            "lon": small["lon"].astype(float),
            "lat": small["lat"].astype(float),
            "note": "too small for this map: shown as a dot",
        }
    )
    dots = alt.Chart(inline_data(dots_data)).mark_circle(
        size=45, opacity=1, stroke="#333333", strokeWidth=0.7
    ).encode(
        longitude="lon:Q",
        latitude="lat:Q",
        color=vote_color(),
        tooltip=[*member_tips, alt.Tooltip("note:N", title="Note")],
    )
    n_unknown = int((table["vote"] == "unknown").sum())
    chart = alt.layer(others, states, dots).project("equalEarth").properties(
        width=720,
        height=340,
        title=alt.TitleParams(
            f"How each member state voted on {vote_name(resolution)}",
            subtitle=[
                f"Light grey: no sourced vote yet ({n_unknown} of 193 states). Dots: "
                f"{len(dots_data)} states too small for this map. Dashed outline: not a UN "
                "member state.",
                "Borders from Natural Earth, which draws Crimea inside Russia (de facto "
                "control); resolution 68/262 affirms Ukraine's borders.",
            ],
            anchor="start",
        ),
        description=table.attrs["description"],
    )
    # The shapes and the member-state layer share the topology, set last: Altair
    # deep-copies a chart's data on every method call, and the topology is large.
    chart.data = alt.InlineData(
        values=_topology(), format=alt.DataFormat(type="topojson", feature="countries")
    )
    return chart
