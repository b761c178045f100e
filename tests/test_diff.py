"""`adapt diff` on real edits: the seed's Fountain, a corpus chapter, Big Fish.

Every edit is made by the test on real input; each diff must report exactly the edits made
(counted by an independent comparison where the pipeline decides what changed) and nothing
from re-wrapping, curly quotes or re-ordering.
"""
import json
import re

from adapt.diff import diff_documents
from adapt.diff_report import json_report, stat_report, text_report
from adapt.pipeline import adapt_prose
from adapt.readers.fountain import read_fountain
from adapt.writers.fountain import write_fountain
from benchmarks.corpus import load_novel
from conftest import PDNC_DIR, needs_shared, run_adapt
from diff_edits import BIG_FISH, rewrap
from diff_edits import big_fish_edit, seed_edit, seed_fountain  # noqa: F401 (fixtures)
def changes_of(report: dict) -> list[tuple]:
    """(scene status, op, old text, new text) of every element change in a JSON report."""
    out = []
    for scene in report["scenes"]:
        for ch in scene["changes"]:
            out.append((scene["status"], ch["op"], ch["old"] and ch["old"]["text"],
                        ch["new"] and ch["new"]["text"]))
    return out


def test_seed_fountain_edit_reports_exactly_the_edits(seed_edit):
    old, new, (cue, old_word, line), deleted = seed_edit
    d = diff_documents(read_fountain(old), read_fountain(new))
    report = json.loads(json_report(d))
    changes = changes_of(report)
    assert len(changes) == 2, text_report(d)
    (status1, op1, old1, new1), (status2, op2, old2, new2) = changes
    assert (status1, op1, old1) == ("changed", "change", line)
    assert new1.replace("\u2019", "'").split()[1] == "truly"
    assert (status2, op2, old2, new2) == ("changed", "delete", deleted, None)
    words = [w for w in report["scenes"][0]["changes"][0]["words"] if w[0] != "="]
    assert words == [["-", old_word], ["+", "truly"]]
    assert report["summary"] == {"changed": 2, "added": 0, "omitted": 0, "moved": 1,
                                 "lines_changed": {cue.split(" (")[0]: 1}}
    moved = [s for s in report["scenes"] if s["moved"]]
    assert len(moved) == 1 and moved[0]["changes"] == []
    assert moved[0]["old"]["number"] in ("2", "3") and moved[0]["new"]["number"] != moved[0]["old"]["number"]
    assert report["characters"] == [] and report["title_page"] == []


def test_seed_text_report_marks_words(seed_edit):
    old, new, (cue, old_word, line), deleted = seed_edit
    text = text_report(diff_documents(read_fountain(old), read_fountain(new)))
    assert f"[-{old_word}-]{{+truly+}}" in text
    assert re.search(r"^> \d+\. .* \(moved, was scene [23]\)$", text, re.M)
    assert "- action: " + " ".join(deleted.split()) in text.replace("\u2019", "'")
    assert text.rstrip().endswith("2 scenes changed, 0 added, 0 omitted, 1 moved; "
                                  f"lines changed: {cue.split(' (')[0]} 1")
    stat = stat_report(diff_documents(read_fountain(old), read_fountain(new)))
    assert len(stat.splitlines()) == 4      # three scenes and the summary


def test_prose_rewrapped_with_one_quote_reworded(seed_text):
    """Prose against the same prose re-wrapped at 60 columns with one quotation reworded."""
    m = re.search(r'"([A-Z][a-z]+) ([a-z]+) ([a-z]+)', seed_text)
    edited = seed_text[:m.start(3)] + "really " + seed_text[m.start(3):]
    old, new = adapt_prose(seed_text, default_title="s"), adapt_prose(rewrap(edited, 60), default_title="s")
    report = json.loads(json_report(diff_documents(old, new)))
    assert [op for _, op, *_ in changes_of(report)] == ["change"]
    ch = report["scenes"][0]["changes"][0]
    assert ch["old"]["type"] == ch["new"]["type"] == "dialogue"
    assert [w for w in ch["words"] if w[0] != "="] == [["+", "really"]]


# ------------------------------------------------------------------ a corpus chapter

