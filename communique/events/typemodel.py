"""A small trained PLOVER type model: multinomial logistic regression over parse features.

It arbitrates between the pattern coder's candidate triggers and types a sentence whose
predicate is missing from the trigger tables. Features of a (sentence, trigger token) pair:

- the trigger's lemma, part of speech, dependency relation and head lemma;
- the lemmas of its open complement, object, particle and prepositions ("threatened to impose");
- negation and modal cues on the trigger;
- the PLOVER types the trigger tables give the trigger, its complement and the sentence's other
  table words (so the model learns when to trust the tables and when context overrides them);
- the lemmas of the sentence's verbs, nouns and adjectives (a bag of words).

The weights live in data/type_model.json (built by `python -m communique.events.train`,
which also records its provenance there). Loading is cached: one read per process.

    features(trigger, onto) -> list[str]
    TypeModel.scores(feats) -> dict[str, float]      # probability per PLOVER type
    model() -> TypeModel | None                     # the packaged model (None if absent)
    use(model) -> None                              # swap the model (cross-validation only)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources

import numpy as np
from spacy.tokens import Span, Token

from .ontology import NOT_EVENT, Ontology

ARTIFACT = "type_model.json"
BAG_POS = frozenset({"VERB", "NOUN", "ADJ"})
CHILD_DEPS = frozenset({"xcomp", "ccomp", "dobj", "prt", "acomp", "advmod", "attr"})
PREP_DEPS = frozenset({"prep", "agent", "dative"})


# ---------------------------------------------------------------- features


def features(trigger: Token, onto: Ontology, sentence: list[str] | None = None) -> list[str]:
    """The feature names of a trigger token in its sentence (duplicates removed); `sentence`
    is sentence_features(trigger.sent, onto) when the caller has it already."""
    lemma = trigger.lemma_.lower()
    found = [f"t={lemma}", f"pos={trigger.pos_}", f"dep={trigger.dep_}"]
    found += [f"tt={kind}" for kind in table_types(trigger, onto)] or ["tt=NONE"]
    if trigger.head.i != trigger.i:
        found.append(f"head={trigger.head.lemma_.lower()}")
    for child in trigger.children:
        found += _child_features(lemma, child, onto)
    found += sentence if sentence is not None else sentence_features(trigger.sent, onto)
    return list(dict.fromkeys(found))


def sentence_features(sent: Span, onto: Ontology) -> list[str]:
    """What the whole sentence says: the table types of its words and its content lemmas."""
    found = []
    for token in sent:
        if token.pos_ in BAG_POS:
            found += [f"st={kind}" for kind in _types_of(token, onto)]
            if not token.is_stop:
                found.append(f"w={token.lemma_.lower()}")
    return found


def _child_features(lemma: str, child: Token, onto: Ontology) -> list[str]:
    word = child.lemma_.lower()
    if child.dep_ == "neg":
        return ["neg"]
    if child.dep_ in ("aux", "auxpass"):
        return [f"aux={word}"] if child.tag_ == "MD" else []
    if child.dep_ in PREP_DEPS:
        return [f"prep={child.lower_}", f"tp={lemma}>{child.lower_}"]
    if child.dep_ not in CHILD_DEPS:
        return []
    found = [f"{child.dep_}={word}"]
    if child.dep_ == "xcomp":
        found += [f"x={lemma}>{word}"] + [f"xt={k}" for k in table_types(child, onto)]
    return found


def table_types(token: Token, onto: Ontology) -> list[str]:
    """The PLOVER types the verb or noun tables list for the token's lemma (any condition)."""
    return list(dict.fromkeys(_types_of(token, onto)))


def _types_of(token: Token, onto: Ontology) -> list[str]:
    if token.pos_ == "VERB":
        rows = onto.verbs.get(token.lemma_.lower(), ())
    elif token.pos_ == "NOUN":
        rows = onto.nouns.get(token.lemma_.lower(), ())
    else:
        return []
    kinds = (onto.code(row.cameo).plover for row in rows if row.cameo != NOT_EVENT)
    return [k for k in kinds if k is not None]


# ---------------------------------------------------------------- model


@dataclass(frozen=True, slots=True)
class TypeModel:
    """Weights per feature (one per class) and a bias per class."""

    classes: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]
    bias: tuple[float, ...]
    rows: dict[str, int] = field(init=False, repr=False, compare=False)
    matrix: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        names = list(self.weights)
        object.__setattr__(self, "rows", {name: i for i, name in enumerate(names)})
        table = [self.weights[n] for n in names] + [self.bias]  # the bias is the last row
        object.__setattr__(self, "matrix", np.array(table, dtype=np.float64))

    def scores(self, feats: list[str]) -> dict[str, float]:
        """Softmax probability of each class for a feature list."""
        rows = [self.rows[f] for f in feats if f in self.rows]
        rows.append(len(self.rows))
        totals = self.matrix[rows].sum(axis=0)
        exps = np.exp(totals - totals.max())
        return dict(zip(self.classes, (exps / exps.sum()).tolist(), strict=True))

    def best(self, feats: list[str]) -> tuple[str, float]:
        found = self.scores(feats)
        kind = max(found, key=found.__getitem__)
        return kind, found[kind]

    def to_json(self, provenance: dict) -> str:
        payload = {
            "provenance": provenance,
            "classes": list(self.classes),
            "bias": [round(b, 4) for b in self.bias],
            "weights": {k: [round(w, 4) for w in v] for k, v in sorted(self.weights.items())},
        }
        return json.dumps(payload, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> TypeModel:
        payload = json.loads(text)
        weights = {k: tuple(v) for k, v in payload["weights"].items()}
        return cls(tuple(payload["classes"]), weights, tuple(payload["bias"]))


_CURRENT: dict[str, TypeModel | None] = {}


def model() -> TypeModel | None:
    """The packaged model, read once; None when the artifact has not been built."""
    if "model" not in _CURRENT:
        path = resources.files(__package__).joinpath("data").joinpath(ARTIFACT)
        _CURRENT["model"] = TypeModel.from_json(path.read_text()) if path.is_file() else None
    return _CURRENT["model"]


def use(replacement: TypeModel | None) -> None:
    """Use another model in this process (cross-validation); `None` disables the model."""
    _CURRENT["model"] = replacement


def reset() -> None:
    """Go back to the packaged model."""
    _CURRENT.pop("model", None)
