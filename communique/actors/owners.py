"""Which earlier actor "its"/"their" opens an office of ("Its spokesman, X, said").

The owner is the most recent state, body or organisation that acts, except that the subject
of its sentence comes before the other actors there: in "The rebels, who have been fighting
the army since 2015, claimed the attack. Their spokesman said ..." the rebels own the
spokesman, not the army named later inside the relative clause. "Erdogan, whose parliament
voted ...": the parliament serves the person the relative clause hangs on.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .found import Found

OWNERS = frozenset({"state", "body", "igo", "group"})


def can_own(g: Found) -> bool:
    return g.kind in OWNERS and g.role == "actor" and bool(g.country or g.org) and not g.posting


def candidates(earlier: list[Found], sent: int) -> list[Found]:
    """`earlier` (in text order) most recent first; when the latest owner is in a sentence
    before `sent`, that sentence's subject owner is moved before its other owners."""
    recent = list(reversed(earlier))
    first = next((g for g in recent if can_own(g)), None)
    if first is None or first.sent == sent:
        return recent
    subject = next((g for g in earlier if g.sent == first.sent and g.subject and can_own(g)), None)
    if subject is None or subject is first:
        return recent
    recent.remove(subject)
    recent.insert(recent.index(first), subject)
    return recent


def relative_owner(doc: Doc, i: int, persons: list[Found]) -> int:
    """The first token of the person that "whose" at `i` refers to: the one the relative
    clause hangs on (or, when the parse has no relative clause, the one just before ", whose");
    -1 when no person is there."""
    tok, seen = doc[i].head, 0
    while tok.dep_ != "relcl" and tok.head is not tok and seen < 3:
        tok, seen = tok.head, seen + 1
    at = tok.head.i if tok.dep_ == "relcl" else i - 1 - (i > 0 and doc[i - 1].text == ",")
    return next((p.start for p in persons if p.start <= at < p.end), -1)


def relative_country(doc: Doc, i: int, found: list[Found]) -> str | None:
    """The country of the office or state that "whose" at `i` refers to when no person is
    there: "Kenya's president, whose government ..." -> the government is Kenya's."""
    holders = [g for g in found if g.kind in ("role", "state") and g.role == "actor" and g.country]
    at = relative_owner(doc, i, holders)
    return next((g.country for g in holders if g.start == at), None)
