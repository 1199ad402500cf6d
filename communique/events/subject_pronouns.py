"""Subject pronouns the parse tells the antecedent of.

The acting "it": a body named before acts again as "it" ("Mogadishu recalled its
ambassador. In April it expelled Ethiopia's envoy"; "The court ordered his detention, and last
week it asked Interpol to ..."; "the town it seized"). As the subject of an act "it" names a
state or a body, never a person: the nearest subject before it, in its sentence or the one
before, that names one; none when a nearer subject names a thing ("The plan ... it calls").
Only in a main clause: in a relative, conditional or reported one "it" is too often a thing
or an act not told as done ("what weapons it deployed", "unless it planned an attack").

The joint "they": "X and Y met in May, when they agreed to ...": a plural subject of a
clause that hangs on a clause with coordinated subjects is those subjects.

    acting_it(token, index, context) -> list[str]
    joint_they(token, index, context) -> list[str]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from . import participants as args

if TYPE_CHECKING:  # participants calls this module: its names are read at call time
    from .participants import Context, MentionIndex


def acting_it(token: Token, index: MentionIndex, context: Context) -> list[str]:
    """The state or body an act's subject "it" stands for, or [] when none fits."""
    if token.lower_ != "it" or token.dep_ != "nsubj" or not _main_clause(token.head):
        return []
    sent = token.sent
    start = token.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for i in range(token.i - 1, start - 1, -1):
        subject = token.doc[i]
        if subject.dep_ != "nsubj" or subject.pos_ == "PRON":
            continue
        found = args.group([subject], index, context)
        if any("/person/" in e or "/role/" in e for e in found):
            continue  # a person is "he" or "she"
        if found:
            return found
        if subject.tag_ == "NN":  # "The plan ... it calls for": the thing named
            return []
    return []


def _main_clause(verb: Token) -> bool:
    """The verb heads its sentence or a clause set beside it ("..., it said, and it
    accused Y"), or is coordinated with such a verb."""
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ in ("ROOT", "parataxis")


def joint_they(token: Token, index: MentionIndex, context: Context) -> list[str]:
    """The coordinated subjects of the clause a "they" clause hangs on, or []."""
    verb = token.head
    if token.lower_ not in ("they", "we") or token.dep_ != "nsubj" or verb.dep_ not in HANGING:
        return []
    subjects = args.children(verb.head, args.SUBJECTS)
    if len(subjects) != 1 or len(args.conjuncts(subjects[0])) < 2:
        return []
    found = args.group(subjects, index, context)
    return found if len(found) >= 2 else []


HANGING = frozenset({"advcl", "conj"})  # "met, when they agreed", "met and they agreed"
