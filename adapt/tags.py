"""Speech tags: the bit of narration that says who speaks and how ("she sighs exasperatedly",
"said Elizabeth", "Jess says:").

A tag is found in the narration right after a quotation (same paragraph) or right before one.
It tells the attribution stage who speaks and the build stage what to remove from the action
and what to keep as a parenthetical or an action beat.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .verbs import verb_lemma

# Verbs that only report speech: the tag is dropped from the screenplay.
SPEECH_VERBS = frozenset("""
    say ask reply answer tell continue add respond return rejoin observe remark inquire enquire
    question state declare explain repeat begin finish interrupt interpose retort announce
    demand urge press relent chide cry exclaim call protest insist agree suggest admit
    acknowledge concede confess counter correct argue object assure inform reason recall
    promise offer answer conclude resume pursue proceed put
    echo ejaculate blurt venture reiterate volunteer hazard remonstrate expostulate entreat
    implore command order warn advise assent lament complain wonder muse reflect think
    write read quote recite sing hail greet persist
""".split())

# Verbs that say how a line is delivered: kept as a parenthetical ("whispering").
MANNER_VERBS = frozenset("""
    whisper murmur mutter hiss shout yell scream shriek sob stammer stutter mumble snap growl
    sigh groan gasp squeal plead beg tease breathe bark roar snarl grumble whine wail moan
    drawl lisp croak purr sneer taunt coo bellow thunder
""".split())

PRONOUNS = {"he": "M", "she": "F", "they": None, "i": None, "we": None, "him": "M", "her": "F"}

TITLES = r"(?:Mr|Mrs|Ms|Miss|Mme|Mlle|Dr|Lady|Lord|Sir|Madam|Madame|Monsieur|Mademoiselle|" \
         r"Colonel|Captain|Major|General|Lieutenant|Sergeant|Professor|Father|Mother|Aunt|" \
         r"Uncle|Cousin|Saint|St|Rev|Reverend)\.?"
# "Mr. van der Luyden": lower-case particles inside a name
_PARTICLES = r"(?:(?:van|von|der|den|de|du|la|le|di|da|del)\s+)*"
_NAME = (rf"(?:{TITLES}\s+)?{_PARTICLES}[A-Z][\w\u2019'\-]*"
         rf"(?:\s+{_PARTICLES}[A-Z][\w\u2019'\-]*){{0,2}}")
_NP = (r"(?:the|his|her|their|my|our|a|an|this|that)\s+"
       r"(?:(?!(?:the|his|her|their|my|our|a|an|this|that|he|she)\b)[a-z][\w\-]*\s+){0,2}?"
       r"(?!(?:the|his|her|their|my|our|a|an|this|that|he|she)\b)[A-Za-z][\w\-]*")
_PRONOUN = r"(?:he|she|they|I|we|He|She|They|We)"
SUBJECT = rf"(?:{_PRONOUN}|{_NAME}|{_NP})"
_ADVERB = r"[a-z]+ly"

# "she sighs exasperatedly, ..." / "Elizabeth smilingly said" / "said Elizabeth" / "returned she"
_AFTER_NORMAL = re.compile(
    rf"\A\s*[,\u2014\-]*\s*(?P<subj>{SUBJECT})\s+(?:(?P<adv1>{_ADVERB})\s+)?"
    rf"(?P<verb>[a-z]+)(?:\s+(?P<adv2>{_ADVERB}))?\b")
# An inverted subject runs to a clear boundary: "said the old gentleman, ...", "said the
# doctor to Rose", "cried the girl, rising".
_SUBJECT_END = (r"(?=\s*(?:[,.;:!?\u2014\-\"\u201c\u201d()]|\Z)|\s+[a-z]+(?:ly|ing)\b|"
                r"\s+(?:to|in|with|as|and|at|after|before|but|for|from|of|on|who|when|while|"
                r"then|again|without|into|upon|over|under|through|across|between|than|"
                r"presently|once|now|aloud|quietly)\b)")
_AFTER_INVERTED = re.compile(
    rf"\A\s*[,\u2014\-]*\s*(?:(?P<adv1>{_ADVERB})\s+)?(?P<verb>[a-z]+)\s+"
    rf"(?P<subj>{_PRONOUN}\b|{_NAME}\b|{_NP}{_SUBJECT_END})(?:\s+(?P<adv2>{_ADVERB})\b)?")
# "Jess says, " / "Then Elizabeth said:" at the end of the narration before a quote.
_BEFORE = re.compile(
    rf"(?P<subj>{SUBJECT})\s+(?:(?P<adv1>{_ADVERB})\s+)?(?P<verb>[a-z]+)"
    rf"(?:\s+(?P<adv2>{_ADVERB}))?(?:\s+(?:to|at)\s+(?:\w+\s+){{0,2}}\w+)?\s*[,:]\s*\Z")


# Capitalised words that open a sentence but never name the speaker ("Then changing ...").
_NOT_SUBJECTS = frozenset("""
    it there this that then and but so now here when as if yet still again what how why oh
    yes no well perhaps presently suddenly at in on with after before while for from once
    meanwhile instantly indeed only even soon later thus
