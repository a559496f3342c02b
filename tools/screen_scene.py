"""Build a realistic city and township scene for rendering the program's screens.

The scene is made with the program's own services, the way the office and the clerks work:

* a city office marks eight townships of six counties as programme towns, sets the 2021
  targets and splits them to the towns, and sends each town its distribution package;
* each town's laptop fills in 2021Q1 and 2021Q2 and exports report packages, which the
  office verifies, approves the senders' keys of and merges;
* the office locks 2021Q1, after which 分水镇's late Q1 entries are held, and 五常街道's
  second laptop sends a different value for an entry the first laptop sent (a conflict);
* the office accepts some of 塘栖镇's entries and returns one with a comment, and 塘栖镇 imports
  a new distribution package that brings the comment to its laptop;
* 千岛湖镇 sends nothing for 2021Q2, and 昌化镇's and 新登镇's last packages wait in a folder
  for the inbox.

:func:`build_scene` returns the stores and files; the caller disposes of the stores.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from PySide6.QtGui import QColor, QImage

from meili_desktop.domain.catalogue import Task, TaskLevel
from meili_desktop.domain.entries import EntryKey, Status
from meili_desktop.domain.periods import PeriodState
from meili_desktop.exchange.errors import PendingSenderKeyError
from meili_desktop.services import key_approval, merge, review, scores, targets
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.distribution import (
    build_distribution_package,
    import_distribution_package,
)
from meili_desktop.services.entries import attach_evidence, set_entry_fields, target_values
from meili_desktop.services.packages import export_report_package, read_incoming
from meili_desktop.store import models
from meili_desktop.store.datafolder import Store
from meili_desktop.store.unit_roster_repo import mark_programme_town
from tests.services.package_chain import City, make_city, make_township, township_id

PERIODS = ("2021Q1", "2021Q2")
YEAR = "2021"
# (county, town, town type): two model towns (样板镇) and six towns meeting the standard.
TOWNS: tuple[tuple[str, str, str], ...] = (
    ("临平区", "塘栖镇", "样板镇"), ("临平区", "崇贤街道", "达标镇"),
    ("余杭区", "良渚街道", "样板镇"), ("余杭区", "五常街道", "达标镇"),
    ("富阳区", "新登镇", "达标镇"), ("桐庐县", "分水镇", "达标镇"),
    ("淳安县", "千岛湖镇", "达标镇"), ("临安区", "昌化镇", "达标镇"),
)
FEATURED_TOWN = "塘栖镇"
CONFLICT_TOWN = "五常街道"
HELD_TOWN = "分水镇"
SILENT_TOWN = "千岛湖镇"
NEW_KEY_TOWN = "昌化镇"
WAITING_TOWN = "新登镇"
RETURNED_TASK = 13
RETURN_COMMENT = "达标学校数与佐证材料不符（验收单只有 15 所），请核对后重新上报。"
PEOPLE = ("王晓明", "李红", "陈建国", "张丽", "赵志强", "周敏", "吴伟", "郑佳")
NARRATIVES = (
    "按年度计划推进，已完成阶段性验收。",
    "项目已立项，正在进行施工招标。",
    "主体工程完工，配套设施同步建设中。",
    "已完成现场踏勘和方案编制，下季度开工。",
    "资金已落实，施工进度符合预期。",
)
# City targets for 2021 split to the towns in proportion to their resident population
# (ten thousands), for tasks measured in totals.
POPULATION = {"塘栖镇": Decimal("12.1"), "崇贤街道": Decimal("8.4"), "良渚街道": Decimal("15.6"),
              "五常街道": Decimal("9.8"), "新登镇": Decimal("7.2"), "分水镇": Decimal("5.3"),
              "千岛湖镇": Decimal("11.0"), "昌化镇": Decimal("4.6")}
SPLIT_TARGETS = {27: Decimal("120"), 23: Decimal("40"), 12: Decimal("160"), 42: Decimal("24")}
RATE_TARGETS = {13: Decimal("100"), 15: Decimal("90"), 16: Decimal("100"), 17: Decimal("95"),
                18: Decimal("100"), 19: Decimal("40"), 21: Decimal("100"), 22: Decimal("85")}


@dataclass
class Scene:
    """The stores and files of the scene.

    Attributes:
        city: the city office's data folder and unlocked keys.
        towns: each town's laptop store by town name (the conflict town's first laptop).
        unit_ids: each town's unit id by town name.
        inbox_files: report packages not yet merged, in the order the inbox shows them.
        extra_stores: other laptops' stores, kept open until :meth:`dispose`.
    """

    city: City
    towns: dict[str, Store] = field(default_factory=dict)
    unit_ids: dict[str, str] = field(default_factory=dict)
    inbox_files: list[Path] = field(default_factory=list)
    extra_stores: list[Store] = field(default_factory=list)

    def dispose(self) -> None:
        """Close every store of the scene."""
        for store in [*self.towns.values(), *self.extra_stores, self.city.store]:
            store.dispose()


def build_scene(root: Path) -> Scene:
    """Build the whole scene in the folder ``root``."""
    scene = Scene(make_city(root))
    _prepare_city(scene)
    for county, town, _type in TOWNS:
        store, unit_id = make_township(scene.city, root, county, town)
        scene.towns[town], scene.unit_ids[town] = store, unit_id

    rng = random.Random(2021)
    for town, store in scene.towns.items():
        periods = PERIODS[:1] if town == SILENT_TOWN else PERIODS
        for period in periods:
            _fill_town(store, town, scene.unit_ids[town], period, rng, root)

    _report_first_round(scene, root)
    review.set_period_state(scene.city.store, PERIODS[0], PeriodState.LOCKED, actor="市办 张敏")
    _report_held(scene, root)
    _report_conflict(scene, root)
    _review_featured_town(scene, root)
    _set_scores(scene)
    _prepare_inbox(scene, root)
    return scene


def _prepare_city(scene: Scene) -> None:
    """Mark the programme towns, set due dates and the year's targets with their split."""
    store = scene.city.store
    with store.session_factory.begin() as session:
        ids = {}
        for county, town, town_type in TOWNS:
            ids[town] = township_id(scene.city, county, town)
            mark_programme_town(session, ids[town], town_type, actor="市办 张敏")
        # Q2 is due in ten days, so the board separates reported towns from towns still due.
        first, second = session.get(models.Period, PERIODS[0]), session.get(models.Period,
                                                                             PERIODS[1])
        assert first is not None and second is not None
        first.due_date = date.today() - timedelta(days=60)
        second.due_date = date.today() + timedelta(days=10)

    for number, total in SPLIT_TARGETS.items():
        targets.set_city_target(store, number, YEAR, total)
        targets.split_target(store, number, YEAR,
                             bases={ids[town]: base for town, base in POPULATION.items()})
    for number, value in RATE_TARGETS.items():
        targets.set_city_target(store, number, YEAR, value)
        for town in ids.values():
            targets.set_town_target(store, number, town, YEAR, value)


