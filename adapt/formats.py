"""Reading any supported input into a Document, and rendering a Document to any format."""
from __future__ import annotations

from pathlib import Path

from .model import Document

WRITERS = ("pdf", "fountain", "json")
TEXT_FORMATS = ("fountain", "json")
EXTENSIONS = {"pdf": ".pdf", "fountain": ".fountain", "json": ".json"}


def load(text: str, name: str, title: str | None = None, author: str | None = None) -> Document:
    """A Document from input text; `name` (a file name) picks the reader and default title."""
    from .pipeline import adapt_prose

    return adapt_prose(text, title=title, author=author, default_title=Path(name).stem)


def render(doc: Document, fmt: str) -> bytes:
    if fmt == "pdf":
        from .writers.pdf import write_pdf
        return write_pdf(doc)
    if fmt == "fountain":
        from .writers.fountain import write_fountain
        return write_fountain(doc).encode("utf-8")
    if fmt == "json":
        from .writers.json_writer import write_json
        return write_json(doc).encode("utf-8")
    raise ValueError(f"unknown format {fmt!r}")
