"""The block each fact of a document is stored in: the one its values (after a person's fact
corrections) give, unless a same_as judgement placed it with the record it was judged the same as.

One rule for every writer of ``facts.block``: ingest (a new or re-extracted document) and
corrections (a fact corrected, a judgement made or reverted) both ask here.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from parley.kb.corrections import apply_fact_corrections
from parley.kb.keys import BLOCKERS
from parley.kb.model import EntityCorrection
from parley.store import models as m
from parley.store.judgements import Move, fact_corrections, follow, locate, moves

Item = tuple[str, int]  # kind, index


def fact_blocks(items: dict[Item, dict[str, Any]], subjects: dict[Item, str | None],
                located: dict[Item, list[EntityCorrection]], moved: list[Move],
                ref_date: str | None) -> dict[Item, str]:
    """The block of each of a document's items (``located``: its fact corrections, as
    ``judgements.locate`` finds them; ``moved``: the document's same_as moves; ``ref_date``: the
    document's reference date, which dates an undated meeting's block)."""
    out = {}
    for (kind, idx), item in items.items():
        data, _ = apply_fact_corrections(item, located.get((kind, idx), []))
        out[(kind, idx)] = BLOCKERS[kind](data if data is not None else item, ref_date)
    # The first judgement wins where two move one fact: applied last.
    for mv in sorted(moved, key=lambda mv: -mv.correction):
        idx = follow(mv.kind, mv.index, mv.subject, subjects)
        if idx is not None:
            out[(mv.kind, idx)] = mv.block
    return out


def refresh_blocks(conn: Connection, doc: str, touched: set[Item] | frozenset[Item] = frozenset(),
                   moved: dict[str, list[Move]] | None = None) -> set[tuple[str, str]]:
    """Recompute the blocks of a document's facts after a correction or a judgement changed
    what places them; the (kind, block) pairs to rebuild: both blocks of a fact that moved, and
    the block of every ``touched`` or corrected fact. ``moved``: ``moves(conn)`` when the caller
    refreshes many documents."""
    rows = conn.execute(select(m.Fact.kind, m.Fact.idx, m.Fact.subject, m.Fact.block, m.Fact.data)
                        .where(m.Fact.document_id == doc)).all()
    subjects = {(r.kind, r.idx): r.subject for r in rows}
    located = locate(fact_corrections(conn, doc).get(doc, []), subjects)
    ref = conn.execute(select(m.Document.ref_date).where(m.Document.id == doc)).scalar()
    blocks = fact_blocks({(r.kind, r.idx): r.data for r in rows}, subjects, located,
                         (moves(conn) if moved is None else moved).get(doc, []), ref)
    dirty: set[tuple[str, str]] = set()
    for r in rows:
        block = blocks[(r.kind, r.idx)]
        if block != r.block:
            conn.execute(update(m.Fact).where(m.Fact.document_id == doc, m.Fact.kind == r.kind, m.Fact.idx == r.idx)
                         .values(block=block))
            dirty |= {(r.kind, r.block), (r.kind, block)}
        elif (r.kind, r.idx) in touched or (r.kind, r.idx) in located:
            dirty.add((r.kind, block))
    return dirty
