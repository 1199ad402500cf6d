"""Cross-article resolution: one canonical actor per real person, body or state.

States, bodies, organisations and role actors already carry canonical ids from the
knowledge base: their article-local actors are merged by id (aliases pooled). Persons are
blocked by the consonant skeleton of their surname (near-linear), then merged inside a
block when surname, given name, country and title agree:

- full names merge when the surnames are the same word up to diacritics, transliteration
  or a small typo, the given names agree (or one is an initial), and the countries do not
  conflict; a fuzzy (not exact) match also needs compatible titles;
- an Arabic name with a patronymic and a family name ("Faisal bin Farhan Al Saud") is
  matched on the patronymic ("bin Farhan"), as the family name is often left out;
- a surname-only actor merges into the single compatible full-name cluster of its block;
  when several clusters fit it stays apart, with a reason.

Clusters never hold two countries: a merge that would mix them is refused.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..records import Actor
from . import kb, names
from .lexicon import PARTICLES, RANK_MODIFIERS

UNKNOWN = "XXX"
MILITARY_RANKS = frozenset({"general", "admiral", "colonel", "officer"})


@dataclass(slots=True)
class _Person:
    """One article-local person actor, with its name parsed."""

    key: tuple[str, str]
    actor: Actor
    tokens: tuple[str, ...]
    surname: tuple[str, ...]
    given: tuple[str, ...]


@dataclass(slots=True)
class _Cluster:
    members: list[_Person] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)

    def add(self, person: _Person) -> None:
        self.members.append(person)
        if person.actor.country:
            self.countries.add(person.actor.country)
        if person.actor.title:
            self.titles.add(person.actor.title)

    @property
    def full(self) -> bool:
        return any(m.given for m in self.members)


def resolve_corpus(
    items: Iterable[tuple[str, Actor]],
) -> tuple[dict[tuple[str, str], str], list[Actor]]:
    """Map every (article_id, provisional id) to a canonical id; return the canonical actors."""
    others: list[tuple[str, Actor]] = []
    people: list[_Person] = []
    for article_id, actor in sorted(items, key=lambda it: (it[0], it[1].actor_id)):
        if actor.kind == "person" and names.name_tokens(actor.name):
            people.append(_parse(article_id, actor))
        else:
            others.append((article_id, actor))
    mapping: dict[tuple[str, str], str] = {}
    canon: dict[str, Actor] = {}
    for article_id, actor in others:
        mapping[(article_id, actor.actor_id)] = actor.actor_id
        _absorb(canon, actor.actor_id, [actor])
    clusters = _cluster_people(people)
    _office_family(clusters)
    for cluster in clusters:
        actor = _canonical_person(cluster)
        actor.actor_id = _free_id(canon, actor.actor_id)
        for member in cluster.members:
            mapping[member.key] = actor.actor_id
        _absorb(canon, actor.actor_id, [actor, *(m.actor for m in cluster.members)])
    return mapping, [canon[k] for k in sorted(canon)]


def _free_id(canon: dict[str, Actor], actor_id: str) -> str:
    """Two people may share a name (and country): number the later one."""
    candidate, n = actor_id, 1
    while candidate in canon:
        n += 1
        candidate = f"{actor_id}-{n}"
    return candidate


def _parse(article_id: str, actor: Actor) -> _Person:
    tokens = _joined_surname(actor.name, names.name_tokens(actor.name))
    lineage = _patronymic(tokens)
    if lineage >= 0:
        surname, given = tokens[lineage : lineage + 2], tokens[:lineage]
        return _Person((article_id, actor.actor_id), actor, tokens, surname, given)
    return _Person(
        (article_id, actor.actor_id),
        actor,
        tokens,
        names.surname(tokens),
        names.given(tokens),
    )


def _joined_surname(name: str, tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A hyphenated last word is one surname, however it is spelled elsewhere: "Hossein
    Amir-Abdollahian" and "Amirabdollahian"; not a family name opened by an article
    ("Al-Saud"), which `_patronymic` reads."""
    last = name.split()[-1] if name.split() else ""
    parts = names.name_tokens(last)
    if "-" not in last or len(parts) < 2 or parts[0] in PARTICLES or tokens[-len(parts) :] != parts:
        return tokens
    return (*tokens[: -len(parts)], "".join(parts))


