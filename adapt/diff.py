"""What changed between two screenplays: scenes first, then elements, then words.

Scenes are matched by content (an identical scene anywhere, else the most similar scene by
words and heading), so a scene that moved or whose heading was renamed is still recognised.
Inside a matched scene the elements are aligned, and inside a changed element the words.

Everything is compared in the form it renders in: runs of whitespace (line wrapping) are one
space, curly quotes are straight, a scene heading is in capitals, and elements that never
print (notes, sections, synopses) are left out. A changed cue, a case change in dialogue or
action and a change of element type are changes.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from .emphasis import plain, runs
from .model import Document, Element

# Elements that never print on the page (Fountain notes, sections, synopses).
HIDDEN_TYPES = ("note", "section", "synopsis")
SPEECH_BODY = ("parenthetical", "dialogue", "lyrics")

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                         "\u2032": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
                         "\u201f": '"', "\u2033": '"', "\u00a0": " "})
_WORD = re.compile(r"\S+")
_SPACE_SPLIT = re.compile(r"(\s+)")

# Scene pairing thresholds: below MATCH a changed scene is reported as omitted + added.
MATCH = 0.5
HEADING_WEIGHT = 0.25
# Element pairing inside a scene: below this two elements are a deletion and an insertion.
ELEMENT_MATCH = 0.5
# Above this many candidate pairs, unmatched scenes are only compared with near neighbours.
PAIR_BUDGET = 40000
NEIGHBOURS = 25


def display_text(el: Element) -> str:
    """The element's printed text (a cue with its extension, a heading in capitals)."""
    text = plain(el.text)
    if el.type == "character" and el.extension:
        text = f"{text} ({el.extension})"
    if el.type == "scene_heading":
        text = text.upper()
    return text


def norm_word(word: str) -> str:
    return unicodedata.normalize("NFC", word).translate(_QUOTES)


_MARK = {frozenset(): "", frozenset(("italic",)): "*", frozenset(("bold",)): "**",
         frozenset(("bold", "italic")): "***"}


def _styled(piece: str, style: frozenset) -> str:
    """A piece of a word in canonical Fountain markup (literal * and _ escaped)."""
    if not style:
        return piece.replace("*", "\\*").replace("_", "\\_")
    mark = _MARK.get(style - {"underline"}, "")
    text = f"{mark}{piece}{mark[::-1]}"
    return f"_{text}_" if "underline" in style else text


@lru_cache(maxsize=65536)
def _words(type_: str, text: str, extension: str | None) -> tuple[str, ...]:
    """The printed words with their emphasis in one canonical markup, so markup that prints
    the same (escapes, notes, where a style starts and ends) compares equal."""
    if type_ == "character" and extension:
        text = f"{text} ({extension})"
    upper = type_ == "scene_heading"
    if not any(c in text for c in "*_\\["):      # plain text: the common case, kept fast
        return tuple(norm_word(text.upper() if upper else text).split())
    out: list[str] = []
    word: list[str] = []
    for piece, style in runs(text):
        for part in _SPACE_SPLIT.split(piece.upper() if upper else piece):
            if not part:
                continue
            if part.isspace():
                if word:
                    out.append(norm_word("".join(word)))
                    word = []
            else:
                word.append(_styled(part, style))
    if word:
        out.append(norm_word("".join(word)))
    return tuple(out)


def words(el: Element) -> list[str]:
    """The element's printed words, one per whitespace-separated word of the printed text
    (so word k is on the same page line as the layout's k-th word)."""
    return list(_words(el.type, el.text, el.extension))


def element_key(el: Element) -> tuple:
    """Two elements with equal keys render identically. The speaker of a dialogue element is
    not part of its key: it prints as the cue element above it, which has its own key."""
    return (el.type, " ".join(words(el)), bool(el.dual))


