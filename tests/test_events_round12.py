"""Event coding rules of the twelfth round, through the real pipeline (spaCy, actors,
events): own sentences, one row or test per rule.

Rows: id, sentence, type, source, target, modality, read as in tests/data/event_cases.tsv
(ISO3 or "-"; "!TYPE" means no event of that type with that modality from that source).
"""

from __future__ import annotations

import pytest
from test_events_cases import check_row, code

ROWS = [
    # the acting "it": the body named as the subject before it, in the sentence before
    (
        "it_after_sentence",
        "Kenya accused Uganda of arming rebels. In May it expelled Uganda's envoy.",
        "SANCTION",
        "KEN",
        "UGA",
        "asserted",
    ),
    # ... or in the clause it is coordinated with
    (
        "it_in_conjunct",
        "Peru's supreme court ordered his detention in March, after he ignored a summons, and"
        " last week it asked Interpol to issue a red notice.",
        "REQUEST",
        "PER",
        "IGO",
        "asserted",
    ),
    # a meeting called off: its own "by" phrase names the visitor, and the one who called it
    # off rejects the other side, not his own country
    (
        "called_off_visit_by",
        "Turkey's defence minister called off a visit to Turkey by his Swedish counterpart.",
        "REJECT",
        "TUR",
        "SWE",
        "asserted",
    ),
    # an act received goes from where it comes from to the receiver
    (
        "received_from",
        "Ukraine received military aid from Germany.",
        "AID",
        "DEU",
        "UKR",
        "asserted",
    ),
    (
        "secured_from",
        "Kenya secured a loan from China.",
        "AID",
        "CHN",
        "KEN",
        "asserted",
    ),
    # "..., an attack claimed by X": X carried out the act, whoever the clause's subject is
    (
        "attack_claimed_by",
        "Gunmen killed 12 Nigerian soldiers near the border on Sunday, an attack claimed by the"
        " Islamic State.",
        "ASSAULT",
        "REB",
        "NGA",
        "asserted",
    ),
    (
        "attack_claimed_by_outer_clause",
        "Relations soured in May, when a bomber killed 30 Indian police officers, an attack"
        " claimed by Jaish-e-Mohammed.",
        "ASSAULT",
        "PAK",
        "IND",
        "asserted",
    ),
    # troops attacking "positions" is fighting; a "position" attacked in words is criticism
    (
        "attacked_positions",
        "The Thai army said Cambodian troops had attacked its positions at several points.",
        "ASSAULT",
        "KHM",
        "-",
        "asserted",
    ),
    (
        "attacked_positions_not_criticism",
        "The Thai army said Cambodian troops had attacked its positions at several points.",
        "!ACCUSE",
        "-",
        "-",
        "asserted",
    ),
    (
        "attacked_position_stance",
        "The opposition leader attacked the government's position on the budget.",
        "!ASSAULT",
        "-",
        "-",
        "asserted",
    ),
    # forces of no named side act for whoever leads them
    (
        "forces_led_by",
        "Special forces led by Colonel Mamady Doumbouya seized the Guinean president on Sunday.",
        "COERCE",
        "GIN",
        "GIN",
        "asserted",
    ),
    # agreeing to end an act "of X": X is the other side, not a topic
    (
        "agreed_to_end_act_of",
        "Morocco agreed on Monday to end its trade embargo of Algeria.",
        "AGREE",
        "MAR",
        "DZA",
        "asserted",
    ),
]


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row[0])
def test_round12_case(nlp, row):
    check_row(nlp, row)


def test_acting_it_is_no_thing(nlp):
    """ "The plan ... it calls for": "it" is the thing named nearer, not the last body."""
    coded, country = code(
        nlp,
        "Kenya recalled its ambassador from Kampala. The plan is vague, and it calls for talks.",
    )
    assert not [e for e in coded if e.event_type == "REQUEST" and country(e.source) == "KEN"]


def test_called_off_rejects_no_own_country(nlp):
    """ "X's minister called off a visit to X by Y": X does not reject itself."""
    coded, country = code(
        nlp, "Turkey's defence minister called off a visit to Turkey by his Swedish counterpart."
    )
    rejects = [e for e in coded if e.event_type == "REJECT"]
    assert rejects and all(country(e.target) != "TUR" for e in rejects), rejects


def test_joint_they(nlp):
    """ "X and Y met ..., when they agreed": they are X and Y, not a group named before."""
    coded, country = code(
        nlp,
        "Three Maldivian deputy ministers were suspended in January. The Maldivian president and"
        " the Indian prime minister met in Dubai in December, when they agreed to set up a core"
        " group.",
    )
    agreed = [e for e in coded if e.event_type == "AGREE"]
    assert agreed and all({country(e.source), country(e.target)} == {"MDV", "IND"} for e in agreed)
