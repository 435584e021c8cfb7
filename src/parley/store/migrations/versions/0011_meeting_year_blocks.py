"""Meeting facts are blocked by the meeting's year (parley.kb.keys.meeting_block), series or not,
so that a report naming the series and one naming only the date and place of the same meeting
are compared: each meeting fact gets its new block, and its old and new blocks wait for
consolidation (``parley db consolidate``, or the next ingest), which moves the meetings

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from alembic import op

from parley.kb.corrections import apply_fact_corrections
from parley.kb.dates import year_of
from parley.kb.keys import meeting_block
from parley.store.judgements import fact_corrections, locate

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

_facts = sa.table('facts', sa.column('document_id', sa.String), sa.column('kind', sa.String),
                  sa.column('idx', sa.Integer), sa.column('block', sa.String), sa.column('subject', sa.String),
                  sa.column('data', sa.JSON))
_documents = sa.table('documents', sa.column('id', sa.String), sa.column('ref_date', sa.String))
_dirty = sa.table('dirty_blocks', sa.column('kind', sa.String), sa.column('block', sa.String))


def _old_block(item: dict[str, Any], ref_date: str | None) -> str:
    """The meeting block before this revision: the series, else the year of the date."""
    if item.get("series"):
        return f"s:{item['series']}"
    y = year_of(item.get("start"))
    return f"y:{y}" if y else "y:-"


def _reblock(block_of: Callable[[dict[str, Any], str | None], str]) -> None:
    conn = op.get_bind()
    corrections = fact_corrections(conn)
    rows = conn.execute(sa.select(_facts.c.document_id, _facts.c.idx, _facts.c.block, _facts.c.data,
                                  _documents.c.ref_date)
                        .join(_documents, _documents.c.id == _facts.c.document_id)
                        .where(_facts.c.kind == 'meeting')).all()
    located: dict[str, dict] = {}
    moves: list[dict[str, Any]] = []
    dirty: set[str] = set()
    for r in rows:
        data = r.data
        if r.document_id in corrections:
            if r.document_id not in located:
                subjects = {(s.kind, s.idx): s.subject for s in conn.execute(
                    sa.select(_facts.c.kind, _facts.c.idx, _facts.c.subject).where(
                        _facts.c.document_id == r.document_id))}
                located[r.document_id] = locate(corrections[r.document_id], subjects)
            corrected, _ = apply_fact_corrections(r.data, located[r.document_id].get(('meeting', r.idx), []))
            data = corrected if corrected is not None else r.data
        block = block_of(data, r.ref_date)
        if block != r.block:
            moves.append({"d": r.document_id, "i": r.idx, "b": block})
            dirty |= {r.block, block}
    update = (sa.update(_facts).where(_facts.c.document_id == sa.bindparam('d'), _facts.c.kind == 'meeting',
                                      _facts.c.idx == sa.bindparam('i')).values(block=sa.bindparam('b')))
    for i in range(0, len(moves), 1000):
        conn.execute(update, moves[i:i + 1000])
    have = set(conn.execute(sa.select(_dirty.c.block).where(_dirty.c.kind == 'meeting')).scalars())
    new = [{"kind": "meeting", "block": b} for b in sorted(dirty - have)]
    if new:
        conn.execute(sa.insert(_dirty), new)


def upgrade() -> None:
    _reblock(meeting_block)


def downgrade() -> None:
    _reblock(_old_block)
