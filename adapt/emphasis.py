"""Inline emphasis inside element texts: Fountain markup is the model's representation.

`Element.text` (and title page values) hold Fountain 1.1 inline markup: `*italic*`, `**bold**`,
`***bold italic***`, `_underline_`, `\\*` and `\\_` for literal characters, and `[[inline
notes]]`. Text without any of these is plain text, so most texts read as they are. Readers of
other formats escape literal `*`/`_` only where a Fountain reader would take them for emphasis
(`escape`); writers get styled pieces from `runs(text)` or the bare text from `plain(text)`.

Fountain has no escape for `[[` or `]]` (every reader takes them for a note's ends), so a
literal one is held with a WORD JOINER (U+2060, invisible, no break) between its brackets:
`[\u2060[`. `runs` and `plain` drop a joiner that follows a bracket, and no reader sees a note.

Emphasis never crosses a line break (as in the Fountain spec), so `runs` works line by line and
passes "\\n" through unstyled.
"""
from __future__ import annotations

import re

BOLD, ITALIC, UNDERLINE, NOTE = "bold", "italic", "underline", "note"
PLAIN: frozenset[str] = frozenset()

# Private-use stand-ins for escaped characters while pairing delimiters.
_ESC = {"*": "\ue000", "_": "\ue001"}
_UNESC = {v: k for k, v in _ESC.items()}
_ESCAPED = re.compile(r"\\([*_])")
_NOTE = re.compile(r"\[\[.*?\]\]", re.S)
_DELIM = re.compile(r"\*+|_")
_JOINER = "\u2060"
_JOINED = re.compile(r"(?<=[\[\]])\u2060")      # a joiner held after "[" or "]" (see escape)
_NEEDS_JOINER = re.compile(r"([\[\]])(?=\1|\u2060)")
_FLAGS = {1: frozenset((ITALIC,)), 2: frozenset((BOLD,)), 3: frozenset((BOLD, ITALIC)),
          "_": frozenset((UNDERLINE,))}


_UNESC_TABLE = str.maketrans(_UNESC)


def _restore(text: str) -> str:
    return text.translate(_UNESC_TABLE)


def _line_runs(line: str, out: list):
    """Append the runs of one line (escapes already replaced) to out.

    Delimiters toggle styles: one opens a style when a non-space follows it and a possible
    closer comes later on the line; it closes an open style when a non-space precedes it.
    Crossed pairs (`_**a_**`) therefore work as writers mean them. An opener that never gets
    closed is taken back as literal text and the line is read again.
    """
    literal: set[int] = set()
    while True:
        pieces, opened = _toggle(line, literal)
        unclosed = {pos for pos in opened.values()}
        if not unclosed:
            out.extend(pieces)
            return
        literal |= unclosed


def _toggle(line: str, literal: set[int]):
    delims = [m for m in _DELIM.finditer(line)]
    # The last delimiter that could close an underscore, and a run of stars (one after a
    # non-space, of the same kind): an opener needs one after it on the line.
    last_closer = {True: -1, False: -1}
    for i, m in enumerate(delims):
        if m.start() and not line[m.start() - 1].isspace():
            last_closer[m.group() == "_"] = i
    style: frozenset[str] = PLAIN
    opened: dict[str, int] = {}          # style name -> position of its opener
    pieces, pos = [], 0
    for i, m in enumerate(delims):
        key = "_" if m.group() == "_" else len(m.group())
        flags = _FLAGS.get(key)
        before = line[m.start() - 1] if m.start() else " "
        after = line[m.end()] if m.end() < len(line) else " "
        action = None
        if flags is not None and m.start() not in literal:
            open_now = flags & style
            if open_now and not before.isspace():
                action = ("close", open_now)
            elif not open_now and not after.isspace() and after not in ",.;:!?)" \
                    and last_closer[key == "_"] > i:
                action = ("open", flags)
        if action is None:
            continue
        pieces.append((_restore(line[pos:m.start()]), style))
        pos = m.end()
        if action[0] == "open":
            style = style | action[1]
            for name in action[1]:
                opened[name] = m.start()
        else:
            style = style - action[1]
            for name in action[1]:
                opened.pop(name, None)
    pieces.append((_restore(line[pos:]), style))
    return pieces, opened


