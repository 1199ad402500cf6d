"""Ask the corpus: analyst questions answered with cited passages.

    from communique import ask
    answer = ask.ask("news.duckdb", "What is the United States after from Azerbaijan?", k=5)
    print(answer.to_text())            # or answer.to_json()
    ask.search("news.duckdb", "grain corridor", k=10)   # plain BM25 over sentences

Stages, in order (each a module of its own):
  bm25.refresh      index new or changed articles (docs.build -> token table, in DuckDB)
  question.parse    which actors the question names, and whether it asks for goals
  bm25.query        lexical ranking (BM25 in SQL)
  embed.ranking     dense ranking with MiniLM (only with the `semantic` extra)
  rerank.rrf        reciprocal rank fusion of the rankings
  rerank.rerank     boost passages by/about the named actors, and goal/position cues
  answer.load       the top passages with outlet, date, article id and offsets
  answer.synthesise the optional LLM answer (only with an --llm URL)
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from ..errors import DatabaseLocked, DatabaseMissing
from ..store import db as store
from . import answer, bm25, embed, question, rerank
from .answer import Answer, Passage

__all__ = ["Answer", "Passage", "ask", "ask_con", "search", "search_con", "semantic_default"]

CANDIDATES = 100  # documents each retriever hands to the fusion


def semantic_default() -> bool:
    """Embeddings are used when the extra is installed, unless COMMUNIQUE_SEMANTIC=0."""
    return os.environ.get("COMMUNIQUE_SEMANTIC", "1") != "0" and embed.available()


def _connect(db: str | Path) -> duckdb.DuckDBPyConnection:
    """A write connection (the index is cached in the database), or a read-only one with
    the index in TEMP tables when another process holds the database."""
    if not Path(db).exists():
        raise DatabaseMissing(str(db))
    try:
        return store.connect(db)
    except DatabaseLocked:
        return store.connect(db, read_only=True)


def _cues(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> dict[str, float]:
    rows = con.execute(
        "SELECT doc_id, cue FROM ask_docs WHERE doc_id IN (SELECT unnest(?))", [doc_ids]
    ).fetchall()
    return dict(rows)


def one_per_sentence(con: duckdb.DuckDBPyConnection, ranked: list[tuple[str, float]], k: int):
    """The best `k`, one passage per sentence (a sentence, its quote and its event are one
    place in the article), and one copy of a sentence repeated across articles."""
    keys = dict(
        con.execute(
            "SELECT doc_id, article_id || '#' || coalesce(sentence_idx, -1) || '\x1f' || "
            "lower(context) FROM ask_docs WHERE doc_id IN (SELECT unnest(?))",
            [[d for d, _ in ranked[: k * 20]]],
        ).fetchall()
    )
    seen: set[str] = set()
    out = []
    for doc_id, score in ranked[: k * 20]:
        place, _, text = keys[doc_id].partition("\x1f")
        if place in seen or text in seen:
            continue
        seen.update((place, text))
        out.append((doc_id, score))
        if len(out) == k:
            break
    return out


def ask_con(
    con: duckdb.DuckDBPyConnection,
    text: str,
    k: int = 5,
    *,
    llm: str | None = None,
    semantic: bool | None = None,
) -> Answer:
    """Answer `text` from the database open on `con` (see `ask`)."""
    semantic = semantic_default() if semantic is None else semantic
    if semantic and not embed.available():
        raise embed.SemanticNotInstalled()
    bm25.refresh(con)
    parsed = question.parse(con, text)
    lexical = [d for d, _ in bm25.query(con, text, CANDIDATES)]
    actors = rerank.actor_scores(con, parsed.keys)
    rankings, used = [lexical], ["bm25"]
    if semantic:
        rankings.append(embed.ranking(con, text, lexical, CANDIDATES))
        used.append("embeddings")
    fused = rerank.rrf(rankings)
    cue = _cues(con, list(fused))
    ranked = rerank.rerank(fused, actors, cue, parsed.intent)
    passages = answer.load(con, one_per_sentence(con, ranked, k))
    result = Answer(text, passages, named=list(parsed.keys), retrievers=used)
    if llm and passages:
        result.answer = answer.synthesise(llm, text, passages)
    return result


def ask(
    db: str | Path,
    text: str,
    k: int = 5,
    *,
    llm: str | None = None,
    semantic: bool | None = None,
) -> Answer:
    """The top `k` passages (sentences, quotes, events) answering the question `text`, with
    outlet, date, article id and offsets; with `llm` (an OpenAI-compatible base URL such as
    http://127.0.0.1:8000/v1) also a short synthesised answer citing them by number.
    `semantic`: None = use embeddings when the extra is installed; True = require them."""
    con = _connect(db)
    try:
        return ask_con(con, text, k, llm=llm, semantic=semantic)
    finally:
        con.close()


def search_con(con: duckdb.DuckDBPyConnection, text: str, k: int = 10) -> list[Passage]:
    """Plain BM25 over sentences on an open connection."""
    bm25.refresh(con)
    return answer.load(con, bm25.query(con, text, k, kinds=("sentence",)))


def search(db: str | Path, text: str, k: int = 10) -> list[Passage]:
    """Plain BM25 over sentences: the best `k`, each with outlet, date, article id and
    offsets."""
    con = _connect(db)
    try:
        return search_con(con, text, k)
    finally:
        con.close()
