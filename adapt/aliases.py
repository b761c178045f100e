"""Forms of one person's name that clustering by words leaves apart: a nickname ("Lizzy" and
"Eliza" beside "Elizabeth Bennet") and a title with the given name ("Sir William" beside "Sir
William Lucas").

Which names are nicknames of which comes from the `nicknames` package (a hand-curated list of
English given names and their nicknames, names.csv: "elizabeth,has_nickname,lizzy"). Its file
is read without importing the package (whose import costs ~20 ms), and only once a cast has
two characters to compare; the pairs are kept in the user's cache folder like given_names'.
"""
from __future__ import annotations

import functools
import importlib.util
import os
import re
from collections import defaultdict

from .cast import Cast, Character, could_be, canonical_titles, split_title
from .user_cache import cached_table

# Titles written with a given name and, after it, the surname: "Sir William Lucas", "Master
# Oliver" (a boy: "Master Oliver Twist").
_KNIGHTLY = frozenset(("sir", "lady", "dame", "master"))
# ("Sir Henry" alone is seldom the "Henry" of the story: a knight is not called by his given
# name alone; "Lady Brenda", an earl's daughter, is "Brenda" to the narrator, and "Master
# Oliver" is the boy the prose calls "Oliver".)
_TITLE_ALONE = frozenset(("lady", "dame", "master"))
# Titles written with a surname: "Mr. Darcy", "Dr. Aziz" ("Miss" takes either).
_SURNAME_TITLES = frozenset(("mr", "mrs", "ms", "dr", "rev", "colonel", "captain", "major",
                             "general", "lieutenant", "sergeant", "inspector", "professor"))


def merge_aliases(cast: Cast):
    """Fold a title-and-given-name form and nicknames into the character they name."""
    merge_title_given_names(cast)
    merge_nicknames(cast)
    merge_eldest_daughters(cast)
    merge_other_surnames(cast)


# Titles a woman takes by marriage or rank: "Mrs.", "Madame" (canonical "mrs"), "Countess".
_MARRIED = frozenset("mrs lady countess marchioness baroness duchess viscountess princess".split())


# A nickname given in so many words: "we named her Winifred and we call her Pip",
# "Winifred, whom everyone called Pip", "Winifred, known to all as Pip", "Winifred, nicknamed Pip".
_NAME = r"([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
_NICKNAMED = re.compile(
    r"\b(?:named|called|christened)\s+(?:her|him)\s+" + _NAME + r",?\s+and\s+(?:[a-z]+\s+){0,2}"
    r"call(?:s|ed)?\s+(?:her|him)\s+" + _NAME
    + r"|\b" + _NAME + r",\s+(?:(?:whom|who)\s+(?:[a-z]+\s+){0,2}(?:call(?:s|ed)?|nicknamed)"
    r"|(?:better\s+|also\s+)?known\s+(?:to\s+[a-z]+\s+)?as|nicknamed)\s+" + _NAME + r"\b")


# (the words every such phrase has, found first: the whole pattern tried at every word of a
# novel costs more than the rest of cast discovery's alias work)
_NICKNAMING_WORD = re.compile(r"call|known|nicknamed")


def _nicknamings(text: str):
    """What `_NICKNAMED.finditer(text)` finds (or a match twice), looked for only around the
    words it needs."""
    end = 0
    for w in _NICKNAMING_WORD.finditer(text):
        if w.start() < end:
            continue
        m = _NICKNAMED.search(text, max(end, w.start() - 60), w.end() + 40)
        if m is not None:
            end = m.end()
            yield m


def merge_introduced_nicknames(cast: Cast, text: str):
    """A nickname the prose introduces as one ("named her Winifred and call her Pip")
    joins the character of the name, when both are known and their genders agree."""
    merged = {}
    for m in _nicknamings(text):
        full, nick = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        a, b = cast.lookup(full), cast.lookup(nick)
        if a is None or b is None or a is b or a.role or b.role or a.id in merged \
                or not a.compatible(b.gender) or _mentions(b) > _mentions(a):
            continue
        merged[b.id] = a
    if merged:
        cast.absorb(merged)


def merge_title_given_names(cast: Cast):
    """A character known only as "Sir William" (or "William" too) is the one character of the
    cast written "Sir William <Surname>"; with two such (a father and a son) it stays apart.
    Where no one is written so, "Lady Brenda" is the one character the prose calls "Brenda"
    alone, more often than with a title (a "Sir Henry" stays apart from a "Henry")."""
    people = _people(cast)
    full: dict[tuple[str, str], set] = {}    # (title, given name) -> characters written so
    for ch in people:
        for f in ch.forms:
            titles, words = split_title(f)
            for t in set(titles) & _KNIGHTLY:
                if len(words) >= 2:
                    full.setdefault((t, words[0]), set()).add(ch)
    carriers = _carriers(people)
    merged = {}
    for ch in people:
        keys = set()
        for f in ch.forms:
            titles, words = split_title(f)
            if len(words) != 1:
                keys = set()
                break
            keys |= {(t, words[0]) for t in titles if t in _KNIGHTLY or t in _TITLE_ALONE}
        if len(keys) != 1:
            continue
        (title, given), = keys
        owners = full.get((title, given), set()) - {ch}
        if not owners and title in _TITLE_ALONE:
            owners = carriers.get(given.lower(), set()) - {ch}
        if len(owners) == 1:
            into = next(iter(owners))
            if into.compatible(ch.gender) and into.id not in merged:
                merged[ch.id] = into
    if merged:
        cast.absorb(merged)


