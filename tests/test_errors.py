"""Bad inputs and failing outputs: one line on stderr naming the file, non-zero exit, no
traceback, and nothing written."""
import gzip
import io
import json
import os
import socket
import struct
import subprocess
import sys
import zipfile
import zlib

import pytest

from tests.conftest import ROOT, run_adapt

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _png() -> bytes:
    """A real 1x1 PNG."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b""))


def _pdf() -> bytes:
    from pypdf import PdfWriter
    writer, buf = PdfWriter(), io.BytesIO()
    writer.add_blank_page(612, 792)
    writer.write(buf)
    return buf.getvalue()


def _zip(name="story.txt") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(name, '"Hello," she said.')
    return buf.getvalue()


# name -> (file content, or None for no file; words the message must contain)
BAD_FILES = {
    "missing.txt": (None, "no such file"),
    "empty.txt": (b"", "empty"),
    "blank.txt": (b" \n\n\t\r\n  ", "empty"),
    "story.pdf": ("pdf", "PDF"),
    "cover.png": ("png", "PNG image"),
    "story.zip": ("zip", "zip archive"),
    "story.docx": ("docx", "zip archive"),
    "story.txt.gz": (gzip.compress(b'"Hello," she said.'), "gzip"),
    "data.bin": (bytes(range(256)) * 4, "binary"),
    "nul.txt": (b"Once upon a time\x00\x00\x00 there was", "NUL"),
    "noise.txt": (bytes(range(0x80, 0x100)) * 8, "not UTF-8"),
}


def _make(tmp_path, name, content):
    if content is None:
        return
    data = {"pdf": _pdf, "png": _png, "zip": _zip, "docx": lambda: _zip("word/document.xml")}
    content = data[content]() if isinstance(content, str) else content
    (tmp_path / name).write_bytes(content)


def _assert_one_line_error(run, name, *words):
    assert run.returncode != 0, run.stdout
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith(f"adapt: {name}: "), lines[0]
    for word in words:
        assert word.lower() in lines[0].lower(), lines[0]
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_input_file_is_one_line_and_writes_nothing(tmp_path, name):
    content, words = BAD_FILES[name]
    _make(tmp_path, name, content)
    run = run_adapt("convert", name, cwd=tmp_path)
    _assert_one_line_error(run, name, words)
    assert run.returncode == 2
    assert not (tmp_path / "out").exists()


def test_bad_input_cases_also_fail_on_stdin(tmp_path):
    for name in ("empty.txt", "story.pdf", "noise.txt"):
        content, words = BAD_FILES[name]
        _make(tmp_path, name, content)
        run = run_adapt("convert", "-", "-f", "json", "-o", "-", cwd=tmp_path,
                        stdin=open(tmp_path / name, "rb"), text=False)
        run.stderr = run.stderr.decode()
        _assert_one_line_error(run, "stdin", words)
        assert run.stdout == b""


def test_missing_folder_and_directory(tmp_path):
    _assert_one_line_error(run_adapt("convert", "nowhere/story.txt", cwd=tmp_path),
                           "nowhere/story.txt", "no such file", "nowhere")
    (tmp_path / "chapters").mkdir()
    _assert_one_line_error(run_adapt("convert", "chapters", cwd=tmp_path), "chapters", "directory")


def test_unreadable_file(tmp_path):
    # A socket is a file that nobody, root included, can open for reading.
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "story.txt"))
    try:
        _assert_one_line_error(run_adapt("convert", "story.txt", cwd=tmp_path), "story.txt",
                               "cannot read")
    finally:
        sock.close()


@pytest.mark.skipif(IS_ROOT, reason="root reads files whatever their permissions")
def test_file_without_read_permission(tmp_path, seed_text):
    story = tmp_path / "story.txt"
    story.write_text(seed_text)
    story.chmod(0)
    _assert_one_line_error(run_adapt("convert", "story.txt", cwd=tmp_path), "story.txt",
                           "cannot read", "permission denied")


def test_size_limit(tmp_path, seed_text):
    (tmp_path / "story.txt").write_text(seed_text)
    run = run_adapt("convert", "story.txt", "--max-size", "5k", cwd=tmp_path)
    _assert_one_line_error(run, "story.txt", "too large", "--max-size", "5,000 bytes")
    # the same limit on a pipe, which has no size to look at beforehand
    run = run_adapt("convert", "-", "-f", "json", "-o", "-", "--max-size", "5k", input=seed_text)
    _assert_one_line_error(run, "stdin", "too large")
    run = run_adapt("convert", "story.txt", "--max-size", "1M", cwd=tmp_path)
    assert run.returncode == 0, run.stderr


ENCODED_STORY = ("\u201cWhere is the caf\u00e9?\u201d asked Zo\u00eb.\n\n"
                 "\u2018Nowhere,\u2019 said Ren\u00e9e \u2014 and left\u2026\n")


@pytest.mark.parametrize("encoding,bom,notice", [
    ("cp1252", b"", "cp1252"),
    ("utf-16-le", b"\xff\xfe", "UTF-16"),
    ("utf-16-be", b"\xfe\xff", "UTF-16"),
    ("utf-8", b"\xef\xbb\xbf", None),
])
def test_other_encodings_are_read_and_named(tmp_path, encoding, bom, notice):
    (tmp_path / "story.txt").write_bytes(bom + ENCODED_STORY.encode(encoding))
    run = run_adapt("convert", "story.txt", "-f", "json", "-o", "-", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    if notice:
        assert run.stderr.strip() == "adapt: story.txt: " + (
            f"not UTF-8; read as {notice}" if encoding == "cp1252"
            else f"read as {notice} (byte-order mark)")
    else:
        assert run.stderr == ""
    data = json.loads(run.stdout)
    dialogue = [e["text"] for e in data["elements"] if e["type"] == "dialogue"]
    assert dialogue == ["Where is the caf\u00e9?"]
    action = " ".join(e["text"] for e in data["elements"] if e["type"] == "action")
    assert "Ren\u00e9e" in action and "\u2014" in action
    for el in data["elements"]:   # offsets are into the decoded text
        if el["type"] == "dialogue":
            start, end = el["source"]
            assert ENCODED_STORY[start:end] == el["text"]


def test_latin1_text_is_read_as_western():
    from adapt.inputs import decode
    text = 'Zo\u00eb said, "O\u00f9 est la gare?"\n\nHe na\u00efvely smiled.'
    assert decode(text.encode("latin-1"), "x") == (text, "cp1252", "not UTF-8; read as cp1252")


def test_debug_shows_the_traceback(tmp_path):
    quiet = run_adapt("convert", "missing.txt", cwd=tmp_path)
    loud = run_adapt("convert", "missing.txt", "--debug", cwd=tmp_path)
    loud_first = run_adapt("--debug", "convert", "missing.txt", cwd=tmp_path)
    assert "Traceback" not in quiet.stderr
    for run in (loud, loud_first):
        assert "Traceback (most recent call last)" in run.stderr
        assert run.stderr.strip().splitlines()[-1] == "adapt: missing.txt: no such file"
        assert run.returncode == 2


def test_pdf_to_stdout_is_refused_before_any_work(tmp_path, seed_text):
    (tmp_path / "story.txt").write_text(seed_text)
    run = run_adapt("convert", "story.txt", "-f", "pdf", "-o", "-", cwd=tmp_path)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.strip() == "adapt: -f pdf cannot be written to standard output; give -o FILE"


def test_output_folder_that_cannot_be_created(tmp_path, seed_text):
    (tmp_path / "story.txt").write_text(seed_text)
    (tmp_path / "out").write_text("a file where the output folder should be")
    run = run_adapt("convert", "story.txt", cwd=tmp_path)
    _assert_one_line_error(run, "out", "cannot write the output folder")
    assert run.returncode == 1
    assert (tmp_path / "out").read_text() == "a file where the output folder should be"


@pytest.mark.skipif(IS_ROOT, reason="root writes into read-only folders")
def test_output_folder_without_write_permission(tmp_path, seed_text):
    (tmp_path / "story.txt").write_text(seed_text)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked").chmod(0o555)
    run = run_adapt("convert", "story.txt", "--out-dir", "locked", cwd=tmp_path)
    _assert_one_line_error(run, "locked", "cannot write the output folder", "permission denied")


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs Linux /proc")
def test_output_folder_on_a_read_only_filesystem(tmp_path, seed_text):
    # /proc refuses new folders even to root.
    (tmp_path / "story.txt").write_text(seed_text)
    run = run_adapt("convert", "story.txt", "-o", "/proc/adapt-test/story.fountain", cwd=tmp_path)
    _assert_one_line_error(run, "/proc/adapt-test", "cannot write the output folder")


def _big_story(n_paragraphs=1500) -> str:
    return "\n\n".join(f'"Line {i} of the talk," said Anna. She waited a while.'
                       for i in range(n_paragraphs))


def test_stdout_closed_early_exits_quietly(tmp_path):
    (tmp_path / "story.txt").write_text(_big_story())
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    run = subprocess.run(f"{sys.executable} -m adapt convert story.txt -f fountain -o - | head -1",
                         shell=True, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert run.stdout == "Title: story\n"
    assert run.stderr == ""
    # and with the reader gone before anything is written
    proc = subprocess.Popen([sys.executable, "-m", "adapt", "convert", "story.txt", "-f", "json",
                             "-o", "-"], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    proc.stdout.close()
    assert proc.wait(timeout=60) != 0
    assert proc.stderr.read() == b""
    proc.stderr.close()


def test_an_internal_error_is_one_line_naming_the_file(tmp_path, monkeypatch, seed_text):
    from click.testing import CliRunner

    import adapt.formats
    from adapt.cli import main

    def broken(*args, **kwargs):
        raise IndexError("list index out of range")

    monkeypatch.setattr(adapt.formats, "load", broken)
    (tmp_path / "story.txt").write_text(seed_text)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["convert", "story.txt"])
    assert result.exit_code == 1
    assert result.output.strip() == ("adapt: story.txt: internal error (IndexError: list index "
                                     "out of range); rerun with --debug for the traceback")
    assert not (tmp_path / "out").exists()


def test_ctrl_c_rewrapped_by_c_code_is_still_an_interrupt():
    """ReportLab's rl_accel re-raises a Ctrl-C as RuntimeError; it must not read as a bug."""
    from adapt.errors import about, wraps_interrupt

    wrapped = RuntimeError("unexpected exception in unicode2T1 caused by encoding with "
                           "'WinAnsiEncoding' codec failed (KeyboardInterrupt: )")
    assert wraps_interrupt(wrapped)
    assert not wraps_interrupt(RuntimeError("codec failed (UnicodeEncodeError: x)"))
    with pytest.raises(KeyboardInterrupt):
        with about("story.txt"):
            raise wrapped
