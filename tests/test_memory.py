"""What keeps a long novel's conversion small: the story is dropped as the elements are built,
per-document caches are emptied, outputs are written as they are made. (The figures are in
benchmarks/performance.py; these tests check the mechanisms and that output is unchanged.)"""
import gc
import weakref

import pytest

import adapt.pipeline as pipeline
from adapt import attribution, scenes, verbs
from adapt.build import build_document
from adapt.model import Document, Element
from adapt.readers.fountain import read_fountain
from adapt.readers.prose import read_prose
from adapt.writers.fountain import fountain_chunks, write_fountain


def test_pipeline_drops_the_story_and_the_scene_caches(monkeypatch, seed_text):
    stories = []

    def reading(text):
        story = read_prose(text)
        stories.append(weakref.ref(story))
        return story

    monkeypatch.setattr(pipeline, "read_prose", reading)
    doc = pipeline.adapt_prose(seed_text)
    gc.collect()
    assert stories and stories[0]() is None     # nothing the document holds keeps the story
    assert len(doc.elements) > 300
    assert scenes._piece_cues.cache_info().currsize == 0
    assert verbs._lemma_rows.cache_info().currsize == 0   # read back when next needed


def test_consuming_build_frees_every_block_and_builds_the_same_elements(seed_text):
    built = []
    for consume in (False, True):
        story = read_prose(seed_text)
        who = attribution.attribute(story)
        plan = scenes.plan(story, who)
        doc = build_document(story, who, plan, "seed", None, consume=consume)
        built.append([e.to_json() for e in doc.elements])
        assert all(b is None for b in story.blocks) == consume
    assert built[0] == built[1] and len(built[0]) > 300


@pytest.mark.parametrize("size", [1, 7, 1 << 16])
def test_fountain_in_pieces_is_the_same_text_at_any_piece_size(seed_doc, size):
    pieces = list(fountain_chunks(seed_doc, size))
    assert "".join(pieces) == write_fountain(seed_doc)
    assert len(pieces) > (1 if size < 100 else 0)
    assert read_fountain("".join(pieces)).elements == read_fountain(write_fountain(seed_doc)).elements


def test_fountain_pieces_end_with_one_newline():
    doc = Document(elements=[Element("action", "A door opens."), Element("note", "seen\n\n")])
    text = "".join(fountain_chunks(doc, 1))
    assert text == "A door opens.\n\n[[seen\n\n]]\n"
    assert "".join(fountain_chunks(Document(), 1)) == "\n"


def test_staged_output_replaces_the_file_only_on_commit(tmp_path):
    from adapt.outputs import commit, stage
    target = tmp_path / "s.pdf"
    target.write_bytes(b"old")
    staged = stage(target, iter([b"new ", b"output"]))
    assert target.read_bytes() == b"old" and len(list(tmp_path.iterdir())) == 2
    commit(staged)
    assert target.read_bytes() == b"new output" and list(tmp_path.iterdir()) == [target]


def test_output_that_fails_to_render_leaves_no_trace(tmp_path):
    from adapt.outputs import stage

    def failing():
        raise RuntimeError("render failed")
        yield b""

    with pytest.raises(RuntimeError):
        stage(tmp_path / "out" / "s.pdf", failing())
    assert list(tmp_path.iterdir()) == []


def test_staged_screenplay_edited_by_hand_is_refused(tmp_path):
    from adapt.errors import AdaptError
    from adapt.outputs import check_staged, stage
    target = tmp_path / "s.fountain"
    target.write_text("my edits\n")
    staged = stage(target, [b"adapt\n"])
    with pytest.raises(AdaptError, match="edited since adapt wrote it"):
        check_staged(staged)
    staged.discard()
    assert target.read_text() == "my edits\n" and list(tmp_path.iterdir()) == [target]
