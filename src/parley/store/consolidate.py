"""Rebuild the derived tables of every dirty block from its facts and the corrections.

One transaction per block: the block's derived rows are replaced and its dirty mark removed
together, so an interrupted consolidation resumes where it stopped, and a block rebuilt
incrementally is identical to the same block rebuilt from scratch (``parley db consolidate
--all``). The merging rules themselves are in parley.resolve.consolidate.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, bindparam, delete, func, insert, select, tuple_
from sqlalchemy.engine import Connection

from parley.resolve import consolidate as logic
from parley.resolve.consolidate import DocMeta, Entity, FactIn, apply_fact_corrections
from parley.store import fulltext
from parley.store import models as m
from parley.store.corrections import entity_corrections, fact_corrections, locate, removed_documents
from parley.store.db import Store, StoreError
from parley.store.ingest import mark_dirty


def search_text(text: str) -> str:
    """Lower case without diacritics, punctuation as spaces: what word search matches against
    (SQLite's LIKE folds only ASCII case, so Cyrillic is folded here, for both databases)."""
    return " " + logic.quote_norm(text) + " "


_TX_FACTS = 20_000
ANALYZE_AFTER = 200  # blocks rebuilt in one run: enough change to refresh SQLite's statistics
ORDER = ("meeting", "person", "agreement", "statement")
RUNNERS: dict[str, Callable[..., list[Entity]]] = {
    "meeting": logic.consolidate_meetings,
    "person": logic.consolidate_people,
    "agreement": logic.consolidate_agreements,
    "statement": logic.consolidate_statements,
}


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

    def rebuild(self, kind: str, block: str) -> tuple[int, int]:
        """Replace the block's derived rows; (entities, facts)."""
        facts = _load_facts(self.conn, kind, block, self.fact_corr, self.located, self.removed)
        entities = RUNNERS[kind](block, facts, self.corrections.get(kind, []))
        _replace(self.conn, kind, block, entities, {f.doc.id: f.doc for f in facts})
        self.conn.execute(delete(m.Dirty).where(m.Dirty.kind == kind, m.Dirty.block == block))
        if (kind, block) in self.failed:
            self.conn.execute(delete(m.BlockFailure).where(m.BlockFailure.kind == kind,
                                                           m.BlockFailure.block == block))
            self.failed.discard((kind, block))
        return len(entities), len(facts)


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


REVIEW_FLAGS = ("conflict", "duplicate_ordinal")


# Sources kept per value of a flag for the review queue (each value says how many it has).
SOURCES_PER_VALUE = 3


def open_flags(flags: list[dict[str, Any]] | None, fields: dict[str, Any]) -> list[dict[str, Any]]:
    """The flags that still need a person (conflicts and duplicate ordinals no correction
    resolved), as the review queue shows them: each value with how many documents give it and
    its first few sources."""
    out = []
    for f in flags or []:
        if f.get("resolved_by") or f.get("code") not in REVIEW_FLAGS:
            continue
        entries = fields.get(f.get("field"), [])
        values = []
        for v in f.get("values", []):
            srcs = [s for s in next((e["sources"] for e in entries if e.get("value") == v["value"]), [])
                    if "document" in s]
            values.append({"value": v["value"], "documents": len(v.get("documents", [])),
                           "sources": srcs[:SOURCES_PER_VALUE], "sources_total": len(srcs)})
        out.append({"code": f["code"], "field": f.get("field"), "values": values})
    return out


def first_source(e: Entity, docs: dict[str, DocMeta]) -> dict[str, Any] | None:
    """The entity's first source by publication date (undated ones first, as SQL sorts nulls
    in SQLite), with its evidence spans: the review queue's link to the evidence."""
    def order(s) -> tuple[bool, str, str, int]:
        published = docs[s.document_id].published if s.document_id in docs else None
        return (published is not None, published or "", s.document_id, s.index)

    first = min(e.sources, key=order, default=None)
    if first is None:
        return None
    doc = docs.get(first.document_id)
    return {"document": first.document_id, "item": first.index, "spans": first.evidence or [],
            "outlet": doc.outlet if doc else None, "published": doc.published if doc else None}


def _replace(conn: Connection, kind: str, block: str, entities: list[Entity], docs: dict[str, DocMeta]) -> None:
    if kind == "meeting":
        _update_network(conn, block, entities)
    for table in m.DERIVED[kind]:
        conn.execute(delete(table).where(table.block == block))
    conn.execute(delete(m.AppliedCorrection).where(m.AppliedCorrection.kind == kind,
                                                   m.AppliedCorrection.block == block))
    if not entities:
        fulltext.index_block(conn, kind, block)
        return
    rows: dict[type, list[dict[str, Any]]] = defaultdict(list)
    for e in entities:
        common = {"key": e.key, "block": block, "confidence": e.confidence, "reviewed": e.reviewed,
                  "rejected": e.rejected, "fields": e.fields, "corrections": e.corrections,
                  "documents": e.extra.get("documents", len({s.document_id for s in e.sources})),
                  "first_source": first_source(e, docs)}
        shown = open_flags(e.flags, e.fields)
        rows[m.AppliedCorrection] += [{"correction_id": c, "kind": kind, "entity_key": e.key, "block": block}
                                      for c in sorted(set(e.corrections))]
        v = e.values
        if kind == "meeting":
            rows[m.Meeting].append({**common, **{k: v.get(k) for k in (
                "series", "ordinal", "name", "status", "start", "end", "place", "country", "chair", "chair_key")},
                "format": v.get("format") or "multilateral", "first_reported": e.extra.get("first_reported"),
                "flags": e.flags, "sort_key": m.meeting_sort_key(v.get("start")),
                "open_conflicts": len(shown), "open_flags": shown,
                "brief": m.meeting_brief(e.flags, ((mem.kind, mem.value[:m.KEY], mem.label) for mem in e.members))})
            for s in e.sources:
                rows[m.MeetingSource].append({"document_id": s.document_id, "fact_idx": s.index, "meeting_key": e.key,
                                              "block": block, "status": s.status, "evidence": s.evidence})
            for mem in e.members:
                rows[m.MeetingMember].append({"meeting_key": e.key, "kind": mem.kind, "value": mem.value[:m.KEY],
                                              "label": mem.label, "block": block, "sources": mem.sources})
        elif kind == "person":
            rows[m.Person].append({**common, "name": v["name"], "aliases": v["aliases"],
                                   "official": v["official"], "first_seen": v["first_seen"],
                                   "last_seen": v["last_seen"]})
            aliases = {f"key:{k}" for k in e.extra["alias_keys"]} | {f"name:{s}"[:m.KEY]
                                                                     for s in e.extra["spellings"]}
            for a in sorted(aliases):
                rows[m.PersonAlias].append({"alias": a, "person_key": e.key, "block": block})
            for o in e.extra["offices"]:
                rows[m.PersonOffice].append({"person_key": e.key, "office_key": o["key"][:m.KEY], "block": block,
                                             "title": o["title"], "state": o["state"],
                                             "organization": o["organization"], "first_seen": o["first_seen"],
                                             "last_seen": o["last_seen"], "documents": o["documents"],
                                             "sources": o["sources"]})
            for s in e.sources:
                rows[m.PersonSource].append({"document_id": s.document_id, "fact_idx": s.index, "person_key": e.key,
                                             "block": block, "evidence": s.evidence})
        elif kind == "agreement":
            rows[m.Agreement].append({**common, **{k: v.get(k) for k in (
                "title", "title_en", "kind", "parties", "signatories", "signed", "valid_from", "valid_to",
                "sequence", "predecessor", "successor")}, "flags": e.flags, "open_conflicts": len(shown),
                "open_flags": shown})
            for s in e.sources:
                rows[m.AgreementSource].append({"document_id": s.document_id, "fact_idx": s.index,
                                                "agreement_key": e.key, "block": block,
                                                "meeting_idx": s.meeting_index, "evidence": s.evidence})
        else:
            rows[m.Statement].append({**common, **{k: v.get(k) for k in (
                "speaker", "speaker_key", "quote", "language", "date")}, "date_sort": v.get("date") or m.UNDATED,
                "search": search_text(f"{v.get('speaker') or ''} {v.get('quote') or ''}")})
            for s in e.sources:
                rows[m.StatementSource].append({"document_id": s.document_id, "fact_idx": s.index,
                                                "statement_key": e.key, "block": block,
                                                "meeting_idx": s.meeting_index, "evidence": s.evidence})
    for table in (*m.DERIVED[kind], m.AppliedCorrection):
        if rows.get(table):
            conn.execute(insert(table), rows[table])
    fulltext.index_block(conn, kind, block)


def _update_network(conn: Connection, block: str, entities: list[Entity]) -> None:
    """Keep the co-attendance network (network_nodes, network_edges: sums over every block)
    current: what the block's meetings counted before (its rows, still there) is taken out and
    what they count now is put in; a block rebuilt unchanged writes nothing."""
    mm = m.MeetingMember
    before: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for r in conn.execute(select(mm.meeting_key, mm.kind, mm.value).join(m.Meeting, m.Meeting.key == mm.meeting_key)
                          .where(mm.block == block, mm.kind.in_(m.NETWORK_KINDS), m.Meeting.rejected.is_(False))):
        before[r.meeting_key].add((r.kind, r.value))
    nodes, edges = m.co_attendance({(x.kind, x.value[:m.KEY]) for x in e.members if x.kind in m.NETWORK_KINDS}
                                   for e in entities if not e.rejected)
    old_nodes, old_edges = m.co_attendance(before.values())
    nodes.subtract(old_nodes)
    edges.subtract(old_edges)
    _add_counts(conn, m.NetworkNode.__table__, ("kind", "value"), "meetings", nodes)
    _add_counts(conn, m.NetworkEdge.__table__, ("kind_a", "value_a", "kind_b", "value_b"), "weight", edges)


def _add_counts(conn: Connection, table, key: tuple[str, ...], count: str, deltas: dict[tuple, int]) -> None:
    """Add ``deltas`` to the ``count`` column of the rows with these keys (new rows for new keys);
    rows that fall to zero go."""
    changed = [k for k, d in deltas.items() if d]
    if not changed:
        return
    cols = [table.c[c] for c in key]
    existing: set[tuple] = set()
    for i in range(0, len(changed), 200):
        existing |= {tuple(r) for r in conn.execute(select(*cols).where(tuple_(*cols).in_(changed[i:i + 200])))}
    names = [f"k{i}" for i in range(len(key))]
    updates = [{**dict(zip(names, k, strict=True)), "d": deltas[k]} for k in changed if k in existing]
    if updates:
        conn.execute(table.update().where(*(c == bindparam(n) for c, n in zip(cols, names, strict=True)))
                     .values({count: table.c[count] + bindparam("d")}), updates)
    inserts = [{**dict(zip(key, k, strict=True)), count: deltas[k]} for k in changed if k not in existing]
    if inserts:
        conn.execute(insert(table), inserts)
    conn.execute(delete(table).where(table.c[count] <= 0))
