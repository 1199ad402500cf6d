"""Event dates that come from the clause around the trigger (communique/events/dating.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import analyse_text


def _dates(nlp, text: str, published: str) -> dict[str, tuple[dt.date, dt.date] | None]:
    result = analyse_text(nlp, text, published)
    return {e.trigger: e.date and (e.date.start, e.date.end) for e in result.events}


def test_a_when_clause_takes_the_date_its_verb_governs(nlp):
    text = (
        "The escalation started on Sunday evening, when Azerbaijan shelled Armenian positions "
        "near Jermuk."
    )
    dates = _dates(nlp, text, "2022-09-15")
    sunday = dt.date(2022, 9, 11)
    assert dates["shelled"] == (sunday, sunday)


def test_a_reported_stance_holds_on_the_day_it_is_told(nlp):
    text = "Iran said on Monday it was ready to accept a proposal from Qatar on the prisoners."
    dates = _dates(nlp, text, "2023-08-09")
    monday = dt.date(2023, 8, 7)
    assert dates["accept"] == (monday, monday)


def test_a_reported_state_is_not_the_date_of_a_noun_inside_it(nlp):
    text = (
        "Tehran said on Monday that the American accusations against Iran were baseless. "
        "Washington accused Iran of the attack on Saturday."
    )
    dates = _dates(nlp, text, "2019-09-17")
    assert dates.get("accusations") != (dt.date(2019, 9, 16), dt.date(2019, 9, 16))


@pytest.mark.parametrize(
    ("text", "start"),
    [
        pytest.param(
            "President Joe Biden said he expected to speak to Xi Jinping this week.",
            dt.date(2022, 11, 9),
            id="a-plan-for-this-week-starts-at-publication",
        ),
        pytest.param(
            "Antony Blinken had planned to travel to China this week, but the trip was called off.",
            dt.date(2022, 11, 7),
            id="a-plan-told-in-the-past-perfect-keeps-the-week",
        ),
    ],
)
def test_a_planned_events_range_runs_from_publication(nlp, text, start):
    result = analyse_text(nlp, text, "2022-11-09")
    planned = [e for e in result.events if e.modality == "planned" and e.event_type == "CONSULT"]
    assert planned
    assert planned[0].date.start == start
    assert planned[0].date.end == dt.date(2022, 11, 13)


def _places(nlp, text: str, published: str) -> dict[str, str | None]:
    result = analyse_text(nlp, text, published)
    return {e.trigger: e.location and e.location.name for e in result.events}


def test_a_meeting_in_the_same_sentence_takes_the_place_of_the_one_before(nlp):
    text = (
        "Emmanuel Macron met Olaf Scholz in Berlin on Monday, and Giorgia Meloni held "
        "separate talks with Olaf Scholz the same day."
    )
    places = _places(nlp, text, "2023-03-08")
    assert places["held separate talks"] == "Berlin"


def test_a_meeting_in_a_where_clause_does_not_take_the_place_before_it(nlp):
    text = (
        "William Ruto was welcomed in Nairobi by Rishi Sunak before flying to London, where "
        "William Ruto and Rishi Sunak talked for an hour."
    )
    places = _places(nlp, text, "2023-03-08")
    assert places.get("talked") != "Nairobi"


def test_an_undated_clause_may_lie_on_any_day_since_the_story_began(nlp):
    text = (
        "Nicolas Maduro broke off relations with the United States on Wednesday. "
        "Dmitry Peskov said on Thursday that Russia backed Maduro. "
        "Recep Tayyip Erdogan telephoned Maduro to express his support."
    )
    dates = _dates(nlp, text, "2019-01-25")
    assert dates["telephoned"] == (dt.date(2019, 1, 23), dt.date(2019, 1, 25))


def test_an_attempt_shares_the_date_of_the_verb_of_attempt(nlp):
    text = "Khalifa Haftar has been trying since last April to seize Tripoli from the government."
    dates = _dates(nlp, text, "2020-01-20")
    assert dates["seize"] == (dt.date(2019, 4, 1), dt.date(2020, 1, 20))


def test_a_clause_after_a_dated_event_lies_between_that_date_and_publication(nlp):
    text = (
        "Ivan Duque had broken off negotiations with the ELN after the rebels detonated a car "
        "bomb in Bogota in January 2019."
    )
    dates = _dates(nlp, text, "2023-06-09")
    assert dates["broken"] == (dt.date(2019, 1, 1), dt.date(2023, 6, 9))


def test_a_deadline_ahead_runs_from_publication(nlp):
    text = "Under the deal, Armenia must hand back three districts to Azerbaijan by Dec. 1."
    dates = _dates(nlp, text, "2020-11-10")
    assert dates["hand"] == (dt.date(2020, 11, 10), dt.date(2020, 12, 1))


def test_what_a_statement_does_happens_when_it_is_made(nlp):
    text = (
        "On Thursday Japan's foreign ministry said it regretted South Korea's decision and "
        "urged Seoul to reconsider it."
    )
    dates = _dates(nlp, text, "2019-08-24")
    thursday = dt.date(2019, 8, 22)
    assert dates["urged"] == (thursday, thursday)


def test_an_act_done_since_a_dated_one_runs_from_it_to_publication(nlp):
    text = "Egypt signed a defence pact with Somalia in August and has since delivered weapons to the Somali army."
    dates = _dates(nlp, text, "2024-12-12")
    assert dates["delivered weapons"] == (dt.date(2024, 8, 1), dt.date(2024, 12, 12))


def test_the_saudi_port_city_is_the_saudi_town_named_before(nlp):
    text = (
        "RIYADH, May 21 (Gulf Wire) - Iran and Saudi Arabia held talks in Jeddah on Friday. "
        "On Saturday Yemen's government and the Houthis agreed to a truce after ten days of "
        "talks in the Saudi port city."
    )
    result = analyse_text(nlp, text, "2023-05-21")
    places = {e.location and e.location.name for e in result.events}
    assert places == {"Jeddah"}


def test_a_conjunct_without_its_own_subject_acts_where_its_head_did(nlp):
    text = (
        "At a summit in Nairobi, the East African Community closed its borders with Burundi "
        "and suspended trade with the country."
    )
    places = _places(nlp, text, "2023-03-08")
    assert places["suspended"] == "Nairobi"


def test_an_act_done_since_then_runs_from_the_last_date_named(nlp):
    text = (
        "Bosnia's state court ordered the detention of Milorad Dodik in mid-March. "
        "He has since travelled to Serbia and Israel."
    )
    dates = _dates(nlp, text, "2025-04-02")
    assert dates["travelled"] == (dt.date(2025, 3, 11), dt.date(2025, 4, 2))


def test_a_trip_called_off_was_to_take_place_where_it_was_going(nlp):
    text = "Natsuo Yamaguchi called off a trip to Beijing that was due to begin on Monday."
    result = analyse_text(nlp, text, "2023-08-28")
    visit = next(e for e in result.events if e.event_type == "CONSULT")
    assert visit.location is not None and visit.location.name == "Beijing"


def test_an_invitation_is_not_made_where_the_guest_is_invited(nlp):
    text = "Emmanuel Macron invited Olaf Scholz to Paris for talks."
    result = analyse_text(nlp, text, "2023-08-28")
    assert all(e.location is None for e in result.events if e.event_type != "CONSULT")


def test_a_strike_abroad_does_not_take_the_dateline(nlp):
    text = (
        "ISLAMABAD — Pakistan struck back at militants in Iran's Sistan and Baluchistan "
        "province on Thursday."
    )
    result = analyse_text(nlp, text, "2024-01-19")
    strike = next(e for e in result.events if e.event_type == "ASSAULT")
    assert strike.location is None or strike.location.country != "PAK"


def test_an_in_which_clause_shares_the_date_of_the_verb_its_noun_hangs_on(nlp):
    text = (
        "DOHA — Five American citizens held in Iran landed in Doha on Monday, in an exchange "
        "in which Washington released five Iranians."
    )
    dates = _dates(nlp, text, "2023-09-19")
    monday = dt.date(2023, 9, 18)
    assert dates["released"] == (monday, monday)


def test_on_the_beaches_of_a_town_is_in_the_town(nlp):
    text = "MADRID — Spain deployed soldiers on the beaches of Ceuta on Tuesday."
    places = _places(nlp, text, "2021-05-19")
    assert places["deployed"] == "Ceuta"


def test_a_date_the_parser_hangs_on_the_subjects_name_is_the_clauses(nlp):
    text = "Relations have been tense ever since: last December Mogadishu cut diplomatic ties with Nairobi."
    dates = _dates(nlp, text, "2021-10-13")
    assert dates["cut"] == (dt.date(2020, 12, 1), dt.date(2020, 12, 31))


def test_a_main_clause_shares_the_date_of_its_when_clause(nlp):
    text = (
        "When Beijing recalled its ambassador from Vilnius in August, the State Department "
        "condemned China's retaliation against a NATO ally."
    )
    dates = _dates(nlp, text, "2021-11-22")
    assert dates["condemned"] == (dt.date(2021, 8, 1), dt.date(2021, 8, 31))
