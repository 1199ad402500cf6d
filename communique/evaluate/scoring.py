"""Score export-shaped predictions against a gold file: the `evaluate` stage.

Inputs are the dicts of the `events`, `quotes`, `actors` and `articles` exports
(field names as in the foundation issue). Every figure in the report says what it
counts; docs/gold-format.md explains each one.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from communique.evaluate.gold import Gold, GoldAliasGroup, GoldDate, GoldEvent, GoldQuote
from communique.evaluate.matching import (
    Context,
    TypeIndex,
    as_day,
    compatible,
    contains_name,
    fold,
    match_events,
    near_miss,
    predicted_range,
)


@dataclass(slots=True)
class Score:
    """Counts behind precision, recall and F1."""

    matched_predicted: int = 0
    predicted: int = 0
    matched_gold: int = 0
    gold: int = 0

    @property
    def precision(self) -> float | None:
        return self.matched_predicted / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.matched_gold / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:  # no predictions, or no gold: zero only if the other is
            return 0.0 if 0 in (p, r) else None
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Ratio:
    correct: int = 0
    checked: int = 0

    def add(self, ok: bool) -> None:
        self.checked += 1
        self.correct += int(ok)

    @property
    def value(self) -> float | None:
        return self.correct / self.checked if self.checked else None


@dataclass(slots=True)
class EventOutcome:
    """What became of one gold event."""

    gold_id: str
    type: str
    optional: bool
    status: str  # matched | missed | date-miss (would match if dates were ignored)
    event_id: str | None = None
    gold_modality: str = "asserted"
    predicted_modality: str | None = None
    date: str | None = None  # exact | within | overlap, when the gold gives a date
    articles: tuple[int | None, int | None] = (None, None)  # gold, predicted
    near: str | None = None  # for a missed one: "type" or "side" (see matching.near_miss)


@dataclass(slots=True)
class EvalReport:
    gold_path: str
    events: Score
    events_between_gold_actors: Score
    per_type: dict[str, Score]
    optional_matched: int
    modality: dict[str, dict[str, int]]
    date_exact: Ratio
    date_within: Ratio
    date_overlap: Ratio
    date_misses: int
    near_misses: dict[str, int]
    locations: Ratio
    dedup: Ratio
    split_copies: int
    negatives_checked: int
    negatives_violated: list[dict[str, Any]]
    quote_recall: Ratio
    speaker: Ratio
    reported_by: Ratio
    direct: Ratio
    missing_quotes: list[str]
    alias_groups: list[dict[str, Any]]
    date_expressions: list[dict[str, Any]]
    publication_dates: Ratio
    expressions_exact: Ratio
    expressions_overlap: Ratio
    outcomes: list[EventOutcome] = field(default_factory=list)
    unmatched_predicted: list[dict[str, Any]] = field(default_factory=list)


def evaluate(
    gold: Gold,
    events: list[dict],
    quotes: list[dict],
    actors: list[dict],
    articles: list[dict],
) -> EvalReport:
    """Compare predictions (export-shaped dicts) with `gold`."""
    ctx = Context(actors, gold.actors)
    index = TypeIndex(events)
    matched = match_events(gold.events, index, ctx)
    outcomes = _outcomes(gold.events, index, matched, ctx)
    absorbed = {pi for gi, pi in matched.items() if gold.events[gi].optional}
    scored = [i for i in range(len(events)) if i not in absorbed]
    taken = set(matched.values())
    pairs = [(gold.events[gi], events[pi]) for gi, pi in matched.items()]
    dates = _date_ratios(pairs)
    quote_ratios, missing = _quotes(gold.quotes, quotes, articles, ctx)
    expressions = [_date_expression(d, events, articles) for d in gold.dates]
    return EvalReport(
        gold_path=gold.path,
        events=_overall(gold.events, matched, scored),
        events_between_gold_actors=_between_gold_actors(gold, events, matched, scored, ctx),
        per_type=_per_type(gold.events, events, matched, scored),
        optional_matched=len(absorbed),
        modality=_modality_table(pairs),
        date_exact=dates[0],
        date_within=dates[1],
        date_overlap=dates[2],
        date_misses=sum(o.status == "date-miss" for o in outcomes),
        near_misses=_near_misses(outcomes),
        locations=_locations(pairs),
        dedup=_dedup(pairs),
        split_copies=_split_copies(gold.events, index, matched, ctx),
        negatives_checked=len(gold.negatives),
        negatives_violated=_negatives(gold.negatives, index, ctx),
        quote_recall=quote_ratios[0],
        speaker=quote_ratios[1],
        reported_by=quote_ratios[2],
        direct=quote_ratios[3],
        missing_quotes=missing,
        alias_groups=[_alias_group(g, actors) for g in gold.actors],
        date_expressions=expressions,
        publication_dates=_grades(expressions, False, ("exact", "within")),
        expressions_exact=_grades(expressions, True, ("exact",)),
        expressions_overlap=_grades(expressions, True, ("exact", "overlap")),
        outcomes=outcomes,
        unmatched_predicted=[_summary(events[i]) for i in scored if i not in taken],
    )


# ---------------------------------------------------------------- events


def _outcomes(
    golds: tuple[GoldEvent, ...], index: TypeIndex, matched: dict[int, int], ctx: Context
) -> list[EventOutcome]:
    events = index.events
    taken = set(matched.values())
    outcomes = []
    for gi, gold in enumerate(golds):
        outcome = EventOutcome(gold.id, gold.type, gold.optional, "missed")
        outcome.gold_modality = gold.modality
        if gi in matched:
            event = events[matched[gi]]
            outcome.status, outcome.event_id = "matched", str(event.get("event_id"))
            outcome.predicted_modality = event.get("modality")
            outcome.date = _date_grade(gold, event)
            outcome.articles = (gold.articles, event.get("num_articles"))
        elif any(
            compatible(gold, events[i], ctx, check_date=False)
            for i in index.candidates(gold)
            if i not in taken
        ):
            outcome.status = "date-miss"
        else:
            kinds = {near_miss(gold, events[i], ctx) for i in range(len(events)) if i not in taken}
            outcome.near = next((k for k in ("type", "side") if k in kinds), None)
        outcomes.append(outcome)
    return outcomes


def _near_misses(outcomes: list[EventOutcome]) -> dict[str, int]:
    """Required gold events not found, by what the closest prediction got wrong."""
    missed = [o for o in outcomes if o.status != "matched" and not o.optional]
    return {
        "date": sum(o.status == "date-miss" for o in missed),
        "type": sum(o.near == "type" for o in missed),
        "side": sum(o.near == "side" for o in missed),
        "nothing_near": sum(o.status == "missed" and o.near is None for o in missed),
    }


def _overall(golds: tuple[GoldEvent, ...], matched: dict[int, int], scored: list[int]) -> Score:
    required = [i for i, g in enumerate(golds) if not g.optional]
    hits = sum(i in matched for i in required)
    return Score(hits, len(scored), hits, len(required))


def _between_gold_actors(
    gold: Gold, events: list[dict], matched: dict[int, int], scored: list[int], ctx: Context
) -> Score:
    """Precision over predicted events whose source and target are both actors the gold
    mentions (by country or name): extra events about other actors are not counted."""
    countries, names = _gold_actor_keys(gold)

    def known(obj: dict | None) -> bool:
        if not obj:
            return False
        if obj.get("country") in countries:
            return True
        return any(contains_name(n, alias) for n in names for alias in ctx.names_of(obj))

    inside = [
        i for i in scored if known(events[i].get("source")) and known(events[i].get("target"))
    ]
    hits = set(matched.values())
    overall = _overall(gold.events, matched, scored)
    return Score(sum(i in hits for i in inside), len(inside), overall.matched_gold, overall.gold)


def _gold_actor_keys(gold: Gold) -> tuple[set[str], set[str]]:
    countries: set[str] = set()
    names: set[str] = set()
    specs = [a for e in (*gold.events, *gold.negatives) for a in (e.source, e.target)]
    specs += [a for q in gold.quotes for a in (q.speaker, q.reported_by)]
    for spec in specs:
        if spec is not None:
            countries.update([spec.country] if spec.country else [])
            names.update([spec.name] if spec.name else [])
    for group in gold.actors:
        countries.update([group.country] if group.country else [])
        names.update(group.aliases)
    return countries, names


def _per_type(
    golds: tuple[GoldEvent, ...], events: list[dict], matched: dict[int, int], scored: list[int]
) -> dict[str, Score]:
    """Recall by the gold's primary type; precision by the predicted type."""
    table: dict[str, Score] = defaultdict(Score)
    for gi, gold in enumerate(golds):
        if not gold.optional:
            table[gold.type].gold += 1
            table[gold.type].matched_gold += int(gi in matched)
    hits = set(matched.values())
    for i in scored:
        kind = str(events[i].get("event_type"))
        table[kind].predicted += 1
        table[kind].matched_predicted += int(i in hits)
    return dict(sorted(table.items()))


