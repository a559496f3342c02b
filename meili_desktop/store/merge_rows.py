"""Set-based reads and inserts of entry rows for the merge, as Core statements.

Merging a package reads the stored state of its entries and inserts the new ones. Through the
ORM this cost one ``INSERT ... RETURNING`` per new entry on SQLite, because SQLAlchemy cannot
rely on the order of rows that a multi-row ``RETURNING`` gives back there, and loading each
stored entry built ORM objects with their evidence links. Here a package's stored entries are
read with two statements per unit and period, and its new entries are inserted with one
``executemany`` and their ids read back with one statement.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from meili_desktop.domain.entries import EntryKey, ReviewState
from meili_desktop.domain.laptops import versions_from_json
from meili_desktop.domain.merge import StoredEntryState
from meili_desktop.store import models
from meili_desktop.store.bulk_insert import insert_many

# Bound parameters per IN list; SQLite before 3.32 allowed only 999 in one statement.
_IN_CHUNK = 300

_ENTRY = models.Entry.__table__
_LINK = models.EntryAttachment.__table__
_CONTENT_COLUMNS = (_ENTRY.c.status, _ENTRY.c.value, _ENTRY.c.numerator, _ENTRY.c.denominator,
                    _ENTRY.c.narrative, _ENTRY.c.responsible_person, _ENTRY.c.contact)
# One unit and period at a time: SQLite searches the unique index by its prefix, where a
# row-value IN list over all three columns made it scan the whole index. The statements are
# built once, so SQLAlchemy computes their cache keys once.
_IN_GROUP = (_ENTRY.c.unit_id == bindparam("unit_id"),
             _ENTRY.c.period_code == bindparam("period_code"),
             _ENTRY.c.task_number.in_(bindparam("numbers", expanding=True)))
_STORED = (select(_ENTRY.c.id, _ENTRY.c.unit_id, _ENTRY.c.task_number, _ENTRY.c.period_code,
                  *_CONTENT_COLUMNS, _ENTRY.c.revision, _ENTRY.c.review_state,
                  _ENTRY.c.reviewed_revision, _ENTRY.c.origin, _ENTRY.c.source_fingerprint,
                  _ENTRY.c.laptop_versions)
           .where(*_IN_GROUP).order_by(_ENTRY.c.id))
_STORED_LOCKED = _STORED.with_for_update(of=_ENTRY)
_IDS = select(_ENTRY.c.id, _ENTRY.c.task_number).where(*_IN_GROUP)
_DIGESTS = select(_LINK.c.entry_id, _LINK.c.sha256).where(
    _LINK.c.entry_id.in_(bindparam("ids", expanding=True)))


def load_stored_states(session: Session, keys: Iterable[EntryKey], *,
                       for_update: bool = False) -> dict[EntryKey, StoredEntryState]:
    """Return the stored state of the entries with the given keys, as merge decisions need it.

    Args:
        session: the caller's session.
        keys: the entries wanted; keys with no stored entry are left out of the result.
        for_update: lock the entry rows until the transaction ends (PostgreSQL; on SQLite
            the merge already holds the database's write lock).
    """
    connection = session.connection()
    statement = _STORED_LOCKED if for_update else _STORED
    rows: list[Any] = []
    for unit_id, period_code, numbers in _key_groups(keys):
        rows.extend(connection.execute(statement, {"unit_id": unit_id,
                                                   "period_code": period_code,
                                                   "numbers": numbers}))
    if not rows:
        return {}

    digests = _attachment_digests(session, [row.id for row in rows])
    return {EntryKey(row.unit_id, row.task_number, row.period_code): StoredEntryState(
        row.revision,
        {**{column.name: row._mapping[column.name] for column in _CONTENT_COLUMNS},
         "attachments": sorted(digests.get(row.id, ()))},
        ReviewState(row.review_state), row.reviewed_revision, row.origin,
        row.source_fingerprint, versions_from_json(row.laptop_versions))
        for row in rows}


def insert_entry_rows(session: Session, values: Sequence[Mapping[str, Any]]) -> list[int]:
    """Insert ``entries`` rows with one ``executemany``; return their ids in the same order.

    Each mapping has the same columns, among them ``unit_id``, ``task_number`` and
    ``period_code``, whose combination must not be stored yet.
    """
    if not values:
        return []
    connection = session.connection()
    insert_many(connection, _ENTRY, values)
    keys = [EntryKey(row["unit_id"], row["task_number"], row["period_code"]) for row in values]
    ids: dict[EntryKey, int] = {}
    for unit_id, period_code, numbers in _key_groups(keys):
        for entry_id, number in connection.execute(
                _IDS, {"unit_id": unit_id, "period_code": period_code, "numbers": numbers}):
            ids[EntryKey(unit_id, number, period_code)] = entry_id
    return [ids[key] for key in keys]


def insert_rows(session: Session, table: Any, values: Sequence[Mapping[str, Any]]) -> None:
    """Insert rows into ``table`` (a model class) with one ``executemany``.

    :func:`~meili_desktop.store.bulk_insert.insert_many` skips the ORM's per-row
    bookkeeping, which a bulk insert of plain rows does not need.
    """
    insert_many(session.connection(), table.__table__, values)


def _key_groups(keys: Iterable[EntryKey]) -> list[tuple[str, str, list[int]]]:
    """Group entry keys by unit and period; split each group's task numbers into IN lists."""
    groups: dict[tuple[str, str], set[int]] = {}
    for key in keys:
        groups.setdefault((key.unit_id, key.period_code), set()).add(key.task_number)
    result = []
    for (unit_id, period_code), numbers in sorted(groups.items()):
        ordered = sorted(numbers)
        for start in range(0, len(ordered), _IN_CHUNK):
            result.append((unit_id, period_code, ordered[start:start + _IN_CHUNK]))
    return result


def _attachment_digests(session: Session, entry_ids: list[int]) -> dict[int, list[str]]:
    connection = session.connection()
    digests: dict[int, list[str]] = {}
    for start in range(0, len(entry_ids), _IN_CHUNK):
        for entry_id, sha256 in connection.execute(
                _DIGESTS, {"ids": entry_ids[start:start + _IN_CHUNK]}):
            digests.setdefault(entry_id, []).append(sha256)
    return digests
