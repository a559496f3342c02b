"""Memory stays bounded while a large attachment is packed and unpacked."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from meili_desktop.exchange.container import read_package
from tests.exchange.conftest import FakeKeyring, Keys, WriteReport, make_attachment

# SM4 and SM3 are slower than AES and SHA-256, so G1 streams a smaller file, still twice the cap.
SIZES = {"C1": 64 * 1024**2, "G1": 16 * 1024**2}
# Python-level allocations: holding the whole attachment at once would exceed this.
MAX_PEAK_BYTES = 8 * 1024**2


def test_large_attachment_bounded_memory(keys: Keys, city_keyring: FakeKeyring,
                                         write_report: WriteReport, tmp_path: Path,
                                         temp_dir: Path) -> None:
    size = SIZES[keys.suite.suite_id]
    attachment = make_attachment(tmp_path, "video.mp4", size)

    tracemalloc.start()
    try:
        write_report(attachments=[attachment])
        _, write_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        with read_package(tmp_path / "report.mlp", keyring=city_keyring,
                          temp_dir=temp_dir) as package:
            _, read_peak = tracemalloc.get_traced_memory()
            assert package.attachments[0].size == size
            assert package.attachments[0].sha256 == attachment.sha256
    finally:
        tracemalloc.stop()

    assert write_peak < MAX_PEAK_BYTES
    assert read_peak < MAX_PEAK_BYTES
