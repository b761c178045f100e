"""Speed and memory of `adapt convert`, against screenplain on the same machine, in one run.

Usage: python -m benchmarks.performance [--runs N] [--skip-large]

Every command runs as its own process (as a user would run it), one at a time, from one
process pool; the rounds interleave all cases so load from other programs spreads evenly.
Prints the median and the fastest wall time of N runs (default 5), the peak RSS, and the
ratios the targets of issue #9 are stated in:

- Pride and Prejudice, prose -> PDF + Fountain, against screenplain rendering (PDF only) the
  Fountain we produced for it: <= 0.5;
- Big Fish, Fountain -> PDF, against screenplain on the same file: <= 0.3;
- 10 MB of prose (corpus novels concatenated) in <= 11x the time of 1 MB, under 150 MB peak RSS
  (measured with `/usr/bin/time -v`);
- startup, `adapt --help`: < 0.15 s.

Where the time goes inside one conversion (per stage, parent and helper processes):
`python -m benchmarks.stages [FILE] [--runs N]`.

adapt runs from this source tree (`python -m adapt` with the tree first on the path, its
bytecode cached as an installed package's is) and screenplain through its console entry
point, both with this interpreter.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from benchmarks.corpus import ROOT, novels, pdnc_dir, shared_dir

PY = sys.executable
ADAPT = [PY, "-m", "adapt"]
SCREENPLAIN = [PY, "-c", "import sys; from screenplain.main import cli; sys.exit(cli())"]
GNU_TIME = "/usr/bin/time"
MB = 1_000_000


def run_once(argv: list[str], rss: bool) -> tuple[float, int | None]:
    """Wall seconds of one run of `argv`, and its peak RSS in kB when `rss` (via time -v)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    # An installed adapt, like the screenplain it is measured against, has its bytecode
    # compiled at install; from this source tree Python must be let cache it too (the warm-up
    # round does), or every run recompiles every module (~50 ms) where the environment sets
    # PYTHONDONTWRITEBYTECODE.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if rss:
        argv = [GNU_TIME, "-v", *argv]
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    peak = None
    if rss:
        found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
        peak = int(found.group(1)) if found else None
    return wall, peak


def concatenated_novels(size: int) -> str:
    """The first `size` bytes (cut at a paragraph end) of the corpus novels one after another."""
    parts, total = [], 0
    for folder in novels():
        text = (pdnc_dir() / folder / "novel_text.txt").read_text(encoding="utf-8").strip()
        parts.append(text)
        total += len(text.encode("utf-8")) + 4
        if total >= size:
            break
    joined = "\n\n\n\n".join(parts).encode("utf-8")[:size].decode("utf-8", "ignore")
    cut = joined.rfind("\n\n")
    return joined[:cut if cut > 0 else len(joined)] + "\n"


def page_count(pdf: Path) -> int | None:
    try:
        from pypdf import PdfReader
    except ImportError:
        return None
    return len(PdfReader(str(pdf)).pages)


def cases(work: Path, skip_large: bool) -> dict[str, tuple[list[str], bool]]:
    """name -> (argv, measure RSS)."""
    pp = work / "PrideAndPrejudice.txt"
    shutil.copyfile(pdnc_dir() / "PrideAndPrejudice" / "novel_text.txt", pp)
    big_fish = shared_dir() / "corpus" / "fountain" / "big-fish.fountain"
    out = work / "out"
    table = {
        "startup: adapt --help": ([*ADAPT, "--help"], False),
        "P&P: adapt convert (PDF+Fountain)": ([*ADAPT, "convert", str(pp), "--out-dir",
                                               str(out / "pp")], True),
        "P&P: screenplain --format pdf": ([*SCREENPLAIN, "--format", "pdf",
                                           str(out / "pp" / "PrideAndPrejudice.fountain"),
                                           str(work / "pp-screenplain.pdf")], True),
        "Big Fish: adapt convert -f pdf": ([*ADAPT, "convert", str(big_fish), "-f", "pdf",
                                            "-o", str(work / "big-fish-adapt.pdf")], True),
        "Big Fish: screenplain --format pdf": ([*SCREENPLAIN, "--format", "pdf", str(big_fish),
                                                str(work / "big-fish-screenplain.pdf")], True),
    }
    if not skip_large:
        for size in (1, 10):
            source = work / f"novels-{size}mb.txt"
            source.write_text(concatenated_novels(size * MB), encoding="utf-8")
            table[f"{size} MB prose: adapt convert"] = (
                [*ADAPT, "convert", str(source), "--out-dir", str(out / f"{size}mb")], True)
    return table


