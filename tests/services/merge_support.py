"""Fixtures and builders for merge, review and completeness tests.

Packages are built directly as IncomingPackage values, without cryptography: these tests
cover what happens after a package was verified.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from meili_desktop.domain.merge import IncomingPackage
from meili_desktop.services.catalogue import ensure_default_catalogue
from meili_desktop.services.identity import Identity, Role, save_identity
from meili_desktop.store import models
from meili_desktop.store.datafolder import Store, open_store

TOWN_A = "330110005"  # 五常街道, 余杭区
TOWN_B = "330110009"  # 仁和街道, 余杭区
COUNTY = "330110"
PERIOD = "2021Q2"
PERIODS = ("2021Q1", "2021Q2", "2021Q3", "2021Q4")
PERCENT_TASK = 13
COUNT_TASK = 10
CITY_TASK = 1


def open_office_store(root: Path, url: str | None = None) -> Store:
    """Open a city office data folder with the catalogue, units and 2021 quarters."""
    store = open_store(root, url)
    ensure_default_catalogue(store)
    save_identity(store, Identity(Role.CITY, None, False))
    with store.session_factory.begin() as session:
        for quarter, code in enumerate(PERIODS, start=1):
            first = date(2021, 3 * quarter - 2, 1)
            last = (date(2021, 3 * quarter + 1, 1) if quarter < 4 else date(2022, 1, 1)) \
                - timedelta(days=1)
            session.add(models.Period(code=code, kind="quarter", start_date=first,
                                      end_date=last, due_date=last + timedelta(days=15),
                                      state="open"))
    return store


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def merge_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An office store on SQLite and, when the server is there, on PostgreSQL."""
    url = request.getfixturevalue("pg_url") if request.param == "postgres" else None
    store = open_office_store(tmp_path / "office 数据", url)
    try:
        yield store
    finally:
        store.dispose()


def entry_record(unit: str = TOWN_A, task: int = PERCENT_TASK, period: str = PERIOD,
                 revision: int = 1, **fields: Any) -> dict[str, Any]:
    """Return an entry record as a township laptop writes it."""
    record: dict[str, Any] = {
        "type": "entry", "unit_id": unit, "task_number": task, "period": period,
        "status": "in_progress", "value": "80", "numerator": None, "denominator": None,
        "narrative": "按计划推进", "responsible_person": "王磊", "contact": "0571-88886666",
        "revision": revision, "updated_at": "2021-06-20T09:00:00+08:00", "attachments": [],
    }
    record.update(fields)
    return record


def make_package(entries: list[dict[str, Any]], *, sender: str = TOWN_A, sequence: int = 1,
                 package_id: str | None = None, header_hash: str | None = None,
                 created: datetime | None = None,
                 attachments: dict[str, Path] | None = None,
                 kind: str = "report") -> IncomingPackage:
    """Build a verified package value as the import pipeline would hand it over."""
    package_id = package_id or uuid.uuid4().hex
    periods = tuple(sorted({record["period"] for record in entries if "period" in record}))
    return IncomingPackage(
        package_id=package_id, kind=kind, sender_unit_id=sender,
        sender_fingerprint="12345 67890 13579 24680",
        sequence=sequence,
        header_hash=header_hash or hashlib.sha256(package_id.encode()).hexdigest(),
        claimed_created_at=created, file_name=f"{sender}-{sequence}.mlpkg", periods=periods,
        entries=tuple(entries), attachment_files=attachments or {})


def evidence_file(folder: Path, content: bytes, name: str = "验收单.pdf") -> tuple[dict, Path]:
    """Write an evidence file named by its digest; return its record reference and path."""
    digest = hashlib.sha256(content).hexdigest()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / digest
    path.write_bytes(content)
    return {"sha256": digest, "name": name, "size": len(content)}, path


def stored_entry(store: Store, unit: str = TOWN_A, task: int = PERCENT_TASK,
                 period: str = PERIOD) -> models.Entry | None:
    """Return the stored entry row, detached, with its attachments loaded."""
    with store.session_factory() as session:
        row = session.scalar(select(models.Entry).where(
            models.Entry.unit_id == unit, models.Entry.task_number == task,
            models.Entry.period_code == period))
        if row is not None:
            _ = list(row.attachments)
            session.expunge(row)
        return row


