import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for `benchmarks.corpus`

from benchmarks.corpus import pdnc_dir, shared_dir  # noqa: E402

SEED = ROOT / "seeds" / "000_9bca0ed2f6f5815c.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_doc(seed_text):
    from adapt.pipeline import adapt_prose
    return adapt_prose(seed_text, default_title="seed")


def needs_shared(path: Path):
    """Skip when ../shared is not beside the checkout (it is in CI and in sessions)."""
    return pytest.mark.skipif(not path.exists(), reason=f"{path} not available")


FOUNTAIN_DIR = shared_dir() / "corpus" / "fountain"
PDNC_DIR = pdnc_dir()


def run_adapt(*args, **kwargs):
    """Run `python -m adapt ARGS` on this source tree; returns the CompletedProcess."""
    import os
    import subprocess

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("text", True)
    return subprocess.run([sys.executable, "-m", "adapt", *args], env=env, **kwargs)


# Narration long enough to end one exchange and start the next (attribution.CONVERSATION_GAP).
FILLER = ("The afternoon wore on slowly and nothing of any note happened in the house for a "
          "long while; the clocks ticked, the fire settled in the grate, the rain came and went "
          "against the windows, and the servants went about their business below. ") * 5


def speakers(text: str) -> list[str]:
    """The cue attribution gives each quotation of `text`, in order."""
    from adapt.attribution import attribute
    from adapt.readers.prose import read_prose
    story = read_prose(text)
    who = attribute(story)
    return [who.speakers[q.start] for q in story.quotes()]


def sieve_reading(text: str) -> tuple[str, str]:
    """The sieve's own reading of the last quotation of `text` (cue, rule), before the
    conversation decoder weighs the exchange as a whole."""
    from benchmarks.attribution_errors import sieve_steps
    turns = sieve_steps(text)[2]
    return turns[-1].speaker.cue, turns[-1].how
