"""Regional adjectives: "West African", "South-East Asian", "Central Asian".

A compass word and a continental adjective name a region's peoples, not an actor: "West
African leaders" are the leaders of a bloc (see `Detector._bloc`), and a bare "West African"
(a headline fragment) or "Asian" is no group of its own. The NER often splits such a phrase
("South-East" LOC + "Asian" NORP); `join_regions` makes it one unit again so that the bloc
rule sees the whole region.
"""

from __future__ import annotations

from spacy.tokens import Span

from .kb import KnowledgeBase, fold
from .lexicon import words

COMPASS = words(
    "north south east west central northern southern eastern western northeast northwest "
    "southeast southwest sub saharan latin"
)
CONTINENTAL = words(
    "african asian european american arab caribbean pacific atlantic balkan baltic nordic "
    "scandinavian mediterranean gulf"
)


def is_regional(span: Span, kb: KnowledgeBase) -> bool:
    """ "West African", "South-East Asian", "Asian": compass words (or none) and a continental
    adjective, or a region whose leaders meet as a bloc of the knowledge base."""
    if kb.bloc(span.text) is not None:
        return True
    tokens = fold(span.text).split()
    return bool(tokens) and tokens[-1] in CONTINENTAL and all(t in COMPASS for t in tokens[:-1])


def join_regions(doc, ner: list, kb: KnowledgeBase, make) -> list:
    """NER units with a regional adjective split over two of them ("South-East" + "Asian")
    joined into one NORP unit (`make(start, end, label)` builds a unit)."""
    out: list = []
    for unit in ner:
        last = out[-1] if out else None
        if (
            last is not None
            and last.end == unit.start
            and last.kind in ("LOC", "NORP", "GPE")
            and unit.kind == "NORP"
            and is_regional(doc[last.start : unit.end], kb)
        ):
            out[-1] = make(last.start, unit.end, "NORP")
            continue
        out.append(unit)
    return out
