"""meetings.sort_key (the list order, indexed with the rejected filter), meetings.flags_brief
(flags with a document count per value), so lists are filtered, sorted and paged in SQL and
carry counts instead of document id lists

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from alembic import op

from parley.store.models import co_attendance

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

ORDER = ('key', 'block', 'series', 'ordinal', 'name', 'format', 'status', 'start', 'end', 'place', 'country', 'chair',
         'chair_key', 'confidence', 'documents', 'first_reported', 'reviewed', 'rejected', 'sort_key', 'flags_brief',
         'flags', 'fields', 'corrections')


def brief_flags(flags: list[Any]) -> list[Any]:
    """Flags with a document count per value, as this revision wrote them (0008 replaced them)."""
    return [{**f, "values": [{**v, "documents": len(v["documents"])} if isinstance(v.get("documents"), list) else v
                             for v in f["values"]]} if isinstance(f.get("values"), list) else f
            for f in flags or []]


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
    # SQLite rebuilds the table: the columns lists read go before the large JSON ones (a column
    # stored after a 600 KB ``fields`` costs reading through it).
    with op.batch_alter_table('meetings', partial_reordering=[ORDER]) as batch:
        batch.alter_column('flags_brief', existing_type=sa.JSON(), nullable=False)
        batch.alter_column('sort_key', existing_type=sa.String(length=16), nullable=False)
        batch.drop_index('ix_meetings_series')
        batch.create_index('ix_meetings_order', ['rejected', 'sort_key', 'key', 'status'], unique=False)
        batch.create_index('ix_meetings_series_order', ['series', 'rejected', 'sort_key', 'key'], unique=False)
    # The meetings of a state, topic or person from the index alone (filters, the network).
    with op.batch_alter_table('meeting_members') as batch:
        batch.drop_index('ix_meeting_members_value')
        batch.create_index('ix_meeting_members_value', ['kind', 'value', 'meeting_key'], unique=False)

    # The co-attendance network, counted once here and kept current by consolidation.
    op.create_table('network_nodes',
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('value', sa.String(length=255), nullable=False),
    sa.Column('meetings', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('kind', 'value')
    )
    op.create_index('ix_network_nodes_meetings', 'network_nodes', ['meetings'], unique=False)
    op.create_table('network_edges',
    sa.Column('kind_a', sa.String(length=12), nullable=False),
    sa.Column('value_a', sa.String(length=255), nullable=False),
    sa.Column('kind_b', sa.String(length=12), nullable=False),
    sa.Column('value_b', sa.String(length=255), nullable=False),
    sa.Column('weight', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('kind_a', 'value_a', 'kind_b', 'value_b')
    )
    op.create_index('ix_network_edges_weight', 'network_edges', ['weight', 'kind_a', 'value_a', 'kind_b', 'value_b'],
                    unique=False)
    members: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for r in conn.execute(sa.text(
            "SELECT mm.meeting_key, mm.kind, mm.value FROM meeting_members mm JOIN meetings mt ON mt.key = "
            "mm.meeting_key WHERE mt.rejected = :no AND mm.kind IN ('person', 'state', 'organization')"),
            {"no": False}):
        members[r.meeting_key].add((r.kind, r.value))
    nodes, edges = co_attendance(members.values())
    if nodes:
        op.bulk_insert(sa.table('network_nodes', sa.column('kind'), sa.column('value'), sa.column('meetings')),
                       [{"kind": k, "value": v, "meetings": n} for (k, v), n in nodes.items()])
    if edges:
        op.bulk_insert(sa.table('network_edges', sa.column('kind_a'), sa.column('value_a'), sa.column('kind_b'),
                                sa.column('value_b'), sa.column('weight')),
                       [{"kind_a": a, "value_a": b, "kind_b": c, "value_b": d, "weight": n}
                        for (a, b, c, d), n in edges.items()])


def downgrade() -> None:
    op.drop_table('network_edges')
    op.drop_table('network_nodes')
    with op.batch_alter_table('meeting_members') as batch:
        batch.drop_index('ix_meeting_members_value')
        batch.create_index('ix_meeting_members_value', ['kind', 'value'], unique=False)
    with op.batch_alter_table('meetings') as batch:
        batch.drop_index('ix_meetings_series_order')
        batch.drop_index('ix_meetings_order')
        batch.create_index('ix_meetings_series', ['series'], unique=False)
        batch.drop_column('sort_key')
        batch.drop_column('flags_brief')
