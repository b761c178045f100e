"""Who speaks each quotation, and the cast of speaking characters.

A sieve, most reliable evidence first:
1. an explicit name in the speech tag ("said Elizabeth", "Jess says:"), "I said" for a
   first-person narrator, a speech continued from the paragraph before (no closing mark);
2. a pronoun or noun-phrase tag ("she said", "her mother cried") resolved to the character
   the paragraph's narration names, else the other party of the exchange, else the most
   recent character of that gender; family roles through surnames ("her mother" of a Bennet
   is Mrs. Bennet);
3. untagged quotes: a paragraph whose narration opens on a character is theirs; a quote that
   calls someone by name is answered by them; otherwise the turns of a two-person exchange
   alternate (forwards from the last known speakers, or backwards from the next ones).

`attribute()` returns speakers keyed by quotation start offset, so the rest of the pipeline
does not depend on how the sieve works.
"""
from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import islice
from operator import itemgetter

from . import aliases
from . import cast as castmod
from . import conversation
from .cast import ROLE_NAMES, Cast, Character as CastCharacter, discover, vote_gender
from .model import Character
from .story import Chapter, Paragraph, SceneBreak, Span, Story
from .tags import (_CLAUSE_START, _OPENER, PRONOUNS, SPEAKING_VERBS, SPEECH_VERBS,
                   Tag, clause_tag, new_sentence_beat, tag_after, tag_before)
from .verbs import verb_lemma

UNKNOWN = "VOICE"
# How strongly a description's conversations must overlap a named speaker's to mean them.
DESCRIPTION_DICE = 0.3
# Narration between two quoted paragraphs longer than this ends the conversation.
CONVERSATION_GAP = 800
# Turn-taking votes that bind a description to a named speaker, or unbind it: a tagged turn d
# turns away counts 1/d, for when d is even (the same speaker), against when d is odd.
TURN_VOTES = 1.0
# A description that speaks in this many tags is a character of its own ("the mariner").
RECURRING_DESCRIPTION = 3
# A recurring description bound to a named speaker means them this many characters before the
# narration first names them ("said the doctor" ... "Mr. Losberne, a surgeon,").
NAMED_SOON = 5000
# A description's binding is re-learned, per conversation, from its own conversations this many
# on either side (the same words name different people in different stretches of a book).
BINDING_STRETCH = 3
# The protagonist fallback ("he" with no man on stage) skips a character the narration first
# names more than this many characters on: a man the book names only chapters later is not the
# stranger who speaks on page one (one described for a few pages before his name still can be).
INTRODUCED_LATER = 20000

# Sieve rules that read no name (turn-taking, a pronoun, another description): a description
# bound to a named character outweighs them ("... said Mr. Wells. / '...' / '...,' said the
# lawyer" and "'...,' he said. / '...,' the lawyer went on" are Mr. Wells again).
GUESSED_TURNS = ("alternate", "alternate-anchor", "recent", "fallback", "pronoun", "np")

# "the same voice", "a loud voice": whoever spoke, never a character of its own.
VOICE_NOUNS = frozenset({"voice", "voices", "tone", "tones", "accents"})
# How far after "said a voice" the narration may reveal whose it was.
REVEAL_WINDOW = 400
# How many turns back the speakers count as the listeners of such a voice.
REVEAL_LISTENERS = 3
# A description with a phrase after its noun written this often names one person.
LONG_DESCRIPTION = 3
_POSTMODIFIER = re.compile(r"\s+(in|with)\s+the\s+((?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)"
                           r"(?=\s*[,.;:!?\"\u201c\u201d\u2014(]|\s+(?:and|as|who|to|at|in|with|"
                           r"for|from|of|on|into|upon|[a-z]+ing|[a-z]+ly)\b)")

# Nouns that name people, with the gender they imply.
PERSON_NOUNS = {
    "man": "M", "woman": "F", "girl": "F", "boy": "M", "lady": "F", "gentleman": "M",
    "child": None, "kid": None, "toddler": None, "baby": None, "stranger": None, "fellow": "M", "lad": "M",
    "lass": "F", "maid": "F", "servant": None, "footman": "M", "butler": "M", "waiter": "M",
    "waitress": "F", "nurse": "F", "doctor": None, "officer": None, "guard": None,
    "driver": None, "clerk": None, "porter": "M", "landlady": "F", "landlord": "M",
    "host": "M", "hostess": "F", "visitor": None, "guest": None, "youth": "M", "king": "M",
    "queen": "F", "duchess": "F", "duke": "M", "prince": "M", "princess": "F",
    "father": "M", "mother": "F", "husband": "M", "wife": "F", "son": "M", "daughter": "F",
    "brother": "M", "sister": "F", "aunt": "F", "uncle": "M", "cousin": None, "niece": "F",
    "nephew": "M", "friend": None, "companion": None, "lover": None, "mistress": "F",
    "master": "M", "grandmother": "F", "grandfather": "M", "ladyship": "F", "lordship": "M",
    "sir": "M", "madam": "F", "colonel": "M", "captain": "M", "inspector": None,
    "policeman": "M", "constable": "M", "judge": None, "coroner": None, "detective": None,
    "professor": None, "secretary": None, "boatman": "M", "cabman": "M", "coachman": "M",
    "innkeeper": None, "housekeeper": "F", "governess": "F", "priest": "M", "vicar": "M",
    "clergyman": "M", "rector": "M", "soldier": "M", "sailor": "M", "old": None,
    "girls": None, "men": None, "others": None, "children": None,
    "female": "F", "male": "M", "student": None, "looker-on": None, "onlooker": None,
    "bystander": None, "spectator": None, "passer-by": None,
}
# Person nouns that any character may be called by ("the girl", "the old gentleman", "her
# mother"): never a character of their own, however often they speak.
GENERIC_PERSONS = frozenset("""
    man woman girl boy lady gentleman fellow lad lass youth child toddler baby old girls men
    others children friend companion lover father mother husband wife son daughter brother
    sister aunt uncle cousin niece nephew grandmother grandfather master mistress sir madam
    ladyship lordship
""".split())
# "a toddler's pout", "an old woman": narration introducing someone not yet named.
_INTRODUCTION = re.compile(r"\b(?:a|an)\s+((?:(?:old|young|little|tall|small)\s+)?)"
                           r"(?:[a-z]+\s+)?([a-z]+)(?:['\u2019]s)?\b")
INTRODUCTION_WINDOW = 600
# "a stout man with a bunch of keys", "a police officer", "a great lubberly fellow", "the
# driver" (the words after the determiner are looked ahead at, so that "the boy and a stout man"
# still finds the stout man)
_NP_INTRODUCTION = re.compile(r"\b(a|an|the)\s+(?=([a-z][a-z\-]*)(?:\s+([a-z][a-z\-]*))?"
                              r"(?:\s+([a-z][a-z\-]*))?)")
_NOT_ADJ = frozenset("very most more rather quite few good".split())
# "the tread of a man who...", "like a man", "she was a girl": a likeness, not someone there
_NOT_INTRODUCING = re.compile(r"\b(?:of|like|as|such|was|is|be|been|were|am|are|quite|what)\s+\Z", re.I)
# Descriptions that may take up any person the narration brought in ("a police officer ...
# said the man")
_ANY_PERSON = {"man", "woman", "person", "fellow"}


CHILD_NOUNS = {"toddler", "child", "baby", "kid", "infant"}
# Nouns of the young ("the girl answers"), and what tells an adult: a title only grown-ups
# carry, or being called "the woman" / "the man" by the narration.
YOUNG_NOUNS = {"girl": "F", "boy": "M", "child": None, "kid": None, "toddler": None,
               "lass": "F", "lad": "M"}
ADULT_TITLES = frozenset("""mr mister mrs ms madame madam monsieur sir lord lady dame signor
    signora herr frau dr doctor colonel captain major general lieutenant sergeant inspector
    professor rev reverend king queen count countess baron baroness duke duchess""".split())
_ADULT_NOUN = re.compile(r"\b[Tt]he\s+(?:[a-z]+\s+)?(woman|lady|man|gentleman)\b")
# Age words that contradict each other in descriptions of one person
_ELDER_WORDS = frozenset({"old", "elderly", "aged"})
_YOUNG_APPOSED = re.compile(r"(?:young|little)\s+(?:woman|lady|girl|man|gentleman|boy|lad"
                            r"|fellow|creature)\b")
_THE_BEFORE = re.compile(r"(?:^|\W)[Tt]he\s+$")
_COMMA_A_BEFORE = re.compile(r",\s+(?:a|the)\s+$")
_SPACES = re.compile(r"\s*")
NEWCOMER_WINDOW = 2000      # how far back the narration says who is on stage
NEWCOMER_TURNS = 8          # how far ahead an introduction may name a newcomer
_THE_YOUNG = re.compile(r"\bthe\s+([a-z]+)\b")
RELATION_TURNS = 12         # how far back "Tom's little daughter" may have spoken
CHILD_ROLE = {"F": "girl", "M": "boy"}
KIN_PARENT = {"father": "mr", "mother": "mrs", "husband": "mr", "wife": "mrs",
              "papa": "mr", "mamma": "mrs", "mama": "mrs"}
ALTERNATE_FIRST = False
FOCUS_PRONOUNS = True
# (the lookahead lets the regex engine skip to the letters these start with)
_NARRATION_PRONOUN = re.compile(r"(?=[hsHS])\b(he|she|He|She|him|his|His)\b")
# Each of those: the gender it says, and whether it is a subject.
_PRONOUN_READING = {"he": ("M", True), "He": ("M", True), "she": ("F", True), "She": ("F", True),
                    "him": ("M", False), "his": ("M", False), "His": ("M", False)}
# "Her husband agreed": a sentence opening on the owner's kin, who is a character of the cast
# when the family shares a surname ("her husband" of a Mrs. Elton is Mr. Elton)
_KIN_MENTION = re.compile(r"[Hh](?:is|er)\s+(?:(?:own|dear|poor|elder|eldest|younger|"
                          r"youngest|late)\s+)?(%s)\b(?![\-'\u2019])" % "|".join(KIN_PARENT))
# Tag verbs that say the speaker goes on speaking.
CONTINUING_VERBS = {"add", "continue", "resume", "pursue", "proceed", "persist", "go"}
# The titles of a married man or woman, or a parent: "her father" of a Bennet is the one of them
_PARENT_TITLES = {"M": frozenset("mr sir lord dr doctor colonel captain general major admiral".split()),
                  "F": frozenset("mrs lady".split())}
KIN_WORDS = {"father", "mother", "husband", "wife", "papa", "mamma", "mama", "sister", "brother",
             "daughter", "son", "niece", "nephew", "cousin", "aunt", "uncle"}
# Kin that shares the owner's surname ("her sister" of a Bennet); an aunt or a cousin seldom does.
KIN_SURNAME = KIN_WORDS - {"niece", "nephew", "cousin", "aunt", "uncle"}
KIN_SIBLING = {"sister", "brother", "daughter", "son", "niece", "nephew", "cousin"}
# Who keeps someone company ("his friend", "her companion"), most often of their own sex.
COMPANION_NOUNS = frozenset("friend companion comrade colleague".split())
# "her ladyship", "his lordship": whoever carries such a title
_TITLED_BY = {"ladyship": {"lady"}, "lordship": {"lord"}}


def _right_after(prev: _Turn, turn: _Turn) -> bool:
    """Whether a turn opens a new paragraph on its quote right after the quote closing the
    last one: 'Jane shook her head. "The frost was hard."\n\n"And the gardener is old," she
    added.' There "she added" goes on with her own line before, not Jane's (in the annotated
    novels the last speaker only about one time in sixteen)."""
    return prev.paragraph is not turn.paragraph and not turn.between \
        and turn.paragraph.spans[0].kind == "quote" and prev.paragraph.spans[-1].kind == "quote"


def _compatible(a: str | None, b: str | None) -> bool:
    """Whether two genders (None: unknown) can be one person's."""
    return a is None or b is None or a == b


@dataclass
class Attribution:
    speakers: dict[int, str] = field(default_factory=dict)    # quote start -> cue
    tags: dict[int, Tag] = field(default_factory=dict)         # quote start -> its tag
    cast: list[Character] = field(default_factory=list)
    lines: Counter = field(default_factory=Counter)            # cue -> quotations spoken
    first: dict[str, int] = field(default_factory=dict)        # cue -> first quote offset
    evidence: dict[int, str] = field(default_factory=dict)     # quote start -> sieve rule used
    narrator: Character | None = None                          # a first-person narrator "I"

    def speaker(self, quote_start: int) -> str:
        return self.speakers.get(quote_start, UNKNOWN)


@dataclass
class _Turn:
    """Consecutive quotes of one paragraph spoken by one person."""
    paragraph: Paragraph
    quotes: list[Span]
    tag: Tag | None = None
    conv: int = 0
    continued: bool = False          # the paragraph before left its quote open
    speaker: CastCharacter | None = None
    how: str = ""
    vocatives: list = field(default_factory=list)
    lead: list = field(default_factory=list)    # characters the narration before the quote opens on
    before: list = field(default_factory=list)  # ... the narration paragraph just before opens on
    after: list = field(default_factory=list)   # characters opening the narration after it
    lead_in: list = field(default_factory=list) # speaker of a paragraph before ending "X said,"
    named: list = field(default_factory=list)   # characters the quotes name, not calling them
    self_named: list = field(default_factory=list)  # ... as the speaker: "I am X", "my name is X"
    between: bool = False            # a paragraph of narration only came before this one
    focus: list = field(default_factory=list)   # characters the narration since the last quote mentions
    focus_tag: list = field(default_factory=list)  # ... by the salience a pronoun tag goes by
    opened_on: list = field(default_factory=list)  # who its last sentence opened on, per sex (sieve)
    address: set = field(default_factory=set)   # how its quotes address someone (conversation.py)
    gives_name: CastCharacter | None = None     # its first quote answers a question for a name
    aside: bool = False              # thought or said to oneself: no turn in the exchange
    tag_gender: str | None = None    # the sex a noun-phrase tag says ("the old lady": F)
    before_last: str = ""            # the last sentence of the narration paragraph before
    turned_to: list = field(default_factory=list)  # who the turn before turned to (the sieve's)
    looks_at: str | None = None      # the sex of whom the narration after it looks at ("at him")
    carries: str | None = None       # the sex of whom its narration carries off ("lifts her up")
    carried_off: list = field(default_factory=list)  # the child the turn before carried off


# (after a stop: not a title's or an initial's, "Mr. Darcy", "J. Smith"; looked behind only
# once a stop is found, which keeps the patterns fast)
_NOT_ABBREVIATED = "".join(rf"(?<!\b{a}\.)" for a in castmod.ABBREVIATIONS) + r"(?<!\b[A-HJ-Z]\.)"
_SENTENCE_BREAK = re.compile(rf"[.!?;]{_NOT_ABBREVIATED}")
_TEMPORAL = re.compile(r"\b(?:when|as|till|until|before|after|since|once)\b")


def find_tag(paragraph: Paragraph, index: int, cast: Cast | None = None) -> Tag | None:
    """The tag of the quote at `paragraph.spans[index]`: after it, else before it; with a
    cast, also a known name subject of a long clause leading into it ("Tony opened it and
    said"). A name leading into the quote wins over a pronoun after it ('And when Mr.
    Bounderby said, "Your health, ma'am!" she answered'): that pronoun starts what follows."""
    spans = paragraph.spans
    quote = spans[index]
    after_tag = None
    if index + 1 < len(spans) and spans[index + 1].kind == "narration":
        after = spans[index + 1]
        after_tag = tag_after(after.text, after.start, quote.text)
        if after_tag is not None and index + 2 >= len(spans) \
                and new_sentence_beat(after_tag, after.text, quote.text, after.start):
            # '"Do wait!" Winterbourne began to think.' closing the paragraph: a new
            # sentence, perhaps the listener's doing; between two quotes it is the speaker's
            after_tag = None
        if after_tag is not None and (cast is None or not after_tag.pronoun) \
                and not (index > 0 and spans[index - 1].kind == "narration"
                         and _starts_own_sentence(after_tag, after, quote)):
            return after_tag
    if index > 0 and spans[index - 1].kind == "narration":
        before = spans[index - 1]
        tag = tag_before(before.text, before.start)
        if tag is None and cast is not None:
            leads_in = not before.text.rstrip().endswith(_NO_LEAD_IN)
            tag = clause_tag(before.text, before.start, cast.name_spans, pronouns=leads_in) \
                or _going_on_tag(before.text, before.start)
        if tag is not None and index > 1 and spans[index - 2].kind == "quote":
            # '"I hope," said Oliver, when Mrs. Maylie returned, "that ...": a verb in the
            # sentence of the quote before's own tag is no tag of this quote
            own = tag_after(before.text, before.start, spans[index - 2].text)
            if own is not None and own.end <= tag.subject_start and not _SENTENCE_BREAK.search(
                    before.text, own.end - before.start, tag.start - before.start) \
                    and _TEMPORAL.search(before.text, own.end - before.start,
                                         tag.subject_start - before.start):
                tag = None      # (but "said Cecil, while Miss Bartlett added:" is hers)
        if after_tag is None or (tag is not None and (
                tag.identifies or _starts_own_sentence(after_tag, spans[index + 1], quote))):
            return tag
        if _starts_own_sentence(after_tag, spans[index + 1], quote) \
                and _speech_runs_into(before.text):
            # 'Edward, ..., in a voice of surprise, repeated, "Devonshire?" She explained
            # the situation.': whoever repeated it, "She" opens what follows
            return None
    return after_tag


_RUNS_INTO = re.compile(r"(?:[,:\u2014-]|\b[a-z]+)\s*\Z")
_LAST_WORDS = re.compile(r"[a-z]+")


# A title's or an initial's full stop, which ends no sentence ("Mr. Darcy", "J. Smith"; not "I.")
_TITLE_STOP = re.compile(r"(?<!\w)(?:%s|[A-HJ-Z])\.\Z" % "|".join(castmod.ABBREVIATIONS))


