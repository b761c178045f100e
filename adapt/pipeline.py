"""Prose text -> Document: read, attribute speakers, plan scenes, build elements."""
from __future__ import annotations

import os
import pickle
import tempfile
from types import SimpleNamespace

from . import regex_cache

with regex_cache.kept("pipeline"):     # (their patterns take long to compile: see regex_cache)
    from . import action as action_writer, attribution, memory, tags, verbs
    from .build import Builder, document
    from .helper import Helper
    from .model import Document
    from .readers.prose import read_prose

# Below this many characters of prose a helper process costs more than it saves.
HELPER_MIN_CHARS = 60_000


def adapt_prose(text: str, title: str | None = None, author: str | None = None,
                default_title: str = "Untitled", cast=None, transitions: str | None = None,
                action=None, progress=None, idle=None) -> Document:
    """`cast`: a `castfile.CastFile` of the writer's corrections, or None; `transitions="cut"`
    puts CUT TO: between scenes that jump in time; `action`: an adapt.action.ActionStyle
    (interiority notes, voice-over), None for the default style; `progress(stage)`, if given,
    is called as each stage ends; `idle()`, if given, while this process would wait for its
    helper (to load what the caller needs next)."""
    step = progress or (lambda stage: None)
    story = read_prose(text)
    step("read")
    spill = helper = None
    if len(text) >= HELPER_MIN_CHARS:
        try:
            spill = tempfile.TemporaryFile(prefix="adapt-")
            helper = Helper(_helper_work, story, action, spill)
        except OSError:
            pass
    try:
        who = attribution.attribute(story, cast)
        step("attribute")
        memory.clear_caches(tags)       # narration around each quote, asked for by the sieve only
        ahead = helper.next() if helper else None
        # The builder frees each paragraph once its elements exist: at the end of a long novel
        # the story is gone and the elements take its place, instead of the two living side
        # by side.
        builder = Builder(story, who, action, ahead and ahead[0])
        if ahead is not None and helper.send(who.cast):
            # The helper plans the scenes (on its copy of the story) while this process builds
            # the paragraphs' elements, which need only the chapter titles of the plan.
            _, where, titles = ahead
            paragraphs = builder.paragraphs(titles, consume=True, ahead=_parts(spill, where))
            if idle:
                idle()
            plan = helper.next()
            if plan is None:            # the helper failed: plan on a fresh reading
                plan = _plan(read_prose(text), who)
            step("scenes")
        else:
            plan = _plan(story, who)
            step("scenes")              # (plan() frees its own per-paragraph caches)
            paragraphs = builder.paragraphs(plan.skip, consume=True)
    finally:
        if helper:
            helper.close()
        if spill:
            spill.close()
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


def _helper_work(story, action, spill, receive):
    """The helper's side: the narration rewritten as action while the parent attributes
    speakers (and what the scene plan needs of the story alone), then, given the cast, the
    scene plan while the parent builds paragraphs.

    The rewritten narration goes into `spill` (a temporary file) part by part, and only where
    each part starts comes through the pipe: the builder reads one part at a time, so neither
    process ever holds the whole of it (that would be tens of megabytes for a long novel)."""
    where, summary = [], None
    for first, part in action_writer.ahead(story, action):
        data = pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL)
        where.append((first, spill.tell(), len(data)))
        spill.write(data)
        summary = summary or action_writer.Ahead(part.past, part.first_person, {}, {})
    spill.flush()
    with regex_cache.kept("scenes"):    # (left before the last value: the parent then ends this)
        from . import scenes    # (only the helper plans scenes: the parent never loads the planner)
        yield summary, where, scenes.title_paragraphs(story.blocks)
        scenes.warm(story)      # what the plan reads from the story alone, while the parent attributes
        cast = receive()
        plan = scenes.plan(story, SimpleNamespace(cast=cast))
    yield plan


def _plan(story, who):
    """The scene plan, worked out in this process."""
    with regex_cache.kept("scenes"):
        from . import scenes
        return scenes.plan(story, who)


def _parts(spill, where):
    """(first block, loader) for each part the helper spilled (see `_helper_work`)."""
    def loader(offset, size):
        return lambda: pickle.loads(os.pread(spill.fileno(), size, offset))

    return [(first, loader(offset, size)) for first, offset, size in where]
