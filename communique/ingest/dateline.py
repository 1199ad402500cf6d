"""Publication dates: parse a date string, and read the leading metadata line of a text.

A plain-text report often opens with a line such as `date 2023-11-28`, `Date: 28 November
2023`, `Published: Nov. 28, 2023 10:14 GMT`, `Posted on 28/11/2023`, `Updated ...` or a bare
ISO timestamp. `take_dateline` reads such lines (up to three, before the body) and removes
them; when the date is followed by body text on the same line only the date prefix goes.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TIME = (
    r"(?:(?:\s*[,|·@-]?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}|Z))?))?"
)
_DATE_FORMS = [
    r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?:[T ]\d{2}:\d{2}(?::\d{2})?"
    r"(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?",
    _WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})",
    _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})",
    r"(?P<day>\d{1,2})[./](?P<mnum>\d{1,2})[./](?P<year>\d{4})",
]
_DATES = [re.compile(form + _TIME, re.IGNORECASE) for form in _DATE_FORMS]
_LABEL = re.compile(
    r"(?P<label>date(?:d)?|published(?:\s+on)?|posted(?:\s+on)?|first published(?:\s+on)?|"
    r"(?:last\s+)?updated(?:\s+on)?|modified(?:\s+on)?)\s*[:\-–—|]?\s*",
    re.IGNORECASE,
)
_UPDATE_LABELS = ("updated", "last", "modified")


def _build(year: str, month: int, day: str) -> dt.date | None:
    try:
        value = dt.date(int(year), month, int(day))
    except ValueError:
        return None
    return value if 1900 <= value.year <= 2100 else None


def _date_from_match(match: re.Match[str]) -> dt.date | None:
    parts = match.groupdict()
    if parts.get("month"):
        month = _MONTHS[parts["month"].lower().rstrip(".")]
    else:
        month = int(parts["mnum"])
    return _build(parts["year"], month, parts["day"])


def match_date(text: str) -> tuple[dt.date, int] | None:
    """The date written at the very start of `text` and where it ends, or None.
    Day-first is assumed for numeric dates written with slashes or dots."""
    for pattern in _DATES:
        match = pattern.match(text)
        if match and (value := _date_from_match(match)):
            return value, match.end()
    return None


def parse_date(value: str) -> dt.date | None:
    """A date from a metadata string: ISO 8601, RFC 2822 (feeds, e-mail) or a written date."""
    value = value.strip()
    found = match_date(value)
    if found:
        return found[0]
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date() if parsed and 1900 <= parsed.year <= 2100 else None


def _read_line(line: str) -> tuple[dt.date, str, bool] | None:
    """(date, rest of the line, is-an-update) for a metadata date line, else None."""
    label = _LABEL.match(line)
    start = label.end() if label else 0
    found = match_date(line[start:])
    if not found:
        return None
    value, end = found
    rest = line[start + end :].lstrip(" ,;:|·-–—")
    if not label and rest and not re.match(r"\d{4}-\d{2}-\d{2}", line):
        return None  # "28 November 2023 was ..." is prose, not a metadata line
    updated = bool(label) and label.group("label").lower().startswith(_UPDATE_LABELS)
    return value, rest, updated


BODY_WORDS = 15
HEADLINE_WORDS = 30  # "X says any deal ... is void as row with Y deepens": 16 words


def _body(line: str, seen: int) -> bool:
    """A line of the body, past which no metadata line is looked for: more than 15 words,
    except a first line that does not end like a sentence (a long headline)."""
    size = len(line.split())
    if seen == 1 and not line.endswith((".", "!", "?", '"', "”")):
        return size > HEADLINE_WORDS
    return size > BODY_WORDS


def take_dateline(text: str) -> tuple[dt.date | None, str]:
    """Read and remove the leading metadata date lines of `text` (normalised): among the
    first three non-blank lines, past a short headline or byline. A publication date wins
    over an update date. Returns (date or None, the remaining text)."""
    lines = text.split("\n")
    found: dict[bool, dt.date] = {}
    seen = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        read = _read_line(line.strip())
        if read is not None:
            value, rest, is_update = read
            found.setdefault(is_update, value)
            lines[index] = rest
            if rest:
                break
        elif seen >= 3 or _body(line.strip(), seen):
            break
    if not found:
        return None, text
    kept = "\n".join(lines).strip()
    return found.get(False) or found[True], re.sub(r"\n{3,}", "\n\n", kept)
