"""Create the initial schema: catalogue, units, periods, targets, entries, keys, packages, audit.

Revision ID: 0001
Revises: 
Create Date: 2026-12-04 19:52:01.676034
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('attachments',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('stored_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_attachments'))
    )
    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=50), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('unit_id', sa.String(length=40), nullable=True),
    sa.Column('task_number', sa.Integer(), nullable=True),
    sa.Column('period_code', sa.String(length=10), nullable=True),
    sa.Column('package_id', sa.String(length=64), nullable=True),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_events_at'), ['at'], unique=False)

    op.create_table('catalogue_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.String(length=64), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('categories', sa.JSON(), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_catalogue_versions')),
    sa.UniqueConstraint('version', name=op.f('uq_catalogue_versions_version'))
    )
    op.create_table('imported_packages',
    sa.Column('package_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('sender_unit_id', sa.String(length=40), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('header_hash', sa.String(length=64), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('claimed_created_at', sa.DateTime(), nullable=True),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('periods', sa.JSON(), nullable=False),
    sa.Column('counts', sa.JSON(), nullable=False),
    sa.Column('is_clock_suspicious', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('package_id', name=op.f('pk_imported_packages')),
    sa.UniqueConstraint('sender_unit_id', 'kind', 'sequence', name=op.f('uq_imported_packages_sender_unit_id'))
    )
    with op.batch_alter_table('imported_packages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_imported_packages_sender_unit_id'), ['sender_unit_id'], unique=False)

    op.create_table('keys',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('owner_unit_id', sa.String(length=40), nullable=True),
    sa.Column('purpose', sa.String(length=20), nullable=False),
    sa.Column('suite', sa.String(length=10), nullable=False),
    sa.Column('public_key', sa.LargeBinary(), nullable=False),
    sa.Column('private_key', sa.LargeBinary(), nullable=True),
    sa.Column('fingerprint', sa.String(length=80), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_keys')),
    sa.UniqueConstraint('fingerprint', name=op.f('uq_keys_fingerprint'))
    )
    with op.batch_alter_table('keys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_keys_owner_unit_id'), ['owner_unit_id'], unique=False)

    op.create_table('member_units',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('duties', sa.Text(), nullable=False),
    sa.Column('is_office', sa.Boolean(), nullable=False),
    sa.Column('is_all_members', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_member_units')),
    sa.UniqueConstraint('name', name=op.f('uq_member_units_name'))
    )
    op.create_table('merge_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('package_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('unit_id', sa.String(length=40), nullable=False),
    sa.Column('task_number', sa.Integer(), nullable=False),
    sa.Column('period_code', sa.String(length=10), nullable=False),
    sa.Column('incoming', sa.JSON(), nullable=False),
    sa.Column('stored', sa.JSON(), nullable=True),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('resolution', sa.JSON(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_merge_items'))
    )
    with op.batch_alter_table('merge_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_merge_items_package_id'), ['package_id'], unique=False)

    op.create_table('meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_meta'))
    )
    op.create_table('periods',
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_periods'))
    )
    op.create_table('reporting_units',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('parent_id', sa.String(length=40), nullable=True),
    sa.Column('town_type', sa.String(length=20), nullable=False),
    sa.Column('is_provisional', sa.Boolean(), nullable=False),
    sa.Column('is_programme_town', sa.Boolean(), nullable=False),
    sa.Column('merged_into_id', sa.String(length=40), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['merged_into_id'], ['reporting_units.id'], name=op.f('fk_reporting_units_merged_into_id_reporting_units')),
    sa.ForeignKeyConstraint(['parent_id'], ['reporting_units.id'], name=op.f('fk_reporting_units_parent_id_reporting_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reporting_units'))
    )
    op.create_table('entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.String(length=40), nullable=False),
    sa.Column('task_number', sa.Integer(), nullable=False),
    sa.Column('period_code', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('value', sa.String(length=40), nullable=True),
    sa.Column('numerator', sa.String(length=40), nullable=True),
    sa.Column('denominator', sa.String(length=40), nullable=True),
    sa.Column('narrative', sa.Text(), nullable=False),
    sa.Column('responsible_person', sa.String(length=50), nullable=False),
    sa.Column('contact', sa.String(length=50), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=50), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('review_state', sa.String(length=10), nullable=False),
    sa.Column('reviewed_revision', sa.Integer(), nullable=True),
    sa.Column('is_received', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['reporting_units.id'], name=op.f('fk_entries_unit_id_reporting_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_entries')),
    sa.UniqueConstraint('unit_id', 'task_number', 'period_code', name=op.f('uq_entries_unit_id'))
    )
    with op.batch_alter_table('entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_entries_period_code'), ['period_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_entries_unit_id'), ['unit_id'], unique=False)

    op.create_table('member_unit_aliases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_unit_id', sa.Integer(), nullable=False),
    sa.Column('alias', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['member_unit_id'], ['member_units.id'], name=op.f('fk_member_unit_aliases_member_unit_id_member_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_member_unit_aliases')),
    sa.UniqueConstraint('alias', name=op.f('uq_member_unit_aliases_alias'))
    )
    op.create_table('reporting_unit_codes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.String(length=40), nullable=False),
    sa.Column('edition', sa.String(length=10), nullable=False),
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('parent_code', sa.String(length=12), nullable=True),
    sa.ForeignKeyConstraint(['unit_id'], ['reporting_units.id'], name=op.f('fk_reporting_unit_codes_unit_id_reporting_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reporting_unit_codes')),
    sa.UniqueConstraint('edition', 'code', name=op.f('uq_reporting_unit_codes_edition'))
    )
    with op.batch_alter_table('reporting_unit_codes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reporting_unit_codes_code'), ['code'], unique=False)

    op.create_table('review_comments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.String(length=40), nullable=False),
    sa.Column('task_number', sa.Integer(), nullable=False),
    sa.Column('period_code', sa.String(length=10), nullable=False),
    sa.Column('action', sa.String(length=10), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('author', sa.String(length=50), nullable=False),
    sa.Column('entry_revision', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('delivered_in', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['unit_id'], ['reporting_units.id'], name=op.f('fk_review_comments_unit_id_reporting_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_comments'))
    )
    with op.batch_alter_table('review_comments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_comments_unit_id'), ['unit_id'], unique=False)

    op.create_table('scores',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.String(length=40), nullable=False),
    sa.Column('task_number', sa.Integer(), nullable=False),
    sa.Column('period_code', sa.String(length=10), nullable=False),
    sa.Column('points', sa.String(length=20), nullable=False),
    sa.Column('mechanism_established', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['reporting_units.id'], name=op.f('fk_scores_unit_id_reporting_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scores')),
    sa.UniqueConstraint('unit_id', 'task_number', 'period_code', name=op.f('uq_scores_unit_id'))
    )
    op.create_table('targets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_number', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.String(length=40), nullable=False),
    sa.Column('period_code', sa.String(length=10), nullable=False),
    sa.Column('value', sa.String(length=40), nullable=False),
    sa.Column('method', sa.String(length=20), nullable=False),
    sa.Column('base', sa.String(length=40), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['reporting_units.id'], name=op.f('fk_targets_unit_id_reporting_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_targets')),
    sa.UniqueConstraint('task_number', 'unit_id', 'period_code', name=op.f('uq_targets_task_number'))
    )
    op.create_table('tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('catalogue_version_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=50), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('requirement', sa.Text(), nullable=False),
    sa.Column('measure', sa.String(length=20), nullable=False),
    sa.Column('unit', sa.String(length=30), nullable=False),
    sa.Column('higher_is_better', sa.Boolean(), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('rate_base', sa.Integer(), nullable=True),
    sa.Column('scoring', sa.JSON(), nullable=True),
    sa.Column('sub_items', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['catalogue_version_id'], ['catalogue_versions.id'], name=op.f('fk_tasks_catalogue_version_id_catalogue_versions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tasks')),
    sa.UniqueConstraint('catalogue_version_id', 'number', name=op.f('uq_tasks_catalogue_version_id'))
    )
    op.create_table('entry_attachments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=255), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['entry_id'], ['entries.id'], name=op.f('fk_entry_attachments_entry_id_entries'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sha256'], ['attachments.sha256'], name=op.f('fk_entry_attachments_sha256_attachments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_entry_attachments')),
    sa.UniqueConstraint('entry_id', 'sha256', name=op.f('uq_entry_attachments_entry_id'))
    )
    op.create_table('entry_revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('snapshot', sa.JSON(), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.Column('changed_by', sa.String(length=50), nullable=False),
    sa.Column('source', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['entry_id'], ['entries.id'], name=op.f('fk_entry_revisions_entry_id_entries'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_entry_revisions'))
    )
    with op.batch_alter_table('entry_revisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_entry_revisions_entry_id'), ['entry_id'], unique=False)

    op.create_table('task_lead_units',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('member_unit_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('provenance', sa.String(length=20), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['member_unit_id'], ['member_units.id'], name=op.f('fk_task_lead_units_member_unit_id_member_units')),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], name=op.f('fk_task_lead_units_task_id_tasks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task_lead_units'))
    )


def downgrade() -> None:
    op.drop_table('task_lead_units')
    with op.batch_alter_table('entry_revisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_entry_revisions_entry_id'))

    op.drop_table('entry_revisions')
    op.drop_table('entry_attachments')
    op.drop_table('tasks')
    op.drop_table('targets')
    op.drop_table('scores')
    with op.batch_alter_table('review_comments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_comments_unit_id'))

    op.drop_table('review_comments')
    with op.batch_alter_table('reporting_unit_codes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reporting_unit_codes_code'))

    op.drop_table('reporting_unit_codes')
    op.drop_table('member_unit_aliases')
    with op.batch_alter_table('entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_entries_unit_id'))
        batch_op.drop_index(batch_op.f('ix_entries_period_code'))

    op.drop_table('entries')
    op.drop_table('reporting_units')
    op.drop_table('periods')
    op.drop_table('meta')
    with op.batch_alter_table('merge_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_merge_items_package_id'))

    op.drop_table('merge_items')
    op.drop_table('member_units')
    with op.batch_alter_table('keys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_keys_owner_unit_id'))

    op.drop_table('keys')
    with op.batch_alter_table('imported_packages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_imported_packages_sender_unit_id'))

    op.drop_table('imported_packages')
    op.drop_table('catalogue_versions')
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_events_at'))

    op.drop_table('audit_events')
    op.drop_table('attachments')
