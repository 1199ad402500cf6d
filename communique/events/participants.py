"""Who takes part in an event: from trigger tokens to actor entities, through the parse.

Arguments are found by dependency relation, never by word order: subjects (with passive,
control and participial clauses), objects, preposition objects, possessives and nationality
modifiers inside noun phrases, coordination on either side, and pronouns carried from the
previous event of the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..actors import dateline
from ..records import Mention
from .led_by import leaders
from .participle_it import participle_it
from .slips import (
    REPORTING_VERBS,
    antecedent,
    listed,
    misattached,
    possessive_conjunct,
    run_on,
    stranded_subject,
)
from .subject_pronouns import acting_it, joint_they

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
MODIFIERS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod", "appos"})
RECIPROCAL = frozenset({"each other", "one another"})
PLURAL_PRONOUNS = frozenset({"they", "them", "both", "we", "us", "sides", "leaders", "countries"})
SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her", "i"})  # "it": subject_pronouns.py
UNRESOLVED = frozenset({"unresolved", "?"})
HELD = frozenset({"release", "arrest", "detention", "extradition", "deportation", "freedom"})
REPORTER_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})
RELATIVE = frozenset({"who", "which", "that"})
PAIR = frozenset({"two", "both"})
CONTROL_DEPS = frozenset({"xcomp", "advcl", "conj", "relcl", "acl", "pcomp", "acomp"})


@dataclass
class Context:
    """What the events already coded in this article tell later clauses and sentences."""

    last_source: list[str] = field(default_factory=list)
    last_parties: list[str] = field(default_factory=list)
    asked_by: dict[str, str] = field(default_factory=dict)  # country asked -> who asked it
    acts: list[tuple[str, str]] = field(default_factory=list)  # (type, source) in text order
    sides_of: dict[int, tuple[list[str], list[str]]] = field(default_factory=dict)  # by verb
    pairs: dict[tuple[str, ...], int] = field(default_factory=dict)  # two sides -> events

    def remember(self, sources: list[str], parties: list[str]) -> None:
        if sources:
            self.last_source = sources[:1]
        if len(parties) >= 2:
            self.last_parties = parties
        if len(parties) == 2:
            pair = tuple(sorted(parties))
            self.pairs[pair] = self.pairs.pop(pair, 0) + 1  # the latest last among equals

    def main_pair(self) -> list[str]:
        """The two sides of the most two-sided events told so far (of the latest, if tied)."""
        best = max(self.pairs.values(), default=0)
        return list([p for p, n in self.pairs.items() if n == best][-1]) if best else []

    def remember_request(self, source: str, target: str) -> None:
        self.asked_by[country_part(target)] = source

    def asker(self, refuser: str) -> str | None:
        """Who last asked the refuser's country for something ("Colombia asked Cuba to hand
        them over. Cuba refused": the refusal answers Colombia)."""
        asker = self.asked_by.get(country_part(refuser))
        return asker if asker and country_part(asker) != country_part(refuser) else None


def country_part(entity: str) -> str:
    """The country prefix of an entity id ("CUB/group/authorities" -> "CUB")."""
    return entity.split("/", 1)[0]


