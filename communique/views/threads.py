"""Story threads: events grouped by the pair of actors involved (countries where known) and
the broad topic of the event type, in date order; threads ordered by their first event."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

TOPICS = {
    "AGREE": "cooperation",
    "CONSULT": "diplomacy",
    "SUPPORT": "cooperation",
    "CONCEDE": "cooperation",
    "COOPERATE": "cooperation",
    "AID": "aid",
    "RETREAT": "de-escalation",
    "REQUEST": "diplomacy",
    "ACCUSE": "dispute",
    "REJECT": "dispute",
    "THREATEN": "conflict",
    "PROTEST": "dispute",
    "SANCTION": "conflict",
    "MOBILIZE": "conflict",
    "COERCE": "conflict",
    "ASSAULT": "conflict",
}


@dataclass(slots=True)
class Thread:
    label: str
    events: list[dict] = field(default_factory=list)


def _party(actor: dict | None) -> str:
    if not actor:
        return "?"
    return actor.get("country") or actor.get("name") or actor["id"]


def thread_key(event: dict) -> tuple[str, str, str]:
    a, b = sorted((_party(event["source"]), _party(event["target"])))
    return a, b, TOPICS.get(event["event_type"], "other")


def threads(events: list[dict]) -> list[Thread]:
    grouped: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for event in events:
        grouped[thread_key(event)].append(event)
    out = []
    for (a, b, topic), members in grouped.items():
        members.sort(key=lambda e: (e["date_start"] or "9999", e["event_id"]))
        label = f"{a} – {b}: {topic}" if a != b else f"{a}: {topic}"
        out.append(Thread(label, members))
    out.sort(key=lambda t: (t.events[0]["date_start"] or "9999", t.label))
    return out
