"""Verify and decrypt many report package files in worker processes, ahead of the merge.

Reading a package (two signatures, the key unwrap, decryption, strict JSON and the content
checks) costs processor time of the same order as merging it, and only the merge needs the
database's write lock. :func:`open_in_order` therefore reads the next files in worker
processes while the caller merges the current one. It hands the packages over in the order of
the files, so merging stays sequential and each package keeps its own transaction.

Workers only read the database (sender keys, units). A package signed by an unknown key is
registered as pending by the calling process, as :func:`~meili_desktop.services.packages.
read_incoming` does, so two packages of one new key never race to register it. Worker
processes are started with ``spawn`` on every platform: forking a process that runs Qt threads
and holds database connections is unsafe, and Windows has no fork.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import multiprocessing
import multiprocessing.connection
import os
import threading
import traceback
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from multiprocessing.synchronize import Event as ProcessEvent
from pathlib import Path
from typing import Any, cast

from meili_desktop.errors import CancelledError, MeiliError
from meili_desktop.exchange.errors import UnknownSenderKeyError
from meili_desktop.services.keys import UnlockedCityKeys
from meili_desktop.services.packages import (
    OpenedPackage,
    hold_for_key_approval,
    name_key_units,
    open_incoming,
    read_incoming,
)
from meili_desktop.store.datafolder import Store, open_store

logger = logging.getLogger(__name__)

# Starting a worker process imports the program again (0.9 s on a loaded 2-core machine), so
# a few files are read in the calling process instead.
MIN_FILES_FOR_WORKERS = 8
MAX_WORKERS = 4
# Files read ahead per worker. Each read-ahead package keeps its decrypted attachments in the
# data folder's temporary folder until it is merged, so this bounds that disk space.
FILES_AHEAD_PER_WORKER = 2
# How often a wait for a worker checks the cancel flag.
_CANCEL_POLL_S = 0.1
# The message a worker sends once it has opened the data folder.
_READY = "ready"
# How long a stopping worker may take to finish its file before it is terminated. A worker
# checks the stop flag between 64 KiB chunks, so it normally stops within milliseconds.
_JOIN_TIMEOUT_S = 30.0


@dataclass
class OpenedFile:
    """One file of a batch: its verified package, or the expected error that rejected it.

    The consumer calls :meth:`discard` when done, to delete the package's temporary files.
    """

    path: Path
    opened: OpenedPackage | None = None
    error: MeiliError | None = None

    def discard(self) -> None:
        """Delete the package's temporary files; safe to call twice."""
        if self.opened is not None:
            self.opened.discard()
            self.opened = None


def default_workers() -> int:
    """Return the number of worker processes: one core stays with the merging process."""
    return max(1, min((os.cpu_count() or 1) - 1, MAX_WORKERS))


@contextmanager
def open_in_order(store: Store, unlocked: UnlockedCityKeys, files: Sequence[Path], *,
                  workers: int | None = None, cancel: threading.Event | None = None,
                  read_while_starting: bool = True,
                  register_keys: bool = True) -> Iterator[Iterator[OpenedFile]]:
    """Open report package files ahead of their use; yield an iterator in the files' order.

    Each item is verified and decrypted as :func:`read_incoming` would, or carries the
    expected error that rejected the file. The consumer discards each item it takes. Items
    read ahead but not taken when the ``with`` block ends are discarded here, and the worker
    processes are stopped.

    Args:
        store: the office data folder.
        unlocked: the office's unlocked keys; workers receive only the decryption keys.
        files: the package files, in the order wanted.
        workers: worker processes; None picks :func:`default_workers`, 0 reads every file
            in this process. Fewer than :data:`MIN_FILES_FOR_WORKERS` files are always read
            in this process.
        cancel: set to stop; the iterator then raises CancelledError.
        read_while_starting: read files in this process until a worker has started; False
            waits for the first worker instead, so that every file goes to a worker.
        register_keys: register an unknown sender key as pending, as :func:`read_incoming`
            does; False (a dry run) writes nothing and reports UnknownSenderKeyError.
    """
    count = default_workers() if workers is None else workers
    if count < 1 or len(files) < MIN_FILES_FOR_WORKERS:
        yield _open_here(store, unlocked, files, cancel, register_keys)
        return
    reader = _PoolReader(store, unlocked, files, count, cancel, read_while_starting,
                         register_keys)
    try:
        yield reader.results()
    finally:
        reader.close()


