"""Modality of a coded event: asserted, negated, planned, hypothetical, reported or denied.

The cues (data/modality.tsv) are read on the trigger itself, then on each clause that governs
it, nearest first: "did not meet" is negated even inside "media claimed that ...".
"""

from __future__ import annotations

from spacy.tokens import Token

from .measures import CEASING
from .ontology import Ontology
from .slips import misattached

COMPLEMENTS = frozenset(
    {"xcomp", "ccomp", "acl", "relcl", "pcomp", "dobj", "pobj", "advcl", "prep"}
)
SPEECH = frozenset({"say", "tell", "state", "announce", "add", "note", "stress", "declare"})
# "agreed that officials would resume contacts": a "would" promised or agreed is planned
DOING = frozenset({"commit", "undertake"})  # "committed to withdraw", but "committed a crime"
COMMITTING = frozenset({"agree", "promise", "pledge", "vow", "decide", "undertake", "commit"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
INSIDE_CLAUSE = frozenset({"prep", "pobj", "advcl", "xcomp", "dobj", "conj"})
REFUSALS = frozenset({"refuse", "decline", "reject", "boycott", "snub"})
CONDITIONAL = frozenset({"if", "unless"})
CONDITIONAL_ACTS = frozenset({"THREATEN"})  # a threat names its condition and is still made
BE = frozenset({"be", "was", "were", "is", "are"})
AFTERWARDS = frozenset({"after", "since", "following"})  # what comes after a done event
INDEFINITE = frozenset({"anyone", "anybody", "whoever", "anything", "whatever"})
# "there was no sign that X had made a concession": a clause or "of" phrase under "no" + one
# of these nouns is negated
EVIDENCE = frozenset({"sign", "evidence", "indication", "proof", "suggestion", "hint", "trace"})
# "dismissed reports that he had held talks": what a denied report says is denied
REPORTS = frozenset(
    {"report", "claim", "suggestion", "allegation", "rumour", "rumor", "speculation", "account"}
)
PREPARING = frozenset({"prepare", "gear", "brace"})  # "preparing for his meeting with X"
OPEN = frozenset({"open"})  # "open to negotiating a new agreement": only possible
GOVERNED_MODALITIES = ("planned", "negated", "denied", "hypothetical")
RULING_OUT = frozenset({("rule", "out"), ("write", "off")})  # "ruled out a meeting": negated


def own_cues(token: Token, onto: Ontology, sentence_has_if: bool) -> str | None:
    """Modality marked on the token itself: negation, auxiliaries, adverbs, determiners."""
    if _be_to(token):
        return "planned"
    for child in token.children:
        if child.dep_ == "neg" or child.lower_ == "never":
            return "negated"
        if child.dep_ == "det" and child.lower_ in onto.cues("negated", "det"):
            return "negated"
        if child.dep_ == "advmod" and child.lower_ in onto.cues("negated", "advmod"):
            return "negated"
    for child in token.children:
        if child.dep_ == "advmod" and child.lower_ in onto.cues("reported", "advmod"):
            return "reported"
        if child.dep_ == "mark" and child.lower_ in onto.cues("hypothetical", "mark"):
            return "hypothetical"
        if child.dep_ == "aux" and child.lower_ in FUTURE_AUX:
            return "planned"
        if child.dep_ == "aux" and child.lower_ in onto.cues("hypothetical", "aux"):
            return "hypothetical" if sentence_has_if or not _in_speech(token) else "planned"
        if child.dep_ == "amod" and child.lower_ in onto.cues("planned", "amod"):
            return "planned"
        if child.dep_ == "acl" and child.lemma_ in onto.cues("planned", "governor"):
            return "planned"
    return None


def conditional(token: Token) -> bool:
    """The clause is an if/unless clause, or has one ("if X ..., we will impose ...")."""
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL for c in token.children):
        return True
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL for m in c.children)
        for c in token.children
    )


def _if_clause(token: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in CONDITIONAL for c in token.children)


def _of_anyone(token: Token) -> bool:
    """ "anyone who attacked its nationals", "any country that invades": an act of whoever
    might do it, not one done."""
    if token.dep_ != "relcl":
        return False
    head = token.head
    return head.lower_ in INDEFINITE or any(
        c.dep_ == "det" and c.lower_ == "any" for c in head.children
    )


