"""Where attribution goes wrong: the wrong anaphoric / implicit quotations of a novel, with
the narration before them, the tag, the gold speaker, ours, the sieve rule that chose it and
the characters on stage; and a count of errors per (quote type, sieve rule).

Usage: python -m benchmarks.attribution_errors NOVEL [NOVEL ...] | all | --seed
       [--type=anaphoric|implicit|explicit] [--rule=RULE] [--show=N] [--decoder]
--decoder adds what the conversation decoder did to the sieve's readings, per (quote type,
sieve rule): how many it changed, and of those how many it fixed, broke, or left wrong.
A development aid: it scores the turns attribute() decides (no screenplay build), so its
figures are close to, not the same as, benchmarks.attribution's.
"""
from __future__ import annotations

import bisect
import re
import sys
from collections import Counter

from adapt import attribution as attr
from adapt.readers.prose import read_prose
from benchmarks.attribution import accepted_cues, load_seed, norm, quotations
from benchmarks.corpus import load_novel, novels


def sieve_steps(text: str):
    """The sieve's steps as attribute() runs them, before the conversation decoder."""
    story = read_prose(text)
    return (story, *attr.sieve_turns(story))


def run(text: str, readings: list | None = None):
    """Every step as attribute() runs them, keeping the turns and the sieve; `readings` gets
    each turn's (speaker, rule) as the sieve read it, before the decoder."""
    story, cast, turns, sieve = sieve_steps(text)
    if readings is not None:
        readings.extend((t.speaker, t.how) for t in turns)
    attr.decide(story, cast, turns, sieve)
    return story, cast, turns, sieve


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    opts = dict(a[2:].split("=", 1) for a in argv if a.startswith("--") and "=" in a)
    errors = Counter()
    totals = Counter()
    decoded = Counter() if "--decoder" in argv else None
    if "--seed" in argv:
        report(*load_seed(), opts, errors, totals, decoded)
    for name in (novels() if args == ["all"] else args):
        report(*load_novel(name), opts, errors, totals, decoded)
    if decoded is not None:
        print("\ndecoder against the sieve (type, sieve rule): changed, fixed, broke, both wrong")
        for key in sorted({k[:2] for k in decoded}, key=lambda k: -decoded[k + ("changed",)]):
            print(f"  {str(key[0]):10s} {key[1]:18s} " + "  ".join(
                f"{decoded[key + (what,)]:5d}" for what in ("changed", "fixed", "broke", "both")))
    print("\n(type, rule): wrong / total")
    for key, n in sorted(totals.items(), key=lambda kv: -errors[kv[0]]):
        print(f"  {str(key[0]):10s} {key[1]:18s} {errors[key]:5d} / {n:5d}")
    for t in ("explicit", "anaphoric", "implicit"):
        n = sum(v for (a, _), v in totals.items() if a == t)
        e = sum(v for (a, _), v in errors.items() if a == t)
        if n:
            print(f"{t:10s} {1 - e / n:.2%} of {n}")


def _right(cue: str, gold: dict, cues: dict) -> bool:
    return norm(cue) in cues.get(gold["speaker"], set()) or \
        norm(cue) in {norm(a) for a in gold["also"]}


def report(text, spans, characters, opts, errors, totals, decoded=None):
    readings: list = []
    story, cast, turns, sieve = run(text, readings)
    by_quote = {}
    for k, t in enumerate(turns):
        for q in t.quotes:
            by_quote[q.start] = (k, q)
    qstarts = sorted(by_quote)
    cues = accepted_cues(characters)
    shown = 0
    want_type = opts.get("type")
    want_rule = opts.get("rule")
    limit = int(opts.get("show", 40))
    for gold in quotations(spans):
        start, end = gold["parts"][0]
        i = bisect.bisect_right(qstarts, end - 1) - 1
        if i < 0 or by_quote[qstarts[i]][1].end <= start:
            continue
        k, q = by_quote[qstarts[i]]
        turn = turns[k]
        cue = turn.speaker.cue if turn.speaker is not None else attr.UNKNOWN
        ok = _right(cue, gold, cues)
        read, rule = readings[k]
        if decoded is not None and read is not turn.speaker:
            key = (gold["type"], rule)
            was = read is not None and _right(read.cue, gold, cues)
            decoded[key + ("changed",)] += 1
            decoded[key + ("fixed" if ok and not was else "broke" if was and not ok
                           else "both" if not ok else "same",)] += 1
        key = (gold["type"], turn.how)
        totals[key] += 1
        if ok:
            continue
        errors[key] += 1
        if (want_type and gold["type"] != want_type) or (want_rule and turn.how != want_rule):
            continue
        if shown >= limit:
            continue
        shown += 1
        para_start = turn.paragraph.start
        context = re.sub(r"\s*\n\s*\n\s*", " \u00b6 ", text[max(0, para_start - 400):q.start]).replace("\n", " ")
        after = text[q.end:q.end + 120].replace("\n", " ")
        tag = turn.tag
        print(f"--- [{gold['type']}/{turn.how}] turn {k} conv {turn.conv} gold={gold['speaker']} "
              f"ours={cue} tag={tag.subject + ' ' + tag.verb if tag else None}")
        print(f"    prev speakers: "
              f"{[(turns[j].speaker.cue if turns[j].speaker else None) for j in range(max(0, k - 4), k) if turns[j].conv == turn.conv]}"
              f" next: {[(turns[j].speaker.cue if turns[j].speaker else None, turns[j].how) for j in range(k + 1, min(len(turns), k + 3)) if turns[j].conv == turn.conv]}")
        print(f"    lead={turn.lead} before={[getattr(x, 'cue', x) for x in turn.before]} "
              f"after={[getattr(x, 'cue', x) for x in turn.after]} voc={[v.cue for v in turn.vocatives]}")
        print(f"    ...{context[-400:]}")
        print(f"    >>> {q.text[:160]!r} {after[:120]}")


if __name__ == "__main__":
    main(sys.argv[1:])
