"""Cross-report deduplication: event coreference against gold clusters, the example
corpus's article counts, and the scaling of `communique.dedup.cluster`.

Data, read in place and never copied: ../shared/data/meantime-english (CC BY 4.0) and
../shared/data/semeval2015-task4-timeline (CC BY 3.0), both English Wikinews; the bundled
examples/ corpus. Nothing was tuned on any of them.

Coreference (MEANTIME, SemEval-2015). Each gold document becomes one article (its tokens
joined into text, see benchmarks/coref_data.py; its document creation time as `published`),
written to a temporary JSONL file and run through `communique.api.ingest` into a temporary
DuckDB. Alignment of one of our event mentions (table event_mentions) with gold:
  1. the trigger is looked up in the stored article text as a whole word (no letter or digit
     on either side) inside the mention's evidence span [start_char, end_char); the first
     occurrence is taken (mentions whose trigger occurs more than once there are counted as
     `ambiguous triggers`); a trigger not found there is unaligned;
  2. the gold mentions of the same article with a token overlapping the trigger span are
     candidates (a gold mention is the character spans of its tokens, computed from the
     token offsets in the joined text); the one sharing the most characters with the
     trigger span is taken (ties: the one starting first). None: unaligned.
Our cluster is event_clusters.event_id; the gold cluster is the MEANTIME instance (or
document-level chain) or the SemEval timeline row. Pairwise scores are over pairs of aligned
mentions: predicted-positive when both have one event_id, gold-positive when both have one
gold cluster. Pairs of two of our mentions aligned to the same gold mention (one trigger
coded twice, e.g. for two actor pairs) are left out: they say nothing about coreference.
`cross-doc` rows count only pairs from different articles. `trigger baseline` puts aligned
mentions with the same lower-cased trigger in one cluster, for scale.

These corpora are business and economic news. The PLOVER coder codes political
interactions, so it finds few of their events: coverage is low, and the coreference figures
are over the aligned mentions only, a small sample.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from benchmarks import ROOT, SHARED_DATA
from benchmarks.coref_data import (
    SHOWN,
    GoldDoc,
    GoldMention,
    read_meantime,
    read_semeval,
    write_jsonl,
)

MEANTIME = SHARED_DATA / "meantime-english"
SEMEVAL = SHARED_DATA / "semeval2015-task4-timeline"
EXAMPLES = ROOT / "examples"
SCALING_SIZES = (10_000, 100_000, 1_000_000)


@dataclass(slots=True)
class Predicted:
    mention_id: str
    article_id: str
    trigger: str
    start: int
    end: int
    event_id: str


@dataclass(slots=True)
class Aligned:
    predicted: Predicted
    gold: GoldMention


@dataclass(slots=True)
class PairScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return (
            2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
        )


def _row(benchmark: str, metric: str, value, n="", note: str = "") -> dict:
    return {
        "benchmark": benchmark,
        "metric": metric,
        "value": "n/a" if value is None else value,
        "n": n,
        "note": note,
    }


# ---------------------------------------------------------------- ingest and read back


def ingest_docs(docs: list[GoldDoc], workdir: Path, name: str) -> Path:
    from communique import api

    source = workdir / f"{name}.jsonl"
    write_jsonl(docs, source)
    db = workdir / f"{name}.duckdb"
    api.ingest([source], db=db, jobs=1)
    return db


def read_predicted(db: Path) -> tuple[list[Predicted], dict[str, str]]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "SELECT m.mention_id, m.article_id, m.trigger, m.start_char, m.end_char, c.event_id "
            "FROM event_mentions m JOIN event_clusters c USING (mention_id) ORDER BY 2, 4, 1"
        ).fetchall()
        texts = dict(con.execute("SELECT article_id, text FROM articles").fetchall())
    finally:
        con.close()
    return [Predicted(*r) for r in rows], texts


# ---------------------------------------------------------------- alignment


def remap(doc: GoldDoc, stored: str) -> dict[str, tuple[int, int]]:
    """Token spans in the stored text when cleaning changed it: each token is looked for
    from the end of the previous one, at most 20 characters on; tokens not found drop out."""
    spans, at = {}, 0
    for t_id, token, _ in doc.tokens:
        word = SHOWN.get(token, token)
        found = stored.find(word, at, at + 20 + len(word))
        if found >= 0:
            spans[t_id] = (found, found + len(word))
            at = found + len(word)
    return spans


def stored_mentions(doc: GoldDoc, stored: str | None) -> list[GoldMention]:
    """The document's gold mentions with spans in the stored text's coordinates."""
    if stored is None or stored == doc.text:
        return doc.mentions
    spans, moved = remap(doc, stored), []
    for m in doc.mentions:
        pieces = tuple(spans[t] for t in m.t_ids if t in spans)
        if pieces:
            moved.append(GoldMention(m.doc_id, m.key, m.t_ids, pieces, m.text, m.cluster))
    return moved


def trigger_span(text: str, p: Predicted) -> tuple[tuple[int, int] | None, bool]:
    """(span of the trigger inside the evidence span, whether it occurs more than once)."""
    if not p.trigger:
        return None, False
    pattern = re.compile(r"(?<!\w)" + re.escape(p.trigger) + r"(?!\w)")
    hits = [m.span() for m in pattern.finditer(text, p.start, p.end)]
    return (hits[0] if hits else None), len(hits) > 1


def _overlap(span: tuple[int, int], pieces) -> int:
    return sum(max(0, min(span[1], e) - max(span[0], s)) for s, e in pieces)


def best_gold(span: tuple[int, int], golds: list[GoldMention]) -> GoldMention | None:
    """The gold mention sharing the most characters with `span`; ties: the earlier one."""
    scored = [(_overlap(span, g.pieces), -g.pieces[0][0], g) for g in golds]
    good = [s for s in scored if s[0] > 0]
    return max(good, key=lambda s: s[:2])[2] if good else None


def align(
    predicted: list[Predicted], docs: list[GoldDoc], texts: dict[str, str]
) -> tuple[list[Aligned], Counter]:
    gold = {d.doc_id: stored_mentions(d, texts.get(d.doc_id)) for d in docs}
    out, counts = [], Counter()
    for p in predicted:
        span, ambiguous = trigger_span(texts.get(p.article_id, ""), p)
        counts["ambiguous"] += ambiguous
        match = best_gold(span, gold.get(p.article_id, [])) if span else None
        counts["no trigger span"] += span is None
        if match:
            out.append(Aligned(p, match))
    return out, counts


# ---------------------------------------------------------------- scoring


def pairwise(items: list[Aligned], cross_doc: bool, predicted_key=None) -> PairScore:
    key = predicted_key or (lambda a: a.predicted.event_id)
    score = PairScore()
    for a, b in combinations(items, 2):
        if a.gold.key == b.gold.key or (cross_doc and a.gold.doc_id == b.gold.doc_id):
            continue
        same_pred, same_gold = key(a) == key(b), a.gold.cluster == b.gold.cluster
        score.tp += same_pred and same_gold
        score.fp += same_pred and not same_gold
        score.fn += same_gold and not same_pred
    return score


def _gold_stats(docs: list[GoldDoc]) -> tuple[int, set[str]]:
    """Number of gold mentions, and keys of mentions whose cluster spans several documents."""
    docs_of: dict[str, set[str]] = {}
    for d in docs:
        for m in d.mentions:
            docs_of.setdefault(m.cluster, set()).add(d.doc_id)
    multi = {m.key for d in docs for m in d.mentions if len(docs_of[m.cluster]) > 1}
    return sum(len(d.mentions) for d in docs), multi


def _score_rows(name: str, label: str, score: PairScore, note: str) -> list[dict]:
    n = f"{score.tp + score.fp + score.fn} pairs"
    return [
        _row(
            name,
            f"{label} pairwise precision",
            score.precision,
            f"{score.tp + score.fp} predicted pairs",
            note,
        ),
        _row(
            name,
            f"{label} pairwise recall",
            score.recall,
            f"{score.tp + score.fn} gold pairs",
            note,
        ),
        _row(name, f"{label} pairwise F1", score.f1, n, note),
    ]


def coreference_rows(name: str, docs: list[GoldDoc], note: str) -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="bench_dedup_") as tmp:
        predicted, texts = read_predicted(ingest_docs(docs, Path(tmp), name))
    aligned, counts = align(predicted, docs, texts)
    total, multi = _gold_stats(docs)
    gold_hit = {a.gold.key for a in aligned}
    trigger = lambda a: a.predicted.trigger.lower()  # noqa: E731 - a key, named by use
    rows = [
        _row(name, "gold event mentions", total, f"{len(docs)} docs"),
        _row(
            name,
            "our event mentions",
            len(predicted),
            f"{len({p.event_id for p in predicted})} events",
        ),
        _row(
            name,
            "our mentions aligned to gold",
            len(aligned),
            f"of {len(predicted)}",
            f"{counts['ambiguous']} ambiguous triggers, {counts['no trigger span']} trigger not found in span",
        ),
        _row(
            name,
            "coverage: gold mentions aligned",
            len(gold_hit) / total if total else None,
            f"{len(gold_hit)} of {total}",
            "business news; the PLOVER coder codes few of these events",
        ),
        _row(
            name,
            "coverage: gold mentions in cross-doc clusters",
            len(gold_hit & multi) / len(multi) if multi else None,
            f"{len(gold_hit & multi)} of {len(multi)}",
        ),
    ]
    rows += _score_rows(name, "all", pairwise(aligned, False), note)
    rows += _score_rows(name, "cross-doc", pairwise(aligned, True), note)
    rows += _score_rows(
        name,
        "trigger baseline, all",
        pairwise(aligned, False, trigger),
        "same lower-cased trigger = one cluster",
    )
    return rows


def meantime_rows() -> list[dict]:
    if not (MEANTIME / "intra_cross-doc_annotation").is_dir():
        return []
    return coreference_rows("dedup MEANTIME", read_meantime(MEANTIME), "over aligned mentions only")


def semeval_rows() -> list[dict]:
    if not (SEMEVAL / "SemEval_Task4_data").is_dir():
        return []
    note = "gold = timeline rows; only events on some timeline are gold"
    return coreference_rows("dedup SemEval-2015 T4", read_semeval(SEMEVAL), note)


# ---------------------------------------------------------------- example corpus


def example_rows() -> list[dict]:
    gold_path = EXAMPLES / "expected.yaml"
    if not gold_path.exists() or not (EXAMPLES / "corpus").is_dir():
        return []
    from communique import api
    from communique.evaluate import evaluate, load_gold

    gold = load_gold(gold_path)
    with tempfile.TemporaryDirectory(prefix="bench_dedup_") as tmp:
        db = Path(tmp) / "examples.duckdb"
        api.ingest([EXAMPLES / "corpus"], db=db, jobs=1)
        with api.open(db) as corpus:
            report = evaluate(
                gold, corpus.events(), corpus.quotes(), corpus.actors(), corpus.articles()
            )
    counts = {e.id: e.articles or 0 for e in gold.events}
    multi = [o for o in report.outcomes if counts[o.gold_id] >= 2]
    found = [o for o in multi if o.status == "matched"]
    right = [o for o in found if o.articles[1] == counts[o.gold_id]]
    name, note = "dedup examples", "examples/expected.yaml; project-written texts"
    wrong = ", ".join(
        f"{o.gold_id}: {o.articles[1]} for {o.articles[0]}" for o in found if o not in right
    )
    missed = ", ".join(o.gold_id for o in multi if o.status != "matched")
    return [
        _row(
            name,
            "num_articles right (gold `articles`)",
            report.dedup.value,
            f"{report.dedup.correct} of {report.dedup.checked}",
            note,
        ),
        _row(
            name,
            "multiply-reported events found",
            len(found) / len(multi) if multi else None,
            f"{len(found)} of {len(multi)}",
            f"missed: {missed or 'none'}",
        ),
        _row(
            name,
            "multiply-reported events with right count",
            len(right) / len(found) if found else None,
            f"{len(right)} of {len(found)}",
            f"wrong: {wrong or 'none'}",
        ),
        _row(
            name,
            "duplicate copies of matched events",
            report.split_copies,
            "",
            "0 is right: each real event recorded once",
        ),
    ]


# ---------------------------------------------------------------- scaling


TYPES = tuple(
    [
        "CONSULT",
        "AGREE",
        "COOPERATE",
        "AID",
        "ASSAULT",
        "COERCE",
        "ACCUSE",
        "REQUEST",
        "REJECT",
        "THREATEN",
        "SANCTION",
        "PROTEST",
        "SUPPORT",
        "RETREAT",
        "MOBILIZE",
        "DISAPPROVE",
    ]
)
START = dt.date(2022, 1, 1)
ACTORS = tuple(f"A{i:03d}" for i in range(200))
ZIPF = tuple(1 / (i + 1) for i in range(200))
VARIANTS = {
    "uniform": "actor pairs uniform over 200 actors",
    "zipf": "actors drawn with weight 1/rank (Zipf)",
    "hot": "uniform, but 10% of rows are one actor pair and type (one big block)",
}
BUDGET_SECONDS = 300.0
CAPS = {"hot": 100_000}  # its one big block is clustered in time quadratic in its size


def _date(rng: random.Random) -> tuple:
    """80% day precision, 10% a whole month, 10% undated; over two years."""
    kind, day = rng.random(), START + dt.timedelta(days=rng.randrange(730))
    if kind < 0.8:
        return day, day, "day", day
    if kind < 0.9:
        first = day.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return first, last, "month", day
    return None, None, None, day


def synthetic_rows(n: int, variant: str = "uniform", seed: int = 7) -> list:
    """`n` MentionRows: 16 types, 85% asserted (10% planned, 5% hypothetical), three mentions
    per article, 50 outlets; actors and dates as `VARIANTS` and `_date` say."""
    from communique.dedup import MentionRow

    rng = random.Random(seed)
    weights = ZIPF if variant == "zipf" else None
    rows = []
    for i in range(n):
        source, target = rng.choices(ACTORS, weights, k=2)
        kind = rng.choice(TYPES)
        if variant == "hot" and rng.random() < 0.1:
            source, target, kind = ACTORS[0], ACTORS[1], "CONSULT"
        start, end, precision, published = _date(rng)
        modality = rng.choices(("asserted", "planned", "hypothetical"), (85, 10, 5))[0]
        article, outlet = f"art{i // 3}", f"outlet{rng.randrange(50)}"
        mention = (f"m{i:08d}", article, kind, source, target, modality, start, end)
        rows.append(MentionRow(*mention, precision, outlet, article, published))
    return rows


def _time_cluster(n: int, variant: str) -> tuple[float, float, int, int]:
    """(CPU seconds, wall seconds, clusters, largest cluster) of one dedup.cluster call.
    CPU time of this process is the figure reported: on a shared machine wall time also
    counts other people's work."""
    from communique.dedup import cluster

    cluster(synthetic_rows(1000, variant, seed=1))  # warm-up: first-call costs are not timed
    rows = synthetic_rows(n, variant)
    cpu, wall = time.process_time(), time.perf_counter()
    clusters = cluster(rows)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return cpu, wall, len(clusters), max(len(c.members) for c in clusters)


