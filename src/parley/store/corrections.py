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
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from parley.kb.corrections import apply_fact_corrections
from parley.kb.keys import BLOCKERS
from parley.store import models as m
from parley.store.blocks import mark_dirty, rebuild_blocks
from parley.store.db import Store
from parley.store.judgements import (
    ENTITY_TABLE,
    CorrectionError,
    CorrectionView,
    fact_corrections,
    get_correction,
    list_corrections,
    locate,
    parse_fact_key,
    removed_documents,
)
from parley.store.read.documents import matching_documents
from parley.validation import Invalid, check_value

TARGETS = ("meeting", "person", "agreement", "statement", "fact", "document")
ACTIONS = ("accept", "reject", "edit", "add", "remove")

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
_SOURCE_KEY = {
    "meeting": m.MeetingSource.meeting_key, "person": m.PersonSource.person_key,
    "agreement": m.AgreementSource.agreement_key, "statement": m.StatementSource.statement_key,
}
_INTS = {"ordinal", "valid_from", "valid_to"}


def current_user() -> str:
    return os.environ.get("PARLEY_USER") or getpass.getuser()


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


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
        mark_dirty(conn, dirty)
        rebuild_blocks(conn, dirty)
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
            table = ENTITY_TABLE[row.target_kind]
            block = conn.execute(select(table.block).where(table.key == row.target_key)).scalar()
            if block is None and row.anchor:
                block = _anchor_block(conn, row.target_kind, row.anchor)
            if block is not None:
                dirty.add((row.target_kind, block))
        mark_dirty(conn, dirty)
        rebuild_blocks(conn, dirty)
        return get_correction(conn, int(new_id))


def _entity_target(conn: Connection, kind: str, key: str, action: str, field: str | None):
    table = ENTITY_TABLE[kind]
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
    ref = conn.execute(select(m.Document.ref_date).where(m.Document.id == doc)).scalar()
    dirty: set[tuple[str, str]] = set()
    for r in rows:
        data, _ = apply_fact_corrections(r.data, located.get((r.kind, r.idx), []))
        block = BLOCKERS[r.kind](data if data is not None else r.data, ref)
        if block != r.block:
            conn.execute(update(m.Fact).where(m.Fact.document_id == doc, m.Fact.kind == r.kind, m.Fact.idx == r.idx)
                         .values(block=block))
            dirty |= {(r.kind, r.block), (r.kind, block)}
        elif (r.kind, r.idx) == (kind, idx) or (r.kind, r.idx) in located:
            dirty.add((r.kind, block))
    return dirty


EDITABLE = {
    "meeting": ("name", "series", "ordinal", "status", "start", "end", "place", "country", "chair", "format"),
    "agreement": ("title", "title_en", "kind", "signed", "valid_from", "valid_to"),
    "statement": ("speaker", "quote"),
    "person": ("name",),
}
