"""Ingest: files in, clean Articles (or Rejected records with a reason) out.

    read_inputs(paths)      -> Article | Rejected, per file / JSONL line / feed entry
    clean_text(raw)         -> (stored text, blocks): normalisation, boilerplate, captions
    article_id_for(text, given)
    NearDuplicateIndex      MinHash LSH over word shingles, for wire copies

Bad input never raises: every reader turns its failures into Rejected(stage="read").
Only a caller mistake raises: a path that does not exist is a UsageError.
"""

from __future__ import annotations

import pathlib
import stat
from collections.abc import Callable, Iterable, Iterator

from communique.ingest.article import article_id_for
from communique.ingest.clean import clean_text
from communique.ingest.decode import Unreadable
from communique.ingest.feed import read_feed
from communique.ingest.html import read_html
from communique.ingest.jsonl import read_jsonl
from communique.ingest.neardup import NearDuplicateIndex
from communique.ingest.text import read_text
from communique.ingest.walk import check_exists, display, os_reason, walk
from communique.records import Article, Rejected

__all__ = ["NearDuplicateIndex", "article_id_for", "clean_text", "read_inputs"]

DEFAULT_MAX_BYTES = 5_000_000

Result = Article | Rejected
Reader = Callable[[pathlib.Path, str, int], Article | Iterator[Result]]

READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".xml": read_feed,
    ".rss": read_feed,
    ".atom": read_feed,
}


def read_inputs(
    paths: Iterable[pathlib.Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Result]:
    """Articles and Rejected records from files and folders, in a deterministic order.
    Raises UsageError at once (before anything is read) for a path that does not exist."""
    checked = check_exists(paths)
    return _read_all(checked, max_bytes)


def _read_all(paths: list[pathlib.Path], max_bytes: int) -> Iterator[Result]:
    for item in walk(paths):
        if isinstance(item, Rejected):
            yield item
        else:
            yield from read_file(item, max_bytes)


def read_file(path: pathlib.Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Result]:
    """Everything one file yields. No exception escapes: expected failures carry their
    reason, anything else becomes "internal error: <type>: <message>"."""
    source = display(path)
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            yield Rejected(source, "read", "not a regular file")
            return
        result = READERS[path.suffix.lower()](path, source, max_bytes)
        if isinstance(result, Article):
            yield result
        else:
            yield from result
    except Unreadable as problem:
        yield Rejected(source, "read", str(problem))
    except OSError as error:
        yield Rejected(source, "read", os_reason(error))
    except Exception as error:  # a bug or a library failure on one file must not end the batch
        yield Rejected(source, "read", f"internal error: {type(error).__name__}: {error}")
