"""The JSON contract: title, characters and elements (see the README)."""
from __future__ import annotations

import json

from ..model import Document


def write_json(doc: Document) -> str:
    return json.dumps(doc.to_json(), ensure_ascii=False, indent=1) + "\n"
