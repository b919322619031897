"""The official UN record: the Digital Library's "General Assembly Voting Data" file.

The UN Dag Hammarskjöld Library publishes every recorded vote on an adopted
General Assembly resolution since 1946 as one CSV file (record 4060887, about
950,000 rows, 360 MB): one row per member state per resolution. The course
does not ship it; an instructor downloads it and points the kit at it.

Modules, each depending only on the ones above it:

* :mod:`~unga_teach.official.columns` - categorical helpers;
* :mod:`~unga_teach.official.codes` - the file's columns, vote codes and
  historical state codes (:func:`historical_codes`);
* :mod:`~unga_teach.official.parse` - header and cut-off checks, the pyarrow
  parse, error messages with line numbers;
* :mod:`~unga_teach.official.tidy` - checks of the parsed columns and the
  tidy frame;
* :mod:`~unga_teach.official.cache` - the cache (:func:`cache_dir`,
  :func:`clear_cache`, :func:`cache_usage`);
* :mod:`~unga_teach.official.read` - :func:`read_undl`;
* :mod:`~unga_teach.official.course` - which course votes the file shows
  whole (the others are refused, never turned into unknown votes);
* :mod:`~unga_teach.official.install` - :func:`use_official_record` (hands
  the checked rows to :mod:`unga_teach.record`, which the loaders ask);
* :mod:`~unga_teach.official.compare` - :func:`compare_with_official`;
* :mod:`~unga_teach.official.agreement` - :func:`agreement_matrix`.

The reader never imports the loaders (:mod:`unga_teach.votes`). Names are
imported on first use: importing this package reads nothing.
"""

from __future__ import annotations

from .._lazy import lazy_exports

#: public name -> module of this package that defines it
_EXPORTS: dict[str, str] = {
    "read_undl": "read",
    "UNDL_COLUMNS": "codes",
    "UNDL_OUTPUT_COLUMNS": "codes",
    "TOTAL_COLUMNS": "codes",
    "HISTORICAL_CODES": "codes",
    "historical_codes": "codes",
    "cache_dir": "cache",
    "cache_file": "cache",
    "cache_key": "cache",
    "cache_usage": "cache",
    "clear_cache": "cache",
    "use_official_record": "install",
    "compare_with_official": "compare",
    "COMPARE_COLUMNS": "compare",
    "COMPARE_KINDS": "compare",
    "agreement_matrix": "agreement",
}

__all__ = sorted(_EXPORTS)


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
