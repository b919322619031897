"""A lesson notebook for any vote: ``ut.make_lesson`` and ``unga-teach lesson``.

Lessons for ES-11/1 and 68/262 are written into a temporary folder, run once
each in a fresh kernel (with the socket guard of the course notebook tests) and
once under ``pytest --nbval-lax``; the tests below read those runs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import nbformat
import pytest

import unga_teach as ut
from unga_teach.cli import main
from unga_teach.lesson import LESSON_CHECKS, lesson_cells, lesson_questions

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from nbexec import WidgetSafeClient  # noqa: E402
from record_isolation import isolated_record  # noqa: E402, F401  (a fixture)
from test_notebooks_run import PROBE, SOCKET_GUARD  # noqa: E402

LESSON_VOTES = ["ES-11/1", "A/RES/68/262"]
EXTRA_FIXTURE = ROOT / "tests" / "fixtures" / "undl_extra.csv"
MAX_BYTES = 60 * 1024
VEGA_LITE = "application/vnd.vegalite.v5+json"
CHART_CALLS = ("_chart(", "vote_map(")


@dataclass
class Run:
    path: Path
    nb: nbformat.NotebookNode
    error: str | None = None
    net_attempts: list[str] = field(default_factory=list)


@cache
def _folder() -> Path:
    import atexit
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="ut-lesson-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def _slug(symbol: str) -> str:
    return symbol.replace("/", "_")


@cache
def lesson_path(symbol: str) -> Path:
    return ut.make_lesson(symbol, _folder() / f"lesson_{_slug(symbol)}.ipynb")


@cache
def run_lesson(symbol: str) -> Run:
    """Execute the lesson once in a fresh kernel, with the socket guard first."""
    return execute(lesson_path(symbol))


def execute(path: Path, undl: Path | None = None) -> Run:
    """Run a notebook in a fresh kernel (``UNGA_TEACH_UNDL`` = ``undl``, or unset)."""
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(SOCKET_GUARD.strip(), id="ut-socket-guard"))
    run = Run(path=path, nb=nb)
    env_backup = os.environ.pop("UNGA_TEACH_UNDL", None)  # a course vote needs no file
    if undl is not None:
        os.environ["UNGA_TEACH_UNDL"] = str(undl)
    client = WidgetSafeClient(nb, kernel_name="python3", timeout=180, store_widget_state=False,
                              record_timing=False, shutdown_kernel="immediate",
                              resources={"metadata": {"path": str(path.parent)}})
    try:
        with client.setup_kernel():
            try:
                for index, cell in enumerate(nb.cells):
                    client.execute_cell(cell, index)
            except CellExecutionError as exc:
                run.error = str(exc)
            probe = nbformat.v4.new_code_cell(PROBE, id="ut-socket-probe")
            nb.cells.append(probe)
            client.execute_cell(probe, len(nb.cells) - 1)
            text = "".join(o.get("text", "") for o in probe.outputs if o.get("name") == "stdout")
            run.net_attempts = json.loads(text.strip() or "[]")
    finally:
        os.environ.pop("UNGA_TEACH_UNDL", None)
        if env_backup is not None:
            os.environ["UNGA_TEACH_UNDL"] = env_backup
    return run


def _sources(path: Path) -> list[str]:
    return [c.source for c in nbformat.read(path, as_version=4).cells]


# --------------------------------------------------------------------------- the file
@pytest.mark.parametrize("symbol", LESSON_VOTES)
def test_lesson_is_an_ordinary_small_notebook(symbol: str) -> None:
    path = lesson_path(symbol)
    assert path.stat().st_size < MAX_BYTES
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    from ipykernel.ipkernel import IPythonKernel

    assert nb.metadata["language_info"] == dict(IPythonKernel.language_info)
    codes = [c for c in nb.cells if c.cell_type == "code"]
    assert codes[0].source == "import unga_teach as ut\nut.setup_notebook()"
    assert not any(c.outputs for c in codes)
    ids = [c.id for c in nb.cells]
    assert len(ids) == len(set(ids))
    assert "use_official_record" not in "\n".join(c.source for c in codes)


@pytest.mark.parametrize("symbol", LESSON_VOTES)
def test_lesson_has_the_parts_of_a_lesson(symbol: str) -> None:
    info = ut.resolution_info(symbol)
    text = "\n".join(_sources(lesson_path(symbol)))
    for part in ("# Lesson · ", "## Learning objectives", "**Estimated time:**",
                 "## The arithmetic", "present and voting", "## The map", "vote_map_table(",
                 "## Regional groups and blocs", "group_table(", "country_explorer(",
                 "## Related votes", "shift_chart(", "## Key points", "____",
                 "https://digitallibrary.un.org/record/4060887"):
        assert part in text, part
    assert str(info["title"]) in text
    yes, no, abstain = int(info["yes"]), int(info["no"]), int(info["abstain"])
    assert f"{yes} in favour, {no} against, {abstain}" in " ".join(text.split())
    assert text.count("ut.lesson_check(") == 3
    # tables only through the course's renderer
    for src in _sources(lesson_path(symbol)):
        if "_table(" in src and "show_table" not in src:
            pytest.fail(f"a table not shown with ut.show_table: {src}")


@pytest.mark.parametrize("symbol", LESSON_VOTES)
def test_no_answer_or_explanation_in_the_notebook(symbol: str) -> None:
    flat = " ".join(" ".join(_sources(lesson_path(symbol))).split())
    questions = lesson_questions(symbol)
    assert [q.id for q in questions] == [f"lesson-{k}" for k in LESSON_CHECKS]
    for q in questions:
        assert q.answer in q.options and set(q.hints) == set(q.options) - {q.answer}
        assert " ".join(q.answer.split()) not in flat, q.id
        assert " ".join(q.explanation.split()) not in flat, q.id
        for hint in q.hints.values():
            assert q.answer.casefold() not in hint.casefold(), q.id


def test_lesson_check_shows_nothing_before_check_and_a_hint_when_wrong() -> None:
    q = lesson_questions("ES-11/1")[1]
    w = ut.lesson_check("ES-11/1", "share")
    assert w.choices.value is None and w.feedback.value == ""
    assert q.answer not in w.question_html.value
    wrong = next(o for o in w.choices.options if o != q.answer)
    w.choices.value = wrong
    w.check_button.click()
    assert "Hint" in w.feedback.value and not w.solved
    w.choices.value = q.answer
    w.check_button.click()
    assert w.solved


def test_the_numbers_of_the_checks_come_from_the_vote() -> None:
    q = {x.id: x for x in lesson_questions("ES-11/1")}
    assert q["lesson-present"].answer == f"{193 - 146} states"  # 141 + 5 present and voting
    assert q["lesson-share"].answer == "96.6%"  # 141 / 146
    assert q["lesson-abstentions"].answer.startswith("Still adopted")


def test_bad_input_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ut.UnknownResolutionError):
        ut.make_lesson("A/RES/99/999", tmp_path / "x.ipynb")
    with pytest.raises(ut.UngaTeachError, match="procedural motion"):
        ut.make_lesson("2026-division", tmp_path / "x.ipynb")
    with pytest.raises(ut.UngaTeachError, match=r"\.ipynb"):
        ut.make_lesson("ES-11/1", tmp_path / "x.txt")
    with pytest.raises(ut.UngaTeachError, match="No lesson self-check"):
        ut.lesson_check("ES-11/1", "tally")
    path = ut.make_lesson("ES-11/1", tmp_path / "x.ipynb")
    with pytest.raises(ut.UngaTeachError, match="already exists"):
        ut.make_lesson("ES-11/1", path)
    assert ut.make_lesson("ES-11/1", path, overwrite=True) == path


def test_record_option_adds_the_call_after_the_setup_cell(tmp_path: Path) -> None:
    record = ROOT / "tests" / "fixtures" / "undl_sample.csv"
    cells = lesson_cells("ES-11/1", record=record)
    codes = [c.source for c in cells if c.cell_type == "code"]
    assert codes[0] == "import unga_teach as ut\nut.setup_notebook()"
    assert codes[1] == f"ut.use_official_record({str(record)!r})"
    with pytest.raises(ut.UngaTeachError, match="does not exist"):
        ut.make_lesson("ES-11/1", tmp_path / "x.ipynb", record=tmp_path / "nope.csv")


# --------------------------------------------------------------------------- running it
@pytest.mark.slow
@pytest.mark.parametrize("symbol", LESSON_VOTES)
def test_lesson_runs_without_errors_or_network(symbol: str) -> None:
    run = run_lesson(symbol)
    assert run.error is None, run.error
    assert run.net_attempts == []


@pytest.mark.slow
@pytest.mark.parametrize("symbol", LESSON_VOTES)
def test_one_chart_per_chart_call_and_no_raw_dataframe(symbol: str) -> None:
    run = run_lesson(symbol)
    charts = 0
    for cell in run.nb.cells:
        if cell.cell_type != "code" or cell.id.startswith("ut-socket"):
            continue
        drawn = [o for o in cell.outputs if VEGA_LITE in o.get("data", {})]
        if any(call in cell.source for call in CHART_CALLS):
            assert len(drawn) == 1, (cell.source, len(drawn))
            charts += 1
        else:
            assert not drawn, cell.source
        for o in cell.outputs:
            assert 'class="dataframe' not in str(o.get("data", {}).get("text/html", "")), (
                cell.source)
    assert charts >= 4  # tally, map, groups, shift


@pytest.mark.slow
def test_lessons_pass_nbval_lax() -> None:
    paths = [str(lesson_path(s)) for s in LESSON_VOTES]
    env = {k: v for k, v in os.environ.items() if k != "UNGA_TEACH_UNDL"}
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval-lax", "--nbval-current-env", "-q",
         "-p", "no:cacheprovider", *paths],
        cwd=_folder(), env=env, capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]


# --------------------------------------------------------------------------- the command
def test_cli_lesson_writes_the_notebook(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "x.ipynb"
    assert main(["lesson", "ES-11/1", "--out", str(out)]) == 0
    assert out.exists() and "wrote" in capsys.readouterr().out
    assert main(["lesson", "ES-11/1", "--out", str(out)]) == 2  # kept, not overwritten
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and "--force" in err
    assert main(["lesson", "ES-11/1", "--out", str(out), "--force"]) == 0


def test_cli_lesson_unknown_symbol(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["lesson", "A/RES/99/999", "--out", str(tmp_path / "x.ipynb")]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("error: ") and captured.err.count("\n") == 1
    assert "Traceback" not in captured.err and not (tmp_path / "x.ipynb").exists()


def test_cli_lesson_default_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["lesson", "A/RES/68/262"]) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["lesson_68_262.ipynb"]


# --------------------------------------------------------------------------- other votes
@pytest.mark.usefixtures("isolated_record")
def test_a_vote_outside_the_course_needs_the_official_file(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["lesson", "A/RES/79/9901", "--out", str(tmp_path / "x.ipynb")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1
    assert "digitallibrary.un.org/record/4060887" in err and "UNGA_TEACH_UNDL" in err


@pytest.mark.slow
@pytest.mark.skipif(not EXTRA_FIXTURE.exists(), reason="no tests/fixtures/undl_extra.csv")
@pytest.mark.usefixtures("isolated_record")
def test_lesson_for_a_vote_of_the_official_record(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "middle_east.ipynb"
    assert main(["lesson", "A/RES/ES-10/9903", "--out", str(out),
                 "--record", str(EXTRA_FIXTURE)]) == 0, capsys.readouterr().err
    nb = nbformat.read(out, as_version=4)
    codes = [c.source for c in nb.cells if c.cell_type == "code"]
    assert codes[1] == f"ut.use_official_record({str(EXTRA_FIXTURE)!r})"
    text = "\n".join(c.source for c in nb.cells)
    assert "SYNTHETIC TEST VOTE" in text and "116 in favour, 19 against, 39" in text
    assert "subject: middle east situation" in ut.related_votes("A/RES/ES-10/9903")[
        "related_by"].iloc[0]
    assert "shift_chart('A/RES/ES-10/9903', 'A/RES/79/9901')" in text
    flat = " ".join(text.split())
    # issue 21: what the resolution is, and the blanks the instructor fills before class
    about = next(c.source for c in nb.cells if c.get("id") == "about")
    agenda = ut.resolution_info("A/RES/ES-10/9903")["agenda_title"]
    assert agenda and " ".join(agenda.split())[:20] in " ".join(about.split()).replace("\\", "")
    for heading in ("### What the text says", "### Positions of key states",
                    "### Sources to read", "**Meeting record**"):
        assert heading in about
    assert about.count("*Instructor:*") == 3
    assert "It is related by" in flat  # why the related vote was chosen
    for q in lesson_questions("A/RES/ES-10/9903"):
        assert q.answer not in flat and " ".join(q.explanation.split()) not in flat
    assert out.stat().st_size < MAX_BYTES
    # the same vote, the notebook relying on UNGA_TEACH_UNDL where it runs
    plain = ut.make_lesson("A/RES/78/9902", tmp_path / "oceans.ipynb")
    plain_text = "\n".join(_sources(plain))
    plain_code = [c.source for c in nbformat.read(plain, as_version=4).cells
                  if c.cell_type == "code"]
    assert not any("use_official_record(" in c for c in plain_code)
    assert "UNGA_TEACH_UNDL" in plain_text
    assert "names no other vote" in plain_text  # no related vote: said, not an empty table
    for path in (out, plain):
        run = execute(path, undl=EXTRA_FIXTURE if path == plain else None)
        assert run.error is None, run.error
        assert run.net_attempts == []
