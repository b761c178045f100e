"""Speech tags: the bit of narration that says who speaks and how ("she sighs exasperatedly",
"said Elizabeth", "Jess says:").

A tag is found in the narration right after a quotation (same paragraph) or right before one.
It tells the attribution stage who speaks and the build stage what to remove from the action
and what to keep as a parenthetical or an action beat.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .cast import ROLE_NAMES
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
    write read quote recite sing hail greet persist speak utter stipulate submit propose
    vociferate interject
""".split())

# Verbs that say how a line is delivered: kept as a parenthetical ("whispering").
MANNER_VERBS = frozenset("""
    whisper murmur mutter hiss shout yell scream shriek sob stammer stutter mumble snap growl
    sigh groan gasp squeal plead beg tease breathe bark roar snarl grumble whine wail moan
    drawl lisp croak purr sneer taunt coo bellow thunder
""".split())

# Verbs that say a line is spoken: tags, lead-ins, passives.
SPEAKING_VERBS = SPEECH_VERBS | MANNER_VERBS

PRONOUNS = {"he": "M", "she": "F", "they": None, "i": None, "we": None, "him": "M", "her": "F"}

TITLES = r"(?:Mr|Mrs|Ms|Miss|Mme|Mlle|Dr|Lady|Lord|Sir|Madam|Madame|Monsieur|Mademoiselle|" \
         r"Colonel|Captain|Major|General|Lieutenant|Sergeant|Professor|Father|Mother|Aunt|" \
         r"Uncle|Cousin|Saint|St|Rev|Reverend)\.?"
# "Mr. van der Luyden": lower-case particles inside a name
_PARTICLE_RUN = r"(?:(?:van|von|der|den|de|du|la|le|di|da|del)\s+)+"
_PARTICLES = rf"(?:{_PARTICLE_RUN})?"
# A capitalised word, hyphenated ("Grant-Menzies") but not run into a dash ("Elton--")
_CAP_WORD = r"[A-Z\u00c0-\u00d6\u00d8-\u00de][\w\u2019']*(?:-[\w\u2019']+)*"   # ("Émile")
# Initials after a title or in a run of two or more: "Mr. E. W. Brown", "J. K. Brown"
_INITIALS = r"(?:(?<=\.\s)(?:[A-Z]\.\s+){1,3}|(?:[A-Z]\.\s+){2,3})"
_NAME = (rf"(?:{TITLES}\s+)?{_INITIALS}?(?:{_PARTICLE_RUN}(?!{TITLES}\s))?{_CAP_WORD}"
         rf"(?:\s+{_PARTICLES}{_CAP_WORD}){{0,2}}")
_FUNCTION_WORDS = r"(?:the|his|her|their|my|our|a|an|this|that|he|she|and|or|but|nor)\b"
# Words before a capitalised head that make a time or a place, not a person: "the first
# time Joe", "the next moment Elizabeth".
_NOT_MODIFIERS = (r"(?:time|times|moment|instant|minute|day|night|morning|evening|afternoon|"
                  r"while|way|same|next|last|first|other|room|door|house|to|at|with|of|for|"
                  r"from|by|on|in|into|upon)\b")
# "the old man", "her mother", "the Mock Turtle", "the irrepressible Thomas"
_LOWER_NP = (rf"(?:(?!{_FUNCTION_WORDS})[a-z][\w\-]*\s+){{0,2}}?"
             rf"(?!{_FUNCTION_WORDS})[a-z][\w\-]*")
# "the Mock Turtle", "the irrepressible Thomas"; after other determiners only a capitalised
# word right away ("a Voice"): "a short pause Sir Thomas" is no subject
_THE_NAME = rf"(?:(?!{_FUNCTION_WORDS}|{_NOT_MODIFIERS})[a-z][\w\-]*\s+){{0,2}}?{_NAME}"
_NP = (rf"(?:the\s+(?:{_THE_NAME}|{_LOWER_NP})|"
       rf"(?:his|her|their|my|our|a|an|this|that)\s+(?:{_CAP_WORD}|{_LOWER_NP}))")
# The same opening a sentence: "The waiter said, ..."
_NP_CAP = (rf"(?:The\s+(?:{_THE_NAME}|{_LOWER_NP})|"
           rf"(?:His|Her|Their|My|Our|A|An|This|That)\s+(?:{_CAP_WORD}|{_LOWER_NP}))")
_PRONOUN = r"(?:he|she|they|I|we|He|She|They|We)"
SUBJECT = rf"(?:{_PRONOUN}|{_NAME}|{_NP})"
_ADVERB = r"[a-z]+ly"
# Adverbs without -ly, which say nothing of the delivery: "Ralph now began", "said again".
_PLAIN_ADVERB = (r"(?:(?:now|then|again|still|only|also|at\s+once|at\s+last|at\s+length|"
                 r"(?:very\s+|quite\s+)?often|always|sometimes|once|soon)\s+)")
# An auxiliary before the verb: "Freddy was saying", "Dr Messinger had said", "Tony would say"
# ("The Mouse did not answer": no speech, no tag)
_AUX = (r"(?:(?P<aux>would|could|should|might|will|can|shall|may|must|did|was|were|is|are|"
        r"had|has|have)\s+(?:(?:only|then|now|just|still|also|always|often|"
        r"sometimes|presently|again|once|soon)\s+)?)?")
_PLAIN_ADVERB_AFTER = r"(?:\s+(?:at\s+once|again|aloud|abruptly|then|now|too|at\s+last))"

# What may stand between a quote and the tag after it: '"Yes, sir"; replied the servant'.
_LEAD = r"\A\s*[,;\u2014\-]*\s*"
# Verbs whose particle makes them speech: '"Oh," put in Kitty', 'Joe burst out, "..."'.
PHRASAL = frozenset({
    ("put", "in"), ("break", "in"), ("chime", "in"), ("cut", "in"), ("burst", "out"),
    ("call", "out"), ("cry", "out"), ("sing", "out"), ("shout", "out"), ("blurt", "out"),
    ("speak", "out"), ("break", "out"), ("burst", "forth"), ("break", "forth"), ("go", "on"),
    ("speak", "up"), ("pipe", "up"), ("chip", "in"), ("jerk", "out"),
    # after a quote, before a name only: '"Gracious!" broke from Janey'
    ("break", "from"), ("burst", "from"),
})
_PARTICLE = r"\s+(?P<prt>in|out|forth|on|up)\b"
# A word describing a named speaker: "said old Horace Talbot", "said poor Lucy"; never a
# preposition or a determiner ("said to Jane", "said the King").
_EPITHET = (r"(?:(?!(?:to|at|in|on|of|for|from|by|with|as|and|but|or|nor|that|than|then|"
            r"so|if|into|upon|unto|after|before|over|under|about|across|through|toward|"
            r"towards|like|unlike|not|never|the|his|her|their|my|our|a|an|this|that|these|"
            r"those|its|your|what|which|who|whom|how|when|where|while|again)\b)"
            r"[a-z][a-z\-]*(?<!ly)\s+(?=[A-Z]))")

