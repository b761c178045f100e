"""`python -m adapt` and the `adapt` command."""
import os
import signal
import sys


def run():
    # Loading the modules takes a noticeable moment on a busy machine, and Ctrl-C then has
    # nothing to clean up: let it end the process as the shell expects, without a traceback.
    # The CLI takes Ctrl-C back as it starts a command (cli.interruptible) and turns it
    # into its own one-line report.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    from .cli import main
    try:
        main()
    except SystemExit as done:
        # The outputs are written and the helper processes reaped: the process ends here,
        # without the interpreter freeing a whole novel's objects one by one (tens of ms).
        code = done.code
        if code is not None and not isinstance(code, int):
            print(code, file=sys.stderr)
            code = 1
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):
            code = code or 1
        os._exit(code or 0)


if __name__ == "__main__":
    run()
