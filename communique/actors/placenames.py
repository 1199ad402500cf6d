"""Places the NER reads as persons: "the town of X", "the X crossing", "X, a port city".

The small model labels many towns and regions PERSON. A PERSON span with no title or
honorific before it, whose words name nobody else in the article (no longer PERSON span
holds them) and no listed office holder, is a place (relabelled GPE) when

- the text says so, whatever the gazetteer knows: after "of" on a place noun ("the town of
  X", "the towns of X and Y"), right after a place noun ("the provincial capital X", "calls
  the reef X"), or in apposition to one ("X, the region's second city");
- the offline gazetteer (`events.gazetteer.resolve`: cities, regions, islands) knows the
  name and it stands where a place does: after a locative or directional preposition
  ("in X", "access to X", "parts of X"), or as the premodifier of a common noun ("the X
  crossing", "X leaders").

One name keeps one reading in an article: every other PERSON span of the same text (with no
title before it) is that place too ("Ethiopia and X leaders sign ..." in a headline).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from . import leaders, names, syntax
from .lexicon import words

PLACE_NOUNS = words(
    "town city village capital district province region enclave port island islands reef "
    "shoal crossing corridor valley suburb outskirts hamlet municipality county oblast "
    "governorate settlement camp"
)
PLACE_PREPS = words("of to")  # "parts of X", "access to X": beside the locative ones
PLACED = "placed"  # the key of a relabelled unit: where something is, never an actor


def relabel(doc: Doc, ner: list, taken: bytearray) -> None:
    """Relabel GPE the PERSON units (`ner`, NER units not yet marked in `taken`) that name a
    place (see module docstring)."""
    persons = [u for u in ner if u.kind == "PERSON" and not _titled(doc, u, taken)]
    if not persons:
        return
    name_words = _name_words(doc)
    placed = set()
    for unit in persons:
        span = doc[unit.start : unit.end]
        key = names.fold(span.text)
        if key in placed or not _nobody(span, name_words):
            continue
        if said_to_be_place(span) or (_in_gazetteer(span.text) and _where_place_stands(span)):
            placed.add(key)
    placed |= _also_a_place(doc, ner, persons, name_words)
    last = None
    for unit in persons:
        key = names.fold(doc[unit.start : unit.end].text)
        if key in placed or (last is not None and _coordinated(doc, last, unit)):
            unit.kind, unit.key = "GPE", PLACED
            last = unit
        elif key not in placed:
            last = None


def _also_a_place(doc: Doc, ner: list, persons: list, name_words) -> set[str]:
    """Names the NER also labels a place elsewhere in the article (GPE, LOC, FAC)."""
    places = {names.fold(doc[u.start : u.end].text) for u in ner if u.kind in ("GPE", "LOC", "FAC")}
    return {
        names.fold(doc[u.start : u.end].text)
        for u in persons
        if names.fold(doc[u.start : u.end].text) in places
        and _nobody(doc[u.start : u.end], name_words)
    }


def _coordinated(doc: Doc, place, unit) -> bool:
    """ "The towns of X and Y": a name joined to a place just before by "and", "or" or a comma."""
    between = doc[place.end : unit.start]
    return 0 < len(between) <= 2 and all(t.lower_ in ("and", "or", ",") for t in between)


def _titled(doc: Doc, unit, taken: bytearray) -> bool:
    """A title, honorific or knowledge-base unit right before the span ("President X")."""
    return unit.start > 0 and bool(taken[unit.start - 1])


def _name_words(doc: Doc) -> dict[str, set[str]]:
    """Folded words of the article's PERSON spans of two words or more, by the span's text."""
    out: dict[str, set[str]] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            out.setdefault(names.fold(ent.text), set()).update(names.fold(t.text) for t in ent)
    return out


def _nobody(span: Span, name_words: dict[str, set[str]]) -> bool:
    """No other full name of the article holds one of the span's words, and no listed office
    holder is called so."""
    own = names.fold(span.text)
    mine = {names.fold(t.text) for t in span}
    if any(mine & held for text, held in name_words.items() if text != own):
        return False
    return leaders.lookup(span.text) is None


def _in_gazetteer(text: str) -> bool:
    from ..events import gazetteer

    return syntax.place_country(text) is not None or gazetteer.resolve(text) is not None


def said_to_be_place(span: Span) -> bool:
    """ "The town of X", "the towns of X and Y", "the provincial capital X", "X, a town"."""
    tok = syntax.first_conjunct(span.root)
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and _place_noun(tok.head.head):
        return True
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and _place_noun(before):
        return True
    if tok.dep_ == "appos" and _place_noun(tok.head):
        return True
    return any(c.dep_ == "appos" and _place_noun(c) for c in tok.children)


def _where_place_stands(span: Span) -> bool:
    """After a locative or directional preposition, after "of"/"to" on a noun, or before a
    common noun it qualifies ("the X crossing")."""
    tok = syntax.first_conjunct(span.root)
    if syntax.place_role(span, lambda t: False) == "location":
        return True
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in PLACE_PREPS and head.head.pos_ == "NOUN":
        return True
    return tok.dep_ == "compound" and head.pos_ == "NOUN" and head.is_lower and head.i >= span.end


def _place_noun(tok: Token) -> bool:
    return tok.is_lower and tok.lemma_.lower() in PLACE_NOUNS
