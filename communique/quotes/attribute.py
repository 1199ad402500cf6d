"""Tie cues, their relays and the direct quotes of an article together.

Stages, in order: find the direct quotes (marks.py) and the cues (cues.py; beliefs held as
adjectives or phrases such as "in his view": stances.py); mark relays
("X reaffirmed ..., the spokesman said": X speaks, the spokesman relays); give each
direct quote the cue whose words it is, or the cue next to it ("He wrote: ...", a quote
that runs on after "..., she said.", "“... this district?” the mayor said." that the
parser splits into two sentences, a name under it: "“...” ― Name"); quotes without any
cue stay unattributed. A cue ending its paragraph with a colon and given no quote takes
the next paragraph as its words (a block quote set off without quotation marks).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from .content import verb_content
from .cues import find_cues, is_naming
from .labels import proper_names, repeated_labels
from .marks import QuoteSpan, find_quotes, paragraph_starts
from .relayed import is_stance, own_stance, ready_cue
from .spans import Attribution, Interval, noun_span
from .speakers import speaker_of
from .stances import find_stances
from .tables import cue_word

_MARKS = " \t”\"»'"  # what may stand between a quote's last word and the next sentence


class QuoteIndex:
    """Answers "is this character inside quotation marks?" by bisection."""

    def __init__(self, spans: list[QuoteSpan]) -> None:
        self.spans = spans
        self.starts = [span.start - 1 for span in spans]

    def __call__(self, pos: int) -> QuoteSpan | None:
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and pos <= self.spans[i].end:
            return self.spans[i]
        return None


def attribute(
    doc: Doc, text: str
) -> tuple[list[Attribution], list[tuple[QuoteSpan, Attribution | None]]]:
    """Every attribution of the document and every direct quote with its attribution.
    `text` is `doc.text` (passed in: spaCy rebuilds it on every access)."""
    spans = find_quotes(text)
    quoted = QuoteIndex(spans)
    sents = list(doc.sents)
    labels, names = repeated_labels(text), proper_names(sents)
    cues = [cue for sent in sents for cue in find_cues(sent, quoted, text, labels, names)]
    cues += [cue for sent in sents for cue in find_stances(sent, quoted, text)]
    cues = [cue for cue in cues if not (is_naming(cue) and inside_words(cue, cues))]
    cues += [cue for cue in (byline(doc, text, span) for span in spans) if cue is not None]
    cues += mark_relays(cues, quoted, text)
    cues.sort(key=lambda cue: cue.start)
    speaking = [cue for cue in cues if not cue.relays]
    direct = [(span, wording(own_cue(span, speaking, sents, quoted, text))) for span in spans]
    direct = inherit(text, direct, speaking, sents)
    for span, cue in direct:
        if cue is not None:
            cue.quotes.append((span.start, span.end))
    for cue in speaking:
        if cue.introduces and not cue.contents and not cue.quotes:
            cue.contents = block_quote(cue, text)
    return cues, direct


def wording(cue: Attribution | None) -> Attribution | None:
    """ "She said Beijing was willing to play “a constructive role”": a stance is no act
    of speech, so the words quoted inside a relayed stance are the relayer's."""
    if cue is not None and cue.relayed_by is not None and is_stance(cue):
        return cue.relayed_by
    return cue


def block_quote(cue: Attribution, text: str) -> list[Interval]:
    """ "The chancellor added:" ending its paragraph, the words set off below it without
    quotation marks (a block quote): the next paragraph is the cue's words."""
    colon = text.find(":", cue.end)
    line_end = text.find("\n", colon)
    if colon < 0 or line_end < 0 or "\n" in text[cue.end : colon]:
        return []
    if text[colon + 1 : line_end].strip():
        return []  # words follow on the cue's own line
    start = line_end
    while start < len(text) and text[start].isspace():
        start += 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if end > start else []


def inside_words(cue: Attribution, cues: list[Attribution]) -> bool:
    """Whether the cue word stands inside another cue's words."""
    return any(
        other is not cue and any(s <= cue.start < e for s, e in other.contents) for other in cues
    )


_BYLINE = re.compile(  # spaces within the line, no-break spaces too
    r"[”\"»]?[^\S\n]*(?:―|—|–|--)[^\S\n]*([A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,3})\W*$"
)


