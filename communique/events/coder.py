"""The event coder: triggers from the verb and noun tables (triggers.py), their sides from
the parse (roles.py), then modality, date (dating.py), location, evidence and confidence for
each coded event. Acts not coded on their own are screened out by suppression.py; threats,
easing and shows of force are recoded by measures.py, refusals and meetings called off by
refusal.py, claims of responsibility by responsibility.py; the attributes of each event come
from attributes.py.

    extract(doc, article, sentences, mentions, actors, timexes) -> list[Event]
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ..records import Actor, Article, DateValue, Event, Location, Mention, Sentence
from . import (
    arbiter,
    attributes,
    conjoined,
    denial,
    ellipsis,
    judged,
    measures,
    mutual,
    refusal,
    responsibility,
    screen,
    suppression,
)
from . import participants as args
from .claims import BLAMED, DEMANDED, RESPONDED, WARNED, WORSENED, claimed
from .dating import choose_date, still_ahead
from .embedded import TIME_PREPOSITIONS, purpose_actors
from .location import carry_over, destination, from_dateline, locate
from .modality import modality
from .ontology import CameoCode, Ontology, ontology
from .participants import Context, MentionIndex
from .roles import (
    complement_targets,
    contacted,
    country_of_place,
    disclosed_by,
    inner_targets,
    one_sided,
    pairs,
    roles,
    without,
)
from .triggers import CALL_OFF, Match, find_triggers

MEDIATE = "045"
INTENT = "030"
AID_OFFERED = "033"  # "offered $2 billion"; "called X to offer his support" is support (051)
SUPPORTED = "051"
APOLOGY = "055"
SUPPORT_WORDS = frozenset({"support", "backing", "solidarity", "condolence", "sympathy"})
# what a later bare refusal ("Washington refused to comply") answers: a request, an ultimatum,
# or an order to leave (an expulsion)
DEMANDING = frozenset({"REQUEST", "THREATEN"})
ORDERS_TO_LEAVE = frozenset({"166", "174"})
VERBAL_CONFLICT = 3  # quad class of ACCUSE, REJECT, THREATEN ...; 4 is material conflict
SCENE_WEIGHT = 0.5  # strength left to an event that only sets the scene ("since the invasion")


def extract(
    doc: Doc,
    article: Article,
    sentences: list[Sentence],
    mentions: list[Mention],
    actors: list[Actor],
    timexes: list[DateValue],
) -> list[Event]:
    """Every event the article's body sentences state, in text order."""
    onto = ontology()
    index = MentionIndex(doc, [m for m in mentions if m.entity])
    context = Context()
    events: list[Event] = []
    last = -1  # the last sentence that told an event
    for sentence in sentences:
        if sentence.kind != "body":
            continue
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            continue
        denied = denial.find(span, onto, index, context)
        if denied is not None:
            denial.apply(denied, events, sentence.index)
        scope = Scope(sentence, article, index, context, timexes, onto)
        found = _sentence(span, scope)
        if not found:  # "Canada and Brazil did the same": the event of the sentence before
            before = [e for e in events if e.evidence and e.evidence[0].sentence_index == last]
            found = ellipsis.repeated(span, sentence, before, index, context)
            for number, event in enumerate(found):
                event.event_id = f"{article.article_id}:{sentence.index}:{number}"
        for claim in responsibility.claimed(span, sentence, events + found, index, context):
            claim.event_id = f"{article.article_id}:{sentence.index}:{len(found)}"
            found.append(claim)  # "X claimed responsibility": X's account of the attack
        if found:
            last = sentence.index
        events.extend(found)
    return carry_over(events, article.text)


