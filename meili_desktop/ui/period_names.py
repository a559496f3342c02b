"""Display names of reporting periods for lists and combo boxes: 2021年第2季度, not 2021Q2."""

from __future__ import annotations

from meili_desktop.domain.periods import parse_period
from meili_desktop.errors import MeiliError
from meili_desktop.ui.township.marks import period_label


def period_name(code: str) -> str:
    """Return the display name of a period code; a code that does not parse is shown as is."""
    try:
        period = parse_period(code)
    except MeiliError:
        return code
    return period_label(period)
