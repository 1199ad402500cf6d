"""The office-holders table: parsing, lookups by name and date, refusal when ambiguous."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.actors import leaders

ROWS = [
    "# a comment",
    "country\toffice\tname\taliases\tstart\tend",
    "FRA\thead_of_state\tEmmanuel Macron\tMacron\t2017-05-14\t",
    "FRA\thead_of_state\tFrançois Hollande\tHollande\t2012-05\t2017-05-14",
    "KEN\thead_of_state\tUhuru Kenyatta\tKenyatta\t2013-04-09\t2022-09-13",
    "KEN\thead_of_state\tMwai Kibaki\tKibaki\t2002\t2013-04-09",
    "GBR\thead_of_government\tTheresa May\t\t2016-07-13\t2019-07-24",
    "XAA\thead_of_state\tJohn Smith\tSmith\t2001\t2003",
    "XBB\tforeign_minister\tJohn Smith\tSmith\t2010\t2012",
    "KAZ\thead_of_state\tKassym-Jomart Tokayev\tTokayev\t2019-03-20\t",
    "TUR\thead_of_government\tRecep Tayyip Erdoğan\tErdoğan\t2003-03-14\t2014-08-28",
    "TUR\thead_of_state\tRecep Tayyip Erdoğan\tErdoğan\t2014-08-28\t",
    "TUR\thead_of_government\tRecep Tayyip Erdoğan\tErdoğan\t2018-07-09\t",
    "PRT\thead_of_government\tAntónio Guterres\t\t1995-10-28\t2002-04-06",
    "IGO/UN\tsecretary_general\tAntónio Guterres\tGuterres\t2017-01-01\t",
]


@pytest.fixture
def table(monkeypatch):
    found: dict[str, list] = {}
    for term, forms in leaders.parse(ROWS):
        for form in {leaders.fold(f) for f in forms}:
            found.setdefault(form, []).append(term)
    monkeypatch.setattr(leaders, "index", lambda: {k: tuple(v) for k, v in found.items()})


@pytest.mark.parametrize(
    ("name", "on", "country", "office"),
    [
        pytest.param(
            "Emmanuel Macron", dt.date(2020, 1, 1), "FRA", "head_of_state", id="full-name"
        ),
        pytest.param("Macron", None, "FRA", "head_of_state", id="alias-no-date"),
        pytest.param(
            "Francois Hollande", dt.date(2013, 1, 1), "FRA", "head_of_state", id="diacritics-folded"
        ),
        pytest.param("Kenyatta", dt.date(2015, 6, 1), "KEN", "head_of_state", id="alias-in-term"),
        pytest.param(
            "Kenyatta",
            dt.date(1990, 6, 1),
            "KEN",
            "head_of_state",
            id="out-of-term-still-one-country",
        ),
        pytest.param("Theresa May", dt.date(2018, 3, 14), "GBR", "head_of_government", id="pm"),
        pytest.param(
            "John Smith", dt.date(2002, 1, 1), "XAA", "head_of_state", id="date-disambiguates"
        ),
        pytest.param(
            "John Smith", dt.date(2011, 1, 1), "XBB", "foreign_minister", id="date-disambiguates-2"
        ),
    ],
)
def test_lookup(table, name, on, country, office):
    term = leaders.lookup(name, on)
    assert (term.country, term.office) == (country, office)


@pytest.mark.parametrize(
    ("name", "country"),
    [
        pytest.param("Qasym-Jomart Toqaev", "KAZ", id="romanisation-q-k-glide-y"),
        pytest.param("Kasym-Zhomart Tokaev", "KAZ", id="romanisation-zh-doubled-s"),
        pytest.param("Emanuel Macron", "FRA", id="typo-in-given-name"),
        pytest.param("Toqaev", None, id="surname-alone-only-exact"),
        pytest.param("Emmanuel Mercier", None, id="other-surname"),
        pytest.param("Jomart Toqaev", None, id="other-number-of-words"),
    ],
)
def test_full_name_spelt_otherwise(table, name, country):
    """A full name not listed in any spelling matches a listed one word by word."""
    term = leaders.lookup(name, dt.date(2022, 1, 8))
    assert (term.country if term else None) == country


def test_ambiguous_name_without_date_is_refused(table):
    assert leaders.lookup("John Smith") is None
    assert leaders.lookup("John Smith", dt.date(2005, 1, 1)) is None


def test_unknown_name(table):
    assert leaders.lookup("Nobody Special", dt.date(2020, 1, 1)) is None


def test_month_precision_end_dates():
    (term, forms), *_ = leaders.parse(["FRA\thead_of_state\tX Y\t\t2012-05\t2017-02"])
    assert term.start == dt.date(2012, 5, 1) and term.end == dt.date(2017, 2, 28)
    assert forms == ["X Y"]


def test_bundled_table_covers_every_un_member():
    from communique.actors import kb

    covered = {t.country for terms in leaders.index().values() for t in terms}
    members = {
        c.iso3 for c in kb.load().countries.values() if getattr(c, "status", "member") == "member"
    }
    missing = sorted(members - covered)
    assert not missing, f"no office holders for {missing}"


@pytest.mark.parametrize(
    ("name", "on", "country", "office"),
    [
        pytest.param("Mitterrand", dt.date(1988, 6, 1), "FRA", "head_of_state", id="mitterrand"),
        pytest.param("Gorbachev", dt.date(1987, 12, 8), "RUS", "head_of_state", id="ussr-as-rus"),
        pytest.param("Honecker", dt.date(1985, 1, 1), "DEU", "head_of_state", id="gdr-as-deu"),
        pytest.param("de Klerk", None, "ZAF", "head_of_state", id="no-date"),
    ],
)
def test_historical_holders_resolve(name, on, country, office):
    term = leaders.lookup(name, on)
    assert (term.country, term.office) == (country, office)


def test_historical_date_picks_the_holder():
    # "George Bush" is the father in 1990 and the son in 2005; Shevardnadze was the Soviet
    # foreign minister in 1987 and Georgia's head of state in 1998, so needs the date.
    assert leaders.lookup("George Bush", dt.date(1990, 8, 2)).name == "George H. W. Bush"
    assert leaders.lookup("George Bush", dt.date(2005, 1, 1)).name == "George W. Bush"
    assert leaders.lookup("Shevardnadze", dt.date(1987, 9, 15)).country == "RUS"
    assert leaders.lookup("Shevardnadze", dt.date(1998, 2, 9)).country == "GEO"
    assert leaders.lookup("Shevardnadze") is None


@pytest.mark.parametrize(
    ("name", "on", "country", "office"),
    [
        pytest.param("Dick Cheney", dt.date(2004, 5, 1), "USA", "vice_president", id="us-vp"),
        pytest.param("Joe Biden", dt.date(2012, 5, 1), "USA", "vice_president", id="vp-then"),
        pytest.param("Joe Biden", dt.date(2022, 5, 1), "USA", "head_of_state", id="president-now"),
        pytest.param("Yemi Osinbajo", None, "NGA", "vice_president", id="former-vp-no-date"),
    ],
)
def test_vice_presidents_resolve(name, on, country, office):
    term = leaders.lookup(name, on)
    assert (term.country, term.office) == (country, office)
    assert leaders.TITLES[term.office]


@pytest.mark.parametrize(
    ("on", "country", "office"),
    [
        pytest.param(dt.date(2010, 1, 1), "TUR", "head_of_government", id="earlier-office"),
        pytest.param(dt.date(2020, 1, 1), "TUR", "head_of_state", id="both-held-state-first"),
        pytest.param(None, "TUR", "head_of_state", id="undated-latest-state-first"),
    ],
)
def test_office_held_at_once_names_the_head_of_state(table, on, country, office):
    """A president who also heads the government is named by the higher office."""
    term = leaders.lookup("Erdoğan", on)
    assert (term.country, term.office) == (country, office)


@pytest.mark.parametrize(
    ("name", "on", "country"),
    [
        pytest.param("António Guterres", dt.date(2021, 9, 5), "IGO/UN", id="in-office"),
        pytest.param("Guterres", None, "IGO/UN", id="undated-latest"),
        pytest.param("Antonio Guterres", dt.date(2010, 1, 1), "PRT", id="earlier-state-office"),
    ],
)
def test_head_of_an_organisation(table, name, on, country):
    """One person who led a state and then an organisation: the office held on the day."""
    assert leaders.lookup(name, on).country == country


def test_every_organisation_holder_is_a_known_organisation():
    from communique.actors import kb

    ids = {t.country for terms in leaders.index().values() for t in terms}
    orgs = {i for i in ids if i.startswith("IGO/")}
    assert orgs and orgs <= set(kb.load().organisations)
    assert all(t.office in leaders.TITLES for ts in leaders.index().values() for t in ts)
