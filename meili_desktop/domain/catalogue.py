"""The programme's task catalogue: categories, key tasks, member units and lead-unit links."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class MeasureType(StrEnum):
    """How a task's progress is measured."""

    PERCENT = "percent"
    COUNT = "count"
    RATE = "rate"  # a count per N of a base population, e.g. beds per 1,000 elderly
    LENGTH = "length"
    MILESTONE = "milestone"  # done or not done, e.g. a policy issued
    QUALITATIVE = "qualitative"  # narrative only


class LeadRole(StrEnum):
    """A member unit's role on a task: the first named unit leads, later ones co-lead."""

    LEAD = "lead"
    CO_LEAD = "co-lead"


class Provenance(StrEnum):
    """Where a lead-unit link came from in the source table."""

    TABLE = "table"  # read from the task's own cell
    MERGED_CELL = "merged-cell"  # filled from a vertically merged cell above
    DUTIES = "duties"  # inferred from the member units' duties list


class TaskLevel(StrEnum):
    """Who reports on a task: city-level work or a target split down to townships."""

    CITY = "city"
    TOWNSHIP = "township"


class ScoringKind(StrEnum):
    """Scoring rules that a requirement can state."""

    MECHANISM_PLUS_DISCRETIONARY = "mechanism-plus-discretionary"
    DISCRETIONARY = "discretionary"


# Names with a special meaning in the lead-unit column.
OFFICE_NAME = "市美丽城镇办"
ALL_MEMBERS_NAME = "各成员单位"


@dataclass(frozen=True)
class MemberUnit:
    """A member unit (成员单位) of the programme's leading group, or the office itself.

    ``is_office`` marks the programme office (市美丽城镇办); ``is_all_members`` marks the
    collective entry 各成员单位, which stands for every member unit.
    """

    name: str
    aliases: tuple[str, ...] = ()
    duties: str = ""
    is_office: bool = False
    is_all_members: bool = False


@dataclass(frozen=True)
class LeadLink:
    """One member unit responsible for a task."""

    unit: str
    role: LeadRole
    provenance: Provenance
    written_as: str = ""  # the cell text as the source table spelled it, before alias resolution


@dataclass(frozen=True)
class ScoringRule:
    """Points a requirement awards.

    ``fixed_points`` are granted when the mechanism is established; the rest up to
    ``max_points`` is awarded at the office's discretion.
    """

    kind: ScoringKind
    max_points: Decimal
    fixed_points: Decimal | None = None
    description: str = ""


@dataclass(frozen=True)
class SubItem:
    """A numbered part of a task, such as 1.1 to 1.4."""

    code: str
    title: str


@dataclass(frozen=True)
class Task:
    """A key task (重点工作) with its requirement (工作要求) and how it is measured.

    ``rate_base`` is the N of a per-N rate (1000 for "per 1,000 elderly"); it is None for
    other measures.
    """

    number: int
    category: str
    title: str
    requirement: str
    measure: MeasureType
    unit: str
    higher_is_better: bool
    level: TaskLevel
    lead_units: tuple[LeadLink, ...]
    scoring: ScoringRule | None = None
    sub_items: tuple[SubItem, ...] = ()
    rate_base: int | None = None

    @property
    def lead(self) -> LeadLink | None:
        """Return the lead unit's link, or None when the task has none."""
        for link in self.lead_units:
            if link.role is LeadRole.LEAD:
                return link
        return None


@dataclass(frozen=True)
class Catalogue:
    """One version of the task catalogue."""

    version: str
    title: str
    categories: tuple[str, ...]
    member_units: tuple[MemberUnit, ...]
    tasks: tuple[Task, ...]
    source: str = ""  # the document the catalogue was built from
    _alias_index: dict[str, str] = field(default_factory=dict, init=False, repr=False,
                                         compare=False)

    def __post_init__(self) -> None:
        for unit in self.member_units:
            self._alias_index[unit.name] = unit.name
            for alias in unit.aliases:
                self._alias_index[alias] = unit.name

    def task(self, number: int) -> Task:
        """Return task ``number``; raise KeyError when the catalogue has no such task."""
        for task in self.tasks:
            if task.number == number:
                return task
        raise KeyError(number)

    def resolve_unit(self, name: str) -> str | None:
        """Return the official name for a member unit's name or alias, or None if unknown."""
        return self._alias_index.get(name.strip())

    def member_unit(self, name: str) -> MemberUnit | None:
        """Return the member unit named ``name`` or one of its aliases."""
        official = self.resolve_unit(name)
        for unit in self.member_units:
            if unit.name == official:
                return unit
        return None

    def tasks_for_level(self, level: TaskLevel) -> tuple[Task, ...]:
        """Return the tasks reported at ``level`` in catalogue order."""
        return tuple(task for task in self.tasks if task.level is level)
