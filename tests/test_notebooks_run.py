"""Every course notebook runs top to bottom in a fresh kernel, then again in the same kernel.

The second run catches cells that only work once (a name deleted, a state
changed, a widget that cannot be rebuilt). The first run is the learner's
notebook as shipped, every exercise unfilled: each exercise cell must say
"Not yet: replace the ...". The second run is the instructors' solution
notebook (``unga-teach solutions``): each exercise cell must say "Correct".
Both runs happen with a socket guard: a hidden first cell, injected into an in-memory
copy of the notebook,
makes ``socket.socket.connect`` refuse any non-loopback address and records
the attempt, so a notebook that tries to reach the network fails
(``test_no_socket_connect_while_executing``, on the same run; kept in this file so
a parallel test run (pytest-xdist, ``--dist loadfile``) never runs a notebook twice).

The run is shared through :func:`run_notebook` (cached per notebook), so each
notebook is executed once per pytest session however many tests look at it.
"""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import nbformat
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from nbexec import WidgetSafeClient

ROOT = Path(__file__).resolve().parent.parent
NB_DIR = ROOT / "notebooks"
CELL_TIMEOUT = 180  # seconds per cell; a whole notebook takes a few seconds


def course_notebooks() -> list[Path]:
    """Every numbered notebook in notebooks/ (00_..., 01_..., and so on)."""
    return sorted(NB_DIR.glob("[0-9][0-9]*_*.ipynb"))


#: The hidden first cell. Idempotent, so the second run does not wrap the guard twice.
SOCKET_GUARD = '''
import ipaddress as _ut_ipaddress
import socket as _ut_socket

if not getattr(_ut_socket.socket.connect, "_ut_guard", False):
    _UT_NET_ATTEMPTS = []
    _ut_connect = _ut_socket.socket.connect
    _ut_connect_ex = _ut_socket.socket.connect_ex

    def _ut_is_local(sock, address):
        if sock.family not in (_ut_socket.AF_INET, _ut_socket.AF_INET6):
            return True  # AF_UNIX and friends never leave the machine
        host = address[0] if isinstance(address, tuple) else str(address)
        if host in ("localhost", ""):
            return True
        try:
            return _ut_ipaddress.ip_address(str(host).split("%")[0]).is_loopback
        except ValueError:
            return False  # a host name other than localhost

    def _ut_guarded_connect(self, address):
        if not _ut_is_local(self, address):
            _UT_NET_ATTEMPTS.append(repr(address))
            raise OSError(f"network access is not allowed in the course notebooks: {address!r}")
        return _ut_connect(self, address)

    def _ut_guarded_connect_ex(self, address):
        if not _ut_is_local(self, address):
            _UT_NET_ATTEMPTS.append(repr(address))
            return 111  # ECONNREFUSED
        return _ut_connect_ex(self, address)

    _ut_guarded_connect._ut_guard = True
    _ut_socket.socket.connect = _ut_guarded_connect
    _ut_socket.socket.connect_ex = _ut_guarded_connect_ex
'''

PROBE = "import json as _ut_json\nprint(_ut_json.dumps(_UT_NET_ATTEMPTS))"


@dataclass
class RunResult:
    """What happened when a notebook was run twice in one kernel."""

    path: Path
    error: str | None = None  # the first error, formatted, or None
    failed_run: int | None = None  # 1 or 2
    net_attempts: list[str] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    #: run number -> the text/plain output of each exercise cell, in order
    exercise_outputs: dict[int, list[str]] = field(default_factory=dict)


def _is_exercise(cell) -> bool:
    return cell.cell_type == "code" and "exercise" in cell.metadata.get("tags", [])


def _plain(cell) -> str:
    return "".join(o.get("data", {}).get("text/plain", "") + o.get("text", "")
                   for o in cell.get("outputs", []))


def _guarded_copy(path: Path):
    nb = nbformat.read(path, as_version=4)
    guard = nbformat.v4.new_code_cell(SOCKET_GUARD.strip(), id="ut-socket-guard")
    nb.cells.insert(0, guard)
    return nb


