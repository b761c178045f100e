"""Work done in a forked helper process, on the machine's second core.

Attribution is the long stage that everything after it waits for, yet part of the later work
(rewriting the narration's sentences as action) needs only the story, and once the cast is
known the scene plan and the building of the paragraphs' elements need not wait for each
other. A helper forked after the story is read does one side of each while this process does
the other; values go both ways through pipes, pickled.

Whatever goes wrong in the helper (an error, a signal, no fork on this platform, one CPU),
the caller does the same work itself, so the output never depends on the helper. The helper
ignores SIGINT (Ctrl-C reaches the whole process group): the parent alone reports the
interruption, and kills the helper on its way out.
"""
from __future__ import annotations

import os
import pickle
import signal
import struct
import sys

ENABLED = True     # off in the worker processes of `adapt convert --jobs N` (cores are taken)

_LENGTH = struct.Struct("<Q")


def cores() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _can_fork() -> bool:
    threading = sys.modules.get("threading")    # forking a threaded process can deadlock
    return (ENABLED and hasattr(os, "fork") and cores() >= 2
            and (threading is None or threading.active_count() == 1))


def _busy() -> bool:
    """Whether other programs already keep every core busy (the load average is a core over
    their number): a helper would then only add its own cost (about a fifth more CPU time)."""
    try:
        return os.getloadavg()[0] >= cores() + 1
    except (AttributeError, OSError):
        return False


class Helper:
    """Runs the generator function `func(*args, receive)` in a forked child: each value it
    yields comes out of `next()` here, each value given to `send()` here comes out of its
    `receive()`. After a failure `next()` gives None (and keeps doing so), `send()` False.
    Use as a context manager: leaving it reaps the child, or kills it if it still runs."""

    def __init__(self, func, *args):
        self.pid = None
        if not _can_fork() or _busy():
            return
        down, up = os.pipe(), os.pipe()        # parent -> child, child -> parent
        # No SIGINT between fork and the child's SIG_IGN: it would raise KeyboardInterrupt in
        # the child while it still runs the parent's code.
        old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            pid = os.fork()
            if pid == 0:                                    # the child: never returns
                code = 1
                try:
                    signal.signal(signal.SIGINT, signal.SIG_IGN)
                    signal.pthread_sigmask(signal.SIG_SETMASK, old)
                    os.close(down[1])
                    os.close(up[0])
                    with os.fdopen(down[0], "rb") as inbox, os.fdopen(up[1], "wb") as outbox:
                        for value in func(*args, lambda: _read(inbox)):
                            _write(outbox, value)
                    code = 0
                finally:
                    os._exit(code)    # no atexit handlers, no flushing the parent's buffers
        except OSError:    # no fork (out of processes or memory): the caller does the work
            for fd in (*down, *up):
                os.close(fd)
            return
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)
        os.close(down[0])
        os.close(up[1])
        self.pid = pid
        self._out = os.fdopen(down[1], "wb")
        self._in = os.fdopen(up[0], "rb")

    def next(self):
        """The child's next value (waiting for it), or None if it gave none."""
        if self.pid is None:
            return None
        try:
            return _read(self._in)
        except Exception:  # noqa: BLE001 - any failure of the child: the caller does its work
            self.close()
            return None

    def send(self, value) -> bool:
        """Give the child a value; False if it is gone."""
        if self.pid is None:
            return False
        try:
            _write(self._out, value)
            return True
        except OSError:
            self.close()
            return False

    def close(self):
        """Stop the child if it still runs, and reap it."""
        if self.pid is None:
            return
        for pipe in (self._out, self._in):
            try:
                pipe.close()
            except OSError:
                pass
        try:
            os.kill(self.pid, signal.SIGKILL)
        except OSError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except OSError:
            pass
        self.pid = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _write(pipe, value):
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    pipe.write(_LENGTH.pack(len(data)))
    pipe.write(data)
    pipe.flush()


def _read(pipe):
    head = pipe.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        raise EOFError("the other side is gone")
    size = _LENGTH.unpack(head)[0]
    data = pipe.read(size)
    if len(data) < size:
        raise EOFError("the other side is gone")
    return pickle.loads(data)
