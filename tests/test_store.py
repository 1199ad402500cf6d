"""The store and exports, with hand-made records (no spaCy): transactions, re-writes,
export field names and round-trips."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import duckdb
import pytest

from communique.corpus import finalize
from communique.records import (
    Actor,
    Article,
    ArticleResult,
    Block,
    DateValue,
    Event,
    Evidence,
    Location,
    Mention,
    Quote,
    Sentence,
)
from communique.store import db as store
from communique.store import export, read

EVENT_FIELDS = [
    "event_id",
    "event_type",
    "mode",
    "cameo",
    "goldstein",
    "quad_class",
    "date",
    "date_start",
    "date_end",
    "date_precision",
    "source",
    "target",
    "location",
    "modality",
    "num_articles",
    "num_outlets",
    "mentions",
    "confidence",
]
QUOTE_FIELDS = [
    "quote_id",
    "article_id",
    "text",
    "direct",
    "speaker",
    "speaker_mention",
    "reported_by",
    "cue",
    "start",
    "end",
]
ACTOR_FIELDS = ["id", "name", "country", "sector", "title", "aliases", "num_mentions"]
ARTICLE_FIELDS = [
    "article_id",
    "title",
    "outlet",
    "url",
    "published",
    "published_inferred",
    "duplicate_of",
    "num_sentences",
]

TEXT = 'Chile and Peru held talks in Lima on Monday. "We are close," the Chilean minister said.'


def result(
    article_id: str, outlet: str, published: dt.date, *, text: str = TEXT, duplicate_of=None
):
    article = Article(
        article_id,
        text,
        title="Talks",
        outlet=outlet,
        published=published,
        content_hash=article_id,
        duplicate_of=duplicate_of,
        blocks=[Block(0, len(text))],
    )
    first = text.index(".") + 1
    sentences = [
        Sentence(article_id, 0, 0, first, text[:first]),
        Sentence(article_id, 1, first + 1, len(text), text[first + 1 :]),
    ]
    chl = Actor("CHL", "Chile", "state", "CHL", "GOV", aliases=["Chile"])
    per = Actor("PER", "Peru", "state", "PER", "GOV", aliases=["Peru"])
    minister = Actor(
        "CHL/role/foreign-minister",
        "Chilean foreign minister",
        "role",
        "CHL",
        "GOV",
        "foreign minister",
        aliases=["the Chilean minister"],
    )
    mentions = [
        Mention(article_id, 0, 0, 5, "Chile", "CHL", "CHL", "state", "CHL", "GOV"),
        Mention(article_id, 0, 10, 14, "Peru", "PER", "PER", "state", "PER", "GOV"),
    ]
    when = DateValue(
        dt.date(2024, 3, 4), dt.date(2024, 3, 4), "day", "on Monday", char_start=33, char_end=42
    )
    event = Event(
        f"{article_id}:0:0",
        article_id,
        "CONSULT",
        "CHL",
        "PER",
        mode="visit",
        cameo="043",
        goldstein=2.8,
        quad_class=1,
        date=when,
        location=Location("Lima", "PER", -12.04, -77.03),
        trigger="held talks",
        evidence=[Evidence(article_id, 0, sentences[0].text, 0, first)],
        confidence=0.8,
    )
    q_start = text.index("We")
    quote = Quote(
        f"{article_id}:q0",
        article_id,
        "We are close,",
        True,
        q_start,
        q_start + 13,
        speaker="CHL/role/foreign-minister",
        speaker_mention="the Chilean minister",
        cue="said",
        sentence_index=1,
    )
    return ArticleResult(
        article, sentences, mentions, [chl, per, minister], [when], [event], [quote]
    )


@pytest.fixture
def con(tmp_path):
    connection = store.connect(tmp_path / "t.duckdb")
    store.write_results(connection, [(result("a1", "Outlet A", dt.date(2024, 3, 5)), None)], "test")
    store.write_results(connection, [(result("a2", "Outlet B", dt.date(2024, 3, 5)), None)], "test")
    store.write_results(
        connection,
        [(result("a3", "Outlet C", dt.date(2024, 3, 6), duplicate_of="a1"), None)],
        "test",
    )
    finalize(connection)
    yield connection
    connection.close()


def test_one_event_for_three_reports(con):
    (event,) = read.events(con)
    assert list(event)[: len(EVENT_FIELDS)] == EVENT_FIELDS
    assert event["num_articles"] == 2  # a3 is a wire copy of a1
    assert event["num_outlets"] == 2  # ... and its outlet counts once with the original
    assert len(event["mentions"]) == 3
    assert event["date"] == "2024-03-04" and event["date_precision"] == "day"
    assert event["source"]["country"] == "CHL" and event["target"]["id"] == "PER"
    assert event["location"] == {"name": "Lima", "country": "PER", "lat": -12.04, "lon": -77.03}
    mention = event["mentions"][0]
    assert TEXT[mention["start"] : mention["end"]] == mention["sentence"]


def test_rewriting_an_article_replaces_its_rows(con):
    store.write_results(con, [(result("a1", "Outlet A", dt.date(2024, 3, 5)), None)], "test")
    counts = read.counts(con)
    assert counts["articles"] == 3
    assert counts["event_mentions"] == 3
    assert counts["quotes"] == 3


def test_a_failed_batch_stores_nothing(tmp_path):
    connection = store.connect(tmp_path / "t.duckdb")
    good = result("g", "O", dt.date(2024, 3, 5))
    bad = result("b", "O", dt.date(2024, 3, 5))
    bad.events[0].quad_class = "not a number"  # fails inside the transaction
    with pytest.raises(Exception):  # noqa: B017 - any database error will do
        store.write_results(connection, [(good, None), (bad, None)], "test")
    assert read.counts(connection)["articles"] == 0
    assert read.counts(connection)["sentences"] == 0


def test_field_names(con):
    assert list(read.quotes(con)[0])[: len(QUOTE_FIELDS)] == QUOTE_FIELDS
    assert list(read.actors(con)[0])[: len(ACTOR_FIELDS)] == ACTOR_FIELDS
    assert list(read.articles(con)[0])[: len(ARTICLE_FIELDS)] == ARTICLE_FIELDS


def test_quote_speaker_resolves_to_actor(con):
    quote = read.quotes(con)[0]
    assert quote["speaker"]["country"] == "CHL"
    assert quote["speaker_mention"] == "the Chilean minister"


def test_jsonl_round_trip(con):
    events = read.events(con)
    text = export.render(events, "jsonl", None, "events")
    assert [json.loads(line) for line in text.splitlines()] == json.loads(json.dumps(events))


def test_csv_flattens_and_round_trips(con):
    text = export.render(read.events(con), "csv", None, "events")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["source_name"] == "Chile" and rows[0]["target_country"] == "PER"
    assert json.loads(rows[0]["mentions"])[0]["article_id"] in {"a1", "a2", "a3"}


def test_csv_survives_hostile_text():
    record = {"event_id": "x", "source": None, "mentions": [{"sentence": 'a "b",\nc\x00\x1b'}]}
    text = export.render([record], "csv", None, "events")
    (row,) = csv.DictReader(io.StringIO(text))
    assert json.loads(row["mentions"])[0]["sentence"] == 'a "b",\nc\x00\x1b'
    assert row["source_name"] == ""


def test_parquet_read_back_by_duckdb(con, tmp_path):
    path = tmp_path / "events.parquet"
    export.render(read.events(con), "parquet", path, "events")
    rows = duckdb.sql(
        f"SELECT event_type, source.country AS c, len(mentions) AS n FROM '{path}'"
    ).fetchall()
    assert rows == [("CONSULT", "CHL", 3)]


def test_filters(con):
    assert read.events(con, read.EventFilter(country="PER"))
    assert not read.events(con, read.EventFilter(country="ARG"))
    assert read.events(con, read.EventFilter(actor="chile"))
    assert not read.events(con, read.EventFilter(event_type="ACCUSE"))
    assert not read.events(con, read.EventFilter(since=dt.date(2024, 3, 5)))
    assert read.events(con, read.EventFilter(until=dt.date(2024, 3, 4), text="lima"))


def test_migrations_are_idempotent(tmp_path):
    path = tmp_path / "m.duckdb"
    store.connect(path).close()
    connection = store.connect(path)
    assert connection.execute("SELECT count(*) FROM schema_version").fetchone()[0] == 1
