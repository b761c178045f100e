"""The user's cache folder, where adapt keeps what is slow to rebuild and safe to lose."""
from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path


def cache_dir() -> Path | None:
    """$XDG_CACHE_HOME/adapt, else ~/.cache/adapt; None when there is no home folder. The
    folder may not exist yet and may not be writable: callers carry on without a cache."""
    try:
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "adapt"
    except RuntimeError:                       # no home folder
        return None


def cached_table(key: str, build, replaces: str | None = None) -> dict:
    """The dict `build()` makes, kept in the cache folder under `key` (which must name what
    the table is made from) and read back with marshal in a few milliseconds. A cache that
    cannot be read or written is only slower; it is never needed. `replaces`: the start of
    the names of older tables this one supersedes, removed once it is written (a key made
    from a file's date would otherwise leave one table behind per installation)."""
    base = cache_dir()
    # marshal's format belongs to one Python version, which is part of the name
    cache = None if base is None else base / (
        f"{key}-py{sys.version_info[0]}{sys.version_info[1]}-m{marshal.version}.marshal")
    if cache is not None:
        try:
            table = marshal.loads(cache.read_bytes())
            if isinstance(table, dict):
                return table
        except (OSError, ValueError, EOFError, TypeError):
            pass
    table = build()
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            part = cache.with_name(f"{cache.name}.{os.getpid()}.part")
            part.write_bytes(marshal.dumps(table))
            os.replace(part, cache)            # whole or not at all, with several runs at once
            for old in cache.parent.glob(f"{replaces}*.marshal") if replaces else ():
                if old != cache:
                    old.unlink(missing_ok=True)
        except OSError:
            pass
    return table
