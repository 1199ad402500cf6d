"""A person's office speaking for them: "his office said", "X's office announced", "the
office of President X said", "according to her office".

"Office" alone is no body (one takes, holds or leaves office), so the knowledge base does
not pin it. Owned by a person ("his"/"her", a name before "'s", "of" and a name after) and
the subject of a verb, an agent or the object of "according to", it is that person's
office: a government body of the person's country, which the patron rules give it
(`Resolver._patrons`, `actors._patrons`). A relayed report ("X told Y that ..., his office
said") is then relayed by the person's state.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .found import Found

OFFICE = "office"
SPEAKING_DEPS = frozenset({"nsubj", "nsubjpass"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her"})


def persons_offices(doc: Doc, found: list[Found]) -> list[Found]:
    """`found` with one body for each person's office that acts or speaks."""
    taken = bytearray(len(doc))
    for f in found:
        taken[f.start : f.end] = b"\x01" * (f.end - f.start)
    persons = {
        i: f
        for f in found
        if f.kind == "person" and f.role == "actor"
        for i in range(f.start, f.end)
    }
    added = []
    for tok in doc:
        if tok.lower_ != OFFICE or tok.tag_ != "NN" or taken[tok.i] or not _speaks(tok):
            continue
        patron = _patron(tok, persons)
        if patron >= 0:
            added.append(
                Found(
                    tok.i,
                    tok.i + 1,
                    "body",
                    key=OFFICE,
                    sector="GOV",
                    patron=patron,
                    subject=tok.dep_ in SPEAKING_DEPS,
                )
            )
    return sorted(found + added, key=lambda f: (f.start, f.kind == "pronoun", f.end))


def _speaks(tok: Token) -> bool:
    """A subject ("his office said"), an agent ("was announced by her office") or the
    object of "according to"."""
    if tok.dep_ in SPEAKING_DEPS:
        return True
    prep = tok.head
    if tok.dep_ != "pobj":
        return False
    return prep.dep_ == "agent" or (prep.lower_ == "to" and prep.head.lower_ == "according")


def _patron(tok: Token, persons: dict[int, Found]) -> int:
    """The first token of the person owning the office ("his" itself for a pronoun), or -1."""
    for child in tok.children:
        if child.dep_ != "poss":
            continue
        if child.lower_ in POSSESSIVE_PRONOUNS:
            return child.i
        if child.i in persons:
            return persons[child.i].start
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.i in persons:
                    return persons[obj.i].start
    return -1
