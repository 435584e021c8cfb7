"""People's corrections: their own records (who, when, why, what), applied on top of derived data.

A correction targets either a consolidated entity (``meeting``, ``person``, ``agreement``,
``statement`` by key) or one extracted item of one document (``fact``, keyed
``<document id>:<kind>:<index>``). Entity corrections are applied after consolidation;
fact corrections before it (a fact whose series is corrected moves to that series' meetings).
Corrections are never edited or deleted: undoing one adds a ``revert`` record. Because they
live apart from the facts and the derived tables, re-ingesting or re-extracting a document
never loses them; a fact correction follows its item by subject if re-extraction renumbers it.
"""

from __future__ import annotations

import getpass
import os
import re
from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from parley.resolve.consolidate import BLOCKERS, EntityCorrection, apply_fact_corrections
from parley.store import models as m
from parley.store.db import Store, StoreError
from parley.validation import Invalid, check_value

TARGETS = ("meeting", "person", "agreement", "statement", "fact", "document")
ACTIONS = ("accept", "reject", "edit", "add", "remove")
FACT_KINDS = {"meeting": "meetings", "agreement": "agreements", "statement": "statements", "person": "people"}

_SCALARS = {
    "meeting": {"name", "format", "series", "ordinal", "start", "end", "place", "country", "chair", "status"},
    "person": {"name"},
    "agreement": {"title", "title_en", "kind", "signed", "valid_from", "valid_to"},
    "statement": {"speaker", "quote"},
}
_LISTS = {
    "meeting": {"states", "organizations", "persons", "topics"},
    "person": {"aliases"},
    "agreement": {"parties", "signatories"},
    "statement": set(),
}
_ENTITY_TABLE = {"meeting": m.Meeting, "person": m.Person, "agreement": m.Agreement, "statement": m.Statement}
_SOURCE_KEY = {
    "meeting": m.MeetingSource.meeting_key, "person": m.PersonSource.person_key,
    "agreement": m.AgreementSource.agreement_key, "statement": m.StatementSource.statement_key,
}
_INTS = {"ordinal", "valid_from", "valid_to"}


class CorrectionError(StoreError):
    pass


@dataclass(frozen=True)
class FactCorrection:
    correction: EntityCorrection
    document_id: str
    kind: str
    index: int
    subject: str | None


@dataclass
class CorrectionView:
    id: int
    target_kind: str
    target_key: str
    field: str | None
    action: str
    old_value: Any
    new_value: Any
    author: str
    reason: str
    created_at: str
    reverts: int | None
    reverted_by: int | None
    status: str = "applied"  # applied | reverted | orphaned (its target is no longer in the record)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def current_user() -> str:
    return os.environ.get("PARLEY_USER") or getpass.getuser()


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


# --------------------------------------------------------------------------- loading


def _as_entity_correction(row) -> EntityCorrection:
    anchor = row.anchor or {}
    ref = (anchor["document"], anchor["item"]) if anchor.get("document") is not None else None
    return EntityCorrection(
        id=row.id, action=row.action, field=row.field, new_value=row.new_value, author=row.author,
        reason=row.reason, created_at=row.created_at, target_key=row.target_key, anchor=ref,
    )


def _active_rows(conn: Connection, kind: str | None = None, key_prefix: str | None = None):
    q = select(m.Correction).where(m.Correction.action != "revert", m.Correction.reverted_by.is_(None))
    if kind:
        q = q.where(m.Correction.target_kind == kind)
    if key_prefix:
        q = q.where(m.Correction.target_key.startswith(key_prefix, autoescape=True))
    return conn.execute(q.order_by(m.Correction.id)).all()


def entity_corrections(conn: Connection) -> dict[str, list[EntityCorrection]]:
    out: dict[str, list[EntityCorrection]] = defaultdict(list)
    for row in _active_rows(conn):
        if row.target_kind in _ENTITY_TABLE:
            out[row.target_kind].append(_as_entity_correction(row))
    return out


def fact_corrections(conn: Connection, document_id: str | None = None) -> dict[str, list[FactCorrection]]:
    out: dict[str, list[FactCorrection]] = defaultdict(list)
    for row in _active_rows(conn, "fact", f"{document_id}:" if document_id else None):
        doc, kind, idx = parse_fact_key(row.target_key)
        out[doc].append(FactCorrection(_as_entity_correction(row), doc, kind, idx, (row.anchor or {}).get("subject")))
    return out


