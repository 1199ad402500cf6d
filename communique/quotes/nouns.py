"""Noun cues: a noun of speech or position (`data/noun_cues.tsv`: "his claim that ...", "a
pledge to ...", "an assessment of ...") is a cue when its complement follows. Its speaker is
its owner (possessive, "by/from X", the subject of a light verb: "X issued a warning that
...", a name before it: "a Reuters report that ...", the subject of a verb the tagger read
as a noun: "the minister claims that", "Lee charges that"), else unresolved.
"""

from __future__ import annotations

from spacy.tokens import Token

from .spans import Attribution, Interval, end_of, noun_span, strip_that, trim
from .speakers import owner, speaker_of
from .tables import light_verbs, noun_cues

_NOUN_CLAUSES = ("acl", "ccomp", "relcl")
_NOT_OWNERS = {"DATE", "TIME", "EVENT", "LAW", "WORK_OF_ART", "FAC", "PRODUCT"}


def noun_cue(token: Token, text: str) -> Attribution | None:
    """ "his claim that ...", "a warning from X that ...", "X's decision to ...": a noun of
    speech or position with its complement; without one it is no cue ("the claim")."""
    words = noun_cues().get(token.lemma_.lower())
    if words is None:
        return None
    contents = noun_content(token, words, text)
    if not contents:
        return None
    found = Attribution(token, token.text, token.idx, end_of(token))
    found.kind, found.contents = "noun", contents
    found.speaker = noun_owner(token)
    found.speaker_span = noun_span(found.speaker) if found.speaker is not None else None
    return found


def noun_content(noun: Token, words: frozenset[str], text: str) -> list[Interval]:
    """The "that" clause, the infinitive or the object of the noun's own preposition; or
    the clause the noun is the subject of with "be" ("his argument is that ...")."""
    if "clause" in words and noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        clauses = [c for c in noun.head.rights if c.dep_ == "ccomp" and that_clause(c)]
        if clauses:
            span = trim(text, clauses[0].left_edge.idx, end_of(clauses[0].right_edge))
            return [strip_that(text, span)]
    for child in noun.rights:
        if child.dep_ in _NOUN_CLAUSES and "clause" in words and that_clause(child):
            return [strip_that(text, trim(text, child.left_edge.idx, end_of(child.right_edge)))]
        if child.dep_ in ("acl", "xcomp") and "infinitive" in words and _infinitive(child):
            return [trim(text, child.left_edge.idx, end_of(child.right_edge))]
        if child.dep_ == "prep" and child.lower_ in words:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return [trim(text, objects[0].left_edge.idx, end_of(objects[0].right_edge))]
    return []


def that_clause(verb: Token) -> bool:
    """A complement clause opened by "that" as its conjunction; the parser may call it a
    relative clause, but in a true one "that" is the subject or object, not the mark."""
    return any(c.dep_ == "mark" and c.lower_ == "that" and c.i < verb.i for c in verb.children)


def _infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def noun_owner(noun: Token) -> Token | None:
    """Whose claim it is: the possessive ("his claim"), "by/from X", the subject of a
    light verb taking it as object ("X made the claim that ...") or of the verb it fills in
    with "in" ("X persisted in the claim that ..."), a name before it ("a Reuters report
    that ..."), or the subject of a verb the tagger read as a noun ("the minister claims that",
    "Lee charges that ..." with "Lee" a compound). No owner: None."""
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ == "nsubj" and noun.dep_ == "ROOT"):
            return child  # "his claim"; "the minister claims that ..." read as a noun
    if noun.dep_ == "ROOT" and noun.tag_ == "NNS" and noun.i > noun.sent.start:
        first = noun.doc[noun.i - 1]  # "Lee charges that ...": a verb read as a plural noun
        if first.dep_ == "compound" and first.head == noun and first.i == noun.sent.start:
            return first
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return owner(objects[0])
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in light_verbs():
        return speaker_of(noun.head)
    named = [c for c in noun.children if c.dep_ == "compound" and names_owner(c)]
    if named:
        return named[-1]  # "a Reuters report that ...", "the Kremlin statement that ..."
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "in" and prep.head.pos_ in ("VERB", "AUX"):
        return speaker_of(prep.head)  # "X persisted in the claim that", "in the hope that"
    return None


def names_owner(token: Token) -> bool:
    """A proper name before a noun cue that can own it (not "the May report")."""
    return token.pos_ == "PROPN" and token.ent_type_ not in _NOT_OWNERS
