"""The user's cache folder, where adapt keeps what is slow to rebuild and safe to lose."""
from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path | None:
    """$XDG_CACHE_HOME/adapt, else ~/.cache/adapt; None when there is no home folder. The
    folder may not exist yet and may not be writable: callers carry on without a cache."""
    try:
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "adapt"
    except RuntimeError:                       # no home folder
        return None
