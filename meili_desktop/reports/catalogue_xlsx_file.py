"""Open a task-table workbook safely: size limits, merged-range limits and openpyxl's errors.

The task table has about 50 rows, so the limits here reject a wrong or hostile file before
openpyxl expands it. The whole workbook is loaded, not opened read-only, because openpyxl's
read-only mode does not report merged ranges.
"""

from __future__ import annotations

import io
import logging
import zipfile
import zlib
from pathlib import Path
from xml.etree.ElementTree import ParseError
from xml.parsers.expat import ExpatError

from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook

from meili_desktop.errors import MeiliError
from meili_desktop.reports.xlsx_formulas import FormulaCells, load_with_formulas
from meili_desktop.reports.xlsx_limits import PartFormulas, WorkbookLimits, scan_workbook
from meili_desktop.store.fileio import read_source_bytes

logger = logging.getLogger(__name__)

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 20 * 1024 * 1024
# The task table has about 50 rows and 12 columns; a notice with annexes stays far below this.
# Its merged ranges cover fewer than 100 cells; the default cap on them is 100,000.
TASK_TABLE_LIMITS = WorkbookLimits(max_rows=5_000, max_columns=256, max_cells=200_000)

# Exceptions that openpyxl 3.1.5 and the libraries below it raise on a damaged or foreign
# file, as seen when fuzzing with mutated workbooks.
_LOAD_ERRORS = (InvalidFileException, zipfile.BadZipFile, zlib.error, ParseError, ExpatError,
                KeyError, IndexError, AttributeError, ValueError, TypeError, EOFError, OSError,
                NotImplementedError, RuntimeError)
# zipfile raises NotImplementedError for an unknown compression method or zip version and
# RuntimeError for an encrypted member.
_ARCHIVE_ERRORS = (zipfile.BadZipFile, zlib.error, ParseError, ValueError, EOFError, OSError,
                   NotImplementedError, RuntimeError)


class CatalogueXlsxError(MeiliError):
    """The workbook cannot be read as a task table, for the reason that the code names.

    Codes: ``catalogue_xlsx.not_found``, ``.too_large``, ``.too_many_merged``,
    ``.unreadable``, ``.no_header``, ``.no_tasks``, and the ``excel.*`` codes of
    :mod:`xlsx_limits` for a table past its size limits.
    """

    code = "catalogue_xlsx.unreadable"
    exit_code = 4


def _unreadable(path: Path) -> CatalogueXlsxError:
    return CatalogueXlsxError("catalogue_xlsx.unreadable", path=str(path))


def _too_large(path: Path, size: int, limit: int) -> CatalogueXlsxError:
    return CatalogueXlsxError("catalogue_xlsx.too_large", path=str(path),
                              size_mb=round(size / 1048576, 1), limit_mb=limit // 1048576)


def _check_archive(path: Path, archive: zipfile.ZipFile) -> PartFormulas:
    """Reject an archive that unpacks too large or merges too many cells.

    Returns:
        The formula cells of each worksheet part.
    """
    unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_UNCOMPRESSED_BYTES:
        raise _too_large(path, unpacked, MAX_UNCOMPRESSED_BYTES)

    scan = scan_workbook(archive, TASK_TABLE_LIMITS)
    violation = scan.violation
    if violation is not None:
        logger.info("task table %s rejected: %s %s", path, violation.code, violation.details)
        # The task table names its own merged-range message.
        code = "catalogue_xlsx.too_many_merged" if violation.code == "excel.too_many_merged" \
            else violation.code
        raise CatalogueXlsxError(code, path=str(path), **violation.details)
    return scan.formulas


def open_task_workbook(path: Path) -> tuple[Workbook, bytes, FormulaCells]:
    """Check and load the workbook at ``path``; return it, the file's bytes and its formulas.

    Raises:
        CatalogueXlsxError: the file is missing, too large, merges too many cells or is not
            a readable .xlsx workbook.
    """
    if not path.is_file():
        raise CatalogueXlsxError("catalogue_xlsx.not_found", path=str(path))
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _too_large(path, size, MAX_FILE_BYTES)
    data = read_source_bytes(path)

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            part_formulas = _check_archive(path, archive)
    except _ARCHIVE_ERRORS as error:
        logger.warning("workbook %s is not a readable zip archive: %s", path, error)
        raise _unreadable(path) from error

    try:
        workbook, formulas = load_with_formulas(data, part_formulas)
    except _LOAD_ERRORS as error:
        logger.warning("cannot open workbook %s: %r", path, error)
        raise _unreadable(path) from error
    return workbook, data, formulas
