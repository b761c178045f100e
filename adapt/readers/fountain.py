"""Fountain 1.1 reader (fountain.io/syntax): screenplay text -> Document.

Why a line classifier and not a Lark grammar (the prose reader uses one): what a Fountain line
is depends on its neighbours, not on its own characters. A capitals line is a character cue
only with a blank line before it and text right after it; `INT. HOUSE` is a heading only between
blank lines; `CUT TO:` a transition only likewise; inside a speech, `(beat)` is a
parenthetical and everything else dialogue until a blank line (unless that "blank" line holds
two spaces). Expressing "the next line is not blank" in an LALR grammar needs a token per
line-pair or a contextual lexer with states for every element, and the title page's indented
continuation lines, nested boneyard comments and multi-line notes (which may contain blank lines)
add more states. An ordered list of per-line rules with the previous/next line at hand says
the same thing in a page of code that reads like the spec.

What the model gets:
- Inline markup (emphasis, `\\*` escapes, inline `[[notes]]`) stays in `Element.text` as written;
  `adapt.emphasis.runs/plain` read it. Title page values keep theirs too.
- Boneyard `/* */` is removed first (nesting allowed, as afterwriting does).
- `Element.line` is the 1-based input line where the element starts.
- Tabs and leading spaces of action lines are kept; trailing spaces are dropped everywhere.
- Consecutive lines of one action, dialogue or lyrics block are joined with "\\n".
"""
from __future__ import annotations

import re

from ..model import TITLE_KEYS, Character, Document, Element

HEADING = re.compile(r"^(?:INT\.?/EXT|INT/EXT|I/E|INT|EXT|EST)[. ]", re.I)
_SCENE_NUMBER = re.compile(r"\s*#([\w.\-]+)#\s*$")
TITLE_KEY = re.compile(r"^([A-Za-z][A-Za-z0-9 _\-]*?)\s*:(.*)$")
PAGE_BREAK = re.compile(r"^={3,}$")
_KEY_SPELLING = {k.lower(): k for k in TITLE_KEYS} | {"authors": "Author"}


def has_capitals_only(text: str) -> bool:
    return any(c.isalpha() for c in text) and text == text.upper()


def is_cue(text: str) -> bool:
    """A cue line (blank line before and text after assumed): `@name`, or a name in capitals
    with an optional (extension) and dual-dialogue `^`."""
    if text.startswith("@"):
        return len(text) > 1
    name = text.rstrip("^ ").split("(", 1)[0]
    return has_capitals_only(name) and not text.startswith(("!", "~", "."))


def line_kind(raw: str, prev_blank: bool, next_blank: bool) -> str:
    """What a line starts, by the spec's rules in order, given whether the lines around it are
    blank: "page_break", "section", "synopsis", "centered", "forced_transition", "lyrics",
    "forced_action", "forced_heading", "heading", "transition", "cue" or "action".
    (A note standing alone is recognised before this, as it may span lines.)"""
    text = raw.strip()
    if PAGE_BREAK.match(text):
        return "page_break"
    if text.startswith("#"):
        return "section"
    if text.startswith("="):
        return "synopsis"
    if _is_centered(text):
        return "centered"
    if text.startswith(">"):
        return "forced_transition"
    if raw.startswith("~"):
        return "lyrics"
    if raw.startswith("!"):
        return "forced_action"
    if prev_blank and next_blank and re.match(r"^\.[^.]", text):
        return "forced_heading"
    if prev_blank and next_blank and HEADING.match(text):
        return "heading"
    if prev_blank and next_blank and text.endswith("TO:") and has_capitals_only(text):
        return "transition"
    if prev_blank and not next_blank and is_cue(text):
        return "cue"
    return "action"


# A "/*" put together by the removal (a stray "*/" before "/*...*/") is text: its star is
# escaped so the text reads the same when written out and read again.
_LEFT_OPEN = re.compile(r"(?<=/)\*")


