"""Regex pieces of the temporal-expression grammar and the normalisation of a span's
text before the rules in `resolve` read it. Built once, from the lexicon."""

from __future__ import annotations

import re

from . import lexicon

MONTH = rf"(?:{lexicon.alternation('month')})"
WEEKDAY = rf"(?:{lexicon.alternation('weekday')})"
NUMBER = rf"(?:\d{{1,3}}|{lexicon.alternation('number')})"
UNIT = rf"(?:{lexicon.alternation('unit')})"
SEASON = rf"(?:{lexicon.alternation('season')})"
PART = rf"(?:{lexicon.alternation('part')})"
DAYTIME = rf"(?:{lexicon.alternation('daytime')})"
ORDINAL = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|last|final)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[0-9]\d\d|20\d\d|21\d\d)"

CLOCK = re.compile(
    r"\b(?:at |around |about |by |before |after |until )?"
    r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.?m\b\.?|p\.?m\b\.?)|\d{1,2}:\d\d|noon|midday|midnight)"
    r"(?:\s+(?:gmt|utc|[ecmp][sd]t|bst|cet|cest|local time|local))?",
)
SIGNALS = re.compile(
    rf"^(?:(?:on|in(?! {NUMBER} {UNIT}$)|at|during|by|until|till|through|throughout|as of|"
    r"before|after|around|"
    r"about|circa|approximately|roughly|some|nearly|almost|over|of|sometime in|sometime|"
    r"as early as|as late as|no later than|no earlier than|not until|up to|to|into|"
    r"beginning|starting|effective|also|just|only|even|still|already)\s+)+"
)
DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-", "\u2019": "'"})


def normalise(text: str) -> tuple[str, bool]:
    """Lower-cased text with clock times, stray punctuation and leading prepositions
    removed; the flag says whether a clock time was there."""
    s = text.lower().translate(DASHES)
    s, clocks = CLOCK.subn(" ", s)
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"(?<=[a-z])\.", "", s)
    s = re.sub(r"\s*-\s*", "-", s.replace(",", " "))
    s = re.sub(r"[\s\"()\[\];:!?]+", " ", s).strip(" .-'")
    s = re.sub(r"(?<=[a-z])-(?=[a-z\d])", " ", s)
    return SIGNALS.sub("", s), clocks > 0


def compile_all(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(patterns))
