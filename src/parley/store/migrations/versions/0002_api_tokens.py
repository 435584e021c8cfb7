"""api_tokens: the web API's write tokens, as salted hashes

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Earlier versions of the web app created this table on first use, outside the migrations:
    # a database that has it already keeps it (same columns).
    if sa.inspect(op.get_bind()).has_table('api_tokens'):
        return
    op.create_table('api_tokens',
    sa.Column('id', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('salt', sa.String(length=32), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('revoked_at', sa.String(length=32), nullable=True),
    sa.Column('last_used_at', sa.String(length=32), nullable=True),
    sa.Column('uses', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade() -> None:
    op.drop_table('api_tokens')
