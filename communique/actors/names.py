"""Person-name normalisation shared by within- and cross-article resolution.

Folding removes diacritics and case (İlham -> ilham, Erdoğan -> erdogan); a consonant
skeleton groups transliteration variants (Pashinyan / Pashinian -> pshnn); a normalised
edit distance, on the raw words or on their transliteration-neutral spelling (Toqaev /
Tokayev -> tokaev), catches small typos (Jame / James) and romanisation variants. Given names hint at a person's usual
gender (data/given_names.tsv: Mette -> f), for pronoun resolution only.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

# Letters that Unicode decomposition does not reduce to an ASCII base.
_SPECIAL = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "ß": "ss",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "æ": "ae",
        "œ": "oe",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "`": "'",
    }
)
_NON_WORD = re.compile(r"[^a-z0-9']+")


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PARTICLES = words(
    "al el bin ibn bint abu abd van von der den de del della di da dos du la le ter ben"
)
HONORIFICS = words("mr mrs ms miss dr sir dame madam mme m")
SUFFIXES = words("jr sr ii iii iv")  # generational suffixes: "Ferdinand Marcos Jr."


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lowercase, strip diacritics and dots, collapse spaces: 'İlham  Aliyev' -> 'ilham aliyev'."""
    text = text.lower().translate(_SPECIAL)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace(".", " ").replace("-", " ")
    return " ".join(text.split())


def name_tokens(text: str) -> tuple[str, ...]:
    """Folded name words without honorifics or a possessive ending."""
    words = [w.strip("'") for w in _NON_WORD.sub(" ", fold(text).replace("'s ", " ")).split()]
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    words = [w for w in words if w and w != "s"]
    while words and words[0] in HONORIFICS:
        words = words[1:]
    return tuple(words)


def surname(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The family-name part: the last word with any particles before it (von der Leyen),
    without a generational suffix ("Marcos" of "Ferdinand Marcos Jr")."""
    start, end = _surname_span(tokens)
    return tokens[start:end]


def given(tokens: tuple[str, ...]) -> tuple[str, ...]:
    return tokens[: _surname_span(tokens)[0]]


def _surname_span(tokens: tuple[str, ...]) -> tuple[int, int]:
    end = len(tokens)
    while end > 1 and tokens[end - 1] in SUFFIXES:
        end -= 1
    start = end - 1
    while start > 0 and tokens[start - 1] in _PARTICLES:
        start -= 1
    return max(start, 0), end


def slug(text: str) -> str:
    return "-".join(_NON_WORD.sub(" ", fold(text).replace("'", "")).split()) or "unnamed"


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """Consonant skeleton for transliteration variants: vowels, y, w and h dropped, doubles
    collapsed, a few equivalent spellings unified (kh/q -> k, ph -> f, j/zh -> j)."""
    w = fold(word).replace("'", "").replace(" ", "")
    for a, b in (("kh", "k"), ("ph", "f"), ("zh", "j"), ("dzh", "j"), ("q", "k"), ("ck", "k")):
        w = w.replace(a, b)
    out: list[str] = []
    for ch in w:
        if ch in "aeiouyhw":
            continue
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out) or w


_ROMANISATIONS = (("dzh", "j"), ("kh", "k"), ("ph", "f"), ("zh", "j"), ("q", "k"), ("ck", "k"))
_GLIDE = re.compile(r"(?<=[aeiou])y(?=[aeiou])")
_DOUBLE = re.compile(r"(.)\1")


@lru_cache(maxsize=65536)
def spelling(word: str) -> str:
    """A transliteration-neutral spelling that keeps the vowels: equivalent consonant
    spellings unified, a glide "y" between vowels dropped and doubled letters collapsed
    (Toqaev, Tokayev -> tokaev; Qasym, Kassym -> kasym)."""
    w = fold(word).replace("'", "").replace(" ", "")
    for a, b in _ROMANISATIONS:
        w = w.replace(a, b)
    return _DOUBLE.sub(r"\1", _GLIDE.sub("", w))


def distance(a: str, b: str) -> int:
    """Levenshtein distance (names are short: the quadratic table is cheap)."""
    if a == b:
        return 0
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def similar(a: str, b: str) -> bool:
    """Same word up to transliteration or a small typo: equal skeletons and a normalised
    edit distance <= 0.25 (on the words or on their neutral spellings), or one edit in a
    word of four letters or more."""
    if a == b:
        return True
    d = distance(a, b)
    if skeleton(a) == skeleton(b) and (
        d / max(len(a), len(b)) <= 0.25 or _ratio(spelling(a), spelling(b)) <= 0.25
    ):
        return True
    return d == 1 and min(len(a), len(b)) >= 4


def _ratio(a: str, b: str) -> float:
    return distance(a, b) / max(len(a), len(b), 1)


def surname_fits(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """`a` is the surname of `b`, up to diacritics, transliteration or a typo."""
    sa = surname(a) or a
    sb = surname(b)
    if not sb:
        return False
    if similar(" ".join(sa), " ".join(sb)):
        return True
    return len(sa) < len(sb) and sa == sb[-len(sa) :]  # "Leyen" of "von der Leyen"


def given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Given names agree: one is empty, an initial of the other, the first words are similar,
    or the shorter list is the tail of the longer ("Tayyip" within "Recep Tayyip")."""
    if not a or not b:
        return True
    x, y = a[0], b[0]
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    if similar(x, y):
        return True
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return len(short) < len(long_) and all(
        similar(s, t) for s, t in zip(short, long_[len(long_) - len(short) :], strict=True)
    )


GIVEN_NAMES = Path(__file__).parent / "data" / "given_names.tsv"


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Folded given name (hyphenated ones as two words) -> "m" or "f"."""
    table: dict[str, str] = {}
    for line in GIVEN_NAMES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, gender = line.split("\t")
        table[" ".join(name_tokens(name))] = gender.strip()
    return table


def gender_hint(tokens: tuple[str, ...]) -> str:
    """The usual gender of a full name's given name ("m", "f", "" when unknown): a hyphenated
    given name first ("Jean-Yves Le Drian") or last ("Moon Jae-in"), else the first word. A
    one-word name says nothing (a surname, or a given name that is also a surname)."""
    if len(tokens) < 2:
        return ""
    table = given_names()
    found = table.get(" ".join(tokens[:2])) or table.get(tokens[0])
    if not found and len(tokens) > 2:
        found = table.get(" ".join(tokens[-2:]))
    return found or ""
