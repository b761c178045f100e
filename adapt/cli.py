"""The `adapt` command line."""
from __future__ import annotations

import os
import signal
import sys
import traceback
from pathlib import Path

import click

from . import __version__
from .errors import (EXIT_BAD_INPUT, EXIT_FAILED, EXIT_INTERRUPTED, AdaptError, about, one_line,
                     wraps_interrupt)
from .formats import EXTENSIONS, TEXT_FORMATS, WRITERS
from .revisions import ROUNDS as REVISION_ROUNDS

CONVERT_HELP = """Convert a story (prose, UTF-8 text) into a screenplay.

A Fountain screenplay (.fountain, .spmd, or text that is clearly Fountain) or a JSON
screenplay (.json, the contract of -f json) is read as it is and rendered in the chosen format.

\b
Example:
  adapt convert seeds/000_9bca0ed2f6f5815c.txt
  # -> out/000_9bca0ed2f6f5815c.pdf and out/000_9bca0ed2f6f5815c.fountain

Without -f/-o it writes out/<stem>.pdf and out/<stem>.fountain. With -f or -o it writes one
format to PATH ("-" is standard output for text formats). INPUT "-" reads standard input.

\b
Several inputs, or a folder (its .txt, .text, .fountain, .spmd and .json files):
  adapt convert a.txt b.txt c.txt --jobs 2
  adapt convert stories/ -f pdf
each goes to --out-dir as above; a summary follows on stderr.
"""


def _fail(message: str):
    """Stop with one line on stderr (the message names the file it is about)."""
    raise AdaptError(message, exit_code=EXIT_BAD_INPUT)


def _set_debug(ctx: click.Context, _param, value: bool):
    if value:
        ctx.find_root().meta["adapt.debug"] = True


# Accepted before or after the command name: `adapt --debug convert x`, `adapt convert x --debug`.
debug_option = click.option("--debug", is_flag=True, expose_value=False, is_eager=True,
                            callback=_set_debug,
                            help="On failure, show the Python traceback too.")


def interruptible():
    """Ctrl-C raises KeyboardInterrupt again, if `adapt.__main__` left it killing the
    process while the modules loaded (outputs are cleaned up only from here on)."""
    if signal.getsignal(signal.SIGINT) is signal.SIG_DFL:
        try:
            signal.signal(signal.SIGINT, signal.default_int_handler)
        except ValueError:      # not the main thread: signals are not ours to set
            pass


class _AdaptGroup(click.Group):
    """Every failure ends as one line on stderr and a non-zero exit, never a traceback
    (unless --debug)."""

    def invoke(self, ctx: click.Context):
        try:
            interruptible()
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BrokenPipeError:
            # The reader of our stdout went away (`adapt ... -o - | head -1`): stop quietly,
            # and point stdout at /dev/null so the interpreter's final flush cannot complain.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(EXIT_FAILED)
        except KeyboardInterrupt:
            self._interrupted(ctx)
        except AdaptError as exc:
            self._report(ctx, str(exc))
            ctx.exit(exc.exit_code)
        except Exception as exc:  # noqa: BLE001 - a bug still ends as one line
            if wraps_interrupt(exc):
                self._interrupted(ctx)
            self._report(ctx, f"internal error ({type(exc).__name__}: {one_line(exc)[:200]}); "
                              "rerun with --debug for the traceback")
            ctx.exit(EXIT_FAILED)

    def _interrupted(self, ctx: click.Context):
        self._report(ctx, "interrupted; outputs already written are complete, "
                          "the others were left as they were")
        ctx.exit(EXIT_INTERRUPTED)

    @staticmethod
    def _report(ctx: click.Context, message: str):
        if ctx.find_root().meta.get("adapt.debug"):
            traceback.print_exc()
        click.echo(f"adapt: {one_line(message)}", err=True)


@click.group(cls=_AdaptGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="adapt")
@debug_option
def main():
    """adapt: turn prose fiction into a first-draft screenplay (PDF, Fountain, JSON)."""


@main.command(help=CONVERT_HELP)
@click.argument("input_paths", metavar="INPUT...", nargs=-1, required=True)
@click.option("-f", "--format", "fmt", type=click.Choice(WRITERS), help="Write one format.")
@click.option("-o", "--output", "output", metavar="PATH", help='Output file ("-" for stdout).')
@click.option("--out-dir", default="out", show_default=True, metavar="DIR",
              help="Folder for the default outputs.")
@click.option("--title", help="Title for the title page (default: the story's title line, else "
                              "the file name).")
@click.option("--author", help="Author for the title page.")
@click.option("--force", is_flag=True,
              help="Overwrite a Fountain output edited since adapt wrote it (the edited file "
                   "is kept as NAME.bak).")
