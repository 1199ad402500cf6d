"""Forces named by who leads them: "special forces led by X seized the president", "troops
commanded by General Y". Armed men of no named side act for the side of their leader.

    leaders(token) -> list[Token]
"""

from __future__ import annotations

from spacy.tokens import Token

LEADING = frozenset({"lead", "head", "command"})
FORCES = frozenset(
    {"force", "troop", "soldier", "unit", "officer", "army", "guard", "fighter", "militia",
     "rebel", "mutineer", "battalion", "commando"}
)  # fmt: skip


def leaders(token: Token) -> list[Token]:
    """The agents of "led / headed / commanded by" on a forces noun, or []."""
    if token.lemma_.lower() not in FORCES:
        return []
    return [
        g
        for clause in token.children
        if clause.dep_ == "acl" and clause.tag_ == "VBN" and clause.lemma_.lower() in LEADING
        for by in clause.children
        if by.dep_ == "agent"
        for g in by.children
        if g.dep_ == "pobj"
    ]
