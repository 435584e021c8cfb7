"""English: how English writes dates ("October 31-November 1, 2024", "on Wednesday") and an agency's
dateline ("MOSCOW, November 5. /TASS/")."""

from __future__ import annotations

import re

from parley.lang import DatePattern, DatePhrasing
from parley.lang._patterns import DASH, day, year

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

_MONTH = (
    r"\b(?P<{n}>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?"
)


def _month(name: str) -> str:
    return _MONTH.replace("{n}", name)


def _month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def _capitalised(word: str) -> bool:
    # "may" and "march" are words too: only a capitalised one is a month.
    return word[:1].isupper()


DATES = DatePhrasing(
    patterns=(
        # October 31-November 1, 2024
        DatePattern("md-md-y", re.compile(
            _month("m1") + r"\s+" + day("d1") + DASH + _month("m2") + r"\s+" + day("d2")
            + r"(?:,?\s+" + year("y") + r")?\b")),
        # 31 October - 1 November 2024
        DatePattern("dm-dm-y", re.compile(
            r"\b" + day("d1") + r"\s+" + _month("m1") + DASH + day("d2") + r"\s+" + _month("m2")
            + r"(?:,?\s+" + year("y") + r")?\b")),
        # May 27-29, 2025 / May 27 - 29
        DatePattern("m-dd-y", re.compile(
            _month("m1") + r"\s+" + day("d1") + r"(?:st|nd|rd|th)?" + DASH + day("d2")
            + r"(?:st|nd|rd|th)?\b(?:,?\s+" + year("y") + r")?")),
        # 27-29 May 2025
        DatePattern("dd-m-y", re.compile(
            r"\b" + day("d1") + DASH + day("d2") + r"\s+" + _month("m1") + r"(?:,?\s+" + year("y") + r")?")),
        # November 5, 2025 / Nov. 5 / November 5th
        DatePattern("m-d-y", re.compile(
            _month("m1") + r"\s+" + day("d1") + r"(?:st|nd|rd|th)?\b(?!\s*[-–—]\s*\d)(?:,?\s+" + year("y") + r")?")),
        # 5 November 2025 / 15 May, 2019
        DatePattern("d-m-y", re.compile(
            r"\b" + day("d1") + r"(?:st|nd|rd|th)?\s+(?:of\s+)?" + _month("m1") + r"(?:,?\s+" + year("y") + r")?")),
        # "12-Jun-2025", "12 Jun. 2025" in page headers
        DatePattern("d-m-y", re.compile(r"\b" + day("d1") + r"-" + _month("m1") + r"-" + year("y") + r"\b")),
        # in April 2020
        DatePattern("m-y", re.compile(_month("m1") + r",?\s+" + year("y") + r"\b")),
    ),
    month_number=_month_number,
    month_word=_capitalised,
    relative=re.compile(
        r"\b(?P<rel>today|yesterday|tomorrow|(?:on\s+|last\s+|next\s+|this\s+)?"
        r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b", re.I),
    days={"today": "today", "yesterday": "yesterday", "tomorrow": "tomorrow"},
    weekdays=WEEKDAYS,
    next_weekday=re.compile(r"next"),
    last_weekday=re.compile(r"last"),
    dateline=re.compile(
        r"^\s*(?P<city>[A-Z][A-Za-z.\-' ]{1,30}?)(?:,\s*[A-Z][a-z]+)?[,.]\s+(?P<date>[A-Za-z]{3,9}\.?\s+\d{1,2}|\d{1,2}\s+[A-Za-z]{3,9}|"
        r"\d{1,2}[./]\d{1,2}[./]\d{4})"
        r"(?:,?\s*\d{4})?\s*[.,]?\s*(?:[/(]\s*(?P<o1>[^)/\n]{2,25}?)\s*[)/]|(?P<o2>[A-Z][A-Za-z-]{2,})\b)?",
        re.M),
)
