"""The extraction record (schema ``parley/extraction/v1``) as typed dataclasses.

Field names follow the schema exactly; Parley adds ``evidence`` and ``confidence``
on every item, and ``support``: for each slot (and, for list slots, each value)
the character spans of the original text that support it, so that a reviewer can
check any single value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA = "parley/extraction/v1"

Span = tuple[int, int]


def _spans(spans: list[Span]) -> list[list[int]]:
    return [[s, e] for s, e in sorted(set(spans))]


@dataclass
class Supported:
    """Evidence bookkeeping shared by every record item."""

    evidence: list[Span] = field(default_factory=list)
    confidence: float = 0.5
    support: dict[str, Any] = field(default_factory=dict)

    def back(self, slot: str, span: Span | None, value: str | None = None) -> None:
        """Record that ``span`` supports ``slot`` (or one ``value`` of a list slot)."""
        if span is None:
            return
        if value is None:
            self.support.setdefault(slot, []).append(span)
        else:
            self.support.setdefault(slot, {}).setdefault(value, []).append(span)
        self.evidence.append(span)

    def _common(self) -> dict[str, Any]:
        support: dict[str, Any] = {}
        for slot, val in sorted(self.support.items()):
            if isinstance(val, dict):
                support[slot] = {k: _spans(v) for k, v in sorted(val.items())}
            else:
                support[slot] = _spans(val)
        return {"evidence": _spans(self.evidence), "confidence": round(self.confidence, 3), "support": support}


@dataclass
class Office:
    title: str
    state: str | None = None
    organization: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "state": self.state, "organization": self.organization}


@dataclass
class Person(Supported):
    name: str = ""
    aliases: list[str] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "aliases": self.aliases,
            "offices": [o.to_json() for o in self.offices],
            **self._common(),
        }


@dataclass
class Meeting(Supported):
    name: str = ""
    format: str = "multilateral"
    series: str | None = None
    ordinal: int | None = None
    start: str | None = None
    end: str | None = None
    place: str | None = None
    country: str | None = None
    chair: str | None = None
    states: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    status: str = "held"
    topics: list[str] = field(default_factory=list)
    part_of: int | None = None
    body: str | None = None  # canonical English name of the body that meets (an addition to the schema)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "format": self.format,
            "series": self.series,
            "ordinal": self.ordinal,
            "start": self.start,
            "end": self.end,
            "place": self.place,
            "country": self.country,
            "chair": self.chair,
            "states": self.states,
            "organizations": self.organizations,
            "persons": self.persons,
            "status": self.status,
            "topics": self.topics,
            "part_of": self.part_of,
            "body": self.body,
            **self._common(),
        }


@dataclass
class Agreement(Supported):
    title: str = ""
    title_en: str | None = None
    kind: str = "other"
    parties: list[str] = field(default_factory=list)
    signatories: list[str] = field(default_factory=list)
    signed: str | None = None
    valid_from: int | None = None
    valid_to: int | None = None
    meeting: int | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"title": self.title}
        if self.title_en:
            out["title_en"] = self.title_en
        out.update(
            kind=self.kind,
            parties=self.parties,
            signatories=self.signatories,
            signed=self.signed,
            valid_from=self.valid_from,
            valid_to=self.valid_to,
            meeting=self.meeting,
        )
        return out | self._common()


@dataclass
class Statement(Supported):
    speaker: str = ""
    quote: str = ""
    meeting: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "quote": self.quote, "meeting": self.meeting, **self._common()}


@dataclass
class DocumentInfo:
    id: str
    name: str
    title: str | None
    published: str | None
    language: str | None
    source: str | None
    url: str | None
    origin: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "source": self.source,
            "url": self.url,
            "origin": self.origin,
        }


@dataclass
class Record:
    document: DocumentInfo
    meetings: list[Meeting] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "document": self.document.to_json(),
            "meetings": [m.to_json() for m in self.meetings],
            "agreements": [a.to_json() for a in self.agreements],
            "statements": [s.to_json() for s in self.statements],
            "people": [p.to_json() for p in self.people],
        }
