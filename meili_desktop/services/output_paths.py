"""Where a package is written when the user names a file or a folder with ``-o``.

* an existing folder, or a path ending in ``/`` (the folder is created): the package gets
  its default name inside that folder;
* any other path gets the package's extension unless it already ends in it, so
  ``-o 上报`` writes ``上报.mlrp`` and ``-o 上报.zip`` writes ``上报.zip.mlrp``. A file
  without the extension would not open with a double-click, and ``merge`` given a folder
  would skip it.

A missing parent folder is not created: it may be a USB stick that was pulled out, whose
mount point must not become a local folder. Writing then fails with ``io.target_gone``.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from meili_desktop.store.faults import mapped_os_errors

_SEPARATORS = ("/", os.sep)


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
    """
    if output.is_dir():
        return output if default_name is None else output / default_name
    if output.suffix.lower() == extension.lower():
        return output
    return output.with_name(output.name + extension)


def saved_as_line(path: Path) -> str:
    """Return the translated line naming the absolute path a file was written to."""
    return QCoreApplication.translate("OutputPaths", "Saved as {path}").format(
        path=path.resolve())
