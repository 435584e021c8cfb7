"""Russian: the language profile, one module per extractor it serves (``meetings``)."""

from __future__ import annotations

from parley.lang import LanguageProfile, register_profile
from parley.lang.ru.meetings import MEETINGS

PROFILE = register_profile(LanguageProfile(code="ru", meetings=MEETINGS))
