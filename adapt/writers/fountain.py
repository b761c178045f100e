"""Fountain 1.1 writer (fountain.io/syntax).

Elements that a Fountain reader would take for something else are forced: action that looks
like a heading, a cue or a transition gets `!`, a heading that does not start with INT/EXT gets
`.`, a cue that is not all capitals gets `@`, a transition not ending in TO: gets `>`.
"""
from __future__ import annotations

import re

from ..model import TITLE_KEYS, Document, Element

_HEADING_START = re.compile(r"^(?:INT|EXT|EST|INT\.?/EXT|I/E)[ .]", re.I)
_TRANSITION = re.compile(r"^[A-Z0-9 ,.'\-]*TO:$")


def _looks_like_cue(line: str) -> bool:
    letters = re.sub(r"\(.*?\)", "", line)
    return any(c.isalpha() for c in letters) and letters == letters.upper()


def _action_lines(text: str) -> list[str]:
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines):
        # A capitals line reads as a cue only when text follows on the next line.
        cue_like = _looks_like_cue(line) and i + 1 < len(lines) and lines[i + 1].strip()
        if (_HEADING_START.match(line) or _TRANSITION.match(line.strip()) or cue_like
                or line.startswith(("!", "@", "~", ".", ">", "=", "#", "[[", "/*"))):
            line = "!" + line
        out.append(line)
    return out


def _cue(el: Element) -> str:
    name = el.text
    if el.extension:
        name += f" ({el.extension})"
    if not _looks_like_cue(el.text) or _HEADING_START.match(name):
        name = "@" + name
    return name + (" ^" if el.dual else "")


def _title_page(doc: Document) -> list[str]:
    lines = []
    keys = [k for k in TITLE_KEYS if k in doc.title_page] + \
           [k for k in doc.title_page if k not in TITLE_KEYS]
    for key in keys:
        value_lines = doc.title_page[key].split("\n")
        if len(value_lines) == 1:
            lines.append(f"{key}: {value_lines[0]}")
        else:
            lines.append(f"{key}:")
            lines.extend("   " + v for v in value_lines)
    return lines


def _element_lines(el: Element) -> list[str]:
    if el.type == "scene_heading":
        text = el.text + (f" #{el.scene_number}#" if el.scene_number else "")
        return [text if _HEADING_START.match(el.text) else "." + text]
    if el.type == "action":
        return _action_lines(el.text)
    if el.type == "character":
        return [_cue(el)]
    if el.type == "transition":
        return [el.text if _TRANSITION.match(el.text) else "> " + el.text]
    if el.type == "centered":
        return [f"> {el.text} <"]
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
    # dialogue and parenthetical: blank lines inside dialogue would end it, so keep them as "  "
    return [line if line.strip() else "  " for line in el.text.split("\n")]


def write_fountain(doc: Document) -> str:
    lines = _title_page(doc)
    previous = None
    for el in doc.elements:
        joined = previous in ("character", "parenthetical", "dialogue", "lyrics") and \
            el.type in ("parenthetical", "dialogue", "lyrics")
        if lines and not joined:
            lines.append("")
        lines.extend(_element_lines(el))
        previous = el.type
    return "\n".join(lines).rstrip("\n") + "\n"
