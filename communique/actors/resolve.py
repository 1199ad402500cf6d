"""Within-article resolution: group detected mentions into article-local entities.

Rules, in order:
- full names with the same surname (up to diacritics, transliteration or a typo) and
  compatible given names are one person; the person's country, title and sector are the
  first ones any of its mentions states;
- a surname alone (or "Mr X") is the person whose full name ends with it, the most recent
  one when several do; else the full name it begins ("Xi", "Abiy"; of two Kims the one
  named first, and the same one all through the article); else the one full name it is an
  inner word of ("Nasir" of "Ali Nasir Hamid"); otherwise a new person of unknown country;
- an office opened by "its"/"their" ("Its spokesman, X,") belongs to the most recent
  earlier state, body or organisation that acts (of a sentence before: its subject first,
  see `owners`); one owned by a person ("Abiy's chief of
  staff, X", "his spokesman", "his sister, X") is of that person's country;
- a body named again without a country ("the government") is the most recent earlier body
  of that name that had one;
- another name given for a mention ("X, better known as Y", "the X Front (XF)") is the
  same entity;
- a role description ("the Secretary of State", "the U.S. top diplomat", "the analyst") is
  the most recent earlier person holding that office (same country when one is given; an
  office of the same sector and rank counts), else a role actor of its country; not so
  an office serving a person ("his spokesman" is no earlier spokesman);
- "the ministers" / "they" refer to the most recent group introduced together ("both
  leaders", "the two ministers": a group of two);
- "he"/"she" as a subject is the nearest earlier person in the sentence that is a subject or
  a possessor, else the most recent person subject, else the most recent person; a person
  whose gender is known (an honorific, else a listed given name: "Mette" -> she) is skipped by
  a pronoun of the other gender. A person of unknown gender who is the only one a "he"/"she"
  can mean takes that gender for the rest of the article.
Anything that cannot be tied to a country keeps `country=None` and says why.
"""

from __future__ import annotations

from dataclasses import replace

from . import names, owners, pairs
from .entity import UNKNOWN, Entity, Link, move_mention
from .found import Found
from .lexicon import RANK_MODIFIERS
from .pronouns import PronounRules

__all__ = ["UNKNOWN", "Entity", "Link", "Resolver", "move_mention"]
OWNERS = owners.OWNERS
# a body named again without a country may also take that of an earlier body of these keys
BODY_KIN = {"armed-forces": frozenset({"government"})}