@dataclass
class Scene:
    index: int                  # position among the document's scenes (0 may be a preamble)
    label: str                  # "12", "12A" or "" for the preamble before the first heading
    heading: Element | None
    heading_index: int | None   # element index of the heading
    items: list[tuple[int, Element]]   # (element index, element) after the heading
    key: tuple = ()
    bag: Counter = field(default_factory=Counter)

    @property
    def heading_text(self) -> str:
        return " ".join(words(self.heading)) if self.heading else ""

    @property
    def size(self) -> int:
        return len(self.items) + 1


def split_scenes(doc: Document) -> list[Scene]:
    """The document as scenes; elements before the first heading form a preamble scene."""
    scenes: list[Scene] = []
    current = Scene(0, "", None, None, [])
    ordinal = 0
    for i, el in enumerate(doc.elements):
        if el.type in HIDDEN_TYPES:
            continue
        if el.type == "scene_heading":
            if current.heading is not None or current.items:
                scenes.append(current)
            ordinal += 1
            current = Scene(len(scenes), el.scene_number or str(ordinal), el, i, [])
        else:
            current.items.append((i, el))
    if current.heading is not None or current.items:
        scenes.append(current)
    for scene in scenes:
        keys = tuple(element_key(el) for _, el in scene.items)
        scene.key = (scene.heading_text, keys)
        scene.bag = Counter(w for _, el in scene.items for w in words(el))
    return scenes


# ---------------------------------------------------------------------------- results

@dataclass
class WordDiff:
    ops: list[tuple[str, str]]          # ("=", "-", "+", text) runs, words joined by spaces
    new_marks: set[int]                 # word indices in the new element that changed
    old_marks: set[int]


@dataclass
class ElementChange:
    op: str                             # "insert", "delete" or "change"
    old: Element | None
    new: Element | None
    old_index: int | None
    new_index: int | None
    words: WordDiff | None = None       # for "change"
    at_new: int | None = None           # for "delete": new element index the gap sits before

    @property
    def type_changed(self) -> bool:
        return self.op == "change" and self.old.type != self.new.type


@dataclass
class SceneDiff:
    status: str                         # "same", "changed", "added", "omitted"
    old: Scene | None
    new: Scene | None
    moved: bool = False
    heading: WordDiff | None = None     # when the heading text changed
    changes: list[ElementChange] = field(default_factory=list)

    @property
    def reported(self) -> bool:
        return self.status != "same" or self.moved


@dataclass
class CharacterCount:
    name: str
    before: int                         # speeches (cues) in OLD
    after: int


@dataclass
class DocDiff:
    old: Document
    new: Document
    scenes: list[SceneDiff]             # in NEW order, omitted scenes where they were
    title_page: list[tuple[str, str | None, str | None]]
    characters: list[CharacterCount]    # only the speakers whose count or presence changed
    speeches_changed: Counter           # speaker -> speeches added, removed or changed

    @property
    def identical(self) -> bool:
        return not (any(s.reported for s in self.scenes) or self.title_page or self.characters)

    def counts(self) -> dict[str, int]:
        c = Counter()
        for s in self.scenes:
            if s.status in ("changed", "added", "omitted"):
                c[s.status] += 1
            if s.moved:
                c["moved"] += 1
        return {k: c[k] for k in ("changed", "added", "omitted", "moved")}


# ---------------------------------------------------------------------------- words

def word_diff(old: list[str], new: list[str]) -> WordDiff:
    ops: list[tuple[str, str]] = []
    new_marks: set[int] = set()
    old_marks: set[int] = set()
    sm = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            ops.append(("=", " ".join(old[i1:i2])))
            continue
        if i2 > i1:
            ops.append(("-", " ".join(old[i1:i2])))
            old_marks.update(range(i1, i2))
        if j2 > j1:
            ops.append(("+", " ".join(new[j1:j2])))
            new_marks.update(range(j1, j2))
        elif new:
            # A deletion only: mark the word the gap sits before (or the last word).
            new_marks.add(min(j1, len(new) - 1))
    return WordDiff(ops, new_marks, old_marks)


