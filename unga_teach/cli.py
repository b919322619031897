"""The ``unga-teach`` command: import or compare the official UN file, check the data.

Subcommands::

    unga-teach import PATH          read the UN file (and cache it), show the coverage
    unga-teach compare PATH [--csv OUT]
                                    every difference between our data and the UN file
    unga-teach validate             check the shipped data, and the official file when
                                    UNGA_TEACH_UNDL is set (exit 1 on problems)
    unga-teach cache [--clear]      where the cache is and its size; --clear empties it
    unga-teach info                 versions, folders, coverage, record in use
    unga-teach search [TEXT] [--year Y] [--session S] [--subject WORDS] [--record PATH]
                                    find recorded votes (the twin of ut.search_votes)
    unga-teach lesson SYMBOL [--out PATH] [--record PATH] [--force]
                                    write a lesson notebook for one recorded vote
    unga-teach solutions DIR [--force]
                                    write the course notebooks with every exercise
                                    solved into DIR (for instructors)

Errors in the input (a missing or damaged file, ...) print one line starting
with ``error:`` on stderr and exit with status 2; there is no traceback.
Nothing is ever written into the installed package: the only file written is
the cache (see :func:`unga_teach.cache_dir`) and, on request, the ``--csv``
output. Warnings (a vote the official file does not show whole, a cache that
could not be written, a bad ``UNGA_TEACH_UNDL``) print as ``warning:`` lines
on stderr.

Examples
--------
>>> main(["validate"])
ok: the shipped data passed every check.
0
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import re
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from .errors import UngaTeachError

#: Columns of the coverage table shown by ``import`` and ``info``.
COVERAGE_SHOWN = ["resolution", "known", "unknown", "status", "record"]


def _table(frame: pd.DataFrame) -> str:
    with pd.option_context("display.width", 200, "display.max_columns", None,
                           "display.max_rows", None, "display.max_colwidth", 60):
        return frame.to_string(index=False)


def _coverage() -> pd.DataFrame:
    import unga_teach

    return unga_teach.coverage()


def _warn(message: str) -> None:
    """One ``warning:`` line on stderr."""
    print(f"warning: {' '.join(message.split())}", file=sys.stderr)


def _show_progress(args: argparse.Namespace) -> bool:
    return not args.no_progress and sys.stderr.isatty()


def _print_historical(table: pd.DataFrame) -> None:
    if table.empty:
        print("historical codes: none (every code in the file is a current member state)")
        return
    mapped = table[table["successor"].astype(str) != ""]
    print(f"historical codes: {len(table)} code(s) of states that no longer exist or changed "
          f"code ({len(mapped)} with a successor); their rows are kept under the code as given:")
    shown = table.assign(
        first_date=table["first_date"].astype(str).str[:10],
        last_date=table["last_date"].astype(str).str[:10],
    )[["code", "name_in_file", "successor", "votes", "first_date", "last_date"]]
    print(_table(shown))


def _cmd_import(args: argparse.Namespace) -> int:
    from . import record
    from .official.codes import historical_codes
    from .official.course import check_course_votes
    from .official.read import read_undl, select_votes

    path = Path(args.path)
    frame = read_undl(path, resolutions="all", cache=not args.no_cache,
                      progress=_show_progress(args))
    n_votes = int(frame["undl_id"].nunique())
    dates = frame["date"].dropna()
    span = f", {dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}" if len(dates) else ""
    print(f"read {path}: {len(frame):,} rows, {n_votes:,} recorded votes{span}")
    print(f"cache: {_cache_line(str(frame.attrs.get('cache', 'off')))}")
    checked = check_course_votes(select_votes(frame, "course"), str(path))
    record.install(checked.rows, str(path), accepted=checked.accepted, refused=checked.refused)
    if checked.refused:
        print("refused (the file does not show them whole; their shipped rows are kept):")
        for rid, why in checked.refused.items():
            print(f"  - {rid}: {why}")
    cov = _coverage()
    official = cov[cov["record"] == "official"]["resolution"].tolist()
    print(f"course votes in the file: {', '.join(official) if official else 'none'}")
    print()
    print(_table(cov[COVERAGE_SHOWN]))
    print()
    _print_historical(historical_codes(frame))
    print()
    print("The official record is used in this command only. To use it in notebooks, set "
          f"UNGA_TEACH_UNDL={path} or call unga_teach.use_official_record(path).")
    return 0


def _csv_target(args: argparse.Namespace) -> Path | None:
    """The ``--csv`` file, checked before the comparison runs (never the file compared)."""
    from .fileio import OutputPathError, check_output_path

    if args.csv is None:
        return None
    wanted, source = Path(args.csv).expanduser(), Path(args.path).expanduser()
    with contextlib.suppress(OSError):
        same = wanted.exists() and source.exists() and os.path.samefile(wanted, source)
        if same or wanted.absolute() == source.absolute():
            raise OutputPathError(f"--csv {args.csv} is the file being compared; refusing to "
                                  "write onto it (even with --force). Choose another file.")
    return check_output_path(args.csv, overwrite=args.force, follow_symlinks=args.force,
                             what="CSV file")


def _cache_line(status: str) -> str:
    """The cache status, once a background write has finished (it may have failed)."""
    from .official.cache import write_outcome

    if not status.startswith("written: "):
        return status
    path = Path(status.removeprefix("written: ").split(" (", 1)[0])
    problem = write_outcome(path)
    if problem is None:
        return status
    return f"not written: {problem} (the file was read without it)"


def _cmd_compare(args: argparse.Namespace) -> int:
    from .fileio import atomic_write_text
    from .official.compare import COMPARE_KINDS, compare_with_official

    out = _csv_target(args)
    table = compare_with_official(args.path, progress=_show_progress(args))
    covered = table.attrs.get("covered", [])
    not_covered = table.attrs.get("not_covered", [])
    print(f"compared: {', '.join(covered) if covered else 'no course vote is in the file'}")
    if not_covered:
        print(f"not in the file: {', '.join(not_covered)}")
    if table.empty:
        print("no differences: the shipped data agrees with the official file.")
    else:
        counts = table["kind"].value_counts()
        print(f"{len(table)} difference(s): "
              + "; ".join(f"{k}: {int(counts[k])}" for k in COMPARE_KINDS if k in counts))
        print()
        shown = table[["resolution", "iso3", "name", "shipped_vote", "official_vote",
                       "shipped_confidence", "kind"]]
        print(_table(shown))
    hist = pd.DataFrame(table.attrs.get("historical_codes", []))
    if not hist.empty:
        print()
        _print_historical(hist)
    if out is not None:
        atomic_write_text(out, table.to_csv(index=False), overwrite=args.force,
                          follow_symlinks=args.force, what="CSV file")
        print(f"\nwrote {len(table)} row(s) to {out}")
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from . import record
    from .validation import validate_official, validate_shipped

    shipped = validate_shipped()
    if shipped:
        print(f"shipped data: {len(shipped)} problem(s):")
        for problem in shipped:
            print(f"  - {problem}")
    else:
        print("ok: the shipped data passed every check.")
    official = validate_official()
    path = record.current_record().path
    if official:
        print(f"official file {path}: {len(official)} problem(s):")
        for problem in official:
            print(f"  - {problem}")
    elif path:
        print(f"ok: the official file {path} passed every check.")
    return 1 if shipped or official else 0


def _cmd_cache(args: argparse.Namespace) -> int:
    from .official.cache import cache_dir, cache_usage, clear_cache

    if args.clear:
        removed = clear_cache()
        print(f"cleared: {removed} file(s) deleted from {cache_dir()}")
        return 0
    print(f"cache: {cache_usage()}")
    return 0


def _cmd_info(args: argparse.Namespace) -> int:
    import numpy as np
    import pyarrow as pa

    from . import __version__, record
    from ._paths import data_dir
    from .official.cache import cache_usage

    print(f"unga-teach {__version__}")
    print(f"python {platform.python_version()}, pandas {pd.__version__}, "
          f"pyarrow {pa.__version__}, numpy {np.__version__}")
    print(f"data folder: {data_dir()}")
    try:
        print(f"cache folder: {cache_usage()}")
    except UngaTeachError as exc:
        print(f"cache folder: none ({' '.join(str(exc).split())})")
    info = record.current_record()
    print(f"official record: {info.path if info.kind == 'official' else 'none (shipped data)'}")
    print()
    print(_table(_coverage()[COVERAGE_SHOWN]))
    return 0


# ------------------------------------------------------------------ search
#: Characters never printed from a record: controls, and bidi overrides that
#: could make a title read differently from what it holds.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _printable(value: object, width: int) -> str:
    """One line of at most ``width`` characters, with no control character."""
    text = " ".join(_UNPRINTABLE.sub("?", str(value)).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _year_values(values: list[str] | None) -> list[object] | None:
    """``--year 2024``, ``--year 2020-2024`` or ``--year 2023,2024`` (repeatable)."""
    if not values:
        return None
    out: list[object] = []
    for value in values:
        for piece in value.split(","):
            first, dash, last = piece.strip().partition("-")
            if dash and first.isdigit() and last.isdigit() and int(first) <= int(last):
                out += list(range(int(first), int(last) + 1))
            else:
                out.append(piece.strip())
    return out


def _cmd_search(args: argparse.Namespace) -> int:
    from .search import search_votes

    if args.record:
        from .official.install import use_official_record

        use_official_record(args.record)
    if args.limit < 0:
        raise UngaTeachError(f"--limit must be 0 (every vote) or more, not {args.limit}.")
    sessions = [s.strip() for v in args.session or [] for s in v.split(",")] or None
    found = search_votes(args.text, year=_year_values(args.year),  # type: ignore[arg-type]
                         session=sessions, subject=args.subject)
    shown = found if args.limit == 0 else found.head(args.limit)
    print(f"{len(found):,} vote(s) found. {found.attrs['note'].split('. ')[0].rstrip('.')}.")
    if found.empty:
        print("No vote matches: try fewer words, or the start of a word ('child').")
        return 0

    def total(v: object) -> str:
        return "n/a" if pd.isna(v) else str(int(v))  # type: ignore[call-overload]

    table = pd.DataFrame({
        "id": [_printable(v, 24) for v in shown["id"]],
        "date": [f"{d:%Y-%m-%d}" if pd.notna(d) else "" for d in shown["date"]],
        "session": [_printable(v, 8) for v in shown["session"]],
        "yes-no-abst": [f"{total(y)}-{total(n)}-{total(a)}" for y, n, a in
                        zip(shown["yes"], shown["no"], shown["abstain"], strict=True)],
        "title": [_printable(v, 60) for v in shown["title"]],
        "matched": [_printable(v, 60) for v in shown["matched"]],
    })
    widths = {c: max([len(c), *(len(v) for v in table[c])]) for c in table.columns}
    print()
    for line in [list(table.columns), *table.to_numpy().tolist()]:
        print("  ".join(str(v).ljust(widths[c]) for c, v in zip(table.columns, line,
                                                                 strict=True)).rstrip())
    if len(shown) < len(found):
        print(f"\nshowing the first {len(shown)} of {len(found):,} (title matches first, then "
              "the newest); --limit 0 shows every one.")
    return 0


def _cmd_lesson(args: argparse.Namespace) -> int:
    from .lesson import make_lesson, record_path_for

    path = make_lesson(args.symbol, args.out, record=args.record, overwrite=args.force)
    print(f"wrote {path} ({path.stat().st_size / 1024:.1f} KB): open it in JupyterLab and "
          "run all cells.")
    if args.record is not None:
        print(f"it loads the official file as {record_path_for(args.record, path)!r} (as seen "
              "from the notebook's folder)")
    return 0


def _cmd_solutions(args: argparse.Namespace) -> int:
    from .assess.solutions import write_solutions

    written = write_solutions(args.dir, force=args.force)
    print(f"wrote {len(written)} solution notebooks into {Path(args.dir)}: every exercise "
          "solved. Keep them for instructors; learners get the notebooks/ folder.")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="unga-teach",
        description="Course kit on UN General Assembly votes on Ukraine: import the official "
                    "UN voting file, compare it with the shipped data, check the data.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p_import = sub.add_parser(
        "import", help="read the UN 'General Assembly Voting Data' CSV and show the coverage",
        description="Read the UN Digital Library's 'General Assembly Voting Data' CSV "
                    "(plain or .gz), cache it, and show the course coverage with the official "
                    "record. Writes nothing into the package.",
    )
    p_import.add_argument("path", help="the CSV file, e.g. 2026_02_06_ga_voting.csv")
    p_import.add_argument("--no-cache", action="store_true", help="do not use or fill the cache")
    p_import.add_argument("--no-progress", action="store_true", help="no progress bar")
    p_import.set_defaults(func=_cmd_import)
    p_compare = sub.add_parser(
        "compare", help="list every difference between the shipped data and the UN file",
        description="List every difference between the shipped votes and the official file "
                    "for the course votes it covers.",
    )
    p_compare.add_argument("path", help="the CSV file")
    p_compare.add_argument("--csv", metavar="OUT",
                           help="also save the table as CSV (a new file: never the file "
                                "compared)")
    p_compare.add_argument("--force", action="store_true",
                           help="replace an existing --csv file")
    p_compare.add_argument("--no-progress", action="store_true", help="no progress bar")
    p_compare.set_defaults(func=_cmd_compare)
    p_validate = sub.add_parser(
        "validate", help="check the shipped data, and the official file if set (exit 1 on "
                         "problems)",
        description="Check the shipped data in data/ (always) and, when UNGA_TEACH_UNDL is "
                    "set, the official file too; each is reported separately. Exit 1 on "
                    "problems.",
    )
    p_validate.set_defaults(func=_cmd_validate)
    p_cache = sub.add_parser(
        "cache", help="where the cache of official files is and how big; --clear empties it",
        description="Show the cache folder of parsed official files and its size, or delete "
                    "the cached files with --clear (the official files themselves are not "
                    "touched).",
    )
    p_cache.add_argument("--clear", action="store_true", help="delete every cached file")
    p_cache.set_defaults(func=_cmd_cache)
    p_info = sub.add_parser("info", help="versions, folders, coverage and the record in use")
    p_info.set_defaults(func=_cmd_info)
    p_search = sub.add_parser(
        "search", help="find recorded votes by words, year, session or subject",
        description="Find recorded votes, as ut.search_votes does: words of the title, agenda "
                    "title or subjects (any case, accents ignored; 'child' finds 'children', "
                    "'Ukraine' finds 'Ukrainian'), or a symbol. Title matches come first, "
                    "then the newest. Every vote of the official file when UNGA_TEACH_UNDL "
                    "(or --record) is set; otherwise the course's votes only.",
    )
    p_search.add_argument("text", nargs="?", default=None,
                          help="words or a symbol, e.g. 'nuclear weapons' or A/RES/79/1")
    p_search.add_argument("--year", action="append", metavar="Y",
                          help="a year, a range 2020-2024 or a list 2023,2024 (repeatable)")
    p_search.add_argument("--session", action="append", metavar="S",
                          help="a session such as 79 or ES-11, or a list 78,79 (repeatable)")
    p_search.add_argument("--subject", metavar="WORDS", help="words of the UN Library subjects")
    p_search.add_argument("--record", metavar="PATH",
                          help="the official UN voting file to search (default: "
                               "UNGA_TEACH_UNDL)")
    p_search.add_argument("--limit", type=int, default=50, metavar="N",
                          help="show at most N votes (default 50; 0: every one)")
    p_search.set_defaults(func=_cmd_search)
    p_lesson = sub.add_parser(
        "lesson", help="write a lesson notebook for one recorded vote",
        description="Write a lesson notebook (in the style of the course's notebook 03) for "
                    "one recorded vote: a course id (ES-11/1), an adopted symbol "
                    "(A/RES/68/262) or a draft symbol. A vote outside the course needs the "
                    "official UN file (UNGA_TEACH_UNDL, or --record).",
    )
    p_lesson.add_argument("symbol", help="the vote, e.g. A/RES/68/262 or ES-11/1")
    p_lesson.add_argument("--out", metavar="PATH",
                          help="the notebook to write (default: lesson_<vote>.ipynb here)")
    p_lesson.add_argument("--record", metavar="PATH",
                          help="an official UN voting file the notebook loads itself "
                               "(default: the notebook uses UNGA_TEACH_UNDL where it runs)")
    p_lesson.add_argument("--force", action="store_true", help="replace an existing file")
    p_lesson.set_defaults(func=_cmd_lesson)
    p_solutions = sub.add_parser(
        "solutions", help="write the course notebooks with every exercise solved (instructors)")
    p_solutions.add_argument("dir", help="the folder to write into (created if missing)")
    p_solutions.add_argument("--force", action="store_true",
                             help="replace solution notebooks already in the folder")
    p_solutions.set_defaults(func=_cmd_solutions)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``unga-teach`` command and return its exit status.

    Parameters
    ----------
    argv : list of str, optional
        The arguments (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        0 on success, 1 when ``validate`` finds problems, 2 on an error
        (bad arguments, or a file that cannot be used: one ``error:`` line on
        stderr).

    Examples
    --------
    >>> main(["compare", "/no/such/file.csv"])
    2
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2)
        return int(exc.code or 0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            return _run(args)
        finally:
            seen: set[str] = set()
            for w in caught:
                if not issubclass(w.category, UserWarning):
                    continue
                message = " ".join(str(w.message).split())
                if message not in seen:
                    seen.add(message)
                    _warn(message)


def _run(args: argparse.Namespace) -> int:
    """Run one command; turn the package's errors into one ``error:`` line."""
    try:
        return int(args.func(args))
    except UngaTeachError as exc:
        message = " ".join(str(exc).split())
        print(f"error: {message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `unga-teach compare FILE | head`: stop quietly
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover - python -m unga_teach.cli
    sys.exit(main())
