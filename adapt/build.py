"""Story -> screenplay elements.

Narration becomes action; each speech becomes a character cue, an optional parenthetical and
dialogue. A speech tag leaves the action: a plain "she says" is dropped, a manner ("she
whispers", "he said softly") becomes a parenthetical, a gesture ("he winks") an action beat.
"""
from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING

from .action import ActionStyle, ActionWriter, Ahead, capitalise, clean
from .attribution import Attribution
from .emphasis import escape, from_prose
from .model import Document, Element
from .story import Paragraph, Span, Story
from .tags import Tag
from .verbs import gerund, third_person_present

if TYPE_CHECKING:       # (the scene planner is not needed in the process that builds: see pipeline)
    from .scene_plan import Scene


def _parenthetical(tag: Tag) -> str | None:
    """'(exasperated)' from 'exasperatedly', '(whispering)' from 'she whispers'."""
    if tag.adverb:
        word = tag.adverb[:-2] if tag.adverb.endswith("edly") else tag.adverb
        return f"({word.lower()})"
    if tag.kind == "manner":
        return f"({gerund(tag.verb)})"
    return None


def _beat(tag: Tag, narration: Span) -> tuple[str, int] | None:
    """What of a tag's sentence stays as action, and where it starts.

    A gesture tag stays whole ("He winks, pushing the cart forward."); after a speech or
    manner tag, a trailing participle phrase becomes a sentence of its own ("kneeling down"
    -> "She kneels down").
    """
    rel_end = tag.end - narration.start
    sentence_end = re.search(r"[.!?\u2026](?=\s|$)|$", narration.text[rel_end:])
    rest = narration.text[rel_end:rel_end + sentence_end.end()]
    after = narration.text[rel_end + sentence_end.end():]
    if tag.kind == "gesture":
        subject = tag.subject if not tag.pronoun else tag.subject.lower()
        adverb = f" {tag.adverb}" if tag.adverb else ""
        text = f"{capitalise(subject)} {third_person_present(tag.verb)}{adverb}{rest}"
        return clean(text + after), tag.subject_start
    participle = re.match(r"\A\s*,\s*([a-z]+ing)\b", rest)
    if participle and clean(rest):
        subject = "He" if tag.subject.lower() == "he" else "She" if tag.subject.lower() == "she" \
            else capitalise(tag.subject)
        verb = third_person_present(participle.group(1))
        sentence = f"{subject} {verb}{rest[participle.end():]}"
        return clean(sentence + after), tag.end
    remainder = clean(rest.lstrip(" ,;") + after) if re.match(r"\A\s*[,;]", rest) else clean(after)
    if remainder and rest.strip(" ,.;") and not re.match(r"\A\s*[,;]", rest):
        remainder = clean(rest + after)
    return (capitalise(remainder), tag.end) if remainder.strip(" .,;") else None


def _join_parts(parts: list[str]) -> str:
    """Parts of one speech split by a tag: "I don't know," + "what to do." -> one line."""
    out = ""
    for part in filter(None, parts):     # an empty quotation ("") adds nothing
        if out.endswith(","):
            out = out[:-1] + (" " if part[:1].islower() else ". ")
        elif out:
            out += " "
        out += part
    if out.endswith(","):
        out = out[:-1] + "."
    return out


