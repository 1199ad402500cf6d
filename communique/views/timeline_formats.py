"""The timeline as story threads, in markdown or JSON."""

from __future__ import annotations

import json

from .threads import threads


def _actor(actor: dict | None) -> str:
    return actor["name"] if actor else "?"


def render(events: list[dict], fmt: str) -> str:
    grouped = threads(events)
    if fmt == "json":
        data = [{"thread": t.label, "events": t.events} for t in grouped]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    lines = ["# Timeline", ""]
    for t in grouped:
        lines += [f"## {t.label}", ""]
        for e in t.events:
            when = e["date"] or (
                f"{e['date_start']}..{e['date_end']}" if e["date_start"] else "undated"
            )
            sentence = (e["mentions"][0]["sentence"] if e["mentions"] else "").replace("\n", " ")
            lines.append(
                f"- **{when}** {e['event_type']} {_actor(e['source'])} → {_actor(e['target'])} "
                f"({e['modality']}, {e['num_articles']} article(s)): {sentence}"
            )
        lines.append("")
    return "\n".join(lines)