def runs(text: str, notes: bool = False) -> list[tuple[str, frozenset[str]]]:
    """Styled pieces of a marked-up text: [(text, frozenset of "bold"/"italic"/"underline")].

    Inline notes are dropped unless notes=True (then they come as runs styled {"note"}).
    Adjacent pieces with the same style are merged; "\\n" separates lines.
    """
    pieces: list[tuple[str, frozenset[str]]] = []
    pos = 0
    for m in _NOTE.finditer(text):
        _text_runs(text[pos:m.start()], pieces)
        if notes:
            pieces.append((m.group(0)[2:-2], frozenset((NOTE,))))
        pos = m.end()
    _text_runs(text[pos:], pieces)
    merged: list[tuple[str, frozenset[str]]] = []
    for piece, style in pieces:
        if not piece:
            continue
        if merged and merged[-1][1] == style:
            merged[-1] = (merged[-1][0] + piece, style)
        else:
            merged.append((piece, style))
    return merged


def _text_runs(text: str, out: list):
    text = _ESCAPED.sub(lambda m: _ESC[m.group(1)], _JOINED.sub("", text))
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append(("\n", PLAIN))
        _line_runs(line, out)


def plain(text: str) -> str:
    """The text as printed: markup, escapes and inline notes removed."""
    if not any(c in text for c in "*_\\[]"):
        return text
    return "".join(piece for piece, _ in runs(text))


def escape(text: str) -> str:
    """Literal text -> model text. `*` and `_` are escaped where they would read as emphasis,
    to us or to a reader that pairs any two of them on a line (screenplain reads a lone `***`
    as markup too), and `*` also beside `/` (a boneyard); otherwise they stay bare, as most
    texts are (screenplain prints the spec's `\\_` as typed). `[[` and `]]`, which would open
    or close a note, get a word joiner between their brackets, as does a bracket before a
    literal joiner (so that one survives `plain`) and a text's last `]`. `plain(escape(t)) == t`
    for every t.
    """
    held = _NEEDS_JOINER.sub(r"\1" + _JOINER, text) if "[" in text or "]" in text else text
    if held.endswith("]"):      # a note's text: "...]" + "]]" would close at the first "]]"
        held += _JOINER
    if not ("*" in held or "_" in held):
        return held
    reads_as_markup = plain(held) != text
    if "*" in held and (reads_as_markup or _pairable(held, "*") or "/*" in held
                        or "*/" in held):
        held = held.replace("*", "\\*")
    if "_" in held and (reads_as_markup or _pairable(held, "_")):
        held = held.replace("_", "\\_")
    return held


# Project Gutenberg's plain-text italics: `_word_` or `_a phrase_` on one line, the underscores
# outside a word (so snake_case and __ stay literal).
_UNDERSCORED = re.compile(r"(?<![\w*])_(?=[^\s_])([^_\n]*?[^\s_])_(?!\w)")
_OPEN, _CLOSE = "\ue010", "\ue011"     # stand-ins while escaping (not used by _ESC)


def from_prose(text: str, italic: bool = True) -> str:
    """Literal prose -> model text, as `escape`, except that Gutenberg's `_italic_` spans
    become italics (`*italic*`), or plain text with italic=False (for headings and cues). A
    span the markup cannot hold as italics keeps its underscores as literal text."""
    if "_" not in text or _OPEN in text or _CLOSE in text:
        return escape(text)
    spans = list(_UNDERSCORED.finditer(text))
    if not spans:
        return escape(text)
    marked = _UNDERSCORED.sub(lambda m: f"{_OPEN}{m.group(1)}{_CLOSE}", text)
    star = "*" if italic else ""
    held = escape(marked).replace(_OPEN, star).replace(_CLOSE, star)
    expected = marked.replace(_OPEN, "").replace(_CLOSE, "")
    pieces = runs(held)     # (plain(held) is their text: read once for both checks)
    styled = [piece for piece, style in pieces if ITALIC in style]
    if "".join(piece for piece, _ in pieces) != expected or \
            styled != ([m.group(1) for m in spans] if italic else []):
        return escape(text)
    return held


def _pairable(text: str, mark: str) -> bool:
    return any(line.count(mark) > 1 for line in text.split("\n"))


def fdx_style(style: frozenset[str]) -> str:
    """The Final Draft `Style` attribute for a run style: "Bold+Italic", "" for plain."""
    return "+".join(name.capitalize() for name in (BOLD, ITALIC, UNDERLINE) if name in style)
