"""Broken Fountain title pages are refused (one line, exit 2, nothing written); valid ones and
scripts that merely open with `Word: text` action still read.

A block opening with a title key (Title:, Credit:, Author:, Draft date:, ...) is a title page
its writer meant (fountain.io/syntax: `Key: value` lines, values on the key's line or on
indented lines below it, ended by a blank line). It is broken when a line in it is neither
`Key: value` nor indented, when its keys have no values at all, or when a blank line splits it
(the entries after the blank line would silently become action).
"""
import io

import pytest
from screenplain.parsers.fountain import parse as screenplain_parse

from adapt.readers.fountain import FountainError, read_fountain
from tests.conftest import run_adapt

BODY = "\n\nINT. KITCHEN - NIGHT\n\nAnn waits by the door.\n"

# name -> (file text, the line number and words the message must hold)
BROKEN = {
    "unindented.fountain": ("Title: The Long Night\nWritten by Ann Lee\nDraft date: 1 May 2020"
                            + BODY, ["line 2", "'Written by Ann Lee'", "indented"]),
    "no_blank_line.fountain": ("Title: The Long Night\nAuthor: Ann Lee\nINT. KITCHEN - NIGHT\n\n"
                               "Ann waits.\n", ["line 3", "'INT. KITCHEN - NIGHT'", "blank line"]),
    "fade_in.fountain": ("Title: The Long Night\nFADE IN:" + BODY, ["line 2", "'FADE IN:'"]),
    "no_values.fountain": ("Title:\nAuthor:" + BODY, ["line 1", "no values"]),
    "split.fountain": ("Title: The Long Night\n\nAuthor: Ann Lee\nDraft date: 1 May 2020" + BODY,
                       ["line 3", "'Author: Ann Lee'", "after a blank line"]),
    "after_note.fountain": ("[[first draft]]\n\ncredit: written by\nAnn Lee" + BODY,
                            ["line 4", "'Ann Lee'"]),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_title_page_is_one_line_exit_2_nothing_written(tmp_path, name):
    text, words = BROKEN[name]
    (tmp_path / name).write_text(text)
    run = run_adapt("convert", name, cwd=tmp_path)
    assert run.returncode == 2, run.stderr
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in run.stderr, run.stderr
    assert lines[0].startswith(f"adapt: {name}: broken title page: "), lines[0]
    for word in words:
        assert word in lines[0], lines[0]
    assert run.stdout == "" and not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", [["diff", "old.fountain", "new.fountain"],
                                     ["characters", "old.fountain"]])
def test_broken_title_page_in_diff_and_characters_is_one_line(tmp_path, command):
    text, _ = BROKEN["unindented.fountain"]
    (tmp_path / "old.fountain").write_text(text)
    (tmp_path / "new.fountain").write_text("Title: The Long Night" + BODY)
    run = run_adapt(*command, cwd=tmp_path)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert run.stderr.startswith("adapt: old.fountain: broken title page: line 2: ")
    assert run.stderr.count("\n") == 1 and run.stdout == ""


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_reader_raises_for_the_same_files(name):
    with pytest.raises(FountainError, match=r"^broken title page: line \d+: "):
        read_fountain(BROKEN[name][0])


def _read(text):
    doc = read_fountain(text)
    return doc.title_page, [(e.type, e.text) for e in doc.elements]


# Scripts that open with "Word: text" action (not a title key, not a well-formed title page)
# or with a transition in capitals: read as action, as screenplain reads them.
@pytest.mark.parametrize("text,action", [
    ("Later: they eat.\nThen they leave." + BODY, "Later: they eat.\nThen they leave."),
    ("FADE IN:" + BODY, "FADE IN:"),
    ("Summer:" + BODY, "Summer:"),
])
def test_action_that_opens_a_script_is_still_action(text, action):
    title_page, elements = _read(text)
    assert title_page == {} and elements[0] == ("action", action)
    assert screenplain_parse(io.StringIO(text)).title_page == {}


@pytest.mark.parametrize("text,page", [
    # the spec's example shape: values inline or on lines indented by a tab or 3+ spaces
    ("Title:\n\t_**BRICK & STEEL**_\nCredit: Written by\nAuthor: Stu Maschwitz\nContact:\n"
     "    Next Level Productions\n    Solvang, CA 93463" + BODY,
     {"Title": "_**BRICK & STEEL**_", "Credit": "Written by", "Author": "Stu Maschwitz",
      "Contact": "Next Level Productions\nSolvang, CA 93463"}),
    # any key; a key in capitals with a value; an empty key beside others
    ("title: Night\nWGA: 12345\nRevision: Blue\nNotes:" + BODY,
     {"Title": "Night", "WGA": "12345", "Revision": "Blue", "Notes": ""}),
    # a key given twice keeps both values (it used to keep only the last)
    ("Title: Night\nAuthor: Ann Lee\nAuthor: Bo Chen" + BODY,
     {"Title": "Night", "Author": "Ann Lee\nBo Chen"}),
    # a whole-line note inside the title page stays with the value above it
    ("Title: Night\n[[working title]]" + BODY, {"Title": "Night\n[[working title]]"}),
    # a title page alone (no script yet)
    ("Title: Night\nAuthor: Ann Lee\n", {"Title": "Night", "Author": "Ann Lee"}),
])
def test_valid_title_pages_read(text, page):
    assert _read(text)[0] == page


@pytest.mark.parametrize("action", ["Later: they eat.\nThen they leave.", "Date: 1945"])
def test_action_after_a_title_page_may_hold_a_colon(action):
    title_page, elements = _read(f"Title: Night\n\n{action}\n")
    assert title_page == {"Title": "Night"}
    assert elements == [("action", action)]


def test_writer_keeps_title_key_action_and_empty_keys_readable():
    from adapt.model import Document, Element
    from adapt.writers.fountain import write_fountain

    doc = Document({"Title": "Night", "Author": ""}, [Element("action", "Author: Ann Lee")])
    written = write_fountain(doc)
    assert written == "Title: Night\n\n!Author: Ann Lee\n"
    assert _read(written) == ({"Title": "Night"}, [("action", "Author: Ann Lee")])
    assert _read(write_fountain(Document({"Title": ""}, [Element("action", "Hi.")]))) == (
        {}, [("action", "Hi.")])
