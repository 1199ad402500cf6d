"""The web app's JSON API, in process, over a small database built from hand-made records
(no spaCy): filters, paging, validation, not-found, evidence, article detail, hostile text,
security headers and the read-only promise."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import textwrap
import warnings

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
    Mention,
    Quote,
    Sentence,
)
from communique.store import db as store
from communique.views.web import create_app

with warnings.catch_warnings():  # newer Starlette asks for `httpx2`; plain httpx still works
    warnings.filterwarnings("ignore", message=".*httpx2.*")
    from fastapi.testclient import TestClient

NOR = Actor("NOR", "Norway", "state", "NOR", "GOV", aliases=["Norway"])
FIN = Actor("FIN", "Finland", "state", "FIN", "GOV", aliases=["Finland"])
RUS = Actor("RUS", "Russia", "state", "RUS", "GOV", aliases=["Russia"])
EST = Actor("EST", "Estonia", "state", "EST", "GOV", aliases=["Estonia"])
BRA = Actor("BRA", "Brazil", "state", "BRA", "GOV", aliases=["Brazil"])
ARG = Actor("ARG", "Argentina", "state", "ARG", "GOV", aliases=["Argentina"])
NOR_PM = Actor(
    "NOR/role/prime-minister",
    "Norwegian prime minister",
    "role",
    "NOR",
    "GOV",
    "prime minister",
    aliases=["the Norwegian prime minister"],
)

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
HOSTILE_TEXT = f"Brazil {SCRIPT} denied that it would expel the envoy of Argentina. {IMG}"


def _sentences(article_id: str, text: str) -> list[Sentence]:
    out, start = [], 0
    for match in re.finditer(r"[^.!?]+[.!?]?\"?", text):
        piece = match.group().strip()
        if piece:
            begin = text.index(piece, start)
            out.append(Sentence(article_id, len(out), begin, begin + len(piece), piece))
            start = begin + len(piece)
    return out


def _mentions(article_id: str, text: str, sentences: list[Sentence], actors: list[Actor]):
    out = []
    for actor in actors:
        for alias in actor.aliases:
            for m in re.finditer(re.escape(alias), text):
                index = next(s.index for s in sentences if s.start <= m.start() < s.end)
                out.append(
                    Mention(
                        article_id,
                        index,
                        m.start(),
                        m.end(),
                        alias,
                        actor.actor_id,
                        actor.actor_id,
                        actor.kind,
                        actor.country,
                        actor.sector,
                    )
                )
    return out


def article(article_id, text, *, outlet, published, title, actors, events=(), quotes=()):
    """An ArticleResult from text: sentences split at full stops, actor mentions found by
    alias, events given as (type, source, target, day, modality, quad, goldstein, sentence)."""
    art = Article(
        article_id,
        text,
        title=title,
        outlet=outlet,
        published=published,
        content_hash=article_id,
        blocks=[Block(0, len(text))],
    )
    sentences = _sentences(article_id, text)
    coded = []
    for n, (kind, src, tgt, day, modality, quad, goldstein, idx) in enumerate(events):
        s = sentences[idx]
        when = DateValue(day, day, "day", "")
        coded.append(
            Event(
                f"{article_id}:{n}",
                article_id,
                kind,
                src,
                tgt,
                modality=modality,
                goldstein=goldstein,
                quad_class=quad,
                date=when,
                trigger=kind.lower(),
                evidence=[Evidence(article_id, idx, s.text, s.start, s.end)],
                confidence=0.8,
            )
        )
    said = []
    for n, (words, speaker, mention) in enumerate(quotes):
        start = text.index(words)
        said.append(
            Quote(
                f"{article_id}:q{n}",
                article_id,
                words,
                True,
                start,
                start + len(words),
                speaker=speaker,
                speaker_mention=mention,
                cue="said",
                sentence_index=1,
            )
        )
    return ArticleResult(
        art,
        sentences,
        _mentions(article_id, text, sentences, actors),
        list(actors),
        [],
        coded,
        said,
    )


def corpus_results() -> list[ArticleResult]:
    day = dt.date
    return [
        article(
            "a1",
            "Norway and Finland signed an energy agreement in Oslo on Monday. "
            '"This is a good day for both nations," the Norwegian prime minister said.',
            outlet="North Wire",
            published=day(2024, 3, 5),
            title="Energy pact signed",
            actors=[NOR, FIN, NOR_PM],
            events=[("AGREE", "NOR", "FIN", day(2024, 3, 4), "asserted", 1, 8.0, 0)],
            quotes=[
                (
                    "This is a good day for both nations,",
                    "NOR/role/prime-minister",
                    "the Norwegian prime minister",
                )
            ],
        ),
        article(
            "a2",
            "Russia threatened Estonia with retaliation over the border dispute on Thursday.",
            outlet="Evening Post",
            published=day(2024, 5, 10),
            title="Border warning",
            actors=[RUS, EST],
            events=[("THREATEN", "RUS", "EST", day(2024, 5, 9), "asserted", 3, -4.4, 0)],
        ),
        article(
            "hostile",
            HOSTILE_TEXT,
            outlet=f"Outlet {IMG}",
            published=day(2024, 6, 2),
            title=f"Envoy row {SCRIPT}",
            actors=[BRA, ARG],
            events=[("SANCTION", "BRA", "ARG", day(2024, 6, 1), "denied", 4, -4.0, 0)],
        ),
    ]


def build_database(path) -> None:
    """Write the hand-made corpus through the store and the corpus steps, then close."""
    con = store.connect(path)
    try:
        store.write_results(con, [(r, None) for r in corpus_results()], "test")
        finalize(con)
    finally:
        con.close()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    build_database(path)
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as c:
        yield c


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.text
    return response.json()


def types(page: dict) -> list[str]:
    return sorted(e["event_type"] for e in page["items"])


# --- lists, filters, paging --------------------------------------------------------------


def test_events_list_with_export_fields(client):
    page = get(client, "/api/events")
    assert page["total"] == 3 and page["limit"] == 100 and page["offset"] == 0
    assert types(page) == ["AGREE", "SANCTION", "THREATEN"]
    event = next(e for e in page["items"] if e["event_type"] == "AGREE")
    assert event["source"]["id"] == "NOR" and event["target"]["country"] == "FIN"
    assert event["date"] == "2024-03-04" and event["modality"] == "asserted"
    assert event["mentions"][0]["article_id"] == "a1"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("actor=norway", ["AGREE"]),
        ("actor=NOR", ["AGREE"]),
        ("country=est", ["THREATEN"]),
        ("country=ARG", ["SANCTION"]),
        ("type=THREATEN", ["THREATEN"]),
        ("type=agree", ["AGREE"]),
        ("modality=denied", ["SANCTION"]),
        ("modality=Asserted", ["AGREE", "THREATEN"]),
        ("since=2024-05-01", ["SANCTION", "THREATEN"]),
        ("until=2024-05-09", ["AGREE", "THREATEN"]),
        ("since=2024-05-01&until=2024-05-31", ["THREATEN"]),
        ("text=retaliation", ["THREATEN"]),
        ("actor=norway&type=THREATEN", []),
        ("actor=nobody", []),
    ],
    ids=[
        "actor-name",
        "actor-id",
        "country-lower",
        "country-target",
        "type",
        "type-lower",
        "modality",
        "modality-case",
        "since",
        "until",
        "range",
        "text",
        "combined-none",
        "unknown-actor",
    ],
)
def test_event_filters(client, query, expected):
    assert types(get(client, f"/api/events?{query}")) == expected


def test_event_paging(client):
    first = get(client, "/api/events?limit=2")
    rest = get(client, "/api/events?limit=2&offset=2")
    assert (first["total"], len(first["items"]), len(rest["items"])) == (3, 2, 1)
    ids = [e["event_id"] for e in first["items"] + rest["items"]]
    assert len(set(ids)) == 3
    assert get(client, "/api/events?offset=10")["items"] == []


def test_actors_quotes_articles(client):
    actors = get(client, "/api/actors")
    assert {a["id"] for a in actors["items"]} >= {"NOR", "FIN", "RUS", "EST", "BRA", "ARG"}
    assert [a["id"] for a in get(client, "/api/actors?country=rus")["items"]] == ["RUS"]
    assert [a["id"] for a in get(client, "/api/actors?search=finl")["items"]] == ["FIN"]
    (quote,) = get(client, "/api/quotes?speaker=norwegian")["items"]
    assert quote["speaker"]["country"] == "NOR" and quote["text"].startswith("This is a good day")
    assert get(client, "/api/quotes?about=weather")["items"] == []
    articles = get(client, "/api/articles?limit=2")
    assert articles["total"] == 3 and len(articles["items"]) == 2
    assert articles["items"][0]["published"] == "2024-03-05"


# --- validation and errors ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("since=yesterday", "since"),
        ("until=2024-13-01", "until"),
        ("type=KISS", "type"),
        ("modality=perhaps", "modality"),
        ("limit=0", "limit"),
        ("limit=501", "limit"),
        ("offset=-1", "offset"),
        ("country=Norway", "country"),
        ("since=2024-06-01&until=2024-01-01", "since"),
    ],
    ids=[
        "word-date",
        "bad-month",
        "unknown-type",
        "unknown-modality",
        "limit-zero",
        "limit-too-big",
        "negative-offset",
        "country-not-iso3",
        "range-reversed",
    ],
)
def test_bad_queries_are_422_with_a_clear_message(client, query, names):
    body = get(client, f"/api/events?{query}", status=422)
    assert set(body) == {"error", "status"} and body["status"] == 422
    assert names in body["error"]


def test_unknown_type_message_lists_what_is_allowed(client):
    message = get(client, "/api/events?type=KISS", status=422)["error"]
    assert "THREATEN" in message and "KISS" in message


@pytest.mark.parametrize(
    "url",
    [
        "/api/events/no-such-event",
        "/api/articles/no-such-article",
        "/api/articles/..%2F..%2Fetc%2Fpasswd",
        "/api/articles/%2Fetc%2Fpasswd",
        "/api/events/..%2Fweb.duckdb",
        "/api/articles/../../etc/passwd",
        "/static/..%2F..%2Fweb.py",
        "/static/index.html%00",
        "/api/nothing-here",
    ],
    ids=[
        "event",
        "article",
        "dotdot-article",
        "absolute-article",
        "dotdot-event",
        "raw-dotdot",
        "static-dotdot",
        "static-nul",
        "unknown-route",
    ],
)
def test_not_found_is_json_and_never_a_file(client, url):
    response = client.get(url)
    assert response.status_code == 404
    body = response.json()
    assert set(body) == {"error", "status"} and body["status"] == 404
    assert "root:" not in response.text and "import" not in response.text


def test_missing_database_is_503(tmp_path):
    with TestClient(create_app(tmp_path / "absent.duckdb")) as c:
        body = get(c, "/api/events", status=503)
    assert "communique ingest" in body["error"]


def test_database_held_by_a_writer_is_503(tmp_path):
    path = tmp_path / "busy.duckdb"
    store.connect(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import duckdb, sys
            con = duckdb.connect({str(path)!r})
            print("holding", flush=True)
            sys.stdin.read()
        """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        with TestClient(create_app(path)) as c:
            body = get(c, "/api/events", status=503)
        assert "another" in body["error"] and "process" in body["error"]
    finally:
        holder.communicate("", timeout=30)


