"""What the prose reader produces: the story as chapters, scene breaks and paragraphs of
narration and quotations, every piece with its offsets into the input text.

This is the prose-side intermediate form; `adapt.build` turns it into screenplay elements.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)   # a novel has ~100k spans: no per-object __dict__
class Span:
    kind: str      # "narration" or "quote"
    text: str      # for a quote, the words inside the marks
    start: int     # offsets of `text` in the input
    end: int
    closed: bool = True   # a quote whose closing mark was found in its paragraph


@dataclass(slots=True)
class Paragraph:
    spans: list[Span]
    start: int
    end: int

    @property
    def quotes(self) -> list[Span]:
        return [s for s in self.spans if s.kind == "quote"]

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass
class Chapter:
    text: str
    start: int
    end: int


@dataclass
class SceneBreak:
    start: int
    end: int


Block = Paragraph | Chapter | SceneBreak


@dataclass
class Story:
    text: str                       # the input exactly as read
    blocks: list[Block] = field(default_factory=list)
    title: str | None = None        # from a title line or a Project Gutenberg header
    author: str | None = None
    title_span: tuple[int, int] | None = None

    def paragraphs(self):
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def quotes(self):
        return [q for p in self.paragraphs() for q in p.quotes]