# "she sighs exasperatedly, ..." / "Elizabeth smilingly said" / "the March Hare went on"
_AFTER_NORMAL = [re.compile(
    rf"{_LEAD}(?P<subj>{SUBJECT})\s+(?:(?P<adv1>{_ADVERB})\s+)?{_PLAIN_ADVERB}?{_AUX}"
    rf"(?P<verb>[a-z]+){prt}(?:\s+(?P<adv2>{_ADVERB}))?\b") for prt in (_PARTICLE, "")]
# The same with the longest description before the verb: "her old mother said" (the
# shortest reading makes "mother" the verb of "her old")
_LOWER_NP_LONG = (rf"(?:(?!{_FUNCTION_WORDS})[a-z][\w\-]*\s+){{1,2}}"
                  rf"(?!{_FUNCTION_WORDS})[a-z][\w\-]*")
_AFTER_NORMAL_LONG = [re.compile(
    rf"{_LEAD}(?P<subj>(?:the|his|her|their|my|our|a|an|this|that)\s+{_LOWER_NP_LONG})\s+"
    rf"(?:(?P<adv1>{_ADVERB})\s+)?{_PLAIN_ADVERB}?{_AUX}"
    rf"(?!{_FUNCTION_WORDS}|(?:to|at|with|of|for|from|by|on|in|into|upon)\b)(?P<verb>[a-z]+){prt}(?:\s+(?P<adv2>{_ADVERB}))?\b") for prt in (_PARTICLE, "")]
_DETERMINER_FIRST = re.compile(r"\s*(?:the|his|her|their|my|our|a|an|this|that)\s+[a-z]+\s+[a-z]")
# An inverted subject runs to a clear boundary: "said the old gentleman, ...", "said the
# doctor to Rose", "cried the girl, rising".
# Adjectives in -ly that stand before a noun ("a surly man", "a great lubberly fellow"):
# no adverb ending the subject. A hyphen joins a compound ("the hump-backed man"); only a
# dash ends the subject.
_LY_ADJECTIVES = (r"(?:ugly|surly|burly|elderly|portly|stately|lubberly|friendly|kindly|lovely|"
                  r"lonely|sickly|jolly|homely|comely|curly|wily|gentlemanly|motherly|fatherly|"
                  r"saintly|ghostly|holy|silly|lowly|beastly|ungainly|unruly|sprightly|courtly|"
                  r"worldly|womanly|manly|grizzly|oily|woolly|bully|early|only)\b")
_SUBJECT_END = (r"(?=\s*(?:[,.;:!?\u2014\"\u201c\u201d()]|-(?![a-z])|\Z)|"
                rf"\s+(?!{_LY_ADJECTIVES})[a-z]+(?:ly|ing)\b|"
                r"\s+(?:quite|very|rather|somewhat|most|so|too|half)\s+[a-z]+ly\b|"
                r"\s+(?:to|in|with|as|and|at|after|before|but|for|from|of|on|who|when|while|"
                r"then|again|without|into|upon|over|under|through|across|between|than|"
                r"presently|once|now|aloud|quietly)\b)")
# "said Brenda's solicitor", "cried Elizabeth's mother"
_VOICE_NOUNS = r"(?:voice|voices|tones|accents|tone)"
_POSSESSED = rf"{_NAME}(?:['\u2019]| (?=s\s))s\s+(?!{_VOICE_NOUNS}\b)[a-z][\w\-]*"   # ("Daisy s mamma": lost)
# A family role written as a name but in lower case: '"Now eat up," said nanny.'
_ROLE_WORD = "(?:" + "|".join(sorted(ROLE_NAMES, key=len, reverse=True)) + ")"
# "cut in the clear voice of Inspector Ratcliffe": whose voice, _voice_owner() tells
_VOICE_OF_NP = rf"(?:the|a|an|his|her)\s+(?:[a-z][\w\-]*\s+){{0,2}}?{_VOICE_NOUNS}(?=\s+of\s)"
_AFTER_INVERTED = [re.compile(
    rf"{_LEAD}(?:(?P<adv1>{_ADVERB})\s+)?{_PLAIN_ADVERB}?(?P<verb>[a-z]+){prt}\s+(?:{_EPITHET})?"
    rf"(?P<subj>{_PRONOUN}\b|{_POSSESSED}{_SUBJECT_END}|{_NAME}\b|{_VOICE_OF_NP}|"
    rf"{_NP}{_SUBJECT_END}|{_ROLE_WORD}{_SUBJECT_END})(?:\s+(?P<adv2>{_ADVERB})\b)?")
    for prt in (r"(?:\s+[a-z]+ly)?\s+(?P<prt>in|out|forth|on|up|from)\b", "")]
# "Elinor, rejoiced to see him, now ventured to say, " / "the Gryphon said, in a rather
# offended tone, "
_ASIDE = r"(?:,\s+[^,.;:!?\"\u201c\u201d]{1,80},)"
_LAST_ASIDE = r"(?:,\s+[^,.;:!?\"\u201c\u201d]{1,60})"
# "Jess says, " / "Then Elizabeth said:" / "The maid said at once:" at the end of the
# narration before a quote.
_BEFORE = [re.compile(
    rf"(?P<subj>{SUBJECT}|{_NP_CAP})(?P<who>,?\s+who)?(?P<aside>{_ASIDE})?\s+(?:(?P<adv1>{_ADVERB})\s+)?{_PLAIN_ADVERB}?{_AUX}"
    rf"(?P<verb>[a-z]+){prt}(?:\s+(?P<adv2>{_ADVERB}))?{_PLAIN_ADVERB_AFTER}?"
    rf"(?:\s+(?:to|at|with|in)\s+(?:\w+\s+){{0,2}}\w+)?{_LAST_ASIDE}?\s*[,:]\s*\Z")
    for prt in (_PARTICLE, "")]

