"""Time a headless run of every course notebook (nbclient, one fresh kernel each).

    .venv/bin/python benchmarks/bench_notebooks.py            # all numbered notebooks
    .venv/bin/python benchmarks/bench_notebooks.py 03 05      # some of them

Prints, per notebook, the kernel start-up, the execution of every cell, the
kernel shutdown and their total, then the sum and the wall clock. The target
for the whole series is under 90 s on a 2-core machine; the script reports
against it and never fails on time (it exits non-zero only if a notebook
raises).
"""

from __future__ import annotations

import os
import platform
import sys
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from nbclient.exceptions import CellExecutionError
from nbexec import WidgetSafeClient

ROOT = Path(__file__).resolve().parent.parent
NB_DIR = ROOT / "notebooks"
TARGET_SECONDS = 90.0


def run(path: Path) -> tuple[float, float, float, int]:
    """Return (kernel start, execution, kernel shutdown) seconds and the code-cell count."""
    nb = nbformat.read(path, as_version=4)
    client = WidgetSafeClient(
        nb,
        kernel_name="python3",
        timeout=300,
        store_widget_state=False,
        record_timing=False,
        shutdown_kernel="immediate",
        resources={"metadata": {"path": str(NB_DIR)}},
    )
    t0 = time.perf_counter()
    with client.setup_kernel():
        t1 = time.perf_counter()
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        t2 = time.perf_counter()
    t3 = time.perf_counter()
    n_code = sum(c.cell_type == "code" for c in nb.cells)
    return t1 - t0, t2 - t1, t3 - t2, n_code


def main(argv: list[str]) -> int:
    os.environ.pop("UNGA_TEACH_UNDL", None)  # time the shipped data, as CI does
    paths = sorted(NB_DIR.glob("[0-9][0-9]*_*.ipynb"))  # 00_..., 01a_... (the primer)
    if argv:
        paths = [p for p in paths if p.name.split("_", 1)[0] in set(argv)]
    if not paths:
        print("no notebooks found", file=sys.stderr)
        return 2
    print(f"{platform.python_implementation()} {platform.python_version()}, "
          f"{os.cpu_count()} CPU(s), {len(paths)} notebook(s)")
    if hasattr(os, "getloadavg"):
        print(f"load average before: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'notebook':40} {'cells':>5} {'start s':>8} {'run s':>7} {'stop s':>7} {'total s':>8}")
    total = 0.0
    failed = []
    wall = time.perf_counter()
    for path in paths:
        try:
            start, execute, stop, cells = run(path)
        except CellExecutionError as exc:
            failed.append(path.name)
            first = str(exc).strip().splitlines()[-1] if str(exc).strip() else "error"
            print(f"{path.name:40} FAILED: {first}")
            continue
        subtotal = start + execute + stop
        total += subtotal
        print(f"{path.name:40} {cells:5d} {start:8.2f} {execute:7.2f} {stop:7.2f} {subtotal:8.2f}")
    wall = time.perf_counter() - wall
    verdict = "within" if total < TARGET_SECONDS else "OVER"
    print(f"{'total':40} {'':5} {'':8} {'':7} {'':7} {total:8.2f}")
    print(f"wall clock {wall:.2f} s; target < {TARGET_SECONDS:.0f} s for the series: {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
