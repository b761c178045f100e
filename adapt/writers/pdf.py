"""Paint laid-out pages on the ReportLab canvas (Courier 12 pt, one line per 12 pt).

All placement decisions are made in `adapt.layout`; this module only turns inches into
points, picks fonts for emphasis and draws. The canvas runs with invariant=1 (no creation
date, no random document ID), so the same input gives a byte-identical PDF.
"""
from __future__ import annotations

import contextlib
import functools
import itertools
from pathlib import Path

from ..helper import Helper
from ..layout import (CHAR_IN, LEFT_EDGE_IN, LINE_IN, PAGE_SIZE_IN, RIGHT_EDGE_IN, TOP_IN, Layout,
                      LayoutOptions, Line, Page, layout)
from ..emphasis import plain, runs
from ..model import Document

PT = 72.0
FONT_SIZE = 12.0
# Courier's ascent: the baseline sits this far below the top of its 12 pt line.
BASELINE_DROP_PT = 9.0
PAGE_NUMBER_TOP_IN = 0.5
SCENE_NUMBER_LEFT_END_IN = 1.2   # left scene number ends here (right-aligned)
SCENE_NUMBER_RIGHT_IN = 7.8      # right scene number starts here
REVISION_MARK_IN = 8.0           # revised pages: the * beside a changed line (after any number)
FOOT_LINE = 56                   # (CONTINUED) sits one line under a full body
NOTE_GREY = 0.45
CENTRE_IN = (LEFT_EDGE_IN + RIGHT_EDGE_IN) / 2   # centered text: middle of the text area

# Printable ASCII: what the built-in faces' encodings write as it is.
_PRINTABLE = "".join(map(chr, range(32, 127)))

COURIER = {"": "Courier", "b": "Courier-Bold", "i": "Courier-Oblique",
           "bi": "Courier-BoldOblique"}


class FontError(ValueError):
    """A --font file that cannot be used."""


class Fonts:
    """The four faces used for emphasis, and the size that gives 10 characters per inch."""

    def __init__(self, path: str | None = None):
        self.faces = dict(COURIER)
        self.size = FONT_SIZE
        if path:
            self._load_ttf(Path(path))

    def _load_ttf(self, path: Path):
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFError, TTFont

        if not path.is_file():
            raise FontError(f"{path}: no such font file")
        try:
            regular = TTFont("AdaptFont", str(path))
        except (TTFError, OSError, ValueError) as exc:
            raise FontError(f"{path}: not a usable TrueType font ({exc})") from None
        pdfmetrics.registerFont(regular)
        self.faces = {"": "AdaptFont"}
        for style, name in _sibling_faces(path).items():
            try:
                pdfmetrics.registerFont(TTFont(f"AdaptFont-{style}", str(name)))
                self.faces[style] = f"AdaptFont-{style}"
            except (TTFError, OSError, ValueError):
                pass
        for style in ("b", "i", "bi"):
            self.faces.setdefault(style, self.faces.get(style[-1:], "AdaptFont")
                                  if style == "bi" else "AdaptFont")
        # Scale so one character is 0.1 in, as Courier is: the layout is a 10-cpi grid.
        advance = pdfmetrics.stringWidth("M", "AdaptFont", 1000)
        if advance > 0:
            self.size = round(FONT_SIZE * 600 / advance, 3)

    def face(self, style: str) -> str:
        key = ("b" if "b" in style else "") + ("i" if "i" in style else "")
        return self.faces.get(key, self.faces[""])


def missing_glyphs(doc: Document, limit: int = 5) -> str:
    """Up to `limit` characters of the document that built-in Courier (WinAnsi) cannot show.
    Only printed characters count: not markup, nor the invisible word joiner that holds a
    literal "[[" apart in the model (see adapt.emphasis.escape)."""
    seen: list[str] = []
    texts = [e.text for e in doc.elements] + list(doc.title_page.values())
    # A text without a word joiner prints only characters it holds: in nearly every script
    # they are all in WinAnsi, which one encoding of them all tells at once.
    if _winansi("".join(text if "\u2060" not in text else _printed(text) for text in texts)):
        return ""
    texts = [_printed(text) for text in texts]
    for ch in sorted(set("".join(texts))):
        if ch not in "\n\t" and not _winansi(ch):
            seen.append(ch)
            if len(seen) == limit:
                break
    return "".join(seen)


