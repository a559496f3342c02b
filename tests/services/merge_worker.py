"""Merge one synthetic package in its own process, for the concurrency and kill tests.

Usage: python -m tests.services.merge_worker DATA_DIR [--database-url URL] --sender UNIT
       --sequence N --revision N [--attachment-bytes N] [--wait-for FILE] [--run N]

Prints the JSON line ``{"event": "ready"}`` when it waits for the file given with
``--wait-for``, ``{"event": "start"}`` right before the merge and one line with the outcome
and counts after it. With ``--run N`` it merges N packages of the sender in one merge run,
as the merge command does: sequence and revision ``--sequence`` + i for i from 0 to N - 1,
and the last line gives the outcome of the last package.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from meili_desktop.services import merge
from meili_desktop.store.datafolder import Store, open_store
from meili_desktop.store.merge_lookups import merge_run_store
from tests.services.merge_support import synthetic_package, township_tasks


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--database-url")
    parser.add_argument("--sender", required=True)
    parser.add_argument("--sequence", type=int, required=True)
    parser.add_argument("--revision", type=int, required=True)
    parser.add_argument("--attachment-bytes", type=int, default=0)
    parser.add_argument("--wait-for", type=Path)
    parser.add_argument("--run", type=int, default=0)
    args = parser.parse_args()

    store = open_store(args.data_dir, args.database_url)
    attachment_dir = (args.data_dir.parent / f"incoming-{args.sender}-{args.sequence}-"
                      f"{os.getpid()}" if args.attachment_bytes else None)
    if args.run:
        return merge_run(store, args.sender, args.sequence, args.run, attachment_dir,
                         args.attachment_bytes)
    package = synthetic_package(args.sender, args.sequence, args.revision,
                                tasks=township_tasks(store), attachment_dir=attachment_dir,
                                attachment_bytes=args.attachment_bytes)
    if args.wait_for is not None:
        print(json.dumps({"event": "ready"}), flush=True)
        while not args.wait_for.exists():
            time.sleep(0.005)
    print(json.dumps({"event": "start"}), flush=True)
    started = time.monotonic()
    result = merge.merge(store, package)
    print(json.dumps({"event": "done", "outcome": result.outcome, "counts": result.counts,
                      "seconds": time.monotonic() - started}), flush=True)
    store.dispose()
    return 0


def merge_run(store: Store, sender: str, first: int, count: int, attachment_dir: Path | None,
              attachment_bytes: int) -> int:
    tasks = township_tasks(store)
    packages = [synthetic_package(sender, first + index, first + index, tasks=tasks,
                                  attachment_dir=attachment_dir,
                                  attachment_bytes=attachment_bytes)
                for index in range(count)]
    print(json.dumps({"event": "start"}), flush=True)
    started = time.monotonic()
    with merge_run_store(store) as run_store:
        results = [merge.merge(run_store, package) for package in packages]
    print(json.dumps({"event": "done", "outcome": results[-1].outcome,
                      "counts": results[-1].counts, "seconds": time.monotonic() - started}),
          flush=True)
    store.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
