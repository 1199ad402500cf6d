"""Table-driven event coding cases (tests/data/event_cases.tsv), through the real pipeline:
spaCy, communique.actors.extract and communique.events.extract."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from communique.records import Article, Sentence

CASES = Path(__file__).parent / "data" / "event_cases.tsv"
SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}


def _rows() -> list[list[str]]:
    lines = CASES.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def code(nlp, text: str, published: dt.date | None = dt.date(2024, 3, 4)):
    """Events of a one-paragraph article, with each participant's country."""
    from communique import actors, events

    doc = nlp(text)
    article = Article("t", text, published=published)
    sentences = [
        Sentence("t", i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.sents)
    ]
    mentions, found = actors.extract(doc, article, sentences)
    country = {a.actor_id: a.country for a in found}
    coded = events.extract(doc, article, sentences, mentions, found, [])
    return coded, lambda entity: _country(entity, country)


def _country(entity: str | None, country: dict[str, str | None]) -> str:
    if entity is None:
        return "-"
    if country.get(entity):
        return country[entity]
    head = entity.split("/")[0]
    return head if len(head) == 3 and head.isupper() and head != "XXX" else "?"


@pytest.mark.parametrize("row", _rows(), ids=lambda row: row[0])
def test_event_case(nlp, row):
    check_row(nlp, row)


def check_row(nlp, row: tuple[str, ...]) -> None:
    """One case row (id, sentence, type or "!type" or "-", source, target, modality): the
    coded events of the sentence hold the row's event ("-" leaves a side free), none of a
    "!type" of that source and modality, or none at all for "-"."""
    _, sentence, kind, source, target, modality = row
    coded, country = code(nlp, sentence)
    if kind == "-":
        assert coded == []
        return
    found = [(e.event_type, country(e.source), country(e.target), e.modality) for e in coded]
    if kind.startswith("!"):  # no event of this type (from this source) with this modality
        assert not [
            f for f in found if f[0] == kind[1:] and f[3] == modality and source in ("-", f[1])
        ], found
        return
    wanted = {(kind, source, target, modality)}
    if kind in SYMMETRIC:
        wanted.add((kind, target, source, modality))
    if source == "-":
        assert any(f[0] == kind and f[3] == modality for f in found), found
    elif target == "-":
        assert any(f[0] == kind and f[1] == source and f[3] == modality for f in found), found
    else:
        assert wanted & set(found), found


def test_scene_phrase_names_no_target(nlp):
    """ "detained dozens during a protest against X": a time phrase names no side of the
    detention (and the protest is not the police's)."""
    coded, country = code(
        nlp,
        "Georgian police detained dozens of people during a protest against the Russian embassy.",
    )
    detentions = [e for e in coded if e.event_type == "COERCE"]
    assert detentions and all(country(e.target) != "RUS" for e in detentions)


def test_ruled_out_meeting_targets_other_side(nlp):
    """ "X's spokesman ruled out a meeting between X's leader and Y": Y is rejected, never the
    spokesman's own leader."""
    coded, country = code(
        nlp,
        "A Croatian government spokesman ruled out a meeting between Prime Minister Andrej "
        "Plenković and Serbian President Aleksandar Vučić.",
    )
    rejections = [e for e in coded if e.event_type == "REJECT"]
    assert rejections and all(country(e.target) == "SRB" for e in rejections)


def test_claim_of_responsibility_names_the_attacker(nlp):
    """ "Drones struck X. Y claimed responsibility": Y's account of the strike (reported); the
    strike as told keeps no source."""
    coded, country = code(
        nlp,
        "Armed drones struck Nigerian army positions near Maiduguri on Friday. "
        "Boko Haram claimed responsibility in a video released on Saturday.",
    )
    strikes = [e for e in coded if e.event_type == "ASSAULT"]
    assert any(e.source is None and e.modality == "asserted" for e in strikes), strikes
    claims = [e for e in strikes if e.source is not None]
    assert claims and all(e.modality == "reported" for e in claims), claims
    assert all(country(e.target) == country(strikes[0].target) for e in claims)


def test_no_claim_without_sourceless_attack(nlp):
    """A claim of responsibility with no attack told before it codes nothing."""
    coded, _ = code(nlp, "Boko Haram claimed responsibility in a video released on Saturday.")
    assert not [e for e in coded if e.event_type == "ASSAULT"]