# Nouns that report speech, with the verb they stand for: '"Oh, no," was Frank's reply.'
SPEECH_NOUNS = {
    "reply": "reply", "answer": "answer", "response": "respond", "rejoinder": "rejoin",
    "retort": "retort", "remark": "remark", "comment": "comment", "question": "ask",
    "inquiry": "inquire", "enquiry": "enquire", "query": "ask", "observation": "observe",
    "exclamation": "exclaim", "cry": "cry", "greeting": "greet", "words": "say",
    "explanation": "explain", "conclusion": "conclude", "assurance": "assure",
    "injunction": "enjoin", "consolation": "console", "amendment": "amend", "advice": "advise",
    "address": "address", "salutation": "salute", "suggestion": "suggest",
    "request": "request", "protest": "protest", "apology": "apologize", "thought": "think",
    "reflection": "reflect", "verdict": "say", "speech": "say", "exhortation": "exhort",
    "entreaty": "entreat", "warning": "warn", "reproach": "reproach", "whisper": "whisper",
    "murmur": "murmur", "rebuke": "rebuke", "challenge": "challenge", "reasoning": "reason",
    "argument": "argue", "objection": "object", "proposal": "propose", "summing": "sum",
}
_NOUNS = "|".join(sorted(SPEECH_NOUNS, key=len, reverse=True))
# '"...," was Frank's reply' / 'was all Lady Bertram's answer' / 'were Colonel Fitzwilliam's
# words'; and the passive '"...," was uttered by Captain Wentworth'.
_NOMINAL = re.compile(
    rf"{_LEAD}(?:was|were|came|had\s+been)\s+(?:(?:all|only|the|then)\s+)?"
    rf"(?P<subj>{_NAME}|{_NP})(?:['\u2019]s|(?<=s)['\u2019]|[ \t]s)\s+"
    rf"(?:[a-z][\w\-]*\s+){{0,2}}?(?P<verb>{_NOUNS})\b")     # ("Catherine s": a lost apostrophe)
# '"...," was her answer' / 'was his sturdy reply': a possessive pronoun, read as the pronoun
_NOMINAL_PRONOUN = re.compile(
    rf"{_LEAD}(?P<was>was|were|came)\s+(?:(?:all|only|then|therefore|the)\s+)?"
    rf"(?P<subj>his|her|my|their)\s+(?:[a-z][\w\-]*\s+){{0,2}}?(?P<verb>{_NOUNS})\b")
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "my": "I", "their": "they"}
# 'Sir Walter's remark was, "..."'
_NOMINAL_BEFORE = re.compile(
    rf"(?P<subj>{_NAME}|{_NP}|{_NP_CAP})['\u2019]s\s+(?:[a-z][\w\-]*\s+){{0,2}}?(?P<verb>{_NOUNS})"
    rf"\s+(?:was|were)(?:\s+(?:only|this|these|simply))?\s*[,:]?\s*\Z")
_PASSIVE = re.compile(
    rf"{_LEAD}(?:was|were)\s+(?:(?P<adv1>{_ADVERB})\s+)?(?P<verb>[a-z]+)\s+"
    rf"(?:[a-z]+\s+){{0,2}}?by\s+(?P<subj>{_NAME}\b|{_NP}{_SUBJECT_END})")


def _may_be_nominal(tail: str) -> bool:
    """Whether `tail` ends as _NOMINAL_BEFORE needs ("... remark was:"), looked at before the
    search, which tries its long pattern at every position."""
    tail = tail.rstrip()
    if tail.endswith((",", ":")):
        tail = tail[:-1].rstrip()
    return tail.endswith(("was", "were", "only", "this", "these", "simply"))


# Capitalised words that open a sentence but never name the speaker ("Then changing ...").
_NOT_SUBJECTS = frozenset("""
    it there this that then and but so now here when as if yet still again what how why oh
    yes no well perhaps presently suddenly at in on with after before while for from once
    meanwhile instantly indeed only even soon later thus sometimes often always never
    afterwards besides though although because since until unless whether whereupon
""".split())


# Words that open a clause of time or condition, not the sentence's subject.
_SUBORDINATORS = frozenset("""
    when as if after before while though although because since until unless whether once
""".split())


# (the patterns of Tag's properties, asked for time and again)
_NAMED = re.compile(_PARTICLES + r"[A-Z\u00c0-\u00d6\u00d8-\u00de]")
_DETERMINED = re.compile(r"(?:The|His|Her|Their|My|Our|A|An|This|That)\s")
_DESIGNATION = re.compile(r"(?:the|The)\s+((?:[a-z][\w\-]*\s+)*)([A-Z].*)\Z", re.S)


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
        return (bool(_NAMED.match(self.subject)) and not self.pronoun
                and not _DETERMINED.match(self.subject))

    @property
    def identifies(self) -> bool:
        """The tag names its speaker, by name or by a capitalised description."""
        return self.named or self.designation is not None

    @property
    def designation(self) -> tuple[str, bool] | None:
        """The capitalised head of a description: "the March Hare" -> ("March Hare", True),
        "the irrepressible Thomas" -> ("Thomas", False) (False: words stand between)."""
        m = _DESIGNATION.match(self.subject)
        if m is None:
            return None
        return " ".join(m.group(2).split()), not m.group(1)


_MODALS = frozenset({"will", "can", "shall", "may", "must", "ought"})


def _kind(lemma: str, particle: str | None = None) -> str:
    if lemma in SPEECH_VERBS or (lemma, particle) in PHRASAL:
        return "speech"
    if lemma in MANNER_VERBS:
        return "manner"
    return "gesture"


def _group(match: re.Match, name: str) -> str | None:
    return match.group(name) if name in match.re.groupindex else None


_LONE_DETERMINERS = frozenset("The His Its Their A An One My Our This That These Those".split())


# Words that are never the verb of a tag: '"He is..." Putting down her cup, she' has a
# participle before a particle, not a subject before a verb
_NOT_VERBS = frozenset("""down up out off over back away round about into onto upon to at
    from with by of for her his their its the a an my our your them him it this that""".split())


_LOST_APOSTROPHE = re.compile(r"([a-z]) s(?=\s+[a-z])")


