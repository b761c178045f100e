"""How well the discovered cast matches each novel's characters.json, weighted by quotations.

Usage: python -m benchmarks.cast [NOVEL ...] [--show=N] [--half=odd|even]

For every gold speaker (weighted by the quotations it speaks) the cast after attribution is
checked for:
  missing  no character of ours carries any of its names
  merged   our character for it also carries a name only another gold character has
  split    its names are spread over two or more of our characters
  cue      none of our characters for it has a cue the scoring accepts for it
  gender   our character's gender contradicts the gold gender (M/F only)
  nogender our character has no gender where the gold has M/F
A name form counts for a gold character when the attribution benchmark would accept it as its
cue (benchmarks.attribution.accepted_cues). "right" is the share of its quotations attributed
to it (as benchmarks.attribution_errors scores them). --show lists the worst speakers.
"""
from __future__ import annotations

import bisect
import sys
from collections import Counter, defaultdict

from adapt import attribution as attr
from benchmarks.attribution import accepted_cues, norm, quotations
from benchmarks.attribution_errors import run
from benchmarks.corpus import load_novel, novels

KINDS = ("missing", "merged", "split", "cue", "gender", "nogender")


def halves(names: list[str], half: str | None) -> list[str]:
    """Novels in alphabetical order; 'odd' the 1st, 3rd, ...; 'even' the 2nd, 4th, ..."""
    ordered = sorted(names)
    if half == "odd":
        return ordered[0::2]
    if half == "even":
        return ordered[1::2]
    return ordered


def measure(text: str, spans: list[dict], characters: list[dict]):
    story, cast, turns, _sieve = run(text)
    accepted = accepted_cues(characters)
    owners: dict[str, set] = defaultdict(set)        # normalised form -> gold names accepting it
    for name, forms in accepted.items():
        for f in forms:
            owners[f].add(name)
    gold_gender = {c["name"]: c.get("gender") for c in characters}
    by_quote = {q.start: t for t in turns for q in t.quotes}
    qstarts = sorted(by_quote)
    lines = Counter()
    right = Counter()
    for gold in quotations(spans):
        lines[gold["speaker"]] += 1
        start, end = gold["parts"][0]
        i = bisect.bisect_right(qstarts, end - 1) - 1
        if i < 0:
            continue
        turn = by_quote[qstarts[i]]
        cue = turn.speaker.cue if turn.speaker is not None else attr.UNKNOWN
        right[gold["speaker"]] += norm(cue) in accepted.get(gold["speaker"], set())
    # our characters carrying each gold character's names (only names unique to it)
    ours: dict[str, list] = defaultdict(list)
    claims: dict[int, set] = defaultdict(set)        # our character -> gold names it carries
    carried: dict[tuple, str] = {}                   # (our character, gold name) -> a form
    for ch in cast.characters:
        for f in [*ch.forms, ch.cue]:
            who = owners.get(norm(f), set())
            if len(who) == 1:
                g = next(iter(who))
                claims[ch.id].add(g)
                carried.setdefault((ch.id, g), f)
                if ch not in ours[g]:
                    ours[g].append(ch)
    counts = {k: 0 for k in KINDS}
    problems = []
    for g, n in lines.items():
        mine = ours.get(g, [])
        kinds = []
        if not mine:
            kinds.append("missing")
        else:
            best = [c for c in mine if norm(c.cue) in accepted[g]]
            main = max(best or mine, key=lambda c: sum(c.forms.values()))
            if claims[main.id] - {g}:
                kinds.append("merged")
            if len(mine) > 1:
                kinds.append("split")
            if not best:
                kinds.append("cue")
            want = gold_gender.get(g)
            if want in ("M", "F"):
                if main.gender is None:
                    kinds.append("nogender")
                elif main.gender != want:
                    kinds.append("gender")
        for k in kinds:
            counts[k] += n
        if kinds:
            problems.append((n - right[g], n, g, kinds,
                             [(c.cue, c.gender, {h: carried[c.id, h] for h in sorted(claims[c.id])}) for c in mine]))
    return counts, sum(lines.values()), sum(right.values()), problems


def main(argv: list[str]) -> None:
    opts = dict(a[2:].split("=", 1) for a in argv if a.startswith("--") and "=" in a)
    names = [a for a in argv if not a.startswith("--")] or halves(novels(), opts.get("half"))
    show = int(opts.get("show", 0))
    print(f"{'novel':30s} {'quotes':>6s} {'right':>6s} " + " ".join(f"{k:>8s}" for k in KINDS))
    total = Counter()
    for name in names:
        counts, n, ok, problems = measure(*load_novel(name))
        total.update(counts)
        total["quotes"] += n
        total["right"] += ok
        print(f"{name:30s} {n:6d} {ok / n:6.1%} " + " ".join(f"{counts[k]:8d}" for k in KINDS),
              flush=True)
        for wrong, lines, g, kinds, mine in sorted(problems, reverse=True)[:show]:
            print(f"    {g!r}: {lines} lines, {wrong} wrong, {kinds} ours={mine}")
    print(f"{'ALL':30s} {total['quotes']:6d} {total['right'] / max(1, total['quotes']):6.1%} "
          + " ".join(f"{total[k]:8d}" for k in KINDS))


if __name__ == "__main__":
    main(sys.argv[1:])
