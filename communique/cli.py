"""The `communique` command. Every command is thin: parse arguments, call the API, print.

Errors the user can fix (`CommuniqueError`) become one line on stderr and an exit code;
no traceback.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import platform
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from . import __version__
from .errors import CommuniqueError, UsageError

app = typer.Typer(
    help="Turn news reports about international politics into a sourced, deduplicated "
    "record of events, actors and quotes.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=False)
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB database file.")]
DEFAULT_DB = Path("communique.duckdb")


def friendly(command):
    """Turn CommuniqueError into a one-line message and its exit code."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except CommuniqueError as exc:
            err.print(f"[red]error:[/red] {escape(str(exc))}")
            raise typer.Exit(exc.exit_code) from None

    return wrapper


def _parse_date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} takes a date as YYYY-MM-DD, not {value!r}") from None


def _ingest(
    paths: list[Path],
    db: Path,
    jobs: int | None,
    force: bool,
    quiet: bool,
    max_mb: float,
    engine: str = "local",
    address: str | None = None,
):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from . import api

    progress = Progress(
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        console=err,
        disable=quiet,
        transient=True,
    )
    with progress:
        task = progress.add_task("", total=None)
        summary = api.ingest(
            paths,
            db,
            jobs=jobs,
            force=force,
            max_bytes=int(max_mb * 1_000_000),
            engine=engine,
            address=address,
            on_article=lambda a: progress.update(
                task, advance=1, description=escape(a.title or a.article_id)[:60]
            ),
        )
    err.print(
        f"ingested {summary.ingested}, already stored {summary.already_stored}, "
        f"near-duplicates linked {summary.near_duplicates}, rejected {len(summary.rejected)}"
    )
    _print_rejected(summary, db)
    return summary


def _print_rejected(summary, db: Path) -> None:
    for r in summary.rejected[:20]:
        line = f":{r.line}" if r.line else ""
        err.print(f"  rejected {escape(r.path)}{line}: {escape(r.reason)}")
    if len(summary.rejected) > 20:
        err.print(f"  ... and {len(summary.rejected) - 20} more: `communique rejects --db {db}`")


