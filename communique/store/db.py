"""Opening the database, and writing per-article results in whole-article transactions."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

import duckdb
import pyarrow as pa

from ..errors import DatabaseLocked, DatabaseMissing
from ..records import Article, ArticleResult, Block, Rejected
from .schema import PER_ARTICLE_TABLES, migrate

DEFAULT_DB = "communique.duckdb"


def connect(path: str | Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (and migrate) the database. A lock held by another process becomes a clear
    `DatabaseLocked` error; a reader of a missing file gets `DatabaseMissing`."""
    path = Path(path)
    if read_only and not path.exists():
        raise DatabaseMissing(str(path))
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise DatabaseLocked(str(path)) from exc
        raise
    if not read_only:
        migrate(con)
    return con


def _table(rows: list[dict], columns: Sequence[str]) -> pa.Table:
    return pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in rows]) if rows else None


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    """Insert dict rows (keys = column names) through Arrow, in the caller's transaction."""
    if not rows:
        return
    columns = [c[0] for c in con.execute(f"DESCRIBE {table}").fetchall()]
    data = pa.Table.from_pylist([{c: row.get(c) for c in columns} for row in rows])
    con.register("_incoming", data)
    try:
        col_list = ", ".join(columns)
        con.execute(f"INSERT INTO {table} ({col_list}) SELECT {col_list} FROM _incoming")
    finally:
        con.unregister("_incoming")


def _json(value: object) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


def article_rows(result: ArticleResult, pipeline_version: str, minhash: bytes | None) -> dict:
    """Every row an article contributes, by table name."""
    a = result.article
    aid = a.article_id
    rows: dict[str, list[dict]] = {name: [] for name in ("articles", *PER_ARTICLE_TABLES)}
    rows["articles"].append(
        {
            "article_id": aid,
            "title": a.title,
            "outlet": a.outlet,
            "url": a.url,
            "published": a.published,
            "published_inferred": a.published_inferred,
            "published_start": a.published_range[0] if a.published_range else None,
            "published_end": a.published_range[1] if a.published_range else None,
            "source_path": a.source_path,
            "content_hash": a.content_hash,
            "duplicate_of": a.duplicate_of,
            "num_sentences": len(result.sentences),
            "text": a.text,
            "blocks": _json([[b.start, b.end, b.kind] for b in a.blocks]),
            "metadata": _json(a.metadata),
            "minhash": minhash,
            "pipeline_version": pipeline_version,
            "ingested_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
        }
    )
    rows["sentences"] = [
        {
            "article_id": aid,
            "idx": s.index,
            "start_char": s.start,
            "end_char": s.end,
            "kind": s.kind,
            "text": s.text,
        }
        for s in result.sentences
    ]
    rows["entities"] = [
        {
            "article_id": aid,
            "entity": actor.actor_id,
            "name": actor.name,
            "kind": actor.kind,
            "country": actor.country,
            "sector": actor.sector,
            "title": actor.title,
            "aliases": _json(sorted(set(actor.aliases))),
            "unresolved_reason": actor.unresolved_reason,
        }
        for actor in result.actors
    ]
    rows["mentions"] = [
        {
            "article_id": aid,
            "sentence_idx": m.sentence_index,
            "start_char": m.start,
            "end_char": m.end,
            "text": m.text,
            "entity": m.entity,
            "kind": m.kind,
            "country": m.country,
            "sector": m.sector,
            "title": m.title,
            "role": m.role,
            "reason": m.reason,
        }
        for m in result.mentions
    ]
    rows["timexes"] = [
        {
            "article_id": aid,
            "start_char": t.char_start,
            "end_char": t.char_end,
            "text": t.text,
            "date_start": t.start,
            "date_end": t.end,
            "date_precision": t.precision,
            "date_source": t.source,
        }
        for t in result.timexes
    ]
    rows["event_mentions"] = [_event_row(aid, e) for e in result.events]
    rows["quotes"] = [
        {
            "quote_id": q.quote_id,
            "article_id": aid,
            "text": q.text,
            "direct": q.direct,
            "start_char": q.start,
            "end_char": q.end,
            "speaker_entity": q.speaker,
            "speaker_mention": q.speaker_mention,
            "reported_by_entity": q.reported_by,
            "cue": q.cue,
            "sentence_idx": q.sentence_index,
            "unresolved_reason": q.unresolved_reason,
        }
        for q in result.quotes
    ]
    return rows


