"""Mentions that point back at the sentence before: "both sides", "their leaders" after
two states or people named together (sentences the project wrote itself)."""

from __future__ import annotations

import pytest

from tests.conftest import analyse_text


def _entities(result, text: str) -> set[str | None]:
    return {m.entity for m in result.mentions if m.text == text}


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        pytest.param(
            "Kenya and Uganda signed a pipeline deal on Monday. Both sides said work would "
            "begin in June.",
            "Both sides",
            {"KEN", "UGA"},
            id="both-sides-after-two-states",
        ),
        pytest.param(
            "Peru and Chile reopened the border crossing on Friday. The two countries will "
            "hold talks in Lima next month.",
            "two countries",
            {"PER", "CHL"},
            id="two-countries-after-two-states",
        ),
        pytest.param(
            "Peru and Chile reopened the border crossing on Friday. Their leaders will meet "
            "in Lima next month.",
            "leaders",
            {"PER/role/leader", "CHL/role/leader"},
            id="their-leaders-of-two-states",
        ),
        pytest.param(
            "Argentine President Javier Milei and Brazilian President Lula met in Brasilia. "
            "Both sides agreed to cut tariffs.",
            "Both sides",
            {"ARG", "BRA"},  # the states they lead: a pair noun is never a person's name
            id="both-sides-after-two-people",
        ),
    ],
)
def test_a_pair_names_the_two_actors_named_together(nlp, text, mention, expected):
    assert _entities(analyse_text(nlp, text, "2024-03-01"), mention) == expected


def test_states_named_in_passing_are_no_pair(nlp):
    """ "after Egypt and Jordan": two states named in a phrase, not acting together."""
    text = (
        "Bahrain became the fourth Arab state, after Egypt and Jordan, to sign such a deal. "
        "The two countries declined to comment."
    )
    assert _entities(analyse_text(nlp, text, "2024-03-01"), "two countries") == set()


def test_their_leaders_after_two_people_are_those_people(nlp):
    text = (
        "Colombia and Ecuador restored ties.\n\nColombian President Gustavo Petro and "
        "Ecuadorian President Daniel Noboa agreed to resume visits between their leaders."
    )
    assert _entities(analyse_text(nlp, text, "2024-03-01"), "leaders") == {
        "COL/person/gustavo-petro",
        "ECU/person/daniel-noboa",
    }
