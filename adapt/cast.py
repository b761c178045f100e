"""The cast of a story: who the characters are, what they are called, their gender and cue.

Everything is learned from the text: capitalised words that the prose never writes in lower
case are name words; a name becomes a character when it speaks in a tag, carries a title
(Mr., Lady, Colonel) or is called by in a quotation. Forms of one person's name are clustered
("Miss Elizabeth Bennet", "Elizabeth", "Eliza"; "Mr. Bennet" kept apart from "Mrs. Bennet"),
gender comes from titles and the pronouns that follow a name, and the cue is the form the prose
uses most, in capitals.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import islice

from . import given_names

# Titles and the gender they imply (None: either).
TITLE_GENDER = {
    "mr": "M", "mister": "M", "mrs": "F", "miss": "F", "ms": "F", "mme": "F", "mlle": "F",
    "madame": "F", "madam": "F", "mademoiselle": "F", "monsieur": "M", "sir": "M", "lord": "M",
    "lady": "F", "dame": "F", "master": "M", "signor": "M", "signora": "F", "signorina": "F",
    "herr": "M", "frau": "F", "fraulein": "F", "dr": None, "doctor": None, "colonel": "M",
    "captain": "M", "major": "M", "general": "M", "lieutenant": "M", "sergeant": "M",
    "inspector": None, "professor": None, "rev": "M", "reverend": "M", "father": "M",
    "mother": "F", "aunt": "F", "uncle": "M", "sister": "F", "brother": "M", "cousin": None,
    "prince": "M", "princess": "F", "king": "M", "queen": "F", "count": "M", "countess": "F",
    "baron": "M", "baroness": "F", "duke": "M", "duchess": "F", "saint": None, "st": None,
    "marchioness": "F", "viscountess": "F", "empress": "F", "earl": "M", "viscount": "M",
    "emperor": "M", "begum": "F",
}
# Family roles used as names when capitalised on their own ("Father", "Daddy").
ROLE_NAMES = {
    "father": "M", "mother": "F", "daddy": "M", "dad": "M", "papa": "M", "pa": "M", "mama": "F",
    "mamma": "F", "mammy": "F", "mommy": "F", "mom": "F", "mum": "F", "mummy": "F", "ma": "F",
    "granny": "F", "grandma": "F", "grandpa": "M", "grandfather": "M", "grandmother": "F",
    "aunt": "F", "auntie": "F", "uncle": "M", "nurse": "F", "nanny": "F",
}
# Nouns of occupation and station: "said the waiter", "the beach attendant replied". Said of
# someone once or twice, such a description is that person's only name in the story.
OCCUPATIONS = frozenset("""
    doctor waiter waitress cook maid housemaid parlourmaid parlormaid nursemaid kitchenmaid servant
    footman butler valet page porter clerk attendant driver cabman coachman chauffeur groom
    boatman ferryman policeman constable officer guard jailer gaoler turnkey warder keeper
    sentry sentinel watchman detective magistrate judge coroner lawyer solicitor barrister
    attorney surgeon physician chemist apothecary druggist landlord landlady innkeeper
    publican barman barmaid bartender housekeeper governess tutor schoolmaster schoolmistress
    teacher curate parson chaplain minister missionary bishop sexton beadle verger undertaker
    shopkeeper shopman shopwoman tradesman merchant cashier banker broker auctioneer steward
    stewardess conductor guide postman postmistress messenger usher doorkeeper gardener
    farmer shepherd labourer laborer workman carter carrier tinker pedlar peddler hawker
    beggar pauper vagrant tramp sailor seaman mariner pilot soldier subaltern orderly
    croupier dealer official chairman foreman lacquey lackey flunkey tailor dressmaker
    milliner barber hairdresser baker butcher grocer fishmonger blacksmith smith carpenter
    mason miller weaver washerwoman laundress charwoman ostler hostler secretary proprietor
    under-secretary stationmaster station-master schoolboy newsboy errand-boy
    inspector superintendent courier
""".split())
_OCCUPATION_ENDINGS = ("-master", "-keeper", "-maid", "-man", "-woman", "-boy")


# Household servants, whom the narration may call "the servant" after naming their place.
_SERVANTS = frozenset("""
    maid housemaid parlourmaid parlormaid nursemaid kitchenmaid lady's-maid housekeeper
    footman butler valet page cook lacquey lackey flunkey
""".split())


def is_servant(noun: str) -> bool:
    """A household servant's occupation: "parlourmaid", "butler", "scullery-maid"."""
    return noun in _SERVANTS or noun.endswith("-maid")


def is_occupation(noun: str) -> bool:
    """A noun of occupation: "waiter", "station-master", "book-keeper"."""
    return noun in OCCUPATIONS or (noun.endswith(_OCCUPATION_ENDINGS) and "-" in noun)


# Capitalised words that are never a person's name on their own.
NOT_NAMES = frozenset("""
    i i'm i'll i've i'd oh ah o yes no well now then there here this that these those what why
    how who where when which god lord heaven heavens sir madam ma'am mr mrs miss ms dr mme mlle
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december christmas english french german
    italian indian american chapter book volume part
""".split())
MALE_PRONOUNS = {"he", "him", "his", "himself"}
FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}

_TITLE_RE = "|".join(sorted((t.capitalize() for t in TITLE_GENDER), key=len, reverse=True))
# ("McBryde", "MacGregor": a capital inside the word)
# Letters of names, accented ones too ("Thérèse", "Émile", "Zoë")
_UP, _LOW = "A-Z\u00c0-\u00d6\u00d8-\u00de", "a-z\u00df-\u00f6\u00f8-\u00ff"
_WORD = rf"(?:(?:Ma?c)?[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?(?:'[{_UP}][{_LOW}]+)?)"
# Only an abbreviation takes a full stop: "Major. The Magistrate" is two sentences.
ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Mme", "Mlle", "St", "Rev")
_ABBREVIATION_RE = "|".join(sorted(ABBREVIATIONS, key=len, reverse=True))
# Particles inside a surname: "Mrs. van der Luyden", "Lady Catherine de Bourgh".
PARTICLES = frozenset("van von der den de du des la le di da del".split())
_PARTICLE_FORMS = PARTICLES | {p.capitalize() for p in PARTICLES} | {p.upper() for p in PARTICLES}
_PARTICLE_RUN = r"(?:(?:van|von|der|den|de|du|des|la|le|di|da|del)[ \t]+)"
NAME_RE = re.compile(   # (every match starts with a capital: the lookahead skips the rest fast)
    rf"(?=[{_UP}])(?<![\w.])(?P<title>(?:(?:(?:{_ABBREVIATION_RE})\.?|(?:{_TITLE_RE}))\s+){{0,2}})"
    rf"(?P<name>{_PARTICLE_RUN}{{0,2}}{_WORD}"
    rf"(?:[ \t]+{_PARTICLE_RUN}{{0,2}}(?!(?:{_TITLE_RE})\b){_WORD}){{0,2}})")
