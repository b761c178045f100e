"""Any text converts: generated inputs and mutated corpus chapters go through the whole
pipeline without an exception, and every output is valid.

Valid means: the JSON reads back to the same document; the Fountain is parsed by an
independent parser (screenplain) and our reader reads it back to the same elements; the FDX is
well-formed XML with a Character paragraph per cue; the PDF opens with pypdf with the pages the
layout planned, none holding more lines than fit (see benchmarks/mutations.py).
"""
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapt.layout import LINES_PER_PAGE, paginate
from adapt.pipeline import adapt_prose
from benchmarks.mutations import check_document, chapter, convert_and_check, mutate
from tests.conftest import PDNC_DIR, needs_shared

SETTINGS = dict(deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# --- generated inputs -------------------------------------------------------------------

QUOTES = ['"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "`", "\u00ab", "\u00bb"]
DASHES = ["-", "--", "\u2013", "\u2014", "\u2014\u2014", "---"]
BREAKS = ["\n", "\n\n", "\n\n\n", "\r\n", "\r\n\r\n", "\r", " \n \n", "\t\n\n", "\u2028", "\f"]
WORDS = ["said", "says", "asked", "whispered", "she", "he", "they", "Anna", "Mr. Bell",
         "Mrs. Grey", "the", "kitchen", "street", "night", "smiled", "nodded", "and", "I",
         "don't", "o'clock", "'em", "Chapter", "CHAPTER IV.", "II.", "12", "* * *", "#", "~",
         "INT.", "EXT.", "CUT TO:", "FADE OUT.", "(", ")", "[[", "]]", "/*", "*/", "_", "*",
         "**", "@", "!", ">", "<", "=", "===", "^", "\\", "Title:", "Author:", "\u2026", "...",
         ",", ".", "?", "!", ";", ":"]
fragment = st.one_of(
    st.sampled_from(QUOTES), st.sampled_from(DASHES), st.sampled_from(BREAKS),
    st.sampled_from(WORDS), st.just(" "), st.just(" "), st.text(max_size=12),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=6),
)
prose_like = st.lists(fragment, max_size=120).map("".join)

N_GENERATED = {"prose_like": 300, "any_text": 150, "speech": 250, "structured": 150}
N_MUTANTS = 6     # per novel; benchmarks/mutations.py runs many more


@settings(max_examples=N_GENERATED["prose_like"], **SETTINGS)
@given(prose_like)
def test_prose_like_text_converts(text):
    convert_and_check(text)


@settings(max_examples=N_GENERATED["any_text"], **SETTINGS)
@given(st.text(max_size=400))
def test_any_unicode_text_converts(text):
    convert_and_check(text)


speech = st.builds(
    lambda open_, words, close, tag, sep: f"{open_}{words}{close}{tag}{sep}",
    st.sampled_from(QUOTES + [""]),
    st.lists(st.sampled_from(WORDS[:20] + ["Hello", "no", "why?", "\u2014"]), max_size=12)
    .map(" ".join),
    st.sampled_from(QUOTES + ["", ","]),
    st.sampled_from(["", " she said.", ", said Anna", " he asked, ", " Bell smiled. ",
                     " whispered Mrs. Grey;", "\u2014"]),
    st.sampled_from(BREAKS + ["", " "]),
)


@settings(max_examples=N_GENERATED["speech"], **SETTINGS)
@given(st.lists(speech, min_size=1, max_size=40).map("".join))
def test_random_conversations_convert(text):
    convert_and_check(text)


@settings(max_examples=N_GENERATED["structured"], **SETTINGS)
@given(st.one_of(
    st.text(alphabet="\"\u201c\u201d'\u2018\u2019", min_size=1, max_size=300),   # only quotes
    st.text(alphabet="abc de.\n", min_size=1, max_size=300),                     # no quotes
    st.builds(lambda body, mark: body + mark, prose_like,
              st.sampled_from(QUOTES + ["\n\n" + q for q in QUOTES])),            # unmatched at end
    st.text(alphabet="-\u2013\u2014*#~ \n", min_size=1, max_size=200),            # breaks, dashes
    st.lists(st.sampled_from(BREAKS), min_size=1, max_size=30).map("".join),      # only newlines
))
def test_edge_shapes_convert(text):
    if not text.strip():
        return      # the CLI refuses blank input before the pipeline sees it
    convert_and_check(text)


def test_very_long_paragraphs_convert():
    """One paragraph of 1 MB (no sentence end, no quotes), and a long unbroken speech: the
    layout splits them over pages rather than running off the bottom of one."""
    words = ("word " * 210_000).rstrip()
    assert len(words) > 1_000_000
    doc = adapt_prose(words)
    check_document(words, doc)
    pages = paginate(doc)
    assert max(len(p.lines) for p in pages) <= LINES_PER_PAGE["letter"]
    printed = "".join(ln.text for p in pages for ln in p.text_lines if ln.kind == "action")
    assert words.replace(" ", "").lower() in printed.replace(" ", "").lower()   # all printed
    long_speech = '"' + "so and so " * 3000 + '" she said.\n\nThen she left.'
    convert_and_check(long_speech)


# --- mutated corpus chapters ------------------------------------------------------------

MUTATION_NOVELS = ("PrideAndPrejudice", "AlicesAdventuresInWonderland", "TheInvisibleMan")


@needs_shared(PDNC_DIR)
@pytest.mark.parametrize("novel", MUTATION_NOVELS)
def test_mutated_corpus_chapters_convert(novel):
    from benchmarks.corpus import load_novel

    text = load_novel(novel)[0]
    rng = random.Random(f"adapt-mutations-{novel}")
    for i in range(N_MUTANTS):
        mutant = mutate(chapter(text, rng, 25_000), rng, edits=rng.choice((1, 5, 40)))
        convert_and_check(mutant, pdf=(i % 2 == 0))
