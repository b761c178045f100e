"""The screenplay document model: a title page plus a flat list of elements.

Readers (prose, Fountain) build a `Document`; writers (PDF, Fountain, JSON, ...) consume one.
Nothing here knows about any input or output format.

Texts carry inline emphasis as Fountain markup (`*italic*`, `**bold**`, `***bold italic***`,
`_underline_`, `\\*`/`\\_` for literal characters, `[[inline notes]]`); text without markup is
plain text. Readers of non-Fountain input escape a literal `*`/`_` only where it would read as
markup (`adapt.emphasis.escape`). Writers call `adapt.emphasis.runs(text)` for styled pieces
[(text, {"bold", "italic", "underline"})] or `plain(text)` for the printed characters.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields

ELEMENT_TYPES = (
    "scene_heading", "action", "character", "parenthetical", "dialogue", "transition",
    "centered", "page_break", "note", "section", "synopsis", "lyrics",
)

# Element types spoken by a character: they carry the bare cue in `character`.
SPEECH_TYPES = ("character", "parenthetical", "dialogue", "lyrics")


@dataclass(slots=True)   # a novel becomes ~50k elements: no per-object __dict__
class Element:
    type: str
    text: str = ""
    character: str | None = None       # bare cue (no extension) for speech elements
    source: tuple[int, int] | None = None  # character offsets into the input text
    extension: str | None = None       # cue extension such as "V.O." or "CONT'D"
    scene_number: str | None = None    # "12A" on a scene heading
    dual: bool = False                 # second speaker of dual dialogue (Fountain ^)
    level: int | None = None           # section depth (Fountain #, ##, ...)
    line: int | None = None            # 1-based line in a Fountain input

    def __post_init__(self):
        if self.type not in ELEMENT_TYPES:
            raise ValueError(f"unknown element type {self.type!r}")

    def to_json(self) -> dict:
        out = {"type": self.type, "text": self.text}
        for f in fields(self):
            if f.name in ("type", "text"):
                continue
            value = getattr(self, f.name)
            if value not in (None, False):
                out[f.name] = list(value) if f.name == "source" else value
        return out

    @classmethod
    def from_json(cls, data: dict) -> Element:
        data = dict(data)
        if data.get("source") is not None:
            data["source"] = tuple(data["source"])
        return cls(**data)


@dataclass
class Character:
    name: str                                   # the cue, in capitals: "MRS. BENNET"
    aliases: list[str] = field(default_factory=list)
    gender: str | None = None                   # "F", "M" or None when unknown

    def to_json(self) -> dict:
        out = {"name": self.name, "aliases": list(self.aliases)}
        if self.gender:
            out["gender"] = self.gender
        return out


# Title page keys in the order a title page shows them (Fountain spelling).
TITLE_KEYS = ("Title", "Credit", "Author", "Source", "Draft date", "Contact")


@dataclass
class Document:
    title_page: dict[str, str] = field(default_factory=dict)
    elements: list[Element] = field(default_factory=list)
    characters: list[Character] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The title as printed (title page values may hold emphasis markup)."""
        from .emphasis import plain

        return plain(self.title_page.get("Title", ""))

    def to_json(self) -> dict:
        return {
            "title": self.title,
            "title_page": dict(self.title_page),
            "characters": [c.to_json() for c in self.characters],
            "elements": [e.to_json() for e in self.elements],
        }

    @classmethod
    def from_json(cls, data: dict) -> Document:
        title_page = dict(data.get("title_page") or {})
        if data.get("title") and "Title" not in title_page:
            title_page["Title"] = data["title"]
        return cls(
            title_page=title_page,
            elements=[Element.from_json(e) for e in data.get("elements", [])],
            characters=[Character(c["name"], list(c.get("aliases", [])), c.get("gender"))
                        for c in data.get("characters", [])],
        )
