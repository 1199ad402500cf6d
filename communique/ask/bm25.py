"""BM25 in DuckDB SQL over a token table, kept as a cache inside the database.

The DuckDB `fts` extension is downloaded at run time, which fails offline, so the index is
plain tables: `ask_docs` (one row per document), `ask_postings` (document, term, count) and
`ask_doc_actors`. `ask_indexed` records, per article, the key (content hash and ingest time)
its documents were built from: `refresh` rebuilds only the articles whose key changed and
drops those that are gone. On a read-only connection the same tables are TEMP tables, built
for that connection only.
"""

from __future__ import annotations

from collections import Counter

import duckdb
import pyarrow as pa

from . import cues, docs, tokens

K1 = 1.2
B = 0.75

TABLES = {
    "ask_indexed": "article_id VARCHAR, article_key VARCHAR",
    "ask_docs": (
        "doc_id VARCHAR, kind VARCHAR, article_id VARCHAR, sentence_idx INTEGER, "
        "start_char INTEGER, end_char INTEGER, text VARCHAR, context VARCHAR, "
        "index_text VARCHAR, speaker VARCHAR, speaker_name VARCHAR, event JSON, cue DOUBLE, "
        "length INTEGER"
    ),
    "ask_postings": "doc_id VARCHAR, term VARCHAR, tf INTEGER",
    "ask_doc_actors": "doc_id VARCHAR, entity VARCHAR, country VARCHAR, role VARCHAR",
}

_ARTICLE_KEY = "coalesce(content_hash, '') || '@' || coalesce(CAST(ingested_at AS VARCHAR), '')"


def ensure_tables(con: duckdb.DuckDBPyConnection, tables: dict[str, str] = TABLES) -> bool:
    """Create cache tables; TEMP ones on a read-only database. True when persistent."""
    try:
        for name, columns in tables.items():
            con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({columns})")
        return True
    except duckdb.Error as exc:
        if "read-only" not in str(exc).lower() and "read only" not in str(exc).lower():
            raise
    for name, columns in tables.items():
        con.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name} ({columns})")
    return False


def _stale(con: duckdb.DuckDBPyConnection) -> tuple[list[str], list[tuple[str, str]]]:
    """(articles to drop from the index, (article, key) pairs to index anew)."""
    gone = con.execute(
        "SELECT article_id FROM ask_indexed EXCEPT "
        f"SELECT article_id FROM ask_indexed JOIN articles a USING (article_id) "
        f"WHERE article_key = {_ARTICLE_KEY.replace('content_hash', 'a.content_hash')}"
    ).fetchall()
    fresh = con.execute(
        f"SELECT article_id, {_ARTICLE_KEY} FROM articles EXCEPT "
        "SELECT article_id, article_key FROM ask_indexed"
    ).fetchall()
    return [g[0] for g in gone], fresh


def _delete(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> None:
    con.execute(
        "DELETE FROM ask_postings WHERE doc_id IN "
        "(SELECT doc_id FROM ask_docs WHERE article_id IN (SELECT unnest(?)))",
        [article_ids],
    )
    con.execute(
        "DELETE FROM ask_doc_actors WHERE doc_id IN "
        "(SELECT doc_id FROM ask_docs WHERE article_id IN (SELECT unnest(?)))",
        [article_ids],
    )
    for table in ("ask_docs", "ask_indexed"):
        con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [article_ids])


def _rows(built: list[docs.Doc]) -> tuple[list[tuple], list[tuple], list[tuple]]:
    doc_rows, postings, actors = [], [], []
    for d in built:
        counts = Counter(tokens.terms(d.index_text))
        doc_rows.append(
            (d.doc_id, d.kind, d.article_id, d.sentence_idx, d.start, d.end, d.text, d.context,
             d.index_text, d.speaker, d.speaker_name, docs.event_json(d), cues.cue_score(d.context or d.text),
             sum(counts.values()))
        )  # fmt: skip
        postings.extend((d.doc_id, term, tf) for term, tf in counts.items())
        actors.extend((d.doc_id, a.entity, a.country, a.role) for a in d.actors)
    return doc_rows, postings, actors


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple]) -> None:
    """Bulk insert through Arrow (row-by-row `executemany` is ~100x slower in DuckDB)."""
    if not rows:
        return
    names = [c.split()[0] for c in TABLES[table].split(", ")]
    columns = {name: [r[i] for r in rows] for i, name in enumerate(names)}
    con.register("_ask_incoming", pa.table(columns))
    try:
        con.execute(f"INSERT INTO {table} SELECT * FROM _ask_incoming")
    finally:
        con.unregister("_ask_incoming")


def refresh(con: duckdb.DuckDBPyConnection) -> int:
    """Bring the index up to date with the articles; returns how many articles were
    (re)indexed."""
    ensure_tables(con)
    gone, fresh = _stale(con)
    if not gone and not fresh:
        return 0
    doc_rows, postings, actors = _rows(docs.build(con, [a for a, _ in fresh]))
    con.execute("BEGIN TRANSACTION")
    try:
        _delete(con, sorted(set(gone) | {a for a, _ in fresh}))
        for table, rows in (("ask_docs", doc_rows), ("ask_postings", postings),
                            ("ask_doc_actors", actors), ("ask_indexed", fresh)):  # fmt: skip
            _insert(con, table, rows)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return len(fresh)


_QUERY = f"""
WITH q AS (SELECT DISTINCT unnest(?::VARCHAR[]) AS term),
docs AS (SELECT doc_id, length FROM ask_docs WHERE kind IN (SELECT unnest(?::VARCHAR[]))),
n AS (SELECT count(*)::DOUBLE AS n, avg(length) AS avgdl FROM docs),
hits AS (SELECT p.doc_id, p.term, p.tf, d.length FROM ask_postings p
         JOIN docs d USING (doc_id) WHERE p.term IN (SELECT term FROM q)),
df AS (SELECT term, count(*)::DOUBLE AS df FROM hits GROUP BY term)
SELECT h.doc_id,
       sum(ln(1 + (n.n - df.df + 0.5) / (df.df + 0.5))
           * h.tf * ({K1} + 1) / (h.tf + {K1} * (1 - {B} + {B} * h.length / n.avgdl))) AS score
FROM hits h JOIN df USING (term), n
GROUP BY h.doc_id ORDER BY score DESC, h.doc_id LIMIT ?
"""

KINDS = ("sentence", "quote", "event")


def query(
    con: duckdb.DuckDBPyConnection, text: str, limit: int, kinds: tuple[str, ...] = KINDS
) -> list[tuple[str, float]]:
    """(doc_id, BM25 score) of the best `limit` documents of these kinds, best first."""
    terms = tokens.terms(text, query=True)
    if not terms:
        return []
    return con.execute(_QUERY, [terms, list(kinds), limit]).fetchall()
