"""How well narration becomes screen action, measured on a hand-written gold set.

tests/data/action_gold.jsonl holds narration sentences from PDNC novels (past tense, first and
third person) and from the seed story (present tense), each with the rewrite a person wrote
by hand: present tense, third person (a first-person narrator by the name given in the row),
and whether the sentence is interiority. Conventions of the gold: simple past -> present, past
perfect -> present perfect ("had been waiting" -> "has been waiting"), "could" -> "can" except
before "have", "would"/"should"/"might" stay, the subjunctive "were" stays, present-tense prose
stays as it is.

Prints:
  exact       share of sentences rewritten exactly as the gold (target >= 0.90)
  verbs       share of the gold's finite verbs the rewrite gets right (target >= 0.97): the
              verbs the hand rewrite changed, plus every auxiliary/modal of the gold, each
              found at its place in the rewrite
  interiority precision and recall of is_interior() against the marked sentences (>= 0.8)
  tense/person of each novel as detected from its narration (past? first person?)

Usage: python -m benchmarks.action [--show N]   (N: how many misses to print)
"""
from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from adapt.action import is_first_person, is_interior, prose_is_past, rewrite  # noqa: E402
from adapt.verbs import verb_lemma  # noqa: E402

GOLD = ROOT / "tests" / "data" / "action_gold.jsonl"
AUXILIARIES = frozenset("""
    is are am was were has have had does do did can cannot could will would shall should may might
    must isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't can't couldn't
""".split())
_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?")


def load_gold(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def narration_of(novel: str) -> list[str]:
    """The narration of a gold row's story: the text outside its quotations."""
    if novel.startswith("seed:"):
        from adapt.readers.prose import read_prose

        text = (ROOT / "seeds" / (novel.split(":", 1)[1] + ".txt")).read_text(encoding="utf-8")
        return [s.text for p in read_prose(text).paragraphs() for s in p.spans if s.kind == "narration"]
    from benchmarks.corpus import load_novel

    text, quotes, _ = load_novel(novel)
    out, pos = [], 0
    for q in sorted(quotes, key=lambda q: q["start"]):
        out.append(text[pos:max(pos, q["start"] - 1)])
        pos = max(pos, q["end"] + 1)
    out.append(text[pos:])
    return out


def finite_verbs(source: str, expected: str) -> list[int]:
    """Positions (in the gold's words) of the finite verbs the score counts."""
    src, exp = _WORD.findall(source), _WORD.findall(expected)
    out = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, src, exp, autojunk=False).get_opcodes():
        for j in range(b1, b2):
            low = exp[j].lower()
            if low in AUXILIARIES or (op != "equal" and exp[j].islower() and verb_lemma(low)):
                out.append(j)
    return out


def verbs_right(expected: str, output: str, positions: list[int]) -> int:
    exp, out = _WORD.findall(expected), _WORD.findall(output)
    equal = set()
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, exp, out, autojunk=False).get_opcodes():
        if op == "equal":
            equal.update(range(a1, a2))
    return sum(1 for j in positions if j in equal)


def measure(rows: list[dict]) -> dict:
    novels = {}
    for novel in sorted({r["novel"] for r in rows}):
        narration = narration_of(novel)
        novels[novel] = (prose_is_past(narration), is_first_person(narration))
    exact = verbs = verbs_total = 0
    tp = fp = fn = 0
    misses = []
    for r in rows:
        past, _ = novels[r["novel"]]
        out = rewrite(r["source"], past, r.get("narrator"), r.get("narrator_gender"))
        if out == r["expected"]:
            exact += 1
        else:
            misses.append((r, out))
        positions = finite_verbs(r["source"], r["expected"])
        verbs_total += len(positions)
        verbs += verbs_right(r["expected"], out, positions)
        said = is_interior(r["source"], present_prose=not past)
        tp += said and r["interior"]
        fp += said and not r["interior"]
        fn += r["interior"] and not said
    return {
        "sentences": len(rows), "novels": novels, "exact": exact / len(rows),
        "verbs": verbs / verbs_total, "verbs_total": verbs_total,
        "precision": tp / (tp + fp) if tp + fp else 0.0, "recall": tp / (tp + fn) if tp + fn else 0.0,
        "interior_marked": tp + fn, "misses": misses,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", type=int, default=0, help="print this many misses")
    parser.add_argument("--gold", default=str(GOLD))
    args = parser.parse_args(argv)
    m = measure(load_gold(Path(args.gold)))
    print(f"gold: {m['sentences']} sentences from {len(m['novels'])} stories, "
          f"{m['interior_marked']} marked as interiority")
    for novel, (past, first) in m["novels"].items():
        print(f"  {novel:40s} past={past!s:5s} first_person={first}")
    print(f"exact rewrite:        {m['exact']:.3f}  (target >= 0.90)")
    print(f"finite verbs right:   {m['verbs']:.3f}  of {m['verbs_total']} (target >= 0.97)")
    print(f"interiority:          precision {m['precision']:.3f}  recall {m['recall']:.3f}  (targets >= 0.8)")
    for r, out in m["misses"][:args.show]:
        print(f"\n  source:   {' '.join(r['source'].split())}\n  expected: {r['expected']}\n  got:      {out}")


if __name__ == "__main__":
    main()