def _event_row(aid: str, e) -> dict:
    ev = e.evidence[0] if e.evidence else None
    loc = e.location
    return {
        "mention_id": e.event_id,
        "article_id": aid,
        "event_type": e.event_type,
        "mode": e.mode,
        "cameo": e.cameo,
        "goldstein": e.goldstein,
        "quad_class": e.quad_class,
        "source_entity": e.source,
        "target_entity": e.target,
        "modality": e.modality,
        "date_start": e.date.start if e.date else None,
        "date_end": e.date.end if e.date else None,
        "date_precision": e.date.precision if e.date else None,
        "date_text": e.date.text if e.date else None,
        "date_source": e.date.source if e.date else None,
        "location": _json(
            None
            if loc is None
            else {"name": loc.name, "country": loc.country, "lat": loc.lat, "lon": loc.lon}
        ),
        "trigger": e.trigger,
        "sentence_idx": ev.sentence_index if ev else None,
        "sentence": ev.sentence if ev else None,
        "start_char": ev.start if ev else None,
        "end_char": ev.end if ev else None,
        "confidence": e.confidence,
    }


def delete_articles(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> None:
    """Remove articles and everything derived from them (for `--force` re-processing)."""
    ids = list(article_ids)
    if not ids:
        return
    for table in ("articles", *PER_ARTICLE_TABLES):
        con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [ids])


def write_results(
    con: duckdb.DuckDBPyConnection,
    results: Sequence[tuple[ArticleResult, bytes | None]],
    pipeline_version: str,
) -> None:
    """Store a batch of whole articles in ONE transaction: all of it or none of it."""
    batch: dict[str, list[dict]] = {}
    for result, minhash in results:
        for table, rows in article_rows(result, pipeline_version, minhash).items():
            batch.setdefault(table, []).extend(rows)
    con.execute("BEGIN TRANSACTION")
    try:
        delete_articles(con, [r.article.article_id for r, _ in results])
        for table, rows in batch.items():
            insert_rows(con, table, rows)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def write_rejected(con: duckdb.DuckDBPyConnection, rejects: Sequence[Rejected]) -> None:
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows = [
        {"path": r.path, "stage": r.stage, "reason": r.reason, "line": r.line, "rejected_at": now}
        for r in rejects
    ]
    con.execute("BEGIN TRANSACTION")
    for r in rejects:
        con.execute(
            "DELETE FROM rejected WHERE path = ? AND coalesce(line, -1) = coalesce(?, -1)",
            [r.path, r.line],
        )
    insert_rows(con, "rejected", rows)
    con.execute("COMMIT")


def stored_keys(con: duckdb.DuckDBPyConnection) -> tuple[set[str], set[str]]:
    """Ids and content hashes of every stored article (to skip re-ingest without parsing)."""
    rows = con.execute("SELECT article_id, content_hash FROM articles").fetchall()
    return {r[0] for r in rows}, {r[1] for r in rows if r[1]}


def stored_signatures(con: duckdb.DuckDBPyConnection) -> list[tuple[str, bytes]]:
    return con.execute(
        "SELECT article_id, minhash FROM articles WHERE minhash IS NOT NULL AND duplicate_of IS NULL"
    ).fetchall()


def load_articles(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> list[Article]:
    """Stored articles as records (text, blocks and metadata), to analyse them again."""
    rows = con.execute(
        "SELECT article_id, text, title, outlet, url, published, published_inferred, "
        "source_path, content_hash, duplicate_of, blocks, metadata FROM articles "
        "WHERE article_id IN (SELECT unnest(?)) ORDER BY article_id",
        [list(article_ids)],
    ).fetchall()
    return [
        Article(
            article_id=r[0],
            text=r[1],
            title=r[2],
            outlet=r[3],
            url=r[4],
            published=r[5],
            published_inferred=bool(r[6]),
            source_path=r[7],
            content_hash=r[8] or "",
            duplicate_of=r[9],
            blocks=[Block(*b) for b in json.loads(r[10] or "[]")],
            metadata=json.loads(r[11] or "{}"),
        )
        for r in rows
    ]
