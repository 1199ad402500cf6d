"""Reader for plain text and Markdown reports (.txt, .md)."""

from __future__ import annotations

import pathlib
import re

from communique.ingest.article import Draft, build_article
from communique.ingest.dateline import parse_date, take_dateline
from communique.ingest.decode import decode, non_empty, read_limited
from communique.ingest.normalise import normalise
from communique.records import Article

_MARKDOWN = [
    (re.compile(r"^```.*$|^~~~.*$", re.MULTILINE), ""),  # code fences
    (re.compile(r"^ {0,3}(?:[-*_] *){3,}$", re.MULTILINE), ""),  # horizontal rules
    (re.compile(r"^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.MULTILINE), r"\1"),  # ATX headings
    (re.compile(r"^ {0,3}(?:=+|-+)\s*$", re.MULTILINE), ""),  # setext underlines
    (re.compile(r"^ {0,3}> ?", re.MULTILINE), ""),  # block quotes
    (re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)"), ""),  # images
    (re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)"), r"\1"),  # links keep their text
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
]


def strip_markdown(text: str) -> str:
    """Plain text from Markdown: heading, emphasis, link, image and quote marks removed."""
    for pattern, replacement in _MARKDOWN:
        text = pattern.sub(replacement, text)
    return text


_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
_FIELD = re.compile(r"^([A-Za-z_]+)\s*:\s*(.*?)\s*$", re.MULTILINE)


def take_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Simple `key: value` fields of a leading YAML front-matter block, and the rest."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields = {key.lower(): value.strip("\"'") for key, value in _FIELD.findall(match.group(1))}
    return fields, text[match.end() :]


def read_text(path: pathlib.Path, source: str, max_bytes: int) -> Article:
    """One article from a text file: leading date line read and removed, Markdown marks
    (and front matter) handled for .md, a first short line taken as the title."""
    text = normalise(non_empty(decode(read_limited(path, max_bytes))))
    fields: dict[str, str] = {}
    if path.suffix.lower() == ".md":
        fields, text = take_front_matter(text)
        text = strip_markdown(text)
    published, body = take_dateline(text)
    given_date = fields.get("date") or fields.get("published")
    draft = Draft(
        raw=body,
        source_path=source,
        title=fields.get("title"),
        outlet=fields.get("outlet") or fields.get("source"),
        url=fields.get("url"),
        published=published or (parse_date(given_date) if given_date else None),
    )
    return build_article(draft)
