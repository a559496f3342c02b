"""Store why an incoming entry became a conflict or was held.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("merge_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reason", sa.String(length=40), server_default="",
                                      nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("merge_items", schema=None) as batch_op:
        batch_op.drop_column("reason")
