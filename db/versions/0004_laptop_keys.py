"""Record which township laptop (signing key) sent each package and each entry's content.

A township may report from several laptops, each numbering its own packages and revisions.
The ledger's sequence numbers become unique per signing key instead of per unit, and every
entry records the key of the laptop whose content it holds, and the revision taken in from
each laptop key.

Existing rows are filled in from what the office already stored. The signing key of a merged
package is in its ``package.merged`` audit event. An entry whose origin is such a package came
from that package's laptop, at its stored revision.

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Iterator, Mapping
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_UNIQUE_NAME = "uq_imported_packages_sender_unit_id"

_packages = sa.table("imported_packages", sa.column("package_id", sa.String),
                     sa.column("sender_fingerprint", sa.String))
_events = sa.table("audit_events", sa.column("action", sa.String),
                   sa.column("package_id", sa.String), sa.column("details", sa.JSON))
_entries = sa.table("entries", sa.column("id", sa.Integer), sa.column("origin", sa.String),
                    sa.column("revision", sa.Integer),
                    sa.column("source_fingerprint", sa.String),
                    sa.column("laptop_versions", sa.JSON))


def upgrade() -> None:
    with op.batch_alter_table("imported_packages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sender_fingerprint", sa.String(length=80),
                                      server_default="", nullable=False))
        batch_op.drop_constraint(_UNIQUE_NAME, type_="unique")
        batch_op.create_unique_constraint(
            _UNIQUE_NAME, ["sender_unit_id", "sender_fingerprint", "kind", "sequence"])
    with op.batch_alter_table("entries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source_fingerprint", sa.String(length=80),
                                      nullable=True))
        batch_op.add_column(sa.Column("laptop_versions", sa.JSON(), nullable=True))

    connection = op.get_bind()
    fingerprints = dict(_merged_package_keys(connection))
    for package_id, fingerprint in fingerprints.items():
        connection.execute(_packages.update()
                           .where(_packages.c.package_id == package_id)
                           .values(sender_fingerprint=fingerprint))
    _fill_entry_sources(connection, fingerprints)


def _merged_package_keys(connection: sa.Connection) -> Iterator[tuple[str, str]]:
    """Yield (package id, signing key) from the audit events of merged packages."""
    rows = connection.execute(sa.select(_events.c.package_id, _events.c.details)
                              .where(_events.c.action == "package.merged"))
    for package_id, details in rows:
        fingerprint = details.get("fingerprint") if isinstance(details, Mapping) else None
        if package_id and isinstance(fingerprint, str) and fingerprint:
            yield package_id, fingerprint


def _fill_entry_sources(connection: sa.Connection, fingerprints: Mapping[str, str]) -> None:
    if not fingerprints:
        return
    rows = connection.execute(sa.select(_entries.c.id, _entries.c.origin,
                                        _entries.c.revision)).all()
    updates: list[dict[str, Any]] = []
    for entry_id, origin, entry_revision in rows:
        fingerprint = fingerprints.get(origin)
        if fingerprint is None:
            continue
        updates.append({"entry_id": entry_id, "source": fingerprint,
                        "versions": {fingerprint: {"revision": entry_revision,
                                                   "matches": True}}})
    if updates:
        connection.execute(_entries.update()
                           .where(_entries.c.id == sa.bindparam("entry_id"))
                           .values(source_fingerprint=sa.bindparam("source"),
                                   laptop_versions=sa.bindparam("versions", type_=sa.JSON)),
                           updates)


def downgrade() -> None:
    # The old constraint allows one package per (unit, kind, sequence). When two laptops of
    # one township used the same number, downgrading would have to drop a ledger row.
    connection = op.get_bind()
    table = sa.table("imported_packages", sa.column("sender_unit_id", sa.String),
                     sa.column("kind", sa.String), sa.column("sequence", sa.Integer))
    shared = connection.execute(
        sa.select(table.c.sender_unit_id, table.c.kind, table.c.sequence)
        .group_by(table.c.sender_unit_id, table.c.kind, table.c.sequence)
        .having(sa.func.count() > 1)).first()
    if shared is not None:
        raise RuntimeError(f"cannot downgrade: unit {shared[0]} has two {shared[1]} packages "
                           f"with sequence {shared[2]} from different laptops")
    with op.batch_alter_table("entries", schema=None) as batch_op:
        batch_op.drop_column("laptop_versions")
        batch_op.drop_column("source_fingerprint")
    with op.batch_alter_table("imported_packages", schema=None) as batch_op:
        batch_op.drop_constraint(_UNIQUE_NAME, type_="unique")
        batch_op.create_unique_constraint(_UNIQUE_NAME, ["sender_unit_id", "kind", "sequence"])
        batch_op.drop_column("sender_fingerprint")
