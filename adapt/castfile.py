"""cast.toml: the writer's corrections to the cast, applied on the next run.

    [[character]]                 # one table per character
    cue = "ELIZABETH"             # the cue to print
    aliases = ["Elizabeth", "Lizzy", "Eliza"]   # names in the prose; characters found under
                                  # any of them are merged into this one
    gender = "F"                  # "F", "M" or "" (unknown)
    lines = 312                   # written by `adapt characters`, ignored when read
    first = 1402                  # offset of the first line, ignored when read

    [speakers]                    # force the speaker of one quotation
    52318 = "MR. DARCY"           # quote start offset in the input = cue

Mistakes are fixed by data: the file is written by `adapt characters INPUT -o cast.toml`,
edited by hand and read back with `adapt convert --cast cast.toml`.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - the backport on 3.10
    import tomli as tomllib

from .cast import Cast


class CastFileError(ValueError):
    """A cast file that cannot be used; the message is one line for the user."""


@dataclass
class CastEntry:
    cue: str | None = None
    aliases: list[str] = field(default_factory=list)
    gender: str | None = None


@dataclass
class CastFile:
    characters: list[CastEntry] = field(default_factory=list)
    speakers: dict[int, str] = field(default_factory=dict)

    def apply_to_cast(self, cast: Cast):
        """Merge, rename and re-gender the discovered characters as the file says."""
        for entry in self.characters:
            found = []
            for alias in entry.aliases:
                ch = cast.lookup(alias)
                if ch is not None and ch not in found:
                    found.append(ch)
            if entry.cue:
                found += [c for c in cast.characters if c.cue == entry.cue and c not in found]
            target = found[0] if found else cast.new()
            for other in found[1:]:
                for form, n in other.forms.items():
                    cast.add_form(target, form, n)
                target.votes.update(other.votes)
                other.forms.clear()
            for alias in entry.aliases:
                if cast.lookup(alias) is not target:
                    cast.add_form(target, alias)
            if entry.cue:
                target.cue_override = entry.cue.upper()
            if entry.gender:
                target.gender_override = entry.gender

    def apply_to_speakers(self, speakers: dict[int, str]):
        for offset, cue in self.speakers.items():
            if offset in speakers:
                speakers[offset] = cue.upper()


def parse(text: str, name: str = "cast file") -> CastFile:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CastFileError(f"{name}: not valid TOML ({exc})") from None
    out = CastFile()
    for i, table in enumerate(data.get("character", [])):
        if not isinstance(table, dict):
            raise CastFileError(f"{name}: [[character]] {i + 1} is not a table")
        aliases = table.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise CastFileError(f"{name}: [[character]] {i + 1}: aliases must be a list of names")
        gender = table.get("gender") or None
        if gender not in (None, "F", "M"):
            raise CastFileError(f"{name}: [[character]] {i + 1}: gender must be \"F\", \"M\" or \"\"")
        cue = table.get("cue")
        if cue is not None and (not isinstance(cue, str) or not cue.strip()):
            raise CastFileError(f"{name}: [[character]] {i + 1}: cue must be a name")
        if cue is None and not aliases:
            raise CastFileError(f"{name}: [[character]] {i + 1} has neither cue nor aliases")
        out.characters.append(CastEntry(cue, list(aliases), gender))
    for key, cue in (data.get("speakers") or {}).items():
        if not key.isdigit() or not isinstance(cue, str):
            raise CastFileError(f"{name}: [speakers] entries are OFFSET = \"CUE\" ({key!r})")
        out.speakers[int(key)] = cue
    return out


def dump(attribution) -> str:
    """A cast file for what `attribute()` found: one table per speaking character."""
    import tomli_w

    tables = []
    for ch in attribution.cast:
        table = {"cue": ch.name, "aliases": list(ch.aliases), "gender": ch.gender or "",
                 "lines": attribution.lines.get(ch.name, 0)}
        if ch.name in attribution.first:
            table["first"] = attribution.first[ch.name]
        tables.append(table)
    head = ("# adapt cast file: edit cues, aliases (merge characters by listing their names\n"
            "# together) and genders, force a speaker under [speakers] (quote offset = \"CUE\"),\n"
            "# then run: adapt convert INPUT --cast THIS_FILE\n\n")
    return head + tomli_w.dumps({"character": tables, "speakers": {}})