def _printed(text: str) -> str:
    """The characters a text prints, its [[notes]] included (--show-notes prints them)."""
    if not any(c in text for c in "*_\\[]"):
        return text
    return "".join(piece for piece, _ in runs(text, notes=True))


def _winansi(text: str) -> bool:
    try:
        text.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


def _sibling_faces(path: Path) -> dict[str, Path]:
    """Bold / italic files beside a regular face: Name-Bold.ttf, NameBold.ttf, Name-Oblique..."""
    stem = path.stem
    for suffix in ("-Regular", "Regular", "-Book", "-Roman"):
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    names = {"b": ("Bold", "Bd", "B"), "i": ("Italic", "Oblique", "It", "I"),
             "bi": ("BoldItalic", "BoldOblique", "BI", "Z")}
    found = {}
    for style, suffixes in names.items():
        for suffix in suffixes:
            for sep in ("-", "", "_"):
                candidate = path.with_name(f"{stem}{sep}{suffix}{path.suffix}")
                if candidate.is_file() and candidate != path:
                    found[style] = candidate
                    break
            if style in found:
                break
    return found


class _Painter:
    """Draws one page's text through a single text object (far fewer PDF operators than a
    drawString per line), and its underlines as lines afterwards.

    With the built-in (Type 1) faces, a run's operators are written straight into the text
    object: exactly the strings ReportLab's setTextOrigin and textOut write for them, without
    measuring each run (textOut moves a cursor this painter never reads) or formatting it
    through the general path. A run needing a substitution font (Symbol, ZapfDingbats), or an
    embedded TrueType face, goes through textOut itself."""

    def __init__(self, c, fonts: Fonts, height_pt: float):
        from reportlab.lib.rl_accel import escapePDF, fp_str
        from reportlab.pdfbase.pdfmetrics import getFont, stringWidth, unicode2T1

        self.c = c
        self.fonts = fonts
        self.height = height_pt
        self._string_width = stringWidth
        self._fp_str = fp_str
        self._at: dict[tuple[float, float], str] = {}      # (x, y) -> fp_str(x, y)
        self._escape = escapePDF
        self._to_t1 = unicode2T1
        self._t1 = {}       # face -> [font] + substitutes, for the built-in faces only
        self._ascii = set()     # ... those whose encoding writes printable ASCII as it is
        for face in set(fonts.faces.values()):
            font = getFont(face)
            if not font._dynamicFont and not font._multiByte:
                self._t1[face] = [font] + font.substitutionFonts
                if unicode2T1(_PRINTABLE, self._t1[face]) == [(font, _PRINTABLE.encode("ascii"))]:
                    self._ascii.add(face)
        self._bottom_up = c.bottomup
        # Plain printable ASCII in the plain face, once it is set: the operators _run writes
        # for it, without choosing a face or encoding (most of a script's runs).
        self._plain = fonts.faces[""]
        self._plain_direct = self._plain in self._ascii and self._bottom_up
        self.dry = False    # choose fonts as painting would, but draw nothing (see _later_pages)

    def begin(self):
        self.text = self.c.beginText()
        self.code = self.text._code
        self.face = None
        self.grey = False
        self.underlines: list[tuple[float, float, float]] = []

    def end(self):
        if self.dry:
            return
        self.c.drawText(self.text)
        if self.underlines:
            self.c.setLineWidth(0.6)
            for x0, x1, y in self.underlines:
                self.c.line(x0, y - 1.6, x1, y - 1.6)

    def baseline(self, top_in: float) -> float:
        return self.height - top_in * PT - BASELINE_DROP_PT

    def width(self, text: str, style: str = "") -> float:
        if self.dry:
            return 0.0      # (positions are not drawn)
        return self._string_width(text, self.fonts.face(style), self.fonts.size)

    def _plain_known(self) -> bool:
        """Whether the plain face has its name in the document (a dry pass then learns
        nothing from plain ASCII text: see _later_pages)."""
        return self.fonts.faces[""] in self.c._doc.fontMapping

    def _run(self, x: float, y: float, run: str, style: str):
        if not style and self.face == self._plain and not self.grey and self._plain_direct \
                and not self.dry and run and run.isascii() and run.isprintable():
            at = self._at.get((x, y))
            if at is None:
                at = self._at[x, y] = self._fp_str(x, y)
            self.code.append(f"1 0 0 1 {at} Tm ({self._escape(run.encode('ascii'))}) Tj")
            return
        if self.dry and not style and run.isascii() and self._plain_known():
            return
        face = self.fonts.face(style) if style else self.fonts.faces[""]
        if face != self.face:
            self.text.setFont(face, self.fonts.size)
            self.face = face
        grey = "n" in style
        if grey != self.grey:
            self.text.setFillGray(NOTE_GREY if grey else 0)
            self.grey = grey
        t1 = self._t1.get(face)
        if self.dry and t1 is not None and run.isascii():
            return      # (ASCII is all in the face's own encoding: no substitute font to add)
        if face in self._ascii and self._bottom_up and run and run.isascii() and run.isprintable():
            pieces = [(t1[0], run.encode("ascii"))]     # what _to_t1 gives, without encoding
        else:
            pieces = self._to_t1(run, t1) if t1 is not None and self._bottom_up else None
        if pieces is not None and len(pieces) == 1 and pieces[0][0] is t1[0]:
            # one list item for both operators: the text object joins its items with a space
            if not self.dry:
                at = self._at.get((x, y))      # (a script has few margins and line heights)
                if at is None:
                    at = self._at[x, y] = self._fp_str(x, y)
                self.code.append(f"1 0 0 1 {at} Tm ({self._escape(pieces[0][1])}) Tj")
        else:
            self.text.setTextOrigin(x, y)
            self.text.textOut(run)
        if "u" in style and run.strip() and not self.dry:
            self.underlines.append((x, x + self.width(run, style), y))

    def right(self, x_right: float, y: float, text: str):
        self._run(x_right - self.width(text), y, text, "")

    def line(self, line: Line, y: float, centre_in: float | None = None):
        """Draw one line at baseline y, its emphasis runs in their faces."""
        if not line.text or (self.dry and not line.marks and line.kind != "note"
                             and line.text.isascii() and self._plain_known()):
            return
        if line.align == "right":
            x = RIGHT_EDGE_IN * PT - self.width(line.text)
        elif line.align == "center":
            centre = centre_in if centre_in is not None else line.left
            x = centre * PT - self.width(line.text) / 2
        else:
            x = line.left * PT
        if not line.marks and line.kind != "note":
            self._run(x, y, line.text, "")      # most lines: one plain run
            return
        note = "n" if line.kind == "note" else ""
        for start, end, style in _runs(line):
            x0 = x + (self.width(line.text[:start]) if start else 0.0)
            self._run(x0, y, line.text[start:end], style + note)


