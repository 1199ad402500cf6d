"""The knowledge-base EntityRuler: placement, labels, ids and the case filter."""

from __future__ import annotations

import pytest

from communique.actors.ruler import CASE_NAME, RULER_NAME, add_entity_ruler


def test_ruler_sits_before_the_ner_and_is_added_once(nlp):
    names = nlp.pipe_names
    assert names.index(RULER_NAME) < names.index(CASE_NAME) < names.index("ner")
    add_entity_ruler(nlp)
    assert nlp.pipe_names == names


@pytest.mark.parametrize(
    ("text", "span", "label", "ent_id"),
    [
        pytest.param(
            "CIA Director William Burns made a surprise visit to Yerevan.",
            "Yerevan",
            "GPE",
            "capital:ARM",
            id="capital-not-person",
        ),
        pytest.param(
            "Pashinian spoke with Baku and Ankara.", "Ankara", "GPE", "capital:TUR", id="capital"
        ),
        pytest.param(
            "Azeri officials met Armenian diplomats.",
            "Azeri",
            "NORP",
            "adjective:AZE",
            id="adjective-variant",
        ),
        pytest.param(
            "Emirati and Qatari envoys arrived.",
            "Emirati",
            "NORP",
            "adjective:ARE",
            id="adjective-emirati",
        ),
        pytest.param(
            "The Kremlin said the talks were useful.", "Kremlin", "FAC", "metonym:RUS", id="metonym"
        ),
        pytest.param(
            "Sri Lanka asked the IMF for help.",
            "Sri Lanka",
            "GPE",
            "country:LKA",
            id="country-ner-calls-person",
        ),
        pytest.param(
            "The WHO declared an emergency.", "WHO", "ORG", "organisation:IGO/WHO", id="acronym-org"
        ),
        pytest.param(
            "Côte d'Ivoire recalled its ambassador.",
            "Côte d'Ivoire",
            "GPE",
            "country:CIV",
            id="diacritics",
        ),
    ],
)
def test_knowledge_base_forms_get_the_right_label(nlp, text, span, label, ent_id):
    doc = nlp(text)
    found = {e.text: (e.label_, e.ent_id_) for e in doc.ents}
    assert found.get(span) == (label, ent_id)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        pytest.param("They roasted a turkey for the holiday.", "turkey", id="turkey-the-bird"),
        pytest.param("The minister told us the talks had failed.", "us", id="us-pronoun"),
        pytest.param("Who will pay for the damage is unclear.", "Who", id="who-question"),
        pytest.param("The talks in Russia today were tense.", "today", id="case-of-multiword-form"),
    ],
)
def test_ordinary_words_are_not_pinned(nlp, text, word):
    doc = nlp(text)
    pinned = {t.text for e in doc.ents if e.ent_id_ for t in e}
    assert word not in pinned
    assert all(not t.ent_id_ for t in doc if t.text == word)
