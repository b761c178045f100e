"""Speaker attribution measured against hand-made and corpus gold (benchmarks/attribution.py's
scoring rule), and the speech-tag finder on hand-written sentences."""
import pytest

from adapt.tags import tag_after, tag_before
from benchmarks.attribution import load_seed, score
from tests.conftest import PDNC_DIR, needs_shared


def _rates(counts):
    return {t: r / n for t, (r, n) in counts.items() if n}


def test_seed_speakers_against_the_hand_made_gold():
    # tests/data/seed_speakers.json: the speaker of all 123 quotations, read by hand.
    # Measured 75.6% (explicit 100%, anaphoric 83.0%, implicit 64.5%); the target is
    # every line right, not reached yet.
    rates = _rates(score(*load_seed()))
    assert rates["explicit"] == 1.0
    assert rates["all"] >= 0.75 and rates["anaphoric"] >= 0.82 and rates["implicit"] >= 0.64
    assert rates["found"] == 1.0


# Floors a little under what `python -m benchmarks.attribution` measured for each novel
# (explicit, anaphoric, implicit, overall).
FLOORS = {
    "PrideAndPrejudice": (0.94, 0.56, 0.61, 0.69),             # measured 95.4 57.5 62.8 69.9
    "AnneOfGreenGables": (0.95, 0.55, 0.83, 0.85),             # measured 96.7 56.4 84.7 86.7
    "TheMysteriousAffairAtStyles": (0.92, 0.77, 0.65, 0.71),   # first-person; 93.7 78.3 66.1 72.0
}


@needs_shared(PDNC_DIR)
@pytest.mark.parametrize("novel", sorted(FLOORS))
def test_corpus_attribution_floors(novel):
    from benchmarks.corpus import load_novel

    rates = _rates(score(*load_novel(novel)))
    floors = dict(zip(("explicit", "anaphoric", "implicit", "all"), FLOORS[novel]))
    for kind, floor in floors.items():
        assert rates[kind] >= floor, f"{novel} {kind}: {rates[kind]:.3f} < {floor}"
    assert rates["found"] >= 0.99


@pytest.mark.parametrize("narration,quote,subject,verb,adverb", [
    (", said Elizabeth, ", "I am astonished,", "Elizabeth", "said", None),
    (" Elizabeth smilingly said.", "Yes,", "Elizabeth", "said", "smilingly"),
    (" returned she.", "No,", "she", "returned", None),
    (" cried Mrs. Bennet.", "Lizzy!", "Mrs. Bennet", "cried", None),
    (" she sighs exasperatedly, kneeling down.", "Daddy!", "she", "sighs", "exasperatedly"),
    (" said her mother.", "Another time,", "her mother", "said", None),
    (" interposed Jane.", "Oh,", "Jane", "interposed", None),
])
def test_tag_after_a_quote(narration, quote, subject, verb, adverb):
    tag = tag_after(narration, 100, quote)
    assert tag is not None and (tag.subject, tag.verb, tag.adverb) == (subject, verb, adverb)
    assert narration[tag.subject_start - 100:tag.subject_end - 100] == subject


def test_new_sentence_after_a_full_stop_is_not_a_tag():
    assert tag_after(" Elizabeth left the room.", 0, "I am going.") is None


def test_tag_before_a_quote():
    tag = tag_before("Then Jess says: ", 0)
    assert tag is not None and tag.subject.endswith("Jess") and tag.lemma == "say"
    assert tag_before("He walked to the door, ", 0) is None      # a gesture leads no quote
