"""Corpus-level steps, recomputed from the stored per-article rows after every ingest:

    actor resolution -> inferred publication dates -> dedup

Each reads what the per-article stages stored and rewrites one derived table in a single
transaction, so an interrupted run is repaired by the next one.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import duckdb

from . import actors, dates, dedup
from .records import Actor, DateValue
from .store.db import insert_rows


def finalize(con: duckdb.DuckDBPyConnection) -> None:
    resolve_actors(con)
    infer_publication_dates(con)
    deduplicate(con)


def resolve_actors(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "SELECT article_id, entity, name, kind, country, sector, title, aliases, "
        "unresolved_reason FROM entities ORDER BY article_id, entity"
    ).fetchall()
    items = [
        (
            r[0],
            Actor(r[1], r[2], r[3], r[4], r[5], r[6], json.loads(r[7] or "[]"), r[8]),
        )
        for r in rows
    ]
    mapping, canonical = actors.resolve_corpus(items)
    counts: Counter[str] = Counter()
    for article_id, entity, n in con.execute(
        "SELECT article_id, entity, count(*) FROM mentions GROUP BY ALL"
    ).fetchall():
        counts[mapping.get((article_id, entity), entity)] += n
    actor_rows = [
        {
            "actor_id": a.actor_id,
            "name": a.name,
            "kind": a.kind,
            "country": a.country,
            "sector": a.sector,
            "title": a.title,
            "aliases": json.dumps(sorted(set(a.aliases)), ensure_ascii=False),
            "num_mentions": counts.get(a.actor_id, 0),
            "unresolved_reason": a.unresolved_reason,
        }
        for a in canonical
    ]
    link_rows = [
        {"article_id": aid, "entity": entity, "actor_id": actor_id}
        for (aid, entity), actor_id in sorted(mapping.items())
    ]
    con.execute("BEGIN TRANSACTION")
    con.execute("DELETE FROM actors")
    con.execute("DELETE FROM entity_actor")
    insert_rows(con, "actors", actor_rows)
    insert_rows(con, "entity_actor", link_rows)
    con.execute("COMMIT")


def infer_publication_dates(con: duckdb.DuckDBPyConnection) -> None:
    """Undated articles get a publication range from the explicit dates in their text."""
    undated = con.execute("SELECT article_id FROM articles WHERE published IS NULL").fetchall()
    con.execute("BEGIN TRANSACTION")
    for (article_id,) in undated:
        timexes = [
            DateValue(start=r[0], end=r[1], precision=r[2], text=r[3] or "", source=r[4])
            for r in con.execute(
                "SELECT date_start, date_end, date_precision, text, date_source "
                "FROM timexes WHERE article_id = ?",
                [article_id],
            ).fetchall()
        ]
        bounds = dates.infer_publication(timexes)
        con.execute(
            "UPDATE articles SET published_inferred = ?, published_start = ?, "
            "published_end = ?, published = NULL WHERE article_id = ?",
            [bounds is not None, *(bounds or (None, None)), article_id],
        )
    con.execute("COMMIT")


WEEK = dt.timedelta(days=6)

LINKED_EVENT_DATES = """
SELECT em.article_id, max(e.date_end)
FROM event_mentions em
JOIN event_clusters c USING (mention_id)
JOIN events e USING (event_id)
JOIN articles a ON a.article_id = em.article_id
WHERE a.published IS NULL AND e.date_end IS NOT NULL
  AND EXISTS (
      SELECT 1 FROM event_clusters c2 JOIN event_mentions m2 USING (mention_id)
      JOIN articles a2 ON a2.article_id = m2.article_id
      WHERE c2.event_id = c.event_id AND a2.published IS NOT NULL AND NOT a2.published_inferred
        AND m2.date_start IS NOT NULL)
