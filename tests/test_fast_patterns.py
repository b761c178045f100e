"""The faster ways attribution finds things (adapt.cast, adapt.attribution, adapt.tags,
adapt.conversation) find exactly what the plain patterns they replace find: on written edge
cases and on the seed story."""
import re
from collections import Counter, defaultdict
from pathlib import Path

from adapt import attribution, cast, conversation, tags

SEED = (Path(__file__).resolve().parent.parent / "seeds" / "000_9bca0ed2f6f5815c.txt").read_text()
EDGES = [
    "said Jane Bennet to Miss Bingley's Darcy, and Mr. Darcy turned to  Jane\n\nBennet.",
    "x" * 50 + " Darcy met " + "y" * 40 + " Darcy; Anne-Marie O'Brien met Mr McBride.",
    "Lead Two Three Four five Six", "a1 B2 Cc_d Ee", "ab\u00a0Cd\u2003Ef Zo\u00eb \u00c9mile",
    "\"Jane, come here!\" Mr. Darcy, sir. Oh! Lizzy, dear. Mrs X?", ", Jane, yes", "Mr. Darcy, no",
    "a---b ,-- - -- a-b--c x.-y \u2014- -,-", "towards\ttowards  onto to\n\n\u017fince ",
    "He said, she saw him; his hat. His, hers, She. the Shed shelf",
]
TEXTS = EDGES + [SEED]


def test_preceding_words_pair_as_the_plain_findall():
    for text in TEXTS:
        plain = defaultdict(Counter)
        for before, word in re.findall(rf"\b(\w+)\s+({cast._WORD})\b", text):
            plain[word][before.lower()] += 1
        assert cast._preceding_words(text, set(re.findall(cast._WORD, text))) == plain
        some = set(list(plain)[::2])
        assert cast._preceding_words(text, some) == {w: plain[w] for w in some}


def test_vocative_names_as_the_plain_pattern():
    plain = re.compile(r"(?:^|[,.!?]\s+)((?:(?:Mr|Mrs|Miss|Dr)\.?\s+)?[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})"
                       r"(?=\s*[,!?])")
    for text in TEXTS + SEED.split('"'):
        assert list(attribution._vocative_names(text)) == [m.group(1) for m in plain.finditer(text)]


def test_preposition_before_a_point_as_the_search_of_everything_before_it():
    for text in EDGES + [SEED[:3000]]:
        for at in range(len(text) + 1):
            assert attribution._after_preposition(text, at) == \
                bool(attribution._AFTER_PREPOSITION.search(text[:at])), (text[:at][-20:],)


def test_reordered_patterns_match_as_before():
    before = {
        tags._SENTENCE_END: r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMme)(?<!\bMlle)"
                            r"(?<![A-Z])[.!?]['\"\u201d\u2019]?(?:\s+|--|\u2014)",
        attribution._NARRATION_PRONOUN: r"\b(he|she|He|She|him|his|His)\b",
        conversation._STOPS: r"[,;:!?.\u2014]|--",
    }
    samples = TEXTS + ["Mr. A. B! Mrs? X. St.  Mlle.\u2014 q.-- Dr.\n end. 'Yes.' He.\u201d "]
    for fast, plain in before.items():
        for text in samples:
            assert [m.span() for m in fast.finditer(text)] == \
                [m.span() for m in re.finditer(plain, text)]
            assert fast.split(text) == re.split(plain, text)


def test_descriptions_and_lead_ins_as_the_plain_patterns():
    plain = re.compile(tags._DESCRIPTION.pattern.replace("(?=[thamoTHAMO])", "", 1))
    for text in TEXTS:
        assert [m.span() for m in tags._DESCRIPTION.finditer(text)] == \
            [m.span() for m in plain.finditer(text)]
    for text in ["he said,", "he said, \n ", "he said:\u2003", "he said.", "", ",", " :", "x,y"]:
        assert (tags.tag_before(text, 0) is None) >= (re.search(r"[,:]\s*\Z", text) is None)


def test_the_nominal_look_ahead_never_passes_over_a_match():
    tails = ["Sir Walter's remark was, ", "was all Lady Bertram's answer was:  ", "Her reply was only",
             "Frank's answer was simply: ", "his words were these,", "the remark was\n"]
    for tail in tails + [SEED[max(0, m.end() - 200):m.end()] for m in re.finditer(r"[,:]\s*", SEED)]:
        if tags._NOMINAL_BEFORE.search(tail):
            assert tags._may_be_nominal(tail)
    assert tags._NOMINAL_BEFORE.search(tails[0]) and tags._NOMINAL_BEFORE.search(tails[3])


def test_apposed_before_finds_what_the_pattern_opening_on_the_full_stop_finds():
    plain = re.compile(r"(?:\A|[.!?]\s+)The\s+(?:[a-z][\w\-]*\s+){0,2}?([a-z][\w\-]*),\s+")
    edges = ["The clerk, Mr. Box, said so. The tall old porter, Mr. Fox, ran. Then The man, x.",
             "Oh!\n\nThe maid, Jane, came.?The cook, Ann, went. BathThe butler, Bob, sat. The The a, b"]
    for text in edges + [SEED]:
        fast = [(m.group(1), m.end()) for m in cast._APPOSED_BEFORE.finditer(text)
                if cast._opens_text_sentence(text, m.start())]
        assert fast == [(m.group(1), m.end()) for m in plain.finditer(text)]


def test_occurrences_counts_what_the_pattern_opening_on_a_boundary_counts():
    for text in TEXTS + ["Hindu, a Hindu;Hindu_ xHindu Hindus Hindu\u00e9 \u00e9Hindu Hindu"]:
        for word in ("Hindu", "Jane", "Darcy", "He", "a"):
            assert cast._occurrences(text, word) == len(re.findall(rf"\b{word}\b", text))



def test_surname_votes_as_the_plain_alternation():
    # the plain version searched r"\b(?:Grant-Menzies|Menzies|Hayter)\b" and r"\bCharles\b"
    # position by position; "Menzies" inside "Grant-Menzies" is no mark of its own
    def plain(text, given, surnames):
        alternation = "|".join(map(re.escape, sorted(surnames, key=len, reverse=True)))
        marks = [(m.start(), m.group()) for m in re.finditer(rf"\b(?:{alternation})\b", text)]
        votes = Counter()
        for m in re.finditer(rf"\b{re.escape(given)}\b(?!\s+(?:{alternation})\b)", text):
            before = [name for at, name in marks if at < m.start()]
            if before and [at for at, _ in marks if at < m.start()][-1] >= m.start() - cast._NEARBY:
                votes[before[-1]] += 1
        return votes

    text = ("The Grant-Menzies house. Charles came. " * 3 + "Old Menzies sat. Charles spoke. "
            + "Hayter! Charles Hayter and xCharles. " + "Menzies-Hayter, Charles. " * 2
            + "_Charles " + "x" * 1600 + " Charles ") * 2
    surnames = ["Grant-Menzies", "Menzies", "Hayter"]
    counted = plain(text, "Charles", surnames)
    assert counted == {"Grant-Menzies": 6, "Menzies": 2, "Hayter": 4}
    assert cast._surname_votes(text, "Charles", surnames) == counted
    for sample in TEXTS:
        assert cast._surname_votes(sample, "Jane", ["Bennet", "Darcy"]) \
            == plain(sample, "Jane", ["Bennet", "Darcy"])
