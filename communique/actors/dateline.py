"""Datelines: where a report was filed, never who acts in it.

A paragraph may open with the place (or places) it was filed from, in capitals, an optional
day and the agency in brackets, then a dash: "HAVANA (Wire) —", "UNITED NATIONS —",
"KABUL/DOHA (Agency) —", "NEW DELHI, June 17 (Agency) -". Names inside it are no actor of the
sentence that follows: a state or place there is a location, and anything else (the agency,
a town the model took for a person, "UNITED NATIONS") is no mention at all.

The place also hints at whose offices an otherwise unqualified report means: under a dateline
naming one capital ("CARACAS, Jan 24 (Wire) -"), "the defence minister, General X" or
"government spokesman X" is that state's when the text gives no other country for them and
names no other state's holder of the same office (`filed_from`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc

from .found import Found
from .resolve import Link
from .units import Unit

PLACE = r"[A-Z][A-Z.'’\-]*(?: [A-Z][A-Z.'’\-]*)*"
DATELINE = re.compile(
    rf"^(?P<places>{PLACE}(?:/{PLACE})*)"
    r"(?:, [A-Z][a-z]+\.? \d{1,2})?"  # ", June 17" / ", Feb. 26"
    r"(?: \([^)\n]{1,40}\))?"  # " (Agency)"
    r" ?[—–-]+ (?=[A-Z0-9\"“‘'])",  # a dash, then the sentence
    re.MULTILINE,
)
# Offices of government that a single-capital dateline may place; diplomats, soldiers and
# "officials" are too often foreigners in the city the report was filed from.
GOVERNMENT = frozenset({"GOV"})


@dataclass(frozen=True, slots=True)
class Dateline:
    start: int  # character offsets in the text
    places_end: int  # end of "KABUL/DOHA"
    end: int  # after the dash
    places: tuple[str, ...]  # "KABUL", "DOHA"


def find(text: str) -> list[Dateline]:
    """Every dateline at the start of a paragraph (or of the text)."""
    return [
        Dateline(m.start(), m.end("places"), m.end(), tuple(m.group("places").split("/")))
        for m in DATELINE.finditer(text)
        if any(len(w) > 1 and w.isalpha() for w in re.split(r"[ /]", m.group("places")))
    ]


def of_doc(doc: Doc) -> list[Dateline]:
    """The datelines of a parsed text, found once per document."""
    if "datelines" not in doc.user_data:
        doc.user_data["datelines"] = find(doc.text)
    return doc.user_data["datelines"]


def apply(
    doc: Doc, found: list[Found], units: dict[int, Unit]
) -> tuple[list[Found], list[tuple[int, str | None]]]:
    """A state or place named in a dateline becomes a location; any other mention inside it
    (the agency, a town taken for a person) is dropped, with the modifiers that qualify it.
    Also returns, per dateline, where it starts and the one capital's state it names, if any
    (`units`: the document's units by start token)."""
    filed_in: list[tuple[int, str | None]] = []
    dropped: set[int] = set()
    for line in find(doc.text):
        inside = [f for f in found if line.start <= doc[f.start].idx < line.end]
        if any(f.kind == "igo" and " " not in doc[f.start : f.end].text for f in inside):
            continue  # "NATO - The alliance said": an acronym, not a place
        for f in inside:
            if doc[f.start].idx < line.places_end and f.kind in ("state", "place"):
                f.role, f.head, f.subject = "location", None, False
            else:
                dropped.add(id(f))
        filed_in.append((line.start, _capital(inside, line, units)))
    kept = [f for f in found if id(f) not in dropped and id(f.head) not in dropped]
    return kept, filed_in


def _capital(inside: list[Found], line: Dateline, units: dict[int, Unit]) -> str | None:
    """The state whose capital is the dateline's one place ("CARACAS"), else None."""
    if len(line.places) != 1:
        return None
    for f in inside:
        unit = units.get(f.start)
        if f.role == "location" and unit is not None and unit.kind == "capital":
            return f.country
    return None


def place_offices(doc: Doc, links: list[Link], filed_in: list[tuple[int, str | None]], kb) -> None:
    """An office of government of no stated country ("the defence minister, General X",
    "government spokesman X") under a dateline naming one capital is that state's, unless
    the article states another country for a holder of the same office."""
    if not any(code for _, code in filed_in):
        return
    starts = [start for start, _ in filed_in]
    held: dict[str, set[str]] = {}
    for link in links:
        e = link.entity
        if e is not None and e.title and e.country:
            held.setdefault(e.title, set()).add(e.country)
    for link in links:
        e, f = link.entity, link.found
        if e is None or e.country or e.org or f.plural or f.owner or f.patron >= 0:
            continue
        if e.kind not in ("person", "role") or not _of_government(e.title, kb):
            continue
        at = bisect_right(starts, doc[f.start].idx) - 1
        code = filed_in[at][1] if at >= 0 else None
        if code is not None and held.get(e.title or "", {code}) == {code}:
            e.settle(code)
            link.reason = None


def _of_government(title: str | None, kb) -> bool:
    """A minister, head of state or government, or their spokesperson; a defence minister
    or army chief (military, rank 2 at most), not a general or a soldier."""
    office = kb.title(title) if title else None
    if office is None:
        return False
    return office.sector in GOVERNMENT or (office.sector == "MIL" and office.rank <= 2)