def _runs(line: Line) -> list[tuple[int, int, str]]:
    """Split a line into runs of one combined style."""
    n = len(line.text)
    if not line.marks:
        return [(0, n, "")]
    cuts = {0, n}
    for a, b, _ in line.marks:
        cuts.update((max(0, min(a, n)), max(0, min(b, n))))
    cuts = sorted(cuts)
    out = []
    for a, b in zip(cuts, cuts[1:]):
        if a == b:
            continue
        style = "".join(sorted({ch for s0, s1, st in line.marks if s0 <= a and b <= s1 for ch in st}))
        out.append((a, b, style))
    return out


def _title_page(p: _Painter, tp):
    p.begin()
    for top, line in tp.lines:
        p.line(line, p.baseline(top))
    p.end()


def _page(p: _Painter, page: Page, anchors: list, revision_header: str | None = None):
    p.begin()
    if page.number > 1:
        p.right(RIGHT_EDGE_IN * PT, p.baseline(PAGE_NUMBER_TOP_IN), f"{page.number}.")
    for i, line in enumerate(page.lines):
        if line is None:
            continue
        y = p.baseline(TOP_IN + i * LINE_IN)
        p.line(line, y, centre_in=CENTRE_IN)
        if line.beside is not None:
            p.line(line.beside, y)
        if line.scene_number:
            p.right(SCENE_NUMBER_LEFT_END_IN * PT, y, line.scene_number)
            p._run(SCENE_NUMBER_RIGHT_IN * PT, y, line.scene_number, "")
        if line.anchor:
            anchors.append((line.anchor, y))
        if (line.marks or line.beside is not None) and line.revised:
            x = max(REVISION_MARK_IN, SCENE_NUMBER_RIGHT_IN + CHAR_IN * (len(line.scene_number) + 1)
                    if line.scene_number else 0)
            p._run(x * PT, y, "*", "")
    if revision_header and any(ln is not None and ln.revised for ln in page.lines):
        p._run(LEFT_EDGE_IN * PT, p.baseline(PAGE_NUMBER_TOP_IN), revision_header, "")
    if page.foot is not None:
        p.line(page.foot, p.baseline(TOP_IN + FOOT_LINE * LINE_IN))
    p.end()


