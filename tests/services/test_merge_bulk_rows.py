"""New entries are inserted in bulk; their rows must equal what the per-entry path writes."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from meili_desktop.domain.entries import EntryKey
from meili_desktop.services import merge as merge_service
from meili_desktop.store import models
from meili_desktop.store.datafolder import Store
from meili_desktop.store.merge_repo import load_entry_rows
from meili_desktop.store.snapshots import entry_snapshot
from tests.services.merge_support import (
    COUNT_TASK,
    PERCENT_TASK,
    PERIOD,
    TOWN_A,
    entry_record,
    evidence_file,
    make_package,
    merge_store,  # noqa: F401 - the fixture is used by name
    stored_entry,
)


def test_bulk_revision_matches_snapshot(merge_store: Store, tmp_path: Path) -> None:
    reference, path = evidence_file(tmp_path / "in", b"%PDF-1.4 acceptance form")
    photo, photo_path = evidence_file(tmp_path / "in", b"\xff\xd8\xff photo", "现场.jpg")
    package = make_package(
        [entry_record(attachments=[reference, photo], narrative="完成 3 所学校改造"),
         entry_record(task=COUNT_TASK, value="4", attachments=[])],
        attachments={reference["sha256"]: path, photo["sha256"]: photo_path})

    merge_service.merge(merge_store, package)

    with merge_store.session_factory() as session:
        for task in (PERCENT_TASK, COUNT_TASK):
            row = session.scalar(select(models.Entry).where(models.Entry.task_number == task))
            assert row is not None
            assert [revision.snapshot for revision in row.revisions] == [entry_snapshot(row)]
            assert row.revisions[0].source == package.package_id
            assert row.revisions[0].changed_by == TOWN_A


def test_bulk_entry_columns(merge_store: Store) -> None:
    package = make_package([entry_record(value="85.5", contact="13800000000")])

    merge_service.merge(merge_store, package)

    row = stored_entry(merge_store)
    assert row is not None
    assert row.value == "85.5"
    assert row.contact == "13800000000"
    assert row.origin == package.package_id
    assert row.updated_by == TOWN_A
    assert row.review_state == "pending"
    assert row.is_received is False
    assert row.updated_at.isoformat() == "2021-06-20T01:00:00"


def test_bulk_links_and_events(merge_store: Store, tmp_path: Path) -> None:
    reference, path = evidence_file(tmp_path / "in", b"%PDF-1.4 scan")
    package = make_package([entry_record(attachments=[reference])],
                           attachments={reference["sha256"]: path})

    merge_service.merge(merge_store, package)

    with merge_store.session_factory() as session:
        rows = load_entry_rows(session, [EntryKey(TOWN_A, PERCENT_TASK, PERIOD)])
        links = [(link.sha256, link.display_name) for row in rows.values()
                 for link in row.attachments]
        actions = session.scalars(select(models.AuditEvent.action)
                                  .where(models.AuditEvent.package_id == package.package_id)
                                  .order_by(models.AuditEvent.id)).all()
    assert links == [(reference["sha256"], "验收单.pdf")]
    assert sorted(actions) == ["entry.new", "package.merged"]

