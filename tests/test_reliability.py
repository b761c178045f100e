"""Nothing half-written, nothing lost, the same bytes every time."""
import hashlib
import os
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import PDNC_DIR, ROOT, needs_shared


# --- hand edits ---------------------------------------------------------------------------

def _convert(tmp_path, monkeypatch, *args):
    """`adapt convert ARGS` in this process (click's runner), from tmp_path."""
    from click.testing import CliRunner

    from adapt.cli import main
    monkeypatch.chdir(tmp_path)
    return CliRunner().invoke(main, ["convert", *args])


def test_hand_edited_fountain_is_not_overwritten(tmp_path, monkeypatch, seed_text):
    (tmp_path / "story.txt").write_text(seed_text)
    first = _convert(tmp_path, monkeypatch, "story.txt")
    assert first.exit_code == 0, first.output
    fountain = tmp_path / "out" / "story.fountain"
    written = fountain.read_bytes()

    # Converting again over adapt's own output is fine.
    assert _convert(tmp_path, monkeypatch, "story.txt").exit_code == 0
    assert fountain.read_bytes() == written
    pdf_before = (tmp_path / "out" / "story.pdf").stat().st_mtime_ns

    edited = written.replace(b"FADE IN:", b"FADE IN:\n\nA line the writer added.")
    fountain.write_bytes(edited)
    refused = _convert(tmp_path, monkeypatch, "story.txt")
    assert refused.exit_code == 1
    assert refused.output.strip() == (
        "adapt: out/story.fountain: edited since adapt wrote it; not overwritten (use --force "
        "to overwrite it and keep the edited version as .bak)")
    assert fountain.read_bytes() == edited
    # refused before anything was written, the PDF included
    assert (tmp_path / "out" / "story.pdf").stat().st_mtime_ns == pdf_before
    assert not list((tmp_path / "out").glob("*.bak"))

    forced = _convert(tmp_path, monkeypatch, "story.txt", "--force")
    assert forced.exit_code == 0, forced.output
    assert "the edited version is kept as out/story.fountain.bak" in forced.output
    assert fountain.read_bytes() == written
    assert (tmp_path / "out" / "story.fountain.bak").read_bytes() == edited

    # The forced output is adapt's again: the next run needs no --force.
    again = _convert(tmp_path, monkeypatch, "story.txt")
    assert again.exit_code == 0 and "adapt:" not in again.output
    # No temporary files are left behind.
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")]


def test_fountain_not_written_by_adapt_is_protected(tmp_path, monkeypatch, seed_text):
    (tmp_path / "story.txt").write_text(seed_text)
    mine = tmp_path / "mine.fountain"
    mine.write_text("INT. HOUSE - DAY\n\nMy own script.\n")
    run = _convert(tmp_path, monkeypatch, "story.txt", "-o", "mine.fountain")
    assert run.exit_code == 1 and "edited since adapt wrote it" in run.output
    assert mine.read_text() == "INT. HOUSE - DAY\n\nMy own script.\n"
    # ... while a JSON or PDF output is simply replaced
    (tmp_path / "mine.json").write_text("{}")
    assert _convert(tmp_path, monkeypatch, "story.txt", "-o", "mine.json").exit_code == 0
    assert (tmp_path / "mine.json").read_text().startswith("{\n")


def test_backups_are_never_overwritten(tmp_path):
    from adapt.outputs import write_output
    path = tmp_path / "s.fountain"
    for n in range(3):
        path.write_text(f"hand edit {n}\n")
        assert write_output(path, b"adapt\n", force=True).name == \
            ["s.fountain.bak", "s.fountain.1.bak", "s.fountain.2.bak"][n]
    assert sorted(p.read_text() for p in tmp_path.glob("*.bak")) == \
        [f"hand edit {n}\n" for n in range(3)]


# --- atomic writes ------------------------------------------------------------------------

