"""Expected failures of the package exchange, one class per reason.

Each class has its own ``code`` (the key of its message in :mod:`meili_desktop.messages.exchange`)
and its own CLI exit status, so a script can tell a truncated file from a replayed one. Details
carry the values the message needs, such as the file name, the chunk index or the fingerprint.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from meili_desktop.errors import MeiliError


class ExchangeError(MeiliError):
    """Base class of every package, key and cipher suite failure."""

    code = "package.error"
    exit_code = 20


@contextlib.contextmanager
def naming_file(path: Path | str) -> Iterator[None]:
    """Add the package's file name as the ``file`` detail of any ExchangeError raised inside."""
    try:
        yield
    except ExchangeError as error:
        error.details.setdefault("file", Path(path).name)
        raise


class NotAPackageError(ExchangeError):
    """The file does not start with the package magic bytes (an empty file, a .docx, noise)."""

    code = "package.not_a_package"
    exit_code = 21


class UnsupportedVersionError(ExchangeError):
    """The package was written in a format version this program cannot read."""

    code = "package.unsupported_version"
    exit_code = 22


class WrongRecipientError(ExchangeError):
    """None of the package's recipient keys is one of ours: it is meant for another office."""

    code = "package.wrong_recipient"
    exit_code = 23


class UnknownSenderKeyError(ExchangeError):
    """The sender's signing key has never been seen for that reporting unit."""

    code = "package.unknown_sender_key"
    exit_code = 24


class PendingSenderKeyError(ExchangeError):
    """The sender's signing key is known but its fingerprint has not been approved yet."""

    code = "package.sender_key_pending"
    exit_code = 25


class RejectedSenderKeyError(ExchangeError):
    """The sender's signing key was rejected or retired by the office."""

    code = "package.sender_key_rejected"
    exit_code = 26


class SenderKeyOfOtherUnitError(ExchangeError):
    """The package names one unit as its sender but is signed by a key stored for another.

    A fingerprint belongs to one unit only, so no approval can make the package valid: it
    impersonates the unit it names. Details: ``unit_id`` (the claimed sender),
    ``fingerprint`` and ``owner_unit_id`` (the unit the key is stored for).
    """

    code = "package.key_of_other_unit"
    exit_code = 39


class BadSignatureError(ExchangeError):
    """A signature over the header or the manifest does not verify."""

    code = "package.bad_signature"
    exit_code = 27


class CorruptedError(ExchangeError):
    """Bytes were changed: a chunk fails authentication, or a hash or structure is wrong."""

    code = "package.corrupted"
    exit_code = 28


class RelabelledError(ExchangeError):
    """The header verifies but the encrypted content was made for another header.

    This is what a package looks like after a third party re-signed someone else's package
    under its own name: the key wrap and the payload keys are bound to the original header.
    """

    code = "package.relabelled"
    exit_code = 29


class TruncatedError(ExchangeError):
    """The file ends before the declared end of the header or payload."""

    code = "package.truncated"
    exit_code = 30


class TrailingDataError(ExchangeError):
    """Bytes follow the final chunk."""

    code = "package.trailing_data"
    exit_code = 31


class SizeMismatchError(ExchangeError):
    """A declared size differs from the actual number of bytes."""

    code = "package.size_mismatch"
    exit_code = 32


class UnsafeNameError(ExchangeError):
    """An attachment name is a path, a device name or contains characters we never write."""

    code = "package.unsafe_attachment_name"
    exit_code = 33


class TooLargeError(ExchangeError):
    """A size or count exceeds the format's caps."""

    code = "package.too_large"
    exit_code = 34


class AttachmentChangedError(ExchangeError):
    """An attachment's file changed on disk between listing it and writing the package."""

    code = "package.attachment_changed"
    exit_code = 35


class ReplayedPackageError(ExchangeError):
    """The package (or its sequence number) was imported before. Raised by the import pipeline.

    Details: ``file`` and ``package_id``.
    """

    code = "package.replayed"
    exit_code = 36


class StalePackageError(ExchangeError):
    """A newer package from the same sender was already imported. Raised by the import pipeline.

    Details: ``file``, ``sequence`` (this package's) and ``latest`` (the newest imported).
    """

    code = "package.stale"
    exit_code = 37


class ContentMismatchError(ExchangeError):
    """The content does not fit the catalogue. Raised by the import pipeline.

    Details: ``file`` and ``reason``, a sentence from the catalogue check.
    """

    code = "package.content_mismatch"
    exit_code = 38


class WrongPassphraseError(ExchangeError):
    """The passphrase does not open the protected private key or key backup."""

    code = "key.wrong_passphrase"
    exit_code = 40


class KeyFileError(ExchangeError):
    """A protected key, key backup or rotation announcement is malformed or damaged."""

    code = "key.invalid_file"
    exit_code = 41


class RotationSignatureError(ExchangeError):
    """A key rotation announcement is not signed by the key it claims to replace."""

    code = "key.bad_rotation"
    exit_code = 42


class SuiteUnavailableError(ExchangeError):
    """The cipher suite is unknown, or failed its known-answer self-test and is disabled."""

    code = "suite.unavailable"
    exit_code = 43
