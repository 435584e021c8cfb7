"""Russian: how Russian writes dates ("31 октября – 1 ноября 2024 года", "в среду") and an agency's
dateline ("МОСКВА, 5 ноября. /ТАСС/")."""

from __future__ import annotations

import re

from parley.lang import DatePattern, DatePhrasing
from parley.lang._patterns import DASH, day, year

# Month stems cover every case form and the agencies' abbreviations ("5 ноя").
MONTH_STEMS = {
    "январ": 1, "янв": 1, "феврал": 2, "фев": 2, "март": 3, "мар": 3, "апрел": 4, "апр": 4,
    "ма": 5, "июн": 6, "июл": 7, "август": 8, "авг": 8, "сентябр": 9, "сен": 9, "сент": 9,
    "октябр": 10, "окт": 10, "ноябр": 11, "ноя": 11, "декабр": 12, "дек": 12,
}
_STEMS_LONGEST_FIRST = sorted(MONTH_STEMS, key=len, reverse=True)
WEEKDAYS = {"понедельник": 0, "вторник": 1, "сред": 2, "четверг": 3, "пятниц": 4, "суббот": 5, "воскресень": 6}

# Any case of letters: page headers shout ("10 АПР 2025").
_MONTH = (
    r"(?P<{n}>(?i:январ[яеь]|феврал[яеь]|марта?|марте|апрел[яеь]|ма[яйе]|июн[яеь]|июл[яеь]|августа?|августе|"
    r"сентябр[яеь]|октябр[яеь]|ноябр[яеь]|декабр[яеь]|янв|фев|мар|апр|июн|июл|авг|сент|сен|окт|ноя|дек))\.?"
)
# A day written as an ordinal: "7-го октября", "1-е мая".
_ORDINAL_DAY = r"(?:-?(?:го|е|ое))?"
_YEAR_WORD = r"(?:\s*(?:г\.|года|году|год))?"  # "2024 г.", "2024 года"
# A whole word that is a month's name in any case ("апреле"), unlike words that start like one ("маршал").
_MONTH_WORD = re.compile(r"(?:январ|феврал|март|апрел|ма[йяею]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-яё]{0,3}",
                         re.I)


def _month(name: str) -> str:
    return _MONTH.replace("{n}", name)


def _month_number(word: str) -> int | None:
    """The month of a month word by its stem, the longest stem first ("сентября" -> 9, "сен" -> 9)."""
    w = word.lower().rstrip(".")
    for stem in _STEMS_LONGEST_FIRST:
        if w.startswith(stem):
            return MONTH_STEMS[stem]
    return None


def _month_word(word: str) -> bool:
    return _MONTH_WORD.fullmatch(word) is not None


DATES = DatePhrasing(
    patterns=(
        DatePattern("dd-m-y", re.compile(
            r"(?<!\d)" + day("d1") + DASH + day("d2") + _ORDINAL_DAY + r"\s+" + _month("m1")
            + r"(?:,?\s+" + year("y") + _YEAR_WORD + r")?")),
        DatePattern("dm-dm-y", re.compile(
            r"(?<!\d)" + day("d1") + r"\s+" + _month("m1") + DASH + day("d2") + r"\s+" + _month("m2")
            + r"(?:,?\s+" + year("y") + _YEAR_WORD + r")?")),
        # "5 ноября", "7-го октября", and Kyrgyz and Kazakh outlets' "8-апреля"
        DatePattern("d-m-y", re.compile(
            r"(?<!\d)" + day("d1") + _ORDINAL_DAY + r"(?:\s+|-)" + _month("m1") + r"(?![а-яёА-ЯЁ])"
            + r"(?:,?\s+" + year("y") + _YEAR_WORD + r")?")),
        DatePattern("m-y", re.compile(
            r"(?i:\b(?:в|во|к|с|до)\s+(?:(?P<part>начале|конце|середине)\s+)?)"
            r"(?P<m1>январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре|"
            r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
            r"(?:\s+" + year("y") + _YEAR_WORD + r")?")),
    ),
    month_number=_month_number,
    month_word=_month_word,
    relative=re.compile(
        r"(?<![а-яё])(?P<rel>сегодня|вчера|завтра|позавчера|(?:в|во)\s+(?:прошл\w+\s+|минувш\w+\s+|эт\w+\s+|"
        r"следующ\w+\s+|ближайш\w+\s+|предстоящ\w+\s+)?"
        r"(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье))(?![а-яё])", re.I),
    days={"сегодня": "today", "позавчера": "daybeforeyesterday", "вчера": "yesterday", "завтра": "tomorrow"},
    weekdays=WEEKDAYS,
    next_weekday=re.compile(r"следующ|ближайш|предстоящ"),
    last_weekday=re.compile(r"прошл|минувш"),
    dateline=re.compile(
        r"^\s*(?:(?P<city>[А-ЯЁ][А-ЯЁа-яё\-]{2,25}(?:\s[А-ЯЁ][а-яё]+)?)[,.]\s+(?P<date>\d{1,2}(?:-?го)?\s+[а-яё]{3,8}\.?|"
        r"\d{1,2}\.\d{1,2}\.\d{4})"
        r"|(?P<date2>\d{1,2}\s+[а-яё]{3,8}),\s+(?P<city2>[А-ЯЁ][а-яё\-]+))"
        r"(?:,?\s*\d{4})?[.,]?\s*(?:/\s*(?P<o1>[^/\n]{2,40}?)\s*/|[—–-]\s*(?P<o2>[A-Za-zА-ЯЁа-яё ]{3,20}?)[.\s]|(?P<o3>[А-ЯЁ]{4,}))?",
        re.M),
)
