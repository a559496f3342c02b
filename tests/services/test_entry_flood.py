"""A report package cannot flood the office with entries its unit could never send.

An approved township once merged 50,000 entries for nonexistent tasks as 50,000 held items
(9.8 s, 560 MB, 48 MB more database). A package may carry one entry per catalogue task and
period it names, plus a margin for tasks of a newer catalogue; more are rejected before
anything is parsed or written.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from meili_desktop.domain.merge import MergeKind
from meili_desktop.services import merge
from meili_desktop.services.merge import ENTRY_COUNT_MARGIN, TooManyEntriesError
from meili_desktop.store.datafolder import Store
from meili_desktop.store.merge_lookups import load_task_rules
from tests.services.merge_support import (
    PERIOD,
    PERIODS,
    entry_record,
    make_package,
    open_office_store,
    synthetic_package,
    table_counts,
    township_tasks,
)

FLOOD = 50_000


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Store]:
    store = open_office_store(tmp_path / "office")
    yield store
    store.dispose()


def catalogue_tasks(store: Store) -> int:
    with store.session_factory() as session:
        return len(load_task_rules(session))


def test_flood_rejected_before_writing(office: Store) -> None:
    package = make_package([entry_record(task=1000 + number) for number in range(FLOOD)])
    before = table_counts(office)

    started = time.perf_counter()
    with pytest.raises(TooManyEntriesError) as raised:
        merge.merge(office, package)
    elapsed_s = time.perf_counter() - started

    assert elapsed_s < 2, elapsed_s
    assert table_counts(office) == before
    assert raised.value.details["count"] == FLOOD
    assert raised.value.details["limit"] == catalogue_tasks(office) + ENTRY_COUNT_MARGIN
    assert raised.value.details["periods"] == 1


def test_flood_rejected_in_preview(office: Store) -> None:
    package = make_package([entry_record(task=1000 + number) for number in range(FLOOD)])

    with pytest.raises(TooManyEntriesError):
        merge.preview(office, package)


def test_unknown_periods_do_not_widen(office: Store) -> None:
    """Periods the office does not know count for nothing, so listing many buys no room."""
    entries = [entry_record(task=1000 + number, period=f"2099-{number:05d}")
               for number in range(2_000)]
    package = make_package(entries)

    with pytest.raises(TooManyEntriesError) as raised:
        merge.merge(office, package)

    assert raised.value.details["periods"] == 0


def test_full_year_package_merges(office: Store) -> None:
    package = synthetic_package("330110005", 1, 1, tasks=township_tasks(office),
                                periods=PERIODS)

    result = merge.merge(office, package)

    assert result.outcome == "merged"
    assert sum(result.counts.values()) == len(township_tasks(office)) * len(PERIODS)


def test_unknown_tasks_held_within_bound(office: Store) -> None:
    entries = [entry_record(task=1000 + number) for number in range(ENTRY_COUNT_MARGIN)]
    package = make_package([entry_record(), *entries])

    result = merge.merge(office, package)

    assert result.counts[MergeKind.HELD.value] == ENTRY_COUNT_MARGIN
    assert result.counts[MergeKind.NEW.value] == 1
    assert package.periods == (PERIOD,)
