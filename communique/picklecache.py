"""Data built once and reused across processes (the knowledge base, the gazetteer), pickled
under the user cache directory (COMMUNIQUE_CACHE_DIR, else ~/.cache/communique) and keyed by
a fingerprint of what it is built from. A missing, stale or unwritable cache only means
building again.

    cached(name, fingerprint, build, valid) -> the built object
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    configured = os.environ.get("COMMUNIQUE_CACHE_DIR")
    return Path(configured) if configured else Path.home() / ".cache" / "communique"


def cached(
    name: str, fingerprint: str, build: Callable[[], T], valid: Callable[[object], bool]
) -> T:
    """The object pickled as `name`-`fingerprint` when it is there and `valid`, else
    `build()`, written for the next process."""
    path = cache_dir() / f"{name}-{fingerprint}.pickle"
    try:
        with path.open("rb") as handle:
            found = pickle.load(handle)
        if valid(found):
            return found
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    built = build()
    _write(path, built, name)
    return built


def _write(path: Path, built: object, name: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump(built, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)
        for stale in path.parent.glob(f"{name}-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home is fine: the next process builds again
