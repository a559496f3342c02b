"""SQLAlchemy 2 models of the local or shared office database.

Decimal values are stored as text so that SQLite and PostgreSQL hold exactly what the clerk
typed; the domain layer parses them into ``Decimal``. Times are stored in UTC.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names keep Alembic migrations identical on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Meta(Base):
    """Key-value facts about this data folder: role, own unit, package sequence counters."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# --- catalogue -------------------------------------------------------------------------------


class CatalogueVersion(Base):
    __tablename__ = "catalogue_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    categories: Mapped[list[str]] = mapped_column(JSON)
    source: Mapped[str] = mapped_column(String(200), default="")
    content_hash: Mapped[str] = mapped_column(String(64))
    is_active: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)

    tasks: Mapped[list[Task]] = relationship(back_populates="catalogue_version",
                                             order_by="Task.number",
                                             cascade="all, delete-orphan")
    member_links: Mapped[list[CatalogueMember]] = relationship(
        order_by="CatalogueMember.position", cascade="all, delete-orphan")


class MemberUnit(Base):
    __tablename__ = "member_units"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    duties: Mapped[str] = mapped_column(Text, default="")
    is_office: Mapped[bool] = mapped_column(Boolean, default=False)
    is_all_members: Mapped[bool] = mapped_column(Boolean, default=False)

    aliases: Mapped[list[MemberUnitAlias]] = relationship(back_populates="member_unit",
                                                          cascade="all, delete-orphan")


class MemberUnitAlias(Base):
    __tablename__ = "member_unit_aliases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_unit_id: Mapped[int] = mapped_column(ForeignKey("member_units.id",
                                                           ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(100), unique=True)

    member_unit: Mapped[MemberUnit] = relationship(back_populates="aliases")


