"""Describe the Windows executable: product names and the version resource built from ``__version__``.

``build_exe.spec`` imports this module and writes the version resource text into PyInstaller's
work folder, so the version has one source, ``meili_desktop.__version__``.

    python tools/version_info.py OUTPUT.txt         write the resource text to OUTPUT.txt
    python tools/version_info.py --print-version    print ``__version__``
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The name a clerk sees in Explorer, Task Manager and the Start menu.
DISPLAY_NAME = "美丽城镇填报"
# The file name: ASCII, so that scripts, shortcuts and support instructions can type it.
EXE_NAME = "MeiliDesktop"
# The console executable beside it, for commands and the self-test: a windowed program has
# no standard output in a console, and cmd.exe does not wait for it to finish.
CLI_EXE_NAME = "meili-desktop"
CLI_DISPLAY_NAME = "美丽城镇填报（命令行）"
COMPANY_NAME = "Hangzhou Meili"
DESCRIPTION = "美丽城镇建设工作进展填报与汇总"

# Language 0x0804 is Chinese (Simplified, PRC), code page 1200 is UTF-16, which Windows
# expects for string tables with Chinese text.
LANGUAGE_ID = 0x0804
CODE_PAGE = 1200


def read_version() -> str:
    """Return ``__version__`` from the package without importing it, so no Qt is loaded."""
    source = (ROOT / "meili_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', source, re.MULTILINE)
    if match is None:
        raise ValueError("meili_desktop/__init__.py has no __version__ = \"...\" line")
    return match.group(1)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """Return the four numbers Windows stores, from a version such as ``1.2.3`` or ``1.2.3rc1``.

    Windows keeps four 16-bit numbers. Missing parts become 0 and a pre-release suffix is
    dropped, because only the string fields can carry it.

    Raises:
        ValueError: the version does not start with a number.
    """
    numbers = []
    for part in version.split(".")[:4]:
        digits = re.match(r"\d+", part)
        if digits is None:
            break
        numbers.append(int(digits.group()))
    if not numbers:
        raise ValueError(f"version {version!r} does not start with a number")
    if any(number > 0xFFFF for number in numbers):
        raise ValueError(f"version {version!r} has a part above 65535")
    numbers += [0] * (4 - len(numbers))
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def render_version_info(version: str, exe_name: str = EXE_NAME,
                        description: str = DISPLAY_NAME) -> str:
    """Return the text PyInstaller's ``load_version_info_from_text_file`` reads.

    ``exe_name`` (without ``.exe``) and ``description`` name one executable of the product.
    """
    numbers = version_tuple(version)
    table = f"{LANGUAGE_ID:04X}{CODE_PAGE:04X}"
    strings = {
        "CompanyName": COMPANY_NAME,
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": exe_name,
        "LegalCopyright": COMPANY_NAME,
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": DISPLAY_NAME,
        "ProductVersion": version,
        "Comments": DESCRIPTION,
    }
    string_lines = ",\n".join(
        f"          StringStruct({key!r}, {value!r})" for key, value in strings.items())
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers!r},
    prodvers={numbers!r},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        {table!r},
        [
{string_lines}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [{LANGUAGE_ID}, {CODE_PAGE}])])
  ]
)
"""


def write_version_info(output: Path, version: str | None = None, exe_name: str = EXE_NAME,
                       description: str = DISPLAY_NAME) -> Path:
    """Write the version resource of one executable to ``output``.

    ``version`` defaults to the package's ``__version__``.
    """
    output.parent.mkdir(parents=True, exist_ok=True)
    text = render_version_info(version or read_version(), exe_name, description)
    output.write_text(text, encoding="utf-8")
    return output


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    if sys.argv[1] == "--print-version":
        print(read_version())
    else:
        print(write_version_info(Path(sys.argv[1])))
