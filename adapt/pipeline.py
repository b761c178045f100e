"""Prose text -> Document: read, attribute speakers, plan scenes, build elements."""
from __future__ import annotations

from types import SimpleNamespace

from . import action as action_writer, attribution, memory, scenes, tags, verbs
from .build import Builder, document
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
    helper = Helper(_helper_work, story, action) if len(text) >= HELPER_MIN_CHARS else None
    try:
        who = attribution.attribute(story, cast)
        step("attribute")
        memory.clear_caches(tags)       # narration around each quote, asked for by the sieve only
        ahead = helper.next() if helper else None
        # The builder frees each paragraph once its elements exist: at the end of a long novel
        # the story is gone and the elements take its place, instead of the two living side
        # by side.
        builder = Builder(story, who, action, ahead)
        if ahead is not None and helper.send(who.cast):
            # The helper plans the scenes (on its copy of the story) while this process builds
            # the paragraphs' elements, which need only the chapter titles of the plan.
            paragraphs = builder.paragraphs(scenes.title_paragraphs(story.blocks), consume=True)
            plan = helper.next()
            if plan is None:            # the helper failed: plan on a fresh reading
                plan = scenes.plan(read_prose(text), who)
            step("scenes")
        else:
            plan = scenes.plan(story, who)
            step("scenes")              # (plan() frees its own per-paragraph caches)
            paragraphs = builder.paragraphs(plan.skip, consume=True)
    finally:
        if helper:
            helper.close()
    del ahead
    title, author = title or story.title or default_title, author or story.author
    doc = document(builder.assemble(plan, paragraphs, transitions), title, author, who.cast)
    del story, who, plan, builder, paragraphs
    # lemminflect's verb tables (10 MB as Python strings) are read back from the user's cache
    # in ~10 ms when the next document needs them; the outputs have better use for the room.
    memory.clear_caches(action_writer)
    memory.clear_caches(verbs, tables=True)
    memory.release()
    step("build")
    return doc


def _helper_work(story, action, receive):
    """The helper's side: the narration rewritten as action while the parent attributes
    speakers, then, given the cast, the scene plan while the parent builds paragraphs."""
    yield action_writer.ahead(story, action)
    cast = receive()
    yield scenes.plan(story, SimpleNamespace(cast=cast))
