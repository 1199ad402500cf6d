"""Where the trained type model (typemodel.py) steps in for the pattern coder.

- Unsure: when a sentence's candidate triggers name several PLOVER types, or a trigger's lemma
  has table rows of several types, the model scores each trigger in context. A trigger whose
  table type the model finds very unlikely, while it is confident of another, takes the
  model's type, unless the trigger's row matched on a condition (a preposition, object or
  complement: "called for" is a request whatever the model makes of "call") or the trigger
  is a noun ("talks", "visit": the model, trained on sentences, reads the sentence's verb
  into them: "signed a truce after two weeks of talks" made the talks an agreement) or a
  participle describing a noun ("after talks brokered by X" made the brokering one), or is
  an apology the tables are sure of ("apologised to X and offered compensation" made the
  apology an agreement); every
  candidate's strength (hence its events' confidence) is weighted by the model's belief in
  its type, so the sentence's main event ranks first.
- Missing: a sentence with no coded event but a verb whose subject and an object or
  prepositional object are two different actors is typed by the model when it is confident
  (never a verb of saying: what a declaration says is its event).

    arbitrate(matches, onto) -> list[Match]        # same matches, perhaps retyped/reweighted
    fallback_verbs(span, onto) -> list[tuple[Token, Trigger]]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.tokens import Span, Token

from . import typemodel
from .claims import DECLARING
from .ontology import SYMMETRIC_TYPES, Ontology, Trigger

RETYPE_MIN = 0.6  # model probability needed to overrule the table ...
TABLE_MAX = 0.1  # ... when it gives the table's type at most this
# an apology the tables are sure of keeps its type: the model, trained on few apologies, reads
# the sentence's other acts into it ("apologised to X and offered compensation": an agreement)
KEPT_TYPES = frozenset({"CONCEDE"})
SURE = 0.9
WEIGHT_FLOOR = 0.6  # strength multiplier for a candidate the model finds unlikely
FALLBACK_MIN = 0.6  # model probability needed to code a verb missing from the tables
FALLBACK_STRENGTH = 0.6
FALLBACK_SLOTS = ("dobj", "dative", "with", "to", "against", "on", "from", "for", "into")
ARGUMENT_DEPS = frozenset({"dobj", "dative", "prep", "agent"})


def default_codes(onto: Ontology) -> dict[str, str]:
    """The most general CAMEO code of each PLOVER type (shortest, without a mode if any)."""
    if id(onto) not in _DEFAULTS:
        _DEFAULTS[id(onto)] = _defaults(onto)
    return _DEFAULTS[id(onto)]


_DEFAULTS: dict[int, dict[str, str]] = {}


def _defaults(onto: Ontology) -> dict[str, str]:
    """Per type, the shortest code without a mode; if every code has one (ACCUSE), the root
    with the most codes under it (11 "disapprove", not 09 "investigate")."""
    family = Counter(entry.code[:2] for entry in onto.cameo.values())
    found: dict[str, str] = {}
    ranked = sorted(
        onto.cameo.values(),
        key=lambda e: (len(e.code), e.mode is not None, -family[e.code[:2]] * bool(e.mode)),
    )
    for entry in ranked:
        if entry.plover is not None:
            found.setdefault(entry.plover, entry.code)
    return found


def arbitrate(matches: list, onto: Ontology) -> list:
    """Matches with the model's judgement applied where the tables are unsure."""
    model = typemodel.model()
    if model is None or not matches:
        return matches
    kinds = {onto.code(m.trigger.cameo).plover for m in matches}
    sentence: list[str] | None = None
    out = []
    for match in matches:
        if len(kinds) > 1 or _ambiguous(match.token, onto):
            if sentence is None:
                sentence = typemodel.sentence_features(match.token.sent, onto)
            match = _judge(match, model, onto, sentence)
        out.append(match)
    return out


def _ambiguous(token: Token, onto: Ontology) -> bool:
    return len(set(typemodel.table_types(token, onto))) > 1


def _judge(match, model: typemodel.TypeModel, onto: Ontology, sentence: list[str]):
    own = onto.code(match.trigger.cameo).plover
    scores = model.scores(typemodel.features(match.token, onto, sentence))
    best = max(scores, key=scores.__getitem__)
    belief = scores.get(own, 0.0)
    specific = match.trigger.cond_kind is not None or match.noun or _describes_noun(match.token)
    specific = specific or own in KEPT_TYPES and match.trigger.strength >= SURE
    if not specific and best != own and scores[best] >= RETYPE_MIN and belief <= TABLE_MAX:
        trigger = replace(match.trigger, cameo=default_codes(onto)[best], frame=_frame(best))
        return replace(match, trigger=trigger)
    strength = match.trigger.strength * (WEIGHT_FLOOR + (1 - WEIGHT_FLOOR) * belief)
    return replace(match, trigger=replace(match.trigger, strength=strength))


def _describes_noun(verb: Token) -> bool:
    """A participle that describes a noun ("talks brokered by Malaysia"): the model, trained
    on sentences, reads the sentence's verb into it as it does into a noun trigger."""
    return verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBG")


def _frame(kind: str) -> str:
    return "sym" if kind in SYMMETRIC_TYPES else "dir"


def fallback_verbs(span: Span, onto: Ontology) -> list[tuple[Token, Trigger]]:
    """Verbs absent from the tables, with a subject and an argument, that the model types."""
    model = typemodel.model()
    if model is None:
        return []
    found = []
    sentence: list[str] | None = None
    for token in span:
        if not _candidate(token, onto):
            continue
        if sentence is None:
            sentence = typemodel.sentence_features(span, onto)
        kind, probability = model.best(typemodel.features(token, onto, sentence))
        if probability >= FALLBACK_MIN:
            found.append((token, _trigger(token, kind, probability, onto)))
    return found


def _candidate(token: Token, onto: Ontology) -> bool:
    """A verb the tables miss, with arguments; not a verb of saying, whose event (if any) is
    what is said ("said in a joint statement that they regretted ...")."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or lemma in onto.verbs or lemma in DECLARING:
        return False
    return _has_arguments(token)


def _has_arguments(verb: Token) -> bool:
    deps = {c.dep_ for c in verb.children}
    return bool(deps & {"nsubj", "nsubjpass"}) and bool(deps & ARGUMENT_DEPS)


def _trigger(token: Token, kind: str, probability: float, onto: Ontology) -> Trigger:
    return Trigger(
        lemma=token.lemma_.lower(),
        cond_kind=None,
        cond_values=frozenset(),
        cameo=default_codes(onto)[kind],
        frame=_frame(kind),
        slots=FALLBACK_SLOTS,
        min_participants=2,
        strength=FALLBACK_STRENGTH * probability,
    )
