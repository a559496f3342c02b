"""``verify`` on a provisional township laptop, for the city's distribution package.

The laptop has no city key yet: ``import`` records it on the first package. ``verify``
should therefore point to ``import``, not to approving the key as an office does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from meili_desktop.cli import main
from meili_desktop.services.distribution import build_distribution_package
from tests.services.package_chain import make_city, township_id


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *arguments: str) -> tuple[int, str]:
    capsys.readouterr()
    status = main(["--data-dir", str(data_dir), "--lang", "zh_CN", *arguments])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def test_provisional_verify_advice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    city = make_city(tmp_path)
    unit_id = township_id(city, "余杭区", "瓶窑镇")
    package = tmp_path / "d.mldp"
    build_distribution_package(city.store, city.unlocked, unit_id, package)
    laptop = tmp_path / "laptop"
    status, output = run(capsys, laptop, "init", "township", "--provisional",
                         "--county", "余杭区", "--town", "瓶窑镇")
    assert status == 0, output

    status, output = run(capsys, laptop, "verify", str(package))

    assert "本办公室" not in output
    assert "批准该密钥" not in output
    assert "与乡镇电话核对" not in output