class Resolver(PronounRules):
    """`known(entity)` may give a named person of no stated country their country and
    office (the table of office holders) before roles and pronouns are read."""

    def __init__(self, found: list[Found], text_of, rank_of, known=None) -> None:
        self.found, self.text_of, self.rank_of = found, text_of, rank_of
        self.known = known
        self.entities: dict[str, Entity] = {}
        self.links: list[Link] = []
        self.by_found: dict[int, Entity] = {}
        self.groups: dict[int, list[Entity]] = {}  # plural mentions resolved to a batch
        self.owner_batch: dict[int, int] = {}  # "their leaders" of states named together

    def run(self) -> list[Link]:
        self._owners()
        self._repeated_bodies()
        self._people()
        self._patrons()
        for entity in dict.fromkeys(self.by_found.values()):
            if self.known is not None:
                self.known(entity)
        heads = [f for f in self.found if not (f.role == "modifier" and f.head is not None)]
        for f in heads:
            self.links.extend(self._resolve(f))
        for f in self.found:
            if f.role == "modifier" and f.head is not None:
                self.links.extend(self._resolve(f))
        self._aliases()
        self.links.sort(key=lambda link: (link.found.start, link.found.end))
        return self.links

    def _aliases(self) -> None:
        """ "X, better known as Y": Y's entity joins X's, or X's joins Y's when only Y is a
        known organisation ("the National Liberation Army (ELN)"); two known ones stay apart."""
        for f in self.found:
            if f.alias_of is None:
                continue
            a, b = self.by_found.get(id(f.alias_of)), self.by_found.get(id(f))
            if a is None or b is None or a is b:
                continue
            keep, drop = (b, a) if _known(b) and not _known(a) else (a, b)
            if _known(drop):
                continue
            keep.country = keep.country or drop.country
            for link in self.links:
                if link.entity is drop:
                    link.entity, link.reason = keep, None
            for key, entity in self.by_found.items():
                if entity is drop:
                    self.by_found[key] = keep

    def _owners(self) -> None:
        """ "The Kremlin said ... Its spokesman, X": an office opened by "its"/"their" belongs
        to the most recent earlier state, body or organisation that acts; "their leaders"
        after states named together are the leaders of each (`_office_of_each`), after
        people named together those people."""
        for f in self.found:
            if not f.owner or f.country or f.org:
                continue
            for g in owners.candidates(self._earlier(f.start), f.sent):
                if f.plural and g.kind == "person" and g.batch >= 0:
                    break  # "A and B agreed ... their leaders": the two named (`_role`)
                if owners.can_own(g):
                    if f.plural and f.kind == "role" and g.batch >= 0 and g.country:
                        self.owner_batch[id(f)] = g.batch
                    else:
                        f.country, f.org = g.country, None if g.country else g.org
                    break

    def _repeated_bodies(self) -> None:
        """ "Peru's government ... the government said": a body named again without a
        country is the earlier body of that name which had one, unless bodies of that name
        of two countries were named before it ("Russia's army and Ukraine's army ... the
        army"). The armed forces ("the military", "the junta") are also those of the country
        whose government was named ("Mali's military-led government ... the junta"); "the
        ministry" is the ministry named last ("China's foreign ministry ... the ministry")."""
        for f in self.found:
            if f.kind != "body" or f.country or f.org or f.owner or f.plural or not f.key:
                continue
            keys = {f.key} | BODY_KIN.get(f.key, frozenset())
            bodies = [
                g
                for g in self._earlier(f.start)
                if g.kind == "body" and g.country and (g.key in keys or _ministry_of(f, g))
            ]
            earlier = {g.country for g in bodies}
            if len(earlier) == 1:
                f.country, f.key = earlier.pop(), bodies[-1].key if f.key == "ministry" else f.key
                head = f.head if f.role == "modifier" and self._possessive(f.end) else None
                if head is not None and head.kind in ("person", "role") and not head.country:
                    head.country = f.country  # "the embassy's chief of staff, X": its state's

    def _possessive(self, i: int) -> bool:
        try:
            return bool(self.text_of) and self.text_of(i) in ("'s", "’s", "'", "’")
        except IndexError:
            return False

    # ------------------------------------------------------------------ persons
    def _people(self) -> None:
        persons = [f for f in self.found if f.kind == "person" and f.name]
        full: list[Entity] = []
        for f in (p for p in persons if len(p.name) > 1):
            entity = next((e for e in full if _same_person(e, f)), None)
            if entity is None:
                entity = Entity("person", " ".join(f.name))
                full.append(entity)
            self._bind(f, entity)
        bare: dict[str, Entity] = {}
        for f in (p for p in persons if len(p.name) == 1):
            entity = (
                self._surname_owner(f, full)
                or bare.get(f.name[0])
                or self._first_name_owner(f, full)
            )
            if entity is None:
                entity = Entity("person", f.name[0])
            bare[f.name[0]] = entity
            self._bind(f, entity)

    def _bind(self, f: Found, entity: Entity) -> None:
        entity.absorb(f)
        self.by_found[id(f)] = entity

    def _surname_owner(self, f: Found, full: list[Entity]) -> Entity | None:
        fits = [e for e in full if names.surname_fits(f.name, e.name) and _compatible(e, f)]
        if len(fits) <= 1:
            return fits[0] if fits else None
        before = [e for e in fits if self._last_before(e, f.start) >= 0]
        return max(before, key=lambda e: self._last_before(e, f.start)) if before else fits[0]

    def _first_name_owner(self, f: Found, full: list[Entity]) -> Entity | None:
        """A one-word name that begins a full name and ends none: a family name written first
        ("Xi" of "Xi Jinping") or a patronymic culture's given name ("Abiy" of "Abiy Ahmed").
        When several full names begin with it ("Kim Jong Un", "Kim Yo Jong"), it is the one
        named first (a writer names a second Kim in full), before it if any, else after it
        (a headline); `_people` keeps that reading for the rest of the article. Failing
        that, the one full name it is an inner word of ("Nasir" of "Ali Nasir Hamid")."""
        word = f.name[0]
        if any(e.name and e.name[-1] == word for e in full):
            return None
        fits = [e for e in full if e.name[0] == word and _compatible(e, f)]
        inner = [e for e in full if word in e.name[1:-1] and _compatible(e, f)]
        fits = fits or (inner if len(inner) == 1 else [])
        before = [e for e in fits if self._last_before(e, f.start) >= 0]
        return (before or fits or [None])[0]

    def _last_before(self, entity: Entity, pos: int) -> int:
        best = -1
        for g in self.found:
            if g.start < pos and self.by_found.get(id(g)) is entity:
                best = g.start
        return best

    def _patrons(self) -> None:
        """An office, body or person serving or related to a named person ("Abiy's chief of
        staff", "his spokesman", "his sister, X") is of that person's country; "his"/"her"
        is the nearest subject before it in the sentence, else the nearest person there,
        else the last person subject before."""
        people = {g.start: g for g in self.found if g.kind == "person" and id(g) in self.by_found}
        for f in self.found:
            if f.patron < 0 or f.country or f.org or f.kind not in ("person", "role", "body"):
                continue
            named = people.get(f.patron) or self._possessor(f)
            patron = self.by_found.get(id(named)) if named else None
            f.patron = named.start if named else f.patron  # "his": the person, for later rules
            if patron is None or patron.country is None or self.by_found.get(id(f)) is patron:
                continue
            f.country = patron.country
            own = self.by_found.get(id(f))
            if own is not None and own.country is None:
                own.country = f.country

    def _possessor(self, f: Found) -> Found | None:
        pronoun = self.text_of(f.patron) if self.text_of else ""
        gender = {"his": "m", "her": "f"}.get(pronoun.lower(), "")
        if not gender:
            return None
        earlier = [
            g
            for g in self.found
            if g.start < f.patron
            and g.role != "modifier"
            and self._is_person(g, gender)
            and not g.quoted
        ]
        same = [g for g in earlier if g.sent == f.sent]
        pick = next((g for g in reversed(same) if g.subject), same[-1] if same else None)
        if pick is None:
            subjects = [g for g in earlier if g.subject]
            pick = subjects[-1] if subjects else None
        return pick

    # ------------------------------------------------------------------ per mention
    def _resolve(self, f: Found) -> list[Link]:
        if f.kind == "person" and id(f) in self.by_found:
            entity = self.by_found[id(f)]
        elif f.kind == "pronoun":
            return self._pronoun(f)
        elif f.kind == "role":
            return self._role(f)
        elif f.kind == "group" and f.pair:
            return self._pair(f)
        elif f.role == "modifier" and f.head is not None:
            return [Link(f, e) for e in self._heads_of(f)]
        else:
            entity = self._entity_for(f)
        self.by_found[id(f)] = entity
        return [Link(f, entity)]

    def _heads_of(self, f: Found) -> list[Entity]:
        """The entity a modifier qualifies; a role that resolved to several, the matching one."""
        assert f.head is not None
        found = [link.entity for link in self.links if link.found is f.head and link.entity]
        return found[:1] or [self._entity_for(f.head)]

    def _entity_for(self, f: Found) -> Entity:
        found = self.by_found.get(id(f))
        if found is not None:
            return found
        key = _provisional_key(f)
        entity = self.entities.get(key)
        if entity is None:
            entity = self.entities[key] = Entity(_kind(f), key)
        entity.absorb(f)
        self.by_found[id(f)] = entity
        return entity

    def _role(self, f: Found) -> list[Link]:
        holder = self.by_found.get(id(f.named_as)) if f.named_as is not None else None
        if holder is not None:  # "the leaders of A and B, X and Y": X for A's, Y for B's
            holder.country = holder.country or f.country
            self.by_found[id(f)] = holder
            return [Link(f, holder)]
        if id(f) in self.owner_batch:
            return self._office_of_each(f)
        if f.plural and f.title in LEADER_WORDS and (f.org or "").startswith("IGO/"):
            return [Link(f, self._bloc(f))]  # "NATO leaders", "West African leaders"
        if f.plural:
            size = 2 if f.pair else None
            batch = self._recent_batch(f.start, title=f.title, size=size) or self._recent_pair(f)
            if f.org and not f.owner and any(e.org != f.org for e in batch):
                batch = []  # "envoys from <organisation>": its own, not the envoys named before
            if batch and not f.country:
                self.groups[id(f)] = batch
                return [Link(f, e) for e in batch]
        else:
            person = None if f.served or f.fresh else self._holder(f)
            if person is not None:
                if person.country is None and f.country:
                    person.country = f.country
                self.by_found[id(f)] = person
                return [Link(f, person)]
        return [Link(f, self._entity_for(f))]

    def _office_of_each(self, f: Found) -> list[Link]:
        """ "Kenya and Tanzania signed ... Their leaders will meet": the office of each
        state named together."""
        batch = self.owner_batch[id(f)]
        countries = dict.fromkeys(g.country for g in self.found if g.batch == batch and g.country)
        links = []
        for country in countries:
            each = replace(f, country=country)
            key = _provisional_key(each)
            entity = self.entities.setdefault(key, Entity("role", key))
            entity.absorb(each)
            links.append(Link(f, entity))
        self.groups[id(f)] = [link.entity for link in links if link.entity]
        return links

    def _bloc(self, f: Found) -> Entity:
        """The leaders of an organisation's members, named together, are the organisation."""
        assert f.org is not None
        entity = self.entities.get(f.org)
        if entity is None:
            entity = self.entities[f.org] = Entity("igo", f.org, org=f.org, sector="IGO")
        self.by_found[id(f)] = entity
        return entity

    def _holder(self, f: Found) -> Entity | None:
        """The most recent earlier person holding the office named by a role mention."""
        exact = part = loose = None
        for g in reversed(self._earlier(f.start)):
            e = self.by_found.get(id(g))
            if e is None or e.kind != "person" or e.title is None:
                continue
            if f.country and e.country and e.country != f.country:
                continue
            if e.title == f.title and exact is None:
                exact = e
            elif part is None and (
                (exact is None and _office_within(f.title, e.title)) or self._leads(f, e)
            ):
                part = e
            elif (
                loose is None
                and self._same_office_class(e.title, f.title)
                and not (f.country and e.country is None)  # a loose match lends no country
            ):
                loose = e
        return exact or part or loose

    def _leads(self, f: Found, e: Entity) -> bool:
        """ "The Turkish leader" describes the head of state or government of that country
        named earlier ("Turkish President X"), never someone of no stated country."""
        return (
            f.title in LEADER_WORDS
            and f.country is not None
            and e.country == f.country
            and self.rank_of(e.title) == ("GOV", 1)
        )

    def _same_office_class(self, a: str | None, b: str | None) -> bool:
        """Offices of one sector and rank ("envoy", "special representative"); heads of state
        and government (rank 1) are each their own office: "the emir" is no president."""
        ra, rb = self.rank_of(a), self.rank_of(b)
        return ra is not None and ra == rb and ra[1] > 1

    def _earlier(self, pos: int) -> list[Found]:
        return [g for g in self.found if g.start < pos and g.role != "modifier"]

    def _recent_batch(
        self, pos: int, title: str | None = None, size: int | None = None
    ) -> list[Entity]:
        """Entities of the most recent mentions introduced together ("A and B"); of `size`
        entities when given ("both leaders" are two)."""
        for g in reversed(self._earlier(pos)):
            plural_group = g.kind in ("group", "role") and g.plural
            if id(g) in self.groups:  # "the ministers" or "they", already read as a batch
                entities = self.groups[id(g)]
            elif g.batch < 0 and not plural_group:
                continue
            elif g.batch < 0:
                entity = self.by_found.get(id(g))
                entities = [entity] if entity else []
            else:
                members = [self.by_found.get(id(h)) for h in self.found if h.batch == g.batch]
                entities = [e for e in dict.fromkeys(members) if e is not None]
            if size is not None and len(entities) != size:
                continue
            if title is None or any(self._fits_plural(title, e) for e in entities):
                return entities
        return []

    def _recent_pair(self, f: Found) -> list[Entity]:
        """ "Biden met Xi ... The two leaders agreed": the two most recent people whose
        offices fit a plural role named without a country, when no batch came before."""
        if f.title is None or f.country or not f.pair:
            return []
        found: list[Entity] = []
        for g in reversed(self._earlier(f.start)):
            e = self.by_found.get(id(g))
            if e is None or e.kind != "person" or e in found:
                continue
            if e.title is not None and not self._fits_plural(f.title, e):
                return []  # another kind of person came between: no safe pair
            found.append(e)
            if len(found) == 2:
                return found[::-1]
        return []

    def _fits_plural(self, title: str, e: Entity) -> bool:
        """ "The ministers" after two foreign ministers; "the two leaders" after two heads
        of state or government."""
        if _office_within(title, e.title):
            return True
        if title in LEADER_WORDS and e.kind == "igo":
            return True  # "West African leaders ... the leaders said"
        return title in LEADER_WORDS and self.rank_of(e.title) == ("GOV", 1)

    def _pair(self, f: Found) -> list[Link]:
        """ "Both sides", "the two countries": the latest two actors named together; else
        no mention."""
        batch = pairs.sides(self._recent_batch(f.start, size=2), self._state)
        if not batch:
            return []
        self.groups[id(f)] = batch
        return [Link(f, e) for e in batch]

    def _state(self, code: str) -> Entity:
        """The article's entity of a state, made when the state is not named itself."""
        entity = self.entities.get(code)
        if entity is None or entity.kind != "state":
            entity = self.entities[code] = Entity("state", code, country=code, sector="GOV")
        return entity


