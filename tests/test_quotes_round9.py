"""Quotes, ninth round: asides ("as X put it"), single-marked quotes beside double-marked
ones, acts under a modal or by a state inside another speaker's words, words quoted inside
a relayed stance, "the statement said" after "a statement by X", a group qualified by a
state, a participle after "X said,", and cue verbs whose words are an object. Own
sentences throughout."""

from __future__ import annotations

import pytest

from communique import quotes
from communique.quotes.marks import find_quotes
from communique.records import Mention
from tests.test_quotes import _run


def _mention(text: str, words: str, entity: str, kind: str = "unknown", role: str = "actor"):
    start = text.index(words)
    return Mention("t", 0, start, start + len(words), words, entity, kind=kind, role=role)


def _cue(nlp, text: str, word: str):
    found = [cue for cue in quotes.attributions(nlp(text)) if cue.cue == word]
    assert found, [cue.cue for cue in quotes.attributions(nlp(text))]
    return found[0]


def _words(text: str, cue) -> list[str]:
    return [text[start:end] for start, end in cue.contents]


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "words"),
    [
        pytest.param(
            "The port, as the mayor pointed out, has never closed.",
            "pointed out",
            "the mayor",
            ["The port", "has never closed"],
            id="aside-inside",
        ),
        pytest.param(
            "As the minister put it on Monday, the talks have stalled.",
            "put",
            "the minister",
            ["the talks have stalled"],
            id="aside-put-it-first",
        ),
        pytest.param(
            "The border stays open to trade, as the governor noted.",
            "noted",
            "the governor",
            ["The border stays open to trade"],
            id="aside-last",
        ),
        pytest.param(
            "After all, as we saw last year, prices can fall quickly.",
            "saw",
            "we",
            ["prices can fall quickly"],
            id="aside-belief-without-the-adverb",
        ),
    ],
)
def test_aside_gives_its_sentence_to_its_subject(nlp, text, cue, speaker, words):
    found = _cue(nlp, text, cue)
    assert text[slice(*found.speaker_span)] == speaker
    assert _words(text, found) == words


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("As he spoke, the crowd cheered loudly.", id="while-he-spoke"),
        pytest.param("As the officials continued to wait, the rain began.", id="own-words"),
        pytest.param("Prices rose even as the minister had predicted.", id="even-as"),
    ],
)
def test_as_that_is_no_aside(nlp, text):
    assert all(cue.contents == [] for cue in quotes.attributions(nlp(text)))


def test_clause_before_a_colon_is_not_the_cue_s_words(nlp):
    text = (
        "The rate is a term with a precise meaning: it refers to the share of adults without work."
    )
    [words] = _words(text, _cue(nlp, text, "refers"))
    assert words.startswith("the share of adults")


@pytest.mark.parametrize(
    ("text", "cue", "words"),
    [
        pytest.param(
            "The poll indicates a tightening race.", "indicates", "a tightening race", id="indicate"
        ),
        pytest.param("He did not suggest retaliation.", "suggest", "retaliation", id="suggest"),
        pytest.param("Most voters want lower taxes.", "want", "lower taxes", id="want"),
        pytest.param(
            "Analysts expect a rate cut in June.", "expect", "a rate cut in June", id="expect"
        ),
        pytest.param("Residents fear reprisals.", "fear", "reprisals", id="fear"),
        pytest.param(
            "The senator agreed with the governor.", "agreed", "the governor", id="agree-with"
        ),
        pytest.param(
            "Police identified the driver as a local teacher.",
            "identified",
            "the driver as a local teacher",
            id="identify-as",
        ),
    ],
)
def test_cue_whose_words_are_its_object(nlp, text, cue, words):
    assert _words(text, _cue(nlp, text, cue)) == [words]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "He called the strike 'unbalanced and unacceptable'. \"We will respond,\" he said.",
            ["unbalanced and unacceptable", "We will respond"],
            id="straight-singles-beside-doubles",
        ),
        pytest.param(
            "Peace in \u2018Our Time\u2019 \u2014 \u201cWe stay,\u201d she said.",
            ["Our Time", "We stay"],
            id="curly-singles-beside-doubles",
        ),
        pytest.param("It's rock 'n' roll from the '90s, he said.", [], id="apostrophes"),
        pytest.param(
            "The players' union said 'we will strike' today.",
            ["we will strike"],
            id="plural-possessive-before",
        ),
        pytest.param(
            "\"He told me 'never again' twice,\" she said.",
            ["He told me 'never again' twice"],
            id="inside-doubles-stays-inside",
        ),
    ],
)
def test_single_marks_beside_double_marks(text, expected):
    assert [text[s.start : s.end] for s in find_quotes(text)] == expected


