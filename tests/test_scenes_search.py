"""The planner's fast place and move searches find exactly what the patterns' own finditer
finds: on real prose (the seed and a novel) and on written cases at the edges of the hints
(a verb after "re-", verbs that end alike, "joined", letters that fold to ASCII ones case-blind,
determiners glued to punctuation, two-word owners, nouns in capitals)."""
import re

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


# Every time word and clock reading the patterns know, and near misses, in running text.
TIMES = """night nights midnight tonight to-night moonlight moonlit nightfall candle candlelight
lamplight; the lamps were lit, the lamp was lit; he lit the lamps; bedtime, time for bed; pitch
dark; still up; sat up late; waited up. dawn daybreak sunrise, first light, a streak of daylight;
morning, breakfast; evening dusk sunset twilight dinner supper sundown, the growing darkness; it
grew dark, growing dark, getting dark. afternoon noon midday noonday lunch luncheon daylight
sunlight sunshine; one day, a day, that day, the day, all day, same day, next day, following
day, every day, day-time, daytime, to-day, today. Days, holiday, delight, slightly, honeymoon,
embedded, morning-glories, nightly. At four o'clock, 4 o\u2019clock, ten o clock, 11:30 pm,
4.30pm, two in the morning, nine in the evening, three in the afternoon, eleven at night,
seven-thirty a.m.x, twelve-o'clock am, 7 AM, I am, madam. TONIGHT AT TEN O'CLOCK."""


def test_first_time_word_and_clock_reading():
    words = TIMES.replace("\n", " ").split(" ")
    phrases = [p.strip() for p in re.split(r"[,;.]\s", TIMES.replace("\n", " "))]
    texts = [" ".join(words[i:]) for i in range(len(words))] + \
        [f"and so on and so forth, {p} and so on" for p in phrases + words] + \
        [scenes.SEP.join(TIMES.split(";")), TIMES.replace("\n", scenes.SEP), "\u212aitchen at n\u0130ght"]
    found = 0
    for text in texts:
        for pattern, hint, back in ((scenes._TIME_WORDS, scenes._TIME_HINT, 2),
                                    (scenes.cues.CLOCK, scenes._CLOCK_HINT, 2)):
            fast, slow = scenes._first_match(pattern, hint, text, back), pattern.search(text)
            assert (fast and (fast.span(), fast.groups())) == (slow and (slow.span(), slow.groups())), text
            found += slow is not None
    assert found > len(texts)


def test_first_time_in_scene_texts(seed_text):
    story = read_prose(seed_text)
    narration = [scenes._narration(b) for b in story.blocks if isinstance(b, Paragraph)]
    for i in range(0, len(narration), 3):
        text = scenes.SEP.join(narration[i:i + 12])
        assert scenes._times(text, None) == _slow_times(text)


def _slow_times(text):
    m = scenes._TIME_WORDS.search(text)
    best = (m.start(), m.lastgroup) if m else None
    for m in scenes.cues.CLOCK.finditer(text):
        bare = "clock" in (m.group(2) or "").lower()
        if best is None or (not bare and m.start() < best[0]):
            best = (m.start(), scenes.cues.clock_time(m, None))
        break
    return best[1] if best else None


def test_names_after_at_in_near_outside(seed_text):
    """_AT_NAME (its word boundary checked behind the first letter) finds what the plain
    pattern finds."""
    plain = re.compile(r"\b(?:at|in|near|outside)\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})")
    texts = [seed_text, "at Netherfield; in London Town Hall, near Bath, outside Kew. cat Dog "
             "within Paris, bin Laden; In Rome; at\nMeryton", "in Rome", "xin Rome", " near Bath"]
    for text in texts:
        assert scenes._AT_NAME.findall(text) == plain.findall(text)
    assert scenes._AT_NAME.findall(texts[1]) == ["Netherfield", "London Town Hall", "Bath", "Kew",
                                                 "Meryton"]


def test_words_a_pattern_needs(seed_text):
    """A text the word check turns away holds no match of its pattern (ARRANGEMENT, _UNTIL,
    RECALL), in any case and with the letters that fold to ASCII ones."""
    phrases = ["Meet you at the hall", "WAIT for me in the den", "wait  in the den", "go into the house",
               "Come to the barn", "see you at the inn", "until five o'clock", "TILL evening",
               "He remembered", "Recalled it", "she thought back", "years before", "Weeks ago",
               "when she was a child", "When I were young", "\u017fee you at the inn",
               "unti\u0131 dark", "wee\u212as ago", "nothing at all", "\u201cMeet me in the hall\u201d"]
    story = read_prose(seed_text)
    texts = phrases + [s.text for b in story.blocks if isinstance(b, Paragraph) for s in b.spans]
    checks = ((scenes.cues.ARRANGEMENT, scenes._ARRANGING), (scenes._UNTIL, ("til",)),
              (scenes.cues.RECALL, scenes._RECALLING))
    for pattern, words in checks:
        found = [t for t in texts if pattern.search(t)]
        assert found and all(scenes._may_hold(t, words) for t in found), pattern.pattern
    assert not scenes._may_hold("nothing at all", scenes._ARRANGING)
