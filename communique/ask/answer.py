"""Passages and answers: loading the chosen documents with their article, formatting them
as text or JSON, and the optional synthesis by an OpenAI-compatible chat endpoint.

Without `llm` nothing here touches the network: the extractive answer is the passages.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field

import duckdb

from ..actors import kb
from ..errors import CommuniqueError

LLM_TIMEOUT = 120
LLM_MODEL = os.environ.get("COMMUNIQUE_LLM_MODEL", "default")
SYSTEM_PROMPT = (
    "You answer an analyst's question about international politics using only the numbered "
    "news passages given. Write a short answer (at most five sentences). Cite every claim "
    "with the passage numbers in square brackets, like [1] or [2][3]. If the passages do not "
    "answer the question, say so."
)


class LLMError(CommuniqueError):
    """The --llm endpoint failed or answered in an unexpected shape."""


@dataclass(slots=True)
class Passage:
    rank: int
    score: float
    kind: str  # "sentence" | "quote" | "event"
    text: str
    context: str  # the sentence the passage is in
    article_id: str
    start: int  # character offsets in the article text
    end: int
    sentence_index: int | None
    speaker: dict | None  # {"id", "name"} for quotes
    event: dict | None  # {"type", "mode", "source", "target", "modality", "trigger", "date"}
    outlet: str | None
    title: str | None
    published: str | None
    url: str | None


@dataclass(slots=True)
class Answer:
    question: str
    passages: list[Passage]
    answer: str | None = None  # the LLM's synthesis, when --llm was given
    named: list[str] = field(default_factory=list)  # actor keys found in the question
    retrievers: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_text(self) -> str:
        lines = [f"Q: {self.question}", ""]
        if self.answer:
            lines += [self.answer.strip(), ""]
        if not self.passages:
            lines.append("No passage matches the question.")
        lines += [line for p in self.passages for line in passage_lines(p)]
        return "\n".join(lines).rstrip() + "\n"


_DOC_SQL = """
SELECT d.doc_id, d.kind, d.text, d.context, d.article_id, d.start_char, d.end_char,
       d.sentence_idx, d.speaker, d.speaker_name, d.event,
       a.outlet, a.title, CAST(a.published AS VARCHAR), a.url
FROM ask_docs d JOIN articles a USING (article_id) WHERE d.doc_id IN (SELECT unnest(?))
"""


def _actor_names(con: duckdb.DuckDBPyConnection, pairs: set[tuple[str, str]]) -> dict:
    """(article_id, entity) -> {"id", "name"} of the corpus actor it resolved to."""
    if not pairs:
        return {}
    rows = con.execute(
        "SELECT ea.article_id, ea.entity, ac.actor_id, ac.name FROM entity_actor ea "
        "JOIN actors ac USING (actor_id) WHERE ea.article_id || '\x1f' || ea.entity IN "
        "(SELECT unnest(?))",
        [[f"{a}\x1f{e}" for a, e in pairs]],
    ).fetchall()
    countries = kb.load().countries
    return {
        (a, e): {
            "id": actor_id,
            "name": countries[actor_id].name if actor_id in countries else name,
        }
        for a, e, actor_id, name in rows
    }


def _entities(row: tuple) -> set[tuple[str, str]]:
    event = json.loads(row[10]) if row[10] else {}
    found = {row[8], event.get("source"), event.get("target")}
    return {(row[4], e) for e in found if e}


def load(con: duckdb.DuckDBPyConnection, ranked: list[tuple[str, float]]) -> list[Passage]:
    """Passages for (doc_id, score) pairs, in that order."""
    rows = {r[0]: r for r in con.execute(_DOC_SQL, [[d for d, _ in ranked]]).fetchall()}
    names = _actor_names(con, set().union(*(_entities(r) for r in rows.values())))
    out = []
    for rank, (doc_id, score) in enumerate(ranked, start=1):
        r = rows[doc_id]
        aid = r[4]
        speaker = names.get((aid, r[8]), {"id": r[8], "name": r[9]}) if r[8] or r[9] else None
        event = json.loads(r[10]) if r[10] else None
        if event:
            for part in ("source", "target"):
                event[part] = names.get((aid, event[part]), event[part] and {"id": event[part], "name": event[part]})  # fmt: skip
        out.append(Passage(rank, round(score, 6), r[1], r[2], r[3], aid, r[5], r[6], r[7],
                           speaker, event, r[11], r[12], r[13], r[14]))  # fmt: skip
    return out


def passage_lines(p: Passage) -> list[str]:
    said = f" (said by {p.speaker['name']})" if p.speaker else ""
    if p.event:
        parts = [(p.event.get(x) or {}).get("name") for x in ("source", "target")]
        said = f" (event {p.event['type']}: {' -> '.join(n or '?' for n in parts)})"
    where = ", ".join(x for x in (p.outlet, p.published) if x) or "unknown outlet/date"
    lines = [f"[{p.rank}] {p.text}{said}",
             f"    {where}; article {p.article_id}, chars {p.start}-{p.end}"]  # fmt: skip
    if p.kind == "quote" and p.context and p.context != p.text:
        lines.insert(1, f"    in: {p.context}")
    return lines + [""]


def _prompt(question: str, passages: list[Passage]) -> str:
    blocks = []
    for p in passages:
        said = f" {p.speaker['name']} said:" if p.speaker else ""
        meta = ", ".join(x for x in (p.outlet, p.published) if x)
        blocks.append(f"[{p.rank}] ({meta}){said} {p.context or p.text}")
    return f"Question: {question}\n\nPassages:\n" + "\n".join(blocks)


def _endpoint(url: str) -> str:
    url = url.rstrip("/")
    return url if url.endswith("/chat/completions") else url + "/chat/completions"


def synthesise(url: str, question: str, passages: list[Passage]) -> str:
    """A short answer citing passages by number, from an OpenAI-compatible chat endpoint."""
    body = {
        "model": LLM_MODEL,
        "temperature": 0,
        "messages": [
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": _prompt(question, passages)},
        ],
    }
    request = urllib.request.Request(
        _endpoint(url),
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=LLM_TIMEOUT) as response:  # noqa: S310
            reply = json.load(response)
        return reply["choices"][0]["message"]["content"].strip()
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise LLMError(
            f"the --llm endpoint {_endpoint(url)} failed ({exc}); check the URL"
        ) from exc
    except (KeyError, IndexError, TypeError) as exc:
        raise LLMError(
            f"the --llm endpoint {_endpoint(url)} did not answer like an OpenAI chat "
            f"completion (no choices[0].message.content)"
        ) from exc
