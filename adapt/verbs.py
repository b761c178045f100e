"""Verb forms, through lemminflect (MIT, ships its own data, works offline)."""
from __future__ import annotations

import functools


@functools.lru_cache(maxsize=8192)
def verb_lemma(word: str) -> str | None:
    """The verb lemma of a word form, or None when the word cannot be a verb."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word.lower()).get("VERB")
    return lemmas[0] if lemmas else None


@functools.lru_cache(maxsize=8192)
def inflect(lemma: str, tag: str) -> str:
    """`lemma` in the Penn tag `tag` (VBZ: walks, VBG: walking, VBD: walked, VBN: walked)."""
    from lemminflect import getInflection

    forms = getInflection(lemma, tag)
    return forms[0] if forms else lemma


def third_person_present(word: str) -> str:
    """'walked' / 'walking' / 'walks' -> 'walks'; a non-verb comes back as it was."""
    lemma = verb_lemma(word)
    if lemma is None:
        return word
    out = inflect(lemma, "VBZ")
    return out[:1].upper() + out[1:] if word[:1].isupper() else out


def gerund(word: str) -> str:
    lemma = verb_lemma(word)
    return inflect(lemma, "VBG") if lemma else word
