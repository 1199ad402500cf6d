"""Cues of reported speech in a dependency parse: the cue word, its speaker and its words.

A cue is a speech verb from `data/cues.tsv` ("said", "warned", "point out"), the
preposition "according to", a noun of speech or position (nouns.py) or a label opening a
paragraph (labels.py). A verb's speaker comes from the parse (speakers.py), its words from
its complements (content.py); "according to" gives the rest of its sentence to its object.
A subject inside quotation marks (a show title after "said on") is no speaker; the
person's name between the closing mark and ", said" is. "what he called Y" inside another
cue's words is part of them, not a cue of its own (attribute.py). An aside ("As X noted,
...", "..., as X put it") gives the sentence around it to its subject (asides.py); any verb
whose object is taken for quoted words ("admires Y as a “strong leader”") is a cue of its
subject. The tables are read in
tables.py, the Attribution record and its spans are in spans.py; beliefs held as
adjectives or in a phrase ("X is confident that", "in his view") are in stances.py.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .asides import aside_speaker, aside_words, is_put_it, speaker_span
from .content import predicate_span, verb_content
from .labels import label_cue
from .nouns import noun_cue
from .spans import Attribution, Interval, end_of, noun_span, trim
from .speakers import owner, relative_of, speaker_of
from .tables import CueWord, asides, cue_word, lexicon

_CLOSING = {"”", '"', "''", "»"}
_ASIDE = CueWord("speech", frozenset({"clause"}))


def find_cues(
    sent: Span,
    quoted,
    text: str,
    labels: frozenset[str] = frozenset(),
    names: frozenset[str] = frozenset(),
) -> list[Attribution]:
    """The cues of one sentence whose cue word is outside quotation marks."""
    label = label_cue(sent, text, labels, names)
    found = [label] if label is not None else []
    for token in sent:
        if quoted(token.idx):
            continue
        if (
            token.lower_ == "according"
            and token.i + 1 < len(token.doc)
            and token.nbor().lower_ == "to"
        ):
            found.append(_according(token, sent, text))
            continue
        if token.pos_ == "NOUN":
            noun = noun_cue(token, text)
            if noun is not None:
                found.append(noun)
            continue
        word = cue_word(token)
        if word is None and token.lemma_.lower() in asides() and is_put_it(token):
            word = _ASIDE
        if word is None and token.pos_ == "VERB":
            judged = _judgement(token, quoted, text)
            if judged is not None:
                found.append(judged)
                continue
        if word is not None and word.kind in ("speech", "belief"):
            cue = verb_cue(token, word, text)
            if cue.speaker is None or quoted(cue.speaker.idx):
                _name_after_quote(cue, token)
            if not cue.contents and "clause" in word.words:
                _aside(cue, token, text)
            if word.kind == "speech" or (cue.contents and cue.speaker is not None):
                found.append(cue)  # a belief needs its holder and its complement
    return found


def _judgement(verb: Token, quoted, text: str) -> Attribution | None:
    """ "X admires Y as a “strong leader”", "X has gone after Y as a “spoiled brat”": what
    the subject takes its object for, in its own quoted words, is its attribution, whatever
    the verb."""
    preps = [c for c in verb.rights if c.dep_ == "prep"]
    judging = [p for p in preps if p.lower_ == "as" and _quoted_phrase(p, quoted)]
    if not judging:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [o for p in preps if p.i < judging[0].i for o in p.children if o.dep_ == "pobj"]
    speaker = speaker_of(verb)
    if not objects or speaker is None or quoted(speaker.idx):
        return None
    found = Attribution(verb, verb.text, verb.idx, end_of(verb), speaker, noun_span(speaker))
    found.contents = [predicate_span(text, (objects[0], judging[0]))]
    found.relative = relative_of(verb)
    return found


def _quoted_phrase(prep: Token, quoted) -> bool:
    """The phrase after "as" holds a quote that starts after it, with no verb of its own
    before the quote ("as a threat to what it called “...”" is another cue's)."""
    if quoted(prep.idx):
        return False
    for token in prep.doc[prep.i + 1 : prep.right_edge.i + 1]:
        if quoted(token.idx):
            return True
        if token.pos_ in ("VERB", "AUX"):
            return False
    return False


def _aside(cue: Attribution, verb: Token, text: str) -> None:
    """ "As X noted, ...", "..., as X put it": the sentence around the aside is X's words."""
    words = aside_words(verb, text)
    if words:
        cue.contents, cue.speaker, cue.relative = words, aside_speaker(verb), None
        cue.speaker_span = speaker_span(cue.speaker)


def verb_cue(token: Token, word: CueWord, text: str) -> Attribution:
    particle = [c for c in token.children if c.dep_ == "prt"]
    end = (
        particle[0]
        if particle and f"{token.lemma_.lower()} {particle[0].lower_}" in lexicon()
        else token
    )
    found = Attribution(token, token.doc[token.i : end.i + 1].text, token.idx, end.idx + len(end))
    found.kind = word.kind
    found.speaker = speaker_of(token)
    found.relative = relative_of(token)
    found.speaker_span = noun_span(found.speaker) if found.speaker is not None else None
    found.contents = verb_content(token, word, text)
    found.introduces = any(c.text == ":" and c.i > token.i for c in token.children)
    return found


def _according(token: Token, sent: Span, text: str) -> Attribution:
    to = token.nbor()
    found = Attribution(token, "according to", token.idx, to.idx + len(to))
    objects = [c for c in (*to.children, *token.children) if c.dep_ == "pobj"]
    if objects:
        found.speaker = owner(objects[0])
        found.speaker_span = noun_span(found.speaker)
    found.contents = _rest_of_sentence(token, sent, text)
    return found


def _rest_of_sentence(token: Token, sent: Span, text: str) -> list[Interval]:
    """The longer side of the sentence around the phrase `token` heads."""
    phrase = (token.left_edge.idx, end_of(token.right_edge))
    before = trim(text, sent.start_char, phrase[0])
    after = trim(text, phrase[1], sent.end_char)
    longest = max((before, after), key=lambda span: span[1] - span[0])
    return [longest] if longest[1] > longest[0] else []


def _name_after_quote(cue: Attribution, verb: Token) -> None:
    """'“...,” Flynn, a top adviser, said on “Fox and Friends.”': the parser may hang the
    name on the quote and take words after the verb as its subject. A speaker inside
    quotation marks is none; a person's name that opens the stretch between the closing
    mark and ", said" (with at most its apposition, no verb) is the speaker. Anything else
    leaves the speaker unresolved."""
    cue.speaker = cue.speaker_span = cue.relative = None
    doc, sent = verb.doc, verb.sent
    if verb.i - 1 <= sent.start or doc[verb.i - 1].text != ",":
        return
    i = verb.i - 2
    while i >= sent.start and doc[i].text not in _CLOSING:
        i -= 1
    phrase = list(doc[i + 1 : verb.i - 1])
    if i < sent.start or not phrase or any(t.pos_ in ("VERB", "AUX") for t in phrase):
        return
    first = phrase[0]
    if first.ent_iob_ != "B" or first.ent_type_ != "PERSON":
        return
    name = first
    while name.i + 1 < verb.i and doc[name.i + 1].ent_iob_ == "I":
        name = doc[name.i + 1]
    rest = phrase[name.i - first.i + 1 :]
    if rest and rest[0].text != ",":
        return  # more than a name and its apposition: ambiguous
    cue.speaker, cue.speaker_span = name, (first.idx, end_of(name))


def is_naming(cue: Attribution) -> bool:
    """ "condemned what he called a breach": a pronoun's name for the thing another cue's
    words are about. Inside that cue's words it is part of them, not an attribution."""
    token = cue.token
    return (
        token.lemma_.lower() == "call"
        and cue.speaker is not None
        and cue.speaker.pos_ == "PRON"
        and any(c.dep_ == "dobj" and c.lower_ == "what" for c in token.children)
    )
