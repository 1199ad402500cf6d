"""Heads of bodies: "the head of the US embassy's consular section, X".

"Head", "chief", "director" or "chair" before "of" and a body is an office the knowledge base
lists no title for (`context.Descriptor.heads`). The person in apposition holds it: of the
body's country and sector (else of the organisation or state named after "of"). The body
stays a mention of its own (it is named, not a modifier of the person).
"""

from __future__ import annotations

from .context import Descriptor
from .found import Found
from .units import COUNTRYISH


def head_of(head: Found, d: Descriptor, kb, unit_country) -> None:
    """Give `head` the office `d` describes (`unit_country(unit)`: a unit's state or None)."""
    bodies = [u for u in d.units if u.kind == "body"]
    orgs = [u for u in d.units if u.kind == "organisation"]
    states = [u.key for u in d.units if u.kind in COUNTRYISH]
    if bodies:  # "the UN-recognised Government of National Accord": the body, not the UN
        body = kb.body_by_slug(bodies[0].key)
        head.country = head.country or unit_country(bodies[0]) or next(iter(states), None)
        head.sector = head.sector or (body.sector if body else None)
        head.body = True
    elif orgs:
        head.country = head.country or unit_country(orgs[0])
        if head.country is None:
            head.org, head.sector = head.org or orgs[0].key, head.sector or "IGO"
    else:
        head.country = head.country or next(iter(states), None)
    head.title = head.title or d.heads
