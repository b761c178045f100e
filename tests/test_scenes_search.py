"""The planner's fast place and move searches find exactly what the patterns' own finditer
finds: on real prose (the seed and a novel) and on written cases at the edges of the hints
(a verb after "re-", verbs that end alike, "joined", letters that fold to ASCII ones case-blind,
determiners glued to punctuation, two-word owners, nouns in capitals)."""
import pytest

from adapt import scenes
from adapt.readers.prose import read_prose
from adapt.story import Paragraph
from tests.conftest import PDNC_DIR, needs_shared

CASES = [
    "She re-entered the drawing room and re-paused in the hall. He reentered the house.",
    "He strides into the library; she rides to the park. Then he rushed out to Longbourn.",
    "They were already in the dining-room. I joined them, and we went into the garden.",
    "The \u212aitchen was warm; the \u0130nn was cold; the \u017ftudy, the stable and the ROOM.",
    "(the kitchen) \"his study\" --the parlour-- Mr. Bennet's library, Lady Lucas's drawing room",
    "Old John Smith's farmhouse stood by the Kellynch Hall gates; the Angelika Theater.",
    "house room hall: the  \t hall,\nthe\u00a0parlour, a very old grey barn, the unstable barn",
    "went to the village, walked down the lane and came back into the BED ROOM. Lingered.",
    "They saw Lady Lucas's fine old house and Sir William's big barn.",
    "Came into Meryton", "the room", "", "went", "re", "re-", "the hall-house and the office-block",
    "She paused in the hall. He waited quietly in the inn. They stopped in the street.",
]


def _same(texts):
    for text in texts:
        for fast, pattern in ((scenes._place_matches, scenes._PLACE),
                              (scenes._move_matches, scenes._MOVE)):
            got = [(m.span(), m.groups()) for m in fast.__wrapped__(text)]
            assert got == [(m.span(), m.groups()) for m in pattern.finditer(text)], text


def test_written_cases():
    _same(CASES)
    assert scenes._place_matches.__wrapped__(CASES[0]) and scenes._move_matches.__wrapped__(CASES[0])


def test_seed_paragraphs(seed_text):
    story = read_prose(seed_text)
    _same([b.text for b in story.blocks if isinstance(b, Paragraph)] + [seed_text])


@needs_shared(PDNC_DIR)
@pytest.mark.parametrize("novel", ["TheMysteriousAffairAtStyles"])
def test_novel_paragraphs(novel):
    story = read_prose((PDNC_DIR / novel / "novel_text.txt").read_text(encoding="utf-8"))
    _same([scenes._narration(b) for b in story.blocks if isinstance(b, Paragraph)])
