"""Matching predicted events and actors to gold ones.

Names match case- and diacritic-insensitively as whole words contained in the
predicted actor's name or aliases; a gold name that belongs to an alias group stands
for every alias of the group. A gold event matches a predicted event when the type is
the gold type or an allowed alternative, every actor the gold states matches (either
direction for symmetric events), and the date ranges overlap when the gold gives one.
Pairs are assigned one to one, greedily: required gold before optional, then the pair
with the same modality, then exact dates, then the primary type.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from typing import Any

from communique.evaluate.gold import GoldActor, GoldAliasGroup, GoldEvent


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-, diacritic- and punctuation-insensitive form of a name ("Erdoğan" = "erdogan")."""
    text = text.replace("ı", "i").replace("ø", "o").replace("ł", "l").replace("đ", "d")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[\u2018\u2019\u02bc`´]", "'", text)
    return " ".join(re.sub(r"[-‐‑–—_./]", " ", text).split())


@lru_cache(maxsize=65536)
def _word_pattern(name: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")


def contains_name(needle: str, haystack: str) -> bool:
    """Folded `needle` occurs in folded `haystack` as whole words."""
    return bool(_word_pattern(fold(needle)).search(fold(haystack)))


class Context:
    """What matching needs: predicted actors by id and the gold alias groups."""

    def __init__(self, actors: list[dict], groups: tuple[GoldAliasGroup, ...]) -> None:
        self.actors = {str(a.get("id")): a for a in actors if a.get("id") is not None}
        self.expansions: dict[str, tuple[str, ...]] = {}
        for group in groups:
            for alias in group.aliases:
                self.expansions[fold(alias)] = group.aliases

    def names_of(self, obj: dict | None) -> list[str]:
        """Every surface form known for a predicted actor object."""
        if not obj:
            return []
        names = [obj.get("name") or ""]
        full = self.actors.get(str(obj.get("id")))
        if full:
            names += [full.get("name") or "", *(full.get("aliases") or [])]
        names += list(obj.get("aliases") or [])
        return [n for n in names if n]

    def actor_matches(self, gold: GoldActor | None, obj: dict | None) -> bool:
        if gold is None:
            return True
        if obj is None:
            return False
        if gold.country and obj.get("country") != gold.country:
            return False
        if gold.name:
            wanted = self.expansions.get(fold(gold.name), (gold.name,))
            names = self.names_of(obj)
            return any(contains_name(w, n) for w in wanted for n in names)
        return True


def as_day(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def predicted_range(event: dict) -> tuple[dt.date | None, dt.date | None]:
    start = as_day(event.get("date_start")) or as_day(event.get("date"))
    end = as_day(event.get("date_end")) or start
    return start, end


def _overlaps(a: tuple[dt.date | None, dt.date | None], b: tuple[dt.date, dt.date]) -> bool:
    return a[0] is not None and a[1] is not None and a[0] <= b[1] and b[0] <= a[1]


def compatible(gold: GoldEvent, event: dict, ctx: Context, check_date: bool = True) -> bool:
    """Does the predicted `event` satisfy everything the gold event states (but modality)?"""
    if event.get("event_type") not in gold.types:
        return False
    src, tgt = event.get("source"), event.get("target")
    forward = ctx.actor_matches(gold.source, src) and ctx.actor_matches(gold.target, tgt)
    backward = gold.symmetric and (
        ctx.actor_matches(gold.source, tgt) and ctx.actor_matches(gold.target, src)
    )
    if not (forward or backward):
        return False
    if check_date and gold.start is not None:
        assert gold.end is not None
        return _overlaps(predicted_range(event), (gold.start, gold.end))
    return True


def near_miss(gold: GoldEvent, event: dict, ctx: Context) -> str | None:
    """How an unmatched predicted `event` falls short of `gold`: "type" (the gold's sides
    and dates, another type) or "side" (the gold's type and dates, one side right and the
    other wrong or missing); None when it is no near miss."""
    dated = gold.start is not None and gold.end is not None
    if dated and not _overlaps(predicted_range(event), (gold.start, gold.end)):
        return None
    src, tgt = event.get("source"), event.get("target")
    sides = [(src, tgt)] + ([(tgt, src)] if gold.symmetric else [])
    hits = [
        (ctx.actor_matches(gold.source, one), ctx.actor_matches(gold.target, other))
        for one, other in sides
    ]
    if event.get("event_type") not in gold.types:
        return "type" if any(all(pair) for pair in hits) else None
    stated = gold.source is not None and gold.target is not None
    return "side" if stated and any(any(pair) for pair in hits) else None


def _preference(gold: GoldEvent, event: dict) -> tuple[int, int, int]:
    """Higher is a better partner: same modality, exact dates, the primary type."""
    same_dates = gold.start is not None and predicted_range(event) == (gold.start, gold.end)
    return (
        int(event.get("modality") == gold.modality),
        int(same_dates),
        int(event.get("event_type") == gold.type),
    )


class TypeIndex:
    """Predicted events blocked by type, so a gold event is compared only with its kind."""

    def __init__(self, events: list[dict]) -> None:
        self.events = events
        self.by_type: dict[str, list[int]] = defaultdict(list)
        for index, event in enumerate(events):
            self.by_type[str(event.get("event_type"))].append(index)

    def candidates(self, gold: GoldEvent) -> list[int]:
        return [i for kind in dict.fromkeys(gold.types) for i in self.by_type.get(kind, [])]


def match_events(golds: tuple[GoldEvent, ...], index: TypeIndex, ctx: Context) -> dict[int, int]:
    """One-to-one greedy matching: required gold first, then the best-preferred pairs."""
    events = index.events
    pairs = []
    for gi, gold in enumerate(golds):
        for pi in index.candidates(gold):
            if compatible(gold, events[pi], ctx):
                pairs.append((gold.optional, _preference(gold, events[pi]), gi, pi))
    pairs.sort(key=lambda p: (p[0], tuple(-x for x in p[1]), p[2], p[3]))
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for _, _, gi, pi in pairs:
        if gi not in matched and pi not in taken:
            matched[gi] = pi
            taken.add(pi)
    return matched
