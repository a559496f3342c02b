"""User actions on the task catalogue: set up the embedded one, read it, import an Excel table."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from meili_desktop.domain.catalogue import Catalogue
from meili_desktop.domain.catalogue_document import parse_catalogue_json
from meili_desktop.errors import MeiliError
from meili_desktop.paths import resource_path
from meili_desktop.services.backups import make_event_backup
from meili_desktop.store import catalogue_repo, units_repo
from meili_desktop.store.datafolder import Store

if TYPE_CHECKING:
    # The reader imports openpyxl, which only an import from a workbook needs.
    from meili_desktop.reports.catalogue_xlsx import ImportProblem

logger = logging.getLogger(__name__)

EMBEDDED_CATALOGUE = ("catalogue", "catalogue-2020.json")


class CatalogueMissingError(MeiliError):
    """The database contains no active catalogue version."""

    code = "catalogue.none_active"
    exit_code = 4


def embedded_catalogue_path() -> Path:
    """Return the path of the default catalogue shipped with the program."""
    return resource_path(*EMBEDDED_CATALOGUE)


def load_embedded_catalogue() -> Catalogue:
    """Read and validate the default catalogue shipped with the program.

    Raises:
        CatalogueDocumentError: the shipped file is damaged.
    """
    return parse_catalogue_json(embedded_catalogue_path().read_bytes())


def ensure_default_catalogue(store: Store) -> Catalogue:
    """Store the embedded catalogue and the division list when the database has none yet.

    Safe to call on every start, because a database that already contains a catalogue or
    reporting units keeps them.

    Returns:
        The active catalogue.
    """
    with store.session_factory.begin() as session:
        return store_default_catalogue(session)


def store_default_catalogue(session: Session) -> Catalogue:
    """Store the embedded catalogue and division list when missing, in the caller's session.

    Returns:
        The active catalogue.
    """
    if not catalogue_repo.has_catalogue(session):
        catalogue = load_embedded_catalogue()
        catalogue_repo.save_catalogue(session, catalogue, activate=True)
        logger.info("stored the embedded catalogue %s", catalogue.version)
    if units_repo.get_unit(session, units_repo.CITY_ID) is None:
        units_repo.seed_divisions(session)
    return _active(session)


def active_catalogue(store: Store) -> Catalogue:
    """Load the active catalogue version.

    Raises:
        CatalogueMissingError: no catalogue is active; ``ensure_default_catalogue`` sets
            one up.
    """
    with store.session_factory.begin() as session:
        return _active(session)


def _active(session: Session) -> Catalogue:
    catalogue = catalogue_repo.load_active_catalogue(session)
    if catalogue is None:
        raise CatalogueMissingError()
    return catalogue


@dataclass(frozen=True)
class CatalogueImportResult:
    """What a catalogue import found and did.

    ``catalogue`` is the catalogue built from the workbook, with every problem resolved by
    its suggestion. ``is_imported`` is true when it was stored and activated.
    """

    catalogue: Catalogue | None
    problems: tuple[ImportProblem, ...] = ()
    is_imported: bool = False
    new_task_numbers: tuple[int, ...] = field(default=())


def import_catalogue_xlsx(store: Store, path: Path, *, dry_run: bool = False,
                          accept_problems: bool = False,
                          version: str | None = None) -> CatalogueImportResult:
    """Import the office's Excel task table as a new, active catalogue version.

    Measures, units, levels and scoring rules are not in the table, so they are carried
    over from the active catalogue's task with the same number. The workbook is read and
    checked before anything is written. When it has problems, nothing is stored unless
    ``accept_problems`` is set, and then each problem is resolved by its suggestion.

    Args:
        store: the open data folder.
        path: the .xlsx file.
        dry_run: check and report only; store nothing.
        accept_problems: store the catalogue even when problems were found.
        version: the new version id; defaults to the next free minor version after the
            active one (2020.1 becomes 2020.2).

    Returns:
        The catalogue, the problems and whether it was stored.

    Raises:
        CatalogueXlsxError: the file is missing, too large, not a workbook or has no table.
    """
    base = ensure_default_catalogue(store)
    with store.session_factory.begin() as session:
        taken = {info.version for info in catalogue_repo.list_versions(session)}
    new_version = version or next_version(base.version, taken)
    from meili_desktop.reports.catalogue_xlsx import read_catalogue_xlsx

    reading = read_catalogue_xlsx(path, base, new_version)
    result = CatalogueImportResult(catalogue=reading.catalogue, problems=reading.problems,
                                   new_task_numbers=reading.new_task_numbers)
    if dry_run or (reading.problems and not accept_problems):
        logger.info("catalogue import of %s stopped: %d problems, dry run %s", path,
                    len(reading.problems), dry_run)
        return result

    make_event_backup(store, "pre-import")
    with store.session_factory.begin() as session:
        catalogue_repo.save_catalogue(session, reading.catalogue, activate=True)
    logger.info("imported catalogue %s from %s with %d tasks and %d accepted problems",
                new_version, path, len(reading.catalogue.tasks), len(reading.problems))
    return CatalogueImportResult(catalogue=reading.catalogue, problems=reading.problems,
                                 is_imported=True, new_task_numbers=reading.new_task_numbers)


def next_version(current: str, taken: set[str]) -> str:
    """Return the next free version id after ``current``: "2020.1" gives "2020.2".

    An id without a numeric minor part gets ".2" appended.
    """
    major, _, minor = current.rpartition(".")
    if not major or not minor.isdigit():
        major, minor = current, "1"
    number = int(minor) + 1
    while f"{major}.{number}" in taken:
        number += 1
    return f"{major}.{number}"
