"""Quotes: who said what, directly (in quotation marks) or indirectly (after a cue).

`extract` turns the parse of an article and its actor mentions into `Quote` records:

- a direct quote is the text between quotation marks (marks excluded, trailing comma
  dropped); a quote that runs over several paragraphs is one quote whose text keeps the
  paragraph breaks and the reopening marks;
- an indirect quote is the complement of a speech cue ("said that ...", "urged X to ...",
  "..., she said", "according to X, ..."), reported unless direct quotes cover at least half
  of it (then the direct quotes alone are the quote);
- a belief, position or finding ("X believes that ...", "the survey found that ...", "X
  wants to ...", "X is confident that ...", "In his view, ...", "In a new poll, ...") is
  an indirect quote too, only with its complement and its holder; inside another cue's
  words it is part of them ("X said he believes ..." is one quote by X);
- a noun cue with its complement ("the ministry's claim that ...", "X issued a warning
  that ...", "her pledge to ...") is an indirect quote of its owner, unresolved without one;
- an aside gives its sentence to its subject ("As X noted, ...", "..., as X put it"), and
  an object taken for quoted words is the subject's ("admires Y as a 'strong leader'");
- "Name: words" opening a paragraph (a transcript turn, a headline) is the name's quote;
- a cue that ends its paragraph with a colon and gets no quote ("The chancellor added:")
  takes the next paragraph as an indirect quote (a block quote: no marks, so not direct);
- a name under a quote ("“...” ― Name" ending the paragraph) is the quote's speaker;
- the speaker is the mention overlapping the head of the cue's subject (or of the object
  of "according to"); a written statement speaks for its owner ("the ministry's readout"
  -> the ministry); failing that, the name in apposition ("its spokesman, X, said") or,
  for a definite title ("the prince said"), the last actor mention holding that title;
- a relayed statement ("Y reaffirmed that ..., the spokesman said") has `speaker` Y and
  `reported_by` the spokesman, as has a relayed stance ("Y was ready to talk, his office
  said"; not "X said he was ready"); not so a joint act ("the two men discussed ...") or the
  speaker's own act ("X said he had raised ...": one quote by X), nor words said to the
  speaker ("X said the army had told him ...": X's account). Readouts follow the same rule: in "According to X's readout
  of the call, Y 'reaffirmed ...'" Y is the speaker and X (the readout's owner) relays;
  when the readout reports no act of speech ("..., both leaders agreed to meet again"),
  the words are the readout's and X is the speaker. Nothing is relayed from an act under
  a modal ("told him that Lima should ask ...": it has not happened) or from a state's
  act ("Beijing said Manila had promised ...": a state acts through people, so it is the
  speaker's account); words quoted inside a relayed stance ("his office said X was
  willing to play 'a constructive role'") are the relayer's;
- recorded media content ("Footage showed ...") is no speaker: unresolved, with no
  `speaker_mention`; whoever it shows speaking ("Video showed X saying ...") speaks;
- a speaker that cannot be resolved is None with `unresolved_reason`; `speaker_mention`
  keeps the speaker's words as written. The nearest name is never taken by default;
- "it said" with no antecedent among the actor mentions speaks for the state, body or
  organisation quoted last before it in the same paragraph ("The ministry said ... It
  added that ..."); "the statement said" speaks for the owner of the statement named
  before ("in a statement by the foreign minister"); a group no mention covers speaks
  for the state qualifying it ("a senior US delegation told ...").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc

from ..records import Article, Mention, Quote, Sentence
from .attribute import attribute, inside_words
from .marks import QuoteSpan, paragraph_starts
from .relayed import is_media
from .spans import Attribution, Interval
from .speakers import owner
from .tables import documents

__all__ = ["Attribution", "attributions", "extract"]

_PART_OF_WORDS = ("belief", "noun", "relay")  # kinds that inside other words are theirs
MIN_UNATTRIBUTED_WORDS = 3  # shorter quoted text with no cue is a scare quote or a title


def extract(
    doc: Doc, article: Article, sentences: list[Sentence], mentions: list[Mention]
) -> list[Quote]:
    """The quotes of one article, in text order, with ids `<article_id>:q<n>`."""
    if doc.text != article.text:
        raise ValueError("extract() needs the parse of article.text itself")
    cues, direct = attribute(doc, article.text)
    speakers = Speakers(doc, mentions)
    where = SentenceIndex(sentences)
    spans = [(span.start, span.end) for span, _ in direct]
    drafts = [
        _draft(article, (span.start, span.end), True, cue, speakers, where)
        for span, cue in direct
        if cue is not None or _words(article.text, span) >= MIN_UNATTRIBUTED_WORDS
    ]
    own = _own_words(cues, speakers)
    for cue in cues:
        if cue.relays and cue not in own:
            continue
        if _nested(cue, cues, own) or cue.relayed_by in own:
            continue
        for content in cue.contents:
            if _covered(content, spans) < 0.5 and _words(article.text, content) >= 2:
                drafts.append(_draft(article, content, False, cue, speakers, where))
    drafts.sort(key=lambda quote: (quote.start, quote.end))
    _neuter_pronouns(drafts, article.text, mentions)
    for n, quote in enumerate(drafts, start=1):
        quote.quote_id = f"{article.article_id}:q{n}"
    return drafts


NON_PERSONS = frozenset({"state", "body", "igo", "group"})


def _neuter_pronouns(drafts: list[Quote], text: str, mentions: list[Mention]) -> None:
    """ "The ministry said ... It added that ...": an unresolved "it" speaks for the state,
    body or organisation that spoke last before it in the same paragraph."""
    kinds = {m.entity: m.kind for m in mentions if m.entity}
    starts = paragraph_starts(text)
    for i, quote in enumerate(drafts):
        if quote.speaker is not None or (quote.speaker_mention or "").lower() != "it":
            continue
        paragraph = bisect_right(starts, quote.start) - 1
        for earlier in reversed(drafts[:i]):
            if bisect_right(starts, earlier.start) - 1 != paragraph:
                break
            if earlier.speaker is not None and kinds.get(earlier.speaker) in NON_PERSONS:
                quote.speaker, quote.unresolved_reason = earlier.speaker, None
                break


def _own_words(cues: list[Attribution], speakers: Speakers) -> set[Attribution]:
    """Relaying cues that only report their own speaker's act ("X said he had raised ...")
    or a state's ("Beijing said Manila had promised ...", "He said Tokyo had asked ...": a
    state acts through people, so what it asked or promised is the speaker's account)."""
    own = set()
    for cue in cues:
        if cue.relays:
            inner = [speakers.resolve(c)[0] for c in cues if c.relayed_by is cue]
            mine = speakers.resolve(cue)[0]
            if mine is not None and all(e == mine or speakers.is_state(e) for e in inner):
                own.add(cue)
    return own


