"""Quotes, tenth round: verbs of speech that praise, scold, plead or portray; a reported
clause the parser hangs on the hearer or reads as an adverbial clause; a reported question;
a gerund as what is said; "Said X: ..." opening any sentence; a headline split into
sentences or in capitals with a quotation after its colon; "his argument is that ...";
"In a statement, X ..."; questions and answers about something. Own sentences throughout."""

from __future__ import annotations

import pytest

from communique import quotes
from tests.test_quotes_round9 import _cue, _words


def _speaker(text: str, cue) -> str | None:
    return text[slice(*cue.speaker_span)] if cue.speaker_span else None


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "words"),
    [
        pytest.param(
            "The governor lauded the new bridge.",
            "lauded",
            "The governor",
            ["the new bridge"],
            id="laud-object",
        ),
        pytest.param(
            "The bishop implored them to stay.",
            "implored",
            "The bishop",
            ["them to stay"],
            id="implore-infinitive",
        ),
        pytest.param(
            "The mayor berated the contractor for the delays.",
            "berated",
            "The mayor",
            ["the contractor for the delays"],
            id="berate-for",
        ),
        pytest.param(
            "The opposition portrayed the budget as a gift to the rich.",
            "portrayed",
            "The opposition",
            ["the budget as a gift to the rich"],
            id="portray-as",
        ),
        pytest.param(
            "Senators grilled the banker about the missing funds.",
            "grilled",
            "Senators",
            ["the banker about the missing funds"],
            id="grill-about",
        ),
        pytest.param(
            "The host pressed her on how she would pay for the plan.",
            "pressed",
            "The host",
            ["her on how she would pay for the plan"],
            id="press-on",
        ),
    ],
)
def test_new_cue_verbs(nlp, text, cue, speaker, words):
    found = _cue(nlp, text, cue)
    assert _speaker(text, found) == speaker
    assert _words(text, found) == words


def test_paint_has_words_only_with_as(nlp):
    text = "The workers painted the fence on Sunday."
    assert _words(text, _cue(nlp, text, "painted")) == []


@pytest.mark.parametrize(
    ("text", "cue", "words"),
    [
        pytest.param(
            "In Fiji, he told a gathering of island leaders that few nations "
            "understood the danger better than theirs.",
            "told",
            ["few nations understood the danger better than theirs"],
            id="told-hearer-that",
        ),
        pytest.param(
            "The mayor said after the vote she would not accept the donation if it were offered.",
            "said",
            ["after the vote she would not accept the donation if it were offered"],
            id="said-phrase-clause",
        ),
        pytest.param(
            "Officials have not said when they would reopen the border.",
            "said",
            ["when they would reopen the border"],
            id="question-when-modal",
        ),
        pytest.param(
            "The senator has admitted taking money from the lobby.",
            "admitted",
            ["taking money from the lobby"],
            id="gerund",
        ),
    ],
)
def test_reported_clause_the_parser_hangs_elsewhere(nlp, text, cue, words):
    assert _words(text, _cue(nlp, text, cue)) == words


def test_said_before_a_name_opening_a_sentence(nlp):
    text = "The hearing ran late. Said Ortega: “Nobody here believes the figures.”"
    found = _cue(nlp, text, ":")
    assert _speaker(text, found) == "Ortega"
    assert _words(text, found) == ["Nobody here believes the figures"]


def test_headline_label_split_into_sentences(nlp):
    text = (
        "Marco Ortega: Mayor Asking Judge To Fact Check Rival ‘Reeks of Panic.’\n\n"
        "The court met on Monday."
    )
    found = _cue(nlp, text, ":")
    assert _speaker(text, found) == "Marco Ortega"
    assert _words(text, found)[0].startswith("Mayor Asking Judge")


def test_headline_in_capitals_quoting_its_subject(nlp):
    text = (
        "Angela Merkel Rebukes Bank Chief: ‘You Owe Savers an Apology.’\n\n"
        "Chancellor Angela Merkel questioned the chief executive on Tuesday."
    )
    found = _cue(nlp, text, ":")
    assert _speaker(text, found) == "Angela Merkel"
    assert _words(text, found) == ["You Owe Savers an Apology"]


def test_noun_cue_as_subject_of_be(nlp):
    text = "The ministry's argument is that the tariffs will protect local farms."
    found = _cue(nlp, text, "argument")
    assert _speaker(text, found) == "The ministry"
    assert _words(text, found) == ["the tariffs will protect local farms"]


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        pytest.param(
            "In a statement released on Friday, the union was more cautious than its members.",
            "the union",
            ["the union was more cautious than its members"],
            id="statement",
        ),
        pytest.param(
            "In an interview, the minister was open to new talks.",
            "the minister",
            ["the minister was open to new talks"],
            id="interview",
        ),
    ],
)
def test_setting_of_speech_gives_its_clause_to_the_subject(nlp, text, speaker, words):
    found = [c for c in quotes.attributions(nlp(text)) if c.cue.startswith("In a")]
    found = found or [c for c in quotes.attributions(nlp(text)) if c.cue.startswith("In an")]
    assert found
    assert _speaker(text, found[0]) == speaker
    assert _words(text, found[0]) == words


def test_question_about(nlp):
    text = "The audit raised questions about the mayor's travel budget."
    found = _cue(nlp, text, "questions")
    assert _words(text, found) == ["the mayor's travel budget"]


def test_speaker_at_an_occasion_of_speech(nlp):
    text = "The attorney general said at a news conference announcing that her office was suing."
    found = _cue(nlp, text, "announcing")
    assert _speaker(text, found) == "The attorney general"
    assert _words(text, found) == ["her office was suing"]