def locate(corrections: list[FactCorrection], subjects: dict[tuple[str, int], str | None]
           ) -> dict[tuple[str, int], list[EntityCorrection]]:
    """Which item each of a document's fact corrections applies to now: the item it was made on
    if its subject is unchanged, else the one item of that kind with the same subject (the
    extractor numbered the items differently), else none (the correction is orphaned)."""
    out: dict[tuple[str, int], list[EntityCorrection]] = defaultdict(list)
    for fc in corrections:
        here = subjects.get((fc.kind, fc.index), "\0missing")
        if fc.subject is None or here == fc.subject:
            if (fc.kind, fc.index) in subjects:
                out[(fc.kind, fc.index)].append(fc.correction)
            continue
        same = sorted(idx for (k, idx), s in subjects.items() if k == fc.kind and s == fc.subject)
        if same:
            out[(fc.kind, same[0])].append(fc.correction)
    return out


def parse_fact_key(key: str) -> tuple[str, str, int]:
    parts = key.split(":")
    if len(parts) != 3 or parts[1] not in FACT_KINDS or not parts[2].isdigit():
        raise CorrectionError(f"bad fact reference {key!r}: write DOCUMENT_ID:KIND:INDEX, e.g. "
                              "202a0dcd:meeting:0 (KIND is meeting, agreement, statement or person)")
    return parts[0], parts[1], int(parts[2])


# --------------------------------------------------------------------------- values


def parse_value(target_kind: str, field: str, raw: Any, *, element: bool = False) -> Any:
    """A corrected value as the field's type, checked as a record's value would be
    (parley.validation), or a CorrectionError saying what is expected. ``element``: one value
    added to or removed from a list field. Command-line values arrive as strings."""
    if raw is None or (isinstance(raw, str) and raw.strip().lower() in ("", "null", "none")):
        return None
    kind = target_kind
    if field in _INTS and isinstance(raw, str) and re.fullmatch(r"\s*[+-]?\d{1,12}\s*", raw):
        raw = int(raw)
    elif isinstance(raw, str):
        raw = raw.strip()
    try:
        value = check_value(kind, field, raw, element=element)
    except Invalid as exc:
        raise CorrectionError(f"{field} {exc.reason}" if exc.reason[:1].islower() else str(exc)) from None
    if field == "series":
        from parley.domain.registry import get_domain

        known = sorted(get_domain().series)
        if value not in known:
            raise CorrectionError(f"unknown series {value!r}; known: {', '.join(known)}")
    return value


def _fields_for(target_kind: str, fact_kind: str | None) -> tuple[set[str], set[str]]:
    k = fact_kind if target_kind == "fact" else target_kind
    assert k is not None
    scalars, lists = set(_SCALARS[k]), set(_LISTS[k])
    if target_kind == "fact" and k == "person":
        scalars, lists = {"name"}, {"aliases"}
    return scalars, lists


# --------------------------------------------------------------------------- adding


@dataclass(frozen=True)
class CorrectionSpec:
    """One correction to make: ``parley fix`` with several options makes several at once."""

    target_kind: str
    target_key: str
    action: str
    field: str | None = None
    value: Any = None


MAX_REASON = 5_000


def add_correction(store: Store, target_kind: str, target_key: str, action: str, *, field: str | None = None,
                   value: Any = None, author: str | None = None, reason: str) -> CorrectionView:
    """Record a correction and bring the derived record up to date with it, in one transaction."""
    return add_corrections(store, [CorrectionSpec(target_kind, target_key, action, field, value)],
                           author=author, reason=reason)[0]


def add_corrections(store: Store, specs: list[CorrectionSpec], *, author: str | None = None,
                    reason: str) -> list[CorrectionView]:
    """Record corrections and rebuild every block they touch, all in one transaction: a fact
    moved to another block (a corrected series) leaves the old one and joins the new one
    together, whatever order the blocks sort in; if anything fails, nothing is stored."""
    author = _author(author)
    reason = _reason(reason)
    ids: list[int] = []
    with store.writer() as conn, conn.begin():
        dirty: set[tuple[str, str]] = set()
        for spec in specs:
            row_id, touched = _insert_correction(conn, spec, author, reason)
            ids.append(row_id)
            dirty |= touched
        _mark(conn, dirty)
        _rebuild(conn, dirty)
        return list_corrections(conn, ids=ids)


def _author(author: str | None) -> str:
    name = (author or current_user()).strip()
    if not name or len(name) > 200:
        raise CorrectionError("the author's name takes 1 to 200 characters")
    return name


def _reason(reason: str | None) -> str:
    if not reason or not reason.strip():
        raise CorrectionError("say why (--why): corrections are kept with their reason")
    if len(reason) > MAX_REASON:
        raise CorrectionError(f"the reason is {len(reason):,} characters long; at most {MAX_REASON:,}")
    return reason.strip()


