"""Time one learner interaction per widget builder (Python side only).

Each interaction is a value change (or a click) followed by the widget's own
update: new HTML tables, counts and, for the comparer, a new Altair chart
object. Nothing is rendered: the browser's drawing time is not included.

Run from the repository root::

    .venv/bin/python benchmarks/bench_widgets.py [--runs 20] [--cold 3]

Prints the median and the slowest time in milliseconds against a 50 ms
target; it never fails on time.

``--cold N`` also times each builder's **first construction in a fresh
process**, N times, as a learner meets it: the process runs the first cell of
every notebook (``import unga_teach as ut; ut.setup_notebook()``, which
imports Altair) and then builds the widget, with no data loaded yet. The
target is 300 ms. ``--bare`` leaves out ``setup_notebook()`` (the builder then
pays for importing Altair itself, where it needs it).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from itertools import cycle
from typing import Any

TARGET_MS = 50.0
COLD_TARGET_MS = 300.0

#: builder name -> the call a notebook cell makes
COLD_BUILDERS = {
    "country_explorer": "ut.country_explorer()",
    "vote_comparer": "ut.vote_comparer()",
    "group_explorer": "ut.group_explorer()",
    "paragraph_explorer": "ut.paragraph_explorer()",
    "majority_calculator": "ut.majority_calculator()",
    "self_check": 'ut.self_check("03-share-of-present")',
}

_COLD_SCRIPT = """
import json, time, warnings
import unga_teach as ut
if {setup}:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ut.setup_notebook()
start = time.perf_counter()
w = {call}
print(json.dumps((time.perf_counter() - start) * 1000))
"""


def cold_build_ms(call: str, *, setup: bool = True) -> float:
    """Time ``call`` (e.g. ``"ut.vote_comparer()"``) in a fresh Python process."""
    script = _COLD_SCRIPT.format(setup=setup, call=call)
    out = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True,
                         text=True)
    return float(json.loads(out.stdout.strip().splitlines()[-1]))


def cold_report(repeats: int, *, setup: bool = True) -> None:
    """Print the median and the slowest cold first-construction time per builder."""
    print(f"first construction in a fresh process ({repeats} processes each; "
          f"{'after ut.setup_notebook()' if setup else 'bare: import unga_teach only'}):")
    width = max(len(n) for n in COLD_BUILDERS)
    for name, call in COLD_BUILDERS.items():
        try:
            times = [cold_build_ms(call, setup=setup) for _ in range(repeats)]
        except subprocess.CalledProcessError as exc:
            last = (exc.stderr or "").strip().splitlines()[-1:] or ["?"]
            print(f"  {name:<{width}}  failed: {last[0]}")
            continue
        median = statistics.median(times)
        flag = "ok" if median <= COLD_TARGET_MS else f"over {COLD_TARGET_MS:.0f} ms"
        print(f"  {name:<{width}}  {median:7.1f}ms  max {max(times):7.1f}ms  {flag}")


def _measure(step: Callable[[], Any], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append((time.perf_counter() - start) * 1000)
    return times


def _cases() -> list[tuple[str, Callable[[], Any], Callable[[Any], Callable[[], Any]]]]:
    """(name, builder, make_step(widget) -> step) for each interaction."""
    from unga_teach.assess.quizzes import matching_quiz, quiz
    from unga_teach.widgets import (
        country_explorer,
        group_explorer,
        majority_calculator,
        paragraph_explorer,
        vote_comparer,
    )

    def country_step(w: Any) -> Callable[[], Any]:
        names = cycle(["France", "Turkey", "Brazil", "UK", "India", "Frnace"])
        return lambda: setattr(w.country, "value", next(names))

    def group_step(w: Any) -> Callable[[], Any]:
        groups = cycle(["G7", "NATO", "African States", "AU", "EU", "BRICS"])
        return lambda: setattr(w.group, "value", next(groups))

    def group_resolution_step(w: Any) -> Callable[[], Any]:
        res = cycle(["ES-11/1", "ES-11/7", "2026", "68/262"])
        return lambda: setattr(w.resolution, "value", next(res))

    def paragraph_step(w: Any) -> Callable[[], Any]:
        def step() -> None:
            if w.next_button.disabled:
                w.paragraph.value = w.paragraph.options[0][1]
            else:
                w.next_button.click()
        return step

    def majority_step(w: Any) -> Callable[[], Any]:
        values = cycle([40, 80, 107, 120, 60])
        return lambda: setattr(w.yes, "value", next(values))

    def comparer_step(w: Any) -> Callable[[], Any]:
        res = cycle(["ES-11/1", "ES-11/4", "ES-11/6", "ES-11/7", "68/262"])
        return lambda: setattr(w.res_a, "value", next(res))

    def quiz_step(w: Any) -> Callable[[], Any]:
        picks = cycle(["12", "18"])

        def step() -> None:
            w.choices.value = next(picks)
            w.check_button.click()
        return step

    def matching_step(w: Any) -> Callable[[], Any]:
        def step() -> None:
            for d in w.dropdowns:
                d.value = "A"
            w.check_button.click()
        return step

    return [
        ("country_explorer: type a country", country_explorer, country_step),
        ("group_explorer: change group", group_explorer, group_step),
        ("group_explorer: change resolution", group_explorer, group_resolution_step),
        ("paragraph_explorer: Next", paragraph_explorer, paragraph_step),
        ("majority_calculator: move a slider", majority_calculator, majority_step),
        ("vote_comparer: change resolution (table + chart)", vote_comparer, comparer_step),
        ("quiz: choose + Check", lambda: quiz("?", ["12", "18", "51"], "12", "ok"), quiz_step),
        ("matching_quiz: choose + Check",
         lambda: matching_quiz("?", {"q1": "A", "q2": "B", "q3": "C"}, "ok"), matching_step),
    ]


def main(argv: list[str] | None = None) -> None:
    """Print median and max ms per interaction."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--cold", type=int, default=0, metavar="N",
                        help="also time first construction in N fresh processes per builder")
    parser.add_argument("--bare", action="store_true",
                        help="with --cold: do not run ut.setup_notebook() first")
    parser.add_argument("--cold-only", action="store_true", help="only the --cold timing")
    args = parser.parse_args(argv)
    if args.cold:
        cold_report(args.cold, setup=not args.bare)
        if args.cold_only:
            return
    rows = []
    for name, builder, make_step in _cases():
        start = time.perf_counter()
        widget = builder()
        build_ms = (time.perf_counter() - start) * 1000
        step = make_step(widget)
        step()  # warm caches (data files, imports)
        times = _measure(step, args.runs)
        if getattr(widget, "error_html", None) is not None and widget.error_html.value and \
                "No state matches" not in widget.error_html.value:
            print(f"warning: {name} shows an error: {widget.error_html.value[:120]}")
        rows.append((name, build_ms, statistics.median(times), max(times)))
    width = max(len(r[0]) for r in rows)
    print(f"{'interaction':<{width}}  {'build':>8}  {'median':>8}  {'max':>8}  target")
    for name, build_ms, median, worst in rows:
        flag = "ok" if median < TARGET_MS else f"over {TARGET_MS:.0f} ms"
        print(f"{name:<{width}}  {build_ms:7.1f}ms  {median:7.1f}ms  {worst:7.1f}ms  {flag}")
    print(f"({args.runs} runs each; build = first construction, including data loading)")


if __name__ == "__main__":
    main()
