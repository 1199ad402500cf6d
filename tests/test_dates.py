"""Dates: the resolver against a table of expressions, extraction on written sentences,
and the publication-date inference."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from communique import nlp as nlp_module
from communique.dates import extract, infer_publication, resolve, tense_of
from communique.dates.periods import month_end
from communique.records import Article, DateValue

CASES = Path(__file__).parent / "data" / "date_cases.tsv"


def _rows() -> list[dict[str, str]]:
    lines = [
        line for line in CASES.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _date(text: str) -> dt.date | None:
    return None if text == "-" else dt.date.fromisoformat(text)


def _anchor(text: str) -> DateValue | None:
    if text == "-":
        return None
    if len(text) == 4:
        year = int(text)
        return DateValue(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    if len(text) == 7:
        year, month = map(int, text.split("-"))
        return DateValue(dt.date(year, month, 1), month_end(year, month), "month")
    day = dt.date.fromisoformat(text)
    return DateValue(day, day, "day")


ROWS = _rows()


def test_case_ids_are_unique_and_many():
    ids = [row["id"] for row in ROWS]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 300


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_resolve(row):
    tense = None if row["tense"] == "-" else row["tense"]
    value = resolve(
        row["expression"], _date(row["published"]), tense=tense, anchor=_anchor(row["anchor"])
    )
    if row["start"] == "none":
        assert value is None
        return
    assert value is not None, "did not resolve"
    got = (value.start.isoformat(), value.end.isoformat(), value.precision)
    assert got == (row["start"], row["end"], row["precision"])
    assert value.text == row["expression"] and value.source == "text"


def test_resolve_rejects_a_non_string():
    with pytest.raises(TypeError):
        resolve(dt.date(2020, 1, 1), None)  # type: ignore[arg-type]


def test_vague_expressions_never_claim_a_day():
    reference = dt.date(2013, 3, 22)
    for text in ("last week", "earlier this month", "in late 2020", "recent weeks", "last summer"):
        value = resolve(text, reference, tense="past")
        assert value is not None and value.precision != "day" and value.day is None, text


# -- extraction on sentences written for these tests -----------------------------------

PUBLISHED = dt.date(2024, 7, 17)  # a Wednesday


def _extract(nlp, text: str, published: dt.date | None = PUBLISHED) -> list[DateValue]:
    article = Article("t", text, published=published)
    return extract(nlp(text), article)


def _found(values: list[DateValue], text: str) -> dict[str, tuple[str, str]]:
    return {
        text[v.char_start : v.char_end]: (v.start.isoformat(), v.end.isoformat()) for v in values
    }


EXTRACT_CASES = [
    (
        "weekday-past",
        "The two foreign ministers met in Vienna on Monday to discuss the ceasefire.",
        {"on Monday": ("2024-07-15", "2024-07-15")},
    ),
    (
        "weekday-future",
        "The two foreign ministers will meet in Vienna on Friday.",
        {"on Friday": ("2024-07-19", "2024-07-19")},
    ),
    (
        "scheduled-simple-present",
        "The two delegations meet again in September.",
        {"in September": ("2024-09-01", "2024-09-30")},
    ),
    (
        "relative-clause-present-is-timeless",
        "Troops crossed the line that marks the border in June.",
        {"in June": ("2024-06-01", "2024-06-30")},
    ),
    (
        "going-to-future",
        "The president is going to visit Nairobi on Tuesday.",
        {"on Tuesday": ("2024-07-23", "2024-07-23")},
    ),
    (
        "scheduled-future",
        "The summit is scheduled for March 2025 in Brasilia.",
        {"March 2025": ("2025-03-01", "2025-03-31")},
    ),
    (
        "range-and-relative",
        "Talks held October 3-5 ended earlier this month without a deal.",
        {
            "October 3-5": ("2023-10-03", "2023-10-05"),
            "earlier this month": ("2024-07-01", "2024-07-17"),
        },
    ),
    (
        "since",
        "Prices have risen since January, the central bank said.",
        {"since January": ("2024-01-01", "2024-07-17")},
    ),
    (
        "anchor-chain",
        "Parliament was dissolved on 16 July 2022. The next day the cabinet resigned.",
        {
            "on 16 July 2022": ("2022-07-16", "2022-07-16"),
            "The next day": ("2022-07-17", "2022-07-17"),
        },
    ),
    (
        "anchor-that-year",
        "The wall fell in 1989. Elections followed that year in several countries.",
        {"in 1989": ("1989-01-01", "1989-12-31"), "that year": ("1989-01-01", "1989-12-31")},
    ),
    (
        "modal-may-is-not-a-month",
        "We may send observers, and $11 million was pledged.",
        {},
    ),
    (
        "last-month-and-year",
        "Last month the government signed a trade pact, after talks that began last year.",
        {"Last month": ("2024-06-01", "2024-06-30"), "last year": ("2023-01-01", "2023-12-31")},
    ),
    (
        "duration-dropped",
        "The two countries have been at odds for decades and the talks lasted six weeks.",
        {},
    ),
    (
        "infinitive-under-a-noun-takes-the-verb-tense",
        "The two states signed agreements to open embassies in March.",
        {"in March": ("2024-03-01", "2024-03-31")},
    ),
    (
        "in-n-years-after-a-superlative-is-a-stretch-of-time",
        "She is the most senior envoy to visit Havana in 30 years.",
        {},
    ),
    (
        "in-n-years-in-a-past-clause-is-a-stretch-of-time",
        "Prices rose at their fastest pace in a decade.",
        {},
    ),
    (
        "in-n-weeks-in-a-future-clause-lies-ahead",
        "The first round ended on Monday and the next will be held in two weeks.",
        {"on Monday": ("2024-07-15", "2024-07-15"), "in two weeks": ("2024-07-29", "2024-08-04")},
    ),
    (
        "a-modal-of-obligation-looks-ahead",
        "The hostages must be freed by July 20, the mediators said.",
        {"by July 20": ("2024-07-20", "2024-07-20")},
    ),
    (
        "a-perfect-modal-looks-back",
        "The convoy should have arrived by July 10.",
        {"by July 10": ("2024-07-10", "2024-07-10")},
    ),
    (
        "in-a-month-at-the-start-of-a-sentence",
        "In May Nairobi suspended the flights of the Somali carrier.",
        {"In May": ("2024-05-01", "2024-05-31")},
    ),
    (
        "in-a-season-ahead",
        "The president is to visit Seoul in the autumn.",
        {"in the autumn": ("2024-09-01", "2024-11-30")},
    ),
    (
        "the-fall-of-a-city-is-no-season",
        "Protests spread in the fall of Kabul.",
        {},
    ),
    (
        "eve-of-an-event-is-no-date",
        "The leaders met on the eve of the summit and again the day after the vote.",
        {},
    ),
    # "N units after <event>" dates the inner event, counted back from the main clause's day
    (
        "days-after-an-event-count-back-from-the-anchor",
        "Parliament voted on Monday to dissolve itself. "
        "The vote came two days after protesters stormed the assembly.",
        {"on Monday": ("2024-07-15", "2024-07-15"), "two days after": ("2024-07-13", "2024-07-13")},
    ),
    (
        "days-after-an-event-without-an-anchor-is-unknown",
        "The vote came two days after protesters stormed the assembly.",
        {},
    ),
    (
        "days-after-counts-from-the-main-clause-own-day-even-when-named-later",
        "Two days after rebels seized the airport, the army launched a counterattack on Monday.",
        {"Two days after": ("2024-07-13", "2024-07-13"), "on Monday": ("2024-07-15", "2024-07-15")},
    ),
    (
        "a-week-before-an-event-counts-forward",
        "The ministers met in Rome on Monday, a week before the summit opened.",
        {"on Monday": ("2024-07-15", "2024-07-15"), "a week before": ("2024-07-22", "2024-07-28")},
    ),
    (
        "years-after-an-event",
        "The wall fell in 1989, two years after the protests began.",
        {"in 1989": ("1989-01-01", "1989-12-31"), "two years after": ("1987-01-01", "1987-12-31")},
    ),
    (
        "a-month-is-too-coarse-to-count-days-from",
        "Talks resumed in March, two days after the truce ended.",
        {"in March": ("2024-03-01", "2024-03-31")},
    ),
    (
        "hours-after-an-event-is-the-same-day",
        "The envoy resigned on Monday, hours after the talks collapsed.",
        {"on Monday": ("2024-07-15", "2024-07-15"), "hours after": ("2024-07-15", "2024-07-15")},
    ),
    (
        "shortly-before-an-event-is-the-same-day",
        "The polls closed on Sunday. The opposition conceded shortly before the count ended.",
        {"on Sunday": ("2024-07-14", "2024-07-14"), "shortly before": ("2024-07-14", "2024-07-14")},
    ),
    (
        "days-later-still-counts-from-the-anchor",
        "The ceasefire collapsed on Monday. Two days later the army advanced.",
        {"on Monday": ("2024-07-15", "2024-07-15"), "Two days later": ("2024-07-17", "2024-07-17")},
    ),
]


@pytest.mark.parametrize(
    "text,expected", [c[1:] for c in EXTRACT_CASES], ids=[c[0] for c in EXTRACT_CASES]
)
def test_extract(nlp, text, expected):
    assert _found(_extract(nlp, text), text) == expected


def test_an_adjunct_the_parse_puts_the_main_clause_inside_dates_nothing():
    """ "Two days after rebels seized the airport, the army attacked", parsed with "seized"
    as the root: the attack would fall inside the phrase, so nothing is dated."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    rows = [  # word, head, dep, pos
        ("The", 1, "det", "DET"),
        ("truce", 2, "nsubj", "NOUN"),
        ("ended", 2, "ROOT", "VERB"),
        ("on", 2, "prep", "ADP"),
        ("Monday", 3, "pobj", "PROPN"),
        (".", 2, "punct", "PUNCT"),
        ("Two", 7, "nummod", "NUM"),
        ("days", 10, "npadvmod", "NOUN"),
        ("after", 10, "mark", "SCONJ"),
        ("rebels", 10, "nsubj", "NOUN"),
        ("seized", 10, "ROOT", "VERB"),
        ("the", 12, "det", "DET"),
        ("airport", 10, "dobj", "NOUN"),
        (",", 10, "punct", "PUNCT"),
        ("the", 15, "det", "DET"),
        ("army", 16, "nsubj", "NOUN"),
        ("attacked", 10, "conj", "VERB"),
        (".", 10, "punct", "PUNCT"),
    ]
    words, heads, deps, pos = (list(column) for column in zip(*rows, strict=True))
    spaces = [i + 1 < len(words) and words[i + 1] not in ".," for i in range(len(words))]
    doc = Doc(Vocab(), words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    values = extract(doc, Article("t", doc.text, published=PUBLISHED))
    assert _found(values, doc.text) == {"on Monday": ("2024-07-15", "2024-07-15")}


def test_extract_offsets_index_the_article_text(nlp):
    text = "Headline\n\nOn Monday the envoy arrived. She left on 2 August 2024."
    for value in _extract(nlp, text):
        assert value.char_start is not None and value.char_end is not None
        assert text[value.char_start : value.char_end] == value.text


def test_extract_without_publication_date_keeps_only_absolute(nlp):
    text = "The envoy arrived on Monday. The accord was signed on 2 August 2024."
    assert list(_found(_extract(nlp, text, None), text)) == ["on 2 August 2024"]


def test_extract_refuses_a_doc_of_another_text(nlp):
    with pytest.raises(ValueError):
        extract(
            nlp("A much longer text than the article holds, on Monday."), Article("t", "Short.")
        )


def test_tense_of_governing_verb(nlp):
    doc = nlp(
        "They will meet on Monday. They met on Friday. The talks resume on Sunday. "
        "It is the third round of talks this week."
    )
    tenses = [tense_of(ent) for ent in doc.ents if ent.label_ == "DATE"]
    assert tenses == ["future", "past", "future", "present"]


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("The summit was to have opened in Lisbon on 4 October.", id="was-to-have"),
        pytest.param("The envoy is to travel to Nairobi on 9 June.", id="is-to"),
        pytest.param("Both delegations were to meet in Doha on 2 February.", id="were-to"),
    ],
)
def test_be_to_construction_points_forward(nlp, sentence):
    (date,) = [ent for ent in nlp(sentence).ents if ent.label_ == "DATE"]
    assert tense_of(date) == "future"


