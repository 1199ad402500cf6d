"""Rich tables for the terminal. Article text is escaped: markup in a report stays text."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table


def _actor(actor: dict | None) -> str:
    if not actor:
        return "?"
    country = (
        f" ({actor['country']})"
        if actor.get("country") and actor.get("country") != actor.get("id")
        else ""
    )
    return f"{actor['name']}{country}"


def _when(event: dict) -> str:
    if event["date"]:
        return event["date"]
    if event["date_start"]:
        return f"{event['date_start']}..{event['date_end']}"
    return "undated"


def timeline(events: list[dict], max_sentence: int = 120) -> Table:
    table = Table(title=f"Timeline: {len(events)} events", show_lines=False, expand=True)
    table.add_column("date", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("source → target", ratio=2, overflow="fold")
    table.add_column("modality", no_wrap=True)
    table.add_column("n", justify="right", no_wrap=True)
    table.add_column("evidence", ratio=3, overflow="fold")
    for e in events:
        sentence = e["mentions"][0]["sentence"] if e["mentions"] else ""
        if len(sentence) > max_sentence:
            sentence = sentence[: max_sentence - 1] + "…"
        table.add_row(
            _when(e),
            e["event_type"],
            escape(f"{_actor(e['source'])} → {_actor(e['target'])}"),
            e["modality"],
            str(e["num_articles"]),
            escape(sentence),
        )
    return table


def actors(rows: list[dict]) -> Table:
    table = Table(title=f"{len(rows)} actors")
    for column in ("id", "name", "country", "sector", "title", "mentions", "aliases"):
        table.add_column(column, overflow="fold")
    for a in rows:
        table.add_row(
            escape(a["id"]),
            escape(a["name"] or ""),
            a["country"] or "-",
            a["sector"] or "-",
            escape(a["title"] or "-"),
            str(a["num_mentions"]),
            escape(", ".join(a["aliases"])),
        )
    return table


def quotes(rows: list[dict]) -> Table:
    table = Table(title=f"{len(rows)} quotes")
    for column in ("speaker", "reported by", "cue", "direct", "quote"):
        table.add_column(column, overflow="fold")
    for q in rows:
        speaker = (
            _actor(q["speaker"])
            if q["speaker"]
            else f"[dim]{escape(q['speaker_mention'] or '?')}[/dim]"
        )
        table.add_row(
            speaker if q["speaker"] is None else escape(speaker),
            escape(_actor(q["reported_by"])) if q["reported_by"] else "",
            escape(q["cue"] or ""),
            "yes" if q["direct"] else "no",
            escape(q["text"]),
        )
    return table


def rejects(rows: list[dict]) -> Table:
    table = Table(title=f"{len(rows)} rejected inputs")
    for column in ("path", "line", "stage", "reason"):
        table.add_column(column, overflow="fold")
    for r in rows:
        table.add_row(escape(r["path"]), str(r["line"] or ""), r["stage"], escape(r["reason"]))
    return table
