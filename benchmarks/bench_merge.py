"""Benchmark merging report packages at the office against the floor of the same work.

The product verifies, decrypts and merges the packages the way the merge command does: worker
processes verify and decrypt the next files (``open_in_order``) while this process merges
each package in its own transaction (``merge`` on ``merge_run_store``), on a copy of the
generated office data folder. The backup the command makes before the first write is left
out, because it copies the whole database whatever the number of packages.

The floor does the two things no merge can avoid, on the same amounts. First it decrypts,
with bare AES-256-GCM in the same 64 KiB chunks, a copy of every package file that was
sealed beforehand (untimed). Then it inserts exactly the rows the product's merge added,
read back from the product's database afterwards, into a copy of the office database as it
was before the merge. The inserts use bare ``sqlite3`` ``executemany`` in one transaction,
under the product's connection settings (WAL, ``synchronous = FULL``, foreign keys on).
The target is a ratio of at most 2.

For the record it also inserts the same rows into two more copies with one transaction per
package, as the product must: with ``synchronous = FULL``, as the product runs, and with
``NORMAL`` and one flush at the end. That shows how much of the ratio the per-package commits
alone cost, and how much of that is flushing each commit to the disk.

Usage: python -m benchmarks.bench_merge [--towns N] [--periods CODES] [--workers N]
       [--profile FILE]
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
from dataclasses import dataclass, field
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
from meili_desktop.services.package_pool import OpenedFile, default_workers, open_in_order
from meili_desktop.store.datafolder import DATABASE_FILE_NAME, Store, open_store
from meili_desktop.store.merge_lookups import CACHE_KEY, LookupCache, merge_run_store
from meili_desktop.store.models import Base

logger = logging.getLogger(__name__)

RATIO_LIMIT = 2.0
# The floor's AES-256-GCM key; any key does, because the floor seals its own copies.
_BASELINE_KEY = os.urandom(32)
_TABLES = [table.name for table in Base.metadata.sorted_tables]


def run(province: Province, work_dir: Path, profile_path: Path | None = None,
        keep_office: Path | None = None, workers: int | None = None) -> Figure:
    """Merge every package of ``province`` with the product and with the floor; compare.

    Args:
        province: the generated office and packages; its folder is not changed.
        work_dir: folder for the copies; emptied afterwards.
        profile_path: where to write cProfile statistics of the product's merge, if wanted.
            The profile covers only this process, not the worker processes that read.
        keep_office: where to move the merged office data folder, if wanted.
        workers: worker processes that read packages; None is the product's default.
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
    per_package_database = work / "per-package.sqlite3"
    shutil.copyfile(database, per_package_database)
    per_package_normal_database = work / "per-package-normal.sqlite3"
    shutil.copyfile(database, per_package_normal_database)
    files = [province.root / package.path for package in province.packages]
    workers = default_workers() if workers is None else workers

    with _CommitTimer() as commits:
        product = _merge_with_product(office_dir, files, profile_path, workers)
    rows = _rows_added(database, before)
    sealed = _seal_copies(files, work / "sealed")
    with Stopwatch() as decrypt:
        plain_bytes = _decrypt_all(sealed)
    with Stopwatch() as insert:
        _insert_rows(baseline_database, rows)
    with Stopwatch() as insert_per_package:
        transactions = _insert_rows_per_package(per_package_database, rows, "FULL")
    with Stopwatch() as insert_per_package_normal:
        # The end of the run flushes the last commits to the disk, as a run at NORMAL must.
        _insert_rows_per_package(per_package_normal_database, rows, "NORMAL")
    baseline = decrypt.seconds + insert.seconds
    if keep_office is not None:
        shutil.rmtree(keep_office, ignore_errors=True)
        shutil.move(office_dir, keep_office)
    shutil.rmtree(work, ignore_errors=True)

    spec = province.spec
    return time_figure(
        f"merge {len(files)} packages ({spec.towns} towns x {len(spec.periods)} periods "
        f"{spec.periods[0]}-{spec.periods[-1]})",
        product.total_seconds, baseline, RATIO_LIMIT, packages=len(files),
        entries=sum(package.entries for package in province.packages),
        attachments=sum(package.attachments for package in province.packages),
        package_mib=round(province.package_bytes / 2**20, 1),
        rows={table: len(values) for table, (_, values) in rows.items()},
        outcomes=dict(product.outcomes), workers=workers,
        product_wait_seconds=round(product.wait_seconds, 3),
        product_merge_seconds=round(product.merge_seconds, 3),
        product_commit_seconds=round(commits.seconds, 3), product_commits=commits.count,
        product_lookup_loads=product.lookup_loads,
        baseline_decrypt_seconds=round(decrypt.seconds, 3),
        baseline_insert_seconds=round(insert.seconds, 3), decrypted_mib=round(
            plain_bytes / 2**20, 1),
        per_package_insert_seconds=round(insert_per_package.seconds, 3),
        per_package_normal_insert_seconds=round(insert_per_package_normal.seconds, 3),
        per_package_transactions=transactions)


@dataclass
class _ProductRun:
    """The product's merge: total time, time merging, and time getting the read packages.

    Getting them is waiting for a worker, or reading in this process while the worker
    processes start.
    """

    total_seconds: float = 0.0
    wait_seconds: float = 0.0
    merge_seconds: float = 0.0
    outcomes: Counter[str] = field(default_factory=Counter)
    lookup_loads: int = 0


