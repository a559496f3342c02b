"""Record each catalogue version's member units and the lead-unit cell text as written.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "catalogue_members",
        sa.Column("catalogue_version_id", sa.Integer(), nullable=False),
        sa.Column("member_unit_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["catalogue_version_id"], ["catalogue_versions.id"],
            name=op.f("fk_catalogue_members_catalogue_version_id_catalogue_versions"),
            ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["member_unit_id"], ["member_units.id"],
                                name=op.f("fk_catalogue_members_member_unit_id_member_units")),
        sa.PrimaryKeyConstraint("catalogue_version_id", "member_unit_id",
                                name=op.f("pk_catalogue_members")),
    )
    with op.batch_alter_table("task_lead_units", schema=None) as batch_op:
        batch_op.add_column(sa.Column("written_as", sa.Text(), server_default="",
                                      nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("task_lead_units", schema=None) as batch_op:
        batch_op.drop_column("written_as")
    op.drop_table("catalogue_members")
