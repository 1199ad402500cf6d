"""Coalitions led by a state: "a Saudi-led coalition", "the US-led military alliance".

A coalition led by X is a multinational group, not X's army nor X itself: one group actor
over the whole phrase, with the leading state's country (the state that answers for it, as
analysts code it) and the military sector; the country word and any body word inside the
phrase ("military") are explained by it and make no mention of their own.
"""

from __future__ import annotations

from spacy.tokens import Doc

from . import syntax
from .found import Found
from .lexicon import words
from .units import COUNTRYISH, Unit

COALITIONS = words("coalition alliance force forces")


def led_coalitions(doc: Doc, units: list[Unit]) -> list[tuple[Found, list[Unit]]]:
    """Each "<state>-led [...] coalition" as a group, with the units inside it."""
    out = []
    for unit in units:
        if unit.kind not in COUNTRYISH and unit.kind != "adjective":
            continue
        e = unit.end
        if e + 1 >= len(doc) or doc[e].text not in ("-", "–") or doc[e + 1].lower_ != "led":
            continue
        head = doc[e + 1].head
        if head.i <= e + 1 or head.i - e > 5 or head.lemma_.lower() not in COALITIONS:
            continue
        group = Found(unit.start, head.i + 1, "group", country=unit.key, sector="MIL")
        group.key = "coalition"
        group.plural = head.tag_ in ("NNS", "NNPS")
        group.subject = syntax.is_subject(doc[head.i : head.i + 1])
        inside = [u for u in units if unit.start <= u.start and u.end <= head.i + 1]
        out.append((group, inside))
    return out
