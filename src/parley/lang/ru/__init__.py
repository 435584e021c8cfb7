"""Russian: the language profile, one module per extractor it serves."""

from __future__ import annotations

from parley.lang import LanguageProfile, register_profile
from parley.lang.ru.agreements import AGREEMENTS
from parley.lang.ru.dates import DATES
from parley.lang.ru.meetings import MEETINGS
from parley.lang.ru.people import PEOPLE
from parley.lang.ru.statements import STATEMENTS

PROFILE = register_profile(LanguageProfile(
    code="ru",
    meetings=MEETINGS,
    dates=DATES,
    people=PEOPLE,
    statements=STATEMENTS,
    agreements=AGREEMENTS,
))
