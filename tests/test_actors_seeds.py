"""Bar: in ../shared/seeds every surface form of a person resolves to one actor with the
right country, after within- and cross-article resolution. Only names of public figures and
their countries are listed here (facts); the reports themselves are read in place."""

from __future__ import annotations

import pytest

from communique.actors import extract, resolve_corpus
from communique.records import Article, Sentence

pytestmark = pytest.mark.shared

# person -> (country, surface forms the reports use for that person)
PEOPLE = {
    "blinken": ("USA", ["Antony Blinken", "Blinken"]),
    "aliyev": ("AZE", ["İlham Aliyev", "Ilham Aliyev", "Aliyev"]),
    "pashinyan": ("ARM", ["Nikol Pashinyan", "Pashinyan", "Nikol Pashinian", "Pashinian"]),
    "rzayev": ("AZE", ["Turan Rzayev", "Rzayev"]),
    "price": ("USA", ["Ned Price", "Price"]),
    "donfried": ("USA", ["Karen Donfried", "Donfried"]),
    "burns": ("USA", ["William Burns", "Burns"]),
    "putin": ("RUS", ["Vladimir Putin"]),
    "miller": ("USA", ["Matthew Miller", "Miller"]),
    "obrien": ("USA", ["Jame O\u2019Brien", "O\u2019Brien"]),
}


@pytest.fixture(scope="module")
def resolved(shared, nlp):
    mentions, items = [], []
    for path in sorted((shared / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = nlp(text)
        article = Article(article_id=path.stem, text=text)
        sentences = [
            Sentence(path.stem, i, s.start_char, s.end_char, s.text)
            for i, s in enumerate(doc.sents)
        ]
        found, actors = extract(doc, article, sentences)
        mentions += [(path.stem, m) for m in found]
        items += [(path.stem, a) for a in actors]
    mapping, actors = resolve_corpus(items)
    return mentions, mapping, {a.actor_id: a for a in actors}


@pytest.mark.parametrize("person", sorted(PEOPLE))
def test_every_form_of_a_person_is_one_actor_with_the_right_country(resolved, person):
    mentions, mapping, actors = resolved
    country, forms = PEOPLE[person]
    canonical = set()
    for form in forms:
        hits = [(a, m) for a, m in mentions if m.text == form and m.kind == "person"]
        assert hits, f"{form!r} was not detected as a person"
        canonical |= {mapping[(a, m.actor_id)] for a, m in hits}
    assert len(canonical) == 1, f"{person}: forms split over {sorted(canonical)}"
    (actor_id,) = canonical
    assert actors[actor_id].country == country
    assert actors[actor_id].kind == "person"


def test_distinct_people_stay_distinct(resolved):
    _, mapping, actors = resolved
    people = [a for a in actors.values() if a.kind == "person" and a.country]
    surnames = [a.name.split()[-1] for a in people]
    assert len(set(a.actor_id for a in people)) == len(people)
    assert len(surnames) == len(set(surnames))
