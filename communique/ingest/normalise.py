"""Character-level normalisation of article text.

What it does, in order:
- line breaks: CRLF, CR, NEL, form feed, vertical tab and U+2028 become "\\n"; U+2029
  (paragraph separator) becomes a blank line;
- an invisible character (zero-width space, word joiner, soft hyphen, BOM) between a
  lower-case and an upper-case letter marks a word boundary the page meant ("Nikol
  <ZWSP>Pashinyan" written without a space) and becomes a space; anywhere else it vanishes;
- NFC; non-breaking and every other Unicode space become a plain space; other invisible
  format characters (bidi marks, joiners) and control characters (except "\\n", "\\t")
  vanish;
- runs of spaces collapse to one, lines lose their surrounding spaces, more than one
  blank line becomes one, and the text loses leading and trailing whitespace.

Everything is one `str.translate` plus a handful of whole-text regexes, so it is cheap.
"""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = "\u00ad\u200b\u2060\ufeff"
_LINE_BREAKS = {"\r\n": "\n", "\r": "\n", "\x85": "\n", "\x0b": "\n", "\x0c": "\n"}
_BOUNDARY = re.compile(rf"(?<=[a-z\u00df-\u00ff])[{_INVISIBLE}]+(?=[A-Z\u00c0-\u00de])")
_SPACES = re.compile(r" {2,}")
_LINE_EDGES = re.compile(r"[ \t]*\n[ \t]*")
_BLANKS = re.compile(r"\n{3,}")


def _translation_table() -> dict[int, str | None]:
    """Every Unicode space to " ", every control and invisible format character to None."""
    table: dict[int, str | None] = {}
    # Spaces, controls and format characters live only in planes 0, 1 and 14.
    for code in (*range(0x20000), *range(0xE0000, 0xE1000)):
        category = unicodedata.category(chr(code))
        if category == "Zs" and code != 0x20:
            table[code] = " "
        elif category == "Cc" and chr(code) not in "\n\t" or category == "Cf":
            table[code] = None
    table[0x2028] = "\n"
    table[0x2029] = "\n\n"
    return table


_TABLE = _translation_table()


def normalise(raw: str) -> str:
    """Return `raw` with line breaks, spaces and invisible characters normalised."""
    text = raw
    for old, new in _LINE_BREAKS.items():
        if old in text:
            text = text.replace(old, new)
    text = _BOUNDARY.sub(" ", text)
    text = unicodedata.normalize("NFC", text).translate(_TABLE)
    text = _SPACES.sub(" ", text)
    text = _LINE_EDGES.sub("\n", text)
    return _BLANKS.sub("\n\n", text).strip()
