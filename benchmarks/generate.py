"""Generate a city or province of townships and their report packages, through the product.

The office is a real city data folder (``init_city``) with the embedded division list: 13
counties and 196 townships. Beyond 196 towns, synthetic counties of about eleven townships
each are added with ``units_repo.create_unit`` until the requested number of towns exists,
so 1,010 towns model the whole province. The chosen towns are marked as programme towns,
get year targets for every numeric township-level task (10 to 43), and each one reports
every township-level task in every requested period.

Township laptops are modelled by one township data folder set up from a real distribution
package. For each town the folder switches its own unit and gets a fresh signing key, its
entries are written with the store layer (one bulk insert instead of 136 form saves), the
evidence is attached with ``attach_evidence``, and the packages are written with
``export_report_package``, one per period, encrypted to the office's real keys. The
office approves each town's key the way a clerk does after the phone check.

The result is cached in a folder with a ``manifest.json``; a later run with the same
parameters reuses it.

Usage: python -m benchmarks.generate OUT_DIR [--towns N] [--periods 2021Q1,...] [--suite C1]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import random
import shutil
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import delete, event, insert, select, update

from benchmarks import synthetic
from meili_desktop.domain.catalogue import Task, TaskLevel
from meili_desktop.domain.divisions import CITY_ID
from meili_desktop.domain.entries import EntryKey
from meili_desktop.domain.periods import PeriodKind, parse_period
from meili_desktop.domain.units import UnitKind
from meili_desktop.exchange.errors import PendingSenderKeyError
from meili_desktop.exchange.keys import KdfParameters
from meili_desktop.services import keys as key_service
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.distribution import (
    build_distribution_package,
    import_distribution_package,
    init_city,
)
from meili_desktop.services.entries import attach_evidence
from meili_desktop.services.identity import UNIT_KEY
from meili_desktop.services.key_approval import approve_key
from meili_desktop.services.packages import export_report_package, read_incoming
from meili_desktop.store import models, package_repo, periods_repo, units_repo
from meili_desktop.store.datafolder import Store, open_store
from meili_desktop.store.entries_repo import snapshot_of, to_domain
from meili_desktop.store.meta_repo import get_meta, set_meta

logger = logging.getLogger(__name__)

PASSPHRASE = "市美丽城镇办 基准测试 口令"
OFFICE_NAME = "杭州市美丽城镇办"
# Cheap passphrase hashing: unlocking the office keys is not part of any measured job.
FAST_KDF = KdfParameters(memory_kib=1024, passes=1, lanes=1, pbkdf2_iterations=1000)
TOWNS_PER_SYNTHETIC_COUNTY = 11
MANIFEST = "manifest.json"
GENERATOR_VERSION = 2


@dataclass(frozen=True)
class ProvinceSpec:
    """What to generate.

    Attributes:
        towns: number of reporting towns.
        periods: period codes every town reports, one package per town and period.
        evidence_every: one package in this many carries a photo (2 to 4 MiB) and a scanned
            PDF (150 to 600 KiB); 0 for none.
        suite: the office's cipher suite, ``C1`` or ``G1``.
        seed: seed of every random choice.
    """

    towns: int
    periods: tuple[str, ...]
    evidence_every: int = 0
    suite: str = "C1"
    seed: int = 2021


@dataclass(frozen=True)
class PackageFile:
    """One generated report package."""

    path: str
    unit_id: str
    period: str
    entries: int
    attachments: int
    size: int


@dataclass
class Province:
    """A generated office with its towns' report packages, not yet merged."""

    root: Path
    spec: ProvinceSpec
    town_ids: list[str]
    packages: list[PackageFile] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def office_dir(self) -> Path:
        return self.root / "office"

    @property
    def package_bytes(self) -> int:
        return sum(package.size for package in self.packages)


def generate(root: Path, spec: ProvinceSpec) -> Province:
    """Return the province in ``root``, generating it unless a matching one is there."""
    cached = load_province(root)
    if cached is not None and cached.spec == spec:
        logger.info("reusing generated data in %s", root)
        return cached
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    started = time.perf_counter()
    province = _generate(root, spec)
    province.seconds = time.perf_counter() - started
    _save_manifest(province)
    logger.info("generated %d packages for %d towns in %.1f s", len(province.packages),
                len(province.town_ids), province.seconds)
    return province