# A sentence: up to . ! or ?, but not the full stop of a title ("Mrs. Elton").
SENTENCE_RE = re.compile(     # (runs of plain characters taken at once: 4x faster than one by one)
    r"(?:[^.!?]+|(?:(?<=\bMr)|(?<=\bMrs)|(?<=\bMs)|(?<=\bDr)|(?<=\bSt)|(?<=\bMme)|(?<=\bMlle)|"
    r"(?<=\bRev))\.)+[.!?]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"\u201c\u2018\u2014(]\s*|\n\s*\n\s*)$")


def norm(form: str) -> str:
    """One spelling per form: single spaces, 'Mr' and 'Mr.' the same."""
    words = form.split()
    out = []
    for w in words:
        bare = w.rstrip(".")
        out.append(bare + "." if bare.lower() in TITLE_GENDER and bare.lower() in _ABBREVIATED
                   else bare)
    return " ".join(out)


_ABBREVIATED = {"mr", "mrs", "ms", "dr", "mme", "mlle", "st", "rev"}


def split_title(form: str) -> tuple[list[str], list[str]]:
    """'Miss Elizabeth Bennet' -> (['miss'], ['Elizabeth', 'Bennet'])."""
    words = form.split()
    titles = []
    while len(words) > 1 and words[0].rstrip(".").lower() in TITLE_GENDER:
        titles.append(words.pop(0).rstrip(".").lower())
    return titles, glue_particles(words)


def glue_particles(words: list[str]) -> list[str]:
    """A surname's particles joined to it, in lower case ("De Griers" and "de Griers" are
    one surname): ['van', 'der', 'Luyden'] -> ['van der Luyden']."""
    if len(words) < 2 or _PARTICLE_FORMS.isdisjoint(words[:-1]):
        return words
    out, run = [], []
    for w in words:
        if w.lower() in PARTICLES:
            run.append(w)
            continue
        if run and w[:1].isupper():
            out.append(" ".join([*(p.lower() for p in run), w]))
        else:
            out.extend([*run, w])
        run = []
    out.extend(run)
    return out


def title_gender(titles: list[str]) -> str | None:
    for t in titles:
        g = TITLE_GENDER.get(t)
        if g:
            return g
    return None


def form_gender(form: str) -> str | None:
    """The gender a form without a title says by itself: a family role ("Papa") or a title
    word used as a name ("the General", "the Baroness")."""
    key = form.lower()
    return ROLE_NAMES.get(key) or TITLE_GENDER.get(key)


def _word_count(form: str) -> int:
    """Words of a form, a surname with its particles one ("Mr. van der Pol": two)."""
    titles, words = split_title(form)
    return len(titles) + len(words)


@dataclass(eq=False)       # compared and hashed by identity
class Character:
    id: int
    forms: Counter = field(default_factory=Counter)     # surface form -> mentions
    votes: Counter = field(default_factory=Counter)     # "M"/"F" evidence
    subject_votes: Counter = field(default_factory=Counter)  # ... where the name is the subject
    role: str | None = None                             # unnamed: "old man"
    narrator: bool = False
    first: int | None = None                            # offset of first mention
    surname: str | None = None
    titles: set = field(default_factory=set)
    cue_override: str | None = None
    gender_override: str | None = None

    @property
    def gender(self) -> str | None:
        if self.gender_override:
            return self.gender_override
        m, f = self.votes["M"], self.votes["F"]
        if m > 1.5 * f and m >= 1:
            return "M"
        if f > 1.5 * m and f >= 1:
            return "F"
        return None

    @property
    def cue(self) -> str:
        if self.cue_override:
            return self.cue_override
        if self.narrator and not self.forms:
            return "NARRATOR"
        if not self.forms:
            return (self.role or "VOICE").upper()
        # The form used most; a titled form wins ties ("MR. DARCY" over "DARCY" when equal).
        best = max(self.forms.items(),
                   key=lambda kv: (kv[1], -max(0, _word_count(kv[0]) - 2), len(kv[0]), kv[0]))[0]
        if best.lower() in TITLE_GENDER:
            # a title alone ("PRINCESS") fits anyone of that rank: the title with the name,
            # where the prose uses that about as often
            named = [f for f in self.forms if f.split()[0] == best and " " in f]
            if named:
                name = max(named, key=lambda f: (self.forms[f], f))
                if 2 * self.forms[name] >= self.forms[best]:
                    best = name
        if split_title(best)[0][:1] in (["miss"], ["mlle"], ["mademoiselle"]):
            # "Miss" lasts until a wedding ("Miss Taylor" becomes "Mrs. Weston"): a given name
            # the prose uses at all often is the cue that stays
            given = [f for f in self.forms if len(f.split()) == 1 and f != self.surname]
            if given:
                name = max(given, key=lambda f: (self.forms[f], f))
                if 3 * self.forms[name] >= self.forms[best]:
                    best = name
        return best.upper()

    @property
    def aliases(self) -> list[str]:
        return sorted(self.forms, key=lambda f: (-self.forms[f], f))

    def compatible(self, gender: str | None) -> bool:
        return gender is None or self.gender in (None, gender)


