"""One contract for every public loader, found by introspection.

Every ``ut.load_*`` function:

* returns a tidy ``pandas.DataFrame`` with a fresh ``RangeIndex``;
* returns a copy: changing what one call returned never changes the next call;
* returns the same columns and dtypes on every call;
* takes its options by keyword only (``load_members(True)`` is a ``TypeError``);
* when it takes a ``resolution``, names it ``resolution``, accepts the course's
  ids, symbols and drafts, and rejects an unknown one with
  ``UnknownResolutionError`` listing the accepted ids.

A new loader is covered as soon as it is exported.
"""

from __future__ import annotations

import inspect

import pandas as pd
import pytest

import unga_teach as ut
from unga_teach.errors import UnknownResolutionError

LOADERS = sorted(name for name in ut._EXPORTS if name.startswith("load_"))


def _loader(name: str):
    return getattr(ut, name)


def test_loaders_are_found() -> None:
    assert {"load_members", "load_votes", "load_resolutions", "load_statements",
            "load_paragraphs", "load_sources", "load_conflicts", "load_groups"} <= set(LOADERS)


@pytest.mark.parametrize("name", LOADERS)
def test_returns_a_tidy_frame(name: str) -> None:
    frame = _loader(name)()
    assert isinstance(frame, pd.DataFrame), f"{name} must return a DataFrame"
    assert isinstance(frame.index, pd.RangeIndex) and frame.index.start == 0
    assert frame.columns.is_unique and len(frame) > 0


@pytest.mark.parametrize("name", LOADERS)
def test_returns_a_copy(name: str) -> None:
    fn = _loader(name)
    first = fn()
    before = fn()
    first.iloc[0, 0] = first.iloc[len(first) - 1, 0]  # a cell changed in place
    first[first.columns[-1]] = None  # a column replaced
    after = fn()
    pd.testing.assert_frame_equal(before, after)


@pytest.mark.parametrize("name", LOADERS)
def test_same_columns_and_dtypes_on_every_call(name: str) -> None:
    fn = _loader(name)
    a, b = fn(), fn()
    assert list(a.columns) == list(b.columns)
    assert a.dtypes.astype(str).tolist() == b.dtypes.astype(str).tolist()


@pytest.mark.parametrize("name", LOADERS)
def test_options_are_keyword_only(name: str) -> None:
    params = inspect.signature(_loader(name)).parameters.values()
    positional = [p.name for p in params
                  if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    assert positional in ([], ["resolution"]), (
        f"{name}: only `resolution` may be passed by position, found {positional}")


def test_a_positional_boolean_is_refused() -> None:
    with pytest.raises(TypeError):
        ut.load_members(True)  # type: ignore[misc]
    with pytest.raises(TypeError):
        ut.load_resolutions(False)  # type: ignore[misc]


RESOLUTION_LOADERS = [n for n in LOADERS
                      if "resolution" in inspect.signature(_loader(n)).parameters]


def test_resolution_loaders_are_found() -> None:
    assert {"load_votes", "load_statements", "load_paragraphs",
            "load_conflicts"} <= set(RESOLUTION_LOADERS)


@pytest.mark.parametrize("name", RESOLUTION_LOADERS)
def test_unknown_resolution_gives_the_same_error(name: str) -> None:
    with pytest.raises(UnknownResolutionError) as info:
        _loader(name)("ES-11/99")
    message = str(info.value)
    assert "'ES-11/99'" in message and "2026" in message and "68/262" in message


@pytest.mark.parametrize("name", RESOLUTION_LOADERS)
def test_id_symbol_and_draft_give_the_same_rows(name: str) -> None:
    fn = _loader(name)
    by_id = fn("2026")
    pd.testing.assert_frame_equal(by_id, fn("A/ES-11/L.17"))
    if len(fn("ES-11/7")):
        pd.testing.assert_frame_equal(fn("ES-11/7"), fn("A/RES/ES-11/7"))


def test_member_count_constant_matches_the_data() -> None:
    from unga_teach.categories import MEMBER_STATE_COUNT

    assert len(ut.load_members()) == MEMBER_STATE_COUNT


def test_the_member_count_has_one_source() -> None:
    """No module spells 193 as a number: they use categories.MEMBER_STATE_COUNT."""
    import ast
    from pathlib import Path

    package = Path(ut.__file__).parent
    found = []
    for path in sorted(package.rglob("*.py")):
        if path.name == "categories.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value == 193 and type(node.value) is int:
                found.append(f"{path.relative_to(package)}:{node.lineno}")
    assert not found, found