def _tag(match: re.Match, base: int, lemma: str | None = None) -> Tag | None:
    verb = match.group("verb")
    if verb in _NOT_VERBS:
        return None
    lemma = lemma or verb_lemma(verb)
    end = match.end()
    aux = _group(match, "aux")
    if aux:
        if lemma not in _SPEECH_LEMMAS:
            return None         # "she was looking", "he had gone"
        verb = f"{aux} {verb}"
    if lemma in _MODALS:
        # "Mrs. Archer would say to her children": the verb after the modal
        after = re.match(r"\s+(?:only\s+|never\s+|sometimes\s+|often\s+)?([a-z]+)\b",
                         match.string[match.end("verb"):])
        lemma = verb_lemma(after.group(1)) if after else None
        if lemma not in SPEAKING_VERBS:
            return None
        verb += after.group(0)
        end = max(end, match.end("verb") + after.end())
    if lemma is None or lemma in ("be", "have", "do"):
        return None
    particle = _group(match, "prt")
    if particle and (lemma, particle) not in PHRASAL:
        return None             # "said in French": no particle; the caller tries without
    subj = match.group("subj")
    subj_start = match.start("subj")
    if subj.lower() in ("her", "him") or subj in _LONE_DETERMINERS:
        return None             # "Her silence worries him": an object form is no subject;
                                # '?" The look which he cast': a determiner is none either
    first = subj.split()[0]
    if not _PRONOUN_ONLY.match(subj) and first.lower() in _NOT_SUBJECTS \
            and not _THIS_NP.match(subj):     # "said this emissary"
        rest = subj[len(first):].lstrip()
        if not rest[:1].isupper() or first.lower() in _SUBORDINATORS:
            return None         # ("Before Anne could answer": a clause of time, no tag)
        subj_start += len(subj) - len(rest)       # "Then Jess says": the subject is Jess
        subj = rest
    subj = _LOST_APOSTROPHE.sub(r"\1's", subj)       # (as long: the offsets hold)
    owner = _voice_owner(match.string, subj_start, match.end("subj"))
    if owner is not None:
        subj_start, subj = owner
        end = max(end, subj_start + len(subj))
    adverb = _group(match, "adv1") or _group(match, "adv2")
    kind = "speech" if match.re in (_NOMINAL, _NOMINAL_BEFORE) else _kind(lemma, particle)
    return Tag(subject=subj, verb=verb + (" " + particle if particle else ""), lemma=lemma,
               adverb=adverb, kind=kind,
               start=base + min([subj_start] + [match.start(g) for g in ("verb", "adv1")
                                                if _group(match, g)]),
               end=base + end,
               subject_start=base + subj_start, subject_end=base + subj_start + len(subj))


def new_sentence_beat(tag: Tag, text: str, quote_text: str, base: int = 0) -> bool:
    """After a quote ending in ? or !, a capitalised sentence that does not speak: '"Do
    wait!" Winterbourne began to think', '"How dare you?" Bitzer picked up his cap'. A beat
    of the speaker's as often as someone else's doing. (`text` starts at offset `base`.)"""
    if not (quote_text.rstrip().endswith(("?", "!")) and tag.subject[:1].isupper()):
        return False
    if tag.kind == "gesture":
        return True
    # "Winterbourne began to think", "she continued walking": what is begun is no speech
    then = _BEGUN.match(text, tag.end - base) if tag.lemma in _ASPECT_VERBS else None
    return then is not None and \
        verb_lemma(then.group(1) or then.group(2)) not in _SPEECH_LEMMAS - _THOUGHT


_ASPECT_VERBS = frozenset({"begin", "continue", "proceed", "resume"})
_THOUGHT = frozenset({"think", "wonder", "reflect", "muse", "read", "write"})
_BEGUN = re.compile(r"\s+(?:to\s+([a-z]+)|([a-z]+ing)\b)")
_VOICE_OF = re.compile(rf"\s+of\s+(?:(?:old|young|little|poor)\s+)?(?P<owner>{_NAME})")


# (_tag's and _voice_owner's patterns, made once: the long name pattern in an f-string was
# built and looked up in re's cache on every call)
_PRONOUN_ONLY = re.compile(_PRONOUN + r"\Z")
_THIS_NP = re.compile(rf"(?:this|that)\s+{_LOWER_NP}\Z")
_VOICE_ENDING = re.compile(rf"\b{_VOICE_NOUNS}\Z")
_NAME_POSSESSIVE = re.compile(rf"({_NAME})['\u2019]s\Z")
_VOICE_NEXT = re.compile(rf"\s+(?:[a-z]+\s+)?{_VOICE_NOUNS}\b")


def _voice_owner(text: str, start: int, end: int) -> tuple[int, str] | None:
    """Whose voice speaks: "cried the muffled voice of Kemp", "said Hamidullah's voice"
    -> Kemp, Hamidullah (offset and name)."""
    subj = text[start:end]
    if _VOICE_ENDING.search(subj):
        m = _VOICE_OF.match(text, end)
        return (m.start("owner"), m.group("owner")) if m else None
    possessive = _NAME_POSSESSIVE.match(subj)
    if possessive and _VOICE_NEXT.match(text[end:]):
        return start, possessive.group(1)
    return None


def _first_tag(regexes, text: str, base: int, accept=lambda m: True) -> Tag | None:
    """The tag of the first regex (with a particle, then without) that matches and reads."""
    for regex in regexes:
        match = regex.match(text)
        if match and accept(match):
            tag = _tag(match, base)
            if tag is not None:
                return tag
    return None


def _last_speech_tag(regexes, text: str, base: int, accept) -> Tag | None:
    """The leftmost speech tag that runs to the end of `text`: a match whose verb is no speech
    ("he looked guiltily at Ben, who said, ") gives way to one starting further on."""
    for regex in regexes:
        pos = 0
        while (match := regex.search(text, pos)) is not None:
            if accept(match):
                tag = _tag(match, base)
                if tag is not None and tag.kind != "gesture":
                    return tag
            pos = match.start() + 1
    return None


