"""Revised pages: which lines of NEW carry a revision asterisk, the revision header, and
locked scene numbers (a scene added after 12 is 12A; a deleted scene stays as 12 OMITTED).

Marks are data for the layout: element index -> None (every line of the element) or a set
of word indices (the lines holding those words). The PDF writer draws `*` in the right
margin on marked lines and the header on pages that have any.
"""
from __future__ import annotations

import datetime
import os
import re
from dataclasses import replace

from typing import TYPE_CHECKING

from .model import Document, Element

if TYPE_CHECKING:   # `adapt --help` imports ROUNDS from here; the diff engine loads on use
    from .diff import DocDiff, SceneDiff

# WGA order of revision colours; after cherry the cycle starts again as "second blue".
COLOURS = ("blue", "pink", "yellow", "green", "goldenrod", "buff", "salmon", "cherry")
ROUNDS = COLOURS + tuple(f"second-{c}" for c in COLOURS) + tuple(f"third-{c}" for c in COLOURS)

Marks = dict[int, "set[int] | None"]


def default_date() -> str:
    """Today (UTC), or the day of SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        day = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
    else:
        day = datetime.datetime.now(datetime.timezone.utc).date()
    return day.isoformat()


def header(revision: str, date: str) -> str:
    return f"{revision.replace('-', ' ').upper()} REVISIONS - {date}"


def _next_label(prev: str | None, following: str | None, used: set[str]) -> str:
    """A locked number for an added scene: 12A after 12, 12B after 12A, A1 before 1."""
    if prev is None:
        base, letter = None, "A"
        label = f"A{following or '1'}"
    else:
        m = re.fullmatch(r"(.*?)([A-Z]?)", prev)
        base, letter = (m.group(1), chr(ord(m.group(2)) + 1)) if m.group(2) and m.group(1) \
            else (prev, "A")
        label = base + letter
    while label in used:
        letter = chr(ord(letter) + 1)
        label = base + letter if base is not None else f"{letter}{following or '1'}"
    return label


def _visible(doc: Document, index: int) -> int | None:
    """The first printing element at or after index (None at the end)."""
    from .diff import HIDDEN_TYPES

    while index < len(doc.elements) and (doc.elements[index].type in HIDDEN_TYPES
                                         or doc.elements[index].type == "page_break"):
        index += 1
    return index if index < len(doc.elements) else None


def _last_visible(doc: Document) -> int | None:
    from .diff import HIDDEN_TYPES

    for i in range(len(doc.elements) - 1, -1, -1):
        if doc.elements[i].type not in HIDDEN_TYPES and doc.elements[i].type != "page_break":
            return i
    return None


def _add(marks: Marks, index: int, words: set[int] | None):
    if index in marks and marks[index] is None:
        return
    if words is None:
        marks[index] = None
    else:
        marks.setdefault(index, set()).update(words)


def _gap(marks: Marks, doc: Document, index: int | None):
    """Mark where removed text was: the first line of what follows it (or the last line)."""
    at = _visible(doc, index) if index is not None else None
    if at is not None:
        _add(marks, at, {0})
        return
    last = _last_visible(doc)
    if last is not None:
        _add(marks, last, {max(len(doc.elements[last].text.split()) - 1, 0)})


def _scene_indices(sd: SceneDiff) -> list[int]:
    scene = sd.new
    return ([scene.heading_index] if scene.heading is not None else []) + [i for i, _ in scene.items]


def marks_for(diff: DocDiff, omitted_gaps: bool = True) -> Marks:
    """Marks on the elements of diff.new. An omitted scene marks the line after the gap it
    left, unless `omitted_gaps` is off (locked scenes show it as an OMITTED heading)."""
    doc = diff.new
    marks: Marks = {}
    following = _following_scene_starts(diff)
    for k, sd in enumerate(diff.scenes):
        if sd.status == "omitted":
            if omitted_gaps:
                _gap(marks, doc, following[k])
            continue
        if sd.status == "added" or sd.moved:
            for i in _scene_indices(sd):
                _add(marks, i, None)
            continue
        if sd.heading is not None and sd.new.heading is not None:
            _add(marks, sd.new.heading_index, sd.heading.new_marks or None)
        for ch in sd.changes:
            if ch.op == "insert" or ch.type_changed:
                _add(marks, ch.new_index, None)
            elif ch.op == "change":
                _add(marks, ch.new_index, ch.words.new_marks or None)
            else:
                _gap(marks, doc, ch.at_new)
    return marks


def _following_scene_starts(diff: DocDiff) -> list[int | None]:
    """For each entry of diff.scenes, the element index where the next NEW scene starts."""
    out: list[int | None] = [None] * len(diff.scenes)
    nxt = None
    for k in range(len(diff.scenes) - 1, -1, -1):
        out[k] = nxt
        sd = diff.scenes[k]
        if sd.new is not None:
            nxt = sd.new.heading_index if sd.new.heading is not None else \
                (sd.new.items[0][0] if sd.new.items else nxt)
    return out


def lock_scenes(diff: DocDiff, marks: Marks) -> tuple[Document, Marks]:
    """NEW with OLD's scene numbers kept (give it marks_for(diff, omitted_gaps=False)):
    matched scenes keep theirs (even when moved), added scenes get letters, omitted scenes
    stay as an OMITTED heading with their number. Headings the layout never numbers
    (INTERCUT, MONTAGE, ...) stay unnumbered."""
    from .layout import _UNNUMBERED

    doc = diff.new
    elements = list(doc.elements)
    used = {sd.old.label for sd in diff.scenes if sd.old is not None and sd.old.heading}
    numbers: dict[int, str] = {}      # new heading index -> locked label
    inserts: dict[int, list[Element]] = {}   # new element index -> OMITTED headings before it
    following = _following_scene_starts(diff)
    prev = None
    for k, sd in enumerate(diff.scenes):
        scene = sd.new or sd.old
        if scene.heading is None or (not scene.heading.scene_number
                                     and _UNNUMBERED.match(scene.heading.text)):
            continue
        if sd.status == "omitted":
            label = sd.old.label
            at = following[k] if following[k] is not None else len(elements)
            inserts.setdefault(at, []).append(
                Element("scene_heading", "OMITTED", scene_number=label))
        elif sd.old is not None and sd.old.heading is not None:
            label = sd.old.label
            numbers[sd.new.heading_index] = label
        else:
            nxt = next((s.old.label for s in diff.scenes[k + 1:]
                        if s.old is not None and s.old.heading is not None), None)
            label = _next_label(prev, nxt, used)
            used.add(label)
            numbers[sd.new.heading_index] = label
        prev = label
    out: list[Element] = []
    remap: dict[int, int] = {}
    new_marks: Marks = {}
    for i in range(len(elements) + 1):
        for omitted in inserts.get(i, []):
            new_marks[len(out)] = None
            out.append(omitted)
        if i == len(elements):
            break
        el = elements[i]
        if i in numbers:
            el = replace(el, scene_number=numbers[i])
        remap[i] = len(out)
        out.append(el)
    for i, m in marks.items():
        new_marks[remap[i]] = m
    return Document(dict(doc.title_page), out, list(doc.characters)), new_marks



def char_ranges(el: Element, words: set[int] | None) -> list[tuple[int, int]] | None:
    """Word indices -> (start, end) offsets in the element's printed text (None: all of it)."""
    if words is None or el.type == "character":
        return None
    from .layout import styled_text   # the printed text exactly as the layout sees it

    spans = [m.span() for m in re.finditer(r"\S+", styled_text(el.text).plain)]
    return [spans[k] for k in sorted(words) if k < len(spans)] or None


def revised_pdf(diff: DocDiff, revision: str = "blue", date: str | None = None,
                lock: bool = False, **pdf_options) -> bytes:
    """NEW as revised pages: `*` in the right margin on every changed line and the revision
    header on every page that has one; with `lock`, OLD's scene numbers (12A, 12 OMITTED)."""
    from .writers.pdf import write_pdf

    marks = marks_for(diff, omitted_gaps=not lock)
    doc = diff.new
    if lock:
        doc, marks = lock_scenes(diff, marks)
        pdf_options["scene_numbers"] = True
    ranges = {i: char_ranges(doc.elements[i], m) for i, m in marks.items()}
    return write_pdf(doc, revisions=ranges,
                     revision_header=header(revision, date or default_date()), **pdf_options)
