"""Dates benchmark: TempEval-3 platinum and MEANTIME (English) time expressions.

Two settings on each set, scored on gold TIMEX3 of type DATE and TIME (the creation
time itself excluded):

- normalisation: the gold span's text is given to `communique.dates.resolve` with the
  document creation time as reference, the tense of the span's governing verb (from
  the spaCy parse of the document) and the previous resolved gold span as anchor;
- extraction + normalisation: `communique.dates.extract` finds spans itself on the
  raw text; a prediction matches a gold span when they overlap (relaxed match, as in
  the TempEval-3 scorer); precision counts a prediction as right when it overlaps any
  gold TIMEX3 (DURATION and SET too), recall is over DATE/TIME gold.

Values are compared as calendar intervals: the gold ISO value (with mod START/MID/END
read as the first/middle/last third, the resolver's own convention) becomes a
(start, end) pair of dates and must equal the resolver's. Times of day compare by
their date. Gold values that are not calendar intervals (PRESENT_REF, PAST_REF,
FUTURE_REF, values with X such as 2012-XX-XX) cannot be matched; the "calendar" rows
leave them out, the "all" rows count them as misses.

Run: python benchmarks/bench_dates.py (prints a table); `run()` returns the rows.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import defusedxml.ElementTree as ET

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TEMPEVAL = SHARED / "data" / "tempeval3-platinum" / "te3-platinum"
MEANTIME = SHARED / "data" / "meantime-english" / "intra_cross-doc_annotation"


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str = ""


@dataclass
class GoldDoc:
    name: str
    text: str
    dct: dt.date
    timexes: list[Timex] = field(default_factory=list)
    creation: list[Timex] = field(default_factory=list)  # the dateline, if in the text


# -- reading the corpora ---------------------------------------------------------------

TAG = re.compile(r"<(/?)(\w+)([^>]*?)(/?)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tempeval(path: Path) -> GoldDoc:
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>.*?value=\"(\d{4}-\d\d-\d\d)", raw, re.S)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if dct is None or body is None:
        raise ValueError(f"{path.name}: no DCT or TEXT")
    text, timexes = _strip_tags(body[1])
    return GoldDoc(path.stem, text, dt.date.fromisoformat(dct[1]), timexes)


def _strip_tags(xml: str) -> tuple[str, list[Timex]]:
    out: list[str] = []
    length, position, open_timex = 0, 0, None
    timexes: list[Timex] = []
    for tag in TAG.finditer(xml):
        chunk = html.unescape(xml[position : tag.start()])
        out.append(chunk)
        length += len(chunk)
        position = tag.end()
        if tag[2] != "TIMEX3":
            continue
        if not tag[1]:
            open_timex = (length, dict(ATTR.findall(tag[3])))
        elif open_timex:
            start, attrs = open_timex
            text = "".join(out)[start:length]
            timexes.append(_timex(start, length, text, attrs))
            open_timex = None
    out.append(html.unescape(xml[position:]))
    return "".join(out), timexes


def _timex(start: int, end: int, text: str, attrs: dict[str, str]) -> Timex:
    return Timex(
        start, end, text, attrs.get("type", ""), attrs.get("value", ""), attrs.get("mod", "")
    )


NO_SPACE_BEFORE = {",", ".", ";", ":", ")", "?", "!", "%", "'s", "n't", "'", "''"}
NO_SPACE_AFTER = {"(", "$", "``"}


def read_meantime(path: Path) -> GoldDoc | None:
    root = ET.parse(path).getroot()
    tokens = {t.get("t_id"): t for t in root.iter("token")}
    offsets, parts, length, last = {}, [], 0, None
    for t_id, token in tokens.items():
        word = token.text or ""
        sentence = token.get("sentence")
        if last is not None:
            gap = "\n" if sentence != last[0] else ("" if _tight(last[1], word) else " ")
            parts.append(gap)
            length += len(gap)
        offsets[t_id] = (length, length + len(word))
        parts.append(word)
        length += len(word)
        last = (sentence, word)
    text = "".join(parts)
    dct, timexes, creation = None, [], []
    for node in root.find("Markables").iter("TIMEX3"):
        ids = [a.get("t_id") for a in node.iter("token_anchor")]
        if not ids:
            continue
        start, end = offsets[ids[0]][0], offsets[ids[-1]][1]
        attrs = {k: node.get(k, "") for k in ("type", "value", "mod")}
        timex = _timex(start, end, text[start:end], attrs)
        if node.get("functionInDocument") == "CREATION_TIME":
            dct, creation = _iso_day(node.get("value", "")), [timex]
            continue
        timexes.append(timex)
    if dct is None:
        return None
    return GoldDoc(path.stem, text, dct, sorted(timexes, key=lambda t: t.start), creation)


def _tight(previous: str, word: str) -> bool:
    return word in NO_SPACE_BEFORE or previous in NO_SPACE_AFTER


def _iso_day(value: str) -> dt.date | None:
    found = re.match(r"(\d{4})-(\d\d)-(\d\d)", value)
    return dt.date(int(found[1]), int(found[2]), int(found[3])) if found else None


# -- gold values as intervals ----------------------------------------------------------


def gold_interval(value: str, mod: str) -> tuple[dt.date, dt.date] | None:
    from communique.dates import periods as p

    interval = _calendar(value, p)
    if interval is None:
        return None
    which = {"START": "early", "EARLY": "early", "MID": "mid", "END": "late", "LATE": "late"}
    if mod in which and interval[0] != interval[1]:
        return p.part(interval, which[mod])
    return interval


def _calendar(value: str, p) -> tuple[dt.date, dt.date] | None:
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(T.*)?", value):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
        return p.of_month(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})", value):
        return p.of_year(int(m[1]))
    if m := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return p.of_weekend(monday) if m[3] else p.of_week(monday)
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        return p.of_quarter(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})-H([12])", value):
        return p.of_half(int(m[1]), int(m[2]))
    seasons = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        return p.of_season(int(m[1]), seasons[m[2]])
    if m := re.fullmatch(r"(\d{3})X?", value):
        return p.of_decade(int(m[1]) * 10)
    if m := re.fullmatch(r"(\d{2})(XX)?", value):
        return p.of_century(int(m[1]) + 1)
    return None


# -- scoring ---------------------------------------------------------------------------


@dataclass
class Score:
    calendar: int = 0
    calendar_right: int = 0
    everything: int = 0
    gold: int = 0
    predicted: int = 0
    predicted_right: int = 0
    found: int = 0
    found_calendar: int = 0
    found_right: int = 0
    sentences: int = 0
    seconds: float = 0.0


def score_normalisation(doc, gold: GoldDoc, score: Score) -> None:
    from communique.dates import resolve, tense_of

    anchor = None
    for timex in gold.timexes:
        if timex.type not in ("DATE", "TIME"):
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        tense = tense_of(span) if span is not None else None
        value = resolve(timex.text, gold.dct, tense=tense, anchor=anchor)
        anchor = value or anchor
        expected = gold_interval(timex.value, timex.mod)
        score.everything += 1
        if expected is None:
            continue
        score.calendar += 1
        score.calendar_right += value is not None and (value.start, value.end) == expected


def score_extraction(doc, gold: GoldDoc, score: Score) -> None:
    from communique.dates import extract
    from communique.records import Article

    began = time.perf_counter()
    values = extract(doc, Article(gold.name, gold.text, published=gold.dct))
    score.seconds += time.perf_counter() - began
    score.sentences += sum(1 for _ in doc.sents)
    overlaps = lambda v, t: v.char_start < t.end and t.start < v.char_end  # noqa: E731
    score.predicted += len(values)
    every = gold.timexes + gold.creation
    score.predicted_right += sum(any(overlaps(v, t) for t in every) for v in values)
    for timex in (t for t in gold.timexes if t.type in ("DATE", "TIME")):
        score.gold += 1
        match = next((v for v in values if overlaps(v, timex)), None)
        if match is None:
            continue
        score.found += 1
        expected = gold_interval(timex.value, timex.mod)
        if expected is not None:
            score.found_calendar += 1
            score.found_right += (match.start, match.end) == expected


def evaluate(name: str, docs: list[GoldDoc], note: str) -> list[dict]:
    from communique import nlp as nlp_module

    nlp = nlp_module.load(ruler=False)
    score = Score()
    _warm_up(nlp)
    for gold, doc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        score_normalisation(doc, gold, score)
        score_extraction(doc, gold, score)
    return _rows(name, score, note)


def _warm_up(nlp) -> None:
    """Compile the detector and rules before timing anything."""
    from communique.dates import extract
    from communique.records import Article

    text = "They met on Monday, 3 May 2021."
    extract(nlp(text), Article("warm-up", text, published=dt.date(2021, 5, 5)))


def _rows(name: str, s: Score, note: str) -> list[dict]:
    precision = s.predicted_right / s.predicted if s.predicted else 0.0
    recall = s.found / s.gold if s.gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    ms = 1000 * s.seconds / s.sentences if s.sentences else 0.0

    def row(metric: str, value: float, n: int, extra: str = "") -> dict:
        text = "; ".join(x for x in (extra, note) if x)
        return {"benchmark": name, "metric": metric, "value": round(value, 3), "n": n, "note": text}

    return [
        row(
            "value accuracy, gold spans, calendar values",
            _ratio(s.calendar_right, s.calendar),
            s.calendar,
            f"{s.everything - s.calendar} non-calendar gold values left out",
        ),
        row(
            "value accuracy, gold spans, all DATE/TIME",
            _ratio(s.calendar_right, s.everything),
            s.everything,
            "non-calendar gold values count as misses",
        ),
        row("extraction precision (relaxed)", precision, s.predicted),
        row("extraction recall (relaxed)", recall, s.gold),
        row("extraction F1 (relaxed)", f1, s.gold),
        row(
            "value accuracy, own spans, calendar values",
            _ratio(s.found_right, s.found_calendar),
            s.found_calendar,
            "over matched spans",
        ),
        row("extract() ms per sentence", ms, s.sentences, "excluding the spaCy parse"),
    ]


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def run() -> list[dict]:
    rows: list[dict] = []
    if TEMPEVAL.is_dir():
        docs = [read_tempeval(f) for f in sorted(TEMPEVAL.glob("*.tml"))]
        rows += evaluate("TempEval-3 platinum", docs, TEMPEVAL_NOTE)
    if MEANTIME.is_dir():
        docs = [d for f in sorted(MEANTIME.glob("*/*.xml")) if (d := read_meantime(f))]
        rows += evaluate("MEANTIME English", docs, MEANTIME_NOTE)
    return rows


TEMPEVAL_NOTE = "rules not adjusted on this set"
MEANTIME_NOTE = "rules not adjusted on this set"


def main() -> None:
    rows = run()
    if not rows:
        print("no data under", SHARED / "data", "- skipped")
        return
    width = max(len(r["metric"]) for r in rows)
    for r in rows:
        print(
            f"{r['benchmark']:<20} {r['metric']:<{width}} {r['value']:>7.3f} "
            f"n={r['n']:<5} {r['note']}"
        )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
