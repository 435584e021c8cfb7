"""Dates: finding date expressions in English and Russian text and resolving their year.

A date mention keeps what the text states (day, month, year, a range's end, or a
relative word such as "yesterday" / "в среду"); resolution against an anchor date
(the publication date) happens separately, so that a missing year is never invented:
it comes from the text, the anchor, or stays unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS_EN = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
# Russian month stems cover every case form and the agencies' abbreviations ("5 ноя").
MONTH_STEMS_RU = {
    "январ": 1, "янв": 1, "феврал": 2, "фев": 2, "март": 3, "мар": 3, "апрел": 4, "апр": 4,
    "ма": 5, "июн": 6, "июл": 7, "август": 8, "авг": 8, "сентябр": 9, "сен": 9, "сент": 9,
    "октябр": 10, "окт": 10, "ноябр": 11, "ноя": 11, "декабр": 12, "дек": 12,
}
WEEKDAYS_EN = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
WEEKDAYS_RU = {"понедельник": 0, "вторник": 1, "сред": 2, "четверг": 3, "пятниц": 4, "суббот": 5, "воскресень": 6}

_DASH = r"\s*[-–—−‐‑]\s*"
_EN_MONTH = (
    r"\b(?P<{n}>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?"
)
_RU_MONTH = (
    r"(?P<{n}>январ[яеь]|феврал[яеь]|марта?|марте|апрел[яеь]|ма[яйе]|июн[яеь]|июл[яеь]|августа?|августе|"
    r"сентябр[яеь]|октябр[яеь]|ноябр[яеь]|декабр[яеь]|янв|фев|мар|апр|июн|июл|авг|сент|сен|окт|ноя|дек)\.?"
)
_YEAR = r"(?P<{n}>(?:19|20)\d\d)"


def _month(kind: str, name: str) -> str:
    return (_EN_MONTH if kind == "en" else _RU_MONTH).replace("{n}", name)


def _year(name: str) -> str:
    return _YEAR.replace("{n}", name)


_D = r"(?P<{n}>[0-3]?\d)"


def _day(name: str) -> str:
    return _D.replace("{n}", name)


_RU_YEAR_WORD = r"(?:\s*(?:г\.|года|году|год))?"

PATTERNS: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    "en": [
        # October 31-November 1, 2024
        ("md-md-y", re.compile(
            _month("en", "m1") + r"\s+" + _day("d1") + _DASH + _month("en", "m2") + r"\s+" + _day("d2")
            + r"(?:,?\s+" + _year("y") + r")?\b")),
        # 31 October - 1 November 2024
        ("dm-dm-y", re.compile(
            r"\b" + _day("d1") + r"\s+" + _month("en", "m1") + _DASH + _day("d2") + r"\s+" + _month("en", "m2")
            + r"(?:,?\s+" + _year("y") + r")?\b")),
        # May 27-29, 2025 / May 27 - 29
        ("m-dd-y", re.compile(
            _month("en", "m1") + r"\s+" + _day("d1") + r"(?:st|nd|rd|th)?" + _DASH + _day("d2")
            + r"(?:st|nd|rd|th)?\b(?:,?\s+" + _year("y") + r")?")),
        # 27-29 May 2025
        ("dd-m-y", re.compile(
            r"\b" + _day("d1") + _DASH + _day("d2") + r"\s+" + _month("en", "m1") + r"(?:,?\s+" + _year("y") + r")?")),
        # November 5, 2025 / Nov. 5 / November 5th
        ("m-d-y", re.compile(
            _month("en", "m1") + r"\s+" + _day("d1") + r"(?:st|nd|rd|th)?\b(?!\s*[-–—]\s*\d)(?:,?\s+" + _year("y") + r")?")),
        # 5 November 2025 / 15 May, 2019
        ("d-m-y", re.compile(
            r"\b" + _day("d1") + r"(?:st|nd|rd|th)?\s+(?:of\s+)?" + _month("en", "m1") + r"(?:,?\s+" + _year("y") + r")?")),
        # in April 2020
        # "12-Jun-2025", "12 Jun. 2025" in page headers
        ("d-m-y", re.compile(r"\b" + _day("d1") + r"-" + _month("en", "m1") + r"-" + _year("y") + r"\b")),
        ("m-y", re.compile(_month("en", "m1") + r",?\s+" + _year("y") + r"\b")),
    ],
    "ru": [
        ("dd-m-y", re.compile(
            r"(?<!\d)" + _day("d1") + _DASH + _day("d2") + r"\s+" + _month("ru", "m1")
            + r"(?:,?\s+" + _year("y") + _RU_YEAR_WORD + r")?")),
        ("dm-dm-y", re.compile(
            r"(?<!\d)" + _day("d1") + r"\s+" + _month("ru", "m1") + _DASH + _day("d2") + r"\s+" + _month("ru", "m2")
            + r"(?:,?\s+" + _year("y") + _RU_YEAR_WORD + r")?")),
        ("d-m-y", re.compile(
            r"(?<!\d)" + _day("d1") + r"\s+" + _month("ru", "m1") + r"(?![а-яё])"
            + r"(?:,?\s+" + _year("y") + _RU_YEAR_WORD + r")?")),
        ("m-y", re.compile(
            r"(?i:\b(?:в|во|к|с|до)\s+(?:(?P<part>начале|конце|середине)\s+)?)"
            r"(?P<m1>январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре|"
            r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
            r"(?:\s+" + _year("y") + _RU_YEAR_WORD + r")?")),
    ],
}
# Numeric forms are the same in both languages: 30.11.2017, 08 / 06 / 2016, 2025-11-05.
NUMERIC = [
    ("iso", re.compile(r"(?<![\d.])" + _year("y") + r"-(?P<m1>[01]\d)-(?P<d1>[0-3]\d)(?![\d])")),
    ("dmy-num", re.compile(
        r"(?<![\d.])(?P<d1>[0-3]?\d)\s*[./]\s*(?P<m1>[01]?\d)\s*[./]\s*" + _year("y") + r"(?![\d])")),
]
RELATIVE = {
    "en": re.compile(
        r"\b(?P<rel>today|yesterday|tomorrow|(?:on\s+|last\s+|next\s+|this\s+)?"
        r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b", re.I),
    "ru": re.compile(
        r"(?<![а-яё])(?P<rel>сегодня|вчера|завтра|позавчера|(?:в|во)\s+(?:прошл\w+\s+|эт\w+\s+|следующ\w+\s+)?"
        r"(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье))(?![а-яё])", re.I),
}
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


def _month_ru(word: str) -> int | None:
    w = word.lower().rstrip(".")
    for stem in sorted(MONTH_STEMS_RU, key=len, reverse=True):
        if w.startswith(stem):
            return MONTH_STEMS_RU[stem]
    return None


_RU_MONTH_WORD = re.compile(r"(?:январ|феврал|март|апрел|ма[йяею]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-яё]{0,3}",
                            re.I)


def month_of(word: str | None, lang: str) -> int | None:
    """The month a whole word names ("April", "апреле"), or None ("маршал" is no month)."""
    if word is None or (lang == "ru" and not _RU_MONTH_WORD.fullmatch(word)) or (lang == "en" and not word[:1].isupper()):
        return None
    return _month_of(word, lang)


def _month_of(word: str | None, lang: str) -> int | None:
    if word is None:
        return None
    if word.isdigit():
        return int(word)
    if lang == "en":
        return MONTHS_EN.get(word.lower().rstrip("."))
    return _month_ru(word)


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


def find_dates(text: str, lang: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date expression in ``text[start:end]``, longest first at each position."""
    end = len(text) if end is None else end
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for kind, pat in PATTERNS.get(lang, []) + NUMERIC:
        for m in pat.finditer(text, start, end):
            if not free(m.start(), m.end()):
                continue
            g = m.groupdict()
            month_lang = "ru" if lang == "ru" and not kind.endswith("num") and kind != "iso" else "en"
            if kind in ("iso", "dmy-num"):
                month_lang = "num"
            m1 = int(g["m1"]) if month_lang == "num" else _month_of(g.get("m1"), month_lang)
            m2 = _month_of(g.get("m2"), month_lang) if g.get("m2") else None
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
    rel = RELATIVE.get(lang)
    if rel:
        for m in rel.finditer(text, start, end):
            if free(m.start(), m.end()):
                found.append(DateMention(m.start(), m.end(), m.group(0), relative=_relative_key(m.group("rel"), lang)))
    found.sort(key=lambda d: d.start)
    return found


def _relative_key(word: str, lang: str) -> str:
    w = word.lower()
    for key, val in (("today", "today"), ("yesterday", "yesterday"), ("tomorrow", "tomorrow"),
                     ("сегодня", "today"), ("позавчера", "daybeforeyesterday"), ("вчера", "yesterday"),
                     ("завтра", "tomorrow")):
        if w == key:
            return val
    hint = "next:" if re.search(r"next|следующ", w) else "past:" if re.search(r"last|прошл", w) else ""
    table = WEEKDAYS_EN if lang == "en" else WEEKDAYS_RU
    for stem, idx in table.items():
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

