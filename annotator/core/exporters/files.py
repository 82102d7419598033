"""Atomic output: nothing appears under a real name until the whole export is written.

``AtomicFiles`` collects several files (the data of each split, a features file,
the manifest), each streamed to a temporary name beside its target; ``commit``
fsyncs them all and renames them into place, ``abort`` removes them.
``AtomicFolder`` builds a folder export in a temporary folder beside the target
and swaps it in at the end (replacing an earlier export of ours, never a folder
holding anything else).
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterable

MANIFEST_NAME = "manifest.json"
MANY_FILES = 200


class ExportError(ValueError):
    """An export that cannot be done as asked; the message is for the user."""


def _mode(directory: bool = False) -> int:
    """Ordinary permissions under the user's umask (0644/0755 by default): a brat server or a
    colleague's account can read the export (temporary files are created 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    return (0o777 if directory else 0o666) & ~mask


def _cannot_write(path: Path, error: OSError) -> "ExportError":
    """The user's path and what is wrong with it, never our temporary file's name."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        reason = "it is a folder"
    elif not folder.exists():
        reason = f"there is no folder {folder}"
    elif not folder.is_dir():
        reason = f"{folder} is not a folder"
    elif not os.access(folder, os.W_OK):
        reason = f"the folder {folder} cannot be written"
    else:
        reason = error.strerror or str(error)
    return ExportError(f"{path}: cannot write the export here: {reason}")


def _fsync(handle) -> None:
    handle.flush()
    os.fsync(handle.fileno())


_WRITEBACK = 8 << 20          # bytes written between two early writebacks
_fadvise = getattr(os, "posix_fadvise", None)


def _start_writeback(handle, done: int) -> int:
    """Ask the kernel to start writing what ``handle`` holds beyond ``done`` bytes (Linux:
    POSIX_FADV_DONTNEED starts the writeback of dirty pages without waiting for it), so the
    disk writes while the export computes and the final fsync waits only for the tail.
    Returns the new ``done``."""
    handle.flush()
    position = os.lseek(handle.fileno(), 0, os.SEEK_CUR)
    if position - done >= _WRITEBACK:
        try:
            _fadvise(handle.fileno(), done, position - done, os.POSIX_FADV_DONTNEED)
        except OSError:
            pass
        done = position
    return done


class AtomicFiles:
    """Files written under temporary names and renamed together on ``commit``."""

    def __init__(self):
        self._open: list[tuple[object, str, Path]] = []
        self._written: dict[int, int] = {}     # fd -> bytes handed to early writeback
        self._remove: list[Path] = []          # files of an earlier export this one replaces by nothing

    def writeback(self) -> None:
        """Start writing to disk what is already written (cheap; call now and then while
        streaming a large file): the fsync of ``commit`` then has little left to wait for."""
        if _fadvise is None:
            return
        for handle, _, _ in self._open:
            fd = handle.fileno()
            self._written[fd] = _start_writeback(handle, self._written.get(fd, 0))

    def open(self, path, binary: bool = False):
        path = Path(path)
        if path.is_dir():
            raise _cannot_write(path, IsADirectoryError(path))
        try:
            fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent or ".")
        except OSError as error:
            raise _cannot_write(path, error) from None
        os.fchmod(fd, _mode())
        handle = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        self._open.append((handle, temporary, path))
        return handle

    def write(self, path, text: str | bytes) -> None:
        handle = self.open(path, binary=isinstance(text, bytes))
        handle.write(text)

    def discard(self, path) -> None:
        """Drop the file for ``path`` (an empty split): it is not written at all."""
        for entry in [e for e in self._open if e[2] == Path(path)]:
            handle, temporary, _ = entry
            handle.close()
            if os.path.exists(temporary):
                os.unlink(temporary)
            self._open.remove(entry)

    def remove(self, path) -> None:
        """Remove ``path`` on ``commit``, with the renames (an old split file this export does not
        write again); ``abort`` leaves it, like every other file of the earlier export."""
        self._remove.append(Path(path))

    def commit(self) -> list[Path]:
        for handle, _, _ in self._open:
            _fsync(handle)
            handle.close()
        for _, temporary, path in self._open:
            os.replace(temporary, path)
        # After the renames: a crash in between leaves an extra old file, never a missing one.
        for path in self._remove:
            try:
                os.unlink(path)
            except FileNotFoundError:
                pass
        done = [path for _, _, path in self._open]
        self._open, self._remove = [], []
        return done

    def abort(self) -> None:
        for handle, temporary, _ in self._open:
            handle.close()
            if os.path.exists(temporary):
                os.unlink(temporary)
        self._open, self._remove = [], []


class AtomicFolder:
    """A folder export built beside the target, then renamed into place."""

    def __init__(self, path):
        self.path = Path(path)
        if self.path.exists() and not self.path.is_dir():
            raise ExportError(f"{self.path} is a file; a {self.path.name} folder is needed for this format")
        if self.path.is_dir() and any(self.path.iterdir()) and not (self.path / MANIFEST_NAME).exists():
            raise ExportError(f"{self.path} is a folder that holds other files; choose a new or empty folder")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.temporary = Path(tempfile.mkdtemp(prefix=f".{self.path.name}.", suffix=".part", dir=self.path.parent))
        except OSError as error:
            raise _cannot_write(self.path, error) from None
        self.temporary.chmod(_mode(directory=True))
        self._made: set[Path] = {self.temporary}

    def open(self, relative, binary: bool = False):
        target = self.temporary / relative
        if target.parent not in self._made:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(target.parent)
        return open(target, "wb") if binary else open(target, "w", encoding="utf-8", newline="\n")

    def write(self, relative, text: str | bytes) -> None:
        with self.open(relative, binary=isinstance(text, bytes)) as handle:
            handle.write(text)

    def commit(self) -> list[Path]:
        files = [os.path.join(root, name) for root, _, names in os.walk(self.temporary) for name in names]
        if len(files) > MANY_FILES and hasattr(os, "sync"):
            os.sync()      # one flush of everything instead of thousands of fsyncs (brat: two files a document)
        else:
            for name in files:
                with open(name, "rb") as handle:
                    os.fsync(handle.fileno())
        old = None
        if self.path.exists():
            old = self.path.with_name(f".{self.path.name}.old-{os.getpid()}")
            os.replace(self.path, old)
        os.replace(self.temporary, self.path)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return [self.path]

    def abort(self) -> None:
        shutil.rmtree(self.temporary, ignore_errors=True)


def write_atomic(path, lines: Iterable[str]) -> None:
    """Stream lines to a temporary file beside ``path`` and rename it into place.

    An interrupted export never leaves a truncated file under the real name.
    """
    files = AtomicFiles()
    try:
        handle = files.open(path)
        for line in lines:
            handle.write(line)
        files.commit()
    except BaseException:
        files.abort()
        raise
