"""Train the PLOVER type model (typemodel.py) on the PLOVER gold standard records.

    python -m communique.events.train [--data DIR] [--half all|odd|even] [--out PATH]

Training data: PLOVER_GSR_CAMEO.json from the Open Event Data Alliance PLOVER repository
(CC BY-SA 4.0), expected in ../shared/data/plover-gsr-cameo next to the repository unless
--data says otherwise. Only the labels and the parse features of each sentence are kept in the
artifact (feature names are lemmas and parse relations, not sentences). Older PLOVER names are
renamed to current types (DEMAND->REQUEST, DISAPPROVE and INVESTIGATE->ACCUSE, FIGHT->ASSAULT).
The gold trigger of a record is the first (EVT: ...) phrase of its markup.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Token

from .ontology import Ontology, ontology
from .typemodel import ARTIFACT, TypeModel, features

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "plover-gsr-cameo"
RENAME = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
EVENT_MARK = re.compile(r"\(EVT: ([^)}]*)[)}]")
L2 = 0.001
STEPS = 1000
RATE = 2.0


def load_records(folder: Path = DEFAULT_DATA) -> list[dict]:
    """The GSR event records (the DOCUMENT header dropped), in file order."""
    records = json.loads((folder / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
    return [r for r in records if r.get("event") != "DOCUMENT"]


def label(record: dict) -> str:
    return RENAME.get(record["event"], record["event"])


def gold_trigger(doc: Doc, record: dict) -> Token | None:
    """The head word of the record's first marked event phrase."""
    info = record.get("textInfo") or {}
    markup = info.get("markup", "") if isinstance(info, dict) else str(info)
    marked = EVENT_MARK.search(markup)
    phrase = marked.group(1).strip() if marked else record.get("eventText", "")
    start = doc.text.find(phrase) if phrase else -1
    if start < 0:
        return None
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    if span is None:
        return None
    if span.root.pos_ in ("VERB", "NOUN"):
        return span.root
    return next((t for t in span if t.pos_ in ("VERB", "NOUN")), span.root)


def examples(docs: list[Doc], records: list[dict], onto: Ontology) -> list[tuple[list[str], str]]:
    """(features, type) for each record whose gold trigger is found in its parse."""
    found = []
    for doc, record in zip(docs, records, strict=True):
        trigger = gold_trigger(doc, record)
        if trigger is not None:
            found.append((features(trigger, onto), label(record)))
    return found


def fit(data: list[tuple[list[str], str]]) -> TypeModel:
    """Multinomial logistic regression with L2, by full-batch gradient descent."""
    classes = tuple(sorted({y for _, y in data}))
    names = sorted({f for feats, _ in data for f in feats})
    column = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(data), len(names)))
    y = np.zeros((len(data), len(classes)))
    for row, (feats, kind) in enumerate(data):
        x[row, [column[f] for f in feats]] = 1.0
        y[row, classes.index(kind)] = 1.0
    w, b = _descend(x, y)
    weights = {name: tuple(float(v) for v in w[i]) for name, i in column.items()}
    return TypeModel(classes, weights, tuple(float(v) for v in b))


def _descend(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    w = np.zeros((x.shape[1], y.shape[1]))
    b = np.zeros(y.shape[1])
    for _ in range(STEPS):
        logits = x @ w + b
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        error = (p - y) / len(x)
        w -= RATE * (x.T @ error + L2 * w)
        b -= RATE * error.sum(axis=0)
    return w, b


def train(records: list[dict], nlp=None) -> TypeModel:
    """A model fitted on the given GSR records (parsed with communique's spaCy pipeline)."""
    if nlp is None:
        from .. import nlp as nlp_module

        nlp = nlp_module.load()
    docs = list(nlp.pipe([r["text"] for r in records], batch_size=64))
    return fit(examples(docs, records, ontology()))


def halves(records: list[dict], half: str) -> list[dict]:
    """All records, or the odd / even positions (the split the benchmarks report)."""
    if half == "all":
        return records
    return records[1::2] if half == "odd" else records[0::2]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--half", choices=("all", "odd", "even"), default="all")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data" / ARTIFACT)
    options = parser.parse_args(argv)
    records = halves(load_records(options.data), options.half)
    model = train(records)
    provenance = {
        "what": "PLOVER type model for communique.events.typemodel (multinomial logistic "
        f"regression, L2={L2}, {STEPS} gradient steps)",
        "training_set": f"PLOVER_GSR_CAMEO.json ({options.half} records: {len(records)}), "
        "openeventdata/PLOVER gold_standard_records, commit 5e0c24fba623",
        "licence": "training data CC BY-SA 4.0, Copyright 2016 Open Event Data Alliance; "
        "the artifact holds only feature weights (lemmas, parse relations), no sentences",
        "rebuild": "python -m communique.events.train",
    }
    options.out.write_text(model.to_json(provenance) + "\n", encoding="utf-8")
    print(
        f"wrote {options.out} ({options.out.stat().st_size} bytes, {len(model.weights)} features)"
    )


if __name__ == "__main__":
    main()
