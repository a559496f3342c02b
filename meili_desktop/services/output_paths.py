"""Where a package is written when the user names a file or a folder with ``-o``.

* an existing folder, or a path ending in ``/`` (the folder is created): the package gets
  its default name inside that folder;
* any other path gets the package's extension unless it already ends in it, so
  ``-o 上报`` writes ``上报.mlrp`` and ``-o 上报.zip`` writes ``上报.zip.mlrp``. A file
  without the extension would not open with a double-click, and ``merge`` given a folder
  would skip it.

A missing parent folder is not created: it may be a USB stick that was pulled out, whose
mount point must not become a local folder. Writing then fails with ``io.target_gone``.

A file name that Windows cannot store (``CON.mlrp``, ``out?.mlrp``, a name ending in a dot) is
rejected on every platform, so that a package written on Linux can be copied to the offices'
Windows computers. A report package exported into a folder that already contains one of the
same name gets a counter (``塘栖镇_2021Q2_20210705_2.mlrp``, see :func:`unique_path`) instead
of replacing the earlier package.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from meili_desktop.errors import MeiliError
from meili_desktop.store.faults import mapped_os_errors

_SEPARATORS = ("/", os.sep)
# Characters that Windows forbids in file names; ":" would also open an alternate data stream.
_FORBIDDEN_CHARACTERS = '<>:"|?*'
# Windows device names, reserved with any extension and in any case ("con.mlrp").
_DEVICE_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{prefix}{digit}" for prefix in ("COM", "LPT") for digit in "123456789¹²³"})


class InvalidFileNameError(MeiliError):
    """The output file name cannot be stored on Windows.

    Details: ``name``, and ``variant``: ``character`` (with ``character``), ``device`` (with
    ``device``) or ``trailing`` (the name ends in a dot or a space).
    """

    code = "output.invalid_name"
    exit_code = 2


def check_file_name(name: str) -> None:
    """Raise InvalidFileNameError when Windows cannot store a file called ``name``."""
    for character in name:
        if character in _FORBIDDEN_CHARACTERS or ord(character) < 32:
            shown = character if ord(character) >= 32 else f"\\x{ord(character):02x}"
            raise InvalidFileNameError(name=name, variant="character", character=shown)
    device = name.split(".")[0].strip().upper()
    if device in _DEVICE_NAMES:
        raise InvalidFileNameError(name=name, variant="device", device=device)
    if name != name.rstrip(". "):
        raise InvalidFileNameError(name=name, variant="trailing")


def unique_path(path: Path) -> Path:
    """Return ``path``, or when that file exists the first free ``stem_2.ext``, ``stem_3.ext``."""
    if not path.exists():
        return path
    counter = 2
    while (candidate := path.with_name(f"{path.stem}_{counter}{path.suffix}")).exists():
        counter += 1
    return candidate


def output_argument(text: str) -> Path:
    """Return the ``-o`` value as a path, creating it as a folder when it ends in ``/``.

    Raises:
        StorageFaultError: the folder cannot be created (read-only disk, no permission).
    """
    path = Path(text)
    if text.endswith(_SEPARATORS) and not path.is_dir():
        with mapped_os_errors(path):
            path.mkdir(parents=False)
    return path


def package_output_path(output: Path, extension: str, default_name: str | None = None) -> Path:
    """Return the file a package is written to for ``output``.

    Args:
        output: the path the user gave.
        extension: the package kind's extension, such as ``.mlrp``.
        default_name: the file name to use inside a folder. Without it a folder is returned
            unchanged, for a service that names the file itself.

    Raises:
        InvalidFileNameError: the file name given cannot be stored on Windows.
    """
    if output.is_dir():
        return output if default_name is None else output / default_name
    check_file_name(output.name)
    if output.suffix.lower() == extension.lower():
        return output
    return output.with_name(output.name + extension)


def saved_as_line(path: Path) -> str:
    """Return the translated line naming the absolute path a file was written to."""
    return QCoreApplication.translate("OutputPaths", "Saved as {path}").format(
        path=path.resolve())
