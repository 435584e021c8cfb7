"""review queue and correction status precomputed: open_conflicts on the entity tables (indexed with
rejected, reviewed, confidence), their first_source and (meetings, agreements) open_flags;
applied_corrections (which entity applies which correction)

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

_ENTITIES = (("meeting", "meetings"), ("person", "people"), ("agreement", "agreements"),
             ("statement", "statements"))
_CONFLICTS = ("conflict", "duplicate_ordinal")
_SOURCE_TABLE = {"meeting": ("meeting_sources", "meeting_key"), "person": ("person_sources", "person_key"),
                 "agreement": ("agreement_sources", "agreement_key"),
                 "statement": ("statement_sources", "statement_key")}
_SOURCES_PER_VALUE = 3


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def upgrade() -> None:
    for _, table in _ENTITIES:
        op.add_column(table, sa.Column('open_conflicts', sa.Integer(), server_default='0', nullable=False))
        op.add_column(table, sa.Column('first_source', sa.JSON(), nullable=True))
        if table in ('meetings', 'agreements'):
            op.add_column(table, sa.Column('open_flags', sa.JSON(), nullable=True))
        op.create_index(f'ix_{table}_review', table, ['rejected', 'open_conflicts', 'reviewed', 'confidence', 'key'])
    op.create_table('applied_corrections',
    sa.Column('correction_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('entity_key', sa.String(length=255), nullable=False),
    sa.Column('block', sa.String(length=255), nullable=False),
    sa.PrimaryKeyConstraint('correction_id', 'kind', 'entity_key')
    )
    op.create_index('ix_applied_corrections_block', 'applied_corrections', ['kind', 'block'])
    # The derived values of the rows already there, as consolidation now writes them (so the
    # queue and the corrections' status are right without a full rebuild).
    conn = op.get_bind()
    applied = sa.table('applied_corrections', sa.column('correction_id'), sa.column('kind'),
                       sa.column('entity_key'), sa.column('block'))
    documents = sa.table('documents', sa.column('id'), sa.column('published'), sa.column('outlet'))
    for kind, name in _ENTITIES:
        has_flags = kind in ('meeting', 'agreement')
        table = sa.table(name, sa.column('key'), sa.column('block'), sa.column('corrections'),
                         sa.column('open_conflicts'), sa.column('first_source', sa.JSON), sa.column('flags'),
                         sa.column('fields'), sa.column('open_flags', sa.JSON))
        rows = []
        for r in conn.execute(sa.select(table.c.key, table.c.block, table.c.corrections)):
            rows += [{"correction_id": int(c), "kind": kind, "entity_key": r.key, "block": r.block}
                     for c in sorted(set(_json(r.corrections) or []))]
        if rows:
            conn.execute(sa.insert(applied), rows)
        _first_sources(conn, kind, table, documents)
        if has_flags:
            for r in conn.execute(sa.select(table.c.key, table.c.flags, table.c.fields)).all():
                shown = _open_flags(_json(r.flags), _json(r.fields) or {})
                if shown:
                    conn.execute(sa.update(table).where(table.c.key == r.key)
                                 .values(open_conflicts=len(shown), open_flags=shown))


def _first_sources(conn: Any, kind: str, table: Any, documents: Any) -> None:
    """Each entity's first source by publication date (nulls first, document, item)."""
    name, key_col = _SOURCE_TABLE[kind]
    src = sa.table(name, sa.column(key_col), sa.column('document_id'), sa.column('fact_idx'), sa.column('evidence'))
    key = src.c[key_col]
    published_first = sa.case((documents.c.published.is_(None), 0), else_=1)
    n = sa.func.row_number().over(partition_by=key, order_by=(published_first, documents.c.published,
                                                               src.c.document_id, src.c.fact_idx)).label('n')
    ranked = (sa.select(key.label('key'), src.c.document_id, src.c.fact_idx, src.c.evidence, documents.c.outlet,
                        documents.c.published, n)
              .join(documents, documents.c.id == src.c.document_id).subquery())
    for r in conn.execute(sa.select(ranked).where(ranked.c.n == 1)).all():
        conn.execute(sa.update(table).where(table.c.key == r.key).values(first_source={
            "document": r.document_id, "item": r.fact_idx, "spans": _json(r.evidence) or [], "outlet": r.outlet,
            "published": r.published}))


def _open_flags(flags: list[dict[str, Any]] | None, fields: dict[str, Any]) -> list[dict[str, Any]]:
    """As parley.store.consolidate.open_flags wrote them at this revision."""
    out = []
    for f in flags or []:
        if f.get("resolved_by") or f.get("code") not in _CONFLICTS:
            continue
        entries = fields.get(f.get("field"), [])
        values = []
        for v in f.get("values", []):
            srcs = [s for s in next((e["sources"] for e in entries if e.get("value") == v["value"]), [])
                    if "document" in s]
            values.append({"value": v["value"], "documents": len(v.get("documents", [])),
                           "sources": srcs[:_SOURCES_PER_VALUE], "sources_total": len(srcs)})
        out.append({"code": f["code"], "field": f.get("field"), "values": values})
    return out


def downgrade() -> None:
    op.drop_index('ix_applied_corrections_block', table_name='applied_corrections')
    op.drop_table('applied_corrections')
    for _, table in _ENTITIES:
        op.drop_index(f'ix_{table}_review', table_name=table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column('open_conflicts')
            batch.drop_column('first_source')
            if table in ('meetings', 'agreements'):
                batch.drop_column('open_flags')
