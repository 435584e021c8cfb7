"""documents.text_sha and document_copies: a report's text under another URL, or fetched again
with other page furniture, is recorded as a copy of the stored document, not as a second source

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('documents', sa.Column('text_sha', sa.String(length=64), nullable=True))
    op.create_index('ix_documents_text_sha', 'documents', ['text_sha'], unique=False)
    op.create_table('document_copies',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('origin', sa.Text(), nullable=True),
    sa.Column('url', sa.String(length=2048), nullable=True),
    sa.Column('outlet', sa.Text(), nullable=True),
    sa.Column('published', sa.String(length=10), nullable=True),
    sa.Column('ingested_at', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_document_copies_document_id', 'document_copies', ['document_id'], unique=False)
    op.create_index('ix_document_copies_url', 'document_copies', ['url'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_document_copies_url', table_name='document_copies')
    op.drop_index('ix_document_copies_document_id', table_name='document_copies')
    op.drop_table('document_copies')
    # Not in batch mode: on SQLite that copies the table, and dropping the old copy would cascade
    # to every document's facts. SQLite drops an unindexed column in place since 3.35.
    op.drop_index('ix_documents_text_sha', table_name='documents')
    op.drop_column('documents', 'text_sha')
