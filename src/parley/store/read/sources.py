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
    # Oldest report first; undated reports first on every database (NULL sorts differently in
    # SQLite and PostgreSQL, an empty string does not); the primary key makes it unique.
    return [func.coalesce(m.Document.published, ""), table.document_id, table.fact_idx]


def _select(table, key_col, *extra: ColumnElement) -> Select:
    return (select(key_col.label("owner"), table.document_id, table.fact_idx, table.evidence, m.Document.name,
                   m.Document.url, m.Document.outlet, m.Document.published, m.Document.language, *extra)
            .join(m.Document, m.Document.id == table.document_id))


def _ref(r) -> SourceRef:
    return SourceRef(r.document_id, r.fact_idx, r.name, r.url, r.outlet, r.published, r.language, r.evidence or [])


def first_sources(conn: Conn, kind: str, keys: list[str], n: int = SHOWN) -> dict[str, list[SourceRef]]:
    """The ``n`` oldest sources of each key (one query per 500 keys, whatever their number of sources)."""
    table, key_col = _TABLES[kind]
    out: dict[str, list[SourceRef]] = defaultdict(list)
    for chunk in _chunks(sorted(set(keys))):
        rank = func.row_number().over(partition_by=key_col, order_by=_order(table)).label("rank")
        sub = _select(table, key_col, rank).where(key_col.in_(chunk)).subquery()
        for r in conn.execute(select(sub).where(sub.c.rank <= n).order_by(sub.c.owner, sub.c.rank)):
            out[r.owner].append(_ref(r))
    return out


def count_sources(conn: Conn, kind: str, key: str) -> int:
    table, key_col = _TABLES[kind]
    return int(conn.execute(select(func.count()).select_from(table).where(key_col == key)).scalar() or 0)


def sources_page(conn: Conn, kind: str, key: str, *, limit: int = 50, offset: int = 0,
                 after: str | None = None) -> Page[SourceRef] | None:
    """Every source of one person, agreement or statement, oldest first, a page at a time
    (``after``: the cursor of the previous page's last source); None when there is no such one."""
    if conn.execute(select(_ENTITIES[kind]).where(_ENTITIES[kind] == key)).first() is None:
        return None
    table, key_col = _TABLES[kind]
    q = keyset(_select(table, key_col).where(key_col == key), _order(table), decode_cursor(after, 3), offset, limit)
    rows = conn.execute(q).all()
    last = rows[-1] if rows else None
    return Page([_ref(r) for r in rows], count_sources(conn, kind, key), limit, offset,
                encode_cursor([last.published or "", last.document_id, last.fact_idx]) if last else None)
