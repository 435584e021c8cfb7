"""Partial ISO dates ("2025", "2025-11", "2025-11-05") as the intervals of days they cover.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_interval(start: str | None, end: str | None = None) -> tuple[date, date] | None:
    """The days a partial ISO date covers: "2025" is the whole year, "2025-11" the month."""
    a = bounds(start)
    if a is None:
        return None
    b = bounds(end) if end else None
    hi = b[1] if b and b[1] >= a[0] else a[1]
    return a[0], hi


def bounds(value: str | None) -> tuple[date, date] | None:
    m = _DATE.match(value or "")
    if not m:
        return None
    y = int(m[1])
    try:
        if m[3]:
            d = date(y, int(m[2]), int(m[3]))
            return d, d
        if m[2]:
            mo = int(m[2])
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        return date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        return None


def precision(value: str | None) -> int:
    """3 for a day, 2 for a month, 1 for a year, 0 for nothing usable."""
    m = _DATE.match(value or "")
    if not m:
        return 0
    return 3 if m[3] else 2 if m[2] else 1


def year_of(value: str | None) -> int | None:
    m = _DATE.match(value or "")
    return int(m[1]) if m else None


def gap_days(a: tuple[date, date], b: tuple[date, date]) -> int:
    """0 when the intervals overlap, else the days between them."""
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


def refines(general: str, specific: str) -> bool:
    """ "2025-11" is refined by "2025-11-05": not a disagreement, a more precise value."""
    return specific != general and specific.startswith(general + "-")
