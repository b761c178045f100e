"""Turn-taking over a whole conversation: the speakers of its quotations chosen together.

The sieve decides each quotation from left to right, so one wrong guess early in an untagged
exchange makes every later turn of it wrong too. Here each conversation is decoded as a whole
(Viterbi over speaker sequences, second order): a speaker sequence scores by

- turn-taking: a new paragraph is a new speaker, and a two-person exchange alternates
  (the speaker two turns back speaks again) unless the narration brings someone in;
- local evidence for each turn: an explicit tag fixes it, as does a bystander's one-off
  description ("said the waiter"), whose word does not break the exchange it interrupts;
  a pronoun tag rules out the other gender; a name opening the narration beside the quote,
  or the narration before or after it, speaks; a name the quote calls is not the speaker
  but probably the next one; a pronoun tag means whoever of that gender the narration
  since the last quote made most salient; the sieve's reading of a noun-phrase tag ("her
  mother said") counts;
- how the quote addresses someone ("No, papa", "My dear", "Miss Woodhouse"): whoever
  addresses people that way in the text's other lines, among the people of the exchange;
  a polite word of address ("Yes, sir", "madam") says the sex of the speaker it answers.

Candidates for a turn are the people of the exchange around it (speakers, names in the
narration, names called) - never more than a handful, so decoding stays linear in the
number of quotations.
"""
from __future__ import annotations

import re
from collections import Counter

from .cast import Character
from .tags import PRONOUNS

# Weights are log-odds-like scores, set on the 22 annotated novels as a whole (never per book).
# Turn-taking: (same person again, a third person) against the alternating one, by what lies
# between the quotes - from how often each happens in the annotated novels (log odds, about;
# a third person's share split over two).
TURNS = {"adjacent": (-3.9, -1.9), "trail": (-2.1, -1.5), "lead": (-0.7, -1.0),
         "between": (0.7, -0.9)}
SAME_CONTINUING = -0.5         # ... when the tag says so ("he added", "she went on")
# Local evidence.
LEAD = 5.0                     # "Jess lends her his hand. "..."" - the quote's own paragraph
AFTER = 4.0                    # narration after the quote opens on the name
BEFORE = 1.5                   # the narration paragraph just before is about them
CALLED = 2.0                   # the previous quote called them by name
STILL_ASKED = 0.5              # a question put to them by name a few turns back, unanswered
NAMES = -3.0                   # the quote names them ("you remember Rory")
CALLS = -4.0                   # the quote calls them by name: someone else speaks
SELF_NAMED = 4.0               # the quote names them as its speaker ("I am Rory")
NOUN_PHRASE = 2.0              # the sieve's reading of a noun-phrase tag ("her sister said")
LEAD_GENDER = -2.0             # someone not of the gender of the pronoun opening the narration
FOCUS = 1.5                    # the narration's focus of the pronoun's gender
LAST_OPENER = 2.0              # ... named to open the narration's last sentence, just before
FOCUS_GOES_ON = 3.0            # ... who spoke last, after narration about them: goes on
FADE = 0.7                     # how much a turn's people count one turn further on
MAX_CANDIDATES = 5
# Who is in the exchange: tagged speakers, the sieve's guesses, people in the narration.
CAND_TAGGED, CAND_GUESSED, CAND_NARRATED = 2.0, 1.0, 0.5
FIXED = {"explicit", "kin", "role", "described"}
ADDRESS = 4.0                  # the quote addresses someone the way this speaker's lines do
ADDRESS_MIN = 2                # ... a way of addressing used in this many other lines

