"""Gold files: typed records and the loader that validates them (docs/gold-format.md).

A gold file is YAML (or JSON) with the sections events, negatives, quotes, actors and
dates, or JSONL with one record per line carrying a `section` key. Anything malformed
raises UsageError naming the file, the record and the field.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from communique.errors import UsageError
from communique.records import MODALITIES

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
SECTIONS = ("events", "negatives", "quotes", "actors", "dates")
_ISO3 = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True, slots=True)
class GoldActor:
    """An actor as the gold names it: a name, an ISO3 country, or both (all must match)."""

    name: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    id: str
    type: str
    alt_types: tuple[str, ...] = ()
    source: GoldActor | None = None
    target: GoldActor | None = None
    symmetric: bool = False
    start: dt.date | None = None
    end: dt.date | None = None
    modality: str = "asserted"
    articles: int | None = None
    location: GoldActor | None = None
    optional: bool = False

    @property
    def types(self) -> tuple[str, ...]:
        return (self.type, *self.alt_types)


@dataclass(frozen=True, slots=True)
class GoldQuote:
    fragment: str
    speaker: GoldActor | None = None
    reported_by: GoldActor | None = None
    direct: bool | None = None
    article: str | None = None


@dataclass(frozen=True, slots=True)
class GoldAliasGroup:
    name: str
    country: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GoldDate:
    """A temporal expression in an article, or (no expression) its publication date."""

    article: str
    start: dt.date
    end: dt.date
    expression: str | None = None


@dataclass(frozen=True, slots=True)
class Gold:
    events: tuple[GoldEvent, ...] = ()
    negatives: tuple[GoldEvent, ...] = ()
    quotes: tuple[GoldQuote, ...] = ()
    actors: tuple[GoldAliasGroup, ...] = ()
    dates: tuple[GoldDate, ...] = ()
    path: str = ""


def load_gold(path: Path) -> Gold:
    """Read and validate a gold file; a bad file raises UsageError saying where and why."""
    path = Path(path)
    raw = _read_raw(path)
    where = str(path)
    unknown = set(raw) - set(SECTIONS) - {"version", "description"}
    if unknown:
        raise UsageError(f"{where}: unknown section(s) {sorted(unknown)}; expected {SECTIONS}")
    if not any(raw.get(name) for name in SECTIONS):
        raise UsageError(f"{where}: no events, negatives, quotes, actors or dates to check")
    rows = {name: _list(raw.get(name), f"{where}: {name}") for name in SECTIONS}

    def parsed(name: str, parse: Any) -> tuple[Any, ...]:
        return tuple(parse(row, f"{where}: {name}[{i}]", i) for i, row in enumerate(rows[name]))

    gold = Gold(
        events=parsed("events", _event),
        negatives=parsed("negatives", lambda r, w, i: _event(r, w, i, negative=True)),
        quotes=parsed("quotes", lambda r, w, i: _quote(r, w)),
        actors=parsed("actors", lambda r, w, i: _group(r, w)),
        dates=parsed("dates", lambda r, w, i: _date_row(r, w)),
        path=where,
    )
    duplicates = [k for k, n in Counter(e.id for e in gold.events).items() if n > 1]
    if duplicates:
        raise UsageError(f"{where}: duplicate event id(s) {duplicates}")
    return gold


def _read_raw(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise UsageError(f"gold file {path} does not exist")
    try:
        text = path.read_text(encoding="utf-8-sig")
        if path.suffix.lower() == ".jsonl":
            return _jsonl_sections(text, path)
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (yaml.YAMLError, ValueError) as exc:  # JSON, decoding and impossible dates
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise UsageError(f"{path}: cannot parse gold file: {first}") from exc
    if not isinstance(data, dict):
        raise UsageError(f"{path}: a gold file must be a mapping with sections {SECTIONS}")
    return data


def _jsonl_sections(text: str, path: Path) -> dict[str, Any]:
    """JSONL: one record per line, each with a `section` key naming where it belongs."""
    sections: dict[str, list[Any]] = defaultdict(list)
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UsageError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
        if not isinstance(record, dict) or record.get("section") not in SECTIONS:
            raise UsageError(f'{path}:{number}: each line needs "section": one of {SECTIONS}')
        sections[record.pop("section")].append(record)
    return dict(sections)


def _list(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise UsageError(f"{where}: must be a list")
    return value


def _fields(raw: Any, where: str, allowed: set[str], required: set[str]) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise UsageError(f"{where}: must be a mapping, got {type(raw).__name__}")
    unknown = set(raw) - allowed
    if unknown:
        raise UsageError(f"{where}: unknown field(s) {sorted(unknown)}; allowed: {sorted(allowed)}")
    missing = {k for k in required if raw.get(k) in (None, "", [])}
    if missing:
        raise UsageError(f"{where}: missing field(s) {sorted(missing)}")
    return raw


def _type(value: Any, where: str) -> str:
    text = str(value).upper()
    if text not in PLOVER_TYPES:
        raise UsageError(f"{where}: unknown event type {value!r}; expected one of {PLOVER_TYPES}")
    return text


def _actor(raw: Any, where: str) -> GoldActor | None:
    if raw is None:
        return None
    if isinstance(raw, str):
        return GoldActor(country=raw) if _ISO3.match(raw) else GoldActor(name=raw)
    _fields(raw, where, {"name", "country"}, set())
    country = raw.get("country")
    if country is not None and not _ISO3.match(str(country)):
        raise UsageError(f"{where}: country {country!r} is not an upper-case ISO 3166-1 alpha-3")
    if not raw.get("name") and not country:
        raise UsageError(f"{where}: an actor needs a name, a country or both")
    return GoldActor(name=raw.get("name") or None, country=country)


def _day(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise UsageError(f"{where}: {value!r} is not a YYYY-MM-DD date") from exc


def _range(raw: Any, where: str) -> tuple[dt.date | None, dt.date | None]:
    if raw is None:
        return None, None
    if not isinstance(raw, dict):
        day = _day(raw, where)
        return day, day
    _fields(raw, where, {"start", "end"}, {"start"})
    start = _day(raw["start"], f"{where}.start")
    end = _day(raw.get("end") or start, f"{where}.end")
    if end < start:
        raise UsageError(f"{where}: end {end} is before start {start}")
    return start, end


_EVENT_FIELDS = {
    "id", "type", "alt_types", "source", "target", "symmetric", "date", "modality",
    "articles", "location", "optional", "note",
}  # fmt: skip


def _event(raw: Any, where: str, index: int, negative: bool = False) -> GoldEvent:
    allowed = _EVENT_FIELDS - ({"articles", "location", "optional"} if negative else set())
    _fields(raw, where, allowed, {"type"})
    kind = _type(raw["type"], f"{where}.type")
    alt = tuple(_type(t, f"{where}.alt_types") for t in _list(raw.get("alt_types"), where))
    modality = raw.get("modality") or "asserted"
    if modality not in MODALITIES:
        raise UsageError(f"{where}: modality {modality!r}; expected one of {MODALITIES}")
    articles = raw.get("articles")
    if articles is not None and (not isinstance(articles, int) or articles < 1):
        raise UsageError(f"{where}: articles must be a positive whole number")
    start, end = _range(raw.get("date"), f"{where}.date")
    symmetric = raw.get("symmetric")
    return GoldEvent(
        id=str(raw.get("id") or f"{'negative' if negative else 'event'}-{index + 1}"),
        type=kind,
        alt_types=alt,
        source=_actor(raw.get("source"), f"{where}.source"),
        target=_actor(raw.get("target"), f"{where}.target"),
        symmetric=kind in SYMMETRIC_TYPES if symmetric is None else bool(symmetric),
        start=start,
        end=end,
        modality=modality,
        articles=articles,
        location=_actor(raw.get("location"), f"{where}.location"),
        optional=bool(raw.get("optional", False)),
    )


def _quote(raw: Any, where: str) -> GoldQuote:
    allowed = {"fragment", "speaker", "reported_by", "direct", "article", "note"}
    _fields(raw, where, allowed, {"fragment"})
    direct = raw.get("direct")
    if direct is not None and not isinstance(direct, bool):
        raise UsageError(f"{where}: direct must be true or false")
    return GoldQuote(
        fragment=str(raw["fragment"]),
        speaker=_actor(raw.get("speaker"), f"{where}.speaker"),
        reported_by=_actor(raw.get("reported_by"), f"{where}.reported_by"),
        direct=direct,
        article=str(raw["article"]) if raw.get("article") else None,
    )


def _group(raw: Any, where: str) -> GoldAliasGroup:
    _fields(raw, where, {"name", "country", "aliases", "note"}, {"name"})
    country = raw.get("country")
    if country is not None and not _ISO3.match(str(country)):
        raise UsageError(f"{where}: country {country!r} is not an upper-case ISO 3166-1 alpha-3")
    aliases = [str(a) for a in _list(raw.get("aliases"), f"{where}.aliases")]
    names = tuple(dict.fromkeys([str(raw["name"]), *aliases]))
    return GoldAliasGroup(name=str(raw["name"]), country=country, aliases=names)


def _date_row(raw: Any, where: str) -> GoldDate:
    _fields(raw, where, {"article", "expression", "start", "end", "note"}, {"article", "start"})
    start, end = _range({"start": raw["start"], "end": raw.get("end")}, where)
    assert start is not None and end is not None
    expression = raw.get("expression")
    return GoldDate(str(raw["article"]), start, end, str(expression) if expression else None)
