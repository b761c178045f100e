"""Prose reader: Lark parses the text into paragraphs of narration and quotations.

Offsets are kept into the text exactly as read, so every screenplay element can point back
at the prose it came from.
"""
from __future__ import annotations

import functools
import re

from .. import regex_cache
from ..grammar import cache_file, grammar_text, import_hiding

_lark = import_hiding("lark", "regex")      # (see there)
Lark, Token, Transformer = _lark.Lark, _lark.Token, _lark.Transformer
from ..story import Chapter, Paragraph, SceneBreak, Span, Story

_GUTENBERG_START = re.compile(r"^\*{3} ?START OF (?:THE|THIS) PROJECT GUTENBERG[^\n]*\n", re.M | re.I)
_GUTENBERG_END = re.compile(r"^\*{3} ?END OF (?:THE|THIS) PROJECT GUTENBERG", re.M | re.I)
_HEADER_FIELD = re.compile(r"^(Title|Author):[ \t]*(.+)$", re.M)

# Openings of single-quoted speech: a mark after a space or line start, before a letter.
# (The mark comes first in the pattern, so the regex engine skips ahead to marks.)
_SINGLE_OPEN = re.compile(r"[\u2018'](?<![^\s(\[\u2014][\u2018'])(?=[A-Za-z])")


def quote_convention(text: str) -> str:
    """'double' unless single quotes clearly open more speeches than double quotes do."""
    doubles = text.count('"') + text.count("\u201c")
    if text.count("'") + text.count("\u2018") <= 2 * max(doubles, 1):
        return "double"     # (too few marks of any kind: no need to find the openings)
    singles = len(_SINGLE_OPEN.findall(text))
    return "single" if singles > 2 * max(doubles, 1) else "double"


class _ToBlocks(Transformer):
    """Parse tree -> Story blocks. `offset` shifts token positions to the whole input. Each
    method takes its rule's children as one list (Lark's inline wrapper cost two more calls
    per rule, a tenth of the parse)."""

    def __init__(self, offset: int):
        super().__init__()
        self.offset = offset

    def _pos(self, tok: Token) -> tuple[int, int]:
        return tok.start_pos + self.offset, tok.end_pos + self.offset

    def narration(self, children):
        tok, = children
        start, end = self._pos(tok)
        return Span("narration", str(tok), start, end)

    def quote(self, children):
        tok, = children
        return self._quote(tok, closed=True)

    def open_quote(self, children):
        tok, = children
        return self._quote(tok, closed=False)

    def _quote(self, tok, closed):
        start, end = self._pos(tok)
        inner_start, inner_end = start + 1, end - (1 if closed else 0)
        raw = str(tok)[1:len(tok) - (1 if closed else 0)]
        # Trim the whitespace inside the marks (and trailing CRs) from the span.
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw) - len(raw.rstrip()) if raw.strip() else 0   # blank: an empty span
        text = raw.strip()
        return Span("quote", text, inner_start + lead, inner_end - trail, closed)

    def paragraph(self, spans):
        return Paragraph(list(spans), spans[0].start, spans[-1].end)

    def chapter(self, children):
        tok, = children
        start, end = self._pos(tok)
        return Chapter(str(tok).strip(), start, end)

    def scene_break(self, children):
        tok, = children
        start, end = self._pos(tok)
        return SceneBreak(start, end)

    def doc_double(self, blocks):
        return list(blocks)

    doc_single = doc_double


@functools.lru_cache(maxsize=None)
def _parser() -> tuple[Lark, _ToBlocks]:
    """The LALR parser with the transformer applied as it parses: no parse tree is built,
    which halves the time and keeps a 10 MB novel's tree (70 MB) out of memory. The
    transformer's `offset` is set before each parse."""
    to_blocks = _ToBlocks(0)
    text = grammar_text("prose")
    parser = Lark(text, parser="lalr", lexer="contextual", start=["doc_double", "doc_single"],
                  transformer=to_blocks, cache=cache_file("prose", text))
    return parser, to_blocks


def _gutenberg_body(text: str) -> tuple[int, int, dict[str, str]]:
    """The slice of a Project Gutenberg file between its header and licence, and header fields."""
    start_match = _GUTENBERG_START.search(text) if "***" in text else None   # (a quick look first)
    if not start_match:
        return 0, len(text), {}
    fields = {k.lower(): v.strip() for k, v in _HEADER_FIELD.findall(text[:start_match.start()])}
    end_match = _GUTENBERG_END.search(text, start_match.end())
    return start_match.end(), end_match.start() if end_match else len(text), fields


def _title_line(blocks) -> Paragraph | None:
    """A first paragraph that is one short line without sentence punctuation reads as a title."""
    if not blocks or not isinstance(blocks[0], Paragraph):
        return None
    first = blocks[0]
    text = first.text.strip()
    if (len(blocks) > 1 and first.quotes == [] and 0 < len(text) <= 80 and "\n" not in text
            and not re.search(r"[.,;:!?\u2026]$", text) and len(text.split()) <= 12):
        return first
    return None


def read_prose(text: str) -> Story:
    """Parse prose into a Story. Accepts any text; unmatched quote marks never raise."""
    begin, end, fields = _gutenberg_body(text)
    # Leading and trailing blank space is not part of any paragraph.
    begin += len(text[begin:end]) - len(text[begin:end].lstrip())
    end = max(begin, begin + len(text[begin:end].rstrip()))
    body = text[begin:end]
    start = "doc_single" if quote_convention(body) == "single" else "doc_double"
    parser, to_blocks = _parser()
    to_blocks.offset = begin
    with regex_cache.kept("prose"):     # (the lexer compiles its terminals on first use)
        blocks = parser.parse(body, start=start)
    story = Story(text=text, blocks=blocks, title=fields.get("title"), author=fields.get("author"))
    title = _title_line(blocks)
    if title is not None:
        story.blocks = blocks[1:]
        story.title_span = (title.start, title.end)
        story.title = story.title or " ".join(title.text.split())   # one line, whatever the breaks
    return story
