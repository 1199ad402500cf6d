"""`communique serve`: a read-only JSON API over a database, and the page at `/` that
explores it (timeline, filters, actor network, dyads, quotes, evidence).

Every request opens the database read-only and closes it again, so an ingest can run
between requests; while one holds the write lock, requests get a 503 with a clear message.
No request can name a file: the database is fixed when the app is made, ids are only ever
SQL parameters, and the page's three assets are named in code. Errors share one JSON shape,
`{"error": "...", "status": N}`. The page builds its DOM with textContent only and the
Content-Security-Policy forbids inline script, so article text cannot run as code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

import duckdb
from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, BeforeValidator, ConfigDict
from starlette.exceptions import HTTPException

from .. import __version__
from ..errors import CommuniqueError, DatabaseLocked, DatabaseMissing
from ..events.ontology import PLOVER_TYPES
from ..records import Modality
from ..store import db as store
from ..store import read, web_read

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
ASSETS = {  # the only files the app serves: name -> media type
    "index.html": "text/html; charset=utf-8",
    "app.js": "text/javascript; charset=utf-8",
    "app.css": "text/css; charset=utf-8",
}

EventType = Literal[PLOVER_TYPES]  # type: ignore[valid-type]  # the PLOVER table, one place
Upper = BeforeValidator(lambda v: v.upper() if isinstance(v, str) else v)
Lower = BeforeValidator(lambda v: v.lower() if isinstance(v, str) else v)
Limit = Annotated[int, Query(ge=1, le=500, description="Page size, 1..500.")]
Offset = Annotated[int, Query(ge=0, description="How many items to skip.")]
Text = Annotated[str | None, Query(max_length=200)]


# --- response models (the OpenAPI schema; extra fields pass through) ---------------------


class Record(BaseModel):
    model_config = ConfigDict(extra="allow")


class ActorRef(Record):
    id: str
    name: str | None
    country: str | None
    sector: str | None
    title: str | None


class Mention(Record):
    article_id: str
    sentence: str | None
    start: int | None
    end: int | None


class Event(Record):
    event_id: str
    event_type: str
    mode: str | None
    cameo: str | None
    goldstein: float | None
    quad_class: int | None
    date: str | None
    date_start: str | None
    date_end: str | None
    date_precision: str | None
    source: ActorRef | None
    target: ActorRef | None
    location: dict[str, Any] | None
    modality: str
    num_articles: int
    num_outlets: int
    mentions: list[Mention]
    confidence: float | None


class ActorSpan(Record):
    start: int
    end: int
    text: str
    actor: ActorRef | None


class Quote(Record):
    quote_id: str
    article_id: str
    text: str
    direct: bool
    speaker: ActorRef | None
    speaker_mention: str | None
    reported_by: ActorRef | None
    cue: str | None
    start: int
    end: int


class Evidence(Mention):
    article: dict[str, Any] | None
    sentence_text: str
    sentence_start: int
    clause_in_sentence: list[int]
    actor_spans: list[ActorSpan]


class EventDetail(Event):
    mentions: list[Evidence]  # type: ignore[assignment]
    quotes: list[Quote]


class Actor(Record):
    id: str
    name: str | None
    country: str | None
    sector: str | None
    title: str | None
    aliases: list[str]
    num_mentions: int | None


class Article(Record):
    article_id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    published_inferred: bool
    duplicate_of: str | None
    num_sentences: int | None


class ArticleDetail(Article):
    text: str
    sentences: list[dict[str, Any]]
    mentions: list[ActorSpan]
    events: list[dict[str, Any]]
    quotes: list[Quote]


class Page(BaseModel):
    total: int
    limit: int
    offset: int


class EventPage(Page):
    items: list[Event]


class ActorPage(Page):
    items: list[Actor]


class QuotePage(Page):
    items: list[Quote]


class ArticlePage(Page):
    items: list[Article]


class Summary(BaseModel):
    database: str
    version: str
    counts: dict[str, int]
    first_date: str | None
    last_date: str | None


class Error(BaseModel):
    error: str
    status: int


ERRORS = {
    404: {"model": Error, "description": "No such item"},
    422: {"model": Error, "description": "A query parameter is not valid"},
    503: {"model": Error, "description": "The database cannot be opened read-only now"},
}


# --- errors: one JSON shape --------------------------------------------------------------


def error(status: int, message: str) -> JSONResponse:
    return JSONResponse(
        {"error": message, "status": status}, status_code=status, headers=SECURITY_HEADERS
    )


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for item in exc.errors():
        where = ".".join(str(p) for p in item.get("loc", ()) if p not in ("query", "path"))
        got = item.get("input")
        shown = f" (got {got!r})" if isinstance(got, str | int | float) else ""
        parts.append(f"{where or 'request'}: {item.get('msg', 'invalid')}{shown}")
    return "invalid query: " + "; ".join(parts)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return error(422, _validation_message(exc))

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        return error(exc.status_code, str(exc.detail))

    @app.exception_handler(CommuniqueError)
    async def unavailable(_: Request, exc: CommuniqueError) -> JSONResponse:
        return error(503, str(exc))


class NotFound(HTTPException):
    def __init__(self, what: str, key: str) -> None:
        super().__init__(404, f"no {what} with id {key!r}")


# --- the database, read-only per request -------------------------------------------------


def open_read_only(db: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection, or a CommuniqueError that says why there is none."""
    try:
        return store.connect(db, read_only=True)
    except (DatabaseLocked, DatabaseMissing):
        raise
    except duckdb.Error as exc:
        raise DatabaseLocked(str(db)) from exc