@functools.lru_cache(maxsize=8192)      # the sieve asks for each quote's tag more than once
def tag_after(narration: str, base: int, quote_text: str) -> Tag | None:
    """The tag at the start of `narration`, which follows a quotation ending `quote_text`.

    A capitalised sentence after a quote that ends with a full stop is new narration, not a tag.
    """
    stripped = narration.lstrip(" \t\r\n,;")
    if not stripped:
        return None
    ends_sentence = quote_text.rstrip().endswith((".", "\u201d"))
    starts_lower = stripped.lstrip("-\u2014 ")[:1].islower()      # ('"Yes"--he replied')
    if ends_sentence and not starts_lower:
        return None
    nominal = _NOMINAL.match(narration)
    if nominal:
        return _tag(nominal, base, SPEECH_NOUNS[nominal.group("verb")])
    nominal = _NOMINAL_PRONOUN.match(narration)
    if nominal:
        return Tag(subject=_POSSESSIVE_PRONOUNS[nominal.group("subj")], verb=nominal.group("verb"),
                   lemma=SPEECH_NOUNS[nominal.group("verb")], adverb=None, kind="speech",
                   start=base + nominal.start("was"),
                   end=base + nominal.end(), subject_start=base + nominal.start("subj"),
                   subject_end=base + nominal.end("subj"))
    passive = _PASSIVE.match(narration)
    if passive and verb_lemma(passive.group("verb")) in SPEAKING_VERBS:
        return _tag(passive, base)

    def inverted(m):
        # '"Yes," laughed Kitty': verb-subject order right after a quote is a tag
        verb = m.group("verb")
        lemma = verb_lemma(verb)
        # a gesture in the past or present tense ("smiled Kitty"), not "while Freddy"
        if _group(m, "prt") == "from" and not re.match(r"(?:the\s+)?[A-Z]", m.group("subj")):
            return False        # '"Oh!" broke from the room'
        return (lemma in SPEAKING_VERBS or _group(m, "prt") == "from"
                or (not verb.endswith("ing") and not ends_sentence and lemma != verb))

    def normal(m):
        return starts_lower or m.group("subj")[:1].isupper()

    tag = (_first_tag(_AFTER_INVERTED, narration, base, inverted)
           or _first_tag(_AFTER_NORMAL, narration, base, normal))
    if (tag is None or tag.kind == "gesture") and _DETERMINER_FIRST.match(narration):
        longer = _first_tag(_AFTER_NORMAL_LONG, narration, base)
        if longer is not None and longer.kind != "gesture":
            tag = longer
    if tag is not None and tag.lemma == "hear":
        return _heard(narration, base, tag)
    return tag


_HEARD_SPEAK = re.compile(rf"\s+(?P<subj>{_NAME})\s+(?:(?P<adv1>{_ADVERB})\s+)?(?P<verb>[a-z]+)\b")


def _heard(narration: str, base: int, tag: Tag) -> Tag | None:
    """'"Gad," Archer heard Lawrence Lefferts say': the one heard speaks, not the hearer."""
    m = _HEARD_SPEAK.match(narration, tag.end - base)
    if m is None or verb_lemma(m.group("verb")) not in SPEAKING_VERBS:
        return None
    heard = _tag(m, base)
    if heard is not None:
        heard.start = tag.start         # the whole clause is the tag
    return heard


_PREPOSITIONS = r"at|to|with|of|for|from|by|on|upon|towards?|near|beside|behind|before|after|than|like"
_AFTER_PREPOSITION = re.compile(rf"\b(?:{_PREPOSITIONS})\s+\Z")
# "... in Bath or Chester still murmur:": a name coordinated with a preposition's object
# is a place or a thing named in passing, not the speaker
_COORDINATED_OBJECT = re.compile(r"(?:\b(?:in|at|to|of|from|near|by)\s+(?:[A-Z][\w'\-]*\s+){1,3}"
                                 r"(?:or|and)|\bor)\s+\Z")
_WORDS = re.compile(r"[a-z]+")
_SPEECH_LEMMAS = SPEAKING_VERBS | {verb for verb, _ in PHRASAL}
_HAS_PARTICLE = re.compile(r"\b(?:in|out|forth|on|up)\b")


@functools.lru_cache(maxsize=8192)
def tag_before(narration: str, base: int) -> Tag | None:
    """A tag closing the narration that leads into a quotation ("Jess says, ")."""
    if not narration.rstrip().endswith((",", ":")):     # (as [,:]\s*\Z would find)
        return None             # cheap test first: the regexes below search backwards
    tail = narration[-200:]
    shift = base + max(0, len(narration) - 200)
    def subject_of_its_sentence(m):
        # "... looking at Fanny, whose tears were beginning, said": with an aside, a name
        # after a preposition is not the subject
        # ("... showed the letter to Jock, who said, " is Jock's: a relative clause)
        return not ((m.group("aside") and not m.group("who")
                     and _AFTER_PREPOSITION.search(tail, 0, m.start("subj")))
                    or _COORDINATED_OBJECT.search(tail, 0, m.start("subj")))

    speaks = any(verb_lemma(w) in _SPEECH_LEMMAS for w in _WORDS.findall(tail))
    tag = _last_speech_tag(_BEFORE if _HAS_PARTICLE.search(tail) else _BEFORE[1:], tail, shift,
                           subject_of_its_sentence) if speaks else None
    if tag is None:
        nominal = _NOMINAL_BEFORE.search(tail) if _may_be_nominal(tail) else None
        return _tag(nominal, shift, SPEECH_NOUNS[nominal.group("verb")]) if nominal else None
    return tag


# -- tags in a long clause --------------------------------------------------------------------
# "Tony opened it and said ", "Ronny, who was about to leave, approached Fielding with his
# usual constraint and said:", "Then Miss Bartlett said ": the sentence leading into a quote
# ends on a speech verb whose subject stands far before it. The subject is the last known
# name that opens a clause of that sentence.

# What may follow the verb before the quote: an adverb, a phrase ("with a laugh", "to Mr.
# Woodhouse"), an aside (", biting his beard"); never an object that makes the verb no speech
# ("said nothing", "answered the letter").
_NOT_TRAIL = (r"(?:nothing|no|not|something|anything|it|this|these|those|the|a|an|his|its|"
              r"their|my|your|our|so|little|much|more|any|some|all|what|how|whether|if|why|"
              r"where|when|one|himself|herself|themselves)\b")
# ("asked Mr. Darcy", "said to Mr. Darcy": a title's full stop ends no sentence)
_TRAIL_CHAR = r"(?:[^.!?;\"\u201c\u201d\u2018\u2019()]|(?<=\bMr)\.|(?<=\bMrs)\.|(?<=\bDr)\.)"
_TRAIL = re.compile(rf"(?:\s+(?!{_NOT_TRAIL}){_TRAIL_CHAR}{{0,60}}?|"
                    rf",\s+[^.!?;\"\u201c\u201d\u2018\u2019()]{{1,90}}?)?[\s,:;\u2014\-]*\Z")
# A new clause inside the trail means the verb is not the last of the sentence's.
_TRAIL_CLAUSE = re.compile(r"\b(?:and|but)\s+(?:he|she|they|I|we|[A-Z])|\b(?:who|which)\b")
# Words after which a name opens a clause: "..., and the Clown had only said".
_CLAUSE_START = re.compile(r"(?:\A|[;:(\u2014]|--|\b(?:and|but|then|so|when|that|till|until|"
                           r"whereupon|which|now|once|yet|presently|suddenly|immediately|"
                           r"instantly|again|here|there|while|whilst|afterwards|soon|later|"
                           r"last|length|[a-z]+ly))\s*\Z")
