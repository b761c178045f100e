"""Finding and compiling the Lark grammars shipped in `grammars/`."""
from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path


def grammar_text(name: str) -> str:
    """The text of grammars/<name>.lark, installed (as adapt.grammars) or in a source tree."""
    try:
        return resources.files("adapt.grammars").joinpath(f"{name}.lark").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        source_tree = Path(__file__).resolve().parent.parent / "grammars" / f"{name}.lark"
        return source_tree.read_text("utf-8")


@functools.lru_cache(maxsize=None)
def lalr_parser(name: str, starts: tuple[str, ...]):
    import lark  # imported here: `adapt --help` should not pay for it

    return lark.Lark(grammar_text(name), parser="lalr", lexer="contextual", start=list(starts))
