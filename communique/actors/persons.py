"""Detection rules for persons (a part of `Detector`).

A person is a name run after a title ("Prime Minister Nikol Pashinyan") or an honorific
("Mr Lavrov"), a PERSON span (trimmed, stretched over given names the NER left out, or
given back as a place when it is a lone city), a name the NER mislabelled or missed in
apposition to an office, or a capitalised run repeating a name found before.
"""

from __future__ import annotations

from spacy.tokens import Span

from . import features, leaders, names, syntax
from .context import PEERS, Descriptor
from .lexicon import PARTICLES
from .nameruns import MONTHS, NAME_STOP
from .units import COUNTRYISH, KB_KINDS, Unit


class PersonRules:
    """Mixed into `Detector`: uses its doc, units, scanner, `covered`, `used`, `_person` and
    the name runs of `NameRuns`."""

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

    def _listed_names(self) -> None:
        """A full name of a listed office holder the NER missed altogether ("... will meet
        Xi Jinping this week"): two name words or more, as the leaders tables spell them, in
        no unit but NER spans inside it, with no other name word right before or after."""
        firsts = leaders.first_words()
        i = 0
        while i < len(self.doc):
            listed = leaders.fold(self.doc[i].text) in firsts
            end = self._listed_name_at(i) if listed else i
            if end > i:
                sent = self.doc[i].sent
                self._person(i, end, sent, None, self.scan.left(i, sent))
            i = max(end, i + 1)

    def _listed_name_at(self, i: int) -> int:
        """End of a listed full name starting at `i`, else `i`."""
        if self.covered[i] or not self._name_token(i) or self._name_goes_on(i - 1):
            return i
        sent_end = self.doc[i].sent.end
        for end in range(min(i + _LONGEST_NAME, sent_end), i + 1, -1):
            if any(self.covered[i:end]) or not self._name_token(end - 1):
                continue
            if self._name_goes_on(end) or not self._units_inside(i, end):
                continue
            text = self.doc[i:end].text
            if len(names.name_tokens(text)) > 1 and leaders.listed(text):
                return end
        return i

    def _name_goes_on(self, i: int) -> bool:
        """A proper noun at `i` that a name next to it would run into."""
        if i < 0 or i >= len(self.doc) or self.covered[i] or self.doc[i].is_sent_start:
            return False
        return self._name_token(i) and self.doc[i].pos_ == "PROPN"

    def _units_inside(self, start: int, end: int) -> bool:
        """Only NER spans (of any label) lie in tokens `start`..`end`, none reaching out."""
        for unit in self.units:
            if unit.end > start and unit.start < end:
                if unit.kind in KB_KINDS or unit.kind in ("title", "honorific"):
                    return False
                if unit.start < start or unit.end > end:
                    return False
        return True

    def _listed_in_apposition(self) -> None:
        """ "Libya's two rivals, Fayez al-Sarraj, ..., and the eastern commander Khalifa
        Haftar": persons listed in apposition to a plural noun owned by a state are that
        state's (not a host's guests or a counterpart's peers)."""
        for f in self.found:
            if f.kind != "person" or f.country or f.role != "actor":
                continue
            tok = self.doc[f.start : f.end].root
            if tok.dep_ == "appos" and tok.head.dep_ == "conj":
                tok = tok.head  # "and the eastern commander X"
            while tok.dep_ == "conj":
                tok = tok.head
            group = tok.head
            if tok.dep_ != "appos" or group.tag_ != "NNS" or group.lemma_.lower() in OTHER_SIDE:
                continue
            owner = next((c for c in group.children if c.dep_ == "poss"), None)
            unit = self.scan.by_start.get(owner.i) if owner is not None else None
            if unit is not None and unit.kind in COUNTRYISH:
                f.country = self._unit_country(unit)

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
            if self.covered[tok.i] or in_kb[tok.i] or _date_word(tok):
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
        """Extend a surname left over given names not yet covered ("Ilham Aliyev") and over
        the parts of a hyphenated name ("Amir-Abdollahian")."""
        start, sent = i, self.doc[i].sent
        while start - 1 >= 0 and not self.covered[start - 1]:
            before = start - 1
            hyphen = self.doc[before].text == "-" and self._hyphen_joins(before, sent)
            if before > 0 and hyphen and not self.covered[before - 1]:
                before -= 1  # the part before a joining hyphen
            first = self.doc[before]
            if not self._name_token(before) or (first.is_sent_start and first.pos_ != "PROPN"):
                break  # capitalised only as the first word: "Because Frederiksen had ..."
            unit = self.scan.by_end.get(before + 1)
            if unit is not None and unit.kind not in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
                break
            start = before
        return start


def _date_word(tok) -> bool:
    """ "in May" (not Theresa May): a month inside a date; a surname the NER put in a date
    ("to invite Tebboune to work with him") is still a name."""
    return tok.ent_type_ == "DATE" and tok.lower_ in MONTHS


def _many(unit: Unit) -> range:
    """Token indices of a span of two words or more (a full name), else nothing."""
    return range(unit.start, unit.end) if unit.end - unit.start > 1 else range(0)


_HONORIFIC_GENDER = {
    **dict.fromkeys(("ms", "mrs", "miss", "dame", "madam", "mme"), "f"),
    **dict.fromkeys(("mr", "sir"), "m"),
}
# "his host, X", "Putin's guest": a person of the other side, not one serving or related
OTHER_SIDE = PEERS | frozenset({"host", "guest", "visitor", "interlocutor"})
_NER_NAMES = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})
_LONGEST_NAME = 6  # tokens of the longest listed name ("Mohammed bin Rashid Al Maktoum")
