"""Prose text -> Document: read, attribute speakers, plan scenes, build elements."""
from __future__ import annotations

from . import action as action_writer, attribution, memory, scenes, tags, verbs
from .build import build_document
from .helper import Helper
from .model import Document
from .readers.prose import read_prose

# Below this many characters of prose a helper process costs more than it saves.
HELPER_MIN_CHARS = 60_000


def adapt_prose(text: str, title: str | None = None, author: str | None = None,
                default_title: str = "Untitled", cast=None, transitions: str | None = None,
                action=None, progress=None) -> Document:
    """`cast`: a `castfile.CastFile` of the writer's corrections, or None; `transitions="cut"`
    puts CUT TO: between scenes that jump in time; `action`: an adapt.action.ActionStyle
    (interiority notes, voice-over), None for the default style; `progress(stage)`, if given,
    is called as each stage ends."""
    step = progress or (lambda stage: None)
    story = read_prose(text)
    step("read")
    # The narration's sentences are rewritten as action in a helper process meanwhile (they
    # need the story only); whatever it does not deliver, the builder rewrites itself.
    ahead = Helper(action_writer.ahead, story, action) if len(text) >= HELPER_MIN_CHARS else None
    try:
        who = attribution.attribute(story, cast)
        step("attribute")
        memory.clear_caches(tags)       # narration around each quote, asked for by the sieve only
        plan = scenes.plan(story, who)
        step("scenes")                  # (plan() frees its own per-paragraph caches)
        done_ahead = ahead.result() if ahead else None
    finally:
        if ahead:
            ahead.close()
    title, author = title or story.title or default_title, author or story.author
    # The builder frees each paragraph once its elements exist: at the end of a long novel the
    # story is gone and the elements take its place, instead of the two living side by side.
    doc = build_document(story, who, plan, title, author, transitions=transitions,
                         action=action, consume=True, ahead=done_ahead)
    del story, who, plan, done_ahead
    # lemminflect's verb tables (10 MB as Python strings) are read back from the user's cache
    # in ~10 ms when the next document needs them; the outputs have better use for the room.
    memory.clear_caches(action_writer)
    memory.clear_caches(verbs, tables=True)
    memory.release()
    step("build")
    return doc
