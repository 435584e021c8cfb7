"""block_failures: blocks whose consolidation failed, kept for review instead of stopping the store

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('block_failures',
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('block', sa.String(length=255), nullable=False),
    sa.Column('documents', sa.JSON(), nullable=False),
    sa.Column('error', sa.Text(), nullable=False),
    sa.Column('failed_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('kind', 'block')
    )


def downgrade() -> None:
    op.drop_table('block_failures')