def measure(table: dict[str, tuple[list[str], bool]], runs: int) -> dict[str, dict]:
    """Median/min wall time and max peak RSS per case; one warm-up round first (page cache,
    bytecode, and the Fountain that screenplain renders; the long prose cases need none)."""
    names = list(table)
    for name in names:
        if "MB prose" not in name:
            run_once(*table[name])
    results: dict[str, list[tuple[float, int | None]]] = {name: [] for name in names}
    with ProcessPoolExecutor(max_workers=1) as pool:
        futures = [(name, pool.submit(run_once, *table[name]))
                   for _ in range(runs) for name in names]
        for name, future in futures:
            results[name].append(future.result())
    summary = {}
    for name, samples in results.items():
        walls = [w for w, _ in samples]
        peaks = [p for _, p in samples if p is not None]
        summary[name] = {"median": statistics.median(walls), "min": min(walls),
                         "rss_mb": max(peaks) / 1024 if peaks else None}
    return summary


def report(summary: dict[str, dict], work: Path, runs: int) -> None:
    print(f"{'case':40s} {'median s':>9s} {'min s':>8s} {'peak RSS MB':>12s}   ({runs} runs)")
    for name, s in summary.items():
        rss = f"{s['rss_mb']:12.1f}" if s["rss_mb"] is not None else f"{'':12s}"
        print(f"{name:40s} {s['median']:9.3f} {s['min']:8.3f} {rss}")
    pages = {label: page_count(work / f) for label, f in [
        ("P&P adapt", "out/pp/PrideAndPrejudice.pdf"), ("P&P screenplain", "pp-screenplain.pdf"),
        ("Big Fish adapt", "big-fish-adapt.pdf"), ("Big Fish screenplain", "big-fish-screenplain.pdf")]}
    print("pages: " + ", ".join(f"{k} {v}" for k, v in pages.items()))

    def med(name):
        return summary[name]["median"]

    checks = [
        ("P&P adapt (PDF+Fountain) / screenplain (PDF)",
         med("P&P: adapt convert (PDF+Fountain)") / med("P&P: screenplain --format pdf"), 0.5),
        ("Big Fish adapt / screenplain",
         med("Big Fish: adapt convert -f pdf") / med("Big Fish: screenplain --format pdf"), 0.3),
        ("startup s", med("startup: adapt --help"), 0.15),
    ]
    if "10 MB prose: adapt convert" in summary:
        checks += [
            ("10 MB time / 1 MB time", med("10 MB prose: adapt convert")
             / med("1 MB prose: adapt convert"), 11.0),
            ("10 MB peak RSS MB", summary["10 MB prose: adapt convert"]["rss_mb"], 150.0),
        ]
    print()
    for label, value, target in checks:
        verdict = "ok" if value <= target else "MISSED"
        print(f"{label:48s} {value:8.3f}   target <= {target:<6g} {verdict}")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per case (default 5)")
    parser.add_argument("--skip-large", action="store_true", help="leave out the 1/10 MB cases")
    args = parser.parse_args(argv)
    if not Path(GNU_TIME).exists():
        sys.exit(f"{GNU_TIME} is missing (Debian: apt-get install time)")
    with tempfile.TemporaryDirectory(prefix="adapt-bench-") as tmp:
        work = Path(tmp)
        table = cases(work, args.skip_large)
        summary = measure(table, args.runs)
        report(summary, work, args.runs)


if __name__ == "__main__":
    main(sys.argv[1:])