LEADER_WORDS = frozenset({"leader"})


def _office_within(role: str | None, held: str | None) -> bool:
    """ "minister" names the office "foreign minister"; "secretary of state" does not name
    "assistant secretary of state" (a rank modifier makes it another office)."""
    if not role or not held:
        return False
    if role == held:
        return True
    if role in LEADER_WORDS:  # "the leader" is not the opposition or rebel leader
        return False
    role_words, held_words = role.split(), held.split()
    if held_words[0] in RANK_MODIFIERS and role_words[0] not in RANK_MODIFIERS:
        return False
    return set(role_words) <= set(held_words)


def _ministry_of(f: Found, g: Found) -> bool:
    """ "The ministry" names again a ministry of any kind ("the foreign ministry")."""
    return f.key == "ministry" and g.key.endswith("ministry")


def _same_person(e: Entity, f: Found) -> bool:
    if not names.surname_fits(names.surname(f.name), names.surname(e.name)):
        return False
    if not names.given_compatible(names.given(f.name), names.given(e.name)):
        return False
    return _compatible(e, f)


def _known(e: Entity) -> bool:
    """An entity the knowledge base names: a state or a listed organisation."""
    return e.org is not None or e.kind in ("state", "igo")


def _compatible(e: Entity, f: Found) -> bool:
    return not (e.country and f.country and e.country != f.country)


def _kind(f: Found) -> str:
    return {"place": "unknown", "pronoun": "unknown"}.get(f.kind, f.kind)


def _provisional_key(f: Found) -> str:
    country = f.country or UNKNOWN
    if f.kind == "state":
        return f.key or country
    if f.kind == "igo" or (f.kind == "group" and f.org):
        return f.org or f.key
    if f.kind == "body":
        return f"{country}/{f.key}"
    if f.kind == "role":  # "EU foreign ministers" act for the EU
        owner = f.org if f.org and not f.country else country
        return f"{owner}/role/{names.slug(f.title or 'official')}"
    if f.kind == "group":
        return f"{country}/group/{f.key or 'people'}"
    if f.kind == "unknown":
        return f"{country}/unknown/{f.key}"
    return f"{country}/place/{f.key}"
