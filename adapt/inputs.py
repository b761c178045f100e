"""Reading one input: a path or "-" (standard input) -> text, or a one-line refusal.

Every way an input can be unusable (missing, a folder, unreadable, empty, too large, a PDF or
an image or an archive rather than text, text in an encoding that cannot be told) ends in an
`AdaptError` that names the file and the problem. Text that is not UTF-8 is decoded when its
encoding can be told (a byte-order mark, or charset-normalizer's detection) and the caller is
told which encoding was used.
"""
from __future__ import annotations

import codecs
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import EXIT_BAD_INPUT, AdaptError

DEFAULT_MAX_SIZE = 25 * 1000 * 1000   # bytes; a long novel is 1-2 MB

# File signatures of formats people might hand us instead of text.
_SIGNATURES = [
    (b"%PDF-", "a PDF document, not text (export it as plain text first)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image, not text"),
    (b"\xff\xd8\xff", "a JPEG image, not text"),
    (b"GIF87a", "a GIF image, not text"),
    (b"GIF89a", "a GIF image, not text"),
    (b"PK\x03\x04", "a zip archive (a .docx, .epub or .zip), not text (save it as plain text first)"),
    (b"PK\x05\x06", "an empty zip archive, not text"),
    (b"\x1f\x8b", "a gzip archive, not text (unpack it first)"),
    (b"BZh", None),   # only with the rest of the bzip2 header, checked below
    (b"\xfd7zXZ\x00", "an xz archive, not text (unpack it first)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive, not text"),
    (b"Rar!\x1a\x07", "a RAR archive, not text"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word/Office document, not text (save it as plain text first)"),
    (b"\x7fELF", "a program, not text"),
    (b"MZ", None),    # only with a PE header, checked below
]
_BZIP2 = re.compile(rb"\ABZh[1-9]1AY&SY")

# Byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one).
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", None),              # UTF-8 with a mark: nothing to report
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
]

# Control characters that never occur in text files (tab, line feed, form feed, carriage
# return and escape do).
_BINARY_CONTROLS = bytes(c for c in range(32) if c not in b"\t\n\x0b\x0c\r\x1b")


@dataclass
class InputText:
    text: str
    name: str                   # the file name ("stdin" for standard input)
    label: str                  # how messages name it: the path as given
    encoding: str = "utf-8"
    notice: str | None = None   # what to tell the user about how it was read, if anything


