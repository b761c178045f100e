"""Mutation run: corpus novels with quote marks and blank lines deleted or inserted at random
(seeded), each converted to every format and every output checked.

    python -m benchmarks.mutations                     # 22 novels x 10 mutants of 30 kB slices
    python -m benchmarks.mutations --mutants 3 --whole PrideAndPrejudice Emma

Prints, per novel and in total, how many mutants ran, how many raised an exception and how many
gave an invalid output (JSON that does not read back to the same document, Fountain that
screenplain cannot parse or that our reader reads back differently, FDX that is not well-formed
XML with a Character paragraph per cue, a PDF that pypdf cannot open or whose page count
differs from the layout's, a page holding more lines than fit). The test suite runs the same
checks on fewer mutants (tests/test_properties.py).
"""
from __future__ import annotations

import argparse
import io
import json
import random
import re
import sys
import time
import traceback

from adapt.layout import LINES_PER_PAGE, paginate
from adapt.model import ELEMENT_TYPES, Document

QUOTE_MARKS = ['"', "\u201c", "\u201d", "'", "\u2018", "\u2019"]
FIELDS = ("type", "text", "character", "extension", "scene_number", "dual", "level")


def mutate(text: str, rng: random.Random, edits: int) -> str:
    """Delete or insert quote marks and blank lines at random places."""
    for _ in range(edits):
        op = rng.choice(("del_quote", "ins_quote", "del_blank", "ins_blank"))
        if op == "del_quote":
            spots = [m.start() for m in re.finditer(r"[\"\u201c\u201d\u2018\u2019']", text)]
            if spots:
                at = rng.choice(spots)
                text = text[:at] + text[at + 1:]
        elif op == "ins_quote":
            at = rng.randrange(len(text) + 1)
            text = text[:at] + rng.choice(QUOTE_MARKS) + text[at:]
        elif op == "del_blank":
            spots = [m.span() for m in re.finditer(r"\n[ \t]*\n", text)]
            if spots:
                start, end = rng.choice(spots)
                text = text[:start] + rng.choice((" ", "\n")) + text[end:]
        else:
            at = rng.randrange(len(text) + 1)
            text = text[:at] + "\n\n" + text[at:]
    return text


def chapter(text: str, rng: random.Random, size: int) -> str:
    """A slice of about `size` characters starting at a random paragraph."""
    if len(text) <= size:
        return text
    start = text.rfind("\n\n", 0, rng.randrange(len(text) - size)) + 2
    return text[start:start + size]


def comparable(doc: Document):
    return doc.title_page, [tuple(getattr(e, f) for f in FIELDS) for e in doc.elements]


def check_document(text: str, doc: Document):
    """What must hold for any input: sane elements, offsets inside the input."""
    assert doc.elements[0].text == "FADE IN:" and doc.elements[-1].text == "FADE OUT."
    for el in doc.elements:
        assert el.type in ELEMENT_TYPES
        assert el.text.strip() or el.type == "page_break", el
        if el.source is not None:
            start, end = el.source
            assert 0 <= start <= end <= len(text), el
        if el.type in ("character", "dialogue", "parenthetical"):
            assert el.character, el


def check_json(doc: Document):
    from adapt.writers.json_writer import write_json

    data = json.loads(write_json(doc))
    assert Document.from_json(data).to_json() == doc.to_json(), "JSON does not read back"


def check_fountain(doc: Document):
    from screenplain.parsers import fountain as screenplain_fountain

    from adapt.readers.fountain import read_fountain
    from adapt.writers.fountain import write_fountain

    written = write_fountain(doc)
    screenplain_fountain.parse(io.StringIO(written))      # an independent parser reads it
    assert comparable(read_fountain(written)) == comparable(doc), "Fountain does not read back"


def check_fdx(doc: Document):
    import xml.etree.ElementTree as ET

    from adapt.writers.fdx import write_fdx

    root = ET.fromstring(write_fdx(doc).encode("utf-8"))     # well-formed XML
    assert root.tag == "FinalDraft", root.tag
    cues = root.findall("./Content//Paragraph[@Type='Character']")
    assert len(cues) == sum(e.type == "character" for e in doc.elements), "FDX cues"


def check_pdf(doc: Document):
    from pypdf import PdfReader

    from adapt.writers.pdf import write_pdf

    pages = paginate(doc)
    assert all(len(p.lines) <= LINES_PER_PAGE["letter"] for p in pages), "page overfull"
    reader = PdfReader(io.BytesIO(write_pdf(doc)))
    assert len(reader.pages) == len(pages) + (1 if doc.title_page else 0), "PDF page count"


def convert_and_check(text: str, pdf: bool = True) -> Document:
    """The whole pipeline on `text`, then every check; raises on the first problem."""
    from adapt.pipeline import adapt_prose

    doc = adapt_prose(text, default_title="mutant")
    check_document(text, doc)
    check_json(doc)
    check_fountain(doc)
    check_fdx(doc)
    if pdf:
        check_pdf(doc)
    return doc


def run(novels: list[str], mutants: int, size: int | None, seed: str) -> dict:
    from benchmarks.corpus import load_novel

    totals = {"mutants": 0, "crashed": 0, "invalid": 0, "chars": 0}
    for novel in novels:
        text = load_novel(novel)[0]
        rng = random.Random(f"{seed}-{novel}")
        counts = {"mutants": 0, "crashed": 0, "invalid": 0}
        for _ in range(mutants):
            piece = text if size is None else chapter(text, rng, size)
            mutant = mutate(piece, rng, edits=rng.choice((1, 5, 20, 100)))
            counts["mutants"] += 1
            totals["chars"] += len(mutant)
            try:
                convert_and_check(mutant)
            except AssertionError as exc:
                counts["invalid"] += 1
                print(f"  {novel}: invalid output: {str(exc)[:200]}", file=sys.stderr)
            except Exception:  # noqa: BLE001 - counting crashes is the point
                counts["crashed"] += 1
                print(f"  {novel}: crash:\n{traceback.format_exc(limit=4)}", file=sys.stderr)
        print(f"{novel:32s} mutants {counts['mutants']:4d}  crashed {counts['crashed']}  "
              f"invalid {counts['invalid']}", flush=True)
        for key in counts:
            totals[key] += counts[key]
    return totals


def main(argv=None):
    from benchmarks.corpus import novels as all_novels

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("novels", nargs="*", help="PDNC folders (default: all)")
    parser.add_argument("--mutants", type=int, default=10, help="mutants per novel")
    parser.add_argument("--size", type=int, default=30_000, help="characters per slice")
    parser.add_argument("--whole", action="store_true", help="mutate whole novels, not slices")
    parser.add_argument("--seed", default="adapt-mutations")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    totals = run(args.novels or all_novels(), args.mutants, None if args.whole else args.size,
                 args.seed)
    print(f"total: {totals['mutants']} mutants ({totals['chars'] / 1e6:.1f} M characters), "
          f"{totals['crashed']} crashed, {totals['invalid']} invalid output, "
          f"{time.perf_counter() - started:.0f} s")
    return 1 if totals["crashed"] or totals["invalid"] else 0


if __name__ == "__main__":
    sys.exit(main())