def _remove_boneyard(text: str) -> list[tuple[int, str]]:
    """(line number, text) pairs with /* ... */ removed; text on both sides of a multi-line
    boneyard joins on the line where it opened."""
    out: list[tuple[int, str]] = []
    depth, current, current_no = 0, "", 1
    for number, line in enumerate(text.split("\n"), 1):
        if depth == 0:
            current, current_no = "", number
        if "/*" not in line and "*/" not in line:      # most lines: nothing opens or closes
            if depth == 0:
                out.append((number, line))
            continue
        i = 0
        while i < len(line):
            pair = line[i:i + 2]
            if pair in ("\\*", "\\_"):       # an escaped star never opens or closes
                if depth == 0:
                    current += pair
                i += 2
            elif pair == "/*":
                depth, i = depth + 1, i + 2
            elif pair == "*/" and depth:
                depth, i = depth - 1, i + 2
            else:
                if depth == 0:
                    current += line[i]
                i += 1
        if depth == 0:
            out.append((current_no, _LEFT_OPEN.sub(r"\\*", current)))
    if depth:  # an unclosed boneyard hides the rest, as in other readers
        out.append((current_no, _LEFT_OPEN.sub(r"\\*", current)))
    return out


def _is_blank(lines, i) -> bool:
    return i < 0 or i >= len(lines) or not lines[i][1].strip()