def _sentence(span: Span, scope: Scope) -> list[Event]:
    sentence, article, index, context, timexes, onto = scope.unpack()
    matches = arbiter.arbitrate(find_triggers(span, onto), onto)
    verbs = {
        m.token.i: m
        for m in matches
        if not m.noun or m.token.lemma_.lower() in suppression.INVITING
    }
    carriers = {m.light.i: m for m in matches if m.noun and m.light is not None}
    carriers.update((m.token.i, m) for m in matches if m.noun and m.light is not None)
    carriers.update((m.token.i, m) for m in matches if not m.noun)
    events: list[Event] = []
    seen: set[tuple] = set()
    events_of: dict[int, list[Event]] = {}  # by trigger, in text order
    inner: dict[int, list[Match]] = {}
    governors = {m.token.i: suppression.suppressor(m, verbs, onto) for m in matches}
    for match in matches:
        governing = governors[match.token.i]
        if governing is not None:
            inner.setdefault(governing.token.i, []).append(match)
    for match in matches:
        governing = governors[match.token.i]
        if governing is not None and suppression.threatened_if(match, governing, onto):
            events_of[match.token.i] = code_match(match, scope, mood="hypothetical")
            continue
        if governing is not None or suppression.background(match, index):
            continue
        if not match.noun and args.commands_own_forces(match.token):
            continue  # the act commanded is coded, as the commander's
        if suppression.toll(match, verbs, index, onto) or suppression.purpose_of_same_act(
            match, carriers, onto
        ):
            continue
        if suppression.result(match, carriers, onto):
            continue
        if screen.scene(match.light if match.light is not None else match.head or match.token):
            strength = match.trigger.strength * SCENE_WEIGHT
            match = replace(match, trigger=replace(match.trigger, strength=strength))
        events_of[match.token.i] = code_match(match, scope, inner.get(match.token.i, []))
    for found in events_of.values():
        for event in found:
            day = event.date.start if event.date else None  # "met again, a year after they met"
            key = (event.event_type, event.source, event.target, event.modality, day)
            if key not in seen:
                seen.add(key)
                event.event_id = f"{article.article_id}:{sentence.index}:{len(events)}"
                events.append(event)
    if not events and len(index.entities_in(span)) >= 2:
        events = _fallback(span, scope)
    return _places_to_states(events)


def _places_to_states(events: list[Event]) -> list[Event]:
    """A town is where an event happens, not who takes part: "flew to Sochi for talks with
    Putin" is one meeting with Putin (a visit, in Sochi), and "visited Sochi" alone is a
    visit to Russia. A place target gives way to a same-type event of the same source
    with a target from that country, else becomes the country; a trip at home is no
    interaction."""
    kept: list[Event] = []
    for event in events:
        country = country_of_place(event.target)
        if country is None:
            kept.append(event)
            continue
        host = next(
            (
                other
                for other in events
                if other is not event
                and other.event_type == event.event_type
                and other.source == event.source
                and country_of_place(other.target) is None
                and (other.target or "").split("/", 1)[0] == country
            ),
            None,
        )
        if host is not None:
            if host.mode is None and event.mode is not None:
                host.mode, host.cameo = event.mode, event.cameo
            host.location = host.location or event.location
        elif (event.source or "").split("/", 1)[0] != country:  # not a trip at home
            event.target = country
            kept.append(event)
    return kept


def _place(match: Match, index: MentionIndex, sides: list[str], plover: str) -> Location | None:
    """Where the event happens: a place hung on the trigger, else on its objects or its
    subject noun, else the dateline's."""
    place = locate(
        match.anchors + ([match.head] if match.head is not None else []),
        index,
        _direct_places(match),
    ) or locate(_objects(match) + _event_subjects(match), index, [])
    if place is None and plover == "CONSULT":  # "called off a trip to Beijing"
        place = destination(match.anchors + [match.token], index)
    return place or from_dateline(match.token.sent, sides, plover)


def _direct_places(match: Match) -> list[Token]:
    if match.trigger.cameo == "042" and not match.noun:
        objects = [c for c in match.token.children if c.dep_ == "dobj"]
        return objects + args.prep_objects(match.token, {"to", "in"})
    return []


def _event_subjects(match: Match) -> list[Token]:
    """ "a drone strike at Baghdad airport killed X": the place of a subject noun."""
    return [c for a in match.anchors for c in a.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]


