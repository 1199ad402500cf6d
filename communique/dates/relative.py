"""Rules for expressions that count from the reference date or from the anchor:
"last week", "earlier this month", "two weeks ago", "the next day", "that year",
"in late 2020", "since January", "the first quarter", "last summer", "the 1990s".

Registered into `resolve.RULES` in the order they are defined here, after the
calendar rules of `resolve`.
"""

from __future__ import annotations

import datetime as dt
import re

from . import lexicon
from . import periods as p
from .grammar import DAYTIME, NUMBER, ORDINAL, PART, SEASON, UNIT, YEAR
from .resolve import Context, Interval, choose, match_rules, mode_of, rule

STEP = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0, "current": 0}
VAGUE_COUNTS = {"few", "a few", "several"}
UNITS = r"(day|week|fortnight|month|quarter|year|decade|century)s?"
RELATIVE_YEAR = rf"(?:({YEAR})|(this|last|next) year)"


def _unit(word: str) -> str:
    return lexicon.table("unit").get(word, word.removesuffix("s"))


def _relative_year(context: Context, year: str | None, word: str | None) -> int | None:
    if year:
        return int(year)
    if word and context.reference:
        return context.reference.year + STEP[word]
    return None


@rule(r"since (.+)")
def since(m: re.Match[str], context: Context) -> Interval | None:
    """ "since January": from the start of what follows to the reference date."""
    ref = context.reference
    start = match_rules(m[1], context)
    if ref is None or start is None or start[0] > ref:
        return None
    return start[0], ref


@rule(rf"({PART}) ?(.+)")
def part_of(m: re.Match[str], context: Context) -> Interval | None:
    """ "in late 2020", "mid-July", "the end of last year", "early next week"."""
    whole = match_rules(m[2], context)
    if whole is None or whole[0] == whole[1]:
        return None
    return p.part(whole, lexicon.table("part")[" ".join(m[1].split())])


