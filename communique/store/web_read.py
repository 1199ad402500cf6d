"""Reads for the web app: one event with all its evidence, one article with everything it
contributes, and paging. Records keep the export field names of `read.py` and add the
offsets a page needs to highlight actors inside a sentence.

Offsets named `*_in_sentence` are relative to the sentence's text; every other `start`/`end`
indexes the stored article text.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from . import read

ARTICLE_META = (
    "article_id",
    "title",
    "outlet",
    "url",
    "published",
    "published_inferred",
    "published_start",
    "published_end",
    "duplicate_of",
    "num_sentences",
)

EVENT_COLUMNS = (
    "event_id, event_type, mode, cameo, goldstein, quad_class, source_id, target_id, "
    "date, date_start, date_end, date_precision, location, modality, num_articles, "
    "num_outlets, first_reported, last_reported, confidence, conflicts"
)


@dataclass(slots=True)
class Page:
    """A slice of a longer list, with the total the client needs to page on."""

    items: list[dict]
    total: int
    limit: int
    offset: int

    def as_dict(self) -> dict:
        return {
            "total": self.total,
            "limit": self.limit,
            "offset": self.offset,
            "items": self.items,
        }


def page(items: list[dict], limit: int, offset: int) -> Page:
    return Page(items[offset : offset + limit], len(items), limit, offset)


def summary(con: duckdb.DuckDBPyConnection) -> dict:
    """Row counts and the date span of the events (for the page header and timeline)."""
    first, last = con.execute(
        "SELECT min(date_start), max(coalesce(date_end, date_start)) FROM events"
    ).fetchone()
    return {
        "counts": read.counts(con),
        "first_date": read._iso(first),
        "last_date": read._iso(last),
    }


# --- one event ------------------------------------------------------------------------


def event_detail(con: duckdb.DuckDBPyConnection, event_id: str) -> dict | None:
    """The export record of one event; each mention carries its article, its sentence and
    the actor spans within that sentence."""
    row = con.execute(
        f"SELECT {EVENT_COLUMNS} FROM events WHERE event_id = ?", [event_id]
    ).fetchone()
    if row is None:
        return None
    actors = read._actor_map(con)
    record = read._event_record(row, actors, _event_mentions(con, event_id))
    for mention in record["mentions"]:
        _add_context(con, mention, actors)
    record["quotes"] = _related_quotes(con, record, actors)
    return record


def _event_mentions(con: duckdb.DuckDBPyConnection, event_id: str) -> list[dict]:
    rows = con.execute(
        "SELECT m.mention_id, m.article_id, m.sentence, m.start_char, m.end_char, m.sentence_idx, "
        "m.modality, m.trigger, m.date_start, m.date_end, m.date_text "
        "FROM event_clusters c JOIN event_mentions m USING (mention_id) "
        "WHERE c.event_id = ? ORDER BY m.article_id, m.start_char",
        [event_id],
    ).fetchall()
    return [
        {
            "article_id": r[1],
            "sentence": r[2],
            "start": r[3],
            "end": r[4],
            "sentence_index": r[5],
            "modality": r[6],
            "trigger": r[7],
            "mention_id": r[0],
            "date_start": read._iso(r[8]),
            "date_end": read._iso(r[9]),
            "date_text": r[10],
        }
        for r in rows
    ]


def _add_context(con: duckdb.DuckDBPyConnection, mention: dict, actors: dict[str, dict]) -> None:
    """Attach the article's metadata, the stored sentence and the actor spans in it."""
    mention["article"] = _article_meta(con, mention["article_id"])
    sentence = con.execute(
        "SELECT start_char, text FROM sentences WHERE article_id = ? AND idx = ?",
        [mention["article_id"], mention["sentence_index"]],
    ).fetchone()
    offset, text = sentence if sentence else (mention["start"] or 0, mention["sentence"] or "")
    mention["sentence_text"] = text
    mention["sentence_start"] = offset
    mention["clause_in_sentence"] = _clip(
        (mention["start"] or offset) - offset, (mention["end"] or offset) - offset, len(text)
    )
    mention["actor_spans"] = [
        span
        for span in _actor_spans(con, mention["article_id"], actors)
        if span["sentence_index"] == mention["sentence_index"]
    ]
    for span in mention["actor_spans"]:
        span["start_in_sentence"], span["end_in_sentence"] = (
            span["start"] - offset,
            span["end"] - offset,
        )


def _clip(start: int, end: int, length: int) -> list[int]:
    start = max(0, min(start, length))
    return [start, max(start, min(end, length))]


def _article_meta(con: duckdb.DuckDBPyConnection, article_id: str) -> dict | None:
    row = con.execute(
        f"SELECT {', '.join(ARTICLE_META)} FROM articles WHERE article_id = ?", [article_id]
    ).fetchone()
    if row is None:
        return None
    meta = dict(zip(ARTICLE_META, row, strict=True))
    for key in ("published", "published_start", "published_end"):
        meta[key] = read._iso(meta[key])
    meta["published_inferred"] = bool(meta["published_inferred"])
    return meta