GROUP BY 1
"""


def publication_from_other_reports(
    con: duckdb.DuckDBPyConnection,
) -> dict[str, tuple[dt.date, dt.date]]:
    """Narrow the publication date of undated articles through other reports: an undated
    article reporting an event that a dated report places on day D appeared on or after D
    and, as it relates it with a relative expression ("on Monday"), within the week after.
    Its own explicit dates, and the weekdays it names (`dates.narrow_by_weekdays`), can
    only raise the lower bound. Returns {article_id: (lower, upper)}.
    """
    own = dict(
        con.execute(
            "SELECT article_id, published_start FROM articles WHERE published IS NULL"
        ).fetchall()
    )
    found = {}
    linked = con.execute(LINKED_EVENT_DATES).fetchall()
    texts = dict(
        con.execute(
            "SELECT article_id, text FROM articles WHERE article_id IN (SELECT unnest(?))",
            [[article_id for article_id, _ in linked]],
        ).fetchall()
    )
    for article_id, latest_event in linked:
        lower = max(d for d in (latest_event, own.get(article_id)) if d is not None)
        found[article_id] = dates.narrow_by_weekdays(
            texts.get(article_id) or "", latest_event, (lower, lower + WEEK)
        )
    return found


MENTION_QUERY = """
SELECT em.mention_id, em.article_id, em.event_type,
       coalesce(src.actor_id, em.source_entity), coalesce(tgt.actor_id, em.target_entity),
       em.modality, em.date_start, em.date_end, em.date_precision,
       coalesce(orig.outlet, a.outlet), coalesce(a.duplicate_of, a.article_id),
       a.published, em.confidence, em.date_source
FROM event_mentions em
JOIN articles a USING (article_id)
LEFT JOIN articles orig ON orig.article_id = a.duplicate_of
LEFT JOIN entity_actor src ON src.article_id = em.article_id AND src.entity = em.source_entity
LEFT JOIN entity_actor tgt ON tgt.article_id = em.article_id AND tgt.entity = em.target_entity
"""


def deduplicate(con: duckdb.DuckDBPyConnection) -> None:
    rows = [dedup.MentionRow(*r) for r in con.execute(MENTION_QUERY).fetchall()]
    by_id = {
        r[0]: r
        for r in con.execute(
            "SELECT mention_id, mode, cameo, goldstein, quad_class, location FROM event_mentions"
        ).fetchall()
    }
    event_rows, link_rows = [], []
    for group in dedup.cluster(rows):
        event_rows.append(_event_row(group, by_id))
        link_rows.extend(
            {"mention_id": m.mention_id, "event_id": group.event_id} for m in group.members
        )
    con.execute("BEGIN TRANSACTION")
    con.execute("DELETE FROM events")
    con.execute("DELETE FROM event_clusters")
    insert_rows(con, "events", event_rows)
    insert_rows(con, "event_clusters", link_rows)
    con.execute("COMMIT")


def _event_row(group: dedup.Cluster, details: dict) -> dict:
    best = max(group.members, key=lambda m: (m.confidence, m.mention_id))
    _, mode, cameo, goldstein, quad_class, _ = details[best.mention_id]
    locations = [details[m.mention_id][5] for m in group.members if details[m.mention_id][5]]
    start, end, precision = dedup.representative_date(group.members)
    reported = sorted(m.published for m in group.members if m.published)
    return {
        "event_id": group.event_id,
        "event_type": best.event_type,
        "mode": mode,
        "cameo": cameo,
        "goldstein": goldstein,
        "quad_class": quad_class,
        "source_id": best.source,
        "target_id": best.target,
        "date": start if precision == "day" else None,
        "date_start": start,
        "date_end": end,
        "date_precision": precision,
        "location": Counter(locations).most_common(1)[0][0] if locations else None,
        "modality": dedup.representative_modality(group.members),
        "num_articles": group.num_articles,
        "num_outlets": group.num_outlets,
        "first_reported": reported[0] if reported else None,
        "last_reported": reported[-1] if reported else None,
        "confidence": max(m.confidence for m in group.members),
        "conflicts": json.dumps(group.conflicts()) if group.conflicts() else None,
    }
