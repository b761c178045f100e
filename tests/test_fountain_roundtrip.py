"""Fountain writer <-> reader: read(write(doc)) == doc and write(read(text)) stable."""
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from adapt.emphasis import escape, runs
from adapt.model import Document, Element
from adapt.readers.fountain import FountainError, read_fountain
from adapt.writers.fountain import write_fountain
from conftest import FOUNTAIN_DIR, PDNC_DIR, needs_shared

FIELDS = ("type", "text", "character", "extension", "scene_number", "dual", "level")
CORPUS = sorted(FOUNTAIN_DIR.glob("*.fountain")) if FOUNTAIN_DIR.exists() else []
NOVELS = ("DaisyMiller", "TheSportOfTheGods", "AlicesAdventuresInWonderland")


def comparable(doc: Document):
    return doc.title_page, [tuple(getattr(e, f) for f in FIELDS) for e in doc.elements]


def assert_round_trip(doc: Document):
    written = write_fountain(doc)
    again = read_fountain(written)
    assert comparable(again) == comparable(doc)
    assert [runs(e.text) for e in again.elements] == [runs(e.text) for e in doc.elements]
    assert write_fountain(again) == written


@needs_shared(FOUNTAIN_DIR)
@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_corpus_file_round_trips(path):
    text = path.read_text(encoding="utf-8")
    doc = read_fountain(text)
    assert len(doc.elements) > 5
    assert_round_trip(doc)


def test_seed_adaptation_round_trips(seed_doc):
    assert_round_trip(seed_doc)


@needs_shared(PDNC_DIR)
@pytest.mark.parametrize("novel", NOVELS)
def test_novel_adaptation_round_trips(novel):
    from adapt.pipeline import adapt_prose
    from benchmarks.corpus import load_novel

    doc = adapt_prose(load_novel(novel)[0], default_title=novel)
    assert sum(e.type == "dialogue" for e in doc.elements) > 100
    assert_round_trip(doc)


@pytest.mark.parametrize("element,written", [
    (Element("action", "INT. HOUSE - DAY"), "!INT. HOUSE - DAY"),
    (Element("action", "BOOM!\nThe door flies open."), "!BOOM!\nThe door flies open."),
    (Element("action", "SMASH CUT TO:"), "!SMASH CUT TO:"),
    (Element("action", "!Bang"), "!!Bang"),
    (Element("action", "# of guests: 3"), "!# of guests: 3"),
    (Element("action", "> arrow"), "!> arrow"),
    (Element("action", "=== ==="), "!=== ==="),
    (Element("action", "One.\n\nTwo."), "One.\n  \nTwo."),
    (Element("action", "\tIndented."), "\tIndented."),
    (Element("action", "...and later."), "...and later."),
    (Element("character", "McCABE", character="McCABE"), "@McCABE"),
    (Element("character", "JESS", character="JESS", extension="V.O.", dual=True), "JESS (V.O.) ^"),
    (Element("scene_heading", "SNIPER SCOPE POV", scene_number="4B"), ".SNIPER SCOPE POV #4B#"),
    (Element("scene_heading", "EXT. ROAD - NIGHT"), "EXT. ROAD - NIGHT"),
    (Element("transition", "FADE OUT."), "> FADE OUT."),
    (Element("transition", "CUT TO:"), "CUT TO:"),
    (Element("section", "Act two", level=2), "## Act two"),
])
def test_forcing(element, written):
    speech = element.type == "character"
    elements = [Element("action", "Before.")] + [element] + (
        [Element("dialogue", "Hi.", character=element.character)] if speech else [])
    doc = Document({"Title": "T"}, elements)
    text = write_fountain(doc)
    assert f"\n\n{written}\n" in text
    assert_round_trip(doc)


@pytest.mark.parametrize("element,written", [
    (Element("action", "Note: the house is empty."), "!Note: the house is empty."),
    (Element("scene_heading", "EXT Key: v"), ".EXT Key: v"),
    (Element("transition", "Later: on"), "> Later: on"),
])
def test_title_page_key_like_first_line_is_forced(element, written):
    doc = Document({}, [Element("note", "n"), element])
    assert write_fountain(doc) == f"[[n]]\n\n{written}\n"
    assert_round_trip(doc)


def test_speech_and_standalone_lyrics_stay_apart():
    doc = Document({}, [Element("character", "ANNA", character="ANNA"),
                        Element("lyrics", "La la", character="ANNA"),
                        Element("lyrics", "Choir sings")])
    assert write_fountain(doc) == "ANNA\n~La la\n\n~Choir sings\n"
    assert_round_trip(doc)


