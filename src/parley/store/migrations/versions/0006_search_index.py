"""search_entries and the database's full-text index over them (SQLite FTS5 tables and their
triggers, PostgreSQL a GIN index on a weighted tsvector), filled from the store's documents and
entities: an older store can be searched as soon as it is upgraded.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from parley.store import fulltext

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('search_entries',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('key', sa.String(length=255), nullable=False),
    sa.Column('block', sa.String(length=255), nullable=True),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_search_entries_kind_key', 'search_entries', ['kind', 'key'], unique=True)
    op.create_index('ix_search_entries_kind_block', 'search_entries', ['kind', 'block'])
    conn = op.get_bind()
    fulltext.create_index(conn)
    fulltext.index_all(conn)


def downgrade() -> None:
    fulltext.drop_index(op.get_bind())
    op.drop_index('ix_search_entries_kind_block', table_name='search_entries')
    op.drop_index('ix_search_entries_kind_key', table_name='search_entries')
    op.drop_table('search_entries')