def test_a_date_a_visit_was_due_on_lies_ahead_whatever_the_parse():
    from communique import pipeline
    from communique.records import Article

    text = "The king has called off a state visit to Oslo that was due in early October."
    result = pipeline.analyse(
        nlp_module.load()(text), Article("a", text, published=dt.date(2021, 9, 20))
    )
    (value,) = result.timexes
    assert (value.start, value.end) == (dt.date(2021, 10, 1), dt.date(2021, 10, 10))


# -- publication date of an undated article ---------------------------------------------


def _value(start: str, end: str, precision: str) -> DateValue:
    return DateValue(dt.date.fromisoformat(start), dt.date.fromisoformat(end), precision)  # type: ignore[arg-type]


def test_infer_publication_from_latest_day():
    values = [_value("2024-07-01", "2024-07-01", "day"), _value("2024-07-16", "2024-07-16", "day")]
    assert infer_publication(values) == (dt.date(2024, 7, 16), dt.date(2024, 8, 16))


def test_infer_publication_prefers_days_and_months_over_years():
    values = [
        _value("2030-01-01", "2030-12-31", "year"),
        _value("2024-03-01", "2024-03-31", "month"),
    ]
    assert infer_publication(values) == (dt.date(2024, 3, 1), dt.date(2024, 5, 1))


