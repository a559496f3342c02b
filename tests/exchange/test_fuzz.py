"""Fuzzing read_package with mutated packages: only the project's own errors may escape."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meili_desktop.errors import MeiliError
from meili_desktop.exchange.container import Sender, read_package, write_package
from meili_desktop.exchange.suites import get_suite
from tests.exchange.conftest import FakeKeyring, Keys, make_attachment

_CACHE: dict[str, tuple[bytes, FakeKeyring]] = {}


def _sample(kind: str, folder: Path) -> tuple[bytes, FakeKeyring]:
    """Write one small package of ``kind`` (C1) and return its bytes and a reading keyring."""
    if kind in _CACHE:
        return _CACHE[kind]
    suite = get_suite("C1")
    keys = Keys(suite, suite.generate_signing_key(), suite.generate_encryption_key(),
                suite.generate_encryption_key(), suite.generate_signing_key(),
                suite.generate_signing_key())
    keyring = FakeKeyring("C1")
    keyring.add_private(keys.city_working)
    attachment = make_attachment(folder, "a.txt", 300)
    out = folder / f"{kind}.mlp"
    if kind == "report":
        keyring.approve("330101", keys.township_a)
        write_package(out, "report", Sender("330101", "西湖镇"), keys.township_a,
                      keys.recipients(), [{"task": 1, "value": 2.5}], [attachment],
                      sequence=1, suite="C1")
    else:
        keyring.approve("3301", keys.city_signing)
        write_package(out, "distribution", Sender("3301", "市"), keys.city_signing, [],
                      [{"catalogue": [1, 2, {"x": None}]}], [attachment], sequence=1,
                      suite="C1")
    _CACHE[kind] = (out.read_bytes(), keyring)
    return _CACHE[kind]


mutations = st.lists(
    st.one_of(
        st.tuples(st.just("set"), st.integers(0, 10**6), st.integers(0, 255)),
        st.tuples(st.just("cut"), st.integers(0, 10**6), st.just(0)),
        st.tuples(st.just("insert"), st.integers(0, 10**6), st.integers(0, 255)),
        st.tuples(st.just("delete"), st.integers(0, 10**6), st.integers(1, 64)),
    ),
    min_size=1, max_size=4)


def _mutate(data: bytes, steps: list[tuple[str, int, int]]) -> bytes:
    result = bytearray(data)
    for action, raw_position, value in steps:
        position = raw_position % (len(result) + 1)
        if action == "set" and position < len(result):
            result[position] = value
        elif action == "cut":
            del result[position:]
        elif action == "insert":
            result.insert(position, value)
        elif action == "delete":
            del result[position:position + value]
    return bytes(result)


@pytest.mark.parametrize("kind", ["report", "distribution"])
@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=mutations)
def test_mutated_package_raises_only_own_errors(kind: str, steps: list[tuple[str, int, int]],
                                                tmp_path_factory: pytest.TempPathFactory
                                                ) -> None:
    folder = tmp_path_factory.getbasetemp() / f"fuzz-{kind}"
    folder.mkdir(exist_ok=True)
    data, keyring = _sample(kind, folder)
    mutated = _mutate(data, steps)
    path = folder / "mutated.mlp"
    path.write_bytes(mutated)
    temp_dir = folder / "tmp"
    temp_dir.mkdir(exist_ok=True)
    try:
        package = read_package(path, keyring=keyring, temp_dir=temp_dir)
    except MeiliError:
        assert list(temp_dir.iterdir()) == []
        return
    # Only a mutation that changed nothing may be accepted.
    assert mutated == data
    package.discard()
    shutil.rmtree(temp_dir)
