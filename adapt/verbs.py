"""Verb forms, through lemminflect (MIT, ships its own data, works offline).

lemminflect loads all its tables (every part of speech, line by line, ~0.4 s) and numpy on first
use; we only ask about verbs, so the verb rows of its own data files are read here in one pass
(~0.05 s) and kept in the user's cache folder (read back in a few ms). Anything the verb rows do not answer plainly goes to lemminflect itself, so the
answers are lemminflect's.
"""
from __future__ import annotations

import functools
import gzip
import importlib.util
import re
import zlib
from pathlib import Path

from .user_cache import cached_table

_VERB_ROW = re.compile(r"^([^,\n]+),verb,([^\n]*)$", re.M)
# lemminflect replaces the inflections of "be" and the modals with hand-written ones, and fills
# the modals' gaps with its spelling rules; these are its answers (a test checks them), written
# out so that "could" does not load its rule model and numpy.
_HAND_WRITTEN = {
    "be": ("was", "been", "being", "is"),
    "can": ("could", "could", "canning", "cans"),
    "may": ("might", "might", "maying", "mays"),
    "will": ("would", "would", "willing", "wills"),
    "shall": ("should", "should", "shalling", "shalls"),
    "must": ("must", "must", "musting", "musts"),
    "ought": ("ought", "ought", "oughting", "oughts"),
    "dare": ("dared", "dared", "daring", "dares"),
}
_INFL_COLUMNS = ("VBD", "VBN", "VBG", "VBZ")  # order of the forms in infl_lu.csv
_ALTERNATE = {"VBD": "VBN", "VBN": "VBD"}  # regular verbs list only one of the two


def _resource(name: str) -> Path | None:
    spec = importlib.util.find_spec("lemminflect")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "resources" / name
    return path if path.exists() else None


def _verb_rows(name: str) -> dict[str, str]:
    return _rows(name, "verb")


def _rows(name: str, pos: str) -> dict[str, str]:
    """form -> rest of the row, for the `pos` rows of one of lemminflect's gzipped tables.

    Every run asks for them and parsing a table takes 25-35 ms, reading them back with marshal
    a few: so they are kept in the user's cache folder, under a name made from the table's own
    bytes (a new lemminflect gets new files). A cache that cannot be read or written is only
    slower; it is never needed."""
    source = _source_key(name)
    if source is None:
        return {}

    def build():
        row = _VERB_ROW if pos == "verb" else re.compile(rf"^([^,\n]+),{pos},([^\n]*)$", re.M)
        return dict(row.findall(gzip.decompress(_resource(name).read_bytes()).decode("utf-8")))
    return cached_table(f"{name}-{pos}-{source}", build)


@functools.lru_cache(maxsize=None)
def _source_key(name: str) -> str | None:
    """What names one of lemminflect's tables in the cache: its length and checksum (None
    without lemminflect). Read once per process, for all the tables made from it."""
    path = _resource(name)
    if path is None:
        return None
    data = path.read_bytes()
    return f"{len(data)}-{zlib.crc32(data):08x}"


@functools.lru_cache(maxsize=None)
def _lemma_rows() -> dict[str, str]:
    """word form -> 'lemma/other lemma' (verb rows of lemminflect's lemma_lu.csv.gz)."""
    return _verb_rows("lemma_lu.csv.gz")


@functools.lru_cache(maxsize=None)
def _inflection_rows() -> dict[str, str]:
    """lemma -> 'past,past participle,gerund,3rd person' (verb rows of infl_lu.csv.gz)."""
    return _verb_rows("infl_lu.csv.gz")


@functools.lru_cache(maxsize=None)
def _overrides() -> dict[tuple[str, str], str]:
    """(lemma, tag) -> form: lemminflect's infl_overrides.csv, which wins over the table."""
    path = _resource("infl_overrides.csv")
    rows = [line.split(",") for line in (path.read_text("utf-8").splitlines() if path else [])
            if line and line[0] != "#"]
    return {(lemma, tag): form for lemma, tag, form in rows}


def _caps_like(word: str, model: str) -> str:
    """lemminflect's caps rule: all upper, first upper, or lower, as `model` is."""
    if model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word.capitalize()
    return word.lower()


