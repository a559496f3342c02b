"""Link a township laptop's signing keys, so the office sees their packages come from one laptop.

The township side signs a statement with each of the laptop's earlier signing keys when it
exports a report package; the office side checks those statements against the keys it has
on record for the unit. See :mod:`meili_desktop.exchange.laptop_keys` for the format.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import Session

from meili_desktop.exchange.errors import ContentMismatchError
from meili_desktop.exchange.keys import PURPOSE_SIGNING
from meili_desktop.exchange.laptop_keys import KeyLink, sign_link, verify_link
from meili_desktop.exchange.suites import get_suite
from meili_desktop.store import keys_repo

logger = logging.getLogger(__name__)

# Statuses of an earlier key whose packages the office may have merged.
_TRUSTED_STATUSES = (keys_repo.APPROVED, keys_repo.RETIRING, keys_repo.RETIRED)


def earlier_key_links(session: Session, unit_id: str,
                      current: keys_repo.KeyRecord) -> list[dict[str, Any]]:
    """Return one signed link per other signing key this laptop holds, for ``report_info``.

    Args:
        session: the township's session.
        unit_id: the township's reporting unit.
        current: the key that signs the package.
    """
    links: list[dict[str, Any]] = []
    for record in keys_repo.list_keys(session, purpose=PURPOSE_SIGNING, own_only=True):
        if record.fingerprint == current.fingerprint:
            continue
        private_key = keys_repo.private_key_blob(session, record.fingerprint)
        if private_key is None:
            continue
        pair = get_suite(record.suite).load_signing_key(private_key)
        links.append(sign_link(pair, record.fingerprint, unit_id=unit_id,
                               current_fingerprint=current.fingerprint))
    return links


def verify_earlier_keys(session: Session, unit_id: str, current_fingerprint: str,
                        links: Iterable[KeyLink], file_name: str) -> tuple[str, ...]:
    """Return the earlier keys of the sending laptop that the office can confirm.

    A link naming a key the office never approved for the unit proves nothing and is skipped:
    no entry can have come from it. A link whose signature does not verify rejects the
    package, because the laptop that signed it claims a key it cannot sign for.

    Raises:
        ContentMismatchError: a link's signature does not verify (``invalid_laptop_key``).
    """
    confirmed: list[str] = []
    for link in links:
        if link.fingerprint == current_fingerprint:
            continue
        record = keys_repo.find_sender_key(session, unit_id, link.fingerprint)
        if record is None or record.status not in _TRUSTED_STATUSES:
            logger.info("package %s names earlier key %s of %s, which is not approved here; "
                        "skipped", file_name, link.fingerprint, unit_id)
            continue
        if not verify_link(link, unit_id=unit_id, current_fingerprint=current_fingerprint,
                           suite_id=record.suite, public_key=record.public_key):
            logger.warning("package %s: the link from earlier key %s of %s does not verify",
                           file_name, link.fingerprint, unit_id)
            raise ContentMismatchError(file=file_name, reason="invalid_laptop_key",
                                       value=link.fingerprint)
        confirmed.append(link.fingerprint)
    return tuple(confirmed)
