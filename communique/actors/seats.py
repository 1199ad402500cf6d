"""Seats standing for an organisation: "Brussels froze EU funds", "the row between Brussels
and Budapest".

A capital that acts stands for its state (`syntax`), but the capital that hosts an
international organisation's main institutions stands for that organisation in reports about
it: "Brussels" acting in an article that names the EU (or one of its institutions) is the
EU, unless the article also names the host state itself ("Belgium", "Belgian"), when the
capital may be that state's government. As a location ("talks in Brussels") it stays a place.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .found import Found
from .kb import KnowledgeBase, fold

# the seat -> the organisation it stands for (a city hosting several, such as Vienna or
# Geneva, stands for none of them)
SEATS = {"brussels": "IGO/EU"}


def organisation_seats(doc: Doc, found: list[Found], kb: KnowledgeBase) -> None:
    """Turn an acting seat into its organisation when the article is about that one."""
    for f in found:
        if f.kind != "state" or f.role != "actor":
            continue
        org_id = SEATS.get(fold(doc[f.start : f.end].text))
        org = kb.organisations.get(org_id or "")
        if org is None or not _names(found, org_id, kb) or _host_named(doc, found, f):
            continue
        f.kind, f.key, f.org, f.country, f.sector = (
            "igo",
            org.actor_id,
            org.actor_id,
            None,
            org.sector,
        )


def _names(found: list[Found], org_id: str, kb: KnowledgeBase) -> bool:
    """Does the article name the organisation or one of its institutions?"""
    for f in found:
        org = kb.organisations.get(f.org or "")
        while org is not None and org.actor_id != org_id and org.parent:
            org = kb.organisations.get(org.parent)
        if org is not None and org.actor_id == org_id:
            return True
    return False


def _host_named(doc: Doc, found: list[Found], seat: Found) -> bool:
    """Is the host state named otherwise than by the seat ("Belgium", "the Belgian PM")?"""
    return any(
        f.country == seat.country
        and f is not seat
        and fold(doc[f.start : f.end].text) != fold(doc[seat.start : seat.end].text)
        for f in found
        if f.kind != "place"
    )
