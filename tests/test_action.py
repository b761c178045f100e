"""Screen-ready action: present tense, third person, introductions, interiority, shape."""
import json
import re

import pytest

from adapt.action import (ActionStyle, age_of, is_first_person, is_interior, paragraphs,
                          present_tense, prose_is_past, rewrite, split_sentences, third_person)
from adapt.layout import wrap
from adapt.pipeline import adapt_prose
from tests.conftest import PDNC_DIR, needs_shared, run_adapt


# ---------------------------------------------------------------- tense, hand-written sentences

@pytest.mark.parametrize("past, present", [
    ("She walked to the door and opened it.", "She walks to the door and opens it."),
    ("He had been waiting for an hour.", "He has been waiting for an hour."),
    ("They had been waiting for an hour.", "They have been waiting for an hour."),
    ("She was reading by the window.", "She is reading by the window."),
    ("He did not turn.", "He does not turn."),
    ("They did not turn.", "They do not turn."),
    ("Did he hear it?", "Does he hear it?"),
    ("Were they late?", "Are they late?"),
    ("He went out and bought a paper.", "He goes out and buys a paper."),
    ("She sat down, took a pen and wrote.", "She sits down, takes a pen and writes."),
    ("The child put the cup on the table.", "The child puts the cup on the table."),
    ("A foam lay on his lips.", "A foam lies on his lips."),
    ("He could not sleep.", "He cannot sleep."),
    ("She could see the sea.", "She can see the sea."),
    ("He could have gone.", "He could have gone."),          # a counterfactual stays
    ("He would never forgive her.", "He would never forgive her."),
    ("The door was locked and the windows were barred.", "The door is locked and the windows are barred."),
    ("The tired men dressed in black waited.", "The tired men dressed in black wait."),
    ("She wished the girl were kinder.", "She wishes the girl were kinder."),
    ("Her brothers laughed.", "Her brothers laugh."),
    ("The savant and the doctor left the room.", "The savant and the doctor leave the room."),
    ("Not a word did he utter.", "Not a word does he utter."),
    ("He looked tired.", "He looks tired."),
    ("The letter which she wrote lay on the desk.", "The letter which she writes lies on the desk."),
])
def test_past_narration_becomes_present(past, present):
    assert present_tense(past) == present


def test_present_tense_leaves_quoted_words_alone():
    assert present_tense('He read "Gone with the Wind" and smiled.') == \
        'He reads "Gone with the Wind" and smiles.'
    assert present_tense("She said 'the tide was late' and left.") == \
        "She says 'the tide was late' and leaves."


# ---------------------------------------------------------------- person

def test_first_person_becomes_the_narrator():
    assert rewrite("I climbed in and found an empty compartment.", True, "Fenwick", "M") == \
        "Fenwick climbs in and finds an empty compartment."
    assert rewrite("I put my hand in my pocket.", True, "Fenwick", "M") == \
        "Fenwick puts his hand in his pocket."
    assert rewrite("She gave me my hat, and I left.", True, "Fenwick", "M") == \
        "She gives Fenwick his hat, and he leaves."
    assert rewrite("We walked home.", True, "Fenwick", "M") == "They walk home."
    assert rewrite("I climb in.", False, "NARRATOR", None) == "NARRATOR climbs in."
    assert third_person("What shall I be tomorrow?", "Mara", "F") == "What will Mara be tomorrow?"


def test_roman_numeral_is_not_the_narrator():
    assert third_person("The reign of Charles I.", "Fenwick", "M") == "The reign of Charles I."


# ---------------------------------------------------------------- whole-story decisions

def test_tense_and_person_of_a_story():
    past = ["He walked in. She looked up and smiled. They had met before."]
    present = ["He walks in. She looks up and smiles. They have met before."]
    assert prose_is_past(past) and not prose_is_past(present)
    first = ["I walked in and he looked up. " * 12]
    assert is_first_person(first) and not is_first_person(past * 12)