def parse_size(value: str) -> int:
    """'25M', '500k', '2 MB', '1048576' -> bytes (k/M/G are powers of 1000, KiB/MiB of 1024)."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)(i?)b?\s*", str(value), re.I)
    if not match:
        raise ValueError(f"not a size: {value!r} (try 25M or 500k)")
    number, unit, binary = match.groups()
    base = 1024 if binary else 1000
    return int(float(number) * base ** " kmg".index(unit.lower() or " "))


def _megabytes(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n:,} bytes"


def read_input(path: str, max_size: int = DEFAULT_MAX_SIZE) -> InputText:
    """Read and decode `path` ("-" = standard input); AdaptError with the reason otherwise."""
    if path == "-":
        data = _read_limited(sys.stdin.buffer, "stdin", max_size)
        name = label = "stdin"
    else:
        data = _read_file(Path(path), path, max_size)
        name, label = Path(path).name, path
    text, encoding, notice = decode(data, label)
    if not text.strip():
        raise AdaptError("empty input (only blank space)" if text else "empty input",
                         label, EXIT_BAD_INPUT)
    return InputText(text, name, label, encoding, notice)


def _read_file(p: Path, label: str, max_size: int) -> bytes:
    try:
        st = p.stat()
    except FileNotFoundError:
        problem = "no such file" if p.parent.is_dir() or str(p.parent) in ("", ".") \
            else f"no such file (no folder {p.parent})"
        raise AdaptError(problem, label, EXIT_BAD_INPUT) from None
    except OSError as exc:
        raise AdaptError(f"cannot read ({_reason(exc)})", label, EXIT_BAD_INPUT) from None
    if stat.S_ISDIR(st.st_mode):
        raise AdaptError("is a directory, not a story file", label, EXIT_BAD_INPUT)
    if stat.S_ISREG(st.st_mode) and st.st_size > max_size:
        raise AdaptError(f"too large ({_megabytes(st.st_size)}; the limit is "
                         f"{_megabytes(max_size)}, raise it with --max-size)", label, EXIT_BAD_INPUT)
    try:
        with open(p, "rb") as fh:
            return _read_limited(fh, label, max_size)
    except OSError as exc:
        raise AdaptError(f"cannot read ({_reason(exc)})", label, EXIT_BAD_INPUT) from None


def _read_limited(stream, label: str, max_size: int) -> bytes:
    """Read at most max_size bytes; one byte more means the input is over the limit (a pipe or
    a device has no size to check beforehand)."""
    data = stream.read(max_size + 1)
    if len(data) > max_size:
        raise AdaptError(f"too large (over the limit of {_megabytes(max_size)}; raise it with "
                         "--max-size)", label, EXIT_BAD_INPUT)
    return data


def _reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def decode(data: bytes, label: str) -> tuple[str, str, str | None]:
    """(text, encoding, notice) for the bytes of a text file, or AdaptError saying why not."""
    kind = binary_kind(data)
    if kind:
        raise AdaptError(f"is {kind}", label, EXIT_BAD_INPUT)
    for bom, encoding, shown in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise AdaptError(f"starts with a {shown or 'UTF-8'} byte-order mark but is not "
                                 f"{shown or 'UTF-8'} (bad bytes at {exc.start + len(bom)})",
                                 label, EXIT_BAD_INPUT) from None
            return text, encoding, (f"read as {shown} (byte-order mark)" if shown else None)
    encoding = utf16_without_bom(data) if b"\x00" in data[:65536] else None
    if encoding:
        return data.decode(encoding), encoding, "read as UTF-16 (no byte-order mark)"
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    encoding = detect_encoding(data)
    if encoding is None:
        raise AdaptError(f"not UTF-8 text (invalid byte 0x{data[first_bad]:02x} at offset "
                         f"{first_bad}) and no other text encoding fits; convert it to UTF-8",
                         label, EXIT_BAD_INPUT)
    return data.decode(encoding), encoding, f"not UTF-8; read as {encoding}"


def binary_kind(data: bytes) -> str | None:
    """What a file is when its bytes say it is not text at all, else None."""
    head = data[:16]
    for signature, kind in _SIGNATURES:
        if head.startswith(signature) and kind:
            return kind
    if _BZIP2.match(data[:10]):
        return "a bzip2 archive, not text (unpack it first)"
    if head.startswith(b"MZ") and b"PE\x00\x00" in data[:1024]:
        return "a program, not text"
    if any(data.startswith(bom) for bom, _, _ in _BOMS):
        return None
    sample = data[:65536]
    if b"\x00" in sample:
        return None if utf16_without_bom(data) else "binary data, not text (it holds NUL bytes)"
    controls = sum(sample.count(bytes([c])) for c in _BINARY_CONTROLS if c)
    if sample and controls > max(8, len(sample) // 100):
        return "binary data, not text (it holds control bytes)"
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' for UTF-16 text without a mark (text in the ASCII range has a
    NUL in every other byte), else None."""
    sample = data[:65536]
    even, odd = sample[0::2], sample[1::2]
    if len(sample) < 4 or max(even.count(0), odd.count(0)) < 0.4 * len(odd):
        return None
    encoding = "utf-16-le" if odd.count(0) > even.count(0) else "utf-16-be"
    return encoding if len(data) % 2 == 0 and _decodes(data, encoding) else None


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
        return True
    except UnicodeDecodeError:
        return False


def detect_encoding(data: bytes) -> str | None:
    """The encoding of non-UTF-8 text, or None when nothing fits.

    charset-normalizer ranks candidate encodings by how garbled the decoded text looks (chaos)
    and how much it reads like a language (coherence). Text that is mostly English with a few
    accented letters or curly quotes decodes identically in several Western code pages, and the
    tie is often broken towards a Central European or DOS one; such files are in practice
    Windows-1252 (the superset of Latin-1 that browsers assume too), so among the candidates
    that score as well as the best, Windows-1252 wins.
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    if best.encoding.startswith(("utf_16", "utf_32")):
        return best.encoding.replace("_", "-")
    as_good = [m for m in matches
               if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.01]
    if any("cp1252" in m.could_be_from_charset for m in as_good) and _decodes(data, "cp1252"):
        return "cp1252"
    # The detector reads a sample of a large file; make sure the whole file decodes.
    for encoding in (best.encoding, "cp1252"):
        if _decodes(data, encoding):
            return encoding
    return None
