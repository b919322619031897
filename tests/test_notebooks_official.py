"""With an official UN voting file configured, every notebook runs and shows it.

The fixture ``tests/fixtures/undl_sample.csv`` is in the UN Digital Library's
format and holds the complete votes we ship (68/262, ES-11/1, ES-11/7, ES-11/8,
ES-11/9). With ``UNGA_TEACH_UNDL`` pointing at it, the loaders use it as the
official record, and ``ut.coverage()`` says so in its ``record`` column.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from nbexec import WidgetSafeClient  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "undl_sample.csv"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]*_*.ipynb"))  # 00_..., 01a_...

PROBE = (
    "import unga_teach as _ut\n"
    "_c = _ut.coverage().set_index('resolution')['record']\n"
    "print('RECORD', _c['ES-11/7'], _c['2026'])\n"
    "print('CONFIDENCE', _ut.load_votes('ES-11/7')['confidence'].astype(str).unique().tolist())"
)


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_with_the_official_record(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("UNGA_TEACH_UNDL", str(FIXTURE))
    monkeypatch.setenv("UNGA_TEACH_CACHE", str(tmp_path / "cache"))
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(PROBE))
    client = WidgetSafeClient(nb, kernel_name="python3", timeout=180,
                              store_widget_state=False,
                              resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError on any error
    probe = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    assert "RECORD official shipped" in probe, probe
    assert "CONFIDENCE ['official']" in probe, probe
