"""Run the per-article pipeline on Ray (`pip install communique[ray]`).

    driver: articles -> pickled batches -> a Ray queue ─┐
    Ray Data: one streaming read task drains the queue -> map_batches on an actor pool
              (each actor loads the spaCy pipeline once) -> results in input order
    driver: results -> the single DuckDB writer (or, with `write_parquet_dataset`, the
            actors write Parquet files themselves and the driver only counts)

The driver never holds more than `in_flight` articles: it feeds the queue only while
fewer than that are waiting for their result, so a stream of any length runs in bounded
memory. Ray is imported inside the functions, never when this module is imported.
Without `address` a local Ray starts with `workers` CPUs; with one, it joins that cluster
(whose nodes must have communique and the spaCy model installed).
"""

from __future__ import annotations

import logging
import pickle
import uuid
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from itertools import islice
from pathlib import Path

import pyarrow as pa

from .. import nlp as nlp_module
from ..pipeline import Timings, analyse_many
from ..records import Article, ArticleResult

UNDATED = "undated"  # the partition of articles without a publication date
PARTITION = "published_day"
_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "JSON": pa.string(),
    "DATE": pa.date32(),
    "BOOLEAN": pa.bool_(),
    "INTEGER": pa.int32(),
    "DOUBLE": pa.float64(),
    "BLOB": pa.binary(),
    "TIMESTAMP": pa.timestamp("us"),
}


# ---------------------------------------------------------------- the actors


