"""Screen-ready action: narration rewritten the way a screenplay's action reads.

Action is what a camera sees, in the present tense and the third person. This module turns a
stretch of narration into that: it splits sentences, rewrites past-tense narration in the
present ("She walked to the door and opened it." -> "She walks to the door and opens it."),
a first-person narrator into a character ("I climbed in" -> "Fenwick climbs in"), tells which
sentences are interiority (thoughts, knowing, remembering) and shapes action into paragraphs
of at most four lines on the page.

There is no part-of-speech tagger: the verb forms come from lemminflect's tables (adapt.verbs)
and whether a past form is a finite verb or a participle is read from the words before it
(after "was"/"had"/"the" it is a participle or an adjective; after a subject it is a verb).
That keeps startup and speed in line with the rest of the tool; benchmarks/action.py measures
what the rules get right on a hand-written gold set.
"""
from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field

from .verbs import noun_plural, past_lemma, present_form, verb_forms, verb_lemma

# ---------------------------------------------------------------------------- sentences

_ABBREVIATIONS = frozenset("""
    mr mrs ms dr st mme mlle messrs jr sr col gen capt lt prof rev gov sgt hon esq vs etc no
    mt ft ave
""".split())
# (the lookaheads on first characters, implied by the alternatives, make the scans faster)
_SENTENCE_END = re.compile(r"(?=[.!?\u2026])(?:[.!?]+|\u2026)[\"'\u201d\u2019)\]]*(?=\s+|$)")


_LAST_WORD = re.compile(r"([A-Za-z]+)\.$")
_NON_SPACE = re.compile(r"\S")


def clean(text: str) -> str:
    """One line of text: line breaks and runs of spaces become single spaces."""
    if "  " in text or not text.isprintable():   # (every white space but " " is unprintable)
        return " ".join(text.split())       # (str.split's white space is the regex \s)
    return text.strip()


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
_QUOTED = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d")
_CLOSERS = "\"'\u201d\u2019)"     # what may follow a question or exclamation mark at the end
_WORDS = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, trailing spaces excluded.

    A full stop after an abbreviation ("Mr.") or an initial ("J.") does not end a sentence, nor
    does any end mark followed by a lower-case word ("...with a bang" / "Oh! he said")."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        after = _NON_SPACE.search(text, end)     # the first character of what follows
        if after and not (after.group().isupper() or after.group() in "\"'\u201c\u2018("
                          or after.group().isdigit()):
            continue
        # the word before a full stop (only its last letters: an abbreviation is short)
        word = _LAST_WORD.search(text, max(start, m.start() - 20), m.start() + 1) \
            if text[m.start()] == "." else None
        if word and (word.group(1).lower() in _ABBREVIATIONS
                     or (len(word.group(1)) == 1 and word.group(1).isupper())):
            continue
        chunk = text[start:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((start + lead, end))
        start = end
    tail = text[start:]
    if tail.strip():
        lead = len(tail) - len(tail.lstrip())
        spans.append((start + lead, start + len(tail.rstrip())))
    return spans


def split_sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text)]


# ---------------------------------------------------------------------------- words

_TOKEN = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*|\s+|.", re.S)
_SUBJECT_PRONOUNS = {"he": False, "she": False, "it": False, "i": True,   # "I walk": the plain form
                     "they": True, "we": True, "you": True}
_RELATIVES = {"who", "which", "that"}
_DETERMINERS = frozenset("""
    the a an his her its my our your their this these those some any no every each another
    such whose
""".split())
_PREPOSITIONS = frozenset("""
    of in on at by for with from into onto upon over under about through across against among
    between without within during toward towards behind beyond beneath beside besides like
""".split())
_ADVERBS = frozenset("""
    not never just also still always only even then now once already almost quite really ever
    soon often hardly scarcely rather all both too so very merely simply again nearly instantly
    immediately presently suddenly indeed certainly perhaps
""".split())
_BE_HAVE = frozenset("""
    was were is are am be been being had has have having 's 've 'd
""".split())
_MODALS = frozenset("would could should might must may can will shall".split())
# Words that open a new clause: the next verb has a subject of its own.
_CLAUSE_WORDS = frozenset("""
    and but or nor yet so then that which who whom whose when while as because though although
    if unless until till before after since where whether lest than for
""".split())
_CLAUSE_PUNCT = set(",;:()\u2014") | {"--"}
_SUBJUNCTIVE_CUES = frozenset("if though wish wished wishes as".split())
_IRREGULAR_PLURALS = frozenset("men women children people feet teeth mice geese police cattle".split())
_SINGULAR_S = ("ss", "us", "is", "ous", "ness", "ics")


_WORD = re.compile(r"([A-Za-z]+(?:['\u2019][A-Za-z]+)*)")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _is_word(tok: str) -> bool:
    return tok[:1].isalpha()


