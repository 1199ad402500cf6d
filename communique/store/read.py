"""Reading the store as export-shaped records (the public field names of `communique export`)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import duckdb

ACTOR_FIELDS = ("id", "name", "country", "sector", "title")


@dataclass(slots=True)
class EventFilter:
    actor: str | None = None
    country: str | None = None
    event_type: str | None = None
    modality: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    text: str | None = None


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _actor_map(con: duckdb.DuckDBPyConnection) -> dict[str, dict]:
    rows = con.execute(
        "SELECT actor_id, name, country, sector, title, aliases FROM actors"
    ).fetchall()
    return {
        r[0]: {
            "id": r[0],
            "name": r[1],
            "country": r[2],
            "sector": r[3],
            "title": r[4],
            "_aliases": json.loads(r[5] or "[]"),
        }
        for r in rows
    }


def _public(actor: dict | None) -> dict | None:
    return None if actor is None else {k: actor[k] for k in ACTOR_FIELDS}


def _actor_matches(actor: dict | None, needle: str) -> bool:
    if actor is None:
        return False
    needle = needle.casefold()
    forms = [actor["name"] or "", actor["id"], *actor["_aliases"]]
    return any(needle in form.casefold() for form in forms)


def _entity_actor(con, actors: dict[str, dict]) -> dict[tuple[str, str], dict]:
    links = con.execute("SELECT article_id, entity, actor_id FROM entity_actor").fetchall()
    return {(a, e): actors.get(actor_id) for a, e, actor_id in links}


def events(con: duckdb.DuckDBPyConnection, where: EventFilter | None = None) -> list[dict]:
    where = where or EventFilter()
    actors = _actor_map(con)
    evidence: dict[str, list[dict]] = {}
    for event_id, article_id, sentence, start, end, index, modality, trigger in con.execute(
        "SELECT c.event_id, m.article_id, m.sentence, m.start_char, m.end_char, "
        "m.sentence_idx, m.modality, m.trigger "
        "FROM event_clusters c JOIN event_mentions m USING (mention_id) "
        "ORDER BY m.article_id, m.start_char"
    ).fetchall():
        evidence.setdefault(event_id, []).append(
            {
                "article_id": article_id,
                "sentence": sentence,
                "start": start,
                "end": end,
                "sentence_index": index,
                "modality": modality,
                "trigger": trigger,
            }
        )
    out = []
    for row in con.execute(
        "SELECT event_id, event_type, mode, cameo, goldstein, quad_class, source_id, target_id, "
        "date, date_start, date_end, date_precision, location, modality, num_articles, "
        "num_outlets, first_reported, last_reported, confidence, conflicts FROM events "
        "ORDER BY date_start NULLS LAST, event_id"
    ).fetchall():
        record = _event_record(row, actors, evidence.get(row[0], []))
        if _keep(record, actors.get(row[6]), actors.get(row[7]), where):
            out.append(record)
    return out


def _event_record(row, actors: dict[str, dict], mentions: list[dict]) -> dict:
    source, target = actors.get(row[6]), actors.get(row[7])
    return {
        "event_id": row[0],
        "event_type": row[1],
        "mode": row[2],
        "cameo": row[3],
        "goldstein": row[4],
        "quad_class": row[5],
        "date": _iso(row[8]),
        "date_start": _iso(row[9]),
        "date_end": _iso(row[10]),
        "date_precision": row[11],
        "source": _public(source) if source else _placeholder(row[6]),
        "target": _public(target) if target else _placeholder(row[7]),
        "location": json.loads(row[12]) if row[12] else None,
        "modality": row[13],
        "num_articles": row[14],
        "num_outlets": row[15],
        "mentions": mentions,
        "confidence": row[18],
        "first_reported": _iso(row[16]),
        "last_reported": _iso(row[17]),
        "conflicts": json.loads(row[19]) if row[19] else None,
    }


def _placeholder(actor_id: str | None) -> dict | None:
    if actor_id is None:
        return None
    return {"id": actor_id, "name": actor_id, "country": None, "sector": None, "title": None}


def _keep(record: dict, source: dict | None, target: dict | None, where: EventFilter) -> bool:
    if where.event_type and record["event_type"] != where.event_type.upper():
        return False
    if where.modality and record["modality"] != where.modality:
        return False
    if where.actor and not (
        _actor_matches(source, where.actor) or _actor_matches(target, where.actor)
    ):
        return False
    if where.country:
        countries = {(source or {}).get("country"), (target or {}).get("country")}
        if where.country.upper() not in countries:
            return False
    end = record["date_end"] or record["date_start"]
    if where.since and (end is None or end < where.since.isoformat()):
        return False
    if where.until and (
        record["date_start"] is None or record["date_start"] > where.until.isoformat()
    ):
        return False
    if where.text:
        needle = where.text.casefold()
        if not any(needle in (m["sentence"] or "").casefold() for m in record["mentions"]):
            return False
    return True


def actors(
    con: duckdb.DuckDBPyConnection, country: str | None = None, search: str | None = None
) -> list[dict]:
    out = []
    for r in con.execute(
        "SELECT actor_id, name, kind, country, sector, title, aliases, num_mentions, "
        "unresolved_reason FROM actors ORDER BY num_mentions DESC, actor_id"
    ).fetchall():
        record = {
            "id": r[0],
            "name": r[1],
            "country": r[3],
            "sector": r[4],
            "title": r[5],
            "aliases": json.loads(r[6] or "[]"),
            "num_mentions": r[7],
            "kind": r[2],
            "unresolved_reason": r[8],
        }
        if country and record["country"] != country.upper():
            continue
        if search and not _actor_matches({**record, "_aliases": record["aliases"]}, search):
            continue
        out.append(record)
    return out


def quotes(
    con: duckdb.DuckDBPyConnection, speaker: str | None = None, about: str | None = None
) -> list[dict]:
    actor_by_id = _actor_map(con)
    linked = _entity_actor(con, actor_by_id)
    out = []
    for r in con.execute(
        "SELECT quote_id, article_id, text, direct, speaker_entity, speaker_mention, "
        "reported_by_entity, cue, start_char, end_char, unresolved_reason FROM quotes "
        "ORDER BY article_id, start_char"
    ).fetchall():
        spk = linked.get((r[1], r[4])) if r[4] else None
        rep = linked.get((r[1], r[6])) if r[6] else None
        said_by = (
            _actor_matches(spk, speaker) or (r[5] and speaker.casefold() in r[5].casefold())
            if speaker
            else True
        )
        if not said_by:
            continue
        if about and about.casefold() not in r[2].casefold():
            continue
        out.append(
            {
                "quote_id": r[0],
                "article_id": r[1],
                "text": r[2],
                "direct": r[3],
                "speaker": _public(spk),
                "speaker_mention": r[5],
                "reported_by": _public(rep),
                "cue": r[7],
                "start": r[8],
                "end": r[9],
                "unresolved_reason": r[10],
            }
        )
    return out


def articles(con: duckdb.DuckDBPyConnection) -> list[dict]:
    return [
        {
            "article_id": r[0],
            "title": r[1],
            "outlet": r[2],
            "url": r[3],
            "published": _iso(r[4]),
            "published_inferred": bool(r[5]),
            "duplicate_of": r[8],
            "num_sentences": r[9],
            "published_start": _iso(r[6]),
            "published_end": _iso(r[7]),
            "source_path": r[10],
        }
        for r in con.execute(
            "SELECT article_id, title, outlet, url, published, published_inferred, "
            "published_start, published_end, duplicate_of, num_sentences, source_path "
            "FROM articles ORDER BY published NULLS LAST, article_id"
        ).fetchall()
    ]


def rejects(con: duckdb.DuckDBPyConnection) -> list[dict]:
    return [
        {"path": r[0], "stage": r[1], "reason": r[2], "line": r[3]}
        for r in con.execute(
            "SELECT path, stage, reason, line FROM rejected ORDER BY path, line"
        ).fetchall()
    ]


COUNTED = (
    "articles",
    "sentences",
    "mentions",
    "actors",
    "events",
    "event_mentions",
    "quotes",
    "rejected",
)


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}


def actor_spans(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, int], list[tuple[int, int]]]:
    """Actor mention spans per sentence, as offsets within the sentence (for highlighting)."""
    spans: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for article_id, idx, start, end in con.execute(
        "SELECT m.article_id, m.sentence_idx, m.start_char - s.start_char, m.end_char - s.start_char "
        "FROM mentions m JOIN sentences s ON s.article_id = m.article_id AND s.idx = m.sentence_idx "
        "WHERE m.role = 'actor' ORDER BY 1, 2, 3"
    ).fetchall():
        spans.setdefault((article_id, idx), []).append((start, end))
    return spans
