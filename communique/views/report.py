"""A self-contained HTML report (viewable offline): story threads with each event's evidence
sentences and highlighted actors, source counts, the actor list, quotes and an actor network.

All article text passes through `html.escape`; the page has no script and loads nothing.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from html import escape

from .threads import threads

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;color:#222;padding:0 1rem}
h1{margin-bottom:.2rem} h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2.2rem}
.meta{color:#666} table{border-collapse:collapse;width:100%} td,th{border-bottom:1px solid #eee;
padding:.3rem .4rem;text-align:left;vertical-align:top} .event{margin:.6rem 0 1rem;padding:.5rem .8rem;
border-left:4px solid #999;background:#fafafa} .q1{border-color:#2a9d4b}.q2{border-color:#7cb342}
.q3{border-color:#f39c12}.q4{border-color:#c0392b} .tag{display:inline-block;padding:0 .4rem;
border-radius:3px;background:#e8e8e8;font-size:.85em;margin-right:.3rem} .mod-asserted{background:#dff0d8}
.mod-planned{background:#d9edf7}.mod-denied,.mod-negated{background:#f2dede}.mod-reported,
.mod-hypothetical{background:#fcf8e3} mark{background:#fff1a8;padding:0 .1rem} blockquote{margin:.3rem 0;
color:#444} .ev{margin:.25rem 0;font-size:.95em} .conflict{color:#a94442}
"""


def _actor_label(actor: dict | None) -> str:
    if not actor:
        return "?"
    return actor["name"] + (
        f" ({actor['country']})" if actor.get("country") and actor["country"] != actor["id"] else ""
    )


def highlight(sentence: str, spans: list[tuple[int, int]]) -> str:
    """Escape the sentence and wrap actor spans (offsets within the sentence) in <mark>."""
    out, cursor = [], 0
    for start, end in sorted(spans):
        if start < cursor or end > len(sentence):
            continue
        out.append(escape(sentence[cursor:start]))
        out.append(f"<mark>{escape(sentence[start:end])}</mark>")
        cursor = end
    out.append(escape(sentence[cursor:]))
    return "".join(out)


def _event_html(event: dict, spans: dict, articles: dict) -> str:
    modality = escape(event["modality"])
    when = event["date"] or (
        f"{event['date_start']} – {event['date_end']}" if event["date_start"] else "undated"
    )
    mode = f"/{escape(event['mode'])}" if event.get("mode") else ""
    place = f" · in {escape(event['location']['name'])}" if event.get("location") else ""
    conflicts = ""
    if event.get("conflicts"):
        parts = "; ".join(
            f"{escape(k)}: {escape(', '.join(map(str, v)))}" for k, v in event["conflicts"].items()
        )
        conflicts = f'<div class="conflict">reports disagree — {parts}</div>'
    evidence = []
    for m in event["mentions"]:
        article = articles.get(m["article_id"], {})
        source = escape(article.get("outlet") or article.get("title") or m["article_id"])
        marked = highlight(
            m["sentence"] or "", spans.get((m["article_id"], m.get("sentence_index")), [])
        )
        evidence.append(
            f'<div class="ev">“{marked}” <span class="meta">— {source}, {escape(str(article.get("published") or "undated"))}</span></div>'
        )
    return (
        f'<div class="event q{event["quad_class"] or 0}">'
        f'<b>{escape(str(when))}</b> <span class="tag">{escape(event["event_type"])}{mode}</span>'
        f'<span class="tag mod-{modality}">{modality}</span> {escape(_actor_label(event["source"]))} → '
        f'{escape(_actor_label(event["target"]))}{place} <span class="meta">· {event["num_articles"]} '
        f"article(s), {event['num_outlets']} outlet(s)</span>{conflicts}{''.join(evidence)}</div>"
    )


