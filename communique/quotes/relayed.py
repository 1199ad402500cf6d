"""Stances that another cue relays, and media content that shows but does not speak.

A stance of readiness ("ready", "willing", "prepared to ...": `data/cues.tsv`, kind "ready")
is an attribution only inside another cue's words: in "X was ready to talk, his office
said" X holds the stance and the office relays it, as with "X welcomed the plan, his
office said". Its words are the adjective with its infinitive; its holder is the subject
of the verb the adjective completes. On its own ("X is ready to talk") it is no cue: a
reporter's account of X, not X's words.

Recorded media content ("footage", "video": kind "media") shows, it does not speak: a cue
whose speaker is such a noun ("Footage showed the two men ...") has no speaker; whoever the
footage shows speaking ("Video showed X saying that ...") is the speaker of that report.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from .spans import Attribution, end_of, noun_span, trim
from .speakers import EXPLETIVE, speaker_of
from .tables import documents


@lru_cache(maxsize=1)
def _kinds() -> dict[str, frozenset[str]]:
    text = resources.files(__package__).joinpath("data", "cues.tsv").read_text("utf-8")
    rows = csv.reader(
        (line for line in text.splitlines() if line and line[0] != "#"), delimiter="\t"
    )
    found: dict[str, set[str]] = {}
    for cue, kind, _ in rows:
        found.setdefault(kind, set()).add(cue)
    return {kind: frozenset(cues) for kind, cues in found.items()}


def readiness() -> frozenset[str]:
    """Adjectives of a stance of readiness, as written ("ready", "willing")."""
    return _kinds().get("ready", frozenset())


def media() -> frozenset[str]:
    """Nouns of recorded media content, as written ("footage", "video")."""
    return _kinds().get("media", frozenset())


def is_media(token: Token | None) -> bool:
    return token is not None and token.lower_ in media()


def ready_cue(head: Token, text: str) -> Attribution | None:
    """The stance of "X was ready to talk" heading another cue's words, as a relayed cue:
    the adjective completing the clause's verb, with an infinitive of its own."""
    for adjective in head.children:
        if adjective.dep_ != "acomp" or adjective.lower_ not in readiness():
            continue
        if not any(_infinitive(c) for c in adjective.children if c.dep_ == "xcomp"):
            continue
        speaker = speaker_of(head)
        if speaker is None or speaker.lower_ in EXPLETIVE:
            return None
        found = Attribution(adjective, adjective.text, adjective.idx, end_of(adjective), speaker)
        found.kind, found.speaker_span = "relay", noun_span(speaker)
        found.contents = [trim(text, adjective.idx, end_of(adjective.right_edge))]
        return found
    return None


def is_stance(cue: Attribution) -> bool:
    """A stance of readiness found inside another cue's words ("X was ready to talk")."""
    return cue.kind == "relay" and cue.token.lower_ in readiness()


def own_stance(inner: Attribution, outer: Attribution) -> bool:
    """A stance is relayed only by someone who speaks for its holder: an office, a
    spokesman, a statement, or a speaker owned by a possessive ("X was ready to talk, his
    office said"). Anyone else gives an account in their own words ("Putin said he was
    ready to meet ...", "officials said Iran was ready to respond"): nothing relayed."""
    if not is_stance(inner):
        return False
    speaker = outer.speaker
    if speaker is None:
        return True
    if speaker.lower_ in _MOUTHPIECES or speaker.lemma_.lower() in documents():
        return False
    return not any(c.dep_ == "poss" for c in speaker.children)


_MOUTHPIECES = {"office", "spokesman", "spokeswoman", "spokesperson", "spokespeople"}


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
