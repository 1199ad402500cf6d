"""Mention detection: persons, role descriptions, states, bodies, organisations, places.

Persons come from three kinds of evidence, strongest first: a title before a name run
("Prime Minister Nikol Pashinyan"), an honorific ("Mr Lavrov"), a PERSON span. Once the
article's person names are known, any capitalised run that repeats one of them is a person
too, whatever label the NER gave it (the small model calls surnames GPE or NORP). Each
person, title and body takes its country from its descriptor (see `context`), and every
country word that qualifies a head becomes a `modifier` of it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from . import coalitions, dateline, features, heads, leaders, names, owners, seats, sequel, syntax
from .context import OWNER_PRONOUNS, PEERS, POSSESSIVE, POSTING, Descriptor, Scanner
from .found import Found
from .lexicon import (
    FEMALE,
    GROUP_NOUNS,
    MALE,
    PARTICLES,
    PLURAL_PRONOUNS,
    RANK_MODIFIERS,
    Lexicon,
    words,
)
from .places import KIND, PlaceRules
from .units import COUNTRYISH, KB_KINDS, Unit

NAME_STOP = words(
    "i the a an and or but of in on at to for with by from as he she they we it this that "
    "these those his her their our its monday tuesday wednesday thursday friday saturday "
    "sunday today yesterday tomorrow"
)
# Month words are names too ("Theresa May", "April Ryan"): a name word only after another one
# and outside a date ("in May", "May 5").
MONTHS = words(
    "january february march april may june july august september october november december"
)


SERVED_BY = words("his her")  # "his spokesman": an office serving the person meant
# "his host, X", "Putin's guest": a person of the other side, not one serving or related
OTHER_SIDE = PEERS | words("host guest visitor interlocutor")
PAIR = words("two both")  # "the two leaders": a plural role for two people named before
PAST_OR_RANK = RANK_MODIFIERS | words("former ex retired late ousted exiled")


class Detector(PlaceRules):
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
        self._repeated_names()
        self._roles()
        self._coalitions()
        self._places_and_states()
        self._organisation_anaphors()
        seats.organisation_seats(self.doc, self.found, self.kb)
        self._pronouns()
        self._fronted_capitals()
        self._placed_by_phrase()
        self._owned_by_place()
        self._owned_bodies()
        self._possessed()
        self._datelines()
        self._sequels()
        return sorted(self.found, key=lambda f: (f.start, f.kind == "pronoun", f.end))

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

    # ------------------------------------------------------------------ persons
    def _persons_after_titles(self) -> None:
        for unit in self.units:
            if unit.kind != "title" or unit.start in self.used:
                continue
            sent = self.doc[unit.start].sent
            runs = self._name_runs(self._after_posting(unit.end, sent), sent, many=unit.plural)
            if not runs:
                continue
            self.used.add(unit.start)
            left = self.scan.left(unit.start, sent, coordinated=unit.plural)
            countries = left.countries()
            batch = self._batch() if len(runs) > 1 else -1
            for n, (start, end) in enumerate(runs):
                person = self._person(start, end, sent, unit, left)
                person.batch = batch
                if unit.plural and len(countries) == len(runs) > 1:
                    person.country = self._unit_country(countries[n])

    def _persons_after_honorifics(self) -> None:
        for unit in self.units:
            if unit.kind != "honorific":
                continue
            sent = self.doc[unit.start].sent
            runs = self._name_runs(unit.end, sent, many=False)
            if runs and not self.covered[runs[0][0]]:
                person = self._person(*runs[0], sent, None, Descriptor())
                said = _HONORIFIC_GENDER.get(unit.key, "")
                if said:  # the text's own word beats the given-name table
                    person.gender, person.named = said, False

    def _person_spans(self) -> None:
        known = {f.name[-1] for f in self.found if f.kind == "person" and f.name}
        spans = [u for u in self.units if u.kind == "PERSON"]
        name_words = known | {names.fold(self.doc[i].text) for u in spans for i in _many(u)}
        for unit in spans:
            if any(self.covered[unit.start : unit.end]):
                continue
            sent = self.doc[unit.start].sent
            left = self.scan.left(unit.start, sent)
            if self._lone_place(unit, left, name_words):
                self.used.add(unit.start)
                self._ner_span(unit, self.doc[unit.start : unit.end])
                continue
            if features.no_actor(self.doc[unit.start : unit.end], unit.kind):
                self.used.add(unit.start)  # "the Patriot system", "a mostly Tutsi group"
                continue
            end = self._trim_person(unit, known)
            start = self._given_names_before(unit.start, end, sent)
            if start < unit.start:
                left = self.scan.left(start, sent)
            self._person(start, end, sent, None, left)

    def _given_names_before(self, start: int, end: int, sent: Span) -> int:
        """Given names the NER left out of a PERSON span introduced by an apposition
        ("Mahamadou" + "Issoufou", "the former president, ...")."""
        d = self.scan.right_apposition(end, sent)
        if d is None or not d.titles():
            return start
        while (
            start - 1 >= sent.start
            and start - 1 not in self.scan.by_end
            and not self.covered[start - 1]
            and self._name_token(start - 1)
            and self.doc[start - 1].pos_ == "PROPN"  # not "Meanwhile Putin said"
            and start - 1 not in self.scan.by_start
        ):
            start -= 1
        return start

    def _lone_place(self, unit: Unit, left: Descriptor, name_words: set[str]) -> bool:
        """A one-word PERSON span in place position ("talks in Sochi") that is a known city,
        nobody's name in the article and no office holder's, with no title before it, is
        the place the NER mislabelled; so is a longer span that is a place's full name."""
        if not left.empty:
            return False
        span = self.doc[unit.start : unit.end]
        if unit.end - unit.start > 1:  # "Republika Srpska": a region's full name, anywhere
            return syntax.place_country(span.text) is not None and leaders.lookup(span.text) is None
        if names.fold(span.text) in name_words or syntax.place_country(span.text) is None:
            return False
        if leaders.lookup(span.text) is not None:
            return False
        return syntax.place_role(span, self._heads_actor) == "location"

    def _appositive_names(self) -> None:
        """A name the NER mislabelled, in apposition to an office: "the adviser to the
        Brazilian president, Celso Amorim," / "Celso Amorim, the president's adviser,"."""
        for unit in self.units:
            if unit.kind not in _NER_NAMES or any(self.covered[unit.start : unit.end]):
                continue
            sent = self.doc[unit.start].sent
            if not all(self._name_token(i) for i in range(unit.start, unit.end)):
                continue
            d = self.scan.left_apposition(unit.start, sent) or self.scan.right_apposition(
                unit.end, sent
            )
            if (d is not None and d.titles()) or self._listed_full_name(unit):
                self._person(unit.start, unit.end, sent, None, Descriptor())
        self._unlabelled_appositive_names()

    def _listed_full_name(self, unit: Unit) -> bool:
        """ "Nikol Pashinian" labelled NORP or ORG: a full name of a listed office holder (in
        any spelling) is a person, whatever the NER said."""
        span = self.doc[unit.start : unit.end]
        return len(span) > 1 and leaders.lookup(span.text) is not None

    def _unlabelled_appositive_names(self) -> None:
        """A name the NER missed altogether, before a comma and an office: "Olusegun
        Obasanjo, the former Nigerian president, ..." (two name words at least)."""
        for comma in (t.i for t in self.doc if t.text == ","):
            start = comma
            while start > 0 and self._name_token(start - 1) and not self.covered[start - 1]:
                if self.scan.by_start.get(start - 1) not in (None,) and self.scan.by_start[
                    start - 1
                ].kind not in _NER_NAMES | {"PERSON"}:
                    break
                start -= 1
            if comma - start < 2 or comma - start > 4:
                continue
            sent = self.doc[start].sent
            d = self.scan.right_apposition(comma, sent)
            if d is not None and d.titles():
                self._person(start, comma, sent, None, Descriptor())

    def _trim_person(self, unit: Unit, known: set[str]) -> int:
        """Cut a PERSON span at a function word or verb, or after a known surname followed by
        unknown words (a headline's "Blinken Talks To")."""
        end = unit.start + 1
        while (
            end < unit.end and self._name_token(end) and self.doc[end].pos_ not in ("VERB", "AUX")
        ):
            end += 1
        stops_at = self.doc[end] if end < unit.end else None
        if (
            self.doc[end - 1].lower_ in PARTICLES
            or self.doc[unit.end - 1].lower_ in PARTICLES
            or stops_at is not None
            and (stops_at.lower_ in PARTICLES or stops_at.text == "-")
        ):
            name_end = self._name_end(unit.start, self.doc[unit.start].sent)
            # the NER may stop at a particle ("Ursula von der" + "Leyen"): the name goes on
            cap = name_end if self.doc[unit.end - 1].lower_ in PARTICLES else unit.end
            end = max(end, min(cap, name_end))
        first = names.fold(self.doc[unit.start].text)
        if end - unit.start > 1 and first in known:
            rest = {names.fold(t.text) for t in self.doc[unit.start + 1 : end]}
            if not rest & known:
                return unit.start + 1
        return end

    def _repeated_names(self) -> None:
        """Capitalised runs repeating a known person's name or surname are persons."""
        known = {f.name[-1] for f in self.found if f.kind == "person" and f.name}
        known |= self._first_names(known)
        in_kb = self._inside_kb_units()
        for tok in self.doc:
            if self.covered[tok.i] or in_kb[tok.i] or tok.ent_type_ == "DATE":
                continue
            if names.fold(tok.text) not in known or tok.lower_ in NAME_STOP:
                continue  # "In Tokyo, ..." repeats no "Moon Jae-in"
            start = self._run_start(tok.i)
            if start == tok.i:
                start = self._particles_before(tok.i)
            end = tok.i + 1
            if any(self.covered[start:end]) or not tok.text[:1].isupper():
                continue
            sent = tok.sent
            self._person(start, end, sent, None, self.scan.left(start, sent))

    def _particles_before(self, i: int) -> int:
        """A surname repeated with the particles it has in a full name found before ("Von
        der Leyen", "Al-Sisi"): the mention starts at the first particle."""
        surnames = {
            names.surname(f.name)
            for f in self.found
            if f.kind == "person" and f.name and f.name[-1] == names.fold(self.doc[i].text)
        }
        j = i
        while j > 0 and not self.covered[j - 1]:
            prev = self.doc[j - 1]
            if prev.text == "-" and not prev.whitespace_ and j >= 2:
                prev = self.doc[j - 2]
                if prev.whitespace_ or prev.lower_ not in PARTICLES:
                    break
                j -= 1
            elif prev.lower_ not in PARTICLES:
                break
            j -= 1
        words = tuple(t.lower_ for t in self.doc[j:i] if t.text != "-")
        return j if (*words, names.fold(self.doc[i].text)) in surnames else i

    def _first_names(self, surnames: set[str]) -> set[str]:
        """First words of full names that are nobody's surname: a family name written first
        ("Xi" of "Xi Jinping") or the name a patronymic culture uses ("Abiy" of "Abiy Ahmed")."""
        firsts = [f.name[0] for f in self.found if f.kind == "person" and len(f.name) > 1]
        return {w for w in firsts if w not in surnames and len(w) > 1 and w not in PARTICLES}

    def _inside_kb_units(self) -> bytearray:
        """1 for tokens of knowledge-base units ("Tigray" inside a liberation front's name)."""
        inside = bytearray(len(self.doc))
        for unit in self.units:
            if unit.kind in KB_KINDS:
                inside[unit.start : unit.end] = b"\x01" * (unit.end - unit.start)
        return inside

    def _run_start(self, i: int) -> int:
        """Extend a surname left over given names not yet covered ("Ilham Aliyev")."""
        start = i
        while start - 1 >= 0 and self._name_token(start - 1) and not self.covered[start - 1]:
            first = self.doc[start - 1]
            if first.is_sent_start and first.pos_ != "PROPN":
                break  # capitalised only as the first word: "Because Frederiksen had ..."
            unit = self.scan.by_end.get(start)
            if unit is not None and unit.kind not in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
                break
            start -= 1
        return start

    def _person(
        self, start: int, end: int, sent: Span, title: Unit | None, left: Descriptor
    ) -> Found:
        text = self.doc[start:end].text
        person = self.add(Found(start, end, "person", name=names.name_tokens(text)))
        person.subject = syntax.is_subject(self.doc[start:end])
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

    # ------------------------------------------------------------------ name runs
    def _name_runs(self, i: int, sent: Span, *, many: bool) -> list[tuple[int, int]]:
        """Name runs right after a title: one, or several joined by "and"/"," when plural."""
        while i < sent.end and (self.doc[i].text in ("]", "[", ")") or self._honorific(i)):
            i += 1
        runs: list[tuple[int, int]] = []
        while True:
            end = self._name_end(i, sent)
            if end == i:
                break
            runs.append((i, end))
            j = end
            if not many or j >= sent.end or self.doc[j].lower_ not in ("and", ","):
                break
            i = j + 1 if self.doc[j].lower_ == "and" else j + 1
            if i < sent.end and self.doc[i].lower_ == "and":
                i += 1
        return runs

    def _name_end(self, i: int, sent: Span) -> int:
        """End of the name starting at `i`: capitalised words, particles inside a name
        ("bin", "von der", "al-"), hyphenated parts ("Amir-Abdollahian", "Tae-yul")."""
        j = i
        while j < sent.end and j - i < 8:
            tok = self.doc[j]
            if (
                self._name_token(j)
                or j > i
                and tok.lower_ in PARTICLES
                and self._continues_name(j + 1, sent)
            ):
                j += 1
            elif j > i and tok.text == "-" and self._hyphen_joins(j, sent):
                j += 2
            else:
                break
        while j > i and (self.doc[j - 1].lower_ in PARTICLES or self.doc[j - 1].text == "-"):
            j -= 1
        return j

    def _continues_name(self, j: int, sent: Span) -> bool:
        if j >= sent.end:
            return False
        tok = self.doc[j]
        return self._name_token(j) or tok.lower_ in PARTICLES or tok.text == "-"

    def _hyphen_joins(self, j: int, sent: Span) -> bool:
        """A hyphen written without spaces between two parts of one name."""
        if j + 1 >= sent.end or self.doc[j - 1].whitespace_ or self.doc[j].whitespace_:
            return False
        return self.doc[j + 1].is_alpha

    def _honorific(self, i: int) -> bool:
        unit = self.scan.by_start.get(i)
        return unit is not None and unit.kind == "honorific"

    def _name_token(self, i: int) -> bool:
        if i >= len(self.doc):
            return False
        tok = self.doc[i]
        text = tok.text
        if not text[:1].isupper() or tok.lower_ in NAME_STOP:
            return False
        if tok.lower_ in MONTHS and not self._month_in_name(i):
            return False
        unit = self.scan.by_start.get(i) or self.scan.by_end.get(i + 1)
        if unit is not None and unit.kind not in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
            return False
        if tok.is_alpha:
            return True
        return (len(text) == 2 and text[1] == ".") or (
            any(c in text for c in "'’") and text.replace("'", "").replace("’", "").isalpha()
        )

    def _month_in_name(self, i: int) -> bool:
        """ "Theresa May": a month word right after a given name, in no date entity."""
        tok = self.doc[i]
        if tok.ent_type_ == "DATE" or i == 0:
            return False
        if i + 1 < len(self.doc) and self.doc[i + 1].like_num:
            return False
        before = self.doc[i - 1]
        return before.text[:1].isupper() and before.is_alpha and before.lower_ not in NAME_STOP

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
            for country in targets:
                role = self.add(Found(unit.start, unit.end, "role", plural=unit.plural))
                role.subject, role.batch, role.owner = subject, batch, left.owner
                role.served = left.start > 0 and self.doc[left.start - 1].lower_ in SERVED_BY
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
                self._bloc(role, left.start if left.units or left.words else unit.start)

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


def _many(unit: Unit) -> range:
    """Token indices of a span of two words or more (a full name), else nothing."""
    return range(unit.start, unit.end) if unit.end - unit.start > 1 else range(0)


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
_HONORIFIC_GENDER = {
    **dict.fromkeys(("ms", "mrs", "miss", "dame", "madam", "mme"), "f"),
    **dict.fromkeys(("mr", "sir"), "m"),
}
_NER_NAMES = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})
