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

from collections import Counter
from collections.abc import Iterable
from itertools import combinations
from typing import Any

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

KEY = 255  # entity keys: "cis-security-council-secretaries/13", "BLR+RUS/plan/2026-2027"
DOC_ID = 64  # sha256 hex of the document's raw bytes
UNDATED = "9999"  # sorts after every ISO date: undated statements come last


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
    # The sha256 of the report's text, whitespace aside (``Document.text_sha``): the same article
    # under another URL, or fetched again with other page furniture, is a copy of this one.
    text_sha: Mapped[str | None] = mapped_column(String(64), index=True)


class DocumentCopy(Base):
    """A document whose text is a stored document's: a syndicated or mirrored article, a page
    crawled again with other furniture. It is not stored again and is no second source: its facts
    are the document's. Kept so that its URL is known and its next arrival is recognised."""

    __tablename__ = "document_copies"

    id: Mapped[str] = mapped_column(String(DOC_ID), primary_key=True)  # the copy's own id
    document_id: Mapped[str] = mapped_column(
        String(DOC_ID), ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)
    origin: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(2048), index=True)
    outlet: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10))
    ingested_at: Mapped[str] = mapped_column(String(32))


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
    # accept reject edit add remove revert, and the identity judgements same_as not_same_as split
    action: Mapped[str] = mapped_column(String(16))
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


class AppliedCorrection(Base):
    """Which entity applies which correction, written by consolidation with the entity (derived,
    replaced with its block): a correction's status (applied or orphaned) is one lookup here."""

    __tablename__ = "applied_corrections"
    __table_args__ = (Index("ix_applied_corrections_block", "kind", "block"),)

    correction_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(12), primary_key=True)
    entity_key: Mapped[str] = mapped_column(String(KEY), primary_key=True)
    block: Mapped[str] = mapped_column(String(KEY))


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


# A record's kinds of item and the list each is in (``record["meetings"]`` ...).
KINDS = (("meeting", "meetings"), ("agreement", "agreements"), ("statement", "statements"), ("person", "people"))


# --------------------------------------------------------------------------- derived


def meeting_sort_key(start: str | None) -> str:
    """The meetings' list order as one non-null, indexed string: dated meetings by date (ISO
    prefixes sort before the days they contain), undated ones last; ``key`` breaks ties. A date
    range is a range of it (DATED + since ... DATED + until + "~")."""
    return f"{DATED}{start}" if start else UNDATED


DATED, UNDATED = "0", "1"


FLAG_VALUES = 3  # the values a list shows per flag (the meeting's detail has them all)


def brief_flags(flags: list[Any], first: int | None = FLAG_VALUES) -> list[Any]:
    """Flags as lists show them: what each says (code, field) with its ``first`` values (None:
    all), each with a document COUNT instead of every document id, and ``values_count`` (a meeting
    reported 700 times names every document; a disputed chair can have a dozen values)."""
    out = []
    for f in flags or []:
        values = f.get("values")
        if not isinstance(values, list):
            out.append(f)
            continue
        out.append({**f, "values": [{**v, "documents": len(v["documents"])}
                                    if isinstance(v, dict) and isinstance(v.get("documents"), list) else v
                                    for v in values[:first]], "values_count": len(values)})
    return out


def meeting_brief(flags: list[Any], members: Iterable[tuple[str, str, str | None]]) -> dict[str, list[Any]]:
    """What a list shows of a meeting beyond its columns, kept on the row at consolidation so that
    a page of meetings is one query: the states (codes) and persons (labels) in value order, from
    its members as (kind, value, label), and its brief flags."""
    ordered = sorted((kind, value, label) for kind, value, label in members if kind in ("state", "person"))
    return {"states": [value for kind, value, _ in ordered if kind == "state"],
            "persons": [label or value for kind, value, label in ordered if kind == "person"],
            "flags": brief_flags(flags)}


