"""A DocDiff as text (scene by scene, words marked), as a --stat table, or as JSON.

Plain text marks words as `[-old-]{+new+}` (as `git diff --word-diff` does); on a terminal
the same runs are coloured instead (red struck-through deletions, green insertions).
"""
from __future__ import annotations

import json

import click

from .diff import DocDiff, ElementChange, SceneDiff, WordDiff, words
from .model import Element

# Unchanged runs longer than this are shortened to CONTEXT words either side of a change.
CONTEXT = 6


class Marker:
    def __init__(self, color: bool):
        self.color = color

    def deleted(self, text: str) -> str:
        return click.style(text, fg="red", strikethrough=True) if self.color else f"[-{text}-]"

    def inserted(self, text: str) -> str:
        return click.style(text, fg="green", bold=True) if self.color else f"{{+{text}+}}"

    def sign(self, sign: str, text: str) -> str:
        if not self.color:
            return f"{sign} {text}"
        colour = {"+": "green", "-": "red", "~": "yellow", ">": "cyan"}.get(sign)
        return click.style(f"{sign} {text}", fg=colour, bold=True)


def _shorten(text: str, head: bool, tail: bool) -> str:
    """An unchanged run with only the words next to a change kept."""
    w = text.split(" ")
    if len(w) <= 2 * CONTEXT + 2:
        return text
    if head and tail:
        return " ".join(w[:CONTEXT] + ["..."] + w[-CONTEXT:])
    if head:
        return " ".join(w[:CONTEXT] + ["..."])
    return " ".join(["..."] + w[-CONTEXT:])


def render_words(wd: WordDiff, m: Marker) -> str:
    out = ""
    for k, (op, text) in enumerate(wd.ops):
        if op == "=":
            text = _shorten(text, head=k > 0, tail=k < len(wd.ops) - 1)
        else:
            text = m.deleted(text) if op == "-" else m.inserted(text)
        # A replacement reads as one unit: [-old-]{+new+} with no space between.
        glue = "" if not out or (op == "+" and wd.ops[k - 1][0] == "-") else " "
        out += glue + text
    return out


def _label(el: Element) -> str:
    if el.type in ("dialogue", "lyrics"):
        who = el.character or "?"
        return f"{who}:" if el.type == "dialogue" else f"{who} (lyrics):"
    return {"character": "cue:"}.get(el.type, f"{el.type.replace('_', ' ')}:")


def _plain(el: Element) -> str:
    return " ".join(words(el))


def change_line(ch: ElementChange, m: Marker) -> str:
    if ch.op == "insert":
        return m.sign("+", f"{_label(ch.new)} {_plain(ch.new)}")
    if ch.op == "delete":
        return m.sign("-", f"{_label(ch.old)} {_plain(ch.old)}")
    label = _label(ch.new)
    if ch.old.type != ch.new.type:
        label = f"{ch.old.type.replace('_', ' ')} -> {label}"
    return m.sign("~", f"{label} {render_words(ch.words, m)}")


def _heading(sd: SceneDiff, m: Marker) -> str:
    scene = sd.new or sd.old
    if sd.heading is not None:
        text = render_words(sd.heading, m)
    else:
        text = _plain(scene.heading) if scene.heading else "(before the first scene)"
    number = f"{scene.label}. " if scene.label else ""
    note = {"added": " (added)", "omitted": " (omitted)"}.get(sd.status, "")
    if sd.moved:
        note = f" (moved, was scene {sd.old.label})" if sd.old.label else " (moved)"
    sign = {"added": "+", "omitted": "-"}.get(sd.status, "~" if sd.status == "changed" else ">")
    return m.sign(sign, f"{number}{text}{note}")


def _scene_lines(sd: SceneDiff, m: Marker) -> list[str]:
    if sd.status == "added":
        return [m.sign("+", f"{_label(e)} {_plain(e)}") for _, e in sd.new.items]
    if sd.status == "omitted":
        return [m.sign("-", f"{_label(e)} {_plain(e)}") for _, e in sd.old.items]
    return [change_line(ch, m) for ch in sd.changes]


def summary(diff: DocDiff) -> str:
    c = diff.counts()
    scenes = f"{c['changed']} scene{'s' if c['changed'] != 1 else ''} changed, " \
             f"{c['added']} added, {c['omitted']} omitted, {c['moved']} moved"
    speakers = ", ".join(f"{name} {n}" for name, n in sorted(diff.speeches_changed.items()))
    return scenes + (f"; lines changed: {speakers}" if speakers else "")


