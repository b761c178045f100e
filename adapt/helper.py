"""Work done ahead in a forked helper process, on the machine's second core.

Attribution is the long stage that everything after it waits for, yet part of that later work
(rewriting the narration's sentences as action, reading scene cues) needs only the story. A
helper forked after the story is read does that part while this process attributes speakers,
and sends it back pickled. What it sends is only ever a cache of pure functions' results:
whatever goes wrong in it (an error, a signal, a platform without fork), the caller computes
the same values itself, so the output never depends on the helper.

The helper ignores SIGINT (Ctrl-C reaches the whole process group): the parent alone says it
was interrupted, and kills the helper on its way out.
"""
from __future__ import annotations

import os
import pickle
import signal

ENABLED = True     # off in the worker processes of `adapt convert --jobs N` (cores are taken)


def cores() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class Helper:
    """`func(*args)` run in a forked child; `result()` is its value, or None if the child
    could not give one. Use as a context manager: leaving it reaps (or kills) the child."""

    def __init__(self, func, *args):
        self.pid = None
        self._fd = None
        if not (ENABLED and hasattr(os, "fork") and cores() >= 2):
            return
        read_fd, write_fd = os.pipe()
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
                    os.close(read_fd)
                    data = pickle.dumps(func(*args), protocol=pickle.HIGHEST_PROTOCOL)
                    with os.fdopen(write_fd, "wb") as out:
                        out.write(data)
                    code = 0
                finally:
                    os._exit(code)    # no atexit handlers, no flushing the parent's buffers
        except OSError:    # no fork (out of processes or memory): the caller does the work
            os.close(read_fd)
            os.close(write_fd)
            return
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)
        os.close(write_fd)
        self.pid, self._fd = pid, read_fd

    def result(self):
        """The child's value (waiting for it), or None."""
        if self.pid is None:
            return None
        chunks = []
        with os.fdopen(self._fd, "rb") as pipe:
            self._fd = None
            while chunk := pipe.read(1 << 20):
                chunks.append(chunk)
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        if status != 0 or not chunks:
            return None
        data = b"".join(chunks)
        del chunks
        return pickle.loads(data)

    def close(self):
        """Stop the child if it still runs (the parent failed or was interrupted)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        if self.pid is not None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except OSError:
                pass
            self.pid = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
