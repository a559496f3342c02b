"""Catalogue versions in SQLite and PostgreSQL: save, load, activate and list."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from meili_desktop.domain.catalogue import Catalogue, MemberUnit
from meili_desktop.domain.catalogue_document import (
    catalogue_hash,
    catalogue_to_document,
    parse_catalogue_json,
)
from meili_desktop.paths import resource_path
from meili_desktop.store import catalogue_repo, models
from meili_desktop.store.datafolder import Store, open_store


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, data_dir: Path) -> Iterator[Store]:
    url = request.getfixturevalue("pg_url") if request.param == "postgres" else None
    opened = open_store(data_dir, url)
    yield opened
    opened.dispose()


@pytest.fixture(scope="module")
def embedded() -> Catalogue:
    return parse_catalogue_json(resource_path("catalogue", "catalogue-2020.json").read_bytes())


def renamed(catalogue: Catalogue, version: str, **changes: object) -> Catalogue:
    return dataclasses.replace(catalogue, version=version, **changes)


def test_load_equals_saved(store: Store, embedded: Catalogue) -> None:
    with store.session_factory.begin() as session:
        catalogue_repo.save_catalogue(session, embedded)
    with store.session_factory.begin() as session:
        loaded = catalogue_repo.load_active_catalogue(session)
    assert loaded is not None
    assert catalogue_to_document(loaded) == catalogue_to_document(embedded)


def test_hash_recorded(store: Store, embedded: Catalogue) -> None:
    with store.session_factory.begin() as session:
        catalogue_repo.save_catalogue(session, embedded)
        versions = catalogue_repo.list_versions(session)
    assert [(info.version, info.content_hash, info.task_count, info.is_active)
            for info in versions] == [("2020.1", catalogue_hash(embedded), 43, True)]


def test_no_active_catalogue(store: Store) -> None:
    with store.session_factory.begin() as session:
        assert catalogue_repo.load_active_catalogue(session) is None
        assert not catalogue_repo.has_catalogue(session)


def test_save_twice_is_idempotent(store: Store, embedded: Catalogue) -> None:
    with store.session_factory.begin() as session:
        first = catalogue_repo.save_catalogue(session, embedded)
    with store.session_factory.begin() as session:
        second = catalogue_repo.save_catalogue(session, embedded)
        count = session.scalar(select(func.count()).select_from(models.CatalogueVersion))
    assert first == second
    assert count == 1


def test_same_version_other_content(store: Store, embedded: Catalogue) -> None:
    with store.session_factory.begin() as session:
        catalogue_repo.save_catalogue(session, embedded)
    changed = dataclasses.replace(embedded, title="改过的标题")
    with pytest.raises(catalogue_repo.CatalogueVersionExistsError):
        with store.session_factory.begin() as session:
            catalogue_repo.save_catalogue(session, changed)
    with store.session_factory.begin() as session:
        loaded = catalogue_repo.load_active_catalogue(session)
    assert loaded is not None
    assert loaded.title == embedded.title


def test_second_version_becomes_active(store: Store, embedded: Catalogue) -> None:
    with store.session_factory.begin() as session:
        catalogue_repo.save_catalogue(session, embedded)
        catalogue_repo.save_catalogue(session, renamed(embedded, "2020.2", title="第二版"))
    with store.session_factory.begin() as session:
        active = catalogue_repo.load_active_catalogue(session)
        flags = [(info.version, info.is_active) for info in catalogue_repo.list_versions(session)]
    assert active is not None
    assert active.title == "第二版"
    assert flags == [("2020.1", False), ("2020.2", True)]


def test_activate_older_version(store: Store, embedded: Catalogue) -> None:
    with store.session_factory.begin() as session:
        catalogue_repo.save_catalogue(session, embedded)
        catalogue_repo.save_catalogue(session, renamed(embedded, "2020.2"))
        catalogue_repo.activate_version(session, "2020.1")
    with store.session_factory.begin() as session:
        active = catalogue_repo.load_active_catalogue(session)
    assert active is not None
    assert active.version == "2020.1"


def test_activate_unknown_version(store: Store) -> None:
    with pytest.raises(catalogue_repo.CatalogueVersionNotFoundError):
        with store.session_factory.begin() as session:
            catalogue_repo.activate_version(session, "1999.1")


def test_load_unknown_version(store: Store) -> None:
    with pytest.raises(catalogue_repo.CatalogueVersionNotFoundError):
        with store.session_factory.begin() as session:
            catalogue_repo.load_catalogue(session, "1999.1")


def test_member_units_shared(store: Store, embedded: Catalogue) -> None:
    with store.session_factory.begin() as session:
        catalogue_repo.save_catalogue(session, embedded)
        catalogue_repo.save_catalogue(session, renamed(embedded, "2020.2"))
        count = session.scalar(select(func.count()).select_from(models.MemberUnit))
    assert count == 22


def test_new_version_updates_duties(store: Store, embedded: Catalogue) -> None:
    units = tuple(dataclasses.replace(unit, duties="新的职责") if unit.name == "市体育局" else unit
                  for unit in embedded.member_units)
    with store.session_factory.begin() as session:
        catalogue_repo.save_catalogue(session, embedded)
        catalogue_repo.save_catalogue(session, renamed(embedded, "2020.2", member_units=units))
    with store.session_factory.begin() as session:
        loaded = catalogue_repo.load_catalogue(session, "2020.2")
    unit = loaded.member_unit("市体育局")
    assert unit is not None
    assert unit.duties == "新的职责"


def test_alias_moves_between_units(store: Store, embedded: Catalogue) -> None:
    moved = []
    for unit in embedded.member_units:
        if unit.name == "市城市管理局":
            unit = dataclasses.replace(unit, aliases=())
        elif unit.name == "市建委":
            unit = dataclasses.replace(unit, aliases=("市城管局",))
        moved.append(unit)
    with store.session_factory.begin() as session:
        catalogue_repo.save_catalogue(session, embedded)
        catalogue_repo.save_catalogue(session, renamed(embedded, "2020.2",
                                                       member_units=tuple(moved)))
    with store.session_factory.begin() as session:
        loaded = catalogue_repo.load_catalogue(session, "2020.2")
    assert loaded.resolve_unit("市城管局") == "市建委"


def test_version_keeps_its_member_list(store: Store, embedded: Catalogue) -> None:
    extra = MemberUnit(name="市数据资源局", duties="推进数字化改革。")
    with store.session_factory.begin() as session:
        catalogue_repo.save_catalogue(session, embedded)
        catalogue_repo.save_catalogue(session, renamed(
            embedded, "2020.2", member_units=(*embedded.member_units, extra)))
    with store.session_factory.begin() as session:
        first = catalogue_repo.load_catalogue(session, "2020.1")
        second = catalogue_repo.load_catalogue(session, "2020.2")
    assert len(first.member_units) == 22
    assert second.member_units[-1].name == "市数据资源局"


def test_written_as_stored(store: Store, embedded: Catalogue) -> None:
    with store.session_factory.begin() as session:
        catalogue_repo.save_catalogue(session, embedded)
    with store.session_factory.begin() as session:
        loaded = catalogue_repo.load_active_catalogue(session)
    assert loaded is not None
    assert loaded.task(4).lead_units[0].written_as == "市规划局"
