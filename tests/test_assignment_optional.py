"""otter-grader is optional: the course installs without it, the assignment explains itself.

Only the graded assignment needs otter-grader, so it is the ``assignment``
extra, not a base dependency (a learner's install stays small). A student who
opens the assignment without it sees one plain line saying what to install.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

from unga_teach import assignment

ROOT = Path(__file__).resolve().parent.parent
MASTER = ROOT / "assignments" / "source" / "unga_assignment.ipynb"


def _names(reqs: list[str]) -> set[str]:
    return {Requirement(r).name.lower() for r in reqs}


def test_otter_is_an_extra_not_a_base_dependency() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "otter-grader" not in _names(project["dependencies"])
    extras = project["optional-dependencies"]
    assert "otter-grader" in _names(extras["assignment"])
    assert "otter-grader" in _names(extras["test"])  # CI grades the assignment


def test_missing_otter_gives_one_plain_line(monkeypatch, capsys) -> None:
    monkeypatch.setattr(assignment, "otter_available", lambda: False)
    grader = assignment.assignment_grader("unga_assignment.ipynb")
    assert isinstance(grader, assignment.MissingGrader)
    grader.check("q1")
    grader.check_all()
    lines = capsys.readouterr().out.splitlines()
    assert lines == [assignment.OTTER_MISSING] * 3
    assert 'pip install "unga-teach[assignment]"' in assignment.OTTER_MISSING


def _setup_cell() -> str:
    nb = json.loads(MASTER.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    return "".join(code[0]["source"])


def test_master_notebook_does_not_import_otter_directly() -> None:
    source = _setup_cell()
    assert "import otter" not in source
    assert 'grader = ut.assignment_grader("unga_assignment.ipynb")' in source


def test_setup_cell_without_otter_prints_one_line_and_no_traceback() -> None:
    """Run the assignment's first cell in a Python where ``import otter`` fails."""
    source = _setup_cell()
    script = (
        "import sys\n"
        "sys.modules['otter'] = None  # as if otter-grader were not installed\n"
        "import importlib.util\n"
        "real = importlib.util.find_spec\n"
        "importlib.util.find_spec = lambda n, *a: None if n == 'otter' else real(n, *a)\n"
        + source
        + "\ngrader.check('q1')\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout.count(assignment.OTTER_MISSING) == 2, proc.stdout
