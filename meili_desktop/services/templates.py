"""User actions on Excel fill-in templates: export one for a town and period, import it back.

An import checks the whole file first (our template, unchanged keys and headers, the
expected town and period, the active catalogue), then every cell. Nothing is written unless
every filled cell is valid; then all changes go into one transaction, each through the same
validation and revision history as typing the values in the window.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from meili_desktop.domain.catalogue import Task
from meili_desktop.domain.catalogue_document import catalogue_hash
from meili_desktop.domain.entries import Entry, EntryKey
from meili_desktop.domain.periods import PeriodState
from meili_desktop.domain.units import UnitKind
from meili_desktop.domain.validation import Finding
from meili_desktop.errors import MeiliError
from meili_desktop.reports.template_reading import (
    TemplateRejectedError,
    read_template,
    stored_value,
    template_changes,
)
from meili_desktop.reports.template_xlsx import (
    TemplateKeys,
    TemplateSpec,
    stored_texts,
    write_template,
)
from meili_desktop.reports.xlsx_reading import CellProblem
from meili_desktop.services.backups import make_event_backup
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.entries import (
    PeriodClosedError,
    PeriodLockedError,
    find_period,
    infer_status,
    local_user,
    reported_tasks,
    returned_tasks,
    validate_changes,
    value_warnings,
)
from meili_desktop.services.identity import Role, load_identity
from meili_desktop.services.office_corrections import apply_office_correction
from meili_desktop.store import entries_repo, ledger_repo, units_repo
from meili_desktop.store.datafolder import Store

logger = logging.getLogger(__name__)

EXCEL_SOURCE = "excel"


@dataclass(frozen=True)
class TemplateImportResult:
    """The outcome of an import, or of a dry run or an import whose cells were rejected.

    ``changed`` lists the task numbers whose entries changed (or would change); nothing is
    written when ``problems`` is not empty. ``inferred_status`` lists the tasks whose status
    became 推进中 because a value came without a status (see ``entries.infer_status``), and
    ``warnings`` the plausibility warnings on the imported values, as ``entry set`` gives.
    """

    unit_id: str
    unit_name: str
    period_code: str
    changed: tuple[int, ...]
    unchanged: tuple[int, ...]
    problems: tuple[CellProblem, ...]
    is_applied: bool
    inferred_status: tuple[int, ...] = ()
    warnings: tuple[Finding, ...] = ()


def export_template(store: Store, path: Path, unit: str, period_code: str) -> TemplateKeys:
    """Write the fill-in template of a township (named by code, id or name) for a period.

    Raises:
        UnitNotFoundError, UnitAmbiguousError: ``unit`` names no township or several.
        UnknownPeriodError: the period is not known.
    """
    catalogue = active_catalogue(store)
    period = find_period(store, period_code)
    with store.session_factory() as session:
        town = units_repo.find_unit(session, unit, kinds=[UnitKind.TOWNSHIP])
        county = units_repo.get_unit(session, town.parent_id) if town.parent_id else None
        targets = entries_repo.target_values(session, town.id, period.code, period.year_code)
        entries = entries_repo.list_entries(session, town.id, period.code)
    spec = TemplateSpec(town.id, town.name, county.name if county is not None else "",
                        period.code, catalogue.version, catalogue_hash(catalogue),
                        reported_tasks(catalogue), targets, entries)
    keys = write_template(spec, path)
    logger.info("exported the template of %s for %s to %s", town.id, period.code, path)
    return keys


def _expected_unit(store: Store, unit: str | None) -> str | None:
    """Return the unit a template must be for: the given one, or a township's own unit."""
    if unit is not None:
        with store.session_factory() as session:
            return units_repo.find_unit(session, unit, kinds=[UnitKind.TOWNSHIP]).id
    identity = load_identity(store)
    if identity is not None and identity.role is Role.TOWNSHIP:
        return identity.unit_id
    return None