class Builder:
    def __init__(self, story: Story, attribution: Attribution, style: ActionStyle | None = None,
                 ahead: Ahead | None = None):
        self.story = story
        self.attribution = attribution
        self.elements: list[Element] = []
        self._last_source: tuple[int, int] | None = None
        self.writer = ActionWriter(story, attribution, style, ahead)
        self.block_count = len(story.blocks)

    def add(self, type_, text, source=None, character=None):
        if type_ == "dialogue" and text.startswith("(") and text.endswith(")"):
            text = text[1:-1].strip()   # a speech all in brackets would read as a parenthetical
        if type_ != "page_break" and not text.strip():
            return
        if type_ in ("scene_heading", "character", "transition"):
            text = clean(text)    # one-line elements (a place name may span a line break)
        # Element texts are Fountain markup: a literal * or _ that would read as emphasis is
        # escaped; Gutenberg's _italics_ become *italics* (plain in one-line elements).
        markup = from_prose(text, italic=type_ not in ("scene_heading", "character", "transition"))
        if type_ == "character":     # a novel repeats a few hundred cues tens of thousands of times
            markup = sys.intern(markup)
        if character is not None:
            character = sys.intern(character)
        if source is not None and source == self._last_source:
            source = self._last_source      # the pieces of one narration share their offsets
        self._last_source = source
        self.elements.append(Element(type_, markup, character=character, source=source))

    def action(self, text: str, start: int, end: int):
        """Narration as screen action: present tense, third person, at most four lines a
        paragraph; interiority as notes (or voice-over), per the action style."""
        text = clean(text)
        if not text.strip(" .,;:\u2014-"):
            return
        for kind, piece in self.writer.pieces(capitalise(text)):
            if kind == "vo":
                self.elements.append(Element("character", self.writer.voice, character=self.writer.voice,
                                             source=(start, end), extension="V.O."))
                self.add("dialogue", piece, (start, end), self.writer.voice)
            else:
                self.add(kind, piece, (start, end))

    def paragraph(self, para: Paragraph):
        spans = para.spans
        consumed_to = para.start          # input offset up to which narration is used
        speech: list[Span] = []           # quotes of the current speech
        parenthetical = None
        beats: dict[int, tuple] = {}      # a short gesture before speech[k]: k -> parenthetical
        pending_after: list = []

        def flush():
            nonlocal speech, parenthetical, beats
            if not speech:
                return
            speaker = self.attribution.speaker(speech[0].start)
            first_tag = self.attribution.tags.get(speech[0].start)
            cue_source = ((first_tag.subject_start, first_tag.subject_end)
                          if first_tag and first_tag.named else (speech[0].start, speech[-1].end))
            self.add("character", speaker, cue_source, speaker)
            if parenthetical:
                self.add("parenthetical", parenthetical[0], parenthetical[1], speaker)
            cuts = [0, *sorted(k for k in beats if 0 < k < len(speech)), len(speech)]
            for a, b in zip(cuts, cuts[1:]):
                if a in beats:
                    self.add("parenthetical", beats[a][0], beats[a][1], speaker)
                part = speech[a:b]
                text = _join_parts([clean(q.text) for q in part])
                if b < len(speech) and clean(part[-1].text).endswith(","):
                    text = text[:-1] + "..."    # the line runs on after the beat
                self.add("dialogue", text, (part[0].start, part[-1].end), speaker)
            speech, parenthetical, beats = [], None, {}
            for item in pending_after:
                self.action(*item)
            pending_after.clear()

        for i, span in enumerate(spans):
            if span.kind == "quote":
                tag = self.attribution.tags.get(span.start)
                before = spans[i - 1] if i > 0 and spans[i - 1].kind == "narration" else None
                if tag and before and before.start <= tag.start < before.end and speech == []:
                    # The tag leads into this quote: narration before it is action.
                    self.action(self.story.text[consumed_to:tag.start], consumed_to, tag.start)
                    consumed_to = tag.end
                if speech and self.attribution.speaker(span.start) != self.attribution.speaker(speech[0].start):
                    flush()
                if not speech:
                    consumed_to = max(consumed_to, span.end + 1)
                speech.append(span)
                if tag and not parenthetical and _parenthetical(tag):
                    parenthetical = (_parenthetical(tag), (tag.start, tag.end))
                consumed_to = max(consumed_to, span.end + 1)
                continue
            # Narration: a tag of the quote before it is removed, the rest is action.
            prev_quote = spans[i - 1] if i > 0 and spans[i - 1].kind == "quote" else None
            tag = self.attribution.tags.get(prev_quote.start) if prev_quote else None
            next_is_quote = i + 1 < len(spans)
            if tag and span.start <= tag.start < span.end:
                beat = _beat(tag, span)
                if beat and not (next_is_quote and tag.kind == "gesture" and len(beat[0].split()) <= 4):
                    flush()
                    self.action(beat[0], beat[1], span.end)
                elif beat:       # a short gesture inside a speech: "(pauses)", between its parts
                    gesture = beat[0].split(" ", 1)[1].rstrip(".,;:!?").lower()
                    beats[len(speech)] = (f"({gesture})", (tag.start, tag.end))
                consumed_to = span.end
                continue
            if speech and next_is_quote and not span.text.strip():
                continue
            flush()
            if not (next_is_quote and self.attribution.tags.get(spans[i + 1].start)
                    and span.start <= self.attribution.tags[spans[i + 1].start].start < span.end):
                self.action(span.text, span.start, span.end)
                consumed_to = span.end
        flush()

    def build(self, scenes: list[Scene], transitions: str | None = None,
              consume: bool = False) -> list[Element]:
        """Elements in story order, with the scene plan's headings, intercuts and montages.

        Chapter headings (and the title lines under them) never become action; with
        transitions="cut" a `CUT TO:` goes before each scene that jumps in time. `consume`
        frees each block of the story once it is done (the story's blocks end up all None).
        """
        skip = getattr(scenes, "skip", set())
        return self.assemble(scenes, self.paragraphs(skip, consume), transitions)

    def paragraphs(self, skip: set[int], consume: bool = False, ahead=()) -> dict[int, tuple]:
        """The elements of each story paragraph but the chapter titles in `skip`, by block
        index: {index: ((start, end), elements)}. They need no scene plan, so they can be
        made while the plan is worked out elsewhere (see adapt.pipeline). `ahead`: the
        narration rewritten ahead, in parts (adapt.action.ahead), each as (index of its first
        block, a function that gives it): a part is loaded when the builder reaches it."""
        done: dict[int, tuple] = {}
        blocks = self.story.blocks
        parts = iter(ahead)
        upcoming = next(parts, None)
        for index, block in enumerate(blocks):
            while upcoming is not None and upcoming[0] <= index:
                self.writer.use(upcoming[1]())
                upcoming = next(parts, None)
            if consume:
                blocks[index] = None
            if index in skip or not isinstance(block, Paragraph):
                continue
            first = len(self.elements)
            self.paragraph(block)
            done[index] = ((block.start, block.end), self.elements[first:])
            del self.elements[first:]
        return done

    def assemble(self, scenes: list[Scene], paragraphs: dict[int, tuple],
                 transitions: str | None = None) -> list[Element]:
        """`paragraphs`' elements in story order with the plan's headings, montages and
        transitions around them (see `build`)."""
        self.add("action", "FADE IN:")  # at the left margin, as scripts open
        by_block: dict[int, list[Scene]] = {}
        for s in scenes:
            by_block.setdefault(s.block_index, []).append(s)
        skip = getattr(scenes, "skip", set())
        montages = {m.first_block: m for m in getattr(scenes, "montages", [])}
        montage_end, current = None, None
        for index in range(self.block_count):
            for scene in by_block.get(index, []):
                if scene.kind == "intercut":
                    self.add("scene_heading", scene.heading, scene.source)
                    self.add("scene_heading", "INTERCUT - PHONE CONVERSATION", scene.source)
                    continue
                if transitions == "cut" and scene.jump and current is not None:
                    self.add("transition", "CUT TO:")
                self.add("scene_heading", scene.heading, scene.source)
                current = scene
            if index in skip:
                continue
            para = paragraphs.pop(index, None)
            if index in montages and para is not None:
                montage_end = montages[index].last_block
                self.add("scene_heading", montages[index].title, para[0])
            if para is not None:
                if montage_end is not None:
                    for el in para[1]:
                        if el.type == "action":
                            el.text = "-- " + el.text
                self.elements.extend(para[1])
            if montage_end is not None and index >= montage_end:
                montage_end = None
                self.add("action", "END MONTAGE")
                if current is not None and index + 1 not in by_block and index + 1 < self.block_count:
                    self.add("scene_heading", current.heading, current.source)
        self.add("transition", "FADE OUT.")
        return _without_empty_scenes(_without_silent_cues(self.elements))


