"""Find every temporal expression of a parsed article and resolve it.

Candidate spans come from one regex pass over the article (the shapes the resolver
knows: "October 3-5", "earlier this month", "on Monday") and from spaCy's DATE and
TIME entities; a spaCy entity that does not resolve as a whole gives way to the regex
spans inside it (the small model sometimes runs "October 3-5 ended earlier this
month" together). The tense of each span comes from the verb that governs it; the
anchor of each is the value resolved just before it in the article.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from ..records import Article, DateValue
from . import adjuncts, lexicon
from .grammar import NUMBER, YEAR
from .resolve import resolve

FUTURE_AUX = {"will", "shall", "'ll", "wo", "ll"}
OBLIGING_AUX = {"must", "should", "may", "might"}  # with a bare verb: not yet done
FUTURE_HEADS = {"go", "schedule", "expect", "due", "plan", "set", "intend", "slate", "prepare"}
LEAD_WORDS = {"on", "in", "since", "until", "by", "from", "between", "during"}
TEST_REFERENCE = dt.date(2000, 6, 15)
STATIVE = {"be", "have", "say", "remain", "seem", "stay", "know", "believe", "want", "need"}
SCHEDULED = {"schedule", "slate", "due", "set", "plan", "expect"}
UNITS = r"(?:days?|weeks?|months?|years?|decades?|quarters?|centur(?:y|ies))"


@cache
def detector() -> re.Pattern[str]:
    """One regex for the shapes of temporal expression the resolver reads. Month and
    weekday names must be capitalised, so "may" the verb is not a month."""
    month = rf"(?-i:{_month_names()})"
    weekday = rf"(?-i:{'|'.join(w.capitalize() for w in _full_weekdays())})"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    year = rf"(?:{YEAR}\b|'\d\d\b)"
    dash = r"\s*(?:-|\u2013|\u2014|to|and|through|until)\s*"
    part = r"(?:early|mid|late|the\s+(?:beginning|start|middle|end|close)\s+of)[\s-]+"
    rel = r"(?:last|this|next|past|previous|coming|current|following|same|that)"
    cal = (
        rf"(?:{weekday},?\s+)?(?:the\s+)?(?:{month}\s+{day}(?:{dash}(?:{month}\s+)?{day})?"
        rf"|{day}(?:{dash}{day})?\s+(?:of\s+)?{month}(?:{dash}{day}\s+{month})?)"
        rf"(?:,?\s+{year})?"
    )
    cores = [
        r"\d{4}-\d\d-\d\d\b",
        r"\d{1,2}/\d{1,2}/\d{4}\b",
        cal,
        rf"{month},?\s+(?:of\s+)?{year}",
        rf"(?:{rel}\s+|{part})?{weekday}(?:\s+(?:morning|afternoon|evening|night))?",
        rf"(?:{part})?(?:{rel}\s+){month}",
        rf"(?:{part}){month}",
        rf"(?:{part})?(?:the\s+)?(?:{rel}\s+)(?:week(?:end)?|month|year|quarter|decade|century"
        rf"|day|morning|night|evening|spring|summer|autumn|fall|winter)\b",
        rf"(?:the\s+)?(?:{part})?(?:\d{{3}}0|'\d0)s\b",
        rf"(?:the\s+)?(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+quarter"
        rf"(?:\s+of\s+{year})?|Q[1-4]\s+{year}|(?:the\s+)?(?:first|second)\s+half\s+of\s+{year}",
        rf"(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?{year}",
        # "in May" (not "in May's cabinet"), "in the autumn" (not "in the fall of Kabul")
        rf"in\s+{month}(?![\w'\u2019])",
        r"in\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:spring|summer|autumn|fall|winter)\b"
        r"(?!\s+of\b)",
        rf"(?:{part}|(?:in|since|by|during|until|from|of|before|after|through|between)\s+)"
        rf"{year}(?:\s*(?:-|\u2013|to|and)\s*{year})?",
        rf"(?:the\s+)?(?:fiscal\s+|calendar\s+)?(?:year|fy)\s*{year}|fiscal\s+{year}",
        rf"(?:{NUMBER}|a|an)\s+{UNITS}\s+(?:ago|earlier|later|before|after)\b",
        # "hours after the vote", "shortly before talks began": dated by `adjuncts`
        rf"(?:(?:(?:{NUMBER})\s+)?(?:hours|minutes)|(?:an|one)\s+hour|a\s+minute|shortly|moments)"
        r"\s+(?:after|before)\b",
        rf"(?:the\s+)?(?:past|last|next|coming|previous|following|recent)\s+(?:{NUMBER}\s+)?{UNITS}",
        r"(?:earlier|later)\s+(?:this|that|in\s+the)\s+(?:day|week|month|year|quarter)\b",
        rf"(?:within|in)\s+(?:{NUMBER}|a|an)\s+{UNITS}\b",
        # "the day after the vote", "the eve of the summit" hang on an event, not a date
        r"the\s+day\s+(?:before|after)(?:\s+yesterday|\s+tomorrow)?(?!\s+(?:the|a|an|his|her|its|their)\s)"
        r"|the\s+eve\b(?!\s+of\s)",
        r"(?:today|tonight|yesterday|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?"
        r"|last\s+night",
        r"in\s+the\s+(?:morning|afternoon|evening|night)\b|(?:hours|minutes)\s+later\b",
    ]
    lead = r"(?:(?:since|between|from|on|in|during|until|by)\s+)?"
    return re.compile(rf"\b{lead}(?:{'|'.join(cores)})(?!\w)", re.IGNORECASE)


@cache
def trigger() -> re.Pattern[str]:
    """A word that every expression the detector knows contains: a month or weekday
    name, a digit, or a calendar word. Cheap to search for; the detector then runs
    only from the few words before each trigger."""
    words = r"days?|weeks?|weekend|months?|years?|decades?|quarters?|centur(?:y|ies)|"
    words += r"spring|summer|autumn|fall|winter|today|tonight|yesterday|tomorrow|night|eve|"
    words += r"morning|afternoon|evening|hours?|minutes?|shortly|moments"
    names = f"{_month_names()}|{'|'.join(w.capitalize() for w in _full_weekdays())}"
    return re.compile(rf"\d|(?-i:{names})|\b(?i:{words})\b")


def _month_names() -> str:
    """Capitalised month names; abbreviations may carry their full stop."""
    names = sorted(lexicon.table("month"), key=len, reverse=True)
    return "|".join(
        w.capitalize() + (r"\b\.?" if len(w) < 5 and w != "june" else r"\b") for w in names
    )


def _full_weekdays() -> list[str]:
    return [w for w in lexicon.table("weekday") if w.endswith("day")]


WORD_START = re.compile(r"(?<![\w'])[\w']")


def detect(text: str) -> list[tuple[int, int]]:
    """Spans the detector matches, searched only around trigger words."""
    spans: list[tuple[int, int]] = []
    done = 0
    pattern = detector()
    for hit in trigger().finditer(text):
        if hit.start() < done:
            continue
        window = max(done, hit.start() - 40)
        starts = [m.start() for m in WORD_START.finditer(text, window, hit.start() + 1)][-5:]
        for start in starts:
            found = pattern.match(text, start)
            if found and found.end() > hit.start():
                spans.append(found.span())
                done = found.end()
                break
    return spans


def extract(doc: Doc, article: Article) -> list[DateValue]:
    """Every temporal expression of the article, resolved against its publication
    date, with character offsets into `article.text`, in text order. Expressions that
    name no date (durations, "recently") are left out."""
    text = article.text
    if len(doc) and doc[-1].idx + len(doc[-1]) > len(text):
        raise ValueError("extract() needs the Doc parsed from article.text itself")
    values: list[DateValue] = []
    resolved: list[tuple[Span, DateValue]] = []
    pending: list[tuple[int, int, Span, Span, DateValue | None]] = []
    anchor: DateValue | None = None
    for start, end in candidate_spans(doc, text):
        span = doc.char_span(start, end, alignment_mode="expand")
        inner = adjuncts.inner_event(span) if span is not None else None
        if span is not None and inner is not None:
            pending.append((start, end, span, inner, anchor))  # dated once the whole text is read
            continue
        tense = tense_of(span) if span is not None else None
        if span is not None and _span_of_time(span, tense):
            continue
        value = resolve(text[start:end], article.published, tense=tense, anchor=anchor)
        if value is None:
            continue
        value.char_start, value.char_end = start, end
        values.append(value)
        if span is not None:
            resolved.append((span, value))
        anchor = value
    values += _date_inner_events(text, pending, resolved)
    return sorted(values, key=lambda v: v.char_start or 0)


IN_COUNT = re.compile(rf"in\s+(?:{NUMBER}|a|an)\s+{UNITS}", re.IGNORECASE)
RECORDS = frozenset({"first", "last", "only"})


def _span_of_time(span: Span, tense: str | None) -> bool:
    """ "in 25 years" after a superlative or "first" ("the most senior visitor in 25 years",
    "the first visit in a decade") or in a past clause ("inflation hit 9% in 40 years") is a
    stretch of time up to the clause, not a day that far ahead: it names no date. In a
    future clause it is ("the next round will be held in two weeks")."""
    if not IN_COUNT.fullmatch(span.text) or tense == "future":
        return False
    if tense == "past":
        return True
    before = span.doc[span.sent.start : span.start]
    return any(t.tag_ in ("JJS", "RBS") or t.lower_ in RECORDS and t.pos_ == "ADJ" for t in before)


def _date_inner_events(
    text: str,
    pending: list[tuple[int, int, Span, Span, DateValue | None]],
    resolved: list[tuple[Span, DateValue]],
) -> list[DateValue]:
    """ "two days after a drone strike killed ...": the inner event's date, counted from
    the main clause's own expression, else from the anchor before the expression. They
    do not become the anchor of what follows: the story goes on from the main clause."""
    values = []
    for start, end, span, inner, anchor in pending:
        head = adjuncts.main_head(span, inner)
        if head is None:
            continue  # the parse puts the main clause inside the phrase: no day to count from
        base = adjuncts.own_day(head, inner, resolved) or anchor
        value = adjuncts.date_inner(text[start:end], base)
        if value is not None:
            value.char_start, value.char_end = start, end
            values.append(value)
    return values


def candidate_spans(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Character spans of temporal expressions: regex matches, plus spaCy DATE/TIME
    entities that the grammar reads, which replace the matches they contain."""
    found = detect(text)
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME") or not _readable(ent.text):
            continue
        inside = [s for s in found if s[0] < ent.end_char and ent.start_char < s[1]]
        if all(ent.start_char <= s[0] and s[1] <= ent.end_char for s in inside):
            found = [s for s in found if s not in inside] + [(ent.start_char, ent.end_char)]
    return sorted(_widen(text, s) for s in found)


