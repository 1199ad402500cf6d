"""The other side of a judgement on an act told earlier: "Brazil condemned the raid",
"called the deal an assault on its sovereignty" judge whoever carried out the raid or made
the deal, the source of the article's last asserted event of that kind (else of a kindred
kind: a raid told as an arrest).

    remember(context, plover, source)
    author(verb, plover, onto, context, sources) -> list[str]
    author_of(noun, onto, context, sources) -> list[str]
    answered(verb, context, sources) -> list[str]
    counterpart(sources, context) -> list[str]
    foreign(targets, sources) -> list[str]
"""

from __future__ import annotations

from spacy.tokens import Token

from .ontology import NOT_EVENT, Ontology
from .participants import Context, country_part, with_own_states

ANSWERS = frozenset({"response", "retaliation", "reprisal", "kind"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
JUDGING = frozenset({"ACCUSE"})
SIDES = frozenset({"on", "against", "of", "by", "with", "between", "to", "from", "in"})
SEVERED = frozenset({"161", "164"})  # ties cut, talks broken off
KINDRED = {
    "ASSAULT": frozenset({"COERCE"}),
    "COERCE": frozenset({"ASSAULT"}),
    "MOBILIZE": frozenset({"ASSAULT"}),  # a launch told as a firing at something
}


def remember(context: Context, plover: str, source: str) -> None:
    context.acts.append((plover, source))


def author(
    verb: Token, plover: str, onto: Ontology, context: Context, sources: list[str]
) -> list[str]:
    """The source of the last event of the judged act's type (else of a kindred type) that
    is not the judge's own, when the verb's object is a bare definite act noun."""
    if plover not in JUDGING:
        return []
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    kind = _act(objects[0], onto) if len(objects) == 1 else None
    return _last_of(kind, context, sources) if kind is not None else []


def author_of(noun: Token, onto: Ontology, context: Context, sources: list[str]) -> list[str]:
    """ "said the new weapons deliveries would deepen the conflict": the author of the act a
    judgement's subject names, modifiers allowed but for a side's ("Iran's", "US")."""
    if any(
        c.dep_ == "poss" or c.ent_type_ and c.dep_ in ("compound", "amod") for c in noun.children
    ):
        return []
    modifiers = {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")}
    rows = [
        t
        for t in onto.nouns.get(noun.lemma_.lower(), ())
        if t.cond_kind is None or (t.cond_kind == "mod" and modifiers & t.cond_values)
    ]
    if not rows or rows[0].cameo == NOT_EVENT or not _definite(noun) or _sided(noun):
        return []
    return _last_of(onto.code(rows[0].cameo).plover, context, sources)


def counterpart(sources: list[str], context: Context) -> list[str]:
    """A concession, an apology, ties cut or talks broken off with no one named are made to
    the other party of the last two-sided event of the source ("signed a deal with Y. ... X
    had made painful concessions", "X shot down Y's helicopter. ... X apologised")."""
    parties, side = context.last_parties, country_part(sources[0])
    if len(parties) != 2 or side not in {country_part(p) for p in parties}:
        return []  # "Serbian police detained ... Belgrade apologised": the same side
    return [p for p in parties if country_part(p) != side]


def foreign(targets: list[str], sources: list[str]) -> list[str]:
    """The targets of ties cut that are not the source's own ("recalled its ambassador")."""
    own = {country_part(s) for s in sources} - {None}
    return [t for t in targets if country_part(t) not in own]


def answered(verb: Token, context: Context, sources: list[str]) -> list[str]:
    """ "X downgraded relations in response", "expelled two diplomats in retaliation": an
    act in answer to no one named answers the source of the last act by another side."""
    if not any(
        c.dep_ == "prep"
        and c.lower_ == "in"
        and any(g.lemma_.lower() in ANSWERS and not list(g.children) for g in c.children)
        for c in verb.children
    ):
        return []
    own = with_own_states(sources)
    return [s for _, s in reversed(context.acts) if s not in own][:1]


def _last_of(kind: str, context: Context, sources: list[str]) -> list[str]:
    own = with_own_states(sources)
    earlier = [(p, s) for p, s in reversed(context.acts) if s not in own]
    for kinds in ({kind}, KINDRED.get(kind, frozenset())):
        found = [s for p, s in earlier if p in kinds]
        if found:
            return found[:1]
    return []


def _act(noun: Token, onto: Ontology) -> str | None:
    """The type of a direct object that names an act and nothing else ("the raid",
    "this attack"; not "the raid on X", "Iran's attack", "any attack"); a word whose
    table rows all need a modifier names the one type they share ("condemned the launch",
    of a missile told before)."""
    every = onto.nouns.get(noun.lemma_.lower(), ())
    rows = [t for t in every if t.cond_kind is None]
    if not rows:
        kinds = {onto.code(t.cameo).plover for t in every if t.cameo != NOT_EVENT}
        rows = [t for t in every if t.cameo != NOT_EVENT][:1] if len(kinds) == 1 else []
    if not rows or rows[0].cameo == NOT_EVENT or not _definite(noun):
        return None
    if any(c.dep_ in ("poss", "compound", "amod") for c in noun.children) or _sided(noun):
        return None
    return onto.code(rows[0].cameo).plover


def _definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children)


def _sided(noun: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in SIDES for c in noun.children)