class MentionIndex:
    """Mentions by token: which actor entity (if any) a token belongs to."""

    def __init__(self, doc: Doc, mentions: list[Mention]) -> None:
        self.by_token: dict[int, list[Mention]] = {}
        for mention in mentions:
            if not mention.entity or mention.entity in UNRESOLVED:
                continue
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            for token in span if span is not None else ():
                self.by_token.setdefault(token.i, []).append(mention)
        self.states = sorted(
            (m.start, m.entity) for m in mentions if m.kind == "state" and m.role == "actor"
        )
        self.state_entities = {entity for _, entity in self.states}

    def recent_states(self, token: Token, count: int) -> list[str]:
        """The last `count` distinct states named as actors before the token, in text
        order, or [] when fewer were named ("Saudi Arabia and the United States said ...
        The two countries ...")."""
        found: list[str] = []
        for start, entity in reversed(self.states):
            if start < token.idx and entity not in found:
                found.append(entity)
                if len(found) == count:
                    return found[::-1]
        return []

    def mention(self, token: Token) -> Mention | None:
        found = self.by_token.get(token.i)
        return found[0] if found else None

    def entities(self, token: Token) -> list[str]:
        """Every entity whose mention covers the token ("Turkish and Armenian officials")."""
        return _unique([m.entity for m in self.by_token.get(token.i, ())])

    def where(self, token: Token) -> tuple[list[str], list[str]]:
        """The token's entities split into actors and places (towns, and states named as
        where something happens: "met in Astana")."""
        actors: list[str] = []
        places: list[str] = []
        for m in self.by_token.get(token.i, ()):
            (places if m.role == "location" or "/place/" in m.entity else actors).append(m.entity)
        return _unique(actors), _unique(places)

    def entities_in(self, span: Span) -> set[str]:
        """The distinct actor entities mentioned inside a span."""
        found: set[str] = set()
        for i in range(span.start, span.end):
            found.update(m.entity for m in self.by_token.get(i, ()))
        return found


def conjuncts(token: Token) -> list[Token]:
    """The token and everything coordinated with it ("A, B and C")."""
    found = [token]
    for child in token.children:
        if child.dep_ == "conj" or listed(token, child):
            found.extend(conjuncts(child))
    return found + possessive_conjunct(token)


def entities(token: Token, index: MentionIndex, context: Context, depth: int = 0) -> list[str]:
    """The actor entities an argument token denotes, through modifiers and 'of' phrases."""
    pronoun = token.pos_ == "PRON" or token.lower_ in PLURAL_PRONOUNS
    reporter = _reporter(token, index, context) if pronoun else []
    if reporter:  # the syntax of the report outranks the nearest-name reading of a pronoun
        return reporter
    joint = joint_they(token, index, context) if pronoun else []
    if joint:  # "X and Y met, when they agreed": as the syntax says, too
        return joint
    if _in_dateline(token):  # "BANGKOK — Thailand and Cambodia agreed": the appositive acts
        appositives = [p for c in token.children if c.dep_ == "appos" for p in conjuncts(c)]
        return _unique([e for p in appositives for e in entities(p, index, context, depth + 1)])
    covering = index.entities(token)
    if covering and all(country_part(e) == "XXX" for e in covering):
        covering = _from_both_sides(token, index, context) or covering
    if covering:
        return covering
    pair = _two_states(token, index, context)
    if pair:
        return pair
    relative = antecedent(token) if pronoun and depth < 2 else None
    if relative is not None:  # "C, whom X asked to mediate, hosted ...": whom is C
        return entities(relative, index, context, depth + 1)
    if pronoun:
        return _first_conjuncts_object(token, index, context) or _pronoun(token, index, context)
    found: list[str] = []
    for child in token.children:
        if child.lower_ in NONE_OF:  # "nine people, none of them Iranian citizens"
            continue
        if child.dep_ in MODIFIERS and child.i < token.i or child.dep_ == "appos":
            for part in conjuncts(child):
                found.extend(entities(part, index, context, depth + 1) if depth < 2 else [])
    if not found and depth < 2:
        found = _of_phrase(token, index, context, depth)
    if not found and depth < 2:  # "special forces led by X": X's
        found = [e for g in leaders(token) for e in entities(g, index, context, depth + 1)]
    return _unique(found)


NONE_OF = frozenset({"none", "neither", "nobody", "nor"})  # what an apposition says they are not
SIDE_NOUNS = frozenset({"side", "army", "country", "nation", "military", "government"})