# Words that address someone ("No, papa, nobody thought of it", "My dear, how am I to
# get so far?"): how a speaker addresses the others marks the speaker.
ADDRESS_WORDS = frozenset("""
    papa pa mamma mama mother father sir sirs madam ma'am mum dad daddy mommy mummy dear
    dearest love darling child children boy girl boys girls lad uncle aunt auntie cousin sister
    brother lord lady ladyship lordship honour honor monsieur madame mademoiselle miss friend
    fellow man gentlemen ladies sweetheart honey son daughter master mistress woman lass
""".split())
# Polite words of address that say the addressee's sex ("sir", "ma'am"): the line answers
# someone of that sex. (Kin words are not: "Daddy, look!" calls someone who has not spoken.)
ADDRESSEE = -1.0
ADDRESSED_GENDER = {
    **dict.fromkeys("sir sirs lord lordship monsieur master gentlemen".split(), "M"),
    **dict.fromkeys("madam ma'am lady ladyship madame mademoiselle miss mistress ladies".split(), "F"),
    # ... and the words that call an equal or a younger one by their sex ("my dear fellow")
    **dict.fromkeys("fellow man lad boy".split(), "M"),
    **dict.fromkeys("girl woman lass".split(), "F"),
}
# (a dash counts doubled only; the mark first lets the regex engine skip ahead to marks)
_STOPS = re.compile(r"[,;:!?.\u2014-](?:(?<=-)-|(?<!-))")     # [,;:!?.\u2014]|--
_BEFORE_ADDRESS = {"my", "dear", "oh", "o"}


def decode(turns, narrated: set, tagged: set) -> None:
    """Re-decide the speakers of the turns the sieve did not fix, one conversation at a time.
    `narrated`/`tagged`: ids of characters named in the narration / tagged as speaking (a
    name only ever called in quotes is a nickname, not a person)."""
    addressing = _addressing(turns)
    start = 0
    for k in range(1, len(turns) + 1):
        if k == len(turns) or turns[k].conv != turns[start].conv:
            _decode_conversation(turns[start:k], narrated, tagged, addressing)
            start = k


def _address_forms(turn) -> set:
    """How a turn's quotes address someone: the people they call, the words of address."""
    forms = {("called", ch.id) for ch in turn.vocatives if isinstance(ch, Character)}
    for q in turn.quotes:
        # set off by stops or commas: "No, papa, nobody...", "My dear, how..."
        for phrase in _STOPS.split(q.text):
            words = phrase.split(None, 3)       # (split no further than three words need)
            if not 0 < len(words) <= 3:
                continue
            words = [w.lower() for w in words]
            if all(w in _BEFORE_ADDRESS for w in words[:-1]):
                word = words[-1].strip("'\"_()")
                if word in ADDRESS_WORDS:
                    forms.add(word)
    return forms


def _addressing(turns) -> dict:
    """Form of address -> Counter of who uses it, by the sieve's reading of every line of
    the text: a daughter says "papa", her father "my dear", a friend "Miss Woodhouse"."""
    out: dict = {}
    for turn in turns:
        turn.address = _address_forms(turn)
        if turn.speaker is not None:
            for form in turn.address:
                out.setdefault(form, Counter())[turn.speaker] += 1
    return out


def _person(ch, narrated, tagged) -> bool:
    return isinstance(ch, Character) and (ch.id in tagged or ch.id in narrated or bool(ch.role))


def _address_evidence(turn, addressing) -> Counter:
    """Who addresses people the way this turn's quotes do, as the other lines of the text
    read (this line's own reading left out). It weighs between the people of the exchange
    but brings nobody into it: a servant's "sir" is not the butler's in another scene."""
    e = Counter()
    for form in turn.address:
        users = addressing.get(form)
        n = sum(users.values()) - (turn.speaker in users) if users else 0
        if n >= ADDRESS_MIN:
            for ch, m in users.items():
                m -= ch is turn.speaker
                if m > 0:
                    e[ch] += ADDRESS * m / n
    return e