def _be_to(token: Token) -> bool:
    """'was to meet', 'is to have included', 'are to be disarmed': arranged, not done."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    return token.dep_ == "xcomp" and token.head.lemma_ == "be" and token.head.pos_ == "AUX"


def _in_speech(token: Token) -> bool:
    while token.head.i != token.i:
        if token.dep_ == "ccomp" and token.head.lemma_ in SPEECH | COMMITTING:
            return True
        token = token.head
    return False


def governed(token: Token, relation: str, onto: Ontology, event_type: str) -> str | None:
    """Modality imposed by a governing word reached through `relation`."""
    lemma = _lemma(token, onto)
    if relation in ("acl", "ccomp", "prep"):
        noun = _noun_over_clause(token, onto)
        if noun:
            return noun
    if relation == "pobj" and token.lower_ == "for" and token.head.lemma_.lower() in PREPARING:
        return "planned"
    if relation == "pcomp" and token.lower_ == "to" and token.head.lemma_.lower() in OPEN:
        return "hypothetical"
    if lemma in onto.cues("denied", "governor") and relation in ("ccomp", "xcomp", "pcomp", "dobj"):
        return "denied" if relation != "dobj" or lemma == "deny" else None
    if lemma == "without" and relation in ("pcomp", "pobj"):  # "left without signing"
        return "negated"
    if lemma in REFUSALS and relation in ("xcomp", "dobj"):
        return "planned" if event_type == "CONSULT" else "negated"
    if lemma in onto.cues("negated", "governor") and relation in ("xcomp", "dobj"):
        return "negated"
    if lemma in CEASING and relation == "xcomp":  # "stopped shelling the town"
        return None if event_type == "SANCTION" else "negated"  # a cooperation stopped
    if relation == "dobj" and any((lemma, c.lower_) in RULING_OUT for c in token.children):
        return "negated"
    if lemma in onto.cues("planned", "governor") and relation in ("xcomp", "dobj"):
        if relation == "xcomp" and any(c.dep_ == "neg" for c in token.children):
            return "negated"  # "would not seek to open talks": an intent denied
        return "planned" if relation == "xcomp" or lemma not in DOING else None
    if _reported_by_source(token, onto) and relation in ("ccomp", "xcomp"):
        return "reported"
    return _epistemic(token, relation, onto)


def _lemma(token: Token, onto: Ontology) -> str:
    """The lemma, with the final "e" the lemmatizer drops from some governors restored
    ("had hoped to meet": "hop" -> "hope")."""
    lemma = token.lemma_.lower()
    if token.lower_ not in (f"{lemma}es", f"{lemma}ed", f"{lemma}ing"):
        return lemma
    governors = set().union(*(onto.cues(m, "governor") for m in GOVERNED_MODALITIES))
    return f"{lemma}e" if f"{lemma}e" in governors else lemma


def _noun_over_clause(noun: Token, onto: Ontology) -> str | None:
    """A that-clause or "of" phrase under "no sign / no evidence" is negated; under "reports
    / claims" that a denial verb takes as its object ("dismissed reports that ..."), denied."""
    lemma = noun.lemma_.lower()
    if lemma in EVIDENCE and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return "negated"
    if lemma not in REPORTS or noun.dep_ != "dobj":
        return None
    verb = noun.head
    if verb.lemma_.lower() in onto.cues("denied", "governor") and not any(
        c.dep_ == "neg" for c in verb.children
    ):
        return "denied"
    return None


def _epistemic(token: Token, relation: str, onto: Ontology) -> str | None:
    """A clause under a belief verb or a possibility predicate is not an assertion:
    'did not believe an invasion was imminent', 'fears an attack', 'an attack is possible'."""
    if relation in ("nsubj", "nsubjpass") and any(
        c.dep_ == "acomp" and c.lemma_.lower() in onto.cues("hypothetical", "predicate")
        for c in token.children
    ):
        return "hypothetical"
    if relation not in ("ccomp", "dobj", "xcomp"):
        return None
    if token.lemma_.lower() in onto.cues("hypothetical", "governor"):
        negated = any(c.dep_ == "neg" for c in token.children)
        return "negated" if negated and relation == "dobj" else "hypothetical"
    return None