_DESCRIPTION = re.compile(r"(?=[thamoTHAMO])\b(?:the|his|her|their|a|an|my|our|The|His|Her|Their|A|An|My|"
                          r"Our)\s+(?:[a-z][\w\-]*\s+){0,2}?[a-z][\w\-]*(?=\s*,|"
                          r"\s+(?:was|were)\s+(?:[a-z]+ly\s+)?(?:[a-z]+ing\b|\Z)|"     # ("his wife was exclaiming")
                          r"\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|said|says|spoke|began|cried|sang|ran|went|came|broke|"
                          r"burst|took|gave|made|got|put|held|stood|sat|rose|threw|drew)\b)")
# A sentence opening on a phrase of time: "At this moment Five", "After an instant's pause",
# "Every day Dr Messinger".
_OPENER = re.compile(r"\A\s*(?:And|But|Yet|So|Now|Every|Each|Next|One|That|All|Later|Soon|"
                     r"Afterwards|Finally|Even|Only|Immediately|Instantly|At|After|Before|In|"
                     r"On|Upon|With|Without|During|For|By|Then|Presently|Suddenly|Meanwhile|"
                     r"Once|Here|There)\b[^,;:]{0,40}?\s*\Z")
# A sentence opening on a subordinate clause or a phrase left without its comma ("As she
# entered he stopped", "To every one's surprise she rose"): a pronoun after it opens the main clause.
_FRONTED = re.compile(r"\A\s*(?:As|When|While|Whilst|Though|Although|If|Since|Until|Till|Once|"
                      r"Before|After|To)\s[^,;:]{1,60}?\s\Z")
_PERCEIVED = re.compile(r"\b(?:heard|hear|hears|hearing|overheard|overhear|overhears)\b")
_PERCEIVES = re.compile(_PERCEIVED.pattern + r"\s+\Z")
# "Frank Churchill was heard to say": the one heard is the subject
_HEARD_TO = re.compile(r"\A\s*(?:was|were)\s+(?:[a-z]+ly\s+)?(?:heard|overheard)\s+to\s+\Z")
# "called me a "funny dear"", "told him the news": an object and what it is named or told
_AND_WORD = re.compile(r"\band\s+([a-z]+)")
_NAMING_TRAIL = re.compile(r"\s+(?:me|him|her|them|us|you|it)\s+(?:a|an|the|his|her|my|their)\b")
# "was immediately greeted with" (the subject is spoken to); "as who should say"
_NOT_ITS_SUBJECT = re.compile(r"\b(?:(?:was|were|been|being|be)\s+(?:[a-z]+ly\s+)?|"
                              r"who\s+(?:should|would|might|could)\s+)\Z")
# (the mark first, and what may not come before it looked behind once it is found: 40x faster
# than the same lookbehinds tried at every position)
_SENTENCE_END = re.compile(r"[.!?](?<!\bMr.)(?<!\bMrs.)(?<!\bMs.)(?<!\bDr.)(?<!\bSt.)(?<!\bMme.)"
                           r"(?<!\bMlle.)(?<![A-Z].)['\"\u201d\u2019]?(?:\s+|--|\u2014)")
_CLAUSE_PRONOUN = re.compile(r"\b(?:he|she|they|I|we|He|She|They|We)\b")
_PRONOUN_RIGHT_BEFORE = re.compile(
    r"\b(?:he|she|they|I|we)\s+(?:(?:[a-z]+ly|had|has|have|would|could|should|might|must|"
    r"will|did|was|were|then|only|now|again|also|still|at\s+once|at\s+last)\s+){0,3}\Z", re.I)
_AUX_BEFORE = re.compile(r"\b(?:did|does|do|could|would|should|might|will|can|must|had|has)\s+\Z")
_POSSESSIVE = re.compile(r"['\u2019]s\b|\s+s\s")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|The)\s+\Z")
_OBJECT_BEFORE = re.compile(r"\b(?:him|them|me|us|it|you|her|not|never|n't|without)\s+"
                            r"(?:[a-z]+ly\s+)?\Z")


# Verbs that open a speech, which may close their sentence before it: "Mr. Collins began.",
# "Sir Thomas, trying to suppress a smile, went on."
_OPENINGS = frozenset({("begin", None), ("continue", None), ("resume", None), ("proceed", None),
                       ("speak", None), ("go", "on"), ("break", "in"), ("speak", "up"),
                       ("interpose", None)})
_CLOSED_TRAIL = re.compile(r"(?:\s+(?:again|thus|first|once\s+more|at\s+last|at\s+length|"
                           r"[a-z]+ly))*\s*\.\s*\Z")

# A closed sentence's subject stands right before its verb, or before an aside.
_NEXT_TO_VERB = re.compile(r"\s*(?:,[^,]*,)?\s*(?:(?:thus|then|again|now|first|next|also|[a-z]+ly)\s+)*\Z")


# What a description may name that is nobody: a body's part or what one holds ("Mr. Weston
# shook his head, and said": his head opens no clause)
_THINGS = frozenset("""head hand hands eye eyes lips mouth arm arms shoulder shoulders
    finger fingers foot feet knee knees brow forehead cheek cheeks chin hair hat cap
    glass cup book letter paper pen door window chair""".split())


