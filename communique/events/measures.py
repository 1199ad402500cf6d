"""Coercive measures beyond the act itself: announced (a threat), attempted (force used),
ended (eased, or an agreement revoked) or staged alone (a show of force).

    undone(match, code, onto) -> str | None        # the code of a measure or deal ended
    halted(match, code) -> str | None              # the code of a cooperation stopped
    announced(match, code, plover, act_class, mood, sourced) -> (code, mood)
    around(match) -> list[Token]; place_state(place) -> str | None
    region_state(match, index, sources) -> str | None
"""

from __future__ import annotations

from spacy.tokens import Token

from ..actors.resolve import UNKNOWN as UNKNOWN_COUNTRY
from ..records import Location
from . import participants as args
from .ontology import Ontology
from .screen import ENCIRCLING, LOCATIVE
from .triggers import CALL_OFF, Match

COERCIVE = frozenset({"ASSAULT", "COERCE", "SANCTION"})
MATERIAL_CONFLICT = 4  # quad class of ASSAULT, COERCE, MOBILIZE, SANCTION ...
# An announced coercive act ("will impose sanctions on X", "plans to tighten the blockade") is
# a threat (CAMEO 13: "express intentions to take a coercive action"); the act is coded when
# done; an act announced in the passive is a decision, coded as the act. CAMEO prefix of the
# act -> threat code, longest prefix first.
THREATENED = {
    "161": "1313",
    "162": "1311",
    "163": "1312",
    "164": "134",
    "165": "135",
    "166": "136",
    "16": "131",
    "175": "137",
    "17": "132",
    "191": "1381",
    "192": "1382",
    "18": "138",
    "19": "138",
    "20": "1385",
}
# A coercive measure that is cancelled, revoked or withdrawn is eased (CAMEO 08): "scrapped
# the restrictions" (081), "called off the boycott" (085), "revoked the blockade" (0872).
EASED = {
    "163": "085",
    "16": "085",
    "14": "082",
    "17": "081",
    "191": "0872",
    "19": "087",
    "18": "087",
    "20": "087",
}
ENDING = frozenset({"cancel", "end"})  # light-verb effects that undo a measure or agreement
# Stopping a cooperative act is reducing relations (CAMEO 16): "stopped sharing intelligence
# with X" (160), "ceased funding the agency" (162), "stopped talking to X" (164). Any other act
# stopped ("stopped shelling the town") is not asserted (modality.py).
CEASING = frozenset({"stop", "cease", "quit", "discontinue"})
HALTED = {"04": "164", "06": "160", "07": "162"}
# Military exercises with a partner are military cooperation (062); held alone they are a
# show of force (150: "China began live-fire drills around Taiwan").
SHOWN_FORCE = {"062": "150"}
AROUND = frozenset({"around", "near", "off", "encircling", "surrounding"})  # what it is aimed at
REVOKED = "120"  # CAMEO: reject; an agreement scrapped, revoked or abandoned
# where an attack's object lies: "hideouts in Iran's Sistan province", "on Pakistani soil"
REGIONS = frozenset({"province", "region", "district", "territory", "soil", "county"})
ATTEMPTS = frozenset({"try", "attempt"})
# "announced that 23 diplomats would be expelled": a measure its announcer decides, told in
# the passive with no other doer, is the announcer's act
DECIDING = frozenset({"announce", "decide", "declare", "order", "confirm", "say", "state"})
# "was considering suspending relations with X": a coercive act its doer weighs is a threat
# made now, while the act itself stays only possible
WEIGHING = frozenset({"consider", "weigh", "mull", "contemplate"})


def undone(match: Match, code: str, onto: Ontology) -> str | None:
    """The code of a coercive measure eased ("scrapped the restrictions") or of an agreement
    revoked ("scrapped the deal with X": a rejection of X, not an agreement undone) by an
    ending light verb; None if the match ends nothing."""
    if match.effect not in ENDING:
        return None
    entry = onto.code(code)
    if entry.quad_class == MATERIAL_CONFLICT:
        return prefixed(EASED, code) or code
    return REVOKED if entry.plover == "AGREE" else None


def halted(match: Match, code: str) -> str | None:
    """The code of a cooperative act its doer stops ("stopped sharing intelligence with X"),
    or None if the act is not stopped or is no cooperation."""
    if match.noun or match.token.dep_ != "xcomp":
        return None
    if match.token.head.lemma_.lower() not in CEASING:
        return None
    return prefixed(HALTED, code)


