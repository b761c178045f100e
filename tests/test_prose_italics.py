"""Project Gutenberg marks italics as `_word_`: prose input prints them in italics (PDF read back
with pdfplumber, Fountain read by screenplain), never as literal underscores."""
import io
import re

import pdfplumber
import pytest
from screenplain.parsers import fountain as screenplain_fountain
from screenplain.types import Action, Dialog

from adapt.emphasis import ITALIC, from_prose, plain, runs
from adapt.pipeline import adapt_prose
from adapt.writers.fountain import write_fountain
from adapt.writers.pdf import write_pdf
from tests.conftest import PDNC_DIR, needs_shared


@pytest.mark.parametrize("prose,italic,printed", [
    ("I _do_ think so.", ["do"], "I do think so."),
    ("She read _Evelina_ and _The Mysteries of Udolpho_ twice.",
     ["Evelina", "The Mysteries of Udolpho"], "She read Evelina and The Mysteries of Udolpho twice."),
    ("_You_ want to tell me, and _I_ have no objection.", ["You", "I"],
     "You want to tell me, and I have no objection."),
    ("_a *star* inside_", ["a *star* inside"], "a *star* inside"),
    # not italics: inside words, doubled, opened but never closed, across lines, only dots
    ("snake_case and __init__", [], "snake_case and __init__"),
    ("a _loose end", [], "a _loose end"),
    ("_first line\nsecond line_", [], "_first line\nsecond line_"),
    ("_..._", [], "_..._"),
])
def test_underscored_spans_become_italics(prose, italic, printed):
    text = from_prose(prose)
    assert [piece for piece, style in runs(text) if ITALIC in style] == italic
    assert plain(text) == printed


def test_one_line_elements_drop_the_underscores():
    assert from_prose("INT. _THE GRANGE_ - DAY", italic=False) == "INT. THE GRANGE - DAY"


STORY = ("Anna opened the gate of _Longbourn_ and walked up the drive.\n\n"
         "\u201cI _cannot_ go,\u201d said Anna. \u201cNot _tonight_.\u201d\n\n"
         "Her brother kept the file named report_final_v2 on his desk.\n")


def test_italics_reach_the_fountain_and_the_pdf():
    doc = adapt_prose(STORY, default_title="letter")
    styled = {piece for e in doc.elements for piece, style in runs(e.text) if ITALIC in style}
    assert styled == {"Longbourn", "cannot", "tonight"}
    assert any("report_final_v2" in plain(e.text) for e in doc.elements)   # a name, not italics

    # screenplain, an independent parser, finds the same italics in our Fountain
    written = write_fountain(doc)
    theirs = set()
    for para in screenplain_fountain.parse(io.StringIO(written)):
        lines = para.lines if isinstance(para, Action) else [
            line for _, line in para.blocks] if isinstance(para, Dialog) else []
        for line in lines:
            theirs |= {seg.text for seg in line.segments
                       if "italic" in {s.name() for s in seg.styles}}
    assert theirs == styled

    with pdfplumber.open(io.BytesIO(write_pdf(doc))) as pdf:
        words = [w for page in pdf.pages for w in page.extract_words(extra_attrs=["fontname"])]
        text = " ".join(page.extract_text() for page in pdf.pages[1:])
    slanted = {re.sub(r"\W", "", w["text"]) for w in words if "Oblique" in w["fontname"]}
    assert slanted == styled
    assert "report_final_v2" in text and "_" not in text.replace("report_final_v2", "")


@needs_shared(PDNC_DIR)
def test_pride_and_prejudice_opening_prints_its_italics():
    from benchmarks.corpus import load_novel

    text = load_novel("PrideAndPrejudice")[0][:60_000]
    marked = re.findall(r"(?<!\w)_([^_\n]*?[^\s_])_(?!\w)", text)
    assert len(marked) >= 20
    doc = adapt_prose(text, default_title="pp")
    styled = [piece for e in doc.elements for piece, style in runs(e.text) if ITALIC in style]
    # every marked word is printed in italics (action may rewrite a verb's tense: is/was)
    assert len(styled) >= 0.95 * len(marked), (len(styled), len(marked))
    assert not any("_" in plain(e.text) for e in doc.elements)
    with pdfplumber.open(io.BytesIO(write_pdf(doc))) as pdf:
        body = " ".join(page.extract_text() for page in pdf.pages[1:])
        slanted = sum("Oblique" in w["fontname"] for page in pdf.pages
                      for w in page.extract_words(extra_attrs=["fontname"]))
    assert "_" not in body and slanted >= 0.95 * len(marked)