def _last_stop(text: str, lo: int, hi: int) -> int:
    """Where in text[lo:hi] the last sentence ends (its ". ", "! ", "? " or ".\n"), or -1."""
    while True:
        at = max(text.rfind(". ", lo, hi), text.rfind("! ", lo, hi), text.rfind("? ", lo, hi),
                 text.rfind(".\n", lo, hi))
        if at < 0 or text[at] != "." or not _TITLE_STOP.search(text[max(0, at - 5):at + 1]):
            return at
        hi = at


def _speech_runs_into(text: str) -> bool:
    """Whether a narration's last sentence runs into the quote after it around a speech
    verb ("..., in a voice of surprise and concern, repeated, ")."""
    if not _RUNS_INTO.search(text):
        return False
    tail = text[-200:]
    cut = max(tail.rfind(". "), tail.rfind("! "), tail.rfind("? "))
    words = _LAST_WORDS.findall(tail[cut + 1:])[-14:]
    return any(verb_lemma(w) in SPEECH_VERBS for w in words)


_LEADS_ON = re.compile(r"[,:]\s*\Z")


def _starts_own_sentence(tag: Tag, after: Span, quote: Span) -> bool:
    """'Milly said, "Are you in town for long?" Babs said, "..."': a capitalised subject
    opening a sentence of its own after the quote's ? ! or ; is no tag of that quote when
    the narration before the quote leads into it."""
    ends = quote.text.rstrip().endswith(("?", "!", ";")) or _LEADS_ON.search(after.text)
    return ends and tag.subject[:1].isupper() \
        and tag.subject_start - after.start == len(after.text) - len(after.text.lstrip(" \t\r\n,;"))


_LEADING_WORDS = {"then", "and", "but", "so", "now", "still", "yet", "at", "when", "as", "here",
                  "there", "oh", "well", "yes", "no", "poor", "little", "old", "young", "dear"}


def clean_subject(subject: str) -> str:
    """'Then Elizabeth' -> 'Elizabeth'; line breaks become spaces."""
    words = subject.split()
    while len(words) > 1 and words[0].lower() in _LEADING_WORDS:
        words = words[1:]
    return castmod.norm(re.sub(r"[\u2019']s$", "", " ".join(words)))


def _np_head(subject: str) -> tuple[str | None, str | None, str]:
    """'her mother' -> ('her', 'mother', role); 'the old man' -> ('the', 'man', 'old man')."""
    words = subject.lower().split()
    # "said her mother soon afterwards", "said her son to him": the phrase ends before the
    # words that go on past it
    for i, w in enumerate(words[1:], 1):
        if w in _PAST_THE_PHRASE:
            words = words[:i]
            break
        if w in VOICE_NOUNS:
            # "said a voice close ahead", "asked a voice behind me", "cried the voice which
            # belonged to the legs": an unseen speaker's voice, whatever places it
            words = words[:i + 1]
            break
    words = [w.strip("-\u2014,;:") or w for w in words]
    det = words[0] if words and words[0] in ("the", "his", "her", "their", "my", "our", "a",
                                             "an", "this", "that") else None
    rest = words[1:] if det else words
    head = rest[-1] if rest else None
    return det, head, " ".join(rest)


_PAST_THE_PHRASE = frozenset("""
    to by for of from with at in on into upon than before after afterwards soon then again
    instead out presently once now still himself herself themselves
""".split())


# Heads of descriptions that point back at someone already there ("the other", "the
# latter", "the elder"), or that are no noun at all.
_NOT_HEADS = frozenset("""
    other others one two three latter former rest first second last same whole elder younger
    eldest youngest young old little and or but by of to in with for at as from
""".split())


# Titles that do not go with a description of the young ("the girl" is no Mrs.).
_YOUNG_UNFIT = dict.fromkeys(("girl", "lass", "child", "boy", "lad"), {"mrs", "mr"})

_ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth".split())
# Words before a description's noun that tell one person from another ("the other doctor",
# "the new policeman"), unlike those that only colour it ("the good doctor").
_DISTINGUISHING = _NOT_HEADS | _ORDINALS | {"new", "elderly", "older", "younger", "senior", "junior"}


def _fits(ch: CastCharacter, role: str, gender: str | None) -> bool:
    """Whether a description ("the girl", "the old man") can be a named character: of a
    compatible sex and age ("the girl" is no Mrs.)."""
    unfit = _YOUNG_UNFIT.get(role.split()[-1])
    return ch.compatible(gender) and not (unfit and _mostly_titled(ch, unfit))


def _mostly_titled(ch: CastCharacter, titles) -> bool:
    """Whether the text mostly calls `ch` with one of `titles` ("Randolph", once called "Mr.
    Miller", is no Mr.)."""
    if not ch.titles & titles:
        return False
    titled = sum(n for form, n in ch.forms.items() if form.split()[0].lower().rstrip(".") in titles)
    return titled * 2 > sum(ch.forms.values())


def _person_head(head: str) -> bool:
    """Whether a noun can name a person ("friend", "mother", "solicitor", "ancestress")."""
    return head in PERSON_NOUNS or head in KIN_WORDS or head in COMPANION_NOUNS \
        or head in ROLE_NAMES or head in _TITLED_BY or castmod.is_occupation(head) \
        or _noun_gender(head) is not None or head.endswith(("er", "or", "ist", "ant", "ent"))


def _noun_gender(head: str | None) -> str | None:
    """The sex a person noun implies: the lexicon's, else its ending ("ancestress",
    "policeman")."""
    if not head:
        return None
    if head in PERSON_NOUNS:
        return PERSON_NOUNS[head]
    if head.endswith(("ess", "woman", "wife", "widow")) or head in ("matron", "spinster",
                                                                     "bride", "nun", "wench"):
        return "F"
    if head.endswith(("man", "boy")) and not head.endswith("woman"):
        return "M"
    return None


def _introduces(det: str | None, head: str | None) -> bool:
    """An indefinite description of a person ("a student", "an old woman"), not a voice."""
    return det in ("a", "an") and bool(head) and head not in VOICE_NOUNS \
        and (head in PERSON_NOUNS or castmod.is_occupation(head) or _noun_gender(head) is not None) \
        and head not in ("old", "others", "girls", "men", "children")


def _describes_someone(head: str | None) -> bool:
    return bool(head) and head.replace("-", "").isalpha() and len(head) > 2 \
        and head not in _NOT_HEADS \
        and not head.endswith("ly")


def _vocatives(cast: Cast, quote: Span, named: list | None = None,
               self_named: list | None = None) -> list[CastCharacter]:
    """Characters a quotation calls by name ("Jess, oh my god!", "Are you, Lizzy?"); the
    others it names go to `named` ("you remember Rory": a speaker rarely names himself), and
    those it names as its speaker ("I am Rory", "my name, sir, is Rory") to `self_named`."""
    out = []
    text = quote.text
    reported = _reported_speech(text) if "'" in text or "\u2018" in text else ()
    for start, end, ch in cast.mentions(text):
        if any(a < start < b for a, b in reported):
            continue            # "He said to me: 'Ahem! Honeychurch, ...'": someone else's call
        if self_named is not None and _names_oneself(text, start, end):
            self_named.append(ch)
            continue
        before = text[:start].rstrip()
        after = text[end:].lstrip()
        # "Bingley." alone answers a question with a name; it calls nobody
        answer = not before and after.rstrip() == "."
        if before.endswith("I,") and (len(before) == 2 or not before[-3].isalnum()) \
                and len(text[start:end].split()) >= 2 and not castmod.split_title(text[start:end])[0]:
            continue            # "I, Hercule Poirot, affirm": the speaker, called by no one
        if not answer and (not before or before[-1] in ",.!?;\u2014-" or before.lower().endswith(("dear", "my")))\
                and (not after or after[0] in ",.!?;\u2014-"):
            out.append(ch)
            continue
        if named is not None:
            named.append(ch)
    return out


# Speech a quote reports in single quotation marks: opened after a colon, a comma, a stop or a
# line's start, before a capital ("she says, 'Dorcas, I've had a shock.'"); closed after a stop
# or a comma ("'Ahem! Honeychurch,' he said"). (An apostrophe, "'em", "'tis", opens on a small
# letter or inside a word.)
_SINGLE_QUOTES = re.compile("['\u2018\u2019]")


def _reported_speech(text: str) -> list[tuple[int, int]]:
    """(start, end) of each stretch of speech the quote reports in single quotation marks."""
    out, opened = [], None
    for m in _SINGLE_QUOTES.finditer(text):
        i = m.start()
        if opened is None:
            if m.group() == "\u2019" or i + 1 == len(text) or not text[i + 1].isupper():
                continue
            j = i - 1
            while j >= 0 and text[j] == " ":
                j -= 1
            if j < 0 or text[j] in ":,;.!?\u2014\n":
                opened = i
        elif text[i - 1] in ".,!?\u2014-" and (i + 1 == len(text) or not text[i + 1].isalnum()):
            out.append((opened, i))
            opened = None
    return out


# "I am X", "I'm Mr. X", "my name is X", "my name, sir, is X", "call me X": the quote names its
# own speaker.
_NAMES_ONESELF = re.compile(r"(?:I\s+am|I['\u2019]m|[Mm]y\s+name(?:\s+is|['\u2019]s|,\s+\w+,\s+is)|"
                            r"[Cc]all\s+me)\s+(?:the\s+)?\Z")