def _match_case(word: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


@functools.lru_cache(maxsize=8192)
def _plural_noun(word: str, sentence_start: bool = False) -> bool:
    low = word.lower()
    if low in _IRREGULAR_PLURALS:
        return True
    if word[:1].isupper() and not sentence_start:
        return False                       # a name (plural names are caught by _plural_np)
    known = noun_plural(low)
    if known is not None:
        return known
    if word[:1].isupper() or len(low) < 4 or not low.endswith("s") or low.endswith(_SINGULAR_S):
        return False
    return True


def _is_adverb(low: str) -> bool:
    return low in _ADVERBS or (low.endswith("ly") and len(low) > 4 and low not in ("family", "belly"))


class _Squeezed(dict):
    """gap -> the gap without its white space, worked out once per distinct gap (a story has
    few: ", ", ". ", " "); bounded like _REWRITABLE."""

    def __missing__(self, gap: str) -> str:
        if len(self) >= 10_000:
            self.clear()
        squeezed = self[gap] = "".join(gap.split())
        return squeezed


_SQUEEZED = _Squeezed()


class _Words:
    """The tokens of a sentence, its word tokens' positions in the token list, and the
    punctuation between neighbouring words (computed once: these are asked for many times per
    word). Joined, the tokens give the sentence back (with the words as rewritten)."""

    def __init__(self, text: str):
        if text.isascii() or not any(c.isalpha() for c in _NON_ASCII.findall(text)):
            # Words are the [A-Za-z] runs: the text split at them alternates gap, word, gap ...
            # (each gap one token; it holds no letter, so no word is cut out of it)
            self.toks = toks = _WORD.split(text)
            self.idx = list(range(1, len(toks), 2))
            self.lows = list(map(str.lower, toks[1::2]))
            self.gaps = [""]
            self.gaps += map(_SQUEEZED.__getitem__, toks[2::2])
            return
        # A letter outside [A-Za-z] ("é") is a word of its own, as in _TOKEN
        self.toks = toks = _tokens(text)
        self.idx = idx = [i for i, t in enumerate(toks) if t[0].isalpha()]
        self.lows = [toks[i].lower() for i in idx]
        gaps = [""]                             # punctuation before word k (and after the last)
        bounds = idx + [len(toks)]
        for a, b in zip(bounds, bounds[1:]):
            gaps.append("".join(t for t in toks[a + 1:b] if not t.isspace()))
        self.gaps = gaps

    def word(self, k: int) -> str:
        return self.toks[self.idx[k]]

    def low(self, k: int) -> str:
        return self.lows[k]

    def punct_between(self, a: int, b: int) -> str:
        """The punctuation between word a and word b (a < b)."""
        if b == a + 1:
            return self.gaps[b] if b < len(self.gaps) else ""    # b past the last word
        return "".join(self.gaps[a + 1:b + 1])

    def set(self, k: int, text: str):
        self.toks[self.idx[k]] = text
        self.lows[k] = text.lower()

    def __len__(self):
        return len(self.idx)


_QUOTED_OR_SINGLE = re.compile(r"(?=[\"\u201c'\u2018])(?:\"[^\"]*\"|\u201c[^\u201d]*\u201d"
                               r"|(?<!\w)['\u2018][^'\u2019]+['\u2019](?!\w))")


def _quoted_mask(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (titles, remembered words): left untouched."""
    return [m.span() for m in _QUOTED_OR_SINGLE.finditer(text)]


def _inside(toks: list[str], idx: list[int], masked: list[tuple[int, int]]) -> list[bool]:
    """For each word (token numbers `idx`), whether it starts inside one of the `masked` ranges."""
    offsets = list(itertools.accumulate(map(len, toks), initial=0))
    return [any(a <= offsets[i] < b for a, b in masked) for i in idx]


# ---------------------------------------------------------------------------- tense

_COORDINATORS = frozenset(("and", "or", "but", "nor", "yet"))
_DEGREE = frozenset("more most less least very so quite".split())
_CAUSATIVE = frozenset("get have find keep leave see want like".split())
_LINKING = frozenset("look seem appear become grow get feel remain stay sound prove go turn fall".split())
_NOUN_HOMOGRAPHS = frozenset("ground felt wound found left rose lay spoke saw bore fell lit bid cast".split())
_INVERSION_OPENERS = frozenset("how what why where when nor never neither so not only seldom".split())
_DEMONSTRATIVES = frozenset("this that these those".split())
_OBJECT_STARTS = _DETERMINERS | frozenset("him her them it me us out up down off away back".split())
_PAST_CANDIDATES = frozenset("was wasn't were weren't had hadn't did didn't could couldn't used".split())
_PREP_DET = _PREPOSITIONS | _DETERMINERS
_LOCATIVES = frozenset("down up out in away off back there here".split())
_NEW_SUBJECT = _DETERMINERS | {"he", "she", "it", "they", "we", "you", "i", "then"}


def _opens_clause(w: _Words, k: int, converted: set) -> bool:
    """Whether word k (a conjunction) starts a clause of its own: "and a foam lay", "and
    then the legs came", "and Anne sat" after a verb; not "the savant and Madame"."""
    low = w.low(k)
    if low not in _COORDINATORS:
        return low in _CLAUSE_WORDS
    if k + 1 >= len(w):
        return False
    nxt = w.low(k + 1)
    return any(c < k for c in converted) and (nxt in _NEW_SUBJECT or w.word(k + 1)[:1].isupper())


def _subject_plural(w: _Words, k: int, converted: set) -> bool:
    """Whether the subject of the verb at word k is plural (looking back in its clause)."""
    clause: list[int] = []                 # (backwards)
    lows, gaps = w.lows, w.gaps
    j = k - 1
    while j >= 0:
        low = lows[j]
        if clause and not _CLAUSE_PUNCT.isdisjoint(gaps[j + 1]):
            break
        if low in _RELATIVES:
            if clause:
                break
            ante = j - 1                   # a relative pronoun: its antecedent before it
            while ante >= 0 and _is_adverb(w.low(ante)):
                ante -= 1
            return ante >= 0 and (_plural_noun(w.word(ante), ante == 0)
                                  or w.low(ante) in ("they", "them", "those", "these"))
        if low in ("whom", "which") and j > 1 and w.low(j - 1) == "of":
            return w.low(j - 2) in ("both", "all", "many", "most", "some", "several")
        if low in _CLAUSE_WORDS and (low not in ("and", "or") or _opens_clause(w, j, converted)):
            break
        clause.append(j)
        j -= 1
    words = [i for i in reversed(clause) if not _is_adverb(lows[i])]
    if not words:
        return False
    for i in reversed(words):
        low = w.low(i)
        if low in _SUBJECT_PRONOUNS:
            return _SUBJECT_PRONOUNS[low]
    for n in range(1, len(words) - 1):
        if w.low(words[n]) == "and" and _nominal(w, words[n - 1]) and \
                (w.low(words[n + 1]) in _DETERMINERS or _nominal(w, words[n + 1])):
            return True                    # "the savant and Madame de Cominges did"
    head, at = words[-1], len(words) - 1
    for n, i in enumerate(words):
        if w.low(i) in _PREPOSITIONS and n > 0:
            head, at = words[n - 1], n - 1
            break
    while at > 0 and past_lemma(w.low(head)):      # "the men dressed in black"
        at -= 1
        head = words[at]
    if head >= 1 and w.low(head - 1) == "the" and w.word(head)[:1].isupper() \
            and w.low(head).endswith("s") and not w.low(head).endswith("ss"):
        return True                        # "the Belgians"
    return _plural_noun(w.word(head), head == 0)


def _nominal(w: _Words, j: int) -> bool:
    """A name or a word lemminflect knows as a noun."""
    return w.word(j)[:1].isupper() or noun_plural(w.low(j)) is not None


def _inverted_subject(w: _Words, k: int) -> bool | None:
    """For an auxiliary before its subject ("did he utter", "Were they"), the subject's number;
    None when what follows is not a subject."""
    j = k + 1
    while j < len(w) and (w.low(j) == "not" or _is_adverb(w.low(j))) and not w.punct_between(j - 1, j):
        j += 1
    if j >= len(w) or w.punct_between(k, j):
        return None
    low = w.low(j)
    if low in _SUBJECT_PRONOUNS:
        return _SUBJECT_PRONOUNS[low]
    if low in ("anyone", "anybody", "everyone", "everybody", "someone", "nobody", "this", "that"):
        return False
    if low in _DETERMINERS or w.word(j)[:1].isupper():
        n = j + 1 if low in _DETERMINERS else j
        if n < len(w) and not w.punct_between(j, n):
            return _plural_noun(w.word(n), False) or low in ("these", "those")
        return False
    return None


def _plural_after(w: _Words, k: int) -> bool:
    """'down came three bottles': the subject after the verb."""
    for j in range(k + 1, min(len(w), k + 6)):
        if w.punct_between(j - 1, j) or w.low(j) in _PREPOSITIONS:
            break
        if _plural_noun(w.word(j), False):
            return True
    return False


def _has_ahead(w: _Words, k: int, word: str, within: int = 3) -> bool:
    for j in range(k + 1, min(len(w), k + 1 + within)):
        if w.punct_between(j - 1, j):
            return False
        if w.low(j) == word:
            return True
    return False


def _prev_word(w: _Words, k: int) -> int:
    """Index of the previous word that is not an adverb ("Darcy only smiled"), or -1."""
    j = k - 1
    lows, gaps = w.lows, w.gaps
    while j >= 0 and not gaps[j + 1]:
        low = lows[j]
        if low == "so" and not (j + 1 == k or _is_adverb(lows[j + 1])):
            break
        if not (_is_adverb(low) or low == "so"):
            break
        j -= 1
    return j


_REWRITABLE: dict[str, bool] = {}           # word -> _rewritable(word), as words are met


def _rewritable(low: str) -> bool:
    """Whether present_tense looks at a (lower-case) word as a verb form it may rewrite."""
    if len(_REWRITABLE) >= 50_000:
        _REWRITABLE.clear()                    # (the words of a few novels; bounded memory)
    known = _REWRITABLE[low] = low in _PAST_CANDIDATES or (
        low not in _BE_HAVE and bool(low.endswith("ed") or past_lemma(low)))
    return known


def present_tense(sentence: str) -> str:
    """Past-tense narration in the present tense; anything else comes back unchanged.

    Simple past -> present ("walked" -> "walks"), past perfect -> present perfect ("had
    been waiting" -> "has been waiting"), past progressive -> present progressive, "did not"
    -> "does not", "could" -> "can" (not before "have"). Participles after be/have, adjectives
    after a determiner, conditional "would" and words inside quotation marks stay."""
    w = _Words(sentence)
    toks, idx, lows, gaps = w.toks, w.idx, w.lows, w.gaps
    masked = _quoted_mask(sentence)
    inside = _inside(toks, idx, masked) if masked else None
    # The words this may rewrite; the loop keeps its state up to the last of them. (Words
    # rewritten on the way never become one: "not" after "could" becomes "".)
    rewritable = list(map(_REWRITABLE.get, lows))
    if None in rewritable:
        rewritable = [_rewritable(low) if known is None else known for low, known in zip(lows, rewritable)]
    if True not in rewritable:
        return sentence
    state = _State()
    for k in range(len(rewritable) - rewritable[::-1].index(True)):
        if inside and inside[k]:
            continue
        word, low = toks[idx[k]], lows[k]
        if k and ((gaps[k] and not _CLAUSE_PUNCT.isdisjoint(gaps[k]))
                  or (lows[k - 1] in _CLAUSE_WORDS and (lows[k - 1] not in _COORDINATORS
                                                        or _opens_clause(w, k - 1, state.converted)))):
            state.clause_finite = False
        if low in _SUBJECT_PRONOUNS and low != "it":
            state.waiting = _SUBJECT_PRONOUNS[low]
        elif word[:1].isupper() and k > 0 and lows[k - 1] not in _PREP_DET \
                and not toks[idx[k - 1]][:1].isupper():
            state.waiting = False
        elif k == 0 and low not in _PREPOSITIONS and low not in _CLAUSE_WORDS:
            state.waiting = "start"
        elif low in ("who", "which") and k > 0 and not gaps[k] and not state.clause_finite:
            state.waiting = _subject_plural(w, k, state.converted)   # its antecedent's number
            state.in_relative = True
        if not rewritable[k]:
            continue                           # not a verb form this rewrites: the common case
        prev = _prev_word(w, k)
        prev_low = w.low(prev) if prev >= 0 else ""
        gap = w.punct_between(prev, k) if prev >= 0 else ""
        new = None
        if low in ("was", "wasn't", "were", "weren't"):
            if low.startswith("were") and _subjunctive(w, k):
                continue
            new = ("is" if low.startswith("was") else "are") + ("n't" if low.endswith("n't") else "")
            if low == "was" and (prev_low == "i" or (k + 1 < len(w) and w.low(k + 1) == "i")):
                new = "am"                     # a narrator's "I" left in the third person
        elif low in ("had", "hadn't", "did", "didn't"):
            if low == "had" and _after_have(w, k):
                state.decide(k, False)
                continue
            inverted = None
            if prev < 0 or gap or prev_low in _INVERSION_OPENERS:
                inverted = _inverted_subject(w, k)
            if inverted is None and gap and state.waiting in (True, False):
                inverted = state.waiting       # "Her volubility, which ..., had lost"
            p = inverted if inverted is not None else _subject_plural(w, k, state.converted)
            stem = ("have" if p else "has") if low.startswith("had") else ("do" if p else "does")
            new = stem + ("n't" if low.endswith("n't") else "")
            state.last_plural = p
        elif low in ("could", "couldn't"):
            if _has_ahead(w, k, "have", 4):
                continue
            if low == "couldn't":
                new = "can't"
            elif k + 1 < len(w) and w.low(k + 1) == "not" and not w.punct_between(k, k + 1):
                w.set(k, _match_case("cannot", word))
                toks[w.idx[k] + 1] = ""            # the space before "not"
                w.set(k + 1, "")
                state.decide(k, True)
                continue
            else:
                new = "can"
        elif low == "used" and k + 1 < len(w) and w.low(k + 1) == "to":
            continue
        else:
            lemma = past_lemma(low) if low not in _BE_HAVE else None
            if lemma is None and low.endswith(("ed", "en")) and prev_low in _BE_HAVE and not gap:
                state.decide(k, False)         # was embanked: a participle lemminflect lacks
                continue
            if lemma is None or (word[:1].isupper() and k > 0):
                continue
            kind = _finite_past(w, k, prev, prev_low, gap, state)
            if not kind:
                state.decide(k, False)
                continue
            if kind == "waiting":
                p = _subject_plural(w, _first_comma_word(w), state.converted) \
                    if state.waiting == "start" else state.waiting
            elif kind == "coordinate":
                p = state.last_plural
            elif prev_low in _LOCATIVES and not state.clause_finite:
                p = _plural_after(w, k)
            else:
                p = _subject_plural(w, k, state.converted)
            state.last_plural = p
            new = present_form(lemma, p)
            state.lemmas[k] = lemma
        w.set(k, _match_case(new, word))
        state.decide(k, True)
    return "".join(toks)


@dataclass
class _State:
    converted: set = field(default_factory=set)   # words rewritten as finite verbs
    lemmas: dict = field(default_factory=dict)
    finite_seen: bool = False                     # a finite verb earlier in the sentence
    clause_finite: bool = False                   # ... in the current clause
    last_finite: bool = False                     # the last verb decided was finite
    last_plural: bool = False
    waiting: bool | str | None = None             # number of a subject still without its verb
    in_relative: bool = False                     # inside "who ..."/"which ..." before its verb

    def decide(self, k: int, finite: bool):
        self.last_finite = finite
        if finite:
            self.converted.add(k)
            self.finite_seen = self.clause_finite = True
            if self.in_relative:
                self.in_relative = False       # the main subject still waits for its verb
            else:
                self.waiting = None


def _subjunctive(w: _Words, k: int) -> bool:
    """'as if she were', 'wished this girl were', 'as it were': a singular 'were' stays."""
    if k >= 2 and w.low(k - 1) == "it" and w.low(k - 2) == "as":
        return True
    back = [w.low(j) for j in range(max(0, k - 7), k)]
    if not (_SUBJUNCTIVE_CUES & set(back)) or k == 0:
        return False
    prev = w.low(k - 1)
    if prev in _SUBJECT_PRONOUNS:
        return not _SUBJECT_PRONOUNS[prev]
    return not _plural_noun(w.word(k - 1))


def _first_comma_word(w: _Words) -> int:
    for j in range(1, len(w)):
        if "," in w.punct_between(j - 1, j):
            return j
    return len(w)


def _after_conjunction_aside(w: _Words, prev: int) -> bool:
    """Whether the aside that ends at word `prev` opens right after "and,": "and, much to his
    amazement, beheld"."""
    j = prev
    while j > 0 and not w.punct_between(j - 1, j):
        j -= 1
    return j > 0 and w.low(j - 1) in ("and", "but", "or", "then") and j - 1 >= 0


def _after_have(w: _Words, k: int) -> bool:
    """'having had', 'has never, as yet, had': 'had' is a participle here."""
    j = k - 1
    while j >= 0 and (_is_adverb(w.low(j)) or w.low(j) in ("as", "yet")):
        j -= 1
    return j >= 0 and w.low(j) in ("has", "have", "having", "had")


def _finite_past(w: _Words, k: int, prev: int, prev_low: str, gap: str, state: _State):
    """Whether the past form at word k is a finite verb: False for a participle or adjective,
    "coordinate" for a verb joined to the one before ("walked ... and opened"), else True."""
    if prev < 0:
        return False                       # sentence-initial: "Tired, she sat down."
    lows, gaps, n = w.lows, w.gaps, len(w.idx)
    if gap == "-" or gap.endswith("-") and not gap.endswith("--"):
        return False                       # ill-shaped
    if not gap and (prev_low in _BE_HAVE or prev_low in _MODALS or prev_low == "to"):
        return False                       # was dressed, had gone, to set
    if not gap and ((prev_low in _DETERMINERS and prev_low not in _DEMONSTRATIVES)
                    or prev_low in _PREPOSITIONS):
        return False                       # the desired boy, with worried eyes ("this meant" is a verb)
    if k >= 1 and not gaps[k] and lows[k - 1] in _DEGREE:
        return False                       # a more abridged form, so pronounced a type
    np_final = k + 1 >= n or bool(gaps[k + 1])
    if lows[k] in _NOUN_HOMOGRAPHS and prev >= 1 and lows[prev - 1] in _DETERMINERS and not gap and np_final:
        return False                       # the tidy ground
    if not gap and prev in state.converted and state.lemmas.get(prev) in _LINKING:
        return False                       # looked dazed, grew tired
    if not gap and prev in state.converted and state.waiting is not None and not state.in_relative:
        return "waiting"                   # the pause which ensued made ...
    if not gap and prev_low in _SUBJECT_PRONOUNS and prev >= 1 and not gaps[prev] \
            and (lows[prev - 1] in _BE_HAVE or state.lemmas.get(prev - 1) in _CAUSATIVE):
        return False                       # was he lifted, got it closed
    if prev_low in ("and", "or", "but", "nor", "then") and not gap:
        comma = gaps[prev] if prev >= 1 else ""
        if prev >= 1 and prev - 1 not in state.converted and not comma and not state.last_finite:
            return False                   # the desired and expected boy; embanked and paved
        return "coordinate" if state.finite_seen else True
    if gap and gap[-1] in ",;" and prev_low not in _SUBJECT_PRONOUNS:
        if state.waiting is not None:
            return "waiting"               # "The devil, envious of such sanctity, tempted her"
        if _after_conjunction_aside(w, prev):
            return "coordinate"            # "glanced up and, much to his amazement, beheld"
        in_phrase = any(w.low(j) in _PREP_DET for j in range(max(0, prev - 1), prev + 1)) \
            and not (k + 1 < len(w) and not w.gaps[k + 1] and w.low(k + 1) in _OBJECT_STARTS)
        return "coordinate" if state.last_finite and not in_phrase else False  # "approached it, peered"
    if prev_low in _SUBJECT_PRONOUNS or prev_low in _RELATIVES:
        return True
    if w.word(prev)[:1].isupper():
        return True                        # a name: "Cuss handed him"
    if state.clause_finite:
        return False                       # "the first witness called when ..." stays
    return not _main_verb_ahead(w, k)      # "the rush ... came round"; "men dressed in black waited"


def _main_verb_ahead(w: _Words, k: int) -> bool:
    """Whether the clause has another past verb further on, so that the past form at k is a
    participle of its subject ("the men dressed in black waited")."""
    for j in range(k + 1, len(w)):
        if w.punct_between(j - 1, j) or w.low(j) in _CLAUSE_WORDS:
            return False
        low = w.low(j)
        if low in ("was", "were", "had", "did"):
            return True
        if past_lemma(low) and w.low(j - 1) not in _DETERMINERS | _PREPOSITIONS | _BE_HAVE \
                and not _is_adverb(w.low(j - 1)) and w.low(j - 1) not in _SUBJECT_PRONOUNS:
            return True
    return False


# ---------------------------------------------------------------------------- person

_FIRST_PERSON = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves",
                 "i'm", "i've", "i'd", "i'll"}
_PLURAL_MAP = {"we": "they", "us": "them", "our": "their", "ours": "theirs",
               "ourselves": "themselves"}


def third_person(sentence: str, name: str, gender: str | None = None) -> str:
    """First-person narration in the third person: the first mention of the narrator in the
    sentence is `name`, later ones a pronoun ("I put my hand in my pocket" -> "Fenwick puts his
    hand in his pocket" once the tense is rewritten); "we" becomes "they"."""
    masked = _quoted_mask(sentence)
    w = _Words(sentence)
    toks = w.toks
    he, him, his, himself = (("she", "her", "her", "herself") if gender == "F" else
                             ("he", "him", "his", "himself") if gender == "M" else
                             (name, name, name + "'s", "themself"))
    named = False
    offsets, pos = [], 0
    for t in toks:
        offsets.append(pos)
        pos += len(t)
    for k in range(len(w)):
        low = w.low(k)
        if low not in _FIRST_PERSON or any(a <= offsets[w.idx[k]] < b for a, b in masked):
            continue
        if low == "i" and k > 0 and w.word(k - 1)[:1].isupper() and not w.punct_between(k - 1, k) \
                and (k + 1 >= len(w) or w.word(k + 1)[:1].isupper() or w.punct_between(k, k + 1)):
            continue                      # "Charles I", "CHAPTER I"
        at_start = k == 0 and not "".join(toks[:w.idx[0]]).strip(" \"'\u201c\u2018(")
        if low in _PLURAL_MAP:
            new = _PLURAL_MAP[low]
            w.set(k, new.capitalize() if k == 0 else new)
            if low == "we":
                _agree_after(w, k, plural=True)
            continue
        if low in ("i", "i'm", "i've", "i'd", "i'll"):
            new = he if named else name
            w.set(k, new if new == name else (new.capitalize() if at_start else new))
            named = True
            if low == "i'm":
                w.set(k, w.word(k) + " is")
            elif low == "i've":
                w.set(k, w.word(k) + " has")
            elif low == "i'd":
                w.set(k, w.word(k) + "'d")
            elif low == "i'll":
                w.set(k, w.word(k) + " will")
            else:
                _agree_after(w, k, plural=False)
        elif low == "me":
            w.set(k, him if named else name)
            named = True
        elif low in ("my", "mine"):
            new = his if named else name + "'s"
            w.set(k, new.capitalize() if k == 0 and named else new)
            named = True
        elif low == "myself":
            w.set(k, himself if named else name + " " + himself)
            named = True
    # "shall" with a first-person subject is "will" in the third person
    return "".join(toks)


def _agree_after(w: _Words, k: int, plural: bool):
    """The verb after a converted "I": am -> is, have -> has, do -> does, shall -> will,
    a plain present ("I climb") -> "climbs"."""
    j = k + 1
    while j < len(w) and _is_adverb(w.low(j)) and not w.punct_between(j - 1, j):
        j += 1
    if j >= len(w) or w.punct_between(k, j):
        # inverted: "What shall I be", "did I"
        b = k - 1
        if b >= 0 and w.low(b) == "shall" and not w.punct_between(b, k):
            w.set(b, _match_case("will", w.word(b)))
        elif b >= 0 and w.low(b) == "am" and not w.punct_between(b, k):
            w.set(b, _match_case("are" if plural else "is", w.word(b)))
        elif b >= 0 and w.low(b) in ("have", "do") and not plural and not w.punct_between(b, k):
            w.set(b, _match_case("has" if w.low(b) == "have" else "does", w.word(b)))
        return
    b = k - 1
    if b >= 0 and not w.punct_between(b, k) and w.low(b) in ("shall", "am", "have", "do"):
        new = {"shall": "will", "am": "are" if plural else "is",
               "have": "have" if plural else "has", "do": "do" if plural else "does"}[w.low(b)]
        w.set(b, _match_case(new, w.word(b)))
        return
    low = w.low(j)
    if low == "shall":
        w.set(j, _match_case("will", w.word(j)))
    elif plural:
        return
    elif low == "am":
        w.set(j, "is")
    elif low == "have":
        w.set(j, "has")
    elif low == "do":
        w.set(j, "does")
    elif low == "don't":
        w.set(j, "doesn't")
    elif low not in _MODALS and low not in _BE_HAVE and past_lemma(low) is None:
        lemma = verb_lemma(low)
        if lemma and lemma == low:
            w.set(j, present_form(lemma, False))


def rewrite(sentence: str, past: bool = True, narrator: str | None = None,
            gender: str | None = None) -> str:
    """One sentence of narration as action: the third person when a first-person narrator's
    name is given, the present tense when the prose is told in the past."""
    text = clean(sentence)
    if narrator:
        text = third_person(text, narrator, gender)
    if past:
        text = present_tense(text)
    return text


# ---------------------------------------------------------------------------- interiority

# Verbs of the mind: what someone thinks, knows, remembers, feels inside, wants.
_MIND_VERBS = frozenset("""
    think know realize realise remember recollect forget wonder suppose believe imagine fancy
    hope wish doubt suspect understand comprehend conclude guess reflect ponder muse consider
    expect intend dread fear regret resolve decide care mind trust long desire dream need
    reckon assume presume perceive sense want astound astonish puzzle surprise amuse
""".split())
# Of those, the ones that are as often nouns or adjectives ("long walks", "to my surprise"):
# they count only in a verb form of their own ("longed", "hoping", "wishes to").
_AMBIGUOUS = frozenset("long mind care trust hope wish doubt fear dream desire need surprise".split())
# Words for what goes on inside: a sentence about them is not something a camera sees.
_MIND_NOUNS = frozenset("""
    thought thoughts memory memories imagination feeling feelings notion conscience whim belief
    opinion intention longing regret suspicion reverie recollection idea ideas desire
""".split())
# States of mind after be/feel/seem: "he was ashamed", "she felt certain".
_MIND_STATES = frozenset("""
    ashamed aware unaware conscious certain sure unsure convinced confident disappointed
    puzzled grateful jealous anxious uneasy afraid glad sorry determined resolved curious
    doubtful ignorant persuaded satisfied dissatisfied relieved unhappy miserable happy
    tempted inclined thoughtful engrossed preoccupied absorbed
""".split())
_STATE_LEADS = _BE_HAVE | {"felt", "feels", "feel", "feeling", "seemed", "seems", "so", "very", "quite",
                           "became", "becomes", "grew", "grows", "more", "much",
                           "not", "excessively", "almost", "fairly", "perfectly", "is", "was"}
_AFFECTING = frozenset("astound astonish puzzle surprise amuse".split())
_OBJECT_PRONOUNS = frozenset("me him her them us".split())
# Every alternative starts at a word boundary with one of these letters: checked once up
# front, the search is 3x faster (the same matches).
_INTERIOR_PATTERNS = re.compile(
    r"\b(?=[acdfimopstw])(?:"
    r"\b(?:seem(?:s|ed)?|appear(?:s|ed)?|occur(?:s|red)?) to (?:him|her|me|them|us)\b"
    r"|\bit struck (?:him|her|me)\b|\bdawned on\b|\bfigure out\b"
    r"|\b(?:told|tells|asked|asks|assured|assures|congratulated|congratulates) (?:himself|herself|myself|themselves)\b"
    r"|\b(?:perhaps|surely|probably|doubtless)\b|\bmust have\b"
    r"|\bshould\b(?! have)|(?<!\bif )\bwould(?: not)? (?:be|do)\b"
    r"|^To (?:him|her|me|[A-Z][a-z]+),)", re.I)
# Every alternative above holds one of these (in lower case) or starts the text with "to": where
# none is in the lower-cased text the search cannot match and is skipped (it is the slow part).
# Only four non-ASCII letters match ASCII ones case-blind: with one of them the search is run.
_INTERIOR_HINTS = ("would", "must", "should", "seem", "appear", "occur", "struck", "dawned", "figure",
                   "told", "tells", "asked", "asks", "assure", "congratulat", "perhaps", "surely",
                   "probably", "doubtless")
_CASE_FOLDED_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
_SUBORDINATE_MODAL = re.compile(r"\b(?:how|why|whether|if|lest)\b(?:\W+\w+){0,5}\W+(?:would|should)\b", re.I)
_PAST_FINITE = re.compile(r"\b(?:was|were|had|did)\b", re.I)


_FEEL = frozenset(("felt", "feel", "feels", "feeling"))


@functools.lru_cache(maxsize=None)
def _mind_words() -> frozenset[str]:
    """Every word at which is_interior's word loop can find something: the mind nouns and
    states, "mind", "felt"/"feel", and the forms of the mind verbs."""
    return _MIND_NOUNS | _MIND_STATES | _FEEL | {"mind"} | verb_forms(_MIND_VERBS)


def _lower_words(text: str, lowered: str) -> list[str]:
    """The words of `text` (_WORDS), lower-cased; `lowered` is text.lower()."""
    if "\u0130" in text or "\u212a" in text:     # the two letters that lower-case to ASCII ones
        return [x.lower() for x in _WORDS.findall(text)]
    return _WORDS.findall(lowered)                 # the same words, lowered in one go


def is_interior(sentence: str, present_prose: bool = False) -> bool:
    """Whether a sentence of narration tells what goes on inside someone (thoughts, knowing,
    remembering, wanting, judging) rather than what can be seen or heard.

    Free indirect thought counts: a question or an exclamation in the narration is someone's
    thought ("Was this what they had meant?"); so does a past-tense sentence in present-tense
    prose, which is a memory ("He had gone out the way he came in")."""
    text = clean(sentence)
    bare = _QUOTED.sub("", text) if '"' in text or "\u201c" in text else text
    if not bare.strip():
        return False
    if bare.rstrip(_CLOSERS)[-1:] in ("?", "!"):     # (clean() left no line break for $)
        return True
    if present_prose and _PAST_FINITE.search(bare):
        return True
    lowered = bare.lower()
    pattern = _INTERIOR_PATTERNS.search(bare) if any(k in lowered for k in _INTERIOR_HINTS) \
        or lowered.startswith("to") or _CASE_FOLDED_ASCII.search(bare) else None
    if pattern and not (pattern.group().lower().startswith(("should", "would"))
                        and _SUBORDINATE_MODAL.search(bare)):
        return True
    lows = _lower_words(bare, lowered)
    triggers = _mind_words()
    if triggers.isdisjoint(lows):
        return False                       # no word below could make it interior: the common case
    for i, low in enumerate(lows):
        if low not in triggers:
            continue
        before = lows[i - 1] if i else ""
        if low in _MIND_NOUNS and before not in ("no",):
            return True
        if low in _MIND_STATES and (before in _STATE_LEADS or next(
                (x for x in reversed(lows[max(0, i - 3):i]) if not _is_adverb(x)), "") in _STATE_LEADS):
            return True
        if low == "mind" and before in ("his", "her", "my", "their"):
            return True                    # "her mind was busily engaged"
        if low in _FEEL and i + 1 < len(lows) and \
                lows[i + 1] in ("that", "as", "a", "an", "hot", "sure", "certain"):
            return True                    # "felt that the moment had come"
        lemma = verb_lemma(low)
        if lemma not in _MIND_VERBS or before in _DETERMINERS or before in ("s", "no") \
                or (before in _PREPOSITIONS and not low.endswith("ing")):
            continue                       # "with a wish" is not wishing; "in thinking" is
        if lemma in _AMBIGUOUS and low == lemma and before not in ("not", "never", "did", "does", "do"):
            continue                       # "long walks", "to my surprise"
        if i >= 2 and before in ("and", "or") and lows[i - 2] in _DETERMINERS | {"desired"}:
            continue
        if lemma in _AFFECTING and not (i + 1 < len(lows) and lows[i + 1] in _OBJECT_PRONOUNS):
            continue                       # "laughs, amused" is seen; "it amused me" is felt
        if lemma == "know" and i + 1 < len(lows) and lows[i + 1] == "how":
            continue                       # "knew how to look": a manner, not a thought
        if lemma == "recollect" and i + 1 < len(lows) and lows[i + 1] in ("himself", "herself"):
            continue                       # composing oneself is seen
        return True
    return False


# ---------------------------------------------------------------------------- the whole story

# (Each pronoun written to start with its letter, the word boundary checked behind it, so
# that the regex engine skips to those letters over all the narration: twice as fast.)
_PRONOUN_VERB = re.compile(r"(?:h(?<!\w.)e|s(?<!\w.)he|t(?<!\w.)hey|I(?<!\w.)|w(?<!\w.)e|H(?<!\w.)e"
                           r"|S(?<!\w.)he|T(?<!\w.)hey|W(?<!\w.)e)\s+(?:[a-z]+ly\s+|not\s+|never\s+)?"
                           r"([a-z]+)\b")
_PAST_AUX = {"was", "were", "had", "did", "could", "would"}
_PRESENT_AUX = {"is", "are", "has", "does", "am", "can", "will", "isn't", "doesn't"}


def prose_is_past(narration: list[str]) -> bool:
    """Whether the story is told in the past tense: the verbs right after "he", "she", "they",
    "I", "we" in its narration are more often past forms than present ones."""
    past = present = 0
    for text in narration:
        for m in _PRONOUN_VERB.finditer(text):
            verb = m.group(1)
            if verb in _PAST_AUX:
                past += 1
            elif verb in _PRESENT_AUX:
                present += 1
            elif past_lemma(verb) and past_lemma(verb) != verb:
                past += 1
            elif verb.endswith("s") and verb_lemma(verb) not in (None, verb):
                present += 1
    return past > present


_I = re.compile(r"I(?<!\wI)\b(?!\.)")   # \bI\b(?!\.), written to start with its letter (10x faster)
_HE_SHE = re.compile(r"(?:h(?<!\w.)e|s(?<!\w.)he|H(?<!\w.)e|S(?<!\w.)he)\b")    # \b(?:he|she|He|She)\b


def is_first_person(narration: list[str]) -> bool:
    """Whether a narrator tells the story as "I": "I" is a subject in the narration at least a
    fifth as often as "he" and "she" together, and not only a handful of times."""
    text = " ".join(narration)
    i_count = len(_I.findall(text))
    third = len(_HE_SHE.findall(text))
    return i_count >= 3 and i_count >= 0.2 * third


_VOCATIVE = re.compile(
    r"(?:^|[,!?.]\s+)((?:Mr\.?|Mrs\.?|Miss|Dr\.?|Monsieur|Madame|Mademoiselle|Sir|Captain|Colonel)\s+)?"
    r"([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s*(?=[,!?.]|$)")
_NOT_NAMES = frozenset("""
    Yes No Oh Ah Well Why What How Now Then Here There Come Good Thank Thanks Please Sir Madam
    Indeed Really Nonsense Hush Look Listen Dear Quite Certainly Perhaps Never Nothing Goodbye
    God Heaven Heavens Lord Alas Hallo Hello Stop Wait Bravo Mother Father Mamma Papa Aunt Uncle
""".split())


def narrator_name(story, attribution) -> tuple[str | None, str | None]:
    """(name, gender) of a first-person narrator, from what the attribution found, else from
    the vocatives in the replies to the narrator's own lines ("Where is he, Mr Fenwick?")."""
    found = getattr(attribution, "narrator", None)
    if found is not None and found.name not in ("NARRATOR", "VOICE"):
        name = found.name.title()
        return name, found.gender or _gender_from_titles(story.text, name)
    from collections import Counter

    votes: Counter = Counter()
    # a name that tags give as a speaker ("said Potapitch") is somebody else's
    speakers = {t.subject.split()[-1] for t in attribution.tags.values() if t.named}
    paras = [p for p in story.paragraphs() if p.quotes]
    for i, para in enumerate(paras):
        tags = [attribution.tags.get(q.start) for q in para.quotes]
        if not any(t and t.subject.lower() == "i" for t in tags):
            continue
        # the lines just before and after the narrator's, by someone else
        replies = [q for j in (i - 1, i + 1) if 0 <= j < len(paras)
                   and not any(t and t.subject.lower() == "i"
                               for t in (attribution.tags.get(q.start) for q in paras[j].quotes))
                   for q in paras[j].quotes]
        for reply in replies:
            for m in _VOCATIVE.finditer(reply.text.strip()):
                name = m.group(2)
                if name.split()[0] in _NOT_NAMES or name.split()[-1] in speakers:
                    continue
                title = (m.group(1) or "").strip()
                votes[name if title.rstrip(".") in ("Mr", "Sir", "") else f"{title} {name}"] += 1
    if not votes:
        return None, None
    (name, n), *others = votes.most_common(2)
    if others and n <= others[0][1]:
        return None, None                  # no name stands out
    gender = "F" if name.split()[0].rstrip(".") in ("Mrs", "Miss", "Madame", "Mademoiselle") else None
    gender = gender or _gender_from_titles(story.text, name)
    if gender is None:
        for ch in getattr(attribution, "cast", []) or []:
            if ch.name.upper() == name.upper() or name in getattr(ch, "aliases", []):
                gender = ch.gender
    return name, gender


def _gender_from_titles(text: str, name: str) -> str | None:
    """'M' when others call the narrator "Mr Fenwick", 'F' for "Miss/Mrs Fenwick"."""
    last = re.escape(name.split()[-1])
    male = len(re.findall(rf"\b(?:Mr|Monsieur|Sir|Master|Herr|Signor)\.?\s+(?:\w+\s+)?{last}\b", text))
    female = len(re.findall(rf"\b(?:Mrs|Miss|Ms|Madame|Mademoiselle|Lady|Frau|Signora)\.?\s+(?:\w+\s+)?{last}\b", text))
    if male > 2 * female and male:
        return "M"
    if female > 2 * male and female:
        return "F"
    return None


_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                      "eighty": 80, "ninety": 90})


