"""Dates: every temporal expression of an article to an absolute date or range.

Public API: `resolve` (one expression), `extract` (every expression of a parsed
article, with offsets, tense and anchors chained through the article) and
`infer_publication` (a publication-date window for an undated article).

Decisions (each pinned by rows of tests/data/date_cases.tsv):
- A weekday ("on Monday") is the latest such day on or before the publication date,
  or the earliest on or after it when the governing verb is future (will, shall,
  going to, scheduled/expected/due to); "last Monday" is strictly before, "next
  Monday" strictly after. A partial date ("July 16", "in March") takes the year that
  puts it closest before publication unless the tense is future; "last December" is
  the latest December that has ended.
- Vague expressions are ranges, never a day: weeks run Monday-Sunday; "early", "mid"
  and "late" are thirds (a month: 1-10, 11-20, 21-end; a year: Jan-Apr, May-Aug,
  Sep-Dec; a decade: 0-3, 4-6, 7-9); seasons are meteorological; "the past week" is
  the seven days up to publication, "last week" the previous calendar week; "recent",
  "few" and "several" count as three units in "recent weeks", "the past few days".
- "two weeks ago", "a week later": the calendar unit holding the shifted day.
- "since X" runs from the start of X to publication. "until", "by", "before" and
  "after" are signals, not part of the value: the value is X itself.
- Bare durations ("six weeks", "for decades", "for years") and vague references
  ("recently", "soon", "in the past") return None: they name no date.
- "two days after a drone strike killed X", "hours after lawmakers voted", "a week
  before the election": the expression dates the event of the phrase or clause after
  "after" / "before", counted the other way from the main clause's day (its own
  expression, else the anchor); "hours", "minutes" and "shortly" keep that day. Without
  such a day the inner event's date is unknown and the expression resolves to nothing;
  it never dates the main clause (see `adjuncts`).
- "that year", "the next day", "a week later" count from the anchor (the value
  resolved just before); without an anchor, "the next day" counts from publication
  and "that year" does not resolve. A bare clock time names the anchor's day.
- Without a publication date only absolute expressions resolve.
"""

from .adjuncts import inner_event
from .extract import extract, tense_of
from .infer import infer_publication, narrow_by_weekdays
from .resolve import resolve

__all__ = [
    "extract",
    "infer_publication",
    "inner_event",
    "narrow_by_weekdays",
    "resolve",
    "tense_of",
]
