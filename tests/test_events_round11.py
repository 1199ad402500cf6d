"""Event coding rules of the eleventh round, through the real pipeline (spaCy, actors,
events): own sentences, one row or test per rule.

Rows: id, sentence, type, source, target, modality, read as in tests/data/event_cases.tsv
(ISO3 or "-"; "!TYPE" means no event of that type with that modality from that source).
"""

from __future__ import annotations

import pytest
from test_events_cases import check_row, code

ROWS = [
    # a strike "on" something is an attack ("launched strikes on X"), not a walkout
    (
        "strike_noun_on",
        "Israel launched strikes on Hezbollah positions on Sunday.",
        "ASSAULT",
        "ISR",
        "-",
        "asserted",
    ),
    # an attack on something in a state's province, district or soil is an attack on that state
    (
        "attack_in_province",
        "Turkey struck militants it said were hiding in Iraq's Duhok province.",
        "ASSAULT",
        "TUR",
        "IRQ",
        "asserted",
    ),
    # "hoped" (lemmatised "hop") governs a planned act
    (
        "hoped_not_asserted",
        "The Hungarian prime minister had hoped to meet the Chinese president in Beijing.",
        "!CONSULT",
        "-",
        "-",
        "asserted",
    ),
    # a cooperation stopped is relations reduced; any other act stopped did not go on
    (
        "stopped_sharing",
        "Niger stopped sharing intelligence with France.",
        "SANCTION",
        "NER",
        "FRA",
        "asserted",
    ),
    (
        "stopped_sharing_not_cooperation",
        "Niger stopped sharing intelligence with France.",
        "!COOPERATE",
        "-",
        "-",
        "asserted",
    ),
    (
        "stopped_shelling",
        "Russian forces stopped shelling Kharkiv.",
        "!ASSAULT",
        "-",
        "-",
        "asserted",
    ),
    # "Y must bear the consequences, X said": a threat, not a demand
    (
        "bear_consequences",
        "Serbia must bear all the consequences of this decision, the Croatian foreign ministry"
        " said.",
        "THREATEN",
        "HRV",
        "SRB",
        "asserted",
    ),
    (
        "pay_a_price",
        "Iran said Israel would pay a heavy price for the attack.",
        "THREATEN",
        "IRN",
        "ISR",
        "asserted",
    ),
    # "called its ambassador home": a recall
    (
        "called_envoy_home",
        "Rwanda called its ambassador home from Kinshasa.",
        "SANCTION",
        "RWA",
        "COD",
        "asserted",
    ),
    # "lowered / scaled back relations with X"
    (
        "lowered_relations",
        "Ghana lowered its diplomatic relations with Israel.",
        "SANCTION",
        "GHA",
        "ISR",
        "asserted",
    ),
    # what a summons is for is said in the summons itself
    (
        "summoned_to_demand",
        "Poland summoned the Belarusian ambassador to demand an explanation.",
        "!REQUEST",
        "-",
        "-",
        "asserted",
    ),
    (
        "summoned_to_protest",
        "Seoul summoned the Russian ambassador to protest against the treaty.",
        "!PROTEST",
        "-",
        "-",
        "asserted",
    ),
    # "reserves the right to respond": a threat
    (
        "reserves_right",
        "Egypt reserves the right to respond to Ethiopia.",
        "THREATEN",
        "EGY",
        "ETH",
        "asserted",
    ),
    # a threat in a that-clause is made to whom it is told
    (
        "told_that_threat",
        "The Egyptian president told the Ethiopian prime minister that Egypt reserved the right"
        " to respond.",
        "THREATEN",
        "EGY",
        "ETH",
        "asserted",
    ),
    # an object pronoun names someone other than its verb's subject
    (
        "told_him_not_self",
        "The Ethiopian prime minister telephoned the Egyptian president, Abdel Fattah al-Sisi."
        " Sisi told him that Egypt reserved the right to respond.",
        "THREATEN",
        "EGY",
        "ETH",
        "asserted",
    ),
    # "the country would respond" is what a named side would do, no forecast
    (
        "country_would_respond",
        "Pakistan warned that if anyone breached its borders, the country would respond with"
        " full force.",
        "THREATEN",
        "PAK",
        "-",
        "asserted",
    ),
    # a past verb hung on a reported "would" clause goes with the reporting verb, not under it
    (
        "misattached_conjunct_asserted",
        "Pakistan warned that if anyone breached its borders, the country would respond with"
        " force, and Islamabad urged Tehran to raise its concerns through existing channels.",
        "REQUEST",
        "PAK",
        "IRN",
        "asserted",
    ),
    # ... and its subject pronoun is the reporter's
    (
        "misattached_conjunct_pronoun",
        "The Egyptian government met on Friday. It warned that if anyone tried to cross the"
        " border, the country would respond with force, and it urged Sudan to raise its concerns"
        " through diplomatic channels.",
        "REQUEST",
        "EGY",
        "SDN",
        "asserted",
    ),
    # "wants Y to extradite them" (parsed as a that-clause): wanted, not done
    (
        "wants_y_to",
        "Ankara wants Stockholm to extradite the suspects.",
        "!COOPERATE",
        "-",
        "-",
        "asserted",
    ),
    # "X wants Y to do Z": a demand on Y
    (
        "wants_y_to_request",
        "Paris wants Tehran to stay in the nuclear accord.",
        "REQUEST",
        "FRA",
        "IRN",
        "asserted",
    ),
    # "gave X a week to respond" (the time parsed apart from the verb): an ultimatum
    (
        "gave_a_week_to",
        "The United States gave Iran a week to respond to the proposal.",
        "THREATEN",
        "USA",
        "IRN",
        "asserted",
    ),
    # calling a charge baseless is rebutting it
    (
        "charges_groundless",
        "Beijing called the American claims groundless.",
        "REJECT",
        "CHN",
        "USA",
        "asserted",
    ),
    # "X is due in <place>": a visit planned
    (
        "due_in_capital",
        "The Indian prime minister is due in Paris on Thursday.",
        "CONSULT",
        "IND",
        "FRA",
        "planned",
    ),
    # a supposed act with a side of no known country tells of no interaction
    (
        "supposed_act_unknown_side",
        "The Bosnian Serb leader Milorad Dodik warned that if police officers tried to detain"
        " him, his own guards would stop them.",
        "!COERCE",
        "-",
        "-",
        "hypothetical",
    ),
]


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row[0])
def test_round11_case(nlp, row):
    check_row(nlp, row)