def _open_here(store: Store, unlocked: UnlockedCityKeys, files: Sequence[Path],
               cancel: threading.Event | None, register_keys: bool) -> Iterator[OpenedFile]:
    for path in files:
        if cancel is not None and cancel.is_set():
            raise CancelledError()
        try:
            opened = read_incoming(store, path, unlocked, cancel=cancel,
                                   register_keys=register_keys)
        except CancelledError:
            raise
        except MeiliError as error:
            yield OpenedFile(path, error=error)
            continue
        yield OpenedFile(path, opened)


@dataclass
class _WorkerResult:
    """A worker's result for one file: the package, the error in parts, or a traceback.

    Errors travel as parts because MeiliError's keyword-only constructor does not survive
    pickling.
    """

    opened: OpenedPackage | None = None
    error_type: type[MeiliError] | None = None
    code: str = ""
    details: dict[str, Any] | None = None
    is_key_unknown: bool = False
    crash: str = ""


@dataclass
class _Worker:
    """A worker process, the pipe to it and the files it has received but not returned.

    ``is_ready`` turns true when the worker reports that it has opened the data folder.
    """

    process: BaseProcess
    connection: Connection
    sent: deque[Path] = field(default_factory=deque)
    is_ready: bool = False


class _PoolReader:
    """Feed files to worker processes, a bounded number ahead, and collect them in order.

    Until the first worker has started, which takes about a second, the calling process
    reads the files itself. After that each file goes to the ready worker with the fewest
    files outstanding. A worker returns its files in the order it received them, and the
    reader remembers which worker has which file, so the results come back in the files'
    order. The calling process runs no helper thread for this. A thread that unpickles
    results would compete for the interpreter lock with the merge, which releases the lock
    for every SQLite call.
    """

    def __init__(self, store: Store, unlocked: UnlockedCityKeys, files: Sequence[Path],
                 workers: int, cancel: threading.Event | None,
                 read_while_starting: bool, register_keys: bool = True) -> None:
        self._store = store
        self._register_keys = register_keys
        self._read_while_starting = read_while_starting
        self._unlocked = unlocked
        self._cancel = cancel
        self._files = list(files)
        # The index of the first file not yet sent, and the worker of each file sent.
        self._next = 0
        self._owners: deque[_Worker] = deque()
        self.files_to_workers = 0
        context = multiprocessing.get_context("spawn")
        self._stop = context.Event()
        self._log_queue: Any = context.Queue()
        self._listener = logging.handlers.QueueListener(self._log_queue, _LogForwarder())
        self._listener.start()
        level = logging.getLogger("meili_desktop").getEffectiveLevel()
        self._workers: list[_Worker] = []
        for _ in range(workers):
            parent_end, child_end = context.Pipe()
            process = context.Process(
                target=_worker_main, daemon=True,
                args=(child_end, store.folder.root, _worker_database_url(store),
                      dict(unlocked.decryption), self._stop, self._log_queue, level))
            process.start()
            child_end.close()
            self._workers.append(_Worker(process, parent_end))
        logger.info("reading %d package files in %d worker processes", len(files), workers)

    def results(self) -> Iterator[OpenedFile]:
        for index, path in enumerate(self._files):
            ready = self._ready_workers()
            while not ready and not self._read_while_starting and self._workers:
                self._check_cancel()
                multiprocessing.connection.wait(
                    [worker.connection for worker in self._workers], _CANCEL_POLL_S)
                ready = self._ready_workers()
            if not ready and self._next == index:
                self._next += 1
                yield from _open_here(self._store, self._unlocked, [path], self._cancel,
                                      self._register_keys)
                continue
            self._send_ahead(index, ready)
            result = self._receive(self._owners.popleft())
            yield self._to_opened_file(path, result)

    def close(self) -> None:
        """Stop the workers and discard every package read ahead but not handed over."""
        logger.info("worker processes read %d of %d package files", self.files_to_workers,
                    len(self._files))
        if any(worker.sent for worker in self._workers):
            self._stop.set()
        for worker in self._workers:
            with contextlib.suppress(OSError):
                worker.connection.send(None)
        for worker in self._workers:
            while worker.sent:
                try:
                    result = self._receive(worker, may_cancel=False)
                except (RuntimeError, CancelledError):
                    break
                if result.opened is not None:
                    result.opened.discard()
            worker.process.join(_JOIN_TIMEOUT_S)
            if worker.process.is_alive():
                logger.warning("worker process %s did not stop; terminating it",
                               worker.process.pid)
                worker.process.terminate()
                worker.process.join()
            worker.connection.close()
        self._listener.stop()
        self._log_queue.close()

    def _ready_workers(self) -> list[_Worker]:
        """Return the workers that have started, noting those that reported it since."""
        for worker in self._workers:
            if worker.is_ready or not worker.connection.poll(0):
                continue
            try:
                message = worker.connection.recv()
            except EOFError:
                logger.warning("package worker process %s ended while starting",
                               worker.process.pid)
                worker.connection.close()
                self._workers.remove(worker)
                return self._ready_workers()
            worker.is_ready = message == _READY
        return [worker for worker in self._workers if worker.is_ready]

    def _send_ahead(self, index: int, ready: list[_Worker]) -> None:
        """Send files to ready workers until each has about ``FILES_AHEAD_PER_WORKER``."""
        last = min(len(self._files), index + len(ready) * FILES_AHEAD_PER_WORKER)
        while self._next < last:
            worker = min(ready, key=lambda candidate: len(candidate.sent))
            worker.connection.send(self._files[self._next])
            worker.sent.append(self._files[self._next])
            self._owners.append(worker)
            self._next += 1
            self.files_to_workers += 1

    def _receive(self, worker: _Worker, *, may_cancel: bool = True) -> _WorkerResult:
        """Wait for the worker's result for its oldest file, checking the cancel flag."""
        while True:
            if may_cancel:
                self._check_cancel()
            if worker.connection.poll(_CANCEL_POLL_S):
                break
            if not worker.process.is_alive() and not worker.connection.poll(0):
                raise RuntimeError(f"package worker process {worker.process.pid} ended with "
                                   f"exit code {worker.process.exitcode}")
        try:
            result: _WorkerResult = worker.connection.recv()
        except EOFError:
            raise RuntimeError(f"package worker process {worker.process.pid} closed its "
                               f"pipe") from None
        worker.sent.popleft()
        if result.crash:
            raise RuntimeError(f"package worker process failed:\n{result.crash}")
        return result

    def _check_cancel(self) -> None:
        if self._cancel is not None and self._cancel.is_set():
            self._stop.set()
            raise CancelledError()

    def _to_opened_file(self, path: Path, result: _WorkerResult) -> OpenedFile:
        if result.opened is not None:
            return OpenedFile(path, result.opened)
        if result.is_key_unknown and self._register_keys:
            try:
                return OpenedFile(path, error=hold_for_key_approval(self._store, path))
            except MeiliError as error:
                return OpenedFile(path, error=error)
        assert result.error_type is not None
        error = result.error_type.__new__(result.error_type)
        MeiliError.__init__(error, result.code, **(result.details or {}))
        if isinstance(error, CancelledError):
            raise error
        if result.is_key_unknown:
            name_key_units(self._store, error)
        return OpenedFile(path, error=error)