def merge_eldest_daughters(cast: Cast):
    """"Miss Bennet" alone is the eldest unmarried daughter: of the women of that surname
    with a given name ("Jane Bennet", "Elizabeth Bennet", "Lydia Bennet"), the one the prose
    never styles "Miss <given name>" as it styles her younger sisters ("Miss Elizabeth
    Bennet", "Miss Lydia"). Where two or none are left, or one of the women is written
    with her title at least as often as without (an aunt, "Miss Josephine Barry"), the
    form stays apart."""
    people = _people(cast)
    styled = set()          # given names written after "Miss"
    for ch in people:
        for f in ch.forms:
            titles, words = split_title(f)
            if canonical_titles(titles) == ["miss"]:
                styled.add(words[0])
    bearers = defaultdict(list)     # surname -> the people with a full name ending in it
    for c in people:
        for surname in {w[-1] for w in (split_title(f)[1] for f in c.forms) if len(w) >= 2}:
            bearers[surname].append(c)
    merged = {}
    for ch in people:
        split = [split_title(f) for f in ch.forms]
        if not all(canonical_titles(t) == ["miss"] and len(w) == 1 for t, w in split):
            continue
        surname = split[0][1][0]
        women = [c for c in bearers.get(surname, ()) if c is not ch and could_be(c, "F")
                 and not set(canonical_titles(sorted(c.titles))) & _MARRIED]
        if any(2 * _titled(c) >= _mentions(c) for c in women):
            continue
        eldest = [c for c in women if not _given_with(c, surname) & styled]
        if len(eldest) == 1 and eldest[0].gender == "F" and eldest[0].id not in merged:
            merged[ch.id] = eldest[0]
    if merged:
        cast.absorb(merged)


def merge_other_surnames(cast: Cast):
    """A woman the prose calls by her given name alone time and again ("Ellen", "Ellen
    Olenska") is the one written now and then in full under another surname ("Ellen
    Mingott"): her name before (or after) a marriage. A second woman of that given name would
    be called by it too; one only ever written in full, five times less often, is the same."""
    people = _people(cast)
    carriers = _carriers(people)
    merged = {}
    for ch in people:
        full = {tuple(split_title(f)[1]) for f in ch.forms}
        if any(split_title(f)[0] for f in ch.forms) or len(full) != 1 \
                or len(next(iter(full))) != 2:
            continue
        given, surname = next(iter(full))
        owners = carriers.get(given.lower(), set()) - {ch}
        if len(owners) != 1:
            continue
        into, = owners
        if into.id in merged or surname in _own_surnames(into) \
                or not could_be(ch, "F") or into.gender != "F" \
                or 5 * _mentions(ch) > into.forms.get(given, 0):
            continue
        merged[ch.id] = into
    if merged:
        cast.absorb(merged)


def _given_with(ch: Character, surname: str) -> set[str]:
    """The given names of a character's full names that end in `surname`."""
    return {words[0] for words in (split_title(f)[1] for f in ch.forms)
            if len(words) >= 2 and words[-1] == surname}


def _titled(ch: Character) -> int:
    return sum(n for f, n in ch.forms.items() if split_title(f)[0])


def _carriers(people: list[Character]) -> dict[str, set]:
    """{given name in lower case: the characters the prose calls by it alone, familiarly}."""
    surnames = _surnames(people)
    out: dict[str, set] = {}
    for ch in people:
        for n, counts in _given_names(ch, surnames).items():
            if _familiar(counts):
                out.setdefault(n.lower(), set()).add(ch)
    return out


def merge_nicknames(cast: Cast):
    """A character whose given name is a nickname of another's ("Lizzy", "Eliza" of
    "Elizabeth") joins that character when it is the only one whose given name has that
    nickname (among those of the nickname's surname, where the prose gives it one: "Eliza
    Bennet" is Elizabeth Bennet's, not Louisa's), their genders do not disagree, and the prose
    calls the other character by the given name itself at least as often as by a title with
    it (a "Sir Thomas" or a "Lady Catherine" is no "Tom" or "Kitty": a son or daughter who
    shares the name is)."""
    people = _people(cast)
    if len(people) < 2:
        return
    surnames = _surnames(people)
    given = {ch: _given_names(ch, surnames) for ch in people}
    given = {ch: names for ch, names in given.items() if names}
    if len(given) < 2:
        return
    canonicals = _canonicals()
    carriers = _carriers(people)
    pairs = []
    for ch, names in given.items():
        # the characters called by a name that ch's names are nicknames of
        owners = {o for n in names for full in canonicals.get(n.lower(), ())
                  for o in carriers.get(full, ()) if o is not ch}
        mine = _own_surnames(ch)
        if mine:                              # "Eliza Doolittle" is no "Elizabeth Bennet"
            owners = {o for o in owners if mine <= _own_surnames(o)}
        if len(owners) != 1:
            continue
        into, = owners
        if not into.compatible(ch.gender):
            continue
        if all(map(_familiar, given[ch].values())):
            pairs.append((ch, into))
    _absorb_groups(cast, pairs)


