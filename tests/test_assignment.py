"""The otter-grader assignment: generation, grading, and the instructor guide's commands.

The ```bash blocks of docs/instructors.md marked ``<!-- tested -->`` are run
verbatim, once, in a temporary copy of the assignment files, with the
``otter`` of the environment that runs pytest (the venv) first on PATH:
``otter assign`` on the master notebook, three prepared submissions made from
the generated student notebook (assignments/tests/make_submissions.py), one
``otter run`` per submission, and the score table. The other tests check what
those commands made: no solution and no hidden test reaches students, the
solution gets full marks, the wrong submission its known partial score, and
the erroring one is graded. Offline, no Docker (``otter grade`` would need a
Docker engine; ``otter run`` grades in this environment).

Run alone with::

    .venv/bin/python -m pytest tests/test_assignment.py -q
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
MASTER = ROOT / "assignments" / "source" / "unga_assignment.ipynb"
HELPER = ROOT / "assignments" / "tests" / "make_submissions.py"
GUIDE = ROOT / "docs" / "instructors.md"
NOTEBOOK = "unga_assignment.ipynb"
BIN = Path(sys.executable).parent
OTTER = BIN / ("otter.exe" if os.name == "nt" else "otter")
TIMEOUT = 600

if not OTTER.exists():  # pragma: no cover - otter-grader is in the [test] extra
    pytest.skip(f"otter-grader is not installed next to {sys.executable}",
                allow_module_level=True)


def _load_helper():
    spec = importlib.util.spec_from_file_location("make_submissions", HELPER)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


subs = _load_helper()


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = str(BIN) + os.pathsep + env.get("PATH", "")
    env.pop("UNGA_TEACH_UNDL", None)  # grade against the shipped record
    return env


def _run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, cwd=cwd, env=_env(), capture_output=True, text=True,
                          timeout=TIMEOUT)
    assert proc.returncode == 0, (
        f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    )
    return proc


def _scores(results_json: Path) -> dict[str, float]:
    tests = json.loads(results_json.read_text(encoding="utf-8"))["tests"]
    return {t["name"]: float(t["score"]) for t in tests if t.get("score") is not None}


def _source(cell) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


# ------------------------------------------------------------------ fixtures
def _tested_blocks(text: str) -> list[str]:
    """The ```bash blocks of the guide that follow a <!-- tested --> line, in order."""
    return re.findall(r"<!--\s*tested\s*-->\s*\n```bash\n(.*?)\n```", text, re.S)


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Path:
    """A temporary copy of the assignment files, after every tested command of the guide.

    The guide's commands are the whole workflow: ``otter assign`` on the master
    notebook, the three prepared submissions, the student zip, ``otter run`` on
    each submission and the score table. The tests below check what they made,
    so the workflow runs once (otter runs take most of the time).
    """
    base = tmp_path_factory.mktemp("guide")
    repo = base / "course"
    shutil.copytree(ROOT / "assignments" / "source", repo / "assignments" / "source")
    (repo / "assignments" / "tests").mkdir(parents=True)
    shutil.copy2(HELPER, repo / "assignments" / "tests" / HELPER.name)
    blocks = _tested_blocks(GUIDE.read_text(encoding="utf-8"))
    assert blocks, "docs/instructors.md has no <!-- tested --> ```bash block"
    for i, block in enumerate(blocks):
        script = base / f"block_{i}.sh"
        script.write_text("set -euo pipefail\n" + block + "\n", encoding="utf-8")
        _run(["bash", str(script)], cwd=repo)
    return repo


@pytest.fixture(scope="module")
def dist(course: Path) -> Path:
    """What ``otter assign`` wrote (the guide's first command)."""
    out = course / "assignments" / "dist"
    assert (out / "student" / NOTEBOOK).exists(), "otter assign did not write the student notebook"
    return out


@pytest.fixture(scope="module")
def graded(course: Path) -> dict[str, dict[str, float]]:
    """Scores per question of the three prepared submissions, as ``otter run`` wrote them."""
    results = {}
    for name in subs.EXPECTED_SCORES:
        path = course / "results" / name / "results.json"
        log = course / "results" / name / "log.txt"
        detail = log.read_text(encoding="utf-8")[-4000:] if log.exists() else "(no log)"
        assert path.exists(), f"otter run wrote no results for {name}.ipynb:\n{detail}"
        results[name] = _scores(path)
    return results


