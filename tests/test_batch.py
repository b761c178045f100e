"""`adapt convert` with several inputs or a folder, --jobs, and the progress bar on a terminal."""
import os
import subprocess
import sys

import pytest

from adapt.progress import LARGE_INPUT
from tests.conftest import ROOT, run_adapt


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


@pytest.fixture
def stories(tmp_path, seed_text):
    """A folder with two prose stories, a Fountain script and a file that is not a story."""
    folder = tmp_path / "stories"
    folder.mkdir()
    paragraphs = _paragraphs(seed_text)
    (folder / "a.txt").write_text(seed_text)
    (folder / "b.txt").write_text("\n\n".join(paragraphs[len(paragraphs) // 2:]) + "\n")
    fountain = run_adapt("convert", "stories/a.txt", "-f", "fountain", "-o", "-", cwd=tmp_path)
    assert fountain.returncode == 0, fountain.stderr
    (folder / "c.fountain").write_text(fountain.stdout)
    (folder / "notes.md").write_text("# not a story\n")
    return folder


def test_folder_in_two_processes_gives_what_single_conversions_give(tmp_path, stories):
    expected = []
    for name in ("a.txt", "b.txt", "c.fountain"):
        single = run_adapt("convert", f"stories/{name}", "--out-dir", "single", cwd=tmp_path)
        assert single.returncode == 0, single.stderr
        expected += single.stdout.splitlines()

    batch = run_adapt("convert", "stories", "--out-dir", "batch", "--jobs", "2", cwd=tmp_path)
    assert batch.returncode == 0, batch.stderr
    # Outputs are listed in input order (name order in a folder), whichever process ends first.
    assert batch.stdout.splitlines() == [p.replace("single", "batch") for p in expected]
    assert len(expected) == 6 and not (tmp_path / "batch" / "notes.pdf").exists()
    for path in expected:
        single_bytes = (tmp_path / path).read_bytes()
        assert (tmp_path / path.replace("single", "batch", 1)).read_bytes() == single_bytes, path
    summary = batch.stderr.strip().splitlines()
    assert len(summary) == 1
    assert summary[0].startswith("adapt: converted 3 of 3 inputs (6 files written) in ")
    assert summary[0].endswith("using 2 processes")


def test_a_bad_input_does_not_stop_the_others(tmp_path, seed_text):
    (tmp_path / "good.txt").write_text(seed_text)
    (tmp_path / "empty.txt").write_text("")
    run = run_adapt("convert", "empty.txt", "good.txt", "missing.txt", "-f", "fountain",
                    cwd=tmp_path)
    assert run.returncode == 2
    assert run.stdout.splitlines() == ["out/good.fountain"]
    assert (tmp_path / "out" / "good.fountain").read_text().startswith("Title:")
    lines = run.stderr.strip().splitlines()
    assert lines[0].startswith("adapt: empty.txt: ") and "empty" in lines[0]
    assert lines[1].startswith("adapt: missing.txt: ") and "no such file" in lines[1]
    assert lines[2].startswith("adapt: converted 1 of 3 inputs (1 files written)")
    assert lines[2].endswith("failed: empty.txt, missing.txt")
    assert "Traceback" not in run.stderr


def test_refused_before_converting_anything(tmp_path, seed_text):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(seed_text)
    same_stem = run_adapt("convert", "x/story.txt", "y/story.txt", cwd=tmp_path)
    one_output = run_adapt("convert", "x/story.txt", "y", "-o", "script.pdf", cwd=tmp_path)
    stdin_too = run_adapt("convert", "x/story.txt", "-", cwd=tmp_path, input="")
    for run, words in ((same_stem, "both be written to out/story.pdf"),
                       (one_output, "-o names one output file"),
                       (stdin_too, "standard input can only be converted on its own")):
        assert run.returncode == 2
        assert run.stdout == ""
        assert run.stderr.count("\n") == 1 and words in run.stderr, run.stderr
    assert not (tmp_path / "out").exists() and not (tmp_path / "script.pdf").exists()


# --- progress bar -----------------------------------------------------------------------------

def _on_terminal(cwd, *args):
    """Run `adapt ARGS` with stderr on a pseudo-terminal; (exit code, stdout, stderr)."""
    pty = pytest.importorskip("pty")
    master, slave = pty.openpty()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "adapt", *args], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    err = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:   # the terminal closes when the process ends
            break
        if not chunk:
            break
        err += chunk
    os.close(master)
    out = proc.communicate()[0]
    return proc.returncode, out.decode(), err.decode()


@pytest.fixture
def large_story(tmp_path, seed_text):
    text = seed_text
    while len(text) < LARGE_INPUT:
        text += "\n\n" + seed_text
    (tmp_path / "long.txt").write_text(text)
    return "long.txt"


def test_large_input_shows_a_bar_only_on_a_terminal(tmp_path, large_story):
    code, out, err = _on_terminal(tmp_path, "convert", large_story, "-f", "fountain")
    assert code == 0 and out == "out/long.fountain\n"
    assert "adapt: long.txt" in err and "100%" in err and "[####" in err

    piped = run_adapt("convert", large_story, "-f", "fountain", cwd=tmp_path)
    assert piped.returncode == 0 and piped.stderr == ""

    code, out, err = _on_terminal(tmp_path, "convert", large_story, "-f", "fountain",
                                  "--no-progress")
    assert code == 0 and err == ""


def test_small_input_has_no_bar_unless_asked(tmp_path, seed_text):
    (tmp_path / "short.txt").write_text(seed_text)
    code, _, err = _on_terminal(tmp_path, "convert", "short.txt", "-f", "fountain")
    assert code == 0 and err == ""
    code, out, err = _on_terminal(tmp_path, "convert", "short.txt", "-f", "fountain",
                                  "--progress")
    assert code == 0 and out == "out/short.fountain\n"
    assert "100%" in err


def test_batch_bar_counts_inputs_and_messages_follow_it(tmp_path, stories):
    code, out, err = _on_terminal(tmp_path, "convert", "stories", "-f", "fountain")
    assert code == 0
    assert out.splitlines() == [f"out/{n}.fountain" for n in ("a", "b", "c")]
    assert "0/3" in err and "3/3" in err
    # The summary comes after the bar has finished, on its own line.
    assert err.rstrip().splitlines()[-1].startswith("adapt: converted 3 of 3 inputs")
    assert err.index("3/3") < err.index("adapt: converted")
