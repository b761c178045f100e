"""Converting many inputs at once: files and folders, in this process or in N, then a summary.

Each input is converted exactly as `adapt convert INPUT` would (same outputs, same messages);
one failing input does not stop the others. Messages are replayed in input order whatever
order the processes finish in, so the output is the same for any --jobs.
"""
from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import click

from .errors import EXIT_BAD_INPUT, EXIT_FAILED, AdaptError, one_line
from .formats import EXTENSIONS

# What a folder's story files are called (files with other names in it are left alone).
STORY_SUFFIXES = (".txt", ".text", ".fountain", ".spmd", ".json")


@dataclass
class Outcome:
    path: str
    messages: list[tuple[str, bool]] = field(default_factory=list)   # (text, to stderr)
    error: str | None = None
    exit_code: int = 0
    written: int = 0


def expand(paths: tuple[str, ...] | list[str]) -> list[str]:
    """The inputs named: files as given, folders as their story files in name order."""
    inputs: list[str] = []
    for path in paths:
        if path == "-":
            raise AdaptError("standard input can only be converted on its own", "-",
                             EXIT_BAD_INPUT)
        folder = Path(path)
        if not folder.is_dir():
            inputs.append(path)   # a missing file fails on its own turn, like any bad input
            continue
        found = sorted(str(child) for child in folder.iterdir()
                       if child.suffix.lower() in STORY_SUFFIXES
                       and not child.name.startswith(".") and child.is_file())
        if not found:
            raise AdaptError(f"a directory with no story files in it "
                             f"({', '.join(STORY_SUFFIXES)})", path, EXIT_BAD_INPUT)
        inputs.extend(found)
    return inputs


def _refuse_collisions(inputs: list[str], options: dict):
    """Two inputs with one stem would write the same outputs: refuse before converting any."""
    formats = [options["fmt"]] if options["fmt"] else ["pdf", "fountain"]
    first: dict[str, str] = {}
    for path in inputs:
        stem = Path(path).stem
        if stem in first:
            names = ", ".join(str(Path(options["out_dir"]) / f"{stem}{EXTENSIONS[f]}")
                              for f in formats)
            raise AdaptError(f"{first[stem]} and {path} would both be written to {names}; "
                             "convert them separately with -o", exit_code=EXIT_BAD_INPUT)
        first[stem] = path


def convert_one(path: str, options: dict) -> Outcome:
    """Convert one input, catching its failure; runs in a worker process with --jobs."""
    from .cli import _convert_one

    outcome = Outcome(path)

    def emit(text, err=False):
        outcome.messages.append((str(text), err))
        outcome.written += not err

    try:
        _convert_one(path, **options, emit=emit, progress=False)
    except AdaptError as exc:
        outcome.error, outcome.exit_code = one_line(str(exc)), exc.exit_code
    except Exception as exc:  # noqa: BLE001 - one input's bug must not stop the batch
        outcome.error = (f"{path}: internal error ({type(exc).__name__}: "
                         f"{one_line(exc)[:200]}); rerun it alone with --debug")
        outcome.exit_code = EXIT_FAILED
    return outcome


def _outcomes(inputs: list[str], options: dict, workers: int):
    """Outcomes in input order, converted here (one worker) or in a process pool."""
    if workers == 1:
        for path in inputs:
            yield convert_one(path, options)
        return
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=workers, initializer=_without_helper)
    try:
        futures = [pool.submit(convert_one, path, options) for path in inputs]
        for future in futures:
            yield future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _without_helper():
    """In a pool worker the other cores are the other workers': no helper process on top."""
    from . import helper

    helper.ENABLED = False


def _replay(outcome: Outcome):
    for text, err in outcome.messages:
        click.echo(text, err=err)
    if outcome.error:
        click.echo(f"adapt: {outcome.error}", err=True)


def convert_many(paths, options: dict, jobs: int = 1, progress: bool | None = None):
    """`adapt convert` with several inputs or a folder."""
    from .progress import batch_bar

    if options["output"] is not None:
        raise AdaptError("-o names one output file; with several inputs use --out-dir "
                         "(and -f for one format)", exit_code=EXIT_BAD_INPUT)
    inputs = expand(paths)
    _refuse_collisions(inputs, options)
    workers = max(1, min(jobs or os.cpu_count() or 1, len(inputs)))
    started = time.perf_counter()
    outcomes: list[Outcome] = []
    with batch_bar(len(inputs), progress) as advance:
        for outcome in _outcomes(inputs, options, workers):
            outcomes.append(outcome)
            if advance is None:
                _replay(outcome)   # no bar to draw over: say it as it happens
            else:
                advance()
    if advance is not None:
        for outcome in outcomes:
            _replay(outcome)
    _summary(outcomes, workers, time.perf_counter() - started)


def _summary(outcomes: list[Outcome], workers: int, seconds: float):
    failed = [o for o in outcomes if o.error]
    done = len(outcomes) - len(failed)
    files = sum(o.written for o in outcomes)
    processes = f" using {workers} processes" if workers > 1 else ""
    line = (f"adapt: converted {done} of {len(outcomes)} inputs ({files} files written) "
            f"in {seconds:.1f} s{processes}")
    if failed:
        line += f"; failed: {', '.join(o.path for o in failed)}"
    click.echo(line, err=True)
    if failed:
        sys.exit(max(o.exit_code for o in failed))