def _reported_by_source(verb: Token, onto: Ontology) -> bool:
    """'X media claimed', 'sources said', 'according to reports'."""
    sources = onto.cues("reported", "source")
    if verb.lemma_ in onto.cues("reported", "reporter"):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and _is_source(child, sources):
                return True
        if verb.dep_ == "acl" and _is_source(verb.head, sources):  # parsed "outlets [reported]"
            return True
    return according_to_source(verb, sources)


def according_to_source(token: Token, sources: frozenset[str]) -> bool:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            for pobj in child.subtree:
                if pobj.dep_ == "pobj" and _is_source(pobj, sources):
                    return True
    return False


def _is_source(token: Token, sources: frozenset[str]) -> bool:
    return token.lower_ in sources or token.lemma_.lower() in sources


def modality(anchors: list[Token], onto: Ontology, event_type: str) -> str:
    """The modality of an event whose trigger words are `anchors` (innermost first)."""
    sentence_has_if = any(t.lower_ in ("if", "unless") for t in anchors[0].sent)
    if event_type not in CONDITIONAL_ACTS and any(conditional(a) for a in anchors):
        return "hypothetical"
    if any(_of_anyone(a) for a in anchors):
        return "hypothetical"
    for anchor in anchors:
        found = own_cues(anchor, onto, sentence_has_if)
        if found:
            return found
        if according_to_source(anchor, onto.cues("reported", "source")):
            return "reported"
    token = anchors[-1]
    while token.head.i != token.i and not own_clause(token):
        if token.dep_ == "conj" and misattached(token):  # "said Y would ... and accused Z":
            relation, token = "conj", token.head.head  # coordinated with the reporting verb
        else:
            relation, token = _relation(token), token.head
        if _if_clause(token):  # "if officers tried to detain him": no intent read above "if"
            return "hypothetical"
        found = governed(token, relation, onto, event_type) or _clause_cues(
            token, relation, onto, sentence_has_if
        )
        if found:
            return found
    return "asserted"


def _relation(clause: Token) -> str:
    """How a clause hangs on its governor; an infinitive with a subject of its own ("wants
    Stockholm to extradite them", parsed as a that-clause) is an open complement."""
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    return "xcomp" if clause.dep_ == "ccomp" and to else clause.dep_


def own_clause(token: Token) -> bool:
    """A clause or phrase whose modality the clauses above it do not colour: a relative
    clause ("left without signing a text that X had signed": X signed) and an event that a
    past-time phrase or clause dates another by ("agreed to resume visits after talks in
    Tokyo", "agreed to talk after rebels shelled the town")."""
    if token.dep_ == "relcl":
        return True
    if token.dep_ in ("pobj", "pcomp") and token.head.lower_ in AFTERWARDS:
        return True
    return token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in AFTERWARDS for c in token.children
    )


def _clause_cues(token: Token, relation: str, onto: Ontology, sentence_has_if: bool) -> str | None:
    """Cues on a governing clause that colour everything below it (reportedly, if, would,
    and 'will' for phrases inside the clause: 'will travel to X for talks')."""
    if conditional(token):
        return "hypothetical"
    if _be_to(token) and relation in INSIDE_CLAUSE:
        return "planned"
    for child in token.children:
        if child.dep_ == "aux" and child.lower_ in FUTURE_AUX and relation in INSIDE_CLAUSE:
            return "planned"
        if child.dep_ == "aux" and child.lower_ in onto.cues("hypothetical", "aux"):
            if sentence_has_if:
                return "hypothetical"
            if relation in INSIDE_CLAUSE:  # "said it would tighten the blockade"
                return "planned" if _in_speech(token) else "hypothetical"
        if child.dep_ == "advmod" and child.lower_ in onto.cues("reported", "advmod"):
            return "reported"
        if child.dep_ == "mark" and child.lower_ in onto.cues("hypothetical", "mark"):
            return "hypothetical"
    return None
