"""Detection rules for states, bodies, organisations and places (a part of `Detector`).

A country word that qualifies nothing is a state: an actor, a location or a modifier by its
syntax (see `syntax.place_role`); a demonym heading a collective noun makes a group
("Turkish officials" -> TUR, GOV); organisations and bodies take their country from the
knowledge base or from a country word before them or after "of"; anything else the NER
found is a place (country from the gazetteer when it is a known city) or an unknown group.
"The alliance", "the bloc" name the international organisation named last before them, and
"the court", "the agency" the last one whose name has that head noun.
Countryless bodies and offices take a country from where the text puts them: a sentence
opened by "In <capital>," and a locative phrase on their own noun ("police in Jericho",
"the foreign ministry in Baku").
"""

from __future__ import annotations

from spacy.tokens import Span

from . import features, names, placenames, regional, syntax
from .context import POSSESSIVE
from .found import Found
from .lexicon import GROUP_NOUNS, ORGANISATION_SEATS, words
from .units import COUNTRYISH, Unit

KIND = {
    "country": "state",
    "adjective": "state",
    "capital": "state",
    "metonym": "state",
    "organisation": "igo",
    "body": "body",
    "title": "role",
}
ARMED = words("armed militant rebel jihadist extremist paramilitary")
# generic nouns that stand for an international organisation already named ("the alliance")
ORGANISATION_NOUNS = words("alliance bloc organisation organization")
BLOCS = words("alliance bloc")  # never an organ of another organisation
HOME_FRONT = words("COP CVL OPP EDU REL LEG")  # sectors placed by "in <town>" (_placed_by_phrase)