def _objects(match: Match) -> list[Token]:
    """The direct and prepositional objects of the trigger: the parser often hangs "in Bali"
    on them ("met Xi Jinping in Bali", "met for three hours in Bali") rather than on the
    verb."""
    found = [c for anchor in match.anchors for c in anchor.children if c.dep_ == "dobj"]
    return found + [  # "met for three hours in Bali", "met with Xi in Bali"
        g
        for anchor in match.anchors
        for c in anchor.children
        if c.dep_ == "prep"
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _fallback(span: Span, scope: Scope) -> list[Event]:
    """A sentence whose predicate the tables miss, typed by the trained model (arbiter.py)."""
    sentence, article, index, context, timexes, onto = scope.unpack()
    events: list[Event] = []
    for token, trigger in arbiter.fallback_verbs(span, onto):
        for event in code_match(Match(token, trigger, noun=False), scope):
            event.event_id = f"{article.article_id}:{sentence.index}:{len(events)}"
            events.append(event)
    return events


@dataclass(frozen=True, slots=True)
class Scope:
    """What coding one sentence needs besides the trigger: the sentence, its article, the
    article's mentions, the carried context, its dates and the event tables."""

    sentence: Sentence
    article: Article
    index: MentionIndex
    context: Context
    timexes: list[DateValue]
    onto: Ontology

    def unpack(self) -> tuple:
        return self.sentence, self.article, self.index, self.context, self.timexes, self.onto


# ---------------------------------------------------------------- one trigger -> events


def code_match(
    match: Match, scope: Scope, inner: list[Match] | None = None, mood: str | None = None
) -> list[Event]:
    """The events of one trigger; `mood` overrides the modality read from the parse."""
    sentence, article, index, context, timexes, onto = scope.unpack()
    code = _code(match, onto)
    entry = onto.code(code)
    if entry.plover is None:
        return []
    sources, targets, reciprocal, from_parse = roles(match, index, context)
    mutual_sides = mutual.sides(match, context)  # "with each side accusing the other"
    if mutual_sides:
        sources, targets, reciprocal = mutual_sides, [], True
    if entry.plover == "REQUEST" and refusal.granted(match):  # "approved his request"
        askers = [a for a in (context.asker(s) for s in sources[:1]) if a is not None]
        if askers:  # only a request told before: the granter agrees with the asker
            code, entry, targets = refusal.AGREED, onto.code(refusal.AGREED), askers
    frame = "host" if _hosted(match, entry.plover) else match.trigger.frame
    if not targets and not reciprocal:
        targets = inner_targets(inner or [], sources, index, context)
    if not targets and not reciprocal:  # "closed its borders with X and froze its assets"
        targets = conjoined.inherited(match, sources, entry.plover, context)
    if match.noun and targets and not sources and entry.plover == "AID":
        sources = without(disclosed_by(match, index, context), targets)  # "according to X"
    claim = match.trigger in (DEMANDED, BLAMED, RESPONDED, WORSENED, WARNED)  # from the declaration
    if sources and not targets and match.trigger == WORSENED:  # "said the deliveries would ..."
        targets = judged.author_of(claimed(match.token)[1], onto, context, sources)
    if sources and not targets and not match.noun and not claim:  # "condemned the raid"
        targets = judged.author(match.token, entry.plover, onto, context, sources)
    if (
        sources
        and not targets
        and not reciprocal
        and not match.noun
        and not claim
        and one_sided(frame, sources)
        and not _object_gap(match)
    ):
        targets = complement_targets(match.token, frame, sources, index, context)
    elif sources and not targets and match.light is not None and frame == "dir":
        targets = without(purpose_actors(match.light, index, context, sources), sources)
    if sources and not targets and frame == "dir":
        targets = contacted(match, sources, index, context)
    if sources and not targets and entry.plover == "CONCEDE" and (match.noun or code == APOLOGY):
        targets = judged.counterpart(sources, context)  # "X made concessions", "X apologised"
    if sources and not targets and not match.noun and entry.quad_class >= VERBAL_CONFLICT:
        targets = judged.answered(match.token, context, sources)  # "downgraded ... in response"
    if sources and not targets and entry.plover == "ACCUSE" and _intransitive(match):
        targets = judged.counterpart(sources, context)  # "X had already lashed out"
    if code in judged.SEVERED and not match.noun:  # "recalled its ambassador": not a side
        targets = judged.foreign(targets, sources)
    if sources and not targets and code in judged.SEVERED and not match.noun:
        targets = judged.counterpart(sources, context)  # "X had broken off negotiations"
    if sources and not targets and entry.plover == "REJECT" and refusal.bare_refusal(match):
        targets = [a for a in (context.asker(s) for s in sources[:1]) if a is not None]
    if sources and not targets and code == MEDIATE:  # "X brokered the talks": the last two sides
        parties = without(context.last_parties, sources)
        targets = parties if len(parties) == 2 else []
        if not targets:
            return []  # a mediation between no named sides
    if _unfit(match, frame, entry.plover, entry.quad_class, sources, targets):
        return []
    conjoined.remember(match, sources, targets, entry.plover, context)
    coded = pairs(frame, match.trigger.min_participants, sources, targets, reciprocal, from_parse)
    if entry.plover == "CONSULT":  # an interview is no consultation ("Reuters spoke with X")
        coded = [c for c in coded if not _media(c.source) and not _media(c.target)]
    if not coded:
        return []
    shown = code in measures.SHOWN_FORCE or code in measures.SHOWN_FORCE.values()
    if shown and all(c.target is None for c in coded):  # "fired missiles into waters off X"
        code = measures.SHOWN_FORCE.get(code, code)
        entry = onto.code(code)
        aimed = args.group(measures.around(match), index, context)  # "drills around Taiwan"
        coded = [replace(c, target=t) for c in coded for t in without(aimed, sources)] or coded
    act_class = entry.quad_class  # of the act itself, before it is eased or threatened
    undone = measures.undone(match, code, onto)  # a measure eased, an agreement revoked
    if undone is not None:
        code, entry = undone, onto.code(undone)
    mood = mood or (
        modality(attributes.anchors(match), onto, entry.plover)
        if undone is not None
        else attributes.modality_of(match, entry.plover, onto)
    )
    date = choose_date(match, article, timexes)
    if (
        mood == "asserted"
        and not attributes.ranked(match)
        and (attributes.future(match, date, article) or attributes.offered(match))
    ):
        mood = "planned"
    threat = measures.weighed(match, code, entry.plover, mood, bool(sources))
    code, mood = measures.announced(match, code, entry.plover, act_class, mood, bool(sources))
    date = still_ahead(date, mood, match, article)
    entry = onto.code(code)
    place = _place(match, index, sources + targets, entry.plover)
    evidence = attributes.evidence(match, sentence, article)
    events = []
    for item in coded:
        if item.target is None and item.source and act_class == measures.MATERIAL_CONFLICT:
            item.target = measures.region_state(match, index, sources) or measures.place_state(
                place
            )
        if screen.unrealised_one_sided(mood, item.source, item.target):
            continue
        mode = attributes.mode(match, entry.mode, item, len(set(sources) | set(targets)))
        event = Event(
            event_id="",
            article_id=article.article_id,
            event_type=entry.plover,
            source=item.source,
            target=item.target,
            modality=mood,
            mode=mode,
            cameo=code,
            goldstein=entry.goldstein,
            quad_class=entry.quad_class,
            date=date,
            location=place,
            trigger=attributes.trigger_text(match),
            evidence=[evidence],
            confidence=attributes.confidence(match.trigger, item, mood),
        )
        events.append(event)
        context.remember(
            [item.source] if item.source else [], [p for p in (item.source, item.target) if p]
        )
        if item.source and mood == "asserted":
            judged.remember(context, entry.plover, item.source)
        if _demands(entry.plover, code) and item.source and item.target and mood == "asserted":
            context.remember_request(item.source, item.target)
    if threat is not None:  # "was considering cutting ties": the act weighed, and a threat
        events += [_threat(e, onto.code(threat), threat) for e in events if e.source]
    if match.effect in CALL_OFF and entry.plover == "CONSULT":
        decided = choose_date(
            replace(match, token=match.light, light=None, head=None), article, timexes
        )
        events += refusal.called_off(match, events, index, context, onto, decided)
    return events


def _threat(event: Event, entry: CameoCode, code: str) -> Event:
    """The threat made by weighing a coercive act: asserted, of the act's sides."""
    return replace(
        event,
        event_type=entry.plover,
        cameo=code,
        goldstein=entry.goldstein,
        quad_class=entry.quad_class,
        modality="asserted",
        evidence=list(event.evidence),
    )


OBJECT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "oprd", "attr", "dative", "prep"})