@needs_shared(PDNC_DIR)
def test_novel_chapter_speech_tag_moves_a_line():
    """Pride and Prejudice, chapter 7: one explicit tag "<verb> <speaker>" names another
    speaker of the chapter; the new text is also re-wrapped. The diff must report exactly the
    elements that differ position by position (the edit changes no element count)."""
    text, quotes, _ = load_novel("PrideAndPrejudice")
    heads = [m.start() for m in re.finditer(r"(?m)^CHAPTER [IVXLC]+", text)] + [len(text)]
    a, b = heads[6], heads[7]
    chapter = text[a:b]
    inside = [q for q in quotes if a <= q["start"] < b]
    tag = next(q for q in inside if q["type"] == "explicit" and q["mention_start"]
               and re.fullmatch(r"(said|replied|cried) \S.*", q["mention"] or ""))
    other = next(q["speaker"] for q in inside if q["speaker"] != tag["speaker"])
    verb = tag["mention"].split()[0]
    s, e = tag["mention_start"] - a, tag["mention_end"] - a
    edited = rewrap(chapter[:s] + f"{verb} {other}" + chapter[e:], 60)

    old, new = adapt_prose(chapter, default_title="c"), adapt_prose(edited, default_title="c")
    assert len(old.elements) == len(new.elements)
    differ = [i for i, (x, y) in enumerate(zip(old.elements, new.elements))
              if (x.type, " ".join(x.text.split()), x.extension) != (y.type, " ".join(y.text.split()), y.extension)]
    assert differ, "the edit changed nothing in the adaptation"
    report = json.loads(json_report(diff_documents(old, new)))
    reported = [(ch["op"], ch["old"]["index"], ch["new"]["index"])
                for sc in report["scenes"] for ch in sc["changes"]]
    assert reported == [("change", i, i) for i in differ]
    # The tagged quotation's cue now names the other speaker.
    cues = [(old.elements[i].text, new.elements[i].text) for i in differ]
    assert all(x != y for x, y in cues)
    assert any(other.upper().endswith(y) or y in other.upper() for _, y in cues)
    counts = {c["name"]: (c["before"], c["after"]) for c in report["characters"]}
    assert sum(after - before for before, after in counts.values()) == 0
    assert sum(report["summary"]["lines_changed"].values()) == 2 * len(differ)


# ------------------------------------------------------------------ Big Fish

@needs_shared(BIG_FISH)
def test_big_fish_scene_removed_and_cue_renamed(big_fish_edit):
    old, new, removed = big_fish_edit
    d = diff_documents(read_fountain(old), read_fountain(new))
    report = json.loads(json_report(d))
    assert [s["status"] for s in report["scenes"]] == ["omitted", "changed"]
    omitted, changed = report["scenes"]
    assert omitted["old"]["number"] == "12" and omitted["old"]["heading"] == removed
    assert [(c["op"], c["old"]["type"], c["old"]["text"], c["new"]["text"])
            for c in changed["changes"]] == [("change", "character", "EDWARD", "OLD EDWARD")]
    assert report["summary"]["omitted"] == 1 and report["summary"]["changed"] == 1
    assert report["summary"]["moved"] == report["summary"]["added"] == 0
    names = {c["name"]: (c["before"], c["after"]) for c in report["characters"]}
    assert names["OLD EDWARD"] == (0, 1)
    assert names["EDWARD"][0] - names["EDWARD"][1] == 1


# ------------------------------------------------------------------ the command

@needs_shared(BIG_FISH)
def test_cli_identical_prints_nothing_and_exits_0(tmp_path):
    r = run_adapt("diff", str(BIG_FISH), str(BIG_FISH))
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")