# ------------------------------------------------------------ the master notebook
def _master_parts():
    """Solution snippets and hidden test names, read from the master notebook."""
    nb = nbformat.read(MASTER, as_version=4)
    snippets: list[str] = []
    hidden: list[str] = []
    public: list[str] = []
    block: list[str] = []
    for cell in nb.cells:
        src = _source(cell).strip()
        if cell.cell_type == "raw":
            first = src.splitlines()[0].strip().upper() if src else ""
            for kind in ("SOLUTION", "TESTS"):
                if first == f"# BEGIN {kind}":
                    block.append(kind)
                elif first == f"# END {kind}":
                    block.pop()
            continue
        if block and block[-1] == "SOLUTION":
            if cell.cell_type == "markdown":
                snippets.append(src.splitlines()[0][:60])
            for line in src.splitlines():
                if line.rstrip().endswith("# SOLUTION"):
                    rhs = line.split("=", 1)[1].replace("# SOLUTION", "").strip()
                    snippets.append(rhs)
        elif block and block[-1] == "TESTS":
            names = re.findall(r"^def (test_\w+)", src, re.M)
            (hidden if src.splitlines()[0].strip().upper() == "# HIDDEN" else public).extend(names)
    return snippets, hidden, public


def test_master_notebook_is_committed_without_outputs() -> None:
    nb = nbformat.read(MASTER, as_version=4)
    nbformat.validate(nb)
    assert _source(nb.cells[0]).startswith("# ASSIGNMENT CONFIG")
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.get("id")
    first = next(c for c in nb.cells if c.cell_type == "code")
    assert "import unga_teach as ut" in first.source and "ut.setup_notebook()" in first.source
    assert "grader = ut.assignment_grader(" in first.source  # otter.Notebook, or one plain line


def test_master_parts_found() -> None:
    snippets, hidden, public = _master_parts()
    assert len(snippets) >= 12
    assert len(hidden) >= 6 and len(public) >= 6
    assert not set(hidden) & set(public)


# -------------------------------------------------------------- generated output
def test_student_notebook_has_no_solutions(dist: Path) -> None:
    student = nbformat.read(dist / "student" / NOTEBOOK, as_version=4)
    text = "\n".join(_source(c) for c in student.cells)
    for marker in ("# SOLUTION", "BEGIN SOLUTION", "END SOLUTION", "BEGIN TESTS", "# HIDDEN"):
        assert marker not in text, f"student notebook contains {marker!r}"
    snippets, _, _ = _master_parts()
    leaked = [s for s in snippets if s and s in text]
    assert not leaked, f"solution code in the student notebook: {leaked}"
    # every answer cell is handed out as a blank to fill
    answers = [c for c in student.cells
               if c.cell_type == "code" and "otter_answer_cell" in c.metadata.get("tags", [])]
    assert len(answers) == len(subs.POINTS)
    assert all("..." in _source(c) for c in answers)
    assert student.metadata["otter"]["assignment_name"] == "unga_assignment"


def test_no_hidden_test_in_student_folder(dist: Path) -> None:
    _, hidden, public = _master_parts()
    files = [p for p in (dist / "student").rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {NOTEBOOK} | {f"{q}.py" for q in subs.POINTS}
    student_text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in files)
    assert "hidden=True" not in student_text
    assert not [h for h in hidden if h in student_text], "hidden test code given to students"
    assert all(p in student_text for p in public), "a public test is missing"
    autograder_tests = "\n".join(p.read_text(encoding="utf-8")
                                 for p in (dist / "autograder" / "tests").glob("*.py"))
    assert all(h in autograder_tests for h in hidden), "a hidden test is not in the autograder"
    (zip_path,) = (dist / "autograder").glob("*.zip")
    assert zip_path.name.startswith("unga_assignment-autograder_")


def test_points(dist: Path) -> None:
    for question, points in subs.POINTS.items():
        text = (dist / "autograder" / "tests" / f"{question}.py").read_text(encoding="utf-8")
        assert re.search(rf"^points = {points}$", text, re.M), question


