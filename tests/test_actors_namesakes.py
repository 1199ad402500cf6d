"""National namesakes of international organs, heads of bodies, regional adjectives, split
place names and peoples' entities: sentences the project wrote itself."""

from __future__ import annotations

import pytest

from communique.actors import kb
from communique.actors.regional import is_regional
from tests.test_actors_cases import run


def _by_text(nlp, text: str) -> dict[str, list]:
    mentions, _ = run(nlp, text)
    found: dict[str, list] = {}
    for m in mentions:
        found.setdefault(m.text, []).append(m)
    return found


@pytest.mark.parametrize(
    ("text", "mention", "actor_id"),
    [
        (
            "Belarus's Security Council met on Monday.",
            "Security Council",
            "BLR/national-security-council",
        ),
        (
            "The Security Council of Armenia met on Monday.",
            "Security Council",
            "ARM/national-security-council",
        ),
        (
            "The Armenian Security Council met on Monday.",
            "Security Council",
            "ARM/national-security-council",
        ),
        ("The Security Council met on Monday.", "Security Council", "IGO/UNSC"),
        ("The UN Security Council met on Monday.", "UN Security Council", "IGO/UNSC"),
        (
            "The United Nations Security Council met on Monday.",
            "United Nations Security Council",
            "IGO/UNSC",
        ),
        (
            "Iran's Supreme National Security Council met.",
            "Supreme National Security Council",
            "IRN/snsc",
        ),
    ],
)
def test_security_council_of_a_state_is_its_own(nlp, text, mention, actor_id):
    found = _by_text(nlp, text)
    assert {m.actor_id for m in found[mention]} == {actor_id}


def test_national_namesake_refers_to_a_listed_body():
    base = kb.load()
    for org in base.organisations.values():
        if org.national:
            assert base.body_by_slug(org.national) is not None


def test_head_of_a_body_takes_its_country(nlp):
    found = _by_text(
        nlp,
        "The head of the Canadian embassy's consular section, Peter Brandt, said the visas "
        "were ready.",
    )
    person = found["Peter Brandt"][0]
    assert (person.country, person.sector, person.title) == ("CAN", "DIP", "head")


def test_bare_regional_adjective_is_no_actor(nlp):
    found = _by_text(nlp, "Southern African envoys head home as talks stall")
    assert "Southern African" not in found


@pytest.mark.parametrize("text", ["West African", "South-East Asian", "Central Asian"])
def test_regional_adjectives(nlp, text):
    assert is_regional(nlp(text)[:], kb.load())


def test_split_region_name_is_a_place_not_a_person(nlp):
    found = _by_text(nlp, "Lawmakers in Republika Srpska voted on Thursday to reject the ruling.")
    assert "Srpska" not in found
    assert found["Republika Srpska"][0].country == "BIH"
    assert found["Lawmakers"][0].country == "BIH"


def test_a_peoples_entity_is_no_organ_of_its_state(nlp):
    found = _by_text(nlp, "The Croat community's parliament voted on Thursday.")
    assert all(m.country != "HRV" for m in found["parliament"])
