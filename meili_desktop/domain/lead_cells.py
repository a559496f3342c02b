"""Read the lead-unit cell (牵头责任单位) of a task table into member unit names.

The cell lists one or more member units, the first being the lead. Source tables spell
units by their aliases, add stray spaces and full-width punctuation, and sometimes contain
the requirement text instead of a unit. :func:`read_lead_cell` distinguishes these cases,
and :func:`suggest_unit_from_duties` proposes the unit whose duties best match the task.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from meili_desktop.domain.catalogue import Catalogue, MemberUnit

# Separators between unit names in one cell, after full-width folding.
_SEPARATORS = re.compile(r"[、,;/\n]+")

# A unit name ends with the word for an organisation; requirement text does not.
_UNIT_NAME = re.compile(
    r"[\u4e00-\u9fffA-Za-z0-9()]{1,30}(局|委|办|办公室|委员会|单位|中心|政府|公司|厅|院|部|处|所|站|队|会)")

# The shortest run of characters shared by a task title and a unit's duties that counts as
# evidence. Two characters (such as 建设) occur in too many duties to tell units apart.
MIN_DUTY_MATCH = 3

_TITLE_NOISE = re.compile(r"[\s。，、；：“”\"'（）()0-9A-Za-z.+%]")


class LeadCellKind(StrEnum):
    """Content of a lead-unit cell."""

    EMPTY = "empty"
    UNITS = "units"  # every part names a known member unit
    UNKNOWN = "unknown"  # some part looks like a unit name but is not a known one
    REQUIREMENT = "requirement"  # the cell contains requirement text, not unit names


@dataclass(frozen=True)
class LeadCell:
    """A lead-unit cell read against a catalogue's member units.

    ``names`` are the official names of the known parts in cell order, ``written`` the parts
    as the cell spelled them, and ``unknown`` the parts that name no member unit.
    """

    kind: LeadCellKind
    names: tuple[str, ...] = ()
    written: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()


def fold(text: str) -> str:
    """Fold full-width characters to their usual forms and drop all whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def _name_index(member_units: Iterable[MemberUnit]) -> dict[str, str]:
    index: dict[str, str] = {}
    for unit in member_units:
        index[fold(unit.name)] = unit.name
        for alias in unit.aliases:
            index[fold(alias)] = unit.name
    return index


def _parts(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", text)
    return [part.strip() for part in _SEPARATORS.split(folded) if part.strip()]


def _split_on_spaces(part: str, index: dict[str, str]) -> list[str] | None:
    """Split a part at spaces into known names, joining words split by stray spaces.

    "市财政局 市 建委" gives ["市财政局", "市 建委"]. Returns None unless every word ends up
    in a known name.
    """
    words = part.split()
    pieces: list[str] = []
    start = 0
    while start < len(words):
        for end in range(len(words), start, -1):
            if fold("".join(words[start:end])) in index:
                pieces.append(" ".join(words[start:end]))
                start = end
                break
        else:
            return None
    return pieces


def read_lead_cell(text: str, requirement: str, catalogue: Catalogue) -> LeadCell:
    """Read a lead-unit cell into official member unit names.

    Args:
        text: the cell text.
        requirement: the same row's requirement text, to recognise it pasted here.
        catalogue: the catalogue whose member units and aliases are known.

    Returns:
        The cell's kind with the names it holds. A part that is no known name as a whole
        is tried as several names separated by spaces.
    """
    if not text.strip():
        return LeadCell(LeadCellKind.EMPTY)
    if requirement.strip() and fold(text) == fold(requirement):
        return LeadCell(LeadCellKind.REQUIREMENT)

    index = _name_index(catalogue.member_units)
    names: list[str] = []
    written: list[str] = []
    unknown: list[str] = []
    for part in _parts(text):
        pieces = [part] if fold(part) in index else _split_on_spaces(part, index)
        if pieces is None:
            unknown.append(part)
            continue
        for piece in pieces:
            official = index[fold(piece)]
            if official not in names:
                names.append(official)
                written.append(piece)

    if not unknown:
        return LeadCell(LeadCellKind.UNITS, tuple(names), tuple(written))
    if all(_UNIT_NAME.fullmatch(fold(piece)) for piece in unknown):
        return LeadCell(LeadCellKind.UNKNOWN, tuple(names), tuple(written), tuple(unknown))
    return LeadCell(LeadCellKind.REQUIREMENT)


def suggest_unit_from_duties(title: str, catalogue: Catalogue) -> str | None:
    """Return the member unit whose duties share the longest run of text with ``title``.

    Punctuation, digits and Latin letters of the title are ignored. The office and the
    all-members entry have no duties and are never suggested. Returns None when the best
    match is shorter than :data:`MIN_DUTY_MATCH` characters or two units tie.
    """
    clean = _TITLE_NOISE.sub("", unicodedata.normalize("NFKC", title))
    scores: list[tuple[int, str]] = []
    for unit in catalogue.member_units:
        if unit.is_office or unit.is_all_members or not unit.duties:
            continue
        duties = unicodedata.normalize("NFKC", unit.duties)
        match = SequenceMatcher(None, clean, duties, autojunk=False).find_longest_match(
            0, len(clean), 0, len(duties))
        scores.append((match.size, unit.name))
    scores.sort(key=lambda score: score[0], reverse=True)
    if not scores or scores[0][0] < MIN_DUTY_MATCH:
        return None
    if len(scores) > 1 and scores[1][0] == scores[0][0]:
        return None
    return scores[0][1]
