"""Generate the golden package vectors in tests/exchange/vectors.

Run once per released format version (``.venv/bin/python -m tests.exchange.make_vectors``)
and commit the output; never regenerate the files of a released version. C1 packages are
reproducible from the fixed inputs below, so the tests rewrite them and compare bytes. G1
packages are not, because GmSSL draws its own SM2 nonces, so for G1 the tests only read them.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from meili_desktop.exchange.container import AttachmentSource, Recipient, Sender, write_package
from meili_desktop.exchange.suites import get_suite
from meili_desktop.exchange.suites.base import KeyPair

VECTORS_DIR = Path(__file__).resolve().parent / "vectors"
KEYS_FILE = VECTORS_DIR / "keys.json"
CREATED_AT = datetime(2021, 4, 6, 9, 30, tzinfo=UTC)
APP_VERSION = "0.1.0"
ATTACHMENT_NAME = "现场照片.jpg"
ATTACHMENT_SIZE = 70_000
RECORDS: list[Any] = [
    {"type": "entry", "task": 10, "period": "2021Q1", "status": "done", "value": "3",
     "narrative": "完成城镇污水管网改造 3 公里", "revision": 2},
    {"type": "entry", "task": 11, "period": "2021Q1", "status": "in_progress", "value": None,
     "narrative": "", "revision": 1},
]


class SeededRandom:
    """A reproducible byte source: SHA-256 of the seed and a counter."""

    def __init__(self, seed: bytes) -> None:
        self._seed = seed
        self._counter = 0

    def __call__(self, size: int) -> bytes:
        output = b""
        while len(output) < size:
            output += hashlib.sha256(self._seed + self._counter.to_bytes(8, "big")).digest()
            self._counter += 1
        return output[:size]


def attachment_bytes() -> bytes:
    """Return the fixed attachment content (two chunks' worth with the other items)."""
    return bytes((index * 31 + 7) % 256 for index in range(ATTACHMENT_SIZE))


def write_attachment(folder: Path) -> AttachmentSource:
    path = folder / "attachment.bin"
    content = attachment_bytes()
    path.write_bytes(content)
    return AttachmentSource(hashlib.sha256(content).hexdigest(), ATTACHMENT_NAME, len(content),
                            path)


def c1_keys() -> dict[str, KeyPair]:
    """Fixed C1 keys derived from their names."""
    suite = get_suite("C1")
    seeds = {name: hashlib.sha256(f"meili golden vector {name}".encode()).digest()
             for name in ("township_signing", "city_signing", "city_working", "city_escrow")}
    return {
        "township_signing": suite.load_signing_key(seeds["township_signing"]),
        "city_signing": suite.load_signing_key(seeds["city_signing"]),
        "city_working": suite.load_encryption_key(seeds["city_working"]),
        "city_escrow": suite.load_encryption_key(seeds["city_escrow"]),
    }


def load_keys(suite_id: str) -> dict[str, KeyPair]:
    """Return the vector keys of a suite (G1 keys come from keys.json)."""
    if suite_id == "C1":
        return c1_keys()
    stored = json.loads(KEYS_FILE.read_text(encoding="utf-8"))[suite_id]
    suite = get_suite(suite_id)
    return {name: (suite.load_signing_key(bytes.fromhex(value)) if name.endswith("signing")
                   else suite.load_encryption_key(bytes.fromhex(value)))
            for name, value in stored.items()}


def write_vector(suite_id: str, kind: str, keys: dict[str, KeyPair], out_path: Path,
                 work_dir: Path) -> None:
    """Write one vector package from the fixed inputs."""
    rng = SeededRandom(f"meili golden vector {suite_id} {kind}".encode())
    attachment = write_attachment(work_dir)
    if kind == "report":
        write_package(out_path, "report", Sender("330106001", "西湖区三墩镇"),
                      keys["township_signing"],
                      [Recipient(keys["city_working"].public_key),
                       Recipient(keys["city_escrow"].public_key, "escrow")],
                      RECORDS, [attachment], sequence=5, periods=["2021Q1"],
                      counts={"entries": 2, "attachments": 1}, addressee="3301",
                      suite=suite_id, rng=rng, now=CREATED_AT,
                      app_version=APP_VERSION)
    else:
        write_package(out_path, "distribution", Sender("3301", "杭州市美丽城镇建设办公室"),
                      keys["city_signing"], [], RECORDS, [attachment], sequence=3,
                      periods=["2021Q1", "2021Q2"], counts={"tasks": 43},
                      addressee="330106001", suite=suite_id, rng=rng, now=CREATED_AT,
                      app_version=APP_VERSION)


def main() -> None:
    VECTORS_DIR.mkdir(exist_ok=True)
    g1 = get_suite("G1")
    g1_keys = {"township_signing": g1.generate_signing_key(),
               "city_signing": g1.generate_signing_key(),
               "city_working": g1.generate_encryption_key(),
               "city_escrow": g1.generate_encryption_key()}
    stored = {suite_id: {name: pair.private_key.hex() for name, pair in keys.items()}
              for suite_id, keys in (("C1", c1_keys()), ("G1", g1_keys))}
    KEYS_FILE.write_text(json.dumps(stored, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    for suite_id in ("C1", "G1"):
        keys = load_keys(suite_id)
        for kind in ("report", "distribution"):
            write_vector(suite_id, kind, keys, VECTORS_DIR / f"{suite_id.lower()}_{kind}.mlp",
                         VECTORS_DIR)
    (VECTORS_DIR / "attachment.bin").unlink()


if __name__ == "__main__":
    main()