def _modality_table(pairs: list[tuple[GoldEvent, dict]]) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for gold, event in pairs:
        table[gold.modality][str(event.get("modality"))] += 1
    return {g: dict(row) for g, row in table.items()}


def _date_grade(gold: GoldEvent, event: dict) -> str | None:
    if gold.start is None or gold.end is None:
        return None
    start, end = predicted_range(event)
    if start is None or end is None:
        return "none"
    if (start, end) == (gold.start, gold.end):
        return "exact"
    if gold.start <= start and end <= gold.end:
        return "within"
    return "overlap" if start <= gold.end and gold.start <= end else "outside"


def _date_ratios(pairs: list[tuple[GoldEvent, dict]]) -> tuple[Ratio, Ratio, Ratio]:
    """Exact: the predicted range is the gold range (for a gold day: the same day).
    Within: the predicted range lies inside the gold range. Overlap: they share a day."""
    exact, within, overlap = Ratio(), Ratio(), Ratio()
    for gold, event in pairs:
        grade = _date_grade(gold, event)
        if grade is None:
            continue
        exact.add(grade == "exact")
        within.add(grade in ("exact", "within"))
        overlap.add(grade in ("exact", "within", "overlap"))
    return exact, within, overlap


def _locations(pairs: list[tuple[GoldEvent, dict]]) -> Ratio:
    ratio = Ratio()
    for gold, event in pairs:
        if gold.location is None:
            continue
        place = event.get("location") or {}
        ok = bool(place)
        if ok and gold.location.country:
            ok = place.get("country") == gold.location.country
        if ok and gold.location.name:
            ok = contains_name(gold.location.name, place.get("name") or "")
        ratio.add(ok)
    return ratio


