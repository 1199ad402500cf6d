"""Acts received: "X received military aid from Y", "X won support from Y", "will get no
support from Y". The noun's act goes from whoever it comes from to the receiver, the subject
of the verb that carries it, the reverse of "X gave aid to Y".

    received(match, index, context) -> (sources, targets, reciprocal, from_parse) | None
"""

from __future__ import annotations

from spacy.tokens import Token

from . import participants as args
from .participants import Context, MentionIndex
from .triggers import Match

RECEIVING = frozenset({"receive", "get", "obtain", "win", "secure", "gain"})


def received(
    match: Match, index: MentionIndex, context: Context
) -> tuple[list[str], list[str], bool, bool] | None:
    """The giver and the receiver of a noun's act carried by a verb of receiving, or None
    when the noun is not received."""
    light, head = match.light, match.head or match.token
    if light is None or light.lemma_.lower() not in RECEIVING or head.dep_ != "dobj":
        return None
    subjects, active = args.subject_tokens(light)
    if not active:
        return None
    givers = args.group(_from_phrases(match.token, head, light), index, context)
    receivers = [r for r in args.group(subjects, index, context) if r not in givers]
    return givers, receivers, False, bool(givers) and bool(receivers)


def _from_phrases(noun: Token, head: Token, light: Token) -> list[Token]:
    return [p for t in {noun, head, light} for p in args.prep_objects(t, {"from"})]
