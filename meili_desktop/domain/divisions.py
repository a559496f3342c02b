"""Follow counties and townships through editions of the official division code list.

A division can change code, county or name between editions (Hangzhou redrew its urban
districts in April 2021, so 塘栖镇 moved from 余杭区 330110102 to 临平区 330113100). A reporting
unit must keep one identity through such changes, so :func:`plan_units` matches each
edition's rows to the units of the edition before it and gives every unit a stable id: its
earliest code.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from meili_desktop.domain.units import UnitCode, UnitKind

CITY_ID = "3301"
CITY_NAME = "杭州市"

CSV_COLUMNS = ("as_of", "code", "name", "level", "kind", "parent_code")


@dataclass(frozen=True)
class DivisionRow:
    """One row of the division code list: a county or township in one edition."""

    edition: str  # the edition's reference date, e.g. "2021-10-31"
    code: str
    name: str
    level: str  # "county" or "township"
    kind: str  # 街道, 镇, 乡 or 统计单位 for townships; empty for counties
    parent_code: str


@dataclass
class PlannedUnit:
    """A reporting unit built from the division rows, with its code in each edition."""

    id: str
    kind: UnitKind
    codes: list[UnitCode] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # edition -> name in that edition
    parents: dict[str, str] = field(default_factory=dict)  # edition -> parent unit id

    @property
    def name(self) -> str:
        """The name in the latest edition that lists the unit."""
        return self.names[max(self.names)]

    @property
    def parent_id(self) -> str:
        """The parent unit in the latest edition that lists the unit."""
        return self.parents[max(self.parents)]


def normalize_name(text: str) -> str:
    """Fold full-width characters and drop all whitespace, for comparing typed names."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def read_divisions_csv(path: Path) -> list[DivisionRow]:
    """Read a division code list in the columns of :data:`CSV_COLUMNS`.

    Raises:
        ValueError: the file lacks a column or a row lacks a value.
    """
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        missing = set(CSV_COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: missing columns {sorted(missing)}")
        rows = []
        for line_number, record in enumerate(reader, start=2):
            if not all(record[column] for column in ("as_of", "code", "name", "level")):
                raise ValueError(f"{path}:{line_number}: empty value in {record}")
            rows.append(DivisionRow(edition=record["as_of"], code=record["code"],
                                    name=record["name"], level=record["level"],
                                    kind=record["kind"] or "", parent_code=record["parent_code"]))
    return rows


def plan_units(rows: Iterable[DivisionRow]) -> list[PlannedUnit]:
    """Match the rows of every edition into units with one identity each.

    Editions are processed oldest first. A row of a later edition continues a unit of the
    edition before it that matches, tried in this order:

    1. the same code and name;
    2. the same name in the same county, after the county itself was matched;
    3. a name that only one unmatched unit of the same level had;
    4. the same code under a new name, which is a rename.

    Any other row starts a new unit whose id is its code.

    Returns:
        The city (id :data:`CITY_ID`), then counties, then townships, each sorted by id.
    """
    by_edition: dict[str, list[DivisionRow]] = {}
    for row in rows:
        by_edition.setdefault(row.edition, []).append(row)

    units: dict[str, PlannedUnit] = {}
    previous: dict[str, str] = {}  # code in the previous edition -> unit id
    previous_rows: list[DivisionRow] = []
    for edition in sorted(by_edition):
        current: dict[str, str] = {}
        for level, kind in (("county", UnitKind.COUNTY), ("township", UnitKind.TOWNSHIP)):
            level_rows = [row for row in by_edition[edition] if row.level == level]
            earlier = [row for row in previous_rows if row.level == level]
            matches = _match(level_rows, earlier, previous, current)
            for row in level_rows:
                unit_id = matches.get(row.code) or _new_id(row, units)
                unit = units.setdefault(unit_id, PlannedUnit(id=unit_id, kind=kind))
                unit.codes.append(UnitCode(edition=edition, code=row.code,
                                           parent_code=row.parent_code))
                unit.names[edition] = row.name
                unit.parents[edition] = current.get(row.parent_code, CITY_ID)
                current[row.code] = unit_id
        previous, previous_rows = current, by_edition[edition]

    city = PlannedUnit(id=CITY_ID, kind=UnitKind.CITY)
    city.names[""] = CITY_NAME
    ordered = sorted(units.values(), key=lambda unit: (unit.kind is UnitKind.TOWNSHIP, unit.id))
    return [city, *ordered]


def _new_id(row: DivisionRow, units: dict[str, PlannedUnit]) -> str:
    """Return the row's code as a new id, suffixed with the edition's year if it is taken."""
    if row.code not in units:
        return row.code
    return f"{row.code}-{row.edition[:4]}"


def _match(rows: Sequence[DivisionRow], earlier: Sequence[DivisionRow],
           earlier_ids: dict[str, str], current_ids: dict[str, str]) -> dict[str, str]:
    """Map the codes of ``rows`` to the unit ids of matching ``earlier`` rows."""
    matches: dict[str, str] = {}
    taken: set[str] = set()

    def claim(row: DivisionRow, old: DivisionRow) -> None:
        matches[row.code] = earlier_ids[old.code]
        taken.add(old.code)

    def open_rows() -> list[DivisionRow]:
        return [old for old in earlier if old.code not in taken]

    for row in rows:
        old = next((old for old in open_rows()
                    if old.code == row.code and old.name == row.name), None)
        if old is not None:
            claim(row, old)
    for row in (row for row in rows if row.code not in matches):
        parent_id = current_ids.get(row.parent_code)
        old = next((old for old in open_rows() if old.name == row.name
                    and earlier_ids.get(old.parent_code) == parent_id), None)
        if old is not None:
            claim(row, old)
    for row in (row for row in rows if row.code not in matches):
        same_name = [old for old in open_rows() if old.name == row.name]
        if len(same_name) == 1:
            claim(row, same_name[0])
    for row in (row for row in rows if row.code not in matches):
        old = next((old for old in open_rows() if old.code == row.code), None)
        if old is not None:
            claim(row, old)
    return matches
