"""The page at `/` in a real browser: Playwright (Python, sync API) driving Debian's Chromium
headless against uvicorn on 127.0.0.1. Never downloads a browser; skips when Chromium or
Playwright is missing."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from test_web_api import HOSTILE_TEXT, IMG, SCRIPT, build_database

from communique.views.web import create_app

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SCREENSHOT = Path("/tmp/communique-web.png")


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("no Chromium at /usr/bin/chromium (apt-get install chromium)")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="the playwright package is missing"
    )
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield chromium
        chromium.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """uvicorn in a background thread on 127.0.0.1 and a free port."""

    def __init__(self, db: Path) -> None:
        import uvicorn

        self.port = _free_port()
        config = uvicorn.Config(
            create_app(db), host="127.0.0.1", port=self.port, log_level="warning", lifespan="off"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the web app did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def get(self, path: str) -> dict:
        with urllib.request.urlopen(self.url + path) as response:  # noqa: S310 - local test server
            return json.load(response)


@pytest.fixture(scope="module")
def example_server(tmp_path_factory, browser):
    """The bundled example corpus, ingested by the real pipeline."""
    from communique import api

    corpus = EXAMPLES / "corpus" if (EXAMPLES / "corpus").is_dir() else EXAMPLES
    inputs = [
        p
        for p in sorted(corpus.iterdir())
        if p.suffix in {".txt", ".md", ".html", ".jsonl", ".xml"}
    ]
    if not inputs:
        pytest.skip("no example corpus under examples/")
    db = tmp_path_factory.mktemp("web-examples") / "examples.duckdb"
    api.ingest(inputs, db, jobs=1)
    with Server(db) as server:
        yield server


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory, browser):
    db = tmp_path_factory.mktemp("web-hostile") / "hostile.duckdb"
    build_database(db)
    with Server(db) as server:
        yield server


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1500, "height": 950})
    tab = context.new_page()
    tab.problems = []
    tab.on("pageerror", lambda exc: tab.problems.append(f"page error: {exc}"))
    tab.on("console", lambda msg: msg.type == "error" and tab.problems.append(msg.text))
    tab.dialogs = []

    def dismiss(dialog):
        tab.dialogs.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", dismiss)
    yield tab
    context.close()


def open_page(page, server: Server) -> None:
    page.goto(server.url + "/")
    page.wait_for_selector("body[data-ready='true']", timeout=20000)


def test_page_loads_over_the_example_corpus(page, example_server):
    open_page(page, example_server)
    total = example_server.get("/api/events?limit=1")["total"]
    assert total > 0, "the example corpus should yield events"
    assert page.locator("#events-table tbody tr[data-event]").count() == min(total, 50)
    assert page.locator("#timeline g.mark").count() >= 1
    assert f"{total} events" in page.inner_text("#summary")
    before = page.inner_text("#range-label")
    page.click("#zoom-in")
    assert page.inner_text("#range-label") != before
    page.click("#zoom-reset")
    page.click("#tabs button[data-tab='network']")
    assert page.locator("#network g.node").count() >= 2
    page.click("#tabs button[data-tab='quotes']")
    page.wait_for_selector("#quote-list li")
    page.click("#tabs button[data-tab='articles']")
    page.wait_for_selector("#articles-table tbody tr[data-article]")
    assert page.problems == []


def test_filter_by_actor_then_open_an_event_and_see_its_evidence(page, example_server):
    first = example_server.get("/api/events?limit=500")["items"]
    actor = next(e["source"] for e in first if e["source"] and e["target"])
    expected = {
        e["event_id"]
        for e in example_server.get(
            f"/api/events?limit=500&actor={urllib.request.quote(actor['id'])}"
        )["items"]
    }
    open_page(page, example_server)
    page.fill("#f-actor", actor["id"])
    page.click("#apply")
    page.wait_for_function(
        "n => document.querySelectorAll('#events-table tbody tr[data-event]').length === n",
        arg=min(len(expected), 50),
    )
    rows = page.locator("#events-table tbody tr[data-event]")
    shown = {rows.nth(i).get_attribute("data-event") for i in range(rows.count())}
    assert shown <= expected and shown
    event_id = rows.first.get_attribute("data-event")
    rows.first.locator("td").first.click()  # the date cell: the row's links open actors
    page.wait_for_selector("#detail .evidence .sentence")
    detail = example_server.get(f"/api/events/{urllib.request.quote(event_id, safe='')}")
    sentences = page.locator("#detail .evidence .sentence")
    assert sentences.count() == len(detail["mentions"])
    assert sentences.first.inner_text().strip() == detail["mentions"][0]["sentence_text"].strip()
    spans = detail["mentions"][0]["actor_spans"]
    marks = [m.inner_text() for m in sentences.first.locator("mark.actor").all()]
    assert len(marks) == len(spans)
    page.screenshot(path=str(SCREENSHOT), full_page=False)
    page.click("#detail .evidence .article-link >> nth=0")
    page.wait_for_selector("#article-text .focus")
    assert page.problems == []


def test_hostile_article_is_shown_as_text(page, hostile_server):
    open_page(page, hostile_server)
    page.select_option("#f-modality", "denied")
    page.click("#apply")
    page.wait_for_function(
        "() => document.querySelectorAll('#events-table tbody tr[data-event]').length === 1"
    )
    assert SCRIPT in page.inner_text("#events-table tbody")
    page.click("#events-table tbody tr[data-event] td >> nth=0")
    page.wait_for_selector("#detail .evidence .sentence")
    assert SCRIPT in page.inner_text("#detail .evidence .sentence")
    assert [m.inner_text() for m in page.locator("#detail mark.actor").all()] == [
        "Brazil",
        "Argentina",
    ]
    page.click("#detail .article-link")
    page.wait_for_selector("#article-text")
    assert page.inner_text("#article-text") == HOSTILE_TEXT
    assert page.text_content("#detail h2") == f"Envoy row {SCRIPT}"
    assert IMG in page.text_content("#detail .meta")
    page.click("#tabs button[data-tab='articles']")
    page.wait_for_selector("#articles-table tbody tr[data-article='hostile']")
    assert SCRIPT in page.inner_text("#articles-table tbody")
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1  # only /static/app.js
    assert page.dialogs == []
    assert page.problems == []
