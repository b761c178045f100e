"""Wrong attributions of one PDNC novel, for diagnosis: each quotation of the chosen type whose
cue is wrong, with the gold tag (referring expression), the gold speaker and aliases, our tag,
our cue, the sieve rule used and the cast cluster we chose.

Usage: python -m benchmarks.attribution_errors NOVEL [--type explicit] [--limit N] [--context]
"""
from __future__ import annotations

import bisect
import sys
from collections import Counter

from adapt.attribution import _name_narrator, _Sieve, _turns, discover_cast
from adapt.readers.prose import read_prose
from benchmarks.attribution import accepted_cues, norm, quotations
from benchmarks.corpus import load_novel


def run(story):
    cast = discover_cast(story)
    turns = _turns(story, cast)
    sieve = _Sieve(story, cast, turns)
    sieve.explicit()
    sieve.learn_descriptions()
    sieve.sweep()
    _name_narrator(story, cast, turns)
    return cast, turns


def main(argv: list[str]) -> None:
    kind = argv[argv.index("--type") + 1] if "--type" in argv else "explicit"
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else 10**9
    context = "--context" in argv
    folder = argv[0]
    text, spans, characters = load_novel(folder)
    story = read_prose(text)
    cast, turns = run(story)
    by_quote = {}
    for turn in turns:
        for q in turn.quotes:
            by_quote[q.start] = (q, turn)
    starts = sorted(by_quote)
    cues = accepted_cues(characters)
    aliases = {c["name"]: [c["name"], *c.get("aliases", [])] for c in characters}
    wrong = Counter()
    shown = 0
    for gold in quotations(spans):
        if gold["type"] != kind:
            continue
        start, end = gold["parts"][0]
        i = bisect.bisect_right(starts, end) - 1
        if i < 0:
            continue
        q, turn = by_quote[starts[i]]
        if q.end < start:
            continue
        cue = turn.speaker.cue if turn.speaker is not None else "VOICE"
        if norm(cue) in cues.get(gold["speaker"], set()):
            continue
        wrong[turn.how] += 1
        if shown >= limit:
            continue
        shown += 1
        mention = next((s.get("mention") for s in spans if s["start"] == start), None)
        tag = turn.tag
        ours = f"{tag.subject!r} {tag.verb}" if tag else "-"
        forms = dict(turn.speaker.forms.most_common(6)) if turn.speaker else {}
        print(f"@{start} gold={gold['speaker']!r} tag={mention!r} | ours={cue} via {turn.how}, "
              f"tag {ours} | gold aliases {aliases[gold['speaker']][:6]} | cluster {forms}")
        if context:
            print("    ", text[max(0, start - 150):end + 150].replace("\n", " "))
    print("wrong by rule:", dict(wrong.most_common()))


if __name__ == "__main__":
    main(sys.argv[1:])