def announced(
    match: Match, code: str, plover: str, act_class: int, mood: str, sourced: bool
) -> tuple[str, str]:
    """The code and modality of a planned act: force attempted is force used ("tried to seize
    the airport"), and a coercive act its doer announces is a threat, asserted."""
    if mood != "planned":
        return code, mood
    if act_class == MATERIAL_CONFLICT and attempted(match):
        return code, "asserted"
    threat = prefixed(THREATENED, code) if plover in COERCIVE else None
    if sourced and threat is not None and active(match) and own(match):
        return threat, "asserted"
    if sourced and plover in COERCIVE and own(match) and decided(match):
        return code, "asserted"
    return code, mood


def weighed(match: Match, code: str, plover: str, mood: str, sourced: bool) -> str | None:
    """The threat code of a coercive act its doer is weighing ("was considering suspending
    ties with X", "is weighing sanctions on X"); None for any other act."""
    if not sourced or plover not in COERCIVE or mood != "hypothetical" or not own(match):
        return None
    verb = match.light if match.light is not None else match.token
    weighing = verb if match.light is not None else verb.head  # "weighs sanctions on X"
    if weighing is not verb and verb.dep_ not in ("xcomp", "dobj"):
        return None
    if weighing.lemma_.lower() not in WEIGHING:
        return None
    return prefixed(THREATENED, code) if active(match) else None


def decided(match: Match) -> bool:
    """The act is a passive clause with no agent under an announcement ("announced that 23
    diplomats would be expelled"): the announcement is the decision."""
    verb = match.light if match.light is not None else match.token
    if match.noun and match.light is None or verb.dep_ != "ccomp":
        return False
    if verb.head.lemma_.lower() not in DECIDING:
        return False
    children = {c.dep_ for c in verb.children}
    return "nsubjpass" in children and "agent" not in children


def around(match: Match) -> list[Token]:
    """What a show of force is staged around ("drills around Taiwan", "off its coast"), also
    through the place it is staged in ("drills in zones encircling Taiwan", "fired missiles
    into waters off X")."""
    found = [p for anchor in match.anchors for p in args.prep_objects(anchor, AROUND)]
    places = [p for anchor in match.anchors for p in args.prep_objects(anchor, LOCATIVE)]
    return found or [o for p in places for o in aimed_from(p)]


def aimed_from(place: Token) -> list[Token]:
    """ "zones encircling Taiwan" -> Taiwan; "waters off X" -> X."""
    encircling = [c for c in place.children if c.dep_ == "acl" and c.lemma_.lower() in ENCIRCLING]
    return [o for c in encircling for o in args.children(c, {"dobj"})] + args.prep_objects(
        place, AROUND
    )


def place_state(place: Location | None) -> str | None:
    """The state where an attack, blockade or crackdown with no named victim happens is the
    side it is done to ("rebels set off bombs in Kabul": Afghanistan)."""
    if place is None or not place.country or place.country == UNKNOWN_COUNTRY:
        return None
    return place.country


def region_state(match: Match, index: args.MentionIndex, sources: list[str]) -> str | None:
    """ "struck militants it said belonged to groups in Iran's Sistan province": the state
    whose province, district or soil the object of an attack lies in, if not the source's."""
    own = args.with_own_states(sources)
    objects = [c for a in match.anchors for c in a.children if c.dep_ in ("dobj", "prep")]
    for token in (t for o in objects for t in o.subtree):
        if token.lemma_.lower() not in REGIONS:
            continue
        owners = [c for c in token.children if c.dep_ in ("poss", "amod", "compound")]
        states = [e for c in owners for e in index.entities(c) if "/" not in e]
        foreign = [e for e in states if e not in own and e != UNKNOWN_COUNTRY]
        if foreign:
            return foreign[0]
    return None


def active(match: Match) -> bool:
    """The act is told in the active voice ("will expel them"), not as a decision on its
    objects ("announced that 23 diplomats would be expelled": the expulsion itself)."""
    verb = match.light if match.light is not None else match.token
    return (match.noun and match.light is None) or args.subject_tokens(verb)[1]


def own(match: Match) -> bool:
    """The act lies ahead as its doer's intent, not put off or called off ("agreed to delay
    annexation" is no threat to annex)."""
    return match.effect not in CALL_OFF


def attempted(match: Match) -> bool:
    """ "tried to seize", "an attempt to storm": the act was set about, not announced."""
    verb = match.light if match.light is not None else match.token
    return verb.dep_ in ("xcomp", "acl") and verb.head.lemma_.lower() in ATTEMPTS


def prefixed(table: dict[str, str], code: str) -> str | None:
    """The value of the longest key of `table` that `code` starts with."""
    for size in range(len(code), 1, -1):
        if code[:size] in table:
            return table[code[:size]]
    return None
