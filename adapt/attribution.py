"""Who speaks each quotation, and the cast of speaking characters.

A first sieve: an explicit name in the tag, a pronoun tag resolved to the latest character of
that gender, a speech continued across paragraphs, then turn-taking (the speaker two quotes
back). `attribute()` returns speakers keyed by quotation start offset, so the rest of the
pipeline does not depend on how the sieve works.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .model import Character
from .story import Paragraph, Story
from .tags import PRONOUNS, TITLES, Tag, tag_after, tag_before

UNKNOWN = "VOICE"

_FEMALE_TITLES = {"mrs", "miss", "ms", "lady", "madam", "madame", "mademoiselle", "mme", "mlle",
                  "mother", "aunt"}
_MALE_TITLES = {"mr", "sir", "lord", "monsieur", "father", "uncle", "colonel", "captain",
                "major", "general"}
_NAME_RE = re.compile(rf"\b(?:{TITLES}\s+)?[A-Z][a-z\u2019'\-]+(?:\s+[A-Z][a-z\u2019'\-]+)?")
_LEADING_WORDS = {"then", "and", "but", "so", "now", "still", "yet", "at", "when", "as", "here",
                  "there", "oh", "well", "yes", "no"}


@dataclass
class QuoteInfo:
    paragraph: Paragraph
    index: int                  # position of the quote in its paragraph's spans
    tag: Tag | None = None


@dataclass
class Attribution:
    speakers: dict[int, str] = field(default_factory=dict)    # quote start -> cue
    tags: dict[int, Tag] = field(default_factory=dict)         # quote start -> its tag
    cast: list[Character] = field(default_factory=list)

    def speaker(self, quote_start: int) -> str:
        return self.speakers.get(quote_start, UNKNOWN)


def find_tag(paragraph: Paragraph, index: int) -> Tag | None:
    """The tag of the quote at `paragraph.spans[index]`: after it, else before it."""
    spans = paragraph.spans
    quote = spans[index]
    if index + 1 < len(spans) and spans[index + 1].kind == "narration":
        after = spans[index + 1]
        tag = tag_after(after.text, after.start, quote.text)
        if tag:
            return tag
    if index > 0 and spans[index - 1].kind == "narration":
        before = spans[index - 1]
        return tag_before(before.text, before.start)
    return None


def _clean_name(subject: str) -> str:
    words = subject.split()
    while len(words) > 1 and words[0].lower() in _LEADING_WORDS:
        words = words[1:]
    name = " ".join(words)
    return re.sub(r"[\u2019']s$", "", name)


class _Cast:
    """Names seen so far, with gender guesses from titles and nearby pronouns."""

    def __init__(self):
        self.lines = Counter()
        self.gender_votes: dict[str, Counter] = defaultdict(Counter)
        self.last_mention: dict[str, int] = {}

    def key(self, name: str) -> str:
        return name.upper()

    def gender(self, name: str) -> str | None:
        first = name.split()[0].rstrip(".").lower()
        if first in _FEMALE_TITLES:
            return "F"
        if first in _MALE_TITLES:
            return "M"
        votes = self.gender_votes.get(self.key(name))
        if votes:
            (best, n), = votes.most_common(1)
            return best if n >= 1 else None
        return None

    def observe(self, text: str, base: int):
        """Record name mentions, and the pronoun that follows a name within a sentence."""
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            names = [m for m in _NAME_RE.finditer(sentence) if m.start() > 0]
            for m in names:
                self.last_mention[self.key(_clean_name(m.group()))] = base + m.start()
            pron = re.search(r"\b(he|his|him|she|her|hers)\b", sentence)
            if names and pron:
                g = "M" if pron.group(1) in ("he", "his", "him") else "F"
                self.gender_votes[self.key(_clean_name(names[0].group()))][g] += 1

    def latest(self, gender: str | None, exclude: str | None = None) -> str | None:
        ranked = sorted(self.last_mention.items(), key=lambda kv: -kv[1])
        for key, _ in ranked:
            if key != exclude and self.lines[key] and (gender is None or self.gender(key) == gender):
                return key
        return None


def attribute(story: Story) -> Attribution:
    result = Attribution()
    cast = _Cast()
    history: list[str] = []          # speakers of the conversation so far
    prev_paragraph_open = False
    for block in story.blocks:
        if not isinstance(block, Paragraph):
            history = []
            continue
        quotes = [(i, s) for i, s in enumerate(block.spans) if s.kind == "quote"]
        if not quotes:
            cast.observe(block.text, block.start)
            history = history[-2:]
            continue
        paragraph_speaker = None
        tags = {}
        for i, q in quotes:
            tag = find_tag(block, i)
            if tag:
                tags[q.start] = tag
                result.tags[q.start] = tag
        # Who this paragraph's tags name, in order of preference.
        for i, q in quotes:
            tag = tags.get(q.start)
            if tag is None:
                continue
            if tag.named:
                paragraph_speaker = cast.key(_clean_name(tag.subject))
                cast.lines[paragraph_speaker] += 0  # becomes a known character
                break
            gender = PRONOUNS.get(tag.subject.lower())
            last = history[-1] if history else None
            paragraph_speaker = (cast.latest(gender, exclude=last)
                                 or cast.latest(gender) or (history[-2] if len(history) > 1 else None))
            break
        if paragraph_speaker is None:
            first = block.spans[0]
            lead = _NAME_RE.match(first.text.strip()) if first.kind == "narration" else None
            if prev_paragraph_open and history:
                paragraph_speaker = history[-1]
            elif lead and cast.key(_clean_name(lead.group())) in cast.last_mention:
                # A paragraph that opens with a known name's action: that character speaks.
                paragraph_speaker = cast.key(_clean_name(lead.group()))
            elif len(history) >= 2:
                paragraph_speaker = history[-2]
            elif history:
                paragraph_speaker = None
        speaker = paragraph_speaker or UNKNOWN
        for _, q in quotes:
            result.speakers[q.start] = speaker
        cast.lines[speaker] += len(quotes)
        history.append(speaker)
        cast.observe(block.text.replace("\n", " "), block.start)
        prev_paragraph_open = not block.spans[-1].closed if block.spans[-1].kind == "quote" else False
    result.cast = [Character(name=name, aliases=[name.title()], gender=cast.gender(name))
                   for name, n in cast.lines.most_common() if n > 0]
    return result
