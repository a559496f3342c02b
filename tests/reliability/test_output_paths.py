"""``-o`` of the package commands: a folder gets the default name, a file gets the extension."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from meili_desktop.cli import main
from meili_desktop.exchange.container import open_package
from meili_desktop.services.output_paths import package_output_path
from tests.services.package_chain import (
    PASSPHRASE,
    City,
    fill_entries,
    make_city,
    make_township,
)


@pytest.fixture
def city(tmp_path: Path) -> Iterator[City]:
    made = make_city(tmp_path / "office")
    yield made
    made.store.dispose()


@pytest.fixture
def township(city: City, tmp_path: Path) -> Path:
    """The data folder of a township laptop with entries for 2021Q2."""
    store, unit_id = make_township(city, tmp_path)
    fill_entries(store, unit_id, "2021Q2")
    root = store.folder.root
    store.dispose()
    return root


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *arguments: str) -> str:
    capsys.readouterr()
    status = main(["--data-dir", str(data_dir), "--lang", "zh_CN", *arguments])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    return captured.out


@pytest.mark.parametrize(("given", "expected"), [
    ("上报", "上报.mlrp"),
    ("上报.zip", "上报.zip.mlrp"),
    ("上报.MLRP", "上报.MLRP"),
    ("上报.mlrp", "上报.mlrp"),
])
def test_extension_added_when_missing(given: str, expected: str, tmp_path: Path) -> None:
    assert package_output_path(tmp_path / given, ".mlrp") == tmp_path / expected


def test_existing_folder_gets_default_name(tmp_path: Path) -> None:
    assert package_output_path(tmp_path, ".mlrp", "塘栖镇.mlrp") == tmp_path / "塘栖镇.mlrp"
    assert package_output_path(tmp_path, ".mlrp") == tmp_path


def test_export_to_new_name(township: Path, tmp_path: Path,
                            capsys: pytest.CaptureFixture[str]) -> None:
    output = run(capsys, township, "export", "-o", str(tmp_path / "NEWDIR"))

    written = tmp_path / "NEWDIR.mlrp"
    assert written.is_file()
    assert not (tmp_path / "NEWDIR").exists()
    assert open_package(written).kind == "report"
    assert f"已写入 {written.resolve()}" in output


def test_export_to_existing_folder(township: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "U盘"
    folder.mkdir()

    output = run(capsys, township, "export", "-o", str(folder))

    written = list(folder.iterdir())
    assert len(written) == 1
    assert written[0].name.startswith("塘栖镇_2021Q2_")
    assert written[0].suffix == ".mlrp"
    assert str(written[0].resolve()) in output


def test_export_to_folder_with_slash(township: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "新文件夹"

    run(capsys, township, "export", "-o", f"{folder}/")

    assert [path.suffix for path in folder.iterdir()] == [".mlrp"]


def test_distribute_to_new_name(city: City, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    root = city.store.folder.root
    city.store.dispose()

    output = run(capsys, root, "distribute", "--unit", "塘栖镇", "-o",
                 str(tmp_path / "给塘栖镇"), "--passphrase-file", str(passphrase))

    written = tmp_path / "给塘栖镇.mldp"
    assert open_package(written).kind == "distribution"
    assert f"已保存为 {written.resolve()}" in output