def _insert_correction(conn: Connection, spec: CorrectionSpec, author: str, reason: str
                       ) -> tuple[int, set[tuple[str, str]]]:
    target_kind, target_key, action, field, value = (spec.target_kind, spec.target_key.strip(), spec.action,
                                                     spec.field, spec.value)
    if target_kind not in TARGETS:
        raise CorrectionError(f"unknown target {target_kind!r}; use one of {', '.join(TARGETS)}")
    if action not in ACTIONS:
        raise CorrectionError(f"unknown action {action!r}; use one of {', '.join(ACTIONS)}")
    if not target_key or len(target_key) > m.KEY + 100:
        raise CorrectionError(f"a {target_kind} key takes 1 to {m.KEY + 100} characters")
    if target_kind == "document":
        if action != "remove" or field:
            raise CorrectionError("a document can only be removed from the record (`parley document remove ID "
                                  "--why ...`); correct its facts with `parley fix fact`")
        doc = _resolve_doc(conn, target_key)
        old = conn.execute(select(m.Document.name).where(m.Document.id == doc)).scalar()
        dirty = {(r.kind, r.block) for r in conn.execute(
            select(m.Fact.kind, m.Fact.block).where(m.Fact.document_id == doc).distinct())}
        if doc in removed_documents(conn):
            raise CorrectionError(f"document {doc[:12]} is already removed; `parley fix list --target document` "
                                  "shows the removal, `parley fix revert ID` restores it")
        row_id = conn.execute(insert(m.Correction).values(
            target_kind="document", target_key=doc, field=None, action="remove", old_value=old, new_value=None,
            author=author, reason=reason, created_at=_now(), anchor={"document": doc},
        )).inserted_primary_key[0]
        return int(row_id), dirty
    if action in ("edit", "add", "remove") and not field:
        raise CorrectionError(f"{action} needs a field")
    if target_kind == "fact":
        target_key, old, anchor, dirty = _fact_target(conn, target_key, action, field, value)
        fact_kind: str | None = parse_fact_key(target_key)[1]
    else:
        target_key, old, anchor, dirty = _entity_target(conn, target_kind, target_key, action, field)
        fact_kind = None
    new = None
    if field:
        scalars, lists = _fields_for(target_kind, fact_kind)
        if action == "edit" and field not in scalars:
            hint = f" (a list: use add/remove {field})" if field in lists else ""
            raise CorrectionError(f"cannot edit {field!r} of a {target_kind}{hint}; fields: "
                                  f"{', '.join(sorted(scalars))}")
        if action in ("add", "remove") and field not in lists:
            raise CorrectionError(f"{field!r} is not a list of a {target_kind}; lists: "
                                  f"{', '.join(sorted(lists)) or 'none'}")
        if action not in ("accept", "reject"):
            new = parse_value(fact_kind or target_kind, field, value, element=action in ("add", "remove"))
            if action in ("add", "remove") and new is None:
                raise CorrectionError(f"{action} needs a value")
    row_id = conn.execute(insert(m.Correction).values(
        target_kind=target_kind, target_key=target_key, field=field, action=action,
        old_value=old if action != "accept" or field else None, new_value=new, author=author,
        reason=reason, created_at=_now(), anchor=anchor,
    )).inserted_primary_key[0]
    if target_kind == "fact":
        dirty |= _refresh_fact_block(conn, target_key)
    return int(row_id), dirty


def revert_correction(store: Store, correction_id: int, *, author: str | None = None,
                      reason: str) -> CorrectionView:
    """Undo a correction by recording a revert; both records are kept. The revert and the blocks
    it changes commit together."""
    reason = _reason(reason)
    author = _author(author)
    if not 0 < correction_id < 2**62:
        raise CorrectionError(f"no correction {correction_id}; `parley fix list` shows them")
    with store.writer() as conn, conn.begin():
        row = conn.execute(select(m.Correction).where(m.Correction.id == correction_id)).first()
        if row is None:
            raise CorrectionError(f"no correction {correction_id}; `parley fix list` shows them")
        if row.action == "revert":
            raise CorrectionError(f"correction {correction_id} is itself a revert; correct the target again")
        if row.reverted_by is not None:
            raise CorrectionError(f"correction {correction_id} was already reverted by {row.reverted_by}")
        new_id = conn.execute(insert(m.Correction).values(
            target_kind=row.target_kind, target_key=row.target_key, field=row.field, action="revert",
            old_value=None, new_value=None, author=author, reason=reason,
            created_at=_now(), anchor=row.anchor, reverts=correction_id,
        )).inserted_primary_key[0]
        conn.execute(update(m.Correction).where(m.Correction.id == correction_id).values(reverted_by=new_id))
        dirty: set[tuple[str, str]] = set()
        if row.target_kind == "fact":
            dirty |= _refresh_fact_block(conn, row.target_key)
        elif row.target_kind == "document":
            dirty |= {(r.kind, r.block) for r in conn.execute(
                select(m.Fact.kind, m.Fact.block).where(m.Fact.document_id == row.target_key).distinct())}
        else:
            table = _ENTITY_TABLE[row.target_kind]
            block = conn.execute(select(table.block).where(table.key == row.target_key)).scalar()
            if block is None and row.anchor:
                block = _anchor_block(conn, row.target_kind, row.anchor)
            if block is not None:
                dirty.add((row.target_kind, block))
        _mark(conn, dirty)
        _rebuild(conn, dirty)
        return get_correction(conn, int(new_id))


