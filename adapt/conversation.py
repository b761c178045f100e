"""Turn-taking over a whole conversation: the speakers of its quotations chosen together.

The sieve decides each quotation from left to right, so one wrong guess early in an untagged
exchange makes every later turn of it wrong too. Here each conversation is decoded as a whole
(Viterbi over speaker sequences, second order): a speaker sequence scores by

- turn-taking: a new paragraph is a new speaker, and a two-person exchange alternates
  (the speaker two turns back speaks again) unless the narration brings someone in;
- local evidence for each turn: an explicit tag fixes it; a pronoun tag rules out the other
  gender; a name opening the narration beside the quote, or the narration before or after it,
  speaks; a name the quote calls is not the speaker but probably the next one;
  the sieve's own left-to-right answer and who was mentioned lately count a little.

Candidates for a turn are the people of the exchange around it (speakers, names in the
narration, names called) - never more than a handful, so decoding stays linear in the
number of quotations.
"""
from __future__ import annotations

from collections import Counter

from .cast import Character
from .tags import PRONOUNS

# Turn-taking (log-odds-like weights, measured on the 22 annotated novels as a whole).
SAME_AS_PREVIOUS = -1.0        # the same person again in the next paragraph
SAME_CONTINUING = -0.5         # ... when the tag says so ("he added", "she went on")
OTHER_THAN_ALTERNATE = -2.5    # someone besides the two who just spoke
# Local evidence.
LEAD = 5.0                     # "Jess lends her his hand. "..."" - the quote's own paragraph
AFTER = 4.0                    # narration after the quote opens on the name
BEFORE = 1.5                   # the narration paragraph just before is about them
CALLED = 2.0                   # the previous quote called them by name
CALLS = -4.0                   # the quote calls them by name: someone else speaks
SIEVE = 0.5                    # the left-to-right sieve's answer
PRONOUN = 1.0                  # ... when it resolved a pronoun tag
NOUN_PHRASE = 3.0              # ... when it resolved a noun-phrase tag ("her sister said")
RECENT = 0.5                   # the most recently mentioned compatible character
WINDOW = 8                     # turns either side whose people are candidates
MAX_CANDIDATES = 5
FIXED = {"explicit"}


def decode(turns, narrated: set, tagged: set) -> None:
    """Re-decide the speakers of the turns the sieve did not fix, one conversation at a time.
    `narrated`/`tagged`: ids of characters named in the narration / tagged as speaking (a
    name only ever called in quotes is a nickname, not a person)."""
    start = 0
    for k in range(1, len(turns) + 1):
        if k == len(turns) or turns[k].conv != turns[start].conv:
            _decode_conversation(turns[start:k], narrated, tagged)
            start = k


def _person(ch, narrated, tagged) -> bool:
    return isinstance(ch, Character) and (ch.id in tagged or ch.id in narrated or bool(ch.role))


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
            for ch in set(turns[k - 1].vocatives):
                if _person(ch, narrated, tagged):
                    e[ch] += CALLED
        for ch in set(turn.vocatives):
            e[ch] += CALLS
        if turn.speaker is not None:
            e[turn.speaker] += NOUN_PHRASE if turn.how == "np" else \
                PRONOUN if turn.how == "pronoun" else SIEVE
        if turn.recent:
            e[turn.recent[0]] += RECENT
        out.append(e)
    return out


def _candidates(turns, evidence) -> list[list]:
    """Per turn: the handful of people who may say it."""
    people = []
    for k, turn in enumerate(turns):
        around = Counter()
        for j in range(max(0, k - WINDOW), min(len(turns), k + WINDOW + 1)):
            weight = 1.0 / (1 + abs(j - k))
            t = turns[j]
            if t.speaker is not None:
                around[t.speaker] += weight * (2 if t.how in FIXED else 1)
            for ch, score in evidence[j].items():
                if score > 0:
                    around[ch] += weight
        people.append(around)
    out = []
    for k, turn in enumerate(turns):
        if turn.how in FIXED and turn.speaker is not None:
            out.append([turn.speaker])
            continue
        if turn.continued and out:
            out.append(out[-1])         # the speech goes on: whoever said the quote before
            continue
        gender = _gender(turn)
        ranked = [ch for ch, _ in sorted(people[k].items(), key=lambda kv: (-kv[1], kv[0].id))
                  if ch.compatible(gender)]
        cands = ranked[:MAX_CANDIDATES]
        if turn.speaker is not None and turn.speaker not in cands:
            cands.append(turn.speaker)
        out.append(cands or [turn.speaker])
    return out


def _gender(turn):
    tag = turn.tag
    if tag is not None and turn.how == "pronoun":
        return PRONOUNS.get(tag.subject.lower())
    return None


def _decode_conversation(turns, narrated, tagged) -> None:
    if all(t.how in FIXED for t in turns):
        return
    evidence = _evidence(turns, narrated, tagged)
    cands = _candidates(turns, evidence)
    # layer: (speaker two back, previous speaker) -> (score, path)
    layer = {(None, None): (0.0, ())}
    for k, turn in enumerate(turns):
        continuing = turn.tag is not None and turn.tag.lemma in _CONTINUING
        new = {}
        for (a, b), (score, path) in layer.items():
            for c in cands[k]:
                if b is None:
                    t = 0.0
                elif turn.continued:
                    t = 0.0 if c is b else -8.0
                elif c is b:
                    t = SAME_CONTINUING if continuing else SAME_AS_PREVIOUS
                elif a is None or c is a:
                    t = 0.0
                else:
                    t = OTHER_THAN_ALTERNATE
                s = score + t + evidence[k].get(c, 0.0)
                key = (b, c)
                if key not in new or s > new[key][0]:
                    new[key] = (s, (path, c))
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