def _merge_with_product(office_dir: Path, files: list[Path], profile_path: Path | None,
                        workers: int) -> _ProductRun:
    """Merge the files as the merge command does; time the whole and its parts."""
    store = open_store(office_dir)
    result = _ProductRun()
    try:
        unlocked = key_service.unlock_city_keys(store, CITY_ID, PASSPHRASE)
        profiler = cProfile.Profile() if profile_path else None
        with Stopwatch() as total, merge_run_store(store) as run_store:
            if profiler:
                profiler.enable()
            with open_in_order(run_store, unlocked, files, workers=workers) as items:
                waited = time.perf_counter()
                for item in items:
                    started = time.perf_counter()
                    result.wait_seconds += started - waited
                    try:
                        result.outcomes[_merge_item(run_store, item)] += 1
                    finally:
                        item.discard()
                    waited = time.perf_counter()
                    result.merge_seconds += waited - started
            if profiler:
                profiler.disable()
            result.lookup_loads = _lookup_loads(run_store)
        result.total_seconds = total.seconds
        if profiler and profile_path:
            profiler.dump_stats(str(profile_path))
    finally:
        store.dispose()
    return result


def _merge_item(run_store: Store, item: OpenedFile) -> str:
    """Merge one read package; return its outcome, or the code of the error that rejected it."""
    if item.opened is None:
        return f"rejected: {item.error.code if item.error else '?'}"
    return merge(run_store, item.opened.incoming).outcome


def _lookup_loads(run_store: Store) -> int:
    """Return how often the run read the merge lookups from the database."""
    with run_store.session_factory() as session:
        cache = session.info.get(CACHE_KEY)
    return cache.loads if isinstance(cache, LookupCache) else 0


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


def _insert_rows_per_package(database: Path,
                             rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]],
                             synchronous: str) -> int:
    """Insert the rows in one transaction per package, as the product's merge commits them.

    Rows are grouped by the package that brought them: entries by ``origin``, revisions by
    ``source``, events and ledger rows by ``package_id``, evidence links by their entry and
    attachment rows by their first link. Rows of no package go into one last transaction.
    ``synchronous`` is SQLite's setting. ``FULL`` flushes every commit to the disk, as the
    product does. ``NORMAL`` flushes only at checkpoints, so a last checkpoint flushes the
    remaining commits at the end. Returns the number of transactions.
    """
    groups = _rows_by_package(rows)
    connection = sqlite3.connect(database, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute(f"PRAGMA synchronous = {synchronous}")
        for tables in groups.values():
            connection.execute("BEGIN IMMEDIATE")
            for table in _TABLES:
                if table not in tables:
                    continue
                columns = rows[table][0]
                placeholders = ", ".join("?" for _ in columns)
                connection.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})",
                    tables[table])
            connection.execute("COMMIT")
        if synchronous != "FULL":
            connection.execute("PRAGMA wal_checkpoint(FULL)")
    finally:
        connection.close()
    return len(groups)


def _rows_by_package(rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]]
                     ) -> dict[str | None, dict[str, list[tuple[Any, ...]]]]:
    """Group added rows by package id, in the order the packages were merged."""
    package_of_entry: dict[Any, str] = {}
    if "entries" in rows:
        columns, values = rows["entries"]
        id_index, origin_index = columns.index("id"), columns.index("origin")
        package_of_entry = {row[id_index]: row[origin_index] for row in values}
    package_of_file: dict[Any, str] = {}
    if "entry_attachments" in rows:
        columns, values = rows["entry_attachments"]
        entry_index, sha_index = columns.index("entry_id"), columns.index("sha256")
        for row in values:
            package_of_file.setdefault(row[sha_index], package_of_entry.get(row[entry_index]))

    groups: dict[str | None, dict[str, list[tuple[Any, ...]]]] = {}
    ledger_columns, ledger_rows = rows.get("imported_packages", ([], []))
    for row in ledger_rows:
        groups[row[ledger_columns.index("package_id")]] = {}
    for table, (columns, values) in rows.items():
        for row in values:
            package = _package_of_row(table, columns, row, package_of_entry, package_of_file)
            groups.setdefault(package if package in groups else None, {}).setdefault(
                table, []).append(row)
    # Rows of no package are written last, after every package's transaction.
    if None in groups:
        groups[None] = groups.pop(None)
    return groups


def _package_of_row(table: str, columns: list[str], row: tuple[Any, ...],
                    package_of_entry: dict[Any, str], package_of_file: dict[Any, str]
                    ) -> str | None:
    values = dict(zip(columns, row, strict=True))
    if table == "entries":
        return values.get("origin")
    if table == "entry_revisions":
        return values.get("source")
    if table == "entry_attachments":
        return package_of_entry.get(values.get("entry_id"))
    if table == "attachments":
        return package_of_file.get(values.get("sha256"))
    return values.get("package_id")


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
    parser.add_argument("--workers", type=int,
                        help="worker processes that read packages (default: cores - 1, at "
                             "most 4; 0 reads in the merging process)")
    parser.add_argument("--json", action="store_true", help="print the figure as JSON")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    logging.getLogger("meili_desktop").setLevel(logging.WARNING)
    spec = ProvinceSpec(args.towns, tuple(args.periods.split(",")), args.evidence_every)
    province = generate(province_dir(args.data_dir, spec), spec)
    figure = run(province, args.data_dir / "work", args.profile, workers=args.workers)
    print(json.dumps(figure.details, ensure_ascii=False) if args.json else format_figure(figure))
    return 0 if figure.is_met is not False else 1


if __name__ == "__main__":
    sys.exit(main())
