"""One running program per data folder; a second launch hands its package files to the first.

Two windows on one data folder would write the same SQLite file and evidence folder. So the
first launch takes a lock file in the data folder and listens on a local socket (a named pipe
on Windows) whose name is derived from the folder's path. A later launch on the same folder
finds the lock taken, connects to that socket, sends the package files from its command line
and exits. The first window then comes to the front and opens them.

The message is one line of UTF-8 JSON, ``{"files": ["C:/..."]}``, acknowledged with ``ok``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from meili_desktop import APP_ID
from meili_desktop.errors import MeiliError

logger = logging.getLogger(__name__)

LOCK_FILE_NAME = "instance.lock"
# A request larger than this is not a list of file paths; it is dropped unread.
MAX_REQUEST_BYTES = 256 * 1024
ACKNOWLEDGEMENT = b"ok\n"


class InstanceNotRespondingError(MeiliError):
    """Another process holds the data folder's lock but does not accept the hand-off."""

    code = "desktop.instance_not_responding"
    exit_code = 4


def server_name_for(data_dir: Path) -> str:
    """Return the local socket name for ``data_dir``: the program id and a path hash.

    The path is resolved and, on Windows, case-folded, so ``C:\\Data`` and ``c:\\data\\``
    name the same folder. Hashing keeps the name short and free of characters that socket
    and pipe names cannot contain. The user name is hashed in too, so that two accounts
    never share a socket name.
    """
    resolved = os.path.normcase(str(data_dir.expanduser().resolve()))
    user = os.environ.get("USERNAME") or os.environ.get("USER") or ""
    digest = hashlib.sha256(f"{user}\0{resolved}".encode()).hexdigest()[:24]
    return f"{APP_ID}-{digest}"


def encode_request(files: list[Path]) -> bytes:
    """Return the hand-off message for ``files`` as absolute paths.

    The receiving process runs in another working folder, so relative paths would point
    elsewhere there.
    """
    paths = [str(Path(file).expanduser().absolute()) for file in files]
    return json.dumps({"files": paths}, ensure_ascii=False).encode("utf-8") + b"\n"


def decode_request(data: bytes) -> list[Path]:
    """Return the file paths of a hand-off message.

    Raises:
        ValueError: the message is not the JSON object :func:`encode_request` writes.
    """
    message = json.loads(data.decode("utf-8"))
    if not isinstance(message, dict) or not isinstance(message.get("files"), list):
        raise ValueError("hand-off message has no list of files")
    files = message["files"]
    if not all(isinstance(item, str) and item for item in files):
        raise ValueError("hand-off message lists something other than file paths")
    return [Path(item) for item in files]


