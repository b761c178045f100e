"""Pagination: the document as pages of positioned text lines, with no drawing involved.

Courier 12 pt sets 10 characters per inch and 6 lines per inch, so a page is a grid: each
line has a left edge in inches and a text. Tests check this layout directly; the PDF writer
only paints it.
"""
from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field

from .emphasis import plain
from .model import Document, Element

LINES_PER_PAGE = {"letter": 55, "a4": 57}
PAGE_SIZE_IN = {"letter": (8.5, 11.0), "a4": (8.27, 11.69)}
RIGHT_EDGE_IN = 7.5


@dataclass(frozen=True)
class Style:
    left: float          # inches from the page's left edge
    width: int           # characters per line
    space_before: int    # blank lines above
    align: str = "left"  # "left", "right" (to RIGHT_EDGE_IN) or "center"


STYLES = {
    "scene_heading": Style(1.5, 61, 2),
    "action": Style(1.5, 61, 1),
    "character": Style(3.7, 38, 1),
    "parenthetical": Style(3.1, 24, 0),
    "dialogue": Style(2.5, 35, 0),
    "lyrics": Style(2.5, 35, 0),
    "transition": Style(1.5, 61, 1, "right"),
    "centered": Style(1.5, 61, 1, "center"),
    "section": None,
    "synopsis": None,
    "note": None,
    "page_break": None,
}


@dataclass
class Line:
    text: str
    left: float          # inches
    kind: str            # element type, or "more", "contd", "page_number"
    align: str = "left"


@dataclass
class Page:
    number: int
    lines: list[Line | None] = field(default_factory=list)   # None is a blank line

    @property
    def text_lines(self) -> list[Line]:
        return [ln for ln in self.lines if ln is not None]


def wrap(text: str, width: int) -> list[str]:
    out = []
    for para in text.split("\n"):
        out.extend(textwrap.wrap(para, width, break_on_hyphens=False) or [""])
    return out


_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)]*$|--$|\u2014$")


@dataclass
class _Block:
    """Lines that pagination moves together, with where they may be split."""
    kind: str
    space_before: int
    lines: list[Line]
    cue: str | None = None          # for speech: the cue to repeat after a split
    body_from: int = 0               # speech: index of the first dialogue line


def _lines_for(el: Element) -> list[Line]:
    style = STYLES[el.type]
    text = plain(el.text)
    if el.type == "character" and el.extension:
        text = f"{text} ({el.extension})"
    if el.type == "scene_heading":
        text = text.upper()
    return [Line(t, style.left, el.type, style.align) for t in wrap(text, style.width)]


def _blocks(doc: Document, show_notes: bool = False) -> list[_Block | str]:
    """Group elements into blocks; a cue with its parentheticals and dialogue is one block."""
    out: list[_Block | str] = []
    for el in doc.elements:
        if el.type == "page_break":
            out.append("page_break")
            continue
        if el.type == "note" and show_notes:
            el = Element("action", f"[[{el.text}]]")
        if STYLES.get(el.type) is None:
            continue
        lines = _lines_for(el)
        last = out[-1] if out else None
        if el.type in ("parenthetical", "dialogue", "lyrics") and isinstance(last, _Block) \
                and last.kind == "speech":
            last.lines.extend(lines)
            continue
        if el.type == "character":
            out.append(_Block("speech", STYLES["character"].space_before, lines, cue=el.text,
                              body_from=len(lines)))
        else:
            out.append(_Block(el.type, STYLES[el.type].space_before, lines))
    return out


def _split_point(lines: list[Line], room: int, first: int, min_each: int = 2) -> int | None:
    """The largest k <= room with lines[first:k] >= min_each lines ending a sentence and
    lines[k:] >= min_each lines; None when there is none."""
    for k in range(min(room, len(lines) - min_each), first + min_each - 1, -1):
        if _SENTENCE_END.search(lines[k - 1].text.rstrip()) and lines[k - 1].kind != "character":
            return k
    return None


class _Paginator:
    def __init__(self, lines_per_page: int):
        self.capacity = lines_per_page
        self.pages: list[Page] = []
        self.new_page()

    def new_page(self):
        self.pages.append(Page(len(self.pages) + 1))

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def room(self, space_before: int) -> int:
        used = len(self.page.lines)
        return self.capacity - used - (space_before if used else 0)

    def put(self, block: _Block, lines: list[Line] | None = None):
        if self.page.lines:
            self.page.lines.extend([None] * block.space_before)
        self.page.lines.extend(block.lines if lines is None else lines)

    def place(self, block: _Block, keep_with: int = 0):
        """Put a block on the page, splitting or moving it as the rules say."""
        room = self.room(block.space_before)
        if len(block.lines) + keep_with <= room:
            self.put(block)
            return
        if block.kind == "action" and len(block.lines) >= 4:
            k = _split_point(block.lines, room, 0)
            if k:
                self.put(block, block.lines[:k])
                self.new_page()
                self.place(_Block("action", 0, block.lines[k:]))
                return
        if block.kind == "speech" and len(block.lines) > block.body_from:
            # Leave a line for (MORE) under the part that stays.
            k = _split_point(block.lines, room - 1, block.body_from)
            if k:
                cue_left = block.lines[0].left
                self.put(block, block.lines[:k] + [Line("(MORE)", cue_left, "more")])
                self.new_page()
                cont = Line(f"{block.cue} (CONT'D)", cue_left, "contd")
                self.place(_Block("speech", 0, [cont] + block.lines[k:], block.cue, 1))
                return
        if self.page.lines:
            self.new_page()
        self.put(block)   # a block longer than a page still has to go somewhere

    def run(self, blocks: list[_Block | str]):
        for i, block in enumerate(blocks):
            if block == "page_break":
                if self.page.lines:
                    self.new_page()
                continue
            keep_with = 0
            if block.kind == "scene_heading" and i + 1 < len(blocks) and isinstance(blocks[i + 1], _Block):
                nxt = blocks[i + 1]
                keep_with = nxt.space_before + min(2, len(nxt.lines))
            self.place(block, keep_with)
        return self.pages


def paginate(doc: Document, paper: str = "letter", show_notes: bool = False) -> list[Page]:
    return _Paginator(LINES_PER_PAGE[paper]).run(_blocks(doc, show_notes))
