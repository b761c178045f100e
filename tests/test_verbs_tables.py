"""adapt.verbs reads lemminflect's verb rows itself (fast path); its answers must be lemminflect's."""
import gzip
import re

import pytest

from adapt import verbs

lemminflect = pytest.importorskip("lemminflect")
TAGS = ("VBD", "VBN", "VBG", "VBZ")


def _vocabulary() -> list[str]:
    path = verbs._resource("lemma_lu.csv.gz")
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    return sorted({line.split(",")[0] for line in lines})


def test_verb_lemma_matches_lemminflect():
    words = _vocabulary()[::7] + ["Said", "WHISPERED", "nodding", "xyzzy", "could", "'d"]
    for word in words:
        lemmas = lemminflect.getAllLemmas(word.lower()).get("VERB")
        assert verbs.verb_lemma(word) == (lemmas[0] if lemmas else None), word


def test_inflect_matches_lemminflect():
    lemmas = {verbs.verb_lemma(w) for w in _vocabulary()[::5]} - {None}
    lemmas |= set(verbs._HAND_WRITTEN) | {lemma for lemma, _ in verbs._overrides()}
    lemmas |= {"Walk", "SHRUG", "Can", "beware"}
    for lemma in sorted(lemmas):
        for tag in TAGS:
            forms = lemminflect.getInflection(lemma, tag)
            assert verbs.inflect(lemma, tag) == (forms[0] if forms else lemma), (lemma, tag)


def test_present_tense_and_gerund():
    assert verbs.third_person_present("Nodded") == "Nods"
    assert verbs.third_person_present("wept") == "weeps"
    assert verbs.gerund("sighed") == "sighing"
    assert verbs.third_person_present("table-cloth") == "table-cloth"


def _parsed(pos: str) -> dict:
    """The rows as parsing lemminflect's table gives them (no cache)."""
    text = gzip.decompress(verbs._resource("lemma_lu.csv.gz").read_bytes()).decode("utf-8")
    return dict(re.findall(rf"^([^,\n]+),{pos},([^\n]*)$", text, re.M))


def test_rows_cache_gives_the_parsed_rows(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    want = {pos: _parsed(pos) for pos in ("verb", "noun")}
    for pos in ("verb", "noun"):
        assert verbs._rows("lemma_lu.csv.gz", pos) == want[pos]      # parsed, then written
    files = sorted((tmp_path / "adapt").iterdir())
    assert len(files) == 2 and not [f for f in files if f.name.endswith(".part")]
    with monkeypatch.context() as m:                                  # read back, not parsed
        m.setattr(verbs.gzip, "decompress", lambda data: pytest.fail("parsed again"))
        for pos in ("verb", "noun"):
            cached = verbs._rows("lemma_lu.csv.gz", pos)
            assert cached == want[pos] and list(cached) == list(want[pos])
    for f in files:
        f.write_bytes(b"\x00 not marshal")                            # a broken cache is parsed again
    assert verbs._rows("lemma_lu.csv.gz", "noun") == want["noun"]
    assert verbs._rows("lemma_lu.csv.gz", "noun") == want["noun"]      # ... and rewritten
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    (tmp_path / "file").write_text("not a folder")                    # an unusable cache folder
    assert verbs._rows("lemma_lu.csv.gz", "verb") == want["verb"]


def test_a_table_replaces_the_older_ones_it_supersedes(tmp_path, monkeypatch):
    # The given-names table is keyed by its source file's date: each installation makes a new
    # one, and the one written last removes the rest (other tables stay).
    from adapt.user_cache import cached_table

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cached_table("names-1-100", lambda: {"Ann": "F"}, replaces="names-") == {"Ann": "F"}
    assert cached_table("other-1", lambda: {"x": 1}) == {"x": 1}
    assert cached_table("names-1-200", lambda: {"Bob": "M"}, replaces="names-") == {"Bob": "M"}
    names = sorted(f.name.split("-py")[0] for f in (tmp_path / "adapt").iterdir())
    assert names == ["names-1-200", "other-1"]
    assert cached_table("names-1-200", lambda: pytest.fail("built again"),
                        replaces="names-") == {"Bob": "M"}


def test_verb_forms_are_every_form_of_the_lemmas_and_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    lemmas = frozenset({"think", "wonder", "be"})
    rows = verbs._lemma_rows()
    want = {form for form, row in rows.items()
            if form == form.lower() and row.split("/")[0].lower() in lemmas}
    assert {"thought", "thinks", "wondering", "was", "been"} <= want
    assert verbs.verb_forms(lemmas) == want                            # found, then written
    with monkeypatch.context() as m:                                  # read back, not found
        m.setattr(verbs, "_lemma_rows", lambda: pytest.fail("rows read again"))
        assert verbs.verb_forms(lemmas) == want
    assert verbs.verb_forms(frozenset({"walk"})) == {"walk", "walks", "walked", "walking"}


def test_noun_plural_reads_the_noun_rows():
    """noun_plural's table (lower-case forms, plural or not) answers as the rows themselves:
    plural when a form's first lemma is another word, None for a word the rows lack."""
    rows = _parsed("noun")
    words = list(rows)[::3] + [w.upper() for w in list(rows)[::97]] + ["Things", "MEN", "xyzzy"]
    for word in words:
        row = rows.get(word.lower())
        assert verbs.noun_plural(word) == (None if row is None else row.split("/")[0] != word.lower()), word
    assert verbs.noun_plural("men") and verbs.noun_plural("thing") is False
