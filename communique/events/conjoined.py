"""Measures told in one breath: "closed its borders with X, suspended transactions with the
country and froze its assets" are all taken against X. A coercive verb conjoined to another
of the same subject, whose own object names no one, takes the target of its conjunct.

    remember(match, sources, targets, plover, context)
    inherited(match, sources, plover, context) -> list[str]
"""

from __future__ import annotations

from spacy.tokens import Token

from .participants import Context
from .triggers import Match

COERCIVE = frozenset({"SANCTION", "COERCE"})


def remember(
    match: Match, sources: list[str], targets: list[str], plover: str, context: Context
) -> None:
    """Keep the sides of a coercive verb for the verbs conjoined to it."""
    if not match.noun and plover in COERCIVE and sources and targets:
        context.sides_of[match.token.i] = (list(sources), list(targets))


def inherited(match: Match, sources: list[str], plover: str, context: Context) -> list[str]:
    """The targets of the nearest coercive conjunct of the same source, when the verb has
    no subject of its own (it shares its conjunct's)."""
    if match.noun or plover not in COERCIVE or not sources:
        return []
    verb = match.token
    if verb.dep_ == "xcomp":  # "... and then stopped sharing intelligence": the verb it opens
        verb = verb.head
    while verb.dep_ == "conj" and not _own_subject(verb):
        verb = verb.head
        sides = context.sides_of.get(verb.i)
        if sides is not None:
            return list(sides[1]) if sides[0] == sources else []
    return []


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
