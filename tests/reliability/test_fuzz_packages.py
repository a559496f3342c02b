"""Fuzz the package reader with mutated copies of the committed golden packages.

Every mutation must end in a project error (never another exception) and leave the
temporary folder empty; only the unchanged file may be accepted. Mutations aim at the whole
file, at the header, and at the encrypted payload, and also splice in bytes of another
package, as a chat app that mixes up downloads might.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meili_desktop.errors import MeiliError
from meili_desktop.exchange.container import read_package
from meili_desktop.messages import known_codes
from tests.exchange.conftest import FakeKeyring
from tests.exchange.make_vectors import VECTORS_DIR, load_keys
from tests.reliability.fuzzing import fuzz_settings

CASES = [("C1", "report"), ("C1", "distribution"), ("G1", "report"), ("G1", "distribution")]
CODES = known_codes()
# The preamble and header of the golden packages fit in their first bytes; mutations aimed
# here reach the header parser rather than the chunk authentication.
HEADER_BYTES = 2048

Mutation = tuple[str, int, int]
mutations = st.lists(
    st.tuples(st.sampled_from(["set", "flip", "cut", "insert", "delete", "splice"]),
              st.integers(0, 2**31), st.integers(0, 255)),
    min_size=1, max_size=5)
regions = st.sampled_from(["anywhere", "header", "payload"])


@cache
def keyring_for(suite_id: str, kind: str) -> FakeKeyring:
    """Build the reader's keyring once per package kind, because the reader only looks keys
    up. Loading a G1 key signs and verifies a test message, which cost 3/4 of a case."""
    keys = load_keys(suite_id)
    keyring = FakeKeyring(suite_id)
    if kind == "report":
        keyring.approve("330106001", keys["township_signing"])
        keyring.add_private(keys["city_escrow"])
    else:
        keyring.approve("3301", keys["city_signing"])
    return keyring


def mutate(data: bytes, other: bytes, steps: list[Mutation], region: str) -> bytes:
    """Apply ``steps`` to ``data`` at positions inside ``region``."""
    result = bytearray(data)
    for action, raw_position, value in steps:
        low, high = 0, len(result)
        if region == "header":
            high = min(len(result), HEADER_BYTES)
        elif region == "payload":
            low = min(len(result), HEADER_BYTES)
        position = low + raw_position % (high - low + 1)
        if action == "set" and position < len(result):
            result[position] = value
        elif action == "flip" and position < len(result):
            result[position] ^= 1 << (value % 8)
        elif action == "cut":
            del result[position:]
        elif action == "insert":
            result[position:position] = bytes([value]) * (1 + value % 16)
        elif action == "delete":
            del result[position:position + 1 + value]
        elif action == "splice":
            start = raw_position % max(1, len(other))
            result[position:position + value] = other[start:start + value]
    return bytes(result)


@cache
def golden_package(suite_id: str, kind: str) -> bytes:
    return (VECTORS_DIR / f"{suite_id.lower()}_{kind}.mlp").read_bytes()


@pytest.fixture(scope="module")
def case_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder that every case of the module reuses. Each case must leave ``tmp`` empty."""
    folder = tmp_path_factory.mktemp("fuzz-package")
    (folder / "tmp").mkdir()
    return folder


@pytest.mark.parametrize(("suite_id", "kind"), CASES)
@fuzz_settings()
@given(steps=mutations, region=regions)
def test_fuzz_read_package(suite_id: str, kind: str, steps: list[Mutation], region: str,
                           case_folder: Path) -> None:
    original = golden_package(suite_id, kind)
    other_kind = "distribution" if kind == "report" else "report"
    other = golden_package(suite_id, other_kind)
    path = case_folder / "上报包.mlp"
    mutated = mutate(original, other, steps, region)
    path.write_bytes(mutated)
    temp_dir = case_folder / "tmp"

    try:
        package = read_package(path, keyring=keyring_for(suite_id, kind), temp_dir=temp_dir)
    except MeiliError as error:
        assert error.code in CODES, error.code
        assert list(temp_dir.iterdir()) == []
        return
    try:
        assert mutated == original, "a changed package was accepted"
    finally:
        package.discard()
    assert list(temp_dir.iterdir()) == []
