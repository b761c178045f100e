"""Failures the command line reports as one line: `adapt: <file>: <problem>`.

Code that finds a problem with an input or an output raises `AdaptError`; `adapt.cli` prints
it (no traceback unless --debug) and exits non-zero.
"""
from __future__ import annotations

import contextlib

# Exit codes: 1 a conversion or output failed, 2 the input or the options are unusable
# (as click does for usage errors), 130 interrupted (128 + SIGINT, as shells report it).
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130


class AdaptError(Exception):
    """A problem to show the user as one line, naming the file it is about."""

    def __init__(self, problem: str, path: str | None = None, exit_code: int = EXIT_FAILED):
        super().__init__(problem)
        self.problem = problem
        self.path = path
        self.exit_code = exit_code

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}" if self.path else self.problem


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def wraps_interrupt(exc: BaseException) -> bool:
    """Ctrl-C that arrived inside C code which re-raised it as another error (ReportLab's
    rl_accel turns it into a RuntimeError naming KeyboardInterrupt in its message)."""
    seen = 0
    while exc is not None and seen < 20:
        if isinstance(exc, KeyboardInterrupt) or "(KeyboardInterrupt" in str(exc):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


@contextlib.contextmanager
def about(path: str):
    """Any unexpected exception inside becomes an AdaptError naming `path` (a bug in adapt,
    reported as one line; the original stays chained for --debug)."""
    try:
        yield
    except AdaptError as exc:
        if exc.path is None:
            exc.path = path
        raise
    except (KeyboardInterrupt, BrokenPipeError, MemoryError, RecursionError) as exc:
        if isinstance(exc, (MemoryError, RecursionError)):
            raise AdaptError(f"too large or too deeply nested to convert ({type(exc).__name__})",
                             path) from exc
        raise
    except Exception as exc:  # noqa: BLE001 - a bug must still end as one line, not a traceback
        if wraps_interrupt(exc):
            raise KeyboardInterrupt from exc
        raise AdaptError(f"internal error ({type(exc).__name__}: {one_line(exc)[:200]}); "
                         "rerun with --debug for the traceback", path) from exc