class Cast:
    """Characters and the map from each name form to its character."""

    def __init__(self):
        self.characters: list[Character] = []
        self.by_form: dict[str, Character] = {}
        self._regex: re.Pattern | None = None
        self._found: dict | None = None      # (see _index)

    def new(self, forms=(), role=None, narrator=False) -> Character:
        ch = Character(len(self.characters), role=role, narrator=narrator)
        self.characters.append(ch)
        for f in forms:
            self.add_form(ch, f)
        return ch

    def add_form(self, ch: Character, form: str, count: int = 0):
        form = norm(form)
        ch.forms[form] += count
        self.by_form[form] = ch
        titles, _ = split_title(form)
        g = title_gender(titles) or form_gender(form)
        if g:       # a title says more than any pronoun count
            ch.votes[g] += 5 + 3 * count
        self._regex = self._found = None

    def absorb(self, merged: dict[int, Character]):
        """Fold each character whose id is a key into the character it maps to."""
        for cid, into in merged.items():
            ch = self.characters[cid]
            into.forms.update(ch.forms)
            into.votes.update(ch.votes)
            into.titles |= ch.titles
            for f in ch.forms:
                self.by_form[f] = into
        self.characters = [c for c in self.characters if c.id not in merged]
        for i, c in enumerate(self.characters):
            c.id = i
        self._regex = self._found = None

    def lookup(self, form: str) -> Character | None:
        form = norm(form)
        ch = self.by_form.get(form)
        if ch is None:
            titles, words = split_title(form)
            if titles and len(words) > 1:
                ch = self.by_form.get(norm(" ".join(words)))
        return ch

    def narrator(self) -> Character:
        for ch in self.characters:
            if ch.narrator:
                return ch
        return self.new(narrator=True)

    @staticmethod
    def _form_regex(forms: list[str]) -> re.Pattern:
        parts = [re.escape(f).replace(r"\.", r"\.?").replace(r"\ ", r"\s+") for f in forms]
        return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])" if parts
                          else r"(?!x)x")

    @property
    def regex(self) -> re.Pattern:
        """Finds every known name form (longest first) in a text."""
        if self._regex is None:
            self._regex = self._form_regex(sorted(self.by_form, key=len, reverse=True))
        return self._regex

    def _index(self):
        """What mentions() runs on, made anew once the forms have changed: the forms grouped
        by first character (trying every form at every position made a long book's cast
        scan quadratic), and each text matched so far with its lookup()."""
        if self._found is None:
            by_initial: dict[str, list[str]] = {}
            for f in sorted(self.by_form, key=len, reverse=True):
                by_initial.setdefault(f[:1], []).append(f)
            self._by_initial = {c: self._form_regex(fs) for c, fs in by_initial.items()}
            initials = "".join(re.escape(c) for c in by_initial)
            # (an initial not after a letter, looked behind at once it is found)
            self._starts = re.compile(rf"[{initials}](?<!\w.)" if initials else r"(?!x)x")
            self._found = {}

    def name_spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every name mention in `text`."""
        return [(s, e) for s, e, _ch in self.mentions(text)]

    def mentions(self, text: str, base: int = 0):
        """(offset, character) of every name mention in `text`: what `regex.finditer` finds,
        trying at each possible start only the forms that begin with its character."""
        self._index()
        found, by_initial = self._found, self._by_initial
        end = 0
        for start in self._starts.finditer(text):
            i = start.start()
            if i < end:
                continue
            m = by_initial[text[i]].match(text, i)
            if m is None:
                continue
            end = m.end()
            name = m.group()
            ch = found[name] if name in found else found.setdefault(name, self.lookup(name))
            if ch is not None:
                yield base + m.start(), base + m.end(), ch


# --- discovery -------------------------------------------------------------------------------

_LOWER_WORD = re.compile(rf"\b[{_LOW}][{_LOW}'-]+\b")


def _chunks(text: str, size: int = 1 << 20):
    """`text` in pieces of about `size` characters, cut just before whitespace (where no word
    match can be split)."""
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        while end < len(text) and not text[end].isspace():
            end += 1
        yield text[start:end]
        start = end


def _name_words(text: str) -> set[str]:
    """Capitalised words the prose uses as names: seen capitalised inside a sentence and
    (almost) never in lower case."""
    cap_mid = Counter()
    # (the lookahead lets the regex engine skip straight to capitals)
    for m in re.finditer(rf"(?=[{_UP}](?<=[{_LOW},;] [{_UP}]))({_WORD})\b", text):
        cap_mid[m.group(1)] += 1
    lower = Counter()
    for chunk in _chunks(text):   # a whole book's word list at once is ~10x the book's size
        lower.update(_LOWER_WORD.findall(chunk))
    return {w for w, n in cap_mid.items()
            if w.lower() not in NOT_NAMES and lower[w.lower()] * 4 <= n}


def candidate_forms(text: str, name_words: set[str]) -> Counter:
    """Every name form in the text with its count: 'Mr. Darcy', 'Elizabeth Bennet', 'Lizzy'."""
    forms = Counter()
    seen: dict[tuple[str, str], str | None] = {}    # (title, name) matched -> its form
    for groups in map(re.Match.groups, NAME_RE.finditer(text)):
        form = seen.get(groups, "")
        if form == "":
            form = seen[groups] = _candidate_form(*groups, name_words)
        if form is not None:
            forms[form] += 1
    return forms


def _candidate_form(title: str, name: str, name_words: set[str]) -> str | None:
    """The form a NAME_RE match (its title and name) counts for, if any."""
    title, words = title or "", _glued_as_written(name.split())
    # keep the run of name words (a title may precede any capitalised word: "Mr. Knightley")
    kept = []
    for w in words:
        core = w.rsplit(None, 1)[-1]        # ("van der Luyden": its name word)
        if core in name_words or (title and not kept and core.lower() not in NOT_NAMES):
            kept.append(w)
        elif kept:
            break
        else:
            title = ""      # "Then Elizabeth": skip the leading word, and any title
    if kept and len(kept) < len(words) and words[0] not in kept:
        title = ""
    if kept and not title and kept[0][:1].islower():
        kept[0] = kept[0].rsplit(None, 1)[-1]   # "Old van der Pol": what a bare mention is
    return norm(title + " ".join(kept)) if kept else None


def _glued_as_written(words: list[str]) -> list[str]:
    """glue_particles() keeping the particles as written (the form is what the text says)."""
    glued = glue_particles(words)
    if glued is words:
        return words
    out, i = [], 0
    for g in glued:
        n = len(g.split())
        out.append(" ".join(words[i:i + n]))
        i += n
    return out


def _designations(text: str, designations: Counter, forms: Counter) -> Counter:
    """Capitalised descriptions that speak in tags ("the March Hare", "the Invisible Man") are
    what the prose calls those characters, though their words are no names: each becomes a
    name form, counted where "the" precedes it. A bare title ("the Colonel") is left to the
    character who carries it."""
    out = Counter()
    for form, n in designations.items():
        words = form.split()
        if form in forms or (len(words) == 1 and words[0].lower() in TITLE_GENDER):
            continue
        if len(words) == 1 and form.lower() in NOT_NAMES:
            continue                # "the English"
        out[form] = max(n, _the_count(text, words))
    return out


def _the_count(text: str, words: list[str]) -> int:
    r"""len(re.findall(r"\b[Tt]he\s+" + r"\s+".join(words) + r"\b", text)) (words escaped),
    looked for from the first word's occurrences: a search for "the" read the whole text
    once per designation, the better part of a 10 MB input's cast discovery."""
    rest = re.compile(r"\s+".join(map(re.escape, words)) + r"\b")
    count, end = 0, 0
    for m in re.finditer(re.escape(words[0]), text):
        at = before = m.start()
        while before > 0 and text[before - 1].isspace():       # (\s+ before the words)
            before -= 1
        start = before - 3
        if before == at or start < end or text[start:before] not in ("the", "The"):
            continue
        if not _word_start(text, start):
            continue                                            # (\b before "the")
        found = rest.match(text, at)
        if found is not None:
            count, end = count + 1, found.end()                 # (matches do not overlap)
    return count


# Calendar words that are given names too ("said May", "said Sunday").
_CALENDAR_NAMES = frozenset("april may june august sunday".split())
# Words a tag may take for its subject that never name anyone ("said the", "his").
_NOT_SUBJECTS = frozenset("the a an his her their its my our your this that".split())


def _tagged_words(tagged: Counter) -> set[str]:
    """A word that is also a common one ("Rose", "Hall", "May") is a name when speech tags
    make it their subject time and again."""
    return {f for f, n in tagged.items()
            if n >= 3 and " " not in f and f[:1].isupper() and f.lower() not in _NOT_SUBJECTS
            and (f.lower() not in NOT_NAMES or f.lower() in _CALENDAR_NAMES)}


# Titles of the famous dead as much as of characters ("a Queen Anne house", "St. Augustine").
_HISTORIC_TITLES = frozenset("king queen emperor empress prince princess saint st".split())


def _in_passing(form: str, forms: Counter) -> bool:
    """A royal or saint's name the prose writes once and no tag gives a line: a style, a
    place or a history lesson rather than a character."""
    return forms[form] < 2 and split_title(form)[0][0] in _HISTORIC_TITLES


def _is_role(form: str) -> bool:
    return form.lower() in ROLE_NAMES


