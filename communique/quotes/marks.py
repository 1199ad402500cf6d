"""Direct quotes: the text between quotation marks, found from the marks alone.

Straight (") and curly (“ ”) double marks, low-9 („), guillemets (« ») and the doubled
apostrophes and backticks of some news archives ('' and ``) are paired in order. A quote
left open at the end of a paragraph continues when the next paragraph opens with a
quotation mark (the newspaper convention for a quote over several paragraphs); otherwise
it ends with its paragraph. A closing mark that opens a line before a word ("”We stay.”")
is a misdirected opening mark. A straight mark set off by a space from a single mark
(" 'X' is ..." and "... the term 'X,' ") opens or closes a quote that begins or ends with
a quote inside it. Single quotation marks are mostly apostrophes or quotes inside quotes,
so they count only where no double-marked quote holds them (the British house style of
‘...’ for quotes, a headline's style, a house style mixing both): a curly ‘ before a word
opens, and the first ’ of the paragraph after a comma or stop, or before punctuation, a
line end or a capital, closes (else the first ’ that no letter follows; never an
apostrophe). Straight single marks pair
within one line: one after a space and before a letter opens, and the first one after a
letter or stop that no letter or digit follows closes ("'n'" and "'90s" are none).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_MARK = re.compile(r"[\"“”„«»]|''|``")  # '' and `` stand for marks in some archives
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_OPENERS = ("“", "„", "«", "``")
_CLOSERS = ("”", "»")
_BEFORE_OPENER = " \t\n([{—–-/:;"
_TRAILING = " \t\n,"


@dataclass(slots=True, frozen=True)
class QuoteSpan:
    """The quoted words between an opening and a closing mark (marks excluded)."""

    start: int
    end: int
    closed: bool = True


def paragraph_starts(text: str) -> list[int]:
    """Start offsets of the paragraphs (blocks separated by a blank line)."""
    return [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]


_SINGLE_OPENER = re.compile(r"(?:^|(?<=[\s(\[—–-]))‘(?=\w)", re.MULTILINE)
# a closer after a comma or stop, or before punctuation, a line end or a capital; failing
# that any ’ no letter follows ("the ministers’ decision" is a plural possessive)
_SINGLE_CLOSER_SURE = re.compile(r"(?<=[,.?!…])’|(?<=\S)’(?=[,.;:?!)]|\s*$|\s+[A-Z])", re.MULTILINE)
_SINGLE_CLOSER = re.compile(r"(?<=\S)’(?![\w’])")


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every direct quote in `text`, in order, with the marks left out."""
    if _MARK.search(text) is None:
        return sorted(
            _single_quotes(text) + _straight_single_quotes(text), key=lambda span: span.start
        )
    starts = paragraph_starts(text)
    spans: list[QuoteSpan] = []
    open_at: int | None = None  # the end of the open quote's mark
    open_paragraph = 0  # the paragraph the open quote has reached
    for match in _MARK.finditer(text):
        pos, mark = match.start(), match.group()
        paragraph = _paragraph(starts, pos)
        if open_at is not None and paragraph != open_paragraph:
            if _is_opener(text, pos, mark) and _starts_paragraph(text, starts, pos):
                open_paragraph = paragraph  # the quote goes on in this paragraph
                continue
            end = _paragraph_end(text, starts, starts[open_paragraph])
            spans.append(_span(text, open_at, end, False))
            open_at = None
        if open_at is None:
            if _is_opener(text, pos, mark):
                open_at, open_paragraph = match.end(), paragraph
        elif _is_closer(text, pos, mark):
            spans.append(_span(text, open_at, pos, True))
            open_at = None
        elif mark in _OPENERS:
            open_at = match.end()  # an unclosed quote inside the paragraph: start again here
    if open_at is not None:
        end = _paragraph_end(text, starts, starts[open_paragraph])
        spans.append(_span(text, open_at, end, False))
    spans = [span for span in spans if span.end > span.start]
    return sorted(spans + _singles_outside(text, spans), key=lambda span: span.start)


