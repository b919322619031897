"""Where the package finds its data files.

A wheel carries the top-level ``data/`` folder inside the package as
``unga_teach/data``; an editable install (or a source checkout on ``sys.path``)
reads the repository's ``data/`` folder directly. Nothing here runs at import.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .errors import DataFileError


@cache
def data_dir() -> Path:
    """Return the folder that holds the course data.

    Returns
    -------
    pathlib.Path
        ``unga_teach/data`` inside an installed wheel, otherwise the
        repository's top-level ``data/`` folder.

    Examples
    --------
    >>> from unga_teach._paths import data_dir
    >>> (data_dir() / "members.csv").is_file()
    True
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "data", here.parent / "data"):
        if (candidate / "members.csv").is_file():
            return candidate
    raise DataFileError(
        "The course data folder was not found: looked for members.csv in "
        f"{here / 'data'} and {here.parent / 'data'}. Reinstall the package "
        "(pip install unga-teach) or run from a full checkout."
    )


def data_file(name: str) -> Path:
    """Return the path of one data file, e.g. ``data_file("votes.csv")``."""
    path = data_dir() / name
    if not path.is_file():
        raise DataFileError(f"Data file {name!r} is missing from {data_dir()}.")
    return path
