"""Reporting units in SQLite and PostgreSQL: seeding, lookups and the office's changes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from meili_desktop.domain.units import UnitKind
from meili_desktop.store import models, units_repo
from meili_desktop.store.datafolder import Store, open_store

TANGQI = "330110102"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, data_dir: Path) -> Iterator[Store]:
    url = request.getfixturevalue("pg_url") if request.param == "postgres" else None
    opened = open_store(data_dir, url)
    with opened.session_factory.begin() as session:
        units_repo.seed_divisions(session)
    yield opened
    opened.dispose()


@pytest.fixture
def session(store: Store) -> Iterator[Session]:
    with store.session_factory.begin() as opened:
        yield opened


def audit_actions(session: Session, unit_id: str) -> list[str]:
    return list(session.scalars(select(models.AuditEvent.action)
                                .where(models.AuditEvent.unit_id == unit_id)
                                .order_by(models.AuditEvent.id)))


def test_seed_again_adds_nothing(session: Session) -> None:
    assert units_repo.seed_divisions(session) == 0


def test_city_unit(session: Session) -> None:
    city = units_repo.get_unit(session, "3301")
    assert city is not None
    assert (city.name, city.kind, city.parent_id) == ("杭州市", UnitKind.CITY, None)


def test_current_counties(session: Session) -> None:
    names = [county.name for county in units_repo.list_counties(session)]
    assert len(names) == 13
    assert "临平区" in names
    assert "江干区" not in names


def test_abolished_counties_listed_on_request(session: Session) -> None:
    names = {county.name for county in units_repo.list_counties(session,
                                                                 include_abolished=True)}
    assert {"下城区", "江干区"} <= names


def test_township_count(session: Session) -> None:
    assert len(units_repo.list_townships(session)) == 196


def test_townships_of_county(session: Session) -> None:
    names = [town.name for town in units_repo.list_townships(session, "330113")]
    assert names[:2] == ["临平街道", "南苑街道"]
    assert "塘栖镇" in names


def test_tangqi_one_unit_two_codes(session: Session) -> None:
    unit = units_repo.get_unit(session, TANGQI)
    assert unit is not None
    assert [(code.edition, code.code, code.parent_code) for code in unit.codes] == [
        ("2020-06-30", "330110102", "330110"), ("2021-10-31", "330113100", "330113")]


def test_tangqi_current_parent(session: Session) -> None:
    unit = units_repo.get_unit(session, TANGQI)
    assert unit is not None
    assert unit.parent_id == "330113"


@pytest.mark.parametrize(("county", "town"), [
    ("余杭区", "塘栖镇"), ("临平区", "塘栖镇"), ("330110", "330110102"),
    ("330113", "330113100"), ("临平区", "330110102"), ("  临平区 ", "塘栖镇　"),
])
def test_find_tangqi(session: Session, county: str, town: str) -> None:
    assert units_repo.find_township(session, county, town).id == TANGQI


def test_find_moved_street_by_old_county(session: Session) -> None:
    assert units_repo.find_township(session, "江干区", "凯旋街道").id == "330104005"


def test_town_not_under_county(session: Session) -> None:
    with pytest.raises(units_repo.TownNotFoundError) as caught:
        units_repo.find_township(session, "淳安县", "塘栖镇")
    assert caught.value.details == {"county": "淳安县", "town": "塘栖镇"}


def test_county_not_found(session: Session) -> None:
    with pytest.raises(units_repo.UnitNotFoundError):
        units_repo.find_township(session, "不存在县", "塘栖镇")


def test_create_market_town(session: Session) -> None:
    unit = units_repo.create_unit(session, "某某集镇", UnitKind.TOWNSHIP, "330127", actor="张三")
    assert unit.id.startswith("X")
    assert len(unit.id) == 9
    assert unit.codes == ()
    assert units_repo.find_township(session, "淳安县", "某某集镇").id == unit.id
    assert audit_actions(session, unit.id) == ["unit.create"]


def test_market_town_listed(session: Session) -> None:
    unit = units_repo.create_unit(session, "某某集镇", UnitKind.TOWNSHIP, "330127")
    assert unit.id in {town.id for town in units_repo.list_townships(session, "330127")}


def test_create_duplicate_name(session: Session) -> None:
    with pytest.raises(units_repo.UnitChangeError) as caught:
        units_repo.create_unit(session, "塘栖镇", UnitKind.TOWNSHIP, "330113")
    assert caught.value.code == "units.duplicate_name"


def test_create_empty_name(session: Session) -> None:
    with pytest.raises(units_repo.UnitChangeError) as caught:
        units_repo.create_unit(session, "  ", UnitKind.TOWNSHIP, "330113")
    assert caught.value.code == "units.invalid_name"


def test_create_township_under_city(session: Session) -> None:
    with pytest.raises(units_repo.UnitChangeError) as caught:
        units_repo.create_unit(session, "某集镇", UnitKind.TOWNSHIP, "3301")
    assert caught.value.code == "units.invalid_parent"


def test_rename_keeps_codes(session: Session) -> None:
    unit = units_repo.rename_unit(session, TANGQI, "塘栖新镇", actor="office")
    assert unit.name == "塘栖新镇"
    assert len(unit.codes) == 2
    assert units_repo.find_township(session, "临平区", "塘栖镇").id == TANGQI
    assert audit_actions(session, TANGQI) == ["unit.rename"]


def test_rename_audit_details(session: Session) -> None:
    units_repo.rename_unit(session, TANGQI, "塘栖新镇")
    details = session.scalar(select(models.AuditEvent.details)
                             .where(models.AuditEvent.unit_id == TANGQI))
    assert details == {"old_name": "塘栖镇", "new_name": "塘栖新镇"}


def test_move_township(session: Session) -> None:
    unit = units_repo.move_unit(session, TANGQI, "330110")
    assert unit.parent_id == "330110"
    assert audit_actions(session, TANGQI) == ["unit.move"]


def test_move_under_township_rejected(session: Session) -> None:
    with pytest.raises(units_repo.UnitChangeError) as caught:
        units_repo.move_unit(session, TANGQI, "330102001")
    assert caught.value.code == "units.invalid_parent"


def test_merge_keeps_history(session: Session) -> None:
    market = units_repo.create_unit(session, "塘栖集镇", UnitKind.TOWNSHIP, "330113")
    target = units_repo.merge_units(session, market.id, TANGQI, actor="office")
    merged = units_repo.get_unit(session, market.id)
    assert target.id == TANGQI
    assert merged is not None
    assert merged.merged_into_id == TANGQI
    assert audit_actions(session, market.id) == ["unit.create", "unit.merge"]


def test_merged_unit_found_as_target(session: Session) -> None:
    market = units_repo.create_unit(session, "塘栖集镇", UnitKind.TOWNSHIP, "330113")
    units_repo.merge_units(session, market.id, TANGQI)
    assert units_repo.find_township(session, "临平区", "塘栖集镇").id == TANGQI
    assert market.id not in {town.id for town in units_repo.list_townships(session)}


def test_merge_counties_moves_townships(session: Session) -> None:
    units_repo.merge_units(session, "330113", "330110")
    tangqi = units_repo.get_unit(session, TANGQI)
    assert tangqi is not None
    assert tangqi.parent_id == "330110"
    assert units_repo.find_unit(session, "330113100").id == TANGQI


def test_merged_county_keeps_codes(session: Session) -> None:
    units_repo.merge_units(session, "330113", "330110")
    linping = units_repo.get_unit(session, "330113")
    assert linping is not None
    assert [code.code for code in linping.codes] == ["330113"]


@pytest.mark.parametrize(("source", "target"), [
    (TANGQI, TANGQI), (TANGQI, "330113"), ("330113", "3301"),
])
def test_invalid_merge(session: Session, source: str, target: str) -> None:
    with pytest.raises(units_repo.UnitChangeError) as caught:
        units_repo.merge_units(session, source, target)
    assert caught.value.code == "units.invalid_merge"


def test_ambiguous_name(session: Session) -> None:
    units_repo.create_unit(session, "同名集镇", UnitKind.TOWNSHIP, "330127")
    units_repo.create_unit(session, "同名集镇", UnitKind.TOWNSHIP, "330122")
    with pytest.raises(units_repo.UnitAmbiguousError):
        units_repo.find_unit(session, "同名集镇")


def test_unknown_unit_id(session: Session) -> None:
    with pytest.raises(units_repo.UnitNotFoundError):
        units_repo.rename_unit(session, "X00000000", "新名")


def index_questions(session: Session) -> list[tuple[str, list[UnitKind] | None, str | None]]:
    """Return texts to look up: every unit's id, names and codes, spelled several ways."""
    texts = {"", "不存在镇", "  临平区 ", "塘栖镇　", "３３０１１０１０２", "330110102000", "同名集镇",
             "塘栖集镇"}
    for row in session.scalars(select(models.ReportingUnit)):
        texts.update({row.id, row.name, f" {row.name} "})
        for code in row.codes:
            texts.update({code.code, code.name})
    filters: list[tuple[list[UnitKind] | None, str | None]] = [
        (None, None), ([UnitKind.TOWNSHIP], None), ([UnitKind.COUNTY], None),
        ([UnitKind.TOWNSHIP], "330110"), ([UnitKind.TOWNSHIP], "330113"),
        ([UnitKind.TOWNSHIP], "330127")]
    return [(text, kinds, parent) for text in sorted(texts) for kinds, parent in filters]


