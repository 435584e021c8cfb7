"""meetings.label: the meeting's canonical one-line label in English (kb.labels.meeting_label),
kept with what lists read, before the large JSON

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

from collections import defaultdict

import sqlalchemy as sa
from alembic import op

from parley.kb.labels import meeting_label

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

ORDER = ('key', 'block', 'series', 'ordinal', 'name', 'format', 'status', 'start', 'end', 'place', 'country', 'chair',
         'chair_key', 'confidence', 'documents', 'first_reported', 'reviewed', 'rejected', 'sort_key', 'brief', 'label',
         'open_conflicts', 'first_source', 'open_flags', 'flags', 'fields', 'corrections')
VALUES = ('series', 'ordinal', 'format', 'place', 'country', 'start', 'end')


def upgrade() -> None:
    with op.batch_alter_table('meetings') as batch:
        batch.add_column(sa.Column('label', sa.Text(), server_default='', nullable=False))
    conn = op.get_bind()
    members: dict[str, list[tuple[str, str, str | None]]] = defaultdict(list)
    for r in conn.execute(sa.text("SELECT meeting_key, kind, value, label FROM meeting_members")):
        members[r.meeting_key].append((r.kind, r.value, r.label))
    meetings = sa.table('meetings', sa.column('key', sa.String), sa.column('label', sa.Text),
                        *(sa.column(c) for c in VALUES))
    update = sa.update(meetings).where(meetings.c.key == sa.bindparam('k')).values(label=sa.bindparam('l'))
    # The labels as this code builds them; the body that met is known only to consolidation (a
    # meeting without a series gets it at its next rebuild, `parley db consolidate --all` for all).
    rows = conn.execute(sa.select(meetings.c.key, *(meetings.c[c] for c in VALUES))).all()
    for i in range(0, len(rows), 1000):
        conn.execute(update, [{"k": r.key, "l": meeting_label(dict(r._mapping), members.get(r.key, []))}
                              for r in rows[i:i + 1000]])
    # SQLite rebuilds the table: the label goes with what lists read, before the large JSON.
    with op.batch_alter_table('meetings', partial_reordering=[ORDER]) as batch:
        batch.alter_column('label', existing_type=sa.Text(), existing_nullable=False)


def downgrade() -> None:
    with op.batch_alter_table('meetings') as batch:
        batch.drop_column('label')
