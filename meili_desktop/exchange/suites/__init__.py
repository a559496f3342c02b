"""Registry of cipher suites, each enabled only after its known-answer self-test passes.

Startup calls :func:`run_self_tests`; :func:`get_suite` runs a suite's test on first use when
startup did not. A suite whose test fails (or whose library is missing) stays disabled for the
whole process and :func:`get_suite` raises :class:`SuiteUnavailableError` naming the reason.
Nothing ever falls back to another suite.
"""

from __future__ import annotations

import importlib
import logging
import threading

from meili_desktop.exchange.errors import SuiteUnavailableError
from meili_desktop.exchange.suites.base import CipherSuite, KeyPair, SelfTestFailure

logger = logging.getLogger(__name__)

DEFAULT_SUITE = "C1"

# Suite id -> "module:class"; modules load lazily so that a missing optional library (gmssl_pyx)
# disables only its own suite.
_SUITE_CLASSES: dict[str, str] = {
    "C1": "meili_desktop.exchange.suites.c1:C1Suite",
    "G1": "meili_desktop.exchange.suites.g1:G1Suite",
}

_lock = threading.Lock()
_ready: dict[str, CipherSuite] = {}
_failed: dict[str, str] = {}

__all__ = ["DEFAULT_SUITE", "CipherSuite", "KeyPair", "available_suites", "get_suite",
           "known_suites", "run_self_tests", "suite_failures"]


def _load_and_test(suite_id: str) -> None:
    """Instantiate and self-test one suite, recording the outcome; the caller holds the lock."""
    if suite_id in _ready or suite_id in _failed:
        return
    module_name, _, class_name = _SUITE_CLASSES[suite_id].partition(":")
    try:
        suite_class = getattr(importlib.import_module(module_name), class_name)
        suite = suite_class()
        suite.self_test()
    except ImportError as error:
        _failed[suite_id] = f"library missing: {error}"
        logger.error("cipher suite %s disabled: %s", suite_id, _failed[suite_id])
        return
    except SelfTestFailure as error:
        _failed[suite_id] = f"self-test failed: {error}"
        logger.error("cipher suite %s disabled: %s", suite_id, _failed[suite_id])
        return
    except Exception as error:  # a crashing library must disable the suite, not the program
        _failed[suite_id] = f"self-test crashed: {error!r}"
        logger.exception("cipher suite %s disabled: self-test crashed", suite_id)
        return
    _ready[suite_id] = suite
    logger.info("cipher suite %s passed its self-test", suite_id)


def run_self_tests() -> dict[str, str | None]:
    """Self-test every known suite once per process.

    Returns:
        suite id -> None when the suite is enabled, or the reason it is disabled.
    """
    with _lock:
        for suite_id in _SUITE_CLASSES:
            _load_and_test(suite_id)
        return {suite_id: _failed.get(suite_id) for suite_id in _SUITE_CLASSES}


def get_suite(suite_id: str) -> CipherSuite:
    """Return the enabled suite with this id.

    Raises:
        SuiteUnavailableError: the id is unknown or the suite failed its self-test.
    """
    if suite_id not in _SUITE_CLASSES:
        raise SuiteUnavailableError(suite=str(suite_id)[:20], reason="unknown suite")
    with _lock:
        _load_and_test(suite_id)
        if suite_id in _failed:
            raise SuiteUnavailableError(suite=suite_id, reason=_failed[suite_id])
        return _ready[suite_id]


def available_suites() -> list[str]:
    """Return the ids of the suites that passed their self-test, default first."""
    results = run_self_tests()
    return [suite_id for suite_id, failure in results.items() if failure is None]


def known_suites() -> list[str]:
    """Return every suite id this program defines, enabled or not."""
    return list(_SUITE_CLASSES)


def suite_failures() -> dict[str, str]:
    """Return suite id -> reason for every suite disabled so far."""
    with _lock:
        return dict(_failed)


def _reset_for_tests() -> None:
    """Forget every self-test outcome, so a test can disable a suite and restore it."""
    with _lock:
        _ready.clear()
        _failed.clear()
