"""A meeting's canonical label: what the record knows, in English, in one line, wherever a meeting
is named ("13th meeting of CIS Security Council secretaries · Moscow · 5 Nov 2025", "Talks:
Stanislav Zas – Nikolai Patrushev · Moscow · 11 Nov 2015"). The reports' own wording stays in
the meeting's ``name``; a label is never a clause of a report.

Built from the series or the body that met, the ordinal, the participants of talks, the place and
the date; Russian spellings (a place or a name only Russian reports gave) are written in Latin
letters through the domain data, else transliterated.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from functools import cache

from parley.kb.dates import precision
from parley.kb.keys import official_name
from parley.resolve.names import english_name_from_russian, split_name, transliterate

SEP = " · "
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def meeting_label(values: dict, members: Iterable[tuple[str, str, str | None]], body: str | None = None) -> str:
    """The label of a meeting with these reconciled ``values`` (series, ordinal, format, place,
    country, start, end), its ``members`` as (kind, value, label) and the ``body`` that met, if
    known (a canonical English name)."""
    members = list(members)
    head = _head(values, members, body)
    return SEP.join(part for part in (head, _place(values), _date(values.get("start"), values.get("end"))) if part)


def _head(values: dict, members: list[tuple[str, str, str | None]], body: str | None) -> str:
    from parley.domain.registry import get_domain

    ordinal = values.get("ordinal")
    series = get_domain().series.get(values.get("series") or "")
    if series:
        who = series_short_name(series.key)
        return f"{ordinal_word(ordinal)} meeting of {who}" if ordinal else f"Meeting of {who}"
    if body:
        return _body_head(body.strip(), ordinal)
    if values.get("format") == "bilateral":
        people = sorted(_latin(label or value) for kind, value, label in members if kind == "person")
        if len(people) == 2:
            return f"Talks: {people[0]} – {people[1]}"
        states = sorted(_state(value) for kind, value, _ in members if kind == "state")
        if len(states) == 2:
            return f"Talks: {states[0]} – {states[1]}"
        return "Bilateral talks"
    orgs = sorted(value for kind, value, _ in members if kind == "organization")
    states = [value for kind, value, _ in members if kind == "state"]
    if orgs:
        return f"{'/'.join(orgs[:2])} meeting" + (f" of {len(states)} states" if len(states) > 2 else "")
    if len(states) > 2:
        return f"Meeting of {len(states)} states"
    return "Meeting"


# A body named by its gathering ("Meeting of Defence Ministers ...", "Summit of ...") is the
# meeting's name as it stands; a council or committee is what meets ("Meeting of the Council ...").
_GATHERING = re.compile(r"^(?:meeting|summit|conference|session|forum|consultations?|talks)\b", re.IGNORECASE)


def _body_head(body: str, ordinal: int | None) -> str:
    if _GATHERING.match(body):
        head = body[0].upper() + body[1:]
        return f"{ordinal_word(ordinal)} {head}" if ordinal else head
    the = "" if body.lower().startswith("the ") else "the "
    return f"{ordinal_word(ordinal)} meeting of {the}{body}" if ordinal else f"Meeting of {the}{body}"


@cache
def series_short_name(key: str) -> str:
    """How a series is named in a line: its ``short`` name in the domain data, else its name."""
    from parley.domain import load_entries

    for e in load_entries("series"):
        if e["key"] == key:
            return e.get("short") or e["name"]
    return key


def ordinal_word(n: int) -> str:
    """1st, 2nd, 3rd, 4th ... 11th, 12th, 13th, 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _place(values: dict) -> str:
    place = values.get("place")
    if place:
        return _english_place(place)
    country = values.get("country")
    return _state(country) if country else ""


def _date(start: str | None, end: str | None) -> str:
    """"5 Nov 2025", "5–6 Nov 2025", "Nov 2025", "2025"; nothing when undated."""
    if not start or not precision(start):
        return ""
    parts = start.split("-")
    if len(parts) == 1:
        return parts[0]
    month = calendar.month_abbr[int(parts[1])]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    day = str(int(parts[2]))
    if end and end != start and precision(end) == 3 and end[:7] == start[:7]:
        day = f"{day}–{int(end[8:10])}"
    return f"{day} {month} {parts[0]}"


def _state(code: str) -> str:
    from parley.domain.labels import state_name

    return state_name(code)


@cache
def _places_ru() -> dict[str, str]:
    """Each Russian name and form of a place the domain data knows -> its English name."""
    from parley.domain import load_entries

    out: dict[str, str] = {}
    for p in load_entries("places"):
        for form in [*p.get("names_ru", []), *p.get("forms_ru", [])]:
            out.setdefault(form, p["name"])
    return out


def _english_place(place: str) -> str:
    if not _CYRILLIC.search(place):
        return place
    return _places_ru().get(place) or " ".join(transliterate(w) for w in place.split())


def _latin(name: str) -> str:
    """A person's name in Latin letters: the registry's English name when it knows the person,
    else the Russian name written the way English-language media write it."""
    if not _CYRILLIC.search(name):
        return name
    known = official_name(name)
    if known:
        return known
    words = split_name(name)
    if len(words) >= 2:
        return english_name_from_russian(words[0], words[-1])
    return " ".join(transliterate(w) for w in words) or name