def network_svg(events: list[dict], size: int = 560) -> str:
    """Actors on a circle, an edge per actor pair coloured by the mean Goldstein score."""
    weights: dict[tuple[str, str], list[float]] = defaultdict(list)
    labels: dict[str, str] = {}
    for e in events:
        if not (e["source"] and e["target"]) or e["source"]["id"] == e["target"]["id"]:
            continue
        pair = tuple(sorted((e["source"]["id"], e["target"]["id"])))
        weights[pair].append(e["goldstein"] or 0.0)
        labels[e["source"]["id"]] = e["source"]["name"]
        labels[e["target"]["id"]] = e["target"]["name"]
    if not labels:
        return "<p class='meta'>No events between two actors.</p>"
    degree = Counter(a for pair in weights for a in pair)
    nodes = sorted(labels, key=lambda a: (-degree[a], a))[:40]
    centre, radius = size / 2, size / 2 - 110
    pos = {
        a: (
            centre + radius * math.cos(2 * math.pi * i / len(nodes)),
            centre + radius * math.sin(2 * math.pi * i / len(nodes)),
        )
        for i, a in enumerate(nodes)
    }
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" role="img" aria-label="actor network">'
    ]
    for (a, b), scores in sorted(weights.items()):
        if a in pos and b in pos:
            mean = sum(scores) / len(scores)
            colour = "#2a9d4b" if mean > 1 else "#c0392b" if mean < -1 else "#888"
            parts.append(
                f'<line x1="{pos[a][0]:.0f}" y1="{pos[a][1]:.0f}" x2="{pos[b][0]:.0f}" y2="{pos[b][1]:.0f}" '
                f'stroke="{colour}" stroke-width="{1 + min(len(scores), 6)}" opacity=".7"/>'
            )
    for a in nodes:
        x, y = pos[a]
        parts.append(
            f'<circle cx="{x:.0f}" cy="{y:.0f}" r="{4 + min(degree[a], 8)}" fill="#34495e"/>'
            f'<text x="{x:.0f}" y="{y - 10:.0f}" font-size="11" text-anchor="middle">{escape(labels[a][:28])}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def render(
    events: list[dict],
    actors: list[dict],
    quotes: list[dict],
    articles: list[dict],
    spans: dict[tuple[str, int], list[tuple[int, int]]],
    title: str = "communique report",
) -> str:
    by_article = {a["article_id"]: a for a in articles}
    outlets = {a["outlet"] for a in articles if a["outlet"]}
    body = [
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">{len(articles)} articles from {len(outlets)} outlets · {len(events)} events · '
        f"{len(actors)} actors · {len(quotes)} quotes</p>",
        "<h2>Story threads</h2>",
    ]
    for thread in threads(events):
        body.append(
            f"<h3>{escape(thread.label)} <span class='meta'>({len(thread.events)} events)</span></h3>"
        )
        body.extend(_event_html(e, spans, by_article) for e in thread.events)
    body.append("<h2>Actor network</h2>" + network_svg(events))
    body.append("<h2>Quotes</h2><table><tr><th>speaker</th><th>quote</th><th>source</th></tr>")
    for q in quotes:
        speaker = (
            _actor_label(q["speaker"])
            if q["speaker"]
            else f"{q['speaker_mention'] or '?'} (unresolved)"
        )
        relayed = f" via {_actor_label(q['reported_by'])}" if q.get("reported_by") else ""
        outlet = by_article.get(q["article_id"], {}).get("outlet") or q["article_id"]
        body.append(
            f"<tr><td>{escape(speaker + relayed)}</td><td><blockquote>{escape(q['text'])}</blockquote></td>"
            f"<td>{escape(outlet)}</td></tr>"
        )
    body.append(
        "</table><h2>Actors</h2><table><tr><th>actor</th><th>country</th><th>sector</th>"
        "<th>title</th><th>mentions</th><th>aliases</th></tr>"
    )
    for a in actors:
        body.append(
            f"<tr><td>{escape(a['name'] or a['id'])}</td><td>{escape(a['country'] or '—')}</td>"
            f"<td>{escape(a['sector'] or '—')}</td><td>{escape(a['title'] or '—')}</td>"
            f"<td>{a['num_mentions']}</td><td>{escape(', '.join(a['aliases']))}</td></tr>"
        )
    body.append(
        "</table><h2>Sources</h2><table><tr><th>published</th><th>outlet</th><th>title</th></tr>"
    )
    for a in articles:
        dup = f" (copy of {escape(a['duplicate_of'])})" if a["duplicate_of"] else ""
        inferred = " (inferred)" if a["published_inferred"] else ""
        body.append(
            f"<tr><td>{escape(str(a['published'] or a.get('published_start') or 'undated'))}{inferred}</td>"
            f"<td>{escape(a['outlet'] or '—')}</td><td>{escape(a['title'] or a['article_id'])}{dup}</td></tr>"
        )
    body.append("</table>")
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<style>{STYLE}</style></head><body>{''.join(body)}</body></html>"
    )
