"""Tokens for BM25: folded words, minus stopwords, reduced by a light suffix stemmer.

`terms("The sanctions were imposed")` -> ["sanction", "impos"]. The stemmer only strips
inflections (plural -s/-es/-ies, -ed, -ing, final -e), so that "sanctions", "sanctioned" and
"sanction" meet, without the over-reach of a full Porter stemmer on names.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..actors.kb import fold

DATA = Path(__file__).resolve().parent / "data"
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_VOWELS = frozenset("aeiouy")


def _word_list(name: str) -> frozenset[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return _word_list("stopwords.txt")


@lru_cache(maxsize=1)
def question_words() -> frozenset[str]:
    return _word_list("question_words.txt")


def _undouble(stem: str) -> str:
    """ "stopp" -> "stop", "expell" -> "expel"; "pass" and "fall" keep theirs."""
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "slz" + "aeiou":
        return stem[:-1]
    if len(stem) > 5 and stem.endswith("ll"):
        return stem[:-1]
    return stem


def _strip_suffix(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ied") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("ing") and len(word) > 5 and _VOWELS & set(word[:-3]):
        return _undouble(word[:-3])
    if word.endswith("ed") and len(word) > 4 and _VOWELS & set(word[:-2]):
        return _undouble(word[:-2])
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Light stemmer over a folded word: inflections only, then a final "e" ("hope",
    "hoped", "hoping" -> "hop")."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) <= 3 or word.isdigit():
        return word
    word = _strip_suffix(word)
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def terms(text: str, *, query: bool = False) -> list[str]:
    """Stemmed terms of `text`, in order, stopwords left out (and, for a query, the words
    that only frame a question: "say", "report", ...)."""
    drop = stopwords() | question_words() if query else stopwords()
    return [stem(w) for w in _WORD.findall(fold(text)) if w not in drop]
