"""Static checks on the committed notebooks (the run-time checks are in test_notebooks_run.py).

Every notebook in ``notebooks/``:

* is valid nbformat 4 with the python3 kernelspec and unique cell ids;
* stores outputs only in cells tagged ``nbval-check-output`` (the golden
  cells), as plain text; every other code cell has no output and no count;
* starts its code with ``import unga_teach as ut`` / ``ut.setup_notebook()``;
* has no star import, no relative data path, no web address in code;
* has relative markdown links that resolve to existing files;
* is under 60 KB;
* has no code line over 100 characters;

and no ``.ipynb_checkpoints`` is committed. The course notebooks (the
series of tools/course/series.py: 00-06 and the pandas primer 01a) also
have learning objectives, an estimated time of 10-90 minutes, key points,
at least two self-checks and links to the previous and next notebook in
the series order. Notebooks that are made by tools/build_notebooks.py are not
edited by hand: regenerate them.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from course.series import ASSIGNMENT, SERIES  # noqa: E402  (the order of the series)

NB_DIR = ROOT / "notebooks"
GOLDEN_TAG = "nbval-check-output"
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
FIRST_CELL = "import unga_teach as ut\nut.setup_notebook()"
MAX_BYTES = 60 * 1024

ALL = sorted(p for p in NB_DIR.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
ALL_IDS = [str(p.relative_to(NB_DIR)) for p in ALL]
#: The narrative notebooks of the series, in its order (00, 01, 01a, 02, ... 06; the
#: assignment, 07, has its own format). Numbers are not all two digits: follow SERIES.
SERIES_FILES = [e.file for e in SERIES]
COURSE = sorted((p for p in ALL if p.name in SERIES_FILES),
                key=lambda p: SERIES_FILES.index(p.name))
COURSE_IDS = [p.name for p in COURSE]

LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
STAR_IMPORT = re.compile(r"^\s*from\s+\S+\s+import\s+\*", re.M)
URL = re.compile(r"https?://", re.I)
RELATIVE_DATA = [
    re.compile(r"\.\./"),  # ../data, ../anything
    re.compile(r"\bread_(csv|excel|parquet|json|table|feather)\(\s*[rfb]?['\"]"),  # literal paths
    re.compile(r"\bopen\(\s*[rfb]?['\"]"),
    re.compile(r"['\"](\./)?data/"),
]


def _read(path: Path):
    return nbformat.read(path, as_version=4)


def _code(nb) -> list:
    return [c for c in nb.cells if c.cell_type == "code"]


def _markdown(nb) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


# ---------------------------------------------------------------- every notebook
def test_notebooks_found() -> None:
    assert COURSE_IDS == SERIES_FILES, f"expected {SERIES_FILES}, found {COURSE_IDS}"


@pytest.mark.parametrize("path", ALL, ids=ALL_IDS)
def test_valid_nbformat_and_kernelspec(path: Path) -> None:
    nb = _read(path)
    nbformat.validate(nb)
    assert nb.metadata.get("kernelspec") == KERNELSPEC
    # JupyterLab stores the kernel's language_info on open; the same value stored
    # means a learner who only reads is never asked to save (version may differ).
    from ipykernel.ipkernel import IPythonKernel

    stored = {k: v for k, v in nb.metadata.get("language_info", {}).items() if k != "version"}
    expected = {k: v for k, v in IPythonKernel.language_info.items() if k != "version"}
    assert stored == expected, "notebook metadata needs the kernel's language_info"
    ids = [c.get("id") for c in nb.cells]
    assert all(ids), "every cell needs an id (nbformat 4.5)"
    assert len(ids) == len(set(ids)), "cell ids must be unique"


@pytest.mark.parametrize("path", ALL, ids=ALL_IDS)
def test_outputs_only_in_golden_cells(path: Path) -> None:
    nb = _read(path)
    for cell in _code(nb):
        golden = GOLDEN_TAG in cell.metadata.get("tags", [])
        if not golden:
            assert cell.outputs == [], f"cell {cell.id}: untagged cells must have no output"
            assert cell.execution_count is None, f"cell {cell.id}: stale execution count"
            continue
        assert cell.outputs, f"golden cell {cell.id} has no stored output (regenerate)"
        assert cell.execution_count is not None, f"golden cell {cell.id} has no count"
        for out in cell.outputs:
            assert out.output_type in ("stream", "execute_result"), (
                f"golden cell {cell.id}: {out.output_type} output")
            if out.output_type == "stream":
                assert out.name == "stdout", f"golden cell {cell.id} writes to {out.name}"
            else:
                assert set(out.data) == {"text/plain"}, (
                    f"golden cell {cell.id} must be plain text, has {sorted(out.data)}")


@pytest.mark.parametrize("path", ALL, ids=ALL_IDS)
def test_first_code_cell_convention(path: Path) -> None:
    codes = _code(_read(path))
    assert codes, "no code cell"
    assert codes[0].source.strip() == FIRST_CELL


@pytest.mark.parametrize("path", ALL, ids=ALL_IDS)
def test_code_hygiene(path: Path) -> None:
    for cell in _code(_read(path)):
        src = cell.source
        assert not STAR_IMPORT.search(src), f"cell {cell.id}: star import"
        assert not URL.search(src), f"cell {cell.id}: web address in code (no network)"
        for pattern in RELATIVE_DATA:
            assert not pattern.search(src), (
                f"cell {cell.id}: relative or literal data path ({pattern.pattern}); "
                "load data through unga_teach")


@pytest.mark.parametrize("path", ALL, ids=ALL_IDS)
def test_code_lines_fit_a_laptop(path: Path) -> None:
    """No code line scrolls sideways: at most 100 characters (issue 21)."""
    for cell in _code(_read(path)):
        for line in cell.source.splitlines():
            assert len(line) <= 100, f"cell {cell.id}: {len(line)} characters: {line[:60]}..."


@pytest.mark.parametrize("path", ALL, ids=ALL_IDS)
def test_relative_links_resolve(path: Path) -> None:
    nb = _read(path)
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        text = re.sub(r"```.*?```", "", cell.source, flags=re.S)  # links in code blocks
        for target in LINK.findall(text):
            if re.match(r"^(https?:|mailto:|#)", target):
                continue
            file_part = target.split("#", 1)[0].split("?", 1)[0]
            resolved = (path.parent / file_part).resolve()
            assert resolved.exists(), f"cell {cell.id}: broken link {target!r}"


@pytest.mark.parametrize("path", ALL, ids=ALL_IDS)
def test_size(path: Path) -> None:
    size = path.stat().st_size
    assert size < MAX_BYTES, f"{path.name} is {size / 1024:.1f} KB (limit 60 KB)"


def test_no_checkpoints_committed() -> None:
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    tracked = subprocess.run(
        [git, "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    bad = [f for f in tracked if ".ipynb_checkpoints" in f]
    assert not bad, f"checkpoints are committed: {bad}"
    ignore = (ROOT / ".gitignore").read_text(encoding="utf-8")
    assert ".ipynb_checkpoints" in ignore


# ---------------------------------------------------------- the course notebooks
@pytest.mark.parametrize("path", COURSE, ids=COURSE_IDS)
def test_course_structure(path: Path) -> None:
    nb = _read(path)
    text = _markdown(nb)
    assert re.search(r"^#+\s*Learning objectives", text, re.M | re.I), "learning objectives"
    assert re.search(r"^#+\s*Key points", text, re.M | re.I), "key points"
    minutes = re.search(r"Estimated time:\**\s*(\d+)\s*minutes", text)
    assert minutes, "estimated time"
    # with its exercises; tests/test_course_times.py checks it is the stated estimate
    assert 10 <= int(minutes.group(1)) <= 90, f"estimated time {minutes.group(1)} min"
    quizzes = sum(
        len(re.findall(r"\but\.(?:self_check|(?:matching_)?quiz)\(", c.source))
        for c in _code(nb))
    assert quizzes >= 2, f"{quizzes} self-check(s); at least 2 required"


@pytest.mark.parametrize("path", COURSE, ids=COURSE_IDS)
def test_links_to_previous_and_next(path: Path) -> None:
    text = _markdown(_read(path))
    targets = set(LINK.findall(text))
    i = SERIES_FILES.index(path.name)  # the series order ("01a" comes between 01 and 02)
    if i > 0:
        previous = SERIES_FILES[i - 1]
        assert previous in targets, f"no link to the previous notebook {previous}"
    # the last narrative notebook leads to the assignment
    expected_next = SERIES_FILES[i + 1] if i + 1 < len(SERIES_FILES) else ASSIGNMENT
    assert expected_next in targets, f"no link to the next notebook {expected_next}"


def test_readme_lists_the_series() -> None:
    readme = (NB_DIR / "README.md").read_text(encoding="utf-8")
    for path in COURSE:
        assert f"({path.name})" in readme, f"notebooks/README.md does not link {path.name}"


# ------------------------------------------------------------- network at run time
@pytest.mark.parametrize("path", COURSE, ids=COURSE_IDS)
def test_no_raw_frame_is_shown_to_learners(path: Path) -> None:
    """Every code cell ends in a ``ut.`` call or a ``print``: tables go through ut.show_table.

    A bare pandas expression (``frame[cols]``, ``.value_counts()``) would show a
    right-aligned, truncated data dump with a dtype line.
    """
    nb = _read(path)
    raw = []
    for cell in nb.cells:
        if cell.cell_type != "code" or not cell.source.strip():
            continue
        last = ast.parse(cell.source).body[-1]
        if not isinstance(last, ast.Expr):
            continue  # an assignment, an if/else, an import: nothing is shown
        call = last.value
        func = call.func if isinstance(call, ast.Call) else None
        name = ast.unparse(func) if func is not None else ""
        if not (name.startswith("ut.") or name in ("print", "display")):
            raw.append((cell.get("id"), ast.unparse(last)[:60]))
    assert not raw, f"cells that end in a bare expression: {raw}"


def test_the_rule_for_unknown_is_cited_from_00_and_06() -> None:
    """The rule is stated once, in data/README.md, and linked where learners meet it."""
    anchor = "how-we-decide-what-a-vote-was"
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    assert "\n## How we decide what a vote was\n" in readme
    for name in ("00_start_here.ipynb", "06_sources_and_evidence.ipynb"):
        nb = _read(ROOT / "notebooks" / name)
        text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        assert f"../data/README.md#{anchor}" in text, name
