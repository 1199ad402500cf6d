"""The pipeline, readable top to bottom.

    ingest -> clean -> parse -> actors -> dates -> events -> quotes -> store
    then, over the whole corpus: actor resolution -> publication dates -> dedup

`ingest` and `clean` happen in `communique.ingest` (one reader per format). Each
per-article stage below is a small named function `(doc, ArticleResult) -> ArticleResult`
that says what it needs and what it adds; `build()` refuses a wrong order before any
article is processed. Corpus-level steps live in `communique.corpus`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from . import actors, dates, events, quotes
from .records import Article, ArticleResult, Sentence

StageFn = Callable[[Doc, ArticleResult], ArticleResult]


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    run: StageFn
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


def split_sentences(doc: Doc, result: ArticleResult) -> ArticleResult:
    blocks = sorted(result.article.blocks, key=lambda b: b.start)
    sentences = []
    for index, sent in enumerate(doc.sents):
        start, end = sent.start_char, sent.end_char
        kind = next((b.kind for b in blocks if b.start <= start < b.end), "body")
        sentences.append(Sentence(result.article.article_id, index, start, end, sent.text, kind))
    return replace(result, sentences=sentences)


def find_actors(doc: Doc, result: ArticleResult) -> ArticleResult:
    mentions, found = actors.extract(doc, result.article, result.sentences)
    return replace(result, mentions=mentions, actors=found)


def find_dates(doc: Doc, result: ArticleResult) -> ArticleResult:
    return replace(result, timexes=dates.extract(doc, result.article))


def code_events(doc: Doc, result: ArticleResult) -> ArticleResult:
    coded = events.extract(
        doc, result.article, result.sentences, result.mentions, result.actors, result.timexes
    )
    return replace(result, events=coded)


def find_quotes(doc: Doc, result: ArticleResult) -> ArticleResult:
    found = quotes.extract(doc, result.article, result.sentences, result.mentions)
    return replace(result, quotes=found)


STAGES: tuple[Stage, ...] = (
    Stage("sentences", split_sentences, requires=("doc",), assigns=("sentences",)),
    Stage("actors", find_actors, requires=("sentences",), assigns=("mentions", "actors")),
    Stage("dates", find_dates, requires=("doc",), assigns=("timexes",)),
    Stage(
        "events",
        code_events,
        requires=("sentences", "mentions", "actors", "timexes"),
        assigns=("events",),
    ),
    Stage("quotes", find_quotes, requires=("sentences", "mentions"), assigns=("quotes",)),
)


def build(stages: Iterable[Stage] = STAGES) -> tuple[Stage, ...]:
    """Check that every stage's inputs are assigned by an earlier stage."""
    available = {"doc"}
    ordered = tuple(stages)
    for stage in ordered:
        missing = [name for name in stage.requires if name not in available]
        if missing:
            raise ValueError(f"stage {stage.name!r} needs {missing} before it runs")
        available.update(stage.assigns)
    return ordered


PIPELINE = build()


class Timings(dict[str, float]):
    """Seconds spent per stage, summed over articles."""

    def add(self, other: dict[str, float]) -> None:
        for key, value in other.items():
            self[key] = self.get(key, 0.0) + value


def analyse(doc: Doc, article: Article, timings: Timings | None = None) -> ArticleResult:
    """Run every per-article stage on one parsed article."""
    result = ArticleResult(article=article)
    for stage in PIPELINE:
        started = time.perf_counter()
        result = stage.run(doc, result)
        if timings is not None:
            timings[stage.name] = timings.get(stage.name, 0.0) + time.perf_counter() - started
    return result


def analyse_many(
    nlp, articles: list[Article], timings: Timings | None = None, batch_size: int = 32
) -> Iterator[ArticleResult]:
    """Parse articles with `nlp.pipe` (at most 64 per batch) and run the stages."""
    started = time.perf_counter()
    docs = nlp.pipe((a.text for a in articles), batch_size=min(batch_size, 64))
    for article, doc in zip(articles, docs, strict=True):
        if timings is not None:
            timings["parse"] = timings.get("parse", 0.0) + time.perf_counter() - started
        yield analyse(doc, article, timings)
        started = time.perf_counter()