def _evidence(turns, narrated, tagged) -> list[Counter]:
    """Per turn: character -> score from what the text around that one turn says."""
    out = []
    for k, turn in enumerate(turns):
        e = Counter()
        for ch in turn.lead[:1]:
            if isinstance(ch, Character):
                e[ch] += LEAD
        for ch in turn.after[:1]:
            if isinstance(ch, Character):
                e[ch] += AFTER
        for ch in turn.before:
            if isinstance(ch, Character):
                e[ch] += BEFORE
        if k > 0:
            deed = answered_by_deed(turn, turns[k - 1])
            for ch in set(turns[k - 1].vocatives):
                if _person(ch, narrated, tagged) and (deed is None or ch is not deed[0]):
                    e[ch] += CALLED
        for ch in _still_asked(turns, k, narrated, tagged):
            e[ch] += STILL_ASKED
        for ch in turn.carried_off:
            # the child carried off by the one who spoke before is gone, and the narration
            # that carries them off speaks of them as the one who spoke before that
            e[ch] += CALLS
            if k > 1:
                out[k - 2][ch] += AFTER
        for ch in turn.turned_to:
            e[ch] += CALLED         # the one the speaker before turned to answers
        for ch in set(turn.vocatives):
            e[ch] += CALLS
        for ch in set(turn.named) - set(turn.vocatives):
            e[ch] += NAMES
        for ch in set(turn.self_named):
            if _person(ch, narrated, tagged):       # (not a name one only dreams of being)
                e[ch] += SELF_NAMED
        if turn.speaker is not None and turn.how == "np":
            e[turn.speaker] += NOUN_PHRASE
        gender = _gender(turn) or _lead_gender(turn)
        if gender is not None:
            # "Fanny thanked him. / 'I am serious,' he replied": the man the narration
            # just spoke of, even when he spoke last
            focus = _focus(turn, lead=True)
            if focus is not None:
                e[focus] += FOCUS
                if focus in turn.opened_on and _gender(turn) is not None:
                    # "Mrs. Bennet was mindful of her civility. / '...,' she added": the
                    # name opening the last sentence is whom the pronoun tag means
                    e[focus] += LAST_OPENER
        out.append(e)
    return out


def answered_by_deed(turn, prev):
    """'"Time for bed, Nell." / Nell walks over to Clara and tugs at her sleeve. Clara
    crouches down. / "Hello, you."': the one called answers by deed in the paragraph of
    narration between (its first sentence opens on them), and the one its last sentence
    opens on speaks next. (the one called, the next speaker), or None."""
    if prev is None or prev.conv != turn.conv or not turn.between or len(turn.before) < 2:
        return None
    last, first = turn.before[0], turn.before[1]
    if isinstance(last, Character) and first in prev.vocatives and last not in prev.vocatives \
            and last is not prev.speaker:
        return first, last
    return None


def _still_asked(turns, k, narrated, tagged) -> set:
    """People a question two or three turns back called by name ("Where are your shoes, Nell?")
    who have not spoken since (by the sieve's reading), while the others talked about them
    ("You call her Nell?"): they still owe the answer."""
    out = set()
    for j in (k - 2, k - 3):
        if j < 0:
            break
        if any("?" in q.text for q in turns[j].quotes):
            out |= {v for v in turns[j].vocatives if v is not turns[j].speaker
                    and _person(v, narrated, tagged)
                    and all(t.speaker is not v for t in turns[j + 1:k])
                    and any(v in t.named and v not in t.vocatives for t in turns[j + 1:k])}
    return out


