"""Progress bars on stderr: for a large input (by pipeline stage) and for a batch (by input).

Shown by default only when stderr is a terminal and the wait is long enough to be worth it;
`--progress` forces a bar, `--no-progress` turns it off.
"""
from __future__ import annotations

import contextlib
import sys

LARGE_INPUT = 500_000   # characters: from about here a conversion takes more than half a second

# Share of a prose conversion's time spent in each stage, in the order they run (measured
# with benchmarks/performance.py on 10 MB of novels). A Fountain or JSON input skips
# the prose stages; the bar then jumps to the first output.
STAGES = {"read": 15, "attribute": 15, "scenes": 5, "build": 10,
          "pdf": 45, "fountain": 5, "json": 5}


def wanted(progress: bool | None, large: bool) -> bool:
    """--progress / --no-progress, else: a large job on a terminal."""
    if progress is not None:
        return progress
    return large and sys.stderr.isatty()


@contextlib.contextmanager
def stage_bar(source, formats: list[str], progress: bool | None):
    """Yields `step(stage)`, to call as each stage of converting `source` ends."""
    if not wanted(progress, len(source.text) >= LARGE_INPUT):
        yield lambda stage: None
        return
    import click

    stages = [s for s in STAGES if s not in ("pdf", "fountain", "json") or s in formats]
    ends, total = {}, 0
    for stage in stages:
        total += STAGES[stage]
        ends[stage] = total
    with click.progressbar(length=total, label=f"adapt: {source.label}", file=sys.stderr,
                           show_eta=False) as bar:
        def step(stage: str):
            if stage in ends and ends[stage] > bar.pos:
                bar.update(ends[stage] - bar.pos)

        yield step


@contextlib.contextmanager
def batch_bar(count: int, progress: bool | None):
    """Yields `advance()`, to call as each of `count` inputs is done, or None with no bar."""
    if not wanted(progress, count > 1):
        yield None
        return
    import click

    with click.progressbar(length=count, label=f"adapt: {count} inputs", file=sys.stderr,
                           show_pos=True, show_eta=False) as bar:
        yield lambda: bar.update(1)
