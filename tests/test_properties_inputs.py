"""Any bytes as input: decoded to text or refused with one line, never another exception;
text in UTF-8 (with or without a mark) and UTF-16 with a mark reads back exactly."""
import codecs

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapt.errors import EXIT_BAD_INPUT, AdaptError
from adapt.inputs import decode

SETTINGS = dict(deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])

# Bytes that look like files: random, text-ish, with magic numbers or marks in front.
PREFIXES = [b"", b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"\x1f\x8b", codecs.BOM_UTF8,
            codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, b"MZ", b"BZh9"]
any_bytes = st.builds(lambda prefix, body: prefix + body, st.sampled_from(PREFIXES),
                      st.one_of(st.binary(max_size=600),
                                st.text(max_size=200).map(lambda t: t.encode("utf-8")),
                                st.text(max_size=200).map(lambda t: t.encode("utf-16-le")),
                                st.text(alphabet=st.characters(max_codepoint=255), max_size=200)
                                .map(lambda t: t.encode("latin-1"))))


@settings(max_examples=400, **SETTINGS)
@given(any_bytes)
def test_any_bytes_decode_or_are_refused_in_one_line(data):
    try:
        text, encoding, notice = decode(data, "story.txt")
    except AdaptError as exc:
        assert exc.exit_code == EXIT_BAD_INPUT
        assert str(exc).startswith("story.txt: ") and "\n" not in str(exc)
        return
    assert isinstance(text, str)
    assert codecs.lookup(encoding)
    assert (notice is None) == (encoding == "utf-8"), (encoding, notice)   # anything else is said


@settings(max_examples=300, **SETTINGS)
@given(st.text(min_size=1, max_size=300).filter(lambda t: "\x00" not in t
                                                  and not t.startswith("\ufeff")),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom"]))
def test_text_reads_back_exactly(text, encoding):
    if encoding.endswith("-bom"):
        codec = encoding[:-4]
        data = (codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE) \
            + text.encode(codec)
    else:
        data = text.encode(encoding)
    try:
        decoded, _, _ = decode(data, "story.txt")
    except AdaptError as exc:
        # Only text full of control characters may be refused as binary.
        assert "control bytes" in str(exc), (exc, text)
        assert sum(ord(c) < 32 and c not in "\t\n\x0b\x0c\r\x1b" for c in text) > 0
        return
    assert decoded == text


@settings(max_examples=60, **SETTINGS)
@given(any_bytes)
def test_cli_on_any_bytes_converts_or_fails_in_one_line(data):
    from click.testing import CliRunner

    from adapt.cli import main

    result = CliRunner().invoke(main, ["convert", "-", "-f", "json", "-o", "-"], input=data)
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        repr(result.exception)
    if result.exit_code == 0:
        assert result.stdout.lstrip().startswith("{")
    else:
        assert result.exit_code == EXIT_BAD_INPUT, result.output
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("adapt: stdin: "), result.stderr


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                           lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)
def mostly(good):
    """Usually a value of the right type, sometimes any JSON value."""
    return st.one_of(good, good, good, json_values)


element_like = st.fixed_dictionaries(
    {"type": st.sampled_from(["action", "dialogue", "character", "scene_heading", "note", "x"])},
    optional={"text": mostly(st.text(max_size=30)), "character": mostly(st.text(max_size=8)),
              "source": mostly(st.lists(st.integers(0, 10**6), min_size=2, max_size=2)),
              "dual": mostly(st.booleans()), "level": mostly(st.integers(1, 6)),
              "scene_number": mostly(st.text(max_size=4))})
screenplay_like = st.fixed_dictionaries(
    {"elements": st.lists(element_like, max_size=6) | json_values},
    optional={"title_page": st.dictionaries(st.text(max_size=6), json_values, max_size=3),
              "characters": st.lists(st.dictionaries(st.sampled_from(["name", "aliases",
                                                                      "gender"]), json_values))})


@settings(max_examples=80, **SETTINGS)
@given(screenplay_like)
def test_json_input_loads_and_renders_or_is_refused(data):
    import json

    from adapt.formats import WRITERS, InputError, load, render

    try:
        doc = load(json.dumps(data), "script.json")
    except InputError as exc:
        assert str(exc).startswith("script.json: not a JSON screenplay (")
        return
    for fmt in WRITERS:
        assert render(doc, fmt)
