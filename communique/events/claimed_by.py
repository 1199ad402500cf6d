"""An attack claimed: "a bomber killed 40 police officers, an attack claimed by X", "gunmen
stormed the base in an assault later claimed by Y". The body that claims the attack set
beside the act is who carried it out, whoever the clause's own subject names.

    claimants(verb) -> list[Token]
"""

from __future__ import annotations

from spacy.tokens import Token

from . import participants as args

ATTACKS = frozenset(
    {"attack", "assault", "bombing", "raid", "ambush", "strike", "blast", "massacre", "killing"}
)
BESIDE = frozenset({"npadvmod", "appos", "dobj", "pobj"})  # "..., an attack claimed by X"


def claimants(verb: Token) -> list[Token]:
    """The agents of "claimed by" on an attack noun set beside the verb or inside its phrases
    ("in an attack claimed by X"), or beside a clause it hangs on ("Relations hit a low when
    a bomber killed 40 police, an attack claimed by X")."""
    for clause in [verb, *verb.ancestors]:
        found = [a for n in _beside(clause) for a in _claimed_by(n)]
        if found:
            return found
    return []


def _beside(verb: Token) -> list[Token]:
    nouns = [c for c in verb.children if c.dep_ in BESIDE]
    return nouns + [
        p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
    ]


def _claimed_by(noun: Token) -> list[Token]:
    if noun.lemma_.lower() not in ATTACKS:
        return []
    return [
        a
        for clause in noun.children
        if clause.dep_ == "acl" and clause.lemma_.lower() == "claim"
        for a in args.agents(clause)
    ]
