"""The review queue: open conflicts first, then low confidence; an item's conflicts and first evidence."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from parley.store import models as m
from parley.store.corrections import CorrectionView, list_corrections
from parley.store.read.common import Conn, enrich_sources


@dataclass
class ReviewItem:
    kind: str
    key: str
    label: str
    confidence: float
    documents: int
    reasons: list[str]


def review_queue(conn: Conn, *, below: float = 0.7, limit: int = 100) -> list[ReviewItem]:
    """Facts a person should look at: unresolved conflicts first, then low confidence, then
    single-source low-confidence items. Rejected ones are left out, and so are reviewed ones
    unless a conflict of theirs is still open (a value edited or accepted settles that field
    only)."""
    items: list[ReviewItem] = []
    for table, label_col, kind in ((m.Meeting, m.Meeting.name, "meeting"), (m.Agreement, m.Agreement.title, "agreement")):
        q = select(table.key, label_col, table.confidence, table.documents, table.flags, table.reviewed).where(
            table.rejected.is_(False))
        for r in conn.execute(q):
            reasons = [f"{f['code']} {f.get('field', '')}".strip() for f in (r.flags or []) if not f.get("resolved_by")
                       and f["code"] in ("conflict", "duplicate_ordinal")]
            if r.confidence < below and not r.reviewed:
                reasons.append(f"confidence {r.confidence:.2f}")
            if reasons:
                items.append(ReviewItem(kind, r.key, r[1] or "", r.confidence, r.documents, reasons))
    for table, label_col, kind in ((m.Statement, m.Statement.quote, "statement"), (m.Person, m.Person.name, "person")):
        q = select(table.key, label_col, table.confidence, table.documents).where(
            table.reviewed.is_(False), table.rejected.is_(False), table.confidence < below)
        for r in conn.execute(q.order_by(table.confidence, table.key).limit(limit)):
            items.append(ReviewItem(kind, r.key, (r[1] or "")[:120], r.confidence, r.documents,
                                    [f"confidence {r.confidence:.2f}"]))
    items.sort(key=lambda i: (not any(x.startswith(("conflict", "duplicate")) for x in i.reasons), i.confidence,
                              i.kind, i.key))
    return items[:limit]


def first_source(conn: Connection, kind: str, key: str) -> dict[str, Any] | None:
    """The first document (by publication date) behind an entity, with its evidence spans."""
    table, col = {
        "meeting": (m.MeetingSource, m.MeetingSource.meeting_key),
        "agreement": (m.AgreementSource, m.AgreementSource.agreement_key),
        "statement": (m.StatementSource, m.StatementSource.statement_key),
        "person": (m.PersonSource, m.PersonSource.person_key),
    }[kind]
    r = conn.execute(select(table.document_id, table.evidence, m.Document.outlet, m.Document.published)
                     .join(m.Document, m.Document.id == table.document_id).where(col == key)
                     .order_by(m.Document.published, table.document_id, table.fact_idx).limit(1)).first()
    if r is None:
        return None
    return {"document": r.document_id, "spans": r.evidence or [], "outlet": r.outlet, "published": r.published}


def open_conflicts(conn: Connection, kind: str, key: str) -> list[dict[str, Any]]:
    """A meeting's or agreement's unresolved conflicts, each value with its sources' spans."""
    out = _open_conflicts(conn, kind, key)
    enrich_sources(conn, [out])
    return out


def _open_conflicts(conn: Connection, kind: str, key: str) -> list[dict[str, Any]]:
    table = m.Meeting if kind == "meeting" else m.Agreement if kind == "agreement" else None
    if table is None:
        return []
    r = conn.execute(select(table.flags, table.fields).where(table.key == key)).first()
    if r is None:
        return []
    out = []
    for f in r.flags or []:
        if f.get("resolved_by") or f.get("code") != "conflict":
            continue
        entries = (r.fields or {}).get(f.get("field"), [])
        values = []
        for v in f.get("values", []):
            srcs = next((e["sources"] for e in entries if e.get("value") == v["value"]), [])
            values.append({"value": v["value"], "documents": len(v.get("documents", [])),
                           "sources": [s for s in srcs if "document" in s]})
        out.append({"field": f.get("field"), "values": values})
    return out


def review_items(conn: Connection, below: float, limit: int, offset: int) -> tuple[list[dict[str, Any]], bool]:
    items = review_queue(conn, below=below, limit=offset + limit + 1)
    page = [{**asdict(i), "conflicts": open_conflicts(conn, i.kind, i.key),
             "evidence": first_source(conn, i.kind, i.key)} for i in items[offset:offset + limit]]
    return page, len(items) > offset + limit


def corrections_page(conn: Connection, limit: int, offset: int, target_kind: str | None = None,
                     target_key: str | None = None) -> tuple[list[CorrectionView], bool]:
    """Corrections, newest first."""
    rows = list(reversed(list_corrections(conn, target_kind=target_kind, target_key=target_key)))
    return rows[offset:offset + limit], len(rows) > offset + limit