class Meeting(Base):
    __tablename__ = "meetings"
    # The list order (keyset pages: sort_key, key), behind the rejected filter every list applies,
    # with the status (held, planned) the timeline filters by; and the same within a series. The
    # review queue: open conflicts first, then the least confident.
    __table_args__ = (Index("ix_meetings_order", "rejected", "sort_key", "key", "status"),
                      Index("ix_meetings_series_order", "series", "rejected", "sort_key", "key"),
                      Index("ix_meetings_review", "rejected", "open_conflicts", "reviewed", "confidence", "key"))

    key: Mapped[str] = mapped_column(String(KEY), primary_key=True)
    block: Mapped[str] = mapped_column(String(KEY), index=True)
    series: Mapped[str | None] = mapped_column(String(80))
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
    # What lists read comes before the large JSON (SQLite reads a row's columns in order: a
    # column after a 600 KB ``fields`` costs reading it).
    sort_key: Mapped[str] = mapped_column(String(16))  # meeting_sort_key(start)
    brief: Mapped[dict[str, Any]] = mapped_column(JSON)  # meeting_brief(): what summaries show
    label: Mapped[str] = mapped_column(Text, default="", server_default="")  # kb.labels.meeting_label()
    # Unresolved conflicts (and duplicate ordinals) among its flags, counted at consolidation: the
    # review queue (conflicts first, then the lowest confidence) is an index range, not a scan of flags.
    open_conflicts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # What the review queue shows of it, kept at consolidation so that a page of the queue reads a
    # few small values instead of decoding every flag and source: its first source (by publication
    # date) with the evidence spans, and (meetings, agreements) its open flags, a few sources per value.
    first_source: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    open_flags: Mapped[list[Any] | None] = mapped_column(JSON, nullable=True)
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
    # The meetings of a state, topic or person, read from the index alone (filters, the network).
    __table_args__ = (Index("ix_meeting_members_value", "kind", "value", "meeting_key"),)

    meeting_key: Mapped[str] = mapped_column(String(KEY), primary_key=True)
    kind: Mapped[str] = mapped_column(String(12), primary_key=True)
    value: Mapped[str] = mapped_column(String(KEY), primary_key=True)
    label: Mapped[str] = mapped_column(Text)
    block: Mapped[str] = mapped_column(String(KEY), index=True)
    sources: Mapped[list[Any]] = mapped_column(JSON)


# Members that are nodes of the co-attendance network.
NETWORK_KINDS = ("person", "state", "organization")


def co_attendance(meetings: Iterable[set[tuple[str, str]]]) -> tuple[Counter, Counter]:
    """Per member (kind, value), the meetings it attended; per pair of members (in code point
    order, so every database and Python agree), the meetings they attended together."""
    nodes: Counter[tuple[str, str]] = Counter()
    edges: Counter[tuple[str, str, str, str]] = Counter()
    for members in meetings:
        ordered = sorted(members)
        nodes.update(ordered)
        edges.update(a + b for a, b in combinations(ordered, 2))
    return nodes, edges


class NetworkNode(Base):
    """How many (not rejected) meetings each member attended: the network's nodes, kept current
    by consolidation block by block (a sum over blocks, so the whole network is one read)."""

    __tablename__ = "network_nodes"

    kind: Mapped[str] = mapped_column(String(12), primary_key=True)
    value: Mapped[str] = mapped_column(String(KEY), primary_key=True)
    meetings: Mapped[int] = mapped_column(Integer, index=True)


class NetworkEdge(Base):
    """How many (not rejected) meetings two members attended together (a before b in code
    point order), kept current with NetworkNode."""

    __tablename__ = "network_edges"
    # The heaviest links first, read from the index alone.
    __table_args__ = (Index("ix_network_edges_weight", "weight", "kind_a", "value_a", "kind_b", "value_b"),)

    kind_a: Mapped[str] = mapped_column(String(12), primary_key=True)
    value_a: Mapped[str] = mapped_column(String(KEY), primary_key=True)
    kind_b: Mapped[str] = mapped_column(String(12), primary_key=True)
    value_b: Mapped[str] = mapped_column(String(KEY), primary_key=True)
    weight: Mapped[int] = mapped_column(Integer)


