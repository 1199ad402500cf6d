"""Denials that reach back to earlier sentences: "Media reported that A met B. ... B denied
it / rejected the account / denied that any meeting took place" -> the meeting is `denied`.

A denial verb (modality.tsv: denied governor) that is not itself negated denies
- a report: its object is a pronoun or a report word ("the account", "the claims") -> the
  reported events of the recent sentences, whatever their type;
- an event: its that-clause holds a trigger word ("denied that any talks took place") -> the
  recent events of that type which were reported, or asserted with the denier as a party.

    find(span, onto, index, context) -> Denial | None
    apply(denial, earlier, sentence_index) -> None   # marks events in place
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..records import Event
from . import participants as args
from .ontology import Ontology
from .typemodel import table_types

ANAPHORS = frozenset({"it", "this", "that", "them", "these", "those"})
REPORT_WORDS = frozenset(
    {"report", "account", "claim", "allegation", "story", "rumour", "rumor", "assertion"}
)
WINDOW = 5  # sentences back that a denial can reach
DENIED_WEIGHT = 0.85 / 0.8  # confidence of a denied event relative to a reported one


@dataclass(frozen=True, slots=True)
class Denial:
    types: frozenset[str] | None  # None: whatever was reported
    deniers: tuple[str, ...]


def find(span: Span, onto: Ontology, index: args.MentionIndex, context: args.Context):
    """The sentence's denial of something said before, if it has one."""
    verbs = onto.cues("denied", "governor")
    for token in span:
        if token.pos_ != "VERB" or token.lemma_.lower() not in verbs or _negated(token):
            continue
        subjects, active = args.subject_tokens(token)
        deniers = tuple(args.group(subjects, index, context)) if active else ()
        if any(_is_report(c) for c in token.children if c.dep_ in ("dobj", "nsubjpass")):
            return Denial(None, deniers)
        kinds = _clause_types(token, onto)
        if kinds:
            return Denial(kinds, deniers)
    return None


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _is_report(token: Token) -> bool:
    return token.lower_ in ANAPHORS or token.lemma_.lower() in REPORT_WORDS


def _clause_types(verb: Token, onto: Ontology) -> frozenset[str]:
    kinds: set[str] = set()
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        for token in clause.subtree:
            kinds.update(table_types(token, onto))
    return frozenset(kinds)


def apply(denial: Denial, earlier: list[Event], sentence_index: int) -> None:
    """Mark the earlier events the denial reaches as denied."""
    for event in earlier:
        sentence = event.evidence[0].sentence_index if event.evidence else -1
        if not 0 < sentence_index - sentence <= WINDOW or not _reaches(denial, event):
            continue
        event.modality = "denied"
        event.confidence = round(min(1.0, event.confidence * DENIED_WEIGHT), 3)


def _reaches(denial: Denial, event: Event) -> bool:
    if denial.types is None:
        return event.modality == "reported"
    if event.event_type not in denial.types:
        return False
    parties = {event.source, event.target}
    return event.modality == "reported" or (
        event.modality == "asserted" and bool(parties & set(denial.deniers))
    )
