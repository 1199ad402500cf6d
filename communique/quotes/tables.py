"""The cue tables, each read once: the words of `data/cues.tsv` (verbs of speech and belief,
adjectives of stance, the nouns of "in X's view", written statements, words that label no
speaker) and of `data/noun_cues.tsv` (nouns of speech or position, light verbs), and the
row a verb's lemma, or its lemma and particle ("point out"), finds in them.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from ..nlp import says_when

_VERB_KINDS = ("speech", "belief", "relay", "according")


@dataclass(frozen=True, slots=True)
class CueWord:
    kind: str  # speech, belief, relay, according or document
    words: frozenset[str]  # clause, infinitive, object, predicate


@lru_cache(maxsize=1)
def _rows() -> list[tuple[str, CueWord]]:
    text = resources.files(__package__).joinpath("data", "cues.tsv").read_text("utf-8")
    rows = csv.reader(
        (line for line in text.splitlines() if line and line[0] != "#"), delimiter="\t"
    )
    return [(cue, CueWord(kind, frozenset(words.split(",")))) for cue, kind, words in rows]


@lru_cache(maxsize=1)
def lexicon() -> dict[str, CueWord]:
    """The cue verbs of data/cues.tsv, keyed by lemma or "lemma particle"."""
    return {cue: word for cue, word in _rows() if word.kind in _VERB_KINDS}


@lru_cache(maxsize=1)
def adjectives() -> dict[str, frozenset[str]]:
    """Adjectives of belief or stance with the complements that carry what is held
    ("confident that ...", "critical of X"), keyed by the word as written."""
    return {cue: word.words for cue, word in _rows() if word.kind == "adjective"}


@lru_cache(maxsize=1)
def viewpoints() -> frozenset[str]:
    """Nouns that make "in X's view, ...", "in a new poll, ..." an attribution."""
    return frozenset(cue for cue, word in _rows() if word.kind == "in")


@lru_cache(maxsize=1)
def settings() -> frozenset[str]:
    """Nouns of an occasion of speech that make "in X" an attribution of the rest of the
    clause to X's owner or the clause's subject ("In a statement, the ministry ...")."""
    return frozenset(cue for cue, word in _rows() if word.kind == "setting")


@lru_cache(maxsize=1)
def documents() -> frozenset[str]:
    """Nouns for a written statement, whose owner speaks ("the ministry's readout")."""
    return frozenset(cue for cue, word in _rows() if word.kind == "document")


@lru_cache(maxsize=1)
def asides() -> frozenset[str]:
    """Verbs that are cues only in an aside: "as X put it"."""
    return frozenset(cue for cue, word in _rows() if word.kind == "aside")


@lru_cache(maxsize=1)
def inverted() -> frozenset[str]:
    """Verbs as written that open an inverted report before a name: "Said X: ..."."""
    return frozenset(cue for cue, word in _rows() if word.kind == "inverted")


@lru_cache(maxsize=1)
def not_labels() -> frozenset[str]:
    return frozenset(cue for cue, word in _rows() if word.kind == "notlabel")


@lru_cache(maxsize=1)
def _noun_rows() -> list[tuple[str, str, frozenset[str]]]:
    text = resources.files(__package__).joinpath("data", "noun_cues.tsv").read_text("utf-8")
    rows = csv.reader(
        (line for line in text.splitlines() if line and line[0] != "#"), delimiter="\t"
    )
    return [(word, kind, frozenset(words.split(","))) for word, kind, words in rows]


@lru_cache(maxsize=1)
def noun_cues() -> dict[str, frozenset[str]]:
    """The noun cues of data/noun_cues.tsv with the complements that carry their words."""
    return {word: words for word, kind, words in _noun_rows() if kind == "noun"}


@lru_cache(maxsize=1)
def light_verbs() -> frozenset[str]:
    """Verbs that hand their subject to a noun cue object ("X issued a warning that")."""
    return frozenset(word for word, kind, _ in _noun_rows() if kind == "light")


def cue_word(token: Token) -> CueWord | None:
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN"):
        return None
    table = lexicon()
    lemma = token.lemma_.lower()
    for child in token.rights:  # "On Friday X called ...": a preposition before is no particle
        if child.dep_ == "prt" or (child.dep_ == "prep" and not says_when(child)):
            word = table.get(f"{lemma} {child.lower_}")
            if word is not None:
                return word
    word = table.get(lemma)
    if word is None and token.lower_ in (f"{lemma}es", f"{lemma}ed", f"{lemma}ing"):
        word = table.get(f"{lemma}e")  # the lemmatizer's "hopes", "hoped", "hoping" -> "hop"
    return word
