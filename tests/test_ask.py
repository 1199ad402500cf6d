"""communique.ask: BM25 in DuckDB, actor-aware rerank, output shape, the --llm path against a
fake local server, and no network without it. Sentences in fixtures are the example corpus
(written for the project) or our own."""

from __future__ import annotations

import json
import shutil
import socket
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import duckdb
import pytest

from communique import ask
from communique.ask import bm25, cues, embed, question, rerank, tokens
from communique.errors import DatabaseMissing
from communique.store import db as store


@pytest.fixture()
def ask_db(example_db, tmp_path):
    """A private copy of the example database (ask writes its cache tables into it)."""
    path = tmp_path / "ask.duckdb"
    shutil.copy(example_db, path)
    return path


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        pytest.param("sanctions", "sanction", id="plural"),
        pytest.param("countries", "country", id="ies"),
        pytest.param("expelled", "expel", id="doubled-ed"),
        pytest.param("stopping", "stop", id="doubled-ing"),
        pytest.param("hoping", "hop", id="ing-e"),
        pytest.param("hope", "hop", id="final-e"),
        pytest.param("us", "us", id="short-kept"),
        pytest.param("focus", "focus", id="us-ending-kept"),
        pytest.param("2022", "2022", id="number"),
    ],
)
def test_stem(word, stem):
    assert tokens.stem(word) == stem


def test_query_terms_drop_question_words():
    assert tokens.terms("What did the U.S. say about Erdoğan's proposals?", query=True) == [
        "us",
        "erdogan",
        "proposal",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Moscow seeks to limit Western influence.", 1.0, id="seeks"),
        pytest.param("The minister is trying to win support.", 1.0, id="trying-to"),
        pytest.param("She said the door remained a red line.", 1.0, id="red-line"),
        pytest.param("The delegation landed at noon.", 0.0, id="none"),
    ],
)
def test_cue_score(text, expected):
    assert cues.cue_score(text) == expected


def test_question_intent():
    assert cues.asks_for_intent("What is Canada after in the Arctic?")
    assert not cues.asks_for_intent("When did the summit take place?")


def test_rerank_prefers_named_actor_and_cues():
    fused = {"a": 1.0, "b": 1.0, "c": 1.0}
    ranked = dict(rerank.rerank(fused, {"b": 1.0}, {"c": 1.0}, intent=True))
    assert ranked["b"] > ranked["a"] and ranked["c"] > ranked["a"]
    plain = dict(rerank.rerank(fused, {}, {"c": 1.0}, intent=False))
    assert plain["c"] < ranked["c"]


def test_rrf_sums_reciprocal_ranks():
    fused = rerank.rrf([["x", "y"], ["y", "z"]], k=0)
    assert fused == {"x": 1.0, "y": 1.5, "z": 0.5}


def test_search_ranks_the_matching_sentence_first(ask_db):
    top = ask.search(ask_db, "military-grade nerve agent", k=3)[0]
    assert "nerve agent" in top.text
    assert top.kind == "sentence"
    assert top.title.startswith("Britain expels")


def test_question_names_people_and_countries(ask_db):
    con = store.connect(ask_db, read_only=True)
    try:
        parsed = question.parse(con, "What does Putin want from Turkey?")
    finally:
        con.close()
    assert parsed.keys[0].endswith("vladimir-putin")
    assert parsed.keys[1] == "TUR"
    assert parsed.intent


def test_actor_aware_rerank_puts_the_named_speaker_first(ask_db):
    answer = ask.ask(
        ask_db, "What did Putin say about grain for poorer countries?", 3, semantic=False
    )
    assert answer.named and answer.named[0].endswith("vladimir-putin")
    first = answer.passages[0]
    assert "Putin" in first.context
    assert "grain" in first.context


def test_named_country_as_speaker(ask_db):
    text = "Where does the United States stand on Britain?"
    with_boost = ask.ask(ask_db, text, 1, semantic=False).passages[0]
    assert "solidarity" in with_boost.context
    assert with_boost.speaker and with_boost.speaker["id"] == "USA"


def test_json_shape_and_offsets(ask_db):
    answer = ask.ask(ask_db, "Why did Britain expel Russian diplomats?", 5, semantic=False)
    data = json.loads(answer.to_json())
    assert data["question"].startswith("Why")
    assert data["retrievers"] == ["bm25"]
    assert len(data["passages"]) == 5
    con = duckdb.connect(str(ask_db), read_only=True)
    texts = dict(con.execute("SELECT article_id, text FROM articles").fetchall())
    con.close()
    for rank, p in enumerate(data["passages"], start=1):
        assert p["rank"] == rank
        assert p["kind"] in {"sentence", "quote", "event"}
        assert {"text", "speaker", "outlet", "published", "article_id", "start", "end"} <= set(p)
        span = " ".join(texts[p["article_id"]][p["start"] : p["end"]].split())
        assert p["text"] in span or span in p["context"]
    places = [(p["article_id"], p["sentence_index"]) for p in data["passages"]]
    assert len(set(places)) == len(places)