def _intransitive(match: Match) -> bool:
    """ "X lashed out on Thursday", "X protested": a verb of blame with no object nor
    phrase naming what or whom it blames (a time phrase aside)."""
    if match.noun:
        return False
    phrases = [c for c in match.token.children if c.dep_ in OBJECT_DEPS]
    return all(c.dep_ == "prep" and _time_phrase(c) for c in phrases)


def _time_phrase(prep: Token) -> bool:
    return prep.lower_ in TIME_PREPOSITIONS or any(
        c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children
    )


def _object_gap(match: Match) -> bool:
    """ "the officials they hold responsible for the dispersal of protesters": a predicate
    trigger whose object is elsewhere; what its complement names is the deed, not a side."""
    if match.trigger.cond_kind != "xcomp" or any(c.dep_ == "dobj" for c in match.token.children):
        return False
    predicates = [c for c in match.token.children if c.dep_ in ("xcomp", "oprd", "ccomp")]
    return all(g.dep_ == "prep" for p in predicates for g in p.children)  # "responsible for"


def _media(entity: str | None) -> bool:
    return entity is not None and entity.startswith("MED/")


def _hosted(match: Match, plover: str) -> bool:
    """ "organised talks between X and Y": the organiser hosts a meeting; "organised a
    strike" or "a rally" is the organiser's own act, its subject the one who protests."""
    return match.effect == "host" and plover == "CONSULT"