def import_template(store: Store, path: Path, *, unit: str | None = None,
                    period_code: str | None = None,
                    dry_run: bool = False) -> TemplateImportResult:
    """Import a filled-in template; write nothing unless every filled cell is valid.

    Args:
        store: the data folder.
        path: the .xlsx file.
        unit: the township the file must be for; a township's data folder defaults to its
            own unit, an office accepts the template's unit.
        period_code: the period the file must be for; any open period when None.
        dry_run: check and report without writing.

    Raises:
        ExcelUnreadableError: the file is not an .xlsx workbook.
        TemplateRejectedError: the file as a whole cannot be imported.
        PeriodLockedError, UnknownPeriodError: the template's period takes no entries. In
            a period closed for review, each township cell of a task the office did not
            return is a problem instead.
    """
    catalogue = active_catalogue(store)
    tasks = {task.number: task for task in reported_tasks(catalogue)}
    reading = read_template(path, max_tasks=len(tasks))
    keys = reading.keys
    _check_target(store, keys, unit, period_code, catalogue.version)
    period = find_period(store, keys.period_code)
    if period.state is PeriodState.LOCKED:
        raise PeriodLockedError(period=period.code)

    # In a period closed for review a township changes only the entries the office returned.
    is_closed_here = period.state is PeriodState.CLOSED and not _is_office(store)
    returned = returned_tasks(store, keys.unit_id, period.code) if is_closed_here \
        else frozenset()
    parsed = template_changes(reading, tasks)
    problems = list(parsed.problems)
    with store.session_factory() as session:
        stored = entries_repo.list_entries(session, keys.unit_id, keys.period_code)
    clean: dict[int, dict[str, Any]] = {}
    inferred: list[int] = []
    for number, parsed_changes in parsed.changes.items():
        changes = _edited_fields(keys, number, parsed_changes)
        problems += _overwritten_fields(keys, number, changes, parsed.sources[number],
                                        stored.get(number))
        if not changes:
            continue
        try:
            if is_closed_here and number not in returned:
                raise PeriodClosedError(period=period.code, task=number)
            clean[number] = validate_changes(tasks[number], period, changes)
        except MeiliError as error:
            problems.append(_row_problem(keys, parsed.sources[number], changes, error))
            continue
        if infer_status(stored.get(number), clean[number]) is not None:
            inferred.append(number)

    if problems:
        logger.info("template %s for %s/%s rejected: %d cells", path, keys.unit_id,
                    keys.period_code, len(problems))
        return TemplateImportResult(keys.unit_id, keys.unit_name, keys.period_code, (),
                                    (), tuple(problems), is_applied=False)
    result = _apply(store, keys, clean, dry_run)
    return replace(result, inferred_status=tuple(sorted(inferred)),
                   warnings=tuple(_value_warnings(store, keys, tasks, clean)))


def _value_warnings(store: Store, keys: TemplateKeys, tasks: dict[int, Task],
                    clean: dict[int, dict[str, Any]]) -> list[Finding]:
    """Return the plausibility warnings on the imported values, by task number."""
    warnings: list[Finding] = []
    for number, changes in sorted(clean.items()):
        if changes.get("value") is None:
            continue
        key = EntryKey(keys.unit_id, number, keys.period_code)
        warnings += value_warnings(store, tasks[number], key, changes["value"])
    return warnings


def _edited_fields(keys: TemplateKeys, number: int,
                   changes: dict[str, Any]) -> dict[str, Any]:
    """Drop the fields whose cell still holds the value pre-filled at export."""
    exported = keys.prefilled.get(number)
    if exported is None:
        return dict(changes)
    return {name: value for name, value in changes.items()
            if value != stored_value(name, exported.get(name, ""))}


def _overwritten_fields(keys: TemplateKeys, number: int, changes: dict[str, Any],
                        sources: dict[str, str], entry: Entry | None) -> list[CellProblem]:
    """List edited cells whose field was also changed in the program after the export.

    The fields are compared, not only the revision, because an office's correction keeps
    the township's revision number.
    """
    if entry is None:
        return []
    exported = keys.prefilled.get(number, {})
    current = stored_texts(entry)
    problems = []
    for name, value in changes.items():
        # A field left as exported, or already holding the cell's value, is no conflict.
        if current.get(name, "") == exported.get(name, "") or \
                value == stored_value(name, current.get(name, "")):
            continue
        coordinate = sources[name]
        column = "".join(character for character in coordinate if character.isalpha())
        row = int("".join(character for character in coordinate if character.isdigit()))
        problems.append(CellProblem(
            keys.sheet, row, column, "template.entry_changed", "",
            (("task", str(number)), ("exported", str(keys.revisions.get(number, 0))),
             ("current", str(entry.revision)))))
    return problems


