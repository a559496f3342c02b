"""Fixtures for the exchange tests: suites, keys, a keyring and package writing helpers."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from meili_desktop.exchange.container import (
    AttachmentSource,
    KeyState,
    PackageHeaderInfo,
    Recipient,
    Sender,
    SenderKeyLookup,
    write_package,
)
from meili_desktop.exchange.fingerprints import fingerprint
from meili_desktop.exchange.suites import get_suite
from meili_desktop.exchange.suites.base import CipherSuite, KeyPair

SUITES = ["C1", "G1"]


@pytest.fixture(params=SUITES)
def suite(request: pytest.FixtureRequest) -> CipherSuite:
    """Each enabled cipher suite in turn."""
    return get_suite(request.param)


@dataclass
class Keys:
    """A city office (working and escrow keys) and two townships of one suite."""

    suite: CipherSuite
    city_signing: KeyPair
    city_working: KeyPair
    city_escrow: KeyPair
    township_a: KeyPair
    township_b: KeyPair

    def recipients(self) -> list[Recipient]:
        return [Recipient(self.city_working.public_key),
                Recipient(self.city_escrow.public_key, "escrow")]


@pytest.fixture
def keys(suite: CipherSuite) -> Keys:
    return Keys(suite, suite.generate_signing_key(), suite.generate_encryption_key(),
                suite.generate_encryption_key(), suite.generate_signing_key(),
                suite.generate_signing_key())


@dataclass
class FakeKeyring:
    """An in-memory keyring: approved sender keys per unit and our private keys."""

    suite_id: str
    senders: dict[tuple[str, str], SenderKeyLookup] = field(default_factory=dict)
    private_keys: dict[str, bytes] = field(default_factory=dict)

    def approve(self, unit_id: str, pair: KeyPair,
                state: KeyState = KeyState.APPROVED) -> None:
        self.senders[(unit_id, fingerprint(self.suite_id, pair.public_key))] = SenderKeyLookup(
            state, pair.public_key if state == KeyState.APPROVED else None)

    def add_private(self, pair: KeyPair) -> None:
        self.private_keys[fingerprint(self.suite_id, pair.public_key)] = pair.private_key

    def sender_key(self, unit_id: str, fingerprint: str) -> SenderKeyLookup:
        return self.senders.get((unit_id, fingerprint), SenderKeyLookup(KeyState.UNKNOWN))

    def decryption_key(self, key_id: str) -> bytes | None:
        return self.private_keys.get(key_id)


@pytest.fixture
def city_keyring(keys: Keys) -> FakeKeyring:
    """The city's keyring: township A approved, the working key ours."""
    keyring = FakeKeyring(keys.suite.suite_id)
    keyring.approve("330101", keys.township_a)
    keyring.add_private(keys.city_working)
    return keyring


def make_attachment(folder: Path, name: str, size: int, seed: int = 1) -> AttachmentSource:
    """Create a file of pseudo-random bytes and describe it as an attachment."""
    path = folder / name
    block = hashlib.sha256(f"{name}{seed}".encode()).digest() * 2048
    running = hashlib.sha256()
    with open(path, "wb") as handle:
        remaining = size
        while remaining:
            piece = block[:remaining]
            handle.write(piece)
            running.update(piece)
            remaining -= len(piece)
    return AttachmentSource(running.hexdigest(), name, size, path)


WriteReport = Callable[..., PackageHeaderInfo]


@pytest.fixture
def write_report(keys: Keys, tmp_path: Path) -> WriteReport:
    """Write a report package from township A to the city; keyword arguments override."""
    def write(out_path: Path | None = None, records: list[Any] | None = None,
              attachments: list[AttachmentSource] | None = None, **overrides: Any
              ) -> PackageHeaderInfo:
        arguments: dict[str, Any] = {
            "kind": "report", "sender": Sender("330101", "西湖镇"),
            "signing_key": keys.township_a, "recipients": keys.recipients(),
            "records": records if records is not None else [{"task": 10, "value": "完成"}],
            "attachments": attachments or [], "sequence": 1, "periods": ["2021Q1"],
            "counts": {"entries": 1}, "suite": keys.suite.suite_id, "addressee": "3301"}
        arguments.update(overrides)
        return write_package(out_path or tmp_path / "report.mlp", **arguments)
    return write


@pytest.fixture
def temp_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    return folder


def leftover_files(folder: Path) -> list[str]:
    """Return every file or folder left in ``folder``."""
    return sorted(os.listdir(folder))
