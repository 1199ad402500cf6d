"""Reader for JSON Lines files (.jsonl): one article per line.

Known fields: `id`, `url`, `title`, `outlet`, `published`, and `text` or `html`; every
other field is kept as metadata. Each line stands alone: a malformed line, a line that is
not an object, a field of the wrong type or a line over the size limit becomes a Rejected
with its line number, and the good lines of the same file still become articles.
The size limit applies per line (a corpus file may hold thousands of articles); a line
is never read past the limit, however long it is.
"""

from __future__ import annotations

import codecs
import io
import json
import pathlib
from collections.abc import Iterator
from typing import IO

from communique.ingest.article import Draft, build_article
from communique.ingest.dateline import parse_date
from communique.ingest.decode import Unreadable, check_not_binary, decode
from communique.ingest.html import read_markup
from communique.records import Article, Rejected

_STRING_FIELDS = ("url", "title", "outlet", "published", "text", "html")
_MAX_FIELD_CHARS = {"url": 4000, "title": 1000, "outlet": 500, "published": 100}
_CHUNK = 1 << 16


def _lines(handle: IO[bytes], max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; bytes is None for a line over the limit, which is
    skipped in chunks without being held in memory."""
    number = 0
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := handle.readline(_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def _open(path: pathlib.Path) -> IO[bytes]:
    """The file as bytes; UTF-16 files are re-encoded to UTF-8 on the fly."""
    handle = path.open("rb")
    head = handle.peek(2)[:2] if isinstance(handle, io.BufferedReader) else b""
    if head in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return codecs.EncodedFile(handle, "utf-8", "utf-16")  # type: ignore[return-value]
    return handle


def _field(record: dict[str, object], name: str) -> str | None:
    """A known string field, checked for type and length."""
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise Unreadable(f"field {name!r} must be a string, not {type(value).__name__}")
    limit = _MAX_FIELD_CHARS.get(name)
    if limit and len(value) > limit:
        raise Unreadable(f"field {name!r} too long: {len(value)} characters > {limit}")
    return value


def _given_id(record: dict[str, object]) -> str | None:
    value = record.get("id")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise Unreadable(f"field 'id' must be a string or an integer, not {type(value).__name__}")
    return str(value)


def _draft(record: dict[str, object], source: str) -> Draft:
    """A Draft from one decoded JSON object."""
    fields = {name: _field(record, name) for name in _STRING_FIELDS}
    metadata = {k: v for k, v in record.items() if k not in (*_STRING_FIELDS, "id")}
    raw, title, outlet, published = fields["text"], fields["title"], fields["outlet"], None
    if raw is None and fields["html"] is not None:
        page = read_markup(fields["html"])
        raw, title, outlet = page.text, title or page.title, outlet or page.outlet
        published = page.published
    if raw is None or not raw.strip():
        raise Unreadable("no 'text' or 'html' field with text")
    date_text = fields["published"] or published
    return Draft(
        raw=raw,
        source_path=source,
        title=title,
        outlet=outlet,
        url=fields["url"],
        published=parse_date(date_text) if date_text else None,
        given_id=_given_id(record),
        metadata=metadata,
    )


def _parse_line(data: bytes, source: str) -> Article:
    try:
        record = json.loads(decode(data))
    except json.JSONDecodeError as error:
        raise Unreadable(f"invalid JSON: {error.msg} (column {error.colno})") from error
    except RecursionError as error:
        raise Unreadable("invalid JSON: nested too deeply") from error
    if not isinstance(record, dict):
        raise Unreadable(f"expected a JSON object, got {type(record).__name__}")
    return build_article(_draft(record, source))


def read_jsonl(path: pathlib.Path, source: str, max_bytes: int) -> Iterator[Article | Rejected]:
    """One Article or Rejected per non-blank line of a JSON Lines file."""
    with _open(path) as handle:
        if isinstance(handle, io.BufferedReader):
            check_not_binary(handle.peek(1024)[:1024])
        produced = False
        for number, data in _lines(handle, max_bytes):
            if data is not None and not data.strip():
                continue
            produced = True
            yield _line_result(data, number, source, max_bytes)
        if not produced:
            raise Unreadable("empty: no JSON lines")


def _line_result(
    data: bytes | None, number: int, source: str, max_bytes: int
) -> Article | Rejected:
    """The Article for one line, or a Rejected naming the line and the reason."""
    if data is None:
        return Rejected(source, "read", f"line {number}: too large: > {max_bytes} bytes", number)
    try:
        return _parse_line(data, source)
    except Unreadable as problem:
        return Rejected(source, "read", f"line {number}: {problem}", number)
    except Exception as error:  # one odd line must not cost the file's other articles
        reason = f"line {number}: internal error: {type(error).__name__}: {error}"
        return Rejected(source, "read", reason, number)
