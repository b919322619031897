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


OVERRIDES = "share/jupyter/lab/settings/overrides.json"
NOTIFICATION = "@jupyterlab/apputils-extension:notification"


def _check_overrides(text: str) -> None:
    import json

    settings = json.loads(text)
    assert settings[NOTIFICATION]["fetchNews"] == "false"  # "Never", as JupyterLab's schema has it
    assert settings[NOTIFICATION]["checkForUpdates"] is False


def test_jupyterlab_news_is_off_in_the_installed_environment() -> None:
    """The override is installed where JupyterLab reads it, with a setting its schema knows."""
    import json

    path = Path(sys.prefix) / OVERRIDES
    assert path.is_file(), "reinstall: pip install -e ."
    _check_overrides(path.read_text(encoding="utf-8"))
    schema_file = (Path(sys.prefix) / "share/jupyter/lab/schemas/@jupyterlab"
                   / "apputils-extension/notification.json")
    if schema_file.is_file():
        props = json.loads(schema_file.read_text(encoding="utf-8"))["properties"]
        assert {"const": "false", "title": "Never"} in props["fetchNews"]["oneOf"]
        assert props["checkForUpdates"]["type"] == "boolean"


def test_wheel_ships_the_jupyterlab_settings_override(tmp_path: Path) -> None:
    import zipfile

    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(tmp_path), str(ROOT)], check=True)
    wheel = next(tmp_path.glob("unga_teach-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        names = [n for n in zf.namelist() if n.endswith(OVERRIDES)]
        assert len(names) == 1 and names[0].endswith(f".data/data/{OVERRIDES}"), names
        _check_overrides(zf.read(names[0]).decode("utf-8"))