def removed_documents(conn: Connection) -> set[str]:
    """Documents taken out of the record by a person (their facts are kept, and come back if the
    removal is reverted)."""
    return {r.target_key for r in _active_rows(conn, "document")}


def _entity_target(conn: Connection, kind: str, key: str, action: str, field: str | None):
    table = _ENTITY_TABLE[kind]
    row = conn.execute(select(table).where(table.key == key)).first()
    if row is None:
        near = conn.execute(select(table.key).where(table.key.startswith(key, autoescape=True))
                            .order_by(table.key).limit(6)).scalars().all()
        if len(near) == 1:
            row = conn.execute(select(table).where(table.key == near[0])).first()
        else:
            hint = f"; did you mean: {', '.join(near)}" if near else f"; `parley {kind}s` lists them" \
                if kind != "person" else "; `parley person NAME` shows keys"
            raise CorrectionError(f"no {kind} {key!r}{hint}")
    src_table, src_key = m.SOURCES[kind], _SOURCE_KEY[kind]
    first = conn.execute(select(src_table.document_id, src_table.fact_idx).where(src_key == row.key)
                         .order_by(src_table.document_id, src_table.fact_idx).limit(1)).first()
    anchor = {"document": first.document_id, "item": first.fact_idx} if first else None
    old = getattr(row, field, None) if field else None
    return row.key, old, anchor, {(kind, row.block)}


def _anchor_block(conn: Connection, kind: str, anchor: dict[str, Any]) -> str | None:
    src_table = m.SOURCES[kind]
    return conn.execute(select(src_table.block).where(src_table.document_id == anchor.get("document"),
                                                      src_table.fact_idx == anchor.get("item"))).scalar()


def _resolve_doc(conn: Connection, prefix: str) -> str:
    from parley.store.read.documents import matching_documents  # the read layer imports this module

    ids = matching_documents(conn, prefix)
    if not ids:
        raise CorrectionError(f"no document {prefix!r}; `parley meeting KEY` lists the documents of a meeting")
    if len(ids) > 1:
        raise CorrectionError(f"document id {prefix!r} is ambiguous: give more characters")
    return ids[0]


def _fact_target(conn: Connection, key: str, action: str, field: str | None, value: Any):
    prefix, kind, idx = parse_fact_key(key)
    doc = _resolve_doc(conn, prefix)
    row = conn.execute(select(m.Fact).where(m.Fact.document_id == doc, m.Fact.kind == kind, m.Fact.idx == idx)).first()
    if row is None:
        raise CorrectionError(f"document {doc[:12]} has no {kind} number {idx} (numbers start at 0)")
    old = row.data.get(field) if field else None
    anchor = {"document": doc, "item": idx, "subject": row.subject}
    return f"{doc}:{kind}:{idx}", old, anchor, {(kind, row.block)}


def _refresh_fact_block(conn: Connection, fact_key: str) -> set[tuple[str, str]]:
    """Recompute the block of a corrected fact (a corrected series moves it); both blocks are dirty."""
    doc, kind, idx = parse_fact_key(fact_key)
    rows = conn.execute(select(m.Fact.kind, m.Fact.idx, m.Fact.subject, m.Fact.block, m.Fact.data)
                        .where(m.Fact.document_id == doc)).all()
    located = locate(fact_corrections(conn, doc).get(doc, []), {(r.kind, r.idx): r.subject for r in rows})
    dirty: set[tuple[str, str]] = set()
    for r in rows:
        data, _ = apply_fact_corrections(r.data, located.get((r.kind, r.idx), []))
        block = BLOCKERS[r.kind](data if data is not None else r.data)
        if block != r.block:
            conn.execute(update(m.Fact).where(m.Fact.document_id == doc, m.Fact.kind == r.kind, m.Fact.idx == r.idx)
                         .values(block=block))
            dirty |= {(r.kind, r.block), (r.kind, block)}
        elif (r.kind, r.idx) == (kind, idx) or (r.kind, r.idx) in located:
            dirty.add((r.kind, block))
    return dirty


