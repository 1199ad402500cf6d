"""The Ray engine gives exactly what the local engine gives, and its Parquet dataset loads
back into DuckDB. One local Ray of 2 CPUs serves the whole module; skipped without ray."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest

from communique import ingest as readers
from communique.engines import local
from communique.pipeline import Timings
from communique.records import Article
from communique.store import db as store

ray = pytest.importorskip("ray")
ray_engine = pytest.importorskip("communique.engines.ray_engine")

# Ray 2.60 warns about its own deprecated settings when its DataContext is first built.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:ray.*")

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "corpus"


WIRE = (
    "Kenya and Tanzania agreed on Thursday to reopen three border crossings that were closed "
    "during a dispute over trucking permits, their trade ministers said in Nairobi after a day "
    "of talks. The ministers also set up a joint committee to settle future permit disputes "
    "within thirty days, and said customs officers from both countries would share one office "
    "at each crossing. Traders on both sides welcomed the decision, which the East African "
    "Community had urged for months, and the first lorries are expected to pass next week."
)
COPY = WIRE.replace("on Thursday", "on Thursday,").replace("for months", "for many months")


def example_articles() -> list[Article]:
    """The example corpus and a wire story with a lightly edited copy of it. A fresh read
    each time: engines and linking must not see each other's records."""
    corpus = [a for a in readers.read_inputs([CORPUS]) if isinstance(a, Article)]
    day = dt.date(2024, 3, 7)
    return [*corpus, Article("wire-1", WIRE, published=day), Article("wire-2", COPY, published=day)]


def comparable(result) -> dict[str, list[dict]]:
    rows = store.article_rows(result, "test", None)
    for row in rows["articles"]:
        del row["ingested_at"]
    return rows


@pytest.fixture(scope="module")
def local_ray():
    ray.init(
        num_cpus=2, include_dashboard=False, logging_level=logging.WARNING, log_to_driver=False
    )
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def local_results():
    return list(local.run(example_articles(), jobs=1))


def test_ray_results_are_identical_to_the_local_engine(local_ray, local_results):
    timings = Timings()
    got = list(ray_engine.run(example_articles(), workers=2, batch_size=4, timings=timings))
    assert [r.article.article_id for r in got] == [r.article.article_id for r in local_results]
    for ours, theirs in zip(got, local_results, strict=True):
        assert comparable(ours) == comparable(theirs), ours.article.article_id
    assert sum(len(r.events) for r in got) > 0
    assert timings["parse"] > 0 and "events" in timings


@pytest.fixture(scope="module")
def dataset(local_ray, tmp_path_factory) -> tuple[Path, int]:
    out = tmp_path_factory.mktemp("parquet") / "dataset"
    articles = [
        *example_articles(),
        example_articles()[0],
    ]  # an article given twice is written once
    return out, ray_engine.write_parquet_dataset(articles, out, workers=1, batch_size=4)


def test_parquet_dataset_round_trips_through_duckdb(dataset, local_results, tmp_path):
    out, written = dataset
    assert written == len(local_results)
    days = {p.name for p in (out / "articles").iterdir()}
    expected_days = {
        f"published_day={r.article.published or ray_engine.UNDATED}" for r in local_results
    }
    assert days == expected_days

    con = store.connect(tmp_path / "loaded.duckdb")
    try:
        assert ray_engine.load_parquet_dataset(out, con) == written
        for table in comparable(local_results[0]):
            expected = sum(len(comparable(r)[table]) for r in local_results)
            count = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            assert count == expected, table
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] > 0
        stored = dict(con.execute("SELECT article_id, text FROM articles").fetchall())
        assert stored == {r.article.article_id: r.article.text for r in local_results}
    finally:
        con.close()


def test_parquet_links_near_duplicates_in_input_order(dataset):
    import duckdb

    pattern = str(dataset[0] / "articles" / "**" / "*.parquet")
    with duckdb.connect() as con:
        query = f"SELECT article_id, duplicate_of FROM read_parquet('{pattern}')"
        linked = {a: d for a, d in con.execute(query).fetchall() if d is not None}
    assert linked == {"wire-2": "wire-1"}


def _events(db: Path) -> list[dict]:
    from communique import api

    with api.open(db) as corpus:
        return corpus.events()


def test_cli_ray_ingest_stores_what_the_local_engine_stores(local_ray, example_db, tmp_path):
    from typer.testing import CliRunner

    from communique.cli import app

    db = tmp_path / "ray.duckdb"
    args = ["ingest", str(CORPUS), "--db", str(db), "--engine", "ray", "--workers", "2", "-q"]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert _events(db) == _events(example_db)


def test_cli_parquet_output_loads_into_the_same_database(local_ray, example_db, tmp_path):
    from typer.testing import CliRunner

    from communique.cli import app

    out, db = tmp_path / "dataset", tmp_path / "loaded.duckdb"
    runner = CliRunner()
    args = [
        "ingest",
        str(CORPUS),
        "--engine",
        "ray",
        "--workers",
        "1",
        "--output-parquet",
        str(out),
    ]
    written = runner.invoke(app, args, catch_exceptions=False)
    assert written.exit_code == 0, written.output
    loaded = runner.invoke(app, ["load-parquet", str(out), "--db", str(db)], catch_exceptions=False)
    assert loaded.exit_code == 0, loaded.output
    assert _events(db) == _events(example_db)
