"""orgs: the organisation in time — valid-from/valid-to days, former names and superiors, merge and
split lineage, and the membership change a merge or split made (the 2025 reorganisation)

Revision ID: 0022_orgs
Revises: 0021_voice
Create Date: 2026-12-06 20:40:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0022_orgs'
down_revision = '0021_voice'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('organization', schema=None) as batch_op:
        batch_op.add_column(sa.Column('valid_from', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('valid_to', sa.Date(), nullable=True))

    op.create_table('organization_name',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('org_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['organization.id'], name=op.f('fk_organization_name_org_id_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organization_name'))
    )
    with op.batch_alter_table('organization_name', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organization_name_org_id'), ['org_id'], unique=False)

    op.create_table('organization_parent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('org_id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['organization.id'], name=op.f('fk_organization_parent_org_id_organization')),
    sa.ForeignKeyConstraint(['parent_id'], ['organization.id'],
                            name=op.f('fk_organization_parent_parent_id_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organization_parent'))
    )
    with op.batch_alter_table('organization_parent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organization_parent_org_id'), ['org_id'], unique=False)

    op.create_table('organization_link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('from_org_id', sa.Integer(), nullable=False),
    sa.Column('to_org_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('effective_on', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['from_org_id'], ['organization.id'],
                            name=op.f('fk_organization_link_from_org_id_organization')),
    sa.ForeignKeyConstraint(['to_org_id'], ['organization.id'], name=op.f('fk_organization_link_to_org_id_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organization_link'))
    )
    with op.batch_alter_table('organization_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organization_link_from_org_id'), ['from_org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_organization_link_to_org_id'), ['to_org_id'], unique=False)

    with op.batch_alter_table('membership_change', schema=None) as batch_op:
        batch_op.add_column(sa.Column('link_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_membership_change_link_id_organization_link'),
                                    'organization_link', ['link_id'], ['id'])


def downgrade():
    with op.batch_alter_table('membership_change', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_membership_change_link_id_organization_link'), type_='foreignkey')
        batch_op.drop_column('link_id')

    with op.batch_alter_table('organization_link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organization_link_to_org_id'))
        batch_op.drop_index(batch_op.f('ix_organization_link_from_org_id'))
    op.drop_table('organization_link')

    with op.batch_alter_table('organization_parent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organization_parent_org_id'))
    op.drop_table('organization_parent')

    with op.batch_alter_table('organization_name', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organization_name_org_id'))
    op.drop_table('organization_name')

    # Plain ALTER TABLE … DROP COLUMN (SQLite 3.35+ has it): a batch copy of `organization` would
    # drop the table every other table refers to, which SQLite refuses once rows refer to it.
    op.drop_column('organization', 'valid_to')
    op.drop_column('organization', 'valid_from')
