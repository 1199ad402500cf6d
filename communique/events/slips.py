"""Parse slips around reporting verbs that the side finding repairs: a predicate of the
reporter's parsed as part of what is reported.

    misattached(verb) -> bool   # "said Y would stand ... and pledged": pledged with said
    run_on(verb) -> bool        # "said it was a mistake, apologised to Y": apologised too
    listed(token, child) -> bool          # "Canada, Brazil and Colombia" parsed as an apposition
    possessive_conjunct(token) -> list    # "hosted A and B's President C": A, parsed as C's modifier
    antecedent(token) -> Token | None     # "C, whom X asked to mediate": whom -> C
    adverbial_objects(verb) -> list       # "hosted Prime Minister A and ...": A as npadvmod
    stranded_subject(verb) -> Token | None  # "C, whom X asked to mediate, hosted": C hosted
"""

from __future__ import annotations

from spacy.tokens import Token

REPORTING_VERBS = frozenset(
    {"say", "tell", "announce", "state", "add", "insist", "warn", "write", "claim", "confirm"}
)
SPEECH_ACTS = frozenset(
    {"accuse", "urge", "condemn", "criticise", "criticize", "denounce", "warn", "demand",
     "deny", "reject", "praise", "welcome", "blame", "ask", "call", "vow", "pledge"}
)  # fmt: skip


def misattached(verb: Token) -> bool:
    """A past-tense verb coordinated with a modal verb of a reported clause belongs with the
    reporting verb (a frequent parse slip: "said that Y would stand ... and pledged"); so
    does a speech act coordinated with a past perfect ("said Y had lied and accused Z")."""
    head = verb.head
    if verb.tag_ != "VBD" or head.dep_ != "ccomp" or head.head.tag_ != "VBD":
        return False
    auxiliaries = [c for c in head.children if c.dep_ == "aux"]
    if any(c.tag_ == "MD" for c in auxiliaries):
        return True
    perfect = any(c.lower_ == "had" for c in auxiliaries)
    return perfect and verb.lemma_.lower() in SPEECH_ACTS


def run_on(verb: Token) -> bool:
    """A past verb with no subject, after a comma, parsed as what a reporting verb before it
    reports is a second predicate of the reporter's ("said it was a mistake, apologised to
    Y")."""
    if verb.dep_ != "ccomp" or verb.tag_ != "VBD" or verb.i == 0:
        return False
    reporting = verb.head.lemma_.lower() in REPORTING_VERBS and verb.head.i < verb.i
    return reporting and verb.doc[verb.i - 1].text == ","


PERSONAL_RELATIVES = frozenset({"who", "whom"})


def listed(token: Token, child: Token) -> bool:
    """ "Canada, Brazil and Colombia" parsed as Canada with the apposition "Brazil and
    Colombia": names in a list, not a second name for the first."""
    return (
        child.dep_ == "appos"
        and token.pos_ == child.pos_ == "PROPN"
        and any(c.dep_ == "conj" for c in child.children)
    )


def possessive_conjunct(token: Token) -> list[Token]:
    """ "hosted Tshisekedi and Rwanda's President Kagame" parsed with "Tshisekedi and Rwanda"
    as a modifier of the title: the first name is a second guest, coordinated with the whole
    phrase (a name is no holder of "Rwanda's President"). Only inside a titled name."""
    if token.pos_ != "PROPN":
        return []
    found = []
    for child in token.children:
        if child.dep_ == "compound" and child.i < token.i:
            found.extend(possessive_conjunct(child))
        elif (
            child.dep_ in ("amod", "compound", "nmod")
            and child.pos_ == "PROPN"
            and any(c.dep_ == "cc" for c in child.children)
        ):
            owners = [c for c in child.children if c.dep_ == "conj"]
            if any(
                g.dep_ == "case" and g.lower_ in ("'s", "'") for o in owners for g in o.children
            ):
                found.append(child)
    return found


def antecedent(token: Token) -> Token | None:
    """ "who" / "whom" of a relative clause stands for the name the clause hangs on."""
    clause = token.head
    if token.lower_ not in PERSONAL_RELATIVES or clause.dep_ != "relcl":
        return None
    return clause.head if clause.head.pos_ == "PROPN" else None


def adverbial_objects(verb: Token) -> list[Token]:
    """A named actor right after a verb with no object, parsed as an adverbial noun phrase
    ("hosted Ethiopian Prime Minister Abiy Ahmed and ..."), is the verb's object."""
    if verb.pos_ != "VERB" or any(c.dep_ == "dobj" for c in verb.children):
        return []
    return [
        c
        for c in verb.children
        if c.dep_ == "npadvmod" and c.i > verb.i and c.ent_type_ in ("PERSON", "GPE", "ORG", "NORP")
    ]


def stranded_subject(verb: Token) -> Token | None:
    """ "C, whom X asked to mediate, hosted A": the main verb, parsed as coordinated with a
    verb of the relative clause while the subject C stands as the root, has C as subject."""
    if verb.dep_ != "conj" or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    clause = verb.head
    for _ in range(3):
        if clause.dep_ == "relcl":
            noun = clause.head
            root = noun.dep_ == "ROOT" and noun.pos_ in ("NOUN", "PROPN")
            return noun if root else None
        if clause.dep_ not in ("xcomp", "ccomp", "conj"):
            return None
        clause = clause.head
    return None
