"""Benchmark issue 13 on the synthetic full-size official file: ``affinity`` and ``search_votes``.

Not part of the test suite: it never fails on time, it prints seconds and
ratios. Run from the repository root::

    python benchmarks/bench_issue13.py [--path FILE] [--votes 6000] [--repeat 3]

Without ``--path`` it writes (once) a synthetic file with ``--votes`` recorded
votes x 193 states (``benchmarks/make_synthetic_undl.py``) into the temporary
folder, outside the repository. The official reader's cache goes to a
folder of its own in the temporary folder (kept between runs, so only the
first run parses the file).

Measured (best of ``--repeat``, the load average printed first):

* the cached load: ``read_undl(path, resolutions="all")`` and
  ``use_official_record(path)`` with the cache already written (the
  denominators of the ratios below);
* ``affinity``: one state against three references (the issue's target:
  under 1 s after the cached load), its first call after the record is set
  (which also summarises the file once) and the following calls, over
  contested votes (the default, issue 22) and over all votes; by session;
  yes/no only; five states at once; and a straightforward pandas
  pivot/groupby computing the same numbers over all votes (checked equal);
* ``search_votes``: a word search, a year, a session, a subject, all
  combined; the first call (which builds the vote catalogue) and the
  following ones; since issue 22 also words found by their stem or start
  ("right" finds "rights"), and a 200,000-word query of one repeated word
  (issue 20: it took 34 s).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_synthetic_undl import DEFAULT_OUT, write_synthetic  # noqa: E402

TARGET_AFFINITY_S = 1.0
REFERENCES = ("USA", "RUS", "CHN")


def best_of(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Best wall time of ``repeat`` runs, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def once(fn: Callable[[], Any]) -> tuple[float, Any]:
    return best_of(fn, 1)


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def naive_affinity(frame: Any, state: str, refs: tuple[str, ...]) -> Any:
    """The same numbers the slow, obvious pandas way (pivot, then group by year)."""
    import pandas as pd

    codes = [state, *refs]
    sub = frame[frame["current_iso3"].isin(codes)]
    wide = sub.pivot_table(index="undl_id", columns="current_iso3", values="vote",
                           aggfunc="first", observed=True).astype(object)
    years = frame.drop_duplicates("undl_id").set_index("undl_id")["date"].dt.year
    wide["year"] = years.reindex(wide.index).to_numpy()
    rows = []
    positions = {"yes", "no", "abstain"}
    for ref in refs:
        both = wide[state].isin(positions) & wide[ref].isin(positions)
        same = both & (wide[state] == wide[ref])
        g = pd.DataFrame({"year": wide["year"], "both": both, "same": same}).groupby("year")
        counts = g[["both", "same"]].sum()
        for year, r in counts.iterrows():
            n = int(r["both"])
            rows.append({"reference": ref, "year": int(year),
                         "agreement": r["same"] / n if n else float("nan"), "votes": n})
    return pd.DataFrame(rows)


def row(label: str, seconds: float, base: float | None = None, target: float | None = None,
        note: str = "") -> None:
    parts = [f"  {label:<58} {seconds:8.3f} s"]
    if base:
        parts.append(f"{seconds / base:7.2f}x cached load")
    if target:
        parts.append(f"{seconds / target:5.2f}x target ({target:g} s)")
    if note:
        parts.append(note)
    print("  ".join(parts))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", type=Path, default=None)
    parser.add_argument("--votes", type=int, default=6000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--state", default="BRA")
    args = parser.parse_args(argv)

    path = args.path or DEFAULT_OUT.with_name(f"undl_synthetic_{args.votes}.csv")
    if not path.exists():
        print(f"writing {path} ({args.votes} votes; once) ...", flush=True)
        write_synthetic(path, args.votes)
    os.environ.setdefault("UNGA_TEACH_CACHE",
                          str(Path(tempfile.gettempdir()) / "unga_teach_bench_issue13_cache"))
    os.environ.pop("UNGA_TEACH_UNDL", None)
    warnings.simplefilter("ignore", UserWarning)  # "no course vote in this file", expected

    import pandas as pd

    import unga_teach as ut
    from unga_teach import record

    print(f"file: {path} ({path.stat().st_size / 1e6:.0f} MB)")
    print(f"cache: {os.environ['UNGA_TEACH_CACHE']}")
    print(f"load average: {load_average()}  (2 cores shared)")
    print(f"python {sys.version.split()[0]}, pandas {pd.__version__}, best of {args.repeat}")

    print("altair imported before ut.affinity:", "altair" in sys.modules)
    first, frame = once(lambda: ut.read_undl(path, resolutions="all"))
    print(f"\nfirst read_undl this run: {first:.2f} s ({frame.attrs.get('cache')})")
    n_votes = frame["undl_id"].nunique()
    print(f"{len(frame):,} rows, {n_votes:,} recorded votes, "
          f"{frame['date'].dt.year.nunique()} years, {frame['session'].nunique()} sessions")

    print("\ncached load")
    cached, _ = best_of(lambda: ut.read_undl(path, resolutions="all"), args.repeat)
    row("read_undl(path, resolutions='all')", cached)
    install, _ = best_of(lambda: ut.use_official_record(path), args.repeat)
    row("use_official_record(path)", install, cached)
    assert record.official_frame() is not None, "the record does not hold the full frame"

    print(f"\naffinity ({args.state} against {', '.join(REFERENCES)}; target < "
          f"{TARGET_AFFINITY_S:g} s after the cached load)")
    ut.use_official_record(path)  # a fresh record state: nothing derived yet
    t, a = once(lambda: ut.affinity(args.state, against=REFERENCES))
    row("first call after use_official_record (summarises the file)", t, cached,
        TARGET_AFFINITY_S)
    t, c = best_of(lambda: ut.affinity(args.state, against=REFERENCES), args.repeat)
    row("following calls (contested votes, the default)", t, cached, TARGET_AFFINITY_S,
        f"{len(c)} rows, {int(c['votes'].sum()):,} comparable votes, "
        f"{c.attrs['votes_counted']:,} of {c.attrs['recorded_votes']:,} votes contested")
    t, a = best_of(lambda: ut.affinity(args.state, against=REFERENCES, votes="all"),
                   args.repeat)
    row("votes='all'", t, cached, TARGET_AFFINITY_S,
        f"{len(a)} rows, {int(a['votes'].sum()):,} comparable votes")
    t, _ = best_of(lambda: ut.affinity(args.state, against=REFERENCES, by="session"),
                   args.repeat)
    row("by='session'", t, cached, TARGET_AFFINITY_S)
    t, _ = best_of(lambda: ut.affinity(args.state, against=REFERENCES,
                                       include_abstain=False), args.repeat)
    row("include_abstain=False", t, cached, TARGET_AFFINITY_S)
    five = ["BRA", "IND", "ZAF", "TUR", "IDN"]
    t, _ = best_of(lambda: ut.affinity(five, against=REFERENCES), args.repeat)
    row("five states x three references", t, cached, TARGET_AFFINITY_S)
    t, _ = best_of(lambda: ut.affinity_chart(args.state, against=REFERENCES).to_dict(),
                   args.repeat)
    row("affinity_chart(...).to_dict()", t, cached)
    fast = best_of(lambda: ut.affinity(args.state, against=REFERENCES, votes="all"),
                   args.repeat)[0]
    t_naive, naive = best_of(lambda: naive_affinity(frame, args.state, REFERENCES),
                             args.repeat)
    row("pandas pivot + groupby, same numbers", t_naive, cached, TARGET_AFFINITY_S,
        f"affinity takes {fast / t_naive:.2f}x this time")
    merged = a.merge(naive, on=["reference", "year"], suffixes=("", "_naive"), how="outer")
    same_votes = bool((merged["votes"] == merged["votes_naive"]).all())
    diff = (merged["agreement"] - merged["agreement_naive"]).abs().max()
    both_nan = (merged["agreement"].isna() == merged["agreement_naive"].isna()).all()
    print(f"  check against pandas: votes equal {same_votes}, NaN rows equal {bool(both_nan)}, "
          f"largest agreement difference {diff:.2e}")

    print("\nsearch_votes")
    search = getattr(ut, "search_votes", None)
    print("  (altair is already imported, by affinity_chart above: not in these timings)")
    if search is None:
        print("  ut.search_votes is not available: not measured")
        return 0
    ut.use_official_record(path)  # fresh: the catalogue is built on first use
    t, found = once(lambda: search("nuclear weapons"))
    row("first call: 'nuclear weapons' (builds the catalogue)", t, cached,
        note=f"{len(found):,} votes")
    ut.use_official_record(path)
    t, _ = once(record.official_catalog)
    row("  of which the vote catalogue (symbols, rows)", t, cached)
    t, found = once(lambda: search("nuclear weapons"))
    row("  and the searched texts (titles read, words indexed)", t, cached)
    queries: list[tuple[str, Callable[[], Any]]] = [
        ("text='nuclear weapons'", lambda: search("nuclear weapons")),
        ("year=2000", lambda: search(year=2000)),
        ("session=55", lambda: search(session=55)),
        ("subject='disarmament'", lambda: search(subject="disarmament")),
        ("text + year range + subject", lambda: search(
            "human rights", year=range(1990, 2011), subject="protection")),
        ("no filter (every vote, newest first)", lambda: search()),
        ("stem and word start: 'right' (finds 'rights')", lambda: search("right")),
        ("three words: 'human rights protection'", lambda: search("human rights protection")),
        ("200,000 words, one repeated: 'peace ' * 200000", lambda: search("peace " * 200_000)),
    ]
    for label, fn in queries:
        t, found = best_of(fn, args.repeat)
        row(label, t, cached, note=f"{len(found):,} votes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