def discover(text: str, evidence: Counter, designations: Counter | None = None,
             tagged: Counter | None = None) -> Cast:
    """The cast of `text`. `evidence` counts forms seen as speech-tag subjects or vocatives,
    `tagged` as tag subjects alone; `designations` the capitalised descriptions that speak
    ("said the Mock Turtle")."""
    name_words = _name_words(text) | _tagged_words(tagged or Counter())
    forms = candidate_forms(text, name_words)
    designated = _designations(text, designations or Counter(), forms)
    forms.update(designated)
    # evidence counts only for forms made of name words (not "Oh", "Yes", "But")
    evidence = Counter({f: n for f, n in evidence.items()
                        if all(w.rsplit(None, 1)[-1] in name_words for w in split_title(f)[1]) or _is_role(f)})
    for f, n in evidence.items():
        if n and f not in forms and not _is_role(f):
            forms[norm(f)] += n
    people = {f for f in forms
              if evidence.get(f) or (split_title(f)[0] and not _in_passing(f, forms))
              or (_is_role(f) and evidence.get(f))}
    # A bare name that also appears with a title or beside a speech verb is a person too.
    for f in list(forms):
        titles, words = split_title(f)
        if titles and len(words) >= 1 and (evidence.get(f) or not _in_passing(f, forms)):
            people.add(f)
    # The words of titled forms (what this loop adds has no title, so the set stays put).
    titled_words = {w for g in people if split_title(g)[0]
                    for w in (*g.split(), *split_title(g)[1])}      # (and "de Vries")
    for f in list(forms):
        if f in people:
            continue
        if (f in titled_words or " ".join(split_title(f)[1]) in titled_words) and forms[f] >= 2:
            people.add(f)
    # A full name joining a person's given name to a titled surname ("Emma Woodhouse" beside
    # "Emma" and "Miss Woodhouse") links the two, though it may never speak in a tag.
    given = {f for f in people if not split_title(f)[0] and len(f.split()) == 1}
    surnames = {split_title(g)[1][-1] for g in people if split_title(g)[0]}
    for f in list(forms):
        words = f.split()
        if f not in people and 2 <= len(words) <= 3 and words[0] in given \
                and (words[-1] in surnames or forms[f] >= _FULL_NAME_COUNT) \
                and not split_title(f)[0]:
            people.add(f)
    preceding = _preceding_words(text, {f for f in people if " " not in f})
    # (only speech tags excuse a place: a vocative may be an apostrophe, "Oh, England!")
    spoke = tagged or Counter()
    people = {f for f in people
              if spoke.get(f, 0) >= 2 or not _mostly_a_place(f, preceding, spoke.get(f, 0))}
    people = {f for f in people if not _names_no_one(f) and not _a_people_in_passing(f, text)}
    people -= _family_plurals(text, people, forms)
    people |= set(designated)
    cast = Cast()
    _cluster(cast, {f: forms[f] for f in people}, text)
    _join_apposed_descriptions(cast, text)
    return cast


# A full name written this often is a name, though no tag or title ever takes it ("Oliver
# Twist" beside "Oliver").
_FULL_NAME_COUNT = 3


def _join_apposed_descriptions(cast: Cast, text: str):
    """A capitalised description that the prose sets beside a titled name ("the Collector,
    Mr. Turton, with whom they had dined") is that person's other name: the two become one
    character, where every such pairing names the same person. (A title word, "the General,
    De Griers, and ...", is more often one of a list.)"""
    owners: dict[Character, set] = {}
    for m in _COMMA_CAPITAL.finditer(text):
        start = m.start()             # (the word before the comma, read backwards)
        while start and text[start - 1].isalpha():
            start -= 1
        word = text[start:m.start()]
        ch = cast.by_form.get(word)
        if ch is None or len(ch.forms) != 1 or ch.titles or word.lower() in TITLE_GENDER \
                or not _THE_BEFORE_WORD.search(text, max(0, start - 8), start):
            continue
        person = next(cast.mentions(text[m.end():m.end() + 60]), None)
        if person is None or person[0] != 0:
            continue
        _s, e, who = person
        rest = text[m.end() + e:m.end() + e + 40]
        if rest.startswith(",") and not re.match(r",[^.;:!?]*\b(?:and|or)\b", rest) \
                and split_title(text[m.end():m.end() + e])[0] and who is not ch:
            owners.setdefault(ch, set()).add(who)
    merged = {ch.id: next(iter(who)) for ch, who in owners.items()
              if len(who) == 1 and not given_names.genders(ch.forms)}
    if merged:
        cast.absorb(merged)


# ", " before a capital; "the " before a word
_COMMA_CAPITAL = re.compile(r",\s+(?=[A-Z])")
_THE_BEFORE_WORD = re.compile(r"\b[Tt]he\s+\Z")


# A capitalised word after a word and white space, sought from the white space: the regex
# engine skips ahead to white space (a pattern that starts with the word before tries every
# position of the text).
_AFTER_A_WORD = re.compile(rf"\s(?<=\w\s)\s*+({_WORD})\b")


def _preceding_words(text: str, wanted: set[str]) -> dict[str, Counter]:
    r"""For each word of `wanted`, the words before it (in lower case) counted where
    re.findall(rf"\b(\w+)\s+({_WORD})\b", text) pairs them: pairs do not overlap, so a
    capitalised word right after the last pair's is no pair's second word."""
    preceding: dict[str, Counter] = defaultdict(Counter)
    end = -1                    # where the last pair ends
    for m in _AFTER_A_WORD.finditer(text):
        at = m.start()
        if at == end:
            continue            # its word before is the last pair's capitalised word
        end, word = m.end(), m.group(1)
        if word in wanted:
            start = at          # (back over the word before: \w is alnum or _)
            while start and (text[start - 1].isalnum() or text[start - 1] == "_"):
                start -= 1
            preceding[word][text[start:at].lower()] += 1
    return preceding


# People are seldom "in", "at" or "to" a name as often as a third of the time; places are.
_PLACE_PREPOSITIONS = ("in", "at", "to", "from", "near", "into", "through", "within", "outside",
                       "towards", "round")


def _mostly_a_place(form: str, preceding: dict, tagged: int = 0) -> bool:
    """A bare name seen mostly after "in", "from", "near" ... is a place ("Highbury"); or,
    seen often, after those and "of" ("the mills of Coketown": "of" is said of people too,
    so it takes more, or a name often written that no speech tag ever takes for subject)."""
    if split_title(form)[0] or len(form.split()) > 1 or _is_role(form):
        return False
    before = preceding.get(form, Counter())
    total = sum(before.values())
    if total < 3:
        return False
    near = sum(before[w] for w in _PLACE_PREPOSITIONS)
    share = 0.35 if total >= 20 and not tagged else 0.55
    return near >= 0.35 * total or (total >= 8 and near + before["of"] >= share * total)


# Nouns that end the names of streets and squares ("Bond Street", "St. James Street"), and
# peoples named in the plural ("the Italians").
_STREET_NOUNS = frozenset("street square road terrace avenue crescent".split())
_PEOPLES = frozenset("""
    italian german american indian russian austrian belgian roman greek egyptian african
    european asian turk arab mohammedan hindu christian
""".split())


