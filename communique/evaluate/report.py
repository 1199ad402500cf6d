"""Render an EvalReport: `to_json` for machines (and CI gates), `format_text` for people."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from communique.evaluate.scoring import EvalReport, Ratio, Score

MAX_LISTED = 40


def _num(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _score_json(score: Score) -> dict[str, Any]:
    return {
        "precision": _num(score.precision),
        "recall": _num(score.recall),
        "f1": _num(score.f1),
        "matched_predicted": score.matched_predicted,
        "predicted": score.predicted,
        "matched_gold": score.matched_gold,
        "gold": score.gold,
    }


def _ratio_json(ratio: Ratio) -> dict[str, Any]:
    return {"accuracy": _num(ratio.value), "correct": ratio.correct, "checked": ratio.checked}


def to_json(report: EvalReport) -> dict[str, Any]:
    """A JSON-serialisable dict with every figure and the per-item details."""
    return {
        "gold": report.gold_path,
        "events": {
            **_score_json(report.events),
            "precision_between_gold_actors": _score_json(report.events_between_gold_actors),
            "optional_gold_matched": report.optional_matched,
            "per_type": {k: _score_json(v) for k, v in report.per_type.items()},
            "missed_required_by_cause": report.near_misses,
        },
        "modality_confusion": report.modality,
        "dates": {
            "exact": _ratio_json(report.date_exact),
            "within": _ratio_json(report.date_within),
            "overlap": _ratio_json(report.date_overlap),
            "missed_only_by_date": report.date_misses,
            "publication": _ratio_json(report.publication_dates),
            "expressions_exact": _ratio_json(report.expressions_exact),
            "expressions_overlap": _ratio_json(report.expressions_overlap),
            "expressions": report.date_expressions,
        },
        "locations": _ratio_json(report.locations),
        "dedup": {**_ratio_json(report.dedup), "split_copies": report.split_copies},
        "negatives": {"checked": report.negatives_checked, "violated": report.negatives_violated},
        "quotes": {
            "recall": _ratio_json(report.quote_recall),
            "speaker": _ratio_json(report.speaker),
            "reported_by": _ratio_json(report.reported_by),
            "direct": _ratio_json(report.direct),
            "missing": report.missing_quotes,
        },
        "actors": {
            "alias_groups": _ratio_json(_groups_ratio(report)),
            "groups": report.alias_groups,
        },
        "gold_events": [asdict(o) for o in report.outcomes],
        "unmatched_predicted": report.unmatched_predicted,
    }


def _groups_ratio(report: EvalReport) -> Ratio:
    return Ratio(sum(g["ok"] for g in report.alias_groups), len(report.alias_groups))


def _fmt(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:5.3f}"


def _ratio_line(label: str, ratio: Ratio) -> str:
    return f"  {label:<34} {_fmt(ratio.value)}  ({ratio.correct}/{ratio.checked})"


def format_text(report: EvalReport) -> str:
    """A plain-text report, one section per figure, then what was missed."""
    lines = [f"communique eval: {report.gold_path}", ""]
    lines += _events_section(report)
    lines += _modality_section(report.modality)
    lines += ["Dates (matched events whose gold gives a date)"]
    lines += [
        _ratio_line("exact", report.date_exact),
        _ratio_line("within the gold range", report.date_within),
        _ratio_line("overlapping the gold range", report.date_overlap),
        f"  {'gold events missed only by date':<34} {report.date_misses}",
    ]
    lines += [
        _ratio_line("publication dates", report.publication_dates),
        _ratio_line("temporal expressions, exact", report.expressions_exact),
        _ratio_line("temporal expressions, overlapping", report.expressions_overlap),
    ]
    wrong = [row for row in report.date_expressions if row["grade"] not in ("exact", "within")]
    lines += _capped([_expression_line(row) for row in wrong])
    lines += ["", "Locations, dedup, negatives"]
    lines += [
        _ratio_line("location", report.locations),
        _ratio_line("article count (num_articles)", report.dedup),
        f"  {'duplicate copies of matched events':<34} {report.split_copies}",
        f"  {'negatives violated':<34} {len(report.negatives_violated)} "
        f"(of {report.negatives_checked} checked)",
    ]
    lines += [f"    ! {v['negative']}: {_event_line(v)}" for v in report.negatives_violated]
    lines += ["", "Quotes"]
    lines += [
        _ratio_line("found (recall)", report.quote_recall),
        _ratio_line("speaker", report.speaker),
        _ratio_line("reported_by", report.reported_by),
        _ratio_line("direct/indirect", report.direct),
    ]
    lines += _capped([f"    missing: {fragment!r}" for fragment in report.missing_quotes])
    lines += ["", "Actors"]
    lines += [_ratio_line("alias groups resolved to one actor", _groups_ratio(report))]
    lines += [f"    {g['name']}: {g['reason']}" for g in report.alias_groups if not g["ok"]]
    lines += ["", *_details(report)]
    return "\n".join(lines).rstrip() + "\n"


def _events_section(report: EvalReport) -> list[str]:
    s, b = report.events, report.events_between_gold_actors
    lines = [
        f"Events: {s.gold} gold (+{report.optional_matched} optional matched, not scored), "
        f"{s.predicted} predicted",
        f"  precision {_fmt(s.precision)} ({s.matched_predicted}/{s.predicted})   "
        f"recall {_fmt(s.recall)} ({s.matched_gold}/{s.gold})   F1 {_fmt(s.f1)}",
        f"  precision between gold actors {_fmt(b.precision)} "
        f"({b.matched_predicted}/{b.predicted})",
        "",
        f"  {'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'pred':>5} {'gold':>5}",
    ]
    for kind, t in report.per_type.items():
        lines.append(
            f"  {kind:<10} {_fmt(t.precision):>6} {_fmt(t.recall):>6} {_fmt(t.f1):>6} "
            f"{t.predicted:>5} {t.gold:>5}"
        )
    return [*lines, ""]


def _modality_section(table: dict[str, dict[str, int]]) -> list[str]:
    columns = sorted({c for row in table.values() for c in row})
    if not columns:
        return ["Modality: no matched events", ""]
    lines = ["Modality (rows: gold, columns: predicted; matched events)"]
    lines.append("  " + " " * 13 + "".join(f"{c[:12]:>13}" for c in columns))
    for gold, row in sorted(table.items()):
        lines.append(f"  {gold:<13}" + "".join(f"{row.get(c, 0):>13}" for c in columns))
    return [*lines, ""]


def _expression_line(row: dict[str, Any]) -> str:
    what = row["expression"] or "(publication date)"
    return f"    {row['grade']:<17} {row['article']}: {what} -> {'..'.join(row['expected'])}"


def _event_line(event: dict[str, Any]) -> str:
    return (
        f"{event['event_type']} {event['source']} -> {event['target']} "
        f"[{event['modality']}, {event['date']}]"
    )


NEAR = {"date-miss": " (date differs)", "type": " (type differs)", "side": " (one side differs)"}


def _details(report: EvalReport) -> list[str]:
    missed = [o for o in report.outcomes if o.status != "matched" and not o.optional]
    causes = report.near_misses
    lines = [
        f"Gold events not found ({len(missed)}: date differs {causes['date']}, type differs "
        f"{causes['type']}, one side differs {causes['side']}, nothing near "
        f"{causes['nothing_near']})"
    ]
    lines += _capped([f"  {o.gold_id} {o.type}" + NEAR.get(o.near or o.status, "") for o in missed])
    extra = report.unmatched_predicted
    lines += ["", f"Predicted events matching no gold event ({len(extra)})"]
    lines += _capped([f"  {_event_line(e)}" for e in extra])
    return lines


def _capped(lines: list[str]) -> list[str]:
    if len(lines) <= MAX_LISTED:
        return lines
    return [*lines[:MAX_LISTED], f"    ... and {len(lines) - MAX_LISTED} more (see --format json)"]