class Person(Base):
    __tablename__ = "people"
    __table_args__ = (Index("ix_people_review", "rejected", "open_conflicts", "reviewed", "confidence", "key"),)

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
    # Unresolved conflicts (and duplicate ordinals) among its flags, counted at consolidation: the
    # review queue (conflicts first, then the lowest confidence) is an index range, not a scan of flags.
    open_conflicts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # What the review queue shows of it, kept at consolidation so that a page of the queue reads a
    # few small values instead of decoding every flag and source: its first source (by publication
    # date) with the evidence spans, and (meetings, agreements) its open flags, a few sources per value.
    first_source: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
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
    # Lists page by key among the agreements not rejected, filter by the parties (block), and count
    # them from this index alone: the rows (with every value's sources) are read for one page only.
    # The review queue: open conflicts first, then the least confident.
    __table_args__ = (Index("ix_agreements_live", "key", "block", "rejected"),
                      Index("ix_agreements_review", "rejected", "open_conflicts", "reviewed", "confidence", "key"))

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
    # Unresolved conflicts (and duplicate ordinals) among its flags, counted at consolidation: the
    # review queue (conflicts first, then the lowest confidence) is an index range, not a scan of flags.
    open_conflicts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # What the review queue shows of it, kept at consolidation so that a page of the queue reads a
    # few small values instead of decoding every flag and source: its first source (by publication
    # date) with the evidence spans, and (meetings, agreements) its open flags, a few sources per value.
    first_source: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    open_flags: Mapped[list[Any] | None] = mapped_column(JSON, nullable=True)
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
    # Lists go oldest first and page from a cursor: an indexed, non-null sort key.
    # (with ``rejected``: lists hide the rejected, and count them from this index alone; last, so
    # that the planner never prefers it to the speaker's index for "rejected = false")
    __table_args__ = (Index("ix_statements_date_sort", "date_sort", "key", "rejected"),
                      Index("ix_statements_speaker", "speaker_key", "date_sort", "key"),
                      Index("ix_statements_review", "rejected", "open_conflicts", "reviewed", "confidence", "key"))

    key: Mapped[str] = mapped_column(String(KEY), primary_key=True)
    block: Mapped[str] = mapped_column(String(KEY), index=True)
    speaker: Mapped[str | None] = mapped_column(Text)
    speaker_key: Mapped[str | None] = mapped_column(String(KEY))  # indexed with the sort key: a speaker's list
    quote: Mapped[str] = mapped_column(Text)
    search: Mapped[str] = mapped_column(Text)  # speaker and quote folded to lower case, for word search
    language: Mapped[str | None] = mapped_column(String(16))
    date: Mapped[str | None] = mapped_column(String(10))
    date_sort: Mapped[str] = mapped_column(String(10), server_default=UNDATED)  # the date, UNDATED when none
    confidence: Mapped[float] = mapped_column(Float)
    documents: Mapped[int] = mapped_column(Integer)
    reviewed: Mapped[bool] = mapped_column(Boolean, default=False)
    rejected: Mapped[bool] = mapped_column(Boolean, default=False)
    # Unresolved conflicts (and duplicate ordinals) among its flags, counted at consolidation: the
    # review queue (conflicts first, then the lowest confidence) is an index range, not a scan of flags.
    open_conflicts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # What the review queue shows of it, kept at consolidation so that a page of the queue reads a
    # few small values instead of decoding every flag and source: its first source (by publication
    # date) with the evidence spans, and (meetings, agreements) its open flags, a few sources per value.
    first_source: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
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


# --------------------------------------------------------------------------- continuous intake


class WatchSource(Base):
    """A feed or sitemap ``parley watch`` polls: the validators of its last answer (sent back as
    If-None-Match / If-Modified-Since, so an unchanged feed costs one 304) and how its last poll went."""

    __tablename__ = "watch_sources"

    url: Mapped[str] = mapped_column(String(2048), primary_key=True)
    kind: Mapped[str | None] = mapped_column(String(8))  # feed | sitemap, as its content showed
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    polled_at: Mapped[str | None] = mapped_column(String(32))
    ok_at: Mapped[str | None] = mapped_column(String(32))
    error: Mapped[str | None] = mapped_column(Text)  # why the last poll failed; None when it did not
    failures: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # polls failed in a row


class WatchItem(Base):
    """An article a watched source listed. ``stamp`` is the date the source gave it (an entry's
    updated date, a sitemap's lastmod): the item is fetched again only when that changes, and then
    conditionally. ``document_id`` is the stored version (the sha256 of the page's bytes); ``error``
    says why the last fetch failed (the item is retried at the next poll until it is stored)."""

    __tablename__ = "watch_items"

    url: Mapped[str] = mapped_column(String(2048), primary_key=True)
    source: Mapped[str] = mapped_column(String(2048))
    stamp: Mapped[str | None] = mapped_column(Text)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    document_id: Mapped[str | None] = mapped_column(String(DOC_ID))
    fetched_at: Mapped[str | None] = mapped_column(String(32))
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # failed fetches in a row
