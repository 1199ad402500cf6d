"""Elliptical verbs that repeat the event just told with new sources: "The White House
recognised him. Canada, Brazil and Colombia quickly did the same", "Peru followed suit".

    repeated(span, sentence, before, index, context) -> list[Event]
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from ..records import Event, Evidence, Sentence
from . import participants as args
from .participants import Context, MentionIndex

SAME_ACT = frozenset({("do", "same"), ("follow", "suit")})


def repeated(
    span: Span, sentence: Sentence, before: list[Event], index: MentionIndex, context: Context
) -> list[Event]:
    """The last asserted event of the sentence before, once for each subject of an elliptical
    verb in this sentence (none when the sentence before told no event)."""
    verb = _elliptical(span)
    told = [e for e in before if e.modality == "asserted" and e.source]
    if verb is None or not told:
        return []
    model = told[-1]
    subjects, active = args.subject_tokens(verb)
    if not active:
        return []
    sources = args.group(subjects, index, context)
    sources = [s for s in sources if s not in (model.source, model.target)]
    tokens = [t for t in verb.subtree if not t.is_space and not t.is_punct]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    evidence = Evidence(model.article_id, sentence.index, sentence.text, start, end)
    return [
        replace(model, event_id="", source=source, trigger=verb.text, evidence=[evidence])
        for source in sources
    ]


def _elliptical(span: Span) -> Token | None:
    for token in span:
        lemma = token.lemma_.lower()
        if any(c.dep_ == "dobj" and (lemma, c.lemma_.lower()) in SAME_ACT for c in token.children):
            return token
    return None
