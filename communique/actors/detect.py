"""Mention detection: persons, role descriptions, states, bodies, organisations, places.

Persons come from three kinds of evidence, strongest first: a title before a name run
("Prime Minister Nikol Pashinyan"), an honorific ("Mr Lavrov"), a PERSON span. Once the
article's person names are known, any capitalised run that repeats one of them is a person
too, whatever label the NER gave it (the small model calls surnames GPE or NORP). Each
person, title and body takes its country from its descriptor (see `context`), and every
country word that qualifies a head becomes a `modifier` of it.

The rules live in mixins, one module per family: `persons` (PersonRules), `nameruns`
(NameRuns) and `places` (PlaceRules); this module keeps the driver, the descriptors a head
takes its title, country and modifiers from, roles and pronouns.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from . import coalitions, dateline, heads, leaders, names, owners, seats, sequel, syntax
from .context import OWNER_PRONOUNS, POSSESSIVE, POSTING, Descriptor, Scanner
from .found import Found
from .lexicon import (
    FEMALE,
    GROUP_NOUNS,
    MALE,
    PLURAL_PRONOUNS,
    RANK_MODIFIERS,
    Lexicon,
    words,
)
from .nameruns import NameRuns
from .persons import OTHER_SIDE, PersonRules
from .places import KIND, PlaceRules
from .units import COUNTRYISH, Unit

SERVED_BY = words("his her")  # "his spokesman": an office serving the person meant
INDEFINITE = words("a an another")  # "an Israeli minister": someone not named before
PAIR = words("two both")  # "the two leaders": a plural role for two people named before
PAST_OR_RANK = RANK_MODIFIERS | words("former ex retired late ousted exiled")


class Detector(PersonRules, NameRuns, PlaceRules):
    """Runs the detection rules over one parsed document."""

    def __init__(self, doc: Doc, units: list[Unit], lex: Lexicon) -> None:
        self.doc, self.units, self.lex, self.kb = doc, units, lex, lex.kb
        self.scan = Scanner(doc, units)
        self.used: set[int] = set()  # start tokens of units already explained
        self.found: list[Found] = []
        self.covered = bytearray(len(doc))
        self.batches = 0
        self.filed_in: list[tuple[int, str | None]] = []  # per dateline: start, capital's state

    # ------------------------------------------------------------------ driver
    def run(self) -> list[Found]:
        self._persons_after_titles()
        self._persons_after_honorifics()
        self._person_spans()
        self._appositive_names()
        self._listed_names()
        self._repeated_names()
        self._listed_in_apposition()
        self._roles()
        self._coalitions()
        self._places_and_states()
        self._organisation_anaphors()
        self._postings()
        seats.organisation_seats(self.doc, self.found, self.kb)
        self._pronouns()
        self._fronted_capitals()
        self._placed_by_phrase()
        self._owned_by_place()
        self._placed_within()
        self._owned_bodies()
        self._possessed()
        self._datelines()
        self._sequels()
        return sorted(self.found, key=lambda f: (f.start, f.kind == "pronoun", f.end))

    def _postings(self) -> None:
        """ "Its ambassador to Burkina Faso": the state of a posting owns no "its" office."""
        for f in self.found:
            f.posting = f.kind == "state" and self.scan.posting(f.start)

    def _coalitions(self) -> None:
        """ "A Saudi-led coalition": see `coalitions`."""
        for group, inside in coalitions.led_coalitions(self.doc, self.units):
            if not any(self.covered[group.start : group.end]):
                self.add(group)
                self.used.update(u.start for u in inside)

    def _datelines(self) -> None:
        """ "MOSCOW (Reuters) - Russia said ...": see `dateline.apply`."""
        self.found, self.filed_in = dateline.apply(self.doc, self.found, self.scan.by_start)

    def _sequels(self) -> None:
        """ "It also recalled ...", "both sides said": see `sequel`."""
        quoted = inside_quotes(self.doc)
        for f in sequel.neuter_subjects(self.doc, quoted) + sequel.pairs(self.doc, quoted):
            if not self.covered[f.end - 1]:
                self.add(f)
        sequel.batch_coordinated(self.doc, self.found, self._batch)

    def _after_posting(self, i: int, sent) -> int:
        """Where a name may start after a title: past a posting such as "to France" or
        "for Syria" ("Ambassador to France Charles Kushner")."""
        if i + 1 < sent.end and self.doc[i].lower_ in POSTING:
            j = i + 1 + (self.doc[i + 1].lower_ == "the")
            unit = self.scan.by_start.get(j)
            if unit is not None and unit.kind in COUNTRYISH:
                return unit.end
        return i

    def _owned_bodies(self) -> None:
        """ "Its government", "their foreign ministry": a body of no stated country opened by
        a possessive belongs to an earlier actor (`Resolver._owners` finds which)."""
        for f in self.found:
            if f.kind == "body" and not f.country and f.start > 0:
                f.owner = f.owner or self.doc[f.start - 1].lower_ in OWNER_PRONOUNS

    def _possessed(self) -> None:
        """ "Abiy's chief of staff, X", "his spokesman", "her own presidential guard", "his
        sister, X": a countryless office, body or person that a person owns (a name before
        "'s", or "his"/"her") serves that person; `Resolver._patrons` gives it the owner's
        country ("his" is the person the sentence is about)."""
        persons = [f for f in self.found if f.kind == "person" and f.role == "actor"]
        for f in self.found:
            if f.kind not in ("person", "role", "body") or f.role != "actor" or f.plural:
                continue
            if f.country or f.org or f.patron >= 0 or f.owner:
                continue
            d = self._owned_descriptor(f)
            if d is None or any(w in OTHER_SIDE for w in d.words):
                continue
            f.patron = self._owner_token(d.start, persons)
            if f.patron < 0 and d.start > 0 and self.doc[d.start - 1].lower_ == "whose":
                f.country = owners.relative_country(self.doc, d.start - 1, self.found)

    def _owned_descriptor(self, f: Found) -> Descriptor | None:
        """The premodifiers of a role or body; for a person, an office or relation before
        it ("his sister, X," / "Abiy's chief of staff X")."""
        sent = self.doc[f.start].sent
        if f.kind != "person":
            return self.scan.left(f.start, sent)
        after = self.doc[f.end].text if f.end < sent.end else "."
        comma = f.start - 1 >= sent.start and self.doc[f.start - 1].text == ","
        if comma and after not in (",", ".", ";", ")"):
            return None  # "After meeting his wife, X said": no apposition
        d = self.scan.left(f.start - 1 if comma else f.start, sent)
        return d if d.titles() or d.words else None

    def _owner_token(self, start: int, persons: list[Found]) -> int:
        """ "his"/"her" just before `start`, or the first token of the person named before
        the "'s" there; -1 when the phrase has no such owner."""
        i = start if start < len(self.doc) and self.doc[start].text in POSSESSIVE else start - 1
        if i < 0:
            return -1
        if self.doc[i].lower_ in SERVED_BY:
            return i
        if self.doc[i].lower_ == "whose":
            return owners.relative_owner(self.doc, i, persons)
        if self.doc[i].text not in POSSESSIVE:
            return -1
        return next((p.start for p in persons if p.start <= i - 1 < p.end), -1)

    def add(self, found: Found) -> Found:
        self.found.append(found)
        if found.role != "modifier" and found.kind != "pronoun":
            self.covered[found.start : found.end] = b"\x01" * (found.end - found.start)
        return found

    def _person(
        self, start: int, end: int, sent: Span, title: Unit | None, left: Descriptor
    ) -> Found:
        text = self.doc[start:end].text
        person = self.add(Found(start, end, "person", name=names.name_tokens(text)))
        span = self.doc[start:end]
        person.subject = syntax.is_subject(span) or syntax.says_in_relative(span)
        person.gender = names.gender_hint(person.name)  # "Mette Frederiksen": f
        person.named = bool(person.gender)
        descriptors = [left]
        for extra in (
            self.scan.right_apposition(end, sent),
            self.scan.left_apposition(start if not left.units else left.start, sent)
            or self.scan.inner_apposition(start if not left.units else left.start, end, sent),
        ):
            if extra is not None:
                descriptors.append(extra)
        if title is not None:
            self._set_title(person, title)
        for d in descriptors:
            self._apply(person, d)
        for unit in self.scan.of_country(end, sent)[:1]:
            self._qualify(person, unit)
        return person

    def _apply(self, head: Found, d: Descriptor) -> None:
        """Take title, country, body and organisation from a descriptor."""
        if d.heads and not d.titles():
            if head.kind != "person" or leaders.lookup(" ".join(head.name)) is None:
                heads.head_of(head, d, self.kb, self._unit_country)  # else the table knows
            return
        title = d.head_title()
        if title is not None and (head.title is None or self._office_over_rank(head, title)):
            self._set_title(head, title)
            self.used.add(title.start)
        serves = any(u.kind == "title" and u.start > d.posting_at for u in d.units)
        for unit in reversed(d.units):
            if unit.kind == "title":
                self.used.add(unit.start)
            elif unit.kind in COUNTRYISH and unit.start > d.posting_at and not serves:
                self.used.add(unit.start)  # "ambassador to the United States": a posting
            else:
                self._qualify(head, unit)
        head.owner = head.owner or d.owner
        if d.patron >= 0 and head.patron < 0:
            head.patron = d.patron
        if head.title is None and d.words and d.words[-1] not in ("people",):
            head.title = " ".join(d.words[-2:])
            head.sector = head.sector or GROUP_NOUNS.get(d.words[-1])

    def _qualify(self, head: Found, unit: Unit) -> None:
        """A country, body or organisation unit qualifying `head` becomes its modifier."""
        if unit.start in self.used:
            return
        self.used.add(unit.start)
        country = self._unit_country(unit)
        if unit.kind == "organisation" and country is None:
            head.org = head.org or unit.key
            head.sector = head.sector or "IGO"
        if country is not None and head.country is None:
            head.country = country
        if unit.kind == "body":
            body = self.kb.body_by_slug(unit.key) or self.kb.body(
                self.doc[unit.start : unit.end].text
            )
            head.sector = head.sector or (body.sector if body else None)
            head.body = True
        self.add(
            Found(
                unit.start, unit.end, KIND[unit.kind], "modifier", country, key=unit.key, head=head
            )
        )

    def _office_over_rank(self, head: Found, unit: Unit) -> bool:
        """ "The defence minister, General X": a military rank before the name yields to the
        office of state (rank 1 or 2) the apposition names, unless that office is a past one.
        "Army spokesman Colonel X": a rank also yields to the spokesperson's office, the job
        the person is speaking in."""
        held, named = self.kb.title(head.title or ""), self.kb.title(unit.key)
        if held is None or named is None or held.sector != "MIL" or held.rank < 3:
            return False
        first = max(unit.start - 1, 0)
        qualified = {t.lower_ for t in self.doc[first : unit.end]} & PAST_OR_RANK
        speaks = named.name == "spokesperson"
        return (speaks or named.rank <= 2 and named.sector in ("GOV", "MIL")) and not qualified

    def _set_title(self, head: Found, unit: Unit) -> None:
        head.title = unit.title
        title = self.kb.title(unit.key)
        head.sector = title.sector if title else head.sector

    def _unit_country(self, unit: Unit) -> str | None:
        if unit.kind in COUNTRYISH:
            return unit.key
        if unit.kind == "body":
            body = self.kb.body_by_slug(unit.key) or self.kb.body(
                self.doc[unit.start : unit.end].text
            )
            return body.country if body else None
        if unit.kind == "organisation":
            org = self.kb.organisations.get(unit.key)
            return org.country if org else None
        return None

    # ------------------------------------------------------------------ roles
    def _roles(self) -> None:
        """Titles without a name: "the Secretary of State", "the Armenian and Azerbaijani
        foreign ministers" (one role per country), "the president of Armenia"."""
        for unit in self.units:
            if unit.kind != "title" or unit.start in self.used:
                continue
            self.used.add(unit.start)
            sent = self.doc[unit.start].sent
            left = self.scan.left(unit.start, sent, coordinated=True)
            countries = left.countries()
            countries.extend(self.scan.of_country(unit.end, sent))
            subject = syntax.is_subject(self.doc[unit.start : unit.end])
            targets = countries if unit.plural and len(countries) > 1 else [None]
            batch = self._batch() if len(targets) > 1 else -1
            holders = self._holders_after(countries, sent) if batch >= 0 else []
            for n, country in enumerate(targets):
                role = self.add(Found(unit.start, unit.end, "role", plural=unit.plural))
                role.named_as = holders[n] if len(holders) == len(targets) else None
                role.subject, role.batch, role.owner = subject, batch, left.owner
                role.served = left.start > 0 and self.doc[left.start - 1].lower_ in SERVED_BY
                role.fresh = self._indefinite(left.start, unit.start)
                role.pair = (
                    unit.plural and unit.start > 0 and self.doc[unit.start - 1].lower_ in PAIR
                )
                self._set_title(role, unit)
                if country is not None:
                    self._qualify(role, country)
                else:
                    for c in countries:
                        self._qualify(role, c)
                for other in left.units:
                    if other.kind not in COUNTRYISH:
                        self._qualify(role, other)
                self._armed_group(role, left)
                self._bloc(role, left.start if left.units or left.words else unit.start)

    def _holders_after(self, countries: list[Unit], sent) -> list[Found]:
        """ "The leaders of Azerbaijan and Armenia, Ilham Aliyev and Nikol Pashinyan": the
        persons named in apposition after the states an office is held in, in their order."""
        persons = {f.start: f for f in self.found if f.kind == "person" and f.role == "actor"}
        i = max(u.end for u in countries)
        if i >= sent.end or self.doc[i].text != ",":
            return []
        holders: list[Found] = []
        i += 1
        while (person := persons.get(i)) is not None:
            holders.append(person)
            i = person.end
            for word in (",", "and"):  # "X, Y and Z", "X, and Y"
                if i < sent.end and self.doc[i].lower_ == word:
                    i += 1
        return holders

    def _armed_group(self, role: Found, left: Descriptor) -> None:
        """ "Boko Haram fighters", "the Hamas militants": fighters named by their armed or
        political group are that group acting."""
        orgs = [u for u in left.units if u.kind == "organisation"]
        org = self.kb.organisations.get(orgs[-1].key) if orgs else None
        if org is None or org.kind != "group" or role.sector != "REB":
            return
        role.kind, role.org, role.key, role.title = "group", org.actor_id, org.actor_id, None
        role.country, role.sector = org.country, org.sector

    def _indefinite(self, start: int, title: int) -> bool:
        """ "an Israeli minister", "another minister": the article opening the description."""
        return any(self.doc[k].lower_ in INDEFINITE for k in (start - 1, start) if 0 <= k < title)

    def _bloc(self, role: Found, start: int) -> None:
        """ "West African leaders", "Gulf Arab foreign ministers": the leaders or ministers of
        a region, named together, act as the region's organisation when the knowledge base
        lists one for it (`KnowledgeBase.bloc`)."""
        region = self.scan.by_end.get(start)
        if region is None or region.start in self.used or not role.plural:
            return
        if role.country or role.org or not _high_office(self.kb.title(role.title or "")):
            return
        org = self.kb.bloc(self.doc[region.start : region.end].text)
        if org is not None:
            role.org, role.sector = org.actor_id, role.sector or "IGO"
            self.used.add(region.start)

    # ------------------------------------------------------------------ pronouns
    def _pronouns(self) -> None:
        quoted = inside_quotes(self.doc)
        for tok in self.doc:
            lower = tok.lower_
            if quoted[tok.i] or lower not in _PRONOUNS:
                continue  # a speaker's own "they" is the quotes stage's business
            if syntax.is_subject(self.doc[tok.i : tok.i + 1]):
                p = Found(tok.i, tok.i + 1, "pronoun", plural=lower in PLURAL_PRONOUNS)
                p.gender = "m" if lower in MALE else "f" if lower in FEMALE else ""
                p.subject = True
                self.add(p)

    def _batch(self) -> int:
        self.batches += 1
        return self.batches


def _high_office(title) -> bool:
    """A leader, head of state or government, or minister (rank 1 or 2 of government or
    diplomacy: "foreign ministers")."""
    return title is not None and title.sector in ("GOV", "DIP") and title.rank <= 2


def inside_quotes(doc: Doc) -> bytearray:
    """1 for tokens between quotation marks (curly, or straight ones paired in order)."""
    inside = bytearray(len(doc))
    state = False
    for tok in doc:
        text = tok.text
        if text in ("“", "”", '"', "``", "''"):
            state = text not in ("”", "''") and not (text == '"' and state)
            continue
        if "\n\n" in tok.text_with_ws or tok.is_space and "\n" in tok.text:
            state = False
        inside[tok.i] = state
    return inside


_PRONOUNS = PLURAL_PRONOUNS | {"he", "she"}
