"""Actor and dedup rules of the ninth round, on sentences the project wrote itself: the head
noun of an organisation named before, postings abroad, nicknamed office holders, offices in
apposition after an opening phrase, press services, and bodies beside their ministers."""

from __future__ import annotations

import datetime as dt

import pytest

from communique import dedup
from communique.actors import extract, leaders
from communique.records import Article, Sentence


def _mentions(nlp, text: str, published: dt.date | None = None):
    doc = nlp(text)
    article = Article(article_id="case", text=doc.text, published=published)
    sentences = [
        Sentence("case", i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.sents)
    ]
    return extract(doc, article, sentences)[0]


def _actor(mentions, text: str) -> str | None:
    return next(m.actor_id for m in mentions if m.text == text)


@pytest.mark.parametrize(
    ("text", "mention", "actor"),
    [
        pytest.param(
            "Chile took its claim to the International Court of Justice. Bolivia said the "
            "court had no say in the matter.",
            "court",
            "IGO/ICJ",
            id="the-court-after-the-icj",
        ),
        pytest.param(
            "The International Atomic Energy Agency sent a team to Iran. On Friday the "
            "agency said that access was denied.",
            "agency",
            "IGO/IAEA",
            id="the-agency-after-the-iaea",
        ),
    ],
)
def test_head_noun_of_an_organisation_named_before_is_that_organisation(nlp, text, mention, actor):
    assert _actor(_mentions(nlp, text), mention) == actor


def test_head_noun_without_such_an_organisation_stays_a_body(nlp):
    mentions = _mentions(nlp, "Chile joined the World Bank. Bolivia said the court erred.")
    assert _actor(mentions, "court") != "IGO/WB"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        pytest.param(
            "The Danish ambassador in Nairobi, Hanne Lykke, asked for a delay.",
            "Hanne Lykke",
            "DNK",
            id="ambassador-in-a-capital",
        ),
        pytest.param(
            "Chile recalled its ambassador to Bolivia, Tomas Vidal, on Monday. Vidal criticised "
            "La Paz.",
            "Tomas Vidal",
            "CHL",
            id="its-ambassador-to-another-state",
        ),
    ],
)
def test_a_posting_abroad_is_not_the_holders_state(nlp, text, name, country):
    person = _actor(_mentions(nlp, text), name)
    assert person is not None and person.startswith(f"{country}/person/")


def test_given_names_and_a_listed_nickname_name_the_holder():
    term = leaders.lookup("Mohamed Abdullahi Farmaajo", dt.date(2021, 10, 13))
    assert term is not None and term.country == "SOM"
    assert leaders.lookup("Ali Farmaajo", dt.date(2021, 10, 13)) is None


def test_office_in_apposition_after_an_opening_phrase_of_time(nlp):
    mentions = _mentions(
        nlp, "In March, Chile's president, Tomas Vidal, said that Bolivia had closed the border."
    )
    assert _actor(mentions, "Tomas Vidal") == "CHL/person/tomas-vidal"


def test_a_persons_press_service_is_of_that_persons_state(nlp):
    mentions = _mentions(
        nlp,
        "Lukashenko's press service said the two leaders had spoken by phone.",
        published=dt.date(2021, 11, 18),
    )
    service = _actor(mentions, "press service")
    assert service is not None and service.startswith("BLR/")


def _row(mid: str, article: str, source: str, target: str) -> dedup.MentionRow:
    day = dt.date(2021, 5, 18)
    return dedup.MentionRow(
        mid, article, "ACCUSE", source, target, "asserted", day, day, "day", None, article, day
    )


def test_a_named_minister_refines_the_ministry_of_another_report():
    rows = [
        _row("m1", "a", "ESP/foreign-ministry", "MAR"),
        _row("m2", "b", "ESP/person/ana-ruiz", "MAR/person/leila-amrani"),
    ]
    assert [len(c.members) for c in dedup.cluster(rows)] == [2]


def test_a_ministry_and_a_minister_of_one_report_naming_one_side_stay_apart():
    rows = [
        _row("m1", "a", "ESP/foreign-ministry", None),
        _row("m2", "a", "ESP/person/ana-ruiz", "MAR/person/leila-amrani"),
    ]
    assert sorted(len(c.members) for c in dedup.cluster(rows)) == [1, 1]


def test_the_treasury_is_that_of_the_state_the_article_names_most(nlp):
    mentions = _mentions(
        nlp,
        "Australia and Japan signed a trade pact. Australia said the Treasury would fund the port.",
    )
    treasury = _actor(mentions, "Treasury")
    assert treasury is not None and treasury.startswith("AUS/")
