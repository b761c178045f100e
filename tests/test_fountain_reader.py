"""The Fountain reader on spec examples (fountain.io/syntax) and on the corpus syntax test."""
import json

import pytest

from adapt.emphasis import BOLD, ITALIC, UNDERLINE, escape, plain, runs
from adapt.formats import input_kind, load
from adapt.readers.fountain import looks_like_fountain, read_fountain
from conftest import FOUNTAIN_DIR, PDNC_DIR, needs_shared, run_adapt


def kinds(text):
    return [(e.type, e.text) for e in read_fountain(text).elements]


def test_title_page_with_multiline_values_then_body():
    doc = read_fountain("Title:\n    _BRICK & STEEL_\n    FULL RETIRED\nCredit: Written by\n"
                        "author: Stu Maschwitz\nDraft date: 1/27/2012\n\nINT. HOUSE - DAY\n\nHi.\n")
    assert doc.title_page == {"Title": "_BRICK & STEEL_\nFULL RETIRED", "Credit": "Written by",
                              "Author": "Stu Maschwitz", "Draft date": "1/27/2012"}
    assert doc.title == "BRICK & STEEL\nFULL RETIRED"
    assert kinds_of(doc) == [("scene_heading", "INT. HOUSE - DAY"), ("action", "Hi.")]


def kinds_of(doc):
    return [(e.type, e.text) for e in doc.elements]


def test_headings_forced_and_numbered():
    doc = read_fountain("EXT. BRICK'S PATIO - DAY #1A#\n\n.SNIPER SCOPE POV\n\n"
                        "int/ext car - night\n\n...and then.\n\nI/E. VAN #12-A.1#\n")
    assert [(e.type, e.text, e.scene_number) for e in doc.elements] == [
        ("scene_heading", "EXT. BRICK'S PATIO - DAY", "1A"),
        ("scene_heading", "SNIPER SCOPE POV", None),
        ("scene_heading", "int/ext car - night", None),
        ("action", "...and then.", None),
        ("scene_heading", "I/E. VAN", "12-A.1"),
    ]


def test_heading_needs_blank_lines_around_it():
    # "INT." inside an action paragraph stays action.
    assert kinds("He walks in.\nINT. HOUSE - DAY\n") == [("action", "He walks in.\nINT. HOUSE - DAY")]


def test_action_forced_and_whitespace_kept():
    assert kinds("!SCANNING THE AISLES...\nWhere is that pit boss?\n") == [
        ("action", "SCANNING THE AISLES...\nWhere is that pit boss?")]
    assert kinds("\tIndented with a tab\n    and spaces\n") == [
        ("action", "\tIndented with a tab\n    and spaces")]


def test_cues_extensions_forced_and_dual():
    doc = read_fountain("STEEL\nBeer's ready!\n\nBRICK ^\nAre they cold?\n\n@McCLANE (V.O.)\n"
                        "Yippie ki-yay!\n\nHANS (on the radio)\n(calmly)\nHello.\n  \nStill me.\n")
    got = [(e.type, e.text, e.character, e.extension, e.dual) for e in doc.elements]
    assert got == [
        ("character", "STEEL", "STEEL", None, False),
        ("dialogue", "Beer's ready!", "STEEL", None, False),
        ("character", "BRICK", "BRICK", None, True),
        ("dialogue", "Are they cold?", "BRICK", None, False),
        ("character", "McCLANE", "McCLANE", "V.O.", False),
        ("dialogue", "Yippie ki-yay!", "McCLANE", None, False),
        ("character", "HANS", "HANS", "on the radio", False),
        ("parenthetical", "(calmly)", "HANS", None, False),
        ("dialogue", "Hello.\n\nStill me.", "HANS", None, False),
    ]
    assert [c.name for c in doc.characters] == ["STEEL", "BRICK", "McCLANE", "HANS"]


def test_capitals_line_without_text_after_is_action():
    assert kinds("BOOM!\n\nThe door falls.\n") == [("action", "BOOM!"), ("action", "The door falls.")]


def test_transitions_centered_lyrics_breaks_sections_synopses_notes():
    text = ("CUT TO:\n\n> Burn to white.\n\n> THE END <\n\n~Willy Wonka! Willy Wonka!\n"
            "~The amazing chocolatier!\n\n===\n\n## Act two\n\n= Brick gets the beer.\n\n"
            "[[A note\n\nover a blank line]]\n")
    doc = read_fountain(text)
    assert [(e.type, e.text, e.level) for e in doc.elements] == [
        ("transition", "CUT TO:", None),
        ("transition", "Burn to white.", None),
        ("centered", "THE END", None),
        ("lyrics", "Willy Wonka! Willy Wonka!\nThe amazing chocolatier!", None),
        ("page_break", "", None),
        ("section", "Act two", 2),
        ("synopsis", "Brick gets the beer.", None),
        ("note", "A note\n\nover a blank line", None),
    ]


def test_boneyard_removed_and_line_numbers_kept_crlf():
    text = "INT. A - DAY\r\n\r\n/* gone\r\n\r\nstill gone /* nested */ */\r\nKept /*x*/action.\r\n"
    doc = read_fountain(text)
    assert [(e.type, e.text, e.line) for e in doc.elements] == [
        ("scene_heading", "INT. A - DAY", 1), ("action", "Kept action.", 6)]


