"""The office's decision on townships' signing keys: approve or reject after a phone check.

A package signed by a new key leaves the key pending. The clerk reads the fingerprint to the
township by phone; only when both agree is the key approved, and its packages can be merged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from meili_desktop.errors import MeiliError
from meili_desktop.services.keys import parse_fingerprint
from meili_desktop.store import audit_repo, keys_repo, units_repo
from meili_desktop.store.datafolder import Store

logger = logging.getLogger(__name__)

SIGNING = "signing"


class KeyDecisionError(MeiliError):
    """A retired key cannot be approved or rejected; details: ``unit``, ``fingerprint``,
    ``status``."""

    code = "keys.cannot_decide"
    exit_code = 4


@dataclass(frozen=True)
class SenderKey:
    """A sender's signing key as the key list shows it."""

    unit_id: str
    unit_name: str
    fingerprint: str
    suite: str
    status: str
    created_at: datetime


def list_sender_keys(store: Store, status: str | None = None) -> list[SenderKey]:
    """Return the signing keys of other units, pending ones first, then by unit."""
    with store.session_factory() as session:
        records = [record for record in keys_repo.list_keys(session, purpose=SIGNING)
                   if not record.has_private_key and record.owner_unit_id]
        names = {}
        for record in records:
            assert record.owner_unit_id is not None
            unit = units_repo.get_unit(session, record.owner_unit_id)
            names[record.owner_unit_id] = unit.name if unit is not None else ""
    keys = [SenderKey(record.owner_unit_id or "", names.get(record.owner_unit_id or "", ""),
                      record.fingerprint, record.suite, record.status, record.created_at)
            for record in records if status is None or record.status == status]
    return sorted(keys, key=lambda key: (key.status != keys_repo.PENDING, key.unit_id,
                                         key.created_at))


def approve_key(store: Store, unit_id: str, fingerprint_text: str, *, actor: str) -> str:
    """Approve a unit's signing key; return the status it had before.

    Args:
        store: the office's data folder.
        unit_id: the unit the key belongs to.
        fingerprint_text: the fingerprint as read out, with or without spaces.
        actor: the clerk who compared the fingerprint.

    Raises:
        InvalidFingerprintError: the text is not a fingerprint.
        KeyNotFoundError: no signing key with this fingerprint belongs to the unit.
        KeyDecisionError: the key is retired.
    """
    return _decide(store, unit_id, fingerprint_text, keys_repo.APPROVED, actor)


def reject_key(store: Store, unit_id: str, fingerprint_text: str, *, actor: str) -> str:
    """Reject a unit's signing key, so its packages are rejected; return the previous status.

    Raises:
        InvalidFingerprintError, KeyNotFoundError, KeyDecisionError: as for approve_key.
    """
    return _decide(store, unit_id, fingerprint_text, keys_repo.REJECTED, actor)


def _decide(store: Store, unit_id: str, fingerprint_text: str, status: str, actor: str) -> str:
    fingerprint = parse_fingerprint(fingerprint_text)
    with store.session_factory.begin() as session:
        record = keys_repo.find_sender_key(session, unit_id, fingerprint)
        if record is None or record.has_private_key:
            raise _key_not_found(session, unit_id, fingerprint)
        if record.status not in (keys_repo.PENDING, keys_repo.APPROVED, keys_repo.REJECTED):
            raise KeyDecisionError(unit=unit_id, fingerprint=fingerprint, status=record.status)
        if record.status != status:
            keys_repo.set_status(session, unit_id, fingerprint, status)
            audit_repo.add_event(session, f"keys.{status}", actor=actor, unit_id=unit_id,
                                 details={"fingerprint": fingerprint,
                                          "previous_status": record.status})
    logger.info("signing key %s of %s: %s -> %s by %s", fingerprint, unit_id, record.status,
                status, actor)
    return record.status


def _key_not_found(session: Session, unit_id: str, fingerprint: str) -> MeiliError:
    """Return the error for a fingerprint that is no signing key of ``unit_id``.

    The ``other_unit`` variant names the unit the key is stored for. The plain message
    explains how an unseen key gets registered.
    """
    from meili_desktop.services.packages import unit_label

    stored = keys_repo.get_key(session, fingerprint)
    error = keys_repo.KeyNotFoundError(unit=unit_label(session, unit_id),
                                       fingerprint=fingerprint)
    if stored is not None and stored.owner_unit_id not in (None, unit_id):
        error.details.update(variant="other_unit",
                             owner=unit_label(session, stored.owner_unit_id or ""))
    return error
