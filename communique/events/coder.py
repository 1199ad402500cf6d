"""The event coder: triggers from the verb and noun tables (triggers.py), their sides from
the parse (roles.py), then modality, date (dating.py), location, evidence and confidence for
each coded event.

    extract(doc, article, sentences, mentions, actors, timexes) -> list[Event]
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ..actors.resolve import UNKNOWN as UNKNOWN_COUNTRY
from ..records import Actor, Article, DateValue, Event, Evidence, Location, Mention, Sentence
from . import arbiter, denial, screen
from . import participants as args
from .claims import BLAMED, DEMANDED, RESPONDED
from .dating import choose_date
from .location import from_dateline, locate
from .modality import FUTURE_AUX, conditional, modality
from .ontology import Ontology, Trigger, ontology
from .participants import Context, MentionIndex
from .roles import (
    Coded,
    complement_targets,
    contacted,
    country_of_place,
    inner_targets,
    one_sided,
    pairs,
    roles,
    without,
)
from .triggers import CALL_OFF, INTENDED, INTENT_ADJECTIVES, Match, find_triggers

SUPPRESSING = frozenset({"REQUEST", "THREATEN"})
INVITING = frozenset({"invitation", "invite"})  # "invited X to visit": the visit is the invitation
ALLEGING = frozenset({"ACCUSE"})  # "accused X of violating ..." (through an "of" phrase only)
MODALITY_WEIGHT = {
    "asserted": 1.0,
    "planned": 0.9,
    "negated": 0.9,
    "denied": 0.85,
    "reported": 0.8,
    "hypothetical": 0.7,
}
CALLED_OFF = "125"  # CAMEO: reject a proposal to meet, discuss or negotiate
MEDIATE = "045"
COERCIVE = frozenset({"ASSAULT", "COERCE", "SANCTION"})
MULTILATERAL = frozenset({"trilateral", "multilateral", "three-way", "quadrilateral", "four-way"})
MATERIAL_CONFLICT = 4  # quad class of ASSAULT, COERCE, MOBILIZE, SANCTION ...
# An announced coercive act ("will impose sanctions on X", "plans to tighten the blockade") is
# a threat (CAMEO 13: "express intentions to take a coercive action"); the act is coded when
# done; an act announced in the passive is a decision, coded as the act. CAMEO prefix of the act -> threat code, longest prefix first.
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
# Military exercises with a partner are military cooperation (062); held alone they are a
# show of force (150: "China began live-fire drills around Taiwan").
SHOWN_FORCE = {"062": "150"}
AROUND = frozenset({"around", "near", "off", "encircling", "surrounding"})  # what it is aimed at
REVOKED = "120"  # CAMEO: reject; an agreement scrapped, revoked or abandoned
REJECTED = "120"  # CAMEO: reject, nothing more specific
RANKING = frozenset({"first", "last", "only", "second", "third"})  # "the first leader to visit"
ATTEMPTS = frozenset({"try", "attempt"})
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
        events.extend(_sentence(span, scope))
    return events


def _sentence(span: Span, scope: Scope) -> list[Event]:
    sentence, article, index, context, timexes, onto = scope.unpack()
    matches = arbiter.arbitrate(find_triggers(span, onto), onto)
    verbs = {m.token.i: m for m in matches if not m.noun or m.token.lemma_.lower() in INVITING}
    carriers = {m.light.i: m for m in matches if m.noun and m.light is not None}
    carriers.update((m.token.i, m) for m in matches if m.noun and m.light is not None)
    carriers.update((m.token.i, m) for m in matches if not m.noun)
    events: list[Event] = []
    seen: set[tuple] = set()
    events_of: dict[int, list[Event]] = {}  # by trigger, in text order
    inner: dict[int, list[Match]] = {}
    governors = {m.token.i: _suppressor(m, verbs, onto) for m in matches}
    for match in matches:
        governing = governors[match.token.i]
        if governing is not None:
            inner.setdefault(governing.token.i, []).append(match)
    for match in matches:
        governing = governors[match.token.i]
        if governing is not None and _threatened_if(match, governing, onto):
            events_of[match.token.i] = code_match(match, scope, mood="hypothetical")
            continue
        if governing is not None or _background(match, index):
            continue
        if not match.noun and args.commands_own_forces(match.token):
            continue  # the act commanded is coded, as the commander's
        if _toll(match, verbs, index, onto) or _purpose_of_same_act(match, carriers, onto):
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


# ---------------------------------------------------------------- suppressed acts


def _threatened_if(match: Match, governing: Match, onto: Ontology) -> bool:
    """ "threatened to impose sanctions on X if ...": a threat with a condition names the act
    that would follow; it is coded besides the threat, as hypothetical."""
    if onto.code(governing.trigger.cameo).plover != "THREATEN":
        return False
    return any(conditional(t) for t in (*match.anchors, governing.token))


def _suppressor(match: Match, verbs: dict[int, Match], onto: Ontology) -> Match | None:
    """The request, threat or allegation that governs an act only asked for, threatened or
    alleged ('urged X to release', 'threatened to impose sanctions', 'accused X of
    attacking'): such an act is not itself coded."""
    token = match.light if match.light is not None else match.token
    via_of = False
    while _complement(token) and token.head.i != token.i:
        via_of = via_of or (token.dep_ == "prep" and token.lower_ == "of")
        token = token.head
        governing = verbs.get(token.i)
        if governing is None or args.commands_own_forces(governing.token):
            continue
        plover = onto.code(governing.trigger.cameo).plover
        if (
            governing.token.lemma_.lower() in INVITING
            or governing.trigger == INTENDED
            or plover in SUPPRESSING
            or (plover in ALLEGING and via_of)
        ):
            return governing
    return None


def _complement(token: Token) -> bool:
    """Reached through a complement: xcomp/ccomp/objects, or an infinitival advcl ('to impose')."""
    if token.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp"):
        return True
    return token.dep_ in ("advcl", "acl") and args.infinitive(token)


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
    frame = "host" if _hosted(match, entry.plover) else match.trigger.frame
    if not targets and not reciprocal:
        targets = inner_targets(inner or [], sources, index, context)
    claim = match.trigger in (DEMANDED, BLAMED, RESPONDED)  # sides from the declaration only
    if (
        sources
        and not targets
        and not reciprocal
        and not match.noun
        and not claim
        and one_sided(frame, sources)
    ):
        targets = complement_targets(match.token, frame, sources, index, context)
    elif sources and not targets and match.light is not None and frame == "dir":
        targets = without(args.purpose_actors(match.light, index, context, sources), sources)
    if sources and not targets and frame == "dir":
        targets = contacted(match, sources, index, context)
    if sources and not targets and entry.plover == "REJECT" and _bare_refusal(match):
        targets = [a for a in (context.asker(s) for s in sources[:1]) if a is not None]
    if sources and not targets and code == MEDIATE:  # "X brokered the talks": the last two sides
        parties = without(context.last_parties, sources)
        targets = parties if len(parties) == 2 else []
        if not targets:
            return []  # a mediation between no named sides
    if _unfit(match, frame, entry.plover, entry.quad_class, sources, targets):
        return []
    coded = pairs(frame, match.trigger.min_participants, sources, targets, reciprocal, from_parse)
    if entry.plover == "CONSULT":  # an interview is no consultation ("Reuters spoke with X")
        coded = [c for c in coded if not _media(c.source) and not _media(c.target)]
    if not coded:
        return []
    if code in SHOWN_FORCE and all(c.target is None for c in coded):
        code = SHOWN_FORCE[code]
        entry = onto.code(code)
        aimed = args.group(_around(match), index, context)  # "drills around Taiwan"
        coded = [replace(c, target=t) for c in coded for t in without(aimed, sources)] or coded
    act_class = entry.quad_class  # of the act itself, before it is eased or threatened
    eased = match.effect in ENDING and act_class == MATERIAL_CONFLICT
    if eased:
        code = _prefixed(EASED, code) or code
        entry = onto.code(code)
    revoked = match.effect in ENDING and entry.plover == "AGREE"
    if revoked:  # "scrapped the deal with X": a rejection of X, not an agreement undone
        code, entry = REVOKED, onto.code(REVOKED)
    mood = mood or (
        modality(_anchors(match), onto, entry.plover)
        if eased or revoked
        else _modality(match, entry.plover, onto)
    )
    date = choose_date(match, article, timexes)
    if (
        mood == "asserted"
        and not _ranked(match)
        and (_future(match, date, article) or _offered(match))
    ):
        mood = "planned"
    threat = _prefixed(THREATENED, code) if entry.plover in COERCIVE else None
    if mood == "planned" and act_class == MATERIAL_CONFLICT and _attempted(match):
        mood = "asserted"  # "tried to seize the airport": force attempted is force used
    if mood == "planned" and sources and threat is not None and _active(match) and _own(match):
        code, entry, mood = threat, onto.code(threat), "asserted"
    place = locate(
        match.anchors + ([match.head] if match.head is not None else []),
        index,
        _direct_places(match),
    ) or locate(_objects(match) + _event_subjects(match), index, [])
    place = place or from_dateline(match.token.sent, sources + targets, entry.plover)
    evidence = _evidence(match, sentence, article)
    events = []
    for item in coded:
        if item.target is None and item.source and act_class == MATERIAL_CONFLICT:
            item.target = _place_state(place)
        if screen.unrealised_one_sided(mood, item.source, item.target):
            continue
        mode = _mode(match, entry.mode, item, len(set(sources) | set(targets)))
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
            trigger=_trigger_text(match),
            evidence=[evidence],
            confidence=_confidence(match.trigger, item, mood),
        )
        events.append(event)
        context.remember(
            [item.source] if item.source else [], [p for p in (item.source, item.target) if p]
        )
        if entry.plover == "REQUEST" and item.source and item.target and mood == "asserted":
            context.remember_request(item.source, item.target)
    if match.effect in CALL_OFF and entry.plover == "CONSULT":
        decided = choose_date(
            replace(match, token=match.light, light=None, head=None), article, timexes
        )
        events += _called_off(match, events, index, context, onto, decided)
    return events


