"""Imports back the database up first, so a bad import can be undone by a restore."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from meili_desktop.services.backups import list_backups
from meili_desktop.services.catalogue import import_catalogue_xlsx
from meili_desktop.services.distribution import (
    build_distribution_package,
    import_distribution_package,
)
from meili_desktop.services.setup import setup_provisional_township
from meili_desktop.services.templates import export_template, import_template
from meili_desktop.store.datafolder import Store, open_store
from tests.reliability.excel_seeds import task_table
from tests.reliability.helpers import narratives
from tests.reliability.test_service_faults import fill_template_cell
from tests.services.package_chain import make_city, township_id

PERIOD = "2021Q2"


@pytest.fixture
def township(data_dir: Path) -> Iterator[tuple[Store, str]]:
    store = open_store(data_dir)
    identity = setup_provisional_township(store, "余杭区", "塘栖镇")
    assert identity.unit_id is not None
    yield store, identity.unit_id
    store.dispose()


def reasons(store: Store) -> list[str]:
    return [backup.reason for backup in list_backups(store.folder.root)]


def test_template_import_backs_up(township: tuple[Store, str], tmp_path: Path) -> None:
    store, unit = township
    template = tmp_path / "模板.xlsx"
    export_template(store, template, unit, PERIOD)
    fill_template_cell(template, 13, "narrative", "模板里填写的说明")

    result = import_template(store, template)

    assert result.is_applied
    assert reasons(store) == ["pre-import"]
    assert narratives(list_backups(store.folder.root)[0].path) == []
    assert narratives(store.folder.database_file) == ["模板里填写的说明"]


def test_template_imported_twice_one_backup(township: tuple[Store, str],
                                            tmp_path: Path) -> None:
    store, unit = township
    template = tmp_path / "模板.xlsx"
    export_template(store, template, unit, PERIOD)
    fill_template_cell(template, 13, "narrative", "模板里填写的说明")
    import_template(store, template)

    again = import_template(store, template)

    assert again.changed == ()
    assert reasons(store) == ["pre-import"]


def test_template_dry_run_no_backup(township: tuple[Store, str], tmp_path: Path) -> None:
    store, unit = township
    template = tmp_path / "模板.xlsx"
    export_template(store, template, unit, PERIOD)
    fill_template_cell(template, 13, "narrative", "只检查")

    import_template(store, template, dry_run=True)

    assert reasons(store) == []


def test_catalogue_import_backs_up(township: tuple[Store, str], tmp_path: Path) -> None:
    store, _unit = township

    result = import_catalogue_xlsx(store, task_table(tmp_path), accept_problems=True)

    assert result.is_imported
    assert reasons(store) == ["pre-import"]


def test_distribution_import_backs_up(tmp_path: Path) -> None:
    city = make_city(tmp_path / "office")
    laptop = open_store(tmp_path / "laptop")
    try:
        setup_provisional_township(laptop, "临平区", "塘栖镇")
        unit = township_id(city, "临平区", "塘栖镇")
        package = tmp_path / "下发包.mldp"
        build_distribution_package(city.store, city.unlocked, unit, package)

        import_distribution_package(laptop, package)

        assert reasons(laptop) == ["pre-import"]
    finally:
        laptop.dispose()
        city.store.dispose()
