"""adapt.regex_cache: patterns taken from the cache file match exactly as freshly compiled ones."""
import re

import pytest

from adapt import regex_cache

needs_engine = pytest.mark.skipif(regex_cache._compiler is None, reason="no re compiler module")

PATTERNS = [
    (r"(?P<title>Mrs?|Miss)\.?\s+(?P<name>[A-Z][a-z]+)", 0),
    (r"\b(?:arrive[ds]?|enter(?:s|ed)?)\b\s+(?:the\s+)?(\w+)", re.I),
    (r"^(\w+):\s*(.*)$", re.M),
    (r"[^.!?\u2026]+(?:[.!?\u2026]+[\"'\u201d\u2019)]*|$)", 0),
    (rb"\x00[\x01-\x08]", 0),
]
TEXT = ("Mrs. Bennet arrived. miss Lucas ENTERED the Room!\nkey: value\n"
        "\u201cWell\u2026\u201d she said. Mr Darcy entered.")


def _compile_all():
    re.purge()      # (re keeps its own cache of the last patterns)
    return [re.compile(p, f) for p, f in PATTERNS]


def _same(a, b):
    subject = TEXT.encode("latin-1", "replace") if isinstance(a.pattern, bytes) else TEXT
    return (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex) \
        and [m.span() + m.groups() for m in a.finditer(subject)] == \
        [m.span() + m.groups() for m in b.finditer(subject)]


@needs_engine
def test_patterns_from_the_cache_match_as_compiled(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh = _compile_all()
    with regex_cache.kept("test"):
        first = _compile_all()
    assert list(tmp_path.glob("adapt/regex-test-*.marshal"))
    compiled = []
    real = regex_cache._compiler.compile
    monkeypatch.setattr(regex_cache._compiler, "compile",
                        lambda p, flags=0: compiled.append(p) or real(p, flags))
    patched = regex_cache._compiler.compile
    with regex_cache.kept("test"):
        again = _compile_all()
    assert compiled == []           # every pattern came from the file
    assert regex_cache._compiler.compile is patched and regex_cache._compiler._sre is regex_cache._sre
    for a, b, c in zip(fresh, first, again):
        assert _same(a, b) and _same(a, c)


@needs_engine
def test_a_damaged_cache_file_is_only_slower(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    with regex_cache.kept("test"):
        _compile_all()
    path, = tmp_path.glob("adapt/regex-test-*.marshal")
    path.write_bytes(b"\x00not marshal")
    with regex_cache.kept("test"):
        patterns = _compile_all()
    assert all(_same(a, b) for a, b in zip(patterns, _compile_all()))
    assert path.read_bytes() != b"\x00not marshal"      # written anew


@needs_engine
def test_only_what_the_block_compiles_is_kept(monkeypatch, tmp_path):
    import marshal

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    re.purge()
    re.compile("outside the block")
    with regex_cache.kept("test"):
        re.compile("inside the block")
    path, = tmp_path.glob("adapt/regex-test-*.marshal")
    assert [key[0] for key in marshal.loads(path.read_bytes())] == ["inside the block"]