def byline(doc: Doc, text: str, span: QuoteSpan) -> Attribution | None:
    """ "“...” ― Name" ending a paragraph: the name under the quote is its speaker, as in
    collections of readers' or voters' words."""
    line_end = text.find("\n", span.end)
    match = _BYLINE.match(text, span.end, len(text) if line_end < 0 else line_end)
    if match is None:
        return None
    tokens = [t for t in _tokens(doc, match.start(1), match.end(1)) if t.pos_ == "PROPN"]
    if not tokens:
        return None
    dash = _tokens(doc, span.end, match.start(1))
    cue_token = next((t for t in dash if not t.is_space and t.text not in '”"»'), tokens[0])
    found = Attribution(cue_token, cue_token.text, cue_token.idx, cue_token.idx + len(cue_token))
    found.kind, found.speaker = "byline", tokens[-1]
    found.speaker_span = (match.start(1), match.end(1))
    found.contents = [(span.start, span.end)]
    return found


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def mark_relays(cues: list[Attribution], quoted: QuoteIndex, text: str) -> list[Attribution]:
    """Link each cue whose words are another act of speech to that act; return new cues."""
    by_token = {cue.token.i: cue for cue in cues}
    added = []
    for outer in list(cues):
        for head in outer.content_heads:
            inner = by_token.get(head.i) or relay_cue(head, quoted, text)
            if inner is None or inner is outer or not _relayable(inner):
                continue
            if _told_the_speaker(inner, outer) or own_stance(inner, outer):
                continue
            if head.i not in by_token:
                by_token[head.i] = inner
                added.append(inner)
            inner.relayed_by, outer.relays = outer, True
    return added


def _relayable(inner: Attribution) -> bool:
    """A belief is the outer speaker's report, not a relay ("X said he believes ...");
    nor is a joint act ("the two men discussed ...": no one person's words), a name given
    in the outer words ("condemned what he called ..."), or an act under a modal."""
    if inner.kind == "belief" or inner.speaker is None or not inner.contents:
        return False
    if is_naming(inner) or _unrealised(inner.token):
        return False
    return inner.kind == "speech" or not _plural(inner.speaker)


