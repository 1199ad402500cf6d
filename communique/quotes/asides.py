"""Asides: "As X noted, ...", "..., as X put it.", "Y, as X pointed out, Z": a cue verb
in a clause opened by "as", with no words of its own, attributes the rest of its sentence
to the subject of the aside ("As stated in X's report, ..." to the report). Only verbs that
report a clause ("note", "argue", "see"; "put" only in "as X put it") make an aside, so
"as he spoke, the crowd cheered" is none, nor is a clause with an object ("as officials
announced the results, ...").
"""

from __future__ import annotations

from spacy.tokens import Token

from .spans import Interval, end_of, noun_span, trim
from .speakers import SUBJECTS, owner

_COMPLEMENTS = ("dobj", "xcomp", "ccomp", "acomp", "attr", "oprd", "dative")
_INSIDE = ("aux", "auxpass", "neg", "advmod")  # what may stand between "as" and the verb
_SOURCES = ("in", "by")  # "as stated in X", "as reported by X"
_CONTENT = {"NOUN", "PROPN", "PRON", "VERB", "AUX", "NUM"}  # not "After all, as ..."


def aside_opener(verb: Token) -> Token | None:
    """The "as" opening the verb's clause, followed only by its subject and auxiliaries;
    not "even as" (while), and not when the verb has words of its own ("as many continued
    to stay away", "as officials announced the results")."""
    opener = next(
        (c for c in verb.lefts if c.lower_ == "as" and c.dep_ in ("mark", "prep", "advmod")),
        None,
    )
    if opener is None or verb.doc[opener.i - 1].lower_ == "even":
        return None
    if any(c.dep_ in _COMPLEMENTS and c.lower_ != "it" for c in verb.children):
        return None
    allowed = {opener.i}
    for child in verb.lefts:
        if child.dep_ in SUBJECTS or child.dep_ in _INSIDE:
            allowed.update(t.i for t in child.subtree)
    if any(i not in allowed for i in range(opener.i, verb.i)):
        return None
    return opener


def is_put_it(verb: Token) -> bool:
    """ "as X put it": "put" is a cue only with "it" as its object, inside an aside."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return len(objects) == 1 and objects[0].lower_ == "it" and aside_opener(verb) is not None


def aside_words(verb: Token, text: str) -> list[Interval]:
    """The sentence around the aside: before "as" and after the aside's closing comma,
    each part only if it says something (not an adverb such as "After all")."""
    opener = aside_opener(verb)
    if opener is None:
        return []
    sent = verb.sent
    comma = next((t for t in verb.doc[verb.i + 1 : sent.end] if t.text in (",", "—", "--")), None)
    spans = [(sent.start, opener.i)]
    if comma is not None:
        spans.append((comma.i + 1, sent.end))
    doc = verb.doc
    return [
        trim(text, doc[start].idx, end_of(doc[end - 1]))
        for start, end in spans
        if any(t.pos_ in _CONTENT for t in doc[start:end])
    ]


def aside_speaker(verb: Token) -> Token | None:
    """The subject of the aside, the agent of "as reported by X", or the source of "as
    stated in X's report"; never the subject of the sentence around it."""
    opener = aside_opener(verb)
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj") and opener is not None and child.i > opener.i:
            return owner(child)
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in _SOURCES):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return owner(objects[0])
    return None


def speaker_span(speaker: Token | None) -> Interval | None:
    return noun_span(speaker) if speaker is not None else None
