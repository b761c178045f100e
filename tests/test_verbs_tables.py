"""adapt.verbs reads lemminflect's verb rows itself (fast path); its answers must be lemminflect's."""
import gzip

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
