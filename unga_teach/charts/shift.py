"""How states' votes moved between two resolutions (a from/to bubble grid).

Examples
--------
>>> int(shift_table("ES-11/7", "2026")["count"].sum())
193
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import altair as alt
import pandas as pd

from ..analysis import transitions
from ..categories import MEMBER_STATE_COUNT, VOTE_LABELS, VOTE_ORDER
from ..notebook import offline_chart
from ..resolutions import resolution_info
from ..types import ResolutionRef
from .style import (
    SOURCES_HINT,
    confidence_by_state,
    confidence_summary,
    described_table,
    state_names,
    vote_color,
    vote_label_expr,
    vote_name,
)


def shift_table(res_a: ResolutionRef = "ES-11/7", res_b: ResolutionRef = "2026") -> pd.DataFrame:
    """The numbers behind :func:`shift_chart`: every from/to combination.

    Returns
    -------
    pandas.DataFrame
        :func:`unga_teach.transitions` plus ``from_label``, ``to_label`` and
        ``names`` (the states' names, comma-separated).

    Examples
    --------
    >>> t = shift_table("ES-11/7", "2026")
    >>> int(t["count"].sum())
    193
    """
    t = transitions(res_a, res_b)
    t["from_label"] = [VOTE_LABELS[str(v)] for v in t["from_vote"]]
    t["to_label"] = [VOTE_LABELS[str(v)] for v in t["to_vote"]]
    t["names"] = [state_names(s, limit=1000) for s in t["states"]]
    return described_table(t, _shift_description(res_a, res_b, t))


def _shift_description(res_a: ResolutionRef, res_b: ResolutionRef, t: pd.DataFrame) -> str:
    # 25 rows: plain Python is several times faster here than pandas masks on categoricals
    rows = list(zip(t["from_vote"].astype(str), t["to_vote"].astype(str),
                    t["count"].astype(int), strict=True))
    same_known = sum(n for f, to, n in rows if f == to and f != "unknown")
    unknown = sum(n for f, to, n in rows if "unknown" in (f, to))
    moved = "; ".join(
        f"{n} from {VOTE_LABELS[f].lower()} to {VOTE_LABELS[to].lower()}"
        for f, to, n in rows if f != to and "unknown" not in (f, to) and n > 0
    )
    text = (
        f"Grid of circles showing how the {MEMBER_STATE_COUNT} member states' votes moved from "
        f"{vote_name(res_a)} (rows) to {vote_name(res_b)} (columns); circle size is the "
        f"number of states. {same_known} states cast the same known vote both times"
    )
    text += f"; changes: {moved}." if moved else "; no state is known to have changed."
    if unknown:
        text += f" For {unknown} states at least one of the two votes is unknown (no source)."
    return text


@offline_chart
def shift_chart(res_a: ResolutionRef = "ES-11/7", res_b: ResolutionRef = "2026") -> alt.LayerChart:
    """How states' votes moved between two resolutions, as a from/to bubble grid.

    Rows: the vote on ``res_a``; columns: the vote on ``res_b``; circle area:
    the number of states, coloured by their vote on ``res_b``. The diagonal
    (outlined cells) holds states that voted the same way both times.
    ``unknown`` is a row and a column like any other.

    Examples
    --------
    >>> spec = shift_chart("ES-11/7", "2026").to_dict()
    >>> spec["layer"][2]["encoding"]["x"]["sort"][-1]
    'unknown'
    """
    return alt.LayerChart.from_dict(shift_chart_spec(res_a, res_b), validate=False)


#: Placeholders in the cached shift-chart template (private-use characters).
_TOKENS = {k: f"\ue000{k}\ue001" for k in ("A", "B", "VA", "VB", "DESC")}


@cache
def _shift_template() -> str:
    """The shift chart's spec with placeholders, built once.

    Not validated against the Vega-Lite schema here: that costs about 0.2 s
    on a widget's first build, and the spec is made by code, not by the
    learner. The tests validate the same spec (``shift_chart(...).to_dict()``).
    """
    return json.dumps(_build_shift_chart(
        _TOKENS["A"], _TOKENS["B"], _TOKENS["VA"], _TOKENS["VB"], _TOKENS["DESC"]
    ).to_dict(validate=False), ensure_ascii=False)


def shift_chart_spec(
    res_a: ResolutionRef = "ES-11/7", res_b: ResolutionRef = "2026"
) -> dict[str, Any]:
    """The Vega-Lite spec of :func:`shift_chart`, built fast from a cached template.

    Widgets use it to redraw in a few milliseconds: the chart's structure is
    built and validated once; each call fills in the names and the data.

    Examples
    --------
    >>> spec = shift_chart_spec("ES-11/7", "2026")
    >>> sum(r["count"] for r in spec["datasets"]["transitions"])
    193
    """
    t = shift_table(res_a, res_b)
    values = {
        "A": str(resolution_info(res_a)["id"]),
        "B": str(resolution_info(res_b)["id"]),
        "VA": vote_name(res_a),
        "VB": vote_name(res_b),
        "DESC": str(t.attrs["description"]),
    }
    how_a, how_b = confidence_by_state(res_a), confidence_by_state(res_b)
    text = _shift_template()
    for key, token in _TOKENS.items():
        text = text.replace(token, json.dumps(values[key])[1:-1])
    spec: dict[str, Any] = json.loads(text)
    data = pd.DataFrame(
        {
            "from_vote": t["from_vote"].astype(str),
            "to_vote": t["to_vote"].astype(str),
            "from_label": t["from_label"],
            "to_label": t["to_label"],
            "count": t["count"].astype(int),
            "names": [state_names(s, limit=30) for s in t["states"]],
            "diagonal": (t["from_vote"].astype(str) == t["to_vote"].astype(str)).to_numpy(),
            "how_known": [
                f"{values['A']}: {confidence_summary(how_a[i] for i in s)}; "
                f"{values['B']}: {confidence_summary(how_b[i] for i in s)}"
                for s in t["states"]
            ],
            "sources": SOURCES_HINT,
        }
    )
    spec["datasets"] = {"transitions": json.loads(data.to_json(orient="records"))}
    return spec


def _build_shift_chart(
    name_a: str, name_b: str, vote_name_a: str, vote_name_b: str, description: str
) -> alt.LayerChart:
    x = alt.X("to_vote:N", sort=list(VOTE_ORDER), title=f"Vote on {name_b}",
              axis=alt.Axis(labelExpr=vote_label_expr(), labelAngle=0, orient="top",
                            labelLimit=120))
    y = alt.Y("from_vote:N", sort=list(VOTE_ORDER), title=f"Vote on {name_a}",
              axis=alt.Axis(labelExpr=vote_label_expr(), labelLimit=140))
    tips = [
        alt.Tooltip("from_label:N", title=f"Vote on {name_a}"),
        alt.Tooltip("to_label:N", title=f"Vote on {name_b}"),
        alt.Tooltip("count:Q", title="States"),
        alt.Tooltip("names:N", title="Who"),
        alt.Tooltip("how_known:N", title="Confidence"),
        alt.Tooltip("sources:N", title="Sources"),
    ]
    cells = alt.Chart().mark_rect(
        fill="#F7F7F7", stroke="white", strokeWidth=2
    ).encode(x=x, y=y, tooltip=tips)
    diagonal = alt.Chart().transform_filter("datum.diagonal").mark_rect(
        filled=False, stroke="#666666", strokeWidth=1.5
    ).encode(x=x, y=y, tooltip=tips)
    bubbles = alt.Chart().transform_filter("datum.count > 0").mark_circle(
        opacity=0.9, stroke="#333333", strokeWidth=0.5
    ).encode(
        x=x, y=y,
        size=alt.Size("count:Q", scale=alt.Scale(range=[0, 3600], domain=[0, MEMBER_STATE_COUNT]),
                      legend=None),
        color=vote_color(field="to_vote", title=f"Vote on {name_b}"),
        tooltip=tips,
    )
    labels = alt.Chart().transform_filter("datum.count > 0").mark_text(
        fontSize=12, fontWeight="bold", align="left", baseline="top", dx=-41, dy=-31,
        color="#222222",
    ).encode(x=x, y=y, text="count:Q", tooltip=tips)
    return alt.layer(cells, diagonal, bubbles, labels, data=alt.Data(name="transitions")
                     ).properties(
        width=alt.Step(90), height=alt.Step(70),
        title=alt.TitleParams(
            f"How votes moved from {name_a} to {name_b}",
            subtitle=[f"Rows: {vote_name_a}", f"Columns: {vote_name_b}",
                      "Outlined cells: same vote both times. Grey: no source for a vote."],
            anchor="start",
        ),
        description=description,
        datasets={"transitions": []},
    )