def _names_no_one(form: str) -> bool:
    """A street ("Harley Street", or "Street" alone, a word of "St. James Street") or a
    nation's people ("the Italians")."""
    last = form.split()[-1].lower()
    return last in _STREET_NOUNS or last[:-1] in _PEOPLES


# One of a people or a faith ("a Hindu", "the Englishman", "the Jew").
_PEOPLE_WORDS = _PEOPLES | frozenset("""
    englishman englishwoman frenchman frenchwoman scotsman scotchman irishman irishwoman
    welshman dutchman chinaman moslem muslim sikh parsee parsi jew jewess catholic protestant
    quaker methodist eurasian pole spaniard swede dane norwegian hungarian prussian yankee
""".split())


def _a_people_in_passing(form: str, text: str) -> bool:
    """A people's or a faith's word ("Hindu", "Englishman") is one person's moniker only
    where "the" mostly comes before it ("said the Jew", time and again); written mostly
    without it ("a Hindu", "Hindu, Christian, or Greek", "Hindu States") it describes anyone,
    and read as a name it takes the pronouns of whoever is about."""
    if " " in form or form.lower() not in _PEOPLE_WORDS:
        return False
    total = _occurrences(text, form)
    return 2 * _the_count(text, [form]) < total


_THE_BEFORE = re.compile(r"\b[Tt]he\s+(?:\w+\.?\s+)?\Z")


def _occurrences(text: str, word: str) -> int:
    r"""len(re.findall(rf"\b{word}\b", text)), the boundary before checked by hand: a pattern
    opening on \b is searched position by position, 50x slower on a 10 MB text."""
    return sum(1 for m in re.finditer(re.escape(word) + r"\b", text) if _word_start(text, m.start()))


def _family_plurals(text: str, people: set[str], forms: Counter) -> set[str]:
    """Forms ending in a surname in the plural that "the" mostly comes before ("the Smiths",
    "the Miss Joneses", "the young Smiths"): a family, who speak as one only by mistake."""
    surnames = {split_title(f)[1][-1] for f in forms}
    plural = {}
    for f in people:
        last = split_title(f)[1][-1]
        if last in plural or not last.endswith("s"):
            continue
        if last[:-1] in surnames or (last.endswith("es") and last[:-2] in surnames):
            # (each mention's few words before it looked at: a search for "the ..." through
            # the whole book took 15 ms a name)
            starts = [m.start() for m in re.finditer(rf"{last}\b", text)
                      if not text[m.start() - 1:m.start()].isalnum()]
            after_the = sum(1 for i in starts if _THE_BEFORE.search(text, max(0, i - 30), i))
            plural[last] = 2 * after_the >= len(starts)
    return {f for f in people if plural.get(split_title(f)[1][-1])}


def _cluster(cast: Cast, counts: dict[str, int], text: str = ""):
    """Group name forms into characters, full names first."""
    def key(f):
        titles, words = split_title(f)
        return (-len(words), -len(titles), -counts[f], f)

    clusters: list[dict] = []      # {first, last, gender, titled, char[, husband]}
    known = given_names.genders({split_title(f)[1][0] for f in counts})
    for form in sorted(counts, key=key):
        titles, words = split_title(form)
        # one spelling per title ("the Doctor" finds "Dr." and "Doctor"), the written ones kept
        written, titles = titles, canonical_titles(titles)
        husband = None
        if "mrs" in titles and len(words) >= 2:
            # "Mrs. Newland Archer": the first name is her husband's; where he is a character
            # of the story she is his wife, not the "Mrs. Archer" who is his mother
            if _named_husband(words, counts, known):
                husband = words[0]
            words = words[-1:]
        g = title_gender(titles) or form_gender(form)
        target = None
        if husband is not None:
            same = [c for c in clusters if c.get("husband") == husband and c["last"] == words[0]]
            if same:
                target = same[0]
            else:
                target = {"first": None, "last": words[0], "gender": "F", "titles": {"mrs"},
                          "husband": husband, "char": cast.new()}
                clusters.append(target)
        elif len(words) >= 2:
            first, last = words[0], words[-1]
            same = [c for c in clusters if c["first"] == first and c["last"] == last
                    and _gender_ok(c["gender"], g)]
            if same:
                target = same[0]
            else:
                target = {"first": first, "last": last, "gender": g,
                          "titles": set(titles) | set(written),
                          "char": cast.new()}
                clusters.append(target)
        elif titles:
            last = words[0]
            # "Mr. Darcy" joins the one male "Fitzwilliam Darcy"; "Miss Bennet" joins no one
            # when several women share the surname. "Mrs. X" stays apart from "Jane X" (a
            # married woman and a daughter share a surname) unless she was titled so.
            same = [c for c in clusters if c["last"] == last and _gender_ok(c["gender"], g)
                    and not c.get("husband")]
            if "mrs" in titles:
                same = [c for c in same if "mrs" in c["titles"] or c["first"] is None]
            if "miss" in titles:    # ("Miss de Bourgh" is not Lady Catherine de Bourgh)
                same = [c for c in same if not c["titles"] & {"mrs", "lady"}]
            if g == "M" and len(same) > 1:
                same = [c for c in same if c["gender"] == "M"] or same
            exact = [c for c in same if set(titles) & c["titles"] and c["first"] is None]
            full = [c for c in same if c["first"] is not None]
            if exact:
                target = exact[0]
            elif len(full) == 1 and not set(titles) & {"mrs", "lady"} \
                    and full[0]["gender"] == g and not _distinguished(full[0]["char"], titles) \
                    and 5 * sum(full[0]["char"].forms.values()) >= counts[form]:
                # "Mr. Churchill" is "Frank Churchill" unless the full name is rare beside
                # it ("John Knightley" is Mr. Knightley's brother); merge_titled() looks again
                # once pronouns have told the genders
                target = full[0]
            else:
                target = {"first": None, "last": last, "gender": g,
                          "titles": set(titles) | set(written),
                          "char": cast.new()}
                clusters.append(target)
            target["titles"] |= set(titles) | set(written)
            target["gender"] = target["gender"] or g
        else:
            w = words[0]
            by_first = [c for c in clusters if c["first"] == w]
            # ("the General" is not the "Madame General" his bride will be)
            by_last = [c for c in clusters if (c["last"] == w or _particled(c["last"], w))
                       and not c.get("husband")
                       and _gender_ok(c["gender"], g)]
            by_prefix = [c for c in clusters if c["first"] and len(w) >= 4
                         and c["first"] != w and c["first"].startswith(w)]
            if len(by_first) > 1:
                # "John" is John Andrew, not John Beaver whom the prose calls "Beaver", nor
                # Sir John Middleton, who is "Sir John"
                by_first = [c for c in by_first if not _goes_by_other_name(c, counts)] \
                    or by_first
            if len(by_first) > 1:
                by_first = _named_nearby(text, w, by_first, clusters) or by_first
            if len(by_first) > 1:
                # "Katharine" is Katharine Hilbery, named so fifty times, not the "Katharine
                # Rodney" she might become once
                by_size = sorted(by_first, key=lambda c: -sum(c["char"].forms.values()))
                first, second = (sum(c["char"].forms.values()) for c in by_size[:2])
                by_first = by_size[:1] if first >= 3 * second else by_first
            surnamed = [c for c in by_last if c["first"] is None and c["titles"]
                        and not c["titles"] <= _BEFORE_GIVEN_NAMES]
            if len(by_first) == 1 and len(surnamed) == 1 and \
                    sum(surnamed[0]["char"].forms.values()) > \
                    sum(n for f, n in by_first[0]["char"].forms.items() if w in f.split()):
                # "Fitzwilliam" is Colonel Fitzwilliam, named so thirty times, rather than
                # "Mr. Fitzwilliam Darcy", named so once
                target = surnamed[0]
            elif len(by_first) == 1:
                target = by_first[0]
            elif not by_first and by_last:
                # a bare surname names the man who bears it ("Darcy"), else the only bearer
                men = [c for c in by_last if c["gender"] == "M"]
                if len(men) > 1:    # "Knightley" is Mr. Knightley, not Mr. John Knightley
                    men = [c for c in men if c["first"] is None] or men
                if len(men) == 1:
                    target = men[0]
                elif len(by_last) == 1:
                    target = by_last[0]
            elif not by_first and len(by_prefix) == 1:
                target = by_prefix[0]
            elif not by_first and not by_last and w.lower() in TITLE_GENDER:
                # "the Colonel" is Colonel Brandon, the one character titled so
                title = canonical_titles([w.lower()])[0]
                titled = _chief_bearer([c for c in clusters if title in c["titles"]
                                        and _gender_ok(c["gender"], g)])
                # (not one the prose names by the title alone far more often: "the General"
                # of two hundred lines is not "General Perovski", named once)
                if len(titled) == 1 and counts[form] <= 3 * sum(titled[0]["char"].forms.values()):
                    target = titled[0]
            if target is None:
                target = {"first": w, "last": None, "gender": g, "titles": set(),
                          "char": cast.new()}
                clusters.append(target)
        cast.add_form(target["char"], form, counts[form])
        target["char"].surname = target["char"].surname or target["last"]
        target["char"].titles |= {t.rstrip(".").lower() for t in split_title(form)[0]}


