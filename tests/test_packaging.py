"""The data is found from an editable install and from a wheel in a fresh venv."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROBE = (
    "import unga_teach as ut, unga_teach._paths as p; "
    "print(p.data_dir()); print(ut.__file__); "
    "c = ut.coverage(); print(int(c.loc[c.resolution == '2026', 'official_yes'].iloc[0]))"
)


def test_editable_install_reads_repository_data(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=tmp_path, capture_output=True,
                         text=True, check=True).stdout.splitlines()
    assert Path(out[0]) == ROOT / "data"
    assert out[2] == "107"


@pytest.mark.slow
def test_wheel_in_fresh_venv_carries_the_data(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(wheels), str(ROOT)],
        check=True,
    )
    wheel = next(wheels.glob("unga_teach-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True)
    # Reuse this environment's third-party packages (pandas, ...) without its
    # editable hook: PYTHONPATH does not process .pth files.
    env = {**os.environ, "PYTHONPATH": sysconfig.get_paths()["purelib"]}
    run_dir = tmp_path / "elsewhere"
    run_dir.mkdir()
    out = subprocess.run([str(py), "-c", PROBE], cwd=run_dir, env=env, capture_output=True,
                         text=True, check=True).stdout.splitlines()
    assert str(env_dir) in out[0], out
    assert out[0].endswith(os.path.join("unga_teach", "data"))
    assert str(env_dir) in out[1]
    assert out[2] == "107"
