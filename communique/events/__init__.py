"""Event coding: PLOVER type and mode, CAMEO code, Goldstein score, quad class, source and
target from the dependency parse, modality, date, location and evidence.

    extract(doc, article, sentences, mentions, actors, timexes) -> list[Event]
    ontology() -> Ontology
"""

from .coder import extract
from .ontology import Ontology, ontology

__all__ = ["Ontology", "extract", "ontology"]
