"""The documents behind a person, an agreement or a statement: the first few of each (lists and
detail views stay bounded however often a thing was reported) and every one, page by page."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select

from parley.store import models as m
from parley.store.read.common import Conn, Page, SourceRef, _chunks, decode_cursor, encode_cursor, keyset

# How many sources a list item or a detail view carries; the rest are one paged request away.
SHOWN = 3

_TABLES: dict[str, tuple[Any, Any]] = {
    "person": (m.PersonSource, m.PersonSource.person_key),
    "agreement": (m.AgreementSource, m.AgreementSource.agreement_key),
    "statement": (m.StatementSource, m.StatementSource.statement_key),
}
_ENTITIES: dict[str, Any] = {"person": m.Person.key, "agreement": m.Agreement.key, "statement": m.Statement.key}


def _order(table) -> list[ColumnElement]:
    # The source table's primary key: unique, indexed, and read without touching the documents
    # (ordering by publication date would read a document row for every source of a person
    # reported 2,000 times). Each source shows its date.
    return [table.document_id, table.fact_idx]


def _with_documents(table, sub) -> Select:
    """The sources in ``sub`` (owner, document_id, fact_idx) with their evidence and documents."""
    return (select(sub.c.owner, sub.c.document_id, sub.c.fact_idx, table.evidence, m.Document.name, m.Document.url,
                   m.Document.outlet, m.Document.published, m.Document.language)
            .join(table, (table.document_id == sub.c.document_id) & (table.fact_idx == sub.c.fact_idx))
            .join(m.Document, m.Document.id == sub.c.document_id))


def _ref(r) -> SourceRef:
    return SourceRef(r.document_id, r.fact_idx, r.name, r.url, r.outlet, r.published, r.language, r.evidence or [])


def first_sources(conn: Conn, kind: str, keys: list[str], n: int = SHOWN) -> dict[str, list[SourceRef]]:
    """The first ``n`` sources of each key (one query per 500 keys, whatever their number of sources;
    documents are read for those ``n`` only)."""
    table, key_col = _TABLES[kind]
    out: dict[str, list[SourceRef]] = defaultdict(list)
    for chunk in _chunks(sorted(set(keys))):
        rank = func.row_number().over(partition_by=key_col, order_by=_order(table)).label("rank")
        ranked = (select(key_col.label("owner"), table.document_id, table.fact_idx, rank)
                  .where(key_col.in_(chunk)).subquery())
        top = select(ranked).where(ranked.c.rank <= n).subquery()
        for r in conn.execute(_with_documents(table, top).order_by(top.c.owner, top.c.rank)):
            out[r.owner].append(_ref(r))
    return out


def count_sources(conn: Conn, kind: str, key: str) -> int:
    table, key_col = _TABLES[kind]
    return int(conn.execute(select(func.count()).select_from(table).where(key_col == key)).scalar() or 0)


def sources_page(conn: Conn, kind: str, key: str, *, limit: int = 50, offset: int = 0,
                 after: str | None = None) -> Page[SourceRef] | None:
    """Every source of one person, agreement or statement, a page at a time (``after``: the cursor
    of the previous page's last source); None when there is no such one."""
    if conn.execute(select(_ENTITIES[kind]).where(_ENTITIES[kind] == key)).first() is None:
        return None
    table, key_col = _TABLES[kind]
    page = keyset(select(key_col.label("owner"), table.document_id, table.fact_idx).where(key_col == key),
                  _order(table), decode_cursor(after, 2), offset, limit).subquery()
    rows = conn.execute(_with_documents(table, page).order_by(page.c.document_id, page.c.fact_idx)).all()
    last = rows[-1] if rows else None
    return Page([_ref(r) for r in rows], count_sources(conn, kind, key), limit, offset,
                encode_cursor([last.document_id, last.fact_idx]) if last else None)
