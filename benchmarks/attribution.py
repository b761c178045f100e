"""Speaker attribution: the share of quotations whose dialogue carries the right cue.

Usage: python -m benchmarks.attribution [--seed-only] [NOVEL ...]   (default: the 22 PDNC novels
and the seed story)

Scoring rule (issue #3): a quotation counts right when the dialogue element overlapping it most
has a cue that matches the speaker's name or one of its aliases in characters.json, case and
full stops ignored; an alias without its honorific ("POIROT" for "Monsieur Poirot") counts when
no other character shares it. Quote recall is the share of quotations overlapped by any
dialogue element. Figures are per quotation (the parts of an interrupted quote count once).
"""
from __future__ import annotations

import bisect
import json
import re
import sys
import time
from collections import defaultdict

from adapt.pipeline import adapt_prose
from benchmarks.corpus import ROOT, load_novel, novels

TYPES = ("explicit", "anaphoric", "implicit")
SEED_GOLD = ROOT / "tests" / "data" / "seed_speakers.json"
HONORIFICS = {"mr", "mrs", "ms", "miss", "master", "mme", "mlle", "madame", "madam", "mademoiselle",
              "monsieur", "dr", "doctor", "lady", "lord", "sir", "dame", "colonel", "captain",
              "major", "general", "lieutenant", "sergeant", "professor", "rev", "reverend",
              "father", "mother", "aunt", "uncle", "cousin", "signor", "signora", "herr", "frau",
              "my", "dear", "the", "m", "mlle", "mme", "messrs"}


def norm(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace(".", " ")).strip().upper()


def accepted_cues(characters: list[dict]) -> dict[str, set[str]]:
    """Character name -> the normalised cues that count as right for it."""
    full = {c["name"]: {norm(a) for a in [c["name"], *c.get("aliases", [])]} for c in characters}
    bare: dict[str, set[str]] = defaultdict(set)
    for name, forms in full.items():
        for form in forms:
            words = form.split()
            while len(words) > 1 and words[0].lower() in HONORIFICS:
                words = words[1:]
                bare[" ".join(words)].add(name)
    out = {name: set(forms) for name, forms in full.items()}
    for form, owners in bare.items():
        others = [n for n, forms in full.items() if form in forms and n not in owners]
        if len(owners) == 1 and not others:
            out[next(iter(owners))].add(form)
    return out


def cue_spans(text: str) -> list[tuple[int, int, str]]:
    doc = adapt_prose(text)
    return sorted((e.source[0], e.source[1], e.character or "") for e in doc.elements
                  if e.type == "dialogue" and e.source)


def quotations(spans: list[dict]) -> list[dict]:
    """Quote parts grouped into quotations: {speaker, type, parts: [(start, end)], also}."""
    grouped: dict[str, dict] = {}
    for q in spans:
        key = str(q.get("quote_id", q["id"].split(".")[0]))
        entry = grouped.setdefault(key, {"speaker": q["speaker"], "type": q.get("type"),
                                         "parts": [], "also": q.get("also", [])})
        entry["parts"].append((q["start"], q["end"]))
    return list(grouped.values())


def best_cue(elements: list[tuple[int, int, str]], starts: list[int], parts) -> str | None:
    overlap: dict[str, int] = defaultdict(int)
    for start, end in parts:
        i = bisect.bisect_right(starts, end - 1) - 1
        while i >= 0 and elements[i][1] > start - 20000:
            s, e, cue = elements[i]
            if e > start and s < end:
                # the same cue over several elements: keyed by element, compared per element
                overlap[(s, cue)] += min(e, end) - max(s, start)
            i -= 1
    if not overlap:
        return None
    return max(overlap.items(), key=lambda kv: (kv[1], -kv[0][0]))[0][1]


def score(text: str, spans: list[dict], characters: list[dict]) -> dict:
    """Counts per type: {type: [right, total]}, plus 'found' (quote recall)."""
    cues = accepted_cues(characters)
    elements = cue_spans(text)
    starts = [s for s, _, _ in elements]
    counts = {t: [0, 0] for t in (*TYPES, "all")}
    found = 0
    for q in quotations(spans):
        cue = best_cue(elements, starts, q["parts"])
        ok = cue is not None and (norm(cue) in cues.get(q["speaker"], set())
                                  or norm(cue) in {norm(a) for a in q["also"]})
        found += cue is not None
        for t in {q["type"] or "all", "all"}:
            if t in counts:
                counts[t][0] += ok
                counts[t][1] += 1
    counts["found"] = [found, counts["all"][1]]
    return counts


def load_seed() -> tuple[str, list[dict], list[dict]]:
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    text = (ROOT / gold["source"]).read_text(encoding="utf-8")
    return text, gold["quotes"], gold["characters"]


def _pct(pair) -> str:
    right, total = pair
    return f"{right / total:7.2%}" if total else "      -"


def _row(name: str, counts: dict) -> str:
    cells = " ".join(_pct(counts[t]) for t in (*TYPES, "all", "found"))
    return f"{name:30s} {counts['all'][1]:6d} {cells}"


def main(argv: list[str]) -> None:
    seed_only = "--seed-only" in argv
    names = [a for a in argv if not a.startswith("--")]
    print(f"{'novel':30s} {'quotes':>6s} {'explct':>7s} {'anaph':>7s} {'implct':>7s} "
          f"{'ALL':>7s} {'recall':>7s}")
    total = {t: [0, 0] for t in (*TYPES, "all", "found")}
    began = time.perf_counter()
    for folder in ([] if seed_only else names or novels()):
        text, spans, characters = load_novel(folder)
        counts = score(text, spans, characters)
        for t, (r, n) in counts.items():
            total[t][0] += r
            total[t][1] += n
        print(_row(folder, counts), flush=True)
    if total["all"][1]:
        print(_row("ALL NOVELS", total))
        print(f"({time.perf_counter() - began:.1f} s)")
    if not names:
        print(_row("seed story", score(*load_seed())))


if __name__ == "__main__":
    main(sys.argv[1:])
