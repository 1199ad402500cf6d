"""Cues of reported speech in a dependency parse: the cue word, its speaker and its words.

A cue is a speech verb from `data/cues.tsv` ("said", "warned", "point out") or the
preposition "according to". Its speaker comes from the parse: the subject of the verb
(inherited through "adding that ...", "... and warned", "who said"), the agent of a passive,
or the object of "according to"; a written statement ("the ministry's readout said")
gives way to its owner. Its words are the clausal complement ("said that ..."), the
infinitive of verbs such as "urge" ("urged X to leave"), the clause the cue interrupts
("..., she said") or, for "according to", the rest of its sentence.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

Interval = tuple[int, int]

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_RELATIVE = {"who", "which", "that", "whom"}
_EXPLETIVE = {"it", "there", "this", "that"}
_NOUN_RIGHT = {"compound", "flat", "nummod", "prep", "pobj"}
_EDGE = " \t\n,;:—–-\"“”„«»'‘’()"
_OWNER_DEPS = {"poss", "compound", "amod", "pobj", "nmod"}
_OWNER_PREPS = {"from", "by", "of"}


@dataclass(frozen=True, slots=True)
class CueWord:
    kind: str  # speech, relay, according or document
    words: frozenset[str]  # clause, infinitive, object


@lru_cache(maxsize=1)
def lexicon() -> dict[str, CueWord]:
    """The cue words of data/cues.tsv, keyed by lemma or "lemma particle"."""
    text = resources.files(__package__).joinpath("data", "cues.tsv").read_text("utf-8")
    rows = csv.reader(
        (line for line in text.splitlines() if line and line[0] != "#"), delimiter="\t"
    )
    return {cue: CueWord(kind, frozenset(words.split(","))) for cue, kind, words in rows}


@dataclass(slots=True, eq=False)
class Attribution:
    """One cue with its speaker span and the spans of the words it introduces.

    Offsets index the article text. `relayed_by` is the attribution that relays this one
    ("X reaffirmed ..., the spokesman said"); `relays` marks that outer attribution.
    """

    token: Token
    cue: str
    start: int
    end: int
    speaker: Token | None = None
    speaker_span: Interval | None = None
    contents: list[Interval] = field(default_factory=list)
    quotes: list[Interval] = field(default_factory=list)
    introduces: bool = False  # ends in a colon: the words follow ("He wrote: ...")
    relayed_by: Attribution | None = None
    relays: bool = False

    @property
    def content_heads(self) -> list[Token]:
        if self.cue == "according to":
            return [self.token.head] if self.token.head.pos_ in ("VERB", "AUX") else []
        return [child for child in self.token.children if child.dep_ == "ccomp"]


def find_cues(sent: Span, quoted, text: str) -> list[Attribution]:
    """The cues of one sentence whose cue word is outside quotation marks."""
    found = []
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
        word = cue_word(token)
        if word is not None and word.kind == "speech":
            found.append(verb_cue(token, word, text))
    return found


def cue_word(token: Token) -> CueWord | None:
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN"):
        return None
    table = lexicon()
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ in ("prt", "prep"):
            word = table.get(f"{lemma} {child.lower_}")
            if word is not None:
                return word
    return table.get(lemma)


def verb_cue(token: Token, word: CueWord, text: str) -> Attribution:
    particle = [c for c in token.children if c.dep_ == "prt"]
    end = (
        particle[0]
        if particle and f"{token.lemma_.lower()} {particle[0].lower_}" in lexicon()
        else token
    )
    found = Attribution(token, token.doc[token.i : end.i + 1].text, token.idx, end.idx + len(end))
    found.speaker = speaker_of(token)
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
    phrase = (token.left_edge.idx, _end(token.right_edge))
    before = _trim(text, sent.start_char, phrase[0])
    after = _trim(text, phrase[1], sent.end_char)
    longest = max((before, after), key=lambda span: span[1] - span[0])
    found.contents = [longest] if longest[1] > longest[0] else []
    return found


def speaker_of(verb: Token, depth: int = 0) -> Token | None:
    """The head token of whoever speaks through `verb`, or None."""
    for child in verb.children:
        if child.dep_ in _SUBJECTS and child.lower_ not in _EXPLETIVE:
            if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return owner(verb.head)
            return owner(child)
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return owner(objects[0])
    if verb.dep_ == "acl":  # "a statement saying ...": only a written statement speaks
        return _document_owner(verb.head)
    if depth < 3 and verb.dep_ in ("conj", "advcl", "xcomp", "relcl") and verb.head is not verb:
        if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return owner(verb.head)
        return speaker_of(verb.head, depth + 1)
    return None


def _document_owner(noun: Token) -> Token | None:
    word = lexicon().get(noun.lemma_.lower())
    return owner(noun) if word is not None and word.kind == "document" else None


def owner(noun: Token) -> Token:
    """A written statement speaks for its owner: "the ministry's statement" -> ministry."""
    word = lexicon().get(noun.lemma_.lower())
    if word is None or word.kind != "document":
        return noun
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in _OWNER_PREPS:
            for grand in child.children:
                if grand.dep_ == "pobj" and grand.lower_ not in ("call", "meeting", "talks"):
                    return grand
    for child in noun.children:
        if child.dep_ in _OWNER_DEPS and child.pos_ in ("PROPN", "NOUN", "PRON", "ADJ"):
            return child
    return noun


def noun_span(head: Token) -> Interval:
    """The noun phrase of `head` without appositions, relative clauses or commas."""
    right = head
    for child in head.rights:
        if child.dep_ not in _NOUN_RIGHT:
            break
        right = child.right_edge
    left = head.left_edge
    for token in head.lefts:
        if token.dep_ in ("punct", "cc", "conj", "appos"):
            left = token.doc[token.right_edge.i + 1]
    return left.idx, _end(right)


def verb_content(token: Token, word: CueWord, text: str) -> list[Interval]:
    """The spans of the words a cue verb introduces, by the complements its row allows."""
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    if clauses:
        return [
            _strip_that(text, _trim(text, c.left_edge.idx, _end(c.right_edge))) for c in clauses
        ]
    infinitive = (
        [c for c in token.children if c.dep_ == "xcomp"] if "infinitive" in word.words else []
    )
    if infinitive:
        objects = [
            c for c in token.children if c.dep_ in ("dobj", "pobj") and c.i < infinitive[0].i
        ]
        first = objects[0].left_edge if objects else infinitive[0].left_edge
        return [_trim(text, first.idx, _end(infinitive[0].right_edge))]
    if token.dep_ == "parataxis" and token.i > token.head.i:
        return [_trim(text, token.head.left_edge.idx, token.left_edge.idx)]
    objects = _objects(token) if "object" in word.words else []
    return [_trim(text, o.left_edge.idx, _end(o.right_edge)) for o in objects[:1]]


def _objects(token: Token) -> list[Token]:
    """The direct object, or the object of the cue's own preposition ("called for talks")."""
    direct = [c for c in token.children if c.dep_ == "dobj"]
    if direct:
        return direct
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ == "prep" and f"{lemma} {child.lower_}" in lexicon():
            return [c for c in child.children if c.dep_ == "pobj"]
    return []


def _strip_that(text: str, span: Interval) -> Interval:
    if text[span[0] : span[0] + 5].lower() == "that ":
        return _trim(text, span[0] + 5, span[1])
    return span


def _trim(text: str, start: int, end: int) -> Interval:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE + ".":
        end -= 1
    return start, end


def _end(token: Token) -> int:
    return token.idx + len(token)
