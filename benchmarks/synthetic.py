"""Plausible synthetic extraction records, for the ingest benchmark and the store's tests.

Reports of meetings of the known series, by many outlets, some days apart, in English and
Russian, some announcing a meeting before it is held, a few with a wrong date, many quoting
the same words; participants and their offices come from the officials registry. Each record
carries its report's text (``"text"``), so evidence offsets point at real characters.
Deterministic for a given seed.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from parley.record import SCHEMA

OUTLETS = ("TASS", "BelTA", "Kazinform", "Interfax", "RIA Novosti", "Sputnik", "Kabar", "Khovar", "Trend",
           "Armenpress", "UzA", "AKIpress", "24.kg", "Xinhua", "PTI", "Tengrinews", "Vesti", "Izvestia",
           "Eurasia Desk", "Steppe News", "Minsk Courier", "Regional Wire", "Caspian Daily", "Pamir Post",
           "Baltic Observer", "Volga Herald", "Silk Road Wire", "Ural Review", "Danube Bulletin", "Asia Monitor")
QUOTES = (
    "We agreed to coordinate our efforts against terrorism and extremism",
    "The situation on the external borders requires constant attention",
    "Information security is a priority for all of our states",
    "We will continue to exchange experience in countering drug trafficking",
    "Our cooperation is based on trust and mutual respect",
    "The threats we face are common, and so must be our answers",
    "We discussed the situation in Afghanistan in detail",
    "Illegal migration remains one of the key challenges",
    "The plan we signed today sets out concrete measures",
    "Cybercrime knows no borders, and neither can our response",
)
TOPICS = ("terrorism", "extremism", "drug_trafficking", "migration", "information_security", "cybercrime",
          "border_security", "afghanistan")
CITIES = {"RUS": "Moscow", "BLR": "Minsk", "KAZ": "Astana", "KGZ": "Bishkek", "TJK": "Dushanbe", "UZB": "Tashkent",
          "ARM": "Yerevan", "AZE": "Baku", "CHN": "Beijing", "IND": "New Delhi", "BRA": "Brasilia",
          "ZAF": "Pretoria", "PAK": "Islamabad", "IRN": "Tehran"}
SERIES_HOSTS = {
    "cis-security-council-secretaries": ("RUS", "BLR", "KAZ", "KGZ", "TJK", "UZB"),
    "intl-security-high-representatives": ("RUS",),
    "cis-special-services-heads": ("RUS", "BLR", "KAZ", "KGZ", "TJK", "UZB", "ARM", "AZE"),
    "csto-security-council-secretaries": ("RUS", "BLR", "KAZ", "KGZ", "TJK", "ARM"),
    "sco-security-council-secretaries": ("RUS", "CHN", "KAZ", "KGZ", "TJK", "UZB", "IND", "PAK"),
    "brics-national-security": ("RUS", "CHN", "IND", "BRA", "ZAF"),
    "cis-heads-of-state": ("RUS", "BLR", "KAZ", "KGZ", "TJK", "UZB"),
    "csto-collective-security-council": ("RUS", "BLR", "KAZ", "KGZ", "TJK", "ARM"),
}


@dataclass
class _Meeting:
    series: str
    ordinal: int
    start: date
    host: str
    attendees: list | None = None  # the officials who were there; each report names a few of them


def _meetings(rng: random.Random) -> list[_Meeting]:
    out = []
    for series, hosts in SERIES_HOSTS.items():
        first = rng.randint(2000, 2008)
        for i, year in enumerate(range(first, 2027)):
            d = date(year, rng.randint(3, 11), rng.randint(1, 28))
            out.append(_Meeting(series, i + 1, d, rng.choice(hosts)))
    return out


def _officials() -> list[tuple[str, list[dict[str, Any]]]]:
    from parley.resolve.officials import get_officials

    people = []
    for off in get_officials().all:
        offices = [{"title": t.title, "state": t.state, "organization": t.organization} for t in off.terms[:2]]
        people.append((off.name, offices))
    return people


class _Text:
    """Builds a report's text while remembering where each piece went (evidence offsets)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, text: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start, self.length

    def text(self) -> str:
        return "".join(self.parts)


