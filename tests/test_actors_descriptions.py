"""Descriptions that depend on the article: bodies whose name several states use ("the
Senate") take the state the article names; "the Turkish leader" is the Turkish head named."""

from __future__ import annotations

import pytest

from tests.conftest import analyse_text


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        pytest.param(
            "US President Joe Biden met Chinese leaders in Beijing. Washington protested after "
            "Nancy Pelosi, the speaker of the House of Representatives, visited Taipei.",
            "Nancy Pelosi",
            "USA",
            id="speaker-of-shared-chamber-name",
        ),
        pytest.param(
            "Nancy Pelosi, the speaker of the House of Representatives, visited Taipei.",
            "Nancy Pelosi",
            None,
            id="no-state-named-stays-unknown",
        ),
        pytest.param(
            "Australian Prime Minister Anthony Albanese spoke in Canberra. The Senate rejected "
            "the bill on Tuesday.",
            "Senate",
            "AUS",
            id="senate-of-the-state-named",
        ),
        pytest.param(
            "The French and Italian leaders met in Rome. The Senate rejected the bill.",
            "Senate",
            None,
            id="tie-stays-unknown",
        ),
    ],
)
def test_body_names_shared_by_states_take_the_state_the_article_names(nlp, text, name, country):
    result = analyse_text(nlp, text, "2022-11-14")
    (mention,) = [m for m in result.mentions if m.text == name and m.role == "actor"]
    assert mention.country == country
    assert (mention.reason is None) == (country is not None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Turkish President Recep Tayyip Erdogan and Russian President Vladimir Putin met in "
            "Sochi. The Turkish leader had flown in hoping to revive the grain deal.",
            "TUR/person/recep-tayyip-erdogan",
            id="leader-is-the-head-of-state-named",
        ),
        pytest.param(
            "French President Emmanuel Macron and German Chancellor Olaf Scholz met in Paris. "
            "The German leader said the talks went well.",
            "DEU/person/olaf-scholz",
            id="leader-of-the-country-named",
        ),
        pytest.param(
            "Opposition figure Sviatlana Tsikhanouskaya spoke in Vilnius about Belarus. The "
            "Belarusian leader did not respond.",
            "BLR/role/leader",
            id="an-opposition-figure-is-not-the-leader",
        ),
    ],
)
def test_the_leader_of_a_country_refers_to_its_head_named_earlier(nlp, text, expected):
    result = analyse_text(nlp, text, "2023-09-05")
    (leader,) = [m for m in result.mentions if m.text == "leader"]
    assert leader.entity == expected


def test_they_after_a_plural_description_takes_its_group(nlp):
    text = (
        "The Indian and Pakistani foreign ministers met in Astana on Tuesday. The ministers "
        "agreed on nothing. They both spoke with the Kazakh president afterwards."
    )
    result = analyse_text(nlp, text, "2024-07-04")
    they = {m.entity for m in result.mentions if m.text == "They"}
    assert they == {"IND/role/foreign-minister", "PAK/role/foreign-minister"}
    talks = {(e.source, e.target) for e in result.events if e.event_type == "CONSULT"}
    assert ("IND/role/foreign-minister", "KAZ/role/president") in talks


def test_ministers_of_an_organisation_act_for_it(nlp):
    result = analyse_text(nlp, "NATO defence ministers met Ukrainian officials.", "2024-02-15")
    assert {m.text: m.entity for m in result.mentions}["defence ministers"] == (
        "IGO/NATO/role/defence-minister"
    )


@pytest.mark.parametrize(
    ("text", "noun", "expected"),
    [
        pytest.param(
            "Sweden joined NATO in March. The alliance said its northern flank was now stronger.",
            "alliance",
            "IGO/NATO",
            id="alliance-is-the-organisation-named-last",
        ),
        pytest.param(
            "The European Union and the African Union met in Brussels. The bloc's envoy to "
            "Niger later warned the junta.",
            "bloc",
            "IGO/AU",
            id="bloc-is-the-most-recent-of-two",
        ),
        pytest.param(
            "Rioters attacked soldiers of the NATO-led KFOR mission. The alliance sent 700 more "
            "troops.",
            "alliance",
            "IGO/NATO",
            id="a-mission-is-no-alliance-its-parent-is",
        ),
    ],
)
def test_a_generic_noun_names_the_organisation_named_before(nlp, text, noun, expected):
    result = analyse_text(nlp, text, "2023-05-30")
    assert {m.text: m.entity for m in result.mentions}[noun] == expected


def test_both_leaders_are_the_two_people_named_together(nlp):
    """A plural office of one earlier mention ("their leaders") is not "both leaders"."""
    text = (
        "Indian Prime Minister Narendra Modi and Australian Prime Minister Anthony Albanese "
        "agreed to expand defence ties, and officials said their leaders would meet again. "
        "Earlier, Pakistan tested a missile. Both leaders criticised the test."
    )
    result = analyse_text(nlp, text, "2023-03-10")
    both = [m for m in result.mentions if m.text == "leaders"][-2:]
    assert {m.entity for m in both} == {
        "IND/person/narendra-modi",
        "AUS/person/anthony-albanese",
    }
