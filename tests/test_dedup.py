"""Dedup rules as tables: which mentions are one real event and which are not."""

from __future__ import annotations

import datetime as dt

import pytest

from communique import dedup

D = dt.date


def row(
    mid,
    article,
    etype="CONSULT",
    src="USA",
    tgt="ARM",
    modality="asserted",
    start=D(2022, 7, 18),
    end=None,
    precision="day",
    outlet=None,
    original=None,
):
    return dedup.MentionRow(
        mid,
        article,
        etype,
        src,
        tgt,
        modality,
        start,
        end or start,
        precision if start else None,
        outlet,
        original or article,
        start,
        0.5,
    )


def groups(rows):
    return sorted(sorted(m.mention_id for m in c.members) for c in dedup.cluster(rows))


CASES = [
    ("same-call-two-outlets", [row("a", "1", outlet="X"), row("b", "2", outlet="Y")], [["a", "b"]]),
    ("symmetric-reversed", [row("a", "1"), row("b", "2", src="ARM", tgt="USA")], [["a", "b"]]),
    (
        "directed-reversed-kept-apart",
        [row("a", "1", etype="ACCUSE"), row("b", "2", etype="ACCUSE", src="ARM", tgt="USA")],
        [["a"], ["b"]],
    ),
    ("different-type", [row("a", "1"), row("b", "2", etype="AGREE")], [["a"], ["b"]]),
    ("different-pair", [row("a", "1"), row("b", "2", tgt="AZE")], [["a"], ["b"]]),
    ("one-day-slack", [row("a", "1"), row("b", "2", start=D(2022, 7, 19))], [["a", "b"]]),
    ("week-apart", [row("a", "1"), row("b", "2", start=D(2022, 7, 25))], [["a"], ["b"]]),
    (
        "month-range-holds-day",
        [row("a", "1"), row("b", "2", start=D(2022, 7, 1), end=D(2022, 7, 31), precision="month")],
        [["a", "b"]],
    ),
    (
        "planned-not-merged-with-asserted",
        [row("a", "1"), row("b", "2", modality="planned")],
        [["a"], ["b"]],
    ),
    (
        "denied-merges-with-reported",
        [row("a", "1", modality="reported"), row("b", "2", modality="denied")],
        [["a", "b"]],
    ),
    ("undated-joins-own-article", [row("a", "1"), row("b", "1", start=None)], [["a", "b"]]),
    ("undated-joins-only-group", [row("a", "1"), row("b", "2", start=None)], [["a", "b"]]),
    (
        "one-sided-joins-the-whole-of-its-article",
        [row("a", "1"), row("b", "1", tgt=None)],
        [["a", "b"]],
    ),
    (
        "one-sided-joins-the-one-whole-of-another-report",
        [row("a", "1"), row("b", "2", tgt=None)],
        [["a", "b"]],
    ),
    (
        "one-sided-state-joins-its-person-in-another-report",
        [row("a", "1", src="USA/person/first", tgt="IRN"), row("b", "2", tgt=None)],
        [["a", "b"]],
    ),
    (
        "one-sided-of-another-report-stays-when-two-wholes-fit",
        [row("a", "1"), row("c", "3", tgt="AZE"), row("b", "2", tgt=None)],
        [["a"], ["b"], ["c"]],
    ),
    (
        "one-sided-of-another-report-stays-on-another-day",
        [row("a", "1"), row("b", "2", tgt=None, start=D(2022, 7, 20))],
        [["a"], ["b"]],
    ),
    (
        "one-sided-of-another-report-stays-when-its-side-is-the-other-place",
        [row("a", "1", etype="ACCUSE"), row("b", "2", etype="ACCUSE", src=None, tgt="USA")],
        [["a"], ["b"]],
    ),
    (
        "one-sided-of-a-symmetric-type-joins-in-either-place",
        [row("a", "1"), row("b", "2", src=None, tgt="USA")],
        [["a", "b"]],
    ),
    (
        "one-sided-stays-when-two-wholes-fit",
        [row("a", "1"), row("c", "1", tgt="AZE"), row("b", "1", tgt=None)],
        [["a"], ["b"], ["c"]],
    ),
    (
        "one-sided-of-another-date-stays",
        [row("a", "1"), row("b", "1", tgt=None, start=D(2022, 9, 1))],
        [["a"], ["b"]],
    ),
    (
        "a-state-joins-its-person-in-the-same-article",
        [row("a", "1", tgt="ARM/person/first"), row("b", "1", tgt="ARM")],
        [["a", "b"]],
    ),
    (
        "two-people-of-one-state-stay-apart",
        [row("a", "1", tgt="ARM/person/first"), row("b", "1", tgt="ARM/person/second")],
        [["a"], ["b"]],
    ),
    (
        "a-state-stays-when-two-of-its-people-fit",
        [
            row("a", "1", tgt="ARM/person/first"),
            row("c", "1", tgt="ARM/person/second"),
            row("b", "1", tgt="ARM"),
        ],
        [["a"], ["b"], ["c"]],
    ),
    (
        "a-state-joins-its-person-in-another-report",
        [row("a", "1", tgt="ARM/person/first"), row("b", "2", tgt="ARM")],
        [["a", "b"]],
    ),
    (
        "an-office-joins-a-named-person-of-its-state-in-another-report",
        [row("a", "1", tgt="ARM/person/first"), row("b", "2", tgt="ARM/role/leader")],
        [["a", "b"]],
    ),
    (
        "an-office-joins-a-named-person-of-the-same-report-when-both-sides-are-named",
        [
            row("a", "1", src="ETH/person/first", tgt="ERI/person/second"),
            row("b", "1", src="ETH/role/leader", tgt="ERI/role/leader"),
        ],
        [["a", "b"]],
    ),
    (
        "an-office-beside-a-missing-side-stays-apart-from-a-person-of-the-same-report",
        [
            row("a", "1", etype="AGREE", src="MDV/person/first", tgt="CHN/person/second"),
            row("b", "1", etype="AGREE", src="MDV/role/deputy-minister", tgt=None),
        ],
        [["a"], ["b"]],
    ),
    (
        "a-person-of-unknown-country-holds-no-unnamed-office",
        [row("a", "1", tgt="XXX/person/first"), row("b", "2", tgt="XXX/role/leader")],
        [["a"], ["b"]],
    ),
    (
        "a-head-of-some-international-body-holds-no-unnamed-office",
        [row("a", "1", tgt="IGO/person/first"), row("b", "2", tgt="IGO/role/leader")],
        [["a"], ["b"]],
    ),
    (
        "a-state-of-another-report-stays-when-two-of-its-people-fit",
        [
            row("a", "1", tgt="ARM/person/first"),
            row("c", "3", tgt="ARM/person/second"),
            row("b", "2", tgt="ARM"),
        ],
        [["a"], ["b"], ["c"]],
    ),
    (
        "a-state-of-another-report-stays-a-month-later",
        [row("a", "1", tgt="ARM/person/first"), row("b", "2", tgt="ARM", start=D(2022, 8, 20))],
        [["a"], ["b"]],
    ),
    (
        "undated-alone-when-ambiguous",
        [row("a", "1"), row("c", "3", start=D(2022, 9, 1)), row("b", "2", start=None)],
        [["a"], ["b"], ["c"]],
    ),
]


