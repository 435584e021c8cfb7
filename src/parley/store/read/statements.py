"""Direct quotations: by speaker, words, meeting; one statement."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import and_, select
from sqlalchemy.engine import Connection

from parley.resolve.consolidate import (
    person_key,
    quote_norm,
)
from parley.store import models as m
from parley.store.read.common import Conn, SourceRef, _chunks, _cols, _sources
from parley.store.read.lookup import find_people, meeting_keys_for, person_alias_keys


@dataclass
class StatementRow:
    key: str
    speaker: str | None
    speaker_key: str | None
    quote: str
    date: str | None
    language: str | None
    documents: int
    confidence: float
    meeting: str | None = None
    sources: list[SourceRef] = field(default_factory=list)
    reviewed: bool = False
    rejected: bool = False


def search_statements(conn: Conn, *, speaker: str | None = None, contains: str | None = None,
                      meeting: str | None = None, include_rejected: bool = False,
                      limit: int | None = None) -> list[StatementRow]:
    """Quotations by speaker (any spelling) and/or containing all the given words (any case,
    any script), oldest first."""
    q = select(*_cols(m.Statement, exclude=("fields", "corrections", "search")))
    if speaker:
        keys = person_alias_keys(conn, find_people(conn, speaker))
        k = person_key(speaker)
        if k:
            keys = sorted(set(keys) | {k})
        if not keys:
            return []
        q = q.where(m.Statement.speaker_key.in_(keys))
    if contains:
        for w in quote_norm(contains).split():
            q = q.where(m.Statement.search.contains(f" {w}", autoescape=True))
    if meeting:
        q = q.where(m.Statement.key.in_(
            select(m.StatementSource.statement_key).join(m.MeetingSource, and_(
                m.MeetingSource.document_id == m.StatementSource.document_id,
                m.MeetingSource.fact_idx == m.StatementSource.meeting_idx)).where(m.MeetingSource.meeting_key == meeting)))
    if not include_rejected:
        q = q.where(m.Statement.rejected.is_(False))
    q = q.order_by(m.Statement.date.is_(None), m.Statement.date, m.Statement.key)
    if limit:
        q = q.limit(limit)
    rows = list(conn.execute(q))
    keys = [r.key for r in rows]
    sources: dict[str, list[SourceRef]] = {}
    meeting_idx: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for chunk in _chunks(keys):
        sources.update(_sources(conn, m.StatementSource, m.StatementSource.statement_key, chunk))
        for s in conn.execute(select(m.StatementSource.statement_key, m.StatementSource.document_id,
                                     m.StatementSource.meeting_idx).where(m.StatementSource.statement_key.in_(chunk),
                                                                          m.StatementSource.meeting_idx.is_not(None))):
            meeting_idx[s.statement_key].append((s.document_id, s.meeting_idx))
    all_refs = sorted({ref for refs in meeting_idx.values() for ref in refs})
    where = meeting_keys_for(conn, all_refs)
    out = []
    for r in rows:
        mk = sorted({where[ref] for ref in meeting_idx.get(r.key, []) if ref in where})
        out.append(StatementRow(r.key, r.speaker, r.speaker_key, r.quote, r.date, r.language, r.documents,
                                r.confidence, mk[0] if mk else None, sources.get(r.key, []), r.reviewed, r.rejected))
    return out


def get_statement(conn: Connection, key: str) -> StatementRow | None:
    """One statement with its sources and meeting (the rows ``search_statements`` returns)."""
    r = conn.execute(select(m.Statement.speaker_key, m.Statement.rejected).where(m.Statement.key == key)).first()
    if r is None:
        return None
    rows = search_statements(conn, speaker=r.speaker_key, include_rejected=True) if r.speaker_key else []
    for s in rows:
        if s.key == key:
            return s
    # No speaker key: read it directly.
    row = conn.execute(select(m.Statement).where(m.Statement.key == key)).first()
    return StatementRow(row.key, row.speaker, row.speaker_key, row.quote, row.date, row.language, row.documents,
                          row.confidence, None, [], row.reviewed, row.rejected)