PathsArg = Annotated[
    list[Path], typer.Argument(help="Files or directories (searched recursively).")
]
JobsOption = Annotated[
    int | None, typer.Option("--jobs", "-j", help="Worker processes (default: all cores).")
]
ForceOption = Annotated[bool, typer.Option("--force", help="Re-process articles already stored.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
MaxOption = Annotated[
    float, typer.Option("--max-mb", help="Reject files with more text than this (MB).")
]
EngineOption = Annotated[
    str, typer.Option("--engine", help="Where articles are analysed: local or ray.")
]
AddressOption = Annotated[
    str | None,
    typer.Option("--address", help="Ray cluster to join (default: start a local Ray)."),
]
WorkersOption = Annotated[
    int | None,
    typer.Option("--workers", help="Ray actors analysing articles (default: all cores)."),
]
ParquetOption = Annotated[
    Path | None,
    typer.Option(
        "--output-parquet",
        help="With --engine ray: write a Parquet dataset partitioned by day to this folder "
        "instead of the database (load it with `communique load-parquet`).",
    ),
]


@app.command()
@friendly
def ingest(
    paths: PathsArg,
    db: DbOption = DEFAULT_DB,
    jobs: JobsOption = None,
    force: ForceOption = False,
    quiet: QuietOption = False,
    max_mb: MaxOption = 5.0,
    engine: EngineOption = "local",
    address: AddressOption = None,
    workers: WorkersOption = None,
    output_parquet: ParquetOption = None,
) -> None:
    """Read news files (txt, md, html, jsonl, RSS/Atom) and store their events, actors and quotes."""
    if engine != "ray" and (workers or output_parquet):
        raise UsageError("--workers and --output-parquet need --engine ray")
    if output_parquet is not None:
        from . import api

        summary = api.write_parquet(
            paths,
            output_parquet,
            workers=workers or jobs,
            address=address,
            max_bytes=int(max_mb * 1_000_000),
        )
        err.print(
            f"wrote {summary.ingested} articles to {escape(str(output_parquet))}, "
            f"rejected {len(summary.rejected)}; load them with "
            f"`communique load-parquet {escape(str(output_parquet))} --db FILE`"
        )
        _print_rejected(summary, db)
        raise typer.Exit(summary.status)
    summary = _ingest(paths, db, workers or jobs, force, quiet, max_mb, engine, address)
    raise typer.Exit(summary.status)


@app.command("load-parquet")
@friendly
def load_parquet(
    dataset: Annotated[Path, typer.Argument(help="Folder written by --output-parquet.")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Load a Parquet dataset from `ingest --engine ray --output-parquet` into a database,
    then deduplicate events across the whole database."""
    from . import api

    count = api.load_parquet(dataset, db)
    err.print(f"loaded {count} articles into {escape(str(db))}")


TIMELINE_FORMATS = ("table", "markdown", "json", "html")


def _print_timeline(db: Path, fmt: str = "table", **filters) -> None:
    from . import api
    from .views import tables, timeline_formats

    if fmt not in TIMELINE_FORMATS:
        raise UsageError(f"--format takes one of {', '.join(TIMELINE_FORMATS)}, not {fmt!r}")
    with api.open(db) as corpus:
        events = corpus.events(**filters)
        if fmt == "table":
            out.print(tables.timeline(events))
        elif fmt == "html":
            sys.stdout.write(corpus_report(corpus, events))
        else:
            sys.stdout.write(timeline_formats.render(events, fmt))


def corpus_report(corpus, events: list[dict]) -> str:
    from .views import report

    return report.render(
        events, corpus.actors(), corpus.quotes(), corpus.articles(), corpus.actor_spans()
    )


def _write_report(db: Path, output: Path) -> Path:
    from . import api

    with api.open(db) as corpus:
        output.write_text(corpus.report_html(), encoding="utf-8")
    return output


@app.command()
@friendly
def run(
    paths: PathsArg,
    db: DbOption = DEFAULT_DB,
    jobs: JobsOption = None,
    force: ForceOption = False,
    quiet: QuietOption = False,
    max_mb: MaxOption = 5.0,
) -> None:
    """The main job: ingest PATHS, then print the timeline of events."""
    summary = _ingest(paths, db, jobs, force, quiet, max_mb)
    if summary.status == 0:
        _print_timeline(db)
        report_path = _write_report(db, db.with_suffix(".html"))
        err.print(f"report: {escape(str(report_path))}")
    raise typer.Exit(summary.status)


@app.command()
@friendly
def timeline(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[
        str | None, typer.Option(help="Events with this actor (name or alias).")
    ] = None,
    country: Annotated[
        str | None, typer.Option(help="Events with an actor of this ISO3 country.")
    ] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER event type.")] = None,  # noqa: A002
    since: Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date (YYYY-MM-DD).")] = None,
    format: Annotated[
        str, typer.Option("--format", "-f", help="table | markdown | json | html")
    ] = "table",  # noqa: A002
) -> None:
    """Chronological events (date, type, source → target, modality, articles, evidence), as a
    table, or story threads as markdown, json or html."""
    _print_timeline(
        db,
        format,
        actor=actor,
        country=country,
        event_type=type,
        since=_parse_date(since, "--since"),
        until=_parse_date(until, "--until"),
    )


@app.command()
@friendly
def report(
    db: DbOption = DEFAULT_DB,
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path(
        "report.html"
    ),
) -> None:
    """One self-contained HTML file: story threads with evidence, sources, actors, quotes, network."""
    path = _write_report(db, output)
    err.print(f"report: {escape(str(path))}")


@app.command()
@friendly
def ask(
    question: Annotated[str, typer.Argument(help="An analyst's question, in plain English.")],
    db: DbOption = DEFAULT_DB,
    k: Annotated[int, typer.Option("-k", help="How many passages to cite.")] = 5,
    format: Annotated[str, typer.Option("--format", help="text | json")] = "text",  # noqa: A002
    llm: Annotated[
        str | None,
        typer.Option("--llm", help="OpenAI-compatible endpoint for a short cited answer."),
    ] = None,
) -> None:
    """Answer a question with cited sentences, quotes and events from the corpus."""
    from . import ask as asking

    if format not in ("text", "json"):
        raise UsageError(f"--format takes text or json, not {format!r}")
    if not db.exists():
        from .errors import DatabaseMissing

        raise DatabaseMissing(str(db))
    answer = asking.ask(db, question, k, llm=llm)
    sys.stdout.write(answer.to_json() + "\n" if format == "json" else answer.to_text())


@app.command()
@friendly
def search(
    text: Annotated[str, typer.Argument(help="Words to search for (BM25 over sentences).")],
    db: DbOption = DEFAULT_DB,
    k: Annotated[int, typer.Option("-k", help="How many sentences.")] = 10,
) -> None:
    """Plain full-text search over the stored sentences."""
    from . import ask as asking
    from .ask.answer import passage_lines

    if not db.exists():
        from .errors import DatabaseMissing

        raise DatabaseMissing(str(db))
    for passage in asking.search(db, text, k):
        sys.stdout.write("\n".join(passage_lines(passage)) + "\n")


@app.command()
@friendly
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[
        str, typer.Option(help="Address to bind (default: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """A read-only web page and JSON API to explore events, actors, quotes and evidence."""
    from .views import web

    web.serve(db, host, port)


EXPORT_KINDS = ("events", "quotes", "actors", "articles")


@app.command()
@friendly
def export(
    kind: Annotated[str, typer.Argument(help="events | quotes | actors | articles")],
    db: DbOption = DEFAULT_DB,
    format: Annotated[
        str, typer.Option("--format", "-f", help="jsonl | csv | parquet | plover | gdelt")
    ] = "jsonl",  # noqa: A002
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default stdout).")
    ] = None,
) -> None:
    """Export stored records with stable field names."""
    from . import api
    from .store import export as exporter

    if kind not in EXPORT_KINDS:
        raise UsageError(f"export takes one of {', '.join(EXPORT_KINDS)}, not {kind!r}")
    if format not in exporter.FORMATS:
        raise UsageError(f"--format takes one of {', '.join(exporter.FORMATS)}, not {format!r}")
    with api.open(db) as corpus:
        records = getattr(corpus, kind)()
    try:
        text = exporter.render(records, format, output, kind)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if text is not None:
        sys.stdout.write(text)


@app.command()
@friendly
def actors(
    db: DbOption = DEFAULT_DB,
    country: Annotated[str | None, typer.Option(help="ISO3 country code.")] = None,
    search: Annotated[str | None, typer.Option(help="Text in the name or an alias.")] = None,
) -> None:
    """List actors with their aliases and mention counts."""
    from . import api
    from .views import tables

    with api.open(db) as corpus:
        out.print(tables.actors(corpus.actors(country=country, search=search)))


@app.command()
@friendly
def quotes(
    db: DbOption = DEFAULT_DB,
    speaker: Annotated[
        str | None, typer.Option(help="Quotes by this speaker (name or alias).")
    ] = None,
    about: Annotated[str | None, typer.Option(help="Quotes whose text mentions this.")] = None,
) -> None:
    """Who said what: direct and indirect quotes with speakers and relayers."""
    from . import api
    from .views import tables

    with api.open(db) as corpus:
        out.print(tables.quotes(corpus.quotes(speaker=speaker, about=about)))


@app.command()
@friendly
def rejects(db: DbOption = DEFAULT_DB) -> None:
    """Inputs that could not be ingested, with the stage and the reason."""
    from . import api
    from .views import tables

    with api.open(db) as corpus:
        out.print(tables.rejects(corpus.rejects()))


@app.command()
@friendly
def info(
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Versions, the spaCy model in use, the database path and its row counts."""
    import duckdb
    import spacy

    from . import nlp

    facts: dict[str, object] = {
        "communique": __version__,
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "duckdb": duckdb.__version__,
        "spacy_model": nlp.model_name(),
        "spacy_model_installed": spacy.util.is_package(nlp.model_name())
        or Path(nlp.model_name()).exists(),
        "database": str(db.resolve()),
        "counts": None,
    }
    if db.exists():
        from . import api

        with api.open(db) as corpus:
            facts["counts"] = corpus.counts()
    if as_json:
        sys.stdout.write(json.dumps(facts, indent=2) + "\n")
        return
    for key, value in facts.items():
        out.print(f"[bold]{key}[/bold]: {escape(str(value))}")


@app.command()
@friendly
def eval(  # noqa: A001 - the documented command name
    gold: Annotated[
        Path, typer.Argument(help="Gold file (YAML or JSONL), see docs/gold-format.md.")
    ],
    db: DbOption = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", help="text | json")] = "text",  # noqa: A002
) -> None:
    """Compare the database with a gold file: precision, recall, F1, modality, dates, speakers."""
    from . import api, evaluate

    if not gold.exists():
        raise UsageError(f"no such gold file: {gold}")
    report_ = evaluate.evaluate(evaluate.load_gold(gold), *_all_records(api, db))
    if format == "json":
        sys.stdout.write(json.dumps(evaluate.to_json(report_), indent=2) + "\n")
    else:
        sys.stdout.write(evaluate.format_text(report_) + "\n")


def _all_records(api, db: Path):
    with api.open(db) as corpus:
        return corpus.events(), corpus.quotes(), corpus.actors(), corpus.articles()


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover - `python -m communique.cli`
    main()
