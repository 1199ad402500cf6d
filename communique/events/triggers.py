"""Finding the triggers of a sentence: verbs and nouns from the event tables, the light
verb that carries a noun trigger and its effect, intents ("ready to send troops") and the
claims a declaring verb makes (claims.py).

    find_triggers(span, onto) -> list[Match]
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Span, Token

from ..nlp import says_when
from .claims import DECLARING, claimed
from .nonacts import INTENT_ADJECTIVES, no_act
from .ontology import NOT_EVENT, Ontology, Trigger

CALL_OFF = frozenset({"cancel", "defer"})  # light-verb effects that call a meeting off


@dataclass(slots=True)
class Match:
    """A trigger found in a sentence: the word, its table row and how it is carried."""

    token: Token
    trigger: Trigger
    noun: bool
    light: Token | None = None  # the verb governing a noun trigger
    effect: str | None = None  # the light verb's effect (carry, sign, cancel, plan, refuse)
    head: Token | None = None  # the noun phrase head the light verb governs ("rounds of talks")
    plain: bool = False  # the governing verb is no light verb and no trigger ("reimposed a ban")

    @property
    def anchors(self) -> list[Token]:
        return [self.token] + ([self.light] if self.light is not None else [])


def find_triggers(span: Span, onto: Ontology) -> list[Match]:
    """Verb and noun triggers of a sentence; a light verb yields to the noun it carries."""
    nouns = [m for m in (_noun(t, onto) for t in span if _common_noun(t)) if m is not None]
    nouns = [m for m in nouns if not _refused_address(m, onto)]
    carried = {m.light.i for m in nouns if m.light is not None and m.effect not in (None, "refuse")}
    carried |= {m.light.i for m in nouns if m.effect in CALL_OFF}
    verbs = [m for m in (_verb(t, onto) for t in span if t.pos_ == "VERB") if m is not None]
    verbs = [m for m in verbs if m.token.i not in carried]
    verbs += [m for m in (_intent(t, onto) for t in span if t.pos_ == "ADJ") if m is not None]
    verbs += [m for m in (_due(t) for t in span if t.pos_ == "ADJ") if m is not None]
    verb_types = {m.token.i: onto.code(m.trigger.cameo).plover for m in verbs}
    conditions = {m.token.i: m.trigger for m in verbs if m.trigger.cond_kind == "obj"}
    nouns = [
        m
        for m in nouns
        if not _covered_by_verb(m, verb_types, onto) and not _verb_object(m, conditions)
    ]
    return sorted(verbs + nouns, key=lambda m: m.token.i)


# What someone says or offers to the refuser: "rejected / turned down the criticism, the
# request, Mexico's offer" refuses that act, it is no negated act of the refuser's own, and
# the earlier address is not coded from the refusal (only the refusal is); "rejected the
# agreement / the plan" stays a negated agreement.
ADDRESSED_TYPES = frozenset({"ACCUSE", "REQUEST", "THREATEN"})
OFFERS = frozenset({"offer", "invitation", "proposal", "overture", "suggestion"})
REJECTED = "120"


def _refused_address(match: Match, onto: Ontology) -> bool:
    if match.effect != "refuse" and not _object_of_rejection(match, onto):
        return False
    lemma = match.token.lemma_.lower()
    return lemma in OFFERS or onto.code(match.trigger.cameo).plover in ADDRESSED_TYPES


def _object_of_rejection(match: Match, onto: Ontology) -> bool:
    """The object of a verb whose sense is a rejection ("turned down a request")."""
    if match.light is None or (match.head or match.token).dep_ != "dobj":
        return False
    sense = verb_sense(match.light, onto)
    return sense is not None and sense.cameo == REJECTED


def _common_noun(token: Token) -> bool:
    """A noun; a lower-case word tagged as a proper noun is a tagging slip ("in solidarity")."""
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.text.islower())


def _verb(token: Token, onto: Ontology) -> Match | None:
    if no_act(token):
        return None
    for trigger in onto.verbs.get(token.lemma_.lower(), ()):
        if _condition(token, trigger):
            if trigger.cameo == NOT_EVENT:
                return None
            return Match(token, _demonstrated(token, _of_a_proposal(token, trigger)), noun=False)
    if token.lemma_.lower() in DECLARING:
        return _claim(token)
    return None


def verb_sense(token: Token, onto: Ontology) -> Trigger | None:
    """The verb table row whose condition the verb meets, if any."""
    return next((t for t in onto.verbs.get(token.lemma_.lower(), ()) if _condition(token, t)), None)


# Disapproving of a proposal is rejecting it: "called the idea absurd", "condemned the plan".
PROPOSALS = frozenset({"idea", "proposal", "plan", "offer", "suggestion", "initiative", "request"})
# and disapproving of a charge is rebutting it: "called the accusations baseless"
CHARGES = frozenset({"accusation", "allegation", "charge", "claim"})


def _of_a_proposal(verb: Token, trigger: Trigger) -> Trigger:
    if not trigger.cameo.startswith("11"):
        return trigger
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if objects and objects[0].lemma_.lower() in PROPOSALS | CHARGES:
        return replace(trigger, cameo=REJECTED)
    return trigger


# A crowd that rallies "to demand" something protests: the demand is what the demonstration is
# for (CAMEO 141), not a request of its own ("rallied to demand that the troops leave").
DEMONSTRATING = frozenset({"rally", "march", "demonstrate", "protest", "gather", "assemble"})
DEMONSTRATION = "141"


def _demonstrated(verb: Token, trigger: Trigger) -> Trigger:
    if not trigger.cameo.startswith(("02", "10")) or verb.dep_ not in ("advcl", "xcomp"):
        return trigger
    if verb.head.lemma_.lower() not in DEMONSTRATING:
        return trigger
    return replace(trigger, cameo=DEMONSTRATION)


def _claim(verb: Token) -> Match | None:
    found = claimed(verb)
    return Match(verb, found[0], noun=False) if found is not None else None


# "X is ready / willing / prepared to send troops": an intent to cooperate (CAMEO 03, refined
# by the act offered); the act itself is not coded (it is only offered). Acts the complements
# table does not name ("is ready to talk about it") are no intent, nor is help with such an
# act ("ready to help organise talks").
INTENDED = Trigger("ready", None, frozenset(), "030", "dir", ("to",), 1, 0.6)


def _intent(token: Token, onto: Ontology) -> Match | None:
    if token.lemma_.lower() not in INTENT_ADJECTIVES or token.dep_ != "acomp":
        return None
    for child in token.children:
        act = _helped(child) if child.dep_ == "xcomp" else None
        if act is not None and onto.refine("030", act.lemma_.lower()) != "030":
            return Match(token, INTENDED, noun=False)
    return None


# "X is due in Moscow next week": a visit planned (CAMEO 042) to the place named
DUE = Trigger("due", None, frozenset(), "042", "dir", ("in", "at"), 1, 0.6)


def _due(token: Token) -> Match | None:
    if token.lower_ != "due" or token.dep_ != "acomp":
        return None
    places = [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in DUE.slots
        for g in c.children
        if g.dep_ == "pobj" and g.ent_type_ == "GPE"
    ]
    return Match(token, DUE, noun=False) if places else None


def _helped(verb: Token) -> Token:
    """The act offered: "ready to help organise talks" offers the organising, not aid."""
    if verb.lemma_.lower() != "help":
        return verb
    inner = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"]
    return inner[0] if inner else verb


def _noun(token: Token, onto: Ontology) -> Match | None:
    for trigger in onto.nouns.get(token.lemma_.lower(), ()):
        if _condition(token, trigger):
            if trigger.cameo == NOT_EVENT:
                return None
            head, light = governor(token)
            if light is None:
                head, light = _prep_governor(head, onto)
            nearing = _nearing(head) if light is None else None
            if nearing is not None:  # "Russia was close to an agreement": planned
                return Match(token, trigger, True, light=nearing, effect="plan", head=head)
            effect = _effect(light, onto) if light is not None else None
            plain = light is not None and effect is None and _plain(light, onto)
            return Match(token, trigger, True, light=light, effect=effect, head=head, plain=plain)
    return None


def _plain(verb: Token, onto: Ontology) -> bool:
    """A verb that only carries its object noun's event: neither a light verb nor a trigger
    of its own ("reimposed a blockade", "speeded up the withdrawal"). A verb that reports,
    discusses or judges (the quote cues: "raised the killing of X", "condemned the
    attack") speaks about the event: its subject did not do it."""
    lemma = verb.lemma_.lower()
    return verb.pos_ == "VERB" and lemma not in onto.verbs and lemma not in reporting_verbs()


@cache
def reporting_verbs() -> frozenset[str]:
    from ..quotes.tables import lexicon

    return frozenset(cue.split()[0] for cue in lexicon()) | DISCUSSING


DISCUSSING = frozenset(
    {"raise", "discuss", "mention", "cite", "recall", "remember", "mark", "commemorate",
     "investigate", "probe", "examine", "review", "debate", "address", "highlight",
     "blame", "condemn", "denounce", "criticise", "criticize", "deplore", "mourn", "report"}
)  # fmt: skip


def _effect(light: Token, onto: Ontology) -> str | None:
    """The light verb's effect; phrasal verbs first ('called off' before 'call')."""
    lemma = light.lemma_.lower()
    for child in light.children:
        if child.dep_ in ("prt", "prep") and f"{lemma} {child.lower_}" in onto.light:
            return onto.light[f"{lemma} {child.lower_}"]
    return onto.light.get(lemma)


def _covered_by_verb(match: Match, verb_types: dict[int, str | None], onto: Ontology) -> bool:
    """'signed an agreement' is one event: a non-light verb trigger of the same type wins."""
    if match.light is None or match.effect is not None:
        return False
    return verb_types.get(match.light.i) == onto.code(match.trigger.cameo).plover


def _verb_object(match: Match, conditions: dict[int, Trigger]) -> bool:
    """A noun that a verb trigger's condition names is part of that verb's event: "lifted the
    curfew" is one easing, not also a curfew."""
    if match.light is None or match.light.i not in conditions:
        return False
    return match.token.lemma_.lower() in conditions[match.light.i].cond_values


def governor(noun: Token) -> tuple[Token, Token | None]:
    """The phrase head ('rounds' in 'rounds of talks', 'billion' in '$2 billion in aid') and
    the verb that governs it."""
    head = noun
    while head.dep_ == "pobj" and (
        (head.head.lower_ == "of" and head.head.head.pos_ in ("NOUN", "NUM"))
        or (head.head.lower_ == "in" and head.head.head.pos_ == "NUM")
    ):
        head = head.head.head
    verb = head.head
    if head.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and verb.pos_ in ("VERB", "AUX"):
        return head, verb
    return head, None


def _prep_governor(head: Token, onto: Ontology) -> tuple[Token, Token | None]:
    """The verb of a prepositional light verb ("engaged in ethnic cleansing", "resorted to
    violence") that governs the noun phrase through its preposition."""
    prep = head.head
    if head.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ != "VERB":
        return head, None
    verb = prep.head
    return (head, verb) if f"{verb.lemma_.lower()} {prep.lower_}" in onto.light else (head, None)


NEARING = frozenset({"close", "near", "closer", "nearer"})


def _nearing(head: Token) -> Token | None:
    """The verb of "X was close to / near an agreement": the noun's event is near, not done."""
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "to" or prep.head.lemma_.lower() not in NEARING:
        return None
    adjective = prep.head
    return adjective.head if adjective.dep_ in ("acomp", "advmod") else None


def _condition(token: Token, trigger: Trigger) -> bool:
    kind, values = trigger.cond_kind, trigger.cond_values
    if kind is None:
        return True
    if kind in ("prt", "prep"):  # after the verb: "On Friday X called ..." is no "call on"
        return any(
            c.dep_ in ("prt", "prep", "agent", "mark")
            and c.lower_ in values
            and c.i > token.i
            and not says_when(c)
            for c in [*token.children, *_trailing_prep(token), *_clause_marks(token)]
        )
    if kind == "obj":  # a lemma, or a word form where the number tells ("positions")
        objects = _counted(_objects(token))
        return any(values & {o.lemma_.lower(), o.lower_} for o in objects + _titles(objects))
    if kind == "xcomp":  # an open complement, or an object predicate ("held X responsible")
        predicates = [_predicate_lemmas(c) for c in _predicates(token)]
        if any(not values or lemmas & values for lemmas in predicates):
            return True
        if any(_object_predicate(c, values) for c in token.children if c.dep_ == "dobj"):
            return True
        return any(_time_given(c, values) for c in token.children)
    if kind in ("by", "pobj"):  # the object of any preposition of the word
        return any(
            g.lemma_.lower() in values
            for c in token.children
            if c.dep_ == "prep"
            for g in c.children
            if g.dep_ == "pobj"
        )
    if kind == "ccomp":  # a that-clause, with or without "that": "conceded (that) X ..."
        return any(c.dep_ == "ccomp" for c in token.children)
    if kind == "objent":  # the object is a named entity of these kinds
        return any(o.ent_type_ in values for o in _objects(token))
    if kind == "words":  # a fixed phrase after the verb, however it is parsed
        after = " ".join(t.lower_ for t in token.subtree if t.i > token.i)
        return any(phrase in after for phrase in values)
    if kind == "mod":
        return any(
            c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in values
            for c in token.children
        )
    raise ValueError(f"unknown trigger condition {kind!r} for {trigger.lemma}")


def _clause_marks(verb: Token) -> list[Token]:
    """ "called for X to be freed": the preposition opening a clause on the verb, parsed as
    the clause's marker."""
    return [
        m
        for c in verb.children
        if c.dep_ in ("advcl", "ccomp")
        for m in c.children
        if m.dep_ == "mark" and m.i == c.left_edge.i and m.pos_ == "SCONJ"
    ]


def _trailing_prep(noun: Token) -> list[Token]:
    """The preposition right after an object noun that the parser hung on the noun's verb
    ("stop Iran's march towards a bomb", "issued a call for talks")."""
    if noun.pos_ != "NOUN" or noun.dep_ != "dobj" or noun.i + 1 >= len(noun.doc):
        return []
    after = noun.doc[noun.i + 1]
    return [after] if after.dep_ == "prep" and after.head.i == noun.head.i else []


def _objects(verb: Token) -> list[Token]:
    """The verb's direct or passive-subject objects, and the noun a passive participle or
    infinitive modifies ("a report released on Monday", "a report to be released")."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    passive = verb.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in verb.children)
    if verb.dep_ in ("acl", "relcl") and passive:
        found.append(verb.head)
    if verb.dep_ == "xcomp" and passive:  # "the report is (expected) to be released"
        found.extend(c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass"))
    return found


# "citing a series of unfriendly actions by X": the object counts the acts it names
SERIES_NOUNS = frozenset({"series", "string", "spate", "wave", "litany", "pattern", "number"})


def _counted(objects: list[Token]) -> list[Token]:
    """The objects, and the "of" objects of those that only count them ("a series of acts")."""
    return objects + [
        g
        for o in objects
        if o.lemma_.lower() in SERIES_NOUNS
        for c in o.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _titles(objects: list[Token]) -> list[Token]:
    """The common noun before a name that says what it names ("the broadcaster RFI")."""
    return [
        c
        for o in objects
        if o.pos_ == "PROPN"
        for c in o.children
        if c.dep_ == "compound" and c.pos_ == "NOUN"
    ]


def _predicates(verb: Token) -> list[Token]:
    """The open complements and object predicates of a verb, with the predicates coordinated
    with them ("called it an insult and a violation of law"); of two direct objects the
    second is the predicate ("calling it a betrayal", parsed as two objects, or as an
    object of the object)."""
    found = [c for c in verb.children if c.dep_ in ("xcomp", "oprd")]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    found += objects[1:2]
    found += [c for o in objects[:1] + found for c in o.children if c.dep_ == "dobj"]
    found += [a for o in objects[:1] for a in _stranded_predicates(o)]
    return found + [c for p in found for c in p.children if c.dep_ == "conj"]


# verbs that take an object predicate of their own ("the plan to make the region safe")
OWN_PREDICATE = frozenset({"make", "render", "keep", "leave", "find", "consider", "declare"})


def _stranded_predicates(obj: Token) -> list[Token]:
    """ "called the idea of selling the island absurd": the predicate adjective judges the
    whole object, though the parser hangs it on the gerund or infinitive inside it, after
    that verb's own object (a bare word, sometimes tagged a noun)."""
    found = []
    for inner in obj.subtree:
        if inner.dep_ not in ("pcomp", "acl") or inner.pos_ != "VERB" or inner.i < obj.i:
            continue
        if inner.lemma_.lower() in OWN_PREDICATE:
            continue
        own = [c for c in inner.children if c.dep_ == "dobj"]
        found += [
            c
            for c in inner.children
            if c.dep_ in ("oprd", "advmod", "acomp", "xcomp")
            and (c.pos_ == "ADJ" or (c.pos_ == "NOUN" and c.n_lefts + c.n_rights == 0))
            and own
            and c.i > own[0].right_edge.i
        ]
    return found


def _predicate_lemmas(predicate: Token) -> set[str]:
    """A predicate's lemma, and for "an act of X" / "a form of X" / "a hostile act" the
    lemma of X or of the adjective too."""
    lemmas = {predicate.lemma_, predicate.lower_}
    if predicate.lemma_.lower() in KIND_NOUNS:
        lemmas |= {c.lemma_.lower() for c in predicate.children if c.dep_ == "amod"}
        lemmas |= {
            g.lemma_.lower()
            for c in predicate.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        }
    return lemmas


KIND_NOUNS = frozenset({"act", "form", "kind", "case", "example", "instance"})


def _time_given(noun: Token, values: frozenset[str]) -> bool:
    """ "gave its diplomats 72 hours to leave": the time given for an act, parsed as a
    measure of the verb beside its dative, with the act as a clause on the time."""
    if noun.dep_ != "npadvmod" or not any(c.dep_ == "dative" for c in noun.head.children):
        return False
    clauses = [*noun.children, *(c for c in noun.head.children if c.i > noun.i)]
    return any(c.dep_ in ("acl", "relcl", "advcl") and c.lemma_.lower() in values for c in clauses)


def _object_predicate(obj: Token, values: frozenset[str]) -> bool:
    """ "called the expulsions unacceptable" parsed as a noun with a trailing adjective (or
    participle, or adjectives coordinated with the noun: "the attacks unprovoked and
    unacceptable")."""
    return any(
        c.dep_ in ("amod", "acl", "conj")
        and c.i > obj.i
        and c.pos_ in ("ADJ", "VERB")
        and (c.lemma_ in values or c.lower_ in values)
        for c in obj.children
    )
