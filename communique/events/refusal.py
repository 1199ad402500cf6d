"""Refusals and meetings called off: a bare refusal answers the last request made of the
refuser, and a meeting cancelled or postponed by one side is that side's rejection of the
others (CAMEO 125), dated by the decision. A request granted ("approved his request") is the
granter's agreement with whoever made the request told before.

    bare_refusal(match) -> bool
    granted(match) -> bool
    called_off(match, planned, index, context, onto, decided) -> list[Event]
"""

from __future__ import annotations

from dataclasses import replace

from ..records import DateValue, Event
from . import participants as args
from .ontology import Ontology
from .participants import Context, MentionIndex
from .triggers import Match

CALLED_OFF = "125"  # CAMEO: reject a proposal to meet, discuss or negotiate
REJECTED = "120"  # CAMEO: reject, nothing more specific
AGREED = "030"  # CAMEO: express intent to cooperate (to do what was asked)
GRANTING = frozenset({"approve", "grant", "accept", "heed", "answer"})


def bare_refusal(match: Match) -> bool:
    """ "The Cuban authorities refused", "refused to hand them over": a refusal that names
    nothing refused answers the last request made of the refuser."""
    if match.noun or match.trigger.cameo != REJECTED:
        return False
    return not any(c.dep_ in ("dobj", "nsubjpass", "ccomp") for c in match.token.children)


def granted(match: Match) -> bool:
    """ "The alliance approved his request", "granted the request": a request noun that a
    verb of granting carries."""
    light = match.light
    return match.noun and light is not None and light.lemma_.lower() in GRANTING


def called_off(
    match: Match,
    planned: list[Event],
    index: MentionIndex,
    context: Context,
    onto: Ontology,
    decided: DateValue | None,
) -> list[Event]:
    """A meeting cancelled or postponed by one side: that side REJECTs (asserted) the others,
    on the day the decision is dated, not the day the meeting was due."""
    assert match.light is not None
    subjects, active = args.subject_tokens(match.light)
    deciders = args.group(subjects if active else args.agents(match.light), index, context)
    entry = onto.code(CALLED_OFF)
    found: dict[tuple[str, str], Event] = {}
    for event in planned:
        for decider in deciders:
            own = args.with_own_states([decider])  # "X called off Y's visit to X's country"
            for other in (event.source, event.target):
                if other and other not in own and (decider, other) not in found:
                    found[(decider, other)] = replace(
                        event,
                        event_type="REJECT",
                        source=decider,
                        target=other,
                        modality="asserted",
                        mode=None,
                        cameo=entry.code,
                        goldstein=entry.goldstein,
                        quad_class=entry.quad_class,
                        trigger=match.light.text,
                        date=decided,
                    )
    return list(found.values())
