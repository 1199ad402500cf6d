"""Expressions that date one event from another: "The vote came two days after a drone
strike killed the general", "He spoke hours after lawmakers voted", "resigned a week
before the election".

Such an expression, used as an adjunct of a main clause, says how far the main
clause's event lies from the event of the phrase or clause that its "after" or
"before" introduces (the inner event). It dates the inner event, never the main
clause: the inner event lies the stated distance from the main clause's own day, the
other way ("two days after" the strike: the strike two days before the vote). The
main clause's day is an expression it governs in the same sentence, else the anchor
(the value resolved before the expression). "hours after", "minutes before" and
"shortly after" put the inner event on that day. With no such day, or one too coarse
for the distance (a month for "two days"), the inner event's date is unknown and the
expression resolves to nothing.

An expression whose "after" or "before" ends the clause ("two days later", "a week
before.") or introduces a date ("three days after 9 January") is no such adjunct and
resolves as usual.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from ..records import DateValue
from . import lexicon
from . import periods as p
from .grammar import NUMBER, UNIT, normalise
from .relative import VAGUE_COUNTS, count_from
from .resolve import precision_of

COUNTED = re.compile(rf"({NUMBER}|a|an) ({UNIT}) (after|before)")
NEAR = re.compile(
    rf"(?:(?:(?:{NUMBER}) )?(?:hours|minutes)|(?:an|one) hour|a minute|shortly|moments) "
    r"(?:after|before)"
)
DATE_ENTITIES = ("DATE", "TIME")


def inner_event(span: Span) -> Span | None:
    """The phrase or clause whose event an expression such as "two days after" dates
    ("a drone strike killed the general"), or None when the expression is no adjunct
    of that kind."""
    text, _ = normalise(span.text)
    if not (COUNTED.fullmatch(text) or NEAR.fullmatch(text)):
        return None
    connective = span[-1]
    root = _inner_root(connective) if connective.text.lower() in ("after", "before") else None
    if root is None or root.right_edge.i <= connective.i:
        return None
    inner = span.doc[connective.i + 1 : root.right_edge.i + 1]
    if any(token.ent_type_ in DATE_ENTITIES for token in inner):
        return None  # "three days after 9 January" counts from a date, not an event
    return inner


def _inner_root(connective: Token) -> Token | None:
    """The verb "after" marks ("after a strike killed ...") or the object it takes
    ("after the attack")."""
    if connective.dep_ == "mark" and connective.head.i > connective.i:
        return connective.head
    objects = [c for c in connective.children if c.dep_ in ("pobj", "pcomp")]
    return objects[0] if objects else None


def main_head(span: Span, inner: Span) -> Token | None:
    """The head of the main clause the expression is an adjunct of ("came" in "The vote
    came two days after ..."), or None when the parse gives none outside the inner
    event."""
    connective = span[-1]
    token = connective.head if connective.dep_ != "mark" else connective.head.head
    while span.start <= token.i < span.end and token.head.i != token.i:
        token = token.head
    if inner.start <= token.i < inner.end or span.start <= token.i < span.end:
        return None
    return token


def own_day(head: Token, inner: Span, spans: Sequence[tuple[Span, DateValue]]) -> DateValue | None:
    """The value of an expression of the same sentence that the main clause's head
    governs ("Lawmakers voted on Sunday, two days after ..."), or None."""
    for span, value in spans:
        if span.sent != head.sent or inner.start <= span.start < inner.end:
            continue
        if _governs(span.root, head):
            return value
    return None


def _governs(token: Token, head: Token) -> bool:
    """True when `token` attaches to `head` before reaching another verb."""
    while token.head.i != token.i:
        token = token.head
        if token.i == head.i:
            return True
        if token.pos_ in ("VERB", "AUX"):
            return False
    return False


def date_inner(text: str, base: DateValue | None) -> DateValue | None:
    """The date of the inner event of an adjunct expression whose main clause falls on
    `base`, or None when it is unknown."""
    if base is None:
        return None
    s, _ = normalise(text)
    if NEAR.fullmatch(s):
        interval = (base.start, base.start) if base.precision == "day" else None
    else:
        interval = _counted(COUNTED.fullmatch(s), base)
    if interval is None:
        return None
    return DateValue(interval[0], interval[1], precision_of(*interval), text=text)


def _counted(m: re.Match[str] | None, base: DateValue) -> p.Interval | None:
    if m is None or " ".join(m[1].split()) in VAGUE_COUNTS:
        return None
    unit = lexicon.table("unit")[m[2]]
    if base.end > p.unit_of(unit, base.start)[1]:
        return None  # a month is too coarse to count two days from
    count = lexicon.number(" ".join(m[1].split()))
    # the main clause lies `count` units after the inner event: the inner event before it
    return count_from(base.start, unit, count if m[3] == "before" else -count)
