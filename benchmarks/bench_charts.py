"""Spec size and build time of every chart builder (Python side only).

"Build" is the builder call plus ``chart.to_dict()`` (which validates the
spec against the Vega-Lite schema): what a notebook cell pays before the
spec is sent to JupyterLab. The first run of each chart also loads the data
files (cached afterwards), so it is reported separately. Drawing time in the
browser is not included.

Run from the repository root::

    .venv/bin/python benchmarks/bench_charts.py [--runs 5]

Prints numbers only; it never fails on time. The map's spec must stay under
200 KB (a test checks that).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from typing import Any


def _cases() -> list[tuple[str, Callable[[], Any]]]:
    import unga_teach as ut

    return [
        ("tally_chart('2026')", lambda: ut.tally_chart("2026")),
        ("group_chart('2026')", lambda: ut.group_chart("2026")),
        ("group_chart('2026', by=[EU, BRICS, AU])",
         lambda: ut.group_chart("2026", by=["EU", "BRICS", "AU"])),
        ("trend_chart()", lambda: ut.trend_chart()),
        ("trend_chart(5 states, 2 groups)",
         lambda: ut.trend_chart(countries=["USA", "BRA", "IND", "HUN", "UKR"],
                                groups=["EU", "African States"])),
        ("shift_chart('ES-11/7', '2026')", lambda: ut.shift_chart("ES-11/7", "2026")),
        ("agreement_chart(8 states)",
         lambda: ut.agreement_chart(["USA", "FRA", "RUS", "CHN", "IND", "BRA", "HUN", "ZAF"])),
        ("vote_map('2026')", lambda: ut.vote_map("2026")),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per chart (default 5)")
    args = parser.parse_args()
    runs = max(1, args.runs)
    print(f"{'chart':<44} {'spec KB':>8} {'first ms':>9} {'median ms':>10} {'max ms':>8}")
    for name, build in _cases():
        start = time.perf_counter()
        spec = build().to_dict()
        first = (time.perf_counter() - start) * 1000
        size_kb = len(json.dumps(spec)) / 1000
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            build().to_dict()
            times.append((time.perf_counter() - start) * 1000)
        print(f"{name:<44} {size_kb:>8.1f} {first:>9.0f} {statistics.median(times):>10.0f} "
              f"{max(times):>8.0f}")


if __name__ == "__main__":
    main()