# How far back a bare given name looks for the surname it goes with, and by how much one
# surname must lead the others there.
_NEARBY = 1500
_NEARBY_LEAD = 3


def _named_nearby(text: str, given: str, bearers: list[dict], clusters: list[dict]) -> list[dict]:
    """Of several full names with this given name ("Charles Hayter", "Charles Musgrove"), the
    one whose surname the text last wrote before the bare name ("... the Musgroves ...
    Charles"), where that is so at least three times as often as any other and five times at
    least: [that cluster], else []. A surname that is also someone's given name is no
    evidence."""
    surnames = {c["last"]: c for c in bearers
                if c["last"] and not any(o["first"] == c["last"] for o in clusters)}
    if len(surnames) < 2 or not text:
        return []
    votes = _surname_votes(text, given, list(surnames))
    ranked = votes.most_common(2) + [(None, 0), (None, 0)]
    (best, n), (_, runner_up) = ranked[0], ranked[1]
    return [surnames[best]] if n >= 5 and n >= _NEARBY_LEAD * runner_up else []


def _surname_votes(text: str, given: str, surnames: list[str]) -> Counter:
    """How often each surname is the last of them written before the bare given name (within
    _NEARBY characters; not "Charles Hayter", the full name)."""
    alternation = "|".join(map(re.escape, sorted(surnames, key=len, reverse=True)))
    # (one literal pattern per name, its word start checked after: a pattern opening on \b
    # or on an alternation is tried at every position of the text, 20x slower on a novel)
    found = sorted((m.start(), -len(name), name) for name in surnames
                   for m in re.finditer(re.escape(name) + r"\b", text) if _word_start(text, m.start()))
    marks, end = [], 0
    for at, _longest_first, name in found:
        if at >= end:       # ("Menzies" inside "Grant-Menzies" is no mark of its own)
            marks.append((at, name))
            end = at + len(name)
    starts = [p for p, _ in marks]
    votes = Counter()
    for m in re.finditer(rf"{re.escape(given)}\b(?!\s+(?:{alternation})\b)", text):
        if not _word_start(text, m.start()):
            continue
        i = bisect.bisect_left(starts, m.start()) - 1
        if i >= 0 and starts[i] >= m.start() - _NEARBY:
            votes[marks[i][1]] += 1
    return votes


def _chief_bearer(bearers: list[dict]) -> list[dict]:
    """Of several characters carrying one title, the one the prose names three times as often
    as all the others together ("Countess Olenska" and her given name two hundred times,
    "Countess Ellen" once): [that one]; else all of them."""
    if len(bearers) < 2:
        return bearers
    sizes = sorted(((sum(c["char"].forms.values()), i) for i, c in enumerate(bearers)), reverse=True)
    first, rest = sizes[0][0], sum(n for n, _ in sizes[1:])
    return [bearers[sizes[0][1]]] if first >= _CHIEF_LEAD * rest else bearers


# By how much the chief bearer of a title must lead the others together.
_CHIEF_LEAD = 3


def _word_start(text: str, at: int) -> bool:
    r"""Whether a word may start at `at` (what a leading \b tests)."""
    return at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_")


def _particled(last: str | None, word: str) -> bool:
    """A surname with particles ("van der Luyden") whose last word is `word`: the text writes
    "van der Luyden" without a title, where only "Luyden" is a name form."""
    return last is not None and " " in last and last.rsplit(None, 1)[-1] == word


def _named_husband(words: list[str], counts: dict[str, int], known: dict[str, str]) -> bool:
    """Whether "Mrs. <words>" names a wife by her husband's name ("Mrs. John Dashwood") and
    the husband is a man of the story ("John Dashwood"), not her own given name ("Mrs.
    Rachel Lynde")."""
    if len(words) != 2 or known.get(words[0]) == "F":
        return False
    full = " ".join(words)
    # (a man named once, "Mr. Manson Mingott", is no man of the story: his widow is the
    # "Mrs. Mingott" the prose names time and again)
    return counts.get(full, 0) + counts.get(f"Mr. {full}", 0) >= 2


def _goes_by_other_name(cluster: dict, counts: dict[str, int]) -> bool:
    """Whether a full name's bearer goes by a bare surname (among the forms `counts` holds)
    more than by the full name, or is a knight (whose given name goes with "Sir")."""
    forms = cluster["char"].forms
    surname = counts.get(cluster["last"], 0) if cluster["last"] else 0
    full = sum(n for f, n in forms.items() if len(split_title(f)[1]) >= 2)
    return surname > full or "sir" in cluster["titles"]


def could_be(ch: Character, gender: str) -> bool:
    """A character's given name says its gender where the list knows it ("May Welland" is
    no "Mr. Welland", however the pronouns near her name fell); else the pronouns do."""
    known = set(given_names.genders(_given_names(ch)).values())
    if len(known) == 1:
        return known == {gender}
    return _leans(ch, gender)


