"""What every read shares: the connection type, sources of a value, JSON-ready data."""

from __future__ import annotations

import base64
import functools
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, fields, is_dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, Select, func, literal, select, tuple_
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from parley.errors import BadCursor
from parley.store import models as m

Conn = Session | Connection
T = TypeVar("T")


def to_dict(obj: Any) -> Any:
    """Any query result (dataclasses, lists, tuples, dicts) as plain JSON-ready data. Field by
    field rather than ``dataclasses.asdict``, which deep-copies every leaf: a page of 50 meeting
    summaries took 4 ms that way, more than reading them."""
    if obj is None or isinstance(obj, str | int | float | bool):
        return obj
    if is_dataclass(obj) and not isinstance(obj, type):
        return {name: to_dict(getattr(obj, name)) for name in field_names(type(obj))}
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_dict(v) for v in obj]
    return obj


def json_default(obj: Any) -> dict[str, Any]:
    """``json.dumps``'s ``default`` for read views: the encoder walks dicts and lists itself and
    asks this only for the dataclasses (the API's answers and the CLI's ``--json``)."""
    if is_dataclass(obj) and not isinstance(obj, type):
        return {name: getattr(obj, name) for name in field_names(type(obj))}
    raise TypeError(f"{type(obj).__name__} cannot be written as JSON")


@functools.cache
def field_names(cls: type) -> tuple[str, ...]:
    """A dataclass's field names (cached: asked once per row of every answer)."""
    return tuple(f.name for f in fields(cls))


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


# --------------------------------------------------------------------------- pages


@dataclass
class Page(Generic[T]):
    """One page of a list read: the items, the total the filter matches (not the page size), and
    the cursor of the last item (``after``), which the next page's query starts from instead of
    skipping ``offset`` rows (keyset pagination: an indexed, non-null sort key)."""

    items: list[T]
    total: int
    limit: int
    offset: int
    after: str | None = None

    @property
    def more(self) -> bool:
        return self.offset + len(self.items) < self.total


def encode_cursor(values: Sequence[Any]) -> str:
    """A sort key as an opaque, URL-safe cursor."""
    raw = json.dumps(list(values), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")



def decode_cursor(cursor: str | None, arity: int) -> tuple[Any, ...] | None:
    """The sort key in ``cursor``, or None; a cursor that is not one of ours is a ValueError
    (the server answers 422)."""
    if not cursor:
        return None
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, UnicodeDecodeError):
        raise BadCursor("not a cursor from a `next` link") from None
    if not isinstance(values, list) or len(values) != arity or not all(
            isinstance(v, str | int | float) and not isinstance(v, bool) for v in values):
        raise BadCursor("not a cursor from a `next` link")
    return tuple(values)


def keyset(query: Select, sort: Sequence[ColumnElement], after: tuple[Any, ...] | None, offset: int,
           limit: int) -> Select:
    """``query`` ordered by ``sort`` (ascending, non-null columns, the last one unique), from
    just after ``after`` when a cursor is given, else skipping ``offset`` rows."""
    if after is not None:
        query = query.where(tuple_(*sort) > tuple_(*(literal(v) for v in after)))
    elif offset:
        # A deferred join: the rows skipped are skipped on the sort index alone, and only the
        # page's rows are read whole (OFFSET on the full rows reads every skipped row's JSON).
        page_keys = query.with_only_columns(*sort).order_by(*sort).offset(offset).limit(limit)
        query = query.where(tuple_(*sort).in_(page_keys))
    return query.order_by(*sort).limit(limit)


def page_rows(conn: Conn, query: Select, sort: Sequence[ColumnElement], after: tuple[Any, ...] | None,
              offset: int, limit: int) -> tuple[list[Any], int]:
    """One page of ``query`` (``keyset``) and the total it matches, in one statement: the count
    rides along as an uncorrelated subquery, which both databases evaluate once. Only a page
    past the end (no row to carry it) counts again on its own."""
    count = select(func.count()).select_from(
        query.with_only_columns(sort[-1], maintain_column_froms=True).subquery())
    rows = conn.execute(keyset(query.add_columns(count.scalar_subquery().label("page_total")), sort, after,
                               offset, limit)).all()
    if rows:
        return rows, int(rows[0].page_total)
    return rows, (int(conn.execute(count).scalar() or 0) if after is not None or offset else 0)

