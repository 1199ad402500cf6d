"""Run the per-article pipeline in this process or in a pool of worker processes.

Each worker loads the spaCy pipeline once. At most `2 * jobs` batches are in flight, so
memory stays bounded however long the input stream is. Results come back in input order.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from multiprocessing import get_context

from .. import nlp as nlp_module
from ..pipeline import Timings, analyse_many
from ..records import Article, ArticleResult

SMALL_CORPUS = 48  # below this many articles, starting workers costs more than it saves


def default_jobs() -> int:
    return max(
        1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


_worker_model: str | None = None


def _init_worker(model: str | None) -> None:
    global _worker_model  # one pipeline per worker process, loaded once
    _worker_model = model
    nlp_module.load(model)


def _work(batch: list[Article]) -> tuple[list[ArticleResult], dict[str, float]]:
    timings = Timings()
    results = list(analyse_many(nlp_module.load(_worker_model), batch, timings))
    return results, dict(timings)


def run(
    articles: Iterable[Article],
    *,
    jobs: int | None = None,
    model: str | None = None,
    batch_size: int = 16,
    timings: Timings | None = None,
) -> Iterator[ArticleResult]:
    iterator = iter(articles)
    head = list(islice(iterator, SMALL_CORPUS))
    jobs = jobs or default_jobs()
    if jobs == 1 or len(head) < SMALL_CORPUS:
        nlp = nlp_module.load(model)
        for batch in _batches(chain(head, iterator), batch_size):
            yield from analyse_many(nlp, batch, timings)
        return
    yield from _run_pool(chain(head, iterator), jobs, model, batch_size, timings)


def _run_pool(articles, jobs, model, batch_size, timings) -> Iterator[ArticleResult]:
    context = get_context("spawn")
    with ProcessPoolExecutor(jobs, context, _init_worker, (model,)) as pool:
        pending: deque[Future] = deque()
        for batch in _batches(articles, batch_size):
            pending.append(pool.submit(_work, batch))
            if len(pending) >= 2 * jobs:
                yield from _collect(pending.popleft(), timings)
        while pending:
            yield from _collect(pending.popleft(), timings)


def _collect(future: Future, timings: Timings | None) -> list[ArticleResult]:
    results, spent = future.result()
    if timings is not None:
        timings.add(spent)
    return results