def _absorb_groups(cast: Cast, pairs: list[tuple[Character, Character]]):
    """Fold each group of characters the pairs join into its most mentioned member (the CSV
    lists some pairs both ways: "eliza" and "elizabeth" are nicknames of each other)."""
    if not pairs:
        return
    parent: dict[Character, Character] = {}

    def root(ch):
        while parent.get(ch, ch) is not ch:
            ch = parent[ch]
        return ch
    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra is not rb:
            parent[ra] = rb
    groups: dict[Character, list] = {}
    for ch in {c for pair in pairs for c in pair}:
        groups.setdefault(root(ch), []).append(ch)
    merged = {}
    for members in groups.values():
        into = max(members, key=lambda c: (_mentions(c), -c.id))
        for ch in members:
            if ch is not into:
                merged[ch.id] = into
    cast.absorb(merged)


def _people(cast: Cast) -> list[Character]:
    return [ch for ch in cast.characters if ch.forms and not ch.role and not ch.narrator]


def _mentions(ch: Character) -> int:
    return sum(ch.forms.values())


def _surnames(people: list[Character]) -> set[str]:
    """Words the cast writes as surnames: the last of a full name, or after "Mr." or "Dr."."""
    out = set()
    for ch in people:
        for f in ch.forms:
            titles, words = split_title(f)
            if len(words) >= 2:
                out.add(words[-1])
            elif set(canonical_titles(titles)) & _SURNAME_TITLES:
                out.add(words[0])
    return out


def _own_surnames(ch: Character) -> set[str]:
    return {words[-1] for words in (split_title(f)[1] for f in ch.forms) if len(words) >= 2}


def _given_names(ch: Character, surnames: set[str]) -> dict[str, list[int]]:
    """The given names a character goes by: {name: [mentions alone, with a title]} ("Miss
    Elizabeth Bennet", "Father William" count as titled, "Elizabeth Bennet" as neither). "Mrs.
    John Dashwood" is her husband's name; a word alone that any character bears as a surname
    is none ("Miss Lucas", "Mr. Darcy", "Lucas")."""
    out: dict[str, list[int]] = {}
    for f, n in ch.forms.items():
        titles, words = split_title(f)
        titles = canonical_titles(titles)
        if "mrs" in titles or (len(words) == 1 and words[0] in surnames):
            continue
        counts = out.setdefault(words[0], [0, 0])
        if titles:
            counts[1] += n
        elif len(words) == 1:
            counts[0] += n
    return out


def _familiar(counts: list[int]) -> bool:
    """The prose calls someone by this given name alone, more often than with a title
    ("Lizzy", "Elizabeth"; not "Sir Thomas", "Lady Catherine", "Father William", nor a name
    only ever written in full)."""
    alone, titled = counts
    return alone > titled


# Diminutives of the older English novel that the package's list lacks: {nickname: names}.
_MORE_NICKNAMES = {
    "sissy": ("cecilia",), "loo": ("louisa",), "nance": ("anne", "nancy"),
    "nannie": ("anne", "nancy"), "kitty": ("catherine", "katherine"), "betsey": ("elizabeth",),
    "sophy": ("sophia",), "charley": ("charles",), "janey": ("jane",), "lotty": ("charlotte",),
    "fan": ("frances",), "cassy": ("cassandra",),
}


@functools.lru_cache(maxsize=None)
def _canonicals() -> dict[str, tuple[str, ...]]:
    """{nickname: the names it is a nickname of}, lower case ("lizzy": ("elizabeth",)), the
    package's list with _MORE_NICKNAMES."""
    table = dict(_listed_canonicals())
    for nick, names in _MORE_NICKNAMES.items():
        table[nick] = tuple(sorted({*table.get(nick, ()), *names}))
    return table


def _listed_canonicals() -> dict[str, tuple[str, ...]]:
    """The package's list as {nickname: names}; empty without the package."""
    spec = importlib.util.find_spec("nicknames")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = os.path.join(spec.submodule_search_locations[0], "names.csv")
    try:
        stat = os.stat(path)
    except OSError:
        return {}

    def build():
        pairs: dict[str, set] = {}
        with open(path, encoding="utf-8") as f:
            for line in f:
                parts = line.strip().split(",")
                if len(parts) == 3 and parts[1] == "has_nickname":
                    a, b = parts[0].strip().lower(), parts[2].strip().lower()
                    pairs.setdefault(b, set()).add(a)
        return {k: tuple(sorted(v)) for k, v in pairs.items()}
    return cached_table(f"nickname-canonicals-{stat.st_size}-{stat.st_mtime_ns}", build,
                        replaces="nickname-canonicals-")