def _from_both_sides(token: Token, index: MentionIndex, context: Context) -> list[str]:
    """ "Regional commanders from both sides met": people of no country of their own, drawn
    from the two parties of the last event."""
    sides = [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in ("from", "of")
        for g in c.children
        if g.dep_ == "pobj" and g.lemma_.lower() in SIDE_NOUNS
    ]
    paired = any(
        c.lower_ in PAIR for g in sides for c in g.children if c.dep_ in ("nummod", "det", "predet")
    )
    if not paired:  # else "leaders of several Danish parties": the side the phrase names
        return _of_phrase(token, index, context, 1)
    last = context.last_parties
    if len(last) == 2 and all(country_part(p) != "XXX" for p in last):
        return list(last)
    return index.recent_states(token, 2)


def _in_dateline(token: Token) -> bool:
    """The token is one of the places a paragraph was filed from (actors/dateline.py)."""
    return any(d.start <= token.idx < d.places_end for d in dateline.of_doc(token.doc))


def _of_phrase(token: Token, index: MentionIndex, context: Context, depth: int) -> list[str]:
    """'the foreign minister of Armenia' -> Armenia; 'doctors from Sweden' -> Sweden."""
    for child in token.children:
        if child.dep_ == "prep" and (
            child.lower_ == "of" or (child.lower_ == "from" and token.pos_ == "NOUN")
        ):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    named = _named_holder(pobj, index, context, depth)
                    return named or entities(pobj, index, context, depth + 1)
    return []


