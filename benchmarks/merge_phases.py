"""Time reading and merging report packages separately, in one process.

``bench_merge`` reads packages in a worker process while the main process merges them, so
its figures mix the two halves and the load on the machine. This script first reads the
first N packages of a generated province with ``open_in_order(workers=0)``, then merges them
on a merge run's store, and prints the processor time per package of each half. With
``--profile-dir`` it also writes ``read.prof`` and ``merge.prof`` (cProfile), which slow
both halves down.

Usage: python -m benchmarks.merge_phases [--towns N] [--packages N] [--profile-dir DIR]
"""

from __future__ import annotations

import argparse
import cProfile
import shutil
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.generate import PASSPHRASE, ProvinceSpec, generate, province_dir, quarters
from meili_desktop.domain.divisions import CITY_ID
from meili_desktop.services import keys as key_service
from meili_desktop.services.merge import merge
from meili_desktop.services.package_pool import OpenedFile, open_in_order
from meili_desktop.store.datafolder import open_store
from meili_desktop.store.merge_lookups import merge_run_store


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--towns", type=int, default=100, help="number of generated towns")
    parser.add_argument("--packages", type=int, default=400, help="packages to read and merge")
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/meili-bench"),
                        help="folder for generated data, reused between runs")
    parser.add_argument("--profile-dir", type=Path,
                        help="write read.prof and merge.prof (cProfile) into this folder")
    args = parser.parse_args()
    spec = ProvinceSpec(args.towns, quarters(2021), 20)
    province = generate(province_dir(args.data_dir, spec), spec)
    files = [province.root / package.path for package in province.packages][:args.packages]

    with tempfile.TemporaryDirectory() as scratch:
        office = Path(scratch) / "office"
        shutil.copytree(province.office_dir, office)
        store = open_store(office)
        try:
            unlocked = key_service.unlock_city_keys(store, CITY_ID, PASSPHRASE)
            read_profile = cProfile.Profile() if args.profile_dir else None
            started = time.process_time()
            if read_profile:
                read_profile.enable()
            with open_in_order(store, unlocked, files, workers=0) as items:
                opened: list[OpenedFile] = list(items)
            if read_profile:
                read_profile.disable()
            read_seconds = time.process_time() - started

            merge_profile = cProfile.Profile() if args.profile_dir else None
            outcomes: dict[str, int] = {}
            with merge_run_store(store) as run_store:
                started = time.process_time()
                if merge_profile:
                    merge_profile.enable()
                for item in opened:
                    outcome = (merge(run_store, item.opened.incoming).outcome
                               if item.opened is not None
                               else f"rejected: {item.error.code if item.error else '?'}")
                    outcomes[outcome] = outcomes.get(outcome, 0) + 1
                    item.discard()
                if merge_profile:
                    merge_profile.disable()
                merge_seconds = time.process_time() - started
        finally:
            store.dispose()

    count = len(files)
    print(f"read {count} packages: {1000 * read_seconds / count:.2f} ms processor time each")
    print(f"merge {count} packages: {1000 * merge_seconds / count:.2f} ms processor time each "
          f"(the end-of-run flush excluded)")
    print(f"outcomes: {outcomes}")
    if args.profile_dir and read_profile and merge_profile:
        args.profile_dir.mkdir(parents=True, exist_ok=True)
        read_profile.dump_stats(str(args.profile_dir / "read.prof"))
        merge_profile.dump_stats(str(args.profile_dir / "merge.prof"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
