"""Compare a learner's value with the expected one, by kind, without ever raising.

Each exercise of the bank names a *kind* of answer (a count, a share, a list of
names, a Series, a table, a chart...). :func:`compare` says whether a value of
that kind equals the expected value, and, when the value is not even of the
right kind, says what was expected and what was given ("a Series indexed by
vote, got a DataFrame"). It never raises on a learner's value.

Examples
--------
>>> import pandas as pd
>>> compare("count", 12, 12).ok
True
>>> compare("count", pd.Series([12]), 12).problem
'expected a single whole number, got a Series'
>>> compare("share", 0.899, 0.89916).ok, compare("share", 89.9, 0.89916).ok
(True, False)
>>> compare("labels", ["Belarus", "russia"], ["Russia", "Belarus"]).ok
True
"""

from __future__ import annotations

import math
import numbers
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

__all__ = ["KINDS", "Kind", "Verdict", "compare", "describe", "has_blank"]

Kind = Literal["count", "number", "share", "labels", "text", "bool", "series", "frame", "chart"]

#: What each kind of answer is, in the words a learner reads in "expected ...".
KINDS: dict[str, str] = {
    "count": "a single whole number",
    "number": "a single number",
    "share": "a share between 0 and 1 (not a percentage)",
    "labels": "a list of names",
    "text": "a short piece of text",
    "bool": "True or False",
    "series": "a pandas Series",
    "frame": "a pandas DataFrame",
    "chart": "an Altair chart",
}


@dataclass(frozen=True)
class Verdict:
    """The outcome of one comparison.

    Attributes
    ----------
    ok : bool
        True only when the value equals the expected one.
    problem : str or None
        Set when the value is not of the expected kind or shape: what was
        expected and what was given. None when it is of the right kind.
    """

    ok: bool
    problem: str | None = None


def describe(value: Any) -> str:
    """Name the type of ``value`` as a learner knows it.

    Examples
    --------
    >>> describe(pd.DataFrame()), describe(3.5), describe("x"), describe(None)
    ('a DataFrame', 'a number with decimals (3.5)', "a piece of text ('x')", 'None')
    """
    if value is None:
        return "None"
    if value is Ellipsis:
        return "the blank ..."
    if isinstance(value, pd.DataFrame):
        return "a DataFrame"
    if isinstance(value, pd.Series):
        return "a Series"
    if isinstance(value, pd.Index):
        return "an Index"
    if isinstance(value, bool | np.bool_):
        return f"{bool(value)}"
    if isinstance(value, numbers.Integral):
        return f"a whole number ({int(value)})"
    if isinstance(value, numbers.Real):
        return f"a number with decimals ({float(value):g})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"a piece of text ({shown!r})"
    if isinstance(value, list | tuple | set | frozenset):
        return f"a {type(value).__name__} of {len(value)} item(s)"
    if type(value).__module__.startswith("altair"):
        return f"an Altair {type(value).__name__}"
    return f"a {type(value).__name__}"


def has_blank(value: Any) -> bool:
    """True when ``value`` is the blank ``...`` or a list/tuple/set holding it.

    Examples
    --------
    >>> has_blank(...), has_blank([1, ...]), has_blank(0)
    (True, True, False)
    """
    if value is Ellipsis:
        return True
    if isinstance(value, list | tuple | set | frozenset):
        return any(v is Ellipsis for v in value)
    return False


def _fold(text: Any) -> str:
    """Case- and accent-insensitive form of a label."""
    norm = unicodedata.normalize("NFKD", str(text).strip())
    return "".join(c for c in norm if not unicodedata.combining(c)).casefold()


def _as_real(value: Any) -> float | None:
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real):
        return None
    return float(value)


def _scalar(kind: str, value: Any, expected: Any, tol: float) -> Verdict:
    if isinstance(value, pd.Series | pd.DataFrame | pd.Index | list | tuple | np.ndarray):
        return Verdict(False, f"expected {KINDS[kind]}, got {describe(value)}")
    number = _as_real(value)
    if number is None:
        return Verdict(False, f"expected {KINDS[kind]}, got {describe(value)}")
    if math.isnan(number):
        return Verdict(False, f"expected {KINDS[kind]}, got NaN (not a number)")
    if kind == "count":
        if not float(number).is_integer():
            return Verdict(False, f"expected {KINDS[kind]}, got {describe(value)}")
        return Verdict(int(number) == int(expected))
    return Verdict(abs(number - float(expected)) <= tol)


def _labels(value: Any, expected: Iterable[Any]) -> Verdict:
    if isinstance(value, str) or not isinstance(
            value, list | tuple | set | frozenset | pd.Series | pd.Index | np.ndarray):
        return Verdict(False, f"expected {KINDS['labels']}, got {describe(value)}")
    items = [_fold(v) for v in (value.tolist() if hasattr(value, "tolist") else value)]
    if len(items) != len(set(items)):
        return Verdict(False, "expected a list of names with each name once, got repeats")
    return Verdict(set(items) == {_fold(v) for v in expected})


