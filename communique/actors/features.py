"""Names the NER labels that are no actors: equipment, named features, a people's adjective.

- Equipment: a capitalised name qualifying a weapon or system noun ("a Patriot missile
  battery", "HIMARS rocket launchers") names a weapon; so does every other mention of the
  same name in the article ("training on the Patriot").
- A named feature: a name the NER calls a location or facility (LOC, FAC: "the Blue Nile",
  "Rustaveli Avenue", "Defender Europe 23") or one ending in a feature noun ("the Peace
  House") is where something is, never one who acts.
- A people's adjective: a one-word name qualifying a common noun, that is an adjective, is
  itself qualified by an adverb ("a mostly Tutsi group") or is formed from a known place
  ("the Tigrayan side"), names no actor; the noun it qualifies may.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from . import names, syntax
from .lexicon import words

EQUIPMENT_NOUNS = words(
    "system missile battery launcher rocket tank jet aircraft drone howitzer interceptor "
    "warship frigate destroyer submarine helicopter vehicle munition shell warhead gun rifle"
)
FEATURE_NOUNS = words(
    "house palace hall avenue street square road boulevard bridge river lake sea ocean gulf "
    "strait mountain mountains valley dam airport building tower gate plaza canal desert"
)
FEATURE_LABELS = frozenset({"LOC", "FAC"})
DEMONYM_ENDINGS = ("ian", "an", "ese", "ish", "i")


def no_actor(span: Span, label: str) -> bool:
    """A weapon's name or a people's adjective (see module docstring)."""
    if label not in ("PERSON", "ORG", "NORP", "PRODUCT"):
        return False
    return names.fold(span.text) in equipment_names(span.doc) or people_adjective(span)


def equipment_names(doc: Doc) -> set[str]:
    """Folded texts of the names that qualify an equipment noun somewhere in the article."""
    cached = doc.user_data.get(_EQUIPMENT)
    if cached is not None:
        return cached
    out: set[str] = set()
    doc.user_data[_EQUIPMENT] = out
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG", "PRODUCT") and _qualifies_equipment(ent):
            out.add(names.fold(ent.text))
    return out


_EQUIPMENT = "communique.actors.equipment"


def _qualifies_equipment(span: Span) -> bool:
    tok, seen = span.root, 0
    while tok.dep_ in ("compound", "nmod", "amod") and tok.head is not tok and seen < 4:
        tok, seen = tok.head, seen + 1
        if tok.is_lower and tok.lemma_.lower() in EQUIPMENT_NOUNS:
            return True
    return False


def is_feature(span: Span, label: str) -> bool:
    """A location or facility by its NER label, or a name ending in a feature noun."""
    last = span[-1]
    return label in FEATURE_LABELS or (
        len(span) > 1 and last.text[:1].isupper() and last.lower_ in FEATURE_NOUNS
    )


def people_adjective(span: Span) -> bool:
    """A one-word name qualifying a common noun that reads as a people's adjective."""
    if len(span) != 1:
        return False
    tok = span[0]
    head = syntax.first_conjunct(tok).head
    if tok.dep_ not in ("amod", "compound", "nmod") or not head.is_lower or head.pos_ != "NOUN":
        return False
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    graded = before is not None and before.pos_ == "ADV" and before.lower_.endswith("ly")
    if tok.pos_ == "ADJ" or graded or any(c.dep_ == "advmod" for c in tok.children):
        return True  # "Kurdish fighters", "a mostly Tutsi group"
    return _formed_from_place(tok.text)


def _formed_from_place(word: str) -> bool:
    """ "Tigrayan" from "Tigray", "Sudanese" from "Sudan": a known place with an ending."""
    for ending in DEMONYM_ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3 and syntax.place_country(stem):
            return True
    return False


ORGAN_WORDS = words("commission council parliament assembly secretariat")


def organ_named(word: str, found: list, organisations: dict):
    """ "The Commission" alone: the organisation of the article so named ("the European
    Commission" named before, or the organ of that name of a bloc the article names: the
    EU's Commission); None when the article names none (an unresolved body)."""
    suffix = " " + word.lower()
    named = [organisations.get(f.org) for f in found if f.org]
    for org in named:
        if org is not None and org.name.lower().endswith(suffix):
            return org
    parents = {org.actor_id for org in named if org is not None}
    for org in organisations.values():
        if org.parent in parents and org.name.lower().endswith(suffix):
            return org
    return None