""".split())


@dataclass
class Tag:
    subject: str            # as written: "she", "Elizabeth", "his lady"
    verb: str               # as written: "sighs"
    lemma: str              # "sigh"
    adverb: str | None      # "exasperatedly"
    kind: str               # "speech", "manner" or "gesture"
    start: int              # offsets of the whole tag clause in the input
    end: int
    subject_start: int
    subject_end: int

    @property
    def pronoun(self) -> bool:
        return self.subject.lower() in PRONOUNS

    @property
    def named(self) -> bool:
        return bool(re.match(_PARTICLES + r"[A-Z]", self.subject)) and not self.pronoun


def _kind(lemma: str) -> str:
    if lemma in SPEECH_VERBS:
        return "speech"
    if lemma in MANNER_VERBS:
        return "manner"
    return "gesture"


def _tag(match: re.Match, base: int) -> Tag | None:
    verb = match.group("verb")
    lemma = verb_lemma(verb)
    if lemma is None or lemma in ("be", "have", "do"):
        return None
    subj = match.group("subj")
    subj_start = match.start("subj")
    first = subj.split()[0]
    if not re.match(_PRONOUN + r"\Z", subj) and first.lower() in _NOT_SUBJECTS:
        rest = subj[len(first):].lstrip()
        if not rest[:1].isupper():
            return None
        subj_start += len(subj) - len(rest)       # "Then Jess says": the subject is Jess
        subj = rest
    return Tag(subject=subj, verb=verb, lemma=lemma,
               adverb=match.group("adv1") or match.group("adv2"), kind=_kind(lemma),
               start=base + min([subj_start] + [match.start(g) for g in ("verb", "adv1")
                                                if match.group(g)]),
               end=base + match.end(),
               subject_start=base + subj_start, subject_end=base + match.end("subj"))


def tag_after(narration: str, base: int, quote_text: str) -> Tag | None:
    """The tag at the start of `narration`, which follows a quotation ending `quote_text`.

    A capitalised sentence after a quote that ends with a full stop is new narration, not a tag.
    """
    stripped = narration.lstrip(" \t\r\n,")
    if not stripped:
        return None
    ends_sentence = quote_text.rstrip().endswith((".", "\u201d"))
    starts_lower = stripped[:1].islower()
    if ends_sentence and not starts_lower:
        return None
    inverted = _AFTER_INVERTED.match(narration)
    if inverted and (verb_lemma(inverted.group("verb")) in SPEECH_VERBS | MANNER_VERBS
                     or (not inverted.group("verb").endswith("ing") and not ends_sentence)):
        # '"Yes," laughed Kitty': verb-subject order right after a quote is a tag
        return _tag(inverted, base)
    normal = _AFTER_NORMAL.match(narration)
    if normal and (starts_lower or normal.group("subj")[:1].isupper()):
        return _tag(normal, base)
    return None


def tag_before(narration: str, base: int) -> Tag | None:
    """A tag closing the narration that leads into a quotation ("Jess says, ")."""
    match = _BEFORE.search(narration[-200:])
    if not match:
        return None
    shift = base + max(0, len(narration) - 200)
    tag = _tag(match, shift)
    if tag is None or tag.kind == "gesture":
        return None
    return tag
