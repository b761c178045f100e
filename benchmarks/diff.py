"""How long `adapt diff` takes on two ~120-page scripts (target: under a second).

Big Fish (about 120 pages) against a revised copy: one scene removed, one moved, one added,
every 25th dialogue line reworded, one cue renamed. Prints medians of the alignment alone,
of reading both files plus the alignment, of the revised-pages PDF, and of the whole
command (a fresh process).

    python3 benchmarks/diff.py [--runs N]
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from adapt.diff import _words, diff_documents  # noqa: E402
from adapt.diff_report import text_report  # noqa: E402
from adapt.readers.fountain import read_fountain  # noqa: E402
from benchmarks.corpus import shared_dir  # noqa: E402

HEADING = re.compile(r"^(?:INT|EXT)[. ]")


def revised(text: str) -> str:
    lines = text.split("\n")
    heads = [i for i, ln in enumerate(lines) if HEADING.match(ln)]
    scenes = [lines[a:b] for a, b in zip(heads, heads[1:] + [len(lines)])]
    body = scenes[:]
    del body[20]                                    # a scene removed
    body.insert(60, body.pop(40))                   # a scene moved
    body.insert(80, ["INT. NEW ROOM - NIGHT", "", "A scene that was not there before.", ""])
    out = lines[:heads[0]] + [ln for s in body for ln in s]
    spoken = 0
    for i in range(1, len(out)):
        if out[i - 1].isupper() and out[i] and not out[i].isupper() and not out[i].startswith("("):
            spoken += 1
            if spoken % 25 == 0:
                out[i] = out[i].replace(" ", " really ", 1)
    cue = next(i for i in range(len(out) // 2, len(out)) if out[i] == "EDWARD")
    out[cue] = "OLD EDWARD"
    return "\n".join(out)


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        _words.cache_clear()      # every run normalises every word again
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    path = shared_dir() / "corpus" / "fountain" / "big-fish.fountain"
    old_text = path.read_text(encoding="utf-8")
    new_text = revised(old_text)
    old, new = read_fountain(old_text), read_fountain(new_text)

    from adapt.layout import paginate
    print(f"pages: old {len(paginate(old))}, new {len(paginate(new))}; "
          f"elements: old {len(old.elements)}, new {len(new.elements)}")
    d = diff_documents(old, new)
    print("report:", text_report(d).splitlines()[-1])

    align = median_time(lambda: diff_documents(old, new), args.runs)
    same = median_time(lambda: diff_documents(old, old), args.runs)
    full = median_time(lambda: text_report(diff_documents(read_fountain(old_text),
                                                          read_fountain(new_text))), args.runs)
    from adapt.revisions import revised_pdf
    pdf = median_time(lambda: revised_pdf(d, "blue", "2026-11-25", lock=True), max(3, args.runs // 2))
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp) / "old.fountain", Path(tmp) / "new.fountain"
        a.write_text(old_text, encoding="utf-8")
        b.write_text(new_text, encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        cli = median_time(lambda: subprocess.run([sys.executable, "-m", "adapt", "diff", str(a), str(b)],
                                                 env=env, capture_output=True), max(3, args.runs // 2))
    print(f"align (median of {args.runs}):        {align * 1000:7.1f} ms")
    print(f"align identical scripts:       {same * 1000:7.1f} ms")
    print(f"read both + align + report:    {full * 1000:7.1f} ms")
    print(f"revised pages PDF (--lock-scenes): {pdf * 1000:7.1f} ms")
    print(f"`adapt diff` command, end to end: {cli * 1000:7.1f} ms  (target < 1000 ms)")


if __name__ == "__main__":
    main()
