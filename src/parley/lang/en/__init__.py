"""English: the language profile, one module per extractor it serves."""

from __future__ import annotations

from parley.lang import LanguageProfile, register_profile
from parley.lang.en.agreements import AGREEMENTS
from parley.lang.en.dates import DATES
from parley.lang.en.meetings import MEETINGS
from parley.lang.en.people import PEOPLE
from parley.lang.en.statements import STATEMENTS

PROFILE = register_profile(LanguageProfile(
    code="en",
    meetings=MEETINGS,
    dates=DATES,
    people=PEOPLE,
    statements=STATEMENTS,
    agreements=AGREEMENTS,
))
