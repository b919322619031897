"""Fixtures for the browser test: one JupyterLab server and one Chromium per session.

Both are started only when a ``browser`` test runs, and always stopped (kernels
through the REST API, then the server's process group) at the end.

Without ``/usr/bin/chromium`` (or the Playwright package) the tests are skipped,
unless ``UNGA_TEACH_REQUIRE_BROWSER=1`` (set by ``.ci/run``) makes that a failure.
Set ``UNGA_TEACH_NOTEBOOK_DIR`` to drive another folder of notebooks.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from typing import Any

import a11y
import labdriver
import pytest


def _unavailable(reason: str) -> None:
    if os.environ.get("UNGA_TEACH_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser test required (UNGA_TEACH_REQUIRE_BROWSER=1) but {reason}",
                    pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def playwright_sync() -> Iterator[Any]:
    if not os.access(labdriver.CHROMIUM, os.X_OK):
        _unavailable(f"{labdriver.CHROMIUM} is missing: `apt-get install -y chromium` "
                     "(never `playwright install`)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -e '.[test]')")
    try:
        a11y.axe_script()
    except (ImportError, OSError):
        _unavailable("axe-core is missing: the axe-playwright-python package is not "
                     "installed (pip install -e '.[test]')")
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_sync: Any) -> Iterator[Any]:
    b = labdriver.launch_browser(playwright_sync)
    try:
        yield b
    finally:
        b.close()


@pytest.fixture(scope="session")
def lab_context(browser: Any) -> Iterator[Any]:
    """One context for all notebooks: its HTTP cache spares reloading JupyterLab's bundles."""
    ctx = labdriver.new_context(browser)
    try:
        yield ctx
    finally:
        ctx.close()


@pytest.fixture(scope="session")
def lab(playwright_sync: Any) -> Iterator[labdriver.LabServer]:
    t0 = time.perf_counter()
    with labdriver.lab_server(labdriver.notebook_dir()) as (server, _copies):
        print(f"\nJupyterLab up on {server.url} in {time.perf_counter() - t0:.1f} s "
              f"(serving a copy in {server.root_dir})")
        yield server


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not labdriver.RESULTS:
        return
    tr = terminalreporter
    tr.section("browser test: timings and screenshots")
    for res in labdriver.RESULTS:
        for line in labdriver.summary(res).splitlines():
            tr.write_line(line)
    summary = labdriver.A11Y_DIR / "summary.md"
    if summary.exists():
        tr.section("browser test: accessibility (axe-core), " + str(summary))
        for line in summary.read_text(encoding="utf-8").splitlines():
            tr.write_line(line)
