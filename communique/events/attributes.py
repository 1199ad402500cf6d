"""What a coded event carries besides its type and sides: the modality of its trigger match
(light-verb effect, then the parse cues of modality.py, then tense and date), its mode,
evidence span, trigger text and confidence.

    modality_of(match, plover, onto) -> str; future(match, date, article) / ranked(match) /
    offered(match) -> bool    # asserted -> planned unless ranked
    mode(match, table_mode, item, parties) -> str | None
    evidence(match, sentence, article) -> Evidence; trigger_text(match) -> str
    confidence(trigger, item, mood) -> float
"""

from __future__ import annotations

from spacy.tokens import Token

from ..records import Article, DateValue, Evidence, Sentence
from . import participants as args
from .modality import FUTURE_AUX, modality
from .ontology import Ontology, Trigger
from .roles import Coded
from .triggers import CALL_OFF, DUE, INTENT_ADJECTIVES, Match

MODALITY_WEIGHT = {
    "asserted": 1.0,
    "planned": 0.9,
    "negated": 0.9,
    "denied": 0.85,
    "reported": 0.8,
    "hypothetical": 0.7,
}
MULTILATERAL = frozenset({"trilateral", "multilateral", "three-way", "quadrilateral", "four-way"})
RANKING = frozenset({"first", "last", "only", "second", "third"})  # "the first leader to visit"


def anchors(match: Match) -> list[Token]:
    anchors = [match.token] + (
        [match.head] if match.head is not None and match.head.i != match.token.i else []
    )
    if match.light is not None and match.effect is not None:
        anchors.append(match.light)
    return anchors


def modality_of(match: Match, plover: str, onto: Ontology) -> str:
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
    mood = modality(anchors(match), onto, plover)
    return "planned" if match.trigger == DUE and mood == "asserted" else mood  # "is due in X"


def future(match: Match, date: DateValue | None, article: Article) -> bool:
    """A present-tense or bare trigger dated after publication is planned ("meet on Friday")."""
    verb = match.light if match.light is not None else match.token
    if date is None or date.source != "text" or article.published is None:
        return False
    return date.start > article.published and verb.tag_ not in ("VBD", "VBN")


def ranked(match: Match) -> bool:
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


def offered(match: Match) -> bool:
    """ "is prepared to impose martial law": an act someone is ready to take lies ahead."""
    verb = match.light if match.light is not None else match.token
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENT_ADJECTIVES


def mode(match: Match, table_mode: str | None, item: Coded, parties: int) -> str | None:
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


def evidence(match: Match, sentence: Sentence, article: Article) -> Evidence:
    top = match.light if match.light is not None else match.token
    tokens = [t for t in top.subtree if not t.is_space]
    while len(tokens) > 1 and tokens[-1].is_punct:
        tokens.pop()
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    return Evidence(article.article_id, sentence.index, sentence.text, start, end)


def trigger_text(match: Match) -> str:
    if match.light is not None and match.effect is not None:
        first, last = sorted((match.light.i, match.token.i))
        return match.token.doc[first : last + 1].text if last - first < 6 else match.token.text
    return match.token.text


def confidence(trigger: Trigger, item: Coded, mood: str) -> float:
    both = 1.0 if item.source and item.target else 0.85
    parse = 1.0 if item.from_parse else 0.9
    value = trigger.strength * both * parse * MODALITY_WEIGHT[mood]
    return round(min(1.0, max(0.0, value)), 3)
