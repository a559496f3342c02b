"""Benchmark a report package with one large attachment: export, import, peak memory.

Set-up (untimed): a city office and a township laptop from a real distribution package, the
township's key approved by the office, and one entry with an evidence file of ``--size``
random bytes attached. Then, each in a fresh child process:

1. product export: ``export_report_package`` of the period with the large file;
2. product import: ``read_incoming`` then ``merge`` at the office, which verifies,
   decrypts and stores the file;
3. floor seal and floor open: bare AEAD over the same bytes in the same 64 KiB chunks, with
   the same file I/O a package needs (read the file, write the sealed copy, and back).

The throughput target is at least half the floor's (a ratio of at most 2), and the peak
resident memory of each product child, read inside it (``VmHWM`` on Linux, see
``common.own_peak_rss_mib``), stays under 200 MB. C1 uses AES-256-GCM and G1 SM4-GCM
(from ``cryptography``) as the floor.

Usage: python -m benchmarks.bench_attachment [--size-mib N] [--suite C1|G1] [--work DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from benchmarks.common import (
    Figure,
    format_figure,
    own_peak_rss_mib,
    run_child,
    throughput_figure,
)

RATIO_LIMIT = 2.0
MAX_RSS_MB = 200.0
_MB_PER_MIB = 2**20 / 10**6
_PERIOD_SMALL = "2021Q1"
_PERIOD_LARGE = "2021Q2"
_TASK = 27  # 绿道建设, a length in km
_CHUNK = 64 * 1024


def run(work_dir: Path, size_bytes: int, suite: str = "C1") -> list[Figure]:
    """Measure export and import of one package with a ``size_bytes`` attachment."""
    work = work_dir / f"attachment-{suite}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        _setup(work, suite, size_bytes)
        export = _child("export", work, suite)
        floor_seal = _child("floor-seal", work, suite)
        imported = _child("import", work, suite)
        floor_open = _child("floor-open", work, suite)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    size = export["attachment_bytes"]
    label = f"{suite} {size / 2**20:.0f} MiB attachment"
    floor_name = "AES-256-GCM" if suite == "C1" else "SM4-GCM"
    return [
        throughput_figure(f"{label}: export", size, export["seconds"], floor_seal["seconds"],
                          RATIO_LIMIT, floor=f"{floor_name} seal with file I/O",
                          package_bytes=export["package_bytes"]),
        throughput_figure(f"{label}: import", size, imported["seconds"],
                          floor_open["seconds"], RATIO_LIMIT,
                          floor=f"{floor_name} open with file I/O",
                          read_seconds=imported["read_seconds"],
                          merge_seconds=imported["merge_seconds"]),
        _memory_figure(f"{label}: export peak memory", export, floor_seal),
        _memory_figure(f"{label}: import peak memory", imported, floor_open),
    ]


def _memory_figure(name: str, product: dict[str, Any], floor: dict[str, Any]) -> Figure:
    """Compare the peak memory of a product child with the floor child, in MB."""
    product_mb = product["max_rss_mib"] * _MB_PER_MIB
    floor_mb = floor["max_rss_mib"] * _MB_PER_MIB
    return Figure(name, "MB", product_mb, floor_mb, product_mb / floor_mb, None,
                  {"baseline": "the floor's child process"}, MAX_RSS_MB)


def _child(step: str, work: Path, suite: str) -> dict[str, Any]:
    # Each step starts with no dirty pages from the one before, which it would otherwise
    # pay for in its own flushes.
    os.sync()
    return run_child(["-m", "benchmarks.bench_attachment", "--child", step,
                      "--work", str(work), "--suite", suite])


# --- set-up, and the child steps that run in their own process and print JSON --------


def _setup(work: Path, suite: str, size_bytes: int) -> None:
    """Set up the office and the township with the large file attached (in this process)."""
    # Product modules load inside the product steps only, so the floor children stay small.
    import random

    from benchmarks import synthetic
    from benchmarks.generate import FAST_KDF, OFFICE_NAME, PASSPHRASE, enroll, without_fsync
    from meili_desktop.domain.entries import EntryKey, Status
    from meili_desktop.services import keys as key_service
    from meili_desktop.services.catalogue import active_catalogue
    from meili_desktop.services.distribution import (
        build_distribution_package,
        import_distribution_package,
        init_city,
    )
    from meili_desktop.services.entries import attach_evidence, set_entry_fields
    from meili_desktop.services.packages import export_report_package
    from meili_desktop.store import units_repo
    from meili_desktop.store.datafolder import open_store

    office = without_fsync(open_store(work / "office"))
    township = without_fsync(open_store(work / "township"))
    try:
        setup = init_city(office, OFFICE_NAME, PASSPHRASE, work / "escrow.mlkey",
                          suite_id=suite, kdf=FAST_KDF)
        unlocked = key_service.unlock_city_keys(office, setup.identity.unit_id or "",
                                                PASSPHRASE)
        with office.session_factory() as session:
            unit_id = units_repo.find_township(session, "临平区", "塘栖镇").id
        build_distribution_package(office, unlocked, unit_id, work / "dist.mldp")
        import_distribution_package(township, work / "dist.mldp")
        catalogue = active_catalogue(township)
        for period in (_PERIOD_SMALL, _PERIOD_LARGE):
            set_entry_fields(township, catalogue, EntryKey(unit_id, _TASK, period),
                             {"status": Status.IN_PROGRESS, "value": Decimal("12.5"),
                              "narrative": "绿道建设按计划推进，已完成 12.5 公里。"})
        first = export_report_package(township, work / "first.mlrp", [_PERIOD_SMALL])
        enroll(office, unlocked, first.path)
        source = synthetic.write_photo(work / "航拍全景视频截图.jpg", size_bytes,
                                       random.Random(size_bytes))
        attach_evidence(township, EntryKey(unit_id, _TASK, _PERIOD_LARGE), source,
                        max_mb=size_bytes // 2**20 + 1)
        (work / "source.path").write_text(str(source))
    finally:
        office.dispose()
        township.dispose()


def _export(work: Path) -> dict[str, Any]:
    from meili_desktop.services.packages import export_report_package
    from meili_desktop.store.datafolder import open_store

    township = open_store(work / "township")
    try:
        started = time.perf_counter()
        result = export_report_package(township, work / "large.mlrp", [_PERIOD_LARGE])
        seconds = time.perf_counter() - started
    finally:
        township.dispose()
    size = Path(_source(work)).stat().st_size
    return {"seconds": seconds, "attachment_bytes": size,
            "package_bytes": result.path.stat().st_size}


def _import(work: Path) -> dict[str, Any]:
    from benchmarks.generate import PASSPHRASE
    from meili_desktop.domain.divisions import CITY_ID
    from meili_desktop.services import keys as key_service
    from meili_desktop.services.merge import merge
    from meili_desktop.services.packages import read_incoming
    from meili_desktop.store.datafolder import open_store

    office = open_store(work / "office")
    try:
        unlocked = key_service.unlock_city_keys(office, CITY_ID, PASSPHRASE)
        started = time.perf_counter()
        with read_incoming(office, work / "large.mlrp", unlocked) as opened:
            read_seconds = time.perf_counter() - started
            outcome = merge(office, opened.incoming)
        seconds = time.perf_counter() - started
    finally:
        office.dispose()
    if outcome.outcome != "merged":
        raise RuntimeError(f"the large package was not merged: {outcome}")
    return {"seconds": seconds, "read_seconds": read_seconds,
            "merge_seconds": seconds - read_seconds}


class _Sm4Gcm:
    """Bare SM4-GCM from ``cryptography`` with the call shape of ``AESGCM``."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def encrypt(self, nonce: bytes, data: bytes, associated_data: bytes) -> bytes:
        encryptor = Cipher(algorithms.SM4(self._key), modes.GCM(nonce)).encryptor()
        encryptor.authenticate_additional_data(associated_data)
        return encryptor.update(data) + encryptor.finalize() + encryptor.tag

    def decrypt(self, nonce: bytes, data: bytes, associated_data: bytes) -> bytes:
        decryptor = Cipher(algorithms.SM4(self._key), modes.GCM(nonce, data[-16:])).decryptor()
        decryptor.authenticate_additional_data(associated_data)
        return decryptor.update(data[:-16]) + decryptor.finalize()