@click.option("--max-size", default="25M", show_default=True, metavar="SIZE",
              callback=lambda _ctx, _param, value: _size(value),
              help="Refuse inputs larger than this (bytes, or with k, M, G).")
@click.option("--paper", type=click.Choice(["letter", "a4"]), default="letter", show_default=True,
              help="PDF paper size (A4: same margins, 57 lines a page).")
@click.option("--scene-numbers", is_flag=True,
              help="Number scene headings (left and right in the PDF, #N# in Fountain).")
@click.option("--transitions", type=click.Choice(["none", "cut"]), default="none", show_default=True,
              help="cut: CUT TO: between scenes that jump in time (spec scripts rarely use them).")
@click.option("--font", metavar="PATH.ttf",
              help="PDF: embed this TrueType font instead of built-in Courier (needed for "
                   "non-Latin text); bold/italic faces beside it are used too.")
@click.option("--show-notes", is_flag=True, help="PDF: print [[notes]] (hidden by default).")
@click.option("--continueds", is_flag=True,
              help="PDF: (CONTINUED) / CONTINUED: on pages that split a scene.")
@click.option("--contd/--no-contd", default=True, show_default=True,
              help="PDF: (CONT'D) on a speaker who resumes after only action.")
@click.option("--heading-space", type=click.IntRange(1, 2), default=1, show_default=True,
              help="PDF: blank lines above a scene heading.")
@click.option("--cast", "cast_path", metavar="CAST.TOML",
              help="Cast corrections (cues, aliases, genders, forced speakers); start from "
                   "`adapt characters INPUT -o cast.toml`.")
@click.option("--interiority", type=click.Choice(("keep", "note", "drop")), default="note",
              show_default=True, help="Sentences a camera cannot film (thoughts, knowing, "
              "remembering): keep them as action, make them notes [[...]] (hidden in the PDF "
              "unless --show-notes), or drop them.")
@click.option("--narration", type=click.Choice(("action", "vo")), default="action",
              show_default=True, help="vo: the narrator's unspoken commentary becomes "
              "voice-over (V.O.) lines.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              metavar="N", help="With several inputs, convert N at a time in separate "
                                "processes (0: one per CPU).")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr (default: for a large input or several inputs, "
                   "when stderr is a terminal).")
@debug_option
def convert(input_paths, jobs, progress, **options):
    if len(input_paths) == 1 and not (input_paths[0] != "-" and Path(input_paths[0]).is_dir()):
        _convert_one(input_paths[0], **options, emit=click.echo, progress=progress)
        return
    from .batch import convert_many

    convert_many(input_paths, options, jobs=jobs, progress=progress)


def _convert_one(input_path, fmt, output, out_dir, title, author, force, max_size, cast_path,
                 transitions, interiority, narration, emit=click.echo, progress=None,
                 **pdf_options):
    """Convert one input (raising AdaptError on failure); `emit(text, err=...)` says what
    happened: notices on stderr, each output written on stdout."""
    from . import memory
    from .formats import InputError, load, render, render_chunks
    from .inputs import read_input
    from .outputs import check_staged, commit, stage, write_stdout
    from .progress import stage_bar

    memory.fewer_collections()
    cast = _read_cast(cast_path) if cast_path else None
    source = read_input(input_path, max_size)
    if source.notice:
        emit(f"adapt: {source.label}: {source.notice}", err=True)
    stem = Path(source.name).stem
    if output is None and fmt is None:
        targets = [(f, Path(out_dir) / f"{stem}{EXTENSIONS[f]}") for f in ("pdf", "fountain")]
    else:
        fmt = fmt or _format_from_path(output)
        targets = [(fmt, output or str(Path(out_dir) / f"{stem}{EXTENSIONS[fmt]}"))]
    for f, dest in targets:
        if str(dest) == "-" and f not in TEXT_FORMATS:
            _fail(f"-f {f} cannot be written to standard output; give -o FILE")
    # Everything is rendered (into temporary files beside the outputs, each as it is made, so
    # a long screenplay is never held whole) before any output is replaced: a failure leaves
    # every output as it was.
    to_stdout, staged = None, []
    try:
        with about(source.label), stage_bar(source, [f for f, _ in targets], progress) as step:
            try:
                doc = load(source.text, source.name, title=title, author=author, cast=cast,
                           transitions=transitions,
                           action=_action_style(source.name, interiority, narration),
                           progress=step, idle=_preload(targets))
                if pdf_options.get("scene_numbers"):
                    from .scenes import number_scenes
                    number_scenes(doc)
            except InputError as exc:
                raise _bad_input(exc, source) from exc
            source.text = None  # the document holds what it needs; let the input go
            _warn_missing_glyphs(doc, targets, pdf_options, emit)
            from .writers.pdf import FontError
            # The text outputs are written while a helper process paints the PDF's later
            # pages (see adapt.writers.pdf), if it does; else in turn.
            later = [(f, dest) for f, dest in targets if f != "pdf" and str(dest) != "-"]
            done = set()

            def meanwhile():
                for f, dest in later:
                    memory.release()
                    staged.append((dest, stage(Path(dest), render_chunks(doc, f))))
                    done.add(f)
            try:
                for f, dest in targets:
                    memory.release()   # each output starts from what the document alone needs
                    if f in done:
                        pass
                    elif str(dest) == "-":
                        to_stdout = render(doc, f, **pdf_options)
                    else:
                        options = dict(pdf_options, meanwhile=meanwhile) if f == "pdf" else pdf_options
                        staged.append((dest, stage(Path(dest), render_chunks(doc, f, **options))))
                    step(f)
                order = [str(dest) for _, dest in targets]
                staged.sort(key=lambda item: order.index(str(item[0])))    # reported in order
            except FontError as exc:
                _fail(str(exc))
            del doc
        for _, item in staged:
            check_staged(item, force)   # refuse before replacing anything
        if to_stdout is not None:
            write_stdout(to_stdout)
        for dest, item in staged:
            backup = commit(item, force=force)
            if backup:
                emit(f"adapt: {dest}: had been edited; the edited version is kept as "
                     f"{backup}", err=True)
            emit(str(dest), err=False)
    finally:
        for _, item in staged:
            item.discard()


