"""Agreements: lists by party, kind and words; one agreement with its sequence."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy import Select, or_, select

from parley.record import Party
from parley.store import models as m
from parley.store.judgements import list_corrections
from parley.store.read.common import (
    Conn,
    Page,
    SourceRef,
    _cols,
    decode_cursor,
    encode_cursor,
    enrich_sources,
    page_rows,
)
from parley.store.read.lookup import keys_at_meeting, meeting_labels, placed_at_meeting
from parley.store.read.sources import SHOWN, count_sources, first_sources


@dataclass
class AgreementSummary:
    """An agreement in a list: its values and counts. ``flags`` (conflicts) give, for each value
    reported, how many documents report it, not which."""

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
    # The parties typed from data (a state by its ISO code, an organisation by its registry key):
    # CIS, SCO, G20 are no states.
    parties_typed: list[Party] = field(default_factory=list)


@dataclass
class AgreementDetail(AgreementSummary):
    """One agreement: every value with the first few of its sources (``fields``; each value's
    ``documents`` counts them all), the first few sources of the agreement (``sources``; all
    ``sources_count`` at ``/api/agreements/{key}/sources``), the meetings where it was signed
    and the sequence of plans it belongs to (``chain``)."""

    fields: dict[str, Any] = field(default_factory=dict)
    sources: list[SourceRef] = field(default_factory=list)
    sources_count: int = 0
    meetings: list[str] = field(default_factory=list)
    meeting_labels: dict[str, str] = field(default_factory=dict)  # each meeting's canonical label
    chain: list[AgreementSummary] = field(default_factory=list)
    corrections: list[int] = field(default_factory=list)


def _counted(x: Any) -> Any:
    """A flag with each value's list of document ids replaced by its length."""
    if isinstance(x, dict):
        return {k: len(v) if k == "documents" and isinstance(v, list) else _counted(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_counted(v) for v in x]
    return x


def _agreement_summary(r) -> AgreementSummary:
    return AgreementSummary(r.key, r.title, r.title_en, r.kind, r.parties or [], r.signatories or [], r.signed,
                            r.valid_from, r.valid_to, r.predecessor, r.successor, r.sequence, r.documents,
                            r.confidence, _counted(r.flags or []), r.reviewed, r.rejected,
                            [Party.of(p) for p in r.parties or []])


# By key: keys begin with the parties ("BLR+RUS/plan/2026-2027"), so a party's agreements stay
# together and successive plans follow each other; the key is the primary key (indexed, unique).
_ORDER = (m.Agreement.key,)


def _query(party: str | None, kind: str | None, contains: str | None, since: int | None, meeting: str | None,
           include_rejected: bool) -> Select:
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
        q = q.where(m.Agreement.key.in_(keys_at_meeting(m.AgreementSource, m.AgreementSource.agreement_key, meeting)))
    if not include_rejected:
        q = q.where(m.Agreement.rejected.is_(False))
    return q


def agreements_page(conn: Conn, *, party: str | None = None, kind: str | None = None, contains: str | None = None,
                    since: int | None = None, meeting: str | None = None, include_rejected: bool = False,
                    limit: int = 50, offset: int = 0, after: str | None = None) -> Page[AgreementSummary]:
    """One page of agreements, grouped by parties; ``total`` counts all that match."""
    q = _query((party or "").strip() or None, (kind or "").strip() or None, (contains or "").strip() or None, since,
               (meeting or "").strip() or None, include_rejected)
    rows, total = page_rows(conn, q, _ORDER, decode_cursor(after, 1), offset, limit)
    return Page([_agreement_summary(r) for r in rows], total, limit, offset,
                encode_cursor([rows[-1].key]) if rows else None)


def list_agreements(conn: Conn, *, party: str | None = None, kind: str | None = None, contains: str | None = None,
                    since: int | None = None, meeting: str | None = None, include_rejected: bool = False,
                    limit: int | None = None) -> list[AgreementSummary]:
    """All the agreements ``agreements_page`` pages through (the first ``limit``)."""
    q = _query(party, kind, contains, since, meeting, include_rejected).order_by(*_ORDER)
    return [_agreement_summary(r) for r in conn.execute(q.limit(limit) if limit else q)]


def _first_per_value(fields: dict[str, Any]) -> dict[str, Any]:
    """Each value's first few sources (its ``documents`` counts them all)."""
    return {name: [{**e, "sources": (e.get("sources") or [])[:SHOWN]} if isinstance(e, dict) else e
                   for e in entries] if isinstance(entries, list) else entries
            for name, entries in fields.items()}


def get_agreement(conn: Conn, key: str) -> AgreementDetail | None:
    r = conn.execute(select(m.Agreement.__table__).where(m.Agreement.key == key)).first()
    if r is None:
        return None
    values = _first_per_value(r.fields or {})
    enrich_sources(conn, [values])
    summary = _agreement_summary(r)
    d = AgreementDetail(**{f.name: getattr(summary, f.name) for f in fields(AgreementSummary)}, fields=values,
                        corrections=r.corrections or [])
    d.sources = first_sources(conn, "agreement", [key]).get(key, [])
    d.sources_count = count_sources(conn, "agreement", key)
    d.meetings = list(conn.execute(
        select(m.MeetingSource.meeting_key).distinct()
        .join(m.AgreementSource, placed_at_meeting(m.AgreementSource))
        .where(m.AgreementSource.agreement_key == key).order_by(m.MeetingSource.meeting_key)).scalars())
    d.meeting_labels = meeting_labels(conn, d.meetings)
    if r.sequence:
        chain = conn.execute(select(*_cols(m.Agreement, exclude=("fields", "corrections")))
                             .where(m.Agreement.sequence == r.sequence)).all()
        d.chain = sorted((_agreement_summary(c) for c in chain),
                         key=lambda a: (a.valid_from or 0, a.valid_to or 0, a.key))
    return d


def agreement_view(conn: Conn, key: str) -> dict[str, Any] | None:
    detail = get_agreement(conn, key)
    if detail is None:
        return None
    corrections = [c.to_dict() for c in list_corrections(conn, target_kind="agreement", target_key=detail.key)]
    return {"agreement": detail, "corrections": corrections}
