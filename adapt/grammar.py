"""Finding and compiling the Lark grammars shipped in `grammars/`."""
from __future__ import annotations

import functools
import hashlib
import importlib
import sys
from importlib import resources
from pathlib import Path

from .user_cache import cache_dir


def import_hiding(name: str, hidden: str):
    """Import module `name` as if module `hidden` were not installed, when `hidden` is not
    loaded yet; if `name` cannot do without it, import it as usual.

    Lark imports the `regex` package whenever it is installed (~7 ms of every run's start-up,
    while the second core is idle), though it uses it only for grammars made with
    regex=True, which adapt's are not: with it hidden, Lark works with `re` as it does
    for those grammars anyway."""
    if name in sys.modules or hidden in sys.modules:
        return importlib.import_module(name)
    sys.modules[hidden] = None              # (an import of it raises ImportError)
    try:
        return importlib.import_module(name)
    except ImportError:
        for loaded in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
            del sys.modules[loaded]         # (what the failed import left half done)
    finally:
        if sys.modules.get(hidden, ...) is None:
            del sys.modules[hidden]
    return importlib.import_module(name)


def grammar_text(name: str) -> str:
    """The text of grammars/<name>.lark, installed (as adapt.grammars) or in a source tree."""
    try:
        return resources.files("adapt.grammars").joinpath(f"{name}.lark").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        source_tree = Path(__file__).resolve().parent.parent / "grammars" / f"{name}.lark"
        return source_tree.read_text("utf-8")


def cache_file(name: str, text: str) -> str | bool:
    """Where Lark may keep its analysis of a grammar between runs (building the LALR tables
    costs ~25 ms of every run; loading them ~2 ms): a file in the user's cache folder
    ($XDG_CACHE_HOME or ~/.cache, then adapt/), named for the grammar's text. Lark checks
    the grammar, options and versions stored in the file, rebuilds on any mismatch, and
    carries on without the cache when the file cannot be read or written. False (no cache)
    when there is no cache folder to use."""
    base = cache_dir()
    if base is None:
        return False
    try:
        base.mkdir(parents=True, exist_ok=True)
    except OSError:                     # not writable
        return False
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return str(base / f"{name}-{digest}.lark-cache")


@functools.lru_cache(maxsize=None)
def lalr_parser(name: str, starts: tuple[str, ...]):
    lark = import_hiding("lark", "regex")    # here: `adapt --help` should not pay for it
    return lark.Lark(grammar_text(name), parser="lalr", lexer="contextual", start=list(starts))