def _fill_town(store: Store, town: str, unit_id: str, period: str, rng: random.Random,
               root: Path) -> None:
    """Fill a period as a clerk would: most tasks, progress growing through the year."""
    catalogue = active_catalogue(store)
    quarter = int(period[-1])
    person = rng.choice(PEOPLE)
    year_targets = target_values(store, unit_id, period)
    for task in catalogue.tasks_for_level(TaskLevel.TOWNSHIP):
        is_skipped = rng.random() < (0.35 if quarter == 1 else 0.12)
        if is_skipped and task.number != RETURNED_TASK:
            continue
        changes = _entry_changes(task, year_targets.get(task.number), quarter, rng)
        changes.update(responsible_person=person, contact="0571-8888" + str(rng.randint(1000,
                                                                                         9999)))
        set_entry_fields(store, catalogue, EntryKey(unit_id, task.number, period), changes)
    if quarter == 2:
        photo = root / f"{town}中心小学 标准化验收照片.jpg"
        image = QImage(640, 480, QImage.Format.Format_RGB32)
        image.fill(QColor("#8FB8DE"))
        image.save(str(photo), "JPG")
        attach_evidence(store, EntryKey(unit_id, RETURNED_TASK, period), photo, max_mb=50)


def _entry_changes(task: Task, target: Decimal | None, quarter: int,
                   rng: random.Random) -> dict[str, object]:
    share = min(1.15, rng.uniform(0.2, 0.6) * quarter)
    if task.measure == "percent":
        value = Decimal(str(round(float(target or 100) * min(share, 1.0), 1)))
    elif target is not None:
        value = Decimal(str(round(float(target) * share, 1 if task.measure == "length" else 0)))
    else:
        value = Decimal(rng.randint(0, 3 * quarter))
    status = Status.DONE if share >= 1 else Status.IN_PROGRESS if share > 0.25 \
        else Status.NOT_STARTED
    return {"status": status, "value": value, "narrative": rng.choice(NARRATIVES)}