def _readable(text: str) -> bool:
    """Whether the grammar reads an expression (against a fixed test reference)."""
    return resolve(text, TEST_REFERENCE) is not None


def _widen(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Take in a preposition just before the span ("since January", "on Monday")."""
    start, end = span
    before = text[max(0, start - 9) : start]
    found = re.search(r"(\w+)\s+$", before)
    if found and found[1].lower() in LEAD_WORDS:
        return start - len(found[0]), end
    return start, end


def tense_of(span: Span) -> str | None:
    """ "past", "present" or "future" from the verb that governs the span, or None.
    A span right after "due" or "scheduled" ("was due in early September") is arranged
    for later, wherever the parser attached it."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and (
        before.lower_ == "due" or before.lemma_ in SCHEDULED and before.tag_ == "VBN"
    ):
        return "future"
    verb = _governing_verb(span.root)
    if verb is None:
        return None
    return _verb_tense(verb)


def _scheduled_present(verb: Token) -> bool:
    """A simple present of an act in a main or reported clause ("the talks resume in
    January"), not a state ("is", "remains") nor a relative clause's timeless present."""
    return verb.lemma_ not in STATIVE and verb.dep_ in ("ROOT", "ccomp")


def _governing_verb(token: Token) -> Token | None:
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _verb_tense(verb: Token) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX:
        return "future"
    if words & OBLIGING_AUX and not words & {"have", "'ve"}:
        return "future"  # "must leave by March 15", "may attack on Friday"; not "should have"
    if verb.tag_ == "VBN" and verb.lemma_ in SCHEDULED and words & {"is", "are", "be"}:
        return "future"
    if any(c.lower_ == "due" and c.dep_ in ("acomp", "attr") for c in verb.children):
        return "future"
    if "to" in words and verb.dep_ in ("xcomp", "advcl", "ccomp", "acl"):
        head = verb.head
        if head.lemma_ in FUTURE_HEADS or head.lower_ in FUTURE_HEADS:
            return "future"
        if head.lemma_ == "be" and verb.dep_ == "xcomp":
            return "future"  # "is to visit", "was to have included": arranged, not yet done
        if head.pos_ not in ("VERB", "AUX"):  # "signed agreements to establish ties in May"
            head = _governing_verb(head)
        return _verb_tense(head) if head is not None else None
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes) or words & {"has", "have", "had"}:
        return "past"
    if not auxes and verb.tag_ in ("VBZ", "VBP") and _scheduled_present(verb):
        return "future"  # "the talks resume in January", "the leaders meet on Friday"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    return None