def _candidates(turns, evidence) -> list[list]:
    """Per turn: the handful of people who may say it."""
    own = []
    for t, e in zip(turns, evidence):
        mine = {}
        if t.speaker is not None:
            mine[t.speaker] = CAND_TAGGED if t.how in FIXED else CAND_GUESSED
        for ch in t.focus:
            mine[ch] = mine.get(ch, 0.0) + CAND_NARRATED
        for ch, score in e.items():
            if score > 0:
                mine[ch] = mine.get(ch, 0.0) + 1.0
        own.append(mine)
    # each turn's people, fading with distance in turns, summed forwards and backwards
    people = [dict(m) for m in own]
    for order in (range(1, len(turns)), range(len(turns) - 2, -1, -1)):
        carry: dict = {}
        for k in order:
            j = k - 1 if order.step == 1 else k + 1
            carry = {ch: v * FADE for ch, v in carry.items() if v * FADE > 0.05}
            if turns[j].how == "role":
                continue            # a bystander's one word brings nobody into the next turns
            for ch, v in own[j].items():
                carry[ch] = carry.get(ch, 0.0) + v * FADE
            for ch, v in carry.items():
                people[k][ch] = people[k].get(ch, 0.0) + v
    out = []
    for k, turn in enumerate(turns):
        if turn.how in FIXED and turn.speaker is not None:
            out.append([turn.speaker])
            continue
        if turn.continued and out:
            out.append(out[-1])         # the speech goes on: whoever said the quote before
            continue
        # of the sex of a pronoun tag, or of a description's ("said the old lady"), whose
        # focus counts for nothing: a description is seldom who the narration was about
        gender = _gender(turn) or (turn.tag_gender if turn.how == "np" else None)
        # (and never the first-person narrator for "he said": the narrator's tag is "I said")
        third = _gender(turn) is not None
        ranked = [ch for ch, _ in sorted(people[k].items(), key=lambda kv: (-kv[1], kv[0].id))
                  if ch.compatible(gender) and not (third and ch.narrator)]
        cands = ranked[:MAX_CANDIDATES]
        if turn.speaker is not None and turn.speaker not in cands:
            cands.append(turn.speaker)
        out.append(cands or [turn.speaker])
    return out


def _transition(turn, prev) -> tuple[float, float]:
    """(same speaker as the previous turn, someone besides the last two) against the
    alternating speaker, by what separates the two quotes: nothing; narration ending the
    previous paragraph; narration opening this one; a paragraph of narration between."""
    same, other = _gap_transition(turn, prev)
    if prev is not None and prev.aside:
        # words to oneself ("'Insolent girl!' said Elizabeth to herself") take no turn in
        # the exchange: the same person may well speak aloud next
        same = max(same, 0.0)
    return same, other


def _gap_transition(turn, prev) -> tuple[float, float]:
    return TURNS[_gap(turn, prev)]


def _gap(turn, prev) -> str:
    if turn.between:
        return "between"
    if turn.paragraph.spans[0].kind == "narration":
        return "lead"
    if prev is not None and prev.paragraph is not turn.paragraph \
            and prev.paragraph.spans[-1].kind == "narration":
        if turn.tag is not None and turn.tag.start < turn.paragraph.start:
            # "... After some minutes, however, he began with,\n\n"I shall ...": the
            # narration ending the paragraph before leads into this quote, as if between
            return "between"
        return "trail"
    return "adjacent"


def _goes_on(turn, prev) -> bool:
    """Whether the focus of a pronoun tag is the previous speaker after narration that was
    about them: the previous paragraph's own narration ('"Only eight!" He sprang up.\n\n
    "Then we have time," he said'), or this paragraph's after a tagged line."""
    gap = _gap(turn, prev)
    return gap == "trail" or (gap == "lead" and prev.how in FIXED)


_LEAD_GENDER = {"he": "M", "she": "F"}


def _lead_gender(turn):
    """"She only attempted to say, "..."": an untagged quote whose narration opens on a
    pronoun is probably spoken by someone of that gender; so is one whose narration right
    after it opens on one ('"Oh--last Sunday." He started into the present.')."""
    if turn.tag is not None:
        return None
    if turn.lead:
        return _LEAD_GENDER.get(turn.lead[0]) if isinstance(turn.lead[0], str) else None
    if turn.after and isinstance(turn.after[0], str):
        return _LEAD_GENDER.get(turn.after[0])
    return None


def _addressee_gender(turn):
    """The sex of whom the turn addresses by a word like "sir" or "ma'am", if one only."""
    found = {ADDRESSED_GENDER[f] for f in turn.address if isinstance(f, str) and f in ADDRESSED_GENDER}
    return found.pop() if len(found) == 1 else None