def _mark(conn: Connection, dirty: set[tuple[str, str]]) -> None:
    from parley.store.ingest import mark_dirty

    mark_dirty(conn, dirty)


def _rebuild(conn: Connection, dirty: set[tuple[str, str]]) -> None:
    from parley.store.consolidate import rebuild_blocks

    rebuild_blocks(conn, dirty)


# --------------------------------------------------------------------------- listing


def _view(row, status: str) -> CorrectionView:
    return CorrectionView(
        id=row.id, target_kind=row.target_kind, target_key=row.target_key, field=row.field, action=row.action,
        old_value=row.old_value, new_value=row.new_value, author=row.author, reason=row.reason,
        created_at=row.created_at, reverts=row.reverts, reverted_by=row.reverted_by, status=status,
    )


def get_correction(conn: Connection, correction_id: int) -> CorrectionView:
    views = list_corrections(conn, ids=[correction_id])
    if not views:
        raise CorrectionError(f"no correction {correction_id}")
    return views[0]


def list_corrections(conn: Connection, *, target_kind: str | None = None, target_key: str | None = None,
                     ids: list[int] | None = None) -> list[CorrectionView]:
    """Every correction ever made, oldest first, with whether it still applies."""
    q = select(m.Correction)
    if target_kind:
        q = q.where(m.Correction.target_kind == target_kind)
    if target_key:
        q = q.where(m.Correction.target_key == target_key)
    if ids:
        q = q.where(m.Correction.id.in_(ids))
    return correction_views(conn, conn.execute(q.order_by(m.Correction.id)).all())


def correction_views(conn: Connection, rows: list[Any]) -> list[CorrectionView]:
    """Correction rows as views with their status: ``revert``, ``reverted``, ``applied`` (an
    entity of the record applies it, its document is stored, its fact is found), else
    ``orphaned``. Found for all the rows together, a few queries whatever their number."""
    live = [r for r in rows if r.action != "revert" and r.reverted_by is None]
    applied = _applied(conn, live)
    return [_view(r, "revert" if r.action == "revert" else "reverted" if r.reverted_by is not None
                  else "applied" if r.id in applied else "orphaned") for r in rows]


_CHUNK = 500  # ids per IN list: far under any database's limit on bound parameters


def _applied(conn: Connection, rows: list[Any]) -> set[int]:
    out: set[int] = set()
    entity = [r.id for r in rows if r.target_kind in _ENTITY_TABLE]
    for i in range(0, len(entity), _CHUNK):
        # Written by consolidation with the entities that apply them (models.AppliedCorrection).
        out |= set(conn.execute(select(m.AppliedCorrection.correction_id).where(
            m.AppliedCorrection.correction_id.in_(entity[i:i + _CHUNK]))).scalars())
    docs = sorted({r.target_key for r in rows if r.target_kind == "document"})
    stored: set[str] = set()
    for i in range(0, len(docs), _CHUNK):
        stored |= set(conn.execute(select(m.Document.id).where(m.Document.id.in_(docs[i:i + _CHUNK]))).scalars())
    out |= {r.id for r in rows if r.target_kind == "document" and r.target_key in stored}
    facts = [(r, *parse_fact_key(r.target_key)) for r in rows if r.target_kind == "fact"]
    fact_docs = sorted({doc for _, doc, _, _ in facts})
    subjects: dict[str, dict[tuple[str, int], str | None]] = defaultdict(dict)
    for i in range(0, len(fact_docs), _CHUNK):
        for f in conn.execute(select(m.Fact.document_id, m.Fact.kind, m.Fact.idx, m.Fact.subject).where(
                m.Fact.document_id.in_(fact_docs[i:i + _CHUNK]))):
            subjects[f.document_id][(f.kind, f.idx)] = f.subject
    for row, doc, kind, idx in facts:
        fc = FactCorrection(_as_entity_correction(row), doc, kind, idx, (row.anchor or {}).get("subject"))
        if locate([fc], subjects.get(doc, {})):
            out.add(row.id)
    return out


EDITABLE = {
    "meeting": ("name", "series", "ordinal", "status", "start", "end", "place", "country", "chair", "format"),
    "agreement": ("title", "title_en", "kind", "signed", "valid_from", "valid_to"),
    "statement": ("speaker", "quote"),
    "person": ("name",),
}
