"""Time the browser test's steps: JupyterLab start, each notebook in Chromium, total.

    .venv/bin/python benchmarks/bench_browser.py            # every notebook
    .venv/bin/python benchmarks/bench_browser.py 03 05      # some of them

Uses the same driver as ``tests/browser/test_browser.py`` (a throwaway server
on a stripped copy of ``notebooks/``, Debian's ``/usr/bin/chromium``). Prints,
per notebook: until the cells are shown, until the kernel is idle, Run All,
charts painted, the region pictures, widget interactions, the axe-core check,
total, the violating elements by impact (minor/moderate/serious/critical) and
whether the tab was marked unsaved on opening; then server start, browser
launch and the wall clock against the test's 5-minute budget. Numbers only: it exits
non-zero only when the browser is missing or a notebook shows a problem.
Screenshots go to ``build/screenshots/`` as in the test.
"""

from __future__ import annotations

import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))

import a11y  # noqa: E402
import labdriver  # noqa: E402

BUDGET_SECONDS = 300.0


def main(argv: list[str]) -> int:
    if not os.access(labdriver.CHROMIUM, os.X_OK):
        print(f"{labdriver.CHROMIUM} is missing: apt-get install -y chromium", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    src = labdriver.notebook_dir()
    names = sorted(p.name for p in src.glob("*.ipynb"))
    if argv:
        names = [n for n in names if n[:2] in set(argv)]
    if not names:
        print(f"no notebooks found in {src}", file=sys.stderr)
        return 2
    print(f"{platform.python_implementation()} {platform.python_version()}, "
          f"{os.cpu_count()} CPU(s), {len(names)} notebook(s)")
    if hasattr(os, "getloadavg"):
        print(f"load average before: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    wall = time.perf_counter()
    bad = []
    results: list[labdriver.NotebookResult] = []
    with labdriver.lab_server(src) as (server, _copies):
        server_s = time.perf_counter() - wall
        with sync_playwright() as p:
            t0 = time.perf_counter()
            browser = labdriver.launch_browser(p)
            context = labdriver.new_context(browser)
            launch_s = time.perf_counter() - t0
            print(f"server start {server_s:.2f} s, browser launch {launch_s:.2f} s")
            head = (f"{'notebook':38} {'shown':>6} {'idle':>6} {'run':>6} {'charts':>6} "
                    f"{'shots':>6} {'widgets':>7} {'axe':>5} {'total':>6}  problems  "
                    f"{'a11y m/m/s/c':>13} dirty")
            print(head)
            for name in names:
                res = labdriver.run_notebook(context, server, server.root_dir / name)
                problems = (sum(len(v) for v in res.problems.values())
                            + len(res.interaction_failures) + len(res.external_requests)
                            + len(res.widgets_missing) + bool(res.timed_out)
                            + max(res.charts_expected - res.charts_drawn, 0))
                if problems:
                    bad.append(name)
                a = res.a11y
                counts = "/".join(map(str, a.counts().values())) if a and not a.error else "-"
                print(f"{name:38} {res.load_s:6.1f} {res.open_s:6.1f} {res.run_s:6.1f} "
                      f"{res.charts_s:6.1f} {res.shots_s:6.1f} {res.interact_s:7.1f} "
                      f"{a.seconds if a else 0:5.1f} {res.total_s:6.1f}  {problems:8}  "
                      f"{counts:>13} {res.dirty_on_open}")
                results.append(res)
            context.close()
            browser.close()
    wall = time.perf_counter() - wall
    if results:
        path = a11y.write_summary(results, labdriver.A11Y_DIR, frozenset())
        print(f"axe-core summary: {path}")
    verdict = "within" if wall < BUDGET_SECONDS else "OVER"
    print(f"wall clock {wall:.1f} s ({verdict} the {BUDGET_SECONDS:.0f} s budget of the test)")
    if bad:
        print(f"problems in: {', '.join(bad)} (run the browser test for details)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