def table_counts(store: Store) -> dict[str, int]:
    """Return the row count of every table the merge writes to."""
    tables = (models.Entry, models.EntryRevision, models.EntryAttachment, models.Attachment,
              models.ImportedPackage, models.MergeItem, models.AuditEvent)
    with store.session_factory() as session:
        return {table.__tablename__: len(session.scalars(select(table)).all())
                for table in tables}


def set_period_state(store: Store, code: str, state: str) -> None:
    with store.session_factory.begin() as session:
        row = session.get(models.Period, code)
        assert row is not None
        row.state = state


def township_tasks(store: Store) -> list[int]:
    """Return the active catalogue's township-level task numbers."""
    with store.session_factory() as session:
        return sorted(session.scalars(
            select(models.Task.number).join(models.CatalogueVersion)
            .where(models.CatalogueVersion.is_active.is_(True),
                   models.Task.level == "township")))


def synthetic_package(sender: str, sequence: int, revision: int, *,
                      tasks: list[int], periods: tuple[str, ...] = PERIODS,
                      attachment_dir: Path | None = None,
                      attachment_bytes: int = 0) -> IncomingPackage:
    """Build a deterministic package with an entry per task and period.

    The same arguments always give the same package id, header hash and content, so separate
    processes can build the same package. With ``attachment_dir``, every entry carries one
    evidence file of ``attachment_bytes`` bytes written there.
    """
    entries: list[dict[str, Any]] = []
    files: dict[str, Path] = {}
    for period in periods:
        for task in tasks:
            attachments = []
            if attachment_dir is not None:
                seed = f"{sender}/{period}/{task}/{revision}".encode()
                content = (hashlib.sha256(seed).digest() * (attachment_bytes // 32 + 1))
                reference, path = evidence_file(attachment_dir,
                                                b"%PDF" + content[:attachment_bytes],
                                                f"任务{task}佐证.pdf")
                attachments.append(reference)
                files[reference["sha256"]] = path
            entries.append(entry_record(
                unit=sender, task=task, period=period, revision=revision,
                value=str((task * 7 + revision) % 100), narrative=f"第{revision}版 任务{task}",
                attachments=attachments))
    package_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"meili:{sender}:{sequence}:{revision}"))
    return make_package(entries, sender=sender, sequence=sequence, package_id=package_id,
                        attachments=files)


def state_dump(store: Store) -> dict[str, list[Any]]:
    """Return everything a merge writes, without ids and times, sorted for comparison."""
    with store.session_factory() as session:
        entries = sorted(
            (row.unit_id, row.task_number, row.period_code, row.status, row.value,
             row.narrative, row.revision, row.origin, row.review_state,
             tuple(sorted((link.sha256, link.display_name) for link in row.attachments)))
            for row in session.scalars(select(models.Entry)))
        revisions = sorted(
            (entry.unit_id, entry.task_number, entry.period_code, revision.revision,
             revision.source)
            for revision, entry in session.execute(
                select(models.EntryRevision, models.Entry).join(models.Entry)))
        ledger = sorted(
            (row.package_id, row.state, row.sequence, json.dumps(row.counts, sort_keys=True),
             tuple(row.periods))
            for row in session.scalars(select(models.ImportedPackage)))
        items = sorted(
            (row.package_id, row.kind, row.reason, row.unit_id, row.task_number,
             row.period_code, json.dumps(row.incoming, sort_keys=True, ensure_ascii=False))
            for row in session.scalars(select(models.MergeItem)))
        audit = sorted(
            (row.action, row.unit_id or "", row.task_number or 0, row.period_code or "",
             row.package_id or "", json.dumps(row.details, sort_keys=True, ensure_ascii=False))
            for row in session.scalars(select(models.AuditEvent)))
        attachments = sorted((row.sha256, row.size)
                             for row in session.scalars(select(models.Attachment)))
    return {"entries": entries, "revisions": revisions, "ledger": ledger, "items": items,
            "audit": audit, "attachments": attachments}
