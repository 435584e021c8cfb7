"""Agreements: lists by party, kind and words; one agreement with its sequence."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.engine import Connection

from parley.store import models as m
from parley.store.corrections import list_corrections
from parley.store.read.common import Conn, SourceRef, _cols, _sources, enrich_sources
from parley.store.read.lookup import meeting_keys_for


@dataclass
class AgreementSummary:
    key: str
    title: str
    title_en: str | None
    kind: str | None
    parties: list[str]
    signatories: list[str]
    signed: str | None
    valid_from: int | None
    valid_to: int | None
    predecessor: str | None
    successor: str | None
    sequence: str | None
    documents: int
    confidence: float
    flags: list[dict[str, Any]] = field(default_factory=list)
    reviewed: bool = False
    rejected: bool = False


@dataclass
class AgreementDetail(AgreementSummary):
    fields: dict[str, Any] = field(default_factory=dict)
    sources: list[SourceRef] = field(default_factory=list)
    meetings: list[str] = field(default_factory=list)
    chain: list[AgreementSummary] = field(default_factory=list)
    corrections: list[int] = field(default_factory=list)


def _agreement_summary(r) -> AgreementSummary:
    return AgreementSummary(r.key, r.title, r.title_en, r.kind, r.parties or [], r.signatories or [], r.signed,
                            r.valid_from, r.valid_to, r.predecessor, r.successor, r.sequence, r.documents,
                            r.confidence, r.flags or [], r.reviewed, r.rejected)


def list_agreements(conn: Conn, *, party: str | None = None, kind: str | None = None, contains: str | None = None,
                    since: int | None = None, meeting: str | None = None, include_rejected: bool = False,
                    limit: int | None = None) -> list[AgreementSummary]:
    q = select(*_cols(m.Agreement, exclude=("fields", "corrections")))
    if party:
        p = party.strip()
        q = q.where(or_(m.Agreement.block == p, m.Agreement.block.startswith(p + "+", autoescape=True),
                        m.Agreement.block.endswith("+" + p, autoescape=True),
                        m.Agreement.block.contains("+" + p + "+", autoescape=True)))
    if kind:
        q = q.where(m.Agreement.kind == kind)
    if contains:
        for w in contains.split():
            q = q.where(or_(m.Agreement.title.ilike(f"%{w}%"), m.Agreement.title_en.ilike(f"%{w}%")))
    if since:
        q = q.where(or_(m.Agreement.valid_to >= since, m.Agreement.signed >= str(since)))
    if meeting:
        q = q.where(m.Agreement.key.in_(
            select(m.AgreementSource.agreement_key).join(m.MeetingSource, and_(
                m.MeetingSource.document_id == m.AgreementSource.document_id,
                m.MeetingSource.fact_idx == m.AgreementSource.meeting_idx)).where(m.MeetingSource.meeting_key == meeting)))
    if not include_rejected:
        q = q.where(m.Agreement.rejected.is_(False))
    q = q.order_by(m.Agreement.block, m.Agreement.valid_from.is_(None), m.Agreement.valid_from,
                   m.Agreement.signed, m.Agreement.key)
    if limit:
        q = q.limit(limit)
    return [_agreement_summary(r) for r in conn.execute(q)]


def get_agreement(conn: Conn, key: str) -> AgreementDetail | None:
    r = conn.execute(select(m.Agreement.__table__).where(m.Agreement.key == key)).first()
    if r is None:
        return None
    enrich_sources(conn, [r.fields or {}])
    d = AgreementDetail(**asdict(_agreement_summary(r)), fields=r.fields or {}, corrections=r.corrections or [])
    d.sources = _sources(conn, m.AgreementSource, m.AgreementSource.agreement_key, [key]).get(key, [])
    refs = [(s.document_id, mi) for s, mi in zip(d.sources, _meeting_idx(conn, m.AgreementSource, key), strict=True)
            if mi is not None]
    d.meetings = sorted(set(meeting_keys_for(conn, refs).values()))
    if r.sequence:
        chain = conn.execute(select(*_cols(m.Agreement, exclude=("fields", "corrections")))
                             .where(m.Agreement.sequence == r.sequence)).all()
        d.chain = sorted((_agreement_summary(c) for c in chain),
                         key=lambda a: (a.valid_from or 0, a.valid_to or 0, a.key))
    return d


def _meeting_idx(conn: Conn, table, key: str) -> list[int | None]:
    key_col = table.agreement_key if table is m.AgreementSource else table.statement_key
    q = (select(table.meeting_idx).join(m.Document, m.Document.id == table.document_id).where(key_col == key)
         .order_by(m.Document.published, table.document_id, table.fact_idx))
    return list(conn.execute(q).scalars())


def agreements_page(conn: Connection, party: str | None, kind: str | None, contains: str | None,
                    since: int | None, limit: int, offset: int) -> tuple[list[AgreementSummary], bool]:
    rows = list_agreements(conn, party=(party or "").strip() or None, kind=(kind or "").strip() or None,
                             contains=(contains or "").strip() or None, since=since, limit=offset + limit + 1)
    return rows[offset:offset + limit], len(rows) > offset + limit


def agreement_view(conn: Connection, key: str) -> dict[str, Any] | None:
    detail = get_agreement(conn, key)
    if detail is None:
        return None
    enrich_sources(conn, [detail.fields])
    corrections = [c.to_dict() for c in list_corrections(conn, target_kind="agreement", target_key=detail.key)]
    return {"agreement": detail, "corrections": corrections}
