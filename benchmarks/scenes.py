"""Scene planning against the gold set in tests/data/scenes_gold.json.

Prints, per document and in total, boundary precision/recall/F1 (a predicted scene start within
one paragraph of a gold one counts, one-to-one) and, on matched scenes, how often the heading's
INT/EXT, location and time of day are right.

    python3 benchmarks/scenes.py [--verbose]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from adapt import attribution, scenes  # noqa: E402
from adapt.readers.prose import read_prose  # noqa: E402
from adapt.story import Paragraph  # noqa: E402
from benchmarks.corpus import pdnc_dir  # noqa: E402

GOLD = ROOT / "tests" / "data" / "scenes_gold.json"


def load_documents() -> list[dict]:
    return json.loads(GOLD.read_text(encoding="utf-8"))["documents"]


def document_text(doc: dict) -> tuple[str, int]:
    """(text, offset of text[0] in the gold's offsets)."""
    if "seed" in doc:
        return (ROOT / doc["seed"]).read_text(encoding="utf-8"), 0
    novel = (pdnc_dir() / doc["pdnc"] / "novel_text.txt").read_text(encoding="utf-8")
    return novel[doc["start"]:doc["end"]], doc["start"]


def plan_document(doc: dict):
    text, base = document_text(doc)
    story = read_prose(text)
    who = attribution.attribute(story)
    return story, scenes.plan(story, who), base


def _ordinal(story, offset: int) -> int:
    """Index (among paragraphs) of the paragraph holding `offset`, or the next one."""
    paras = [b for b in story.blocks if isinstance(b, Paragraph)]
    for n, p in enumerate(paras):
        if offset < p.end or n == len(paras) - 1:
            return n
    return len(paras) - 1


def _block_ordinal(story, block_index: int) -> int:
    n = -1
    for i, b in enumerate(story.blocks):
        if isinstance(b, Paragraph):
            n += 1
            if i >= block_index:
                return n
    return n


def match(gold: list[int], predicted: list[int]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index): exact positions first, then +-1."""
    pairs, used_g, used_p = [], set(), set()
    for tolerance in (0, 1):
        for gi, g in enumerate(gold):
            if gi in used_g:
                continue
            for pi, p in enumerate(predicted):
                if pi not in used_p and abs(g - p) <= tolerance:
                    pairs.append((gi, pi))
                    used_g.add(gi)
                    used_p.add(pi)
                    break
    return pairs


def evaluate(doc: dict) -> dict:
    story, plan, base = plan_document(doc)
    predicted = [s for s in plan if s.kind == "scene"]
    gold = doc["scenes"]
    g_pos = [_ordinal(story, g["at"] - base) for g in gold]
    p_pos = [_block_ordinal(story, s.block_index) for s in predicted]
    pairs = match(g_pos, p_pos)
    result = {"id": doc["id"], "gold": len(gold), "predicted": len(predicted), "matched": len(pairs),
              "setting": 0, "location": 0, "time": 0, "rows": []}
    for gi, pi in pairs:
        g, s = gold[gi], predicted[pi]
        setting_ok = s.setting.rstrip(".") == g["setting"].rstrip(".")
        loc = s.location.lower().replace("-", " ")
        location_ok = any(w.lower().replace("-", " ") in loc for w in g["location"])
        time_ok = s.time in g["time"]
        result["setting"] += setting_ok
        result["location"] += location_ok
        result["time"] += time_ok
    matched_p = {pi for _, pi in pairs}
    matched_g = {gi: pi for gi, pi in pairs}
    for gi, g in enumerate(gold):
        s = predicted[matched_g[gi]] if gi in matched_g else None
        result["rows"].append(("gold", g_pos[gi], g["setting"], "/".join(g["location"][:2]),
                               "/".join(g["time"][:2]), s.heading if s else "-- missed --"))
    for pi, s in enumerate(predicted):
        if pi not in matched_p:
            result["rows"].append(("extra", p_pos[pi], "", "", "", f"{s.heading}  [{s.reason}]"))
    intercuts = [_block_ordinal(story, s.block_index) for s in plan if s.kind == "intercut"]
    gold_ic = [_ordinal(story, g["at"] - base) for g in doc.get("intercuts", [])]
    result["intercuts"] = (len(match(gold_ic, intercuts)), len(gold_ic), len(intercuts))
    return result


def prf(matched: int, gold: int, predicted: int) -> tuple[float, float, float]:
    p = matched / predicted if predicted else 0.0
    r = matched / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _line(label: str, totals: dict) -> dict:
    p, rec, f = prf(totals["matched"], totals["gold"], totals["predicted"])
    m = max(totals["matched"], 1)
    summary = {"precision": p, "recall": rec, "f1": f, "setting": totals["setting"] / m,
               "location": totals["location"] / m, "time": totals["time"] / m}
    print(f"{label:<12} gold {totals['gold']:>2} pred {totals['predicted']:>2}  P {p:.2f} R {rec:.2f} F1 {f:.2f}"
          f"  INT/EXT {summary['setting']:.2f} location {summary['location']:.2f} time {summary['time']:.2f}")
    return summary


def main(argv=None) -> dict:
    """Prints per document, then totals: DEV (the documents the planner was developed on),
    HELD-OUT (annotated after development, never tuned on) and ALL."""
    argv = sys.argv[1:] if argv is None else argv
    verbose = "--verbose" in argv or "-v" in argv
    keys = ("gold", "predicted", "matched", "setting", "location", "time")
    groups = {"DEV": dict.fromkeys(keys, 0), "HELD-OUT": dict.fromkeys(keys, 0), "ALL": dict.fromkeys(keys, 0)}
    ic = [0, 0, 0]
    for doc in load_documents():
        r = evaluate(doc)
        for group in ("HELD-OUT" if doc.get("heldout") else "DEV", "ALL"):
            for k in keys:
                groups[group][k] += r[k]
        ic = [a + b for a, b in zip(ic, r["intercuts"])]
        p, rec, f = prf(r["matched"], r["gold"], r["predicted"])
        m = max(r["matched"], 1)
        print(f"{r['id']:<12} gold {r['gold']:>2} pred {r['predicted']:>2}  P {p:.2f} R {rec:.2f} F1 {f:.2f}"
              f"  INT/EXT {r['setting']}/{r['matched']} location {r['location']}/{r['matched']}"
              f" time {r['time']}/{r['matched']}  ({r['setting']/m:.2f} {r['location']/m:.2f} {r['time']/m:.2f})")
        if verbose:
            for row in sorted(r["rows"], key=lambda x: x[1]):
                print("   ", f"{row[0]:<5} p{row[1]:<4} {row[2]:<4} {row[3]:<22} {row[4]:<18} {row[5]}")
    out = {}
    for label, totals in groups.items():
        if totals["gold"]:
            out[label] = _line(label, totals)
    summary = out["ALL"]
    summary["groups"] = out
    summary["intercuts"] = tuple(ic)
    print(f"intercuts found {ic[0]}/{ic[1]} (predicted {ic[2]})")
    return summary


if __name__ == "__main__":
    main()
