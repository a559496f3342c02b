"""Benchmark merging report packages at the office against the floor of the same work.

The product verifies, decrypts and merges each package the way the merge command does:
``read_incoming`` then ``merge``, one transaction per package, on a copy of the generated
office data folder.

The floor does the two things no merge can avoid, on the same amounts. First it decrypts,
with bare AES-256-GCM in the same 64 KiB chunks, a copy of every package file that was
sealed beforehand (untimed). Then it inserts exactly the rows the product's merge added,
read back from the product's database afterwards, into a copy of the office database as it
was before the merge. The inserts use bare ``sqlite3`` ``executemany`` in one transaction,
under the product's connection settings (WAL, ``synchronous = FULL``, foreign keys on).
The target is a ratio of at most 2.

Usage: python -m benchmarks.bench_merge [--towns N] [--periods CODES] [--profile FILE]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import logging
import os
import shutil
import sqlite3
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from benchmarks.common import Figure, Stopwatch, format_figure, time_figure
from benchmarks.generate import (
    PASSPHRASE,
    Province,
    ProvinceSpec,
    generate,
    province_dir,
    quarters,
)
from meili_desktop.domain.divisions import CITY_ID
from meili_desktop.exchange.stream import CHUNK_SIZE, TAG_SIZE, chunk_nonce
from meili_desktop.services import keys as key_service
from meili_desktop.services.merge import merge
from meili_desktop.services.packages import read_incoming
from meili_desktop.store.datafolder import DATABASE_FILE_NAME, open_store
from meili_desktop.store.models import Base

logger = logging.getLogger(__name__)

RATIO_LIMIT = 2.0
# The floor's AES-256-GCM key; any key does, because the floor seals its own copies.
_BASELINE_KEY = os.urandom(32)
_TABLES = [table.name for table in Base.metadata.sorted_tables]


def run(province: Province, work_dir: Path, profile_path: Path | None = None,
        keep_office: Path | None = None) -> Figure:
    """Merge every package of ``province`` with the product and with the floor; compare.

    Args:
        province: the generated office and packages; its folder is not changed.
        work_dir: folder for the copies; emptied afterwards.
        profile_path: where to write cProfile statistics of the product's merge, if wanted.
        keep_office: where to move the merged office data folder, if wanted.
    """
    work = work_dir / "merge"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    office_dir = work / "office"
    shutil.copytree(province.office_dir, office_dir)
    database = office_dir / DATABASE_FILE_NAME
    before = _max_rowids(database)
    baseline_database = work / "baseline.sqlite3"
    shutil.copyfile(database, baseline_database)
    files = [province.root / package.path for package in province.packages]

    with _CommitTimer() as commits:
        read_seconds, merge_seconds, outcomes, total = _merge_with_product(office_dir, files,
                                                                            profile_path)
    rows = _rows_added(database, before)
    sealed = _seal_copies(files, work / "sealed")
    with Stopwatch() as decrypt:
        plain_bytes = _decrypt_all(sealed)
    with Stopwatch() as insert:
        _insert_rows(baseline_database, rows)
    baseline = decrypt.seconds + insert.seconds
    if keep_office is not None:
        shutil.rmtree(keep_office, ignore_errors=True)
        shutil.move(office_dir, keep_office)
    shutil.rmtree(work, ignore_errors=True)

    spec = province.spec
    return time_figure(
        f"merge {len(files)} packages ({spec.towns} towns x {len(spec.periods)} periods "
        f"{spec.periods[0]}-{spec.periods[-1]})",
        total, baseline, RATIO_LIMIT, packages=len(files),
        entries=sum(package.entries for package in province.packages),
        attachments=sum(package.attachments for package in province.packages),
        package_mib=round(province.package_bytes / 2**20, 1),
        rows={table: len(values) for table, (_, values) in rows.items()},
        outcomes=dict(outcomes), product_read_seconds=round(read_seconds, 3),
        product_merge_seconds=round(merge_seconds, 3),
        product_commit_seconds=round(commits.seconds, 3), product_commits=commits.count,
        baseline_decrypt_seconds=round(decrypt.seconds, 3),
        baseline_insert_seconds=round(insert.seconds, 3), decrypted_mib=round(
            plain_bytes / 2**20, 1))


def _merge_with_product(office_dir: Path, files: list[Path], profile_path: Path | None
                        ) -> tuple[float, float, Counter[str], float]:
    """Return (seconds reading, seconds merging, outcomes, total seconds)."""
    store = open_store(office_dir)
    outcomes: Counter[str] = Counter()
    try:
        unlocked = key_service.unlock_city_keys(store, CITY_ID, PASSPHRASE)
        profiler = cProfile.Profile() if profile_path else None
        reading = merging = 0.0
        with Stopwatch() as total:
            if profiler:
                profiler.enable()
            for path in files:
                with Stopwatch() as read:
                    opened = read_incoming(store, path, unlocked)
                with opened, Stopwatch() as merged:
                    outcomes[merge(store, opened.incoming).outcome] += 1
                reading += read.seconds
                merging += merged.seconds
            if profiler:
                profiler.disable()
        if profiler and profile_path:
            profiler.dump_stats(str(profile_path))
    finally:
        store.dispose()
    return reading, merging, outcomes, total.seconds


class _CommitTimer:
    """Add up the time SQLite connections opened inside the ``with`` block spend committing.

    The product's engine connects through ``sqlite3.dbapi2.connect``, which is patched for the block
    to hand out connections that time ``commit``; it measures the product, changing nothing.
    """

    def __init__(self) -> None:
        self.seconds = 0.0
        self.count = 0
        self._connect = sqlite3.dbapi2.connect

    def __enter__(self) -> _CommitTimer:
        timer = self

        class TimedConnection(sqlite3.Connection):
            def commit(self) -> None:
                started = time.perf_counter()
                super().commit()
                timer.seconds += time.perf_counter() - started
                timer.count += 1

        def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
            kwargs.setdefault("factory", TimedConnection)
            return self._connect(*args, **kwargs)

        # SQLAlchemy's pysqlite dialect calls ``sqlite3.dbapi2.connect``.
        sqlite3.dbapi2.connect = connect  # type: ignore[assignment]
        return self

    def __exit__(self, *exc_info: object) -> None:
        sqlite3.dbapi2.connect = self._connect  # type: ignore[assignment]


def _max_rowids(database: Path) -> dict[str, int]:
    with sqlite3.connect(database) as connection:
        return {table: connection.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}")
                .fetchone()[0] for table in _TABLES}


def _rows_added(database: Path, before: dict[str, int]
                ) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Return the columns and rows each table gained since ``before`` (by rowid)."""
    added = {}
    with sqlite3.connect(database) as connection:
        for table in _TABLES:
            cursor = connection.execute(f"SELECT * FROM {table} WHERE rowid > ? ORDER BY rowid",
                                        (before[table],))
            values = cursor.fetchall()
            if values:
                added[table] = ([column[0] for column in cursor.description], values)
    return added


