"""What a declaration claims of someone else: a demand on them or an accusation of them,
coded as an event of the declarer's.

    claimed(verb) -> (DEMANDED | BLAMED | WORSENED | WARNED, subject) | (RESPONDED, clause) | None
"""

from __future__ import annotations

from spacy.tokens import Token

from .ontology import Trigger

# What a declaration claims of someone else is an event of the declarer's: "X said Y must /
# should / has to ..." is a demand on Y (the act demanded is not coded: it is suppressed like
# the complement of "urged"); "X said Y was responsible / culpable / to blame for ..." is an
# accusation of Y. The target is the subject of that clause (slot "claimed").
DECLARING = frozenset(
    {"say", "declare", "reiterate", "insist", "stress", "state", "add", "tell", "write"}
    | {"repeat", "maintain", "argue", "emphasize", "emphasise", "underline", "assert"}
    | {"conclude", "charge", "allege"}
)
DEMANDED = Trigger("say", None, frozenset(), "100", "dir", ("claimed",), 2, 0.6)
BLAMED = Trigger("say", None, frozenset(), "112", "dir", ("claimed",), 2, 0.6)
# "X said it would respond / retaliate / take countermeasures", "said the move would not go
# unanswered": a threat by the declarer (CAMEO 130), made when it is said; its target is who
# is told or what is answered ("would respond to the British measures").
RESPONDED = Trigger("say", None, frozenset(), "130", "dir", ("dobj", "dative", "answered"), 1, 0.6)
RESPONSES = frozenset({"respond", "retaliate", "react", "reciprocate", "answer", "hit"})
COUNTERMEASURES = frozenset(
    {"countermeasure", "counter-measure", "measure", "step", "action", "retaliation", "reprisal"}
)
UNANSWERED = frozenset({"unanswered", "unpunished"})  # "would not go unanswered"
FUTURE = frozenset({"will", "would", "'ll", "wo", "shall"})
# "X said the new weapons deliveries would only deepen the conflict": an act said to worsen
# a conflict is criticised (CAMEO 111); its target is the act's author (judged.py).
WORSENED = Trigger("say", None, frozenset(), "111", "dir", ("claimed",), 2, 0.6)
WORSENING = frozenset(
    {"deepen", "escalate", "prolong", "fuel", "worsen", "exacerbate", "aggravate", "inflame"}
)
TROUBLES = frozenset({"conflict", "war", "crisis", "tension", "violence", "fighting", "bloodshed"})
# "X said Y must bear the consequences / will pay a heavy price": a warning of what Y's
# conduct will cost it is a threat by the declarer against Y (CAMEO 130), not a demand.
WARNED = Trigger("say", None, frozenset(), "130", "dir", ("claimed",), 2, 0.6)
BEARING = frozenset({"bear", "face", "pay", "suffer", "shoulder"})
PENALTIES = frozenset({"consequence", "price", "repercussion"})
FRIENDLY = frozenset({"positively", "favourably", "favorably", "constructively", "warmly"})
OBLIGING = frozenset({"must", "should"})
BLAME_WORDS = frozenset({"responsible", "culpable", "guilty", "liable", "accountable"})
SELF_PRONOUNS = frozenset({"i", "we"})
# "Now both sides must build trust," X told reporters: an exhortation quoted to the press,
# addressed to everyone in the conflict, is no demand on either side.
ALL_SIDES = frozenset({"sides", "parties", "everyone", "everybody", "all"})
QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "''", "``"})
CLAIM_DEPTH = 3  # clauses below the declaring verb ("no conclusion other than that Y was ...")
CLAIM_STEPS = frozenset({"ccomp", "advcl", "acl", "attr", "dobj"})


def claimed(verb: Token) -> tuple[Trigger, Token] | None:
    """The demand or accusation a declaring verb makes of someone other than the speaker,
    with the subject it is made of, or the response it threatens, with its verb."""
    layer = [c for c in verb.children if c.dep_ == "ccomp"]
    for clause in layer + [c for t in layer for c in t.children if c.dep_ == "conj"]:
        if _response(clause):
            return RESPONDED, clause
    for _ in range(CLAIM_DEPTH):
        for clause in layer:
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects or subjects[0].lower_ in SELF_PRONOUNS:
                continue
            # a demand is what was said, made of who is to act ("the results should not be
            # presented as ..." demands nothing of the results)
            active = subjects[0].dep_ == "nsubj"
            if active and clause.head.i == verb.i and _worsens(clause, subjects[0]):
                return WORSENED, subjects[0]
            if active and clause.head.i == verb.i and _penalised(clause):
                return WARNED, subjects[0]
            if active and _obliged(clause) and clause.head.i == verb.i:
                if _all_sides(subjects[0]) and _quoted(clause, verb):
                    continue
                return DEMANDED, subjects[0]
            if any(c.dep_ == "acomp" and c.lemma_.lower() in BLAME_WORDS for c in clause.children):
                return BLAMED, subjects[0]
        layer = [c for t in layer for c in t.children if c.dep_ in CLAIM_STEPS]
    return None


def _worsens(clause: Token, subject: Token) -> bool:
    """ "the deliveries would only deepen the conflict": a common noun (an act, not a side)
    said to be going to worsen a conflict."""
    if subject.pos_ != "NOUN" or clause.lemma_.lower() not in WORSENING:
        return False
    if not any(c.dep_ == "aux" and c.lower_ in FUTURE for c in clause.children):
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in TROUBLES for c in clause.children)


def _penalised(clause: Token) -> bool:
    """ "must bear all the consequences", "will pay a heavy price": a cost foretold."""
    if clause.lemma_.lower() not in BEARING:
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in PENALTIES for c in clause.children)


def _all_sides(subject: Token) -> bool:
    return subject.lemma_.lower() in ALL_SIDES or subject.lower_ in ALL_SIDES


def _quoted(clause: Token, verb: Token) -> bool:
    """The clause is direct speech: a quotation mark stands between it and its verb."""
    start, end = sorted((clause.i, verb.i))
    return any(t.text in QUOTE_MARKS for t in clause.doc[start:end])


def _obliged(clause: Token) -> bool:
    auxes = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    has_to = clause.lemma_ == "have" and any(
        c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in clause.children
    )
    return bool(auxes & OBLIGING) or has_to


def _response(clause: Token) -> bool:
    """ "would respond", "will retaliate", "would take countermeasures", "would not go
    unanswered": a response announced for later (not "had responded", not "would respond
    positively")."""
    if not any(c.dep_ == "aux" and c.lower_ in FUTURE for c in clause.children):
        return False
    lemma = clause.lemma_.lower()
    if any(c.lower_ in FRIENDLY for c in clause.children):  # "would respond positively"
        return False
    if lemma in RESPONSES:
        return lemma != "hit" or any(
            c.dep_ == "prt" and c.lower_ == "back" for c in clause.children
        )
    if lemma == "take":
        return any(
            c.dep_ == "dobj" and c.lemma_.lower() in COUNTERMEASURES for c in clause.children
        )
    negated = any(c.dep_ == "neg" for c in clause.children)
    return negated and any(c.lower_ in UNANSWERED for c in clause.children)


def answered(verb: Token) -> list[Token]:
    """What a threatened response answers: "would respond to the British measures"."""
    found = claimed(verb)
    if found is None or found[0] is not RESPONDED:
        return []
    return [
        g
        for c in found[1].children
        if c.dep_ in ("prep", "dative") and c.lower_ == "to"
        for g in c.children
        if g.dep_ == "pobj" and not _anyone(g)
    ]


def _anyone(token: Token) -> bool:
    return token.lower_ in ("anyone", "anybody", "whoever", "any")