@cache
def run_notebook(name: str) -> RunResult:
    """Run notebooks/<name>, then its solved version, in one fresh kernel, with the guard."""
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    from unga_teach.assess.solutions import solve_notebook

    path = NB_DIR / name
    nb = _guarded_copy(path)
    result = RunResult(path=path)
    env_backup = os.environ.pop("UNGA_TEACH_UNDL", None)  # test the shipped data
    client = WidgetSafeClient(
        nb,
        kernel_name="python3",
        timeout=CELL_TIMEOUT,
        store_widget_state=False,
        record_timing=False,
        shutdown_kernel="immediate",
        resources={"metadata": {"path": str(NB_DIR)}},
    )
    try:
        with client.setup_kernel():
            for run in (1, 2):
                if run == 2:
                    solve_notebook(nb)
                start = time.perf_counter()
                try:
                    for index, cell in enumerate(nb.cells):
                        client.execute_cell(cell, index)
                except (CellExecutionError, CellTimeoutError) as exc:
                    result.error = str(exc)
                    result.failed_run = run
                    break
                finally:
                    result.seconds.append(time.perf_counter() - start)
                result.exercise_outputs[run] = [_plain(c) for c in nb.cells if _is_exercise(c)]
            probe = nbformat.v4.new_code_cell(PROBE, id="ut-socket-probe")
            nb.cells.append(probe)
            client.execute_cell(probe, len(nb.cells) - 1)
            text = "".join(o.get("text", "") for o in probe.outputs if o.get("name") == "stdout")
            result.net_attempts = json.loads(text.strip() or "[]")
    finally:
        if env_backup is not None:
            os.environ["UNGA_TEACH_UNDL"] = env_backup
    return result


NOTEBOOKS = [p.name for p in course_notebooks()]


@pytest.mark.slow
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_runs_twice_without_errors(name: str) -> None:
    result = run_notebook(name)
    assert result.error is None, (
        f"{name} failed on run {result.failed_run} "
        f"({'fresh kernel' if result.failed_run == 1 else 'second run, same kernel'}):\n"
        f"{result.error}"
    )


@pytest.mark.slow
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_exercises_say_not_yet_unfilled_and_correct_solved(name: str) -> None:
    result = run_notebook(name)
    assert result.error is None
    unfilled, solved = result.exercise_outputs[1], result.exercise_outputs[2]
    assert len(unfilled) == len(solved)
    for text in unfilled:
        assert text.startswith("Not yet: replace the ..."), text[:200]
    for text in solved:
        assert text.startswith("Correct"), text[:200]


@pytest.mark.slow
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_no_socket_connect_while_executing(name: str) -> None:
    """The notebook's run (shared with the tests above) never tried to reach the network."""
    result = run_notebook(name)
    assert result.net_attempts == [], f"{name} tried to connect to {result.net_attempts}"


def test_socket_guard_blocks_and_records() -> None:
    """The guard itself works: a non-loopback connect is refused and recorded."""
    import socket

    namespace: dict = {}
    original = (socket.socket.connect, socket.socket.connect_ex)
    try:
        exec(SOCKET_GUARD, namespace)  # our own constant
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            with pytest.raises(OSError, match="network access"):
                s.connect(("192.0.2.1", 80))  # TEST-NET-1, never routed
        finally:
            s.close()
        assert namespace["_UT_NET_ATTEMPTS"] == ["('192.0.2.1', 80)"]
        # loopback stays allowed (a refused connection is fine, a blocked one is not)
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            s.connect_ex(("127.0.0.1", 9))  # refused or not, it must not be blocked
        finally:
            s.close()
        assert namespace["_UT_NET_ATTEMPTS"] == ["('192.0.2.1', 80)"]
    finally:
        socket.socket.connect, socket.socket.connect_ex = original


def test_there_are_notebooks() -> None:
    assert len(NOTEBOOKS) >= 7, NOTEBOOKS
