"""Revised pages read back with pdfplumber: asterisks on exactly the changed lines, the
revision header on exactly the pages that have them, locked scene numbers."""
import io
import json
import re
from collections import defaultdict

import pdfplumber

from adapt.diff import diff_documents
from adapt.readers.fountain import read_fountain
from adapt.revisions import revised_pdf
from adapt.writers.pdf import write_pdf
from conftest import needs_shared, run_adapt
from diff_edits import BIG_FISH
from diff_edits import big_fish_edit, seed_edit, seed_fountain  # noqa: F401 (fixtures)

IN = 72.0
MARGIN_X = 7.95 * IN         # an asterisk sits right of the text and any scene number


def page_rows(page):
    """[(top, text left of the margin, has asterisk in the margin)] per printed row."""
    rows = defaultdict(list)
    for w in page.extract_words(keep_blank_chars=True, use_text_flow=False):
        rows[round(w["top"])].append(w)
    out = []
    for top, ws in sorted(rows.items()):
        ws.sort(key=lambda w: w["x0"])
        body = " ".join(w["text"].strip() for w in ws if w["x0"] < MARGIN_X).strip()
        star = any(w["text"].strip() == "*" and w["x0"] >= MARGIN_X for w in ws)
        out.append((top, body, star))
    return out


def read_pages(data: bytes):
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page_rows(p) for p in pdf.pages]


def read_marked_pages(data: bytes) -> dict[int, list]:
    """Rows of only the pages whose text has an asterisk or a revision header anywhere (pypdf
    finds them quickly; pdfplumber then reads those pages exactly). Every other page has
    neither, so it has no revision mark."""
    import pypdf

    candidates = [n for n, page in enumerate(pypdf.PdfReader(io.BytesIO(data)).pages)
                  if "*" in (t := page.extract_text()) or "REVISIONS" in t]
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return {n: page_rows(pdf.pages[n]) for n in candidates}


def starred(pages):
    return [(n, text) for n, rows in enumerate(pages) for _, text, star in rows if star]


BODY_TOP = 0.95 * IN         # the page number and the revision header sit above this


def body_rows(rows, header=None):
    """Rows under the page number and the revision header."""
    return [(t, s) for top, t, s in rows if top >= BODY_TOP]


def has_header(rows, header) -> bool:
    return any(top < BODY_TOP and t.startswith(header) for top, t, _ in rows)


def test_seed_revised_pages(tmp_path, seed_edit):
    old_text, new_text, (cue, old_word, line), deleted = seed_edit
    old, new = read_fountain(old_text), read_fountain(new_text)
    d = diff_documents(old, new)
    header = "BLUE REVISIONS - 2026-11-25"
    revised = read_pages(revised_pdf(d, "blue", "2026-11-25"))
    plain = read_pages(write_pdf(new))
    # Same text on the same rows: the marks change nothing but the margin and the header.
    assert [[t for t, _ in body_rows(r, header)] for r in revised] == \
           [[t for t, _ in body_rows(r, header)] for r in plain]

    # Expected, from the unmarked pages: the row with the new word, the first row of what
    # follows the deleted paragraph, and every row of the moved scene.
    moved_number = int(next(s for s in d.scenes if s.moved).new.label)
    # rows as (page, row on the page, text): a cue like "JESS" recurs on a page
    rows = [(n, i, t) for n, r in enumerate(plain) for i, (t, _) in enumerate(body_rows(r, header))]
    heading_rows = [k for k, (_, _, t) in enumerate(rows) if re.match(r"(INT|EXT)\. ", t)]
    first = heading_rows[moved_number - 1]
    last = heading_rows[moved_number] if moved_number < len(heading_rows) else len(rows)
    moved_rows = [r for r in rows[first:last] if r[2] != "(MORE)" and "(CONT'D)" not in r[2]]
    truly = [r for r in rows if "truly" in r[2].split()]
    after_words = " ".join(deleted.split())   # the deleted text is gone from NEW...
    assert not any(after_words[:30] in t for _, _, t in rows)
    got = [(n, i, t) for n, page in enumerate(revised)
           for i, (t, star) in enumerate(body_rows(page, header)) if star]
    # a cue inside the moved scene that gained (CONT'D) is starred with the scene
    rest = [r for r in got if r not in moved_rows and r not in truly
            and not (r[2].endswith("(CONT'D)") and r in rows[first:last])]
    assert set(moved_rows) | set(truly) <= set(got)
    assert len(truly) == 1 and len(rest) == 1, rest
    # ...and the one other starred row opens the element that followed it in OLD.
    k = next(i for i, e in enumerate(old.elements) if " ".join(e.text.split()) == after_words)
    follower = " ".join(old.elements[k + 1].text.replace("\u2019", "'").split())
    # (The layout may add (CONT'D) to a cue whose speaker now resumes after only action.)
    assert follower.startswith(rest[0][2].replace("\u2019", "'").removesuffix(" (CONT'D)"))

    # The header is on exactly the pages that carry an asterisk.
    for n, page in enumerate(revised):
        assert has_header(page, header) == any(s for _, _, s in page), n


