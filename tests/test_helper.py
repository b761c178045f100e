"""The helper process (adapt.helper): values both ways, and the same document whether it runs,
fails or is off."""
import io
import os
import signal
import time

import pytest
from pypdf import PdfReader

from adapt import helper, pipeline
from conftest import FOUNTAIN_DIR, PDNC_DIR, needs_shared

needs_fork = pytest.mark.skipif(not helper._can_fork(), reason="no fork or a single CPU here")


@pytest.fixture(autouse=True)
def not_busy(monkeypatch):
    """These tests need the helper whatever the machine's load."""
    monkeypatch.setattr(helper, "_busy", lambda: False)


def _echo(first, receive):
    yield first * 2
    yield receive() + 1


def _fails(receive):
    yield "one"
    raise ValueError("the helper breaks")


def _sleeps(receive):
    time.sleep(60)
    yield "late"


@needs_fork
def test_values_go_both_ways():
    with helper.Helper(_echo, 21) as h:
        assert h.next() == 42
        assert h.send(1)
        assert h.next() == 2
        assert h.next() is None     # the generator is done: no third value


@needs_fork
def test_a_failing_helper_gives_none():
    with helper.Helper(_fails) as h:
        assert h.next() == "one"
        assert h.next() is None
        assert not h.send("anything")


@needs_fork
def test_leaving_kills_a_helper_still_running():
    with helper.Helper(_sleeps) as h:
        pid = h.pid
    with pytest.raises(ProcessLookupError):   # reaped, not a zombie
        os.kill(pid, 0)


def test_disabled_helper_runs_nothing(monkeypatch):
    monkeypatch.setattr(helper, "ENABLED", False)
    h = helper.Helper(_echo, 1)
    assert h.pid is None and h.next() is None and not h.send(1)


@needs_fork
@needs_shared(PDNC_DIR)
def test_same_document_with_and_without_helper(monkeypatch):
    text = (PDNC_DIR / "PrideAndPrejudice" / "novel_text.txt").read_text(encoding="utf-8")
    text = text[:text.index("\n\n", 150_000)]     # long enough for a helper, quick to convert
    assert len(text) >= pipeline.HELPER_MIN_CHARS
    with_helper = pipeline.adapt_prose(text).to_json()

    def broken_work(story, action, receive):    # the helper dies at its second step
        yield pipeline.action_writer.ahead(story, action)
        receive()
        os.kill(os.getpid(), signal.SIGKILL)
        yield None

    monkeypatch.setattr(pipeline, "_helper_work", broken_work)
    assert pipeline.adapt_prose(text).to_json() == with_helper
    monkeypatch.setattr(helper, "ENABLED", False)
    assert pipeline.adapt_prose(text).to_json() == with_helper


@needs_fork
@needs_shared(FOUNTAIN_DIR)
def test_pdf_painted_in_two_processes_is_the_same_file(monkeypatch):
    """The helper paints the later pages: fonts first used there (bold, italic, a substitute
    font for Greek) must get the names and objects they get when one process paints it all."""
    from adapt.formats import load, render
    from adapt.writers import pdf

    text = (FOUNTAIN_DIR / "big-fish.fountain").read_text(encoding="utf-8")
    text += ("\n\nINT. LATE ROOM - NIGHT\n\nA sign says **CLOSED** and *soon* _open_, "
             "\u00e9t\u00e9 \u20ac5, \u03b1\u03b2\u03b3 in Greek.\n\nEDWARD\n"
             "***Always*** \u03a9.\n")
    doc = load(text, "late.fountain")
    split = pdf._split_page(doc)
    assert split is not None and split > 2
    given = []
    original = helper.Helper.next

    def recording(self):
        value = original(self)
        given.append(value)
        return value

    monkeypatch.setattr(helper.Helper, "next", recording)
    together = render(doc, "pdf")
    assert given and given[0], "the helper painted no pages"
    monkeypatch.setattr(helper, "ENABLED", False)
    alone = render(doc, "pdf")
    assert together == alone
    last = PdfReader(io.BytesIO(together)).pages[-1].extract_text()
    assert "CLOSED" in last and "Always" in last


@needs_fork
@needs_shared(FOUNTAIN_DIR)
def test_pdf_fonts_first_used_on_the_parents_pages(monkeypatch):
    """The helper passes over the parent's pages without painting them (plain ASCII lines not
    at all): fonts first used there (a Greek substitute, italic, in that order, after plain
    text) must still get the names they get when one process paints it all."""
    from adapt.formats import load, render
    from adapt.writers import pdf

    text = (FOUNTAIN_DIR / "big-fish.fountain").read_text(encoding="utf-8")
    start = text.index("\n\n", text.index("FADE IN")) if "FADE IN" in text else 0
    text = (text[:start] + "\n\nINT. EARLY ROOM - DAY\n\nPlain words first.\n\nThen \u03b1\u03b2\u03b3 "
            "alone.\n\nThen *leaning* words.\n\n" + text[start:] + "\n\nINT. LATE ROOM - NIGHT\n\n"
            "***Both*** and **bold**.\n")
    doc = load(text, "early.fountain")
    assert pdf._split_page(doc) > 2
    together = render(doc, "pdf")
    monkeypatch.setattr(helper, "ENABLED", False)
    assert together == render(doc, "pdf")


def test_no_helper_when_other_programs_keep_every_core_busy(monkeypatch):
    monkeypatch.undo()      # the real _busy, not the fixture's
    monkeypatch.setattr(helper.os, "getloadavg", lambda: (helper.cores() + 1.5, 0.0, 0.0))
    h = helper.Helper(_echo, 1)
    assert h.pid is None and h.next() is None



@needs_fork
@needs_shared(FOUNTAIN_DIR)
def test_text_outputs_written_while_the_helper_paints_are_the_same(monkeypatch, tmp_path):
    """`adapt convert` writes the Fountain while the PDF's helper paints its pages: the same
    files, reported in the same order, as when one process writes them in turn."""
    from click.testing import CliRunner

    from adapt import cli, outputs
    from adapt.writers import pdf

    painting, fountain_staged_while_painting = [], []
    original_paint, original_stage = pdf.paint, outputs.stage

    def paint(*args, **kwargs):
        painting.append(True)
        try:
            return original_paint(*args, **kwargs)
        finally:
            painting.pop()

    def stage(path, chunks):
        if path.suffix == ".fountain":
            fountain_staged_while_painting.append(bool(painting))
        return original_stage(path, chunks)

    monkeypatch.setattr(pdf, "paint", paint)
    monkeypatch.setattr(outputs, "stage", stage)
    outs = {}
    for name, enabled in (("together", True), ("alone", False)):
        monkeypatch.setattr(helper, "ENABLED", enabled)
        fountain_staged_while_painting.clear()
        result = CliRunner().invoke(cli.main, ["convert", str(FOUNTAIN_DIR / "big-fish.fountain"),
                                               "--out-dir", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        assert [line.rsplit(".", 1)[1] for line in result.output.split()] == ["pdf", "fountain"]
        assert fountain_staged_while_painting == [enabled]
        outs[name] = [(tmp_path / name / f"big-fish.{ext}").read_bytes() for ext in ("pdf", "fountain")]
    assert outs["together"] == outs["alone"]
