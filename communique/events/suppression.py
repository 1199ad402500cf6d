"""Trigger matches that are not coded as events of their own: an act only asked for,
promised, threatened, alleged or invited ("urged X to release", "accused X of attacking"), a noun that
sets the scene, the toll of an attack ("shelled the town, killing 20"), and a purpose that
names the act it serves ("began a hunger strike to protest") or a participle that states
what an agreement brings about ("agreed to a ceasefire, ending five days of fighting").

    suppressor(match, verbs, onto) -> Match | None
    threatened_if(match, governing, onto) -> bool   # coded besides the threat, hypothetical
    toll(match, verbs, index, onto) / purpose_of_same_act(match, carriers, onto) -> bool
    result(match, carriers, onto) -> bool             # "agreed to a truce, ending the war"
    background(match, index) -> bool
"""

from __future__ import annotations

from spacy.tokens import Token

from . import participants as args
from . import screen
from .measures import ENDING
from .modality import conditional
from .ontology import Ontology
from .participants import MentionIndex
from .triggers import INTENDED, Match

SUPPRESSING = frozenset({"REQUEST", "THREATEN"})
INVITING = frozenset({"invitation", "invite"})  # "invited X to visit": the visit is the invitation
SETTLING = frozenset({"AGREE", "RETREAT"})  # what a participle ending a measure results from
ALLEGING = frozenset({"ACCUSE"})
PROMISING = frozenset(
    {"pledge", "promise", "vow"}
)  # the act promised is the pledge's content  # "accused X of violating", "blamed X for attacking"


def threatened_if(match: Match, governing: Match, onto: Ontology) -> bool:
    """ "threatened to impose sanctions on X if ...": a threat with a condition names the act
    that would follow; it is coded besides the threat, as hypothetical."""
    if onto.code(governing.trigger.cameo).plover != "THREATEN":
        return False
    return any(conditional(t) for t in (*match.anchors, governing.token))


def suppressor(match: Match, verbs: dict[int, Match], onto: Ontology) -> Match | None:
    """The request, threat or allegation that governs an act only asked for, threatened or
    alleged ('urged X to release', 'threatened to impose sanctions', 'accused X of
    attacking'): such an act is not itself coded."""
    token = match.light if match.light is not None else match.token
    via_of = False
    while complement(token) and token.head.i != token.i:
        via_of = via_of or _alleged_through(token)
        token = token.head
        governing = verbs.get(token.i)
        if governing is None or args.commands_own_forces(governing.token):
            continue
        plover = onto.code(governing.trigger.cameo).plover
        if (
            governing.token.lemma_.lower() in INVITING
            or governing.trigger == INTENDED
            or governing.token.lemma_.lower() in PROMISING  # "pledged that X would keep helping"
            or plover in SUPPRESSING
            or (plover in ALLEGING and via_of)
        ):
            return governing
    return None


def _alleged_through(token: Token) -> bool:
    """ "accused X of attacking / of the attack", "blamed X for attacking": the phrase that
    names what is alleged ("blamed X for the attack" names an attack that did happen)."""
    if token.dep_ == "pcomp" and token.head.lower_ == "for":
        return token.pos_ == "VERB"
    return token.dep_ == "prep" and token.lower_ == "of"


def complement(token: Token) -> bool:
    """Reached through a complement: xcomp/ccomp/objects, or an infinitival advcl ('to impose')."""
    if token.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp"):
        return True
    return token.dep_ in ("advcl", "acl") and args.infinitive(token)


def toll(match: Match, verbs: dict[int, Match], index: MentionIndex, onto: Ontology) -> bool:
    """ "shelled the town, killing 20 people": a participle giving the toll of an attack
    names no act of its own (unless it names a victim the attack does not)."""
    token = match.token
    governing = verbs.get(token.head.i)
    if match.noun or governing is None or token.dep_ != "advcl" or token.tag_ != "VBG":
        return False
    kinds = {onto.code(m.trigger.cameo).plover for m in (match, governing)}
    subtree = token.doc[token.left_edge.i : token.right_edge.i + 1]
    return kinds == {"ASSAULT"} and not index.entities_in(subtree)


# what an envoy is summoned for is said in the summons itself ("summoned the ambassador to
# lodge a protest / to demand an explanation"): no second act
SUMMONING = frozenset({"summon"})
SUMMONS_CONTENT = frozenset({"ACCUSE", "PROTEST", "REQUEST", "DISAPPROVE"})


def purpose_of_same_act(match: Match, carriers: dict[int, Match], onto: Ontology) -> bool:
    """ "began a hunger strike to protest X's decision": the purpose names the protest the
    strike is, not a second protest (the strike takes X as its target)."""
    token = match.token
    kind = onto.code(match.trigger.cameo).plover
    if kind in SUMMONS_CONTENT and _summons_purpose(match):
        return True
    if match.noun or token.dep_ not in ("advcl", "relcl", "acl") or not args.infinitive(token):
        return False
    carried = carriers.get(token.head.i)
    return carried is not None and onto.code(carried.trigger.cameo).plover == kind


def _summons_purpose(match: Match) -> bool:
    """ "summoned the ambassador to demand an explanation / to lodge a protest"."""
    verb = match.light if match.noun and match.light is not None else match.token
    if verb.dep_ not in ("advcl", "xcomp") or not args.infinitive(verb):
        return False
    return verb.head.lemma_.lower() in SUMMONING


def result(match: Match, carriers: dict[int, Match], onto: Ontology) -> bool:
    """ "agreed to a ceasefire, ending five days of fighting": a participle that ends a measure
    states what the agreement or truce it hangs on brings about, not a second act."""
    verb = match.light
    if verb is None or match.effect not in ENDING or verb.dep_ != "advcl" or verb.tag_ != "VBG":
        return False
    carried = carriers.get(verb.head.i)
    return carried is not None and onto.code(carried.trigger.cameo).plover in SETTLING


def background(match: Match, index: MentionIndex) -> bool:
    carried = match.light is not None and match.effect is not None
    if match.noun and not carried and screen.compared(match.head or match.token):
        return True
    return match.noun and screen.background_noun(match.head or match.token, carried, index)
