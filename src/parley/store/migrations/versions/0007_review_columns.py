"""review queue and correction status precomputed: open_conflicts on the entity tables (indexed with
rejected, reviewed, confidence), applied_corrections (which entity applies which correction)

Revision ID: 0007
Revises: 0003
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0003'
branch_labels = None
depends_on = None

_ENTITIES = (("meeting", "meetings"), ("person", "people"), ("agreement", "agreements"),
             ("statement", "statements"))
_CONFLICTS = ("conflict", "duplicate_ordinal")


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def upgrade() -> None:
    for _, table in _ENTITIES:
        op.add_column(table, sa.Column('open_conflicts', sa.Integer(), server_default='0', nullable=False))
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
    for kind, name in _ENTITIES:
        table = sa.table(name, sa.column('key'), sa.column('block'), sa.column('corrections'),
                         sa.column('open_conflicts'), *([sa.column('flags')] if kind in ('meeting', 'agreement') else []))
        has_flags = kind in ('meeting', 'agreement')
        cols = [table.c.key, table.c.block, table.c.corrections] + ([table.c.flags] if has_flags else [])
        counts: dict[str, int] = {}
        rows = []
        for r in conn.execute(sa.select(*cols)):
            rows += [{"correction_id": int(c), "kind": kind, "entity_key": r.key, "block": r.block}
                     for c in sorted(set(_json(r.corrections) or []))]
            if has_flags:
                n = sum(1 for f in _json(r.flags) or [] if not f.get("resolved_by") and f.get("code") in _CONFLICTS)
                if n:
                    counts[r.key] = n
        if rows:
            conn.execute(sa.insert(applied), rows)
        for key, n in counts.items():
            conn.execute(sa.update(table).where(table.c.key == key).values(open_conflicts=n))


def downgrade() -> None:
    op.drop_index('ix_applied_corrections_block', table_name='applied_corrections')
    op.drop_table('applied_corrections')
    for _, table in _ENTITIES:
        op.drop_index(f'ix_{table}_review', table_name=table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column('open_conflicts')
