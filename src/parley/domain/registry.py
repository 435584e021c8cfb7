"""The domain registry: states, places, organisations, series and bodies, with per-language matchers."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from parley.domain import load_entries
from parley.domain.gazetteer import LemmaGazetteer, Match, SurfaceGazetteer, merge_matches
from parley.nlp.base import Analysis


@dataclass(frozen=True)
class Place:
    name: str
    state: str
    kind: str = "city"
    city: str | None = None  # the city a residence or building stands in ("Kremlin" -> Moscow)


@dataclass(frozen=True)
class Series:
    key: str
    name: str
    organization: str | None
    body: str
    regular: str | None
    known: tuple[tuple[int, int], ...]  # (ordinal, year)

    def year_of(self, ordinal: int) -> int | None:
        """The year of the meeting with this ordinal, from the public record or the series' regularity."""
        for o, y in self.known:
            if o == ordinal:
                return y
        if self.regular != "annual" or not self.known:
            return None
        pts = sorted(self.known)
        # Only interpolate where the known points agree with one meeting a year.
        if any((y2 - y1) != (o2 - o1) for (o1, y1), (o2, y2) in zip(pts, pts[1:], strict=False)):
            return None
        o0, y0 = pts[0]
        year = y0 + (ordinal - o0)
        return year if ordinal >= 1 else None


@dataclass(frozen=True)
class Body:
    """A body that meets (bodies.json): who meets, its canonical English names and how it sits."""

    key: str
    names: Mapping[str, str]  # organisation key ("" for none named) -> canonical English name
    joint: bool = False  # sits jointly with the other joint bodies (CSTO ministers and secretaries)
    implies: tuple[tuple[str, re.Pattern[str]], ...] = ()  # (organisation, a name only its body has)


@dataclass
class LanguageMatchers:
    """Everything a language needs to find domain names in its text."""

    language: str
    states: Callable[[Analysis], list[Match]]
    places: Callable[[Analysis], list[Match]]
    organizations: Callable[[Analysis], list[Match]]
    bodies: list[tuple[str, re.Pattern[str]]] = field(default_factory=list)
    series_names: list[tuple[str, re.Pattern[str]]] = field(default_factory=list)