def preload():
    """Import what painting needs (for a caller with time to spare before it paints)."""
    from reportlab.lib import rl_accel  # noqa: F401
    from reportlab.pdfbase import pdfdoc, pdfmetrics  # noqa: F401
    from reportlab.pdfgen import canvas  # noqa: F401


def write_pdf(doc: Document, paper: str = "letter", show_notes: bool = False,
              scene_numbers: bool = False, continueds: bool = False, contd: bool = True,
              heading_space: int = 1, font: str | None = None, revisions: dict | None = None,
              revision_header: str | None = None, meanwhile=None) -> bytes:
    """`revisions` and `revision_header` make revised pages (see adapt.revisions);
    `meanwhile()`, if given, is called while a helper process paints the later pages (the
    caller's other work), or not at all."""
    opts = LayoutOptions(paper=paper, show_notes=show_notes, scene_numbers=scene_numbers,
                         continueds=continueds, contd=contd, heading_space=heading_space,
                         revisions=revisions)
    return paint(layout(doc, opts, lazy=True), doc, Fonts(font), revision_header, meanwhile)


def paint(laid: Layout, doc: Document, fonts: Fonts | None = None,
          revision_header: str | None = None, meanwhile=None) -> bytes:
    from reportlab.pdfgen import canvas

    fonts = fonts or Fonts()
    width_in, height_in = PAGE_SIZE_IN[laid.paper]
    size = (width_in * PT, height_in * PT)
    split = _split_page(doc) if fonts.faces == COURIER else None
    # (forked before anything else: the helper's share is the longer one)
    helper = Helper(_later_pages, laid, fonts, size, revision_header, split) if split else None
    n, held = 0, []
    with helper or contextlib.nullcontext():
        c = canvas.Canvas(None, pagesize=size, invariant=1, pageCompression=1)  # see getpdfdata
        c.setTitle(" ".join(doc.title.split()))
        c.setAuthor(" ".join(plain(doc.title_page.get("Author", "")).split()))
        c.setCreator("adapt")
        p = _Painter(c, fonts, size[1])
        if laid.title_page is not None:
            _title_page(p, laid.title_page)
            c.showPage()
        pages = iter(laid.pages)  # a generator from write_pdf: one page's Lines at a time
        for page in pages:        # (a list is read once too: the rest follow `held` below)
            if helper and page.number >= split:
                held.append(page)   # the helper paints from here on
                break
            n = _paint_page(c, p, page, revision_header, n)
        if meanwhile and helper and helper.pid is not None:
            meanwhile()
        later = helper.next() if helper else None
        if later is not None:
            for content, anchors, fonts_first_used in later:
                for face in fonts_first_used:       # at the moment painting would add them
                    c._doc.getInternalFontName(face)
                n = _outline(c, anchors, n)
                c.showPage()
                _compress_last_page(c, content)
        else:                     # no helper, or it failed: paint the rest here
            for page in itertools.chain(held, pages):
                n = _paint_page(c, p, page, revision_header, n)
    if n:
        c.showOutline()
    return c.getpdfdata()   # what save() would write, without a second copy in a BytesIO


def _paint_page(c, p: _Painter, page: Page, revision_header: str | None, n: int) -> int:
    """Paint and show one page; returns the outline's bookmarks so far."""
    anchors: list = []
    _page(p, page, anchors, revision_header)
    n = _outline(c, anchors, n)
    c.showPage()
    _compress_last_page(c)
    return n


def _outline(c, anchors: list, n: int) -> int:
    """Bookmark a page's scene headings in the outline; returns the bookmarks so far."""
    for text, y in anchors:
        key = f"s{n}"
        n += 1
        c.bookmarkPage(key, fit="XYZ", left=0, top=y + FONT_SIZE)
        c.addOutlineEntry(text, key, level=0)
    return n


