"""The README's open command: what it installs and what the server it starts can see.

The command opens notebook 00 with the repository (not ``notebooks/``) as the
server root, so that links from the notebooks to ``docs/`` and
``assignments/`` work in JupyterLab. The test starts JupyterLab with the
command's own arguments (the install step is the test environment's), on a
free loopback port without a browser, and asks it for files in and outside
``notebooks/``.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def _block(marker: str) -> str:
    text = README.read_text(encoding="utf-8")
    m = re.search(rf"<!-- {marker} -->\s*```bash\n(.*?)\n```", text, re.S)
    assert m, f"README has no ```bash block after <!-- {marker} -->"
    return m.group(1).strip()


def _lab_args() -> list[str]:
    steps = [s.strip() for s in _block("open-command").split("&&")]
    lab = shlex.split(steps[-1])
    assert lab[0] == ".venv/bin/jupyter" and lab[1] == "lab", steps[-1]
    return lab[2:]


def test_open_command_installs_the_course_without_extras() -> None:
    steps = [s.strip() for s in _block("open-command").split("&&")]
    assert steps[0] == "python3 -m venv .venv"
    assert steps[1] == ".venv/bin/pip install -e .", "a learner's install takes no extra"


def test_open_command_serves_the_repository_root_and_opens_notebook_00() -> None:
    args = _lab_args()
    assert "--ServerApp.root_dir=." in args
    files = [a for a in args if not a.startswith("-")]
    assert files == ["notebooks/00_start_here.ipynb"]
    assert (ROOT / files[0]).is_file()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_server_started_by_the_open_command_sees_docs_and_assignments() -> None:
    jupyter = Path(sys.executable).parent / "jupyter"
    if not jupyter.exists():  # pragma: no cover - jupyterlab is a base dependency
        pytest.skip("jupyter is not installed next to the test interpreter")
    port = _free_port()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "HOME": home, "JUPYTER_CONFIG_DIR": f"{home}/cfg",
               "JUPYTER_DATA_DIR": f"{home}/data", "JUPYTER_RUNTIME_DIR": f"{home}/rt",
               "IPYTHONDIR": f"{home}/ipy"}
        cmd = [str(jupyter), "lab", *_lab_args(), "--no-browser", f"--ServerApp.port={port}",
               "--ServerApp.port_retries=0", "--ServerApp.ip=127.0.0.1",
               "--IdentityProvider.token=readme-test", "--LabApp.news_url=",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:  # CI runs as root
            cmd.append("--allow-root")
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True)
        try:
            base = f"http://127.0.0.1:{port}/api/contents/"
            deadline = time.monotonic() + 90

            def get(path: str) -> dict:
                req = urllib.request.Request(base + path + "?content=0",
                                             headers={"Authorization": "token readme-test"})
                with urllib.request.urlopen(req, timeout=10) as resp:
                    return json.load(resp)

            while True:
                try:
                    get("")
                    break
                except (urllib.error.URLError, ConnectionError):
                    if proc.poll() is not None or time.monotonic() > deadline:
                        log = proc.stderr.read() if proc.poll() is not None else ""
                        pytest.fail("JupyterLab did not start: " + (log or "")[-2000:])
                    time.sleep(0.5)
            assert get("notebooks/00_start_here.ipynb")["type"] == "notebook"
            assert get("docs/instructors/assignment.md")["name"] == "assignment.md"  # 07 links it
            assert get("assignments")["type"] == "directory"
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:  # pragma: no cover
                proc.kill()
