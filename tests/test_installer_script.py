"""The Inno Setup script stays in step with the program: file types, executable name, data folder."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from meili_desktop.file_types import PACKAGE_EXTENSIONS

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "installer" / "meili_desktop.iss"
sys.path.insert(0, str(ROOT / "tools"))

import version_info  # noqa: E402 - the tools folder is not a package


@pytest.fixture(scope="module")
def script() -> str:
    return SCRIPT.read_text(encoding="utf-8-sig")


def test_utf8_with_byte_order_mark() -> None:
    # Inno Setup 6 reads a script without a byte order mark in the system's ANSI code page.
    assert SCRIPT.read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize("extension", PACKAGE_EXTENSIONS)
def test_extension_associated(script: str, extension: str) -> None:
    assert f'Subkey: "Software\\Classes\\{extension}"' in script
    assert f'Subkey: "Software\\Classes\\{extension}\\OpenWithProgids"' in script
    assert f'ValueName: "{extension}"' in script


def test_no_other_extension_associated(script: str) -> None:
    associated = set(re.findall(r'Software\\Classes\\(\.[a-z]+)"', script))

    assert associated == set(PACKAGE_EXTENSIONS)


def test_open_command_passes_file(script: str) -> None:
    commands = re.findall(r'shell\\open\\command".*ValueData: "(.*)"; Tasks', script)

    assert len(commands) == len(PACKAGE_EXTENSIONS)
    for command in commands:
        assert command == '""{app}\\{#ExeName}"" ""%1""'


def test_names_match_spec(script: str) -> None:
    assert f'#define ExeName "{version_info.EXE_NAME}.exe"' in script
    assert f'#define DisplayName "{version_info.DISPLAY_NAME}"' in script
    assert '#define BundleDir "..\\dist\\MeiliDesktop"' in script


def test_per_user_install(script: str) -> None:
    assert "PrivilegesRequired=lowest" in script
    assert "Root: HKA;" in script
    assert "Root: HKLM" not in script


def test_data_folder_kept(script: str) -> None:
    active = [line for line in script.splitlines() if not line.startswith(";")]

    assert "[UninstallDelete]" not in active
    assert not any("{userappdata}" in line or "{localappdata}" in line for line in active)


def test_shortcuts(script: str) -> None:
    assert 'Name: "{autoprograms}\\{#DisplayName}"' in script
    assert 'Name: "{autodesktop}\\{#DisplayName}"' in script
    assert re.search(r'Name: "desktopicon";.*Flags: unchecked', script)