def _check_target(store: Store, keys: TemplateKeys, unit: str | None,
                  period_code: str | None, catalogue_version: str) -> None:
    expected_unit = _expected_unit(store, unit)
    if expected_unit is not None and keys.unit_id != expected_unit:
        with store.session_factory() as session:
            expected = units_repo.get_unit(session, expected_unit)
        raise TemplateRejectedError(
            "template.other_unit", found=f"{keys.unit_name}（{keys.unit_id}）",
            expected=f"{expected.name if expected else expected_unit}（{expected_unit}）")
    with store.session_factory() as session:
        if units_repo.get_unit(session, keys.unit_id) is None:
            raise TemplateRejectedError("template.unknown_unit",
                                        found=f"{keys.unit_name}（{keys.unit_id}）")
    if period_code is not None and keys.period_code != period_code.strip().upper():
        raise TemplateRejectedError("template.other_period", found=keys.period_code,
                                    expected=period_code.strip().upper())
    if keys.catalogue_version != catalogue_version:
        raise TemplateRejectedError("template.old_catalogue", found=keys.catalogue_version,
                                    expected=catalogue_version)


def _row_problem(keys: TemplateKeys, sources: dict[str, str], changes: dict[str, Any],
                 error: MeiliError) -> CellProblem:
    """Attribute a validation error of a row to the cell of the field it names."""
    field_name = str(error.details.get("field", ""))
    names = [name for name in ("narrative", "responsible_person", "contact", "status", "value")
             if name in changes]
    coordinate = sources.get(field_name) or sources.get(names[0] if names else "", "")
    column = "".join(character for character in coordinate if character.isalpha())
    row = int("".join(character for character in coordinate if character.isdigit()) or 0)
    details = tuple((key, str(value)) for key, value in error.details.items())
    return CellProblem(keys.sheet, row, column, error.code, "", details)


def _is_office(store: Store) -> bool:
    identity = load_identity(store)
    return identity is not None and identity.role in (Role.CITY, Role.COUNTY)


def _apply(store: Store, keys: TemplateKeys, clean: dict[int, dict[str, Any]],
           dry_run: bool) -> TemplateImportResult:
    changed: list[int] = []
    unchanged: list[int] = []
    with store.session_factory() as session:
        for number, changes in sorted(clean.items()):
            current = entries_repo.load_entry(
                session, EntryKey(keys.unit_id, number, keys.period_code))
            before = {} if current is None else {
                name: getattr(current, name) for name in changes}
            (changed if before != changes else unchanged).append(number)
    if not dry_run:
        user = local_user()
        # A template that changes nothing (imported twice) makes no backup, so repeats do
        # not rotate useful backups away.
        if changed:
            make_event_backup(store, "pre-import")
        changed, unchanged = [], []
        is_office = _is_office(store)
        with store.session_factory.begin() as session:
            if is_office:
                # A merge of the same township's packages must not interleave.
                ledger_repo.lock_for_merge(session, keys.unit_id)
            for number, changes in sorted(clean.items()):
                key = EntryKey(keys.unit_id, number, keys.period_code)
                if is_office:
                    # The values become the office's, so a later package from the township
                    # cannot overwrite them without a decision.
                    _entry, is_changed = apply_office_correction(
                        session, key, changes, actor=user, source=EXCEL_SOURCE)
                else:
                    _entry, is_changed = entries_repo.apply_change(
                        session, key, changes, changed_by=user, source=EXCEL_SOURCE)
                (changed if is_changed else unchanged).append(number)
    logger.info("template for %s/%s %s: %d changed, %d unchanged", keys.unit_id,
                keys.period_code, "checked" if dry_run else "imported", len(changed),
                len(unchanged))
    return TemplateImportResult(keys.unit_id, keys.unit_name, keys.period_code,
                                tuple(changed), tuple(unchanged), (), is_applied=not dry_run)
