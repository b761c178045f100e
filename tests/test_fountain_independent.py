"""Our Fountain output parsed by an independent parser (screenplain) agrees with our model."""
import html
import io

from screenplain.parsers import fountain as screenplain_fountain
from screenplain.types import Dialog, Slug

from adapt.writers.fountain import write_fountain


def _plain(rich) -> str:
    return html.unescape(str(rich.to_html()))


def screenplain_speech(text: str):
    script = screenplain_fountain.parse(io.StringIO(text))
    out = []
    for para in script:
        if isinstance(para, Slug):
            out.append(("scene_heading", _plain(para.line)))
        if isinstance(para, Dialog):
            out.append(("character", _plain(para.character)))
            for is_paren, line in para.blocks:
                kind = "parenthetical" if is_paren else "dialogue"
                if out[-1][0] == kind == "dialogue":
                    out[-1] = (kind, out[-1][1] + " " + _plain(line))
                else:
                    out.append((kind, _plain(line)))
    return out


def test_screenplain_reads_our_cues_and_dialogue(seed_doc):
    ours = [(e.type, e.text) for e in seed_doc.elements
            if e.type in ("scene_heading", "character", "parenthetical", "dialogue")]
    theirs = screenplain_speech(write_fountain(seed_doc))
    assert theirs == ours
