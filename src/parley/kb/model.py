"""The knowledge base's data: what consolidation takes in (documents, facts, corrections)
and what it gives out (entities with members, sources, flags), plain data without a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class DocMeta:
    """What consolidation needs to know about the document a fact came from."""

    id: str
    published: str | None = None
    outlet: str | None = None
    language: str | None = None
    url: str | None = None
    ref_date: str | None = None  # published, else the date of the meeting it reports


@dataclass
class FactIn:
    """One extracted item (its JSON, with fact-level corrections already applied)."""

    doc: DocMeta
    index: int
    data: dict[str, Any]
    corrected: dict[str, int] = field(default_factory=dict)  # field -> correction id that set it

    @property
    def ref(self) -> tuple[str, int]:
        return (self.doc.id, self.index)

    @property
    def confidence(self) -> float:
        c = self.data.get("confidence")
        return float(c) if isinstance(c, int | float) else 0.5


@dataclass(frozen=True)
class EntityCorrection:
    """A person's correction of a consolidated entity, applied on top of what the reports say."""

    id: int
    action: str  # accept | reject | edit | add | remove | same_as | not_same_as | split
    field: str | None
    new_value: Any
    author: str
    reason: str
    created_at: str
    target_key: str
    anchor: tuple[str, int] | None = None  # a source fact of the entity when it was corrected
    # An identity judgement's sides (same_as, not_same_as: this entity's facts, the other's; split:
    # one group each), as the facts are numbered now: the store follows re-numbered items.
    sides: tuple[frozenset[tuple[str, int]], ...] = ()

# A meeting's list fields and the member kind each holds.
MEETING_SETS = {"states": "state", "organizations": "organization", "persons": "person", "topics": "topic"}


@dataclass
class Member:
    kind: str  # state | organization | person | topic
    value: str  # ISO3 code, organisation key, person key, topic key
    label: str
    sources: list[dict[str, Any]]


@dataclass
class SourceRow:
    document_id: str
    index: int
    evidence: list[list[int]]
    status: str | None = None
    meeting_index: int | None = None  # for statements and agreements: the item's `meeting`


@dataclass
class Entity:
    """A consolidated meeting, person, agreement or statement, ready to be stored."""

    kind: str
    key: str
    block: str
    values: dict[str, Any]  # the reconciled scalar fields
    fields: dict[str, list[dict[str, Any]]]  # per field: every candidate value with its sources
    flags: list[dict[str, Any]] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)
    sources: list[SourceRow] = field(default_factory=list)
    confidence: float = 0.5
    reviewed: bool = False
    rejected: bool = False
    corrections: list[int] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # kind-specific rows (offices, aliases)