def _connection_dependency(db: Path):
    def connection() -> Iterator[duckdb.DuckDBPyConnection]:
        con = open_read_only(db)
        try:
            yield con
        finally:
            con.close()

    return connection


@cache
def asset(name: str) -> bytes:
    return resources.files("communique.views").joinpath("static", name).read_bytes()


def _check_range(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        raise HTTPException(422, f"invalid query: since ({since}) is after until ({until})")


# --- the app -------------------------------------------------------------------------------


def create_app(db: Path) -> FastAPI:
    """The web app over one database file (never opened for writing)."""
    db = Path(db)
    app = FastAPI(
        title="communique",
        version=__version__,
        description="Read-only API over a communique database: events with their evidence, "
        'actors, quotes and articles. Errors are JSON: {"error": message, "status": code}.',
        docs_url=None,  # the hosted docs UI loads scripts from a CDN; the schema is enough
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    _install_error_handlers(app)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    _add_page_routes(app)
    _add_api_routes(app, db, Depends(_connection_dependency(db)))
    return app


def _add_page_routes(app: FastAPI) -> None:
    def send(name: str) -> Response:
        return Response(asset(name), media_type=ASSETS[name], headers={"Cache-Control": "no-cache"})

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        return send("index.html")

    @app.get("/static/app.js", include_in_schema=False)
    def script() -> Response:
        return send("app.js")

    @app.get("/static/app.css", include_in_schema=False)
    def style() -> Response:
        return send("app.css")


def _add_api_routes(app: FastAPI, db: Path, con: Any) -> None:  # noqa: C901 - a route table
    @app.get("/api/summary", response_model=Summary, responses=ERRORS, tags=["corpus"])
    def summary(c=con) -> dict:
        """Row counts and the date span of the events."""
        return {"database": db.name, "version": __version__, **web_read.summary(c)}

    @app.get("/api/events", response_model=EventPage, responses=ERRORS, tags=["events"])
    def events(
        c=con,
        actor: Text = None,
        country: Annotated[
            str | None, Upper, Query(pattern="^[A-Z]{3}$", description="ISO 3166-1 alpha-3")
        ] = None,
        type: Annotated[EventType | None, Upper, Query(description="PLOVER type")] = None,  # noqa: A002
        modality: Annotated[Modality | None, Lower, Query()] = None,
        since: Annotated[dt.date | None, Query(description="YYYY-MM-DD")] = None,
        until: Annotated[dt.date | None, Query(description="YYYY-MM-DD")] = None,
        text: Text = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> dict:
        """Deduplicated events in date order; `actor` matches a name, id or alias of the
        source or target, `text` the evidence sentences."""
        _check_range(since, until)
        where = read.EventFilter(actor, country, type, modality, since, until, text)
        return web_read.page(read.events(c, where), limit, offset).as_dict()

    @app.get(
        "/api/events/{event_id:path}", response_model=EventDetail, responses=ERRORS, tags=["events"]
    )
    def event(event_id: str, c=con) -> dict:
        """One event with all its evidence: each mention's sentence, its article, and the
        actor spans inside the sentence; plus quotes by its actors in those articles."""
        found = web_read.event_detail(c, event_id)
        if found is None:
            raise NotFound("event", event_id)
        return found

    @app.get("/api/actors", response_model=ActorPage, responses=ERRORS, tags=["actors"])
    def actors(
        c=con,
        country: Annotated[str | None, Upper, Query(pattern="^[A-Z]{3}$")] = None,
        search: Text = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> dict:
        """Canonical actors, most mentioned first; `search` matches names, ids and aliases."""
        return web_read.page(read.actors(c, country, search), limit, offset).as_dict()

    @app.get("/api/quotes", response_model=QuotePage, responses=ERRORS, tags=["quotes"])
    def quotes(
        c=con, speaker: Text = None, about: Text = None, limit: Limit = 100, offset: Offset = 0
    ) -> dict:
        """Quotes; `speaker` matches the resolved speaker or the words naming them,
        `about` the quoted text."""
        return web_read.page(read.quotes(c, speaker, about), limit, offset).as_dict()

    @app.get("/api/articles", response_model=ArticlePage, responses=ERRORS, tags=["articles"])
    def articles(c=con, limit: Limit = 100, offset: Offset = 0) -> dict:
        """Stored articles by publication date (wire copies carry `duplicate_of`)."""
        return web_read.page(read.articles(c), limit, offset).as_dict()

    @app.get("/api/ask", responses=ERRORS, tags=["ask"])
    def ask_question(
        q: Annotated[str, Query(min_length=2, max_length=500, description="The question")],
        c=con,
        k: Annotated[int, Query(ge=1, le=50)] = 5,
    ) -> dict:
        """Passages (sentences, quotes, events) that answer a question, each cited with its
        article, outlet and date. Extractive only: no language model is called."""
        from .. import ask

        return ask.ask_con(c, q, k, llm=None).to_dict()

    @app.get("/api/search", responses=ERRORS, tags=["ask"])
    def search_text(
        q: Annotated[str, Query(min_length=1, max_length=500, description="Words to find")],
        c=con,
        k: Annotated[int, Query(ge=1, le=100)] = 10,
    ) -> dict:
        """Plain BM25 search over stored sentences."""
        from dataclasses import asdict

        from .. import ask

        return {"query": q, "passages": [asdict(p) for p in ask.search_con(c, q, k)]}

    @app.get(
        "/api/articles/{article_id:path}",
        response_model=ArticleDetail,
        responses=ERRORS,
        tags=["articles"],
    )
    def article(article_id: str, c=con) -> dict:
        """One article: text, sentences, actor mention spans, the events and quotes it
        contributes. Offsets index `text`."""
        found = web_read.article_detail(c, article_id)
        if found is None:
            raise NotFound("article", article_id)
        return found


def serve(db: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the app with uvicorn (what `communique serve` calls)."""
    import uvicorn

    open_read_only(Path(db)).close()  # fail early, with the store's message, on a bad --db
    uvicorn.run(create_app(Path(db)), host=host, port=port)
