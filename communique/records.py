"""Typed records that flow between the pipeline stages.

Every stage takes and returns these; none of them imports anything else from the
project. Character offsets (`start`, `end`) always index the stored article text
(`Article.text`), never a sentence or a cleaned copy.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["body", "headline", "caption"]
Precision = Literal["day", "month", "year", "range"]
Modality = Literal["asserted", "negated", "planned", "hypothetical", "reported", "denied"]
ActorKind = Literal["state", "body", "igo", "person", "role", "group", "unknown"]

MODALITIES: tuple[str, ...] = (
    "asserted",
    "negated",
    "planned",
    "hypothetical",
    "reported",
    "denied",
)


@dataclass(slots=True)
class Block:
    """A paragraph-like span of an article: body text, a headline or a photo caption."""

    start: int
    end: int
    kind: BlockKind = "body"


@dataclass(slots=True)
class Article:
    """One news report, as stored. `text` is normalised and free of web boilerplate."""

    article_id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_inferred: bool = False
    published_range: tuple[dt.date, dt.date] | None = None
    source_path: str | None = None
    content_hash: str = ""
    duplicate_of: str | None = None
    blocks: list[Block] = field(default_factory=list)
    metadata: dict[str, object] = field(default_factory=dict)


@dataclass(slots=True)
class Rejected:
    """An input that could not become an article, and why. Stored, counted, shown."""

    path: str
    stage: str
    reason: str
    line: int | None = None


@dataclass(slots=True)
class Sentence:
    article_id: str
    index: int
    start: int
    end: int
    text: str
    kind: BlockKind = "body"


@dataclass(slots=True)
class DateValue:
    """An absolute date or range resolved from a temporal expression (or the dateline).

    `source`: `text` (an expression of the text), `published` (the publication day, for a
    clause that names no date), `story` (from the day the story is about, one the report
    names in the week before publication, to publication), `ordered` (the week before or after the date of the
    clause an "after" / "before" clause hangs on) or `inferred`.
    """

    start: dt.date
    end: dt.date
    precision: Precision
    text: str = ""
    source: Literal["text", "published", "story", "ordered", "inferred"] = "text"
    char_start: int | None = None
    char_end: int | None = None

    @property
    def day(self) -> dt.date | None:
        """The single day this value names, or None for anything vaguer."""
        return self.start if self.precision == "day" else None


@dataclass(slots=True)
class Actor:
    """A canonical actor: a state, a body of a state, an international organisation,
    a person or a role ("the Armenian foreign minister").

    `actor_id` conventions: states `USA`; bodies of a state `USA/state-department`;
    international organisations `IGO/NATO`; persons `USA/person/antony-blinken`;
    role actors `ARM/role/foreign-minister`; persons of unknown country `XXX/person/...`.
    """

    actor_id: str
    name: str
    kind: ActorKind
    country: str | None = None
    sector: str | None = None
    title: str | None = None
    aliases: list[str] = field(default_factory=list)
    unresolved_reason: str | None = None


NO_STATE = frozenset({"XXX", "IGO", "NGO", "REB", "MED"})  # id prefixes that name no state


def state_of(actor_id: str) -> str:
    """The state an actor id belongs to ("SAU/person/..." and "SAU" -> "SAU"); an actor of
    no state stands for itself: "XXX" (country unknown) and the kinds of body ("IGO/...",
    "REB/...") are no state, so two people of unknown country are not one state's."""
    head = actor_id.split("/", 1)[0]
    is_state = len(head) == 3 and head.isalpha() and head.isupper() and head not in NO_STATE
    return head if is_state else actor_id


@dataclass(slots=True)
class Mention:
    """A span of text that refers to an actor (or a place standing for one).

    `entity` is an article-local key shared by every mention of the same actor in the
    article; `actor_id` is the canonical actor once resolved (None while unresolved).
    `role` says how the span is used: `actor` (it acts, speaks or is acted on),
    `location` (a place where something happens) or `modifier` (an adjective, as in
    "Armenian officials", whose head carries the actor).
    """

    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    entity: str
    actor_id: str | None = None
    kind: ActorKind = "unknown"
    country: str | None = None
    sector: str | None = None
    title: str | None = None
    role: Literal["actor", "location", "modifier"] = "actor"
    reason: str | None = None


@dataclass(slots=True)
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(slots=True)
class Evidence:
    """Where an event is stated: the sentence and the character offsets of the trigger
    clause within the stored article text."""

    article_id: str
    sentence_index: int
    sentence: str
    start: int
    end: int


@dataclass(slots=True)
class Event:
    """One coded interaction. Within an article this is one mention of an event; after
    deduplication the store groups mentions of the same real event under one event id."""

    event_id: str
    article_id: str
    event_type: str
    source: str | None
    target: str | None
    modality: Modality = "asserted"
    mode: str | None = None
    cameo: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    date: DateValue | None = None
    location: Location | None = None
    trigger: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.5


@dataclass(slots=True)
class Quote:
    """Words attributed to a speaker, directly (in quotation marks) or indirectly."""

    quote_id: str
    article_id: str
    text: str
    direct: bool
    start: int
    end: int
    speaker: str | None = None
    speaker_mention: str | None = None
    reported_by: str | None = None
    cue: str | None = None
    sentence_index: int | None = None
    unresolved_reason: str | None = None


@dataclass(slots=True)
class ArticleResult:
    """Everything the per-article stages derive from one article. Stored in one
    transaction: all of it or none of it."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    timexes: list[DateValue] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
