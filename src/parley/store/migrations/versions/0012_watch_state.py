"""watch_sources, watch_items: what ``parley watch`` polled and fetched, so that a restart fetches
nothing twice

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('watch_sources',
    sa.Column('url', sa.String(length=2048), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=True),
    sa.Column('etag', sa.Text(), nullable=True),
    sa.Column('last_modified', sa.Text(), nullable=True),
    sa.Column('polled_at', sa.String(length=32), nullable=True),
    sa.Column('ok_at', sa.String(length=32), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('failures', sa.Integer(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('url')
    )
    op.create_table('watch_items',
    sa.Column('url', sa.String(length=2048), nullable=False),
    sa.Column('source', sa.String(length=2048), nullable=False),
    sa.Column('stamp', sa.Text(), nullable=True),
    sa.Column('etag', sa.Text(), nullable=True),
    sa.Column('last_modified', sa.Text(), nullable=True),
    sa.Column('document_id', sa.String(length=64), nullable=True),
    sa.Column('fetched_at', sa.String(length=32), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('attempts', sa.Integer(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('url')
    )


def downgrade() -> None:
    op.drop_table('watch_items')
    op.drop_table('watch_sources')
