"""Reading any supported input into a Document, and rendering a Document to any format."""
from __future__ import annotations

from pathlib import Path

from .model import Document

WRITERS = ("pdf", "fountain", "json", "fdx")
TEXT_FORMATS = ("fountain", "json", "fdx")
EXTENSIONS = {"pdf": ".pdf", "fountain": ".fountain", "json": ".json", "fdx": ".fdx"}


FOUNTAIN_SUFFIXES = (".fountain", ".spmd")


class InputError(ValueError):
    """Input that no reader accepts; the message is one line for the user."""


def input_kind(text: str, name: str) -> str:
    """"fountain", "json" or "prose": by the file name, else by what the text clearly is."""
    suffix = Path(name).suffix.lower()
    if suffix in FOUNTAIN_SUFFIXES:
        return "fountain"
    if suffix == ".json" or (text.lstrip("\ufeff \t\r\n").startswith("{")
                             and '"elements"' in text):
        return "json"
    from .readers.fountain import looks_like_fountain

    return "fountain" if looks_like_fountain(text) else "prose"


def load(text: str, name: str, title: str | None = None, author: str | None = None,
         cast=None, transitions: str | None = None, action=None, progress=None,
         idle=None) -> Document:
    """A Document from input text; `name` (a file name) picks the reader and default title.
    `transitions="cut"` puts CUT TO: between scenes that jump in time (prose input only);
    `action`: an adapt.action.ActionStyle (interiority, voice-over; prose input only).
    `progress(stage)`, if given, is called as each stage of the prose pipeline ends; `idle()`,
    if given, when it waits for its helper process (adapt.pipeline)."""
    kind = input_kind(text, name)
    if kind == "prose":
        from .pipeline import adapt_prose

        return adapt_prose(text, title=title, author=author, default_title=Path(name).stem,
                           cast=cast, transitions=transitions, action=action,
                           progress=progress, idle=idle)
    if kind == "json":
        doc = _load_json(text, name)
    else:
        from .readers.fountain import FountainError, read_fountain

        try:
            doc = read_fountain(text)
        except FountainError as exc:
            raise InputError(f"{name}: {exc}") from None
    if title:
        doc.title_page["Title"] = title
    if author:
        doc.title_page["Author"] = author
    return doc


def _load_json(text: str, name: str) -> Document:
    import json

    try:
        data = json.loads(text)
        if not isinstance(data, dict) or not isinstance(data.get("elements"), list):
            raise ValueError("no \"elements\" list")
        return _checked(Document.from_json(data))
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise InputError(f"{name}: not a JSON screenplay ({str(exc).splitlines()[0]})") from None


# Types the JSON contract gives each element field (None is allowed where listed).
_FIELD_TYPES = {"text": (str,), "character": (str, type(None)), "extension": (str, type(None)),
                "scene_number": (str, type(None)), "dual": (bool,), "level": (int, type(None)),
                "line": (int, type(None))}


def _checked(doc: Document) -> Document:
    """The document, if its values have the contract's types (JSON may hold anything)."""
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in doc.title_page.items()):
        raise ValueError("title_page values must be strings")
    for i, el in enumerate(doc.elements):
        for field, types in _FIELD_TYPES.items():
            if not isinstance(getattr(el, field), types) or getattr(el, field) is True and \
                    field in ("level", "line"):
                raise ValueError(f"element {i}: {field!r} has the wrong type")
        if el.source is not None and not (len(el.source) == 2 and all(
                isinstance(n, int) and not isinstance(n, bool) for n in el.source)):
            raise ValueError(f"element {i}: 'source' must be [start, end]")
    for ch in doc.characters:
        if not isinstance(ch.name, str) or not all(isinstance(a, str) for a in ch.aliases):
            raise ValueError("characters need string names and aliases")
    return doc


def render(doc: Document, fmt: str, **pdf_options) -> bytes:
    """The document in `fmt`; `pdf_options` (paper, scene_numbers, font, show_notes,
    continueds, contd, heading_space) apply to the PDF only."""
    return b"".join(render_chunks(doc, fmt, **pdf_options))


def render_chunks(doc: Document, fmt: str, **pdf_options):
    """`render`'s bytes in pieces, for writing to a file as they come: the Fountain of a long
    novel is never held whole."""
    if fmt == "pdf":
        from .writers.pdf import write_pdf
        yield write_pdf(doc, **pdf_options)
    elif fmt == "fountain":
        from .writers.fountain import fountain_chunks
        for chunk in fountain_chunks(doc):
            yield chunk.encode("utf-8")
    elif fmt == "json":
        from .writers.json_writer import write_json
        yield write_json(doc).encode("utf-8")
    elif fmt == "fdx":
        from .writers.fdx import write_fdx
        yield write_fdx(doc).encode("utf-8")
    else:
        raise ValueError(f"unknown format {fmt!r}")
