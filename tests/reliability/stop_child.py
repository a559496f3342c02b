"""Run one command line in a child process that stops at a named point until it is killed.

Usage: ``python -m tests.reliability.stop_child POINT ARGUMENT...``. The child runs the
program's command line with the arguments, prints ``stopped`` on standard output when it
reaches the point, and then sleeps, so that the test can kill it there with SIGKILL.

Points:
    merge: a report package was verified and decrypted, and its merge is about to start.
    copying: half of an evidence file was copied into the data folder's temporary folder.
    transaction: an entry's fields and files were written, and the transaction is open.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

from meili_desktop.cli import main
from meili_desktop.services import entry_evidence
from meili_desktop.services import merge as merge_service
from meili_desktop.store import attachments

SLEEP_S = 600


def stop() -> None:
    print("stopped", flush=True)
    time.sleep(SLEEP_S)


def stop_before_merge() -> None:
    def merge(*_args: Any, **_kwargs: Any) -> Any:
        stop()

    merge_service.merge = merge


def stop_half_way_through_copy() -> None:
    copy = attachments._copy_hashing

    def copy_hashing(source: Any, target: Any, max_bytes: int, total: int,
                     progress: Callable[[int, int], None] | None, *rest: Any) -> Any:
        def half_way(done: int, whole: int) -> None:
            if progress is not None:
                progress(done, whole)
            if done * 2 >= whole:
                target.flush()
                stop()

        return copy(source, target, max_bytes, total, half_way, *rest)

    attachments._copy_hashing = copy_hashing


def stop_in_transaction() -> None:
    write = entry_evidence.write_entry_change

    def write_entry_change(*args: Any, **kwargs: Any) -> Any:
        result = write(*args, **kwargs)
        # Flushing sends the rows to SQLite inside the open transaction.
        args[0].flush()
        stop()
        return result

    entry_evidence.write_entry_change = write_entry_change


POINTS = {"merge": stop_before_merge, "copying": stop_half_way_through_copy,
          "transaction": stop_in_transaction}

if __name__ == "__main__":
    POINTS[sys.argv[1]]()
    sys.exit(main(sys.argv[2:]))