def _named_holder(pobj: Token, index: MentionIndex, context: Context, depth: int) -> list[str]:
    """ "the head of the National Assembly, Juan Guaidó": the person named after the body
    holds the title (parsed as an apposition of the body)."""
    people = [c for c in pobj.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
    return [e for p in people for e in entities(p, index, context, depth + 1)]


def _two_states(token: Token, index: MentionIndex, context: Context) -> list[str]:
    """ "the two countries", "both nations": the two states of the last event when it had
    two ("the Emirates agreed ... with Israel. ... the two countries"), else the last two
    states named ("Saudi Arabia and the United States said ... The two countries")."""
    if token.lower_ not in ("countries", "nations", "states") or not any(
        c.lower_ in PAIR for c in token.children if c.dep_ in ("nummod", "det", "predet")
    ):
        return []
    last = context.last_parties
    if len(last) == 2 and all(p in index.state_entities for p in last):
        return list(last)
    return index.recent_states(token, 2)


def _first_conjuncts_object(token: Token, index: MentionIndex, context: Context) -> list[str]:
    """ "described the junta as illegitimate and accused it of ...": the object pronoun of a
    verb coordinated with an earlier one is that verb's object, when it names an actor."""
    verb = token.head
    if token.dep_ != "dobj" or token.lower_ not in ("it", "them") or verb.dep_ != "conj":
        return []
    first = verb.head
    if first.pos_ != "VERB" or first.i > verb.i:
        return []
    objects = children(first, {"dobj"})
    if len(objects) != 1:
        return []
    if token.lower_ == "them":
        return group(objects, index, context)
    return entities(objects[0], index, context)  # not "signed the deal and Ukraine"


def _reporter(token: Token, index: MentionIndex, context: Context) -> list[str]:
    """'X said it would ...': a subject pronoun of a reported clause is the reporter (also when the
    reporting verb takes its subject from a coordinated one: "X raised ... and told Y that he held
    him responsible"); 'X told Y that he held him ...': an object pronoun is the one told."""
    clause = token.head
    if clause.dep_ == "conj" and misattached(clause) and _modal(clause.head):
        return _reporter_of(
            token, clause.head.head, index, context
        )  # "X warned Y would ..., and it urged Z"
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in REPORTING_VERBS:
        return []
    if token.dep_ == "nsubj" and token.lower_ in REPORTER_PRONOUNS:
        subjects, active = subject_tokens(clause.head)  # pronouns resolve up the tree
        return group(subjects, index, context) if active else []
    if token.dep_ == "dobj" and token.lower_ in ("him", "her", "them"):
        told = [c for c in clause.head.children if c.dep_ in ("dobj", "dative")]
        return group(told, index, context)
    return []


def _modal(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _reporter_of(
    token: Token, reporting: Token, index: MentionIndex, context: Context
) -> list[str]:
    """The subject pronoun of a verb coordinated with a reporting verb is its reporter."""
    if token.dep_ != "nsubj" or token.lower_ not in REPORTER_PRONOUNS:
        return []
    subjects, active = subject_tokens(reporting)
    return group(subjects, index, context) if active else []


def _pronoun(token: Token, index: MentionIndex, context: Context) -> list[str]:
    if token.lower_ in PLURAL_PRONOUNS:
        return list(context.last_parties or context.last_source)
    held = token.dep_ == "poss" and token.head.lemma_.lower() in HELD  # "called for his release"
    if token.lower_ in ("him", "her", "his") and (token.dep_ in ("dobj", "dative") or held):
        named = _named_person(token, index, context)  # "said Y must be stopped and accused him"
        if named:
            return named
        own = _own_subjects(token, index, context)  # "Y told him": not Y
        other = [
            p
            for p in context.last_parties
            if p not in context.last_source and _person(p) and p not in own
        ]
        if len(other) == 1:  # "X met Y and told him", "X seized Y ... his release": the other side
            return other
        if token.lower_ != "his":  # "him" and "her" name a person, never a body
            return [s for s in context.last_source if _person(s)]
    if token.lower_ in SINGULAR_PRONOUNS:
        return list(context.last_source)
    return acting_it(token, index, context) or participle_it(token, index, context)


def _person(entity: str) -> bool:
    return "/person/" in entity or "/role/" in entity


def _own_subjects(token: Token, index: MentionIndex, context: Context) -> set[str]:
    """The subject of an object pronoun's verb, which the pronoun cannot name."""
    subjects, active = subject_tokens(token.head)
    return set(group(subjects, index, context)) if active else set()


def _named_person(token: Token, index: MentionIndex, context: Context) -> list[str]:
    """The person named last before an object pronoun in its sentence, other than the
    subject of the pronoun's verb."""
    own = _own_subjects(token, index, context)
    for i in range(token.i - 1, token.sent.start - 1, -1):
        if token.doc[i].pos_ != "PROPN":
            continue
        people = [e for e in index.entities(token.doc[i]) if _person(e) and e not in own]
        if people:
            return people[:1]
    return []


def group(tokens: list[Token], index: MentionIndex, context: Context) -> list[str]:
    """Entities of several argument tokens and their conjuncts, in order, without repeats."""
    found: list[str] = []
    for token in tokens:
        for part in conjuncts(token):
            found.extend(entities(part, index, context))
    return _unique(found)


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def children(token: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def prep_objects(token: Token, preps: set[str] | frozenset[str]) -> list[Token]:
    """Objects of the given prepositions attached to the token ('with X', 'between X and Y')."""
    found = []
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            found.extend(grand for grand in child.children if grand.dep_ == "pobj")
    return found


def is_reciprocal(token: Token) -> bool:
    return (
        token.lower_ == "other"
        and any(c.lower_ == "each" for c in token.children)
        or (token.lower_ == "another" and any(c.lower_ == "one" for c in token.children))
    )


STATIVE_PARTICIPLES = frozenset(
    {"oppose", "commit", "determine", "dedicate", "resolve", "prepare", "engage", "involve"}
)


def _labelled(subject: Token) -> bool:
    return subject.i + 1 < len(subject.doc) and subject.doc[subject.i + 1].text == ":"


def subject_tokens(verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
    """The subject of a verb and whether it is the logical agent (False for passive subjects).

    Clauses without their own subject take it from the clause they hang on: object control
    ("urged X to meet" -> X), subject control ("agreed to meet"), participial clauses
    ("Urging X ..., Y praised" -> Y), coordinated verbs and relative clauses.
    """
    own = children(verb, SUBJECTS)
    if len(own) > 1:  # "VOA: Putin visited China": a speaker's label is no subject
        own = [s for s in own if not _labelled(s)] or own
    if own and verb.dep_ == "relcl" and own[0].lower_ in RELATIVE:
        return [verb.head], True
    if own:
        return own, True
    passive = children(verb, PASSIVE_SUBJECTS) or [  # a subject the parser hung on "is"
        s for aux in children(verb, {"auxpass"}) for s in children(aux, SUBJECTS)
    ]
    if passive:  # "is opposed to", "is engaged in": a state of the subject, not a passive
        return passive, verb.lemma_.lower() in STATIVE_PARTICIPLES and not agents(verb)
    if run_on(verb):  # "X said it was a mistake, apologised to Y"
        return subject_tokens(verb.head, depth + 1)
    stranded = stranded_subject(verb)
    if stranded is not None:  # "C, whom X asked to mediate, hosted A": C hosted
        return [stranded], True
    if depth > 3 or verb.dep_ not in CONTROL_DEPS or verb.head.i == verb.i:
        return [], True
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return subject_tokens(head.head, depth + 1)  # "resorted to throwing stones"
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and _issued(head):
        return subject_tokens(head.head, depth + 1)  # "issued a statement recognising X"
    if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return [head], verb.tag_ != "VBN"
    if verb.dep_ == "xcomp":
        if commands_own_forces(head):  # "ordered the troops to shoot": the commander shoots
            return subject_tokens(head, depth + 1)
        objects = children(head, {"dobj"})
        if objects and head.lemma_.lower() not in CONTACTING:
            return objects, True
    if verb.dep_ == "conj" and misattached(verb):
        head = head.head  # "told X that Y would stand ... and pledged": pledged with told
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.dep_ == "xcomp" and head.i < verb.i:
        head = head.head  # "ordered X to leave, accusing Y": the adjunct is the orderer's
    subjects, active = subject_tokens(head, depth + 1)
    if verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ", "VBP"):
        active = True  # "X was disappointed and urged Y": the second verb is active
    return subjects, active


# "issued a statement recognising X", "released a communique condemning Y": what a document
# says is done by whoever issued it.
DOCUMENTS = frozenset(
    {"statement", "communique", "communiqué", "declaration", "letter", "note", "resolution"}
)
ISSUING = frozenset({"issue", "release", "publish", "adopt", "send", "put"})


def _issued(noun: Token) -> bool:
    return (
        noun.lemma_.lower() in DOCUMENTS
        and noun.dep_ == "dobj"
        and noun.head.lemma_.lower() in ISSUING
    )


# "telephoned X to express support", "visited X to discuss ...": the caller's purpose, not an
# act asked of X (as in "urged X to release").
CONTACTING = frozenset(
    {"telephone", "phone", "call", "ring", "visit", "meet", "host", "receive", "contact"}
)
COMMANDING = frozenset({"order", "authorise", "authorize", "instruct", "command", "direct"})
FORCE_NOUNS = frozenset(
    {"troop", "force", "army", "military", "unit", "soldier", "police", "battalion", "navy",
     "guard", "commander", "policeman", "officer", "paratrooper"}
)  # fmt: skip


def commands_own_forces(verb: Token) -> bool:
    """ "ordered the troops to shoot", "authorised the security forces to open fire": a
    command to forces that no named other owns is the commander's own act, done by the
    forces; the command is no request to another side."""
    if verb.lemma_.lower() not in COMMANDING or not children(verb, {"xcomp"}):
        return False
    objects = children(verb, {"dobj"})
    if not objects or objects[0].lemma_.lower() not in FORCE_NOUNS:
        return False
    owners = children(objects[0], {"poss", "compound", "nmod", "amod"})
    return not any(o.pos_ == "PROPN" for o in owners)


def agents(verb: Token) -> list[Token]:
    """The 'by' phrase of a passive verb."""
    found = []
    for child in verb.children:
        if child.dep_ == "agent":
            found.extend(grand for grand in child.children if grand.dep_ == "pobj")
    return found


def infinitive(token: Token) -> bool:
    """A "to" infinitive ("to protest", "to be deployed")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def with_own_states(sources: list[str]) -> set[str]:
    """The sources and the states they belong to: neither is the other side of their act."""
    return set(sources) | {s.split("/", 1)[0] for s in sources if "/" in s}
