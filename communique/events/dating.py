"""Which date an event takes: the date its clause governs, else the date of the "after" /
"before" phrase it sits in, else the story's day up to publication, else publication.

    choose_date(match, article, timexes) -> DateValue | None
    still_ahead(date, modality, match, article) -> DateValue | None
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..actors import dateline
from ..records import Article, DateValue
from .triggers import Match

STORY_SPAN = dt.timedelta(days=6)
EARLIER = dt.timedelta(days=30)  # how far before the story a past perfect reaches back
DAY = dt.timedelta(days=1)
FUTURE_AUX = frozenset({"will", "'ll", "shall", "would"})
SCHEDULING = frozenset({"schedule", "slate", "set", "plan", "expect"})
ORDERING = ("after", "before")
ASPECTUAL = frozenset({"try", "attempt", "seek", "begin", "start", "continue", "keep", "resume"})
MANNER = ("without", "by")
# what a statement does as it is made: "said on Thursday it regretted the decision and urged ..."
PERFORMATIVE = frozenset(
    {
        "regret",
        "urge",
        "condemn",
        "welcome",
        "reject",
        "demand",
        "deplore",
        "denounce",
        "praise",
        "appeal",
        "protest",
        "apologise",
        "apologize",
        "thank",
        "congratulate",
    }
)
PRENOMINAL = frozenset({"nummod", "compound", "amod", "poss", "nmod"})


def choose_date(match: Match, article: Article, timexes: list[DateValue]) -> DateValue | None:
    """The date the trigger's clause governs; else, for a trigger inside the phrase an
    expression such as "two days after" introduces, the date of that phrase's event;
    else, for a report that names a day shortly before publication ("met on Wednesday.
    During the visit, X announced ..."), the range from that day to publication; else the
    publication day; else None."""
    anchors = {t.i for t in match.anchors}
    if match.head is not None:
        anchors.add(match.head.i)
    manner = _manner_of(match.light if match.light is not None else match.token)
    if manner is not None:  # "A week ago he left without signing": the not-signing too
        anchors.add(manner.i)
    plain, inner = _split_timexes(match.token.doc, timexes)
    own = _governed(plain, match.token.sent, anchors, article)
    if own is not None:
        return _deadline(own, article)
    verb = match.light if match.light is not None else match.token
    for sharer in _date_sharers(verb):  # "met on Wednesday and agreed ...": the same day
        shared = _governed(plain, match.token.sent, {sharer.i}, article)
        if shared is not None:
            return _since(verb, shared, article)
    around = [(value, event) for value, event in inner if event.start <= match.token.i < event.end]
    if around:  # "two days after a drone strike killed ...": the strike and the killing
        return min(around, key=lambda pair: len(pair[1]))[0]
    when = _when_child(verb)
    if when is not None:  # "When Beijing recalled its envoy in August, Washington condemned ..."
        found = _governed(plain, match.token.sent, {when.i}, article)
        if found is not None:
            return found
    ordered = _ordered_by_main_clause(match.token, plain) or _when_clause(
        match.token, plain, lambda verb: _governed(plain, verb.sent, {verb.i}, article)
    )
    if ordered is not None:
        return ordered
    if article.published is None:
        return None
    day: dt.date = article.published
    since = _after_a_dated_event(verb, plain, article) or _since_then(verb, plain, day)
    if since is not None:  # "had broken off talks after the bombing in January 2019"
        return since
    story = _story_day(match.token.idx, day, [value for value, _ in plain])
    if _past_perfect(match):  # "Beijing had warned that ...": before the story's day
        until = (story or day) - DAY
        return DateValue(start=until - EARLIER, end=until, precision="range", source="ordered")
    if story is not None and story < day and not _future_tense(match):
        return DateValue(start=story, end=day, precision="range", source="story")
    return DateValue(start=day, end=day, precision="day", source="published")


def still_ahead(
    date: DateValue | None, modality: str, match: Match, article: Article
) -> DateValue | None:
    """A planned event's range from a date of the text runs from publication on: "expects to
    speak to X this week", published on a Wednesday, is Wednesday to Sunday (had the call come
    earlier, the report would say so); not a plan told in the past perfect ("had planned to
    travel there this month": it may have fallen through)."""
    published = article.published
    if date is None or date.source != "text" or modality != "planned" or published is None:
        return date
    if _planned_before(match.light if match.light is not None else match.token):
        return date
    if date.start is None or date.end is None or not date.start < published <= date.end:
        return date
    precision = "day" if published == date.end else "range"
    return replace(date, start=published, precision=precision)


def _planned_before(verb: Token) -> bool:
    """The verb, or the verb whose complement it is, has "had" ("had planned to travel")."""
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children):
            return True
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _since(verb: Token, shared: DateValue, article: Article) -> DateValue:
    """ "signed a pact in August and has since delivered weapons": from August on."""
    since = _has_adverb(verb, "since")
    if not since or article.published is None or not shared.start < article.published:
        return shared
    return DateValue(shared.start, article.published, "range", source="ordered")