def _keyed(obj: pd.Series) -> dict[str, Any]:
    return {_fold(k): v for k, v in obj.items()}


def _same_values(a: Mapping[str, Any], b: Mapping[str, Any], tol: float, zero_fill: bool
                 ) -> bool:
    keys = set(a) | set(b)
    for key in keys:
        default = 0 if zero_fill else None
        x, y = a.get(key, default), b.get(key, default)
        if x is None or y is None:
            return False
        fx, fy = _as_real(x), _as_real(y)
        if fx is None or fy is None:
            if _fold(x) != _fold(y):
                return False
        elif not (abs(fx - fy) <= tol or (math.isnan(fx) and math.isnan(fy))):
            return False
    return True


def _series(value: Any, expected: pd.Series, tol: float, zero_fill: bool, index_name: str
            ) -> Verdict:
    want = f"a Series indexed by {index_name}" if index_name else KINDS["series"]
    if isinstance(value, pd.DataFrame):
        hint = " (pick one column with frame['name'])" if value.shape[1] == 1 else ""
        return Verdict(False, f"expected {want}, got a DataFrame{hint}")
    if not isinstance(value, pd.Series):
        return Verdict(False, f"expected {want}, got {describe(value)}")
    if value.index.has_duplicates:
        return Verdict(False, f"expected {want} with each label once, got repeated labels")
    try:
        got = _keyed(value)
    except TypeError:  # pragma: no cover - unhashable labels
        return Verdict(False, f"expected {want}, got a Series with unusual labels")
    return Verdict(_same_values(got, _keyed(expected), tol, zero_fill))


def _frame_dict(frame: pd.DataFrame) -> dict[str, Any]:
    return {f"{_fold(r)}\x00{_fold(c)}": v
            for c, column in frame.items() for r, v in column.items()}


def _frame(value: Any, expected: pd.DataFrame, tol: float, zero_fill: bool) -> Verdict:
    if isinstance(value, pd.Series):
        return Verdict(False, "expected a DataFrame (a table with rows and columns), got a "
                              "Series")
    if not isinstance(value, pd.DataFrame):
        return Verdict(False, f"expected {KINDS['frame']}, got {describe(value)}")
    if value.index.has_duplicates or value.columns.has_duplicates:
        return Verdict(False, "expected a table with each row and column label once, got "
                              "repeated labels")
    return Verdict(_same_values(_frame_dict(value), _frame_dict(expected), tol, zero_fill))


def chart_values(chart: Any) -> tuple[pd.Series | None, str | None]:
    """Read the category -> value pairs a simple Altair bar chart draws.

    Returns ``(series, None)`` for a chart whose x or y is a category and the
    other a number, else ``(None, what is wrong)``. Only a chart's own inline
    data is read (``alt.Chart(frame)``), never a URL.

    Examples
    --------
    >>> import altair as alt
    >>> frame = pd.DataFrame({"vote": ["yes", "no"], "n": [3, 1]})
    >>> s, why = chart_values(alt.Chart(frame).mark_bar().encode(x="vote", y="n"))
    >>> s.to_dict(), why
    ({'yes': 3, 'no': 1}, None)
    """
    try:
        spec = chart.to_dict()
    except Exception as exc:  # any failure of a learner's chart is reported, not raised
        return None, f"the chart could not be built ({type(exc).__name__}: {exc})"
    mark = spec.get("mark")
    mark_type = mark.get("type") if isinstance(mark, dict) else mark
    if mark_type != "bar":
        return None, f"expected a bar chart (mark_bar), got mark {mark_type!r}"
    enc = spec.get("encoding", {})
    fields = {ch: enc.get(ch, {}).get("field") for ch in ("x", "y")}
    if not all(fields.values()):
        return None, "expected a chart with both x and y encoded from columns of its data"
    data = spec.get("data", {})
    rows = data.get("values")
    if rows is None and "name" in data:
        rows = spec.get("datasets", {}).get(data["name"])
    if not isinstance(rows, list) or not rows:
        return None, "expected a chart of a DataFrame (alt.Chart(frame)), found no data in it"
    frame = pd.DataFrame(rows)
    for category, number in (("x", "y"), ("y", "x")):
        cf, nf = fields[category], fields[number]
        if cf in frame and nf in frame and pd.api.types.is_numeric_dtype(frame[nf]) \
                and not pd.api.types.is_numeric_dtype(frame[cf]):
            if frame[cf].duplicated().any():
                return None, "expected one bar per category, got repeated categories"
            return pd.Series(frame[nf].to_numpy(), index=frame[cf].astype(str)), None
    return None, "expected one axis to be a category (text) and the other a number"


