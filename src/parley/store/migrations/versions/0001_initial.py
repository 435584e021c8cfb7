"""knowledge base: documents, facts, corrections, derived entities

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('agreement_sources',
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('fact_idx', sa.Integer(), nullable=False),
    sa.Column('agreement_key', sa.String(length=255), nullable=False),
    sa.Column('block', sa.String(length=255), nullable=False),
    sa.Column('meeting_idx', sa.Integer(), nullable=True),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('document_id', 'fact_idx')
    )
    with op.batch_alter_table('agreement_sources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_sources_agreement_key'), ['agreement_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreement_sources_block'), ['block'], unique=False)

    op.create_table('agreements',
    sa.Column('key', sa.String(length=255), nullable=False),
    sa.Column('block', sa.String(length=255), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('title_en', sa.Text(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=True),
    sa.Column('parties', sa.JSON(), nullable=False),
    sa.Column('signatories', sa.JSON(), nullable=False),
    sa.Column('signed', sa.String(length=10), nullable=True),
    sa.Column('valid_from', sa.Integer(), nullable=True),
    sa.Column('valid_to', sa.Integer(), nullable=True),
    sa.Column('sequence', sa.String(length=255), nullable=True),
    sa.Column('predecessor', sa.String(length=255), nullable=True),
    sa.Column('successor', sa.String(length=255), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('documents', sa.Integer(), nullable=False),
    sa.Column('reviewed', sa.Boolean(), nullable=False),
    sa.Column('rejected', sa.Boolean(), nullable=False),
    sa.Column('flags', sa.JSON(), nullable=False),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('corrections', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    with op.batch_alter_table('agreements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreements_block'), ['block'], unique=False)

    op.create_table('corrections',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('target_kind', sa.String(length=12), nullable=False),
    sa.Column('target_key', sa.String(length=255), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=True),
    sa.Column('action', sa.String(length=10), nullable=False),
    sa.Column('old_value', sa.JSON(), nullable=True),
    sa.Column('new_value', sa.JSON(), nullable=True),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('anchor', sa.JSON(), nullable=True),
    sa.Column('reverts', sa.Integer(), nullable=True),
    sa.Column('reverted_by', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('corrections', schema=None) as batch_op:
        batch_op.create_index('ix_corrections_target', ['target_kind', 'target_key'], unique=False)

    op.create_table('dirty_blocks',
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('block', sa.String(length=255), nullable=False),
    sa.PrimaryKeyConstraint('kind', 'block')
    )
    op.create_table('documents',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('origin', sa.Text(), nullable=True),
    sa.Column('url', sa.String(length=2048), nullable=True),
    sa.Column('outlet', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('language', sa.String(length=16), nullable=True),
    sa.Column('published', sa.String(length=10), nullable=True),
    sa.Column('ref_date', sa.String(length=10), nullable=True),
    sa.Column('extractor', sa.String(length=100), nullable=False),
    sa.Column('record_sha', sa.String(length=64), nullable=False),
    sa.Column('record', sa.JSON(), nullable=False),
    sa.Column('raw_text', sa.Text(), nullable=True),
    sa.Column('superseded_by', sa.String(length=64), nullable=True),
    sa.Column('ingested_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_superseded_by'), ['superseded_by'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_url'), ['url'], unique=False)

    op.create_table('meeting_members',
    sa.Column('meeting_key', sa.String(length=255), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('value', sa.String(length=255), nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('block', sa.String(length=255), nullable=False),
    sa.Column('sources', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('meeting_key', 'kind', 'value')
    )
    with op.batch_alter_table('meeting_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_members_block'), ['block'], unique=False)
        batch_op.create_index('ix_meeting_members_value', ['kind', 'value'], unique=False)

    op.create_table('meeting_sources',
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('fact_idx', sa.Integer(), nullable=False),
    sa.Column('meeting_key', sa.String(length=255), nullable=False),
    sa.Column('block', sa.String(length=255), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=True),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('document_id', 'fact_idx')
    )
    with op.batch_alter_table('meeting_sources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_sources_block'), ['block'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_sources_meeting_key'), ['meeting_key'], unique=False)

    op.create_table('meetings',
    sa.Column('key', sa.String(length=255), nullable=False),
    sa.Column('block', sa.String(length=255), nullable=False),
    sa.Column('series', sa.String(length=80), nullable=True),
    sa.Column('ordinal', sa.Integer(), nullable=True),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('format', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('start', sa.String(length=10), nullable=True),
    sa.Column('end', sa.String(length=10), nullable=True),
    sa.Column('place', sa.Text(), nullable=True),
    sa.Column('country', sa.String(length=3), nullable=True),
    sa.Column('chair', sa.Text(), nullable=True),
    sa.Column('chair_key', sa.String(length=255), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('documents', sa.Integer(), nullable=False),
    sa.Column('first_reported', sa.String(length=10), nullable=True),
    sa.Column('reviewed', sa.Boolean(), nullable=False),
    sa.Column('rejected', sa.Boolean(), nullable=False),
    sa.Column('flags', sa.JSON(), nullable=False),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('corrections', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meetings_block'), ['block'], unique=False)
        batch_op.create_index(batch_op.f('ix_meetings_series'), ['series'], unique=False)
        batch_op.create_index(batch_op.f('ix_meetings_start'), ['start'], unique=False)

    op.create_table('people',
    sa.Column('key', sa.String(length=255), nullable=False),
    sa.Column('block', sa.String(length=255), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('aliases', sa.JSON(), nullable=False),
    sa.Column('official', sa.Boolean(), nullable=False),
    sa.Column('first_seen', sa.String(length=10), nullable=True),
    sa.Column('last_seen', sa.String(length=10), nullable=True),
    sa.Column('documents', sa.Integer(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('reviewed', sa.Boolean(), nullable=False),
    sa.Column('rejected', sa.Boolean(), nullable=False),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('corrections', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_people_block'), ['block'], unique=False)

    op.create_table('person_aliases',
    sa.Column('alias', sa.String(length=255), nullable=False),
    sa.Column('person_key', sa.String(length=255), nullable=False),
    sa.Column('block', sa.String(length=255), nullable=False),
    sa.PrimaryKeyConstraint('alias', 'person_key')
    )
    with op.batch_alter_table('person_aliases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_aliases_block'), ['block'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_aliases_person_key'), ['person_key'], unique=False)

    op.create_table('person_offices',
    sa.Column('person_key', sa.String(length=255), nullable=False),
    sa.Column('office_key', sa.String(length=255), nullable=False),
    sa.Column('block', sa.String(length=255), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=3), nullable=True),
    sa.Column('organization', sa.Text(), nullable=True),
    sa.Column('first_seen', sa.String(length=10), nullable=True),
    sa.Column('last_seen', sa.String(length=10), nullable=True),
    sa.Column('documents', sa.Integer(), nullable=False),
    sa.Column('sources', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('person_key', 'office_key')
    )
    with op.batch_alter_table('person_offices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_offices_block'), ['block'], unique=False)
        batch_op.create_index('ix_person_offices_office', ['office_key'], unique=False)

    op.create_table('person_sources',
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('fact_idx', sa.Integer(), nullable=False),
    sa.Column('person_key', sa.String(length=255), nullable=False),
    sa.Column('block', sa.String(length=255), nullable=False),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('document_id', 'fact_idx')
    )
    with op.batch_alter_table('person_sources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_sources_block'), ['block'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_sources_person_key'), ['person_key'], unique=False)

    op.create_table('statement_sources',
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('fact_idx', sa.Integer(), nullable=False),
    sa.Column('statement_key', sa.String(length=255), nullable=False),
    sa.Column('block', sa.String(length=255), nullable=False),
    sa.Column('meeting_idx', sa.Integer(), nullable=True),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('document_id', 'fact_idx')
    )
    with op.batch_alter_table('statement_sources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_statement_sources_block'), ['block'], unique=False)
        batch_op.create_index(batch_op.f('ix_statement_sources_statement_key'), ['statement_key'], unique=False)

    op.create_table('statements',
    sa.Column('key', sa.String(length=255), nullable=False),
    sa.Column('block', sa.String(length=255), nullable=False),
    sa.Column('speaker', sa.Text(), nullable=True),
    sa.Column('speaker_key', sa.String(length=255), nullable=True),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('search', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=16), nullable=True),
    sa.Column('date', sa.String(length=10), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('documents', sa.Integer(), nullable=False),
    sa.Column('reviewed', sa.Boolean(), nullable=False),
    sa.Column('rejected', sa.Boolean(), nullable=False),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('corrections', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    with op.batch_alter_table('statements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_statements_block'), ['block'], unique=False)
        batch_op.create_index(batch_op.f('ix_statements_speaker_key'), ['speaker_key'], unique=False)

    op.create_table('facts',
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('block', sa.String(length=255), nullable=False),
    sa.Column('subject', sa.Text(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id', 'kind', 'idx')
    )
    with op.batch_alter_table('facts', schema=None) as batch_op:
        batch_op.create_index('ix_facts_kind_block', ['kind', 'block'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('facts', schema=None) as batch_op:
        batch_op.drop_index('ix_facts_kind_block')

    op.drop_table('facts')
    with op.batch_alter_table('statements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_statements_speaker_key'))
        batch_op.drop_index(batch_op.f('ix_statements_block'))

    op.drop_table('statements')
    with op.batch_alter_table('statement_sources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_statement_sources_statement_key'))
        batch_op.drop_index(batch_op.f('ix_statement_sources_block'))

    op.drop_table('statement_sources')
    with op.batch_alter_table('person_sources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_sources_person_key'))
        batch_op.drop_index(batch_op.f('ix_person_sources_block'))

    op.drop_table('person_sources')
    with op.batch_alter_table('person_offices', schema=None) as batch_op:
        batch_op.drop_index('ix_person_offices_office')
        batch_op.drop_index(batch_op.f('ix_person_offices_block'))

    op.drop_table('person_offices')
    with op.batch_alter_table('person_aliases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_aliases_person_key'))
        batch_op.drop_index(batch_op.f('ix_person_aliases_block'))

    op.drop_table('person_aliases')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_people_block'))

    op.drop_table('people')
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meetings_start'))
        batch_op.drop_index(batch_op.f('ix_meetings_series'))
        batch_op.drop_index(batch_op.f('ix_meetings_block'))

    op.drop_table('meetings')
    with op.batch_alter_table('meeting_sources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_sources_meeting_key'))
        batch_op.drop_index(batch_op.f('ix_meeting_sources_block'))

    op.drop_table('meeting_sources')
    with op.batch_alter_table('meeting_members', schema=None) as batch_op:
        batch_op.drop_index('ix_meeting_members_value')
        batch_op.drop_index(batch_op.f('ix_meeting_members_block'))

    op.drop_table('meeting_members')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_url'))
        batch_op.drop_index(batch_op.f('ix_documents_superseded_by'))

    op.drop_table('documents')
    op.drop_table('dirty_blocks')
    with op.batch_alter_table('corrections', schema=None) as batch_op:
        batch_op.drop_index('ix_corrections_target')

    op.drop_table('corrections')
    with op.batch_alter_table('agreements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreements_block'))

    op.drop_table('agreements')
    with op.batch_alter_table('agreement_sources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_sources_block'))
        batch_op.drop_index(batch_op.f('ix_agreement_sources_agreement_key'))

    op.drop_table('agreement_sources')
