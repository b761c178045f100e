"""Final Draft XML (.fdx) writer.

Follows the skeleton Final Draft itself reads (see the project's screenplay-format reference):
`<FinalDraft DocumentType="Script" Template="No" Version="5">` with a `<Content>` of
`<Paragraph Type="...">` elements, each holding `<Text>` runs; emphasis becomes
`<Text Style="Bold+Italic+Underline">`; a scene number is the heading's `Number` attribute; dual
dialogue wraps both speeches in `<Paragraph><DualDialogue>...</DualDialogue></Paragraph>`; the
title page is a `<TitlePage><Content>` of centred (title, credit, author, source) and
left-aligned (draft date, contact) paragraphs.

Mapping of what FDX has no element for: centred text is an Action with Alignment="Center";
lyrics are Dialogue (or Action when no one sings) in italics; a page break sets
StartsNewPage="Yes" on the next paragraph. Notes, sections and synopses are not printed and
are left out, as are inline [[notes]]. Each element is one paragraph; a line break inside it
stays a "\n" in its text runs (as Final Draft and screenplain's FDX export keep them).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..emphasis import ITALIC, fdx_style, runs
from ..model import TITLE_KEYS, Document, Element

PARAGRAPH_TYPES = {
    "scene_heading": "Scene Heading", "action": "Action", "character": "Character",
    "parenthetical": "Parenthetical", "dialogue": "Dialogue", "transition": "Transition",
    "centered": "Action", "lyrics": "Dialogue",
}
SPEECH_BODY = ("parenthetical", "dialogue", "lyrics")
# Characters XML 1.0 does not allow (C0 controls other than tab and newline).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _styled_runs(text: str, extra: frozenset = frozenset()) -> list[tuple[str, frozenset]]:
    """Styled runs of a text (line breaks stay inside the runs, as Final Draft keeps them)."""
    return [(piece, style | extra) for piece, style in runs(_NOT_XML.sub("", text))]


def _paragraph(type_: str, text_runs, **attrs) -> ET.Element:
    para = ET.Element("Paragraph", {k: v for k, v in attrs.items() if v})
    if type_:
        para.set("Type", type_)
    for piece, style in text_runs or [("", frozenset())]:
        text = ET.SubElement(para, "Text")
        if fdx_style(style):
            text.set("Style", fdx_style(style))
        text.text = piece
    return para


def _paragraphs(el: Element) -> list[ET.Element]:
    """The FDX paragraph of one element (none for what is not printed)."""
    type_ = PARAGRAPH_TYPES.get(el.type)
    if type_ is None:
        return []
    text = el.text
    if el.type == "character" and el.extension:
        text = f"{text} ({el.extension})"
    extra = frozenset((ITALIC,)) if el.type == "lyrics" else frozenset()
    if el.type == "lyrics" and not el.character:
        type_ = "Action"
    attrs = {}
    if el.type == "centered":
        attrs["Alignment"] = "Center"
    if el.type == "scene_heading" and el.scene_number:
        attrs["Number"] = el.scene_number
    if el.type in ("scene_heading", "character", "transition"):
        text = " ".join(text.split("\n"))    # one-line elements
    return [_paragraph(type_, _styled_runs(text, extra), **attrs)]


def _speeches(elements: list[Element]):
    """Elements grouped: a cue with its parentheticals, dialogue and lyrics is one group."""
    groups: list[list[Element]] = []
    for el in elements:
        if el.type in SPEECH_BODY and el.character and groups and groups[-1][0].type == "character" \
                and groups[-1][0].character == el.character:
            groups[-1].append(el)
        else:
            groups.append([el])
    return groups


def _content(doc: Document) -> ET.Element:
    items: list[tuple[str, list[ET.Element]]] = []    # ("speech" | "other", paragraphs)
    new_page = False
    for group in _speeches(doc.elements):
        head = group[0]
        if head.type == "page_break":
            new_page = True
            continue
        paragraphs = [p for el in group for p in _paragraphs(el)]
        if not paragraphs:
            continue
        if new_page:
            paragraphs[0].set("StartsNewPage", "Yes")
            new_page = False
        if head.type == "character" and head.dual and items and items[-1][0] == "speech":
            # Both speeches of a dual dialogue sit in one wrapper paragraph.
            wrapper = ET.Element("Paragraph")
            ET.SubElement(wrapper, "DualDialogue").extend(items.pop()[1] + paragraphs)
            items.append(("other", [wrapper]))
        else:
            items.append(("speech" if head.type == "character" else "other", paragraphs))
    content = ET.Element("Content")
    content.extend(p for _, paragraphs in items for p in paragraphs)
    return content


def _title_page(doc: Document) -> ET.Element | None:
    tp = doc.title_page
    if not tp:
        return None
    content = ET.Element("Content")

    def add(text: str, align: str):
        for line in text.split("\n"):
            content.append(_paragraph("", _styled_runs(line), Alignment=align))

    centred = [k for k in ("Title", "Credit", "Author", "Source") if tp.get(k)]
    for key in centred:
        add(tp[key], "Center")
        content.append(_paragraph("", [], Alignment="Center"))
    lower = [k for k in ("Draft date", "Contact") if tp.get(k)] + \
            [k for k in tp if k not in TITLE_KEYS and tp[k]]
    for key in lower:
        add(tp[key] if key in TITLE_KEYS else f"{key}: {tp[key]}", "Left")
    page = ET.Element("TitlePage")
    page.append(content)
    return page


def write_fdx(doc: Document) -> str:
    root = ET.Element("FinalDraft", {"DocumentType": "Script", "Template": "No", "Version": "5"})
    root.append(_content(doc))
    title = _title_page(doc)
    if title is not None:
        root.append(title)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode", short_empty_elements=False)
    return '<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n' + body + "\n"
