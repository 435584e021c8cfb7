"""What a report says about itself: publication date, agency dateline, outlet.

The publication date is the anchor for relative dates ("yesterday", "on Wednesday",
"5 November" without a year). Sources, most trusted first: the page's metadata, a
crawler's "date YYYY-MM-DD" line, a dated line in the page header ("30 Nov 2017 12:44"),
and the dateline when it carries a year.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from parley.extract.context import Dateline, DocContext
from parley.extract.dates import DateMention, find_dates, parse_iso
from parley.ingest.clean import CRAWL_DATE
from parley.lang import DatePhrasing, available_profiles, get_profile

_HEADER_LINES = 14
# A page header's weekday and clock, and the outlets' names, in English and Russian alike: a page in one
# language is often headed or credited in the other, so these apply to every report.
_WEEKDAY = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|понедельник|вторник|"
                      r"среда|четверг|пятница|суббота|воскресенье)\b", re.I)
_CLOCK = re.compile(r"\b[0-2]?\d:[0-5]\d\b")
_SHORT_NUMERIC = re.compile(r"^\s*(?P<d>[0-3]\d)[./](?P<m>[01]\d)[./](?P<y>\d\d)\s+[0-2]?\d:[0-5]\d\s*$", re.M)

_OUTLETS = {
    "tass": "TASS", "тасс": "TASS", "belta": "BelTA", "белта": "BelTA", "interfax": "Interfax",
    "интерфакс": "Interfax", "kazinform": "Kazinform", "sputnik": "Sputnik", "ria novosti": "RIA Novosti",
    "риа новости": "RIA Novosti", "регнум": "REGNUM", "regnum": "REGNUM", "синьхуа": "Xinhua",
    "xinhua": "Xinhua", "nnn-tass": "TASS", "trend": "Trend", "akipress": "AKIpress", "kabar": "Kabar",
    "khovar": "Khovar", "uza": "UzA", "armenpress": "Armenpress", "azertac": "AZERTAC", "apa": "APA",
    "ria": "RIA Novosti", "известия": "Izvestia", "izvestia": "Izvestia",
}
def _outlet(raw: str | None) -> str | None:
    if not raw:
        return None
    low = raw.lower().strip(" .")
    low = re.sub(r"^(?:корр\.|ия|иа)\s+", "", low)
    for key, name in _OUTLETS.items():
        if key in low:
            return name
    return None


def find_dateline(ctx: DocContext) -> Dateline | None:
    pat = ctx.profile.dates.dateline
    text = ctx.text
    limit = min(len(text), 1500)
    pos = 0
    while (m := pat.search(text, pos, limit)) is not None:
        # A line that only looks like a dateline ("Monday, 14 October 2024") must not hide the next one.
        pos = text.find("\n", m.start()) + 1 or limit
        city_g = "city" if m.group("city") else "city2"
        cs, ce = m.span(city_g)
        place = next((p for p in ctx.places if p.start <= cs < p.end or cs <= p.start < ce), None)
        if place is None:
            continue
        dg = "date" if m.groupdict().get("date") else "date2"
        d = next((x for x in find_dates(text, ctx.profile.dates, m.start(dg), min(len(text), m.end(dg) + 8))), None)
        outlet = _outlet(m.group("o1") or m.group("o2") or m.groupdict().get("o3"))
        return Dateline(span=(m.start(), m.end()), place=place, date=d, outlet=outlet)
    return None


@cache
def _header_dates(language: str) -> tuple[DatePhrasing, ...]:
    """How dates are written in a page header: in the report's language first, then in every language
    Parley reads, as a page in one language often dates itself in another ("4 июня 2023" over an
    English article)."""
    return tuple(get_profile(code).dates for code in dict.fromkeys((language, *available_profiles())))


def _dates_the_report(ctx: DocContext, header: DateMention) -> bool:
    try:
        day = date(header.year, header.month, header.day)
    except (TypeError, ValueError):
        return False
    days = [d for d in find_dates(ctx.text, ctx.profile.dates, header.end, len(ctx.text))
            if d.year is None and d.month and d.day and not d.relative]
    if not days:
        return False
    for d in days:
        try:
            delta = (day - date(day.year, d.month, d.day)).days
        except ValueError:
            return False
        if not 0 <= delta <= 7:
            return False
    return True


def find_published(ctx: DocContext) -> tuple[date | None, tuple[int, int] | None]:
    doc = ctx.document
    if doc.published:
        return parse_iso(doc.published), None
    # The header is read before cleaning (which blanks such lines), in any language Parley reads:
    # the document's text, which is the file as written or an HTML page's main text in place.
    text = doc.text
    m = CRAWL_DATE.match(text)
    if m:
        return parse_iso(m.group(1)), m.span(1)
    best: tuple[int, DateMention] | None = None
    # Lines are counted without the blank ones: an HTML page's markup and masked furniture leave
    # runs of them that say nothing of how far into the report a line is.
    for i, (start, line) in enumerate(_written_lines(text, _HEADER_LINES * 3)):
        body = line.strip()
        if i > _HEADER_LINES and len(body) > 200:
            break
        if not any(ch.isdigit() for ch in body):
            continue  # a header date has a day and a year
        found = [d for dates in _header_dates(ctx.language) for d in find_dates(text, dates, start, start + len(line))]
        for d in found:
            if d.year is None or d.day is None:
                continue
            score = 0
            score += 2 if _CLOCK.search(line) else 0
            score -= 3 if _WEEKDAY.search(line) else 0
            score += 1 if len(body) <= len(d.text) + 12 else 0
            score -= 2 if len(body) > 120 else 0
            if best is None or score > best[0]:
                best = (score, d)
    if best is not None and best[0] >= 0:
        d = best[1]
        return date(d.year, d.month, d.day), (d.start, d.end)
    if best is not None and _dates_the_report(ctx, best[1]):
        # "Tuesday, 5 March 2024" over "... took place in Hanoi on March 4": a weekday header is the
        # page's current date unless the report's own days, which lack a year, fall in its week.
        d = best[1]
        return date(d.year, d.month, d.day), (d.start, d.end)
    # A page header with a two-digit year and a time: "08/04/16 14:00".
    head = len(text) - len(text.lstrip())
    for m in _SHORT_NUMERIC.finditer(text, head, min(len(text), head + 600)):
        try:
            return date(2000 + int(m.group("y")), int(m.group("m")), int(m.group("d"))), m.span()
        except ValueError:
            continue
    return None, None


def find_source(ctx: DocContext) -> str | None:
    if ctx.document.source:
        return ctx.document.source
    if ctx.dateline and ctx.dateline.outlet:
        return ctx.dateline.outlet
    head = ctx.text[:600].lower()
    for key, name in _OUTLETS.items():
        if re.search(rf"(?<!\w){re.escape(key)}(?!\w)", head):
            return name
    return None


def _written_lines(text: str, count: int) -> list[tuple[int, str]]:
    """The first ``count`` lines of ``text`` that are not blank, each with its offset."""
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            out.append((pos, line))
            if len(out) == count:
                break
        pos += len(line)
    return out


def _header_agreeing(ctx: DocContext, day: DateMention) -> tuple[date | None, tuple[int, int] | None]:
    """A full date in the page header with the dateline's day and month."""
    text = ctx.document.text
    head_end = min(len(text), day.start if day.start > 0 else 600)
    for dates in _header_dates(ctx.language):
        for d in find_dates(text, dates, 0, head_end):
            if d.year and d.month == day.month and d.day == day.day:
                return date(d.year, d.month, d.day), (d.start, d.end)
    return None, None


