"""Entry records that a signed report package may carry but the merge cannot store.

A township signs its own packages, so a buggy or tampered laptop can put any JSON value in an
entry record and the signature still holds. The merge must reject such a record with the
product's own error and leave the office database as it was. Each case once escaped as a
Python exception, which printed a traceback and, in ``merge DIR``, stopped every package
after it in the folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from meili_desktop.errors import MeiliError
from meili_desktop.services import merge as merge_service
from meili_desktop.store.datafolder import Store
from tests.services.merge_support import entry_record, make_package, open_office_store, table_counts


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Store]:
    store = open_office_store(tmp_path / "office")
    yield store
    store.dispose()


def merge_or_reject(store: Store, record: dict) -> None:
    """Merge one package holding ``record``, treating a MeiliError as a clean rejection."""
    try:
        merge_service.merge(store, make_package([record]))
    except MeiliError:
        pass


def test_huge_revision_rejected(office: Store) -> None:
    before = table_counts(office)

    merge_or_reject(office, entry_record(revision=2**64))

    assert table_counts(office) == before


def test_huge_task_number_rejected(office: Store) -> None:
    before = table_counts(office)

    merge_or_reject(office, entry_record(task=2**64))

    assert table_counts(office) == before


def test_unconvertible_time_not_crash(office: Store) -> None:
    merge_or_reject(office, entry_record(updated_at="0001-01-01T00:00:00+14:00"))


def test_lone_surrogate_rejected(office: Store) -> None:
    before = table_counts(office)

    merge_or_reject(office, entry_record(narrative="\ud800"))

    assert table_counts(office) == before
