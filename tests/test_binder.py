"""The Binder files agree with pyproject.toml, and the README links open the course.

repo2docker uses *only* ``binder/`` when that folder exists: pyproject.toml is
then ignored, so ``binder/requirements.txt`` must install the package itself
(``.``: repo2docker runs pip from the repository root) and ``binder/runtime.txt``
pins a Python that satisfies ``requires-python``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
import urllib.parse
from pathlib import Path

import pytest
from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
BINDER = ROOT / "binder"
START = "notebooks/00_start_here.ipynb"
SELF_LINES = {".", "./", "-e .", "-e ./", "--editable .", "--editable=.",
              ".[assignment]", "-e .[assignment]"}


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _binder_lines() -> list[str]:
    lines = []
    for raw in (BINDER / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = raw.split(" #", 1)[0].strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return lines


def _binder_requirements() -> dict[str, Requirement]:
    reqs = {}
    for line in _binder_lines():
        if " ".join(line.split()) in SELF_LINES:
            continue
        try:
            req = Requirement(line)
        except InvalidRequirement as exc:  # e.g. a URL or an option line
            pytest.fail(f"binder/requirements.txt: cannot read {line!r} ({exc})")
        reqs[canonicalize_name(req.name)] = req
    return reqs


def _project_requirements() -> dict[str, Requirement]:
    deps = _pyproject()["project"]["dependencies"]
    return {canonicalize_name(Requirement(d).name): Requirement(d) for d in deps}


def test_binder_installs_the_package_itself() -> None:
    lines = [" ".join(line.split()) for line in _binder_lines()]
    assert any(line in SELF_LINES for line in lines), (
        "binder/requirements.txt must contain a line '.' (or '-e .'): with a binder/ folder "
        f"repo2docker ignores pyproject.toml. Lines found: {lines}")


def test_binder_installs_the_assignment_extra() -> None:
    """Binder and hubs hand out the graded assignment, so they need otter-grader."""
    lines = [" ".join(line.split()) for line in _binder_lines()]
    assert any(line.endswith(".[assignment]") for line in lines), lines
    assert "assignment" in _pyproject()["project"]["optional-dependencies"]


def test_binder_ranges_agree_with_pyproject() -> None:
    project = _project_requirements()
    binder = _binder_requirements()
    assert canonicalize_name(_pyproject()["project"]["name"]) not in binder, (
        "install the package with '.', not by name from PyPI")
    mismatched = {
        name: (str(binder[name].specifier), str(project[name].specifier))
        for name in binder.keys() & project.keys()
        if SpecifierSet(str(binder[name].specifier)) != SpecifierSet(str(project[name].specifier))
        or binder[name].marker != project[name].marker
    }
    assert not mismatched, f"binder vs pyproject ranges differ (binder, pyproject): {mismatched}"


def test_binder_does_not_undo_the_altair_pin() -> None:
    # Altair 6 emits Vega-Lite 6, which JupyterLab 4 cannot draw (see pyproject.toml).
    altair = _binder_requirements().get("altair")
    if altair is not None:
        assert not altair.specifier.contains("6.0", prereleases=True), altair


def test_runtime_python_satisfies_requires_python() -> None:
    text = (BINDER / "runtime.txt").read_text(encoding="utf-8").strip()
    m = re.fullmatch(r"python-(\d+\.\d+)", text)
    assert m, f"binder/runtime.txt must read like 'python-3.12', not {text!r}"
    spec = SpecifierSet(_pyproject()["project"]["requires-python"])
    assert Version(m.group(1)) in spec, f"runtime {m.group(1)} does not satisfy {spec}"


def test_no_binder_file_silently_overrides_the_others() -> None:
    # environment.yml makes repo2docker ignore runtime.txt; a Dockerfile ignores everything.
    for name in ("environment.yml", "Dockerfile", "Pipfile", "setup.py"):
        assert not (BINDER / name).exists(), f"binder/{name} would override requirements.txt"
    post_build = BINDER / "postBuild"
    if post_build.exists():
        assert os.access(post_build, os.X_OK), "binder/postBuild must be executable"


def test_start_notebook_exists() -> None:
    assert (ROOT / START).is_file(), START


def _readme_urls() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"https?://[^\s)\]`'\"<>]+", text)


def _urlpath(url: str) -> str:
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
    return (query.get("urlpath") or [""])[0]


def test_readme_has_a_binder_badge_opening_the_start_notebook() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "https://mybinder.org/badge_logo.svg" in text, "no Binder badge image in README.md"
    links = [u for u in _readme_urls()
             if re.match(r"https://mybinder\.org/v2/gh/[^/]+/[^/]+/[^/?]+\?", u)]
    assert links, "README.md has no https://mybinder.org/v2/gh/OWNER/REPO/REF?... link"
    opens = [u for u in links if _urlpath(u) == f"lab/tree/{START}"]
    assert opens, (f"no Binder link with urlpath=lab/tree/{START} (JupyterLab, start notebook); "
                   f"found {links}")
    assert re.search(r"\[!\[[^\]]*\]\(https://mybinder\.org/badge_logo\.svg\)\]\("
                     r"https://mybinder\.org/v2/gh/", text), "the badge must link to Binder"


def test_readme_has_an_nbgitpuller_link_opening_the_start_notebook() -> None:
    links = [u for u in _readme_urls() if "/hub/user-redirect/git-pull?" in u]
    assert links, "README.md has no nbgitpuller link (https://HUB/hub/user-redirect/git-pull?...)"
    good = []
    for url in links:
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
        repo = (query.get("repo") or [""])[0]
        path = _urlpath(url)
        if repo.startswith("https://") and query.get("branch") and \
                re.fullmatch(rf"lab/tree/[^/]+/{re.escape(START)}", path):
            good.append(url)
    assert good, (
        "no nbgitpuller link with repo=https://..., a branch and "
        f"urlpath=lab/tree/<clone folder>/{START}; found {links}")


@pytest.mark.slow
def test_binder_requirements_resolve_to_this_repository(tmp_path: Path) -> None:
    """pip, run from the repository root like repo2docker, reads '.' as this package."""
    report = tmp_path / "report.json"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--no-deps",
         "--no-build-isolation", "--quiet", "--report", str(report),
         "-r", str(BINDER / "requirements.txt")],
        cwd=ROOT, check=True, capture_output=True, timeout=300,
    )
    installed = json.loads(report.read_text())["install"]
    names = {canonicalize_name(i["metadata"]["name"]): i for i in installed}
    name = canonicalize_name(_pyproject()["project"]["name"])
    assert name in names, names
    requires = {canonicalize_name(Requirement(r).name)
                for r in names[name]["metadata"].get("requires_dist", [])
                if "extra ==" not in r}
    assert requires == set(_project_requirements()), requires
