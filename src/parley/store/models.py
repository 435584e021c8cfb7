"""The knowledge base's tables (SQLAlchemy 2). The same schema serves SQLite and PostgreSQL.

Three layers:
  documents, facts       what the reports say: each document's original text, its extraction
                         record, and one row per extracted item (with its evidence) - the input
  meetings, people, ...  DERIVED by consolidation from the facts, block by block; rebuilt, never
                         edited in place, so they are always a function of facts + corrections
  corrections            what people said about the facts and entities: their own records, kept
                         forever, applied on top of the derived data at consolidation time

Dates are ISO strings ("2025-11-05", "2025-11", "2025"): reports give partial dates, and ISO
strings sort correctly in both databases. JSON columns hold per-value provenance and flags.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

KEY = 255  # entity keys: "cis-security-council-secretaries/13", "BLR+RUS/plan/2026-2027"
DOC_ID = 64  # sha256 hex of the document's raw bytes


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


# --------------------------------------------------------------------------- what reports say


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(DOC_ID), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    origin: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(2048), index=True)
    outlet: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(16))
    published: Mapped[str | None] = mapped_column(String(10))
    ref_date: Mapped[str | None] = mapped_column(String(10))  # published, else its meeting's date
    extractor: Mapped[str] = mapped_column(String(100))
    record_sha: Mapped[str] = mapped_column(String(64))
    record: Mapped[dict[str, Any]] = mapped_column(JSON)
    raw_text: Mapped[str | None] = mapped_column(Text)
    superseded_by: Mapped[str | None] = mapped_column(String(DOC_ID), index=True)
    ingested_at: Mapped[str] = mapped_column(String(32))  # informational; never used for ordering


class Fact(Base):
    """One extracted item of one document, as extracted (corrections are applied when read)."""

    __tablename__ = "facts"
    __table_args__ = (Index("ix_facts_kind_block", "kind", "block"),)

    document_id: Mapped[str] = mapped_column(
        String(DOC_ID), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(12), primary_key=True)  # meeting agreement statement person
    idx: Mapped[int] = mapped_column(Integer, primary_key=True)
    block: Mapped[str] = mapped_column(String(KEY))
    subject: Mapped[str | None] = mapped_column(Text)  # name, title, speaker: for listings
    confidence: Mapped[float] = mapped_column(Float)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class Dirty(Base):
    """Blocks whose facts changed since they were last consolidated (committed with the facts)."""

    __tablename__ = "dirty_blocks"

    kind: Mapped[str] = mapped_column(String(12), primary_key=True)
    block: Mapped[str] = mapped_column(String(KEY), primary_key=True)


class BlockFailure(Base):
    """A block whose consolidation failed: its derived rows stay as they were, the other blocks
    and later ingests go on, and the block is tried again when its facts or corrections change
    (or by ``parley db consolidate --all``). Listed by ``parley db status`` and ``db consolidate``."""

    __tablename__ = "block_failures"

    kind: Mapped[str] = mapped_column(String(12), primary_key=True)
    block: Mapped[str] = mapped_column(String(KEY), primary_key=True)
    documents: Mapped[list[str]] = mapped_column(JSON)  # the ids of the documents with facts in it
    error: Mapped[str] = mapped_column(Text)
    failed_at: Mapped[str] = mapped_column(String(32))


# --------------------------------------------------------------------------- corrections


class Correction(Base):
    __tablename__ = "corrections"
    __table_args__ = (Index("ix_corrections_target", "target_kind", "target_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    target_kind: Mapped[str] = mapped_column(String(12))  # meeting person agreement statement fact
    target_key: Mapped[str] = mapped_column(String(KEY))  # entity key, or "<doc id>:<kind>:<index>"
    field: Mapped[str | None] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(10))  # accept reject edit add remove revert
    old_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    new_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    author: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(32))
    # A source fact of the target when the correction was made, to find the entity again if its
    # key changes (a new report changed its date), and the fact's subject, to find a fact again
    # after re-extraction shifts item numbers.
    anchor: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    reverts: Mapped[int | None] = mapped_column(Integer, nullable=True)  # for action "revert"
    reverted_by: Mapped[int | None] = mapped_column(Integer, nullable=True)


class ApiToken(Base):
    """A write token of the web API (parley.server.tokens): only a salted hash of its secret is kept."""

    __tablename__ = "api_tokens"

    id: Mapped[str] = mapped_column(String(8), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))  # who: becomes the author of corrections
    salt: Mapped[str] = mapped_column(String(32))
    hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[str] = mapped_column(String(32))
    revoked_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    last_used_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    uses: Mapped[int] = mapped_column(Integer, default=0)


# --------------------------------------------------------------------------- derived


class Meeting(Base):
    __tablename__ = "meetings"

    key: Mapped[str] = mapped_column(String(KEY), primary_key=True)
    block: Mapped[str] = mapped_column(String(KEY), index=True)
    series: Mapped[str | None] = mapped_column(String(80), index=True)
    ordinal: Mapped[int | None] = mapped_column(Integer)
    name: Mapped[str | None] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(10))
    start: Mapped[str | None] = mapped_column(String(10), index=True)
    end: Mapped[str | None] = mapped_column(String(10))
    place: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(3))
    chair: Mapped[str | None] = mapped_column(Text)
    chair_key: Mapped[str | None] = mapped_column(String(KEY))
    confidence: Mapped[float] = mapped_column(Float)
    documents: Mapped[int] = mapped_column(Integer)
    first_reported: Mapped[str | None] = mapped_column(String(10))
    reviewed: Mapped[bool] = mapped_column(Boolean, default=False)
    rejected: Mapped[bool] = mapped_column(Boolean, default=False)
    flags: Mapped[list[Any]] = mapped_column(JSON)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    corrections: Mapped[list[Any]] = mapped_column(JSON)


class MeetingSource(Base):
    __tablename__ = "meeting_sources"

    document_id: Mapped[str] = mapped_column(String(DOC_ID), primary_key=True)
    fact_idx: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_key: Mapped[str] = mapped_column(String(KEY), index=True)
    block: Mapped[str] = mapped_column(String(KEY), index=True)
    status: Mapped[str | None] = mapped_column(String(10))
    evidence: Mapped[list[Any]] = mapped_column(JSON)


class MeetingMember(Base):
    """States, organisations, persons (by person key) and topics of a meeting, with sources."""

    __tablename__ = "meeting_members"
    __table_args__ = (Index("ix_meeting_members_value", "kind", "value"),)

    meeting_key: Mapped[str] = mapped_column(String(KEY), primary_key=True)
    kind: Mapped[str] = mapped_column(String(12), primary_key=True)
    value: Mapped[str] = mapped_column(String(KEY), primary_key=True)
    label: Mapped[str] = mapped_column(Text)
    block: Mapped[str] = mapped_column(String(KEY), index=True)
    sources: Mapped[list[Any]] = mapped_column(JSON)


class Person(Base):
    __tablename__ = "people"

    key: Mapped[str] = mapped_column(String(KEY), primary_key=True)
    block: Mapped[str] = mapped_column(String(KEY), index=True)
    name: Mapped[str] = mapped_column(Text)
    aliases: Mapped[list[Any]] = mapped_column(JSON)
    official: Mapped[bool] = mapped_column(Boolean)
    first_seen: Mapped[str | None] = mapped_column(String(10))
    last_seen: Mapped[str | None] = mapped_column(String(10))
    documents: Mapped[int] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float)
    reviewed: Mapped[bool] = mapped_column(Boolean, default=False)
    rejected: Mapped[bool] = mapped_column(Boolean, default=False)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    corrections: Mapped[list[Any]] = mapped_column(JSON)


class PersonAlias(Base):
    """Lookup: a spelling (folded) or an identity key -> the person."""

    __tablename__ = "person_aliases"

    alias: Mapped[str] = mapped_column(String(KEY), primary_key=True)
    person_key: Mapped[str] = mapped_column(String(KEY), primary_key=True, index=True)
    block: Mapped[str] = mapped_column(String(KEY), index=True)


class PersonOffice(Base):
    """An office as the reports give it, with the first and last date it was seen."""

    __tablename__ = "person_offices"
    __table_args__ = (Index("ix_person_offices_office", "office_key"),)

    person_key: Mapped[str] = mapped_column(String(KEY), primary_key=True)
    office_key: Mapped[str] = mapped_column(String(KEY), primary_key=True)
    block: Mapped[str] = mapped_column(String(KEY), index=True)
    title: Mapped[str] = mapped_column(Text)
    state: Mapped[str | None] = mapped_column(String(3))
    organization: Mapped[str | None] = mapped_column(Text)
    first_seen: Mapped[str | None] = mapped_column(String(10))
    last_seen: Mapped[str | None] = mapped_column(String(10))
    documents: Mapped[int] = mapped_column(Integer)
    sources: Mapped[list[Any]] = mapped_column(JSON)


class PersonSource(Base):
    __tablename__ = "person_sources"

    document_id: Mapped[str] = mapped_column(String(DOC_ID), primary_key=True)
    fact_idx: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_key: Mapped[str] = mapped_column(String(KEY), index=True)
    block: Mapped[str] = mapped_column(String(KEY), index=True)
    evidence: Mapped[list[Any]] = mapped_column(JSON)


class Agreement(Base):
    __tablename__ = "agreements"

    key: Mapped[str] = mapped_column(String(KEY), primary_key=True)
    block: Mapped[str] = mapped_column(String(KEY), index=True)
    title: Mapped[str] = mapped_column(Text)
    title_en: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(String(20))
    parties: Mapped[list[Any]] = mapped_column(JSON)
    signatories: Mapped[list[Any]] = mapped_column(JSON)
    signed: Mapped[str | None] = mapped_column(String(10))
    valid_from: Mapped[int | None] = mapped_column(Integer)
    valid_to: Mapped[int | None] = mapped_column(Integer)
    sequence: Mapped[str | None] = mapped_column(String(KEY))
    predecessor: Mapped[str | None] = mapped_column(String(KEY))
    successor: Mapped[str | None] = mapped_column(String(KEY))
    confidence: Mapped[float] = mapped_column(Float)
    documents: Mapped[int] = mapped_column(Integer)
    reviewed: Mapped[bool] = mapped_column(Boolean, default=False)
    rejected: Mapped[bool] = mapped_column(Boolean, default=False)
    flags: Mapped[list[Any]] = mapped_column(JSON)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    corrections: Mapped[list[Any]] = mapped_column(JSON)


class AgreementSource(Base):
    __tablename__ = "agreement_sources"

    document_id: Mapped[str] = mapped_column(String(DOC_ID), primary_key=True)
    fact_idx: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_key: Mapped[str] = mapped_column(String(KEY), index=True)
    block: Mapped[str] = mapped_column(String(KEY), index=True)
    meeting_idx: Mapped[int | None] = mapped_column(Integer)
    evidence: Mapped[list[Any]] = mapped_column(JSON)


class Statement(Base):
    __tablename__ = "statements"

    key: Mapped[str] = mapped_column(String(KEY), primary_key=True)
    block: Mapped[str] = mapped_column(String(KEY), index=True)
    speaker: Mapped[str | None] = mapped_column(Text)
    speaker_key: Mapped[str | None] = mapped_column(String(KEY), index=True)
    quote: Mapped[str] = mapped_column(Text)
    search: Mapped[str] = mapped_column(Text)  # speaker and quote folded to lower case, for word search
    language: Mapped[str | None] = mapped_column(String(16))
    date: Mapped[str | None] = mapped_column(String(10))
    confidence: Mapped[float] = mapped_column(Float)
    documents: Mapped[int] = mapped_column(Integer)
    reviewed: Mapped[bool] = mapped_column(Boolean, default=False)
    rejected: Mapped[bool] = mapped_column(Boolean, default=False)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    corrections: Mapped[list[Any]] = mapped_column(JSON)


class StatementSource(Base):
    __tablename__ = "statement_sources"

    document_id: Mapped[str] = mapped_column(String(DOC_ID), primary_key=True)
    fact_idx: Mapped[int] = mapped_column(Integer, primary_key=True)
    statement_key: Mapped[str] = mapped_column(String(KEY), index=True)
    block: Mapped[str] = mapped_column(String(KEY), index=True)
    meeting_idx: Mapped[int | None] = mapped_column(Integer)
    evidence: Mapped[list[Any]] = mapped_column(JSON)



class SearchEntry(Base):
    """One searchable thing (a current document or a derived entity) as the full-text index holds
    it: its words folded (parley.store.fulltext), ``title`` the words that name it (ranked higher),
    ``body`` the rest. The database indexes these rows (SQLite FTS5, PostgreSQL GIN); ``block``
    is the consolidation block an entity's entry is replaced with (None for documents)."""

    __tablename__ = "search_entries"
    __table_args__ = (Index("ix_search_entries_kind_key", "kind", "key", unique=True),
                      Index("ix_search_entries_kind_block", "kind", "block"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(12))  # document meeting person agreement statement
    key: Mapped[str] = mapped_column(String(KEY))
    block: Mapped[str | None] = mapped_column(String(KEY))
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)

# Per kind of fact: the derived tables a block's consolidation replaces, entity table first.
DERIVED: dict[str, tuple[type[Base], ...]] = {
    "meeting": (Meeting, MeetingSource, MeetingMember),
    "person": (Person, PersonAlias, PersonOffice, PersonSource),
    "agreement": (Agreement, AgreementSource),
    "statement": (Statement, StatementSource),
}
# The table that says which document facts each derived entity came from.
SOURCES: dict[str, type[Base]] = {
    "meeting": MeetingSource, "person": PersonSource, "agreement": AgreementSource, "statement": StatementSource,
}