def _unrealised(verb: Token) -> bool:
    """ "X told Y that Beijing should ask its people to ...": an act under a modal ("should",
    "would", "must") has not happened: it is part of the outer speaker's words, no relay."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


# the object pronoun that names the outer speaker again: "he said the army had told him"
_SAME_SPEAKER = {"he": "him", "she": "her", "i": "me", "we": "us"}


def _told_the_speaker(inner: Attribution, outer: Attribution) -> bool:
    """ "He said the army had told him that ...": words said to the outer speaker are the
    outer speaker's account, not a relay (the army is not quoted); so with a named person
    ("Pashinyan said the army told him ..."). Not so "X told him ..., the ministry said"."""
    speaker = outer.speaker
    if speaker is None:
        return False
    told = {c.lower_ for c in inner.token.children if c.dep_ in ("dobj", "dative", "iobj")}
    if not told & set(_SAME_SPEAKER.values()):
        return False
    if speaker.lower_ in _SAME_SPEAKER:
        return _SAME_SPEAKER[speaker.lower_] in told
    return speaker.ent_type_ == "PERSON" and bool(told & {"him", "her"})


def _plural(noun: Token) -> bool:
    """ "the two ministers", "Blinken and Lavrov"; not a person's name the tagger took for a
    plural because it ends in -s ("Guterres": NNPS)."""
    if noun.tag_ == "NNPS" and noun.ent_type_ == "PERSON":
        return any(c.dep_ == "conj" for c in noun.children)
    return noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in noun.children)


def relay_cue(head: Token, quoted: QuoteIndex, text: str) -> Attribution | None:
    """A verb of speech or of diplomatic act ("welcomed", "discussed") as a relayed cue, or
    a stance of readiness ("X was ready to talk": relayed.py)."""
    word = cue_word(head)
    if word is None:
        found = ready_cue(head, text)
        return None if found is None or quoted(found.speaker.idx) else found
    if word.kind not in ("speech", "relay"):
        return None
    speaker = speaker_of(head)
    if speaker is None or quoted(speaker.idx):
        return None
    end = head.idx + len(head)
    inner = Attribution(head, head.text, head.idx, end, speaker, noun_span(speaker))
    inner.kind = word.kind
    inner.contents = _with_conjoined(head, verb_content(head, word, text) or _predicate(head))
    return inner


def _with_conjoined(verb: Token, contents: list[Interval]) -> list[Interval]:
    """ "X welcomed the deal and hoped it would ..., his spokesman said": a belief verb
    conjoined to the relayed act, sharing its subject, is more of the same speaker's words
    (a belief is never relayed on its own); they run on to the end of that conjunct."""
    ends = [
        c.right_edge.idx + len(c.right_edge)
        for c in verb.children
        if c.dep_ == "conj"
        and getattr(cue_word(c), "kind", None) == "belief"
        and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
    ]
    if not contents or not ends:
        return contents
    return [(contents[0][0], max(max(ends), contents[-1][1]))]


def _predicate(verb: Token) -> list[Interval]:
    """What follows the verb inside its own clause: "discussed U.S. support"."""
    rights = [c for c in verb.rights if c.dep_ not in ("punct", "cc", "conj")]
    if not rights:
        return []
    return [(verb.idx + len(verb) + 1, rights[-1].right_edge.idx + len(rights[-1].right_edge))]


def own_cue(
    span: QuoteSpan, cues: list[Attribution], sents: list[Span], quoted, text: str
) -> Attribution | None:
    """The cue whose words the quote is: its content holds the quote, or it stands beside it."""
    best, best_overlap = None, 0
    for cue in cues:
        overlap = max((_overlap(c, (span.start, span.end)) for c in cue.contents), default=0)
        if overlap > best_overlap:
            best, best_overlap = cue, overlap
    if best is not None:
        return best
    touched = [s for s in sents if s.start_char < span.end and s.end_char > span.start]
    touched += [s for s in sents if _runs_on(text, span, s)]
    beside = [
        cue
        for cue in cues
        if cue.speaker is not None
        and any(s.start_char <= cue.start < s.end_char for s in touched)
        and all(quoted(c[0]) for c in cue.contents)
    ]
    if beside:
        return min(beside, key=lambda cue: _distance(cue, span))
    return None


def _runs_on(text: str, span: QuoteSpan, sent: Span) -> bool:
    """ "“... this district?” the mayor said.": the parser may end a sentence at the
    quote's question or exclamation mark; the words right after the closing mark, on the
    same line, go on."""
    if sent.start_char < span.end or sent.start_char > span.end + 3:
        return False
    between = text[span.end : sent.start_char]
    return "\n" not in between and not between.strip(_MARKS)


def inherit(text: str, direct, cues: list[Attribution], sents: list[Span]):
    """Quotes without a cue of their own borrow one: a cue ending in a colon just before
    them, else the nearest attributed quote of the same paragraph (the one before first)."""
    starts = paragraph_starts(text)
    result = list(direct)
    for i, (span, cue) in enumerate(result):
        if cue is not None:
            continue
        cue = _introducer(span, cues, sents, text)
        if cue is None:
            cue = _neighbour(result, i, starts)
        result[i] = (span, cue)
    return result


def _introducer(span: QuoteSpan, cues: list[Attribution], sents: list[Span], text: str):
    """A cue that ends its sentence with a colon or with nothing said, just before the quote."""
    before = [s for s in sents if s.end_char <= span.start]
    if not before:
        return None
    previous = before[-1]
    if text[previous.end_char : span.start].strip(' \t\n“"„«') != "":
        return None
    candidates = [c for c in cues if previous.start_char <= c.start < previous.end_char]
    candidates = [c for c in candidates if c.introduces or not c.contents]
    return candidates[-1] if candidates else None


def _neighbour(direct, i: int, starts: list[int]):
    span = direct[i][0]
    paragraph = bisect_right(starts, span.start) - 1
    order = [j for j in range(i - 1, -1, -1)] + [j for j in range(i + 1, len(direct))]
    for j in order:
        other, cue = direct[j]
        if cue is not None and bisect_right(starts, other.start) - 1 == paragraph:
            return cue
    return None


def _overlap(a: Interval, b: Interval) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _distance(cue: Attribution, span: QuoteSpan) -> int:
    if cue.start >= span.end:
        return cue.start - span.end
    return max(0, span.start - cue.end)
