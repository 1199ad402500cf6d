"""Dedup, third round: a plan told by one report before another reports it done."""

from __future__ import annotations

import datetime as dt

import pytest

from communique import dedup

D = dt.date
DAY = D(2021, 3, 9)


def row(mid, article, *, modality="asserted", published=DAY, src="RUS", tgt="ARM", **more):
    start = more.get("start", DAY)
    return dedup.MentionRow(
        mid,
        article,
        more.get("etype", "CONSULT"),
        src,
        tgt,
        modality,
        start,
        more.get("end", start),
        "day",
        None,
        article,
        published,
        0.5,
    )


def groups(rows):
    return sorted(sorted(m.mention_id for m in c.members) for c in dedup.cluster(rows))


EARLIER = D(2021, 3, 8)
CASES = [
    pytest.param(
        [row("a", "1", modality="planned", published=EARLIER), row("b", "2")],
        [["a", "b"]],
        id="plan-told-the-day-before",
    ),
    pytest.param(
        [
            row("a", "1", modality="hypothetical", published=EARLIER, tgt=None),
            row("b", "2", tgt="ARM/role/leader"),
        ],
        [["a", "b"]],
        id="hypothetical-told-before-with-a-side-left-out",
    ),
    pytest.param(
        [
            row("a", "1", modality="planned", published=EARLIER, src="RUS/person/x"),
            row("b", "2", src="RUS"),
        ],
        [["a", "b"]],
        id="plan-of-a-person-done-by-the-state",
    ),
    pytest.param(
        [row("a", "1", modality="planned"), row("b", "2")],
        [["a"], ["b"]],
        id="plan-told-the-same-day-stays-apart",
    ),
    pytest.param(
        [row("a", "1", modality="planned", published=D(2021, 3, 10)), row("b", "2")],
        [["a"], ["b"]],
        id="plan-told-after-the-fact-stays-apart",
    ),
    pytest.param(
        [row("a", "1", modality="planned", published=EARLIER), row("b", "1")],
        [["a"], ["b"]],
        id="plan-and-fact-of-one-report-stay-apart",
    ),
    pytest.param(
        [
            row("a", "1", modality="planned", published=EARLIER),
            row("b", "2", start=D(2021, 3, 20)),
        ],
        [["a"], ["b"]],
        id="plan-at-other-dates-stays-apart",
    ),
    pytest.param(
        [row("a", "1", modality="planned", published=EARLIER), row("b", "2", tgt="AZE")],
        [["a"], ["b"]],
        id="plan-with-another-side-stays-apart",
    ),
    pytest.param(
        [
            row("a", "1", modality="planned", published=EARLIER, tgt=None),
            row("b", "2"),
            row("c", "3", tgt="AZE"),
        ],
        [["a"], ["b"], ["c"]],
        id="plan-fitting-two-facts-joins-none",
    ),
]


@pytest.mark.parametrize(("rows", "expected"), CASES)
def test_announced_events(rows, expected):
    assert groups(rows) == expected


def test_announced_event_is_asserted_with_its_plan_in_conflicts():
    rows = [row("a", "1", modality="planned", published=EARLIER), row("b", "2")]
    (event,) = dedup.cluster(rows)
    assert dedup.representative_modality(event.members) == "asserted"
    assert event.num_articles == 2
    assert event.conflicts()["modality"] == ["asserted", "planned"]