@needs_shared(BIG_FISH)
def test_big_fish_revised_pages_cli(tmp_path, big_fish_edit):
    old, new, removed = big_fish_edit
    (tmp_path / "old.fountain").write_text(old, encoding="utf-8")
    (tmp_path / "new.fountain").write_text(new, encoding="utf-8")
    args = ["diff", str(tmp_path / "old.fountain"), str(tmp_path / "new.fountain"),
            "--format", "json", "--date", "2026-11-25", "--revision", "pink"]
    r = run_adapt(*args, "--pdf", str(tmp_path / "rev.pdf"))
    assert r.returncode == 1, r.stderr
    report = json.loads(r.stdout)
    pages = read_marked_pages((tmp_path / "rev.pdf").read_bytes())
    got = [(n, t) for n, rows in pages.items() for _, t, star in rows if star]
    # The cue renamed, and the heading of the scene after the removed one.
    assert [t for _, t in got][0].split() == _heading_after(new, removed)
    assert [t for _, t in got][1] == "OLD EDWARD"
    assert len(got) == 2
    header = "PINK REVISIONS - 2026-11-25"
    for page in pages.values():
        assert has_header(page, header) == any(s for _, _, s in page)
    assert report["summary"]["omitted"] == 1

    # Locked scene numbers: nothing renumbered, the removed scene stays as 12 OMITTED 12.
    r = run_adapt(*args, "--pdf", str(tmp_path / "locked.pdf"), "--lock-scenes")
    assert r.returncode == 1, r.stderr
    data = (tmp_path / "locked.pdf").read_bytes()
    pages = read_marked_pages(data)
    got = [(n, t) for n, rows in pages.items() for _, t, star in rows if star]
    assert [t for _, t in got] == ["12 OMITTED 12", "OLD EDWARD"]
    # Every heading keeps OLD's number, left and right (pypdf: the whole file, quickly).
    import pypdf

    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    # pypdf gives a heading row in drawing order: the heading, its left and right numbers.
    numbered = re.findall(r"(?m)^(?:(?:INT|EXT)[^\n]*?|OMITTED)\s*(\d+) (\d+)(?: \*)?$", text)
    assert [int(a) for a, _ in numbered] == list(range(1, len(numbered) + 1))
    assert all(a == b for a, b in numbered) and len(numbered) > 100


def _heading_after(fountain: str, removed: str) -> list[str]:
    """The words of the heading that now follows where the removed twelfth scene was."""
    doc = read_fountain(fountain)
    headings = [e.text.upper().split() for e in doc.elements if e.type == "scene_heading"]
    assert headings[11] != removed.upper().split()
    return headings[11]


def test_identical_sides_write_unmarked_pages(tmp_path, seed_doc):
    from adapt.writers.fountain import write_fountain

    (tmp_path / "a.fountain").write_text(write_fountain(seed_doc), encoding="utf-8")
    r = run_adapt("diff", str(tmp_path / "a.fountain"), str(tmp_path / "a.fountain"),
                  "--pdf", str(tmp_path / "same.pdf"), "--date", "2026-11-25")
    assert (r.returncode, r.stdout) == (0, "")
    pages = read_pages((tmp_path / "same.pdf").read_bytes())
    assert starred(pages) == []
    assert not any("REVISIONS" in t for rows in pages for _, t, _ in rows)


def test_revised_pdf_is_deterministic(seed_edit):
    old_text, new_text, *_ = seed_edit
    d = diff_documents(read_fountain(old_text), read_fountain(new_text))
    first = revised_pdf(d, "pink", "2026-11-25", lock=True)
    again = revised_pdf(diff_documents(read_fountain(old_text), read_fountain(new_text)),
                        "pink", "2026-11-25", lock=True)
    assert first == again