# ------------------------------------------------------------------------ grading
def test_solution_gets_full_marks(graded) -> None:
    assert graded["solution"] == {q: float(p) for q, p in subs.POINTS.items()}
    assert sum(graded["solution"].values()) == subs.EXPECTED_SCORES["solution"] == subs.TOTAL


def test_wrong_submission_gets_the_expected_partial_score(graded) -> None:
    assert graded["wrong"] == {"q1": 2.0, "q2": 3.0, "q3": 2.0, "q4": 1.0, "q5": 3.0, "q6": 1.0}
    assert sum(graded["wrong"].values()) == subs.EXPECTED_SCORES["wrong"]


def test_erroring_submission_is_graded(graded) -> None:
    scores = graded["erroring"]
    assert scores["q3"] == 0.0 and scores["q6"] == 0.0
    assert sum(scores.values()) == subs.EXPECTED_SCORES["erroring"]


def test_public_checks_work_in_the_student_folder(dist: Path, tmp_path: Path,
                                                  monkeypatch) -> None:
    """``grader.check`` gives feedback in a student's copy (base install + otter-grader)."""
    nbclient = pytest.importorskip("nbclient")
    monkeypatch.delenv("UNGA_TEACH_UNDL", raising=False)
    student_dir = tmp_path / "student"
    shutil.copytree(dist / "student", student_dir)
    nb_dict = subs.fill(
        json.loads((dist / "student" / NOTEBOOK).read_text(encoding="utf-8")),
        json.loads((dist / "autograder" / NOTEBOOK).read_text(encoding="utf-8")),
        subs.WRONG_ANSWERS,
    )
    nb = nbformat.reads(json.dumps(nb_dict), as_version=4)
    # stop before check_all and export (export re-grades the zip; slow, and not needed here)
    last = max(i for i, c in enumerate(nb.cells) if 'grader.check("q6")' in _source(c))
    nb.cells = nb.cells[: last + 1]
    nbformat.write(nb, student_dir / NOTEBOOK)
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(student_dir)}}).execute()
    outputs = {}
    for cell in nb.cells:
        match = re.fullmatch(r'grader\.check\("(q\d)"\)', _source(cell).strip())
        if match:
            outputs[match.group(1)] = "\n".join(
                o.get("data", {}).get("text/plain", "") for o in cell.outputs)
    assert set(outputs) == set(subs.POINTS)
    # the wrong answers of q1, q3 and q4 have the right shape: public tests pass
    for q in ("q1", "q2", "q3", "q4", "q5"):
        assert "All test cases passed" in outputs[q], (q, outputs[q])
    assert "Use a bar mark" in outputs["q6"]


# ---------------------------------------------------------------- instructor guide
def test_guide_has_the_workflow() -> None:
    blocks = _tested_blocks(GUIDE.read_text(encoding="utf-8"))
    joined = "\n".join(blocks)
    assert "otter assign assignments/source/unga_assignment.ipynb assignments/dist" in joined
    assert "assignments/tests/make_submissions.py assignments/dist submissions" in joined
    assert "otter run" in joined and "scores.csv" in joined


def test_instructor_guide_commands_run_verbatim(course: Path) -> None:
    """Every ```bash block marked <!-- tested --> ran (in the fixture) and did its job."""
    dist = course / "assignments" / "dist"
    assert (dist / "student" / NOTEBOOK).exists()
    assert len(list((dist / "autograder").glob("*.zip"))) == 1
    with zipfile.ZipFile(dist / "unga_assignment_student.zip") as z:
        names = set(z.namelist())
    assert NOTEBOOK in names and "tests/q1.py" in names
    assert not any("autograder" in n for n in names)
    table = (course / "scores.csv").read_text(encoding="utf-8").splitlines()
    header = table[0].split(",")
    assert header[:2] == ["submission", "total"]
    rows = {}
    for line in table[1:]:
        cells = line.split(",")
        rows[cells[0]] = dict(zip(header, cells, strict=True))
    assert {name: float(row["total"]) for name, row in rows.items()} == subs.EXPECTED_SCORES
    memos = (course / "memos.md").read_text(encoding="utf-8")
    assert memos.count("## ") == len(subs.EXPECTED_SCORES)
    assert subs.MEMO in memos