def _age(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    parts = re.split(r"[- ]", word)
    if all(p in _NUMBER_WORDS for p in parts):
        return sum(_NUMBER_WORDS[p] for p in parts)
    return None


# The part of each of age_of's patterns that does not depend on the name.
_AGE_HINTS = (re.compile(r"years?[- ]old\b"), re.compile(r"aged\s"), re.compile(r"-year-old\s"))


def age_of(text: str, name: str, mentions: list[int] | None = None) -> int | None:
    """An age the prose gives for `name`: "Ilsa, a three-year-old", "Tom, aged nine",
    "Tom, who was twelve years old", "the twelve-year-old Tom"."""
    n = re.escape(name)
    num = r"(\d{1,3}|[a-z]+(?:-[a-z]+)?)"
    patterns = (
        rf"\b{n}\b,?\s+(?:who\s+(?:is|was)\s+|(?:is|was)\s+)?(?:a\s+|an\s+)?(?:little\s+)?{num}[- ]years?[- ]old\b",
        rf"\b{n}\b,?\s+(?:who\s+(?:is|was)\s+)?aged\s+{num}\b",
        rf"\b{num}-year-old\s+(?:\w+\s+)?{n}\b",
    )
    if mentions is None:
        mentions = [m.start() for m in re.finditer(rf"\b{n}\b", text)]
    windows = [text[max(0, at - 40):at + len(name) + 60] for at in mentions]
    windows = [w for w in windows if "old" in w or "aged" in w]
    for pattern, hint in zip(patterns, _AGE_HINTS):
        for window in windows:
            # a window without the pattern's fixed part cannot match: the pattern (new for
            # each name, slow to compile) is only searched where the hint is found
            if not hint.search(window):
                continue
            m = re.search(pattern, window)
            if m and _age(m.group(1)) is not None:
                return _age(m.group(1))
    return None


_SPEECH_LEAD = re.compile(
    r"(?:,\s*|\s+and\s+|^|(?<=[.!?])\s+)"
    r"(?:(?:[A-Z][\w'.\-]*(?:\s+[A-Z][\w'.\-]*)*|he|she|they|I|we|He|She|They|We)\s+)?"
    r"(?:[a-z]+ly\s+)?([a-z]+)(?:\s+[a-z]+ly)?(?:\s+(?:to|at)\s+(?:\w+\s+){0,2}\w+)?\s*:\s*$")


def strip_speech_lead(text: str) -> str:
    """Narration that only leads into a speech in the next paragraph loses its speech tag:
    "As they turn in at the gates, John says:" -> "As they turn in at the gates."."""
    m = _SPEECH_LEAD.search(text) if text.rstrip().endswith(":") else None
    if not m:
        return text
    from .tags import SPEAKING_VERBS

    if verb_lemma(m.group(1)) not in SPEAKING_VERBS:
        return text
    rest = text[:m.start()].rstrip(" ,;:")
    return rest + ("." if rest and rest[-1] not in ".!?\u2026" else "") if rest.strip() else ""


_THINKING = re.compile(r"^(.{3,}?),\s+((?:[a-z]+ly\s+)?([a-z]+ing)\b.*)$", re.S)


def _split_thinking(sentence: str) -> tuple[str | None, str | None]:
    """("He nods.", "Remembering the last time ...") from "He nods, remembering the last
    time ..."; (None, None) when the sentence has no such trailing thought."""
    m = _THINKING.match(sentence)
    if not m or verb_lemma(m.group(3)) not in _MIND_VERBS:
        return None, None
    return m.group(1).rstrip(" ,;") + ".", capitalise(m.group(2))


def _mixed(clauses: list[str], present_prose: bool) -> bool:
    """Whether some of the clauses are interiority and some are not."""
    first = is_interior(clauses[0], present_prose=present_prose)
    return any(is_interior(c, present_prose=present_prose) != first for c in clauses[1:])


@dataclass
class ActionStyle:
    interiority: str = "note"      # keep | note | drop
    narration: str = "action"      # action | vo (the narrator's commentary as voice-over)


LINE_WIDTH = 61
MAX_LINES = 4


def paragraphs(sentences_: list[str], width: int = LINE_WIDTH, max_lines: int = MAX_LINES) -> list[str]:
    """Sentences joined into paragraphs of at most `max_lines` lines of `width` characters; a
    sentence longer than that alone is split at a semicolon or colon if it has one."""
    from .layout import wrap

    def lines(text: str) -> int:
        return len(wrap(text, width))

    pieces: list[str] = []
    for s in sentences_:
        if lines(s) > max_lines:
            parts = re.split(r"(?<=[;:])\s+", s)
            if len(parts) > 1:
                pieces.extend(capitalise(p) if i else p for i, p in enumerate(parts))
                continue
        pieces.append(s)
    out: list[str] = []
    for s in pieces:
        if out and lines(out[-1] + " " + s) <= max_lines:
            out[-1] += " " + s
        else:
            out.append(s)
    return out


class ActionWriter:
    """Turns the narration of one story into action, notes and voice-over, keeping what it
    must remember across the story: its tense, its narrator, who has been introduced."""

    def __init__(self, story, attribution, style: ActionStyle | None = None,
                 ahead: Ahead | None = None):
        """`attribution` None: not known yet (see `ahead`); `ahead`: what `ahead` worked out."""
        self.style = style or ActionStyle()
        self.text = story.text
        if ahead is None:
            narration = [s.text for p in story.paragraphs() for s in p.spans if s.kind == "narration"]
            self.past, self.first_person = prose_is_past(narration), is_first_person(narration)
        else:
            self.past, self.first_person = ahead.past, ahead.first_person
        self.narrator, self.gender = (narrator_name(story, attribution)
                                      if self.first_person and attribution is not None
                                      else (None, None))
        if self.first_person and not self.narrator:
            self.narrator = "NARRATOR"
        self.voice = (self.narrator or "NARRATOR").upper()
        names = {}
        for ch in getattr(attribution, "cast", []) or []:
            for form in [ch.name.title()] + list(getattr(ch, "aliases", []) or []):
                if form and form[:1].isupper() and len(form) > 1 and form not in ("I",):
                    names[form] = ch.name
        if self.narrator and self.narrator != "NARRATOR":
            names[self.narrator] = self.narrator.upper()
        self._names = names
        # The lookahead on the names' first letters (implied by every alternative) keeps the
        # regex engine from trying the whole cast at every position of a long book (first:
        # the engine then skips to those letters).
        initials = "".join(sorted({re.escape(n[0]) for n in names}))
        self._name_re = (re.compile(r"(?=[" + initials + r"])\b("
                                    + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                                    + r")\b") if names else None)
        self.introduced: set[str] = set()
        self._mention_index: dict[str, list[int]] | None = None
        self.use(ahead or Ahead(self.past, self.first_person, {}, {}))

    def rewrite(self, sentence: str) -> str:
        name = self.narrator if self.first_person else None
        return rewrite(sentence, self.past, name, self.gender)

    def use(self, ahead: Ahead):
        """Look narration up in what `ahead` worked out (one part of the story at a time)."""
        self._known_units = ahead.units         # narration -> _units()
        self.known = ahead.sentences            # sentence -> _sentence()

    def pieces(self, text: str) -> list[tuple[str, str]]:
        """[(kind, text)] for a stretch of narration: kind is "action", "note" or "vo"."""
        out: list[tuple[str, str]] = []
        units = self._known_units.pop(text, None)
        for sentence in units if units is not None else self._units(text):
            said = self.known.get(sentence)
            for kind, piece in said if said is not None else self._sentence(sentence):
                self._add(out, kind, piece)
        result = []
        for kind, group in out:
            if kind == "action":
                result.extend(("action", self.introduce(p)) for p in paragraphs(group))
            else:
                result.append((kind, " ".join(group)))
        return result

    def _sentence(self, sentence: str) -> tuple[tuple[str, str], ...]:
        """What one sentence becomes: ((kind, text), ...), from the sentence and the story's
        tense and narrator alone (so that it can be worked out ahead, see `ahead`)."""
        out = []
        interior = self.style.interiority != "keep" or self.style.narration == "vo"
        interior = interior and is_interior(sentence, present_prose=not self.past)
        seen, thought = _split_thinking(sentence) if interior else (None, None)
        if seen and not is_interior(seen, present_prose=not self.past):
            # "He nods, remembering the last time": the nod is action, the memory is not
            out.append(("action", self.rewrite(seen)))
            sentence = thought
        if interior and self.style.narration == "vo":
            out.append(("vo", sentence))
        elif interior and self.style.interiority == "drop":
            pass
        elif interior and self.style.interiority == "note":
            out.append(("note", self.rewrite(sentence)))
        else:
            out.append(("action", self.rewrite(sentence)))
        return tuple(out)

    def _mentions(self) -> dict[str, list[int]]:
        if self._mention_index is None:
            self._mention_index = {}
            for m in self._name_re.finditer(self.text):
                self._mention_index.setdefault(m.group(1), []).append(m.start())
        return self._mention_index

    def _units(self, text: str) -> list[str]:
        """The sentences of a narration; one whose clauses (between semicolons) are partly
        seen and partly thought is cut there, so that the seen part stays action."""
        units = []
        for sentence in split_sentences(strip_speech_lead(text)):
            sentence = clean(sentence)
            if not sentence.strip(" .,;:\u2014-"):
                continue
            clauses = [c for c in re.split(r";\s+", sentence) if c.strip(" .,;")] if ";" in sentence else []
            if len(clauses) > 1 and _mixed(clauses, present_prose=not self.past):
                for i, c in enumerate(clauses):
                    c = c.rstrip(" ,;")
                    units.append(capitalise(c) + ("" if c[-1:] in ".!?\u2026" else "."))
            else:
                units.append(sentence)
        return units

    @staticmethod
    def _add(out: list, kind: str, said: str):
        said = capitalise(said)
        if out and out[-1][0] == kind:
            out[-1][1].append(said)
        else:
            out.append((kind, [said]))

    def introduce(self, text: str) -> str:
        """A character's first mention in action in capitals, with an age when the prose
        gives one: "ILSA (3)"."""
        if not self._name_re:
            return text

        def cap(m: re.Match) -> str:
            cue = self._names[m.group(1)]
            if cue in self.introduced:
                return m.group(1)
            self.introduced.add(cue)
            age = age_of(self.text, m.group(1), self._mentions().get(m.group(1), []))
            return m.group(1).upper() + (f" ({age})" if age is not None else "")

        return self._name_re.sub(cap, text)


@dataclass
class Ahead:
    """What an ActionWriter works out from the story alone, before the attribution is known."""
    past: bool
    first_person: bool
    units: dict[str, list[str]]                           # narration -> ActionWriter._units
    sentences: dict[str, tuple[tuple[str, str], ...]]     # sentence -> ActionWriter._sentence


def ahead(story, style: ActionStyle | None = None, part_chars: int = 200_000):
    """ActionWriter's rewriting of the story's narration, sentence by sentence, worked out
    before the attribution is known (in a helper process while it runs: see adapt.pipeline),
    in parts of about `part_chars` characters of narration: (index of the part's first block,
    Ahead). The writer looks each narration and sentence up in the part it is at (`use`)
    instead of working it out again. The sentences of a first-person story are left out: its
    narrator's name comes from the attribution."""
    writer = ActionWriter(story, None, style)
    part, first, size = Ahead(writer.past, writer.first_person, {}, {}), 0, 0
    for index, block in enumerate(story.blocks):
        if not hasattr(block, "spans"):
            continue
        if size >= part_chars:
            yield first, part
            part, first, size = Ahead(writer.past, writer.first_person, {}, {}), index, 0
        for span in block.spans:
            if span.kind != "narration":
                continue
            text = clean(span.text)      # as the builder passes narration to pieces()
            if not text.strip(" .,;:\u2014-"):
                continue
            text = capitalise(text)
            size += len(text)
            units = part.units[text] = writer._units(text)
            if writer.first_person:
                continue
            for sentence in units:
                if sentence not in part.sentences:
                    part.sentences[sentence] = writer._sentence(sentence)
    yield first, part