def test_text_output_cites_numbered_passages(ask_db):
    text = ask.ask(ask_db, "What did Biden promise Ukraine?", 2, semantic=False).to_text()
    assert "[1] " in text and "[2] " in text and "article " in text


def test_index_is_cached_and_rebuilt_when_an_article_changes(ask_db):
    con = store.connect(ask_db)
    try:
        first = bm25.refresh(con)
        assert first >= 10
        assert bm25.refresh(con) == 0
        con.execute("UPDATE articles SET ingested_at = now() WHERE article_id = "
                    "(SELECT min(article_id) FROM articles)")  # fmt: skip
        assert bm25.refresh(con) == 1
        counts = con.execute("SELECT count(*), count(DISTINCT doc_id) FROM ask_docs").fetchone()
        assert counts[0] == counts[1]
    finally:
        con.close()


def test_read_only_database_uses_temp_tables(ask_db):
    con = store.connect(ask_db, read_only=True)
    try:
        answer = ask.ask_con(con, "Who mediated between Israel and Hamas?", 3, semantic=False)
    finally:
        con.close()
    assert any("mediated" in p.context for p in answer.passages)


def test_missing_database_is_an_error(tmp_path):
    with pytest.raises(DatabaseMissing):
        ask.ask(tmp_path / "none.duckdb", "anything", semantic=False)
    assert not (tmp_path / "none.duckdb").exists()


def test_no_network_without_llm(ask_db, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network used without --llm")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    answer = ask.ask(ask_db, "What is China's position on Taiwan?", 3, semantic=False)
    assert answer.answer is None and answer.passages


class _FakeChat(BaseHTTPRequestHandler):
    requests: list[dict] = []

    def do_POST(self):  # noqa: N802 - http.server's name
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        _FakeChat.requests.append({"path": self.path, "body": body})
        reply = {
            "choices": [{"message": {"role": "assistant", "content": "Taiwan is a red line [1]."}}]
        }
        data = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture()
def fake_llm():
    server = HTTPServer(("127.0.0.1", 0), _FakeChat)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _FakeChat.requests.clear()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()
    thread.join()


def test_llm_answer_cites_passages(ask_db, fake_llm):
    answer = ask.ask(ask_db, "What is China's position on Taiwan?", 3, llm=fake_llm, semantic=False)
    assert answer.answer == "Taiwan is a red line [1]."
    (request,) = _FakeChat.requests
    assert request["path"] == "/v1/chat/completions"
    prompt = request["body"]["messages"][-1]["content"]
    assert "[1]" in prompt and "[3]" in prompt and "Taiwan" in prompt
    assert answer.to_text().splitlines()[2] == "Taiwan is a red line [1]."


def test_llm_failure_is_a_clear_error(ask_db):
    with socket.socket() as probe:  # a local port with nothing listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ask.answer.LLMError, match="--llm"):
        ask.ask(
            ask_db,
            "What is China's position on Taiwan?",
            2,
            llm=f"http://127.0.0.1:{port}",
            semantic=False,
        )


semantic = pytest.mark.skipif(not embed.available(), reason="semantic extra not installed")


@semantic
def test_hybrid_path_uses_and_caches_embeddings(ask_db):
    answer = ask.ask(
        ask_db, "Which countries acted as go-betweens in the Gaza war?", 5, semantic=True
    )
    assert answer.retrievers == ["bm25", "embeddings"]
    assert any("mediated" in p.context for p in answer.passages)
    con = duckdb.connect(str(ask_db), read_only=True)
    cached = con.execute("SELECT count(*) FROM ask_embeddings").fetchone()[0]
    con.close()
    assert cached > 0


def test_semantic_required_but_missing(ask_db, monkeypatch):
    monkeypatch.setattr(embed, "available", lambda: False)
    with pytest.raises(embed.SemanticNotInstalled):
        ask.ask(ask_db, "anything", semantic=True)


def test_web_api_ask_and_search(example_db):
    from fastapi.testclient import TestClient

    from communique.views.web import create_app

    client = TestClient(create_app(example_db))
    answer = client.get("/api/ask", params={"q": "Who mediated the truce in Gaza?", "k": 3}).json()
    assert answer["passages"] and all(p["article_id"] for p in answer["passages"])
    found = client.get("/api/search", params={"q": "truce"}).json()
    assert any("truce" in p["text"].lower() for p in found["passages"])
    assert client.get("/api/ask").status_code == 422
