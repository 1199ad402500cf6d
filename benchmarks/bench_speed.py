"""Speed: the whole `communique ingest` against bare `nlp.pipe` of the same spaCy model,
over the same texts, on all cores, measured in the same run.

Texts: the public-domain VOA stories in ../shared/data/voa-stories, cycled up to
COMMUNIQUE_BENCH_ARTICLES (default 1,000) articles; each copy gets a distinct first line
so that none is skipped as already stored. Without ../shared, generated text is used.
Peak memory is the largest resident set of this process or any worker process; the runner
starts each benchmark in a fresh interpreter, so earlier benchmarks do not count.
"""

from __future__ import annotations

import json
import os
import resource
import tempfile
import time
from pathlib import Path

from . import SHARED_DATA

VOA = SHARED_DATA / "voa-stories" / "voa_stories.jsonl"


def stories(count: int) -> tuple[list[dict], str]:
    if VOA.exists():
        base = [
            json.loads(line)
            for line in VOA.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
        source = "VOA stories (public domain)"
    else:
        sentence = "The foreign minister of Chile met the Peruvian ambassador in Lima on Monday to discuss trade. "
        base = [
            {
                "id": str(i),
                "title": f"Story {i}",
                "text": sentence * 40,
                "published": f"2024-01-0{1 + i % 9}",
            }
            for i in range(50)
        ]
        source = "generated text"
    out = []
    for i in range(count):
        story = dict(base[i % len(base)])
        story["id"] = f"{story['id']}-{i}"
        story["text"] = f"Copy {i} of this report.\n\n{story['text']}"
        out.append({k: story.get(k) for k in ("id", "url", "title", "published", "text")})
    return out, source


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def bare_spacy(texts: list[str], cores: int) -> float:
    import spacy

    from communique import nlp as nlp_module

    nlp = spacy.load(nlp_module.model_name())
    started = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=cores, batch_size=64):
        pass
    return time.perf_counter() - started


def whole_pipeline(records: list[dict], cores: int) -> tuple[float, dict]:
    from communique import api

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "stories.jsonl"
        source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        started = time.perf_counter()
        summary = api.ingest([source], Path(tmp) / "bench.duckdb", jobs=cores)
        elapsed = time.perf_counter() - started
    assert summary.ingested == len(records), summary
    return elapsed, dict(summary.timings)


def run() -> list[dict]:
    count = int(os.environ.get("COMMUNIQUE_BENCH_ARTICLES", "1000"))
    cores = os.cpu_count() or 1
    records, source = stories(count)
    texts = [r["text"] for r in records]
    words = sum(len(t.split()) for t in texts)
    ours, stages = whole_pipeline(records, cores)
    bare = bare_spacy(texts, cores)
    note = f"{source}, {count} articles, {cores} processes"
    rows = [
        {
            "benchmark": "speed",
            "metric": "bare spaCy words/s",
            "value": words / bare,
            "n": words,
            "note": note,
        },
        {
            "benchmark": "speed",
            "metric": "communique ingest words/s",
            "value": words / ours,
            "n": words,
            "note": note,
        },
        {
            "benchmark": "speed",
            "metric": "communique ingest articles/s",
            "value": count / ours,
            "n": count,
            "note": note,
        },
        {
            "benchmark": "speed",
            "metric": "ratio ingest / bare spaCy",
            "value": bare / ours,
            "n": count,
            "note": "target >= 0.70",
        },
        {
            "benchmark": "speed",
            "metric": "peak RSS MB (any process)",
            "value": peak_rss_mb(),
            "n": count,
            "note": "target <= 1536 at 1,000 articles",
        },
    ]
    total = sum(stages.values()) or 1.0
    for stage, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
        rows.append(
            {
                "benchmark": "speed",
                "metric": f"stage share: {stage}",
                "value": seconds / total,
                "n": count,
                "note": f"{seconds:.1f} s summed over workers",
            }
        )
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