_SCENE = re.compile(r"^(?:INT|EXT|EST|INT\.?/EXT|I/E)[ .]")
_SHOWN = ("action", "character", "dialogue", "parenthetical", "lyrics", "centered", "scene_heading")


def _without_empty_scenes(elements: list[Element]) -> list[Element]:
    """A scene whose prose all became notes (hidden in print) would be a bare heading: its
    heading (and a CUT TO: before it) goes, and the notes stay with the scene before."""
    drop = set()
    for i, el in enumerate(elements):
        if el.type != "scene_heading" or not _SCENE.match(el.text):
            continue
        j = i + 1
        while j < len(elements) and elements[j].type not in _SHOWN:
            j += 1
        if j == len(elements) or _SCENE.match(elements[j].text) and elements[j].type == "scene_heading":
            drop.add(i)
            if i and elements[i - 1].type == "transition" and elements[i - 1].text == "CUT TO:":
                drop.add(i - 1)
    return [el for i, el in enumerate(elements) if i not in drop]


def _without_silent_cues(elements: list[Element]) -> list[Element]:
    """Drop a cue whose speech came out empty (a quote of only punctuation): no screenplay
    format can hold a cue without dialogue."""
    return [el for i, el in enumerate(elements)
            if el.type != "character" or (i + 1 < len(elements)
                                          and elements[i + 1].type in ("parenthetical", "dialogue"))]


def document(elements: list[Element], title: str, author: str | None, cast) -> Document:
    title_page = {"Title": escape(title)}    # title page values are Fountain markup too
    if author:
        title_page["Credit"] = "Written by"
        title_page["Author"] = escape(author)
    return Document(title_page=title_page, elements=elements, characters=cast)


def build_document(story: Story, attribution: Attribution, scenes: list[Scene],
                   title: str, author: str | None, transitions: str | None = None,
                   action: ActionStyle | None = None, consume: bool = False) -> Document:
    """`consume=True` frees the story's paragraphs as their elements are built (for a caller
    that drops the story afterwards: a long novel's story and elements never live together)."""
    elements = Builder(story, attribution, action).build(scenes, transitions, consume)
    return document(elements, title, author, attribution.cast)