def read_metadata(ctx: DocContext) -> None:
    ctx.dateline = find_dateline(ctx)
    ctx.published, ctx.published_span = find_published(ctx)
    if ctx.published is None and ctx.dateline and ctx.dateline.date and ctx.dateline.date.year:
        d = ctx.dateline.date
        ctx.published = date(d.year, d.month, d.day or 1)
        ctx.published_span = (d.start, d.end)
    elif ctx.published is None and ctx.dateline and ctx.dateline.date and ctx.dateline.date.day:
        # "Вторник, 5 марта 2024" over "МИНСК, 5 марта (БелТА)": a page header with a weekday is no
        # publication date by itself (it may be today's), but one that agrees with the dateline is.
        ctx.published, ctx.published_span = _header_agreeing(ctx, ctx.dateline.date)
        if ctx.published is None:
            ctx.published, ctx.published_span = _year_from_announced(ctx, ctx.dateline.date)
    ctx.body_start = ctx.dateline.span[1] if ctx.dateline else 0


def _year_from_announced(ctx: DocContext, day: DateMention) -> tuple[date | None, tuple[int, int] | None]:
    """A dateline without a year ("BEIJING, Sep 19 (APP)") dated by what the report announces: an event
    "to be held in November 2020" is the next November after the dateline, so the report is of 2020;
    "the next meeting in April 2020" after "Nov 27", of 2019. The first announced month and year decide."""
    planned = ctx.profile.meetings.planned
    text = ctx.text
    for ss, se in ctx.analysis.sentences:
        if se <= day.end or not planned.search(text, ss, se):
            continue
        for d in find_dates(text, ctx.profile.dates, ss, se):
            if d.year is None or d.month is None or d.relative:
                continue
            later = (d.month, d.day or 31) > (day.month, day.day or 0)
            year = d.year if later else d.year - 1
            try:
                return date(year, day.month, day.day), (d.start, d.end)
            except ValueError:
                return None, None
    return None, None
