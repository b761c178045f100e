"""Pagination rules, checked on the laid-out pages (no PDF involved)."""
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapt.layout import (LINES_PER_PAGE, LayoutOptions, PrefixLines, layout, paginate,
                          sentence_ends, wrap, wrap_offsets)
from adapt.model import Document, Element
from conftest import needs_shared, pdnc_dir

WIDTHS = {"scene_heading": 61, "action": 61, "dialogue": 35, "parenthetical": 24,
          "character": 38, "transition": 61, "centered": 61, "more": 38}

SENTENCES = [
    "The rain has not stopped for three days.",
    "Nobody in the valley remembers a summer like it.",
    "She counts the jars on the shelf twice.",
    "Somewhere below, a dog barks at nothing!",
    "Is it the wind, or is someone at the door?",
    "He waits.",
    "The clock on the mantel is wrong again, as it always is when the power fails.",
]


def prose(n: int, start: int = 0) -> str:
    return " ".join(SENTENCES[(start + i) % len(SENTENCES)] for i in range(n))


def speech(name, *texts, paren=None):
    out = [Element("character", name, character=name)]
    if paren:
        out.append(Element("parenthetical", paren, character=name))
    out += [Element("dialogue", t, character=name) for t in texts]
    return out


def doc_of(*groups) -> Document:
    elements = []
    for g in groups:
        elements.extend(g if isinstance(g, list) else [g])
    return Document({"Title": "Test"}, elements)