def _preload(targets):
    """What the prose pipeline may do while it waits for its helper: load the PDF writer."""
    if not any(f == "pdf" for f, _ in targets):
        return None

    def preload():
        from .writers.pdf import preload
        preload()
    return preload


def _bad_input(exc: Exception, source) -> AdaptError:
    """A reader's complaint about `source` as adapt's one line (its message starts with the
    file name, which AdaptError puts in front itself)."""
    return AdaptError(str(exc).removeprefix(f"{source.name}: "), source.label, EXIT_BAD_INPUT)


def _action_style(name: str, interiority: str, narration: str):
    """The action writer's options; a screenplay input (by its name) has no prose to rewrite,
    so the writer is not even imported (a quarter of the start-up time of a Fountain run)."""
    from .formats import FOUNTAIN_SUFFIXES

    if Path(name).suffix.lower() in (*FOUNTAIN_SUFFIXES, ".json"):
        return None
    from .regex_cache import kept

    with kept("action"):
        from .action import ActionStyle
    return ActionStyle(interiority=interiority, narration=narration)


def _warn_missing_glyphs(doc, targets, pdf_options, emit=click.echo):
    """Built-in Courier prints nothing for non-Latin letters: say so, and what to do."""
    if pdf_options["font"] or not any(f == "pdf" for f, _ in targets):
        return
    from .writers.pdf import missing_glyphs

    missing = missing_glyphs(doc)
    if missing:
        emit(f"adapt: warning: built-in Courier cannot show {missing!r}...; "
             "give --font PATH.ttf", err=True)


def _read_cast(path: str):
    from .castfile import CastFileError, parse

    p = Path(path)
    if not p.is_file():
        _fail(f"{path}: no such cast file")
    try:
        return parse(p.read_text(encoding="utf-8"), path)
    except (CastFileError, UnicodeDecodeError) as exc:
        _fail(str(exc).splitlines()[0])


CHARACTERS_HELP = """List the cast of a story: cue, gender, lines spoken, first line, aliases.

\b
Example:
  adapt characters story.txt                # print the cast
  adapt characters story.txt -o cast.toml   # write it as a cast file to edit, then
  adapt convert story.txt --cast cast.toml  # re-run with the corrections
"""


@main.command(help=CHARACTERS_HELP)
@click.argument("input_path", metavar="INPUT")
@click.option("-o", "--output", "output", metavar="CAST.TOML",
              help='Write the cast as a cast file ("-" for stdout).')
@click.option("--cast", "cast_path", metavar="CAST.TOML", help="Apply a cast file first.")
@debug_option
def characters(input_path, output, cast_path):
    from .attribution import attribute
    from .castfile import dump
    from .formats import InputError, input_kind, load
    from .inputs import read_input
    from .outputs import write_atomic, write_stdout
    from .readers.prose import read_prose

    cast = _read_cast(cast_path) if cast_path else None
    source = read_input(input_path)
    with about(source.label):
        if input_kind(source.text, source.name) == "prose":
            who = attribute(read_prose(source.text), cast)
            text = source.text
        else:   # a screenplay names its speakers: list its cues
            try:
                doc = load(source.text, source.name)
            except InputError as exc:
                raise _bad_input(exc, source) from exc
            who, text = _screenplay_cast(doc, bool(output))
    if output:
        data = dump(who).encode("utf-8")
        if output == "-":
            write_stdout(data)
        else:
            write_atomic(Path(output), data)
            click.echo(output)
        return
    click.echo(f"{'CUE':24s} {'GENDER':6s} {'LINES':>5s} {'FIRST':>7s}  ALIASES")
    for ch in who.cast:
        first = who.first.get(ch.name)
        line = text.count("\n", 0, first) + 1 if first is not None else 0
        click.echo(f"{ch.name:24s} {ch.gender or '-':6s} {who.lines[ch.name]:5d} "
                   f"{'l.' + str(line):>7s}  {', '.join(ch.aliases)}")