@pytest.mark.parametrize(("rows", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_grouping(rows, expected):
    assert groups(rows) == expected


def test_counts_articles_and_outlets_once_for_wire_copies():
    rows = [
        row("a", "1", outlet="Wire"),
        row("b", "2", outlet="Paper", original="1"),  # a near-duplicate of article 1
        row("c", "3", outlet="Other"),
        row("d", "3", outlet="Other"),  # the same article mentions the call twice
    ]
    (group,) = dedup.cluster(rows)
    assert group.num_articles == 2
    assert group.num_outlets == 3


def test_conflicting_details_are_kept():
    rows = [
        row("a", "1", modality="reported"),
        row("b", "2", modality="denied", start=D(2022, 7, 19)),
    ]
    (group,) = dedup.cluster(rows)
    assert group.conflicts() == {
        "date": ["2022-07-18", "2022-07-19"],
        "modality": ["denied", "reported"],
    }
    assert dedup.representative_modality(group.members) == "denied"


def test_representative_date_prefers_precise_and_agreed():
    members = [
        row("a", "1", start=D(2022, 7, 1), end=D(2022, 7, 31), precision="month"),
        row("b", "2", start=D(2022, 7, 18)),
        row("c", "3", start=D(2022, 7, 18)),
        row("d", "4", start=D(2022, 7, 19)),
    ]
    assert dedup.representative_date(members) == (D(2022, 7, 18), D(2022, 7, 18), "day")


def test_event_ids_are_stable_under_reordering():
    rows = [row("a", "1"), row("b", "2")]
    assert [c.event_id for c in dedup.cluster(rows)] == [
        c.event_id for c in dedup.cluster(rows[::-1])
    ]


def test_reports_a_day_apart_do_not_chain_into_one_long_event():
    rows = [row(str(i), str(i), start=D(2022, 3, 1 + i)) for i in range(10)]
    assert max(len(c.members) for c in dedup.cluster(rows)) <= 2


def test_undated_mentions_of_different_articles_stay_apart_without_a_dated_group():
    rows = [row("a", "1", start=None), row("b", "2", start=None)]
    assert groups(rows) == [["a"], ["b"]]


def test_a_publication_date_only_matches_the_week_before():
    dated = row("a", "1", start=D(2022, 7, 18))
    later_report = row("b", "2", start=D(2022, 7, 21))
    later_report.date_source = "published"
    far_report = row("c", "3", start=D(2022, 8, 30))
    far_report.date_source = "published"
    assert groups([dated, later_report, far_report]) == [["a", "b"], ["c"]]


def test_one_large_actor_pair_stays_fast_enough_to_finish():
    rows = [
        row(str(i), str(i), start=D(2020, 1, 1) + dt.timedelta(days=i % 700)) for i in range(20_000)
    ]
    clusters = dedup.cluster(rows)
    assert sum(len(c.members) for c in clusters) == 20_000
    assert max(len(c.members) for c in clusters) < 200
