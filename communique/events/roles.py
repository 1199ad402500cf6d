"""Who the sides of a trigger are: its sources and targets from the parse (the subject, the
objects and the slots its table names, or a noun's owners and phrases), the other side of a
threat or demand found in the act threatened or demanded, or of a one-sided act in its
complement, and the (source, target) pairs an event is coded for.

    roles(match, index, context) -> (sources, targets, reciprocal, from_parse)
    pairs(frame, need, sources, targets, reciprocal, from_parse) -> list[Coded]
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations, permutations

from spacy.tokens import Token

from ..actors.resolve import UNKNOWN as UNKNOWN_COUNTRY
from ..records import state_of
from . import participants as args
from .claimed_by import claimants
from .claims import answered, claimed
from .embedded import complement_actors
from .ontology import NOT_EVENT, ontology
from .participants import Context, MentionIndex
from .receiving import received
from .slips import adverbial_objects
from .triggers import CALL_OFF, Match, verb_sense

# "arrived for talks": the talks are the side's that arrived (unless the phrase names both
# sides: "pulled out after talks between X and Y"; but "after a call with X and Y")
PURPOSE = frozenset({"for", "during", "at", "after"})


def roles(
    match: Match, index: MentionIndex, context: Context
) -> tuple[list[str], list[str], bool, bool]:
    """(sources, targets, reciprocal, found through the parse alone)."""
    if match.noun:
        return _noun_roles(match, index, context)
    verb = match.token
    subjects, active = args.subject_tokens(verb)
    if match.trigger.frame == "host" and verb.tag_ == "VBN" and args.agents(verb):
        subjects, active = _hosted_guests(verb, subjects), False
    objects = [c for c in verb.children if c.dep_ == "dobj"] or _relative_object(verb)
    objects = objects or adverbial_objects(verb)
    reciprocal = any(args.is_reciprocal(o) for o in objects)
    objects = [o for o in objects if not args.is_reciprocal(o)]
    targets = _slot_targets(verb, objects, match.trigger.slots, index, context)
    if active:
        sources = args.group(subjects, index, context)
    else:
        sources = args.group(args.agents(verb), index, context) or _announcer(verb, index, context)
        targets = args.group(subjects, index, context) + targets
    attack = ontology().code(match.trigger.cameo).plover == "ASSAULT"
    claimers = args.group(claimants(verb), index, context) if attack else []
    if claimers:  # "a bomber killed 40 police, an attack claimed by X": X attacked
        sources = claimers
    from_parse = bool(subjects) and not any(s.pos_ == "PRON" for s in subjects)
    targets = without(targets, sources)
    if not targets and active:
        targets = without(_the_country(objects, index, sources), sources)
    if not targets and active:
        targets = without(_participle_object(objects, index, context), sources)
    return sources, targets, reciprocal, from_parse


def _hosted_guests(verb: Token, subjects: list[Token]) -> list[Token]:
    """The guests of a participle "hosted by C": the sides of the meeting it hangs on ("A and B
    met, hosted by C"; "A and B met in talks hosted by C"; "talks between A and B hosted by
    C"), who are no agents of the hosting; none where no meeting is told."""
    if verb.dep_ == "advcl":
        return subjects if _meeting(verb.head) else []
    if verb.dep_ != "acl" or not subjects or subjects[0].pos_ != "NOUN":
        return subjects
    meeting = subjects[0]
    between = args.prep_objects(meeting, {"between"})
    if between:
        return between
    clause = meeting.head.head
    if meeting.dep_ == "pobj" and meeting.head.lower_ in ("in", "at") and _meeting(clause):
        found, active = args.subject_tokens(clause)
        return found if active else []
    return []


def _meeting(verb: Token) -> bool:
    sense = verb_sense(verb, ontology()) if verb.pos_ == "VERB" else None
    return sense is not None and ontology().code(sense.cameo).plover == "CONSULT"


def _participle_object(objects: list[Token], index: MentionIndex, context: Context) -> list[str]:
    """ "cut ties with Doha, accusing it of ...": the object pronoun of a participle hung on
    an earlier verb is that verb's object, or the partner its object names ("ties with X")."""
    if len(objects) != 1 or objects[0].lower_ not in ("it", "them"):
        return []
    verb = objects[0].head
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.head.i > verb.i:
        return []
    first = [c for c in verb.head.children if c.dep_ == "dobj"]
    partners = [p for o in first for p in args.prep_objects(o, {"with"})]
    found = args.group(first, index, context) or args.group(partners, index, context)
    if objects[0].lower_ == "them":
        return found
    found = [f for f in found if "/person/" not in f and "/role/" not in f]  # "it": no person
    return found if len(found) == 1 else []


def _relative_object(verb: Token) -> list[Token]:
    """ "the officials they hold responsible", "the man police arrested": a relative clause
    with a subject of its own and no object has the noun it describes as its object."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return []
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or subjects[0].lower_ in args.RELATIVE or subjects[0].dep_ == "nsubjpass":
        return []
    if any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):  # "which it threatened to scrap"
        return []
    return [verb.head]


STATE_NOUNS = frozenset({"country", "nation", "kingdom", "republic", "state"})
STATE_LOOKBACK = 60  # tokens: the state "the country" refers back to is named close before


def _the_country(objects: list[Token], index: MentionIndex, sources: list[str]) -> list[str]:
    """ "pledged to keep helping the country": the state last named before the object,
    other than the sources' own ("told Zelenskyy that Ukraine ... and that Washington would
    keep helping the country" -> Ukraine)."""
    if not objects or objects[0].lemma_.lower() not in STATE_NOUNS:
        return []
    obj = objects[0]
    if not any(c.lower_ == "the" for c in obj.children) or any(
        c.dep_ in ("amod", "compound", "poss", "prep") for c in obj.children
    ):
        return []
    own = args.with_own_states(sources)
    for i in range(obj.i - 1, max(-1, obj.i - STATE_LOOKBACK), -1):
        states = [e for e in index.entities(obj.doc[i]) if "/" not in e and e not in own]
        if states:
            return states[:1]
    return []


ANNOUNCING = frozenset({"announce", "declare", "decide", "order", "confirm", "decree"})


def _announcer(verb: Token, index: MentionIndex, context: Context) -> list[str]:
    """A passive without agent in what an actor announces or decides is that actor's act:
    "May announced that 23 diplomats would be expelled" -> May expels them."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.lemma_ not in ANNOUNCING:
        return []
    subjects, active = args.subject_tokens(head)
    return args.group(subjects, index, context) if active else []


def _slot_targets(
    verb: Token, objects: list[Token], slots: tuple[str, ...], index: MentionIndex, context: Context
) -> list[str]:
    found: list[Token] = []
    for slot in slots:
        if slot == "dobj":
            found.extend(objects)
        elif slot == "csubj":  # "demanded that X stop ..." -> X
            found.extend(
                g
                for c in verb.children
                if c.dep_ == "ccomp"
                for g in c.children
                if g.dep_ in ("nsubj", "nsubjpass")
            )
        elif slot == "claimed":  # "said Y must ...", "said Y was culpable"
            found.extend(t for _, t in filter(None, [claimed(verb)]))
        elif slot == "answered":  # "said it would respond to X's measures" -> X
            found.extend(answered(verb))
        elif slot == "dative":
            found.extend(c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP")
        else:
            found.extend(args.prep_objects(verb, {slot}))
            for obj in objects + [o for x in objects for o in args.prep_objects(x, {"of"})]:
                found.extend(args.prep_objects(obj, {slot}))  # "2 billion of funds for X"
    return args.group(found, index, context)


def _noun_roles(
    match: Match, index: MentionIndex, context: Context
) -> tuple[list[str], list[str], bool, bool]:
    given = received(match, index, context)  # "received aid from Y": from Y to the receiver
    if given is not None:
        return given
    noun, head, light = match.token, match.head or match.token, match.light
    slots = set(match.trigger.slots)
    phrase = [noun] if head.i == noun.i else [noun, head]
    inside = [p for t in phrase for p in args.prep_objects(t, slots - {"poss"})]
    if not inside:  # "the withdrawal of its forces from X": the slot hangs on the "of" object
        inside = [
            p
            for t in phrase
            for o in args.prep_objects(t, {"of"})
            for p in args.prep_objects(o, slots - {"poss", "of"})
        ]
    if not inside and match.trigger.frame == "sym":  # "agreements to establish ties with X"
        clauses = [c for t in phrase for c in t.children if c.dep_ == "acl"]
        clauses += [o for c in clauses for o in c.children if o.dep_ == "dobj"]
        inside = [p for c in clauses for p in args.prep_objects(c, COUNTERPARTS)]
    if light is not None and light.i != noun.i:
        inside += args.prep_objects(light, slots & {"between", "with", "on", "against", "to"})
    if light is not None and head.dep_ == "dobj" and _blamed_on(light):
        inside = [p for p in inside if p.head.lower_ != "on"]  # "blamed the attack on Iran"
    owners = [
        c
        for t in phrase
        for c in t.children
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and index.mention(c))
        if not _venue(c, index)
    ]
    if "patient" in slots and not inside:  # "ordered Dodik's detention": Dodik is detained
        inside, owners = owners, []
    owners += [p for t in phrase for p in args.prep_objects(t, {"by"})]
    sources: list[str] = []
    carried = match.effect is not None or match.plain
    if match.effect in CALL_OFF and light is not None:  # "called off a visit by X": X's
        sources = args.group(owners + _verb_by(light), index, context)
    if not sources and light is not None and carried and head.dep_ in ("dobj", "attr", "pobj"):
        subjects, _ = args.subject_tokens(light)
        sources = args.group(subjects, index, context)
    if not sources:
        sources = args.group(owners, index, context)
    sym = match.trigger.frame == "sym"
    between = [p for t in phrase for p in args.prep_objects(t, {"between"})]
    both_inside = sym and len(args.group(between, index, context)) >= 2  # not "a call with X and Y"
    if not sources and not both_inside and _purpose(head, sym) and _takes_part(match, sym):
        verb = head.head.head
        subjects, active = args.subject_tokens(verb)
        sources = args.group(subjects, index, context) if active else []
        if sources and sym and verb.lemma_.lower() in TELLING:  # "told X in a phone call"
            inside += [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    elif sym:
        inside += owners
    targets = without(args.group(inside, index, context), sources)
    return sources, targets, False, bool(sources) and bool(targets)


def _verb_by(light: Token) -> list[Token]:
    """The "by" phrase the parser hung on an active light verb instead of its noun ("called
    off a visit to Ankara by the Swedish minister")."""
    if not args.children(light, args.SUBJECTS):
        return []
    by = [c for c in light.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"]
    return [g for b in by for g in b.children if g.dep_ == "pobj"]


def _venue(modifier: Token, index: MentionIndex) -> bool:
    """ "the Geneva talks", "the Sochi summit": a town named before the noun is where the
    event is held, not a side of it."""
    if modifier.dep_ not in ("compound", "nmod"):
        return False
    entities = index.entities(modifier)
    return bool(entities) and all("/place/" in e for e in entities)


def _blamed_on(verb: Token) -> bool:
    """ "blamed / pinned the attack on X": X is who is blamed, not the attack's target."""
    sense = verb_sense(verb, ontology())
    if sense is None or "on" not in sense.slots:
        return False
    return ontology().code(sense.cameo).plover == "ACCUSE"


def _purpose(head: Token, sym: bool) -> bool:
    """The noun phrase says what its clause's subject came for or took part in ("arrived for
    talks"); a meeting or call also in what it was said in ("told X in a phone call")."""
    if head.dep_ != "pobj":
        return False
    return head.head.lower_ in PURPOSE or (sym and head.head.lower_ == "in")


def _takes_part(match: Match, sym: bool) -> bool:
    """The clause's subject takes part in a one-sided act it is "at" or "during" unless the
    clause tells an act of another kind ("police detained dozens during a protest": the
    police are not the protesters); in a meeting it takes part either way."""
    verb = (match.head or match.token).head.head
    if sym:
        return True
    onto = ontology()
    kinds = {
        onto.code(r.cameo).plover
        for r in onto.verbs.get(verb.lemma_.lower(), ())
        if r.cameo != NOT_EVENT
    }
    return not kinds or onto.code(match.trigger.cameo).plover in kinds


TELLING = frozenset({"tell", "assure", "inform", "warn", "urge", "ask", "promise"})
COUNTERPARTS = frozenset({"with", "between", "to", "from"})  # "a deal to buy gas from X"


def without(items: list[str], removed: list[str]) -> list[str]:
    """The targets that are not sources, nor the very state a source belongs to
    ("May ... expelled from Britain": May does not act on Britain)."""
    excluded = args.with_own_states(removed)
    return [i for i in items if i not in excluded]


def inner_targets(
    inner: list[Match], sources: list[str], index: MentionIndex, context: Context
) -> list[str]:
    """The target of a threat or demand is the target of the act threatened or demanded
    ('threatened to impose sanctions on X' -> X)."""
    for match in inner:
        targets = without(roles(match, index, context)[1], sources)
        if targets:
            return targets
    return []


def complement_targets(
    verb: Token, frame: str, sources: list[str], index: MentionIndex, context: Context
) -> list[str]:
    """The other side of a one-sided act, from its complement; for a joint act ("agreed to
    US mediation") only a named actor of another country, never a place or the source's own
    officials ("the two leaders agreed that officials would ...")."""
    joint = frame != "dir"
    found = complement_actors(verb, index, context, sources, places=not joint, topics=not joint)
    if not found and not joint:  # "pledged that X would keep helping the country"
        found = _the_country(_complement_objects(verb), index, sources)
    found = without([country_of_place(t) or t for t in found], sources)
    own = args.with_own_states(sources) | {UNKNOWN_COUNTRY}
    foreign = [t for t in found if t.split("/", 1)[0] not in own]
    if joint:
        return foreign
    # "X's spokesman ruled out a meeting between X's president and Y": Y, not X's own side
    home = args.with_own_states(sources) - {UNKNOWN_COUNTRY}
    mixed = foreign and any(t.split("/", 1)[0] in home for t in found)
    return foreign if mixed else found


def _complement_objects(verb: Token) -> list[Token]:
    """The direct objects of the verbs in a verb's that-clause or infinitive, nearest first."""
    layer, found = [verb], []
    for _ in range(3):
        layer = [c for t in layer for c in t.children if c.dep_ in ("ccomp", "xcomp")]
        found += [c for t in layer for c in t.children if c.dep_ == "dobj"]
    return found[:1]


TOLD = frozenset({"tell", "assure", "inform"})  # whom a that-clause is told to


def contacted(match: Match, sources: list[str], index: MentionIndex, context: Context) -> list[str]:
    """The other side of what a call or visit was for: "telephoned X to express his support"
    (support for X), "visited X to discuss trade"; of what X was told ("told him that
    Pakistan reserved the right to respond")."""
    verb = match.light if match.light is not None else match.token
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in TOLD:  # "told him that X would"
        told = [c for c in verb.head.children if c.dep_ in ("dobj", "dative")]
        return without(args.group(told, index, context), sources)
    if verb.dep_ not in ("xcomp", "advcl") or not args.infinitive(verb):
        return []
    if verb.head.lemma_.lower() not in args.CONTACTING:
        return []
    objects = [c for c in verb.head.children if c.dep_ == "dobj"]
    return without(args.group(objects, index, context), sources)


def disclosed_by(match: Match, index: MentionIndex, context: Context) -> list[str]:
    """ "According to the Pentagon, the package for Ukraine includes ...": an aid noun whose
    giver is not named is the aid of the state of whoever tells what it holds (the
    "according to" phrase of the noun's clause): the office that discloses it gives nothing
    itself."""
    verb = (match.head or match.token).head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    told = [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "according"
        for to in c.children
        if to.lower_ == "to"
        for g in to.children
        if g.dep_ == "pobj"
    ]
    return list(dict.fromkeys(state_of(e) for e in args.group(told, index, context)))


def one_sided(frame: str, sources: list[str]) -> bool:
    """A directed act, or a joint one only one side of which the clause names ("X agreed to
    Y's mediation"), may find its other side inside its complement."""
    return frame == "dir" or (frame == "sym" and len(sources) == 1)


def country_of_place(entity: str | None) -> str | None:
    """The country of a place entity ("RUS/place/sochi" -> "RUS"), None for other actors."""
    if entity is None or "/place/" not in entity:
        return None
    country = entity.split("/", 1)[0]
    return None if country == UNKNOWN_COUNTRY else country


@dataclass(slots=True)
class Coded:
    """One pair of sides of an event, with the mode the pairing itself sets ("visit",
    "third-party") and whether the parse alone found the sides."""

    source: str | None
    target: str | None
    mode: str | None
    from_parse: bool


def pairs(
    frame: str,
    need: int,
    sources: list[str],
    targets: list[str],
    reciprocal: bool,
    from_parse: bool,
) -> list[Coded]:
    """Each source with each target: a host with each guest and every two guests with each
    other; the sources with each other where the act is mutual ("met each other"); with no
    target, every two sides of a joint act, else each side alone, unless the trigger needs
    two participants."""
    if frame == "host":
        found = [(s, t, "visit") for s in sources for t in targets]
        found += [(a, b, "third-party") for a, b in combinations(targets, 2)]
    elif reciprocal:
        found = [(a, b, None) for a, b in permutations(sources, 2)]
    elif sources and targets:
        found = [(s, t, None) for s in sources for t in targets]
    elif frame == "sym" and len(sources + targets) >= 2:
        found = [(a, b, None) for a, b in combinations(sources + targets, 2)]
    elif sources:
        found = [(s, None, None) for s in sources]
    else:
        found = [(None, t, None) for t in targets]
    return [
        Coded(s, t, mode, from_parse)
        for s, t, mode in found
        if s != t and (s or t) and (need < 2 or (s and t))
    ]