def test_cli_same_prose_twice(tmp_path, seed_text):
    """The seed against a copy re-wrapped at 50 columns: nothing to report."""
    (tmp_path / "a.txt").write_text(seed_text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(rewrap(seed_text, 50), encoding="utf-8")
    r = run_adapt("diff", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")
    # The story against its own adaptation as Fountain (titled after the story's file name).
    r = run_adapt("convert", str(tmp_path / "a.txt"), "-o", str(tmp_path / "other.fountain"))
    assert r.returncode == 0, r.stderr
    r = run_adapt("diff", str(tmp_path / "a.txt"), str(tmp_path / "other.fountain"))
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")


def test_cli_exit_status_and_formats(tmp_path, seed_edit):
    old, new, *_ = seed_edit
    (tmp_path / "a.fountain").write_text(old, encoding="utf-8")
    (tmp_path / "b.fountain").write_text(new, encoding="utf-8")
    r = run_adapt("diff", str(tmp_path / "a.fountain"), str(tmp_path / "b.fountain"))
    assert r.returncode == 1 and "{+truly+}" in r.stdout and "\x1b[" not in r.stdout
    r = run_adapt("diff", "--color", "always", str(tmp_path / "a.fountain"), str(tmp_path / "b.fountain"))
    assert r.returncode == 1 and "\x1b[" in r.stdout and "{+truly+}" not in r.stdout
    r = run_adapt("diff", "--format", "json", str(tmp_path / "a.fountain"), str(tmp_path / "b.fountain"))
    assert r.returncode == 1 and json.loads(r.stdout)["summary"]["moved"] == 1
    r = run_adapt("diff", str(tmp_path / "a.fountain"), str(tmp_path / "missing.fountain"))
    assert r.returncode == 2 and r.stdout == "" and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    (tmp_path / "bad.json").write_text("{\"elements\": 3}", encoding="utf-8")
    r = run_adapt("diff", str(tmp_path / "a.fountain"), str(tmp_path / "bad.json"))
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_cli_json_against_fountain_of_the_same_document(tmp_path, seed_doc):
    """One document written as JSON and as Fountain is the same screenplay."""
    from adapt.writers.json_writer import write_json

    (tmp_path / "s.json").write_text(write_json(seed_doc), encoding="utf-8")
    (tmp_path / "s.fountain").write_text(write_fountain(seed_doc), encoding="utf-8")
    r = run_adapt("diff", str(tmp_path / "s.json"), str(tmp_path / "s.fountain"))
    assert (r.returncode, r.stdout) == (0, ""), r.stdout


@needs_shared(BIG_FISH)
def test_big_fish_moved_and_renamed_scenes_are_recognised():
    """Scene 5 moved after scene 30 with one word changed; scene 40's heading renamed."""
    lines = BIG_FISH.read_text(encoding="utf-8").split("\n")
    heads = [i for i, ln in enumerate(lines) if re.match(r"^(?:INT|EXT)[. ]", ln)]
    scenes = [lines[a:b] for a, b in zip(heads, heads[1:] + [len(lines)])]
    moved = list(scenes[4])
    k = next(i for i, ln in enumerate(moved) if i > 0 and len(ln.split()) > 6 and not ln.isupper())
    old_line = moved[k]
    moved[k] = old_line.replace(" ", " suddenly ", 1)
    renamed = list(scenes[39])
    old_heading = renamed[0]
    renamed[0] = old_heading.rstrip() + " - LATER"
    body = scenes[:4] + scenes[5:30] + [moved] + scenes[30:39] + [renamed] + scenes[40:]
    new = "\n".join(lines[:heads[0]] + [ln for s in body for ln in s])

    report = json.loads(json_report(diff_documents(read_fountain("\n".join(lines)),
                                                   read_fountain(new))))
    reported = [(s["status"], s["moved"], s["old"]["number"], s["new"]["number"])
                for s in report["scenes"]]
    assert reported == [("changed", True, "5", "30"), ("changed", False, "40", "40")]
    first, second = report["scenes"]
    assert [[w for w in c["words"] if w[0] != "="] for c in first["changes"]] == \
           [[["+", "suddenly"]]]
    assert second["changes"] == [] and second["heading_words"][-1] == ["+", "- LATER"]
    assert report["summary"] == {"changed": 2, "added": 0, "omitted": 0, "moved": 1,
                                 "lines_changed": {}}
    text = text_report(diff_documents(read_fountain("\n".join(lines)), read_fountain(new)))
    assert "(moved, was scene 5)" in text and "{+- LATER+}" in text


def test_title_page_change_is_reported(seed_doc, tmp_path):
    from adapt.model import Document

    changed = Document({**seed_doc.title_page, "Title": "Another Title"}, seed_doc.elements,
                       seed_doc.characters)
    d = diff_documents(seed_doc, changed)
    assert not d.identical and d.title_page == [("Title", seed_doc.title_page["Title"], "Another Title")]
    assert "~ Title: [-" in text_report(d) and text_report(diff_documents(seed_doc, seed_doc)) == ""