def test_act_under_a_modal_is_not_relayed(nlp):
    text = (
        "The foreign ministry said its envoy told the ambassador that Lima should ask its "
        "citizens to stay calm."
    )
    found = _run(nlp, text)
    [quote] = [q for q in found if q.text.startswith("Lima should ask")]
    assert quote.speaker_mention == "its envoy"
    assert quote.reported_by == "The foreign ministry"


def test_a_state_s_act_is_the_speaker_s_account(nlp):
    text = "The prime minister said Tokyo had asked the embassy to protect its citizens."
    mentions = [
        _mention(text, "The prime minister", "pm", "person"),
        _mention(text, "Tokyo", "JPN", "state"),
    ]
    [quote] = _run(nlp, text, mentions)
    assert quote.text == "Tokyo had asked the embassy to protect its citizens"
    assert (quote.speaker, quote.reported_by) == ("pm", None)


def test_words_quoted_inside_a_relayed_stance_are_the_relayer_s(nlp):
    text = 'His office said Smith was willing to play "a constructive role" in the talks.'
    found = _run(nlp, text)
    [quote] = [q for q in found if q.direct]
    assert quote.text == "a constructive role"
    assert quote.speaker_mention == "His office"


def test_the_statement_speaks_for_its_earlier_owner(nlp):
    text = (
        "The decision was announced in a statement by the foreign minister on Monday. The "
        "accord no longer served the country, the statement said."
    )
    [quote] = _run(nlp, text, [_mention(text, "the foreign minister", "fm", "person")])
    assert quote.text == "The accord no longer served the country"
    assert quote.speaker == "fm"


def test_a_group_qualified_by_a_state_speaks_for_it(nlp):
    text = "A senior Peruvian delegation said the talks had failed."
    mentions = [_mention(text, "Peruvian", "PER", "state", "modifier")]
    [quote] = _run(nlp, text, mentions)
    assert (quote.speaker, quote.speaker_mention) == ("PER", "A senior Peruvian delegation")


def test_participle_after_a_speech_verb_takes_its_speaker(nlp):
    text = (
        '"We have come a long way, and we are not done," Ruiz said, not even needing to '
        "mention the old quarrel."
    )
    cue = _cue(nlp, text, "mention")
    assert text[slice(*cue.speaker_span)] == "Ruiz"


@pytest.mark.parametrize(
    ("text", "cue", "words"),
    [
        pytest.param(
            'The senator openly admires the general as a "strong leader," he said.',
            "admires",
            'the general as a "strong leader',
            id="object-as-quote",
        ),
        pytest.param(
            'In recent weeks, the senator has gone after the mayor as a "spoiled brat."',
            "gone",
            'the mayor as a "spoiled brat',
            id="preposition-object-as-quote",
        ),
    ],
)
def test_object_taken_for_quoted_words_is_the_subject_s(nlp, text, cue, words):
    found = _cue(nlp, text, cue)
    assert _words(text, found) == [words]
    assert text[slice(*found.speaker_span)].lower() == "the senator"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            'The family asked police to release the videos "as a matter of trust."',
            id="as-inside-quote",
        ),
        pytest.param(
            'The board imposed a fine as a warning against what it called "reckless trading."',
            id="another-cue-s-quote",
        ),
    ],
)
def test_quote_after_as_that_is_no_judgement(nlp, text):
    assert [cue.cue for cue in quotes.attributions(nlp(text))] in (["asked"], ["called"])


@pytest.mark.parametrize(
    ("text", "cue", "words"),
    [
        pytest.param(
            "Rights groups have expressed deep concern about the new law.",
            "concern",
            "the new law",
            id="concern-about",
        ),
        pytest.param(
            "The ministry's claims about the test were exaggerated.",
            "claims",
            "the test",
            id="claim-about",
        ),
        pytest.param(
            "The envoy faced sharp criticism for failing to act.",
            "criticism",
            "failing to act",
            id="criticism-for",
        ),
        pytest.param(
            "The two states unveiled a proposal for joint patrols.",
            "proposal",
            "joint patrols",
            id="proposal-for",
        ),
        pytest.param(
            "They left with hopes of returning next year.",
            "hopes",
            "returning next year",
            id="hope-of",
        ),
    ],
)
def test_noun_whose_words_follow_its_preposition(nlp, text, cue, words):
    assert _words(text, _cue(nlp, text, cue)) == [words]
