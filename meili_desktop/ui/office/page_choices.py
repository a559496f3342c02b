"""The choices that office pages offer in their filter lists, read off the GUI thread.

A page reads its choices (periods, counties, the catalogue's tasks) with its first
:class:`~meili_desktop.ui.office.page_loading.PageLoader` request and fills its lists when
they arrive, so that building a page runs no query on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QComboBox

from meili_desktop.store import summary_queries, units_repo
from meili_desktop.store.datafolder import Store


def available_periods(store: Store) -> list[str]:
    """Return the periods the pages offer: those with entries, else every stored one."""
    with store.session_factory() as session:
        return summary_queries.periods_with_entries(session) or \
            summary_queries.period_codes(session)


def opening_choice(offered: Sequence[str], opening: str | None) -> str | None:
    """Return the period a list opens on: ``opening`` when offered, else the last one offered.

    ``opening`` comes from ``review.period_to_open``. A list of the periods with entries may
    lack it, and then shows the latest of them.
    """
    if opening in offered:
        return opening
    return offered[-1] if offered else None


def county_choices(store: Store) -> list[tuple[str, str]]:
    """Return the current counties as (name, id) pairs, in the order the lists show them."""
    with store.session_factory() as session:
        return [(county.name, county.id) for county in units_repo.list_counties(session)]


def refill(combo: QComboBox, choices: Sequence[tuple[str, Any]], chosen: Any, *,
           fixed: int = 0) -> None:
    """Replace the items of ``combo`` after its first ``fixed`` ones, without signals.

    ``choices`` are (text, data) pairs. The item whose data is ``chosen`` is chosen, else the
    first one.
    """
    # A list filled after it was first shown keeps the width of its first contents unless
    # it adjusts to them, which cut "2021年第4季度" to "2021年第".
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    combo.blockSignals(True)
    while combo.count() > fixed:
        combo.removeItem(combo.count() - 1)
    for text, data in choices:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(combo.findData(chosen), 0))
    combo.blockSignals(False)