def _unfit(
    match: Match, frame: str, plover: str, quad: int, sources: list[str], targets: list[str]
) -> bool:
    if match.noun:
        carried = match.light is not None and match.effect is not None
        return screen.noun_sides_missing(frame, plover, sources, targets, carried)
    slots = match.trigger.slots
    if screen.crowd_visit(match.token, match.trigger.cameo) or screen.signed_for_side(match.token):
        return True
    if screen.place_description(match.token):  # "drills in zones encircling X"
        return True
    return screen.non_actor_argument(match.token, frame, slots, quad, sources, targets)


def _code(match: Match, onto: Ontology) -> str:
    code = match.trigger.cameo
    if match.effect == "sign" and onto.code(code).plover == "AGREE":
        return "057"
    for child in match.token.children:
        if child.dep_ == "xcomp":
            return onto.refine(code, child.lemma_.lower())
    if code == AID_OFFERED and _support_on_contact(match.token):
        return SUPPORTED
    halted = measures.halted(match, code)  # "stopped sharing intelligence with X"
    if halted is not None:
        return halted
    if code == INTENT and not match.noun:  # "vowed more attacks on X": what is promised
        for child in match.token.children:
            if child.dep_ == "dobj":
                return onto.refine(code, child.lemma_.lower())
    return code


def _support_on_contact(verb: Token) -> bool:
    """ "telephoned X to offer his support / condolences": the support is expressed in the
    call or visit itself, not an aid promised for later."""
    if verb.dep_ not in ("xcomp", "advcl") or not args.infinitive(verb):
        return False
    if verb.head.lemma_.lower() not in args.CONTACTING:
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in SUPPORT_WORDS for c in verb.children)


def _demands(plover: str, code: str) -> bool:
    return plover in DEMANDING or code in ORDERS_TO_LEAVE
