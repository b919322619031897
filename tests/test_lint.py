"""ruff is clean over the repository (the README's lint command)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_is_clean() -> None:
    try:
        proc = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT,
                              capture_output=True, text=True, timeout=300)
    except FileNotFoundError:  # pragma: no cover
        pytest.skip("ruff is not installed (it is in the test extra)")
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-1000:]
