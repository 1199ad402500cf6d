"""Building the Article record every reader returns, and its stable id."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from communique.ingest.clean import clean_text
from communique.ingest.decode import Unreadable
from communique.ingest.normalise import normalise
from communique.records import Article

_ID_CHARS = 16


def content_hash(text: str) -> str:
    """sha1 of the stored text, hex."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def article_id_for(text: str, given: str | None) -> str:
    """The given id (stripped) when there is one, else the first 16 hex digits of the
    sha1 of the normalised text, so the same report gets the same id wherever it is read."""
    if given is not None and str(given).strip():
        return str(given).strip()
    return content_hash(text)[:_ID_CHARS]


@dataclass(slots=True)
class Draft:
    """What a reader found, before cleaning: raw text and whatever metadata it had."""

    raw: str
    source_path: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    given_id: str | None = None
    metadata: dict[str, object] = field(default_factory=dict)


def build_article(draft: Draft) -> Article:
    """Clean the draft's text into an Article; Unreadable when no text is left."""
    text, blocks = clean_text(draft.raw)
    if not text:
        raise Unreadable("empty: no text left after cleaning")
    title = draft.title
    if not title and blocks and blocks[0].kind == "headline":
        title = text[blocks[0].start : blocks[0].end]
    return Article(
        article_id=article_id_for(text, draft.given_id),
        text=text,
        title=_short(title),
        outlet=_short(draft.outlet),
        url=_short(draft.url),
        published=draft.published,
        source_path=draft.source_path,
        content_hash=content_hash(text),
        blocks=blocks,
        metadata=draft.metadata,
    )


def _short(value: str | None) -> str | None:
    """A one-line metadata value with its whitespace tidied; None when empty."""
    if value is None:
        return None
    value = " ".join(normalise(value).split())
    return value or None
