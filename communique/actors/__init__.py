"""The actor stage: find every actor mention in an article and resolve it.

`extract` runs per article (detection, then within-article resolution) and gives each
article-local entity a provisional canonical id; `resolve_corpus` merges those across
articles. `add_entity_ruler` (in `ruler`) puts the knowledge base in front of the NER.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Span

from ..records import Actor, Article, Mention, Sentence
from . import dateline, introduced, kb, leaders, names, offices, sequel
from .corpus import resolve_corpus
from .detect import Detector, inside_quotes
from .found import Found
from .lexicon import NAME_TITLES, RANK_MODIFIERS, lexicon
from .resolve import UNKNOWN, Entity, Link, Resolver, move_mention
from .units import find_units

__all__ = ["extract", "resolve_corpus"]


def extract(
    doc: Doc, article: Article, sentences: list[Sentence]
) -> tuple[list[Mention], list[Actor]]:
    """Every actor mention of the article and one provisional Actor per local entity."""
    if len(doc) and doc[-1].idx + len(doc[-1]) > len(article.text):
        raise ValueError("extract() needs the Doc parsed from article.text itself")
    lex = lexicon(doc.vocab)
    detector = Detector(doc, find_units(doc, lex), lex)
    found = offices.persons_offices(doc, detector.run())
    _number_sentences(doc, found, sentences)
    _mark_aliases(doc, found)
    known = _known_office_holder(article)
    links = Resolver(found, lambda i: doc[i].text, _rank_of(lex), known).run()
    _patrons(links)
    _voice_of_the_state(links, _rank_of(lex))
    sequel.home_side(doc, links)
    sequel.announcing_state(doc, links)
    _shared_body_names(doc, links, lex.kb)
    _ambiguous_states(doc, links, lex.kb)
    dateline.place_offices(doc, links, detector.filed_in, lex.kb)
    introduced.named_after_office(links)
    _idle_offices(links)
    ids = _assign_ids(links)
    mentions = [_mention(doc, article, link, ids) for link in links]
    return mentions, _actors(doc, article.text, links, ids)


def _known_office_holder(article: Article) -> Callable[[Entity], None]:
    """People named without a country take it from the table of office holders (before
    roles are read: "the French president" is not a president of no stated country)."""

    def known(entity: Entity) -> None:
        if entity.kind != "person" or entity.country or entity.org or not entity.name:
            return
        term = leaders.lookup(" ".join(entity.name), article.published)
        if term is not None and term.country.startswith("IGO/"):  # "Guterres": for the UN
            entity.org, entity.sector = term.country, entity.sector or "IGO"
            entity.title = entity.title or leaders.TITLES[term.office]
        elif term is not None:
            entity.country = term.country
            entity.title = entity.title or leaders.TITLES[term.office]
            entity.sector = entity.sector or "GOV"

    return known


GOVERNMENT_SECTORS = frozenset({"GOV", "DIP"})


def _voice_of_the_state(links: list[Link], rank_of) -> None:
    """ "Moscow reacted angrily. Foreign ministry spokeswoman X said ...": a person named with
    a government office but no country, whose name opens the sentence's actors, speaks for
    the state or body that is the first subject of the sentence before, or for the country
    of a head of state or government who is ("Trump said ... National Security Adviser X
    said ..."). A run of such sentences ("The Kremlin said ... Spokesman Y said ... Deputy
    Foreign Minister Z said") keeps that state."""
    first_subject: dict[int, Entity] = {}
    opener: dict[int, Link] = {}
    for link in links:
        f = link.found
        if f.role != "actor":
            continue
        if f.subject and link.entity is not None:  # "He added ..." is the person named before
            first_subject.setdefault(f.sent, link.entity)
        if f.kind != "pronoun":
            opener.setdefault(f.sent, link)
    carried: set[int] = set()
    for sent in sorted(opener):
        link, focus = opener[sent], first_subject.get(sent - 1)
        e = link.entity
        if e is None or focus is None or not _unplaced_official(link):
            continue
        leads = focus.kind == "person" and rank_of(focus.title) == ("GOV", 1)
        if focus.country and (focus.kind in ("state", "body") or leads or id(focus) in carried):
            _settle(e, focus.country)
            link.reason = None
            carried.add(id(e))


def _unplaced_official(link: Link) -> bool:
    """A person mention that itself names a government office, and no country, organisation
    or person served ("X, the president's adviser")."""
    e, f = link.entity, link.found
    return (
        e is not None
        and e.kind == "person"
        and f.kind == "person"
        and f.patron < 0
        and not (e.country or e.org)
        and f.title is not None
        and f.sector in GOVERNMENT_SECTORS
    )


def _patrons(links: list[Link]) -> None:
    """An office serving a person ("adviser to Prime Minister X", "Abiy's ruling coalition")
    is of X's country. A countryless body or role entity may stand for other mentions too:
    only this mention moves, to the entity of that country."""
    people = {link.found.start: link.entity for link in links if link.found.kind == "person"}
    keyed = {link.entity.key: link.entity for link in links if link.entity}
    for link in links:
        e, patron = link.entity, people.get(link.found.patron)
        if e is None or patron is None or patron is e or e.country or e.org:
            continue
        if not patron.country:
            continue
        link.reason = None
        if e.kind == "person" or not e.key.startswith(f"{UNKNOWN}/"):
            e.country = patron.country
            continue
        move_mention(link, patron.country, keyed)


def _shared_body_names(doc: Doc, links: list[Link], kb) -> None:
    """A person or office tied only to a body whose name several states use ("X, the
    speaker of the House of Representatives"; a person set in apposition to such a body:
    "the head of the National Assembly, X") takes the one of those states that the article
    names most often as an actor or modifier; on a tie it stays unknown."""
    named = _article_states(links, locations=False)
    bodies = {link.found.end - 1: link for link in links if link.found.kind == "body"}
    for link in links:
        e = link.entity
        if e is None or e.country or e.org or e.kind not in ("person", "role", "body"):
            continue
        span = doc[link.found.start : link.found.end]
        shared = kb.states_sharing(span.text)
        if not shared and e.kind == "person":
            shared = [c for b in _bodies_in_apposition(span, bodies) for c in kb.states_sharing(b)]
        code = _most_named(shared, named)
        if code is not None:
            _settle(e, code)
            link.reason = None


def _bodies_in_apposition(span: Span, bodies: dict[int, Link]) -> list[str]:
    """ "the head of the National Assembly, Juan Guaidó", "X, a member of the Senate": the
    names of the bodies in the noun phrase set in apposition to a person's name."""
    root = span.root
    partner = root.head if root.dep_ == "appos" else None
    partner = partner or next((c for c in root.children if c.dep_ == "appos"), None)
    if partner is None:
        return []
    if partner.dep_ == "pobj" and partner.head.lower_ == "of":
        partner = partner.head.head  # the parser hangs the name on the body: "head of X, Y"
    own = {t.i for t in root.subtree}
    found = [bodies[t.i] for t in partner.subtree if t.i in bodies and t.i not in own]
    return [span.doc[b.found.start : b.found.end].text for b in found]


def _article_states(links: list[Link], *, locations: bool) -> Counter[str]:
    """How often the article names each state (as an actor or modifier, and also as a
    location when `locations`)."""
    named: Counter[str] = Counter()
    for link in links:
        country = (link.entity.country if link.entity else None) or link.found.country
        if country and (locations or link.found.role != "location"):
            named[country] += 1
    return named


def _most_named(candidates: Iterable[str], named: Counter[str]) -> str | None:
    """The candidate the article names most often; None when it names none or ties."""
    ranked = sorted(((named[c], c) for c in candidates if named[c]), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return None
    return ranked[0][1]


def _settle(e: Entity, code: str) -> None:
    """Give an entity of no known country its country, in its id too."""
    e.settle(code)


def _ambiguous_states(doc: Doc, links: list[Link], kb) -> None:
    """ "Congo", "Korean": a name several states share is the one of them the article
    names otherwise ("Kinshasa", "Seoul"), counting locations too; none or a tie leaves it
    unknown."""
    named = _article_states(links, locations=True)
    states = {
        link.entity.key: link.entity
        for link in links
        if link.entity and link.entity.kind == "state"
    }
    heads = {link.found.start: link for link in links if link.entity is not None}
    for link in links:
        e = link.entity
        if e is None or e.country or e.org:
            continue
        code = _most_named(kb.ambiguous(doc[link.found.start : link.found.end].text), named)
        if code is None:
            continue
        link.reason = None
        head = heads.get(link.found.end)
        if head is not None and head.entity.kind in ("role", "group") and not head.entity.country:
            _settle(head.entity, code)  # "Congolese soldiers": the adjective qualifies them
            link.entity, link.found.role = head.entity, "modifier"
        elif e.kind in ("unknown", "place"):
            state = states.setdefault(code, e)
            e.country, e.kind, e.key, e.sector = code, "state", code, e.sector or "GOV"
            for other in links:  # every mention of the name joins the state's entity
                if other.entity is e:
                    other.entity = state
        else:
            _settle(e, code)


def _idle_offices(links: list[Link]) -> None:
    """A nameless office or body of no stated country ("the government", "journalists") is
    an actor only when one of its mentions acts (a subject); otherwise it stays unresolved."""
    acts: dict[int, bool] = {}
    for link in links:
        e = link.entity
        if e is not None and e.kind in ("role", "body") and not (e.country or e.org):
            acts[id(e)] = acts.get(id(e), False) or link.found.subject
    for link in links:
        if link.entity is not None and acts.get(id(link.entity)) is False:
            link.entity, link.reason = None, IDLE


IDLE = "an office or body of no stated country that never acts in the article"


def _number_sentences(doc: Doc, found: list[Found], sentences: list[Sentence]) -> None:
    """Each mention's sentence index, and whether it stands inside quotation marks."""
    starts = [s.start for s in sentences]
    quoted = inside_quotes(doc)
    for f in found:
        at = bisect_right(starts, doc[f.start].idx) - 1
        f.sent = sentences[at].index if at >= 0 else 0
        f.quoted = bool(quoted[f.start])


ALIAS_ADVERBS = frozenset({"better", "also", "widely", "commonly", "popularly", "locally"})


def _mark_aliases(doc: Doc, found: list[Found]) -> None:
    """Another name given for the mention just before: "X, better known as Y", "X (also
    known as Y)", or an acronym in brackets after an organisation ("the X Front (XF)")."""
    by_end = {f.end: f for f in found if f.role == "actor"}
    for f in found:
        if f.role != "actor" or f.kind in ("pronoun", "role", "place"):
            continue
        i = f.start
        if i >= 3 and doc[i - 1].lower_ == "as" and doc[i - 2].lower_ == "known":
            j = i - 3 if doc[i - 3].lower_ not in ALIAS_ADVERBS else i - 4
            g = by_end.get(j) if j >= 0 and doc[j].text in (",", "(") else None
        elif _bracketed_acronym(doc, f):
            g = by_end.get(i - 1)
            g = g if g is not None and g.kind in ("group", "igo", "body", "unknown") else None
        else:
            g = None
        if g is not None and g.kind not in ("pronoun", "role", "place", "state"):
            f.alias_of = g


def _bracketed_acronym(doc: Doc, f: Found) -> bool:
    span = doc[f.start : f.end]
    return (
        f.start >= 1
        and doc[f.start - 1].text == "("
        and f.end < len(doc)
        and doc[f.end].text == ")"
        and len(span) == 1
        and span.text.isupper()
        and len(span.text) >= 2
    )


def _rank_of(lex):
    def rank(title: str | None) -> tuple[str, int] | None:
        if not title or title.split()[0] in RANK_MODIFIERS:
            return None
        found = lex.kb.title(title)
        return (found.sector, found.rank) if found else None

    return rank


def _assign_ids(links: list[Link]) -> dict[int, str]:
    ids: dict[int, str] = {}
    used: set[str] = set()
    for link in links:
        e = link.entity
        if e is None or id(e) in ids:
            continue
        actor_id = _entity_id(e)
        candidate, n = actor_id, 1
        while candidate in used:
            n += 1
            candidate = f"{actor_id}-{n}"
        used.add(candidate)
        ids[id(e)] = candidate
    return ids


def _entity_id(e: Entity) -> str:
    if e.kind != "person":
        return e.key
    name = names.slug(" ".join(e.name) or e.key)
    if e.country is None and e.org:
        return f"IGO/person/{name}"
    return f"{e.country or UNKNOWN}/person/{name}"


def _span(doc: Doc, f: Found) -> tuple[int, int]:
    return doc[f.start].idx, doc[f.end - 1].idx + len(doc[f.end - 1])


def _mention(doc: Doc, article: Article, link: Link, ids: dict[int, str]) -> Mention:
    f, e = link.found, link.entity
    start, end = _span(doc, f)
    actor_id = ids[id(e)] if e is not None else None
    kind = e.kind if e is not None else "unknown"
    return Mention(
        article_id=article.article_id,
        sentence_index=f.sent,
        start=start,
        end=end,
        text=article.text[start:end],
        entity=actor_id or "unresolved",
        actor_id=actor_id,
        kind=kind if kind in _KINDS else "unknown",
        country=(e.country if e is not None and f.role != "modifier" else f.country),
        sector=e.sector if e is not None else None,
        title=e.title if e is not None else None,
        role=f.role if f.role in ("actor", "location", "modifier") else "actor",
        reason=link.reason or (_reason(e) if e is not None else None),
    )


_KINDS = frozenset({"state", "body", "igo", "person", "role", "group", "unknown"})


def _reason(e: Entity) -> str | None:
    if e.country is not None or e.kind in ("igo", "state") or e.org:
        return None
    return {
        "person": "no country stated for this person in the article",
        "role": "no country stated for this office",
        "body": "no country stated for this body",
    }.get(e.kind, "no country known for this name")


def _actors(doc: Doc, text: str, links: list[Link], ids: dict[int, str]) -> list[Actor]:
    actors: dict[str, Actor] = {}
    for link in sorted(links, key=_named_by_modifier):
        e = link.entity
        if e is None:
            continue
        actor_id = ids[id(e)]
        actor = actors.get(actor_id)
        if actor is None:
            actor = actors[actor_id] = Actor(
                actor_id=actor_id,
                name=_display_name(e, link, doc, text, links),
                kind=e.kind if e.kind in _KINDS else "unknown",
                country=e.country,
                sector=e.sector,
                title=e.title,
                unresolved_reason=_reason(e),
            )
        f = link.found
        if f.kind != "pronoun" and f.role != "modifier":
            form = text[slice(*_span(doc, f))]
            for alias in (form, *_with_name_title(doc, text, f)):
                if alias not in actor.aliases:
                    actor.aliases.append(alias)
    _named_organisations(doc, text, links, actors)
    for link in links:  # a person is named by its fullest name mention, never by a role
        e, f = link.entity, link.found
        if e is not None and e.kind == "person" and f.kind == "person":
            actor = actors[ids[id(e)]]
            form = text[slice(*_span(doc, f))]
            if actor.name not in _named(links, e, doc, text) or _longer(form, actor.name):
                actor.name = form
    return list(actors.values())


def _named_by_modifier(link: Link) -> bool:
    """A group, organisation or body is named by a mention of its own, not by a modifier
    ("US-Taliban deal", "Russia's foreign ministry")."""
    e = link.entity
    return link.found.role == "modifier" and e is not None and e.kind in ("group", "igo", "body")


def _with_name_title(doc: Doc, text: str, f: Found) -> list[str]:
    """The person's name with the title written before it, when that title is part of how
    the name is written ("Mullah Abdul Ghani Baradar"), as another alias."""
    if f.kind != "person":
        return []
    i = f.start
    while i > 0 and doc[i - 1].lower_ in NAME_TITLES:
        i -= 1
    if i > 0 and doc[i].lower_ == "prince" and doc[i - 1].lower_ == "crown":
        i -= 1
    if i == f.start or not doc[i].text[:1].isupper():
        return []
    return [text[doc[i].idx : _span(doc, f)[1]]]


def _named_organisations(doc: Doc, text: str, links: list[Link], actors: dict[str, Actor]) -> None:
    """An organisation of the knowledge base named only to qualify someone ("the commander
    of the Syrian Democratic Forces, X") is still named: its name is an alias of its actor."""
    for link in links:
        f = link.found
        if f.role != "modifier" or f.kind not in ("igo", "group") or not (f.org or f.key):
            continue
        if f.kind == "group" and not f.org:
            continue
        form = text[slice(*_span(doc, f))]
        actor_id = f.org or f.key
        actor = actors.get(actor_id)
        if actor is None:
            actor = actors[actor_id] = Actor(
                actor_id=actor_id,
                name=form,
                kind=f.kind,
                country=f.country,
                sector=f.sector,
                title=None,
                unresolved_reason=None,
            )
        if form not in actor.aliases:
            actor.aliases.append(form)


def _named(links: list[Link], e: Entity, doc: Doc, text: str) -> set[str]:
    return {
        text[slice(*_span(doc, link.found))]
        for link in links
        if link.entity is e and link.found.kind == "person"
    }


def _longer(a: str, b: str) -> bool:
    return len(names.name_tokens(a)) > len(names.name_tokens(b))


def _display_name(e: Entity, link: Link, doc: Doc, text: str, links: list[Link]) -> str:
    if e.kind == "role":  # "envoys from ECOWAS": named with the organisation they serve
        org = None if e.country else kb.load().organisations.get(e.org or "")
        return f"{org.name} {e.title or 'official'}" if org else e.title or "official"
    if e.kind == "igo" and link.found.kind == "role":  # "NATO leaders": named as NATO
        named = next((g for g in links if g.entity is e and g.found.kind != "role"), link)
        return text[slice(*_span(doc, named.found))]
    return text[slice(*_span(doc, link.found))]