def clause_tag(narration: str, base: int, find_names, pronouns: bool = False) -> Tag | None:
    """A speech verb closing the narration before a quote, and the named subject of its
    clause however far before it ("Sir Thomas smiled, tried to encourage her, and then
    looked too serious and said"). `find_names(text)`: offsets of the character names a
    text holds; only those can be the subject - or, with `pronouns`, a pronoun opening the
    clause ("She rose, stretched out her hand, and said:")."""
    # the verb among the last words, before anything costlier
    tail_from = max(0, len(narration) - 600)
    tail = narration[tail_from:]
    words = list(_WORDS.finditer(tail, max(0, len(tail) - 160)))
    verb = particle = None
    for i in range(len(words) - 1, max(-1, len(words) - 16), -1):
        word = words[i]
        lemma = verb_lemma(word.group())
        nxt = words[i + 1] if i + 1 < len(words) else None
        if nxt is not None and (lemma, nxt.group()) in PHRASAL \
                and not tail[word.end():nxt.start()].strip():
            verb, particle = word, nxt
            break
        if (lemma in SPEECH_VERBS or lemma in MANNER_VERBS) and lemma != "call":
            verb = word     # ("what she called "a Powler"" names, it does not speak)
            break
    if verb is None:
        return None
    trail = tail[(particle or verb).end():]
    opening = (verb_lemma(verb.group()), particle.group() if particle else None) in _OPENINGS
    closed = not _TRAIL.match(trail)
    pronouns = pronouns and not closed      # ("She began." is left to the narration's focus)
    if (closed and not (opening and _CLOSED_TRAIL.match(trail))) \
            or _TRAIL_CLAUSE.search(trail) or _NAMING_TRAIL.match(trail) \
            or any(verb_lemma(w) not in (None, w) for w in _AND_WORD.findall(trail)):
        return None         # "burst out laughing, and called me a": the last verb is no speech
    starts = [m.end() for m in _SENTENCE_END.finditer(tail, 0, verb.start())]
    sentence_start = tail_from + (starts[-1] if starts else 0)
    sentence = narration[sentence_start:]
    shift = tail_from - sentence_start
    verb = _WORDS.match(sentence, verb.start() + shift)
    particle = _WORDS.match(sentence, particle.start() + shift) if particle else None
    verb_end = (particle or verb).end()
    names = [(a + sentence_start, b + sentence_start) for a, b in find_names(sentence)]
    if not names and not pronouns:
        return None
    head = sentence[:verb.start()]
    if pronouns and (verb.group() == verb_lemma(verb.group()) or verb.group().endswith("ing")):
        heard = _HEARD_PRONOUN.search(head, max(0, len(head) - 60))
        if heard:               # "she heard him say", "Emma heard him mutter": he speaks
            return _heard_pronoun_tag(sentence, base + sentence_start, heard, verb, particle, trail)
    if _OBJECT_BEFORE.search(head) or (_NOT_ITS_SUBJECT.search(head)
                                       and not verb.group().endswith("ing")):
        return None             # "she heard him say", "he did not answer"
    right_before = _PRONOUN_RIGHT_BEFORE.search(head)
    if right_before:
        # "she presently added,": the pronoun is the subject, unless it is a clause's
        # object ("what she said")
        if not pronouns or _NOT_PRONOUN_TAG.search(head, 0, right_before.start()):
            return None
        return _clause_pronoun_tag(sentence, base + sentence_start, right_before.start(),
                                   verb, particle, trail)
    chosen, perceived, chosen_pronoun = None, False, None
    # a pronoun or a description opening a clause nearer the verb is its subject: "..., and
    # what she said", "..., while her sister, panting for breath, ... cried out"
    others = [(m.start() + sentence_start, -1) for m in _CLAUSE_PRONOUN.finditer(head)] + \
        [(m.start() + sentence_start, -1) for m in _DESCRIPTION.finditer(head)
         if m.group().rsplit(None, 1)[-1] not in _THINGS]     # ("shook his head, and said")
    kin = _KIN_BEFORE_VERB.search(head, max(0, len(head) - 40))
    if kin:
        others.append((kin.start() + sentence_start, -1))     # "her husband called from"
    for start, end in sorted(list(names) + others):
        s, e = start - sentence_start, end - sentence_start
        if s < 0 or e > verb.start():
            continue
        before = _DETERMINER_BEFORE.sub("", head[:s]) if end >= 0 else head[:s]
        if end >= 0:
            # "when John Thorpe came up": a given name the cast does not write with the
            # surname is still the name's
            before = _GIVEN_NAME_BEFORE.sub("", before)
        opens = bool(_CLAUSE_START.search(before.rstrip(", "))
                     or _OPENER.match(before.lstrip("-\u2014\"'\u201d"))     # ('"--Even Mr. Weston')
                     or before.rstrip().endswith(","))
        if end < 0:
            fronted = not opens and pronouns and bool(_FRONTED.match(before))
            if fronted:
                opens = True        # "As she entered he stopped, and said:"
            if opens and pronouns and _SUBORDINATE.search(before.rstrip(", ")) \
                    and "," in head[s:]:
                continue        # "He waited until she had done, and then said": a
                                # subordinate clause's subject is not the speaker
            if chosen is not None and _RELATIVE_OBJECT.search(before):
                continue        # "Mrs. Allen did all that she could do ... by saying"
            if opens:
                chosen = None
                chosen_pronoun = s if _CLAUSE_PRONOUN.match(head, s) \
                    or (pronouns and (_KIN_DESCRIPTION.match(head, s)
                                      or (not fronted and _described(head, s, verb.group()))))  \
                    else None
            continue
        right_before_verb = re.match(r"\s+(?:(?:[a-z]+ly|next|then|again|now)\s+)?\Z", head[e:])
        if right_before_verb and (_PERCEIVES.search(before) or _AUX_BEFORE.search(before)):
            # "Archer heard Madame Olenska say", "Not until then did Marilla say"
            chosen, perceived = (s, e), True
            break
        if opens and not _AFTER_PREPOSITION.search(before) and not _POSSESSIVE.match(head, e) \
                and not _OBJECT_AND.search(before):       # ("leant behind her and Willoughby")
            chosen, chosen_pronoun = (s, e), None       # (not "Isabella's eyes")
    if chosen is None:
        subject = chosen_pronoun is not None and (_CLAUSE_PRONOUN.match(head, chosen_pronoun)
                                                  or _KIN_DESCRIPTION.match(head, chosen_pronoun)
                                                  or _PERSON_DESCRIPTION.match(head, chosen_pronoun))
        between = head[subject.end():] if subject else ""
        if subject and not _hears_speaker(between, verb.group()) \
                and not (re.search(r"\bwho\b", between) and not re.match(r"\s*,?\s*who\b", between)):
            return _clause_pronoun_tag(sentence, base + sentence_start, chosen_pronoun,
                                       verb, particle, trail)
        return None
    s, e = chosen
    between = re.sub(r"\([^()]*\)", "", head[e:])      # "(it was Newland who bought them)"
    if not perceived and _PERCEIVED.search(between) and not _HEARD_TO.search(between):
        return None         # "Mr. Beebe heard her kiss Lucy and say"
    if closed and not _NEXT_TO_VERB.match(between):
        return None         # "before the conversation began.": whose verb?
    if re.search(r"\bwho\b", between) and not re.match(r"\s*,?\s*who\b", between):
        return None         # "the public character: who, repressing a smile, said"
    if re.search(r"\bto\s+(?:[a-z]+ly\s+)?\Z", head) and any(
            e <= n_s - sentence_start and not _AFTER_PREPOSITION.search(head[:n_s - sentence_start])
            for n_s, n_e in names if n_e - sentence_start <= verb.start()):
        return None         # "... as to give Emma time only to say": whose infinitive?
    if verb.group().endswith("s") and not re.match(r"\s*(?:[a-z]+ly\s+)?\Z", between):
        return None         # "petty questions such as": a plural noun, no verb
    lemma = verb_lemma(verb.group())
    # the tag itself is the verb (and the "and" or comma joining it): the rest of the
    # sentence stays action
    join = re.search(r"(?:,?\s+and|,)\s*\Z", head)
    start = join.start() if join and join.start() >= e else verb.start()
    prt = particle.group() if particle else None
    adverb = re.match(r"\s+([a-z]+ly)\b", trail)
    return Tag(subject=" ".join(sentence[s:e].split()), verb=verb.group() + (" " + prt if prt else ""),
               lemma=lemma, adverb=adverb.group(1) if adverb else None, kind=_kind(lemma, prt),
               start=base + sentence_start + start, end=base + sentence_start + verb_end,
               subject_start=base + sentence_start + s, subject_end=base + sentence_start + e)


