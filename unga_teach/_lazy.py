"""Names a package exports but imports only on first use (no work at import time).

Examples
--------
>>> getattr_, dir_ = lazy_exports("unga_teach", {"load_votes": "votes"}, {})
>>> getattr_("load_votes").__name__
'load_votes'
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(package: str, exports: Mapping[str, str], namespace: dict[str, Any]
                 ) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A module ``__getattr__`` and ``__dir__`` for ``exports`` (name -> sub-module).

    A name is imported from ``package.<sub-module>`` on first use and kept in
    ``namespace`` (the package's ``globals()``), so later lookups are plain.
    """

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", package), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(exports))

    return __getattr__, __dir__