# --- evidence and article detail ---------------------------------------------------------


def _event_id(client, event_type: str) -> str:
    (event,) = get(client, f"/api/events?type={event_type}")["items"]
    return event["event_id"]


def test_event_detail_carries_all_evidence(client):
    event = get(client, f"/api/events/{_event_id(client, 'AGREE')}")
    (mention,) = event["mentions"]
    assert mention["article"]["title"] == "Energy pact signed"
    assert mention["article"]["outlet"] == "North Wire"
    assert mention["article"]["published"] == "2024-03-05"
    sentence = mention["sentence_text"]
    assert sentence.startswith("Norway and Finland signed")
    marked = [
        sentence[s["start_in_sentence"] : s["end_in_sentence"]] for s in mention["actor_spans"]
    ]
    assert marked == ["Norway", "Finland"]
    assert [s["actor"]["id"] for s in mention["actor_spans"]] == ["NOR", "FIN"]
    start, end = mention["clause_in_sentence"]
    assert sentence[start:end] == sentence
    assert [q["speaker"]["id"] for q in event["quotes"]] == ["NOR/role/prime-minister"]


def test_article_detail(client):
    art = get(client, "/api/articles/a1")
    assert art["text"].startswith("Norway and Finland") and art["outlet"] == "North Wire"
    assert [s["index"] for s in art["sentences"]] == [0, 1]
    assert {art["text"][m["start"] : m["end"]] for m in art["mentions"]} == {
        "Norway",
        "Finland",
        "the Norwegian prime minister",
    }
    (event,) = art["events"]
    assert event["event_type"] == "AGREE" and event["source"]["name"] == "Norway"
    (quote,) = art["quotes"]
    assert art["text"][quote["start"] : quote["end"]] == quote["text"]


