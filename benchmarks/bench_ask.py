"""`communique ask` retrieval quality on the bundled example corpus.

Data: benchmarks/data/ask_questions.yaml, 31 analyst questions over examples/corpus/ with the
passages that answer them (article id + a distinctive fragment of the sentence). The
questions were written by the author of communique/ask with the corpus open, and the rerank
weights were set while looking at them: every figure here is on a tuned, self-written set,
much easier than real use. It guards against regressions; it does not estimate quality.

Metrics, over the top 5 passages of each question:
- recall@5: expected passages found in the top 5 / expected passages, averaged over questions;
- hit@5: questions with at least one expected passage in the top 5;
- MRR: mean of 1 / rank of the first expected passage (0 when none is in the top 5).
Paths: bm25 (lexical ranking alone, one passage per sentence), default (BM25 + structure
rerank: what a default install answers) and hybrid (default + MiniLM embeddings, only when
the `semantic` extra is installed).

Run: `python -m benchmarks ask` or `python benchmarks/bench_ask.py`.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = Path(__file__).resolve().parent / "data" / "ask_questions.yaml"
K = 5


def load_questions() -> list[dict]:
    return yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))["questions"]


def _matches(passage, expected: dict) -> bool:
    fragment = expected["fragment"].casefold()
    return passage.article_id == expected["article"] and (
        fragment in passage.context.casefold() or fragment in passage.text.casefold()
    )


def score(passages: list, expected: list[dict]) -> tuple[float, float]:
    """(recall@k, reciprocal rank) of one question's passages."""
    found = [any(_matches(p, e) for p in passages) for e in expected]
    first = next((i for i, p in enumerate(passages, 1) if any(_matches(p, e) for e in expected)), None)  # fmt: skip
    return sum(found) / len(expected), (1 / first if first else 0.0)


def _bm25_only(con, text: str):
    from communique.ask import answer, bm25, one_per_sentence

    return answer.load(con, one_per_sentence(con, bm25.query(con, text, 100), K))


def evaluate(con, questions: list[dict], path: str) -> dict:
    from communique import ask

    recalls, ranks, misses = [], [], []
    started = time.perf_counter()
    for q in questions:
        if path == "bm25":
            passages = _bm25_only(con, q["question"])
        else:
            passages = ask.ask_con(con, q["question"], K, semantic=path == "hybrid").passages
        recall, rr = score(passages, q["expected"])
        recalls.append(recall)
        ranks.append(rr)
        if rr == 0:
            misses.append(q["id"])
    n = len(questions)
    return {
        "recall": sum(recalls) / n,
        "hit": sum(r > 0 for r in ranks) / n,
        "mrr": sum(ranks) / n,
        "seconds": (time.perf_counter() - started) / n,
        "misses": misses,
    }


def _rows(path: str, result: dict, n: int) -> list[dict]:
    note = "self-written questions, weights tuned on them"
    missed = f"; missed: {', '.join(result['misses'])}" if result["misses"] else ""
    return [
        {"benchmark": "ask", "metric": f"{path} recall@{K}", "value": result["recall"], "n": n, "note": note},
        {"benchmark": "ask", "metric": f"{path} hit@{K}", "value": result["hit"], "n": n, "note": note + missed},
        {"benchmark": "ask", "metric": f"{path} MRR", "value": result["mrr"], "n": n, "note": note},
        {"benchmark": "ask", "metric": f"{path} seconds per question", "value": result["seconds"], "n": n, "note": "warm, after the first index build"},
    ]  # fmt: skip


def run() -> list[dict]:
    from communique import api
    from communique.ask import bm25, embed
    from communique.store import db as store

    questions = load_questions()
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "ask.duckdb"
        api.ingest([ROOT / "examples" / "corpus"], db, jobs=1)
        con = store.connect(db)
        try:
            started = time.perf_counter()
            bm25.refresh(con)
            build = time.perf_counter() - started
            docs = con.execute("SELECT count(*) FROM ask_docs").fetchone()[0]
            rows.append({"benchmark": "ask", "metric": "index build seconds", "value": build, "n": docs, "note": "documents (sentences, quotes, events)"})  # fmt: skip
            paths = ["bm25", "default"] + (["hybrid"] if embed.available() else [])
            for path in paths:
                rows.extend(_rows(path, evaluate(con, questions, path), len(questions)))
            if not embed.available():
                rows.append({"benchmark": "ask", "metric": "hybrid", "value": "skipped", "n": "", "note": "semantic extra not installed"})  # fmt: skip
        finally:
            con.close()
    return rows


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    for row in run():
        print(f"{row['metric']:<32} {row['value']!s:>10}  n={row['n']}  {row['note']}")
