"""Who held which office when: heads of state and government and foreign ministers of
every country since 2000, and the vice presidents of states with prominent ones
(data/leaders/*.tsv), so that a person the text names without a country ("President
Mugabe", "Netanyahu", "X, a former vice-president") still resolves to one.

A name resolves only when every holder of that name (at the article's date, when the
terms say) belongs to one country; otherwise it stays unresolved, as before. A full name
not listed in any spelling is matched word by word against listed full names of as many
words, up to transliteration or a typo ("Qasym-Jomart Toqaev" for "Kassym-Jomart
Tokayev"); a single word (a surname) is only ever matched exactly.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import names
from .kb import fold

DATA = Path(__file__).parent / "data" / "leaders"
TITLES = {
    "head_of_state": "president",
    "head_of_government": "prime minister",
    "foreign_minister": "foreign minister",
    "vice_president": "vice president",
    "secretary_general": "secretary-general",
    "high_representative": "high representative",
    "commission_president": "president",
    "council_president": "president",
    "commission_chair": "chairperson",
}
# of two offices a person holds at once, the one that names them ("President Erdoğan", though
# Turkey's president has also headed the government since 2018)
OFFICE_RANK = {"head_of_state": 0, "head_of_government": 1}


@dataclass(frozen=True, slots=True)
class Term:
    country: str
    office: str
    name: str
    start: dt.date
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


def _date(text: str, *, end: bool = False) -> dt.date | None:
    text = text.strip()
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        year, month = parts
        if not end:
            return dt.date(year, month, 1)
        return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)


def parse(lines: list[str]) -> list[tuple[Term, list[str]]]:
    """Rows of a leaders file: (term, every name form). Comments and the header are skipped."""
    rows = []
    for line in lines:
        if not line.strip() or line.startswith("#") or line.startswith("country\t"):
            continue
        country, office, name, aliases, start, end = line.rstrip("\n").split("\t")
        term = Term(
            country, office, name, _date(start) or dt.date(1900, 1, 1), _date(end, end=True)
        )
        rows.append((term, [name, *(a for a in aliases.split("|") if a.strip())]))
    return rows


@lru_cache(maxsize=1)
def index() -> dict[str, tuple[Term, ...]]:
    found: dict[str, list[Term]] = defaultdict(list)
    for path in sorted(DATA.glob("*.tsv")):
        for term, forms in parse(path.read_text(encoding="utf-8").splitlines()):
            for form in {fold(f) for f in forms}:
                found[form].append(term)
    return {form: tuple(terms) for form, terms in found.items()}


FullNames = dict[str, list[tuple[tuple[str, ...], tuple[Term, ...]]]]
_FULL_NAMES: list[tuple[dict, FullNames]] = []  # one slot: (the index, its full names)


def _by_surname() -> FullNames:
    """Listed full names (of two words or more) by the consonant skeleton of their surname,
    built once per index."""
    table = index()
    if not _FULL_NAMES or _FULL_NAMES[0][0] is not table:
        found: FullNames = defaultdict(list)
        for form, terms in table.items():
            tokens = names.name_tokens(form)
            if len(tokens) > 1:
                found[names.skeleton(tokens[-1])].append((tokens, terms))
        _FULL_NAMES[:] = [(table, found)]
    return _FULL_NAMES[0][1]


def _spelled_otherwise(name: str) -> tuple[Term, ...]:
    """The terms of the listed full names that are this full name word by word, up to
    transliteration or a typo."""
    tokens = names.name_tokens(name)
    if len(tokens) < 2:
        return ()
    terms: list[Term] = []
    for listed, held in _by_surname().get(names.skeleton(tokens[-1]), []):
        if len(listed) == len(tokens) and all(map(names.similar, listed, tokens)):
            terms.extend(held)
    return tuple(dict.fromkeys(terms))


def _by_nickname(name: str) -> tuple[Term, ...]:
    """ "Mohamed Abdullahi Farmaajo" for "Mohamed Abdullahi Mohamed", known as "Farmaajo": the
    given names of a listed full name, then the one-word name the holder is also known by."""
    tokens = names.name_tokens(name)
    if len(tokens) < 2:
        return ()
    given = tokens[:-1]
    return tuple(
        t
        for t in index().get(tokens[-1], ())
        if fold(t.name) != tokens[-1] and names.name_tokens(t.name)[: len(given)] == given
    )


def listed(name: str) -> bool:
    """Is this name (as folded) a listed holder's name, in one of the listed spellings?"""
    return fold(name) in index()


_FIRST_WORDS: list[tuple[dict, frozenset[str]]] = []  # one slot: (the index, its first words)


def first_words() -> frozenset[str]:
    """The first words of listed names of two words or more, built once per index: where a
    listed full name may start."""
    table = index()
    if not _FIRST_WORDS or _FIRST_WORDS[0][0] is not table:
        firsts = frozenset(form.split(" ", 1)[0] for form in table if " " in form)
        _FIRST_WORDS[:] = [(table, firsts)]
    return _FIRST_WORDS[0][1]


def lookup(name: str, on: dt.date | None = None) -> Term | None:
    """The office holder this name denotes, when all its holders share one country (or are
    one person who led a state and an international organisation); the office is the one held
    on `on`, else the latest held before it, else the latest (of two held at once, a head of
    state before a head of government)."""
    terms = index().get(fold(name), ()) or _spelled_otherwise(name) or _by_nickname(name)
    current = [t for t in terms if on is not None and t.covers(on)]
    terms = tuple(current) or terms
    if not terms or not _one_holder(terms):
        return None
    if on is not None and not current:
        terms = tuple(t for t in terms if t.start <= on) or terms
    latest = max(terms, key=lambda t: t.start)
    moment = on if current else latest.start
    held = [t for t in terms if t.covers(moment)] or [latest]
    return min(held, key=lambda t: (OFFICE_RANK.get(t.office, 2), -t.start.toordinal()))


def _one_holder(terms: tuple[Term, ...]) -> bool:
    """One country's holders, or one person's offices in a state and in organisations
    (IGO/...: "António Guterres", Portugal's prime minister, then the UN's secretary-general)."""
    if len({t.country for t in terms}) == 1:
        return True
    states = {t.country for t in terms if not t.country.startswith("IGO/")}
    return len(states) <= 1 and len({t.name for t in terms}) == 1