def test_emphasis_runs_and_escapes():
    text = "Normal, _under_, *it*, **bold**, ***both***, _**crossed_**, f\\*ck [[note]]."
    assert runs(text) == [
        ("Normal, ", frozenset()), ("under", {UNDERLINE}), (", ", frozenset()), ("it", {ITALIC}),
        (", ", frozenset()), ("bold", {BOLD}), (", ", frozenset()), ("both", {BOLD, ITALIC}),
        (", ", frozenset()), ("crossed", {BOLD, UNDERLINE}), (", f*ck .", frozenset())]
    assert plain("5 * 3 * 2 and snake_case") == "5 * 3 * 2 and snake_case"
    for literal in ("a *b* c", "x_y_z", "5 * 3", "\\*", "**"):
        assert plain(escape(literal)) == literal
    assert escape("5 * 3") == "5 * 3"          # nothing that reads as markup: left readable


@needs_shared(FOUNTAIN_DIR)
def test_corpus_syntax_test_file():
    doc = read_fountain((FOUNTAIN_DIR / "afterwriting-syntax-test.fountain").read_text("utf-8"))
    els = doc.elements
    assert doc.title_page["Contact"] == "e-mail: email@email.com\nphone: +12 34 567 89"
    assert els[0].type == "note" and els[0].line == 1           # a note before the title page
    by_line = {e.line: e for e in els}
    assert (by_line[83].type, by_line[83].text) == ("scene_heading", "FORCED HEADER")
    assert (by_line[105].type, by_line[105].dual) == ("character", True)
    assert (by_line[146].type, by_line[146].text) == ("action", "INT. ACTION")
    assert (by_line[148].text, by_line[149].type, by_line[149].character) == ("McCABE", "lyrics", "McCABE")
    assert (by_line[157].type, by_line[157].level) == ("section", 3)
    # Boneyard (lines 49-55, nested) is gone; inline boneyard inside action too.
    assert by_line[57].text.startswith("Action. action. action. action. action.")
    assert "ignored" not in by_line[57].text and "Ignored" not in " ".join(e.text for e in els)
    assert plain(by_line[73].text) == "What the f*ck! Escape_escape*escape."
    assert [e.type for e in els].count("page_break") == 1


@pytest.mark.parametrize("name,text,kind", [
    ("x.fountain", "Just action.\n", "fountain"),
    ("x.spmd", "Just action.\n", "fountain"),
    ("x.json", '{"elements": []}', "json"),
    ("x.txt", "Title: Red\nAuthor: Me\n\nINT. HOUSE - DAY\n\nShe waits.\n", "fountain"),
    ("stdin", "\nEXT. ROAD - DAY\n\nA car.\n\nINT. CAR - DAY\n\nHe drives.\n", "fountain"),
    ("x.txt", "Title: Red\nAuthor: Me\n\nShe said INT. was a word.\n", "prose"),
    ("x.txt", "The sign read\n\nINT. HOUSE\n\nand nothing more.\n", "prose"),
])
def test_input_kind(name, text, kind):
    assert input_kind(text, name) == kind


@needs_shared(PDNC_DIR)
def test_no_corpus_novel_is_taken_for_fountain():
    novels = sorted(PDNC_DIR.glob("*/novel_text.txt"))
    assert len(novels) >= 20
    assert [p.parent.name for p in novels if looks_like_fountain(p.read_text("utf-8"))] == []


def test_json_input_round_trips(seed_doc):
    doc = load(json.dumps(seed_doc.to_json()), "seed.json")
    assert doc.to_json() == seed_doc.to_json()


def test_cli_fountain_to_json_and_bad_json(tmp_path):
    src = tmp_path / "s.fountain"
    src.write_text("Title: Red\n\nINT. HOUSE - DAY #3#\n\nJESS (O.S.)\nHi.\n", encoding="utf-8")
    out = run_adapt("convert", str(src), "-f", "json", "-o", "-")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["title"] == "Red"
    assert data["elements"] == [
        {"type": "scene_heading", "text": "INT. HOUSE - DAY", "scene_number": "3", "line": 3},
        {"type": "character", "text": "JESS", "character": "JESS", "extension": "O.S.", "line": 5},
        {"type": "dialogue", "text": "Hi.", "character": "JESS", "line": 6}]
    bad = tmp_path / "b.json"
    bad.write_text('{"elements": [{"type": "bogus"}]}', encoding="utf-8")
    out = run_adapt("convert", str(bad), "-f", "fountain", "-o", "-")
    assert out.returncode != 0 and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1 and "b.json" in out.stderr


def test_characters_command_lists_fountain_cues(tmp_path):
    src = tmp_path / "s.fountain"
    src.write_text("INT. A - DAY\n\nANNA\nHi.\n\nBEN (O.S.)\nYes?\n\nANNA\nBye.\n", encoding="utf-8")
    out = run_adapt("characters", str(src))
    assert out.returncode == 0, out.stderr
    rows = [line.split() for line in out.stdout.splitlines()[1:]]
    assert rows == [["ANNA", "-", "2", "l.3"], ["BEN", "-", "1", "l.6"]]
