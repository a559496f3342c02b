"""Replace the city office's keys, within its cipher suite or into another one.

A rotation creates a new signing key and a new working encryption key. The old signing key
becomes ``retiring`` and keeps signing distribution packages, whose key list announces the
new keys to townships through a key they already trust. :func:`finish_rotation` retires it
once the townships have the new keys.

A report package is encrypted to the working key and to the offline escrow key with one
suite, so a change of suite also needs an escrow key of the new suite. The rotation then
creates one, writes its private half, protected under the passphrase, to a new file that the
office keeps apart like the first one, and retires the old escrow key. The old escrow file
still opens the packages written before the change, so the office keeps both files.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from meili_desktop.errors import MeiliError
from meili_desktop.exchange import keys as exchange_keys
from meili_desktop.exchange.fingerprints import fingerprint
from meili_desktop.exchange.keys import (
    PURPOSE_ENCRYPTION,
    PURPOSE_ESCROW,
    PURPOSE_SIGNING,
    KdfParameters,
)
from meili_desktop.exchange.suites import DEFAULT_SUITE, KeyPair, get_suite
from meili_desktop.services.keys import DEFAULT_KDF, city_signing_keys, unlock_city_keys
from meili_desktop.store import audit_repo, keys_repo
from meili_desktop.store.datafolder import Store
from meili_desktop.store.fileio import write_bytes_atomically

logger = logging.getLogger(__name__)


class EscrowFileRequiredError(MeiliError):
    """A change of cipher suite needs a file for the new escrow key.

    Details: ``suite`` (the new suite) and ``escrow_suite`` (the suite of the current escrow
    key).
    """

    code = "keys.escrow_file_required"
    exit_code = 2


class EscrowFileExistsError(MeiliError):
    """The file chosen for a new escrow key exists already; details: ``file``.

    The file may hold the escrow key that opens older packages, so it is never replaced.
    """

    code = "keys.escrow_file_exists"
    exit_code = 2


@dataclass(frozen=True)
class CityKeyRotation:
    """The outcome of a rotation.

    ``escrow_fingerprint`` and ``escrow_file`` are set when a new escrow key was created.
    """

    signing_fingerprint: str
    suite: str
    previous_suite: str
    escrow_fingerprint: str | None = None
    escrow_file: Path | None = None


def rotate_city_keys(store: Store, unit_id: str, passphrase: str, *,
                     suite_id: str | None = None, escrow_file: Path | None = None,
                     kdf: KdfParameters = DEFAULT_KDF) -> CityKeyRotation:
    """Create new city signing and working keys; the old signing key keeps signing.

    Until :func:`finish_rotation`, distribution packages are signed with the old key and list
    the new keys. With ``escrow_file`` a new escrow key of the new suite is created too and
    its protected private half written there; a change of suite requires it.

    Args:
        store: the city office's data folder.
        unit_id: the city's reporting unit.
        passphrase: the office's passphrase; it also protects the new escrow file.
        suite_id: the suite of the new keys; default the suite of the current signing key.
        escrow_file: where to write a new escrow key; must not exist.
        kdf: passphrase hashing costs.

    Raises:
        WrongPassphraseError: the passphrase does not open the current keys.
        EscrowFileRequiredError: the suite changes and ``escrow_file`` is None.
        EscrowFileExistsError: ``escrow_file`` exists.
    """
    unlock_city_keys(store, unit_id, passphrase)  # checks the passphrase before any change
    with store.session_factory() as session:
        old_signers = city_signing_keys(session, unit_id)
        escrow_keys = keys_repo.list_keys(session, owner_unit_id=unit_id,
                                          purpose=PURPOSE_ESCROW,
                                          statuses=(keys_repo.APPROVED,))
    previous_suite = old_signers[0].suite if old_signers else DEFAULT_SUITE
    suite = suite_id or previous_suite
    escrow_suite = escrow_keys[-1].suite if escrow_keys else previous_suite
    if escrow_file is None and escrow_suite != suite:
        raise EscrowFileRequiredError(suite=suite, escrow_suite=escrow_suite)

    escrow_pair = None
    if escrow_file is not None:
        escrow_pair = _write_new_escrow_file(escrow_file, suite, passphrase, kdf)
    try:
        signing_fingerprint = _store_new_keys(store, unit_id, passphrase, suite, kdf,
                                              escrow_pair)
    except BaseException:
        # An escrow file whose public key never reached the database opens nothing.
        if escrow_file is not None:
            escrow_file.unlink(missing_ok=True)
        raise
    escrow_fingerprint = None if escrow_pair is None else fingerprint(suite,
                                                                      escrow_pair.public_key)
    logger.info("rotated the city keys of %s from %s to %s; new signing key %s, new escrow "
                "key %s", unit_id, previous_suite, suite, signing_fingerprint,
                escrow_fingerprint or "-")
    return CityKeyRotation(signing_fingerprint, suite, previous_suite, escrow_fingerprint,
                           escrow_file if escrow_pair is not None else None)


def _write_new_escrow_file(path: Path, suite: str, passphrase: str,
                           kdf: KdfParameters) -> KeyPair:
    """Generate an escrow key pair and write its protected private half to a new file."""
    # NOTE: the check and the write are two steps, so a file created in between by another
    # program would be replaced; the office chooses the name, so no one else writes there.
    if path.exists():
        raise EscrowFileExistsError(file=str(path))
    pair = get_suite(suite).generate_encryption_key()
    blob = exchange_keys.protect_private_key(pair, PURPOSE_ESCROW, passphrase, parameters=kdf)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomically(path, blob)
    return pair


def _store_new_keys(store: Store, unit_id: str, passphrase: str, suite: str,
                    kdf: KdfParameters, escrow_pair: KeyPair | None) -> str:
    """Retire the old keys and store the new ones in one transaction; return the signer."""
    with store.session_factory.begin() as session:
        for record in city_signing_keys(session, unit_id):
            keys_repo.set_status(session, unit_id, record.fingerprint, keys_repo.RETIRING)
        replaced = [PURPOSE_ENCRYPTION] + ([PURPOSE_ESCROW] if escrow_pair else [])
        for purpose in replaced:
            for record in keys_repo.list_keys(session, owner_unit_id=unit_id, purpose=purpose,
                                              statuses=(keys_repo.APPROVED,)):
                keys_repo.set_status(session, unit_id, record.fingerprint, keys_repo.RETIRED)

        suite_impl = get_suite(suite)
        signing_fingerprint = ""
        for pair, purpose in ((suite_impl.generate_signing_key(), PURPOSE_SIGNING),
                              (suite_impl.generate_encryption_key(), PURPOSE_ENCRYPTION)):
            blob = exchange_keys.protect_private_key(pair, purpose, passphrase, parameters=kdf)
            record = keys_repo.add_key(session, fingerprint=fingerprint(suite, pair.public_key),
                                       owner_unit_id=unit_id, purpose=purpose, suite=suite,
                                       public_key=pair.public_key, private_key=blob)
            if purpose == PURPOSE_SIGNING:
                signing_fingerprint = record.fingerprint
        details = {"new_signing": signing_fingerprint, "suite": suite}
        if escrow_pair is not None:
            # Only the public half is stored: the private half lives in the escrow file.
            escrow = keys_repo.add_key(
                session, fingerprint=fingerprint(suite, escrow_pair.public_key),
                owner_unit_id=unit_id, purpose=PURPOSE_ESCROW, suite=suite,
                public_key=escrow_pair.public_key)
            details["new_escrow"] = escrow.fingerprint
        audit_repo.add_event(session, "keys.rotated", unit_id=unit_id, details=details)
    return signing_fingerprint


def finish_rotation(store: Store, unit_id: str) -> int:
    """Retire the old signing keys once townships have the new ones; return how many."""
    with store.session_factory.begin() as session:
        retiring = keys_repo.list_keys(session, owner_unit_id=unit_id, purpose=PURPOSE_SIGNING,
                                       statuses=(keys_repo.RETIRING,))
        for record in retiring:
            keys_repo.set_status(session, unit_id, record.fingerprint, keys_repo.RETIRED)
        audit_repo.add_event(session, "keys.rotation_finished", unit_id=unit_id,
                             details={"retired": len(retiring)})
    return len(retiring)
