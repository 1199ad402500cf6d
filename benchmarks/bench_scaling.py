"""Scaling: the per-article pipeline on the local engine (1 and 2 processes) and on Ray
(1 and 2 actors), over the same articles; and corpus-level dedup over growing synthetic
mention sets, to show it stays near-linear.

Articles: the public-domain VOA stories in ../shared/data/voa-stories, cycled up to
COMMUNIQUE_BENCH_SCALING_ARTICLES (default 240), each copy with a distinct first line;
generated text when ../shared is absent. Each configuration runs in a fresh Python process
(so model loading and peak memory are its own) and is timed from the engine call to its
last result, without any database: this compares engines, not writers. "Steady" figures
leave out start-up (Ray and actor start, model loading): they are measured from the first
result to the last. Peak RSS per worker is the largest resident set of one worker process
(for the local engine with 1 process, the process itself).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import ROOT
from .bench_speed import stories

CONFIGS = (("local", 1), ("local", 2), ("ray", 1), ("ray", 2))
DEDUP_SIZES = (25_000, 100_000, 400_000)


def _articles(count: int):
    from communique import ingest as readers
    from communique.records import Article

    records, source = stories(count)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "stories.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        articles = [a for a in readers.read_inputs([path]) if isinstance(a, Article)]
    return articles, source


def _rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def _timed(results) -> tuple[int, float, float]:
    """(results, seconds to the first, seconds to the last) of an engine's result stream."""
    started = time.perf_counter()
    first = None
    n = 0
    for _ in results:
        n += 1
        first = first or time.perf_counter() - started
    return n, first or 0.0, time.perf_counter() - started


def measure_local(articles, jobs: int) -> dict:
    from communique.engines import local

    n, first, total = _timed(local.run(articles, jobs=jobs))
    worker = _rss_mb() if jobs == 1 else _rss_mb(resource.RUSAGE_CHILDREN)
    return {"n": n, "first": first, "total": total, "worker_rss_mb": worker}


def measure_ray(articles, workers: int) -> dict:
    """Ray through the engine's own driver loop, with an actor that also reports its peak
    resident set (the public `ray_engine.run` yields only results)."""
    import ray.cloudpickle

    from communique import nlp as nlp_module
    from communique.engines import ray_engine

    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    args = (nlp_module.model_name(), 16)
    started = time.perf_counter()
    with ray_engine._ray(None, workers):
        rows = ((a, None) for a in articles)
        stream = ray_engine._stream(rows, _measured_analyser(), args, workers, 16)
        peaks: list[float] = []

        def results():
            for row in stream:
                peaks.append(row["rss_mb"])
                yield row

        n, first, total = _timed(results())
    return {
        "n": n,
        "first": first,
        "total": total,
        "with_init": time.perf_counter() - started,
        "worker_rss_mb": max(peaks),
    }


def _measured_analyser():
    """The engine's actor, also reporting its peak resident set (built here so that
    importing this module needs no Ray)."""
    from communique.engines.ray_engine import Analyser

    class Measured(Analyser):
        def __call__(self, batch):
            import pyarrow as pa

            out = super().__call__(batch)
            return out.append_column("rss_mb", pa.array([_rss_mb()] * out.num_rows))

    return Measured


def measure_writer(articles, _workers: int) -> dict:
    """The single DuckDB writer: analysed articles stored in batches of 16, then the
    corpus-level steps (actors, publication dates, dedup) over the whole database."""
    from communique import corpus
    from communique.engines import local
    from communique.ingest import NearDuplicateIndex
    from communique.store import db as store

    results = list(local.run(articles, jobs=1))
    with tempfile.TemporaryDirectory() as tmp:
        con = store.connect(Path(tmp) / "bench.duckdb")
        started = time.perf_counter()
        for i in range(0, len(results), 16):
            batch = [(r, NearDuplicateIndex.signature(r.article.text)) for r in results[i : i + 16]]
            store.write_results(con, batch, "bench")
        written = time.perf_counter() - started
        corpus.finalize(con)
        finalized = time.perf_counter() - started - written
        con.close()
    return {"n": len(results), "write": written, "finalize": finalized}


