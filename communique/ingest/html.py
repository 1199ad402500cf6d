"""Reader for web pages (.html, .htm), and HTML-to-text for feeds and JSONL `html` fields.

The main text comes from trafilatura (which reads the date with htmldate). For short
pages trafilatura falls back to a baseline that flattens paragraphs into one line, or
finds nothing; then the text of the page's <article>, <main> or <body> is taken with
block elements as paragraph breaks and navigation, scripts and forms left out. Nothing
is ever fetched: only strings and parsed trees go to the libraries, never a URL.
"""

from __future__ import annotations

import pathlib
import re
from dataclasses import dataclass, field

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from communique.ingest.article import Draft, build_article
from communique.ingest.dateline import parse_date
from communique.ingest.decode import Unreadable, decode, non_empty, read_limited
from communique.records import Article

_SKIPPED = [
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "iframe",
    "svg",
    "canvas",
    "object",
    "embed",
    "head",
]
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "figcaption",
        "figure",
        "section",
        "article",
        "main",
        "table",
        "tr",
        "dd",
        "dt",
        "pre",
        "hr",
    ]
)
_META_FIELDS = ("author", "description", "hostname", "categories", "tags", "language")


@dataclass(slots=True)
class Page:
    """Text and metadata read from an HTML document."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    metadata: dict[str, object] = field(default_factory=dict)


_PARSER = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)


def _parse(markup: str) -> lxml_html.HtmlElement | None:
    """A whole page or a fragment as an lxml tree; None when lxml finds nothing."""
    try:
        return lxml_html.fromstring(markup.encode("utf-8", "replace"), parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None


def fragment_text(markup: str) -> str:
    """Visible text of HTML, block elements as paragraph breaks ("" when none)."""
    if "<" not in markup:
        return markup
    tree = _parse(markup)
    if tree is None:
        return ""
    containers = tree.xpath("//article | //main")
    root = containers[0] if containers else tree
    for element in list(root.iter(*_SKIPPED)):
        if element is not root:
            element.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    return lxml_html.tostring(root, method="text", encoding="unicode")


# control characters XML (and so lxml) refuses; they are never text in a page
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def read_markup(markup: str) -> Page:
    """The main text and metadata of an HTML document (see module doc)."""
    markup = _NOT_XML.sub("", markup)
    document = trafilatura.bare_extraction(
        markup, with_metadata=True, include_comments=False, include_tables=False
    )
    text = document.text if document is not None else None
    if not text or ("\n" not in text and len(text) < 2000):
        text = fragment_text(markup) or text or ""
    if document is None:
        return Page(text=text)
    metadata = {name: value for name in _META_FIELDS if (value := getattr(document, name, None))}
    return Page(
        text=text.replace("\n", "\n\n"),
        title=document.title,
        outlet=document.sitename,
        url=document.url,
        published=document.date,
        metadata=metadata,
    )


def read_html(path: pathlib.Path, source: str, max_bytes: int) -> Article:
    """One article from a web page saved to disk."""
    page = read_markup(non_empty(decode(read_limited(path, max_bytes))))
    if not page.text.strip():
        raise Unreadable("no main text found in the HTML")
    return build_article(
        Draft(
            raw=page.text,
            source_path=source,
            title=page.title,
            outlet=page.outlet,
            url=page.url,
            published=parse_date(page.published) if page.published else None,
            metadata=page.metadata,
        )
    )