# A helper process paints the later pages of a script this long (about 100 pages and up):
# a shorter one takes less time to paint than the helper to start.
SPLIT_MIN_LINES = 5_500


def _split_page(doc: Document) -> int | None:
    """The page number from which a helper paints, estimated from the length of the
    elements' texts: about three pages in five go to the parent (the estimate runs a tenth
    over a novel's pages), as the helper also lays out the parent's pages and passes over
    them, and the parent assembles the file after. None when the script is too short to
    share."""
    from ..layout import STYLES

    lines = 0
    for el in doc.elements:
        style = STYLES.get(el.type)
        if style is not None:
            lines += len(el.text) // style.width + 1 + style.space_before
    if lines < SPLIT_MIN_LINES:
        return None
    return max(2, int(lines / 55 * 0.58))


def _later_pages(laid: Layout, fonts: Fonts, size, revision_header, split: int, receive):
    """The helper's side of `paint`: lay out the whole script (its copy of the layout), pass
    over the pages before `split` choosing fonts as the parent does (so that each font gets
    the name it has there), and paint the rest. Yields, for each page from `split` on, its
    compressed content, its outline anchors and the fonts first used on it."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(None, pagesize=size, invariant=1, pageCompression=1)
    p = _Painter(c, fonts, size[1])
    mapping = c._doc.fontMapping
    p.dry = True
    if laid.title_page is not None:
        _title_page(p, laid.title_page)
    pages = []
    for page in laid.pages:
        known = len(mapping)
        anchors: list = []
        p.dry = page.number < split
        _page(p, page, anchors, revision_header)
        if p.dry:
            continue
        c.showPage()
        content = _compress_last_page(c)
        pages.append((content, anchors, list(mapping)[known:]))
    yield pages


def _compress_last_page(c, content=None):
    """Encode the page just shown now, as save() would, rather than keep its text until save:
    a long script's uncompressed page streams would otherwise all be in memory at once.
    The stream object is the one ReportLab's PDFPage.check_format builds (same filters, same
    dictionary order), so the file is byte for byte the same. `content`: the page's encoded
    stream, painted by a helper process (the page just shown is empty). Returns the encoded
    stream."""
    from reportlab import rl_config
    from reportlab.pdfbase import pdfdoc

    page = c._doc.Pages.pages[-1]
    _share_page_values(c, page)
    if page.Contents or not page.stream or not page.compression:
        return None   # check_format handles these itself at save
    filters = [pdfdoc.PDFBase85Encode, pdfdoc.PDFZCompress] if rl_config.useA85 \
        else [pdfdoc.PDFZCompress]
    if content is None:
        content = page.stream
        for f in reversed(filters):
            content = f.encode(content)
        content = _as_bytes(content)
    stream = _page_stream_class()(content=content)
    stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName(f.pdfname) for f in filters])
    stream.__Comment__ = "page stream"
    page.Contents = stream
    page.stream = None
    return content


def _as_bytes(content):
    """An ASCII85 page stream as the bytes formatting would write (PDFDocEncoding keeps
    printable ASCII as it is): encoded by whichever process painted the page, not all at
    save, and by the ascii codec rather than the PDFDocEncoding charmap."""
    from reportlab.pdfbase import pdfdoc

    if isinstance(content, str) and content.isascii() and content.isprintable() \
            and _PRINTABLE.encode("ascii") == pdfdoc.pdfdocEnc(_PRINTABLE):
        return content.encode("ascii")
    return content


def _share_page_values(c, page):
    """Give the page just shown the MediaBox, Resources and (empty) Trans that
    PDFPage.check_format would build for it at save, as objects shared by all such pages
    that format once: a script's hundreds of page dictionaries are formatted after the
    helper's pages arrive, in the parent alone. Pages with anything else on them (rotation,
    XObjects, graphics states, colours, shadings) keep ReportLab's own."""
    from reportlab.pdfbase import pdfdoc

    if page.Override_default_compilation or page.Rotate not in (0, None) \
            or page.XObjects or getattr(page, "ExtGState", None) \
            or getattr(page, "_shadingUsed", None) or page._colorsUsed:
        return
    shared = c.__dict__.setdefault("_adapt_shared_page_values", {})
    box = (page.pagewidth, page.pageheight)
    if page.MediaBox is None:
        if box not in shared:
            shared[box] = _format_once(pdfdoc.PDFArray([0, 0, *box]))
        page.MediaBox = shared[box]
    procs = ("Resources", bool(page.hasImages))
    if page.Resources is None:
        if procs not in shared:
            resources = pdfdoc.PDFResourceDictionary()
            resources.basicFonts()
            resources.allProcs() if page.hasImages else resources.basicProcs()
            shared[procs] = _format_once(resources)
        page.Resources = shared[procs]
    if type(page.Trans) is pdfdoc.PDFDictionary and not page.Trans.dict:
        if "Trans" not in shared:
            shared["Trans"] = _format_once(page.Trans)
        page.Trans = shared["Trans"]
    if type(page) is pdfdoc.PDFPage:
        page.__class__ = _reportlab_classes()[2]



