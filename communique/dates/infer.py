"""A publication-date window for an article whose metadata gives no date.

Rule: a report cannot predate the latest calendar date it states, so the lower bound
is the start of the latest explicit day or month (a year alone is too coarse to bound
anything and is used only when nothing finer is stated). The upper bound is the end of
that day or month plus `SLACK` days: news names recent dates, and the window is a
first guess that the corpus-level step (other reports of the same event with known
dates) narrows later. A date the article states about the future would push the
bound too late; the caller passes only values resolved without a reference, which
are the absolute ones and those chained from them.
"""

from __future__ import annotations

import datetime as dt
import re

from ..records import DateValue
from .lexicon import table

SLACK = dt.timedelta(days=31)


def infer_publication(timexes: list[DateValue]) -> tuple[dt.date, dt.date] | None:
    """(earliest, latest) plausible publication date, or None when no date is stated."""
    stated = [t for t in timexes if t.source == "text"]
    fine = [t for t in stated if t.precision in ("day", "month")]
    pool = fine or stated
    if not pool:
        return None
    latest = max(pool, key=lambda t: (t.start, t.end))
    return latest.start, latest.end + SLACK


def _weekday_pattern() -> re.Pattern[str]:
    names = sorted(table("weekday"), key=len, reverse=True)
    return re.compile(rf"\bon ({'|'.join(map(re.escape, names))})\b", re.IGNORECASE)


def narrow_by_weekdays(
    text: str, event_day: dt.date, window: tuple[dt.date, dt.date]
) -> tuple[dt.date, dt.date]:
    """Raise the lower bound of an undated report's publication window so that the days it
    names ("on Wednesday", "said on Thursday") fall as close together around the event it
    relates as the window allows: reports cluster in time, and an undated report of a
    Wednesday trip that also names a Thursday appeared on the Thursday or later."""
    from .lexicon import weekday

    named = {weekday(m[1].lower()) for m in _weekday_pattern().finditer(text)}
    if not named:
        return window
    low, high = window

    def spread(published: dt.date) -> int:
        days = [published - dt.timedelta(days=(published.weekday() - w) % 7) for w in named]
        days.append(event_day)
        return (max(days) - min(days)).days

    candidates = [low + dt.timedelta(days=n) for n in range((high - low).days + 1)]
    best = min(candidates, key=lambda day: (spread(day), day))
    return best, high
