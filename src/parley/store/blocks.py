"""Dirty blocks and their consolidation: ingest and corrections mark the blocks they change,
and this module rebuilds them from their facts and the corrections in force.

One transaction per group of blocks: a block's derived rows are replaced and its dirty mark
removed together, so an interrupted consolidation resumes where it stopped, and a block rebuilt
incrementally is identical to the same block rebuilt from scratch (``parley db consolidate
--all``). The merging rules themselves are in ``parley.kb``; the rows written, in
``parley.store.derived``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, delete, func, insert, select, tuple_
from sqlalchemy.engine import Connection

from parley.errors import StoreError
from parley.kb import CONSOLIDATORS
from parley.kb.corrections import apply_fact_corrections
from parley.kb.model import DocMeta, FactIn
from parley.store import models as m
from parley.store.db import Store
from parley.store.derived import meeting_keys_elsewhere, replace_block
from parley.store.judgements import entity_corrections, fact_corrections, locate, removed_documents

_TX_FACTS = 20_000
ANALYZE_AFTER = 200  # blocks rebuilt in one run: enough change to refresh SQLite's statistics
ORDER = ("meeting", "person", "agreement", "statement")


@dataclass(frozen=True)
class BlockFailed:
    kind: str
    block: str
    documents: list[str]
    error: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "block": self.block, "documents": self.documents, "error": self.error}


@dataclass
class ConsolidationReport:
    blocks: dict[str, int] = field(default_factory=dict)
    entities: dict[str, int] = field(default_factory=dict)
    failures: list[BlockFailed] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"blocks": self.blocks, "entities": self.entities, "seconds": round(self.seconds, 3),
                "failures": [f.to_dict() for f in self.failures]}


def mark_dirty(conn: Connection, pairs: Iterable[tuple[str, str]]) -> None:
    """These (kind, block) pairs wait for consolidation (marking one twice is harmless)."""
    rows = [{"kind": k, "block": b} for k, b in sorted(set(pairs))]
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        conn.execute(pg_insert(m.Dirty).on_conflict_do_nothing(), rows)
    elif conn.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        conn.execute(sqlite_insert(m.Dirty).on_conflict_do_nothing(), rows)
    else:  # pragma: no cover - other databases: check first
        have = {(r.kind, r.block) for r in conn.execute(select(m.Dirty.kind, m.Dirty.block))}
        new = [r for r in rows if (r["kind"], r["block"]) not in have]
        if new:
            conn.execute(insert(m.Dirty), new)


def mark_all(conn: Connection) -> None:
    """Every block with facts or derived rows: a full rebuild."""
    pairs = {(r.kind, r.block) for r in conn.execute(select(m.Fact.kind, m.Fact.block).distinct())}
    for kind, tables in m.DERIVED.items():
        pairs |= {(kind, b) for b in conn.execute(select(tables[0].block).distinct()).scalars()}
    pairs |= {(r.kind, r.block) for r in conn.execute(select(m.BlockFailure.kind, m.BlockFailure.block))}
    mark_dirty(conn, pairs)


def pending(store: Store) -> int:
    """How many blocks wait for consolidation (an interrupted ingest leaves some)."""
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(m.Dirty)).scalar() or 0)


def failed_blocks(conn: Connection) -> list[BlockFailed]:
    """Blocks whose last consolidation failed, with their documents and the error."""
    return [BlockFailed(r.kind, r.block, list(r.documents or []), r.error) for r in conn.execute(
        select(m.BlockFailure).order_by(m.BlockFailure.kind, m.BlockFailure.block))]


class _Rebuilder:
    """What rebuilding blocks needs, loaded once per run: corrections, removed documents, the
    blocks that failed last time."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.corrections = entity_corrections(conn)
        self.fact_corr = fact_corrections(conn)
        self.removed = removed_documents(conn)
        self.located: dict[str, dict] = {}
        self.load_failed()

    def load_failed(self) -> None:
        self.failed = {(r.kind, r.block) for r in self.conn.execute(select(m.BlockFailure.kind,
                                                                           m.BlockFailure.block))}

    def rebuild(self, kind: str, block: str, _waiting: frozenset[str] = frozenset()) -> tuple[int, int]:
        """Replace the block's derived rows; (entities, facts)."""
        facts = _load_facts(self.conn, kind, block, self.fact_corr, self.located, self.removed)
        entities = CONSOLIDATORS[kind](block, facts, self.corrections.get(kind, []))
        if kind == "meeting":
            self._free_keys(block, entities, _waiting | {block})
        replace_block(self.conn, kind, block, entities, {f.doc.id: f.doc for f in facts})
        self.conn.execute(delete(m.Dirty).where(m.Dirty.kind == kind, m.Dirty.block == block))
        if (kind, block) in self.failed:
            self.conn.execute(delete(m.BlockFailure).where(m.BlockFailure.kind == kind,
                                                           m.BlockFailure.block == block))
            self.failed.discard((kind, block))
        return len(entities), len(facts)


    def _free_keys(self, block: str, entities: list, waiting: frozenset[str]) -> None:
        """A meeting whose facts moved to this block (a corrected date, another year) keeps its
        key, still held by its old block's rows until that block is rebuilt: a dirty block
        holding one of our keys is rebuilt first. A key still held by another block is the same
        series and ordinal reported held in two years: this block's meeting takes the key with
        its year (``series/13~2026``) and is flagged ``duplicate_ordinal``, so that one wrong
        report never stops its year's consolidation."""
        held = meeting_keys_elsewhere(self.conn, block, [e.key for e in entities])
        if not held:
            return
        dirty = set(self.conn.execute(select(m.Dirty.block).where(
            m.Dirty.kind == "meeting", m.Dirty.block.in_(sorted(set(held.values()) - waiting)))).scalars())
        for other in sorted(dirty):
            self.rebuild("meeting", other, waiting)
        held = meeting_keys_elsewhere(self.conn, block, sorted(held))
        taken = {e.key for e in entities}
        for e in sorted((e for e in entities if e.key in held), key=lambda e: e.key):
            base = f"{e.key}~{(e.values.get('start') or block.removeprefix('y:'))[:4]}"
            key, n = base, 2
            while key in taken or meeting_keys_elsewhere(self.conn, block, [key]):
                key, n = f"{base}-{n}", n + 1
            e.flags.append({"code": "duplicate_ordinal", "field": "ordinal", "others": [e.key]})
            taken.add(key)
            e.key = key


