"""National namesakes: "Kazakhstan's Security Council", "Pakistan's foreign office".

Some organs of international organisations share their name with bodies that many states
have ("Security Council"). The knowledge base marks such an organisation with `national`,
the generic body of that name. Qualified by a state, by a possessive ("Kazakhstan's Security
Council"), an adjective ("the Armenian Security Council") or "of" ("the Security Council of
Belarus"), the bare name is that state's own body; written with its organisation ("the UN
Security Council", "UNSC") or with no state, it stays the international organ.

Likewise one state's body whose English name other states' bodies share ("Foreign Office",
"Congress", "House of Commons") carries a `namesake`, the generic body of that kind:
qualified by another state ("the Pakistani foreign office", "Peru's Congress") it is that
state's body, and so is the same name written again later in the article without a state.
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
    _foreign_namesakes(doc, units, kb, by_end, by_start)
    for unit in units:
        if unit.kind != "organisation":
            continue
        org = kb.organisations.get(unit.key)
        if org is None or not org.national or not _bare(doc[unit.start : unit.end].text, org, kb):
            continue
        if _state_before(doc, unit.start, by_end) or _state_after(doc, unit.end, by_start):
            unit.kind, unit.key = "body", org.national


def _foreign_namesakes(doc: Doc, units: list, kb: KnowledgeBase, by_end, by_start) -> None:
    """ "The Pakistani foreign office ... the foreign office said": a state's body named for
    another state, and that name again in the article, is the other state's generic body."""
    recast: set[str] = set()
    for unit in units:
        body = kb.body_by_slug(unit.key) if unit.kind == "body" else None
        if body is None or not body.namesake:
            continue
        name = fold(doc[unit.start : unit.end].text)
        states = _state_before(doc, unit.start, by_end) + _state_after(doc, unit.end, by_start)
        if name in recast or any(code != body.country for code in states):
            unit.key = body.namesake
            recast.add(name)


def _bare(text: str, org, kb: KnowledgeBase) -> bool:
    """The organ's name without its organisation's: no acronym, no parent's name in it."""
    if text.replace(".", "").isupper():
        return False
    parent = kb.organisations.get(org.parent or "")
    words = set(fold(text).split())
    forms = (parent.name, *parent.aliases) if parent else ()
    return not any(set(fold(f).split()) <= words for f in forms)


def _state_before(doc: Doc, start: int, by_end: dict) -> list[str]:
    """ "Kazakhstan's" or "Armenian" right before the name: [its state], else []."""
    i = start
    if i > 0 and doc[i - 1].text in POSSESSIVE:
        i -= 1
    unit = by_end.get(i)
    return [unit.key] if unit is not None and unit.kind in STATE_KINDS else []


def _state_after(doc: Doc, end: int, by_start: dict) -> list[str]:
    """ "the Security Council of Belarus": [its state], else []."""
    if end >= len(doc) or doc[end].lower_ != "of":
        return []
    unit = by_start.get(end + 1 + (end + 1 < len(doc) and doc[end + 1].lower_ == "the"))
    return [unit.key] if unit is not None and unit.kind in ("country", "capital") else []
