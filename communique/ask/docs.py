"""Retrieval documents built from the store: one per sentence, quote and event mention.

Each document keeps the text an analyst reads (`text`), the sentence around it (`context`),
the text that is indexed (`index_text`: the text plus the names of the actors in it, so that
"Turkey" finds a sentence that says "Ankara" or "Erdogan"), and the actors it involves with
their part in it (speaker, source, target, subject or a plain mention).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

import duckdb

from ..actors import kb

# An actor mention starting this early in a sentence is taken as its subject.
SUBJECT_WINDOW = 0.35
ROLES = ("speaker", "source", "subject", "target", "mention")


@dataclass(slots=True)
class DocActor:
    entity: str
    country: str | None
    role: str  # one of ROLES


@dataclass(slots=True)
class Doc:
    doc_id: str
    kind: str  # "sentence" | "quote" | "event"
    article_id: str
    sentence_idx: int | None
    start: int
    end: int
    text: str
    context: str
    index_text: str
    speaker: str | None = None  # entity key of the speaker (quotes)
    speaker_name: str | None = None
    event: dict | None = None
    actors: list[DocActor] = field(default_factory=list)


@dataclass(slots=True)
class _Article:
    sentences: dict[int, tuple] = field(default_factory=dict)  # idx -> (start, end, text)
    mentions: dict[int, list[tuple]] = field(default_factory=lambda: defaultdict(list))
    names: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # entity -> name, cc


def _rows(con: duckdb.DuckDBPyConnection, sql: str, ids: list[str]) -> list[tuple]:
    return con.execute(sql, [ids]).fetchall()


def _load(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, _Article]:
    arts: dict[str, _Article] = defaultdict(_Article)
    for aid, idx, start, end, text in _rows(
        con,
        "SELECT article_id, idx, start_char, end_char, text FROM sentences "
        "WHERE article_id IN (SELECT unnest(?)) ORDER BY article_id, idx",
        ids,
    ):
        arts[aid].sentences[idx] = (start, end, " ".join(text.split()))
    for aid, idx, start, entity, country in _rows(
        con,
        "SELECT article_id, sentence_idx, start_char, entity, country FROM mentions "
        "WHERE article_id IN (SELECT unnest(?)) AND role = 'actor' AND entity IS NOT NULL "
        "ORDER BY article_id, start_char",
        ids,
    ):
        arts[aid].mentions[idx].append((start, entity, country))
    for aid, entity, name, country in _rows(
        con,
        "SELECT article_id, entity, name, country FROM entities "
        "WHERE article_id IN (SELECT unnest(?))",
        ids,
    ):
        arts[aid].names[entity] = (name, country)
    return arts


def _country_name(code: str | None) -> str:
    country = kb.load().countries.get(code or "")
    return country.name if country else ""


def _actor_words(art: _Article, entities: list[str]) -> str:
    """Names of the actors (and of their countries) to index beside the text."""
    words: list[str] = []
    for entity in dict.fromkeys(entities):
        name, country = art.names.get(entity, (None, None))
        words.extend(w for w in (name, _country_name(country)) if w)
    return " ".join(dict.fromkeys(words))


def _sentence_actors(art: _Article, idx: int) -> list[DocActor]:
    start, end, _ = art.sentences[idx]
    cutoff = start + SUBJECT_WINDOW * max(end - start, 1)
    found: dict[str, DocActor] = {}
    for m_start, entity, country in art.mentions.get(idx, []):
        role = "subject" if m_start <= cutoff else "mention"
        if entity not in found or role == "subject":
            found[entity] = DocActor(entity, country, role)
    return list(found.values())


def _sentence_docs(aid: str, art: _Article) -> Iterator[Doc]:
    for idx, (start, end, text) in art.sentences.items():
        actors = _sentence_actors(art, idx)
        words = _actor_words(art, [a.entity for a in actors])
        yield Doc(f"s:{aid}:{idx}", "sentence", aid, idx, start, end, text, text,
                  f"{text} {words}", actors=actors)  # fmt: skip


def _context(art: _Article, idx: int | None) -> str:
    return art.sentences[idx][2] if idx in art.sentences else ""


def _quote_docs(con, ids: list[str], arts: dict[str, _Article]) -> Iterator[Doc]:
    for qid, aid, text, start, end, speaker, mention, idx in _rows(
        con,
        "SELECT quote_id, article_id, text, start_char, end_char, speaker_entity, "
        "speaker_mention, sentence_idx FROM quotes WHERE article_id IN (SELECT unnest(?))",
        ids,
    ):
        art = arts[aid]
        around = _sentence_actors(art, idx) if idx in art.sentences else []
        actors = [DocActor(a.entity, a.country, "mention") for a in around if a.entity != speaker]
        if speaker:
            actors.insert(0, DocActor(speaker, art.names.get(speaker, (None, None))[1], "speaker"))
        name = art.names.get(speaker, (mention, None))[0] if speaker else mention
        text = " ".join(text.split())
        words = _actor_words(art, [a.entity for a in actors])
        yield Doc(f"q:{qid}", "quote", aid, idx, start, end, text, _context(art, idx),
                  f"{name or ''} {text} {words}", speaker, name, actors=actors)  # fmt: skip


def _event_docs(con, ids: list[str], arts: dict[str, _Article]) -> Iterator[Doc]:
    for row in _rows(
        con,
        "SELECT mention_id, article_id, event_type, mode, source_entity, target_entity, "
        "modality, trigger, sentence_idx, sentence, start_char, end_char, date_start "
        "FROM event_mentions WHERE article_id IN (SELECT unnest(?))",
        ids,
    ):
        (
            mid,
            aid,
            etype,
            mode,
            source,
            target,
            modality,
            trigger,
            idx,
            sentence,
            start,
            end,
            date,
        ) = row
        art = arts[aid]
        parts = [(source, "source"), (target, "target")]
        actors = [DocActor(e, art.names.get(e, (None, None))[1], r) for e, r in parts if e]
        text = " ".join((sentence or "").split())
        event = {"type": etype, "mode": mode, "source": source, "target": target,
                 "modality": modality, "trigger": trigger,
                 "date": date.isoformat() if date else None}  # fmt: skip
        label = " ".join(w for w in (etype or "", mode or "", trigger or "") if w).lower()
        words = _actor_words(art, [a.entity for a in actors])
        yield Doc(f"e:{mid}", "event", aid, idx, start, end, text, text,
                  f"{text} {label} {words}", event=event, actors=actors)  # fmt: skip


def build(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> list[Doc]:
    """Every document of these articles."""
    if not article_ids:
        return []
    arts = _load(con, article_ids)
    docs: list[Doc] = []
    for aid, art in arts.items():
        docs.extend(_sentence_docs(aid, art))
    docs.extend(_quote_docs(con, article_ids, arts))
    docs.extend(_event_docs(con, article_ids, arts))
    return docs


def event_json(doc: Doc) -> str | None:
    return json.dumps(doc.event) if doc.event else None
