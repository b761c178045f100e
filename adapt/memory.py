"""Giving memory back between the stages of a conversion.

A 10 MB novel's story, attribution and elements take about a hundred megabytes while they all
live; each stage drops what the later ones do not need, and these helpers make sure what was
dropped is really gone before the next stage allocates its own: per-document caches are
emptied, reference cycles collected, and the C heap's free pages returned to the system.
"""
from __future__ import annotations

import ctypes
import functools
import gc


def clear_caches(*modules, tables: bool = False) -> None:
    """Empty the bounded `functools.lru_cache`s of `modules`: they hold one document's
    paragraphs and words. Unbounded caches (tables read once from files) are kept unless
    `tables`."""
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, functools._lru_cache_wrapper) and \
                    (tables or value.cache_info().maxsize is not None):
                value.cache_clear()


def fewer_collections() -> None:
    """For a conversion process: the cycle collector runs less often. A conversion allocates
    millions of objects and frees nearly all of them by reference counting, so
    the collector's passes over the growing story and elements (~4% of the run at the default
    thresholds) find next to nothing; what is already loaded is frozen out of them."""
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


@functools.lru_cache(maxsize=1)
def _malloc_trim():
    """glibc's malloc_trim, or None on other C libraries (musl, macOS, Windows)."""
    try:
        return ctypes.CDLL(None).malloc_trim   # the C library the interpreter runs on
    except (OSError, AttributeError, TypeError):
        return None


def release() -> None:
    """Collect garbage, then return the C heap's free pages to the system: glibc keeps freed
    memory for reuse otherwise, and the next stage (a PDF's page streams) would add to it."""
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
