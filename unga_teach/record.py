"""Which record the loaders use: the shipped, sourced data, or the official UN file.

By default the course uses the shipped data. After
``unga_teach.use_official_record(path)`` (or with the environment variable
``UNGA_TEACH_UNDL`` naming the file), rows from the UN Digital Library's
"General Assembly Voting Data" replace the shipped rows for every resolution
the file covers. Nothing is read at import time.
"""

from __future__ import annotations

import os

import pandas as pd

ENV_VAR = "UNGA_TEACH_UNDL"

_official: pd.DataFrame | None = None
_official_path: str | None = None
_env_checked = False
_generation = 0


def set_official_votes(frame: pd.DataFrame | None, path: str | None = None) -> None:
    """Install (or, with ``None``, remove) official vote rows for the loaders."""
    global _official, _official_path, _env_checked, _generation
    _official = frame
    _official_path = path
    _env_checked = True
    _generation += 1


def generation() -> int:
    """A counter that changes whenever the record in use changes (for caches)."""
    official_votes()
    return _generation


def official_votes() -> pd.DataFrame | None:
    """Return the official rows in use, loading ``$UNGA_TEACH_UNDL`` on first use."""
    global _env_checked
    if not _env_checked:
        _env_checked = True
        path = os.environ.get(ENV_VAR, "").strip()
        if path:
            from .undl import use_official_record

            use_official_record(path)
    return _official


def official_source() -> str | None:
    """Path of the official file in use, or ``None``."""
    official_votes()
    return _official_path
