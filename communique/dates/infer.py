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

from ..records import DateValue

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