def load_province(root: Path) -> Province | None:
    """Return the province described by ``root/manifest.json``, or None."""
    path = root / MANIFEST
    if not path.is_file():
        return None
    document = json.loads(path.read_text(encoding="utf-8"))
    if document.get("generator_version") != GENERATOR_VERSION:
        return None
    spec = document["spec"]
    spec["periods"] = tuple(spec["periods"])
    return Province(root, ProvinceSpec(**spec), document["town_ids"],
                    [PackageFile(**item) for item in document["packages"]],
                    document["seconds"])


def _save_manifest(province: Province) -> None:
    document = {"generator_version": GENERATOR_VERSION,
                "spec": dataclasses.asdict(province.spec), "town_ids": province.town_ids,
                "packages": [dataclasses.asdict(item) for item in province.packages],
                "seconds": round(province.seconds, 2)}
    (province.root / MANIFEST).write_text(json.dumps(document, ensure_ascii=False, indent=1),
                                          encoding="utf-8")


def without_fsync(store: Store) -> Store:
    """Turn off fsync on commit for ``store``'s new connections and return it.

    Generation is not measured, and a power cut during it only means generating again.
    The setting belongs to the connection, so a measured run that opens the folder again
    gets the product's own ``synchronous = FULL``.
    """
    store.engine.dispose()
    event.listen(store.engine, "connect",
                 lambda connection, _record: connection.execute("PRAGMA synchronous = OFF"))
    return store


def _generate(root: Path, spec: ProvinceSpec) -> Province:
    rng = random.Random(spec.seed)
    office = without_fsync(open_store(root / "office"))
    try:
        init_city(office, OFFICE_NAME, PASSPHRASE, root / "escrow.mlkey", suite_id=spec.suite,
                  kdf=FAST_KDF)
        with office.session_factory() as session:
            city_unit_id = get_meta(session, "city/unit_id") or CITY_ID
        unlocked = key_service.unlock_city_keys(office, city_unit_id, PASSPHRASE)
        town_ids = _prepare_office(office, spec, rng)
        province = Province(root, spec, town_ids)
        _report_from_towns(province, office, unlocked, rng)
    finally:
        office.dispose()
    shutil.rmtree(office.folder.root / "inbox", ignore_errors=True)
    return province


def _prepare_office(office: Store, spec: ProvinceSpec, rng: random.Random) -> list[str]:
    """Add the towns, months and year targets the packages need; return the town ids."""
    with office.session_factory.begin() as session:
        town_ids = _choose_towns(session, spec.towns, rng)
        session.execute(update(models.ReportingUnit)
                        .where(models.ReportingUnit.id.in_(town_ids))
                        .values(is_programme_town=True))
        for index, town_id in enumerate(town_ids):
            if index % 5 == 0:
                session.execute(update(models.ReportingUnit)
                                .where(models.ReportingUnit.id == town_id)
                                .values(town_type="样板镇"))
        periods_repo.add_missing_periods(session, [parse_period(code) for code in spec.periods])
    tasks = township_tasks(office)
    years = sorted({parse_period(code).year_code for code in spec.periods})
    now = _utc_now()
    rows = []
    for town_id in town_ids:
        for task in tasks:
            for year in years:
                target = synthetic.annual_target(rng, task)
                if target is not None:
                    rows.append({"task_number": task.number, "unit_id": town_id,
                                 "period_code": year, "value": str(target), "method": "manual",
                                 "version": 1, "updated_at": now})
    with office.session_factory.begin() as session:
        if rows:
            session.execute(insert(models.Target), rows)
    return town_ids


def township_tasks(store: Store) -> list[Task]:
    """Return the active catalogue's township-level tasks (10 to 43 in the embedded one)."""
    return list(active_catalogue(store).tasks_for_level(TaskLevel.TOWNSHIP))