def _since_then(
    verb: Token, plain: list[tuple[DateValue, Span]], published: dt.date
) -> DateValue | None:
    """ "The court ordered his detention in mid-March. He has since travelled to Serbia":
    from the last date the text named before the clause to publication."""
    if not _has_adverb(verb, "since"):
        return None
    before = [(span.end, value) for value, span in plain if span.end <= verb.i]
    last = max(before, key=lambda pair: pair[0], default=(0, None))[1]
    if last is None or not last.start < published:
        return None
    return DateValue(last.start, published, "range", source="ordered")


def _deadline(value: DateValue, article: Article) -> DateValue:
    """ "must hand back the districts by 1 December", published in November: any day from
    publication to the deadline."""
    published = article.published
    if not value.text.lower().startswith("by ") or published is None:
        return value
    if not published < value.start:
        return value
    return replace(value, start=published, precision="range")


def _governed(
    plain: list[tuple[DateValue, Span]], sent: Span, anchors: set[int], article: Article
) -> DateValue | None:
    """The value of a date of the sentence that one of the anchors governs."""
    for value, span in plain:
        if span.sent != sent:
            continue
        owner = _due_to(span)
        past = article.published is not None and value.end <= article.published
        if (owner.i in anchors) if owner is not None else _governs(span.root, anchors, past):
            return value
    return None


def _date_sharers(verb: Token) -> list[Token]:
    """The verbs whose date a verb with none of its own shares, nearest first: the verb a
    conjunct without its own subject joins ("met on Wednesday and agreed to ..."), the verb
    a participle of manner hangs on ("announced on Friday ..., calling the raid ..."), and
    the reporting verb of a reported act still under way ("announced on Friday that Mexico
    was suspending ties"), of a reported state ("said on Tuesday it was ready to accept") or
    of what a statement does as it is made ("said on Thursday it regretted ... and urged ..."),
    and a verb of attempt or phase whose complement it is ("has been trying since April to
    seize")."""
    sharers = []
    container = _container_verb(verb)
    if container is not None:  # "landed on Monday, in an exchange in which X released ..."
        return [container]
    state = verb.dep_ == "xcomp" and verb.head.dep_ == "acomp"
    if state:  # "was ready to accept": the copula's date
        verb = verb.head.head
        sharers.append(verb)
    for _ in range(3):
        head = verb.head
        if head.i == verb.i or head.pos_ not in ("VERB", "AUX") or not _shares(verb, head, state):
            break
        state = False
        if verb.dep_ == "advcl" and head.dep_ == "xcomp":  # "ordered X to leave, citing ...":
            head = head.head  # the parser hangs the order's manner on what it orders
        sharers.append(head)
        verb = head
    return sharers


def _container_verb(verb: Token) -> Token | None:
    """For the verb of an "in which" / "during which" clause on a noun ("an exchange in which
    Washington released ...", "a visit during which he met ..."), the verb that noun hangs
    on, whose date the clause shares (not when one of them is future)."""
    if verb.dep_ != "relcl" or not any(
        c.dep_ == "prep" and any(g.lower_ == "which" for g in c.children) for c in verb.children
    ):
        return None
    token = verb.head
    while token.dep_ in ("pobj", "prep", "appos") and token.head.i != token.i:
        token = token.head
    if token.pos_ not in ("VERB", "AUX") or token.i == verb.i:
        return None
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & FUTURE_AUX != {c.lower_ for c in token.children if c.dep_ == "aux"} & FUTURE_AUX:
        return None
    return token


