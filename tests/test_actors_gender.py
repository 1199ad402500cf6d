"""Gender hints from given names (data/given_names.tsv) and their use in pronoun resolution:
"he"/"she" skip an earlier person whose given name marks the other gender. Texts written for
these tests."""

from __future__ import annotations

from collections import Counter

import pytest

from communique.actors import names
from communique.actors.found import Found
from communique.actors.resolve import Entity
from tests.conftest import analyse_text


def _rows() -> list[tuple[str, str]]:
    rows = []
    for line in names.GIVEN_NAMES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, gender = line.split("\t")
            rows.append((name, gender))
    return rows


def test_table_has_a_provenance_header_and_enough_names():
    text = names.GIVEN_NAMES.read_text(encoding="utf-8")
    header = "\n".join(line for line in text.splitlines()[:40] if line.startswith("#"))
    assert "by hand" in header and "Apache-2.0" in header and "Known problems" in header
    assert len(_rows()) >= 1500


def test_table_rows_are_well_formed_and_unique():
    rows = _rows()
    assert all(gender in ("m", "f") for _, gender in rows)
    assert all(name and name == name.strip() and "\t" not in name for name, _ in rows)
    folded = Counter(" ".join(names.name_tokens(name)) for name, _ in rows)
    assert "" not in folded
    assert [k for k, n in folded.items() if n > 1] == []  # also up to case and diacritics
    assert len(names.given_names()) == len(rows)
    genders = Counter(gender for _, gender in rows)
    assert genders["m"] > 500 and genders["f"] > 500


def test_table_leaves_out_names_used_for_both_genders():
    table = names.given_names()
    for name in ("jean", "andrea", "nikita", "kim", "sasha", "robin", "alexis", "dominique"):
        assert name not in table, name
    for name in ("claude", "jordan", "karen", "michal", "simone", "nicola", "jan"):
        assert name not in table, name


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("Mette Frederiksen", "f"),
        ("Donald Trump", "m"),
        ("Giorgia Meloni", "f"),
        ("Recep Tayyip Erdoğan", "m"),
        ("Jarosław Kaczyński", "m"),
        ("JAROSLAW KACZYNSKI", "m"),  # folded: case and diacritics do not matter
        ("Ngozi Okonjo-Iweala", "f"),
        ("Jean-Yves Le Drian", "m"),  # a hyphenated French given name, whole
        ("Sahle-Work Zewde", "f"),
        ("Moon Jae-in", "m"),  # an East Asian given name after the family name
        ("Tsai Ing-wen", "f"),
        ("Yoon Suk Yeol", "m"),
        ("Kassym-Jomart Tokayev", "m"),
        ("Fumio Kishida", "m"),
        ("Claudia Sheinbaum", "f"),
        ("Jean Castex", ""),  # ambiguous given name: no hint
        ("Andrea Abodi", ""),
        ("Xi Jinping", ""),  # a family name first and a plain given name: no hint
        ("Frederiksen", ""),  # one word: a surname says nothing
        ("Meloni", ""),
    ],
)
def test_gender_hint(name, gender):
    assert names.gender_hint(names.name_tokens(name)) == gender


def test_honorific_beats_a_given_name_in_an_entity():
    hint = Found(0, 2, "person", name=("x", "y"), gender="m", named=True)
    said = Found(5, 7, "person", name=("y",), gender="f")
    for order in ((hint, said), (said, hint)):
        entity = Entity("person", "x y")
        for f in order:
            entity.absorb(f)
        assert (entity.gender, entity.named) == ("f", False)


# ---------------------------------------------------------------------------- end to end
def _analyse(nlp, text: str):
    return analyse_text(nlp, text, "2022-11-14")


def _pronoun_entities(result, word: str) -> list[str | None]:
    return [m.entity for m in result.mentions if m.text == word]


def _entity_of(result, text: str) -> str:
    hits = [m.entity for m in result.mentions if m.text == text and m.role == "actor"]
    assert hits, f"no mention {text!r} in {[m.text for m in result.mentions]}"
    return hits[0]


def test_he_skips_a_woman_in_the_same_sentence(nlp):
    text = (
        "Danish Prime Minister Mette Frederiksen called the idea absurd. "
        "Donald Trump postponed his visit to Copenhagen. "
        "Because Frederiksen had shown no interest in a sale, he wrote, "
        "he would postpone the meeting."
    )
    result = _analyse(nlp, text)
    trump = _entity_of(result, "Donald Trump")
    assert _entity_of(result, "Frederiksen") == _entity_of(result, "Mette Frederiksen")
    assert _pronoun_entities(result, "he") == [trump, trump]
    quoted = [q for q in result.quotes if "postpone the meeting" in q.text]
    assert quoted and all(q.speaker == trump for q in quoted)


