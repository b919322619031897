"""Each notebook's stated time is the estimate recomputed from the committed notebook.

The method (reading speed, a minute per code cell, each exercise's own minutes)
is stated in every notebook's header and in ``tools/course/series.py``; the
README table, ``notebooks/README.md`` and notebook 00's plan use the same
numbers.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from course.series import ESTIMATE_METHOD, SERIES, estimate_minutes  # noqa: E402


@pytest.mark.parametrize("entry", SERIES, ids=[e.number for e in SERIES])
def test_stated_time_is_the_estimate(entry) -> None:
    nb = nbformat.read(ROOT / "notebooks" / entry.file, as_version=4)
    assert estimate_minutes(nb.cells) == entry.minutes, (
        f"{entry.file}: series.py says {entry.minutes} min, the notebook now estimates "
        f"{estimate_minutes(nb.cells)}: update tools/course/series.py and rebuild")
    title = nb.cells[0].source
    assert f"**Estimated time:** {entry.minutes} minutes" in title
    assert ESTIMATE_METHOD in title


@pytest.mark.parametrize("path", ["README.md", "notebooks/README.md"])
def test_tables_state_the_same_times(path: str) -> None:
    text = (ROOT / path).read_text(encoding="utf-8")
    for entry in SERIES:
        row = next((ln for ln in text.splitlines() if entry.file in ln and ln.startswith("|")),
                   None)
        assert row is not None, f"{path}: no row for {entry.file}"
        assert f"{entry.minutes} min" in row, f"{path}: {entry.file} row says another time"
