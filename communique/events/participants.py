"""Who takes part in an event: from trigger tokens to actor entities, through the parse.

Arguments are found by dependency relation, never by word order: subjects (with passive,
control and participial clauses), objects, preposition objects, possessives and nationality
modifiers inside noun phrases, coordination on either side, and pronouns carried from the
previous event of the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..records import Mention

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
MODIFIERS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod", "appos"})
RECIPROCAL = frozenset({"each other", "one another"})
PLURAL_PRONOUNS = frozenset({"they", "them", "both", "we", "us", "sides", "leaders", "countries"})
SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her", "i"})  # "it" only as a reporter
UNRESOLVED = frozenset({"unresolved", "?"})
REPORTER_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})
RELATIVE = frozenset({"who", "which", "that"})
CONTROL_DEPS = frozenset({"xcomp", "advcl", "conj", "relcl", "acl", "pcomp"})


@dataclass
class Context:
    """What the events already coded in this article tell later clauses and sentences."""

    last_source: list[str] = field(default_factory=list)
    last_parties: list[str] = field(default_factory=list)

    def remember(self, sources: list[str], parties: list[str]) -> None:
        if sources:
            self.last_source = sources[:1]
        if len(parties) >= 2:
            self.last_parties = parties


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

    def mention(self, token: Token) -> Mention | None:
        found = self.by_token.get(token.i)
        return found[0] if found else None

    def entities(self, token: Token) -> list[str]:
        """Every entity whose mention covers the token ("Turkish and Armenian officials")."""
        return _unique([m.entity for m in self.by_token.get(token.i, ())])

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
        if child.dep_ == "conj":
            found.extend(conjuncts(child))
    return found


def entities(token: Token, index: MentionIndex, context: Context, depth: int = 0) -> list[str]:
    """The actor entities an argument token denotes, through modifiers and 'of' phrases."""
    covering = index.entities(token)
    if covering:
        return covering
    if token.pos_ == "PRON" or token.lower_ in PLURAL_PRONOUNS:
        return _reporter(token, index, context) or _pronoun(token, context)
    found: list[str] = []
    for child in token.children:
        if child.dep_ in MODIFIERS and child.i < token.i or child.dep_ == "appos":
            for part in conjuncts(child):
                found.extend(entities(part, index, context, depth + 1) if depth < 2 else [])
    if not found and depth < 2:
        found = _of_phrase(token, index, context, depth)
    return _unique(found)


def _of_phrase(token: Token, index: MentionIndex, context: Context, depth: int) -> list[str]:
    """'the foreign minister of Armenia' -> Armenia; 'doctors from Sweden' -> Sweden."""
    for child in token.children:
        if child.dep_ == "prep" and (
            child.lower_ == "of" or (child.lower_ == "from" and token.pos_ == "NOUN")
        ):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return entities(pobj, index, context, depth + 1)
    return []


def _reporter(token: Token, index: MentionIndex, context: Context) -> list[str]:
    """'X said it would ...': a subject pronoun of a reported clause is the reporter."""
    clause = token.head
    if token.dep_ != "nsubj" or clause.dep_ != "ccomp" or token.lower_ not in REPORTER_PRONOUNS:
        return []
    matrix = [c for c in clause.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    return group(matrix, index, context)


def _pronoun(token: Token, context: Context) -> list[str]:
    if token.lower_ in PLURAL_PRONOUNS:
        return list(context.last_parties or context.last_source)
    if token.lower_ in SINGULAR_PRONOUNS:
        return list(context.last_source)
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


def subject_tokens(verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
    """The subject of a verb and whether it is the logical agent (False for passive subjects).

    Clauses without their own subject take it from the clause they hang on: object control
    ("urged X to meet" -> X), subject control ("agreed to meet"), participial clauses
    ("Urging X ..., Y praised" -> Y), coordinated verbs and relative clauses.
    """
    own = children(verb, SUBJECTS)
    if own and verb.dep_ == "relcl" and own[0].lower_ in RELATIVE:
        return [verb.head], True
    if own:
        return own, True
    passive = children(verb, PASSIVE_SUBJECTS)
    if passive:
        return passive, False
    if depth > 3 or verb.dep_ not in CONTROL_DEPS or verb.head.i == verb.i:
        return [], True
    head = verb.head
    if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return [head], verb.tag_ != "VBN"
    if verb.dep_ == "xcomp":
        objects = children(head, {"dobj"})
        if objects:
            return objects, True
    return subject_tokens(head, depth + 1)


def agents(verb: Token) -> list[Token]:
    """The 'by' phrase of a passive verb."""
    found = []
    for child in verb.children:
        if child.dep_ == "agent":
            found.extend(grand for grand in child.children if grand.dep_ == "pobj")
    return found


COMPLEMENT_DEPS = frozenset(
    {"xcomp", "ccomp", "dobj", "dative", "prep", "pobj", "pcomp", "agent", "attr", "oprd", "acl"}
    | {"appos", "poss", "compound", "amod", "nmod", "npadvmod", "nsubj", "nsubjpass"}
)
COMPLEMENT_DEPTH = 8


def complement_actors(verb: Token, index: MentionIndex, context: Context) -> list[str]:
    """The nearest actors inside what a verb says was done, asked or threatened, when its own
    slots name no target: "threatened to cut off power to X", "rejected calls by X to ...",
    "denounced as a crime X's crackdown". Breadth first through complements, objects and
    their phrases (never the verb's own subject, adverbial clauses or relative clauses), so
    the closest named actor wins (the first reached among equals) together with the
    actors coordinated with it ("X and Y"). A town found there is where the act happens, not
    whom it is done to."""
    layer = [c for c in verb.children if c.dep_ in COMPLEMENT_DEPS - SUBJECTS - PASSIVE_SUBJECTS]
    for _ in range(COMPLEMENT_DEPTH):
        named = [t for t in layer if any(not _is_place(e) for e in index.entities(t))]
        if named:
            return [e for e in group(named[:1], index, context) if not _is_place(e)]
        layer = [c for t in layer for c in t.children if c.dep_ in COMPLEMENT_DEPS]
        if not layer:
            break
    return []


def _is_place(entity: str) -> bool:
    return "/place/" in entity
