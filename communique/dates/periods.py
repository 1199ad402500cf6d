"""Calendar arithmetic: the interval a unit, season or part of a period covers.

Every function returns an inclusive (start, end) pair of dates.
Conventions (documented in the package docstring): weeks run Monday to Sunday;
seasons are meteorological (northern hemisphere: winter is December to February and
belongs to the year of its December); "early", "mid" and "late" are the first, middle
and last thirds of a period, counted in its natural sub-units.
"""

from __future__ import annotations

import calendar
import datetime as dt

Interval = tuple[dt.date, dt.date]
ONE_DAY = dt.timedelta(days=1)

SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clipped to the end of a shorter month."""
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def of_month(year: int, month: int) -> Interval:
    return dt.date(year, month, 1), month_end(year, month)


def of_year(year: int) -> Interval:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def of_week(day: dt.date) -> Interval:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def of_weekend(day: dt.date) -> Interval:
    """The Saturday and Sunday of the week (Monday to Sunday) holding `day`."""
    monday = of_week(day)[0]
    return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)


def of_quarter(year: int, quarter: int) -> Interval:
    first = 3 * (quarter - 1) + 1
    return dt.date(year, first, 1), month_end(year, first + 2)


def of_half(year: int, half: int) -> Interval:
    first = 6 * (half - 1) + 1
    return dt.date(year, first, 1), month_end(year, first + 5)


def of_season(year: int, season: str) -> Interval:
    first = SEASON_START[season]
    start = dt.date(year, first, 1)
    return start, add_months(start, 3) - ONE_DAY


def of_decade(first_year: int) -> Interval:
    return dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31)


def of_century(number: int) -> Interval:
    """The nth century, counted the common way (the 20th is 1900-1999)."""
    first = (number - 1) * 100
    return dt.date(max(first, 1), 1, 1), dt.date(first + 99, 12, 31)


def unit_of(unit: str, day: dt.date) -> Interval:
    """The calendar unit ("week", "month", "quarter", ...) that holds `day`."""
    if unit == "day":
        return day, day
    if unit in ("week", "fortnight"):
        return of_week(day)
    if unit == "month":
        return of_month(day.year, day.month)
    if unit == "quarter":
        return of_quarter(day.year, (day.month - 1) // 3 + 1)
    if unit == "year":
        return of_year(day.year)
    if unit == "decade":
        return of_decade(day.year - day.year % 10)
    return of_century(day.year // 100 + 1)


def shift(unit: str, day: dt.date, count: int) -> dt.date:
    """`day` moved by `count` units (negative: back)."""
    if unit == "day":
        return day + dt.timedelta(days=count)
    if unit in ("week", "fortnight"):
        return day + dt.timedelta(weeks=count * (2 if unit == "fortnight" else 1))
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit]
    return add_months(day, months * count)


def part(interval: Interval, which: str) -> Interval:
    """The early, mid or late third of an interval, in whole months for a period of
    a year or more, else in whole days (a month: 1-10, 11-20, 21-end)."""
    start, end = interval
    if (end - start).days >= 360 and start.day == 1:
        return _part_by_months(start, end, which)
    days = (end - start).days + 1
    if days == 7:
        bounds = {"early": (0, 2), "mid": (2, 4), "late": (4, 6)}[which]
    elif days >= 28:
        bounds = {"early": (0, 9), "mid": (10, 19), "late": (20, days - 1)}[which]
    else:
        third = days // 3
        bounds = {
            "early": (0, third - 1),
            "mid": (third, days - third - 1),
            "late": (days - third, days - 1),
        }[which]
    return start + dt.timedelta(days=bounds[0]), start + dt.timedelta(days=bounds[1])


def _part_by_months(start: dt.date, end: dt.date, which: str) -> Interval:
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if months >= 120:  # a decade or more, in years: the early 1990s = 1990-1993
        years = months // 12
        first, last = {
            "early": (0, -(-years * 4 // 10) - 1),
            "mid": (-(-years * 4 // 10), years - years * 3 // 10 - 1),
            "late": (years - years * 3 // 10, years - 1),
        }[which]
        return dt.date(start.year + first, 1, 1), dt.date(start.year + last, 12, 31)
    third = months // 3
    first, last = {"early": (0, third), "mid": (third, 2 * third), "late": (2 * third, months)}[
        which
    ]
    return add_months(start, first), add_months(start, last) - ONE_DAY
