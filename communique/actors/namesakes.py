"""National namesakes of international organs: "Kazakhstan's Security Council".

Some organs of international organisations share their name with bodies that many states
have ("Security Council"). The knowledge base marks such an organisation with `national`,
the generic body of that name. Qualified by a state, by a possessive ("Kazakhstan's Security
Council"), an adjective ("the Armenian Security Council") or "of" ("the Security Council of
Belarus"), the bare name is that state's own body; written with its organisation ("the UN
Security Council", "UNSC") or with no state, it stays the international organ.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .kb import KnowledgeBase, fold

STATE_KINDS = frozenset({"country", "adjective", "capital", "metonym"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})  # as context.POSSESSIVE (which imports units)


def national_bodies(doc: Doc, units: list, kb: KnowledgeBase) -> None:
    """Recast, in place, each state-qualified organisation unit of a national namesake as
    that generic body (`units`: every unit of the document, in order)."""
    by_end = {u.end: u for u in units}
    by_start = {u.start: u for u in units}
    for unit in units:
        if unit.kind != "organisation":
            continue
        org = kb.organisations.get(unit.key)
        if org is None or not org.national or not _bare(doc[unit.start : unit.end].text, org, kb):
            continue
        if _state_before(doc, unit.start, by_end) or _state_after(doc, unit.end, by_start):
            unit.kind, unit.key = "body", org.national


def _bare(text: str, org, kb: KnowledgeBase) -> bool:
    """The organ's name without its organisation's: no acronym, no parent's name in it."""
    if text.replace(".", "").isupper():
        return False
    parent = kb.organisations.get(org.parent or "")
    words = set(fold(text).split())
    forms = (parent.name, *parent.aliases) if parent else ()
    return not any(set(fold(f).split()) <= words for f in forms)


def _state_before(doc: Doc, start: int, by_end: dict) -> bool:
    """ "Kazakhstan's" or "Armenian" right before the name."""
    i = start
    if i > 0 and doc[i - 1].text in POSSESSIVE:
        i -= 1
    unit = by_end.get(i)
    return unit is not None and unit.kind in STATE_KINDS


def _state_after(doc: Doc, end: int, by_start: dict) -> bool:
    """ "the Security Council of Belarus"."""
    if end >= len(doc) or doc[end].lower_ != "of":
        return False
    unit = by_start.get(end + 1 + (end + 1 < len(doc) and doc[end + 1].lower_ == "the"))
    return unit is not None and unit.kind in ("country", "capital")