def test_he_skips_a_woman_to_reach_the_previous_subject(nlp):
    text = (
        "Finnish President Sauli Niinistö arrived in Tallinn on Monday. "
        "After Kaja Kallas greeted the delegation at the airport, he thanked Estonia "
        "for its support."
    )
    result = _analyse(nlp, text)
    assert _pronoun_entities(result, "he") == [_entity_of(result, "Sauli Niinistö")]


def test_she_skips_a_man_named_by_surname_only(nlp):
    text = (
        "Italian Prime Minister Giorgia Meloni welcomed Pedro Sánchez to Rome on Tuesday. "
        "After Sánchez had spoken about migration, she proposed joint patrols "
        "in the Mediterranean."
    )
    result = _analyse(nlp, text)
    meloni = _entity_of(result, "Giorgia Meloni")
    assert _entity_of(result, "Sánchez") == _entity_of(result, "Pedro Sánchez") != meloni
    assert _pronoun_entities(result, "she") == [meloni]


def test_she_said_quote_goes_to_the_woman(nlp):
    text = (
        "Mexican President Claudia Sheinbaum spoke to reporters in Mexico City on Friday. "
        "When Marcelo Ebrard presented the new trade figures, she said the tariffs would "
        "hurt both countries."
    )
    result = _analyse(nlp, text)
    sheinbaum = _entity_of(result, "Claudia Sheinbaum")
    assert _pronoun_entities(result, "she") == [sheinbaum]
    quoted = [q for q in result.quotes if "tariffs" in q.text]
    assert quoted and quoted[0].speaker == sheinbaum


def test_he_said_quote_goes_to_the_man(nlp):
    text = (
        "Nigerian President Muhammadu Buhari received Ngozi Okonjo-Iweala in Abuja on "
        "Thursday. Okonjo-Iweala's plan deserves the support of every member state, he said."
    )
    result = _analyse(nlp, text)
    buhari = _entity_of(result, "Muhammadu Buhari")
    quoted = [q for q in result.quotes if "deserves the support" in q.text]
    assert quoted and quoted[0].speaker == buhari
    assert quoted[0].speaker_mention == "he"


def test_unknown_gender_keeps_the_nearest_person(nlp):
    """An ambiguous given name gives no hint: "he" is still the nearest person in the
    sentence, as before the given-name table."""
    text = (
        "Kenyan President William Ruto opened the climate summit in Nairobi. "
        "When Kim Mwangi presented the drought report, he warned that the dry season "
        "would last."
    )
    result = _analyse(nlp, text)
    assert _pronoun_entities(result, "he") == [_entity_of(result, "Kim Mwangi")]


def test_no_gender_hint_from_an_unlisted_name(nlp):
    text = (
        "Polish Foreign Minister Radosław Sikorski flew to Kyiv. "
        "After Zorgath Varnuk had briefed the press, she left for Lviv."
    )
    result = _analyse(nlp, text)
    # "Zorgath" is in no list: "she" may refer to that person (the nearest one), never to
    # the man whose given name is known.
    assert _pronoun_entities(result, "she") == [_entity_of(result, "Zorgath Varnuk")]


def test_a_pronoun_with_one_possible_person_teaches_its_gender(nlp):
    """Nobody else could be "she": the unlisted person is a woman for the rest of the article,
    so a later "he" skips her."""
    text = (
        "Zorgath Varnuk opened the talks in Geneva on Monday. She called for a ceasefire. "
        "Later Quillon Marrah arrived from Accra. "
        "When Varnuk had finished her speech, he left the room."
    )
    result = _analyse(nlp, text)
    varnuk = _entity_of(result, "Zorgath Varnuk")
    assert _pronoun_entities(result, "She") == [varnuk]
    assert _pronoun_entities(result, "he") == [_entity_of(result, "Quillon Marrah")]


def test_no_gender_is_learnt_when_an_unnamed_office_could_be_meant(nlp):
    """ "She" may be the foreign minister nobody named: the person keeps no gender."""
    text = (
        "The foreign minister met Zorgath Varnuk in Geneva. She called for a ceasefire. "
        "Later Quillon Marrah arrived from Accra. When Varnuk had finished, he left the room."
    )
    result = _analyse(nlp, text)
    assert _pronoun_entities(result, "he") == [_entity_of(result, "Zorgath Varnuk")]
