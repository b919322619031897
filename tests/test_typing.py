"""Types: the package type-checks with mypy, and every lazy export is visible to type checkers.

``unga_teach/__init__.py`` imports its public names on first use (no import-time
work); its ``TYPE_CHECKING`` block must import the same names, so IDEs and type
checkers see every one of them.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import unga_teach as ut

ROOT = Path(__file__).resolve().parent.parent
INIT = ROOT / "unga_teach" / "__init__.py"


def _type_checking_names() -> dict[str, str]:
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            for stmt in ast.walk(node):
                if isinstance(stmt, ast.ImportFrom) and stmt.level == 1:
                    for alias in stmt.names:
                        names[alias.asname or alias.name] = str(stmt.module)
    return names


def test_type_checking_block_covers_every_lazy_export() -> None:
    seen = _type_checking_names()
    missing = sorted(set(ut._EXPORTS) - set(seen))
    assert not missing, f"add to the TYPE_CHECKING block of unga_teach/__init__.py: {missing}"
    wrong = {n: (seen[n], m) for n, m in ut._EXPORTS.items() if seen[n] != m}
    assert not wrong, f"TYPE_CHECKING imports these from another module than _EXPORTS: {wrong}"


def test_every_lazy_export_resolves() -> None:
    for name in ut._EXPORTS:
        assert getattr(ut, name) is not None, name


@pytest.mark.slow
def test_mypy_is_clean() -> None:
    mypy = Path(sys.executable).parent / "mypy"
    if not mypy.exists() and shutil.which("mypy") is None:  # pragma: no cover
        pytest.skip("mypy is not installed (it is in the test extra)")
    proc = subprocess.run([sys.executable, "-m", "mypy", "unga_teach"], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
