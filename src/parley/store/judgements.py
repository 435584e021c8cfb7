"""The corrections as recorded: those in force, as consolidation applies them (to entities, to
single facts, documents removed), and every correction listed with its status.

Reading only: making and reverting corrections is ``parley.store.corrections``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.engine import Connection

from parley.errors import CorrectionError
from parley.kb.identity import IDENTITY_ACTIONS
from parley.kb.model import EntityCorrection
from parley.store import models as m

FACT_KINDS = {"meeting": "meetings", "agreement": "agreements", "statement": "statements", "person": "people"}
ENTITY_TABLE = {"meeting": m.Meeting, "person": m.Person, "agreement": m.Agreement, "statement": m.Statement}



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


# --------------------------------------------------------------------------- in force


def _as_entity_correction(row, sides: tuple[frozenset[tuple[str, int]], ...] = ()) -> EntityCorrection:
    anchor = row.anchor or {}
    ref = (anchor["document"], anchor["item"]) if anchor.get("document") is not None else None
    return EntityCorrection(
        id=row.id, action=row.action, field=row.field, new_value=row.new_value, author=row.author,
        reason=row.reason, created_at=row.created_at, target_key=row.target_key, anchor=ref, sides=sides,
    )


def _active_rows(conn: Connection, kind: str | None = None, key_prefix: str | None = None):
    q = select(m.Correction).where(m.Correction.action != "revert", m.Correction.reverted_by.is_(None))
    if kind:
        q = q.where(m.Correction.target_kind == kind)
    if key_prefix:
        q = q.where(m.Correction.target_key.startswith(key_prefix, autoescape=True))
    return conn.execute(q.order_by(m.Correction.id)).all()


def entity_corrections(conn: Connection) -> dict[str, list[EntityCorrection]]:
    """The entity corrections in force by kind; an identity judgement's sides as the facts are
    numbered now (followed by subject when re-extraction renumbered them)."""
    rows = [r for r in _active_rows(conn) if r.target_kind in ENTITY_TABLE]
    judged = [r for r in rows if r.action in IDENTITY_ACTIONS]
    subjects = fact_subjects(conn, {e[0] for r in judged for side in anchor_sides(r.anchor) for e in side})
    out: dict[str, list[EntityCorrection]] = defaultdict(list)
    for row in rows:
        sides = tuple(frozenset(ref for e in side if (ref := follow_anchor(row.target_kind, e, subjects)))
                      for side in anchor_sides(row.anchor)) if row.action in IDENTITY_ACTIONS else ()
        out[row.target_kind].append(_as_entity_correction(row, sides))
    return out


# --------------------------------------------------------------------------- identity judgements

AnchorEntry = tuple[str, int, str | None]  # document id, item index, the item's subject then


def anchor_sides(anchor: dict[str, Any] | None) -> list[list[AnchorEntry]]:
    """An identity judgement's sides as recorded: per side, its source facts when it was made."""
    return [[(str(d), int(i), s) for d, i, s in side] for side in (anchor or {}).get("sides") or []]


def fact_subjects(conn: Connection, documents: set[str]) -> dict[str, dict[tuple[str, int], str | None]]:
    """Every fact's subject in these documents, by document: what anchors are followed by."""
    out: dict[str, dict[tuple[str, int], str | None]] = defaultdict(dict)
    docs = sorted(documents)
    for i in range(0, len(docs), _CHUNK):
        for f in conn.execute(select(m.Fact.document_id, m.Fact.kind, m.Fact.idx, m.Fact.subject).where(
                m.Fact.document_id.in_(docs[i:i + _CHUNK]))):
            out[f.document_id][(f.kind, f.idx)] = f.subject
    return out


def follow_anchor(kind: str, entry: AnchorEntry, subjects: dict[str, dict[tuple[str, int], str | None]]
                  ) -> tuple[str, int] | None:
    """Where an anchored fact is now: (document, index), or None when it is gone."""
    doc, idx, subject = entry
    found = follow(kind, idx, subject, subjects.get(doc, {}))
    return (doc, found) if found is not None else None


@dataclass(frozen=True)
class Move:
    """A fact a same_as judgement places in the block of the record it was judged the same as
    (records are consolidated block by block: the two would never meet otherwise)."""

    correction: int
    kind: str
    document_id: str
    index: int
    subject: str | None
    block: str


def moves(conn: Connection) -> dict[str, list[Move]]:
    """The moves of the same_as judgements in force, by document."""
    out: dict[str, list[Move]] = defaultdict(list)
    for row in _active_rows(conn):
        block = (row.anchor or {}).get("block")
        if row.action != "same_as" or not block:
            continue
        for side in anchor_sides(row.anchor)[1:]:
            for doc, idx, subject in side:
                out[doc].append(Move(row.id, row.target_kind, doc, idx, subject, block))
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
        idx = follow(fc.kind, fc.index, fc.subject, subjects)
        if idx is not None:
            out[(fc.kind, idx)].append(fc.correction)
    return out


def follow(kind: str, index: int, subject: str | None, subjects: dict[tuple[str, int], str | None]) -> int | None:
    """The index an item recorded as (kind, index, subject) has now among a document's items:
    the same if its subject is unchanged, else the first of that kind with the same subject,
    else None."""
    here = subjects.get((kind, index), "\0missing")
    if subject is None or here == subject:
        return index if (kind, index) in subjects else None
    same = sorted(idx for (k, idx), s in subjects.items() if k == kind and s == subject)
    return same[0] if same else None


def parse_fact_key(key: str) -> tuple[str, str, int]:
    parts = key.split(":")
    if len(parts) != 3 or parts[1] not in FACT_KINDS or not parts[2].isdigit():
        raise CorrectionError(f"bad fact reference {key!r}: write DOCUMENT_ID:KIND:INDEX, e.g. "
                              "202a0dcd:meeting:0 (KIND is meeting, agreement, statement or person)")
    return parts[0], parts[1], int(parts[2])


# --------------------------------------------------------------------------- values


def removed_documents(conn: Connection) -> set[str]:
    """Documents taken out of the record by a person (their facts are kept, and come back if the
    removal is reverted)."""
    return {r.target_key for r in _active_rows(conn, "document")}


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


def corrections_of(conn: Connection, kind: str, key: str, applied: list[int]) -> list[CorrectionView]:
    """A record's corrections: those made on its key and those it applies (``applied``: made
    under a key it no longer has, or an identity judgement naming it as the other side)."""
    on = m.Correction.target_key == key
    if applied:
        on = or_(on, m.Correction.id.in_(sorted(applied)[:_CHUNK]))
    return correction_views(conn, conn.execute(select(m.Correction).where(m.Correction.target_kind == kind, on)
                                               .order_by(m.Correction.id)).all())


def holders(conn: Connection, correction_id: int) -> list[str]:
    """The keys of the records that apply a correction, in key order."""
    return list(conn.execute(select(m.AppliedCorrection.entity_key).where(
        m.AppliedCorrection.correction_id == correction_id).order_by(m.AppliedCorrection.entity_key)).scalars())


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
    entity = [r.id for r in rows if r.target_kind in ENTITY_TABLE]
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