@needs_shared(PDNC_DIR)
def test_first_person_novels_are_recognised():
    from benchmarks.action import narration_of

    # The Gambler and Styles are told by "I"; Pride and Prejudice is not.
    assert is_first_person(narration_of("TheGambler"))
    assert is_first_person(narration_of("TheMysteriousAffairAtStyles"))
    assert not is_first_person(narration_of("PrideAndPrejudice"))


def test_narrator_takes_the_name_others_call_them():
    story = ("I climbed into the carriage.\n\n"
             "\"Is this seat taken?\" I asked.\n\n\"Not at all, Mr Fenwick.\"\n\n"
             "I sat down and looked out of the window.\n\n"
             "\"Will you have tea?\" I asked.\n\n\"Thank you, Mr Fenwick. I will.\"\n\n"
             "I poured the tea. I was tired, and I closed my eyes.\n\n") * 4
    doc = adapt_prose(story)
    action = [e.text for e in doc.elements if e.type == "action"]
    assert any(t.startswith("FENWICK climbs into the carriage") for t in action), action
    assert "Fenwick sits down and looks out of the window." in action
    assert not any(re.search(r"\bI\b", t) for t in action)


# ---------------------------------------------------------------- interiority

@pytest.mark.parametrize("sentence, interior", [
    ("He knows this.", True),
    ("For reasons he doesn't realize, this scares him.", True),
    ("She remembered the summer they met.", True),
    ("He wondered whether she would come.", True),
    ("Was this what they had meant?", True),
    ("She walked to the door and opened it.", False),
    ("He took long walks into the country.", False),
    ("Then, to my surprise, he shook his head.", False),
])
def test_interiority(sentence, interior):
    assert is_interior(sentence) is interior


def test_a_memory_in_present_prose_is_interior():
    assert is_interior("He had gone out the way he came in.", present_prose=True)
    assert not is_interior("He goes out the way he came in.", present_prose=True)


# ---------------------------------------------------------------- shape

def test_sentences_split_at_sentence_ends_only():
    assert split_sentences("Mr. Darcy bowed. She smiled at J. Smith! Was it over? Yes.") == \
        ["Mr. Darcy bowed.", "She smiled at J. Smith!", "Was it over?", "Yes."]
    assert split_sentences("He waited\u2026and waited. Then he left.") == \
        ["He waited\u2026and waited.", "Then he left."]


def test_paragraphs_are_at_most_four_lines():
    sentences = [f"Sentence number {i} walks slowly across the long and empty room." for i in range(9)]
    out = paragraphs(sentences)
    assert len(out) > 1
    assert all(len(wrap(p, 61)) <= 4 for p in out)
    assert " ".join(out) == " ".join(sentences)


def test_age_from_the_prose():
    assert age_of("Then came Ilsa, a three-year-old with a pout.", "Ilsa") == 3
    assert age_of("Tom, aged nine, ran off.", "Tom") == 9
    assert age_of("the twelve-year-old Mary ran", "Mary") == 12
    assert age_of("Mary ran off.", "Mary") is None


# ---------------------------------------------------------------- in the screenplay

STORY = """Mara walked into the kitchen. She was tired.

Tom, a nine-year-old with muddy boots, came in behind her.

"Where is the bread?" asked Tom.

"In the bin," said Mara.

Mara laughed. She knew he had eaten it. She remembered the last time he had lied to her.

"I don't know," Tom said, grinning. "The tide was late last night."

Tom ran out of the door and Mara followed him into the garden. """ + \
    " ".join(["The wind blew the leaves across the lawn."] * 8) + "\n"


def _action(doc):
    return [e.text for e in doc.elements if e.type == "action"]


def test_story_action_is_present_tense_and_dialogue_untouched():
    doc = adapt_prose(STORY)
    action = " ".join(_action(doc))
    assert "walks into the kitchen" in action and "laughs" in action
    assert "walked" not in action and " ran " not in action
    dialogue = [e.text for e in doc.elements if e.type == "dialogue"]
    assert "The tide was late last night." in " ".join(dialogue)