def _export(store: Store, root: Path, name: str, periods: list[str] | None = None) -> Path:
    outbox = root / "outbox" / name
    outbox.mkdir(parents=True, exist_ok=True)
    return export_report_package(store, outbox, periods).path


def _import(scene: Scene, path: Path) -> merge.MergeResult:
    """Verify a package at the office, approving a new key as after the phone check."""
    store, unlocked = scene.city.store, scene.city.unlocked
    try:
        opened = read_incoming(store, path, unlocked)
    except PendingSenderKeyError as error:
        key_approval.approve_key(store, error.details["unit_id"], error.details["fingerprint"],
                                 actor="市办 张敏")
        opened = read_incoming(store, path, unlocked)
    try:
        return merge.merge(store, opened.incoming)
    finally:
        opened.discard()


def _report_first_round(scene: Scene, root: Path) -> None:
    """Send and merge every town's packages except those the later steps need."""
    for town, store in scene.towns.items():
        if town in (HELD_TOWN, NEW_KEY_TOWN):
            continue
        if town == WAITING_TOWN:
            _import(scene, _export(store, root, town, [PERIODS[0]]))
            continue
        path = _export(store, root, town)
        _import(scene, path)
        if town == FEATURED_TOWN:
            scene.inbox_files.append(path)


def _report_held(scene: Scene, root: Path) -> None:
    """Merge 分水镇's package after 2021Q1 was locked, so its Q1 entries are held."""
    _import(scene, _export(scene.towns[HELD_TOWN], root, HELD_TOWN))


def _report_conflict(scene: Scene, root: Path) -> None:
    """Let a second laptop of the conflict town send a different value for one entry."""
    county = next(county for county, town, _type in TOWNS if town == CONFLICT_TOWN)
    second_root = root / "second-laptop"
    second_root.mkdir()
    store, unit_id = make_township(scene.city, second_root, county, CONFLICT_TOWN)
    scene.extra_stores.append(store)
    catalogue = active_catalogue(store)
    set_entry_fields(store, catalogue, EntryKey(unit_id, RETURNED_TASK, PERIODS[1]), {
        "status": Status.IN_PROGRESS, "value": Decimal("92"),
        "narrative": "二号机：已完成 23 所学校的标准化改造，另有 2 所正在验收。",
        "responsible_person": "周敏", "contact": "0571-88881234"})
    _import(scene, _export(store, second_root, "second", [PERIODS[1]]))


def _review_featured_town(scene: Scene, root: Path) -> None:
    """Accept some of the featured town's entries, return one, send the comment back."""
    office, unit_id = scene.city.store, scene.unit_ids[FEATURED_TOWN]
    rows = review.list_for_review(office, PERIODS[1], unit_id=unit_id)
    for row in rows[:6]:
        if row.key.task_number != RETURNED_TASK:
            review.accept_entry(office, row.key, actor="市办 张敏")
    review.return_entry(office, EntryKey(unit_id, RETURNED_TASK, PERIODS[1]), actor="市办 张敏",
                        comment=RETURN_COMMENT)
    package = root / f"dist-again-{unit_id}.mldp"
    build_distribution_package(office, scene.city.unlocked, unit_id, package)
    import_distribution_package(scene.towns[FEATURED_TOWN], package)


def _set_scores(scene: Scene) -> None:
    """Record the office's assessments of two counties and their towns for 2021."""
    store = scene.city.store
    scored = [task for task in active_catalogue(store).tasks if task.scoring is not None]
    units = ["330113", scene.unit_ids["塘栖镇"], scene.unit_ids["崇贤街道"], "330110",
             scene.unit_ids["良渚街道"]]
    for index, unit in enumerate(units):
        for task in scored:
            scores.set_assessment(store, unit, YEAR, task.number, index % 2 == 0,
                                  Decimal("0.5") if index % 3 else Decimal("0.3"))


def _prepare_inbox(scene: Scene, root: Path) -> None:
    """Leave packages for the inbox: a new key, a ready one, a duplicate and a damaged file."""
    new_key = _export(scene.towns[NEW_KEY_TOWN], root, NEW_KEY_TOWN)
    ready = _export(scene.towns[WAITING_TOWN], root, WAITING_TOWN + "-q2", [PERIODS[1]])
    damaged = root / "outbox" / f"{WAITING_TOWN}_2021Q2_传输中断.mlrp"
    damaged.write_bytes(ready.read_bytes()[:-900])
    scene.inbox_files = [new_key, ready, *scene.inbox_files, damaged]


def open_empty_office(root: Path) -> Store:
    """Return a fresh city office data folder with no entries, for the empty states."""
    city = make_city(root / "empty-office")
    return city.store

