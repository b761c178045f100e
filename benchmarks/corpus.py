"""Access to the shared PDNC corpus (read from ../shared, never copied into the project)."""
from __future__ import annotations

import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    return Path(os.environ.get("ADAPT_SHARED", ROOT.parent / "shared"))


def pdnc_dir() -> Path:
    return shared_dir() / "corpus" / "pdnc"


def novels() -> list[str]:
    index = json.loads((pdnc_dir() / "index.json").read_text())
    return [entry["folder"] for entry in index]


def load_novel(folder: str) -> tuple[str, list[dict], list[dict]]:
    """(text, quote spans, characters) of one PDNC novel."""
    base = pdnc_dir() / folder
    text = (base / "novel_text.txt").read_text(encoding="utf-8")
    quotes = [json.loads(line) for line in (base / "quotes.jsonl").read_text().splitlines() if line]
    characters = json.loads((base / "characters.json").read_text())
    return text, quotes, characters
