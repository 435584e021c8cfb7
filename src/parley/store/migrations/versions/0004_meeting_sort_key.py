"""meetings.sort_key (the list order, indexed with the rejected filter) and meetings.flags_brief
(flags with a document count per value), so lists are filtered, sorted and paged in SQL and
carry counts instead of document id lists

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from parley.store.models import brief_flags

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('meetings') as batch:
        batch.add_column(sa.Column('flags_brief', sa.JSON(), nullable=True))
        batch.add_column(sa.Column('sort_key', sa.String(length=16), nullable=True))
    conn = op.get_bind()
    # The values consolidation writes (models.meeting_sort_key, models.brief_flags), for the rows
    # already there: a store reads right after the upgrade, without a full consolidation.
    conn.execute(sa.text("UPDATE meetings SET sort_key = CASE WHEN start IS NULL THEN '1' ELSE '0' || start END"))
    meetings = sa.table('meetings', sa.column('key', sa.String), sa.column('flags', sa.JSON),
                        sa.column('flags_brief', sa.JSON))
    rows = conn.execute(sa.select(meetings.c.key, meetings.c.flags)).all()
    update = sa.update(meetings).where(meetings.c.key == sa.bindparam('k')).values(flags_brief=sa.bindparam('b'))
    for i in range(0, len(rows), 1000):
        chunk = rows[i:i + 1000]
        conn.execute(update, [{"k": r.key, "b": brief_flags(r.flags)} for r in chunk])
    with op.batch_alter_table('meetings') as batch:
        batch.alter_column('flags_brief', existing_type=sa.JSON(), nullable=False)
        batch.alter_column('sort_key', existing_type=sa.String(length=16), nullable=False)
        batch.create_index('ix_meetings_order', ['rejected', 'sort_key', 'key'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('meetings') as batch:
        batch.drop_index('ix_meetings_order')
        batch.drop_column('sort_key')
        batch.drop_column('flags_brief')
