"""Where scenes start and what their headings say.

Prose does not announce its scenes; this module reads them from cues:

- a scene starts at the story's start, after chapter headings and scene-break lines, where the
  time jumps ("The next morning", "Three weeks passed", a phone ringing), where people move to
  another place ("followed him down the stairs", "were in the dining-room. I joined them"), after
  a quoted arrangement to meet somewhere ("Meet you at the theater"), and where an outdoor
  scene turns out to have moved indoors;
- a heading is INT./EXT. (INT./EXT. for vehicles), a LOCATION of place nouns from the prose
  ("HOUSE - DEN": a building and a room), and a time of day from time words and clock readings;
  when the prose says nothing the last known place and time carry forward, a room change inside
  one action is CONTINUOUS;
- a phone call with the other side shown gets the caller's place established and an
  `INTERCUT - PHONE CONVERSATION` line; a run of summary paragraphs becomes a MONTAGE; a
  recollection running over several paragraphs becomes a (FLASHBACK) scene.

Everything is read with general English lexicons (adapt/scene_cues.py): no story's names,
places or phrases.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from . import scene_cues as cues
from .scene_plan import Montage, Scene, ScenePlan  # noqa: F401 - the plan's types live there
from .story import Chapter, Paragraph, SceneBreak, Story


# ---------------------------------------------------------------------------------------------
# Reading places



_KINDS = {**{w: "exterior" for w in cues.EXTERIORS}, **{w: "building" for w in cues.BUILDINGS},
          **{w: "vehicle" for w in cues.VEHICLES}, **{w: "room" for w in cues.ROOMS}}
_NOUN = cues.alternation(_KINDS)
_DET = r"(?:the|a|an|his|her|their|my|our|your|its|this|that|(?-i:[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)['\u2019]s)"
_PLACE = re.compile(rf"\b({_DET}|(?-i:[A-Z][a-z]{{3,}}))\s+((?:[a-z][\w'-]*\s+){{0,2}}?)({_NOUN})\b(?!['\u2019]s|-)", re.I)
_NAMED_ROOM = re.compile(r"\b([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)['\u2019]s\s+(room|bedroom|study)\b")
_BED = re.compile(r"\b(?:in|into|out of|from|on|off) (?:the |his |her |my |their )?bed\b|"
                  r"\bthe bed\b|\bbed ?sheets\b", re.I)
_ENTERING = ("enter", "enters", "entered", "entering", "reach", "reaches", "reached")
_PAUSING = ("paused", "stopped", "halted", "waited", "lingered")
_MOVE = re.compile(   # one word boundary ahead of the four alternatives: checked once per place
    rf"\b(?:(?:re-?)?{cues.alternation(cues.MOVE_VERBS, gaps=False)}\b(?:[^.;:!?\"\u201c]{{0,40}}?)\b{cues.MOVE_PREPS}\s+"
    rf"(?:{_DET}\s+(?:[A-Za-z][\w'-]*\s+){{0,2}}?((?i:{_NOUN}))\b(?!['\u2019]s)|((?:[A-Z][a-z]+\s?){{1,3}})\b)"
    rf"|(?:re-?)?(?:{'|'.join(_ENTERING)})\s+"
    rf"(?:{_DET}\s+(?:[a-z][\w'-]*\s+){{0,2}}?({_NOUN})\b)"
    rf"|(?:were|was|are|is)\s+(?:already\s+|still\s+|all\s+)?in\s+the\s+({_NOUN})\b[^.!?]*[.!?]\s+"
    rf"(?:I|We|He|She|They)\s+joined\b"
    rf"|(?:{'|'.join(_PAUSING)})\s+(?:\w+\s+)?in\s+the\s+({_NOUN})\b)",
    re.X)
# Finding a place or a move tries _PLACE or _MOVE at every word of a paragraph, which made
# them the planner's slowest searches. Every match holds a word these hints find fast (literal
# words, which the regex engine skips to): _PLACE's place noun, whose first word stands after
# white space and before a non-letter (in lower case: the hint is not case-blind); _MOVE's
# verb, in lower case before a word boundary (a movement verb, entering or pausing: the match
# starts at it or at the "re" or "re-" before it; or "joined", whose match starts further
# back). So the patterns are only tried at the few places where a match can start (see
# _place_matches, _move_matches).
_PLACE_HINT = re.compile(r"\s(?:%s)\b" % cues.alternation(
    sorted({re.match("[a-z]+", noun).group() for noun in _KINDS}), gaps=False))
_MOVE_HINT = re.compile(r"(?:%s)\b" % cues.alternation(
    sorted({*cues.MOVE_VERBS, *_ENTERING, *_PAUSING}), gaps=False))
# The non-ASCII letters that match ASCII ones case-blind (_PLACE is case-blind): lower-casing
# does not turn them into those letters, so with one of them the hint cannot be trusted.
_CASE_FOLDED_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def _hints_unsafe(text: str, low: str) -> bool:
    """Whether hints found in `low` (text.lower()) may miss matches of a case-blind pattern in
    `text`, or stand at other offsets: then the pattern is searched for as usual."""
    return not text.isascii() and (len(low) != len(text)
                                   or _CASE_FOLDED_ASCII.search(text) is not None)
# Proper place names, capitalised ("the Angelika Theater", "Lover's Lane"): the same place when
# the prose later says only "the theater".
# (Read over the whole text: written to start with its capital, so that the regex engine
# skips straight to capitals, with the word boundary checked behind it, "(?<!\w.)".)
_PROPER = re.compile(r"([A-Z](?<!\w.)[a-z]+(?:['\u2019]s)?\s+(?:[A-Z][a-z]+(?:['\u2019]s)?\s+){0,2})(%s)\b"
                     % cues.alternation([w.title() for w in _KINDS if " " not in w and "-" not in w],
                                        gaps=False))
_NOT_NAMES = {"The", "A", "An", "This", "That", "His", "Her", "Their", "My", "Our", "Your", "Its", "In",
              "At", "On", "To", "Into", "From", "And", "But", "Old", "New", "Great", "Little"}
_OUTDOOR = re.compile(cues.OUTDOOR_CUES, re.I | re.X)
_INDOOR = re.compile(cues.INDOOR_CUES, re.I | re.X)
_STRONG_INDOOR = re.compile(r"\b(?:ceiling|bed|sheets|blanket|pillows?|sofa|couch|fireplace|carpet)\b",
                            re.I)
_SENTENCE = re.compile(r"[^.!?\u2026]+(?:[.!?\u2026]+[\"'\u201d\u2019)]*|$)")


_TRANSIT = {"CORRIDOR", "PASSAGE", "HALL", "HALLWAY", "LANDING", "STAIRS", "STAIRCASE", "STAIRWAY",
            "LOBBY", "GALLERY"}


_ITERATIVE = re.compile(r"\b(?:(?:every|each) (?:day|morning|evening|night|week|time|sunday|summer|"
                        r"winter)|used to|again and again|more and more|once more)\b", re.I)
_READ_LIMIT = 40      # paragraphs of a scene read for its heading: enough, and bounded on long scenes
_DAYS = re.compile(r"\b(?:days?|weeks?|months?|years?|morrow|fortnight|next|following)\b", re.I)


def _norm(noun: str) -> str:
    """One spelling per place: "dining-room" and "Dining Room" are DINING ROOM."""
    return re.sub(r"[\s-]+", " ", noun).upper()


def _kind_of(name: str) -> str | None:
    """The kind of a location name: "ANGELIKA THEATER" is a building."""
    return _KINDS.get(name.lower()) or _KINDS.get(name.split()[-1].lower())


def _kind(noun: str) -> str:
    return _KINDS.get(re.sub(r"[\s-]+", " ", noun.lower()),
                      _KINDS.get(re.sub(r"[\s-]+", "-", noun.lower()), "room"))


@dataclass
class Place:
    main: str | None = None     # a building or outdoor place: "HOUSE", "BEACH"
    sub: str | None = None      # a room: "DEN"
    setting: str = "INT."

    def text(self) -> str:
        parts = [p for p in (self.main, self.sub) if p]
        return " - ".join(parts) if parts else "UNKNOWN"


# Paragraphs of a scene are joined with this separator: a character no prose holds, so place
# and cue lookups run (and are cached) once per paragraph however many scenes read it.
SEP = "\x1e"


def _places(text: str, names: frozenset[str]) -> list[tuple[int, str, str]]:
    """(offset, kind, NAME) of each place mentioned in narration text, in order."""
    if SEP not in text:
        return _paragraph_places(text, names)
    out, base = [], 0
    for piece in text.split(SEP):
        out.extend((p + base, k, n) for p, k, n in _paragraph_places(piece, names))
        base += len(piece) + 1
    return out


def _count(pattern: re.Pattern, text: str) -> int:
    """How many outdoor (pattern _OUTDOOR) or indoor (_INDOOR) cue words the text holds."""
    which = 0 if pattern is _OUTDOOR else 1
    return sum(_piece_cues(piece)[which] for piece in text.split(SEP))


_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


@lru_cache(maxsize=32768)
def _piece_cues(text: str) -> tuple[int, int]:
    words = _WORD.findall(text.lower())
    # (map with the sets' own membership test: the counts a generator gives, 3x faster)
    outdoor = sum(map(cues.OUTDOOR_WORDS.__contains__, words)) + \
        sum(map(cues.OUTDOOR_PAIRS.__contains__, zip(words, words[1:])))
    return outdoor, sum(map(cues.INDOOR_WORDS.__contains__, words))


@lru_cache(maxsize=16384)
def _place_matches(text: str) -> tuple[re.Match, ...]:
    """_PLACE.finditer(text), trying the pattern only a few words before each place noun."""
    low = text.lower()
    if _hints_unsafe(text, low):
        return tuple(_PLACE.finditer(text))
    out, pos, tried = [], 0, 0
    for hint in _PLACE_HINT.finditer(low):
        noun = hint.start() + 1
        if noun < pos:
            continue
        # A match ends its determiner (a word, or two with one space between) and at most two
        # words before the noun, each word followed by white space: it starts within the four
        # runs of non-space before the noun.
        start = noun
        for _ in range(4):
            while start > pos and text[start - 1].isspace():
                start -= 1
            while start > pos and not text[start - 1].isspace():
                start -= 1
        for at in range(max(start, tried), noun):
            # (every match starts with a letter at a word boundary)
            if text[at].isalpha() and (not at or not (text[at - 1].isalnum() or text[at - 1] == "_")):
                m = _PLACE.match(text, at)
                if m:
                    out.append(m)
                    pos = m.end()
                    break
        tried = max(tried, pos, noun)
    return tuple(out)


@lru_cache(maxsize=16384)
def _move_matches(text: str) -> tuple[re.Match, ...]:
    """_MOVE.finditer(text), trying the pattern only where a verb of it starts."""
    if "joined" in text:
        return tuple(_MOVE.finditer(text))      # (that match starts before its verb)
    starts, at = set(), 0
    while (hint := _MOVE_HINT.search(text, at)) is not None:
        verb = hint.start()
        at = verb + 1           # (every verb: those that end alike overlap, "strides", "rides")
        starts.add(verb)
        if verb >= 2 and text.startswith("re", verb - 2):
            starts.add(verb - 2)
        if verb >= 3 and text.startswith("re-", verb - 3):
            starts.add(verb - 3)
    out, pos = [], 0
    for start in sorted(starts):
        if start >= pos and (m := _MOVE.match(text, start)):
            out.append(m)
            pos = m.end()
    return tuple(out)


# "at", "in", "near" or "outside" and a capitalised name: each written to start with its
# letter, the word boundary checked behind it ("(?<!\w.)"), so that the regex engine skips
# to those letters over the whole text.
_AT_NAME = re.compile(r"(?:a(?<!\w.)t|i(?<!\w.)n|n(?<!\w.)ear|o(?<!\w.)utside)\s+"
                      r"([A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})")


@lru_cache(maxsize=1)
def _named_places(text: str) -> tuple[set[str], list[tuple[int, str, str]]]:
    """Capitalised words the prose puts people at or in ("at Netherfield", "in London"), and
    the proper place names it holds: (offset, NOUN, PROPER NAME)."""
    at = set(_AT_NAME.findall(text))
    proper = []
    for m in _PROPER.finditer(text):
        words = m.group(1).split()
        while words and words[0] in _NOT_NAMES:
            words.pop(0)
        if words:
            proper.append((m.start(), m.group(2).upper(), _norm(" ".join(words) + " " + m.group(2))))
    return at, proper


def warm(story: Story) -> None:
    """Work out what plan() reads from the story alone, not from the cast, into the caches
    plan() looks it up in: for a helper process with time on its hands before the cast is
    known (see adapt.pipeline). The caches are bounded: on a long novel the first paragraphs'
    entries give way to later ones, which plan() then works out again."""
    _named_places(story.text)
    for block in story.blocks:
        if isinstance(block, Paragraph):
            narration = _narration(block)
            _sentences(narration)
            _piece_cues(narration)
            _place_matches(narration)
            _move_matches(narration)


@lru_cache(maxsize=16384)
def _paragraph_places(text: str, names: frozenset[str]) -> list[tuple[int, str, str]]:
    found = []
    for m in _place_matches(text):
        det = m.group(1)
        if re.search(r"\b(?:from|like|than)\s+$", text[max(0, m.start() - 6):m.start()]):
            continue        # where someone came from, or a comparison: not where the scene is
        if det[:1].isupper() and det.split()[0].lower() not in ("the", "a", "an", "his", "her",
                                                                "their", "my", "our", "your"):
            owner = re.sub(r"['\u2019]s$", "", det)
            if owner.upper() in names or owner.split()[-1].upper() in names:
                found.append((m.start(3), "room" if _kind(m.group(3)) == "room" else _kind(m.group(3)),
                              f"{owner.upper()}'S {_norm(m.group(3))}"))
                continue
        name = _norm(m.group(3))
        if m.group(3)[:1].isupper() and (m.group(2).strip()[:1].isupper() or det[:1].isupper()
                                         and det.lower() not in ("the", "a", "an", "this", "that")):
            # a proper name: "the Angelika Theater", "Lover's Lane"
            proper = (det + " " if det.lower() not in ("the", "a", "an", "this", "that") else "") + m.group(2)
            name = _norm(proper.strip() + " " + m.group(3))
            if _kind(m.group(3)) == "room":     # "Kellynch Hall" is a house, not a hall
                found.append((m.start(3), "building", name))
                continue
        found.append((m.start(3), _kind(m.group(3)), name))
    # Both need their words spelled out ("bed" in any case: no other letter folds to b, e
    # or d), so most paragraphs are passed over without a regex search.
    for m in _NAMED_ROOM.finditer(text) if "room" in text or "study" in text else ():
        if not any(start == m.start(2) for start, _, _ in found):
            found.append((m.start(2), "room", f"{m.group(1).upper()}'S {m.group(2).upper()}"))
    for m in _BED.finditer(text) if "bed" in text.lower() else ():
        found.append((m.start(), "bed", "BEDROOM"))
    return sorted(found)


def _setting_from_cues(text: str) -> str | None:
    outdoor, indoor = _count(_OUTDOOR, text), _count(_INDOOR, text)
    if outdoor > indoor:
        return "EXT."
    if indoor > outdoor:
        return "INT."
    return None


# ---------------------------------------------------------------------------------------------
# Reading times

# All time words in one pass: the leftmost match wins, and where several start at the same
# place the alternative listed first (the strongest) does, as one search per word list would.
# Each list starts with a word boundary, checked once for all; every alternative starts with
# a word character, and looking ahead for one before the boundary makes the search a third
# faster (the engine skips to such characters).
assert all(pattern.startswith(r"\b") for _, pattern in cues.TIME_WORDS)
_TIME_WORDS = re.compile(r"(?=\w)\b(?:" + "|".join(f"(?P<{name}>{pattern[2:]}(?![-\\w]))"
                                             for name, pattern in cues.TIME_WORDS) + ")", re.I)


# Every match of _TIME_WORDS holds one of the first (in lower case) and starts at most two
# runs of non-space before the run holding it; every match of CLOCK, one of the second, at
# most two runs before it ("four o clock"). Looked for first, they let _first_match try the
# patterns at a few words rather than at every word of a scene.
_TIME_HINT = re.compile(r"night|moon|candle|lamp|bed|dark|still up|sat up|waited up|dawn|day|"
                        r"sunrise|light|morning|breakfast|evening|dusk|sunset|dinner|supper|"
                        r"sundown|noon|lunch|sunshine")
_CLOCK_HINT = re.compile(r"clock|in the (?:morning|afternoon|evening)|at night|[ap]\.m\.|[ap]m\b")


# What ARRANGEMENT, _UNTIL and RECALL need (in lower case): a text without one has no match.
_ARRANGING = ("meet ", "wait", "go ", "come ", "see you")
_RECALLING = ("remember", "recall", "thought back", "years ", "months ", "weeks ", "when ")
_UNTIL = re.compile(r"\b(?:until|till)\s+(?:about\s+)?(?:\w+\s+o['\u2019 ]?clock|evening|"
                    r"dusk|dark|nightfall|midnight|morning)", re.I)


def _may_hold(text: str, words) -> bool:
    """Whether a case-blind pattern that needs one of `words` (lower case) can match text."""
    low = text.lower()
    return any(word in low for word in words) or (
        not text.isascii() and _CASE_FOLDED_ASCII.search(text) is not None)


def _first_match(pattern: re.Pattern, hint: re.Pattern, text: str, back: int):
    """pattern.search(text), for a case-blind pattern whose every match starts at a word start
    at most `back` runs of non-space before the run holding an occurrence of `hint` in it (in
    the lower-cased text): the pattern is tried only at the word starts there, in order."""
    low = text.lower()
    if _hints_unsafe(text, low):
        return pattern.search(text)
    tried = 0
    for found in hint.finditer(low):
        start = found.start()
        while start > tried and not text[start - 1].isspace():
            start -= 1                  # the start of the run holding the hint
        for _ in range(back):           # ... and of `back` runs before it
            while start > tried and text[start - 1].isspace():
                start -= 1
            while start > tried and not text[start - 1].isspace():
                start -= 1
        for at in range(max(start, tried), found.end()):
            if (text[at].isalnum() or text[at] == "_") and \
                    (not at or not (text[at - 1].isalnum() or text[at - 1] == "_")):
                m = pattern.match(text, at)
                if m:
                    return m
        tried = max(tried, found.end())
    return None


def _times(text: str, current: str | None) -> str | None:
    """The first time of day the text states, or None."""
    m = _first_match(_TIME_WORDS, _TIME_HINT, text, 2)
    best = (m.start(), m.lastgroup) if m else None
    m = _first_match(cues.CLOCK, _CLOCK_HINT, text, 2)
    if m is not None:
        # A bare "o'clock" says less than "evening" or "growing dark"; "in the morning" more.
        bare = "clock" in (m.group(2) or "").lower()
        if best is None or (not bare and m.start() < best[0]):
            best = (m.start(), cues.clock_time(m, current))
    return best[1] if best else None


def _spoken_clock(para: Paragraph, current: str | None) -> str | None:
    """A clock reading said aloud: "It's four in the morning"."""
    for q in para.quotes:
        m = re.search(r"\b(?:it's|it is|it was|it\u2019s)\s+(?:almost\s+|nearly\s+|past\s+)?", q.text, re.I)
        if m:
            clock = cues.CLOCK.match(q.text, m.end())
            if clock:
                return cues.clock_time(clock, current)
    return None


# ---------------------------------------------------------------------------------------------
# The plan

def _narration(para: Paragraph) -> str:
    return " ".join(s.text for s in para.spans if s.kind == "narration")


_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Mme|Mlle|Messrs|Capt|Col|Gen|Lieut|Prof|Rev|Sr|Jr|"
                           r"No|vs|etc)|\b[A-Z])$")


_SENTENCE_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)]*(?=\s|$)")


@lru_cache(maxsize=4096)
def _sentences(text: str) -> tuple[str, ...]:
    """Sentences of narration; "Mrs. Hall" and "J. Smith" do not end one. (Cached: each
    paragraph's are read when scenes start and again when looking for flashbacks.)"""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        # An abbreviation is a few letters right before the stop (at most "Messrs"): search
        # only there, not the whole sentence so far. `start` follows a stop and a space, so
        # the word boundary at the window's edge reads the same as at a slice's start.
        if m.group().startswith(".") and _ABBREVIATION.search(text, max(start, m.start() - 8),
                                                              m.start()):
            continue
        out.append(text[start:m.end()].strip())
        start = m.end()
    out.append(text[start:].strip())
    return tuple(x for x in out if x)


_CHAPTER_LINE = re.compile(r"\A\s*(?:CHAPTER|Chapter|BOOK|Book|PART|Part|VOLUME|Volume|STAVE|Stave)"
                           r"\s+[\w.]+[^\n]{0,60}(?:\n[^\n]{1,80})?\s*\Z")


def _is_title(para: Paragraph, after_heading: bool) -> bool:
    """A chapter heading the grammar read as a paragraph ("CHAPTER I.\\nTHE ARRIVAL"), or the
    title line right under a chapter heading ("THE HAMILTONS")."""
    text = para.text.strip()
    if para.quotes and not after_heading or len(text) > 140:
        return False
    if _CHAPTER_LINE.match(text):
        return True
    letters = [c for c in text if c.isalpha()]
    return (after_heading and "\n" not in text and len(text) <= 80 and bool(letters)
            and all(c.isupper() for c in letters) and not text.endswith((".", "!", "?", ",")))


def title_paragraphs(blocks) -> set[int]:
    """Indexes of the paragraphs that are chapter titles (the plan's `skip`); they need only
    the story, so the builder can know them before the plan is made. (The last blocks asked
    about are remembered until the plan is made: a helper asks before planning.)"""
    if _TITLES and _TITLES[0] is blocks:
        return set(_TITLES[1])
    titles, after_heading = set(), True
    for i, block in enumerate(blocks):
        if isinstance(block, (Chapter, SceneBreak)):
            after_heading = isinstance(block, Chapter)
        elif _is_title(block, after_heading):
            titles.add(i)
            after_heading = True
        else:
            after_heading = False
    _TITLES[:] = [blocks, frozenset(titles)]
    return titles


_TITLES: list = []      # [blocks, their title_paragraphs], emptied by plan()


@dataclass
class _Cue:
    reason: str
    place: tuple[str, str] | None = None   # (kind, NAME) of a destination
    time: str | None = None
    jump: bool = False
    text: str = ""                         # prose the scene's place and time are read from


class _Planner:
    def __init__(self, story: Story, cast=None):
        self.story = story
        self.blocks = story.blocks
        self.names = set()
        self.genders = {}
        self._narration: dict[int, str] = {}
        for character in cast or []:
            for name in [character.name, *character.aliases]:
                self.names.add(name.upper())
                self.names.update(w.upper() for w in name.split() if w[:1].isupper() and len(w) > 2)
                self.genders[name.upper()] = character.gender
        self.names = frozenset(self.names)
        self.place_names, self.proper = _named_places(story.text)
        self.skip: set[int] = set()
        self.excluded: set[int] = set()     # the other side of a phone call, while heading its scene
        self.handover: dict[int, str] = {}  # paragraph -> its closing move into the next scene
        self.paras: list[int] = []          # block indexes of story paragraphs (not titles)

    # -- where scenes start -------------------------------------------------------------------
    def starts(self) -> dict[int, _Cue]:
        starts: dict[int, _Cue] = {}
        pending_break = True
        self.skip = title_paragraphs(self.blocks)
        for i, block in enumerate(self.blocks):
            if isinstance(block, (Chapter, SceneBreak)) or i in self.skip:
                pending_break = True
                continue
            self.paras.append(i)
            if pending_break:
                starts[i] = _Cue("start" if not starts and i == self._first_para() else "break")
                pending_break = False
        for n, i in enumerate(self.paras):
            para = self.blocks[i]
            narration = self.narration(i)
            sentences = _sentences(narration)
            opening = " ".join(sentences[:1])
            if i not in starts or starts[i].reason == "move" and starts[i].text not in narration:
                jump = any(cues.TIME_JUMP.match(s) and not (k and s.lower().startswith("when"))
                           for k, s in enumerate(sentences[:2])) or \
                    bool(_may_hold(opening, ("til",)) and _UNTIL.search(opening))
                if cues.phone_starts(opening):
                    starts[i] = _Cue("phone", jump=True, text=narration)
                    self.handover.pop(self.paras[n - 1] if n else -1, None)
                elif jump and (para.quotes == [] or len(narration) > 40):
                    starts[i] = _Cue("jump", jump=True, text=narration)
                    self.handover.pop(self.paras[n - 1] if n else -1, None)
            self._moves(n, i, para, narration, starts)
            self._arrangement(n, para, starts)
        return dict(sorted(starts.items()))

    def _first_para(self) -> int:
        for i, block in enumerate(self.blocks):
            if isinstance(block, Paragraph) and i not in self.skip:
                return i
        return 0

    def _moves(self, n, i, para, narration, starts):
        """A move to a named place: the scene starts here, or at the next paragraph when the
        move closes this one."""
        moves = []
        for m in _move_matches(narration):
            before = narration[max(0, m.start() - 14):m.start()]
            if re.search(r"\b(?:had|'d|would|could|should|must|might|not|never)\s+(?:\w+\s+)?$", before) or \
                    re.search(r"\b(?:a|an)\s+(?:[a-z][\w'-]*\s+){0,2}?\S+$", m.group()):
                continue        # backstory, wishes and "going down a road" are no moves
            if re.search(r"\b(?:not|never|n't|had)\b", m.group()):
                continue
            noun = m.group(1) or m.group(3) or m.group(4) or m.group(5)
            if noun and _norm(noun) == "ROOM" and not re.search(r"\b(?:re-|back|return)", m.group(), re.I):
                continue        # "into the room": the room the scene is in, unless going back
            if noun:
                named = [x for x in _places(m.group(), self.names) if x[1] == _kind(noun)]
                moves.append((m, (_kind(noun), named[-1][2] if named else _norm(noun))))
            elif m.group(2) and self._is_place_name(m.group(2).strip(), narration[m.end(2):]):
                moves.append((m, ("named", m.group(2).strip().upper())))
        if not moves:
            return
        length = max(len(narration), 1)
        first, last = moves[0], moves[-1]
        picks = []
        if first[0].start() < 0.3 * length and first[1] != last[1]:
            picks.append((i, first))
        at_end = len(narration[last[0].end():].strip()) < 0.4 * length and last[0].start() > 0.3 * length
        if at_end:
            if n + 1 < len(self.paras):
                picks.append((self.paras[n + 1], last))
        else:
            picks.append((i, last))
        for target, (m, place) in picks:
            if target != i:
                self.handover[i] = narration[m.start():]
            if target in starts and starts[target].reason in ("start", "break", "jump", "phone"):
                starts[target].place = starts[target].place or place
                continue
            starts[target] = _Cue("move", place=place, text=narration[m.start():])

    def _is_place_name(self, name: str, after: str) -> bool:
        """A capitalised destination is a place when the prose calls it one ("Longbourn, the
        village") or puts people at or in it elsewhere, and it is nobody's name."""
        words = name.split()
        known = re.match(rf",?\s+(?:the|a|an|their|his|her)\s+(?:[a-z][\w'-]*\s+){{0,2}}?(?:{_NOUN})\b", after) \
            or name in self.place_names
        return bool(known) and (name.upper() not in self.names and not any(w.upper() in self.names for w in words)
                and words[0] not in ("I", "Mr", "Mrs", "Miss", "Dr", "Sir", "Lady", "Lord", "God")
                and words[0].lower() not in ("the", "a", "an", "and", "but", "he", "she", "they",
                                             "we", "it", "his", "her", "him", "them", "me"))

    def _arrangement(self, n, para, starts):
        """"Meet you at the theater": the scene cuts there once the exchange closes."""
        for q in para.quotes:
            m = cues.ARRANGEMENT.search(q.text) if _may_hold(q.text, _ARRANGING) else None
            if not m:
                continue
            place = re.match(rf"(?:[a-z][\w'-]*\s+){{0,2}}?({_NOUN})\b", q.text[m.end():], re.I)
            if not place:
                continue
            last = n
            for k in range(n + 1, min(n + 4, len(self.paras))):
                nxt = self.blocks[self.paras[k]]
                if any(cues.REMAINS.search(x.text) for x in nxt.quotes):
                    last = k
            if last + 1 >= len(self.paras):
                return
            target = self.paras[last + 1]
            minutes = any(re.search(r"\b(?:minutes?|hours?)\b", x.text)
                          for k in range(n, last + 1) for x in self.blocks[self.paras[k]].quotes)
            if not minutes:
                return      # no time set: talk of going somewhere, not a cut
            if target not in starts:
                starts[target] = _Cue("meet", place=(_kind(place.group(1)), _norm(place.group(1))),
                                      time="LATER" if minutes else None)
            return

    # -- what the headings say ----------------------------------------------------------------
    def paras_in(self, first: int, last: int) -> list[int]:
        return self.paras[bisect.bisect_left(self.paras, first):bisect.bisect_right(self.paras, last)]

    def narration(self, i: int) -> str:
        text = self._narration.get(i)
        if text is None:
            text = self._narration[i] = _narration(self.blocks[i])
        return text

    def scene_text(self, first: int, last: int, limit: int | None = None) -> str:
        """The narration of a scene's paragraphs; a move that closes the last paragraph
        belongs to the next scene."""
        lo, hi = bisect.bisect_left(self.paras, first), bisect.bisect_right(self.paras, last)
        paras = [i for i in self.paras[lo:hi] if i not in self.excluded]
        cut = paras and not limit or (limit and len(paras) <= limit)
        if limit:
            paras = paras[:limit]
        texts = [self.narration(i) for i in paras]
        tail = self.handover.get(paras[-1]) if paras and cut else None
        if tail and tail in texts[-1]:
            texts[-1] = texts[-1][:texts[-1].rindex(tail)]
        return SEP.join(texts)

    def plan(self) -> ScenePlan:
        starts = self.starts()
        montages = self._montages(starts)
        starts = self._around_montages(starts, montages)
        starts = self._indoor_turns(starts)
        starts = self._drop_pass_through(starts)
        starts = self._flashbacks(starts, montages)
        order = list(starts)
        stops = sorted(set(order) | {m.first_block for m in montages})
        scenes: list[Scene] = []
        place, time = Place(), None
        history: list[Place] = []
        present = None          # place and time a flashback leaves, to come back to
        for k, index in enumerate(order):
            cue = starts[index]
            if cue.reason == "flashback":
                present = (place, time)
            elif cue.reason == "back" and present:
                place, time = present
            later = [i for i in stops if i > index]
            end = later[0] - 1 if later else len(self.blocks) - 1
            other_side = self._intercut(index, end) if cue.reason == "phone" else None
            self.excluded = {other_side[0]} if other_side else set()
            if cue.reason == "back" and present:
                new_place, new_time = Place(place.main, place.sub, place.setting), time
            else:
                new_place, new_time = self._heading(cue, index, end, place, time, history)
            new_place.main = self._named(new_place.main, self.blocks[end].end if end < len(self.blocks) else 0)
            history.append(place)
            prev_place, prev_time = place, time
            place, time = new_place, new_time
            block = self.blocks[index]
            shown_time = new_time
            if cue.reason == "move" and not cue.jump and cue.time is None and scenes and \
                    cue.place and cue.place[0] in ("room", "bed") and not self._states_time(cue, index):
                shown_time = "CONTINUOUS"
            elif cue.reason == "meet" and cue.time and cue.place and cue.place[0] == "room":
                shown_time = cue.time
            elif cue.reason == "jump" and scenes and new_place.text() == prev_place.text() and \
                    new_time == prev_time and not re.search(
                        r"\b(?:morning|evening|night|afternoon|day|days|week|weeks|month|months|year|"
                        r"years|morrow)\b", cue.text[:80], re.I):
                shown_time = "LATER"
            scene = Scene(index, "", (block.start, block.end), place.setting, place.text(),
                          shown_time or "DAY", cue.reason, jump=cue.jump)
            scene.heading = f"{scene.setting} {scene.location} - {scene.time}"
            if cue.reason == "flashback":
                scene.flashback = True
                scene.heading += " (FLASHBACK)"
            if scenes and scenes[-1].heading == scene.heading and cue.reason in ("move", "indoors"):
                continue
            scenes.append(scene)
            if other_side:
                i, location = other_side
                block = self.blocks[i]
                scenes.append(Scene(i, f"INT. {location} - {scene.time}", (block.start, block.end),
                                    "INT.", location, scene.time, "intercut", kind="intercut"))
        scenes = self._front_matter(scenes)
        return ScenePlan(scenes, montages, set(self.skip))

    def _front_matter(self, scenes: list[Scene]) -> list[Scene]:
        """A byline and a date before the first chapter are no scene; a story that opens
        without naming its place takes the first place its opening chapter names."""
        if len(scenes) > 1 and scenes[0].reason == "start" and scenes[1].reason == "break":
            paras = self.paras_in(scenes[0].block_index, scenes[1].block_index - 1)
            if len(paras) <= 4 and all(len(self.narration(i)) < 200 and not self.blocks[i].quotes
                                       for i in paras):
                scenes = scenes[1:]
        first = scenes[0] if scenes else None
        if first and first.location == "UNKNOWN":
            for later in scenes[1:4]:
                if later.reason in ("break", "phone") or later.kind != "scene":
                    break
                if later.location != "UNKNOWN":
                    first.location, first.setting = later.location.split(" - ")[0], later.setting
                    first.heading = f"{first.setting} {first.location} - {first.time}" + \
                        (" (FLASHBACK)" if first.flashback else "")
                    break
        return scenes

    def _states_time(self, cue: _Cue, index: int) -> bool:
        return _times(cue.text or self.narration(index), None) is not None

    def _heading(self, cue, first, last, place, time, history):
        paras = self.paras_in(first, last)
        opening = (cue.text + SEP if cue.text else "") + self.scene_text(first, first)
        head = (cue.text + SEP if cue.text else "") + self.scene_text(first, last, limit=3)
        whole = self.scene_text(first, last, limit=_READ_LIMIT)
        fresh = cue.jump or cue.reason in ("break", "start", "phone")
        new = Place(place.main, None if fresh and place.main else place.sub, place.setting)
        if cue.place and cue.place[0] == "named":
            new.main, new.sub = cue.place[1], None
            new.setting = _setting_from_cues(whole) or "INT."
        elif cue.place:
            self._apply(new, cue.place[0], cue.place[1], place, history)
        else:
            self._read_place(new, head, whole, fresh, cue)
        if new.main and _kind_of(new.main) == "building" and new.sub is None:
            # Outside a building when the scene is all sky and pavement.
            if _setting_from_cues(whole) == "EXT." and _count(_OUTDOOR, whole) >= 2:
                new.setting = "EXT."
        if new.sub == "ROOM" and new.main:
            new.sub = None      # "INN - ROOM" says no more than "INN"
        if not new.main and not new.sub and new.setting != "EXT.":
            family = re.search(r"\b(?:Mr|Mrs|Miss)\.?\s+([A-Z][a-z]+)", whole)
            if family:
                new.main = f"{family.group(1).upper()} HOUSE"
        # Time of day: the scene's opening says it, else what the prose said last carries.
        new_time = cue.time if cue.time and cue.time != "LATER" else None
        if cue.reason in ("start", "break"):
            new_time = new_time or _times(head, time) or _times(whole, time)
        else:
            new_time = new_time or _times(opening, time)
        if not new_time and cue.reason in ("phone", "start", "break", "jump"):
            new_time = next((t for i in paras[:12] for t in [_spoken_clock(self.blocks[i], time)] if t),
                            None)
        if not new_time and cue.jump and _DAYS.search(opening[:200]):
            new_time = "DAY"
        return new, new_time or time or "DAY"

    def _read_place(self, new: Place, head: str, whole: str, fresh: bool, cue):
        """Setting and location of a scene that names no destination, from its place nouns."""
        found_head = _places(head, self.names)
        found_whole = _places(whole, self.names)
        found = found_head + found_whole
        if not found:
            if cue.reason == "indoors":
                new.setting, new.main, new.sub = "INT.", None, None
            return      # nothing said: the last place carries
        pieces = head.split(SEP)
        first_para = _places(pieces[1] if cue.text and len(pieces) > 1 else pieces[0], self.names)
        inside = sum(k in ("room", "bed") for _, k, _ in found_whole) + \
            sum(k in ("room", "bed") for _, k, _ in first_para) + _count(_INDOOR, whole) // 3
        outside = sum(k == "exterior" for _, k, _ in found_whole) + \
            sum(k == "exterior" for _, k, _ in first_para) + _count(_OUTDOOR, whole) // 2
        mains = [(k, n) for _, k, n in found if k in ("building", "vehicle", "exterior")]
        rooms = [n for _, k, n in found if k in ("room", "bed")]
        rooms = [n for n in rooms if n != "ROOM"] or rooms   # "the room" says least
        if rooms == ["ROOM"] * len(rooms) and mains:
            rooms = []
        if outside > inside and cue.reason != "indoors":
            ext = [(k, n) for k, n in mains if k == "exterior"] or mains
            self._apply(new, "exterior", ext[0][1], Place(), [])
            return
        if cue.reason == "indoors":
            new.main = None
        buildings = [(k, n) for _, k, n in found if k in ("building", "vehicle")]
        if buildings:
            self._apply(new, *buildings[0], new, [])
        elif fresh and new.main and new.main.split()[-1].lower() not in cues.DWELLINGS and rooms \
                and (cue.reason != "jump" or _DAYS.search(cue.text[:200])):
            new.main = None     # a shop seen days ago does not hold tonight's bedroom
        if rooms:
            new.sub = rooms[0]
            new.setting = "INT."
            if new.main and _kind_of(new.main) in ("exterior", "vehicle"):
                new.main = None
        if cue.reason == "indoors":
            new.setting = "INT."

    def _named(self, main: str | None, before: int) -> str | None:
        """"THEATER" is the ANGELIKA THEATER when that is the only theater named so far."""
        if not main:
            return main
        names = {proper for pos, noun, proper in self.proper if noun == main and pos < before}
        return names.pop() if len(names) == 1 else main

    def _apply(self, new: Place, kind: str, name: str, old: Place, history):
        if kind == "room" or kind == "bed":
            if name == "ROOM" and old.sub and old.sub != "ROOM":
                # "back into the room": the room before this one
                name = next((h.sub for h in reversed(history) if h.sub and h.sub != old.sub), old.sub)
            new.sub = name
            new.setting = "INT."
            if new.main and _kind_of(new.main) in ("exterior", "vehicle"):
                new.main = None
        elif kind == "exterior":
            new.main, new.sub, new.setting = name, None, "EXT."
        elif kind == "vehicle":
            new.main, new.sub, new.setting = name, None, "INT./EXT."
        else:
            if name == "HOME" and old.main and _kind_of(old.main) == "building":
                name = old.main
            new.main, new.sub, new.setting = name, None, "INT."

    def _indoor_turns(self, starts):
        """An outdoor scene whose prose turns to ceilings and bed sheets has moved indoors; the
        new scene starts at the run of pure narration that leads there."""
        order = list(starts)
        added = {}
        for k, index in enumerate(order):
            end = order[k + 1] if k + 1 < len(order) else len(self.blocks)
            paras = self.paras_in(index, end - 1)
            text = self.scene_text(index, paras[0] if paras else index, limit=1)
            place = _places(text, self.names)
            outdoors = (place and place[0][1] == "exterior") or \
                (starts[index].place and starts[index].place[0] == "building"
                 and _setting_from_cues(self.scene_text(index, end - 1, limit=_READ_LIMIT)) == "EXT.") or \
                _setting_from_cues(self.scene_text(index, end - 1, limit=8)) == "EXT."
            if not outdoors:
                continue
            for n, i in enumerate(paras[1:], 1):
                narration = self.narration(i)
                if _STRONG_INDOOR.search(narration) and not _OUTDOOR.search(narration):
                    j = n
                    while j > 1 and not self.blocks[paras[j - 1]].quotes:
                        j -= 1
                    added[paras[j]] = _Cue("indoors", text=narration)
                    break
        merged = dict(starts)
        for i, cue in added.items():
            merged.setdefault(i, cue)
        return dict(sorted(merged.items()))

    def _around_montages(self, starts, montages):
        """A montage stands in for the scenes its shots would open; the story picks up again
        with a new scene after it."""
        out = dict(starts)
        for montage in montages:
            for i in list(out):
                if montage.first_block <= i <= montage.last_block and out[i].reason not in ("start", "break"):
                    del out[i]
            after = next((i for i in self.paras if i > montage.last_block), None)
            if after is not None and (after not in out or out[after].reason == "move"):
                if after not in out or self.handover.get(montage.last_block):
                    out[after] = _Cue("jump", jump=True, text=self.narration(after))
        return dict(sorted(out.items()))

    def _drop_pass_through(self, starts):
        """A one-paragraph stop on the way somewhere ("out into the corridor. We went down the
        stairs") is not a scene of its own."""
        order = list(starts)
        keep = {}
        for k, index in enumerate(order):
            nxt = order[k + 1] if k + 1 < len(order) else None
            paras_between = self.paras_in(index, nxt - 1) if nxt is not None else []
            transit = starts[index].place and starts[index].place[1] in _TRANSIT
            short = len(paras_between) == 1 and len(self.narration(paras_between[0])) < 250
            if (starts[index].reason == "move" and nxt is not None and len(paras_between) <= 1
                    and starts[nxt].reason == "move" and (transit or short)):
                continue
            keep[index] = starts[index]
        return keep

    def _intercut(self, first, last) -> tuple[int, str] | None:
        """The other side of a phone call: the first paragraph where someone named handles
        the phone who is not the one who answered it."""
        opening = self.narration(first)
        named = [w for w in re.findall(r"\b[A-Z][a-z]+\b", opening) if w.upper() in self.names]
        pronoun = re.search(r"\b(he|she|I)\b", opening, re.I)
        answerer = named[0] if named else pronoun.group(1) if pronoun else None
        for i in self.paras:
            if not first < i <= last:
                continue
            narration = self.narration(i)
            if not cues.PHONE_HANDLING.search(narration):
                continue
            subject = re.match(r"\W*([A-Z][a-z]+)\b", narration)
            if not subject or subject.group(1) in ("He", "She", "I", "It", "The", "They", "We"):
                continue
            name = subject.group(1)
            gender = self.genders.get(name.upper())
            if answerer and answerer.lower() in ("he", "she") and gender and \
                    {"he": "M", "she": "F"}[answerer.lower()] == gender:
                continue
            if answerer and answerer.upper() == name.upper():
                continue
            inside = [n for _, k, n in _places(narration, self.names) if k in ("room", "building", "bed")]
            return i, inside[0] if inside else f"{name.upper()}'S PLACE"
        return None

    def _montages(self, starts: dict[int, _Cue]) -> list[Montage]:
        """Runs of two or more short paragraphs without speech that each compress time ("For
        weeks they ...", "Every Sunday ..."): the shots of a montage."""
        breaks = {i for i, c in starts.items() if c.reason in ("start", "break")}
        montages = []
        run: list[int] = []

        def close():
            if len(run) >= 2:
                montages.append(Montage(run[0], run[-1]))
            run.clear()

        for i in self.paras:
            para = self.blocks[i]
            narration = self.narration(i)
            shot = not para.quotes and len(narration) <= 500 and (
                cues.SUMMARY.search(narration) or run and _ITERATIVE.search(narration))
            if not shot or (i in breaks and run):
                close()
            if shot:
                run.append(i)
        close()
        return montages

    def _flashbacks(self, starts, montages):
        """A recollection ("She remembered the summer she was twelve, when ...") told over more
        than a sentence or two in a tense further back than the story's is a flashback: a scene
        of its own, and then back to where the story was. One sentence stays action."""
        present_tense = self._present_tense()
        back = cues.PAST_SIMPLE if present_tense else cues.PAST_PERFECT
        in_montage = {i for m in montages for i in range(m.first_block, m.last_block + 1)}
        out = dict(starts)
        n = 0
        while n < len(self.paras):
            i = self.paras[n]
            para = self.blocks[i]
            if i in in_montage or para.quotes:
                n += 1
                continue
            sentences = _sentences(self.narration(i))
            recall = cues.RECALL.search(sentences[0]) \
                if sentences and _may_hold(sentences[0], _RECALLING) else None
            if not recall or len(sentences[0][:recall.start()].split()) > 4:
                n += 1
                continue
            run = [i]
            for j in self.paras[n + 1:]:
                text = self.narration(j)
                if self.blocks[j].quotes or j in out or len(back.findall(text)) * 25 < len(text.split()):
                    break
                run.append(j)
            text = " ".join(self.narration(j) for j in run)
            if len(_sentences(text)) >= 2 and len(back.findall(text)) * 25 >= len(text.split()):
                out[i] = _Cue("flashback", jump=True, text=self.narration(i))
                after = next((j for j in self.paras if j > run[-1]), None)
                if after is not None and after not in out:
                    out[after] = _Cue("back", jump=True)
            n += len(run)
        return dict(sorted(out.items()))

    def _present_tense(self) -> bool:
        """Whether the story is told in the present tense ("he says", "she looks")."""
        sample = " ".join(self.narration(i) for i in self.paras[:200])
        present = len(re.findall(r"\b(?:he|she|it|they|I|we)\s+(?:\w+ly\s+)?(?:is|are|am|says|looks|"
                                 r"\w+s)\b", sample))
        past = len(re.findall(r"\b(?:he|she|it|they|I|we)\s+(?:\w+ly\s+)?(?:was|were|said|looked|"
                              r"\w+ed)\b", sample))
        return present > past


def plan(story: Story, attribution=None) -> ScenePlan:
    """The scene plan of a story; `attribution` (optional) tells names of people from places."""
    cast = getattr(attribution, "cast", None)
    try:
        return _Planner(story, cast).plan()
    finally:    # the per-paragraph caches serve one plan: free them for the stages after it
        for cached in (_piece_cues, _paragraph_places, _sentences, _place_matches, _move_matches,
                       _named_places):
            cached.cache_clear()
        _TITLES.clear()


_NUMBERED = re.compile(r"^(?:INT|EXT|EST|INT\.?/EXT|I/E)[ .]", re.I)


def number_scenes(doc) -> None:
    """Number a document's scene headings 1, 2, 3 ... in order (a heading keeps a number it
    already has, as locked scripts do). INTERCUT and MONTAGE lines are not scenes."""
    n = 0
    for el in doc.elements:
        if el.type != "scene_heading" or not _NUMBERED.match(el.text):
            continue
        n += 1
        if not el.scene_number:
            el.scene_number = str(n)