def filler(lines_of_action: int) -> list[Element]:
    """Short action paragraphs taking exactly this many lines (blank lines included)."""
    out = []
    if lines_of_action % 2 == 0:
        out.append(Element("action", "Beat.\nBeat."))
        lines_of_action -= 3
    return out + [Element("action", f"Beat {i}.") for i in range((lines_of_action + 1) // 2)]


def test_filler_is_exact():
    for n in (1, 2, 3, 8, 51, 52):
        assert len(paginate(doc_of(filler(n)))[0].lines) == n


def body(page):
    return [ln for ln in page.lines if ln is not None]


# --- wrapping -------------------------------------------------------------------------------

def test_wrap_keeps_every_word_and_width():
    text = prose(12)
    for width in (24, 35, 38, 61):
        lines = wrap(text, width)
        assert all(len(ln) <= width for ln in lines)
        assert " ".join(lines).split() == text.split()
        # greedy: the next line's first word would not have fitted
        for a, b in zip(lines, lines[1:]):
            assert len(a) + 1 + len(b.split()[0]) > width


def test_wrap_hard_breaks_and_long_words():
    assert wrap("one\ntwo three", 61) == ["one", "two three"]
    assert wrap("x" * 70, 61) == ["x" * 61, "x" * 9]
    assert wrap_offsets("a\n\nb", 10) == [(0, 1), (2, 2), (3, 4)]


PREFIX_CASES = ["  lead  spaces  here.  And  more.\n\n  x", "a" * 200 + " b",
                "\n\nfoo. bar.\n \n baz " * 5, "word " * 80, "x\n" * 30, "   ", "",
                "a. " * 100 + "\n" + "b " * 70, prose(40), prose(9) + "\n" + prose(7, 3)]


@pytest.mark.parametrize("width", [7, 24, 35, 61])
def test_prefix_lines_count_as_wrapping_the_prefix(width):
    """PrefixLines (how many lines a split's head takes) agrees with wrapping that head
    itself, at every offset of texts with odd spacing, hard breaks and overlong words."""
    for text in PREFIX_CASES:
        lines = PrefixLines(text, width)
        for pos in range(len(text) + 1):
            assert lines(pos) == len(wrap_offsets(text[:pos].strip(), width)), (text, pos)


@needs_shared(pdnc_dir())
def test_prefix_lines_on_novel_paragraphs():
    text = (pdnc_dir() / "PrideAndPrejudice" / "novel_text.txt").read_text(encoding="utf-8")
    paragraphs = sorted(text.split("\n\n"), key=len)[-60:]    # the longest: many lines
    for para in paragraphs:
        for width in (35, 61):
            lines = PrefixLines(para, width)
            for pos in sentence_ends(para) + list(range(0, len(para), 97)):
                assert lines(pos) == len(wrap_offsets(para[:pos].strip(), width))


def test_sentence_ends():
    text = 'He waits. "Now?" she asks... Fine -- no.\nNext'
    assert [text[:e] for e in sentence_ends(text)] == [
        "He waits.", 'He waits. "Now?"', 'He waits. "Now?" she asks...',
        'He waits. "Now?" she asks... Fine -- no.']
    assert sentence_ends("Mr. J. Bloom waits. Dr. No") == [19]


# --- page capacity and geometry ------------------------------------------------------------

@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_page_capacity(paper, seed_doc):
    pages = paginate(seed_doc, paper)
    assert len(pages) >= 3
    cap = LINES_PER_PAGE[paper]
    assert all(len(p.lines) <= cap for p in pages)
    # pages are filled: every page but the last is within a few lines of full
    assert all(len(p.lines) >= cap - 8 for p in pages[:-1])


def test_line_widths_and_indents(seed_doc):
    indents = {"scene_heading": 1.5, "action": 1.5, "character": 3.7, "parenthetical": 3.1,
               "dialogue": 2.5, "more": 3.7}
    for page in paginate(seed_doc):
        for ln in body(page):
            assert len(ln.text) <= WIDTHS.get(ln.kind, 61), ln
            if ln.kind in indents:
                assert ln.left == indents[ln.kind]


def test_a4_fits_more_than_letter(seed_doc):
    assert len(paginate(seed_doc, "a4")) <= len(paginate(seed_doc, "letter"))


# --- the break rules -----------------------------------------------------------------------

def following_lines(doc, i):
    """How many lines the element after doc.elements[i] takes (a speech: cue and all)."""
    els = doc.elements[i + 1:]
    if not els:
        return 0
    if els[0].type == "character":
        n = 1
        for el in els[1:]:
            if el.type not in ("dialogue", "parenthetical"):
                break
            n += len(wrap(el.text, WIDTHS[el.type]))
        return n
    return len(wrap(els[0].text, WIDTHS.get(els[0].type, 61)))


def check_rules(pages, capacity=55, doc=None):
    """The invariants every layout must hold."""
    headings = iter([i for i, el in enumerate(doc.elements) if el.type == "scene_heading"]
                    if doc else [])
    for i, page in enumerate(pages):
        lines = body(page)
        assert len(page.lines) <= capacity
        assert page.lines and page.lines[0] is not None, "a page starts with a blank line"
        # a heading keeps at least two lines of what follows (or all of it) on its page
        for j, ln in enumerate(lines):
            if ln.kind == "scene_heading" and doc is not None:
                after = len(lines) - j - 1
                assert after >= min(2, following_lines(doc, next(headings))), (i, ln)
        if i == len(pages) - 1 or not lines:
            continue
        last = lines[-1]
        assert last.kind not in ("scene_heading", "character", "parenthetical"), last
        nxt = body(pages[i + 1])
        if nxt:
            assert nxt[0].kind != "transition"
        # no dialogue remainder of one line on either side of a (MORE)
        if last.kind == "more":
            dialogue_before = 0
            for ln in reversed(lines[:-1]):
                if ln.kind == "character" or ln.kind == "contd":
                    break
                dialogue_before += 1
            assert dialogue_before >= 2
            assert re.search(r"[.!?\u2026\"'\u2019\u201d)*_-]$", lines[-2].text), lines[-2]
            assert nxt[0].kind == "character" and nxt[0].text.endswith("(CONT'D)")
            after = 0
            for ln in nxt[1:]:
                if ln.kind not in ("dialogue", "parenthetical", "lyrics"):
                    break
                after += 1
            assert after >= 2


def test_dialogue_splits_at_sentence_with_more_and_contd():
    long_speech = prose(14)
    doc = doc_of(Element("scene_heading", "INT. KITCHEN - NIGHT"), filler(33),
                 speech("MARGARET", long_speech))
    pages = paginate(doc)
    assert len(pages) == 2
    check_rules(pages)
    first, second = body(pages[0]), body(pages[1])
    assert first[-1].kind == "more" and first[-1].text == "(MORE)" and first[-1].left == 3.7
    assert second[0].text == "MARGARET (CONT'D)" and second[0].left == 3.7
    # nothing lost, nothing doubled, and the break is at a sentence end
    said = [ln.text for p in pages for ln in body(p) if ln.kind == "dialogue"]
    assert " ".join(said).split() == long_speech.split()
    assert first[-2].text.endswith((".", "!", "?"))
    # the page is used: the split leaves no more than a couple of lines free
    assert len(pages[0].lines) >= 53


def test_emphasis_survives_a_split():
    # Fountain markup in the model text: every sentence has an italic word.
    marked = " ".join(f"It is *raining* again, {i} days now." for i in range(30))
    doc = doc_of(filler(41), speech("ANN", marked))
    pages = paginate(doc)
    lines = [ln for p in pages for ln in body(p) if ln.kind == "dialogue"]
    assert any(ln.kind == "more" for ln in body(pages[0]))
    assert "*" not in "".join(ln.text for ln in lines)
    italic = [ln.text[a:b] for ln in lines for a, b, style in ln.marks if style == "i"]
    assert italic == ["raining"] * 30


def test_dialogue_split_keeps_extension_and_no_double_contd():
    doc = doc_of(filler(41), [Element("character", "JO", character="JO", extension="V.O."),
                              Element("dialogue", prose(14), character="JO")])
    pages = paginate(doc)
    assert body(pages[1])[0].text == "JO (V.O.) (CONT'D)"
    doc = doc_of(filler(41), [Element("character", "JO", character="JO", extension="CONT'D"),
                              Element("dialogue", prose(14), character="JO")])
    assert body(paginate(doc)[1])[0].text == "JO (CONT'D)"


def test_no_one_line_remainder_moves_speech_whole():
    # Room for the cue and one line only: the whole speech moves to the next page.
    doc = doc_of(filler(51), speech("ANN", prose(3)))
    pages = paginate(doc)
    check_rules(pages)
    assert not any(ln.kind == "more" for p in pages for ln in body(p))
    assert body(pages[1])[0].text == "ANN"


def test_speech_without_sentence_end_moves_whole():
    words = " ".join(["and then"] * 40)          # no sentence end anywhere
    doc = doc_of(filler(47), speech("ANN", words))
    pages = paginate(doc)
    assert not any(ln.kind == "more" for p in pages for ln in body(p))
    assert body(pages[1])[0].text == "ANN"


def test_parenthetical_never_ends_a_page():
    doc = doc_of(filler(47), [Element("character", "ANN", character="ANN"),
                              Element("dialogue", prose(4), character="ANN"),
                              Element("parenthetical", "(turning to the window)", character="ANN"),
                              Element("dialogue", prose(6, 2), character="ANN")])
    pages = paginate(doc)
    check_rules(pages)
    last = body(pages[0])[-1]
    assert last.kind in ("more", "action")


def test_action_splits_with_two_lines_each_side():
    paragraph = prose(16)                       # about 11 lines of action
    doc = doc_of(filler(47), Element("action", paragraph))
    pages = paginate(doc)
    check_rules(pages)
    head = [ln for ln in body(pages[0]) if ln.text and not ln.text.startswith("Beat")]
    tail = [ln for ln in body(pages[1])]
    assert len(head) >= 2 and len(tail) >= 2
    assert head[-1].text.endswith((".", "!", "?"))
    assert " ".join(ln.text for ln in head + tail).split() == paragraph.split()


def test_short_action_moves_whole():
    doc = doc_of(filler(52), Element("action", prose(4)))     # 3 lines, 2 of room
    pages = paginate(doc)
    assert len(wrap(prose(4), 61)) == 3
    assert len(body(pages[1])) == 3


def test_heading_keeps_two_lines_of_what_follows():
    doc = doc_of(filler(50), Element("scene_heading", "EXT. FIELD - DAY"),
                 Element("action", prose(4)))
    pages = paginate(doc)
    # 50 lines + blank + heading + blank leaves 2 lines, but the 3-line action cannot split
    # and the heading must not stay behind alone
    assert body(pages[1])[0].kind == "scene_heading"
    check_rules(pages)


def test_transition_never_starts_a_page():
    doc = doc_of(filler(53), Element("transition", "CUT TO:"),
                 Element("scene_heading", "INT. HALL - DAY"), Element("action", "Quiet."))
    pages = paginate(doc)
    check_rules(pages)
    assert body(pages[1])[0].kind != "transition"


def test_forced_page_break():
    doc = doc_of(Element("action", "One."), Element("page_break"), Element("action", "Two."))
    pages = paginate(doc)
    assert [body(p)[0].text for p in pages] == ["One.", "Two."]


# --- (CONT'D) for a returning speaker ------------------------------------------------------

def cues(doc, **opts):
    return [ln.text for p in paginate(doc, **opts) for ln in body(p) if ln.kind == "character"]


def test_contd_after_only_action():
    doc = doc_of(Element("scene_heading", "INT. ROOM - DAY"), speech("ANN", "Hi."),
                 Element("action", "She sits."), speech("ANN", "Well."), speech("BO", "Yes."),
                 speech("ANN", "No."), Element("scene_heading", "EXT. ROAD - DAY"),
                 speech("ANN", "Again."))
    assert cues(doc) == ["ANN", "ANN (CONT'D)", "BO", "ANN", "ANN"]
    assert cues(doc, contd=False) == ["ANN", "ANN", "BO", "ANN", "ANN"]


# --- CONTINUED -----------------------------------------------------------------------------

def test_continueds_mark_split_scenes():
    doc = doc_of(Element("scene_heading", "INT. A - DAY"), filler(61),
                 Element("scene_heading", "INT. B - DAY"), Element("action", "End."))
    plain = paginate(doc)
    marked = paginate(doc, continueds=True)
    assert all(p.foot is None for p in plain)
    assert marked[0].foot.text == "(CONTINUED)"
    assert body(marked[1])[0].text == "CONTINUED:"
    assert all(len(p.lines) <= 55 for p in marked)


# --- title page, dual dialogue, notes, scene numbers ---------------------------------------

def test_title_page_positions():
    doc = Document({"Title": "The Long Rain", "Credit": "Screenplay by", "Author": "A. Writer",
                    "Source": "Based on the story by B. Author", "Draft date": "1 May 2026",
                    "Contact": "a@example.com\n555 0100"}, [Element("action", "x")])
    tp = layout(doc).title_page
    by_kind = {ln.kind: (top, ln) for top, ln in tp.lines}
    top, title = by_kind["title"]
    assert title.text == "THE LONG RAIN" and title.align == "center" and title.left == 4.25
    assert 3.3 <= top <= 3.9                              # about a third of the way down
    assert by_kind["credit"][0] < by_kind["author"][0] < by_kind["source"][0]
    for key in ("draft date", "contact"):
        top, ln = by_kind[key]
        assert ln.align == "left" and ln.left == 1.5 and top > 9
    assert layout(Document({}, [Element("action", "x")])).title_page is None


def test_dual_dialogue_side_by_side():
    doc = doc_of(speech("ANN", "Left says this."), [
        Element("character", "BO", character="BO", dual=True),
        Element("dialogue", "Right says that, at length, and more.", character="BO")])
    lines = body(paginate(doc)[0])
    assert lines[0].text == "ANN" and lines[0].beside.text == "BO"
    assert lines[0].left < 4.5 <= lines[0].beside.left
    right = [ln.beside.text for ln in lines if ln.beside]
    assert " ".join(right[1:]).split() == "Right says that, at length, and more.".split()


def test_notes_hidden_unless_asked():
    doc = doc_of(Element("action", "Before."), Element("note", "fix this"), Element("action", "After."))
    assert [ln.text for ln in body(paginate(doc)[0])] == ["Before.", "After."]
    shown = [ln.text for ln in body(paginate(doc, show_notes=True)[0])]
    assert shown == ["Before.", "[[fix this]]", "After."]


def test_scene_numbers():
    doc = doc_of(Element("scene_heading", "INT. A - DAY", scene_number="12A"), Element("action", "x"),
                 Element("scene_heading", "INT. B - DAY"), Element("action", "y"))
    heads = [ln for ln in body(paginate(doc)[0]) if ln.kind == "scene_heading"]
    assert [h.scene_number for h in heads] == [None, None]
    heads = [ln for ln in body(paginate(doc, scene_numbers=True)[0]) if ln.kind == "scene_heading"]
    assert [h.scene_number for h in heads] == ["12A", "2"]
    assert [h.anchor for h in heads] == ["INT. A - DAY", "INT. B - DAY"]


# --- property: any document obeys the rules ------------------------------------------------

element_st = st.one_of(
    st.builds(lambda n, s: Element("action", prose(n, s)), st.integers(1, 14), st.integers(0, 6)),
    st.builds(lambda n, s, p: speech("ANN" if s % 2 else "BO", prose(n, s),
                                     paren="(quietly)" if p else None),
              st.integers(1, 18), st.integers(0, 6), st.booleans()),
    st.builds(lambda s: Element("scene_heading", f"INT. ROOM {s} - DAY"), st.integers(0, 99)),
    st.just(Element("transition", "CUT TO:")),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(element_st, min_size=5, max_size=60), st.sampled_from(["letter", "a4"]))
def test_rules_hold_for_any_document(groups, paper):
    doc = doc_of(*groups)
    pages = paginate(doc, paper)
    check_rules(pages, LINES_PER_PAGE[paper], doc)
    # every word of action and dialogue is printed once, in order
    expected = []
    for el in doc.elements:
        if el.type in ("action", "dialogue"):
            expected.extend(el.text.split())
    printed = [w for p in pages for ln in body(p) if ln.kind in ("action", "dialogue")
               for w in ln.text.split()]
    assert printed == expected
