"""Which trigger words report an event of their own, and which only refer to one.

Precision rules applied before and after participants are found:

- a definite noun trigger with no participant inside its phrase refers back to an event already
  reported ("at the start of the meeting", "the visit had been cancelled"), and a noun under a
  time or place preposition sets the scene ("at a rally", "before the talks"): neither is
  coded again unless a light verb carries it ("held the talks");
- a meeting, agreement or cooperation noun that no light verb carries needs two sides; any
  other noun needs its source,
  except for force and protest, whose perpetrators are often unnamed ("an attack on X");
- an event named under a time preposition or clause ("since last month's invasion",
  "following the killing of ...", "after rebels shelled the town") is coded but ranks below
  the sentence's main event;
- a verb whose subject or object is named but is no actor ("airlines that meet its
  requirements", "a jet travelling to ...", said of the noun a relative or participial clause hangs on)
  codes no verbal or cooperative event;
- an act negated, planned, hypothetical or denied (not asserted or reported) needs both its
  sides: "Pashinian refused to resign", "peacekeepers will deploy" are no interaction;
- a visit by, or the hosting of, a population (tourists, refugees, migrants, "Somalis") is
  no diplomatic visit: "Chinese tourists visited Vietnam", "Kenya hosts refugees";
- a signature for a side ("X signed on behalf of the government", "Y signed for the rebels"),
  with no document or partner named, is the signing of an agreement told elsewhere;
- a participle of encircling that describes where something is staged ("drills in six zones
  encircling Taiwan") is a place, not an encirclement (the drills are aimed at Taiwan);
- an act noun that is the subject of a verb of seeming with a predicate ("it will make
  Iranian sanctions look tame") is compared or judged, not told.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..actors.lexicon import words
from ..actors.resolve import UNKNOWN as UNKNOWN_COUNTRY
from .participants import MentionIndex, country_part, subject_tokens

ANAPHORIC = frozenset({"the", "this", "that", "these", "those", "such"})
SCENE = frozenset({"at", "during", "before", "after", "since", "ahead", "following", "amid"})
UNNAMED_AGENT_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})
TWO_SIDED = frozenset({"sym"})
VERBAL_OR_COOPERATIVE = frozenset({1, 2, 3})


def background_noun(noun: Token, carried: bool, index: MentionIndex) -> bool:
    """True when a noun trigger only refers to an event or sets the scene."""
    if carried or _has_participant(noun, index):
        return False
    if any(c.dep_ in ("det", "poss") and c.lower_ in ANAPHORIC for c in noun.children):
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ in SCENE


SEEMING = frozenset({"look", "seem", "appear", "sound"})


def compared(noun: Token) -> bool:
    """ "make Iranian sanctions look tame", "the strikes seemed symbolic": the act is judged."""
    verb = noun.head
    return (
        noun.dep_ == "nsubj"
        and verb.lemma_.lower() in SEEMING
        and any(c.dep_ in ("acomp", "attr", "oprd") for c in verb.children)
    )


def scene(top: Token) -> bool:
    """True when the trigger's phrase or clause only dates another event: the object of a time
    preposition or a clause opened by one ("since the invasion", "after X shelled Y")."""
    if top.dep_ in ("pobj", "pcomp") and top.head.lower_ in SCENE:
        return True
    return top.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in SCENE for c in top.children)


def _has_participant(noun: Token, index: MentionIndex) -> bool:
    """An actor inside the noun's phrase; a place there ("a rally in the south") is none."""
    return any(t.i != noun.i and index.where(t)[0] for t in noun.subtree)


def noun_sides_missing(
    frame: str, plover: str, sources: list[str], targets: list[str], carried: bool
) -> bool:
    """A noun event without the sides it needs (a light verb's subject is a side enough:
    'X declared a unilateral ceasefire')."""
    if carried and sources:
        return False
    if frame in TWO_SIDED:
        return len(set(sources) | set(targets)) < 2
    return not sources and plover not in UNNAMED_AGENT_TYPES


def unrealised_one_sided(mood: str, source: str | None, target: str | None) -> bool:
    """An act that did not happen, or has yet to ("refused to resign", "will deploy in the
    region", "did not protest"), is worth coding only between two named sides: with one
    side unnamed it tells of no interaction, nor does an act only supposed ("if police
    officers tried to detain him") with a side known by no country."""
    if mood in ("asserted", "reported"):
        return False
    if not (source and target):
        return True
    unknown = UNKNOWN_COUNTRY in (country_part(source), country_part(target))
    return mood == "hypothetical" and unknown


def non_actor_argument(
    verb: Token,
    frame: str,
    slots: tuple[str, ...],
    quad_class: int,
    sources: list[str],
    targets: list[str],
) -> bool:
    """A cooperative or verbal verb whose named subject is no actor, or a meeting verb whose
    only object is no actor and whose subjects are not both sides."""
    if quad_class not in VERBAL_OR_COOPERATIVE:
        return False
    if not sources and verb.dep_ in ("relcl", "acl") and verb.head.pos_ == "NOUN":
        subjects, active = subject_tokens(verb)
        if active and subjects == [verb.head]:
            return True
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    two_subjects = frame == "sym" and len(sources) >= 2  # "A and B met for talks"
    return (
        frame in TWO_SIDED
        and "dobj" in slots
        and bool(objects)
        and not targets
        and not two_subjects
    )


VISITS = frozenset({"042", "043"})
CROWDS = words(
    """tourist visitor refugee migrant immigrant emigrant seeker pilgrim student worker labourer
    laborer foreigner people civilian resident traveller traveler passenger fan shopper
    holidaymaker backpacker expatriate expat national citizen customer patient family child
    crowd spectator evacuee settler nomad herder farmer fisherman diaspora"""
)
QUANTITIES = words("thousand million hundred dozen number wave group influx flow stream lot tide")


ENCIRCLING = frozenset({"encircle", "surround", "ring"})
LOCATIVE = frozenset({"in", "into", "across"})


def place_description(verb: Token) -> bool:
    """ "drills in six zones encircling Taiwan": a participle of encircling on the object of
    a place phrase says where, not what was done."""
    place = verb.head
    return (
        verb.dep_ == "acl"
        and verb.lemma_.lower() in ENCIRCLING
        and place.dep_ == "pobj"
        and place.head.lower_ in LOCATIVE
    )


def signed_for_side(verb: Token) -> bool:
    """A signature with no document nor partner, for a side: "signed on behalf of X"."""
    if verb.lemma_.lower() != "sign" or any(c.dep_ == "dobj" for c in verb.children):
        return False
    preps = [c for c in verb.children if c.dep_ == "prep"]
    behalf = [
        p for p in preps if p.lower_ == "on" and any(g.lower_ == "behalf" for g in p.children)
    ]
    return not any(p.lower_ == "with" for p in preps) and (
        bool(behalf) or any(p.lower_ == "for" for p in preps)
    )


def crowd_visit(verb: Token, code: str) -> bool:
    """A visit whose visitors, or a hosting whose guests, are all a population."""
    if code[:3] not in VISITS:
        return False
    if code[:3] == "042":
        sides, _ = subject_tokens(verb)
    else:
        sides = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(sides) and all(_crowd(side) for side in sides)


def _crowd(noun: Token) -> bool:
    if noun.lemma_.lower() in QUANTITIES:
        inner = [g for c in noun.children if c.lower_ == "of" for g in c.children]
        return bool(inner) and all(_crowd(g) for g in inner)
    if noun.lemma_.lower() in CROWDS:
        return True
    return noun.ent_type_ == "NORP" and noun.tag_ in ("NNS", "NNPS") and noun.lower_.endswith("s")
