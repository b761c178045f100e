"""Where scenes start and what their headings say.

A first version: a scene starts at the story's start, at every chapter heading and at every
scene-break line. The heading takes INT./EXT. and a location from the first place noun in the
scene's opening paragraphs and a time of day from time words; when the prose says nothing,
the last known place and time carry forward.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .story import Chapter, Paragraph, SceneBreak, Story

INTERIORS = """apartment bedroom kitchen bathroom den hall hallway office room parlour parlor
    drawing-room library study cottage house home flat shop store supermarket restaurant cafe
    bar pub inn hotel church chapel theater theatre cinema school classroom hospital station
    prison cell court courtroom attic cellar basement stairs staircase corridor lobby foyer
    ballroom dining-room breakfast-room sitting-room carriage car train compartment cabin
    barn stable palace castle museum gallery""".split()
EXTERIORS = """street road lane garden park beach shore sea field fields forest wood woods
    river lake hill hills mountain village town city square yard courtyard porch doorstep
    bridge harbour harbor dock meadow moor desert island cliff path avenue terrace lawn
    churchyard graveyard cemetery market""".split()
_PLACE = re.compile(r"\b(?:the|a|an|his|her|their|my|our)\s+((?:[a-z\-]+\s+){0,2}?(%s))\b"
                    % "|".join(sorted(INTERIORS + EXTERIORS, key=len, reverse=True)), re.I)
_TIMES = [
    ("NIGHT", r"\b(?:night|midnight|moonlight|lamp was lit|(?:one|two|three|four) in the morning)\b"),
    ("MORNING", r"\b(?:morning|dawn|sunrise|breakfast)\b"),
    ("EVENING", r"\b(?:evening|dusk|sunset|twilight|dinner)\b"),
    ("DAY", r"\b(?:day|noon|afternoon|sunlight|sunshine)\b"),
]


@dataclass
class Scene:
    block_index: int            # the scene starts before story.blocks[block_index]
    heading: str
    source: tuple[int, int]


def _opening_text(blocks, start: int, limit: int = 3) -> str:
    texts = [b.text for b in blocks[start:start + limit * 2] if isinstance(b, Paragraph)]
    return " ".join(texts[:limit])


def _place(text: str) -> tuple[str, str] | None:
    match = _PLACE.search(text)
    if not match:
        return None
    noun = match.group(2).lower()
    return ("INT." if noun in INTERIORS else "EXT."), noun.upper()


def _time(text: str) -> str | None:
    for name, pattern in _TIMES:
        if re.search(pattern, text, re.I):
            return name
    return None


def plan(story: Story) -> list[Scene]:
    blocks = story.blocks
    starts = [0] + [i + 1 for i, b in enumerate(blocks) if isinstance(b, (Chapter, SceneBreak))]
    scenes = []
    place, time = ("INT.", "UNKNOWN"), "DAY"
    for start in dict.fromkeys(starts):
        if start >= len(blocks) or not any(isinstance(b, Paragraph) for b in blocks[start:start + 1]):
            continue
        text = _opening_text(blocks, start)
        place = _place(text) or place
        time = _time(text) or time
        first = blocks[start]
        scenes.append(Scene(start, f"{place[0]} {place[1]} - {time}", (first.start, first.end)))
    return scenes