def _singles_outside(text: str, spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Single-marked quotes that no double-marked quote holds: a headline's style, or a
    house style mixing both ("called the strike 'unbalanced and unacceptable'")."""
    singles = _single_quotes(text) + _straight_single_quotes(text)
    return [
        single
        for single in singles
        if not any(s.start - 1 <= single.end and single.start <= s.end + 1 for s in spans)
    ]


# a straight ' opening before a letter after a space, and its closer: the first ' after a
# letter or stop that no letter or digit follows (never a doubled '' mark)
_STRAIGHT_OPENER = re.compile(r"(?:^|(?<=[\s(\[—–-]))'(?=[A-Za-z])", re.MULTILINE)
_STRAIGHT_CLOSER = re.compile(r"(?<=[\w.,!?])'(?![\w'])")


def _straight_single_quotes(text: str) -> list[QuoteSpan]:
    """'...' quotes in straight single marks, each inside one line, of two letters or more."""
    spans: list[QuoteSpan] = []
    at = 0
    for opener in _STRAIGHT_OPENER.finditer(text):
        if opener.start() < at or text[opener.start() - 1 : opener.start()] == "'":
            continue
        line_end = text.find("\n", opener.end())
        closer = _STRAIGHT_CLOSER.search(
            text, opener.end(), len(text) if line_end < 0 else line_end
        )
        if closer is None:
            continue
        span = _span(text, opener.end(), closer.start(), True)
        if sum(c.isalpha() for c in text[span.start : span.end]) >= 2:
            spans.append(span)
        at = closer.end()
    return spans


def _single_quotes(text: str) -> list[QuoteSpan]:
    """‘...’ quotes of a text that uses single marks only, each inside its paragraph."""
    starts = paragraph_starts(text)
    spans: list[QuoteSpan] = []
    at = 0
    for opener in _SINGLE_OPENER.finditer(text):
        if opener.start() < at:
            continue
        end = _paragraph_end(text, starts, opener.start())
        closer = _SINGLE_CLOSER_SURE.search(text, opener.end(), end)
        closer = closer or _SINGLE_CLOSER.search(text, opener.end(), end)
        if closer is None:
            continue
        span = _span(text, opener.end(), closer.start(), True)
        if span.end > span.start:
            spans.append(span)
        at = closer.end()
    return spans


def _is_opener(text: str, pos: int, mark: str) -> bool:
    if mark in _OPENERS:
        return True
    if mark in _CLOSERS:  # misdirected: a closing mark opening a line before a word
        return (pos == 0 or text[pos - 1] == "\n") and text[pos + 1 : pos + 2].isalnum()
    after = text[pos + len(mark) : pos + len(mark) + 2]
    opens_inner = mark == '"' and after[:1] == " " and after[1:] in ("'", "‘")  # " 'X' is"
    return (pos == 0 or text[pos - 1] in _BEFORE_OPENER) and (after.strip() != "" or opens_inner)


def _is_closer(text: str, pos: int, mark: str) -> bool:
    if mark in _CLOSERS:
        return True
    if mark in _OPENERS:
        # a misdirected curly mark used as a closer: word before, nothing after
        after = text[pos + len(mark) : pos + len(mark) + 1]
        return pos > 0 and not text[pos - 1].isspace() and after.strip() == ""
    if mark == '"' and pos > 1 and text[pos - 1] == " " and text[pos - 2] in "'’":
        return True  # a quote inside the quote closes with it: "... the term 'X,' "
    return pos > 0 and not text[pos - 1].isspace()


def _paragraph(starts: list[int], pos: int) -> int:
    return bisect_right(starts, pos) - 1


def _starts_paragraph(text: str, starts: list[int], pos: int) -> bool:
    return text[starts[_paragraph(starts, pos)] : pos].strip() == ""


def _paragraph_end(text: str, starts: list[int], pos: int) -> int:
    index = _paragraph(starts, pos)
    return starts[index + 1] if index + 1 < len(starts) else len(text)


def _span(text: str, start: int, end: int, closed: bool) -> QuoteSpan:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return QuoteSpan(start, end, closed)