def _entity_links(con: duckdb.DuckDBPyConnection, article_id: str, actors: dict) -> dict:
    rows = con.execute(
        "SELECT entity, actor_id FROM entity_actor WHERE article_id = ?", [article_id]
    ).fetchall()
    return {entity: actors.get(actor_id) for entity, actor_id in rows}


def _actor_spans(con: duckdb.DuckDBPyConnection, article_id: str, actors: dict) -> list[dict]:
    """Every actor mention of an article, with the canonical actor it resolved to."""
    links = _entity_links(con, article_id, actors)
    rows = con.execute(
        "SELECT sentence_idx, start_char, end_char, text, entity, role FROM mentions "
        "WHERE article_id = ? AND role = 'actor' ORDER BY start_char, end_char",
        [article_id],
    ).fetchall()
    return [
        {
            "sentence_index": r[0],
            "start": r[1],
            "end": r[2],
            "text": r[3],
            "actor": read._public(links.get(r[4])) or read._placeholder(r[4]),
        }
        for r in rows
    ]


def _related_quotes(con: duckdb.DuckDBPyConnection, event: dict, actors: dict) -> list[dict]:
    """Quotes in the event's articles spoken by its source or target, or by someone of
    the same country (a minister speaking for a state)."""
    parties = [a for a in (event["source"], event["target"]) if a]
    wanted = {a["id"] for a in parties} | {a["country"] for a in parties if a["country"]}
    out = []
    for article_id in sorted({m["article_id"] for m in event["mentions"]}):
        out.extend(
            q
            for q in _article_quotes(con, article_id, actors)
            if q["speaker"] and wanted & {q["speaker"]["id"], q["speaker"]["country"]}
        )
    return out


# --- one article ----------------------------------------------------------------------


def article_detail(con: duckdb.DuckDBPyConnection, article_id: str) -> dict | None:
    """An article's metadata and text, its sentences, actor spans, and the events and
    quotes it contributes."""
    meta = _article_meta(con, article_id)
    if meta is None:
        return None
    actors = read._actor_map(con)
    text = con.execute("SELECT text FROM articles WHERE article_id = ?", [article_id]).fetchone()[0]
    sentences = con.execute(
        "SELECT idx, start_char, end_char, kind FROM sentences WHERE article_id = ? ORDER BY idx",
        [article_id],
    ).fetchall()
    return {
        **meta,
        "text": text,
        "sentences": [{"index": s[0], "start": s[1], "end": s[2], "kind": s[3]} for s in sentences],
        "mentions": _actor_spans(con, article_id, actors),
        "events": _article_events(con, article_id, actors),
        "quotes": _article_quotes(con, article_id, actors),
    }


def _article_events(con: duckdb.DuckDBPyConnection, article_id: str, actors: dict) -> list[dict]:
    rows = con.execute(
        "SELECT e.event_id, e.event_type, e.modality, e.quad_class, e.goldstein, e.source_id, "
        "e.target_id, e.date_start, e.date_end, m.sentence_idx, m.start_char, m.end_char, m.trigger "
        "FROM event_mentions m JOIN event_clusters c USING (mention_id) "
        "JOIN events e ON e.event_id = c.event_id "
        "WHERE m.article_id = ? ORDER BY m.start_char",
        [article_id],
    ).fetchall()
    return [
        {
            "event_id": r[0],
            "event_type": r[1],
            "modality": r[2],
            "quad_class": r[3],
            "goldstein": r[4],
            "source": _actor(actors, r[5]),
            "target": _actor(actors, r[6]),
            "date_start": read._iso(r[7]),
            "date_end": read._iso(r[8]),
            "sentence_index": r[9],
            "start": r[10],
            "end": r[11],
            "trigger": r[12],
        }
        for r in rows
    ]


def _actor(actors: dict, actor_id: str | None) -> dict | None:
    actor = actors.get(actor_id) if actor_id else None
    return read._public(actor) if actor else read._placeholder(actor_id)


def _article_quotes(con: duckdb.DuckDBPyConnection, article_id: str, actors: dict) -> list[dict]:
    links = _entity_links(con, article_id, actors)
    rows = con.execute(
        "SELECT quote_id, text, direct, speaker_entity, speaker_mention, reported_by_entity, cue, "
        "start_char, end_char, sentence_idx FROM quotes WHERE article_id = ? ORDER BY start_char",
        [article_id],
    ).fetchall()
    return [
        {
            "quote_id": r[0],
            "article_id": article_id,
            "text": r[1],
            "direct": r[2],
            "speaker": read._public(links.get(r[3])) if r[3] else None,
            "speaker_mention": r[4],
            "reported_by": read._public(links.get(r[5])) if r[5] else None,
            "cue": r[6],
            "start": r[7],
            "end": r[8],
            "sentence_index": r[9],
        }
        for r in rows
    ]
