"""Entries repository and evidence store on a real SQLite data folder."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from meili_desktop.domain.entries import EntryKey, Status
from meili_desktop.errors import CancelledError
from meili_desktop.store import attachments, entries_repo, models
from meili_desktop.store.datafolder import Store, open_store

UNIT = "330110001"
OTHER = "X1234ABCD"
KEY = EntryKey(UNIT, 13, "2021Q2")


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = open_store(data_dir)
    with opened.session_factory.begin() as session:
        now = entries_repo.utc_now()
        session.add(models.ReportingUnit(id=UNIT, name="某镇", kind="township", created_at=now))
        session.add(models.ReportingUnit(id=OTHER, name="某集镇", kind="township",
                                         is_provisional=True, created_at=now))
    yield opened
    opened.dispose()


def stored_file(store: Store, tmp_path: Path, name: str, content: bytes) -> str:
    source = tmp_path / name
    source.write_bytes(content)
    stored = attachments.store_file(store.folder, source, 10 * 1024 * 1024)
    with store.session_factory.begin() as session:
        attachments.record_attachment(session, stored)
    return stored.sha256


def test_apply_change_creates_entry(store: Store) -> None:
    with store.session_factory.begin() as session:
        entry, is_changed = entries_repo.apply_change(
            session, KEY, {"status": Status.IN_PROGRESS, "value": Decimal("85.50")})
    assert is_changed
    assert entry.revision == 1
    assert entry.value == Decimal("85.5")
    with store.session_factory() as session:
        loaded = entries_repo.load_entry(session, KEY)
    assert loaded is not None
    assert loaded.status is Status.IN_PROGRESS


def test_same_value_keeps_revision(store: Store) -> None:
    with store.session_factory.begin() as session:
        entries_repo.apply_change(session, KEY, {"value": Decimal(85)})
    with store.session_factory.begin() as session:
        entry, is_changed = entries_repo.apply_change(session, KEY, {"value": Decimal("85.0")})
    assert not is_changed
    assert entry.revision == 1


def test_each_change_adds_revision_snapshot(store: Store) -> None:
    for person in ("张三", "李四", "王五"):
        with store.session_factory.begin() as session:
            entries_repo.apply_change(session, KEY, {"responsible_person": person})
    with store.session_factory() as session:
        history = entries_repo.entry_history(session, KEY)
    assert [record.revision for record in history] == [3, 2, 1]
    assert history[0].snapshot["responsible_person"] == "王五"
    assert history[2].snapshot["responsible_person"] == "张三"


def test_unknown_field_rejected(store: Store) -> None:
    with store.session_factory.begin() as session, pytest.raises(ValueError):
        entries_repo.apply_change(session, KEY, {"revision": 9})


def test_list_entries_by_period(store: Store) -> None:
    with store.session_factory.begin() as session:
        entries_repo.apply_change(session, KEY, {"value": Decimal(1)})
        entries_repo.apply_change(session, EntryKey(UNIT, 14, "2021Q2"), {"value": Decimal(2)})
        entries_repo.apply_change(session, EntryKey(UNIT, 13, "2021Q1"), {"value": Decimal(3)})
    with store.session_factory() as session:
        listed = entries_repo.list_entries(session, UNIT, "2021Q2")
    assert sorted(listed) == [13, 14]
    assert listed[14].value == Decimal(2)


def test_attachment_stored_once(store: Store, tmp_path: Path) -> None:
    first = stored_file(store, tmp_path, "照片.jpg", b"\xff\xd8photo")
    second = stored_file(store, tmp_path, "copy.jpg", b"\xff\xd8photo")
    assert first == second
    files = [path for path in store.folder.attachments_dir.rglob("*") if path.is_file()]
    assert files == [store.folder.attachments_dir / first[:2] / first]
    assert [path for path in store.folder.temp_dir.rglob("*") if path.is_file()] == []


def test_link_rename_unlink(store: Store, tmp_path: Path) -> None:
    sha = stored_file(store, tmp_path, "现场.jpg", b"\xff\xd8site")
    with store.session_factory.begin() as session:
        entry, is_new = entries_repo.link_attachment(session, KEY, sha, "现场.jpg")
        again, is_new_again = entries_repo.link_attachment(session, KEY, sha, "现场.jpg")
    assert is_new
    assert not is_new_again
    assert again.revision == entry.revision
    with store.session_factory.begin() as session:
        renamed = entries_repo.rename_attachment(session, KEY, sha, "验收照片.jpg")
    assert renamed.attachments[0].display_name == "验收照片.jpg"
    with store.session_factory.begin() as session:
        removed = entries_repo.unlink_attachment(session, KEY, sha)
    assert removed.attachments == ()
    assert removed.revision == 3
    assert attachments.stored_path(store.folder.attachments_dir, sha).is_file()


def test_restore_snapshot_brings_back_evidence(store: Store, tmp_path: Path) -> None:
    sha = stored_file(store, tmp_path, "a.pdf", b"%PDF-1.4 a")
    with store.session_factory.begin() as session:
        entry, _ = entries_repo.link_attachment(session, KEY, sha, "a.pdf")
        snapshot = entries_repo.snapshot_of(entry)
        entries_repo.unlink_attachment(session, KEY, sha)
        entries_repo.apply_change(session, KEY, {"narrative": "变了"})
    with store.session_factory.begin() as session:
        restored = entries_repo.restore_snapshot(session, KEY, snapshot)
    assert [ref.sha256 for ref in restored.attachments] == [sha]
    assert restored.narrative == ""
    assert restored.revision == 4


def test_blocked_type_rejected(store: Store, tmp_path: Path) -> None:
    source = tmp_path / "setup.exe"
    source.write_bytes(b"MZ\x90\x00")
    with pytest.raises(attachments.BlockedFileTypeError) as caught:
        attachments.store_file(store.folder, source, 1024)
    assert caught.value.details["kind"] == ".exe"


def test_disguised_program_rejected(store: Store, tmp_path: Path) -> None:
    source = tmp_path / "photo.jpg"
    source.write_bytes(b"MZ\x90\x00 a program")
    with pytest.raises(attachments.BlockedFileTypeError) as caught:
        attachments.store_file(store.folder, source, 1024)
    assert caught.value.details["kind"] == "program"


def test_too_large_rejected(store: Store, tmp_path: Path) -> None:
    source = tmp_path / "big.pdf"
    source.write_bytes(b"%PDF" + b"0" * 3000)
    with pytest.raises(attachments.AttachmentTooLargeError) as caught:
        attachments.store_file(store.folder, source, 2048)
    assert caught.value.details["file"] == "big.pdf"
    assert not any(store.folder.attachments_dir.rglob("*.*"))


def test_missing_source_unreadable(store: Store, tmp_path: Path) -> None:
    with pytest.raises(attachments.AttachmentUnreadableError):
        attachments.store_file(store.folder, tmp_path / "gone.pdf", 2048)


def test_cancelled_copy_leaves_nothing(store: Store, tmp_path: Path) -> None:
    source = tmp_path / "big.pdf"
    source.write_bytes(b"%PDF" + b"1" * (3 * attachments.CHUNK_BYTES))
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        cancel.set()

    with pytest.raises(CancelledError):
        attachments.store_file(store.folder, source, 10 * attachments.CHUNK_BYTES, progress,
                               cancel)
    assert [path for path in store.folder.attachments_dir.rglob("*") if path.is_file()] == []
    assert [path for path in store.folder.temp_dir.rglob("*") if path.is_file()] == []


def test_move_unit_entries_keeps_all(store: Store, tmp_path: Path) -> None:
    sha = stored_file(store, tmp_path, "b.png", b"\x89PNG b")
    with store.session_factory.begin() as session:
        entries_repo.apply_change(session, EntryKey(OTHER, 13, "2021Q2"), {"value": Decimal(70)})
        entries_repo.apply_change(session, EntryKey(OTHER, 13, "2021Q2"), {"value": Decimal(80)})
        entries_repo.link_attachment(session, EntryKey(OTHER, 13, "2021Q2"), sha, "b.png")
        entries_repo.apply_change(session, EntryKey(OTHER, 14, "2021Q2"), {"value": Decimal(4)})
        # The real unit already has task 14, for example from an earlier installation.
        entries_repo.apply_change(session, EntryKey(UNIT, 14, "2021Q2"),
                                  {"value": Decimal(1), "contact": "0571-1"})
    with store.session_factory.begin() as session:
        moved = entries_repo.move_unit_entries(session, OTHER, UNIT)
    assert moved == 2
    with store.session_factory() as session:
        listed = entries_repo.list_entries(session, UNIT, "2021Q2")
        left = entries_repo.list_entries(session, OTHER, "2021Q2")
        history_13 = entries_repo.entry_history(session, EntryKey(UNIT, 13, "2021Q2"))
        history_14 = entries_repo.entry_history(session, EntryKey(UNIT, 14, "2021Q2"))
        revisions = session.scalar(select(func.count()).select_from(models.EntryRevision))
    assert left == {}
    assert listed[13].value == Decimal(80)
    assert listed[13].revision == 3
    assert [ref.sha256 for ref in listed[13].attachments] == [sha]
    assert listed[14].value == Decimal(4)
    assert listed[14].revision == 2
    assert len(history_13) == 3
    assert len(history_14) == 3
    assert revisions == 6


def test_returned_notes_latest_comment(store: Store) -> None:
    now = entries_repo.utc_now()
    with store.session_factory.begin() as session:
        session.add(models.ReviewComment(unit_id=UNIT, task_number=13, period_code="2021Q2",
                                         action="return", text="请补充照片", entry_revision=2,
                                         created_at=now))
        session.add(models.ReviewComment(unit_id=UNIT, task_number=14, period_code="2021Q2",
                                         action="return", text="数据有误", created_at=now))
        session.add(models.ReviewComment(unit_id=UNIT, task_number=14, period_code="2021Q2",
                                         action="accept", text="已核实",
                                         created_at=now.replace(year=now.year + 1)))
    with store.session_factory() as session:
        notes = entries_repo.returned_notes(session, UNIT, "2021Q2")
        comments = entries_repo.review_comments(session, EntryKey(UNIT, 14, "2021Q2"))
    assert list(notes) == [13]
    assert notes[13].text == "请补充照片"
    assert [comment.action for comment in comments] == ["accept", "return"]


def test_target_values_period_over_year(store: Store) -> None:
    now = entries_repo.utc_now()
    with store.session_factory.begin() as session:
        session.add(models.Target(task_number=13, unit_id=UNIT, period_code="2021", value="90",
                                  updated_at=now))
        session.add(models.Target(task_number=13, unit_id=UNIT, period_code="2021Q2",
                                  value="60", updated_at=now))
        session.add(models.Target(task_number=14, unit_id=UNIT, period_code="2021", value="3",
                                  updated_at=now))
    with store.session_factory() as session:
        targets = entries_repo.target_values(session, UNIT, "2021Q2", "2021")
    assert targets == {13: Decimal(60), 14: Decimal(3)}