def similarity(a: Element, b: Element) -> float:
    wa, wb = words(a), words(b)
    if not wa and not wb:
        return 1.0 if a.type == b.type else 0.5
    ratio = SequenceMatcher(None, wa, wb, autojunk=False).ratio()
    if a.type == b.type == "character":
        # A cue in the place of another cue is a renamed cue, not a deletion and an insertion.
        return max(ratio, ELEMENT_MATCH)
    return ratio if a.type == b.type else ratio * 0.9


# ---------------------------------------------------------------------------- elements

def _pair_block(old: list[tuple[int, Element]], new: list[tuple[int, Element]]):
    """In-order pairs of similar elements in a replaced block (dynamic programming);
    yields (old_item | None, new_item | None) covering both lists in order."""
    n, m = len(old), len(new)
    if n * m > 4000:   # a huge rewrite: positional pairing is as good as any
        sims = {(i, i): similarity(old[i][1], new[i][1]) for i in range(min(n, m))}
    else:
        sims = {(i, j): similarity(old[i][1], new[j][1]) for i in range(n) for j in range(m)}
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            best = max(score[i - 1][j], score[i][j - 1])
            s = sims.get((i - 1, j - 1), 0.0)
            if s >= ELEMENT_MATCH:
                best = max(best, score[i - 1][j - 1] + s)
            score[i][j] = best
    pairs = []
    i, j = n, m
    while i > 0 or j > 0:
        s = sims.get((i - 1, j - 1), 0.0) if i and j else 0.0
        if i and j and s >= ELEMENT_MATCH and score[i][j] == score[i - 1][j - 1] + s:
            pairs.append((old[i - 1], new[j - 1]))
            i, j = i - 1, j - 1
        elif i and (not j or score[i][j] == score[i - 1][j]):
            pairs.append((old[i - 1], None))
            i -= 1
        else:
            pairs.append((None, new[j - 1]))
            j -= 1
    return reversed(pairs)