class Analyser:
    """A Ray actor's work: load the spaCy pipeline once, then analyse batches of pickled
    articles into pickled results, one output row per input row, in the same order."""

    def __init__(self, model: str, batch_size: int) -> None:
        self.nlp = nlp_module.load(model)
        self.batch_size = batch_size

    def analyse(self, batch: pa.Table) -> Iterator[tuple[ArticleResult, dict[str, float]]]:
        articles = [pickle.loads(blob) for blob in batch.column("article").to_pylist()]
        timings = Timings()
        before: dict[str, float] = {}
        for result in analyse_many(self.nlp, articles, timings, self.batch_size):
            yield result, {k: v - before.get(k, 0.0) for k, v in timings.items()}
            before = dict(timings)

    def __call__(self, batch: pa.Table) -> pa.Table:
        results, spent = [], []
        for result, seconds in self.analyse(batch):
            results.append(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
            spent.append(pickle.dumps(seconds))
        return _output(batch, results, spent)


class ParquetWriter(Analyser):
    """A Ray actor that analyses articles and writes their rows (`store.db.article_rows`)
    as Parquet files under `out_dir/<table>/published_day=YYYY-MM-DD/`."""

    def __init__(self, model: str, batch_size: int, out_dir: str, pipeline_version: str) -> None:
        super().__init__(model, batch_size)
        self.out_dir = out_dir
        self.pipeline_version = pipeline_version
        self.schemas = table_schemas()

    def __call__(self, batch: pa.Table) -> pa.Table:
        signatures = batch.column("minhash").to_pylist()
        tables: dict[str, list[dict]] = {name: [] for name in self.schemas}
        for (result, _), minhash in zip(self.analyse(batch), signatures, strict=True):
            day = _day(result.article)
            for table, rows in _article_rows(result, self.pipeline_version, minhash).items():
                tables[table].extend({**row, PARTITION: day} for row in rows)
        part = uuid.uuid4().hex
        for table, rows in tables.items():
            _write_partitioned(rows, self.schemas[table], Path(self.out_dir) / table, part)
        empty = [b""] * batch.num_rows
        return _output(batch, empty, empty)


def _output(batch: pa.Table, results: list[bytes], timings: list[bytes]) -> pa.Table:
    return pa.table(
        {
            "seq": batch.column("seq"),
            "result": pa.array(results, pa.binary()),
            "timings": pa.array(timings, pa.binary()),
        }
    )


def _article_rows(result: ArticleResult, pipeline_version: str, minhash: bytes | None) -> dict:
    from ..store.db import article_rows

    return article_rows(result, pipeline_version, minhash)


def _day(article: Article) -> str:
    return article.published.isoformat() if article.published else UNDATED


def table_schemas() -> dict[str, pa.Schema]:
    """The Arrow schema of every per-article table, read from the DuckDB migrations, plus
    the partition column."""
    import duckdb

    from ..store.schema import PER_ARTICLE_TABLES, migrate

    con = duckdb.connect()
    try:
        migrate(con)
        return {
            table: pa.schema(
                [
                    (name, _ARROW_TYPES[kind])
                    for name, kind, *_ in con.execute(f"DESCRIBE {table}").fetchall()
                ]
                + [(PARTITION, pa.string())]
            )
            for table in ("articles", *PER_ARTICLE_TABLES)
        }
    finally:
        con.close()


def _write_partitioned(rows: list[dict], schema: pa.Schema, root: Path, part: str) -> None:
    import pyarrow.parquet as pq

    if not rows:
        return
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_to_dataset(
        table,
        str(root),
        partition_cols=[PARTITION],
        basename_template=f"part-{part}-{{i}}.parquet",
        existing_data_behavior="overwrite_or_ignore",
    )


# ---------------------------------------------------------------- the driver


def run(
    articles: Iterable[Article],
    *,
    address: str | None = None,
    workers: int = 2,
    batch_size: int = 16,
    model: str | None = None,
    timings: Timings | None = None,
) -> Iterator[ArticleResult]:
    """Analyse articles on a Ray actor pool; yield their results in input order."""
    rows = ((article, None) for article in articles)
    actor_args = (nlp_module.model_name(model), batch_size)
    with (
        _ray(address, workers),
        closing(_stream(rows, Analyser, actor_args, workers, batch_size)) as out,
    ):
        for row in out:
            if timings is not None:
                timings.add(pickle.loads(row["timings"]))
            yield pickle.loads(row["result"])


def write_parquet_dataset(
    articles: Iterable[Article],
    out_dir: Path,
    *,
    address: str | None = None,
    workers: int = 2,
    batch_size: int = 16,
    model: str | None = None,
    link_near_duplicates: bool = True,
) -> int:
    """Analyse articles on Ray and write every per-article row as a Parquet dataset
    (`out_dir/<table>/published_day=<ISO day or "undated">/part-*.parquet`), without
    DuckDB. Near-duplicates are linked on the driver in input order, as `ingest` does.
    Returns the number of articles written; `load_parquet_dataset` reads them into a
    database."""
    from .. import __version__

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = _signed(articles, link_near_duplicates)
    actor_args = (nlp_module.model_name(model), batch_size, str(out_dir.resolve()), __version__)
    with (
        _ray(address, workers),
        closing(_stream(rows, ParquetWriter, actor_args, workers, batch_size)) as out,
    ):
        return sum(1 for _ in out)


def _signed(articles: Iterable[Article], link: bool) -> Iterator[tuple[Article, bytes]]:
    """Each article once (by id and by content), with its MinHash signature, linked to an
    earlier near-duplicate as `ingest` links them."""
    from ..ingest import NearDuplicateIndex

    index = NearDuplicateIndex()
    seen: set[str] = set()
    for article in articles:
        keys = {article.article_id} | (
            {f"hash:{article.content_hash}"} if article.content_hash else set()
        )
        if keys & seen:
            continue
        seen.update(keys)
        signature = NearDuplicateIndex.signature(article.text)
        if link and article.duplicate_of is None:
            article.duplicate_of = index.add_signature(article.article_id, signature)
        yield article, signature


@contextmanager
def _ray(address: str | None, workers: int):
    """Use the Ray this process is connected to, else start a local one (with `workers`
    CPUs) or join `address`; shut down only what was started here."""
    import ray

    started = not ray.is_initialized()
    if started:
        options = {"address": address} if address else {"num_cpus": workers}
        ray.init(
            **options, include_dashboard=False, logging_level=logging.WARNING, log_to_driver=False
        )
    with _quiet_console():
        try:
            yield ray
        finally:
            if started:
                ray.shutdown()


@contextmanager
def _quiet_console():
    """Ray Data prints every execution plan at INFO on the driver's console; the CLI has
    its own progress output. Its log file (in the Ray session folder) keeps everything."""
    import ray.data  # noqa: F401 - configures the "ray.data" logger and its handlers

    consoles = [
        h for h in logging.getLogger("ray.data").handlers if isinstance(h, logging.StreamHandler)
    ]
    levels = [h.level for h in consoles]
    for handler in consoles:
        handler.setLevel(max(handler.level, logging.WARNING))
    try:
        yield
    finally:
        for handler, level in zip(consoles, levels, strict=True):
            handler.setLevel(level)


def _stream(rows, actor_cls, actor_args, workers: int, batch_size: int) -> Iterator[dict]:
    """Feed (article, minhash) rows to the actor pool through a queue and yield the output
    rows in input order, with at most `in_flight` articles between feeding and result."""
    from ray.util.queue import Queue

    queue = Queue(actor_options={"num_cpus": 0})
    try:
        yield from _feed(queue, rows, actor_cls, actor_args, workers, batch_size)
    finally:
        queue.shutdown()  # the queue's actor would outlive the run on a shared cluster


def _feed(queue, rows, actor_cls, actor_args, workers: int, batch_size: int) -> Iterator[dict]:
    dataset = _dataset(queue, actor_cls, actor_args, workers, batch_size)
    results = _in_order(iter(dataset.iter_rows()))
    in_flight = 4 * workers * batch_size
    pending = seq = 0
    for batch in _batches(rows, batch_size):
        queue.put(_input_table(batch, seq))
        seq += len(batch)
        pending += len(batch)
        while pending > in_flight:  # never block on a result unless one is on its way
            yield next(results)
            pending -= 1
    queue.put(None)
    yield from results


def _in_order(rows: Iterator[dict]) -> Iterator[dict]:
    """The output rows, checked to come back in input order (the writer relies on it)."""
    for expected, row in enumerate(rows):
        if row["seq"] != expected:
            raise RuntimeError(f"Ray returned article {row['seq']} where {expected} was due")
        yield row


def _batches(rows: Iterable, size: int) -> Iterator[list]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def _input_table(batch: list[tuple[Article, bytes | None]], first: int) -> pa.Table:
    return pa.table(
        {
            "seq": pa.array(range(first, first + len(batch)), pa.int64()),
            "article": pa.array(
                [pickle.dumps(a, pickle.HIGHEST_PROTOCOL) for a, _ in batch], pa.binary()
            ),
            "minhash": pa.array([m for _, m in batch], pa.binary()),
        }
    )


def _dataset(queue, actor_cls, actor_args, workers: int, batch_size: int):
    import ray.data

    with _streaming_context():
        source = ray.data.read_datasource(_queue_source(queue), override_num_blocks=1, num_cpus=0)
        return source.map_batches(
            actor_cls,
            fn_constructor_args=actor_args,
            batch_size=batch_size,
            batch_format="pyarrow",
            compute=ray.data.ActorPoolStrategy(size=workers),
            num_cpus=1,
        )


@contextmanager
def _streaming_context():
    """Settings a Dataset copies when it is created, restored afterwards: keep input order,
    no progress bars, and pass every batch on as soon as it is read (block shaping would
    otherwise hold rows back until 128 MiB had accumulated)."""
    import copy

    import ray.data

    context = ray.data.DataContext.get_current()
    saved = (
        copy.deepcopy(context.execution_options),
        context.enable_progress_bars,
        context.target_max_block_size,
    )
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    context.target_max_block_size = 1  # one article per block: rebundled to batch_size
    try:
        yield
    finally:
        context.execution_options, context.enable_progress_bars, context.target_max_block_size = (
            saved
        )


def _queue_source(queue):
    """A Datasource over the driver's queue (a class built once Ray is imported)."""
    from ray.data.block import BlockMetadata
    from ray.data.datasource import Datasource, ReadTask

    class QueueSource(Datasource):
        """One streaming read task that yields each batch the driver puts on the queue,
        until the driver puts None."""

        def __init__(self, queue) -> None:
            self.queue = queue

        def estimate_inmemory_data_size(self) -> None:
            return None

        def get_read_tasks(self, parallelism: int, **_: object) -> list[ReadTask]:
            meta = BlockMetadata(num_rows=None, size_bytes=None, input_files=None, exec_stats=None)
            return [ReadTask(lambda queue=self.queue: _drain(queue), meta)]

    return QueueSource(queue)


def _drain(queue) -> Iterator[pa.Table]:
    while (batch := queue.get()) is not None:
        yield batch


# ---------------------------------------------------------------- back into DuckDB


def load_parquet_dataset(out_dir: Path, con) -> int:
    """Insert a dataset written by `write_parquet_dataset` into an open database (articles
    already stored are replaced), then recompute the corpus-level tables (actor resolution,
    inferred publication dates, cross-article dedup). Returns the articles loaded."""
    from .. import corpus
    from ..store.schema import PER_ARTICLE_TABLES

    out_dir = Path(out_dir)
    articles = _parquet(out_dir, "articles")
    con.execute("BEGIN TRANSACTION")
    try:
        ids = f"SELECT article_id FROM {articles}"
        for table in ("articles", *PER_ARTICLE_TABLES):
            con.execute(f"DELETE FROM {table} WHERE article_id IN ({ids})")
            if any((out_dir / table).rglob("*.parquet")):
                con.execute(
                    f"INSERT INTO {table} BY NAME SELECT * EXCLUDE ({PARTITION}) FROM {_parquet(out_dir, table)}"
                )
        count = con.execute(f"SELECT count(*) FROM {articles}").fetchone()[0]
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    corpus.finalize(con)
    return count


def _parquet(out_dir: Path, table: str) -> str:
    pattern = str(out_dir / table / "**" / "*.parquet").replace("'", "''")
    return f"read_parquet('{pattern}', hive_partitioning = true, hive_types = {{'{PARTITION}': VARCHAR}})"