def _shares(verb: Token, head: Token, state: bool = False) -> bool:
    """Whether `verb` shares the date of `head`; `state`: the verb is the copula of a stance
    ("it was ready to accept"), which holds when it is reported."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & FUTURE_AUX != {c.lower_ for c in head.children if c.dep_ == "aux"} & FUTURE_AUX:
        return False  # "met on Monday and will sign next week"
    if verb.dep_ in ("xcomp", "advcl") and verb.tag_ == "VB" and head.lemma_.lower() in ASPECTUAL:
        return True  # "has been trying since April to seize", "began on Monday to pull out"
    if verb.dep_ == "xcomp":
        return False
    if verb.dep_ == "conj":
        return not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if verb.dep_ == "advcl":
        return verb.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "mark") for c in verb.children)
    if verb.dep_ == "ccomp":  # a reported act under way, or a state ("said it was ready to")
        stative = state and verb.lemma_ == "be" and verb.tag_ == "VBD" and not aux
        stative = stative or verb.lemma_.lower() in PERFORMATIVE and verb.tag_ == "VBD" and not aux
        return verb.tag_ == "VBG" or verb.tag_ in ("VBZ", "VBP") and not aux or stative
    return False


def _has_adverb(verb: Token, word: str) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ == word for c in verb.children)


def _when_child(verb: Token) -> Token | None:
    """The verb of a "when" clause hung on `verb`, which happened at the same time."""
    for child in verb.children:
        if child.dep_ == "advcl" and _has_adverb(child, "when"):
            return child
    return None


def _when_clause(
    token: Token,
    plain: list[tuple[DateValue, Span]],
    governed: Callable[[Token], DateValue | None],
) -> DateValue | None:
    """The date a "when" clause hangs on ("was in 1975, when four soldiers were killed";
    "began last month, when the coalition said ..."), or the date its verb governs ("began
    on Tuesday night, when X fired ..."), for a trigger inside the clause."""
    while token.head.i != token.i:
        if token.dep_ in ("relcl", "advcl") and _has_adverb(token, "when"):
            for value, span in plain:
                if span.start <= token.head.i < span.end:
                    return value
            return governed(token.head) if token.head.pos_ in ("VERB", "AUX") else None
        token = token.head
    return None


def _past_perfect(match: Match) -> bool:
    """The trigger's verb is in the past perfect of the narrative ("Beijing had warned"),
    not the backshifted past of reported speech ("said it had summoned the envoy", which
    may be the day it was said)."""
    verb = match.light if match.light is not None else match.token
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    clause = verb
    while clause.dep_ == "conj":
        clause = clause.head
    return "had" in auxes and verb.tag_ == "VBN" and clause.dep_ != "ccomp"


def _manner_of(token: Token) -> Token | None:
    """The verb a gerund says how it was done ("left the talks without signing", "ended
    the crisis by signing"): the two share their date."""
    prep = token.head
    if token.dep_ != "pcomp" or prep.lower_ not in MANNER or prep.dep_ != "prep":
        return None
    return prep.head if prep.head.pos_ in ("VERB", "AUX") else None


def _ordered_by_main_clause(token: Token, plain: list[tuple[DateValue, Span]]) -> DateValue | None:
    """For a trigger in a bare "after" / "before" clause or phrase ("suspended the talks in
    August after the speaker visited Taiwan"), the week before (after) the main clause's
    own date up to (from) its end: the inner event came before (after) it, and close to
    it; None when the main clause has no date of its own."""
    found = _connective(token)
    if found is None:
        return None
    connective, main = found
    for value, span in plain:
        if span.sent == token.sent and _governs(span.root, {main.i}):
            if connective == "after":
                return DateValue(value.start - STORY_SPAN, value.end, "range", source="ordered")
            return DateValue(value.start, value.end + STORY_SPAN, "range", source="ordered")
    return None


def _after_a_dated_event(
    verb: Token, plain: list[tuple[DateValue, Span]], article: Article
) -> DateValue | None:
    """For a clause with no date of its own and an "after" clause or phrase that has one
    ("had broken off the talks after the rebels bombed a school in January 2019"), the
    range from that date to publication: it came later, how much later the text does not
    say."""
    published = article.published
    for child in verb.children:
        marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
        if child.dep_ == "advcl" and "after" in marks:
            inner = [child]
        elif child.dep_ == "prep" and child.lower_ == "after":
            inner = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
        else:
            continue
        for token in inner:
            value = _governed(plain, verb.sent, {token.i}, article)
            if value is not None and published is not None and value.start <= published:
                return DateValue(value.start, published, "range", source="ordered")
    return None


def _connective(token: Token) -> tuple[str, Token] | None:
    """("after" | "before", the main clause's head) when `token` lies in a clause or phrase
    that "after" or "before" introduces, else None. A verb on the way up that is no such
    clause ends the search: the trigger belongs to it."""
    while token.head.i != token.i:
        marks = [c.lower_ for c in token.children if c.dep_ == "mark"]
        if token.dep_ == "advcl" and marks and marks[0] in ORDERING:
            return marks[0], token.head
        head = token.head
        if token.dep_ in ("pobj", "pcomp") and head.lower_ in ORDERING and head.dep_ == "prep":
            return head.lower_, head.head
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("xcomp", "aux"):
            return None
        token = head
    return None


def _split_timexes(
    doc: Doc, timexes: list[DateValue]
) -> tuple[list[tuple[DateValue, Span]], list[tuple[DateValue, Span]]]:
    """The values with their spans, apart from those that date the event of an
    "after" / "before" phrase ("two days after a drone strike killed ..."), which come
    with that phrase: they date only the triggers inside it, never the main clause, and
    name no day the story is about."""
    from ..dates import inner_event

    plain, inner = [], []
    for value in timexes:
        if value.char_start is None or value.char_end is None:
            continue
        span = doc.char_span(value.char_start, value.char_end, alignment_mode="expand")
        if span is None:
            continue
        event = inner_event(span)
        if _dateline(span):
            continue  # "NEW DELHI, June 17 (Agency) -": when the report was filed
        if event is None:
            plain.append((value, span))
        else:
            inner.append((value, event))
    return plain, inner


def _dateline(span: Span) -> bool:
    """A date in a dateline ("NEW DELHI, June 17 (Agency) - ...")."""
    return any(d.start <= span.start_char < d.end for d in dateline.of_doc(span.doc))


def _story_day(offset: int, published: dt.date, timexes: list[DateValue]) -> dt.date | None:
    """The earliest day the text names before `offset` among those in the week up to
    publication (the day the story begins; background dates such as "in February" are
    passed over): a clause with no date of its own, told after "X met Y on Wednesday" and
    "Z said on Thursday", may have happened on any day since Wednesday. For a clause before
    any such day (a lead: "X has called off the visit"), the earliest of those the text
    names after it, which the body dates the news by."""
    named = [
        t
        for t in timexes
        if t.source == "text"
        and t.char_end is not None
        and t.precision == "day"
        and published - STORY_SPAN <= t.start <= published
    ]
    before = [t for t in named if t.char_end is not None and t.char_end <= offset]
    if before:
        return min(t.start for t in before)
    return min(t.start for t in named) if named else None


def _future_tense(match: Match) -> bool:
    verb = match.light if match.light is not None else match.token
    return any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in verb.children)