def _seal_copies(files: list[Path], folder: Path) -> list[tuple[Path, int]]:
    """Seal each file with AES-256-GCM in 64 KiB chunks; return (sealed file, plain size)."""
    folder.mkdir()
    aead = AESGCM(_BASELINE_KEY)
    sealed = []
    for index, path in enumerate(files):
        target = folder / f"{index}.sealed"
        with path.open("rb") as source, target.open("wb") as output:
            counter = 0
            while chunk := source.read(CHUNK_SIZE):
                output.write(aead.encrypt(chunk_nonce(counter, False), chunk, b""))
                counter += 1
        sealed.append((target, path.stat().st_size))
    return sealed


def _decrypt_all(sealed: list[tuple[Path, int]]) -> int:
    """Decrypt every sealed file chunk by chunk; return the plaintext bytes."""
    aead = AESGCM(_BASELINE_KEY)
    total = 0
    for path, _size in sealed:
        with path.open("rb") as source:
            counter = 0
            while block := source.read(CHUNK_SIZE + TAG_SIZE):
                total += len(aead.decrypt(chunk_nonce(counter, False), block, b""))
                counter += 1
    return total


def _insert_rows(database: Path, rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]]
                 ) -> None:
    """Insert the rows with executemany in one transaction, as the product's engine sets up."""
    connection = sqlite3.connect(database, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("BEGIN")
        for table in _TABLES:
            if table not in rows:
                continue
            columns, values = rows[table]
            placeholders = ", ".join("?" for _ in columns)
            connection.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})", values)
        connection.execute("COMMIT")
    finally:
        connection.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--towns", type=int, default=1010, help="number of towns")
    parser.add_argument("--periods", default=",".join(quarters(2021)),
                        help="comma-separated period codes, one package per town and period")
    parser.add_argument("--evidence-every", type=int, default=20,
                        help="one package in N carries a photo and a PDF (0: none)")
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/meili-bench"),
                        help="folder for generated data, reused between runs")
    parser.add_argument("--profile", type=Path, help="write cProfile statistics of the product")
    parser.add_argument("--json", action="store_true", help="print the figure as JSON")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    logging.getLogger("meili_desktop").setLevel(logging.WARNING)
    spec = ProvinceSpec(args.towns, tuple(args.periods.split(",")), args.evidence_every)
    province = generate(province_dir(args.data_dir, spec), spec)
    figure = run(province, args.data_dir / "work", args.profile)
    print(json.dumps(figure.details, ensure_ascii=False) if args.json else format_figure(figure))
    return 0 if figure.is_met is not False else 1


if __name__ == "__main__":
    sys.exit(main())