@functools.lru_cache(maxsize=8192)
def verb_lemma(word: str) -> str | None:
    """The verb lemma of a word form, or None when the word cannot be a verb."""
    row = _lemma_rows().get(word.lower())
    return row.split("/")[0].lower() if row else None


def _table_form(lemma: str, tag: str) -> str | None:
    """The first spelling for `tag` from the override file or the verb row (or its
    VBD/VBN twin), as lemminflect looks them up; None when neither has one."""
    row = _inflection_rows().get(lemma)
    forms = row.split(",") if row is not None else []
    for wanted in (tag, _ALTERNATE.get(tag)):
        if wanted is None:
            break
        override = _overrides().get((lemma, wanted))
        if override is not None:
            return override
        column = _INFL_COLUMNS.index(wanted)
        if column < len(forms) and forms[column]:
            return forms[column].split("/")[0]
    return None


@functools.lru_cache(maxsize=8192)
def inflect(lemma: str, tag: str) -> str:
    """`lemma` in the Penn tag `tag` (VBZ: walks, VBG: walking, VBD: walked, VBN: walked)."""
    key = lemma.lower()
    if tag in _INFL_COLUMNS:
        hand = _HAND_WRITTEN.get(key)
        form = hand[_INFL_COLUMNS.index(tag)] if hand else _table_form(key, tag)
        if form is not None:
            return _caps_like(form, lemma)
    from lemminflect import getInflection

    forms = getInflection(lemma, tag)
    return forms[0] if forms else lemma


def verb_forms(lemmas: frozenset[str]) -> frozenset[str]:
    """Every word form whose verb_lemma is one of `lemmas` (the inverse of verb_lemma).

    Finding them reads every row of the table (~20 ms, in each process that asks): the
    answer is kept in the user's cache, named for the table's bytes and the lemmas."""
    asked = zlib.crc32("\n".join(sorted(lemmas)).encode("utf-8"))

    def build():
        return dict.fromkeys(form for form, row in _lemma_rows().items()
                             if form == form.lower() and row.split("/", 1)[0].lower() in lemmas)
    source = _source_key("lemma_lu.csv.gz") or "0-00000000"        # (no lemminflect: no forms)
    return frozenset(cached_table(f"verb-forms-{source}-{asked:08x}", build))


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


@functools.lru_cache(maxsize=8192)
def past_lemma(word: str) -> str | None:
    """The lemma of which `word` is a simple past form ('went' -> 'go', 'lay' -> 'lie',
    'walked' -> 'walk'), or None. Irregular twins are told apart by the past column of
    lemminflect's verb rows ('lay' is the past of 'lie'; 'lay' itself makes 'laid')."""
    low = word.lower()
    row = _lemma_rows().get(low)
    if not row:
        return None
    for lemma in row.split("/"):
        forms = _inflection_rows().get(lemma, "").split(",")
        past = forms[0].split("/") if forms and forms[0] else []
        participle = forms[1].split("/") if len(forms) > 1 and forms[1] else []
        if low in past or (not past and low in participle):
            return lemma
    return None


def present_form(lemma: str, plural: bool) -> str:
    """'walk' -> 'walks' (he) or 'walk' (they)."""
    if lemma == "be":
        return "are" if plural else "is"
    return lemma if plural else inflect(lemma, "VBZ")


@functools.lru_cache(maxsize=None)
def _noun_numbers() -> dict[str, bool]:
    """lower-case noun form -> whether its first lemma is another word (a plural form), from
    the noun rows of lemminflect's lemma_lu.csv.gz: all that noun_plural asks of them, and
    half the time to read back (no lemma strings, no capitalised forms, which a lower-cased
    word never finds)."""
    source = _source_key("lemma_lu.csv.gz")
    if source is None:
        return {}

    def build():
        return {form: row.split("/")[0] != form
                for form, row in _rows("lemma_lu.csv.gz", "noun").items() if form == form.lower()}
    return cached_table(f"noun-numbers-{source}", build)


def noun_plural(word: str) -> bool | None:
    """True for a plural noun form ('things', 'men'), False for a singular one, None when
    lemminflect does not know the word as a noun."""
    return _noun_numbers().get(word.lower())