@functools.lru_cache(maxsize=None)
def _reportlab_classes():
    """(FormatOnce, PageStream, Page), made on first use: ReportLab is imported only to paint.

    FormatOnce: a direct object shared by many pages of one document, formatted (by
    ReportLab) the first time, its bytes reused after.

    PageStream: ReportLab's PDFStream for a page stream already encoded, formatted without
    the general path's copies and name encodings (a long script has hundreds, all formatted
    after the helper's pages arrive, in the parent alone): the same bytes as
    PDFStream.format gives for a dictionary holding only its Filter, under the default
    one-line dictionary layout; any other case goes through PDFStream.format itself."""
    from reportlab import rl_config
    from reportlab.pdfbase import pdfdoc

    class FormatOnce(pdfdoc.PDFObject):
        def __init__(self, inner):
            self.inner = inner
            self.formatted = None

        def format(self, document):
            if self.formatted is None:
                self.formatted = pdfdoc.format(self.inner, document)
            return self.formatted

    class PageStream(pdfdoc.PDFStream):
        _filter_bytes: dict = {}     # the Filter array's names -> its formatted bytes

        def format(self, document):
            filt = self.dictionary.dict.get("Filter")
            if (rl_config.pdfMultiLine or self.content is None or len(self.dictionary.dict) != 1
                    or type(filt) is not pdfdoc.PDFArray
                    or not all(type(name) is str for name in filt.sequence)):
                return super().format(document)
            key = tuple(filt.sequence)
            fb = self._filter_bytes.get(key)
            if fb is None:
                fb = self._filter_bytes[key] = pdfdoc.format(filt, document)
            content = document.encrypt.encode(self.content)
            return (b"<<\n/Filter " + fb + b" /Length " + str(len(content)).encode()
                    + b"\n>>\nstream\n" + pdfdoc.format(content, document) + b"endstream\n")

    class Page(pdfdoc.PDFPage):
        """A page dictionary formatted as PDFCatalog.format and PDFDictionary.format do it,
        with the bytes of its keys and of its plain values (a name, a number) kept from one
        page to the next instead of made again for each of a script's hundreds of pages
        (formatted after the helper's pages arrive, in the parent alone). Under the
        multi-line layout or PDF comments, ReportLab's own format."""
        _bytes: dict = {}       # key or (type, plain value) -> its formatted bytes

        def format(self, document):
            if rl_config.pdfMultiLine or rl_config.pdfComments:
                return super().format(document)
            self.check_format(document)
            entries = {}
            for k, v in self.__Defaults__.items():
                v = getattr(self, k, v)
                if v is not None:
                    entries[k] = v
            for k in self.__NoDefault__:
                v = getattr(self, k, None)
                if v is not None:
                    entries[k] = v
            for k in self.__Refs__:
                if k in entries:
                    entries[k] = document.Reference(entries[k])
            known = self._bytes
            items = []
            for k in sorted(entries):
                v = entries[k]
                name = known.get(k)
                if name is None:
                    name = known[k] = pdfdoc.format(pdfdoc.PDFName(k), document)
                if type(v) in (str, int):
                    value = known.get((type(v), v))
                    if value is None:
                        value = known[type(v), v] = pdfdoc.format(v, document)
                else:
                    value = pdfdoc.format(v, document)
                items.append(name + b" " + value)
            for i in reversed(range(6, len(items), 6)):
                items.insert(i, b"\n ")
            return b"<<\n" + b" ".join(items) + b"\n>>"

    return FormatOnce, PageStream, Page


def _format_once(inner):
    return _reportlab_classes()[0](inner)


def _page_stream_class():
    return _reportlab_classes()[1]