PATRONYMIC = frozenset({"bin", "ibn", "bint"})
FAMILY = frozenset({"al", "el"})


def _patronymic(tokens: tuple[str, ...]) -> int:
    """Where "bin Farhan" starts in "Faisal bin Farhan Al Saud": an Arabic name with a
    patronymic and a family name is often written without the family name, so the
    patronymic is what identifies the person (-1: no such name)."""
    first = next((i for i, t in enumerate(tokens[1:-1], start=1) if t in PATRONYMIC), -1)
    if first < 0 or not any(t in FAMILY for t in tokens[first + 2 : -1]):
        return -1
    return first


def _block_key(person: _Person) -> str:
    return names.skeleton(" ".join(person.surname))


def _cluster_people(people: list[_Person]) -> list[_Cluster]:
    blocks: dict[str, list[_Person]] = defaultdict(list)
    for person in people:
        blocks[_block_key(person)].append(person)
    _family_name_first(blocks)
    clusters: list[_Cluster] = []
    for key in sorted(blocks):
        clusters.extend(_cluster_block(blocks[key]))
    return clusters


def _family_name_first(blocks: dict[str, list[_Person]]) -> None:
    """A one-word name whose block holds no full name may be a family name written first
    ("Xi" for "Xi Jinping"): move it to the block of the full names that start with it, when
    exactly one such block exists."""
    first_word: dict[str, set[str]] = defaultdict(set)
    for key, block in blocks.items():
        for person in block:
            if person.given:
                first_word[names.skeleton(person.tokens[0])].add(key)
    for key in list(blocks):
        block = blocks[key]
        if any(p.given for p in block):
            continue
        targets = first_word.get(key, set()) - {key}
        if len(targets) == 1:
            blocks[targets.pop()].extend(block)
            del blocks[key]


def _cluster_block(block: list[_Person]) -> list[_Cluster]:
    """Full names first (most evidence), then surname-only actors join a unique match."""
    full = sorted((p for p in block if p.given), key=_evidence_order)
    bare = sorted((p for p in block if not p.given), key=_evidence_order)
    clusters: list[_Cluster] = []
    for person in full:
        target = _unique(c for c in clusters if _joins(person, c))
        if target is None:
            target = _Cluster()
            clusters.append(target)
        target.add(person)
    for person in bare:
        fits = [c for c in clusters if _joins(person, c)]
        target = _prefer_same_country(person, fits)
        if target is None:
            target = _Cluster()
            clusters.append(target)
            if len(fits) > 1 and not person.actor.unresolved_reason:
                person.actor.unresolved_reason = "surname shared by several people"
        target.add(person)
    return clusters


def _evidence_order(person: _Person) -> tuple:
    """Known countries and titles first, then longer names; ties broken by key."""
    a = person.actor
    return (a.country is None, a.title is None, -len(person.tokens), person.key)


def _unique(clusters: Iterable[_Cluster]) -> _Cluster | None:
    found = list(clusters)
    return found[0] if len(found) == 1 else None


def _prefer_same_country(person: _Person, fits: list[_Cluster]) -> _Cluster | None:
    if len(fits) == 1:
        return fits[0]
    country = person.actor.country
    same = [c for c in fits if country and country in c.countries]
    return same[0] if len(same) == 1 else None


def _joins(person: _Person, cluster: _Cluster) -> bool:
    country = person.actor.country
    if country and cluster.countries and country not in cluster.countries:
        return False
    return any(_same_person(person, member) for member in cluster.members)


def _same_person(a: _Person, b: _Person) -> bool:
    if not _surnames_match(a.surname, b.surname) and not _first_word_match(a, b):
        return False
    if a.given and b.given:
        exact = a.tokens == b.tokens
        if not names.given_compatible(a.given, b.given):
            return False
        return exact or _titles_compatible(a.actor, b.actor)
    return _titles_compatible(a.actor, b.actor)


def _first_word_match(a: _Person, b: _Person) -> bool:
    """A one-word name that is the first word of a full name: a family name written first
    ("Xi" for "Xi Jinping") or a patronymic culture's given name ("Abiy" for "Abiy Ahmed")."""
    bare, full = (a, b) if not a.given else (b, a)
    return (
        not bare.given
        and bool(full.given)
        and len(bare.tokens) == 1
        and bare.tokens[0] == full.tokens[0]
    )