def test_introduction_in_capitals_once_with_age():
    action = _action(adapt_prose(STORY))
    joined = " ".join(action)
    assert joined.count("MARA") == 1 and joined.index("MARA") < 20
    assert "TOM (9), a nine-year-old with muddy boots, comes in behind her." in joined
    assert joined.count("TOM") == 1


def test_interiority_modes():
    notes = adapt_prose(STORY)
    assert any(e.type == "note" and "knows he has eaten it" in e.text for e in notes.elements)
    assert "knows" not in " ".join(_action(notes))
    dropped = adapt_prose(STORY, action=ActionStyle(interiority="drop"))
    assert not any(e.type == "note" for e in dropped.elements)
    assert "knows" not in " ".join(_action(dropped))
    kept = adapt_prose(STORY, action=ActionStyle(interiority="keep"))
    assert "knows he has eaten it" in " ".join(_action(kept))
    vo = adapt_prose(STORY, action=ActionStyle(narration="vo"))
    cues = [e for e in vo.elements if e.type == "character" and e.extension == "V.O."]
    assert cues and all(e.text == "NARRATOR" for e in cues)


def test_action_paragraphs_fit_four_lines(seed_doc):
    for e in seed_doc.elements:
        if e.type == "action" and re.search(r"[.!?]\s+[A-Z]", e.text):   # more than one sentence
            assert len(wrap(e.text, 61)) <= 4, e.text


def test_seed_is_present_tense_and_unchanged(seed_doc, seed_text):
    # The seed is told in the present: its action sentences are its own words.
    action = [e for e in seed_doc.elements if e.type == "action" and e.text != "FADE IN:"]
    plain = re.sub(r"\s+", " ", seed_text)
    unchanged = sum(1 for e in action if e.text.lower() in plain.lower())
    assert unchanged >= 0.6 * len(action)
    assert any(e.type == "note" and "he knows this" in e.text.lower() for e in seed_doc.elements)