def _dedup(pairs: list[tuple[GoldEvent, dict]]) -> Ratio:
    ratio = Ratio()
    for gold, event in pairs:
        if gold.articles is not None:
            ratio.add(event.get("num_articles") == gold.articles)
    return ratio


def _split_copies(
    golds: tuple[GoldEvent, ...], index: TypeIndex, matched: dict[int, int], ctx: Context
) -> int:
    """Unmatched predicted events that fit a matched gold event: the same real event
    recorded more than once (a dedup failure)."""
    taken = set(matched.values())
    copies = set()
    for gi in matched:
        for i in index.candidates(golds[gi]):
            if i not in taken and compatible(golds[gi], index.events[i], ctx):
                copies.add(i)
    return len(copies)


def _negatives(negatives: tuple[GoldEvent, ...], index: TypeIndex, ctx: Context) -> list[dict]:
    violated = []
    for neg in negatives:
        for i in index.candidates(neg):
            event = index.events[i]
            if event.get("modality") == neg.modality and compatible(neg, event, ctx):
                violated.append({"negative": neg.id, **_summary(event)})
    return violated


def _summary(event: dict) -> dict[str, Any]:
    def who(obj: dict | None) -> str:
        if not obj:
            return "-"
        return f"{obj.get('name') or obj.get('id')} ({obj.get('country') or '?'})"

    mentions = event.get("mentions") or [{}]
    sentence = mentions[0].get("sentence") if isinstance(mentions[0], dict) else None
    return {
        "event_id": event.get("event_id"),
        "event_type": event.get("event_type"),
        "source": who(event.get("source")),
        "target": who(event.get("target")),
        "modality": event.get("modality"),
        "date": event.get("date") or event.get("date_start"),
        "sentence": sentence if isinstance(sentence, str) else None,
    }


# ---------------------------------------------------------------- quotes, actors, dates


def resolve_articles(reference: str, articles: list[dict]) -> set[str]:
    """Article ids that a gold reference names: an id, a URL, a title, or a file name
    (the end of the article's `source_path`, when the export carries it)."""
    ids = set()
    for article in articles:
        path = str(article.get("source_path") or "")
        if (
            reference in (article.get("article_id"), article.get("url"))
            or fold(reference) == fold(str(article.get("title") or ""))
            or (path and (path == reference or path.endswith("/" + reference)))
        ):
            ids.add(str(article.get("article_id")))
    return ids