class _Reader:
    def __init__(self, lines: list[tuple[int, str]]):
        self.lines = lines
        self.elements: list[Element] = []
        self.title_page: dict[str, str] = {}

    def add(self, type_, text, line, **kw) -> Element:
        el = Element(type_, text, line=line, **kw)
        self.elements.append(el)
        return el

    # -- title page -------------------------------------------------------------------
    def title_page_end(self, start: int) -> int:
        """Read the title page (`Key: value` lines, values continued on indented lines, up to
        the first blank line) from start; returns the index after it. A block that opens with
        a title key (Title:, Author:, ...) is a title page its writer meant, so one that breaks
        the spec's rules raises FountainError instead of being read as action (see
        `_title_block`); any other `Word: text` opening stays action unless it is a well-formed
        title page."""
        lines = self.lines
        first = TITLE_KEY.match(lines[start][1]) if start < len(lines) else None
        if not first or not _is_key(first):
            return start
        meant = is_title_key(first)
        page, end, problem = _title_block(lines, start)
        if problem is None and not any(page.values()):
            problem = (f"line {lines[start][0]}: the title page has keys but no values "
                       f"({lines[start][1].strip()!r}); give each a value after the colon or "
                       "on indented lines below it")
        if problem:
            if meant:
                raise FountainError(f"broken title page: {problem}")
            return start
        # "Author: ..." after a blank line would print as action on page 1: a title page split
        # by mistake (only the spec's own keys count here; "Date: 1945" may well be action).
        split = _next_block(lines, end)
        if split is not None and (m := TITLE_KEY.match(lines[split][1])) \
                and m.group(1).strip().lower() in _KEY_SPELLING \
                and _title_block(lines, split)[2] is None:
            number, raw = lines[split]
            raise FountainError(
                f"broken title page: line {number}: {raw.strip()!r} is a title page entry "
                "after a blank line, which ends the title page; remove the blank line (or "
                "write it as !action)")
        self.title_page.update(page)
        return end

    # -- notes ------------------------------------------------------------------------
    def note_end(self, i: int) -> int | None:
        """If lines[i:] start with a note that stands alone ([[ ... ]] and nothing else),
        add it and return the index after it."""
        first = self.lines[i][1].strip()
        if not first.startswith("[["):
            return None
        parts = []
        for j in range(i, len(self.lines)):
            text = self.lines[j][1].strip() if j > i else first
            parts.append(text)
            if "]]" in text:
                joined = "\n".join(parts)
                if not joined.endswith("]]") or joined.count("]]") != 1 or joined.count("[[") != 1:
                    return None
                self.add("note", joined[2:-2].strip(), self.lines[i][0])
                return j + 1
        return None

    # -- body -------------------------------------------------------------------------
    def run(self) -> Document:
        lines = self.lines
        i = 0
        while i < len(lines) and not lines[i][1].strip():
            i += 1
        # Notes may stand before the title page (afterwriting's samples do this).
        while i < len(lines):
            end = self.note_end(i)
            if end is None:
                break
            i = end
            while i < len(lines) and not lines[i][1].strip():
                i += 1
        i = self.title_page_end(i)
        while i < len(lines):
            i = self.element(i)
        return Document(title_page=self.title_page, elements=self.elements,
                        characters=self.characters())

    def characters(self) -> list[Character]:
        seen: dict[str, Character] = {}
        for el in self.elements:
            if el.type == "character" and el.character not in seen:
                seen[el.character] = Character(el.character)
        return list(seen.values())

    def element(self, i: int) -> int:
        """Read the element starting at line i; returns the index after it."""
        lines = self.lines
        number, raw = lines[i]
        text = raw.strip()
        if not text:
            return i + 1
        if text.startswith("[["):
            end = self.note_end(i)
            if end is not None:
                return end
        kind = line_kind(raw, _is_blank(lines, i - 1), _is_blank(lines, i + 1))
        if kind == "page_break":
            self.add("page_break", "", number)
        elif kind == "section":
            level = len(text) - len(text.lstrip("#"))
            self.add("section", text[level:].strip(), number, level=level)
        elif kind == "synopsis":
            self.add("synopsis", text[1:].strip(), number)
        elif kind == "centered":
            return self.centered(i)
        elif kind == "forced_transition":
            self.add("transition", text[1:].strip(), number)
        elif kind == "lyrics":
            return self.lyrics(i, None)
        elif kind == "forced_heading":
            self.heading(text[1:], number)
        elif kind == "heading":
            self.heading(text, number)
        elif kind == "transition":
            self.add("transition", text, number)
        elif kind == "cue":
            return self.speech(i)
        else:
            return self.action(i)
        return i + 1

    def heading(self, text: str, number: int):
        m = _SCENE_NUMBER.search(text)
        scene_number = None
        if m:
            scene_number, text = m.group(1), text[:m.start()]
        self.add("scene_heading", text.strip(), number, scene_number=scene_number)


    def speech(self, i: int) -> int:
        number, raw = self.lines[i]
        cue = raw.strip()
        dual = cue.endswith("^")
        cue = cue.rstrip("^").rstrip()
        cue = cue[1:] if cue.startswith("@") else cue
        extension = None
        if "(" in cue and cue.endswith(")"):
            cue, extension = cue.split("(", 1)
            cue, extension = cue.strip(), extension[:-1]
        self.add("character", cue, number, character=cue, extension=extension, dual=dual)
        i += 1
        # Dialogue runs to the first empty line; a line of (two or more) spaces keeps it going.
        while i < len(self.lines) and not _ends_block(self.lines[i][1]):
            number, raw = self.lines[i]
            text = raw.strip()
            last = self.elements[-1]
            if raw.startswith("~"):
                i = self.lyrics(i, cue)
                continue
            if text.startswith("(") and text.endswith(")"):
                self.add("parenthetical", text, number, character=cue)
            elif last.type == "dialogue":
                last.text += "\n" + text
            else:
                self.add("dialogue", text, number, character=cue)
            i += 1
        return i

    def centered(self, i: int) -> int:
        """Consecutive `> text <` lines are one centred element (as screenplain reads them)."""
        texts, number = [], self.lines[i][0]
        while i < len(self.lines) and _is_centered(self.lines[i][1].strip()):
            texts.append(self.lines[i][1].strip()[1:-1].strip())
            i += 1
        self.add("centered", "\n".join(texts), number)
        return i

    def lyrics(self, i: int, character: str | None) -> int:
        texts, number = [], self.lines[i][0]
        while i < len(self.lines) and self.lines[i][1].startswith("~"):
            texts.append(self.lines[i][1][1:].strip())
            i += 1
        self.add("lyrics", "\n".join(texts), number, character=character)
        return i

    def action(self, i: int) -> int:
        """An action block: lines up to an empty line (or a line another rule claims)."""
        texts, number = [], self.lines[i][0]
        while i < len(self.lines):
            raw = self.lines[i][1]
            if texts and (_ends_block(raw) or starts_own_element(raw)):
                break
            raw = raw.rstrip()
            texts.append(raw[1:] if raw.startswith("!") else raw)
            i += 1
        while len(texts) > 1 and not texts[-1].strip():
            texts.pop()
        self.add("action", "\n".join(texts), number)
        return i


