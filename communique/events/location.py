"""Where an event took place: a locative phrase governed by the trigger, resolved offline
through `gazetteer` (a country named as the place gives the country with no coordinates,
never a centroid). Nothing is resolved when the text does not say.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import replace

from spacy.tokens import Span, Token

from ..actors import dateline
from ..records import Event, Location, state_of
from .gazetteer import fold, resolve
from .participants import MentionIndex

LOCATIVE = frozenset({"in", "at"})
PLACE_NOUNS = frozenset(
    {"city", "town", "capital", "port", "village", "resort", "region", "province", "island"}
)
PASS_THROUGH = frozenset({"on", "during", "of", "in", "at", "to", "near"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
TIME_LABELS = frozenset({"DATE", "TIME"})
LEARNT = "communique.learnt_places"  # Doc.user_data key
GATHERINGS = frozenset({"CONSULT", "AGREE"})
STRIKES = frozenset({"ASSAULT"})  # acts that land where the other side is
# nouns and verbs whose "to" names where the event will take place ("a trip to Beijing")
DESTINED = frozenset(
    {"invite", "trip", "visit", "journey", "tour"}
)  # meetings and signings the dateline city hosts
JOURNEYS = frozenset({"fly", "travel", "arrive", "go", "come", "head", "return", "land", "drive"})
ARRIVAL = frozenset({"to", "in", "at"})
POSITIONS = frozenset(
    {"side", "outskirt", "outskirts", "edge", "centre", "center", "heart", "suburb", "beach"}
    | {"shore", "coast", "street"}
)
WHERE = re.compile(r"\bwhere\b", re.IGNORECASE)
DWELLERS = frozenset({"resident", "inhabitant", "villager", "townspeople", "townsfolk"})


def from_dateline(sent: Span, parties: list[str], event_type: str) -> Location | None:
    """The place of a dateline ("ASMARA — ...", "JEDDAH, May 21 (Agency) - ...") for an
    event of the sentence it opens that names no place of its own: where the report was
    filed is where a meeting or signing it leads with took place, or where an act of that
    place's own state did ("BAMAKO — Mali's junta ordered ..."); never for another state's
    act ("WASHINGTON — Russia attacked ..."), nor for an attack that involves anyone not of
    that state ("ISLAMABAD — Pakistan struck militants in Iran"), nor for a dateline of
    several places."""
    lines = [d for d in dateline.of_doc(sent.doc) if sent.start_char <= d.start < sent.end_char]
    if len(lines) != 1 or len(lines[0].places) != 1:
        return None
    place = resolve(lines[0].places[0])
    if place is None or place.country is None:
        return None
    states = {party.split("/", 1)[0] for party in parties}
    if event_type in STRIKES and {state_of(p) for p in parties} - {place.country}:
        return None  # "ISLAMABAD — Pakistan struck militants in Iran": not at home
    return place if event_type in GATHERINGS or place.country in states else None


def carry_over(events: list[Event], text: str) -> list[Event]:
    """A meeting told with no place after an event that names one, in the same sentence or
    the one before, with a party in common and no other day, took place there ("Erdogan
    hosted the two leaders in Ankara. He first met each of them alone, ..."; "X met Y in
    Jeddah, and Z held separate talks with Y the same day"); not one in a "where" clause,
    which names a place of its own ("was met at the airport before being driven to the
    palace, where the two leaders spoke")."""
    carried: list[Event] = []
    for event in events:
        if event.location is None and event.event_type in GATHERINGS:
            event = replace(event, location=_place_before(event, carried, text))
        carried.append(event)
    return carried


def _place_before(event: Event, before: list[Event], text: str) -> Location | None:
    if not event.evidence:
        return None
    at = event.evidence[0]
    parties = {event.source, event.target} - {None}
    for earlier in reversed(before):
        if (
            not earlier.evidence
            or not 0 <= at.sentence_index - earlier.evidence[0].sentence_index <= 1
        ):
            continue
        same_sentence = at.sentence_index == earlier.evidence[0].sentence_index
        if earlier.location is not None and parties & {earlier.source, earlier.target}:
            if same_sentence and WHERE.search(text, earlier.evidence[0].start, at.end):
                continue
            return earlier.location if _same_day(earlier, event) else None
    return None


def _same_day(one: Event, other: Event) -> bool:
    if one.date is None or other.date is None:
        return True
    return one.date.start <= other.date.end and other.date.start <= one.date.end


def place_span(token: Token, index: MentionIndex) -> Span | None:
    """The name a place token belongs to (its mention, entity or compound name)."""
    mention = next((m for m in index.by_token.get(token.i, ()) if m.role == "location"), None)
    if mention is not None:
        return token.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if token.ent_type_ in PLACE_LABELS or token.pos_ == "PROPN":
        for ent in token.doc.ents:
            if ent.start <= token.i < ent.end:
                return ent
        left = token.left_edge.i
        start = min((c.i for c in token.children if c.dep_ == "compound"), default=token.i)
        return token.doc[max(start, left) : token.i + 1]
    return None


def locate(anchors: list[Token], index: MentionIndex, direct: list[Token]) -> Location | None:
    """The first place reached from the anchors through locative phrases (breadth first).

    `direct` are tokens that name the place without a preposition ("visited Yerevan").
    """
    for token in direct:
        found = _place(token, index)
        if found:
            return found
    queue = deque(
        (child, 0, _locative(anchor, child, False))
        for anchor in anchors
        for child in [*anchor.children, *_after_parties(anchor)]
        if _prep(child)
    )
    unknown: Token | None = None  # "in Argyle, on the island of St Vincent": a town too small
    while queue:
        prep, depth, locative = queue.popleft()
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            found = _place(pobj, index) if locative else None
            if found and unknown is not None and found.country:
                return Location(unknown.text, found.country, None, None)
            if found:
                return found
            if locative and unknown is None and _unknown_town(pobj):
                unknown = pobj
            if depth < 3:
                queue.extend(
                    (c, depth + 1, _locative(pobj, c, locative)) for c in pobj.children if _prep(c)
                )
    if unknown is not None:  # a town the report placed earlier ("the Saudi city of Neom")
        return _learnt(unknown.doc).get(fold(unknown.text)) or _journey_end(anchors, index)
    return _journey_end(anchors, index) or _conjunct_place(anchors, index)


def _learnt(doc) -> dict[str, Location]:
    """Towns the report itself placed in a state, by folded name."""
    return doc.user_data.setdefault(LEARNT, {})


def _unknown_town(token: Token) -> bool:
    """A one-word proper name after "in"/"at" that the gazetteer lacks: a small town, whose
    state a following phrase may name."""
    return token.pos_ == "PROPN" and token.ent_type_ in PLACE_LABELS and not list(token.children)


def _after_parties(anchor: Token) -> list[Token]:
    """ "a meeting between A and B at the summit in New York": the parser hangs the place
    on the last party; a party of "between" is never where it is, so the place is the
    meeting's."""
    parties = [
        party
        for prep in anchor.children
        if prep.dep_ == "prep" and prep.lower_ == "between"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for party in (pobj, *pobj.conjuncts)
    ]
    return [c for party in parties for c in party.children if c.lower_ in LOCATIVE]


def _journey_end(anchors: list[Token], index: MentionIndex) -> Location | None:
    """ "flew to Honiara and asked ...", "arrived in Taipei and met ...": an act coordinated
    after a journey took place where the journey ended."""
    for anchor in anchors:
        journey = anchor.head
        if anchor.dep_ != "conj" or journey.lemma_.lower() not in JOURNEYS:
            continue
        for prep in journey.children:
            if prep.dep_ == "prep" and prep.lower_ in ARRIVAL:
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    found = _place(pobj, index)
                    if found:
                        return found
    return None


def _conjunct_place(anchors: list[Token], index: MentionIndex) -> Location | None:
    """ "At a summit in Abuja, the bloc closed its borders, suspended transactions and froze
    assets": a conjunct without a subject of its own acts where the verb it joins did."""
    for anchor in anchors:
        if anchor.dep_ != "conj" or anchor.pos_ not in ("VERB", "AUX"):
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in anchor.children):
            found = locate([anchor.head], index, [])
            if found is not None:
                return found
    return None


def _locative(word: Token, prep: Token, locative: bool) -> bool:
    """Whether the place a preposition introduces is where the event is: "in", "at", or
    "of" a place noun (see `_names_the_place`)."""
    return prep.lower_ in LOCATIVE or _names_the_place(word, prep, locative)


def destination(anchors: list[Token], index: MentionIndex) -> Location | None:
    """Where a visit will or did take place: the town after the "to" of a trip or an
    invitation ("called off a trip to Beijing", "invited him to Moscow"), for a meeting that
    names no place; not a country ("a state visit to Denmark": the dateline may say where)."""
    words = [*anchors, *(c for a in anchors for c in a.children if c.dep_ == "dobj")]
    for word in words:
        if word.lemma_.lower() not in DESTINED:
            continue
        for prep in word.children:
            if prep.dep_ == "prep" and prep.lower_ == "to":
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    found = _place(pobj, index)
                    if found is not None and found.lat is not None:
                        return found
    return None


def _names_the_place(noun: Token, prep: Token, locative: bool) -> bool:
    """ "in the Saudi city of Neom", "to the port of Aden": the "of" phrase is the place;
    so is that of the people who live there ("residents of Badme protested") and that of
    a part of a place ("on the outskirts of Kyiv", "on the southern side of the village")."""
    if prep.lower_ != "of":
        return False
    if noun.lemma_.lower() in DWELLERS or noun.lemma_.lower() in POSITIONS:
        return True
    return noun.lemma_.lower() in PLACE_NOUNS and (
        locative or noun.head.lower_ in ("to", "into", "on")
    )


def _prep(token: Token) -> bool:
    return token.dep_ == "prep" and token.lower_ in PASS_THROUGH


def _place(token: Token, index: MentionIndex) -> Location | None:
    if token.ent_type_ in TIME_LABELS:  # "in mid-March" is no town called March
        return None
    town = _town_of(token, index)
    if town is not None:  # "at the General Assembly in New York", "the embassy in Kabul"
        return town
    body = _body_seat(token, index)
    if body is not None:
        return body
    if token.lemma_.lower() in PLACE_NOUNS:  # "the Saudi city of Neom"
        named = [g for c in token.children if c.lower_ == "of" for g in c.children]
        found = next((p for p in (_place(g, index) for g in named) if p), None)
        if found is not None:
            return found
        state = next(filter(None, (_state_named(c, index) for c in token.children)), None)
        if state is not None and named:  # "the Saudi city of Neom": a town the gazetteer lacks
            span = place_span(named[0], index)
            town = Location(span.text if span is not None else named[0].text, state, None, None)
            _learnt(token.doc)[fold(town.name)] = town  # "met in Neom" later in the report
            return town
        if state is not None and not named:  # "in the Saudi port city": one named before
            found = _town_before(token, state)
            if found is not None:
                return found
    if token.lemma_.lower() == "capital":  # "the Cambodian capital"
        found = _capital_of(token)
        if found is not None:
            return found
    span = place_span(token, index)
    found = resolve(span.text) if span is not None else None
    if found is None and span is not None and len(span) > 1:
        found = resolve(token.text)
    if found is None:  # "Baghdad airport", "the Kabul embassy": the named town
        names = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        found = next((p for p in map(resolve, (c.text for c in names)) if p), None)
    state = _state_named(token, index)
    if state is not None and span is not None and (found is None or found.country != state):
        return Location(span.text, state, None, None)  # "the White House" is no Casablanca
    return found


def _town_before(token: Token, state: str) -> Location | None:
    """The last town of `state` the report names before `token` (its dateline included):
    what "the Saudi port city" refers back to."""
    doc = token.doc
    names = [
        place for line in dateline.of_doc(doc) if line.start < token.idx for place in line.places
    ]
    names += [ent.text for ent in doc.ents if ent.label_ in PLACE_LABELS and ent.end <= token.i]
    for name in reversed(names):
        found = resolve(name)
        if found is not None and found.country == state and found.lat is not None:
            return found
    return None


def _town_of(token: Token, index: MentionIndex) -> Location | None:
    """The town an "in" phrase puts a venue in, when the venue names none itself."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                span = place_span(pobj, index)
                found = resolve(span.text) if span is not None else None
                if found is not None and found.lat is not None:
                    return found
    return None


def _capital_of(token: Token) -> Location | None:
    """The capital a "capital" names through its state's adjective or name ("the Cambodian
    capital", "the Malian capital")."""
    from ..actors import kb

    base = kb.load()
    for child in token.children:
        if child.dep_ in ("amod", "compound") and child.i < token.i:
            country = base.country_by_adjective(child.text) or base.country(child.text)
            if country is not None and country.capitals:
                found = resolve(country.capitals[0])
                if found is not None and found.country == country.iso3:
                    return found
    return None


def _state_named(token: Token, index: MentionIndex) -> str | None:
    """The state the knowledge base gives a place-like mention ("the White House": USA)."""
    for mention in index.by_token.get(token.i, ()):
        entity = mention.entity or ""
        if len(entity) == 3 and entity.isupper() and entity != "XXX":
            return entity
    return None


def _body_seat(token: Token, index: MentionIndex) -> Location | None:
    """ "at the White House", "at the Kremlin": a body of a state named as the place is in
    that state (no coordinates: the text names no town), never a town of the same name."""
    for mention in index.by_token.get(token.i, ()):
        entity = mention.entity or ""
        if "/" in entity and not any(k in entity for k in ("/place/", "/person/", "/role/")):
            country = entity.split("/", 1)[0]
            if len(country) == 3 and country.isupper() and country != "XXX":
                return Location(mention.text, country, None, None)
    return None