def _screenplay_cast(doc, for_file: bool):
    """(Attribution, text) for the cues of a Fountain or JSON screenplay: speeches per cue and,
    for the listing (not a cast file, where `first` is a prose offset), `first` as an offset
    into a stand-in text whose line numbers are the input's."""
    from collections import Counter

    from .attribution import Attribution

    cues = [el for el in doc.elements if el.type == "character" and el.character]
    first: dict[str, int] = {}
    for el in cues:
        first.setdefault(el.character, max((el.line or 1) - 1, 0))
    who = Attribution(cast=list(doc.characters), lines=Counter(el.character for el in cues),
                      first={} if for_file else first)
    return who, "\n" * max(first.values(), default=0)


DIFF_HELP = """Show what changed between two screenplays, scene by scene.

\b
Each side may be prose, Fountain or adapt JSON. Exit status: 0 identical, 1 different,
2 trouble. Words are marked [-old-]{+new+} (coloured on a terminal).

\b
Examples:
  adapt diff draft1.fountain draft2.fountain
  adapt diff --stat story.txt story-v2.txt
  adapt diff --format json old.json new.fountain
  adapt diff old.fountain new.fountain --pdf revised.pdf --revision pink --lock-scenes
"""


@main.command(help=DIFF_HELP)
@click.argument("old_path", metavar="OLD")
@click.argument("new_path", metavar="NEW")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Report format.")
@click.option("--stat", is_flag=True, help="One line per changed scene, then the summary.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="Colour the words (auto: on a terminal).")
@click.option("--pdf", "pdf_path", metavar="FILE",
              help="Also write NEW as revised pages: * beside changed lines, header on changed pages.")
@click.option("--revision", type=click.Choice(REVISION_ROUNDS), default="blue", show_default=True,
              help="Revision colour for the page header, in the WGA order.")
@click.option("--date", "rev_date", metavar="DATE",
              help="Date in the revision header (default: today, UTC).")
@click.option("--lock-scenes", is_flag=True,
              help="Keep OLD's scene numbers on the pages: added scenes 12A, removed ones 12 OMITTED 12.")
@debug_option
def diff(old_path, new_path, fmt, stat, color, pdf_path, revision, rev_date, lock_scenes):
    from .diff import DiffInputError, diff_documents, load_side, share_default_titles
    from .diff_report import json_report, stat_report, text_report
    from .inputs import read_input

    # Exit 1 means "different" here, so every failure exits 2.
    sides = []
    try:
        for path in (old_path, new_path):
            sides.append(read_input(path))
            if sides[-1].notice:
                click.echo(f"adapt: {sides[-1].label}: {sides[-1].notice}", err=True)
        stem = Path(sides[1].name).stem
        docs = []
        for side in sides:
            with about(side.label):
                try:
                    docs.append(load_side(side.text, side.name, stem))
                except DiffInputError as exc:
                    raise _bad_input(exc, side) from exc
        share_default_titles(*docs, stem)
        with about(new_path):
            result = diff_documents(*docs)
            if fmt == "json":
                report = json_report(result)
            else:
                use_color = color == "always" or (color == "auto" and sys.stdout.isatty())
                report = (stat_report if stat else text_report)(result, color=use_color)
        if pdf_path:
            from .outputs import write_atomic
            from .revisions import revised_pdf

            with about(pdf_path):
                write_atomic(Path(pdf_path), revised_pdf(result, revision, rev_date, lock_scenes))
    except AdaptError as exc:
        exc.exit_code = EXIT_BAD_INPUT
        raise
    sys.stdout.write(report)
    sys.exit(0 if result.identical else 1)


def _size(value) -> int:
    from .inputs import parse_size

    try:
        return parse_size(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _format_from_path(output: str) -> str:
    for fmt, ext in EXTENSIONS.items():
        if output.lower().endswith(ext):
            return fmt
    if output == "-":
        return "fountain"
    _fail(f"{output}: cannot tell the format from the name; give -f")


if __name__ == "__main__":
    main()