def text_report(diff: DocDiff, color: bool = False) -> str:
    if diff.identical:
        return ""
    m = Marker(color)
    out = []
    for sd in diff.scenes:
        if not sd.reported:
            continue
        out.append(_heading(sd, m))
        out.extend("    " + line for line in _scene_lines(sd, m))
    if diff.title_page:
        out.append(m.sign("~", "title page"))
        for key, a, b in diff.title_page:
            if a is None:
                out.append("    " + m.sign("+", f"{key}: {b}"))
            elif b is None:
                out.append("    " + m.sign("-", f"{key}: {a}"))
            else:
                out.append("    " + m.sign("~", f"{key}: {m.deleted(a)} {m.inserted(b)}"))
    out.extend(_character_lines(diff, m))
    out.append(summary(diff))
    return "\n".join(out) + "\n"


def _character_lines(diff: DocDiff, m: Marker) -> list[str]:
    if not diff.characters:
        return []
    out = [m.sign("~", "characters (lines before -> after)")]
    for c in diff.characters:
        sign = "+" if c.before == 0 else "-" if c.after == 0 else "~"
        out.append("    " + m.sign(sign, f"{c.name}: {c.before} -> {c.after}"))
    return out


def stat_report(diff: DocDiff, color: bool = False) -> str:
    if diff.identical:
        return ""
    m = Marker(color)
    rows = []
    for sd in diff.scenes:
        if not sd.reported:
            continue
        scene = sd.new or sd.old
        name = f"{scene.label}. " if scene.label else ""
        name += _plain(scene.heading) if scene.heading else "(before the first scene)"
        if sd.status == "added":
            what = f"added, {len(sd.new.items) + 1} elements"
        elif sd.status == "omitted":
            what = f"omitted, {len(sd.old.items) + 1} elements"
        else:
            ops = [ch.op for ch in sd.changes]
            parts = [f"{ops.count(op)} {word}" for op, word in
                     (("change", "changed"), ("insert", "added"), ("delete", "deleted"))
                     if ops.count(op)]
            if sd.heading is not None:
                parts.insert(0, "heading changed")
            if sd.moved:
                parts.insert(0, f"moved from {sd.old.label}" if sd.old.label else "moved")
            what = ", ".join(parts)
        sign = {"added": "+", "omitted": "-"}.get(sd.status, "~" if sd.status == "changed" else ">")
        rows.append((sign, name, what))
    width = max((len(n) for _, n, _ in rows), default=0)
    out = [m.sign(s, f"{n.ljust(width)} | {w}") for s, n, w in rows]
    out.extend(_character_lines(diff, m))
    out.append(summary(diff))
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------- JSON

def _element_json(el: Element | None, index: int | None):
    if el is None:
        return None
    out = {"index": index, "type": el.type, "text": el.text}
    if el.character:
        out["character"] = el.character
    if el.extension:
        out["extension"] = el.extension
    return out


def _change_json(ch: ElementChange) -> dict:
    out = {"op": ch.op, "old": _element_json(ch.old, ch.old_index),
           "new": _element_json(ch.new, ch.new_index)}
    if ch.words is not None:
        out["words"] = [list(op) for op in ch.words.ops]
    return out


def _scene_json(sd: SceneDiff) -> dict:
    def side(scene):
        if scene is None:
            return None
        return {"number": scene.label, "index": scene.index,
                "heading": _plain(scene.heading) if scene.heading else None}

    out = {"status": sd.status, "moved": sd.moved, "old": side(sd.old), "new": side(sd.new)}
    if sd.heading is not None:
        out["heading_words"] = [list(op) for op in sd.heading.ops]
    if sd.status == "added":
        out["changes"] = [_change_json(ElementChange("insert", None, e, None, i))
                          for i, e in sd.new.items]
    elif sd.status == "omitted":
        out["changes"] = [_change_json(ElementChange("delete", e, None, i, None))
                          for i, e in sd.old.items]
    else:
        out["changes"] = [_change_json(ch) for ch in sd.changes]
    return out


def json_report(diff: DocDiff) -> str:
    data = {
        "identical": diff.identical,
        "summary": {**diff.counts(), "lines_changed": dict(sorted(diff.speeches_changed.items()))},
        "scenes": [_scene_json(sd) for sd in diff.scenes if sd.reported],
        "title_page": [{"key": k, "old": a, "new": b} for k, a, b in diff.title_page],
        "characters": [{"name": c.name, "before": c.before, "after": c.after}
                       for c in diff.characters],
        "text": summary(diff),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
