"""The office inbox: verify one package file and preview it, and describe a failure safely.

:func:`verify_file` is the job behind each file the office adds to the inbox. The diagnostic
text of a failed file holds only what the file shows anyone (its size, digest and public
header) and the reason, never a passphrase, key or decrypted content, so the office can send
it to the township.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from meili_desktop import __version__
from meili_desktop.errors import CancelledError, MeiliError
from meili_desktop.exchange.container import PackageHeaderInfo, open_package
from meili_desktop.messages import describe
from meili_desktop.services import merge, relay
from meili_desktop.services.identity import Role, load_identity
from meili_desktop.services.keys import UnlockedCityKeys
from meili_desktop.services.merge import MergePreview
from meili_desktop.services.packages import OpenedPackage, read_incoming
from meili_desktop.store.datafolder import Store

logger = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]

# Error codes that mean the package waits for the office to approve the sender's key.
KEY_WAITING_CODES = frozenset({"package.sender_key_pending", "package.unknown_sender_key"})


@dataclass
class InboxResult:
    """A checked file: verified and previewed, or failed with the reason.

    ``header`` is the public header when the file could be read that far, also on failure.
    ``opened`` keeps the decrypted package's temporary files until it is merged or removed.
    """

    path: Path
    header: PackageHeaderInfo | None = None
    opened: OpenedPackage | None = None
    preview: MergePreview | None = None
    error: MeiliError | None = None

    @property
    def is_waiting_for_key(self) -> bool:
        return self.error is not None and self.error.code in KEY_WAITING_CODES

    def discard(self) -> None:
        """Delete the decrypted package's temporary files."""
        if self.opened is not None:
            self.opened.discard()
            self.opened = None


def verify_file(store: Store, unlocked: UnlockedCityKeys, path: Path,
                progress: ProgressCallback | None = None,
                cancel: threading.Event | None = None) -> InboxResult:
    """Verify, decrypt and preview one package file; return the result, failed or not.

    A county office keeps a verified file byte for byte, so that it can forward the
    package to the city after merging it.

    Raises:
        CancelledError: ``cancel`` was set; nothing is kept.
    """
    result = InboxResult(path)
    try:
        result.header = open_package(path)
        result.opened = read_incoming(store, path, unlocked, progress, cancel)
        identity = load_identity(store)
        if identity is not None and identity.role is Role.COUNTY:
            relay.keep_original(store, result.opened.incoming.package_id, path)
        result.preview = merge.preview(store, result.opened.incoming)
    except CancelledError:
        result.discard()
        raise
    except MeiliError as error:
        logger.info("inbox file %s failed: %s", path, error)
        result.discard()
        result.error = error
    return result


def diagnostic_text(result: InboxResult) -> str:
    """Return a report of a failed file that the township can be sent.

    It names the program version, the file's name, size and SHA-256, the public header
    fields, and the reason in the user's language.
    """
    size, digest = _file_facts(result.path)
    facts: list[tuple[str, object]] = [
        (QT_TRANSLATE_NOOP("InboxDiagnostic", "Program version"), __version__),
        (QT_TRANSLATE_NOOP("InboxDiagnostic", "Checked at (UTC)"),
         datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")),
        (QT_TRANSLATE_NOOP("InboxDiagnostic", "File"), result.path.name),
        (QT_TRANSLATE_NOOP("InboxDiagnostic", "Size in bytes"), size),
        (QT_TRANSLATE_NOOP("InboxDiagnostic", "SHA-256"), digest),
    ]
    header = result.header
    if header is not None:
        facts += [
            (QT_TRANSLATE_NOOP("InboxDiagnostic", "Package id"), header.package_id),
            (QT_TRANSLATE_NOOP("InboxDiagnostic", "Kind"), header.kind),
            (QT_TRANSLATE_NOOP("InboxDiagnostic", "Sender"),
             f"{header.sender_name} ({header.sender_unit_id})"),
            (QT_TRANSLATE_NOOP("InboxDiagnostic", "Sequence"), header.sequence),
            (QT_TRANSLATE_NOOP("InboxDiagnostic", "Written at (sender's clock)"),
             header.created_at),
            (QT_TRANSLATE_NOOP("InboxDiagnostic", "Periods"), ", ".join(header.periods) or "-"),
            (QT_TRANSLATE_NOOP("InboxDiagnostic", "Sender key fingerprint"),
             header.sender_fingerprint),
            (QT_TRANSLATE_NOOP("InboxDiagnostic", "Format version"),
             "%d.%d" % header.format_version),
        ]
    if result.error is not None:
        facts += [(QT_TRANSLATE_NOOP("InboxDiagnostic", "Error code"), result.error.code),
                  (QT_TRANSLATE_NOOP("InboxDiagnostic", "Reason"), describe(result.error))]
    lines = [QCoreApplication.translate("InboxDiagnostic", "Package check report")]
    lines += [f"{QCoreApplication.translate('InboxDiagnostic', name)}: {value}"
              for name, value in facts]
    return "\n".join(lines)


def _file_facts(path: Path) -> tuple[str, str]:
    try:
        digest = hashlib.sha256()
        size = 0
        with path.open("rb") as reader:
            while chunk := reader.read(1024 * 1024):
                digest.update(chunk)
                size += len(chunk)
        return str(size), digest.hexdigest()
    except OSError as error:
        logger.info("cannot read %s for its diagnostic: %s", path, error)
        unreadable = QCoreApplication.translate("InboxDiagnostic", "unreadable")
        return unreadable, unreadable