def _floor_aead(suite: str, key: bytes) -> Any:
    return AESGCM(key) if suite == "C1" else _Sm4Gcm(key[:16])


def _floor_seal(work: Path, suite: str) -> dict[str, Any]:
    """Seal the attachment file into ``floor.sealed``; the key goes to ``floor.key``."""
    key = os.urandom(32)
    (work / "floor.key").write_bytes(key)
    aead = _floor_aead(suite, key)
    started = time.perf_counter()
    with open(_source(work), "rb") as source, open(work / "floor.sealed", "wb") as output:
        counter = 0
        while chunk := source.read(_CHUNK):
            output.write(aead.encrypt(counter.to_bytes(12, "big"), chunk, b""))
            counter += 1
        output.flush()
        os.fsync(output.fileno())
    return {"seconds": time.perf_counter() - started}


def _floor_open(work: Path, suite: str) -> dict[str, Any]:
    """Open ``floor.sealed`` into a plaintext file, then delete both."""
    aead = _floor_aead(suite, (work / "floor.key").read_bytes())
    started = time.perf_counter()
    with open(work / "floor.sealed", "rb") as source, \
            open(work / "floor.opened", "wb") as output:
        counter = 0
        while block := source.read(_CHUNK + 16):
            output.write(aead.decrypt(counter.to_bytes(12, "big"), block, b""))
            counter += 1
        output.flush()
        os.fsync(output.fileno())
    seconds = time.perf_counter() - started
    for name in ("floor.sealed", "floor.opened"):
        (work / name).unlink()
    return {"seconds": seconds}


def _source(work: Path) -> str:
    return (work / "source.path").read_text()


def _run_child_step(step: str, work: Path, suite: str) -> int:
    if step == "export":
        result = _export(work)
    elif step == "import":
        result = _import(work)
    elif step == "floor-seal":
        result = _floor_seal(work, suite)
    elif step == "floor-open":
        result = _floor_open(work, suite)
    else:
        raise SystemExit(f"unknown step {step}")
    result["max_rss_mib"] = own_peak_rss_mib()
    print(json.dumps(result))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=1024, help="attachment size in MiB")
    parser.add_argument("--suite", default="C1", choices=("C1", "G1"), help="cipher suite")
    parser.add_argument("--work", type=Path, default=Path("/tmp/meili-bench/work"),
                        help="folder for the data folders and packages (needs 6x the size)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return _run_child_step(args.child, args.work, args.suite)
    figures = run(args.work, args.size_mib * 2**20, args.suite)
    for figure in figures:
        print(format_figure(figure))
    return 0 if all(figure.is_met is not False for figure in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