def diff_elements(old: list[tuple[int, Element]], new: list[tuple[int, Element]],
                  end_new: int | None) -> list[ElementChange]:
    """Changes between two element lists; `end_new` is the new element index after the list
    (where a deletion at the end sits)."""
    changes: list[ElementChange] = []
    sm = SequenceMatcher(None, [element_key(e) for _, e in old],
                         [element_key(e) for _, e in new], autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        gap_at = new[j2][0] if j2 < len(new) else end_new
        pending_deletes: list[tuple[int, Element]] = []
        for o, n in _pair_block(old[i1:i2], new[j1:j2]):
            if o is not None and n is None:
                pending_deletes.append(o)
                continue
            for d in pending_deletes:
                changes.append(ElementChange("delete", d[1], None, d[0], None,
                                             at_new=n[0]))
            pending_deletes = []
            if o is None:
                changes.append(ElementChange("insert", None, n[1], None, n[0]))
            else:
                changes.append(ElementChange("change", o[1], n[1], o[0], n[0],
                                             words=word_diff(words(o[1]), words(n[1]))))
        for d in pending_deletes:
            changes.append(ElementChange("delete", d[1], None, d[0], None, at_new=gap_at))
    return changes


# ---------------------------------------------------------------------------- scenes

def _dice(a: Counter, b: Counter) -> float:
    total = sum(a.values()) + sum(b.values())
    if not total:
        return 1.0
    if len(a) > len(b):
        a, b = b, a
    common = sum(min(c, b[w]) for w, c in a.items() if w in b)
    return 2 * common / total


def _scene_score(a: Scene, b: Scene) -> float:
    if (a.heading is None) != (b.heading is None):
        return 0.0
    if not a.bag and not b.bag:
        return SequenceMatcher(None, a.heading_text, b.heading_text).ratio()
    content = (1 - HEADING_WEIGHT) * _dice(a.bag, b.bag)
    if content + HEADING_WEIGHT < MATCH:
        return content          # cannot reach MATCH whatever the headings say
    return content + HEADING_WEIGHT * SequenceMatcher(None, a.heading_text, b.heading_text).ratio()


def match_scenes(old: list[Scene], new: list[Scene]) -> dict[int, int]:
    """old scene index -> new scene index: identical scenes first, then the most similar."""
    pairs: dict[int, int] = {}
    by_key: dict[tuple, list[int]] = {}
    for s in new:
        by_key.setdefault(s.key, []).append(s.index)
    for s in old:
        candidates = by_key.get(s.key)
        if candidates:
            pairs[s.index] = candidates.pop(0)
    taken = set(pairs.values())
    left_old = [s for s in old if s.index not in pairs]
    left_new = [s for s in new if s.index not in taken]
    wide = len(left_old) * len(left_new) <= PAIR_BUDGET
    scored = []
    for a in left_old:
        for b in left_new:
            # Relative positions, so that among equals the nearer scene wins.
            distance = abs(a.index / max(len(old), 1) - b.index / max(len(new), 1))
            if not wide and abs(a.index - b.index) > NEIGHBOURS:
                continue
            score = _scene_score(a, b)
            if score >= MATCH:
                scored.append((-score, distance, a.index, b.index))
    scored.sort()
    for _, _, i, j in scored:
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    return pairs


def moved_scenes(pairs: dict[int, int], old: list[Scene]) -> set[int]:
    """Old indices of matched scenes that moved: those outside the heaviest in-order chain
    (a longest increasing subsequence weighted by scene size, so the smaller scene of a
    swapped pair is the one reported as moved)."""
    items = sorted(pairs.items())
    best = [0] * len(items)
    back = [-1] * len(items)
    for k, (i, j) in enumerate(items):
        size = old[i].size
        best[k] = size
        for p in range(k):
            if items[p][1] < j and best[p] + size > best[k]:
                best[k], back[k] = best[p] + size, p
    keep: set[int] = set()
    k = max(range(len(items)), key=lambda q: best[q], default=-1)
    while k >= 0:
        keep.add(items[k][0])
        k = back[k]
    return {i for i, _ in items if i not in keep}


def _scene_end(doc: Document, scenes: list[Scene], index: int) -> int:
    """Element index just after a scene (the next scene's heading, or the document's end)."""
    return scenes[index + 1].heading_index if index + 1 < len(scenes) else len(doc.elements)


def diff_documents(old_doc: Document, new_doc: Document) -> DocDiff:
    old, new = split_scenes(old_doc), split_scenes(new_doc)
    pairs = match_scenes(old, new)
    moved = moved_scenes(pairs, old)
    by_new = {j: i for i, j in pairs.items()}

    results: dict[int, SceneDiff] = {}
    for b in new:
        if b.index not in by_new:
            results[b.index] = SceneDiff("added", None, b)
            continue
        a = old[by_new[b.index]]
        sd = SceneDiff("same", a, b, moved=a.index in moved)
        if a.heading_text != b.heading_text:
            sd.heading = word_diff(words(a.heading) if a.heading else [],
                                   words(b.heading) if b.heading else [])
        if a.key[1] != b.key[1]:
            sd.changes = diff_elements(a.items, b.items, _scene_end(new_doc, new, b.index))
        if sd.heading or sd.changes:
            sd.status = "changed"
        results[b.index] = sd

    ordered = [results[b.index] for b in new]
    # Omitted scenes go after the new partner of their nearest matched predecessor.
    for a in old:
        if a.index in pairs:
            continue
        prev = next((p for p in range(a.index - 1, -1, -1) if p in pairs), None)
        at = 0
        if prev is not None:
            partner = results[pairs[prev]]
            at = ordered.index(partner) + 1
            while at < len(ordered) and ordered[at].status == "omitted":
                at += 1
        ordered.insert(at, SceneDiff("omitted", a, None))
    return DocDiff(old_doc, new_doc, ordered, _title_page_diff(old_doc, new_doc),
                   _character_counts(old_doc, new_doc), _speeches_changed(old_doc, new_doc, ordered))


# ---------------------------------------------------------------------------- characters

def _speech_counts(doc: Document) -> Counter:
    return Counter(el.text for el in doc.elements if el.type == "character")


def _character_counts(old: Document, new: Document) -> list[CharacterCount]:
    """Speakers whose number of speeches changed (0 before: a new speaker). The cast list
    itself never prints, so a name only in it is not a change."""
    before, after = _speech_counts(old), _speech_counts(new)
    return [CharacterCount(name, before[name], after[name])
            for name in sorted(set(before) | set(after)) if before[name] != after[name]]


def speech_owner(doc: Document) -> list[int | None]:
    """For every element, the index of the cue whose speech it belongs to (None outside)."""
    owner: list[int | None] = []
    cue = None
    for i, el in enumerate(doc.elements):
        if el.type == "character":
            cue = i
        elif el.type not in SPEECH_BODY:
            cue = None
        owner.append(cue)
    return owner


def _speeches_changed(old: Document, new: Document, scenes: list[SceneDiff]) -> Counter:
    """Speaker -> number of speeches added, removed or changed (a speech given to another
    speaker counts for both)."""
    own_old, own_new = speech_owner(old), speech_owner(new)
    touched: set[tuple[str, int]] = set()

    def note(side: str, doc: Document, owner, index):
        if index is not None and owner[index] is not None:
            touched.add((side, owner[index]))

    for sd in scenes:
        changes = list(sd.changes)
        if sd.status == "added":
            changes = [ElementChange("insert", None, e, None, i) for i, e in sd.new.items]
        elif sd.status == "omitted":
            changes = [ElementChange("delete", e, None, i, None) for i, e in sd.old.items]
        for ch in changes:
            if ch.op == "delete":
                note("old", old, own_old, ch.old_index)
            elif ch.op == "insert":
                note("new", new, own_new, ch.new_index)
            else:
                note("new", new, own_new, ch.new_index)
                if ch.old.type == "character" and ch.old.text != ch.new.text:
                    note("old", old, own_old, ch.old_index)
    out = Counter()
    for side, cue in sorted(touched):
        doc = old if side == "old" else new
        out[doc.elements[cue].text] += 1
    return out


def _title_page_diff(old: Document, new: Document):
    def norm(v):
        return " ".join(norm_word(w) for w in _WORD.findall(v)) if v is not None else None

    keys = list(dict.fromkeys([*old.title_page, *new.title_page]))
    out = []
    for k in keys:
        a, b = old.title_page.get(k), new.title_page.get(k)
        if norm(a) != norm(b):
            out.append((k, a, b))
    return out


# ---------------------------------------------------------------------------- loading

class DiffInputError(ValueError):
    pass


def load_side(text: str, name: str, stem: str) -> Document:
    """A Document from prose, Fountain or our JSON. Prose on both sides gets the same default
    title (`stem`), so that diffing story.txt against story-v2.txt reports no new title."""
    from .formats import InputError, input_kind, load
    from .pipeline import adapt_prose

    try:
        if input_kind(text, name) == "prose":
            return adapt_prose(text, default_title=stem)
        return load(text, name)
    except InputError as exc:
        raise DiffInputError(str(exc)) from None


def share_default_titles(old: Document, new: Document, stem: str):
    """A title that only came from a file name (prose without a title line) is not the
    story's: take the other side's title instead, so it is not reported as a change."""
    for side, other in ((old, new), (new, old)):
        if side.title_page.get("Title") == stem and "Title" in other.title_page:
            side.title_page["Title"] = other.title_page["Title"]
