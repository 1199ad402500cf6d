"""Temporal expression -> absolute interval: a grammar of regexes over the span text.

Each rule is a fully-matching regex and a handler that turns the match, the reference
date (publication), the tense and the anchor (the last date mentioned before) into an
inclusive interval. The precision follows from the interval's shape (one day, one
calendar month, one calendar year, else a range), so no rule can claim a day it does
not know.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..records import DateValue
from . import lexicon
from . import periods as p
from .grammar import (
    DAY,
    DAYTIME,
    MONTH,
    WEEKDAY,
    YEAR,
    normalise,
)

Interval = p.Interval
ONE_DAY = dt.timedelta(days=1)
FUTURE_TENSES = ("future",)


@dataclass(frozen=True, slots=True)
class Context:
    reference: dt.date | None
    future: bool
    anchor: DateValue | None

    @property
    def base(self) -> dt.date | None:
        """The date that "the next day" or "a week later" counts from."""
        return self.anchor.start if self.anchor else self.reference


Handler = Callable[[re.Match[str], Context], Interval | None]
RULES: list[tuple[re.Pattern[str], Handler]] = []


def rule(pattern: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        RULES.append((re.compile(pattern), handler))
        return handler

    return register


def resolve(
    text: str,
    reference: dt.date | None,
    *,
    tense: str | None = None,
    anchor: DateValue | None = None,
) -> DateValue | None:
    """The absolute date or range a temporal expression names, or None when it names
    none (a bare duration, a vague "recently") or needs a reference that is missing."""
    if not isinstance(text, str):
        raise TypeError(f"resolve() takes the expression's text, not {type(text).__name__}")
    context = Context(reference, tense in FUTURE_TENSES, anchor)
    interval = interval_of(text, context)
    if interval is None:
        return None
    return DateValue(interval[0], interval[1], precision_of(*interval), text=text)


def interval_of(text: str, context: Context) -> Interval | None:
    anchor = context.anchor
    key = (anchor.start, anchor.end, anchor.precision) if anchor else None
    return _cached_interval(text, context.reference, context.future, key)


@lru_cache(maxsize=4096)
def _cached_interval(
    text: str, reference: dt.date | None, future: bool, anchor: tuple | None
) -> Interval | None:
    context = Context(reference, future, DateValue(*anchor) if anchor else None)
    s, had_clock = normalise(text)
    if not s:
        return _clock_only(context) if had_clock else None
    return match_rules(s, context)


def match_rules(s: str, context: Context) -> Interval | None:
    for pattern, handler in RULES:
        found = pattern.fullmatch(s)
        if found:
            interval = handler(found, context)
            if interval is not None:
                return interval
    return None


def precision_of(start: dt.date, end: dt.date) -> str:
    if start == end:
        return "day"
    if start.day == 1 and end == p.month_end(start.year, start.month):
        return "month"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return "year"
    return "range"


def _clock_only(context: Context) -> Interval | None:
    """A bare clock time ("at 3 p.m.") falls on the day under discussion."""
    if context.anchor and context.anchor.precision == "day":
        return context.anchor.start, context.anchor.start
    return (context.reference, context.reference) if context.reference else None


# -- choosing the year (or week) of a partial date --------------------------------------


def choose(make: Callable[[int], Interval | None], ref: dt.date, mode: str) -> Interval | None:
    """The occurrence of a yearly period picked by `mode`: "past" (latest starting on
    or before ref), "future" (earliest ending on or after ref), "last" (latest ended
    before ref), "next" (earliest starting after ref), "this" (ref's year)."""
    if mode == "this":
        return make(ref.year)
    candidates = [c for c in (make(y) for y in range(ref.year - 4, ref.year + 5)) if c]
    tests = {
        "past": lambda c: c[0] <= ref,
        "future": lambda c: c[1] >= ref,
        "last": lambda c: c[1] < ref,
        "next": lambda c: c[0] > ref,
    }
    fitting = [c for c in candidates if tests[mode](c)]
    if not fitting:
        return None
    return fitting[-1] if mode in ("past", "last") else fitting[0]


def mode_of(word: str | None, context: Context) -> str:
    words = {
        "last": "last",
        "past": "last",
        "previous": "last",
        "next": "next",
        "coming": "next",
        "this": "this",
        "current": "this",
    }
    if word in words:
        return words[word]
    return "future" if context.future else "past"


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# -- calendar dates: "July 16", "16 July 2022", "2022-07-16", "March 2025", "1989" -------


@dataclass(frozen=True, slots=True)
class Parts:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None

    def filled(self, other: Parts) -> Parts:
        return Parts(
            self.year or other.year,
            self.month or other.month,
            self.day,
            self.weekday,
        )


_Y = rf"(?:({YEAR})|'(\d\d))"
PARTS = [
    re.compile(rf"(?:({WEEKDAY}) )?(?:the )?({MONTH}) ({DAY})(?: {_Y})?"),
    re.compile(rf"(?:({WEEKDAY}) )?(?:the )?({DAY})(?: of)? ({MONTH})(?: {_Y})?"),
    re.compile(rf"()({MONTH})(?: of| in)? {_Y}"),
    re.compile(rf"()({MONTH})"),
    re.compile(rf"(?:the )?(?:(?:fiscal|calendar|financial|the) )?(?:year |fy ?)?{_Y}"),
]


def parse_parts(s: str) -> Parts | None:
    """Day, month and year of a simple calendar phrase, any of them possibly absent."""
    for index, pattern in enumerate(PARTS):
        found = pattern.fullmatch(s)
        if found:
            return _parts_from(index, found.groups())
    return None


def _parts_from(index: int, groups: tuple[str | None, ...]) -> Parts:
    if index == 4:
        return Parts(year=_year(*groups))
    weekday = lexicon.weekday(groups[0]) if groups[0] else None
    if index == 1:
        groups = (groups[0], groups[2], groups[1], *groups[3:])
    month = lexicon.month(groups[1])
    day = int(re.sub(r"\D", "", groups[2])) if index < 2 else None
    year = _year(*groups[-2:]) if index < 3 or index == 2 else None
    return Parts(year, month, day, weekday)


def _year(four: str | None, two: str | None) -> int | None:
    if four:
        return int(four)
    if two:
        return 2000 + int(two) if int(two) < 50 else 1900 + int(two)
    return None


def parts_interval(parts: Parts, context: Context) -> Interval | None:
    if parts.year and parts.month and parts.day:
        day = safe_date(parts.year, parts.month, parts.day)
        return (day, day) if day else None
    if parts.year and parts.month:
        return p.of_month(parts.year, parts.month)
    if parts.year and not parts.day:
        return p.of_year(parts.year)
    if context.reference is None or parts.month is None:
        return None
    return _yearless(parts, context)


def _yearless(parts: Parts, context: Context) -> Interval | None:
    ref = context.reference
    assert ref is not None and parts.month is not None
    month, day = parts.month, parts.day
    if day is None:
        return choose(lambda y: p.of_month(y, month), ref, mode_of(None, context))

    def make(y: int) -> Interval | None:
        found = safe_date(y, month, day)
        return (found, found) if found else None

    if parts.weekday is not None:
        for year in (ref.year, ref.year - 1, ref.year + 1):
            found = make(year)
            if found and found[0].weekday() == parts.weekday:
                return found
    return choose(make, ref, mode_of(None, context))


@rule(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:t.*)?")
def iso_day(m: re.Match[str], context: Context) -> Interval | None:
    day = safe_date(int(m[1]), int(m[2]), int(m[3]))
    return (day, day) if day else None


@rule(r"(\d{1,2})([/.])(\d{1,2})[/.](\d{4}|\d\d)")
def numeric_day(m: re.Match[str], context: Context) -> Interval | None:
    """US order (month/day/year) with slashes, European (day.month.year) with dots;
    a first number above 12 can only be a day."""
    first, second = int(m[1]), int(m[3])
    year = int(m[4]) if len(m[4]) == 4 else _year(None, m[4]) or 0
    month, day = (second, first) if m[2] == "." or first > 12 else (first, second)
    found = safe_date(year, month, day)
    return (found, found) if found else None


@rule(r"(\d{4})-(0[1-9]|1[0-2])")
def iso_month(m: re.Match[str], context: Context) -> Interval | None:
    return p.of_month(int(m[1]), int(m[2]))


@rule(r"(?:between |from )?(.+?)(?: ?- ?| (?:to|through|until|till|and|or) )(.+)")
def calendar_range(m: re.Match[str], context: Context) -> Interval | None:
    """ "October 3-5", "3 to 5 October", "July 30 - August 2, 2021", "2009-2010",
    "between August 14 and 16", "from January to March"."""
    left, right = parse_parts(m[1]), _right_parts(m[2])
    if left is None and re.fullmatch(DAY, m[1]):
        left = Parts(day=int(re.sub(r"\D", "", m[1])))
    if left is None or right is None:
        return _general_range(m[1], m[2], context)
    if right.day is not None and right.month is None and left.day is None:
        return None
    right = right.filled(Parts(year=left.year, month=left.month))
    left = left.filled(right)
    return _join(left, right, context)


def _right_parts(s: str) -> Parts | None:
    if re.fullmatch(r"\d\d", s):
        return Parts(day=int(s)) if int(s) <= 31 else None
    if re.fullmatch(DAY + rf"(?: {_Y})?", s):
        digits = s.split()
        return Parts(day=int(re.sub(r"\D", "", digits[0])), year=_year(*_year_groups(digits)))
    return parse_parts(s)


def _year_groups(words: list[str]) -> tuple[str | None, str | None]:
    if len(words) < 2:
        return None, None
    return (words[1], None) if not words[1].startswith("'") else (None, words[1][1:])


def _join(left: Parts, right: Parts, context: Context) -> Interval | None:
    end = parts_interval(right, context)
    if end is None:
        return None
    if left.year is None and left.month is not None:
        left = Parts(end[0].year, left.month, left.day)
        if (left.month, left.day or 1) > (end[0].month, end[0].day):
            left = Parts(end[0].year - 1, left.month, left.day)
    start = parts_interval(left, context)
    if start is None or start[0] > end[1]:
        return None
    return start[0], end[1]


def _general_range(left: str, right: str, context: Context) -> Interval | None:
    if re.fullmatch(r"\d{4}", left) and re.fullmatch(r"\d\d", right):
        right = left[:2] + right  # "2009-10" where 10 cannot be a month was caught above
    start, end = match_rules(left, context), match_rules(right, context)
    if start is None or end is None or start[0] > end[1]:
        return None
    return start[0], end[1]


@rule(
    rf"(?:on |the )?(?:(?:{WEEKDAY}) )?(?:the )?(?:{MONTH} {DAY}|{DAY}(?: of)? {MONTH})(?: {_Y})?"
)
def calendar_day(m: re.Match[str], context: Context) -> Interval | None:
    parts = parse_parts(m[0].removeprefix("on ").removeprefix("the "))
    return parts_interval(parts, context) if parts else None


@rule(rf"(?:the )?(?:(?:fiscal|calendar|financial) )?(?:year |fy ?)?{_Y}|{MONTH}(?: of| in)? {_Y}")
def calendar_year_or_month(m: re.Match[str], context: Context) -> Interval | None:
    parts = parse_parts(m[0])
    return parts_interval(parts, context) if parts else None


# -- relative to the reference date ----------------------------------------------------


@rule(
    r"(?:the )?(last|this|next|past|previous|coming|current)? ?"
    + rf"({MONTH})(?: (last|this|next) year)?"
)
def named_month(m: re.Match[str], context: Context) -> Interval | None:
    month = lexicon.month(m[2])
    if context.reference is None:
        return None
    if m[3]:
        year = context.reference.year + {"last": -1, "this": 0, "next": 1}[m[3]]
        return p.of_month(year, month)
    return choose(lambda y: p.of_month(y, month), context.reference, mode_of(m[1], context))


@rule(
    r"today|tonight|now|currently|presently|at present|at the moment|right now|"
    rf"(?:this|earlier today|later today|today) ?{DAYTIME}?|this {DAYTIME}|the present"
)
def today(m: re.Match[str], context: Context) -> Interval | None:
    ref = context.reference
    return (ref, ref) if ref else None


@rule(
    r"(yesterday|tomorrow|last night|the day before yesterday|the day after tomorrow)"
    rf"(?: {DAYTIME})?"
)
def near_day(m: re.Match[str], context: Context) -> Interval | None:
    offsets = {
        "yesterday": -1,
        "last night": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }
    if context.reference is None:
        return None
    day = context.reference + dt.timedelta(days=offsets[m[1]])
    return day, day


@rule(
    rf"(?:(last|this|next|past|previous|coming) )?({WEEKDAY})(?: (last|next))?(?: {DAYTIME})?"
    rf"(?: (?:of )?(last|this|next) week)?"
)
def weekday(m: re.Match[str], context: Context) -> Interval | None:
    """ "on Monday": the latest Monday on or before the reference unless the tense points
    forward (then the earliest on or after it); "last Monday" strictly before it."""
    ref = context.reference
    if ref is None:
        return None
    target = lexicon.weekday(m[2])
    if m[4]:
        monday = p.of_week(ref)[0] + dt.timedelta(weeks={"last": -1, "this": 0, "next": 1}[m[4]])
        day = monday + dt.timedelta(days=target)
        return day, day
    mode = mode_of(m[1] or m[3], context)
    if mode == "this":
        mode = "future" if context.future else "past"
    day = _weekday_near(ref, target, mode)
    return day, day


def _weekday_near(ref: dt.date, target: int, mode: str) -> dt.date:
    back = (ref.weekday() - target) % 7
    ahead = (target - ref.weekday()) % 7
    if mode == "past":
        return ref - dt.timedelta(days=back)
    if mode == "last":
        return ref - dt.timedelta(days=back or 7)
    if mode == "future":
        return ref + dt.timedelta(days=ahead)
    return ref + dt.timedelta(days=ahead or 7)


from . import relative as _relative  # noqa: E402,F401  (registers the remaining rules)
