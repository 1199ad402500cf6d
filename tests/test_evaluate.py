"""The evaluator: gold loading and validation, event matching, and every reported figure.

Predictions are small hand-made export dicts (field names of the export interface);
no spaCy needed.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from communique.errors import UsageError
from communique.evaluate import evaluate, format_text, load_gold, to_json
from communique.evaluate.matching import contains_name, fold

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def actor(name: str | None, country: str | None, actor_id: str | None = None) -> dict:
    return {"id": actor_id or f"{country}/{name}", "name": name, "country": country}


def event(
    kind: str,
    source: dict | None,
    target: dict | None,
    date: str | None = "2023-09-04",
    end: str | None = None,
    modality: str = "asserted",
    **extra,
) -> dict:
    return {
        "event_id": extra.pop("event_id", f"{kind}-{len(extra)}-{id(source)}"),
        "event_type": kind,
        "date": date if end in (None, date) else None,
        "date_start": date,
        "date_end": end or date,
        "source": source,
        "target": target,
        "modality": modality,
        "num_articles": extra.pop("num_articles", 1),
        "location": extra.pop("location", None),
        "mentions": extra.pop("mentions", []),
        **extra,
    }


def gold_file(tmp_path: Path, text: str, name: str = "gold.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


TUR = actor("Recep Tayyip Erdoğan", "TUR", "TUR/person/erdogan")
RUS = actor("Vladimir Putin", "RUS", "RUS/person/putin")
USA = actor("United States", "USA", "USA")
IRQ = actor("Iraq", "IRQ", "IRQ")
ACTORS = [
    {**TUR, "aliases": ["Recep Tayyip Erdoğan", "Erdogan", "Erdoğan"]},
    {**RUS, "aliases": ["Vladimir Putin", "Putin"]},
    {**USA, "aliases": ["United States", "Washington"]},
    {**IRQ, "aliases": ["Iraq", "Baghdad"]},
]

SOCHI = """
events:
  - id: sochi
    type: CONSULT
    source: RUS
    target: TUR
    date: 2023-09-04
    articles: 2
    location: {name: Sochi, country: RUS}
  - id: threat
    type: THREATEN
    source: USA
    target: IRQ
    date: {start: 2023-09-01, end: 2023-09-10}
