"""The nearest actors inside what a verb says was done, asked or threatened ("threatened to cut
off power to X", "went on strike to protest X's decision"): the target of an act whose own slots
name none, reached breadth first through complements, objects, purpose and condition clauses.
"""

from __future__ import annotations

from spacy.tokens import Token

from .ontology import NOT_EVENT, ontology
from .participants import (
    PASSIVE_SUBJECTS,
    SUBJECTS,
    Context,
    MentionIndex,
    group,
    infinitive,
    with_own_states,
)

COMPLEMENT_DEPS = frozenset(
    {"xcomp", "ccomp", "dobj", "dative", "prep", "pobj", "pcomp", "agent", "attr", "oprd", "acl"}
    | {"appos", "poss", "compound", "amod", "nmod", "npadvmod", "nsubj", "nsubjpass"}
)
COMPLEMENT_DEPTH = 8


def complement_actors(
    verb: Token,
    index: MentionIndex,
    context: Context,
    sources: list[str] = (),
    *,
    places: bool = True,
    topics: bool = True,
) -> list[str]:
    """The nearest actors inside what a verb says was done, asked or threatened, when its own slots
    name no target: "threatened to cut off power to X", "rejected calls by X to ...", "denounced as
    a crime X's crackdown". Breadth first through complements, objects and their phrases (never the
    verb's own subject, adverbial clauses or relative clauses), so the closest named actor other
    than the sources wins (the first reached among equals) together with the actors coordinated with
    it ("X and Y"). When none is named there: the actors of a purpose or protest phrase ("went on
    strike to protest X's decision", "in protest against X") or of a condition ("threatened to
    strike unless X withdraws"); and only then a place the act is done in ("agreed to open a centre
    in Tokyo"), which the coder turns into its country (unless `places` is False). Without `topics`,
    what the act is about is no side: "spoke at length about North Korea" names no partner."""
    step = _complement_step if topics else _not_topic
    top = [c for c in verb.children if step(c) and c.dep_ not in OWN_SUBJECTS]
    seen_places: list[str] = []
    for layer in (top, _purposes(verb)):
        found = _nearest(layer, index, context, with_own_states(sources), seen_places, step)
        if found:
            return found
    return seen_places[:1] if places else []


def purpose_actors(
    verb: Token, index: MentionIndex, context: Context, sources: list[str]
) -> list[str]:
    """The actors of a purpose, protest or condition clause only: the other side of an act a
    light verb carries ("began a hunger strike to protest X's decision")."""
    return _nearest(_purposes(verb), index, context, with_own_states(sources), [], _complement_step)


def _purposes(verb: Token) -> list[Token]:
    clauses = [verb] + [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
    found = [c for clause in clauses for c in clause.children if _purpose_or_condition(c)]
    return found + [  # "began a strike to protest X", parsed as an infinitive on the noun
        c
        for o in verb.children
        if o.dep_ == "dobj"
        for c in o.children
        if c.dep_ in ("relcl", "acl") and infinitive(c)
    ]


def _nearest(
    layer: list[Token],
    index: MentionIndex,
    context: Context,
    sources: set[str],
    places: list[str],
    step,
) -> list[str]:
    for _ in range(COMPLEMENT_DEPTH):
        named = [t for t in layer if any(e not in sources for e in index.where(t)[0])]
        if named:
            here = {e for t in named for e in index.where(t)[1]}
            return [e for e in group(named[:1], index, context) if e not in here]
        places.extend(e for t in layer for e in index.where(t)[1])
        layer = [c for t in layer for c in t.children if step(c)]
        if not layer:
            break
    return []


def _complement_step(token: Token) -> bool:
    """A complement, object or phrase of what was done, never a time ("during a visit to X")
    nor a pronoun subject inside it ("objected to what it called X's actions": "it" names,
    X is the target)."""
    if token.dep_ in SUBJECTS and (token.pos_ == "PRON" or _own(token)):
        return False
    if token.dep_ == "relcl":  # "a call for X to be deployed": an infinitive, not a relative
        return infinitive(token)
    return token.dep_ in COMPLEMENT_DEPS and not (
        token.dep_ == "prep" and token.lower_ in TIME_PREPOSITIONS
    )


def _own(subject: Token) -> bool:
    """ "warned that its military would ...": a subject owned by a pronoun is the speaker's
    own side, not the other side of the act."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children)


def _not_topic(token: Token) -> bool:
    return _complement_step(token) and not (
        token.dep_ == "prep" and token.lower_ in TOPICAL and not _act_of(token)
    )


def _act_of(prep: Token) -> bool:
    """ "to end their boycott of Qatar": the "of" phrase of an act noun names whom the act
    is done to, not a topic."""
    if prep.lower_ != "of" or prep.head.pos_ != "NOUN":
        return False
    rows = ontology().nouns.get(prep.head.lemma_.lower(), ())
    return any(r.cameo != NOT_EVENT for r in rows)


TOPICAL = frozenset({"about", "on", "over", "regarding", "concerning", "of"})
OWN_SUBJECTS = SUBJECTS | PASSIVE_SUBJECTS
# never traversed for a target: times, circumstances and the source of a report
TIME_PREPOSITIONS = frozenset(
    {"during", "after", "before", "since", "until", "amid", "despite", "according", "because"}
)
PURPOSE_NOUNS = frozenset({"protest", "retaliation", "response", "solidarity", "opposition"})
CONDITIONS = frozenset({"unless", "if", "until"})


def _purpose_or_condition(token: Token) -> bool:
    """ "to protest ...", "in protest against ...", "unless X ..." hung on the verb."""
    if token.dep_ == "advcl":
        return any(
            (c.dep_ == "aux" and c.lower_ == "to") or (c.dep_ == "mark" and c.lower_ in CONDITIONS)
            for c in token.children
        )
    return (
        token.dep_ == "prep"
        and token.lower_ not in TIME_PREPOSITIONS  # "during a protest against X" is a time
        and any(c.dep_ == "pobj" and c.lemma_.lower() in PURPOSE_NOUNS for c in token.children)
    )