def test_hostile_article_is_plain_json_text(client):
    response = client.get("/api/articles/hostile")
    assert response.headers["content-type"].startswith("application/json")
    art = response.json()
    assert art["text"] == HOSTILE_TEXT
    assert SCRIPT in art["title"] and IMG in art["outlet"]
    (event,) = get(client, "/api/events?modality=denied")["items"]
    detail = get(client, f"/api/events/{event['event_id']}")
    assert SCRIPT in detail["mentions"][0]["sentence_text"]


# --- the page, headers, schema, read-only ------------------------------------------------


def test_page_and_assets_are_local_with_a_strict_policy(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy
    assert not re.search(r"(src|href)=\"(https?:)?//", page.text)
    assert "<script>" not in page.text  # no inline script: the policy would refuse it anyway
    for asset, kind in [("app.js", "javascript"), ("app.css", "css")]:
        response = client.get(f"/static/{asset}")
        assert response.status_code == 200 and kind in response.headers["content-type"]
    assert "innerHTML" not in client.get("/static/app.js").text
    assert client.get("/api/events").headers["content-security-policy"] == policy


def test_openapi_schema_documents_the_api(client):
    schema = get(client, "/api/openapi.json")
    assert {
        "/api/events",
        "/api/events/{event_id}",
        "/api/actors",
        "/api/quotes",
        "/api/articles",
        "/api/articles/{article_id}",
    } <= set(schema["paths"])
    names = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert names >= {
        "actor",
        "country",
        "type",
        "modality",
        "since",
        "until",
        "text",
        "limit",
        "offset",
    }
    assert client.get("/docs").status_code == 404  # no CDN-hosted docs page


def test_the_app_never_writes(db, client):
    before = db.stat().st_mtime_ns, db.stat().st_size
    for url in ["/api/events", "/api/articles/a1", "/api/actors", "/api/quotes", "/"]:
        client.get(url)
    assert client.post("/api/events").status_code == 405
    assert (db.stat().st_mtime_ns, db.stat().st_size) == before
