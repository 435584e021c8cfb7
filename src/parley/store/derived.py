"""The derived rows of one block, written from its consolidated entities: the entity tables,
their sources and members, what lists and the review queue show (brief, open flags, first
source), the corrections each entity applies, the co-attendance network and the search index.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, tuple_
from sqlalchemy.engine import Connection

from parley.kb.labels import meeting_label
from parley.kb.model import DocMeta, Entity
from parley.kb.statements import quote_norm
from parley.store import fulltext
from parley.store import models as m


def search_text(text: str) -> str:
    """Lower case without diacritics, punctuation as spaces: what word search matches against
    (SQLite's LIKE folds only ASCII case, so Cyrillic is folded here, for both databases)."""
    return " " + quote_norm(text) + " "


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


def meeting_keys_elsewhere(conn: Connection, block: str, keys: list[str]) -> dict[str, str]:
    """Which of these meeting keys another block's rows hold (key -> that block)."""
    out: dict[str, str] = {}
    for i in range(0, len(keys), 500):
        out |= {r.key: r.block for r in conn.execute(select(m.Meeting.key, m.Meeting.block).where(
            m.Meeting.key.in_(keys[i:i + 500]), m.Meeting.block != block))}
    return out


def replace_block(conn: Connection, kind: str, block: str, entities: list[Entity], docs: dict[str, DocMeta]) -> None:
    """The block's derived rows replaced by these entities' (none: the block is emptied)."""
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
                "brief": m.meeting_brief(e.flags, ((mem.kind, mem.value[:m.KEY], mem.label) for mem in e.members)),
                "label": meeting_label(v, ((mem.kind, mem.value, mem.label) for mem in e.members),
                                       e.extra.get("body"))})
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