def _leans(ch: Character, gender: str) -> bool:
    """The character's gender, or where pronouns are mixed, the side they lean to."""
    if ch.gender is not None:
        return ch.gender == gender
    other = "F" if gender == "M" else "M"
    return ch.votes[gender] >= ch.votes[other]


def _distinguished(ch: Character, titles: list[str]) -> bool:
    """The prose writes this character's full name with the title ("Mr. John Knightley",
    "Miss Anne Elliot") time and again: the title and surname alone name someone else."""
    n = sum(k for f, k in ch.forms.items()
            if len(split_title(f)[1]) >= 2
            and set(canonical_titles(split_title(f)[0])) & set(titles))
    return n >= 3


def canonical_titles(titles: list[str]) -> list[str]:
    """One spelling per title: "Doctor Aziz" is "Dr. Aziz", "Monsieur Poirot" "Mr. Poirot"."""
    return [_SAME_TITLE.get(t, t) for t in titles]


# Spellings and translations of one honorific.
_SAME_TITLE = {"doctor": "dr", "mister": "mr", "reverend": "rev", "saint": "st",
               "monsieur": "mr", "signor": "mr", "herr": "mr",
               "madame": "mrs", "madam": "mrs", "mme": "mrs", "signora": "mrs", "frau": "mrs",
               "mademoiselle": "miss", "mlle": "miss", "signorina": "miss", "fraulein": "miss"}


# Titles written before a given name ("Sir William", "Lady Brenda", "Miss Eliza", "Aunt
# Josephine") rather than a surname.
_BEFORE_GIVEN_NAMES = frozenset("miss lady sir dame master aunt uncle cousin".split())


