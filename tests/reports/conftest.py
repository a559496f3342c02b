"""Fixtures of the report tests; every test starts with English labels."""

from __future__ import annotations

import pytest

from tests.reports.report_support import chinese, english, office_store  # noqa: F401 - fixtures


@pytest.fixture(autouse=True)
def _english_labels(english: object) -> None:  # noqa: F811 - the fixture imported above
    """Reset the translators, which an in-process command of another test may have left."""
