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
import itertools
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
    tmp, _ = _temporary_copy(path, (data,))
    _move_into_place(tmp, path)


class Staged:
    """An output written in full to a temporary file beside its target, not yet in place:
    `commit` renames it over the target, `discard` removes it."""

    def __init__(self, path: Path, tmp: str, digest: str):
        self.path, self.tmp, self.digest = path, tmp, digest

    def discard(self) -> None:
        if self.tmp is not None:
            _remove(self.tmp)
            self.tmp = None


def stage(path: Path, chunks) -> Staged:
    """Write the byte strings `chunks` to a temporary file beside `path`, as they come (a long
    output is never held whole), and flush it to disk; nothing at `path` changes yet."""
    path = Path(path)
    tmp, digest = _temporary_copy(path, chunks)
    return Staged(path, tmp, digest)


def _temporary_copy(path: Path, chunks) -> tuple[str, str]:
    """(temporary file beside `path` holding the chunks, their SHA-256). The first chunk is
    made before anything is created: an output that fails to render leaves no trace."""
    chunks = iter(chunks)
    first = next(chunks, b"")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _cannot_write(path.parent, "output folder", exc) from exc
    digest = hashlib.sha256()
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in itertools.chain((first,), chunks):
                digest.update(chunk)
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private to its owner; give it the permissions of a new file.
        os.chmod(tmp, 0o666 & ~_umask())
    except BaseException as exc:
        _remove(tmp)
        if isinstance(exc, OSError):
            raise _cannot_write(path, "output", exc) from exc
        raise
    return tmp, digest.hexdigest()


def _move_into_place(tmp: str, path: Path) -> None:
    try:
        os.replace(tmp, path)
    except BaseException as exc:
        _remove(tmp)
        if isinstance(exc, OSError):
            raise _cannot_write(path, "output", exc) from exc
        raise


def _remove(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass


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


def _file_digest(path: Path) -> str | None:
    """SHA-256 of the output about to be replaced, read in blocks (None when there is none)."""
    if not path.is_file():
        return None
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    return digest.hexdigest()


def _existing(path: Path) -> bytes | None:
    """The current content of an output about to be replaced (None when there is none)."""
    if not path.is_file():
        return None
    try:
        return path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc) from exc


def _unreadable(path: Path, exc: OSError) -> AdaptError:
    return AdaptError(f"cannot read the existing output to check it for hand edits "
                      f"({(exc.strerror or type(exc).__name__).lower()})", str(path))


def _recorded(path: Path) -> list[str]:
    try:
        return record_path(path).read_text("ascii").split()
    except (OSError, UnicodeDecodeError):
        return []


def backup_path(path: Path) -> Path:
    """NAME.bak, or NAME.1.bak, NAME.2.bak, ... when earlier backups exist (never overwritten)."""
    candidate = path.with_name(path.name + ".bak")
    n = 1
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.{n}.bak")
        n += 1
    return candidate


def check_staged(staged: Staged, force: bool = False) -> bool:
    """Refuse (AdaptError) to replace a hand-edited screenplay with a staged output unless
    `force`; returns whether the edited content must be backed up first."""
    path, new_digest = staged.path, staged.digest
    if path.suffix.lower() not in PROTECTED_SUFFIXES:
        return False
    current = _file_digest(path)
    if current is None or current == new_digest or current in _recorded(path):
        return False
    if not force:
        raise AdaptError("edited since adapt wrote it; not overwritten (use --force to "
                         "overwrite it and keep the edited version as .bak)", str(path))
    return True


def write_output(path: Path, data: bytes, force: bool = False) -> Path | None:
    """Write one output file; a hand-edited screenplay is refused, or with `force` backed up
    first. Returns the backup's path when one was made."""
    staged = stage(path, (data,))
    try:
        return commit(staged, force)
    finally:
        staged.discard()


def commit(staged: Staged, force: bool = False) -> Path | None:
    """Put a staged output in place, with the same protection as `write_output`."""
    path = staged.path
    edited = check_staged(staged, force)
    if path.suffix.lower() not in PROTECTED_SUFFIXES:
        _move_into_place(staged.tmp, path)
        staged.tmp = None
        return None
    backup = None
    if edited:
        backup = backup_path(path)
        write_atomic(backup, _existing(path))
    current = _file_digest(path)
    # While the file is replaced the record names both versions, so an interruption between
    # the two renames never makes an unedited file look edited.
    digests = [staged.digest] + ([current] if current is not None else [])
    record = record_path(path)
    write_atomic(record, "\n".join(digests).encode("ascii") + b"\n")
    _move_into_place(staged.tmp, path)
    staged.tmp = None
    if len(digests) > 1:
        write_atomic(record, digests[0].encode("ascii") + b"\n")
    return backup


def write_stdout(data: bytes) -> None:
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