def test_unit_index_matches_find_units(session: Session) -> None:
    units_repo.create_unit(session, "同名集镇", UnitKind.TOWNSHIP, "330127")
    units_repo.create_unit(session, "同名集镇", UnitKind.TOWNSHIP, "330122")
    market = units_repo.create_unit(session, "塘栖集镇", UnitKind.TOWNSHIP, "330113")
    units_repo.merge_units(session, market.id, TANGQI)
    units_repo.merge_units(session, "330113", "330110")
    session.flush()
    index = units_repo.UnitIndex(session)
    questions = index_questions(session)

    for text, kinds, parent in questions:
        expected = units_repo.find_units(session, text, kinds=kinds, parent_id=parent)
        found = index.find_units(text, kinds=kinds, parent_id=parent)
        assert sorted(unit.id for unit in found) == sorted(unit.id for unit in expected), \
            (text, kinds, parent)
    assert len(questions) > 1000


def test_unit_index_find_unit_errors(session: Session) -> None:
    units_repo.create_unit(session, "同名集镇", UnitKind.TOWNSHIP, "330127")
    units_repo.create_unit(session, "同名集镇", UnitKind.TOWNSHIP, "330122")
    session.flush()
    index = units_repo.UnitIndex(session)

    with pytest.raises(units_repo.UnitAmbiguousError) as ambiguous:
        index.find_unit("同名集镇")
    with pytest.raises(units_repo.UnitNotFoundError) as missing:
        index.find_unit("不存在镇")

    assert ambiguous.value.details["value"] == "同名集镇"
    assert missing.value.details == {"value": "不存在镇"}
    assert index.find_unit("  临平区 ").id == "330113"