class SingleInstance(QObject):
    """Owns the data folder's instance lock and the local socket of the first launch.

    Signals:
        files_received(list): a later launch asked to come forward and open these files
            (a list of :class:`pathlib.Path`, possibly empty). Requests that arrive before
            :meth:`deliver_to` is called are kept and passed to its receiver.
    """

    files_received = Signal(list)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.server_name = server_name_for(data_dir)
        self._lock = QLockFile(str(data_dir / LOCK_FILE_NAME))
        # A lock is stale only when its process is gone, never because it is old.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None
        # Files from later launches that arrived before the main window was ready.
        self._pending_files: list[Path] = []
        self._is_delivering = False

    def acquire(self) -> bool:
        """Take the instance lock and start listening; return False if another process has it.

        Raises:
            OSError: the lock file cannot be written (for example a read-only folder).
        """
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if not self._lock.tryLock(0):
            if self._lock.error() == QLockFile.LockError.LockFailedError:
                return False
            raise OSError(f"cannot create the lock file {self._lock.fileName()}")

        # The lock proves no live process serves this name, so a socket file left by a
        # crashed run (Unix only) can be removed before listening.
        QLocalServer.removeServer(self.server_name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.server_name):
            logger.error("cannot listen on %s: %s", self.server_name, server.errorString())
        else:
            server.newConnection.connect(self._accept_connections)
            self._server = server
            logger.info("listening for later launches on %s", self.server_name)
        return True

    @property
    def is_listening(self) -> bool:
        """Whether later launches can reach this process (False if listening failed)."""
        return self._server is not None and self._server.isListening()

    def deliver_to(self, receiver: Callable[[list[Path]], object]) -> None:
        """Connect ``receiver`` to :attr:`files_received`, first passing it earlier requests.

        A later launch can arrive while this one still shows the first-run dialog; its files
        are kept until the main window exists and calls this.
        """
        self.files_received.connect(receiver)
        self._is_delivering = True
        if self._pending_files:
            files, self._pending_files = self._pending_files, []
            receiver(files)

    def release(self) -> None:
        """Stop listening and release the lock; called on quit."""
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    def hand_off(self, files: list[Path], timeout_ms: int = 10000) -> None:
        """Send ``files`` to the process that holds the lock and wait for its acknowledgement.

        The first process may still be starting (opening or migrating the database), so
        connecting is retried until ``timeout_ms`` has passed.

        Raises:
            InstanceNotRespondingError: no acknowledgement arrived within ``timeout_ms``.
        """
        _allow_foreground_for_lock_owner(self._lock)
        deadline = QDeadlineTimer(timeout_ms)
        socket = QLocalSocket()
        while True:
            socket.connectToServer(self.server_name)
            if socket.waitForConnected(min(500, max(deadline.remainingTime(), 1))):
                break
            socket.abort()
            if deadline.hasExpired():
                raise InstanceNotRespondingError(data_dir=str(self.data_dir))
            _sleep_ms(min(200, max(deadline.remainingTime(), 1)))

        socket.write(encode_request(files))
        reply = b""
        while ACKNOWLEDGEMENT not in reply:
            if not socket.waitForReadyRead(max(deadline.remainingTime(), 1)):
                socket.abort()
                raise InstanceNotRespondingError(data_dir=str(self.data_dir))
            reply += bytes(socket.readAll().data())
        socket.disconnectFromServer()
        logger.info("handed %d files to the running instance on %s", len(files), self.data_dir)

    def _accept_connections(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            buffer = bytearray()
            connection.readyRead.connect(
                lambda connection=connection, buffer=buffer: self._read(connection, buffer))
            connection.disconnected.connect(connection.deleteLater)
            if connection.bytesAvailable():
                self._read(connection, buffer)

    def _read(self, connection: QLocalSocket, buffer: bytearray) -> None:
        buffer += bytes(connection.readAll().data())
        if len(buffer) > MAX_REQUEST_BYTES:
            logger.warning("dropped a hand-off request of more than %d bytes", MAX_REQUEST_BYTES)
            connection.abort()
            return
        if b"\n" not in buffer:
            return
        line = bytes(buffer.split(b"\n", 1)[0])
        try:
            files = decode_request(line)
        except (UnicodeDecodeError, ValueError) as error:
            logger.warning("dropped an invalid hand-off request: %s", error)
            connection.abort()
            return
        connection.write(ACKNOWLEDGEMENT)
        connection.flush()
        logger.info("a later launch asked to open %d files", len(files))
        if self._is_delivering:
            self.files_received.emit(files)
        else:
            self._pending_files.extend(files)


def _sleep_ms(milliseconds: int) -> None:
    from PySide6.QtCore import QThread

    QThread.msleep(max(milliseconds, 0))


def _allow_foreground_for_lock_owner(lock: QLockFile) -> None:
    """Let the running process bring its window to the front (Windows only).

    Windows lets only the process the user just started take the foreground; without
    ``AllowSetForegroundWindow`` the first window would merely flash in the taskbar.
    """
    if sys.platform != "win32":
        return
    # PySide6 returns (pid, host name, application name), with pid 0 when there is no lock.
    pid = lock.getLockInfo()[0]
    if not pid:
        return
    import ctypes

    if not ctypes.windll.user32.AllowSetForegroundWindow(int(pid)):  # type: ignore[attr-defined]
        logger.info("AllowSetForegroundWindow(%d) failed", pid)