@rule(r"(?:the )?(?:(?:(?:first|second|1st|2nd) )?(early|mid|late) ?)?(?:(\d{3})0|'?(\d)0)s")
def decade(m: re.Match[str], context: Context) -> Interval | None:
    if m[2] and m[2].endswith("0") and int(m[2]) < 200:
        whole = p.of_century(int(m[2]) // 10 + 1)  # "the 1800s" is a century
        return p.part(whole, m[1]) if m[1] else whole
    if m[2]:
        first = int(m[2]) * 10
    else:
        first = 2000 + int(m[3]) * 10
        if context.reference is None or first > context.reference.year:
            first -= 100
    whole = p.of_decade(first)
    return p.part(whole, m[1]) if m[1] else whole


@rule(r"(?:the )?(\d{1,2})(?:st|nd|rd|th) century")
def century(m: re.Match[str], context: Context) -> Interval | None:
    return p.of_century(int(m[1]))


@rule(r"(?:the )?(year|month|week|quarter|decade|century)")
def current_unit(m: re.Match[str], context: Context) -> Interval | None:
    """ "the end of the year": a bare "the year" is the reference's year."""
    return p.unit_of(m[1], context.reference) if context.reference else None


@rule(r"(?:(the) )?(this|last|next|past|previous|coming|current) (week|month|quarter|year|decade)")
def relative_unit(m: re.Match[str], context: Context) -> Interval | None:
    """ "last week" is the calendar week before the reference's; "the past week" the
    seven days up to the reference; "the previous week" counts from the anchor."""
    ref, unit, word = context.reference, m[3], m[2]
    if ref is None:
        return None
    if m[1] and word in ("past", "last"):
        return p.shift(unit, ref, -1) + dt.timedelta(days=1), ref
    if m[1] and word == "coming":
        return ref, p.shift(unit, ref, 1)
    base = context.base if word == "previous" and context.base else ref
    return p.unit_of(unit, p.shift(unit, base, STEP[word]))


@rule(r"(?:(last|this|next|past|coming|the|over the) )?weekend")
def weekend(m: re.Match[str], context: Context) -> Interval | None:
    ref = context.reference
    if ref is None:
        return None
    mode = mode_of(m[1], context)
    if mode == "this":
        mode = "future" if context.future else "past"
    candidates = [p.of_weekend(ref + dt.timedelta(weeks=k)) for k in range(-2, 3)]
    tests = {
        "past": lambda c: c[0] <= ref,
        "last": lambda c: c[1] < ref,
        "future": lambda c: c[1] >= ref,
        "next": lambda c: c[0] > ref,
    }
    fitting = [c for c in candidates if tests[mode](c)]
    return fitting[-1] if mode in ("past", "last") else fitting[0]


@rule(r"(?:(?:in )?the (?:morning|afternoon|evening|night)|(?:hours|minutes) later)")
def part_of_anchor_day(m: re.Match[str], context: Context) -> Interval | None:
    """ "In the evening Zelenskyy addressed Congress", "hours later": the day the story
    last named; nothing without one."""
    anchor = context.anchor
    if anchor is None or anchor.start != anchor.end:
        return None
    return anchor.start, anchor.end


@rule(r"(earlier|later|early|late)(?: in)? (this|that|the) (day|week|month|quarter|year)")
def earlier_later(m: re.Match[str], context: Context) -> Interval | None:
    """ "earlier this month" runs from the month's start to the reference; "later that
    year" from the anchor to the end of its year."""
    point = context.base if m[2] == "that" else context.reference
    if point is None or (m[2] == "that" and context.anchor is None):
        return None
    whole = p.unit_of(m[3], point)
    if m[1].startswith("earl"):
        return whole[0], point
    return (point, whole[1]) if m[2] == "that" or m[3] == "day" else (point, whole[1])


@rule(
    rf"({NUMBER}|a|an)? ?(?:({UNIT})|(hour|minute)s?) "
    r"(ago|back|before|earlier|after|later|on|from now|hence)"
)
def counted(m: re.Match[str], context: Context) -> Interval | None:
    """ "two weeks ago", "a week later", "three years earlier": the calendar unit that
    holds the shifted day (a day for days and hours)."""
    if not m[1] or " ".join(m[1].split()) in VAGUE_COUNTS:
        return None
    count = lexicon.number(" ".join(m[1].split()))
    forward = m[4] in ("after", "later", "on", "from now", "hence")
    base = context.reference if m[4] in ("ago", "back", "from now", "hence") else context.base
    if base is None:
        return None
    if m[3]:
        return base, base
    return count_from(base, _unit(m[2]), count if forward else -count)


def count_from(base: dt.date, unit: str, count: int) -> Interval:
    """The calendar unit that holds the day `count` units from `base` (a year for
    decades and centuries: "two decades earlier" names a year, not a decade)."""
    shifted = p.shift(unit, base, count)
    return p.unit_of(unit if unit not in ("decade", "century") else "year", shifted)


@rule(rf"(in|within)(?: the next)? ({NUMBER}|a|an) {UNITS}")
def within(m: re.Match[str], context: Context) -> Interval | None:
    """ "in two weeks" (the week two weeks after the reference); "within a month"
    (the reference to a month after it)."""
    ref = context.reference
    if ref is None or " ".join(m[2].split()) in VAGUE_COUNTS:
        return None
    unit = m[3]
    shifted = p.shift(unit, ref, lexicon.number(" ".join(m[2].split())))
    if m[1] == "within":
        return ref, shifted
    return p.unit_of(unit if unit not in ("decade", "century") else "year", shifted)


@rule(rf"(?:the )?(past|last|previous|recent|coming|next|following)(?: ({NUMBER}))? {UNITS}")
def stretch(m: re.Match[str], context: Context) -> Interval | None:
    """ "the past six weeks", "recent days", "the coming months": a range that ends
    (or starts) at the reference; "few", "several" and "recent" count as three."""
    word, unit = m[1], m[3]
    count = lexicon.number(" ".join(m[2].split())) if m[2] else 3
    if not m[2] and not m[0].endswith("s"):
        return None
    base = context.base if word in ("following", "previous") else context.reference
    if base is None:
        return None
    if word in ("coming", "next", "following"):
        return base, p.shift(unit, base, count)
    return p.shift(unit, base, -count), base


@rule(
    rf"(?:that|the same|that same|the very same) "
    rf"(day|{DAYTIME}|date|week|month|quarter|year|decade)"
)
def same_as_anchor(m: re.Match[str], context: Context) -> Interval | None:
    anchor = context.anchor
    unit = m[1] if m[1] in ("week", "month", "quarter", "year", "decade") else "day"
    if anchor is None or (anchor.end - anchor.start) > (
        p.unit_of(unit, anchor.start)[1] - p.unit_of(unit, anchor.start)[0]
    ):
        return None
    return p.unit_of(unit, anchor.start)


@rule(
    r"(?:the )?(?:(next|following|previous|preceding|prior|subsequent) "
    rf"(day|{DAYTIME}|week|month|quarter|year)|(day|week|month|year) (after|before)|eve)"
)
def next_to_anchor(m: re.Match[str], context: Context) -> Interval | None:
    """ "the next day", "the following week", "the day before", "the eve": one unit
    after or before the anchor (or the reference when nothing came before)."""
    base = context.base
    if base is None:
        return None
    unit = m[2] or m[3] or "day"
    if unit not in ("week", "month", "quarter", "year"):
        unit = "day"
    forward = (m[1] or m[4] or "") in ("next", "following", "subsequent", "after")
    if context.anchor and context.anchor.precision != "day" and unit == "day":
        return None
    return p.unit_of(unit, p.shift(unit, base, 1 if forward else -1))


@rule(
    rf"(?:the )?({ORDINAL}|q([1-4])) (?:fiscal )?quarter(?: of)?(?: (?:fiscal )?{RELATIVE_YEAR})?"
)
def quarter(m: re.Match[str], context: Context) -> Interval | None:
    number = int(m[2]) if m[2] else int(lexicon.table("ordinal")[m[1]]) % 5
    return _yearly(lambda y: p.of_quarter(y, number), context, m[3], m[4])


@rule(rf"q([1-4]) (?:of )?{RELATIVE_YEAR}|(?:({YEAR}) )?q([1-4])")
def quarter_short(m: re.Match[str], context: Context) -> Interval | None:
    number = int(m[1] or m[5])
    return _yearly(lambda y: p.of_quarter(y, number), context, m[2] or m[4], m[3])


@rule(rf"(?:the )?(first|second|1st|2nd|last|h1|h2) half(?: of)?(?: {RELATIVE_YEAR})?")
def half(m: re.Match[str], context: Context) -> Interval | None:
    number = 1 if m[1] in ("first", "1st", "h1") else 2
    return _yearly(lambda y: p.of_half(y, number), context, m[2], m[3])


@rule(rf"(?:the )?(?:(last|this|next|past|coming) )?({SEASON})(?: of)?(?: {RELATIVE_YEAR})?")
def season(m: re.Match[str], context: Context) -> Interval | None:
    name = lexicon.table("season")[m[2]]
    if m[3] or m[4]:
        return _yearly(lambda y: p.of_season(y, name), context, m[3], m[4])
    if context.reference is None:
        return None
    return choose(lambda y: p.of_season(y, name), context.reference, mode_of(m[1], context))


@rule(rf"(?:the )?({YEAR}) ({SEASON})")
def year_season(m: re.Match[str], context: Context) -> Interval | None:
    return p.of_season(int(m[1]), lexicon.table("season")[m[2]])


def _yearly(make, context: Context, year: str | None, word: str | None) -> Interval | None:
    """A period of a stated year, else the occurrence nearest the reference."""
    explicit = _relative_year(context, year, word)
    if explicit is not None:
        return make(explicit)
    if context.reference is None:
        return None
    return choose(make, context.reference, mode_of(None, context))
