"""Dates as sources give them (ISO, RFC 2822 HTTP dates, common day-month-year forms) to YYYY-MM-DD."""

from __future__ import annotations

from datetime import datetime
from email.utils import parsedate_to_datetime

_DATE_FORMATS = ("%d.%m.%Y", "%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y")


def normalise_date(value: object) -> str | None:
    """YYYY-MM-DD for a string holding a date or a date-time in a common unambiguous format."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    return None
