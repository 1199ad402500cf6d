"""Interchange formats for exported events: PLOVER JSONL records and GDELT 2.0-style rows.

Both take one export-shaped event dict (the fields of `communique export events`: event_id,
event_type, mode, cameo, goldstein, quad_class, date, date_start, date_end, date_precision,
source, target, location, modality, num_articles, num_outlets, mentions, confidence; plus
optional event_text and url/urls) and map it field by field.
"""

from __future__ import annotations

from typing import Any

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode",
    "ActionGeo_Lat", "ActionGeo_Long", "DATEADDED", "SOURCEURL",
    "PloverType", "PloverMode", "Modality", "Confidence",
)  # fmt: skip


def _actor(actor: dict[str, Any] | None) -> dict[str, Any] | None:
    if not actor:
        return None
    return {
        "actorText": actor.get("name"),
        "code": actor.get("country"),
        "sector": actor.get("sector"),
        "id": actor.get("id"),
        "title": actor.get("title"),
    }


def _mentions(event: dict[str, Any]) -> list[dict[str, Any]]:
    return list(event.get("mentions") or [])


def _url(event: dict[str, Any]) -> str | None:
    urls = event.get("urls") or []
    return event.get("url") or (urls[0] if urls else None)


def to_plover(event: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER JSONL record (actor/recipient lists, event, mode, text and offsets, date, link)."""
    mentions = _mentions(event)
    first = mentions[0] if mentions else {}
    record: dict[str, Any] = {
        "id": event["event_id"],
        "date": event.get("date") or event.get("date_start"),
        "event": event["event_type"],
        "mode": event.get("mode") or "",
        "context": "",
        "actor": [a for a in [_actor(event.get("source"))] if a],
        "recipient": [a for a in [_actor(event.get("target"))] if a],
        "event_text": event.get("event_text") or first.get("text") or "",
        "offsets": [
            {"article_id": m.get("article_id"), "start": m.get("start"), "end": m.get("end")}
            for m in mentions
        ],
        "cameo": event.get("cameo"),
        "modality": event.get("modality"),
        "location": event.get("location"),
        "link": _url(event),
        "confidence": event.get("confidence"),
    }
    return record


def _day(event: dict[str, Any]) -> str:
    value = event.get("date") or event.get("date_start") or ""
    return str(value).replace("-", "")[:8]


def _gdelt_actor(actor: dict[str, Any] | None) -> list[str]:
    if not actor:
        return ["", "", "", ""]
    country = actor.get("country") or ""
    sector = actor.get("sector") or ""
    return [country + sector, str(actor.get("name") or ""), country, sector]


def _gdelt_place(location: dict[str, Any] | None) -> list[str]:
    if not location:
        return ["0", "", "", "", ""]
    has_point = location.get("lat") is not None
    geo_type = "4" if has_point else "1"  # GDELT: 1 country, 4 world city
    return [
        geo_type,
        str(location.get("name") or ""),
        str(location.get("country") or ""),
        "" if location.get("lat") is None else f"{location['lat']:.4f}",
        "" if location.get("lon") is None else f"{location['lon']:.4f}",
    ]


def to_gdelt(event: dict[str, Any], number: int | None = None) -> list[str]:
    """One GDELT 2.0-style row (values as strings, in GDELT_COLUMNS order).

    `number` is the numeric GLOBALEVENTID (GDELT ids are integers); the communique event id
    is used when it is not given.
    """
    day, cameo = _day(event), str(event.get("cameo") or "")
    mentions = _mentions(event)
    num_articles = int(event.get("num_articles") or len({m.get("article_id") for m in mentions}))
    fraction = ""
    if len(day) == 8:
        fraction = f"{int(day[:4]) + (int(day[4:6]) - 1) / 12 + (int(day[6:]) - 1) / 365:.4f}"
    row = [
        str(number if number is not None else event["event_id"]),
        day,
        day[:6],
        day[:4],
        fraction,
    ]
    row += _gdelt_actor(event.get("source")) + _gdelt_actor(event.get("target"))
    row += [
        "1",
        cameo,
        cameo[:3],
        cameo[:2],
        str(event.get("quad_class") or ""),
        "" if event.get("goldstein") is None else str(event["goldstein"]),
        str(len(mentions)),
        str(int(event.get("num_outlets") or 0)),
        str(num_articles),
        "",
    ]
    row += _gdelt_place(event.get("location"))
    row += [
        day,
        str(_url(event) or ""),
        event["event_type"],
        str(event.get("mode") or ""),
        str(event.get("modality") or ""),
        str(event.get("confidence") or ""),
    ]
    return row


def gdelt_header() -> str:
    return "\t".join(GDELT_COLUMNS)


def gdelt_line(event: dict[str, Any], number: int | None = None) -> str:
    """A tab-separated line; tabs and newlines inside values become spaces."""
    return "\t".join(v.replace("\t", " ").replace("\n", " ") for v in to_gdelt(event, number))