def _gender_ok(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def vote_gender(cast: Cast, text: str):
    """A name alone in its sentence is followed by its pronoun, in that sentence or as the
    subject of the next one ("Emma sat down. She ...")."""
    sentences = [m.group() for m in SENTENCE_RE.finditer(text)]
    for i, s in enumerate(sentences):
        found = list(islice(cast.mentions(s), 2))       # (two are enough to say no)
        if len(found) != 1:
            continue
        start, end, ch = found[0]
        # the same votes again where the name is the subject ("Brenda's maid ... He", "he
        # had not expected to find Brenda ... he" are about someone else)
        subject = not s.startswith(("'s", "\u2019s"), end) and not _NOT_SUBJECT.search(s, 0, start)
        pron = re.search(r"\b(he|his|himself|she|herself)\b", s[end:])
        if pron:
            g = "M" if pron.group(1) in MALE_PRONOUNS else "F"
            ch.votes[g] += 1
            if subject and not re.search(r"\bhim\b", s[end:end + pron.start()]):
                ch.subject_votes[g] += 1
        if i + 1 < len(sentences):
            nxt = re.match(r"\s*[\"\u201c]?\s*(He|She)\b", sentences[i + 1])
            if nxt:
                g = "M" if nxt.group(1) == "He" else "F"
                ch.votes[g] += 2
                if subject:
                    ch.subject_votes[g] += 2


# After "the <role>": the first he/his/she/herself of its sentence (quotes, sentence ends and
# other names stop the look), or the next sentence's opening He/She.
_ROLE_LOOK = re.compile(r"[.!?;\"\u201c\u201d]|\b(?:he|his|himself|she|herself)\b|\b[A-Z][a-z]")
_NEXT_HE_SHE = re.compile(r"\s+(He|She)\b")
_ROLE_LOOK_LIMIT = 60       # occurrences read, at most


def role_gender(text: str, role: str) -> str | None:
    """The sex the prose gives an unnamed role ("the driver", "the stranger") where a tag's
    noun does not say it: the pronouns that follow "the <role>" ("the stranger raised his
    hand", "said the conductor. He held out ..."), when they agree two to one or better."""
    votes = Counter()
    probe = "he " + role
    at = text.find(probe)
    seen = 0
    while at >= 0 and seen < _ROLE_LOOK_LIMIT:
        end = at + len(probe)
        if at > 0 and text[at - 1] in "tT" and (at < 2 or not text[at - 2].isalnum()) \
                and not (end < len(text) and (text[end].isalnum() or text[end] in "-'\u2019")):
            seen += 1
            stop = _ROLE_LOOK.search(text, end, end + 300)
            if stop is not None:
                word = stop.group()
                if word[0] in "hs":
                    votes["M" if word in MALE_PRONOUNS else "F"] += 1
                elif word in ".!?":
                    nxt = _NEXT_HE_SHE.match(text, stop.end())
                    if nxt:
                        votes["M" if nxt.group(1) == "He" else "F"] += 2
        at = text.find(probe, end)
    m, f = votes["M"], votes["F"]
    if m >= 2 and m >= 2 * f + 1:
        return "M"
    if f >= 2 and f >= 2 * m + 1:
        return "F"
    return None


# A pronoun or a preposition before a name: the name is not its sentence's subject.
_NOT_SUBJECT = re.compile(r"\b(?:he|she|He|She)\b|\b(?:to|with|of|for|by|at|from|about)\s+\Z")


def settle_undecided(cast: Cast):
    """A character whose pronouns split evenly (a name in many sentences about someone
    else) takes the gender of the sentences where the name is the subject."""
    for ch in cast.characters:
        if ch.gender is None and not title_gender(ch.titles):
            m, f = ch.subject_votes["M"], ch.subject_votes["F"]
            if m + f >= 4 and (m > 2 * f or f > 2 * m):
                ch.votes = Counter(ch.subject_votes)
        elif ch.gender is None and not ch.role:
            # "Mr. Edmund Bertram" once, "Edmund" four hundred times among a heroine's
            # pronouns: the title says what the pronouns could not
            said = _titles_say(ch)
            if said:
                other = "F" if said == "M" else "M"
                ch.votes[said] = max(ch.votes[said], 2 * ch.votes[other] + 1)


def _titles_say(ch: Character) -> str | None:
    """The one gender that all of a character's titles (and a form that is a title word on
    its own, "General") imply, if they agree."""
    said = {TITLE_GENDER.get(t) for t in ch.titles}
    said |= {TITLE_GENDER.get(f.lower()) for f in ch.forms if " " not in f}
    said.discard(None)
    return next(iter(said)) if len(said) == 1 else None


def merge_titled(cast: Cast):
    """A title and surname alone ("Miss Woodhouse", "Mr. Fielding") are the one character of
    that gender whose full name has the surname ("Emma Woodhouse", "Cyril Fielding"), now
    that pronouns have told the genders of given names; unless the prose keeps the two apart
    by writing the title with the full name ("Mr. John Knightley" is Mr. Knightley's
    brother). A married title ("Mrs.", "Lady") may have come with a marriage: left apart."""
    merged = {}
    with_surname: dict[str, list[Character]] = {}     # the characters of a full name ending so
    for c in cast.characters:
        for last in {words[-1] for words in (split_title(f)[1] for f in c.forms) if len(words) >= 2}:
            with_surname.setdefault(last, []).append(c)
    for ch in cast.characters:
        if ch.role or ch.narrator or not ch.forms or not ch.surname:
            continue
        if any(split_title(f)[1] != [ch.surname] for f in ch.forms):
            continue                        # it has a full name or a given name of its own
        if not any(split_title(f)[0] for f in ch.forms):
            continue
        titles = {t for f in ch.forms for t in canonical_titles(split_title(f)[0])}
        gender = title_gender(sorted(titles))
        if gender is None or titles & {"mrs", "lady"}:
            continue
        full = [c for c in with_surname.get(ch.surname, ()) if c is not ch and c.id not in merged
                and not c.role and could_be(c, gender)]
        if len(full) == 1 and not _distinguished(full[0], sorted(titles)) \
                and not ("miss" in titles and full[0].titles & {"mrs", "lady"}):
            # ("Miss de Bourgh" is not Lady Catherine de Bourgh)
            merged[ch.id] = full[0]
    if merged:
        cast.absorb(merged)


def disambiguate_given_names(cast: Cast):
    """A character whose cue would be a bare given name that another character's full name
    also starts with ("John" beside "Sir John Middleton") takes its own full name as cue
    ("JOHN DASHWOOD"), as a screenplay tells two Johns apart. ("Mrs. John Dashwood" is
    her husband's name.)"""
    firsts: dict[str, set] = {}
    for ch in cast.characters:
        if ch.role:
            continue
        for f in ch.forms:
            titles, words = split_title(f)
            if len(words) >= 2 and not set(canonical_titles(titles)) & {"mrs"}:
                firsts.setdefault(words[0], set()).add(ch.id)
    for ch in cast.characters:
        if ch.role or ch.cue_override or not ch.forms:
            continue
        cue = ch.cue
        if " " in cue or split_title(cue)[0]:
            continue
        given = next((f for f in ch.forms if f.upper() == cue), None)
        if given is None or not firsts.get(given, set()) - {ch.id}:
            continue
        full = [f for f in ch.forms if not split_title(f)[0] and len(split_title(f)[1]) >= 2
                and split_title(f)[1][0] == given]
        if full:
            ch.cue_override = max(full, key=lambda f: (ch.forms[f], f)).upper()


def given_name_gender(cast: Cast):
    """A given name's usual gender ("Edmund", "Brenda") decides where the pronouns leave it
    open, as they do when two characters share every scene; where the pronouns have decided,
    they stand (a "Rory" the story makes a woman)."""
    open_ = [ch for ch in cast.characters if not (ch.role or ch.narrator or not ch.forms
                                                   or ch.gender is not None)]
    given = {ch.id: _given_names(ch) for ch in open_}
    known = given_names.genders({w for names in given.values() for w in names})
    for ch in open_:
        votes = Counter()
        for w, n in given[ch.id].items():
            if w in known:
                votes[known[w]] += n
        if votes:
            g = votes.most_common(1)[0][0]
            ch.votes[g] += 2 + (ch.votes["M"] + ch.votes["F"]) // 3
            other = "F" if g == "M" else "M"
            if ch.gender is None and 2 * ch.subject_votes[g] >= 3 * ch.subject_votes[other]:
                # a heroine always beside her lover ("Rachael ... he"): the name and the
                # sentences about her as their subject agree, whatever the others say
                ch.votes[g] = max(ch.votes[g], 2 * ch.votes[other] + 1)
    for ch in cast.characters:
        if ch.role or ch.narrator or not ch.forms or ch.gender is None:
            continue
        said = set(given_names.genders(_given_names(ch)).values())
        if len(said) != 1 or said == {ch.gender}:
            continue
        # "Gilbert" whose name sits among the heroine's pronouns: the name is right unless
        # the sentences where it is the subject say otherwise four times and more ("Kit"): three
        # may be the man at her side ("Hester watched the door until he came")
        g, other = said.pop(), ch.gender
        if ch.subject_votes[other] < 4 or ch.subject_votes[g] >= ch.subject_votes[other]:
            ch.votes[g] = max(ch.votes[g], 2 * ch.votes[other] + 1)


def _given_names(ch: Character) -> Counter:
    """The given names a character goes by, with their mentions: "Edmund" of "Edmund" and
    "Edmund Bertram"; none when a title has told the gender."""
    out = Counter()
    for f, n in ch.forms.items():
        titles, words = split_title(f)
        if titles:
            if title_gender(canonical_titles(titles)):
                return Counter()
            continue
        if len(words) == 1 and words[0] == ch.surname:
            continue
        if len(words) == 1 or words[-1] == ch.surname:
            out[words[0]] += n + 1
    return out


# "Mr. Perry, the apothecary,"; "Mr. Lowe, a surgeon in the town," (an indefinite one with no
# word before its noun: "Lucy, a mortal maid," is a figure of speech)
# "Mr. Haq, the Inspector of Police,"; "Mr. Haq, a police inspector." (an indefinite one with a
# word before its noun binds only that pair: "the police inspector", never "the inspector")
_APPOSED_AFTER = re.compile(r",\s+(?:the\s+(?:[a-z][\w\-]*\s+){0,2}?([a-zA-Z][\w\-]*)"
                            r"(?:\s+of\s+[A-Z][a-z]+)?\s*[,.;:)]"
                            r"|an?\s+([a-z][\w\-]*)(?:\s*[,.;:)]|\s+(?:in|of|at|from|who)\b)"
                            r"|an?\s+([a-z][\w\-]*\s+[a-z][\w\-]*)\s*[,.;:])")
# (Searched from the literal "The", its sentence start checked after: 25x faster than a
# pattern opening on the full stop.)
_APPOSED_BEFORE = re.compile(r"The\s+(?:[a-z][\w\-]*\s+){0,2}?([a-z][\w\-]*),\s+")


def _opens_text_sentence(text: str, at: int) -> bool:
    """Whether `at` opens the text or a sentence: white space and [.!?] before it."""
    i = at
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return at == 0 or (i < at and text[i - 1] in ".!?")


def appositions(text: str, cast: Cast) -> dict[str, Character]:
    """Occupations the text gives a name in apposition: "Mr. Perry, the apothecary," makes "the
    apothecary" Mr. Perry; an occupation apposed to two characters names neither. (Not "the
    landlady, Mrs. Hall": that order is as often a list or someone called.)"""
    seen: dict[str, Counter] = defaultdict(Counter)
    for m in _APPOSED_AFTER.finditer(text):
        head = (m.group(1) or m.group(2) or m.group(3)).lower()
        if not is_occupation(head.split()[-1]):
            continue
        found = list(cast.mentions(text[max(0, m.start() - 40):m.start()]))
        if found and found[-1][1] == min(40, m.start()):
            seen[head][found[-1][2].id] += 1
    for m in _APPOSED_BEFORE.finditer(text):
        # "The proprietor, Mr. Turner, asked him": the subject of its sentence, not a list
        head = m.group(1)
        if not is_occupation(head) or not _opens_text_sentence(text, m.start()):
            continue
        found = next(iter(cast.mentions(text[m.end():m.end() + 40])), None)
        if found is not None and found[0] == 0 and text[m.end() + found[1]:m.end() + found[1] + 1] == ",":
            seen[head][found[2].id] += 1
    by_id = {c.id: c for c in cast.characters}
    return {head: by_id[next(iter(ids))] for head, ids in seen.items()
            if len(ids) == 1 and next(iter(ids)) in by_id}
