"""Paint laid-out pages on the ReportLab canvas (Courier 12 pt, one line per 12 pt)."""
from __future__ import annotations

import io

from ..layout import PAGE_SIZE_IN, RIGHT_EDGE_IN, Page, paginate
from ..model import Document

PT = 72.0
LINE_PT = 12.0
FONT = "Courier"
FONT_SIZE = 12
CHAR_IN = 0.1
TOP_IN = 1.0
# Courier's ascent: the baseline sits this far below the top of its 12 pt line.
BASELINE_DROP_PT = 9.0


def _title_page(c, doc: Document, width_pt: float, height_pt: float):
    tp = doc.title_page
    y = height_pt * 2 / 3
    for text in [tp.get("Title", "").upper(), "", tp.get("Credit", ""), "",
                 *tp.get("Author", "").split("\n"), "", *tp.get("Source", "").split("\n")]:
        if text:
            c.drawCentredString(width_pt / 2, y, text)
        y -= LINE_PT
    lower = [*tp.get("Draft date", "").split("\n"), *tp.get("Contact", "").split("\n")]
    lower = [t for t in lower if t]
    y = 1.0 * PT + LINE_PT * len(lower)
    for text in lower:
        c.drawString(1.5 * PT, y, text)
        y -= LINE_PT


def _page(c, page: Page, width_pt: float, height_pt: float):
    if page.number > 1:
        c.drawRightString(RIGHT_EDGE_IN * PT, height_pt - 0.5 * PT - BASELINE_DROP_PT, f"{page.number}.")
    for i, line in enumerate(page.lines):
        if line is None or not line.text:
            continue
        y = height_pt - TOP_IN * PT - i * LINE_PT - BASELINE_DROP_PT
        if line.align == "right":
            c.drawRightString(RIGHT_EDGE_IN * PT, y, line.text)
        elif line.align == "center":
            c.drawCentredString((1.5 + RIGHT_EDGE_IN) / 2 * PT, y, line.text)
        else:
            c.drawString(line.left * PT, y, line.text)


def write_pdf(doc: Document, paper: str = "letter", show_notes: bool = False) -> bytes:
    from reportlab.pdfgen import canvas

    width_in, height_in = PAGE_SIZE_IN[paper]
    size = (width_in * PT, height_in * PT)
    buf = io.BytesIO()
    # invariant=1: no creation date or random document ID, so output is byte-identical.
    c = canvas.Canvas(buf, pagesize=size, invariant=1, pageCompression=1)
    c.setTitle(doc.title)
    c.setAuthor(doc.title_page.get("Author", ""))
    c.setCreator("adapt")
    if doc.title_page:
        c.setFont(FONT, FONT_SIZE)
        _title_page(c, doc, *size)
        c.showPage()
    for page in paginate(doc, paper, show_notes):
        c.setFont(FONT, FONT_SIZE)
        _page(c, page, *size)
        c.showPage()
    c.save()
    return buf.getvalue()
