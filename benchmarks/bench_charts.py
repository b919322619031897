"""Spec size and build time of every chart builder (Python side only).

"Build" is the builder call plus ``chart.to_dict()`` (which validates the
spec against the Vega-Lite schema): what a notebook cell pays before the
spec is sent to JupyterLab. The first run of each chart also loads the data
files (cached afterwards), so it is reported separately. Drawing time in the
browser is not included.

Run from the repository root::

    .venv/bin/python benchmarks/bench_charts.py [--runs 5]

Prints numbers only; it never fails on time. The map's spec must stay under
200 KB, and every chart within 800 px (tests check both). With
``vl-convert-python`` installed (not a dependency) it also prints each chart's
drawn width and the time to draw it headless.
"""

from __future__ import annotations

import argparse
import json
import re
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
        ("agreement_chart(9 states, notebook 05)",
         lambda: ut.agreement_chart(["USA", "GBR", "FRA", "ISR", "HUN", "CHN", "IND", "BRA",
                                     "RUS"])),
        ("vote_map('2026')", lambda: ut.vote_map("2026")),
        ("vote_map('ES-11/7')", lambda: ut.vote_map("ES-11/7")),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per chart (default 5)")
    args = parser.parse_args()
    runs = max(1, args.runs)
    try:
        import vl_convert as vlc
    except ImportError:
        vlc = None
    print(f"{'chart':<44} {'spec KB':>8} {'first ms':>9} {'median ms':>10} {'max ms':>8}"
          + (f" {'width px':>9} {'draw ms':>8}" if vlc else ""))
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
        drawn = ""
        if vlc is not None:
            start = time.perf_counter()
            svg = vlc.vegalite_to_svg(json.dumps(spec), vl_version="5.8")
            draw = (time.perf_counter() - start) * 1000
            width = re.search(r'<svg[^>]*\bwidth="([\d.]+)"', svg)
            drawn = f" {width.group(1) if width else '?':>9} {draw:>8.0f}"
        print(f"{name:<44} {size_kb:>8.1f} {first:>9.0f} {statistics.median(times):>10.0f} "
              f"{max(times):>8.0f}" + drawn)


if __name__ == "__main__":
    main()
