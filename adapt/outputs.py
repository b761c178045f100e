"""Writing results: atomically (temporary file, then rename), or to stdout; never over a
file the user has edited since adapt wrote it.

Atomic: the data goes to a temporary file in the same folder, is flushed to disk, and is then
renamed over the target, so a reader (or a crash, or Ctrl-C) sees the old file or the new
one, never half of one.

Hand edits: screenplays written as Fountain (or FDX) are the files people go on to edit.
Each time adapt writes one it records the SHA-256 of what it wrote in a hidden file beside it
(`.NAME.adapt-sha256`). Before overwriting, the file's current content is compared with that
record: if they differ (or there is no record, so adapt did not write the file) the user's
version would be lost, so adapt refuses unless `force` is given, and then keeps the old
content as `NAME.bak` first.
"""
from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from pathlib import Path

from .errors import AdaptError

# Suffixes of outputs people edit by hand after adapt writes them.
PROTECTED_SUFFIXES = (".fountain", ".fdx")
RECORD_SUFFIX = ".adapt-sha256"


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that a reader sees the old file or the new one, never half."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _cannot_write(path.parent, "output folder", exc) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private to its owner; give it the permissions of a new file.
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise _cannot_write(path, "output", exc) from exc
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _cannot_write(where: Path, what: str, exc: OSError) -> AdaptError:
    if isinstance(exc, (FileExistsError, NotADirectoryError)):
        reason = "a file is in the way of a folder on its path"
    else:
        reason = (exc.strerror or type(exc).__name__).lower()
    return AdaptError(f"cannot write the {what} ({reason})", str(where))


def record_path(path: Path) -> Path:
    return path.with_name(f".{path.name}{RECORD_SUFFIX}")


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _existing(path: Path) -> bytes | None:
    """The current content of an output about to be replaced (None when there is none)."""
    if not path.is_file():
        return None
    try:
        return path.read_bytes()
    except OSError as exc:
        raise AdaptError(f"cannot read the existing output to check it for hand edits "
                         f"({(exc.strerror or type(exc).__name__).lower()})", str(path)) from exc


def edited_since_written(path: Path, current: bytes) -> bool:
    """Whether `current` (the content of `path`) is not what adapt last wrote there."""
    try:
        recorded = record_path(path).read_text("ascii").split()
    except (OSError, UnicodeDecodeError):
        recorded = []
    return _digest(current) not in recorded


def backup_path(path: Path) -> Path:
    """NAME.bak, or NAME.1.bak, NAME.2.bak, ... when earlier backups exist (never overwritten)."""
    candidate = path.with_name(path.name + ".bak")
    n = 1
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.{n}.bak")
        n += 1
    return candidate


def check_overwrite(path: Path, data: bytes, force: bool = False) -> bytes | None:
    """Refuse (AdaptError) to replace a hand-edited screenplay unless `force`; returns the
    edited content that must be backed up first, if any."""
    path = Path(path)
    if path.suffix.lower() not in PROTECTED_SUFFIXES:
        return None
    current = _existing(path)
    if current is None or current == data or not edited_since_written(path, current):
        return None
    if not force:
        raise AdaptError("edited since adapt wrote it; not overwritten (use --force to "
                         "overwrite it and keep the edited version as .bak)", str(path))
    return current


def write_output(path: Path, data: bytes, force: bool = False) -> Path | None:
    """Write one output file; a hand-edited screenplay is refused, or with `force` backed up
    first. Returns the backup's path when one was made."""
    path = Path(path)
    edited = check_overwrite(path, data, force)
    if path.suffix.lower() not in PROTECTED_SUFFIXES:
        write_atomic(path, data)
        return None
    backup = None
    if edited is not None:
        backup = backup_path(path)
        write_atomic(backup, edited)
    current = _existing(path)
    # While the file is replaced the record names both versions, so an interruption between
    # the two renames never makes an unedited file look edited.
    digests = [_digest(data)] + ([_digest(current)] if current is not None else [])
    record = record_path(path)
    write_atomic(record, "\n".join(digests).encode("ascii") + b"\n")
    write_atomic(path, data)
    if len(digests) > 1:
        write_atomic(record, digests[0].encode("ascii") + b"\n")
    return backup


def write_stdout(data: bytes) -> None:
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
