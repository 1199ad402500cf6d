"""Which files to read: explicit paths and recursive, deterministic directory walks.

Rules:
- a path that does not exist raises UsageError (a caller mistake: the CLI exits 2);
- an explicitly named file is always answered: read, or Rejected (unsupported type,
  broken link, not a regular file);
- in a directory walk, entries are visited in sorted name order; hidden files and folders
  (name starting with ".") and files of other types are skipped silently (a corpus folder
  often holds a README or an expected.yaml beside the reports); a symbolic link that leads
  back to a folder already being walked, a link loop, or a folder that cannot be listed
  becomes a Rejected and the walk goes on.
"""

from __future__ import annotations

import errno
import os
import pathlib
import stat
from collections.abc import Iterable, Iterator

from communique.errors import UsageError
from communique.records import Rejected

SUPPORTED = frozenset({".txt", ".md", ".html", ".htm", ".jsonl", ".xml", ".rss", ".atom"})


def display(path: pathlib.Path) -> str:
    """The path as text that can always be stored and printed: bytes of a file name that
    are not valid UTF-8 appear as backslash escapes instead of lone surrogates."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def check_exists(paths: Iterable[pathlib.Path]) -> list[pathlib.Path]:
    """The paths as a list; UsageError for the first that does not exist."""
    checked = [pathlib.Path(path) for path in paths]
    for path in checked:
        if not os.path.lexists(path):
            raise UsageError(f"no such file or directory: {display(path)}")
    return checked


def walk(paths: Iterable[pathlib.Path]) -> Iterator[pathlib.Path | Rejected]:
    """Files to read, in order, or Rejected for what cannot be walked or read."""
    for path in paths:
        try:
            is_dir = path.is_dir()
        except OSError as error:
            yield Rejected(display(path), "read", f"cannot open: {error.strerror or error}")
            continue
        if is_dir:
            yield from _walk_dir(path, set())
        else:
            yield _explicit_file(path)


def _explicit_file(path: pathlib.Path) -> pathlib.Path | Rejected:
    if path.suffix.lower() not in SUPPORTED:
        reason = f"unsupported file type {path.suffix or '(no extension)'!r}"
        return Rejected(display(path), "read", reason)
    return path


def _identity(path: pathlib.Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_dev, info.st_ino


def _walk_dir(folder: pathlib.Path, ancestors: set[tuple[int, int]]) -> Iterator:
    """Sorted recursive walk; `ancestors` are the folders on the way down (loop guard)."""
    try:
        identity = _identity(folder)
        entries = sorted(os.scandir(folder), key=lambda entry: os.fsencode(entry.name))
    except OSError as error:
        yield Rejected(display(folder), "read", os_reason(error))
        return
    if identity in ancestors:
        yield Rejected(display(folder), "read", "symbolic link loop: folder already walked")
        return
    inside = ancestors | {identity}
    for entry in entries:
        if entry.name.startswith("."):
            continue
        yield from _walk_entry(pathlib.Path(entry.path), inside)


def _walk_entry(path: pathlib.Path, ancestors: set[tuple[int, int]]) -> Iterator:
    try:
        mode = path.stat().st_mode
    except OSError as error:
        if path.suffix.lower() in SUPPORTED or path.is_symlink():
            yield Rejected(display(path), "read", os_reason(error))
        return
    if stat.S_ISDIR(mode):
        yield from _walk_dir(path, ancestors)
    elif path.suffix.lower() in SUPPORTED:
        yield path


def os_reason(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if isinstance(error, FileNotFoundError):
        return "broken symbolic link"
    return f"cannot open: {error.strerror or error}"
