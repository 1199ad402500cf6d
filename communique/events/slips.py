"""Parse slips around reporting verbs that the side finding repairs: a predicate of the
reporter's parsed as part of what is reported.

    misattached(verb) -> bool   # "said Y would stand ... and pledged": pledged with said
    run_on(verb) -> bool        # "said it was a mistake, apologised to Y": apologised too
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
