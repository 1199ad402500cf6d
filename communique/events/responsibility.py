"""Claims of responsibility: "Drones struck the plant. X claimed responsibility" makes X the
author of the attack in its own account: the attack is coded again with X as its source, as
reported (the text does not assert it; the attack without a source stays as told).

    claimed(span, sentence, before, index, context) -> list[Event]
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from ..records import Event, Evidence, Sentence
from . import participants as args
from .participants import Context, MentionIndex

CLAIMS = frozenset({("claim", "responsibility"), ("claim", "credit"), ("take", "credit")})
MATERIAL_CONFLICT = 4  # quad class of what can be claimed: attacks, seizures, bombings
RECENT = 3  # sentences back in which the claimed act is looked for


def claimed(
    span: Span, sentence: Sentence, before: list[Event], index: MentionIndex, context: Context
) -> list[Event]:
    """The act claimed, once for each claimant: the latest act of material conflict with no
    source and a target, told in this sentence or the few before."""
    verb = _claiming(span)
    if verb is None:
        return []
    subjects, active = args.subject_tokens(verb)
    claimants = args.group(subjects, index, context) if active else []
    acts = [
        e
        for e in before
        if e.quad_class == MATERIAL_CONFLICT
        and e.source is None
        and e.target is not None
        and e.modality == "asserted"
        and e.evidence
        and sentence.index - RECENT <= e.evidence[0].sentence_index <= sentence.index
    ]
    if not claimants or not acts:
        return []
    act = acts[-1]
    tokens = [t for t in verb.subtree if not t.is_space and not t.is_punct]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    evidence = Evidence(act.article_id, sentence.index, sentence.text, start, end)
    return [
        replace(
            act,
            event_id="",
            source=claimant,
            modality="reported",
            trigger=verb.text,
            evidence=[evidence],
        )
        for claimant in claimants
        if claimant != act.target
    ]


def _claiming(span: Span) -> Token | None:
    for token in span:
        lemma = token.lemma_.lower()
        if (
            token.pos_ == "VERB"
            and not any(c.dep_ == "neg" for c in token.children)
            and any(
                c.dep_ == "dobj" and (lemma, c.lemma_.lower()) in CLAIMS for c in token.children
            )
        ):
            return token
    return None