def _one(engine: str, workers: int, count: int) -> dict:
    """Measure one configuration in a fresh process; returns its figures."""
    command = [sys.executable, "-m", "benchmarks.bench_scaling", engine, str(workers), str(count)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{engine} x{workers} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def engine_rows(count: int) -> list[dict]:
    articles, source = _articles(count)
    words = sum(len(a.text.split()) for a in articles)
    figures = {(engine, w): _one(engine, w, count) for engine, w in CONFIGS}
    note = f"{source}, {count} articles, {words:,} words, this machine ({os.cpu_count()} cores)"
    rows: list[dict] = []
    for (engine, workers), f in figures.items():
        rows.extend(_config_rows(engine, workers, f, words, note))
    rows.extend(_scaling_rows(figures, count))
    writer = _one("writer", 1, count)
    rows.append(
        {
            "benchmark": "scaling",
            "metric": "DuckDB writer: articles/s",
            "n": count,
            "value": writer["n"] / writer["write"],
            "note": "one process, batches of 16, MinHash included",
        }
    )
    rows.append(
        {
            "benchmark": "scaling",
            "metric": "corpus finalize s",
            "n": count,
            "value": writer["finalize"],
            "note": "actors, publication dates, dedup over the database",
        }
    )
    return rows


def _steady(f: dict) -> float:
    """Articles per second from the first result to the last (start-up left out)."""
    return (f["n"] - 1) / max(f["total"] - f["first"], 1e-9)


def _config_rows(engine: str, workers: int, f: dict, words: int, note: str) -> list[dict]:
    name = f"{engine}, {workers} worker{'s' if workers > 1 else ''}"
    wall = f.get("with_init", f["total"])
    steady = _steady(f)
    row = {"benchmark": "scaling", "n": f["n"], "note": note}
    return [
        {**row, "metric": f"{name}: articles/s (whole run)", "value": f["n"] / wall},
        {**row, "metric": f"{name}: words/s (whole run)", "value": words / wall},
        {**row, "metric": f"{name}: articles/s (steady)", "value": steady},
        {
            **row,
            "metric": f"{name}: start-up s",
            "value": wall - f["total"] + f["first"],
            "note": "engine start, model load, first batch",
        },
        {
            **row,
            "metric": f"{name}: core-s per 1,000 articles (steady)",
            "value": 1000 * workers / steady,
            "note": "cost: cores x seconds",
        },
        {**row, "metric": f"{name}: peak RSS MB per worker", "value": f["worker_rss_mb"]},
    ]


def _scaling_rows(figures: dict, count: int) -> list[dict]:
    rows = []
    for engine in ("local", "ray"):
        one, two = _steady(figures[(engine, 1)]), _steady(figures[(engine, 2)])
        rows.append(
            {
                "benchmark": "scaling",
                "metric": f"{engine}: scaling efficiency 1 -> 2 workers",
                "value": two / (2 * one),
                "n": count,
                "note": "steady throughput(2) / (2 x throughput(1))",
            }
        )
    ray_vs_local = _steady(figures[("ray", 2)]) / _steady(figures[("local", 2)])
    rows.append(
        {
            "benchmark": "scaling",
            "metric": "ray / local, 2 workers (steady)",
            "value": ray_vs_local,
            "n": count,
            "note": "Ray overhead per article",
        }
    )
    return rows


def synthetic_mentions(count: int, seed: int = 7):
    """Event mentions spread like news: a few actor pairs take most of the reports (Zipf),
    dates over one year, a few mentions per real event."""
    from communique.dedup import MentionRow

    rng = random.Random(seed)
    actors = [f"A{i:03d}" for i in range(400)]
    weights = [1 / (i + 1) for i in range(len(actors))]
    types = ("CONSULT", "AGREE", "ACCUSE", "THREATEN", "AID", "SANCTION")
    start = dt.date(2024, 1, 1)
    rows = []
    for i in range(count):
        source, target = rng.choices(actors, weights, k=2)
        day = start + dt.timedelta(days=rng.randrange(366))
        rows.append(
            MentionRow(
                f"m{i}",
                f"a{i // 3}",
                rng.choice(types),
                source,
                target,
                "asserted",
                day,
                day,
                "day",
                f"outlet{i % 50}",
                f"a{i // 3}",
                day,
                0.5,
            )
        )
    return rows


def dedup_rows() -> list[dict]:
    from communique import dedup

    rows = []
    for size in DEDUP_SIZES:
        mentions = synthetic_mentions(size)
        started = time.perf_counter()
        clusters = dedup.cluster(mentions)
        seconds = time.perf_counter() - started
        rows.append(
            {
                "benchmark": "scaling",
                "metric": f"dedup: mentions/s at {size:,} mentions",
                "value": size / seconds,
                "n": size,
                "note": f"synthetic (Zipf actor pairs, 1 year), {len(clusters):,} events, {seconds:.1f} s",
            }
        )
    return rows


def run() -> list[dict]:
    try:
        import ray  # noqa: F401
    except ImportError:
        return []
    count = int(os.environ.get("COMMUNIQUE_BENCH_SCALING_ARTICLES", "240"))
    return engine_rows(count) + dedup_rows()


def _child(engine: str, workers: int, count: int) -> None:
    articles, _ = _articles(count)
    measure = {"local": measure_local, "ray": measure_ray, "writer": measure_writer}[engine]
    print(json.dumps(measure(articles, workers)))


if __name__ == "__main__":
    if len(sys.argv) == 4:
        _child(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
    else:
        for result in run():
            print(result)
