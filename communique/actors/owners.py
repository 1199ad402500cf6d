"""Which earlier actor "its"/"their" opens an office of ("Its spokesman, X, said").

The owner is the most recent state, body or organisation that acts, except that the subject
of its sentence comes before the other actors there: in "The rebels, who have been fighting
the army since 2015, claimed the attack. Their spokesman said ..." the rebels own the
spokesman, not the army named later inside the relative clause.
"""

from __future__ import annotations

from .found import Found

OWNERS = frozenset({"state", "body", "igo", "group"})


def can_own(g: Found) -> bool:
    return g.kind in OWNERS and g.role == "actor" and bool(g.country or g.org)


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
