"""Hypothesis settings for the fuzz tests, chosen by the HYPOTHESIS_PROFILE variable.

``dev`` (the default) keeps a local test run quick; ``ci`` is what ``.ci/run`` uses; ``long``
is the run by hand whose result docs/reliability.md records:

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/reliability -k fuzz -q \
        -p no:logging

``-p no:logging`` stops pytest from keeping every log record of a test, which held several
gigabytes over 20,000 task table imports.

The profiles apply only to the tests that use :data:`fuzz_settings`, so other tests keep
their own example counts.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

EXAMPLES_PER_TARGET = {"dev": 200, "ci": 2000, "long": 20_000}
PROFILE_VARIABLE = "HYPOTHESIS_PROFILE"

for _name, _count in EXAMPLES_PER_TARGET.items():
    settings.register_profile(
        f"meili-fuzz-{_name}", max_examples=_count, deadline=None, database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                               HealthCheck.data_too_large])


def profile_name() -> str:
    """Return the chosen profile, falling back to ``dev`` for an unknown name."""
    name = os.environ.get(PROFILE_VARIABLE, "dev")
    return name if name in EXAMPLES_PER_TARGET else "dev"


def examples(share: float = 1.0) -> int:
    """Return the profile's example count scaled by ``share``, for slower targets."""
    return max(20, int(EXAMPLES_PER_TARGET[profile_name()] * share))


def fuzz_settings(share: float = 1.0) -> settings:
    """Return the settings of the chosen profile with ``share`` of its examples."""
    return settings(settings.get_profile(f"meili-fuzz-{profile_name()}"),
                    max_examples=examples(share))
