"""The accuracy gate: the example corpus through `communique eval`, with pinned floors.

Like trafilatura's eval gate, this fails CI when extraction regresses on the bundled
corpus. The floors are the figures measured when they were pinned, less a small margin.
The corpus digest makes sure floors and corpus change together: when you edit the corpus
or its gold file, re-measure (`communique eval examples/expected.yaml --db FILE`), update
FLOORS and DIGEST in the same commit, and say why in the message.
"""

from __future__ import annotations

import hashlib

import pytest

from communique import api, evaluate
from tests.conftest import EXAMPLES

DIGEST = "ea3094ed712f7fe3"
FLOORS = {  # measured 2026-12-03 (2nd session): 0.702, 0.851, 1.000, 1.000, 1.000, 1.000, 0.800, 0.750
    ("events", "precision"): 0.66,
    ("events", "recall"): 0.80,
    ("quotes", "recall"): 0.95,
    ("quotes", "speaker"): 0.97,
    ("actors", "alias_groups"): 0.96,
    ("dates", "publication"): 0.95,
    ("dates", "expressions_exact"): 0.70,
    # Multiply-reported gold events found with the right article count: 6 of 8. The other
    # two are each coded in one of their two reports only ("the package for Ukraine
    # includes one Patriot battery", "a plan ... was nearly finalised" are not read as aid
    # or agreement): recall misses, not merge errors; no event is split or double-counted.
    ("dedup", "accuracy"): 0.75,
}
MAX_NEGATIVES_VIOLATED = 0  # measured: 0 of 6
MAX_SPLIT_COPIES = 0  # measured: 0 (a real event recorded as two events)


def corpus_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted((EXAMPLES / "corpus").iterdir()) + [EXAMPLES / "expected.yaml"]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@pytest.fixture(scope="module")
def report(example_db):
    with api.open(example_db) as corpus:
        records = corpus.events(), corpus.quotes(), corpus.actors(), corpus.articles()
    return evaluate.to_json(
        evaluate.evaluate(evaluate.load_gold(EXAMPLES / "expected.yaml"), *records)
    )


def figure(report: dict, section: str, metric: str) -> float:
    value = report[section][metric]
    return value if isinstance(value, float | int) else value["accuracy"]


def test_corpus_digest_matches_the_floors():
    assert corpus_digest() == DIGEST, "the example corpus changed: re-measure and re-pin FLOORS"


@pytest.mark.parametrize(("section", "metric"), list(FLOORS), ids=[f"{s}-{m}" for s, m in FLOORS])
def test_floor(report, section, metric):
    assert figure(report, section, metric) >= FLOORS[(section, metric)]


def test_negatives(report):
    assert len(report["negatives"]["violated"]) <= MAX_NEGATIVES_VIOLATED


def test_no_event_is_recorded_twice(report):
    assert report["dedup"]["split_copies"] <= MAX_SPLIT_COPIES