def scaling_rows(sizes=SCALING_SIZES, variants=tuple(VARIANTS)) -> list[dict]:
    """CPU seconds and rows per CPU second of dedup.cluster per variant and size (building
    the rows is not timed). A size is skipped when even linear growth from the previous size would take
    more than BUDGET_SECONDS."""
    out = []
    for variant in variants:
        done: list[tuple[int, float]] = []
        for n in sorted(sizes):
            if n > CAPS.get(variant, n):
                note = f"not run by default: over the {CAPS[variant]:,}-row cap of this variant (time grows with the square of the big block)"
                out.append(
                    _row(
                        "dedup scaling", f"{variant}: CPU seconds at {n:,} rows", "skipped", n, note
                    )
                )
                continue
            if done and done[-1][1] * n / done[-1][0] > BUDGET_SECONDS:
                note = f"skipped: {done[-1][1]:.1f} s at {done[-1][0]:,} rows, so over {BUDGET_SECONDS:.0f} s here"
                out.append(
                    _row(
                        "dedup scaling", f"{variant}: CPU seconds at {n:,} rows", "skipped", n, note
                    )
                )
                continue
            seconds, wall, clusters, biggest = _time_cluster(n, variant)
            done.append((n, seconds))
            note = f"{VARIANTS[variant]}; {clusters:,} clusters, largest {biggest:,}; wall {wall:.2f} s"
            metric = f"{variant}: CPU seconds at {n:,} rows"
            out.append(_row("dedup scaling", metric, round(seconds, 3), n, note))
            metric = f"{variant}: rows per CPU second at {n:,} rows"
            out.append(_row("dedup scaling", metric, n / seconds, n, note))
        if len(done) > 1:
            (n0, s0), (n1, s1) = done[-2], done[-1]
            growth = (s1 / n1) / (s0 / n0)
            out.append(
                _row(
                    "dedup scaling",
                    f"{variant}: time per row, {n1:,} vs {n0:,} rows",
                    round(growth, 2),
                    "",
                    "1.0 = linear",
                )
            )
    return out


def run(sizes=SCALING_SIZES) -> list[dict]:
    return [*meantime_rows(), *semeval_rows(), *example_rows(), *scaling_rows(sizes)]


def main() -> None:
    sizes = tuple(int(a) for a in sys.argv[1:]) or SCALING_SIZES
    rows = run(sizes)
    width = max((len(r["metric"]) for r in rows), default=10)
    for r in rows:
        value = r["value"]
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        print(
            f"{r['benchmark']:<24} {r['metric']:<{width}} {shown:>12}  {r['n']!s:<22} {r['note']}"
        )


if __name__ == "__main__":
    main()
