"""The Python API: ingest files into a database, and read it back as records or DataFrames.

import communique
from communique import api
summary = api.ingest(["reports/"], db="news.duckdb")
corpus = communique.open("news.duckdb")
corpus.events(actor="Blinken")      # export-shaped dicts
corpus.events_df()                  # a pandas DataFrame
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import duckdb

from . import __version__, corpus
from . import ingest as readers
from .engines import local
from .errors import UsageError
from .pipeline import Timings
from .records import Article, Rejected
from .store import db as store
from .store import read

PIPELINE_VERSION = __version__


@dataclass(slots=True)
class IngestSummary:
    ingested: int = 0
    already_stored: int = 0
    near_duplicates: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    timings: Timings = field(default_factory=Timings)

    @property
    def status(self) -> int:
        """0 when anything was ingested or everything was already stored; 1 when every
        input was rejected."""
        if self.ingested or self.already_stored:
            return 0
        return 1 if self.rejected else 0


def _fresh_articles(
    items: Iterable[Article | Rejected],
    con: duckdb.DuckDBPyConnection,
    summary: IngestSummary,
    force: bool,
) -> Iterator[tuple[Article, bytes | None]]:
    """Drop what is stored already (by id and content hash, without parsing it), and link
    near-duplicates (wire copies) to the article they copy."""
    ids, hashes = store.stored_keys(con)
    index = readers.NearDuplicateIndex()
    for article_id, signature in store.stored_signatures(con):
        index.add_signature(article_id, signature)
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Rejected):
            summary.rejected.append(item)
            continue
        known = item.article_id in ids or item.content_hash in hashes or item.article_id in seen
        if known and not (force and item.article_id not in seen):
            summary.already_stored += 1
            continue
        seen.add(item.article_id)
        signature = readers.NearDuplicateIndex.signature(item.text)
        if not force or item.article_id not in ids:
            item.duplicate_of = index.add(item.article_id, item.text)
        summary.near_duplicates += item.duplicate_of is not None
        yield item, signature


def ingest(
    paths: Iterable[str | Path],
    db: str | Path = store.DEFAULT_DB,
    *,
    jobs: int | None = None,
    force: bool = False,
    max_bytes: int = 5_000_000,
    model: str | None = None,
    batch_size: int = 16,
    on_article: Callable[[Article], None] | None = None,
    engine: str = "local",
    address: str | None = None,
) -> IngestSummary:
    """Read, analyse and store every article under `paths`, then recompute the
    corpus-level tables (actors, inferred dates, deduplicated events).

    `engine="ray"` analyses on a Ray actor pool (`pip install communique[ray]`): a local
    Ray with `jobs` CPUs, or the cluster at `address`; this process stays the one writer."""
    paths = _existing(paths)
    run = _engine(engine, address)
    summary = IngestSummary()
    con = store.connect(db)
    try:
        signatures: dict[str, bytes | None] = {}  # only articles in flight: streams stay bounded

        def articles() -> Iterator[Article]:
            items = readers.read_inputs(paths, max_bytes=max_bytes)
            for article, signature in _fresh_articles(items, con, summary, force):
                signatures[article.article_id] = signature
                yield article

        results = run(
            articles(), jobs=jobs, model=model, batch_size=batch_size, timings=summary.timings
        )
        pending = []
        for result in results:
            pending.append((result, signatures.pop(result.article.article_id)))
            if on_article:
                on_article(result.article)
            if len(pending) >= batch_size:
                store.write_results(con, pending, PIPELINE_VERSION)
                summary.ingested += len(pending)
                pending = []
        if pending:
            store.write_results(con, pending, PIPELINE_VERSION)
            summary.ingested += len(pending)
        store.write_rejected(con, summary.rejected)
        corpus.finalize(con)
        if _reanalyse_undated(con, model):
            corpus.finalize(con)
    finally:
        con.close()
    return summary


ENGINES = ("local", "ray")


def _existing(paths: Iterable[str | Path]) -> list[Path]:
    paths = [Path(p) for p in paths]
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise UsageError(f"no such file or directory: {path}")
    return paths


def _ray_engine():
    try:
        import ray  # noqa: F401 - only to fail early with a clear message

        from .engines import ray_engine
    except ImportError:
        raise UsageError("the Ray engine needs Ray: run `pip install 'communique[ray]'`") from None
    return ray_engine


def _engine(name: str, address: str | None) -> Callable[..., Iterator]:
    """The function that analyses a stream of articles: local processes or Ray."""
    if name not in ENGINES:
        raise UsageError(f"--engine takes one of {', '.join(ENGINES)}, not {name!r}")
    if name == "local":
        if address:
            raise UsageError("--address needs --engine ray")
        return local.run
    ray_engine = _ray_engine()

    def run(articles, *, jobs, model, batch_size, timings):
        return ray_engine.run(
            articles,
            address=address,
            workers=jobs or local.default_jobs(),
            batch_size=batch_size,
            model=model,
            timings=timings,
        )

    return run


def write_parquet(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    *,
    workers: int | None = None,
    address: str | None = None,
    max_bytes: int = 5_000_000,
    model: str | None = None,
    batch_size: int = 16,
) -> IngestSummary:
    """Analyse every article under `paths` on Ray and write the per-article rows as a
    Parquet dataset partitioned by publication day (no database); `load_parquet` brings
    one or more such datasets into a database and runs the corpus-level steps."""
    paths = _existing(paths)
    ray_engine = _ray_engine()
    summary = IngestSummary()

    def articles() -> Iterator[Article]:
        for item in readers.read_inputs(paths, max_bytes=max_bytes):
            if isinstance(item, Rejected):
                summary.rejected.append(item)
            else:
                yield item

    summary.ingested = ray_engine.write_parquet_dataset(
        articles(),
        Path(out_dir),
        address=address,
        workers=workers or local.default_jobs(),
        batch_size=batch_size,
        model=model,
    )
    return summary


def load_parquet(
    out_dir: str | Path, db: str | Path = store.DEFAULT_DB, *, model: str | None = None
) -> int:
    """Load a dataset written by `write_parquet` into `db` (replacing articles stored
    already), then recompute actors, inferred dates and deduplicated events."""
    out_dir = Path(out_dir)
    if not (out_dir / "articles").is_dir():
        raise UsageError(f"{out_dir} is not a communique Parquet dataset (no articles/ folder)")
    from .engines import ray_engine  # needs pyarrow only, not Ray

    con = store.connect(db)
    try:
        count = ray_engine.load_parquet_dataset(out_dir, con)
        if _reanalyse_undated(con, model):
            corpus.finalize(con)
        return count
    finally:
        con.close()


def _reanalyse_undated(con: duckdb.DuckDBPyConnection, model: str | None) -> int:
    """Articles without a publication date whose date other reports pin down are analysed
    again against that date, so that their relative dates ("on Monday") resolve."""
    bounds = corpus.publication_from_other_reports(con)
    if not bounds:
        return 0
    articles = [
        replace(
            article,
            published=bounds[article.article_id][0],
            published_inferred=True,
            published_range=bounds[article.article_id],
        )
        for article in store.load_articles(con, sorted(bounds))
    ]
    signatures = dict(
        con.execute(
            "SELECT article_id, minhash FROM articles WHERE article_id IN (SELECT unnest(?))",
            [sorted(bounds)],
        ).fetchall()
    )
    results = list(local.run(articles, jobs=1, model=model))
    store.write_results(
        con, [(r, signatures.get(r.article.article_id)) for r in results], PIPELINE_VERSION
    )
    return len(results)


class Corpus:
    """A read-only view of a communique database."""

    def __init__(self, db: str | Path = store.DEFAULT_DB) -> None:
        self.path = Path(db)
        self._con = store.connect(self.path, read_only=True)

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def events(self, **filters) -> list[dict]:
        return read.events(self._con, read.EventFilter(**filters))

    def actors(self, country: str | None = None, search: str | None = None) -> list[dict]:
        return read.actors(self._con, country, search)

    def quotes(self, speaker: str | None = None, about: str | None = None) -> list[dict]:
        return read.quotes(self._con, speaker, about)

    def articles(self) -> list[dict]:
        return read.articles(self._con)

    def rejects(self) -> list[dict]:
        return read.rejects(self._con)

    def counts(self) -> dict[str, int]:
        return read.counts(self._con)

    def actor_spans(self) -> dict[tuple[str, int], list[tuple[int, int]]]:
        return read.actor_spans(self._con)

    def report_html(self, title: str = "communique report") -> str:
        from .views import report

        return report.render(
            self.events(), self.actors(), self.quotes(), self.articles(), self.actor_spans(), title
        )

    def events_df(self, **filters):
        import pandas as pd

        return pd.DataFrame(self.events(**filters))

    def actors_df(self):
        import pandas as pd

        return pd.DataFrame(self.actors())

    def quotes_df(self):
        import pandas as pd

        return pd.DataFrame(self.quotes())

    def articles_df(self):
        import pandas as pd

        return pd.DataFrame(self.articles())


def open(db: str | Path = store.DEFAULT_DB) -> Corpus:  # noqa: A001 - the documented API name
    return Corpus(db)