@pytest.mark.parametrize("fail_at", ["write", "replace"])
def test_interrupted_write_leaves_the_old_file(tmp_path, monkeypatch, fail_at):
    import adapt.outputs as outputs
    path = tmp_path / "story.pdf"
    path.write_bytes(b"old complete output")

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    if fail_at == "replace":
        monkeypatch.setattr(outputs.os, "replace", interrupt)
    else:
        monkeypatch.setattr(outputs.os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        outputs.write_atomic(path, b"new output" * 1000)
    assert path.read_bytes() == b"old complete output"
    assert [p.name for p in tmp_path.iterdir()] == ["story.pdf"]


def test_disk_full_is_a_clear_error(tmp_path, monkeypatch):
    import adapt.outputs as outputs
    from adapt.errors import AdaptError
    path = tmp_path / "story.pdf"
    path.write_bytes(b"old")

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(outputs.os, "fsync", full)
    with pytest.raises(AdaptError) as err:
        outputs.write_atomic(path, b"new")
    assert str(err.value) == f"{path}: cannot write the output (no space left on device)"
    assert path.read_bytes() == b"old" and len(list(tmp_path.iterdir())) == 1


def test_ctrl_c_leaves_previous_outputs_intact(tmp_path):
    """SIGINT at several moments of a long conversion: each output is the old file or the
    complete new one, never half of one, and no temporary file is left."""
    story = "\n\n".join(f'"Part {i} of a long talk," said Anna. Ben nodded and looked at the '
                        f'garden for a while.' for i in range(4000))
    (tmp_path / "story.txt").write_text(story)
    out = tmp_path / "out"
    out.mkdir()
    old = {"story.pdf": b"%PDF-old", "story.fountain": b"old fountain\n"}
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    new = None
    for delay in (0.4, 1.2):
        for name, data in old.items():
            (out / name).write_bytes(data)
        proc = subprocess.Popen([sys.executable, "-m", "adapt", "convert", "story.txt",
                                 "--force"], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=120)
        assert "Traceback" not in stderr
        if proc.returncode == -signal.SIGINT:
            # On a loaded machine the signal can land before Python installs its handler:
            # the process dies at once, which must leave the old outputs untouched too.
            assert stderr == ""
        elif proc.returncode == 130:
            assert stderr.strip().splitlines() == [
                "adapt: interrupted; outputs already written are complete, the others were "
                "left as they were"]
        else:
            assert proc.returncode == 0, stderr
        files = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")
                 and not p.name.endswith(".bak")}
        assert set(files) == set(old)
        for name, data in files.items():
            if data != old[name]:
                if new is None:
                    new = {f: (out / f).read_bytes() for f in old} if proc.returncode == 0 \
                        else _fresh_outputs(tmp_path, env)
                assert data == new[name], f"{name} is neither the old nor the new output"
        assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def _fresh_outputs(tmp_path, env):
    fresh = tmp_path / "fresh"
    subprocess.run([sys.executable, "-m", "adapt", "convert", "story.txt", "--out-dir",
                    str(fresh)], cwd=tmp_path, env=env, check=True, capture_output=True)
    return {p.name: p.read_bytes() for p in fresh.iterdir() if not p.name.startswith(".")}


# --- determinism --------------------------------------------------------------------------

DETERMINISM_SCRIPT = r"""
import hashlib, sys
from adapt.formats import load, render
text = open(sys.argv[1], encoding="utf-8").read()
doc = load(text, sys.argv[1])
for fmt in sys.argv[2:]:
    print(fmt, hashlib.sha256(render(doc, fmt)).hexdigest())
"""


def _digests(path, seed, formats):
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONHASHSEED=seed)
    run = subprocess.run([sys.executable, "-c", DETERMINISM_SCRIPT, str(path), *formats],
                         env=env, capture_output=True, text=True, check=True)
    return run.stdout


def _formats():
    from adapt.formats import WRITERS
    return list(WRITERS)     # every writer there is (FDX included once it exists)


def test_byte_identical_across_runs_and_hash_seeds(tmp_path, seed_text):
    story = tmp_path / "seed.txt"
    story.write_text(seed_text)
    outputs = {seed: _digests(story, seed, _formats()) for seed in ("0", "1", "random")}
    assert len(set(outputs.values())) == 1, outputs
    assert len(outputs["0"].splitlines()) == len(_formats())


@needs_shared(PDNC_DIR)
def test_cli_outputs_byte_identical_across_hash_seeds(tmp_path):
    from benchmarks.corpus import load_novel
    (tmp_path / "story.txt").write_text(load_novel("PrideAndPrejudice")[0][:60000])
    results = []
    for seed in ("7", "99"):
        env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONHASHSEED=seed)
        out = tmp_path / f"out{seed}"
        subprocess.run([sys.executable, "-m", "adapt", "convert", "story.txt", "--out-dir",
                        str(out)], cwd=tmp_path, env=env, check=True, capture_output=True)
        results.append({p.name: hashlib.sha256(p.read_bytes()).hexdigest()
                        for p in out.iterdir()})
    assert results[0] == results[1] and {"story.pdf", "story.fountain"} <= set(results[0])
