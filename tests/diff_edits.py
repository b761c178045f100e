"""Real edits for the diff tests, made from real inputs (the seed, Big Fish)."""
import re
import textwrap

import pytest

from adapt.pipeline import adapt_prose
from adapt.writers.fountain import write_fountain
from conftest import FOUNTAIN_DIR

BIG_FISH = FOUNTAIN_DIR / "big-fish.fountain"
HEADING = re.compile(r"^(?:INT|EXT)[. ]", re.M)


def rewrap(text: str, width: int) -> str:
    """Hard-wrap every paragraph (blank-line separated) at `width` columns."""
    paras = text.split("\n\n")
    return "\n\n".join(textwrap.fill(" ".join(p.split()), width, break_on_hyphens=False,
                                     break_long_words=False) if len(p) > width else p
                       for p in paras)


def is_action(block: str) -> bool:
    """A Fountain block that is one action paragraph (not a cue, heading or forced line)."""
    return "\n" not in block and not block.isupper() and not HEADING.match(block) \
        and not block.startswith(("(", "!", ">", "[", "@", ".", "~", "="))


def rewrap_action(text: str, width: int) -> str:
    return "\n\n".join(textwrap.fill(b, width, break_on_hyphens=False, break_long_words=False)
                       if is_action(b) else b for b in text.split("\n\n"))


# ------------------------------------------------------------------ the seed, as Fountain

def split_fountain_scenes(text: str) -> tuple[str, list[str]]:
    starts = [m.start() for m in HEADING.finditer(text)]
    return text[:starts[0]], [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)])]


@pytest.fixture(scope="session")
def seed_fountain(seed_text):
    """The seed with scene breaks at its quarter points, adapted and written as Fountain."""
    paras = seed_text.split("\n\n")
    cuts = {len(paras) * k // 4 for k in (1, 2, 3)}
    prose = "\n\n".join(("* * *\n\n" if i in cuts else "") + p for i, p in enumerate(paras))
    doc = adapt_prose(prose, default_title="seed")
    # Four scenes: the opening one and those at the breaks, whatever else the planner finds.
    heads = [e for e in doc.elements if e.type == "scene_heading"]
    doc.elements = [e for e in doc.elements if e.type != "scene_heading" or e is heads[0]
                    or prose[:e.source[0]].rstrip('"\u201c').endswith("* * *\n\n")]
    return write_fountain(doc)


@pytest.fixture(scope="session")
def seed_edit(seed_fountain):
    """OLD and NEW Fountain: in NEW a dialogue line reworded, an action paragraph deleted,
    scenes 2 and 3 swapped; all action re-wrapped at 50 columns and apostrophes curled."""
    head, scenes = split_fountain_scenes(seed_fountain)
    assert len(scenes) == 4
    blocks = scenes[0].split("\n\n")
    k = next(i for i, b in enumerate(blocks) if b.count("\n") == 1 and len(b.split("\n")[1].split()) >= 4
             and b.split("\n")[0].isupper())
    cue, line = blocks[k].split("\n")
    words = line.split()
    old_word, words[1] = words[1], "truly"
    blocks[k] = cue + "\n" + " ".join(words)
    scenes[0] = "\n\n".join(blocks)
    last = scenes[3].split("\n\n")
    d = next(i for i in range(2, len(last)) if is_action(last[i]) and len(last[i]) > 40)
    deleted = last.pop(d)
    scenes[3] = "\n\n".join(last)
    scenes[1], scenes[2] = scenes[2], scenes[1]
    new = head + "".join(scenes)
    new = rewrap_action(new, 50).replace("'", "\u2019")
    return seed_fountain, new, (cue, old_word, line), deleted


@pytest.fixture(scope="session")
def big_fish_edit():
    lines = BIG_FISH.read_text(encoding="utf-8").split("\n")
    heads = [i for i, ln in enumerate(lines) if HEADING.match(ln)]
    start, end = heads[11], heads[12]                # remove the twelfth scene
    removed = lines[start].split()
    new = lines[:start] + lines[end:]
    cue_at = next(i for i in range(end, len(new)) if new[i] == "EDWARD")
    new[cue_at] = "OLD EDWARD"
    return "\n".join(lines), "\n".join(new), " ".join(removed)
