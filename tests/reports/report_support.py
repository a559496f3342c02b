"""Office data folders seeded with entries and targets, for report, template and CLI tests.

Entries are written with the store models directly, the way merged report packages leave
them, so the tests do not depend on the package pipeline.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from meili_desktop.domain.periods import default_periods
from meili_desktop.i18n import install_translators
from meili_desktop.services.catalogue import ensure_default_catalogue
from meili_desktop.services.identity import Identity, Role, save_identity
from meili_desktop.store import models
from meili_desktop.store.datafolder import Store, open_store
from meili_desktop.store.periods_repo import add_missing_periods

COUNTY = "330110"  # 余杭区
OTHER_COUNTY = "330122"  # 桐庐县
TOWN_A = "330110005"  # 五常街道
TOWN_B = "330110009"  # 仁和街道
TOWN_C = "330122003"  # 桐庐县 桐君街道
TOWNS = (TOWN_A, TOWN_B, TOWN_C)
PERIOD = "2021Q2"
PREVIOUS = "2021Q1"
COUNT_TASK = 10
PERCENT_TASK = 13
RATE_TASK = 19


def open_office_store(root: Path, role: Role = Role.CITY, unit_id: str | None = None,
                      database_url: str | None = None) -> Store:
    """Open a data folder with the catalogue, units and default periods stored."""
    store = open_store(root, database_url)
    ensure_default_catalogue(store)
    save_identity(store, Identity(role, unit_id, False))
    with store.session_factory.begin() as session:
        add_missing_periods(session, default_periods())
        for town_id, town_type in ((TOWN_A, "样板镇"), (TOWN_B, "达标镇"), (TOWN_C, "达标镇")):
            unit = session.get(models.ReportingUnit, town_id)
            assert unit is not None, town_id
            unit.is_programme_town = True
            unit.town_type = town_type
    return store


def add_entry(session, unit_id: str, task: int, period: str, status: str = "in_progress",
              value: str | None = None, numerator: str | None = None,
              denominator: str | None = None, person: str = "张三") -> None:
    session.add(models.Entry(unit_id=unit_id, task_number=task, period_code=period,
                             status=status, value=value, numerator=numerator,
                             denominator=denominator, narrative="按计划推进",
                             responsible_person=person, revision=1,
                             updated_at=datetime(2021, 6, 30, 9, 0)))


def add_target(session, unit_id: str, task: int, period: str, value: str) -> None:
    session.add(models.Target(task_number=task, unit_id=unit_id, period_code=period,
                              value=value, method="manual", version=1,
                              updated_at=datetime(2021, 1, 5)))


def seed_report_data(store: Store) -> None:
    """Store a small, hand-checkable set of entries and targets for 2021Q1 and 2021Q2.

    Task 13 (percent): A reports 10/10, B reports 100/200 and C only a percentage in Q2.
    Task 10 (count): A 3 of target 2, B 1 of target 3; C has target 5 and no entry.
    """
    with store.session_factory.begin() as session:
        for town, target in ((TOWN_A, "2"), (TOWN_B, "3"), (TOWN_C, "5")):
            add_target(session, town, COUNT_TASK, "2021", target)
            add_target(session, town, PERCENT_TASK, "2021", "90")
        add_entry(session, TOWN_A, PERCENT_TASK, PERIOD, "done", "100", "10", "10")
        add_entry(session, TOWN_B, PERCENT_TASK, PERIOD, "in_progress", "50", "100", "200")
        add_entry(session, TOWN_A, COUNT_TASK, PERIOD, "done", "3")
        add_entry(session, TOWN_B, COUNT_TASK, PERIOD, "in_progress", "1")
        add_entry(session, TOWN_A, COUNT_TASK, PREVIOUS, "in_progress", "1")
        add_entry(session, TOWN_B, COUNT_TASK, PREVIOUS, "not_started", "0")


@pytest.fixture
def office_store(tmp_path: Path) -> Iterator[Store]:
    store = open_office_store(tmp_path / "office 数据")
    try:
        yield store
    finally:
        store.dispose()


@pytest.fixture
def english(qapp: QCoreApplication) -> Iterator[QCoreApplication]:
    """Show labels in English, the source language, whatever an earlier test installed.

    A command run in-process without ``--lang`` leaves the zh_CN translators installed.
    """
    saved = QLocale()
    install_translators(qapp, "en")
    try:
        yield qapp
    finally:
        QLocale.setDefault(saved)


@pytest.fixture
def chinese(qapp: QCoreApplication) -> Iterator[QCoreApplication]:
    """Install the zh_CN translations for one test and remove them afterwards."""
    saved = QLocale()
    install_translators(qapp, "zh_CN")
    try:
        yield qapp
    finally:
        install_translators(qapp, "en")
        QLocale.setDefault(saved)


def quarter_dates(code: str) -> tuple[date, date]:
    year, quarter = int(code[:4]), int(code[-1])
    first = date(year, 3 * quarter - 2, 1)
    last = (date(year, 3 * quarter + 1, 1) if quarter < 4 else date(year + 1, 1, 1)) \
        - timedelta(days=1)
    return first, last


ZERO = Decimal(0)


def seed_demo_data(store: Store, periods: tuple[str, ...] = ("2021Q1", "2021Q2"),
                   seed: int = 2021) -> int:
    """Mark every current township as a programme town and store plausible entries.

    Percent and rate tasks record numerators and denominators, counts and lengths a value;
    progress grows from one period to the next. Returns the number of entries written.
    """
    import random

    from meili_desktop.domain.catalogue import MeasureType
    from meili_desktop.services.catalogue import active_catalogue
    from meili_desktop.services.entries import reported_tasks
    from meili_desktop.store.units_repo import list_townships

    numbers = random.Random(seed)
    tasks = reported_tasks(active_catalogue(store))
    written = 0
    with store.session_factory.begin() as session:
        towns = list_townships(session)
        for index, town in enumerate(towns):
            row = session.get(models.ReportingUnit, town.id)
            row.is_programme_town = True
            row.town_type = "样板镇" if index % 4 == 0 else "达标镇"
        for town in towns:
            strength = numbers.uniform(0.5, 1.1)
            for task in tasks:
                if task.measure in (MeasureType.PERCENT,):
                    add_target(session, town.id, task.number, "2021", "90")
                elif task.measure in (MeasureType.COUNT, MeasureType.LENGTH):
                    add_target(session, town.id, task.number, "2021",
                               str(numbers.randint(2, 8)))
                elif task.measure is MeasureType.RATE:
                    add_target(session, town.id, task.number, "2021", "30")
                for step, period in enumerate(periods, 1):
                    if numbers.random() < 0.08 * (len(periods) - step + 1):
                        continue
                    progress = min(1.2, strength * (0.55 + 0.25 * step) * numbers.uniform(0.8, 1.1))
                    _add_demo_entry(session, numbers, town.id, task, period, progress)
                    written += 1
    return written


def _add_demo_entry(session, numbers, unit_id: str, task, period: str, progress: float) -> None:
    from meili_desktop.domain.catalogue import MeasureType

    status = "done" if progress >= 1 else ("in_progress" if progress > 0.3 else "not_started")
    if task.measure is MeasureType.PERCENT:
        denominator = numbers.randint(8, 60)
        numerator = min(denominator, round(denominator * 0.9 * progress))
        add_entry(session, unit_id, task.number, period, status,
                  str(round(100 * numerator / denominator, 1)), str(numerator), str(denominator))
    elif task.measure is MeasureType.RATE:
        denominator = numbers.randint(800, 3000)
        numerator = round(denominator * 0.03 * progress)
        value = round(numerator * (task.rate_base or 1) / denominator, 1)
        add_entry(session, unit_id, task.number, period, status, str(value), str(numerator),
                  str(denominator))
    else:
        add_entry(session, unit_id, task.number, period, status,
                  str(round(5 * progress)))
