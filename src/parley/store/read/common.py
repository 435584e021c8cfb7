"""What every read shares: the connection type, sources of a value, JSON-ready data."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, is_dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from parley.store import models as m

Conn = Session | Connection


def to_dict(obj: Any) -> Any:
    """Any query result as plain JSON-ready data."""
    if is_dataclass(obj) and not isinstance(obj, type):
        return asdict(obj)
    if isinstance(obj, list):
        return [to_dict(o) for o in obj]
    return obj


@dataclass
class SourceRef:
    document_id: str
    item: int
    name: str | None
    url: str | None
    outlet: str | None
    published: str | None
    language: str | None
    evidence: list[list[int]]
    status: str | None = None


def _sources(conn: Conn, table, key_col, keys: list[str], status: bool = False) -> dict[str, list[SourceRef]]:
    if not keys:
        return {}
    cols = [key_col, table.document_id, table.fact_idx, table.evidence, m.Document.name, m.Document.url,
            m.Document.outlet, m.Document.published, m.Document.language]
    if status:
        cols.append(table.status)
    q = (select(*cols).join(m.Document, m.Document.id == table.document_id).where(key_col.in_(keys))
         .order_by(m.Document.published, table.document_id, table.fact_idx))
    out: dict[str, list[SourceRef]] = defaultdict(list)
    for r in conn.execute(q):
        out[r[0]].append(SourceRef(r.document_id, r.fact_idx, r.name, r.url, r.outlet, r.published, r.language,
                                   r.evidence or [], r.status if status else None))
    return out


def _cols(table, exclude: tuple[str, ...] = ()):
    return [c for c in table.__table__.columns if c.name not in exclude]


def enrich_sources(conn: Conn, blobs: list[Any]) -> None:
    """Add the document's name, outlet, url and publication date to every per-value source in
    ``blobs`` (stored compactly as document id and item only), so each can be shown by name."""
    found: list[dict[str, Any]] = []

    def walk(x: Any) -> None:
        if isinstance(x, dict):
            if "document" in x and "item" in x:
                found.append(x)
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(blobs)
    ids = sorted({s["document"] for s in found})
    docs = {}
    for chunk in _chunks(ids):
        for d in conn.execute(select(m.Document.id, m.Document.name, m.Document.outlet, m.Document.url,
                                     m.Document.published).where(m.Document.id.in_(chunk))):
            docs[d.id] = {"name": d.name, "outlet": d.outlet, "url": d.url, "published": d.published}
    for src in found:
        src.update(docs.get(src["document"], {}))


def _chunks(items: list[str], n: int = 500):
    for i in range(0, len(items), n):
        yield items[i:i + n]


def totals(conn: Conn) -> dict[str, int]:
    out = {}
    for name, table in (("documents", m.Document), ("facts", m.Fact), ("meetings", m.Meeting), ("people", m.Person),
                        ("agreements", m.Agreement), ("statements", m.Statement), ("corrections", m.Correction),
                        ("pending_blocks", m.Dirty)):
        out[name] = int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)
    out["superseded_documents"] = int(conn.execute(select(func.count()).select_from(m.Document).where(
        m.Document.superseded_by.is_not(None))).scalar() or 0)
    return out
