"""The words of temporal expressions, loaded once from data/lexicon.tsv."""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "lexicon.tsv"


@cache
def table(kind: str) -> dict[str, str]:
    """Every word of one kind ("month", "weekday", "unit", ...) with its value."""
    rows: dict[str, str] = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        row_kind, word, value = line.split("\t")
        if row_kind == kind:
            rows[word] = value
    return rows


def alternation(kind: str) -> str:
    """A regex alternation of the words of one kind, longest first."""
    words = sorted(table(kind), key=len, reverse=True)
    return "|".join(w.replace(" ", r"\s+") for w in words)


def month(word: str) -> int:
    return int(table("month")[word])


def weekday(word: str) -> int:
    return int(table("weekday")[word])


def number(word: str) -> int:
    """A count written as digits or as a word ("three", "a few")."""
    if word.isdigit():
        return int(word)
    return int(table("number")[" ".join(word.split())])
