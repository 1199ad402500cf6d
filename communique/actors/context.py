"""What surrounds a name or a title: premodifiers, appositions, "of Country".

A descriptor gathers the countries, title, body and organisation that qualify a name
("U.S. Secretary of State Antony Blinken"; "Matthew Miller, the State Department's
spokesperson"; "the foreign-policy adviser to the Brazilian president, X"; "President
Ilham Aliyev of Azerbaijan"). Scans are token-based and stay inside the sentence, so they do
not depend on the parser attaching the words correctly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .lexicon import GROUP_NOUNS, HONORIFICS, SOFT_MODIFIERS
from .units import COUNTRYISH, Unit

POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
BRACKETS = frozenset({"[", "]", "(", ")"})
DESCRIPTOR_PREPS = frozenset({"to", "of", "for", "at", "on", "in"})
POSTING = frozenset({"to", "for"})
# offices held abroad: "in <place>" after one names the posting ("ambassador in Pristina")
POSTED_ABROAD = frozenset({"ambassador", "envoy", "special envoy", "consul"})
ARTICLES = frozenset({"the", "a", "an"})
OWNER_PRONOUNS = frozenset({"its", "their"})
RELATIVES = frozenset({"who", "whose", "which", "that"})
NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "bint", "abu", "van", "von", "der", "de", "-"}
)
MEMBERSHIP = frozenset({"member", "members"})  # "a member of the X parliament, NAME"
# "the head of the embassy's consular section, X": a head noun before "of" and a body,
# organisation or state is an office of that body
OFFICE_HEADS = frozenset({"head", "chief", "director", "chairman", "chairwoman", "chair"})
# "the Serb entity's parliament", "the Turkish Cypriot community": before these nouns a
# demonym names a people, and the entity or community is no organ of the people's state
PEOPLE_ENTITIES = frozenset({"entity", "entities", "republic", "community", "communities"})
PEERS = frozenset({"counterpart"})  # "his Indian counterpart, NAME": the office of the other side
OPENERS = frozenset({'"', "“", "‘", "'", "(", "[", "-", "—", "–", ":"})


@dataclass(slots=True)
class Descriptor:
    """What qualifies one head: unit lists in text order, and plain descriptive nouns."""

    units: list[Unit] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    start: int = -1
    end: int = -1
    prep_at: int = 1 << 30  # first preposition ("adviser to the president"), if any
    patron: int = -1  # first token of a person the office serves ("adviser to President X")
    owner: bool = False  # opened by "its"/"their": the office of an earlier body or state
    posting_at: int = 1 << 30  # "to"/"for" after a title: what follows is where it serves
    heads: str = ""  # "head" of "the head of the embassy's consular section": no listed title

    def countries(self) -> list[Unit]:
        """Country words that qualify the head; those after "to"/"for" are a posting
        ("the Chinese ambassador to the United States")."""
        serves = any(u.kind == "title" and u.start > self.posting_at for u in self.units)
        return [
            u for u in self.units if u.kind in COUNTRYISH and (u.start < self.posting_at or serves)
        ]

    def titles(self) -> list[Unit]:
        return [u for u in self.units if u.kind == "title"]

    def head_title(self) -> Unit | None:
        """The office the phrase names: the last title before any preposition, else the first."""
        before = [u for u in self.titles() if u.start < self.prep_at]
        if before:
            return before[-1]
        titles = self.titles()
        return titles[0] if titles else None

    @property
    def empty(self) -> bool:
        return not self.units and not self.words


class Scanner:
    """Descriptor scans over one sentence, with units indexed by start and end token."""

    def __init__(self, doc: Doc, units: list[Unit]) -> None:
        self.doc = doc
        self.by_start = {u.start: u for u in units}
        self.by_end = {u.end: u for u in units}

    def left(self, start: int, sent: Span, *, coordinated: bool = False) -> Descriptor:
        """Premodifiers directly before token `start` ("Azeri political scientist")."""
        d = Descriptor(end=start)
        i = start - 1
        while i >= sent.start:
            unit = self.by_end.get(i + 1)
            tok = self.doc[i]
            if unit is not None and self._people_entity(unit):
                break  # "the Serb entity's parliament": Bosnia's, not Serbia's
            if unit is not None and unit.kind in _DESCRIPTIVE:
                d.units.insert(0, unit)
                i = unit.start - 1
            elif (
                tok.text in POSSESSIVE
                or tok.text in BRACKETS
                or tok.text == "-"
                or tok.lower_ in SOFT_MODIFIERS
                or _hyphen_participle(tok)
                or coordinated
                and tok.lower_ in ("and", ",")
                and self._country_before(i, sent, adjective_only=tok.text == ",")
            ):
                i -= 1
            elif tok.is_lower and tok.pos_ in ("ADJ", "NOUN") and not d.units and _plain(tok):
                d.words.insert(0, tok.lower_)
                i -= 1
            elif self._office_compound(tok, d):
                i -= 1  # "information" in "Eritrea's information minister": part of the office
            else:
                if tok.lower_ in ARTICLES or tok.lower_ in OWNER_PRONOUNS:
                    d.owner = tok.lower_ in OWNER_PRONOUNS
                    i -= 1
                elif tok.lower_ in POSTING and self._title_before(i, sent):
                    # "envoy for Syria Geir Pedersen", "ambassador to France X": the country
                    # is the posting, not the person's nationality
                    d.units = [u for u in d.units if u.kind not in COUNTRYISH]
                break
        d.start = i + 1
        return d

    def _people_entity(self, unit: Unit) -> bool:
        """A demonym right before "entity", "republic" or "community" (see PEOPLE_ENTITIES)."""
        after = self.doc[unit.end] if unit.end < len(self.doc) else None
        return unit.kind == "adjective" and after is not None and after.lower_ in PEOPLE_ENTITIES

    def _office_compound(self, tok, d: Descriptor) -> bool:
        """A lower-case noun compounded onto the title the scan has just read."""
        title = d.units[0] if d.units else None
        return (
            title is not None
            and title.kind == "title"
            and title.start == tok.i + 1
            and tok.is_lower
            and tok.pos_ == "NOUN"
            and tok.dep_ == "compound"
            and _plain(tok)
        )

    def _title_before(self, i: int, sent: Span) -> bool:
        unit = self.by_end.get(i)
        return i > sent.start and unit is not None and unit.kind == "title"

    def _country_before(self, i: int, sent: Span, *, adjective_only: bool = False) -> bool:
        """A country word ends at token `i`. Before a comma only an adjective coordinates
        ("Armenian, Azerbaijani and Turkish officials"); a name there ends a clause
        ("... to Ukraine, officials said")."""
        unit = self.by_end.get(i)
        if i <= sent.start or unit is None or unit.kind not in COUNTRYISH:
            return False
        return not adjective_only or unit.kind == "adjective"

    def of_country(self, end: int, sent: Span) -> list[Unit]:
        """ "President Ilham Aliyev of Azerbaijan", "the leaders of Armenia and Azerbaijan",
        "activists from the Fatah party": the countries (or organisation) after "of" or
        "from"."""
        found: list[Unit] = []
        i = end
        if i >= sent.end or self.doc[i].lower_ not in ("of", "from"):
            return found
        i += 1
        while i < sent.end:
            if self.doc[i].lower_ == "the":
                i += 1
            unit = self.by_start.get(i)
            if unit is None or unit.kind not in ("country", "organisation"):
                break
            found.append(unit)
            i = unit.end
            if i < sent.end and self.doc[i].lower_ in ("and", ","):
                i += 1
            else:
                break
        return found

    def right_apposition(self, end: int, sent: Span) -> Descriptor | None:
        """ "X, Armenia's foreign minister," / "X, the State Department's spokesperson"."""
        if end >= sent.end - 1 or self.doc[end].text != ",":
            return None
        first = self.doc[end + 1]
        if not (first.lower_ in ARTICLES or first.is_lower or end + 1 in self.by_start):
            return None
        return self._phrase(end + 1, sent.end, stop_at_comma=True)

    def left_apposition(self, start: int, sent: Span) -> Descriptor | None:
        """ "The foreign-policy adviser to the Brazilian president, X": a descriptor that opens
        the sentence and ends with a comma just before the name."""
        if start - 1 <= sent.start or self.doc[start - 1].text != ",":
            return None
        begin = sent.start
        while begin < start and self.doc[begin].text in OPENERS:
            begin += 1
        d = self._phrase(begin, start - 1, stop_at_comma=False)
        if d is None or d.end != start - 1:
            return None
        return d

    def inner_apposition(self, start: int, end: int, sent: Span) -> Descriptor | None:
        """ "ordered France's ambassador, X, to leave", "with his Indian counterpart, X.": an
        office inside the sentence, a comma, then the name, closed by punctuation (so that
        "After talks with the president, X said" is no apposition)."""
        while start - 1 > sent.start and self.doc[start - 1].lower_ in HONORIFICS:
            start -= 1  # "Qatar's crown prince, Sheikh X"
        title = self.by_end.get(start)
        if title is not None and title.kind == "title":
            start = title.start  # "the army chief, General X"
        if start - 2 <= sent.start or self.doc[start - 1].text != ",":
            return None
        if end < sent.end and self.doc[end].text not in (",", ".", ";", ")", "—", "–"):
            return None
        d = self.left(self._before_posting(start - 1), sent)
        if d.start <= sent.start or d.start >= start - 1:
            return None
        if self.doc[d.start - 1].text == "," and not self._opening_adverbial(d.start - 1, sent):
            return None
        if not d.titles() and not any(_describes(w) for w in d.words):
            return None
        return d

    def _opening_adverbial(self, comma: int, sent: Span) -> bool:
        """ "In December, Ghana's president, X, said": the comma closes a phrase of time or
        place that opens the sentence (a preposition first, no verb, no actor in it)."""
        opening = self.doc[sent.start : comma]
        return (
            len(opening) > 1
            and opening[0].pos_ == "ADP"
            and not any(t.pos_ in ("VERB", "AUX") for t in opening)
            and not any(i in self.by_start for i in range(sent.start, comma))
        )

    def posting(self, start: int) -> bool:
        """Is the state starting at `start` where an office named just before it serves ("its
        ambassador to Burkina Faso", "the US envoy in Kabul"), not the office's owner?"""
        j = start - (start > 0 and self.doc[start - 1].lower_ == "the")
        title = self.by_end.get(j - 1)
        if j < 2 or title is None or title.kind != "title":
            return False
        prep = self.doc[j - 1].lower_
        return prep in POSTING or prep == "in" and title.key in POSTED_ABROAD

    def _before_posting(self, i: int) -> int:
        """Where an office's description ends before a posting that closes it at `i` ("envoy"
        + "to the United Nations", "ambassador" + "to France"), else `i`."""
        unit = self.by_end.get(i)
        if unit is None or unit.kind not in ("organisation", "country", "capital"):
            return i
        j = unit.start - (unit.start > 0 and self.doc[unit.start - 1].lower_ == "the")
        return j - 1 if j > 0 and self.doc[j - 1].lower_ in POSTING else i

    def _phrase(self, begin: int, limit: int, *, stop_at_comma: bool) -> Descriptor | None:
        """A noun phrase of units, articles, possessives, adjectives, nouns and prepositions
        from `begin`; it must name a title (or a descriptive noun) to count."""
        d = Descriptor(start=begin)
        i = begin
        while i < limit:
            unit = self.by_start.get(i)
            tok = self.doc[i]
            if unit is not None and unit.kind in _DESCRIPTIVE:
                d.units.append(unit)
                i = unit.end
                continue
            if unit is not None and self._possessor(unit, limit):
                if unit.kind == "PERSON" and d.patron < 0:
                    d.patron = i  # "President X's adviser" serves X
                i = unit.end  # "Biden's national security adviser"
                continue
            if d.units and d.units[-1].kind == "title" and d.units[-1].end == i:
                end = self._name_after_title(i, limit)
                if end > i:  # "adviser to Prime Minister X": X is the patron
                    d.patron = i if d.patron < 0 else d.patron
                    i = end
                    continue
            if tok.lower_ in OWNER_PRONOUNS and i == begin:
                d.owner = True
                i += 1
                continue
            if tok.lower_ in DESCRIPTOR_PREPS:
                d.prep_at = min(d.prep_at, i)
                if tok.lower_ in POSTING and d.titles() or self._posted_in(i, d):
                    d.posting_at = min(d.posting_at, i)
            elif tok.is_lower and (tok.pos_ in WORD_CLASSES and _plain(tok) or _participle(tok)):
                d.words.append(tok.lower_)
            elif not (
                tok.lower_ in ARTICLES
                or tok.text in POSSESSIVE
                or tok.text == "-"
                or self._joins_descriptions(i, d)
            ):
                break
            i += 1
        d.end = i
        if stop_at_comma and i < limit and not self._closes_apposition(i):
            return None
        d.heads = self._head_of_body(begin, i, d)
        if not d.titles() and not any(_describes(w) for w in d.words) and not d.heads:
            return None
        return d

    def _posted_in(self, i: int, d: Descriptor) -> bool:
        """ "The US ambassador in Pristina": "in" right after an office held abroad."""
        last = d.units[-1] if d.units else None
        return (
            self.doc[i].lower_ == "in"
            and last is not None
            and last.end == i
            and (last.key in POSTED_ABROAD)
        )

    def _head_of_body(self, begin: int, end: int, d: Descriptor) -> str:
        """ "The head of the embassy's consular section", "director of the Russian foreign
        ministry's press department": the first word of the phrase (after an article) is a
        head noun, "of" follows, and a body, organisation or state is named after it; the
        phrase names that office though the knowledge base lists no such title."""
        i = begin + (self.doc[begin].lower_ in ARTICLES)
        if d.titles() or i + 1 >= end or self.doc[i].lower_ not in OFFICE_HEADS:
            return ""
        if self.doc[i + 1].lower_ != "of":
            return ""
        named = {"body", "organisation", *COUNTRYISH}
        return self.doc[i].lower_ if any(u.kind in named for u in d.units) else ""

    def _joins_descriptions(self, i: int, d: Descriptor) -> bool:
        """ "adviser and son-in-law": "and" before another lowercase description goes on;
        the office named first stays the head ("the party's leader and a former minister")."""
        if self.doc[i].lower_ != "and" or not d.titles() or i + 1 >= len(self.doc):
            return False
        if not self.doc[i + 1].is_lower:
            return False
        d.prep_at = min(d.prep_at, i)
        return True

    def _name_after_title(self, i: int, limit: int) -> int:
        """End of a capitalised name run right after a title inside a descriptor."""
        unit = self.by_start.get(i)
        if unit is not None and unit.kind == "PERSON":
            return unit.end
        j = i
        while j < limit and (
            (self.doc[j].is_alpha and self.doc[j].text[:1].isupper() and j not in self.by_start)
            or j > i
            and self.doc[j].lower_ in NAME_PARTICLES
        ):
            j += 1
        return j if j - i >= 2 else i

    def _possessor(self, unit: Unit, limit: int) -> bool:
        """A name followed by 's inside a descriptor."""
        return unit.end < limit and self.doc[unit.end].text in POSSESSIVE

    def _closes_apposition(self, i: int) -> bool:
        """An apposition ends at punctuation or runs straight into the verb."""
        tok = self.doc[i]
        return (
            tok.text in (",", ".", ";", ")", "—", "–")
            or tok.pos_ in ("VERB", "AUX")
            or tok.lower_ in RELATIVES  # "X, the former president who led the talks,"
        )


# a lower-case word the tagger calls a proper noun ("the ministry's information department")
# is a common noun all the same
WORD_CLASSES = frozenset({"ADJ", "NOUN", "PROPN"})


def _hyphen_participle(tok) -> bool:
    """The participle of a compound modifier: "led" in "Peru's military-led government"."""
    return tok.i > 0 and tok.doc[tok.i - 1].text == "-" and tok.tag_ in ("VBN", "VBD")


def _plain(tok) -> bool:
    return tok.is_alpha and tok.pos_ != "VERB"


def _participle(tok) -> bool:
    """A participle used as an adjective: "Sweden's leading activist", "the exiled leader"."""
    return tok.is_alpha and tok.dep_ == "amod" and tok.tag_ in ("VBG", "VBN")


def _describes(word: str) -> bool:
    """A plain noun that says who someone is: "the group's member", "a leading activist"."""
    return word in GROUP_NOUNS or word in MEMBERSHIP or word in PEERS or word.endswith("ist")


_DESCRIPTIVE = frozenset(
    {"country", "adjective", "capital", "metonym", "organisation", "body", "title"}
)