def _bare_refusal(match: Match) -> bool:
    """ "The Cuban authorities refused", "refused to hand them over": a refusal that names
    nothing refused answers the last request made of the refuser."""
    if match.noun or match.trigger.cameo != REJECTED:
        return False
    return not any(c.dep_ in ("dobj", "nsubjpass", "ccomp") for c in match.token.children)


def _around(match: Match) -> list[Token]:
    """What a show of force is staged around ("drills around Taiwan", "off its coast")."""
    return [p for anchor in match.anchors for p in args.prep_objects(anchor, AROUND)]


def _media(entity: str | None) -> bool:
    return entity is not None and entity.startswith("MED/")


def _hosted(match: Match, plover: str) -> bool:
    """ "organised talks between X and Y": the organiser hosts a meeting; "organised a
    strike" or "a rally" is the organiser's own act, its subject the one who protests."""
    return match.effect == "host" and plover == "CONSULT"


def _place_state(place: Location | None) -> str | None:
    """The state where an attack, blockade or crackdown with no named victim happens is the
    side it is done to ("rebels set off bombs in Kabul": Afghanistan)."""
    if place is None or not place.country or place.country == UNKNOWN_COUNTRY:
        return None
    return place.country


def _called_off(
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
            for other in (event.source, event.target):
                if other and other != decider and (decider, other) not in found:
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


def _toll(match: Match, verbs: dict[int, Match], index: MentionIndex, onto: Ontology) -> bool:
    """ "shelled the town, killing 20 people": a participle giving the toll of an attack
    names no act of its own (unless it names a victim the attack does not)."""
    token = match.token
    governing = verbs.get(token.head.i)
    if match.noun or governing is None or token.dep_ != "advcl" or token.tag_ != "VBG":
        return False
    kinds = {onto.code(m.trigger.cameo).plover for m in (match, governing)}
    subtree = token.doc[token.left_edge.i : token.right_edge.i + 1]
    return kinds == {"ASSAULT"} and not index.entities_in(subtree)


def _purpose_of_same_act(match: Match, carriers: dict[int, Match], onto: Ontology) -> bool:
    """ "began a hunger strike to protest X's decision": the purpose names the protest the
    strike is, not a second protest (the strike takes X as its target)."""
    token = match.token
    if match.noun or token.dep_ not in ("advcl", "relcl", "acl") or not args.infinitive(token):
        return False
    carried = carriers.get(token.head.i)
    kind = onto.code(match.trigger.cameo).plover
    return carried is not None and onto.code(carried.trigger.cameo).plover == kind


def _background(match: Match, index: MentionIndex) -> bool:
    carried = match.light is not None and match.effect is not None
    return match.noun and screen.background_noun(match.head or match.token, carried, index)


def _unfit(
    match: Match, frame: str, plover: str, quad: int, sources: list[str], targets: list[str]
) -> bool:
    if match.noun:
        carried = match.light is not None and match.effect is not None
        return screen.noun_sides_missing(frame, plover, sources, targets, carried)
    slots = match.trigger.slots
    if screen.crowd_visit(match.token, match.trigger.cameo):
        return True
    return screen.non_actor_argument(match.token, frame, slots, quad, sources, targets)


def _code(match: Match, onto: Ontology) -> str:
    code = match.trigger.cameo
    if match.effect == "sign" and onto.code(code).plover == "AGREE":
        return "057"
    for child in match.token.children:
        if child.dep_ == "xcomp":
            return onto.refine(code, child.lemma_.lower())
    return code


# ---------------------------------------------------------------- attributes


def _active(match: Match) -> bool:
    """The act is told in the active voice ("will expel them"), not as a decision on its
    objects ("announced that 23 diplomats would be expelled": the expulsion itself)."""
    verb = match.light if match.light is not None else match.token
    return (match.noun and match.light is None) or args.subject_tokens(verb)[1]


def _own(match: Match) -> bool:
    """The act lies ahead as its doer's intent, not put off or called off ("agreed to delay
    annexation" is no threat to annex)."""
    return match.effect not in CALL_OFF


def _attempted(match: Match) -> bool:
    """ "tried to seize", "an attempt to storm": the act was set about, not announced."""
    verb = match.light if match.light is not None else match.token
    return verb.dep_ in ("xcomp", "acl") and verb.head.lemma_.lower() in ATTEMPTS


def _prefixed(table: dict[str, str], code: str) -> str | None:
    """The value of the longest key of `table` that `code` starts with."""
    for size in range(len(code), 1, -1):
        if code[:size] in table:
            return table[code[:size]]
    return None


def _anchors(match: Match) -> list[Token]:
    anchors = [match.token] + (
        [match.head] if match.head is not None and match.head.i != match.token.i else []
    )
    if match.light is not None and match.effect is not None:
        anchors.append(match.light)
    return anchors


def _modality(match: Match, plover: str, onto: Ontology) -> str:
    if match.effect in CALL_OFF:
        return "planned" if plover == "CONSULT" or match.effect == "defer" else "negated"
    if match.effect == "plan":
        return "planned"
    if match.effect == "end" and plover != "CONSULT":  # "ended the truce"; talks ended were held
        return "negated"
    if match.effect == "refuse":
        return "planned" if plover == "CONSULT" else "negated"
    if match.noun and match.token.lemma_.lower() in onto.cues("planned", "noun"):
        return "planned"
    return modality(_anchors(match), onto, plover)


def _future(match: Match, date: DateValue | None, article: Article) -> bool:
    """A present-tense or bare trigger dated after publication is planned ("meet on Friday")."""
    verb = match.light if match.light is not None else match.token
    if date is None or date.source != "text" or article.published is None:
        return False
    return date.start > article.published and verb.tag_ not in ("VBD", "VBN")


def _ranked(match: Match) -> bool:
    """ "the first president to visit X", "the most senior politician to visit X in 25
    years": an infinitive that ranks its noun tells of a visit made, not one to come."""
    verb = match.light if match.light is not None else match.token
    if verb.dep_ not in ("relcl", "acl") or not args.infinitive(verb):
        return False
    if any(
        c.dep_ == "aux" and c.lower_ in FUTURE_AUX for a in verb.head.ancestors for c in a.children
    ):
        return False  # "will be the first leader to visit X"
    return any(
        m.lower_ in RANKING or m.tag_ in ("JJS", "RBS")
        for c in verb.head.children
        if c.dep_ in ("amod", "advmod")
        for m in [c, *c.children]
    )


def _offered(match: Match) -> bool:
    """ "is prepared to impose martial law": an act someone is ready to take lies ahead."""
    verb = match.light if match.light is not None else match.token
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENT_ADJECTIVES


def _direct_places(match: Match) -> list[Token]:
    if match.trigger.cameo == "042" and not match.noun:
        objects = [c for c in match.token.children if c.dep_ == "dobj"]
        return objects + args.prep_objects(match.token, {"to", "in"})
    return []


def _mode(match: Match, table_mode: str | None, item: Coded, parties: int) -> str | None:
    if item.mode:
        return item.mode
    if table_mode:
        return table_mode
    if match.trigger.cameo[:2] != "04":
        return None
    words = {c.lemma_.lower() for t in match.anchors for c in t.subtree if c.dep_ != "conj"}
    if words & {"phone", "telephone"}:
        return "phone"
    if words & MULTILATERAL or parties >= 3:
        return "multilateral"
    return None


def _evidence(match: Match, sentence: Sentence, article: Article) -> Evidence:
    top = match.light if match.light is not None else match.token
    tokens = [t for t in top.subtree if not t.is_space]
    while len(tokens) > 1 and tokens[-1].is_punct:
        tokens.pop()
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    return Evidence(article.article_id, sentence.index, sentence.text, start, end)


def _trigger_text(match: Match) -> str:
    if match.light is not None and match.effect is not None:
        first, last = sorted((match.light.i, match.token.i))
        return match.token.doc[first : last + 1].text if last - first < 6 else match.token.text
    return match.token.text


def _confidence(trigger: Trigger, item: Coded, mood: str) -> float:
    both = 1.0 if item.source and item.target else 0.85
    parse = 1.0 if item.from_parse else 0.9
    value = trigger.strength * both * parse * MODALITY_WEIGHT[mood]
    return round(min(1.0, max(0.0, value)), 3)