def _hears_speaker(between: str, verb: str) -> bool:
    """Whether the words between a subject and its speech verb have the subject hear someone
    else speak ("she heard him say", "heard her muttering"); not when a verb of its own in
    the past tense follows the hearing ("He heard her in silence, and then said")."""
    heard = _PERCEIVED.search(between)
    if heard is None:
        return False
    finite = not verb.endswith("ing") and verb_lemma(verb) not in (None, verb)
    return not finite \
        or not re.search(r",|\band\b", between[heard.end():])


_GIVEN_NAME_BEFORE = re.compile(r"(?<=[\s,;(])(?!(?:De|Du|Da|Di|Del|Van|Von|Le|La|Der|Den|St)\b)"
                                r"[A-Z][a-z]+ \Z")
# A preposition's object and: "behind her and", "to him or"
_OBJECT_AND = re.compile(rf"\b(?:{_PREPOSITIONS}|between)\s+(?:him|her|them|me|us)\s+(?:and|or)\s+\Z")
# Words before a pronoun that make it no subject of the speech verb: "what she said".
_NOT_PRONOUN_TAG = re.compile(r"\b(?:what|that|which|whom|as|than|how|whether|if|all)\s+\Z", re.I)
# Words before a pronoun that make its clause the object of a name's verb ("all that she
# could", "what she had").
_RELATIVE_OBJECT = re.compile(r"\b(?:all\s+that|what|whatever|which|whom)\s+\Z", re.I)
# Words that open a subordinate clause: its subject is not the main clause's.
_SUBORDINATE = re.compile(r"\b(?:until|till|when|whenever|while|whilst|as|if|though|although|"
                          r"because|before|after|since|where|whereupon|that)\s*\Z", re.I)


# "her husband called from the distance": someone's kin, which the sieve resolves like a name
_KIN_DESCRIPTION = re.compile(r"(?:his|her|their|His|Her|Their)\s+(?:husband|wife|brother|sister|"
                              r"mother|father|son|daughter|aunt|uncle|cousin|niece|nephew)\b")


# A description opening a clause, whose verb is the person's doing: "The lawyer hesitated a
# moment, and then replied:", "the chairman rose, and said"
_PERSON_DESCRIPTION = re.compile(r"(?:the|The)\s+(?:[a-z][\w\-]*\s+){0,2}?[a-z][\w\-]*(?=\s+(?:[a-z]+ly\s+)?"
                                 r"(?:[a-z]+ed|said|says|spoke|began|cried|rose|stood|sat|gave|"
                                 r"turned|came|went|took|drew|threw|held|broke)\b)")


# Words after a description that leave it no subject of the speech verb: someone named, a
# clause of time ("The flush deepened as Cynthia replied")
_NOT_DESCRIBED_SPEAKER = re.compile(r"[A-Z]|\b(?:as|when|while|whilst|till|until|before|after|"
                                    r"who|whom|which|that|if|though|although|because|since)\b")


def _described(head: str, s: int, verb: str) -> re.Match | None:
    """A description at `s` of `head` (the words before the speech verb) that is the
    speaker: "The lawyer hesitated a moment, and then replied:"; not before a participle
    ("..., saying": whose, the sentence's grammar does not tell)."""
    m = _PERSON_DESCRIPTION.match(head, s)
    if m is None or verb.endswith("ing") or _NOT_DESCRIBED_SPEAKER.search(head, m.end()):
        return None
    return m


# "heard him say", "to hear her say", "heard him almost immediately afterwards say"
_HEARD_PRONOUN = re.compile(r"\b(?:hear|heard|hears|hearing|overhear|overheard)\s+(?P<obj>him|her)\s+"
                            r"(?:(?:[a-z]+ly|almost|immediately|afterwards|then|once|again)\s+){0,3}\Z")
_OBJECT_SUBJECT = {"him": "he", "her": "she"}


def _heard_pronoun_tag(sentence: str, base: int, heard: re.Match, verb, particle, trail) -> Tag:
    """The tag of a speech verb whose speaker is the one heard, a pronoun ("him" -> "he")."""
    lemma = verb_lemma(verb.group())
    prt = particle.group() if particle else None
    adverb = re.match(r"\s+([a-z]+ly)\b", trail)
    return Tag(subject=_OBJECT_SUBJECT[heard.group("obj")], verb=verb.group() + (" " + prt if prt else ""),
               lemma=lemma, adverb=adverb.group(1) if adverb else None, kind=_kind(lemma, prt),
               start=base + heard.start(), end=base + (particle or verb).end(),
               subject_start=base + heard.start("obj"), subject_end=base + heard.end("obj"))


# Someone's kin right before the speech verb: "her husband called from the distance"
_KIN_BEFORE_VERB = re.compile(_KIN_DESCRIPTION.pattern + r"\s+(?:[a-z]+ly\s+)?\Z")


def _clause_pronoun_tag(sentence: str, base: int, s: int, verb, particle, trail) -> Tag:
    """The tag of a clause whose subject is the pronoun (or someone's kin) at `s` of `sentence`."""
    e = (_CLAUSE_PRONOUN.match(sentence, s) or _KIN_DESCRIPTION.match(sentence, s)
         or _PERSON_DESCRIPTION.match(sentence, s)).end()
    lemma = verb_lemma(verb.group())
    prt = particle.group() if particle else None
    adverb = re.match(r"\s+([a-z]+ly)\b", trail)
    head = sentence[:verb.start()]
    join = re.search(r"(?:,?\s+and|,)\s*\Z", head)
    start = join.start() if join and join.start() >= e else verb.start()
    return Tag(subject=sentence[s:e], verb=verb.group() + (" " + prt if prt else ""),
               lemma=lemma, adverb=adverb.group(1) if adverb else None, kind=_kind(lemma, prt),
               start=base + start, end=base + (particle or verb).end(),
               subject_start=base + s, subject_end=base + e)
