"""A relaying county's keys follow the city's cipher suite.

A county signs its bundles to the city and opens its townships' report packages. Both work
only in the suite the city uses now, because townships encrypt to the county's key only when
it has the city's suite. A bundle is encrypted to the city's keys in the county's own suite.
When a distribution package from the city announces keys of another suite, the county
creates a signing and an encryption key of that suite at import, protected by its
passphrase. Its next bundle carries the new encryption key to the city, which approves the
new signing key by fingerprint as at the county's first bundle. The old encryption key stays
to open packages the townships wrote before the change.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from sqlalchemy.orm import Session

from meili_desktop.errors import MeiliError
from meili_desktop.exchange.keys import PURPOSE_ENCRYPTION, PURPOSE_SIGNING, KdfParameters
from meili_desktop.services import keys as key_service
from meili_desktop.store import audit_repo, keys_repo
from meili_desktop.store.datafolder import Store

logger = logging.getLogger(__name__)


class CountySuitePassphraseError(MeiliError):
    """The city changed suites and the county's new keys need its passphrase.

    Details: ``file``, ``suite`` (the city's new suite), ``county_suite``.
    """

    code = "distribution.county_suite_passphrase"
    exit_code = 2


class BundleSuiteMismatchError(MeiliError):
    """The county's signing key and the city's keys have different suites.

    Details: ``suite`` (the city's), ``county_suite`` (the county's signing key's).
    """

    code = "bundle.suite_mismatch"
    exit_code = 2


def announced_suite(city_keys: Iterable[tuple[str, str, str]]) -> str | None:
    """Return the suite of the city's newest approved working key in a received key list.

    Args:
        city_keys: (purpose, suite, status) of each key the distribution package lists, in
            the order listed, oldest first.
    """
    working = [suite for purpose, suite, status in city_keys
               if purpose == PURPOSE_ENCRYPTION and status == keys_repo.APPROVED]
    return working[-1] if working else None


def own_signing_suite(session: Session, county_id: str) -> str | None:
    """Return the suite of the county's current signing key; None before it has one."""
    signers = [record for record in key_service.city_signing_keys(session, county_id)
               if record.has_private_key]
    return signers[-1].suite if signers else None


def check_suite_change(store: Store, county_id: str, suite: str | None, passphrase: str | None,
                       file_name: str) -> bool:
    """Return whether the county needs keys of ``suite``; check the passphrase if so.

    Called before the import writes anything, so a rejected import changes nothing.

    Raises:
        CountySuitePassphraseError: new keys are needed and no passphrase was given.
        WrongPassphraseError: the passphrase does not open the county's current keys, which
            would leave old and new keys under different passphrases.
    """
    with store.session_factory() as session:
        current = own_signing_suite(session, county_id)
    if current is None or suite is None or current == suite:
        return False
    if not passphrase:
        raise CountySuitePassphraseError(file=file_name, suite=suite, county_suite=current)
    key_service.unlock_city_keys(store, county_id, passphrase)
    return True


def follow_city_suite(session: Session, county_id: str, suite: str, passphrase: str, *,
                      kdf: KdfParameters = key_service.DEFAULT_KDF) -> str:
    """Create the county's keys of ``suite`` and retire its older ones; return the signer.

    The retired encryption key keeps its private half, so packages encrypted to it open.
    """
    previous: list[str] = []
    for purpose in (PURPOSE_SIGNING, PURPOSE_ENCRYPTION):
        for record in keys_repo.list_keys(session, owner_unit_id=county_id, purpose=purpose,
                                          own_only=True,
                                          statuses=(keys_repo.APPROVED, keys_repo.RETIRING)):
            keys_repo.set_status(session, county_id, record.fingerprint, keys_repo.RETIRED)
            previous.append(record.fingerprint)
    signing = key_service.create_county_keys(session, county_id, passphrase, suite_id=suite,
                                             kdf=kdf)
    audit_repo.add_event(session, "keys.county_suite_changed", unit_id=county_id,
                         details={"suite": suite, "signing": signing, "retired": previous})
    logger.info("county %s follows the city's suite %s with signing key %s", county_id, suite,
                signing)
    return signing


def check_bundle_suite(signing_suite: str, recipient_suite: str) -> None:
    """Raise a clear error instead of writing a bundle whose keys have two suites.

    Raises:
        BundleSuiteMismatchError: the suites differ.
    """
    if signing_suite != recipient_suite:
        raise BundleSuiteMismatchError(suite=recipient_suite, county_suite=signing_suite)