def chart_colors(chart: Any) -> dict[str, str]:
    """The category -> colour mapping of a chart's ``color`` scale, if it sets one.

    Examples
    --------
    >>> import altair as alt
    >>> frame = pd.DataFrame({"vote": ["yes"], "n": [3]})
    >>> c = alt.Chart(frame).mark_bar().encode(x="vote", y="n", color=alt.Color(
    ...     "vote", scale=alt.Scale(domain=["yes"], range=["#0072B2"])))
    >>> chart_colors(c)
    {'yes': '#0072B2'}
    """
    try:
        scale = chart.to_dict().get("encoding", {}).get("color", {}).get("scale", {})
    except Exception:  # pragma: no cover - reported by chart_values first
        return {}
    domain, colours = scale.get("domain"), scale.get("range")
    if not isinstance(domain, list) or not isinstance(colours, list):
        return {}
    return {str(d): str(c).upper() for d, c in zip(domain, colours, strict=False)}


def _colour_of(colors: Mapping[str, str], key: Any) -> str:
    """The colour ``colors`` gives ``key`` (labels compared as in :func:`_fold`), upper case."""
    return next(str(c).upper() for k, c in colors.items() if _fold(k) == _fold(key))


def compare(kind: str, value: Any, expected: Any, *, tol: float = 0.0005,
            zero_fill: bool = True, index_name: str = "",
            colors: Mapping[str, str] | None = None) -> Verdict:
    """Compare ``value`` with ``expected`` as an answer of ``kind``; never raises.

    Parameters
    ----------
    kind : str
        One of :data:`KINDS`.
    value : object
        The learner's value.
    expected : object
        The right value: an ``int`` for ``count``, a float for ``number`` and
        ``share``, an iterable of str for ``labels``, a str (or a tuple of
        accepted str) for ``text``, a bool, a Series for ``series`` and
        ``chart`` (category -> bar value; for ``chart`` also another chart,
        whose bars are read), a DataFrame for ``frame``.
    tol : float, default 0.0005
        Largest accepted difference between numbers (a share rounded to three
        decimals passes).
    zero_fill : bool, default True
        Series and tables: a missing label counts as 0 (``value_counts`` leaves
        out categories with no row).
    index_name : str, optional
        Series: what the index holds, for the message ("vote").
    colors : dict, optional
        Charts: the colour each category's bar must have (e.g.
        ``ut.VOTE_COLORS``), set with ``alt.Scale(domain=..., range=...)``.

    Returns
    -------
    Verdict

    Examples
    --------
    >>> compare("text", " Operative", ("operative",)).ok
    True
    >>> compare("bool", "yes", True).problem
    "expected True or False, got a piece of text ('yes')"
    >>> s = pd.Series({"yes": 3, "no": 1})
    >>> compare("series", s.to_frame(), s, index_name="vote").problem
    "expected a Series indexed by vote, got a DataFrame (pick one column with frame['name'])"
    >>> import altair as alt
    >>> plain = alt.Chart(s.rename("n").rename_axis("vote").reset_index()).mark_bar().encode(
    ...     x="vote", y="n")
    >>> compare("chart", plain, s).ok
    True
    >>> compare("chart", plain, s, colors={"yes": "#0072B2", "no": "#D55E00"}).problem
    "the bars are right, but not in the course's colours (yes, no): colour them by vote ..."
    """
    if kind in ("count", "number", "share"):
        return _scalar(kind, value, expected, 0 if kind == "count" else tol)
    if kind == "labels":
        return _labels(value, expected)
    if kind == "text":
        if not isinstance(value, str):
            return Verdict(False, f"expected {KINDS['text']}, got {describe(value)}")
        accepted = (expected,) if isinstance(expected, str) else tuple(expected)
        return Verdict(_fold(value) in {_fold(a) for a in accepted})
    if kind == "bool":
        if not isinstance(value, bool | np.bool_):
            return Verdict(False, f"expected {KINDS['bool']}, got {describe(value)}")
        return Verdict(bool(value) == bool(expected))
    if kind == "series":
        return _series(value, expected, tol, zero_fill, index_name)
    if kind == "frame":
        return _frame(value, expected, tol, zero_fill)
    if kind == "chart":
        if not type(value).__module__.startswith("altair"):
            return Verdict(False, f"expected {KINDS['chart']}, got {describe(value)}")
        drawn, why = chart_values(value)
        if drawn is None:
            return Verdict(False, why)
        if type(expected).__module__.startswith("altair"):  # e.g. a typical wrong chart
            expected, _ = chart_values(expected)
            if expected is None:
                return Verdict(False)
        if not _same_values(_keyed(drawn), _keyed(expected), tol, zero_fill=False):
            return Verdict(False)
        if colors:
            drawn_colors = {_fold(k): c for k, c in chart_colors(value).items()}
            wrong = [str(k) for k in drawn.index
                     if _fold(k) in {_fold(c) for c in colors}
                     and drawn_colors.get(_fold(k)) != _colour_of(colors, k)]
            if wrong:
                return Verdict(False, "the bars are right, but not in the course's colours "
                                      f"({', '.join(wrong)}): colour them by vote with "
                                      "alt.Scale(domain=..., range=...) from ut.VOTE_COLORS")
        return Verdict(True)
    raise ValueError(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
