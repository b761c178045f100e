"""Compiled regular expressions kept in the user's cache folder between runs.

The speech-tag, cast and scene modules build large patterns (word lists, titles, the prose
grammar's terminals) when they are imported; compiling them is pure Python in the `re`
package and took a tenth of a conversion's time. `kept(name)` records what `re` compiles
inside it (the code its C engine runs) and, on later runs, hands the C engine that code
straight away. The engine checks code it is given, the file is named for the interpreter's
version and the engine's format, and any trouble falls back to compiling: a pattern behaves
the same whether it came from the cache or not.

Only patterns compiled while a `kept` block runs (module imports, a parser's first use) are
kept: the same every run, unlike the patterns made from one novel's character names.
"""
from __future__ import annotations

import contextlib
import marshal
import os
import sys

try:                                        # the compiler's module: re._compiler from 3.11
    import _sre
    from re import _compiler
except ImportError:                         # pragma: no cover - Python 3.10
    try:
        import _sre
        import sre_compile as _compiler
    except ImportError:
        _compiler = None

from .user_cache import cache_dir


def _cache_file(name: str):
    base = cache_dir()
    if base is None or _compiler is None:
        return None
    version = f"{sys.implementation.name}{sys.hexversion:x}-{_sre.MAGIC}-{_sre.CODESIZE}"
    return base / f"regex-{name}-{version}.marshal"


def _load(path) -> dict:
    try:
        table = marshal.loads(path.read_bytes())
        return table if isinstance(table, dict) else {}
    except (OSError, ValueError, EOFError, TypeError):
        return {}


class _Recorder:
    """Stands in for the `_sre` module inside `re`'s compiler: notes the arguments of each
    `compile` (the pattern's finished code), passes everything to the real one."""

    def __init__(self):
        self.last = None

    def __getattr__(self, name):
        return getattr(_sre, name)

    def compile(self, *args):
        self.last = args
        return _sre.compile(*args)


@contextlib.contextmanager
def kept(name: str):
    """Within the block, `re` takes compiled patterns from the cache file `name` and notes
    the ones it compiles; on leaving, a file that lacked any is written anew (with exactly
    the patterns the block used)."""
    path = _cache_file(name)
    original = getattr(_compiler, "compile", None)
    if path is None or original is None or not hasattr(_compiler, "_sre"):
        yield
        return
    table, used, missed = _load(path), {}, [False]
    recorder = _Recorder()

    def compile(p, flags=0):
        key = (p, int(flags)) if type(p) in (str, bytes) and not flags & 128 else None  # (DEBUG)
        args = table.get(key) if key is not None else None
        if args is not None:
            try:
                compiled = _sre.compile(p, *args)
                used[key] = args
                return compiled
            except Exception:  # noqa: BLE001 - unusable entry: compile as usual
                pass
        recorder.last = None
        compiled = original(p, flags)
        if key is not None and recorder.last is not None and recorder.last[0] is p:
            flags_, code, *rest = recorder.last[1:]     # (opcodes are int subclasses)
            used[key] = (int(flags_), list(map(int, code)), *rest)
            missed[0] = True
        return compiled

    real_sre = _compiler._sre
    _compiler.compile, _compiler._sre = compile, recorder
    try:
        yield
    finally:
        _compiler.compile, _compiler._sre = original, real_sre
        if missed[0]:
            _save(path, used)


def _save(path, table: dict):
    try:
        data = marshal.dumps(table)
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_name(f"{path.name}.{os.getpid()}.part")
        part.write_bytes(data)
        os.replace(part, path)          # whole or not at all, with several runs at once
    except (OSError, ValueError):       # not writable, or a value marshal cannot hold
        pass