def generate(n: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """``n`` extraction records (with ``"text"``), reporting a few hundred meetings."""
    rng = random.Random(seed)
    meetings = _meetings(rng)
    people = _officials()
    for mt in meetings:
        mt.attendees = rng.sample(people, 12)
    weights = [1.0 + (m.start.year - 1995) / 5 for m in meetings]  # recent meetings get more reports
    for k in range(n):
        mt = rng.choices(meetings, weights)[0]
        yield _record(rng, k, mt)


def _record(rng: random.Random, k: int, mt: _Meeting) -> dict[str, Any]:
    planned = rng.random() < 0.06
    lang = "ru" if rng.random() < 0.25 else "en"
    published = mt.start - timedelta(days=rng.randint(10, 60)) if planned else mt.start + timedelta(
        days=rng.choice((0, 0, 0, 1, 1, 2)))
    start = mt.start + timedelta(days=1) if (not planned and rng.random() < 0.02) else mt.start
    outlet = rng.choice(OUTLETS)
    place = CITIES[mt.host]
    t = _Text()
    t.add(f"{place.upper()}, {published.day} {published.strftime('%B')}. ")
    ordinal = mt.ordinal if rng.random() < 0.6 else None
    verb = "will take place" if planned else "was held"
    name = (f"{ordinal}th meeting" if ordinal else "A meeting") + f" of the {mt.series.replace('-', ' ')}"
    name_span = t.add(name)
    t.add(f" {verb} in ")
    place_span = t.add(place)
    t.add(" on ")
    date_span = t.add(f"{start.day} {start.strftime('%B')} {start.year}")
    t.add(".\n\n")
    assert mt.attendees
    chosen = rng.sample(mt.attendees, rng.randint(2, 6))
    persons, person_items, support_persons = [], [], {}
    for pname, offices in chosen:
        off = offices[0] if offices else None
        title = off["title"] if off else "official"
        t.add(f"{title} ")
        span = t.add(pname)
        t.add(" took part in the meeting. ")
        persons.append(pname)
        support_persons[pname] = [list(span)]
        person_items.append({
            "name": pname, "aliases": [], "offices": offices[:1], "evidence": [list(span)],
            "confidence": 0.9, "support": {"name": [list(span)]},
        })
    states = sorted({o["state"] for _, offs in chosen for o in offs[:1] if o.get("state")} | {mt.host})
    topics = sorted(rng.sample(TOPICS, rng.randint(1, 3)))
    t.add("\n\n")
    statements = []
    for _ in range(rng.randint(0, 3)):
        speaker = rng.choice(persons)
        quote = rng.choice(QUOTES) + (f" in {mt.start.year}" if rng.random() < 0.5 else "")
        t.add('"')
        q_span = t.add(quote)
        t.add(f'," {speaker} said. ')
        statements.append({"speaker": speaker, "quote": quote, "meeting": 0, "evidence": [list(q_span)],
                           "confidence": 0.8, "support": {"quote": [list(q_span)]}})
    meetings = [{
        "name": name, "format": "multilateral", "series": mt.series, "ordinal": ordinal,
        "start": start.isoformat(), "end": None, "place": place, "country": mt.host, "chair": persons[0],
        "states": states, "organizations": [], "persons": persons, "status": "planned" if planned else "held",
        "topics": topics, "part_of": None, "evidence": [list(name_span), list(place_span), list(date_span)],
        "confidence": 0.95 if ordinal else 0.85,
        "support": {"name": [list(name_span)], "place": [list(place_span)], "start": [list(date_span)],
                    "persons": support_persons},
    }]
    agreements = []
    if not planned and rng.random() < 0.3 and len(states) >= 2:
        a, b = rng.sample(states, 2)
        y0 = mt.start.year + 1
        span = t.add(f" The sides signed a plan of cooperation for {y0}-{y0 + 1}.")
        agreements.append({"title": f"plan of cooperation for {y0}-{y0 + 1}", "kind": "plan",
                           "parties": sorted([a, b]), "signatories": persons[:2], "signed": start.isoformat(),
                           "valid_from": y0, "valid_to": y0 + 1, "meeting": 0, "evidence": [list(span)],
                           "confidence": 0.85, "support": {"title": [list(span)]}})
    if not planned and rng.random() < 0.2:
        span = t.add(f" On the sidelines, {persons[0]} held talks with {persons[1]}.")
        meetings.append({
            "name": f"talks between {persons[0]} and {persons[1]}", "format": "bilateral", "series": None,
            "ordinal": None, "start": start.isoformat(), "end": None, "place": place, "country": mt.host,
            "chair": None, "states": states[:2], "organizations": [], "persons": persons[:2], "status": "held",
            "topics": [], "part_of": 0, "evidence": [list(span)], "confidence": 0.75, "support": {},
        })
    text = t.text() + f"\n\n(report {k})"
    doc_id = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return {
        "schema": SCHEMA,
        "document": {"id": doc_id, "name": f"synthetic-{k:06d}", "title": None, "published": published.isoformat(),
                     "language": lang, "source": outlet, "url": f"https://{outlet.lower().replace(' ', '-')}.example/"
                     f"{published.year}/{k}", "origin": f"synthetic:{k}"},
        "meetings": meetings, "agreements": agreements, "statements": statements, "people": person_items,
        "text": text,
    }
