"""From raw article text to the stored text and its blocks.

`clean_text` runs four small steps over a normalised text:
1. drop web boilerplate lines (rules in data/boilerplate.txt);
2. make paragraphs: a paragraph boundary is a blank line. A single line break also ends a
   paragraph when the line before it closes a sentence (or is a short title-like line) and
   the next line starts like a new sentence; other single line breaks are soft wraps inside
   a paragraph and stay as they are. A blank line that splits a sentence (a paragraph of
   8+ words not closing like a sentence, then one starting in lower case) is healed;
3. a short first line without a closing full stop is a headline, its own paragraph;
4. photo captions (rules in data/captions.txt, plus the wire-photo line "US - Someone does
   something ... on April 26, 2022." right after a headline) are marked.
Every paragraph becomes a Block; offsets index the returned text.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from communique.ingest.normalise import normalise
from communique.records import Block, BlockKind

_SEPARATORS = " \t|·•-–—:,;/"
_MAX_BOILERPLATE_CHARS = 300
_MAX_CAPTION_WORDS = 80
_SENTENCE_END = re.compile(r"[.!?:;…\"”’')\]]$")
_NEW_SENTENCE = re.compile(r"^[^a-z]")
_CONTINUATION = re.compile(r"^[\"“‘']?[a-z]")
_WIRE_PHOTO = re.compile(
    r"^[A-Z][A-Z.'’ ]{1,40}\s[-–—]\s.*\b(?:on|in)\s+(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+|"
    r"\d{1,2}\s+[A-Z][a-z]+\.?\s+)\d{4}\.?$"
)


def _data_lines(name: str) -> list[tuple[str, str]]:
    """(action, regex) rows of a rules file in data/, skipping comments and blank lines."""
    text = resources.files("communique.ingest").joinpath("data").joinpath(name).read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            action, _, pattern = line.strip().partition(" ")
            rows.append((action, pattern.strip()))
    return rows


@functools.cache
def _boilerplate() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(fragment pattern, cut pattern) compiled from data/boilerplate.txt."""
    rows = _data_lines("boilerplate.txt")
    drop = "|".join(f"(?:{p})" for action, p in rows if action == "drop")
    cut = "|".join(f"(?:{p})" for action, p in rows if action == "cut")
    return re.compile(drop, re.IGNORECASE), re.compile(rf"(?:{cut})$", re.IGNORECASE)


@functools.cache
def _captions() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(start, case-sensitive start, end) caption patterns from data/captions.txt."""
    rows = _data_lines("captions.txt")

    def join(where: str) -> str:
        return "|".join(f"(?:{p})" for action, p in rows if action == where)

    return (
        re.compile(rf"^(?:{join('start')})", re.IGNORECASE),
        re.compile(rf"^(?:{join('start-cs')})"),
        re.compile(rf"(?:{join('end')})$", re.IGNORECASE),
    )


def is_boilerplate(line: str) -> bool:
    """True when the line is made only of boilerplate fragments and separators."""
    if not line or len(line) > _MAX_BOILERPLATE_CHARS:
        return False
    fragments, _ = _boilerplate()
    return not fragments.sub("", line).strip(_SEPARATORS + "*.!")


def drop_boilerplate(lines: list[str]) -> list[str]:
    """The lines with boilerplate blanked (a removed widget separates paragraphs), cut at
    the first comment-section or footer line."""
    _, cut = _boilerplate()
    kept = []
    for line in lines:
        stripped = line.strip()
        if len(stripped) <= _MAX_BOILERPLATE_CHARS and cut.match(stripped):
            break
        kept.append("" if is_boilerplate(stripped) else line)
    return kept


_OPEN_ENDINGS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "and",
        "or",
        "but",
        "that",
        "as",
        "than",
        "its",
        "their",
        "his",
        "her",
    ]
)


def looks_like_headline(line: str) -> bool:
    """A short line with letters that does not close like a sentence of body text, nor
    stop on a word that needs a continuation ("of", "the", "and": a wrapped line)."""
    words = line.split()
    return (
        0 < len(words) <= 20
        and words[-1].lower() not in _OPEN_ENDINGS
        and len(line) <= 160
        and any(ch.isalpha() for ch in line)
        and not re.search(r"[.,;:]['\"”’)]?$", line)
    )


def _ends_paragraph(line: str, following: str) -> bool:
    """Whether a single line break between these two lines is a paragraph boundary."""
    if not _NEW_SENTENCE.match(following):
        return False
    if _SENTENCE_END.search(line):
        return True
    return len(line.split()) < 8 and looks_like_headline(line)


def paragraphs(lines: list[str]) -> list[str]:
    """Group lines (no blank line = no boundary) into paragraphs, per the module rule."""
    result: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                result.append(current)
            current = []
            continue
        if current and (
            _ends_paragraph(current[-1], line)
            or not result
            and len(current) == 1
            and looks_like_headline(current[0])
        ):
            result.append(current)
            current = []
        current.append(line)
    if current:
        result.append(current)
    return _heal(["\n".join(chunk) for chunk in result])


def _heal(parts: list[str]) -> list[str]:
    """Re-join a sentence that a stray blank line split in two: a long paragraph that does
    not close like a sentence, followed by one that starts in lower case."""
    healed: list[str] = []
    for part in parts:
        previous = healed[-1] if healed else ""
        if (
            len(previous.split()) >= 8
            and not _SENTENCE_END.search(previous)
            and _CONTINUATION.match(part)
        ):
            healed[-1] = previous + "\n" + part
        else:
            healed.append(part)
    return healed


def is_caption(paragraph: str, after_headline: bool = False) -> bool:
    """A photo caption: a labelled or credited short paragraph, or the wire-photo line."""
    if len(paragraph.split()) > _MAX_CAPTION_WORDS:
        return False
    start, start_cs, end = _captions()
    if start.match(paragraph) or start_cs.match(paragraph) or end.search(paragraph):
        return True
    return after_headline and bool(_WIRE_PHOTO.match(paragraph))


def _kinds(parts: list[str]) -> list[BlockKind]:
    kinds: list[BlockKind] = []
    for index, part in enumerate(parts):
        if index == 0 and len(parts) > 1 and "\n" not in part and looks_like_headline(part):
            kinds.append("headline" if not is_caption(part) else "caption")
        else:
            after_headline = index == 1 and kinds[0] == "headline"
            kinds.append("caption" if is_caption(part, after_headline) else "body")
    return kinds


def clean_text(raw: str) -> tuple[str, list[Block]]:
    """Normalise `raw`, drop boilerplate, make paragraphs and mark headline and captions.
    Returns the stored text (paragraphs joined by blank lines) and one Block per paragraph."""
    lines = drop_boilerplate(normalise(raw).split("\n"))
    parts = paragraphs(lines)
    blocks = []
    offset = 0
    for part, kind in zip(parts, _kinds(parts), strict=True):
        blocks.append(Block(offset, offset + len(part), kind))
        offset += len(part) + 2
    return "\n\n".join(parts), blocks
