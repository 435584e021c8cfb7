"""The review queue: open conflicts first, then low confidence; an item's conflicts and first evidence.

The queue is read from indexed columns written at consolidation (``open_conflicts``, ``reviewed``,
``rejected``, ``confidence``), filtered, sorted and paged in SQL; only the page's items are read,
with what consolidation kept for the queue (their open flags, a few sources per value, and their
first source), a few queries for the whole page."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal, select, tuple_, union_all
from sqlalchemy.engine import Connection

from parley.store import models as m
from parley.store.judgements import CorrectionView, correction_views
from parley.store.read.common import Page, decode_cursor, encode_cursor, enrich_sources

# The kinds the queue lists, in the order they sort within the same confidence: (table, label column).
_KINDS: dict[str, tuple[Any, Any]] = {
    "agreement": (m.Agreement, m.Agreement.title),
    "meeting": (m.Meeting, m.Meeting.label),
    "person": (m.Person, m.Person.name),
    "statement": (m.Statement, m.Statement.quote),
}


@dataclass
class ReviewItem:
    kind: str
    key: str
    label: str
    confidence: float
    documents: int
    reasons: list[str]
    # each open conflict's values, with how many documents give each and its first few sources
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    evidence: dict[str, Any] | None = None  # the first source (by publication date) with its spans


def _branch(kind: str, rank: int, below: float, after: tuple[Any, ...] | None, limit: int | None) -> Select | None:
    """One index range of the queue: a kind's entities with open conflicts (rank 0) or its
    unreviewed ones under ``below`` (rank 1), in queue order, from just after the cursor."""
    table = _KINDS[kind][0]
    where: list[ColumnElement[bool]] = [table.rejected.is_(False)]
    if rank == 0:
        where.append(table.open_conflicts > 0)
    else:
        where += [table.open_conflicts == 0, table.reviewed.is_(False), table.confidence < below]
    if after is not None:
        a_rank, a_conf, a_kind, a_key = after
        if rank < a_rank:
            return None
        if rank == a_rank:
            # The queue's order is (rank, confidence, kind, key): with rank and kind fixed here,
            # the cursor comparison becomes a range on this index.
            if kind > a_kind:
                where.append(table.confidence >= a_conf)
            elif kind < a_kind:
                where.append(table.confidence > a_conf)
            else:
                where.append(tuple_(table.confidence, table.key) > tuple_(literal(a_conf), literal(a_key)))
    q = (select(literal(rank).label("rank"), table.confidence.label("confidence"), literal(kind).label("kind"),
                table.key.label("key")).where(*where).order_by(table.confidence, table.key))
    return q.limit(limit) if limit is not None else q


def _cursor(after: str | None) -> tuple[Any, ...] | None:
    values = decode_cursor(after, 4)
    if values is not None:
        rank, conf, kind, key = values
        if rank not in (0, 1) or not isinstance(conf, int | float) or kind not in _KINDS or not isinstance(key, str):
            raise ValueError("not a cursor from a `next` link")
    return values


def review_page(conn: Connection, *, below: float = 0.7, limit: int = 50, offset: int = 0,
                after: str | None = None) -> Page[ReviewItem]:
    """Facts a person should look at: unresolved conflicts first, then the lowest confidence.
    Rejected ones are left out, and so are reviewed ones unless a conflict of theirs is still
    open (a value edited or accepted settles that field only). ``total`` counts the whole queue."""
    cursor = _cursor(after)
    total = conn.execute(select(*(
        select(func.count()).select_from(q.subquery()).scalar_subquery()
        for kind in _KINDS for rank in (0, 1) if (q := _branch(kind, rank, below, None, None)) is not None))).one()
    take = limit if cursor is not None else offset + limit
    branches = [b.subquery() for kind in _KINDS for rank in (0, 1)
                if (b := _branch(kind, rank, below, cursor, take)) is not None]
    rows = []
    if branches:
        union = union_all(*(select(b) for b in branches)).subquery()
        q = select(union).order_by(union.c.rank, union.c.confidence, union.c.kind, union.c.key)
        rows = conn.execute(q.limit(limit) if cursor is not None else q.offset(offset).limit(limit)).all()
    items = _items(conn, rows, below)
    last = rows[-1] if rows else None
    return Page(items, int(sum(total)), limit, offset,
                encode_cursor([last.rank, last.confidence, last.kind, last.key]) if last is not None else None)


def _items(conn: Connection, rows: list[Any], below: float) -> list[ReviewItem]:
    """The page's items with their reasons, open conflicts and first evidence, kept small at
    consolidation (``open_flags``, ``first_source``): one query per kind on the page."""
    keys: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        keys[r.kind].append(r.key)
    built: dict[tuple[str, str], ReviewItem] = {}
    for kind, ks in keys.items():
        table, label = _KINDS[kind]
        flags = table.open_flags if kind in ("meeting", "agreement") else literal(None)
        for r in conn.execute(select(table.key, label, table.confidence, table.documents, table.reviewed,
                                     table.first_source, flags.label("open_flags")).where(table.key.in_(ks))):
            shown = r.open_flags or []
            reasons = [f"{f['code']} {f.get('field') or ''}".strip() for f in shown]
            if r.confidence < below and not r.reviewed:
                reasons.append(f"confidence {r.confidence:.2f}")
            built[(kind, r.key)] = ReviewItem(
                kind, r.key, (r[1] or "")[:120] if kind == "statement" else r[1] or "", r.confidence, r.documents,
                reasons, [{"field": f.get("field"), "values": f["values"]} for f in shown if f["code"] == "conflict"],
                r.first_source)
    items = [built[(r.kind, r.key)] for r in rows]
    enrich_sources(conn, [i.conflicts for i in items])
    return items


def corrections_page(conn: Connection, *, limit: int, offset: int = 0, after: str | None = None,
                     target_kind: str | None = None, target_key: str | None = None) -> Page[CorrectionView]:
    """Corrections, newest first, each with whether it still applies (its status found for the
    page only); ``total`` counts every correction the filter matches."""
    values = decode_cursor(after, 1)
    if values is not None and not isinstance(values[0], int):
        raise ValueError("not a cursor from a `next` link")
    q = select(m.Correction)
    if target_kind:
        q = q.where(m.Correction.target_kind == target_kind)
    if target_key:
        q = q.where(m.Correction.target_key == target_key)
    total = conn.execute(select(func.count()).select_from(q.subquery())).scalar() or 0
    q = q.order_by(m.Correction.id.desc())
    # Newest first: the next page starts below the last id shown.
    q = q.where(m.Correction.id < values[0]).limit(limit) if values else q.offset(offset).limit(limit)
    views = correction_views(conn, conn.execute(q).all())
    return Page(views, int(total), limit, offset, encode_cursor([views[-1].id]) if views else None)
