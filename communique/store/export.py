"""Exports: JSONL, CSV (nested objects flattened), Parquet, and the interchange formats."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO

import pyarrow as pa
import pyarrow.parquet as pq

FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt")


def flatten(record: dict) -> dict:
    """Nested objects become prefixed columns (`source_name`); lists become JSON text."""
    flat: dict[str, object] = {}
    for key, value in record.items():
        if isinstance(value, dict):
            for sub, inner in value.items():
                flat[f"{key}_{sub}"] = (
                    json.dumps(inner, ensure_ascii=False)
                    if isinstance(inner, (dict, list))
                    else inner
                )
        elif isinstance(value, list):
            flat[key] = json.dumps(value, ensure_ascii=False)
        else:
            flat[key] = value
    return flat


def _columns(records: list[dict]) -> list[str]:
    seen: dict[str, None] = {}
    for record in records:
        seen.update(dict.fromkeys(record))
    return list(seen)


NESTED_ACTOR_KEYS = ("id", "name", "country", "sector", "title")
NESTED_LOCATION_KEYS = ("name", "country", "lat", "lon")


def _with_empty_objects(record: dict) -> dict:
    """Null nested objects still yield their columns, so every CSV row has the same shape."""
    out = dict(record)
    for key, keys in (
        ("source", NESTED_ACTOR_KEYS),
        ("target", NESTED_ACTOR_KEYS),
        ("speaker", NESTED_ACTOR_KEYS),
        ("reported_by", NESTED_ACTOR_KEYS),
        ("location", NESTED_LOCATION_KEYS),
    ):
        if key in out and out[key] is None:
            out[key] = dict.fromkeys(keys)
    return out


def write_jsonl(records: Iterable[dict], stream: IO[str]) -> None:
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")


def write_csv(records: list[dict], stream: IO[str]) -> None:
    rows = [flatten(_with_empty_objects(r)) for r in records]
    writer = csv.DictWriter(stream, fieldnames=_columns(rows), extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)


def write_parquet(records: list[dict], path: Path) -> None:
    """Parquet keeps nested objects as structs; mentions as a list of structs."""
    table = pa.Table.from_pylist(records) if records else pa.table({})
    pq.write_table(table, path)


def render(records: list[dict], fmt: str, output: Path | None, kind: str) -> str | None:
    """Write records in `fmt` to `output`, or return the text for stdout."""
    if fmt == "parquet":
        if output is None:
            raise ValueError("parquet needs --output FILE")
        write_parquet(records, output)
        return None
    buffer = io.StringIO()
    if fmt == "jsonl":
        write_jsonl(records, buffer)
    elif fmt == "csv":
        write_csv(records, buffer)
    elif fmt in ("plover", "gdelt"):
        _write_interchange(records, fmt, kind, buffer)
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if output is None:
        return buffer.getvalue()
    output.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    return None


def _write_interchange(records: list[dict], fmt: str, kind: str, stream: IO[str]) -> None:
    if kind != "events":
        raise ValueError(f"--format {fmt} is for events only")
    from ..events import interchange

    if fmt == "plover":
        write_jsonl((interchange.to_plover(r) for r in records), stream)
        return
    stream.write(interchange.gdelt_header() + "\n")
    for number, record in enumerate(records, start=1):
        stream.write(interchange.gdelt_line(record, number) + "\n")
