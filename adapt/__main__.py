"""`python -m adapt` and the `adapt` command."""
import signal


def run():
    # Loading the modules takes a noticeable moment on a busy machine, and Ctrl-C then has
    # nothing to clean up: let it end the process as the shell expects, without a traceback.
    # The CLI takes Ctrl-C back as it starts a command (cli.interruptible) and turns it
    # into its own one-line report.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    from .cli import main
    main()


if __name__ == "__main__":
    run()
