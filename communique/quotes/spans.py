"""The Attribution record and the spans of article text it is made of: offsets trimmed of
the punctuation at their edges, and the noun phrase that names a speaker (without its
appositions, relative clauses or commas).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

Interval = tuple[int, int]
_NOUN_RIGHT = {"compound", "flat", "nummod", "prep", "pobj"}
EDGE = " \t\n,;:—–-\"“”„«»'‘’()"


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
    kind: str = "speech"  # the cue word's kind in data/cues.tsv
    relative: Interval | None = None  # "who" when the speaker came through a relative pronoun
    relayed_by: Attribution | None = None
    relays: bool = False

    @property
    def source_span(self) -> Interval | None:
        """The speaker as written in the cue's own clause: the relative pronoun of "the
        senator, who said ..." (its antecedent is `speaker`), else the speaker span."""
        return self.relative or self.speaker_span

    @property
    def content_heads(self) -> list[Token]:
        if self.kind == "noun":
            return []  # "his claim that X warned ...": the claim is his, not a relay of X
        if self.cue == "according to":
            return [self.token.head] if self.token.head.pos_ in ("VERB", "AUX") else []
        heads = [child for child in self.token.children if child.dep_ == "ccomp"]
        # "X spoke to Y and told him that ..., the ministry said": each act before the cue
        acts = [c for h in heads for c in h.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        return heads + [c for c in acts if c.i < self.token.i]


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
    return left.idx, end_of(right)


def strip_that(text: str, span: Interval) -> Interval:
    if text[span[0] : span[0] + 5].lower() == "that ":
        return trim(text, span[0] + 5, span[1])
    return span


def trim(text: str, start: int, end: int) -> Interval:
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE + ".":
        end -= 1
    return start, end


def end_of(token: Token) -> int:
    return token.idx + len(token)
