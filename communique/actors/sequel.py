"""Mentions that point back at the sentence before: "It also recalled ...", "Both sides said".

- A sentence whose first subject is "It", of a verb of action or speech ("It also
  recalled its ambassador", "On Wednesday it recalled ...", "It said ..."; not "It is
  unclear", "It seems"), refers to the
  state, body or organisation that is the first subject of the sentence before
  (`Resolver._neuter` resolves it; with no such subject there is no mention at all).
- "both sides", "the two countries", "both governments" name the two actors named together
  most recently: states, organisations and people coordinated in one subject ("Kenya and
  Tanzania signed ...") share a batch number, as people introduced by one title do, and
  the resolver takes the latest batch of two (`Resolver._recent_batch`).
- A body of government of no stated country that acts on a foreign state ("..., and the
  foreign ministry warned Washington against ...") is of the state whose side the
  sentence, or else the sentence before, already speaks for: its first subject of a
  known country other than the one acted on (`home_side`).
- Countryless officials relaying what a state will do ("Tehran will also close its
  consulate, officials said") speak for that state: the subject of a clause of future or
  intent under their verb of speech (`announcing_state`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from spacy.tokens import Doc

from . import syntax
from .found import Found
from .lexicon import words
from .resolve import UNKNOWN, Link, move_mention

# "It" with these verbs is no state acting: "It is unclear", "It seems", "It remains to be seen"
EMPTY_VERBS = words("be seem appear remain become take look happen matter mean follow")
PAIR_NOUNS = words("sides countries governments nations parties neighbours neighbors")
PAIR_WORDS = words("both two")
BATCHED = frozenset({"state", "igo", "person"})


def neuter_subjects(doc: Doc, quoted: bytearray) -> list[Found]:
    """ "It" as the first subject of a sentence ("It also recalled ...", "On Wednesday it
    recalled ..."), of its main verb, which acts or speaks."""
    found = []
    for sent in doc.sents:
        tok = next((t for t in sent if t.dep_ in ("nsubj", "nsubjpass")), None)
        if tok is None or tok.lower_ != "it" or quoted[tok.i] or tok.dep_ != "nsubj":
            continue
        verb = tok.head
        if (verb != sent.root and tok.i != sent.start) or verb.pos_ not in ("VERB", "AUX"):
            continue
        if verb.lemma_.lower() in EMPTY_VERBS:
            continue
        found.append(Found(tok.i, tok.i + 1, "pronoun", gender="n", subject=True))
    return found


def pairs(doc: Doc, quoted: bytearray) -> list[Found]:
    """ "both sides", "the two countries": a plural group meaning two actors named before."""
    found = []
    for tok in doc[1:]:
        if tok.lower_ not in PAIR_NOUNS or quoted[tok.i]:
            continue
        if doc[tok.i - 1].lower_ not in PAIR_WORDS:
            continue
        f = Found(tok.i - 1, tok.i + 1, "group", key="pair", plural=True, pair=True)
        f.subject = syntax.is_subject(doc[tok.i : tok.i + 1])
        found.append(f)
    return found


def batch_coordinated(doc: Doc, found: list[Found], new_batch: Callable[[], int]) -> None:
    """States, organisations and people joined in one coordinated subject ("A and B
    signed ...") that share no batch yet get one; not those named in passing ("after Egypt
    and Jordan")."""
    groups: dict[int, list[Found]] = defaultdict(list)
    for f in found:
        if f.kind in BATCHED and f.role == "actor" and f.batch < 0 and f.subject:
            root = doc[f.start : f.end].root
            groups[syntax.first_conjunct(root).i].append(f)
    for members in groups.values():
        if len(members) < 2 or not any(doc[m.start : m.end].root.dep_ == "conj" for m in members):
            continue
        batch = new_batch()
        for m in members:
            m.batch = batch


OBJECT_DEPS = frozenset({"dobj", "dative", "iobj"})
SPEECH = words("say add announce confirm explain tell state")
# not "would": "officials said Beijing would retaliate" is as often a forecast by others
INTENT = words("will shall 'll")
SIDES = frozenset({"state", "body", "person"})


def home_side(doc: Doc, links: list[Link]) -> None:
    """A countryless body acting on a foreign state takes the country its sentence (or
    the sentence before) speaks for; only this mention moves (see module docstring)."""
    subjects: dict[int, list[Link]] = defaultdict(list)
    by_token = {}
    for link in links:
        f, e = link.found, link.entity
        if e is not None and f.role == "actor":
            by_token.update(dict.fromkeys(range(f.start, f.end), link))
            if f.subject and e.kind in SIDES and e.country:
                subjects[f.sent].append(link)
    keyed = {link.entity.key: link.entity for link in links if link.entity}
    for link in links:
        e, f = link.entity, link.found
        if e is None or e.kind != "body" or e.country or e.org or not f.subject:
            continue
        target = _object_state(doc, f, by_token)
        if target is None:
            continue
        earlier = [s for s in subjects[f.sent] if s.found.start < f.start]
        sides = [s.entity.country for s in earlier + subjects[f.sent - 1] if s.entity]
        home = next((c for c in sides if c != target), None)
        if home is None:
            continue
        move_mention(link, home, keyed)


def _object_state(doc: Doc, f: Found, by_token: dict[int, Link]) -> str | None:
    """The country of whom the verb of the body's clause acts on ("warned Washington")."""
    verb = doc[f.start : f.end].root.head
    for child in verb.children:
        link = by_token.get(child.i) if child.dep_ in OBJECT_DEPS else None
        if link is not None and link.entity is not None and link.entity.country:
            return link.entity.country  # "warned Washington", "summoned Nigeria's envoy"
    return None


def announcing_state(doc: Doc, links: list[Link]) -> None:
    """Countryless officials saying what a state will do are that state's (see module
    docstring); only this mention moves."""
    states = {}
    for link in links:
        f, e = link.found, link.entity
        if e is not None and e.kind == "state" and e.country and f.role == "actor":
            states.update(dict.fromkeys(range(f.start, f.end), e.country))
    keyed = {link.entity.key: link.entity for link in links if link.entity}
    for link in links:
        e, f = link.entity, link.found
        if e is None or e.kind != "role" or e.sector != "GOV" or e.country or e.org:
            continue
        if not f.subject or not e.key.startswith(f"{UNKNOWN}/"):
            continue
        home = _announced_by(doc[f.start : f.end].root, states)
        if home is None:
            continue
        move_mention(link, home, keyed)


def _announced_by(subject, states: dict[int, str]) -> str | None:
    """The state subject of a clause of intent ("X will ...") that the speech verb reports."""
    verb = subject.head
    if subject.dep_ != "nsubj" or verb.lemma_.lower() not in SPEECH:
        return None
    for clause in verb.children:
        if clause.dep_ != "ccomp" or not any(c.lower_ in INTENT for c in clause.children):
            continue
        for child in clause.children:
            if child.dep_ == "nsubj" and child.i in states:
                return states[child.i]
    return None
