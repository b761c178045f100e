"""Quote recall: the share of PDNC quotation spans that end up inside a dialogue element.

Usage: python -m benchmarks.quote_recall [NOVEL ...]   (default: all 22 novels)
"""
from __future__ import annotations

import bisect
import sys

from adapt.pipeline import adapt_prose
from benchmarks.corpus import load_novel, novels


def recall(text: str, quotes: list[dict]) -> tuple[int, int]:
    """(found, total): a quote span is found when a dialogue element's source overlaps it."""
    doc = adapt_prose(text)
    spans = sorted(e.source for e in doc.elements if e.type == "dialogue" and e.source)
    starts = [s for s, _ in spans]
    found = 0
    for q in quotes:
        i = bisect.bisect_right(starts, q["end"] - 1) - 1
        if i >= 0 and spans[i][1] > q["start"]:
            found += 1
    return found, len(quotes)


def main(argv: list[str]) -> None:
    total_found = total = 0
    for folder in argv or novels():
        text, quotes, _ = load_novel(folder)
        found, n = recall(text, quotes)
        total_found += found
        total += n
        print(f"{folder:32s} {found:6d}/{n:6d}  {found / n:7.2%}")
    print(f"{'ALL':32s} {total_found:6d}/{total:6d}  {total_found / total:7.2%}")


if __name__ == "__main__":
    main(sys.argv[1:])