def test_cli_interiority_option(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    out = run_adapt("convert", str(story), "-f", "fountain", "-o", "-", "--interiority", "drop")
    assert out.returncode == 0, out.stderr
    assert "[[" not in out.stdout and "walks into the kitchen" in out.stdout
    out = run_adapt("convert", str(story), "-f", "fountain", "-o", "-")
    assert "[[She knows he has eaten it." in out.stdout
    out = run_adapt("convert", str(story), "-f", "fountain", "-o", "-", "--narration", "vo")
    assert "NARRATOR (V.O.)" in out.stdout
    bad = run_adapt("convert", str(story), "--interiority", "maybe")
    assert bad.returncode != 0 and "Traceback" not in bad.stderr


# ---------------------------------------------------------------- the gold set

@needs_shared(PDNC_DIR)
def test_gold_set_figures():
    from benchmarks.action import load_gold, measure

    rows = load_gold()
    assert len(rows) >= 300 and len({r["novel"] for r in rows}) >= 7
    m = measure(rows)
    # measured: exact 0.969, verbs 0.987, precision 0.875, recall 0.865 (benchmarks/action.py)
    assert m["exact"] >= 0.94
    assert m["verbs"] >= 0.975
    assert m["precision"] >= 0.84 and m["recall"] >= 0.84


@needs_shared(PDNC_DIR)
def test_second_gold_set_figures():
    """44 sentences of three other novels, written by hand after the rules were first frozen
    (first measured: exact 0.909, verbs 0.955, interiority P 0.80 / R 0.53)."""
    from benchmarks.action import GOLD, load_gold, measure

    rows = load_gold(GOLD.with_name("action_gold_heldout.jsonl"))
    assert len(rows) == 44
    m = measure(rows)
    # measured now: exact 0.955, verbs 0.989, precision 0.818, recall 0.600
    assert m["exact"] >= 0.93 and m["verbs"] >= 0.97
    assert m["precision"] >= 0.75 and m["recall"] >= 0.55


def test_gold_rows_point_at_their_source(seed_text):
    from benchmarks.action import GOLD
    from benchmarks.corpus import pdnc_dir

    lines = GOLD.read_text(encoding="utf-8").splitlines() + \
        GOLD.with_name("action_gold_heldout.jsonl").read_text(encoding="utf-8").splitlines()
    for line in lines:
        row = json.loads(line)
        if row["novel"].startswith("seed:"):
            text = seed_text
        else:
            path = pdnc_dir() / row["novel"] / "novel_text.txt"
            if not path.exists():
                continue
            text = path.read_text(encoding="utf-8")
        assert text[row["start"]:row["end"]] == row["source"]


def test_speech_lead_leaves_the_action():
    from adapt.action import strip_speech_lead

    assert strip_speech_lead("As they turn in at the gates, John says:") == "As they turn in at the gates."
    assert strip_speech_lead("He takes her hand and says:") == "He takes her hand."
    assert strip_speech_lead("Poirot said:") == ""
    assert strip_speech_lead("She lists three things:") == "She lists three things:"


@pytest.mark.parametrize("odd", ["", ".", "Was.", "had", "I.", "Could not", "and, and, walked",
                                 "Tired, walked, and.", "--", "\u2026", "The men, who", "Were"])
def test_odd_fragments_do_not_break_the_rewrite(odd):
    out = rewrite(odd, True, "Fenwick", None)
    assert isinstance(out, str) and isinstance(is_interior(odd), bool)


def test_short_first_person_story_and_voice_over():
    story = ("I climbed into the carriage and found an empty compartment. I wondered whether she "
             "would come.\n\n\"Is this seat taken?\" I asked.\n\n\"Not at all, Mr Fenwick,\" said the "
             "guard.\n\nI sat down. I remembered the last time I had seen her.\n\n\"Will you have "
             "tea?\" the guard asked. \"It is cold, Mr Fenwick.\"\n")
    action = _action(adapt_prose(story))
    assert action[1].startswith("FENWICK climbs into the carriage"), action
    vo = adapt_prose(story, action=ActionStyle(narration="vo"))
    lines = [(e.type, e.text, e.extension) for e in vo.elements]
    assert ("character", "FENWICK", "V.O.") in lines
    assert ("dialogue", "I wondered whether she would come.", None) in lines
    assert rewrite("I was tired.", True) == "I am tired."     # an "I" left as it is stays grammatical


def test_seen_clause_of_a_thought_stays_action():
    doc = adapt_prose("He sat down by the fire; he knew she would not come.\n\n"
                      "She laughed a little, amused.\n")
    kinds = [(e.type, e.text) for e in doc.elements if e.type in ("action", "note")]
    assert ("note", "He knows she would not come.") in kinds
    assert any(t == "action" and "He sits down by the fire." in x for t, x in kinds)
    assert any(t == "action" and "She laughs a little, amused." in x for t, x in kinds)


def test_pronoun_patterns_find_what_plain_ones_find(seed_text):
    """_PRONOUN_VERB and _HE_SHE (the word boundary checked behind the first letter) match
    where the plain \\b patterns match."""
    import re

    from adapt import action

    plain_verb = re.compile(r"\b(?:he|she|they|I|we|He|She|They|We)\s+(?:[a-z]+ly\s+|not\s+|never\s+)?"
                            r"([a-z]+)\b")
    plain_he = re.compile(r"\b(?:he|she|He|She)\b")
    texts = [seed_text, "he went; She saw, they ran. I sat we stood He not ran She never went They "
             "quickly ran We ate; ahe xshe,he\nshe the she-wolf Ihe I. Ithey tHey"]
    for text in texts:
        assert [m.span(1) for m in action._PRONOUN_VERB.finditer(text)] == \
            [m.span(1) for m in plain_verb.finditer(text)]
        assert action._HE_SHE.findall(text) == plain_he.findall(text)
    assert len(action._PRONOUN_VERB.findall(texts[1])) == 10
