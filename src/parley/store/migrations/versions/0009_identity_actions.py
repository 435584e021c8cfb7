"""corrections.action takes 16 characters: identity judgements (``not_same_as`` is 11) join
accept, reject, edit, add, remove and revert

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('corrections') as batch:
        batch.alter_column('action', existing_type=sa.String(length=10), type_=sa.String(length=16),
                           existing_nullable=False)


def downgrade() -> None:
    # People's judgements are records to keep: refuse rather than drop or truncate them.
    n = op.get_bind().execute(sa.text("SELECT count(*) FROM corrections WHERE action IN "
                                      "('same_as', 'not_same_as', 'split')")).scalar()
    if n:
        raise RuntimeError(f"{n} identity judgement(s) (same_as, not_same_as, split) do not fit revision 0008; "
                           "export the corrections first (`parley export corrections`)")
    with op.batch_alter_table('corrections') as batch:
        batch.alter_column('action', existing_type=sa.String(length=16), type_=sa.String(length=10),
                           existing_nullable=False)
