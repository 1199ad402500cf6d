"""Bytes to text, with every way it can fail turned into a reason.

`read_limited` never reads more than `max_bytes + 1` bytes, so a huge file (or a 10 MB
single line) costs at most the limit in memory. `decode` tries UTF-8 (with or without a
BOM), UTF-16 when a BOM says so, then cp1252; binary content (NUL bytes, or mostly control
characters) is refused before decoding.
"""

from __future__ import annotations

import codecs
import os
import pathlib


class Unreadable(Exception):
    """A file or record that cannot become text; the message is the rejection reason."""


_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_SNIFF = 1024
_CONTROL_SHARE = 0.1
_TEXT_CONTROLS = frozenset(b"\n\r\t\x0c")


def read_limited(path: pathlib.Path, max_bytes: int) -> bytes:
    """The bytes of a regular file, or Unreadable when it is too large or cannot be read."""
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
            if len(data) > max_bytes:
                size = os.fstat(handle.fileno()).st_size
                raise Unreadable(f"too large: {size} bytes > limit {max_bytes}")
    except OSError as error:
        raise Unreadable(f"unreadable: {error.strerror or error}") from error
    return data


def check_not_binary(data: bytes) -> None:
    """Unreadable("binary file") when the first KB has a NUL byte or is mostly controls."""
    head = data[:_SNIFF]
    if head.startswith(_UTF16_BOMS):
        return
    if b"\x00" in head:
        raise Unreadable("binary file: NUL bytes")
    controls = sum(1 for byte in head if byte < 32 and byte not in _TEXT_CONTROLS)
    if head and controls / len(head) > _CONTROL_SHARE:
        raise Unreadable("binary file: mostly control characters")


def decode(data: bytes) -> str:
    """Text from bytes (see module doc), or Unreadable with the reason."""
    check_not_binary(data)
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise Unreadable("undecodable: invalid UTF-16") from error
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise Unreadable("undecodable: not UTF-8, UTF-16 or cp1252")


def non_empty(text: str) -> str:
    """`text` itself, or Unreadable("empty ...") when it has nothing but whitespace."""
    if not text:
        raise Unreadable("empty file")
    if not text.strip():
        raise Unreadable("empty: whitespace only")
    return text