def consolidate(store: Store, *, full: bool = False,
                progress: Callable[[str, int, int], None] | None = None) -> ConsolidationReport:
    """Rebuild every dirty block (every block with ``full``). A block that fails is rolled back
    to what it was, recorded in block_failures with its documents and error, and skipped: it
    never stops the other blocks, this run or a later ingest."""
    t0 = time.perf_counter()
    report = ConsolidationReport()
    with store.writer() as conn:
        if full:
            with conn.begin():
                mark_all(conn)
        with conn.begin():
            work = _Rebuilder(conn)
        for kind in ORDER:
            with conn.begin():
                blocks = conn.execute(select(m.Dirty.block).where(m.Dirty.kind == kind)
                                      .order_by(m.Dirty.block)).scalars().all()
                _release_moved_sources(conn, kind)
            report.blocks[kind] = len(blocks)
            count = 0
            n = 0
            while n < len(blocks):
                # Small blocks share a transaction (commits dominate otherwise); a block's rows
                # and its dirty mark always go together, so an interruption loses nothing.
                first, group_count = n, 0
                try:
                    with conn.begin():
                        facts_in_tx = 0
                        while n < len(blocks) and facts_in_tx < _TX_FACTS:
                            entities, facts = work.rebuild(kind, blocks[n])
                            n += 1
                            group_count += entities
                            facts_in_tx += facts + 50
                except Exception:  # noqa: BLE001 - blocks[n] failed: the group is redone, isolating it
                    n, group_count = _isolate(conn, work, kind, blocks[first:n + 1], report)
                    n += first
                count += group_count
                if progress:
                    progress(kind, n, len(blocks))
            report.entities[kind] = count
        if store.dialect == "sqlite" and (full or sum(report.blocks.values()) >= ANALYZE_AFTER):
            # The query planner's statistics (PostgreSQL's autovacuum keeps its own): without them
            # SQLite may pick the review index for "not rejected" and sort a whole table for a list
            # page that an ordered index serves (50 ms instead of 0.3 ms at 100,000 documents).
            with conn.begin():
                conn.exec_driver_sql("ANALYZE")
    report.seconds = time.perf_counter() - t0
    return report