def test_infer_publication_with_years_only():
    values = [_value("1989-01-01", "1989-12-31", "year")]
    assert infer_publication(values) == (dt.date(1989, 1, 1), dt.date(1990, 1, 31))


def test_infer_publication_needs_a_stated_date():
    assert infer_publication([]) is None
    published = DateValue(dt.date(2024, 1, 1), dt.date(2024, 1, 1), "day", source="published")
    assert infer_publication([published]) is None


@pytest.mark.parametrize(
    ("text", "event_day", "lower"),
    [
        pytest.param(
            "The envoy flew in on Wednesday. The ministry replied on Thursday.",
            "2022-12-21",
            "2022-12-22",
            id="a-later-weekday-raises-the-bound",
        ),
        pytest.param("Talks were held on Monday.", "2022-12-19", "2022-12-19", id="same-day"),
        pytest.param("No weekday is named here.", "2022-12-19", "2022-12-19", id="none"),
        pytest.param(
            "Fighting resumed on Saturday after talks on Friday.",
            "2023-03-03",
            "2023-03-04",
            id="weekend-after-a-friday",
        ),
    ],
)
def test_weekdays_named_narrow_an_undated_report(text, event_day, lower):
    from communique.dates import narrow_by_weekdays

    day = dt.date.fromisoformat(event_day)
    window = (day, day + dt.timedelta(days=6))
    assert narrow_by_weekdays(text, day, window) == (dt.date.fromisoformat(lower), window[1])


@pytest.mark.parametrize("text", ["in the evening", "In the morning", "hours later", "the night"])
def test_a_part_of_the_day_is_the_day_the_story_last_named(text):
    from communique.dates import resolve

    anchor = DateValue(dt.date(2023, 5, 3), dt.date(2023, 5, 3), "day")
    value = resolve(text, dt.date(2023, 5, 5), anchor=anchor)
    assert (value.start, value.end) == (dt.date(2023, 5, 3), dt.date(2023, 5, 3))
    assert resolve(text, dt.date(2023, 5, 5)) is None  # no day named before: no guess