"""


def run(tmp_path, gold_text, events, quotes=(), actors=ACTORS, articles=()):
    gold = load_gold(gold_file(tmp_path, gold_text))
    return evaluate(gold, list(events), list(quotes), list(actors), list(articles))


# ---------------------------------------------------------------- events


def test_perfect_match(tmp_path):
    sochi = {"name": "Sochi", "country": "RUS", "lat": 43.6, "lon": 39.7}
    report = run(
        tmp_path,
        SOCHI,
        [
            event("CONSULT", RUS, TUR, num_articles=2, location=sochi),
            event("THREATEN", USA, IRQ, "2023-09-05"),
        ],
    )
    assert (report.events.precision, report.events.recall, report.events.f1) == (1, 1, 1)
    assert report.modality == {"asserted": {"asserted": 2}}
    assert (report.dedup.correct, report.dedup.checked) == (1, 1)
    assert (report.locations.correct, report.locations.checked) == (1, 1)
    assert report.date_exact.correct == 1 and report.date_within.correct == 2
    assert report.per_type["CONSULT"].f1 == 1


def test_missed_event_lowers_recall_only(tmp_path):
    report = run(tmp_path, SOCHI, [event("CONSULT", RUS, TUR)])
    assert report.events.recall == 0.5 and report.events.precision == 1
    assert [o.status for o in report.outcomes] == ["matched", "missed"]
    assert report.per_type["THREATEN"].recall == 0


def test_wrong_type_is_both_a_miss_and_a_false_positive(tmp_path):
    report = run(tmp_path, SOCHI, [event("CONSULT", RUS, TUR), event("ACCUSE", USA, IRQ)])
    assert report.events.precision == 0.5 and report.events.recall == 0.5
    assert report.unmatched_predicted[0]["event_type"] == "ACCUSE"
    assert report.per_type["ACCUSE"].precision == 0


def test_alt_types_are_accepted(tmp_path):
    gold = "events:\n  - {type: SANCTION, alt_types: [COERCE], source: USA, target: IRQ}\n"
    assert run(tmp_path, gold, [event("COERCE", USA, IRQ)]).events.recall == 1


@pytest.mark.parametrize(
    ("gold", "prediction", "matches"),
    [
        ("{type: CONSULT, source: TUR, target: RUS}", ("CONSULT", RUS, TUR), True),
        ("{type: AGREE, source: TUR, target: RUS}", ("AGREE", RUS, TUR), True),
        ("{type: ACCUSE, source: TUR, target: RUS}", ("ACCUSE", RUS, TUR), False),
        ("{type: ACCUSE, source: TUR, target: RUS, symmetric: true}", ("ACCUSE", RUS, TUR), True),
        ("{type: CONSULT, source: TUR, target: RUS, symmetric: no}", ("CONSULT", RUS, TUR), False),
        ("{type: ACCUSE, source: TUR}", ("ACCUSE", TUR, None), True),
        ("{type: ACCUSE, source: TUR, target: RUS}", ("ACCUSE", TUR, None), False),
    ],
    ids=[
        "consult-reversed", "agree-reversed", "accuse-reversed", "symmetric-flag",
        "symmetric-off", "target-unstated", "target-missing",
    ],
)  # fmt: skip
def test_direction(tmp_path, gold, prediction, matches):
    report = run(tmp_path, f"events:\n  - {gold}\n", [event(*prediction)])
    assert (report.events.recall == 1) is matches


@pytest.mark.parametrize(
    ("spec", "matches"),
    [
        ("{name: Erdogan}", True),
        ("{name: ERDOĞAN, country: TUR}", True),
        ("{name: Erdogan, country: RUS}", False),
        ("{name: Tayyip}", True),
        ("{name: Erdo}", False),
        ("TUR", True),
        ("{name: Putin}", False),
    ],
    ids=["ascii", "case-diacritics", "wrong-country", "part-name", "not-a-word", "iso3", "other"],
)
def test_actor_names_and_countries(tmp_path, spec, matches):
    report = run(tmp_path, f"events:\n  - {{type: REQUEST, source: {spec}}}\n", [
        event("REQUEST", TUR, USA)
    ])  # fmt: skip
    assert (report.events.recall == 1) is matches


def test_gold_name_stands_for_its_alias_group(tmp_path):
    gold = """
events:
  - {type: REQUEST, source: {name: TPLF}, target: ETH}