def _names_oneself(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is one the quote gives its own speaker (not
    "I am Rory's friend")."""
    return _NAMES_ONESELF.search(text, max(0, start - 24), start) is not None \
        and not text.startswith(("'s", "\u2019s"), end)


# "This is X", "this is my daughter, X", "meet X": the quote presents X to someone.
_PRESENTING = r"[Tt]his\s+is|[Mm]eet|introduce|present"
_PRESENTED = r"\s+(?:(?:my|our)\s+[a-z]+,?\s+)?\Z"
_PRESENTS = re.compile(rf"\b(?:{_PRESENTING}){_PRESENTED}")
# ... or names someone: "Her name is X", "my name's X"
_NAMES_SOMEONE = re.compile(rf"\b(?:{_PRESENTING}|name\s+is|name['\u2019]s){_PRESENTED}")


def _mutual_introduction(turn: _Turn, cast: Cast):
    """"This is X. X, this is Y.": people presented to each other. The one presented first
    is being presented to the other, who speaks next; calling X by name there only turns
    to X for the second half. So the turn calls the one presented last."""
    presented = []
    for q in turn.quotes:
        if "his is" not in q.text and "eet" not in q.text and "resent" not in q.text \
                and "ntroduce" not in q.text:
            continue        # (cheap test first)
        for start, _end, ch in cast.mentions(q.text):
            if _PRESENTS.search(q.text, max(0, start - 30), start) and ch not in presented:
                presented.append(ch)
    if len(presented) >= 2:
        turn.vocatives = [presented[-1]] + [v for v in turn.vocatives if v not in presented]


# A question for the hearer's own name: "What is your name?", "Who are you?", "What name shall I
# give?" (not "What is his name?": anyone may answer that)
_ASKS_NAME = re.compile(r"\b(?:your\s+name|[Ww]ho\s+are\s+you|[Ww]hat\s+name)\b")
# A quote that is a name and no more ("Anne Shirley," / "Sissy Jupe, sir," / "Monks!")
_ONLY_A_NAME = re.compile(r"\s*([A-Z][\w.\- ]{1,40}?)(?:,\s*(?:sir|ma'am|madam|miss))?[!.,]?\s*\Z")


def _name_given(turn: _Turn, before: _Turn | None, cast: Cast):
    """"What is your name?" / "Anne Shirley," faltered the child: a line that is only a name,
    answering the line before's question for one, gives the speaker's own name; it calls no
    one. (Read where the line has no name in its tag; "said Marilla solemnly" may call.)"""
    if before is None or before.conv != turn.conv or (turn.tag is not None and turn.tag.identifies):
        return
    asked = before.quotes[-1].text
    if "name" not in asked and "ho are" not in asked:
        return          # (cheap test first)
    m = _ONLY_A_NAME.match(turn.quotes[0].text)
    if m is None or not _ASKS_NAME.search(asked):
        return
    named = cast.lookup(m.group(1).strip().rstrip(".,"))
    if named is None or named.role or named in before.vocatives:
        return
    turn.gives_name = named
    turn.vocatives = [v for v in turn.vocatives if v is not named]


def _turns(story: Story, cast: Cast) -> list[_Turn]:
    turns: list[_Turn] = []
    narration_before: tuple = ()    # (paragraph, its sentences): whom it opens and ends on
    last_sentence = ""
    conv = 0
    gap = CONVERSATION_GAP + 1
    prev_open = False
    lead_in: list = []
    between = False
    carried = None
    for block in story.blocks:
        if isinstance(block, (Chapter, SceneBreak)):
            gap, prev_open, lead_in, carried = CONVERSATION_GAP + 1, False, [], None
            continue
        quotes = [(i, s) for i, s in enumerate(block.spans) if s.kind == "quote"]
        if not quotes:
            gap += len(block.text)
            prev_open, between = False, True
            sentences = [m.group() for m in castmod.SENTENCE_RE.finditer(block.text.rstrip())
                         if m.group().strip()]
            narration_before = (block, sentences)     # (looked at if a quote follows)
            last_sentence = sentences[-1] if sentences else ""
            lead_in = [x for x in (_lead_in_speaker(sentences[-1], cast) if sentences else [])
                       if isinstance(x, CastCharacter)]
            carried = _lead_in_tag(block, cast)
            continue
        if gap > CONVERSATION_GAP:
            conv += 1
        gap = 0
        current: _Turn | None = None
        first_turn = len(turns)
        for i, q in quotes:
            tag = find_tag(block, i, cast)
            if tag is None and i == 0:
                # "... and then the Secretary said\n\n"We are wandering ..."": the paragraph
                # before ends on the tag of this one's opening quote
                tag = carried
            named = tag is not None and tag.identifies
            if current is None or _another_speaker(tag, current.tag, cast) \
                    or _answers(block, tag, current.tag, cast) \
                    or _new_subject_between(block, i, tag, current, cast):
                current = _Turn(block, [], conv=conv)
                turns.append(current)
                if len(turns) - 1 == first_turn and prev_open:
                    current.continued = True
            current.quotes.append(q)
            if tag and (current.tag is None or (named and not current.tag.identifies)):
                current.tag = tag
        for t in turns[first_turn:first_turn + 1]:
            t.before = _paragraph_subjects(narration_before[0], cast, narration_before[1]) \
                if narration_before else []
            t.between = between
            t.before_last = last_sentence
            if block.spans[0].kind == "quote":
                # "... Charlotte said,\n\n"I shall depend on ..."": the paragraph before
                # runs into this one's opening quote
                t.lead_in = lead_in
        narration_before, lead_in, between, carried, last_sentence = (), [], False, None, ""
        if block.spans[-1].kind == "narration":
            # '"Gentlemen sometimes do not realize--" ... and at last Miss Bartlett rose with
            # a sigh, and said:\n\n"I think one might venture now."'
            carried = _lead_in_tag(block.spans[-1], cast)
            if carried is not None and any(t.tag is not None and t.tag.subject_start == carried.subject_start
                                           for t in turns[first_turn:]):
                carried = None
        for k, t in enumerate(turns[first_turn:], first_turn):
            t.aside = _aside(t.tag, block)
            t.lead = _opening_characters(block, cast, t.quotes[0], before=True) or t.lead_in
            t.after = _opening_characters(block, cast, t.quotes[-1], before=False)
            t.looks_at = _looks_at(block, t.quotes[-1])
            t.carries = _carries(block)
            t.vocatives = [v for q in t.quotes for v in _vocatives(cast, q, t.named, t.self_named)]
            _mutual_introduction(t, cast)
            _name_given(t, turns[k - 1] if k else None, cast)
        last = block.spans[-1]
        prev_open = last.kind == "quote" and not last.closed
    return turns


# Words to oneself: "thought Elinor", "said Elizabeth to herself".
THOUGHT_LEMMAS = {"think", "reflect", "muse", "wonder", "ponder", "meditate", "soliloquize"}
_TO_ONESELF = re.compile(r"\b(?:to|within)\s+(?:himself|herself|myself)\b")


def _aside(tag: Tag | None, block: Paragraph) -> bool:
    """Whether a tag says the words were thought or said to oneself, not to the others."""
    if tag is None:
        return False
    if tag.lemma in THOUGHT_LEMMAS:
        return True
    end = tag.end - block.start         # (a tag carried from the paragraph before: not here)
    return 0 <= end <= len(block.text) \
        and bool(_TO_ONESELF.search(block.text[max(0, end - 60):end + 40]))


# Verbs that say someone goes on (or starts) speaking, a sentence of their own before the
# quote: "She went on, however." / "The Mock Turtle went on."
_GOING_ON = {"continue", "resume", "add", "begin", "proceed", "go"}
_GOING_ON_WORDS = re.compile(r"\b(?:went|goes|go|continued|continues|resumed|resumes|added|adds|"
                             r"began|begins|proceeded|proceeds)\b")


_NO_LEAD_IN = ("!", "?", '"', "\u201d", "'", "\u2019", ")", ";", ".")


def _going_on_tag(text: str, base: int) -> Tag | None:
    """A narration ending on a sentence that has its subject go on speaking, read as a tag
    of the quote after it (as if it ended "went on:")."""
    text = text.rstrip()
    if not text.endswith(".") or not _GOING_ON_WORDS.search(text, max(0, len(text) - 60)):
        return None
    tag = tag_before(text[:-1] + ":", base)
    if tag is None or tag.lemma not in _GOING_ON or (tag.lemma == "go" and not tag.verb.endswith(" on")):
        return None
    return tag


_TAKES_UP = re.compile(r"\b(?:spoke|speaks|interposed|interposes)\b[^.!?;]{0,40}\.\Z")


def _lead_in_tag(block: Paragraph | Span, cast: Cast) -> Tag | None:
    """A narration paragraph ending on a tag ("... and then Ratcliffe said, looking out over
    the sea:", "Suddenly he said:"), which leads into the next paragraph's quote."""
    text = block.text.rstrip()
    if text.endswith("."):
        # "... Henry spoke." / "Blenkinsop interposed.": a name that takes up the word
        tag = _going_on_tag(text, block.start)
        if tag is None and _TAKES_UP.search(text, max(0, len(text) - 60)):
            tag = clause_tag(text, block.start, cast.name_spans, pronouns=False)
        return tag
    if text.endswith(_NO_LEAD_IN):
        return None             # (a tag runs into its quote; cheap test first)
    return clause_tag(text, block.start, cast.name_spans, pronouns=True) \
        or tag_before(text, block.start)


def _another_speaker(tag: Tag | None, current: Tag | None, cast: Cast) -> bool:
    """Whether a quote's tag names someone else than the tag of the paragraph's turn so far:
    two different names ("said Lady Bertram ... Sir Thomas added"), or a name whose gender
    the pronoun before it cannot mean ("he asked; ... Mrs. van der Luyden said")."""
    if tag is None or current is None:
        return False
    if not tag.identifies:
        # '"Then we must wait," said Tom ... She waited until he had done, and then said,'
        gender = PRONOUNS.get(tag.subject.lower())
        if gender is None:
            return _describes_another(tag, current, cast)
        if not current.identifies:
            return PRONOUNS.get(current.subject.lower()) not in (None, gender)
        tag, current = current, tag
    elif current.identifies:
        return clean_subject(tag.subject) != clean_subject(current.subject)
    gender = PRONOUNS.get(current.subject.lower())
    if gender is None:
        return _describes_another(current, tag, cast)
    named = cast.lookup(clean_subject(tag.designation[0] if tag.designation else tag.subject))
    return named is not None and named.gender not in (None, gender)


def _new_subject_between(block: Paragraph, index: int, tag: Tag | None, current: _Turn,
                         cast: Cast) -> bool:
    """'"Yes," said Syme. Gregory's mouth worked twice; then ... "He is a man," he said': a
    pronoun tag after a name tag in one paragraph, with a sentence between opening on
    someone else of that sex, is theirs (a new turn for the pronoun to go by salience)."""
    if tag is None or current.tag is None or not tag.pronoun or not current.tag.identifies:
        return False
    gender = PRONOUNS.get(tag.subject.lower())
    if gender is None or index < 1 or block.spans[index - 1].kind != "narration":
        return False
    named = cast.lookup(clean_subject(current.tag.designation[0] if current.tag.designation
                                      else current.tag.subject))
    if named is None:
        return False
    span = block.spans[index - 1]
    text = span.text
    limit = tag.subject_start - span.start if span.start <= tag.subject_start < span.end \
        else len(text)
    for s, e, ch in cast.mentions(text[:limit]):
        if ch is not named and ch.gender == gender and not _after_preposition(text, s) \
                and _opens_sentence(text, s, True) and _NEW_SUBJECT_DOES.match(text, e) \
                and not any(w in PERSON_NOUNS or w in KIN_WORDS or w in COMPANION_NOUNS
                            for m in _DESCRIBED.finditer(text, e, limit) for w in m.groups()):
            return True
    return False


# What follows a name that is its sentence's one subject, doing something: a verb ("Aziz did
# likewise"), or its face or voice doing it ("Gregory's mouth worked"); not a name joined to
# another ("X and Y looked cross") nor a participle ("Miss Tilney continuing silent, she").
_NEW_SUBJECT_DOES = re.compile(
    r"(?:['\u2019]s\s+(?:mouth|face|lips|eyes|voice|cheeks|hand|hands|head)\s+)?"
    r"\s*(?:[a-z]+ly\s+)?(?!and\b|or\b)[a-z]+(?<!ing)\b")
# "...; but his friend disregarded them all": someone described after the name
_DESCRIBED = re.compile(r"\b(?:his|her|the|their)\s+([a-z]+)(?:\s+([a-z]+))?")


def _answers(block: Paragraph, tag: Tag | None, current: Tag | None, cast: Cast) -> bool:
    """'"What is his sorrow?" she asked the Gryphon, and the Gryphon answered, "It's all his
    fancy."': a name tag after a pronoun tag whose sentence named that one first (spoken to)
    is another turn."""
    if tag is None or current is None or not tag.identifies or not current.pronoun \
            or current.end > tag.subject_start:
        return False
    named = cast.lookup(clean_subject(tag.designation[0] if tag.designation else tag.subject))
    if named is None:
        return False
    for span in block.spans:
        if span.kind == "narration" and span.start < tag.subject_start and span.end > current.end:
            between = span.text[max(0, current.end - span.start):tag.subject_start - span.start]
            if any(ch is named for _s, _e, ch in cast.mentions(between)):
                return True
    return False


def _describes_another(described: Tag, named: Tag, cast: Cast) -> bool:
    """Whether a description tag in the paragraph of a name tag is someone else: "the
    other", someone's kin or friend ("said Lucy, while her brother exclaimed"), or a person
    of the other sex ("Mrs. Welland murmured, while the young man replied")."""
    if not named.identifies:
        return False
    det, head, _role = _np_head(described.subject)
    if head in ("other", "others"):
        return True
    if head is None or not (head in PERSON_NOUNS or head in KIN_WORDS or head in COMPANION_NOUNS
                            or castmod.is_occupation(head)):
        return False
    ch = cast.lookup(clean_subject(named.designation[0] if named.designation else named.subject))
    if ch is None:
        return False
    if det in ("his", "her"):
        # the named one's own kin or friend ("said Lucy, while her brother"); someone's kin
        # ("Janey commented; and his mother added"); "said Daisy ... his companion resumed"
        # may be Daisy, someone else's companion
        return ch.gender == {"his": "M", "her": "F"}[det] or head in KIN_WORDS
    gender = _noun_gender(head)
    return gender is not None and ch.gender not in (None, gender)


# '"The lady from the store?" She looks up at him.': whom the speaker turns to answers.
_LOOKS_AT = re.compile(r"\b(?:look|turn|glance|gaze|stare|peer)(?:s|ed|ing)?\s+(?:(?:up|round|"
                       r"back|over|down|across)\s+)?(?:[a-z]+ly\s+)?(?:at|to|towards|toward)\s+"
                       r"(him|her)\b")


# "He lifts her up, swinging her into his arms", "she scoops him up": someone
# picked up and carried.
_CARRIES = re.compile(r"\b(?:pick|lift|hoist|scoop|sweep|swept|swing|swung|carr(?:y|ie)|"
                      r"whisk)(?:s|ed|ing)?\s+(him|her)\s+(?:up|off|away|into\s+(?:his|her)\s+arms)\b")


def _carries(block: Paragraph) -> str | None:
    """The sex of the one the paragraph's narration has someone pick up and carry."""
    for span in block.spans:
        if span.kind == "narration" and (" her " in span.text or " him " in span.text):
            m = _CARRIES.search(span.text)
            if m is not None:
                return {"him": "M", "her": "F"}[m.group(1)]
    return None


def _looks_at(block: Paragraph, quote: Span) -> str | None:
    """The sex of the one the narration closing the paragraph after `quote` has someone look
    or turn at ("She glances up at him.")."""
    spans = block.spans
    if spans[-1] is quote or spans[-1].kind != "narration" or "at " not in spans[-1].text \
            and "to" not in spans[-1].text:
        return None
    m = _LOOKS_AT.search(spans[-1].text)
    return {"him": "M", "her": "F"}[m.group(1)] if m else None


def _opening_name(sentence: str, cast: Cast, relations: bool = False):
    """The character named in the first words of a capitalised sentence, if any; with
    `relations`, a relation of theirs ("Tom's younger double grins.") as a
    `_Relation` (after a quote, "Mrs. Pegler's husband was long dead" is still about her)."""
    found = next(cast.mentions(sentence), None)     # (the first name only)
    if not (found and found[0] < 12 and sentence[:1].isupper()):
        return None
    rel = _RELATION.match(sentence, found[1]) if relations else None
    if rel is not None:
        words = rel.group(1).split()
        for i, w in enumerate(words):
            if w in RELATION_NOUNS:
                return _Relation(found[2], w, w in _YOUNG_RELATIONS
                                 or not _YOUNG_WORDS.isdisjoint(words[:i]))
    return found[2]


# "Tom's younger double", "Anna's little brother", "Tom's old friend": someone else
# than the one named, a person of their own (not "Tom's face", which is Tom).
_RELATION = re.compile(r"['\u2019]s?((?:\s+[a-z][a-z\-]*){1,3})")
# Words that say the relation is a child: the young character of the scene.
_YOUNG_WORDS = frozenset("young younger youngest little small tiny baby".split())
_YOUNG_RELATIONS = frozenset(YOUNG_NOUNS) | CHILD_NOUNS | {"daughter", "son"}
RELATION_NOUNS = KIN_WORDS | COMPANION_NOUNS | _YOUNG_RELATIONS | frozenset(
    """counterpart double twin partner pal mate chum sidekick grandmother grandfather grandson
    granddaughter fiance fiancee lover escort servant maid valet secretary assistant guest
    visitor guardian ward nurse governess""".split())


@dataclass(frozen=True)
class _Relation:
    """A narration subject that is someone's relation, not that someone: resolved by the sieve
    to a person of the exchange."""
    owner: CastCharacter
    noun: str
    young: bool

    @property
    def gender(self):
        return PERSON_NOUNS.get(self.noun)


def _paragraph_subjects(block: Paragraph, cast: Cast, sentences: list | None = None) -> list:
    """The characters a narration paragraph's first and last sentences open on, after whom a
    last sentence opening on a pronoun carries on (`_pronoun_chain`). (`sentences`: the
    paragraph's, if the caller has them; white space after the last makes no difference.)"""
    if sentences is None:
        sentences = [m.group() for m in castmod.SENTENCE_RE.finditer(block.text)
                     if m.group().strip()]
    chained = _pronoun_chain(sentences, cast)
    later = None
    if chained is None and sentences:
        chained = _last_clause_subject(sentences[-1], cast)
        if chained is None:
            chained = later = _later_subject(sentences[-1].lstrip(" \t\r\n,;\u2014-"), cast)
    out = [chained] if chained is not None else []
    # (a sentence ending on a later name is no longer about the one it opened on)
    ends = sentences[-1:] if later is None else []
    for s in (ends + sentences[:-1][:1]) if sentences else []:
        s = s.lstrip(" \t\r\n,;\u2014-")
        ch = _opening_name(s, cast)
        if ch is not None and ch not in out and not _departs(s, cast, ch):
            out.append(ch)
    return out


_TIME_CLAUSE = re.compile(r"(?:When|As|While|Whilst|Before|After|Once|Till|Until)\b")


def _departs(sentence: str, cast: Cast, ch) -> bool:
    """Whether a sentence opening on `ch` sends them away ("Mr. Woodhouse at last was off;
    but Mr. Knightley sat down again"): they are no longer there to speak next. (Not a
    clause setting the time: "When Miss Barry went away she said:" is her parting word.)"""
    if _TIME_CLAUSE.match(sentence):
        return False
    first = next(iter(cast.mentions(sentence)), None)
    return first is not None and first[2] is ch and _DEPARTS.match(sentence, first[1]) is not None


def _opening_characters(block: Paragraph, cast: Cast, quote: Span, before: bool) -> list:
    """Who the narration next to a quote is about: the name or pronoun opening its sentence
    ("Jess lends her his hand. "...""), else a name that is the subject of the last sentence."""
    spans = block.spans
    i = spans.index(quote)
    j = i - 1 if before else i + 1
    if not 0 <= j < len(spans) or spans[j].kind != "narration":
        return []
    narr = spans[j]
    text = narr.text
    if before:
        sentences = [m for m in castmod.SENTENCE_RE.finditer(text) if m.group().strip()]
        if not sentences:
            return []
        lead_in = _lead_in_speaker(sentences[-1].group(), cast)
        if lead_in:
            return lead_in
        # The paragraph opens on its actor more often than its last sentence does; but a
        # short last sentence opening on a name ("Professor Godbole chaffed him
        # pleasantly.") is the speaker's beat
        last = sentences[-1].group().lstrip(" \t\r\n,;\u2014-")
        opener = next(cast.mentions(last), None) if len(sentences) > 1 and len(last) < 80 \
            else None
        if opener is not None and opener[0] == 0 and not last.startswith(("'s", "\u2019s"),
                                                                          opener[1]):
            return [opener[2]]
        # "... Mr. Harland had closed the piano. He crossed the room to Ada. "...""
        chained = _pronoun_chain([m.group() for m in sentences], cast) \
            or _last_clause_subject(last, cast) or _later_subject(last, cast)
        if chained is not None:
            return [chained]
        s_text = sentences[0].group()
    else:
        m = castmod.SENTENCE_RE.match(text)
        if not m:
            return []
        s_text = m.group()
    stripped = s_text.lstrip(" \t\r\n,;\u2014-")
    ch = _opening_name(stripped, cast, relations=before)
    if ch is not None:
        return [ch]
    pron = re.match(r"(He|She|His|Her|I|My)\b", stripped)
    if pron:
        return [pron.group(1).lower()]
    return []


STICKY_LAST = True
_SPEECH_WORD = re.compile(r"\b([a-z]+)\b")
_SUBJECT_PRONOUN = re.compile(r"\b(he|she|He|She|I)\b")
_AFTER_PREPOSITION = re.compile(
    r"\b(?:to|near|with|at|from|by|of|for|on|upon|in|towards?|toward|behind|beside|than|about|"
    r"after|before|like|against|among|between|into|round|around)\s+\Z", re.I)


_PRONOUN_OPENING = re.compile(r"\s*(He|She)\b")


def _pronoun_chain(sentences: list, cast: Cast):
    """"Tom was tired. Mr. Harland had closed the piano. He crossed the room to Ada. "...":
    a paragraph's last sentence opening on a pronoun carries on the latest sentence before
    it (after the first) that opens on a name, when that name is of the pronoun's sex -
    the one the paragraph ends on, not the one it opened on. That name, or None."""
    if len(sentences) < 3:
        return None
    m = _PRONOUN_OPENING.match(sentences[-1])
    if m is None:
        return None
    gender = PRONOUNS.get(m.group(1).lower())
    for sm in reversed(sentences[1:-1]):
        text = sm.lstrip(" \t\r\n,;\u2014-")
        if _PRONOUN_OPENING.match(text):
            continue
        ch = _opening_name(text, cast)
        if isinstance(ch, CastCharacter) and ch.gender == gender:
            return ch
        return None
    return None


def _last_clause_subject(sentence: str, cast: Cast):
    """"Nobody spoke, and the fire burned low; but Mr. Harland suddenly struck his hands
    together.": the name opening the sentence's last clause, when the sentence opens on no
    name - whom the sentence, and the narration before a quote, ends on."""
    # (names are looked up only where a clause opens on a capital, latest first)
    starts = [m.end() for m in _SPACE_CAPITAL.finditer(sentence, 12)
              if _MAIN_CLAUSE_BEFORE.search(sentence, max(0, m.end() - 16), m.end())]
    if not starts:
        return None
    first = next(cast.mentions(sentence[:40]), None)
    if first is not None and first[0] < 12:
        return None             # (a name opening the sentence is _opening_name's)
    for at in reversed(starts):
        found = next(cast.mentions(sentence[at:at + 60], at), None)
        if found is not None and found[0] == at and _subject_like(sentence, at, found[1]) \
                and not _JOINED_BEFORE.search(sentence, max(0, at - 40), at):
            return found[2]
    return None


def _later_subject(sentence: str, cast: Cast):
    """"Tom looked sceptical, but Mr. Harland went on with his questions.": a sentence opening
    on one name whose later main clause, after a joining word, opens on another - the one who
    acts last, and likely speaks next."""
    first = next(cast.mentions(sentence[:40]), None)
    if first is None or first[0] > 0:
        return None
    for m in reversed(list(_JOINED_CLAUSE.finditer(sentence, first[1]))):
        at = m.end()
        found = next(cast.mentions(sentence[at:at + 60], at), None)
        if found is not None and found[0] == at:
            if found[2] is first[2] or not _subject_like(sentence, at, found[1]) \
                    or _QUIET_AFTER.match(sentence, found[1]):
                return None
            return found[2]
    return None


def _later_clause_opener(text: str, opener: tuple, start: int, end: int, ch) -> bool:
    """Whether the name at text[start:end] opens a later main clause of the sentence that
    `opener` ((offset, character)) opened, so counts as an opener too: "Tom looked
    sceptical, but Mr. Harland went on. / '...,' he said" is Mr. Harland's."""
    return opener[1] is not ch and bool(_JOINED_CLAUSE_BEFORE.search(text, max(0, start - 12), start)) \
        and _last_stop(text, opener[0], start) < 0 and not _QUIET_AFTER.match(text, end) \
        and not _SHARED_AFTER.match(text, end)


# ... but not one sharing the clause ("and Mrs. Herriton or Harriet glanced") or owning its
# subject ("and Denham s praise": an apostrophe lost)
_SHARED_AFTER = re.compile(r",?\s+(?:(?:and|or)\s+[A-Z]|s\b)")


# ", and Tom", "; but Mr. Harland", ", while Ann": where a later main clause opens
# ... but one who only thinks, is, has ("and Ada had the benefit of it", "and Tom too looked
# happy", "and Ada suspected that"): no beat of their own that leads to speech
_QUIET_AFTER = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:too|also|was|were|had|thought|suspected|"
                          r"reflected|felt|wondered|knew|hoped|feared)\b")
_JOINS = r"[,;]\s+(?:and|but|while|yet|so|then)\s+"
_JOINED_CLAUSE = re.compile(_JOINS + r"(?=[A-Z])")
_JOINED_CLAUSE_BEFORE = re.compile(_JOINS + r"\Z")


# What opens a main clause before its subject: a stop, a dash, a co-ordinating word, an
# adverb ("; and Tom opposed it", ", but Mr. Harland suddenly") - not "that", "when", ":".
_MAIN_CLAUSE_BEFORE = re.compile(r"(?:[,;\u2014]|--|\b(?:and|but|yet|so|then|now|presently|"
                                 r"suddenly|immediately|instantly|again|afterwards|soon|later|"
                                 r"[a-z]+ly))\s+\Z")
_SPACE_CAPITAL = re.compile(r"\s(?=[A-Z](?!\W))")     # (not "I")
# ... but not a name joined to one before it ("between Tom and Ann, and")
_JOINED_BEFORE = re.compile(r"[A-Z][\w.'\u2019-]*,?\s+(?:and|or)\s+\Z")


def _lead_in_speaker(sentence: str, cast: Cast) -> list:
    """"Thomas, turning to see what had attracted him, said with a laugh, "...": a sentence
    that runs into the quote (ends with , : or a dash) around a speech verb names its
    speaker as the last name or pronoun before that verb."""
    if not re.search(r"[,:\u2014-]\s*\Z", sentence):
        return []
    verbs = [m for m in _SPEECH_WORD.finditer(sentence) if verb_lemma(m.group(1)) in SPEAKING_VERBS]
    if not verbs:
        return []
    head = sentence[:verbs[-1].start()]
    # "Mr. Darcy, drawing near Elizabeth, said": a name after a preposition is not the subject
    names = [(s, ch, _opens_clause(head[:s]) or bool(_RELATIVE_AFTER.match(head, e)))
             for s, e, ch in cast.mentions(head) if not _after_preposition(head, s)]
    pronouns = [(m.start(), m.group(1).lower(), _opens_clause(head[:m.start()]))
                for m in _SUBJECT_PRONOUN.finditer(head)
                if not _after_preposition(head, m.start())]
    found = sorted(names + pronouns, key=lambda x: x[0])
    subjects = [f for f in found if f[2]]
    if _PASSIVE_BEFORE.search(head) and not verbs[-1].group(1).endswith("ing"):
        # "Catherine found Mrs. Allen ... and was immediately greeted with,": the subject
        # is spoken to, by the other one named
        others = [f for f in found if not f[2] and isinstance(f[1], CastCharacter)
                  and (not subjects or f[1] is not subjects[-1][1])]
        return [others[-1][1]] if others else []
    return [subjects[-1][1]] if subjects else []


def _after_preposition(text: str, at: int) -> bool:
    """_AFTER_PREPOSITION.search(text[:at]), looked for only where it can be: a preposition
    (seven letters at most) right before the white space that ends there."""
    space = at
    while space and text[space - 1].isspace():
        space -= 1
    return space < at and _AFTER_PREPOSITION.search(text, max(0, space - 8), at) is not None


OPENER_WINDOW = 300
# A pronoun tag means whoever of its gender the narration just made most salient: each
# mention weighs by its part (object, subject, a sentence's opening subject) and fades over
# about this many characters, so a subject a sentence back outweighs a name in passing.
SALIENCE_SPAN = 100.0
SALIENCE_WEIGHTS = (0.5, 1.0, 1.5)
# ... and the narration's last stretch before the quote counts before what came earlier.
FOCUS_NEAR = 600
# What may open a sentence before its subject: "Then", "At that moment", "As their cab
# approached the entrance, ". (A full stop in it is a title's or an initial's, "As Mr. Darcy
# spoke, ": it is matched from the last sentence's end on, see _last_stop.)
_OPENING = re.compile(r"(?:(?:and|but|then|so|now|yet|still|thus|here|there|presently|suddenly|"
                      r"meanwhile|instantly|immediately|soon|again|at\s+(?:last|length|once|first)|"
                      r"at\s+(?:that|this|the\s+same)\s+(?:moment|instant|time)|[a-z]+ly)\s*,?\s+)*"
                      r"(?:[^,;:!?\"\u201c\u201d]{3,160},\s+)?(?:the\s+)?\Z", re.I)


def _opens_sentence(text: str, start: int, clause: bool = False) -> bool:
    """Whether the mention at `start` of a narration text is its sentence's opening subject."""
    lo = max(0, start - 200)
    from_ = _last_stop(text, lo, start)
    if from_ < 0 and lo > 0:
        return False
    prefix = text[from_ + 2 if from_ >= 0 else 0:start].lstrip(" \t\r\n,;\u2014-\"\u201d'")
    if _OPENING.match(prefix):
        return True
    # for a name (`clause`): a main clause after "; " opens as a sentence does ("Emma had
    # nothing more to say; and, after a pause, Mrs. Elton chose another subject"); not for
    # a pronoun, nor after ", and " (both measured worse on the annotated novels)
    cut = prefix.rfind("; ") if clause else -1
    return cut >= 0 and bool(_OPENING.match(prefix, cut + 2))


_RELATIVE_AFTER = re.compile(r",?\s+who\b")
_NEGATION_BEFORE = re.compile(r"\b(?:not|even)\s*\Z")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being)\s+(?:(?:[a-z]+ly|at\s+once|then|soon|"
                             r"presently)\s+)?\Z")


def _opens_clause(before: str) -> bool:
    """Whether a name after `before` opens a clause, as a subject does ("Fanny, who had
    borne Edmund company, now ventured to say": not Edmund); a name a relative clause
    follows is its subject too ("it was Julia, who, out of breath, cried out")."""
    before = before.rstrip()
    return not before or before.endswith((",", ";", ":", "(", "\u2014", "-")) \
        or bool(_CLAUSE_START.search(before) or _OPENER.match(before)
                or _NEGATION_BEFORE.search(before))


# "Mr. Woodhouse at last was off; but Mr. Knightley sat down again": whoever the narration
# sends away is no longer there to speak - their salience goes.
_DEPARTS = re.compile(r"(?:\s+(?:at\s+(?:last|length|once)|then|soon|now|presently|"
                      r"immediately|quickly|hastily|quietly),?)?\s+(?:was\s+off|"
                      r"went\s+(?:out|away|off)(?!\s+(?:to|in|for)\b)|withdrew|departed|"
                      r"left\s+(?:the\s+(?:room|house)|them|him|her)(?=\s*[,;.!?]|\s+(?:alone|together)\b)|"
                      r"took\s+(?:his|her)\s+leave)\b")


PRONOUN_SALIENCE = 0.5
# A name that is no clause's subject ("Lydia's departure", "joined by Mr. Bingley") keeps its
# bearer less in focus; and each later mention fades the earlier ones.
OBJECT_SALIENCE = 0.25
# ... and the subject opening a sentence more than one inside it ("But Anne went on facing
# Mrs. Rachel. / 'How dare you?' she repeated" is Anne's), as in SALIENCE_WEIGHTS.
OPENER_SALIENCE = SALIENCE_WEIGHTS[2] / SALIENCE_WEIGHTS[1]
SALIENCE_FADE = 0.9
_POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")


def _subject_like(text: str, start: int, end: int) -> bool:
    """Whether a name in narration may be its clause's subject: not a possessive ("Lydia's
    departure") nor the object of a preposition ("listen to Mr. Collins")."""
    if text.startswith(_POSSESSIVE, end):
        return False
    return not _AFTER_PREPOSITION.search(text[max(0, start - 12):start])


# "between Matthew and Marilla": a name joined to the one before shares its part
_JOINED = re.compile(r",?\s+(?:and|or)\s+|,\s+")


def _by_salience(mentions: list) -> list:
    """Characters mentioned (by name, or by pronoun counting half) in a stretch of narration,
    the most mentioned first (as subjects, lately), then the latest: "Mrs. Bennet came in. She
    was cross. Elizabeth ran to her." is about Mrs. Bennet."""
    count = Counter()
    n = len(mentions)
    for i, (ch, pronoun, subject) in enumerate(mentions):
        weight = (PRONOUN_SALIENCE if pronoun else 1.0) \
            * (OPENER_SALIENCE if subject == 2 else 1.0 if subject else OBJECT_SALIENCE)
        count[ch] += weight * SALIENCE_FADE ** (n - 1 - i)
    last = {ch: i for i, (ch, _p, _s) in enumerate(mentions)}
    return sorted(count, key=lambda ch: (-count[ch], -last[ch]))


# A name opening the last sentence with a subject of one sex, this near the quote, is whom a
# pronoun tag of that sex means (the same from 150 to 1,000 on the annotated novels; a name
# that is only some clause's subject there was measured worse)
LAST_OPENER_WINDOW = 300
# ... but not one set beside a description of someone's ("Her aunt, Mrs. Norris, was by the
# window" is still about whoever "her" is)
# ... nor one who turns to someone else of that sex ("Elizabeth ran to her.")
_OBJECT_PRONOUN = {"M": re.compile(r"\bhim\b"),
                   "F": re.compile(r"\bher\b(?=\s*[.,;:!?\"\u201d\u2014]|\s+(?:to|with|at|in|and|for|from|"
                                   r"as|again|away|back|up|down|out|off|by|into|on)\b)")}
_APPOSITION_OPENING = re.compile(r"(?:\A|[.!?]\s+)(?:Her|His|Their|My|Our)\s+[^,.!?]{1,40},\s+\Z")
# A sentence opening on a description ("The stationmaster whistled.") and the next one
_DESCRIBED_OPENING = re.compile(r"(?:\A|[.!?]\s+)(?:The|This|That)\s+((?:[a-z][a-z\-]*\s+){0,2}[a-z][a-z\-]*)"
                                r"\s+[a-z]")
# A sentence opening on someone described: "The policeman had", "This little boy stepped"
_DESCRIPTION_OPENING = re.compile(r"(The|This|That|One|An?)\s+((?:[a-z][a-z\-]*\s+){0,2}[a-z][a-z\-]*)\b")
_ANY_PRONOUN = {"M": re.compile(r"\b(?:[Hh]e|him|[Hh]is)\b"), "F": re.compile(r"\b(?:[Ss]he|[Hh]er)\b")}
_ANY_PERSON_WORD = re.compile(r"\b(?:[Hh]e|[Ss]he|him|[Hh]is|[Hh]er|[Tt]hey|[Tt]hem|[Tt]heir|I|[Ww]e|[Yy]ou)\b|\b(?:[Tt]he|[Aa]n?)\s+(?:[a-z]+\s+)?(?:%s)\b" % "|".join(PERSON_NOUNS))


_PERSON_AFTER = re.compile(r"\b(?:the|a|an)\s+(?:[a-z]+\s+)?(?:%s)\b" % "|".join(PERSON_NOUNS))
_NOT_A_VERB = frozenset("of and or who whom whose that which".split())
# A sentence's end and the next one's capital ("Mr. Gradgrind" is one sentence)
_NEXT_SENTENCE = re.compile(rf"[.!?]{_NOT_ABBREVIATED}[\s\"'\u201d\u2019]+[A-Z]")
_THE_ROLE = re.compile(r"\b[Tt]he\s+([a-z][a-z\-]*)\b")


# Kin outside the owner's surname whom "her aunt", "his uncle" mostly means one person in a
# book: learned from the tags like "the doctor" (keyed "her aunt", not "the aunt").
_KIN_ELDERS = frozenset({"aunt", "uncle"})


class _Sieve:
    def __init__(self, story: Story, cast: Cast, turns: list[_Turn]):
        self.story = story
        self.cast = cast
        self.turns = turns
        self.recent: dict[int, int] = {}            # character id -> last mention offset
        self.roles: dict[str, CastCharacter] = {}
        self.sexed_by_prose: set[int] = set()     # roles whose sex the narration gave, not the noun
        self.described: dict[str, CastCharacter] = {}   # "old gentleman" -> learned character
        self.described_in: dict[tuple, CastCharacter] = {}  # (role, conversation) -> local binding
        self.conv_votes: dict[tuple, Counter] = {}      # (role, conversation) -> turn-taking votes
        self.long_forms: dict[str, bool] = {}          # "gentleman in the white waistcoat"
        self.kin_found = False                      # resolve_np found a surname relation
        self.newcomer_found = False                 # ... or someone new to the scene
        self.apposed_found = False                  # ... or the one the text apposed to a role
        self.appositions = castmod.appositions(story.text, cast)   # "the apothecary" -> Mr. Perry
        self.description_counts: Counter = Counter()
        self.description_forms: dict[str, Counter] = {}
        self.tagged: set[int] = set()                   # ids of explicitly tagged speakers
        self.narrators: set = set()                 # the first-person narrator, once tagged "I"
        # Mentions in narration only: people talked about in a quotation are often not
        # there. A pronoun in narration ("He turned away") keeps its referent - the latest
        # character of that gender - in focus, so a protagonist followed for pages stays
        # ahead of a name dropped once.
        events = []
        self.departures: set[int] = set()           # offsets of mentions of someone leaving
        self.narration_spans: list[Span] = []
        for para in story.paragraphs():
            for span in para.spans:
                if span.kind != "narration":
                    continue
                self.narration_spans.append(span)
                text, base = span.text, span.start
                last_end, last_subject, opener = None, False, None
                for s, e, ch in cast.mentions(text, base):
                    if _DEPARTS.match(text, e - base):
                        self.departures.add(s)
                    subject = _subject_like(text, s - base, e - base) \
                        and (1 + _opens_sentence(text, s - base, True))
                    if subject and last_end is not None and s - last_end <= 6 \
                            and _JOINED.fullmatch(text, last_end - base, s - base):
                        subject = last_subject and 1
                    elif subject == 1 and opener is not None \
                            and _later_clause_opener(text, opener, s - base, e - base, ch):
                        subject = 2
                    last_end, last_subject = e, subject
                    if subject == 2:
                        opener = (s - base, ch)
                    events.append((s, ch, subject))
                for m in _KIN_MENTION.finditer(text):
                    if castmod._word_start(text, m.start()) and _subject_like(text, m.start(), m.end()) \
                            and _opens_sentence(text, m.start(), True):
                        owner = "M" if m.group(0)[1] == "i" else "F"
                        # (at the noun: after the owner's "his", which names the owner first)
                        events.append((base + m.start(1), (owner, m.group(1)), 2))
                if FOCUS_PRONOUNS:
                    events += [(base + m.start(), gender,
                                subject and (1 + _opens_sentence(text, m.start())))
                               for m in _NARRATION_PRONOUN.finditer(text)
                               for gender, subject in (_PRONOUN_READING[m.group(1)],)]
        self.mentions = sorted(events, key=itemgetter(0))
        self._narration_starts = [sp.start for sp in self.narration_spans]
        self._mention_offsets = [m[0] for m in self.mentions]
        self.np_introduced: dict = {}
        self._first_named: dict | None = None   # character id -> first narration mention
        self.narrated = {ch.id for _s, ch, _subj in events if isinstance(ch, CastCharacter)}
        self._mention_i = 0
        self.read_to = 0                        # the text read so far (advance)
        self.salience: dict[int, tuple] = {}    # character id -> (salience, at offset)
        self.salient_touched: list = []         # mentions since the last quote, by salience
        self.paragraph_speaker = None           # (paragraph end, its explicitly tagged speaker)
        self.openers: dict[str, tuple] = {}     # gender -> (character, offset) last opening a sentence
        self.young: set[int] = set()            # ids of speakers tagged "the girl", "the boy"
        self.narrated_roles: set[int] = set()   # roles the narration names ("the stranger")
        self.protagonists = sorted((c for c in cast.characters if c.gender and not c.role),
                                   key=lambda c: (-sum(c.forms.values()), c.id))

    # -- recency ---------------------------------------------------------------------------
    def advance(self, offset: int) -> list[tuple[CastCharacter, bool]]:
        """Record every narration mention before `offset`; return who was mentioned, whether
        by a pronoun, and whether maybe as a subject."""
        touched = []
        self.read_to = max(self.read_to, offset)
        while self._mention_i < len(self.mentions) and self.mentions[self._mention_i][0] < offset:
            s, ch, subject = self.mentions[self._mention_i]
            if isinstance(ch, tuple):
                ch = self._kin_mentioned(*ch, s)
                if ch is None:
                    self._mention_i += 1
                    continue
            pronoun = isinstance(ch, str)
            if pronoun:
                gender = ch
                ch = self.most_recent(gender, strict=True)
                salient = self.most_salient(gender, s) if ch is not None else None
                own = self.paragraph_speaker
                if own is not None and s < own[0] and own[1].gender == gender:
                    # '"I ought to go," said Kate. She sprang up': the first pronoun of the
                    # speaker's gender after a tagged quote, in its paragraph, is the speaker
                    ch = salient = own[1]
                    self.paragraph_speaker = None
                    self.openers[gender] = (ch, s)
                opener = self.openers.get(gender)
                if subject == 2 and opener is not None and ch is not None \
                        and opener[1] >= self.recent[ch.id] - OPENER_WINDOW:
                    # "Anne stood before Mrs. Rachel. She cried": a pronoun opening its
                    # sentence carries on the last sentence's subject
                    ch = opener[0]
            elif subject == 2 and self.paragraph_speaker is not None \
                    and ch.gender == self.paragraph_speaker[1].gender:
                self.paragraph_speaker = None       # someone else of that gender named first
            if ch is not None:
                self.touch(ch, s)
                if subject == 2 and ch.gender:
                    self.openers[ch.gender] = (ch, s)
                touched.append((ch, pronoun, subject))
                if not (pronoun and salient):
                    salient = ch
                score, at = self.salience.get(salient.id, (0.0, s))
                self.salience[salient.id] = (score * math.exp((at - s) / SALIENCE_SPAN)
                                             + SALIENCE_WEIGHTS[subject or 0], s)
                self.salient_touched.append((salient, pronoun, subject, s))
                if s in self.departures:
                    self.salience.pop(ch.id, None)
                    self.salient_touched = [m for m in self.salient_touched if m[0] is not ch]
            self._mention_i += 1
        return touched

    def _kin_mentioned(self, owner_gender: str, head: str, offset: int) -> CastCharacter | None:
        """Whom "her husband" in the narration at `offset` means: the one married grown-up of
        that sex and the owner's surname ("her husband" of Mrs. Elton is Mr. Elton), the owner
        being the woman in focus (else the latest one); nobody when the family has several."""
        gender = "M" if KIN_PARENT[head] == "mr" else "F"
        titles = _PARENT_TITLES[gender]
        for owner in (self.most_salient(owner_gender, offset),
                      self.most_recent(owner_gender, strict=True)):
            if owner is None or not owner.surname or head == "husband" and owner.titles == {"miss"}:
                continue
            kin = [c for c in self.cast.characters if c.surname == owner.surname and c is not owner
                   and not c.role and c.compatible(gender) and _mostly_titled(c, titles)]
            # (and on stage: mentioned or heard lately)
            return kin[0] if len(kin) == 1 and kin[0].id in self.ranked(12) else None
        return None

    @staticmethod
    def _focus_near(touched: list, start: int) -> list:
        """Who the narration since the last quote was about (mentions as (character, by a
        pronoun, subject, offset)), those of its last stretch before `start` first."""
        near = _by_salience([m[:3] for m in touched if m[3] >= start - FOCUS_NEAR])
        return near + [ch for ch in _by_salience([m[:3] for m in touched]) if ch not in near]

    def most_salient(self, gender: str, offset: int) -> CastCharacter | None:
        """Of the characters lately mentioned, the most salient of `gender` at `offset`."""
        best, best_score = None, 0.0
        for cid in self.ranked(8):
            ch = self.cast.characters[cid]
            if ch.gender != gender or (ch.role and not self._narrated_role(ch, gender)) \
                    or cid not in self.salience:
                continue
            score, at = self.salience[cid]
            score *= math.exp((at - offset) / SALIENCE_SPAN)
            if score > best_score:
                best, best_score = ch, score
        return best

    def touch(self, ch: CastCharacter, offset: int):
        # the dict's order is the recency order: latest last
        self.recent.pop(ch.id, None)
        self.recent[ch.id] = offset

    def ranked(self, n: int) -> list[int]:
        """Ids of the `n` characters mentioned or heard most recently, latest first."""
        return list(islice(reversed(self.recent), n))

    def most_recent(self, gender, exclude=(), strict=False) -> CastCharacter | None:
        characters = self.cast.characters
        for cid in self.ranked(12):
            ch = characters[cid]
            if ch in exclude or (ch.role and not self._narrated_role(ch, gender)):
                continue
            # (strict: of that gender, which is all compatible() would add)
            if ch.gender == gender if strict else ch.compatible(gender):
                return ch
        if strict or not self.protagonists:
            return None
        # Nobody of that gender on stage yet ("he" before any name): the book's most named
        # character of that gender, who is usually who an opening pronoun means.
        for ch in self.protagonists:
            if ch not in exclude and ch.gender == gender and not self._introduced_later(ch):
                return ch
        return None

    def _narrated_role(self, ch: CastCharacter, gender: str | None) -> bool:
        """Whether a role may be meant by a pronoun of `gender` (or a description of no sex):
        one the narration names ("the stranger") and gives a sex, that sex."""
        return ch.id in self.narrated_roles and ch.gender is not None \
            and (gender is None or ch.gender == gender)

    def _introduced_later(self, ch: CastCharacter) -> bool:
        """Whether the narration first mentions `ch` only pages after the text read so far:
        nobody speaks as "he" long before the text has met them."""
        first = self._first_mentions().get(ch.id)
        return first is not None and first > self.read_to + INTRODUCED_LATER

    def _first_mentions(self) -> dict:
        """Character id -> offset of its first narration mention (one pass over the mentions)."""
        if self._first_named is None:
            self._first_named = {}
            for at, who, _subj in self.mentions:
                if isinstance(who, CastCharacter):
                    self._first_named.setdefault(who.id, at)
        return self._first_named

    # -- helpers ---------------------------------------------------------------------------
    def speaker_at(self, k: int, conv: int) -> CastCharacter | None:
        if 0 <= k < len(self.turns) and self.turns[k].conv == conv:
            return self.turns[k].speaker
        return None

    def resolve_pronoun(self, k: int, gender: str | None, candidates_first=(),
                        verb: str | None = None, unfit=()) -> CastCharacter | None:
        turn = self.turns[k]
        prev = self.speaker_at(k - 1, turn.conv)
        exclude = set(turn.vocatives)
        if gender is not None:
            exclude |= self.narrators      # "he said" is never the one who tells "I said"
        if unfit:
            # ("the girl" is no Mrs., nor the grown-up the narration calls "the stranger")
            exclude |= {c for cid in self.ranked(12) for c in [self.cast.characters[cid]]
                        if c.titles & unfit or cid in self.narrated_roles}
        if verb in CONTINUING_VERBS and prev is not None and prev.compatible(gender) \
                and not _right_after(self.turns[k - 1], turn):
            return prev                     # "she added": the speaker goes on
        for ch in candidates_first:
            if isinstance(ch, CastCharacter) and ch.compatible(gender) and ch not in exclude:
                return ch
        if k > 0 and prev is not None and gender is not None:
            # "he replied" to a line that called someone by name
            for v in self.turns[k - 1].vocatives:
                v = self._role_kin(v, prev)
                if v is not prev and v.compatible(gender) and v not in exclude and v.gender:
                    return v
        before2 = self.speaker_at(k - 2, turn.conv)
        if ALTERNATE_FIRST and before2 is not None and before2 is not prev and before2.compatible(gender) \
                and before2 not in exclude and gender is not None:
            return before2
        ex = exclude | ({prev} if prev else set())
        if gender is not None and not any(
                self.cast.characters[cid].compatible(gender) and not self.cast.characters[cid].role
                for cid in self.ranked(12)):
            # nobody of that gender named yet: "a toddler's pout ... 'Daddy!' she sighs"
            described = self._introduced(turn, gender)
            if described is not None:
                return described
        ch = self.most_recent(gender, exclude=ex)
        if ch is None and prev is not None and prev.compatible(gender):
            return prev
        return ch

    def _known_role(self, described: str | None, gender: str) -> bool:
        """Whether a description ("the mariner") is a role character already met, of
        `gender`: the narration's last sentence is about them, after whoever it opened on
        ("Mr. Marvel blew out his cheeks. The mariner went red. / '...,' he said")."""
        if described is None:
            return False
        ch = self.roles.get(described.split(None, 1)[-1])
        return ch is not None and ch.gender == gender

    def _role_before_pronoun(self, turn: _Turn, gender: str) -> str | None:
        """A known role of `gender` ("the policeman") the narration's last but one sentence
        ends on, when the last opens on the tag's pronoun and names no one ("That annoyed the
        stranger. He stamped his foot. / '...,' he said")."""
        start = turn.quotes[0].start
        i = bisect.bisect_right(self._narration_starts, start) - 1
        if i < 0 or self.narration_spans[i].end < start - 3:
            return None
        text = self.narration_spans[i].text
        breaks = [m.end() for m in _NEXT_SENTENCE.finditer(text)]
        if not breaks:
            return None
        last = text[breaks[-1] - 1:]
        before = text[breaks[-2] - 1 if len(breaks) > 1 else 0:breaks[-1] - 1]
        if not last.startswith("He " if gender == "M" else "She ") \
                or next(self.cast.mentions(last), None) is not None or _PERSON_AFTER.search(last):
            return None
        found = None
        for found in _THE_ROLE.finditer(before):
            pass
        if found is None or next(self.cast.mentions(before[found.end():]), None) is not None:
            return None
        role = found.group(1)
        ch = self.roles.get(role)
        return "the " + role if ch is not None and ch.gender == gender else None

    def _chain_description(self, turn: _Turn, gender: str) -> str | None:
        """'The porter had been leaning on the wall. A bell rang. His cap was crooked, and he
        straightened it. / "It's late," he said': a description of someone opening a sentence
        of the narration right before the quote, when the sentences after it speak of someone
        of the tag's sex by pronouns only, is whom the pronouns go on meaning."""
        start = turn.quotes[0].start
        i = bisect.bisect_right(self._narration_starts, start) - 1
        if gender is None or i < 0 or self.narration_spans[i].end < start - 3:
            return None
        text = self.narration_spans[i].text
        cuts = [0, *(m.end() - 1 for m in _NEXT_SENTENCE.finditer(text)), len(text)]
        chain = False
        for a, b in reversed(list(zip(cuts, cuts[1:]))):
            sentence = text[a:b]
            if any(ch.compatible(gender) for _s, _e, ch in self.cast.mentions(sentence)):
                return None
            sentence = sentence.lstrip(" \t\r\n\"'\u201c\u201d")
            found = _DESCRIPTION_OPENING.match(sentence)
            head = found and self._person_word(found.group(2))
            if head:
                if not chain or not _compatible(PERSON_NOUNS.get(head[-1]), gender):
                    return None
                return "the " + " ".join(head)
            if _ANY_PRONOUN[gender].search(sentence):
                chain = True            # "He got down", "His face was working"
            elif _ANY_PERSON_WORD.search(sentence):
                return None             # about someone else
        return None

    def _person_word(self, words: str) -> list:
        """The words up to the noun of a person in a description ("little boy" of "little boy
        stepped"), or none."""
        words = words.split()
        for n, word in enumerate(words):
            if word in PERSON_NOUNS or castmod.is_occupation(word) \
                    or any(r.rsplit(None, 1)[-1] == word for r in self.roles):
                return words[:n + 1]
        return []

    def _introduced(self, turn: _Turn, gender: str) -> CastCharacter | None:
        """An unnamed person the narration just introduced ("a toddler", "an old woman") as a
        role character; a child of known sex is GIRL or BOY, as screenplays write it."""
        start = turn.quotes[0].start
        window = self.story.text[max(0, start - INTRODUCTION_WINDOW):start]
        found = None
        for m in _INTRODUCTION.finditer(window):
            head = m.group(2).lower()
            if PERSON_NOUNS.get(head) in (None, gender) and head in PERSON_NOUNS:
                found = m
        if found is None:
            return None
        pronoun = r"\b(?:he|him|his)\b" if gender == "M" else r"\b(?:she|her|hers)\b"
        if re.search(pronoun, window[found.end():], re.I):
            return None         # the pronoun already went on meaning someone else
        head = found.group(2).lower()
        role = CHILD_ROLE[gender] if head in CHILD_NOUNS else (found.group(1) or "") + head
        role = role.strip().lower()
        if role not in self.roles:
            ch = self.cast.new(role=role)
            ch.votes[gender] += 5
            self.roles[role] = ch
        return self.roles[role]

    def _last_opener(self, turn: _Turn, gender: str) -> CastCharacter | None:
        """The character named to open the last sentence of the narration before the turn
        with a subject of the tag's sex, shortly before it ("Mrs. Bennet was mindful of her
        civility, and they were invited to dine. / '...,' she added" is Mrs. Bennet's, however
        long the narration before was about someone else)."""
        start = turn.quotes[0].start
        for ch, pronoun, subject, offset in reversed(self.salient_touched):
            if subject and ch.gender == gender:
                if pronoun or subject != 2 or offset < start - LAST_OPENER_WINDOW \
                        or _APPOSITION_OPENING.search(self.story.text, max(0, offset - 60), offset) \
                        or _OBJECT_PRONOUN[gender].search(self.story.text, offset, start):
                    return None
                return ch
        return None

    def _described_subject(self, turn: _Turn, gender: str) -> str | None:
        """The description ("the stationmaster") opening the last sentence of the narration
        right before the turn, when it names an occupation (not "the girl", which any
        character may be called) of the tag's sex."""
        start = turn.quotes[0].start
        i = bisect.bisect_right(self._narration_starts, start) - 1
        if i < 0 or self.narration_spans[i].end < start - 3:
            return None
        text = self.narration_spans[i].text
        found = None
        for found in _DESCRIBED_OPENING.finditer(text):
            pass
        if found is None or _NEXT_SENTENCE.search(text, found.end()):
            return None
        rest = text[found.end():]
        if _PERSON_AFTER.search(rest) or next(self.cast.mentions(rest), None) is not None:
            return None         # "The maid went out, and the old lady turned to him."
        words = found.group(1).split()
        for n, word in enumerate(words):
            if word in GENERIC_PERSONS:
                return None
            if word in PERSON_NOUNS or castmod.is_occupation(word) \
                    or any(r.rsplit(None, 1)[-1] == word for r in self.roles):
                if n + 1 < len(words) and words[n + 1] in _NOT_A_VERB \
                        or not _compatible(PERSON_NOUNS.get(word), gender):
                    return None
                return "the " + " ".join(words[:n + 1])
        return None

    def resolve_np(self, k: int, subject: str) -> CastCharacter | None:
        det, head, role = _np_head(subject)
        gender = _noun_gender(head)
        turn = self.turns[k]
        prev = self.speaker_at(k - 1, turn.conv)
        if _introduces(det, head):
            # "said a sleepy-faced carpenter": someone the story brings in, no one named
            return self.role_character(" ".join(role.split()), gender)
        possessed = re.match(r"(.+?)['\u2019]s\s+([a-z][\w\-]*)\Z", " ".join(subject.split()))
        if possessed and possessed.group(1)[:1].isupper():
            # "cried Elizabeth's mother": her kin when the prose has them, else a role of its
            # own ("said Brenda's solicitor")
            owner = self.cast.lookup(clean_subject(possessed.group(1)))
            kin = self._kin(owner, head, gender) if owner is not None and head in KIN_WORDS \
                else None
            return kin or self.role_character(" ".join(subject.split()).lower(), gender)
        if det == "the" and role.split()[0] in _ORDINALS and len(role.split()) > 1 \
                and _describes_someone(head):
            # "the second gentleman", "the first policeman": one of several, told apart
            return self.role_character(role, gender)
        if head in _TITLED_BY and det in ("his", "her"):
            # "asked her ladyship": the titled lady of the scene, the latest if several
            titled = [c for c in self.cast.characters if c.titles & _TITLED_BY[head] and not c.role
                      and c is not prev and c not in turn.vocatives and c.id in self.recent]
            if titled:
                return max(titled, key=lambda c: self.recent[c.id])
        if det in ("his", "her") and head and not _person_head(head):
            # "his voice said", "her eyes asked": the owner speaks, as "he said" would
            focus = [c for c in turn.focus_tag if c.gender == {"his": "M", "her": "F"}[det]][:1]
            return self.resolve_pronoun(k, {"his": "M", "her": "F"}[det], focus)
        if det in ("his", "her", "their"):
            # "her mother": the mother of the latest woman, found through a shared surname;
            # "her ladyship", "his friend": someone of that gender besides the owner
            owner_gender = {"his": "M", "her": "F"}.get(det)
            owner = None
            if head in KIN_SIBLING and k > 0 and prev is not None:
                # "'Oh, Jane, ...' / 'Perhaps,' replied her sister": the sister the line before
                # called, before any sister found through the surname
                for v in self.turns[k - 1].vocatives:
                    if v is not prev and v not in turn.vocatives and v.compatible(gender) \
                            and v.gender and not v.role:
                        return v
            # whose: the one the line calls ("'Nonsense, Caroline,' cried her brother"), the
            # one it answers, else the latest of that gender
            owners = [*turn.vocatives, *([prev] if prev is not None else []),
                      *(self.cast.characters[cid] for cid in self.ranked(6))]
            for candidate in owners:
                if candidate.compatible(owner_gender) and not candidate.role:
                    owner = owner or candidate
                    kin = self._kin(candidate, head, gender) if head in KIN_WORDS else None
                    if kin is not None and (candidate is owner or candidate is prev
                                            or kin.id in self.ranked(12)):
                        self.kin_found = True
                        return kin
            exclude = ({owner} if owner else set()) | ({prev} if prev else set()) \
                | set(turn.vocatives)
            if k > 0 and prev is not None:
                # "'Oh, Jane, ...' / 'Wait,' replied her sister": the one the line before called
                for v in self.turns[k - 1].vocatives:
                    if v not in exclude and v.compatible(gender) and v.gender and not v.role:
                        return v
            bound = self._bound(det + " " + role, k) if role in _KIN_ELDERS else None
            if bound is not None and bound not in exclude and bound.id in self.ranked(12):
                # "said her aunt", whom the tags keep with one named speaker, when she is there
                return bound
            if gender is None and head in COMPANION_NOUNS:
                # "his friend", "her companion": most often one of the owner's own sex
                ch = self.most_recent(owner_gender, exclude=exclude)
                if ch is not None:
                    return ch
            ch = self.most_recent(gender, exclude=exclude)
            if ch is not None:
                return ch
        named = self.cast.lookup(subject.split(None, 1)[1]) if det == "the" and " " in subject \
            and subject.split(None, 1)[1][:1].isupper() else None
        if named is None and det == "the" and head and subject.split()[-1][:1].isupper():
            # "the Major": the character who carries that title, the latest if several
            titled = [c for c in self.cast.characters if head in c.titles and not c.role]
            if titled:
                named = max(titled, key=lambda c: self.recent.get(c.id, -1))
        if named is not None:
            return named                    # "the Dodger"
        if det == "the" and role == head and head in castmod.TITLE_GENDER:
            # "the doctor", "the colonel": whoever carries that title and was lately there
            # ("Dr. Bauerstein"), the latest if several
            titles = {head, *castmod.canonical_titles([head])}
            on_stage = set(self.ranked(12))
            titled = [c for c in self.cast.characters if c.titles & titles and not c.role
                      and c.id in on_stage and c not in turn.vocatives]
            if titled:
                return max(titled, key=lambda c: self.recent.get(c.id, -1))
        if det == "the" and castmod.is_occupation(head) \
                and self.description_counts[head] < RECURRING_DESCRIPTION:
            # "said the waiter" once or twice: the waiter, unless the text has told who is
            # called so ("Mr. Perry, the apothecary,") or the tags keep him with a named one
            apposed = self.appositions.get(role) or self.appositions.get(head) \
                or self._servant(k, head, gender)
            bound = self._bound(role, k) or apposed
            if bound is not None and bound is not prev and bound not in turn.vocatives \
                    and bound.compatible(gender) and bound.id in self.recent:
                # (someone the story has brought in by now); the text's own word
                # ("Dorcas, the parlourmaid,") is as good as a name
                self.apposed_found = bound is apposed
                return bound
            return self.role_character(role, gender)
        if head in PERSON_NOUNS or head in ROLE_NAMES:
            bound = self._bound(role, k) if det == "the" else None
            if bound is not None and bound not in turn.vocatives \
                    and (bound is not prev or self._same_tag(k, role)
                         or self.turns[k - 1].how in ("explicit", *GUESSED_TURNS)) \
                    and (bound.id in self.ranked(12)     # on stage: mentioned or heard lately
                         or self._named_soon(bound, turn.quotes[0].start)
                         or not self._on_stage(gender)):
                return bound
            if role in self.roles and not STICKY_LAST:
                return self.roles[role]
            if det == "the" and head not in GENERIC_PERSONS \
                    and self.description_counts[head] >= RECURRING_DESCRIPTION:
                # "the stranger", again and again: a character of its own, unless the tags
                # show the description keeps a named speaker's company
                return self._recurring(k, role, head, gender)
            if det == "the" and role == head:
                # "the gentleman" of an exchange where "the old gentleman" speaks too, and the
                # tags have told who the old gentleman is
                sibling = self._fuller_description(k, head)
                if sibling is not None and sibling is not prev and sibling not in turn.vocatives:
                    return sibling
            called = self._called_young(k, role, gender) if det == "the" and head in YOUNG_NOUNS \
                else None
            if called is not None:
                return called
            if det == "the" and role == head and head in YOUNG_NOUNS:
                # "the girl answers" where everyone of hers on stage is grown up: someone new
                newcomer = self._newcomer(k, gender)
                if newcomer is not None:
                    self.newcomer_found = True
                    return newcomer
            if det == "the" and role.split()[0] not in _ORDINALS and head not in KIN_WORDS:
                # "a stout man with a bunch of keys ... 'What now?' said the man": the unnamed
                # person the narration just brought in, called as it introduced them
                introduced = self._introduced_np(k, head, gender)
                if introduced is not None:
                    return introduced
            if det in ("the", "this", "that") and head not in ("other", "others"):
                # a definite description of someone in the exchange who is not the last speaker
                # (and of the right age: "the girl" is no Mrs., "the boy" no Mr.)
                focus = [c for c in turn.focus_tag if gender and c.gender == gender
                         and c is not prev and not (c.titles & _YOUNG_UNFIT.get(head, set()))][:1]
                ch = self.resolve_pronoun(k, gender, focus, unfit=_YOUNG_UNFIT.get(head, ()))
                if ch is not None and ch is not prev:
                    return ch
            return self.role_character(role, gender)
        if det == "the" and self.description_counts[head] >= RECURRING_DESCRIPTION:
            # "said the mariner", "the croupier cried", again and again: a person the story
            # does not name, unless the tags show the description keeps company with a named
            # speaker. (Said once, "the ancestress" is more likely someone named nearby.)
            return self._recurring(k, role, head, gender)
        if det in ("a", "an", "the") and head in VOICE_NOUNS:
            # "said a merry voice. Anne flew up, to find Mrs. Allan by her bed", "she heard a
            # voice outside. '...,' said the voice": an unseen speaker, whom the narration
            # after the line reveals (not the one who hears it)
            revealed = self._revealed(k)
            if revealed is not None:
                return revealed
        if det == "the" and _describes_someone(head) and head not in VOICE_NOUNS:
            focus = [c for c in turn.focus_tag if c is not prev and c.compatible(gender)][:1]
            return self.resolve_pronoun(k, gender, focus)
        return self.resolve_pronoun(k, gender)

    def _called_young(self, k: int, role: str, gender: str | None) -> CastCharacter | None:
        """'"Hush, Dick!" said Oliver. / "Nobody but me," replied the child': a description
        of the young answering a line that called someone by name is the one it called (of
        that sex, and no Mr. or Mrs.)."""
        turn = self.turns[k]
        prev = self.speaker_at(k - 1, turn.conv)
        if prev is None:
            return None
        for v in self.turns[k - 1].vocatives:
            if v is not prev and v not in turn.vocatives and not v.role and v.gender \
                    and _fits(v, role, gender):
                return v
        return None

    def _servant(self, k: int, head: str, gender: str | None) -> CastCharacter | None:
        """"The old servant" where the text has called someone on stage the parlourmaid, the
        butler ("Dorcas, the parlourmaid,"): the latest of them lately mentioned."""
        if head != "servant":
            return None
        on_stage = self.ranked(3)
        bound = {ch.id: ch for noun, ch in self.appositions.items()
                 if castmod.is_servant(noun.split()[-1]) and ch.compatible(gender)
                 and ch.id in on_stage}
        return next((bound[cid] for cid in on_stage if cid in bound), None)

    def _revealed(self, k: int) -> CastCharacter | None:
        """The first character the narration just after turn `k` names, other than the one
        who spoke before it."""
        turn = self.turns[k]
        # whoever has just been talking hears the voice ("'Yes,' replied a voice, which
        # Oliver thought he had heard before"); the narration names the listener first
        heard = {self.speaker_at(j, turn.conv) for j in range(k - 1, k - 1 - REVEAL_LISTENERS, -1)}
        end = turn.tag.subject_end
        offsets = self._mention_offsets
        for _at, ch, _subj in self.mentions[bisect.bisect_left(offsets, end):
                                            bisect.bisect_left(offsets, end + REVEAL_WINDOW)]:
            if isinstance(ch, CastCharacter) and ch not in heard and not ch.role:
                return ch
        return None

    def _recurring(self, k: int, role: str, head: str, gender: str | None) -> CastCharacter:
        """A description the tags keep using: the named speaker it is bound to when they have
        been there lately (and did not speak last, unless that turn's tag named them or was
        this same description: "said Mr. Losberne. ... said the doctor", "said the doctor.
        ... said the doctor" are one person), else a character of its own."""
        turn = self.turns[k]
        # the text's own word ("Mr. Wells, the lawyer,") before the company the tags keep
        bound = self.appositions.get(role) or self.appositions.get(head) or self._bound(role, k)
        if bound is None and role != head and not set(role.split()[:-1]) & _DISTINGUISHING:
            bound = self._bound(head, k)    # "the good doctor" is the doctor
        if bound is None and role == head and head in castmod.TITLE_GENDER:
            # "the doctor" again and again: the Dr. lately mentioned
            titles = {head, *castmod.canonical_titles([head])}
            titled = [c for c in self.cast.characters if c.titles & titles and not c.role
                      and c.id in self.recent]
            if titled:
                bound = max(titled, key=lambda c: self.recent[c.id])
        if bound is not None and bound not in turn.vocatives \
                and (bound.id in self.recent or self._named_soon(bound, turn.quotes[0].start)) \
                and (bound is not self.speaker_at(k - 1, turn.conv) or self._same_tag(k, role)
                     or self.turns[k - 1].how in ("explicit", *GUESSED_TURNS)):
            return bound
        return self.role_character(self.description_name(head), gender)

    def _on_stage(self, gender: str | None) -> bool:
        """Whether anyone named of `gender` was mentioned or heard lately."""
        characters = self.cast.characters
        return any(not c.role and c.gender and c.compatible(gender)
                   for c in (characters[cid] for cid in self.ranked(12)))

    def _named_soon(self, ch: CastCharacter, offset: int) -> bool:
        """Whether the narration first names `ch` a little after `offset`: "said the doctor"
        just before the text tells the doctor's name."""
        first = self._first_mentions().get(ch.id)
        return first is not None and offset < first <= offset + NAMED_SOON

    def _same_tag(self, k: int, role: str) -> bool:
        """Whether the turn before, in the same exchange, was tagged with description `role`."""
        if k == 0 or self.turns[k - 1].conv != self.turns[k].conv:
            return False
        tag = self.turns[k - 1].tag
        return tag is not None and not tag.named and _np_head(tag.subject)[2] == role

    def _newcomer(self, k: int, gender: str | None) -> CastCharacter | None:
        """'"And who is this?" / "I read them all," the boy answers': a description of the
        young that fits nobody of that sex on stage - each an adult, by a grown-up's title or
        as the one the narration calls "the man" - is someone new. They take the name the
        exchange gives next ("This is Ben.", "His name is Ben."), else are the child the
        narration brought in ("a toddler"), else nobody known."""
        turn = self.turns[k]
        start = turn.quotes[0].start
        on_stage = [c for cid in self.ranked(12) for c in [self.cast.characters[cid]]
                    if not c.role and c.gender and c.compatible(gender)
                    and self.recent[cid] >= start - NEWCOMER_WINDOW]
        untitled = [c for c in on_stage if not c.titles & ADULT_TITLES]
        if untitled:
            lo = start - NEWCOMER_WINDOW
            adult_nouns = {m.group(1) for span in self._narration_between(lo, start)
                           for m in _ADULT_NOUN.finditer(span.text, max(0, lo - span.start))}
            for sex in ("F", "M"):
                ones = [c for c in untitled if c.gender == sex]
                named_adult = adult_nouns & ({"woman", "lady"} if sex == "F" else {"man", "gentleman"})
                if len(ones) > 1 or (ones and not named_adult):
                    return None     # someone there may be the girl
        for t in self.turns[k + 1:k + 1 + NEWCOMER_TURNS]:
            if t.conv != turn.conv:
                break
            for q in t.quotes:
                for s, _e, ch in self.cast.mentions(q.text):
                    if _NAMES_SOMEONE.search(q.text, max(0, s - 30), s) and not ch.role \
                            and ch.compatible(gender) and ch not in on_stage:
                        return ch
        return self.roles.get(CHILD_ROLE.get(gender, ""))

    def _narration_between(self, lo: int, hi: int) -> list[Span]:
        """The narration spans that end after `lo` and start before `hi`."""
        i = bisect.bisect_left(self._narration_starts, hi)
        out = []
        while i > 0 and self.narration_spans[i - 1].end > lo:
            i -= 1
            out.append(self.narration_spans[i])
        return out

    def _fuller_description(self, k: int, head: str) -> CastCharacter | None:
        conv = self.turns[k].conv
        for step in (-1, 1):
            j = k + step
            while 0 <= j < len(self.turns) and self.turns[j].conv == conv:
                tag = self.turns[j].tag
                if tag is not None and not tag.named:
                    det, other_head, role = _np_head(tag.subject)
                    if det == "the" and other_head == head and role != head \
                            and role.split()[0] not in _ORDINALS and role in self.described:
                        return self._bound(role, j)
                j += step
        return None

    def _introduced_np(self, k: int, head: str, gender: str | None) -> CastCharacter | None:
        """The unnamed person the narration brought in just before "said the man": "a stout
        man with a bunch of keys" is STOUT MAN for the rest of the exchange; not when a name
        goes with the description or a name new to the scene turns up in the exchange."""
        turn = self.turns[k]
        key = (turn.conv, head)
        if key in self.np_introduced:
            return self.np_introduced[key]
        start = turn.quotes[0].start
        lo = start - INTRODUCTION_WINDOW
        found = None
        i = bisect.bisect_right(self._narration_starts, start) - 1
        while i >= 0 and self.narration_spans[i].end > lo:
            span = self.narration_spans[i]
            for m in _NP_INTRODUCTION.finditer(span.text):
                definite = m.group(1) == "the"
                words = [w for w in m.groups()[1:] if w]
                for j, noun in enumerate(words):
                    if (noun in PERSON_NOUNS and not definite) or castmod.is_occupation(noun):
                        break
                else:
                    continue
                if definite and (head not in _ANY_PERSON or noun == head):
                    continue    # "he asked the driver ... said the man": only so
                if noun in _NOT_HEADS or not _compatible(_noun_gender(noun), gender) \
                        or (noun != head and head not in _ANY_PERSON) \
                        or _NOT_INTRODUCING.search(span.text, 0, m.start()):
                    continue
                found = (span.start + m.start(j + 2), span.start + m.end(j + 2),
                         words[:j] + [noun])
            if found is not None:
                break
            i -= 1
        if found is None:
            return None
        begin, end, words = found
        after = self.story.text[end:min(start, end + 60)]
        after = after[:len(re.split(r"[.;!?]", after, 1)[0])]
        if any(ch.compatible(gender) and not ch.role for _s, _e, ch in self.cast.mentions(after)):
            return None     # "a young man, Mr. Brown,": a name goes with the description
        offsets = self._mention_offsets
        known = {ch for _o, ch, _subj in self.mentions[
            bisect.bisect_left(offsets, begin - INTRODUCTION_WINDOW):bisect.bisect_left(offsets, begin)]}
        # the whole exchange: a name new to the scene, in the narration, a tag or a call, is
        # more likely whom the description introduced ("a boy of nineteen ... Freddy")
        last = k
        while last + 1 < len(self.turns) and self.turns[last + 1].conv == turn.conv:
            last += 1
        first = k
        while first > 0 and self.turns[first - 1].conv == turn.conv:
            first -= 1
        scene_end = self.turns[last].quotes[-1].end
        named = [ch for _o, ch, _subj in self.mentions[
            bisect.bisect_left(offsets, end):bisect.bisect_left(offsets, scene_end)]]
        for t in self.turns[first:last + 1]:
            named += t.vocatives
            if t.how == "explicit" and t.speaker is not None:
                named.append(t.speaker)
        for ch in named:
            if isinstance(ch, CastCharacter) and ch not in known and not ch.role \
                    and ch.compatible(gender):
                return None
        role = " ".join([w for w in words[:-1] if not w.endswith("ly") and w not in _NOT_ADJ]
                        + words[-1:])
        ch = self.role_character(role, gender)
        self.np_introduced[key] = ch
        return ch

    def long_description(self, tag: Tag) -> str | None:
        """A description the text keeps writing in full, which names one person: "said the
        gentleman in the white waistcoat" (not "said the gentleman with the utmost gravity",
        written once)."""
        det, _head, role = _np_head(tag.subject)
        if det != "the":
            return None
        m = _POSTMODIFIER.match(self.story.text, tag.subject_end)
        if m is None:
            return None
        phrase = " ".join(f"{role} {m.group(1)} the {m.group(2)}".split())
        if phrase not in self.long_forms:
            self.long_forms[phrase] = \
                castmod._the_count(self.story.text, phrase.split()) >= LONG_DESCRIPTION
        return phrase if self.long_forms[phrase] else None

    def description_name(self, head: str) -> str:
        """The role cue of a recurring description: the wording the tags use most ("genial
        passenger"), the shortest of equals."""
        forms = self.description_forms.get(head)
        if not forms:
            return head
        return min(forms.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0]

    def role_character(self, role: str, gender: str | None) -> CastCharacter:
        if role in self.roles:
            return self.roles[role]
        ch = self.cast.new(role=role)
        if gender is None and role.replace(" ", "").replace("-", "").isalpha():
            # no sex in the noun ("the driver"): the pronouns the narration gives the role
            gender = castmod.role_gender(self.story.text, role)
            if gender:
                self.sexed_by_prose.add(ch.id)
        if gender:
            ch.votes[gender] += 5
        self.roles[role] = ch
        return ch

    def _role_kin(self, ch: CastCharacter, speaker: CastCharacter) -> CastCharacter:
        """'Papa' said by a Bennet is Mr. Bennet, when the prose has him."""
        role = next(iter(ch.forms), "").lower() if len(ch.forms) == 1 else ""
        gender = ROLE_NAMES.get(role)
        if role not in ROLE_NAMES or role in ("aunt", "auntie", "uncle", "nurse") or not gender:
            return ch
        kin = self._kin(speaker, "father" if gender == "M" else "mother", gender)
        return kin or ch

    def _kin(self, owner: CastCharacter, head: str, gender: str | None) -> CastCharacter | None:
        if not owner.surname or head not in KIN_SURNAME:
            return None
        if head == "husband" and owner.titles == {"miss"}:
            return None     # the Mr. of a Miss Woodhouse's surname is her father
        same = [c for c in self.cast.characters if c.surname == owner.surname and c is not owner
                and c.compatible(gender) and not c.role]
        title = KIN_PARENT.get(head)
        if title:
            titled = [c for c in same if title in c.titles]
            if titled:
                return max(titled, key=lambda c: self.recent.get(c.id, -1))
            return None
        if head in ("sister", "daughter"):
            # a Mrs. of the family's name is the mother ("her sister" of Elinor Dashwood is
            # no Mrs. Dashwood)
            same = [c for c in same if not _mostly_titled(c, {"mrs"})]
        if same:
            return max(same, key=lambda c: self.recent.get(c.id, -1))
        return None

    # -- passes ----------------------------------------------------------------------------
    def explicit(self):
        for turn in self.turns:
            tag = turn.tag
            if tag is None:
                continue
            if tag.subject in ("I", "we") and tag.subject == "I":
                turn.speaker, turn.how = self.cast.narrator(), "explicit"
            elif tag.named and not re.search(r"['\u2019]s\b", tag.subject):
                ch = self.cast.lookup(clean_subject(tag.subject))
                if ch is None:
                    ch = self.cast.new([clean_subject(tag.subject)])
                turn.speaker, turn.how = ch, "explicit"
            elif tag.subject in ROLE_NAMES:
                # "said nanny": the character the prose calls Nanny, else a role of that name
                ch = self.cast.lookup(tag.subject.capitalize()) \
                    or self.role_character(tag.subject, ROLE_NAMES[tag.subject])
                turn.speaker, turn.how = ch, "explicit"
            elif tag.designation is not None:
                ch = self.designated(tag.designation[0])
                if ch is not None:
                    turn.speaker, turn.how = ch, "explicit"

    def designated(self, name: str) -> CastCharacter | None:
        """The character a capitalised description names: "the Mock Turtle", "the
        irrepressible Thomas"; "the Major" is whoever carries that title (the latest if
        several), else a character of that name."""
        words = name.split()
        if len(words) == 1 and words[0].lower() in castmod.TITLE_GENDER:
            # whoever the prose names so most: "the General" of a book that calls him so
            # two hundred times, "the Major" who is Major Callendar
            titled = [c for c in self.cast.characters if words[0].lower() in c.titles
                      and not c.role]
            bare = self.cast.lookup(name)
            candidates = titled + ([bare] if bare is not None and bare not in titled else [])
            if candidates:
                return max(candidates, key=lambda c: (sum(c.forms.values()),
                                                      self.recent.get(c.id, -1)))
            return self.cast.new([name])
        return self.cast.lookup(name)

    def learn_descriptions(self):
        self.tagged = {t.speaker.id for t in self.turns if t.how == "explicit" and t.speaker}
        """Bind a description used in tags ("the doctor", "the old gentleman") to the named
        speaker it keeps company with: the character whose explicitly tagged conversations
        overlap most (Dice coefficient) with the conversations where the description speaks.
        Learned from this text's own tags; a protagonist present everywhere scores low."""
        desc_convs: dict[str, set] = {}
        char_convs: dict[int, set] = {}
        self.description_counts = Counter()
        self.description_forms = {}
        for t in self.turns:
            if t.tag is None or t.tag.named:
                continue
            det, head, role = _np_head(t.tag.subject)
            if det == "the" and _describes_someone(head):
                self.description_counts[head] += 1
                self.description_forms.setdefault(head, Counter())[role] += 1
        for turn in self.turns:
            tag = turn.tag
            if turn.how == "explicit" and turn.speaker is not None:
                char_convs.setdefault(turn.speaker.id, set()).add(turn.conv)
            elif tag is not None and not tag.named:
                det, head, role = _np_head(tag.subject)
                if det == "the" and (head in PERSON_NOUNS or head in ROLE_NAMES
                                     or _describes_someone(head)):
                    desc_convs.setdefault(role, set()).add(turn.conv)
                elif det in ("his", "her") and role in _KIN_ELDERS:
                    desc_convs.setdefault(det + " " + role, set()).add(turn.conv)
        # A description that answers a named speaker, or is answered by one, is someone else:
        # the croupier who calls the grandmother's numbers is not the grandmother.
        replies: Counter = Counter()
        for a, b in zip(self.turns, self.turns[1:]):
            if a.conv != b.conv:
                continue
            for one, other in ((a, b), (b, a)):
                if one.how == "explicit" and one.speaker is not None and other.tag is not None \
                        and not other.tag.named:
                    det, _head, role = _np_head(other.tag.subject)
                    if det == "the":
                        replies[(role, one.speaker.id)] += 1
                    elif det in ("his", "her") and role in _KIN_ELDERS:
                        replies[(det + " " + role, one.speaker.id)] += 1
        for role, convs in desc_convs.items():
            if len(convs) < 2:
                continue
            gender = _noun_gender(role.split()[-1])
            best, best_score = None, 0.0
            for cid, theirs in char_convs.items():
                ch = self.cast.characters[cid]
                shared = len(convs & theirs)
                if shared < 2 or ch.role or ch.narrator or not _fits(ch, role, gender):
                    continue
                dice = 2 * shared / (len(convs) + len(theirs))
                if dice > best_score:
                    best, best_score = ch, dice
            if best is not None and best_score >= DESCRIPTION_DICE \
                    and replies[(role, best.id)] * 2 < len(convs & char_convs[best.id]):
                self.described[role] = best
        self._learn_by_turns()
        self._learn_locally(desc_convs, char_convs, replies)
        self._drop_aged_against_young()
        self._narrate_roles()
        self._narrate_bound()

    def _drop_aged_against_young(self):
        """"The young woman, Rachael" is no "old woman": an elder description ("the old
        woman", "the elderly gentleman") bound to someone the text calls young in apposition
        is someone else. One pass over the text for "the young woman, NAME" / "NAME, a
        young woman"; only when an elder binding exists."""
        elder = {r for r in self.described if r.split()[0] in _ELDER_WORDS}
        if not elder:
            return
        text, young = self.story.text, set()
        for m in _YOUNG_APPOSED.finditer(text):
            before = text[max(0, m.start() - 6):m.start()]
            if _THE_BEFORE.search(before) and text.startswith(",", m.end()):
                # "the young woman, NAME"
                after = _SPACES.match(text, m.end() + 1).end()
                found = next(iter(self.cast.mentions(text[after:after + 40])), None)
                if found is not None and found[0] == 0:
                    young.add(found[2].id)
            elif (comma := _COMMA_A_BEFORE.search(before)) is not None:
                # "NAME, a young woman"
                at = m.start() - len(comma.group(0))
                found = list(self.cast.mentions(text[max(0, at - 40):at]))
                if found and found[-1][1] == min(40, at):
                    young.add(found[-1][2].id)
        for role in elder:
            if self.described[role].id in young:
                del self.described[role]
        for key in [k for k, ch in self.described_in.items() if k[0] in elder
                    and ch.id in young]:
            del self.described_in[key]

    def _narrate_roles(self):
        """'The stranger laughed. ... "Was he?" he said': a description the tags keep using
        for someone the story does not name ("said the stranger", again and again) names them
        in the narration too. Its mentions there keep that person in focus, as a name would,
        so the narration's pronouns may mean them."""
        heads = {}
        for head, n in self.description_counts.items():
            if n < RECURRING_DESCRIPTION or head in GENERIC_PERSONS or head in VOICE_NOUNS \
                    or not (head in PERSON_NOUNS or castmod.is_occupation(head)) \
                    or self.appositions.get(head) \
                    or any(role in self.described for role in self.description_forms[head]):
                continue
            heads[head] = None
        if not heads:
            return
        def who(head, _offset):
            ch = heads[head]
            if ch is None:
                ch = heads[head] = self.role_character(self.description_name(head),
                                                       _noun_gender(head))
                self.narrated_roles.add(ch.id)
            return ch
        self._mention_descriptions(heads, who)

    def _learn_locally(self, desc_convs: dict, char_convs: dict, replies: Counter):
        """The same words mean different people in different stretches of a book ("the old
        lady" is the housekeeper in one part, the hostess in another): in each conversation
        of a bound description, its nearest conversations (BINDING_STRETCH on either side)
        rebind it to the named speaker tagged in more of them than the book-wide binding,
        when the turn-taking there makes them the same voice (two turns away) more than it."""
        for role, convs in desc_convs.items():
            bound = self.described.get(role)
            if bound is None or len(convs) < 3:
                continue
            gender = _noun_gender(role.split()[-1])
            fitting = [(ch, char_convs[ch.id]) for ch in map(self.cast.characters.__getitem__,
                                                             char_convs)
                       if ch is not bound and not ch.role and not ch.narrator
                       and _fits(ch, role, gender)]
            ordered = sorted(convs)
            for i, conv in enumerate(ordered):
                near = ordered[max(0, i - BINDING_STRETCH):i + BINDING_STRETCH + 1]
                local, lo, hi = set(near), near[0], near[-1]
                held = len(local & char_convs.get(bound.id, set()))
                best, best_score = None, (max(held + 1, 2), 0.0)
                for ch, theirs in fitting:
                    shared = len(local & theirs)
                    if shared < best_score[0]:
                        continue
                    dice = 2 * shared / (len(local) + sum(lo <= c <= hi for c in theirs))
                    if (shared, dice) > best_score:
                        best, best_score = ch, (shared, dice)
                if best is None or best_score[1] < DESCRIPTION_DICE \
                        or replies[(role, best.id)] * 2 >= best_score[0]:
                    continue
                votes = Counter()
                for c in near:
                    votes.update(self.conv_votes.get((role, c), {}))
                if votes[best] > max(0.0, votes[bound]):
                    self.described_in[(role, conv)] = best

    def _bound(self, role: str, k: int) -> CastCharacter | None:
        """The character a description is bound to where turn k is (see _learn_locally)."""
        return self.described_in.get((role, self.turns[k].conv)) or self.described.get(role)

    def _narrate_bound(self):
        """'The old lady smiled. ... "So it is," she said': a description of some words
        bound to a named speaker names that person in the narration too, as bound in that
        stretch of the book (a noun alone, "the lady", "the whelp", is too loose for it)."""
        roles = {r: b for r, b in self.described.items() if " " in r
                 and r.split()[-1] in PERSON_NOUNS and r.split()[0] not in _ORDINALS
                 and r.split()[0] not in ("other", "same", "his", "her")}
        if not roles:
            return
        starts = [t.quotes[0].start for t in self.turns]

        def who(role, offset):
            at = bisect.bisect_right(starts, offset) - 1
            conv = self.turns[at].conv if at >= 0 else None
            return self.described_in.get((role, conv)) or roles[role]
        self._mention_descriptions(roles, who)

    def _mention_descriptions(self, phrases, who):
        """Mentions of "the <phrase>" in the narration (each of `phrases`, its spaces any white
        space), for the character who(phrase, offset) says it names there, as a name's."""
        words = "|".join(re.escape(r).replace(r"\ ", r"\s+")
                         for r in sorted(phrases, key=len, reverse=True))
        pattern = re.compile(r"[Tt]he\s+(%s)(?![\w\-'\u2019])" % words)
        events = []
        for span in self.narration_spans:
            text, base = span.text, span.start
            for m in pattern.finditer(text):
                if not castmod._word_start(text, m.start()):
                    continue
                ch = who(" ".join(m.group(1).split()), base + m.start())
                subject = _subject_like(text, m.start(), m.end()) \
                    and (1 + _opens_sentence(text, m.start(), True))
                events.append((base + m.start(), ch, subject))
        if events:
            self.mentions = sorted(self.mentions + events, key=itemgetter(0))
            self._mention_offsets = [m[0] for m in self.mentions]

    def _learn_by_turns(self):
        """Bind descriptions by turn-taking too: a named speaker tagged two turns before or
        after "the young girl" is her (the exchange alternates), one turn away is the other
        party. A binding the turns support (in two conversations at least) wins; one they
        contradict is dropped."""
        votes: dict[str, Counter] = {}
        convs: dict[tuple, set] = {}
        turns = self.turns
        for i, turn in enumerate(turns):
            tag = turn.tag
            if tag is None or tag.named or turn.how == "explicit":
                continue
            det, head, role = _np_head(tag.subject)
            if det != "the" or not (head in PERSON_NOUNS or head in ROLE_NAMES
                                    or _describes_someone(head)):
                continue
            for d in (-3, -2, -1, 1, 2, 3):
                j = i + d
                if not 0 <= j < len(turns) or turns[j].conv != turn.conv \
                        or turns[j].how != "explicit" or turns[j].speaker is None:
                    continue
                other = turns[j].speaker
                same = d % 2 == 0
                votes.setdefault(role, Counter())[other] += (1.0 if same else -1.0) / abs(d)
                self.conv_votes.setdefault((role, turn.conv), Counter())[other] += \
                    (1.0 if same else -1.0) / abs(d)
                if same:
                    convs.setdefault((role, other.id), set()).add(turn.conv)
        for role, v in votes.items():
            bound = self.described.pop(role, None)
            gender = _noun_gender(role.split()[-1])
            fits = [(score, -ch.id, ch) for ch, score in v.items()
                    if not ch.role and not ch.narrator and _fits(ch, role, gender)]
            score, _id, ch = max(fits, key=lambda f: f[:2]) if fits else (0.0, 0, None)
            if score >= TURN_VOTES and len(convs.get((role, ch.id), ())) >= 2:
                self.described[role] = ch
            elif bound is not None and v[bound] >= -TURN_VOTES:
                self.described[role] = bound

    def sweep(self):
        self.narrators = {c for c in self.cast.characters if c.narrator}
        for k, turn in enumerate(self.turns):
            # who the narration since the last quote was about, latest first (a pronoun
            # there means whoever of that gender was in focus)
            self.salient_touched = []
            # (a tag in narration after its turn's first quote that names someone: '"England
            # holds India." Fielding would not say it. He said, "..."' - the narration up to
            # the tag; pronouns alone there only go on meaning whoever they meant before)
            at = turn.quotes[0].start
            if turn.tag is not None and turn.tag.start > turn.quotes[0].end and next(
                    self.cast.mentions(self.story.text[turn.quotes[0].end:turn.tag.start]),
                    None) is not None:
                at = turn.tag.start
            touched = self.advance(at)
            turn.focus = _by_salience(touched)
            turn.focus_tag = self._focus_near(self.salient_touched, at)
            for gender in ("M", "F"):
                opener = self._last_opener(turn, gender)
                if opener is not None:
                    turn.opened_on.append(opener)
                    # first of its sex, where the first of that sex was (a description's
                    # tag, of no sex, still goes by the order of them all)
                    rest = [c for c in turn.focus_tag if c is not opener]
                    at = next((i for i, c in enumerate(rest) if c.gender == gender), len(rest))
                    turn.focus_tag = rest[:at] + [opener] + rest[at:]
            if turn.speaker is None:
                turn.speaker, turn.how = self.decide(k)
                if turn.how == "np":
                    # "said the old lady": the decoder keeps the description's sex
                    turn.tag_gender = _noun_gender(_np_head(turn.tag.subject)[1])
            if turn.speaker is not None and turn.tag is not None and not turn.tag.named \
                    and _np_head(turn.tag.subject)[1] in YOUNG_NOUNS:
                self.young.add(turn.speaker.id)     # "the girl answers": a child
            # only a tagged speaker is known to be there: a guess that put someone on
            # stage would steer the narration's pronouns to them
            if turn.speaker is not None and turn.how == "explicit":
                self.touch(turn.speaker, turn.quotes[0].start)
            # past the tag too: "..." said Mrs. Hilbery' names this speaker, not the focus
            # of the narration before the next quote
            end = turn.quotes[-1].end
            if turn.tag is not None:
                end = max(end, turn.tag.subject_end)
            self.advance(end)
            self.paragraph_speaker = None
            if turn.speaker is not None and turn.speaker.gender and turn.how == "explicit" \
                    and turn.paragraph.spans[-1].kind == "narration":
                self.paragraph_speaker = (turn.paragraph.end, turn.speaker)
        self._consistent_descriptions()

    def _consistent_descriptions(self):
        """One description is one person through an exchange: the turns tagged "the old
        lady" in one conversation (three or more) take the speaker most of them were read
        as, when most agree."""
        groups: dict = {}
        for turn in self.turns:
            if turn.how != "np" or turn.speaker is None:
                continue
            det, head, role = _np_head(turn.tag.subject)
            if det == "the" and head in PERSON_NOUNS and head not in ("other", "others"):
                groups.setdefault((turn.conv, role), []).append(turn)
        for members in groups.values():
            if len(members) < 3:
                continue
            votes = Counter(t.speaker for t in members).most_common(2)
            if len(votes) > 1 and votes[0][1] > votes[1][1]:
                for t in members:
                    t.speaker = votes[0][0]

    def decide(self, k: int):
        turn = self.turns[k]
        prev = self.speaker_at(k - 1, turn.conv)
        if turn.continued and prev is not None:
            return prev, "continued"
        tag = turn.tag
        if turn.lead and isinstance(turn.lead[0], _Relation):
            # (resolved here once, for the decoder too)
            turn.lead = [x for x in (self._as_char(x, k) for x in turn.lead) if x is not None]
        lead = [self._as_char(x, k) for x in turn.lead]
        lead = [x for x in lead if x is not None]
        before = [] if turn.lead else [x for x in turn.before if x is not prev]
        if tag is not None:
            subj = tag.subject.lower()
            if subj in PRONOUNS:
                # a pronoun opening the narration is the tag's pronoun again: only names count
                named = [x for x in turn.lead if isinstance(x, CastCharacter)]
                # else whoever of that gender the narration since the last quote was most
                # about ("Fanny had been crying. She would not look up ... Mrs. Norris was by
                # the window. / '...,' she said" is Fanny, though Mrs. Norris was named last)
                focus = [c for c in turn.focus_tag if c.gender == PRONOUNS[subj]][:1]
                described = self._described_subject(turn, PRONOUNS[subj])
                if named and not self._known_role(described, PRONOUNS[subj]):
                    described = None
                if described is None and not named:
                    described = self._role_before_pronoun(turn, PRONOUNS[subj]) \
                        or self._chain_description(turn, PRONOUNS[subj])
                if described is not None:
                    # "The stationmaster whistled. / '...,' he said": the one just described
                    ch = self.resolve_np(k, described)
                    if ch is not None:
                        # read as the description's tag would be ("said the stationmaster"),
                        # a role met often ("said the mariner" again and again) as fixed
                        if ch.role and self._known_role(described, PRONOUNS[subj]) \
                                and self.description_counts[_np_head(described)[1]] \
                                >= RECURRING_DESCRIPTION:
                            return ch, "described"
                        return ch, "np"
                return self.resolve_pronoun(k, PRONOUNS[subj], named + focus + before,
                                            tag.lemma), "pronoun"
            long_form = self.long_description(tag)
            if long_form is not None:
                return self.role_character(long_form, _noun_gender(_np_head(tag.subject)[1])), "np"
            self.kin_found = self.newcomer_found = self.apposed_found = False
            ch = self.resolve_np(k, tag.subject)
            if self.apposed_found:
                return ch, "described"
            if self.newcomer_found:
                # a newcomer puts in a word: the exchange of the two before goes on
                return ch, "role"
            if self.kin_found and _np_head(tag.subject)[1] in KIN_PARENT:
                # "her mother" of a Bennet, when the prose has a Mrs. Bennet: as good as a name
                return ch, "kin"
            if ch is not None and ch.role and self._bystander(k, ch):
                return ch, "role"
            head = _np_head(tag.subject)[1]
            if ch is not None and ch.role and head not in GENERIC_PERSONS \
                    and head not in VOICE_NOUNS \
                    and self.description_counts[head] >= RECURRING_DESCRIPTION:
                # "said the mariner" again and again, bound to no named speaker: a
                # character of its own, fixed like a name
                return ch, "described"
            return ch, "np"
        if lead and lead[0] not in turn.vocatives:
            return lead[0], "lead"
        after = [self._as_char(x, k) for x in turn.after]
        after = [x for x in after if x is not None and x not in turn.vocatives]
        if after:
            return after[0], "after"
        turn.turned_to = self._turned_to(k)
        if turn.turned_to:
            return turn.turned_to[0], "turned-to"
        turn.carried_off = self._carried_off(k)
        exclude = set(turn.vocatives) | set(turn.carried_off)
        deed = conversation.answered_by_deed(turn, self.turns[k - 1] if k else None)
        if deed is not None and deed[1] not in exclude:
            return deed[1], "narration-before"
        if k > 0 and prev is not None:
            called = [self._role_kin(v, prev) for v in self.turns[k - 1].vocatives]
            # a name only ever called, never tagged as speaking nor named in the narration,
            # is a nickname ("Time for bed, Bogie.")
            called = [v for v in called if v is not prev and v not in exclude
                      and (v.id in self.tagged or v.id in self.narrated or v.role)]
            if called:
                return called[0], "vocative"
        before = [x for x in before if x not in exclude]
        if before:
            return before[0], "narration-before"
        before2 = self.speaker_at(k - 2, turn.conv)
        if k > 1 and self.turns[k - 2].how == "role":
            # a bystander put in a word ("protested the judge"): the exchange goes on
            # between the two who were talking before
            before2 = self.speaker_at(k - 3, turn.conv)
        anchor = self._next_anchor(k)
        if anchor is not None and anchor not in exclude and anchor is not prev:
            return anchor, "alternate-anchor"
        if before2 is not None and before2 is not prev and before2 not in exclude:
            return before2, "alternate"
        nxt, nxt2 = self.speaker_at(k + 1, turn.conv), self.speaker_at(k + 2, turn.conv)
        if nxt2 is not None and nxt2 is not nxt and nxt2 not in exclude:
            return nxt2, "alternate-back"
        ex = exclude | ({prev} if prev else set())
        if nxt is not None and nxt not in ex:
            ex = ex | {nxt}
        for j in range(k - 2, max(-1, k - 12), -1):     # the last other voice of the exchange
            other = self.speaker_at(j, turn.conv)
            if other is not None and other not in ex and self.turns[j].how != "role":
                return other, "fallback"
        ch = self.most_recent(None, exclude=ex)
        if ch is not None:
            return ch, "recent"
        return prev, "fallback"

    def _carried_off(self, k: int) -> list:
        """'"Nell, bedtime." / "But I'm not--" / "No arguing." He lifts her up into his
        arms.': the child who spoke before is carried off, and the next line is the grown-ups'
        again (a child: one the narration calls "the girl" or "the boy" when speaking)."""
        if k < 2:
            return []
        prev = self.turns[k - 1]
        child = self.speaker_at(k - 2, self.turns[k].conv)
        if prev.carries is None or prev.conv != self.turns[k].conv or child is None \
                or child.id not in self.young or child.gender != prev.carries \
                or child is prev.speaker:
            return []
        return [child]

    def _turned_to(self, k: int) -> list:
        """'Nell walks up to Clara and tugs at her sleeve. Clara looks back at the child and
        kneels. / "Hey, you." / "Is it sore?"': a paragraph of narration in which one
        person (opening its first sentence) turns to another, who (opening its last
        sentence) turns back to them and speaks first - the line after is the first one's
        answer. In the last sentence the first person may be named, or, when they are the
        young one of the scene, called "the child", "the girl" or "the boy"."""
        if k == 0:
            return []
        turn, prev = self.turns[k], self.turns[k - 1]
        if prev.conv != turn.conv or not prev.between or turn.between or turn.tag is not None \
                or len(prev.before) < 2 or prev.speaker is not prev.before[0]:
            return []
        first = prev.before[1]
        if first in turn.vocatives or not isinstance(first, CastCharacter):
            return []
        last = prev.before_last
        again = any(ch is first for s, _e, ch in self.cast.mentions(last) if s > 0)
        if not again and first.id in self.young:
            young = {n for n, g in YOUNG_NOUNS.items() if first.compatible(g)}
            again = any(m.group(1) in young for m in _THE_YOUNG.finditer(last))
        return [first] if again else []

    def _relative(self, rel: _Relation, k: int) -> CastCharacter | None:
        """Who "Tom's younger double" is: kin the prose names by the owner's surname;
        else, for a child, the young one of the exchange (spoken of as "the girl", "the
        boy") latest heard; else nobody known - never the owner."""
        if rel.noun in KIN_SURNAME:
            kin = self._kin(rel.owner, rel.noun, rel.gender)
            if kin is not None:
                return kin
        if not rel.young:
            return None
        conv = self.turns[k].conv
        for j in range(k - 1, max(-1, k - RELATION_TURNS), -1):
            ch = self.speaker_at(j, conv)
            if ch is not None and ch is not rel.owner and ch.id in self.young \
                    and ch.compatible(rel.gender):
                return ch
        return None

    def _bystander(self, k: int, role: CastCharacter) -> bool:
        """Whether a description tag's role character ("said the waiter", once or twice) is
        someone of its own, as sure as a name: not a person noun any character may be called
        by ("the old man"), not one the tags keep using, and not answering a line that
        called someone by name ('"Thank you, Simkin." / "Thank you, ma'am," returned the
        porter' is Simkin). Fixed like a name, the decoder leaves it be."""
        det, head, _role = _np_head(self.turns[k].tag.subject)
        if _introduces(det, head):
            return True
        if head in GENERIC_PERSONS or self.description_counts[head] >= RECURRING_DESCRIPTION:
            return False
        prev = self.turns[k - 1] if k > 0 and self.turns[k - 1].conv == self.turns[k].conv \
            else None
        # (the noun's sex only: "the schoolmaster" the book calls "he" may be the named man
        # the line before called by name)
        sex = None if role.id in self.sexed_by_prose else role.gender
        return prev is None or not any(v is not prev.speaker and v.compatible(sex)
                                       for v in prev.vocatives)

    def _next_anchor(self, k: int) -> CastCharacter | None:
        """In an untagged run, the turns alternate from whichever tagged line is nearer: when
        the next explicitly tagged turn is closer than the last one, count back from it (a
        line an even number of turns before it is that speaker's)."""
        conv = self.turns[k].conv
        back = next((k - j for j in range(k - 1, -1, -1)
                     if self.turns[j].conv != conv or self.turns[j].how == "explicit"), k + 1)
        for j in range(k + 1, min(len(self.turns), k + back)):
            t = self.turns[j]
            if t.conv != conv:
                return None
            if t.how == "explicit":
                return t.speaker if (j - k) % 2 == 0 else None
            if t.tag is not None or t.lead:
                return None             # other evidence in between: the run is broken
        return None

    def _as_char(self, x, k: int):
        if isinstance(x, CastCharacter):
            return x
        if isinstance(x, _Relation):
            return self._relative(x, k)
        if x in ("i", "my"):
            return self.cast.narrator()
        gender = {"he": "M", "his": "M", "she": "F", "her": "F"}.get(x)
        if gender is None:
            return None
        # "She turned round.": whoever of that gender the narration was most about
        focus = [c for c in self.turns[k].focus if c.gender == gender][:1]
        return self.resolve_pronoun(k, gender, focus)


# A name set off in a quotation: "Jess, oh my god!", "Sit down, Alexis Ivanovitch."
_VOCATIVE_NAME = r"((?:(?:Mr|Mrs|Miss|Dr)\.?\s+)?[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})(?=\s*[,!?])"
_VOCATIVE = re.compile(r"(?:^|[,.!?]\s+)" + _VOCATIVE_NAME)
# The same in two parts, which find what it finds twice as fast: at the start, and after a
# mark (a pattern that starts with a mark lets the regex engine skip ahead to marks).
_VOCATIVE_FIRST = re.compile(_VOCATIVE_NAME)
_VOCATIVE_AFTER = re.compile(r"[,.!?]\s+" + _VOCATIVE_NAME)


def _vocative_names(text: str):
    """What `_VOCATIVE.finditer(text)` finds, as its names."""
    first = _VOCATIVE_FIRST.match(text)
    if first is not None:
        yield first.group(1)
    for m in _VOCATIVE_AFTER.finditer(text, first.end() if first is not None else 0):
        yield m.group(1)


# "my dear Fanny;", "dearest Kitty." -- a name after an endearment is called, whatever mark
# follows it (a mark before it is no part of it, as in "Yes, my dear Fanny;").
_ENDEARED = re.compile(r"[Dd]ear(?:est)?\s+((?:(?:Mr|Mrs|Miss|Dr)\.?\s+)?[A-Z][a-z]+)(?=\s*[,;:!?.\u2014-])")


def _endeared_names(text: str):
    """Names an endearment calls ("my dear Fanny;"): "dear" a word of its own."""
    if "ear" not in text:
        return                  # (most quotes: a substring test is cheaper than the regex)
    for m in _ENDEARED.finditer(text):
        if castmod._word_start(text, m.start()):
            yield m.group(1)


def discover_cast(story: Story) -> Cast:
    """Cast discovery: tag subjects and vocatives are the evidence that a name is a person."""
    evidence = Counter()
    tagged = Counter()
    designations = Counter()
    for para in story.paragraphs():
        for i, span in enumerate(para.spans):
            if span.kind != "quote":
                continue
            tag = find_tag(para, i)
            designation = tag.designation if tag is not None else None
            if tag is not None and tag.named:
                evidence[clean_subject(tag.subject)] += 1
                tagged[clean_subject(tag.subject)] += 1
            elif designation is not None:
                evidence[castmod.norm(designation[0])] += 1       # "the irrepressible Thomas"
                if designation[1]:
                    designations[castmod.norm(designation[0])] += 1     # "the Mock Turtle"
            for name in _vocative_names(span.text):
                evidence[castmod.norm(name)] += 1
            for name in _endeared_names(span.text):
                evidence[castmod.norm(name)] += 1
    cast = discover(story.text, evidence, designations, tagged)
    # Pronouns count in narration only: a name called in a quote is followed by the
    # speaker's pronoun ("Rory?" he asks).
    narration = "\n".join("".join(s.text if s.kind == "narration" else " \u2014 " for s in p.spans)
                          for p in story.paragraphs())
    vote_gender(cast, narration)
    castmod.given_name_gender(cast)
    castmod.merge_titled(cast)
    aliases.merge_aliases(cast)         # "Lizzy", "Eliza" and "Sir William" of their people
    aliases.merge_introduced_nicknames(cast, story.text)
    castmod.settle_undecided(cast)
    castmod.disambiguate_given_names(cast)
    return cast


SELF_NAMED_GAP = 5000       # characters between two lines of one unnamed person in one scene


def _self_named(cast: Cast, turns: list[_Turn]) -> None:
    """"What name am I to ask for?" / "Monks!" rejoined the man: a person known by a
    description ("the stranger") who answers a question after their name with a bare name is
    that named character, in every line of theirs in that scene (lines no further apart than
    SELF_NAMED_GAP)."""
    for k in range(1, len(turns)):
        turn, asked = turns[k], turns[k - 1]
        if len(turn.quotes) != 1 or turn.tag is None or turn.tag.named \
                or turn.how not in ("np", "described", "role"):
            continue
        question = asked.quotes[-1].text
        if "name" not in question.lower() or "?" not in question:
            continue
        m = _ONLY_A_NAME.match(turn.quotes[0].text)
        named = cast.lookup(m.group(1).strip().rstrip(".,")) if m else None
        if named is None or named.role or named is asked.speaker:
            continue
        # "rejoined the man": the one known only by a description who spoke lately
        role = next((t.speaker for t in reversed(turns[max(0, k - 6):k])
                     if t.speaker is not None and t.speaker.role), None)
        if role is None:
            continue
        turn.speaker = named
        for step in (-1, 1):
            j, last = k, turn.quotes[0].start
            while 0 <= j < len(turns) and abs(turns[j].quotes[0].start - last) <= SELF_NAMED_GAP:
                if turns[j].speaker is role:
                    turns[j].speaker, last = named, turns[j].quotes[0].start
                j += step


def _called_roles(turns: list[_Turn]) -> None:
    """"Anything new, Ben?" asked the game-keeper. / "Nothing," replied the guard: someone the
    lines call by a name but who never speaks under it, while a person known only by a
    description ("the guard") answers such a call or has just spoken, twice and more, is that
    person, in every line of theirs in that scene (lines no further apart than SELF_NAMED_GAP)."""
    speaking = {t.speaker for t in turns}
    near: dict = defaultdict(Counter)
    for k, turn in enumerate(turns):
        for called in turn.vocatives:
            if called in speaking or called.role:
                continue
            for j in (k - 1, k + 1):
                if 0 <= j < len(turns) and turns[j].speaker is not None \
                        and turns[j].speaker.role and turns[j].speaker.compatible(called.gender):
                    near[called][(turns[j].speaker, k)] += 1
    for called, seen in near.items():
        roles = Counter(role for role, _k in seen)
        if len(roles) != 1 or sum(roles.values()) < 2:
            continue
        role = next(iter(roles))
        k = min(k for _r, k in seen)
        for step in (-1, 1):
            j, last = k, turns[k].quotes[0].start
            while 0 <= j < len(turns) and abs(turns[j].quotes[0].start - last) <= SELF_NAMED_GAP:
                if turns[j].speaker is role:
                    turns[j].speaker, last = called, turns[j].quotes[0].start
                j += step


def sieve_turns(story: Story, overrides=None):
    """The cast and the turns as the sieve reads them, before the conversation decoder."""
    cast = discover_cast(story)
    if overrides is not None:
        overrides.apply_to_cast(cast)
    turns = _turns(story, cast)
    sieve = _Sieve(story, cast, turns)
    sieve.explicit()
    sieve.learn_descriptions()
    sieve.sweep()
    return cast, turns, sieve


def decide(story: Story, cast: Cast, turns: list[_Turn], sieve: _Sieve) -> None:
    """The conversation decoder over the sieve's readings, then what only the whole exchange
    tells (a name given in answer, a role the lines call by name, the narrator's name)."""
    conversation.decode(turns, sieve.narrated, sieve.tagged)
    _self_named(cast, turns)
    for turn in turns:
        if turn.gives_name is not None:
            turn.speaker = turn.gives_name      # "What is your name?" / "Lottie Brand."
    _called_roles(turns)
    _name_narrator(story, cast, turns)


def attribute(story: Story, overrides=None) -> Attribution:
    cast, turns, sieve = sieve_turns(story, overrides)
    decide(story, cast, turns, sieve)
    result = Attribution()
    for ch in cast.characters:
        if ch.narrator:
            result.narrator = Character(name=ch.cue, aliases=ch.aliases, gender=ch.gender)
    cues = {}           # character -> cue (worked out from all its forms: once each)
    for turn in turns:
        ch = turn.speaker
        cue = UNKNOWN if ch is None else cues[ch] if ch in cues else cues.setdefault(ch, ch.cue)
        for q in turn.quotes:
            result.speakers[q.start] = cue
            result.evidence[q.start] = turn.how
            if turn.tag is not None:
                result.tags.setdefault(q.start, turn.tag)
    for para in story.paragraphs():          # tags of every quote, for the build stage
        for i, span in enumerate(para.spans):
            if span.kind == "quote" and span.start not in result.tags:
                tag = find_tag(para, i)
                if tag is not None:
                    result.tags[span.start] = tag
    if overrides is not None:
        overrides.apply_to_speakers(result.speakers)
    speaking = {}
    for turn in turns:
        ch = turn.speaker
        cue = result.speakers[turn.quotes[0].start]
        result.lines[cue] += len(turn.quotes)
        result.first.setdefault(cue, turn.quotes[0].start)
        if ch is not None and cues[ch] == cue:
            speaking.setdefault(cue, ch)
    result.cast = [Character(name=cue, aliases=speaking[cue].aliases if cue in speaking else [],
                             gender=speaking[cue].gender if cue in speaking else None)
                   for cue, _ in sorted(result.lines.items(), key=lambda kv: (-kv[1], kv[0]))]
    return result


def _name_narrator(story: Story, cast: Cast, turns: list[_Turn]):
    """A first-person narrator takes the name others call them by: the name most often used
    as a vocative in the lines spoken right before or after the narrator's own, provided no
    tag ever names that person as a speaker (a narrator is "I" in the tags)."""
    narrators = [c for c in cast.characters if c.narrator]
    if not narrators or narrators[0].forms:
        return
    narrator = narrators[0]
    votes = Counter()
    tagged = Counter(t.speaker.id for t in turns if t.speaker is not None and t.how == "explicit")
    for k, turn in enumerate(turns):
        if turn.speaker is not narrator:
            continue
        for j in (k - 1, k + 1):
            if 0 <= j < len(turns) and turns[j].conv == turn.conv and turns[j].speaker is not narrator:
                for v in turns[j].vocatives:
                    if v is not turns[j].speaker and not v.role and not v.narrator:
                        votes[v.id] += 1
    if not votes:
        return      # (before the scan of the whole narration below)
    # a narrator is "I" in the tags and in the narration, never a name there
    in_narration = Counter(ch.id for para in story.paragraphs() for span in para.spans
                           if span.kind == "narration" for _s, _e, ch in cast.mentions(span.text))
    eligible = [(n, cid) for cid, n in votes.most_common()
                if not tagged[cid] and in_narration[cid] <= n // 5]
    # "Hastings" and "Mr. Hastings" left apart by clustering are one name: votes pool
    groups: dict[str, list] = {}
    for n, cid in eligible:
        bare = " ".join(castmod.split_title(cast.characters[cid].cue)[1]).upper()
        groups.setdefault(bare, []).append((n, cid))
    ranked = sorted(((sum(n for n, _ in members), members) for members in groups.values()),
                    key=lambda g: (-g[0], g[1][0][1]))
    if not ranked:
        return
    n, members = ranked[0]
    second = ranked[1][0] if len(ranked) > 1 else 0
    if n < 3 or n < 1.5 * second:
        return
    named = cast.characters[members[0][1]]
    aliases = {cast.characters[cid] for _n, cid in members}
    titles, words = castmod.split_title(named.cue)
    narrator.cue_override = (words[-1] if titles else " ".join(words)).upper()
    narrator.votes.update(named.votes)
    for turn in turns:               # lines given to the name were the narrator's
        if turn.speaker in aliases:
            turn.speaker = narrator
