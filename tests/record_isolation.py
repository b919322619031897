"""A shared fixture: tests that touch the official record run isolated from each other."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import pytest

from unga_teach import record


@pytest.fixture
def isolated_record(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """A private cache folder, no env var, and no official record left behind."""
    monkeypatch.setenv("UNGA_TEACH_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("UNGA_TEACH_UNDL", raising=False)
    saved = copy.copy(record.STATE.__dict__)
    record.use_shipped()
    yield
    record.STATE.clear()
    record.STATE.__dict__.update(saved)