def _nested(cue: Attribution, cues: list[Attribution], own: set[Attribution]) -> bool:
    """A belief or a noun cue inside another cue's words is part of them ("X said he
    believes ...", "X said her claim that ... was false")."""
    if cue.kind not in ("belief", "noun"):
        return False
    return any(
        other is not cue
        and (not other.relays or other in own)
        and any(s <= cue.start < e for s, e in other.contents)
        for other in cues
    )


def attributions(doc: Doc, text: str | None = None) -> list[Attribution]:
    """Every cue of the document with speaker and content spans (char offsets), relayed
    speech included: what the benchmark scores against source/cue/content annotations. A
    cue keeps all the direct quotes given to it (each is still its own Quote): splitting
    them into one attribution each lost more precision on PolNeAR dev than it gained recall.
    A belief, a noun cue or a diplomatic act ("welcomed", "discussed") inside another
    cue's words is part of those words, not an attribution of its own ("X said he believes
    ...", "X said the ministry welcomed ..."): `extract` too folds beliefs and noun cues
    into the words around them (it keeps a relayed act as its actor's quote, with
    `reported_by`). A speech verb inside other words stays: a report within a report."""
    cues = attribute(doc, doc.text if text is None else text)[0]
    return [cue for cue in cues if not (cue.kind in _PART_OF_WORDS and inside_words(cue, cues))]