def _choose_towns(session: Any, count: int, rng: random.Random) -> list[str]:
    """Return ``count`` township ids: embedded ones round-robin by county, then synthetic."""
    by_county: dict[str, list[str]] = {}
    for town in units_repo.list_townships(session):
        by_county.setdefault(town.parent_id or "", []).append(town.id)
    chosen: list[str] = []
    queues = [list(ids) for _, ids in sorted(by_county.items())]
    while len(chosen) < count and any(queues):
        for queue in queues:
            if queue and len(chosen) < count:
                chosen.append(queue.pop(0))
    missing = count - len(chosen)
    taken = {county.name for county in units_repo.list_counties(session, include_abolished=True)}
    for county_name in synthetic.county_names(rng, -(-missing // TOWNS_PER_SYNTHETIC_COUNTY),
                                              taken):
        county = units_repo.create_unit(session, county_name, UnitKind.COUNTY, CITY_ID,
                                        actor="benchmark")
        wanted = min(TOWNS_PER_SYNTHETIC_COUNTY, count - len(chosen))
        for town_name in synthetic.place_names(rng, wanted):
            town = units_repo.create_unit(session, town_name, UnitKind.TOWNSHIP, county.id,
                                          actor="benchmark")
            chosen.append(town.id)
    return chosen


def _report_from_towns(province: Province, office: Store,
                       unlocked: key_service.UnlockedCityKeys, rng: random.Random) -> None:
    """Set up the township folder once, then write every town's entries and packages."""
    root = province.root
    first = province.town_ids[0]
    distribution = root / "distribution.mldp"
    build_distribution_package(office, unlocked, first, distribution)
    township = without_fsync(open_store(root / "township"))
    packages_dir = root / "packages"
    packages_dir.mkdir()
    scratch = root / "evidence"
    scratch.mkdir()
    try:
        import_distribution_package(township, distribution)
        tasks = township_tasks(township)
        targets = _office_targets(office)
        for number, town_id in enumerate(province.town_ids):
            _switch_town(township, office, town_id, province.spec.suite)
            _write_entries(township, town_id, tasks, province.spec.periods, targets, rng)
            for period in province.spec.periods:
                index = len(province.packages)
                evidence = province.spec.evidence_every and \
                    index % province.spec.evidence_every == province.spec.evidence_every - 1
                attachments = _attach(township, town_id, period, tasks, scratch, rng) \
                    if evidence else 0
                path = packages_dir / f"{town_id}_{period}.mlrp"
                result = export_report_package(township, path, [period])
                if period == province.spec.periods[0]:
                    enroll(office, unlocked, path)
                province.packages.append(PackageFile(
                    str(path.relative_to(root)), town_id, period, result.entry_count,
                    attachments, path.stat().st_size))
            if number % 50 == 49:
                logger.info("generated packages of %d towns", number + 1)
    finally:
        township.dispose()
    shutil.rmtree(scratch, ignore_errors=True)


def _office_targets(office: Store) -> dict[tuple[str, int, str], Decimal]:
    with office.session_factory() as session:
        rows = session.execute(select(models.Target.unit_id, models.Target.task_number,
                                      models.Target.period_code, models.Target.value))
        return {(unit, task, period): Decimal(value) for unit, task, period, value in rows}


def _switch_town(township: Store, office: Store, town_id: str, suite: str) -> None:
    """Make the township folder the laptop of ``town_id``, with a new signing key."""
    with office.session_factory() as session:
        document = package_repo.unit_document(session, town_id)
    assert document is not None
    with township.session_factory.begin() as session:
        previous = get_meta(session, UNIT_KEY)
        if previous and previous != town_id:
            # Entry revisions and evidence links go with their entries (ON DELETE CASCADE).
            session.execute(delete(models.Entry).where(models.Entry.unit_id == previous))
        package_repo.upsert_unit(session, document, _utc_now())
        set_meta(session, UNIT_KEY, town_id)
        # Each town has a laptop of its own. A folder that kept the earlier towns' keys would
        # list them in every package as this laptop's earlier keys, and the office rejects a
        # package that lists more than MAX_EARLIER_KEYS (16).
        session.execute(delete(models.Key).where(models.Key.purpose == "signing",
                                                 models.Key.private_key.is_not(None),
                                                 models.Key.owner_unit_id != town_id))
        key_service.ensure_township_key(session, town_id, suite)


def _write_entries(township: Store, town_id: str, tasks: list[Task], periods: tuple[str, ...],
                   targets: dict[tuple[str, int, str], Decimal], rng: random.Random) -> None:
    """Insert one entry with its first revision per task and period, as a clerk's saves do."""
    person = synthetic.person_name(rng)
    contact = synthetic.phone_number(rng)
    paces = {task.number: rng.uniform(0.75, 1.2) for task in tasks}
    rows = []
    for period_code in periods:
        period = parse_period(period_code)
        parts = 12 if period.kind is PeriodKind.MONTH else 4
        index = period.start.month if parts == 12 else (period.start.month + 2) // 3
        share = index / parts
        changed_at = datetime.combine(period.end, datetime.min.time()).replace(hour=9)
        for task in tasks:
            target = targets.get((town_id, task.number, period.year_code))
            content = synthetic.entry_content(rng, task, period_code, target, share,
                                              paces[task.number], person, contact)
            rows.append({"unit_id": town_id, "task_number": task.number,
                         "period_code": period_code, "status": content.status.value,
                         "value": None if content.value is None else str(content.value),
                         "narrative": content.narrative,
                         "responsible_person": content.responsible_person,
                         "contact": content.contact, "revision": 1, "updated_at": changed_at,
                         "updated_by": person, "origin": "local"})
    with township.session_factory.begin() as session:
        session.execute(insert(models.Entry), rows)
        stored = session.execute(select(models.Entry).where(models.Entry.unit_id == town_id))
        revisions = [{"entry_id": row.id, "revision": 1, "changed_at": row.updated_at,
                      "changed_by": person, "source": "local",
                      "snapshot": snapshot_of(to_domain(row))}
                     for row in stored.scalars()]
        session.execute(insert(models.EntryRevision), revisions)


def _attach(township: Store, town_id: str, period: str, tasks: list[Task], scratch: Path,
            rng: random.Random) -> int:
    """Attach a site photo and a scanned acceptance form to two of the period's entries."""
    photo_task, form_task = rng.sample(tasks, 2)
    photo = synthetic.write_photo(scratch / f"{period}现场照片{rng.randint(1, 999):03d}.jpg",
                                  synthetic.photo_size(rng), rng)
    form = synthetic.write_pdf(scratch / f"{period}验收单.pdf", synthetic.pdf_size(rng), rng)
    for task, path in ((photo_task, photo), (form_task, form)):
        attach_evidence(township, EntryKey(town_id, task.number, period), path, max_mb=50)
        path.unlink()
    return 2


def enroll(office: Store, unlocked: key_service.UnlockedCityKeys, path: Path) -> None:
    """Show the office a town's first package and approve its key, as after a phone check."""
    try:
        read_incoming(office, path, unlocked).discard()
    except PendingSenderKeyError as pending:
        approve_key(office, pending.details["unit_id"], pending.details["fingerprint"],
                    actor="benchmark")
        return
    raise RuntimeError(f"the office accepted the first package {path} of a new key")


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def province_dir(data_dir: Path, spec: ProvinceSpec) -> Path:
    """Return the cache folder of ``spec`` inside ``data_dir``."""
    first, last = spec.periods[0], spec.periods[-1]
    return data_dir / f"province-{spec.towns}-{first}-{last}-{spec.evidence_every}-{spec.suite}"


def quarters(year: int) -> tuple[str, ...]:
    """Return the four quarter codes of a year."""
    return tuple(f"{year}Q{quarter}" for quarter in range(1, 5))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="folder for the office, packages and cache")
    parser.add_argument("--towns", type=int, default=1010, help="number of towns")
    parser.add_argument("--periods", default=",".join(quarters(2021)),
                        help="comma-separated period codes (default: the quarters of 2021)")
    parser.add_argument("--evidence-every", type=int, default=20,
                        help="one package in N carries a photo and a PDF (0: none)")
    parser.add_argument("--suite", default="C1", choices=("C1", "G1"), help="cipher suite")
    parser.add_argument("--seed", type=int, default=2021, help="random seed")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    logging.getLogger("meili_desktop").setLevel(logging.WARNING)
    spec = ProvinceSpec(args.towns, tuple(args.periods.split(",")), args.evidence_every,
                        args.suite, args.seed)
    province = generate(args.out_dir, spec)
    print(f"{len(province.town_ids)} towns, {len(province.packages)} packages, "
          f"{province.package_bytes / 2**20:.1f} MiB, generated in {province.seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
