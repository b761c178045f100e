"""Our page count for every corpus Fountain script beside afterwriting's and screenplain's.

    python -m benchmarks.page_counts [--paper letter|a4] [--heading-space 1|2]

The references (US Letter, title page included) and afterwriting's (MORE) counts are read from
../shared/corpus/fountain/SOURCES.md. Page count is running time, so the target is within 2%
on a feature-length script and equal on short ones.
"""
from __future__ import annotations

import argparse
import re
import sys
import time

from benchmarks.corpus import shared_dir


def references(sources: str) -> tuple[dict[str, tuple[int, int]], dict[str, int]]:
    """{name: (screenplain pages, afterwriting pages)}, {name: afterwriting (MORE) count}."""
    block = sources.split("Reference page counts", 1)[1]
    pages = {m.group(1): (int(m.group(2)), int(m.group(3)))
             for m in re.finditer(r"([a-z][a-z0-9-]+) (\d+)/(\d+)", block)}
    more_text = block.split("afterwriting", 2)[-1] if "(MORE)" in block else ""
    mores = {m.group(1): int(m.group(2))
             for m in re.finditer(r"([a-z][a-z0-9-]+) (\d+)(?=[,.\s])", more_text)}
    return pages, mores


def main(argv=None) -> int:
    from adapt.layout import LayoutOptions, layout
    from adapt.readers.fountain import read_fountain

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paper", choices=["letter", "a4"], default="letter")
    ap.add_argument("--heading-space", type=int, choices=[1, 2], default=1)
    args = ap.parse_args(argv)
    folder = shared_dir() / "corpus" / "fountain"
    if not folder.exists():
        print(f"no corpus at {folder}", file=sys.stderr)
        return 2
    refs, mores = references((folder / "SOURCES.md").read_text(encoding="utf-8"))
    opts = LayoutOptions(paper=args.paper, heading_space=args.heading_space)
    print(f"{'script':28} {'ours':>5} {'aw':>5} {'diff':>7} {'sp':>5} {'MORE':>5} {'aw':>4} "
          f"{'layout ms':>9}")
    for path in sorted(folder.glob("*.fountain")):
        name = path.stem
        doc = read_fountain(path.read_text(encoding="utf-8"))
        start = time.perf_counter()
        laid = layout(doc, opts)
        ms = (time.perf_counter() - start) * 1000
        ours = len(laid.pages) + (laid.title_page is not None)
        more = sum(1 for p in laid.pages for ln in p.text_lines if ln.kind == "more")
        sp, aw = refs.get(name, (0, 0))
        diff = f"{(ours - aw) / aw:+.1%}" if aw else "-"
        print(f"{name:28} {ours:5d} {aw:5d} {diff:>7} {sp:5d} {more:5d} {mores.get(name, mores.get(name.replace('afterwriting-', ''), 0)):4d} "
              f"{ms:9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
