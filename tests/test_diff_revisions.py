"""Revision marks and locked scene numbers as data (which NEW elements and words are marked)."""
from adapt.diff import diff_documents, split_scenes, words
from adapt.readers.fountain import read_fountain
from adapt.revisions import ROUNDS, header, lock_scenes, marks_for
from conftest import needs_shared
from diff_edits import BIG_FISH, big_fish_edit, seed_edit, seed_fountain  # noqa: F401


def test_seed_marks_cover_exactly_the_edits(seed_edit):
    old_text, new_text, (cue, old_word, line), deleted = seed_edit
    old, new = read_fountain(old_text), read_fountain(new_text)
    d = diff_documents(old, new)
    marks = marks_for(d)
    moved = next(s for s in d.scenes if s.moved).new
    moved_indices = {moved.heading_index} | {i for i, _ in moved.items}
    reworded = next(i for i, e in enumerate(new.elements) if "truly" in words(e))
    deleted_at = next(i for i, e in enumerate(old.elements) if " ".join(e.text.split()) == deleted)
    # The element after the deleted paragraph: in NEW it follows the one that preceded it.
    before, after = old.elements[deleted_at - 1], old.elements[deleted_at + 1]
    after_new = next(i for i in range(1, len(new.elements))
                     if words(new.elements[i - 1]) == words(before)
                     and words(new.elements[i]) == words(after))
    assert marks == {**{i: None for i in moved_indices}, reworded: {1}, after_new: {0}}


@needs_shared(BIG_FISH)
def test_big_fish_marks_and_locked_numbers(big_fish_edit):
    old_text, new_text, removed = big_fish_edit
    old, new = read_fountain(old_text), read_fountain(new_text)
    d = diff_documents(old, new)
    cue = next(i for i, e in enumerate(new.elements) if e.type == "character" and e.text == "OLD EDWARD")
    scenes = split_scenes(new)
    twelfth = scenes[12] if scenes[0].heading is None else scenes[11]   # the scene now 12th
    assert marks_for(d) == {twelfth.heading_index: {0}, cue: {0}}

    locked, marks = lock_scenes(d, marks_for(d, omitted_gaps=False))
    headings = [e for e in locked.elements if e.type == "scene_heading"]
    numbers = [e.scene_number for e in headings]
    assert numbers == [str(n) for n in range(1, len(headings) + 1)]      # nothing renumbered
    omitted = next(i for i, e in enumerate(locked.elements) if e.text == "OMITTED")
    assert locked.elements[omitted].scene_number == "12"
    assert len(locked.elements) == len(new.elements) + 1
    assert marks == {omitted: None, cue + 1: {0}}


@needs_shared(BIG_FISH)
def test_locked_numbers_for_added_scenes():
    """Two scenes added after scene 3 and one before scene 1 get 3A, 3B and A1."""
    lines = BIG_FISH.read_text(encoding="utf-8").split("\n")
    heads = [i for i, ln in enumerate(lines) if ln.startswith(("INT", "EXT"))]
    extra = ["", "INT. NEW ROOM - DAY", "", "Somebody waits here.", "",
             "EXT. NEW YARD - NIGHT", "", "Rain falls on the yard.", ""]
    first = ["INT. OPENING - DAY", "", "A new opening.", ""]
    new = lines[:heads[0]] + first + lines[heads[0]:heads[3]] + extra + lines[heads[3]:]
    d = diff_documents(read_fountain("\n".join(lines)), read_fountain("\n".join(new)))
    locked, marks = lock_scenes(d, marks_for(d, omitted_gaps=False))
    numbers = [(e.text, e.scene_number) for e in locked.elements if e.type == "scene_heading"][:7]
    assert [n for _, n in numbers] == ["A1", "1", "2", "3", "3A", "3B", "4"]
    assert numbers[4][0] == "INT. NEW ROOM - DAY"
    added = [i for i, e in enumerate(locked.elements) if e.scene_number in ("A1", "3A", "3B")]
    assert all(marks[i] is None for i in added)


def test_revision_rounds_in_wga_order():
    assert ROUNDS[:9] == ("blue", "pink", "yellow", "green", "goldenrod", "buff", "salmon",
                          "cherry", "second-blue")
    assert header("second-blue", "2026-11-25") == "SECOND BLUE REVISIONS - 2026-11-25"