def _surnames_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if a == b:
        return True
    return names.similar(" ".join(a), " ".join(b))


def _titles_compatible(a: Actor, b: Actor) -> bool:
    """The same title or sector; a military rank goes with any office ("Brigadier General
    X, the army's spokesman", "Colonel X, the junta leader")."""
    if not a.title or not b.title or a.title == b.title:
        return True
    if a.title in MILITARY_RANKS or b.title in MILITARY_RANKS:
        return True
    return a.sector is not None and a.sector == b.sector


def _office_family(clusters: list[_Cluster]) -> None:
    """A person of unknown country holding a ranked office ("Assistant Secretary of State")
    takes the country of the holder of the base office ("Secretary of State") named in the
    same article, when exactly one country holds it there."""
    holders: dict[tuple[str, str], set[str]] = defaultdict(set)
    for cluster in clusters:
        if len(cluster.countries) == 1:
            (country,) = cluster.countries
            for m in cluster.members:
                for title in cluster.titles:
                    holders[(m.key[0], title)].add(country)
    for cluster in clusters:
        if cluster.countries:
            continue
        found: set[str] = set()
        for m in cluster.members:
            base = _base_office(m.actor.title)
            if base:
                found |= holders.get((m.key[0], base), set())
        if len(found) == 1:
            cluster.countries |= found
            for m in cluster.members:
                m.actor.unresolved_reason = None


def _base_office(title: str | None) -> str | None:
    words = (title or "").split()
    if len(words) > 1 and words[0] in RANK_MODIFIERS:
        return " ".join(words[1:])
    return None


def _canonical_person(cluster: _Cluster) -> Actor:
    actors = [m.actor for m in cluster.members]
    name = _fullest_name(actors)
    countries = sorted(cluster.countries)
    country = countries[0] if len(countries) == 1 else None
    title = _most_common(a.title for a in actors)
    sector = _most_common(a.sector for a in actors)
    reason = None
    if country is None and not any(a.actor_id.startswith("IGO/") for a in actors):
        reason = next((a.unresolved_reason for a in actors if a.unresolved_reason), None)
        reason = reason or "no country stated for this person in any article"
    igo = country is None and any(a.actor_id.startswith("IGO/") for a in actors)
    return Actor(
        actor_id=f"{'IGO' if igo else country or UNKNOWN}/person/{names.slug(name)}",
        name=name,
        kind="person",
        country=country,
        sector=sector,
        title=title,
        aliases=[],
        unresolved_reason=reason,
    )


def _fullest_name(actors: list[Actor]) -> str:
    """The form with most words; ties: the most frequent, then the one with diacritics."""
    counts = Counter(a.name for a in actors)
    for a in actors:
        counts.update(alias for alias in a.aliases if alias != a.name and _is_name_of(alias, a))
    return max(
        counts,
        key=lambda n: (len(names.name_tokens(n)), counts[n], not n.isascii(), n),
    )


def _is_name_of(alias: str, actor: Actor) -> bool:
    """An alias that is a form of the actor's name (same surname), not a role ("the analyst")."""
    tokens, own = names.name_tokens(alias), names.name_tokens(actor.name)
    return bool(tokens and own) and names.similar(tokens[-1], own[-1])


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return max(sorted(counts), key=lambda v: counts[v])


def _state_name(actor_id: str) -> str | None:
    """A state is named as the knowledge base names it ("Italy"), not by the capital or
    adjective that first stood for it ("Rome", "Italian")."""
    country = kb.load().countries.get(actor_id)
    return country.name if country is not None else None


def _absorb(canon: dict[str, Actor], actor_id: str, actors: list[Actor]) -> None:
    """Merge aliases (and missing fields) of `actors` into the canonical record for the id."""
    for actor in actors:
        held = canon.get(actor_id)
        if held is None:
            held = Actor(
                actor_id=actor_id,
                name=_state_name(actor_id) or actor.name,
                kind=actor.kind,
                country=actor.country,
                sector=actor.sector,
                title=actor.title,
                aliases=[],
                unresolved_reason=actor.unresolved_reason,
            )
            canon[actor_id] = held
        held.sector = held.sector or actor.sector
        held.title = held.title or actor.title
        for alias in [actor.name, *actor.aliases]:
            if alias not in held.aliases:
                held.aliases.append(alias)
