"""The `adapt` command line."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .formats import EXTENSIONS, TEXT_FORMATS, WRITERS

CONVERT_HELP = """Convert a story (prose, UTF-8 text) into a screenplay.

\b
Example:
  adapt convert seeds/000_9bca0ed2f6f5815c.txt
  # -> out/000_9bca0ed2f6f5815c.pdf and out/000_9bca0ed2f6f5815c.fountain

Without -f/-o it writes out/<stem>.pdf and out/<stem>.fountain. With -f or -o it writes one
format to PATH ("-" is standard output for text formats). INPUT "-" reads standard input.
"""


def _fail(message: str):
    click.echo(f"adapt: {message}", err=True)
    sys.exit(2)


def _read_input(path: str) -> tuple[str, str]:
    """(text, name) for a path or '-' (stdin)."""
    if path == "-":
        data, name = sys.stdin.buffer.read(), "stdin"
    else:
        p = Path(path)
        if not p.exists():
            _fail(f"{path}: no such file")
        if p.is_dir():
            _fail(f"{path}: is a directory, not a story file")
        try:
            data = p.read_bytes()
        except OSError as exc:
            _fail(f"{path}: cannot read ({exc.strerror})")
        name = p.name
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        _fail(f"{path}: not UTF-8 text (byte {exc.start})")
    if not text.strip():
        _fail(f"{path}: empty input")
    return text, name


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="adapt")
def main():
    """adapt: turn prose fiction into a first-draft screenplay (PDF, Fountain, JSON)."""


@main.command(help=CONVERT_HELP)
@click.argument("input_path", metavar="INPUT")
@click.option("-f", "--format", "fmt", type=click.Choice(WRITERS), help="Write one format.")
@click.option("-o", "--output", "output", metavar="PATH", help='Output file ("-" for stdout).')
@click.option("--out-dir", default="out", show_default=True, metavar="DIR",
              help="Folder for the default outputs.")
@click.option("--title", help="Title for the title page (default: the story's title line, else "
                              "the file name).")
@click.option("--author", help="Author for the title page.")
@click.option("--interiority", type=click.Choice(("keep", "note", "drop")), default="note",
              show_default=True, help="Sentences a camera cannot film (thoughts, knowing, "
              "remembering): keep them as action, make them notes [[...]] (hidden in the PDF), "
              "or drop them.")
@click.option("--narration", type=click.Choice(("action", "vo")), default="action",
              show_default=True, help="vo: the narrator's unspoken commentary becomes "
              "voice-over (V.O.) lines.")
def convert(input_path, fmt, output, out_dir, title, author, interiority, narration):
    from .action import ActionStyle
    from .formats import InputError, load, render

    text, name = _read_input(input_path)
    try:
        doc = load(text, name, title=title, author=author,
                   action=ActionStyle(interiority=interiority, narration=narration))
    except InputError as exc:
        _fail(str(exc))
    stem = Path(name).stem
    if output is None and fmt is None:
        targets = [(f, Path(out_dir) / f"{stem}{EXTENSIONS[f]}") for f in ("pdf", "fountain")]
    else:
        fmt = fmt or _format_from_path(output)
        targets = [(fmt, output or str(Path(out_dir) / f"{stem}{EXTENSIONS[fmt]}"))]
    rendered = [(f, dest, render(doc, f)) for f, dest in targets]
    from .outputs import write_atomic, write_stdout

    for f, dest, data in rendered:
        if str(dest) == "-":
            if f not in TEXT_FORMATS:
                _fail(f"-f {f} cannot be written to standard output; give -o FILE")
            write_stdout(data)
        else:
            write_atomic(Path(dest), data)
            click.echo(str(dest), err=False)


def _format_from_path(output: str) -> str:
    for fmt, ext in EXTENSIONS.items():
        if output.lower().endswith(ext):
            return fmt
    if output == "-":
        return "fountain"
    _fail(f"{output}: cannot tell the format from the name; give -f")


if __name__ == "__main__":
    main()
