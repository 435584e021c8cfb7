"""English forms of Russian agreement titles, from the registry of known titles."""

from __future__ import annotations

import re
from functools import cache

from parley.domain import load_entries
from parley.extract.dates import year_ranges


@cache
def _table() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(e["ru"], re.I), e["en"]) for e in load_entries("agreement_titles")]


def english_title(title: str) -> str | None:
    for pat, en in _table():
        if pat.search(title):
            years = year_ranges(title)
            return f"{en} for {years[0][2]}-{years[0][3]}" if years else en
    return None
