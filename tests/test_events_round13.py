"""Event coding rules of the thirteenth round, through the real pipeline (spaCy, actors,
events): own sentences, one row or test per rule.

Rows: id, sentence, type, source, target, modality, read as in tests/data/event_cases.tsv
(ISO3 or "-"; "!TYPE" means no event of that type with that modality from that source).
"""

from __future__ import annotations

import pytest
from test_events_cases import check_row

ROWS = [
    # "called X home for consultations" is a recall, whatever stands between object and "home"
    (
        "called_home_for_consultations",
        "Algeria called its ambassador to France home for consultations on Friday.",
        "SANCTION",
        "DZA",
        "FRA",
        "asserted",
    ),
    (
        "called_home_no_request",
        "Algeria called its ambassador to France home for consultations on Friday.",
        "!REQUEST",
        "DZA",
        "-",
        "asserted",
    ),
    # agreeing to someone's request or demand is yielding to them, aimed at who asked
    (
        "agreed_to_request_from",
        "Serbia agreed to a request from Germany to postpone the vote.",
        "CONCEDE",
        "SRB",
        "DEU",
        "asserted",
    ),
    (
        "agreed_to_possessed_demand",
        "Chile agreed to Bolivia's demand for new talks.",
        "CONCEDE",
        "CHL",
        "BOL",
        "asserted",
    ),
    # "took X's side" backs X
    (
        "took_side",
        "Italy took Greece's side in the dispute.",
        "SUPPORT",
        "ITA",
        "GRC",
        "asserted",
    ),
    # water cannon or tear gas turned on people is violent repression
    (
        "turned_water_cannon_on",
        "Georgian police turned water cannon on protesters in Tbilisi.",
        "ASSAULT",
        "GEO",
        "-",
        "asserted",
    ),
    # an envoy "called in" is summoned
    (
        "called_in_envoy",
        "Norway's ambassador was called in by the Russian foreign ministry.",
        "ACCUSE",
        "RUS",
        "NOR",
        "asserted",
    ),
    (
        "called_in_no_consult",
        "Norway's ambassador was called in by the Russian foreign ministry.",
        "!CONSULT",
        "RUS",
        "-",
        "asserted",
    ),
    # ... but "called for X in the wake of Y" summons no one
    (
        "called_for_in_the_wake",
        "Ghana called for sanctions against Mali in the wake of the coup.",
        "!ACCUSE",
        "GHA",
        "-",
        "asserted",
    ),
    # "fights for independence": a cause, not an attack
    (
        "fights_for_independence",
        "The Polisario Front, which fights for the independence of Western Sahara, met"
        " Algerian officials.",
        "!ASSAULT",
        "-",
        "-",
        "asserted",
    ),
    # "repeated his criticism of X": the verb carries the noun's event
    (
        "repeated_criticism",
        "Turkey's president repeated his criticism of Israel's conduct of the war.",
        "ACCUSE",
        "TUR",
        "ISR",
        "asserted",
    ),
    # a crowd rallying "to demand" something protests against whom the demand is aimed at
    (
        "rallied_to_demand",
        "Thousands of people rallied in Bamako to demand that French troops leave.",
        "PROTEST",
        "-",
        "FRA",
        "asserted",
    ),
    (
        "rallied_to_demand_no_request",
        "Thousands of people rallied in Bamako to demand that French troops leave.",
        "!REQUEST",
        "-",
        "-",
        "asserted",
    ),
    # suspending a broadcaster is an administrative coercion; the title before the name tells
    # what is suspended ("the broadcaster X")
    (
        "suspended_broadcaster_named",
        "Niger suspended the French broadcaster France 24.",
        "COERCE",
        "NER",
        "FRA",
        "asserted",
    ),
    (
        "suspended_title_before_name",
        "Mali suspended the French public broadcaster RFI.",
        "COERCE",
        "MLI",
        "FRA",
        "asserted",
    ),
    # "X acted on Y, accusing it of ...": "it" is Y
    (
        "participle_it_is_object",
        "Mali suspended the French broadcaster RFI, accusing it of bias.",
        "ACCUSE",
        "MLI",
        "FRA",
        "asserted",
    ),
    # "proposed that Y do ...": a request to Y
    (
        "proposed_that",
        "France proposed that Germany host the summit.",
        "REQUEST",
        "FRA",
        "DEU",
        "asserted",
    ),
]


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row[0])
def test_round13_case(nlp, row):
    check_row(nlp, row)
