"""Fixtures of the report tests."""

from tests.reports.report_support import chinese, office_store  # noqa: F401 - fixtures