def _governs(token: Token, anchors: set[int], past: bool = False) -> bool:
    """True when the timex attaches to an anchor before reaching another verb; a participle
    that only schedules the anchor noun passes it on ("our meeting scheduled in two weeks"),
    and so does, for a past date, the infinitive that says what the anchor noun is for
    ("signed agreements to establish ties in September": the signing was in September). A
    date before a noun that is no anchor is that noun's ("pulled out of the 2015 deal")."""
    # "last December Mogadishu cut ties": no date modifies the name of a place or person
    misread = token.head.pos_ == "PROPN" and token.head.dep_ in ("nsubj", "nsubjpass")
    prenominal = token.dep_ in PRENOMINAL and token.head.i > token.i and not misread
    if prenominal and token.head.i not in anchors:
        return False
    while token.head.i != token.i:
        token = token.head
        if token.i in anchors:
            return True
        if token.pos_ in ("VERB", "AUX") and not (
            _schedules(token, anchors) or past and _purpose_of(token, anchors)
        ):
            return False
    return False


def _purpose_of(verb: Token, anchors: set[int]) -> bool:
    return (
        verb.dep_ == "acl"
        and verb.head.i in anchors
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _due_to(span: Span) -> Token | None:
    """ "a visit that was due in early September": wherever the parser hangs the date, it
    is the date of the noun the "due" clause describes (the visit), and of nothing else."""
    token = span.doc[span.start - 1] if span.start > 0 else None
    if token is None or token.lower_ != "due":
        return None
    for _ in range(3):
        token = token.head
        if token.pos_ in ("NOUN", "PROPN"):
            return token
    return None


def _schedules(verb: Token, anchors: set[int]) -> bool:
    return verb.dep_ == "acl" and verb.head.i in anchors and verb.lemma_.lower() in SCHEDULING