def test_stopped_act_takes_conjunct_target(nlp):
    """ "halted arms deliveries to Kyiv and then stopped sharing intelligence": both against
    Ukraine."""
    coded, country = code(
        nlp, "Washington halted arms deliveries to Kyiv and then stopped sharing intelligence."
    )
    measures = [e for e in coded if e.event_type == "SANCTION"]
    assert measures and all(country(e.target) == "UKR" for e in measures), measures


def test_own_envoy_recalled_is_no_target(nlp):
    """ "recalled its ambassador": the recalling state's own envoy is not the other side."""
    coded, country = code(nlp, "Algeria recalled its ambassador on Tuesday.")
    recalls = [e for e in coded if e.event_type == "SANCTION"]
    assert recalls and all(country(e.target) != "DZA" for e in recalls), recalls


def test_venue_is_no_side(nlp):
    """ "the Geneva talks": the town is where the talks are held, not a side of them."""
    coded, country = code(
        nlp, "Hours before the Geneva talks opened, Russia launched a drone attack on Kyiv."
    )
    assert not [e for e in coded if "CHE" in (country(e.source), country(e.target))], coded


def test_none_of_them_is_no_victim(nlp):
    """ "nine people, none of them Iranian citizens, were killed": not Iranians."""
    coded, country = code(
        nlp, "Officials said nine people, none of them Iranian citizens, were killed in a village."
    )
    assert not [e for e in coded if country(e.target) == "IRN"], coded