actors:
  - {name: Tigray People's Liberation Front, country: ETH, aliases: [TPLF]}
"""
    tplf = actor("Tigray People's Liberation Front", "ETH", "ETH/tplf")
    report = run(tmp_path, gold, [event("REQUEST", tplf, actor("Ethiopia", "ETH"))], actors=[tplf])
    assert report.events.recall == 1


def test_dates_must_overlap_and_near_misses_are_reported(tmp_path):
    report = run(tmp_path, SOCHI, [event("CONSULT", RUS, TUR, "2023-09-06")])
    assert report.events.recall == 0
    assert report.date_misses == 1
    assert report.outcomes[0].status == "date-miss"


@pytest.mark.parametrize(
    ("predicted", "cause"),
    [
        pytest.param(event("ACCUSE", RUS, TUR), "type", id="the-sides-with-another-type"),
        pytest.param(event("CONSULT", RUS, USA), "side", id="the-type-with-one-side-wrong"),
        pytest.param(event("CONSULT", RUS, None), "side", id="the-type-with-one-side-missing"),
        pytest.param(event("ACCUSE", USA, None), "nothing_near", id="nothing-near"),
        pytest.param(event("CONSULT", RUS, TUR, "2023-09-06"), "date", id="another-date"),
    ],
)
def test_a_missed_event_is_counted_by_what_the_closest_prediction_got_wrong(
    tmp_path, predicted, cause
):
    report = run(tmp_path, SOCHI, [predicted])
    sochi = report.outcomes[0]
    assert sochi.status != "matched"
    assert (sochi.near or {"date-miss": "date"}.get(sochi.status, "nothing_near")) == cause
    counts = to_json(report)["events"]["missed_required_by_cause"]
    assert counts[cause] >= 1
    assert sum(counts.values()) == 2  # the Sochi meeting and the gold's other event
    assert "Gold events not found (2: " in format_text(report)


@pytest.mark.parametrize(
    ("start", "end", "grade"),
    [
        ("2023-09-01", "2023-09-10", "exact"),
        ("2023-09-03", "2023-09-03", "within"),
        ("2023-08-20", "2023-09-02", "overlap"),
    ],
    ids=["exact", "within", "overlap"],
)
def test_date_grades(tmp_path, start, end, grade):
    report = run(tmp_path, SOCHI, [event("THREATEN", USA, IRQ, start, end)])
    assert report.outcomes[1].date == grade


def test_one_to_one_prefers_same_modality_and_counts_copies(tmp_path):
    gold = "events:\n  - {type: CONSULT, source: USA, target: IRQ, modality: planned}\n"
    predicted = [
        event("CONSULT", USA, IRQ, event_id="a"),
        event("CONSULT", USA, IRQ, modality="planned", event_id="b"),
    ]
    report = run(tmp_path, gold, predicted)
    assert report.outcomes[0].event_id == "b"
    assert report.events.precision == 0.5
    assert report.split_copies == 1
    assert report.modality == {"planned": {"planned": 1}}


def test_optional_gold_is_neither_rewarded_nor_penalised(tmp_path):
    gold = SOCHI + "  - {type: ACCUSE, source: USA, target: IRQ, optional: true}\n"
    report = run(tmp_path, gold, [event("CONSULT", RUS, TUR), event("ACCUSE", USA, IRQ)])
    assert report.events.precision == 1 and report.events.gold == 2
    assert report.optional_matched == 1


def test_precision_between_gold_actors_ignores_other_actors(tmp_path):
    fra = actor("France", "FRA", "FRA")
    predicted = [event("CONSULT", RUS, TUR), event("CONSULT", fra, actor("Chad", "TCD"))]
    report = run(tmp_path, SOCHI, predicted)
    assert report.events.precision == 0.5
    assert report.events_between_gold_actors.precision == 1


def test_dedup_article_counts(tmp_path):
    report = run(tmp_path, SOCHI, [event("CONSULT", RUS, TUR, num_articles=1)])
    assert (report.dedup.correct, report.dedup.checked) == (0, 1)


def test_negatives(tmp_path):
    gold = """
negatives:
  - {id: no-meeting, type: CONSULT, source: USA, target: IRQ}
  - {id: only-threatened, type: SANCTION, alt_types: [COERCE], source: USA, target: IRQ}
"""
    predicted = [
        event("CONSULT", IRQ, USA, modality="planned"),
        event("COERCE", USA, IRQ, modality="hypothetical"),
        event("CONSULT", IRQ, USA, event_id="bad"),
    ]
    report = run(tmp_path, gold, predicted)
    assert [(v["negative"], v["event_id"]) for v in report.negatives_violated] == [
        ("no-meeting", "bad")
    ]


# ---------------------------------------------------------------- quotes, actors, dates

QUOTES_GOLD = """
quotes:
  - {fragment: "we will reach a solution", speaker: {name: Erdogan}, direct: true}
  - {fragment: "the core of its interests", speaker: CHN, reported_by: {country: CHN}}
  - {fragment: "never stand alone", speaker: {name: Biden}, article: a2}
  - {fragment: "not in any quote"}
"""


def quote(text, speaker, article_id="a1", direct=False, reported_by=None):
    return {
        "quote_id": text[:8],
        "article_id": article_id,
        "text": text,
        "direct": direct,
        "speaker": speaker,
        "reported_by": reported_by,
    }


def test_quotes_recall_speaker_relayer_direct(tmp_path):
    erdogan = {"id": "TUR/person/erdogan", "name": "the Turkish leader", "country": "TUR"}
    xi = actor("Xi Jinping", "CHN")
    quotes = [
        quote("I believe we will reach a solution soon", erdogan, direct=True),
        quote("Taiwan lies at the core of its interests", xi, reported_by=actor("MFA", "CHN")),
        quote("Ukraine will never stand alone", actor("Joe Biden", "USA"), article_id="a1"),
    ]
    articles = [{"article_id": "a1"}, {"article_id": "a2"}]
    report = run(tmp_path, QUOTES_GOLD, [], quotes=quotes, articles=articles)
    assert (report.quote_recall.correct, report.quote_recall.checked) == (2, 4)
    assert (report.speaker.correct, report.speaker.checked) == (2, 2)
    assert (report.reported_by.correct, report.reported_by.checked) == (1, 1)
    assert (report.direct.correct, report.direct.checked) == (1, 1)
    assert report.missing_quotes == ["never stand alone", "not in any quote"]


def test_wrong_or_missing_speaker(tmp_path):
    gold = "quotes:\n  - {fragment: solution, speaker: {name: Erdogan}}\n"
    report = run(tmp_path, gold, [], quotes=[quote("a solution", None)])
    assert (report.speaker.correct, report.speaker.checked) == (0, 1)


ERDOGANS = ["Erdoğan", "Tayyip Erdogan"]


@pytest.mark.parametrize(
    ("actors", "ok", "reason"),
    [
        ([{**TUR, "aliases": ERDOGANS}], True, None),
        ([{**TUR, "aliases": ["Erdoğan"]}], False, "no actor has the alias"),
        (
            [{**TUR, "aliases": ["Erdoğan"]}, actor("Tayyip Erdogan", "TUR")],
            False,
            "split across 2",
        ),
        ([{**TUR, "country": "GRC", "aliases": ERDOGANS}], False, "country GRC"),
    ],
    ids=["one-actor", "alias-unseen", "split", "wrong-country"],
)
def test_alias_groups(tmp_path, actors, ok, reason):
    gold = "actors:\n  - {name: Erdogan, country: TUR, aliases: [Tayyip Erdogan]}\n"
    result = run(tmp_path, gold, [], actors=actors).alias_groups[0]
    assert result["ok"] is ok
    assert reason is None or reason in result["reason"]


def test_date_expressions_and_publication_dates(tmp_path):
    gold = """
dates:
  - {article: 01-talks.txt, expression: on Monday, start: 2023-09-04}
  - {article: 01-talks.txt, expression: last October, start: 2022-10-01, end: 2022-10-31}
  - {article: "Undated report", start: 2023-09-05, end: 2023-09-10}
  - {article: missing.txt, start: 2023-09-05}
"""
    articles = [
        {"article_id": "x", "source_path": "/data/01-talks.txt", "published": "2023-09-05"},
        {"article_id": "y", "title": "Undated report", "published": "2023-09-07"},
    ]
    mention = {"article_id": "x", "sentence": "They met on Monday in Sochi.", "start": 0, "end": 9}
    events = [event("CONSULT", RUS, TUR, mentions=[mention])]
    rows = run(tmp_path, gold, events, articles=articles).date_expressions
    assert [r["grade"] for r in rows] == ["exact", "not-found", "within", "article-not-found"]


def test_fold_and_word_containment():
    assert fold("İlham Aliyev’s") == fold("ILHAM  ALIYEV's") == "ilham aliyev's"
    assert fold("Erdoğan") == "erdogan" and fold("al-Ansari") == "al ansari"
    assert contains_name("May", "Theresa May") and not contains_name("May", "Mayor Sadiq Khan")


# ---------------------------------------------------------------- rendering


def test_json_and_text_rendering(tmp_path):
    report = run(tmp_path, SOCHI + QUOTES_GOLD, [event("CONSULT", RUS, TUR)])
    data = json.loads(json.dumps(to_json(report)))
    assert data["events"]["recall"] == 0.5 and data["events"]["per_type"]["CONSULT"]["f1"] == 1
    text = format_text(report)
    assert "recall 0.500 (1/2)" in text and "threat THREATEN" in text


# ---------------------------------------------------------------- bad gold files


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("g.yaml", "events: [", "cannot parse"),
        ("g.yaml", "- just a list\n", "must be a mapping"),
        ("g.yaml", "", "must be a mapping"),
        ("g.yaml", "events: []\n", "no events"),
        ("g.yaml", "evnets: []\n", "unknown section"),
        ("g.yaml", "events:\n  - {type: MEET, source: USA}\n", "unknown event type 'MEET'"),
        ("g.yaml", "events:\n  - {source: USA}\n", "missing field(s) ['type']"),
        ("g.yaml", "events:\n  - {type: AID, source: {country: usa}}\n", "alpha-3"),
        ("g.yaml", "events:\n  - {type: AID, source: {}}\n", "name, a country or both"),
        ("g.yaml", "events:\n  - {type: AID, sourc: USA}\n", "unknown field(s) ['sourc']"),
        ("g.yaml", "events:\n  - {type: AID, modality: maybe}\n", "modality 'maybe'"),
        ("g.yaml", "events:\n  - {type: AID, date: 2023-13-01}\n", "cannot parse gold file: month"),
        ("g.yaml", "events:\n  - {type: AID, date: 'Sept 4'}\n", "not a YYYY-MM-DD date"),
        (
            "g.yaml",
            "events:\n  - {type: AID, date: {start: 2023-02-02, end: 2023-02-01}}\n",
            "before start",
        ),
        ("g.yaml", "events:\n  - {id: a, type: AID}\n  - {id: a, type: AID}\n", "duplicate"),
        ("g.yaml", "events:\n  - {type: AID, articles: 0}\n", "positive whole number"),
        ("g.yaml", "quotes:\n  - {speaker: USA}\n", "missing field(s) ['fragment']"),
        ("g.yaml", "quotes:\n  - {fragment: x, direct: 'yes'}\n", "true or false"),
        ("g.jsonl", '{"section": "events", "type": "AID"}\n{oops\n', "g.jsonl:2: not valid JSON"),
        ("g.jsonl", '{"type": "AID"}\n', 'needs "section"'),
    ],
    ids=[
        "yaml-syntax", "not-mapping", "empty", "nothing-to-check", "unknown-section",
        "unknown-type", "missing-type", "lower-case-country", "empty-actor", "typo-field",
        "bad-modality", "impossible-date", "bad-date", "reversed-range", "duplicate-id",
        "zero-articles", "quote-no-fragment", "direct-not-bool", "jsonl-bad-line",
        "jsonl-no-section",
    ],
)  # fmt: skip
def test_bad_gold_file_is_a_usage_error(tmp_path, name, text, message):
    with pytest.raises(UsageError, match=re.escape(message)):
        load_gold(gold_file(tmp_path, text, name))


def test_missing_gold_file(tmp_path):
    with pytest.raises(UsageError, match="does not exist"):
        load_gold(tmp_path / "nope.yaml")


def test_jsonl_gold_equals_yaml_gold(tmp_path):
    lines = [
        {"section": "events", "id": "sochi", "type": "CONSULT", "source": "RUS", "target": "TUR",
         "date": "2023-09-04", "articles": 2, "location": {"name": "Sochi", "country": "RUS"}},
        {"section": "events", "id": "threat", "type": "THREATEN", "source": "USA",
         "target": "IRQ", "date": {"start": "2023-09-01", "end": "2023-09-10"}},
    ]  # fmt: skip
    jsonl = gold_file(tmp_path, "\n".join(json.dumps(x) for x in lines), "g.jsonl")
    yaml_gold = load_gold(gold_file(tmp_path, SOCHI))
    assert load_gold(jsonl).events == yaml_gold.events


# ---------------------------------------------------------------- the example corpus gold


def example_texts() -> dict[str, str]:
    """Each example article's raw text by the reference expected.yaml uses for it."""
    texts = {}
    for path in (EXAMPLES / "corpus").iterdir():
        if path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                texts[row["id"]] = row["text"]
        elif path.suffix == ".xml":
            raw = path.read_text(encoding="utf-8")
            for url in re.findall(r"<link>(https://[^<]+/\d{4}/[^<]+)</link>", raw):
                texts[url] = html.unescape(re.sub(r"<[^>]+>", " ", raw))
        elif path.suffix in {".txt", ".md", ".html"} and path.stem != "README":
            raw = path.read_text(encoding="utf-8")
            texts[path.name] = html.unescape(re.sub(r"<[^>]+>", " ", raw))
    return {key: " ".join(fold(text).split()) for key, text in texts.items()}


def test_example_gold_refers_to_real_text():
    """Every quote fragment, date expression and alias of expected.yaml is in the corpus."""
    gold = load_gold(EXAMPLES / "expected.yaml")
    texts = example_texts()
    assert len(texts) == 12
    for q in gold.quotes:
        assert fold(q.fragment) in texts[q.article], q.fragment
    for d in gold.dates:
        assert d.expression is None or fold(d.expression) in texts[d.article], d
    corpus = " ".join(texts.values())
    for group in gold.actors:
        for alias in group.aliases:
            assert contains_name(alias, corpus), alias


def perfect_predictions(gold) -> tuple[list[dict], list[dict], list[dict]]:
    """What a perfect system would export for `gold`: used to test the scoring itself."""

    def obj(spec, key):
        if spec is None:
            return actor("someone", "XXX", f"other/{key}")
        name = spec.name or spec.country
        return {"id": f"{spec.country}/{name}", "name": name, "country": spec.country}

    events = [
        event(
            e.type, obj(e.source, e.id), obj(e.target, e.id),
            e.start.isoformat() if e.start else None, e.end.isoformat() if e.end else None,
            e.modality, event_id=e.id, num_articles=e.articles or 1,
            location=({"name": e.location.name or "", "country": e.location.country}
                      if e.location else None),
        )
        for e in gold.events
    ]  # fmt: skip
    quotes = [
        quote(q.fragment, obj(q.speaker, i), q.article, bool(q.direct), obj(q.reported_by, i))
        for i, q in enumerate(gold.quotes)
    ]
    actors = [
        {"id": g.name, "name": g.name, "country": g.country, "aliases": list(g.aliases)}
        for g in gold.actors
    ]
    return events, quotes, actors


def test_a_perfect_system_scores_one_on_the_example_gold():
    gold = load_gold(EXAMPLES / "expected.yaml")
    events, quotes, actors = perfect_predictions(gold)
    articles = [{"article_id": ref} for ref in {q.article for q in gold.quotes}]
    report = evaluate(gold, events, quotes, actors, articles)
    assert (report.events.precision, report.events.recall) == (1, 1)
    assert report.optional_matched == sum(e.optional for e in gold.events)
    assert report.negatives_violated == []
    assert report.quote_recall.value == report.speaker.value == report.direct.value == 1
    assert all(g["ok"] for g in report.alias_groups)
    assert report.date_exact.value == report.locations.value == report.dedup.value == 1