def _isolate(conn: Connection, work: _Rebuilder, kind: str, blocks: list[str],
             report: ConsolidationReport) -> tuple[int, int]:
    """Rebuild a group of blocks one SAVEPOINT each (the slow path, taken only after a failure):
    a block that fails is rolled back to what it was and recorded. (blocks done, entities)."""
    count = 0
    with conn.begin():
        work.load_failed()  # as the database has it after the group's rollback
        for block in blocks:
            savepoint = conn.begin_nested()
            try:
                entities, _ = work.rebuild(kind, block)
                savepoint.commit()
                count += entities
            except Exception as exc:  # noqa: BLE001 - any failure of one block is isolated
                savepoint.rollback()
                report.failures.append(_record_failure(conn, kind, block, exc))
                work.failed.add((kind, block))
    return len(blocks), count


def rebuild_blocks(conn: Connection, pairs: set[tuple[str, str]]) -> None:
    """Rebuild these blocks inside the caller's transaction, all or nothing: a correction and
    the blocks it changes (both, when it moves a fact to another block) commit together, or the
    error reaches the caller and nothing is stored. The blocks must be marked dirty."""
    work = _Rebuilder(conn)
    for kind in ORDER:
        blocks = sorted(b for k, b in pairs if k == kind)
        if blocks:
            _release_moved_sources(conn, kind)
        for block in blocks:
            try:
                work.rebuild(kind, block)
            except Exception as exc:
                raise StoreError(f"consolidating {kind} block {block!r} failed ({exc.__class__.__name__}: "
                                 f"{_first_line(exc)}); nothing was changed") from exc


def _release_moved_sources(conn: Connection, kind: str) -> None:
    """A fact that moved to another block (a corrected series, a re-extraction) may still be a
    source of its old block's entity. Both blocks are dirty, but the new one may be rebuilt first
    (blocks go in key order) and would then claim a fact the old one still holds: such stale
    claims are dropped first, in one statement for all the dirty blocks of a kind."""
    src, f, d = m.SOURCES[kind], m.Fact, m.Dirty
    stale = (select(src.document_id, src.fact_idx)
             .join(f, and_(f.document_id == src.document_id, f.idx == src.fact_idx, f.kind == kind))
             .join(d, and_(d.kind == kind, d.block == f.block))
             .where(src.block != f.block))
    conn.execute(delete(src).where(tuple_(src.document_id, src.fact_idx).in_(stale)))


def _record_failure(conn: Connection, kind: str, block: str, exc: Exception) -> BlockFailed:
    docs = sorted(conn.execute(select(m.Fact.document_id).where(m.Fact.kind == kind, m.Fact.block == block)
                               .distinct()).scalars())
    error = f"{exc.__class__.__name__}: {_first_line(exc)}"[:2000]
    row = {"documents": docs[:1000], "error": error, "failed_at": datetime.now(UTC).replace(microsecond=0).isoformat()}
    conn.execute(delete(m.BlockFailure).where(m.BlockFailure.kind == kind, m.BlockFailure.block == block))
    conn.execute(insert(m.BlockFailure).values(kind=kind, block=block, **row))
    # Not dirty any more: it is retried when its facts or corrections change, or by --all.
    conn.execute(delete(m.Dirty).where(m.Dirty.kind == kind, m.Dirty.block == block))
    return BlockFailed(kind, block, docs, error)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:500] if text else "(no message)"


def _load_facts(conn: Connection, kind: str, block: str, fact_corr: dict, located_cache: dict,
                removed: set[str]) -> list[FactIn]:
    q = (select(m.Fact.document_id, m.Fact.idx, m.Fact.data, m.Document.published, m.Document.outlet,
                m.Document.language, m.Document.url, m.Document.ref_date)
         .join(m.Document, m.Document.id == m.Fact.document_id)
         .where(m.Fact.kind == kind, m.Fact.block == block)
         .order_by(m.Fact.document_id, m.Fact.idx))
    out = []
    metas: dict[str, DocMeta] = {}
    for r in conn.execute(q):
        if r.document_id in removed:
            continue
        meta = metas.get(r.document_id)
        if meta is None:
            meta = metas[r.document_id] = DocMeta(r.document_id, r.published, r.outlet, r.language, r.url, r.ref_date)
        data, corrected = r.data, {}
        if r.document_id in fact_corr:
            located = located_cache.get(r.document_id)
            if located is None:
                subjects = {(s.kind, s.idx): s.subject for s in conn.execute(
                    select(m.Fact.kind, m.Fact.idx, m.Fact.subject).where(m.Fact.document_id == r.document_id))}
                located = located_cache[r.document_id] = locate(fact_corr[r.document_id], subjects)
            data, corrected = apply_fact_corrections(r.data, located.get((kind, r.idx), []))
            if data is None:
                continue  # rejected by a person
        out.append(FactIn(meta, r.idx, data, corrected))
    return out


