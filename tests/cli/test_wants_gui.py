"""Which command lines open the window: none, options only, or package files to open."""

from __future__ import annotations

import pytest

from meili_desktop.cli import wants_gui


@pytest.mark.parametrize("arguments", [
    [],
    ["--data-dir", "D:/美丽 数据"],
    ["--data-dir", "merge"],
    ["--lang", "en"],
    ["--lang=en", "--database-url", "postgresql+psycopg://office/meili"],
    ["C:/Users/张三/Downloads/塘栖镇_2021Q2.mlrp"],
    ["--data-dir", "D:/数据", "下发包.MLDP", "回执.mlrc"],
])
def test_window_opens(arguments: list[str]) -> None:
    assert wants_gui(arguments)


@pytest.mark.parametrize("arguments", [
    ["merge", "a.mlrp"],
    ["--data-dir", "D:/数据", "export", "--period", "2021Q2"],
    ["报表.xlsx"],
    ["--self-test"],
    ["--version"],
    ["-h"],
    ["a.mlrp", "--help"],
])
def test_command_runs(arguments: list[str]) -> None:
    assert not wants_gui(arguments)
