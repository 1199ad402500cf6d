"""Quotes: the case table (tests/data/quote_cases.tsv) through the real parser, with actor
mentions made by hand (one per noun chunk and pronoun), plus the quotation-mark scanner."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from spacy.tokens import Doc

from communique import quotes
from communique.quotes.marks import find_quotes
from communique.records import Article, Mention, Sentence
from tests.conftest import analyse_text

CASES = Path(__file__).parent / "data" / "quote_cases.tsv"


def _cases() -> list[dict[str, str]]:
    lines = [
        line for line in CASES.read_text("utf-8").splitlines() if line and not line.startswith("#")
    ]
    rows = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{key: value.replace("\\n", "\n") for key, value in row.items()} for row in rows]


def _run(nlp, text: str, mentions=None):
    doc = nlp(text)
    article = Article("t", text)
    sentences = [
        Sentence("t", i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.sents)
    ]
    if mentions is None:
        mentions = _chunk_mentions(doc)
    return quotes.extract(doc, article, sentences, mentions)


def _chunk_mentions(doc) -> list[Mention]:
    """Stand-in for the actors stage: every noun chunk is a mention, its text the entity."""
    spans = list(doc.noun_chunks)
    return [
        Mention("t", 0, span.start_char, span.end_char, span.text, entity=span.text)
        for span in spans
    ]


@pytest.mark.parametrize("case", _cases(), ids=lambda case: case["id"])
def test_quote_case(nlp, case):
    found = _run(nlp, case["text"])
    matching = [q for q in found if q.text == case["quote"]]
    assert matching, f"no quote {case['quote']!r} in {[q.text for q in found]}"
    quote = matching[0]
    assert quote.direct is (case["direct"] == "yes")
    assert quote.speaker_mention == case["speaker"]
    assert quote.speaker is not None and quote.unresolved_reason is None
    assert (quote.reported_by or "") == case["reported_by"]
    assert case["text"][quote.start : quote.end] == quote.text


def test_speaker_is_the_mention_at_the_subject_head(nlp):
    text = "Canada's foreign minister told the summit that the treaty was overdue."
    mention = Mention("t", 0, text.index("foreign"), text.index(" told"), "foreign minister", "e7")
    decoy = Mention("t", 0, 0, 6, "Canada", "e1", role="modifier")
    [quote] = _run(nlp, text, [decoy, mention])
    assert (quote.speaker, quote.speaker_mention) == ("e7", "Canada's foreign minister")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        pytest.param('"We have no choice," she said.', "pronoun with no antecedent", id="pronoun"),
        pytest.param(
            "The talks failed, Malaysia's envoy said.",
            "speaker is not an actor mention: Malaysia's envoy",
            id="no-mention",
        ),
        pytest.param('The slogan "land for peace" is back.', "no speaker found", id="no-cue"),
        pytest.param(
            "The minister was accused of hiding the audit report.",
            "no speaker found",
            id="passive-subject-is-not-the-speaker",
        ),
    ],
)
def test_unresolved_speaker_has_a_reason(nlp, text, reason):
    [quote] = _run(nlp, text, [])
    assert quote.speaker is None
    assert quote.unresolved_reason == reason


def test_media_content_is_no_speaker(nlp):
    text = "Footage released by the ministry showed the two ministers shaking hands."
    [quote] = _run(nlp, text)
    assert quote.text == "the two ministers shaking hands"
    assert quote.speaker is None and quote.speaker_mention is None
    assert quote.unresolved_reason == "media content is no speaker: Footage"


def test_nearest_name_is_never_the_default(nlp):
    text = "\u201cPrices will keep rising for months.\u201d\n\nOfficials from Chile and Peru met."
    [quote] = _run(nlp, text)
    assert quote.direct and quote.speaker is None and quote.unresolved_reason == "no speaker found"


def test_short_quote_without_cue_is_a_scare_quote(nlp):
    assert _run(nlp, 'The so-called "reset" did not last.') == []


def test_quote_ids_are_stable_and_ordered(nlp):
    text = (
        '"We are ready," the Ghanaian president said. Ghana\'s minister said the budget was sound.'
    )
    found = _run(nlp, text)
    assert [q.quote_id for q in found] == ["t:q1", "t:q2"]
    assert [q.start for q in found] == sorted(q.start for q in found)
    assert found[1].sentence_index == 1


def test_extract_refuses_a_parse_of_other_text(nlp):
    doc = nlp("Peru's president said no.")
    with pytest.raises(ValueError):
        quotes.extract(doc, Article("t", "Something else."), [], [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param('He said "yes" twice.', ["yes"], id="straight"),
        pytest.param("\u201cOne. Two,\u201d she said.", ["One. Two"], id="curly-trailing-comma"),
        pytest.param("\u201cA.\n\n\u201cB.\u201d", ["A.\n\n\u201cB."], id="continued-paragraph"),
        pytest.param(
            "\u201cA is open\n\nB follows.", ["A is open"], id="unclosed-ends-with-paragraph"
        ),
        pytest.param("\u00abNon,\u00bb a-t-il dit.", ["Non"], id="guillemets"),
        pytest.param("It's the minister's plan.", [], id="apostrophes-are-not-quotes"),
        pytest.param('Two "a" and "b" here.', ["a", "b"], id="two-quotes"),
        pytest.param(
            "Intro.\n\u201dWe stay.\u201d \u2015 Ana Ruiz", ["We stay."], id="misdirected-opener"
        ),
        pytest.param("He paused\u201d and left.", [], id="closing-mark-inside-a-line"),
        pytest.param(
            "\u2018The ministers\u2019 plan failed,\u2019 he said.",
            ["The ministers\u2019 plan failed"],
            id="single-marks-plural-possessive-inside",
        ),
        pytest.param(
            "It was \u2018unfair\u2019. \u2018We go,\u2019 she said.",
            ["unfair", "We go"],
            id="single-marks-twice",
        ),
        pytest.param(
            "The \u201cplan\u201d is \u2018done,\u2019 he said.",
            ["plan", "done"],
            id="single-beside-double-style",
        ),
    ],
)
def test_find_quotes(text, expected):
    assert [text[s.start : s.end] for s in find_quotes(text)] == expected


def test_with_actor_mentions_a_pronoun_speaker_joins_its_antecedent(nlp):
    """End to end with communique.actors: "he told reporters" is the president named before."""
    from communique import actors

    text = (
        "Kenyan President William Ruto said on Monday that his government would send police "
        "officers to Haiti.\n\n\u201cWe will not abandon the people of Haiti,\u201d he told "
        "reporters in Nairobi. \u201cThe mission is ready.\u201d"
    )
    doc = nlp(text)
    article = Article("k", text)
    sentences = [
        Sentence("k", i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.sents)
    ]
    mentions, _ = actors.extract(doc, article, sentences)
    found = quotes.extract(doc, article, sentences, mentions)
    assert [q.direct for q in found] == [False, True, True]
    assert [q.speaker_mention for q in found] == ["Kenyan President William Ruto", "he", "he"]
    assert found[0].speaker is not None
    assert {q.speaker for q in found} == {found[0].speaker}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The Chilean president believes in open trade.", id="belief-no-clause"),
        pytest.param("Soldiers found the wreckage near the border.", id="found-object"),
        pytest.param("Correction: An earlier version misspelled the envoy's name.", id="note"),
        pytest.param("The governor refused to sign the budget bill.", id="refusal-is-an-act"),
        pytest.param("It is clear that the harbour will stay shut.", id="clear-no-holder"),
        pytest.param("The new rule makes sure that every ship is checked.", id="make-sure-acts"),
        pytest.param("The guards saw the plane as it landed at dawn.", id="saw-as-it-landed"),
        pytest.param("She looked him in the eyes and left the room.", id="in-the-eyes-act"),
        pytest.param("The Greek premier is ready to talk.", id="stance-not-relayed"),
    ],
)
def test_no_attribution_without_a_complement(nlp, text):
    assert _run(nlp, text) == []


def test_speaker_label_opens_a_paragraph(nlp):
    text = "Jens Stoltenberg: The alliance will not be divided by these threats.\n"
    [quote] = _run(nlp, text)
    assert (quote.text, quote.speaker_mention, quote.cue) == (
        "The alliance will not be divided by these threats",
        "Jens Stoltenberg",
        ":",
    )


def test_a_photo_caption_label_is_no_quote(nlp):
    text = (
        "Ruto in Dodoma: a border deal and a cold reply from Kampala\n\n"
        "Photo: William Ruto and Samia Suluhu Hassan shake hands in State House.\n\n"
        "William Ruto's trip to Dodoma on Wednesday lasted barely ten hours.\n"
    )
    quotes = analyse_text(nlp, text, "2024-03-05").quotes
    assert not [q for q in quotes if q.text.startswith("William Ruto and Samia")]


def _mention(text: str, words: str, entity: str, after: int = 0, title=None) -> Mention:
    start = text.index(words, after)
    return Mention("t", 0, start, start + len(words), words, entity, title=title)


def test_name_in_apposition_speaks(nlp):
    text = "The Kremlin replied. Its spokesman, Dmitry Peskov, said the talks had stalled."
    [quote] = _run(nlp, text, [_mention(text, "Dmitry Peskov", "peskov")])
    assert (quote.speaker, quote.speaker_mention) == ("peskov", "Its spokesman")


def test_definite_title_joins_the_named_holder(nlp):
    text = (
        "Crown Prince Mohammed bin Salman met the envoy in Riyadh. "
        "The prince said the kingdom wanted calm in the region."
    )
    name = _mention(text, "Crown Prince Mohammed bin Salman", "mbs", title="crown prince")
    decoy = _mention(text, "the envoy", "envoy", title="envoy")
    [quote] = _run(nlp, text, [name, decoy])
    assert (quote.speaker, quote.speaker_mention) == ("mbs", "The prince")


def test_own_act_is_not_relayed(nlp):
    text = "The president told reporters that he had raised the detention of two journalists."
    mentions = [_mention(text, "The president", "p"), _mention(text, "he", "p", 20)]
    [quote] = _run(nlp, text, mentions)
    assert quote.text == "he had raised the detention of two journalists"
    assert (quote.speaker, quote.reported_by) == ("p", None)


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        pytest.param(
            "The envoy condemned what he called a reckless provocation by the neighbour.",
            ["condemned"],
            id="inside-words",
        ),
        pytest.param(
            "The ministry published what it called a final offer to the striking workers.",
            ["called"],
            id="no-other-cue",
        ),
    ],
)
def test_what_a_pronoun_called_is_part_of_the_words_around_it(nlp, text, cues):
    assert [cue.cue for cue in quotes.attributions(nlp(text))] == cues


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        pytest.param(
            "The Kenyan president said he thinks the new constitution will bring peace.",
            ["said"],
            id="belief",
        ),
        pytest.param(
            "The envoy said the government's claim that the dam was safe had been refuted.",
            ["said"],
            id="noun",
        ),
        pytest.param(
            "The ministry said the president welcomed the plan for a joint commission.",
            ["said"],
            id="diplomatic-act",
        ),
        pytest.param(
            "The envoy said the rebels had told him that they would disarm.",
            ["said", "told"],
            id="speech-stays",
        ),
    ],
)
def test_cue_inside_other_words_is_part_of_them(nlp, text, cues):
    assert [cue.cue for cue in quotes.attributions(nlp(text))] == cues


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "The senator, who said the vote would pass easily, left the chamber early.",
            "The senator",
            id="subject",
        ),
        pytest.param(
            "The envoy, who met the rebel leaders and called for a ceasefire, flew home.",
            "The envoy",
            id="inherited",
        ),
    ],
)
def test_relative_pronoun_is_the_source_as_written(nlp, text, speaker):
    [cue] = quotes.attributions(nlp(text))
    assert text[slice(*cue.source_span)] == "who"
    assert text[slice(*cue.speaker_span)] == speaker
    [quote] = _run(nlp, text)
    assert quote.speaker_mention == speaker


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        pytest.param(
            "He said, \"I like the phrase 'fair trade.' \" Then he left.",
            "I like the phrase 'fair trade.'",
            id="inner-quote-last",
        ),
        pytest.param(
            "She said, \" 'Fair trade' is our motto.\" Then she left.",
            "'Fair trade' is our motto.",
            id="inner-quote-first",
        ),
    ],
)
def test_straight_mark_spaced_from_an_inner_quote(text, quoted):
    assert [text[s.start : s.end] for s in find_quotes(text)] == [quoted]


def test_doubled_apostrophes_are_quotation_marks():
    text = "He called it ''a historic day,'' and left."
    assert [text[s.start : s.end] for s in find_quotes(text)] == ["a historic day"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        pytest.param(
            "NAIROBI — Kenya will reopen the border next week, officials said on Friday.",
            "Kenya will reopen the border next week",
            id="dash-dateline",
        ),
        pytest.param(
            "LIMA, May 4 (Reuters) - Peru will expel the envoy, the ministry said.",
            "Peru will expel the envoy",
            id="wire-dateline",
        ),
        pytest.param(
            "Chile will sign the accord, the minister said.",
            "Chile will sign the accord",
            id="no-dateline",
        ),
    ],
)
def test_indirect_content_starts_after_a_dateline(nlp, text, content):
    found = _run(nlp, text)
    assert [q.text for q in found] == [content]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The claim that he made on Tuesday was false.", id="relative-clause"),
        pytest.param("The Swedish minister repeated her claim.", id="no-complement"),
    ],
)
def test_noun_without_its_complement_is_no_cue(nlp, text):
    assert _run(nlp, text) == []


def test_noun_cue_without_owner_is_unresolved(nlp):
    [quote] = _run(nlp, "The claim that the vote was rigged spread quickly online.")
    assert quote.text == "the vote was rigged"
    assert quote.speaker is None and quote.unresolved_reason == "no speaker found"


def _misparsed_inversion(nlp, name_type: str) -> Doc:
    """'“...,” Raab, a senior Conservative, said on “Fox and Friends.”' as the parser
    sometimes reads it: the name hangs on the quote, the show title is the subject."""
    words = (
        "“ We will not back down , ” Raab , a senior Conservative , said on “ Fox and Friends . ”"
    )
    words = words.split()
    spaces = [
        w not in ("“",) and nxt not in (",", ".", "”")
        for w, nxt in zip(words, words[1:] + [""], strict=True)
    ]
    heads = [4, 4, 4, 4, 14, 4, 4, 4, 1, 8, 12, 12, 8, 14, 14, 14, 14, 14, 17, 17, 14, 14]
    deps = "punct nsubj aux neg ccomp prt punct punct appos punct det amod appos punct ROOT prep"
    deps = (deps + " punct nsubj cc conj punct punct").split()
    pos = "PUNCT PRON AUX PART VERB ADP PUNCT PUNCT PROPN PUNCT DET ADJ PROPN PUNCT VERB ADP"
    pos = (pos + " PUNCT PROPN CCONJ PROPN PUNCT PUNCT").split()
    lemmas = [w.lower() for w in words]
    lemmas[14] = "say"
    ents = ["O"] * len(words)
    ents[8] = f"B-{name_type}" if name_type else "O"
    return Doc(nlp.vocab, words, spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents)


def test_subject_inside_quotation_marks_gives_way_to_the_name_after_the_quote(nlp):
    doc = _misparsed_inversion(nlp, "PERSON")
    [said] = [cue for cue in quotes.attributions(doc) if cue.cue == "said"]
    assert doc.text[said.speaker_span[0] : said.speaker_span[1]] == "Raab"


def test_subject_inside_quotation_marks_without_a_name_is_unresolved(nlp):
    doc = _misparsed_inversion(nlp, "")
    [said] = [cue for cue in quotes.attributions(doc) if cue.cue == "said"]
    assert said.speaker is None and said.speaker_span is None


def test_verb_read_as_a_plural_noun_keeps_its_subject(nlp):
    """ "Lee charges that officials hid the report." as the tagger sometimes reads it: the
    verb a plural noun heading the sentence, the subject a compound before it."""
    words = ["Lee", "charges", "that", "officials", "hid", "the", "report", "."]
    spaces = [True] * (len(words) - 2) + [False, False]
    heads = [1, 1, 4, 4, 1, 6, 4, 1]
    deps = ["compound", "ROOT", "mark", "nsubj", "acl", "det", "dobj", "punct"]
    pos = ["NOUN", "NOUN", "SCONJ", "NOUN", "VERB", "DET", "NOUN", "PUNCT"]
    tags = ["NN", "NNS", "IN", "NNS", "VBD", "DT", "NN", "."]
    lemmas = ["lee", "charge", "that", "official", "hide", "the", "report", "."]
    doc = Doc(nlp.vocab, words, spaces, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    [cue] = quotes.attributions(doc)
    assert cue.kind == "noun" and doc.text[cue.speaker_span[0] : cue.speaker_span[1]] == "Lee"
    assert [doc.text[s:e] for s, e in cue.contents] == ["officials hid the report"]


def _with_actors(nlp, text: str):
    from communique import actors

    doc = nlp(text)
    article = Article("e", text)
    sentences = [
        Sentence("e", i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.sents)
    ]
    mentions, _ = actors.extract(doc, article, sentences)
    return quotes.extract(doc, article, sentences, mentions)


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        pytest.param(
            "Peru's government expelled the envoy.\n\nIn a statement, the government said it "
            "had acted lawfully. It added that it remained open to talks.",
            "it remained open to talks",
            "PER/government",
            id="it-added-after-a-body",
        ),
        pytest.param(
            "Kenya's foreign ministry said it regretted the decision. The move was unlawful, "
            "it said.",
            "The move was unlawful",
            "KEN/foreign-ministry",
            id="it-said-after-a-body",
        ),
        pytest.param(
            "Chile's interior minister, Pablo Ortiz, denied meeting his Bolivian counterpart, "
            "Jorge Vaca. \u201cI have never met Mr Vaca,\u201d he said on Sunday.",
            "I have never met Mr Vaca",
            "CHL/person/pablo-ortiz",
            id="name-in-the-quote-is-no-antecedent",
        ),
        pytest.param(
            "Kenyan President William Ruto met the envoy and told him that Kenya backed the "
            "plan, the foreign ministry said.",
            "Kenya backed the plan",
            "KEN/person/william-ruto",
            id="act-before-the-cue-is-relayed",
        ),
        pytest.param(
            "Armenian Prime Minister Nikol Pashinyan said the generals had told him that the "
            "front could not hold.",
            "the generals had told him that the front could not hold",
            "ARM/person/nikol-pashinyan",
            id="told-the-speaker-is-his-account",
        ),
    ],
)
def test_speaker_with_actor_mentions(nlp, text, words, speaker):
    found = [q for q in _with_actors(nlp, text) if q.text == words]
    assert found and found[0].speaker == speaker


def test_name_closing_the_subject_speaks(nlp):
    """The parser hangs the name on the noun after "of"; the name still closes the subject."""
    text = "The chief of the Ukrainian Armed Forces, Valery Zaluzhny, told reporters the line held."
    found = [q for q in _with_actors(nlp, text) if q.text == "the line held"]
    assert found and (found[0].speaker or "").endswith("/person/valery-zaluzhny")


def test_his_spokesman_is_no_earlier_spokesman(nlp):
    text = (
        "In Lima, foreign ministry spokesman Juan Perez said Peru wanted calm.\n\n"
        "The UN chief welcomed the agreement, his spokesman said."
    )
    found = [q for q in _with_actors(nlp, text) if q.text == "the agreement"]
    assert found and found[0].reported_by != "PER/person/juan-perez"


def test_it_said_never_borrows_a_person(nlp):
    text = "The minister said the plan was sound. It was not, it said."
    assert all(q.speaker is None for q in _with_actors(nlp, text) if q.speaker_mention == "it")


def _cues(nlp, text: str) -> list[tuple[str, str | None, list[str]]]:
    """(cue, source as written, contents) of each attribution of `text`."""
    return [
        (
            cue.cue,
            text[slice(*cue.source_span)] if cue.source_span else None,
            [text[s:e] for s, e in cue.contents],
        )
        for cue in quotes.attributions(nlp(text))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The port authority is confident that the new terminal will open in May.",
            ("confident", "The port authority", ["the new terminal will open in May"]),
            id="confident-that",
        ),
        pytest.param(
            "The dockers' union was convinced that the terminal would close.",
            ("convinced", "The dockers' union", ["the terminal would close"]),
            id="convinced-passive",
        ),
        pytest.param(
            "The governor made clear that the levy was dead.",
            ("clear", "The governor", ["the levy was dead"]),
            id="made-clear",
        ),
        pytest.param(
            "The fishermen seem sure the quota will be cut.",
            ("sure", "The fishermen", ["the quota will be cut"]),
            id="seem-sure",
        ),
        pytest.param(
            "The Irish senator has long been critical of the fishing quotas.",
            ("critical", "The Irish senator", ["the fishing quotas"]),
            id="critical-of",
        ),
    ],
)
def test_adjective_of_belief_with_its_holder(nlp, text, expected):
    """ "X is confident that ...", "X has been critical of Y": a belief or stance held by
    the subject of the adjective or of the verb it completes."""
    assert _cues(nlp, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "In her view, the ferry contract was never legal.",
            ("In her view", "her", ["the ferry contract was never legal"]),
            id="in-her-view",
        ),
        pytest.param(
            "The levy, in the eyes of the growers, is a betrayal.",
            ("in the eyes", "the growers", ["The levy", "is a betrayal"]),
            id="in-the-eyes-of",
        ),
        pytest.param(
            "In the spring poll, the mayor trailed her rival by two points.",
            (
                "In the spring poll",
                "the spring poll",
                ["the mayor trailed her rival by two points"],
            ),
            id="poll-speaks-for-itself",
        ),
        pytest.param(
            "In a statement, the port authority said the strike had ended.",
            ("said", "the port authority", ["the strike had ended"]),
            id="statement-is-the-verb-cue",
        ),
    ],
)
def test_view_or_poll_set_off_in_the_sentence(nlp, text, expected):
    """ "In X's view, ...", "In a new poll, ...": the rest of the clause is the holder's
    view or the poll's finding, unless the clause has a cue verb of its own."""
    assert _cues(nlp, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The mayor, who spoke to reporters on Monday, said the budget was balanced.",
            [("said", "The mayor", ["the budget was balanced"])],
            id="spoke-on-monday",
        ),
        pytest.param(
            "The minister commented on Tuesday that the talks had failed.",
            [("commented", "The minister", ["the talks had failed"])],
            id="commented-on-tuesday-that",
        ),
        pytest.param(
            "The minister commented on the failed talks.",
            [("commented", "The minister", ["the failed talks"])],
            id="commented-on-the-talks",
        ),
    ],
)
def test_preposition_of_time_is_not_the_cues_own(nlp, text, expected):
    assert _cues(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The growers hoped the rain would come before June.",
            ("hoped", "The growers", ["the rain would come before June"]),
            id="hoped",
        ),
        pytest.param(
            "The growers are hoping that the rain will come.",
            ("hoping", "The growers", ["the rain will come"]),
            id="hoping",
        ),
        pytest.param(
            "The appeals court ruled that the ferry levy was unlawful.",
            ("ruled", "The appeals court", ["the ferry levy was unlawful"]),
            id="court-ruled-that",
        ),
        pytest.param(
            "Many officers saw the remark as an insult to the navy.",
            ("saw", "Many officers", ["the remark as an insult to the navy"]),
            id="saw-x-as-y",
        ),
        pytest.param(
            "The port authority regards the old treaty as void.",
            ("regards", "The port authority", ["the old treaty as void"]),
            id="regards-x-as-y",
        ),
        pytest.param(
            "The regulators did not consider the offer a realistic option.",
            ("consider", "The regulators", ["the offer a realistic option"]),
            id="consider-x-y",
        ),
    ],
)
def test_belief_verbs(nlp, text, expected):
    """Beliefs and findings: "hoped" (which the lemmatizer reads as "hop"), a court's
    ruling, and what someone takes a thing for ("saw X as Y", "consider X Y")."""
    assert _cues(nlp, text) == [expected]
