"""Reader for RSS and Atom feeds (.xml, .rss, .atom): one article per entry.

The XML is first parsed by defusedxml, which refuses entity declarations and external
references (XXE, "billion laughs") instead of resolving them, and reports malformed XML;
only a well-formed, safe RSS/RDF/Atom document then goes to feedparser, as bytes in
memory, so feedparser never opens a URL. An entry's text is its content, else its
summary, with HTML turned into paragraphs.
"""

from __future__ import annotations

import datetime as dt
import io
import pathlib
import time
from collections.abc import Iterator
from xml.etree.ElementTree import ParseError

import defusedxml
import defusedxml.ElementTree
import feedparser

from communique.ingest.article import Draft, build_article
from communique.ingest.decode import Unreadable, check_not_binary, non_empty, read_limited
from communique.ingest.html import fragment_text
from communique.records import Article, Rejected

_FEED_ROOTS = frozenset({"rss", "feed", "RDF", "channel"})


def check_xml(data: bytes) -> None:
    """Unreadable unless `data` is well-formed, entity-free XML whose root is a feed."""
    try:
        root = defusedxml.ElementTree.fromstring(data)
    except defusedxml.DefusedXmlException as error:
        raise Unreadable(f"unsafe XML refused: {type(error).__name__}") from error
    except ParseError as error:
        raise Unreadable(f"broken feed: {error}") from error
    name = root.tag.rsplit("}", 1)[-1]
    if name not in _FEED_ROOTS:
        raise Unreadable(f"not an RSS or Atom feed: root element <{name}>")


def _entry_text(entry: feedparser.FeedParserDict) -> str:
    """Content (the longest part) if the entry has any, else the summary, as plain text."""
    parts = [part.get("value", "") for part in entry.get("content", [])]
    markup = max(parts, key=len, default="") or entry.get("summary", "")
    return fragment_text(markup) if "<" in markup else markup


def _date(entry: feedparser.FeedParserDict) -> dt.date | None:
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.date(*parsed[:3]) if parsed else None


def _draft(entry: feedparser.FeedParserDict, outlet: str | None, source: str) -> Draft:
    metadata = {name: entry[name] for name in ("id", "author") if isinstance(entry.get(name), str)}
    tags = [tag.get("term") for tag in entry.get("tags", []) if tag.get("term")]
    if tags:
        metadata["tags"] = tags
    return Draft(
        raw=_entry_text(entry),
        source_path=source,
        title=entry.get("title"),
        outlet=outlet,
        url=entry.get("link"),
        published=_date(entry),
        metadata=metadata,
    )


def read_feed(path: pathlib.Path, source: str, max_bytes: int) -> Iterator[Article | Rejected]:
    """One Article (or Rejected) per feed entry; the whole file Rejected if it is broken."""
    data = read_limited(path, max_bytes)
    check_not_binary(data)
    non_empty(data.decode("latin-1"))
    check_xml(data)
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        raise Unreadable("feed has no entries")
    outlet = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            yield build_article(_draft(entry, outlet, source))
        except Unreadable as problem:
            yield Rejected(source, "read", f"entry {number}: {problem}")
