"""Key actions: the city's keys at setup, unlocking and backups, and township keys.

Rotating the city's keys is in :mod:`meili_desktop.services.key_rotation`.

The city office's private keys are stored encrypted under its passphrase. The offline escrow
key's private half is never stored in the database: setup writes it to a separate file that
the office keeps apart (a safe, a sealed USB stick), so the office can still open every report
package if the working key and its backup are both lost.

NOTE: a township's signing key is stored unencrypted in its data folder, because a clerk
cannot be asked for a passphrase at every export. It proves which installation sent a
package, not who sat at the keyboard.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from meili_desktop.errors import MeiliError
from meili_desktop.exchange import keys as exchange_keys
from meili_desktop.exchange.fingerprints import fingerprint, normalize_fingerprint
from meili_desktop.exchange.keys import (
    PURPOSE_ENCRYPTION,
    PURPOSE_ESCROW,
    PURPOSE_SIGNING,
    BackupEntry,
    KdfParameters,
)
from meili_desktop.exchange.model import KeyState, SenderKeyLookup
from meili_desktop.exchange.suites import DEFAULT_SUITE, KeyPair, get_suite
from meili_desktop.store import audit_repo, keys_repo
from meili_desktop.store.datafolder import Store
from meili_desktop.store.fileio import write_bytes_atomically

logger = logging.getLogger(__name__)

DEFAULT_KDF = exchange_keys.DEFAULT_KDF

# A relaying county's encryption key, as townships store it from their distribution package.
PURPOSE_COUNTY = "county-encryption"


class NoCityKeysError(MeiliError):
    """This installation holds no city key of the needed purpose; details: ``purpose``."""

    code = "keys.no_city_keys"
    exit_code = 4


class EscrowSuiteMismatchError(MeiliError):
    """The city's working key and escrow key have different suites, so no report package can
    be encrypted; details: ``suite`` (the working key's) and ``escrow_suite``."""

    code = "keys.escrow_suite_mismatch"
    exit_code = 4


class InvalidFingerprintError(MeiliError):
    """Text that is not a fingerprint of 8 groups of 5 digits; details: ``value``."""

    code = "keys.invalid_fingerprint"
    exit_code = 2


@dataclass
class UnlockedCityKeys:
    """The city's private keys opened with the passphrase, kept only in memory.

    ``decryption`` maps a key id (fingerprint) to a private key: the working encryption keys,
    old ones included, and the escrow key when it has been restored for recovery.
    """

    unit_id: str
    signing: KeyPair
    signing_fingerprint: str
    decryption: dict[str, bytes] = field(default_factory=dict, repr=False)


def create_city_keys(session: Session, unit_id: str, passphrase: str, *,
                     suite_id: str = DEFAULT_SUITE, kdf: KdfParameters = DEFAULT_KDF
                     ) -> tuple[str, bytes]:
    """Create and store the city's signing, working and escrow keys.

    Returns:
        The signing key's fingerprint and the escrow private key protected under
        ``passphrase``, which the caller writes to a file kept apart from the database.
    """
    city_keys = exchange_keys.generate_city_keys(suite_id)
    stored = []
    for pair, purpose in ((city_keys.signing, PURPOSE_SIGNING),
                          (city_keys.encryption, PURPOSE_ENCRYPTION)):
        blob = exchange_keys.protect_private_key(pair, purpose, passphrase, parameters=kdf)
        record = keys_repo.add_key(session, fingerprint=fingerprint(suite_id, pair.public_key),
                                   owner_unit_id=unit_id, purpose=purpose, suite=suite_id,
                                   public_key=pair.public_key, private_key=blob)
        stored.append(record)
    escrow = city_keys.escrow
    keys_repo.add_key(session, fingerprint=fingerprint(suite_id, escrow.public_key),
                      owner_unit_id=unit_id, purpose=PURPOSE_ESCROW, suite=suite_id,
                      public_key=escrow.public_key)
    escrow_blob = exchange_keys.protect_private_key(escrow, PURPOSE_ESCROW, passphrase,
                                                    parameters=kdf)
    audit_repo.add_event(session, "keys.city_created", unit_id=unit_id,
                         details={"suite": suite_id, "signing": stored[0].fingerprint})
    return stored[0].fingerprint, escrow_blob


def write_escrow_file(path: Path, escrow_blob: bytes) -> None:
    """Write the protected escrow key to ``path`` atomically."""
    write_bytes_atomically(path, escrow_blob)


def city_signing_keys(session: Session, unit_id: str) -> list[keys_repo.KeyRecord]:
    return keys_repo.list_keys(session, owner_unit_id=unit_id, purpose=PURPOSE_SIGNING,
                               statuses=(keys_repo.APPROVED, keys_repo.RETIRING))


def current_recipient_keys(session: Session, unit_id: str) -> list[keys_repo.KeyRecord]:
    """Return the keys a report package is encrypted to, all of one suite.

    These are the city's newest approved working key and its newest approved escrow key of
    the same suite, plus the relaying county's key when the city announced one of that suite.

    Raises:
        NoCityKeysError: no approved working key is stored.
        EscrowSuiteMismatchError: no approved escrow key has the working key's suite.
    """
    working = keys_repo.list_keys(session, owner_unit_id=unit_id, purpose=PURPOSE_ENCRYPTION,
                                  statuses=(keys_repo.APPROVED,))
    if not working:
        raise NoCityKeysError(purpose=PURPOSE_ENCRYPTION)
    suite = working[-1].suite
    escrow = keys_repo.list_keys(session, owner_unit_id=unit_id, purpose=PURPOSE_ESCROW,
                                 statuses=(keys_repo.APPROVED,))
    matching = [record for record in escrow if record.suite == suite]
    if not matching:
        if not escrow:
            raise NoCityKeysError(purpose=PURPOSE_ESCROW)
        raise EscrowSuiteMismatchError(suite=suite, escrow_suite=escrow[-1].suite)
    chosen = [working[-1], matching[-1]]

    county = keys_repo.list_keys(session, owner_unit_id=unit_id, purpose=PURPOSE_COUNTY,
                                 statuses=(keys_repo.APPROVED,))
    if county and county[-1].suite == suite:
        chosen.append(county[-1])
    elif county:
        # TODO: a county keeps the suite it was set up with, so after the city changes its
        # suite the county cannot open its townships' packages until it has new keys.
        logger.warning("the county key %s uses suite %s, not the city's %s; the package is "
                       "not encrypted to it", county[-1].fingerprint, county[-1].suite, suite)
    return chosen


def create_county_keys(session: Session, unit_id: str, passphrase: str, *,
                       suite_id: str = DEFAULT_SUITE, kdf: KdfParameters = DEFAULT_KDF) -> str:
    """Create a county office's signing and encryption keys, protected by its passphrase.

    The city approves the signing key by fingerprint; the encryption key travels in the
    county's bundles and lets the county open its townships' report packages.
    Returns the signing key's fingerprint.
    """
    suite = get_suite(suite_id)
    signing_fingerprint = ""
    for pair, purpose in ((suite.generate_signing_key(), PURPOSE_SIGNING),
                          (suite.generate_encryption_key(), PURPOSE_ENCRYPTION)):
        blob = exchange_keys.protect_private_key(pair, purpose, passphrase, parameters=kdf)
        record = keys_repo.add_key(session, fingerprint=fingerprint(suite_id, pair.public_key),
                                   owner_unit_id=unit_id, purpose=purpose, suite=suite_id,
                                   public_key=pair.public_key, private_key=blob)
        if purpose == PURPOSE_SIGNING:
            signing_fingerprint = record.fingerprint
    audit_repo.add_event(session, "keys.county_created", unit_id=unit_id,
                         details={"signing": signing_fingerprint, "suite": suite_id})
    return signing_fingerprint


def unlock_city_keys(store: Store, unit_id: str, passphrase: str) -> UnlockedCityKeys:
    """Open the city's private keys with the passphrase.

    The signing key used is the oldest one still signing: during a rotation the old key
    signs the distribution packages that announce the new one.

    Raises:
        WrongPassphraseError: the passphrase does not open the keys.
        NoCityKeysError: the installation holds no city signing key.
    """
    with store.session_factory() as session:
        signers = [record for record in city_signing_keys(session, unit_id)
                   if record.has_private_key]
        if not signers:
            raise NoCityKeysError(purpose=PURPOSE_SIGNING)
        signer = (
            [record for record in signers if record.status == keys_repo.RETIRING] or signers)[0]
        signing = exchange_keys.unprotect_private_key(
            keys_repo.private_key_blob(session, signer.fingerprint) or b"", passphrase)
        decryption: dict[str, bytes] = {}
        for purpose in (PURPOSE_ENCRYPTION, PURPOSE_ESCROW):
            for record in keys_repo.list_keys(session, owner_unit_id=unit_id, purpose=purpose,
                                              own_only=True):
                blob = keys_repo.private_key_blob(session, record.fingerprint) or b""
                decryption[record.fingerprint] = exchange_keys.unprotect_private_key(
                    blob, passphrase).private_key
    pair = KeyPair(signing.suite, signing.private_key, signing.public_key)
    return UnlockedCityKeys(unit_id, pair, signer.fingerprint, decryption)


def ensure_township_key(session: Session, unit_id: str, suite_id: str = DEFAULT_SUITE
                        ) -> keys_repo.KeyRecord:
    """Return the township's signing key for ``suite_id``, generating it on first use."""
    for record in keys_repo.list_keys(session, purpose=PURPOSE_SIGNING, own_only=True):
        if record.suite == suite_id and record.status == keys_repo.APPROVED:
            return record
    pair = exchange_keys.generate_township_key(suite_id)
    record = keys_repo.add_key(session, fingerprint=fingerprint(suite_id, pair.public_key),
                               owner_unit_id=unit_id, purpose=PURPOSE_SIGNING, suite=suite_id,
                               public_key=pair.public_key, private_key=pair.private_key)
    audit_repo.add_event(session, "keys.township_created", unit_id=unit_id,
                         details={"fingerprint": record.fingerprint, "suite": suite_id})
    logger.info("generated township signing key %s", record.fingerprint)
    return record


def township_signing_pair(session: Session, record: keys_repo.KeyRecord) -> KeyPair:
    private_key = keys_repo.private_key_blob(session, record.fingerprint)
    assert private_key is not None
    return get_suite(record.suite).load_signing_key(private_key)


def sender_lookup(session: Session, unit_id: str, fingerprint_text: str) -> SenderKeyLookup:
    """Answer the package reader's question about a sender's signing key."""
    record = keys_repo.find_sender_key(session, unit_id, fingerprint_text)
    if record is None:
        # Only an unknown key costs this second query, so the per-package lookup stays one.
        stored = keys_repo.get_key(session, fingerprint_text)
        if stored is not None and stored.owner_unit_id != unit_id:
            return SenderKeyLookup(KeyState.OTHER_UNIT, owner_unit_id=stored.owner_unit_id)
        return SenderKeyLookup(KeyState.UNKNOWN)
    if record.status in (keys_repo.APPROVED, keys_repo.RETIRING):
        return SenderKeyLookup(KeyState.APPROVED, record.public_key)
    if record.status == keys_repo.PENDING:
        return SenderKeyLookup(KeyState.PENDING)
    return SenderKeyLookup(KeyState.REJECTED)


def parse_fingerprint(text: str) -> str:
    """Return the canonical fingerprint for digits typed with any separators.

    Raises:
        InvalidFingerprintError: the text is not 40 digits.
    """
    normalized = normalize_fingerprint(text)
    if normalized is None:
        raise InvalidFingerprintError(value=text)
    return normalized


def export_backup(store: Store, passphrase: str, path: Path, *,
                  kdf: KdfParameters = DEFAULT_KDF) -> int:
    """Write every key that has a private half, plus approved sender keys, to a backup file.

    The private halves in the backup are re-encrypted under ``passphrase`` as one file.
    Returns the number of keys written.
    """
    with store.session_factory() as session:
        entries = [BackupEntry(record.suite, record.purpose, record.owner_unit_id,
                               record.public_key,
                               keys_repo.private_key_blob(session, record.fingerprint),
                               record.status, record.created_at.isoformat())
                   for record in keys_repo.list_keys(session)]
    write_bytes_atomically(path, exchange_keys.export_key_backup(entries, passphrase,
                                                             parameters=kdf))
    logger.info("exported %d keys to %s", len(entries), path)
    return len(entries)


def restore_backup(store: Store, passphrase: str, path: Path) -> int:
    """Add the keys of a backup file that are missing here; return how many were added.

    Raises:
        WrongPassphraseError: the passphrase does not open the file.
        KeyFileError: the file is not a key backup.
    """
    entries = exchange_keys.restore_key_backup(path.read_bytes(), passphrase)
    added = 0
    with store.session_factory.begin() as session:
        for entry in entries:
            key_id = fingerprint(entry.suite, entry.public_key)
            if keys_repo.get_key(session, key_id) is None:
                added += 1
            keys_repo.add_key(session, fingerprint=key_id, owner_unit_id=entry.owner_unit_id,
                              purpose=entry.purpose, suite=entry.suite,
                              public_key=entry.public_key, private_key=entry.private_key,
                              status=entry.status)
        audit_repo.add_event(session, "keys.backup_restored",
                             details={"file": path.name, "added": added})
    return added


def restore_escrow_key(store: Store, unit_id: str, escrow_path: Path, passphrase: str) -> str:
    """Load the offline escrow private key so that packages can be opened with it.

    The key is stored protected under the passphrase it came with. Returns its fingerprint.
    """
    blob = escrow_path.read_bytes()
    unlocked = exchange_keys.unprotect_private_key(blob, passphrase)
    key_id = fingerprint(unlocked.suite, unlocked.public_key)
    with store.session_factory.begin() as session:
        keys_repo.add_key(session, fingerprint=key_id, owner_unit_id=unit_id,
                          purpose=PURPOSE_ESCROW, suite=unlocked.suite,
                          public_key=unlocked.public_key, private_key=blob)
        audit_repo.add_event(session, "keys.escrow_restored", unit_id=unit_id,
                             details={"fingerprint": key_id})
    return key_id