class CatalogueMember(Base):
    """A member unit listed in one catalogue version, in the version's order."""

    __tablename__ = "catalogue_members"

    catalogue_version_id: Mapped[int] = mapped_column(
        ForeignKey("catalogue_versions.id", ondelete="CASCADE"), primary_key=True)
    member_unit_id: Mapped[int] = mapped_column(ForeignKey("member_units.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)

    member_unit: Mapped[MemberUnit] = relationship()


class Task(Base):
    __tablename__ = "tasks"
    __table_args__ = (UniqueConstraint("catalogue_version_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    catalogue_version_id: Mapped[int] = mapped_column(
        ForeignKey("catalogue_versions.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(50))
    title: Mapped[str] = mapped_column(Text)
    requirement: Mapped[str] = mapped_column(Text)
    measure: Mapped[str] = mapped_column(String(20))
    unit: Mapped[str] = mapped_column(String(30), default="")
    higher_is_better: Mapped[bool] = mapped_column(Boolean, default=True)
    level: Mapped[str] = mapped_column(String(20))
    rate_base: Mapped[int | None] = mapped_column(Integer, nullable=True)
    scoring: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    sub_items: Mapped[list] = mapped_column(JSON, default=list)

    catalogue_version: Mapped[CatalogueVersion] = relationship(back_populates="tasks")
    lead_links: Mapped[list[TaskLeadUnit]] = relationship(back_populates="task",
                                                          order_by="TaskLeadUnit.position",
                                                          cascade="all, delete-orphan")


class TaskLeadUnit(Base):
    __tablename__ = "task_lead_units"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    member_unit_id: Mapped[int] = mapped_column(ForeignKey("member_units.id"))
    role: Mapped[str] = mapped_column(String(10))
    provenance: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer)
    # The cell text as the source table spelled it, before alias resolution.
    written_as: Mapped[str] = mapped_column(Text, default="", server_default="")

    task: Mapped[Task] = relationship(back_populates="lead_links")
    member_unit: Mapped[MemberUnit] = relationship()


# --- reporting units and periods -------------------------------------------------------------


class ReportingUnit(Base):
    __tablename__ = "reporting_units"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("reporting_units.id"),
                                                  nullable=True)
    town_type: Mapped[str] = mapped_column(String(20), default="")
    is_provisional: Mapped[bool] = mapped_column(Boolean, default=False)
    is_programme_town: Mapped[bool] = mapped_column(Boolean, default=False)
    merged_into_id: Mapped[str | None] = mapped_column(ForeignKey("reporting_units.id"),
                                                       nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)

    codes: Mapped[list[ReportingUnitCode]] = relationship(back_populates="unit",
                                                          cascade="all, delete-orphan")


class ReportingUnitCode(Base):
    """An official code a unit held in one edition of the division code list."""

    __tablename__ = "reporting_unit_codes"
    __table_args__ = (UniqueConstraint("edition", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("reporting_units.id", ondelete="CASCADE"))
    edition: Mapped[str] = mapped_column(String(10))
    code: Mapped[str] = mapped_column(String(12), index=True)
    name: Mapped[str] = mapped_column(String(100))
    parent_code: Mapped[str | None] = mapped_column(String(12), nullable=True)

    unit: Mapped[ReportingUnit] = relationship(back_populates="codes")


class Period(Base):
    __tablename__ = "periods"

    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    state: Mapped[str] = mapped_column(String(10), default="open")


class Target(Base):
    """The current target of a task for a unit (or the city) in a year or period."""

    __tablename__ = "targets"
    __table_args__ = (UniqueConstraint("task_number", "unit_id", "period_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_number: Mapped[int] = mapped_column(Integer)
    unit_id: Mapped[str] = mapped_column(ForeignKey("reporting_units.id"))
    period_code: Mapped[str] = mapped_column(String(10))
    value: Mapped[str] = mapped_column(String(40))
    method: Mapped[str] = mapped_column(String(20), default="manual")
    base: Mapped[str | None] = mapped_column(String(40), nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


# --- entries and evidence --------------------------------------------------------------------


class Entry(Base):
    __tablename__ = "entries"
    __table_args__ = (UniqueConstraint("unit_id", "task_number", "period_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("reporting_units.id"), index=True)
    task_number: Mapped[int] = mapped_column(Integer)
    period_code: Mapped[str] = mapped_column(String(10), index=True)
    status: Mapped[str] = mapped_column(String(20), default="not_started")
    value: Mapped[str | None] = mapped_column(String(40), nullable=True)
    numerator: Mapped[str | None] = mapped_column(String(40), nullable=True)
    denominator: Mapped[str | None] = mapped_column(String(40), nullable=True)
    narrative: Mapped[str] = mapped_column(Text, default="")
    responsible_person: Mapped[str] = mapped_column(String(50), default="")
    contact: Mapped[str] = mapped_column(String(50), default="")
    revision: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(50), default="")
    # Where the current content came from: "local" or the id of the package that brought it.
    origin: Mapped[str] = mapped_column(String(64), default="local")
    review_state: Mapped[str] = mapped_column(String(10), default="pending")
    reviewed_revision: Mapped[int | None] = mapped_column(Integer, nullable=True)
    is_received: Mapped[bool] = mapped_column(Boolean, default=False)
    # At the office: the signing key of the township laptop whose content is stored (None when
    # the office decided it), and per laptop key the newest revision taken in and whether it
    # equals the stored content: {fingerprint: {"revision": 3, "matches": true}}.
    source_fingerprint: Mapped[str | None] = mapped_column(String(80), nullable=True)
    laptop_versions: Mapped[dict | None] = mapped_column(JSON, nullable=True)

    attachments: Mapped[list[EntryAttachment]] = relationship(back_populates="entry",
                                                              cascade="all, delete-orphan")
    revisions: Mapped[list[EntryRevision]] = relationship(back_populates="entry",
                                                          cascade="all, delete-orphan",
                                                          order_by="EntryRevision.id")


class EntryRevision(Base):
    """A snapshot of an entry after one change, for history and undo."""

    __tablename__ = "entry_revisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"),
                                          index=True)
    revision: Mapped[int] = mapped_column(Integer)
    snapshot: Mapped[dict] = mapped_column(JSON)
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    changed_by: Mapped[str] = mapped_column(String(50), default="")
    source: Mapped[str] = mapped_column(String(64), default="local")

    entry: Mapped[Entry] = relationship(back_populates="revisions")


class Attachment(Base):
    """An evidence file stored once in the data folder under its SHA-256."""

    __tablename__ = "attachments"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    stored_at: Mapped[datetime] = mapped_column(DateTime)


class EntryAttachment(Base):
    __tablename__ = "entry_attachments"
    __table_args__ = (UniqueConstraint("entry_id", "sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"))
    sha256: Mapped[str] = mapped_column(ForeignKey("attachments.sha256"))
    display_name: Mapped[str] = mapped_column(String(255))
    added_at: Mapped[datetime] = mapped_column(DateTime)

    entry: Mapped[Entry] = relationship(back_populates="attachments")
    attachment: Mapped[Attachment] = relationship()


class ReviewComment(Base):
    __tablename__ = "review_comments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("reporting_units.id"), index=True)
    task_number: Mapped[int] = mapped_column(Integer)
    period_code: Mapped[str] = mapped_column(String(10))
    action: Mapped[str] = mapped_column(String(10))  # accept, return or note
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(50), default="")
    entry_revision: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    delivered_in: Mapped[str | None] = mapped_column(String(64), nullable=True)


class Score(Base):
    """A discretionary score the office gives a unit on a task for a year or period."""

    __tablename__ = "scores"
    __table_args__ = (UniqueConstraint("unit_id", "task_number", "period_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("reporting_units.id"))
    task_number: Mapped[int] = mapped_column(Integer)
    period_code: Mapped[str] = mapped_column(String(10))
    points: Mapped[str] = mapped_column(String(20))
    mechanism_established: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)


# --- keys, packages and audit ----------------------------------------------------------------


class Key(Base):
    """A public key, with its private half encrypted under a passphrase when it is ours."""

    __tablename__ = "keys"
    __table_args__ = (UniqueConstraint("fingerprint"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_unit_id: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    purpose: Mapped[str] = mapped_column(String(20))  # signing, encryption, escrow
    suite: Mapped[str] = mapped_column(String(10))
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    private_key: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    fingerprint: Mapped[str] = mapped_column(String(80))
    # pending, approved, rejected or retired; our own keys are approved at creation.
    status: Mapped[str] = mapped_column(String(10), default="pending")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class ImportedPackage(Base):
    """The ledger of packages seen, which makes imports idempotent and detects replays."""

    __tablename__ = "imported_packages"
    # Each laptop numbers its packages, so a sequence number is unique per signing key.
    __table_args__ = (UniqueConstraint("sender_unit_id", "sender_fingerprint", "kind",
                                       "sequence"),)

    package_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    sender_unit_id: Mapped[str] = mapped_column(String(40), index=True)
    # The key that signed the package; empty for rows whose key was not recorded.
    sender_fingerprint: Mapped[str] = mapped_column(String(80), default="", server_default="")
    sequence: Mapped[int] = mapped_column(Integer)
    header_hash: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(255), default="")
    claimed_created_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    received_at: Mapped[datetime] = mapped_column(DateTime)
    state: Mapped[str] = mapped_column(String(20))  # merged, waiting-key, rejected, relayed
    periods: Mapped[list] = mapped_column(JSON, default=list)
    counts: Mapped[dict] = mapped_column(JSON, default=dict)
    is_clock_suspicious: Mapped[bool] = mapped_column(Boolean, default=False)


class MergeItem(Base):
    """An incoming entry that needs a decision: a conflict or an entry held for a locked period."""

    __tablename__ = "merge_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_id: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # conflict or held
    # Why: "diverged" or "reviewed" for a conflict; "period_locked", "unknown_task", ... if held.
    reason: Mapped[str] = mapped_column(String(40), default="")
    unit_id: Mapped[str] = mapped_column(String(40))
    task_number: Mapped[int] = mapped_column(Integer)
    period_code: Mapped[str] = mapped_column(String(10))
    incoming: Mapped[dict] = mapped_column(JSON)
    stored: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    state: Mapped[str] = mapped_column(String(10), default="open")  # open or resolved
    resolution: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class AuditEvent(Base):
    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str] = mapped_column(String(50), default="")
    action: Mapped[str] = mapped_column(String(40))
    unit_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    task_number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    period_code: Mapped[str | None] = mapped_column(String(10), nullable=True)
    package_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    details: Mapped[dict] = mapped_column(JSON, default=dict)
