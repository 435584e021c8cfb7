"""Dates: finding date expressions in a language's text and resolving their year.

A date mention keeps what the text states (day, month, year, a range's end, or a
relative word such as "yesterday" / "в среду"); resolution against an anchor date
(the publication date) happens separately, so that a missing year is never invented:
it comes from the text, the anchor, or stays unknown. How each language writes dates (month
words, weekdays) is its profile's ``dates`` (parley.lang); numeric dates are the same in every language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from parley.lang import DatePhrasing
from parley.lang._patterns import year

# Numeric forms are the same in every language: 30.11.2017, 08 / 06 / 2016, 2025-11-05.
NUMERIC = [
    ("iso", re.compile(r"(?<![\d.])" + year("y") + r"-(?P<m1>[01]\d)-(?P<d1>[0-3]\d)(?![\d])")),
    ("dmy-num", re.compile(
        r"(?<![\d.])(?P<d1>[0-3]?\d)\s*[./]\s*(?P<m1>[01]?\d)\s*[./]\s*" + year("y") + r"(?![\d])")),
]
# A period of years, "2026-2027", "2019 to 2020", "2019 по 2020": read in either language's words in
# every report, as a title quoted from the other language keeps its own.
YEAR_RANGE = re.compile(
    r"(?<![\d])(?P<y1>(?:19|20)\d\d)\s*(?:[-–—−‐‑/]|\s+to\s+|\s+по\s+|\s+and\s+|\s+и\s+)\s*(?P<y2>(?:19|20)\d\d|\d\d)(?![\d])"
)


@dataclass(frozen=True)
class DateMention:
    """A date as the text states it; unknown parts are None."""

    start: int
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    relative: str | None = None  # "today", "yesterday", "tomorrow", "weekday:N", with "past:"/"next:" hints


def month_of(word: str | None, dates: DatePhrasing) -> int | None:
    """The month a whole word names ("April", "апреле"), or None ("маршал" is no month)."""
    if word is None or not dates.month_word(word):
        return None
    return dates.month_number(word)


def _valid(y: int | None, m: int | None, d: int | None) -> bool:
    if m is None or not 1 <= m <= 12:
        return False
    if d is None:
        return True
    try:
        date(y or 2000, m, d)  # 2000 is a leap year: 29 February stays possible
    except ValueError:
        return False
    return True


def find_dates(text: str, dates: DatePhrasing, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date expression in ``text[start:end]`` as the language ``dates`` writes them, or in
    numbers, longest first at each position."""
    end = len(text) if end is None else end
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for kind, pat in (*dates.patterns, *NUMERIC):
        numeric = kind in ("iso", "dmy-num")
        for m in pat.finditer(text, start, end):
            if not free(m.start(), m.end()):
                continue
            g = m.groupdict()
            m1 = int(g["m1"]) if numeric else dates.month_number(g["m1"])
            m2 = dates.month_number(g["m2"]) if g.get("m2") else None
            d1 = int(g["d1"]) if g.get("d1") else None
            d2 = int(g["d2"]) if g.get("d2") else None
            y = int(g["y"]) if g.get("y") else None
            if not _valid(y, m1, d1):
                continue
            if d2 is not None:
                m2 = m2 or m1
                if not _valid(y, m2, d2) or (m2 == m1 and d2 <= (d1 or 0)):
                    continue
            found.append(DateMention(m.start(), m.end(), m.group(0), y, m1, d1,
                                     y if d2 is not None else None, m2 if d2 is not None else None, d2))
            taken.append((m.start(), m.end()))
    for m in dates.relative.finditer(text, start, end):
        if free(m.start(), m.end()):
            found.append(DateMention(m.start(), m.end(), m.group(0), relative=_relative_key(m.group("rel"), dates)))
    found.sort(key=lambda d: d.start)
    return found


def _relative_key(word: str, dates: DatePhrasing) -> str:
    w = word.lower()
    if w in dates.days:
        return dates.days[w]
    hint = "next:" if dates.next_weekday.search(w) else "past:" if dates.last_weekday.search(w) else ""
    for stem, idx in dates.weekdays.items():
        if stem in w:
            return f"{hint}weekday:{idx}"
    return w


def resolve(mention: DateMention, anchor: date | None, tense: str | None = None,
            year_hint: int | None = None) -> tuple[str | None, str | None]:
    """ISO start and end (end None for one day) of a mention.

    The year comes from the mention, else from ``year_hint`` (a year the text or the
    series history establishes), else from the anchor (publication date): the
    candidate nearest the anchor, on the side the tense points to. With none of
    these the date stays unresolved (None): a year is never invented."""
    if mention.relative:
        if anchor is None:
            return None, None
        return _resolve_relative(mention.relative, anchor, tense), None
    y = mention.year or year_hint
    if y is None and anchor is not None and mention.month:
        y = _nearest_year(anchor, mention.month, mention.day or 1, tense)
    if y is None or mention.month is None:
        return None, None
    if mention.day is None:
        return f"{y:04d}-{mention.month:02d}", None
    start = f"{y:04d}-{mention.month:02d}-{mention.day:02d}"
    end = None
    if mention.end_day is not None:
        ey = mention.end_year or y
        em = mention.end_month or mention.month
        if em < mention.month and not mention.end_year:
            ey = y + 1
        end = f"{ey:04d}-{em:02d}-{mention.end_day:02d}"
    return start, end


def _nearest_year(anchor: date, month: int, day: int, tense: str | None) -> int:
    best = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            cand = date(y, month, day)
        except ValueError:
            continue
        delta = (cand - anchor).days
        # A report speaks of recent or coming events: a few days' slack either way for
        # time zones and late publication, then the tense decides.
        if tense == "past" and delta > 3:
            continue
        if tense == "future" and delta < -3:
            continue
        if best is None or abs(delta) < abs(best[0]):
            best = (delta, y)
    return best[1] if best else anchor.year


def _resolve_relative(key: str, anchor: date, tense: str | None) -> str:
    if key == "today":
        return anchor.isoformat()
    if key == "yesterday":
        return (anchor - timedelta(days=1)).isoformat()
    if key == "daybeforeyesterday":
        return (anchor - timedelta(days=2)).isoformat()
    if key == "tomorrow":
        return (anchor + timedelta(days=1)).isoformat()
    hint, _, wd = key.rpartition("weekday:")
    target = int(wd)
    diff = target - anchor.weekday()
    if hint.startswith("next") or (tense == "future" and not hint):
        diff = diff if diff >= 0 else diff + 7
    elif hint.startswith("past") or tense == "past":
        diff = diff if diff <= 0 else diff - 7
    elif diff > 3:
        diff -= 7
    elif diff < -3:
        diff += 7
    return (anchor + timedelta(days=diff)).isoformat()


def parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def year_ranges(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, int, int]]:
    """Year periods such as "2026-2027", "2022–24" or "2019 to 2020": (start, end, first, last)."""
    out = []
    for m in YEAR_RANGE.finditer(text, start, len(text) if end is None else end):
        y1 = int(m.group("y1"))
        y2s = m.group("y2")
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if y1 < y2 <= y1 + 15:
            out.append((m.start(), m.end(), y1, y2))
    return out