def _quotes(
    golds: tuple[GoldQuote, ...], quotes: list[dict], articles: list[dict], ctx: Context
) -> tuple[tuple[Ratio, Ratio, Ratio, Ratio], list[str]]:
    found, speaker, relayer, direct = Ratio(), Ratio(), Ratio(), Ratio()
    missing = []
    for gold in golds:
        candidates = [q for q in quotes if fold(gold.fragment) in fold(str(q.get("text") or ""))]
        if gold.article is not None:
            ids = resolve_articles(gold.article, articles)
            candidates = [q for q in candidates if str(q.get("article_id")) in ids]
        found.add(bool(candidates))
        if not candidates:
            missing.append(gold.fragment)
            continue
        best = max(  # the right speaker first, then the quote closest to the fragment
            candidates,
            key=lambda q: (
                ctx.actor_matches(gold.speaker, q.get("speaker")),
                -len(str(q.get("text") or "")),
            ),
        )
        if gold.speaker is not None:
            speaker.add(ctx.actor_matches(gold.speaker, best.get("speaker")))
        if gold.reported_by is not None:
            relayer.add(ctx.actor_matches(gold.reported_by, best.get("reported_by")))
        if gold.direct is not None:
            direct.add(bool(best.get("direct")) == gold.direct)
    return (found, speaker, relayer, direct), missing


def _alias_group(group: GoldAliasGroup, actors: list[dict]) -> dict[str, Any]:
    """Every alias must name exactly one predicted actor, the same one, of the right country."""
    owners: dict[str, set[str]] = {}
    for alias in group.aliases:
        owners[alias] = {
            str(a.get("id"))
            for a in actors
            if fold(alias) in {fold(n) for n in [a.get("name") or "", *(a.get("aliases") or [])]}
        }
    ids = set().union(*owners.values()) if owners else set()
    result: dict[str, Any] = {"name": group.name, "ok": False, "actors": sorted(ids)}
    unseen = [alias for alias, found in owners.items() if not found]
    if unseen:
        result["reason"] = f"no actor has the alias(es) {unseen}"
    elif len(ids) > 1:
        result["reason"] = f"split across {len(ids)} actors"
    else:
        country = next(a.get("country") for a in actors if str(a.get("id")) in ids)
        if group.country and country != group.country:
            result["reason"] = f"country {country}, expected {group.country}"
        else:
            result["ok"] = True
    return result


def _date_expression(gold: GoldDate, events: list[dict], articles: list[dict]) -> dict[str, Any]:
    ids = resolve_articles(gold.article, articles)
    row: dict[str, Any] = {
        "article": gold.article,
        "expression": gold.expression,
        "expected": [gold.start.isoformat(), gold.end.isoformat()],
    }
    if not ids:
        return {**row, "grade": "article-not-found"}
    if gold.expression is None:
        published = [as_day(a.get("published")) for a in articles if a.get("article_id") in ids]
        row["predicted"] = [d.isoformat() if d else None for d in published]
        ok = [d for d in published if d and gold.start <= d <= gold.end]
        exact = any(d == gold.start == gold.end for d in ok)
        return {**row, "grade": "exact" if exact else "within" if ok else "wrong"}
    ranges = _ranges_for_expression(gold, ids, events)
    row["predicted"] = sorted({f"{s}..{e}" for s, e in ranges})
    if not ranges:
        return {**row, "grade": "not-found"}
    if (gold.start, gold.end) in ranges:
        return {**row, "grade": "exact"}
    overlap = any(s and e and s <= gold.end and gold.start <= e for s, e in ranges)
    return {**row, "grade": "overlap" if overlap else "wrong"}


def _grades(rows: list[dict[str, Any]], expressions: bool, good: tuple[str, ...]) -> Ratio:
    """Publication-date rows (no expression) or expression rows, graded good or not."""
    ratio = Ratio()
    for row in rows:
        if (row["expression"] is not None) is expressions:
            ratio.add(row["grade"] in good)
    return ratio


def _ranges_for_expression(
    gold: GoldDate, ids: set[str], events: list[dict]
) -> set[tuple[dt.date | None, dt.date | None]]:
    """Date ranges of events with a mention, in the article, whose sentence holds the
    expression."""
    expression = fold(gold.expression or "")
    ranges = set()
    for event in events:
        for mention in event.get("mentions") or []:
            sentence = mention.get("sentence") if isinstance(mention, dict) else None
            if (
                isinstance(sentence, str)
                and str(mention.get("article_id")) in ids
                and expression in fold(sentence)
            ):
                ranges.add(predicted_range(event))
    return ranges
