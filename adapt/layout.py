"""Pagination: the document as pages of positioned text lines, with no drawing involved.

Courier 12 pt sets 10 characters per inch and 6 lines per inch, so a page is a grid: each
line has a left edge in inches and a text. Tests check this layout directly; the PDF writer
only paints it.

The page-break rules are the industry's (see the README's PDF section): a heading keeps at
least two lines of what follows, a cue or parenthetical never ends a page, dialogue splits at
a sentence end with (MORE) and the cue repeated with (CONT'D), action splits at a sentence
end with at least two lines on each side or moves whole, and a transition never starts a page.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .emphasis import BOLD, ITALIC, NOTE, UNDERLINE, runs
from .model import Document, Element

LINES_PER_PAGE = {"letter": 55, "a4": 57}
PAGE_SIZE_IN = {"letter": (8.5, 11.0), "a4": (210 / 25.4, 297 / 25.4)}
LEFT_EDGE_IN = 1.5
RIGHT_EDGE_IN = 7.5
CHAR_IN = 0.1            # Courier 12 pt: 10 characters per inch
LINE_IN = 1 / 6          # 12 pt leading: 6 lines per inch
TOP_IN = 1.0             # first body line's top edge
MORE = "(MORE)"
CONTD = "(CONT'D)"


@dataclass(frozen=True)
class Style:
    left: float          # inches from the page's left edge
    width: int           # characters per line
    space_before: int    # blank lines above
    align: str = "left"  # "left", "right" (to RIGHT_EDGE_IN) or "center"
    emphasis: str = ""   # style letters added to every run ("i" for lyrics)


STYLES = {
    "scene_heading": Style(1.5, 61, 1),
    "action": Style(1.5, 61, 1),
    "character": Style(3.7, 38, 1),
    "parenthetical": Style(3.1, 24, 0),
    "dialogue": Style(2.5, 35, 0),
    "lyrics": Style(2.5, 35, 0, emphasis="i"),
    "transition": Style(1.5, 61, 1, "right"),
    "centered": Style(1.5, 61, 1, "center"),
    "note": Style(1.5, 61, 1, emphasis="i"),
    "section": None,
    "synopsis": None,
    "page_break": None,
}
# Lyrics outside a speech sit at the action margin.
LONE_LYRICS = Style(1.5, 61, 1, emphasis="i")
# Dual dialogue: two 3-inch columns starting at 1.5 in and 4.5 in; offsets within a column.
DUAL_COLUMNS = (1.5, 4.5)
DUAL_STYLES = {
    "character": Style(0.8, 22, 1),
    "parenthetical": Style(0.3, 24, 0),
    "dialogue": Style(0.0, 28, 0),
    "lyrics": Style(0.0, 28, 0, emphasis="i"),
}


@dataclass(frozen=True)
class LayoutOptions:
    paper: str = "letter"
    show_notes: bool = False        # print [[notes]] (hidden by default, as apps do)
    scene_numbers: bool = False     # number headings left and right
    continueds: bool = False        # (CONTINUED) / CONTINUED: on pages that split a scene
    contd: bool = True              # (CONT'D) when a speaker resumes after only action
    heading_space: int = 1          # blank lines above a scene heading (1 or 2)
    # Revised pages (adapt.revisions): element index -> (start, end) ranges of its printed
    # text that changed, or None for all of it. Lines with changed text carry REVISED marks.
    revisions: dict | None = field(default=None, compare=False, hash=False)

    def __post_init__(self):
        if self.paper not in LINES_PER_PAGE:
            raise ValueError(f"unknown paper {self.paper!r} (letter or a4)")
        if self.heading_space not in (1, 2):
            raise ValueError("heading space is 1 or 2 blank lines")


# ---------------------------------------------------------------------------------------------
# Styled text: plain characters plus emphasis marks, wrapped with offsets kept.

REVISED = "r"    # a mark letter for text changed in a revision (the PDF puts * beside it)

@dataclass(frozen=True)
class Text:
    plain: str
    marks: tuple[tuple[int, int, str], ...] = ()   # (start, end, style letters from "biu")

    def slice(self, start: int, end: int | None = None) -> Text:
        end = len(self.plain) if end is None else end
        if not self.marks:
            return Text(self.plain[start:end])
        marks = tuple((max(a, start) - start, min(b, end) - start, s)
                      for a, b, s in self.marks if a < end and b > start)
        return Text(self.plain[start:end], marks)

    def strip(self) -> Text:
        start = len(self.plain) - len(self.plain.lstrip())
        return self.slice(start, len(self.plain.rstrip()))


_STYLE_LETTER = {BOLD: "b", ITALIC: "i", UNDERLINE: "u", NOTE: "n"}


_MARKUP = re.compile(r"[*_\\\[]")     # what can start emphasis, an escape or a note


def styled_text(text: str, notes: bool = False) -> Text:
    """Element text (Fountain inline markup, see adapt.emphasis) as plain characters and
    emphasis marks; inline [[notes]] are kept, marked "n", only when `notes` is set."""
    text = text.replace("\t", "    ")     # Fountain: a tab is four spaces
    if not _MARKUP.search(text):
        return Text(text)
    plain_parts, marks, pos = [], [], 0
    for piece, style in runs(text, notes=notes):
        letters = "".join(sorted(_STYLE_LETTER[s] for s in style if s in _STYLE_LETTER))
        if letters and piece != "\n":
            marks.append((pos, pos + len(piece), letters))
        plain_parts.append(piece)
        pos += len(piece)
    return Text("".join(plain_parts), tuple(marks))


def _emphasised(text: Text, style: str) -> Text:
    if not style or not text.plain:
        return text
    return Text(text.plain, ((0, len(text.plain), style),) + text.marks)


def wrap_offsets(plain: str, width: int) -> list[tuple[int, int]]:
    """(start, end) of each line when `plain` is wrapped greedily at spaces to `width`
    characters; a hard line break always ends a line, a word longer than a line is cut."""
    if len(plain) <= width and "\n" not in plain:      # a cue, a short line: no wrapping
        return [(0, len(plain.rstrip(" ")))] if plain.strip() else [(0, 0)]
    out = []
    pos = 0
    for para in plain.split("\n"):
        start, end = pos, pos + len(para)
        pos = end + 1
        if not para.strip():
            out.append((start, start))
            continue
        while end - start > width:
            cut = plain.rfind(" ", start, start + width + 1)    # the last space that fits
            if cut <= start:
                stop = nxt = start + width
            else:
                stop, nxt = cut, cut + 1
            while stop > start and plain[stop - 1] == " ":
                stop -= 1
            out.append((start, stop))
            start = nxt
            while start < end and plain[start] == " ":
                start += 1
        stop = end
        while stop > start and plain[stop - 1] == " ":
            stop -= 1
        if start < end:
            out.append((start, stop))
    return out


def line_count(plain: str, width: int) -> int:
    """len(wrap_offsets(plain, width)), without building the offsets."""
    if "\n" not in plain and len(plain) <= width:
        return 1        # the common case: one short line (blank or not)
    return len(wrap_offsets(plain, width))


class PrefixLines:
    """line_count(plain[:pos].strip(), width) for any `pos`, from one wrap of the whole text.

    Greedy wrapping is decided left to right, and a line is only cut while more than `width`
    characters remain, looking no further than `width` + 1 characters ahead: so a prefix
    wraps exactly as the whole text does up to the first line start within `width` of the
    prefix's end, and that start begins its last line. Counting by bisection over the
    whole text's line starts makes trying every sentence end of a long paragraph linear
    instead of quadratic (tests/test_layout.py checks it against wrap_offsets)."""

    def __init__(self, plain: str, width: int):
        self.lead = len(plain) - len(plain.lstrip())
        self.body = plain[self.lead:]
        self.width = width
        self.starts = [a for a, _ in wrap_offsets(self.body, width)]

    def __call__(self, pos: int) -> int:
        body, starts = self.body, self.starts
        end = pos - self.lead
        while end > 0 and body[end - 1].isspace():
            end -= 1
        if end <= 0:
            return 1                    # nothing but space: one blank line
        first = body.rfind("\n", 0, end) + 1      # the hard-broken paragraph holding the end
        last = body.find("\n", end)
        last = len(body) if last < 0 else last
        lo = bisect.bisect_left(starts, first)
        hi = bisect.bisect_left(starts, last + 1)
        i = bisect.bisect_left(starts, end - self.width, lo, hi)
        return i + (1 if i < hi and starts[i] < end else 0)


def wrap(text: str, width: int) -> list[str]:
    return [text[a:b] for a, b in wrap_offsets(text, width)]


_SENTENCE_END = re.compile(r"(?:[.!?\u2026]|--|\u2014)[\"'\u201d\u2019)\]*_]*(?=\s|$)")
# A full stop after these is not a sentence end ("Mr. Bloom", "J. R. Ewing").
_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Mt|vs|etc|Prof|Capt|Col|Gen|Lt|Sgt|No)"
                           r"|\b[A-Z]|\be\.g|\bi\.e)\.$", re.I)


_NEWLINE = re.compile("\n")


def sentence_ends(plain: str) -> list[int]:
    """Offsets just after each sentence end (and each hard line break) in `plain`."""
    ends = set()
    for m in _SENTENCE_END.finditer(plain):
        mark = plain[m.start()]
        if mark in "-\u2014" and m.end() < len(plain) and plain[m.end()] != "\n":
            continue    # a dash mid-paragraph is a pause, not an end
        # Only the few characters before the stop can hold an abbreviation (searching from
        # 0 made this quadratic in the paragraph's length).
        if mark == "." and _ABBREVIATION.search(plain, max(0, m.start() - 8), m.start() + 1):
            continue
        ends.add(m.end())
    if "\n" in plain:
        ends.update(m.start() for m in _NEWLINE.finditer(plain))
    return sorted(e for e in ends if 0 < e <= len(plain))


# ---------------------------------------------------------------------------------------------
# Lines and pages.

@dataclass(slots=True)   # every line of every page is in memory at once
class Line:
    text: str
    left: float                        # inches
    kind: str                          # element type, or "more", "contd", "continued", ...
    align: str = "left"
    marks: tuple[tuple[int, int, str], ...] = ()
    scene_number: str | None = None    # on a heading's first line, with --scene-numbers
    anchor: str | None = None          # a heading's full text, for the PDF outline
    beside: Line | None = None         # dual dialogue: the right column on the same row

    @property
    def revised(self) -> bool:
        return any(REVISED in s for _, _, s in self.marks) or \
            (self.beside is not None and self.beside.revised)


@dataclass
class Page:
    number: int
    lines: list[Line | None] = field(default_factory=list)   # None is a blank line
    foot: Line | None = None           # "(CONTINUED)" under the body, with --continueds

    @property
    def text_lines(self) -> list[Line]:
        return [ln for ln in self.lines if ln is not None]


@dataclass
class TitlePage:
    lines: list[tuple[float, Line]]    # (top edge in inches from the page top, line)


@dataclass
class Layout:
    title_page: TitlePage | None
    pages: list[Page]
    paper: str = "letter"


def _make_lines(text: Text, style: Style, kind: str, left: float | None = None) -> list[Line]:
    text = _emphasised(text, style.emphasis)
    left = style.left if left is None else left
    plain, align, marks = text.plain, style.align, text.marks
    if not marks:
        return [Line(plain[a:b], left, kind, align) for a, b in wrap_offsets(plain, style.width)]
    out = []
    if any(m[0] > n[0] for m, n in zip(marks, marks[1:])):     # (not in order of their starts)
        for a, b in wrap_offsets(plain, style.width):
            piece = text.slice(a, b)
            out.append(Line(piece.plain, left, kind, align, piece.marks))
        return out
    # Each line's marks as Text.slice gives them, from the marks that reach into the line
    # (lines come in order, so marks that end before one end before all the rest): slicing
    # went through every mark of a long paragraph for each of its lines.
    held: list = []
    n = 0
    for a, b in wrap_offsets(plain, style.width):
        while n < len(marks) and marks[n][0] < b:
            held.append(marks[n])
            n += 1
        held = [m for m in held if m[1] > a]
        out.append(Line(plain[a:b], left, kind, align,
                        tuple((max(m0, a) - a, min(m1, b) - a, s) for m0, m1, s in held)))
    return out


# ---------------------------------------------------------------------------------------------
# Blocks: what pagination moves together, and where each may split.

class _Block:
    kind = "block"
    splittable = False

    def __init__(self, space_before: int, lines: list[Line]):
        self.space_before = space_before
        self.lines = lines

    def _candidates(self, room: int | None = None):
        """Legal (head lines, rest block) splits, largest head first; none by default."""
        return iter(())

    def split(self, room: int) -> tuple[list[Line], _Block] | None:
        """The largest legal head of at most `room` lines and the block left over."""
        for head, tail in self._candidates(room):
            if len(head) <= room:
                return head, tail
        return None

    def min_head(self) -> int:
        """Lines of the smallest legal first part (the whole block when it cannot split)."""
        return len(self.lines)

    def force_split(self, room: int) -> tuple[list[Line], _Block]:
        """A block taller than a page with no legal split: cut it at the page foot."""
        room = max(room, 1)
        return self.lines[:room], _Block(0, self.lines[room:])


class _Simple(_Block):
    def __init__(self, kind: str, space_before: int, lines: list[Line]):
        super().__init__(space_before, lines)
        self.kind = kind


class _Action(_Block):
    """Action splits at a sentence end with at least two lines on each side."""
    kind = "action"
    splittable = True

    def __init__(self, text: Text, style: Style, space_before: int, kind: str = "action"):
        self.text = text
        self.style = style
        self.kind = kind
        super().__init__(space_before, _make_lines(text, style, kind))

    def _candidates(self, room: int | None = None):
        """(head lines, tail block), largest head first; with `room`, only heads that fit
        (counted before anything is built: a long block has many candidates)."""
        for pos, _ in self._splits(room):
            head = _make_lines(self.text.slice(0, pos).strip(), self.style, self.kind)
            yield head, _Action(self.text.slice(pos).strip(), self.style, 0, self.kind)

    def _splits(self, room: int | None = None):
        """(offset, head line count) of each legal split, largest head first. Lines are
        counted on the plain text (Text.strip strips its plain text the same way), so no
        Line is built for a split that is not taken."""
        if len(self.lines) < 4:
            return
        plain, width = self.text.plain, self.style.width
        head_lines = PrefixLines(plain, width)
        for pos in reversed(sentence_ends(plain)):
            head = head_lines(pos)
            if room is not None and head > room:
                continue
            tail = plain[pos:].strip()
            if tail and head >= 2 and line_count(tail, width) >= 2:
                yield pos, head

    def min_head(self) -> int:
        if len(self.lines) < 4:
            return len(self.lines)
        plain, width = self.text.plain, self.style.width
        head_lines = PrefixLines(plain, width)
        best = None
        for pos in sentence_ends(plain):    # smallest heads first: most need no tail count
            head = head_lines(pos)
            if best is not None and head >= best:
                continue
            tail = plain[pos:].strip()
            if tail and head >= 2 and line_count(tail, width) >= 2:
                best = head
        return len(self.lines) if best is None else best


@dataclass
class _Part:
    type: str        # "parenthetical", "dialogue" or "lyrics"
    text: Text


class _Speech(_Block):
    """A cue with its parentheticals and dialogue; splits inside dialogue at a sentence end,
    with (MORE) under the first part and the cue again with (CONT'D) above the rest."""
    kind = "speech"
    splittable = True

    def __init__(self, cue: str, parts: list[_Part], space_before: int = 1,
                 column: float | None = None, dual: bool = False, cue_revised: bool = False):
        self.cue = cue
        self.cue_revised = cue_revised
        self.parts = parts
        self.column = column          # dual dialogue: the column's left edge
        self.splittable = not dual
        styles = DUAL_STYLES if column is not None else STYLES
        self.styles = styles
        lines, self.body_from = self._render(parts, cue)
        super().__init__(space_before, lines)

    def _left(self, style: Style) -> float:
        return style.left + (self.column or 0.0)

    def _render(self, parts: list[_Part], cue: str) -> tuple[list[Line], int]:
        """The speech's lines, and the index of its first line under the cue."""
        cue_style = self.styles["character"]
        marks = ((0, len(cue), REVISED),) if self.cue_revised else ()
        lines = _make_lines(Text(cue, marks), cue_style, "character", self._left(cue_style))
        body_from = len(lines)
        for part in parts:
            style = self.styles[part.type]
            lines.extend(_make_lines(part.text, style, part.type, self._left(style)))
        return lines, body_from

    def _continued_cue(self) -> str:
        return self.cue if CONTD in self.cue.upper() else f"{self.cue} {CONTD}"

    def _more(self) -> Line:
        style = self.styles["character"]
        return Line(MORE, self._left(style), "more")

    def _count(self, kind: str, plain: str) -> int:
        """Lines of one part (or of the cue, kind "character"), without building them."""
        return line_count(plain, self.styles[kind].width)

    def _candidates(self, room: int | None = None):
        """(head lines with (MORE), tail block), largest head first; with `room`, only heads
        that fit (counted before anything is built: a long speech has many candidates)."""
        for i, pos, _ in self._splits(room):
            part = self.parts[i]
            first = part.text.slice(0, pos).strip()
            rest = part.text.slice(pos).strip()
            head_parts = self.parts[:i] + [_Part(part.type, first)]
            tail_parts = ([_Part(part.type, rest)] if rest.plain else []) + self.parts[i + 1:]
            head, _ = self._render(head_parts, self.cue)
            yield head + [self._more()], _Speech(self._continued_cue(), tail_parts, 0, self.column)

    def _splits(self, room: int | None = None):
        """(part index, offset, head line count with (MORE)) of each legal split, largest head
        first, all counted on plain text (as Text.strip strips it): no Line is built for a
        split that is not taken."""
        if not self.splittable:
            return
        counts = [self._count(p.type, p.text.plain) for p in self.parts]
        cue_lines = self._count("character", self.cue)
        for i in range(len(self.parts) - 1, -1, -1):
            part = self.parts[i]
            if part.type == "parenthetical":
                continue
            plain = part.text.plain
            before = sum(counts[:i])        # lines of the whole parts ahead of this one
            after = sum(counts[i + 1:])
            head_lines = PrefixLines(plain, self.styles[part.type].width)
            for pos in reversed(sentence_ends(plain)):
                rest = plain[pos:].strip()
                if not rest and i + 1 == len(self.parts):
                    continue                # nothing would be left for the next page
                body = before + head_lines(pos)
                if room is not None and cue_lines + body + 1 > room:
                    continue
                tail_body = (self._count(part.type, rest) if rest else 0) + after
                if body >= 2 and tail_body >= 2:
                    yield i, pos, cue_lines + body + 1

    def min_head(self) -> int:
        sizes = [head for _, _, head in self._splits()]
        return min(sizes) if sizes else len(self.lines)

    def force_split(self, room):
        room = max(room, self.body_from + 2)
        head = self.lines[:room - 1] + [self._more()]
        cue = _make_lines(Text(self._continued_cue()), self.styles["character"], "character",
                          self._left(self.styles["character"]))
        return head, _Block(0, cue + self.lines[room - 1:])


class _Dual(_Block):
    """Two speeches side by side; moved whole."""
    kind = "dual"

    def __init__(self, left: _Speech, right: _Speech):
        rows = max(len(left.lines), len(right.lines))
        lines = []
        for i in range(rows):
            a = left.lines[i] if i < len(left.lines) else None
            b = right.lines[i] if i < len(right.lines) else None
            row = a or Line("", DUAL_COLUMNS[0], "dual")
            row.beside = b
            lines.append(row)
        super().__init__(left.space_before, lines)


# ---------------------------------------------------------------------------------------------
# Elements -> blocks.

_CONTD_RE = re.compile(r"CONT['\u2019]?D", re.I)


def _cue_text(el: Element) -> str:
    text = styled_text(el.text).plain.strip()
    if el.extension:
        text = f"{text} ({el.extension})"
    return text


# Heading-like lines that are not scenes: no number in the margins.
_UNNUMBERED = re.compile(r"^(?:INTERCUT|MONTAGE|SERIES OF SHOTS|END MONTAGE|BACK TO)\b", re.I)


def _heading_lines(el: Element, n: int, opts: LayoutOptions, revise=None) -> list[Line]:
    style = STYLES["scene_heading"]
    text = styled_text(el.text, notes=opts.show_notes)
    text = Text(text.plain.upper(), text.marks)
    if revise is not None:
        text = revise(text)
    lines = _make_lines(text, style, "scene_heading")
    if lines:
        lines[0].anchor = " ".join(ln.text for ln in lines)
        if opts.scene_numbers and (el.scene_number or not _UNNUMBERED.match(el.text)):
            lines[0].scene_number = el.scene_number or str(n)
    return lines


class _Builder:
    """Groups elements into blocks; a cue with its parentheticals and dialogue is one block."""

    def __init__(self, opts: LayoutOptions):
        self.opts = opts
        self.out: list[_Block | str] = []
        self.speech: tuple[str, list[_Part], bool, bool] | None = None  # cue, parts, dual, revised
        self.last_speaker: str | None = None      # for (CONT'D): reset by anything but action
        self.headings = 0
        self.index = 0                            # of the element being added

    def text(self, el: Element) -> Text:
        return self.revised(styled_text(el.text, notes=self.opts.show_notes))

    def revised(self, text: Text) -> Text:
        """The text with REVISED marks when the current element changed in a revision."""
        revisions = self.opts.revisions
        if not revisions or self.index not in revisions:
            return text
        ranges = revisions[self.index] or [(0, len(text.plain))]
        return Text(text.plain, text.marks + tuple((a, b, REVISED) for a, b in ranges))

    def flush(self):
        if self.speech is None:
            return
        cue, parts, dual, revised = self.speech
        self.speech = None
        if dual and self.out and isinstance(self.out[-1], _Speech):
            left = self.out.pop()
            self.out.append(_Dual(_Speech(left.cue, left.parts, left.space_before, DUAL_COLUMNS[0],
                                          cue_revised=left.cue_revised),
                                  _Speech(cue, parts, 1, DUAL_COLUMNS[1], cue_revised=revised)))
        else:
            self.out.append(_Speech(cue, parts, STYLES["character"].space_before,
                                    cue_revised=revised))

    def add(self, el: Element):
        t = el.type
        if t in ("parenthetical", "dialogue", "lyrics") and self.speech is not None:
            self.speech[1].append(_Part(t, self.text(el)))
            return
        self.flush()
        if t == "character":
            cue = _cue_text(el)
            speaker = (el.character or el.text).strip().upper()
            if (self.opts.contd and not el.dual and speaker == self.last_speaker
                    and not _CONTD_RE.search(cue)):
                cue = f"{cue} {CONTD}"
            self.last_speaker = speaker
            self.speech = (cue, [], el.dual, bool(self.revised(Text(cue)).marks))
            return
        if t == "page_break":
            self.out.append("page_break")
            self.last_speaker = None
            return
        if t not in ("action", "note", "section", "synopsis"):   # unprinted ones don't count
            self.last_speaker = None
        if t == "scene_heading":
            self.headings += 1
            self.out.append(_Simple("scene_heading", self.opts.heading_space,
                                    _heading_lines(el, self.headings, self.opts, self.revised)))
        elif t == "action":
            self.out.append(_Action(self.text(el), STYLES["action"], 1))
        elif t == "lyrics":
            self.out.append(_Action(self.text(el), LONE_LYRICS, 1, "lyrics"))
        elif t == "note" and self.opts.show_notes:
            self.out.append(_Action(Text(f"[[{styled_text(el.text).plain}]]"), STYLES["note"], 1,
                                    "note"))
        elif t in ("transition", "centered"):
            style = STYLES[t]
            self.out.append(_Simple(t, style.space_before, _make_lines(self.text(el), style, t)))

    def blocks(self, elements: list[Element]):
        """The blocks one by one; the last one is held back until the next element is added,
        as a dual-dialogue cue may still join it."""
        for self.index, el in enumerate(elements):
            self.add(el)
            if len(self.out) > 1:
                yield from self.out[:-1]
                del self.out[:-1]
        self.flush()
        yield from self.out
        self.out = []


# ---------------------------------------------------------------------------------------------
# Blocks -> pages.

class _Paginator:
    def __init__(self, opts: LayoutOptions):
        self.opts = opts
        self.capacity = LINES_PER_PAGE[opts.paper]
        self.pages: list[Page] = [Page(1)]     # finished pages are handed on by `pages`

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def room(self, space_before: int) -> int:
        used = len(self.page.lines)
        return self.capacity - used - (space_before if used else 0)

    def put(self, space_before: int, lines: list[Line]):
        if self.page.lines:
            self.page.lines.extend([None] * space_before)
        self.page.lines.extend(lines)

    def new_page(self, continues_scene: bool):
        if continues_scene and self.opts.continueds:
            self.page.foot = Line("(CONTINUED)", RIGHT_EDGE_IN, "continued", "right")
        self.pages.append(Page(self.page.number + 1))
        if continues_scene and self.opts.continueds:
            self.page.lines.append(Line("CONTINUED:", LEFT_EDGE_IN, "continued"))

    def place(self, block: _Block, keep_with: int = 0):
        """Put a block on the page, splitting or moving it as the rules say."""
        room = self.room(block.space_before)
        if len(block.lines) + keep_with <= room:
            self.put(block.space_before, block.lines)
            return
        fresh = not self.page.text_lines or \
            all(ln.kind == "continued" for ln in self.page.text_lines)
        piece = block.split(room) if block.splittable else None
        if fresh and piece is None and len(block.lines) <= room:
            self.put(block.space_before, block.lines)   # keep_with cannot be met anywhere
            return
        if piece is None and fresh:
            piece = block.force_split(room)
        if piece is None:
            self.new_page(block.kind != "scene_heading")
            self.place(block, keep_with)
            return
        head, tail = piece
        self.put(block.space_before, head)
        self.new_page(True)
        self.place(tail, keep_with)

    def _keep(self, blocks: _Ahead, i: int) -> int:
        """Lines that must follow block i on its page: a heading keeps the smallest legal
        first part of what follows; nothing leaves a transition to start a page."""
        nxt = blocks.get(i + 1)
        if not isinstance(nxt, _Block):
            return 0
        if nxt.kind == "transition":
            return nxt.space_before + len(nxt.lines) + self._keep(blocks, i + 1)
        if blocks.get(i).kind == "scene_heading":
            head = nxt.min_head()
            extra = self._keep(blocks, i + 1) if head == len(nxt.lines) else 0
            return nxt.space_before + head + extra
        return 0

    def finished_pages(self, blocks):
        """Pages as they are finished, so that a long script never has all its Lines in
        memory at once (the PDF is painted page by page)."""
        ahead = _Ahead(iter(blocks))
        i = 0
        while (block := ahead.get(i)) is not None:
            ahead.drop_before(i)
            if block == "page_break":
                if self.page.lines:
                    self.new_page(False)
            elif block.lines:
                self.place(block, self._keep(ahead, i))
            if len(self.pages) > 1:
                yield from self.pages[:-1]
                del self.pages[:-1]
            i += 1
        if self.page.number > 1 and not self.page.lines:
            self.pages.pop()
        yield from self.pages


class _Ahead:
    """Blocks by index from an iterator, read only as far as asked (_keep looks a few ahead)
    and forgotten once passed."""

    def __init__(self, blocks):
        self.blocks = blocks
        self.held: dict[int, _Block | str] = {}
        self.read = 0

    def get(self, i: int):
        while self.read <= i:
            block = next(self.blocks, None)
            if block is None:
                return None
            self.held[self.read] = block
            self.read += 1
        return self.held.get(i)

    def drop_before(self, i: int):
        for j in [j for j in self.held if j < i]:
            del self.held[j]


# ---------------------------------------------------------------------------------------------
# Title page.

TITLE_TOP_IN = 3.5        # title's first line, about a third of the way down
FOOT_IN = 10.0            # bottom of the lower blocks (1 in margin)


def _title_lines(value: str, kind: str, align: str, left: float, upper: bool = False) -> list[Line]:
    out = []
    for raw in value.split("\n"):
        text = styled_text(raw.strip())
        if upper:
            text = Text(text.plain.upper(), text.marks)
        out.append(Line(text.plain, left, kind, align, text.marks))
    return out


def title_page(doc: Document, paper: str = "letter") -> TitlePage | None:
    """Title centred a third of the way down; credit, author(s) and source under it; draft date
    and contact at the lower left, notes and copyright at the lower right."""
    tp = {k.strip().lower(): v for k, v in doc.title_page.items() if v and v.strip()}
    if not tp:
        return None
    centre = PAGE_SIZE_IN[paper][0] / 2
    placed: list[tuple[float, Line]] = []
    y = TITLE_TOP_IN
    for key, gap in (("title", 0), ("credit", 4), ("author", 2), ("authors", 2), ("source", 4)):
        if key not in tp:
            continue
        y += gap * LINE_IN if placed else 0
        for line in _title_lines(tp[key], key, "center", centre, upper=key == "title"):
            placed.append((y, line))
            y += LINE_IN
    for keys, align, left in ((("draft date", "date", "contact"), "left", LEFT_EDGE_IN),
                              (("notes", "copyright"), "right", RIGHT_EDGE_IN)):
        block: list[Line] = []
        for key in keys:
            if key in tp:
                if block:
                    block.append(Line("", left, "blank"))
                block.extend(_title_lines(tp[key], key, align, left))
        top = FOOT_IN - len(block) * LINE_IN
        placed.extend((top + i * LINE_IN, ln) for i, ln in enumerate(block) if ln.text)
    return TitlePage(placed)


# ---------------------------------------------------------------------------------------------

def layout(doc: Document, opts: LayoutOptions | None = None, lazy: bool = False) -> Layout:
    """`lazy`: `pages` is a generator that lays each page out as it is asked for (a 10 MB
    novel's Lines would otherwise take ~50 MB), else a list."""
    opts = opts or LayoutOptions()
    pages = _Paginator(opts).finished_pages(_Builder(opts).blocks(doc.elements))
    return Layout(title_page(doc, opts.paper), pages if lazy else list(pages), opts.paper)


def paginate(doc: Document, paper: str = "letter", show_notes: bool = False,
             **options) -> list[Page]:
    return layout(doc, LayoutOptions(paper=paper, show_notes=show_notes, **options)).pages
