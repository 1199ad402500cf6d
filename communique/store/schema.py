"""The DuckDB schema, as numbered migrations applied in order.

Per-article tables (articles, sentences, entities, mentions, timexes, event_mentions,
quotes) are written in one transaction per batch of whole articles. Corpus-level tables
(actors, entity_actor, events, event_clusters) are derived from them and recomputed by
`communique.corpus.finalize`.
"""

from __future__ import annotations

import duckdb

MIGRATIONS: tuple[str, ...] = (
    # 1: the first schema
    """
    CREATE TABLE articles (
        article_id VARCHAR PRIMARY KEY,
        title VARCHAR, outlet VARCHAR, url VARCHAR,
        published DATE, published_inferred BOOLEAN DEFAULT FALSE,
        published_start DATE, published_end DATE,
        source_path VARCHAR, content_hash VARCHAR, duplicate_of VARCHAR,
        num_sentences INTEGER, text VARCHAR, blocks JSON, metadata JSON,
        minhash BLOB, pipeline_version VARCHAR, ingested_at TIMESTAMP
    );
    CREATE TABLE sentences (
        article_id VARCHAR, idx INTEGER, start_char INTEGER, end_char INTEGER,
        kind VARCHAR, text VARCHAR
    );
    CREATE TABLE entities (
        article_id VARCHAR, entity VARCHAR, name VARCHAR, kind VARCHAR,
        country VARCHAR, sector VARCHAR, title VARCHAR, aliases JSON,
        unresolved_reason VARCHAR
    );
    CREATE TABLE mentions (
        article_id VARCHAR, sentence_idx INTEGER, start_char INTEGER, end_char INTEGER,
        text VARCHAR, entity VARCHAR, kind VARCHAR, country VARCHAR, sector VARCHAR,
        title VARCHAR, role VARCHAR, reason VARCHAR
    );
    CREATE TABLE timexes (
        article_id VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR,
        date_start DATE, date_end DATE, date_precision VARCHAR, date_source VARCHAR
    );
    CREATE TABLE event_mentions (
        mention_id VARCHAR, article_id VARCHAR, event_type VARCHAR, mode VARCHAR,
        cameo VARCHAR, goldstein DOUBLE, quad_class INTEGER,
        source_entity VARCHAR, target_entity VARCHAR, modality VARCHAR,
        date_start DATE, date_end DATE, date_precision VARCHAR, date_text VARCHAR,
        date_source VARCHAR, location JSON, trigger VARCHAR,
        sentence_idx INTEGER, sentence VARCHAR, start_char INTEGER, end_char INTEGER,
        confidence DOUBLE
    );
    CREATE TABLE quotes (
        quote_id VARCHAR, article_id VARCHAR, text VARCHAR, direct BOOLEAN,
        start_char INTEGER, end_char INTEGER, speaker_entity VARCHAR,
        speaker_mention VARCHAR, reported_by_entity VARCHAR, cue VARCHAR,
        sentence_idx INTEGER, unresolved_reason VARCHAR
    );
    CREATE TABLE rejected (
        path VARCHAR, stage VARCHAR, reason VARCHAR, line INTEGER, rejected_at TIMESTAMP
    );
    CREATE TABLE actors (
        actor_id VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR, sector VARCHAR,
        title VARCHAR, aliases JSON, num_mentions INTEGER, unresolved_reason VARCHAR
    );
    CREATE TABLE entity_actor (article_id VARCHAR, entity VARCHAR, actor_id VARCHAR);
    CREATE TABLE events (
        event_id VARCHAR, event_type VARCHAR, mode VARCHAR, cameo VARCHAR,
        goldstein DOUBLE, quad_class INTEGER, source_id VARCHAR, target_id VARCHAR,
        date DATE, date_start DATE, date_end DATE, date_precision VARCHAR,
        location JSON, modality VARCHAR, num_articles INTEGER, num_outlets INTEGER,
        first_reported DATE, last_reported DATE, confidence DOUBLE, conflicts JSON
    );
    CREATE TABLE event_clusters (mention_id VARCHAR, event_id VARCHAR);
    """,
)

PER_ARTICLE_TABLES = (
    "sentences",
    "entities",
    "mentions",
    "timexes",
    "event_mentions",
    "quotes",
)


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Bring the database to the newest schema; returns its version."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER)")
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    current = row[0] if row and row[0] is not None else 0
    for number, sql in enumerate(MIGRATIONS[current:], start=current + 1):
        con.execute("BEGIN TRANSACTION")
        con.execute(sql)
        con.execute("INSERT INTO schema_version VALUES (?)", [number])
        con.execute("COMMIT")
    return len(MIGRATIONS)
