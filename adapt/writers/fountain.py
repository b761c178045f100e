"""Fountain 1.1 writer (fountain.io/syntax): output that `adapt.readers.fountain` (and other
Fountain readers) read back as the same elements.

Texts are already Fountain inline markup (see adapt.model), so they are written as they are.
What a reader would take for something else is forced, using the reader's own rules: action
lines that would read as a heading, cue, transition, title page key, section, synopsis,
centred text, lyrics, note or page break get `!`; a heading that does not start with INT/EXT
gets `.`; a cue that is not all capitals gets `@`; a transition not ending in TO: gets `>`.
A blank line inside action or dialogue is written as two spaces so the block stays one element.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import SPEECH_TYPES, TITLE_KEYS, Document, Element
from ..readers.fountain import TITLE_KEY, is_title_key, line_kind, starts_own_element


# At the very top, a line like "Key: value" would start a title page; these prefixes stop it.
_TITLE_KEY_FORCE = {"action": "!", "scene_heading": ".", "transition": "> ", "character": "@"}


def _action_line_misread(line: str, first: bool, last: bool, opens_script: bool) -> bool:
    """Would the reader take this action line for something else (or drop its `!`)?"""
    if line.startswith("!"):
        return True
    if not first:
        return starts_own_element(line)
    return (line_kind(line, True, last) != "action" or line.strip().startswith("[[")
            or (opens_script and bool(TITLE_KEY.match(line))))


def _action_lines(text: str, opens_script: bool) -> list[str]:
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines):
        if not line.strip():
            out.append("  ")      # keeps the action block together
        # A line of spaces counts as blank around a heading, so "last" looks past it.
        elif _action_line_misread(line, i == 0, i == len(lines) - 1 or not lines[i + 1].strip(),
                                  opens_script):
            out.append("!" + line)
        else:
            out.append(line)
    return out


def _cue(el: Element) -> str:
    name = el.text + (f" ({el.extension})" if el.extension else "")
    if line_kind(name, True, False) != "cue" or name.startswith("@"):
        name = "@" + name
    return name + (" ^" if el.dual else "")


def _title_page(doc: Document) -> list[str]:
    lines = []
    keys = [k for k in TITLE_KEYS if k in doc.title_page] + \
           [k for k in doc.title_page if k not in TITLE_KEYS]
    for key in keys:
        if not doc.title_page[key].strip():
            continue    # nothing to print, and a page of empty keys is a broken title page
        value_lines = doc.title_page[key].split("\n")
        if len(value_lines) == 1:
            lines.append(f"{key}: {value_lines[0]}".rstrip())
        else:
            lines.append(f"{key}:")
            lines.extend("   " + v for v in value_lines)
    return lines


def _heading(el: Element) -> str:
    text = el.text + (f" #{el.scene_number}#" if el.scene_number else "")
    return text if line_kind(el.text, True, True) == "heading" else "." + text


def _transition(text: str) -> str:
    return text if line_kind(text, True, True) == "transition" else "> " + text


def _element_lines(el: Element, opens_script: bool) -> list[str]:
    if el.type in ("scene_heading", "character", "transition", "section", "synopsis") \
            and "\n" in el.text:
        # One-line elements: a line break would split them into two elements.
        el = replace(el, text=" ".join(el.text.split("\n")))
    if el.type == "scene_heading":
        return [_heading(el)]
    if el.type == "action":
        return _action_lines(el.text, opens_script)
    if el.type == "character":
        return [_cue(el)]
    if el.type == "transition":
        return [_transition(el.text)]
    if el.type == "centered":
        return [f"> {line} <" for line in el.text.split("\n")]
    if el.type == "page_break":
        return ["==="]
    if el.type == "note":
        return [f"[[{el.text}]]"]
    if el.type == "section":
        return ["#" * (el.level or 1) + " " + el.text]
    if el.type == "synopsis":
        return ["= " + el.text]
    if el.type == "lyrics":
        return ["~" + line for line in el.text.split("\n")]
    # Dialogue and parenthetical: a blank line would end the speech, so it is kept as "  ";
    # a line starting with ~ would be sung, and one leading space (which readers strip) stops it.
    return [" " + line if line.startswith("~") else line if line.strip() else "  "
            for line in el.text.split("\n")]


def write_fountain(doc: Document) -> str:
    return "".join(fountain_chunks(doc))


def fountain_chunks(doc: Document, size: int = 1 << 16):
    """The Fountain text of `doc` in pieces of about `size` characters, so that a long
    screenplay is written out as it is made (never held whole). Joined, the pieces are
    the lines joined by newlines, without trailing newlines, plus one final newline."""
    buffer: list[str] = []
    held, filled, first = "", 0, True    # held: newlines that may turn out to be trailing
    for line in _lines(doc):
        piece = line if first else "\n" + line
        first = False
        kept = piece.rstrip("\n")
        if not kept:
            held += piece
            continue
        buffer.append(held + kept)
        held = piece[len(kept):]
        filled += len(piece)
        if filled >= size:
            yield "".join(buffer)
            buffer, filled = [], 0
    buffer.append("\n")
    yield "".join(buffer)


def _lines(doc: Document):
    """The lines of the Fountain text, one at a time."""
    title = _title_page(doc)
    yield from title
    previous = None
    started = bool(title)
    # Until the first element that is not a note, a "Key: value" line would start a title page;
    # right after a title page, a "Title: ..." line would read as its continuation.
    opens_script = not title
    after_title_page = bool(title)
    for el in doc.elements:
        # Parentheticals, dialogue and sung lines follow their cue without a blank line.
        joined = (previous is not None and previous.type in SPEECH_TYPES and el.character
                  and el.type in ("parenthetical", "dialogue", "lyrics")
                  and previous.character == el.character)
        if started and not joined:
            yield ""
        written = _element_lines(el, opens_script)
        key = TITLE_KEY.match(written[0])
        if key and (opens_script or after_title_page and is_title_key(key)):
            written[0] = _TITLE_KEY_FORCE.get(el.type, "") + written[0]
        after_title_page = False
        yield from written
        started = started or bool(written)
        opens_script = opens_script and el.type == "note"
        previous = el
