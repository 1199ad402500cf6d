"""Units: the spans of a parsed document the actor rules reason over.

A unit is a knowledge-base span pinned by the EntityRuler (`country`, `adjective`,
`capital`, `metonym`, `organisation`, `body`), an office title found by the title matcher
(`title`, with its rank modifiers: "Assistant Secretary of State"), an honorific (`honorific`:
"Mr", "Ms"), or a statistical NER span the knowledge base does not know (`PERSON`, `ORG`,
`GPE`, `NORP`, `LOC`, `FAC`), trimmed of titles and honorifics it swallowed. Knowledge-base
units win over titles, titles over NER spans; units never overlap.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from . import namesakes, placenames, regional, syntax
from .lexicon import HONORIFICS, RANK_MODIFIERS, SOFT_MODIFIERS, Lexicon, words

KB_KINDS = frozenset({"country", "adjective", "capital", "metonym", "organisation", "body"})
NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
COUNTRYISH = frozenset({"country", "adjective", "capital", "metonym"})


@dataclass(slots=True)
class Unit:
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    kind: str
    key: str = ""
    plural: bool = False
    rank: str = ""  # rank modifiers of a title, space-separated ("assistant")

    @property
    def title(self) -> str:
        """The office as held: rank modifiers and the canonical title."""
        return f"{self.rank} {self.key}".strip()


def find_units(doc: Doc, lex: Lexicon) -> list[Unit]:
    """Every unit of the document, in order, without overlaps."""
    taken = bytearray(len(doc))
    named = _named_organisations(doc)
    stances = _stances(doc)
    found = [u for u in _kb_units(doc, lex) if not _inside(u, named) and u.start not in stances]
    for i in stances:
        taken[i - 2 : i] = b"\x01\x01"
    _mark(taken, found)
    _mark(taken, named)
    titles = _title_units(doc, lex, taken)
    _mark(taken, titles)
    honorifics = _honorifics(doc, taken)
    _mark(taken, honorifics)
    ner = _split_places(doc, regional.join_regions(doc, _ner_units(doc, taken), lex.kb, Unit))
    placenames.relabel(doc, ner, taken)
    _mark(taken, ner)
    ner += _missed_towns(doc, taken)
    units = sorted(found + named + titles + honorifics + ner, key=lambda u: u.start)
    namesakes.national_bodies(doc, units, lex.kb)
    return units


def _stances(doc: Doc) -> set[int]:
    """Where a country or demonym follows "anti-" or "pro-": a stance ("a pro-Russian
    separatist", "an anti-Syria journalist"), not a nationality."""
    return {
        i
        for i in range(2, len(doc))
        if doc[i - 1].text == "-"
        and doc[i - 2].lower_ in ("anti", "pro")
        and not doc[i - 1].whitespace_
    }


def _named_organisations(doc: Doc) -> list[Unit]:
    """Proper names of organisations the knowledge base does not hold, whose words a
    knowledge-base body or an office title would otherwise split: "the Justice and Equality
    Movement", "All Progressives" + "Congress", "National Liberation" + "Army". An NER ORG
    span (with a capitalised body right after it) ending in an organisation head noun."""
    bodies = {e.start: e.end for e in doc.ents if e.ent_id_.startswith("body:")}
    out: list[Unit] = []
    for ent in doc.ents:
        if ent.ent_id_ or ent.label_ != "ORG":
            continue
        start, end = ent.start, ent.end
        while start < end and doc[start].lower_ in _LEADING_JUNK:
            start += 1
        if end in bodies and doc[end].text[:1].isupper():
            end = bodies[end]  # "All Progressives" + "Congress"
        last = doc[end - 1]
        if end - start >= 2 and last.lower_ in ORG_HEADS and last.text[:1].isupper():
            out.append(Unit(start, end, "ORG"))
    return out


def _inside(unit: Unit, spans: list[Unit]) -> bool:
    return any(s.start <= unit.start and unit.end <= s.end for s in spans)


def _mark(taken: bytearray, units: list[Unit]) -> None:
    for u in units:
        taken[u.start : u.end] = b"\x01" * (u.end - u.start)


def _kb_units(doc: Doc, lex: Lexicon) -> list[Unit]:
    out = []
    for ent in doc.ents:
        kind, _, key = ent.ent_id_.partition(":")
        if kind not in KB_KINDS:
            continue
        if kind == "adjective" and lex.kb.country(ent.text) is not None:
            kind = "country"  # "U.S." and "US" are both: the country reading is the safer one
        plural = kind == "adjective" and ent[-1].tag_ in ("NNS", "NNPS")
        out.append(Unit(ent.start, ent.end, kind, key, plural))
    return out


def _title_units(doc: Doc, lex: Lexicon, taken: bytearray) -> list[Unit]:
    """Title matches, longest first. A title that begins with a knowledge-base unit keeps
    only its remainder ("CIA Director" -> body "CIA" + title "Director" = cia director)."""
    matches = sorted(lex.matcher(doc), key=lambda m: (m[1] - m[2], m[1]))
    out: list[Unit] = []
    used = bytearray(taken)
    inside_name = _inside_person(doc)
    for match_id, start, end in matches:
        while start < end and taken[start]:
            start += 1
        if start == end or any(used[start:end]) or inside_name[start] or _joined(doc, end):
            continue
        form = lex.forms[match_id]
        start, rank = _extend_modifiers(doc, start, used)
        used[start:end] = b"\x01" * (end - start)
        plural = form.plural or doc[end - 1].tag_ in ("NNS", "NNPS")
        out.append(Unit(start, end, "title", form.name, plural, rank))
    return out


def _inside_person(doc: Doc) -> bytearray:
    """1 for tokens inside (not first in) a PERSON span: "Amir" in "Hossein Amir-Abdollahian"
    is a name, not the title emir."""
    inside = bytearray(len(doc))
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            inside[ent.start + 1 : ent.end] = b"\x01" * (len(ent) - 1)
    return inside


def _joined(doc: Doc, end: int) -> bool:
    """ "Amir-Abdollahian": a title word joined by a hyphen to a capitalised word is the first
    part of a name (not "Secretary-General", whose hyphenated word is one title)."""
    if end + 1 >= len(doc) or doc[end].text != "-":
        return False
    return not (doc[end - 1].whitespace_ or doc[end].whitespace_) and doc[end + 1].is_title


def _extend_modifiers(doc: Doc, start: int, used: bytearray) -> tuple[int, str]:
    """Take rank and soft modifiers left of a title ("Deputy Foreign Minister")."""
    rank: list[str] = []
    i = start - 1
    while i >= 0 and not used[i]:
        word = doc[i].lower_
        if word in RANK_MODIFIERS:
            rank.insert(0, word)
        elif word not in SOFT_MODIFIERS and not (word == "-" and i > 0 and _modifier(doc[i - 1])):
            break
        i -= 1
    return i + 1, " ".join(rank)


def _modifier(tok) -> bool:
    return tok.lower_ in RANK_MODIFIERS or tok.lower_ in SOFT_MODIFIERS


def _honorifics(doc: Doc, taken: bytearray) -> list[Unit]:
    out = []
    for tok in doc[:-1]:
        if (
            tok.lower_ in HONORIFICS
            and not taken[tok.i]
            and doc[tok.i + 1].text[:1].isupper()
            and not _inside_name(tok, taken)
        ):
            out.append(Unit(tok.i, tok.i + 1, "honorific", tok.lower_.rstrip(".")))
    return out


def _inside_name(tok, taken: bytearray) -> bool:
    """ "Abdi Sheikh Nur": an honorific word after a given name, in one PERSON span with it,
    is part of the name (common in Somali and Arabic names), not a title."""
    before = tok.doc[tok.i - 1] if tok.i else None
    return (
        before is not None
        and not taken[before.i]
        and before.is_alpha
        and before.is_title
        and before.ent_type_ == "PERSON"
        and tok.ent_type_ == "PERSON"
        and tok.ent_iob_ == "I"
    )


def _ner_units(doc: Doc, taken: bytearray) -> list[Unit]:
    out = []
    for ent in doc.ents:
        if ent.ent_id_ or ent.label_ not in NER_LABELS:
            continue
        start, end = ent.start, ent.end
        if ent.label_ == "ORG":
            end = next((t.i for t in ent if t.text == "("), end)  # "X (MAK": the name ends
        while start < end and (taken[start] or doc[start].lower_ in _LEADING_JUNK):
            start += 1
        while end > start and (taken[end - 1] or _trailing_junk(doc[end - 1])):
            end -= 1
        if end > start and not any(taken[start:end]) and _names_someone(doc[start:end], ent):
            label = "GPE" if syntax.town_of_inhabitants(doc[start:end]) else ent.label_
            if label == "ORG":
                start = _organisation_head_before(doc, start, taken)
            out.append(Unit(start, end, label))
            if label == "ORG" and _acronym(doc, end, ent):
                out.append(Unit(end + 1, end + 2, "ORG"))
    return out


def _organisation_head_before(doc: Doc, start: int, taken: bytearray) -> int:
    """ "the Movement for the Self-Determination of Kabylie": a capitalised organisation noun
    and connecting words the NER left out before an organisation's name open the name."""
    i = start - 1
    while i > 0 and doc[i].lower_ in _CONNECTORS and not taken[i]:
        i -= 1
    head = doc[i]
    if i < start - 1 and not taken[i] and head.lower_ in ORG_HEADS and head.text[:1].isupper():
        return i
    return start


def _acronym(doc: Doc, end: int, ent) -> bool:
    """ "... Kabylie (MAK)": an acronym in brackets right after an organisation's name, which
    the NER took into that name or left out (not one it labelled on its own)."""
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return False
    if end + 1 >= ent.end and doc[end + 1].ent_type_:
        return False
    word = doc[end + 1].text
    return len(word) >= 2 and word.isalpha() and word.isupper()


def _names_someone(span, ent) -> bool:
    """A name has a capital letter somewhere: an NER span all in lower case ("in the bin")
    is a common noun the model mislabelled. Nor is a PERSON span ending in the word for a
    document a person ("Historic Peace Agreement")."""
    if not any(c.isupper() for c in span.text):
        return False
    return ent.label_ != "PERSON" or span[-1].lower_ not in syntax.DOCUMENTS


def _trailing_junk(tok) -> bool:
    """Punctuation, or a connecting word the NER cut a name after ("... Organization of" +
    the country, "the Ministry for"): the name resumes after it (see `PlaceRules._ner_span`)."""
    return tok.text in _TRAILING_JUNK or tok.lower_ in _CONNECTORS


def _split_places(doc: Doc, ner: list[Unit]) -> list[Unit]:
    """ "Lawmakers in Republika Srpska": a place name of two words or more from the gazetteer
    that the NER split over several spans ("Republika" + PERSON "Srpska") or left partly out
    is one place, not a person; a listed office holder's name stays a name."""
    from . import leaders

    out = list(ner)
    for unit in ner:
        for start, end in ((unit.start - 1, unit.end), (unit.start, unit.end + 1)):
            if start < 0 or end > len(doc) or not all(t.text[:1].isupper() for t in doc[start:end]):
                continue
            inside = [u for u in out if u.start < end and start < u.end]
            if (
                any(u.start < start or u.end > end for u in inside)
                or inside == [unit]
                and (unit.start, unit.end) == (start, end)
            ):
                continue
            text = doc[start:end].text
            if syntax.place_country(text) is None or leaders.lookup(text) is not None:
                continue
            out = [u for u in out if u not in inside] + [Unit(start, end, "GPE")]
            break
    return sorted(out, key=lambda u: u.start)


def _missed_towns(doc: Doc, taken: bytearray) -> list[Unit]:
    """ "Residents of Zaporizhzhia": a known town after "<inhabitants> of" that the NER
    missed (or took for a person, see `_ner_units`) is a place."""
    out = []
    for tok in doc:
        if tok.lower_ != "of" or tok.i == 0 or tok.head.lemma_.lower() not in syntax.INHABITANTS:
            continue
        start = end = tok.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and not taken[end]:
            end += 1
        if end > start and syntax.town_of_inhabitants(doc[start:end]):
            out.append(Unit(start, end, "GPE"))
    return out


# Last words of organisation names ("Liberation Front", "Progressives Congress").
ORG_HEADS = words(
    "movement front party army congress alliance forces force brigade brigades council "
    "league union organisation organization group coalition militia committee federation "
    "association guard guards corps"
)
_LEADING_JUNK = frozenset({"the", "a", "an", "[", "(", "-", "'", '"', "“", "‘"}) | HONORIFICS
_CONNECTORS = frozenset({"of", "for", "and", "the", "on"})
_TRAILING_JUNK = frozenset({"'s", "’s", "'", "’", "]", ")", ",", "-", '"', "”"})
