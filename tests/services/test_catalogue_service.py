"""Catalogue actions: first-open setup and the Excel import on a real data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from meili_desktop.domain.catalogue import Provenance
from meili_desktop.services import catalogue as service
from meili_desktop.store import catalogue_repo, units_repo
from meili_desktop.store.datafolder import Store, open_store
from tests.reports.workbooks import clean_notice_table, notice_table


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = open_store(data_dir)
    yield opened
    opened.dispose()


def versions(store: Store) -> list[tuple[str, bool]]:
    with store.session_factory.begin() as session:
        return [(info.version, info.is_active) for info in catalogue_repo.list_versions(session)]


def test_no_catalogue_before_setup(store: Store) -> None:
    with pytest.raises(service.CatalogueMissingError):
        service.active_catalogue(store)


def test_setup_stores_embedded(store: Store) -> None:
    catalogue = service.ensure_default_catalogue(store)
    assert catalogue.version == "2020.1"
    assert service.active_catalogue(store) == catalogue


def test_setup_seeds_units(store: Store) -> None:
    service.ensure_default_catalogue(store)
    with store.session_factory.begin() as session:
        assert units_repo.find_township(session, "余杭区", "塘栖镇").id == "330110102"


def test_setup_twice_keeps_one_version(store: Store) -> None:
    service.ensure_default_catalogue(store)
    service.ensure_default_catalogue(store)
    assert versions(store) == [("2020.1", True)]


def test_setup_survives_reopen(data_dir: Path) -> None:
    first = open_store(data_dir)
    service.ensure_default_catalogue(first)
    first.dispose()
    second = open_store(data_dir)
    try:
        assert service.active_catalogue(second).version == "2020.1"
    finally:
        second.dispose()


def test_import_with_problems_stores_nothing(store: Store, tmp_path: Path) -> None:
    path = notice_table().save(tmp_path / "t.xlsx")
    result = service.import_catalogue_xlsx(store, path)
    assert not result.is_imported
    assert len(result.problems) == 2
    assert versions(store) == [("2020.1", True)]


def test_dry_run_stores_nothing(store: Store, tmp_path: Path) -> None:
    path = clean_notice_table().save(tmp_path / "t.xlsx")
    result = service.import_catalogue_xlsx(store, path, dry_run=True)
    assert result.problems == ()
    assert not result.is_imported
    assert versions(store) == [("2020.1", True)]


def test_accepted_import_activates(store: Store, tmp_path: Path) -> None:
    path = notice_table().save(tmp_path / "t.xlsx")
    result = service.import_catalogue_xlsx(store, path, accept_problems=True)
    assert result.is_imported
    assert versions(store) == [("2020.1", False), ("2020.2", True)]
    link = service.active_catalogue(store).task(21).lead_units[0]
    assert (link.unit, link.provenance) == ("市林业水利局", Provenance.DUTIES)


def test_second_import_next_version(store: Store, tmp_path: Path) -> None:
    path = clean_notice_table().save(tmp_path / "t.xlsx")
    service.import_catalogue_xlsx(store, path)
    service.import_catalogue_xlsx(store, path)
    assert versions(store) == [("2020.1", False), ("2020.2", False), ("2020.3", True)]


def test_taken_version_rejected(store: Store, tmp_path: Path) -> None:
    path = clean_notice_table().save(tmp_path / "t.xlsx")
    with pytest.raises(catalogue_repo.CatalogueVersionExistsError):
        service.import_catalogue_xlsx(store, path, version="2020.1")
    assert service.active_catalogue(store).task(21).lead_units[0].provenance is \
        Provenance.DUTIES


@pytest.mark.parametrize(("current", "taken", "expected"), [
    ("2020.1", set(), "2020.2"),
    ("2020.1", {"2020.2", "2020.3"}, "2020.4"),
    ("2021", set(), "2021.2"),
    ("v2.9", set(), "v2.10"),
])
def test_next_version(current: str, taken: set[str], expected: str) -> None:
    assert service.next_version(current, taken) == expected