# --- Property: any document Fountain can hold comes back unchanged -------------------------
# Fountain cannot hold (so these are not generated): a heading text starting with "." or ending
# in "#...#", a transition ending in "<", a dialogue line wrapped in parentheses, a note
# holding "[[" or "]]". Literal "/*" or "*/" must be escaped in model text (see adapt.emphasis).
_WORDS = ["INT.", "EXT", "int.", "I/E", "TO:", "CUT TO:", "FADE IN:", "a", "Bob", "BOB", "BOOM!",
          "!", "@", "#", "~", ">", "<", "=", "===", ".", "..", "(", ")", ":", "Title:", "Key: v",
          "(V.O.)", "*", "**", "_", "\\", "*it*", "**bold**", "_u_", "\\*", "[[", "]]", "/*",
          "*/", "^", "\t", "é"]
_line = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6).map(" ".join).map(str.strip) \
    .filter(bool)
_indented = st.tuples(st.sampled_from(["", "", "  ", "\t"]), _line).map("".join)


def _model_text(text: str) -> str:
    return escape(text) if "/*" in text or "*/" in text else text


@st.composite
def _elements(draw):
    kind = draw(st.sampled_from(["action", "speech", "scene_heading", "transition", "centered",
                                 "section", "synopsis", "note", "page_break", "lyrics"]))
    lines = st.lists(_indented if kind == "action" else _line, min_size=1, max_size=3)
    if kind == "speech":
        name = draw(st.lists(st.sampled_from(["BOB", "Ann", "MR.", "X1", "ÉLODIE", "mc", "@", "#",
                                              "!", "INT.", "~"]), min_size=1, max_size=3).map(" ".join))
        out = [Element("character", name, character=name, dual=draw(st.booleans()),
                       extension=draw(st.sampled_from([None, "V.O.", "cont'd"])))]
        if draw(st.booleans()):
            out.append(Element("lyrics", escape(draw(_line).lstrip("~ ") or "la"), character=name))
        if draw(st.booleans()):
            out.append(Element("parenthetical", escape(f"({draw(_line)})"), character=name))
        dialogue = _model_text("\n".join(draw(lines)))
        assume(not any(re.fullmatch(r"\s*\(.*\)\s*", ln) for ln in dialogue.split("\n")))
        return out + [Element("dialogue", dialogue, character=name)]
    if kind == "page_break":
        return [Element("page_break", "")]
    one_line = kind in ("scene_heading", "transition", "section", "synopsis")
    text = _model_text(draw(_line) if one_line else "\n".join(draw(lines)))
    assume(text.strip())
    if kind == "scene_heading":
        assume(not text.startswith(".") and not re.search(r"#\S*#$", text))
        return [Element(kind, text, scene_number=draw(st.sampled_from([None, "1", "12A"])))]
    assume(kind != "transition" or not text.endswith("<"))
    assume(kind != "note" or ("[[" not in text and "]]" not in text))
    return [Element(kind, text, level=draw(st.integers(1, 3)) if kind == "section" else None)]


@settings(max_examples=300, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
@given(st.lists(_elements(), min_size=1, max_size=5),
       st.sampled_from([{}, {"Title": "T"}, {"Title": "A\nB", "Contact": "x\ny", "Notes": "n"}]))
def test_any_representable_document_round_trips(groups, title_page):
    assert_round_trip(Document(dict(title_page), [el for group in groups for el in group]))


_CHUNKS = ["\n", "\n\n", "  \n", "\r\n", "INT. A", "EXT. B #1#", ".X", "!y", "@z", "BOB", "Bob",
           "(p)", "~l", "> t", "> c <", "===", "# s", "= syn", "[[n", "]]", "/*", "*/", "*i*",
           "_u_", "\\*", "CUT TO:", "Title: T", "  x", "\tx", "^", ":", "a b", "é"]


@settings(max_examples=400, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(_CHUNKS), max_size=25).map("".join))
def test_any_text_is_stable_after_one_pass(text):
    try:
        doc = read_fountain(text)
    except FountainError as exc:    # "Title: T" then a line that is not a title page entry
        assert str(exc).startswith("broken title page: line ") and "Title: T" in text
        return
    once = write_fountain(doc)
    assert write_fountain(read_fountain(once)) == once