class Domain:
    def __init__(self) -> None:
        self.states: dict[str, dict[str, Any]] = {e["iso3"]: e for e in load_entries("states")}
        self.places: list[dict[str, Any]] = load_entries("places")
        cities = {p["name"] for p in self.places if p.get("kind", "city") == "city"}
        self._city_of = {p["name"]: p["in"] for p in self.places if p.get("in") in cities}
        self.organizations: dict[str, dict[str, Any]] = {e["key"]: e for e in load_entries("organizations")}
        self.series: dict[str, Series] = {}
        self.series_by_body: dict[tuple[str, str | None], str] = {}
        for e in load_entries("series"):
            self.series_by_body[(e["body"], e.get("organization"))] = e["key"]
            if e.get("alias"):
                continue
            self.series[e["key"]] = Series(
                e["key"], e["name"], e.get("organization"), e["body"], e.get("regular"),
                tuple((k["ordinal"], k["year"]) for k in e.get("known", [])),
            )
        self._series_entries = [e for e in load_entries("series") if not e.get("alias")]
        self.convening_organizations: frozenset[str] = frozenset(
            k for k, e in self.organizations.items() if e.get("convenes"))
        self.bodies = load_entries("bodies")  # the raw entries, in priority order
        self.bodies_by_key: dict[str, Body] = {b["key"]: _body(b) for b in self.bodies}
        self.body_priority: list[str] = [b["key"] for b in self.bodies]
        self.joint_bodies: frozenset[str] = frozenset(k for k, b in self.bodies_by_key.items() if b.joint)
        self._matchers: dict[str, LanguageMatchers] = {}

    def series_for(self, body: str, organization: str | None) -> str | None:
        return self.series_by_body.get((body, organization))

    def body_name(self, key: str, organization: str | None) -> str | None:
        """The canonical English name of a body meeting in an organisation ("defence-ministers", "CSTO" ->
        "CSTO Council of Defence Ministers"): the organisation's own name, else its parent's (SCO RATS ->
        SCO), else the name for no organisation, else None (the body means nothing alone: "Permanent Council")."""
        body = self.bodies_by_key.get(key)
        if body is None:
            return None
        seen: set[str] = set()
        org = organization
        while org and org not in seen:
            if org in body.names:
                return body.names[org]
            seen.add(org)
            org = (self.organizations.get(org) or {}).get("parent")
        return body.names.get("")

    def implied_organization(self, key: str, text: str) -> str | None:
        """The organisation a phrase naming this body implies by the body's own name when it names no
        organisation ("the Collective Security Council" is the CSTO's, "СКПВ" the CIS's)."""
        body = self.bodies_by_key.get(key)
        if body is None:
            return None
        return next((org for org, pat in body.implies if pat.search(text)), None)

    def org_members(self, key: str) -> list[str]:
        return list(self.organizations.get(key, {}).get("members") or [])

    def matchers(self, language: str, lemmatize: Callable[[str], str] | None = None) -> LanguageMatchers:
        if language not in self._matchers:
            if language == "ru":
                if lemmatize is None:
                    raise ValueError("Russian matchers need the pipeline's lemmatizer")
                self._matchers[language] = self._russian(lemmatize)
            else:
                self._matchers[language] = self._english()
        return self._matchers[language]

    def _regexes(self, lang: str) -> tuple[list[tuple[str, re.Pattern[str]]], list[tuple[str, re.Pattern[str]]]]:
        bodies = [(b["key"], re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.I))
                  for b in self.bodies if (alts := _body_phrasings(b, lang))]
        names = []
        for e in self._series_entries:
            pats = e.get(f"names_{lang}") or []
            if pats:
                names.append((e["key"], re.compile(r"(?<!\w)(?:" + "|".join(pats) + r")(?!\w)", re.I)))
        return bodies, names

    def _english(self) -> LanguageMatchers:
        states, places, orgs = SurfaceGazetteer(), SurfaceGazetteer(), SurfaceGazetteer()
        for iso, e in self.states.items():
            for n in [e["name"], *e.get("names_en", [])]:
                for variant in _english_variants(n):
                    states.add(variant, iso, "name")
            for n in e.get("adjectives_en", []):
                states.add(n, iso, "adjective")
            for n in e.get("demonyms_en", []):
                states.add(n, iso, "demonym")
        for p in self.places:
            place = Place(p["name"], p["state"], p.get("kind", "city"), self._city_of.get(p["name"]))
            # A name that is also a person's or another thing's ("Victoria", "Washington") is a place
            # only where the text says so (the meeting extractor asks for "in ..."); names never yield to it.
            ambiguous = set(p.get("ambiguous_names") or [])
            for n in [p["name"], *p.get("names_en", [])]:
                for variant in _english_variants(n):
                    places.add(variant, place, "ambiguous" if n in ambiguous else "place")
        for key, e in self.organizations.items():
            for n in [e.get("name", ""), *e.get("names_en", []), *e.get("abbreviations_en", [])]:
                for variant in _english_variants(n):
                    orgs.add(variant, key, "organization")
        for g in (states, places, orgs):
            g.finalize()
        bodies, names = self._regexes("en")
        return LanguageMatchers(
            "en",
            states=lambda a: states.find(a.text),
            places=lambda a: places.find(a.text),
            organizations=lambda a: orgs.find(a.text),
            bodies=bodies,
            series_names=names,
        )

    def _russian(self, lemmatize: Callable[[str], str]) -> LanguageMatchers:
        st_l, pl_l, org_l = LemmaGazetteer(lemmatize), LemmaGazetteer(lemmatize), LemmaGazetteer(lemmatize)
        st_s, pl_s, org_s = SurfaceGazetteer(), SurfaceGazetteer(), SurfaceGazetteer()
        for iso, e in self.states.items():
            for n in e.get("names_ru", []):
                (st_s if _is_abbreviation(n) else st_l).add(n, iso, "name")
            for n in e.get("adjectives_ru", []):
                st_l.add(n.lower(), iso, "adjective")
        for p in self.places:
            place = Place(p["name"], p["state"], p.get("kind", "city"), self._city_of.get(p["name"]))
            # As in English: a name that is also a person's or a common word is a place only where the
            # text says so (the meeting extractor asks for "в ..."), and never hides a person's name.
            ambiguous = set(p.get("ambiguous_names") or [])
            for n in p.get("names_ru", []):
                kind = "ambiguous" if n in ambiguous else "place"
                pl_l.add(n, place, kind)
                pl_s.add(n, place, kind)
            for n in p.get("forms_ru", []):
                pl_s.add(n, place, "ambiguous" if n in ambiguous else "place")
        for key, e in self.organizations.items():
            for n in e.get("names_ru", []):
                org_l.add(n, key, "organization")
            for n in e.get("abbreviations_ru", []):
                org_s.add(n, key, "organization")
            for n in e.get("abbreviations_en", []):
                if _is_abbreviation(n):
                    org_s.add(n, key, "organization")
        for g in (st_l, pl_l, org_l, st_s, pl_s, org_s):
            g.finalize()
        bodies, names = self._regexes("ru")
        return LanguageMatchers(
            "ru",
            states=lambda a: merge_matches(st_l.find(a), st_s.find(a.text)),
            places=lambda a: merge_matches(pl_l.find(a), pl_s.find(a.text)),
            organizations=lambda a: merge_matches(org_l.find(a), org_s.find(a.text)),
            bodies=bodies,
            series_names=names,
        )


def _body(entry: dict[str, Any]) -> Body:
    implies = tuple((org, re.compile(r"(?<!\w)(?:" + "|".join(pats) + ")", re.I))
                    for org, pats in (entry.get("implies") or {}).items() if pats)
    return Body(entry["key"], dict(entry.get("names") or {}), bool(entry.get("joint")), implies)


def _body_phrasings(entry: dict[str, Any], lang: str) -> list[str]:
    """A body's phrasings in a language: its regular expressions, and its abbreviations matched case-sensitively."""
    abbreviations = ["(?-i:" + re.escape(a) + ")" for a in entry.get(f"abbreviations_{lang}") or []]
    return [*(entry.get(lang) or []), *abbreviations]


def _is_abbreviation(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and len(letters) <= 6 and all(c.isupper() for c in letters)


def _english_variants(name: str) -> list[str]:
    """A name as written, without a leading article, and in capitals (datelines shout: "MOSCOW,")."""
    name = " ".join(name.split())
    if not name:
        return []
    base = re.sub(r"^(?:the|The)\s+", "", name)
    out = [base]
    if not _is_abbreviation(base):
        out.append(base.upper())
    return out


@cache
def get_domain() -> Domain:
    return Domain()
