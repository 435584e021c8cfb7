"""statements.date_sort: a non-null, indexed sort key (the date; undated last) for keyset pagination;
indexes that page and count statements and agreements without reading their rows

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Added with its default (no table rebuild on SQLite), then filled from the dates already there.
    op.add_column('statements', sa.Column('date_sort', sa.String(length=10), server_default='9999', nullable=False))
    op.execute("UPDATE statements SET date_sort = date WHERE date IS NOT NULL")
    op.create_index('ix_statements_date_sort', 'statements', ['date_sort', 'key', 'rejected'], unique=False)
    op.create_index('ix_agreements_live', 'agreements', ['key', 'block', 'rejected'], unique=False)
    # A speaker's statements in order, from the index.
    op.drop_index('ix_statements_speaker_key', table_name='statements')
    op.create_index('ix_statements_speaker', 'statements', ['speaker_key', 'date_sort', 'key'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_statements_speaker', table_name='statements')
    op.create_index('ix_statements_speaker_key', 'statements', ['speaker_key'], unique=False)
    op.drop_index('ix_agreements_live', table_name='agreements')
    op.drop_index('ix_statements_date_sort', table_name='statements')
    op.drop_column('statements', 'date_sort')
