"""Junk kept out of the actor listings: places the NER calls persons, common words it calls
names, organisation names it cut short, and pair nouns ("the two countries") read as people.
The NER errors are made on purpose (`_relabel`) so that each rule is tested whatever the
model does with the invented sentence."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from communique.actors import extract
from communique.records import Article, Sentence


def _relabel(doc, relabels: dict[str, str]):
    """The same parse with every occurrence of each text labelled as given (None: no entity)."""
    spans = []
    for text, label in relabels.items():
        at = doc.text.find(text)
        while at >= 0:
            span = doc.char_span(at, at + len(text))
            if not any(span.start < s.end and s.start < span.end for s, _ in spans):
                spans.append((span, label))  # the first text given wins an overlap
            at = doc.text.find(text, at + 1)
    keep = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s, _ in spans)]
    new = [Span(doc, s.start, s.end, label=label) for s, label in spans if label]
    doc.ents = sorted([*keep, *new], key=lambda e: e.start)
    return doc


def _extract(nlp, text: str, relabels: dict[str, str] | None = None, propn: str = ""):
    doc = _relabel(nlp(text), relabels or {})
    for tok in doc:
        if tok.text == propn:
            tok.pos_ = "PROPN"  # the tagger's mistake on a lower-case noun, made on purpose
    sentences = [
        Sentence("case", i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.sents)
    ]
    return extract(doc, Article(article_id="case", text=text), sentences)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param("Rebels shelled the hill town of Kirembo on Sunday.", "Kirembo", id="town-of"),
        pytest.param("Aid agencies asked for access to Mombasa.", "Mombasa", id="access-to-city"),
        pytest.param(
            "The Mombasa checkpoint reopened on Monday.", "Mombasa", id="city-premodifier"
        ),
        pytest.param(
            "Police retook Kisumu, the region's largest city, on Friday.",
            "Kisumu",
            id="apposed-place-noun",
        ),
        pytest.param(
            "The navy, which calls the reef Kalima Bank, sent a ship.",
            "Kalima Bank",
            id="after-a-place-noun",
        ),
    ],
)
def test_place_read_as_person_is_a_place(nlp, text, name):
    mentions, actors = _extract(nlp, text, {name: "PERSON"})
    hits = [m for m in mentions if m.text == name]
    assert all(m.kind != "person" and m.role != "actor" for m in hits), hits
    assert not [a for a in actors if a.kind == "person"]


def test_coordinated_places_and_one_reading_per_article(nlp):
    text = (
        "Kisumu leaders sign truce. Fighters left the towns of Kirembo and Lubongo, and "
        "aid reached parts of Kisumu."
    )
    mentions, actors = _extract(
        nlp, text, {"Kisumu": "PERSON", "Kirembo": "PERSON", "Lubongo": "PERSON"}
    )
    assert not [a for a in actors if a.kind == "person"], actors
    assert {m.text for m in mentions if m.kind == "person"} == set()


def test_a_persons_name_in_place_position_stays_a_person(nlp):
    text = "Peter Mombasa flew to Nairobi on Monday. Supporters of Mombasa gathered outside."
    mentions, _ = _extract(nlp, text, {"Peter Mombasa": "PERSON", "Mombasa": "PERSON"})
    assert [m.kind for m in mentions if m.text == "Mombasa"] == ["person"]


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        pytest.param(
            "Our two GREAT nations signed the deal, the president wrote.",
            "GREAT",
            "ORG",
            id="all-caps-adjective",
        ),
        pytest.param(
            "Officials said the minister threw the note in the bin.", "bin", "ORG", id="lowercase"
        ),
        pytest.param(
            '"Great Peace Accord between two friends," the president wrote on Monday.',
            "Great Peace Accord",
            "PERSON",
            id="document-name",
        ),
    ],
)
def test_common_words_are_no_actor(nlp, text, name, label):
    mentions, _ = _extract(nlp, text, {name: label})
    assert not [m for m in mentions if m.text == name]


def test_organisation_name_cut_after_of_ends_with_its_country(nlp):
    text = "He told the Nuclear Safety Agency of Kenya to stand by."
    mentions, actors = _extract(nlp, text, {"the Nuclear Safety Agency of": "ORG"})
    names = {a.name: a for a in actors}
    assert "Nuclear Safety Agency of" not in names, names
    agency = names["Nuclear Safety Agency of Kenya"]
    assert agency.country == "KEN" and agency.kind == "group"


def test_pair_noun_after_two_people_means_their_states(nlp):
    text = (
        "Kenyan President William Ruto met Ugandan President Yoweri Museveni and Ruto and "
        "Museveni signed a deal. Relations between the two countries have improved."
    )
    mentions, actors = _extract(nlp, text)
    pair = [m for m in mentions if m.text == "two countries"]
    assert {m.actor_id for m in pair} == {"KEN", "UGA"}
    for a in actors:
        assert a.kind != "person" or "two countries" not in a.aliases, a


def test_pair_noun_after_two_countryless_people_names_nobody(nlp):
    text = (
        "Amina Odhiambo and Joseph Mwangi signed the letter. Relations between the two "
        "countries were discussed."
    )
    mentions, actors = _extract(nlp, text)
    assert not [m for m in mentions if m.text == "two countries" and m.kind == "person"]
    assert all("two countries" not in a.aliases for a in actors if a.kind == "person")


def test_head_of_a_department_the_tagger_calls_a_proper_noun(nlp):
    text = (
        "The director of the Kenyan foreign ministry's information department, Jane Wanjiru, "
        "said Nairobi would respond."
    )
    mentions, _ = _extract(nlp, text, propn="department")
    (person,) = [m for m in mentions if m.text == "Jane Wanjiru"]
    assert person.country == "KEN" and person.title == "director"


@pytest.mark.parametrize(
    ("text", "name", "relabels"),
    [
        pytest.param(
            "Kenya bought a Harbinger missile battery. Crews trained on the Harbinger for weeks.",
            "Harbinger",
            {"Harbinger": "PERSON"},
            id="weapon-modifying-a-system-noun",
        ),
        pytest.param(
            "Police met a largely Bantari group near the border.",
            "Bantari",
            {"Bantari": "PERSON"},
            id="people-adjective-after-a-graded-adverb",
        ),
        pytest.param(
            "Rebels fired on the Kivu Palace in the capital.",
            "Kivu Palace",
            {"Kivu Palace": "ORG"},
            id="named-building",
        ),
        pytest.param(
            "Nobody owns the Zarat Highlands, said Kenya.",
            "Zarat Highlands",
            {"Zarat Highlands": "LOC"},
            id="countryless-location-is-no-actor",
        ),
    ],
)
def test_names_that_are_no_actors(nlp, text, name, relabels):
    mentions, _ = _extract(nlp, text, relabels)
    for m in mentions:
        if m.text == name:
            assert m.role == "location" and m.kind not in ("person", "group"), m


def test_states_joined_after_of_both_act(nlp):
    text = "The governments of Mali and Burkina Faso, which both came to power in coups, spoke."
    mentions, _ = _extract(nlp, text)
    roles = {m.text: m.role for m in mentions}
    assert roles.get("Mali") == roles.get("Burkina Faso") == "actor"


def test_bare_commission_is_the_articles_organ_or_unresolved(nlp):
    mentions, _ = _extract(nlp, "EU leaders met on Monday. The Commission said it would act.")
    assert {m.actor_id for m in mentions if m.text == "Commission"} == {"IGO/EU-COMMISSION"}
    mentions, _ = _extract(nlp, "The Commission said it would investigate the killings.")
    assert all(m.kind != "group" for m in mentions if m.text == "Commission")
