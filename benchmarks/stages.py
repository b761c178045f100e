"""Where `adapt convert` spends its time, stage by stage, in the parent and its helpers.

Usage: python -m benchmarks.stages [FILE] [--runs N] [--force-helper]

Runs `adapt convert FILE` (default: Pride and Prejudice from the corpus) N times (default 5),
each in a fresh process from this source tree, and prints per stage the median CPU seconds
(time.process_time of the process doing it) and wall seconds: the parent's stages (start-up,
read, attribute, scenes = the paragraphs' elements and the wait for the plan, build, pdf,
fountain), the scene helper's (action rewritten ahead, scene planner warmed, plan) and the
PDF helper's, and how long the parent waited for each. CPU figures are what to compare on a
busy machine; wall figures need an idle one. --force-helper forks the helpers even when the
load average says the cores are busy (adapt.helper._busy).
"""
from __future__ import annotations

import argparse
import collections
import os
import re
import statistics
import subprocess
import sys
import tempfile

from benchmarks.corpus import ROOT, pdnc_dir

_EVENT = re.compile(r"STAGE (\d+) (.+?) wall ([\d.]+) cpu ([\d.]+)$")


def _child(path: str, out_dir: str, force_helper: bool):
    """One instrumented conversion; events go to stderr as `STAGE pid what wall cpu`."""
    import contextlib
    import time

    start = time.perf_counter()

    def log(what: str):
        os.write(2, f"STAGE {os.getpid()} {what} wall {time.perf_counter() - start:.4f} "
                    f"cpu {time.process_time():.4f}\n".encode())

    from adapt import helper, pipeline, progress
    from adapt.writers import pdf

    if force_helper:
        helper._busy = lambda: False

    @contextlib.contextmanager
    def stage_bar(source, formats, wanted):
        log("start-up")
        yield log

    progress.stage_bar = stage_bar
    work, paint, next_value = pipeline._helper_work, pdf._later_pages, helper.Helper.next

    def helper_work(*args):
        names = iter(("scene helper: action ahead", "scene helper: warm + plan"))
        for value in work(*args):
            log(next(names, "scene helper: more"))
            yield value

    def later_pages(*args):
        for value in paint(*args):
            log("pdf helper: pages")
            yield value

    def waited(self):
        log("wait")
        value = next_value(self)
        log("waited")
        return value

    pipeline._helper_work, pdf._later_pages, helper.Helper.next = helper_work, later_pages, waited
    from adapt.cli import main

    sys.argv = ["adapt", "convert", path, "--out-dir", out_dir, "--force"]
    try:
        main()
    except SystemExit:
        pass
    log("exit")


def _run(path: str, out_dir: str, force_helper: bool) -> list[tuple[int, str, float, float]]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("PYTHONDONTWRITEBYTECODE", None)   # (as an installed package, bytecode is cached)
    argv = [sys.executable, "-m", "benchmarks.stages", "--child", path, out_dir]
    if force_helper:
        argv.append("--force-helper")
    done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return [(int(m[1]), m[2], float(m[3]), float(m[4]))
            for m in map(_EVENT.match, done.stderr.splitlines()) if m]


def _stages(events) -> dict[str, tuple[float, float | None]]:
    """stage -> (CPU seconds, wall seconds) of one run."""
    parent = events[0][0]
    out, last, waits = {}, {}, 0
    for pid, what, wall, cpu in events:
        if pid == parent:
            if what == "wait":
                wait_from = wall
                continue
            if what == "waited":
                waits += 1
                out[f"parent waits ({waits})"] = (0.0, wall - wait_from)
                continue
            wall0, cpu0 = last.get(pid, (0.0, 0.0))
            out[f"parent: {what}"] = (cpu - cpu0, wall - wall0)
        else:
            wall0, cpu0 = last.get(pid, (wall, 0.0))
            out[what] = (cpu - cpu0, None)      # a helper's CPU since it forked or last yielded
        last[pid] = (wall, cpu)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--force-helper", action="store_true")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(*args.child, args.force_helper)
        return 0
    path = args.file or str(pdnc_dir() / "PrideAndPrejudice" / "novel_text.txt")
    samples: dict[str, list[tuple[float, float | None]]] = collections.defaultdict(list)
    with tempfile.TemporaryDirectory(prefix="adapt-stages-") as out_dir:
        _run(path, out_dir, args.force_helper)        # warm-up: caches, bytecode
        for _ in range(args.runs):
            for stage, figures in _stages(_run(path, out_dir, args.force_helper)).items():
                samples[stage].append(figures)
    print(f"{'stage':34s} {'CPU s':>7s} {'wall s':>7s}   (medians of {args.runs} runs)")
    for stage, figures in samples.items():
        cpu = statistics.median(c for c, _ in figures)
        walls = [w for _, w in figures if w is not None]
        wall = f"{statistics.median(walls):7.3f}" if walls else " " * 7
        print(f"{stage:34s} {cpu:7.3f} {wall}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