def _worker_database_url(store: Store) -> str | None:
    """Return the URL a worker opens, or None for the data folder's own SQLite file."""
    url = store.engine.url
    if url.get_backend_name() == "sqlite" and url.database is not None and \
            Path(url.database).resolve() == store.folder.database_file.resolve():
        return None
    return url.render_as_string(hide_password=False)


class _LogForwarder(logging.Handler):
    """Hand a worker's log records to this process's logger of the same name."""

    def emit(self, record: logging.LogRecord) -> None:
        logging.getLogger(record.name).handle(record)


def _worker_main(connection: Connection, root: Path, database_url: str | None,
                 decryption: dict[str, bytes], stop: ProcessEvent, log_queue: Any,
                 level: int) -> None:
    """Read each file received on the pipe until None arrives; runs in a worker process."""
    root_logger = logging.getLogger()
    root_logger.handlers[:] = [logging.handlers.QueueHandler(log_queue)]
    root_logger.setLevel(level)
    try:
        store = open_store(root, database_url)
    except Exception:
        # The calling process then reads every file itself.
        logging.getLogger(__name__).exception("worker process could not open %s", root)
        return
    # The reader calls only is_set() on its cancel flag, which a process event has too.
    cancel = cast(threading.Event, stop)
    try:
        connection.send(_READY)
        while (path := connection.recv()) is not None:
            connection.send(_read_in_worker(store, path, decryption, cancel))
    except EOFError:
        pass
    finally:
        store.dispose()


def _read_in_worker(store: Store, path: Path, decryption: dict[str, bytes],
                    cancel: threading.Event) -> _WorkerResult:
    try:
        return _WorkerResult(opened=open_incoming(store, path, decryption, cancel=cancel))
    except UnknownSenderKeyError as error:
        return _WorkerResult(error_type=type(error), code=error.code, details=error.details,
                             is_key_unknown=True)
    except MeiliError as error:
        return _WorkerResult(error_type=type(error), code=error.code, details=error.details)
    except Exception:
        logging.getLogger(__name__).exception("reading %s failed in a worker process", path)
        return _WorkerResult(crash=traceback.format_exc())
