"""The extraction record (schema ``parley/extraction/v1``) as typed dataclasses.

Field names follow the schema exactly; Parley adds ``evidence`` and ``confidence``
on every item, and ``support``: for each slot (and, for list slots, each value)
the character spans of the original text that support it, so that a reviewer can
check any single value. ``Record.from_json`` reads back what ``to_json`` writes, through
the one validator (parley.validation).

``Party`` types the parties of an agreement, which the schema keeps as bare strings (ISO
codes of states beside organisations' names).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any, Literal

from parley.errors import Invalid
from parley.validation import SCHEMA, check_record

Span = tuple[int, int]


def _spans(spans: list[Span]) -> list[list[int]]:
    return [[s, e] for s, e in sorted(set(spans))]


def _read_spans(spans: list[list[int]]) -> list[Span]:
    return [(s, e) for s, e in spans]


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

    @staticmethod
    def _read_common(d: dict[str, Any]) -> dict[str, Any]:
        """The keyword arguments of the evidence fields of a checked item: spans as tuples, as
        :meth:`back` keeps them."""
        support = {slot: ({v: _read_spans(s) for v, s in val.items()} if isinstance(val, dict) else _read_spans(val))
                   for slot, val in d.get("support", {}).items()}
        return {"evidence": _read_spans(d.get("evidence", [])), "confidence": d.get("confidence", 0.5),
                "support": support}


PartyKind = Literal["state", "organization"]


@dataclass(frozen=True, order=True)
class Party:
    """A party to an agreement: a state, by its ISO 3166-1 alpha-3 code, or an organisation, by
    its key in the domain registry (``СНГ`` -> ``CIS``) or, when the registry does not know it, as
    reported. Decided from data, never from the shape of the string: CIS, SCO, G20 and OIC are
    three capitals and no state."""

    kind: PartyKind
    key: str

    @classmethod
    def of(cls, value: str) -> Party:
        value = value.strip()
        if value in _state_codes():
            return cls("state", value)
        names = _organization_names()
        return cls("organization", names.get(value) or names.get(value.casefold()) or value)


@cache
def _state_codes() -> frozenset[str]:
    """Every ISO 3166-1 alpha-3 code pycountry knows, and every state of the domain registry."""
    import pycountry

    from parley.domain import load_entries

    return frozenset(c.alpha_3 for c in pycountry.countries) | {e["iso3"] for e in load_entries("states")}


@cache
def _organization_names() -> dict[str, str]:
    """Each spelling the domain registry knows of an organisation (key, names and abbreviations in
    English and Russian) -> its key; names also case-folded, abbreviations only as written (EC is
    not "ec")."""
    from parley.domain import load_entries

    out: dict[str, str] = {}
    for e in load_entries("organizations"):
        names = [e["key"], e.get("name") or "", *e.get("names_en", []), *e.get("names_ru", [])]
        for n in [*names, *e.get("abbreviations_en", []), *e.get("abbreviations_ru", [])]:
            out.setdefault(n, e["key"])
        for n in names:
            out.setdefault(n.casefold(), e["key"])
    out.pop("", None)
    return out


def _unknown_fields(cls: type, d: dict[str, Any], where: str) -> None:
    """Refuse fields the dataclass cannot hold: a record read must write back the same."""
    extra = sorted(set(d) - {f.name for f in fields(cls)})
    if extra:
        raise Invalid(f"{where}.{extra[0]}" if where else extra[0],
                      f"is not a field of {SCHEMA} that parley.record holds; drop it to read the record")


def _item(cls: type, d: dict[str, Any], where: str, **converted: Any) -> Any:
    """One checked item of a record as ``cls``, its spans as tuples."""
    _unknown_fields(cls, d, where)
    plain = {k: v for k, v in d.items() if k not in ("evidence", "confidence", "support", *converted)}
    return cls(**plain, **converted, **Supported._read_common(d))


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
    text_sha: str | None = None  # parley.ingest.document.Document.text_sha: copies share it
    # Not extracted: an earlier document of the run had its text (Extractor.extract_many(copies=)).
    copy: bool = False

    def to_json(self) -> dict[str, Any]:
        out = {
            "id": self.id,
            "name": self.name,
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "source": self.source,
            "url": self.url,
            "origin": self.origin,
        }
        if self.text_sha is not None:  # records written before it round-trip unchanged
            out["text_sha"] = self.text_sha
        if self.copy:
            out["copy"] = True
        return out


@dataclass
class Record:
    document: DocumentInfo
    meetings: list[Meeting] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Record:
        """The record ``d``, checked by parley.validation (Invalid names the first bad field),
        such that ``Record.from_json(r).to_json() == r`` for every record ``parley extract``
        writes. ``d`` is not changed."""
        rec = check_record(d)
        _unknown_fields(cls, {k: v for k, v in rec.items() if k != "schema"}, "")
        doc = rec["document"]
        _unknown_fields(DocumentInfo, doc, "document")
        return cls(
            document=DocumentInfo(**{f.name: doc.get(f.name) for f in fields(DocumentInfo)}),
            meetings=[_item(Meeting, m, f"meetings[{i}]") for i, m in enumerate(rec["meetings"])],
            agreements=[_item(Agreement, a, f"agreements[{i}]") for i, a in enumerate(rec["agreements"])],
            statements=[_item(Statement, s, f"statements[{i}]") for i, s in enumerate(rec["statements"])],
            people=[_item(Person, p, f"people[{i}]", offices=[Office(**o) for o in p.get("offices", [])])
                    for i, p in enumerate(rec["people"])],
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "document": self.document.to_json(),
            "meetings": [m.to_json() for m in self.meetings],
            "agreements": [a.to_json() for a in self.agreements],
            "statements": [s.to_json() for s in self.statements],
            "people": [p.to_json() for p in self.people],
        }