def _gender(turn):
    tag = turn.tag
    if tag is not None and turn.how == "pronoun":
        return PRONOUNS.get(tag.subject.lower())
    return None


def _focus(turn, lead=False):
    """Whoever of the gender of the turn's pronoun tag the narration since the last quote
    made most salient; with `lead`, else of the gender of the pronoun opening its narration."""
    gender = _gender(turn)
    people = turn.focus_tag
    if gender is None and lead:
        gender, people = _lead_gender(turn), turn.focus
    return next((ch for ch in people if ch.gender == gender), None) if gender else None


def _decode_conversation(turns, narrated, tagged, addressing) -> None:
    if all(t.how in FIXED for t in turns):
        return
    evidence = _evidence(turns, narrated, tagged)
    cands = _candidates(turns, evidence)
    for turn, e in zip(turns, evidence):
        e.update(_address_evidence(turn, addressing))
    soft = [_lead_gender(t) or (turns[k - 1].looks_at if k and turns[k - 1].paragraph
                                is not t.paragraph and t.tag is None else None)
            for k, t in enumerate(turns)]
    focus = [_focus(t) for t in turns]
    addressed = [_addressee_gender(t) for t in turns]
    # layer: (speaker two back, previous speaker) -> (score, path as nested pairs)
    layer = {(None, None): (0.0, ())}
    for k, turn in enumerate(turns):
        continuing = turn.tag is not None and turn.tag.lemma in _CONTINUING
        same, other = _transition(turn, turns[k - 1] if k else None)
        if continuing:
            same = max(same, SAME_CONTINUING)
        # (a hair's preference for the more prominent candidate settles exact ties)
        emit = {c: evidence[k].get(c, 0.0) - 0.001 * rank
                + (LEAD_GENDER if soft[k] is not None and c.gender not in (None, soft[k]) else 0.0)
                for rank, c in enumerate(cands[k])}
        # the best way to reach each previous speaker b, whoever spoke before b; the
        # alternating step (c spoke two turns back) is looked up on its own
        best: dict = {}
        for (a, b), value in layer.items():
            if b not in best or value[0] > best[b][0]:
                best[b] = value
        new = {}
        here, continued, to_whom = cands[k], turn.continued, addressed[k]
        for b, (score, path) in best.items():
            # (what depends on b alone, once for all c)
            after_none = layer.get((None, b)) if b is not None else None
            # "Yes, sir": the line answers a man; "Nonsense, ma'am" is answered by a woman
            answers_other = b is not None and to_whom is not None \
                and b.gender not in (None, to_whom)
            for c in here:
                if b is None:
                    s, p = score, path
                elif continued:
                    s, p = score + (0.0 if c is b else -8.0), path
                elif c is b:
                    s, p = score + same, path
                    if c is focus[k] and _goes_on(turn, turns[k - 1]):
                        s += FOCUS_GOES_ON      # the narration's focus is who spoke last
                else:
                    s, p = score + other, path
                    for alt in (layer.get((c, b)), after_none):
                        if alt is not None and alt[0] >= s:
                            s, p = alt
                    if answers_other:
                        s += ADDRESSEE
                s += emit[c]
                key = (b, c)
                if k > 1 and turns[k - 1].how == "role" and p and p[0] and p[0][1] is c:
                    # the one speaking before a bystander's word speaks again: the exchange
                    # resumes, and whoever spoke before them is the next one's alternate
                    key = (p[0][0][1] if p[0][0] else None, c)
                if key not in new or s > new[key][0]:
                    new[key] = (s, (p, c))
        layer = new
    _score, path = max(layer.values(), key=lambda v: v[0])
    speakers = []
    while path:
        path, c = path
        speakers.append(c)
    speakers.reverse()
    for turn, ch in zip(turns, speakers):
        if turn.how not in FIXED and ch is not None and ch is not turn.speaker:
            turn.speaker, turn.how = ch, "conversation"


_CONTINUING = {"add", "continue", "resume", "pursue", "proceed", "persist", "go"}
