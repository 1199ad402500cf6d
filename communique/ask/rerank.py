"""Fusion and rerank: reciprocal rank fusion of the retrievers' rankings, then a boost for
passages by or about the actors the question names, and for statements of goals, motives
and positions when the question asks for them.

Structure is a rerank signal, not a retriever of its own: a ranking of "passages whose
speaker or subject is a named actor, best cue first" fused beside BM25 lowered recall@5 on
the example questions at every weight tried (0.1-1.0), because it knows who speaks but not
about what. BM25 already sees the actors: each passage is indexed with the names of its
actors and their countries, so "Russia" finds "Putin said ...".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import duckdb

RRF_K = 5  # small: with k=60 rank 1 and rank 5 differ by 6%, and the boosts would decide alone
ACTOR_BOOST = 0.5  # weight of the actor match in the final score
CUE_BOOST = 0.6  # weight of a goal/motive/position cue when the question asks for one
CUE_BACKGROUND = 0.15  # ... and when it does not
# How much a passage is "by or about" an actor, by the actor's part in it; an actor of the
# named country (a president for his state) counts a little less than the state itself.
ROLE_WEIGHT = {"speaker": 1.0, "source": 1.0, "subject": 1.0, "target": 0.5, "mention": 0.4}
VIA_COUNTRY = 0.8
OTHER_KEYS = 0.5  # weight of the actors named after the first one

_ACTORS_SQL = """
SELECT a.doc_id, a.role, a.entity, coalesce(ea.actor_id, a.entity) AS actor_id,
       coalesce(a.country, ac.country) AS country
FROM ask_doc_actors a JOIN ask_docs d USING (doc_id)
LEFT JOIN entity_actor ea ON ea.article_id = d.article_id AND ea.entity = a.entity
LEFT JOIN actors ac ON ac.actor_id = ea.actor_id
WHERE (a.entity IN (SELECT unnest($keys)) OR ea.actor_id IN (SELECT unnest($keys))
       OR coalesce(a.country, ac.country) IN (SELECT unnest($keys)))
"""


def _match(key: str, role: str, entity: str, actor_id: str, country: str | None) -> float:
    if key in (entity, actor_id):
        return ROLE_WEIGHT[role]
    return ROLE_WEIGHT[role] * VIA_COUNTRY if key == country else 0.0


def actor_scores(con: duckdb.DuckDBPyConnection, keys: Sequence[str]) -> dict[str, float]:
    """doc_id -> how much the passage is by or about the named actors, in [0, 1]; the first
    named actor weighs most. Only passages that involve one of them are listed."""
    if not keys:
        return {}
    best: dict[str, list[float]] = defaultdict(lambda: [0.0] * len(keys))
    for doc_id, role, entity, actor_id, country in con.execute(
        _ACTORS_SQL, {"keys": list(keys)}
    ).fetchall():
        row = best[doc_id]
        for i, key in enumerate(keys):
            row[i] = max(row[i], _match(key, role, entity, actor_id, country))
    weights = [1.0] + [OTHER_KEYS] * (len(keys) - 1)
    total = sum(weights)
    return {
        d: sum(w * s for w, s in zip(weights, row, strict=True)) / total for d, row in best.items()
    }


def cue_weight(intent: bool) -> float:
    return CUE_BOOST if intent else CUE_BACKGROUND


def rrf(
    rankings: Sequence[Sequence[str]], weights: Sequence[float] | None = None, k: int | None = None
) -> dict[str, float]:
    """Weighted reciprocal rank fusion: sum over rankings of weight / (k + rank)."""
    k = RRF_K if k is None else k
    fused: dict[str, float] = defaultdict(float)
    for ranking, weight in zip(rankings, weights or [1.0] * len(rankings), strict=True):
        for rank, doc_id in enumerate(ranking, start=1):
            fused[doc_id] += weight / (k + rank)
    return dict(fused)


def rerank(
    fused: dict[str, float], actors: dict[str, float], cue: dict[str, float], intent: bool
) -> list[tuple[str, float]]:
    """Fused score times (1 + actor boost + cue boost), best first."""
    weight = cue_weight(intent)
    scored = {
        d: s * (1 + ACTOR_BOOST * actors.get(d, 0.0) + weight * cue.get(d, 0.0))
        for d, s in fused.items()
    }
    return sorted(scored.items(), key=lambda item: (-item[1], item[0]))
