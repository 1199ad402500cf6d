"""Table-driven actor cases (tests/data/actor_cases.tsv): detection, within-article
resolution, metonymy and roles on sentences the project wrote itself."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from communique.actors import extract
from communique.records import Article, Sentence

TABLE = Path(__file__).parent / "data" / "actor_cases.tsv"
FIELDS = ("id", "sentence", "mention", "country", "kind", "title", "role", "status")


def _rows() -> list:
    lines = [
        line
        for line in TABLE.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    rows = list(
        csv.DictReader(lines[1:], fieldnames=FIELDS, delimiter="\t", quoting=csv.QUOTE_NONE)
    )
    params = []
    for row in rows:
        marks = (
            [pytest.mark.xfail(reason="known gap", strict=True)] if row["status"] == "xfail" else []
        )
        params.append(pytest.param(row, id=row["id"], marks=marks))
    return params


def test_case_ids_are_unique():
    ids = [p.id for p in _rows()]
    assert len(ids) == len(set(ids)) and len(ids) >= 200


def run(nlp, text: str):
    doc = nlp(text)
    article = Article(article_id="case", text=text)
    sentences = [
        Sentence("case", i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.sents)
    ]
    return extract(doc, article, sentences)


@pytest.mark.parametrize("row", _rows())
def test_actor_case(nlp, row):
    mentions, actors = run(nlp, row["sentence"])
    hits = [m for m in mentions if m.text == row["mention"]]
    if row["kind"] == "absent":
        assert not hits, f"unexpected mention {hits}"
        return
    assert hits, f"no mention {row['mention']!r} in {[m.text for m in mentions]}"
    expected_country = None if row["country"] == "-" else row["country"]
    want = (expected_country, row["kind"], row["title"], row["role"])
    got = [_observed(m, row) for m in hits]
    assert want in got, f"{want} not in {got}"
    m = hits[got.index(want)]
    ids = {a.actor_id for a in actors}
    assert m.actor_id is None or m.actor_id in ids


def _observed(m, row) -> tuple:
    """The fields the row checks (an empty expectation is not checked)."""
    return (
        m.country,
        m.kind if row["kind"] else "",
        m.title if row["title"] else "",
        m.role if row["role"] else "",
    )


def test_empty_article(nlp):
    assert run(nlp, "") == ([], [])


def test_every_mention_points_at_a_returned_actor_with_aliases(nlp):
    text = (
        "Kenyan President William Ruto met Ugandan President Yoweri Museveni in Kampala. "
        "Ruto said Nairobi backed the plan. He added that the East African Community would meet."
    )
    mentions, actors = run(nlp, text)
    by_id = {a.actor_id: a for a in actors}
    assert len(by_id) == len(actors)
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.entity == (m.actor_id or "unresolved")
        assert m.actor_id is None or m.actor_id in by_id
    ruto = by_id["KEN/person/william-ruto"]
    assert ruto.aliases[:2] == ["William Ruto", "Ruto"] and ruto.name == "William Ruto"
    assert by_id["KEN"].aliases == ["Nairobi"]


def _relabel(doc, text: str, label: str):
    """The same parse with the NER label of `text` replaced (an NER error made on purpose)."""
    from spacy.tokens import Span

    start = doc.text.index(text)
    span = doc.char_span(start, start + len(text))
    others = [e for e in doc.ents if e.end <= span.start or e.start >= span.end]
    doc.ents = sorted(
        [*others, Span(doc, span.start, span.end, label=label)], key=lambda e: e.start
    )
    return doc


def test_city_mislabelled_as_person_is_a_place(nlp):
    text = "The two ministers held talks in Mombasa on Friday."
    doc = _relabel(nlp(text), "Mombasa", "PERSON")
    sentences = [
        Sentence("case", i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.sents)
    ]
    mentions, actors = extract(doc, Article(article_id="case", text=text), sentences)
    (city,) = [m for m in mentions if m.text == "Mombasa"]
    assert (city.kind, city.country, city.role) != ("person", None, "actor")
    assert city.country == "KEN" and city.role == "location"
    assert not [a for a in actors if a.kind == "person"]


def test_idle_countryless_offices_are_not_actors(nlp):
    mentions, actors = run(
        nlp, "Soldiers fired on a crowd of civilians. Journalists later said the army denied it."
    )
    ids = {a.actor_id for a in actors}
    assert "XXX/role/civilian" not in ids and "XXX/role/journalist" in ids
    (civilians,) = [m for m in mentions if m.text == "civilians"]
    assert civilians.actor_id is None and civilians.reason


def test_bloc_leaders_act_as_the_bloc_and_are_named_by_it(nlp):
    text = (
        "West African leaders gave the junta a week on Sunday. The Economic Community of "
        "West African States closed its borders, and the leaders said force was possible."
    )
    mentions, actors = run(nlp, text)
    leaders = [m for m in mentions if m.text == "leaders"]
    assert len(leaders) == 2 and {m.actor_id for m in leaders} == {"IGO/ECOWAS"}
    bloc = next(a for a in actors if a.actor_id == "IGO/ECOWAS")
    assert bloc.name == "Economic Community of West African States"


@pytest.mark.parametrize(
    ("text", "actor_id", "alias"),
    [
        pytest.param(
            "The commander of the Syrian Democratic Forces, Mazloum Abdi, said the truce held.",
            "REB/SDF",
            "Syrian Democratic Forces",
            id="organisation-named-only-as-a-modifier",
        ),
        pytest.param(
            "The deputy head of Hamas, Khalil al-Hayya, flew to Cairo. Hamas said talks went on.",
            "REB/HAMAS",
            "Hamas",
            id="organisation-modifier-and-actor",
        ),
        pytest.param(
            "Talks were led by the Taliban's political chief, Mullah Abdul Ghani Baradar.",
            "AFG/person/abdul-ghani-baradar",
            "Mullah Abdul Ghani Baradar",
            id="religious-title-kept-in-an-alias",
        ),
        pytest.param(
            "Sheikh Tamim bin Hamad Al Thani met Saudi Crown Prince Mohammed bin Salman.",
            "SAU/person/mohammed-bin-salman",
            "Crown Prince Mohammed bin Salman",
            id="crown-prince-kept-in-an-alias",
        ),
    ],
)
def test_names_written_around_a_mention_are_aliases(nlp, text, actor_id, alias):
    _, actors = run(nlp, text)
    by_id = {a.actor_id: a for a in actors}
    assert actor_id in by_id, sorted(by_id)
    assert alias in by_id[actor_id].aliases


def test_group_is_named_by_its_own_mention_not_a_modifier(nlp):
    _, actors = run(nlp, "Ghani rejects prisoner release in US-Taliban deal. The Taliban agreed.")
    taliban = next(a for a in actors if a.actor_id == "REB/TALIBAN")
    assert taliban.name == "Taliban" and "US" not in taliban.aliases


def _ids(nlp, text: str) -> dict[str, set]:
    mentions, _ = run(nlp, text)
    found: dict[str, set] = {}
    for m in mentions:
        found.setdefault(m.text, set()).add(m.actor_id)
    return found


def test_envoys_from_an_organisation_are_its_own(nlp):
    ids = _ids(
        nlp,
        "Regional envoys arrived in the capital. Envoys from the Southern African Development "
        "Community met the army chief on Monday.",
    )
    assert ids["Envoys"] == {"IGO/SADC/role/envoy"}
    assert ids["envoys"] == {"XXX/role/envoy"}


def test_alliance_is_the_organisation_not_a_later_organ(nlp):
    ids = _ids(
        nlp,
        "The Collective Security Treaty Organization agreed to send troops. He resigned as "
        "head of the Security Council. Critics asked why the government called in the alliance.",
    )
    assert ids["alliance"] == {"IGO/CSTO"}


def test_head_of_an_organisation_acts_for_it(nlp):
    ids = _ids(nlp, "Antonio Guterres condemned the coup on Sunday and called for calm.")
    assert ids["Antonio Guterres"] == {"IGO/person/antonio-guterres"}