class Speakers:
    """Maps a cue's speaker token to the actor mention overlapping it."""

    def __init__(self, doc: Doc, mentions: list[Mention]) -> None:
        self.text = doc.text
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.mentions]
        self.states = {m.entity for m in mentions if m.entity and m.kind == "state"}

    def is_state(self, entity: str | None) -> bool:
        return entity in self.states

    def resolve(self, cue: Attribution | None) -> tuple[str | None, str | None, str | None]:
        """(entity, speaker text as written, reason when unresolved)."""
        if cue is None or cue.speaker is None or cue.speaker_span is None:
            return None, None, "no speaker found"
        head = cue.speaker
        written = self.text[cue.speaker_span[0] : cue.speaker_span[1]]
        if is_media(head):  # "Footage showed ...": it shows, it does not speak
            return None, None, f"media content is no speaker: {written}"
        mention = self.at(head.idx, head.idx + len(head))
        if mention is not None and mention.entity:
            return mention.entity, written, None
        named = (
            self.apposition(head)
            or self.antecedent(head)
            or self.qualifier(head)
            or self.earlier_owner(head)
        )
        if named is not None:
            return named.entity, written, None
        if head.pos_ == "PRON":
            return None, written, "pronoun with no antecedent"
        if mention is not None and mention.reason:
            return None, written, mention.reason
        return None, written, f"speaker is not an actor mention: {written}"

    def apposition(self, head) -> Mention | None:
        """ "Its spokesman, Dmitry Peskov, said": the name in apposition speaks; so does a
        person named last in the subject, whatever the parser hung the name on ("The UN
        envoy for Libya, Ghassan Salamé, said")."""
        for child in head.children:
            if child.dep_ == "appos":
                mention = self.at(child.idx, child.idx + len(child))
                if mention is not None and mention.entity:
                    return mention
        words = [t for t in head.subtree if not t.is_punct]
        last = words[-1] if words else head
        for tok in words:
            if tok.dep_ == "appos" and tok.right_edge.i == last.i and tok.head.i != head.i:
                mention = self.at(tok.idx, tok.idx + len(tok))
                if mention is not None and mention.entity and mention.kind == "person":
                    return mention
        return None

    def qualifier(self, head) -> Mention | None:
        """ "A senior US delegation told ...", "Chinese officials said": a body or group
        that no mention covers, qualified by a state, speaks for that state."""
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        for child in head.lefts:
            if child.dep_ in ("amod", "compound", "nmod"):
                mention = self.at(child.idx, child.idx + len(child))
                if mention is not None and mention.entity and mention.kind == "state":
                    return mention
        return None

    def earlier_owner(self, head) -> Mention | None:
        """ "... announced in a statement by Foreign Minister X. ..., the statement said": a
        written statement named again with "the" speaks for the owner it was given before."""
        if head.lemma_.lower() not in documents() or owner(head) is not head:
            return None
        if not any(c.lower_ == "the" for c in head.children):
            return None
        for token in reversed(head.doc[max(0, head.i - 400) : head.i]):
            if token.lemma_.lower() == head.lemma_.lower() and owner(token) is not token:
                found = owner(token)
                mention = self.at(found.idx, found.idx + len(found))
                return mention if mention is not None and mention.entity else None
        return None

    def antecedent(self, head) -> Mention | None:
        """ "the prince replied": the last actor mention before it whose title or words hold
        the same noun ("Crown Prince Mohammad bin Salman"). Only a definite title noun."""
        if head.pos_ != "NOUN" or not any(c.lower_ == "the" for c in head.children):
            return None
        word = head.lemma_.lower()
        i = bisect_left(self.starts, head.idx)
        for mention in reversed(self.mentions[max(0, i - 60) : i]):
            if mention.entity and mention.role == "actor" and mention.end <= head.idx:
                words = f"{mention.title or ''} {mention.text}".lower().split()
                if word in words:
                    return mention
        return None

    def at(self, start: int, end: int) -> Mention | None:
        """The mention overlapping [start, end), an actor-role one first."""
        i = bisect_left(self.starts, end)
        found = [m for m in self.mentions[max(0, i - 8) : i] if m.start < end and m.end > start]
        if not found:
            return None
        return min(found, key=lambda m: (m.role != "actor", m.start > start, m.end - m.start))


class SentenceIndex:
    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences = sorted(sentences, key=lambda s: s.start)
        self.starts = [s.start for s in self.sentences]

    def __call__(self, pos: int) -> int | None:
        i = bisect_right(self.starts, pos) - 1
        return self.sentences[i].index if i >= 0 else None


# "WASHINGTON —", "MOSCOW, March 3 (Reuters) -", "KYIV (AP) —" opening a paragraph
DATELINE = re.compile(r"[A-Z][A-Z.'\- ]+(?:, [A-Z][a-z]+\.? \d{1,2})?(?: \([^)]{1,40}\))? ?[—–-]+ ")


def _without_dateline(text: str, span: Interval) -> Interval:
    """Indirect content that starts a paragraph starts after its dateline."""
    found = DATELINE.match(text, span[0])
    return (found.end(), span[1]) if found and found.end() < span[1] else span


def _draft(article, span: Interval, direct: bool, cue, speakers: Speakers, where) -> Quote:
    span = span if direct else _without_dateline(article.text, span)
    entity, written, reason = speakers.resolve(cue)
    relayer = speakers.resolve(cue.relayed_by)[0] if cue is not None and cue.relayed_by else None
    return Quote(
        quote_id="",
        article_id=article.article_id,
        text=article.text[span[0] : span[1]],
        direct=direct,
        start=span[0],
        end=span[1],
        speaker=entity,
        speaker_mention=written,
        reported_by=relayer,
        cue=cue.cue if cue is not None else None,
        sentence_index=where(cue.start if cue is not None else span[0]),
        unresolved_reason=reason,
    )


def _covered(content: Interval, spans: list[tuple[int, int]]) -> float:
    length = content[1] - content[0]
    if length <= 0:
        return 1.0
    inside = sum(max(0, min(content[1], e) - max(content[0], s)) for s, e in spans)
    return inside / length


def _words(text: str, span) -> int:
    start, end = (span.start, span.end) if isinstance(span, QuoteSpan) else span
    return len(text[start:end].split())
