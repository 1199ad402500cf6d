"""Acts told of both sides at once: "with each side accusing the other of violations",
"both sides blamed the other" are the act of each of the article's two sides (those of the
most two-sided events told so far) against the other.

    sides(match, context) -> list[str]
"""

from __future__ import annotations

from spacy.tokens import Token

from .participants import Context
from .triggers import Match

SIDES = frozenset({"side", "party"})
EACH = frozenset({"each", "either", "both"})


def sides(match: Match, context: Context) -> list[str]:
    """The article's two sides, when the verb's subject is "each side" (or "each", "both
    sides") and its direct object "the other" (or "the other side"); not a phrase ("fought
    with the other")."""
    if match.noun or not context.pairs:
        return []
    verb = match.token
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(subjects) != 1 or not _each(subjects[0]) or not any(_other(o) for o in objects):
        return []
    return context.main_pair()


def _each(token: Token) -> bool:
    if token.lower_ == "each":  # "each accused the other"
        return True
    return token.lemma_.lower() in SIDES and any(
        c.dep_ in ("det", "predet", "amod") and c.lower_ in EACH for c in token.children
    )


def _other(token: Token) -> bool:
    """ "the other", "the other side"."""
    if token.lemma_.lower() in SIDES:
        if not any(c.dep_ == "amod" and c.lower_ == "other" for c in token.children):
            return False
    elif token.lower_ != "other":
        return False
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
