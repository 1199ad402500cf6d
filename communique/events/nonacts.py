"""Trigger verbs that name no act where they stand: a fixed phrase ("as opposed to"), a
question ("asked whether ..."), a warning that only foretells ("warned that the fire is too
big to put out").

    no_act(verb) -> bool
"""

from __future__ import annotations

from spacy.tokens import Token

from ..actors.lexicon import words
from .claims import RESPONSES

INTENT_ADJECTIVES = frozenset({"ready", "willing", "prepared", "eager", "keen"})


def no_act(verb: Token) -> bool:
    return _fixed_phrase(verb) or _question(verb) or _forecast(verb)


# Fixed phrases in which a trigger verb names no act: the words around it ("as opposed to").
FIXED_PHRASES = {"oppose": ("as", "to")}


def _fixed_phrase(verb: Token) -> bool:
    around = FIXED_PHRASES.get(verb.lemma_.lower())
    if around is None or verb.i == 0 or verb.i + 1 >= len(verb.doc):
        return False
    return (verb.doc[verb.i - 1].lower_, verb.doc[verb.i + 1].lower_) == around


QUESTIONING = frozenset({"ask", "wonder", "inquire", "enquire"})
WH_WORDS = words("what who whom whose which why how when where whether if")


def _question(verb: Token) -> bool:
    """ "asked whether ...", "'What ...?' she asked": a question, not a request."""
    if verb.lemma_.lower() not in QUESTIONING:
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if any(c.left_edge.lower_ in WH_WORDS for c in clauses):
        return True
    if any(t.text == "?" for t in verb.sent if t.i < verb.i):
        return True
    before = verb.sent.start - 1  # "'Who will pay?' the president asked." split in two
    while before >= 0 and verb.doc[before].is_quote:
        before -= 1
    asks_for = any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in verb.children)
    return before >= 0 and verb.doc[before].text == "?" and not asks_for


WARNING = frozenset({"warn", "caution"})
MODALS = frozenset({"will", "would", "could", "might", "may", "'ll", "can", "shall"})


def _forecast(verb: Token) -> bool:
    """ "officials warn (that) the fire is too big to put out", "an analyst warned that such
    measures could embolden him": a warning that foretells, no threat. A threat names who is
    warned, or says what someone would do ("warned that it would respond")."""
    if verb.lemma_.lower() not in WARNING:
        return False
    if any(c.dep_ in ("dobj", "dative", "prep") for c in verb.children):
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    return bool(clauses) and not any(_someone_would(c) for c in clauses)


def _someone_would(clause: Token) -> bool:
    """ "it would respond", "they were prepared to use force if ...": what a named side
    would do (a modal, an intent adjective or a condition), not how things will go."""
    modal = any(c.dep_ == "aux" and c.lower_ in MODALS for c in clause.children)
    intent = any(c.lemma_.lower() in INTENT_ADJECTIVES for c in clause.children)
    condition = any(
        c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children)
        for c in clause.children
    )
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(_state_responding(s, clause) for s in subjects):  # "the country would respond"
        return modal or condition
    return (modal or intent or condition) and any(_named_side(s) for s in subjects)


def _state_responding(subject: Token, clause: Token) -> bool:
    """ "the country would respond with force": a side told by a common noun that answers."""
    if subject.lemma_.lower() not in STATE_NOUNS or clause.lemma_.lower() not in RESPONSES:
        return False
    return any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)


def _named_side(subject: Token) -> bool:
    """A pronoun, a name, what a named side owns ("its military", "Iran's navy"; not
    "the country's economy"), or a side's armed men ("Ethiopian troops", "the region's own
    police")."""
    if subject.pos_ in ("PRON", "PROPN") or subject.lemma_.lower() in ARMED_MEN:
        return True
    return any(c.dep_ == "poss" and c.pos_ in ("PRON", "PROPN") for c in subject.children)


STATE_NOUNS = frozenset({"country", "government", "state", "kingdom", "nation", "republic"})
ARMED_MEN = frozenset(
    {"troop", "soldier", "force", "army", "military", "officer", "police", "navy", "militia"}
)