class PlaceRules:
    """Mixed into `Detector`: uses its doc, units, scanner, knowledge base and `add`."""

    # ------------------------------------------------------------------ states, bodies, places
    def _places_and_states(self) -> None:
        """Organisations and bodies first, so that "Sudan's army" makes "Sudan" a modifier
        of the army rather than a state of its own (and "Nigeria's X Congress" of X)."""
        heads = ("organisation", "body", "ORG")
        first = [u for u in self.units if u.kind in heads]
        for unit in first + [u for u in self.units if u.kind not in heads]:
            if unit.start in self.used or any(self.covered[unit.start : unit.end]):
                continue
            if unit.kind in ("title", "honorific", "PERSON"):
                continue
            if unit.kind == "body" and self._compound_modifier(unit):
                continue  # "the military-led government": the government acts
            span = self.doc[unit.start : unit.end]
            if unit.kind == "adjective" and not unit.plural:
                self._demonym(unit, span)
            elif self._town_in_document_name(unit, span):
                continue  # "the Vienna Convention": no actor
            elif unit.kind in COUNTRYISH or unit.kind == "adjective":
                self._state(unit, span)
            elif unit.kind in ("organisation", "body"):
                self._organisation(unit, span)
            else:
                self._ner_span(unit, span)

    def _town_in_document_name(self, unit: Unit, span: Span) -> bool:
        """ "The Vienna Convention", "the Dayton agreement" (a town the NER may call an
        organisation)."""
        town = unit.kind in ("capital", "GPE", "LOC") or (
            unit.kind == "ORG" and syntax.place_country(span.text) is not None
        )
        return town and syntax.names_a_document(span)

    def _compound_modifier(self, unit: Unit) -> bool:
        """A body word opening a hyphenated participle ("military-led", "army-backed")."""
        after = self.doc[unit.end : unit.end + 2]
        return len(after) == 2 and after[0].text == "-" and after[1].tag_ in ("VBN", "VBD")

    def _demonym(self, unit: Unit, span: Span) -> None:
        """ "Turkish officials" -> a group; "Armenian detainees" -> a modifier of the state."""
        top = syntax.first_conjunct(span.root)
        head = top.head if top.dep_ in ("amod", "compound", "nmod") else None
        sector = GROUP_NOUNS.get(head.lemma_.lower()) if head is not None else None
        if sector == "CVL" and any(c.lower_ in ARMED for c in head.children):
            sector = "REB"  # "Palestinian armed groups"
        if head is None and top.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"):
            group = Found(unit.start, unit.end, "group", country=unit.key, key="people")
            group.subject = syntax.is_subject(span)
            self.add(group)
            return
        if head is None or sector is None:
            self.add(Found(unit.start, unit.end, "state", "modifier", unit.key, key=unit.key))
            return
        group = Found(head.i, head.i + 1, "group", country=unit.key, sector=sector)
        group.key, group.plural = head.lemma_.lower(), head.tag_ in ("NNS", "NNPS")
        group.subject = syntax.is_subject(self.doc[head.i : head.i + 1])
        self.add(group)
        self.add(
            Found(unit.start, unit.end, "state", "modifier", unit.key, key=unit.key, head=group)
        )

    def _state(self, unit: Unit, span: Span) -> None:
        role = syntax.place_role(span, self._heads_actor, town=unit.kind == "capital")
        kind = "group" if unit.kind == "adjective" else "state"
        found = Found(unit.start, unit.end, kind, role, unit.key, key=unit.key)
        if kind == "group":
            found.key, found.plural = "people", True
        elif role == "actor" and unit.kind in ("capital", "metonym"):
            found.sector = "GOV"
        found.subject = syntax.is_subject(span)
        self.add(found)

    def _organisation(self, unit: Unit, span: Span) -> None:
        found = Found(unit.start, unit.end, KIND[unit.kind], key=unit.key)
        found.subject = syntax.is_subject(span)
        if unit.kind == "organisation":
            org = self.kb.organisations.get(unit.key)
            found.country, found.sector = (org.country, org.sector) if org else (None, None)
            found.kind = "igo" if org is None or org.kind == "igo" else "group"
            found.org = unit.key  # its own id: "IGO/NATO", "REB/HAMAS"
        else:
            body = self.kb.body_by_slug(unit.key) or self.kb.body(span.text)
            found.sector = body.sector if body else None
            found.country = body.country if body else None
        self.add(found)
        sent = span.sent
        for d in (self.scan.left(unit.start, sent), self.scan.right_apposition(unit.end, sent)):
            if d is not None:
                for u in d.countries():
                    self._qualify(found, u)
        for of in self.scan.of_country(unit.end, sent)[:1]:
            self._qualify(found, of)

    def _organisation_anaphors(self) -> None:
        """ "Finland joined NATO ... the alliance's border", "ECOWAS ... the bloc warned": "the"
        and a lower-case generic noun for an organisation stand for the international
        organisation named most recently before them, if any."""
        named = sorted((f for f in self.found if f.kind == "igo" and f.org), key=lambda f: f.end)
        for tok in self.doc:
            i = tok.i
            if tok.text not in ORGANISATION_NOUNS and tok.pos_ == "NOUN" and tok.text.islower():
                self._head_noun_anaphor(tok, [f for f in named if f.end <= i])
                continue
            if (
                tok.text not in ORGANISATION_NOUNS
                or i == 0
                or self.doc[i - 1].lower_ != "the"
                or self.covered[i]
                or i in self.scan.by_start
            ):
                continue
            before = [f for f in named if f.end <= i]
            if before:
                org = self._bloc_named(before) if tok.text in BLOCS else None
                org = org or self.kb.organisations.get(before[-1].org)
                if org is not None:
                    found = Found(i, i + 1, "igo", key=org.actor_id, sector=org.sector)
                    found.org = org.actor_id
                    found.subject = syntax.is_subject(self.doc[i : i + 1])
                    self.add(found)

    def _head_noun_anaphor(self, tok, before: list[Found]) -> None:
        """ "The International Court of Justice ... the court refused": "the" and the head
        noun of the name of an international organisation named before (its last word before
        "of", else its last word) stand for the latest one so named."""
        unit = self.scan.by_start.get(tok.i)
        if tok.i == 0 or self.doc[tok.i - 1].lower_ != "the" or (unit and unit.kind != "body"):
            return
        bodies = [f for f in self.found if (f.start, f.end) == (tok.i, tok.i + 1)]
        if self.covered[tok.i] and not (
            bodies and all(f.kind == "body" and f.country is None for f in bodies)
        ):
            return  # a generic body ("the court") yields; anything else named there stays
        for earlier in reversed(before):
            org = self.kb.organisations.get(earlier.org or "")
            if org is not None and _name_head(org.name) == tok.text:
                self.found = [f for f in self.found if f not in bodies]
                found = Found(tok.i, tok.i + 1, "igo", key=org.actor_id, sector=org.sector)
                found.org = org.actor_id
                found.subject = syntax.is_subject(self.doc[tok.i : tok.i + 1])
                self.add(found)
                return

    def _bloc_named(self, before: list[Found]):
        """ "The alliance", "the bloc": the last whole organisation named before it, past any
        organ of another named later ("the CSTO ... the Security Council ... the alliance");
        with none, the parent of the last organ or mission named ("KFOR ... the alliance")."""
        for f in reversed(before):
            org = self.kb.organisations.get(f.org or "")
            if org is not None and not (org.parent and org.parent in self.kb.organisations):
                return org
        return self._whole_organisation(before[-1].org)

    def _whole_organisation(self, actor_id: str | None):
        """An organ or mission ("KFOR", of NATO) is no alliance or bloc: its parent is."""
        org = self.kb.organisations.get(actor_id) if actor_id else None
        while org is not None and org.parent and org.parent in self.kb.organisations:
            org = self.kb.organisations[org.parent]
        return org

    def _ner_span(self, unit: Unit, span: Span) -> None:
        if features.no_actor(span, unit.kind) and not self.kb.ambiguous(span.text):
            return  # "a Patriot battery", "Kurdish fighters": a weapon, a people's adjective
        if unit.kind == "ORG" and len(span) == 1 and span[0].lower_ in features.ORGAN_WORDS:
            self._bare_organ(unit, span)
            return
        role = syntax.place_role(span, self._heads_actor)
        if role == "actor" and (unit.key == placenames.PLACED or placenames.said_to_be_place(span)):
            role = "location"  # "the capture of the town of X": a place, not one who acts
        if unit.kind == "NORP" and role == "modifier" and not self._heads_actor(span.root.head):
            return  # "a Congressional hearing": an adjective the knowledge base does not know
        if unit.kind == "NORP" and regional.is_regional(span, self.kb):
            return  # "West African" in a headline, "Asian": a region's peoples, no actor
        if unit.kind == "ORG" and len(span) == 1 and span[0].pos_ in ("ADJ", "ADV"):
            return  # "our two GREAT friends": an adjective the NER took for a name
        kind = "group" if unit.kind in ("ORG", "NORP") else "place"
        acronym = len(span) == 1 and span.text.isupper()  # "the PISA results" is no Pisa
        if unit.kind == "ORG" and not acronym and syntax.place_country(span.text):
            kind = "place"  # the NER often calls a town an organisation ("in Quetta")
        feature = features.is_feature(span, unit.kind)
        if feature:
            kind = "place"  # "the Blue Nile", "the Peace House": where, never who
            role = "location" if role == "actor" else role
        found = Found(unit.start, unit.end, kind, role if kind == "place" else "actor")
        found.key = names.slug(span.text)
        found.subject = syntax.is_subject(span)
        if kind == "place":
            found.country = syntax.place_country(span.text)
            misspelt = None if found.country else self.lex.misspelt_country(span.text)
            if misspelt:
                found.kind, found.key, found.country = "state", misspelt, misspelt
            elif found.country is None and role == "actor":
                found.kind = "unknown"  # acting, yet no known place: maybe a mislabelled name
        if kind == "group":
            self._cut_name(found, unit, span)
        self.add(found)
        if kind == "group":
            for u in self.scan.left(unit.start, span.sent).countries():
                self._qualify(found, u)

    def _bare_organ(self, unit: Unit, span: Span) -> None:
        """ "The Commission": the organ of that name of the article's organisation, or a body
        of no country left unresolved."""
        org = features.organ_named(span.text, self.found, self.kb.organisations)
        if org is None:
            found = Found(unit.start, unit.end, "body", key=names.slug(span.text))
        else:
            found = Found(unit.start, unit.end, "igo", key=org.actor_id, sector=org.sector)
            found.org = org.actor_id
        found.subject = syntax.is_subject(span)
        self.add(found)

    def _cut_name(self, found: Found, unit: Unit, span: Span) -> None:
        """ "The Atomic Energy Organization of" + "Iran": a name the NER cut after "of" (its
        span went on over the "of") ends with the country named next, which is its own."""
        of = self.doc[unit.end] if unit.end < len(self.doc) else None
        if of is None or of.lower_ != "of" or of.ent_iob_ != "I":
            return
        country = next(iter(self.scan.of_country(unit.end, span.sent)), None)
        if country is None or country.kind != "country":
            return
        found.end, found.country = country.end, country.key
        found.key = names.slug(self.doc[unit.start : country.end].text)
        self.used.add(country.start)

    def _heads_actor(self, tok) -> bool:
        """Is this head noun an actor (a title, a person, a body, a collective noun)?"""
        unit = self.scan.by_end.get(tok.i + 1) or self.scan.by_start.get(tok.i)
        if unit is not None and unit.kind in ("title", "body", "PERSON", "organisation"):
            return True
        return tok.lemma_.lower() in GROUP_NOUNS or tok.pos_ == "PROPN"

    def _fronted_capitals(self) -> None:
        """ "In Moscow, foreign ministry spokeswoman X said": a sentence opened by "In" and a
        capital or country places its countryless bodies and offices there."""
        for sent in self.doc.sents:
            country = self._fronted_country(sent)
            if country is None:
                continue
            for f in self.found:
                if sent.start <= f.start < sent.end and _placed_by_dateline(f):
                    f.country = country

    def _placed_by_phrase(self) -> None:
        """ "Police in Jericho", "demonstrators in Baghdad": a countryless home-front body or
        role (police, protesters, residents, students) takes the country of the town or state
        named in a locative phrase on its own noun. Troops and diplomats do not: "troops in
        Iraq" and "diplomats in Moscow" are often foreigners there. A body of government in a
        capital is that state's ("the defence ministry in Moscow"), and so are officials in a
        national capital that is no seat of international organisations ("officials in
        Seoul"; not "ministers in Brussels")."""
        places = {f.start: f for f in self.found if f.kind in ("place", "state") and f.country}
        for f in self.found:
            if not _placed_by_dateline(f):
                continue
            prep = self.doc[f.end] if f.end < len(self.doc) else None
            if prep is None:
                continue
            if not f.start <= prep.head.i < f.end and not self._body_before_capital(f):
                continue
            of_town = prep.lower_ == "of" and prep.head.lemma_.lower() in syntax.INHABITANTS
            if (f.sector or "") not in HOME_FRONT and not self._in_capital(f) and not of_town:
                continue
            if prep.lower_ not in ("in", "from") and not of_town:
                continue
            place = places.get(f.end + 1 + (self.doc[f.end + 1].lower_ == "the"))
            if place is not None:
                f.country = place.country

    def _owned_by_place(self) -> None:
        """ "The Kurdistan Region's government", "the parliament of Republika Srpska", "the
        governor of Kherson": a countryless body or office owned by a known region or town is
        an organ of the state that place is part of."""
        places = [f for f in self.found if f.kind == "place" and f.country]
        by_end = {f.end: f for f in places}
        by_start = {f.start: f for f in places}
        for f in self.found:
            if f.kind not in ("body", "role") or f.country or f.org or f.plural:
                continue
            i = f.start - 1
            while i >= 0 and self.doc[i].pos_ == "ADJ" and self.doc[i].is_lower:
                i -= 1  # "the region's regional government"
            place = by_end.get(i) if i >= 0 and self.doc[i].text in POSSESSIVE else None
            if place is None and f.end < len(self.doc) and self.doc[f.end].lower_ == "of":
                place = by_start.get(f.end + 1 + (self.doc[f.end + 1].lower_ == "the"))
            if place is not None:
                f.country = place.country

    def _placed_within(self) -> None:
        """ "The Khurais oil field in eastern Saudi Arabia", "a village in northern Syria": a
        place of no known country lies in the state or known place named in a locative
        phrase on its own noun."""
        places = [f for f in self.found if f.kind in ("place", "state") and f.country]
        for f in self.found:
            if f.kind != "place" or f.country:
                continue
            head = self.doc[f.start : f.end].root
            while head.dep_ in ("compound", "amod", "nmod") and head.head.i > head.i:
                head = head.head  # "Khurais" -> "field"
            f.country = self._locative_country(head, places)

    def _locative_country(self, head, places: list[Found]) -> str | None:
        """The country of the place after "in" on this noun, or right after it ("shelled
        the field in Iraq": the parser may hang "in" on the verb)."""
        preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "in"]
        after = self.doc[head.i + 1] if head.i + 1 < len(self.doc) else None
        if after is not None and after.lower_ == "in" and after.dep_ == "prep":
            preps.append(after)
        for prep in preps:
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                for place in places:
                    if place.start <= obj.i < place.end:
                        return place.country
        return None

    def _in_capital(self, f: Found) -> bool:
        """A body or officials right before "in" and a capital ("the foreign ministry in Baku",
        "officials in Seoul"); officials not in a seat of international organisations."""
        if f.end + 1 >= len(self.doc) or self.doc[f.end].lower_ != "in":
            return False
        officials = f.kind == "role" and f.sector == "GOV"
        if f.kind != "body" and not officials:
            return False
        unit = self.scan.by_start.get(f.end + 1)
        if unit is None or unit.kind != "capital":
            return False
        return (
            not officials
            or names.fold(self.doc[unit.start : unit.end].text) not in ORGANISATION_SEATS
        )

    def _body_before_capital(self, f: Found) -> bool:
        """ "Accused the government in Chisinau of ...": the parser may hang "in" on the verb,
        yet a body of government right before "in" and a national capital (no seat of
        international organisations) is that state's."""
        if f.kind != "body" or not self._in_capital(f):
            return False
        unit = self.scan.by_start[f.end + 1]
        return names.fold(self.doc[unit.start : unit.end].text) not in ORGANISATION_SEATS

    def _fronted_country(self, sent: Span) -> str | None:
        if sent.end - sent.start < 4 or self.doc[sent.start].lower_ != "in":
            return None
        unit = self.scan.by_start.get(sent.start + 1)
        if unit is None or unit.kind not in ("capital", "country"):
            return None
        return unit.key if self.doc[unit.end].text == "," else None


def _placed_by_dateline(f: Found) -> bool:
    """A countryless body or office, or a person speaking for one, takes a fronted capital."""
    if f.country is not None or f.org:
        return False
    return f.kind in ("body", "role") or (f.kind == "person" and f.body)


def _name_head(name: str) -> str:
    """The head noun of an organisation's name, lower-cased: "court" of "International
    Court of Justice", "agency" of "International Atomic Energy Agency"."""
    words = name.split(" of ", 1)[0].split()
    return words[-1].lower() if words else ""