class FountainError(ValueError):
    """A Fountain file that cannot be read as its writer meant (one line for the user)."""


# Keys that mark a block as a title page its writer meant: the spec's keys and the ones
# Fountain apps add (Date, Copyright, Notes, Revision).
_TITLE_KEYS_MEANT = set(_KEY_SPELLING) | {"date", "copyright", "notes", "revision"}


def _is_key(m: re.Match) -> bool:
    """A `Key:` line is a title page key unless it is script text in capitals such as
    "FADE IN:" or "CUT TO:" (an unknown key in capitals)."""
    name = m.group(1).strip()
    return name.lower() in _KEY_SPELLING or not has_capitals_only(name)


def is_title_key(m: re.Match) -> bool:
    return m.group(1).strip().lower() in _TITLE_KEYS_MEANT


def _title_block(lines, start: int) -> tuple[dict[str, str], int, str | None]:
    """(page, index after the block, problem or None) for the block of non-blank lines at
    start, read as a title page: each line is `Key: value`, an indented continuation of the
    key above (the spec indents by 3 spaces or a tab; any indent is taken), or a note; a key
    given twice gets both values."""
    page: dict[str, str] = {}
    key = None
    i = start
    while i < len(lines) and lines[i][1].strip():
        number, raw = lines[i]
        m = TITLE_KEY.match(raw)
        if m and not raw[:1].isspace() and (_is_key(m) or m.group(2).strip()):
            key = _KEY_SPELLING.get(m.group(1).strip().lower(), m.group(1).strip())
            page[key] = _add_line(page.get(key, ""), m.group(2).strip())
        elif key is not None and (raw[:1].isspace() or _is_note_line(raw)):
            page[key] = _add_line(page[key], raw.strip())
        else:
            return page, i, (f"line {number}: {raw.strip()!r} is neither 'Key: value' nor an "
                             "indented continuation line (indent it, or end the title page "
                             "with a blank line before it)")
        i += 1
    return page, i, None


def _add_line(value: str, line: str) -> str:
    return f"{value}\n{line}" if value and line else value or line


def _is_note_line(raw: str) -> bool:
    text = raw.strip()
    return text.startswith("[[") and text.endswith("]]")


def _next_block(lines, i: int) -> int | None:
    while i < len(lines) and not lines[i][1].strip():
        i += 1
    return i if i < len(lines) else None


def _is_centered(text: str) -> bool:
    return len(text) > 1 and text.startswith(">") and text.endswith("<")


def _ends_block(raw: str) -> bool:
    """An empty line ends action and dialogue; a line of two or more spaces does not."""
    return not raw.strip() and len(raw) < 2


def starts_own_element(raw: str) -> bool:
    """Lines that begin an element of their own even right after an action line."""
    text = raw.strip()
    return bool(PAGE_BREAK.match(text) or text.startswith(("#", "=", ">")) or raw.startswith("~")
                or (text.startswith("[[") and text.endswith("]]")))


def read_fountain(text: str) -> Document:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return _Reader(_remove_boneyard(text)).run()


_STRONG_HEADING = re.compile(r"^(?:INT\.|EXT\.|INT\./EXT\.|I/E\.?) ?\S", re.M)


def looks_like_fountain(text: str) -> bool:
    """Conservative sniffing for inputs without a .fountain name: a title page followed by
    at least one scene heading, or at least two INT./EXT. headings that stand between blank
    lines. Prose ("Title: ..." headers, a lone "INT." in a sentence) stays prose."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    headings = 0
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _STRONG_HEADING.match(line) and line == line.upper() and _is_blank_str(lines, i - 1) \
                and _is_blank_str(lines, i + 1):
            headings += 1
            if headings >= 2:
                return True
    first = text.lstrip().split("\n", 1)[0]
    return headings >= 1 and bool(re.match(r"(?i)title\s*:", first))


def _is_blank_str(lines: list[str], i: int) -> bool:
    return i < 0 or i >= len(lines) or not lines[i].strip()
